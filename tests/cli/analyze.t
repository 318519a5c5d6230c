# carryover analyze: the findings of a history logged through the CLI, as
# text and as {"findings": [...]}. Six weeks of the marathon plan
# (session A on Tuesday, B on Thursday): easy runs the 2 days after B at
# RPE 5 and 146 bpm, every other easy run at RPE 4 and 140 bpm, the same
# pace throughout.

# No athlete stored yet: one line, exit 2.
$ carryover analyze
? 2
! no current athlete: store a profile first

$ CARRYOVER_TODAY=2027-01-04 carryover plan $SRC/examples/marathon.ini > /dev/null

# Nothing logged: said plainly; the JSON still lists the findings, every
# estimate null.
$ CARRYOVER_TODAY=2027-01-04 carryover analyze
> Analysis on 2027-01-04: nothing logged yet.

$ CARRYOVER_TODAY=2027-01-04 carryover analyze --json | python3 -c 'import json,sys; d=json.load(sys.stdin); f=d["findings"]; print(list(d)); print(sorted(set(tuple(x) for x in f))); print(all(x["estimate"] is None for x in f)); print(f[0]["id"], f[0]["n"], f[0]["n_ref"])'
> ['findings']
> [('id', 'text', 'estimate', 'ci_low', 'ci_high', 'n', 'n_ref', 'unit')]
> True
> lift_effect.any.rpe 0 0

$ export CARRYOVER_TODAY=2027-02-15; for w in 0 1 2 3 4 5; do for d in 1 3; do day=$(date -d "2027-01-04 + $((7*w+d)) days" +%F); carryover log --date $day session 45min rpe 6 || exit 1; done; day=$(date -d "2027-01-04 + $((7*w+1)) days" +%F); carryover log --date $day rdl 3x5@$((80+2*w)) rpe 8 || exit 1; for d in 0 2 3 4 5 6; do day=$(date -d "2027-01-04 + $((7*w+d)) days" +%F); case $d in 4|5) r=5 h=146;; *) r=4 h=140;; esac; carryover log --date $day run easy 45min 8km rpe $r hr $h || exit 1; done; done > /dev/null

$ export CARRYOVER_TODAY=2027-02-15; carryover log --date 2027-02-10 test calf left 18 > /dev/null && carryover log --date 2027-02-10 test calf right 24 > /dev/null

# Runs after B: +1 RPE and +6 bpm, each with its interval and sample
# size; after A: no different; the A and B sessions come from the plan's
# sessions on those dates.
$ CARRYOVER_TODAY=2027-02-15 carryover analyze
> Analysis on 2027-02-15: 36 runs and 12 lifting days since 2027-01-04
>   Runs in the 2 days after session B (stability) felt harder: +1.0 RPE (95% CI
>     +0.8 to +1.2, 12 runs against 12).
>   Heart rate at equal pace in the 2 days after session B (stability) was higher:
>     +6.0 bpm (95% CI +5.8 to +6.2, 12 runs against 12).
>   Runs in the 2 days after session A (posterior chain) felt no different, as far
>     as the data can tell: +0.0 RPE (95% CI -0.2 to +0.2, 12 runs against 12).
>!     Easy runs in the 2 days after
>   phase      bbbbbBB  b base, B build
>   Threshold pace over the last 7 weeks: too few points to see a trend (0 weeks
>              _.-=*#   98.6 to 111.0 kg
>     Romanian deadlift: e1RM 111.0 kg on 2027-02-09 (from 6 days of sets at RPE 7
>   Calf raises on 2027-02-10: left 18 reps, right 24 reps: 25% apart, over the
>     10% flag (the left leg is weaker).
>   running    ######_  0 to 1170 a week
>   Running load in the week of 2027-02-08: 1170 (6 runs).
>   Lifting load in the week of 2027-02-08: 540 (2 sessions).

$ CARRYOVER_TODAY=2027-02-15 carryover analyze --json | python3 -c 'import json,sys; f={x["id"]: x for x in json.load(sys.stdin)["findings"]}; b=f["lift_effect.B.rpe"]; print(b["estimate"], b["ci_low"], b["ci_high"], b["n"], b["n_ref"], b["unit"]); print(f["lift_effect.B.hr"]["estimate"], f["lift_effect.B.hr"]["unit"]); print(f["asymmetry.calf_raise"]["estimate"], f["asymmetry.calf_raise"]["n_ref"]); print(f["e1rm.romanian_deadlift"]["unit"], f["e1rm.romanian_deadlift"]["n"]); print(f["lift_effect.B.rpe.easy"]["text"])'
> 1 0.7556 1.244 12 12 rpe
> 6 bpm
> 25 None
> kg 6
> Easy runs in the 2 days after session B (stability) felt harder: +1.0 RPE (95% CI +0.8 to +1.2, 12 runs against 12).

# Trends as sparklines: block characters on a UTF-8 locale, as status
# draws them (the same test of the locale, src/cli/term.c); an ASCII ramp
# on a dumb terminal or a locale that is not UTF-8.
$ LC_ALL=en_US.UTF-8 CARRYOVER_TODAY=2027-02-15 carryover analyze
> ▁

$ LC_ALL=en_US.UTF-8 TERM=dumb CARRYOVER_TODAY=2027-02-15 carryover analyze
>! ▁

$ LC_ALL=C CARRYOVER_TODAY=2027-02-15 carryover analyze
>! ▁

# Options are checked as for every command.
$ carryover analyze --jsn
? 2
! --json

$ carryover analyze --help
> usage: carryover analyze [--json]
> too few runs to say
