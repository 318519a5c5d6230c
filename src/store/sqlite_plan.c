/*
 * The SQLite backend's plan versions (METHOD E4; tables `plans` and
 * `planned_sessions` of 001_init.sql). A version governs the days from its
 * from_date on; the plan of a day is the highest version whose from_date is
 * on or before it. A version is added only when the hash of its inputs
 * differs from the latest one's, so re-running `plan` with nothing changed
 * adds nothing. Called only by store.c, which opens the transaction level
 * around plan_put (a plan row and its days).
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "store/sqlite_stmt.h"
#include "util/vec.h"

int co_sqlite_plan_put(co_store *s, int *out_version, int64_t athlete_id, const char *hash,
		       co_date from, const co_store_planned_day *days, size_t n_days)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	char day[11];
	int last = 0, rc;
	bool same = false;
	int64_t plan_id;

	rc = co_sqlite_run(&q, co_sqlite_of(s),
			   "SELECT version, hash FROM plans WHERE athlete_id = ?1 ORDER BY version DESC LIMIT 1",
			   CO_SQLITE_ARGS(co_sqlite_int(athlete_id)));
	if (rc == 1) {
		const unsigned char *h = sqlite3_column_text(q.st, 1);

		last = sqlite3_column_int(q.st, 0);
		same = h && !strcmp((const char *)h, hash);
	}
	co_sqlite_finish(&q);
	if (rc < 0)
		return rc;
	if (same)
		return CO_OK;
	rc = co_sqlite_exec(co_sqlite_of(s),
			    "INSERT INTO plans (athlete_id, profile_id, version, hash, from_date) VALUES "
			    "(?1, (SELECT id FROM profiles WHERE athlete_id = ?1 ORDER BY version DESC LIMIT 1), "
			    "?2, ?3, ?4)",
			    CO_SQLITE_ARGS(co_sqlite_int(athlete_id), co_sqlite_int(last + 1),
					   co_sqlite_text(hash), co_sqlite_text(co_date_format(from, day))));
	if (rc < 0)
		return rc;
	plan_id = sqlite3_last_insert_rowid(co_sqlite_of(s)->db);
	for (size_t i = 0; i < n_days; i++) {
		rc = co_sqlite_exec(co_sqlite_of(s),
				    "INSERT INTO planned_sessions (plan_id, athlete_id, date, focus, minutes, "
				    "session_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				    CO_SQLITE_ARGS(co_sqlite_int(plan_id), co_sqlite_int(athlete_id),
						   co_sqlite_text(co_date_format(days[i].date, day)),
						   co_sqlite_text(days[i].focus),
						   days[i].minutes > 0 ? co_sqlite_int(days[i].minutes) : co_sqlite_null(),
						   co_sqlite_text(days[i].json)));
		if (rc < 0)
			return rc;
	}
	*out_version = last + 1;
	return CO_OK;
}

int co_sqlite_plan_list(co_store *s, co_store_plan_version **out, size_t *out_count,
			int64_t athlete_id)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	co_store_plan_version *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	rc = co_sqlite_run(&q, co_sqlite_of(s),
			   "SELECT p.version, p.from_date, p.hash, p.created_at, "
			   "(SELECT count(*) FROM planned_sessions ps WHERE ps.plan_id = p.id) "
			   "FROM plans p WHERE p.athlete_id = ?1 ORDER BY p.version",
			   CO_SQLITE_ARGS(co_sqlite_int(athlete_id)));
	for (; rc == 1; rc = co_sqlite_next(&q)) {
		co_store_plan_version *e = CO_VEC_PUSH(v, n, cap);
		const unsigned char *d = sqlite3_column_text(q.st, 1);

		memset(e, 0, sizeof(*e));
		e->version = sqlite3_column_int(q.st, 0);
		if (d)
			co_date_parse(&e->from, (const char *)d);
		e->hash = co_sqlite_col_strdup(q.st, 2);
		e->created_at = co_sqlite_col_strdup(q.st, 3);
		e->n_days = (size_t)sqlite3_column_int64(q.st, 4);
	}
	co_sqlite_finish(&q);
	if (rc < 0) {
		co_store_plan_list_free(v, n);
		return rc;
	}
	*out = v;
	*out_count = n;
	return CO_OK;
}

int co_sqlite_plan_day_get(co_store *s, char **out, int64_t athlete_id, co_date date)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	char day[11];
	int rc;

	rc = co_sqlite_run(&q, co_sqlite_of(s),
			   "SELECT session_json FROM planned_sessions WHERE date = ?2 AND plan_id = "
			   "(SELECT id FROM plans WHERE athlete_id = ?1 AND from_date <= ?2 "
			   "ORDER BY version DESC LIMIT 1)",
			   CO_SQLITE_ARGS(co_sqlite_int(athlete_id),
					  co_sqlite_text(co_date_format(date, day))));
	if (rc == 1)
		*out = co_sqlite_col_strdup(q.st, 0);
	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
}
