/*
 * The plan checker: every rule of METHOD.md that a plan can break, checked
 * on a built plan (co_plan_build) or on one read back from JSON
 * (co_json_parse_plan), independently of how the planner made it.
 *
 * A check reports a violation: the rule id, the date (a session's, or a
 * week's Monday for week-level rules), the reason, and whether the plan
 * *explained* it. A plan explains a violation when one of its own lines
 * (a session's `why`, an item's note, a week note, a plan warning) names
 * that rule as bent ("E1 bent: ...", "(A2 bent)"), or gives the reason the
 * METHOD allows for it (an A8 line saying a niggle rests the region, a B4
 * line saying the lift lost sets to fit the budget, ...; docs/cli/check.md
 * lists them). A plan is good when it breaks no rule without explaining it.
 *
 * Some checks need the athlete's profile (the time budget, the niggles,
 * sessions_per_week, deload_every, double_days, plyometrics). Without one
 * they are skipped, or run against the widest setting METHOD allows, and
 * the result says which.
 */
#ifndef CARRYOVER_CHECK_H
#define CARRYOVER_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/athlete.h"
#include "carryover/date.h"
#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One check: a METHOD rule id and what is checked (static strings). */
typedef struct co_check_rule {
	const char *rule;     /* "E1" */
	const char *summary;  /* "no lifting session the day before a key run or a race" */
} co_check_rule;

/** The checks, in the order they run; *out_n receives the count. Static storage. */
const co_check_rule *co_check_rules(size_t *out_n);

/** A rule a plan broke. */
typedef struct co_violation {
	const char *rule;     /* the rule id, static ("E1") */
	co_date date;         /* the session's date, or the week's Monday */
	char *reason;         /* one line: "session the day before Sunday's long run" */
	bool explained;       /* the plan says why it bent the rule */
	char *explanation;    /* the plan's words that explain it; NULL when not explained */
} co_violation;

/** A check that did not run, or ran only in part, for want of the profile. */
typedef struct co_check_skip {
	const char *rule;     /* static */
	const char *reason;   /* static: "no profile: the time budget is unknown" */
	bool partial;         /* the rule was checked in part (the rest is `reason`) */
} co_check_skip;

typedef struct co_check_result {
	co_violation *violations; /* in plan order (by date, then rule) */
	size_t n_violations;
	size_t n_unexplained;
	const char **checked;     /* the rule ids checked (static strings) */
	size_t n_checked;
	co_check_skip *skipped;   /* checks skipped or partial */
	size_t n_skipped;
	size_t n_weeks;           /* what was checked */
	size_t n_sessions;
} co_check_result;

/**
 * Check `plan` against METHOD. `profile` may be NULL (a plan read from
 * JSON): the checks that need it are skipped or partial (see `skipped`).
 * Exercises must point into a catalogue that outlives the call. On success
 * *out holds the result (release it with co_check_result_release(), also
 * after a failure); a plan that breaks rules is still success. Returns 0,
 * or CO_EINPUT when `plan` is NULL.
 */
int co_check_plan(co_check_result *out, const co_plan *plan, const co_profile *profile);

/** Free what a result owns; the struct itself is zeroed, not freed. */
void co_check_result_release(co_check_result *r);

/**
 * A rule of the method as docs/method.md words it for runners, the page
 * embedded in the binary: `carryover rules` prints these. Static storage.
 */
typedef struct co_method_rule {
	const char *id;    /* "C7" */
	const char *title; /* "Taper" */
	const char *text;  /* its paragraphs, lines as in the page */
} co_method_rule;

/** Every rule of docs/method.md, in the page's order (A1 ... E4); *out_n gets the count. */
const co_method_rule *co_method_rules(size_t *out_n);
/** The rule with this id (case-insensitive), or NULL. */
const co_method_rule *co_method_rule_find(const char *id);
/** The id closest to a mistyped one ("C77" -> "C7"), or NULL. */
const char *co_method_rule_suggest(const char *typed);

#ifdef __cplusplus
}
#endif

#endif
