/*
 * Running markers: what an imported run says about the runner (METHOD D6,
 * D8). VDOT and training paces from races (Daniels, as coded in
 * GoldenCheetah and Runalyze), Riegel's race-time model, the efficiency
 * factor and aerobic decoupling of easy runs, the type of a run guessed from
 * its structure, and threshold efforts found inside runs.
 *
 * All functions are pure; the numbers and their sources are in SCIENCE.md
 * and next to each constant in src/lib/analysis.c.
 */
#ifndef CARRYOVER_ANALYSIS_H
#define CARRYOVER_ANALYSIS_H

#include <stdbool.h>

#include "carryover/activity.h"
#include "carryover/athlete.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * VDOT of a race or all-out effort: `metres` covered in `seconds`.
 * Returns 0 for efforts outside the model's range (under 1500 m or 3.5 min,
 * over 6 h, or slower than a walk).
 */
double co_vdot(double metres, double seconds);

/** Velocity (m/min) at 100% of a VDOT. */
double co_vdot_velocity(double vdot);

/** Training paces in seconds per km for a VDOT (0 when vdot <= 0). */
typedef struct co_paces {
	double easy;        /* 72% of vVDOT */
	double marathon;    /* 85% */
	double threshold;   /* 90% */
	double interval;    /* 98% */
	double repetition;  /* 105% */
} co_paces;

void co_training_paces(co_paces *out, double vdot);

/** Riegel: the time for `d2` metres from `t1` seconds over `d1` metres (exponent 1.06). */
double co_riegel(double t1, double d1, double d2);

/**
 * Efficiency factor of a run: mean speed (m/min) / mean heart rate, over the
 * samples that have both, skipping the first `warmup_s` seconds. 0 when the
 * run has too little data (under 10 minutes with HR and speed).
 */
double co_efficiency_factor(const co_activity *act, double warmup_s);

/**
 * Aerobic decoupling: 1 - EF(second half) / EF(first half), the same
 * samples as co_efficiency_factor. Positive means the heart worked harder
 * for the same speed late in the run. Returns 0 and sets *ok false when it
 * cannot be computed.
 */
double co_decoupling(const co_activity *act, double warmup_s, bool *ok);

/** What the analysis of one run found. */
typedef struct co_run_markers {
	co_run_type type;        /* guessed from structure (CO_RUN_CROSS for other sports) */
	const char *reason;      /* why that type, one line (static) */
	double threshold_pace;   /* s/km from a threshold effort in this run; 0 when none */
	double threshold_vdot;   /* VDOT of that effort; 0 when none */
	double ef;               /* efficiency factor of an easy run; 0 otherwise */
	double decoupling;       /* of an easy/long run; 0 when not computed */
	bool has_decoupling;
} co_run_markers;

/**
 * Guess the type of a run and measure it. `threshold_pace` is the athlete's
 * known threshold pace in s/km (0 when unknown): with it, a sustained block
 * near it is a tempo; without it, blocks are judged against the run's own
 * easy pace. A run of 90 minutes or more is long unless it has harder
 * structure.
 */
void co_run_analyse(co_run_markers *out, const co_activity *act, double threshold_pace);

#ifdef __cplusplus
}
#endif

#endif
