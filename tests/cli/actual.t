# The actual side of the plan (issue 10.2, docs/cli/week.md "Planned against
# done"): a run imported or logged on a day stands in for that day's planned
# run in `plan --json` and `week`, and each session says what the log holds
# of it. examples/5k.ini plans Tue intervals 50', Thu tempo 40' and sessions
# on Tue 2027-03-02, Fri 03-05, Tue 03-09 and Fri 03-12; today is pinned.

$ CARRYOVER_TODAY=2027-03-10 carryover plan $SRC/examples/5k.ini --json > before.json

# Nothing logged yet: every run is the plan's, no past session is "missed".
$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-09
> runs: Tue intervals 50', Wed easy 30', Thu tempo 40', Sat easy 30',
>! missed
>! (planned

# A run logged by hand on Tuesday replaces the planned intervals, which stay visible.
$ CARRYOVER_TODAY=2027-03-10 carryover log run tempo 50min 10.2km rpe 7 --date 2027-03-09
> logged run-1

$ CARRYOVER_TODAY=2027-03-10 carryover plan --json | cmp -s - before.json || echo changed
> changed

$ CARRYOVER_TODAY=2027-03-10 carryover plan --json | tr -d ' \n' | grep -o '{"date":"2027-03-09","type":"tempo"[^}]*}}'
> "minutes":50,"key":true,"distance_km":10.2,"source":"log","rpe":7,"planned":{"type":"intervals","minutes":50,"distance_km":null,"source":"template"}}

$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-09
> Tue tempo 50' 10.2 km (logged, RPE 7; planned intervals 50')
> (planned 220 min, 160 key)

# An imported run (a GPX made here: 45 min, 9 km on Thursday 2027-03-04, a planned tempo).
$ awk 'BEGIN { print "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>"; for (i = 0; i <= 270; i++) printf "<trkpt lat=\"%.6f\" lon=\"0.000000\"><time>2027-03-04T07:%02d:%02dZ</time></trkpt>\n", 51 + i * 0.0003, i / 6, (i % 6) * 10; print "</trkseg></trk></gpx>" }' > thu.gpx && carryover import -q thu.gpx

$ CARRYOVER_TODAY=2027-03-10 carryover plan --json | tr -d ' \n' | grep -o '{"date":"2027-03-04",[^}]*}}'
> "minutes":45,"key":true,"distance_km":9.007,"source":"import","rpe":null,"planned":{"type":"tempo","minutes":40

$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-04
> Thu easy 45' 9 km (imported; planned tempo 40')

# A run on a day the plan had none is added, planned null; `check` still
# checks the plan (no unexplained E2 for Tuesday's session after it).
$ CARRYOVER_TODAY=2027-03-10 carryover log run intervals 40min --date 2027-03-08
> logged run-2

$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-08
> Mon intervals 40' (logged; not planned)

$ CARRYOVER_TODAY=2027-03-10 carryover check
> no rule broken without an explanation
> E2 2027-03-09 posterior_chain session on Tuesday's intervals day
>! Tuesday's tempo day

# Sessions: done (log done), skipped with its reason, partly done from the sets.
$ CARRYOVER_TODAY=2027-03-10 carryover log done 2027-03-02
$ CARRYOVER_TODAY=2027-03-10 carryover log skip 2027-03-05 sick
$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-09 bodyweight_squat 2x10
$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-09 calf_raise 2x20

$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-02
> Tue 2027-03-02  Strength A: posterior chain, about 30 min
>     done
>     skipped: sick

$ CARRYOVER_TODAY=2027-03-10 carryover session 2027-03-09
>     partly done: 2 of 8 exercises logged in full

$ CARRYOVER_TODAY=2027-03-10 carryover session 2027-03-09 --json | tr -d ' \n' | grep -o '"status":[^,]*,"items_done":[^,]*,"items_planned":[^,]*'
> "status":"partly_done","items_done":2,"items_planned":8

$ CARRYOVER_TODAY=2027-03-10 carryover plan --json | tr -d ' \n' | grep -o '"status":"skipped"[^}]*'
> "status":"skipped","items_done":null,"items_planned":null,"skip_reason":"sick"

# Friday 2027-03-12 is still to come on the 10th; a week later, nothing
# logged on it makes it missed. Every set of the 16th logged: done.
$ CARRYOVER_TODAY=2027-03-10 carryover session 2027-03-12 --json | tr -d ' \n' | grep -o '"status":"[a-z_]*"'
> "status":"planned"

$ CARRYOVER_TODAY=2027-03-17 carryover session 2027-03-12
>     missed: nothing logged

$ CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 bodyweight_single_leg_rdl 1x10 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 bodyweight_squat 1x10 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 glute_bridge 1x10 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 side_lying_leg_raise 1x8 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 calf_raise 2x11 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 wall_tibialis_raise 2x11 && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 kneeling_plank 1x30s && CARRYOVER_TODAY=2027-03-17 carryover log --date 2027-03-16 kneeling_side_plank 1x15s

$ CARRYOVER_TODAY=2027-03-17 carryover week 2027-03-16
> Tue 2027-03-16  Strength A: posterior chain, about 18 min
>     done
>! missed

# `check` checks the plan, not what was done: intervals run on a planned
# easy Thursday are no E2 violation of Friday's session (Eve lifts Mon and Fri).
# Eve logs no lifting, so her past sessions are not "missed": her log has not begun.
$ printf '[athlete]\nname = Eve\nequipment = bodyweight\nsessions_per_week = 2\ndouble_days = no\nstart = 2027-03-01\n[week]\nmon = easy 30\ntue = easy 30\nwed = tempo 40\nthu = easy 30\nfri = easy 30\nsat = easy 30\nsun = long 80\n' > eve.ini && CARRYOVER_TODAY=2027-03-10 carryover plan eve.ini --json > /dev/null

$ CARRYOVER_TODAY=2027-03-10 carryover log run intervals 45min --date 2027-03-04
> logged run-

$ COLUMNS=200 CARRYOVER_TODAY=2027-03-10 carryover week 2027-03-04
> Thu intervals 45' (logged; planned easy 30')
>! missed

$ CARRYOVER_TODAY=2027-03-10 carryover check
> no rule broken without an explanation
>! easy day after Thursday's intervals
