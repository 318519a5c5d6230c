# carryover history: the log, oldest first, as lines or JSON; date ranges.

$ CARRYOVER_TODAY=2027-03-10 carryover plan $SRC/examples/lb.ini --json > /dev/null

$ CARRYOVER_TODAY=2027-03-10 carryover history
> nothing logged yet

$ CARRYOVER_TODAY=2027-03-10 carryover history --json
> []

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-01 trap_bar_deadlift 2x5@275 rpe 8 note "felt \"heavy\""

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-03 run easy 40min 7.5km

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-05 niggle achilles_left 3

$ CARRYOVER_TODAY=2027-03-10 carryover log test squat right 40cm fair

# The profile is in lb: a bare load is in lb.
$ CARRYOVER_TODAY=2027-03-10 carryover history
> session-1    2027-03-01  session logged
> set-1        2027-03-01  set     trap_bar_deadlift #1 5 reps @ 275 lb rpe 8 "felt "heavy""
> run-1        2027-03-03  run     easy 40min 7.5km (5:20/km)
> niggle-1     2027-03-05  niggle  achilles_left 3/10
> test-1       2027-03-10  test    single_leg_squat right 40 cm control fair

$ CARRYOVER_TODAY=2027-03-10 carryover history --since 2027-03-02 --until 2027-03-05
> run-1
> niggle-1
>! set-1
>! test-1

$ CARRYOVER_TODAY=2027-03-10 carryover history --json
> {"id": "session-1", "kind": "session", "date": "2027-03-01", "minutes": null, "rpe": null, "status": "logged", "planned": null, "title": null, "imported": false, "note": null}
> {"id": "set-1", "kind": "set", "date": "2027-03-01", "session": "session-1", "exercise": "trap_bar_deadlift", "mapped": true, "set": 1, "type": "working", "load": 275, "unit": "lb", "reps": 5, "seconds": null, "rpe": 8, "note": "felt \"heavy\""}
> {"id": "run-1", "kind": "run", "date": "2027-03-03", "type": "easy", "minutes": 40, "distance_km": 7.5, "pace_s_per_km": 320, "rpe": null, "avg_hr": null, "activity": null, "note": null}
> {"id": "niggle-1", "kind": "niggle", "date": "2027-03-05", "site": "achilles_left", "severity": 3, "cleared": null, "note": null}
> {"id": "test-1", "kind": "test", "date": "2027-03-10", "test": "single_leg_squat", "side": "right", "value": 40, "unit": "cm", "control": "fair", "exercise": null, "reps": null, "note": null}

$ CARRYOVER_TODAY=2027-03-10 carryover history --since 2027-13-01
? 2
! --since:

# The date forms of week and session (docs/cli/week.md), looking back: a
# weekday is the last such day, today included (2027-03-10 is a Wednesday).
$ CARRYOVER_TODAY=2027-03-10 carryover history --since -8 --until fri
> run-1
> niggle-1
>! set-1
>! test-1

$ CARRYOVER_TODAY=2027-03-10 carryover history --since yesterday
> test-1
>! niggle-1

$ CARRYOVER_TODAY=2027-03-10 carryover history --since someday
? 2
! carryover: --since: invalid date 'someday' (expected YYYY-MM-DD, today, tomorrow, yesterday, a weekday or +N/-N days)

# A reversed range is refused, as activities refuses it; an empty one says
# how much is stored.
$ CARRYOVER_TODAY=2027-03-10 carryover history --since 2027-03-05 --until 2027-03-02
? 2
! carryover: --since 2027-03-05 is after --until 2027-03-02 (expected the earlier date first)

$ CARRYOVER_TODAY=2027-03-10 carryover history --since 2027-03-06 --until 2027-03-09
> nothing logged between 2027-03-06 and 2027-03-09 (6 stored)

$ CARRYOVER_TODAY=2027-03-10 carryover history --until 2027-02-01
> nothing logged on or before 2027-02-01 (6 stored)
