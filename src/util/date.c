/*
 * Civil-date arithmetic (Howard Hinnant's days_from_civil / civil_from_days,
 * public domain), so that no date code depends on time zones or mktime().
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "carryover/date.h"
#include "carryover/error.h"

co_date co_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (co_date)(era * 146097 + (int)doe - 719468);
}

void co_date_to_ymd(co_date z, int *year, int *month, int *day)
{
	int zz = z + 719468;
	const int era = (zz >= 0 ? zz : zz - 146096) / 146097;
	const unsigned doe = (unsigned)(zz - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int y = (int)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned d = doy - (153 * mp + 2) / 5 + 1;
	const unsigned m = mp < 10 ? mp + 3 : mp - 9;

	if (year)
		*year = y + (m <= 2);
	if (month)
		*month = (int)m;
	if (day)
		*day = (int)d;
}

bool co_date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int max;

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

int co_date_parse(co_date *out, const char *text)
{
	int y, m, d, i;

	if (!text || strlen(text) != 10)
		goto bad;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (text[i] != '-')
				goto bad;
		} else if (!isdigit((unsigned char)text[i])) {
			goto bad;
		}
	}
	y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
	m = (text[5] - '0') * 10 + (text[6] - '0');
	d = (text[8] - '0') * 10 + (text[9] - '0');
	if (!co_date_valid(y, m, d)) {
		/* the shape is right: say which part is wrong, not "expected YYYY-MM-DD" */
		if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y < 1900 || y > 2200))
			return co_error_set(CO_EINPUT,
					    "date '%s' is out of range (years 1900 to 2200)", text);
		return co_error_set(CO_EINPUT, "'%s' is not a real date", text);
	}
	*out = co_date_from_ymd(y, m, d);
	return CO_OK;
bad:
	return co_error_set(CO_EINPUT, "invalid date '%.40s' (expected YYYY-MM-DD)",
			    text ? text : "");
}

char *co_date_format(co_date d, char buf[11])
{
	int y, m, dd;

	co_date_to_ymd(d, &y, &m, &dd);
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y, (unsigned)m % 100u, (unsigned)dd % 100u);
	return buf;
}

co_weekday co_date_weekday(co_date d)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int w = (d + 3) % 7;
	return (co_weekday)(w < 0 ? w + 7 : w);
}

co_date co_date_monday(co_date d)
{
	return d - (co_date)co_date_weekday(d);
}

co_date co_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return co_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *const short_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const long_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
					 "Friday", "Saturday", "Sunday"};

const char *co_weekday_short(co_weekday w)
{
	return (unsigned)w < 7 ? short_names[w] : "?";
}

const char *co_weekday_name(co_weekday w)
{
	return (unsigned)w < 7 ? long_names[w] : "?";
}

int co_weekday_parse(const char *text)
{
	for (int i = 0; i < 7; i++)
		if (!strcasecmp(text, short_names[i]) || !strcasecmp(text, long_names[i]))
			return i;
	return -1;
}

int co_date_cmp(const void *a, const void *b)
{
	co_date x = *(const co_date *)a, y = *(const co_date *)b;

	return (x > y) - (x < y);
}

size_t co_date_lower(const co_date *v, size_t n, co_date d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
