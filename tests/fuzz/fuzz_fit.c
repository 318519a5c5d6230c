/*
 * libFuzzer target for the FIT decoder: any bytes go through the record
 * walker (reading every field with every accessor) and the activity
 * decoder, strict and salvaging. Nothing may crash, hang or leak, and each
 * activity reported must keep the sample-stream invariants.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "carryover/fit.h"

static int touch(void *ctx, const co_fit_mesg *m)
{
	unsigned n = co_fit_mesg_count(m), i;
	co_fit_field f;
	int64_t v;
	double d;
	char s[8];

	for (i = 0; i < n; i++) {
		if (!co_fit_mesg_field_at(m, i, &f))
			abort();
		(void)co_fit_mesg_int(m, f.num, &v);
		(void)co_fit_mesg_num(m, f.num, 100, 0, &d);
		(void)co_fit_mesg_string(m, f.num, s, sizeof(s));
	}
	*(size_t *)ctx += n;
	return 0;
}

static int check(void *ctx, const co_activity *a)
{
	size_t i;

	if (a->nsamples > a->sample_cap)
		abort();
	for (i = 1; i < a->nsamples; i++)
		if (a->samples[i].t - a->samples[i - 1].t < a->sample_stride ||
		    a->samples[i].t <= a->samples[i - 1].t)
			abort();
	(void)co_sport_name(a->sport);
	*(size_t *)ctx += a->nsamples + a->nlaps;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	size_t sink = 0;

	(void)co_fit_walk(data, size, NULL, touch, &sink);
	(void)co_fit_decode(data, size, NULL, check, &sink);
	opt.salvage = 1;
	opt.sample_cap = 8;
	(void)co_fit_walk(data, size, &opt, touch, &sink);
	(void)co_fit_decode(data, size, &opt, check, &sink);
	return 0;
}
