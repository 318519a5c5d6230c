/*
 * The athlete's history: what happened, as opposed to what the profile says
 * the athlete is and what the plan says they will do. Logged sets and
 * sessions, niggles with the dates they were active, baseline test results
 * (METHOD D6) and runs (imported from a watch or logged by hand).
 *
 * The planner takes a history as one of its inputs (co_plan_input) and
 * reads it causally: a week's plan depends only on entries dated before its
 * Monday, so a re-plan leaves past weeks as they were (METHOD E4). It reads
 * the logged sets and rep-max tests for the loads (D1-D3, lib/progress.c),
 * the niggles by date for the regressions (A8), the D4 signals of the
 * whole history for reactive deloads, accessory cuts and D8 trims
 * (lib/adapt.c), and lays the runs and sessions done over the finished plan
 * (carryover/actual.h). An empty history plans exactly as no history.
 *
 * A co_history is plain data embedded by its owner: co_history_init() it,
 * add entries with the co_history_add_*() functions (each copies what it is
 * given, strings included; the history owns the copies; the sets of one
 * exercise share one copy of its id), and
 * co_history_release() frees everything it owns. The arrays keep the order
 * of the calls; nothing is sorted or deduplicated.
 */
#ifndef CARRYOVER_HISTORY_H
#define CARRYOVER_HISTORY_H

#include <stddef.h>

#include "carryover/athlete.h"
#include "carryover/date.h"
#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One logged set of an exercise. co_app_history_load() gives working sets
 * of catalogue exercises only: warm-ups and lifts the catalogue does not
 * know (imported from Strong or Hevy) stay in the store and its exports.
 */
typedef struct co_logged_set {
	co_date date;
	char *exercise;     /* catalogue id; owned */
	int reps;           /* 0 when the set was a hold */
	int seconds;        /* 0 when the set was counted in reps */
	double load;        /* in the athlete's units; < 0 for bodyweight */
	double rpe;         /* as reported; 0 when not given */
} co_logged_set;

/** One logged strength session (the sets are co_logged_set entries of the same date). */
typedef struct co_logged_session {
	co_date date;
	char *uid;          /* the planned session's uid (co_session.uid) when it was one; may be NULL; owned */
	int minutes;        /* 0 when not given */
	double rpe;         /* session RPE; 0 when not given */
	char *note;         /* may be NULL; owned */
	/* appended by the training log (issue 10): */
	bool skipped;       /* `log skip`: the planned session was not done, on purpose */
	bool as_planned;    /* `log done`: done as prescribed (its sets are the prescription) */
} co_logged_session;

/** A niggle with its dates (METHOD A8: a niggle has a date, a severity and may be cleared). */
typedef struct co_niggle_log {
	char *site;         /* as in the profile: "achilles_left"; owned */
	unsigned regions;   /* co_region bits the site spares (co_niggle_regions) */
	int severity;       /* pain 0-10; 0 when not given */
	co_date active_from;
	co_date cleared_on; /* 0 while still active */
} co_niggle_log;

/** A baseline test result (METHOD D6). */
typedef struct co_test_result {
	co_date date;
	co_test_kind kind;
	char *exercise;     /* catalogue id for a rep-max test, else NULL; owned */
	double value;       /* box height in cm (single-leg squat: lower is deeper), reps (calf
	                     * raises), seconds per km (threshold run), load (rep-max) */
	int side;           /* 0 both or not sided, 1 left, 2 right */
	/* appended by the training log (issue 10): */
	int grade;          /* single-leg squat control: 3 good, 2 fair, 1 poor; 0 not graded */
	int reps;           /* rep-max: the reps of the rep-max (5 for a 5RM); else 0 */
} co_test_result;

/** A run that happened: imported from a device file or logged by hand. */
typedef struct co_logged_run {
	co_date date;
	co_run_type type;
	int minutes;
	double distance_km; /* 0 when unknown */
	int rpe;            /* 0 when unknown, else 1-10 */
	char *source;       /* the imported activity's hash ("activity-N" once given an RPE with
	                     * `log run-rpe`), "run-N" for log entry N, NULL: logged; owned */
	/* appended by load and fatigue (issue 10.4, carryover/load.h): */
	int avg_hr;         /* average heart rate; 0 when unknown */
	int max_hr;         /* highest heart rate; 0 when unknown */
} co_logged_run;

typedef struct co_history {
	co_logged_set *sets;
	size_t n_sets, cap_sets;
	co_logged_session *sessions;
	size_t n_sessions, cap_sessions;
	co_niggle_log *niggles;
	size_t n_niggles, cap_niggles;
	co_test_result *tests;
	size_t n_tests, cap_tests;
	co_logged_run *runs;
	size_t n_runs, cap_runs;
	/* appended: the exercise ids of the sets, one copy per name, so two sets
	 * of one exercise share the pointer (sorting by lift compares pointers
	 * before it compares text); private to history.c */
	struct co_history_names *names;
} co_history;

/** An empty history (the same as zeroing the struct). */
void co_history_init(co_history *h);

/** Free everything the history owns and leave it empty; h itself is not freed. NULL is a no-op. */
void co_history_release(co_history *h);

/** True when the history holds no entry at all (also for NULL). */
bool co_history_empty(const co_history *h);

/*
 * Append a copy of an entry; the strings in it are copied (NULL stays NULL).
 * Never fail (allocation failure aborts, as everywhere in the engine).
 */
void co_history_add_set(co_history *h, const co_logged_set *set);
void co_history_add_session(co_history *h, const co_logged_session *session);
void co_history_add_niggle(co_history *h, const co_niggle_log *niggle);
void co_history_add_test(co_history *h, const co_test_result *test);
void co_history_add_run(co_history *h, const co_logged_run *run);

/**
 * Order two logged sets by dose: exercise id, then load (to the hundredth,
 * so a load converted between kg and lb is the same; bodyweight before any
 * load), then reps, then seconds. 0 means the same dose: their RPEs are
 * comparable (D4 RPE drift). Both exercise ids must be non-NULL.
 */
int co_logged_set_dose_cmp(const co_logged_set *a, const co_logged_set *b);

#ifdef __cplusplus
}
#endif

#endif
