/*
 * plan_history: how fast the planner builds a season when the athlete has
 * three years of training log (issue 10.3: progression reads the history).
 *
 *   plan_history [-n REPEATS] [-x SCALE] PROFILE
 *
 * Builds in memory, deterministically, a history that ends in the plan's
 * 12th week (so the season's first weeks are steered by it) and reaches 3
 * years back: 1,100 runs, 320 x SCALE (default 1) lifting sessions of 35
 * sets each (11,200 sets at scale 1: the main lifts of the examples and
 * their accessories, loads creeping up, RPEs 6.5-8 so some sets qualify for
 * an e1RM and some do not), a niggle a quarter, a rep-max test every 9th
 * session and a `log done` day a week. Then co_plan_build() of PROFILE
 * REPEATS times (default 50) with that history and without any: one line
 * of key=value pairs each, best and median in ms. The bar: under 50 ms
 * with the history. Use -x 10 to see the cost grow with the log (linear
 * in sets plus items, not their product).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/plan.h"
#include "lib/timing.h"

static const char *const lifts[] = {"romanian_deadlift", "goblet_squat", "hip_thrust",
				    "bulgarian_split_squat", "suitcase_carry", "side_plank",
				    "step_up"};

static void fill(co_history *h, co_date end, int scale)
{
	co_date first = end - 3 * 365;
	int nlifts = 320 * scale;
	char ex[32], site[] = "knee_right", rm[] = "hip_thrust";

	for (int i = 0; i < 1100; i++) {
		co_logged_run r = {.date = first + (co_date)(i * 3 * 365 / 1100),
				   .type = CO_RUN_EASY, .minutes = 40 + i % 50,
				   .distance_km = 6 + i % 7, .rpe = 3 + i % 5, .avg_hr = 140};

		co_history_add_run(h, &r);
	}
	for (int i = 0; i < nlifts; i++) {
		co_date d = first + (co_date)((long)i * 3 * 365 / nlifts) + 1;

		co_history_add_session(h, &(co_logged_session){.date = d, .minutes = 45,
							      .rpe = 6 + i % 3,
							      .as_planned = i % 2 == 0});
		for (int k = 0; k < 35; k++) {
			co_logged_set s = {.date = d, .exercise = ex};

			snprintf(ex, sizeof(ex), "%s", lifts[k % 7]);
			if (k % 7 >= 4 && k % 7 != 6) {
				s.seconds = 30 + (i / 10) % 4 * 5;
				s.load = k % 7 == 4 ? 20 : -1;
			} else {
				s.reps = 8 - (k / 7 == 4 && i % 5 == 0);
				s.load = 40 + 2.5 * ((i / 8 + k) % 12);
			}
			s.rpe = 6.5 + (i + k) % 4 * 0.5;
			co_history_add_set(h, &s);
		}
		if (i % 25 == 0)
			co_history_add_niggle(h, &(co_niggle_log){
				.site = site, .regions = co_niggle_regions(site), .severity = 3,
				.active_from = d, .cleared_on = d + 10});
		if (i % 9 == 0)
			co_history_add_test(h, &(co_test_result){.date = d, .kind = CO_TEST_REP_MAX,
								 .exercise = rm, .value = 100 + i % 20,
								 .reps = 5});
	}
}

static int measure(const char *what, const co_plan_input *in, int repeats, double *best)
{
	double *t = calloc((size_t)repeats, sizeof(*t));
	size_t weeks = 0;

	if (!t)
		return -1;
	for (int r = 0; r < repeats; r++) {
		co_plan *plan = NULL;
		double t0 = co_bench_now_ms();

		if (co_plan_build(&plan, in, NULL) < 0) {
			fprintf(stderr, "plan_history: %s\n", co_error_last());
			free(t);
			return -1;
		}
		t[r] = co_bench_now_ms() - t0;
		weeks = plan->n_weeks;
		co_plan_free(plan);
	}
	co_bench_times tm = co_bench_times_of(t, repeats);

	printf("mode=%s weeks=%zu best_ms=%.2f median_ms=%.2f\n", what, weeks, tm.best, tm.median);
	*best = tm.best;
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	int repeats = 50, scale = 1, opt, rc = 1;
	co_profile *p = NULL;
	co_history h;
	double with = 0, without = 0;

	while ((opt = getopt(argc, argv, "n:x:")) != -1) {
		if (opt == 'n')
			repeats = atoi(optarg);
		else if (opt == 'x')
			scale = atoi(optarg);
		else
			goto usage;
	}
	if (optind + 1 != argc || repeats < 1 || scale < 1)
		goto usage;
	if (co_profile_load(&p, argv[optind], co_date_from_ymd(2026, 12, 30)) < 0) {
		fprintf(stderr, "plan_history: %s\n", co_error_last());
		return 1;
	}
	co_history_init(&h);
	fill(&h, p->start + 7 * 11, scale);
	co_plan_input in = {.profile = p, .catalog = co_catalog_default(), .history = &h};
	co_plan_input bare = {.profile = p, .catalog = co_catalog_default()};

	printf("history sets=%zu sessions=%zu runs=%zu niggles=%zu tests=%zu\n", h.n_sets,
	       h.n_sessions, h.n_runs, h.n_niggles, h.n_tests);
	if (measure("with_history", &in, repeats, &with) == 0 &&
	    measure("no_history", &bare, repeats, &without) == 0)
		rc = 0;
	co_history_release(&h);
	co_profile_free(p);
	return rc;
usage:
	fprintf(stderr, "usage: plan_history [-n REPEATS] [-x SCALE] PROFILE\n");
	return 2;
}
