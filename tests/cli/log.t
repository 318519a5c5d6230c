# carryover log: every form of the training log (docs/cli/log.md), what it
# prints, and the values it refuses: one line, exit 2, nothing written.
# CARRYOVER_TODAY pins "today" to Wednesday 2027-03-10 of examples/5k.ini,
# whose plan has session A on Tuesday 2027-03-09.

# No athlete yet.
$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@60
? 2
! no current athlete

$ CARRYOVER_TODAY=2027-03-10 carryover plan $SRC/examples/5k.ini --json > /dev/null

# Sets: NxM@LOAD, a list of reps with one RPE each, holds, bodyweight, units.
$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@60 rpe 7
> logged session-1    2027-03-10  session logged
> logged set-1        2027-03-10  set     romanian_deadlift #1 8 reps @ 60 kg rpe 7
> logged set-3        2027-03-10  set     romanian_deadlift #3 8 reps @ 60 kg rpe 7
!!

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 8,8,7@60 rpe 7,7.5,8
> set-4        2027-03-10  set     romanian_deadlift #4 8 reps @ 60 kg rpe 7
> set-5        2027-03-10  set     romanian_deadlift #5 8 reps @ 60 kg rpe 7.5
> set-6        2027-03-10  set     romanian_deadlift #6 7 reps @ 60 kg rpe 8
>! session-

$ CARRYOVER_TODAY=2027-03-10 carryover log side_plank 3x40s
> side_plank #1 40s bodyweight
> side_plank #3 40s bodyweight

$ CARRYOVER_TODAY=2027-03-10 carryover log step_up 3x10
> step_up #3 10 reps bodyweight

$ CARRYOVER_TODAY=2027-03-10 carryover log goblet squat 2x10@16kg
> goblet_squat #2 10 reps @ 16 kg

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 5@130lb
> romanian_deadlift #7 5 reps @ 130 lb

# A set on a day with a planned session is linked to it.
$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-03-09 glute_bridge 2x12
> logged session-2    2027-03-09  session logged (planned)

# Bad values: one line, exit 2, nothing written.
$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@60 rpe 11
? 2
! carryover: RPE '11' is out of range (expected 1 to 10, in steps of 0.5)

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@900kg
? 2
! carryover: load '900kg' is out of range (expected more than 0 and at most 500 kg / 1100 lb)

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@1200lb
? 2
! load '1200lb' is out of range

# A load on a lift done without one: the name resolved to the bodyweight
# squat, not a heavier one; refused with the loaded lift to name, nothing
# written (the history's count stays).
$ CARRYOVER_TODAY=2027-03-10 carryover history | wc -l > before.txt

$ CARRYOVER_TODAY=2027-03-10 carryover log squat 3x5@100
? 2
! carryover: 'squat' is Bodyweight squat, done without a load, so '@100' cannot be its load (log it without '@', or name the loaded lift, e.g. 'goblet_squat')

$ CARRYOVER_TODAY=2027-03-10 carryover log test rm squat 5@100kg
? 2
! is Bodyweight squat, done without a load

$ CARRYOVER_TODAY=2027-03-10 carryover history | wc -l | cmp - before.txt && echo same
> same

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x0@60
? 2
! carryover: reps '0' out of range (expected 1 to 100)

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 0x8@60
? 2
! carryover: sets '0' out of range (expected 1 to 20)

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2090-01-01 rdl 3x8@60
? 2
! carryover: date '2090-01-01' is in the future (expected today, 2027-03-10, or earlier)

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 2027-02-30 rdl 3x8@60
? 2
! --date:

$ CARRYOVER_TODAY=2027-03-10 carryover log rdll 3x8@60
? 2
! carryover: unknown exercise 'rdll' (did you mean 'rdl'?

$ CARRYOVER_TODAY=2027-03-10 carryover log sesion 45min
? 2
! carryover: unknown exercise 'sesion' (did you mean 'carryover log session'?)

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@60 rpe 7,8
? 2
! carryover: 'rpe 7,8' does not match the sets (expected 1 or 3 values)

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl 3x8@60kgs
? 2
! load '60kgs' is not a number

$ CARRYOVER_TODAY=2027-03-10 carryover log rdl
? 2
! no sets given

$ CARRYOVER_TODAY=2027-03-10 carryover log
? 2
! usage: carryover log

# Nothing of the refused commands was written.
$ CARRYOVER_TODAY=2027-03-10 carryover history
> set-17 
>! set-18 
>! 2090
>! rpe 11

# A session as a whole.
$ CARRYOVER_TODAY=2027-03-10 carryover log session 45min rpe 6 note felt strong
> logged session-1    2027-03-10  session logged 45min rpe 6 "felt strong"

$ CARRYOVER_TODAY=2027-03-10 carryover log session 400min
? 2
! duration '400min' out of range

# Done as prescribed, skipped.
$ CARRYOVER_TODAY=2027-03-10 carryover log done 2027-03-10
? 2
! no planned session on 2027-03-10

$ CARRYOVER_TODAY=2027-03-10 carryover log done 2027-03-09
? 2
! 2027-03-09 already has a logged session (session-2)

$ CARRYOVER_TODAY=2027-03-10 carryover log delete session-2
> deleted session-2

$ CARRYOVER_TODAY=2027-03-10 carryover log done 2027-03-09
> logged session-3    2027-03-09  session done 29min (planned)

$ CARRYOVER_TODAY=2027-03-10 carryover history --since 2027-03-09 --until 2027-03-09
> session-3    2027-03-09  session done
> set-
> single_leg_rdl #1
> glute_bridge #2

$ CARRYOVER_TODAY=2027-03-10 carryover log skip 2027-03-05 flu
> logged session-4    2027-03-05  session skipped (planned) "flu"

# done and skip take the date forms of week and session, looking back.
$ CARRYOVER_TODAY=2027-03-10 carryover log done yesterday
? 2
! 2027-03-09 already has a logged session (session-3)

$ CARRYOVER_TODAY=2027-03-10 carryover log skip tue sick
? 2
! 2027-03-09 already has a logged session (session-3)

$ CARRYOVER_TODAY=2027-03-10 carryover log skip -5 flu
? 2
! 2027-03-05 already has a logged session (session-4)

$ CARRYOVER_TODAY=2027-03-10 carryover log done tomorrow
? 2
! date '2027-03-11' is in the future

# Runs.
$ CARRYOVER_TODAY=2027-03-10 carryover log run tempo 50min 10.2km rpe 7
> logged run-1        2027-03-10  run     tempo 50min 10.2km (4:54/km) rpe 7

$ CARRYOVER_TODAY=2027-03-10 carryover log run easy 1h05 hr 140
> easy 65min

$ CARRYOVER_TODAY=2027-03-10 carryover log run tempo 5min 10.2km
? 2
! faster than 2:30 per km

$ CARRYOVER_TODAY=2027-03-10 carryover log run tempoo 50min
? 2
! unknown run type 'tempoo' (did you mean 'tempo'?)

$ CARRYOVER_TODAY=2027-03-10 carryover log run-rpe 2027-03-10 7
? 2
! no imported run on '2027-03-10'

# Niggles.
$ CARRYOVER_TODAY=2027-03-10 carryover log niggle knee_right 4
> logged niggle-1     2027-03-10  niggle  knee_right 4/10

$ CARRYOVER_TODAY=2027-03-10 carryover log niggle kne_right 4
? 2
! unknown niggle site 'kne_right' (did you mean 'knee_right'?)

$ CARRYOVER_TODAY=2027-03-10 carryover log niggle knee_right 11
? 2
! severity '11' out of range

$ CARRYOVER_TODAY=2027-03-10 carryover log niggle knee_right clear
> changed niggle-1 
> cleared 2027-03-10

$ CARRYOVER_TODAY=2027-03-10 carryover log niggle knee_right clear
? 2
! no open niggle at 'knee_right'

# Baseline tests (METHOD D6).
$ CARRYOVER_TODAY=2027-03-10 carryover log test squat left 45cm good
> single_leg_squat left 45 cm control good

$ CARRYOVER_TODAY=2027-03-10 carryover log test squat right 45cm great
? 2
! control 'great' (expected good, fair or poor)

$ CARRYOVER_TODAY=2027-03-10 carryover log test calf right 22
> calf_raise right 22 reps

$ CARRYOVER_TODAY=2027-03-10 carryover log test threshold 4:15/km
> threshold_pace 4:15/km

$ CARRYOVER_TODAY=2027-03-10 carryover log test threshold 30min 7.1km
> threshold_pace 4:14/km

$ CARRYOVER_TODAY=2027-03-10 carryover log test threshold 1:00/km
? 2
! threshold pace '1:00/km' out of range

$ CARRYOVER_TODAY=2027-03-10 carryover log test rm rdl 5@80kg
> rep_max romanian_deadlift 5RM 80 kg

# Edit and delete.
$ CARRYOVER_TODAY=2027-03-10 carryover log edit set-1 rpe 8 load 62.5
> changed set-1        2027-03-10  set     romanian_deadlift #1 8 reps @ 62.5 kg rpe 8

$ CARRYOVER_TODAY=2027-03-10 carryover log edit set-1 rpe 12
? 2
! RPE '12' is out of range

$ CARRYOVER_TODAY=2027-03-10 carryover log edit set-1 severity 3
? 2
! a set has no field 'severity'

$ CARRYOVER_TODAY=2027-03-10 carryover log edit run-1 km 11
> tempo 50min 11km (4:33/km)

$ CARRYOVER_TODAY=2027-03-10 carryover log edit niggle-1 cleared no severity 2
> changed niggle-1     2027-03-10  niggle  knee_right 2/10
>! cleared

$ CARRYOVER_TODAY=2027-03-10 carryover log edit niggle-1 cleared 2027-03-01
? 2
! cleared '2027-03-01' is before the niggle's date

$ CARRYOVER_TODAY=2027-03-10 carryover log edit test-1 control fair
> single_leg_squat left 45 cm control fair

$ CARRYOVER_TODAY=2027-03-10 carryover log delete set-2
> deleted set-2 

$ CARRYOVER_TODAY=2027-03-10 carryover log delete set-2
? 2
! no set-2 in the log

$ CARRYOVER_TODAY=2027-03-10 carryover log delete 12
? 2
! '12' is not a log entry id (expected KIND-NUMBER

$ CARRYOVER_TODAY=2027-03-10 carryover history
> set-1        2027-03-10  set     romanian_deadlift #1 8 reps @ 62.5 kg rpe 8
>! set-2 
>! 62.5 kg rpe 12

# 1970-01-01 is a day like any (day 0 once meant "no --date": today).
# --date takes the same forms: a weekday is the last such day.
$ CARRYOVER_TODAY=2027-03-10 carryover log --date mon glute_bridge 1x12
> 2027-03-08  set     glute_bridge #1 12 reps

$ CARRYOVER_TODAY=2027-03-10 carryover log --date -1 glute_bridge 1x12
> 2027-03-09  set     glute_bridge

$ CARRYOVER_TODAY=2027-03-10 carryover log --date soon glute_bridge 1x12
? 2
! carryover: --date: invalid date 'soon' (expected YYYY-MM-DD, today, tomorrow, yesterday, a weekday or +N/-N days)

$ CARRYOVER_TODAY=2027-03-10 carryover log --date 1970-01-01 glute_bridge 2x12
> 1970-01-01

# ...and 1949 is too far back.
$ CARRYOVER_TODAY=2027-03-10 carryover log --date 1949-12-31 glute_bridge 2x12
? 2
! 1949-12-31

# Another athlete's entries are not in this athlete's log: delete and edit
# say so (exit 2) and leave the entry as it was.
$ CARRYOVER_TODAY=2027-03-10 carryover plan $SRC/examples/marathon.ini > /dev/null

$ CARRYOVER_TODAY=2027-03-10 carryover log delete set-1
? 2
! carryover: no set-1 in the log (see 'carryover history')

$ CARRYOVER_TODAY=2027-03-10 carryover log edit set-1 rpe 8
? 2
! no set-1 in the log

$ CARRYOVER_TODAY=2027-03-10 carryover --athlete "Sam Quick" history
> set-1        2027-03-10  set     romanian_deadlift #1 8 reps @ 62.5 kg rpe 8
