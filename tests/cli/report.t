# carryover report: the season and the training so far as one
# self-contained HTML page (issue 11.2, docs/cli/report.md).

# No athlete stored yet: one line, exit 2, nothing written.
$ carryover report -o none.html
? 2
! no current athlete

$ test -e none.html || echo absent
> absent

# An athlete whose name is markup: it is shown, never interpreted.
$ sed 's/^name = .*/name = Ann <b>"Jo"<\/b> \& Co/' $SRC/examples/marathon.ini > p.ini && CARRYOVER_TODAY=2027-01-06 carryover plan p.ini --weeks 1 > /dev/null

# A new athlete: a whole page, every chart says what is missing.
$ CARRYOVER_TODAY=2027-01-06 carryover report -o new.html && cat new.html
!! nothing
> <!DOCTYPE html>
> <h1>Ann &lt;b&gt;&quot;Jo&quot;&lt;/b&gt; &amp; Co</h1>
>! <b>"Jo"
> Nothing logged yet
> No loaded working sets at RPE 7 or more logged yet
> No threshold test or threshold run logged yet
> No easy run with distance and heart rate yet
> No analysis yet
> Sessions from 2027-01-06 to 2027-01-19
> Romanian deadlift
> </html>

# One <svg> per chart (7), each in its figure; nothing external: no URL,
# no src= or href=, no script.
$ grep -o '<svg' new.html | wc -l; grep -o '<figure class="chart"' new.html | wc -l; grep -c -i -e 'http://' -e 'https://' -e 'src=' -e 'href=' -e '<script' -e 'url(' new.html || true
> 7
> 7
> 0

# Some training: runs with heart rate, threshold runs, lifts at RPE 8, a
# threshold test.
$ for w in 0 1 2 3 4 5; do d=$(date -d "2027-01-05 + $((w*7)) days" +%F); e=$(date -d "$d + 2 days" +%F); CARRYOVER_TODAY=2027-02-15 carryover log --date $d rdl 3x8@$((60+w*2)) rpe 8 && CARRYOVER_TODAY=2027-02-15 carryover log --date $d session 45min rpe 7 && CARRYOVER_TODAY=2027-02-15 carryover log --date $e run threshold 40min 9km rpe 8 && CARRYOVER_TODAY=2027-02-15 carryover log --date $d run easy 45min 8.5km hr 142; done > /dev/null && CARRYOVER_TODAY=2027-02-15 carryover log --date 2027-01-20 test threshold 4:30 > /dev/null

$ CARRYOVER_TODAY=2027-02-15 carryover report -o r.html && cat r.html
>! Nothing logged yet
>! No loaded working sets
>! No threshold test
>! No easy run
> <rect class="run"
> <rect class="lift"
> Romanian deadlift, 2027-01-05: e1RM
> threshold test, 4:30/km
> threshold run, mean pace
> <circle class="ef"
> No analysis yet

$ grep -o '<svg' r.html | wc -l; grep -c -i -e 'http://' -e 'https://' -e 'src=' -e 'href=' -e '<script' r.html || true
> 7
> 0

# Without -o (or with -o -) the page goes to standard output, the same bytes.
$ CARRYOVER_TODAY=2027-02-15 carryover report > out.html && CARRYOVER_TODAY=2027-02-15 carryover report -o - > dash.html && cmp out.html r.html && cmp dash.html r.html && echo same
> same

# -o a directory or a device: refused, exit 2, and nothing written over.
$ mkdir d && CARRYOVER_TODAY=2027-02-15 carryover report -o d
? 2
! 'd'

# A bad option.
$ carryover report --weeks 3
? 2
! --weeks

$ carryover report --help
> usage: carryover report [-o FILE]
> Self-contained
