#!/bin/sh
# make install PREFIX=... is cmake --install with that prefix: it must put
# the binary, the man page and both completions under PREFIX, and the
# installed binary must run.
#
#   install.sh BUILD_DIR
set -u
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail=0

cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "install: cmake --install failed"; exit 1; }
for f in bin/carryover share/man/man1/carryover.1 \
	share/bash-completion/completions/carryover share/zsh/site-functions/_carryover; do
	[ -f "$prefix/$f" ] || { echo "install: $f missing"; fail=1; }
done
[ -x "$prefix/bin/carryover" ] && "$prefix/bin/carryover" --version | grep -q '^carryover ' ||
	{ echo "install: the installed binary does not run"; fail=1; }
[ "$fail" -eq 0 ] && echo "install: ok"
exit "$fail"
