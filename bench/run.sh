#!/bin/sh
# The benchmarks of bench/README.md, side by side with their peers, in one
# run, ending with a summary table of speeds and ratios.
#
#   sh bench/run.sh [BUILD]            (make bench)
#
# Environment:
#   CO_CORPUS         the shared corpus (default: <source>/../shared/corpus)
#   BENCH_QUICK=1     a 100 MB synthetic FIT set instead of 1 GB, fewer plans
#   BENCH_BYTES=N     size of the synthetic FIT set in bytes (default 10^9)
#   BENCH_PASSES=N    passes over the corpus, the best is kept (default 3)
#   BENCH_BIG_PASSES=N  passes over the synthetic set (default 1; the SDK
#                     needs minutes for each pass over 1 GB)
#   BENCH_PROFILES=N  generated profiles of the planner batch (default 10000)
#   BENCH_PROFILE=1   also profile the synthetic import with perf and print
#                     where the time goes
#
# Everything generated (the synthetic set, databases) goes to a temporary
# folder that is deleted at the end, whatever happens.
set -eu

BUILD=${1:-build}
SRC=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
CORPUS=${CO_CORPUS:-$SRC/../shared/corpus}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	BYTES=${BENCH_BYTES:-100000000}
	PROFILES=${BENCH_PROFILES:-2000}
else
	BYTES=${BENCH_BYTES:-1000000000}
	PROFILES=${BENCH_PROFILES:-10000}
fi
PASSES=${BENCH_PASSES:-3}
BIG_PASSES=${BENCH_BIG_PASSES:-1}
PROFILE_INI=$SRC/examples/marathon.ini

if [ ! -d "$CORPUS/fit" ]; then
	echo "bench: no FIT corpus at '$CORPUS/fit' (set CO_CORPUS)" >&2
	exit 2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/carryover-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

if ! { [ -f "$BUILD/CMakeCache.txt" ] ||
       cmake -S "$SRC" -B "$BUILD" -DCO_WERROR=ON; } >"$TMP/build.log" 2>&1 ||
   ! cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target carryover_cli \
	bench_fit_decode bench_fit_synth bench_plan >>"$TMP/build.log" 2>&1; then
	cat "$TMP/build.log" >&2
	echo "bench: the build failed" >&2
	exit 1
fi
CO=$BUILD/carryover
B=$BUILD/bench

# key=value lookup in a line of the bench programs' output
val() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
# a / b with one decimal, "-" when either is missing or b is 0
ratio() { awk -v a="${1:--}" -v b="${2:--}" 'BEGIN {
	if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.1f", a / b }'; }
now_ns() { date +%s%N; }
say() { printf '%s\n' "$*" >&2; }

SDK=0
if command -v node >/dev/null 2>&1 &&
   node -e "require.resolve('@garmin/fitsdk', {paths: ['$SRC']})" >/dev/null 2>&1; then
	SDK=1
else
	say "bench: @garmin/fitsdk not found (npm ci in $SRC): the SDK columns stay empty"
fi
TIMEV=0
if /usr/bin/time -v true >/dev/null 2>&1; then TIMEV=1; else
	say "bench: /usr/bin/time -v not available (scripts/deps.sh installs it): no peak RSS for the import"
fi

# The corpus as a flat folder (fit/*.fit, not invalid/), so that every tool,
# the importer included, reads the same files.
mkdir "$TMP/corpus"
find "$CORPUS/fit" -maxdepth 1 -type f -iname '*.fit' -exec cp {} "$TMP/corpus/" \;
CORPUS_BYTES=$(find "$TMP/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
CORPUS_FILES=$(find "$TMP/corpus" -type f | wc -l)

# --- 1. FIT decoding: ours vs Garmin's SDK --------------------------------------
say "== FIT decode: corpus, $CORPUS_FILES files, $CORPUS_BYTES bytes, best of $PASSES"
OURS_C=$("$B/fit_decode" -n "$PASSES" "$TMP/corpus")
say "$OURS_C"
DEC_C=$(printf '%s\n' "$OURS_C" | grep '^mode=decode')
WALK_C=$(printf '%s\n' "$OURS_C" | grep '^mode=walk')
SDK_C=""
if [ $SDK = 1 ]; then
	SDK_C=$(node "$SRC/bench/fitsdk_decode.mjs" -n "$PASSES" "$TMP/corpus")
	say "$SDK_C"
fi

say "== synthetic FIT set: $BYTES bytes"
LIST=""
if [ $SDK = 1 ]; then
	node "$SRC/bench/fitsdk_decode.mjs" --list-clean "$TMP/corpus" >"$TMP/clean.txt"
	LIST="-i $TMP/clean.txt"
fi
# shellcheck disable=SC2086
SYNTH=$("$B/fit_synth" $LIST "$TMP/synth" "$BYTES" "$TMP/corpus" 2>"$TMP/synth.log")
say "$SYNTH ($(grep -c 'left out' "$TMP/synth.log" || true) corpus files left out)"
SYNTH_BYTES=$(val "$SYNTH" bytes)
SYNTH_MB=$(awk -v b="$SYNTH_BYTES" 'BEGIN {printf "%.0f", b / 1e6}')

say "== FIT decode: synthetic set, best of $BIG_PASSES"
OURS_S=$("$B/fit_decode" -n "$BIG_PASSES" "$TMP/synth")
say "$OURS_S"
DEC_S=$(printf '%s\n' "$OURS_S" | grep '^mode=decode')
WALK_S=$(printf '%s\n' "$OURS_S" | grep '^mode=walk')
DEC_RSS=$(printf '%s\n' "$OURS_S" | sed -n 's/^peak_rss_kb=//p')
SDK_S=""
if [ $SDK = 1 ]; then
	SDK_S=$(node "$SRC/bench/fitsdk_decode.mjs" -n "$BIG_PASSES" "$TMP/synth")
	say "$SDK_S"
fi

# --- 2. end-to-end import: decode, derive, store into a fresh database -------------
# import_run NAME PASSES PATH: sets IMP_MBPS (best pass) and IMP_RSS (its peak, KB)
import_run() {
	name=$1 passes=$2 path=$3
	bytes=$(find "$path" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
	IMP_MBPS="" IMP_RSS=""
	i=0
	while [ $i -lt "$passes" ]; do
		i=$((i + 1))
		rm -f "$TMP"/x.db*
		t0=$(now_ns)
		st=0
		if [ $TIMEV = 1 ]; then
			/usr/bin/time -v -o "$TMP/time.txt" "$CO" --db "$TMP/x.db" import -q \
				--profile "$PROFILE_INI" "$path" >"$TMP/import.log" 2>&1 || st=$?
		else
			"$CO" --db "$TMP/x.db" import -q --profile "$PROFILE_INI" "$path" \
				>"$TMP/import.log" 2>&1 || st=$?
		fi
		t1=$(now_ns)
		if [ $st -gt 1 ]; then
			say "bench: import of $name failed (exit $st):"
			tail -n 5 "$TMP/import.log" >&2
			return 0
		fi
		mbps=$(awk -v b="$bytes" -v ns=$((t1 - t0)) 'BEGIN {printf "%.1f", b / (ns / 1e9) / 1e6}')
		rss=""
		[ $TIMEV = 1 ] && rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.txt")
		say "import $name pass $i: $mbps MB/s, peak RSS ${rss:-?} KB; $(grep '^imported [0-9]' "$TMP/import.log" || true)"
		if [ -z "$IMP_MBPS" ] || awk -v a="$mbps" -v b="$IMP_MBPS" 'BEGIN {exit !(a > b)}'; then
			IMP_MBPS=$mbps IMP_RSS=$rss
		fi
	done
}

say "== import: corpus, best of $PASSES"
import_run corpus "$PASSES" "$TMP/corpus"
IMP_C=$IMP_MBPS IMP_C_RSS=$IMP_RSS
say "== import: synthetic set, best of $BIG_PASSES"
import_run synthetic "$BIG_PASSES" "$TMP/synth"
IMP_S=$IMP_MBPS IMP_S_RSS=$IMP_RSS

if [ "${BENCH_PROFILE:-0}" = 1 ] && command -v perf >/dev/null 2>&1; then
	say "== where the import's time goes (perf, synthetic set)"
	rm -f "$TMP"/x.db*
	perf record -q -o "$TMP/perf.data" "$CO" --db "$TMP/x.db" import -q \
		--profile "$PROFILE_INI" "$TMP/synth" >/dev/null 2>&1 || true
	perf report -i "$TMP/perf.data" --no-children --sort dso 2>/dev/null |
		grep '%' | head -n 8 >&2 || true
	perf report -i "$TMP/perf.data" --no-children --sort dso,symbol 2>/dev/null |
		grep '%' | head -n 20 >&2 || true
fi
rm -rf "$TMP/synth" "$TMP"/x.db*

# --- 3. the planner ------------------------------------------------------------------
say "== planner: 52-week season and a batch of $PROFILES profiles"
PLAN=$("$B/plan" -n 200 -p "$PROFILES")
say "$PLAN"
SEASON=$(printf '%s\n' "$PLAN" | grep '^mode=season')
BATCH=$(printf '%s\n' "$PLAN" | grep '^mode=batch')

# --- summary -------------------------------------------------------------------------
# "ratio" is over wall-clock time (best pass); "cpu ratio" over CPU time, which
# moves less when other work shares the machine.
SDK_C_MBPS=$(val "$SDK_C" mbps) SDK_C_CPU=$(val "$SDK_C" cpu_mbps)
SDK_S_MBPS=$(val "$SDK_S" mbps) SDK_S_CPU=$(val "$SDK_S" cpu_mbps)
row() { printf '%-34s %14s %12s %8s %9s  %s\n' "$@"; }
mb() { [ -n "$1" ] && echo "$1 MB/s" || echo "-"; }
kb2mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}' || echo "-"; }
x() { r=$(ratio "$1" "$2"); [ "$r" = - ] && echo - || echo "${r}x"; }
# dec_row LABEL OURS_LINE SDK_MBPS SDK_CPU TARGET
dec_row() {
	row "$1" "$(mb "$(val "$2" mbps)")" "$(mb "$3")" "$(x "$(val "$2" mbps)" "$3")" \
		"$(x "$(val "$2" cpu_mbps)" "$4")" "$5"
}

echo
echo "carryover benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg);" \
	"peer: @garmin/fitsdk, all conversions off; MB = 10^6 bytes"
row "benchmark" "ours" "peer" "ratio" "cpu ratio" "target"
dec_row "FIT decode, corpus $(awk -v b="$CORPUS_BYTES" 'BEGIN {printf "%.1f", b / 1e6}') MB" \
	"$DEC_C" "$SDK_C_MBPS" "$SDK_C_CPU" ">= 100x"
dec_row "FIT walk (records), corpus" "$WALK_C" "$SDK_C_MBPS" "$SDK_C_CPU" ""
dec_row "FIT decode, synthetic $SYNTH_MB MB" "$DEC_S" "$SDK_S_MBPS" "$SDK_S_CPU" ">= 100x"
dec_row "FIT walk (records), synthetic" "$WALK_S" "$SDK_S_MBPS" "$SDK_S_CPU" ""
row "decoder peak RSS, synthetic" "$(kb2mb "$DEC_RSS")" "" "" "" ""
row "import (end to end), corpus" "$(mb "$IMP_C")" "$(mb "$SDK_C_MBPS")" "$(x "$IMP_C" "$SDK_C_MBPS")" "" ">= 30x"
row "import (end to end), synthetic" "$(mb "$IMP_S")" "$(mb "$SDK_S_MBPS")" "$(x "$IMP_S" "$SDK_S_MBPS")" "" ">= 30x"
row "import peak RSS, corpus" "$(kb2mb "$IMP_C_RSS")" "" "" "" ""
row "import peak RSS, synthetic" "$(kb2mb "$IMP_S_RSS")" "" "" "" "< 64 MB"
row "plan, 52-week season (best)" "$(val "$SEASON" best_us) us" "" "" "" "<< 10000 us"
row "plan, 52-week season (median)" "$(val "$SEASON" median_us) us" "" "" "" ""
row "plan batch, $PROFILES profiles" "$(val "$BATCH" plans_per_s) plans/s" "" "" "" ""
