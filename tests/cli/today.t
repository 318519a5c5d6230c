# Today and other dates (issue 9.13): week and session take today, tomorrow,
# yesterday, +N/-N and weekday names; before the plan starts they show
# week 1 and say when it starts; after it ends, that it ended; exit 0.
# CARRYOVER_TODAY pins today: Friday 2027-01-01, three days before the
# example's first week.

$ carryover plan $SRC/examples/marathon.ini > /dev/null

$ CARRYOVER_TODAY=2027-01-01 carryover week
> the plan starts on Monday 2027-01-04, in 3 days
> == week 1 of 18: 2027-01-04 to 2027-01-10, base ==
!!

$ CARRYOVER_TODAY=2027-01-01 carryover week --json
> "index": 1
! the plan starts on Monday 2027-01-04, in 3 days

# session needs no date: today by default.
$ CARRYOVER_TODAY=2027-01-01 carryover session
> the plan starts on Monday 2027-01-04, in 3 days
> first session: Tuesday 2027-01-05
!!

$ CARRYOVER_TODAY=2027-01-01 carryover session today
> the plan starts on Monday 2027-01-04, in 3 days

$ CARRYOVER_TODAY=2027-01-04 carryover session tomorrow
> Tue 2027-01-05  Strength A

$ CARRYOVER_TODAY=2027-01-06 carryover session yesterday
> Tue 2027-01-05  Strength A

# A weekday is the next such day, today included.
$ CARRYOVER_TODAY=2027-01-01 carryover session tue
> Tue 2027-01-05  Strength A

$ CARRYOVER_TODAY=2027-01-05 carryover session Tuesday
> Tue 2027-01-05  Strength A

$ CARRYOVER_TODAY=2027-01-01 carryover session +4
> Tue 2027-01-05  Strength A

# -N is a date, not an option.
$ CARRYOVER_TODAY=2027-01-08 carryover session -3
> Tue 2027-01-05  Strength A

# A day without a session says so and names the next one.
$ CARRYOVER_TODAY=2027-01-04 carryover session
> no strength session on Monday 2027-01-04
> next session: Tuesday 2027-01-05

$ CARRYOVER_TODAY=2027-01-01 carryover week +10
> == week 2 of 18: 2027-01-11
>! the plan starts

$ CARRYOVER_TODAY=2027-01-01 carryover plan --from tomorrow --weeks 1
>   1  2027-01-04

$ CARRYOVER_TODAY=2027-06-01 carryover week
> the plan ended on Sunday 2027-05-09 (week 18 of 18)
> == week 18 of 18

$ carryover session someday
? 2
! invalid date 'someday' (expected YYYY-MM-DD, today, tomorrow, yesterday, a weekday or +N/-N days)

$ carryover session +99999
? 2
! invalid date '+99999'
