/*
 * The plan checker's season-level rules sharpened by issue 8 (METHOD C7 to
 * C10): the taper week's volume against the last full loading week, lifts
 * that come back after a gap, the re-entry week after a recovery, where a
 * deload may fall and how heavy it may be, and blocks whose main lifts
 * stay put. Each walks the whole plan once, in date order, remembering per
 * exercise the last time it was prescribed; exercises are compared by
 * identity (they point into one catalogue). Dispatched from check.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* C7: a taper week keeps 40-60% of the last full loading week's volume; a race week at most 60%. */
#define C7_WEEK_MIN 0.40
#define C7_WEEK_MAX 0.60
/* C7/C8: a gap of 3 weeks or more (in days) */
#define GAP_DAYS 21
/* C8 and C9: loads at most 90% of the last ones (within half a load step) */
#define CEILING 0.90
/* C10: a lift new to the athlete starts at RPE 7 or below; RPE 8 and up is heavy */
#define C10_INTRO_RPE 7.0
#define C10_HEAVY_RPE 8.0
/* C10: no rotation in the weeks before a taper */
#define C10_FREEZE_WEEKS 2
/* how far back the session of the same focus is looked for, and a deload's loading week */
#define C10_LOOKBACK 6
#define C9_LOOKBACK 6

/* ---- per-exercise memory ------------------------------------------------ */

typedef struct lift_mem {
	const co_exercise *ex;
	co_date last;      /* last date prescribed (main or accessory) */
	double last_load;  /* its load then (< 0: none) */
	double top;        /* heaviest load so far */
	co_date intro;     /* first date at RPE <= 7, 0 when none */
	bool has_intro;
} lift_mem;

typedef struct memory {
	lift_mem *m;
	size_t n, alloc;
} memory;

static lift_mem *mem_get(memory *mm, const co_exercise *ex, bool add)
{
	for (size_t i = 0; i < mm->n; i++)
		if (mm->m[i].ex == ex)
			return &mm->m[i];
	if (!add)
		return NULL;
	{
		lift_mem *l = CO_VEC_PUSH(mm->m, mm->n, mm->alloc);

		l->ex = ex;
		l->last_load = -1;
		l->top = -1;
		return l;
	}
}

static void mem_note(memory *mm, const co_session *s, const co_item *it)
{
	lift_mem *l = mem_get(mm, it->exercise, true);

	l->last = s->date;
	l->last_load = it->load;
	if (it->load > l->top)
		l->top = it->load;
	if (!l->has_intro && it->rpe > 0 && it->rpe <= C10_INTRO_RPE + 1e-9) {
		l->has_intro = true;
		l->intro = s->date;
	}
}

/* ---- C7: the taper week's volume --------------------------------------- */

static bool single_maintenance(const co_week *w)
{
	size_t n = 0;
	bool maint = false;

	for (size_t j = 0; j < w->n_sessions; j++)
		if (co_check_strength(&w->sessions[j])) {
			n++;
			maint = w->sessions[j].focus == CO_FOCUS_MAINTENANCE;
		}
	return n == 1 && maint;
}


static size_t strength_sessions(const co_week *w)
{
	size_t n = 0;

	for (size_t j = 0; j < w->n_sessions; j++)
		n += co_check_strength(&w->sessions[j]);
	return n;
}

/* The first race on or after `d`, or NULL (races are sorted by date). */
static const co_race *next_race(const co_plan *plan, co_date d)
{
	for (size_t r = 0; r < plan->n_races; r++)
		if (plan->races[r].date >= d)
			return &plan->races[r];
	return NULL;
}

/*
 * The last full loading week is the last base, build or peak week before
 * the taper that is not a deload and holds more than a single maintenance
 * session (a maintenance week is already cut: C1, C9), since the last
 * recovery week. Only the taper and race weeks of an A-race are held to
 * it: a B-race may get a lighter week without the method's taper.
 */
void co_check_c7_week(checker *c)
{
	const co_plan *plan = c->plan;
	long ref = -1;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		const co_race *race;
		double v, rv;

		if (w->phase == CO_PHASE_RECOVERY) {
			ref = -1;
			continue;
		}
		if (co_phase_loading(w->phase)) {
			if (!w->deload && co_check_week_volume(w) > 0 && !single_maintenance(w))
				ref = (long)k;
			continue;
		}
		race = next_race(plan, w->start);
		if (!co_check_taper_phase(w->phase) || ref < 0 || !race || race->priority != CO_RACE_A)
			continue;
		v = co_check_week_volume(w);
		rv = co_check_week_volume(&plan->weeks[ref]);
		if (w->phase == CO_PHASE_TAPER && strength_sessions(w) < strength_sessions(&plan->weeks[ref]))
			co_check_add(c, "C7", w->start, co_check_week_explains(w, &(why_match){"C7", 0, 0, 0}),
			    "taper week %d has %zu strength session%s against %zu in week %d (frequency kept where the calendar allows)",
			    w->index, strength_sessions(w), strength_sessions(w) == 1 ? "" : "s",
			    strength_sessions(&plan->weeks[ref]), plan->weeks[ref].index);
		if ((w->phase == CO_PHASE_TAPER && v < C7_WEEK_MIN * rv - 1e-9) || v > C7_WEEK_MAX * rv + 1e-9)
			co_check_add(c, "C7", w->start, co_check_week_explains(w, &(why_match){"C7", 0, 0, 0}),
			    "%s week %d: volume %.0f is %.0f%% of week %d's %.0f, the last full loading week (%s)",
			    co_phase_name(w->phase), w->index, v, 100.0 * v / rv, plan->weeks[ref].index, rv,
			    w->phase == CO_PHASE_TAPER ? "40-60%" : "at most 60%");
	}
}

/*
 * C7: a lift not trained for 3 weeks or more never comes back at a new top
 * load; and the taper's main lifts are those of the last 3 weeks before it.
 */
void co_check_c7_top_load(checker *c)
{
	const co_plan *plan = c->plan;
	memory mm = {0};
	co_date taper_start = 0;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		if (!co_check_taper_phase(w->phase))
			taper_start = 0;
		else if (!taper_start)
			taper_start = w->start;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (!co_check_strength(s))
				continue;
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t i = 0; i < s->blocks[b].n_items; i++) {
					const co_item *it = &s->blocks[b].items[i];
					lift_mem *l = it->exercise ? mem_get(&mm, it->exercise, false) : NULL;

					if (!it->exercise)
						continue;
					if (l && it->load > 0 && l->top > 0 && s->date - l->last >= GAP_DAYS &&
					    it->load > l->top + 1e-9)
						co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
						    "'%s' comes back after %d days at %g, above its top load %g",
						    it->exercise->id, (int)(s->date - l->last), it->load, l->top);
					if (b == CO_BLOCK_MAIN && taper_start && l &&
					    l->last < taper_start && taper_start - l->last > GAP_DAYS)
						co_check_add(c, "C7", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C7", 0, 0, 0}),
						    "taper main lift '%s' was last done %d days before the taper (the lifts of the last 3 weeks continue)",
						    it->exercise->id, (int)(taper_start - l->last));
					mem_note(&mm, s, it);
				}
		}
	}
	free(mm.m);
}

/* ---- C8: the re-entry week --------------------------------------------- */

/*
 * The first loading week after a recovery week, or after 3 weeks or more
 * without a strength session, restarts each main lift at about 90% of its
 * last load: below it, and at most 90% (within half a load step).
 */
void co_check_c8_reentry(checker *c)
{
	const co_plan *plan = c->plan;
	memory mm = {0};
	co_date last_lift = 0;
	bool recovered = false;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		bool reentry = false, any = false;

		if (w->phase == CO_PHASE_RECOVERY) {
			recovered = true;
			continue;
		}
		for (size_t j = 0; j < w->n_sessions; j++)
			if (co_check_strength(&w->sessions[j]) && co_check_loads(&w->sessions[j])) {
				if (last_lift && w->sessions[j].date - last_lift >= GAP_DAYS)
					recovered = true;
				any = true;
				break;
			}
		if (any && recovered) {
			reentry = true;
			recovered = false;
		}
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];
			const co_block *b = &s->blocks[CO_BLOCK_MAIN];

			if (!co_check_strength(s))
				continue;
			for (size_t i = 0; reentry && i < b->n_items; i++) {
				const co_item *it = &b->items[i];
				lift_mem *l = it->exercise ? mem_get(&mm, it->exercise, false) : NULL;
				double step = co_check_step(c, it->exercise);

				if (!l || l->last_load <= 0 || it->load <= 0)
					continue;
				if (it->load >= l->last_load - 1e-9 ||
				    it->load > CEILING * l->last_load + step / 2 + 1e-9)
					co_check_add(c, "C8", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C8", 0, 0, 0}),
					    "re-entry week: '%s' at %g against %g before the break (about 90%%, at most %g)",
					    it->exercise->id, it->load, l->last_load,
					    CEILING * l->last_load + step / 2);
			}
		}
		/*
		 * Loads are remembered once the whole week is checked: a lift done
		 * twice in the re-entry week at its restart load is compared with
		 * the load before the break both times, not with itself. A deload
		 * week's lighter loads are not "the last loads" a re-entry restarts
		 * below (C8 means the working loads), but its sessions still count
		 * as lifting for the gap.
		 */
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (!co_check_strength(s))
				continue;
			if (w->deload) {
				if (co_check_loads(s))
					last_lift = s->date;
				continue;
			}
			for (int bk = CO_BLOCK_MAIN; bk <= CO_BLOCK_ACCESSORY; bk++)
				for (size_t i = 0; i < s->blocks[bk].n_items; i++)
					if (s->blocks[bk].items[i].exercise && s->blocks[bk].items[i].load > 0)
						mem_note(&mm, s, &s->blocks[bk].items[i]);
			if (co_check_loads(s))
				last_lift = s->date;
		}
	}
	free(mm.m);
}

/* ---- C9: where a deload falls, how heavy it is -------------------------- */

/* The load of `ex` in block `kind` of week `w` (its heaviest), or -1. */
static double load_in(const co_week *w, const co_exercise *ex)
{
	double best = -1;

	for (size_t j = 0; j < w->n_sessions; j++)
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t i = 0; i < w->sessions[j].blocks[b].n_items; i++) {
				const co_item *it = &w->sessions[j].blocks[b].items[i];

				if (it->exercise == ex && it->load > best)
					best = it->load;
			}
	return best;
}

/*
 * A deload is not the first week of its phase, nor a week that is already
 * a single maintenance session; its loads are at most 90% (within half a
 * load step) of the last loading week before it, whatever that week's
 * phase (the last week that held the exercise, since the last recovery).
 */
void co_check_c9_placement(checker *c)
{
	const co_plan *plan = c->plan;

	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];

		if (!w->deload)
			continue;
		if (k == 0 || plan->weeks[k - 1].phase != w->phase)
			co_check_add(c, "C9", w->start, co_check_week_explains(w, &(why_match){"C9", 0, 0, 0}),
			    "deload in week %d, the first week of its %s phase (a deload ends a block)",
			    w->index, co_phase_name(w->phase));
		if (single_maintenance(w))
			co_check_add(c, "C9", w->start, co_check_week_explains(w, &(why_match){"C9", 0, 0, 0}),
			    "deload of week %d, already a single maintenance session", w->index);
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];

			if (!co_check_strength(s))
				continue;
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t i = 0; i < s->blocks[b].n_items; i++) {
					const co_item *it = &s->blocks[b].items[i];
					double ref = -1, step;
					long rk = -1;

					if (!it->exercise || it->load <= 0)
						continue;
					for (size_t q = k; q-- > 0 && q + C9_LOOKBACK >= k &&
					     plan->weeks[q].phase != CO_PHASE_RECOVERY;) {
						if (plan->weeks[q].deload || !co_phase_loading(plan->weeks[q].phase))
							continue;
						if ((ref = load_in(&plan->weeks[q], it->exercise)) > 0) {
							rk = (long)q;
							break;
						}
					}
					step = co_check_step(c, it->exercise);
					if (ref > 0 && it->load > CEILING * ref + step / 2 + 1e-9)
						co_check_add(c, "C9", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C9", 0, 0, 0}),
						    "deload '%s' at %g is %.0f%% of %g in week %d (at most 90%%)",
						    it->exercise->id, it->load, 100.0 * it->load / ref, ref,
						    plan->weeks[rk].index);
				}
		}
	}
}

/* ---- C10: blocks ------------------------------------------------------- */

static bool main_has(const co_session *s, const co_exercise *ex)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	for (size_t i = 0; i < b->n_items; i++)
		if (b->items[i].exercise == ex)
			return true;
	return false;
}

/* Every week of [from, to) holds at most one strength session: one fixed session a week. */
static bool one_a_week(const co_plan *plan, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++) {
		size_t n = 0;

		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++)
			n += co_check_strength(&plan->weeks[k].sessions[j]);
		if (n > 1)
			return false;
	}
	return true;
}

static bool known_lift(const checker *c, const co_exercise *ex)
{
	for (size_t i = 0; c->p && i < c->p->n_lifts; i++)
		if (c->p->lifts[i].exercise && ex->id && !strcmp(c->p->lifts[i].exercise, ex->id))
			return true;
	return false;
}

/* Whether a strength session other than a maintenance one in weeks [from, to) has `ex` as a main lift. */
static bool block_has(const co_plan *plan, size_t from, size_t to, const co_exercise *ex, bool *any)
{
	*any = false;
	for (size_t k = from; k < to; k++)
		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++) {
			const co_session *s = &plan->weeks[k].sessions[j];

			if (!co_check_strength(s) || s->focus == CO_FOCUS_MAINTENANCE)
				continue;
			*any = true;
			if (main_has(s, ex))
				return true;
		}
	return false;
}

/*
 * The main lifts of a session focus stay the same through a loading
 * phase (base, build, peak: a run of weeks of one phase, deloads
 * included): a main lift not in the phase's first session of that focus
 * is a rotation inside the block. With one session a week, one fixed
 * session: the focus does not matter. A maintenance session (a race or
 * peak week's single shorter session) is not a block of its own: its
 * lifts are a subset of those of the phase's other sessions (of its first
 * maintenance session when the phase has no other), and it is never the
 * reference of the others. A test day (D6) is that week's own card: the
 * test takes a lift (a single-leg box squat test, then a box squat) and
 * the tests change what the time budget leaves, so it is neither the
 * reference (unless every session of its focus in the phase holds a
 * test) nor held to it. In the 2 weeks before a taper no main lift is
 * new against the session of the same focus before it. A main lift at
 * RPE 8 or more was prescribed at RPE 7 or less in an earlier week, unless
 * the athlete knows it ([lifts]; needs the profile).
 */
void co_check_c10(checker *c)
{
	const co_plan *plan = c->plan;
	memory mm = {0};

	/* rotation inside a phase: each session against the phase's first of its focus */
	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		const co_session *first[CO_FOCUS_COUNT + 1];
		size_t to = k, from = k;
		bool one;

		if (!co_phase_loading(w->phase)) {
			continue;
		}
		while (to < plan->n_weeks && plan->weeks[to].phase == w->phase)
			to++;
		one = one_a_week(plan, k, to);
		memset(first, 0, sizeof(first));
		/* the reference: the phase's first session of the key without a test block */
		for (size_t q = k; q < to; q++)
			for (size_t j = 0; j < plan->weeks[q].n_sessions; j++) {
				const co_session *s = &plan->weeks[q].sessions[j];
				size_t key = one && s->focus != CO_FOCUS_MAINTENANCE ? CO_FOCUS_COUNT : (size_t)s->focus;

				if (co_check_strength(s) && key <= CO_FOCUS_COUNT && !first[key] &&
				    !s->blocks[CO_BLOCK_TEST].n_items)
					first[key] = s;
			}
		for (; k < to; k++) {
			const co_week *x = &plan->weeks[k];

			for (size_t j = 0; j < x->n_sessions; j++) {
				const co_session *s = &x->sessions[j];
				const co_block *b = &s->blocks[CO_BLOCK_MAIN];
				bool maint = s->focus == CO_FOCUS_MAINTENANCE;
				size_t key = one && !maint ? CO_FOCUS_COUNT : (size_t)s->focus;

				if (!co_check_strength(s) || key > CO_FOCUS_COUNT)
					continue;
				if (!first[key])
					first[key] = s; /* a phase whose every session of the key holds a test */
				for (size_t i = 0; i < b->n_items; i++) {
					const co_exercise *ex = b->items[i].exercise;
					bool others = false, in_block = false;

					if (!ex)
						continue;
					if (maint)
						in_block = block_has(plan, from, to, ex, &others);
					if (others ? in_block : main_has(first[key], ex))
						continue;
					if (!others && s->blocks[CO_BLOCK_TEST].n_items && s != first[key])
						continue; /* D6: this week's own card */
					co_check_add(c, "C10", s->date, co_check_day_explains(c, x, s->date, &(why_match){"C10", 0, 0, 0}),
					    others ? "main lift '%s' of a maintenance session is not one of the %s phase's lifts" :
						     "main lift '%s' is new inside the %s phase (its %s session of %s had other lifts)",
					    ex->id, co_phase_name(x->phase),
					    one ? "strength" : co_focus_name(s->focus),
					    co_check_day_name(first[key]->date));
				}
			}
		}
		k--; /* the loop's k++ moves to the next phase */
	}

	/* the 2 weeks before each taper, and heavy lifts new to the athlete */
	for (size_t k = 0; k < plan->n_weeks; k++) {
		const co_week *w = &plan->weeks[k];
		bool frozen = false;

		for (size_t q = k + 1; q <= k + C10_FREEZE_WEEKS && q < plan->n_weeks; q++)
			if (plan->weeks[q].phase == CO_PHASE_TAPER && !co_check_taper_phase(w->phase))
				frozen = true;
		for (size_t j = 0; j < w->n_sessions; j++) {
			const co_session *s = &w->sessions[j];
			const co_block *b = &s->blocks[CO_BLOCK_MAIN];
			const co_session *prev = NULL;

			if (!co_check_strength(s))
				continue;
			if (frozen && !s->blocks[CO_BLOCK_TEST].n_items) {
				/* the session of the same focus before this one: of its
				 * phase and not a test day (D6: that week's own card)
				 * first, then the phase's test day, then any */
				for (int pass = 0; pass < 3 && !prev; pass++)
					for (size_t p = k + 1; p-- > 0 && p + C10_LOOKBACK > k && !prev;)
						for (size_t i = plan->weeks[p].n_sessions; i-- > 0 && !prev;) {
							const co_session *t = &plan->weeks[p].sessions[i];

							if (t->date < s->date && t->focus == s->focus && co_check_strength(t) &&
							    (pass == 2 || plan->weeks[p].phase == w->phase) &&
							    (pass > 0 || !t->blocks[CO_BLOCK_TEST].n_items))
								prev = t;
						}
			}
			for (size_t i = 0; i < b->n_items; i++) {
				const co_item *it = &b->items[i];
				lift_mem *l;

				if (!it->exercise)
					continue;
				if (prev && !main_has(prev, it->exercise))
					co_check_add(c, "C10", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C10", 0, 0, 0}),
					    "main lift '%s' rotates in within %d weeks of the taper",
					    it->exercise->id, C10_FREEZE_WEEKS);
				l = mem_get(&mm, it->exercise, false);
				if (c->p && it->rpe >= C10_HEAVY_RPE - 1e-9 && !known_lift(c, it->exercise) &&
				    !(l && l->has_intro && l->intro < w->start))
					co_check_add(c, "C10", s->date, co_check_day_explains(c, w, s->date, &(why_match){"C10", 0, 0, 0}),
					    "'%s' at RPE %g with no lighter week (RPE 7 or below) before it: a lift new to the athlete",
					    it->exercise->id, it->rpe);
			}
			for (int bk = CO_BLOCK_MAIN; bk <= CO_BLOCK_ACCESSORY; bk++)
				for (size_t i = 0; i < s->blocks[bk].n_items; i++)
					if (s->blocks[bk].items[i].exercise)
						mem_note(&mm, s, &s->blocks[bk].items[i]);
		}
	}
	free(mm.m);
}
