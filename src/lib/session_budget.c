/*
 * The session's time budget (METHOD B4, D5): the estimate of a session's
 * minutes, and the trimming that makes it fit: accessory sets first, then
 * accessory items (never A4 lower-leg work nor the last exercise for an A2
 * region), only then main lifts. Split from session.c, which builds the
 * session this pass trims.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/session_builder.h"
#include "util/strbuf.h"


/*
 * Every item is timed as written, the warm-up and cool-down too: a fixed
 * 5 minutes each over-estimated a short bodyweight session by a quarter
 * (a warm-up of two drills takes about 2 minutes), and the time model is
 * what decides whether a novice's 30 minutes keep their main sets (B4).
 */
int co_sb_total_seconds(const builder *b)
{
	int t = 0;

	for (size_t i = 0; i < b->n; i++)
		t += co_prescribe_seconds(&b->slots[i].item, b->slots[i].kind, &b->dose, b->focus);
	return t;
}

static void list_add(co_strbuf *sb, const char *name)
{
	if (strstr(sb->buf, name))
		return;
	if (sb->len)
		co_strbuf_adds(sb, ", ");
	co_strbuf_adds(sb, name);
}

/*
 * The lowest-priority accessory matching a test; the later one on ties.
 * `spare_plyo` leaves the plyometric drills alone: they are a separate
 * low-volume block the athlete asked for (A6), not an accessory to weigh.
 */
static ptrdiff_t lowest_of(const builder *b, bool dropping, bool spare_plyo)
{
	ptrdiff_t best = -1;

	for (size_t i = 0; i < b->n; i++) {
		const slot *sl = &b->slots[i];

		if (sl->kind != CO_BLOCK_ACCESSORY || (spare_plyo && (sl->flags & CO_DOSE_PLYO)))
			continue;
		if (dropping) {
			unsigned others = co_sb_trained(b, i);

			if (sl->keep || (sl->item.exercise->regions & CO_REGIONS_A2 & ~others))
				continue;
		} else if (sl->item.sets <= 1) {
			continue;
		}
		if (best < 0 || sl->prio <= b->slots[best].prio)
			best = (ptrdiff_t)i;
	}
	return best;
}

static ptrdiff_t lowest(const builder *b, bool dropping)
{
	return lowest_of(b, dropping, false);
}

/* The fullest main lift with more than `floor` sets; the later one on ties. */
static ptrdiff_t fullest_main(const builder *b, int floor)
{
	ptrdiff_t best = -1;

	for (size_t k = 0; k < b->n; k++) {
		const slot *sl = &b->slots[k];

		if (sl->kind == CO_BLOCK_MAIN && sl->item.sets > floor &&
		    (best < 0 || sl->item.sets >= b->slots[best].item.sets))
			best = (ptrdiff_t)k;
	}
	return best;
}

/* The last main lift that is neither the lead (B2) nor the last one for an A2 region. */
static ptrdiff_t droppable_main(const builder *b)
{
	ptrdiff_t last = -1;
	size_t seen = 0;

	for (size_t k = 0; k < b->n; k++) {
		const slot *sl = &b->slots[k];

		if (sl->kind != CO_BLOCK_MAIN || (sl->flags & CO_DOSE_TEST))
			continue;
		if (seen++ == 0)
			continue;
		if (sl->item.exercise->regions & CO_REGIONS_A2 & ~co_sb_trained(b, k))
			continue;
		last = (ptrdiff_t)k;
	}
	return seen > 2 ? last : -1;
}

/* Seconds of this week's extras: test protocols and a second calf raise. */
static int week_extras(const builder *b)
{
	int t = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->slots[i].kind == CO_BLOCK_TEST || b->slots[i].extra)
			t += co_prescribe_seconds(&b->slots[i].item, b->slots[i].kind, &b->dose,
						  b->focus);
	return t;
}

/* Sets x reps of an item, a hold or a carry counting one rep per 3 s (the plan's week volume). */
static int item_volume(const co_item *it)
{
	return it->sets * (it->reps > 0 ? it->reps : it->seconds / 3);
}

static int block_volume(const builder *b, co_block_kind kind)
{
	int v = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->slots[i].kind == kind && !(b->slots[i].flags & CO_DOSE_PLYO))
			v += item_volume(&b->slots[i].item);
	return v;
}

/*
 * The main lifts carry the session (C3, C4, C6; issue 8): for an
 * intermediate or advanced athlete the accessories' volume (sets x reps) is
 * at most the main lifts'. For an advanced athlete accessory sets go first,
 * from the lowest-priority item down to 1 set each; then, for both levels,
 * an accessory whose regions the other exercises train, never A4 lower-leg
 * work nor the last exercise of an A2 region, so the core and lower-leg
 * work of A2, A4 and A5 stays. A novice's session keeps its stability
 * emphasis (C3) and is left alone.
 */
void co_sb_fit_ratio(builder *b)
{
	co_strbuf fewer, dropped;
	const char *id;

	if (!b->p || b->p->level == CO_LEVEL_NOVICE || b->mode.recovery || b->focus == CO_FOCUS_TEST)
		return;
	co_strbuf_init(&fewer);
	co_strbuf_init(&dropped);
	while (block_volume(b, CO_BLOCK_ACCESSORY) > block_volume(b, CO_BLOCK_MAIN)) {
		/* an intermediate keeps 2 sets an item: D5's first answer to a
		 * fatigue signal is one accessory set fewer */
		ptrdiff_t i = b->p->level == CO_LEVEL_ADVANCED ? lowest_of(b, false, true) : -1;

		if (i >= 0) {
			b->slots[i].item.sets--;
			list_add(&fewer, co_sb_ex_name(b->slots[i].item.exercise));
			continue;
		}
		/* then an accessory whose regions others train (never A4 work nor
		 * the last exercise of an A2 region, as B4 drops them) */
		i = lowest_of(b, true, true);
		if (i < 0)
			break;
		list_add(&dropped, co_sb_ex_name(b->slots[i].item.exercise));
		co_sb_remove_slot(b, (size_t)i);
	}
	id = b->mode.table == CO_PHASE_BUILD ? "C4" : b->mode.table == CO_PHASE_PEAK ? "C6" : "C3";
	if (fewer.len)
		co_session_add_why(b->s, "%s: fewer sets of %s, so the main lifts carry the session "
					 "(accessory volume at most the main lifts')", id, fewer.buf);
	if (dropped.len)
		co_session_add_why(b->s, "%s: %s left out, so the main lifts carry the session "
					 "(its regions are trained by the other exercises)", id, dropped.buf);
	co_strbuf_release(&fewer);
	co_strbuf_release(&dropped);
}

/*
 * Trim to the budget (B4, and D5's "cut accessories first"): accessory sets
 * first, then accessory items (never A4 lower-leg work, session B's
 * anti-rotation lead, nor the last exercise for an A2 region); only then the
 * main lifts: down to 2 sets each, then the third lift goes (two lifts of 2
 * sets beat three single sets), then down to 1 set. The
 * main lifts go down to 1 set before one is left out when only the week's
 * extras (a test, a second calf raise) make the session too long: the lifts
 * of a phase stay the same in every session of its focus (C10).
 */
void co_sb_fit_budget(builder *b)
{
	co_strbuf fewer, dropped, mains, mains_dropped;
	int limit = b->budget * 60;

	co_strbuf_init(&fewer);
	co_strbuf_init(&dropped);
	co_strbuf_init(&mains);
	co_strbuf_init(&mains_dropped);
	while (co_sb_total_seconds(b) > limit) {
		ptrdiff_t i = lowest(b, false);

		if (i >= 0) {
			b->slots[i].item.sets--;
			list_add(&fewer, co_sb_ex_name(b->slots[i].item.exercise));
			continue;
		}
		i = lowest(b, true);
		if (i >= 0) {
			list_add(&dropped, co_sb_ex_name(b->slots[i].item.exercise));
			co_sb_remove_slot(b, (size_t)i);
			continue;
		}
		i = fullest_main(b, 2);
		if (i >= 0) {
			b->slots[i].item.sets--;
			list_add(&mains, co_sb_ex_name(b->slots[i].item.exercise));
			continue;
		}
		/* C10: a lift is left out only when the session the phase repeats
		 * (without this week's test or second calf raise) cannot hold it */
		i = week_extras(b) > 0 && co_sb_total_seconds(b) - week_extras(b) <= limit
		    ? fullest_main(b, 1) : -1;
		if (i >= 0) {
			b->slots[i].item.sets--;
			list_add(&mains, co_sb_ex_name(b->slots[i].item.exercise));
			continue;
		}
		i = droppable_main(b);
		if (i >= 0) {
			list_add(&mains_dropped, co_sb_ex_name(b->slots[i].item.exercise));
			co_sb_remove_slot(b, (size_t)i);
			continue;
		}
		i = fullest_main(b, 1);
		if (i < 0)
			break;
		b->slots[i].item.sets--;
		list_add(&mains, co_sb_ex_name(b->slots[i].item.exercise));
	}
	if (fewer.len)
		co_session_add_why(b->s, "B4: trimmed %s to fewer sets to fit %d min", fewer.buf,
				   b->budget);
	if (dropped.len)
		co_session_add_why(b->s, "B4: dropped %s to fit %d min", dropped.buf, b->budget);
	if (mains.len)
		co_session_add_why(b->s, "B4: accessories at their minimum, so main lifts lose sets "
					 "to fit %d min: %s",
				   b->budget, mains.buf);
	if (mains_dropped.len)
		co_session_add_why(b->s, "B4: accessories at their minimum, so %s is left out to "
					 "fit %d min",
				   mains_dropped.buf, b->budget);
	if (co_sb_total_seconds(b) > limit)
		co_session_add_why(b->s, "B4: the shortest session is %d min, over the %d min budget",
				   (co_sb_total_seconds(b) + 59) / 60, b->budget);
	co_strbuf_release(&fewer);
	co_strbuf_release(&dropped);
	co_strbuf_release(&mains);
	co_strbuf_release(&mains_dropped);
}

