/*
 * The small value forms of the training log, as users type them and as
 * other apps' exports write them: plain decimals ("7.5", never "7,5": the
 * CSV reader converts a decimal comma before calling these), durations
 * ("45min", "1h20", "1:20:00"), distances ("10.2km", "6.2mi"), paces
 * ("4:15/km") and loads with an optional unit ("60", "60kg", "130lb").
 * Every reader takes a whole word and refuses anything left over, so
 * "60kgs" or "8x" is an error, never a silent 60 or 8.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_log_int.h"

/* --- numbers and units -------------------------------------------------------- */

/* A plain decimal number filling [s, s+len): "60", "7.5". */
bool co_app_log_num_n(double *out, const char *s, size_t len)
{
	char buf[32], *end = NULL;

	if (!len || len >= sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)buf[i]) && buf[i] != '.')
			return false;
	errno = 0;
	*out = strtod(buf, &end);
	return !errno && end && !*end && isfinite(*out);
}

bool co_app_log_num(double *out, const char *s)
{
	return co_app_log_num_n(out, s, strlen(s));
}

/* The number before a suffix: "45min" with "min" -> 45. */
bool co_app_log_num_suffix(double *out, const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0 && co_app_log_num_n(out, s, n - k);
}

bool co_app_log_is_int(double v)
{
	return v == floor(v);
}

bool co_app_log_parse_minutes(double *out, const char *s)
{
	double h = 0, m = 0, sec = 0;
	const char *p;

	if (co_app_log_num_suffix(out, s, "min") || co_app_log_num_suffix(out, s, "m"))
		return true;
	if (co_app_log_num_suffix(&h, s, "h")) {
		*out = h * 60;
		return true;
	}
	/* 1h20, 1h20min, 1h20m */
	if ((p = strchr(s, 'h')) && co_app_log_num_n(&h, s, (size_t)(p - s)) && co_app_log_is_int(h) &&
	    (co_app_log_num(&m, p + 1) || co_app_log_num_suffix(&m, p + 1, "min") ||
	     co_app_log_num_suffix(&m, p + 1, "m")) &&
	    m < 60) {
		*out = h * 60 + m;
		return true;
	}
	/* h:mm:ss or mm:ss */
	if (strchr(s, ':')) {
		int a = 0, b = 0, c = 0, used = 0;

		if (sscanf(s, "%d:%2d:%2d%n", &a, &b, &c, &used) == 3 && !s[used] && b < 60 &&
		    c < 60 && a >= 0) {
			*out = a * 60 + b + c / 60.0;
			return true;
		}
		used = 0;
		if (sscanf(s, "%d:%2d%n", &a, &b, &used) == 2 && !s[used] && b < 60 && a >= 0) {
			*out = a + b / 60.0;
			return true;
		}
	}
	(void)sec;
	return false;
}

bool co_app_log_parse_km(double *out, const char *s)
{
	double v;

	if (co_app_log_num_suffix(out, s, "km"))
		return true;
	if (co_app_log_num_suffix(&v, s, "mi")) {
		*out = v * 1.609344;
		return true;
	}
	return false;
}

/* "4:15" or "4:15/km" -> 255 s/km; "6:50/mi" -> per km. */
bool co_app_log_parse_pace(double *out, const char *s)
{
	int m = 0, sec = 0, used = 0;

	if (sscanf(s, "%d:%2d%n", &m, &sec, &used) != 2 || sec >= 60 || m < 0)
		return false;
	if (!s[used] || !strcmp(s + used, "/km")) {
		*out = m * 60 + sec;
		return true;
	}
	if (!strcmp(s + used, "/mi")) {
		*out = (m * 60 + sec) / 1.609344;
		return true;
	}
	return false;
}

/* "60", "60kg", "130lb", "130lbs": the load and its unit ("" when bare). */
bool co_app_log_parse_load(double *out, char unit[3], const char *s)
{
	unit[0] = '\0';
	if (co_app_log_num_suffix(out, s, "kg")) {
		strcpy(unit, "kg");
		return true;
	}
	if (co_app_log_num_suffix(out, s, "lbs") || co_app_log_num_suffix(out, s, "lb")) {
		strcpy(unit, "lb");
		return true;
	}
	return co_app_log_num(out, s);
}
