/*
 * The plan adapts to what the athlete logged (METHOD C9, D4, D5, D8, E4;
 * lib/adapt.h; docs/method.md "How the plan adapts"). Everything here reads
 * the history once into an `evidence` (the D4 signals of signals.c, RPE
 * drifts that persist, stalled lifts, lifting days, the runs after them) and
 * then decides week by week, in date order, from the evidence dated before
 * each week's Monday only.
 *
 * The rules, as docs/method.md states them for users:
 *   C9 reactive deload   D4 signals of two kinds or more in the 7 days
 *                        before the week; or an RPE drift (a lift's RPE at
 *                        least 1 higher at the same load) still there a week
 *                        or more later; or a stalled lift (no rise of its
 *                        e1RM over 14+ days and 3+ sessions in the last 21
 *                        days). Counted since the last deload only. A week
 *                        whose next week is a deload already, or that is a
 *                        single maintenance session, is not deloaded.
 *   D5 accessories first any D4 signal in the 7 days before a loading week
 *                        that is not deloaded: accessory sets down by one,
 *                        their loads about 10% lighter; main lifts untouched.
 *   D8 carryover         runs in the 48 h after session A (or B) against
 *                        runs with no lifting in the 48 h before them, over
 *                        the 6 weeks before the week, by run type, pooled by
 *                        inverse variance: when the RPE difference is at
 *                        least 0.5 and its 95% interval is above 0 (5 runs
 *                        in each group at least), that session's main lifts
 *                        lose one set (never below 2).
 *   E4 no stacking       sessions of the week before that were not done are
 *                        not made up; the week's notes say so.
 *   A8 inside a block    a niggle logged or cleared inside a phase changes
 *                        lifts mid-block: the sessions say so (C10 bent).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/load.h"
#include "lib/adapt.h"
#include "lib/calendar.h"
#include "lib/prescribe.h"
#include "lib/rpe.h"
#include "lib/season.h"
#include "lib/session.h"
#include "lib/stats.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* D4: "RPE at least 1 higher than last time at the same load". */
#define RPE_RISE 1.0
/* A drift "persists" when the higher RPE is still there this many days later. */
#define DRIFT_PERSIST_DAYS 7
/* ... and the drift began at most this long before the week. */
#define DRIFT_LOOKBACK 28
/* D8: a difference of mean RPE smaller than half a point is not acted on. */
#define D8_MIN_DIFF 0.5
/* RPE is reported in whole (or half) points: its rounding alone has a
 * variance of 1/12, the floor of a group's variance (a group whose runs were
 * all "7" is not known to the hundredth). */
#define RPE_VAR_FLOOR (1.0 / 12.0)
/* D5: accessory loads about 10% lighter (C9's 90% for a whole deload). */
#define ACCESSORY_LOAD_SHARE 0.90

typedef struct drift {
	const char *ex;
	double load;
	co_date d1, d2;   /* the day the RPE rose, a later day it was still up */
	double ref, now;  /* the RPE before, the mean RPE from d1 to d2 */
} drift;

typedef struct day_best {
	const char *ex;
	co_date date;
	double e1rm;
} day_best;

/* A run with an RPE, and what came before it (D8). */
typedef struct run_ref {
	co_date date;
	int type;
	double rpe;
	int after;        /* 0 no lifting in the 48 h before, 1 session A, 2 session B, 3 other */
} run_ref;

struct co_adapt {
	const co_profile *p;
	const co_history *h;
	co_load_series series;
	co_signals sig;
	drift *drifts;
	size_t n_drifts, cap_drifts;
	day_best *best;          /* by exercise, then date */
	size_t n_best, cap_best;
	co_date *lift_days;      /* sorted, unique: a set or a session not skipped */
	size_t n_lift_days, cap_lift_days;
	co_date *skip_days;      /* sorted: `log skip` */
	size_t n_skip_days, cap_skip_days;
	co_date *planned_days;   /* sorted: `log done`, whose RPEs are the prescription's */
	size_t n_planned_days, cap_planned_days;
	co_date *dates;          /* sorted: every dated entry */
	size_t n_dates, cap_dates;
	run_ref *runs;           /* sorted by date */
	size_t n_runs, cap_runs;
};

typedef struct co_adapt evidence;

static void sort_dates(co_date *v, size_t *n, bool unique)
{
	size_t k = 0;

	if (!*n)
		return;
	qsort(v, *n, sizeof(*v), co_date_cmp);
	if (!unique)
		return;
	for (size_t i = 0; i < *n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
}

static bool has_date(const co_date *v, size_t n, co_date d)
{
	size_t i = co_date_lower(v, n, d);

	return i < n && v[i] == d;
}

/* --- gathering ------------------------------------------------------------------ */

static const co_logged_set *g_sets;

static int by_ex_load_date(const void *a, const void *b)
{
	const co_logged_set *x = &g_sets[*(const size_t *)a], *y = &g_sets[*(const size_t *)b];
	int c = co_logged_set_dose_cmp(x, y); /* the same lift, load, reps and hold */

	return c ? c : (x->date > y->date) - (x->date < y->date);
}

static int by_ex_date(const void *a, const void *b)
{
	const co_logged_set *x = &g_sets[*(const size_t *)a], *y = &g_sets[*(const size_t *)b];
	int c = x->exercise == y->exercise ? 0 : strcmp(x->exercise, y->exercise); /* interned ids */

	if (c)
		return c;
	return (x->date > y->date) - (x->date < y->date);
}

/*
 * RPE drifts that persist: per lift and dose (load, reps, hold), the mean RPE of each day; a
 * day at least 1 above the day before starts a drift, and every later day
 * (within DRIFT_LOOKBACK) still at least 1 above that reference and at
 * least DRIFT_PERSIST_DAYS after it records one. A drift ends at the first
 * day back below; nested drifts need a reference 1 higher each time, so a
 * day is covered by at most 11 of them (RPE 0-10): linear in the sets.
 */
static void find_drifts(evidence *ev, const size_t *idx, size_t n)
{
	const co_logged_set *s = ev->h->sets;
	double *mean = co_xcalloc(n ? n : 1, sizeof(*mean));
	size_t *first = co_xcalloc(n ? n : 1, sizeof(*first));
	size_t nd = 0;

	/* one entry per lift, load and day */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		double sum = 0;

		while (j < n && by_ex_load_date(&idx[i], &idx[j]) == 0)
			sum += s[idx[j++]].rpe;
		mean[nd] = sum / (double)(j - i);
		first[nd++] = idx[i];
		i = j;
	}
	for (size_t j = 1; j < nd; j++) {
		const co_logged_set *a = &s[first[j - 1]], *b = &s[first[j]];
		double ref = mean[j - 1], sum = 0;

		if (co_logged_set_dose_cmp(a, b) || mean[j] - ref < RPE_RISE - 1e-9)
			continue;
		for (size_t k = j; k < nd; k++) {
			const co_logged_set *c = &s[first[k]];

			if (co_logged_set_dose_cmp(c, b) || mean[k] - ref < RPE_RISE - 1e-9 ||
			    c->date - b->date > DRIFT_LOOKBACK)
				break;
			sum += mean[k];
			if (c->date - b->date >= DRIFT_PERSIST_DAYS)
				*CO_VEC_PUSH(ev->drifts, ev->n_drifts, ev->cap_drifts) = (drift){
					.ex = b->exercise, .load = b->load, .d1 = b->date, .d2 = c->date,
					.ref = ref, .now = sum / (double)(k - j + 1)};
		}
	}
	free(mean);
	free(first);
}

/* The best e1RM of each lift on each day, from qualifying sets (RPE >= 7, a load, reps). */
static void find_bests(evidence *ev, size_t *idx, size_t n)
{
	const co_logged_set *s = ev->h->sets;
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (s[idx[i]].rpe >= CO_E1RM_MIN_RPE && s[idx[i]].load > 0 && s[idx[i]].reps > 0)
			idx[m++] = idx[i];
	qsort(idx, m, sizeof(*idx), by_ex_date);
	for (size_t i = 0; i < m; i++) {
		const co_logged_set *x = &s[idx[i]];
		double e = co_e1rm(x->load, x->reps, x->rpe);
		day_best *last = ev->n_best ? &ev->best[ev->n_best - 1] : NULL;

		if (last && last->date == x->date && !strcmp(last->ex, x->exercise)) {
			if (e > last->e1rm)
				last->e1rm = e;
			continue;
		}
		*CO_VEC_PUSH(ev->best, ev->n_best, ev->cap_best) =
			(day_best){.ex = x->exercise, .date = x->date, .e1rm = e};
	}
}

static int by_run_date(const void *a, const void *b)
{
	const run_ref *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

static void evidence_build(evidence *ev, const co_profile *p, const co_history *h)
{
	co_load_options opt = CO_LOAD_OPTIONS_INIT;
	co_date last = 0;
	size_t *idx, n = 0;

	memset(ev, 0, sizeof(*ev));
	ev->p = p;
	ev->h = h;
	for (size_t i = 0; i < h->n_sessions; i++) {
		const co_logged_session *s = &h->sessions[i];

		*CO_VEC_PUSH(ev->dates, ev->n_dates, ev->cap_dates) = s->date;
		if (s->skipped)
			*CO_VEC_PUSH(ev->skip_days, ev->n_skip_days, ev->cap_skip_days) = s->date;
		else
			*CO_VEC_PUSH(ev->lift_days, ev->n_lift_days, ev->cap_lift_days) = s->date;
		if (s->as_planned)
			*CO_VEC_PUSH(ev->planned_days, ev->n_planned_days, ev->cap_planned_days) = s->date;
	}
	for (size_t i = 0; i < h->n_sets; i++) {
		*CO_VEC_PUSH(ev->dates, ev->n_dates, ev->cap_dates) = h->sets[i].date;
		*CO_VEC_PUSH(ev->lift_days, ev->n_lift_days, ev->cap_lift_days) = h->sets[i].date;
	}
	for (size_t i = 0; i < h->n_runs; i++)
		*CO_VEC_PUSH(ev->dates, ev->n_dates, ev->cap_dates) = h->runs[i].date;
	for (size_t i = 0; i < h->n_niggles; i++)
		*CO_VEC_PUSH(ev->dates, ev->n_dates, ev->cap_dates) = h->niggles[i].active_from;
	for (size_t i = 0; i < h->n_tests; i++)
		*CO_VEC_PUSH(ev->dates, ev->n_dates, ev->cap_dates) = h->tests[i].date;
	sort_dates(ev->dates, &ev->n_dates, false);
	sort_dates(ev->lift_days, &ev->n_lift_days, true);
	sort_dates(ev->skip_days, &ev->n_skip_days, true);
	sort_dates(ev->planned_days, &ev->n_planned_days, true);
	if (ev->n_dates)
		last = ev->dates[ev->n_dates - 1];

	/* D4 as status shows them: each signal depends on the days up to its own */
	opt.acwr_threshold = p->acwr_threshold;
	opt.units = p->units;
	co_load_compute(&ev->series, h, last, &opt);
	co_signals_compute(&ev->sig, h, &ev->series, &opt);

	/* lifts as reported: `log done` carries the prescription's RPE, not the athlete's */
	idx = co_xcalloc(h->n_sets ? h->n_sets : 1, sizeof(*idx));
	for (size_t i = 0; i < h->n_sets; i++)
		if (h->sets[i].rpe > 0 && h->sets[i].exercise &&
		    !has_date(ev->planned_days, ev->n_planned_days, h->sets[i].date))
			idx[n++] = i;
	g_sets = h->sets;
	qsort(idx, n, sizeof(*idx), by_ex_load_date);
	find_drifts(ev, idx, n);
	find_bests(ev, idx, n);
	free(idx);

	for (size_t i = 0; i < h->n_runs; i++)
		if (h->runs[i].rpe > 0)
			*CO_VEC_PUSH(ev->runs, ev->n_runs, ev->cap_runs) = (run_ref){
				.date = h->runs[i].date, .type = (int)h->runs[i].type,
				.rpe = h->runs[i].rpe, .after = -1};
	if (ev->n_runs)
		qsort(ev->runs, ev->n_runs, sizeof(*ev->runs), by_run_date);
}

static void evidence_release(evidence *ev)
{
	co_load_series_release(&ev->series);
	co_signals_release(&ev->sig);
	free(ev->drifts);
	free(ev->best);
	free(ev->lift_days);
	free(ev->skip_days);
	free(ev->planned_days);
	free(ev->dates);
	free(ev->runs);
}

/* --- what fired before a week ---------------------------------------------------- */

static const char *const kinds[] = {"rpe_drift", "new_niggle", "worse_test", "run_effort", "acwr"};
#define N_KINDS (sizeof(kinds) / sizeof(*kinds))

static int kind_of(const char *id)
{
	for (size_t k = 0; k < N_KINDS; k++)
		if (!strcmp(kinds[k], id))
			return (int)k;
	return 0;
}

/*
 * The D4 signals dated from..to: how many kinds fired; the latest of each
 * kind is written to sb ("rpe_drift: rdl at 60 kg: RPE 8 on ..., 7 on ...").
 * An acute:chronic signal before `acwr_from` is left
 * out: in the first week back from the plan's own lighter week (a deload,
 * a recovery, a taper) the ratio jumps by design, not from fatigue.
 */
static int signals_between(const evidence *ev, co_date from, co_date to, co_date acwr_from,
			   co_strbuf *sb)
{
	const co_signal *latest[N_KINDS] = {0};
	size_t lo = 0, hi = ev->sig.n;
	int n = 0;

	if (from > to)
		return 0;
	while (lo < hi) { /* the signals are in date order */
		size_t mid = lo + (hi - lo) / 2;

		if (ev->sig.items[mid].date < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < ev->sig.n && ev->sig.items[i].date <= to; i++) {
		int k = kind_of(ev->sig.items[i].id);

		if (!strcmp(kinds[k], "acwr") && ev->sig.items[i].date < acwr_from)
			continue;
		latest[k] = &ev->sig.items[i];
	}
	for (size_t k = 0; k < N_KINDS; k++) {
		if (!latest[k])
			continue;
		if (sb) {
			co_strbuf_adds(sb, n ? "; " : "");
			if (!strcmp(kinds[k], "acwr"))
				co_strbuf_addf(sb, "ACWR %.2f > %.2f", latest[k]->value, latest[k]->threshold);
			else
				co_strbuf_addf(sb, "%s: %s", kinds[k], latest[k]->detail);
		}
		n++;
	}
	return n;
}

/* An RPE drift begun since `since` and still there in the week before `monday`. */
static bool drift_before(const evidence *ev, co_date monday, co_date since, co_strbuf *sb)
{
	const drift *best = NULL;

	for (size_t i = 0; i < ev->n_drifts; i++) {
		const drift *d = &ev->drifts[i];

		if (d->d2 < monday - CO_ADAPT_WINDOW || d->d2 >= monday || d->d1 < since ||
		    d->d1 < monday - DRIFT_LOOKBACK)
			continue;
		if (!best || d->now - d->ref > best->now - best->ref)
			best = d;
	}
	if (best && sb) {
		char a[11], b[11], at[32];

		if (best->load < 0)
			snprintf(at, sizeof(at), "bodyweight");
		else
			snprintf(at, sizeof(at), "%g %s", best->load, co_units_name(ev->p->units));
		co_strbuf_addf(sb, "RPE up %.1f at the same load for %d days (%s %s: RPE %.3g -> %.3g, %s to %s)",
			       best->now - best->ref, (int)(best->d2 - best->d1), best->ex, at,
			       best->ref, best->now, co_date_format(best->d1, a), co_date_format(best->d2, b));
	}
	return best != NULL;
}

/* A lift whose e1RM has not risen over 14+ days and 3+ sessions, counted since `since`. */
static bool stall_before(const evidence *ev, co_date monday, co_date since, co_strbuf *sb)
{
	co_date from = monday - CO_ADAPT_STALL_WINDOW;

	if (since > from)
		from = since;
	for (size_t i = 0; i < ev->n_best;) {
		size_t j = i, a = SIZE_MAX, z = 0, days = 0;
		double top = 0;

		while (j < ev->n_best && !strcmp(ev->best[j].ex, ev->best[i].ex))
			j++;
		for (size_t k = i; k < j; k++) {
			if (ev->best[k].date < from || ev->best[k].date >= monday)
				continue;
			if (a == SIZE_MAX)
				a = k;
			else if (ev->best[k].e1rm > top)
				top = ev->best[k].e1rm;
			z = k;
			days++;
		}
		if (days >= 3 && ev->best[z].date - ev->best[a].date >= CO_ADAPT_STALL_DAYS &&
		    top <= ev->best[a].e1rm + 1e-9) {
			if (sb) {
				char d[11];

				co_strbuf_addf(sb, "no progress on %s for %d days: e1RM %.1f %s on %s, at most %.1f in %zu sessions since",
					       ev->best[a].ex, (int)(ev->best[z].date - ev->best[a].date),
					       ev->best[a].e1rm, co_units_name(ev->p->units),
					       co_date_format(ev->best[a].date, d), top, days - 1);
			}
			return true;
		}
		i = j;
	}
	return false;
}

/* Every reason for a reactive deload before `monday`, joined with "; " into sb. */
static bool deload_reasons(const evidence *ev, co_date monday, co_date since, co_strbuf *sb)
{
	co_date from = monday - CO_ADAPT_WINDOW > since ? monday - CO_ADAPT_WINDOW : since;
	co_strbuf s;
	bool any = false;

	co_strbuf_init(&s);
	if (signals_between(ev, from, monday - 1, since + 7, &s) >= 2) {
		co_strbuf_addf(sb, "D4 signals of two kinds in the 7 days before: %s", s.buf);
		any = true;
	}
	co_strbuf_release(&s);
	co_strbuf_init(&s);
	if (drift_before(ev, monday, since, &s)) {
		co_strbuf_addf(sb, "%s%s", any ? "; " : "", s.buf);
		any = true;
	}
	co_strbuf_release(&s);
	co_strbuf_init(&s);
	if (stall_before(ev, monday, since, &s)) {
		co_strbuf_addf(sb, "%s%s", any ? "; " : "", s.buf);
		any = true;
	}
	co_strbuf_release(&s);
	return any;
}

/* The rule of a loading phase's dose, named as bent by a cut (check reads "C4 bent"). */
static const char *dose_rule(co_phase p)
{
	return p == CO_PHASE_BASE ? "C3" : p == CO_PHASE_BUILD ? "C4" : "C6";
}

/* --- C9: reactive deloads ------------------------------------------------------- */

co_adapt *co_adapt_begin(const co_profile *profile, const co_history *h)
{
	co_adapt *ad;

	if (!profile || co_history_empty(h))
		return NULL;
	ad = co_xmalloc(sizeof(*ad));
	evidence_build(ad, profile, h);
	return ad;
}

void co_adapt_end(co_adapt *ad)
{
	if (!ad)
		return;
	evidence_release(ad);
	free(ad);
}

void co_adapt_deloads(co_adapt *ad, co_week *weeks, const co_period *info, size_t n_weeks)
{
	const evidence *ev = ad;
	co_date since = 0; /* the Monday after the last deload (or lighter week) */

	if (!ad || !weeks)
		return;
	for (size_t i = 0; i < n_weeks; i++) {
		co_week *w = &weeks[i];
		co_strbuf sb;

		if (!co_phase_loading(w->phase) || w->deload) {
			since = w->start + 7;
			continue;
		}
		/* C9: a week that is already one maintenance session is not deloaded again */
		if (w->phase == CO_PHASE_PEAK && info && info[i].demand_peak)
			continue;
		if (!ev->n_dates || w->start - CO_ADAPT_WINDOW > ev->dates[ev->n_dates - 1])
			continue; /* nothing logged in the week before: nothing to go on */
		co_strbuf_init(&sb);
		if (deload_reasons(ev, w->start, since, &sb)) {
			if (i + 1 < n_weeks && weeks[i + 1].deload) {
				co_strlist_add(&w->notes, &w->n_notes,
					       "C9: the deload planned next week answers the D4 signals (%s); "
					       "this week cuts accessories first (D5)", sb.buf);
			} else {
				w->deload = true;
				since = w->start + 7;
				co_strlist_add(&w->notes, &w->n_notes,
					       "C9 reactive deload (D4): %s: volume down 40-50%%, loads at most 90%% of the last loading week's",
					       sb.buf);
			}
		}
		co_strbuf_release(&sb);
	}
}

/* --- D5: accessories first -------------------------------------------------------- */

/* One set fewer and about 10% lighter for each accessory; how many items changed. */
static int cut_accessories(co_session *s, const co_profile *p)
{
	co_block *b = &s->blocks[CO_BLOCK_ACCESSORY];
	int changed = 0;

	for (size_t i = 0; i < b->n_items; i++) {
		co_item *it = &b->items[i];
		bool c = false;

		if (it->sets >= 2) {
			it->sets--;
			c = true;
		}
		if (it->load > 0) {
			double step = co_prescribe_load_step(it->exercise, p), nl = co_round_load(it->load * ACCESSORY_LOAD_SHARE, step);

			if (nl >= it->load)
				nl = it->load - step;
			if (nl > 0) {
				it->load = nl;
				c = true;
				for (size_t r = 0; r < it->n_ramp; r++)
					if (it->ramp[r].load >= nl)
						it->n_ramp = r;
			}
		}
		changed += c;
	}
	return changed;
}

/* --- D8: the runs after each session --------------------------------------------- */

/* Student's t, 0.975 quantile, df 1..30; 1.96 beyond. */
/* Which session, if any, came in the 48 h before each run (a lift the same day: order unknown). */
static void runs_after(evidence *ev, const co_plan *plan)
{
	for (size_t i = 0; i < ev->n_runs; i++) {
		run_ref *r = &ev->runs[i];

		r->after = 0;
		for (co_date d = r->date - 1; d >= r->date - 2 && !r->after; d--) {
			size_t n = 0;
			const co_session *s;

			if (!has_date(ev->lift_days, ev->n_lift_days, d))
				continue;
			s = co_plan_sessions_on(plan, d, &n);
			if (n && s->focus == CO_FOCUS_POSTERIOR_CHAIN)
				r->after = 1;
			else if (n && s->focus == CO_FOCUS_STABILITY)
				r->after = 2;
			else
				r->after = 3;
		}
		if (!r->after && has_date(ev->lift_days, ev->n_lift_days, r->date))
			r->after = 3;
	}
}

typedef struct d8_result {
	double diff, lo, hi;
	int n_after, n_none;
} d8_result;

/*
 * Runs dated from..to after session `which` (1 A, 2 B) against runs with no
 * lifting before them: the RPE difference by run type, pooled by inverse
 * variance, with a 95% interval (t with the smaller group's df: Welch's is
 * at least that). False when either group has fewer than 5 runs.
 */
static bool d8_compare(const evidence *ev, int which, co_date from, co_date to, d8_result *out)
{
	double n[CO_RUN_TYPE_COUNT][2] = {{0}}, sum[CO_RUN_TYPE_COUNT][2] = {{0}},
	       sq[CO_RUN_TYPE_COUNT][2] = {{0}};
	double wsum = 0, wdiff = 0;
	int na = 0, nn = 0;
	size_t i = 0;

	while (i < ev->n_runs && ev->runs[i].date < from)
		i++;
	for (; i < ev->n_runs && ev->runs[i].date <= to; i++) {
		const run_ref *r = &ev->runs[i];
		int g = r->after == which ? 0 : r->after == 0 ? 1 : -1;

		if (g < 0 || r->type < 0 || r->type >= CO_RUN_TYPE_COUNT)
			continue;
		n[r->type][g]++;
		sum[r->type][g] += r->rpe;
		sq[r->type][g] += r->rpe * r->rpe;
	}
	for (int t = 0; t < CO_RUN_TYPE_COUNT; t++) {
		double m[2], v[2], var;

		if (!n[t][0] || !n[t][1])
			continue; /* a type seen on one side only says nothing of the difference */
		for (int g = 0; g < 2; g++) {
			m[g] = sum[t][g] / n[t][g];
			v[g] = n[t][g] > 1 ? (sq[t][g] - n[t][g] * m[g] * m[g]) / (n[t][g] - 1) : 0;
			if (v[g] < RPE_VAR_FLOOR)
				v[g] = RPE_VAR_FLOOR;
		}
		var = v[0] / n[t][0] + v[1] / n[t][1];
		wsum += 1 / var;
		wdiff += (m[0] - m[1]) / var;
		na += (int)n[t][0];
		nn += (int)n[t][1];
	}
	if (na < CO_ADAPT_D8_MIN_RUNS || nn < CO_ADAPT_D8_MIN_RUNS || wsum <= 0)
		return false;
	out->diff = wdiff / wsum;
	double t = co_stats_t_quantile(0.975, (double)((na < nn ? na : nn) - 1));

	out->lo = out->diff - t / sqrt(wsum);
	out->hi = out->diff + t / sqrt(wsum);
	out->n_after = na;
	out->n_none = nn;
	return true;
}

static void d8_week(const evidence *ev, co_week *w)
{
	for (int which = 1; which <= 2; which++) {
		co_focus f = which == 1 ? CO_FOCUS_POSTERIOR_CHAIN : CO_FOCUS_STABILITY;
		d8_result r;

		if (!d8_compare(ev, which, w->start - CO_ADAPT_D8_WINDOW, w->start - 1, &r) ||
		    r.diff < D8_MIN_DIFF || r.lo <= 0)
			continue;
		for (size_t s = 0; s < w->n_sessions; s++) {
			co_session *ses = &w->sessions[s];
			co_block *b = &ses->blocks[CO_BLOCK_MAIN];
			int cut = 0;

			if (ses->focus != f)
				continue;
			for (size_t i = 0; i < b->n_items; i++)
				if (b->items[i].sets > 2) {
					b->items[i].sets--;
					cut++;
				}
			co_session_add_why(ses,
					   "D8: runs in the 48 h after session %s are harder than runs with no lifting before them: "
					   "RPE %+.1f (95%% CI %+.1f to %+.1f; %d runs after it, %d others, the 6 weeks before this week): %s%s%s",
					   which == 1 ? "A" : "B", r.diff, r.lo, r.hi, r.n_after, r.n_none,
					   cut ? "its main lifts are trimmed by one set (" :
					   "its main lifts are at 2 sets already, nothing more is cut",
					   cut ? dose_rule(w->phase) : "", cut ? " bent for the carryover)" : "");
		}
	}
}

/* --- E4: missed sessions are not made up ----------------------------------------- */

static void missed_note(const evidence *ev, const co_week *prev, co_week *w)
{
	size_t at = co_date_lower(ev->dates, ev->n_dates, w->start);
	co_date known; /* the last day anything was logged before this week */
	int missed = 0, skipped = 0;

	if (!at || !ev->n_lift_days || ev->lift_days[0] >= w->start)
		return; /* the athlete logs no lifting (yet): a session not logged is not a missed one */
	known = ev->dates[at - 1];
	for (size_t s = 0; s < prev->n_sessions; s++) {
		co_date d = prev->sessions[s].date;

		if (d > known || d < ev->lift_days[0] || prev->sessions[s].focus == CO_FOCUS_RECOVERY)
			continue;
		if (has_date(ev->skip_days, ev->n_skip_days, d) && !has_date(ev->lift_days, ev->n_lift_days, d))
			skipped++;
		else if (!has_date(ev->lift_days, ev->n_lift_days, d))
			missed++;
	}
	if (missed + skipped)
		co_strlist_add(&w->notes, &w->n_notes,
			       "E4: %d session%s of week %d not done (%d missed, %d skipped): not made up this week, "
			       "missed sessions are never stacked into the next days",
			       missed + skipped, missed + skipped == 1 ? "" : "s", prev->index, missed, skipped);
}

/*
 * A8 with C10: a niggle logged (or cleared) inside a phase swaps its lifts
 * for regressions (or brings them back) in the middle of a block; each
 * strength session from then to the end of the phase says so.
 */
/* Whether `site` was already niggling on day `d` (the profile's, or another logged entry). */
static bool niggling(const evidence *ev, const co_niggle_log *self, co_date d)
{
	const co_history *h = ev->h;
	bool cleared = false;

	for (size_t k = 0; k < h->n_niggles; k++) {
		const co_niggle_log *n = &h->niggles[k];

		if (n == self || !n->site || strcasecmp(n->site, self->site))
			continue;
		if (n->active_from <= d && (!n->cleared_on || n->cleared_on > d))
			return true;
		if (n->cleared_on && n->cleared_on <= d)
			cleared = true;
	}
	for (size_t k = 0; !cleared && k < ev->p->n_niggles; k++)
		if (ev->p->niggles[k].site && !strcasecmp(ev->p->niggles[k].site, self->site))
			return true;
	return false;
}

static void niggle_block_why(const evidence *ev, co_plan *plan)
{
	const co_history *h = ev->h;
	co_date phase_start = 0;

	for (size_t i = 0; i < plan->n_weeks; i++) {
		co_week *w = &plan->weeks[i];

		if (i == 0 || w->phase != plan->weeks[i - 1].phase)
			phase_start = w->start;
		if (!co_phase_loading(w->phase))
			continue;
		for (size_t s = 0; s < w->n_sessions; s++) {
			co_session *ses = &w->sessions[s];

			if (ses->focus == CO_FOCUS_RECOVERY)
				continue;
			for (size_t k = 0; k < h->n_niggles; k++) {
				const co_niggle_log *n = &h->niggles[k];
				char d[11];

				if (!n->site)
					continue;
				if (n->active_from > phase_start && n->active_from <= ses->date &&
				    (!n->cleared_on || n->cleared_on > ses->date) &&
				    !niggling(ev, n, n->active_from - 1))
					co_session_add_why(ses, "C10 bent (A8): %s logged on %s, inside the %s phase: "
							   "the lifts that load it are swapped for regressions until it clears",
							   n->site, co_date_format(n->active_from, d), co_phase_name(w->phase));
				else if (n->cleared_on && n->cleared_on > phase_start && n->cleared_on <= ses->date)
					co_session_add_why(ses, "C10 bent: %s cleared on %s, inside the %s phase: "
							   "its regressions end and the lifts they stood in for return",
							   n->site, co_date_format(n->cleared_on, d), co_phase_name(w->phase));
			}
		}
	}
}

void co_adapt_sessions(co_adapt *ad, co_plan *plan)
{
	evidence *ev = ad;
	co_date since = 0;

	if (!ad || !plan)
		return;
	runs_after(ev, plan);
	niggle_block_why(ev, plan);
	for (size_t i = 0; i < plan->n_weeks; i++) {
		co_week *w = &plan->weeks[i];
		co_date from = w->start - CO_ADAPT_WINDOW;
		co_strbuf sb;

		if (i > 0)
			missed_note(ev, &plan->weeks[i - 1], w);
		if (!co_phase_loading(w->phase) || w->deload) {
			since = w->start + 7;
			continue;
		}
		if (!ev->n_dates || w->start - CO_ADAPT_D8_WINDOW > ev->dates[ev->n_dates - 1])
			continue;
		if (from < since)
			from = since;
		co_strbuf_init(&sb);
		/* D5: a first signal cuts accessories; a deload comes if it persists (C9) */
		if (signals_between(ev, from, w->start - 1, since + 7, &sb) > 0 ||
		    deload_reasons(ev, w->start, since, &sb)) {
			for (size_t s = 0; s < w->n_sessions; s++) {
				co_session *ses = &w->sessions[s];

				if (ses->focus == CO_FOCUS_RECOVERY || !cut_accessories(ses, ev->p))
					continue;
				co_session_add_why(ses,
						   "D5: accessories cut first (one set fewer, loads about 10%% lighter; %s bent), main lifts untouched: %s",
						   dose_rule(w->phase), sb.buf);
			}
		}
		co_strbuf_release(&sb);
		d8_week(ev, w);
		w->volume = co_week_volume(w);
	}
}
