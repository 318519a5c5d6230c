/*
 * Private to the engine: the plan adapts to the athlete's history (METHOD
 * C9, D4, D5, D8, E4; docs/method.md "How the plan adapts"). Two passes over
 * a plan that co_plan_build() is making, both reading the evidence that
 * co_adapt_begin() gathers once from the history:
 *
 *   co_adapt_deloads()   after co_periodize(), before the sessions are built:
 *                        marks reactive deload weeks (C9) where the D4
 *                        signals say so, so the sessions and the loads pass
 *                        treat them as any deload;
 *   co_adapt_sessions()  after co_season_adjust(): cuts accessories first
 *                        (D5), trims the session whose next runs stay harder
 *                        (D8), and says when missed sessions are not made up.
 *
 * Causal: what week W gets depends only on history dated before W's Monday,
 * never on the clock, so re-planning leaves past weeks as they were (E4).
 * An empty history changes nothing. Every change names its signal and its
 * figures, in the week's notes or the session's `why`.
 */
#ifndef CO_LIB_ADAPT_H
#define CO_LIB_ADAPT_H

#include "carryover/history.h"
#include "carryover/plan.h"
#include "lib/periodize.h"

/* C9 reactive deload: D4 signals of two kinds or more in the 7 days before the week. */
#define CO_ADAPT_WINDOW 7
/* SCIENCE.md: "reactive deloads after 2-3 weeks of stalled progress". */
#define CO_ADAPT_STALL_DAYS 14
#define CO_ADAPT_STALL_WINDOW 21
/* D8: the runs compared, and the fewest in either group (SCIENCE.md: "too few runs to say" below 5). */
#define CO_ADAPT_D8_WINDOW 42
#define CO_ADAPT_D8_MIN_RUNS 5

/** What the history says, gathered once (the D4 signals, drifts, stalls, runs). */
typedef struct co_adapt co_adapt;

/** Gather the evidence of `h`; NULL when the history is empty (every call below is then a no-op). */
co_adapt *co_adapt_begin(const co_profile *profile, const co_history *h);

/** Mark the weeks that take a reactive deload; each gets a C9 note with its reasons. */
void co_adapt_deloads(co_adapt *ad, co_week *weeks, const co_period *info, size_t n_weeks);

/** D5 cuts, D8 trims and the E4 missed-session notes over the built plan. */
void co_adapt_sessions(co_adapt *ad, co_plan *plan);

/** Free what co_adapt_begin() gathered; NULL is a no-op. */
void co_adapt_end(co_adapt *ad);

#endif
