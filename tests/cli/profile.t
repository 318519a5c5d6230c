# carryover profile check: what a good profile reads as, and the one-line
# message (file:line: field) with exit 2 for each kind of bad profile.

$ carryover profile check $SRC/examples/marathon.ini
> marathon.ini: ok
> athlete:   Alex Runner (intermediate, kg, 68 kg)
> equipment: band, dumbbells, kettlebell, barbell, bench, box
> start:     2027-01-04 (Monday)
> tue  intervals    60 min  key
> wed  easy         45 min
> sun  long        120 min  key
> 5 runs, 3 key, 315 min a week
> 2027-03-14  B-race  City Half (half marathon)
> 2027-04-25  A-race  Spring Marathon (marathon)
> romanian_deadlift        80 kg x 8 @ 8: e1RM 108.3 kg
> hip_thrust               e1RM 120 kg
> achilles_left        spares calves, ankles
!!

$ carryover profile check $SRC/examples/5k.ini
> equipment: bodyweight only
> 3 key
>! lifts:

$ carryover profile check $SRC/examples/lb.ini
> (advanced, lb, 165 lb)
> plate step 5 lb, dumbbell step 2.5 lb
> trap_bar_deadlift        275 lb x 5 @ 8

$ cd $DATA/profiles && carryover profile check unknown_run_type.ini
? 2
! carryover: unknown_run_type.ini:8: unknown run type 'tempoo' (did you mean 'tempo'?)
>! ok

$ cd $DATA/profiles && carryover profile check unknown_key.ini
? 2
! carryover: unknown_key.ini:3: unknown key 'levle' in [athlete] (did you mean 'level'?)

$ cd $DATA/profiles && carryover profile check race_before_start.ini
? 2
! carryover: race_before_start.ini:9: race 'Spring Marathon': date 2026-12-01 is before start 2027-01-04

$ cd $DATA/profiles && carryover profile check negative_minutes.ini
? 2
! carryover: negative_minutes.ini:7: wed: minutes must be between 1 and 600, got '-5'

$ cd $DATA/profiles && carryover profile check feb29.ini
? 2
! carryover: feb29.ini:9: race 'Spring Marathon': date: 2027-02-29 is not a real date (2027 is not a leap year)

$ cd $DATA/profiles && carryover profile check empty.ini
? 2
! carryover: empty.ini: empty profile (expected at least a [week] section)

$ cd $DATA/profiles && carryover profile check binary.ini
? 2
! carryover: binary.ini: not a text file

# A 10 MB line: one message, nothing parsed from the pieces.
$ head -c 10485760 /dev/zero | tr '\0' a > big.ini && carryover profile check big.ini
? 2
! carryover: big.ini:1: line is too long (10485760 characters, at most 197)

$ carryover profile check missing.ini
? 2
! carryover: 'missing.ini': No such file or directory

$ printf '[athlete]\nruns = plan.ics\n[week]\nsun = long\n' > r.ini && carryover profile check r.ini
? 2
! carryover: r.ini:2: runs: cannot read '
! plan.ics': No such file or directory

$ carryover profile
? 2
! usage: carryover profile check FILE

$ carryover profile lint x.ini
? 2
! unknown subcommand 'lint'

$ carryover profile --help
> usage: carryover profile check FILE
!!

$ carryover profile check $DATA/profiles/coach/lifts_forms.ini
> romanian_deadlift        80 kg x 8 @ 8: e1RM 108.3 kg
> goblet_squat             32 kg x 10 @ 7.5: e1RM 48.0 kg
> hip_thrust               e1RM 140 kg
> front_squat              e1RM 70 kg
! warning: [lifts] front_squat = 70 is ambiguous: read as an e1RM; write '70 x REPS' for a recent set or 'e1rm 70'

$ cd $DATA/profiles/coach && printf '[athlete]\nstart = 2027-01-04\n[week]\ntue = intervals 60\n[lifts]\nromanian_deadlift = 80 x 40\n' | carryover profile check -
? 2
! reps 1-20
