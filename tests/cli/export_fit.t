# carryover export fit: FIT workout files for the watch, one per session,
# and bad usage. Garmin's SDK reads the files in depth
# (tests/oracle/fitworkout.test.mjs); these cases check what a user sees.

# Without --week or --session: the next 7 days from today.
$ CARRYOVER_TODAY=2027-01-04 carryover export fit $SRC/examples/marathon.ini -o watch/new
> watch/new/2027-01-05-posterior_chain.fit  Strength A: posterior chain, 
> watch/new/2027-01-07-stability.fit  Strength B: stability
!!

# Each line gives the steps the watch will walk (the oracle counts them).
$ CARRYOVER_TODAY=2027-01-04 carryover export fit -o watch/again | awk '{ print ($NF == "steps" && $(NF-1) + 0 > 10) ? "steps counted" : "no count: " $0 }' | sort -u
> steps counted

# The folder was created; every file is whole, no temporary file is left.
$ ls watch/new && ls -a watch/new | grep -c tmp
? 1
> 2027-01-05-posterior_chain.fit
> 2027-01-07-stability.fit
>! tmp

# The same plan gives the same bytes (the stored profile is used now).
$ CARRYOVER_TODAY=2027-01-04 carryover export fit --session 2027-01-05 -o again && cmp again/2027-01-05-posterior_chain.fit watch/new/2027-01-05-posterior_chain.fit && ls again
> again/2027-01-05-posterior_chain.fit
>! stability

# A week, by any of its days.
$ carryover export fit --week 2027-01-13 -o week2
> week2/2027-01-12-posterior_chain.fit
> week2/2027-01-14-stability.fit

# The date forms of week and session: a weekday is the next such day.
$ CARRYOVER_TODAY=2027-01-04 carryover export fit --session tue -o fwd && ls fwd
> 2027-01-05-posterior_chain.fit

$ CARRYOVER_TODAY=2027-01-04 carryover export fit --week +8 -o fwd8
> fwd8/2027-01-12-posterior_chain.fit
> fwd8/2027-01-14-stability.fit

$ carryover export fit --session someday -o x
? 2
! invalid date 'someday' (expected YYYY-MM-DD, today, tomorrow, yesterday, a weekday or +N/-N days)

# A day without a session writes nothing, and is not an error.
$ carryover export fit --session 2027-01-04 -o rest
> no strength session on 2027-01-04: nothing written
$ ls rest
? 2

$ carryover export fit --help
> usage: carryover export fit [PROFILE] [--week DATE | --session DATE] -o DIR
> GARMIN/NewFiles

$ carryover export fit --week 2027-01-04
? 2
! no output folder (expected '-o DIR')

$ carryover export fit --week 2027-01-04 --session 2027-01-05 -o x
? 2
! '--week' or '--session', not both

$ carryover export fit --week 2030-01-07 -o x
? 2
! export fit: 2030-01-07 is outside the plan (2027-01-04 to

$ carryover export fit --session 2027-02-30 -o x
? 2
! 2027-02-30

# A folder that cannot be made is a bad -o (exit 2, as for export ics -o),
# reported with its name.
$ touch afile && carryover export fit --week 2027-01-04 -o afile/sub
? 2
! cannot create 'afile/sub'

# A file in DIR that is not a regular file is refused, not replaced.
$ mkdir -p wk && mkfifo wk/2027-01-05-posterior_chain.fit && carryover export fit $SRC/examples/marathon.ini --week 2027-01-04 -o wk
? 2
! 2027-01-05-posterior_chain.fit

$ test -p wk/2027-01-05-posterior_chain.fit && echo still a fifo
> still a fifo
