/*
 * The season plan: what the planner makes of a profile and a running
 * calendar (METHOD A-E), and what every output (terminal, JSON contract of
 * DESIGN.md, .ics feed, FIT workouts, HTML) is written from.
 *
 * Stages, each a module of src/lib/ (the engine is pure: no I/O, no printing):
 *   calendar   the runs of every day: the [week] template overridden by dated
 *              runs, and the races (profile + calendar)           -> co_calendar
 *   periodize  weeks labelled base/build/peak/taper/race/recovery, deloads
 *              (C2-C9)                                              -> co_week.phase
 *   schedule   the lifting days of each week (C1, E1-E3)             -> co_session.date
 *   session    the blocks and exercises of each session (A1-A8, B1-B5)
 *   prescribe  sets, reps, tempo, RPE and loads per phase (C3-C9, B3)
 *   baseline   baseline tests every 4-6 weeks (D6)
 *
 * A co_plan owns everything inside it; free it with co_plan_free(). Strings
 * in it are owned by the plan; exercises point into the catalogue the plan
 * was built from, which must outlive the plan.
 */
#ifndef CARRYOVER_PLAN_H
#define CARRYOVER_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "carryover/date.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co_phase {
	CO_PHASE_BASE = 0,
	CO_PHASE_BUILD,
	CO_PHASE_PEAK,
	CO_PHASE_TAPER,
	CO_PHASE_RACE,
	CO_PHASE_RECOVERY,
	CO_PHASE_COUNT
} co_phase;

typedef enum co_focus {
	CO_FOCUS_POSTERIOR_CHAIN = 0, /* session A (B2) */
	CO_FOCUS_STABILITY,           /* session B (B2) */
	CO_FOCUS_MAINTENANCE,         /* one session a week in peak/taper (C1) */
	CO_FOCUS_RECOVERY,            /* mobility and activation only (C8) */
	CO_FOCUS_TEST,                /* a baseline test session (D6); plans fold tests into a
				       * session's test block instead */
	CO_FOCUS_COUNT
} co_focus;

typedef enum co_block_kind {
	CO_BLOCK_WARMUP = 0,
	CO_BLOCK_TEST,      /* D6: baseline tests folded into the day's session */
	CO_BLOCK_MAIN,
	CO_BLOCK_ACCESSORY,
	CO_BLOCK_COOLDOWN,
	CO_BLOCK_COUNT
} co_block_kind;

typedef enum co_test_kind {
	CO_TEST_SINGLE_LEG_SQUAT = 0, /* depth and control, each leg */
	CO_TEST_THRESHOLD_RUN,        /* tempo/threshold pace, on a key-run day */
	CO_TEST_CALF_RAISE,           /* single-leg calf raises to failure (optional) */
	CO_TEST_REP_MAX,              /* a main-lift rep-max (optional) */
	CO_TEST_KIND_COUNT
} co_test_kind;

/** Where a run of the calendar came from. */
typedef enum co_run_source {
	CO_RUN_FROM_TEMPLATE = 0, /* the profile's [week] */
	CO_RUN_FROM_CALENDAR,     /* a dated run from the runs file (.ics/.csv) */
	CO_RUN_FROM_RACE,         /* a race day */
	/* appended by the actual side (issue 10.2, carryover/actual.h): */
	CO_RUN_FROM_IMPORT,       /* a run imported from a device file */
	CO_RUN_FROM_LOG           /* a run logged by hand (`carryover log run`) */
} co_run_source;

/**
 * The running calendar the planner works from: dated runs (overriding the
 * template on their dates) and races declared in the calendar. Built by the
 * format readers (src/formats/ics.c, csv.c) or by hand; owned by its creator,
 * released with co_calendar_release().
 */
typedef struct co_calendar {
	co_run *runs;        /* dated runs, any order */
	size_t n_runs;
	co_race *races;      /* races found in the calendar (in addition to the profile's) */
	size_t n_races;
	char **warnings;     /* named warnings, e.g. "plan.ics:40: unknown event 'Yoga' skipped" */
	size_t n_warnings;
} co_calendar;

void co_calendar_init(co_calendar *cal);
void co_calendar_release(co_calendar *cal);
/** Append a copy of a run / race / warning (the calendar owns the copies). */
void co_calendar_add_run(co_calendar *cal, const co_run *run);
void co_calendar_add_race(co_calendar *cal, const co_race *race);
void co_calendar_add_warning(co_calendar *cal, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/** A run on a day of the plan. */
typedef struct co_plan_run {
	co_date date;
	co_run_type type;
	int minutes;
	double distance_km; /* 0 when unknown */
	bool key;            /* the plan treats the day as a key run (kept from the planned run) */
	co_run_source source;
	/* appended by the actual side (issue 10.2, carryover/actual.h): a run
	 * that happened (source CO_RUN_FROM_IMPORT or _LOG) keeps the run it
	 * stands for; has_planned is false for the plan's own runs and for a
	 * run done on a day the plan had none */
	bool has_planned;
	co_run_type planned_type;
	int planned_minutes;
	double planned_distance_km; /* 0 when unknown */
	co_run_source planned_source;
	int rpe;             /* the run's RPE when logged (1-10), else 0 */
} co_plan_run;

typedef struct co_plan_test {
	co_date date;
	co_test_kind kind;
} co_plan_test;

/** What a load counts (B6: loads on two dumbbells say "per hand"). */
typedef enum co_load_basis {
	CO_LOAD_BASIS_NONE = 0,    /* no load (JSON null) */
	CO_LOAD_BASIS_TOTAL,       /* the bar, the one bell, the machine */
	CO_LOAD_BASIS_PER_HAND     /* each of two dumbbells (or the one in a hand) */
} co_load_basis;

/** A lighter set before the work sets (B6 ramp-up). */
typedef struct co_ramp_set {
	int reps;
	double load;
} co_ramp_set;

#define CO_RAMP_MAX 2

/** One prescribed exercise. */
typedef struct co_item {
	const co_exercise *exercise;
	int sets;
	int reps;            /* 0 when the dose is in seconds */
	int seconds;         /* 0 when the dose is in reps */
	double rpe;          /* target RPE; 0 for warm-up/cool-down items */
	const char *tempo;   /* "3-1-X" on main lifts (B3), else NULL */
	double load;         /* in the athlete's units; < 0 for bodyweight (JSON null) */
	char *note;          /* why this item, e.g. "A8: regression of nordic curl (hamstring_left)"; may be NULL */
	int rest_s;          /* B6: seconds of rest after each set (0 for warm-up and cool-down) */
	co_ramp_set ramp[CO_RAMP_MAX]; /* B6: lighter sets before heavy barbell work */
	size_t n_ramp;
	co_load_basis load_basis;
} co_item;

typedef struct co_block {
	co_block_kind kind;
	co_item *items;
	size_t n_items;
} co_block;

typedef struct co_session {
	co_date date;
	co_focus focus;
	int minutes;         /* estimated duration */
	char **why;          /* each cites METHOD rule ids: "E2: after Tuesday's intervals, ..." */
	size_t n_why;
	bool strides;        /* B5 */
	int strides_reps;    /* e.g. 6 */
	int strides_seconds; /* e.g. 20 */
	co_block blocks[CO_BLOCK_COUNT]; /* in B1 order; a block may be empty */
	char uid[64];        /* stable id for calendars: same athlete+date+slot keeps it */
	/* appended by the actual side (issue 10.2, carryover/actual.h): what
	 * the log says of the session; CO_SESSION_UNKNOWN unless the plan was
	 * built with a today (co_plan_options.today) */
	int status;          /* a co_session_status */
	int items_done;      /* main and accessory items whose sets are all logged */
	int items_planned;   /* main and accessory items prescribed */
	char status_note[96]; /* skipped: the reason given (cut at a character), else "" */
} co_session;

typedef struct co_week {
	int index;           /* 1-based */
	co_date start;       /* a Monday */
	co_phase phase;
	bool deload;
	co_plan_run *runs;
	size_t n_runs;
	co_plan_test *tests;
	size_t n_tests;
	co_session *sessions;
	size_t n_sessions;
	int run_minutes;     /* total running minutes */
	int key_minutes;     /* minutes of key runs: the running demand (C5) */
	int volume;          /* sets x reps of the main and accessory blocks (a hold or carry: one rep per 3 s) */
	char **notes;        /* week-level explanations: phase reasons, bent rules, dropped sessions */
	size_t n_notes;
} co_week;

typedef struct co_plan {
	char *athlete;       /* the profile's name */
	co_units units;
	co_distance_units distance_units; /* how the terminal shows distances (km in JSON) */
	co_date start;       /* Monday of week 1 */
	co_week *weeks;
	size_t n_weeks;
	co_race *races;      /* every race the plan works around, sorted by date */
	size_t n_races;
	char **warnings;     /* named warnings from the calendar and the planner */
	size_t n_warnings;
	char **notes;        /* season-long facts said once (a niggle's rested region, ...) */
	size_t n_notes;
} co_plan;

/* The athlete's history (carryover/history.h); plan.h only passes it on. */
typedef struct co_history co_history;

/**
 * What a plan is built from. Everything is borrowed: the caller keeps
 * ownership, and the catalogue must outlive the plan (its items point into
 * it).
 *   profile   required.
 *   calendar  the running calendar; NULL plans from the profile's [week] alone.
 *   catalog   the exercise catalogue; NULL uses co_catalog_default().
 *   history   logged sets, sessions, niggles, tests and runs; NULL means
 *             none. The loads follow the logged sets (D1-D3), the
 *             regressions the niggles (A8), deloads and cuts the D4
 *             signals (history.h says how, causally); the runs that
 *             happened replace the planned runs of their days and the
 *             sessions get their status (carryover/actual.h), after
 *             everything is scheduled.
 */
typedef struct co_plan_input {
	const co_profile *profile;
	const co_calendar *calendar;
	const co_catalog *catalog;
	const co_history *history;
} co_plan_input;

/** The version of co_plan_options this header describes. */
#define CO_PLAN_OPTIONS_VERSION 2

/**
 * Knobs of the planner. Start from CO_PLAN_OPTIONS_INIT and set what you
 * need; `version` must stay CO_PLAN_OPTIONS_VERSION, so that a caller
 * compiled against an older header is recognised when fields are added.
 */
typedef struct co_plan_options {
	unsigned version;    /* CO_PLAN_OPTIONS_VERSION */
	int min_weeks;       /* horizon when there is no race; <= 0 means 16 */
	int recovery_weeks;  /* > 0: weeks of recovery after each A-race instead of the default by distance (C8) */
	/* version 2 (issue 10.2): the day the plan is read on, for the status
	 * of each session (carryover/actual.h); 0: no status. The planner never
	 * reads the clock; a caller of version 1 gets 0. */
	co_date today;
} co_plan_options;

#define CO_PLAN_OPTIONS_INIT \
	{ .version = CO_PLAN_OPTIONS_VERSION, .min_weeks = 16, .recovery_weeks = 0, .today = 0 }

/**
 * Build the whole season plan from `in` (see co_plan_input) with `opts`
 * (NULL: CO_PLAN_OPTIONS_INIT). On success *out owns the plan; free it
 * with co_plan_free(). Returns 0, or CO_EINPUT when the inputs cannot be
 * planned (no profile, options of an unknown version, no running day at
 * all), with the reason as the last error.
 */
int co_plan_build(co_plan **out, const co_plan_input *in, const co_plan_options *opts);

void co_plan_free(co_plan *plan);

/** The week containing `d`, or NULL when outside the plan. */
const co_week *co_plan_week_at(const co_plan *plan, co_date d);

/** The sessions on `d` (0, 1, or rarely more); *out_n receives the count. */
const co_session *co_plan_sessions_on(const co_plan *plan, co_date d, size_t *out_n);

const char *co_phase_name(co_phase p);
/** Whether p is a loading phase (base, build, peak): not taper, race or recovery. */
bool co_phase_loading(co_phase p);
const char *co_focus_name(co_focus f);
const char *co_block_kind_name(co_block_kind k);
const char *co_test_kind_name(co_test_kind k);

#ifdef __cplusplus
}
#endif

#endif
