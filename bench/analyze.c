/*
 * analyze: how fast `carryover analyze` answers for an athlete with three
 * years of history (issue 11, Performance: under 200 ms).
 *
 *   analyze [-r RUNS] [-l LIFTS] [-n REPEATS] [-p] DB PROFILE
 *
 * Builds the store DB (it must not exist; bench/lib/history_gen.c): the athlete of PROFILE (stored
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

#include "carryover/analyze.h"
#include "carryover/app.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/json.h"
#include "carryover/report.h"
#include "lib/history_gen.h"
#include "lib/timing.h"
#include "../src/util/strbuf.h" /* the terminal page is written into a co_strbuf */

/* easy, long, tempo and threshold runs with an RPE, a pace that improves
 * by 20 s/km over the 3 years and the summary markers an import stores */
static void run(co_store_activity_row *r, int i, int runs, double km, char *summary, size_t cap)
{
	static const char *const types[] = {"easy", "easy", "long", "easy", "tempo", "threshold"};
	const char *type = types[i % 6];
	double pace = 300 + i % 30 - i * 20.0 / runs;

	snprintf(summary, cap,
		 "{\"type\":\"%s\",\"ef\":%s,\"decoupling\":%s,\"threshold_pace_s_per_km\":%s}",
		 type, !strcmp(type, "easy") ? "1.62" : "null",
		 strcmp(type, "tempo") ? "0.031" : "null",
		 !strcmp(type, "threshold") ? "255.5" : "null");
	r->moving_s = r->elapsed_s = km * pace;
	r->rpe = 3 + i % 5;
	r->summary_json = summary;
}

/* calf raises of each leg every 9th session, a threshold pace test between */
static int tests(co_store *store, int64_t athlete, co_date d, int i)
{
	int rc = 0;

	if (i % 9 == 0 && rc >= 0)
		rc = co_bench_add_test(store, athlete, d, "calf_raise", "left", 20 + i % 7, "reps");
	if (i % 9 == 0 && rc >= 0)
		rc = co_bench_add_test(store, athlete, d, "calf_raise", "right", 24 + i % 5,
				       "reps");
	if (i % 9 == 4 && rc >= 0)
		rc = co_bench_add_test(store, athlete, d, "threshold_pace", NULL, 260 - i * 0.03,
				       "s/km");
	return rc;
}

int main(int argc, char **argv)
{
	co_bench_history_opts h = CO_BENCH_HISTORY_OPTS_INIT("analyze");
	int repeats = 10;
	size_t nsets = 0, nfindings = 0, len = 0;
	double t[100];
	co_bench_times tm;
	co_date today = 0;
	bool print = false;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-p"))
			print = true;
		else
			co_bench_history_arg(&h, &repeats, argc, argv, &i);
	}
	if (!co_bench_history_args_ok(&h, repeats)) {
		fputs("usage: analyze [-r RUNS] [-l LIFTS] [-n REPEATS 1-100] [-p] DB PROFILE\n",
		      stderr);
		return 2;
	}
	/* the loads creep up 0.05 kg a session so the e1RM trends have a slope */
	h.load_creep = 0.05;
	h.run = run;
	h.tests = tests;
	if (co_bench_history_build(&h, &today, &nsets) < 0)
		return 1;
	for (int k = 0; k < repeats; k++) {
		co_app_analysis an;
		co_app *app = NULL;
		char *json = NULL;
		double t0 = co_bench_now_ms();

		if (co_bench_history_open(&app, &h, today) < 0 || co_app_analyze(&an, app) < 0) {
			fprintf(stderr, "analyze: %s\n", co_error_last());
			co_app_analysis_release(&an);
			co_app_free(app);
			return 1;
		}
		co_report_analysis_words(&an.analysis, an.profile->distance_units);
		co_analysis_to_json(&json, &an.analysis);
		t[k] = co_bench_now_ms() - t0;
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
	tm = co_bench_times_of(t, repeats);
	printf("mode=analyze runs=%d lifting_sessions=%d sets=%zu findings=%zu json_bytes=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       h.runs, h.lifts, nsets, nfindings, len, tm.best, tm.median, tm.first);
	return 0;
}
