/*
 * The application layer: carryover's use cases, the same for every front
 * end. The command-line tool calls these, and so will the HTTP server; no
 * front end opens the store, resolves an athlete or builds a plan by hand.
 *
 * A co_app is one front end's session with one store: the store location
 * and the athlete it acts for (coach mode picks one), opened lazily on the
 * first use case that needs the store. It is used by one thread at a time
 * (as the store is); a server opens one per request or per worker.
 *
 * The use cases (DESIGN.md):
 *   - where data lives: co_app_default_location(), co_app_store();
 *   - the current athlete: co_app_athlete(); every athlete of the store,
 *     and switching: co_app_athletes(), co_app_athlete_use();
 *   - the stored profile, re-read from its file when that has changed:
 *     co_app_profile_stored() (and a line to show: co_app_notice());
 *   - a profile from text or a file, checked, and stored as its athlete's
 *     profile only once it can be planned: co_app_profile_read(),
 *     co_app_profile_keep();
 *   - the plan of an athlete from the stored profile (or a given one), its
 *     running calendar (the profile's runs file) and its history:
 *     co_app_plan();
 *   - importing activities for the athlete: co_app_import();
 *   - the activities stored: co_app_activities(), co_app_activities_each()
 *     (a row at a time); deleting one: co_app_activity_delete();
 *   - today, pinned by CARRYOVER_TODAY for tests: co_app_today().
 *
 * The transaction rule: every command is at most one transaction. A use
 * case that writes several rows opens it with co_app_begin() and closes it
 * with co_app_commit(); a failure rolls it back, and co_app_free() rolls
 * back whatever is still open, so bad input never leaves a partial write.
 * The one exception is the import, which commits each input file on its own
 * (carryover/import.h): a corrupt file in a large export must not undo the
 * files before it.
 *
 * Errors are values: 0 or a negative CO_E* code with co_error_last() set;
 * nothing here prints. Bad input a user named (a profile, its runs file) is
 * CO_EINPUT whether it was unreadable or wrong, so a front end maps it to
 * "bad input" (exit 2, HTTP 400); CO_ENOTFOUND is an athlete or profile
 * that is not there; CO_ESTORE the store failed (exit 3, HTTP 500).
 */
#ifndef CARRYOVER_APP_H
#define CARRYOVER_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/analyze.h"
#include "carryover/athlete.h"
#include "carryover/date.h"
#include "carryover/import.h"
#include "carryover/load.h"
#include "carryover/log.h"
#include "carryover/plan.h"
#include "carryover/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct co_app co_app;

/** How a session is opened. Start from CO_APP_OPTIONS_INIT. */
typedef struct co_app_options {
	unsigned version;    /* CO_APP_OPTIONS_VERSION */
	const char *db;      /* store location (path or URL); NULL: co_app_default_location() */
	const char *athlete; /* the athlete to act for; NULL: the current athlete */
	co_date today;       /* 0: co_app_today() reads CARRYOVER_TODAY, else the clock */
} co_app_options;

#define CO_APP_OPTIONS_VERSION 1
#define CO_APP_OPTIONS_INIT {.version = CO_APP_OPTIONS_VERSION}

/**
 * A new session with `opts` (NULL: the defaults). Nothing is opened yet;
 * the strings of `opts` are copied. Freed with co_app_free(). CO_EINPUT for
 * an unknown options version.
 */
int co_app_new(co_app **out, const co_app_options *opts);

/** Roll back an open transaction, close the store, free. NULL is a no-op. */
void co_app_free(co_app *app);

/**
 * Today: opts->today when set, else CARRYOVER_TODAY=YYYY-MM-DD when set
 * and valid (scripts and tests pin it), else the local date. `app` may be
 * NULL (the environment, then the clock).
 */
co_date co_app_today(const co_app *app);

/* --- where data lives ------------------------------------------------------- */

/**
 * The default store location (DESIGN.md "Where data lives"): $CARRYOVER_DB
 * when set and not empty, else $XDG_DATA_HOME/carryover/carryover.db when
 * $XDG_DATA_HOME is absolute, else ~/.local/share/carryover/carryover.db.
 * A new string the caller frees. Nothing is created. CO_ESTORE when none of
 * $CARRYOVER_DB, $XDG_DATA_HOME (absolute) and $HOME is set.
 */
int co_app_default_location(char **out);

/**
 * The store of this session, opened (and migrated) on first use at
 * opts->db, or at the default location, whose missing parent directories
 * are then created private (mode 0700); an explicit path is taken as it is,
 * so a typo in it is an error rather than a new store. *out is owned by
 * `app`. Errors as co_store_open().
 */
int co_app_store(co_store **out, co_app *app);

/* --- transactions: one per command -------------------------------------------- */

/** Begin the command's transaction (opening the store if needed). Nests as co_store_begin(). */
int co_app_begin(co_app *app);

/** Commit the innermost open transaction; on failure it has been rolled back. */
int co_app_commit(co_app *app);

/**
 * Roll back the innermost open transaction; none open: no-op, returns 0.
 * The last error (co_error_last(), the reason for rolling back) is kept:
 * the rollback's own messages never replace it.
 */
int co_app_rollback(co_app *app);

/* --- the athlete ---------------------------------------------------------------- */

/**
 * The athlete this session acts for: opts->athlete, else the current
 * athlete (DESIGN.md "The current athlete"). The caller releases *out with
 * co_store_athlete_release(). CO_ENOTFOUND when there is none ("no athlete
 * 'Alx' in the store (did you mean 'Alex'?)", "no current athlete: ...").
 */
int co_app_athlete(co_store_athlete *out, co_app *app);

/**
 * Every athlete of the store, by name (the current one has .current set).
 * A new array freed with co_store_athlete_list_free(); NULL and 0 when the
 * store has none.
 */
int co_app_athletes(co_store_athlete **out, size_t *out_count, co_app *app);

/**
 * Make athlete `name` the current athlete (one transaction) and fill *out
 * with them (released with co_store_athlete_release()). CO_ENOTFOUND with
 * a did-you-mean when there is none.
 */
int co_app_athlete_use(co_store_athlete *out, co_app *app, const char *name);

/* --- profiles ------------------------------------------------------------------- */

/**
 * A profile given to a use case: the text of a file, of standard input or
 * of an upload. The strings are the caller's and only read.
 */
typedef struct co_app_profile_src {
	const char *path; /* the file it came from (a relative runs file is relative
	                   * to its directory); NULL: not a file, and a relative runs
	                   * file is relative to the working directory */
	const char *name; /* the name errors use; NULL: `path` */
	const char *text; /* its text; NULL: read `path` */
	size_t len;       /* bytes of `text` */
} co_app_profile_src;

/** Profiles larger than this are not profiles. */
#define CO_APP_PROFILE_MAX_BYTES ((size_t)16 << 20)

/**
 * Whether a given profile is valid, the one validation every command uses:
 * it parses, its runs file reads, and its season can be planned. Nothing is
 * stored and the store is not opened. *out gets the profile
 * (co_profile_free()); *out_plan (may be NULL) its plan (co_plan_free()).
 * CO_EINPUT, with the message of the first thing wrong.
 */
int co_app_profile_check(co_profile **out, co_plan **out_plan, co_app *app,
			 const co_app_profile_src *src);

/**
 * Read and check a profile: `src`, or with `src` NULL the stored profile
 * of the session's athlete (co_app_athlete()). A given profile is checked
 * as co_app_profile_check() does (it must be plannable, its runs file
 * included) and kept by the session as pending: co_app_profile_keep()
 * stores it once the command has succeeded with it, so a profile that
 * cannot be planned never becomes the stored one. *out is freed by the caller with co_profile_free().
 * CO_EINPUT for a bad or unreadable profile, CO_ENOTFOUND when there is no
 * athlete or no stored profile, CO_ESTORE.
 */
int co_app_profile_read(co_profile **out, co_app *app, const co_app_profile_src *src);

/**
 * Store the pending profile (from co_app_profile_read()) as the profile of
 * the athlete it names, who becomes the current athlete; no-op when none is
 * pending. *out_athlete_id (may be NULL) gets the id of the athlete of the
 * last profile read or kept, 0 when there was none. One transaction.
 */
int co_app_profile_keep(int64_t *out_athlete_id, co_app *app, const co_profile *p);

/**
 * The session's athlete with their stored profile, as co_app_athlete(),
 * except that when the profile was stored from a file whose text has
 * changed since, the file is read again: a valid profile of the same
 * athlete is stored as the next version (METHOD E4) and co_app_notice()
 * says so. The current athlete stays who it was. A file that is gone or
 * unreadable leaves the stored profile as it is; one that now names another
 * athlete is not stored (the notice says so). CO_EINPUT when the changed
 * file is not a valid profile (the message names its file and line).
 * Every use case that reads the stored profile goes through here.
 */
int co_app_profile_stored(co_store_athlete *out, co_app *app);

/**
 * A line the front end should show the user (stderr for the CLI) about
 * what the session did on its own, e.g. "'/home/alex/profile.ini' has
 * changed: stored it as version 3 of Alex Runner's profile (was 2)"; NULL
 * when there is none. Owned by the session.
 */
const char *co_app_notice(const co_app *app);

/**
 * Whose activities an import would store: the name in `profile` when one
 * is given, else the session's athlete. A new string the caller frees.
 * CO_ENOTFOUND (nothing printed or set) when it cannot tell: no athlete, or
 * a profile the import itself will report.
 */
int co_app_whose(char **out, co_app *app, const co_app_profile_src *profile);

/* --- the plan ----------------------------------------------------------------------- */

/** Which plan co_app_plan() builds. Start from CO_APP_PLAN_OPTIONS_INIT. */
typedef struct co_app_plan_options {
	unsigned version;             /* CO_APP_PLAN_OPTIONS_VERSION */
	const co_app_profile_src *profile; /* NULL: the stored profile of the athlete */
	bool keep;                    /* store a given profile once it is planned */
	/* appended by status (issue 10.6): when set, the history the plan was
	 * built from is moved here (an initialised, empty co_history; the
	 * caller releases it), so a use case needing both reads the log once */
	struct co_history *history_out;
} co_app_plan_options;

#define CO_APP_PLAN_OPTIONS_VERSION 1
#define CO_APP_PLAN_OPTIONS_INIT {.version = CO_APP_PLAN_OPTIONS_VERSION, .keep = true}

/**
 * The whole season plan of a profile (opts->profile, or the stored one),
 * with its running calendar (the profile's runs file, when it names one)
 * and the athlete's history, from the default catalogue. With opts->keep a
 * given profile is stored (co_app_profile_keep()) only once it could be
 * planned. *out is freed with co_plan_free(); *out_profile (may be NULL)
 * gets the profile, freed with co_profile_free(). `opts` NULL: the stored
 * profile. CO_EINPUT for a bad profile or runs file, or inputs that cannot
 * be planned; CO_ENOTFOUND, CO_ESTORE as co_app_profile_read().
 */
int co_app_plan(co_plan **out, co_profile **out_profile, co_app *app,
		const co_app_plan_options *opts);

/**
 * The plan versions kept for the session's athlete (METHOD E4), oldest
 * first. co_app_plan() keeps a new one, governing from today, each time it
 * builds the current athlete's plan from inputs (profile, running calendar,
 * history) that differ from the last version's. Free *out with
 * co_store_plan_list_free(). Errors as co_app_athlete().
 */
struct co_store_plan_version;
int co_app_plan_versions(struct co_store_plan_version **out, size_t *out_count, co_app *app);

/* --- activities ------------------------------------------------------------------- */

/**
 * Import `paths` for an athlete: the athlete of `profile` (read and stored
 * first, as every use case given a profile does), else the session's
 * athlete (co_app_athlete()). `opt` is co_import_run()'s (its athlete_id is
 * filled in here; may be NULL for the defaults). *out (may be NULL) gets
 * the totals. Errors as co_app_profile_read(), co_app_athlete() and
 * co_import_run().
 */
int co_app_import(co_import_stats *out, co_app *app, const co_app_profile_src *profile,
		  const char *const *paths, size_t npaths, const co_import_options *opt);

/**
 * The stored activities of the session's athlete (every athlete's when the
 * store has no current athlete and none was asked for), between `since`
 * and `until` (local dates, CO_STORE_NO_DATE: open), oldest first, with
 * their streams when `with_streams`. A new array of *out_count rows (NULL
 * when none) freed with co_app_activities_free(). CO_ENOTFOUND for an
 * athlete asked for by name who is not there.
 */
int co_app_activities(co_store_activity_row **out, size_t *out_count, co_app *app,
		      co_date since, co_date until, bool with_streams);

/** Free what co_app_activities() returned. NULL is a no-op. */
void co_app_activities_free(co_store_activity_row *rows, size_t n);

/**
 * The activities co_app_activities() would return, one row at a time to
 * `fn` (the row is valid during the call), so memory does not grow with
 * the store. *out_stored (may be NULL) gets how many activities the
 * athlete has stored at all, dates aside. A non-zero return of `fn` stops
 * the walk and is returned.
 */
int co_app_activities_each(co_app *app, co_date since, co_date until, bool with_streams,
			   co_store_activity_fn fn, void *ctx, size_t *out_stored);

/**
 * Delete activity `id` of the session's athlete in one transaction; *out
 * (may be NULL) gets the row deleted (without its stream; release it with
 * co_store_activity_row_release()). Its file is no longer known to the
 * import: importing it again stores it again, under the usual duplicate
 * rules. CO_ENOTFOUND when the athlete has no activity `id`.
 */
int co_app_activity_delete(co_store_activity_row *out, co_app *app, int64_t id);

/* --- workouts for the watch ------------------------------------------------------ */

struct co_strbuf;

/** Which sessions co_app_export_fit() writes, and the words it needs. */
typedef struct co_app_fit_options {
	unsigned version;    /* CO_APP_FIT_OPTIONS_VERSION */
	co_date from, to;    /* the sessions dated from..to, both included */
	/* The workout's name (wkt_name) for session s; NULL: the focus name.
	 * The words are the renderer's (report.h), hence a callback. */
	void (*name)(struct co_strbuf *out, const co_plan *plan, const co_session *s);
	/* The notes of an exercise step (the dose in words); NULL: none. */
	void (*notes)(struct co_strbuf *out, const co_plan *plan, const co_item *it);
} co_app_fit_options;

#define CO_APP_FIT_OPTIONS_VERSION 1
#define CO_APP_FIT_OPTIONS_INIT {.version = CO_APP_FIT_OPTIONS_VERSION}

/** One FIT workout file: its file name and bytes. */
typedef struct co_app_fit_file {
	char name[64];              /* "2027-01-05-posterior_chain.fit" (DATE-FOCUS.fit) */
	const co_session *session;  /* the plan's session it was written from */
	uint32_t serial;            /* file_id.serial_number, from the session uid */
	size_t n_steps;             /* workout steps */
	unsigned char *data;
	size_t len;
} co_app_fit_file;

/**
 * The FIT workout files of the plan's sessions dated opts->from..opts->to,
 * in date order, one per session (docs/formats/fit-workout.md): per
 * exercise a step with its Garmin exercise_category and exercise_name,
 * reps or time and the load in kg; for several sets a rest step and a
 * repeat step; warm-up and cool-down steps by their intensity. Pure: the
 * same plan gives the same bytes (the serial and time_created come from
 * the session's uid and date). Nothing is written to disk. *out (NULL when
 * no session falls in the range) is freed with co_app_fit_files_free().
 * CO_EINPUT for options of an unknown version or a load a FIT file cannot
 * hold (over 655.34 kg).
 */
int co_app_export_fit(co_app_fit_file **out, size_t *out_count, const co_plan *plan,
		      const co_app_fit_options *opts);

/** Free what co_app_export_fit() returned. NULL is a no-op. */
void co_app_fit_files_free(co_app_fit_file *files, size_t n);
/* --- the training log (docs/cli/log.md) ------------------------------------------ */

/** What one `log` command wrote, changed or deleted. */
typedef struct co_app_log_result {
	const char *action;     /* "logged", "changed", "deleted" (static) */
	co_log_entry *entries;  /* as stored after the command (a deleted one: as it was) */
	size_t n, cap;
} co_app_log_result;

/**
 * Run one log command given as words (the operands of `carryover log`:
 * "rdl", "3x8@60", "rpe", "7"; "session", "45min"; "run", "tempo", ...; the
 * grammar is docs/cli/log.md) for the session's athlete, dated `date`
 * (CO_STORE_NO_DATE: today; 1970-01-01 is a day like any). One
 * transaction: on any error nothing is written. Values out
 * of bounds, unknown names (with a did-you-mean) and malformed words are
 * CO_EINPUT; an unknown entry id CO_ENOTFOUND. Release *out with
 * co_app_log_result_release() (also after a failure: it is then empty).
 */
int co_app_log(co_app_log_result *out, co_app *app, const char *const *words, size_t n,
	       co_date date);

void co_app_log_result_release(co_app_log_result *r);

/**
 * The athlete's log between since and until (CO_STORE_NO_DATE: no bound),
 * as co_store_log_list() orders it; free with co_log_list_free().
 */
int co_app_history(co_log_entry **out, size_t *out_count, co_app *app, co_date since,
		   co_date until);

/**
 * The whole log of the athlete and their imported activities' summaries as
 * one text in `format` "csv" or "json" (docs/cli/export.md); *out is new,
 * the caller frees it. CO_EINPUT for another format.
 */
int co_app_export_log(char **out, co_app *app, const char *format);

/**
 * Append to `h` what the store holds of the session's athlete (the athlete
 * of `profile`: when the profile names someone not stored, or someone
 * else, nothing is added): logged working sets of catalogue exercises
 * (loads in the profile's units), sessions (skipped and done-as-planned
 * flagged), runs logged by hand and imported running activities not
 * already linked to a logged run, niggles with their dates, and baseline
 * tests. co_app_plan() passes it to the planner.
 */
struct co_history;
int co_app_history_load(struct co_history *h, co_app *app, const co_profile *profile);

/* --- lifting logs from other apps (Strong, Hevy; docs/cli/import.md) ---------------- */

/** A name the catalogue does not know, with how many sets carry it. */
typedef struct co_lift_unmapped {
	char *name;             /* as the app wrote it */
	const char *suggestion; /* the closest catalogue id or alias, or NULL (static) */
	size_t sets;
} co_lift_unmapped;

typedef struct co_lift_import_stats {
	const char *dialect;    /* "strong-s1", ..., "hevy" (static) */
	size_t workouts;        /* in the file */
	size_t imported;        /* stored now */
	size_t duplicates;      /* already stored (same rows) */
	size_t sets, warmups, unmapped_sets;
	size_t rest_rows, note_rows; /* Strong rows that are not sets */
	size_t dropped_values;  /* values out of bounds left out of their set */
	size_t name_probes;     /* exercise-name comparisons made (tests bound it by the sets) */
	co_lift_unmapped *unmapped;
	size_t n_unmapped, cap_unmapped;
	double seconds;
} co_lift_import_stats;

/** Whether the file at `path` starts with a Strong or Hevy CSV header. */
bool co_app_is_lift_log(const char *path);

/**
 * Import the Strong or Hevy export at `path` into the log of the athlete
 * of `profile` (stored first, as co_app_import does) or of the session.
 * `units` ("kg", "lb" or NULL) is the unit of a Strong export that carries
 * none. Workouts are committed in batches (never half a workout); one
 * already stored is skipped. Release *out with co_lift_import_stats_release().
 */
int co_app_import_lifts(co_lift_import_stats *out, co_app *app,
			const co_app_profile_src *profile, const char *path, const char *units);

void co_lift_import_stats_release(co_lift_import_stats *st);

/* --- status: readiness, load and the next session (docs/cli/status.md) ---------- */

/** What `carryover status` shows, gathered by co_app_status_get(). */
typedef struct co_app_status {
	co_date today;
	co_readiness readiness;       /* from the signals that count today (co_signals_today) */
	co_history history;           /* the athlete's, as co_app_history_load() gives it */
	co_load_series series;        /* daily load up to today (empty when nothing is logged) */
	co_signals signals;           /* every D4 signal of the history */
	size_t *today_idx;            /* indexes in signals.items of those that count today */
	size_t n_today;
	const co_load_day *day;       /* today's figures in series; NULL when nothing is logged */
	double acwr_threshold;        /* the profile's */
	size_t by_method[4];          /* sessions per co_load_method, for the words */
	co_plan *plan;
	co_profile *profile;
	const co_session *next;       /* the first planned session on or after today; NULL: none */
} co_app_status;

/**
 * Readiness, signals, load figures and the next session of the session's
 * athlete on co_app_today(): the stored profile and its plan
 * (co_app_plan()), the history from the store, the load series and the D4
 * signals with the profile's acwr_threshold. Errors as co_app_plan().
 * Release *out with co_app_status_release() (also after a failure).
 */
int co_app_status_get(co_app_status *out, co_app *app);

void co_app_status_release(co_app_status *s);

/* --- analyze: is it working (docs/cli/analyze.md) -------------------------------- */

/** What `carryover analyze` shows, gathered by co_app_analyze(). */
typedef struct co_app_analysis {
	co_date today;
	co_history history;           /* the athlete's, as co_app_history_load() gives it */
	co_load_series series;        /* daily load up to today */
	co_run_marker *markers;       /* one per history.runs[i], from the imported recordings */
	co_plan *plan;
	co_profile *profile;
	co_analysis analysis;         /* the findings (words not filled: co_report_analysis_words()) */
} co_app_analysis;

/**
 * The analysis of the session's athlete on co_app_today() (carryover/analyze.h):
 * the stored profile and its plan (co_app_plan()), the history from the
 * store, the load series and the markers of the imported runs. Read only.
 * Errors as co_app_plan(). Release *out with co_app_analysis_release()
 * (also after a failure).
 */
int co_app_analyze(co_app_analysis *out, co_app *app);

void co_app_analysis_release(co_app_analysis *a);

/* --- the HTML report (docs/cli/report.md) ------------------------------------------ */

/**
 * What `carryover report` draws, gathered by co_app_report_get(): exactly
 * what `carryover analyze` gathers (the stored profile and its season plan,
 * the history read once with the plan, the load series up to `today`, the
 * markers of the imported runs) and the analysis computed once from them,
 * so the page's e1RM, threshold, efficiency and effect charts and its
 * findings show analyze's numbers. The renderer (report.h co_report_html)
 * takes these as a co_report_data.
 */
typedef co_app_analysis co_app_report;

/**
 * Gather the report of the session's athlete on co_app_today(): as
 * co_app_analyze(). Read only: no transaction. Errors as co_app_plan(). Release *out with
 * co_app_report_release() (also after a failure).
 */
int co_app_report_get(co_app_report *out, co_app *app);

void co_app_report_release(co_app_report *r);

#ifdef __cplusplus
}
#endif

#endif
