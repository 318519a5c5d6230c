/*
 * The running calendar: dated runs and races as the format readers found
 * them (co_calendar, public), and the merged season the planner works from
 * (co_season, calendar.h).
 *
 * Merging follows one rule per question, so that a runner can predict it:
 *   - the runs of a day are the [week] template for that weekday, unless the
 *     calendar has dated runs on that date, which then replace the template
 *     for that day only (a dated "rest" clears the day);
 *   - a race day runs the race and nothing else;
 *   - a race written both in the profile and in the calendar (same day, and
 *     the same name or distance) is one race, with the more important
 *     priority and the profile's name; two different races on one day cannot
 *     both be run all-out, so the plan keeps the more important one and says
 *     so in a named warning;
 *   - races before the plan's first day are left out, with a warning.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/error.h"
#include "lib/calendar.h"
#include "util/strbuf.h"

void co_strlist_vadd(char ***list, size_t *n, const char *fmt, va_list ap)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_strbuf_init(&sb);
	co_strbuf_vaddf(&sb, fmt, ap);
	*list = co_xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = co_strbuf_detach(&sb);
}

void co_strlist_add(char ***list, size_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	co_strlist_vadd(list, n, fmt, ap);
	va_end(ap);
}

void co_strlist_free(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* --- co_calendar: the readers' output ------------------------------------- */

void co_calendar_init(co_calendar *cal)
{
	memset(cal, 0, sizeof(*cal));
}

void co_calendar_release(co_calendar *cal)
{
	if (!cal)
		return;
	free(cal->runs);
	for (size_t i = 0; i < cal->n_races; i++)
		free(cal->races[i].name);
	free(cal->races);
	co_strlist_free(cal->warnings, cal->n_warnings);
	memset(cal, 0, sizeof(*cal));
}

void co_calendar_add_run(co_calendar *cal, const co_run *run)
{
	cal->runs = co_xrealloc(cal->runs, (cal->n_runs + 1) * sizeof(*cal->runs));
	cal->runs[cal->n_runs++] = *run;
}

void co_calendar_add_race(co_calendar *cal, const co_race *race)
{
	co_race *r;

	cal->races = co_xrealloc(cal->races, (cal->n_races + 1) * sizeof(*cal->races));
	r = &cal->races[cal->n_races++];
	*r = *race;
	r->name = co_xstrdup(race->name ? race->name : "race");
}

void co_calendar_add_warning(co_calendar *cal, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	co_strlist_vadd(&cal->warnings, &cal->n_warnings, fmt, ap);
	va_end(ap);
}

/* --- small tables ---------------------------------------------------------- */

/*
 * Race duration for the running demand (C5) only: 5:30 min/km up to the
 * marathon, 7:00 min/km beyond it (ultra pace with walking breaks). A rough
 * club-runner figure; nothing is prescribed from it.
 */
int co_race_minutes(double km)
{
	if (km <= 0)
		return 60;
	if (km <= 42.2)
		return (int)lround(km * 5.5);
	return (int)lround(42.195 * 5.5 + (km - 42.195) * 7.0);
}

const char *co_race_distance_name(double km, char buf[32])
{
	if (km <= 0)
		return "race";
	if (fabs(km - 5) < 0.3)
		return "5k";
	if (fabs(km - 10) < 0.3)
		return "10k";
	if (fabs(km - 21.0975) < 0.5)
		return "half marathon";
	if (fabs(km - 42.195) < 0.8)
		return "marathon";
	if (km > 42.195)
		snprintf(buf, 32, "%.0f km ultra", km);
	else
		snprintf(buf, 32, "%.4g km", km);
	return buf;
}

int co_run_type_rank(co_run_type t)
{
	switch (t) {
	case CO_RUN_RACE: return 9;
	case CO_RUN_INTERVALS: return 8;
	case CO_RUN_HILLS: return 7;
	case CO_RUN_THRESHOLD: return 6;
	case CO_RUN_TEMPO: return 5;
	case CO_RUN_LONG: return 4;
	case CO_RUN_FARTLEK: return 3;
	case CO_RUN_EASY: return 2;
	case CO_RUN_CROSS:
	case CO_RUN_RECOVERY: return 1;
	default: return 0;
	}
}

/* --- races ----------------------------------------------------------------- */

static bool same_race(const co_race *a, const co_race *b)
{
	if (a->date != b->date)
		return false;
	if (a->name && b->name && !strcasecmp(a->name, b->name))
		return true;
	if (a->distance_km <= 0 || b->distance_km <= 0)
		return true;
	return fabs(a->distance_km - b->distance_km) < 0.5;
}

/* Is a more important than b? Priority first, then the longer race. */
static bool more_important(const co_race *a, const co_race *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority;
	return a->distance_km > b->distance_km;
}

static int race_cmp(const void *pa, const void *pb)
{
	const co_race *a = pa, *b = pb;

	return (a->date > b->date) - (a->date < b->date);
}

static void add_race(co_season *s, const co_race *r, co_date start, const char *from)
{
	char d[11];

	if (r->date < start) {
		co_strlist_add(&s->warnings, &s->n_warnings,
			       "race '%s' on %s is before the plan starts; left out",
			       r->name ? r->name : "race", co_date_format(r->date, d));
		return;
	}
	for (size_t i = 0; i < s->n_races; i++) {
		co_race *have = &s->races[i];

		if (have->date != r->date)
			continue;
		if (same_race(have, r)) {
			/* the same race written twice: keep the first name */
			if (r->priority < have->priority)
				have->priority = r->priority;
			if (have->distance_km <= 0)
				have->distance_km = r->distance_km;
			return;
		}
		if (more_important(r, have)) {
			co_strlist_add(&s->warnings, &s->n_warnings,
				       "races '%s' and '%s' are both on %s; planning around '%s' (%s)",
				       have->name, r->name ? r->name : "race",
				       co_date_format(r->date, d), r->name ? r->name : "race", from);
			free(have->name);
			*have = *r;
			have->name = co_xstrdup(r->name ? r->name : "race");
		} else {
			co_strlist_add(&s->warnings, &s->n_warnings,
				       "races '%s' and '%s' are both on %s; planning around '%s'",
				       have->name, r->name ? r->name : "race",
				       co_date_format(r->date, d), have->name);
		}
		return;
	}
	s->races = co_xrealloc(s->races, (s->n_races + 1) * sizeof(*s->races));
	s->races[s->n_races] = *r;
	s->races[s->n_races].name = co_xstrdup(r->name ? r->name : "race");
	s->n_races++;
}

void co_season_races(co_season *s, const co_profile *p, const co_calendar *cal, co_date start)
{
	s->start = start;
	if (cal)
		for (size_t i = 0; i < cal->n_warnings; i++)
			co_strlist_add(&s->warnings, &s->n_warnings, "%s", cal->warnings[i]);
	for (size_t i = 0; i < p->n_races; i++)
		add_race(s, &p->races[i], start, "profile");
	if (cal) {
		for (size_t i = 0; i < cal->n_races; i++)
			add_race(s, &cal->races[i], start, "calendar");
		/* a dated run of type race with no race behind it is a C-race */
		for (size_t i = 0; i < cal->n_runs; i++) {
			const co_run *run = &cal->runs[i];
			co_race r = {0};

			if (run->type != CO_RUN_RACE)
				continue;
			r.name = "race";
			r.date = run->date;
			r.distance_km = run->distance_km;
			r.priority = CO_RACE_C;
			add_race(s, &r, start, "calendar");
		}
	}
	if (s->n_races > 1)
		qsort(s->races, s->n_races, sizeof(*s->races), race_cmp);
}

/* --- days ------------------------------------------------------------------ */

static int run_date_cmp(const void *pa, const void *pb)
{
	const co_run *a = *(const co_run *const *)pa, *b = *(const co_run *const *)pb;

	if (a->date != b->date)
		return (a->date > b->date) - (a->date < b->date);
	/* stable for equal dates: keep file order */
	return (a > b) - (a < b);
}

static void day_add_run(co_season *s, co_day *day, co_run_type type, int minutes, double km,
			co_run_source src)
{
	co_plan_run *r;

	s->runs = co_xrealloc(s->runs, (s->n_runs + 1) * sizeof(*s->runs));
	r = &s->runs[s->n_runs++];
	memset(r, 0, sizeof(*r));
	r->date = day->date;
	r->type = type;
	r->minutes = minutes;
	r->distance_km = km;
	r->key = co_run_type_is_key(type);
	r->source = src;
	day->n++;
	day->minutes += minutes;
	if (r->key)
		day->key = true;
	if (co_run_type_rank(type) > co_run_type_rank(day->main))
		day->main = type;
}

void co_season_days(co_season *s, const co_profile *p, const co_calendar *cal, size_t n_days)
{
	const co_run **dated = NULL;
	size_t n_dated = 0, di = 0, ri = 0;

	if (cal && cal->n_runs) {
		dated = co_xmalloc(cal->n_runs * sizeof(*dated));
		for (size_t i = 0; i < cal->n_runs; i++)
			dated[n_dated++] = &cal->runs[i];
		qsort(dated, n_dated, sizeof(*dated), run_date_cmp);
	}
	s->n_days = n_days;
	s->days = co_xcalloc(n_days ? n_days : 1, sizeof(*s->days));
	for (size_t i = 0; i < n_days; i++) {
		co_day *day = &s->days[i];
		bool overridden = false;

		day->date = s->start + (co_date)i;
		day->first = s->n_runs;
		day->main = CO_RUN_REST;
		day->race = -1;
		while (ri < s->n_races && s->races[ri].date < day->date)
			ri++;
		while (di < n_dated && dated[di]->date < day->date)
			di++;
		if (ri < s->n_races && s->races[ri].date == day->date) {
			const co_race *r = &s->races[ri];

			day->race = (int)ri;
			day_add_run(s, day, CO_RUN_RACE, co_race_minutes(r->distance_km),
				    r->distance_km, CO_RUN_FROM_RACE);
			while (di < n_dated && dated[di]->date == day->date)
				di++;
			continue;
		}
		for (; di < n_dated && dated[di]->date == day->date; di++) {
			const co_run *run = dated[di];

			overridden = true;
			if (run->type == CO_RUN_REST || run->type >= CO_RUN_TYPE_COUNT)
				continue;
			day_add_run(s, day, run->type, run->minutes, run->distance_km,
				    CO_RUN_FROM_CALENDAR);
		}
		if (!overridden) {
			const co_run *t = &p->week[co_date_weekday(day->date)];

			if (t->type != CO_RUN_REST && t->type < CO_RUN_TYPE_COUNT)
				day_add_run(s, day, t->type, t->minutes, t->distance_km,
					    CO_RUN_FROM_TEMPLATE);
		}
	}
	free(dated);
}

void co_season_release(co_season *s)
{
	if (!s)
		return;
	free(s->days);
	free(s->runs);
	for (size_t i = 0; i < s->n_races; i++)
		free(s->races[i].name);
	free(s->races);
	co_strlist_free(s->warnings, s->n_warnings);
	memset(s, 0, sizeof(*s));
}
