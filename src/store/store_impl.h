/*
 * Inside the store: the backend interface.
 *
 * A co_store is a table of function pointers (co_store_ops) plus what every
 * backend shares. Each backend (sqlite.c, later postgres.c) defines its own
 * struct whose FIRST member is a `co_store`, fills in an ops table, and
 * exposes one open function that store.c's dispatch calls by location.
 * store.c owns what is backend-neutral: choosing the backend (the default
 * location is the app layer's), argument checks, and the transactions; the ops only talk to their
 * database.
 *
 * Calls go one way: store.c calls the ops; a backend calls nothing of
 * store.c (in particular no co_store_begin/commit/rollback), only the
 * helpers declared below (migrations.c, rows.c) and the row-freeing
 * functions of store.h, which rows.c defines and which hold no handle.
 *
 * Contract for every op: return 0 or a negative CO_E* code with the message
 * set by co_error_set(); database failures are CO_ESTORE with the message
 * "store 'LOCATION': WHAT". Ops that write several rows (athlete_put,
 * activity_insert) are called inside a transaction level that store.c
 * opened for them and closes (commit on success, rollback on failure), so
 * they are atomic and nest in the caller's transaction without opening one
 * themselves. Arguments arrive already checked by store.c (non-NULL handle
 * and out-pointers, required strings present).
 *
 * Adding an operation: declare it in include/carryover/store.h, add the
 * pointer here, a public wrapper in store.c, and an implementation in every
 * backend (a backend may return CO_EUNSUPPORTED until it catches up).
 */
#ifndef CO_STORE_IMPL_H
#define CO_STORE_IMPL_H

#include "carryover/store.h"
#include "util/embedded.h"

typedef struct co_store_ops {
	const char *name;   /* "sqlite", "postgresql" */
	const char *schema; /* its migrations: src/store/schema/<schema>/ */

	/* Close the connection and free the backend struct (not ->location).
	 * Called with no transaction open: store.c rolls back first. */
	void (*close)(co_store *s);

	int (*schema_version)(co_store *s, int *out);

	/*
	 * Transactions. `depth` is the number of begins already open: 0 means
	 * start the real transaction (taking the write lock), more means a
	 * savepoint named after the depth. commit/rollback get the depth of
	 * the level being closed (1 = the outermost).
	 */
	int (*begin)(co_store *s, int depth);
	int (*commit)(co_store *s, int depth);
	int (*rollback)(co_store *s, int depth);

	/* `hash` is the text's content hash (store.c computes it). */
	int (*athlete_put)(co_store *s, int64_t *out, const char *name,
			   const char *text, const char *hash, const char *source_path);
	int (*athlete_get)(co_store *s, co_store_athlete *out, const char *name);
	int (*athlete_list)(co_store *s, co_store_athlete **out, size_t *out_count);
	/* Make athlete `id` (known to exist) the current one. */
	int (*athlete_use)(co_store *s, int64_t id);

	int (*activity_exists)(co_store *s, bool *out, const char *hash);
	int (*activity_find_overlap)(co_store *s, int64_t *out, int64_t athlete_id,
				     int64_t start_utc, int64_t duration_s);
	int (*activity_near)(co_store *s, co_store_activity_row **out, size_t *out_count,
			     int64_t athlete_id, int64_t from_utc, int64_t to_utc, size_t max);
	int (*activity_insert)(co_store *s, int64_t *out, const co_store_activity_row *row);
	int (*activity_delete)(co_store *s, int64_t id);
	int (*activity_get)(co_store *s, co_store_activity_row *out, int64_t id);
	int (*activity_each)(co_store *s, const co_store_activity_query *q,
			     co_store_activity_fn fn, void *ctx);
	int (*activity_count)(co_store *s, size_t *out, int64_t athlete_id);

	/* The training log (carryover/log.h); insert/update of a session with
	 * its sets is several rows, so store.c opens a level around them. */
	int (*log_insert)(co_store *s, int64_t *out, const co_log_entry *e);
	int (*log_update)(co_store *s, const co_log_entry *e);
	int (*log_get)(co_store *s, co_log_entry *out, co_log_kind kind, int64_t id);
	int (*log_delete)(co_store *s, int64_t athlete_id, co_log_kind kind, int64_t id);
	int (*log_list)(co_store *s, co_log_entry **out, size_t *out_count, const co_log_query *q);
	int (*log_session_find)(co_store *s, int64_t *out, int64_t athlete_id, co_date date,
				const char *source_hash);

	/* Plan versions (METHOD E4); plan_put writes several rows: store.c opens a level. */
	int (*plan_put)(co_store *s, int *out_version, int64_t athlete_id, const char *hash,
			co_date from, const co_store_planned_day *days, size_t n_days);
	int (*plan_list)(co_store *s, co_store_plan_version **out, size_t *out_count,
			 int64_t athlete_id);
	int (*plan_day_get)(co_store *s, char **out, int64_t athlete_id, co_date date);
} co_store_ops;

struct co_store {
	const co_store_ops *ops;
	char *location; /* path, or URL with the password masked; for messages */
	int depth;      /* open begins; kept by store.c */
};

/*
 * The schema version a store of the backend whose migrations are in
 * src/store/schema/<folder>/ has when fully migrated: the number of its
 * migrations.
 */
int co_store_latest_version(const char *folder);

/*
 * The migrations of src/store/schema/<folder>/, in order: *out points to the
 * first of *out_count entries of co_embedded_migrations (static). CO_ESTORE,
 * with `location` in the message, when their numbers are not 001, 002, ...
 */
int co_store_migrations(const co_embedded_file **out, size_t *out_count, const char *folder,
			const char *location);

/*
 * The local calendar day of an instant: floor((start_utc + offset) / 86400).
 */
co_date co_store_local_date(int64_t start_utc, int32_t utc_offset_s);

/*
 * Give a row read from a database its own storage: copy every string it
 * points to (and the stream) into one block and point the fields there, so
 * co_store_activity_row_release() frees one pointer. The backend fills a
 * row with pointers into its own buffers, then calls this before those
 * buffers go away.
 */
void co_store_row_take(co_store_activity_row *row);

/* --- backends ------------------------------------------------------------ */

/*
 * Open an SQLite store at `path` (a file name), migrate it and return the
 * handle in *out with ->ops and ->location set.
 */
int co_store_sqlite_open(co_store **out, const char *path);

/* The SQLite backend's training-log ops (sqlite_log.c). */
int co_sqlite_log_insert(co_store *s, int64_t *out, const co_log_entry *e);
int co_sqlite_log_update(co_store *s, const co_log_entry *e);
int co_sqlite_log_get(co_store *s, co_log_entry *out, co_log_kind kind, int64_t id);
int co_sqlite_log_delete(co_store *s, int64_t athlete_id, co_log_kind kind, int64_t id);
int co_sqlite_log_list(co_store *s, co_log_entry **out, size_t *out_count, const co_log_query *q);
int co_sqlite_log_session_find(co_store *s, int64_t *out, int64_t athlete_id, co_date date,
			       const char *source_hash);

/* The SQLite backend's plan versions (sqlite_plan.c). */
int co_sqlite_plan_put(co_store *s, int *out_version, int64_t athlete_id, const char *hash,
		       co_date from, const co_store_planned_day *days, size_t n_days);
int co_sqlite_plan_list(co_store *s, co_store_plan_version **out, size_t *out_count,
			int64_t athlete_id);
int co_sqlite_plan_day_get(co_store *s, char **out, int64_t athlete_id, co_date date);

#endif
