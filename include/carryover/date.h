/*
 * Calendar dates as whole days.
 *
 * A co_date is the number of days since 1970-01-01 in the proleptic
 * Gregorian calendar, so date arithmetic is integer arithmetic and weekday
 * is a modulo. Plans are made of whole days; times of day live elsewhere.
 */
#ifndef CARRYOVER_DATE_H
#define CARRYOVER_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t co_date;

/** ISO weekdays, Monday first. */
typedef enum co_weekday {
	CO_MON = 0, CO_TUE, CO_WED, CO_THU, CO_FRI, CO_SAT, CO_SUN
} co_weekday;

/** Days since 1970-01-01 for a civil date. No validation. */
co_date co_date_from_ymd(int year, int month, int day);

/** The civil date of a co_date. Any pointer may be NULL. */
void co_date_to_ymd(co_date d, int *year, int *month, int *day);

/** True when year-month-day names a real day (2027-02-29 does not). */
bool co_date_valid(int year, int month, int day);

/**
 * Parse exactly "YYYY-MM-DD" into *out. Returns 0, or CO_EINPUT (with the
 * last error set to "invalid date 'TEXT' (expected YYYY-MM-DD)") when the
 * text is not a real date.
 */
int co_date_parse(co_date *out, const char *text);

/** Write "YYYY-MM-DD" (11 bytes with the NUL) into buf; returns buf. */
char *co_date_format(co_date d, char buf[11]);

/** The ISO weekday of d. */
co_weekday co_date_weekday(co_date d);

/** The Monday on or before d. */
co_date co_date_monday(co_date d);

/** Today in local time. */
co_date co_date_today(void);

/** qsort() order of co_date values, oldest first. */
int co_date_cmp(const void *a, const void *b);

/** The first index of sorted v[0..n) whose date is on or after d (n when none). */
size_t co_date_lower(const co_date *v, size_t n, co_date d);

/** "mon".."sun" and "Monday".."Sunday". */
const char *co_weekday_short(co_weekday w);
const char *co_weekday_name(co_weekday w);

/** Parse "mon", "monday", "Mon" ...; returns -1 when unknown. */
int co_weekday_parse(const char *text);

/**
 * Unix seconds `t` as the UTC instant "2024-05-01T06:30:00Z" (20 characters
 * and a NUL) in out; returns out. Pure arithmetic on co_date, so the text
 * never depends on the machine's time zone (src/util/isotime.c).
 */
char *co_iso_utc(char out[32], int64_t t);

#ifdef __cplusplus
}
#endif

#endif
