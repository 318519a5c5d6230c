# One validation, and JSON everywhere (issue 9, items 9 and 16).

# --- a profile is valid when it can be planned (item 9) ------------------------

# The profile parses but its runs file has a bad row: profile check says so
# (it said "ok", then plan exited 2), and import --profile stores nothing
# (it stored a profile that plan refused, leaving the store unusable).
$ printf '[athlete]\nname = R\nstart = 2027-01-04\nruns = runs.csv\n[week]\ntue = intervals 60\nsun = long 90\n' > p.ini && printf 'date,type,minutes\n2027-01-05,tempoo,50\n' > runs.csv && carryover profile check p.ini
? 2
! carryover: runs.csv:2: field 'type': unknown run type 'tempoo'
>! ok

$ printf '<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><trkseg><trkpt lat="51.5" lon="0"><time>2027-01-05T07:00:00Z</time></trkpt><trkpt lat="51.51" lon="0"><time>2027-01-05T07:30:00Z</time></trkpt></trkseg></trk></gpx>\n' > run.gpx && carryover import --profile p.ini run.gpx
? 2
! runs.csv:2: field 'type': unknown run type 'tempoo'

$ carryover plan
? 2
! no profile yet

$ carryover activities
> no activities yet

# Fixed, all three agree.
$ printf 'date,type,minutes\n2027-01-05,tempo,50\n' > runs.csv && carryover profile check p.ini && carryover import --profile p.ini run.gpx >/dev/null && carryover plan | head -1
> p.ini: ok
> carryover plan for R

# --- --json (item 16) ---------------------------------------------------------

$ carryover profile check p.ini --json
> "version": 1,
> "ok": true,
> "file": "p.ini",
> "error": null,
> "name": "R",
> "day": "tue",
> "type": "intervals",
> "key": true

# errors: the one line on stderr, and the object on stdout
$ carryover profile check nope.ini --json
? 2
> "ok": false,
> "error": "'nope.ini': No such file or directory",
> "profile": null
! carryover: 'nope.ini'

$ carryover profile check p.ini --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["profile"]["runs"].endswith("runs.csv"), d["profile"]["week"][6]["minutes"])'
> True 90

$ carryover check $SRC/examples/5k.ini --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["version"], len(d["checked"]), d["unexplained"], d["explained"] > 0, d["violations"][0]["explained"])'
> 1 26 0 True True

$ carryover check $DATA/plans/bad_week.json --json > out.json; echo "rc=$?"; python3 -c 'import json; d=json.load(open("out.json")); print(d["unexplained"], d["violations"][0]["rule"], d["violations"][0]["explanation"], [s["rule"] for s in d["skipped"] if not s["partial"]][:1])'
> rc=1
> 6 A7 None ['A8']

$ carryover session 2027-01-05 --profile $SRC/examples/marathon.ini --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["version"], d["date"], d["week"], d["phase"], [r["type"] for r in d["runs"]], [s["focus"] for s in d["sessions"]])'
> 1 2027-01-05 1 base ['intervals'] ['posterior_chain']

$ carryover session 2027-01-04 --profile $SRC/examples/marathon.ini --json
> "sessions": []

# the plan JSON carries its contract's version
$ carryover plan --json $SRC/examples/marathon.ini | head -2
> "version": 1,
