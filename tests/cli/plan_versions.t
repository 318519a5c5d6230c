# Plan versions (METHOD E4): each time the current athlete's plan is built
# from a changed profile, running calendar or history, the plan is kept as
# a new version governing from today; `plan --versions` lists them.

# No athlete yet: one line, exit 2.
$ carryover plan --versions
? 2
! no profile yet

# The first plan is version 1, from today; building it again keeps nothing new.
$ CARRYOVER_TODAY=2027-01-04 carryover plan $DATA/adapt/sim.ini > /dev/null

$ CARRYOVER_TODAY=2027-01-05 carryover plan > /dev/null

$ CARRYOVER_TODAY=2027-01-05 carryover plan --versions
> plan versions of Sim (each governs from its date on, METHOD E4):
> version  from        days  inputs
>       1  2027-01-04    32
>!       2  2027-

# A logged set changes the inputs: `week` builds the plan and keeps version 2
# from that day, with the days from then on only.
$ CARRYOVER_TODAY=2027-01-08 carryover log --date 2027-01-07 rdl 3x8@60 rpe 7 > /dev/null

$ CARRYOVER_TODAY=2027-01-08 carryover week > /dev/null

$ CARRYOVER_TODAY=2027-01-09 carryover plan --versions --json | python3 -c 'import json,sys; v=json.load(sys.stdin); print([(x["version"], x["from"], x["days"]) for x in v]); print(len(v[1]["hash"]), v[0]["hash"] != v[1]["hash"])'
> [(1, '2027-01-04', 32), (2, '2027-01-08', 31)]
> 64 True

# A changed profile (another session length) is a new version too.
$ sed 's/^units = kg/units = kg\nsession_minutes = 60/' $DATA/adapt/sim.ini > sim60.ini && CARRYOVER_TODAY=2027-01-10 carryover plan sim60.ini > /dev/null

$ CARRYOVER_TODAY=2027-01-10 carryover plan --versions
>       3  2027-01-10    31

# Logged history never changes: the log is as it was.
$ carryover history
> set-3        2027-01-07  set     romanian_deadlift #3 8 reps @ 60 kg rpe 7

# --versions takes no profile and no window.
$ carryover plan --versions $DATA/adapt/sim.ini
? 2
! --versions takes no profile

$ carryover plan --versions --weeks 2
? 2

$ carryover plan --help
> --versions   list the plan versions kept for the athlete
