/*
 * The application layer (include/carryover/app.h): where the default store
 * lives and that its directories are created, today, the athlete a session
 * acts for, a profile stored only once it can be planned, a profile given
 * as text (standard input) with a relative runs file, the import's
 * athlete, and the transaction rule (what a failed command left open is
 * rolled back).
 *
 * Each test works in its own temporary directory with its own store.
 */
#define _XOPEN_SOURCE 700 /* nftw() */
#include <ftw.h>
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

#include "carryover/carryover.h"

typedef struct fixture {
	char dir[256];
	char db[300];
	co_app *app;
	co_store *store; /* the app's */
} fixture;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");

	snprintf(f->dir, sizeof(f->dir), "%s/co-app-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/carryover.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	co_app_free(f->app);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

/* A new session on the fixture's store, as --athlete `athlete` (may be NULL). */
static co_app *session(fixture *f, const char *athlete)
{
	co_app_options o = CO_APP_OPTIONS_INIT;

	co_app_free(f->app);
	f->store = NULL;
	o.db = f->db;
	o.athlete = athlete;
	o.today = 0;
	assert_int_equal(co_app_new(&f->app, &o), CO_OK);
	return f->app;
}

/* A session on the default location (opts.db NULL). */
static int open_default(fixture *f)
{
	co_app_free(f->app);
	f->store = NULL;
	assert_int_equal(co_app_new(&f->app, NULL), CO_OK);
	return co_app_store(&f->store, f->app);
}

static void write_text(const fixture *f, const char *name, const char *text)
{
	char path[400];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static const char profile_ok[] =
	"[athlete]\nname = Kim\nstart = 2027-03-01\nruns = runs.csv\n"
	"[week]\ntue = intervals 50\nthu = tempo 40\nsun = long 70\n";
static const char runs_ok[] = "date,type,minutes\n2027-03-02,hills,55\n";

/* --- the default location ------------------------------------------------- */

static void check_default(const char *want)
{
	char *path = NULL;

	assert_int_equal(co_app_default_location(&path), CO_OK);
	assert_string_equal(path, want);
	free(path);
}

static void test_default_path_rules(void **state)
{
	char *path = (char *)1;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	setenv("CARRYOVER_DB", "/srv/coach/all.db", 1);
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	setenv("HOME", "/home/alex", 1);
	check_default("/srv/coach/all.db");

	setenv("CARRYOVER_DB", "", 1); /* empty is unset */
	check_default("/xdg/data/carryover/carryover.db");

	setenv("XDG_DATA_HOME", "/xdg/data/", 1);
	check_default("/xdg/data/carryover/carryover.db");

	setenv("XDG_DATA_HOME", "relative/data", 1); /* invalid by the XDG spec */
	check_default("/home/alex/.local/share/carryover/carryover.db");

	unsetenv("CARRYOVER_DB");
	unsetenv("XDG_DATA_HOME");
	check_default("/home/alex/.local/share/carryover/carryover.db");

	unsetenv("HOME");
	assert_int_equal(co_app_default_location(&path), CO_ESTORE);
	assert_null(path);
	assert_non_null(strstr(co_error_last(), "CARRYOVER_DB"));
	if (home)
		setenv("HOME", home, 1);
	free(home);
}

static void test_default_open_creates_directories(void **state)
{
	fixture *f = *state;
	char xdg[300], want[400];
	struct stat sb;

	unsetenv("CARRYOVER_DB");
	snprintf(xdg, sizeof(xdg), "%s/deep/share", f->dir);
	setenv("XDG_DATA_HOME", xdg, 1);
	assert_int_equal(open_default(f), CO_OK);
	snprintf(want, sizeof(want), "%s/carryover/carryover.db", xdg);
	assert_string_equal(co_store_location(f->store), want);
	assert_int_equal(stat(want, &sb), 0);
	snprintf(want, sizeof(want), "%s/carryover", xdg);
	assert_int_equal(stat(want, &sb), 0);
	assert_int_equal(sb.st_mode & 077, 0);

	/* $CARRYOVER_DB wins, and is created the same way. */
	snprintf(want, sizeof(want), "%s/env/db/c.db", f->dir);
	setenv("CARRYOVER_DB", want, 1);
	assert_int_equal(open_default(f), CO_OK);
	assert_string_equal(co_store_location(f->store), want);
	assert_int_equal(stat(want, &sb), 0);
	unsetenv("CARRYOVER_DB");
	unsetenv("XDG_DATA_HOME");
}


/* --- today ------------------------------------------------------------------ */

static void test_today_pinned(void **state)
{
	co_app_options o = CO_APP_OPTIONS_INIT;
	co_app *app = NULL;
	co_date d;

	setenv("CARRYOVER_TODAY", "2027-01-06", 1);
	assert_int_equal(co_date_parse(&d, "2027-01-06"), CO_OK);
	assert_int_equal(co_app_today(NULL), d);
	o.today = d + 1;
	assert_int_equal(co_app_new(&app, &o), CO_OK);
	assert_int_equal(co_app_today(app), d + 1); /* the option wins */
	co_app_free(app);
	unsetenv("CARRYOVER_TODAY");

	o.version = 99;
	assert_int_equal(co_app_new(&app, &o), CO_EINPUT);
	assert_null(app);
}

/* --- profiles and plans ----------------------------------------------------------- */

static void test_no_athlete_yet(void **state)
{
	fixture *f = *state;
	co_plan *plan = NULL;

	assert_int_equal(co_app_plan(&plan, NULL, session(f, NULL), NULL), CO_ENOTFOUND);
	assert_null(plan);
	assert_int_equal(co_app_plan(&plan, NULL, session(f, "Nobody"), NULL), CO_ENOTFOUND);
	assert_non_null(strstr(co_error_last(), "Nobody"));
}

static void test_plan_stores_profile_once_planned(void **state)
{
	fixture *f = *state;
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	co_app_profile_src src = {0};
	co_store_athlete a;
	co_profile *p = NULL;
	co_plan *plan = NULL;
	char path[400];

	snprintf(path, sizeof(path), "%s/kim.ini", f->dir);
	write_text(f, "kim.ini", profile_ok);
	src.path = path;
	po.profile = &src;

	/* the runs file is missing: bad input, and nothing is stored */
	assert_int_equal(co_app_plan(&plan, NULL, session(f, NULL), &po), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "runs.csv"));
	assert_int_equal(co_app_athlete(&a, f->app), CO_ENOTFOUND);

	/* with it, the plan is built and the profile becomes the current one */
	write_text(f, "runs.csv", runs_ok);
	assert_int_equal(co_app_plan(&plan, &p, session(f, NULL), &po), CO_OK);
	assert_string_equal(p->name, "Kim");
	co_plan_free(plan);
	co_profile_free(p);
	assert_int_equal(co_app_athlete(&a, f->app), CO_OK);
	assert_string_equal(a.name, "Kim");
	assert_string_equal(a.source_path, path); /* absolute: runs resolve from anywhere */
	co_store_athlete_release(&a);

	/* a later session plans from the stored profile, runs file included */
	assert_int_equal(co_app_plan(&plan, &p, session(f, NULL), NULL), CO_OK);
	assert_non_null(p->runs_file);
	assert_int_equal(p->runs_file[0], '/');
	co_plan_free(plan);
	co_profile_free(p);
}

static void test_check_does_not_store(void **state)
{
	fixture *f = *state;
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	co_app_profile_src src = {0};
	co_store_athlete a;
	co_plan *plan = NULL;

	src.text = "[athlete]\nname = Lee\n[week]\nsun = long 60\n";
	src.len = strlen(src.text);
	src.name = "<stdin>";
	po.profile = &src;
	po.keep = false;
	assert_int_equal(co_app_plan(&plan, NULL, session(f, NULL), &po), CO_OK);
	co_plan_free(plan);
	assert_int_equal(co_app_athlete(&a, f->app), CO_ENOTFOUND);
}

static void test_text_profile_errors_and_runs(void **state)
{
	fixture *f = *state;
	co_app_profile_src src = {0};
	co_profile *p = NULL;
	int64_t id = 0;
	char cwd[300];

	src.text = "[athlete]\nlevle = novice\n";
	src.len = strlen(src.text);
	src.name = "<stdin>";
	assert_int_equal(co_app_profile_read(&p, session(f, NULL), &src), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "<stdin>:2:"));
	assert_null(p);

	/* a relative runs file of text that is not a file: the working directory's */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);
	write_text(f, "runs.csv", runs_ok);
	src.text = profile_ok;
	src.len = strlen(profile_ok);
	assert_int_equal(co_app_profile_read(&p, f->app, &src), CO_OK);
	assert_non_null(strstr(p->runs_file, f->dir));
	assert_int_equal(co_app_profile_keep(&id, f->app, p), CO_OK);
	assert_true(id > 0);
	co_profile_free(p);
	assert_int_equal(chdir(cwd), 0);

	/* unreadable input the user named is bad input too */
	src = (co_app_profile_src){.path = "/nonexistent/p.ini"};
	assert_int_equal(co_app_profile_read(&p, f->app, &src), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "p.ini"));
}

/* --- import and activities -------------------------------------------------------------- */

static void test_import_needs_athlete_and_paths(void **state)
{
	fixture *f = *state;
	const char *paths[1];
	co_store_activity_row *rows = NULL;
	size_t n = 9;

	paths[0] = f->dir;
	assert_int_equal(co_app_import(NULL, session(f, NULL), NULL, paths, 1, NULL), CO_ENOTFOUND);
	paths[0] = "/nonexistent/run.fit";
	assert_int_equal(co_app_import(NULL, f->app, NULL, paths, 1, NULL), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "no such file"));

	/* no current athlete: everyone's activities (none); a named one must exist */
	assert_int_equal(co_app_activities(&rows, &n, f->app, CO_STORE_NO_DATE, CO_STORE_NO_DATE,
					   false), CO_OK);
	assert_int_equal(n, 0);
	co_app_activities_free(rows, n);
	assert_int_equal(co_app_activities(&rows, &n, session(f, "Zed"), CO_STORE_NO_DATE,
					   CO_STORE_NO_DATE, false), CO_ENOTFOUND);
}

/* --- transactions -------------------------------------------------------------------------- */

static void test_free_rolls_back(void **state)
{
	fixture *f = *state;
	co_store_athlete a;
	co_store *s = NULL;

	assert_int_equal(co_app_begin(session(f, NULL)), CO_OK);
	assert_int_equal(co_app_store(&s, f->app), CO_OK);
	assert_int_equal(co_store_depth(s), 1);
	assert_int_equal(co_store_athlete_put(NULL, s, "Ana", "[week]\n", NULL), CO_OK);
	/* the command fails here: the session ends without a commit */
	assert_int_equal(co_app_athlete(&a, session(f, NULL)), CO_ENOTFOUND);

	assert_int_equal(co_app_begin(f->app), CO_OK);
	assert_int_equal(co_app_store(&s, f->app), CO_OK);
	assert_int_equal(co_store_athlete_put(NULL, s, "Ana", "[week]\n", NULL), CO_OK);
	assert_int_equal(co_app_commit(f->app), CO_OK);
	assert_int_equal(co_app_athlete(&a, session(f, NULL)), CO_OK);
	co_store_athlete_release(&a);
	assert_int_equal(co_app_rollback(f->app), CO_OK); /* none open: no-op */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path_rules),
		cmocka_unit_test_setup_teardown(test_default_open_creates_directories, setup, teardown),
		cmocka_unit_test(test_today_pinned),
		cmocka_unit_test_setup_teardown(test_no_athlete_yet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_stores_profile_once_planned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_does_not_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_profile_errors_and_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_needs_athlete_and_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_rolls_back, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
