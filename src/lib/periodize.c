/*
 * Periodisation: the phase of every week of the season (METHOD C2-C9).
 *
 * The weeks are labelled in passes, each pass only filling weeks the
 * earlier ones left open, so precedence is the order of the passes:
 *
 *   1. race weeks of A- and B-races (C-races are trained through);
 *   2. taper weeks before each A-race: 2 for a marathon or ultra, 1 for a
 *      shorter race (C7; Bosquet 2007: about two weeks);
 *   3. recovery weeks after each A- and B-race: none after a 5k or 10k
 *      (a few mobility-only days instead, see plan.c), 1 after a half, 2
 *      after a marathon, 3 after an ultra (C8);
 *   4. a B-race early in its week (Monday, Tuesday) makes the week before it
 *      a one-week mini-taper; otherwise its own race week is the lighter week;
 *   5. the weeks before each A-race's taper, back to the previous A-race's
 *      recovery, are base, build and peak by distance from the taper: peak
 *      the last 1-3, build about 40% (at most 8), base the rest. When the
 *      running demand (key-run minutes, C5) varies and is highest in the
 *      second half of that span, peak starts where the demand does, so the
 *      heaviest strength block (build) ends before it;
 *   6. weeks with no A-race ahead are a rolling cycle: `deload_every` weeks
 *      of base, then of build, and again;
 *   7. deloads every `deload_every`-th loading week (C9), counting again after
 *      every taper, race or recovery week; a deload due just before a taper
 *      or race week is folded into it, and a build week where the running
 *      demand peaks early is made a deload (C5).
 *
 * Each week gets notes naming the rules behind its label.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/calendar.h"
#include "lib/periodize.h"
#include "util/strbuf.h"

#define UNSET (-1)

static const char *prio(co_race_priority p)
{
	return p == CO_RACE_A ? "A" : p == CO_RACE_B ? "B" : "C";
}

int co_taper_weeks(double km)
{
	return km >= 40 ? CO_TAPER_WEEKS_LONG : CO_TAPER_WEEKS_SHORT;
}

/*
 * C8: recovery scaled to the race: a 5k or 10k (under CO_SHORT_RACE_KM) takes
 * CO_SHORT_RECOVERY_DAYS mobility-only days inside a normal week, not a
 * recovery week; about a week after a half, 2 weeks after a marathon, 3
 * after an ultra (CO_ULTRA_KM and up, where light lifting comes back from
 * the second week). A race of unknown distance gets a week.
 */
int co_recovery_weeks(double km)
{
	if (km > 0 && km < CO_SHORT_RACE_KM)
		return 0;
	if (km >= CO_ULTRA_KM)
		return 3;
	if (km >= 40)
		return 2;
	return 1;
}

int co_recovery_days(double km)
{
	if (km > 0 && km < CO_SHORT_RACE_KM)
		return CO_SHORT_RECOVERY_DAYS;
	return 7 * co_recovery_weeks(km);
}

static int recovery_for(const co_race *r, int override)
{
	if (r->priority == CO_RACE_C)
		return 0;
	if (r->priority == CO_RACE_A && override > 0)
		return override;
	return co_recovery_weeks(r->distance_km);
}

static long week_of(co_date start, co_date d)
{
	if (d < start)
		return -1;
	return (long)((d - start) / 7);
}

size_t co_periodize_horizon(co_date start, const co_race *races, size_t n_races,
			    const co_plan_options *opts, char ***warnings, size_t *n_warnings)
{
	int min_weeks = opts && opts->min_weeks > 0 ? opts->min_weeks : 16;
	int override = opts ? opts->recovery_weeks : 0;
	long last = -1;
	char d[11];

	for (size_t i = 0; i < n_races; i++) {
		long w = week_of(start, races[i].date);

		if (w < 0)
			continue;
		w += recovery_for(&races[i], override) + 1;
		if (w > CO_MAX_WEEKS) {
			co_strlist_add(warnings, n_warnings,
				       "race '%s' on %s is more than %d weeks away; the plan covers the first %d",
				       races[i].name, co_date_format(races[i].date, d),
				       CO_MAX_WEEKS, CO_MAX_WEEKS);
			w = CO_MAX_WEEKS;
		}
		if (w > last)
			last = w;
	}
	if (last < 0)
		last = min_weeks > CO_MAX_WEEKS ? CO_MAX_WEEKS : min_weeks;
	return (size_t)(last > 0 ? last : 1);
}

static void note(co_week *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(co_week *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	co_strlist_vadd(&w->notes, &w->n_notes, fmt, ap);
	va_end(ap);
}

/*
 * Split a span of L weeks before a taper into base, build and peak (pass 5).
 * Peak: 3 weeks from 10 weeks on, 2 from 6, else 1; build about 40% of the
 * span, at most 8 weeks (Blagrove 2018: heavy strength work pays off within
 * 6-20 weeks); base the rest, so a long lead-in is a long base.
 */
static void split_span(int L, int *peak, int *build)
{
	int p = L >= 10 ? 3 : L >= 6 ? 2 : 1;
	int b = (int)((L * 4 + 5) / 10);

	if (p > L)
		p = L;
	if (b > 8)
		b = 8;
	if (b > L - p)
		b = L - p;
	if (b < 1 && L - p >= 1)
		b = 1;
	*peak = p;
	*build = b;
}

static int int_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;

	return (a > b) - (a < b);
}

/*
 * C5: in the span [a, t) find where the running demand is highest. The
 * demand counts as varying only when its maximum stands at least 15% and
 * 20 minutes above the span's median week (so one lighter week, such as a
 * C-race replacing a long run, does not make every other week a "peak").
 * Weeks at 90% of the maximum and above the median are high-demand weeks
 * (info[].demand_peak). Returns the first of them in the second half of the
 * span, or -1 when the demand is flat or peaks only early.
 */
static long demand_peak_start(const co_week *weeks, co_period *info, const int *ph,
			      long a, long t)
{
	int *v = co_xmalloc((size_t)(t - a + 1) * sizeof(*v));
	int hi, med;
	size_t nv = 0;
	long first = -1;

	for (long i = a; i < t; i++)
		if (ph[i] == UNSET)
			v[nv++] = weeks[i].key_minutes;
	if (!nv) {
		free(v);
		return -1;
	}
	qsort(v, nv, sizeof(*v), int_cmp);
	hi = v[nv - 1];
	med = v[nv / 2];
	free(v);
	if (hi <= 0 || hi - med < 20 || hi * 100 < med * 115)
		return -1;
	for (long i = a; i < t; i++) {
		if (ph[i] != UNSET || weeks[i].key_minutes * 10 < hi * 9 ||
		    weeks[i].key_minutes <= med)
			continue;
		info[i].demand_peak = true;
		if (first < 0 && (i - a) * 2 >= t - a)
			first = i;
	}
	return first;
}

void co_periodize(const co_periodize_args *a)
{
	co_week *weeks = a->weeks;
	co_period *info = a->info;
	size_t n_weeks = a->n_weeks;
	const co_race *races = a->races;
	size_t n_races = a->n_races;
	int deload_every = a->deload_every;
	int recovery_override = a->recovery_override;
	co_date first_day = a->first_day;
	char ***warnings = a->warnings;
	size_t *n_warnings = a->n_warnings;
	long n = (long)n_weeks;
	int *ph = NULL;
	co_date start;
	long prev_end = 0, count = 0;
	char d[11], d2[11], kmbuf[32], kmbuf2[32];

	if (!n)
		return;
	if (deload_every < 3 || deload_every > 6)
		deload_every = 4;
	start = weeks[0].start;
	ph = co_xmalloc((size_t)n * sizeof(*ph));
	for (long i = 0; i < n; i++) {
		ph[i] = UNSET;
		info[i].demand_peak = false;
		info[i].mini_taper = false;
		info[i].rolling = false;
		info[i].race = -1;
		info[i].target = -1;
	}

	/* 1. race weeks */
	for (size_t r = 0; r < n_races; r++) {
		long w = week_of(start, races[r].date);

		if (w < 0 || w >= n)
			continue;
		if (info[w].race >= 0) {
			const co_race *other = &races[info[w].race];

			co_strlist_add(warnings, n_warnings,
				       "races '%s' (%s) and '%s' (%s) are in the same week; the plan works around '%s'",
				       other->name, co_date_format(other->date, d), races[r].name,
				       co_date_format(races[r].date, d2),
				       races[r].priority < other->priority ? races[r].name : other->name);
			if (races[r].priority >= other->priority)
				continue;
		}
		info[w].race = (int)r;
		if (races[r].priority != CO_RACE_C)
			ph[w] = CO_PHASE_RACE;
		if (races[r].priority == CO_RACE_A)
			info[w].target = (int)r;
	}

	/* 2. tapers before A-races */
	for (size_t r = 0; r < n_races; r++) {
		long w = week_of(start, races[r].date);
		int T = co_taper_weeks(races[r].distance_km);

		if (races[r].priority != CO_RACE_A || w < 0 || w >= n)
			continue;
		for (int k = 1; k <= T && w - k >= 0; k++) {
			long t = w - k;

			if (ph[t] == UNSET) {
				ph[t] = CO_PHASE_TAPER;
				info[t].target = (int)r;
			} else if (ph[t] == CO_PHASE_RACE && info[t].race >= 0 &&
				   info[t].race != (int)r) {
				co_strlist_add(warnings, n_warnings,
					       "race '%s' on %s falls in the taper of '%s' (%s): it is run as a hard workout, not raced (C7)",
					       races[info[t].race].name,
					       co_date_format(races[info[t].race].date, d),
					       races[r].name, co_date_format(races[r].date, d2));
			}
		}
	}

	/* 3. recovery after A- and B-races */
	for (size_t r = 0; r < n_races; r++) {
		long w = week_of(start, races[r].date);
		int R = recovery_for(&races[r], recovery_override);

		if (w < 0 || w >= n || races[r].priority == CO_RACE_C || info[w].race != (int)r)
			continue;
		for (int k = 1; k <= R && w + k < n; k++) {
			long t = w + k;

			if (ph[t] == UNSET) {
				ph[t] = CO_PHASE_RECOVERY;
				info[t].target = (int)r;
				/* a shorter race of the same week needs less: this
				 * week is the longer race's recovery */
				for (size_t o = 0; o < n_races; o++)
					if (o != r && races[o].priority != CO_RACE_C &&
					    week_of(start, races[o].date) == w &&
					    recovery_for(&races[o], recovery_override) < k)
						note(&weeks[t], "C8 bent: recovery week %d after '%s' (%s), "
						     "more than '%s' (%s) of the same week needs alone",
						     k, races[r].name, co_race_distance_name(races[r].distance_km, kmbuf),
						     races[o].name, co_race_distance_name(races[o].distance_km, kmbuf2));
				continue;
			}
			if (ph[t] == CO_PHASE_RECOVERY)
				continue;
			{
				const co_race *o = info[t].race >= 0 ? &races[info[t].race] :
						   info[t].target >= 0 ? &races[info[t].target] : NULL;
				long gap = o ? (long)((o->date - races[r].date) / 7) : t - w;

				co_strlist_add(warnings, n_warnings,
					       "'%s' on %s comes %ld week%s after '%s': its recovery is cut to %d week%s (C8)",
					       o ? o->name : "the next race",
					       o ? co_date_format(o->date, d) : "?",
					       gap, gap == 1 ? "" : "s", races[r].name, k - 1,
					       k - 1 == 1 ? "" : "s");
			}
			break;
		}
	}

	/* 4. mini-taper before a B-race early in its week */
	for (size_t r = 0; r < n_races; r++) {
		long w = week_of(start, races[r].date);

		if (races[r].priority != CO_RACE_B || w < 0 || w >= n || info[w].race != (int)r)
			continue;
		info[w].mini_taper = true;
		if (co_date_weekday(races[r].date) <= CO_TUE && w >= 1 && ph[w - 1] == UNSET) {
			ph[w - 1] = CO_PHASE_TAPER;
			info[w - 1].mini_taper = true;
			info[w - 1].race = (int)r;
		}
	}

	/* 5. base, build, peak before each A-race's taper */
	for (size_t r = 0; r < n_races; r++) {
		long w = week_of(start, races[r].date);
		long t, L, peak_from, build_from;
		int P, B;
		long dp;

		if (races[r].priority != CO_RACE_A || w < 0 || w >= n)
			continue;
		t = w - co_taper_weeks(races[r].distance_km);
		if (t < 0)
			t = 0;
		if (t <= prev_end && prev_end == 0)
			note(&weeks[0],
			     "C7: the plan starts %d days before '%s': too close for base or build, so only a short taper",
			     (int)(races[r].date - (first_day > start ? first_day : start)),
			     races[r].name);
		L = t - prev_end;
		if (L > 0) {
			split_span((int)L, &P, &B);
			peak_from = t - P;
			dp = demand_peak_start(weeks, info, ph, prev_end, t);
			if (dp >= 0 && dp < peak_from)
				peak_from = dp;
			build_from = peak_from - B;
			if (build_from < prev_end)
				build_from = prev_end;
			for (long i = prev_end; i < t; i++) {
				if (ph[i] != UNSET)
					continue;
				ph[i] = i >= peak_from ? CO_PHASE_PEAK :
					i >= build_from ? CO_PHASE_BUILD : CO_PHASE_BASE;
				info[i].target = (int)r;
			}
		}
		prev_end = w + recovery_for(&races[r], recovery_override) + 1;
	}

	/* 6. rolling base/build blocks where no A-race lies ahead */
	for (long i = 0, k = 0; i < n; i++) {
		if (ph[i] != UNSET) {
			if (ph[i] == CO_PHASE_RECOVERY)
				k = 0;
			continue;
		}
		ph[i] = (k / deload_every) % 2 == 0 ? CO_PHASE_BASE : CO_PHASE_BUILD;
		info[i].rolling = true;
		k++;
	}

	for (long i = 0; i < n; i++)
		weeks[i].phase = (co_phase)ph[i];

	/* 7. deloads */
	for (long i = 0; i < n; i++) {
		int next = i + 1 < n ? ph[i + 1] : UNSET;

		if (!co_phase_loading(ph[i])) {
			count = 0;
			continue;
		}
		count++;
		if (info[i].demand_peak && ph[i] != CO_PHASE_PEAK) {
			weeks[i].deload = true;
			note(&weeks[i],
			     "C5: the running demand peaks early (%d key min): strength volume is cut this week, not raised (deload, C9)",
			     weeks[i].key_minutes);
			if (i == 0 || ph[i - 1] != ph[i])
				note(&weeks[i], "C9 bent: a deload in the first week of its %s phase, "
				     "since the running demand peaks then (C5)", co_phase_name(ph[i]));
			count = 0;
			continue;
		}
		if (count < deload_every)
			continue;
		/* C9: not mid-peak: the taper that follows the peak is its lighter block */
		if (ph[i] == CO_PHASE_PEAK) {
			note(&weeks[i], "C9 bent: no deload inside the peak, every %d weeks or not: "
			     "the taper after it is the lighter block", deload_every);
			continue;
		}
		if (next == CO_PHASE_TAPER || next == CO_PHASE_RACE) {
			note(&weeks[i], "C9: the deload due this week is folded into next week's %s",
			     co_phase_name((co_phase)next));
			continue;
		}
		/*
		 * C9: at the end of a block, not a phase's first week: a deload due
		 * on the first week of a new phase moves to the week before it (the
		 * end of the old phase), else to the week after.
		 */
		if (i > 0 && ph[i - 1] != ph[i] && co_phase_loading(ph[i - 1])) {
			if (!weeks[i - 1].deload && ph[i - 1] != CO_PHASE_PEAK &&
			    count - 1 >= (deload_every - 1 > 2 ? deload_every - 1 : 2)) {
				weeks[i - 1].deload = true;
				count = 1;
			}
			continue;
		}
		weeks[i].deload = true;
		count = 0;
	}

	/* notes */
	for (long i = 0; i < n; i++) {
		co_week *wk = &weeks[i];
		const co_race *tg = info[i].target >= 0 ? &races[info[i].target] : NULL;
		long rw = tg ? week_of(start, tg->date) : -1;

		switch (wk->phase) {
		case CO_PHASE_BASE:
		case CO_PHASE_BUILD:
			if (info[i].rolling) {
				note(wk, "C2: no A-race ahead: rolling base/build cycle, %s block (%s)",
				     wk->phase == CO_PHASE_BASE ? "base" : "build",
				     wk->phase == CO_PHASE_BASE ?
				     "C3: fundamentals, moderate loads, 6-10 reps at RPE 6-7" :
				     "C4: heavier and fewer, 3-6 reps at RPE 7-8.5");
			} else if (wk->phase == CO_PHASE_BASE) {
				note(wk, "C3 base: fundamentals and technique, moderate loads, %ld weeks before '%s' (C2)",
				     rw - i, tg ? tg->name : "the race");
			} else {
				note(wk, "C4 build: heavier and fewer reps, %ld weeks before '%s' (C2)",
				     rw - i, tg ? tg->name : "the race");
				if (i + 1 < n && ph[i + 1] != CO_PHASE_BUILD)
					note(wk, "C5: last build week: the heaviest strength block ends before the running demand peaks");
			}
			break;
		case CO_PHASE_PEAK:
			if (info[i].demand_peak)
				note(wk, "C6 peak: keep intensity, cut volume, %ld weeks before '%s'; C5: the running demand is at its highest (%d key min), strength volume does not rise",
				     rw - i, tg ? tg->name : "the race", wk->key_minutes);
			else
				note(wk, "C6 peak: keep intensity, cut volume, %ld weeks before '%s'; C5: strength volume does not rise while the running builds to the race",
				     rw - i, tg ? tg->name : "the race");
			break;
		case CO_PHASE_TAPER:
			if (info[i].mini_taper && info[i].race >= 0) {
				const co_race *b = &races[info[i].race];

				note(wk, "mini-taper before '%s' (B, %s) on %s %s: a lighter week (C2, C7)",
				     b->name, co_race_distance_name(b->distance_km, kmbuf),
				     co_weekday_name(co_date_weekday(b->date)), co_date_format(b->date, d));
			} else if (tg) {
				int T = co_taper_weeks(tg->distance_km);

				note(wk, "C7 taper: week %ld of %d before '%s' (%s) on %s: strength volume down 40-60%%, intensity kept, no new exercises",
				     T - (rw - i) + 1, T, tg->name,
				     co_race_distance_name(tg->distance_km, kmbuf),
				     co_date_format(tg->date, d));
				if (rw - T < 0 && i == 0)
					note(wk, "C7: only %ld of %d taper weeks fit before '%s'",
					     rw, T, tg->name);
			}
			break;
		case CO_PHASE_RACE:
			if (info[i].race >= 0) {
				const co_race *rc = &races[info[i].race];

				note(wk, "C2 race week: '%s' (%s, %s) on %s %s%s",
				     rc->name, prio(rc->priority),
				     co_race_distance_name(rc->distance_km, kmbuf),
				     co_weekday_name(co_date_weekday(rc->date)),
				     co_date_format(rc->date, d),
				     rc->priority == CO_RACE_A ?
				     "; C7: no lifting in the 4 days before the race" :
				     ": a lighter mini-taper week, nothing the day before (E1)");
			}
			break;
		case CO_PHASE_RECOVERY:
			if (tg) {
				note(wk, "C8 recovery: week %ld of %d after '%s' (%s): mobility and light activation only",
				     i - rw, recovery_for(tg, recovery_override), tg->name,
				     co_race_distance_name(tg->distance_km, kmbuf));
			}
			break;
		default:
			break;
		}
		if (wk->deload && !info[i].demand_peak)
			note(wk, "C9 deload: every %d%s loading week: volume down 40-50%%, loads about 10%% lighter",
			     deload_every, deload_every == 3 ? "rd" : "th");
		if (info[i].race >= 0 && races[info[i].race].priority == CO_RACE_C) {
			const co_race *c = &races[info[i].race];

			note(wk, "C2: '%s' (C, %s) on %s %s is trained through: no taper, nothing the day before (E1)",
			     c->name, co_race_distance_name(c->distance_km, kmbuf),
			     co_weekday_name(co_date_weekday(c->date)), co_date_format(c->date, d));
		}
	}
	free(ph);
}
