# Hostile or unlucky input (issue 9, items 10 and 11): the exit code says
# whose fault it was, and the one-line message says what happened, naming
# the file, line and field.

# --- the store (--db) --------------------------------------------------------

# A backend that does not exist yet, or an unknown scheme: the --db argument
# is bad usage (exit 2), and a password in the URL is never printed.
$ carryover --db postgresql://alex:secret@db.example/co activities
? 2
! PostgreSQL is not supported by this build yet
! alex:***@

$ carryover --db foo://x activities
? 2
! store 'foo://x': unknown kind of store

# An SQLite database of another program: refused, never migrated into.
$ sqlite3 other.db 'CREATE TABLE athletes(x); CREATE TABLE notes(y)' && carryover --db other.db activities; echo "rc=$?"; sqlite3 other.db .tables
> rc=3
>! activities
! carryover: store 'other.db': not a carryover store (an SQLite database with tables of its own

$ sqlite3 plain.db 'CREATE TABLE t(x)' && carryover --db plain.db activities
? 3
! not a carryover store

$ echo 'not a database at all, just some text that is long enough to read' > text.db && carryover --db text.db activities
? 3
! carryover: store 'text.db': not a carryover store (not an SQLite database)

# A store from a newer carryover: its version and ours.
$ carryover --db new.db activities && sqlite3 new.db 'PRAGMA user_version = 99' && carryover --db new.db activities
? 3
! carryover: store 'new.db': unknown schema version 99 (this carryover knows up to

$ carryover --db . activities
? 3
! carryover: store '.': is a directory, not a file

# Permissions: run as an unprivileged user (root may write anything, so as
# root the cases run as 'nobody' through setpriv; without it they are skipped).
$ chmod 755 . && cp "$CO_BIN" ./co && carryover --db locked.db activities >/dev/null && chmod 000 locked.db && mkdir ro && carryover --db ro/s.db activities >/dev/null && chmod 666 ro/s.db && rm -f ro/s.db-wal ro/s.db-shm && chmod 555 ro && echo ready
> ready

$ as() { if [ "$(id -u)" != 0 ]; then "$@"; elif command -v setpriv >/dev/null; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else echo "skipped: as root without setpriv" >&2; echo "Permission denied" >&2; return 3; fi; }; as ./co --db locked.db activities
? 3
! carryover: store 'locked.db': cannot open it for writing: Permission denied

$ as() { if [ "$(id -u)" != 0 ]; then "$@"; elif command -v setpriv >/dev/null; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else echo "skipped: as root without setpriv" >&2; echo "cannot create it in 'ro'" >&2; return 3; fi; }; as ./co --db ro/new.db activities
? 3
! carryover: store 'ro/new.db': cannot create it in 'ro': Permission denied

$ as() { if [ "$(id -u)" != 0 ]; then "$@"; elif command -v setpriv >/dev/null; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else echo "skipped: as root without setpriv" >&2; echo "its folder 'ro' is not writable" >&2; return 3; fi; }; as ./co --db ro/s.db activities
? 3
! carryover: store 'ro/s.db': its folder 'ro' is not writable (Permission denied)
>! readonly

# --- profiles ----------------------------------------------------------------

# init --name with bytes that are not UTF-8: the flag is blamed, exit 2, and
# nothing is written (it used to exit 1 blaming 'x.ini:7', the parse-back).
$ carryover init x.ini --name "$(printf 'A\377')"; echo "rc=$?"; test -e x.ini || echo nothing written
> rc=2
> nothing written
! carryover: --name: name is not UTF-8 text

# Names are measured in characters: 40 Japanese letters (120 bytes) are fine,
# 81 are too many.
$ carryover init jp.ini --name "$(printf '\343\201\202%.0s' $(seq 40))" && carryover profile check jp.ini
> jp.ini: ok

$ carryover init jp2.ini --name "$(printf '\343\201\202%.0s' $(seq 81))"
? 2
! carryover: --name: name is too long (81 characters, at most 80)

# CR-only line ends (old Mac editors) read as lines, not as "empty profile".
$ printf '[athlete]\rname = Mac\r[week]\rtue = easy 40\r' > cr.ini && carryover profile check cr.ini
> cr.ini: ok
> athlete:   Mac

# ...and line numbers count them.
$ printf '[athlete]\rname = Mac\rbody_mass = 250.0000001\r[week]\rtue = easy 40\r' > cr2.ini && carryover profile check cr2.ini
? 2
! carryover: cr2.ini:3: body_mass must be between 25 and 250 kg, got '250.0000001'

# A date out of range is said to be out of range, not "not a date".
$ carryover plan --from 2300-01-01 $SRC/examples/lb.ini
? 2
! date '2300-01-01' is out of range (years 1900 to 2200)

$ carryover week 2027-02-30
? 2
! '2027-02-30' is not a real date

# --- plan JSON -----------------------------------------------------------------

# A season before 1970: its weeks are written (0, 1970-01-01, was taken as
# "no --from" and every week was skipped as ending before it).
$ printf '[athlete]\nname = Past\nstart = 1969-06-02\n[week]\ntue = intervals 60\nsun = long 90\n' > old.ini && carryover plan --json old.ini
> "start": "1969-06-02"
> "index": 16
>! "weeks": []

$ carryover plan --json --from 1969-09-01 old.ini
> "index": 14
>! "index": 13,

# The contract's version is the first field.
$ carryover plan --json old.ini | head -2
> "version": 1,

# An empty plan JSON: said so, not "-1:-1: wrong arguments".
$ : > empty.json && carryover check empty.json
? 2
! carryover: empty.json: empty file (expected a plan as JSON, as 'carryover plan --json' writes it)
