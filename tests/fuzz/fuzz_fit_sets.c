/*
 * libFuzzer target for the strength-set reader of FIT files (co_fit_sets,
 * src/formats/fit/sets.c): a watch's strength activity is untrusted input
 * that `carryover import` reads set by set. Any bytes must give 0 or a
 * negative CO_E* code, never a crash, a hang or a leak; on success at most
 * CO_FIT_MAX_SETS sets, each with values the importer can bound (no NaN,
 * counts and indexes -1 or more); on failure no array and no sets. Seeds:
 * tests/fuzz/corpus/fit_sets/ (strength sessions written by Garmin's FIT
 * SDK, as tests/oracle/fitstrength.test.mjs writes them).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "carryover/error.h"
#include "carryover/fit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_fit_set *v = NULL;
	size_t n = 0, dropped = 0;
	int rc = co_fit_sets(data, size, &v, &n, &dropped);

	if (rc > 0)
		abort();
	if (rc < 0) {
		if (v || n)
			abort();
		return 0;
	}
	if (n > CO_FIT_MAX_SETS || (n && !v) || (dropped && n != CO_FIT_MAX_SETS))
		abort();
	for (size_t i = 0; i < n; i++) {
		const co_fit_set *s = &v[i];

		if (isnan(s->seconds) || isnan(s->weight_kg) || s->reps < -1 || s->category < -1 ||
		    s->subtype < -1 || s->wkt_step < -1 || s->message_index < -1)
			abort();
	}
	free(v);
	return 0;
}
