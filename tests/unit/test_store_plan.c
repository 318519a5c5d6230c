/*
 * Plan versions in the store (carryover/store.h co_store_plan_*; METHOD
 * E4): a version is kept only when its inputs' hash changes, numbered 1,
 * 2, ... with the day it governs from and its planned days; the plan of a
 * day is the one of the highest version governing it; a refused day leaves
 * no version behind. Run against every backend of store_backends.h, asking
 * the database directly where the store would be its own witness.
 */
#define _XOPEN_SOURCE 700 /* nftw() in store_backends.h */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "carryover/error.h"
#include "carryover/store.h"
#include "store_backends.h"

typedef store_fixture fixture;

static co_store *open_ok(fixture *f)
{
	int rc = co_store_open(&f->store, f->location);

	if (rc)
		fail_msg("open: %s", co_error_last());
	return f->store;
}

static int64_t athlete(co_store *s, const char *name)
{
	int64_t id = 0;

	assert_int_equal(co_store_athlete_put(&id, s, name, "[athlete]\n", NULL), CO_OK);
	return id;
}

static long count(const fixture *f, const char *sql)
{
	char *v = f->be->query(f, sql);
	long n = v ? strtol(v, NULL, 10) : -1;

	free(v);
	return n;
}

static void test_versions_by_hash(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = athlete(s, "Alex"), sam = athlete(s, "Sam");
	co_date d1 = co_date_from_ymd(2027, 3, 4), d2 = co_date_from_ymd(2027, 3, 7);
	co_store_planned_day days[] = {
		{d1, "posterior_chain", 45, "{\"date\": \"2027-03-04\"}"},
		{d2, "stability", 0, "{\"date\": \"2027-03-07\"}"},
	};
	co_store_plan_version *list = NULL;
	size_t n = 0;
	int v = -1;
	char *json = NULL;

	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", co_date_from_ymd(2027, 3, 1), days, 2), CO_OK);
	assert_int_equal(v, 1);
	/* the same inputs again: nothing written */
	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", co_date_from_ymd(2027, 3, 2), days, 2), CO_OK);
	assert_int_equal(v, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM plans"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM planned_sessions"), 2);
	/* new inputs: version 2 from a later day, with one day only */
	assert_int_equal(co_store_plan_put(&v, s, alex, "h2", co_date_from_ymd(2027, 3, 6), days + 1, 1), CO_OK);
	assert_int_equal(v, 2);
	/* another athlete counts from 1 */
	assert_int_equal(co_store_plan_put(&v, s, sam, "h2", co_date_from_ymd(2027, 3, 6), NULL, 0), CO_OK);
	assert_int_equal(v, 1);

	assert_int_equal(co_store_plan_list(&list, &n, s, alex), CO_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].version, 1);
	assert_int_equal(list[0].from, co_date_from_ymd(2027, 3, 1));
	assert_string_equal(list[0].hash, "h1");
	assert_int_equal(list[0].n_days, 2);
	assert_non_null(list[0].created_at);
	assert_int_equal(list[1].version, 2);
	assert_int_equal(list[1].n_days, 1);
	co_store_plan_list_free(list, n);

	/* the day of the governing version: 03-04 from version 1, 03-07 from version 2 */
	assert_int_equal(co_store_plan_day_get(&json, s, alex, d1), CO_OK);
	assert_non_null(json);
	assert_non_null(strstr(json, "2027-03-04"));
	free(json);
	assert_int_equal(co_store_plan_day_get(&json, s, alex, d2), CO_OK);
	assert_non_null(json);
	free(json);
	assert_int_equal(co_store_plan_day_get(&json, s, alex, co_date_from_ymd(2027, 3, 5)), CO_OK);
	assert_null(json);
	assert_int_equal(count(f, "SELECT minutes IS NULL FROM planned_sessions WHERE date = '2027-03-07' AND plan_id = (SELECT id FROM plans WHERE version = 2 AND athlete_id = (SELECT id FROM athletes WHERE name = 'Alex'))"), 1);
}

static void test_refused_day_leaves_nothing(void **state)
{
	fixture *f = *state;
	co_store *s = open_ok(f);
	int64_t alex = athlete(s, "Alex");
	co_date d = co_date_from_ymd(2027, 3, 4);
	co_store_planned_day bad[] = {
		{d, "posterior_chain", 45, "{}"},
		{d + 1, "yoga", 45, "{}"}, /* not a focus: the schema's CHECK refuses it */
	};
	co_store_planned_day twice[] = {
		{d, "posterior_chain", 45, "{}"},
		{d, "stability", 45, "{}"}, /* one row a day */
	};
	int v = -1;

	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", d, bad, 2), CO_ESTORE);
	assert_int_equal(v, 0);
	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", d, twice, 2), CO_ESTORE);
	assert_int_equal(count(f, "SELECT count(*) FROM plans"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM planned_sessions"), 0);
	assert_int_equal(co_store_plan_put(&v, s, alex, NULL, d, NULL, 0), CO_EINPUT);
	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", d, (co_store_planned_day[]){{d, NULL, 0, "{}"}}, 1),
			 CO_EINPUT);
	/* inside a caller's transaction that rolls back: nothing either */
	assert_int_equal(co_store_begin(s), CO_OK);
	assert_int_equal(co_store_plan_put(&v, s, alex, "h1", d, bad, 1), CO_OK);
	assert_int_equal(v, 1);
	assert_int_equal(co_store_rollback(s), CO_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM plans"), 0);
}

#define SUITE_TEST(t, be) cmocka_unit_test_prestate_setup_teardown(t, store_setup, store_teardown, be)

int main(void)
{
	int failed = 0;

	for (size_t i = 0; i < STORE_N_BACKENDS; i++) {
		store_backend *be = &store_backends[i];
		char name[64];
		const struct CMUnitTest tests[] = {
			SUITE_TEST(test_versions_by_hash, be),
			SUITE_TEST(test_refused_day_leaves_nothing, be),
		};

		if (be->available && !be->available()) {
			printf("[  SKIPPED ] plan versions on %s: not available here\n", be->name);
			continue;
		}
		snprintf(name, sizeof(name), "plan versions on %s", be->name);
		failed += cmocka_run_group_tests_name(name, tests, NULL, NULL);
	}
	return failed;
}
