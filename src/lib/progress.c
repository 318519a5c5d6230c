/*
 * Progression from the training log (progress.h; METHOD D1-D3, D6;
 * SCIENCE.md "Effort and load estimation").
 *
 * The index: the logged sets sorted by (exercise, date) and folded into one
 * record a day, each exercise a contiguous run found by binary search; the
 * rep-max tests sorted by (exercise, date); the `log done` days sorted. A
 * query is a binary search for the cutoff inside the exercise's run, then
 * walks back over at most a few weeks of days (a day per exercise holds
 * one record, so a window of W weeks is at most 7W records).
 *
 * The rules (co_progress_next_load):
 *   - D3: the logged RPE against the target prescribed that day: below it
 *     by 1 or more, one step up; above it by 1 or more, one step down; on
 *     target, the plan's progression or the chart's load for this week's
 *     target, whichever is higher, and at least a repeat;
 *   - D2: never more than one step above the last logged load, nor more
 *     than 5% of e1RM (when the step is larger than 5%, the load waits and
 *     the note says so);
 *   - D1: a missed rep, a niggle in the lift's region or a stall: no
 *     increase over the last logged load.
 * Those are pure: numbers in, numbers out. The second half applies them to
 * a planned item for season.c's load pass: it finds the last logged day and
 * that day's prescription in the plan (co_progress_gather), sets the load
 * or the reps, and words the note with its figures and rule ids.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/prescribe.h"
#include "lib/progress.h"
#include "lib/rpe.h"
#include "util/vec.h"

typedef struct ex_run {
	const char *exercise;
	size_t from, to; /* its days: days[from..to) ascending by date */
} ex_run;

/* A logged niggle and when it ended: its own clear, or a later `clear` of its site. */
typedef struct niggle_span {
	const char *site;
	unsigned regions;
	co_date from, end; /* end 0: still active */
} niggle_span;

/* A clear of a site, for the binary search of when a niggle ended. */
typedef struct site_clear {
	const char *site;
	co_date on;
} site_clear;

static int cmp_clear(const void *a, const void *b)
{
	const site_clear *x = a, *y = b;
	int c = strcmp(x->site, y->site);

	return c ? c : (x->on > y->on) - (x->on < y->on);
}

struct co_progress {
	co_progress_day *days;
	size_t n_days, cap_days;
	ex_run *runs;
	size_t n_runs, cap_runs;
	const co_test_result **tests; /* rep-max tests, by (exercise, date) */
	size_t n_tests, cap_tests;
	co_date *done;                /* `log done` days, ascending */
	size_t n_done, cap_done;
	niggle_span *niggles;         /* each niggle with the day it ended */
	size_t n_niggles, cap_niggles;
	size_t *visits;               /* records looked at by the queries (the bound's test) */
};

static int cmp_set(const void *a, const void *b)
{
	const co_logged_set *x = *(const co_logged_set *const *)a;
	const co_logged_set *y = *(const co_logged_set *const *)b;
	int c = x->exercise == y->exercise ? 0 : strcmp(x->exercise, y->exercise); /* interned ids */

	if (c)
		return c;
	return (x->date > y->date) - (x->date < y->date);
}

static int cmp_test(const void *a, const void *b)
{
	const co_test_result *x = *(const co_test_result *const *)a;
	const co_test_result *y = *(const co_test_result *const *)b;
	int c = strcmp(x->exercise, y->exercise);

	if (c)
		return c;
	return (x->date > y->date) - (x->date < y->date);
}

static void fold(co_progress_day *d, const co_logged_set *s)
{
	d->n_sets++;
	if (s->reps > 0) {
		if (!d->min_reps || s->reps < d->min_reps)
			d->min_reps = s->reps;
		if (s->reps > d->max_reps)
			d->max_reps = s->reps;
	} else if (s->seconds > 0) {
		if (!d->min_seconds || s->seconds < d->min_seconds)
			d->min_seconds = s->seconds;
		if (s->seconds > d->max_seconds)
			d->max_seconds = s->seconds;
	}
	if (d->n_sets == 1 || s->load > d->load + 1e-9) {
		d->load = s->load;
		d->reps = s->reps;
	}
	if (s->rpe > d->rpe)
		d->rpe = s->rpe;
	if (s->load > 0 && s->reps > 0 && s->rpe >= CO_E1RM_MIN_RPE) {
		double e = co_e1rm(s->load, s->reps, s->rpe);

		/* the set closest to failure is the surest estimate (Hackett 2017) */
		if (s->rpe > d->e1rm_rpe || (s->rpe == d->e1rm_rpe && e > d->e1rm)) {
			d->e1rm = e;
			d->e1rm_rpe = s->rpe;
		}
	}
}

/*
 * Each niggle ends at the first clear of its site on or after its start
 * (its own `cleared_on`, or another entry's): sorted clears and a binary
 * search each, so years of niggles cost n log n, not n x n.
 */
static void index_niggles(co_progress *p, const co_history *h)
{
	site_clear *c = co_xcalloc(h->n_niggles ? h->n_niggles : 1, sizeof(*c));
	size_t n = 0;

	for (size_t i = 0; i < h->n_niggles; i++)
		if (h->niggles[i].site && h->niggles[i].cleared_on)
			c[n++] = (site_clear){h->niggles[i].site, h->niggles[i].cleared_on};
	if (n)
		qsort(c, n, sizeof(*c), cmp_clear);
	for (size_t i = 0; i < h->n_niggles; i++) {
		const co_niggle_log *l = &h->niggles[i];
		niggle_span *sp;
		size_t lo = 0, hi = n;

		if (!l->site || !l->regions)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int k = strcmp(c[mid].site, l->site);

			if (k < 0 || (!k && c[mid].on < l->active_from))
				lo = mid + 1;
			else
				hi = mid;
		}
		sp = CO_VEC_PUSH(p->niggles, p->n_niggles, p->cap_niggles);
		sp->site = l->site;
		sp->regions = l->regions;
		sp->from = l->active_from;
		sp->end = lo < n && !strcmp(c[lo].site, l->site) ? c[lo].on : 0;
	}
	free(c);
}

co_progress *co_progress_index(const co_history *h)
{
	const co_logged_set **sets;
	co_progress *p;
	size_t n = 0;

	if (!h || co_history_empty(h))
		return NULL;
	p = co_xcalloc(1, sizeof(*p));
	p->visits = co_xcalloc(1, sizeof(*p->visits));
	sets = co_xcalloc(h->n_sets ? h->n_sets : 1, sizeof(*sets));
	for (size_t i = 0; i < h->n_sets; i++)
		if (h->sets[i].exercise && (h->sets[i].reps > 0 || h->sets[i].seconds > 0))
			sets[n++] = &h->sets[i];
	if (n)
		qsort(sets, n, sizeof(*sets), cmp_set);
	for (size_t i = 0; i < n; i++) {
		const co_logged_set *s = sets[i];
		co_progress_day *d = p->n_days ? &p->days[p->n_days - 1] : NULL;
		ex_run *r = p->n_runs ? &p->runs[p->n_runs - 1] : NULL;

		if (!r || strcmp(r->exercise, s->exercise) != 0) {
			r = CO_VEC_PUSH(p->runs, p->n_runs, p->cap_runs);
			r->exercise = s->exercise;
			r->from = r->to = p->n_days;
			d = NULL;
		}
		if (!d || d->date != s->date || r->to == r->from) {
			d = CO_VEC_PUSH(p->days, p->n_days, p->cap_days);
			memset(d, 0, sizeof(*d));
			d->date = s->date;
			d->exercise = s->exercise;
			r->to = p->n_days;
		}
		fold(d, s);
	}
	free(sets);
	for (size_t i = 0; i < h->n_tests; i++)
		if (h->tests[i].kind == CO_TEST_REP_MAX && h->tests[i].exercise &&
		    h->tests[i].value > 0 && h->tests[i].reps > 0)
			*CO_VEC_PUSH(p->tests, p->n_tests, p->cap_tests) = &h->tests[i];
	if (p->n_tests) /* qsort(NULL, 0, ...) is undefined */
		qsort(p->tests, p->n_tests, sizeof(*p->tests), cmp_test);
	for (size_t i = 0; i < h->n_sessions; i++)
		if (h->sessions[i].as_planned)
			*CO_VEC_PUSH(p->done, p->n_done, p->cap_done) = h->sessions[i].date;
	if (p->n_done)
		qsort(p->done, p->n_done, sizeof(*p->done), co_date_cmp);
	index_niggles(p, h);
	return p;
}

void co_progress_free(co_progress *p)
{
	if (!p)
		return;
	free(p->days);
	free(p->runs);
	free(p->tests);
	free(p->done);
	free(p->niggles);
	free(p->visits);
	free(p);
}

static const ex_run *find_run(const co_progress *p, const char *exercise)
{
	size_t lo = 0, hi = p->n_runs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->runs[mid].exercise, exercise);

		++*p->visits;
		if (!c)
			return &p->runs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The first day of run r dated on or after d (r->to when none). */
static size_t lower_day(const co_progress *p, const ex_run *r, co_date d)
{
	size_t lo = r->from, hi = r->to;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		++*p->visits;
		if (p->days[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The best e1RM of run r's days in [from, to), 0 when none qualifies. */
static double best_e1rm(const co_progress *p, const ex_run *r, co_date from, co_date to)
{
	double best = 0;

	for (size_t k = lower_day(p, r, from); k < r->to && p->days[k].date < to; k++, ++*p->visits)
		if (p->days[k].e1rm > best)
			best = p->days[k].e1rm;
	return best;
}

/* The latest rep-max test of `exercise` dated before `cutoff`, or NULL. */
static const co_test_result *last_test(const co_progress *p, const char *exercise, co_date cutoff)
{
	size_t lo = 0, hi = p->n_tests;

	/* the first test after (exercise, cutoff - 1) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->tests[mid]->exercise, exercise);

		++*p->visits;
		if (c < 0 || (!c && p->tests[mid]->date < cutoff))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || strcmp(p->tests[lo - 1]->exercise, exercise) != 0)
		return NULL;
	return p->tests[lo - 1];
}

void co_progress_query(const co_progress *p, const char *exercise, co_date cutoff,
		       co_progress_fact *out)
{
	const ex_run *r;
	const co_test_result *t;
	size_t k;

	memset(out, 0, sizeof(*out));
	if (!p || !exercise)
		return;
	r = find_run(p, exercise);
	if (r) {
		k = lower_day(p, r, cutoff);
		if (k > r->from && p->days[k - 1].date >= cutoff - 7 * CO_PROGRESS_RECENT_WEEKS)
			out->last = &p->days[k - 1];
		/* the latest qualifying day, within the e1RM window */
		for (size_t j = k; j-- > r->from &&
				   p->days[j].date >= cutoff - 7 * CO_PROGRESS_E1RM_WEEKS;) {
			++*p->visits;
			if (p->days[j].e1rm > 0) {
				out->e1rm = p->days[j].e1rm;
				out->e1rm_date = p->days[j].date;
				out->e1rm_day = &p->days[j];
				break;
			}
		}
		if (out->e1rm > 0) {
			co_date w = 7 * CO_PROGRESS_STALL_WEEKS;
			double now = best_e1rm(p, r, cutoff - 14, cutoff);
			double then = best_e1rm(p, r, cutoff - w - 14, cutoff - w);

			if (now > 0 && then > 0 && now <= then * 1.005) {
				out->stalled = true;
				out->stall_e1rm = then;
			}
		}
	}
	t = last_test(p, exercise, cutoff);
	if (t && t->date >= cutoff - 7 * CO_PROGRESS_E1RM_WEEKS && t->date >= out->e1rm_date) {
		/* D6: a rep-max is RPE 10 at its reps: it recalibrates */
		out->e1rm = co_e1rm(t->value, t->reps, 10.0);
		out->e1rm_date = t->date;
		out->e1rm_test = true;
		out->test_load = t->value;
		out->test_reps = t->reps;
		out->e1rm_day = NULL;
		out->stalled = false;
	}
}

size_t co_progress_visits(const co_progress *p)
{
	return p ? *p->visits : 0;
}

const co_progress_day *co_progress_before(const co_progress *p, const co_progress_day *d)
{
	/* an exercise's days are contiguous: the one before is its neighbour */
	if (!p || !d || d <= p->days || d >= p->days + p->n_days)
		return NULL;
	return strcmp(d[-1].exercise, d->exercise) == 0 ? d - 1 : NULL;
}

const char *co_progress_niggle(const co_progress *p, unsigned regions, co_date cutoff)
{
	/* active at some point of the week before the cutoff */
	for (size_t i = 0; p && i < p->n_niggles; i++) {
		const niggle_span *n = &p->niggles[i];

		if ((n->regions & regions) && n->from < cutoff && (!n->end || n->end > cutoff - 7))
			return n->site;
	}
	return NULL;
}

size_t co_progress_done_days(const co_progress *p, co_date from, co_date to, const co_date **out)
{
	size_t lo = 0, hi;

	*out = NULL;
	if (!p || !p->n_done)
		return 0;
	hi = p->n_done;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->done[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	hi = lo;
	while (hi < p->n_done && p->done[hi] < to)
		hi++;
	*out = p->done + lo;
	return hi - lo;
}

static double round_down(double load, double step)
{
	return step > 0 ? round(floor(load / step + 1e-9) * step * 1000.0) / 1000.0 : load;
}

int co_progress_wait_weeks(double step, double e1rm)
{
	double week = CO_PROGRESS_WEEK_SHARE * e1rm;

	if (!(step > 0) || !(e1rm > 0) || step <= week + 1e-9)
		return 1;
	return (int)ceil(step / week - 1e-9);
}

double co_progress_next_load(const co_progress_in *in, co_progress_move *move, bool *capped)
{
	double ref = in->ref, step = in->step > 0 ? in->step : 1, next, top;
	double target = in->ref_target > 0 ? in->ref_target : in->rpe;
	double chart = 0;

	*capped = false;
	if (in->e1rm > 0 && in->reps > 0 && in->rpe > 0)
		chart = co_round_load(in->e1rm * co_rpe_percent(in->reps, in->rpe), step);
	/*
	 * D2: at most one step, and at most 5% of e1RM a week, above the last
	 * load. The 5% is a weekly average: a step bigger than that (a light
	 * lift, a big dumbbell jump) goes on once the load has been lifted for
	 * as many weeks as the step takes at 5% a week, so it never waits for
	 * ever.
	 */
	top = ref + step;
	if (in->e1rm > 0 && co_progress_wait_weeks(step, in->e1rm) > 1 &&
	    in->held_weeks < co_progress_wait_weeks(step, in->e1rm)) {
		top = ref;
		*capped = true;
	}
	if (in->tested && chart > 0 && !in->missed && !in->niggle) {
		/*
		 * D6: a rep-max newer than the last logged day recalibrates:
		 * the chart's load at this week's target, never above the
		 * tested load (D2's step counts from the heaviest load lifted,
		 * and the test lifted it).
		 */
		next = chart;
		if (in->test_load > 0 && next > in->test_load)
			next = round_down(in->test_load, step);
		*capped = false;
		*move = CO_PROGRESS_CHART;
		return next;
	}
	if (in->ref_reps > 0 && in->reps > 0 && in->ref_reps != in->reps) {
		/* another dose than last time (a new phase): the chart's load for
		 * it, or the plan's, never above what the last load implies */
		next = chart > 0 && in->e1rm_logged ? chart : in->planned;
		*move = CO_PROGRESS_CHART;
		if (in->missed || in->niggle || in->stalled || (in->ref_rpe > 0 && in->ref_rpe >= target + 1)) {
			double same = in->e1rm > 0 ? co_round_load(in->e1rm * co_rpe_percent(in->reps,
											      in->rpe), step)
						   : next;

			if (next > same)
				next = same;
			*move = CO_PROGRESS_HOLD;
		}
		return next;
	}
	if (in->ref_rpe > 0 && in->ref_rpe >= target + 1) {
		/* never below one step: a bar cannot go lighter than that */
		*move = ref - step >= step - 1e-9 ? CO_PROGRESS_DOWN : CO_PROGRESS_HOLD;
		return *move == CO_PROGRESS_DOWN ? round_down(ref - step, step) : ref;
	}
	if (in->missed || in->niggle || in->stalled) {
		*move = CO_PROGRESS_HOLD;
		return ref;
	}
	if (in->ref_rpe > 0 && in->ref_rpe <= target - 1) {
		*move = top > ref ? CO_PROGRESS_UP : CO_PROGRESS_HOLD;
		return top;
	}
	/* on target (or no RPE given): the plan's progression (C10) or the
	 * chart's load for this week's target, whichever is higher */
	next = chart > in->planned && in->e1rm_logged ? chart : in->planned;
	if (next < ref)
		next = ref; /* D3: on target, repeat at least */
	if (in->e1rm > 0 && co_progress_wait_weeks(step, in->e1rm) > 1 && !*capped &&
	    (!in->e1rm_logged || in->reps <= 0 || in->rpe <= 0 ||
	     co_rpe_implied(in->e1rm, in->reps, ref + step) <= in->rpe + 0.25))
		/* a big step waited its weeks on target: the chart rarely rounds
		 * up to it by itself, so it is taken now (D2 over weeks), unless
		 * your logged e1RM puts it over this week's target RPE */
		next = ref + step;
	if (next > top)
		next = top;
	*move = next > ref + 1e-9 ? CO_PROGRESS_UP : CO_PROGRESS_HOLD;
	return next;
}

int co_progress_next_amount(int planned, int done, int lo, int hi, int unit, bool hold,
			    bool loadable, bool *load_up)
{
	int next;

	*load_up = false;
	if (hold || done <= 0)
		return planned;
	next = done + unit;
	if (next <= hi)
		return next > planned ? next : planned;
	if (loadable) {
		/* the top of the range reached: a step of load, back to the bottom */
		*load_up = true;
		return lo;
	}
	return hi > planned ? hi : planned;
}

/* ---- the log applied to a planned item (season.c's load pass) ---------------- */


/* The item of `ex` planned on day d, in a week before the one being set, or NULL. */
static const co_item *planned_on(const co_plan *plan, co_date d, const co_exercise *ex,
				 const co_week **wk)
{
	const co_week *w;
	long k;

	if (!plan->n_weeks || d < plan->weeks[0].start)
		return NULL;
	k = (d - plan->weeks[0].start) / 7;
	if (k >= (long)plan->n_weeks)
		return NULL;
	w = &plan->weeks[k];
	if (d < w->start || d >= w->start + 7)
		return NULL;
	*wk = w;
	for (size_t s = 0; s < w->n_sessions; s++) {
		if (w->sessions[s].date != d)
			continue;
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < w->sessions[s].blocks[b].n_items; i++)
				if (w->sessions[s].blocks[b].items[i].exercise == ex)
					return &w->sessions[s].blocks[b].items[i];
	}
	return NULL;
}

static int amount_of(const co_item *it)
{
	return it->reps > 0 ? it->reps : it->seconds;
}

/* The load of `ex` in week wk of the plan (its first item), 0 when it has none. */
static double week_load(const co_week *wk, const co_exercise *ex)
{
	for (size_t s = 0; s < wk->n_sessions; s++)
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < wk->sessions[s].blocks[b].n_items; i++)
				if (wk->sessions[s].blocks[b].items[i].exercise == ex)
					return wk->sessions[s].blocks[b].items[i].load;
	return 0;
}

/*
 * D2 over weeks: since when `ex` has been prescribed at `load` in the
 * loading weeks before w (a deload in between neither counts against it
 * nor breaks it). Bounded by CO_PROGRESS_E1RM_WEEKS weeks.
 */
static co_date planned_since(const co_plan *plan, const co_exercise *ex, const co_week *w,
			     double load, co_date since)
{
	long k = plan->n_weeks && w->start >= plan->weeks[0].start
			 ? (w->start - plan->weeks[0].start) / 7 : 0;

	for (long j = k - 1, n = 0; j >= 0 && n < CO_PROGRESS_E1RM_WEEKS; j--, n++) {
		const co_week *wk = &plan->weeks[j];
		double l;

		if (wk->deload)
			continue;
		l = week_load(wk, ex);
		if (!(l > 0) || fabs(l - load) > 1e-9)
			break;
		if (wk->start < since)
			since = wk->start;
	}
	return since;
}

static int weeks_since(co_date since, co_date monday)
{
	return since < monday ? (int)((monday - since + 6) / 7) : 1;
}

/*
 * What the log says about `ex` before week w: its last logged sets, or the
 * last `log done` day whose planned session had it (the prescription, done
 * as written), whichever is later. The prescription of that day comes from
 * the plan itself: its week is before w, so its loads are already final.
 */
void co_progress_gather(co_progress_logged *lg, const co_plan *plan, const co_progress *pr,
		   const co_progress_fact *f, const co_exercise *ex, const co_week *w)
{
	const co_date *dd;
	const co_week *wk = NULL;
	const co_item *pl = NULL;
	const co_progress_day *day;
	size_t n = co_progress_done_days(pr, w->start - 7 * CO_PROGRESS_RECENT_WEEKS, w->start, &dd);

	memset(lg, 0, sizeof(*lg));
	for (size_t k = n; k-- > 0;) {
		if (f->last && dd[k] <= f->last->date)
			break;
		if ((pl = planned_on(plan, dd[k], ex, &wk)) != NULL && !wk->deload) {
			lg->any = lg->as_planned = true;
			lg->date = dd[k];
			lg->load = pl->load;
			lg->reps = pl->reps;
			lg->sets = pl->sets;
			lg->rpe = pl->rpe;
			lg->done = lg->planned = lg->most = amount_of(pl);
			lg->target = pl->rpe;
			lg->same_phase = wk->phase == w->phase;
			lg->held_weeks = weeks_since(planned_since(plan, ex, w, lg->load, dd[k]),
						     w->start);
			return;
		}
	}
	/* a deload's sets say nothing about the loading weeks: the day before it */
	for (day = f->last; day; day = co_progress_before(pr, day)) {
		if (day->date < w->start - 7 * CO_PROGRESS_RECENT_WEEKS - 7) {
			day = NULL;
			break;
		}
		wk = NULL;
		pl = planned_on(plan, day->date, ex, &wk);
		if (!(wk && wk->deload))
			break;
	}
	if (!day)
		return;
	lg->any = true;
	lg->date = day->date;
	lg->load = day->load;
	lg->reps = day->reps;
	lg->sets = day->n_sets;
	lg->rpe = day->rpe;
	lg->done = day->min_reps > 0 ? day->min_reps : day->min_seconds;
	lg->most = day->max_reps > 0 ? day->max_reps : day->max_seconds;
	{
		/* D2 over weeks: the logged days in a row at this load (a
		 * deload's lighter days skipped), at most CO_PROGRESS_E1RM_WEEKS back */
		co_date since = day->date;

		for (const co_progress_day *d = co_progress_before(pr, day);
		     d && d->date >= w->start - 7 * CO_PROGRESS_E1RM_WEEKS; d = co_progress_before(pr, d)) {
			const co_week *dw = NULL;

			++*pr->visits;
			if (fabs(d->load - day->load) <= 1e-9)
				since = d->date;
			else if (!(planned_on(plan, d->date, ex, &dw) && dw->deload))
				break;
		}
		lg->held_weeks = weeks_since(since, w->start);
	}
	if (pl) {
		lg->target = pl->rpe;
		lg->planned = amount_of(pl);
		lg->same_phase = wk->phase == w->phase;
		if (lg->done > 0 && lg->done < lg->planned) {
			lg->missed = true;
			lg->missed_done = lg->done;
			lg->missed_of = lg->planned;
		}
	} else {
		/* logged off the plan: a set that fell short of the others is a miss */
		lg->same_phase = true;
		if (day->min_reps > 0 && day->min_reps < day->max_reps) {
			lg->missed = true;
			lg->missed_done = day->min_reps;
			lg->missed_of = day->max_reps;
		}
	}
}

/* "3x8 @ 60 kg at RPE 7" (or "3x40 s", "as planned ..."), the last logged day. */
static void describe(char *buf, size_t len, const co_progress_logged *lg, const co_profile *p)
{
	char load[32] = "", rpe[24] = "", d[11];

	if (lg->load > 0)
		snprintf(load, sizeof(load), " @ %g %s", lg->load, co_units_name(p->units));
	if (lg->rpe > 0)
		snprintf(rpe, sizeof(rpe), " at RPE %g", lg->rpe);
	if (lg->most > lg->done) /* "3 sets of 7-8" when a set fell short */
		snprintf(buf, len, "%d sets of %d-%d%s%s%s (%s)", lg->sets, lg->done, lg->most,
			 lg->reps > 0 ? "" : " s", load, rpe, co_date_format(lg->date, d));
	else
		snprintf(buf, len, "%s%dx%d%s%s%s (%s)", lg->as_planned ? "done as planned: " : "",
			 lg->sets, lg->reps > 0 ? lg->reps : lg->done, lg->reps > 0 ? "" : " s",
			 load, rpe, co_date_format(lg->date, d));
}

/* Why the load may not rise this week (D1, D3), or NULL. */
static const char *hold_reason(char *buf, size_t len, const co_progress_logged *lg, const char *niggle,
			       const co_progress_fact *f)
{
	char d[11];

	if (lg->missed) {
		snprintf(buf, len, "D1: %d of %d %s on a set on %s", lg->missed_done, lg->missed_of,
			 lg->reps > 0 || lg->done < 5 ? "reps" : "s", co_date_format(lg->date, d));
		return buf;
	}
	if (niggle) {
		snprintf(buf, len, "D1: a niggle (%s) logged in its region", niggle);
		return buf;
	}
	if (f->stalled) {
		snprintf(buf, len, "D3: a stall: e1RM %.0f, no higher than %.0f %d weeks before",
			 f->e1rm, f->stall_e1rm, CO_PROGRESS_STALL_WEEKS);
		return buf;
	}
	return NULL;
}

/* D6: the e1RM a rep-max test gives, said once on the item that uses it. */
void co_progress_test_note(co_item *it, const co_progress_fact *f, const co_profile *p)
{
	char d[11];

	if (f->e1rm_test)
		co_item_note_add(it, "D6: e1RM %.0f from your %dRM of %g %s on %s", f->e1rm,
				 f->test_reps, f->test_load, co_units_name(p->units),
				 co_date_format(f->e1rm_date, d));
}

/*
 * D1-D3: the load of a loaded main lift from its last logged day. Returns
 * the load and writes the note (its figures and rule ids) into `note`. A
 * timed item (a carry, a weighted hold) has no chart to read: it moves by
 * seconds within its range, then a load step, as an accessory (D3).
 */
double co_progress_steer_main(co_item *it, double planned, double e1, const co_progress_fact *f,
			 const co_progress_logged *lg, const char *niggle, double step, const co_profile *p,
			 char *note, size_t len)
{
	bool tested = f->e1rm_test && f->e1rm_date >= lg->date;
	co_progress_in in = {.planned = planned, .e1rm = e1, .e1rm_logged = f->e1rm > 0,
			     .reps = it->reps, .rpe = it->rpe, .step = step, .ref = lg->load,
			     .ref_reps = lg->reps, .ref_rpe = lg->rpe, .ref_target = lg->target,
			     .missed = lg->missed, .niggle = niggle != NULL, .stalled = f->stalled,
			     .held_weeks = lg->held_weeks, .tested = tested,
			     .test_load = tested ? f->test_load : 0};
	co_progress_move mv;
	bool capped;
	double next;
	char last[96], e1s[40] = "", why[160];
	const char *u = co_units_name(p->units);
	const char *hold = hold_reason(why, sizeof(why), lg, niggle, f);
	int wait = co_progress_wait_weeks(step, e1);

	if (it->reps <= 0 && it->seconds > 0) {
		it->load = planned;
		if (!lg->same_phase && lg->load > 0 && !hold) {
			/* a main carry keeps what it carried into the new phase's time */
			it->load = lg->load;
			describe(last, sizeof(last), lg, p);
			snprintf(note, len, "D3: the new phase's time at your last load; your last %s",
				 last);
			return it->load;
		}
		co_progress_steer_accessory(it, lg, niggle, step, p, note, len);
		return it->load;
	}
	next = co_progress_next_load(&in, &mv, &capped);
	describe(last, sizeof(last), lg, p);
	if (f->e1rm > 0)
		snprintf(e1s, sizeof(e1s), " (e1RM %.0f)", f->e1rm);
	/* the RPE label is the chart's, set after this (season.c): the notes
	 * give loads and reps, not an RPE that could disagree with it */
	if (mv == CO_PROGRESS_CHART && tested)
		snprintf(note, len, "D6: %g %s for %d reps, the chart's load at this week's target "
			 "from your tested e1RM %.0f (no heavier than the test's %g %s); your "
			 "last %s", next, u, it->reps, f->e1rm, f->test_load, u, last);
	else if (mv == CO_PROGRESS_DOWN)
		snprintf(note, len, "D3: from your last %s, %g over the target RPE %g%s: %g %s "
			 "(-1 step)", last, lg->rpe - (lg->target > 0 ? lg->target : it->rpe),
			 lg->target > 0 ? lg->target : it->rpe, e1s, next, u);
	else if (mv == CO_PROGRESS_HOLD && hold && fabs(next - lg->load) > 1e-9)
		/* a new dose (other reps): the chart's load as the e1RM stands, no rise */
		snprintf(note, len, "%s: %g %s for %d reps, from your e1RM as it stands (no rise); "
			 "your last %s", hold, next, u, it->reps, last);
	else if (mv == CO_PROGRESS_HOLD && hold)
		snprintf(note, len, "%s: held at %g %s; your last %s", hold, next, u, last);
	else if (mv == CO_PROGRESS_UP && wait > 1)
		snprintf(note, len, "D2: from your last %s%s: %g %s (+%g) after %d weeks at %g %s: "
			 "one step (%g) is more than 5%% of e1RM %.0f, so it waits %d weeks (5%% a "
			 "week on average)", last, e1s, next, u, next - lg->load, lg->held_weeks,
			 lg->load, u, step, e1, wait);
	else if (mv == CO_PROGRESS_UP)
		snprintf(note, len, "D2: from your last %s%s: %g %s (+%g, one step at most)", last,
			 e1s, next, u, next - lg->load);
	else if (capped && mv == CO_PROGRESS_HOLD)
		snprintf(note, len, "D2: held at %g %s for week %d of %d: one step (%g) is more than "
			 "5%% of e1RM %.0f, so it goes on after %d weeks at this load (5%% a week "
			 "on average); your last %s", next, u, lg->held_weeks, wait, step, e1, wait,
			 last);
	else if (mv == CO_PROGRESS_HOLD && wait > 1 && f->e1rm > 0 && it->reps > 0 && it->rpe > 0)
		snprintf(note, len, "D3: on target: held at %g %s: one step (%g) more would be RPE %g "
			 "for %d reps by your e1RM %.0f, over this week's target; an RPE a point "
			 "under target moves it; your last %s", next, u, step,
			 co_rpe_implied(e1, it->reps, next + step), it->reps, e1, last);
	else if (mv == CO_PROGRESS_HOLD)
		snprintf(note, len, "D3: %s: %g %s again, where the plan's progression (C10) "
			 "has it this week; your last %s", lg->rpe > 0 || lg->as_planned ? "on target"
			 : "no RPE logged", next, u, last);
	else if (f->e1rm > 0)
		snprintf(note, len, "D3: %g %s for %d reps, the chart's load at this week's target "
			 "from your e1RM %.0f; your last %s", next, u, it->reps, f->e1rm, last);
	else
		snprintf(note, len, "D3: %g %s for %d reps, the plan's load for the new dose; your "
			 "last %s", next, u, it->reps, last);
	return next;
}

/*
 * D3, D5: an accessory from its last logged day: a rep (or 5 s of hold) more
 * within its range, then a load step back at the bottom of the range; held
 * after a miss, a niggle in its region or an RPE a point over target. A new
 * phase's dose stands (its load no higher than the last one).
 */
void co_progress_steer_accessory(co_item *it, const co_progress_logged *lg, const char *niggle, double step,
			    const co_profile *p, char *note, size_t len)
{
	int lo, hi, cur = amount_of(it), next, base;
	bool hold, up = false, secs = it->reps <= 0;
	char last[96], why[160];
	const char *u = co_units_name(p->units);
	co_progress_fact none = {0};
	const char *hr = hold_reason(why, sizeof(why), lg, niggle, &none);

	describe(last, sizeof(last), lg, p);
	if (!lg->same_phase) {
		if (it->load > 0 && lg->load > 0 && it->load > lg->load) {
			it->load = lg->load;
			snprintf(note, len, "D5: the new phase's dose at your last load; your last %s",
				 last);
		}
		return;
	}
	hold = hr || (lg->rpe > 0 && lg->target > 0 && lg->rpe >= lg->target + 1);
	co_prescribe_range(it->exercise, &lo, &hi);
	/*
	 * After a load step back to the bottom of the range, the reps (or
	 * seconds) climb from that bottom again, a unit a week: the plan's
	 * own dose is higher only because the log moved the last one down.
	 */
	base = it->load > 0 && lg->load > 0 && lg->planned > 0 && lg->planned < cur ? lg->planned
										 : cur;
	next = co_progress_next_amount(base, lg->done, lo, hi, secs ? 5 : 1, hold,
				       it->load > 0 && lg->load > 0, &up);
	if (secs)
		it->seconds = next;
	else
		it->reps = next;
	if (it->load > 0 && lg->load > 0)
		it->load = up ? lg->load + step : lg->load;
	if (hold)
		snprintf(note, len, "%s: held at %d%s; your last %s",
			 hr ? hr : "D3: an RPE a point over target", next, secs ? " s" : " reps",
			 last);
	else if (up)
		snprintf(note, len, "D3: the top of its range (%d) reached: %g %s (+1 step), back "
			 "to %d%s; your last %s", hi, it->load, u, next, secs ? " s" : " reps", last);
	else if (next != cur)
		snprintf(note, len, "D3: %d%s (%+d within %d-%d) from your last %s", next,
			 secs ? " s" : " reps", next - lg->done, lo, hi, last);
}

/*
 * Cut the note segment that starts with `prefix` (at the note's start or
 * after a "; " separator) out of an item's note, with one separator. The
 * segment ends after `tail` when given (a segment with "; " inside it, as
 * A9's "...; adjust to the RPE"), else at the next "; ".
 */
void co_progress_drop_note(co_item *it, const char *prefix, const char *tail)
{
	char *at = it->note, *end;

	while (at && (at = strstr(at, prefix)) && at != it->note && strncmp(at - 2, "; ", 2))
		at += strlen(prefix);
	if (!at)
		return;
	end = tail ? strstr(at, tail) : NULL;
	end = end ? end + strlen(tail) : strstr(at, "; ");
	if (!end)
		end = at + strlen(at);
	if (!strncmp(end, "; ", 2))
		memmove(at, end + 2, strlen(end + 2) + 1);
	else if (*end)
		memmove(at, end, strlen(end) + 1);
	else if (at >= it->note + 2)
		at[-2] = '\0';
	else
		*at = '\0';
	if (!*it->note) {
		free(it->note);
		it->note = NULL;
	}
}

/* Cut the "choose a load ..." sentence (prescribe.c) out of an item's note. */
void co_progress_drop_choose(co_item *it)
{
	co_progress_drop_note(it, "choose a load", NULL);
}
