/*
 * The training log as stored: what the athlete did, entered by hand
 * (`carryover log`) or brought from another app (Strong, Hevy). Five kinds
 * of entry share one struct, co_log_entry: a set, a session, a run, a niggle
 * and a baseline test (METHOD D6, D7). Each entry has an id of its own per
 * kind; users see it as KIND-NUMBER ("set-12", "session-3", "run-4",
 * "niggle-2", "test-1"), which co_log_id_format()/co_log_id_parse() write
 * and read.
 *
 * Units: loads are kept as logged, with their unit ("kg" or "lb"); times in
 * minutes (sessions, runs) or seconds (sets); distances in km. An unknown
 * number is negative (stored as NULL). Logged history is never rewritten by
 * a plan (METHOD E4); only `log edit` and `log delete` change it.
 *
 * Memory: entries returned by the store own their strings (free them with
 * co_log_entry_release() / co_log_list_free()); on insert the store only
 * reads the struct.
 */
#ifndef CARRYOVER_LOG_H
#define CARRYOVER_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "carryover/date.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co_log_kind {
	CO_LOG_SET = 0,
	CO_LOG_SESSION,
	CO_LOG_RUN,
	CO_LOG_NIGGLE,
	CO_LOG_TEST,
	CO_LOG_KIND_COUNT
} co_log_kind;

/**
 * "set", "session", "run", "niggle", "test": the one list of the names,
 * inline so every layer that names an entry (the store's messages, the
 * JSON and CSV writers, the CLI) shares it without linking the engine.
 */
static inline const char *co_log_kind_name(co_log_kind k)
{
	switch (k) {
	case CO_LOG_SET: return "set";
	case CO_LOG_SESSION: return "session";
	case CO_LOG_RUN: return "run";
	case CO_LOG_NIGGLE: return "niggle";
	case CO_LOG_TEST: return "test";
	default: return "?";
	}
}

typedef struct co_log_entry {
	co_log_kind kind;
	int64_t id;          /* set by the store */
	int64_t athlete_id;
	co_date date;

	/* set: the session it belongs to; niggle: the session it was noticed in (0: none) */
	int64_t session_id;
	double minutes;      /* session, run; < 0 unknown */
	double rpe;          /* set, session, run: CR10 0-10; < 0 unknown */
	char *notes;         /* any kind; NULL none */

	/* session */
	char *planned_uid;   /* the planned session it followed (co_session.uid), or NULL */
	char *status;        /* "done" (as prescribed), "skipped", or NULL (as logged) */
	char *title;         /* an imported workout's name, or NULL */
	char *source_hash;   /* content hash of an imported workout (re-import skips it), or NULL */

	/* set */
	char *exercise;      /* catalogue id; the name as written when not mapped */
	bool unmapped;       /* the catalogue does not know `exercise` */
	int set_no;          /* 1-based per exercise in its session */
	double load;         /* < 0 bodyweight */
	char load_unit[3];   /* "kg" or "lb" when load >= 0 */
	int reps;            /* < 0 a timed set */
	double seconds;      /* < 0 counted in reps */
	char *set_type;      /* "warmup", "drop", "failure", or NULL (a working set) */

	/* run */
	char *run_type;      /* a run type of DESIGN.md: "easy", "tempo", ... */
	double distance_km;  /* < 0 unknown */
	int avg_hr;          /* < 0 unknown */
	int64_t activity_id; /* the imported activity it came from, 0 none */

	/* niggle */
	char *site;          /* "knee_right" */
	int severity;        /* 0-10 */
	co_date resolved;    /* the day it cleared; 0 while open */

	/* test */
	char *test_kind;     /* "single_leg_squat", "calf_raise", "threshold_pace", "rep_max" */
	char *side;          /* "left", "right" or NULL */
	double value;        /* box height (cm), reps, s/km, load */
	char *unit;          /* "cm", "reps", "s/km", "kg", "lb" */
	char *grade;         /* single-leg squat control: "good", "fair", "poor"; else NULL */
	char *test_exercise; /* rep-max: the lift's catalogue id; else NULL */
	int test_reps;       /* rep-max: the reps of the rep-max (5 for a 5RM); else < 0 */
} co_log_entry;

/* Every number unknown, every string NULL. */
#define CO_LOG_ENTRY_INIT {.minutes = -1, .rpe = -1, .load = -1, .reps = -1, \
	.seconds = -1, .distance_km = -1, .avg_hr = -1, .severity = -1, .value = -1, \
	.test_reps = -1}

/** Free the strings of an entry the store returned and reset it. NULL is a no-op. */
void co_log_entry_release(co_log_entry *e);

/** Release each of `n` entries and free the array. NULL is a no-op. */
void co_log_list_free(co_log_entry *list, size_t n);

/** Write "set-12" into buf (at least 32 bytes); returns buf. */
static inline char *co_log_id_format(co_log_kind kind, int64_t id, char *buf, size_t n)
{
	snprintf(buf, n, "%s-%lld", co_log_kind_name(kind), (long long)id);
	return buf;
}

/** Read "set-12" ("session-3", ...): 0, or CO_EINPUT with a message (src/lib/log.c). */
int co_log_id_parse(co_log_kind *kind, int64_t *id, const char *text);

/* --- values every writer of the log shares (src/lib/log.c) ------------------ */

/** Kilograms in a pound, exactly (the international pound). */
#define CO_KG_PER_LB 0.45359237

/** A load logged in `unit` ("kg" or "lb") in kilograms. */
double co_load_kg(double load, const char *unit);

/**
 * Constant text as an entry's `char *` field, for an entry being inserted:
 * the store only reads those (see above), so no copy is needed.
 */
static inline char *co_log_str(const char *s)
{
	union {
		const char *c;
		char *m;
	} u = {s};

	return u.m;
}

/**
 * Set numbers within one session: the first set of an exercise is 1, its
 * next 2, whatever comes between (co_log_entry.set_no). Exercises are keyed
 * by their text (copied); a session of many exercises costs one hash probe
 * or so per set. co_set_numbers_reset() starts the next session.
 */
typedef struct co_set_numbers co_set_numbers;

co_set_numbers *co_set_numbers_new(void);
int co_set_numbers_next(co_set_numbers *sn, const char *exercise);
void co_set_numbers_reset(co_set_numbers *sn);
void co_set_numbers_free(co_set_numbers *sn);

/** Which entries co_store_log_list() returns. */
typedef struct co_log_query {
	int64_t athlete_id;  /* required */
	co_date since;       /* CO_STORE_NO_DATE: no bound */
	co_date until;
} co_log_query;

/* --- writing the log out (src/formats/log_export.c) -------------------------- */

/**
 * The JSON array of `carryover history --json` (docs/cli/history.md): one
 * object per entry with "id" ("set-12"), "kind", "date" and its fields.
 * *out is a new string ending in a newline; the caller frees it.
 */
int co_log_to_json(char **out, const co_log_entry *entries, size_t n);

/** An imported activity's summary, as the export writes it. */
typedef struct co_log_activity {
	int64_t id;
	co_date date;
	const char *sport;   /* "running", ... */
	const char *type;    /* guessed run type or NULL */
	const char *source;  /* the file it came from */
	double minutes;      /* < 0 unknown */
	double distance_km;  /* < 0 unknown */
	int avg_hr;          /* < 0 unknown */
	double rpe;          /* < 0 unknown */
} co_log_activity;

/**
 * `carryover export csv` (docs/cli/export.md): one CSV table (RFC 4180,
 * CRLF) with a header row, a row per log entry, then a row per activity
 * (kind "activity"). *out is a new string; the caller frees it.
 */
int co_log_export_csv(char **out, const co_log_entry *entries, size_t n,
		      const co_log_activity *acts, size_t nacts);

/**
 * `carryover export json`: {"format": "carryover-log", "version": 1,
 * "log": [...as history --json...], "activities": ACTIVITIES_JSON} where
 * activities_json is the array of `activities --json` (NULL: []).
 */
int co_log_export_json(char **out, const co_log_entry *entries, size_t n,
		       const char *activities_json);

/* --- other apps' lifting logs (src/formats/lifting_csv.c) ---------------------- */

/** One set row of a Strong or Hevy export. Strings point into the log's own storage. */
typedef struct co_lift_set {
	const char *name;     /* the exercise as the app named it: "Squat (Barbell)" */
	const char *set_type; /* "warmup", "drop", "failure" or NULL */
	double load;          /* < 0 none (bodyweight) */
	char unit[3];         /* "kg" or "lb" when load >= 0 */
	int reps;             /* < 0 none */
	double seconds;       /* < 0 none */
	double rpe;           /* < 0 none */
	const char *notes;    /* the exercise note, on the first set of an instance; or NULL */
	int line;             /* where it was in the file */
} co_lift_set;

/** One workout: the rows that share Strong's Date or Hevy's (title, start, end). */
typedef struct co_lift_workout {
	co_date date;         /* local date of the start */
	const char *start;    /* the start as written ("2023-07-19 21:30:51") */
	const char *title;    /* Workout Name / title, or NULL */
	const char *notes;    /* Workout Notes / description, or NULL */
	double minutes;       /* < 0 unknown or implausible (Strong's "264h 1m") */
	char hash[65];        /* content hash of the workout's rows: its identity on re-import */
	co_lift_set *sets;
	size_t n_sets;
	int line;             /* its first row */
} co_lift_workout;

/** A parsed export; free with co_lift_log_free(). */
typedef struct co_lift_log {
	const char *dialect;  /* "strong-s1" ... "strong-s4", "strong-s0", "hevy" */
	co_lift_workout *workouts;
	size_t n_workouts;
	size_t rest_rows;     /* Strong "Rest Timer" rows: not sets */
	size_t note_rows;     /* Strong "Note" rows: not sets */
	void *owned;          /* private */
} co_lift_log;

/**
 * Whether the first line of `head` is the header of a Strong or Hevy CSV
 * export (IMPORTS.md sections 1 and 2). Reads at most `len` bytes.
 */
bool co_lift_csv_detect(const char *head, size_t len);

/**
 * Parse a Strong or Hevy export. `units` ("kg", "lb" or NULL) gives the unit
 * of the Strong dialect whose file carries none (S1), and of a blank
 * per-row unit; without it such a file is refused with a message saying to
 * give --units. Errors are CO_EINPUT "SOURCE:LINE: what (expected ...)":
 * a header that is not English, a date that cannot be read, a number that
 * is not one. Bounds are not checked here (the importer does). *out is
 * zeroed on failure.
 */
int co_lift_csv_parse(co_lift_log *out, const char *text, size_t len, const char *source,
		      const char *units);

void co_lift_log_free(co_lift_log *log);

#ifdef __cplusplus
}
#endif

#endif
