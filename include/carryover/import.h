/*
 * Importing recorded activities: files, folders and export archives into
 * the store, once each.
 *
 * co_import_run() takes paths (FIT/GPX/TCX files, folders walked
 * recursively, zip archives as Garmin and Strava bulk exports make them,
 * nested zips and .gz members included) and stores every activity found as
 * a row of the current athlete. Archives are read through libarchive as
 * streams: nothing is unpacked to disk. The format of a file is told by its
 * first bytes, not its name.
 *
 * Invariants:
 *   - one transaction per input file: a file is stored whole or not at all,
 *     so a corrupt file (or a kill -9) never leaves half of it behind;
 *   - idempotent: each row carries the SHA-256 of its file's content
 *     (decompressed, so a .fit and the same .fit.gz are one file), and a
 *     content already stored is not stored again;
 *   - one row per run: an activity of the same sport family as a stored one
 *     of the same athlete, whose span overlaps it by at least half of the
 *     longer, with moving time within 25% (or 5 minutes) and distance within
 *     20% (or 500 m), is the same run recorded twice (a watch and a phone,
 *     a FIT and its GPX export, chained copies in one file); it is reported
 *     as a duplicate, and the richer recording is kept (never across
 *     sports). The rule is symmetric: the rows stored do not depend on the
 *     order of the inputs;
 *   - decoding runs in worker threads while the calling thread alone writes
 *     to the store; queues are bounded, so memory does not grow with the
 *     size of the import. Results are committed in input order, so the
 *     outcome does not depend on thread timing.
 *
 * The pipeline is a service of the application layer (src/app/import*.c).
 * The per-second stream is stored in the encoding of docs/formats/stream.md
 * (carryover/stream.h), and files are told apart by carryover/detect.h;
 * both are formats, included here for the callers that used to find them
 * in this header.
 */
#ifndef CARRYOVER_IMPORT_H
#define CARRYOVER_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/activity.h"
#include "carryover/analysis.h"
#include "carryover/date.h"
#include "carryover/detect.h"
#include "carryover/store.h"
#include "carryover/stream.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- the import pipeline ---------------------------------------------------- */

/** What happened to one input (an activity, or a file that gave none). */
typedef enum co_import_outcome {
	CO_IMPORT_IMPORTED = 0,  /* an activity was stored (one event per activity), or a
	                          * strength activity logged as a session (row NULL) */
	CO_IMPORT_DUPLICATE,     /* already stored, or the same run as a stored one */
	CO_IMPORT_SKIPPED,       /* a valid file that is not an activity (settings, route) */
	CO_IMPORT_FAILED,        /* corrupt or unreadable: nothing of it was stored */
	CO_IMPORT_IGNORED,       /* not a FIT, GPX, TCX or archive file at all */
	CO_IMPORT_PROGRESS       /* no outcome: a progress tick */
} co_import_outcome;

/** Running totals, as of an event and at the end of co_import_run(). */
typedef struct co_import_stats {
	size_t files;        /* activity-format files and members decoded or looked at */
	size_t imported;     /* activities stored */
	size_t duplicates;   /* activities not stored because they already were */
	size_t replaced;     /* stored activities replaced by a richer recording (counted in imported too) */
	size_t skipped;      /* files: valid, not an activity */
	size_t failed;       /* files (and archives) that could not be read */
	size_t ignored;      /* files of other kinds (JSON, images, ...) */
	size_t compared;     /* stored rows the same-run rule looked at (a bound on work) */
	size_t runs;         /* of the activities stored, how many are runs */
	co_date first_day;   /* local dates of the earliest and the latest activity */
	co_date last_day;    /* stored (meaningful when imported > 0) */
	size_t lift_sessions;/* strength activities from a watch, logged as sessions */
	size_t lift_sets;    /* their active sets */
	uint64_t bytes_done; /* bytes of the inputs on disk read so far */
	uint64_t bytes_total;/* bytes of the inputs on disk (known at start) */
	double seconds;      /* since the import started */
} co_import_stats;

/** One event, valid during the callback only. */
typedef struct co_import_event {
	co_import_outcome outcome;
	const char *name;     /* "run.fit", "export.zip:activities/1.fit.gz"; NULL for PROGRESS */
	const char *message;  /* why (skipped, failed, duplicate), a note
	                       * (imported: "salvaged a truncated file"), or NULL */
	int64_t id;           /* IMPORTED: the new row; DUPLICATE: the row kept; else 0 */
	const co_store_activity_row *row; /* IMPORTED: the row stored; else NULL */
	const co_import_stats *stats;     /* totals so far */
} co_import_event;

/** Called on the thread that called co_import_run(), in input order. */
typedef void (*co_import_event_fn)(void *ctx, const co_import_event *ev);

typedef struct co_import_options {
	int64_t athlete_id;       /* whose activities (required) */
	unsigned threads;         /* decoding threads; 0: one per online CPU */
	size_t max_file_bytes;    /* larger files fail; 0: CO_IMPORT_MAX_FILE */
	double threshold_pace;    /* s/km for co_run_analyse; 0 unknown */
	double progress_every;    /* seconds between PROGRESS events; 0: 0.2 */
	co_import_event_fn on_event; /* may be NULL */
	void *ctx;
	/*
	 * The plan a strength activity's sets are matched against (the
	 * planned session of its day), asked for on the first strength file
	 * only; may be NULL, and may return NULL (no plan).
	 */
	const struct co_plan *(*plan)(void *plan_ctx);
	void *plan_ctx;
} co_import_options;

#define CO_IMPORT_OPTIONS_INIT {0, 0, 0, 0, 0, NULL, NULL, NULL, NULL}

/** Default largest single activity file (decompressed): 256 MiB. */
#define CO_IMPORT_MAX_FILE ((size_t)256 << 20)

/**
 * A truncated FIT file is imported (marked truncated, with a note) when
 * what was read before the cut spans at least this many seconds; a shorter
 * fragment fails as corrupt.
 */
#define CO_IMPORT_SALVAGE_MIN_S 60

/**
 * Import `paths` (npaths of them) into `store` for opt->athlete_id.
 * Every path is checked before anything is read: a path that does not
 * exist returns CO_ENOTFOUND ("'x.fit': no such file or directory") with
 * nothing imported. Otherwise every input is tried; files that fail or are
 * skipped are reported through the callback and counted in *out (may be
 * NULL) and the return is 0. CO_ESTORE when the store fails (the import
 * stops; files already committed stay, and *out still gets the totals of
 * what was committed, so the caller can say what is stored), CO_EINPUT for
 * bad options, CO_ENOMEM.
 */
int co_import_run(co_import_stats *out, co_store *store, const char *const *paths,
		  size_t npaths, const co_import_options *opt);

/**
 * The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL in out:
 * the content hash an imported row carries (a file's identity).
 */
void co_import_hash(char out[65], const void *data, size_t len);

/* --- JSON (src/formats/json.c) ---------------------------------------------- */

/**
 * The activities as a JSON array (the contract of docs/cli/import.md: id,
 * start, sport, duration_s, moving_s, distance_m, avg_hr, max_hr, laps,
 * source, hash, type, threshold_pace_s_per_km, ef, decoupling, device,
 * rpe, feel, ...), in a new string *out the caller frees. Returns 0 or
 * CO_ENOMEM.
 */
int co_activities_to_json(char **out, const co_store_activity_row *rows, size_t n);

/**
 * One element of that array, compact, without a newline, in a new string
 * *out the caller frees: what `activities --json` prints row by row, so
 * that listing never holds more than one activity. 0 or CO_ENOMEM.
 */
int co_activity_row_to_json(char **out, const co_store_activity_row *row);

/** Files that share an outcome and a reason, for the import summary. */
typedef struct co_import_reason {
	co_import_outcome outcome; /* SKIPPED or DUPLICATE */
	const char *reason;        /* "settings file, not an activity" */
	size_t count;
} co_import_reason;

/**
 * The import summary of docs/cli/import.md as a JSON object and a newline,
 * in a new string *out the caller frees: the totals of `st`, the date range
 * stored, `complete` (false when the store failed and the import stopped),
 * and the `n` reasons. 0 or CO_ENOMEM.
 */
int co_import_summary_to_json(char **out, const co_import_stats *st, bool complete,
			      const co_import_reason *reasons, size_t n);

/** act's laps as a JSON array for co_store_activity_row.laps_json (caller frees). */
int co_activity_laps_to_json(char **out, const co_activity *act);

/**
 * The markers found at import, as the JSON object stored in
 * co_store_activity_row.summary_json (caller frees): guessed run type and
 * why, threshold pace, EF, decoupling, and sample counts.
 */
int co_activity_summary_to_json(char **out, const co_activity *act,
				const co_run_markers *markers);

/** Format Unix seconds as "2024-05-01T06:30:00Z": co_iso_utc() (date.h) by its older name. */
static inline char *co_import_iso_utc(int64_t t, char buf[32])
{
	return co_iso_utc(buf, t);
}

#ifdef __cplusplus
}
#endif

#endif
