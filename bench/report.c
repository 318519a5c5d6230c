/*
 * report: how fast `carryover report` writes its page for an athlete with
 * three years of history (issue 11.2: under a second).
 *
 *   report [-r RUNS] [-l LIFTS] [-n REPEATS] [-o FILE] DB PROFILE
 *
 * Builds the store DB (it must not exist) as bench/status.c does: the
 * athlete of PROFILE, then 3 years before the plan's second week RUNS
 * imported running activities (default 1,100; heart rate and no RPE, a
 * threshold run a week and the rest easy, as the importer would have typed
 * them), LIFTS logged lifting sessions (default 320) of 35 sets each
 * (11,200 sets with RPEs), a niggle a quarter and a baseline test a month
 * (threshold pace every 18 sessions, else calf raises). Then, in a new
 * session each time, REPEATS (default 10) runs of co_app_report_get() and
 * co_report_html(), timed with CLOCK_MONOTONIC around both: one line of
 * key=value pairs with the page's size, its number of SVG marks, and the
 * best, median and first (cold) times in ms. -o FILE keeps the last page.
 * The bar: under 1,000 ms. Deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carryover/app.h"
#include "carryover/carryover.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "../src/util/strbuf.h" /* the page is written into a co_strbuf */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static const char *const lifts[] = {"romanian_deadlift", "goblet_squat", "hip_thrust",
				    "bulgarian_split_squat", "standing_calf_raise", "side_plank",
				    "step_up"};

static int build(const char *db, const char *profile, co_date *today, int runs, int nlifts,
		 size_t *nsets)
{
	co_app_options o = CO_APP_OPTIONS_INIT;
	co_app_profile_src src = {.path = profile};
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	co_store_athlete athlete = {0};
	co_profile *p = NULL;
	co_plan *plan = NULL;
	co_store *store;
	co_app *app = NULL;
	int rc;

	o.db = db;
	po.profile = &src;
	if ((rc = co_app_new(&app, &o)) < 0 || (rc = co_app_plan(&plan, &p, app, &po)) < 0 ||
	    (rc = co_app_store(&store, app)) < 0 || (rc = co_app_athlete(&athlete, app)) < 0)
		goto done;
	*today = plan->start + 8;
	co_date first = *today - 3 * 365;

	if ((rc = co_store_begin(store)) < 0)
		goto done;
	for (int i = 0; i < runs && rc >= 0; i++) {
		co_store_activity_row r = CO_STORE_ACTIVITY_ROW_INIT;
		char hash[40], source[40];
		co_date d = first + (co_date)((int64_t)i * 3 * 365 / runs);
		double km = 6 + (i % 7) * 2;

		snprintf(hash, sizeof(hash), "bench-%08d", i);
		snprintf(source, sizeof(source), "run-%d.fit", i);
		r.athlete_id = athlete.id;
		r.hash = hash;
		r.source = source;
		r.sport = "running";
		r.start_utc = (int64_t)d * 86400 + 7 * 3600;
		r.distance_m = km * 1000;
		r.moving_s = r.elapsed_s = km * (300 + i % 30);
		r.avg_hr = 135 + i % 25;
		/* the run type the importer would have guessed: a threshold run a
		 * week, the rest easy, so the pace and efficiency charts have points */
		r.summary_json = i % 7 == 3 ? "{\"type\":\"threshold\"}" : "{\"type\":\"easy\"}";
		r.max_hr = 170 + i % 15;
		rc = co_store_activity_insert(NULL, store, &r);
	}
	for (int i = 0; i < nlifts && rc >= 0; i++) {
		co_log_entry s = CO_LOG_ENTRY_INIT;
		co_date d = first + (co_date)((int64_t)i * 3 * 365 / nlifts) + 1;
		int64_t sid = 0;

		s.kind = CO_LOG_SESSION;
		s.athlete_id = athlete.id;
		s.date = d;
		s.minutes = 45;
		s.rpe = 6 + i % 3;
		if ((rc = co_store_log_insert(&sid, store, &s)) < 0)
			break;
		for (int k = 0; k < 35 && rc >= 0; k++) {
			co_log_entry e = CO_LOG_ENTRY_INIT;
			char ex[32];

			snprintf(ex, sizeof(ex), "%s", lifts[k % 7]);
			e.kind = CO_LOG_SET;
			e.athlete_id = athlete.id;
			e.date = d;
			e.session_id = sid;
			e.exercise = ex;
			e.set_no = k / 7 + 1;
			e.load = 20 + 2.5 * ((i / 8 + k) % 12);
			memcpy(e.load_unit, "kg", 3);
			e.reps = 8;
			e.rpe = 6.5 + (i + k) % 4 * 0.5;
			rc = co_store_log_insert(NULL, store, &e);
			(*nsets)++;
		}
		if (i % 25 == 0 && rc >= 0) {
			co_log_entry n = CO_LOG_ENTRY_INIT;

			n.kind = CO_LOG_NIGGLE;
			n.athlete_id = athlete.id;
			n.date = d;
			n.site = "knee_right";
			n.severity = 3;
			n.resolved = d + 10;
			rc = co_store_log_insert(NULL, store, &n);
		}
		if (i % 9 == 0 && rc >= 0) {
			co_log_entry t = CO_LOG_ENTRY_INIT;

			t.kind = CO_LOG_TEST;
			t.athlete_id = athlete.id;
			t.date = d;
			if (i % 18 == 0) {
				t.test_kind = "threshold_pace";
				t.value = 270 - i / 20;
				t.unit = "s/km";
			} else {
				t.test_kind = "calf_raise";
				t.side = "left";
				t.value = 20 + i % 7;
				t.unit = "reps";
			}
			rc = co_store_log_insert(NULL, store, &t);
		}
	}
	if (rc >= 0)
		rc = co_store_commit(store);
done:
	if (rc < 0)
		fprintf(stderr, "report: %s\n", co_error_last());
	co_store_athlete_release(&athlete);
	co_plan_free(plan);
	co_profile_free(p);
	co_app_free(app);
	return rc;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *profile = NULL, *out = NULL;
	int runs = 1100, nlifts = 320, repeats = 10;
	size_t nsets = 0, len = 0, marks = 0;
	double t[100], first;
	co_date today = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-r") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-l") && i + 1 < argc)
			nlifts = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			repeats = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!db)
			db = argv[i];
		else
			profile = argv[i];
	}
	if (!db || !profile || repeats < 1 || repeats > 100 || runs < 1 || nlifts < 1) {
		fputs("usage: report [-r RUNS] [-l LIFTS] [-n REPEATS 1-100] [-o FILE] DB PROFILE\n",
		      stderr);
		return 2;
	}
	if (build(db, profile, &today, runs, nlifts, &nsets) < 0)
		return 1;
	for (int k = 0; k < repeats; k++) {
		co_app_options o = CO_APP_OPTIONS_INIT;
		co_app_report r;
		co_strbuf sb = CO_STRBUF_INIT;
		co_app *app = NULL;
		double t0 = now_ms();

		o.db = db;
		o.today = today;
		if (co_app_new(&app, &o) < 0 || co_app_report_get(&r, app) < 0) {
			fprintf(stderr, "report: %s\n", co_error_last());
			co_app_report_release(&r);
			co_app_free(app);
			return 1;
		}
		static co_report_effect fx[CO_REPORT_EFFECTS_MAX];

		co_report_analysis_words(&r.analysis, r.profile->distance_units);
		co_report_data d = {.plan = r.plan, .history = &r.history, .series = &r.series,
				    .analysis = &r.analysis, .effects = fx,
				    .n_effects = co_report_effects(fx, CO_REPORT_EFFECTS_MAX, &r.analysis),
				    .today = r.today, .generator = "carryover bench"};

		co_report_html(&sb, &d);
		t[k] = now_ms() - t0;
		len = sb.len;
		marks = count(sb.buf, "<circle") + count(sb.buf, "<rect") + count(sb.buf, "<polyline");
		if (out && k == repeats - 1) {
			FILE *f = fopen(out, "w");

			if (!f || fwrite(sb.buf, 1, sb.len, f) != sb.len || fclose(f) != 0) {
				fprintf(stderr, "report: cannot write '%s'\n", out);
				return 1;
			}
		}
		co_strbuf_release(&sb);
		co_app_report_release(&r);
		co_app_free(app);
	}
	first = t[0];
	qsort(t, (size_t)repeats, sizeof(t[0]), cmp_double);
	printf("mode=report runs=%d lifting_sessions=%d sets=%zu html_bytes=%zu svg_marks=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       runs, nlifts, nsets, len, marks, t[0], t[repeats / 2], first);
	return 0;
}
