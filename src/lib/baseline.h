/*
 * Private to the engine: baseline tests (METHOD D6).
 *
 * Every 4-6 weeks the plan holds a test block: the single-leg squat test
 * (depth and control, each leg) at the start of a lifting session, single-
 * leg calf raises to failure with it (unless a niggle spares the calves),
 * and a threshold-run test on one of the week's key-run days (a tempo or
 * threshold run first). The first test comes in week 1 or 2; tests never
 * fall in a taper, race or recovery week, and prefer the fresh week of or
 * after a deload.
 */
#ifndef CO_LIB_BASELINE_H
#define CO_LIB_BASELINE_H

#include "carryover/plan.h"

/**
 * Mark the weeks that should hold baseline tests: out[i] for weeks[i]
 * (phases and deloads already set).
 */
void co_baseline_weeks(bool *out, const co_week *weeks, size_t n_weeks);

/**
 * Place the tests of week `w` (runs and sessions filled): appends to
 * w->tests (the single-leg squat test, the calf-raise test unless `niggles`
 * spare the calves or ankles, the threshold-run test on the best key run). The squat test goes with the week's first
 * lifting session on or after `first_day`; its index in w->sessions is
 * returned, for the caller to put the test session before it. Returns -1,
 * placing nothing, when the week has no such session.
 */
int co_baseline_place(co_week *w, co_date first_day, unsigned niggles);

/** The week's note naming its tests and days (after the test session was built). */
void co_baseline_note(co_week *w);

#endif
