/*
 * The plan checker's rules of METHOD section B, how a session is built:
 * B1 block order, B2 A/B rotation, B3 tempo, B4 time budget, B5 strides,
 * B6 rest and ramp-up.
 * Dispatched from the table in check.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/check_internal.h"
#include "lib/method.h"
#include "util/strbuf.h"

/* ---- B: how a session is built ---------------------------------------- */

void co_check_b1(checker *c, const co_week *w, const co_session *s)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++) {
		const co_block *bl = &s->blocks[b];

		if (bl->kind != (co_block_kind)b) {
			co_check_add(c, "B1", s->date, NULL, "block %d is '%s', expected '%s'", b + 1,
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
			else if (b == CO_BLOCK_COOLDOWN && !co_check_is_mobility(ex->pattern))
				want = "mobility or breathing";
			else if ((b == CO_BLOCK_MAIN || b == CO_BLOCK_ACCESSORY) &&
				 (ex->pattern == CO_PATTERN_ACTIVATION || co_check_is_mobility(ex->pattern)))
				want = b == CO_BLOCK_MAIN ? "main lifts" : "stability, lower-leg or core work";
			if (want)
				co_check_add(c, "B1", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B1", 0, 0, 0}),
				    "'%s' (%s) in the %s block, which holds %s", ex->id,
				    co_pattern_name(ex->pattern), co_block_kind_name((co_block_kind)b), want);
		}
	}
	if (co_check_strength(s) && !s->blocks[CO_BLOCK_MAIN].n_items)
		co_check_add(c, "B1", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B1", "A8", "left out", NULL}),
		    "%s session has no main lift", co_focus_name(s->focus));
}

static bool b2_lead_a(co_pattern p)
{
	return p == CO_PATTERN_HINGE || p == CO_PATTERN_HIP_EXTENSION;
}

static char *b2_explains(const co_session *s, const why_match *a, const why_match *b)
{
	char *e = co_check_session_explains(s, a);

	return e ? e : co_check_session_explains(s, b);
}

void co_check_b2(checker *c, size_t k)
{
	const co_week *w = &c->plan->weeks[k];
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
				co_check_add(c, "B2", s->date, co_check_session_explains(s, &but),
				    "session A leads with '%s' (%s), not a hinge or hip extension",
				    lead->id, co_pattern_name(lead->pattern));
		} else if (s->focus == CO_FOCUS_STABILITY) {
			const co_exercise *acc_lead = NULL;

			n_b++;
			if (lead && lead->pattern != CO_PATTERN_SINGLE_LEG &&
			    lead->pattern != CO_PATTERN_SQUAT)
				co_check_add(c, "B2", s->date, b2_explains(s, &but, &no_single),
				    "session B leads with '%s' (%s), not single-leg work",
				    lead->id, co_pattern_name(lead->pattern));
			for (size_t i = 0; i < acc->n_items; i++) {
				if (!co_check_plyometric(acc->items[i].exercise)) {
					acc_lead = acc->items[i].exercise;
					break;
				}
			}
			if (acc_lead && acc_lead->pattern != CO_PATTERN_ANTI_ROTATION &&
			    co_check_block_has(acc, CO_PATTERN_ANTI_ROTATION))
				co_check_add(c, "B2", s->date, co_check_session_explains(s, &but),
				    "session B's accessories open with '%s', not its anti-rotation work",
				    acc_lead->id);
		}
	}
	if ((n_a >= 2 && n_b == 0) || (n_b >= 2 && n_a == 0))
		co_check_add(c, "B2", w->start, co_check_week_explains(w, &(why_match){"B2", 0, 0, 0}),
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

void co_check_b3(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!co_check_strength(s))
		return;
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];

		if (!it->exercise)
			continue;
		/* A9: carries and holds carry no tempo */
		if (!it->tempo && (it->exercise->pattern == CO_PATTERN_CARRY || it->reps <= 0))
			continue;
		if (!it->tempo)
			co_check_add(c, "B3", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B3", 0, 0, 0}),
			    "main lift '%s' has no tempo", it->exercise->id);
		else if (it->reps > 0 && !b3_tempo_ok(it->tempo))
			co_check_add(c, "B3", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B3", 0, 0, 0}),
			    "main lift '%s' has tempo %s: not a deliberate eccentric, a pause and a powerful concentric",
			    it->exercise->id, it->tempo);
	}
}

void co_check_b4(checker *c, const co_week *w, const co_session *s)
{
	int budget;
	why_match over = {"B4", "B4", "over the", NULL};

	if (!c->p)
		return;
	budget = c->p->session_minutes > 0 ? c->p->session_minutes : 45;
	if (s->minutes > budget)
		co_check_add(c, "B4", s->date, co_check_day_explains(c, w, s->date, &over),
		    "%s session takes %d min, over the %d min budget", co_focus_name(s->focus),
		    s->minutes, budget);
}

void co_check_b5(checker *c, const co_week *w, const co_session *s)
{
	const char *bad = NULL;

	if (!s->strides)
		return;
	if (w->phase != CO_PHASE_BUILD && w->phase != CO_PHASE_PEAK)
		bad = co_phase_name(w->phase);
	else if (w->deload)
		bad = "deload";
	else if (!co_check_strength(s))
		bad = co_focus_name(s->focus);
	if (bad)
		co_check_add(c, "B5", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B5", 0, 0, 0}),
		    "strides in a %s %s", bad, co_check_strength(s) ? "week" : "session");
	if (s->strides_reps < 4 || s->strides_reps > 6 || s->strides_seconds < 15 ||
	    s->strides_seconds > 20)
		co_check_add(c, "B5", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B5", 0, 0, 0}),
		    "strides of %d x %d s (4-6 x 15-20 s)", s->strides_reps, s->strides_seconds);
}

/*
 * B6, rest and ramp-up. Each main lift states its rest: 120-180 s after a
 * heavy set (RPE 7.5 and up), 60-90 s after a moderate one, 45-60 s after a
 * bodyweight or band set whatever its RPE (nothing to reload); a barbell or
 * trap-bar lift at RPE 7.5 or more with a load opens with 1 or 2 ramp sets,
 * each lighter than the work sets; a load on dumbbells says whether it is
 * per hand or the total. These are fields of the plan (rest_s, ramp_sets,
 * load_basis): a plan that carries none of them is not checked (skipped).
 */
#define B6_HEAVY_RPE 7.5
#define B6_HEAVY_REST_MIN 120
#define B6_HEAVY_REST_MAX 180
#define B6_MODERATE_REST_MIN 60
#define B6_MODERATE_REST_MAX 90
#define B6_UNLOADED_REST_MIN 45
#define B6_UNLOADED_REST_MAX 60

bool co_check_b6_fault(const co_item *it, int rest_s, int n_ramp, const double *ramp,
		       int load_basis, double empty_bar, char *buf, size_t n)
{
	const co_exercise *ex = it->exercise;
	bool heavy = it->rpe >= B6_HEAVY_RPE - 1e-9;
	bool unloaded = ex && !co_exercise_loadable(ex);
	int lo = unloaded ? B6_UNLOADED_REST_MIN : heavy ? B6_HEAVY_REST_MIN : B6_MODERATE_REST_MIN;
	int hi = unloaded ? B6_UNLOADED_REST_MAX : heavy ? B6_HEAVY_REST_MAX : B6_MODERATE_REST_MAX;

	if (!ex)
		return false;
	if (rest_s == 0) {
		snprintf(buf, n, "main lift '%s' states no rest", ex->id);
		return true;
	}
	if (rest_s > 0 && (rest_s < lo || rest_s > hi)) {
		snprintf(buf, n, "main lift '%s' at RPE %g rests %d s (%s: %d-%d s)", ex->id, it->rpe,
			 rest_s, unloaded ? "bodyweight or band" : heavy ? "heavy" : "moderate", lo, hi);
		return true;
	}
	if (n_ramp >= 0 && heavy && it->load > empty_bar + 1e-9 &&
	    (ex->equipment & (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR))) {
		if (n_ramp < 1 || n_ramp > 2) {
			snprintf(buf, n, "heavy barbell lift '%s' at RPE %g has %d ramp sets (1-2)", ex->id,
				 it->rpe, n_ramp);
			return true;
		}
		for (int i = 0; i < n_ramp; i++)
			if (ramp[i] >= it->load - 1e-9) {
				snprintf(buf, n, "ramp set of '%s' at %g is not lighter than the work sets' %g",
					 ex->id, ramp[i], it->load);
				return true;
			}
	}
	if (load_basis == 0 && it->load > 0 && (ex->equipment & CO_EQUIP_DUMBBELLS)) {
		snprintf(buf, n, "dumbbell load of '%s' does not say per hand or total", ex->id);
		return true;
	}
	return false;
}

bool co_check_plan_states_b6(const co_plan *plan)
{
	for (size_t k = 0; k < plan->n_weeks; k++)
		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++) {
			const co_block *b = &plan->weeks[k].sessions[j].blocks[CO_BLOCK_MAIN];

			for (size_t i = 0; i < b->n_items; i++)
				if (co_check_rest_s(&b->items[i]) > 0 ||
				    co_check_ramp_sets(&b->items[i], NULL, 0) > 0 ||
				    co_check_load_basis(&b->items[i]) > 0)
					return true;
		}
	return false;
}

void co_check_b6(checker *c, const co_week *w, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	if (!c->states_b6 || !co_check_strength(s))
		return; /* a plan written before the B6 fields: skipped, said once */
	for (size_t i = 0; i < b->n_items; i++) {
		const co_item *it = &b->items[i];
		double ramp[8];
		char buf[240];
		int n_ramp = co_check_ramp_sets(it, ramp, 8);

		if (n_ramp > 8)
			n_ramp = 8;
		if (co_check_b6_fault(it, co_check_rest_s(it), n_ramp, ramp, co_check_load_basis(it),
				      c->plan->units == CO_UNITS_LB ? 45 : 20, buf, sizeof(buf)))
			co_check_add(c, "B6", s->date, co_check_day_explains(c, w, s->date, &(why_match){"B6", 0, 0, 0}),
			    "%s", buf);
	}
}
