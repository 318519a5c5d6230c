/*
 * The SQLite backend's connection and the one way it runs a statement.
 *
 * Every statement of sqlite.c goes through co_sqlite_run(): take the
 * prepared statement for its SQL text from the connection's cache (or
 * prepare it), bind the values given, step once. Further rows come from
 * co_sqlite_next(), and co_sqlite_finish() hands the statement back. Every
 * failure (prepare, bind, step) takes the same path: CO_ESTORE with
 * "store 'LOCATION': SQLITE MESSAGE" (or "...: DOING: MESSAGE" when the
 * statement says what it is for), and the statement is already finished.
 *
 * The cache: an import runs the same few statements per file, and
 * preparing them again each time cost a tenth of the writer thread, so up
 * to CO_SQLITE_CACHE statements are kept, keyed by their SQL text, for the
 * life of the connection. A cached statement is handed out to one use at a
 * time; a nested use of the same text gets a one-off statement, finalized
 * at finish. finish() resets and clears the bindings, so no pointer bound
 * (text and blobs are bound SQLITE_STATIC) outlives the use that bound it,
 * and every parameter starts out NULL: binding a NULL value binds nothing.
 *
 * Only the SQLite backend's files include this header (and sqlite3.h).
 */
#ifndef CO_STORE_SQLITE_STMT_H
#define CO_STORE_SQLITE_STMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/store_impl.h"
#include "util/strbuf.h"

#define CO_SQLITE_CACHE 32

typedef struct co_sqlite_cached {
	char *sql;
	sqlite3_stmt *st;
	bool busy;
} co_sqlite_cached;

/* The backend's handle: a co_store first, so a co_store * is a co_sqlite *. */
typedef struct co_sqlite {
	co_store base;
	sqlite3 *db;
	co_sqlite_cached cache[CO_SQLITE_CACHE];
	size_t n_cache;
} co_sqlite;

/* A value to bind to the next parameter. Build one with the functions below. */
typedef struct co_sqlite_value {
	enum { CO_SQLITE_NULL, CO_SQLITE_INT, CO_SQLITE_REAL, CO_SQLITE_TEXT, CO_SQLITE_BLOB } type;
	int64_t i;
	double r;
	const void *p; /* text (NUL-terminated) or blob; must live until finish */
	size_t n;      /* blob length */
} co_sqlite_value;

static inline co_sqlite_value co_sqlite_null(void)
{
	return (co_sqlite_value){.type = CO_SQLITE_NULL};
}

static inline co_sqlite_value co_sqlite_int(int64_t v)
{
	return (co_sqlite_value){.type = CO_SQLITE_INT, .i = v};
}

/* NULL is SQL NULL. */
static inline co_sqlite_value co_sqlite_text(const char *v)
{
	return v ? (co_sqlite_value){.type = CO_SQLITE_TEXT, .p = v} : co_sqlite_null();
}

/* An optional measurement: negative (unknown) is SQL NULL. */
static inline co_sqlite_value co_sqlite_opt_real(double v)
{
	return v >= 0 ? (co_sqlite_value){.type = CO_SQLITE_REAL, .r = v} : co_sqlite_null();
}

static inline co_sqlite_value co_sqlite_opt_int(int v)
{
	return v >= 0 ? co_sqlite_int(v) : co_sqlite_null();
}

/* Empty (NULL or no bytes) is SQL NULL. */
static inline co_sqlite_value co_sqlite_blob(const void *p, size_t n)
{
	return p && n ? (co_sqlite_value){.type = CO_SQLITE_BLOB, .p = p, .n = n}
		      : co_sqlite_null();
}

/*
 * The values of ?1, ?2, ... as the last two arguments of co_sqlite_run()
 * and co_sqlite_exec(): CO_SQLITE_ARGS(co_sqlite_int(id), co_sqlite_text(name)).
 * Without parameters, pass CO_SQLITE_NO_ARGS.
 */
#define CO_SQLITE_ARGS(...)                                  \
	(const co_sqlite_value[]){__VA_ARGS__},              \
		sizeof((const co_sqlite_value[]){__VA_ARGS__}) / sizeof(co_sqlite_value)
#define CO_SQLITE_NO_ARGS NULL, 0

/* The SQLite connection behind a store of this backend. */
static inline co_sqlite *co_sqlite_of(co_store *s)
{
	return (co_sqlite *)s;
}

/* Reading a row's columns: a text column as a malloc'd copy (SQL NULL:
 * NULL); optional numbers, SQL NULL reading back as -1 (unknown). */
static inline char *co_sqlite_col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? co_xstrdup((const char *)t) : NULL;
}

static inline double co_sqlite_col_opt_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_double(st, i);
}

static inline int co_sqlite_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* One use of a statement. Start from CO_SQLITE_STMT_INIT. */
typedef struct co_sqlite_stmt {
	co_sqlite *conn;
	sqlite3_stmt *st;  /* read the current row's columns here */
	const char *doing; /* optional, for messages: "cannot store activity 'x'" */
} co_sqlite_stmt;

#define CO_SQLITE_STMT_INIT {NULL, NULL, NULL}

/*
 * Prepare `sql` (or take it from the cache), bind args[0..n) to ?1..?n and
 * step: 1 a row is ready in q->st, 0 no (more) rows, <0 CO_ESTORE with the
 * message set (the statement is then finished already). Call
 * co_sqlite_finish(q) whatever it returns.
 */
int co_sqlite_run(co_sqlite_stmt *q, co_sqlite *c, const char *sql, const co_sqlite_value *args,
		  size_t n);

/* The next row: 1, 0 or <0 as co_sqlite_run(). */
int co_sqlite_next(co_sqlite_stmt *q);

/* Hand the statement back (cache) or finalize it (one-off); q->st = NULL. */
void co_sqlite_finish(co_sqlite_stmt *q);

/* Run a statement for its effect and finish it: 0 or CO_ESTORE. */
int co_sqlite_exec(co_sqlite *c, const char *sql, const co_sqlite_value *args, size_t n);

/*
 * Run SQL text that may hold several statements and takes no parameters
 * (pragmas, transaction control, a migration): 0 or CO_ESTORE, the message
 * with `doing` when not NULL.
 */
int co_sqlite_script(co_sqlite *c, const char *sql, const char *doing);

/* CO_ESTORE with the connection's last error: "store 'LOC': [DOING: ]MSG". */
int co_sqlite_fail(co_sqlite *c, const char *doing);

/* Finalize the cached statements and close the connection (c is not freed). */
void co_sqlite_close(co_sqlite *c);

#endif
