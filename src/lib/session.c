/*
 * A lifting session: which exercises, in which order (METHOD A1-A8, B1-B5).
 *
 * The scheduler sets a session's date and focus; co_session_build() fills
 * the four blocks of B1 (warm-up activation, main compound lifts, accessory
 * stability/lower-leg/core work, cool-down mobility and breathing), asks
 * prescribe.c for the dose, fits the time budget (B4), and explains itself
 * in `why` lines that cite rule ids.
 *
 * Choosing an exercise for a slot (a movement pattern):
 *   1. candidates: the pattern, equipment the athlete has, level at most the
 *      athlete's, not already in the session, compound and never ballistic
 *      for main lifts (A1, A6), and in the taper only exercises done before
 *      it (C7: `allowed_ids`, else a regression of one of them);
 *   2. ordered by level (the highest suitable first), then a known load in
 *      [lifts], then how well the tags fit the focus, then catalogue order;
 *   3. the variant rotates every 3-4 weeks (a block as long as the deload
 *      cycle) through up to three near-equal candidates (less than one level
 *      below the best), so loads can progress within a block and a known
 *      lift from [lifts] stays the athlete's lift;
 *   4. if the choice loads a niggling region (A8), walk its regression chain,
 *      else take the best neighbour of the pattern that spares the region,
 *      and say so in the item's note and a `why` line.
 * No randomness: the same inputs give the same session.
 *
 * Invariants of a built session: blocks in B1 order; every lifting session
 * trains the six A2 regions (less any niggling one, which a why line names);
 * no main lift is ballistic or outside the A1 patterns; every cool-down
 * has hip, ankle and thoracic mobility (A7); the estimated minutes fit the
 * budget unless even the shortest session cannot (then a why line says so).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "lib/method.h"
#include "lib/prescribe.h"
#include "lib/session.h"
#include "lib/session_builder.h"
#include "util/strbuf.h"

#define MAX_CANDIDATES 256
#define POOL_MAX 3        /* variants rotated per slot */
#define SCORE_STEP 10000  /* one level, the focus's side, ... (see score()) */
#define CHAIN_MAX 16      /* regression chain walk bound */
#define DEFAULT_BUDGET 45 /* B4 */
/* A9: equipment that loads a lift in small steps (not one kettlebell, not a band) */
#define PROGRESSIVE_EQUIPMENT (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR | CO_EQUIP_DUMBBELLS)

/* What a slot asks for. */
typedef struct want {
	co_pattern pattern;
	bool main;            /* A1: compound, never ballistic */
	bool ballistic_ok;    /* A6: plyometric block only */
	bool strict;          /* A8: never touch a niggle (false: mobility keeps it, with a note) */
	bool lax_allowed;     /* C7: warm-up/cool-down may fall back outside allowed_ids */
	bool loaded;          /* A9: only lifts that take dumbbells, a kettlebell or a bar */
	bool kept;            /* C10: only the lifts ctx->keep_mains lists */
	bool kept_after;      /* C10: the usual choice, taken only if ctx->keep_mains lists it */
	bool quiet;           /* no A8 why line for a slot left empty (another pass follows) */
	int sided;            /* +1 prefer unilateral, -1 bilateral, 0 either */
	unsigned carry_pref;  /* co_carryover bits preferred */
	unsigned region_pref; /* co_region bits preferred */
} want;

typedef struct cand {
	const co_exercise *ex;
	long score;
	size_t order;
} cand;

/* ---- small helpers ---------------------------------------------------- */

static unsigned popcount(unsigned v)
{
	unsigned n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

static const char *ex_name(const co_exercise *ex)
{
	return ex->name && *ex->name ? ex->name : ex->id;
}

/* A pattern as a sentence names it ("no bent-knee calf raise exercise spares ..."). */
static const char *pattern_text(co_pattern p)
{
	static const char *const words[CO_PATTERN_COUNT] = {
		[CO_PATTERN_HINGE] = "hip hinge",
		[CO_PATTERN_SQUAT] = "squat",
		[CO_PATTERN_SINGLE_LEG] = "single-leg",
		[CO_PATTERN_HIP_EXTENSION] = "hip extension",
		[CO_PATTERN_CARRY] = "loaded carry",
		[CO_PATTERN_CALF_STRAIGHT] = "straight-knee calf raise",
		[CO_PATTERN_CALF_BENT] = "bent-knee calf raise",
		[CO_PATTERN_TIBIALIS] = "tibialis",
		[CO_PATTERN_ANTI_ROTATION] = "anti-rotation",
		[CO_PATTERN_ANTI_EXTENSION] = "anti-extension",
		[CO_PATTERN_ANTI_LATERAL_FLEXION] = "anti-lateral-flexion",
		[CO_PATTERN_HIP_STABILITY] = "hip stability",
		[CO_PATTERN_MOBILITY_HIPS] = "hip mobility",
		[CO_PATTERN_MOBILITY_ANKLES] = "ankle mobility",
		[CO_PATTERN_MOBILITY_THORACIC] = "thoracic mobility",
		[CO_PATTERN_ACTIVATION] = "activation",
		[CO_PATTERN_BREATHING] = "breathing",
		[CO_PATTERN_PLYOMETRIC] = "plyometric",
	};

	return (unsigned)p < CO_PATTERN_COUNT && words[p] ? words[p] : "?";
}

/* "hamstrings and calves" for a set of region bits. */
static void add_regions(co_strbuf *sb, unsigned regions)
{
	unsigned n = popcount(regions), i = 0;

	for (unsigned bit = 1; bit && bit <= regions; bit <<= 1) {
		const char *name;

		if (!(regions & bit))
			continue;
		name = co_region_name((co_region)bit);
		if (i)
			co_strbuf_adds(sb, i + 1 == n ? " and " : ", ");
		co_strbuf_adds(sb, name ? name : "?");
		i++;
	}
}

/* " (achilles_left)": the niggle sites behind a set of spared regions. */
static const co_niggle *active_niggles(const co_session_ctx *ctx, size_t *n)
{
	if (ctx->niggles) {
		*n = ctx->n_niggles;
		return ctx->niggles;
	}
	*n = ctx->profile ? ctx->profile->n_niggles : 0;
	return ctx->profile ? ctx->profile->niggles : NULL;
}

static void add_sites_ctx(co_strbuf *sb, const co_session_ctx *ctx, unsigned regions)
{
	size_t i, shown = 0, n;
	const co_niggle *ng = active_niggles(ctx, &n);

	for (i = 0; i < n; i++) {
		if (!(ng[i].regions & regions) || !ng[i].site)
			continue;
		co_strbuf_adds(sb, shown ? ", " : " (");
		co_strbuf_adds(sb, ng[i].site);
		shown++;
	}
	if (shown)
		co_strbuf_addch(sb, ')');
}

static bool is_used(const builder *b, const co_exercise *ex)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->slots[i].item.exercise == ex)
			return true;
	return false;
}

/*
 * A8: does the exercise spare every active niggle? It does when it loads
 * none of their regions, or when it is a graded regression (gentle_for in
 * the catalogue) for each niggle site whose regions it loads.
 */
static bool spares(const builder *b, const co_exercise *ex)
{
	size_t n;
	const co_niggle *ng;

	if (!(ex->regions & b->ctx->niggle_regions))
		return true;
	ng = active_niggles(b->ctx, &n);
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int site = co_niggle_site_index(ng[i].site);

		if (!(ng[i].regions & ex->regions))
			continue;
		if (site < 0 || !(ex->gentle_for & (1u << site)))
			return false;
	}
	return true;
}

/* A8: a regression that still loads the niggling region (gentle_for). */
static bool is_regression_for_niggle(const builder *b, const co_exercise *ex)
{
	return (ex->regions & b->ctx->niggle_regions) && spares(b, ex);
}

static bool in_allowed(const builder *b, const co_exercise *ex)
{
	const char *const *id = b->ctx->allowed_ids;

	if (!id)
		return true;
	for (; *id; id++)
		if (!strcmp(*id, ex->id))
			return true;
	return false;
}

/* A regression (direct or down the chain) of an exercise in allowed_ids. */
static bool regression_of_allowed(const builder *b, const co_exercise *ex)
{
	const char *const *id = b->ctx->allowed_ids;

	for (; id && *id; id++) {
		const co_exercise *e = co_catalog_find(b->ctx->cat, *id);

		for (int k = 0; e && e->regression && k < CHAIN_MAX; k++) {
			e = co_catalog_find(b->ctx->cat, e->regression);
			if (e == ex)
				return true;
		}
	}
	return false;
}

/* Equipment, level, A1/A6 and not yet in the session; pattern not checked. */
static bool usable(const builder *b, const co_exercise *ex, const want *w)
{
	if ((ex->equipment & ~b->p->equipment) != 0)
		return false;
	if ((int)ex->level > (int)b->p->level)
		return false;
	/* A1, A6; A9: a main carry is a farmer's or suitcase carry, the others accessories */
	if (w->main && (!ex->compound || ex->ballistic || !co_method_is_a1(ex->pattern) ||
			(ex->pattern == CO_PATTERN_CARRY && !co_method_main_carry(ex))))
		return false;
	if (ex->ballistic && !w->ballistic_ok)
		return false;
	return !is_used(b, ex);
}

static long score(const builder *b, const co_exercise *ex, const want *w)
{
	long sc = 0;

	if (w->region_pref && (ex->regions & w->region_pref))
		sc += 100000;
	if (!w->strict && spares(b, ex))
		sc += 200000; /* mobility: prefer the drill that spares the niggle */
	/*
	 * A lift the athlete listed in [lifts] counts as one step and wins ties:
	 * session A keeps their RDL, session B may still prefer a single-leg one.
	 */
	if (w->main && co_profile_lift(b->p, ex->id) > 0)
		sc += 3 * SCORE_STEP; /* C10: the athlete's known lifts come first, and stay */
	/* A9: a main lift the athlete can load progressively with what they own */
	if (w->main && (b->p->equipment & PROGRESSIVE_EQUIPMENT) &&
	    !(ex->equipment & PROGRESSIVE_EQUIPMENT))
		sc -= SCORE_STEP;
	sc += (long)ex->level * SCORE_STEP;
	/* the focus's side (B2) is worth one level: a bilateral hinge leads session A */
	if (w->sided > 0 && ex->unilateral)
		sc += SCORE_STEP;
	if (w->sided < 0 && !ex->unilateral)
		sc += SCORE_STEP;
	sc += 10 * (long)popcount(ex->carryover & w->carry_pref);
	return sc;
}

static int cand_cmp(const void *a, const void *b)
{
	const cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

enum { ALLOWED_ONLY, ALLOWED_REGRESSIONS, ANY };

static size_t collect(const builder *b, const want *w, int allowed_mode, cand *out)
{
	size_t n = 0, count = co_catalog_count(b->ctx->cat);

	for (size_t i = 0; i < count && n < MAX_CANDIDATES; i++) {
		const co_exercise *ex = co_catalog_at(b->ctx->cat, i);

		if (!ex || ex->pattern != w->pattern || !usable(b, ex, w))
			continue;
		if (w->loaded && !(ex->equipment & CO_A9_LOADING))
			continue;
		if (w->kept && !co_sb_kept(b, ex))
			continue;
		if (allowed_mode == ALLOWED_ONLY && !in_allowed(b, ex))
			continue;
		if (allowed_mode == ALLOWED_REGRESSIONS && !regression_of_allowed(b, ex))
			continue;
		out[n].ex = ex;
		out[n].score = score(b, ex, w);
		out[n].order = i;
		n++;
	}
	qsort(out, n, sizeof(*out), cand_cmp);
	return n;
}

/* A8: "X instead of Y to spare REGIONS (SITES)" for a swap a niggle forced. */
static char *swap_note(const builder *b, const co_exercise *chosen, const co_exercise *first)
{
	unsigned niggle = b->ctx->niggle_regions;
	co_strbuf sb;

	co_strbuf_init(&sb);
	co_strbuf_addf(&sb, "A8: %s instead of %s to spare ", ex_name(chosen), ex_name(first));
	add_regions(&sb, first->regions & niggle);
	add_sites_ctx(&sb, b->ctx, first->regions & niggle);
	if (chosen->regions & niggle)
		co_strbuf_adds(&sb, ": a graded regression, pain at most 3/10, settled by the next morning");
	return co_strbuf_detach(&sb);
}

/* How hard a bodyweight variant is: its level, then one leg over two. */
static int difficulty(const co_exercise *ex)
{
	return 2 * (int)ex->level + (ex->unilateral ? 1 : 0);
}

/*
 * Which of the pool's near-equals block `block` takes. Loaded main lifts
 * rotate for variety (block modulo pool): the load is what progresses.
 * A main slot filled without a load (bodyweight or band work) progresses by
 * a harder variation instead (A9): each block takes the next harder of the
 * pool and stays on the hardest, never going back to an easier one.
 */
static size_t rotation(const cand *c, size_t pool, bool main, int block)
{
	size_t order[POOL_MAX], k = (size_t)(block > 0 ? block : 0);

	if (!main || pool < 2 || co_exercise_loadable(c[0].ex))
		return k % pool;
	for (size_t i = 0; i < pool; i++) {
		size_t j = i;

		/* by difficulty, the better score first among equals (insertion sort of <= 3) */
		while (j > 0 && difficulty(c[order[j - 1]].ex) > difficulty(c[i].ex)) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	return order[k < pool ? k : pool - 1];
}

/*
 * Choose the exercise for a slot (see the top of the file). Returns NULL
 * when nothing fits; *blocked then names the exercise a niggle ruled out
 * (NULL when the catalogue simply has nothing). *note receives the A8
 * sentence when the choice replaced another (malloc'd, caller frees).
 */
static const co_exercise *pick(const builder *b, const want *w, const co_exercise **blocked,
			       char **note)
{
	cand *c = co_xmalloc(MAX_CANDIDATES * sizeof(*c));
	unsigned niggle = b->ctx->niggle_regions;
	const co_exercise *first, *chosen = NULL, *e;
	size_t n, pool, i;
	co_strbuf sb;

	*blocked = NULL;
	*note = NULL;
	n = collect(b, w, ALLOWED_ONLY, c);
	if (!n && b->ctx->allowed_ids)
		n = collect(b, w, ALLOWED_REGRESSIONS, c);
	if (!n && b->ctx->allowed_ids && w->lax_allowed)
		n = collect(b, w, ANY, c);
	if (!n && b->ctx->allowed_ids && w->strict) {
		/* C7 leaves nothing: say so when a niggle is why (A8), not only the taper */
		size_t m = collect(b, w, ANY, c);

		for (i = 0; i < m && !spares(b, c[i].ex); i++)
			;
		if (m && i == m)
			*blocked = c[0].ex;
	}
	if (!n)
		goto done;
	/* rotate only among near-equals: within one preference step of the best */
	for (pool = 1; pool < n && pool < POOL_MAX; pool++)
		if (c[pool].score <= c[0].score - SCORE_STEP)
			break;
	/* C10: the same focus keeps the same lifts within a block, whatever its slot */
	first = c[rotation(c, pool, w->main, b->block)].ex;
	if (spares(b, first)) {
		chosen = first;
		if (is_regression_for_niggle(b, first)) {
			co_strbuf_init(&sb);
			co_strbuf_addf(&sb, "A8: %s kept as a graded regression for ", ex_name(first));
			add_regions(&sb, first->regions & niggle);
			add_sites_ctx(&sb, b->ctx, first->regions & niggle);
			co_strbuf_adds(&sb, ": pain at most 3/10, settled by the next morning");
			*note = co_strbuf_detach(&sb);
		}
		goto done;
	}
	if (!w->strict) {
		/* Mobility keeps its area (A7) but stays in a pain-free range. */
		chosen = c[0].ex; /* sparing drills sort first */
		if (!spares(b, chosen)) {
			co_strbuf_init(&sb);
			co_strbuf_adds(&sb, "A8: keep to a pain-free range");
			add_sites_ctx(&sb, b->ctx, chosen->regions & niggle);
			*note = co_strbuf_detach(&sb);
		}
		goto done;
	}
	/* A8: a near-equal of the pool that spares the niggle (a known lift stays
	 * the athlete's lift), then the regression chain, then the best neighbour. */
	for (i = 0; !chosen && i < pool; i++)
		if (c[i].ex != first && spares(b, c[i].ex) && !is_regression_for_niggle(b, c[i].ex))
			chosen = c[i].ex;
	e = chosen ? NULL : first;
	for (int k = 0; e && e->regression && k < CHAIN_MAX; k++) {
		e = co_catalog_find(b->ctx->cat, e->regression);
		if (e && spares(b, e) && usable(b, e, w) &&
		    (w->main ? co_method_is_a1(e->pattern) : e->pattern == w->pattern)) {
			chosen = e;
			break;
		}
	}
	/* regressions that keep the region trained before neighbours that skip it */
	for (i = 0; !chosen && i < n; i++)
		if (is_regression_for_niggle(b, c[i].ex))
			chosen = c[i].ex;
	for (i = 0; !chosen && i < n; i++)
		if (spares(b, c[i].ex))
			chosen = c[i].ex;
	if (!chosen) {
		*blocked = first;
		goto done;
	}
	*note = swap_note(b, chosen, first);
done:
	free(c);
	return chosen;
}

static slot *add_slot(builder *b, const co_exercise *ex, co_block_kind kind, unsigned flags,
		      int prio, bool keep, char *note)
{
	slot *sl;

	if (b->n >= MAX_SLOTS) {
		free(note);
		return NULL;
	}
	sl = &b->slots[b->n++];
	memset(sl, 0, sizeof(*sl));
	sl->item.exercise = ex;
	sl->item.note = note;
	sl->item.load = -1;
	sl->kind = kind;
	sl->flags = flags;
	sl->prio = prio;
	sl->keep = keep;
	return sl;
}

static void remove_slot(builder *b, size_t i)
{
	free(b->slots[i].item.note);
	memmove(&b->slots[i], &b->slots[i + 1], (b->n - i - 1) * sizeof(b->slots[0]));
	b->n--;
}

/*
 * Fill a slot from the first pattern that yields an exercise; a niggle that
 * rules out every pattern is explained once.
 */
static slot *fill(builder *b, const co_pattern *patterns, size_t np, want w,
		  co_block_kind kind, unsigned flags, int prio, bool keep)
{
	const co_exercise *blocked_first = NULL;
	/* A9: with weights, every pattern is tried for a loaded lift before a bodyweight one */
	int pass = w.main && (b->p->equipment & CO_A9_LOADING) ? 0 : 1;

	if (w.main && b->ctx->n_keep_mains && !w.kept && !w.kept_after) {
		/* C10: the block's lifts first (plan.c), in any of the slot's patterns:
		 * the usual choice when it is one of them (with its A8 note), else one of them */
		want k = w;
		slot *sl;

		k.kept_after = k.quiet = true;
		if ((sl = fill(b, patterns, np, k, kind, flags, prio, keep)))
			return sl;
		k.kept_after = false;
		k.kept = true;
		if ((sl = fill(b, patterns, np, k, kind, flags, prio, keep)))
			return sl;
		if (b->ctx->keep_only) {
			/* the slot stays empty: say why when a niggle is the reason (A8) */
			k.kept = k.quiet = false;
			k.kept_after = true;
			return fill(b, patterns, np, k, kind, flags, prio, keep);
		}
	}
	for (; pass < 2; pass++) {
		w.loaded = pass == 0;
		for (size_t i = 0; i < np; i++) {
			const co_exercise *ex, *blocked;
			char *note;

			w.pattern = patterns[i];
			ex = pick(b, &w, &blocked, &note);
			if (ex && w.kept_after && !co_sb_kept(b, ex)) {
				free(note);
				ex = NULL;
			}
			if (ex && (w.kept || w.kept_after) && !note)
				note = co_sb_kept_note(b, ex); /* A8: the swap said where it was chosen */
			/* A8: the niggle ruled out the loaded lifts of the slot */
			if (ex && pass == 1 && blocked_first && !note)
				note = swap_note(b, ex, blocked_first);
			if (ex) {
				/* the swap is said once, in the item's note (the plan's notes
				 * say the niggle once for the season) */
				return add_slot(b, ex, kind, flags, prio, keep, note);
			}
			if (blocked && !blocked_first)
				blocked_first = blocked;
		}
	}
	if (blocked_first && !w.quiet) {
		co_strbuf sb;

		co_strbuf_init(&sb);
		co_strbuf_addf(&sb, "A8: no %s exercise spares ", pattern_text(patterns[0]));
		add_regions(&sb, blocked_first->regions & b->ctx->niggle_regions);
		add_sites_ctx(&sb, b->ctx, blocked_first->regions & b->ctx->niggle_regions);
		co_strbuf_addf(&sb, "; %s left out", ex_name(blocked_first));
		co_session_add_why(b->s, "%s", sb.buf);
		co_strbuf_release(&sb);
	}
	return NULL;
}

static unsigned trained_regions(const builder *b, size_t skip)
{
	unsigned r = 0;

	for (size_t i = 0; i < b->n; i++)
		if (i != skip && (b->slots[i].kind == CO_BLOCK_MAIN ||
				  b->slots[i].kind == CO_BLOCK_ACCESSORY))
			r |= b->slots[i].item.exercise->regions;
	return r;
}

static size_t count_kind(const builder *b, co_block_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++)
		n += b->slots[i].kind == k;
	return n;
}

static const slot *first_of(const builder *b, co_block_kind k)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->slots[i].kind == k)
			return &b->slots[i];
	return NULL;
}

/* ---- the blocks ------------------------------------------------------- */

/* A7: activation drills open every session: glutes/hips, then lower leg. */
static int build_warmup(builder *b)
{
	static const unsigned prefs[] = {
		CO_REGION_GLUTES | CO_REGION_HIPS,
		CO_REGION_ANKLES | CO_REGION_CALVES | CO_REGION_SHINS,
		CO_REGION_HIPS | CO_REGION_GLUTES,
	};
	co_pattern p = CO_PATTERN_ACTIVATION;
	size_t want_n = b->budget < 35 && !b->mode.recovery ? 2 : 3;

	for (size_t i = 0; i < want_n; i++) {
		want w = {.strict = true, .lax_allowed = true, .region_pref = prefs[i]};

		fill(b, &p, 1, w, CO_BLOCK_WARMUP, 0, 0, false);
	}
	if (!count_kind(b, CO_BLOCK_WARMUP)) {
		/* A7 keeps its activation even when every drill touches a niggle (A8 note) */
		want w = {.strict = false, .lax_allowed = true, .region_pref = prefs[0]};

		fill(b, &p, 1, w, CO_BLOCK_WARMUP, 0, 0, false);
	}
	if (!count_kind(b, CO_BLOCK_WARMUP))
		return co_error_set(CO_EINPUT, "no activation drill in the catalogue fits the athlete");
	return 0;
}

/* A7: hips, ankles and thoracic spine every cool-down, then breathing. */
static int build_cooldown(builder *b)
{
	static const co_pattern areas[] = {
		CO_PATTERN_MOBILITY_HIPS, CO_PATTERN_MOBILITY_ANKLES,
		CO_PATTERN_MOBILITY_THORACIC, CO_PATTERN_BREATHING,
	};
	size_t got = 0;

	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		want w = {.strict = false, .lax_allowed = true};

		if (fill(b, &areas[i], 1, w, CO_BLOCK_COOLDOWN, 0, 0, false))
			got++;
		else
			co_session_add_why(b->s, "A7: no %s drill in the catalogue fits the athlete",
					   pattern_text(areas[i]));
	}
	if (!got)
		return co_error_set(CO_EINPUT, "no mobility drill in the catalogue fits the athlete");
	return 0;
}

typedef struct main_plan {
	co_pattern patterns[3];
	size_t np;
	int sided;
	unsigned carry_pref;
	unsigned flags;
} main_plan;

/* A1 patterns per focus (B2: the lead pattern first). */
static const main_plan plan_posterior[] = {
	{{CO_PATTERN_HINGE, CO_PATTERN_HIP_EXTENSION}, 2, -1, CO_CARRY_POSTERIOR_CHAIN, 0},
	{{CO_PATTERN_HIP_EXTENSION, CO_PATTERN_HINGE}, 2, -1, CO_CARRY_POSTERIOR_CHAIN, CO_DOSE_HEAVY},
	{{CO_PATTERN_SQUAT, CO_PATTERN_SINGLE_LEG}, 2, 0, CO_CARRY_VERTICAL_FORCE, 0},
};
static const main_plan plan_stability[] = {
	{{CO_PATTERN_SINGLE_LEG, CO_PATTERN_SQUAT}, 2, 1,
	 CO_CARRY_STABILITY | CO_CARRY_BRAKING_CONTROL | CO_CARRY_VERTICAL_FORCE, CO_DOSE_HEAVY},
	{{CO_PATTERN_HINGE, CO_PATTERN_HIP_EXTENSION}, 2, 1, CO_CARRY_STABILITY, 0},
	{{CO_PATTERN_CARRY, CO_PATTERN_HIP_EXTENSION, CO_PATTERN_SQUAT}, 3, 1, CO_CARRY_STABILITY,
	 CO_DOSE_HEAVY},
};
static const main_plan plan_maintenance[] = {
	{{CO_PATTERN_HINGE, CO_PATTERN_HIP_EXTENSION}, 2, 0, CO_CARRY_POSTERIOR_CHAIN, 0},
	{{CO_PATTERN_SINGLE_LEG, CO_PATTERN_SQUAT}, 2, 1, CO_CARRY_VERTICAL_FORCE, 0},
};

static int build_main(builder *b)
{
	const main_plan *plan;
	size_t n;

	switch (b->focus) {
	case CO_FOCUS_STABILITY:
		plan = plan_stability;
		n = sizeof(plan_stability) / sizeof(plan_stability[0]);
		break;
	case CO_FOCUS_MAINTENANCE:
		plan = plan_maintenance;
		n = sizeof(plan_maintenance) / sizeof(plan_maintenance[0]);
		break;
	default:
		plan = plan_posterior;
		n = sizeof(plan_posterior) / sizeof(plan_posterior[0]);
		break;
	}
	for (size_t i = 0; i < n; i++) {
		want w = {.main = true, .strict = true, .sided = plan[i].sided,
			  .carry_pref = plan[i].carry_pref};

		/* C10: no preference of the phase's own (C4's vertical force), or a
		 * phase keeping the block before it would rotate before a taper */
		fill(b, plan[i].patterns, plan[i].np, w, CO_BLOCK_MAIN, plan[i].flags, 0, false);
	}
	/* A8: a niggle that emptied slots leaves room for a neighbour pattern. */
	if (b->ctx->niggle_regions && count_kind(b, CO_BLOCK_MAIN) < 2) {
		static const co_pattern spare[] = {
			CO_PATTERN_SINGLE_LEG, CO_PATTERN_SQUAT, CO_PATTERN_CARRY,
			CO_PATTERN_HIP_EXTENSION, CO_PATTERN_HINGE,
		};
		want w = {.main = true, .strict = true, .kept = b->ctx->keep_only};

		for (size_t i = 0; i < sizeof(spare) / sizeof(spare[0]) &&
				   count_kind(b, CO_BLOCK_MAIN) < 2; i++) {
			const co_exercise *ex, *blocked;
			char *note;

			w.pattern = spare[i];
			ex = pick(b, &w, &blocked, &note);
			if (!ex)
				continue;
			free(note);
			add_slot(b, ex, CO_BLOCK_MAIN, 0, 0, false,
				 co_xstrdup("A8: in place of a lift the niggle rules out"));
			co_session_add_why(b->s, "A8: %s in place of a lift the niggle rules out",
					   ex_name(ex));
		}
	}
	if (!count_kind(b, CO_BLOCK_MAIN) && !b->ctx->niggle_regions)
		return co_error_set(CO_EINPUT, "no main lift in the catalogue fits the athlete's "
					       "equipment and level");
	return 0;
}

typedef struct acc_plan {
	co_pattern pattern;
	int prio;
	bool keep;
} acc_plan;

static const acc_plan acc_posterior[] = {
	{CO_PATTERN_HIP_STABILITY, 2, false},
	{CO_PATTERN_CALF_STRAIGHT, 9, true},
	{CO_PATTERN_TIBIALIS, 9, true},
	{CO_PATTERN_ANTI_EXTENSION, 3, false},
	{CO_PATTERN_ANTI_LATERAL_FLEXION, 1, false},
};
static const acc_plan acc_stability[] = {
	{CO_PATTERN_ANTI_ROTATION, 9, true}, /* B2: session B leads with it */
	{CO_PATTERN_HIP_STABILITY, 3, false},
	{CO_PATTERN_CALF_BENT, 9, true},
	{CO_PATTERN_TIBIALIS, 9, true},
	{CO_PATTERN_ANTI_LATERAL_FLEXION, 1, false},
};
static const acc_plan acc_maintenance[] = {
	{CO_PATTERN_CALF_STRAIGHT, 9, true},
	{CO_PATTERN_CALF_BENT, 9, true},
	{CO_PATTERN_TIBIALIS, 9, true},
	{CO_PATTERN_ANTI_ROTATION, 3, false},
};

static bool plyo_allowed(const builder *b)
{
	/* A8: no plyometrics while a lower-limb niggle is active */
	return b->p->plyometrics && b->p->level >= CO_LEVEL_INTERMEDIATE &&
	       !b->ctx->lower_limb_niggle &&
	       !b->mode.taper && !b->mode.deload && !b->mode.recovery &&
	       (b->focus == CO_FOCUS_POSTERIOR_CHAIN || b->focus == CO_FOCUS_STABILITY);
}

static void build_accessories(builder *b)
{
	const acc_plan *plan;
	size_t n;
	const slot *calf = NULL, *tib = NULL;

	if (plyo_allowed(b)) {
		co_pattern p = CO_PATTERN_PLYOMETRIC;
		want w = {.ballistic_ok = true, .strict = true};
		slot *sl = fill(b, &p, 1, w, CO_BLOCK_ACCESSORY, CO_DOSE_PLYO, 0, false);

		if (sl) {
			co_item_note_add(&sl->item, "A6: separate low-volume plyometric work");
			co_session_add_why(b->s, "A6: %s as separate low-volume plyometric work, "
						 "before the accessories", ex_name(sl->item.exercise));
		}
	}
	switch (b->focus) {
	case CO_FOCUS_STABILITY:
		plan = acc_stability;
		n = sizeof(acc_stability) / sizeof(acc_stability[0]);
		break;
	case CO_FOCUS_MAINTENANCE:
		plan = acc_maintenance;
		n = sizeof(acc_maintenance) / sizeof(acc_maintenance[0]);
		break;
	default:
		plan = acc_posterior;
		n = sizeof(acc_posterior) / sizeof(acc_posterior[0]);
		break;
	}
	for (size_t i = 0; i < n; i++) {
		want w = {.strict = true, .carry_pref = CO_CARRY_STABILITY |
							CO_CARRY_BRAKING_CONTROL};
		slot *sl;

		/* D6: never calf work after calf raises to failure */
		if (b->ctx->test_calf && (plan[i].pattern == CO_PATTERN_CALF_STRAIGHT ||
					  plan[i].pattern == CO_PATTERN_CALF_BENT))
			continue;
		sl = fill(b, &plan[i].pattern, 1, w, CO_BLOCK_ACCESSORY, 0, plan[i].prio,
			  plan[i].keep);

		if (sl && (plan[i].pattern == CO_PATTERN_CALF_STRAIGHT ||
			   plan[i].pattern == CO_PATTERN_CALF_BENT) && !calf)
			calf = sl;
		if (sl && plan[i].pattern == CO_PATTERN_TIBIALIS)
			tib = sl;
	}
	/* A4: with one session a week, both calf raises live in it. */
	if ((b->p->sessions_per_week == 1 || b->ctx->week_sessions == 1 || b->ctx->both_calves) &&
	    b->focus != CO_FOCUS_MAINTENANCE && !b->ctx->test_calf) {
		co_pattern other = b->focus == CO_FOCUS_STABILITY ? CO_PATTERN_CALF_STRAIGHT
								   : CO_PATTERN_CALF_BENT;
		want w = {.strict = true};
		slot *sl = fill(b, &other, 1, w, CO_BLOCK_ACCESSORY, 0, 9, true);

		if (sl && b->p->sessions_per_week != 1)
			sl->extra = true; /* this week's own (C10: session_budget.c) */
	}
	if (calf && tib)
		co_session_add_why(b->s, "A4: lower-leg work: %s and %s",
				   ex_name(calf->item.exercise), ex_name(tib->item.exercise));
}

/* A2: add an accessory for any of the six regions nothing trains yet. */
static void cover_regions(builder *b)
{
	static const co_pattern order[] = {
		CO_PATTERN_HIP_STABILITY, CO_PATTERN_CALF_STRAIGHT, CO_PATTERN_CALF_BENT,
		CO_PATTERN_TIBIALIS, CO_PATTERN_ANTI_ROTATION, CO_PATTERN_ANTI_EXTENSION,
		CO_PATTERN_ANTI_LATERAL_FLEXION, CO_PATTERN_HIP_EXTENSION, CO_PATTERN_SQUAT,
		CO_PATTERN_SINGLE_LEG, CO_PATTERN_HINGE, CO_PATTERN_CARRY,
	};
	cand *c = co_xmalloc(MAX_CANDIDATES * sizeof(*c));
	unsigned niggle = b->ctx->niggle_regions;
	unsigned missing = CO_REGIONS_A2 & ~trained_regions(b, SIZE_MAX);
	co_strbuf sb;

	co_strbuf_init(&sb);
	if (b->ctx->test_calf && (missing & CO_REGION_CALVES)) {
		/* D6: the test block's calf raises to failure are today's calf work */
		co_session_add_why(b->s, "A2 bent: the calves are worked by the calf-raise test to "
					 "failure, so no calf raises after it (D6)");
		missing &= ~CO_REGION_CALVES;
	}
	/* A8: a niggling region is kept trained by a graded regression when one exists */
	while (missing) {
		const co_exercise *best = NULL;
		long best_score = -1;

		for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
			want w = {.pattern = order[k], .strict = true};
			size_t n = collect(b, &w, ALLOWED_ONLY, c);

			if (!n && b->ctx->allowed_ids)
				n = collect(b, &w, ALLOWED_REGRESSIONS, c);
			for (size_t i = 0; i < n; i++) {
				const co_exercise *ex = c[i].ex;
				long sc;

				if (!(ex->regions & missing) || !spares(b, ex))
					continue;
				/* most missing regions first, accessory patterns before lifts */
				sc = (long)popcount(ex->regions & missing) * 1000000L +
				     (long)(sizeof(order) / sizeof(order[0]) - k) * 1000L +
				     (long)(n - i);
				if (sc > best_score) {
					best_score = sc;
					best = ex;
				}
			}
		}
		if (!best)
			break;
		co_strbuf_reset(&sb);
		if (best->regions & missing & niggle) {
			co_strbuf_addf(&sb, "A8: %s keeps ", ex_name(best));
			add_regions(&sb, best->regions & missing & niggle);
			co_strbuf_adds(&sb, " trained around the niggle");
			add_sites_ctx(&sb, b->ctx, best->regions & missing & niggle);
			add_slot(b, best, CO_BLOCK_ACCESSORY, 0, 5, true,
				 co_xstrdup("A8: a graded regression: pain at most 3/10, settled by the next morning"));
		} else {
			co_strbuf_addf(&sb, "A2: added %s so the session trains ", ex_name(best));
			add_regions(&sb, best->regions & missing);
			add_slot(b, best, CO_BLOCK_ACCESSORY, 0, 5, false,
				 (best->regions & niggle) ?
				 co_xstrdup("A8: a graded regression: pain at most 3/10, settled by the next morning") :
				 NULL);
		}
		co_session_add_why(b->s, "%s", sb.buf);
		missing &= ~best->regions;
	}
	co_strbuf_reset(&sb);
	if (missing & niggle) {
		/* said once in the plan's notes (plan.c); the session only records it */
		if (b->ctx->rested)
			*b->ctx->rested |= missing & niggle;
		co_strbuf_adds(&sb, "A8: no regression within reach keeps ");
		add_regions(&sb, missing & niggle);
		co_strbuf_adds(&sb, " trained, so it is rested");
		add_sites_ctx(&sb, b->ctx, missing & niggle);
		co_strbuf_adds(&sb, " (A2 bent)");
		co_session_add_why(b->s, "%s", sb.buf);
		missing &= ~niggle;
		co_strbuf_reset(&sb);
	}
	if (missing) {
		co_strbuf_adds(&sb, "A2: no exercise within reach trains ");
		add_regions(&sb, missing);
		co_session_add_why(b->s, "%s", sb.buf);
	}
	co_strbuf_release(&sb);
	free(c);
}

/*
 * D6: the single-leg squat test, depth and control on each leg. It is a
 * measurement, not a lift: level and equipment do not rule it out (any box,
 * bench or chair sets the depth), only a niggle does.
 */
static void build_test(builder *b)
{
	static const char *const ids[] = {"single_leg_box_squat", "single_leg_squat", NULL};
	const co_exercise *ex = NULL;
	slot *sl;

	for (size_t i = 0; !ex && ids[i]; i++) {
		ex = co_catalog_find(b->ctx->cat, ids[i]);
		if (ex && ex->pattern != CO_PATTERN_SINGLE_LEG)
			ex = NULL;
	}
	if (!ex) {
		/* Any unilateral single-leg lift, the easiest first. */
		size_t count = co_catalog_count(b->ctx->cat);

		for (size_t i = 0; i < count; i++) {
			const co_exercise *e = co_catalog_at(b->ctx->cat, i);

			if (e && e->pattern == CO_PATTERN_SINGLE_LEG && e->unilateral &&
			    !e->ballistic && (!ex || e->level < ex->level))
				ex = e;
		}
	}
	if (!ex) {
		co_session_add_why(b->s, "D6: no single-leg squat in the catalogue; test skipped");
		return;
	}
	if (!spares(b, ex)) {
		co_strbuf sb;

		co_strbuf_init(&sb);
		co_strbuf_addf(&sb, "A8: %s test postponed to spare ", ex_name(ex));
		add_regions(&sb, ex->regions & b->ctx->niggle_regions);
		add_sites_ctx(&sb, b->ctx, ex->regions & b->ctx->niggle_regions);
		co_session_add_why(b->s, "%s", sb.buf);
		co_strbuf_release(&sb);
		return;
	}
	sl = add_slot(b, ex, b->focus == CO_FOCUS_TEST ? CO_BLOCK_MAIN : CO_BLOCK_TEST,
		      CO_DOSE_TEST, 0, true, NULL);
	if (sl && is_regression_for_niggle(b, ex))
		co_item_note_add(&sl->item, "D6: baseline test, regressed for the niggle (A8): slow "
					    "reps on each leg to a box no lower than pain allows (at "
					    "most 3/10); record the height and whether knee, pelvis "
					    "and trunk stayed aligned");
	else if (sl)
		co_item_note_add(&sl->item, "D6: baseline test: slow reps on each leg to the lowest "
					    "box, bench or chair you control; record the height and "
					    "whether knee, pelvis and trunk stayed aligned");
	co_session_add_why(b->s, "D6: baseline test: %s depth and control, each leg",
			   ex_name(ex));
}

/*
 * D6's optional calf test, folded into the day's session: single-leg calf
 * raises to failure on each leg. A count, not a lift: one set, no reps
 * prescribed (the dose is set after dosing, in co_session_build).
 */
static slot *build_calf_test(builder *b)
{
	const co_exercise *ex = co_catalog_find(b->ctx->cat, "single_leg_calf_raise");
	slot *sl;

	if (!ex)
		return NULL;
	sl = add_slot(b, ex, CO_BLOCK_TEST, CO_DOSE_TEST, 0, true,
		      co_xstrdup("D6: baseline test: slow full-range raises on one leg to failure, "
				 "then the other; record the reps of each leg"));
	co_session_add_why(b->s, "D6: baseline test: single-leg calf raises to failure, each leg");
	return sl;
}

/* ---- time budget (B4): session_budget.c ------------------------------- */

const char *co_sb_ex_name(const co_exercise *ex)
{
	return ex_name(ex);
}

unsigned co_sb_trained(const builder *b, size_t skip)
{
	return trained_regions(b, skip);
}

void co_sb_remove_slot(builder *b, size_t i)
{
	remove_slot(b, i);
}

/* ---- dosing, assembly ------------------------------------------------- */

static void dose_all(builder *b)
{
	for (size_t i = 0; i < b->n; i++)
		co_prescribe_item(&b->slots[i].item, b->slots[i].kind, &b->dose, b->focus,
				  b->slots[i].flags);
}

/* C10: done as a main lift in at least 2 earlier weeks (ctx->familiar); true without the list. */
static bool familiar(const builder *b, const co_exercise *ex)
{
	if (!b->ctx->check_familiar)
		return true;
	for (size_t i = 0; i < b->ctx->n_familiar; i++)
		if (b->ctx->familiar[i] == ex)
			return true;
	return false;
}

/* C7/C9 scaling and loads, after the budget was fitted on the normal dose. */
static void finish_doses(builder *b)
{
	for (size_t i = 0; i < b->n; i++) {
		co_item *it = &b->slots[i].item;
		co_block_kind k = b->slots[i].kind;
		double rpe = it->rpe;
		double load_factor = 1.0;

		if ((k != CO_BLOCK_MAIN && k != CO_BLOCK_ACCESSORY) ||
		    (b->slots[i].flags & CO_DOSE_TEST))
			continue;
		if (b->mode.deload) {
			load_factor = CO_DELOAD_LOAD;
			/* A9: an unloaded main lift keeps its RPE (never fewer reps at a higher one after) */
			if (it->rpe > 0 && !(k == CO_BLOCK_MAIN && it->reps > 0 &&
					     !co_exercise_loadable(it->exercise))) {
				it->rpe -= CO_DELOAD_RPE_DROP;
				if (it->rpe < 5.0)
					it->rpe = 5.0;
			}
		}
		/* C10: a lift new to the athlete starts at RPE 7 or below for 2 weeks */
		if (k == CO_BLOCK_MAIN && it->rpe > 7.0 && co_exercise_loadable(it->exercise) &&
		    co_profile_lift(b->p, it->exercise->id) <= 0 && !familiar(b, it->exercise)) {
			it->rpe = 7.0;
			rpe = 7.0;
			co_item_note_add(it, "C10: new to you: RPE 7 at most for its first 2 weeks");
		}
		if (!(b->slots[i].flags & CO_DOSE_PLYO))
			co_prescribe_load(it, &b->dose, load_factor, rpe);
		if (b->mode.taper && !b->ctx->week_level_taper)
			co_prescribe_scale(it, CO_TAPER_VOLUME);
		else if (b->mode.deload)
			co_prescribe_scale(it, CO_DELOAD_VOLUME);
	}
}

static void commit(builder *b)
{
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		b->s->blocks[k].kind = (co_block_kind)k;
		for (size_t i = 0; i < b->n; i++) {
			slot *sl = &b->slots[i];
			co_item *it;

			if ((int)sl->kind != k)
				continue;
			it = co_block_add(&b->s->blocks[k], sl->item.exercise);
			*it = sl->item;
			sl->item.note = NULL;
		}
	}
	b->n = 0;
}

static void why_focus(builder *b)
{
	const slot *m = first_of(b, CO_BLOCK_MAIN), *a = first_of(b, CO_BLOCK_ACCESSORY);

	/* the plyometric drill opens the accessories but does not lead them */
	for (size_t i = 0; i < b->n; i++) {
		if (b->slots[i].kind == CO_BLOCK_ACCESSORY && !(b->slots[i].flags & CO_DOSE_PLYO)) {
			a = &b->slots[i];
			break;
		}
	}
	if (b->focus == CO_FOCUS_POSTERIOR_CHAIN && m &&
	    (m->item.exercise->pattern == CO_PATTERN_HINGE ||
	     m->item.exercise->pattern == CO_PATTERN_HIP_EXTENSION))
		co_session_add_why(b->s, "B2: session A, posterior chain first: %s",
				   ex_name(m->item.exercise));
	else if (b->focus == CO_FOCUS_POSTERIOR_CHAIN && m)
		co_session_add_why(b->s, "B2: session A, but no hinge or hip extension spares the "
					 "niggle, so %s leads",
				   ex_name(m->item.exercise));
	else if (b->focus == CO_FOCUS_STABILITY && m)
		co_session_add_why(b->s, "B2: session B, hip and trunk stabilisers first: %s%s%s",
				   ex_name(m->item.exercise), a ? " and " : "",
				   a ? ex_name(a->item.exercise) : "");
}

int co_session_build(co_session *s, const co_session_ctx *ctx)
{
	builder *b = NULL;
	co_dose_reasons reasons;
	int rc = 0, len;
	size_t why0;

	if (!s || !ctx || !ctx->profile || !ctx->cat)
		return co_error_set(CO_EINPUT, "session: missing profile or catalogue");
	if (!co_catalog_count(ctx->cat))
		return co_error_set(CO_EINPUT, "the exercise catalogue is empty");
	why0 = s->n_why;
	b = co_xcalloc(1, sizeof(*b));
	b->ctx = ctx;
	b->p = ctx->profile;
	b->s = s;
	b->focus = s->focus;
	b->dose = (co_dose_ctx){.profile = ctx->profile, .phase = ctx->phase,
				.deload = ctx->deload, .taper = ctx->taper};
	b->mode = co_prescribe_mode(&b->dose, s->focus);
	if (b->mode.recovery)
		b->focus = CO_FOCUS_RECOVERY;
	s->focus = b->focus;
	b->budget = ctx->minutes_budget > 0 ? ctx->minutes_budget
		    : ctx->profile->session_minutes > 0 ? ctx->profile->session_minutes
							: DEFAULT_BUDGET;
	/* Variants hold for a block as long as the deload cycle (3-4 weeks). */
	len = ctx->profile->deload_every;
	len = len < 3 ? 3 : len > 4 ? 4 : len;
	b->block = ctx->block > 0 ? ctx->block - 1
		   : (ctx->week_index > 0 ? ctx->week_index - 1 : 0) / len;

	rc = build_warmup(b);
	if (rc)
		goto done;
	if (b->focus == CO_FOCUS_TEST) {
		build_test(b);
	} else if (b->focus != CO_FOCUS_RECOVERY) {
		if (ctx->test_squat)
			build_test(b);
		if (ctx->test_calf)
			build_calf_test(b);
		if (ctx->test_squat || ctx->test_calf)
			co_session_add_why(s, "D6: test day: one warm-up, the baseline tests, then a "
					      "shorter session and one cool-down, within %d min",
					   b->budget);
		rc = build_main(b);
		if (rc)
			goto done;
		build_accessories(b);
		cover_regions(b);
	}
	rc = build_cooldown(b);
	if (rc)
		goto done;

	why_focus(b);
	co_prescribe_reasons(&reasons, &b->dose, b->focus);
	for (size_t i = 0; i < reasons.n; i++)
		co_session_add_why(s, "%s", reasons.line[i]);
	dose_all(b);
	for (size_t i = 0; i < b->n; i++)
		if (b->slots[i].kind == CO_BLOCK_TEST &&
		    b->slots[i].item.exercise->pattern != CO_PATTERN_SINGLE_LEG) {
			/* calf raises to failure: a count, not a prescribed dose */
			b->slots[i].item.reps = 0;
			b->slots[i].item.seconds = 0;
			b->slots[i].item.tempo = NULL;
		}
	co_sb_fit_ratio(b);
	co_sb_fit_budget(b);
	finish_doses(b);
	s->minutes = (co_sb_total_seconds(b) + 59) / 60;

	if (ctx->strides_allowed && ctx->profile->strides && !b->mode.taper && !b->mode.deload &&
	    !b->mode.recovery && b->focus != CO_FOCUS_TEST &&
	    (b->mode.table == CO_PHASE_BUILD || b->mode.table == CO_PHASE_PEAK)) {
		s->strides = true;
		s->strides_reps = 6;
		s->strides_seconds = 20;
		co_session_add_why(s, "B5: 6 x 20 s strides after the strength block; no readiness "
				      "logged yet, so skip them if the legs feel heavy");
	}
	co_sb_sort_why(s, why0);
	co_method_session_uid(s->uid, ctx->profile->name ? ctx->profile->name : "", s->date,
			      ctx->slot, s->focus == CO_FOCUS_TEST);
	commit(b);
done:
	for (size_t i = 0; i < b->n; i++)
		free(b->slots[i].item.note);
	free(b);
	return rc;
}
