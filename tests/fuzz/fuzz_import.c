/*
 * libFuzzer target for the importer's own parsers: the stored sample
 * stream (co_stream_decode, docs/formats/stream.md) and format detection.
 * Nothing may crash, hang or leak; a stream that decodes must survive
 * encode -> decode unchanged (distances to the centimetre).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_sample *s = NULL, *back = NULL;
	unsigned char *enc = NULL;
	size_t n = 0, m = 0, len = 0;
	co_activity act;

	(void)co_import_detect(data, size);
	if (co_stream_decode(&s, &n, data, size) != 0)
		return 0;
	co_activity_init(&act);
	act.samples = s;
	act.nsamples = n;
	act.sample_stride = 1;
	if (co_stream_encode(&enc, &len, &act) != 0 ||
	    co_stream_decode(&back, &m, enc, len) != 0 || m != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (s[i].t != back[i].t || s[i].hr != back[i].hr || s[i].lat != back[i].lat ||
		    s[i].lon != back[i].lon || s[i].altitude != back[i].altitude ||
		    s[i].speed != back[i].speed || s[i].cadence != back[i].cadence)
			abort();
	free(enc);
	free(back);
	free(s);
	return 0;
}
