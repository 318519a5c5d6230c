/*
 * ISO 8601 instants from Unix seconds (see util/isotime.h). Days are
 * floored, so an instant before 1970 still gets a time of day in 0..86399.
 */
#include <stdio.h>

#include "carryover/date.h"
#include "util/isotime.h"

char *co_iso_utc(char buf[32], int64_t t)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	int y, m, d;

	co_date_to_ymd((co_date)days, &y, &m, &d);
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}

char *co_iso_local(char out[32], int64_t t, int32_t offset_s)
{
	char utc[32];
	int32_t a = offset_s < 0 ? -offset_s : offset_s;

	co_iso_utc(utc, t + offset_s);
	snprintf(out, 32, "%.19s%c%02d:%02d", utc, offset_s < 0 ? '-' : '+', (int)(a / 3600),
		 (int)(a / 60 % 60));
	return out;
}
