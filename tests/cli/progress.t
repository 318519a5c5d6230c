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
