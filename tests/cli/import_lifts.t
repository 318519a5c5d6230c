# carryover import of lifting logs (issue 10.7): Strong and Hevy CSV exports
# into the training log, then carryover export csv|json (issue 10.10).

$ printf 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Incline Bench Press (Dumbbell)",1,35.0,10.0,0,0.0,"","",\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Incline Bench Press (Dumbbell)",Rest Timer,0,0.0,0,120.0,,,\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Romanian Deadlift (Barbell)",W,40,8,0,0.0,"","",\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Romanian Deadlift (Barbell)",1,80,8,0,0.0,"","",8\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Goblet Squat (Kettlebell)",1,24,10,0,0.0,"","",7\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Squat (Dumbbell)",1,20,10,0,0.0,"","",\n2025-06-03 20:23:00,"Evening Workout",264h 1m,"Side Plank",Note,,,,,"keep hips up","",\n' > s1.csv

$ printf '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles","duration_seconds","rpe"\n"Legs","5 Dec 2025, 11:37","5 Dec 2025, 12:30","","Romanian Deadlift (Barbell)",,"",0,"warmup",95,8,,,\n"Legs","5 Dec 2025, 11:37","5 Dec 2025, 12:30","","Romanian Deadlift (Barbell)",,"",1,"normal",185.5,8,,,8\n"Legs","5 Dec 2025, 11:37","5 Dec 2025, 12:30","","Romanian Deadlift (Barbell)",,"",2,"normal",2000,8,,,11\n' > hevy.csv

# The Strong dialect without units needs --units; nothing is stored.
$ carryover import --profile $SRC/examples/marathon.ini s1.csv
? 2
! carryover: s1.csv:2: this Strong export does not say whether its weights are kg or lb (give --units kg or --units lb)

$ carryover history
? 2
! no current athlete

# Hostile records are refused as a calendar CSV refuses them, with the line
# at fault, and nothing is stored (not even the profile's athlete): an
# unterminated quote (it used to swallow the rows after it), a NUL byte
# (after the first 4 KB, where the file is already known as a Strong
# export), more than 64 fields.
$ printf 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n2025-06-04 20:23:00,"B,1h,Squat,1,100,5,0,0,,,\n2025-06-05 20:23:00,C,1h,Squat,1,100,5,0,0,,,\n' > quote.csv && carryover import --profile $SRC/examples/marathon.ini --units kg quote.csv
? 2
! carryover: quote.csv:3: unterminated quoted field

$ { printf 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n'; i=0; while [ $i -lt 100 ]; do printf '2025-06-03 20:23:00,"A",1h,"Goblet Squat (Kettlebell)",1,24,10,0,0,"","",\n'; i=$((i+1)); done; printf '2025-06-04 20:23:00,"B",1h,"Squat\000 (Barbell)",1,100,5,0,0,,,\n'; } > nul.csv && carryover import --profile $SRC/examples/marathon.ini --units kg nul.csv
? 2
! carryover: nul.csv:102: NUL byte in a field

$ { printf 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,'; i=12; while [ $i -lt 65 ]; do printf ',x'; i=$((i+1)); done; printf '\n'; } > wide.csv && carryover import --profile $SRC/examples/marathon.ini --units kg wide.csv
? 2
! carryover: wide.csv:2: more than 64 fields

$ carryover history
? 2
! no current athlete

$ carryover import --profile $SRC/examples/marathon.ini --units kg s1.csv hevy.csv
> s1.csv: strong-s1 export: imported 1 of 1 workouts (5 sets, 1 warm-up)
> 0 already stored, 1 rest-timer and 1 note rows (not sets)
> 2 exercise names not in the catalogue, kept as unmapped lifts (2 sets):
> 'Incline Bench Press (Dumbbell)' (1 set
> 'Squat (Dumbbell)' (1 set
> hevy.csv: hevy export: imported 1 of 1 workouts (3 sets, 1 warm-up)
> 2 values out of range left out of their sets

$ carryover history
> session-1    2025-06-03  session logged 'Evening Workout'
> set-1        2025-06-03  set     Incline Bench Press (Dumbbell) (unmapped) #1 10 reps @ 35 kg
> romanian_deadlift #1 8 reps @ 40 kg (warmup)
> romanian_deadlift #2 8 reps @ 80 kg rpe 8
> goblet_squat #1 10 reps @ 24 kg rpe 7
> Squat (Dumbbell) (unmapped) #1 10 reps @ 20 kg
> session-2    2025-12-05  session logged 'Legs'
> romanian_deadlift #2 8 reps @ 185.5 lb rpe 8
> romanian_deadlift #3 8 reps bodyweight
>! rpe 11
>! Rest Timer
>! keep hips up

# Importing again stores nothing twice.
$ carryover import --units kg s1.csv hevy.csv
> imported 0 of 1 workouts
> 1 already stored

$ carryover history --json
>! "id": "session-3"

# With --json, standard output is the one JSON summary of the activities:
# a lifting log's report goes to standard error.
$ carryover import --units kg --json s1.csv $CORPUS/gpx/$(ls $CORPUS/gpx | head -1) | python3 -c 'import json,sys; d=json.load(sys.stdin); print("json", d["files"])'
> json 1
! s1.csv: strong-s1 export

# A Hevy export in another language is refused, clearly, and stores nothing.
$ printf '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n"Beine","22.09.2026, 17:00","22.09.2026, 18:00","","Kniebeuge",,"",0,"normal",60,5,,,\n' > de.csv

$ carryover import de.csv
? 2
! carryover: de.csv:2: start_time '22.09.2026, 17:00' (expected an English Hevy time such as '5 Dec 2025, 11:37'; only English exports are read)

$ carryover history
>! Beine
>! session-3

# An imported run: its RPE by date, then by id; it shows in the log, linked.
$ carryover import -q $CORPUS/fit/sportslib__runs-2067489619.fit
> imported 1 run, 2017-10-08

$ carryover log run-rpe 2017-10-08 7
> logged run-1        2017-10-08  run
> rpe 7 
> (activity 1)

$ carryover log run-rpe 1 6.5
> changed run-1 
> rpe 6.5 hr 130 (activity 1)

$ carryover log run-rpe 2017-10-09 6
? 2
! no imported run on '2017-10-09'

$ carryover log run-rpe 1 11
? 2
! RPE '11' is out of range

# Everything out: CSV (one table, a kind column) and JSON.
$ carryover export csv
> id,kind,date,session,exercise,mapped,set,set_type,load,unit,reps,seconds,rpe,minutes,distance_km
> set-1,set,2025-06-03,session-1,Incline Bench Press (Dumbbell),no,1,working,35,kg,10,,,,
> session-2,session,2025-12-05,,,,,,,,,,,,,,,logged,,Legs,
> activity-1,activity,2017-10-08,
> ,sportslib__runs-2067489619.fit,

$ carryover export json -o all.json
!!

$ cat all.json
> {"format": "carryover-log", "version": 1,
> "activities": [
> {"id": "set-4", "kind": "set", "date": "2025-06-03", "session": "session-1", "exercise": "goblet_squat", "mapped": true

# -o as everywhere (issue 9.7): through a symlink to its target, a 0600
# file stays 0600, a FIFO is refused and stays a FIFO, '-' is standard output.
$ : > kept.csv && chmod 600 kept.csv && ln -s kept.csv link.csv && carryover export csv -o link.csv && test -L link.csv && ls -l kept.csv && grep -c '^id,kind' kept.csv
> -rw------- 
> 1

$ mkfifo pipe.json && carryover export json -o pipe.json; echo "rc=$?"; test -p pipe.json && echo still a fifo
> rc=2
> still a fifo
! pipe.json

$ carryover export json -o - | head -c 30
> {"format": "carryover-log"

$ carryover export xml
? 2
! unknown export format 'xml' (expected ics, fit, csv or json)
