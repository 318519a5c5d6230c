/*
 * The charts of the HTML report (report.h co_report_chart_*), each a
 * <figure> holding one <svg> drawn with the kit of svg.c, and a caption
 * saying how to read it. The web dashboard draws the same functions.
 *
 * What each chart is drawn from:
 *   timeline    the plan: phases, deload weeks, baseline tests, races, today;
 *   load        the load series' sessions (session RPE x minutes, or TRIMP
 *               for a run without RPE) summed per Monday-to-Sunday week,
 *               lifting at the bottom of each bar and running on top;
 *   fitness     CTL, ATL and TSB of the load series, one point a week (the
 *               Sunday, or today for the running week);
 *   e1rm        the best e1RM of the day of each main lift (a compound of the
 *               catalogue counted in reps, not ballistic: A1), from logged
 *               working sets with a load at RPE 7 or more and 1-12 reps
 *               (lighter sets say too little about a maximum), for the six
 *               lifts logged on most days;
 *   threshold   threshold-pace tests and runs of type threshold (their mean
 *               pace), with a trailing 6-week mean;
 *   efficiency  the efficiency factor (mean speed in m/min / mean heart rate)
 *               of easy and recovery runs with distance and heart rate, with
 *               a trailing 6-week mean;
 *   effect      the lift-to-run effects handed in (co_report_effect), each
 *               with its 95% interval, one axis per unit.
 * Only what happened up to the report's date is drawn. A chart with nothing
 * to draw says what is missing and how to get it. Work is O(n log n) in the
 * history (sorting the points), memory linear.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/history.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "util/strbuf.h"

#define W 720.0
#define H 320.0
#define TREND_DAYS 42
#define E1RM_LIFTS 6
#define E1RM_MIN_RPE 7.0
#define E1RM_MAX_REPS 12
#define EFFECTS_MAX 64 /* rows of the effect chart: grouping by unit stays linear-bounded */

static void figure_open(co_strbuf *out, const char *id)
{
	co_strbuf_addf(out, "<figure class=\"chart\" id=\"%s\">\n", id);
}

static void figure_close(co_strbuf *out, const char *caption)
{
	if (caption && *caption) {
		co_strbuf_adds(out, "<figcaption>");
		co_report_escape(out, caption);
		co_strbuf_adds(out, "</figcaption>\n");
	}
	co_strbuf_adds(out, "</figure>\n");
}

static const char *day(co_date d, char buf[11])
{
	return co_date_format(d, buf);
}

/* A point of a dated series: x a date, y a value, the text of its title. */
typedef struct pt {
	co_date date;
	double y;
	int group;     /* which line it belongs to (lift index, kind) */
	const char *name;
	char title[160];
} pt;

static int cmp_pt(const void *a, const void *b)
{
	const pt *p = a, *q = b;

	if (p->group != q->group)
		return p->group < q->group ? -1 : 1;
	return (p->date > q->date) - (p->date < q->date);
}

/* The trailing mean over TREND_DAYS of points [0, n) of one group, sorted by date. */
static void trend(double *xs, double *ys, const pt *p, size_t n)
{
	double sum = 0;
	size_t lo = 0;

	for (size_t i = 0; i < n; i++) {
		sum += p[i].y;
		while (p[lo].date <= p[i].date - TREND_DAYS)
			sum -= p[lo++].y;
		xs[i] = p[i].date;
		ys[i] = sum / (double)(i - lo + 1);
	}
}

static void y_extent(const pt *p, size_t n, double *lo, double *hi)
{
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || p[i].y < *lo)
			*lo = p[i].y;
		if (i == 0 || p[i].y > *hi)
			*hi = p[i].y;
	}
}

static co_date history_first(const co_report_data *d)
{
	if (d->series && d->series->n)
		return d->series->days[0].date;
	return d->today;
}

/* ---- the season timeline ------------------------------------------------------ */

void co_report_chart_timeline(co_strbuf *out, const co_report_data *d)
{
	const co_plan *p = d->plan;
	static const char *const lanes[] = {"races", "tests", "deloads", "phases"};
	co_svg_chart c;
	char a[11], b[11], t[256];

	figure_open(out, "timeline");
	co_svg_begin(&c, out, W, 230, "Season timeline");
	if (!p || !p->n_weeks) {
		co_svg_empty(&c, "No plan: store a profile (carryover plan PROFILE)");
		co_svg_end(&c);
		figure_close(out, NULL);
		return;
	}
	co_date start = p->start, end = p->weeks[p->n_weeks - 1].start + 7;

	c.px0 = 70;
	co_svg_range_x(&c, start, end, true);
	c.y_lo = 0;
	c.y_hi = 4;
	co_svg_axis_x(&c, "date (weeks of the plan, Monday to Sunday)");
	for (int i = 0; i < 4; i++)
		co_svg_text(&c, c.px0 - 6, co_svg_y(&c, i + 0.5) + 4, "end", "tl", lanes[i]);
	for (size_t w = 0; w < p->n_weeks;) {
		size_t e = w;

		while (e + 1 < p->n_weeks && p->weeks[e + 1].phase == p->weeks[w].phase)
			e++;
		const char *ph = co_report_phase_word(p->weeks[w].phase);
		co_date s0 = p->weeks[w].start, s1 = p->weeks[e].start + 7;
		char cls[32];

		if (e > w)
			snprintf(t, sizeof(t), "%s: weeks %d-%d, %s to %s", ph, p->weeks[w].index,
				 p->weeks[e].index, day(s0, a), day(s1 - 1, b));
		else
			snprintf(t, sizeof(t), "%s: week %d, %s to %s", ph, p->weeks[w].index,
				 day(s0, a), day(s1 - 1, b));
		snprintf(cls, sizeof(cls), "ph ph-%s", co_phase_name(p->weeks[w].phase));
		co_svg_rect(&c, s0, s1, 3.1, 3.9, cls, t);
		if (co_svg_x(&c, s1) - co_svg_x(&c, s0) > 8 * strlen(ph))
			co_svg_text(&c, (co_svg_x(&c, s0) + co_svg_x(&c, s1)) / 2,
				    co_svg_y(&c, 3.5) + 4, "middle", "pl", ph);
		w = e + 1;
	}
	for (size_t w = 0; w < p->n_weeks; w++) {
		const co_week *wk = &p->weeks[w];

		if (wk->deload) {
			snprintf(t, sizeof(t), "week %d (%s): deload, lighter lifting", wk->index,
				 day(wk->start, a));
			co_svg_rect(&c, wk->start + 0.5, wk->start + 6.5, 2.2, 2.8, "dl", t);
		}
		for (size_t i = 0; i < wk->n_tests; i++) {
			snprintf(t, sizeof(t), "%s: baseline test, %s", day(wk->tests[i].date, a),
				 co_report_test_word(wk->tests[i].kind));
			co_svg_point(&c, wk->tests[i].date + 0.5, 1.5, "ts", t);
		}
	}
	for (size_t i = 0; i < p->n_races; i++) {
		const co_race *r = &p->races[i];
		co_strbuf rt = CO_STRBUF_INIT;

		co_strbuf_addf(&rt, "%s: %s (", day(r->date, a), r->name ? r->name : "race");
		co_report_add_distance(&rt, r->distance_km, p->distance_units);
		co_strbuf_addf(&rt, ", %s race)", co_report_priority_word(r->priority));
		co_svg_point(&c, r->date + 0.5, 0.5, "rc", rt.buf);
		co_strbuf_release(&rt);
	}
	if (d->today >= start && d->today <= end) {
		co_svg_segment(&c, d->today + 0.5, 0, d->today + 0.5, 4, "now");
		co_svg_text(&c, co_svg_x(&c, d->today + 0.5), c.py0 - 4, "middle", "nl", "today");
	}
	co_svg_end(&c);
	snprintf(t, sizeof(t), "%zu weeks from %s to %s. Hover a band, a test or a race for its dates.",
		 p->n_weeks, day(start, a), day(end - 1, b));
	figure_close(out, t);
}

/* ---- weekly load --------------------------------------------------------------- */

void co_report_chart_load(co_strbuf *out, const co_report_data *d)
{
	const co_load_series *s = d->series;
	co_svg_chart c;
	size_t trimp = 0;
	char a[11], t[200];

	figure_open(out, "load");
	co_svg_begin(&c, out, W, H, "Weekly load: running and lifting");
	if (!s || !s->n || !s->n_sessions || s->sessions[0].date > d->today) {
		co_svg_empty(&c, "Nothing logged yet: log runs and sessions, or import activities");
		co_svg_end(&c);
		figure_close(out, "Each bar is a week's load (session RPE x minutes), lifting below "
				  "running. It appears once something is logged.");
		return;
	}
	co_date first = co_date_monday(s->days[0].date), last = co_date_monday(d->today);
	size_t nw = (size_t)(last - first) / 7 + 1;
	double *run = co_xcalloc(nw, sizeof(*run)), *lift = co_xcalloc(nw, sizeof(*lift)), hi = 0;

	for (size_t i = 0; i < s->n_sessions; i++) {
		const co_session_load *l = &s->sessions[i];

		if (l->date > d->today || l->date < first)
			continue;
		size_t w = (size_t)(co_date_monday(l->date) - first) / 7;

		if (l->run)
			run[w] += l->load;
		else
			lift[w] += l->load;
		trimp += l->method == CO_LOAD_TRIMP;
	}
	for (size_t w = 0; w < nw; w++)
		hi = run[w] + lift[w] > hi ? run[w] + lift[w] : hi;
	static const char *const names[] = {"lifting", "running"}, *const cls[] = {"lift", "run"};

	co_svg_legend(&c, names, cls, 2);
	co_svg_range_x(&c, first, last + 7, true);
	co_svg_range_y(&c, 0, hi > 0 ? hi : 1, 6);
	co_svg_axis_y(&c, "load per week (RPE x min)");
	co_svg_axis_x(&c, "week");
	double gap = nw > 60 ? 0.5 : 1;

	for (size_t w = 0; w < nw; w++) {
		co_date ws = first + (co_date)(7 * w);

		if (run[w] + lift[w] <= 0)
			continue;
		snprintf(t, sizeof(t), "week of %s: lifting %.0f, running %.0f, total %.0f",
			 day(ws, a), lift[w], run[w], lift[w] + run[w]);
		if (lift[w] > 0)
			co_svg_rect(&c, ws + gap, ws + 7 - gap, 0, lift[w], "lift", t);
		if (run[w] > 0)
			co_svg_rect(&c, ws + gap, ws + 7 - gap, lift[w], lift[w] + run[w], "run", t);
	}
	co_svg_end(&c);
	free(run);
	free(lift);
	if (trimp)
		snprintf(t, sizeof(t), "Load is session RPE x minutes; %zu run%s without an RPE "
			 "counted by heart rate (TRIMP), a different scale.", trimp, trimp == 1 ? "" : "s");
	else
		snprintf(t, sizeof(t), "Load is session RPE x minutes (Foster), summed Monday to Sunday.");
	figure_close(out, t);
}

/* ---- CTL / ATL / TSB ----------------------------------------------------------- */

void co_report_chart_fitness(co_strbuf *out, const co_report_data *d)
{
	const co_load_series *s = d->series;
	co_svg_chart c;
	char a[11], t[200];

	figure_open(out, "fitness");
	co_svg_begin(&c, out, W, H, "Fitness, fatigue and form (CTL, ATL, TSB)");
	if (!s || !s->n) {
		co_svg_empty(&c, "Nothing logged yet: no load to average");
		co_svg_end(&c);
		figure_close(out, "Fitness (CTL) is the 42-day average of daily load, fatigue (ATL) "
				  "the 7-day one, form (TSB) yesterday's fitness minus fatigue.");
		return;
	}
	/* one sample a week: each Sunday, and the last day */
	size_t n = 0;
	double *x = co_xcalloc(s->n / 7 + 2, sizeof(*x)), *ctl = co_xcalloc(s->n / 7 + 2, sizeof(*x));
	double *atl = co_xcalloc(s->n / 7 + 2, sizeof(*x)), *tsb = co_xcalloc(s->n / 7 + 2, sizeof(*x));
	double lo = 0, hi = 0;
	size_t *idx = co_xcalloc(s->n / 7 + 2, sizeof(*idx));

	for (size_t i = 0; i < s->n; i++) {
		if (co_date_weekday(s->days[i].date) != CO_SUN && i + 1 != s->n)
			continue;
		idx[n] = i;
		x[n] = s->days[i].date + 0.5;
		ctl[n] = s->days[i].ctl;
		atl[n] = s->days[i].atl;
		tsb[n] = s->days[i].tsb;
		double m[3] = {ctl[n], atl[n], tsb[n]};

		for (int k = 0; k < 3; k++) {
			lo = m[k] < lo ? m[k] : lo;
			hi = m[k] > hi ? m[k] : hi;
		}
		n++;
	}
	static const char *const names[] = {"fitness (CTL)", "fatigue (ATL)", "form (TSB)"};
	static const char *const cls[] = {"ctl", "atl", "tsb"};

	co_svg_legend(&c, names, cls, 3);
	co_svg_range_x(&c, s->days[0].date, s->days[s->n - 1].date + 1, true);
	co_svg_range_y(&c, lo, hi, 7);
	co_svg_axis_y(&c, "load per day (RPE x min)");
	co_svg_axis_x(&c, "date");
	co_svg_line(&c, x, ctl, n, "ctl");
	co_svg_line(&c, x, atl, n, "atl");
	co_svg_line(&c, x, tsb, n, "tsb");
	for (size_t i = 0; i < n; i++) {
		const co_load_day *ld = &s->days[idx[i]];

		snprintf(t, sizeof(t), "%s: fitness (CTL) %.1f, fatigue (ATL) %.1f, form (TSB) %.1f",
			 day(ld->date, a), ld->ctl, ld->atl, ld->tsb);
		co_svg_point(&c, x[i], ctl[i], "ctl", t);
		co_svg_point(&c, x[i], atl[i], "atl", t);
		co_svg_point(&c, x[i], tsb[i], "tsb", t);
	}
	co_svg_end(&c);
	free(x);
	free(ctl);
	free(atl);
	free(tsb);
	free(idx);
	figure_close(out, "One point a week (Sunday). Fitness is the 42-day average of daily load, "
			  "fatigue the 7-day one; form below zero means more fatigue than fitness.");
}

/* ---- e1RM per main lift ------------------------------------------------------ */

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void co_report_chart_e1rm(co_strbuf *out, const co_report_data *d)
{
	const co_history *h = d->history;
	const char *units = co_report_units_word(d->plan ? d->plan->units : CO_UNITS_KG);
	co_svg_chart c;
	pt *p = NULL;
	size_t n = 0;
	char a[11], label[64];

	figure_open(out, "e1rm");
	co_svg_begin(&c, out, W, H, "Estimated 1-rep max (e1RM) per main lift");
	const co_catalog *cat = co_catalog_default();
	/* the qualifying sets, as (exercise, date, e1RM) */
	const char **ids = NULL;
	size_t nid = 0;

	if (h && h->n_sets) {
		p = co_xcalloc(h->n_sets, sizeof(*p));
		ids = co_xcalloc(h->n_sets, sizeof(*ids));
	}
	for (size_t i = 0; h && i < h->n_sets; i++) {
		const co_logged_set *st = &h->sets[i];

		const co_exercise *ex;

		if (st->date > d->today || !st->exercise || st->load <= 0 || st->reps < 1 ||
		    st->reps > E1RM_MAX_REPS || st->rpe < E1RM_MIN_RPE || st->rpe > 10)
			continue;
		/* a main lift (A1): a compound, loaded, counted in reps, not ballistic */
		ex = co_catalog_find(cat, st->exercise);
		if (!ex || !ex->compound || ex->ballistic || ex->dose != CO_DOSE_REPS)
			continue;
		p[n].date = st->date;
		p[n].y = co_e1rm(st->load, st->reps, st->rpe);
		p[n].name = st->exercise;
		snprintf(p[n].title, sizeof(p[n].title), "%g %s x %d @ RPE %g", st->load, units,
			 st->reps, st->rpe);
		ids[nid++] = st->exercise;
		n++;
	}
	/* the lifts, by the number of days they were done, most first */
	if (nid)
		qsort(ids, nid, sizeof(*ids), cmp_str_ptr);
	typedef struct lift {
		const char *id;
		size_t count;
	} lift;
	lift top[E1RM_LIFTS];
	size_t ntop = 0;

	for (size_t i = 0; i < nid;) {
		size_t j = i;

		while (j < nid && !strcmp(ids[j], ids[i]))
			j++;
		lift l = {ids[i], j - i};
		size_t k = ntop < E1RM_LIFTS ? ntop++ : E1RM_LIFTS;

		/* insertion into the top list; equal counts keep the id order */
		while (k > 0 && top[k - 1].count < l.count) {
			if (k < E1RM_LIFTS)
				top[k] = top[k - 1];
			k--;
		}
		if (k < E1RM_LIFTS)
			top[k] = l;
		i = j;
	}
	/* keep only the top lifts' points, grouped by lift */
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < ntop; k++)
			if (!strcmp(p[i].name, top[k].id)) {
				p[m] = p[i];
				p[m++].group = (int)k;
				break;
			}
	n = m;
	if (n)
		qsort(p, n, sizeof(*p), cmp_pt);
	/* the best e1RM of each day of each lift */
	m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && p[m - 1].group == p[i].group && p[m - 1].date == p[i].date) {
			if (p[i].y > p[m - 1].y)
				p[m - 1] = p[i];
			continue;
		}
		p[m++] = p[i];
	}
	n = m;
	if (!n) {
		co_svg_empty(&c, "No loaded working sets at RPE 7 or more logged yet");
		co_svg_end(&c);
		figure_close(out, "e1RM comes from sets logged with a load, 1 to 12 reps and an RPE of 7 "
				  "or more ('carryover log rdl 3x8@60 rpe 8').");
		free(p);
		free(ids);
		return;
	}
	double lo = 0, hi = 0, *xs = co_xcalloc(n, sizeof(*xs)), *ys = co_xcalloc(n, sizeof(*ys));
	const char *names[E1RM_LIFTS], *cls[E1RM_LIFTS];
	static const char *const lift_cls[E1RM_LIFTS] = {"l0", "l1", "l2", "l3", "l4", "l5"};

	y_extent(p, n, &lo, &hi);
	for (size_t k = 0; k < ntop; k++) {
		const co_exercise *e = co_catalog_find(cat, top[k].id);

		names[k] = e ? e->name : top[k].id;
		cls[k] = lift_cls[k];
	}
	co_svg_legend(&c, names, cls, ntop);
	co_svg_range_x(&c, history_first(d) < p[0].date ? history_first(d) : p[0].date,
		       d->today + 1, true);
	for (size_t i = 0; i < n; i++)
		if (p[i].date < c.x_lo)
			c.x_lo = p[i].date;
	co_svg_range_y(&c, lo * 0.9, hi * 1.05, 6);
	snprintf(label, sizeof(label), "e1RM (%s)", units);
	co_svg_axis_y(&c, label);
	co_svg_axis_x(&c, "date");
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && p[j].group == p[i].group) {
			xs[j] = p[j].date + 0.5;
			ys[j] = p[j].y;
			j++;
		}
		co_svg_line(&c, xs + i, ys + i, j - i, lift_cls[p[i].group]);
		for (size_t k = i; k < j; k++) {
			char t[256];

			snprintf(t, sizeof(t), "%s, %s: e1RM %.1f %s (%s)", names[p[k].group],
				 day(p[k].date, a), p[k].y, units, p[k].title);
			co_svg_point(&c, xs[k], ys[k], lift_cls[p[k].group], t);
		}
		i = j;
	}
	co_svg_end(&c);
	free(xs);
	free(ys);
	free(p);
	free(ids);
	figure_close(out, "The best e1RM of each day (Tuchscherer's RPE chart) from sets at RPE 7 or "
			  "more and 1 to 12 reps, for the lifts logged most often.");
}

/* ---- threshold pace ------------------------------------------------------------ */

static void pace_title(char *buf, size_t n, const char *what, co_date dt, double s_per_km,
		       co_distance_units u)
{
	co_strbuf sb = CO_STRBUF_INIT;
	char a[11];

	co_strbuf_addf(&sb, "%s: %s, ", day(dt, a), what);
	co_report_add_pace(&sb, s_per_km, u);
	snprintf(buf, n, "%s", sb.buf);
	co_strbuf_release(&sb);
}

void co_report_chart_threshold(co_strbuf *out, const co_report_data *d)
{
	const co_history *h = d->history;
	co_distance_units u = d->plan ? d->plan->distance_units : CO_DIST_KM;
	double f = u == CO_DIST_MI ? CO_KM_PER_MILE : 1;
	co_svg_chart c;
	pt *p = NULL;
	size_t n = 0, ntests = 0;
	char label[64];

	figure_open(out, "threshold");
	co_svg_begin(&c, out, W, H, "Threshold pace");
	c.y_flip = true;
	c.y_format = CO_SVG_CLOCK;
	if (h)
		p = co_xcalloc(h->n_tests + h->n_runs + 1, sizeof(*p));
	for (size_t i = 0; h && i < h->n_tests; i++) {
		const co_test_result *t = &h->tests[i];

		if (t->kind != CO_TEST_THRESHOLD_RUN || t->value <= 0 || t->value >= 3600 ||
		    t->date > d->today)
			continue;
		p[n].date = t->date;
		p[n].y = t->value * f;
		p[n].group = 0;
		pace_title(p[n].title, sizeof(p[n].title), "threshold test", t->date, t->value, u);
		n++;
		ntests++;
	}
	for (size_t i = 0; h && i < h->n_runs; i++) {
		const co_logged_run *r = &h->runs[i];
		double pace;

		if (r->type != CO_RUN_THRESHOLD || r->distance_km <= 0 || r->minutes <= 0 ||
		    r->date > d->today)
			continue;
		pace = r->minutes * 60.0 / r->distance_km;
		if (pace >= 3600)
			continue;
		p[n].date = r->date;
		p[n].y = pace * f;
		p[n].group = 1;
		pace_title(p[n].title, sizeof(p[n].title), "threshold run, mean pace", r->date, pace, u);
		n++;
	}
	if (!n) {
		co_svg_empty(&c, "No threshold test or threshold run logged yet");
		co_svg_end(&c);
		figure_close(out, "Log a threshold test ('carryover log test threshold 4:30') or import "
				  "runs with their distance to see threshold pace over time.");
		free(p);
		return;
	}
	qsort(p, n, sizeof(*p), cmp_pt);
	double lo = 0, hi = 0, *xs = co_xcalloc(n, sizeof(*xs)), *ys = co_xcalloc(n, sizeof(*ys));
	pt *all = co_xcalloc(n, sizeof(*all));

	y_extent(p, n, &lo, &hi);
	memcpy(all, p, n * sizeof(*p));
	for (size_t i = 0; i < n; i++)
		all[i].group = 0;
	qsort(all, n, sizeof(*all), cmp_pt);
	trend(xs, ys, all, n);
	for (size_t i = 0; i < n; i++)
		xs[i] += 0.5;
	static const char *const names[] = {"test", "threshold run", "6-week mean"};
	static const char *const cls[] = {"ts", "tr", "trend"};

	co_svg_legend(&c, names, cls, 3);
	co_svg_range_x(&c, history_first(d) < all[0].date ? history_first(d) : all[0].date,
		       d->today + 1, true);
	co_svg_range_y(&c, lo - 5, hi + 5, 6);
	snprintf(label, sizeof(label), "pace (min/%s), faster up", u == CO_DIST_MI ? "mi" : "km");
	co_svg_axis_y(&c, label);
	co_svg_axis_x(&c, "date");
	co_svg_line(&c, xs, ys, n, "trend");
	for (size_t i = 0; i < n; i++)
		co_svg_point(&c, p[i].date + 0.5, p[i].y, p[i].group ? "tr" : "ts", p[i].title);
	co_svg_end(&c);
	free(xs);
	free(ys);
	free(all);
	free(p);
	snprintf(label, sizeof(label), "%zu test%s, %zu threshold run%s.", ntests,
		 ntests == 1 ? "" : "s", n - ntests, n - ntests == 1 ? "" : "s");
	co_strbuf cap = CO_STRBUF_INIT;

	co_strbuf_addf(&cap, "%s Faster is higher; the line is the mean of the 6 weeks up to each "
			     "point.", label);
	figure_close(out, cap.buf);
	co_strbuf_release(&cap);
}

/* ---- efficiency of easy runs --------------------------------------------------- */

void co_report_chart_efficiency(co_strbuf *out, const co_report_data *d)
{
	const co_history *h = d->history;
	co_distance_units u = d->plan ? d->plan->distance_units : CO_DIST_KM;
	co_svg_chart c;
	pt *p = NULL;
	size_t n = 0;
	char a[11];

	figure_open(out, "efficiency");
	co_svg_begin(&c, out, W, H, "Efficiency of easy runs");
	if (h)
		p = co_xcalloc(h->n_runs + 1, sizeof(*p));
	for (size_t i = 0; h && i < h->n_runs; i++) {
		const co_logged_run *r = &h->runs[i];
		co_strbuf sb = CO_STRBUF_INIT;

		if ((r->type != CO_RUN_EASY && r->type != CO_RUN_RECOVERY) || r->distance_km <= 0 ||
		    r->minutes < 10 || r->avg_hr < 60 || r->avg_hr > 230 || r->date > d->today)
			continue;
		p[n].date = r->date;
		p[n].y = r->distance_km * 1000 / r->minutes / r->avg_hr;
		co_strbuf_addf(&sb, "%s: %s run, ", day(r->date, a), co_report_run_word(r->type));
		co_report_add_distance(&sb, r->distance_km, u);
		co_strbuf_addf(&sb, " in %d min at %d bpm: EF %.3f", r->minutes, r->avg_hr, p[n].y);
		snprintf(p[n].title, sizeof(p[n].title), "%s", sb.buf);
		co_strbuf_release(&sb);
		n++;
	}
	if (!n) {
		co_svg_empty(&c, "No easy run with distance and heart rate yet");
		co_svg_end(&c);
		figure_close(out, "The efficiency factor (speed per heartbeat) of easy runs appears once "
				  "runs with a heart rate are imported from a watch.");
		free(p);
		return;
	}
	qsort(p, n, sizeof(*p), cmp_pt);
	double lo = 0, hi = 0, *xs = co_xcalloc(n, sizeof(*xs)), *ys = co_xcalloc(n, sizeof(*ys));

	y_extent(p, n, &lo, &hi);
	trend(xs, ys, p, n);
	for (size_t i = 0; i < n; i++)
		xs[i] += 0.5;
	static const char *const names[] = {"easy run", "6-week mean"};
	static const char *const cls[] = {"ef", "trend"};

	co_svg_legend(&c, names, cls, 2);
	co_svg_range_x(&c, history_first(d) < p[0].date ? history_first(d) : p[0].date,
		       d->today + 1, true);
	co_svg_range_y(&c, lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05, 6);
	co_svg_axis_y(&c, "EF (m/min per bpm)");
	co_svg_axis_x(&c, "date");
	co_svg_line(&c, xs, ys, n, "trend");
	for (size_t i = 0; i < n; i++)
		co_svg_point(&c, xs[i], p[i].y, "ef", p[i].title);
	co_svg_end(&c);
	free(xs);
	free(ys);
	free(p);
	figure_close(out, "Efficiency factor: mean speed (m/min) over mean heart rate of each easy "
			  "or recovery run. Higher is fitter: more speed for the same heartbeat.");
}

/* ---- the lift-to-run effect ------------------------------------------------- */

static void signed_num(co_strbuf *sb, double v)
{
	co_strbuf_addf(sb, "%+.2g", fabs(v) < 0.005 ? 0.0 : v);
}

void co_report_chart_effect(co_strbuf *out, const co_report_data *d)
{
	co_svg_chart c;
	size_t ng = 0;
	const char **units = NULL;
	double hgt = 60;

	size_t ne = d->n_effects < EFFECTS_MAX ? d->n_effects : EFFECTS_MAX;

	figure_open(out, "effect");
	if (!ne || !d->effects) {
		co_svg_begin(&c, out, W, 200, "Effect of lifting on the runs after it");
		co_svg_empty(&c, "No analysis yet: too few runs after lifting sessions to say");
		co_svg_end(&c);
		figure_close(out, "Each effect is a difference with its 95% interval; it needs runs "
				  "logged in the 48 hours after lifting and runs without.");
		return;
	}
	units = co_xcalloc(ne, sizeof(*units));
	/* one group (one axis) per unit, in the order they first appear */
	for (size_t i = 0; i < ne; i++) {
		const char *un = d->effects[i].unit ? d->effects[i].unit : "";
		size_t g = 0;

		while (g < ng && strcmp(units[g], un))
			g++;
		if (g == ng)
			units[ng++] = un;
	}
	for (size_t g = 0; g < ng; g++) {
		hgt += 50;
		for (size_t i = 0; i < ne; i++)
			if (!strcmp(d->effects[i].unit ? d->effects[i].unit : "", units[g]))
				hgt += 40;
	}
	co_svg_begin(&c, out, W, hgt, "Effect of lifting on the runs after it");
	double top = 40;

	for (size_t g = 0; g < ng; g++) {
		double lo = 0, hi = 0;
		size_t rows = 0;

		for (size_t i = 0; i < ne; i++) {
			const co_report_effect *e = &d->effects[i];

			if (strcmp(e->unit ? e->unit : "", units[g]))
				continue;
			rows++;
			if (e->known && isfinite(e->ci_low) && isfinite(e->ci_high)) {
				lo = e->ci_low < lo ? e->ci_low : lo;
				hi = e->ci_high > hi ? e->ci_high : hi;
				lo = e->estimate < lo ? e->estimate : lo;
				hi = e->estimate > hi ? e->estimate : hi;
			}
		}
		c.px0 = 16;
		c.px1 = W - 16;
		c.py0 = top;
		c.py1 = top + 40.0 * (double)rows + 6;
		co_svg_ticks tk;

		co_svg_ticks_nice(&tk, lo, hi, 7);
		co_svg_range_x(&c, tk.lo, tk.hi, false);
		c.y_lo = 0;
		c.y_hi = (double)rows;
		c.y_flip = true;
		co_svg_ticks_nice(&c.y_ticks, 0, (double)rows, 2);
		co_strbuf lb = CO_STRBUF_INIT;

		co_strbuf_adds(&lb, "difference");
		if (*units[g])
			co_strbuf_addf(&lb, " (%s)", units[g]);
		co_strbuf_adds(&lb, ", 95% interval; 0: no difference");
		co_svg_axis_x(&c, lb.buf);
		co_strbuf_release(&lb);
		co_svg_segment(&c, 0, 0, 0, (double)rows, "zl");
		size_t r = 0;

		for (size_t i = 0; i < ne; i++) {
			const co_report_effect *e = &d->effects[i];
			co_strbuf t = CO_STRBUF_INIT;

			if (strcmp(e->unit ? e->unit : "", units[g]))
				continue;
			co_strbuf_addf(&t, "%s: ", e->label ? e->label : "effect");
			if (e->known) {
				signed_num(&t, e->estimate);
				co_strbuf_addf(&t, " %s (95%% CI ", units[g]);
				signed_num(&t, e->ci_low);
				co_strbuf_adds(&t, " to ");
				signed_num(&t, e->ci_high);
				co_strbuf_addf(&t, "), %d runs against %d", e->n, e->n_ref);
			} else {
				co_strbuf_addf(&t, "too few runs to say (%d against %d)", e->n, e->n_ref);
			}
			co_svg_text(&c, c.px0 + 4, co_svg_y(&c, (double)r) + 14, "start", "el", t.buf);
			if (e->known)
				co_svg_interval(&c, e->ci_low, e->estimate, e->ci_high, r + 0.7,
						"iv", t.buf);
			co_strbuf_release(&t);
			r++;
		}
		top = c.py1 + 50;
	}
	co_svg_end(&c);
	free(units);
	figure_close(out, "A dot is the estimated difference between runs after lifting and the "
			  "others; the bar its 95% interval. A bar crossing 0 is no clear effect.");
}
