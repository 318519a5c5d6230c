/*
 * status: how fast `carryover status` answers for an athlete with three
 * years of history (issue 10.6).
 *
 *   status [-r RUNS] [-l LIFTS] [-n REPEATS] DB PROFILE
 *
 * Builds the store DB (it must not exist; bench/lib/history_gen.c): the athlete of PROFILE (stored
 * with co_app_plan(), as `carryover plan PROFILE` does), then in one
 * transaction 3 years before the plan's second week: RUNS imported running
 * activities (default 1,100; heart rate and no RPE, so the load takes the
 * TRIMP path), LIFTS logged lifting sessions (default 320, 45 min at an
 * RPE) of 35 sets each (11,200 sets with RPEs, loads repeating so the
 * RPE-drift signal has pairs to compare), a niggle a quarter and a
 * baseline test a month. Then, in a new session each time, REPEATS
 * (default 10) runs of co_app_status_get() and the JSON text, timed with
 * CLOCK_MONOTONIC around both: one line of key=value pairs with the best,
 * median and first (cold) times in ms. Then the same for `carryover plan
 * --json` (co_app_plan() and co_plan_to_json(), mode=plan). The bar, for
 * both: under 50 ms. Deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/app.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/json.h"
#include "carryover/load.h"
#include "lib/history_gen.h"
#include "lib/timing.h"

/* calf raises of the left leg every 9th session */
static int tests(co_store *store, int64_t athlete, co_date d, int i)
{
	if (i % 9)
		return 0;
	return co_bench_add_test(store, athlete, d, "calf_raise", "left", 20 + i % 7, "reps");
}

int main(int argc, char **argv)
{
	co_bench_history_opts h = CO_BENCH_HISTORY_OPTS_INIT("status");
	int repeats = 10;
	size_t nsets = 0, nsignals = 0, len = 0;
	double t[100];
	co_bench_times tm;
	co_date today = 0;

	for (int i = 1; i < argc; i++)
		co_bench_history_arg(&h, &repeats, argc, argv, &i);
	if (!co_bench_history_args_ok(&h, repeats)) {
		fputs("usage: status [-r RUNS] [-l LIFTS] [-n REPEATS 1-100] DB PROFILE\n", stderr);
		return 2;
	}
	h.niggles = true;
	h.tests = tests;
	if (co_bench_history_build(&h, &today, &nsets) < 0)
		return 1;
	for (int k = 0; k < repeats; k++) {
		co_app_status st;
		co_app *app = NULL;
		char *json = NULL;
		double t0 = co_bench_now_ms();

		if (co_bench_history_open(&app, &h, today) < 0 || co_app_status_get(&st, app) < 0) {
			fprintf(stderr, "status: %s\n", co_error_last());
			co_app_status_release(&st);
			co_app_free(app);
			return 1;
		}
		const co_signal *sig[64];
		co_status_view v = {.date = st.today, .readiness = st.readiness, .load = st.day,
				    .next = st.next, .signals = sig};

		for (size_t i = 0; i < st.n_today && i < 64; i++)
			sig[v.n_signals++] = &st.signals.items[st.today_idx[i]];
		co_status_to_json(&json, &v);
		t[k] = co_bench_now_ms() - t0;
		nsignals = st.signals.n;
		len = strlen(json);
		free(json);
		co_app_status_release(&st);
		co_app_free(app);
	}
	tm = co_bench_times_of(t, repeats);
	printf("mode=status runs=%d lifting_sessions=%d sets=%zu signals=%zu json_bytes=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       h.runs, h.lifts, nsets, nsignals, len, tm.best, tm.median, tm.first);
	/* the same for `carryover plan --json`: the stored profile, the history
	 * from the store, the season plan with its progression and adaptation
	 * (issue 10.3, 10.5), the plan version check (E4) and the JSON text */
	for (int k = 0; k < repeats; k++) {
		co_app *app = NULL;
		co_plan *plan = NULL;
		char *json = NULL;
		double t0 = co_bench_now_ms();

		if (co_bench_history_open(&app, &h, today) < 0 ||
		    co_app_plan(&plan, NULL, app, NULL) < 0 ||
		    co_plan_to_json(&json, plan, CO_JSON_FROM_START, 0) < 0) {
			fprintf(stderr, "status: plan: %s\n", co_error_last());
			co_plan_free(plan);
			co_app_free(app);
			return 1;
		}
		t[k] = co_bench_now_ms() - t0;
		len = strlen(json);
		free(json);
		co_plan_free(plan);
		co_app_free(app);
	}
	tm = co_bench_times_of(t, repeats);
	printf("mode=plan runs=%d lifting_sessions=%d sets=%zu json_bytes=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       h.runs, h.lifts, nsets, len, tm.best, tm.median, tm.first);
	return 0;
}
