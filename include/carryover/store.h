/*
 * The store: everything carryover remembers (athletes and their profiles,
 * plans, logs, imported activities), behind one opaque handle.
 *
 * A co_store is opened on a location: a file path for SQLite, or a
 * postgresql:// URL for PostgreSQL. Where data lives by default (DESIGN.md)
 * is the application's policy: co_app_default_location() and
 * co_app_store() in carryover/app.h. Callers never see which backend they
 * got. Opening migrates the schema forward; a store written by a newer
 * carryover is refused, never migrated backward.
 *
 * Every failure of the database itself returns CO_ESTORE with a one-line
 * message naming the store: "store 'PATH': database is locked". A handle is
 * used by one thread at a time; open one per thread.
 *
 * Writes that belong together go between co_store_begin() and
 * co_store_commit() (every import or log command is one transaction, so bad
 * input leaves nothing behind). Transactions nest: an inner begin/commit is
 * a savepoint, and each store function that writes several rows is atomic on
 * its own.
 */
#ifndef CARRYOVER_STORE_H
#define CARRYOVER_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/date.h"
#include "carryover/log.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct co_store co_store;

/* --- opening ------------------------------------------------------------ */

/**
 * Open (creating if needed) the store at `location` and migrate it to the
 * current schema. A path: an SQLite file (its directory must exist);
 * "postgresql://..." or "postgres://...": PostgreSQL.
 * A new SQLite file is created readable by its owner only.
 *
 * On success *out is a handle freed with co_store_free(). On failure *out is
 * NULL and the return is CO_ESTORE (cannot open, not a database, newer
 * schema, ...), CO_EINPUT (NULL or empty location) or CO_EUNSUPPORTED (a backend
 * this build lacks).
 */
int co_store_open(co_store **out, const char *location);

/**
 * Close the store. A transaction still open is rolled back. NULL is a
 * no-op.
 */
void co_store_free(co_store *store);

/**
 * Where the store lives, for messages: the file path, or the URL with any
 * password replaced by "***". Owned by the store.
 */
const char *co_store_location(const co_store *store);

/** The backend's name: "sqlite" or "postgresql". Static string. */
const char *co_store_backend(const co_store *store);

/**
 * The schema version of the open store (the number of the last migration
 * applied), and in *out_latest (may be NULL) the version this build knows.
 */
int co_store_schema_version(int *out, int *out_latest, co_store *store);

/* --- transactions ---------------------------------------------------------- */

/**
 * Start a transaction (or, inside one, a savepoint). The outermost begin
 * takes the write lock at once, so a second writer waits here (up to a 5 s
 * busy timeout, then CO_ESTORE "database is locked") rather than failing
 * halfway.
 */
int co_store_begin(co_store *store);

/**
 * Commit the innermost open transaction or savepoint. Either way it is
 * closed: when the commit fails, that level has been rolled back.
 */
int co_store_commit(co_store *store);

/**
 * Undo the innermost open transaction or savepoint. With none open this does
 * nothing and returns 0, so cleanup paths can call it unconditionally.
 */
int co_store_rollback(co_store *store);

/** How many begins are open (0: none). */
int co_store_depth(const co_store *store);

/* --- athletes and profiles ----------------------------------------------- */

/** An athlete as stored; strings are owned by the struct. */
typedef struct co_store_athlete {
	int64_t id;
	char *name;
	char *profile_text;  /* the latest profile, NULL if never given one */
	char *profile_hash;  /* its content hash, NULL with profile_text */
	char *source_path;   /* file the latest profile came from, or NULL */
	int profile_version; /* 1, 2, ... as the text changed; 0 when none */
	bool current;        /* the current athlete (DESIGN.md) */
} co_store_athlete;

/** Free the strings of `a` and zero it. NULL is a no-op. */
void co_store_athlete_release(co_store_athlete *a);

/** Release each of `n` athletes and free the array. NULL is a no-op. */
void co_store_athlete_list_free(co_store_athlete *list, size_t n);

/**
 * Store `profile_text` as athlete `name`'s profile, creating the athlete if
 * new, and make them the current athlete. A new profile version is kept only
 * when the text differs from the latest one. `source_path` (may be NULL) is
 * recorded with it. Names match without regard to ASCII case. *out (may be
 * NULL) gets the athlete's id. Atomic.
 * CO_EINPUT for an empty name or a NULL text.
 */
int co_store_athlete_put(int64_t *out, co_store *store, const char *name,
			 const char *profile_text, const char *source_path);

/**
 * Fill *out with athlete `name`, or with the current athlete when `name` is
 * NULL. The caller releases *out with co_store_athlete_release(). Returns
 * CO_ENOTFOUND ("no athlete 'Alx' in the store (did you mean 'Alex'?)", or
 * "no current athlete: ...") when there is none; *out is then zeroed.
 */
int co_store_athlete_get(co_store_athlete *out, co_store *store, const char *name);

/**
 * Make athlete `name` the current athlete (DESIGN.md), without touching
 * their profile. *out (may be NULL) gets their id. CO_ENOTFOUND with a
 * did-you-mean when there is no such athlete; CO_EINPUT for an empty name.
 */
int co_store_athlete_use(int64_t *out, co_store *store, const char *name);

/**
 * All athletes, by name, in a new array of *out_count entries (NULL when
 * there are none), freed with co_store_athlete_list_free().
 */
int co_store_athlete_list(co_store_athlete **out, size_t *out_count, co_store *store);

/* --- imported activities -------------------------------------------------- */

/**
 * An imported activity, as the importer hands it over and as listing returns
 * it. Optional numbers use -1 (any negative value) for "unknown", stored as
 * NULL; start from CO_STORE_ACTIVITY_ROW_INIT so every one of them is
 * unknown until set. Units are SI.
 *
 * On insert the store only reads the struct: point the fields at your own
 * strings. A row filled by _get/_list owns its strings and stream (all in
 * one block, `owned`); release it with co_store_activity_row_release() or
 * co_store_activity_list_free().
 */
typedef struct co_store_activity_row {
	int64_t id;               /* set by the store; ignored on insert */
	int64_t athlete_id;       /* whose activity (co_store_athlete.id) */
	const char *hash;         /* content hash of the source file: required, unique */
	const char *source;       /* source file name: required */
	const char *sport;        /* "running", "cycling", ...: required */
	const char *sub_sport;    /* "trail", "treadmill", ... or NULL */
	int64_t start_utc;        /* start, Unix seconds */
	int32_t utc_offset_s;     /* local time minus UTC at the start; 0 if unknown */
	double elapsed_s;         /* wall-clock duration */
	double moving_s;
	double distance_m;
	int avg_hr;               /* beats per minute */
	int max_hr;
	double ascent_m;
	const char *device;       /* "Garmin Forerunner 965" or NULL */
	double rpe;               /* session RPE, 0-10 (FIT workout_rpe / 10) */
	int feel;                 /* FIT workout_feel, 0-100 */
	const char *summary_json; /* a JSON value, or NULL */
	const char *laps_json;    /* a JSON array of laps, or NULL */
	const unsigned char *stream; /* compressed per-second records, or NULL */
	size_t stream_len;
	co_date local_date;       /* the local day of the start; set by the store */
	void *owned;              /* private: the block a returned row owns */
} co_store_activity_row;

#define CO_STORE_ACTIVITY_ROW_INIT {.elapsed_s = -1, .moving_s = -1, \
	.distance_m = -1, .avg_hr = -1, .max_hr = -1, .ascent_m = -1, \
	.rpe = -1, .feel = -1}

/** Free what a row from _get/_list owns and reset it. NULL is a no-op. */
void co_store_activity_row_release(co_store_activity_row *row);

/** Release each of `n` rows and free the array. NULL is a no-op. */
void co_store_activity_list_free(co_store_activity_row *rows, size_t n);

/** *out = whether an activity with content hash `hash` is stored. */
int co_store_activity_exists(bool *out, co_store *store, const char *hash);

/**
 * The same run recorded by two devices: *out = the id of athlete
 * `athlete_id`'s stored activity whose [start, start + elapsed] overlaps
 * [start_utc, start_utc + duration_s] the longest, or 0 when none does.
 * Touching ends (one stops the second the other starts) do not overlap.
 */
int co_store_activity_find_overlap(int64_t *out, co_store *store, int64_t athlete_id,
				   int64_t start_utc, int64_t duration_s);

/**
 * The candidates for "the same run": athlete `athlete_id`'s stored
 * activities that start in [from_utc, to_utc), oldest first, at most `max`
 * of them (streams not loaded), in a new array freed with
 * co_store_activity_list_free(). The bound on rows is the caller's bound on
 * work: a hostile file of thousands of overlapping recordings costs `max`
 * rows per activity, not all of them.
 */
int co_store_activity_near(co_store_activity_row **out, size_t *out_count, co_store *store,
			   int64_t athlete_id, int64_t from_utc, int64_t to_utc, size_t max);

/**
 * Insert `row`; *out (may be NULL) gets its id. CO_EEXISTS when an activity
 * with the same hash is already stored ("activity 'b.fit' is already in the
 * store (imported from 'a.fit')"), CO_EINPUT when a required field is
 * missing, CO_ESTORE when the database refuses it (unknown athlete, a value
 * out of range, invalid JSON).
 */
int co_store_activity_insert(int64_t *out, co_store *store, const co_store_activity_row *row);

/**
 * Fill *out with activity `id` (stream included); release it with
 * co_store_activity_row_release(). CO_ENOTFOUND when there is none.
 */
int co_store_activity_get(co_store_activity_row *out, co_store *store, int64_t id);

/**
 * Remove an activity, e.g. when a richer recording of the same run replaces
 * it (call it inside the transaction that inserts the replacement). A
 * logged run linked to it keeps its row and loses the link. Deleting an id
 * that is not there is not an error.
 */
int co_store_activity_delete(co_store *store, int64_t id);

/** Which activities co_store_activity_list() returns. */
typedef struct co_store_activity_query {
	int64_t athlete_id; /* 0: every athlete */
	co_date since;      /* first local date included (CO_STORE_NO_DATE: none) */
	co_date until;      /* last local date included (CO_STORE_NO_DATE: none) */
	bool with_stream;   /* also load the per-second streams (large) */
} co_store_activity_query;

#define CO_STORE_NO_DATE INT32_MIN
#define CO_STORE_ACTIVITY_QUERY_INIT {0, CO_STORE_NO_DATE, CO_STORE_NO_DATE, false}

/**
 * The activities matching `query` (NULL: all, without streams), oldest start
 * first, in a new array of *out_count rows (NULL when none) freed with
 * co_store_activity_list_free().
 */
int co_store_activity_list(co_store_activity_row **out, size_t *out_count, co_store *store,
			   const co_store_activity_query *query);

/** Called once per row by co_store_activity_each(); the row is valid during the call. */
typedef int (*co_store_activity_fn)(void *ctx, const co_store_activity_row *row);

/**
 * The activities matching `query` (NULL: all, without streams), oldest
 * start first, one at a time: memory holds one row whatever the size of
 * the store (co_store_activity_list() holds them all). A non-zero return
 * of `fn` stops the walk and is returned; else 0 or CO_ESTORE. `fn` must
 * not write to the store.
 */
int co_store_activity_each(co_store *store, const co_store_activity_query *query,
			   co_store_activity_fn fn, void *ctx);

/** *out = how many activities athlete `athlete_id` has stored (0: every athlete). */
int co_store_activity_count(size_t *out, co_store *store, int64_t athlete_id);

/* --- the training log (carryover/log.h) -------------------------------------- */

/**
 * Insert one log entry of any kind; *out (may be NULL) gets its id. A set
 * needs e->session_id (a session of the same athlete). CO_EINPUT when a
 * required field is missing, CO_ESTORE when the database refuses a value
 * (the CHECKs of the schema are the last line; the app checks bounds first).
 */
int co_store_log_insert(int64_t *out, co_store *store, const co_log_entry *e);

/** Rewrite entry (e->kind, e->id) with e's fields. CO_ENOTFOUND when there is none. */
int co_store_log_update(co_store *store, const co_log_entry *e);

/** Fill *out with one entry; release it with co_log_entry_release(). CO_ENOTFOUND when none. */
int co_store_log_get(co_log_entry *out, co_store *store, co_log_kind kind, int64_t id);

/**
 * Delete one entry (a session takes its sets with it). CO_ENOTFOUND when
 * athlete `athlete_id` has no such entry.
 */
int co_store_log_delete(co_store *store, int64_t athlete_id, co_log_kind kind, int64_t id);

/**
 * The athlete's entries in the date range, by date, then sessions before
 * their sets, then runs, niggles, tests, by id. A new array of *out_count
 * entries (NULL when none) freed with co_log_list_free().
 */
int co_store_log_list(co_log_entry **out, size_t *out_count, co_store *store,
		      const co_log_query *q);

/**
 * *out = the id of athlete `athlete_id`'s session: with `source_hash`, the
 * imported workout of that hash (any date); without, the session logged by
 * hand on `date` (not an imported one). 0 when there is none.
 */
int co_store_log_session_find(int64_t *out, co_store *store, int64_t athlete_id, co_date date,
			      const char *source_hash);

/* --- plan versions (METHOD E4) ---------------------------------------------- */

/** One day of a plan version: its lifting session(s), as planned_sessions holds them. */
typedef struct co_store_planned_day {
	co_date date;
	const char *focus;   /* the day's (first) session's focus: "posterior_chain", ... */
	int minutes;         /* the day's minutes; 0: unknown */
	const char *json;    /* the day as `carryover session DATE --json` writes it */
} co_store_planned_day;

/** A plan version as stored; strings are owned by the array (co_store_plan_list_free). */
typedef struct co_store_plan_version {
	int version;         /* 1, 2, ... */
	co_date from;        /* the first day it governs */
	char *hash;          /* the hash of its inputs */
	char *created_at;    /* when it was stored (UTC, ISO 8601) */
	size_t n_days;       /* its planned days (from `from` on) */
} co_store_plan_version;

/**
 * Keep a new plan version of athlete `athlete_id` governing from `from`,
 * with its days, unless the athlete's latest version has the same `hash`
 * (then nothing is written and *out_version is 0). *out_version (may be
 * NULL) gets the new version's number. Atomic. CO_EINPUT without a hash.
 */
int co_store_plan_put(int *out_version, co_store *store, int64_t athlete_id, const char *hash,
		      co_date from, const co_store_planned_day *days, size_t n_days);

/**
 * The athlete's plan versions, oldest first, in a new array of *out_count
 * entries (NULL when none) freed with co_store_plan_list_free().
 */
int co_store_plan_list(co_store_plan_version **out, size_t *out_count, co_store *store,
		       int64_t athlete_id);

/** Free the strings of each of `n` versions and the array. NULL is a no-op. */
void co_store_plan_list_free(co_store_plan_version *list, size_t n);

/**
 * *out (malloc'd, caller frees; NULL when none) = the stored JSON of day
 * `date` in the version that governs it (the highest version whose `from`
 * is on or before `date`); NULL when that version plans nothing that day.
 */
int co_store_plan_day_get(char **out, co_store *store, int64_t athlete_id, co_date date);

#ifdef __cplusplus
}
#endif

#endif
