/*
 * Private to the engine: the passes over a built season that need more than
 * one week in view (METHOD C7-C10): the week's strength volume, the planned
 * progression inside a phase, deload and re-entry loads against the last
 * loading week, and the week-level taper cut.
 */
#ifndef CO_LIB_SEASON_H
#define CO_LIB_SEASON_H

#include "carryover/history.h"
#include "carryover/plan.h"

/* C7: the taper keeps 40-60% of the last full loading week; aim at the middle. */
#define CO_TAPER_WEEK_SHARE 0.50
#define CO_TAPER_WEEK_MIN 0.40
#define CO_TAPER_WEEK_MAX 0.60
/* C9, C8: deload and re-entry loads at most 90% of the last loading week's. */
#define CO_LOAD_CEILING 0.90
/* C8, C7: a lift not trained for this many weeks restarts below its last load. */
#define CO_GAP_WEEKS 3

/** Sets x reps of the week's main and accessory blocks (a hold or carry: one rep per 3 s). */
int co_week_volume(const co_week *w);

/** The sets x reps of one item, as co_week_volume() counts it. */
int co_item_volume(const co_item *it);

/**
 * The season passes, in order: planned progression and load ceilings
 * (C8-C10) steered by the training log (D1-D3, D5, D6: `history`, may be
 * NULL; a week reads only the entries dated before its Monday), then the
 * taper cut (C7); finally every week's `volume`. `profile` gives the load
 * steps.
 */
void co_season_adjust(co_plan *plan, const co_profile *profile, const co_history *history);

#endif
