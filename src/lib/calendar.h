/*
 * Private to the engine: the merged running calendar of one season.
 *
 * A co_season is what the planner sees of a runner's running: for every day
 * from the plan's first Monday, the runs of that day (the profile's [week]
 * template, overridden date by date by the dated runs of the calendar, and
 * replaced by the race on a race day), and the races of the season (the
 * profile's plus the calendar's, deduplicated and sorted by date).
 *
 * Invariants: races[] is sorted by date, holds at most one race a day and
 * owns its names; runs[] is sorted by date and holds no rest entries; each
 * day's runs are runs[first .. first + n). Released with co_season_release().
 */
#ifndef CO_LIB_CALENDAR_H
#define CO_LIB_CALENDAR_H

#include <stdarg.h>

#include "carryover/plan.h"

/** One day of the season. */
typedef struct co_day {
	co_date date;
	size_t first, n;   /* its runs in co_season.runs */
	int minutes;       /* running minutes of the day */
	bool key;          /* a key run (E1): long, tempo, threshold, intervals, hills, race */
	co_run_type main;  /* the day's most demanding run (CO_RUN_REST when none) */
	int race;          /* index into co_season.races, -1 when no race that day */
} co_day;

typedef struct co_season {
	co_date start;     /* Monday of week 1 */
	co_day *days;
	size_t n_days;
	co_plan_run *runs;
	size_t n_runs;
	co_race *races;
	size_t n_races;
	char **warnings;   /* named warnings: calendar's, then merging's */
	size_t n_warnings;
} co_season;

/**
 * Merge the races of the profile and the calendar (cal may be NULL) into
 * s->races: sorted, one per day (the same race written twice becomes one;
 * two different races on one day keep the more important and warn), races
 * before `start` dropped with a warning. Copies the calendar's warnings.
 * `s` must be zeroed; release it with co_season_release() even on failure.
 */
void co_season_races(co_season *s, const co_profile *p, const co_calendar *cal, co_date start);

/**
 * Fill s->days and s->runs for n_days days from `start` (a Monday): the
 * template of the profile overridden by the dated runs of `cal` (NULL: the
 * template alone) and by the races already in s->races.
 */
void co_season_days(co_season *s, const co_profile *p, const co_calendar *cal, size_t n_days);

void co_season_release(co_season *s);

/** Estimated minutes of a race of `km` kilometres (for the running demand, C5). */
int co_race_minutes(double km);

/** A short name for a race distance: "5k", "half marathon", "50 km ultra". Static or `buf`. */
const char *co_race_distance_name(double km, char buf[32]);

/** Rank of how demanding a run type is, for naming a day by its hardest run. */
int co_run_type_rank(co_run_type t);

/** Append a formatted string to a string list (used for notes and warnings). */
void co_strlist_add(char ***list, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void co_strlist_vadd(char ***list, size_t *n, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
void co_strlist_free(char **list, size_t n);

#endif
