/*
 * The plan checker (include/carryover/check.h): METHOD.md read as a list of
 * things a finished plan must not do, checked on the plan alone, the way a
 * coach would read it. It shares no code with the planner on purpose: a
 * planner bug must not hide itself by being checked with its own logic.
 *
 * Each check walks the plan and reports violations. A violation is
 * *explained* when a line of the plan (a session's why, an item's note, a
 * week note, a plan warning) names the rule as bent ("E1 bent", "(A2
 * bent)", "bends C1": the id next to the word, so "E2 bent: ...; E1: not
 * the day before a key run" bends E2 only), or gives the rule-specific
 * reason METHOD allows (the `why_match` of each check; docs/cli/check.md
 * lists them). The explaining words are kept with the violation (the
 * clause between ';' that bends the rule, or the whole line) so the user
 * reads the plan's own words.
 *
 * Sessions on the same day count as one lifting day (a baseline test opens
 * the day's session). "Lifting" sessions are every focus but recovery
 * (mobility and activation only, C8); "strength" sessions are A, B and
 * maintenance (not the test, not recovery).
 *
 * The files: this one holds the rules table, the dispatch table of the
 * checks and the driver; check_read.c how a line explains a violation and
 * the lookups the rules share; check_rules_a.c, _b.c, _c.c and _de.c the
 * rules of each METHOD section (check_internal.h).
 *
 * Invariants of a result: violations sorted by date, then by the order of
 * the checks; n_unexplained counts those with explained == false; every
 * rule of the table is either in `checked` or in `skipped` (or both, when
 * partial).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/check.h"
#include "carryover/error.h"
#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"
#include "util/vec.h"

static const co_check_rule rules[] = {
	{"A1", "main lifts are compound lifts from the five transferable patterns, never machine isolation"},
	{"A2", "every strength session trains hips, glutes, hamstrings, quads, core and calves"},
	{"A4", "straight- and bent-knee calf raises and tibialis work every week with sessions"},
	{"A5", "core work at most 3 sets of at most 45 s or 12 reps"},
	{"A6", "no ballistic work in the main block; plyometrics only when the athlete enables them"},
	{"A7", "activation opens every session; hip, ankle and thoracic mobility in every cool-down"},
	{"A8", "niggles: a loaded region is noted, a spared region is regressed not deleted, no strides or plyometrics with a lower-limb niggle"},
	{"A9", "loadable main lifts: unloaded lifts never progress by fewer reps at a higher RPE; no tempo on carries and holds"},
	{"B1", "blocks in order: activation, main lifts, accessories, mobility cool-down"},
	{"B2", "A and B sessions of a week differ; A leads with a hinge or hip extension, B with single-leg work and anti-rotation"},
	{"B3", "main lifts carry a tempo: deliberate eccentric, a pause, a powerful concentric"},
	{"B4", "a session fits the athlete's time budget"},
	{"B5", "strides (4-6 x 15-20 s) only in build and peak weeks, never in a taper, deload or recovery"},
	{"B6", "main lifts state their rest; heavy barbell lifts open with 1-2 lighter ramp sets; dumbbell loads say per hand or total"},
	{"C1", "no more sessions a week than the athlete's setting, never on consecutive days"},
	{"C3", "base main lifts: 2-3 sets of 6-10 reps at RPE 6-7"},
	{"C4", "build main lifts: 3-4 sets of 3-6 reps at RPE 7-8.5"},
	{"C6", "peak main lifts: 2-3 sets of 3-5 reps at RPE 7-8"},
	{"C7", "no session in the 4 days before an A-race; a taper week keeps 40-60% of the last loading week's volume at the same intensity; no new exercises in the taper; no lift back at a new top load after 3 weeks off"},
	{"C8", "after a race: mobility and activation only, scaled to the distance; the re-entry week restarts at about 90% of the last loads"},
	{"C9", "a deload every deload_every loading weeks, at the end of a block, volume down 40-50%, loads at most 90% of the last loading week's"},
	{"C10", "main lifts stay the same through a phase, never rotate in the 2 weeks before a taper; a new lift is light for a week before RPE 8"},
	{"D6", "baseline tests every 4-6 weeks, never in a taper or race week, folded into one session on a fresh day"},
	{"E1", "no lifting session the day before a key run or a race"},
	{"E2", "no lifting on the easy day after intervals or tempo, nor on a key-run day when the athlete does not double"},
	{"E3", "every session explains itself: why lines citing rule ids, the placement first"},
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

const co_check_rule *co_check_rules(size_t *out_n)
{
	if (out_n)
		*out_n = N_RULES;
	return rules;
}

static int rule_index(const char *rule)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (!strcmp(rules[i].rule, rule))
			return (int)i;
	return (int)N_RULES;
}

/*
 * The dispatch table: every check, the rule ids it reports, its function
 * and what it looks at. `session` runs on each session with its week;
 * `day` on the first lifting session of each day, named by the day's
 * strength session (a baseline test opens the day's session); `week` on
 * each week after its sessions; `plan` once, after every week. Checks of
 * one shape run in table order, so violations of one rule on one date keep
 * the order they are found in (results sort by date, then by the rules
 * table above). Every rule id of `rules` has at least one check here.
 */
typedef struct check_def {
	const char *rule;             /* the rule ids it reports */
	co_check_session_fn *session;
	co_check_session_fn *day;
	co_check_week_fn *week;
	co_check_plan_fn *plan;
	const char *what;
} check_def;

static const check_def checks[] = {
	{"A1", .session = co_check_a1, .what = "main lifts: compound, A1 pattern, no machine"},
	{"A2", .session = co_check_a2, .what = "the six regions in every strength session"},
	{"A5", .session = co_check_a5, .what = "core work within 3 sets of 45 s or 12 reps"},
	{"A6", .session = co_check_a6, .what = "ballistic work only as enabled plyometrics"},
	{"A7", .session = co_check_a7, .what = "activation first, mobility in the cool-down"},
	{"A8", .session = co_check_a8, .what = "niggling regions spared or explained"},
	{"A8", .session = co_check_a8_kept, .what = "niggling regions regressed, not deleted; no strides or plyometrics"},
	{"A9", .session = co_check_a9_tempo, .what = "no tempo on carries and holds"},
	{"A9", .session = co_check_a9_loadable, .what = "main lifts loaded when the athlete has weights"},
	{"B1", .session = co_check_b1, .what = "block order"},
	{"B3", .session = co_check_b3, .what = "tempo on main lifts"},
	{"B4", .session = co_check_b4, .what = "the time budget"},
	{"B5", .session = co_check_b5, .what = "strides only where allowed"},
	{"B6", .session = co_check_b6, .what = "rest, ramp sets and load basis of main lifts"},
	{"C3 C4 C6", .session = co_check_dose, .what = "main-lift sets, reps and RPE of the week's phase"},
	{"E1", .day = co_check_e1, .what = "no lifting the day before a key run or race"},
	{"E2", .day = co_check_e2, .what = "no lifting after intervals/tempo or on a key-run day"},
	{"E3", .session = co_check_e3, .what = "why lines cite rules, the placement first"},
	{"A4", .week = co_check_a4, .what = "calf raises and tibialis work each week"},
	{"B2", .week = co_check_b2, .what = "A and B sessions differ and lead right"},
	{"C9", .week = co_check_c9_volume, .what = "deload volume against the weeks before"},
	{"C1", .plan = co_check_c1, .what = "sessions a week, no consecutive days"},
	{"C7", .plan = co_check_c7, .what = "no lifting before an A-race, taper volume, no new exercises"},
	{"C8", .plan = co_check_c8, .what = "mobility only after a race"},
	{"C9", .plan = co_check_c9_cadence, .what = "a deload every deload_every loading weeks"},
	{"D6", .plan = co_check_d6, .what = "baseline tests every 4-6 weeks"},
	{"A9", .plan = co_check_a9_progression, .what = "unloaded main lifts: never fewer reps at a higher RPE"},
	{"C7", .plan = co_check_c7_week, .what = "taper week volume against the last full loading week"},
	{"C7", .plan = co_check_c7_top_load, .what = "no new top load after 3 weeks off; taper lifts of the last 3 weeks"},
	{"C8", .plan = co_check_c8_scaled, .what = "recovery weeks scaled to the race"},
	{"C8", .plan = co_check_c8_reentry, .what = "the re-entry week at about 90%"},
	{"C9", .plan = co_check_c9_placement, .what = "deload placement and load ceiling"},
	{"C10", .plan = co_check_c10, .what = "blocks: main lifts constant within a phase, new lifts start light"},
	{"D6", .plan = co_check_d6_day, .what = "one card a day, tests on a fresh day"},
};

#define N_CHECKS (sizeof(checks) / sizeof(checks[0]))

void co_check_add(checker *c, const char *rule, co_date date, char *explanation,
		  const char *fmt, ...)
{
	co_check_result *r = c->out;
	co_violation *v;
	co_strbuf sb;
	va_list ap;

	CO_VEC_GROW(r->violations, r->n_violations + 1, c->alloc);
	CO_VEC_GROW(c->seq, r->n_violations + 1, c->alloc_seq);
	co_strbuf_init(&sb);
	va_start(ap, fmt);
	co_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	c->seq[r->n_violations] = r->n_violations;
	v = &r->violations[r->n_violations++];
	v->rule = rules[rule_index(rule) < (int)N_RULES ? rule_index(rule) : 0].rule;
	v->date = date;
	v->reason = co_strbuf_detach(&sb);
	v->explanation = explanation;
	v->explained = explanation != NULL;
	if (!v->explained)
		r->n_unexplained++;
}

static void skip(checker *c, const char *rule, bool partial, const char *reason)
{
	co_check_result *r = c->out;
	co_check_skip *k = CO_VEC_PUSH(r->skipped, r->n_skipped, c->alloc_skipped);

	k->rule = rules[rule_index(rule) < (int)N_RULES ? rule_index(rule) : 0].rule;
	k->reason = reason;
	k->partial = partial;
}

/* ---- running it all --------------------------------------------------- */

static void check_sessions(checker *c)
{
	const co_plan *plan = c->plan;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];
			const co_session *day = NULL;

			c->out->n_sessions++;
			if (co_check_first_lifting_of_day(w, j)) {
				/* name the day by its strength session, not the test that opens it */
				day = s;
				for (size_t i = j; i < w->n_sessions && w->sessions[i].date == s->date; i++)
					if (co_check_strength(&w->sessions[i])) {
						day = &w->sessions[i];
						break;
					}
			}
			for (size_t i = 0; i < N_CHECKS; i++) {
				if (checks[i].session)
					checks[i].session(c, w, s);
				else if (checks[i].day && day)
					checks[i].day(c, w, day);
			}
		}
		for (size_t i = 0; i < N_CHECKS; i++)
			if (checks[i].week)
				checks[i].week(c, k);
	}
	for (size_t i = 0; i < N_CHECKS; i++)
		if (checks[i].plan)
			checks[i].plan(c);
}

static void sort_violations(checker *c)
{
	co_check_result *r = c->out;

	/* insertion sort: stable, and plans break few rules */
	for (size_t i = 1; i < r->n_violations; i++) {
		co_violation v = r->violations[i];
		size_t sq = c->seq[i], j = i;
		int ri = rule_index(v.rule);

		while (j > 0) {
			const co_violation *u = &r->violations[j - 1];
			int ru = rule_index(u->rule);

			if (u->date < v.date || (u->date == v.date && (ru < ri ||
			    (ru == ri && c->seq[j - 1] < sq))))
				break;
			r->violations[j] = *u;
			c->seq[j] = c->seq[j - 1];
			j--;
		}
		r->violations[j] = v;
		c->seq[j] = sq;
	}
}

int co_check_plan(co_check_result *out, const co_plan *plan, const co_profile *profile)
{
	checker c;

	if (!out)
		return co_error_set(CO_EINPUT, "check: no result to fill");
	memset(out, 0, sizeof(*out));
	if (!plan)
		return co_error_set(CO_EINPUT, "check: no plan to check");
	memset(&c, 0, sizeof(c));
	c.out = out;
	c.plan = plan;
	c.p = profile;
	for (size_t i = 0; profile && i < profile->n_niggles; i++)
		c.niggles |= profile->niggles[i].regions;

	out->n_weeks = plan->n_weeks;
	if (!profile) {
		skip(&c, "A6", true, "no profile: plyometrics allowed or not is unknown, only the main block is checked");
		skip(&c, "A8", false, "no profile: the niggles are unknown");
		skip(&c, "A9", true, "no profile: the equipment is unknown, so unloaded main lifts are not checked against it");
		skip(&c, "B4", false, "no profile: the time budget is unknown");
		skip(&c, "C1", true, "no profile: at most 3 sessions a week (the method's limit) instead of sessions_per_week");
		skip(&c, "C8", true, "no profile: the load step is unknown, so re-entry loads may pass 90% by half the largest step (5 kg, 12.5 lb)");
		skip(&c, "C9", true, "no profile: a deload at least every 6 weeks (the method's limit) instead of deload_every; deload loads may pass 90% by half the largest load step");
		skip(&c, "C10", true, "no profile: the athlete's known lifts are unknown, so new lifts at RPE 8 are not checked");
		skip(&c, "E2", true, "no profile: double_days is unknown, so lifting on key-run days is not checked");
	}
	c.states_b6 = co_check_plan_states_b6(plan);
	if (!c.states_b6)
		skip(&c, "B6", false, "the plan states no rest, ramp sets or load basis (rest_s, ramp_sets, load_basis)");
	out->checked = co_xmalloc(N_RULES * sizeof(*out->checked));
	for (size_t i = 0; i < N_RULES; i++) {
		bool skipped = false;

		for (size_t k = 0; k < out->n_skipped; k++)
			if (out->skipped[k].rule == rules[i].rule && !out->skipped[k].partial)
				skipped = true;
		if (!skipped)
			out->checked[out->n_checked++] = rules[i].rule;
	}
	check_sessions(&c);
	sort_violations(&c);
	free(c.seq);
	return CO_OK;
}

void co_check_result_release(co_check_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_violations; i++) {
		free(r->violations[i].reason);
		free(r->violations[i].explanation);
	}
	free(r->violations);
	free(r->checked);
	free(r->skipped);
	memset(r, 0, sizeof(*r));
}
