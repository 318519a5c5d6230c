/*
 * The fatigue signals of METHOD D4 (carryover/load.h), each on the day it
 * fired, and the readiness of a day from them.
 *
 * Every signal is found by sorting the entries it compares (lift and load,
 * niggle site, test kind, run type) and walking neighbours, so the cost is
 * O(n log n) in the history; the run comparison looks back over a bounded
 * number of earlier runs (RUN_LOOKBACK).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/load.h"
#include "lib/stats.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* METHOD D4: "RPE at least 1 higher than last time at the same load". */
#define RPE_RISE 1.0
/* Equal pace: within 3%, about 10 s/km at 5:30/km. SCIENCE.md gives no
 * figure; this is a chosen margin, narrow enough that the two runs asked
 * the same of the athlete. */
#define PACE_TOLERANCE 0.03
/* Heart rate that counts as rising at equal pace: 5 bpm. SCIENCE.md gives
 * no figure; a chosen margin above the few beats steady-state heart rate
 * moves by from one day to the next, so noise alone rarely fires it. */
#define HR_RISE 5
/* Compare a run only with runs of the same type in the 42 days before it
 * (the CTL time constant: older runs belong to another fitness) and with at
 * most this many earlier runs. */
#define RUN_WINDOW_DAYS 42
#define RUN_LOOKBACK 64
/* The usual effort of a run is the median of at most this many comparable runs. */
#define RUN_BASELINE 5
/* The chronic EWMA starts at 0 and reaches 95% of a steady load only after
 * 42 days ((1 - 2/29)^42 = 0.05); before that the ratio is inflated by the
 * start of the history, not by the athlete, so it does not fire. */
#define ACWR_LEAD_IN 42
/* A break of this many days with no load at all is a new start: the chronic
 * EWMA has decayed to nearly nothing, so the first sessions back make any
 * ratio large. The lead-in starts again on the first day back (a runner
 * returning after a month off is ramped by the plan's lighter first weeks,
 * C10, not sent to a deload by a ratio over an empty past). */
#define ACWR_BREAK_DAYS 28
/* METHOD D4 default. */
#define ACWR_DEFAULT 1.5

static const char *const RULE = "D4";

static void push(co_signals *s, co_date date, const char *id, double value, double threshold,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void push(co_signals *s, co_date date, const char *id, double value, double threshold,
		 const char *fmt, ...)
{
	co_signal *g = CO_VEC_PUSH(s->items, s->n, s->cap);
	va_list ap;

	*g = (co_signal){.date = date, .id = id, .rule = RULE, .value = value,
			 .threshold = threshold};
	va_start(ap, fmt);
	vsnprintf(g->detail, sizeof(g->detail), fmt, ap);
	va_end(ap);
}

static const char *units_word(const co_load_options *opt)
{
	return co_units_name(opt ? opt->units : CO_UNITS_KG);
}

/* --- RPE at the same load ------------------------------------------------------ */

static const co_logged_set *g_sets;


static int by_lift_load_date(const void *a, const void *b)
{
	const co_logged_set *x = &g_sets[*(const size_t *)a], *y = &g_sets[*(const size_t *)b];
	int c = co_logged_set_dose_cmp(x, y);

	return c ? c : (x->date > y->date) - (x->date < y->date);
}

/*
 * RPE at least 1 higher than last time at the same dose (D4): the same
 * lift, load, reps and hold, on two days. Sets of a day logged with `log
 * done` carry the prescription's RPE, not one the athlete reported, and
 * the prescription's target rises through a block by design: those days
 * are left out.
 */
static void rpe_drift(co_signals *out, const co_history *h, const co_load_options *opt)
{
	size_t *idx = co_xcalloc(h->n_sets ? h->n_sets : 1, sizeof(*idx)), n = 0, n_done = 0;
	co_date *done = co_xcalloc(h->n_sessions ? h->n_sessions : 1, sizeof(*done));
	double prev_rpe = 0;
	co_date prev_date = 0;

	for (size_t i = 0; i < h->n_sessions; i++)
		if (h->sessions[i].as_planned)
			done[n_done++] = h->sessions[i].date;
	qsort(done, n_done, sizeof(*done), co_date_cmp);
	for (size_t i = 0; i < h->n_sets; i++)
		if (h->sets[i].rpe > 0 && h->sets[i].exercise &&
		    !(n_done && bsearch(&h->sets[i].date, done, n_done, sizeof(*done), co_date_cmp)))
			idx[n++] = i;
	g_sets = h->sets;
	qsort(idx, n, sizeof(*idx), by_lift_load_date);
	for (size_t i = 0; i < n;) {
		const co_logged_set *s = &h->sets[idx[i]];
		double sum = 0;
		size_t j = i;

		/* the mean RPE of this lift at this load on this day */
		while (j < n && by_lift_load_date(&idx[i], &idx[j]) == 0)
			sum += h->sets[idx[j++]].rpe;
		sum /= (double)(j - i);
		if (i > 0) {
			const co_logged_set *p = &h->sets[idx[i - 1]];

			if (co_logged_set_dose_cmp(p, s) == 0 && sum - prev_rpe >= RPE_RISE - 1e-9) {
				char d1[11], d0[11], at[40];

				if (s->load < 0)
					snprintf(at, sizeof(at), "at bodyweight");
				else
					snprintf(at, sizeof(at), "at %g %s", s->load, units_word(opt));
				push(out, s->date, "rpe_drift", sum - prev_rpe, RPE_RISE,
				     "%s %s: RPE %.3g on %s, %.3g on %s", s->exercise, at, sum,
				     co_date_format(s->date, d1), prev_rpe, co_date_format(prev_date, d0));
			}
		}
		prev_rpe = sum;
		prev_date = s->date;
		i = j;
	}
	free(done);
	free(idx);
}

/* --- a new niggle ------------------------------------------------------------------ */

static const co_niggle_log *g_niggles;

static int by_site_date(const void *a, const void *b)
{
	const co_niggle_log *x = &g_niggles[*(const size_t *)a], *y = &g_niggles[*(const size_t *)b];
	int c = strcmp(x->site, y->site);

	if (c)
		return c;
	return (x->active_from > y->active_from) - (x->active_from < y->active_from);
}

static void new_niggle(co_signals *out, const co_history *h)
{
	size_t *idx = co_xcalloc(h->n_niggles ? h->n_niggles : 1, sizeof(*idx)), n = 0;
	const char *site = NULL;
	bool open = false;
	co_date until = 0;

	for (size_t i = 0; i < h->n_niggles; i++)
		if (h->niggles[i].site)
			idx[n++] = i;
	g_niggles = h->niggles;
	qsort(idx, n, sizeof(*idx), by_site_date);
	for (size_t i = 0; i < n; i++) {
		const co_niggle_log *g = &h->niggles[idx[i]];
		char day[11];

		if (!site || strcmp(site, g->site) != 0) {
			site = g->site;
			open = false;
			until = 0;
		}
		/* New: no earlier niggle at the site still open on this day. */
		if (!open && !(until > g->active_from))
			push(out, g->active_from, "new_niggle", g->severity, 0,
			     "%s logged on %s, %d/10", g->site, co_date_format(g->active_from, day),
			     g->severity);
		if (!g->cleared_on)
			open = true;
		else if (g->cleared_on > until)
			until = g->cleared_on;
	}
	free(idx);
}

/* --- a worse baseline test ------------------------------------------------------- */

static const co_test_result *g_tests;

static int by_test_date(const void *a, const void *b)
{
	const co_test_result *x = &g_tests[*(const size_t *)a], *y = &g_tests[*(const size_t *)b];
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	c = strcmp(x->exercise ? x->exercise : "", y->exercise ? y->exercise : "");
	if (c)
		return c;
	if (x->side != y->side)
		return x->side < y->side ? -1 : 1;
	return (x->date > y->date) - (x->date < y->date);
}

/* A rep-max as an e1RM (Epley, SCIENCE.md) so a 3RM and a 5RM compare. */
static double test_score(const co_test_result *t)
{
	if (t->kind == CO_TEST_REP_MAX)
		return t->value * (1 + (t->reps > 0 ? t->reps : 1) / 30.0);
	return t->value;
}

static const char *test_name(co_test_kind k)
{
	static const char *const names[] = {"single-leg squat", "threshold pace", "calf raises",
					    "rep-max"};

	return (unsigned)k < CO_TEST_KIND_COUNT ? names[k] : "test";
}

static void worse_test(co_signals *out, const co_history *h, const co_load_options *opt)
{
	size_t *idx = co_xcalloc(h->n_tests ? h->n_tests : 1, sizeof(*idx)), n = 0;

	for (size_t i = 0; i < h->n_tests; i++)
		if (h->tests[i].kind < CO_TEST_KIND_COUNT)
			idx[n++] = i;
	g_tests = h->tests;
	qsort(idx, n, sizeof(*idx), by_test_date);
	for (size_t i = 1; i < n; i++) {
		const co_test_result *t = &h->tests[idx[i]], *p = &h->tests[idx[i - 1]];
		double now = test_score(t), before = test_score(p);
		bool worse;
		char d1[11], d0[11];
		const char *side = t->side == 1 ? " left" : t->side == 2 ? " right" : "";

		if (p->kind != t->kind || p->side != t->side ||
		    strcmp(p->exercise ? p->exercise : "", t->exercise ? t->exercise : "") != 0)
			continue;
		switch (t->kind) {
		case CO_TEST_SINGLE_LEG_SQUAT: /* a higher box is a shallower squat */
			worse = now > before || (now == before && t->grade && p->grade &&
						 t->grade < p->grade);
			break;
		case CO_TEST_THRESHOLD_RUN: /* seconds per km: more is slower */
			worse = now > before;
			break;
		default: /* calf raises (reps), rep-max (e1RM): fewer is worse */
			worse = now < before;
			break;
		}
		if (!worse)
			continue;
		co_date_format(t->date, d1);
		co_date_format(p->date, d0);
		if (t->kind == CO_TEST_THRESHOLD_RUN)
			push(out, t->date, "worse_test", now, before,
			     "threshold pace %ld:%02ld/km on %s, %ld:%02ld/km on %s", lround(now) / 60,
			     lround(now) % 60, d1, lround(before) / 60, lround(before) % 60, d0);
		else if (t->kind == CO_TEST_REP_MAX)
			push(out, t->date, "worse_test", now, before,
			     "%s %s: e1RM %.1f %s on %s, %.1f on %s", test_name(t->kind),
			     t->exercise ? t->exercise : "", now, units_word(opt), d1, before, d0);
		else if (t->kind == CO_TEST_SINGLE_LEG_SQUAT)
			push(out, t->date, "worse_test", now, before,
			     "single-leg squat%s: box %g cm on %s, %g cm on %s%s", side, now, d1, before,
			     d0, now == before ? " (control worse)" : "");
		else
			push(out, t->date, "worse_test", now, before,
			     "calf raises%s: %g reps on %s, %g on %s", side, now, d1, before, d0);
	}
	free(idx);
}

/* --- rising run effort at equal pace ------------------------------------------------ */

static const co_logged_run *g_runs;

static int by_run_date(const void *a, const void *b)
{
	const co_logged_run *x = &g_runs[*(const size_t *)a], *y = &g_runs[*(const size_t *)b];

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static double pace(const co_logged_run *r)
{
	return r->minutes > 0 && r->distance_km > 0 ? r->minutes * 60.0 / r->distance_km : 0;
}

/* The effort of a run for the comparison: its RPE when both runs have one,
 * else its average heart rate; 0 when the measure is missing. */
static double effort(const co_logged_run *r, bool by_rpe)
{
	return by_rpe ? r->rpe : r->avg_hr;
}

/*
 * A rising run effort at equal pace (D4), as a trend and not one bad day:
 * this run and the comparable run before it (same type, pace within 3%, in
 * the 42 days before) are both at least 1 RPE (or 5 bpm) above the usual
 * effort, the median of up to RUN_BASELINE comparable runs before those
 * two (at least 2 of them). A single run one RPE harder than the last is
 * the day-to-day noise of a 0-10 scale and does not fire.
 */
static void run_effort(co_signals *out, const co_history *h)
{
	size_t *idx = co_xcalloc(h->n_runs ? h->n_runs : 1, sizeof(*idx)), n = 0;

	for (size_t i = 0; i < h->n_runs; i++)
		if (pace(&h->runs[i]) > 0 && (h->runs[i].rpe > 0 || h->runs[i].avg_hr > 0))
			idx[n++] = i;
	g_runs = h->runs;
	qsort(idx, n, sizeof(*idx), by_run_date);
	for (size_t i = 1; i < n; i++) {
		const co_logged_run *r = &h->runs[idx[i]], *p = NULL;
		double pr = pace(r), base[RUN_BASELINE], rise, usual;
		size_t stop = i > RUN_LOOKBACK ? i - RUN_LOOKBACK : 0, nb = 0;
		bool by_rpe = r->rpe > 0;
		char d1[11], d0[11];

		for (size_t j = i; j-- > stop && nb < RUN_BASELINE;) {
			const co_logged_run *c = &h->runs[idx[j]];

			if (c->date < r->date - RUN_WINDOW_DAYS)
				break;
			if (c->date >= r->date || c->type != r->type || fabs(pace(c) - pr) > PACE_TOLERANCE * pr)
				continue;
			if (!p) {
				/* the measure is the one both runs have: RPE, else heart rate */
				by_rpe = r->rpe > 0 && c->rpe > 0;
				if (!by_rpe && !(r->avg_hr > 0 && c->avg_hr > 0))
					break;
				p = c;
			} else if (effort(c, by_rpe) > 0) {
				base[nb++] = effort(c, by_rpe);
			}
		}
		if (!p || nb < 2)
			continue;
		usual = co_stats_median(base, nb);
		rise = fmin(effort(r, by_rpe), effort(p, by_rpe)) - usual;
		if (rise < (by_rpe ? RPE_RISE : HR_RISE) - 1e-9)
			continue;
		co_date_format(r->date, d1);
		co_date_format(p->date, d0);
		push(out, r->date, "run_effort", rise, by_rpe ? RPE_RISE : HR_RISE,
		     "%s run at %ld:%02ld/km: %s %g on %s and %g on %s, usually %g (median of %zu runs)",
		     co_run_type_name(r->type), lround(pr) / 60, lround(pr) % 60,
		     by_rpe ? "RPE" : "heart rate", effort(r, by_rpe), d1, effort(p, by_rpe), d0, usual, nb);
	}
	free(idx);
}

/* --- acute:chronic -------------------------------------------------------------------- */

static void acwr(co_signals *out, const co_load_series *s, const co_load_options *opt)
{
	double t = opt && opt->acwr_threshold > 0 ? opt->acwr_threshold : ACWR_DEFAULT;

	size_t start = 0, idle = 0; /* the day the current run of training began; days without load */

	for (size_t i = 0; s && i < s->n; i++) {
		const co_load_day *d = &s->days[i];

		if (d->load > 0) {
			if (idle >= ACWR_BREAK_DAYS)
				start = i;
			idle = 0;
		} else {
			idle++;
		}
		if (i < start + ACWR_LEAD_IN - 1)
			continue;
		if (d->acwr > t)
			push(out, d->date, "acwr", d->acwr, t,
			     "acute:chronic load %.2f (acute %.0f, chronic %.0f), above %.2f", d->acwr,
			     d->acute, d->chronic, t);
	}
}

static int by_signal(const void *a, const void *b)
{
	const co_signal *x = a, *y = b;
	int c;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if ((c = strcmp(x->id, y->id)))
		return c;
	return strcmp(x->detail, y->detail);
}

void co_signals_compute(co_signals *out, const co_history *h, const co_load_series *series,
			const co_load_options *opt)
{
	memset(out, 0, sizeof(*out));
	if (!h)
		return;
	rpe_drift(out, h, opt);
	new_niggle(out, h);
	worse_test(out, h, opt);
	run_effort(out, h);
	acwr(out, series, opt);
	if (out->n)
		qsort(out->items, out->n, sizeof(*out->items), by_signal);
}

void co_signals_release(co_signals *s)
{
	if (!s)
		return;
	free(s->items);
	memset(s, 0, sizeof(*s));
}

const char *co_readiness_name(co_readiness r)
{
	return r == CO_READY_POOR ? "poor" : r == CO_READY_CAUTION ? "caution" : "good";
}

size_t co_signals_today(size_t *idx, co_readiness *out, const co_signals *s, co_date today)
{
	size_t n = 0, kinds = 0;
	const char *seen[8];

	for (size_t i = 0; s && i < s->n; i++) {
		const co_signal *g = &s->items[i];
		bool counts = !strcmp(g->id, "acwr") ? g->date == today
						      : g->date <= today && g->date > today - 7;
		bool known = false;

		if (!counts)
			continue;
		idx[n++] = i;
		for (size_t k = 0; k < kinds; k++)
			known = known || !strcmp(seen[k], g->id);
		if (!known && kinds < sizeof(seen) / sizeof(seen[0]))
			seen[kinds++] = g->id;
	}
	*out = kinds >= 2 ? CO_READY_POOR : kinds == 1 ? CO_READY_CAUTION : CO_READY_GOOD;
	return n;
}
