# Where output goes (issue 9, items 6 and 7): a failed write on standard
# output is an error (exit 2, one line), and -o FILE / init FILE replace a
# file's contents without changing what FILE is: a symlink stays a link
# (its target is written), a file keeps its mode, and a device, FIFO or
# directory is refused before anything is written.

# /dev/full takes no bytes: every command that prints says so and exits 2,
# whatever the size of its output (small outputs fail at the final flush,
# large ones on the way).
$ carryover plan --json $SRC/examples/lb.ini > /dev/full
? 2
! carryover: standard output: No space left on device

$ carryover plan $SRC/examples/lb.ini > /dev/full
? 2
! carryover: standard output:

$ carryover week 2027-03-02 > /dev/full
? 2
! carryover: standard output:

$ carryover session 2027-03-02 > /dev/full
? 2
! carryover: standard output:

$ carryover check $SRC/examples/lb.ini > /dev/full
? 2
! carryover: standard output:

$ carryover profile check $SRC/examples/lb.ini > /dev/full
? 2
! carryover: standard output:

$ carryover activities > /dev/full
? 2
! carryover: standard output:

$ carryover exercises > /dev/full
? 2
! carryover: standard output:

$ carryover export ics > /dev/full
? 2
! carryover: standard output:

$ carryover init - > /dev/full
? 2
! carryover: standard output:

# A closed standard output is an error too.
$ carryover exercises >&-
? 2
! carryover: standard output: Bad file descriptor

# A failing command keeps its own exit code (here 2 for bad input).
$ carryover plan nope.ini > /dev/full
? 2
! 'nope.ini'

# The whole feed, to compare the others with.
$ carryover export ics -o ref.ics && grep -c BEGIN:VEVENT ref.ics > ref.count && test -s ref.count && echo counted
> counted

# -o through a symlink writes its target; the link stays a link.
$ carryover export ics -o real.ics && ln -s real.ics link.ics && : > real.ics && carryover export ics -o link.ics && test -L link.ics && test "$(grep -c BEGIN:VEVENT real.ics)" = "$(cat ref.count)" && echo every event
> every event

# a dangling symlink names the file to create
$ ln -s made.ics dangling.ics && carryover export ics -o dangling.ics && test -L dangling.ics && test -f made.ics && echo made
> made

# An existing file keeps its mode (0600 stays 0600, not 0644).
$ : > private.ics && chmod 600 private.ics && carryover export ics -o private.ics && ls -l private.ics && test "$(grep -c BEGIN:VEVENT private.ics)" = "$(cat ref.count)" && echo every event
> -rw------- 
> every event

# A new file gets 0666 less the umask.
$ umask 027 && carryover export ics -o new.ics && ls -l new.ics
> -rw-r----- 

# Not a regular file: refused with exit 2, left as it was.
$ mkfifo fifo.ics && carryover export ics -o fifo.ics; echo "rc=$?"; test -p fifo.ics && echo still a fifo
> rc=2
> still a fifo
! carryover: cannot write 'fifo.ics': it is a FIFO, not a regular file

$ mkdir dir.ics && carryover export ics -o dir.ics
? 2
! carryover: cannot write 'dir.ics': it is a directory, not a regular file

# (Devices are only ever reached through a link in this folder: run as root
# against a carryover without the check, '-o /dev/null' would replace the
# system's /dev/null by a regular file; here only the link is at risk.)
$ ln -s /dev/null null.ics && carryover export ics -o null.ics; echo "rc=$?"; test -L null.ics && echo still a link; test -c /dev/null && echo still a device
> rc=2
> still a link
> still a device
! carryover: cannot write 'null.ics': it is a device, not a regular file

$ ln -s loop1 loop2 && ln -s loop2 loop1 && carryover export ics -o loop1
? 2
! carryover: cannot write 'loop1': too many levels of symbolic links

# A bad path is the user's input: exit 2, one line naming it.
$ carryover export ics -o no/such/dir/plan.ics
? 2
! carryover: cannot write 'no/such/dir/plan.ics': No such file or directory

# '-o -' and '-o /dev/stdout' are standard output, whatever it is.
$ carryover export ics -o - | grep -c BEGIN:VEVENT | { read n; test "$n" = "$(cat ref.count)" && echo every event; }
> every event

# (guarded by the help text: a carryover that renamed over -o's path would
# replace the system's /dev/stdout link by a regular file when run as root)
$ carryover export ics --help | grep -q "'-' is standard output" && carryover export ics -o /dev/stdout | grep -c BEGIN:VEVENT | { read n; test "$n" = "$(cat ref.count)" && echo every event; }
> every event

$ carryover export ics -o - > /dev/full
? 2
! carryover: standard output:

# Nothing of the temporary files is left behind.
$ ls -A
>! .tmp
>! .fifo.ics.
>! .dir.ics.

# init FILE --force: the same rules.
$ carryover init --name A --force link.ics && test -L link.ics && grep -c "name = A" real.ics
> 1

$ carryover init --name A --force private.ics && ls -l private.ics
> -rw------- 

$ carryover init --name A --force fifo.ics
? 2
! carryover: cannot write 'fifo.ics': it is a FIFO, not a regular file

$ carryover init --name A --force null.ics; echo "rc=$?"; test -L null.ics && echo still a link
> rc=2
> still a link
! it is a device, not a regular file

# without --force an existing target (through a link) is never replaced
$ carryover init --name B link.ics
? 2
! 'link.ics' already exists (use --force to overwrite)

$ carryover init --name B made2.ini && cat made2.ini
> name = B

# init: '-' and /dev/stdout are standard output (guarded as above)
$ carryover init --help | grep -q -- "--ask" && carryover init /dev/stdout --name Z | grep '^name'
> name = Z
