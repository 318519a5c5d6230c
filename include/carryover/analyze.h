/*
 * Is it working: what the athlete's history says about the lifting and the
 * running (METHOD D8, SCIENCE.md "Is the lifting hurting or helping the
 * running"), as numbers with their sample sizes and 95% intervals.
 *
 * co_analysis_compute() turns a history (and the plan, for the focus of
 * each lifting day and the phase of each week) into:
 *   - findings: one figure each, with its interval and sample size, under
 *     a stable id (docs/cli/analyze.md lists them): the effect of lifting
 *     on the runs of the 2 days after it by session focus and run type,
 *     threshold pace, efficiency factor and decoupling trends, the e1RM of
 *     each main lift, left/right asymmetry of the baseline tests, and the
 *     load figures;
 *   - the weekly series they are built from (running and lifting load,
 *     CTL/ATL/TSB, monotony, threshold pace, EF, decoupling, phases) and
 *     the e1RM points of each lift, for charts (the terminal's sparklines,
 *     the HTML report).
 *
 * Pure engine (src/lib/effects.c on src/lib/stats.c): numbers only. The
 * sentences are the renderer's (co_report_analysis_words(), report.h),
 * which fills each finding's `text`; JSON is co_analysis_to_json()
 * (json.h). Work is O(n log n) in the history: runs and lifting days are
 * sorted once and swept, trends use at most 52 weekly points.
 */
#ifndef CARRYOVER_ANALYZE_H
#define CARRYOVER_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/athlete.h"
#include "carryover/date.h"
#include "carryover/history.h"
#include "carryover/load.h"
#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Fewer runs than this in either group: "too few runs to say" (SCIENCE.md D8). */
#define CO_ANALYSIS_MIN_RUNS 5
/** A trend needs points in at least this many weeks. */
#define CO_ANALYSIS_MIN_WEEKS 6
/** Trends are fitted over the last this many weeks. */
#define CO_ANALYSIS_TREND_WEEKS 52
/** Left and right further apart than this (percent of the better side) is flagged. */
#define CO_ANALYSIS_ASYMMETRY_PCT 10.0

/** What a finding is; the renderer words each kind its own way. */
typedef enum co_finding_kind {
	CO_FINDING_LIFT_EFFECT = 0, /* runs after lifting minus the other runs (Welch, pooled) */
	CO_FINDING_TREND,           /* Theil-Sen slope per 4 weeks with Sen's interval */
	CO_FINDING_LATEST,          /* the latest value of a series (threshold pace, an e1RM) */
	CO_FINDING_ASYMMETRY,       /* left against right in a baseline test */
	CO_FINDING_LOAD             /* a load figure (no interval) */
} co_finding_kind;

/** What a lift-effect finding measures. */
typedef enum co_effect_measure {
	CO_EFFECT_RPE = 0,          /* the runner's RPE, in RPE points */
	CO_EFFECT_HR                /* heart rate at equal pace, in bpm */
} co_effect_measure;

/** The series a trend or latest finding is about. */
typedef enum co_series_kind {
	CO_SERIES_THRESHOLD = 0,    /* threshold pace, s/km (lower is faster) */
	CO_SERIES_EF,               /* efficiency factor of easy runs, m/min per bpm */
	CO_SERIES_DECOUPLING,       /* aerobic decoupling of easy and long runs, % */
	CO_SERIES_E1RM,             /* estimated 1RM of a lift, in the athlete's units */
	CO_SERIES_COUNT
} co_series_kind;

/** Which load figure a CO_FINDING_LOAD is. */
typedef enum co_load_figure {
	CO_LOADFIG_RUN_WEEK = 0,    /* running load of the last full week */
	CO_LOADFIG_LIFT_WEEK,       /* lifting load of the last full week */
	CO_LOADFIG_CTL, CO_LOADFIG_ATL, CO_LOADFIG_TSB, /* today */
	CO_LOADFIG_MONOTONY         /* the last 7 days */
} co_load_figure;

/** Session focus of a lift effect: co_focus values, or this for any lifting session. */
#define CO_ANALYSIS_ANY_FOCUS (-1)

/**
 * One finding. `estimate`, `ci_low` and `ci_high` are meaningful only when
 * has_estimate (resp. has_ci) is set; without an estimate the runs or
 * points were too few, and the words say so.
 */
typedef struct co_finding {
	char id[64];                /* stable: "lift_effect.B.rpe", "e1rm.romanian_deadlift.trend" */
	co_finding_kind kind;
	const char *unit;           /* static: "rpe", "bpm", "s/km", "s/km per 4 weeks", ... */
	bool has_estimate, has_ci;
	double estimate, ci_low, ci_high;
	size_t n;                   /* the runs after lifting; the weekly points of a trend; ... */
	size_t n_ref;               /* lift effect: the runs it is compared with; else 0 */
	bool has_n_ref;             /* only lift effects compare two groups */
	/* what the words need */
	int focus;                  /* lift effect: a co_focus or CO_ANALYSIS_ANY_FOCUS */
	co_run_type run_type;       /* lift effect: the stratum; CO_RUN_REST: pooled over types */
	co_effect_measure measure;
	co_series_kind series;      /* trend, latest */
	char exercise[48];          /* e1RM: the catalogue id; asymmetry: "" */
	co_test_kind test;          /* asymmetry */
	co_load_figure load;        /* load */
	co_date date;               /* latest: the point's date; asymmetry: the test's; load: the week or day */
	double left, right;         /* asymmetry: each side's result */
	int weaker;                 /* asymmetry: 1 left, 2 right, 0 equal */
	bool flagged;               /* asymmetry over CO_ANALYSIS_ASYMMETRY_PCT */
	size_t weeks;               /* trend: the weeks the fit spans */
	size_t n_paired, n_ref_paired; /* pooled lift effect: the runs of the types with runs on both
	                             * sides (what can be compared, within a type) */
	char *text;                 /* the sentence (co_report_analysis_words()); owned; NULL until then */
} co_finding;

/** A dated value of a series. */
typedef struct co_point {
	co_date date;
	double value;
} co_point;

/** One week of the series; a figure without data is NaN. */
typedef struct co_analysis_week {
	co_date start;              /* a Monday */
	double run_load, lift_load; /* session loads of the week's runs and lifting sessions */
	double ctl, atl, tsb;       /* at the end of the week (or today) */
	double monotony;            /* the 7 days ending there; NaN when undefined */
	int phase;                  /* the plan's co_phase for the week; -1 outside the plan */
	bool deload;
	double threshold_pace;      /* median of the week's threshold points, s/km */
	double ef;                  /* median EF of the week's easy runs */
	double decoupling;          /* median decoupling of the week's easy and long runs, % */
} co_analysis_week;

/** The e1RM points of one lift: the best qualifying set of each day. */
typedef struct co_analysis_lift {
	char exercise[48];          /* catalogue id */
	co_point *points;           /* by date */
	size_t n;
	double *weekly;             /* per week of co_analysis.weeks: the week's best; NaN: none */
} co_analysis_lift;

/** Markers of one run from its recording (the import's analysis); zero: unknown. */
typedef struct co_run_marker {
	double ef;                  /* efficiency factor (easy runs), m/min per bpm */
	double decoupling;          /* fraction (0.05 = 5%), valid with has_decoupling */
	bool has_decoupling;
	double threshold_pace;      /* s/km of a detected threshold effort */
} co_run_marker;

/** What co_analysis_compute() reads; everything is borrowed. */
typedef struct co_analysis_input {
	const co_history *history;  /* required */
	const co_run_marker *markers; /* NULL, or one per history->runs[i] */
	const co_plan *plan;        /* focus of logged sessions, phases of weeks; may be NULL */
	const co_load_series *series; /* co_load_compute() of the history up to `today`; may be NULL */
	const co_catalog *catalog;  /* for which lifts are main lifts; NULL: co_catalog_default() */
	co_date today;
	co_units units;
} co_analysis_input;

typedef struct co_analysis {
	co_date today;
	co_units units;
	co_finding *findings;
	size_t n_findings, cap_findings;
	co_analysis_week *weeks;    /* from the first week of history (at most 3,650 days back) to today's */
	size_t n_weeks;
	co_point *threshold;        /* every threshold point (tests, threshold runs, detected efforts) */
	size_t n_threshold;
	co_point *ef;               /* every easy run's EF */
	size_t n_ef;
	co_point *decoupling;       /* every easy or long run's decoupling, % */
	size_t n_decoupling;
	co_analysis_lift *lifts;    /* main lifts with qualifying sets, by id */
	size_t n_lifts;
	size_t n_runs, n_lifting_days; /* what the history held, for the header */
	co_date first;              /* the first day analysed; 0 when the history is empty */
	size_t work;                /* steps of the run/session sweep and pairs of the trends:
	                             * what tests of the bound count (never seconds) */
} co_analysis;

/**
 * Analyse `in` into *out (released with co_analysis_release(), also when
 * nothing was found). Never fails: an empty history gives findings without
 * estimates. Deterministic: the same input gives the same figures.
 */
void co_analysis_compute(co_analysis *out, const co_analysis_input *in);

void co_analysis_release(co_analysis *a);

/** The finding with id `id`, or NULL. */
const co_finding *co_analysis_find(const co_analysis *a, const char *id);

#ifdef __cplusplus
}
#endif

#endif
