/*
 * The SQLite backend of the store: one file, one connection per handle.
 *
 * With sqlite_stmt.c, the only place in carryover that includes sqlite3.h
 * (and the tests that look at the file directly). A connection
 * is set up the same way every time: a busy timeout (a second process
 * waits instead of failing at once), foreign keys on, WAL journal (readers
 * never block the writer), synchronous=NORMAL (safe with WAL), then the
 * schema is migrated forward. Migrations are the embedded
 * src/store/schema/sqlite/NNN_name.sql files; PRAGMA user_version holds
 * the number of the last one applied. All pending migrations run in one IMMEDIATE
 * transaction that first re-reads user_version, so two processes opening a
 * new store at once cannot both apply them. A store whose user_version is
 * above what this binary knows is refused, never migrated backward.
 *
 * Every statement runs through sqlite_stmt.h (a cache of prepared
 * statements keyed by SQL text, binding by typed values, one error path);
 * this file holds the SQL and what it means. The SQL of this backend lives
 * here and in src/store/schema/sqlite/, nowhere else.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "carryover/error.h"
#include "store/sqlite_stmt.h"
#include "store/store_impl.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define BUSY_TIMEOUT_MS 5000

/* Longest activity the overlap search looks back for (a week). */
#define MAX_ACTIVITY_S (7 * 86400)

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* --- schema version and migrations ------------------------------------- */

static int read_user_version(co_store *s, int *out)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, co_sqlite_of(s), "PRAGMA user_version", CO_SQLITE_NO_ARGS);

	*out = rc == 1 ? sqlite3_column_int(q.st, 0) : 0;
	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
}

static int sqlite_schema_version(co_store *s, int *out)
{
	return read_user_version(s, out);
}

static int refuse_newer(co_store *s, int version, int latest)
{
	return co_error_set(CO_ESTORE,
			    "store '%s': unknown schema version %d (this carryover knows up to %d); "
			    "upgrade carryover to use it",
			    s->location, version, latest);
}

/*
 * A file at version 0 is new only when it holds nothing: an SQLite file of
 * another program (or a carryover store whose version was lost) must not
 * get our tables added to it, nor fail half-way with "table ... already
 * exists".
 */
static int refuse_foreign(co_store *s)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, co_sqlite_of(s), "SELECT count(*) FROM sqlite_master",
			       CO_SQLITE_NO_ARGS);
	int n = rc == 1 ? sqlite3_column_int(q.st, 0) : 0;

	co_sqlite_finish(&q);
	if (rc < 0)
		return rc;
	if (n > 0)
		return co_error_set(CO_ESTORE,
				    "store '%s': not a carryover store (an SQLite database with "
				    "tables of its own and no carryover schema version)",
				    s->location);
	return CO_OK;
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
	if (version == 0 && (rc = refuse_foreign(s)) < 0)
		return rc;

	rc = co_sqlite_script(co_sqlite_of(s), "BEGIN IMMEDIATE", NULL);
	if (rc)
		return rc;
	rc = read_user_version(s, &version); /* another process may have won */
	if (rc)
		goto done;
	if (version > latest) {
		rc = refuse_newer(s, version, latest);
		goto done;
	}
	if (version == 0 && (rc = refuse_foreign(s)) < 0)
		goto done;
	for (int i = version; i < latest; i++) {
		co_strbuf what = CO_STRBUF_INIT;

		co_strbuf_addf(&what, "migration '%s'", m[i].name);
		rc = co_sqlite_script(co_sqlite_of(s), m[i].text, what.buf);
		co_strbuf_release(&what);
		if (rc)
			goto done;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", latest);
	rc = co_sqlite_script(co_sqlite_of(s), sql, NULL);
	if (rc)
		goto done;
	rc = co_sqlite_script(co_sqlite_of(s), "COMMIT", NULL);
done:
	if (rc && !sqlite3_get_autocommit(co_sqlite_of(s)->db)) /* cleanup: keep rc's message */
		sqlite3_exec(co_sqlite_of(s)->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* --- opening and closing ------------------------------------------------ */

static void sqlite_close(co_store *s)
{
	co_sqlite_close(co_sqlite_of(s)); /* every other statement is finalized by now */
	free(s);
}

static const co_store_ops sqlite_ops;

/*
 * Why a store cannot be opened for writing, said before SQLite tries: it
 * falls back to read-only when it may not write, and then reports the
 * errno of its last attempt ("No such file or directory" for a file it was
 * not allowed to create) or, later, "attempt to write a readonly database"
 * for a folder where its journal cannot be made. As root access() allows
 * everything but a read-only mount, and SQLite's own message stands.
 */
/* The WAL files exist already: SQLite need not create them in the folder. */
static bool has_journal(const char *path)
{
	co_strbuf sb = CO_STRBUF_INIT;
	bool ok;

	co_strbuf_addf(&sb, "%s-wal", path);
	ok = access(sb.buf, R_OK | W_OK) == 0;
	sb.len -= 4;
	co_strbuf_adds(&sb, "-shm");
	ok = ok && access(sb.buf, R_OK | W_OK) == 0;
	co_strbuf_release(&sb);
	return ok;
}

static int check_access(const char *path)
{
	char *dir = co_xstrdup(path), *slash = strrchr(dir, '/');
	const char *folder = ".";
	struct stat sb;
	int rc = CO_OK, err;

	if (slash == dir)
		folder = "/";
	else if (slash) {
		*slash = '\0';
		folder = dir;
	}
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			rc = co_error_set(CO_ESTORE, "store '%s': is a directory, not a file", path);
		else if (access(path, R_OK | W_OK) != 0)
			rc = co_error_set(CO_ESTORE, "store '%s': cannot open it for writing: %s",
					  path, strerror(errno));
		else if (access(folder, W_OK | X_OK) != 0 && (err = errno, !has_journal(path)))
			rc = co_error_set(CO_ESTORE,
					  "store '%s': its folder '%s' is not writable (%s), and the "
					  "store writes its journal beside itself",
					  path, folder, strerror(err));
	} else if (errno != ENOENT) {
		rc = co_error_set(CO_ESTORE, "store '%s': %s", path, strerror(errno));
	} else if (access(folder, W_OK | X_OK) != 0) {
		rc = co_error_set(CO_ESTORE, "store '%s': cannot create it in '%s': %s", path,
				  folder, strerror(errno));
	}
	free(dir);
	return rc;
}

int co_store_sqlite_open(co_store **out, const char *path)
{
	co_sqlite *c = co_xcalloc(1, sizeof(*c));
	co_store *s = &c->base;
	struct stat sb;
	bool is_new = stat(path, &sb) != 0;
	int rc;

	*out = NULL;
	s->ops = &sqlite_ops;
	s->location = co_xstrdup(path);
	if (strcmp(path, ":memory:") != 0 && (rc = check_access(path)) < 0)
		goto done;
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
	    != SQLITE_OK) {
		int err = c->db ? sqlite3_system_errno(c->db) : 0;

		if (!c->db)
			rc = co_error_set(CO_ESTORE, "store '%s': out of memory", path);
		else if (err)
			rc = co_error_set(CO_ESTORE, "store '%s': %s (%s)", path,
					  sqlite3_errmsg(c->db), strerror(err));
		else
			rc = co_sqlite_fail(c, NULL);
		goto done;
	}
	if (is_new && strcmp(path, ":memory:") != 0)
		chmod(path, 0600); /* health data: the owner's only */
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	rc = co_sqlite_script(c, "PRAGMA foreign_keys = ON", NULL);
	if (rc == CO_OK) { /* first read of the file: catches "not a database" */
		rc = co_sqlite_exec(c, "PRAGMA journal_mode = WAL", CO_SQLITE_NO_ARGS);
		if (rc < 0 && (sqlite3_errcode(c->db) & 0xff) == SQLITE_NOTADB)
			rc = co_error_set(CO_ESTORE,
					  "store '%s': not a carryover store (not an SQLite database)",
					  path);
	}
	if (rc == CO_OK)
		rc = co_sqlite_script(c, "PRAGMA synchronous = NORMAL", NULL);
	if (rc == CO_OK)
		rc = migrate(s);
done:
	if (rc) {
		free(s->location);
		co_sqlite_close(c);
		free(c);
		return rc;
	}
	*out = s;
	return CO_OK;
}

/* --- transactions --------------------------------------------------------- */

/* Some errors (disk full, I/O) roll the whole transaction back by themselves. */
static int rolled_back(co_store *s)
{
	return co_error_set(CO_ESTORE,
			    "store '%s': the transaction was rolled back by an earlier error",
			    s->location);
}

static int sqlite_begin(co_store *s, int depth)
{
	char sql[32];

	if (depth == 0)
		return co_sqlite_script(co_sqlite_of(s), "BEGIN IMMEDIATE", NULL);
	/* A savepoint outside a transaction would start (and commit) its own. */
	if (sqlite3_get_autocommit(co_sqlite_of(s)->db))
		return rolled_back(s);
	snprintf(sql, sizeof(sql), "SAVEPOINT co_%d", depth + 1);
	return co_sqlite_script(co_sqlite_of(s), sql, NULL);
}

static int sqlite_rollback(co_store *s, int depth)
{
	char sql[64];

	if (sqlite3_get_autocommit(co_sqlite_of(s)->db))
		return CO_OK; /* already rolled back by the error */
	if (depth == 1)
		return co_sqlite_script(co_sqlite_of(s), "ROLLBACK", NULL);
	snprintf(sql, sizeof(sql), "ROLLBACK TO co_%d; RELEASE co_%d", depth, depth);
	return co_sqlite_script(co_sqlite_of(s), sql, NULL);
}

static int sqlite_commit(co_store *s, int depth)
{
	char sql[32];
	int rc;

	if (sqlite3_get_autocommit(co_sqlite_of(s)->db))
		return rolled_back(s);
	if (depth == 1)
		snprintf(sql, sizeof(sql), "COMMIT");
	else
		snprintf(sql, sizeof(sql), "RELEASE co_%d", depth);
	rc = co_sqlite_script(co_sqlite_of(s), sql, NULL);
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

/* Called inside a transaction level of store.c: several writes, one unit. */
static int sqlite_athlete_put(co_store *s, int64_t *out, const char *name,
			      const char *text, const char *hash, const char *source_path)
{
	co_sqlite *c = co_sqlite_of(s);
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int64_t id = 0;
	int version = 0;
	bool same = false;
	int rc;

	rc = co_sqlite_exec(c, "INSERT INTO athletes (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
			    CO_SQLITE_ARGS(co_sqlite_text(name)));
	if (rc)
		goto done;

	rc = co_sqlite_run(&q, c,
			   "SELECT a.id, p.version, p.hash FROM athletes a "
			   "LEFT JOIN profiles p ON p.athlete_id = a.id AND p.version = "
			   "(SELECT max(version) FROM profiles WHERE athlete_id = a.id) "
			   "WHERE a.name = ?1",
			   CO_SQLITE_ARGS(co_sqlite_text(name)));
	if (rc < 0)
		goto done;
	if (rc == 0) {
		rc = co_error_set(CO_ESTORE, "store '%s': athlete '%s' vanished", s->location, name);
		goto done;
	}
	id = sqlite3_column_int64(q.st, 0);
	version = sqlite3_column_int(q.st, 1);
	same = col_text(q.st, 2) && strcmp(col_text(q.st, 2), hash) == 0;
	co_sqlite_finish(&q);

	if (same) /* same text: remember where it was last read from, keep the version */
		rc = co_sqlite_exec(c, "UPDATE profiles SET source_path = coalesce(?3, source_path) "
				       "WHERE athlete_id = ?1 AND version = ?2",
				    CO_SQLITE_ARGS(co_sqlite_int(id), co_sqlite_int(version),
						   co_sqlite_text(source_path)));
	else
		rc = co_sqlite_exec(c, "INSERT INTO profiles (athlete_id, version, text, hash, source_path) "
				       "VALUES (?1, ?2, ?3, ?4, ?5)",
				    CO_SQLITE_ARGS(co_sqlite_int(id), co_sqlite_int(version + 1),
						   co_sqlite_text(text), co_sqlite_text(hash),
						   co_sqlite_text(source_path)));
	if (rc)
		goto done;
	rc = co_sqlite_exec(c, "UPDATE store_state SET current_athlete_id = ?1 WHERE id = 1",
			    CO_SQLITE_ARGS(co_sqlite_int(id)));
	if (rc == CO_OK && !same)
		rc = co_sqlite_exec(c, "UPDATE athletes SET updated_at = "
				       "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
				    CO_SQLITE_ARGS(co_sqlite_int(id)));
	if (rc == CO_OK)
		*out = id;
done:
	co_sqlite_finish(&q);
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
	a->name = co_sqlite_col_strdup(st, 1);
	a->profile_text = co_sqlite_col_strdup(st, 2);
	a->profile_hash = co_sqlite_col_strdup(st, 3);
	a->source_path = co_sqlite_col_strdup(st, 4);
	a->profile_version = sqlite3_column_int(st, 5);
	a->current = sqlite3_column_int(st, 6) != 0;
}

static int sqlite_athlete_get(co_store *s, co_store_athlete *out, const char *name)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc;

	if (name)
		rc = co_sqlite_run(&q, co_sqlite_of(s), ATHLETE_SELECT "WHERE a.name = ?1",
				   CO_SQLITE_ARGS(co_sqlite_text(name)));
	else
		rc = co_sqlite_run(&q, co_sqlite_of(s), ATHLETE_SELECT "WHERE a.id = st.current_athlete_id",
				   CO_SQLITE_NO_ARGS);
	if (rc == 1)
		read_athlete(q.st, out);
	co_sqlite_finish(&q);
	if (rc == 0)
		return CO_ENOTFOUND; /* store.c words the message */
	return rc < 0 ? rc : CO_OK;
}

static int sqlite_athlete_use(co_store *s, int64_t id)
{
	return co_sqlite_exec(co_sqlite_of(s), "UPDATE store_state SET current_athlete_id = ?1 WHERE id = 1",
			      CO_SQLITE_ARGS(co_sqlite_int(id)));
}

static int sqlite_athlete_list(co_store *s, co_store_athlete **out, size_t *out_count)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	co_store_athlete *list = NULL;
	size_t n = 0, cap = 0;
	int rc;

	rc = co_sqlite_run(&q, co_sqlite_of(s), ATHLETE_SELECT "ORDER BY a.name, a.id", CO_SQLITE_NO_ARGS);
	for (; rc == 1; rc = co_sqlite_next(&q))
		read_athlete(q.st, CO_VEC_PUSH(list, n, cap));
	co_sqlite_finish(&q);
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
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, co_sqlite_of(s), "SELECT 1 FROM activities WHERE hash = ?1",
			       CO_SQLITE_ARGS(co_sqlite_text(hash)));

	co_sqlite_finish(&q);
	if (rc < 0)
		return rc;
	*out = rc == 1;
	return CO_OK;
}

static int sqlite_activity_delete(co_store *s, int64_t id)
{
	return co_sqlite_exec(co_sqlite_of(s), "DELETE FROM activities WHERE id = ?1",
			      CO_SQLITE_ARGS(co_sqlite_int(id)));
}

static int sqlite_activity_find_overlap(co_store *s, int64_t *out, int64_t athlete_id,
					int64_t start_utc, int64_t duration_s)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc;

	/* start_utc > start - MAX bounds the index range; the overlap of
	 * [a, a+da] and [b, b+db] is min(a+da, b+db) - max(a, b) > 0. */
	rc = co_sqlite_run(&q, co_sqlite_of(s),
			   "SELECT id, min(start_utc + coalesce(elapsed_s, 0), ?3) - max(start_utc, ?2) AS ov "
			   "FROM activities "
			   "WHERE athlete_id = ?1 AND start_utc > ?2 - ?4 AND start_utc < ?3 "
			   "AND start_utc + coalesce(elapsed_s, 0) > ?2 "
			   "ORDER BY ov DESC, id LIMIT 1",
			   CO_SQLITE_ARGS(co_sqlite_int(athlete_id), co_sqlite_int(start_utc),
					  co_sqlite_int(start_utc + (duration_s > 0 ? duration_s : 0)),
					  co_sqlite_int(MAX_ACTIVITY_S)));
	if (rc >= 0)
		*out = rc == 1 ? sqlite3_column_int64(q.st, 0) : 0;
	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
}

/* Called inside a transaction level of store.c: the check and the insert are one unit. */
static int sqlite_activity_insert(co_store *s, int64_t *out, const co_store_activity_row *r)
{
	co_sqlite *c = co_sqlite_of(s);
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	co_strbuf what = CO_STRBUF_INIT;
	char day[11];
	int rc;

	rc = co_sqlite_run(&q, c, "SELECT source FROM activities WHERE hash = ?1",
			   CO_SQLITE_ARGS(co_sqlite_text(r->hash)));
	if (rc < 0)
		goto done;
	if (rc == 1) {
		rc = co_error_set(CO_EEXISTS, "activity '%s' is already in the store (imported from '%s')",
				  r->source, col_text(q.st, 0));
		goto done;
	}
	co_sqlite_finish(&q);

	co_strbuf_addf(&what, "cannot store activity '%s'", r->source);
	q.doing = what.buf;
	rc = co_sqlite_run(&q, c,
			   "INSERT INTO activities (athlete_id, hash, source, sport, sub_sport, start_utc, "
			   "utc_offset_s, local_date, elapsed_s, moving_s, distance_m, avg_hr, max_hr, "
			   "ascent_m, device, rpe, feel, summary_json, laps_json, stream) VALUES "
			   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
			   "?18, ?19, ?20)",
			   CO_SQLITE_ARGS(co_sqlite_int(r->athlete_id), co_sqlite_text(r->hash),
					  co_sqlite_text(r->source), co_sqlite_text(r->sport),
					  co_sqlite_text(r->sub_sport), co_sqlite_int(r->start_utc),
					  co_sqlite_int(r->utc_offset_s),
					  co_sqlite_text(co_date_format(
						  co_store_local_date(r->start_utc, r->utc_offset_s), day)),
					  co_sqlite_opt_real(r->elapsed_s), co_sqlite_opt_real(r->moving_s),
					  co_sqlite_opt_real(r->distance_m), co_sqlite_opt_int(r->avg_hr),
					  co_sqlite_opt_int(r->max_hr), co_sqlite_opt_real(r->ascent_m),
					  co_sqlite_text(r->device), co_sqlite_opt_real(r->rpe),
					  co_sqlite_opt_int(r->feel), co_sqlite_text(r->summary_json),
					  co_sqlite_text(r->laps_json),
					  co_sqlite_blob(r->stream, r->stream_len)));
	if (rc < 0)
		goto done;
	*out = sqlite3_last_insert_rowid(c->db);
	rc = CO_OK;
done:
	co_sqlite_finish(&q);
	co_strbuf_release(&what);
	return rc;
}

#define ACTIVITY_COLUMNS \
	"id, athlete_id, hash, source, sport, sub_sport, start_utc, utc_offset_s, " \
	"local_date, elapsed_s, moving_s, distance_m, avg_hr, max_hr, ascent_m, device, " \
	"rpe, feel, summary_json, laps_json "

/*
 * Point `r` at the current row (stream in column 20, if selected): valid
 * until the statement steps again.
 */
static void view_activity(sqlite3_stmt *st, co_store_activity_row *r)
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
	r->elapsed_s = co_sqlite_col_opt_real(st, 9);
	r->moving_s = co_sqlite_col_opt_real(st, 10);
	r->distance_m = co_sqlite_col_opt_real(st, 11);
	r->avg_hr = co_sqlite_col_opt_int(st, 12);
	r->max_hr = co_sqlite_col_opt_int(st, 13);
	r->ascent_m = co_sqlite_col_opt_real(st, 14);
	r->device = col_text(st, 15);
	r->rpe = co_sqlite_col_opt_real(st, 16);
	r->feel = co_sqlite_col_opt_int(st, 17);
	r->summary_json = col_text(st, 18);
	r->laps_json = col_text(st, 19);
	if (sqlite3_column_count(st) > 20 && sqlite3_column_type(st, 20) == SQLITE_BLOB) {
		r->stream = sqlite3_column_blob(st, 20);
		r->stream_len = (size_t)sqlite3_column_bytes(st, 20);
	}
}

/* Fill `r` with a copy of the current row. */
static void read_activity(sqlite3_stmt *st, co_store_activity_row *r)
{
	view_activity(st, r);
	co_store_row_take(r); /* copy before the next step frees the column buffers */
}

static int sqlite_activity_get(co_store *s, co_store_activity_row *out, int64_t id)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, co_sqlite_of(s),
			       "SELECT " ACTIVITY_COLUMNS ", stream FROM activities WHERE id = ?1",
			       CO_SQLITE_ARGS(co_sqlite_int(id)));

	if (rc == 1)
		read_activity(q.st, out);
	co_sqlite_finish(&q);
	if (rc == 0)
		return co_error_set(CO_ENOTFOUND, "no activity %lld in the store", (long long)id);
	return rc < 0 ? rc : CO_OK;
}

/* Rows in a start range, oldest first, LIMIT bounding the rows visited. */
static int sqlite_activity_near(co_store *s, co_store_activity_row **out, size_t *out_count,
				int64_t athlete_id, int64_t from_utc, int64_t to_utc, size_t max)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	co_store_activity_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;

	rc = co_sqlite_run(&q, co_sqlite_of(s),
			   "SELECT " ACTIVITY_COLUMNS " FROM activities WHERE athlete_id = ?1 "
			   "AND start_utc >= ?2 AND start_utc < ?3 ORDER BY start_utc, id LIMIT ?4",
			   CO_SQLITE_ARGS(co_sqlite_int(athlete_id), co_sqlite_int(from_utc),
					  co_sqlite_int(to_utc),
					  co_sqlite_int(max > INT32_MAX ? INT32_MAX : (int64_t)max)));
	for (; rc == 1; rc = co_sqlite_next(&q))
		read_activity(q.st, CO_VEC_PUSH(rows, n, cap));
	co_sqlite_finish(&q);
	if (rc < 0) {
		co_store_activity_list_free(rows, n);
		return rc;
	}
	*out = rows;
	*out_count = n;
	return CO_OK;
}

/*
 * The SQL has only the conditions asked for (so SQLite can use the index
 * for each), hence up to 16 texts in the cache; a parameter a text does not
 * use is bound NULL, which binds nothing.
 */
static int sqlite_activity_each(co_store *s, const co_store_activity_query *query,
				co_store_activity_fn fn, void *ctx)
{
	co_strbuf sql = CO_STRBUF_INIT;
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	char since[11], until[11];
	int rc, stop = 0;

	co_strbuf_adds(&sql, "SELECT " ACTIVITY_COLUMNS);
	co_strbuf_adds(&sql, query->with_stream ? ", stream" : "");
	co_strbuf_adds(&sql, " FROM activities WHERE 1");
	if (query->athlete_id)
		co_strbuf_adds(&sql, " AND athlete_id = ?1");
	if (query->since != CO_STORE_NO_DATE)
		co_strbuf_adds(&sql, " AND local_date >= ?2");
	if (query->until != CO_STORE_NO_DATE)
		co_strbuf_adds(&sql, " AND local_date <= ?3");
	co_strbuf_adds(&sql, " ORDER BY start_utc, id");
	rc = co_sqlite_run(&q, co_sqlite_of(s), sql.buf,
			   CO_SQLITE_ARGS(query->athlete_id ? co_sqlite_int(query->athlete_id)
							    : co_sqlite_null(),
					  query->since != CO_STORE_NO_DATE
						  ? co_sqlite_text(co_date_format(query->since, since))
						  : co_sqlite_null(),
					  query->until != CO_STORE_NO_DATE
						  ? co_sqlite_text(co_date_format(query->until, until))
						  : co_sqlite_null()));
	for (; rc == 1; rc = co_sqlite_next(&q)) {
		co_store_activity_row r;

		view_activity(q.st, &r);
		if ((stop = fn(ctx, &r)) != 0)
			break;
	}
	co_sqlite_finish(&q);
	co_strbuf_release(&sql);
	if (stop)
		return stop;
	return rc < 0 ? rc : CO_OK;
}

static int sqlite_activity_count(co_store *s, size_t *out, int64_t athlete_id)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, co_sqlite_of(s),
			       athlete_id ? "SELECT count(*) FROM activities WHERE athlete_id = ?1"
					  : "SELECT count(*) FROM activities",
			       CO_SQLITE_ARGS(athlete_id ? co_sqlite_int(athlete_id)
							 : co_sqlite_null()));

	if (rc == 1)
		*out = (size_t)sqlite3_column_int64(q.st, 0);
	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
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
	.athlete_use = sqlite_athlete_use,
	.activity_exists = sqlite_activity_exists,
	.activity_find_overlap = sqlite_activity_find_overlap,
	.activity_near = sqlite_activity_near,
	.activity_insert = sqlite_activity_insert,
	.activity_delete = sqlite_activity_delete,
	.activity_get = sqlite_activity_get,
	.activity_each = sqlite_activity_each,
	.activity_count = sqlite_activity_count,
	.log_insert = co_sqlite_log_insert,
	.log_update = co_sqlite_log_update,
	.log_get = co_sqlite_log_get,
	.log_delete = co_sqlite_log_delete,
	.log_list = co_sqlite_log_list,
	.log_session_find = co_sqlite_log_session_find,
	.plan_put = co_sqlite_plan_put,
	.plan_list = co_sqlite_plan_list,
	.plan_day_get = co_sqlite_plan_day_get,
};
