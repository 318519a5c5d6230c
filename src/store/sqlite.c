/*
 * The SQLite backend of the store: one file, one connection per handle.
 *
 * This is the only file in carryover that includes sqlite3.h. A connection
 * is set up the same way every time: a busy timeout (a second process
 * waits instead of failing at once), foreign keys on, WAL journal (readers
 * never block the writer), synchronous=NORMAL (safe with WAL), then the
 * schema is migrated forward. Migrations are the embedded
 * src/store/schema/sqlite/NNN_name.sql files; PRAGMA user_version holds the number
 * of the last one applied. All pending migrations run in one IMMEDIATE
 * transaction that first re-reads user_version, so two processes opening a
 * new store at once cannot both apply them. A store whose user_version is
 * above what this binary knows is refused, never migrated backward.
 *
 * Statements are prepared per call: the store is not on any hot path, and
 * keeping no statement cache means no state to invalidate.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "carryover/error.h"
#include "store/store_impl.h"
#include "util/strbuf.h"

#define BUSY_TIMEOUT_MS 5000

/* Longest activity the overlap search looks back for (a week). */
#define MAX_ACTIVITY_S (7 * 86400)

/*
 * Prepared statements are kept for the life of the connection: an import
 * runs the same few statements per file, and preparing them again each time
 * cost a tenth of the writer thread. A cached statement is handed out once
 * at a time (`busy`); finish() resets it and clears its bindings, so no
 * pointer bound with SQLITE_STATIC outlives the call that bound it.
 */
#define STMT_CACHE 32

typedef struct cached_stmt {
	char *sql;
	sqlite3_stmt *st;
	bool busy;
} cached_stmt;

typedef struct sqlite_store {
	co_store base; /* first: a co_store * is a sqlite_store * */
	sqlite3 *db;
	cached_stmt cache[STMT_CACHE];
	size_t n_cache;
} sqlite_store;

static sqlite3 *db_of(co_store *s)
{
	return ((sqlite_store *)s)->db;
}

/* "store 'PATH': MESSAGE" from the connection's last error. */
static int fail(co_store *s)
{
	return co_error_set(CO_ESTORE, "store '%s': %s", s->location, sqlite3_errmsg(db_of(s)));
}

/* Same, with what was being done: "store 'PATH': DOING: MESSAGE". */
static int fail_doing(co_store *s, const char *doing)
{
	return co_error_set(CO_ESTORE, "store '%s': %s: %s", s->location, doing,
			    sqlite3_errmsg(db_of(s)));
}

static int exec(co_store *s, const char *sql)
{
	if (sqlite3_exec(db_of(s), sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(s);
	return CO_OK;
}

static int prepare(co_store *s, sqlite3_stmt **out, const char *sql)
{
	sqlite_store *ss = (sqlite_store *)s;
	cached_stmt *c = NULL;

	for (size_t i = 0; i < ss->n_cache; i++) {
		if (!strcmp(ss->cache[i].sql, sql)) {
			if (!ss->cache[i].busy) {
				ss->cache[i].busy = true;
				*out = ss->cache[i].st;
				return CO_OK;
			}
			break; /* in use (nested): prepare a one-off copy */
		}
	}
	if (ss->n_cache < STMT_CACHE)
		c = &ss->cache[ss->n_cache];
	if (sqlite3_prepare_v3(db_of(s), sql, -1, c ? SQLITE_PREPARE_PERSISTENT : 0, out,
			       NULL) != SQLITE_OK) {
		*out = NULL;
		return fail(s);
	}
	if (c) {
		c->sql = co_xstrdup(sql);
		c->st = *out;
		c->busy = true;
		ss->n_cache++;
	}
	return CO_OK;
}

/*
 * Done with a statement from prepare(): back to the cache, or finalized.
 * *stp is set to NULL, so a function that finishes a statement midway and
 * again at its cleanup label cannot finalize a one-off statement twice.
 */
static void finish(co_store *s, sqlite3_stmt **stp)
{
	sqlite_store *ss = (sqlite_store *)s;
	sqlite3_stmt *st = *stp;

	*stp = NULL;
	if (!st)
		return;
	for (size_t i = 0; i < ss->n_cache; i++) {
		if (ss->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			ss->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

/* Finalize the cached statements and close the connection. */
static void close_db(sqlite_store *ss)
{
	for (size_t i = 0; i < ss->n_cache; i++) {
		sqlite3_finalize(ss->cache[i].st);
		free(ss->cache[i].sql);
	}
	ss->n_cache = 0;
	sqlite3_close(ss->db);
}

/* Step a statement that returns at most one row: 1 row, 0 done, <0 error. */
static int step(co_store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(s);
}

/* Optional values: negative numbers and NULL strings are SQL NULL. */
static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_opt_double(sqlite3_stmt *st, int i, double v)
{
	if (v >= 0)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_opt_int(sqlite3_stmt *st, int i, int v)
{
	if (v >= 0)
		sqlite3_bind_int(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static char *col_strdup(sqlite3_stmt *st, int i)
{
	const char *t = col_text(st, i);

	return t ? co_xstrdup(t) : NULL;
}

static double col_opt_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_double(st, i);
}

static int col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* --- schema version and migrations ------------------------------------- */

static int read_user_version(co_store *s, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, &st, "PRAGMA user_version");

	if (rc == CO_OK) {
		rc = step(s, st);
		*out = rc == 1 ? sqlite3_column_int(st, 0) : 0;
		if (rc == 1)
			rc = CO_OK;
	}
	finish(s, &st);
	return rc;
}

static int sqlite_schema_version(co_store *s, int *out)
{
	return read_user_version(s, out);
}

static int refuse_newer(co_store *s, int version, int latest)
{
	return co_error_set(CO_ESTORE,
			    "store '%s': schema version %d is newer than this carryover knows (%d); "
			    "upgrade carryover to use it",
			    s->location, version, latest);
}

static int migrate(co_store *s)
{
	const co_embedded_file *m = NULL;
	size_t n = 0;
	int latest, version = 0;
	int rc;
	char sql[64];

	rc = co_store_migrations(&m, &n, s->ops->schema, s->location);
	if (rc)
		return rc;
	latest = (int)n;
	rc = read_user_version(s, &version);
	if (rc)
		return rc;
	if (version > latest)
		return refuse_newer(s, version, latest);
	if (version == latest)
		return CO_OK;

	rc = exec(s, "BEGIN IMMEDIATE");
	if (rc)
		return rc;
	rc = read_user_version(s, &version); /* another process may have won */
	if (rc)
		goto done;
	if (version > latest) {
		rc = refuse_newer(s, version, latest);
		goto done;
	}
	for (int i = version; i < latest; i++) {
		if (sqlite3_exec(db_of(s), m[i].text, NULL, NULL, NULL) != SQLITE_OK) {
			co_strbuf what = CO_STRBUF_INIT;

			co_strbuf_addf(&what, "migration '%s'", m[i].name);
			rc = fail_doing(s, what.buf);
			co_strbuf_release(&what);
			goto done;
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", latest);
	rc = exec(s, sql);
	if (rc)
		goto done;
	rc = exec(s, "COMMIT");
done:
	if (rc && !sqlite3_get_autocommit(db_of(s)))
		sqlite3_exec(db_of(s), "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* --- opening and closing ------------------------------------------------ */

static void sqlite_close(co_store *s)
{
	close_db((sqlite_store *)s); /* every other statement is finalized by now */
	free(s);
}

static int set_journal_wal(co_store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, &st, "PRAGMA journal_mode = WAL");

	if (rc == CO_OK) {
		rc = step(s, st);
		if (rc == 1)
			rc = CO_OK;
	}
	finish(s, &st);
	return rc;
}

static const co_store_ops sqlite_ops;

int co_store_sqlite_open(co_store **out, const char *path)
{
	sqlite_store *ss = co_xcalloc(1, sizeof(*ss));
	co_store *s = &ss->base;
	struct stat sb;
	bool is_new = stat(path, &sb) != 0;
	int rc;

	*out = NULL;
	s->ops = &sqlite_ops;
	s->location = co_xstrdup(path);
	if (sqlite3_open_v2(path, &ss->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
	    != SQLITE_OK) {
		int err = ss->db ? sqlite3_system_errno(ss->db) : 0;

		if (!ss->db)
			rc = co_error_set(CO_ESTORE, "store '%s': out of memory", path);
		else if (err)
			rc = co_error_set(CO_ESTORE, "store '%s': %s (%s)", path,
					  sqlite3_errmsg(ss->db), strerror(err));
		else
			rc = fail(s);
		goto done;
	}
	if (is_new && strcmp(path, ":memory:") != 0)
		chmod(path, 0600); /* health data: the owner's only */
	sqlite3_extended_result_codes(ss->db, 1);
	sqlite3_busy_timeout(ss->db, BUSY_TIMEOUT_MS);
	rc = exec(s, "PRAGMA foreign_keys = ON");
	if (rc == CO_OK)
		rc = set_journal_wal(s); /* first read of the file: catches "not a database" */
	if (rc == CO_OK)
		rc = exec(s, "PRAGMA synchronous = NORMAL");
	if (rc == CO_OK)
		rc = migrate(s);
done:
	if (rc) {
		free(s->location);
		close_db(ss);
		free(ss);
		return rc;
	}
	*out = s;
	return CO_OK;
}

/* --- transactions --------------------------------------------------------- */

static int sqlite_begin(co_store *s, int depth)
{
	char sql[32];

	if (depth == 0)
		return exec(s, "BEGIN IMMEDIATE");
	/* A savepoint outside a transaction would start (and commit) its own. */
	if (sqlite3_get_autocommit(db_of(s)))
		return co_error_set(CO_ESTORE,
				    "store '%s': the transaction was rolled back by an earlier error",
				    s->location);
	snprintf(sql, sizeof(sql), "SAVEPOINT co_%d", depth + 1);
	return exec(s, sql);
}

static int sqlite_rollback(co_store *s, int depth)
{
	char sql[64];

	/* Some errors (disk full, I/O) already rolled everything back. */
	if (sqlite3_get_autocommit(db_of(s)))
		return CO_OK;
	if (depth == 1)
		return exec(s, "ROLLBACK");
	snprintf(sql, sizeof(sql), "ROLLBACK TO co_%d; RELEASE co_%d", depth, depth);
	return exec(s, sql);
}

static int sqlite_commit(co_store *s, int depth)
{
	char sql[32];
	int rc;

	if (sqlite3_get_autocommit(db_of(s)))
		return co_error_set(CO_ESTORE,
				    "store '%s': the transaction was rolled back by an earlier error",
				    s->location);
	if (depth == 1)
		snprintf(sql, sizeof(sql), "COMMIT");
	else
		snprintf(sql, sizeof(sql), "RELEASE co_%d", depth);
	rc = exec(s, sql);
	if (rc) {
		/* Keep the message of the failure, not of the cleanup. */
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", co_error_last());
		sqlite_rollback(s, depth);
		co_error_set(rc, "%s", msg);
	}
	return rc;
}

/* --- athletes ----------------------------------------------------------- */

static int sqlite_athlete_put(co_store *s, int64_t *out, const char *name,
			      const char *text, const char *hash, const char *source_path)
{
	sqlite3_stmt *st = NULL;
	int64_t id = 0;
	int version = 0;
	bool same = false;
	int rc;

	rc = prepare(s, &st, "INSERT INTO athletes (name) VALUES (?1) ON CONFLICT (name) DO NOTHING");
	if (rc)
		goto done;
	bind_text(st, 1, name);
	if ((rc = step(s, st)) < 0)
		goto done;
	finish(s, &st);

	rc = prepare(s, &st,
		     "SELECT a.id, p.version, p.hash FROM athletes a "
		     "LEFT JOIN profiles p ON p.athlete_id = a.id AND p.version = "
		     "(SELECT max(version) FROM profiles WHERE athlete_id = a.id) "
		     "WHERE a.name = ?1");
	if (rc)
		goto done;
	bind_text(st, 1, name);
	if ((rc = step(s, st)) < 0)
		goto done;
	if (rc == 0) {
		rc = co_error_set(CO_ESTORE, "store '%s': athlete '%s' vanished", s->location, name);
		goto done;
	}
	id = sqlite3_column_int64(st, 0);
	version = sqlite3_column_int(st, 1);
	same = col_text(st, 2) && strcmp(col_text(st, 2), hash) == 0;
	finish(s, &st);

	if (same) {
		/* Same text: remember where it was last read from, keep the version. */
		rc = prepare(s, &st, "UPDATE profiles SET source_path = coalesce(?3, source_path) "
				     "WHERE athlete_id = ?1 AND version = ?2");
		if (rc)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, version);
		bind_text(st, 3, source_path);
	} else {
		rc = prepare(s, &st, "INSERT INTO profiles (athlete_id, version, text, hash, source_path) "
				     "VALUES (?1, ?2, ?3, ?4, ?5)");
		if (rc)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, version + 1);
		bind_text(st, 3, text);
		bind_text(st, 4, hash);
		bind_text(st, 5, source_path);
	}
	if ((rc = step(s, st)) < 0)
		goto done;
	finish(s, &st);

	rc = prepare(s, &st, "UPDATE store_state SET current_athlete_id = ?1 WHERE id = 1");
	if (rc)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = step(s, st)) < 0)
		goto done;
	finish(s, &st);
	if (!same) {
		rc = prepare(s, &st, "UPDATE athletes SET updated_at = "
				     "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1");
		if (rc)
			goto done;
		sqlite3_bind_int64(st, 1, id);
		if ((rc = step(s, st)) < 0)
			goto done;
	}
	rc = CO_OK;
	*out = id;
done:
	finish(s, &st);
	return rc;
}

#define ATHLETE_SELECT \
	"SELECT a.id, a.name, p.text, p.hash, p.source_path, coalesce(p.version, 0), " \
	"a.id IS st.current_athlete_id " \
	"FROM athletes a CROSS JOIN store_state st " \
	"LEFT JOIN profiles p ON p.athlete_id = a.id AND p.version = " \
	"(SELECT max(version) FROM profiles WHERE athlete_id = a.id) "

static void read_athlete(sqlite3_stmt *st, co_store_athlete *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->name = col_strdup(st, 1);
	a->profile_text = col_strdup(st, 2);
	a->profile_hash = col_strdup(st, 3);
	a->source_path = col_strdup(st, 4);
	a->profile_version = sqlite3_column_int(st, 5);
	a->current = sqlite3_column_int(st, 6) != 0;
}

static int sqlite_athlete_get(co_store *s, co_store_athlete *out, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (name) {
		rc = prepare(s, &st, ATHLETE_SELECT "WHERE a.name = ?1");
		if (rc == CO_OK)
			bind_text(st, 1, name);
	} else {
		rc = prepare(s, &st, ATHLETE_SELECT "WHERE a.id = st.current_athlete_id");
	}
	if (rc)
		goto done;
	rc = step(s, st);
	if (rc == 1) {
		read_athlete(st, out);
		rc = CO_OK;
	} else if (rc == 0) {
		rc = CO_ENOTFOUND; /* store.c words the message */
	}
done:
	finish(s, &st);
	return rc;
}

static int sqlite_athlete_list(co_store *s, co_store_athlete **out, size_t *out_count)
{
	sqlite3_stmt *st = NULL;
	co_store_athlete *list = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	rc = prepare(s, &st, ATHLETE_SELECT "ORDER BY a.name, a.id");
	if (rc)
		goto done;
	while ((rc = step(s, st)) == 1) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			list = co_xrealloc(list, alloc * sizeof(*list));
		}
		memset(&list[n], 0, sizeof(list[n]));
		read_athlete(st, &list[n++]);
	}
done:
	finish(s, &st);
	if (rc < 0) {
		co_store_athlete_list_free(list, n);
		return rc;
	}
	*out = list;
	*out_count = n;
	return CO_OK;
}

/* --- activities ----------------------------------------------------------- */

static int sqlite_activity_exists(co_store *s, bool *out, const char *hash)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, &st, "SELECT 1 FROM activities WHERE hash = ?1");

	if (rc == CO_OK) {
		bind_text(st, 1, hash);
		rc = step(s, st);
		if (rc >= 0) {
			*out = rc == 1;
			rc = CO_OK;
		}
	}
	finish(s, &st);
	return rc;
}

static int sqlite_activity_delete(co_store *s, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, &st, "DELETE FROM activities WHERE id = ?1");

	if (rc == CO_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = step(s, st);
		if (rc >= 0)
			rc = CO_OK;
	}
	finish(s, &st);
	return rc;
}

static int sqlite_activity_find_overlap(co_store *s, int64_t *out, int64_t athlete_id,
					int64_t start_utc, int64_t duration_s)
{
	sqlite3_stmt *st = NULL;
	int rc;

	/* start_utc > start - MAX bounds the index range; the overlap of
	 * [a, a+da] and [b, b+db] is min(a+da, b+db) - max(a, b) > 0. */
	rc = prepare(s, &st,
		     "SELECT id, min(start_utc + coalesce(elapsed_s, 0), ?3) - max(start_utc, ?2) AS ov "
		     "FROM activities "
		     "WHERE athlete_id = ?1 AND start_utc > ?2 - ?4 AND start_utc < ?3 "
		     "AND start_utc + coalesce(elapsed_s, 0) > ?2 "
		     "ORDER BY ov DESC, id LIMIT 1");
	if (rc)
		goto done;
	sqlite3_bind_int64(st, 1, athlete_id);
	sqlite3_bind_int64(st, 2, start_utc);
	sqlite3_bind_int64(st, 3, start_utc + (duration_s > 0 ? duration_s : 0));
	sqlite3_bind_int64(st, 4, MAX_ACTIVITY_S);
	rc = step(s, st);
	if (rc >= 0) {
		*out = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
		rc = CO_OK;
	}
done:
	finish(s, &st);
	return rc;
}

static int sqlite_activity_insert(co_store *s, int64_t *out, const co_store_activity_row *r)
{
	sqlite3_stmt *st = NULL;
	char day[11];
	int rc;

	rc = prepare(s, &st, "SELECT source FROM activities WHERE hash = ?1");
	if (rc)
		goto done;
	bind_text(st, 1, r->hash);
	if ((rc = step(s, st)) < 0)
		goto done;
	if (rc == 1) {
		rc = co_error_set(CO_EEXISTS, "activity '%s' is already in the store (imported from '%s')",
				  r->source, col_text(st, 0));
		goto done;
	}
	finish(s, &st);

	rc = prepare(s, &st,
		     "INSERT INTO activities (athlete_id, hash, source, sport, sub_sport, start_utc, "
		     "utc_offset_s, local_date, elapsed_s, moving_s, distance_m, avg_hr, max_hr, "
		     "ascent_m, device, rpe, feel, summary_json, laps_json, stream) VALUES "
		     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
		     "?18, ?19, ?20)");
	if (rc)
		goto done;
	sqlite3_bind_int64(st, 1, r->athlete_id);
	bind_text(st, 2, r->hash);
	bind_text(st, 3, r->source);
	bind_text(st, 4, r->sport);
	bind_text(st, 5, r->sub_sport);
	sqlite3_bind_int64(st, 6, r->start_utc);
	sqlite3_bind_int(st, 7, r->utc_offset_s);
	bind_text(st, 8, co_date_format(co_store_local_date(r->start_utc, r->utc_offset_s), day));
	bind_opt_double(st, 9, r->elapsed_s);
	bind_opt_double(st, 10, r->moving_s);
	bind_opt_double(st, 11, r->distance_m);
	bind_opt_int(st, 12, r->avg_hr);
	bind_opt_int(st, 13, r->max_hr);
	bind_opt_double(st, 14, r->ascent_m);
	bind_text(st, 15, r->device);
	bind_opt_double(st, 16, r->rpe);
	bind_opt_int(st, 17, r->feel);
	bind_text(st, 18, r->summary_json);
	bind_text(st, 19, r->laps_json);
	if (r->stream && r->stream_len)
		sqlite3_bind_blob64(st, 20, r->stream, r->stream_len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 20);
	if (sqlite3_step(st) != SQLITE_DONE) {
		co_strbuf what = CO_STRBUF_INIT;

		co_strbuf_addf(&what, "cannot store activity '%s'", r->source);
		rc = fail_doing(s, what.buf);
		co_strbuf_release(&what);
		goto done;
	}
	*out = sqlite3_last_insert_rowid(db_of(s));
	rc = CO_OK;
done:
	finish(s, &st);
	return rc;
}

#define ACTIVITY_COLUMNS \
	"id, athlete_id, hash, source, sport, sub_sport, start_utc, utc_offset_s, " \
	"local_date, elapsed_s, moving_s, distance_m, avg_hr, max_hr, ascent_m, device, " \
	"rpe, feel, summary_json, laps_json "

/* Fill `r` from the current row (stream in column 20, if selected). */
static void read_activity(sqlite3_stmt *st, co_store_activity_row *r)
{
	co_date day = 0;

	*r = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
	r->id = sqlite3_column_int64(st, 0);
	r->athlete_id = sqlite3_column_int64(st, 1);
	r->hash = col_text(st, 2);
	r->source = col_text(st, 3);
	r->sport = col_text(st, 4);
	r->sub_sport = col_text(st, 5);
	r->start_utc = sqlite3_column_int64(st, 6);
	r->utc_offset_s = sqlite3_column_int(st, 7);
	if (co_date_parse(&day, col_text(st, 8)) != CO_OK)
		day = co_store_local_date(r->start_utc, r->utc_offset_s);
	r->local_date = day;
	r->elapsed_s = col_opt_double(st, 9);
	r->moving_s = col_opt_double(st, 10);
	r->distance_m = col_opt_double(st, 11);
	r->avg_hr = col_opt_int(st, 12);
	r->max_hr = col_opt_int(st, 13);
	r->ascent_m = col_opt_double(st, 14);
	r->device = col_text(st, 15);
	r->rpe = col_opt_double(st, 16);
	r->feel = col_opt_int(st, 17);
	r->summary_json = col_text(st, 18);
	r->laps_json = col_text(st, 19);
	if (sqlite3_column_count(st) > 20 && sqlite3_column_type(st, 20) == SQLITE_BLOB) {
		r->stream = sqlite3_column_blob(st, 20);
		r->stream_len = (size_t)sqlite3_column_bytes(st, 20);
	}
	co_store_row_take(r); /* copy before the next step frees the column buffers */
}

static int sqlite_activity_get(co_store *s, co_store_activity_row *out, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, &st, "SELECT " ACTIVITY_COLUMNS ", stream FROM activities WHERE id = ?1");

	if (rc)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	rc = step(s, st);
	if (rc == 1) {
		read_activity(st, out);
		rc = CO_OK;
	} else if (rc == 0) {
		rc = co_error_set(CO_ENOTFOUND, "no activity %lld in the store", (long long)id);
	}
done:
	finish(s, &st);
	return rc;
}

static int sqlite_activity_list(co_store *s, co_store_activity_row **out, size_t *out_count,
				const co_store_activity_query *q)
{
	co_strbuf sql = CO_STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	co_store_activity_row *rows = NULL;
	size_t n = 0, alloc = 0;
	char since[11], until[11];
	int rc;

	co_strbuf_adds(&sql, "SELECT " ACTIVITY_COLUMNS);
	co_strbuf_adds(&sql, q->with_stream ? ", stream" : "");
	co_strbuf_adds(&sql, " FROM activities WHERE 1");
	if (q->athlete_id)
		co_strbuf_adds(&sql, " AND athlete_id = ?1");
	if (q->since != CO_STORE_NO_DATE)
		co_strbuf_adds(&sql, " AND local_date >= ?2");
	if (q->until != CO_STORE_NO_DATE)
		co_strbuf_adds(&sql, " AND local_date <= ?3");
	co_strbuf_adds(&sql, " ORDER BY start_utc, id");
	rc = prepare(s, &st, sql.buf);
	if (rc)
		goto done;
	if (q->athlete_id)
		sqlite3_bind_int64(st, 1, q->athlete_id);
	if (q->since != CO_STORE_NO_DATE)
		bind_text(st, 2, co_date_format(q->since, since));
	if (q->until != CO_STORE_NO_DATE)
		bind_text(st, 3, co_date_format(q->until, until));
	while ((rc = step(s, st)) == 1) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			rows = co_xrealloc(rows, alloc * sizeof(*rows));
		}
		read_activity(st, &rows[n++]);
	}
done:
	finish(s, &st);
	co_strbuf_release(&sql);
	if (rc < 0) {
		co_store_activity_list_free(rows, n);
		return rc;
	}
	*out = rows;
	*out_count = n;
	return CO_OK;
}

static const co_store_ops sqlite_ops = {
	.name = "sqlite",
	.schema = "sqlite",
	.close = sqlite_close,
	.schema_version = sqlite_schema_version,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.athlete_put = sqlite_athlete_put,
	.athlete_get = sqlite_athlete_get,
	.athlete_list = sqlite_athlete_list,
	.activity_exists = sqlite_activity_exists,
	.activity_find_overlap = sqlite_activity_find_overlap,
	.activity_insert = sqlite_activity_insert,
	.activity_delete = sqlite_activity_delete,
	.activity_get = sqlite_activity_get,
	.activity_list = sqlite_activity_list,
};
