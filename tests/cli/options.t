# GNU habits on every command (src/cli/opt.h): --opt=value and --opt value,
# global options before or after the command, `--` ends the options, `-`
# reads a profile from standard input, a did-you-mean for misspelt options.

# --weeks=2 is --weeks 2.
$ carryover plan $SRC/examples/marathon.ini --weeks=2
> == week 2 of 18
>! == week 3 of 18
!!

$ carryover exercises --pattern=hinge --equipment=none
> band_good_morning
>! romanian_deadlift

# Short options take their value attached or apart.
$ carryover export ics $SRC/examples/marathon.ini -oplan.ics && head -1 plan.ics
> BEGIN:VCALENDAR

# A misspelt option: exit 2, and the option it was probably meant to be.
$ carryover plan --wekes 2
? 2
! carryover: plan: unknown option '--wekes' (did you mean '--weeks'?)

$ carryover --verison
? 2
! unknown option '--verison' (did you mean '--version'?)

$ carryover import --profle x.ini y.fit
? 2
! (did you mean '--profile'?)

# A flag takes no value; a value option needs one.
$ carryover plan --json=yes
? 2
! plan: option '--json' takes no value

$ carryover plan --weeks
? 2
! plan: option '--weeks' needs a value

# Short flags cluster: -vq is -v -q.
$ carryover import -vq
? 2
! give at least one file

# Global options after the command name work as before it.
$ carryover plan --weeks 1 --db other.db $SRC/examples/5k.ini
> Sam Quick
$ carryover --db other.db plan --weeks 1
> Sam Quick
$ carryover plan --weeks 1
> Alex Runner
$ carryover week 2027-03-08 --athlete=sam\ quick --db=other.db
> week 2 of 12
$ carryover week 2027-01-06 --athlete 'Alex Runner'
> week 1 of 18
$ carryover export --db other.db ics | grep X-WR-CALNAME
> Sam Quick

# `--` ends the options: a file whose name starts with '-'.
$ cp $SRC/examples/5k.ini ./-5k.ini && carryover --db dash.db plan --weeks 1 -- -5k.ini
> Sam Quick
$ carryover --db dash.db plan --weeks 1 -5k.ini
? 2
! unknown option '-5'

# '-' reads the profile from standard input.
$ carryover profile check - < $SRC/examples/5k.ini
> <stdin>: ok
> Sam Quick

$ printf '[athlete]\nlevle = novice\n' | carryover plan -
? 2
! carryover: <stdin>:2: unknown key 'levle' in [athlete] (did you mean 'level'?)

$ carryover --db stdin.db plan - --weeks 1 < $SRC/examples/lb.ini
> carryover plan for
$ carryover --db stdin.db session --profile=- 2027-03-02 < $SRC/examples/5k.ini
> week 1 of 12
$ carryover --db stdin.db plan --weeks 1
> Sam Quick

$ carryover check - < $SRC/examples/5k.ini
> no rule broken without an explanation

$ carryover init - --name=Sam
> name = Sam

# --help lists the options from the same table that parses them.
$ carryover plan --help
> --weeks N
> --from DATE
$ carryover week --help
> --profile FILE
> standard input
$ carryover --help
> --db PATH|URL
> global options

# -h and --help are answered in one place (co_cli_parse()): the command's
# usage on stdout, nothing on stderr, exit 0, even with other options or a
# mistake on the line; for a command with subcommands (export) too.
$ carryover report --help
? 0
> usage: carryover report [-o FILE]
!! nothing
$ carryover log -h
? 0
> usage: carryover log EXERCISE SETS
!! nothing
$ carryover log --bogus -h
? 0
> usage: carryover log EXERCISE SETS
!! nothing
$ carryover export -h
? 0
> usage: carryover export ics
!! nothing
$ carryover export csv --help
? 0
> usage: carryover export csv|json
!! nothing
