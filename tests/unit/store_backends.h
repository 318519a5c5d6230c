/*
 * The store backends that the store's test suite (test_store.c) runs
 * against, one entry each in store_backends[]: today SQLite.
 *
 * An entry says how to make a fresh, empty place for a store (its
 * location) and take it away again, and how to look at that store's
 * database without going through the store, with the database's own client,
 * so that a test never takes the store as its own witness. The few things
 * the suite asks of the database directly are in the entry (the schema
 * version as the database records it, setting it, the list of tables);
 * everything else the suite asks in plain SQL that every backend speaks
 * ("SELECT count(*) FROM profiles").
 *
 * Adding a backend (PostgreSQL comes next): one entry with a scratch
 * database or schema per test as its location, query/exec through its
 * client (libpq), and its schema-version and table questions; `available` says whether it can
 * run here (e.g. a test server is configured), and an entry that cannot is
 * skipped with a note, not failed. The backend is done when the suite
 * passes on it unchanged.
 */
#ifndef CO_TEST_STORE_BACKENDS_H
#define CO_TEST_STORE_BACKENDS_H

#include <ftw.h> /* nftw(): the including file defines _XOPEN_SOURCE first */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "carryover/store.h"

struct store_backend;

/* One test's world: a private temporary directory and a store location. */
typedef struct store_fixture {
	const struct store_backend *be;
	char dir[256];      /* mkdtemp'd for every backend, removed at teardown */
	char location[300]; /* what co_store_open() is given */
	co_store *store;    /* opened by the test; freed at teardown */
} store_fixture;

typedef struct store_backend {
	const char *name; /* what co_store_backend() says for its stores */
	/* Whether the backend can be tested here; NULL: always. */
	bool (*available)(void);
	/* A fresh location with no store in it yet: 0, or -1 to fail the test. */
	int (*make_location)(store_fixture *f);
	/* Take away what make_location made (beyond f->dir). May be NULL. */
	void (*drop_location)(store_fixture *f);
	/* One value (first column of the first row) or NULL; caller frees. */
	char *(*query)(const store_fixture *f, const char *sql);
	/* Run SQL for its effect; fails the test on error. */
	void (*exec)(const store_fixture *f, const char *sql);
	/* Record `version` as the schema version, the way the backend does. */
	void (*set_version)(const store_fixture *f, int version);
	const char *sql_version; /* the schema version the database records */
	const char *sql_tables;  /* the names of all tables, comma-separated */
} store_backend;

/* --- SQLite: a file in the fixture's directory --------------------------- */

static int sqlite_make_location(store_fixture *f)
{
	snprintf(f->location, sizeof(f->location), "%s/carryover.db", f->dir);
	return 0;
}

static char *sqlite_query(const store_fixture *f, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *out = NULL;

	assert_int_equal(sqlite3_open(f->location, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static void sqlite_exec(const store_fixture *f, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(f->location, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void sqlite_set_version(const store_fixture *f, int version)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", version);
	sqlite_exec(f, sql);
}

/* --- the table ------------------------------------------------------------ */

enum { STORE_SQLITE = 0 }; /* index of the entry the SQLite-only tests use */

static store_backend store_backends[] = {
	[STORE_SQLITE] = {
		.name = "sqlite",
		.make_location = sqlite_make_location,
		.query = sqlite_query,
		.exec = sqlite_exec,
		.set_version = sqlite_set_version,
		.sql_version = "PRAGMA user_version",
		.sql_tables = "SELECT group_concat(name, ',') FROM (SELECT name FROM "
			      "sqlite_master WHERE type = 'table' ORDER BY name)",
	},
};

#define STORE_N_BACKENDS (sizeof(store_backends) / sizeof(store_backends[0]))

/* --- fixture: cmocka setup/teardown; the test's prestate is its backend -- */

static int store_rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int store_setup(void **state)
{
	store_fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");

	if (!f)
		return -1;
	f->be = *state;
	snprintf(f->dir, sizeof(f->dir), "%s/co-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	if (f->be->make_location(f) != 0) {
		nftw(f->dir, store_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int store_teardown(void **state)
{
	store_fixture *f = *state;

	co_store_free(f->store);
	if (f->be->drop_location)
		f->be->drop_location(f);
	nftw(f->dir, store_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

#endif
