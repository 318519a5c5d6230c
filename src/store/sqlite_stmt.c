/*
 * Running statements on the SQLite backend's connection: the statement
 * cache, binding, stepping, and the one error path (sqlite_stmt.h says how
 * they are used). Only the SQLite backend includes sqlite3.h.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "carryover/error.h"
#include "store/sqlite_stmt.h"
#include "util/strbuf.h"

int co_sqlite_fail(co_sqlite *c, const char *doing)
{
	if (doing)
		return co_error_set(CO_ESTORE, "store '%s': %s: %s", c->base.location, doing,
				    sqlite3_errmsg(c->db));
	return co_error_set(CO_ESTORE, "store '%s': %s", c->base.location, sqlite3_errmsg(c->db));
}

int co_sqlite_script(co_sqlite *c, const char *sql, const char *doing)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return co_sqlite_fail(c, doing);
	return CO_OK;
}

/* The statement for `sql`: the cached one if free, else a new one (cached while there is room). */
static int prepare(co_sqlite *c, sqlite3_stmt **out, const char *sql)
{
	co_sqlite_cached *slot = NULL;

	for (size_t i = 0; i < c->n_cache; i++) {
		if (!strcmp(c->cache[i].sql, sql)) {
			if (!c->cache[i].busy) {
				c->cache[i].busy = true;
				*out = c->cache[i].st;
				return CO_OK;
			}
			break; /* in use (nested): prepare a one-off copy */
		}
	}
	if (c->n_cache < CO_SQLITE_CACHE)
		slot = &c->cache[c->n_cache];
	if (sqlite3_prepare_v3(c->db, sql, -1, slot ? SQLITE_PREPARE_PERSISTENT : 0, out, NULL)
	    != SQLITE_OK) {
		*out = NULL;
		return co_sqlite_fail(c, NULL);
	}
	if (slot) {
		slot->sql = co_xstrdup(sql);
		slot->st = *out;
		slot->busy = true;
		c->n_cache++;
	}
	return CO_OK;
}

void co_sqlite_finish(co_sqlite_stmt *q)
{
	co_sqlite *c = q->conn;
	sqlite3_stmt *st = q->st;

	q->st = NULL;
	if (!st)
		return;
	for (size_t i = 0; i < c->n_cache; i++) {
		if (c->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

static int bind(sqlite3_stmt *st, int i, const co_sqlite_value *v)
{
	switch (v->type) {
	case CO_SQLITE_INT:
		return sqlite3_bind_int64(st, i, v->i);
	case CO_SQLITE_REAL:
		return sqlite3_bind_double(st, i, v->r);
	case CO_SQLITE_TEXT:
		return sqlite3_bind_text(st, i, v->p, -1, SQLITE_STATIC);
	case CO_SQLITE_BLOB:
		return sqlite3_bind_blob64(st, i, v->p, v->n, SQLITE_STATIC);
	case CO_SQLITE_NULL:
		break;
	}
	return SQLITE_OK; /* parameters start out NULL */
}

/* The error path of a use: message first (finishing resets it), then finish. */
static int fail(co_sqlite_stmt *q)
{
	int rc = co_sqlite_fail(q->conn, q->doing);

	co_sqlite_finish(q);
	return rc;
}

int co_sqlite_next(co_sqlite_stmt *q)
{
	int rc = sqlite3_step(q->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(q);
}

int co_sqlite_run(co_sqlite_stmt *q, co_sqlite *c, const char *sql, const co_sqlite_value *args,
		  size_t n)
{
	int rc;

	q->conn = c;
	rc = prepare(c, &q->st, sql);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (bind(q->st, (int)i + 1, &args[i]) != SQLITE_OK)
			return fail(q);
	return co_sqlite_next(q);
}

int co_sqlite_exec(co_sqlite *c, const char *sql, const co_sqlite_value *args, size_t n)
{
	co_sqlite_stmt q = CO_SQLITE_STMT_INIT;
	int rc = co_sqlite_run(&q, c, sql, args, n);

	co_sqlite_finish(&q);
	return rc < 0 ? rc : CO_OK;
}

void co_sqlite_close(co_sqlite *c)
{
	for (size_t i = 0; i < c->n_cache; i++) {
		sqlite3_finalize(c->cache[i].st);
		free(c->cache[i].sql);
	}
	c->n_cache = 0;
	sqlite3_close(c->db);
	c->db = NULL;
}
