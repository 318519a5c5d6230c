# carryover check: a plan against the method's rules. A profile's plan that
# keeps every rule (exit 0), bends shown with the plan's own words, a
# hand-edited plan JSON that breaks rules (exit 1 with the rule ids), and
# bad input (exit 2). `check` reads; it never stores the profile.

# A profile whose plan keeps every rule: every check runs, nothing skipped.
$ carryover check $SRC/examples/lb.ini
> checked 26 rules over 16 weeks
> A1 A2 A4 A5 A6 A7 A8 A9 B1 B2 B3 B4 B5 B6 C1 C3 C4 C6 C7 C8 C9 C10 D6 E1 E2 E3
> no rule broken without an explanation
>! skipped
!!

# A plan that bends rules and says why: exit 0, each bend quoted.
$ carryover check $SRC/examples/5k.ini
> E2 2027-03-02 posterior_chain session on Tuesday's intervals day, and the athlete does not double (explained: E2 bent: on Tuesday's intervals day
> (explained: E2 bent: the day after Thursday's tempo, as no other day was free)
> no rule broken without an explanation

$ carryover check $SRC/examples/5k.ini --unexplained
>! (explained:
> no rule broken without an explanation

# check never stores the profile it was given (plan and week do)
$ carryover week 2027-03-02
? 2
! no profile yet

# The plan as JSON, as `plan --json` wrote it: the checks that need the
# profile are skipped or partial, and say so.
$ carryover check $DATA/plans/good_week.json
> checked 23 rules over 1 week and 2 sessions
> skipped A8: no profile: the niggles are unknown
> partly checked C10: no profile: the athlete's known lifts are unknown
> skipped B4: no profile: the time budget is unknown
> partly checked C1:
> no rule broken without an explanation

# JSON is recognised by its first character, whatever the file is called.
$ cp $DATA/plans/good_week.json plan.txt && carryover check plan.txt
> skipped B4
> no rule broken without an explanation

# Hand-edited: session B moved to the day after session A (C1), the day
# before Thursday's hills (E1), the easy day after Tuesday's threshold (E2),
# with a placement line that bends nothing; session A's cool-down emptied (A7).
$ carryover check $DATA/plans/bad_week.json
? 1
> A7 2027-02-09 cool-down has no hip mobility
> A7 2027-02-09 cool-down has no ankle mobility
> A7 2027-02-09 cool-down has no thoracic mobility
> C1 2027-02-10 lifting on consecutive days: Tuesday and Wednesday
> E1 2027-02-10 stability session the day before Thursday's hills
> E2 2027-02-10 stability session on the easy day after Tuesday's threshold
> 6 violations not explained by the plan, 0 explained
>! (explained:

# A hand-made season that breaks the rules issue 8 sharpened, one each: a
# tempo on a carry (A9), a deload at full load (C9), a lift rotated in mid-base
# (C10), a full-volume taper (C7), a re-entry at the old load (C8) and two
# cards on one day (D6). Its plan states no rest or ramp sets: B6 skipped.
$ carryover check $DATA/plans/season_bad.json
? 1
> D6 2027-01-05 2 sessions on Tuesday (posterior_chain, stability): one card a day
> C10 2027-01-15 main lift 'dumbbell_reverse_lunge' is new inside the base phase
> C9 2027-01-19 deload 'romanian_deadlift' at 65 is 100% of 65 in week 2 (at most 90%)
> A9 2027-01-29 'farmers_walk' is a carry and carries tempo 3-1-X
> C7 2027-02-08 taper week 6: volume 218 is 100% of week 5's 218, the last full loading week (40-60%)
> C8 2027-03-02 re-entry week: 'romanian_deadlift' at 80 against 80 before the break
> skipped B6: the plan states no rest, ramp sets or load basis
> 7 violations not explained by the plan, 0 explained

# The same season as made keeps every rule.
$ carryover check $DATA/plans/season_good.json
> checked 23 rules over 9 weeks and 16 sessions
> no rule broken without an explanation (0 explained)

# Bad input: exit 2, one line naming the file and what is wrong.
$ carryover check nope.json
? 2
! carryover: 'nope.json'

$ printf '{"weeks": [' > broken.json && carryover check broken.json
? 2
! carryover: broken.json:1:

$ sed 's/"trap_bar_deadlift"/"trap_bar_deadlfit"/' $DATA/plans/good_week.json > typo.json && carryover check typo.json
? 2
! unknown exercise 'trap_bar_deadlfit' (did you mean 'trap_bar_deadlift'?)

$ cd $DATA/profiles && carryover check unknown_run_type.ini
? 2
! unknown_run_type.ini:8: unknown run type 'tempoo'

$ carryover check $SRC/examples/lb.ini $SRC/examples/5k.ini
? 2
! one file at a time

$ carryover check --all
? 2
! check: unknown option '--all'

$ carryover check --help
> usage: carryover check [PROFILE|PLAN.json] [--unexplained]
