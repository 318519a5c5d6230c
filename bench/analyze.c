/*
 * analyze: how fast `carryover analyze` answers for an athlete with three
 * years of history (issue 11, Performance: under 200 ms).
 *
 *   analyze [-r RUNS] [-l LIFTS] [-n REPEATS] [-p] DB PROFILE
 *
 * Builds the store DB (it must not exist): the athlete of PROFILE (stored
 * with co_app_plan(), as `carryover plan PROFILE` does), then in one
 * transaction 3 years before the plan's second week: RUNS imported running
 * activities (default 1,100: easy, long, tempo and threshold, with heart
 * rate, an RPE and the summary markers an import stores: type, EF,
 * decoupling, a threshold effort), LIFTS logged lifting sessions (default
 * 320, 45 min at an RPE) of 35 sets each (11,200 sets with RPEs), and a
 * baseline test a month (calf raises of each leg, a threshold pace). Then,
 * in a new session each time, REPEATS (default 10) runs of
 * co_app_analyze(), the words and the JSON text, timed with
 * CLOCK_MONOTONIC around all three: one line of key=value pairs with the
 * best, median and first (cold) times in ms. -p also prints the terminal
 * page once. Deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carryover/analyze.h"
#include "carryover/app.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/json.h"
#include "carryover/report.h"
#include "../src/util/strbuf.h" /* the terminal page is written into a co_strbuf */

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

static const char *const lifts[] = {"romanian_deadlift", "goblet_squat", "hip_thrust",
				    "bulgarian_split_squat", "standing_calf_raise", "side_plank",
				    "step_up"};

static int add_test(co_store *store, int64_t athlete, co_date d, const char *kind,
		    const char *side, double value, const char *unit)
{
	co_log_entry t = CO_LOG_ENTRY_INIT;

	t.kind = CO_LOG_TEST;
	t.athlete_id = athlete;
	t.date = d;
	t.test_kind = (char *)(uintptr_t)kind;
	t.side = (char *)(uintptr_t)side;
	t.value = value;
	t.unit = (char *)(uintptr_t)unit;
	return co_store_log_insert(NULL, store, &t);
}

static int build(const char *db, const char *profile, co_date *today, int runs, int nlifts,
		 size_t *nsets)
{
	static const char *const types[] = {"easy", "easy", "long", "easy", "tempo", "threshold"};
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
		char hash[40], source[40], summary[200];
		co_date d = first + (co_date)((int64_t)i * 3 * 365 / runs);
		const char *type = types[i % 6];
		double km = 6 + (i % 7) * 2, pace = 300 + i % 30 - i * 20.0 / runs;

		snprintf(hash, sizeof(hash), "bench-%08d", i);
		snprintf(source, sizeof(source), "run-%d.fit", i);
		snprintf(summary, sizeof(summary),
			 "{\"type\":\"%s\",\"ef\":%s,\"decoupling\":%s,\"threshold_pace_s_per_km\":%s}",
			 type, !strcmp(type, "easy") ? "1.62" : "null",
			 strcmp(type, "tempo") ? "0.031" : "null",
			 !strcmp(type, "threshold") ? "255.5" : "null");
		r.athlete_id = athlete.id;
		r.hash = hash;
		r.source = source;
		r.sport = "running";
		r.start_utc = (int64_t)d * 86400 + 7 * 3600;
		r.distance_m = km * 1000;
		r.moving_s = r.elapsed_s = km * pace;
		r.avg_hr = 135 + i % 25;
		r.max_hr = 170 + i % 15;
		r.rpe = 3 + i % 5;
		r.summary_json = summary;
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
			e.load = 20 + 2.5 * ((i / 8 + k) % 12) + i * 0.05;
			memcpy(e.load_unit, "kg", 3);
			e.reps = 8;
			e.rpe = 6.5 + (i + k) % 4 * 0.5;
			rc = co_store_log_insert(NULL, store, &e);
			(*nsets)++;
		}
		if (i % 9 == 0 && rc >= 0)
			rc = add_test(store, athlete.id, d, "calf_raise", "left", 20 + i % 7, "reps");
		if (i % 9 == 0 && rc >= 0)
			rc = add_test(store, athlete.id, d, "calf_raise", "right", 24 + i % 5, "reps");
		if (i % 9 == 4 && rc >= 0)
			rc = add_test(store, athlete.id, d, "threshold_pace", NULL, 260 - i * 0.03,
				      "s/km");
	}
	if (rc >= 0)
		rc = co_store_commit(store);
done:
	if (rc < 0)
		fprintf(stderr, "analyze: %s\n", co_error_last());
	co_store_athlete_release(&athlete);
	co_plan_free(plan);
	co_profile_free(p);
	co_app_free(app);
	return rc;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *profile = NULL;
	int runs = 1100, nlifts = 320, repeats = 10;
	size_t nsets = 0, nfindings = 0, len = 0;
	double t[100], first;
	co_date today = 0;
	bool print = false;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-r") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-l") && i + 1 < argc)
			nlifts = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			repeats = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-p"))
			print = true;
		else if (!db)
			db = argv[i];
		else
			profile = argv[i];
	}
	if (!db || !profile || repeats < 1 || repeats > 100 || runs < 1 || nlifts < 1) {
		fputs("usage: analyze [-r RUNS] [-l LIFTS] [-n REPEATS 1-100] [-p] DB PROFILE\n",
		      stderr);
		return 2;
	}
	if (build(db, profile, &today, runs, nlifts, &nsets) < 0)
		return 1;
	for (int k = 0; k < repeats; k++) {
		co_app_options o = CO_APP_OPTIONS_INIT;
		co_app_analysis an;
		co_app *app = NULL;
		char *json = NULL;
		double t0 = now_ms();

		o.db = db;
		o.today = today;
		if (co_app_new(&app, &o) < 0 || co_app_analyze(&an, app) < 0) {
			fprintf(stderr, "analyze: %s\n", co_error_last());
			co_app_analysis_release(&an);
			co_app_free(app);
			return 1;
		}
		co_report_analysis_words(&an.analysis, an.profile->distance_units);
		co_analysis_to_json(&json, &an.analysis);
		t[k] = now_ms() - t0;
		if (print && k == 0) {
			co_strbuf sb = CO_STRBUF_INIT;

			co_report_analysis_text(&sb, &an.analysis, an.profile->distance_units, true);
			fputs(sb.buf, stdout);
			co_strbuf_release(&sb);
		}
		nfindings = an.analysis.n_findings;
		len = strlen(json);
		free(json);
		co_app_analysis_release(&an);
		co_app_free(app);
	}
	first = t[0];
	qsort(t, (size_t)repeats, sizeof(t[0]), cmp_double);
	printf("mode=analyze runs=%d lifting_sessions=%d sets=%zu findings=%zu json_bytes=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       runs, nlifts, nsets, nfindings, len, t[0], t[repeats / 2], first);
	return 0;
}
