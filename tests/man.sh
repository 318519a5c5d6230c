#!/bin/sh
# The man page says what --help says: docs/man/carryover.1 must be exactly
# what scripts/man.sh generates from this binary's --help texts, so every
# command has its section and every option of every command's --help is in
# it, and nothing else is. On a difference, regenerate:
#   scripts/man.sh build/carryover > docs/man/carryover.1
#
#   man.sh CARRYOVER_BINARY SOURCE_TREE
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARRYOVER_DB="$work/none.db" HOME="$work"
fail=0

sh "$src/scripts/man.sh" "$bin" >"$work/carryover.1" || { echo "man: scripts/man.sh failed"; exit 1; }
if ! diff -u "$src/docs/man/carryover.1" "$work/carryover.1"; then
	echo "man: docs/man/carryover.1 differs from --help: run scripts/man.sh $bin > docs/man/carryover.1"
	fail=1
fi
# Belt and braces: each command's section and each of its long options.
for c in $("$bin" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'); do
	grep -q "^\.SS \"carryover $c\"" "$src/docs/man/carryover.1" ||
		{ echo "man: no section for '$c'"; fail=1; }
	for o in $("$bin" "$c" --help | sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
		esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		awk -v c="$c" '/^\.SS / { on = index($0, "\"carryover " c "\"") > 0 } on' \
			"$src/docs/man/carryover.1" | grep -q -- "$esc" ||
			{ echo "man: '$c $o' is in --help but not in the man page"; fail=1; }
	done
done
# If man(1) is there, the page must format without warnings.
if command -v man >/dev/null 2>&1; then
	warn=$(MANWIDTH=80 man -l "$src/docs/man/carryover.1" 2>&1 >/dev/null)
	[ -z "$warn" ] || { echo "man: formatting warnings: $warn"; fail=1; }
fi
[ "$fail" -eq 0 ] && echo "man: ok"
exit "$fail"
