#!/bin/sh
# The layering rules must be able to fail. On a copy of src/ this adds, one
# at a time, the two crossings the rules exist for, and expects check.sh to
# refuse each: `#include "store/..."` in a CLI file and a printf in the
# engine. Then it compiles one-line files against the build's views the way
# the layers are compiled, and expects the CLI's view to refuse a store
# header and the engine's view to refuse a formats header (the build, not
# only this script, keeps the layers apart).
#
#   selftest.sh CC VIEWS_DIR INCLUDE_DIR
#
# Last, symbols.sh must refuse an object that calls co_store_open.
set -u

cc=$1
views=$2
include=$3
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../src" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "selftest: $1"; failed=$((failed + 1)); }

# expect_refused NAME FILE LINE PATTERN: check.sh on a copy with LINE added
# to FILE must fail and name the file.
expect_refused() {
	rm -rf "$work/src" && cp -R "$src" "$work/src"
	printf '%s\n' "$3" >>"$work/src/$2"
	if sh "$here/check.sh" "$work/src" >"$work/out" 2>&1; then
		bad "$1: check.sh accepted it"
	elif ! grep -q "^$2:.*$4" "$work/out"; then
		bad "$1: check.sh failed without naming $2: $(head -3 "$work/out")"
	else
		ok
	fi
}

sh "$here/check.sh" "$src" >"$work/out" 2>&1 && ok || bad "the tree itself breaks a rule: $(cat "$work/out")"
expect_refused "cli includes store" cli/main.c '#include "store/store_impl.h"' 'includes "store/store_impl.h"'
expect_refused "engine prints" lib/plan.c 'static void shout(void) { printf("x\n"); }' 'prints'
expect_refused "engine includes a format" lib/plan.c '#include "carryover/json.h"' 'may not use a layer above'
expect_refused "cli includes sqlite" cli/main.c '#include <sqlite3.h>' 'database client'
expect_refused "jansson outside json.c" formats/gpx.c '#include <jansson.h>' 'jansson'

# compiles LAYER HEADER: 0 when a file including HEADER compiles in LAYER's view.
compiles() {
	printf '#include "%s"\nint co_layering_probe;\n' "$2" >"$work/probe.c"
	"$cc" -fsyntax-only -std=c11 -D_POSIX_C_SOURCE=200809L -I "$include" -I "$views/$1" \
		"$work/probe.c" >/dev/null 2>&1
}
compiles cli util/strbuf.h && ok || bad "the CLI's view refuses util/strbuf.h"
compiles cli store/store_impl.h && bad "the CLI's view compiles store/store_impl.h" || ok
compiles lib lib/session.h && ok || bad "the engine's view refuses its own header"
compiles lib formats/xmltrack_int.h && bad "the engine's view compiles a formats header" || ok

# symbols.sh must refuse a CLI object that calls the store itself.
printf '#include "carryover/store.h"\nint co_probe(void);\nint co_probe(void) { co_store *s; return co_store_open(&s, "x.db"); }\n' >"$work/probe.c"
if "$cc" -c -std=c11 -I "$include" -o "$work/probe.o" "$work/probe.c" 2>"$work/cc.err"; then
	sh "$here/symbols.sh" "$work/probe.o" >"$work/out" 2>&1 && bad "symbols.sh accepted a CLI object calling co_store_open" || ok
else
	bad "could not compile the symbols probe: $(head -2 "$work/cc.err")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
