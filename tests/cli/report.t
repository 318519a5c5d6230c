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
> after any session, RPE: too few runs to say (0 against 0)
> <h2>Findings</h2>
> <li>Runs in the 2 days after a lifting session: too few runs to say
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
> 2027-01-20: threshold pace 4:30/km
> 2027-01-07: threshold pace 4:27/km
> <circle class="ef"
>! No analysis yet

$ grep -o '<svg' r.html | wc -l; grep -c -i -e 'http://' -e 'https://' -e 'src=' -e 'href=' -e '<script' r.html || true
> 7
> 0

# The charts draw analyze's numbers: the e1RM, threshold and EF points are
# the analysis' own, and each lift-effect row reads as analyze words it.
# Here every run with an RPE after a session is a threshold run and no
# threshold run is without one: too few runs to say, as analyze says.
$ CARRYOVER_TODAY=2027-02-15 carryover analyze --json | python3 -c 'import json,sys; f={x["id"]: x for x in json.load(sys.stdin)["findings"]}; a=f["lift_effect.any.rpe"]; e=f["e1rm.romanian_deadlift"]; print("after any session, RPE: too few runs to say (%d against %d)" % (a["n"], a["n_ref"]) if a["estimate"] is None else "?"); print("Romanian deadlift, %s: e1RM %.1f kg</title>" % ("2027-02-09", e["estimate"]))' > want.txt && cat want.txt && while read -r line; do grep -qF "$line" r.html || echo "missing: $line"; done < want.txt
> too few runs to say (6 against 0)
>! missing

# Easy runs with an RPE: on Wednesdays, the day after the session, a point
# harder than on Saturdays and Sundays (no session in the 2 days before).
# analyze finds the effect with its interval; the report draws it (an
# interval, the same figures) and lists analyze's sentence in its findings.
$ for w in 0 1 2 3 4 5; do for d in 1 4 5; do day=$(date -d "2027-01-05 + $((w*7+d)) days" +%F); case $d in 1) r=$((5 + w % 2));; *) r=$((4 + (w + d) % 2));; esac; CARRYOVER_TODAY=2027-02-15 carryover log --date $day run easy 40min 7km rpe $r || exit 1; done; done > /dev/null && CARRYOVER_TODAY=2027-02-15 carryover report -o fx.html

$ CARRYOVER_TODAY=2027-02-15 carryover analyze --json | python3 -c 'import json,sys,re; f={x["id"]: x for x in json.load(sys.stdin)["findings"]}; a=f["lift_effect.any.rpe"]; m=re.search(r": ([-+][0-9.]+ RPE \(95% CI [-+][0-9.]+ to [-+][0-9.]+), ([0-9]+ runs against [0-9]+)\)", a["text"]); print("found:", a["estimate"] is not None and a["ci_low"] > 0, file=sys.stderr); print("after any session, RPE: %s), %s" % m.groups()); print("<li>" + a["text"] + "</li>")' > want.txt && cat want.txt && while read -r line; do grep -qF "$line" fx.html || echo "missing: $line"; done < want.txt; grep -c '<g class="iv"><title>after any session, RPE: +' fx.html
! found: True
> after any session, RPE: +1.0 RPE (95% CI +
> 6 runs against 12
> <li>Runs in the 2 days after a lifting session felt harder: +1.0 RPE
>! missing
> 1

# Without -o (or with -o -) the page goes to standard output, the same bytes.
$ CARRYOVER_TODAY=2027-02-15 carryover report > out.html && CARRYOVER_TODAY=2027-02-15 carryover report -o - > dash.html && cmp out.html fx.html && cmp dash.html fx.html && echo same
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
