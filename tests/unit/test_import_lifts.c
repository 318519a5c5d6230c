/*
 * Importing a lifting log (src/app/import_lifts.c) stays linear: a Strong
 * export of many sets and many distinct exercise names costs about one
 * name comparison per set (a hash of the names), where a list searched per
 * set would cost sets x names. The hostile file is built here, not
 * committed; the bound is on counts (co_lift_import_stats.name_probes),
 * never on seconds. And set numbers per exercise, however many exercises.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "carryover/app.h"
#include "carryover/error.h"
#include "carryover/log.h"
#include "carryover/store.h"

static const char profile_text[] =
	"[athlete]\nname = Pat\nunits = kg\nstart = 2027-03-01\n"
	"[week]\ntue = intervals 50\nthu = tempo 40\nsun = long 90\n";

#define HEADER "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"

typedef struct fixture {
	char dir[256], db[300], csv[300];
	co_app *app;
	co_app_profile_src src;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	co_app_options o = CO_APP_OPTIONS_INIT;

	snprintf(f->dir, sizeof(f->dir), "%s/co-lifts-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/carryover.db", f->dir);
	snprintf(f->csv, sizeof(f->csv), "%s/strong.csv", f->dir);
	o.db = f->db;
	o.today = co_date_from_ymd(2027, 3, 10);
	f->src = (co_app_profile_src){.name = "pat.ini", .text = profile_text,
				      .len = sizeof(profile_text) - 1};
	if (co_app_new(&f->app, &o) < 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char path[400];

	co_app_free(f->app);
	snprintf(path, sizeof(path), "%s-wal", f->db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", f->db);
	unlink(path);
	unlink(f->db);
	unlink(f->csv);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* n_workouts workouts of per sets each; set i of the file is named
 * "Lift <i mod names>", so the file holds `names` distinct names. */
static void write_csv(const char *path, int n_workouts, int per, int names)
{
	FILE *out = fopen(path, "w");
	int i = 0;

	assert_non_null(out);
	fputs(HEADER, out);
	for (int w = 0; w < n_workouts; w++)
		for (int s = 0; s < per; s++, i++)
			fprintf(out, "2025-%02d-%02d 07:00:00,\"W%d\",1h,\"Lift %d\",1,20,5,0,0,\"\",\"\",\n",
				1 + w / 28 % 12, 1 + w % 28, w, i % names);
	fclose(out);
}

static void import_bounded(fixture *f, int n_workouts, int per, int names)
{
	co_lift_import_stats st;
	size_t sets = (size_t)n_workouts * (size_t)per;

	write_csv(f->csv, n_workouts, per, names);
	if (co_app_import_lifts(&st, f->app, &f->src, f->csv, "kg") != CO_OK)
		fail_msg("import: %s", co_error_last());
	assert_int_equal(st.imported, (size_t)n_workouts);
	assert_int_equal(st.sets, sets);
	assert_int_equal(st.n_unmapped, (size_t)names);
	assert_int_equal(st.unmapped_sets, sets);
	/* a list searched per set: about sets x names / 2 comparisons */
	if (st.name_probes > 2 * sets)
		fail_msg("%zu name comparisons for %zu sets of %d names", st.name_probes, sets, names);
	/* every repeat of a name finds it: the counter does count */
	assert_true(st.name_probes >= sets - (size_t)names);
	co_lift_import_stats_release(&st);
}

static void test_many_names_linear(void **state)
{
	/* 4,000 sets, each its own exercise: 8,000,000 comparisons in a list */
	import_bounded(*state, 40, 100, 4000);
}

static void test_few_names_linear(void **state)
{
	import_bounded(*state, 50, 40, 7);
}

/*
 * Set numbers count per exercise within a workout, however many exercises
 * it has: the 70th exercise's first set is #1 (a table of 64 used to give
 * it its row number), the second pass over the exercises gives #2.
 */
static void test_set_numbers_past_64_exercises(void **state)
{
	fixture *f = *state;
	co_lift_import_stats st;
	co_log_entry *log = NULL;
	size_t n = 0, ones = 0, twos = 0;

	write_csv(f->csv, 1, 140, 70);
	if (co_app_import_lifts(&st, f->app, &f->src, f->csv, "kg") != CO_OK)
		fail_msg("import: %s", co_error_last());
	co_lift_import_stats_release(&st);
	assert_int_equal(co_app_history(&log, &n, f->app, CO_STORE_NO_DATE, CO_STORE_NO_DATE),
			 CO_OK);
	for (size_t i = 0; i < n; i++) {
		if (log[i].kind != CO_LOG_SET)
			continue;
		if (log[i].set_no == 1)
			ones++;
		else if (log[i].set_no == 2)
			twos++;
		else
			fail_msg("%s: set #%d", log[i].exercise, log[i].set_no);
	}
	assert_int_equal(ones, 70);
	assert_int_equal(twos, 70);
	co_log_list_free(log, n);
}

/* The shared numbering itself (carryover/log.h), and the pound. */
static void test_set_numbers_and_pounds(void **state)
{
	co_set_numbers *sn = co_set_numbers_new();
	char name[32];

	(void)state;
	for (int round = 1; round <= 3; round++)
		for (int i = 0; i < 500; i++) {
			snprintf(name, sizeof(name), "lift %d", i);
			assert_int_equal(co_set_numbers_next(sn, name), round);
		}
	co_set_numbers_reset(sn);
	assert_int_equal(co_set_numbers_next(sn, "lift 1"), 1);
	co_set_numbers_free(sn);
	assert_true(co_load_kg(100, "lb") == 45.359237);
	assert_true(co_load_kg(100, "kg") == 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_many_names_linear, setup, teardown),
		cmocka_unit_test_setup_teardown(test_few_names_linear, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_numbers_past_64_exercises, setup, teardown),
		cmocka_unit_test(test_set_numbers_and_pounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
