#!/bin/sh
# The README's commands cannot rot: run every line of its ```sh blocks that
# starts with "carryover " against the built binary, from the source tree,
# with a fresh database, and require exit 0 and some output.
set -u
bin=$1
readme=$2
src=$(cd "$(dirname "$readme")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARRYOVER_DB="$work/carryover.db" HOME="$work" TZ=UTC

n=0
fail=0
awk '/^```sh/{on=1; next} /^```/{on=0} on && /^carryover /' "$readme" >"$work/cmds"
while IFS= read -r line; do
	n=$((n + 1))
	args=${line#carryover }
	if (cd "$src" && eval "\"$bin\" $args") >"$work/out" 2>"$work/err"; then
		if [ ! -s "$work/out" ]; then
			echo "README: '$line' printed nothing"; fail=$((fail + 1))
		fi
	else
		echo "README: '$line' failed:"; cat "$work/err"; fail=$((fail + 1))
	fi
done <"$work/cmds"
if [ "$n" -eq 0 ]; then
	echo "README: no carryover commands found"; exit 1
fi
echo "readme: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
