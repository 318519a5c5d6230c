# carryover plan / week / session: the season overview, the window options,
# one week, one day's session card, and bad input.

# The whole season of the example: base to recovery around the marathon,
# the B-race half as a race week, deloads marked, the first weeks' cards.
$ carryover plan $SRC/examples/marathon.ini
> carryover plan for Alex Runner: 18 weeks, 2027-01-04 to 2027-05-09
> race: Spring Marathon (A, 42.2 km) on Sun 2027-04-25
>   1  2027-01-04  base
>   4  2027-01-25  base     deload
>  10  2027-03-08  race
>  14  2027-04-05  taper
>  15  2027-04-12  taper
>  16  2027-04-19  race
>  18  2027-05-03  recovery
> == week 1 of 18: 2027-01-04 to 2027-01-10, base ==
> why: E2: after Tuesday's intervals (at least 6 h later), so Wednesday stays
> Romanian deadlift
> tempo 3-1-X
> D6 baseline tests
>! == week 3 of 18
!!

# --from and --weeks window what is shown, never what is planned.
$ carryover plan $SRC/examples/marathon.ini --from 2027-04-14 --weeks 2
> 18 weeks
>  15  2027-04-12  taper
>  16  2027-04-19  race
>!  14  2027-04-05
>!  17  2027-04-26
> == week 15 of 18
> == week 16 of 18
> lifting in the 4 days before the race
> Strength: maintenance

$ carryover plan $SRC/examples/marathon.ini --weeks 2
>   2  2027-01-11  base
>!   3  2027-01-18
> == week 2 of 18

# JSON: the plan contract.
$ carryover plan $SRC/examples/marathon.ini --json
> "phase": "taper"
> "focus": "posterior_chain"
> "why": [
!!

# One week, and one day.
$ carryover week 2027-04-21 --profile $SRC/examples/marathon.ini
> == week 16 of 18: 2027-04-19 to 2027-04-25, race ==
> Spring Marathon

$ carryover session 2027-01-12 --profile $SRC/examples/marathon.ini
> Strength A: posterior chain
> why: E2: after Tuesday's intervals
> warm-up
> cool-down
> kg
!!

$ carryover session 2027-01-11 --profile $SRC/examples/marathon.ini
> no strength session on Monday 2027-01-11
> next session: Tuesday 2027-01-12

# A runs file named by the profile replaces the template day by day:
# week 3 of the coach's CSV has a fartlek instead of the tempo.
$ sed 's|^niggles.*|runs = marathon-runs.csv|' $SRC/examples/marathon.ini > m.ini; cp $SRC/examples/marathon-runs.csv .; carryover plan m.ini --weeks 3
>   3  2027-01-18  base               330/195
> Thu fartlek 50'
> Tue hills 55'

$ sed 's|^niggles.*|runs = missing.csv|' $SRC/examples/marathon.ini > m2.ini; carryover plan m2.ini
? 2
! missing.csv

# Bad input: the parser's one line, exit 2.
$ printf '[athlete]\nname = X\nsessions = 2\n[week]\ntue = tempoo 40\n' > bad.ini; carryover plan bad.ini
? 2
! carryover: bad.ini:3:

$ carryover plan nowhere.ini
? 2
! nowhere.ini

# The profile given earlier was stored as Alex Runner's: later commands need none.
$ carryover plan --weeks 1
> Alex Runner
$ carryover week 2027-01-06
> week 1 of 18
$ carryover session 2027-01-05
> Romanian deadlift

# A fresh store has no profile yet; --athlete names one that is not there.
$ carryover --db empty.db plan
? 2
! no profile yet
$ carryover --athlete 'Alex Runer' plan
? 2
! did you mean 'Alex Runner'

$ carryover plan $SRC/examples/marathon.ini --weeks zero
? 2
! --weeks

# After the plan: the last week, and a line that it ended; exit 0 (issue 9.13).
$ carryover week 2030-01-05
> the plan ended on Sunday 2027-05-09 (week 18 of 18)
> == week 18 of 18
!!

$ carryover session 2030-01-01 --profile $SRC/examples/marathon.ini
> the plan ended on Sunday 2027-05-09
!!

$ carryover plan --help
> usage: carryover plan [PROFILE]

# Band exercises say "band" where bodyweight moves say "bodyweight" (no load to choose).
$ printf '[athlete]\nname = Kim\nlevel = novice\nequipment = none\nstart = 2027-03-01\n[week]\ntue = easy 30\nthu = tempo 30\nsat = long 60\n' > kim.ini && carryover --db kim.db session 2027-03-02 --profile kim.ini
> Band good morning
> tempo 3-1-X  band
> bodyweight
