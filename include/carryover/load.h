/*
 * Training load and fatigue (METHOD D4, SCIENCE.md "Training load and
 * fatigue"): what the athlete's history weighs day by day, and the fatigue
 * signals that fire on each day. Pure engine: a co_history in, numbers out;
 * nothing is read or printed here (src/lib/load.c, src/lib/signals.c).
 *
 * Session load is session RPE x minutes (Foster 2001) for runs and lifting
 * sessions alike. An imported run without an RPE but with a heart rate gets
 * Banister's TRIMP instead, and its co_session_load says so (method
 * CO_LOAD_TRIMP): the two scales are not the same unit, and a reader must
 * be able to tell which one a day's load came from. Daily loads feed the
 * EWMA acute:chronic ratio (Williams 2017), CTL/ATL/TSB (GoldenCheetah's
 * coefficients) and Foster's monotony and strain.
 */
#ifndef CARRYOVER_LOAD_H
#define CARRYOVER_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/date.h"
#include "carryover/history.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a session's load was worked out. */
typedef enum co_load_method {
	CO_LOAD_NONE = 0,     /* no minutes, or neither RPE nor heart rate: load 0 */
	CO_LOAD_SRPE,         /* session RPE x minutes (Foster 2001) */
	CO_LOAD_SRPE_SETS,    /* lifting session with no session RPE: the mean RPE of its sets x minutes */
	CO_LOAD_TRIMP         /* imported run without RPE: Banister TRIMP from the average heart rate */
} co_load_method;

/** "none", "srpe", "srpe_sets", "trimp". */
const char *co_load_method_name(co_load_method m);

/** One session's load: a run or a lifting session of the history. */
typedef struct co_session_load {
	co_date date;
	bool run;             /* a run; else a lifting session */
	double minutes;
	double rpe;           /* the RPE used (0 for TRIMP and none) */
	int avg_hr;           /* the heart rate used by TRIMP, else 0 */
	double load;          /* arbitrary units (sRPE) or TRIMP */
	co_load_method method;
} co_session_load;

/** One day of the load series; the figures are as of the end of that day. */
typedef struct co_load_day {
	co_date date;
	double load;          /* the day's total */
	double acute, chronic; /* EWMA, N = 7 and 28 (Williams 2017) */
	double acwr;          /* acute / chronic; < 0 while chronic is 0 */
	double ctl, atl, tsb; /* 42- and 7-day exponential averages; TSB = yesterday's CTL - ATL */
	double monotony;      /* the 7 days ending here: mean / SD; < 0 when SD is 0 */
	double strain;        /* 7-day total x monotony; < 0 when monotony is */
} co_load_day;

/** Heart-rate references for TRIMP. Start from CO_LOAD_OPTIONS_INIT. */
typedef struct co_load_options {
	int hr_rest;          /* 0: 60 bpm (load.c says why) */
	int hr_max;           /* 0: the highest heart rate of the history's runs */
	bool female;          /* Banister's women's coefficients; default the men's */
	double acwr_threshold; /* the athlete's (profile acwr_threshold); 0: 1.5 */
	co_units units;       /* the loads' units, for the signals' words */
} co_load_options;

#define CO_LOAD_OPTIONS_INIT {0}

typedef struct co_load_series {
	co_load_day *days;    /* one per day, from the first day of history to `to` */
	size_t n;
	co_session_load *sessions; /* in date order */
	size_t n_sessions;
} co_load_series;

/** Session RPE x minutes (Foster 2001); 0 when either is not positive. */
double co_load_srpe(double rpe, double minutes);

/**
 * Banister's TRIMP: minutes x HRr x 0.64 e^(1.92 HRr) (men) or
 * 0.86 e^(1.67 HRr) (women), HRr = (avg - rest) / (max - rest) clamped to
 * [0, 1]; 0 when the references make no sense (max <= rest).
 */
double co_load_trimp(double minutes, int avg_hr, int hr_rest, int hr_max, bool female);

/**
 * The load series of `h` up to day `to`: every day from the history's first
 * entry (at most 3,650 days before `to`) to `to`, and each session's load.
 * An empty history gives an empty series (n = 0). Cost is linear in the
 * history and the days. Release with co_load_series_release().
 */
void co_load_compute(co_load_series *out, const co_history *h, co_date to,
		     const co_load_options *opt);

void co_load_series_release(co_load_series *s);

/** The day of the series dated `d`, or NULL. */
const co_load_day *co_load_day_at(const co_load_series *s, co_date d);

/* --- fatigue signals (METHOD D4) ----------------------------------------------- */

/** A D4 signal that fired on a day. */
typedef struct co_signal {
	co_date date;
	const char *id;       /* "rpe_drift", "new_niggle", "worse_test", "run_effort", "acwr" (static) */
	const char *rule;     /* "D4" (static) */
	double value;         /* the figure that fired it */
	double threshold;     /* what it was compared with */
	char detail[160];     /* one line in words: "rdl at 60 kg: RPE 8 on 2027-01-20, 7 on 2027-01-13" */
} co_signal;

typedef struct co_signals {
	co_signal *items;     /* in date order */
	size_t n, cap;
} co_signals;

/**
 * Every D4 signal of the history, each on the day it fired:
 *   rpe_drift   a lift's mean RPE at a load at least 1 higher than on the
 *               previous day that lift was done at that load;
 *   new_niggle  a niggle logged at a site not already active;
 *   worse_test  a baseline test worse than the previous one of its kind
 *               (and side, and lift);
 *   run_effort  a run's RPE at least 1 higher, or its heart rate at least
 *               5 bpm higher, than the last run of its type at the same
 *               pace (within 3%) in the 42 days before;
 *   acwr        acute:chronic above opt->acwr_threshold, once 42 days of
 *               history exist (the chronic EWMA starts at 0).
 * `series` is co_load_compute()'s for the same history (for acwr). Cost is
 * O(n log n) in the history. Release with co_signals_release().
 */
void co_signals_compute(co_signals *out, const co_history *h, const co_load_series *series,
			const co_load_options *opt);

void co_signals_release(co_signals *s);

/** Readiness from the signals of a day (load.h documents the rule: signals.c). */
typedef enum co_readiness {
	CO_READY_GOOD = 0,    /* no signal in the last 7 days */
	CO_READY_CAUTION,     /* signals of one kind */
	CO_READY_POOR         /* signals of two kinds or more */
} co_readiness;

/** "good", "caution", "poor". */
const char *co_readiness_name(co_readiness r);

/**
 * The signals that count on `today`: those dated within the 7 days ending
 * today (the acute window), except acwr, which counts only today's. Writes
 * their indexes in s->items to idx (room for s->n) and returns how many;
 * *out gets the readiness: good with none, caution when they are all of
 * one kind, poor when two kinds or more fired.
 */
size_t co_signals_today(size_t *idx, co_readiness *out, const co_signals *s, co_date today);

/* --- written out (src/formats/json_status.c) ------------------------------------ */

/** What `carryover status --json` says (docs/cli/status.md); everything is borrowed. */
typedef struct co_status_view {
	co_date date;                    /* today */
	co_readiness readiness;
	const co_signal *const *signals; /* the signals that count today */
	size_t n_signals;
	const co_load_day *load;         /* today's figures; NULL when nothing is logged (all null) */
	const co_session *next;          /* the next planned session; NULL: none (null) */
} co_status_view;

/* Written as JSON by co_status_to_json() (carryover/json.h). */

#ifdef __cplusplus
}
#endif

#endif
