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
 *   e1rm        the analysis' e1RM points (carryover/analyze.h: the best
 *               e1RM of each day of each main lift), for the six lifts
 *               with the most days;
 *   threshold   the analysis' threshold points (tests, threshold runs,
 *               efforts detected in recordings) and their weekly medians;
 *   efficiency  the analysis' EF of easy and recovery runs (the importer's,
 *               which skips the warm-up, else distance, minutes and heart
 *               rate) and their weekly medians;
 *   effect      the lift-to-run effects handed in (co_report_effect), each
 *               with its 95% interval, one axis per unit.
 * So the page shows the numbers `carryover analyze` prints, and nothing
 * here computes a marker. The lines of the threshold and efficiency charts
 * join the weekly medians the analysis fits its Theil-Sen trend to, and the
 * caption quotes that trend with its interval: no second smoothing that
 * could disagree with it. Only what happened up to the report's date is
 * drawn. A chart with nothing to draw says what is missing and how to get
 * it. Work is linear in the points drawn.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analyze.h"
#include "carryover/history.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "util/strbuf.h"

#define W 720.0
#define H 320.0
#define E1RM_LIFTS 6

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

/* The first day the charts of what happened span: the analysis' first day, else today. */
static co_date first_day(const co_report_data *d)
{
	return d->analysis && d->analysis->first ? d->analysis->first : d->today;
}

/* The range of n >= 1 points' values into *lo, *hi. */
static void extent(const co_point *p, size_t n, double *lo, double *hi)
{
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || p[i].value < *lo)
			*lo = p[i].value;
		if (i == 0 || p[i].value > *hi)
			*hi = p[i].value;
	}
}

/*
 * The weekly medians of a series (a field of co_analysis_week) with a
 * value, as a line's points at mid-week: weeks without one are skipped, so
 * the line joins the weeks that have data. Returns how many.
 */
static size_t weekly_line(double *xs, double *ys, const co_analysis *a, size_t offset, double scale)
{
	size_t n = 0;

	for (size_t w = 0; w < a->n_weeks; w++) {
		double v = *(const double *)((const char *)&a->weeks[w] + offset);

		if (!isfinite(v))
			continue;
		xs[n] = a->weeks[w].start + 3.5;
		ys[n++] = v * scale;
	}
	return n;
}

/* A trend finding's sentence, when the analysis has one with words. */
static const char *trend_words(const co_analysis *a, const char *id)
{
	const co_finding *f = co_analysis_find(a, id);

	return f && f->text ? f->text : NULL;
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
				 p->weeks[e].index, co_date_format(s0, a), co_date_format(s1 - 1, b));
		else
			snprintf(t, sizeof(t), "%s: week %d, %s to %s", ph, p->weeks[w].index,
				 co_date_format(s0, a), co_date_format(s1 - 1, b));
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
				 co_date_format(wk->start, a));
			co_svg_rect(&c, wk->start + 0.5, wk->start + 6.5, 2.2, 2.8, "dl", t);
		}
		for (size_t i = 0; i < wk->n_tests; i++) {
			snprintf(t, sizeof(t), "%s: baseline test, %s", co_date_format(wk->tests[i].date, a),
				 co_report_test_word(wk->tests[i].kind));
			co_svg_point(&c, wk->tests[i].date + 0.5, 1.5, "ts", t);
		}
	}
	for (size_t i = 0; i < p->n_races; i++) {
		const co_race *r = &p->races[i];
		co_strbuf rt = CO_STRBUF_INIT;

		co_strbuf_addf(&rt, "%s: %s (", co_date_format(r->date, a), r->name ? r->name : "race");
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
		 p->n_weeks, co_date_format(start, a), co_date_format(end - 1, b));
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
			 co_date_format(ws, a), lift[w], run[w], lift[w] + run[w]);
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
			 co_date_format(ld->date, a), ld->ctl, ld->atl, ld->tsb);
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

void co_report_chart_e1rm(co_strbuf *out, const co_report_data *d)
{
	const co_analysis *an = d->analysis;
	const char *units = co_report_units_word(an ? an->units : CO_UNITS_KG);
	static const char *const lift_cls[E1RM_LIFTS] = {"l0", "l1", "l2", "l3", "l4", "l5"};
	const co_catalog *cat = co_catalog_default();
	const co_analysis_lift *top[E1RM_LIFTS];
	const char *names[E1RM_LIFTS];
	size_t ntop = 0, most = 0;
	co_svg_chart c;
	char a[11], label[64];

	figure_open(out, "e1rm");
	co_svg_begin(&c, out, W, H, "Estimated 1-rep max (e1RM) per main lift");
	/* the lifts with the most days, most first; equal counts keep the analysis' (id) order */
	for (size_t l = 0; an && l < an->n_lifts; l++) {
		const co_analysis_lift *lf = &an->lifts[l];
		size_t k = ntop;

		while (k > 0 && top[k - 1]->n < lf->n)
			k--;
		if (!lf->n || k >= E1RM_LIFTS)
			continue;
		for (size_t j = ntop < E1RM_LIFTS ? ntop : E1RM_LIFTS - 1; j > k; j--)
			top[j] = top[j - 1];
		top[k] = lf;
		ntop += ntop < E1RM_LIFTS;
	}
	if (!ntop) {
		co_svg_empty(&c, "No loaded working sets at RPE 7 or more logged yet");
		co_svg_end(&c);
		figure_close(out, "e1RM comes from sets logged with a load, 1 to 12 reps and an RPE of 7 "
				  "or more ('carryover log rdl 3x8@60 rpe 8').");
		return;
	}
	double lo = 0, hi = 0;

	for (size_t k = 0; k < ntop; k++) {
		const co_exercise *e = co_catalog_find(cat, top[k]->exercise);
		double l0 = 0, h0 = 0;

		names[k] = e ? e->name : top[k]->exercise;
		extent(top[k]->points, top[k]->n, &l0, &h0);
		lo = k == 0 || l0 < lo ? l0 : lo;
		hi = k == 0 || h0 > hi ? h0 : hi;
		most = top[k]->n > most ? top[k]->n : most;
	}
	double *xs = co_xcalloc(most, sizeof(*xs)), *ys = co_xcalloc(most, sizeof(*ys));

	co_svg_legend(&c, names, lift_cls, ntop);
	co_svg_range_x(&c, first_day(d), d->today + 1, true);
	co_svg_range_y(&c, lo * 0.9, hi * 1.05, 6);
	snprintf(label, sizeof(label), "e1RM (%s)", units);
	co_svg_axis_y(&c, label);
	co_svg_axis_x(&c, "date");
	for (size_t k = 0; k < ntop; k++) {
		const co_analysis_lift *lf = top[k];

		for (size_t i = 0; i < lf->n; i++) {
			xs[i] = lf->points[i].date + 0.5;
			ys[i] = lf->points[i].value;
		}
		co_svg_line(&c, xs, ys, lf->n, lift_cls[k]);
		for (size_t i = 0; i < lf->n; i++) {
			char t[200];

			snprintf(t, sizeof(t), "%s, %s: e1RM %.1f %s", names[k],
				 co_date_format(lf->points[i].date, a), lf->points[i].value, units);
			co_svg_point(&c, xs[i], ys[i], lift_cls[k], t);
		}
	}
	co_svg_end(&c);
	free(xs);
	free(ys);
	figure_close(out, "The best e1RM of each day (Tuchscherer's RPE chart) from sets at RPE 7 or "
			  "more and 1 to 12 reps, and rep-max tests, for the lifts logged on most days: "
			  "the points of 'carryover analyze', whose findings give each trend.");
}

/* ---- threshold pace ------------------------------------------------------------ */

void co_report_chart_threshold(co_strbuf *out, const co_report_data *d)
{
	const co_analysis *an = d->analysis;
	co_distance_units u = d->plan ? d->plan->distance_units : CO_DIST_KM;
	double f = u == CO_DIST_MI ? CO_KM_PER_MILE : 1;
	co_svg_chart c;
	char label[64], a[11];

	figure_open(out, "threshold");
	co_svg_begin(&c, out, W, H, "Threshold pace");
	c.y_flip = true;
	c.y_format = CO_SVG_CLOCK;
	if (!an || !an->n_threshold) {
		co_svg_empty(&c, "No threshold test or threshold run logged yet");
		co_svg_end(&c);
		figure_close(out, "Log a threshold test ('carryover log test threshold 4:30') or import "
				  "runs with their distance to see threshold pace over time.");
		return;
	}
	size_t n = an->n_threshold;
	double lo = 0, hi = 0, *xs = co_xcalloc(an->n_weeks + 1, sizeof(*xs));
	double *ys = co_xcalloc(an->n_weeks + 1, sizeof(*ys));
	size_t nw = weekly_line(xs, ys, an, offsetof(co_analysis_week, threshold_pace), f);
	static const char *const names[] = {"test or threshold effort", "weekly median"};
	static const char *const cls[] = {"ts", "trend"};

	extent(an->threshold, n, &lo, &hi);
	co_svg_legend(&c, names, cls, 2);
	co_svg_range_x(&c, first_day(d), d->today + 1, true);
	co_svg_range_y(&c, lo * f - 5, hi * f + 5, 6);
	snprintf(label, sizeof(label), "pace (min/%s), faster up", u == CO_DIST_MI ? "mi" : "km");
	co_svg_axis_y(&c, label);
	co_svg_axis_x(&c, "date");
	co_svg_line(&c, xs, ys, nw, "trend");
	for (size_t i = 0; i < n; i++) {
		co_strbuf t = CO_STRBUF_INIT;

		co_strbuf_addf(&t, "%s: threshold pace ", co_date_format(an->threshold[i].date, a));
		co_report_add_pace(&t, an->threshold[i].value, u);
		co_svg_point(&c, an->threshold[i].date + 0.5, an->threshold[i].value * f, "ts", t.buf);
		co_strbuf_release(&t);
	}
	co_svg_end(&c);
	free(xs);
	free(ys);
	co_strbuf cap = CO_STRBUF_INIT;
	const char *tw = trend_words(an, "threshold_pace.trend");

	co_strbuf_addf(&cap, "%zu threshold point%s (tests, threshold runs, efforts found in "
			     "recordings). Faster is higher; the line joins the weekly medians.",
		       n, n == 1 ? "" : "s");
	if (tw)
		co_strbuf_addf(&cap, " %s", tw);
	figure_close(out, cap.buf);
	co_strbuf_release(&cap);
}

/* ---- efficiency of easy runs --------------------------------------------------- */

void co_report_chart_efficiency(co_strbuf *out, const co_report_data *d)
{
	const co_analysis *an = d->analysis;
	co_svg_chart c;
	char a[11];

	figure_open(out, "efficiency");
	co_svg_begin(&c, out, W, H, "Efficiency of easy runs");
	if (!an || !an->n_ef) {
		co_svg_empty(&c, "No easy run with distance and heart rate yet");
		co_svg_end(&c);
		figure_close(out, "The efficiency factor (speed per heartbeat) of easy runs appears once "
				  "runs with a heart rate are imported from a watch.");
		return;
	}
	size_t n = an->n_ef;
	double lo = 0, hi = 0, *xs = co_xcalloc(an->n_weeks + 1, sizeof(*xs));
	double *ys = co_xcalloc(an->n_weeks + 1, sizeof(*ys));
	size_t nw = weekly_line(xs, ys, an, offsetof(co_analysis_week, ef), 1);
	static const char *const names[] = {"easy run", "weekly median"};
	static const char *const cls[] = {"ef", "trend"};

	extent(an->ef, n, &lo, &hi);
	co_svg_legend(&c, names, cls, 2);
	co_svg_range_x(&c, first_day(d), d->today + 1, true);
	co_svg_range_y(&c, lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05, 6);
	co_svg_axis_y(&c, "EF (m/min per bpm)");
	co_svg_axis_x(&c, "date");
	co_svg_line(&c, xs, ys, nw, "trend");
	for (size_t i = 0; i < n; i++) {
		char t[96];

		snprintf(t, sizeof(t), "%s: easy run, EF %.3f m/min per bpm", co_date_format(an->ef[i].date, a),
			 an->ef[i].value);
		co_svg_point(&c, an->ef[i].date + 0.5, an->ef[i].value, "ef", t);
	}
	co_svg_end(&c);
	free(xs);
	free(ys);
	co_strbuf cap = CO_STRBUF_INIT;
	const char *tw = trend_words(an, "ef.trend");

	co_strbuf_adds(&cap, "Efficiency factor: mean speed (m/min) over mean heart rate of each easy "
			     "or recovery run, after the warm-up when the recording has it. Higher is "
			     "fitter. The line joins the weekly medians.");
	if (tw)
		co_strbuf_addf(&cap, " %s", tw);
	figure_close(out, cap.buf);
	co_strbuf_release(&cap);
}

/* ---- the lift-to-run effect ------------------------------------------------- */

/* One decimal as `carryover analyze` words it, never "-0.0". */
static void signed_num(co_strbuf *sb, double v)
{
	double r = round(v * 10) / 10;

	co_strbuf_addf(sb, "%+.1f", r == 0 ? 0.0 : r);
}

/* How many run types of the pooled lift-effect finding at `i` have an estimate (its strata after it). */
static size_t strata_after(const co_analysis *a, size_t i)
{
	size_t k = 0;

	for (size_t j = i + 1; j < a->n_findings && a->findings[j].kind == CO_FINDING_LIFT_EFFECT &&
			       a->findings[j].run_type != CO_RUN_REST; j++)
		k += a->findings[j].has_estimate;
	return k;
}

/*
 * Whether the report shows lift-effect finding `f` (a row of the chart, a
 * sentence of the findings): a pooled one always, except heart rate when no
 * run had any; a run type's only when it has an estimate and so has another
 * type (a single type's estimate is the pooled one again). `types` is
 * strata_after() of the pooled finding it belongs to.
 */
static bool effect_shown(const co_finding *f, size_t types)
{
	if (f->run_type == CO_RUN_REST)
		return f->measure == CO_EFFECT_RPE || f->n + f->n_ref > 0;
	return f->has_estimate && types > 1;
}

size_t co_report_effects(co_report_effect *out, size_t max, const co_analysis *a)
{
	size_t n = 0, types = 0;

	for (size_t i = 0; a && i < a->n_findings && n < max; i++) {
		const co_finding *f = &a->findings[i];
		co_report_effect *e = &out[n];
		const char *after;

		if (f->kind != CO_FINDING_LIFT_EFFECT)
			continue;
		if (f->run_type == CO_RUN_REST)
			types = strata_after(a, i);
		if (!effect_shown(f, types))
			continue;
		after = f->focus == CO_FOCUS_POSTERIOR_CHAIN ? "session A" :
			f->focus == CO_FOCUS_STABILITY ? "session B" : "any session";
		memset(e, 0, sizeof(*e));
		if (f->run_type == CO_RUN_REST)
			snprintf(e->label, sizeof(e->label), "after %s, %s", after,
				 f->measure == CO_EFFECT_RPE ? "RPE" : "heart rate at equal pace");
		else
			snprintf(e->label, sizeof(e->label), "after %s, %s (%s)", after,
				 f->measure == CO_EFFECT_RPE ? "RPE" : "heart rate at equal pace",
				 co_report_runs_word(f->run_type));
		e->known = f->has_estimate && f->has_ci;
		e->estimate = f->estimate;
		e->ci_low = f->ci_low;
		e->ci_high = f->ci_high;
		e->n = (int)f->n;
		e->n_ref = (int)f->n_ref;
		e->unit = f->measure == CO_EFFECT_RPE ? "RPE" : "bpm";
		n++;
	}
	return n;
}

void co_report_html_findings(co_strbuf *out, const co_report_data *d)
{
	const co_analysis *a = d->analysis;
	size_t types = 0, shown = 0;

	if (!a)
		return;
	co_strbuf_adds(out, "<section id=\"findings\">\n<h2>Findings</h2>\n");
	for (size_t i = 0; i < a->n_findings; i++) {
		const co_finding *f = &a->findings[i];

		if (f->kind == CO_FINDING_LIFT_EFFECT) {
			if (f->run_type == CO_RUN_REST)
				types = strata_after(a, i);
			/* the findings' words say what the chart's rows leave out: no
			 * pooled finding is dropped here */
			if (f->run_type != CO_RUN_REST && !effect_shown(f, types))
				continue;
		}
		if (!f->text)
			continue;
		co_strbuf_adds(out, shown++ ? "<li>" : "<ul class=\"findings\">\n<li>");
		co_report_escape(out, f->text);
		co_strbuf_adds(out, "</li>\n");
	}
	if (shown)
		co_strbuf_adds(out, "</ul>\n");
	else
		co_strbuf_adds(out, "<p class=\"none\">Nothing to say yet: log or import runs and "
				    "lifting sessions.</p>\n");
	co_strbuf_adds(out, "</section>\n");
}

void co_report_chart_effect(co_strbuf *out, const co_report_data *d)
{
	co_svg_chart c;
	size_t ng = 0;
	const char **units = NULL;
	double hgt = 60;

	size_t ne = d->n_effects < CO_REPORT_EFFECTS_MAX ? d->n_effects : CO_REPORT_EFFECTS_MAX;

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
			co_strbuf_addf(&t, "%s: ", e->label[0] ? e->label : "effect");
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
