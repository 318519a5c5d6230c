#!/bin/sh
# Run every libFuzzer target in BUILD for SECONDS each, seeded from
# tests/fuzz/corpus/<target>/ when it exists. New inputs go to a scratch
# directory, never into the tree. Exit non-zero on the first crash.
set -eu
build=$1
secs=${2:-20}
src=$(cd "$(dirname "$0")/.." && pwd)
found=0
for f in "$build"/fuzz_*; do
	[ -x "$f" ] || continue
	found=1
	name=$(basename "$f")
	scratch=$(mktemp -d)
	seeds="$src/tests/fuzz/corpus/${name#fuzz_}"
	echo "fuzz: $name for ${secs}s"
	if [ -d "$seeds" ]; then
		"$f" -max_total_time="$secs" -max_len=1048576 -rss_limit_mb=2048 \
			-artifact_prefix="$scratch/" "$scratch" "$seeds" 2>"$scratch/log" || {
			tail -n 40 "$scratch/log"; exit 1; }
	else
		"$f" -max_total_time="$secs" -rss_limit_mb=2048 \
			-artifact_prefix="$scratch/" "$scratch" 2>"$scratch/log" || {
			tail -n 40 "$scratch/log"; exit 1; }
	fi
	tail -n 1 "$scratch/log"
	rm -rf "$scratch"
done
[ $found = 1 ] || echo "fuzz: no targets built"
