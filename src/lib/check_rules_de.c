/*
 * The plan checker's rules of METHOD sections D and E: D6 baseline tests,
 * E1/E2 lifting around key runs, E3 every session explains itself.
 * Dispatched from the table in check.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/actual.h"
#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"

/* ---- D6: baseline tests ----------------------------------------------- */

static bool test_week(const co_week *w)
{
	if (w->n_tests)
		return true;
	for (size_t i = 0; i < w->n_notes; i++)
		if (!strncmp(w->notes[i], "D6", 2))
			return true; /* a test postponed, and the week says so */
	return false;
}

static bool testable(const co_week *w)
{
	if (!co_phase_loading(w->phase))
		return false;
	for (size_t j = 0; j < w->n_sessions; j++)
		if (co_check_strength(&w->sessions[j]))
			return true;
	return false;
}

void co_check_d6(checker *c)
{
	const co_plan *plan = c->plan;
	long n = (long)plan->n_weeks, last = -1, first_testable = -1;

	for (long k = 0; k < n; k++) {
		const co_week *w = &plan->weeks[k];

		if (first_testable < 0 && testable(w))
			first_testable = k;
		if (co_check_taper_phase(w->phase))
			for (size_t t = 0; t < w->n_tests; t++)
				co_check_add(c, "D6", w->tests[t].date, co_check_week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "%s test in a %s week", co_test_kind_name(w->tests[t].kind),
				    co_phase_name(w->phase));
	}
	for (long k = 0; k < n; k++) {
		const co_week *w = &plan->weeks[k];
		bool is_test = test_week(w);
		/* the weeks that should hold the next test: 1-2 (or the first that
		 * can), then 4-6 weeks after the last one */
		long from = last < 0 ? 0 : last + 4;
		long to = last < 0 ? (first_testable > 1 ? first_testable : 1) : last + 6;

		if (!is_test && k == to) {
			bool missed = false;

			for (long i = from; i <= to; i++)
				if (testable(&plan->weeks[i]))
					missed = true;
			if (missed && last < 0)
				co_check_add(c, "D6", w->start, co_check_week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "no baseline test by week %ld", to + 1);
			else if (missed)
				co_check_add(c, "D6", w->start, co_check_week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "no baseline test in weeks %ld-%ld, 4-6 weeks after week %ld's",
				    from + 1, to + 1, last + 1);
		}
		if (!is_test)
			continue;
		if (last >= 0 && k - last < 4)
			co_check_add(c, "D6", w->start, co_check_week_explains(w, &(why_match){"D6", 0, 0, 0}),
			    "baseline tests in week %ld only %ld weeks after week %ld's (every 4-6)",
			    k + 1, k - last, last + 1);
		last = k;
	}
}

/* ---- E: scheduling around runs ---------------------------------------- */

/* The type the plan had for `r` (a run done instead keeps it: actual.h). */
static co_run_type planned_type(const co_plan_run *r)
{
	co_plan_run p;

	return co_plan_run_as_planned(r, &p) ? p.type : r->type;
}

void co_check_e1(checker *c, const co_week *w, const co_session *s)
{
	const co_plan_run *next = co_check_key_run_on(c->plan, s->date + 1);
	const co_race *race = co_check_race_on(c->plan, s->date + 1);
	char what[160];

	if (!next && !race)
		return;
	if (race)
		snprintf(what, sizeof(what), "%s's race '%s'", co_check_day_name(s->date + 1),
			 race->name ? race->name : "?");
	else
		snprintf(what, sizeof(what), "%s's %s", co_check_day_name(s->date + 1), co_check_run_word(planned_type(next)));
	co_check_add(c, "E1", s->date, co_check_day_explains(c, w, s->date, &(why_match){"E1", 0, 0, 0}),
	    "%s session the day before %s", co_focus_name(s->focus), what);
}

void co_check_e2(checker *c, const co_week *w, const co_session *s)
{
	const co_plan_run *hard, *today = co_check_key_run_on(c->plan, s->date);

	if (today && planned_type(today) == CO_RUN_RACE)
		return; /* C7/C8 speak about race days */
	if (!today && co_check_hard_run_on(c->plan, s->date - 1, &hard))
		co_check_add(c, "E2", s->date, co_check_day_explains(c, w, s->date, &(why_match){"E2", 0, 0, 0}),
		    "%s session on the easy day after %s's %s", co_focus_name(s->focus),
		    co_check_day_name(s->date - 1), co_check_run_word(planned_type(hard)));
	if (today && c->p && !c->p->double_days)
		co_check_add(c, "E2", s->date, co_check_day_explains(c, w, s->date, &(why_match){"E2", 0, 0, 0}),
		    "%s session on %s's %s day, and the athlete does not double",
		    co_focus_name(s->focus), co_check_day_name(s->date), co_check_run_word(planned_type(today)));
}

static bool cites_rule(const char *s, bool at_start)
{
	for (const char *p = s; p && *p; p++) {
		if (strchr("ABCDE", *p) && isdigit((unsigned char)p[1]) &&
		    (p == s || !co_check_is_rule_char(p[-1])))
			return true;
		if (at_start)
			return false;
	}
	return false;
}

void co_check_e3(checker *c, const co_week *w, const co_session *s)
{
	if (!s->n_why) {
		co_check_add(c, "E3", s->date, NULL, "%s session has no why line", co_focus_name(s->focus));
		return;
	}
	if (!cites_rule(s->why[0], true))
		co_check_add(c, "E3", s->date, NULL, "%s session's first why line cites no rule: \"%s\"",
		    co_focus_name(s->focus), s->why[0]);
	for (size_t i = 1; i < s->n_why; i++)
		if (!cites_rule(s->why[i], false))
			co_check_add(c, "E3", s->date, NULL, "%s session's why line cites no rule: \"%s\"",
			    co_focus_name(s->focus), s->why[i]);
}

/*
 * D6, tests folded into a fresh day: one card a day (no two sessions on a
 * date: the test opens the day's session, with one warm-up and one
 * cool-down); a strength test (single-leg squat, calf raises, rep-max)
 * never on the day of the threshold-run test; no calf work in the day's
 * session after single-leg calf raises to failure.
 */
static bool test_on(const co_week *w, co_date d, co_test_kind kind)
{
	for (size_t t = 0; t < w->n_tests; t++)
		if (w->tests[t].date == d && w->tests[t].kind == kind)
			return true;
	return false;
}

void co_check_d6_day(checker *c)
{
	const co_plan *plan = c->plan;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];
			size_t same = 0;

			if (j > 0 && w->sessions[j - 1].date == s->date)
				continue; /* the day was reported with its first session */
			for (size_t i = j + 1; i < w->n_sessions && w->sessions[i].date == s->date; i++)
				same++;
			if (same)
				co_check_add(c, "D6", s->date, co_check_day_explains(c, w, s->date, &(why_match){"D6", 0, 0, 0}),
				    "%zu sessions on %s (%s, %s): one card a day, a test folded into the day's session",
				    same + 1, co_check_day_name(s->date), co_focus_name(s->focus),
				    co_focus_name(w->sessions[j + 1].focus));
		}
		for (size_t t = 0; t < w->n_tests; t++) {
			const co_plan_test *x = &w->tests[t];

			if (x->kind != CO_TEST_THRESHOLD_RUN && test_on(w, x->date, CO_TEST_THRESHOLD_RUN))
				co_check_add(c, "D6", x->date, co_check_week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "%s test on the day of the threshold-run test (tests go on a fresh day)",
				    co_test_kind_name(x->kind));
			if (x->kind != CO_TEST_CALF_RAISE)
				continue;
			for (size_t j = 0; j < w->n_sessions; j++) {
				const co_session *s = &w->sessions[j];

				if (s->date != x->date)
					continue;
				for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
					for (size_t i = 0; i < s->blocks[b].n_items; i++) {
						const co_exercise *ex = s->blocks[b].items[i].exercise;

						if (ex && (ex->pattern == CO_PATTERN_CALF_STRAIGHT ||
							   ex->pattern == CO_PATTERN_CALF_BENT) &&
						    s->focus != CO_FOCUS_TEST)
							co_check_add(c, "D6", s->date, co_check_day_explains(c, w, s->date, &(why_match){"D6", 0, 0, 0}),
							    "'%s' after calf raises to failure the same day", ex->id);
					}
			}
		}
	}
}
