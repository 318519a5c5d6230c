# carryover status: readiness from the D4 signals, the load figures,
# sparklines and the next session, on simulated athletes logged through the
# CLI over several weeks (CARRYOVER_TODAY moves with --date).

# No athlete stored yet: one line, exit 2, nothing on stdout.
$ carryover status
? 2
! no current athlete: store a profile first

$ CARRYOVER_TODAY=2027-03-10 carryover plan $SRC/examples/lb.ini --json > /dev/null

# Nothing logged: said plainly, readiness good, every figure null.
$ CARRYOVER_TODAY=2027-03-10 carryover status
> Status on 2027-03-10: readiness good
> Nothing logged yet: no load and no signals to go on.
> Next session:
>! Signals:

$ CARRYOVER_TODAY=2027-03-10 carryover status --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["readiness"], d["signals"], sorted(d["load"].items()), d["next_session"]["date"][:9])'
> good [] [('acute', None), ('acwr', None), ('atl', None), ('chronic', None), ('ctl', None), ('monotony', None), ('strain', None), ('tsb', None)] 2027-03-1

# An athlete whose RPE drifts up at the same load: rdl at 100 lb, RPE 7 for
# three weeks, then 8. The third week at 7.5 was not yet a signal.
$ for d in 2027-02-15 2027-02-22; do CARRYOVER_TODAY=$d carryover log --date $d rdl 3x8@100 rpe 7 && CARRYOVER_TODAY=$d carryover log --date $d session 45min rpe 6; done > /dev/null

$ CARRYOVER_TODAY=2027-03-01 carryover log --date 2027-03-01 rdl 3x8@100 rpe 7.5

$ CARRYOVER_TODAY=2027-03-02 carryover status
> readiness good
> no fatigue signal (METHOD D4) in the last 7 days
>! rpe_drift

$ CARRYOVER_TODAY=2027-03-08 carryover log --date 2027-03-08 rdl 3x8@100 rpe 8.5

$ CARRYOVER_TODAY=2027-03-10 carryover status
> Status on 2027-03-10: readiness caution
> fatigue signals (METHOD D4) of one kind in the last 7 days: rpe_drift
> rpe_drift  D4: romanian_deadlift at 100 lb: RPE 8.5 on 2027-03-08, 7.5 on 2027-03-01 (value 1, threshold 1)
> Load (session RPE x minutes; 2 sessions without minutes or effort not counted):
> acute:chronic
> Last 24 days (2027-02-15 to 2027-03-10), one character a day:

$ CARRYOVER_TODAY=2027-03-10 carryover status --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["readiness"]); [print(g) for g in d["signals"]]'
> caution
> {'id': 'rpe_drift', 'rule': 'D4', 'value': 1, 'threshold': 1, 'detail': 'romanian_deadlift at 100 lb: RPE 8.5 on 2027-03-08, 7.5 on 2027-03-01'}

# A week later the signal has left the 7-day window.
$ CARRYOVER_TODAY=2027-03-16 carryover status
> readiness good

# A new niggle on top of it: two kinds of signal, readiness poor.
$ CARRYOVER_TODAY=2027-03-10 carryover log niggle knee_right 3 > /dev/null

$ CARRYOVER_TODAY=2027-03-10 carryover status
> readiness poor
> of two or more kinds in the last 7 days: rpe_drift, new_niggle
> new_niggle D4: knee_right logged on 2027-03-10, 3/10

# A runner (own store) whose load doubles after 8 weeks of the same every
# day: 40 min at RPE 5, then 80 min. With the default flag (1.5) a doubling
# of a steady load is no spike (the EWMA ratio peaks near 1.35); with the
# athlete's acwr_threshold = 1.3 it is.
$ sed 's/^strides = yes/strides = yes\nacwr_threshold = 1.3/' $SRC/examples/5k.ini > acwr.ini && CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-10 carryover plan acwr.ini --json > /dev/null

$ for i in $(seq 0 55); do d=$(date -d "2027-01-10 + $i days" +%F); CARRYOVER_DB=acwr.db CARRYOVER_TODAY=$d carryover log --date $d session 40min rpe 5 || exit 1; done > /dev/null

$ CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-06 carryover status
> readiness good
> acute:chronic 1.02 (flag above 1.30)
> last 7 days: monotony - (no variation)   strain -

$ for d in 2027-03-06 2027-03-07 2027-03-08 2027-03-09 2027-03-10; do CARRYOVER_DB=acwr.db CARRYOVER_TODAY=$d carryover log --date $d session 80min rpe 5 || exit 1; done > /dev/null

$ CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-10 carryover status
> readiness caution
> acwr       D4: acute:chronic load 1.37 (acute 353, chronic 257), above 1.30
> Last 56 days (2027-01-14 to 2027-03-10), one character a day:
> load  ___________________________________________________#####  200 to 400

$ CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-10 carryover status --json | python3 -c 'import json,sys; d=json.load(sys.stdin); g=d["signals"][0]; l=d["load"]; print(g["id"], g["value"], g["threshold"], l["acute"], l["chronic"], l["acwr"])'
> acwr 1.37 1.3 352.54 257.34 1.37

# Block characters on a UTF-8 locale; NO_COLOR does not change them.
$ LC_ALL=en_US.UTF-8 NO_COLOR=1 CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-10 carryover status
> load  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█████

$ LC_ALL=en_US.UTF-8 TERM=dumb CARRYOVER_DB=acwr.db CARRYOVER_TODAY=2027-03-10 carryover status
> load  ___________________________________________________#####

$ carryover status --bogus
? 2
! --bogus

$ carryover status --help
> usage: carryover status [--json]
