/*
 * The plan checker's rules of METHOD section C, dose across the season:
 * C1 frequency, C3/C4/C6 main-lift doses per phase, C7 taper, C8 recovery
 * after races, C9 deloads (cadence and volume). Dispatched from the table
 * in check.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"

/*
 * Volume is sets x reps, a hold counting one rep per 3 s (the time model
 * of docs/sessions.md). A taper keeps 40-60% of the volume (C7), a deload
 * 50-60% (C9: down 40-50%). The plan does not hold the normal version of a
 * taper or deload session, so its exercises are compared with the same
 * exercises at their fullest in the weeks before it (peak weeks of the
 * cycle for a taper; loading weeks of the same phase, at most 6 weeks
 * back, for a deload). Whole sets and reps, and the time budget trimming
 * each week's mix differently (B4), move the ratio, so the bands below are
 * wider than METHOD's: what fails is a cut of nothing, or of most of it.
 * The planner's own tapers land at 40-60% of that reference, its deloads
 * at 35-90% (mostly 40-65%) over 1,000 random profiles.
 */
#define SECONDS_PER_REP 3
#define DELOAD_KEEP_MIN 0.30
#define DELOAD_KEEP_MAX 0.90
#define TAPER_KEEP_MIN 0.30
#define TAPER_KEEP_MAX 0.75
#define DELOAD_LOOKBACK 6
/* ---- C: dose across the season ---------------------------------------- */

void co_check_c1(checker *c)
{
	const co_plan *plan = c->plan;
	int max = c->p && c->p->sessions_per_week >= 1 ? c->p->sessions_per_week : 3;
	co_date prev = 0;
	bool has_prev = false;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		int days = 0;

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (!co_check_first_lifting_of_day(w, j))
				continue;
			days++;
			if (has_prev && s->date - prev == 1) {
				char *e = co_check_day_explains(c, w, s->date, &(why_match){"C1", 0, 0, 0});

				if (!e)
					e = co_check_day_explains(c, NULL, prev, &(why_match){"C1", 0, 0, 0});
				co_check_add(c, "C1", s->date, e, "lifting on consecutive days: %s and %s",
				    co_check_day_name(prev), co_check_day_name(s->date));
			}
			prev = s->date;
			has_prev = true;
		}
		/* the athlete's setting is not the planner's to bend: never explained */
		if (days > max)
			co_check_add(c, "C1", w->start, NULL,
			    "week %d has %d lifting days, more than %d%s", w->index, days, max,
			    c->p ? " (sessions_per_week)" : "");
	}
}

typedef struct dose_range {
	const char *rule;
	int sets_lo, sets_hi, reps_lo, reps_hi;
	double rpe_lo, rpe_hi;
} dose_range;

static const dose_range dose_ranges[] = {
	[CO_PHASE_BASE] = {"C3", 2, 3, 6, 10, 6.0, 7.0},
	[CO_PHASE_BUILD] = {"C4", 3, 4, 3, 6, 7.0, 8.5},
	[CO_PHASE_PEAK] = {"C6", 2, 3, 3, 5, 7.0, 8.0},
};

void co_check_dose(checker *c, const co_week *w, const co_session *s)
{
	const dose_range *d;
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!co_phase_loading(w->phase) || w->deload || !co_check_strength(s))
		return;
	d = &dose_ranges[w->phase];
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];
		const char *name = co_check_ex_name(it->exercise);

		if (!it->exercise)
			continue;
		if (it->sets < d->sets_lo) {
			why_match trim = {d->rule, "B4", name, NULL};

			co_check_add(c, d->rule, s->date, co_check_day_explains(c, w, s->date, &trim),
			    "%s main lift '%s': %d set%s (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->sets, it->sets == 1 ? "" : "s", d->sets_lo, d->sets_hi);
		} else if (it->sets > d->sets_hi) {
			co_check_add(c, d->rule, s->date, co_check_day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': %d sets (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->sets, d->sets_lo, d->sets_hi);
		}
		if (it->reps > 0 && (it->reps < d->reps_lo || it->reps > d->reps_hi))
			co_check_add(c, d->rule, s->date, co_check_day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': %d reps (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->reps, d->reps_lo, d->reps_hi);
		if (it->rpe < d->rpe_lo - 1e-9 || it->rpe > d->rpe_hi + 1e-9)
			co_check_add(c, d->rule, s->date, co_check_day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': RPE %g (%g-%g)", co_phase_name(w->phase),
			    it->exercise->id, it->rpe, d->rpe_lo, d->rpe_hi);
	}
}

/* The week index where the cycle of week k starts: after the last recovery week. */
static size_t cycle_start(const co_plan *plan, size_t k)
{
	while (k > 0 && plan->weeks[k - 1].phase != CO_PHASE_RECOVERY)
		k--;
	return k;
}

/*
 * The fullest dose of `ex` in block `kind` of the strength sessions of
 * weeks [from, to) of phase `phase` (any when < 0) that are not deloads,
 * in sessions of focus `focus` (any when < 0): a session B trimmed to the
 * budget is compared with the sessions B before it.
 */
static const co_item *reference(const co_plan *plan, size_t from, size_t to, int phase,
				int focus, const co_exercise *ex, co_block_kind kind)
{
	const co_item *best = NULL;

	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		if (w->deload || (phase >= 0 && (int)w->phase != phase))
			continue;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_block *b = &w->sessions[j].blocks[kind];

			if (!co_check_strength(&w->sessions[j]) ||
			    (focus >= 0 && (int)w->sessions[j].focus != focus))
				continue;
			for (size_t i = 0; i < b->n_items; i++)
				if (b->items[i].exercise == ex && (!best || co_check_volume(&b->items[i]) > co_check_volume(best)))
					best = &b->items[i];
		}
	}
	return best;
}

/*
 * C7 "the lifts and loads of the last 2-3 weeks continue": the fullest
 * main-lift item of `ex` in the latest loading week (not a deload) of the
 * 3 before `to` (none before `from`), or NULL; *wk receives its week.
 */
static const co_item *latest_main(const co_plan *plan, size_t from, size_t to,
				  const co_exercise *ex, size_t *wk)
{
	for (size_t k = to; k-- > from && k + 3 >= to;) {
		const co_week *w = &plan->weeks[k];
		const co_item *best = NULL;

		if (w->deload || !co_phase_loading(w->phase))
			continue;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_block *b = &w->sessions[j].blocks[CO_BLOCK_MAIN];

			for (size_t i = 0; co_check_strength(&w->sessions[j]) && i < b->n_items; i++)
				if (b->items[i].exercise == ex &&
				    (!best || co_check_volume(&b->items[i]) > co_check_volume(best)))
					best = &b->items[i];
		}
		if (best) {
			*wk = k;
			return best;
		}
	}
	return NULL;
}

static bool seen_before(const co_plan *plan, size_t from, size_t to, const co_exercise *ex)
{
	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++)
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t i = 0; i < w->sessions[j].blocks[b].n_items; i++)
					if (w->sessions[j].blocks[b].items[i].exercise == ex)
						return true;
	}
	return false;
}

/* Is `ex` down the regression chain of an exercise seen in weeks [from, to)? */
static bool regression_of_seen(const co_plan *plan, size_t from, size_t to,
			       const co_exercise *ex)
{
	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
				const co_block *bl = &w->sessions[j].blocks[b];

				for (size_t i = 0; i < bl->n_items; i++) {
					const co_exercise *e = bl->items[i].exercise;

					for (int n = 0; e && e->regression && n < 16; n++) {
						e = co_catalog_find(co_catalog_default(), e->regression);
						if (e && ex->id && e->id && !strcmp(e->id, ex->id))
							return true;
					}
				}
			}
		}
	}
	return false;
}

static bool any_strength_before(const co_plan *plan, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++)
			if (co_check_strength(&plan->weeks[k].sessions[j]))
				return true;
	return false;
}

static void common_volume(const co_plan *plan, size_t from, size_t to, co_phase phase,
			  const co_session *s, double *v, double *rv, size_t *n_common, size_t *n_all);

static void check_c7_taper(checker *c, size_t k)
{
	const co_plan *plan = c->plan;
	const co_week *w = &plan->weeks[k];
	size_t from = cycle_start(plan, k);
	bool history = any_strength_before(plan, from, k);

	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];
		double v, rv;
		size_t n_common, n_all;

		if (!co_check_strength(s))
			continue;
		common_volume(plan, from, k, CO_PHASE_PEAK, s, &v, &rv, &n_common, &n_all);
		if (n_common >= 3 && 2 * n_common >= n_all && rv > 0 &&
		    (v < TAPER_KEEP_MIN * rv || v > TAPER_KEEP_MAX * rv))
			co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
			    "%s week %s session: volume %.0f against %.0f for the same exercises in peak, a %.0f%% cut (40-60%%)",
			    co_phase_name(w->phase), co_focus_name(s->focus), v, rv,
			    100.0 * (1.0 - v / rv));
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
			const co_block *bl = &s->blocks[b];

			for (size_t i = 0; i < bl->n_items; i++) {
				const co_item *it = &bl->items[i];
				const co_item *ref;
				const co_exercise *ex = it->exercise;
				size_t rk = 0;

				if (!ex)
					continue;
				if (history && !seen_before(plan, from, k, ex) &&
				    !regression_of_seen(plan, from, k, ex))
					co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
					    "'%s' is new in the %s week (no new exercises in the taper)",
					    ex->id, co_phase_name(w->phase));
				/*
				 * Intensity is the load: the same load for fewer reps is
				 * labelled a lower RPE by the chart, and is kept. Only a
				 * lift without a load is held to its RPE.
				 */
				if (b != CO_BLOCK_MAIN || !(ref = latest_main(plan, from, k, ex, &rk)))
					continue;
				if (ref->load > 0 && it->load > 0) {
					if (it->load < ref->load - co_check_step(c, ex) / 2 - 1e-9)
						co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
						    "'%s' in the %s week at %g against %g in week %d: intensity not kept",
						    ex->id, co_phase_name(w->phase), it->load, ref->load,
						    plan->weeks[rk].index);
				} else if (ref->rpe > 0 && it->rpe < ref->rpe - 0.5 - 1e-9)
					co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
					    "'%s' in the %s week at RPE %g against %g in week %d: intensity not kept",
					    ex->id, co_phase_name(w->phase), it->rpe, ref->rpe, plan->weeks[rk].index);
			}
		}
	}
}

void co_check_c7(checker *c)
{
	const co_plan *plan = c->plan;
	char d[11];

	for (size_t r = 0; r < plan->n_races; r++) {
		const co_race *race = &plan->races[r];

		if (race->priority != CO_RACE_A)
			continue;
		for (co_date day = race->date - 4; day <= race->date; day++) {
			const co_week *w = co_check_week_at(plan, day);

			for (size_t j = 0; w && j < w->n_sessions; j++) {
				const co_session *s = &w->sessions[j];

				if (s->date != day)
					continue;
				if (day == race->date)
					co_check_add(c, "C7", day, co_check_day_explains(c, w, day, &(why_match){"C7", 0, 0, 0}),
					    "%s session on the day of A-race '%s'", co_focus_name(s->focus),
					    race->name ? race->name : "?");
				else
					co_check_add(c, "C7", day, co_check_day_explains(c, w, day, &(why_match){"C7", 0, 0, 0}),
					    "%s session %d day%s before A-race '%s' on %s", co_focus_name(s->focus),
					    (int)(race->date - day), race->date - day == 1 ? "" : "s",
					    race->name ? race->name : "?", co_date_format(race->date, d));
			}
		}
	}
	for (size_t k = 0; k < plan->n_weeks; k++)
		if (co_check_taper_phase(plan->weeks[k].phase))
			check_c7_taper(c, k);
}

/* A plan warning that explains a recovery cut short (C8). */
static char *warning_explains(const co_plan *plan, const why_match *m)
{
	return co_check_lines_explain(plan->warnings, plan->n_warnings, m);
}

/*
 * C8: the days after a race that stay mobility and activation only, scaled
 * to the race: 2 after a 5k or 10k (under 15 km), 6 after a half (under 30
 * km), 7 after a marathon or an ultra (or a race of unknown distance); 3
 * after a C-race trained through (C2). And the whole recovery weeks a race
 * may take at most: none after a 5k or 10k, 1 after a half, 2 after a
 * marathon, 3 after an ultra (45 km and up), where light lifting (main
 * lifts at RPE 6 or below) comes back from the second week.
 */
#define C8_ULTRA_KM 45.0
#define C8_LIGHT_RPE 6.0

int co_check_c8_days(const co_race *race)
{
	double km = race->distance_km;

	if (race->priority == CO_RACE_C)
		return 3;
	if (km > 0 && km < 15)
		return 2;
	if (km > 0 && km < 30)
		return 6;
	return 7;
}

int co_check_c8_max_weeks(const co_race *race)
{
	double km = race->distance_km;

	if (km > 0 && km < 15)
		return 0;
	if (km > 0 && km < 30)
		return 1;
	if (km > 0 && km < C8_ULTRA_KM)
		return 2;
	return 3;
}

/* The race whose recovery week `k` is (the last A/B race before it), or NULL. */
static const co_race *recovery_race(const co_plan *plan, size_t k, size_t *nth)
{
	size_t back = k;

	while (back > 0 && plan->weeks[back - 1].phase == CO_PHASE_RECOVERY)
		back--;
	*nth = k - back; /* 0: the first recovery week */
	for (size_t r = plan->n_races; r-- > 0;) {
		const co_race *race = &plan->races[r];

		if (race->priority != CO_RACE_C && race->date < plan->weeks[back].start)
			return race;
	}
	return NULL;
}

static bool light_lifting(const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	for (size_t i = 0; i < b->n_items; i++)
		if (b->items[i].rpe > C8_LIGHT_RPE + 1e-9)
			return false;
	return true;
}

void co_check_c8(checker *c)
{
	const co_plan *plan = c->plan;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		size_t nth;
		const co_race *race;
		bool light_ok;

		if (w->phase != CO_PHASE_RECOVERY)
			continue;
		race = recovery_race(plan, k, &nth);
		light_ok = race && race->distance_km >= C8_ULTRA_KM && nth >= 1;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (s->focus == CO_FOCUS_RECOVERY && !co_check_loads(s))
				continue;
			if (light_ok && co_check_strength(s) && light_lifting(s))
				continue; /* light lifting from the second week after an ultra */
			co_check_add(c, "C8", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C8", 0, 0, 0}),
			    light_ok ? "%s session in a recovery week heavier than light lifting (main lifts at RPE 6 or below)" :
			    "%s session in a recovery week (mobility and activation only)",
			    co_focus_name(s->focus));
		}
	}
	for (size_t r = 0; r < plan->n_races; r++) {
		const co_race *race = &plan->races[r];
		int window = co_check_c8_days(race);
		/* the planner's warning: "'B' on DATE comes 1 week(s) after 'A': its recovery is cut" */
		char cut_text[200];
		why_match cut_race = {"C8", "C8", cut_text, NULL};

		snprintf(cut_text, sizeof(cut_text), "after '%s': its recovery is cut",
			 race->name ? race->name : "");

		for (co_date day = race->date + 1; day <= race->date + window; day++) {
			const co_week *w = co_check_week_at(plan, day);

			for (size_t j = 0; w && j < w->n_sessions; j++) {
				const co_session *s = &w->sessions[j];
				char *e;

				if (s->date != day || (s->focus == CO_FOCUS_RECOVERY && !co_check_loads(s)) ||
				    w->phase == CO_PHASE_RECOVERY)
					continue; /* recovery weeks are checked above */
				e = co_check_day_explains(c, w, day, &(why_match){"C8", 0, 0, 0});
				if (!e)
					e = warning_explains(plan, &cut_race);
				co_check_add(c, "C8", day, e,
				    "%s session %d day%s after %c-race '%s' (mobility only for %d days)",
				    co_focus_name(s->focus), (int)(day - race->date),
				    day - race->date == 1 ? "" : "s", "ABC"[race->priority],
				    race->name ? race->name : "?", window);
			}
		}
	}
}

/* C8: no more whole recovery weeks after a race than its distance calls for. */
void co_check_c8_scaled(checker *c)
{
	const co_plan *plan = c->plan;
	char d[11];

	for (size_t r = 0; r < plan->n_races; r++) {
		const co_race *race = &plan->races[r];
		const co_week *rw = co_check_week_at(plan, race->date);
		size_t k, got = 0;
		int max = co_check_c8_max_weeks(race);

		if (race->priority == CO_RACE_C || !rw)
			continue;
		k = (size_t)(rw - plan->weeks);
		while (k + 1 + got < plan->n_weeks && plan->weeks[k + 1 + got].phase == CO_PHASE_RECOVERY)
			got++;
		if ((int)got > max) {
			const co_week *w = &plan->weeks[k + 1 + max];

			co_check_add(c, "C8", w->start, co_check_week_explains(w, &(why_match){"C8", 0, 0, 0}),
			    "%zu recovery week%s after '%s' on %s (%.4g km: at most %d)", got,
			    got == 1 ? "" : "s", race->name ? race->name : "?",
			    co_date_format(race->date, d), race->distance_km, max);
		}
	}
}

void co_check_c9_cadence(checker *c)
{
	const co_plan *plan = c->plan;
	int every = c->p && c->p->deload_every >= 3 ? c->p->deload_every : 6;
	int count = 0;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		if (!co_phase_loading(w->phase) || w->deload) {
			count = 0;
			continue;
		}
		if (++count == every + 1)
			co_check_add(c, "C9", w->start, co_check_week_explains(w, &(why_match){"C9", 0, 0, 0}),
			    "week %d is the %dth loading week in a row without a deload (every %d%s)",
			    w->index, count, every, c->p ? "" : " at most");
	}
}

static double item_volume(const co_item *it)
{
	return it->sets * (it->reps > 0 ? it->reps : it->seconds / (double)SECONDS_PER_REP);
}

/*
 * The volume of the main and accessory work of deload session `s`, and of
 * the same exercises at their fullest in the loading weeks [from, to) of
 * `phase` (plyometrics aside; an exercise only `s` holds is no part of it).
 */
static void common_volume(const co_plan *plan, size_t from, size_t to, co_phase phase,
			  const co_session *s, double *v, double *rv, size_t *n_common, size_t *n_all)
{
	*v = *rv = 0;
	*n_common = *n_all = 0;
	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
		const co_block *x = &s->blocks[b];

		for (size_t i = 0; i < x->n_items; i++) {
			const co_item *r;

			if (!x->items[i].exercise || co_check_plyometric(x->items[i].exercise))
				continue;
			(*n_all)++;
			r = reference(plan, from, to, (int)phase, -1, x->items[i].exercise,
				      (co_block_kind)b);
			if (!r)
				continue;
			(*n_common)++;
			*v += item_volume(&x->items[i]);
			*rv += item_volume(r);
		}
	}
}

void co_check_c9_volume(checker *c, size_t k)
{
	const co_plan *plan = c->plan;
	const co_week *w = &plan->weeks[k];
	size_t from = k > DELOAD_LOOKBACK ? k - DELOAD_LOOKBACK : 0;

	if (!w->deload || !co_phase_loading(w->phase))
		return;
	if (from < cycle_start(plan, k))
		from = cycle_start(plan, k);
	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];
		double v, rv;
		size_t n_common, n_all;

		if (!co_check_strength(s))
			continue;
		common_volume(plan, from, k, w->phase, s, &v, &rv, &n_common, &n_all);
		/* too little in common with the weeks before (a new variant block) to judge */
		if (n_common < 3 || 2 * n_common < n_all)
			rv = 0;
		if (rv > 0 && (v < DELOAD_KEEP_MIN * rv || v > DELOAD_KEEP_MAX * rv))
			co_check_add(c, "C9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C9", 0, 0, 0}),
			    "deload %s session: volume %.0f against %.0f for the same exercises in the weeks before, a %.0f%% cut (40-50%%)",
			    co_focus_name(s->focus), v, rv, 100.0 * (1.0 - v / rv));
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
			for (size_t i = 0; i < s->blocks[b].n_items; i++) {
				const co_item *it = &s->blocks[b].items[i];
				const co_item *r = it->exercise ?
					reference(plan, from, k, (int)w->phase, -1, it->exercise,
						  (co_block_kind)b) : NULL;

				if (r && it->load >= 0 && r->load > 0 && it->load > r->load + 1e-9)
					co_check_add(c, "C9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C9", 0, 0, 0}),
					    "deload '%s' at %g, heavier than %g the weeks before",
					    it->exercise->id, it->load, r->load);
			}
		}
	}
}
