#!/bin/sh
# Run one CLI test file: tests/cli/NAME.t
#
#   run.sh CARRYOVER_BINARY CASEFILE
#
# A case file is a list of commands with what they must print:
#
#   # a comment
#   $ carryover exercises show rdl      the command (a shell line; `carryover`
#                                       is the binary under test)
#   < a line of standard input          (optional, repeatable)
#   ? 0                                 the exit code (default 0)
#   > Romanian deadlift                 stdout contains this text
#   >! Bench press                      stdout does not contain this text
#   ! unknown exercise                  stderr contains this text
#   !! nothing                          stderr is empty
#
# All cases of a file run in one fresh directory with a fresh database
# (CARRYOVER_DB), in order, so later cases see what earlier ones stored.
# $SRC is the source tree, $DATA is tests/data, $CORPUS is ../shared/corpus.
set -u

bin=$1
case_file=$2
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$SRC/tests/data
CORPUS=${CO_CORPUS:-$SRC/../shared/corpus}
export SRC DATA CORPUS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARRYOVER_DB="$work/carryover.db" HOME="$work" XDG_DATA_HOME="$work/xdg"
export CO_BIN="$bin" TZ=UTC LC_ALL=C

failures=0
cases=0
cmd=""
stdin_file="$work/.stdin"
: >"$stdin_file"
expect_code=0
checks="$work/.checks"
: >"$checks"
lineno=0
cmd_line=0

carryover_fn='carryover() { "$CO_BIN" "$@"; }'

run_case() {
	[ -n "$cmd" ] || return 0
	cases=$((cases + 1))
	(cd "$work" && eval "$carryover_fn
$cmd") <"$stdin_file" >"$work/.out" 2>"$work/.err"
	code=$?
	ok=1
	if [ "$code" != "$expect_code" ]; then
		echo "$case_file:$cmd_line: '$cmd' exited $code, expected $expect_code"
		ok=0
	fi
	while IFS= read -r chk; do
		kind=${chk%%	*}
		text=${chk#*	}
		case $kind in
		out) grep -qF -- "$text" "$work/.out" || { echo "$case_file:$cmd_line: stdout lacks '$text'"; ok=0; } ;;
		notout) grep -qF -- "$text" "$work/.out" && { echo "$case_file:$cmd_line: stdout has '$text'"; ok=0; } ;;
		err) grep -qF -- "$text" "$work/.err" || { echo "$case_file:$cmd_line: stderr lacks '$text'"; ok=0; } ;;
		noerr) [ -s "$work/.err" ] && { echo "$case_file:$cmd_line: stderr not empty"; ok=0; } ;;
		esac
	done <"$checks"
	if [ $ok = 0 ]; then
		failures=$((failures + 1))
		echo "--- stdout"; head -c 3000 "$work/.out"
		echo "--- stderr"; head -c 3000 "$work/.err"
	fi
	cmd=""
	expect_code=0
	: >"$checks"
	: >"$stdin_file"
}

while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	case $line in
	'$ '*) run_case; cmd=${line#\$ }; cmd_line=$lineno ;;
	'< '*) printf '%s\n' "${line#< }" >>"$stdin_file" ;;
	'? '*) expect_code=${line#? } ;;
	'>! '*) printf 'notout\t%s\n' "${line#>! }" >>"$checks" ;;
	'> '*) printf 'out\t%s\n' "${line#> }" >>"$checks" ;;
	'!! '*|'!!') printf 'noerr\t-\n' >>"$checks" ;;
	'! '*) printf 'err\t%s\n' "${line#! }" >>"$checks" ;;
	'#'*|'') ;;
	*) echo "$case_file:$lineno: cannot read test line '$line'"; exit 2 ;;
	esac
done <"$case_file"
run_case

echo "$(basename "$case_file"): $((cases - failures)) passed, $failures failed"
[ $failures -eq 0 ]
