/*
 * Prescription: how much of each exercise, how hard, and how heavy
 * (METHOD C3-C9, B3, B4; SCIENCE.md for the load arithmetic).
 *
 * The dose of a main lift comes from a table per phase and athlete level
 * (below); accessories take the exercise's own dose range from the
 * catalogue, bounded by A5 for core work. The taper and the deload are not
 * tables of their own: they are the normal week's dose scaled down
 * (co_prescribe_scale), so "volume -50%" means exactly that against the
 * week before. Loads are the athlete's [lifts] value, read as an e1RM,
 * through the RPE chart: target = e1RM x pct(reps + 10 - RPE), rounded to
 * the plate or dumbbell step, in the profile's units.
 *
 * Invariants: main lifts always carry a tempo (B3); core items never exceed
 * 3 sets, 45 s or 12 reps (A5); warm-up and cool-down items have RPE 0 and
 * no load; every load is a multiple of the athlete's step.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/method.h"
#include "lib/prescribe.h"
#include "lib/rpe.h"
#include "util/strbuf.h"

/* B3: eccentric-pause-concentric, when the catalogue gives none. */
static const char default_tempo[] = "3-1-X";

/* A6: plyometrics stay low-volume: 2 sets of at most 6 contacts. */
#define PLYO_SETS 2
#define PLYO_MAX_REPS 6

/* D6: the single-leg squat test: one slow set of 5 on each leg. */
#define TEST_REPS 5

/*
 * Main-lift dose per phase and level (novice, intermediate, advanced).
 *   C3 base:  2-3 sets of 6-10 at RPE 6-7 (the source article: "six to
 *             eight controlled reps" for most; novices go lighter and
 *             longer, advanced athletes heavier).
 *   C4 build: 3-4 sets of 3-6 at RPE 7-8.5; hips and trunk (CO_DOSE_HEAVY)
 *             one rep fewer at half a point more (Storen 2008: 4 x 4RM).
 *   C6 peak:  2-3 sets of 3-5 at RPE 7-8.
 */
typedef struct main_dose {
	int sets, reps;
	double rpe;
} main_dose;

static const main_dose main_table[3][CO_LEVEL_COUNT] = {
	/* base */  {{2, 10, 6.0}, {3, 8, 6.5}, {3, 6, 7.0}},
	/* build */ {{3, 6, 7.0}, {3, 5, 7.5}, {4, 4, 8.0}},
	/* peak */  {{2, 5, 7.0}, {3, 4, 7.5}, {3, 4, 8.0}},
};

/*
 * Accessory sets per phase and level (C3: 2-3 sets; C6: halved in peak).
 * The main lifts carry the session: an advanced athlete's main work is at
 * least the accessories' volume (sets x reps), so the accessories stay at
 * 2 sets in base too and move to the low end of their range (heavier,
 * fewer reps, see dose_accessory) rather than growing with the level.
 */
static const int acc_sets[3][CO_LEVEL_COUNT] = {
	/* base */  {2, 2, 2},
	/* build */ {2, 2, 1},
	/* peak */  {1, 1, 1},
};

static const double acc_rpe[3] = {7.0, 7.5, 7.0};

/*
 * B4 time model. Main lifts: 3-1-X is about 5 s a rep; rest 90-150 s
 * between heavy loaded sets (90 s in base, 120 s when heavier), but 60 s
 * after a bodyweight or band main lift at any phase: there is no plate to
 * change and a set at RPE 7 without load is recovered from in a minute
 * (B6). Accessories: 3 s a rep, 45 s rest after holds and 60 s after reps.
 * Unilateral work counts both sides. Warm-up and cool-down drills are timed
 * like accessories without rest: 3 s a rep or the hold, then a change-over.
 */
#define MAIN_SECONDS_PER_REP 5
#define ACC_SECONDS_PER_REP 3
#define MAIN_REST_BASE 90      /* B6: moderate sets, 60-90 s */
#define MAIN_REST_HEAVY 120    /* B6: heavy sets, 2-3 min */
#define MAIN_REST_UNLOADED 60  /* B6: bodyweight or band: 45-60 s, nothing to reload */
#define MAIN_REST_UNLOADED_SIDES 45 /* ... and single-leg: each side rests while the other works */
#define HEAVY_RPE 7.5          /* B6: from here a set is heavy */
#define UNLOADED_CHANGEOVER 15 /* s from a bodyweight item's last set to the next item */
#define ACC_REST_REPS 60
#define ACC_REST_HOLD 45

static int table_index(co_phase p)
{
	switch (p) {
	case CO_PHASE_BUILD:
		return 1;
	case CO_PHASE_PEAK:
		return 2;
	default:
		return 0;
	}
}

static int level_index(const co_dose_ctx *ctx)
{
	int l = ctx->profile ? (int)ctx->profile->level : CO_LEVEL_INTERMEDIATE;

	return l < 0 ? 0 : l >= CO_LEVEL_COUNT ? CO_LEVEL_COUNT - 1 : l;
}

co_dose_mode co_prescribe_mode(const co_dose_ctx *ctx, co_focus focus)
{
	co_dose_mode m = {CO_PHASE_BASE, false, false, false};

	switch (ctx->phase) {
	case CO_PHASE_BUILD:
		m.table = CO_PHASE_BUILD;
		break;
	case CO_PHASE_PEAK:
		m.table = CO_PHASE_PEAK;
		break;
	case CO_PHASE_TAPER:
	case CO_PHASE_RACE:
		/* C7: the taper cuts the volume of the week before it (peak). */
		m.table = CO_PHASE_PEAK;
		m.taper = true;
		break;
	case CO_PHASE_RECOVERY:
		m.table = CO_PHASE_RECOVERY;
		m.recovery = true;
		break;
	default:
		m.table = CO_PHASE_BASE;
		break;
	}
	if (ctx->taper) {
		m.taper = true;
		if (m.table == CO_PHASE_BASE || m.table == CO_PHASE_BUILD)
			m.table = CO_PHASE_PEAK;
	}
	if (focus == CO_FOCUS_RECOVERY)
		m.recovery = true;
	/* A taper already cuts volume; a deload on top would cut it twice. */
	m.deload = ctx->deload && !m.taper && !m.recovery;
	return m;
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void dose_range(const co_exercise *ex, int *lo, int *hi)
{
	*lo = ex->dose_min;
	*hi = ex->dose_max;
	if (*lo <= 0 && *hi <= 0) {
		*lo = ex->dose == CO_DOSE_SECONDS ? 20 : 8;
		*hi = ex->dose == CO_DOSE_SECONDS ? 40 : 12;
	}
	if (*lo <= 0)
		*lo = *hi;
	if (*hi < *lo)
		*hi = *lo;
}

void co_prescribe_range(const co_exercise *ex, int *lo, int *hi)
{
	dose_range(ex, lo, hi);
	if (!co_method_is_core(ex->pattern))
		return;
	/* A5: core work stays inside its bounds whatever the log says */
	if (ex->dose == CO_DOSE_SECONDS && *hi > CO_A5_MAX_SECONDS)
		*hi = CO_A5_MAX_SECONDS;
	if (ex->dose != CO_DOSE_SECONDS && *hi > CO_A5_MAX_REPS)
		*hi = CO_A5_MAX_REPS;
	if (*lo > *hi)
		*lo = *hi;
}

static void set_amount(co_item *it, int amount)
{
	if (it->exercise->dose == CO_DOSE_SECONDS) {
		int lo, hi, r;

		/* holds read better in 5 s steps: 35 s, not 37 s */
		dose_range(it->exercise, &lo, &hi);
		r = (amount + 2) / 5 * 5;
		if (r >= lo && r <= hi)
			amount = r;
		it->seconds = amount;
		it->reps = 0;
	} else {
		it->reps = amount;
		it->seconds = 0;
	}
}

static void apply_core_bounds(co_item *it)
{
	if (!co_method_is_core(it->exercise->pattern))
		return;
	if (it->sets > CO_A5_MAX_SETS)
		it->sets = CO_A5_MAX_SETS;
	if (it->seconds > CO_A5_MAX_SECONDS)
		it->seconds = CO_A5_MAX_SECONDS;
	if (it->reps > CO_A5_MAX_REPS)
		it->reps = CO_A5_MAX_REPS;
}

/*
 * A9: a bodyweight or band main lift has no load to add, so it never
 * progresses by "fewer reps at a higher RPE": it stays at one RPE in every
 * phase (CO_UNLOADED_RPE, inside C3, C4 and C6 alike, and a deload cuts
 * its volume, not its effort), its reps stay in the exercise's range (base's
 * reps in build, the top of the range in peak), and it gets harder by a
 * slower eccentric (build) or a pause (peak).
 */
static void dose_unloaded(co_item *it, co_dose_mode m, int level)
{
	int lo, hi;

	dose_range(it->exercise, &lo, &hi);
	it->rpe = CO_UNLOADED_RPE;
	if (m.table == CO_PHASE_BASE) {
		it->reps = clampi(it->reps, lo, hi);
		return;
	}
	/* build: base's reps with the slower lowering (one progression at a
	 * time, and three sets of it still fit a novice's 30 minutes); peak, with
	 * fewer sets: the top of the range with a pause */
	it->reps = m.table == CO_PHASE_BUILD ? clampi(main_table[0][level].reps, lo, hi) : hi;
	if (m.table == CO_PHASE_BUILD) {
		it->tempo = "4-1-X";
		co_item_note_add(it, "A9: no load to add: %d reps with a 4 s lowering; C4 bent: "
				 "more reps than a loaded lift, not fewer at a higher RPE", it->reps);
	} else {
		it->tempo = "3-2-X";
		co_item_note_add(it, "A9: no load to add: %d reps with a 2 s pause; C6 bent: "
				 "more reps than a loaded lift, not fewer at a higher RPE", it->reps);
	}
}

static void dose_main(co_item *it, const co_dose_ctx *ctx, co_dose_mode m, unsigned flags)
{
	const co_exercise *ex = it->exercise;
	const main_dose *d = &main_table[table_index(m.table)][level_index(ctx)];
	int lo, hi;

	it->sets = d->sets;
	it->rpe = d->rpe;
	/* B3 for reps; A9: carries and holds carry no tempo */
	it->tempo = ex->dose == CO_DOSE_SECONDS || ex->pattern == CO_PATTERN_CARRY ? NULL
		    : ex->tempo && *ex->tempo ? ex->tempo : default_tempo;
	if (ex->dose == CO_DOSE_SECONDS) {
		/* Carries: long walks in base, short heavy ones later (C4). */
		dose_range(ex, &lo, &hi);
		it->seconds = m.table == CO_PHASE_BASE ? hi : lo;
		it->reps = 0;
	} else {
		it->reps = d->reps;
		it->seconds = 0;
	}
	if ((flags & CO_DOSE_HEAVY) && m.table == CO_PHASE_BUILD) {
		if (it->reps > 3)
			it->reps--;
		it->rpe = fmin(it->rpe + 0.5, 8.5);
	}
	if (it->reps > 0 && !co_exercise_loadable(ex))
		dose_unloaded(it, m, level_index(ctx));
	apply_core_bounds(it);
}

static void dose_accessory(co_item *it, const co_dose_ctx *ctx, co_dose_mode m, unsigned flags)
{
	const co_exercise *ex = it->exercise;
	int t = table_index(m.table), lo, hi;

	dose_range(ex, &lo, &hi);
	if (flags & CO_DOSE_PLYO) {
		it->sets = PLYO_SETS;
		set_amount(it, clampi(lo, 1, PLYO_MAX_REPS));
		it->rpe = 0;
		return;
	}
	it->sets = acc_sets[t][level_index(ctx)];
	it->rpe = acc_rpe[t];
	/* Base: the top of the range (technique, stability); later: the middle.
	 * An advanced athlete's accessories are heavier and shorter: the middle
	 * in base, the low end from build on, so the main lifts stay the bulk of
	 * the session (issue 8: accessories outweighed them 2-3 to 1). */
	if (level_index(ctx) == CO_LEVEL_ADVANCED)
		set_amount(it, lo);
	else if (level_index(ctx) == CO_LEVEL_INTERMEDIATE)
		set_amount(it, m.table == CO_PHASE_BASE ? (lo + hi) / 2 : lo);
	else
		set_amount(it, m.table == CO_PHASE_BASE ? hi : (lo + hi) / 2);
	apply_core_bounds(it);
}

static void dose_easy(co_item *it, co_block_kind kind, co_dose_mode m)
{
	int lo, hi;

	dose_range(it->exercise, &lo, &hi);
	it->sets = kind == CO_BLOCK_COOLDOWN && m.recovery ? 2 : 1;
	set_amount(it, (lo + hi) / 2);
	it->rpe = 0;
	it->tempo = NULL;
}

/*
 * B6: a bodyweight or band main lift rests 45-60 s: 60 s after a
 * two-legged set, 45 s after a single-leg one, whose other side has rested
 * while this one worked.
 */
static int unloaded_rest(const co_exercise *ex)
{
	return ex->unilateral ? MAIN_REST_UNLOADED_SIDES : MAIN_REST_UNLOADED;
}

/*
 * B6: rest by load: 2-3 min (120 s) between heavy sets of a loaded main
 * lift (RPE 7.5 and up), 60-90 s (90 s) between moderate ones, 60 s for
 * bodyweight and band main work (45-60 s) and accessories done for reps,
 * 45 s after holds. The estimate of a bodyweight session used to give its
 * main lifts the barbell's 90-120 s, which made a novice's 30 minutes look
 * full and trimmed the work to fit (issue 8).
 */
static int rest_for(const co_item *it, co_block_kind kind, co_phase table)
{
	if (kind == CO_BLOCK_WARMUP || kind == CO_BLOCK_COOLDOWN)
		return 0;
	if (kind == CO_BLOCK_MAIN) {
		if (!co_exercise_loadable(it->exercise))
			return unloaded_rest(it->exercise);
		/* by the phase's table, not the deload or taper: those sessions are
		 * trimmed to the budget on the normal week's dose */
		return table == CO_PHASE_BASE ? MAIN_REST_BASE : MAIN_REST_HEAVY;
	}
	if (kind == CO_BLOCK_TEST)
		return ACC_REST_REPS;
	if (!co_exercise_loadable(it->exercise))
		return ACC_REST_HOLD; /* bodyweight or band accessory: 45 s */
	return it->reps > 0 ? ACC_REST_REPS : ACC_REST_HOLD;
}

int co_prescribe_main_rest(const co_item *it)
{
	/* B6: bodyweight and band work rests 45-60 s whatever its RPE */
	if (!co_exercise_loadable(it->exercise))
		return unloaded_rest(it->exercise);
	if (it->rpe >= HEAVY_RPE - 1e-9)
		return MAIN_REST_HEAVY;
	return it->load > 0 ? MAIN_REST_BASE : MAIN_REST_UNLOADED;
}

void co_prescribe_item(co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
		       co_focus focus, unsigned flags)
{
	co_prescribe_item_dose(it, kind, ctx, focus, flags);
	it->rest_s = rest_for(it, kind, co_prescribe_mode(ctx, focus).table);
}

void co_prescribe_item_dose(co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
			    co_focus focus, unsigned flags)
{
	co_dose_mode m = co_prescribe_mode(ctx, focus);
	int lo, hi;

	it->load = -1;
	it->tempo = NULL;
	if (flags & CO_DOSE_TEST) {
		dose_range(it->exercise, &lo, &hi);
		it->sets = 1;
		set_amount(it, it->exercise->dose == CO_DOSE_SECONDS ? lo : TEST_REPS);
		it->rpe = 0;
		it->tempo = it->exercise->dose == CO_DOSE_SECONDS ? NULL
			    : it->exercise->tempo && *it->exercise->tempo ? it->exercise->tempo
									  : default_tempo;
		return;
	}
	switch (kind) {
	case CO_BLOCK_MAIN:
		dose_main(it, ctx, m, flags);
		break;
	case CO_BLOCK_ACCESSORY:
		dose_accessory(it, ctx, m, flags);
		break;
	default:
		dose_easy(it, kind, m);
		break;
	}
}

/*
 * Scale sets x amount towards `factor` of itself: the (sets, amount) pair
 * with sets <= the old sets and amount <= the old amount whose product is
 * closest to the target; ties keep more per set (fewer, fuller sets keep the
 * intensity the taper asks for). Seconds move in 5 s steps.
 */
void co_prescribe_scale(co_item *it, double factor)
{
	int amount = it->reps ? it->reps : it->seconds;
	int step = it->reps ? 1 : 5;
	int best_s = it->sets, best_a = amount, s, a;
	double target, best_diff = INFINITY;

	if (it->sets <= 0 || amount <= 0 || factor >= 1.0)
		return;
	target = factor * it->sets * amount;
	for (s = 1; s <= it->sets; s++) {
		for (a = amount; a >= step; a -= step) {
			double diff = fabs(s * a - target);

			if (diff < best_diff - 1e-9 ||
			    (fabs(diff - best_diff) <= 1e-9 && a > best_a)) {
				best_diff = diff;
				best_s = s;
				best_a = a;
			}
		}
	}
	it->sets = best_s;
	if (it->reps)
		it->reps = best_a;
	else
		it->seconds = best_a;
}

co_load_basis co_prescribe_load_basis(const co_item *it)
{
	const co_exercise *ex = it->exercise;

	if (!(it->load > 0))
		return CO_LOAD_BASIS_NONE;
	/* dumbbells in the hands: farmer's, suitcase, dumbbell RDL and split squat;
	 * a goblet or a seated raise holds one dumbbell as a whole */
	if ((ex->equipment & CO_EQUIP_DUMBBELLS) && !(ex->equipment & (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR)) &&
	    !strstr(ex->id, "goblet") && !strstr(ex->id, "seated") && !strstr(ex->id, "hip_thrust"))
		return CO_LOAD_BASIS_PER_HAND;
	if (!strcmp(ex->id, "farmers_walk") || !strcmp(ex->id, "suitcase_carry"))
		return CO_LOAD_BASIS_PER_HAND;
	return CO_LOAD_BASIS_TOTAL;
}

bool co_exercise_loadable(const co_exercise *ex)
{
	const unsigned loaded = CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL | CO_EQUIP_BARBELL |
				CO_EQUIP_TRAP_BAR | CO_EQUIP_CABLE | CO_EQUIP_MACHINE |
				CO_EQUIP_PLATE;

	return (ex->equipment & loaded) != 0;
}

double co_prescribe_load_step(const co_exercise *ex, const co_profile *p)
{
	bool lb = p->units == CO_UNITS_LB;
	bool bar = (ex->equipment & (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR)) != 0;
	bool bells = (ex->equipment & (CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL)) != 0;
	double step;

	/* D2 defaults when the profile gives none: 2.5 kg / 5 lb plates, 2 kg / 5 lb bells. */
	if (bells && !bar)
		step = p->dumbbell_step > 0 ? p->dumbbell_step : (lb ? 5.0 : 2.0);
	else
		step = p->plate_step > 0 ? p->plate_step : (lb ? 5.0 : 2.5);
	return step;
}

/* "3" for a whole number of reps in reserve, "2-3" for 2.5. */
static void rir_text(char *buf, size_t len, double rpe)
{
	double rir = 10.0 - rpe;

	if (rir < 0)
		rir = 0;
	if (fabs(rir - floor(rir)) < 1e-9)
		snprintf(buf, len, "%d", (int)rir);
	else
		snprintf(buf, len, "%d-%d", (int)floor(rir), (int)ceil(rir));
}

/*
 * A9: without a known load, a starting load from body mass. The fractions
 * are of body mass for an intermediate at the reference dose (8 reps at
 * RPE 7, or the carry's walk), deliberately on the low side of what
 * recreational lifters move, because an athlete without a logged load has
 * not shown more: a start the RPE corrects upwards is safer than one it
 * must correct down. Two dumbbells are per hand (B6); one bell, a bar or a
 * cable is the total.
 *   carries:      25/30/35% of body mass per hand (METHOD A9), a trap bar
 *                 twice that in total;
 *   goblet squat: 15/20/25% (METHOD A9), any one bell held at the chest;
 * the others scale the intermediate fraction by 0.75 (novice) and 1.25
 * (advanced), and halve it for a single-leg hinge or hip thrust (one leg
 * moves the load).
 */
typedef enum { IMPL_BAR, IMPL_TRAP_BAR, IMPL_PAIR, IMPL_ONE } implement;

static const double start_frac[5][4] = {
	/*                  bar   trap  pair (per hand)  one (total) */
	[CO_PATTERN_HINGE] = {0.60, 0.80, 0.20, 0.40},
	[CO_PATTERN_SQUAT] = {0.55, 0.55, 0.125, 0.20},
	[CO_PATTERN_SINGLE_LEG] = {0.35, 0.35, 0.125, 0.20},
	[CO_PATTERN_HIP_EXTENSION] = {0.70, 0.70, 0.20, 0.35},
	[CO_PATTERN_CARRY] = {0.60, 0.60, 0.30, 0.30},
};

#define START_REF_REPS 8
#define START_REF_RPE 7.0

static implement implement_of(const co_item *it)
{
	const co_exercise *ex = it->exercise;

	if (ex->equipment & CO_EQUIP_TRAP_BAR)
		return IMPL_TRAP_BAR;
	if (ex->equipment & CO_EQUIP_BARBELL)
		return IMPL_BAR;
	if ((ex->equipment & CO_EQUIP_DUMBBELLS) && !strstr(ex->id, "goblet") &&
	    !strstr(ex->id, "seated") && !strstr(ex->id, "hip_thrust"))
		return IMPL_PAIR;
	return IMPL_ONE;
}

static bool body_mass_start(co_item *it, const co_profile *p, double load_factor,
			    double rpe_for_load)
{
	static const double level_scale[CO_LEVEL_COUNT] = {0.75, 1.0, 1.25};
	static const double carry[CO_LEVEL_COUNT] = {0.25, 0.30, 0.35};
	static const double goblet[CO_LEVEL_COUNT] = {0.15, 0.20, 0.25};
	const co_exercise *ex = it->exercise;
	int l = (int)p->level < 0 ? 0 : (int)p->level >= CO_LEVEL_COUNT ? CO_LEVEL_COUNT - 1
									   : (int)p->level;
	implement impl;
	double share, target;

	if (!co_method_is_a1(ex->pattern) || (int)ex->pattern > (int)CO_PATTERN_CARRY)
		return false;
	impl = implement_of(it);
	if (ex->pattern == CO_PATTERN_CARRY)
		share = carry[l] * (impl == IMPL_TRAP_BAR || impl == IMPL_BAR ? 2.0 : 1.0);
	else if (ex->pattern == CO_PATTERN_SQUAT && strstr(ex->id, "goblet"))
		share = goblet[l];
	else
		share = start_frac[ex->pattern][impl] * level_scale[l];
	if (ex->unilateral && (ex->pattern == CO_PATTERN_HINGE ||
			       ex->pattern == CO_PATTERN_HIP_EXTENSION))
		share *= 0.5;
	target = p->body_mass * share;
	/* through the RPE chart: the share is a load for 8 reps at RPE 7 */
	if (it->reps > 0 && ex->pattern != CO_PATTERN_CARRY)
		target *= co_rpe_percent(it->reps, rpe_for_load) /
			  co_rpe_percent(START_REF_REPS, START_REF_RPE);
	it->load = co_round_load(target * load_factor, co_prescribe_load_step(ex, p));
	co_item_note_add(it, "A9: a start from body mass (%.0f%%%s%s); adjust to the RPE",
			 share * 100, impl == IMPL_PAIR ? " per hand" : "",
			 ex->pattern == CO_PATTERN_CARRY ? "" : " for 8 reps at RPE 7");
	return true;
}

void co_prescribe_load(co_item *it, const co_dose_ctx *ctx, double load_factor,
		       double rpe_for_load)
{
	const co_exercise *ex = it->exercise;
	double lift, target, rpe;
	char rir[16];

	it->load = -1;
	if (!ctx->profile || !co_exercise_loadable(ex))
		return;
	lift = co_profile_lift(ctx->profile, ex->id);
	if (lift > 0) {
		/*
		 * A [lifts] value is read as an e1RM. Timed sets (carries) have
		 * no rep count for the chart: their value is the working load.
		 */
		if (it->reps > 0)
			target = lift * co_rpe_percent(it->reps, rpe_for_load);
		else
			target = lift;
		it->load = co_round_load(target * load_factor, co_prescribe_load_step(ex, ctx->profile));
		return;
	}
	if (ctx->profile->body_mass > 0 &&
	    body_mass_start(it, ctx->profile, load_factor, rpe_for_load))
		return;
	rpe = it->rpe > 0 ? it->rpe : 7.0;
	if (it->reps > 0) {
		rir_text(rir, sizeof(rir), rpe);
		co_item_note_add(it, "choose a load you could lift %s more times (RPE %g)", rir, rpe);
	} else {
		co_item_note_add(it, "choose a load you could carry or hold about 10 s longer "
				     "(RPE %g)", rpe);
	}
}

int co_prescribe_seconds(const co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
			 co_focus focus)
{
	co_dose_mode m = co_prescribe_mode(ctx, focus);
	const co_exercise *ex = it->exercise;
	int per_rep = kind == CO_BLOCK_MAIN ? MAIN_SECONDS_PER_REP : ACC_SECONDS_PER_REP;
	int work = it->reps > 0 ? it->reps * per_rep : it->seconds;
	int rest;

	if (kind == CO_BLOCK_TEST && work == 0)
		work = 60; /* D6: a set to failure, about a minute a side */
	if (ex->unilateral)
		work *= 2;
	/* B6: the item's rest by its load, as dosed for the phase (deload and
	 * taper sessions are trimmed on the normal week's dose) */
	rest = it->rest_s > 0 ? it->rest_s : rest_for(it, kind, m.table);
	/* nothing to unload or set up: after the last bodyweight or band set
	 * the next exercise starts after a short change-over, not a full rest */
	if (!co_exercise_loadable(ex) && it->sets > 0 && kind != CO_BLOCK_TEST)
		return it->sets * work + (it->sets - 1) * rest + UNLOADED_CHANGEOVER;
	return it->sets * (work + rest);
}

static void reason(co_dose_reasons *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void reason(co_dose_reasons *out, const char *fmt, ...)
{
	va_list ap;

	if (out->n >= CO_DOSE_MAX_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(out->line[out->n++], sizeof(out->line[0]), fmt, ap);
	va_end(ap);
}

void co_prescribe_reasons(co_dose_reasons *out, const co_dose_ctx *ctx, co_focus focus)
{
	co_dose_mode m = co_prescribe_mode(ctx, focus);

	out->n = 0;

	if (m.recovery) {
		if (ctx->phase == CO_PHASE_RECOVERY)
			reason(out, "C8: recovery after the race: mobility and light activation only");
		else
			reason(out, "C8: recovery session: mobility and light activation only");
		return;
	}
	if (focus == CO_FOCUS_TEST)
		return;
	switch (m.table) {
	case CO_PHASE_BUILD:
		reason(out, "C4: build phase: 3-4 sets of 3-6 at RPE 7-8.5 on main lifts, "
				      "short heavy sets for hips and trunk");
		break;
	case CO_PHASE_PEAK:
		if (!m.taper)
			reason(out, "C6: peak phase: main lifts 2-3 sets of 3-5 at RPE 7-8, "
					      "accessories halved");
		break;
	default:
		reason(out, "C3: base phase: 2-3 sets of 6-10 controlled reps at RPE 6-7, "
				      "stability emphasis");
		break;
	}
	if (m.taper)
		reason(out, "C7: taper: intensity kept, no new exercises");
	if (m.deload)
		reason(out, "C9: deload week: volume -%d%%, loads -%d%%",
				   (int)lround((1.0 - CO_DELOAD_VOLUME) * 100),
				   (int)lround((1.0 - CO_DELOAD_LOAD) * 100));
	if (focus == CO_FOCUS_MAINTENANCE)
		reason(out, "C1: one maintenance session this week: 2 main lifts, "
				      "short accessories (Ronnestad 2010)");
}

void co_item_note_add(co_item *it, const char *fmt, ...)
{
	co_strbuf sb;
	va_list ap;

	co_strbuf_init(&sb);
	if (it->note) {
		co_strbuf_adds(&sb, it->note);
		co_strbuf_adds(&sb, "; ");
		free(it->note);
	}
	va_start(ap, fmt);
	co_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	it->note = co_strbuf_detach(&sb);
}
