/*
 * The plan checker's rules of METHOD section A, what gets trained: A1 main
 * lifts, A2 full body, A4 lower-leg work every week, A5 core limits, A6 no
 * ballistic loading, A7 activation and mobility, A8 niggles. Dispatched
 * from the table in check.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* ---- A: what gets trained ---------------------------------------------- */

void co_check_a1(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!co_check_strength(s))
		return; /* a test session's "main" block holds the test protocols (D6) */
	for (size_t i = 0; i < b->n_items; i++) {
		const co_exercise *ex = b->items[i].exercise;

		if (!ex)
			continue;
		if (!co_method_is_a1(ex->pattern))
			co_check_add(c, "A1", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A1", 0, 0, 0}),
			    "main lift '%s' is %s work, not one of the five transferable patterns",
			    ex->id, co_pattern_name(ex->pattern));
		else if (!ex->compound || (ex->equipment & CO_EQUIP_MACHINE))
			co_check_add(c, "A1", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A1", 0, 0, 0}),
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

void co_check_a2(checker *c, const co_week *w, const co_session *s)
{
	unsigned missing = CO_REGIONS_A2 & ~trained(s), unexplained = 0;
	char *first = NULL;
	co_strbuf sb;

	if (!co_check_strength(s) || !missing)
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
		e = co_check_day_explains(c, w, s->date, &rested);
		if (!e)
			e = co_check_day_explains(c, w, s->date, &bent_a2);
		if (!e)
			e = co_check_day_explains(c, w, s->date, &none);
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
	co_check_add(c, "A2", s->date, first, "%s session trains no %s", co_focus_name(s->focus), sb.buf);
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

void co_check_a4(checker *c, size_t wk)
{
	const co_week *w = &c->plan->weeks[wk];
	static const co_pattern need[] = {
		CO_PATTERN_CALF_STRAIGHT, CO_PATTERN_CALF_BENT, CO_PATTERN_TIBIALIS,
	};
	bool have[3] = {false, false, false}, any = false;

	for (size_t j = 0; j < w->n_sessions; j++) {
		const co_session *s = &w->sessions[j];

		if (!co_check_strength(s))
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
		e = co_check_week_explains(w, &spared);
		if (!e)
			e = co_check_week_explains(w, &rested);
		co_check_add(c, "A4", w->start, e, "no %s work in week %d", lower_leg_words(need[k]), w->index);
	}
}

void co_check_a5(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];

			if (!it->exercise || !co_method_is_core(it->exercise->pattern))
				continue;
			if (it->sets > CO_A5_MAX_SETS || it->seconds > CO_A5_MAX_SECONDS ||
			    it->reps > CO_A5_MAX_REPS)
				co_check_add(c, "A5", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A5", 0, 0, 0}),
				    "core work '%s' is %d x %d%s (at most 3 sets of 45 s or 12 reps)",
				    it->exercise->id, it->sets, co_check_amount(it), it->reps > 0 ? "" : " s");
		}
	}
}

bool co_check_plyometric(const co_exercise *ex)
{
	return ex && (ex->ballistic || ex->pattern == CO_PATTERN_PLYOMETRIC);
}

void co_check_a6(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_exercise *ex = s->blocks[b].items[i].exercise;

			if (!co_check_plyometric(ex))
				continue;
			if (b == CO_BLOCK_MAIN)
				co_check_add(c, "A6", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A6", 0, 0, 0}),
				    "'%s' is ballistic, inside the main strength block", ex->id);
			else if (c->p && !c->p->plyometrics)
				co_check_add(c, "A6", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A6", 0, 0, 0}),
				    "plyometric '%s' although the athlete has not enabled plyometrics",
				    ex->id);
		}
	}
}

bool co_check_block_has(const co_block *b, co_pattern p)
{
	for (size_t i = 0; i < b->n_items; i++)
		if (b->items[i].exercise && b->items[i].exercise->pattern == p)
			return true;
	return false;
}

void co_check_a7(checker *c, const co_week *w, const co_session *s)
{
	static const co_pattern areas[] = {
		CO_PATTERN_MOBILITY_HIPS, CO_PATTERN_MOBILITY_ANKLES, CO_PATTERN_MOBILITY_THORACIC,
	};
	static const char *const area_names[] = {"hip", "ankle", "thoracic"};
	const co_block *wu = &s->blocks[CO_BLOCK_WARMUP], *cd = &s->blocks[CO_BLOCK_COOLDOWN];

	if (!wu->n_items || !wu->items[0].exercise ||
	    wu->items[0].exercise->pattern != CO_PATTERN_ACTIVATION)
		co_check_add(c, "A7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A7", 0, 0, 0}),
		    "%s session does not open with activation", co_focus_name(s->focus));
	for (int k = 0; k < 3; k++) {
		why_match none = {"A7", "A7", "no ", "drill"};

		if (!co_check_block_has(cd, areas[k]))
			co_check_add(c, "A7", s->date, co_check_day_explains(c, w, s->date, &none),
			    "cool-down has no %s mobility", area_names[k]);
	}
}

void co_check_a8(checker *c, const co_week *w, const co_session *s)
{
	if (!c->niggles)
		return;
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];
			unsigned hit = it->exercise ? it->exercise->regions & c->niggles : 0;
			why_match named = {"A8", "A8", co_check_ex_name(it->exercise), NULL};
			co_strbuf sb;
			char *e;

			if (!hit)
				continue;
			if (it->note && co_check_has_token(it->note, "A8"))
				continue; /* noted: the plan says so (A8) */
			e = co_check_day_explains(c, w, s->date, &named);
			if (e) {
				free(e);
				continue;
			}
			co_strbuf_init(&sb);
			region_list(&sb, hit);
			co_check_add(c, "A8", s->date, NULL, "'%s' loads %s, which a niggle spares, with no note",
			    it->exercise->id, sb.buf);
			co_strbuf_release(&sb);
		}
	}
}

/*
 * A8, regress and never delete: a strength session still trains every A2
 * region a niggle spares (with a regression), unless the plan says no
 * regression exists ("A8: no regression ... calves"); "calves rested"
 * alone is not a reason. While a lower-limb niggle is active (every site
 * but lower_back) there are no strides and no plyometrics.
 */
static bool lower_limb_niggle(const co_profile *p)
{
	for (size_t i = 0; p && i < p->n_niggles; i++)
		if (p->niggles[i].site && strncmp(p->niggles[i].site, "lower_back", 10))
			return true;
	return false;
}

void co_check_a8_kept(checker *c, const co_week *w, const co_session *s)
{
	unsigned missing;

	if (!c->niggles)
		return;
	if (lower_limb_niggle(c->p)) {
		if (s->strides)
			co_check_add(c, "A8", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A8", 0, 0, 0}),
			    "strides while a lower-limb niggle is active");
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < s->blocks[b].n_items; i++)
				if (co_check_plyometric(s->blocks[b].items[i].exercise))
					co_check_add(c, "A8", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A8", 0, 0, 0}),
					    "plyometric '%s' while a lower-limb niggle is active",
					    s->blocks[b].items[i].exercise->id);
	}
	if (!co_check_strength(s))
		return;
	missing = c->niggles & CO_REGIONS_A2 & ~trained(s);
	for (unsigned bit = 1; bit <= missing; bit <<= 1) {
		const char *name = co_region_name((co_region)bit);
		why_match none = {"A8", "A8", "no regression", name};

		if (!(missing & bit))
			continue;
		co_check_add(c, "A8", s->date, co_check_day_explains(c, w, s->date, &none),
		    "%s session trains no %s: a niggle's region is regressed, not deleted",
		    co_focus_name(s->focus), name);
	}
}

/*
 * A9: the farmer's and suitcase carry families (a load in each hand or in
 * one, at the sides: farmer's walk, on the toes, with a trap bar, suitcase
 * carry) are the carries that may be main lifts: a goblet or waiter carry
 * is limited by the grip or the shoulder, not the legs and trunk.
 */
static bool a9_main_carry(const co_exercise *ex)
{
	return ex->id && (strstr(ex->id, "farmers") || strstr(ex->id, "suitcase") ||
			  !strcmp(ex->id, "trap_bar_carry"));
}

/* A9: carries and holds carry no tempo (a tempo is for reps); main carries are farmer's or suitcase. */
void co_check_a9_tempo(checker *c, const co_week *w, const co_session *s)
{
	const co_block *m = &s->blocks[CO_BLOCK_MAIN];

	for (size_t i = 0; co_check_strength(s) && i < m->n_items; i++) {
		const co_exercise *ex = m->items[i].exercise;

		if (ex && ex->pattern == CO_PATTERN_CARRY && !a9_main_carry(ex))
			co_check_add(c, "A9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A9", 0, 0, 0}),
			    "main lift '%s' is not a farmer's or suitcase carry", ex->id);
	}
	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];

			if (!it->exercise || !it->tempo)
				continue;
			if (it->exercise->pattern == CO_PATTERN_CARRY || it->reps <= 0)
				co_check_add(c, "A9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A9", 0, 0, 0}),
				    "'%s' is a %s and carries tempo %s (carries and holds carry none)",
				    it->exercise->id, it->exercise->pattern == CO_PATTERN_CARRY ? "carry" : "hold",
				    it->tempo);
		}
}

#define A9_LOADING (CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL | CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR)

/*
 * A9 with the profile: an athlete with something to load (dumbbells, a
 * kettlebell, a barbell or a trap bar) gets main lifts that carry a load:
 * a bodyweight or band lift left unloaded is not one they can load
 * progressively; and a lift that needs weights gets a starting load when
 * the body mass is known (A9: from body mass when no load is known). A
 * bodyweight main lift is allowed as a niggle's regression (an item note
 * citing A8).
 */
void co_check_a9_loadable(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!c->p || !(c->p->equipment & A9_LOADING) || !co_check_strength(s))
		return;
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];
		bool weights;

		if (!it->exercise || it->load >= 0 || (it->note && co_check_has_token(it->note, "A8")))
			continue;
		weights = (it->exercise->equipment & A9_LOADING) != 0;
		if (!weights)
			co_check_add(c, "A9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A9", 0, 0, 0}),
			    "main lift '%s' carries no load although the athlete has weights to load it",
			    it->exercise->id);
		else if (c->p->body_mass > 0)
			co_check_add(c, "A9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A9", 0, 0, 0}),
			    "main lift '%s' has no load, although the body mass gives a starting load",
			    it->exercise->id);
	}
}

/*
 * A9: a bodyweight or band main lift (no load, and an exercise that needs
 * no dumbbells, kettlebell, barbell or trap bar) never progresses by fewer
 * reps at a higher RPE: each one is compared with the last time the plan
 * prescribed it as a main lift.
 */
typedef struct last_dose {
	const co_exercise *ex;
	int reps;
	double rpe;
} last_dose;

void co_check_a9_progression(checker *c)
{
	const co_plan *plan = c->plan;
	last_dose *seen = NULL;
	size_t n = 0, alloc = 0;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];
			const co_block *b = &s->blocks[CO_BLOCK_MAIN];

			if (!co_check_strength(s))
				continue;
			for (size_t i = 0; i < b->n_items; i++) {
				const co_item *it = &b->items[i];
				last_dose *d = NULL;

				/* bodyweight or band: no load, and nothing in the lift's kit to load */
				if (!it->exercise || it->reps <= 0 || it->load >= 0 ||
				    (it->exercise->equipment & A9_LOADING))
					continue;
				for (size_t q = 0; q < n; q++)
					if (seen[q].ex == it->exercise)
						d = &seen[q];
				if (!d) {
					d = CO_VEC_PUSH(seen, n, alloc);
					d->ex = it->exercise;
				} else if (it->reps < d->reps && it->rpe > d->rpe + 1e-9) {
					co_check_add(c, "A9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"A9", 0, 0, 0}),
					    "bodyweight main lift '%s' goes from %d reps at RPE %g to %d at RPE %g: fewer reps at a higher RPE",
					    it->exercise->id, d->reps, d->rpe, it->reps, it->rpe);
				}
				d->reps = it->reps;
				d->rpe = it->rpe;
			}
		}
	}
	free(seen);
}
