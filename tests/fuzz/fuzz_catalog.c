/*
 * Fuzz the catalogue parser (co_catalog_parse) with arbitrary bytes: it must
 * either succeed with a catalogue whose every id and alias finds its own
 * entry, or fail with a message and no catalogue, never crash or leak.
 * Seeds: tests/fuzz/corpus/catalog/ (a slice of data/exercises.ini and
 * small broken variants).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/catalog.h"
#include "carryover/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_catalog *cat = NULL;
	int rc = co_catalog_parse(&cat, (const char *)data, size, "fuzz.ini");

	if (rc != 0) {
		if (cat || rc != CO_EINPUT || !*co_error_last())
			abort();
		return 0;
	}
	for (size_t i = 0; i < co_catalog_count(cat); i++) {
		const co_exercise *e = co_catalog_at(cat, i);
		if (co_catalog_find(cat, e->id) != e)
			abort();
		for (size_t a = 0; e->aliases[a]; a++)
			if (co_catalog_find(cat, e->aliases[a]) != e)
				abort();
		if (e->progression && !co_catalog_find(cat, e->progression))
			abort();
		if (e->regression && !co_catalog_find(cat, e->regression))
			abort();
		if (!co_pattern_name(e->pattern) || !co_level_name(e->level))
			abort();
	}
	(void)co_catalog_suggest(cat, "romanain deadlift");
	co_catalog_free(cat);
	return 0;
}
