/*
 * How the plan checker reads a plan (check_internal.h): whether a line of
 * the plan explains a violation (names the rule as bent, or gives the
 * reason METHOD allows: a `why_match`), and the lookups every rule needs
 * (the week of a date, the run or race of a day, what a session is).
 * Nothing here decides a rule.
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

bool co_check_is_rule_char(char ch)
{
	return isalnum((unsigned char)ch) != 0;
}

/* `rule` as a whole token at `at` inside `s` ("C1" but not "C10", "EC1"). */
static bool token_at(const char *s, const char *at, size_t rl)
{
	return (at == s || !co_check_is_rule_char(at[-1])) && !isdigit((unsigned char)at[rl]);
}

bool co_check_has_token(const char *s, const char *rule)
{
	size_t rl = strlen(rule);

	for (const char *at = strstr(s, rule); at; at = strstr(at + 1, rule))
		if (token_at(s, at, rl))
			return true;
	return false;
}

static bool ends_with_word(const char *s, const char *at, const char *word)
{
	size_t wl = strlen(word);

	return (size_t)(at - s) >= wl && !strncmp(at - wl, word, wl);
}

/* Where `s` names `rule` as bent ("E1 bent", "(A2 bent)", "E1 is bent", "bends E1"), or NULL. */
static const char *bent_at(const char *s, const char *rule)
{
	size_t rl = strlen(rule);

	for (const char *at = strstr(s, rule); at; at = strstr(at + 1, rule)) {
		const char *after = at + rl;

		if (!token_at(s, at, rl))
			continue;
		if (!strncmp(after, " bent", 5) || !strncmp(after, " bends", 6) ||
		    !strncmp(after, " is bent", 8))
			return at;
		if (ends_with_word(s, at, "bends ") || ends_with_word(s, at, "bent ") ||
		    ends_with_word(s, at, "bend "))
			return at;
	}
	return NULL;
}

/* The rule-specific reason of `m` (the bent rule aside): a token and texts, anywhere in `line`. */
static bool clause_matches(const char *line, const why_match *m)
{
	if (!m->token && !m->text1)
		return false;
	return (!m->token || co_check_has_token(line, m->token)) && (!m->text1 || strstr(line, m->text1)) &&
	       (!m->text2 || strstr(line, m->text2));
}

/* The clause of `line` (between ';', trimmed) around offset `at`, malloc'd. */
static char *clause_at(const char *line, size_t at)
{
	size_t a = at, b = at;

	while (a > 0 && line[a - 1] != ';')
		a--;
	while (line[b] && line[b] != ';')
		b++;
	while (a < b && isspace((unsigned char)line[a]))
		a++;
	while (b > a && isspace((unsigned char)line[b - 1]))
		b--;
	return co_xstrndup(line + a, b - a);
}

/*
 * The plan's words that explain a violation: when `line` names m->rule as
 * bent, the clause saying so ("E1 bent: the day before ..."); when it
 * matches the rule-specific reason, the whole line (its parts may sit in
 * different clauses: "A8: no hip hinge exercise spares hips; X left out").
 * Malloc'd, or NULL when the line does not explain it.
 */
static char *line_explains(const char *line, const why_match *m)
{
	const char *at;

	if (!line)
		return NULL;
	if (m->rule && (at = bent_at(line, m->rule)))
		return clause_at(line, (size_t)(at - line));
	if (clause_matches(line, m))
		return co_xstrdup(line);
	return NULL;
}

char *co_check_lines_explain(char *const *lines, size_t n, const why_match *m)
{
	for (size_t i = 0; i < n; i++) {
		char *e = line_explains(lines[i], m);

		if (e)
			return e;
	}
	return NULL;
}

char *co_check_session_explains(const co_session *s, const why_match *m)
{
	char *e = co_check_lines_explain(s->why, s->n_why, m);

	for (int b = 0; !e && b < CO_BLOCK_COUNT; b++)
		for (size_t i = 0; !e && i < s->blocks[b].n_items; i++)
			e = line_explains(s->blocks[b].items[i].note, m);
	return e;
}

/*
 * The week holding `d`, or NULL. Not co_plan_week_at(): a plan read from a
 * JSON window (`plan --json --from`) keeps the season's start while its
 * weeks hold only the window, so the week is searched for.
 */
const co_week *co_check_week_at(const co_plan *plan, co_date d)
{
	for (size_t i = 0; i < plan->n_weeks; i++)
		if (plan->weeks[i].start <= d && d < plan->weeks[i].start + 7)
			return &plan->weeks[i];
	return NULL;
}

/* The sessions on day `d` (in its week), then the week's notes. */
char *co_check_day_explains(const checker *c, const co_week *w, co_date d, const why_match *m)
{
	char *e = NULL;

	if (!w)
		w = co_check_week_at(c->plan, d);
	if (!w)
		return NULL;
	for (size_t i = 0; !e && i < w->n_sessions; i++)
		if (w->sessions[i].date == d)
			e = co_check_session_explains(&w->sessions[i], m);
	if (!e)
		e = co_check_lines_explain(w->notes, w->n_notes, m);
	return e;
}

/* Every session of the week, then its notes. */
char *co_check_week_explains(const co_week *w, const why_match *m)
{
	char *e = NULL;

	for (size_t i = 0; !e && i < w->n_sessions; i++)
		e = co_check_session_explains(&w->sessions[i], m);
	if (!e)
		e = co_check_lines_explain(w->notes, w->n_notes, m);
	return e;
}

/* ---- plan helpers ------------------------------------------------------ */

bool co_check_is_mobility(co_pattern p)
{
	return p == CO_PATTERN_MOBILITY_HIPS || p == CO_PATTERN_MOBILITY_ANKLES ||
	       p == CO_PATTERN_MOBILITY_THORACIC || p == CO_PATTERN_BREATHING;
}

bool co_check_taper_phase(co_phase p)
{
	return p == CO_PHASE_TAPER || p == CO_PHASE_RACE;
}

static bool lifting(const co_session *s)
{
	return s->focus != CO_FOCUS_RECOVERY;
}

bool co_check_strength(const co_session *s)
{
	return s->focus == CO_FOCUS_POSTERIOR_CHAIN || s->focus == CO_FOCUS_STABILITY ||
	       s->focus == CO_FOCUS_MAINTENANCE;
}

bool co_check_loads(const co_session *s)
{
	return s->blocks[CO_BLOCK_MAIN].n_items || s->blocks[CO_BLOCK_ACCESSORY].n_items;
}

const char *co_check_ex_name(const co_exercise *ex)
{
	if (!ex)
		return "?";
	return ex->name && *ex->name ? ex->name : ex->id;
}

const char *co_check_day_name(co_date d)
{
	return co_weekday_name(co_date_weekday(d));
}

const char *co_check_run_word(co_run_type t)
{
	switch (t) {
	case CO_RUN_LONG: return "long run";
	case CO_RUN_EASY: return "easy run";
	case CO_RUN_RECOVERY: return "recovery run";
	case CO_RUN_RACE: return "race";
	default: return co_run_type_name(t);
	}
}

int co_check_amount(const co_item *it)
{
	return it->reps > 0 ? it->reps : it->seconds;
}

int co_check_volume(const co_item *it)
{
	return it->sets * co_check_amount(it);
}

/* A race of the plan on `d`, or NULL. */
const co_race *co_check_race_on(const co_plan *plan, co_date d)
{
	for (size_t i = 0; i < plan->n_races; i++)
		if (plan->races[i].date == d)
			return &plan->races[i];
	return NULL;
}

/* The key run on day `d` (the race, when there is one), else NULL (also outside the plan). */
const co_plan_run *co_check_key_run_on(const co_plan *plan, co_date d)
{
	const co_week *w = co_check_week_at(plan, d);
	const co_plan_run *best = NULL;

	if (!w)
		return NULL;
	for (size_t i = 0; i < w->n_runs; i++) {
		const co_plan_run *r = &w->runs[i];
		co_plan_run p; /* the plan is checked, not what was done (actual.h) */

		if (!co_plan_run_as_planned(r, &p))
			continue;
		if (r->date == d && (p.key || p.type == CO_RUN_RACE) &&
		    (!best || p.type == CO_RUN_RACE))
			best = r;
	}
	return best;
}

bool co_check_hard_run_on(const co_plan *plan, co_date d, const co_plan_run **out)
{
	const co_week *w = co_check_week_at(plan, d);

	*out = NULL;
	for (size_t i = 0; w && i < w->n_runs; i++) {
		co_plan_run p; /* the plan is checked, not what was done (actual.h) */
		co_run_type t;

		if (!co_plan_run_as_planned(&w->runs[i], &p))
			continue;
		t = p.type;
		if (w->runs[i].date == d &&
		    (t == CO_RUN_INTERVALS || t == CO_RUN_TEMPO || t == CO_RUN_THRESHOLD)) {
			*out = &w->runs[i];
			return true;
		}
	}
	return false;
}

bool co_check_first_lifting_of_day(const co_week *w, size_t j)
{
	if (!lifting(&w->sessions[j]))
		return false;
	for (size_t i = 0; i < j; i++)
		if (w->sessions[i].date == w->sessions[j].date && lifting(&w->sessions[i]))
			return false;
	return true;
}

/* ---- what the plan contract of issue 8 adds (B6, C7) -------------------- */

/*
 * The fields issue 8 adds to an item: rest_s, ramp_sets, load_basis. A plan
 * read back from JSON written before them has none anywhere, and B6 is then
 * skipped (co_check_plan_states_b6 looks for any); otherwise a main lift
 * with rest 0 states no rest.
 */
int co_check_rest_s(const co_item *it)
{
	return it->rest_s;
}

int co_check_ramp_sets(const co_item *it, double *loads, int max)
{
	for (size_t i = 0; loads && i < it->n_ramp && (int)i < max; i++)
		loads[i] = it->ramp[i].load;
	return (int)it->n_ramp;
}

int co_check_load_basis(const co_item *it)
{
	switch (it->load_basis) {
	case CO_LOAD_BASIS_TOTAL: return 1;
	case CO_LOAD_BASIS_PER_HAND: return 2;
	default: return 0;
	}
}

/* Sets x reps, a hold or a carry counting one rep per 3 s (docs/plan-json.md's week volume). */
double co_check_item_volume(const co_item *it)
{
	return it->sets * (it->reps > 0 ? it->reps : it->seconds / 3.0);
}

double co_check_week_volume(const co_week *w)
{
	double v = 0;

	for (size_t j = 0; j < w->n_sessions; j++)
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < w->sessions[j].blocks[b].n_items; i++)
				if (w->sessions[j].blocks[b].items[i].exercise)
					v += co_check_item_volume(&w->sessions[j].blocks[b].items[i]);
	return v;
}

/*
 * The smallest load step of `ex` (the profile's plate step for barbell and
 * trap-bar lifts, its dumbbell step otherwise). A ceiling such as "at most
 * 90%" is met when the load rounds to it: within half a step. Without a
 * profile the step is unknown, and the largest a profile may set (10 kg,
 * 25 lb) is used, so a plan read from JSON is never held to a tighter
 * ceiling than its profile would set.
 */
double co_check_step(const checker *c, const co_exercise *ex)
{
	bool bar = ex && (ex->equipment & (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR));

	if (c->p)
		return bar ? c->p->plate_step : c->p->dumbbell_step;
	return c->plan->units == CO_UNITS_LB ? 25.0 : 10.0;
}
