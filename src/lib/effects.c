/*
 * The analysis of a history (carryover/analyze.h): is the lifting hurting
 * or helping the running (METHOD D8), and how the markers move over time.
 *
 * Lift effect. A run "follows" a lifting session when one was logged on
 * either of the 2 days before it (the log keeps dates, not times of day:
 * 48 h is the day after and the one after that). A run on the day of a
 * session counts as before it, because the plan puts lifting after the
 * day's run (METHOD E2). The runs that follow a session of a focus are
 * compared with the runs of the same type that follow no session at all
 * (Doma 2019: economy can stay impaired up to 48 h, so a run 2 days after
 * A is no clean reference for B). Measures: the runner's RPE, and the
 * heart rate at equal pace: each run's average heart rate less what its
 * pace predicts from a straight line fitted to the reference runs of its
 * type. Per run type (stratum) a Welch interval; over types, the strata
 * with at least 2 runs on each side pooled by inverse variance, with a
 * Satterthwaite df (SCIENCE.md). Fewer than CO_ANALYSIS_MIN_RUNS runs on
 * either side: no estimate. RPE and heart rate are whole numbers, so no
 * group's variance is taken below 1/12, the variance of rounding to the
 * nearest whole: five runs all at RPE 4 do not make an interval of zero
 * width.
 *
 * Trends. Threshold pace, EF, decoupling and each main lift's e1RM are
 * reduced to one value a week (the median; the best for e1RM), and the
 * last CO_ANALYSIS_TREND_WEEKS weeks get a Theil-Sen slope per 4 weeks
 * with Sen's interval, so one bad day does not read as a trend and the
 * pairs stay under 52 x 51 / 2.
 *
 * Bounds: runs and lifting days are sorted once and swept together; every
 * other pass is linear in the history or in the weeks (at most 3,650 days
 * back from today, as the load series).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analyze.h"
#include "carryover/catalog.h"
#include "lib/rpe.h"
#include "lib/stats.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define MAX_DAYS 3650       /* as co_load_compute: ten years back at most */
#define WINDOW_DAYS 2       /* METHOD D8: the 48 h after a session */
#define WHOLE_VAR (1.0 / 12) /* variance of rounding to the nearest whole */
#define UNKNOWN_FOCUS 7     /* mask bit of a lifting day whose focus the plan does not say */
#define E1RM_MAX_REPS 12    /* n = reps + 10 - RPE stays inside the chart's 16 */

/* Run types the lift effect compares: not races (all-out by design) nor cross-training. */
static bool effect_type(co_run_type t)
{
	return t != CO_RUN_REST && t != CO_RUN_RACE && t != CO_RUN_CROSS && t < CO_RUN_TYPE_COUNT;
}

/* --- the findings array ---------------------------------------------------------- */

static co_finding *add(co_analysis *a, co_finding_kind kind, const char *unit)
{
	co_finding *f = CO_VEC_PUSH(a->findings, a->n_findings, a->cap_findings);

	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->unit = unit;
	f->focus = CO_ANALYSIS_ANY_FOCUS;
	f->run_type = CO_RUN_REST;
	return f;
}

static void set_ci(co_finding *f, double est, double lo, double hi)
{
	f->has_estimate = true;
	f->estimate = est;
	if (isfinite(lo) && isfinite(hi)) {
		f->has_ci = true;
		f->ci_low = lo;
		f->ci_high = hi;
	}
}

/* --- lifting days and their focus ----------------------------------------------- */

typedef struct lday {
	co_date date;
	unsigned mask;      /* bit per co_focus, UNKNOWN_FOCUS when the plan does not say */
} lday;

typedef struct uid_focus {
	const char *uid;
	co_date date;
	co_focus focus;
} uid_focus;

static int cmp_uid(const void *a, const void *b)
{
	return strcmp(((const uid_focus *)a)->uid, ((const uid_focus *)b)->uid);
}

static int cmp_ufdate(const void *a, const void *b)
{
	co_date x = ((const uid_focus *)a)->date, y = ((const uid_focus *)b)->date;

	return (x > y) - (x < y);
}

static int cmp_lday(const void *a, const void *b)
{
	co_date x = ((const lday *)a)->date, y = ((const lday *)b)->date;

	return (x > y) - (x < y);
}

/* The plan's sessions, by uid and by date, for the focus of a logged day. */
typedef struct plan_index {
	uid_focus *by_uid, *by_date;
	size_t n;
} plan_index;

static void plan_index_build(plan_index *pi, const co_plan *plan)
{
	size_t n = 0;

	memset(pi, 0, sizeof(*pi));
	if (!plan)
		return;
	for (size_t w = 0; w < plan->n_weeks; w++)
		n += plan->weeks[w].n_sessions;
	pi->by_uid = co_xcalloc(n ? n : 1, sizeof(*pi->by_uid));
	pi->by_date = co_xcalloc(n ? n : 1, sizeof(*pi->by_date));
	for (size_t w = 0; w < plan->n_weeks; w++)
		for (size_t i = 0; i < plan->weeks[w].n_sessions; i++) {
			const co_session *s = &plan->weeks[w].sessions[i];

			pi->by_uid[pi->n] = (uid_focus){s->uid, s->date, s->focus};
			pi->by_date[pi->n++] = (uid_focus){s->uid, s->date, s->focus};
		}
	qsort(pi->by_uid, pi->n, sizeof(*pi->by_uid), cmp_uid);
	qsort(pi->by_date, pi->n, sizeof(*pi->by_date), cmp_ufdate);
}

/* The focus bits of a lifting day: its session's uid in the plan, else the plan's sessions that day. */
static unsigned focus_of(const plan_index *pi, const char *uid, co_date date)
{
	unsigned mask = 0;

	if (uid && *uid && pi->n) {
		uid_focus key = {.uid = uid};
		const uid_focus *hit = bsearch(&key, pi->by_uid, pi->n, sizeof(key), cmp_uid);

		if (hit)
			return 1u << hit->focus;
	}
	/* lower bound of the date, then every session that day */
	size_t lo = 0, hi = pi->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (pi->by_date[mid].date < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < pi->n && pi->by_date[i].date == date; i++)
		mask |= 1u << pi->by_date[i].focus;
	return mask ? mask : 1u << UNKNOWN_FOCUS;
}

/* Lifting days up to today: non-skipped sessions and days with sets, merged by date. */
static lday *lifting_days(size_t *out_n, const co_history *h, const plan_index *pi, co_date today)
{
	lday *d = co_xcalloc(h->n_sessions + h->n_sets + 1, sizeof(*d));
	size_t n = 0, m = 0;

	for (size_t i = 0; i < h->n_sessions; i++) {
		const co_logged_session *s = &h->sessions[i];

		if (!s->skipped && s->date <= today)
			d[n++] = (lday){s->date, focus_of(pi, s->uid, s->date)};
	}
	for (size_t i = 0; i < h->n_sets; i++)
		if (h->sets[i].date <= today)
			d[n++] = (lday){h->sets[i].date, 0};
	qsort(d, n, sizeof(*d), cmp_lday);
	for (size_t i = 0; i < n; i++) {
		if (m && d[m - 1].date == d[i].date) {
			d[m - 1].mask |= d[i].mask;
			continue;
		}
		d[m++] = d[i];
	}
	/* a day of sets without a session entry: the plan's focus that day */
	for (size_t i = 0; i < m; i++)
		if (!d[i].mask)
			d[i].mask = focus_of(pi, NULL, d[i].date);
	*out_n = m;
	return d;
}

/* --- runs ------------------------------------------------------------------------ */

typedef struct arun {
	co_date date;
	co_run_type type;
	int rpe;            /* 0: none */
	bool has_hr;
	double speed;       /* m/s */
	double hr;
	double resid;       /* heart rate less what the pace predicts */
	unsigned mask;      /* focus bits of the sessions in the 2 days before; 0: none */
} arun;

static int cmp_arun(const void *a, const void *b)
{
	co_date x = ((const arun *)a)->date, y = ((const arun *)b)->date;

	return (x > y) - (x < y);
}

/* Heart rate at equal pace: residuals from a line fitted to the reference runs of each type. */
static void hr_residuals(arun *r, size_t n)
{
	for (int t = 0; t < CO_RUN_TYPE_COUNT; t++) {
		double sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0, b = 0, mx, my;

		for (size_t i = 0; i < n; i++)
			if (r[i].type == (co_run_type)t && r[i].has_hr && !r[i].mask) {
				sx += r[i].speed;
				sy += r[i].hr;
				k++;
			}
		if (k < 1) { /* no reference: nothing to compare with anyway */
			for (size_t i = 0; i < n; i++)
				if (r[i].type == (co_run_type)t)
					r[i].resid = 0;
			continue;
		}
		mx = sx / k;
		my = sy / k;
		for (size_t i = 0; i < n; i++)
			if (r[i].type == (co_run_type)t && r[i].has_hr && !r[i].mask) {
				sxx += (r[i].speed - mx) * (r[i].speed - mx);
				sxy += (r[i].speed - mx) * (r[i].hr - my);
			}
		/* a slope needs 3 runs and paces that differ (0.05 m/s is 3-4 s/km) */
		if (k >= 3 && sxx / k > 0.05 * 0.05)
			b = sxy / sxx;
		for (size_t i = 0; i < n; i++)
			if (r[i].type == (co_run_type)t)
				r[i].resid = r[i].hr - (my + b * (r[i].speed - mx));
	}
}

static bool measured(const arun *r, co_effect_measure m)
{
	return m == CO_EFFECT_RPE ? r->rpe > 0 : r->has_hr;
}

static double value_of(const arun *r, co_effect_measure m)
{
	return m == CO_EFFECT_RPE ? r->rpe : r->resid;
}

static bool follows(const arun *r, int focus)
{
	return focus == CO_ANALYSIS_ANY_FOCUS ? r->mask != 0 : (r->mask >> focus & 1u) != 0;
}

static void group_of(co_stats_group *g, const double *v, size_t n)
{
	g->n = n;
	co_stats_mean_var(v, n, &g->mean, &g->var);
	if (g->var < WHOLE_VAR)
		g->var = WHOLE_VAR;
}

static const char *focus_key(int focus)
{
	return focus == CO_FOCUS_POSTERIOR_CHAIN ? "A" : focus == CO_FOCUS_STABILITY ? "B" : "any";
}

static void lift_effects(co_analysis *a, const arun *r, size_t n)
{
	static const int foci[] = {CO_ANALYSIS_ANY_FOCUS, CO_FOCUS_POSTERIOR_CHAIN,
				   CO_FOCUS_STABILITY};
	double *va = co_xcalloc(n ? n : 1, sizeof(*va)), *vr = co_xcalloc(n ? n : 1, sizeof(*vr));

	for (size_t fi = 0; fi < sizeof(foci) / sizeof(foci[0]); fi++)
		for (int m = CO_EFFECT_RPE; m <= CO_EFFECT_HR; m++) {
			co_stats_diff strata[CO_RUN_TYPE_COUNT];
			size_t k = 0, na_all = 0, nr_all = 0, na_used = 0, nr_used = 0;
			const char *unit = m == CO_EFFECT_RPE ? "rpe" : "bpm";
			const char *mkey = m == CO_EFFECT_RPE ? "rpe" : "hr";
			size_t pooled = a->n_findings;
			co_finding *f = add(a, CO_FINDING_LIFT_EFFECT, unit);

			f->focus = foci[fi];
			f->measure = (co_effect_measure)m;
			snprintf(f->id, sizeof(f->id), "lift_effect.%s.%s", focus_key(foci[fi]), mkey);
			for (int t = 0; t < CO_RUN_TYPE_COUNT; t++) {
				size_t na = 0, nr = 0;
				co_stats_group ga, gr;
				co_stats_diff d;

				if (!effect_type((co_run_type)t))
					continue;
				for (size_t i = 0; i < n; i++) {
					if (r[i].type != (co_run_type)t || !measured(&r[i], m))
						continue;
					if (follows(&r[i], foci[fi]))
						va[na++] = value_of(&r[i], m);
					else if (!r[i].mask)
						vr[nr++] = value_of(&r[i], m);
				}
				if (!na && !nr)
					continue;
				na_all += na;
				nr_all += nr;
				group_of(&ga, va, na);
				group_of(&gr, vr, nr);
				co_finding *s = add(a, CO_FINDING_LIFT_EFFECT, unit);

				s->focus = foci[fi];
				s->measure = (co_effect_measure)m;
				s->run_type = (co_run_type)t;
				s->n = na;
				s->n_ref = nr;
				s->has_n_ref = true;
				snprintf(s->id, sizeof(s->id), "lift_effect.%s.%s.%s", focus_key(foci[fi]),
					 mkey, co_run_type_name((co_run_type)t));
				if (!co_stats_welch(&d, &ga, &gr))
					continue;
				strata[k++] = d;
				na_used += na;
				nr_used += nr;
				if (na >= CO_ANALYSIS_MIN_RUNS && nr >= CO_ANALYSIS_MIN_RUNS)
					set_ci(s, d.estimate, d.lo, d.hi);
			}
			/* `add` may have moved the array */
			f = &a->findings[pooled];
			f->has_n_ref = true;
			f->n_paired = na_used;
			f->n_ref_paired = nr_used;
			co_stats_diff p;

			if (na_used >= CO_ANALYSIS_MIN_RUNS && nr_used >= CO_ANALYSIS_MIN_RUNS &&
			    co_stats_pool(&p, strata, k)) {
				set_ci(f, p.estimate, p.lo, p.hi);
				f->n = na_used;
				f->n_ref = nr_used;
			} else {
				f->n = na_all;
				f->n_ref = nr_all;
			}
		}
	free(va);
	free(vr);
}

/* --- weeks and series ------------------------------------------------------------ */

static int cmp_point(const void *a, const void *b)
{
	const co_point *x = a, *y = b;

	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return (x->value > y->value) - (x->value < y->value);
}

static size_t week_of(const co_analysis *a, co_date d)
{
	return (size_t)((co_date_monday(d) - a->weeks[0].start) / 7);
}

/* The weekly median (or maximum) of sorted points into out[week]; NaN where none. */
static void weekly(double *out, const co_analysis *a, const co_point *p, size_t n, bool best)
{
	double *buf = co_xcalloc(n ? n : 1, sizeof(*buf));
	size_t i = 0;

	for (size_t w = 0; w < a->n_weeks; w++)
		out[w] = NAN;
	while (i < n) {
		size_t w = week_of(a, p[i].date), k = 0;

		while (i < n && week_of(a, p[i].date) == w)
			buf[k++] = p[i++].value;
		if (best) {
			double m = buf[0];

			for (size_t j = 1; j < k; j++)
				m = buf[j] > m ? buf[j] : m;
			out[w] = m;
		} else {
			out[w] = co_stats_median(buf, k);
		}
	}
	free(buf);
}

/* Points inside the analysed weeks only, sorted. */
static void keep_points(co_point *p, size_t *n, co_date first, co_date today)
{
	size_t m = 0;

	for (size_t i = 0; i < *n; i++)
		if (p[i].date >= first && p[i].date <= today && isfinite(p[i].value))
			p[m++] = p[i];
	*n = m;
	qsort(p, m, sizeof(*p), cmp_point);
}

static void trend(co_analysis *a, co_finding *f, const double *weekly_v)
{
	size_t from = a->n_weeks > CO_ANALYSIS_TREND_WEEKS ? a->n_weeks - CO_ANALYSIS_TREND_WEEKS : 0;
	double x[CO_ANALYSIS_TREND_WEEKS], y[CO_ANALYSIS_TREND_WEEKS], s, lo, hi;
	size_t n = 0;

	for (size_t w = from; w < a->n_weeks; w++)
		if (isfinite(weekly_v[w])) {
			x[n] = (double)(w - from);
			y[n++] = weekly_v[w];
		}
	f->n = n;
	f->weeks = a->n_weeks - from;
	a->work += n * (n - (n > 0)) / 2;
	if (n >= CO_ANALYSIS_MIN_WEEKS && co_stats_theil_sen(&s, &lo, &hi, x, y, n))
		set_ci(f, 4 * s, 4 * lo, 4 * hi);
}

static co_finding *series_finding(co_analysis *a, co_finding_kind kind, co_series_kind s,
				  const char *unit, const char *id)
{
	co_finding *f = add(a, kind, unit);

	f->series = s;
	snprintf(f->id, sizeof(f->id), "%s", id);
	return f;
}

/* --- e1RM -------------------------------------------------------------------------- */

typedef struct lift_point {
	const co_exercise *ex;
	co_point p;
} lift_point;

static int cmp_lift_point(const void *a, const void *b)
{
	const lift_point *x = a, *y = b;
	int c = strcmp(x->ex->id, y->ex->id);

	return c ? c : cmp_point(&x->p, &y->p);
}

static void lifts(co_analysis *a, const co_history *h, const co_catalog *cat)
{
	lift_point *lp = co_xcalloc(h->n_sets + h->n_tests + 1, sizeof(*lp));
	size_t n = 0;

	for (size_t i = 0; i < h->n_sets; i++) {
		const co_logged_set *s = &h->sets[i];
		const co_exercise *ex = s->exercise ? co_catalog_find(cat, s->exercise) : NULL;

		if (!ex || !ex->compound || !co_exercise_loadable(ex) || s->load <= 0 ||
		    s->reps < 1 || s->reps > E1RM_MAX_REPS || s->rpe < CO_E1RM_MIN_RPE || s->rpe > 10)
			continue;
		lp[n++] = (lift_point){ex, {s->date, co_e1rm(s->load, s->reps, s->rpe)}};
	}
	for (size_t i = 0; i < h->n_tests; i++) { /* a rep-max is a set at RPE 10 */
		const co_test_result *t = &h->tests[i];
		const co_exercise *ex = t->exercise ? co_catalog_find(cat, t->exercise) : NULL;

		if (t->kind != CO_TEST_REP_MAX || !ex || !ex->compound || t->value <= 0 ||
		    t->reps < 1 || t->reps > E1RM_MAX_REPS)
			continue;
		lp[n++] = (lift_point){ex, {t->date, co_e1rm(t->value, t->reps, 10)}};
	}
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (lp[i].p.date >= a->first && lp[i].p.date <= a->today)
			lp[m++] = lp[i];
	qsort(lp, m, sizeof(*lp), cmp_lift_point);
	for (size_t i = 0; i < m;) {
		co_analysis_lift *l;
		size_t j = i;

		while (j < m && lp[j].ex == lp[i].ex)
			j++;
		a->lifts = co_xrealloc(a->lifts, (a->n_lifts + 1) * sizeof(*a->lifts));
		l = &a->lifts[a->n_lifts++];
		memset(l, 0, sizeof(*l));
		snprintf(l->exercise, sizeof(l->exercise), "%s", lp[i].ex->id);
		l->points = co_xcalloc(j - i, sizeof(*l->points));
		for (size_t k = i; k < j; k++) { /* the best of each day (sorted by value within it) */
			if (l->n && l->points[l->n - 1].date == lp[k].p.date)
				l->points[l->n - 1].value = lp[k].p.value;
			else
				l->points[l->n++] = lp[k].p;
		}
		l->weekly = co_xcalloc(a->n_weeks, sizeof(*l->weekly));
		weekly(l->weekly, a, l->points, l->n, true);
		i = j;
	}
	free(lp);
}

/* --- asymmetry ---------------------------------------------------------------------- */

static void asymmetry(co_analysis *a, const co_history *h, co_test_kind kind, const char *unit)
{
	const co_test_result *side[3] = {NULL, NULL, NULL};

	for (size_t i = 0; i < h->n_tests; i++) {
		const co_test_result *t = &h->tests[i];

		if (t->kind != kind || t->side < 1 || t->side > 2 || t->value <= 0 || t->date > a->today)
			continue;
		if (!side[t->side] || t->date >= side[t->side]->date)
			side[t->side] = t;
	}
	if (!side[1] && !side[2])
		return;
	co_finding *f = add(a, CO_FINDING_ASYMMETRY, "%");

	f->test = kind;
	snprintf(f->id, sizeof(f->id), "asymmetry.%s", co_test_kind_name(kind));
	f->left = side[1] ? side[1]->value : NAN;
	f->right = side[2] ? side[2]->value : NAN;
	f->n = (side[1] != NULL) + (side[2] != NULL);
	/* one test of each leg within 4 weeks of each other: a pair */
	if (!side[1] || !side[2] || abs(side[1]->date - side[2]->date) > 28) {
		f->date = side[side[1] ? 1 : 2]->date;
		return;
	}
	double l = f->left, r = f->right, hi = l > r ? l : r;

	f->date = side[1]->date > side[2]->date ? side[1]->date : side[2]->date;
	set_ci(f, fabs(l - r) / hi * 100, NAN, NAN);
	f->flagged = f->estimate > CO_ANALYSIS_ASYMMETRY_PCT;
	/* calf raises: fewer reps is weaker; single-leg squat: a higher box is shallower */
	if (l != r)
		f->weaker = (kind == CO_TEST_CALF_RAISE) == (l < r) ? 1 : 2;
}

/* --- load ------------------------------------------------------------------------------ */

static void load_findings(co_analysis *a, const co_load_series *s)
{
	static const char *const ids[] = {"load.run_week", "load.lift_week", "load.ctl",
					  "load.atl", "load.tsb", "load.monotony"};
	const co_load_day *d = s ? co_load_day_at(s, a->today) : NULL;
	size_t w = a->n_weeks >= 2 ? a->n_weeks - 2 : 0; /* the last full week */

	for (int k = CO_LOADFIG_RUN_WEEK; k <= CO_LOADFIG_MONOTONY; k++) {
		co_finding *f = add(a, CO_FINDING_LOAD, k == CO_LOADFIG_MONOTONY ? "ratio" : "au");

		f->load = (co_load_figure)k;
		snprintf(f->id, sizeof(f->id), "%s", ids[k]);
		if (k <= CO_LOADFIG_LIFT_WEEK) {
			if (!a->n_weeks)
				continue;
			f->date = a->weeks[w].start;
			set_ci(f, k == CO_LOADFIG_RUN_WEEK ? a->weeks[w].run_load : a->weeks[w].lift_load,
			       NAN, NAN);
			continue;
		}
		if (!d || !a->n_weeks)
			continue;
		f->date = a->today;
		if (k == CO_LOADFIG_CTL)
			set_ci(f, d->ctl, NAN, NAN);
		else if (k == CO_LOADFIG_ATL)
			set_ci(f, d->atl, NAN, NAN);
		else if (k == CO_LOADFIG_TSB)
			set_ci(f, d->tsb, NAN, NAN);
		else if (d->monotony >= 0)
			set_ci(f, d->monotony, NAN, NAN);
	}
	/* sessions behind the week's figures */
	if (s && a->n_weeks)
		for (size_t i = 0; i < s->n_sessions; i++) {
			co_date d0 = a->weeks[w].start;

			if (s->sessions[i].date >= d0 && s->sessions[i].date < d0 + 7)
				a->findings[a->n_findings - 6 + !s->sessions[i].run].n++;
		}
}

/* --- the whole ------------------------------------------------------------------------- */

static co_date first_day(const co_history *h, co_date today)
{
	co_date first = today + 1, floor_d = today - MAX_DAYS + 1;

#define SEE(arr, n, field)                                                          \
	for (size_t i = 0; i < (n); i++)                                           \
		if ((arr)[i].field < first && (arr)[i].field >= floor_d)            \
			first = (arr)[i].field;
	SEE(h->runs, h->n_runs, date)
	SEE(h->sessions, h->n_sessions, date)
	SEE(h->sets, h->n_sets, date)
	SEE(h->tests, h->n_tests, date)
#undef SEE
	return first > today ? 0 : first;
}

static void weeks_build(co_analysis *a, const co_analysis_input *in)
{
	co_date w0 = co_date_monday(a->first), wn = co_date_monday(a->today);

	a->n_weeks = (size_t)((wn - w0) / 7 + 1);
	a->weeks = co_xcalloc(a->n_weeks, sizeof(*a->weeks));
	for (size_t w = 0; w < a->n_weeks; w++) {
		co_analysis_week *k = &a->weeks[w];
		co_date end = w0 + (co_date)w * 7 + 6;
		const co_load_day *d = in->series ? co_load_day_at(in->series, end < a->today ? end : a->today)
						  : NULL;
		const co_week *pw = in->plan ? co_plan_week_at(in->plan, w0 + (co_date)w * 7) : NULL;

		k->start = w0 + (co_date)w * 7;
		k->ctl = d ? d->ctl : NAN;
		k->atl = d ? d->atl : NAN;
		k->tsb = d ? d->tsb : NAN;
		k->monotony = d && d->monotony >= 0 ? d->monotony : NAN;
		k->phase = pw ? (int)pw->phase : -1;
		k->deload = pw && pw->deload;
	}
	if (in->series)
		for (size_t i = 0; i < in->series->n_sessions; i++) {
			const co_session_load *s = &in->series->sessions[i];

			if (s->date < a->first || s->date > a->today)
				continue;
			*(s->run ? &a->weeks[week_of(a, s->date)].run_load
				 : &a->weeks[week_of(a, s->date)].lift_load) += s->load;
		}
}

/* Threshold, EF and decoupling points from tests, runs and their recordings. */
static void run_points(co_analysis *a, const co_analysis_input *in)
{
	const co_history *h = in->history;

	a->threshold = co_xcalloc(h->n_runs + h->n_tests + 1, sizeof(*a->threshold));
	a->ef = co_xcalloc(h->n_runs + 1, sizeof(*a->ef));
	a->decoupling = co_xcalloc(h->n_runs + 1, sizeof(*a->decoupling));
	for (size_t i = 0; i < h->n_tests; i++)
		if (h->tests[i].kind == CO_TEST_THRESHOLD_RUN && h->tests[i].value > 0)
			a->threshold[a->n_threshold++] = (co_point){h->tests[i].date, h->tests[i].value};
	for (size_t i = 0; i < h->n_runs; i++) {
		const co_logged_run *r = &h->runs[i];
		const co_run_marker *m = in->markers ? &in->markers[i] : NULL;
		bool paced = r->distance_km > 0 && r->minutes > 0;

		/* a detected threshold effort; else a run typed threshold, its average pace */
		if (m && m->threshold_pace > 0)
			a->threshold[a->n_threshold++] = (co_point){r->date, m->threshold_pace};
		else if (r->type == CO_RUN_THRESHOLD && paced)
			a->threshold[a->n_threshold++] =
				(co_point){r->date, r->minutes * 60.0 / r->distance_km};
		if (r->type == CO_RUN_EASY || r->type == CO_RUN_RECOVERY) {
			if (m && m->ef > 0)
				a->ef[a->n_ef++] = (co_point){r->date, m->ef};
			else if (paced && r->avg_hr > 0)
				a->ef[a->n_ef++] = (co_point){r->date, r->distance_km * 1000 / r->minutes /
									     r->avg_hr};
		}
		if ((r->type == CO_RUN_EASY || r->type == CO_RUN_RECOVERY || r->type == CO_RUN_LONG) &&
		    m && m->has_decoupling)
			a->decoupling[a->n_decoupling++] = (co_point){r->date, m->decoupling * 100};
	}
	/* paces a runner cannot hold for a threshold effort are typos, not data */
	size_t k = 0;

	for (size_t i = 0; i < a->n_threshold; i++)
		if (a->threshold[i].value >= 120 && a->threshold[i].value <= 900)
			a->threshold[k++] = a->threshold[i];
	a->n_threshold = k;
	keep_points(a->threshold, &a->n_threshold, a->first, a->today);
	keep_points(a->ef, &a->n_ef, a->first, a->today);
	keep_points(a->decoupling, &a->n_decoupling, a->first, a->today);
}

static arun *effect_runs(size_t *out_n, size_t *work, const co_analysis *a, const co_history *h,
			 const lday *days, size_t nd)
{
	arun *r = co_xcalloc(h->n_runs + 1, sizeof(*r));
	size_t n = 0, j = 0;

	for (size_t i = 0; i < h->n_runs; i++) {
		const co_logged_run *x = &h->runs[i];

		if (!effect_type(x->type) || x->date > a->today || x->date < a->first)
			continue;
		r[n] = (arun){.date = x->date, .type = x->type, .rpe = x->rpe > 0 && x->rpe <= 10 ? x->rpe : 0};
		if (x->avg_hr > 0 && x->distance_km > 0 && x->minutes > 0) {
			r[n].has_hr = true;
			r[n].hr = x->avg_hr;
			r[n].speed = x->distance_km * 1000 / (x->minutes * 60.0);
		}
		n++;
	}
	qsort(r, n, sizeof(*r), cmp_arun);
	/* one sweep: j stays at the first lifting day not before the window */
	for (size_t i = 0; i < n; i++) {
		while (j < nd && days[j].date < r[i].date - WINDOW_DAYS)
			j++;
		for (size_t k = j; k < nd && days[k].date < r[i].date; k++) {
			r[i].mask |= days[k].mask;
			(*work)++;
		}
		(*work)++;
	}
	*out_n = n;
	return r;
}

void co_analysis_compute(co_analysis *out, const co_analysis_input *in)
{
	const co_history *h = in->history;
	const co_catalog *cat = in->catalog ? in->catalog : co_catalog_default();
	const char *mass = in->units == CO_UNITS_LB ? "lb" : "kg";
	const char *mass_trend = in->units == CO_UNITS_LB ? "lb per 4 weeks" : "kg per 4 weeks";
	plan_index pi;
	lday *days;
	arun *runs;
	size_t nd, nr;

	memset(out, 0, sizeof(*out));
	out->today = in->today;
	out->units = in->units;
	out->first = first_day(h, in->today);
	plan_index_build(&pi, in->plan);
	days = lifting_days(&nd, h, &pi, in->today);
	for (size_t i = 0; i < h->n_runs; i++)
		out->n_runs += h->runs[i].date <= in->today;
	out->n_lifting_days = nd;

	runs = effect_runs(&nr, &out->work, out, h, days, nd);
	hr_residuals(runs, nr);
	lift_effects(out, runs, nr);

	if (out->first) {
		weeks_build(out, in);
		run_points(out, in);
	}
	double *wk = co_xcalloc(out->n_weeks + 1, sizeof(*wk));
	struct {
		co_series_kind s;
		const co_point *p;
		size_t n;
		const char *id, *unit, *trend_unit;
		size_t off;
	} ser[] = {
		{CO_SERIES_THRESHOLD, out->threshold, out->n_threshold, "threshold_pace", "s/km",
		 "s/km per 4 weeks", offsetof(co_analysis_week, threshold_pace)},
		{CO_SERIES_EF, out->ef, out->n_ef, "ef", "m/min per bpm",
		 "m/min per bpm per 4 weeks", offsetof(co_analysis_week, ef)},
		{CO_SERIES_DECOUPLING, out->decoupling, out->n_decoupling, "decoupling", "%",
		 "% per 4 weeks", offsetof(co_analysis_week, decoupling)},
	};
	for (size_t s = 0; s < sizeof(ser) / sizeof(ser[0]); s++) {
		char id[64];

		if (out->n_weeks)
			weekly(wk, out, ser[s].p, ser[s].n, false);
		for (size_t w = 0; w < out->n_weeks; w++)
			*(double *)((char *)&out->weeks[w] + ser[s].off) = wk[w];
		if (ser[s].s == CO_SERIES_THRESHOLD) {
			co_finding *f = series_finding(out, CO_FINDING_LATEST, ser[s].s, ser[s].unit,
						       ser[s].id);

			f->n = ser[s].n;
			if (ser[s].n) {
				f->date = ser[s].p[ser[s].n - 1].date;
				set_ci(f, ser[s].p[ser[s].n - 1].value, NAN, NAN);
			}
		}
		snprintf(id, sizeof(id), "%s.trend", ser[s].id);
		trend(out, series_finding(out, CO_FINDING_TREND, ser[s].s, ser[s].trend_unit, id), wk);
	}
	free(wk);

	if (out->first)
		lifts(out, h, cat);
	for (size_t l = 0; l < out->n_lifts; l++) {
		const co_analysis_lift *lf = &out->lifts[l];
		char id[64];
		co_finding *f;

		snprintf(id, sizeof(id), "e1rm.%s", lf->exercise);
		f = series_finding(out, CO_FINDING_LATEST, CO_SERIES_E1RM, mass, id);
		snprintf(f->exercise, sizeof(f->exercise), "%s", lf->exercise);
		f->n = lf->n;
		f->date = lf->points[lf->n - 1].date;
		set_ci(f, lf->points[lf->n - 1].value, NAN, NAN);
		snprintf(id, sizeof(id), "e1rm.%s.trend", lf->exercise);
		f = series_finding(out, CO_FINDING_TREND, CO_SERIES_E1RM, mass_trend, id);
		snprintf(f->exercise, sizeof(f->exercise), "%s", lf->exercise);
		trend(out, f, lf->weekly);
	}
	asymmetry(out, h, CO_TEST_SINGLE_LEG_SQUAT, "%");
	asymmetry(out, h, CO_TEST_CALF_RAISE, "%");
	load_findings(out, in->series);

	free(runs);
	free(days);
	free(pi.by_uid);
	free(pi.by_date);
}

void co_analysis_release(co_analysis *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_findings; i++)
		free(a->findings[i].text);
	for (size_t i = 0; i < a->n_lifts; i++) {
		free(a->lifts[i].points);
		free(a->lifts[i].weekly);
	}
	free(a->findings);
	free(a->weeks);
	free(a->threshold);
	free(a->ef);
	free(a->decoupling);
	free(a->lifts);
	memset(a, 0, sizeof(*a));
}

const co_finding *co_analysis_find(const co_analysis *a, const char *id)
{
	for (size_t i = 0; a && i < a->n_findings; i++)
		if (!strcmp(a->findings[i].id, id))
			return &a->findings[i];
	return NULL;
}
