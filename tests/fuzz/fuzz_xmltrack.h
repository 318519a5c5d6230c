/*
 * The body shared by fuzz_gpx.c and fuzz_tcx.c (a header, not a target:
 * the build only makes targets of fuzz_*.c).
 *
 * The input is read twice: in one feed, and cut in two at a place chosen by
 * its first byte. Both readings must agree on the outcome and on every
 * activity's totals and samples.
 */
#ifndef CO_FUZZ_XMLTRACK_H
#define CO_FUZZ_XMLTRACK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/activity.h"
#include "carryover/error.h"
#include "carryover/xmltrack.h"

typedef struct fuzz_run {
	unsigned n;
	double elapsed_sum, distance_sum;
	size_t samples;
	uint32_t last_t;
} fuzz_run;

static int fuzz_check(void *ctx, const co_activity *a)
{
	fuzz_run *run = ctx;

	if (!(a->elapsed > 0) || a->moving > a->elapsed || a->nsamples > a->sample_cap ||
	    a->index != run->n || a->avg_hr > a->max_hr)
		abort();
	for (size_t i = 1; i < a->nsamples; i++)
		if (a->samples[i].t <= a->samples[i - 1].t)
			abort();
	run->n++;
	run->elapsed_sum += a->elapsed;
	run->distance_sum += a->distance;
	run->samples += a->nsamples;
	if (a->nsamples)
		run->last_t = a->samples[a->nsamples - 1].t;
	return 0;
}

static int fuzz_read(co_xmltrack_kind kind, const char *name, const uint8_t *data,
		     size_t size, size_t cut, fuzz_run *run)
{
	co_xmltrack *r = co_xmltrack_new(kind, name, fuzz_check, run);
	int rc;

	if (!r)
		abort();
	rc = co_xmltrack_feed(r, data, cut);
	if (!rc)
		rc = co_xmltrack_feed(r, data + cut, size - cut);
	if (!rc)
		rc = co_xmltrack_finish(r);
	co_xmltrack_free(r);
	return rc;
}

static int fuzz_xmltrack(co_xmltrack_kind kind, const char *name, const uint8_t *data,
			 size_t size)
{
	fuzz_run whole = {0}, split = {0};
	size_t cut = size ? data[0] % (size + 1) : 0;
	int rc = fuzz_read(kind, name, data, size, size, &whole);
	const char *msg = co_error_last();

	if (rc != CO_OK && rc != CO_EINPUT && rc != CO_EUNSUPPORTED)
		abort();
	if (rc != CO_OK && (strncmp(msg, name, strlen(name)) || strchr(msg, '\n')))
		abort();
	if (fuzz_read(kind, name, data, size, cut, &split) != rc)
		abort();
	if (split.n != whole.n || split.samples != whole.samples ||
	    split.last_t != whole.last_t ||
	    memcmp(&split.elapsed_sum, &whole.elapsed_sum, sizeof(double)) ||
	    memcmp(&split.distance_sum, &whole.distance_sum, sizeof(double)))
		abort();
	return 0;
}

#endif
