/*
 * The training log's use cases (src/app/app_log*.c) seen from the planner:
 * what co_app_history_load() gathers from the store, and that a refused
 * log command writes nothing (one transaction per command).
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
#include "carryover/history.h"

static const char profile_text[] =
	"[athlete]\nname = Pat\nunits = kg\nstart = 2027-03-01\n"
	"[week]\ntue = intervals 50\nthu = tempo 40\nsun = long 90\n";

typedef struct fixture {
	char dir[256], db[300];
	co_app *app;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	co_app_options o = CO_APP_OPTIONS_INIT;
	co_app_profile_src src = {.name = "pat.ini", .text = profile_text,
				  .len = sizeof(profile_text) - 1};
	co_profile *p = NULL;

	snprintf(f->dir, sizeof(f->dir), "%s/co-applog-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/carryover.db", f->dir);
	o.db = f->db;
	o.today = co_date_from_ymd(2027, 3, 10);
	if (co_app_new(&f->app, &o) < 0 || co_app_profile_read(&p, f->app, &src) < 0 ||
	    co_app_profile_keep(NULL, f->app, p) < 0)
		return -1;
	co_profile_free(p);
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
	rmdir(f->dir);
	free(f);
	return 0;
}

static int run_log(fixture *f, const char *line)
{
	const char *w[16];
	char buf[256], *save = NULL;
	size_t n = 0;
	co_app_log_result r;
	int rc;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *t = strtok_r(buf, " ", &save); t && n < 16; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	rc = co_app_log(&r, f->app, w, n, CO_STORE_NO_DATE);
	co_app_log_result_release(&r);
	return rc;
}

static void test_history_from_the_log(void **state)
{
	fixture *f = *state;
	co_history h;

	assert_int_equal(run_log(f, "rdl 2x8@132.277lb rpe 7"), CO_OK);
	assert_int_equal(run_log(f, "side_plank 1x40s"), CO_OK);
	assert_int_equal(run_log(f, "run tempo 50min 10km rpe 7"), CO_OK);
	assert_int_equal(run_log(f, "niggle knee_right 4"), CO_OK);
	assert_int_equal(run_log(f, "test squat left 40cm fair"), CO_OK);
	assert_int_equal(run_log(f, "test rm rdl 5@100kg"), CO_OK);
	/* refused: nothing written */
	assert_int_equal(run_log(f, "rdl 3x8@60 rpe 11"), CO_EINPUT);
	assert_int_equal(run_log(f, "niggle knee_right 12"), CO_EINPUT);

	co_history_init(&h);
	assert_int_equal(co_app_history_load(&h, f->app, NULL), CO_OK);
	assert_int_equal(h.n_sets, 3);
	assert_string_equal(h.sets[0].exercise, "romanian_deadlift");
	assert_true(h.sets[0].load > 59.99 && h.sets[0].load < 60.01); /* lb -> kg */
	assert_int_equal(h.sets[0].reps, 8);
	assert_true(h.sets[0].rpe == 7);
	assert_true(h.sets[2].load < 0 && h.sets[2].seconds == 40 && h.sets[2].reps == 0);
	assert_int_equal(h.n_sessions, 1);
	assert_int_equal(h.sessions[0].date, co_date_from_ymd(2027, 3, 10));
	assert_int_equal(h.n_runs, 1);
	assert_int_equal(h.runs[0].type, CO_RUN_TEMPO);
	assert_int_equal(h.runs[0].minutes, 50);
	assert_int_equal(h.runs[0].rpe, 7);
	assert_int_equal(h.n_niggles, 1);
	assert_string_equal(h.niggles[0].site, "knee_right");
	assert_true(h.niggles[0].regions != 0);
	assert_int_equal(h.niggles[0].cleared_on, 0);
	assert_int_equal(h.n_tests, 2);
	assert_int_equal(h.tests[0].kind, CO_TEST_SINGLE_LEG_SQUAT);
	assert_int_equal(h.tests[0].side, 1);
	assert_int_equal(h.tests[0].grade, 2);
	assert_true(h.tests[0].value == 40);
	assert_int_equal(h.tests[1].kind, CO_TEST_REP_MAX);
	assert_string_equal(h.tests[1].exercise, "romanian_deadlift");
	assert_int_equal(h.tests[1].reps, 5);
	co_history_release(&h);

	/* Cleared, and a plan still builds with the history as its input. */
	assert_int_equal(run_log(f, "niggle knee_right clear"), CO_OK);
	co_history_init(&h);
	assert_int_equal(co_app_history_load(&h, f->app, NULL), CO_OK);
	assert_int_equal(h.niggles[0].cleared_on, co_date_from_ymd(2027, 3, 10));
	co_history_release(&h);
	co_plan *plan = NULL;
	assert_int_equal(co_app_plan(&plan, NULL, f->app, NULL), CO_OK);
	co_plan_free(plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_history_from_the_log, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
