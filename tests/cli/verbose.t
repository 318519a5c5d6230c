# --verbose on plan, week and session (issue 8, docs/cli/plan.md "Why
# lines"): by default a card leaves out the why lines that only restate a
# rule it shows (B2, A4, C3/C4/C6 held as stated); --verbose shows them all.
# The JSON always holds every line. examples/marathon.ini: session A on Tue
# 2027-01-05, base phase.

$ carryover session 2027-01-05 --profile $SRC/examples/marathon.ini
>     why: E2: after Tuesday's intervals
> D6: baseline test: Single-leg box squat depth and control, each leg
> C3 bent: RPE 5.5
>! B2: session A, posterior chain first
>! C3: base phase
>! A4: lower-leg work

$ carryover session 2027-01-05 --verbose
>     why: E2: after Tuesday's intervals
> B2: session A, posterior chain first: Romanian deadlift
> C3: base phase: 2-3 sets
> A4: lower-leg work

$ carryover week 2027-01-05 --verbose
> B2: session B, hip and trunk stabilisers first

$ carryover week 2027-01-05
>! B2: session

$ carryover plan --weeks 1 --verbose
> B2: session A, posterior chain first

$ carryover plan --weeks 1
>! B2: session A, posterior chain first

# JSON is the plan: every line, with or without --verbose.
$ carryover session 2027-01-05 --json | grep -c 'B2: session A, posterior chain first'
> 1

$ carryover plan --json --weeks 1 --verbose | grep -c '"B2: session'
> 2

$ carryover session --help
> --verbose       every why line on the session cards

$ carryover week --help
> usage: carryover week [DATE] [--profile FILE] [--json] [--verbose]

$ carryover plan --help
> usage: carryover plan [PROFILE] [--from DATE] [--weeks N] [--json] [--verbose]

$ carryover session 2027-01-05 --verbos
? 2
! did you mean '--verbose'

# A week note that recurs in most weeks (a calendar with a key run every
# day leaves no day clear of E1 and C1 in 12 of 17 weeks) is said once in
# the header with its count, not on every week card; --verbose keeps it on
# the cards, and the JSON on every week.
$ carryover plan $SRC/tests/data/profiles/coach/key_every_day.ini --weeks 3
> note: in 12 of 17 weeks: C1: no day this week is clear of E1
>!   - C1: no day this week

$ carryover plan $SRC/tests/data/profiles/coach/key_every_day.ini --weeks 3 --verbose
> note: in 12 of 17 weeks: C1: no day this week is clear of E1
>   - C1: no day this week is clear of E1

$ carryover plan $SRC/tests/data/profiles/coach/key_every_day.ini --json | grep -c '"C1: no day this week is clear of E1'
> 12
