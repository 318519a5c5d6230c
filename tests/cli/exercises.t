# carryover exercises: the catalogue table, filters, one exercise explained,
# did-you-mean on every name a user types, and the JSON shapes.

# The whole catalogue, as an aligned table with a header.
$ carryover exercises
> ID
> EQUIPMENT
> romanian_deadlift
> Bulgarian split squat
> wall_tibialis_raise
!!

$ carryover exercises --help
> usage: carryover exercises
> --equipment LIST
!!

$ carryover help exercises
> usage: carryover exercises

# Filters combine: hinges a runner with only a band can do.
$ carryover exercises --pattern hinge --equipment none
> band_good_morning
> bodyweight_single_leg_rdl
>! romanian_deadlift
>! kettlebell_deadlift
>! goblet_squat

# A list means "needs nothing else": dumbbells and a bench, no barbell.
$ carryover exercises --equipment dumbbells,bench --pattern single_leg
> bulgarian_split_squat
> reverse_lunge
>! barbell_bulgarian_split_squat
>! step_up

$ carryover exercises --equipment gym --pattern squat
> back_squat
> leg_press

# --level lists what suits that level: novice entries, not advanced ones.
$ carryover exercises --level novice --pattern squat
> goblet_squat
>! back_squat
>! front_squat

$ carryover exercises --region=shins
> wall_tibialis_raise
> seated_dumbbell_toe_raise
>! romanian_deadlift

$ carryover exercises --region "upper back" --equipment none
> band_pull_apart

$ carryover exercises --pattern carry --equipment none
? 0
! no exercise matches

# One exercise, found by alias, any case, '-' or ' ' for '_'.
$ carryover exercises show rdl
> Romanian deadlift (romanian_deadlift)
> hinge, may be a main lift (A1)
> 6-10 reps a set, tempo 3-1-X
> posterior chain
> (A3)
> Snatch-grip Romanian deadlift (snatch_grip_romanian_deadlift)
> Dumbbell Romanian deadlift (dumbbell_romanian_deadlift)
> exercise_category 8, exercise_name 23
!!

$ carryover exercises show BSS
> Bulgarian split squat (bulgarian_split_squat)
> each side
> dumbbells, bench

$ carryover exercises show "farmers walk"
> Farmer's walk (farmers_walk)
> 20-40 s a set

$ carryover exercises show Single-Leg-RDL
> Single-leg Romanian deadlift (single_leg_rdl)

$ carryover exercises show pogo_hops
> ballistic: plyometric block only (A6)

# Unknown names: one line, a suggestion, exit 2.
$ carryover exercises show rld
? 2
! carryover: unknown exercise 'rld' (did you mean 'rdl'?)

$ carryover exercises show xylophone
? 2
! unknown exercise 'xylophone' (see 'carryover exercises')

$ carryover exercises --pattern hindge
? 2
! carryover: unknown pattern 'hindge' (did you mean 'hinge'?)

$ carryover exercises --region calfs
? 2
! carryover: unknown region 'calfs' (did you mean 'calves'?)

$ carryover exercises --region elbows
? 2
! unknown region 'elbows' (one of: hips, glutes

$ carryover exercises --level expert
? 2
! unknown level 'expert'

$ carryover exercises --equipment dumbels
? 2
! unknown equipment 'dumbels' (did you mean 'dumbbells'?)

# Usage mistakes.
$ carryover exercises show
? 2
! needs an exercise id or alias

$ carryover exercises show rdl bss
? 2
! takes one exercise

$ carryover exercises rdl
? 2
! carryover exercises show rdl

$ carryover exercises --frobnicate
? 2
! unknown option '--frobnicate'

$ carryover exercises --pattern
? 2
! option '--pattern' needs a value

# JSON: an array of exercises; one exercise adds "why".
$ carryover exercises --pattern tibialis --json
> [
> "id": "wall_tibialis_raise"
> "fit": {"category": 1, "name": 8}
> "seconds": null
>! "why"
!!

$ carryover exercises show "farmers walk" --json
> {"id": "farmers_walk", "name": "Farmer's walk"
> "reps": null, "seconds": {"min": 20, "max": 40}
> "why": "Loaded carries
> "progression": "suitcase_carry"

$ carryover exercises --pattern carry --equipment none --json
> []

# The JSON parses (python3 ships with Debian's build images; skip if absent).
$ command -v python3 >/dev/null || exit 0; carryover exercises --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d) >= 70; print("ok", len(d))'
> ok
