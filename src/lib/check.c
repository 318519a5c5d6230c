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
#include "lib/method.h"
#include "util/strbuf.h"

/*
 * Volume is sets x reps, a hold counting one rep per 3 s (the time model
 * of docs/sessions.md). A taper keeps 40-60% of the volume (C7), a deload
 * 50-60% (C9: down 40-50%). The plan does not hold the normal version of a
 * taper or deload session, so its exercises are compared with the same
 * exercises at their fullest in the weeks before it (peak weeks of the
 * cycle for a taper; loading weeks of the same phase, at most 6 weeks
 * back, for a deload). Whole sets and reps, and the time budget trimming
 * each week's mix differently (B4), move the ratio, so the bands below are
 * wider than METHOD's: what fails is a cut of nothing, or of most of it.
 * The planner's own tapers land at 40-60% of that reference, its deloads
 * at 35-90% (mostly 40-65%) over 1,000 random profiles.
 */
#define SECONDS_PER_REP 3
#define DELOAD_KEEP_MIN 0.30
#define DELOAD_KEEP_MAX 0.90
#define TAPER_KEEP_MIN 0.30
#define TAPER_KEEP_MAX 0.75
#define DELOAD_LOOKBACK 6

static const co_check_rule rules[] = {
	{"A1", "main lifts are compound lifts from the five transferable patterns, never machine isolation"},
	{"A2", "every strength session trains hips, glutes, hamstrings, quads, core and calves"},
	{"A4", "straight- and bent-knee calf raises and tibialis work every week with sessions"},
	{"A5", "core work at most 3 sets of at most 45 s or 12 reps"},
	{"A6", "no ballistic work in the main block; plyometrics only when the athlete enables them"},
	{"A7", "activation opens every session; hip, ankle and thoracic mobility in every cool-down"},
	{"A8", "no exercise loads a niggling region unless the plan says so"},
	{"B1", "blocks in order: activation, main lifts, accessories, mobility cool-down"},
	{"B2", "A and B sessions of a week differ; A leads with a hinge or hip extension, B with single-leg work and anti-rotation"},
	{"B3", "main lifts carry a tempo: deliberate eccentric, a pause, a powerful concentric"},
	{"B4", "a session fits the athlete's time budget"},
	{"B5", "strides (4-6 x 15-20 s) only in build and peak weeks, never in a taper, deload or recovery"},
	{"C1", "no more sessions a week than the athlete's setting, never on consecutive days"},
	{"C3", "base main lifts: 2-3 sets of 6-10 reps at RPE 6-7"},
	{"C4", "build main lifts: 3-4 sets of 3-6 reps at RPE 7-8.5"},
	{"C6", "peak main lifts: 2-3 sets of 3-5 reps at RPE 7-8"},
	{"C7", "no session in the 4 days before an A-race; taper volume down 40-60% with intensity kept; no new exercises in the taper"},
	{"C8", "after a race: mobility and activation only for a week (two after a marathon or longer)"},
	{"C9", "a deload at least every deload_every loading weeks, volume down 40-50%, loads not up"},
	{"D6", "baseline tests every 4-6 weeks, never in a taper or race week"},
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

/* ---- the checker ------------------------------------------------------ */

typedef struct checker {
	co_check_result *out;
	const co_plan *plan;
	const co_profile *p;  /* may be NULL */
	unsigned niggles;     /* co_region bits the profile's niggles spare */
	size_t alloc;
	size_t *seq;          /* insertion order, for a stable sort */
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

static bool is_rule_char(char ch)
{
	return isalnum((unsigned char)ch) != 0;
}

/* `rule` as a whole token at `at` inside `s` ("C1" but not "C10", "EC1"). */
static bool token_at(const char *s, const char *at, size_t rl)
{
	return (at == s || !is_rule_char(at[-1])) && !isdigit((unsigned char)at[rl]);
}

static bool has_token(const char *s, const char *rule)
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
	return (!m->token || has_token(line, m->token)) && (!m->text1 || strstr(line, m->text1)) &&
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

static char *lines_explain(char *const *lines, size_t n, const why_match *m)
{
	for (size_t i = 0; i < n; i++) {
		char *e = line_explains(lines[i], m);

		if (e)
			return e;
	}
	return NULL;
}

static char *session_explains(const co_session *s, const why_match *m)
{
	char *e = lines_explain(s->why, s->n_why, m);

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
static const co_week *week_at(const co_plan *plan, co_date d)
{
	for (size_t i = 0; i < plan->n_weeks; i++)
		if (plan->weeks[i].start <= d && d < plan->weeks[i].start + 7)
			return &plan->weeks[i];
	return NULL;
}

/* The sessions on day `d` (in its week), then the week's notes. */
static char *day_explains(const checker *c, const co_week *w, co_date d, const why_match *m)
{
	char *e = NULL;

	if (!w)
		w = week_at(c->plan, d);
	if (!w)
		return NULL;
	for (size_t i = 0; !e && i < w->n_sessions; i++)
		if (w->sessions[i].date == d)
			e = session_explains(&w->sessions[i], m);
	if (!e)
		e = lines_explain(w->notes, w->n_notes, m);
	return e;
}

/* Every session of the week, then its notes. */
static char *week_explains(const co_week *w, const why_match *m)
{
	char *e = NULL;

	for (size_t i = 0; !e && i < w->n_sessions; i++)
		e = session_explains(&w->sessions[i], m);
	if (!e)
		e = lines_explain(w->notes, w->n_notes, m);
	return e;
}

/* Record a violation; `explanation` (malloc'd or NULL) is taken over. */
static void add(checker *c, const char *rule, co_date date, char *explanation,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add(checker *c, const char *rule, co_date date, char *explanation,
		const char *fmt, ...)
{
	co_check_result *r = c->out;
	co_violation *v;
	co_strbuf sb;
	va_list ap;

	if (r->n_violations == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 16;
		r->violations = co_xrealloc(r->violations, c->alloc * sizeof(*r->violations));
		c->seq = co_xrealloc(c->seq, c->alloc * sizeof(*c->seq));
	}
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

	r->skipped = co_xrealloc(r->skipped, (r->n_skipped + 1) * sizeof(*r->skipped));
	r->skipped[r->n_skipped].rule = rules[rule_index(rule) < (int)N_RULES ? rule_index(rule) : 0].rule;
	r->skipped[r->n_skipped].reason = reason;
	r->skipped[r->n_skipped].partial = partial;
	r->n_skipped++;
}

/* ---- plan helpers ------------------------------------------------------ */

static bool is_mobility(co_pattern p)
{
	return p == CO_PATTERN_MOBILITY_HIPS || p == CO_PATTERN_MOBILITY_ANKLES ||
	       p == CO_PATTERN_MOBILITY_THORACIC || p == CO_PATTERN_BREATHING;
}

static bool loading_phase(co_phase p)
{
	return p == CO_PHASE_BASE || p == CO_PHASE_BUILD || p == CO_PHASE_PEAK;
}

static bool taper_phase(co_phase p)
{
	return p == CO_PHASE_TAPER || p == CO_PHASE_RACE;
}

static bool lifting(const co_session *s)
{
	return s->focus != CO_FOCUS_RECOVERY;
}

static bool strength(const co_session *s)
{
	return s->focus == CO_FOCUS_POSTERIOR_CHAIN || s->focus == CO_FOCUS_STABILITY ||
	       s->focus == CO_FOCUS_MAINTENANCE;
}

static bool loads(const co_session *s)
{
	return s->blocks[CO_BLOCK_MAIN].n_items || s->blocks[CO_BLOCK_ACCESSORY].n_items;
}

static const char *ex_name(const co_exercise *ex)
{
	if (!ex)
		return "?";
	return ex->name && *ex->name ? ex->name : ex->id;
}

static const char *day_name(co_date d)
{
	return co_weekday_name(co_date_weekday(d));
}

static const char *run_word(co_run_type t)
{
	switch (t) {
	case CO_RUN_LONG: return "long run";
	case CO_RUN_EASY: return "easy run";
	case CO_RUN_RECOVERY: return "recovery run";
	case CO_RUN_RACE: return "race";
	default: return co_run_type_name(t);
	}
}

static int amount(const co_item *it)
{
	return it->reps > 0 ? it->reps : it->seconds;
}

static int volume(const co_item *it)
{
	return it->sets * amount(it);
}

/* A race of the plan on `d`, or NULL. */
static const co_race *race_on(const co_plan *plan, co_date d)
{
	for (size_t i = 0; i < plan->n_races; i++)
		if (plan->races[i].date == d)
			return &plan->races[i];
	return NULL;
}

/* The key run on day `d` (the race, when there is one), else NULL (also outside the plan). */
static const co_plan_run *key_run_on(const co_plan *plan, co_date d)
{
	const co_week *w = week_at(plan, d);
	const co_plan_run *best = NULL;

	if (!w)
		return NULL;
	for (size_t i = 0; i < w->n_runs; i++) {
		const co_plan_run *r = &w->runs[i];

		if (r->date == d && (r->key || r->type == CO_RUN_RACE) &&
		    (!best || r->type == CO_RUN_RACE))
			best = r;
	}
	return best;
}

static bool hard_run_on(const co_plan *plan, co_date d, const co_plan_run **out)
{
	const co_week *w = week_at(plan, d);

	*out = NULL;
	for (size_t i = 0; w && i < w->n_runs; i++) {
		co_run_type t = w->runs[i].type;

		if (w->runs[i].date == d &&
		    (t == CO_RUN_INTERVALS || t == CO_RUN_TEMPO || t == CO_RUN_THRESHOLD)) {
			*out = &w->runs[i];
			return true;
		}
	}
	return false;
}

static bool first_lifting_of_day(const co_week *w, size_t j)
{
	if (!lifting(&w->sessions[j]))
		return false;
	for (size_t i = 0; i < j; i++)
		if (w->sessions[i].date == w->sessions[j].date && lifting(&w->sessions[i]))
			return false;
	return true;
}

/* ---- A: what gets trained ---------------------------------------------- */

static void check_a1(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!strength(s))
		return; /* a test session's "main" block holds the test protocols (D6) */
	for (size_t i = 0; i < b->n_items; i++) {
		const co_exercise *ex = b->items[i].exercise;

		if (!ex)
			continue;
		if (!co_method_is_a1(ex->pattern))
			add(c, "A1", s->date, day_explains(c, w, s->date, &(why_match){"A1", 0, 0, 0}),
			    "main lift '%s' is %s work, not one of the five transferable patterns",
			    ex->id, co_pattern_name(ex->pattern));
		else if (!ex->compound || (ex->equipment & CO_EQUIP_MACHINE))
			add(c, "A1", s->date, day_explains(c, w, s->date, &(why_match){"A1", 0, 0, 0}),
			    "main lift '%s' is %s, never a main lift", ex->id,
			    (ex->equipment & CO_EQUIP_MACHINE) ? "a machine lift" : "not a compound lift");
	}
}

static unsigned trained(const co_session *s)
{
	unsigned r = 0;

	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++)
			if (s->blocks[b].items[i].exercise)
				r |= s->blocks[b].items[i].exercise->regions;
	return r;
}

static void region_list(co_strbuf *sb, unsigned regions)
{
	bool first = true;

	for (unsigned bit = 1; bit && bit <= regions; bit <<= 1) {
		if (!(regions & bit))
			continue;
		co_strbuf_addf(sb, "%s%s", first ? "" : ", ", co_region_name((co_region)bit));
		first = false;
	}
}

static void check_a2(checker *c, const co_week *w, const co_session *s)
{
	unsigned missing = CO_REGIONS_A2 & ~trained(s), unexplained = 0;
	char *first = NULL;
	co_strbuf sb;

	if (!strength(s) || !missing)
		return;
	/* each missing region needs its own reason: a niggle resting it (A8),
	 * or no exercise within the athlete's reach training it */
	for (unsigned bit = 1; bit <= missing; bit <<= 1) {
		const char *name = co_region_name((co_region)bit);
		why_match rested = {NULL, "A8", "rested", name};
		why_match bent_a2 = {NULL, "A2", "bent", name};
		why_match none = {NULL, "A2", "no exercise within reach", name};
		char *e;

		if (!(missing & bit))
			continue;
		e = day_explains(c, w, s->date, &rested);
		if (!e)
			e = day_explains(c, w, s->date, &bent_a2);
		if (!e)
			e = day_explains(c, w, s->date, &none);
		if (!e)
			unexplained |= bit;
		if (!first)
			first = e;
		else
			free(e);
	}
	if (unexplained) {
		free(first);
		first = NULL;
	}
	co_strbuf_init(&sb);
	region_list(&sb, missing);
	add(c, "A2", s->date, first, "%s session trains no %s", co_focus_name(s->focus), sb.buf);
	co_strbuf_release(&sb);
}

/* The words the session builder uses for a lower-leg pattern (A4/A8 lines). */
static const char *lower_leg_words(co_pattern p)
{
	switch (p) {
	case CO_PATTERN_CALF_STRAIGHT: return "straight-knee calf raise";
	case CO_PATTERN_CALF_BENT: return "bent-knee calf raise";
	default: return "tibialis";
	}
}

static void check_a4(checker *c, const co_week *w)
{
	static const co_pattern need[] = {
		CO_PATTERN_CALF_STRAIGHT, CO_PATTERN_CALF_BENT, CO_PATTERN_TIBIALIS,
	};
	bool have[3] = {false, false, false}, any = false;

	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];

		if (!strength(s))
			continue;
		any = true;
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < s->blocks[b].n_items; i++)
				for (int k = 0; k < 3; k++)
					if (s->blocks[b].items[i].exercise &&
					    s->blocks[b].items[i].exercise->pattern == need[k])
						have[k] = true;
	}
	if (!any)
		return;
	for (int k = 0; k < 3; k++) {
		why_match spared = {"A4", "A8", lower_leg_words(need[k]), NULL};
		why_match rested = {"A4", "A8", k < 2 ? "calves rested" : "shins rested", NULL};
		char *e;

		if (have[k])
			continue;
		e = week_explains(w, &spared);
		if (!e)
			e = week_explains(w, &rested);
		add(c, "A4", w->start, e, "no %s work in week %d", lower_leg_words(need[k]), w->index);
	}
}

static void check_a5(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];

			if (!it->exercise || !co_method_is_core(it->exercise->pattern))
				continue;
			if (it->sets > CO_A5_MAX_SETS || it->seconds > CO_A5_MAX_SECONDS ||
			    it->reps > CO_A5_MAX_REPS)
				add(c, "A5", s->date, day_explains(c, w, s->date, &(why_match){"A5", 0, 0, 0}),
				    "core work '%s' is %d x %d%s (at most 3 sets of 45 s or 12 reps)",
				    it->exercise->id, it->sets, amount(it), it->reps > 0 ? "" : " s");
		}
	}
}

static bool plyometric(const co_exercise *ex)
{
	return ex && (ex->ballistic || ex->pattern == CO_PATTERN_PLYOMETRIC);
}

static void check_a6(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_exercise *ex = s->blocks[b].items[i].exercise;

			if (!plyometric(ex))
				continue;
			if (b == CO_BLOCK_MAIN)
				add(c, "A6", s->date, day_explains(c, w, s->date, &(why_match){"A6", 0, 0, 0}),
				    "'%s' is ballistic, inside the main strength block", ex->id);
			else if (c->p && !c->p->plyometrics)
				add(c, "A6", s->date, day_explains(c, w, s->date, &(why_match){"A6", 0, 0, 0}),
				    "plyometric '%s' although the athlete has not enabled plyometrics",
				    ex->id);
		}
	}
}

static bool block_has(const co_block *b, co_pattern p)
{
	for (size_t i = 0; i < b->n_items; i++)
		if (b->items[i].exercise && b->items[i].exercise->pattern == p)
			return true;
	return false;
}

static void check_a7(checker *c, const co_week *w, const co_session *s)
{
	static const co_pattern areas[] = {
		CO_PATTERN_MOBILITY_HIPS, CO_PATTERN_MOBILITY_ANKLES, CO_PATTERN_MOBILITY_THORACIC,
	};
	static const char *const area_names[] = {"hip", "ankle", "thoracic"};
	const co_block *wu = &s->blocks[CO_BLOCK_WARMUP], *cd = &s->blocks[CO_BLOCK_COOLDOWN];

	if (!wu->n_items || !wu->items[0].exercise ||
	    wu->items[0].exercise->pattern != CO_PATTERN_ACTIVATION)
		add(c, "A7", s->date, day_explains(c, w, s->date, &(why_match){"A7", 0, 0, 0}),
		    "%s session does not open with activation", co_focus_name(s->focus));
	for (int k = 0; k < 3; k++) {
		why_match none = {"A7", "A7", "no ", "drill"};

		if (!block_has(cd, areas[k]))
			add(c, "A7", s->date, day_explains(c, w, s->date, &none),
			    "cool-down has no %s mobility", area_names[k]);
	}
}

static void check_a8(checker *c, const co_week *w, const co_session *s)
{
	if (!c->niggles)
		return;
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];
			unsigned hit = it->exercise ? it->exercise->regions & c->niggles : 0;
			why_match named = {"A8", "A8", ex_name(it->exercise), NULL};
			co_strbuf sb;
			char *e;

			if (!hit)
				continue;
			if (it->note && has_token(it->note, "A8"))
				continue; /* noted: the plan says so (A8) */
			e = day_explains(c, w, s->date, &named);
			if (e) {
				free(e);
				continue;
			}
			co_strbuf_init(&sb);
			region_list(&sb, hit);
			add(c, "A8", s->date, NULL, "'%s' loads %s, which a niggle spares, with no note",
			    it->exercise->id, sb.buf);
			co_strbuf_release(&sb);
		}
	}
}

/* ---- B: how a session is built ---------------------------------------- */

static void check_b1(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		const co_block *bl = &s->blocks[b];

		if (bl->kind != (co_block_kind)b) {
			add(c, "B1", s->date, NULL, "block %d is '%s', expected '%s'", b + 1,
			    co_block_kind_name(bl->kind), co_block_kind_name((co_block_kind)b));
			continue;
		}
		for (size_t i = 0; i < bl->n_items; i++) {
			const co_exercise *ex = bl->items[i].exercise;
			const char *want = NULL;

			if (!ex)
				continue;
			if (b == CO_BLOCK_WARMUP && ex->pattern != CO_PATTERN_ACTIVATION)
				want = "activation";
			else if (b == CO_BLOCK_COOLDOWN && !is_mobility(ex->pattern))
				want = "mobility or breathing";
			else if ((b == CO_BLOCK_MAIN || b == CO_BLOCK_ACCESSORY) &&
				 (ex->pattern == CO_PATTERN_ACTIVATION || is_mobility(ex->pattern)))
				want = b == CO_BLOCK_MAIN ? "main lifts" : "stability, lower-leg or core work";
			if (want)
				add(c, "B1", s->date, day_explains(c, w, s->date, &(why_match){"B1", 0, 0, 0}),
				    "'%s' (%s) in the %s block, which holds %s", ex->id,
				    co_pattern_name(ex->pattern), co_block_kind_name((co_block_kind)b), want);
		}
	}
	if (strength(s) && !s->blocks[CO_BLOCK_MAIN].n_items)
		add(c, "B1", s->date, day_explains(c, w, s->date, &(why_match){"B1", "A8", "left out", NULL}),
		    "%s session has no main lift", co_focus_name(s->focus));
}

static bool b2_lead_a(co_pattern p)
{
	return p == CO_PATTERN_HINGE || p == CO_PATTERN_HIP_EXTENSION;
}

static char *b2_explains(const co_session *s, const why_match *a, const why_match *b)
{
	char *e = session_explains(s, a);

	return e ? e : session_explains(s, b);
}

static void check_b2(checker *c, const co_week *w)
{
	int n_a = 0, n_b = 0;

	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];
		const co_block *m = &s->blocks[CO_BLOCK_MAIN], *acc = &s->blocks[CO_BLOCK_ACCESSORY];
		why_match but = {"B2", "B2", "but", NULL};
		why_match no_single = {NULL, "A8", "no single-leg", NULL};
		const co_exercise *lead = m->n_items ? m->items[0].exercise : NULL;

		if (s->focus == CO_FOCUS_POSTERIOR_CHAIN) {
			n_a++;
			if (lead && !b2_lead_a(lead->pattern))
				add(c, "B2", s->date, session_explains(s, &but),
				    "session A leads with '%s' (%s), not a hinge or hip extension",
				    lead->id, co_pattern_name(lead->pattern));
		} else if (s->focus == CO_FOCUS_STABILITY) {
			const co_exercise *acc_lead = NULL;

			n_b++;
			if (lead && lead->pattern != CO_PATTERN_SINGLE_LEG &&
			    lead->pattern != CO_PATTERN_SQUAT)
				add(c, "B2", s->date, b2_explains(s, &but, &no_single),
				    "session B leads with '%s' (%s), not single-leg work",
				    lead->id, co_pattern_name(lead->pattern));
			for (size_t i = 0; i < acc->n_items; i++) {
				if (!plyometric(acc->items[i].exercise)) {
					acc_lead = acc->items[i].exercise;
					break;
				}
			}
			if (acc_lead && acc_lead->pattern != CO_PATTERN_ANTI_ROTATION &&
			    block_has(acc, CO_PATTERN_ANTI_ROTATION))
				add(c, "B2", s->date, session_explains(s, &but),
				    "session B's accessories open with '%s', not its anti-rotation work",
				    acc_lead->id);
		}
	}
	if ((n_a >= 2 && n_b == 0) || (n_b >= 2 && n_a == 0))
		add(c, "B2", w->start, week_explains(w, &(why_match){"B2", 0, 0, 0}),
		    "week %d has %d sessions, all of focus %s", w->index, n_a + n_b,
		    n_a ? "posterior_chain" : "stability");
}

/* "3-1-X": eccentric >= 2 s, a pause >= 1 s, a powerful concentric (X or 1 s). */
static bool b3_tempo_ok(const char *t)
{
	int e, p;
	char cc;

	if (!t || strlen(t) != 5 || !isdigit((unsigned char)t[0]) || t[1] != '-' ||
	    !isdigit((unsigned char)t[2]) || t[3] != '-')
		return false;
	e = t[0] - '0';
	p = t[2] - '0';
	cc = t[4];
	return e >= 2 && p >= 1 && (cc == 'X' || cc == 'x' || cc == '1');
}

static void check_b3(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!strength(s))
		return;
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];

		if (!it->exercise)
			continue;
		if (!it->tempo)
			add(c, "B3", s->date, day_explains(c, w, s->date, &(why_match){"B3", 0, 0, 0}),
			    "main lift '%s' has no tempo", it->exercise->id);
		else if (it->reps > 0 && !b3_tempo_ok(it->tempo))
			add(c, "B3", s->date, day_explains(c, w, s->date, &(why_match){"B3", 0, 0, 0}),
			    "main lift '%s' has tempo %s: not a deliberate eccentric, a pause and a powerful concentric",
			    it->exercise->id, it->tempo);
	}
}

static void check_b4(checker *c, const co_week *w, const co_session *s)
{
	int budget;
	why_match over = {"B4", "B4", "over the", NULL};

	if (!c->p)
		return;
	budget = c->p->session_minutes > 0 ? c->p->session_minutes : 45;
	if (s->minutes > budget)
		add(c, "B4", s->date, day_explains(c, w, s->date, &over),
		    "%s session takes %d min, over the %d min budget", co_focus_name(s->focus),
		    s->minutes, budget);
}

static void check_b5(checker *c, const co_week *w, const co_session *s)
{
	const char *bad = NULL;

	if (!s->strides)
		return;
	if (w->phase != CO_PHASE_BUILD && w->phase != CO_PHASE_PEAK)
		bad = co_phase_name(w->phase);
	else if (w->deload)
		bad = "deload";
	else if (!strength(s))
		bad = co_focus_name(s->focus);
	if (bad)
		add(c, "B5", s->date, day_explains(c, w, s->date, &(why_match){"B5", 0, 0, 0}),
		    "strides in a %s %s", bad, strength(s) ? "week" : "session");
	if (s->strides_reps < 4 || s->strides_reps > 6 || s->strides_seconds < 15 ||
	    s->strides_seconds > 20)
		add(c, "B5", s->date, day_explains(c, w, s->date, &(why_match){"B5", 0, 0, 0}),
		    "strides of %d x %d s (4-6 x 15-20 s)", s->strides_reps, s->strides_seconds);
}

/* ---- C: dose across the season ---------------------------------------- */

static void check_c1(checker *c)
{
	const co_plan *plan = c->plan;
	int max = c->p && c->p->sessions_per_week >= 1 ? c->p->sessions_per_week : 3;
	co_date prev = 0;
	bool has_prev = false;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		int days = 0;

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (!first_lifting_of_day(w, j))
				continue;
			days++;
			if (has_prev && s->date - prev == 1) {
				char *e = day_explains(c, w, s->date, &(why_match){"C1", 0, 0, 0});

				if (!e)
					e = day_explains(c, NULL, prev, &(why_match){"C1", 0, 0, 0});
				add(c, "C1", s->date, e, "lifting on consecutive days: %s and %s",
				    day_name(prev), day_name(s->date));
			}
			prev = s->date;
			has_prev = true;
		}
		/* the athlete's setting is not the planner's to bend: never explained */
		if (days > max)
			add(c, "C1", w->start, NULL,
			    "week %d has %d lifting days, more than %d%s", w->index, days, max,
			    c->p ? " (sessions_per_week)" : "");
	}
}

typedef struct dose_range {
	const char *rule;
	int sets_lo, sets_hi, reps_lo, reps_hi;
	double rpe_lo, rpe_hi;
} dose_range;

static const dose_range dose_ranges[] = {
	[CO_PHASE_BASE] = {"C3", 2, 3, 6, 10, 6.0, 7.0},
	[CO_PHASE_BUILD] = {"C4", 3, 4, 3, 6, 7.0, 8.5},
	[CO_PHASE_PEAK] = {"C6", 2, 3, 3, 5, 7.0, 8.0},
};

static void check_dose(checker *c, const co_week *w, const co_session *s)
{
	const dose_range *d;
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!loading_phase(w->phase) || w->deload || !strength(s))
		return;
	d = &dose_ranges[w->phase];
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];
		const char *name = ex_name(it->exercise);

		if (!it->exercise)
			continue;
		if (it->sets < d->sets_lo) {
			why_match trim = {d->rule, "B4", name, NULL};

			add(c, d->rule, s->date, day_explains(c, w, s->date, &trim),
			    "%s main lift '%s': %d set%s (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->sets, it->sets == 1 ? "" : "s", d->sets_lo, d->sets_hi);
		} else if (it->sets > d->sets_hi) {
			add(c, d->rule, s->date, day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': %d sets (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->sets, d->sets_lo, d->sets_hi);
		}
		if (it->reps > 0 && (it->reps < d->reps_lo || it->reps > d->reps_hi))
			add(c, d->rule, s->date, day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': %d reps (%d-%d)", co_phase_name(w->phase),
			    it->exercise->id, it->reps, d->reps_lo, d->reps_hi);
		if (it->rpe < d->rpe_lo - 1e-9 || it->rpe > d->rpe_hi + 1e-9)
			add(c, d->rule, s->date, day_explains(c, w, s->date, &(why_match){d->rule, 0, 0, 0}),
			    "%s main lift '%s': RPE %g (%g-%g)", co_phase_name(w->phase),
			    it->exercise->id, it->rpe, d->rpe_lo, d->rpe_hi);
	}
}

/* The week index where the cycle of week k starts: after the last recovery week. */
static size_t cycle_start(const co_plan *plan, size_t k)
{
	while (k > 0 && plan->weeks[k - 1].phase != CO_PHASE_RECOVERY)
		k--;
	return k;
}

/*
 * The fullest dose of `ex` in block `kind` of the strength sessions of
 * weeks [from, to) of phase `phase` (any when < 0) that are not deloads,
 * in sessions of focus `focus` (any when < 0): a session B trimmed to the
 * budget is compared with the sessions B before it.
 */
static const co_item *reference(const co_plan *plan, size_t from, size_t to, int phase,
				int focus, const co_exercise *ex, co_block_kind kind)
{
	const co_item *best = NULL;

	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		if (w->deload || (phase >= 0 && (int)w->phase != phase))
			continue;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_block *b = &w->sessions[j].blocks[kind];

			if (!strength(&w->sessions[j]) ||
			    (focus >= 0 && (int)w->sessions[j].focus != focus))
				continue;
			for (size_t i = 0; i < b->n_items; i++)
				if (b->items[i].exercise == ex && (!best || volume(&b->items[i]) > volume(best)))
					best = &b->items[i];
		}
	}
	return best;
}

static bool seen_before(const co_plan *plan, size_t from, size_t to, const co_exercise *ex)
{
	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++)
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t i = 0; i < w->sessions[j].blocks[b].n_items; i++)
					if (w->sessions[j].blocks[b].items[i].exercise == ex)
						return true;
	}
	return false;
}

/* Is `ex` down the regression chain of an exercise seen in weeks [from, to)? */
static bool regression_of_seen(const co_plan *plan, size_t from, size_t to,
			       const co_exercise *ex)
{
	for (size_t k = from; k < to; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
				const co_block *bl = &w->sessions[j].blocks[b];

				for (size_t i = 0; i < bl->n_items; i++) {
					const co_exercise *e = bl->items[i].exercise;

					for (int n = 0; e && e->regression && n < 16; n++) {
						e = co_catalog_find(co_catalog_default(), e->regression);
						if (e && ex->id && e->id && !strcmp(e->id, ex->id))
							return true;
					}
				}
			}
		}
	}
	return false;
}

static bool any_strength_before(const co_plan *plan, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++)
			if (strength(&plan->weeks[k].sessions[j]))
				return true;
	return false;
}

static void common_volume(const co_plan *plan, size_t from, size_t to, co_phase phase,
			  const co_session *s, double *v, double *rv, size_t *n_common, size_t *n_all);

static void check_c7_taper(checker *c, size_t k)
{
	const co_plan *plan = c->plan;
	const co_week *w = &plan->weeks[k];
	size_t from = cycle_start(plan, k);
	bool history = any_strength_before(plan, from, k);

	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];
		double v, rv;
		size_t n_common, n_all;

		if (!strength(s))
			continue;
		common_volume(plan, from, k, CO_PHASE_PEAK, s, &v, &rv, &n_common, &n_all);
		if (n_common >= 3 && 2 * n_common >= n_all && rv > 0 &&
		    (v < TAPER_KEEP_MIN * rv || v > TAPER_KEEP_MAX * rv))
			add(c, "C7", s->date, day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
			    "%s week %s session: volume %.0f against %.0f for the same exercises in peak, a %.0f%% cut (40-60%%)",
			    co_phase_name(w->phase), co_focus_name(s->focus), v, rv,
			    100.0 * (1.0 - v / rv));
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
			const co_block *bl = &s->blocks[b];

			for (size_t i = 0; i < bl->n_items; i++) {
				const co_item *it = &bl->items[i];
				const co_item *ref;
				const co_exercise *ex = it->exercise;

				if (!ex)
					continue;
				if (history && !seen_before(plan, from, k, ex) &&
				    !regression_of_seen(plan, from, k, ex))
					add(c, "C7", s->date, day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
					    "'%s' is new in the %s week (no new exercises in the taper)",
					    ex->id, co_phase_name(w->phase));
				ref = reference(plan, from, k, CO_PHASE_PEAK, -1, ex, (co_block_kind)b);
				if (!ref)
					continue;
				if (b == CO_BLOCK_MAIN && ref->rpe > 0 && it->rpe < ref->rpe - 0.5 - 1e-9)
					add(c, "C7", s->date, day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
					    "'%s' in the %s week at RPE %g against %g in peak: intensity not kept",
					    ex->id, co_phase_name(w->phase), it->rpe, ref->rpe);
			}
		}
	}
}

static void check_c7(checker *c)
{
	const co_plan *plan = c->plan;
	char d[11];

	for (size_t r = 0; r < plan->n_races; r++) {
		const co_race *race = &plan->races[r];

		if (race->priority != CO_RACE_A)
			continue;
		for (co_date day = race->date - 4; day <= race->date; day++) {
			const co_week *w = week_at(plan, day);

			for (size_t j = 0; w && j < w->n_sessions; j++) {
				const co_session *s = &w->sessions[j];

				if (s->date != day)
					continue;
				if (day == race->date)
					add(c, "C7", day, day_explains(c, w, day, &(why_match){"C7", 0, 0, 0}),
					    "%s session on the day of A-race '%s'", co_focus_name(s->focus),
					    race->name ? race->name : "?");
				else
					add(c, "C7", day, day_explains(c, w, day, &(why_match){"C7", 0, 0, 0}),
					    "%s session %d day%s before A-race '%s' on %s", co_focus_name(s->focus),
					    (int)(race->date - day), race->date - day == 1 ? "" : "s",
					    race->name ? race->name : "?", co_date_format(race->date, d));
			}
		}
	}
	for (size_t k = 0; k < plan->n_weeks; k++)
		if (taper_phase(plan->weeks[k].phase))
			check_c7_taper(c, k);
}

/* A plan warning that explains a recovery cut short (C8). */
static char *warning_explains(const co_plan *plan, const why_match *m)
{
	return lines_explain(plan->warnings, plan->n_warnings, m);
}

static void check_c8(checker *c)
{
	const co_plan *plan = c->plan;
	char d[11];

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		if (w->phase != CO_PHASE_RECOVERY)
			continue;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (s->focus != CO_FOCUS_RECOVERY || loads(s))
				add(c, "C8", s->date, day_explains(c, w, s->date, &(why_match){"C8", 0, 0, 0}),
				    "%s session in a recovery week (mobility and activation only)",
				    co_focus_name(s->focus));
		}
	}
	for (size_t r = 0; r < plan->n_races; r++) {
		const co_race *race = &plan->races[r];
		int window = race->priority == CO_RACE_C ? 3 : 7;
		const co_week *rw = week_at(plan, race->date);
		/* the planner's warning: "'B' on DATE comes 1 week(s) after 'A': its recovery is cut" */
		char cut_text[200];
		why_match cut_race = {"C8", "C8", cut_text, NULL};
		why_match same_week = {NULL, NULL, NULL, NULL};

		snprintf(cut_text, sizeof(cut_text), "after '%s': its recovery is cut",
			 race->name ? race->name : "");

		for (co_date day = race->date + 1; day <= race->date + window; day++) {
			const co_week *w = week_at(plan, day);

			for (size_t j = 0; w && j < w->n_sessions; j++) {
				const co_session *s = &w->sessions[j];
				char *e;

				if (s->date != day || (s->focus == CO_FOCUS_RECOVERY && !loads(s)) ||
				    w->phase == CO_PHASE_RECOVERY)
					continue; /* recovery weeks are checked above */
				e = day_explains(c, w, day, &(why_match){"C8", 0, 0, 0});
				if (!e)
					e = warning_explains(plan, &cut_race);
				add(c, "C8", day, e,
				    "%s session %d day%s after %c-race '%s' (mobility only for %s)",
				    co_focus_name(s->focus), (int)(day - race->date),
				    day - race->date == 1 ? "" : "s", "ABC"[race->priority],
				    race->name ? race->name : "?",
				    race->priority == CO_RACE_C ? "3 days after a C-race trained through" :
				    "a week");
			}
		}
		if (race->priority == CO_RACE_C || !rw)
			continue;
		{
			size_t k = (size_t)(rw - plan->weeks), got = 0;
			size_t need = race->distance_km >= 40 ? 2 : 1;

			while (k + 1 + got < plan->n_weeks && got < need &&
			       plan->weeks[k + 1 + got].phase == CO_PHASE_RECOVERY)
				got++;
			if (got < need && k + 1 + got < plan->n_weeks) {
				char *e = warning_explains(plan, &cut_race);

				/* two races in one week: the plan works around the other one */
				same_week.text1 = "in the same week";
				same_week.text2 = race->name;
				same_week.token = NULL;
				if (!e)
					e = lines_explain(plan->warnings, plan->n_warnings, &same_week);
				add(c, "C8", plan->weeks[k + 1 + got].start, e,
				    "%zu recovery week%s after '%s' on %s (at least %zu)", got,
				    got == 1 ? "" : "s", race->name ? race->name : "?",
				    co_date_format(race->date, d), need);
			}
		}
	}
}

static void check_c9_cadence(checker *c)
{
	const co_plan *plan = c->plan;
	int every = c->p && c->p->deload_every >= 3 ? c->p->deload_every : 6;
	int count = 0;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		if (!loading_phase(w->phase) || w->deload) {
			count = 0;
			continue;
		}
		if (++count == every + 1)
			add(c, "C9", w->start, week_explains(w, &(why_match){"C9", 0, 0, 0}),
			    "week %d is the %dth loading week in a row without a deload (every %d%s)",
			    w->index, count, every, c->p ? "" : " at most");
	}
}

static double item_volume(const co_item *it)
{
	return it->sets * (it->reps > 0 ? it->reps : it->seconds / (double)SECONDS_PER_REP);
}

/*
 * The volume of the main and accessory work of deload session `s`, and of
 * the same exercises at their fullest in the loading weeks [from, to) of
 * `phase` (plyometrics aside; an exercise only `s` holds is no part of it).
 */
static void common_volume(const co_plan *plan, size_t from, size_t to, co_phase phase,
			  const co_session *s, double *v, double *rv, size_t *n_common, size_t *n_all)
{
	*v = *rv = 0;
	*n_common = *n_all = 0;
	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
		const co_block *x = &s->blocks[b];

		for (size_t i = 0; i < x->n_items; i++) {
			const co_item *r;

			if (!x->items[i].exercise || plyometric(x->items[i].exercise))
				continue;
			(*n_all)++;
			r = reference(plan, from, to, (int)phase, -1, x->items[i].exercise,
				      (co_block_kind)b);
			if (!r)
				continue;
			(*n_common)++;
			*v += item_volume(&x->items[i]);
			*rv += item_volume(r);
		}
	}
}

static void check_c9_volume(checker *c, size_t k)
{
	const co_plan *plan = c->plan;
	const co_week *w = &plan->weeks[k];
	size_t from = k > DELOAD_LOOKBACK ? k - DELOAD_LOOKBACK : 0;

	if (!w->deload || !loading_phase(w->phase))
		return;
	if (from < cycle_start(plan, k))
		from = cycle_start(plan, k);
	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];
		double v, rv;
		size_t n_common, n_all;

		if (!strength(s))
			continue;
		common_volume(plan, from, k, w->phase, s, &v, &rv, &n_common, &n_all);
		/* too little in common with the weeks before (a new variant block) to judge */
		if (n_common < 3 || 2 * n_common < n_all)
			rv = 0;
		if (rv > 0 && (v < DELOAD_KEEP_MIN * rv || v > DELOAD_KEEP_MAX * rv))
			add(c, "C9", s->date, day_explains(c, w, s->date, &(why_match){"C9", 0, 0, 0}),
			    "deload %s session: volume %.0f against %.0f for the same exercises in the weeks before, a %.0f%% cut (40-50%%)",
			    co_focus_name(s->focus), v, rv, 100.0 * (1.0 - v / rv));
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
			for (size_t i = 0; i < s->blocks[b].n_items; i++) {
				const co_item *it = &s->blocks[b].items[i];
				const co_item *r = it->exercise ?
					reference(plan, from, k, (int)w->phase, -1, it->exercise,
						  (co_block_kind)b) : NULL;

				if (r && it->load >= 0 && r->load > 0 && it->load > r->load + 1e-9)
					add(c, "C9", s->date, day_explains(c, w, s->date, &(why_match){"C9", 0, 0, 0}),
					    "deload '%s' at %g, heavier than %g the weeks before",
					    it->exercise->id, it->load, r->load);
			}
		}
	}
}

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
	if (!loading_phase(w->phase))
		return false;
	for (size_t j = 0; j < w->n_sessions; j++)
		if (strength(&w->sessions[j]))
			return true;
	return false;
}

static void check_d6(checker *c)
{
	const co_plan *plan = c->plan;
	long n = (long)plan->n_weeks, last = -1, first_testable = -1;

	for (long k = 0; k < n; k++) {
		const co_week *w = &plan->weeks[k];

		if (first_testable < 0 && testable(w))
			first_testable = k;
		if (taper_phase(w->phase))
			for (size_t t = 0; t < w->n_tests; t++)
				add(c, "D6", w->tests[t].date, week_explains(w, &(why_match){"D6", 0, 0, 0}),
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
				add(c, "D6", w->start, week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "no baseline test by week %ld", to + 1);
			else if (missed)
				add(c, "D6", w->start, week_explains(w, &(why_match){"D6", 0, 0, 0}),
				    "no baseline test in weeks %ld-%ld, 4-6 weeks after week %ld's",
				    from + 1, to + 1, last + 1);
		}
		if (!is_test)
			continue;
		if (last >= 0 && k - last < 4)
			add(c, "D6", w->start, week_explains(w, &(why_match){"D6", 0, 0, 0}),
			    "baseline tests in week %ld only %ld weeks after week %ld's (every 4-6)",
			    k + 1, k - last, last + 1);
		last = k;
	}
}

/* ---- E: scheduling around runs ---------------------------------------- */

static void check_e1(checker *c, const co_week *w, const co_session *s)
{
	const co_plan_run *next = key_run_on(c->plan, s->date + 1);
	const co_race *race = race_on(c->plan, s->date + 1);
	char what[160];

	if (!next && !race)
		return;
	if (race)
		snprintf(what, sizeof(what), "%s's race '%s'", day_name(s->date + 1),
			 race->name ? race->name : "?");
	else
		snprintf(what, sizeof(what), "%s's %s", day_name(s->date + 1), run_word(next->type));
	add(c, "E1", s->date, day_explains(c, w, s->date, &(why_match){"E1", 0, 0, 0}),
	    "%s session the day before %s", co_focus_name(s->focus), what);
}

static void check_e2(checker *c, const co_week *w, const co_session *s)
{
	const co_plan_run *hard, *today = key_run_on(c->plan, s->date);

	if (today && today->type == CO_RUN_RACE)
		return; /* C7/C8 speak about race days */
	if (!today && hard_run_on(c->plan, s->date - 1, &hard))
		add(c, "E2", s->date, day_explains(c, w, s->date, &(why_match){"E2", 0, 0, 0}),
		    "%s session on the easy day after %s's %s", co_focus_name(s->focus),
		    day_name(s->date - 1), run_word(hard->type));
	if (today && c->p && !c->p->double_days)
		add(c, "E2", s->date, day_explains(c, w, s->date, &(why_match){"E2", 0, 0, 0}),
		    "%s session on %s's %s day, and the athlete does not double",
		    co_focus_name(s->focus), day_name(s->date), run_word(today->type));
}

static bool cites_rule(const char *s, bool at_start)
{
	for (const char *p = s; p && *p; p++) {
		if (strchr("ABCDE", *p) && isdigit((unsigned char)p[1]) &&
		    (p == s || !is_rule_char(p[-1])))
			return true;
		if (at_start)
			return false;
	}
	return false;
}

static void check_e3(checker *c, const co_session *s)
{
	if (!s->n_why) {
		add(c, "E3", s->date, NULL, "%s session has no why line", co_focus_name(s->focus));
		return;
	}
	if (!cites_rule(s->why[0], true))
		add(c, "E3", s->date, NULL, "%s session's first why line cites no rule: \"%s\"",
		    co_focus_name(s->focus), s->why[0]);
	for (size_t i = 1; i < s->n_why; i++)
		if (!cites_rule(s->why[i], false))
			add(c, "E3", s->date, NULL, "%s session's why line cites no rule: \"%s\"",
			    co_focus_name(s->focus), s->why[i]);
}

/* ---- running it all --------------------------------------------------- */

static void check_sessions(checker *c)
{
	const co_plan *plan = c->plan;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			c->out->n_sessions++;
			check_a1(c, w, s);
			check_a2(c, w, s);
			check_a5(c, w, s);
			check_a6(c, w, s);
			check_a7(c, w, s);
			check_a8(c, w, s);
			check_b1(c, w, s);
			check_b3(c, w, s);
			check_b4(c, w, s);
			check_b5(c, w, s);
			check_dose(c, w, s);
			if (first_lifting_of_day(w, j)) {
				/* name the day by its strength session, not the test that opens it */
				const co_session *day = s;

				for (size_t i = j; i < w->n_sessions && w->sessions[i].date == s->date; i++)
					if (strength(&w->sessions[i])) {
						day = &w->sessions[i];
						break;
					}
				check_e1(c, w, day);
				check_e2(c, w, day);
			}
			check_e3(c, s);
		}
		check_a4(c, w);
		check_b2(c, w);
		check_c9_volume(c, k);
	}
	check_c1(c);
	check_c7(c);
	check_c8(c);
	check_c9_cadence(c);
	check_d6(c);
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
		skip(&c, "B4", false, "no profile: the time budget is unknown");
		skip(&c, "C1", true, "no profile: at most 3 sessions a week (METHOD's limit) instead of sessions_per_week");
		skip(&c, "C9", true, "no profile: a deload at least every 6 weeks (METHOD's limit) instead of deload_every");
		skip(&c, "E2", true, "no profile: double_days is unknown, so lifting on key-run days is not checked");
	}
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
