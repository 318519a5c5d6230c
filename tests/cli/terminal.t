# The terminal (issue 9.14): output fits the width (the terminal's, else
# COLUMNS, else 80), why lines are wrapped under their label, a card shows
# its exercises before its reasons, and colour (phase, key runs, warnings)
# appears only on a terminal without NO_COLOR. `script` gives a terminal.

$ carryover plan $SRC/examples/5k.ini > /dev/null && carryover plan $SRC/examples/marathon.ini | awk 'length > 80 { n++ } END { print "long lines: " n + 0 }'
> long lines: 0

$ COLUMNS=60 carryover plan $SRC/examples/marathon.ini | awk 'length > 60 && !/^\(cards/ { n++ } END { print "long lines: " n + 0 }'
> long lines: 0

$ COLUMNS=60 carryover --athlete 'Sam Quick' plan --weeks 13 | awk 'length > 60 && !/^\(cards/ { n++ } END { print "long lines: " n + 0 }'
> long lines: 0

# Narrow: the minutes column goes, tests move under their row; a why line
# continues under its text.
$ COLUMNS=60 carryover --athlete 'Sam Quick' plan --weeks 1
>  wk  week of     phase            sessions     tests
>      tests: squat Tue, calf Tue, threshold Thu
>     why: E2 bent: on Tuesday's intervals day (lift at least
>            6 h after the run): no easy or rest day was free

$ COLUMNS=200 carryover --athlete 'Sam Quick' plan --weeks 1
>  wk  week of     phase            run/key min  sessions     tests
>   1  2027-03-01  base               220/160    Tue A, Fri B squat Tue, calf Tue, threshold Thu

# Exercises first, then why.
$ carryover session 2027-01-07 | awk '/why:/ && !w { w = NR } /Monster walk/ { m = NR } END { print (m && m < w) ? "exercises first" : "why first" }'
> exercises first

# A terminal: its own width (ioctl), and colour.
$ script -qc "stty cols 60; $CO_BIN week 2027-01-06" /dev/null | tr -d '\r' | sed "s/$(printf '\033')\[[0-9;]*m//g" | awk 'length > 60 { n++ } END { print "long lines: " n + 0 }'
> long lines: 0

$ script -qc "stty cols 60; $CO_BIN week 2027-01-06" /dev/null | tr -d '\r' | sed "s/$(printf '\033')\[[0-9;]*m//g"
>  wk  week of     phase            sessions     tests

$ script -qc "$CO_BIN week 2027-01-06" /dev/null | grep -c "$(printf '\033')\[1;36mbase" | awk '$1 > 0 { print "phase coloured" }'
> phase coloured

$ script -qc "$CO_BIN week 2027-01-06" /dev/null | grep "$(printf '\033')\[1m" | grep -c "intervals" | awk '$1 > 0 { print "key run bold" }'
> key run bold

$ script -qc "NO_COLOR=1 $CO_BIN week 2027-01-06" /dev/null | grep -c "$(printf '\033')" || echo "no colour"
> no colour

$ carryover week 2027-01-06 | grep -c "$(printf '\033')" || echo "no colour"
> no colour
