#!/bin/sh
# What the CLI's object files call, read back with nm: the CLI reaches the
# store only through the application layer (include/carryover/app.h), so
# no CLI object may call a co_store_* function or the database client.
# (Includes cannot show this: store.h is a public header the app layer's
# declarations use.) Freeing a row the app layer returned is not reaching
# into the store: co_store_*_release and co_store_*_list_free are allowed.
#
#   symbols.sh OBJECT...    (one argument may hold several, ';'-separated,
#                            as CMake's $<TARGET_OBJECTS> gives them)
set -u
IFS=';'
set -- $*
unset IFS
bad=$(for o in "$@"; do
	nm -u "$o" | awk -v o="$(basename "$o")" '
		$2 ~ /^co_store_.*(_release|_list_free)$/ { next }
		$2 ~ /^(co_store_|sqlite3_|PQ)/ { print o ": calls " $2 }'
done)
if [ -n "$bad" ]; then
	echo "$bad" | sed 's/$/ (the CLI reaches the store only through the app layer)/'
	echo "0 passed, $(echo "$bad" | wc -l) failed"
	exit 1
fi
echo "$# passed, 0 failed"
