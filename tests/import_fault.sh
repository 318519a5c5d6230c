#!/bin/sh
# Fault injection for `carryover import`: kill -9 in the middle, again and
# again, then finish; the store must stay consistent and end with every
# activity exactly once.
#
#   import_fault.sh CARRYOVER_BINARY [SEED] [FILES]
#
# Generates FILES (default 400) distinct synthetic activities, seeded: GPX
# runs (some gzipped, as Strava exports them) and TCX files holding two
# activities each (so "half a file" would be visible), plus a truncated GPX
# and a text file. Each run of the import is killed with SIGKILL at a
# seeded random point of the time the rest of the import should take. After each kill:
# SQLite's own integrity check passes, every stored stream decodes
# (`activities --check`), and no two-activity file is stored by half. At
# the end one more import completes the set: rows = activities generated,
# each exactly once; a last import adds nothing.
# Needs: sh, awk, gzip, sqlite3 (scripts/deps.sh). Prints "N passed, M failed" last.
set -u

bin=$1
seed=${2:-42}
nfiles=${3:-400}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/xdg" TZ=UTC LC_ALL=C
db="$work/carryover.db"
export CARRYOVER_DB="$db"
profile="$src/examples/marathon.ini"
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# --- the inputs ----------------------------------------------------------------
mkdir -p "$work/in/gpx" "$work/in/tcx"
awk -v seed="$seed" -v n="$nfiles" -v dir="$work/in" '
function hms(s) { return sprintf("%02d:%02d:%02d", int(s / 3600), int(s / 60) % 60, s % 60) }
function day(i) { return sprintf("%04d-%02d-%02d", 2020 + int(i / 336), 1 + i % 12, 1 + int(i / 12) % 28) }
function points(f, tcx, d, t0, npts,   k, lat, lon, hr, ele, dist) {
	lat = 46 + rand(); lon = 7 + rand(); hr = 120 + int(rand() * 20); ele = 400; dist = 0
	for (k = 0; k < npts; k++) {
		lat += 0.00002 + rand() * 0.00001; lon += 0.00001 * (rand() - 0.3)
		hr += (rand() < 0.5 ? -1 : 1); if (hr < 100) hr = 100; if (hr > 185) hr = 185
		ele += rand() - 0.5; dist += 2.5 + rand()
		if (tcx)
			printf("<Trackpoint><Time>%sT%sZ</Time><Position><LatitudeDegrees>%.7f</LatitudeDegrees><LongitudeDegrees>%.7f</LongitudeDegrees></Position><AltitudeMeters>%.1f</AltitudeMeters><DistanceMeters>%.1f</DistanceMeters><HeartRateBpm><Value>%d</Value></HeartRateBpm></Trackpoint>\n", d, hms(t0 + k), lat, lon, ele, dist, hr) > f
		else
			printf("<trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>%.1f</ele><time>%sT%sZ</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n", lat, lon, ele, d, hms(t0 + k), hr) > f
	}
}
BEGIN {
	srand(seed)
	for (i = 0; i < n; i++) {
		npts = 300 + int(rand() * 300)
		t0 = 6 * 3600 + int(rand() * 36000)
		if (i % 10 == 9) {
			f = sprintf("%s/tcx/multi-%04d.tcx", dir, i)
			printf("<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities>\n") > f
			for (a = 0; a < 2; a++) {
				t = a ? 19 * 3600 : 5 * 3600
				printf("<Activity Sport=\"Running\"><Id>%sT%sZ</Id><Lap StartTime=\"%sT%sZ\"><TotalTimeSeconds>%d</TotalTimeSeconds><Track>\n", day(i), hms(t), day(i), hms(t), npts) > f
				points(f, 1, day(i), t, npts)
				printf("</Track></Lap></Activity>\n") > f
			}
			printf("</Activities></TrainingCenterDatabase>\n") > f
			close(f)
			print "2 " f
		} else {
			f = sprintf("%s/gpx/run-%04d.gpx", dir, i)
			printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"fault\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>running</type><trkseg>\n") > f
			points(f, 0, day(i), t0, npts)
			printf("</trkseg></trk></gpx>\n") > f
			close(f)
			print "1 " f
		}
	}
}' >"$work/expect.txt"
# a third of the GPX files gzipped, as Strava exports them
ls "$work/in/gpx" | awk 'NR % 3 == 0' | while read -r f; do gzip "$work/in/gpx/$f"; done
expected=$(awk '{ s += $1 } END { print s }' "$work/expect.txt")
# two files that are not activities: a cut GPX (fails) and a note (ignored)
head -c 2000 "$work/in/gpx/run-0000.gpx" >"$work/in/gpx/cut.gpx"
echo "notes, not an activity" >"$work/in/notes.txt"
mb=$(du -sm "$work/in" | cut -f1)
echo "generated $nfiles files ($expected activities, ${mb} MB), seed $seed"

rows() { sqlite3 "$db" 'SELECT count(*) FROM activities' 2>/dev/null || echo 0; }

# --- how long a whole import takes (into another store) -------------------------
t0=$(date +%s%N)
CARRYOVER_DB="$work/ref.db" "$bin" import -q --profile "$profile" "$work/in" >"$work/ref.out" 2>&1
ref_rc=$?
t1=$(date +%s%N)
full_ms=$(( (t1 - t0) / 1000000 ))
ref_rows=$(sqlite3 "$work/ref.db" 'SELECT count(*) FROM activities')
echo "a whole import: ${full_ms} ms, $ref_rows rows, exit $ref_rc"
[ "$ref_rc" = 1 ] && ok || bad "reference import exited $ref_rc, expected 1 (one cut file)"
[ "$ref_rows" = "$expected" ] && ok || bad "reference import stored $ref_rows rows, expected $expected"

# --- kill -9 at seeded random points ------------------------------------------------
kills=8
interrupted=0
prev=0
for k in $(seq 1 $kills); do
	# a point within what is left to do (stored files are passed over quickly)
	delay_ms=$(awk -v s="$seed" -v k="$k" -v full="$full_ms" -v left=$((expected - prev)) \
		-v all="$expected" 'BEGIN { srand(s * 100 + k);
		print int(full * (0.05 + 0.85 * rand()) * (0.1 + 0.9 * left / all)) }')
	"$bin" import -q --profile "$profile" "$work/in" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf("%.3f", ms / 1000) }')"
	if kill -9 "$pid" 2>/dev/null; then
		interrupted=$((interrupted + 1))
	fi
	wait "$pid" 2>/dev/null
	n=$(rows)
	integ=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
	[ "$integ" = ok ] && ok || bad "kill $k (${delay_ms} ms): integrity_check says '$integ'"
	if "$bin" activities --check >"$work/check.out" 2>&1; then ok; else
		bad "kill $k: activities --check: $(cat "$work/check.out")"; fi
	half=$(sqlite3 "$db" "SELECT source FROM activities WHERE source LIKE 'multi-%' GROUP BY source HAVING count(*) <> 2" 2>&1)
	[ -z "$half" ] && ok || bad "kill $k: files stored by half: $half"
	[ "$n" -ge "$prev" ] && [ "$n" -le "$expected" ] && ok ||
		bad "kill $k: $n rows after $prev (at most $expected)"
	echo "kill $k at ${delay_ms} ms: $n rows"
	prev=$n
done
echo "$interrupted of $kills imports were killed mid-way"

# --- finish, then once more ---------------------------------------------------------
"$bin" import -q --profile "$profile" "$work/in" >"$work/final.out" 2>"$work/final.err"
rc=$?
[ "$rc" = 1 ] && ok || bad "final import exited $rc, expected 1 (one cut file)"
grep -q "cut.gpx" "$work/final.err" && ok || bad "the cut file is not reported on stderr"
n=$(rows)
[ "$n" = "$expected" ] && ok || bad "after finishing: $n rows, expected $expected"
dups=$(sqlite3 "$db" "SELECT source FROM activities GROUP BY source HAVING count(*) <> (CASE WHEN source LIKE 'multi-%' THEN 2 ELSE 1 END)")
[ -z "$dups" ] && ok || bad "activities not stored exactly once: $dups"
missing=$(awk '{ n = split($2, p, "/"); print p[n] }' "$work/expect.txt" | while read -r f; do
	c=$(sqlite3 "$db" "SELECT count(*) FROM activities WHERE source = '$f' OR source = '$f.gz'")
	[ "$c" -ge 1 ] || echo "$f"
done)
[ -z "$missing" ] && ok || bad "never stored: $missing"
same=$(sqlite3 "$db" "SELECT group_concat(hash) FROM (SELECT hash FROM activities ORDER BY hash)")
ref=$(sqlite3 "$work/ref.db" "SELECT group_concat(hash) FROM (SELECT hash FROM activities ORDER BY hash)")
[ "$same" = "$ref" ] && ok || bad "the killed-and-resumed store differs from an uninterrupted import"
"$bin" import -q --profile "$profile" "$work/in" >"$work/again.out" 2>&1
grep -q "^imported 0 activities" "$work/again.out" && ok || bad "a last import added: $(head -1 "$work/again.out")"
[ "$(rows)" = "$expected" ] && ok || bad "rows changed on the last import"

# --- a lifting log (issue 10.7): a several-year Strong export, killed mid-way --------
# 1,500 workouts of 30 sets (and Rest Timer rows); each kill must leave whole
# workouts only (every stored session has its 30 sets), and the last run
# completes the set without duplicates.
lifts="$work/strong.csv"
awk 'BEGIN {
	print "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
	for (w = 0; w < 1500; w++) {
		d = sprintf("%04d-%02d-%02d 18:%02d:00", 2019 + int(w / 300), 1 + int(w / 25) % 12, 1 + w % 25, w % 60)
		for (e = 0; e < 6; e++) for (s = 1; s <= 5; s++) {
			printf "%s,\"Workout %d\",1h 2m,\"Squat %d (Barbell)\",%d,%d.5,5,0,0,\"\",\"\",8\n", d, w, e, s, 40 + s
			printf "%s,\"Workout %d\",1h 2m,\"Squat %d (Barbell)\",Rest Timer,0,0,0,90,,,\n", d, w, e
		}
	}
}' > "$lifts"
cut=0
lift_sessions() { sqlite3 "$db" "SELECT count(*) FROM logged_sessions WHERE source_hash IS NOT NULL"; }
for k in 1 2 3 4 5; do
	before=$(lift_sessions)
	"$bin" import -q --units kg "$lifts" >/dev/null 2>&1 &
	pid=$!
	# Kill as soon as this run has committed a batch (or has ended): the
	# batches are 200 workouts, so that is mid-way while workouts remain.
	i=0
	while kill -0 "$pid" 2>/dev/null && [ "$(lift_sessions)" = "$before" ] && [ $i -lt 500 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	half=$(sqlite3 "$db" "SELECT count(*) FROM logged_sessions s WHERE source_hash IS NOT NULL AND (SELECT count(*) FROM logged_sets WHERE session_id = s.id) <> 30")
	[ "$half" = 0 ] && ok || bad "lifts kill $k: $half workouts stored by half"
	n=$(lift_sessions)
	[ "$n" -lt 1500 ] && cut=$((cut + 1))
	echo "lifts kill $k: $n workouts"
done
[ "$cut" -ge 1 ] && ok || bad "lifts: no import was killed mid-way (the machine is too fast for the delays)"
"$bin" import -q --units kg "$lifts" > "$work/lifts.out" 2>&1 && ok || bad "lifts: final import failed: $(cat "$work/lifts.out")"
[ "$(lift_sessions)" = 1500 ] && ok || bad "lifts: $(lift_sessions) workouts, expected 1500"
[ "$(sqlite3 "$db" "SELECT count(*) FROM logged_sets")" = 45000 ] && ok || bad "lifts: sets not stored exactly once"
"$bin" import -q --units kg "$lifts" > "$work/lifts.out" 2>&1
grep -q "imported 0 of 1500 workouts" "$work/lifts.out" && ok || bad "lifts: a last import added: $(head -1 "$work/lifts.out")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
