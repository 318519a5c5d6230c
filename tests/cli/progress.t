# Progression from the training log (issue 10.3, METHOD D1-D3, docs/method.md):
# three simulated athletes over 13 weeks of examples/marathon.ini, each on
# its own store, scripted through `carryover log` and `carryover plan --json`
# by progress_sim.py, which asserts properties of the re-planned season (not
# golden text) and prints `ok ...` or `FAIL ...` lines.

# Logs every prescription at its target RPE: loads rise, never more than one
# plate step a week nor 5% of e1RM, and the notes say why (D2/D3).
$ CARRYOVER_DB=progress.db python3 $SRC/tests/cli/progress_sim.py progress $SRC/examples/marathon.ini
> ok loads rise
> ok RDL rises above its first load
> ok the log's changes are in the items' notes
>! FAIL

# Misses the last rep of every main lift: every load is held (D1), and the
# note says which rep was missed.
$ CARRYOVER_DB=stall.db python3 $SRC/tests/cli/progress_sim.py stall $SRC/examples/marathon.ini
> held after a missed rep
> ok a held load says which rep was missed (D1)
>! FAIL

# Logs `niggle knee_right 4` in week 5 and clears it in week 8: the knee
# lifts are regressed (A8) with no load increase while it lasts (D1), and the
# normal lifts come back after the clear.
$ CARRYOVER_DB=niggle.db python3 $SRC/tests/cli/progress_sim.py niggle $SRC/examples/marathon.ini
> ok weeks 6-7: lifts regressed around the knee (A8)
> ok after the clear the normal knee lifts return
>! FAIL

# What a niggle note and a missed rep look like in the plan's text.
$ CARRYOVER_DB=stall.db CARRYOVER_TODAY=2027-01-11 carryover session 2027-01-12
> D1: 7 of 8 reps on a set on 2027-01-07: held at 72.5 kg

# A rep-max test recalibrates the lift's e1RM from the next week (D6): 5RM
# of 110 kg is RPE 10 at 5 reps, e1RM 127; with no set of the lift logged
# the load is the chart's at the week's reps and target from that e1RM
# (87.5 kg for 8 reps), not one step over the plan's last week (82.5 kg),
# and never above the tested 110 kg.
$ CARRYOVER_DB=rm.db CARRYOVER_TODAY=2027-01-08 carryover plan $SRC/examples/marathon.ini > /dev/null; CARRYOVER_DB=rm.db CARRYOVER_TODAY=2027-01-08 carryover log test rm hip_thrust 5@110 --date 2027-01-06
> rep_max hip_thrust 5RM 110 kg

$ CARRYOVER_DB=rm.db CARRYOVER_TODAY=2027-01-08 carryover session 2027-01-12 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); it=[i for s in d["sessions"] for b in s["blocks"] for i in b["items"] if i["exercise"]=="hip_thrust"][0]; print(it["load"], it["note"])'
> 87.5 
> D6: e1RM 127 from your 5RM of 110 kg on 2027-01-06
> D6: 87.5 kg for 8 reps, the chart's load at this week's target from your tested e1RM 127 (no heavier than the test's 110 kg

# A rep-max newer than the lift's last logged sets sets the load by the
# chart at the week's target (D6), not one step over those sets: a 3RM of
# 150 kg (e1RM 163) after 3x8 @ 80 kg gives 110 kg, RPE 6, not 82.5 kg.
$ CARRYOVER_DB=rm2.db CARRYOVER_TODAY=2027-01-08 carryover plan $SRC/examples/marathon.ini > /dev/null; CARRYOVER_DB=rm2.db CARRYOVER_TODAY=2027-01-08 carryover log hip_thrust 3x8@80 rpe 6 --date 2027-01-05 >/dev/null; CARRYOVER_DB=rm2.db CARRYOVER_TODAY=2027-01-08 carryover log test rm hip_thrust 3@150 --date 2027-01-06 >/dev/null; CARRYOVER_DB=rm2.db CARRYOVER_TODAY=2027-01-08 carryover session 2027-01-12 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); it=[i for s in d["sessions"] for b in s["blocks"] for i in b["items"] if i["exercise"]=="hip_thrust"][0]; print(it["load"], it["rpe"], it["note"])'
> 110 6 
> the chart's load at this week's target from your tested e1RM 163
>! bent

# Before the test's week nothing changes (the log is read before each week's Monday).
$ CARRYOVER_DB=rm.db CARRYOVER_TODAY=2027-01-08 carryover session 2027-01-05 --json
>! D6: e1RM
