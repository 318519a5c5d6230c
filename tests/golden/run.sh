#!/bin/sh
# Golden tests: run each case of tests/golden/cases and compare its stdout,
# stderr and exit code with tests/golden/expected/NAME, byte for byte.
#
#   run.sh CARRYOVER_BINARY [--update]
#
# --update rewrites the expected files (for a deliberate change; the commit
# says why). What differs from run to run is normalised first: the work
# directory and source tree, clock times (DTSTAMP, created_at) and speeds.
# Prints "N passed, M failed" last; exits 1 on any difference.
set -u

bin=$1
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
CORPUS=${CO_CORPUS:-$SRC/../shared/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SRC CORPUS CO_BIN="$bin"
export CARRYOVER_DB="$work/carryover.db" HOME="$work" XDG_DATA_HOME="$work/xdg"
export TZ=UTC LC_ALL=C CARRYOVER_TODAY=2027-01-06 COLUMNS=80 NO_COLOR=1
unset CARRYOVER_ATHLETE 2>/dev/null || true
mkdir -p "$here/expected"

passed=0
failed=0
tab=$(printf '\t')
while IFS="$tab" read -r name cmd; do
	case $name in '' | '#'*) continue ;; esac
	out="$work/.result"
	(cd "$work" && eval 'carryover() { "$CO_BIN" "$@"; }
'"$cmd") </dev/null >"$out.stdout" 2>"$out.stderr"
	code=$?
	{
		echo "\$ $cmd"
		echo "? $code"
		echo "--- stdout"
		cat "$out.stdout"
		echo "--- stderr"
		cat "$out.stderr"
	} | sed -e "s#$work#WORK#g" -e "s#$SRC#SRC#g" -e "s#$CORPUS#CORPUS#g" \
		-e 's/^DTSTAMP:[0-9TZ]*/DTSTAMP:NOW/' \
		-e "s/'[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'/'NOW'/g" \
		-e 's/ in [0-9.]* s ([^)]*)/ in T s (SPEED)/' >"$out"
	if [ "$update" = "--update" ]; then
		cp "$out" "$here/expected/$name"
		passed=$((passed + 1))
	elif cmp -s "$out" "$here/expected/$name"; then
		passed=$((passed + 1))
	else
		echo "golden: '$name' differs from tests/golden/expected/$name:"
		diff -u "$here/expected/$name" "$out" | head -40
		failed=$((failed + 1))
	fi
done <"$here/cases"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
