/*
 * The SQLite backend's training log: sets, sessions, runs, niggles and
 * baseline tests (tables of 001_init.sql, columns of 002_log.sql), read and
 * written as co_log_entry values (carryover/log.h).
 *
 * One SELECT per kind, the same columns for `get` and `list`, so an entry
 * reads the same whichever way it is fetched. A set has no athlete or date
 * of its own: both come from its session. Listing runs the five range
 * queries on their (athlete, date) indexes and sorts the merged result in
 * memory: O(n log n) for n entries, with nothing quadratic. Called only by
 * store.c, which opens the transaction level around writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "store/sqlite_stmt.h"
#include "util/strbuf.h"
#include "util/vec.h"

static co_date col_date(sqlite3_stmt *st, int i)
{
	co_date d = 0;
	const unsigned char *t = sqlite3_column_text(st, i);

	if (!t || co_date_parse(&d, (const char *)t) != CO_OK)
		return 0;
	return d;
}

/* An entry's day: always a date (day 0 is 1970-01-01, not "none"). */
static co_sqlite_value date_value(co_date d, char buf[11])
{
	return co_sqlite_text(co_date_format(d, buf));
}

/* A niggle's cleared day: 0 means not cleared (NULL). */
static co_sqlite_value cleared_value(co_date d, char buf[11])
{
	return d ? co_sqlite_text(co_date_format(d, buf)) : co_sqlite_null();
}

/* --- one SELECT per kind --------------------------------------------------- */

static const char *const select_sql[CO_LOG_KIND_COUNT] = {
	[CO_LOG_SET] = "SELECT s.id, ls.athlete_id, ls.date, s.session_id, s.exercise, s.unmapped, "
		       "s.set_no, s.load, s.load_unit, s.reps, s.seconds, s.rpe, s.set_type, s.notes "
		       "FROM logged_sets s JOIN logged_sessions ls ON ls.id = s.session_id ",
	[CO_LOG_SESSION] = "SELECT id, athlete_id, date, minutes, session_rpe, notes, planned_uid, "
			   "status, title, source_hash FROM logged_sessions ls ",
	[CO_LOG_RUN] = "SELECT id, athlete_id, date, type, minutes, distance_km, rpe, avg_hr, "
		       "activity_id, notes FROM logged_runs ls ",
	[CO_LOG_NIGGLE] = "SELECT id, athlete_id, date, site, severity, resolved_date, session_id, "
			  "notes FROM niggles ls ",
	[CO_LOG_TEST] = "SELECT id, athlete_id, date, kind, side, value, unit, notes, grade, "
			"exercise, reps FROM tests ls ",
};

static const char *const id_column[CO_LOG_KIND_COUNT] = {
	"s.id", "ls.id", "ls.id", "ls.id", "ls.id",
};

static void read_entry(sqlite3_stmt *st, co_log_kind kind, co_log_entry *e)
{
	const char *unit;

	*e = (co_log_entry)CO_LOG_ENTRY_INIT;
	e->kind = kind;
	e->id = sqlite3_column_int64(st, 0);
	e->athlete_id = sqlite3_column_int64(st, 1);
	e->date = col_date(st, 2);
	switch (kind) {
	case CO_LOG_SET:
		e->session_id = sqlite3_column_int64(st, 3);
		e->exercise = co_sqlite_col_strdup(st, 4);
		e->unmapped = sqlite3_column_int(st, 5) != 0;
		e->set_no = sqlite3_column_int(st, 6);
		e->load = co_sqlite_col_opt_real(st, 7);
		unit = (const char *)sqlite3_column_text(st, 8);
		if (unit)
			snprintf(e->load_unit, sizeof(e->load_unit), "%s", unit);
		e->reps = co_sqlite_col_opt_int(st, 9);
		e->seconds = co_sqlite_col_opt_real(st, 10);
		e->rpe = co_sqlite_col_opt_real(st, 11);
		e->set_type = co_sqlite_col_strdup(st, 12);
		e->notes = co_sqlite_col_strdup(st, 13);
		break;
	case CO_LOG_SESSION:
		e->minutes = co_sqlite_col_opt_real(st, 3);
		e->rpe = co_sqlite_col_opt_real(st, 4);
		e->notes = co_sqlite_col_strdup(st, 5);
		e->planned_uid = co_sqlite_col_strdup(st, 6);
		e->status = co_sqlite_col_strdup(st, 7);
		e->title = co_sqlite_col_strdup(st, 8);
		e->source_hash = co_sqlite_col_strdup(st, 9);
		break;
	case CO_LOG_RUN:
		e->run_type = co_sqlite_col_strdup(st, 3);
		e->minutes = co_sqlite_col_opt_real(st, 4);
		e->distance_km = co_sqlite_col_opt_real(st, 5);
		e->rpe = co_sqlite_col_opt_real(st, 6);
		e->avg_hr = co_sqlite_col_opt_int(st, 7);
		e->activity_id = sqlite3_column_type(st, 8) == SQLITE_NULL ? 0
									   : sqlite3_column_int64(st, 8);
		e->notes = co_sqlite_col_strdup(st, 9);
		break;
	case CO_LOG_NIGGLE:
		e->site = co_sqlite_col_strdup(st, 3);
		e->severity = sqlite3_column_int(st, 4);
		e->resolved = col_date(st, 5);
		e->session_id = sqlite3_column_type(st, 6) == SQLITE_NULL ? 0
									  : sqlite3_column_int64(st, 6);
		e->notes = co_sqlite_col_strdup(st, 7);
		break;
	case CO_LOG_TEST:
		e->test_kind = co_sqlite_col_strdup(st, 3);
		e->side = co_sqlite_col_strdup(st, 4);
		e->value = sqlite3_column_double(st, 5);
		e->unit = co_sqlite_col_strdup(st, 6);
		e->notes = co_sqlite_col_strdup(st, 7);
		e->grade = co_sqlite_col_strdup(st, 8);
		e->test_exercise = co_sqlite_col_strdup(st, 9);
		e->test_reps = co_sqlite_col_opt_int(st, 10);
		break;
	default:
		break;
	}
}

/* --- writing ---------------------------------------------------------------- */

/* One past the table's highest id and its highest deleted one (log_ids). */
#define NEXT_ID(tbl) "(SELECT max(coalesce((SELECT max(id) FROM " tbl "), 0), " \
	"coalesce((SELECT last FROM log_ids WHERE tbl = '" tbl "'), 0)) + 1)"

/*
 * Insert (id == 0) or rewrite (id > 0) one entry. The parameters are the
 * same for both: ?1 is the id on update (unused on insert, where the id is
 * one past both the table's highest and its highest deleted: log_ids of
 * 002_log.sql, so a deleted entry's id is never given again).
 */
static int write_entry(co_store *s, int64_t *out, const co_log_entry *e, bool update)
{
	co_sqlite *c = co_sqlite_of(s);
	char day[11], resolved[11];
	co_sqlite_value id = update ? co_sqlite_int(e->id) : co_sqlite_null();
	int rc;

	switch (e->kind) {
	case CO_LOG_SET:
		rc = co_sqlite_exec(c, update
			? "UPDATE logged_sets SET session_id = ?2, exercise = ?3, unmapped = ?4, "
			  "set_no = ?5, load = ?6, load_unit = ?7, reps = ?8, seconds = ?9, rpe = ?10, "
			  "set_type = ?11, notes = ?12 WHERE id = ?1"
			: "INSERT INTO logged_sets (id, session_id, exercise, unmapped, set_no, load, "
			  "load_unit, reps, seconds, rpe, set_type, notes) VALUES ("
			  NEXT_ID("logged_sets") ", ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			CO_SQLITE_ARGS(id, co_sqlite_int(e->session_id), co_sqlite_text(e->exercise),
				       co_sqlite_int(e->unmapped), co_sqlite_int(e->set_no),
				       co_sqlite_opt_real(e->load),
				       co_sqlite_text(e->load >= 0 ? e->load_unit : NULL),
				       co_sqlite_opt_int(e->reps), co_sqlite_opt_real(e->seconds),
				       co_sqlite_opt_real(e->rpe), co_sqlite_text(e->set_type),
				       co_sqlite_text(e->notes)));
		break;
	case CO_LOG_SESSION:
		rc = co_sqlite_exec(c, update
			? "UPDATE logged_sessions SET athlete_id = ?2, date = ?3, minutes = ?4, "
			  "session_rpe = ?5, notes = ?6, planned_uid = ?7, status = ?8, title = ?9, "
			  "source_hash = ?10 WHERE id = ?1"
			: "INSERT INTO logged_sessions (id, athlete_id, date, minutes, session_rpe, "
			  "notes, planned_uid, status, title, source_hash) VALUES ("
			  NEXT_ID("logged_sessions") ", ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
			CO_SQLITE_ARGS(id, co_sqlite_int(e->athlete_id), date_value(e->date, day),
				       e->minutes > 0 ? co_sqlite_opt_real(e->minutes) : co_sqlite_null(),
				       co_sqlite_opt_real(e->rpe), co_sqlite_text(e->notes),
				       co_sqlite_text(e->planned_uid), co_sqlite_text(e->status),
				       co_sqlite_text(e->title), co_sqlite_text(e->source_hash)));
		break;
	case CO_LOG_RUN:
		rc = co_sqlite_exec(c, update
			? "UPDATE logged_runs SET athlete_id = ?2, date = ?3, type = ?4, minutes = ?5, "
			  "distance_km = ?6, rpe = ?7, avg_hr = ?8, activity_id = ?9, notes = ?10 "
			  "WHERE id = ?1"
			: "INSERT INTO logged_runs (id, athlete_id, date, type, minutes, distance_km, "
			  "rpe, avg_hr, activity_id, notes) VALUES ("
			  NEXT_ID("logged_runs") ", ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
			CO_SQLITE_ARGS(id, co_sqlite_int(e->athlete_id), date_value(e->date, day),
				       co_sqlite_text(e->run_type), co_sqlite_opt_real(e->minutes),
				       co_sqlite_opt_real(e->distance_km), co_sqlite_opt_real(e->rpe),
				       co_sqlite_opt_int(e->avg_hr),
				       e->activity_id > 0 ? co_sqlite_int(e->activity_id) : co_sqlite_null(),
				       co_sqlite_text(e->notes)));
		break;
	case CO_LOG_NIGGLE:
		rc = co_sqlite_exec(c, update
			? "UPDATE niggles SET athlete_id = ?2, date = ?3, site = ?4, severity = ?5, "
			  "resolved_date = ?6, session_id = ?7, notes = ?8 WHERE id = ?1"
			: "INSERT INTO niggles (id, athlete_id, date, site, severity, resolved_date, "
			  "session_id, notes) VALUES ("
			  NEXT_ID("niggles") ", ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			CO_SQLITE_ARGS(id, co_sqlite_int(e->athlete_id), date_value(e->date, day),
				       co_sqlite_text(e->site), co_sqlite_int(e->severity),
				       cleared_value(e->resolved, resolved),
				       e->session_id > 0 ? co_sqlite_int(e->session_id) : co_sqlite_null(),
				       co_sqlite_text(e->notes)));
		break;
	case CO_LOG_TEST:
		rc = co_sqlite_exec(c, update
			? "UPDATE tests SET athlete_id = ?2, date = ?3, kind = ?4, side = ?5, "
			  "value = ?6, unit = ?7, notes = ?8, grade = ?9, exercise = ?10, reps = ?11 "
			  "WHERE id = ?1"
			: "INSERT INTO tests (id, athlete_id, date, kind, side, value, unit, notes, grade, "
			  "exercise, reps) VALUES ("
			  NEXT_ID("tests") ", ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			CO_SQLITE_ARGS(id, co_sqlite_int(e->athlete_id), date_value(e->date, day),
				       co_sqlite_text(e->test_kind), co_sqlite_text(e->side),
				       (co_sqlite_value){.type = CO_SQLITE_REAL, .r = e->value},
				       co_sqlite_text(e->unit), co_sqlite_text(e->notes),
				       co_sqlite_text(e->grade), co_sqlite_text(e->test_exercise),
				       co_sqlite_opt_int(e->test_reps)));
		break;
	default:
		return co_error_set(CO_EINPUT, "unknown kind of log entry");
	}
	if (rc)
		return rc;
	if (update) {
		if (sqlite3_changes(c->db) == 0)
			return co_error_set(CO_ENOTFOUND, "no %s-%lld in the log",
					    co_log_kind_name(e->kind), (long long)e->id);
	} else if (out) {
		*out = sqlite3_last_insert_rowid(c->db);
	}
	return CO_OK;
}

int co_sqlite_log_insert(co_store *s, int64_t *out, const co_log_entry *e)
{
	return write_entry(s, out, e, false);
}

int co_sqlite_log_update(co_store *s, const co_log_entry *e)
{
	return write_entry(s, NULL, e, true);
}

/* --- reading ---------------------------------------------------------------- */

int co_sqlite_log_get(co_store *s, co_log_entry *out, co_log_kind kind, int64_t id)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	co_strbuf sql = CO_STRBUF_INIT;
	int rc;

	co_strbuf_addf(&sql, "%sWHERE %s = ?1", select_sql[kind], id_column[kind]);
	rc = co_sqlite_run(&q, co_sqlite_of(s), sql.buf, CO_SQLITE_ARGS(co_sqlite_int(id)));
	if (rc == 1)
		read_entry(q.st, kind, out);
	co_sqlite_finish(&q);
	co_strbuf_release(&sql);
	if (rc == 0)
		return co_error_set(CO_ENOTFOUND, "no %s-%lld in the log (see 'carryover history')",
				    co_log_kind_name(kind), (long long)id);
	return rc < 0 ? rc : CO_OK;
}

int co_sqlite_log_delete(co_store *s, int64_t athlete_id, co_log_kind kind, int64_t id)
{
	static const char *const sql[CO_LOG_KIND_COUNT] = {
		"DELETE FROM logged_sets WHERE id = ?1 AND session_id IN "
		"(SELECT id FROM logged_sessions WHERE athlete_id = ?2)",
		"DELETE FROM logged_sessions WHERE id = ?1 AND athlete_id = ?2",
		"DELETE FROM logged_runs WHERE id = ?1 AND athlete_id = ?2",
		"DELETE FROM niggles WHERE id = ?1 AND athlete_id = ?2",
		"DELETE FROM tests WHERE id = ?1 AND athlete_id = ?2",
	};
	co_sqlite *c = co_sqlite_of(s);
	int rc = co_sqlite_exec(c, sql[kind],
				CO_SQLITE_ARGS(co_sqlite_int(id), co_sqlite_int(athlete_id)));

	if (rc)
		return rc;
	if (sqlite3_changes(c->db) == 0)
		return co_error_set(CO_ENOTFOUND, "no %s-%lld in the log (see 'carryover history')",
				    co_log_kind_name(kind), (long long)id);
	return CO_OK;
}

/* Sessions sort before their sets on a day; then runs, niggles, tests. */
static const int kind_rank[CO_LOG_KIND_COUNT] = {1, 0, 2, 3, 4};

static int entry_cmp(const void *pa, const void *pb)
{
	const co_log_entry *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->kind == CO_LOG_SET && b->kind == CO_LOG_SET && a->session_id != b->session_id)
		return a->session_id < b->session_id ? -1 : 1;
	if (a->kind == CO_LOG_SET && b->kind == CO_LOG_SESSION && a->session_id != b->id)
		return a->session_id < b->id ? -1 : 1;
	if (a->kind == CO_LOG_SESSION && b->kind == CO_LOG_SET && a->id != b->session_id)
		return a->id < b->session_id ? -1 : 1;
	if (kind_rank[a->kind] != kind_rank[b->kind])
		return kind_rank[a->kind] < kind_rank[b->kind] ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int co_sqlite_log_list(co_store *s, co_log_entry **out, size_t *out_count, const co_log_query *q)
{
	co_log_entry *list = NULL;
	size_t n = 0, cap = 0;
	char since[11], until[11];
	co_sqlite_value vs = q->since != INT32_MIN ? co_sqlite_text(co_date_format(q->since, since))
						   : co_sqlite_null();
	co_sqlite_value vu = q->until != INT32_MIN ? co_sqlite_text(co_date_format(q->until, until))
						   : co_sqlite_null();
	int rc = CO_OK;

	for (int k = 0; k < CO_LOG_KIND_COUNT && rc >= 0; k++) {
		co_sqlite_stmt st = CO_SQLITE_STMT_INIT;
		co_strbuf sql = CO_STRBUF_INIT;

		co_strbuf_addf(&sql, "%sWHERE ls.athlete_id = ?1 AND (?2 IS NULL OR ls.date >= ?2) "
				     "AND (?3 IS NULL OR ls.date <= ?3) ORDER BY %s",
			       select_sql[k], id_column[k]);
		rc = co_sqlite_run(&st, co_sqlite_of(s), sql.buf,
				   CO_SQLITE_ARGS(co_sqlite_int(q->athlete_id), vs, vu));
		for (; rc == 1; rc = co_sqlite_next(&st))
			read_entry(st.st, (co_log_kind)k, CO_VEC_PUSH(list, n, cap));
		co_sqlite_finish(&st);
		co_strbuf_release(&sql);
	}
	if (rc < 0) {
		co_log_list_free(list, n);
		return rc;
	}
	if (n > 1)
		qsort(list, n, sizeof(*list), entry_cmp);
	*out = list;
	*out_count = n;
	return CO_OK;
}

int co_sqlite_log_session_find(co_store *s, int64_t *out, int64_t athlete_id, co_date date,
			       const char *source_hash)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	char day[11];
	int rc;

	if (source_hash)
		rc = co_sqlite_run(&q, co_sqlite_of(s),
				   "SELECT id FROM logged_sessions WHERE athlete_id = ?1 AND source_hash = ?2",
				   CO_SQLITE_ARGS(co_sqlite_int(athlete_id), co_sqlite_text(source_hash)));
	else
		rc = co_sqlite_run(&q, co_sqlite_of(s),
				   "SELECT id FROM logged_sessions WHERE athlete_id = ?1 AND date = ?2 "
				   "AND source_hash IS NULL ORDER BY id LIMIT 1",
				   CO_SQLITE_ARGS(co_sqlite_int(athlete_id),
						  co_sqlite_text(co_date_format(date, day))));
	if (rc == 1)
		*out = sqlite3_column_int64(q.st, 0);
	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
}
