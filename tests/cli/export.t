# carryover export ics: the feed on stdout or in a file, timed events,
# and bad usage. The ical.js oracle (tests/oracle/ics.test.mjs) checks the
# feed in depth; these cases check what a user sees.

# An all-day feed on standard output, reproducible with SOURCE_DATE_EPOCH.
$ SOURCE_DATE_EPOCH=1798761600 carryover export ics $SRC/examples/marathon.ini
> BEGIN:VCALENDAR
> VERSION:2.0
> PRODID:-//carryover//carryover
> X-WR-CALNAME:carryover: Alex Runner
> UID:20270105-0-
> DTSTAMP:20270101T000000Z
> DTSTART;VALUE=DATE:20270105
> SUMMARY:Strength A — posterior chain
> DESCRIPTION:Strength A — posterior chain\, about
> SUMMARY:Baseline test — 
> END:VCALENDAR
!!

# -o writes the file whole, and prints nothing.
$ carryover export ics $SRC/examples/marathon.ini -o plan.ics && grep -c BEGIN:VEVENT plan.ics && ls
> plan.ics
>! .tmp

# Timed events: 18:30 in London, with the zone's VTIMEZONE in the feed.
$ SOURCE_DATE_EPOCH=1798761600 carryover export ics $SRC/examples/marathon.ini --time 18:30 --tz Europe/London
> X-WR-TIMEZONE:Europe/London
> BEGIN:VTIMEZONE
> DTSTART;TZID=Europe/London:20270105T183000
>! VALUE=DATE:20270105

$ carryover export ics $SRC/examples/marathon.ini --no-tests
>! Baseline test

$ carryover export ics --help
> usage: carryover export ics [PROFILE]
> Without PROFILE, the stored profile of the current athlete is used.

# The profile given above was stored: without one, the current athlete's is used.
$ carryover export ics
> SUMMARY:Strength A
> X-WR-CALNAME:carryover: Alex Runner

# A fresh store has no profile yet.
$ carryover --db empty.db export ics
? 2
! no profile yet

$ carryover export pdf $SRC/examples/marathon.ini
? 2
! unknown export format 'pdf' (expected ics, fit, csv or json)

$ carryover export ics $SRC/examples/marathon.ini --time 7pm
? 2
! carryover: invalid start time '7pm' (expected HH:MM, 00:00-23:59)

$ carryover export ics $SRC/examples/marathon.ini --time 07:00 --tz Mars/Olympus
? 2
! unknown time zone 'Mars/Olympus'

$ carryover export ics $SRC/examples/marathon.ini --tz Europe/London
? 2
! '--tz' needs '--time HH:MM'

$ carryover export ics nosuch.ini
? 2
! nosuch.ini

# A runs file with a bad row: the file, line and field, exit 2, and no output file.
$ printf '[athlete]\nname = R\nstart = 2027-01-04\nruns = runs.csv\n[week]\ntue = intervals 60\nsun = long 90\n' > p.ini && printf 'date,type,minutes\n2027-01-05,tempoo,50\n' > runs.csv && carryover export ics p.ini -o out.ics
? 2
! carryover: runs.csv:2: field 'type': unknown run type 'tempoo' (did you mean 'tempo'?)

$ ls
> runs.csv
>! out.ics

# What the runs feed could not read is a warning, and the feed is still written.
$ cp $SRC/examples/marathon-plan.ics coach.ics && printf '[athlete]\nname = R\nstart = 2027-01-04\nruns = coach.ics\n[week]\ntue = intervals 60\nsun = long 90\n' > q.ini && carryover export ics q.ini
> BEGIN:VCALENDAR
! carryover: warning: coach.ics:

# export csv|json --help: the usage on stdout, exit 0, without opening the store.
$ carryover --db no/such/dir/x.db export csv --help
> usage: carryover export csv|json [-o FILE]
!! nothing
