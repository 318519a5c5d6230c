/*
 * Baseline tests (METHOD D6): which weeks hold them and on which days.
 *
 * The interval is 4-6 weeks. Inside that window the week of a deload, or
 * the week right after one, is preferred: the runner is fresh, so the
 * result measures fitness rather than fatigue. Taper, race and recovery
 * weeks never hold a test (a test is a hard effort, and a result taken
 * tired or fresh-from-a-race recalibrates loads wrongly).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/calendar.h"
#include "lib/session.h"
#include "lib/baseline.h"
#include "util/strbuf.h"

static bool allowed(const co_week *w)
{
	return w->phase == CO_PHASE_BASE || w->phase == CO_PHASE_BUILD || w->phase == CO_PHASE_PEAK;
}

void co_baseline_weeks(bool *out, const co_week *weeks, size_t n_weeks)
{
	long n = (long)n_weeks, last = -1;

	memset(out, 0, n_weeks * sizeof(*out));
	for (long i = 0; i < n && i < 2; i++) {
		if (allowed(&weeks[i])) {
			out[i] = true;
			last = i;
			break;
		}
	}
	if (last < 0) {
		/* the plan opens with a taper, race or recovery: first allowed week */
		for (long i = 0; i < n; i++) {
			if (allowed(&weeks[i])) {
				out[i] = true;
				last = i;
				break;
			}
		}
		if (last < 0)
			return;
	}
	for (;;) {
		long pick = -1;

		for (long i = last + 4; i <= last + 6 && i < n; i++) {
			if (!allowed(&weeks[i]))
				continue;
			if (weeks[i].deload || (i > 0 && weeks[i - 1].deload)) {
				pick = i;
				break;
			}
			if (pick < 0)
				pick = i;
		}
		if (pick < 0) {
			for (long i = last + 7; i < n; i++) {
				if (allowed(&weeks[i])) {
					pick = i;
					break;
				}
			}
		}
		if (pick < 0)
			return;
		out[pick] = true;
		last = pick;
	}
}

static void add_test(co_week *w, co_date d, co_test_kind k)
{
	w->tests = co_xrealloc(w->tests, (w->n_tests + 1) * sizeof(*w->tests));
	w->tests[w->n_tests].date = d;
	w->tests[w->n_tests].kind = k;
	w->n_tests++;
}

/* Which key run best stands in for a threshold test: tempo/threshold first. */
static int threshold_rank(co_run_type t)
{
	switch (t) {
	case CO_RUN_THRESHOLD: return 6;
	case CO_RUN_TEMPO: return 5;
	case CO_RUN_INTERVALS: return 4;
	case CO_RUN_HILLS: return 3;
	case CO_RUN_LONG: return 2;
	default: return 0;
	}
}

/* The key run that best stands in for a threshold test, not on `not_on` (0: any day). */
static const co_plan_run *threshold_run(const co_week *w, co_date first_day, co_date not_on)
{
	const co_plan_run *run = NULL;

	for (size_t i = 0; i < w->n_runs; i++) {
		const co_plan_run *r = &w->runs[i];

		if (r->date < first_day || !r->key || threshold_rank(r->type) == 0 || r->date == not_on)
			continue;
		if (!run || threshold_rank(r->type) > threshold_rank(run->type))
			run = r;
	}
	return run;
}

int co_baseline_place(co_week *w, co_date first_day, unsigned niggles)
{
	co_session *carrier = NULL;
	int at = -1;
	const co_plan_run *run = threshold_run(w, first_day, 0);
	bool calf = !(niggles & (CO_REGION_CALVES | CO_REGION_ANKLES));

	/* D6: the tests go on a fresh day, not the day of the threshold-run test */
	for (int pass = 0; pass < 2 && !carrier; pass++)
		for (size_t i = 0; i < w->n_sessions; i++) {
			co_focus f = w->sessions[i].focus;

			if (w->sessions[i].date < first_day ||
			    !(f == CO_FOCUS_POSTERIOR_CHAIN || f == CO_FOCUS_STABILITY ||
			      f == CO_FOCUS_MAINTENANCE))
				continue;
			if (pass == 0 && run && w->sessions[i].date == run->date)
				continue;
			carrier = &w->sessions[i];
			at = (int)i;
			break;
		}
	if (!carrier)
		return -1;
	/* every session shares the best key run's day: the next best key run on
	 * another day holds the threshold test, or it waits for the next test week */
	if (run && run->date == carrier->date)
		run = threshold_run(w, first_day, carrier->date);
	add_test(w, carrier->date, CO_TEST_SINGLE_LEG_SQUAT);
	if (calf)
		add_test(w, carrier->date, CO_TEST_CALF_RAISE);
	if (run) {
		add_test(w, run->date, CO_TEST_THRESHOLD_RUN);
		for (size_t i = 0; i < w->n_sessions; i++)
			if (w->sessions[i].date == run->date)
				co_session_add_why(&w->sessions[i],
						   "D6: today's %s doubles as the threshold-run test: lift after it",
						   co_run_type_name(run->type));
	}
	return at;
}

void co_baseline_note(co_week *w)
{
	co_strbuf sb;
	const co_plan_test *squat = NULL, *calf = NULL, *thr = NULL;

	for (size_t i = 0; i < w->n_tests; i++) {
		switch (w->tests[i].kind) {
		case CO_TEST_SINGLE_LEG_SQUAT: squat = &w->tests[i]; break;
		case CO_TEST_CALF_RAISE: calf = &w->tests[i]; break;
		case CO_TEST_THRESHOLD_RUN: thr = &w->tests[i]; break;
		default: break;
		}
	}
	if (!squat && !calf && !thr)
		return;
	co_strbuf_init(&sb);
	co_strbuf_adds(&sb, "D6 baseline tests:");
	if (squat)
		co_strbuf_addf(&sb, " single-leg squat%s on %s%s", calf ? " and calf raises" : "",
			       co_weekday_name(co_date_weekday(squat->date)), thr ? ";" : "");
	else if (calf)
		co_strbuf_addf(&sb, " calf raises on %s%s",
			       co_weekday_name(co_date_weekday(calf->date)), thr ? ";" : "");
	if (thr) {
		const char *type = "run";

		for (size_t i = 0; i < w->n_runs; i++)
			if (w->runs[i].date == thr->date && w->runs[i].key)
				type = co_run_type_name(w->runs[i].type);
		co_strbuf_addf(&sb, " threshold run in %s's %s (hold the best steady 20-30 min effort)",
			       co_weekday_name(co_date_weekday(thr->date)), type);
	} else if (squat && threshold_run(w, 0, squat->date) != threshold_run(w, 0, 0)) {
		co_strbuf_addf(&sb, "; the threshold-run test waits for the next test week (the key run falls on %s, "
			       "and tests go on a fresh day)", co_weekday_name(co_date_weekday(squat->date)));
	} else {
		co_strbuf_adds(&sb, "; no key run this week to hold the threshold-run test");
	}
	co_strlist_add(&w->notes, &w->n_notes, "%s", sb.buf);
	co_strbuf_release(&sb);
}
