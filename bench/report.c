/*
 * report: how fast `carryover report` writes its page for an athlete with
 * three years of history (issue 11.2: under a second).
 *
 *   report [-r RUNS] [-l LIFTS] [-n REPEATS] [-o FILE] DB PROFILE
 *
 * Builds the store DB (it must not exist) as bench/status.c does
 * (bench/lib/history_gen.c): the
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

#include "carryover/app.h"
#include "carryover/carryover.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "lib/history_gen.h"
#include "lib/timing.h"
#include "../src/util/strbuf.h" /* the page is written into a co_strbuf */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* the run type the importer would have guessed: a threshold run a week,
 * the rest easy, so the pace and efficiency charts have points */
static void run(co_store_activity_row *r, int i, int runs, double km, char *buf, size_t cap)
{
	(void)runs, (void)km, (void)buf, (void)cap;
	r->summary_json = i % 7 == 3 ? "{\"type\":\"threshold\"}" : "{\"type\":\"easy\"}";
}

/* a baseline test every 9th session: threshold pace every 18th, else calf raises */
static int tests(co_store *store, int64_t athlete, co_date d, int i)
{
	if (i % 9)
		return 0;
	if (i % 18 == 0)
		return co_bench_add_test(store, athlete, d, "threshold_pace", NULL, 270 - i / 20,
					 "s/km");
	return co_bench_add_test(store, athlete, d, "calf_raise", "left", 20 + i % 7, "reps");
}

int main(int argc, char **argv)
{
	co_bench_history_opts h = CO_BENCH_HISTORY_OPTS_INIT("report");
	const char *out = NULL;
	int repeats = 10;
	size_t nsets = 0, len = 0, marks = 0;
	double t[100];
	co_bench_times tm;
	co_date today = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else
			co_bench_history_arg(&h, &repeats, argc, argv, &i);
	}
	if (!co_bench_history_args_ok(&h, repeats)) {
		fputs("usage: report [-r RUNS] [-l LIFTS] [-n REPEATS 1-100] [-o FILE] DB PROFILE\n",
		      stderr);
		return 2;
	}
	h.niggles = true;
	h.run = run;
	h.tests = tests;
	if (co_bench_history_build(&h, &today, &nsets) < 0)
		return 1;
	for (int k = 0; k < repeats; k++) {
		co_app_report r;
		co_strbuf sb = CO_STRBUF_INIT;
		co_app *app = NULL;
		double t0 = co_bench_now_ms();

		if (co_bench_history_open(&app, &h, today) < 0 || co_app_report_get(&r, app) < 0) {
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
		t[k] = co_bench_now_ms() - t0;
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
	tm = co_bench_times_of(t, repeats);
	printf("mode=report runs=%d lifting_sessions=%d sets=%zu html_bytes=%zu svg_marks=%zu "
	       "best_ms=%.2f median_ms=%.2f first_ms=%.2f\n",
	       h.runs, h.lifts, nsets, len, marks, tm.best, tm.median, tm.first);
	return 0;
}
