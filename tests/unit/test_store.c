/*
 * The store (include/carryover/store.h): opening and migrating, transactions, athletes and the current athlete,
 * imported activities, and refusing what it must refuse.
 *
 * The suite is written once and run against every backend of
 * store_backends.h (today SQLite): a test takes its backend from the
 * fixture and asks the database directly through the backend's own client,
 * so the store is not its own witness. What only a backend has (SQLite's
 * file: WAL, permissions, a file that is not a database, a second process
 * holding the lock) is in its own group below, as are the rules of the
 * front door that open no particular backend.
 *
 * Each test works in its own temporary directory.
 */
#define _XOPEN_SOURCE 700 /* nftw() in store_backends.h */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "carryover/error.h"
#include "carryover/store.h"
#include "store_backends.h"

typedef store_fixture fixture;

static co_store *open_ok(fixture *f)
{
	co_store_free(f->store);
	f->store = NULL;
	int rc = co_store_open(&f->store, f->location);

	if (rc)
		fail_msg("open: %s", co_error_last());
	return f->store;
}

/* One value from the store's database, read by the backend's own client. */
static char *db_query(const fixture *f, const char *sql)
{
	return f->be->query(f, sql);
}

static int64_t put(co_store *s, const char *name, const char *text)
{
	int64_t id = 0;
	int rc = co_store_athlete_put(&id, s, name, text, "profile.ini");

	if (rc)
		fail_msg("put: %s", co_error_last());
	assert_true(id > 0);
	return id;
}

/* An activity of `athlete` starting at `start` lasting `secs`. */
static co_store_activity_row activity(int64_t athlete, const char *hash, const char *source,
				      int64_t start, double secs)
{
	co_store_activity_row r = CO_STORE_ACTIVITY_ROW_INIT;

	r.athlete_id = athlete;
	r.hash = hash;
	r.source = source;
	r.sport = "running";
	r.start_utc = start;
	r.elapsed_s = secs;
	return r;
}

static int64_t insert(co_store *s, const co_store_activity_row *r)
{
	int64_t id = 0;
	int rc = co_store_activity_insert(&id, s, r);

	if (rc)
		fail_msg("insert: %s", co_error_last());
	assert_true(id > 0);
	return id;
}

static size_t count_activities(co_store *s)
{
	co_store_activity_row *rows = NULL;
	size_t n = 0;

	assert_int_equal(co_store_activity_list(&rows, &n, s, NULL), CO_OK);
	co_store_activity_list_free(rows, n);
	return n;
}

#define T0 1799020800 /* 2027-01-04T00:00:00Z, a Monday */

/* --- opening and migrating ---------------------------------------------- */

static void test_open_migrates(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int version = -1, latest = -1;
	char *uv, *tables;

	assert_int_equal(co_store_schema_version(&version, &latest, s), CO_OK);
	assert_true(latest >= 1);
	assert_int_equal(version, latest);
	assert_string_equal(co_store_backend(s), f->be->name);
	assert_string_equal(co_store_location(s), f->location);

	uv = db_query(f, f->be->sql_version);
	assert_non_null(uv);
	assert_int_equal(atoi(uv), latest);
	free(uv);

	/* Every table the rest of carryover relies on is there. */
	tables = db_query(f, f->be->sql_tables);
	assert_non_null(tables);
	const char *want[] = {"activities", "athletes", "logged_runs", "logged_sessions",
			      "logged_sets", "niggles", "planned_sessions", "plans", "profiles",
			      "store_state", "tests"};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!strstr(tables, want[i]))
			fail_msg("table '%s' missing from %s", want[i], tables);
	free(tables);
}

static void test_reopen_is_idempotent(void **state)
{
	fixture *f = *state;
	co_store_athlete a;
	int v1 = 0, v2 = 0;

	put(open_ok(f), "Alex", "[athlete]\nname = Alex\n");
	assert_int_equal(co_store_schema_version(&v1, NULL, f->store), CO_OK);
	co_store *s = open_ok(f); /* closes and opens again */
	assert_int_equal(co_store_schema_version(&v2, NULL, s), CO_OK);
	assert_int_equal(v1, v2);
	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_OK);
	assert_string_equal(a.name, "Alex");
	co_store_athlete_release(&a);
	char *n = db_query(f, "SELECT count(*) FROM store_state");
	assert_string_equal(n, "1"); /* the seed row was not inserted twice */
	free(n);
}

static void test_foreign_keys(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);

	/* An activity of an athlete who does not exist breaks a foreign key. */
	co_store_activity_row r = activity(999, "h1", "ghost.fit", T0, 600);
	int64_t id = 0;
	assert_int_equal(co_store_activity_insert(&id, s, &r), CO_ESTORE);
	assert_non_null(strstr(co_error_last(), "FOREIGN KEY"));
	assert_non_null(strstr(co_error_last(), "ghost.fit"));
	assert_int_equal(id, 0);
	assert_int_equal(count_activities(s), 0);
}

static void test_newer_schema_refused(void **state)
{
	fixture *f = *state;
	int version = 0, latest = 0;
	co_store *s = NULL;

	assert_int_equal(co_store_schema_version(&version, &latest, open_ok(f)), CO_OK);
	co_store_free(f->store);
	f->store = NULL;
	f->be->set_version(f, latest + 1);

	assert_int_equal(co_store_open(&s, f->location), CO_ESTORE);
	assert_null(s);
	assert_non_null(strstr(co_error_last(), f->location));
	assert_non_null(strstr(co_error_last(), "unknown schema version"));
	/* ...and it was left as it was. */
	char *uv = db_query(f, f->be->sql_version);
	assert_int_equal(atoi(uv), latest + 1);
	free(uv);
}

/* --- athletes ----------------------------------------------------------- */

/* athletes use: switching the current athlete keeps every profile as it was. */
static void test_athlete_use(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	co_store_athlete a;
	int64_t id = 0;

	int64_t alex = put(s, "Alex Runner", "[athlete]\nname = Alex Runner\n");
	int64_t blake = put(s, "Blake", "[athlete]\nname = Blake\n");

	assert_int_equal(co_store_athlete_use(&id, s, "alex runner"), CO_OK);
	assert_int_equal(id, alex);
	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_OK);
	assert_int_equal(a.id, alex);
	assert_int_equal(a.profile_version, 1);
	co_store_athlete_release(&a);
	assert_int_equal(co_store_athlete_get(&a, s, "Blake"), CO_OK);
	assert_false(a.current);
	assert_int_equal(a.id, blake);
	co_store_athlete_release(&a);

	assert_int_equal(co_store_athlete_use(&id, s, "Blak"), CO_ENOTFOUND);
	assert_int_equal(id, 0);
	assert_non_null(strstr(co_error_last(), "did you mean 'Blake'"));
	assert_int_equal(co_store_athlete_use(NULL, s, ""), CO_EINPUT);
	/* a failed switch leaves the current athlete alone */
	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_OK);
	assert_int_equal(a.id, alex);
	co_store_athlete_release(&a);
}

static void test_athlete_current_and_upsert(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	co_store_athlete a;
	co_store_athlete *all = NULL;
	size_t n = 0;

	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_ENOTFOUND);
	assert_non_null(strstr(co_error_last(), "no current athlete"));
	assert_null(a.name);

	int64_t alex = put(s, "Alex Runner", "[athlete]\nname = Alex Runner\nlevel = novice\n");
	int64_t blake = put(s, "Blake", "[athlete]\nname = Blake\n");
	assert_true(alex != blake);

	/* The last profile stored is the current athlete. */
	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_OK);
	assert_int_equal(a.id, blake);
	assert_string_equal(a.name, "Blake");
	assert_string_equal(a.profile_text, "[athlete]\nname = Blake\n");
	assert_string_equal(a.source_path, "profile.ini");
	assert_true(a.current);
	co_store_athlete_release(&a);

	/* Same name, same text: same athlete, no new profile version. */
	assert_int_equal(put(s, "Alex Runner", "[athlete]\nname = Alex Runner\nlevel = novice\n"), alex);
	assert_int_equal(co_store_athlete_get(&a, s, NULL), CO_OK);
	assert_int_equal(a.id, alex);
	assert_int_equal(a.profile_version, 1);
	char *hash1 = strdup(a.profile_hash);
	co_store_athlete_release(&a);

	/* Changed text: a new version, which is what get returns. */
	assert_int_equal(put(s, "Alex Runner", "[athlete]\nname = Alex Runner\nlevel = advanced\n"), alex);
	assert_int_equal(co_store_athlete_get(&a, s, "alex runner"), CO_OK); /* any case */
	assert_int_equal(a.profile_version, 2);
	assert_non_null(strstr(a.profile_text, "advanced"));
	assert_string_not_equal(a.profile_hash, hash1);
	co_store_athlete_release(&a);
	free(hash1);
	char *versions = db_query(f, "SELECT count(*) FROM profiles");
	assert_string_equal(versions, "3"); /* Alex v1, v2, Blake v1 */
	free(versions);

	/* Someone else by name; the current athlete is unchanged by reading. */
	assert_int_equal(co_store_athlete_get(&a, s, "Blake"), CO_OK);
	assert_false(a.current);
	co_store_athlete_release(&a);

	assert_int_equal(co_store_athlete_get(&a, s, "Alex Runer"), CO_ENOTFOUND);
	assert_non_null(strstr(co_error_last(), "'Alex Runer'"));
	assert_non_null(strstr(co_error_last(), "did you mean 'Alex Runner'"));

	assert_int_equal(co_store_athlete_list(&all, &n, s), CO_OK);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].name, "Alex Runner");
	assert_string_equal(all[1].name, "Blake");
	assert_true(all[0].current);
	assert_false(all[1].current);
	co_store_athlete_list_free(all, n);

	int64_t id = 0;
	assert_int_equal(co_store_athlete_put(&id, s, "", "x", NULL), CO_EINPUT);
	assert_int_equal(co_store_athlete_put(&id, s, "Casey", NULL, NULL), CO_EINPUT);
}

/* --- transactions ------------------------------------------------------- */

static void test_rollback_leaves_nothing(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	co_store_athlete *all = NULL;
	size_t n = 0;
	bool exists = true;

	assert_int_equal(co_store_begin(s), CO_OK);
	int64_t alex = put(s, "Alex", "a");
	co_store_activity_row r = activity(alex, "hash-a", "a.fit", T0, 3600);
	insert(s, &r);
	assert_int_equal(co_store_rollback(s), CO_OK);
	assert_int_equal(co_store_depth(s), 0);

	assert_int_equal(co_store_athlete_list(&all, &n, s), CO_OK);
	assert_int_equal(n, 0);
	assert_int_equal(co_store_activity_exists(&exists, s, "hash-a"), CO_OK);
	assert_false(exists);

	/* Nested: the inner rollback undoes only the inner part. */
	assert_int_equal(co_store_begin(s), CO_OK);
	put(s, "Alex", "a");
	assert_int_equal(co_store_begin(s), CO_OK);
	put(s, "Blake", "b");
	assert_int_equal(co_store_rollback(s), CO_OK);
	assert_int_equal(co_store_commit(s), CO_OK);
	assert_int_equal(co_store_athlete_list(&all, &n, s), CO_OK);
	assert_int_equal(n, 1);
	assert_string_equal(all[0].name, "Alex");
	co_store_athlete_list_free(all, n);

	/* A store closed inside a transaction keeps nothing of it. */
	assert_int_equal(co_store_begin(s), CO_OK);
	put(s, "Casey", "c");
	s = open_ok(f);
	assert_int_equal(co_store_athlete_list(&all, &n, s), CO_OK);
	assert_int_equal(n, 1);
	co_store_athlete_list_free(all, n);

	/* Rollback with nothing open is harmless; commit is not. */
	assert_int_equal(co_store_rollback(s), CO_OK);
	assert_int_equal(co_store_commit(s), CO_ESTORE);
}

/* --- activities --------------------------------------------------------- */

static void test_activity_hash_unique(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	bool exists = true;

	assert_int_equal(co_store_activity_exists(&exists, s, "abc123"), CO_OK);
	assert_false(exists);
	co_store_activity_row r = activity(alex, "abc123", "morning.fit", T0, 3600);
	insert(s, &r);
	assert_int_equal(co_store_activity_exists(&exists, s, "abc123"), CO_OK);
	assert_true(exists);

	/* The same file under another name is the same activity. */
	co_store_activity_row again = activity(alex, "abc123", "copy of morning.fit", T0 + 86400, 60);
	int64_t id = 0;
	assert_int_equal(co_store_activity_insert(&id, s, &again), CO_EEXISTS);
	assert_int_equal(id, 0);
	assert_non_null(strstr(co_error_last(), "'copy of morning.fit'"));
	assert_non_null(strstr(co_error_last(), "'morning.fit'"));
	assert_int_equal(count_activities(s), 1);

	/* Required fields. */
	co_store_activity_row bad = activity(alex, "", "x.fit", T0, 60);
	assert_int_equal(co_store_activity_insert(&id, s, &bad), CO_EINPUT);
	bad = activity(alex, "h", NULL, T0, 60);
	assert_int_equal(co_store_activity_insert(&id, s, &bad), CO_EINPUT);
	bad = activity(0, "h", "x.fit", T0, 60);
	assert_int_equal(co_store_activity_insert(&id, s, &bad), CO_EINPUT);

	/* Values the schema refuses are refused, and nothing is stored. */
	bad = activity(alex, "h2", "hr.fit", T0 + 7200, 60);
	bad.avg_hr = 400;
	assert_int_equal(co_store_activity_insert(&id, s, &bad), CO_ESTORE);
	assert_non_null(strstr(co_error_last(), "hr.fit"));
	bad = activity(alex, "h3", "laps.fit", T0 + 7200, 60);
	bad.laps_json = "[{\"lap\": 1,";
	assert_int_equal(co_store_activity_insert(&id, s, &bad), CO_ESTORE);
	assert_int_equal(count_activities(s), 1);
}

static void test_activity_overlap(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	int64_t blake = put(s, "Blake", "b");
	int64_t found = -1;

	co_store_activity_row run = activity(alex, "watch", "watch.fit", T0 + 3600, 3600);
	int64_t run_id = insert(s, &run);
	co_store_activity_row warm = activity(alex, "warm", "warmup.fit", T0, 1200);
	int64_t warm_id = insert(s, &warm);
	co_store_activity_row other = activity(blake, "b", "blake.fit", T0 + 3600, 3600);
	insert(s, &other);

	/* A bike computer recorded the same run, a little later and shorter. */
	assert_int_equal(co_store_activity_find_overlap(&found, s, alex, T0 + 3660, 3500), CO_OK);
	assert_int_equal(found, run_id);

	/* Straddling both: the longest overlap wins. */
	assert_int_equal(co_store_activity_find_overlap(&found, s, alex, T0 + 600, 4200), CO_OK);
	assert_int_equal(found, run_id); /* 1200 s of the run vs 600 s of the warm-up */
	assert_int_equal(co_store_activity_find_overlap(&found, s, alex, T0 + 300, 3400), CO_OK);
	assert_int_equal(found, warm_id); /* 900 s of the warm-up vs 100 s of the run */

	/* Touching ends are not overlaps. */
	assert_int_equal(co_store_activity_find_overlap(&found, s, alex, T0 + 7200, 600), CO_OK);
	assert_int_equal(found, 0);
	assert_int_equal(co_store_activity_find_overlap(&found, s, alex, T0 + 1200, 2400), CO_OK);
	assert_int_equal(found, 0);

	/* Another athlete's run at the same time is not a duplicate. */
	int64_t casey = put(s, "Casey", "c");
	assert_int_equal(co_store_activity_find_overlap(&found, s, casey, T0 + 3600, 3600), CO_OK);
	assert_int_equal(found, 0);

	/* The same-run candidates: by start range, oldest first, at most max. */
	co_store_activity_row *near = NULL;
	size_t nnear = 0;

	assert_int_equal(co_store_activity_near(&near, &nnear, s, alex, T0, T0 + 7200, 8), CO_OK);
	assert_int_equal(nnear, 2);
	assert_int_equal(near[0].id, warm_id);
	assert_int_equal(near[1].id, run_id);
	assert_null(near[1].stream);
	co_store_activity_list_free(near, nnear);
	assert_int_equal(co_store_activity_near(&near, &nnear, s, alex, T0, T0 + 7200, 1), CO_OK);
	assert_int_equal(nnear, 1);
	co_store_activity_list_free(near, nnear);
	assert_int_equal(co_store_activity_near(&near, &nnear, s, alex, T0 + 1, T0 + 3600, 8), CO_OK);
	assert_int_equal(nnear, 0);
	assert_null(near);
}

/* co_store_activity_each: a row at a time, in order, stoppable; counts. */
typedef struct walk {
	size_t n;
	char sources[4][32];
	int stop_at;
} walk;

static int walk_row(void *ctx, const co_store_activity_row *row)
{
	walk *w = ctx;

	if (w->n < 4)
		snprintf(w->sources[w->n], sizeof(w->sources[0]), "%s", row->source);
	w->n++;
	return (int)w->n == w->stop_at ? 42 : 0;
}

static void test_activity_each_and_count(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	int64_t blake = put(s, "Blake", "b");
	co_store_activity_query q = CO_STORE_ACTIVITY_QUERY_INIT;
	walk w = {0};
	size_t n = 0;

	co_store_activity_row r1 = activity(alex, "2", "second.fit", T0 + 86400, 1800);
	insert(s, &r1);
	co_store_activity_row r2 = activity(alex, "1", "first.fit", T0, 1800);
	insert(s, &r2);
	co_store_activity_row r3 = activity(blake, "3", "blake.fit", T0, 1800);
	insert(s, &r3);

	q.athlete_id = alex;
	assert_int_equal(co_store_activity_each(s, &q, walk_row, &w), CO_OK);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.sources[0], "first.fit");
	assert_string_equal(w.sources[1], "second.fit");
	memset(&w, 0, sizeof(w));
	w.stop_at = 1;
	assert_int_equal(co_store_activity_each(s, NULL, walk_row, &w), 42);
	assert_int_equal(w.n, 1);
	assert_int_equal(co_store_activity_count(&n, s, alex), CO_OK);
	assert_int_equal(n, 2);
	assert_int_equal(co_store_activity_count(&n, s, 0), CO_OK);
	assert_int_equal(n, 3);
}

static void test_activity_round_trip_and_since(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	int64_t blake = put(s, "Blake", "b");
	const unsigned char stream[] = {0x1f, 0x8b, 0x00, 0x01, 0x02, 0xff};
	co_store_activity_row got;
	co_store_activity_row *rows = NULL;
	size_t n = 0;
	char day[11];

	/* 23:30 UTC on Monday is 00:30 on Tuesday at UTC+1. */
	co_store_activity_row r = activity(alex, "late", "late.fit", T0 + 84600, 2700.5);
	r.utc_offset_s = 3600;
	r.sub_sport = "trail";
	r.distance_m = 8012.3;
	r.avg_hr = 151;
	r.ascent_m = 0; /* known to be flat, not unknown */
	r.device = "Garmin Forerunner 965";
	r.rpe = 6.5;
	r.feel = 75;
	r.laps_json = "[{\"distance_m\": 1000}]";
	r.stream = stream;
	r.stream_len = sizeof(stream);
	int64_t late = insert(s, &r);
	co_store_activity_row early = activity(alex, "early", "early.gpx", T0 + 3600, 1800);
	early.utc_offset_s = -18000; /* 01:00 UTC is Sunday evening at UTC-5 */
	insert(s, &early);
	co_store_activity_row b = activity(blake, "blake", "blake.tcx", T0 + 86400 * 2, 1800);
	insert(s, &b);

	assert_int_equal(co_store_activity_get(&got, s, late), CO_OK);
	assert_string_equal(got.hash, "late");
	assert_string_equal(got.source, "late.fit");
	assert_string_equal(got.sub_sport, "trail");
	assert_string_equal(co_date_format(got.local_date, day), "2027-01-05");
	assert_int_equal(got.utc_offset_s, 3600);
	assert_true(got.elapsed_s == 2700.5);
	assert_true(got.distance_m == 8012.3);
	assert_int_equal(got.avg_hr, 151);
	assert_int_equal(got.max_hr, -1); /* unknown stays unknown */
	assert_true(got.moving_s < 0);
	assert_true(got.ascent_m == 0);
	assert_string_equal(got.device, "Garmin Forerunner 965");
	assert_true(got.rpe == 6.5);
	assert_int_equal(got.feel, 75);
	assert_null(got.summary_json);
	assert_string_equal(got.laps_json, "[{\"distance_m\": 1000}]");
	assert_int_equal(got.stream_len, sizeof(stream));
	assert_memory_equal(got.stream, stream, sizeof(stream));
	co_store_activity_row_release(&got);
	assert_null(got.hash);

	assert_int_equal(co_store_activity_get(&got, s, 9999), CO_ENOTFOUND);

	/* All of Alex's, oldest first, without streams unless asked. */
	co_store_activity_query q = CO_STORE_ACTIVITY_QUERY_INIT;
	q.athlete_id = alex;
	assert_int_equal(co_store_activity_list(&rows, &n, s, &q), CO_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].source, "early.gpx");
	assert_string_equal(co_date_format(rows[0].local_date, day), "2027-01-03");
	assert_string_equal(rows[1].source, "late.fit");
	assert_null(rows[1].stream);
	co_store_activity_list_free(rows, n);

	/* since/until are local dates, both included. */
	q.since = co_date_from_ymd(2027, 1, 5);
	q.with_stream = true;
	assert_int_equal(co_store_activity_list(&rows, &n, s, &q), CO_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].source, "late.fit");
	assert_int_equal(rows[0].stream_len, sizeof(stream));
	co_store_activity_list_free(rows, n);

	q.since = CO_STORE_NO_DATE;
	q.until = co_date_from_ymd(2027, 1, 4);
	assert_int_equal(co_store_activity_list(&rows, &n, s, &q), CO_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].source, "early.gpx");
	co_store_activity_list_free(rows, n);

	q.athlete_id = 0;
	q.until = CO_STORE_NO_DATE;
	q.since = co_date_from_ymd(2027, 1, 6);
	assert_int_equal(co_store_activity_list(&rows, &n, s, &q), CO_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].source, "blake.tcx");
	co_store_activity_list_free(rows, n);

	q.since = co_date_from_ymd(2027, 2, 1);
	assert_int_equal(co_store_activity_list(&rows, &n, s, &q), CO_OK);
	assert_int_equal(n, 0);
	assert_null(rows);
}

/* --- SQLite only: the file ---------------------------------------------- */

static void test_sqlite_wal(void **state)
{
	fixture *f = *state;
	char *mode;

	open_ok(f);
	mode = db_query(f, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
}

static void test_sqlite_file_is_private(void **state)
{
	fixture *f = *state;
	struct stat sb;

	open_ok(f);
	/* Only the owner may read a runner's health data. */
	assert_int_equal(stat(f->location, &sb), 0);
	assert_int_equal(sb.st_mode & 077, 0);
}

static void test_not_a_database(void **state)
{
	fixture *f = *state;
	const char text[] = "[athlete]\nname = Alex Runner\nlevel = intermediate\n"
			    "this is a profile, not a database, and it must survive intact\n";
	co_store *s = NULL;
	FILE *fp = fopen(f->location, "w");
	char back[sizeof(text)] = "";

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(co_store_open(&s, f->location), CO_ESTORE);
	assert_null(s);
	assert_non_null(strstr(co_error_last(), f->location));
	assert_non_null(strstr(co_error_last(), "not a carryover store"));
	assert_null(strchr(co_error_last(), '\n'));

	fp = fopen(f->location, "r");
	assert_int_equal(fread(back, 1, sizeof(back) - 1, fp), sizeof(text) - 1);
	fclose(fp);
	assert_string_equal(back, text);
}

static void test_missing_directory(void **state)
{
	fixture *f = *state;
	char path[400];
	co_store *s = NULL;

	/* An explicit path is not created for (a typo would be). */
	snprintf(path, sizeof(path), "%s/no/such/dir/x.db", f->dir);
	assert_int_equal(co_store_open(&s, path), CO_ESTORE);
	assert_null(s);
	assert_non_null(strstr(co_error_last(), path));
}

static void test_second_writer_waits_then_reports_locked(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	sqlite3 *other = NULL;

	/* Another process holds the write lock... */
	assert_int_equal(sqlite3_open(f->location, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	/* ...so, after the busy timeout, begin fails with a clear message. */
	assert_int_equal(co_store_begin(s), CO_ESTORE);
	assert_int_equal(co_store_depth(s), 0);
	assert_non_null(strstr(co_error_last(), "locked"));
	assert_non_null(strstr(co_error_last(), f->location));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(co_store_begin(s), CO_OK);
	assert_int_equal(co_store_commit(s), CO_OK);
}

/* --- the front door: locations, before any backend ----------------------- */

static void test_postgres_not_yet(void **state)
{
	co_store *s = NULL;

	assert_int_equal(co_store_open(&s, "postgresql://coach:s3cret@db.example/carryover"),
			 CO_EINPUT); /* the --db argument: exit 2 */
	assert_null(s);
	assert_non_null(strstr(co_error_last(), "PostgreSQL"));
	assert_null(strstr(co_error_last(), "s3cret"));
	assert_non_null(strstr(co_error_last(), "coach:***@db.example"));

	assert_int_equal(co_store_open(&s, "postgres://db.example/c?user=a&password=pw1"),
			 CO_EINPUT); /* the --db argument: exit 2 */
	assert_null(strstr(co_error_last(), "pw1"));

	assert_int_equal(co_store_open(&s, "mysql://db.example/c"), CO_EINPUT);
	assert_int_equal(co_store_open(&s, ""), CO_EINPUT);
}

/* --- running it ------------------------------------------------------------- */

/* --- the training log ------------------------------------------------------ */

static int64_t log_insert(co_store *s, const co_log_entry *e)
{
	int64_t id = 0;
	int rc = co_store_log_insert(&id, s, e);

	if (rc)
		fail_msg("log insert: %s", co_error_last());
	assert_true(id > 0);
	return id;
}

/* Every kind goes in and comes back with its fields; the list is by date. */
static void test_log_round_trip(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	co_log_entry ses = CO_LOG_ENTRY_INIT, set = CO_LOG_ENTRY_INIT, run = CO_LOG_ENTRY_INIT;
	co_log_entry nig = CO_LOG_ENTRY_INIT, tst = CO_LOG_ENTRY_INIT, got;
	co_log_entry *list = NULL;
	co_log_query q = {alex, CO_STORE_NO_DATE, CO_STORE_NO_DATE};
	size_t n = 0;
	int64_t sid, found = -1;

	ses.kind = CO_LOG_SESSION;
	ses.athlete_id = alex;
	ses.date = co_date_from_ymd(2027, 3, 9);
	ses.minutes = 45;
	ses.rpe = 6;
	ses.title = "Workout B";
	ses.source_hash = "h1";
	sid = log_insert(s, &ses);
	set.kind = CO_LOG_SET;
	set.session_id = sid;
	set.exercise = "Bench Press (Barbell)";
	set.unmapped = true;
	set.set_no = 1;
	set.load = 82.5;
	strcpy(set.load_unit, "kg");
	set.reps = 5;
	set.rpe = 8.5;
	set.set_type = "warmup";
	log_insert(s, &set);
	run.kind = CO_LOG_RUN;
	run.athlete_id = alex;
	run.date = co_date_from_ymd(2027, 3, 8);
	run.run_type = "tempo";
	run.minutes = 50;
	run.distance_km = 10.2;
	log_insert(s, &run);
	nig.kind = CO_LOG_NIGGLE;
	nig.athlete_id = alex;
	nig.date = co_date_from_ymd(2027, 3, 10);
	nig.site = "knee_right";
	nig.severity = 4;
	log_insert(s, &nig);
	tst.kind = CO_LOG_TEST;
	tst.athlete_id = alex;
	tst.date = co_date_from_ymd(2027, 3, 10);
	tst.test_kind = "single_leg_squat";
	tst.side = "left";
	tst.value = 45;
	tst.unit = "cm";
	tst.grade = "good";
	log_insert(s, &tst);

	assert_int_equal(co_store_log_list(&list, &n, s, &q), CO_OK);
	assert_int_equal(n, 5);
	assert_int_equal(list[0].kind, CO_LOG_RUN);
	assert_int_equal(list[1].kind, CO_LOG_SESSION);
	assert_int_equal(list[2].kind, CO_LOG_SET);
	assert_string_equal(list[2].exercise, "Bench Press (Barbell)");
	assert_true(list[2].unmapped);
	assert_string_equal(list[2].set_type, "warmup");
	assert_string_equal(list[2].load_unit, "kg");
	assert_true(list[2].load == 82.5 && list[2].rpe == 8.5 && list[2].reps == 5);
	assert_true(list[2].seconds < 0);
	assert_int_equal(list[2].date, ses.date); /* a set has its session's date */
	assert_int_equal(list[3].kind, CO_LOG_NIGGLE);
	assert_int_equal(list[4].kind, CO_LOG_TEST);
	assert_string_equal(list[4].grade, "good");
	co_log_list_free(list, n);

	/* A range; the imported session is found by its hash, not by hand-logged date. */
	q.since = q.until = co_date_from_ymd(2027, 3, 9);
	assert_int_equal(co_store_log_list(&list, &n, s, &q), CO_OK);
	assert_int_equal(n, 2);
	co_log_list_free(list, n);
	assert_int_equal(co_store_log_session_find(&found, s, alex, 0, "h1"), CO_OK);
	assert_int_equal(found, sid);
	assert_int_equal(co_store_log_session_find(&found, s, alex, ses.date, NULL), CO_OK);
	assert_int_equal(found, 0);

	/* Update, get, delete (a session takes its sets). */
	assert_int_equal(co_store_log_get(&got, s, CO_LOG_NIGGLE, 1), CO_OK);
	got.resolved = co_date_from_ymd(2027, 3, 12);
	assert_int_equal(co_store_log_update(s, &got), CO_OK);
	co_log_entry_release(&got);
	assert_int_equal(co_store_log_get(&got, s, CO_LOG_NIGGLE, 1), CO_OK);
	assert_int_equal(got.resolved, co_date_from_ymd(2027, 3, 12));
	co_log_entry_release(&got);
	assert_int_equal(co_store_log_delete(s, alex, CO_LOG_SESSION, sid), CO_OK);
	assert_int_equal(co_store_log_get(&got, s, CO_LOG_SET, 1), CO_ENOTFOUND);
	assert_int_equal(co_store_log_delete(s, alex, CO_LOG_SESSION, sid), CO_ENOTFOUND);

	/* Ids are never given twice, even after the highest one (and, by the
	 * cascade, its sets) is deleted. */
	int64_t sid2 = log_insert(s, &ses);
	assert_true(sid2 > sid);
	set.session_id = sid2;
	assert_true(log_insert(s, &set) > 1);
}

/* The schema is the last line: a value out of range fails and writes nothing. */
static void test_log_refuses_bad_values(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = put(s, "Alex", "a");
	co_log_entry ses = CO_LOG_ENTRY_INIT, *list = NULL;
	co_log_query q = {alex, CO_STORE_NO_DATE, CO_STORE_NO_DATE};
	size_t n = 0;

	ses.kind = CO_LOG_SESSION;
	ses.athlete_id = alex;
	ses.date = co_date_from_ymd(2027, 3, 9);
	ses.rpe = 11;
	assert_int_equal(co_store_log_insert(NULL, s, &ses), CO_ESTORE);
	ses.rpe = 6;
	ses.status = "maybe";
	assert_int_equal(co_store_log_insert(NULL, s, &ses), CO_ESTORE);
	ses.status = NULL;
	ses.source_hash = "same";
	log_insert(s, &ses);
	assert_int_equal(co_store_log_insert(NULL, s, &ses), CO_ESTORE); /* same workout twice */
	assert_int_equal(co_store_log_list(&list, &n, s, &q), CO_OK);
	assert_int_equal(n, 1);
	co_log_list_free(list, n);
}

/* The suite every backend passes, with `be` as each test's prestate. */
#define SUITE_TEST(t, be) cmocka_unit_test_prestate_setup_teardown(t, store_setup, store_teardown, be)

static int run_suite(store_backend *be)
{
	char name[64];
	const struct CMUnitTest tests[] = {
		SUITE_TEST(test_open_migrates, be),
		SUITE_TEST(test_reopen_is_idempotent, be),
		SUITE_TEST(test_foreign_keys, be),
		SUITE_TEST(test_newer_schema_refused, be),
		SUITE_TEST(test_athlete_current_and_upsert, be),
		SUITE_TEST(test_athlete_use, be),
		SUITE_TEST(test_rollback_leaves_nothing, be),
		SUITE_TEST(test_activity_hash_unique, be),
		SUITE_TEST(test_activity_overlap, be),
		SUITE_TEST(test_activity_round_trip_and_since, be),
		SUITE_TEST(test_activity_each_and_count, be),
		SUITE_TEST(test_log_round_trip, be),
		SUITE_TEST(test_log_refuses_bad_values, be),
	};

	snprintf(name, sizeof(name), "store on %s", be->name);
	return cmocka_run_group_tests_name(name, tests, NULL, NULL);
}

int main(void)
{
	store_backend *sqlite = &store_backends[STORE_SQLITE];
	const struct CMUnitTest sqlite_only[] = {
		SUITE_TEST(test_sqlite_wal, sqlite),
		SUITE_TEST(test_sqlite_file_is_private, sqlite),
		SUITE_TEST(test_not_a_database, sqlite),
		SUITE_TEST(test_missing_directory, sqlite),
		SUITE_TEST(test_second_writer_waits_then_reports_locked, sqlite),
	};
	const struct CMUnitTest front_door[] = {
		cmocka_unit_test(test_postgres_not_yet),
	};
	int failed = 0;

	for (size_t i = 0; i < STORE_N_BACKENDS; i++) {
		store_backend *be = &store_backends[i];

		if (be->available && !be->available()) {
			printf("[  SKIPPED ] store on %s: not available here\n", be->name);
			continue;
		}
		failed += run_suite(be);
	}
	failed += cmocka_run_group_tests_name("store on sqlite: the file", sqlite_only, NULL, NULL);
	failed += cmocka_run_group_tests_name("store: the front door", front_door, NULL, NULL);
	return failed;
}
