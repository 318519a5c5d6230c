# carryover init: writes a profile that passes `profile check`, never
# overwrites without --force, and rejects bad flags with the parser's words.

$ export CARRYOVER_TODAY=2026-12-30; carryover init
> wrote profile.ini
!!

$ export CARRYOVER_TODAY=2026-12-30; carryover profile check profile.ini
> profile.ini: ok
> athlete:   Runner (intermediate, kg)
> start:     2027-01-04 (Monday)
> tue  intervals    60 min  key

$ carryover init
? 2
! carryover: 'profile.ini' already exists (use --force to overwrite)

# The refused file is untouched.
$ grep '^name' profile.ini
> name = Runner

$ carryover init --force --name "Alex Runner" --units lb --equipment "barbell, dumbbells" --start 2027-01-04 --week "mon=rest,tue=intervals 60,thu=tempo 50,sun=long 120" --race "Spring Marathon,2027-04-25,marathon,A" --race "City Half,2027-03-14,half,B"
> wrote profile.ini

$ carryover profile check profile.ini
> athlete:   Alex Runner (intermediate, lb)
> equipment: dumbbells, barbell
> plate step 5 lb
> wed  rest
> thu  tempo        50 min  key
> 2027-03-14  B-race  City Half (half marathon)
> 2027-04-25  A-race  Spring Marathon (marathon)

$ carryover init - --name Sam --level novice
> name = Sam
> level = novice
> [week]
>! wrote

$ carryover init sam.ini --name Sam && carryover profile check sam.ini
> sam.ini: ok

$ carryover init x.ini --level expert
? 2
! carryover: --level: unknown level 'expert' (expected novice, intermediate or advanced)

$ carryover init x.ini --week "tue=tempoo 50"
? 2
! carryover: --week: unknown run type 'tempoo' (did you mean 'tempo'?)

$ carryover init x.ini --start 2027-01-04 --race "Spring,2026-12-01,marathon"
? 2
! carryover: --race: race 'Spring': date 2026-12-01 is before start 2027-01-04

$ carryover init x.ini --race "Spring,2027-05-01"
? 2
! expected NAME,DATE,DISTANCE[,PRIORITY]

$ carryover init x.ini --bogus
? 2
! unknown option '--bogus'

# Nothing was left behind by the failures.
$ ls
>! x.ini

$ carryover init --help
> usage: carryover init [FILE]

# --- the questions (issue 9, item 18) ------------------------------------------

# End of input at the first question stops: nothing written, exit 1 (it used
# to write an all-defaults profile and exit 0).
$ carryover init asked.ini --ask < /dev/null; echo "rc=$?"; test -e asked.ini || echo nothing written
> rc=1
> nothing written
! carryover: init: stopped at end of input; nothing written


# ...and at a later one too.
$ carryover init asked.ini --ask
< Sam
< beginner
? 1
! stopped at end of input

# 'beginner' is a novice, 'long run 95' a week entry, and double days are asked.
$ carryover init asked.ini --ask && grep -E '^(name|level|double_days|sun|equipment|distance_units) ' asked.ini
< Sam
< beginner
< 
< mi
< none
< rest
< intervals 60
< easy 40
< tempo 50
< rest
< easy 30
< long run 95
< yes
< 
> wrote asked.ini; see your plan with: carryover plan asked.ini
> name = Sam
> level = novice
> double_days = yes
> distance_units = mi
> sun = long 95
! Distances in (km, mi)
! none (no gym: bodyweight and a band)
! Lift on the same day as a hard run

$ carryover plan asked.ini | head -1
> carryover plan for Sam

# What --equipment none means is in --help.
$ carryover init --help
> none (the default) means no gym: bodyweight and a resistance
> --ask

# Files too take 'beginner' and 'TYPE run MINUTES'.
$ printf '[athlete]\nlevel = Beginner\n[week]\nsun = long run 95 min\n' > said.ini && carryover profile check said.ini
> (novice, kg)
> sun  long         95 min
