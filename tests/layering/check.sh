#!/bin/sh
# The include and printing rules of the layers (docs/internals.md), checked
# over the sources. The build already refuses most crossings (each layer
# compiles against a view of src/ holding only its folder and util/); this
# catches what include paths cannot: system headers of the database and
# JSON libraries, public headers of a higher layer, and printing in the
# engine or the renderer.
#
#   check.sh [SRC_DIR]      SRC_DIR defaults to the tree's src/
#
# Prints one line per violation (file:line: what, and the rule) and
# "N passed, M failed" last; exits 1 when any rule is broken.
set -u

src=${1:-$(cd "$(dirname "$0")/../../src" && pwd)}
cd "$src" || exit 2

failed=0
passed=0
report() { # file line text rule
	echo "$1:$2: $3 ($4)"
	failed=$((failed + 1))
}

# Public headers each layer may not include (a layer below must not know a
# layer above). Everything under include/carryover/ not listed is allowed.
FORMAT_HEADERS="fit.h json.h calendar_io.h xmltrack.h import.h stream.h detect.h"
UPPER_HEADERS="store.h app.h report.h"

# allowed_folders LAYER: the internal folders a layer may include from.
allowed_folders() {
	case $1 in
	util) echo "util" ;;
	lib) echo "lib util" ;;
	formats) echo "formats util" ;;
	store) echo "store util" ;;
	report) echo "report util" ;;
	app) echo "app util" ;;
	cli | server) echo "$1 util" ;;
	esac
}

# forbidden_public LAYER: public headers the layer may not include.
forbidden_public() {
	case $1 in
	util) echo "$FORMAT_HEADERS $UPPER_HEADERS catalog.h plan.h athlete.h activity.h analysis.h check.h history.h" ;;
	lib) echo "$FORMAT_HEADERS $UPPER_HEADERS" ;;
	report) echo "$FORMAT_HEADERS store.h app.h" ;;
	formats) echo "$UPPER_HEADERS" ;;
	store) echo "$FORMAT_HEADERS app.h report.h" ;;
	app) echo "report.h" ;;
	*) echo "" ;;
	esac
}

for file in $(find . -name '*.[ch]' | sed 's#^\./##' | sort); do
	layer=${file%%/*}
	allowed=$(allowed_folders "$layer")
	[ -n "$allowed" ] || { report "$file" 1 "file outside every layer" "src/ holds only the layers"; continue; }
	forbidden=$(forbidden_public "$layer")
	bad=$(awk -v allowed=" $allowed " -v forbidden=" $forbidden " -v layer="$layer" '
		/^[ \t]*#[ \t]*include[ \t]*"/ {
			inc = $0
			sub(/^[^"]*"/, "", inc); sub(/".*$/, "", inc)
			top = inc; sub(/\/.*$/, "", top)
			if (top == "carryover") {
				h = inc; sub(/^carryover\//, "", h)
				if (index(forbidden, " " h " "))
					printf "%d\tincludes \"%s\"\tthe %s layer may not use a layer above it\n", NR, inc, layer
			} else if (!index(allowed, " " top " ")) {
				printf "%d\tincludes \"%s\"\tthe %s layer may include only carryover/ and%s\n", NR, inc, layer, allowed
			}
		}
		/^[ \t]*#[ \t]*include[ \t]*<(sqlite3|libpq-fe)\.h>/ && layer != "store" {
			printf "%d\tincludes a database client header\tonly src/store/ talks to the database\n", NR
		}
		/^[ \t]*#[ \t]*include[ \t]*<jansson\.h>/ && FILENAME !~ /^formats\/json[a-z_]*\.[ch]$/ {
			printf "%d\tincludes jansson.h\tonly src/formats/json*.c uses the JSON library\n", NR
		}
		(layer == "lib" || layer == "report") && /(^|[^a-z_])(printf|fprintf|vprintf|vfprintf|dprintf|puts|fputs|putchar|fputc|putc|fwrite|perror)[ \t]*\(|(^|[^a-z_])(stdout|stderr)([^a-z_]|$)/ {
			line = $0
			sub(/^[ \t]*/, "", line)
			if (line !~ /^(\*|\/\*|\/\/)/)
				printf "%d\tprints: %s\tthe engine and the renderer never print (write into a co_strbuf)\n", NR, line
		}
	' "$file")
	if [ -n "$bad" ]; then
		echo "$bad" | while IFS='	' read -r line what rule; do
			echo "$file:$line: $what ($rule)"
		done
		failed=$((failed + $(echo "$bad" | wc -l)))
	else
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
