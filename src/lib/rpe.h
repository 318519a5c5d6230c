/*
 * Private to the engine: effort and load arithmetic (rpe.c; SCIENCE.md
 * "Effort and load estimation"). A leaf: plain numbers in, numbers out.
 */
#ifndef CO_LIB_RPE_H
#define CO_LIB_RPE_H

/**
 * %1RM for a number of reps at an RPE (Tuchscherer's chart, SCIENCE.md):
 * n = reps + (10 - rpe), clamped to [1, 16]. Returns a fraction (0.0-1.0).
 */
double co_rpe_percent(int reps, double rpe);

/* SCIENCE.md: an e1RM is read only from sets at RPE 7 or more (Hackett
 * 2017: RPE reports are accurate close to failure). */
#define CO_E1RM_MIN_RPE 7.0

/** e1RM from a set: load / co_rpe_percent(reps, rpe). */
double co_e1rm(double load, int reps, double rpe);

/** Round a load to the nearest multiple of `step` (> 0), never below one step. */
double co_round_load(double load, double step);

/**
 * The RPE the chart gives `load` for `reps` at this e1RM, to the nearest
 * half point in 5-10 (10 when nothing is nearer): the label a load earns.
 */
double co_rpe_implied(double e1rm, int reps, double load);

#endif
