# Whose data is it (issue 9.12): carryover athletes lists and switches the
# current athlete; profile show prints the stored profile and where it came
# from; import says whose activities it stores; an edited profile file is
# re-read (a new version) with one line on stderr.

$ carryover athletes
> no athletes yet

$ carryover athletes --json
> []

$ cp $SRC/examples/marathon.ini $SRC/examples/5k.ini . && carryover plan marathon.ini > /dev/null && carryover plan 5k.ini > /dev/null

# The last profile stored is the current one, marked '*'.
$ carryover athletes
>   Alex Runner  profile version 1, from
> * Sam Quick    profile version 1, from
> /5k.ini
!!

$ carryover athletes --json
> {"name": "Alex Runner", "current": false, "profile_version": 1, "profile_source": "
> {"name": "Sam Quick", "current": true, "profile_version": 1,

$ carryover athletes use 'alex runner'
> current athlete: Alex Runner

$ carryover athletes
> * Alex Runner
>   Sam Quick

$ carryover athletes use 'Alex Runer'
? 2
! no athlete 'Alex Runer' in the store (did you mean 'Alex Runner'?)

$ carryover athletes use
? 2
! athletes use: missing NAME

$ carryover athletes rename x
? 2
! athletes: unknown subcommand 'rename' (expected 'use')

# profile show: the stored text after comment lines; its output is a profile.
$ carryover profile show
> # the stored profile of Alex Runner (the current athlete), version 1
> /marathon.ini
> name = Alex Runner

$ carryover profile show > shown.ini && carryover profile check shown.ini
> shown.ini: ok

$ carryover --athlete 'Sam Quick' profile show
> # the stored profile of Sam Quick, version 1
> name = Sam Quick

$ carryover --db empty.db profile show
? 2
! no profile yet

# import names whose activities it stores.
$ printf '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg><trkpt lat="52.0" lon="13.0"><time>2026-11-02T07:00:00Z</time></trkpt><trkpt lat="52.001" lon="13.0"><time>2026-11-02T07:01:00Z</time></trkpt><trkpt lat="52.002" lon="13.0"><time>2026-11-02T07:02:00Z</time></trkpt></trkseg></trk></gpx>' > run.gpx && carryover import -q run.gpx
> storing activities for Alex Runner

$ carryover import -q --profile 5k.ini run.gpx
> storing activities for Sam Quick

$ carryover athletes use 'Alex Runner'

# An edited profile file is re-read: a new version, one line on stderr, the
# plan follows the edit; the next command finds nothing new.
$ sed 's/^level = .*/level = advanced/' marathon.ini > m.tmp && mv m.tmp marathon.ini && carryover week 2027-01-06
! marathon.ini' has changed: stored it as version 2 of Alex Runner's profile (was 1)
> == week 1 of 18

$ carryover week 2027-01-06
!!

$ carryover athletes
> * Alex Runner  profile version 2

$ carryover profile show
> level = advanced

# Re-reading someone else's profile (--athlete) keeps the current athlete.
$ sed 's/^start = .*/start = 2027-03-08/' 5k.ini > s.tmp && mv s.tmp 5k.ini && carryover --athlete 'Sam Quick' plan --weeks 1
! stored it as version 2 of Sam Quick's profile
> 2027-03-08

$ carryover athletes
> * Alex Runner
>   Sam Quick    profile version 2

# A changed file that is no longer valid: its file and line, exit 2.
$ echo 'bogus' >> marathon.ini && carryover week 2027-01-06
? 2
! marathon.ini:
! got 'bogus' (the stored profile of 'Alex Runner' came from this file, which has changed)

# A file that names someone else now is not stored under this athlete.
$ sed -e '$d' -e 's/^name = .*/name = Bob/' marathon.ini > m.tmp && mv m.tmp marathon.ini && carryover week 2027-01-06
! has changed and now names 'Bob': still using the stored profile of 'Alex Runner'
> carryover plan for Alex Runner

# A file that is gone: the stored profile stands, silently.
$ rm marathon.ini && carryover week 2027-01-06
> carryover plan for Alex Runner
!!
