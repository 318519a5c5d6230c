/*
 * Private to the plan checker (check.c and its check_*.c files): the
 * checker's state, how a plan explains a violation (why_match), the
 * lookups the rules share (check_read.c) and the rule functions the table
 * of check.c dispatches to.
 *
 * A rule function reports what it finds with co_check_add(); it reads the
 * plan and the profile in the checker and changes nothing else. There are
 * three shapes, by what a rule looks at: a session (and its week), a week
 * (by index, after its sessions), or the whole plan.
 */
#ifndef CO_LIB_CHECK_INTERNAL_H
#define CO_LIB_CHECK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/check.h"

typedef struct checker {
	co_check_result *out;
	const co_plan *plan;
	const co_profile *p;  /* may be NULL */
	unsigned niggles;     /* co_region bits the profile's niggles spare */
	size_t alloc;         /* capacity of out->violations */
	size_t alloc_seq;     /* capacity of seq */
	size_t alloc_skipped; /* capacity of out->skipped */
	size_t *seq;          /* insertion order, for a stable sort */
	bool states_b6;       /* the plan carries rest_s, ramp_sets or load_basis */
} checker;

/*
 * How a plan explains a violation: a line naming `rule` as bent (NULL: no
 * such line counts), or a line that names `token` and contains `text1`
 * and `text2` (any of the three may be NULL; not all).
 */
typedef struct why_match {
	const char *rule;
	const char *token;
	const char *text1;
	const char *text2;
} why_match;

/* The shapes of a rule function (the dispatch table of check.c). */
typedef void co_check_session_fn(checker *c, const co_week *w, const co_session *s);
typedef void co_check_week_fn(checker *c, size_t k);
typedef void co_check_plan_fn(checker *c);

/* ---- check.c: recording what was found ---- */

/* Record a violation of `rule` (an id of the rules table); `explanation` (malloc'd or NULL) is taken over. */
void co_check_add(checker *c, const char *rule, co_date date, char *explanation,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- check_read.c: explanations ---- */

bool co_check_is_rule_char(char ch);
bool co_check_has_token(const char *s, const char *rule);
char *co_check_lines_explain(char *const *lines, size_t n, const why_match *m);
char *co_check_session_explains(const co_session *s, const why_match *m);
char *co_check_day_explains(const checker *c, const co_week *w, co_date d, const why_match *m);
char *co_check_week_explains(const co_week *w, const why_match *m);

/* ---- check_read.c: the plan's weeks, days, runs and sessions ---- */

const co_week *co_check_week_at(const co_plan *plan, co_date d);
bool co_check_is_mobility(co_pattern p);
bool co_check_taper_phase(co_phase p);
bool co_check_strength(const co_session *s);
bool co_check_loads(const co_session *s);
const char *co_check_ex_name(const co_exercise *ex);
const char *co_check_day_name(co_date d);
const char *co_check_run_word(co_run_type t);
int co_check_amount(const co_item *it);
int co_check_volume(const co_item *it);
const co_race *co_check_race_on(const co_plan *plan, co_date d);
const co_plan_run *co_check_key_run_on(const co_plan *plan, co_date d);
bool co_check_hard_run_on(const co_plan *plan, co_date d, const co_plan_run **out);
bool co_check_first_lifting_of_day(const co_week *w, size_t j);
bool co_check_plyometric(const co_exercise *ex);
bool co_check_block_has(const co_block *b, co_pattern p);

/* the fields issue 8 adds to the plan: -1 while the plan does not carry them */
int co_check_rest_s(const co_item *it);
int co_check_ramp_sets(const co_item *it, double *loads, int max);
int co_check_load_basis(const co_item *it); /* 0 null, 1 total, 2 per hand */
double co_check_item_volume(const co_item *it);
double co_check_week_volume(const co_week *w);
double co_check_step(const checker *c, const co_exercise *ex);

/* ---- the rules, by METHOD section (check_rules_*.c) ---- */

co_check_session_fn co_check_a1, co_check_a2, co_check_a5, co_check_a6, co_check_a7,
	co_check_a8, co_check_a8_kept, co_check_a9_tempo, co_check_a9_loadable;
co_check_week_fn co_check_a4;
co_check_plan_fn co_check_a9_progression;
co_check_session_fn co_check_b1, co_check_b3, co_check_b4, co_check_b5, co_check_b6;
co_check_week_fn co_check_b2;
co_check_session_fn co_check_dose;
co_check_plan_fn co_check_c1, co_check_c7, co_check_c8, co_check_c9_cadence;
co_check_week_fn co_check_c9_volume;
co_check_plan_fn co_check_c7_week, co_check_c7_top_load, co_check_c8_scaled,
	co_check_c8_reentry, co_check_c9_placement, co_check_c10;
co_check_plan_fn co_check_d6, co_check_d6_day;

/* C8: the mobility-only days after `race`, and the most whole recovery weeks it may take. */
int co_check_c8_days(const co_race *race);
int co_check_c8_max_weeks(const co_race *race);

/*
 * B6 on one main lift, given what the plan states (rest_s, the ramp sets'
 * loads, load_basis; -1 for unknown) and the empty bar in the plan's units
 * (a lift at the empty bar has nothing lighter to ramp with): the fault in
 * `buf`, or false.
 */
bool co_check_b6_fault(const co_item *it, int rest_s, int n_ramp, const double *ramp,
		       int load_basis, double empty_bar, char *buf, size_t n);
/* Does the plan carry any of the B6 fields? */
bool co_check_plan_states_b6(const co_plan *plan);
co_check_session_fn co_check_e1, co_check_e2, co_check_e3;

#endif
