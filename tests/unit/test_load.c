/*
 * Training load and the D4 fatigue signals (carryover/load.h) on synthetic
 * histories with answers worked out by hand: the EWMA, CTL/ATL/TSB of the
 * first days after one session, the monotony and strain of a known week,
 * TRIMP, and each signal firing and not firing, with the readiness rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/carryover.h"
#include "carryover/load.h"

static const co_date D = 20817; /* 2026-12-30 */

#define NEAR(a, b) assert_true(absd((a) - (b)) < 1e-3)

static double absd(double x)
{
	return x < 0 ? -x : x;
}

/* One session of RPE 5 x 60 min = 300 on day D, then two rest days:
 * acute = 300 x 2/8, chronic = 300 x 2/29, CTL = 300 (1 - e^(-1/42)),
 * ATL = 300 (1 - e^(-1/7)); each then decays by 3/4, 27/29, e^(-1/42),
 * e^(-1/7); TSB is the day before's CTL - ATL. */
static void ewma_by_hand(void **state)
{
	co_history h;
	co_load_series s;

	(void)state;
	co_history_init(&h);
	co_history_add_session(&h, &(co_logged_session){.date = D, .minutes = 60, .rpe = 5});
	co_load_compute(&s, &h, D + 2, NULL);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.n_sessions, 1);
	assert_int_equal(s.sessions[0].method, CO_LOAD_SRPE);
	NEAR(s.days[0].load, 300);
	NEAR(s.days[0].acute, 75);
	NEAR(s.days[0].chronic, 20.689655);
	NEAR(s.days[0].acwr, 3.625);
	NEAR(s.days[0].ctl, 7.058494);
	NEAR(s.days[0].atl, 39.936630);
	NEAR(s.days[0].tsb, 0);
	NEAR(s.days[1].acute, 56.25);
	NEAR(s.days[1].chronic, 19.262782);
	NEAR(s.days[1].ctl, 6.892420);
	NEAR(s.days[1].atl, 34.620182);
	NEAR(s.days[1].tsb, -32.878136);
	NEAR(s.days[2].acute, 42.1875);
	NEAR(s.days[2].acwr, 2.352334);
	NEAR(s.days[2].tsb, -27.727762);
	assert_ptr_equal(co_load_day_at(&s, D + 1), &s.days[1]);
	assert_null(co_load_day_at(&s, D + 3));
	co_load_series_release(&s);
	co_history_release(&h);
}

/* Loads 100, 0, 100, 0, 100, 0, 100: mean 400/7, population SD 49.487,
 * monotony 1.1547, strain 400 x 1.1547 = 461.88 (Foster 1998). */
static void monotony_of_a_week(void **state)
{
	co_history h;
	co_load_series s;

	(void)state;
	co_history_init(&h);
	for (int i = 0; i < 7; i += 2)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 20, .rpe = 5});
	co_load_compute(&s, &h, D + 6, NULL);
	assert_int_equal(s.n, 7);
	NEAR(s.days[6].monotony, 1.154701);
	NEAR(s.days[6].strain, 461.880215);
	co_load_series_release(&s);
	/* the same load every day: SD 0, monotony undefined (not infinite) */
	co_history_release(&h);
	co_history_init(&h);
	for (int i = 0; i < 7; i++)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 20, .rpe = 5});
	co_load_compute(&s, &h, D + 6, NULL);
	assert_true(s.days[6].monotony < 0);
	assert_true(s.days[6].strain < 0);
	co_load_series_release(&s);
	co_history_release(&h);
}

/* 60 min at 150 bpm, rest 60, max 190: HRr 0.6923, TRIMP 100.44 (men),
 * 113.52 (women). A run without RPE uses it and says so. */
static void trimp_stated(void **state)
{
	co_history h;
	co_load_series s;
	co_load_options o = {.hr_rest = 60, .hr_max = 190};

	(void)state;
	NEAR(co_load_trimp(60, 150, 60, 190, false), 100.440293);
	NEAR(co_load_trimp(60, 150, 60, 190, true), 113.516788);
	assert_true(co_load_trimp(60, 150, 190, 190, false) == 0);
	NEAR(co_load_srpe(7, 50), 350);
	co_history_init(&h);
	co_history_add_run(&h, &(co_logged_run){.date = D, .minutes = 60, .avg_hr = 150});
	co_history_add_run(&h, &(co_logged_run){.date = D, .minutes = 30, .rpe = 4});
	co_history_add_run(&h, &(co_logged_run){.date = D, .minutes = 30});
	co_load_compute(&s, &h, D, &o);
	assert_int_equal(s.n_sessions, 3);
	int trimp = 0, srpe = 0, none = 0;

	for (size_t i = 0; i < s.n_sessions; i++) {
		trimp += s.sessions[i].method == CO_LOAD_TRIMP;
		srpe += s.sessions[i].method == CO_LOAD_SRPE;
		none += s.sessions[i].method == CO_LOAD_NONE;
	}
	assert_int_equal(trimp, 1);
	assert_int_equal(srpe, 1);
	assert_int_equal(none, 1);
	NEAR(s.days[0].load, 100.440293 + 120);
	assert_string_equal(co_load_method_name(CO_LOAD_TRIMP), "trimp");
	co_load_series_release(&s);
	/* without a stated maximum: the highest heart rate recorded (190 here) */
	h.runs[1].max_hr = 190;
	co_load_compute(&s, &h, D, &(co_load_options){.hr_rest = 60});
	NEAR(s.days[0].load, 100.440293 + 120);
	co_load_series_release(&s);
	co_history_release(&h);
}

/* A lifting session with minutes and no session RPE takes its sets' mean. */
static void lifting_from_sets(void **state)
{
	co_history h;
	co_load_series s;
	char ex[] = "rdl";

	(void)state;
	co_history_init(&h);
	co_history_add_session(&h, &(co_logged_session){.date = D, .minutes = 40});
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = ex, .reps = 8, .load = 60, .rpe = 6});
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = ex, .reps = 8, .load = 60, .rpe = 8});
	co_history_add_session(&h, &(co_logged_session){.date = D + 1, .minutes = 40, .skipped = true});
	co_load_compute(&s, &h, D + 1, NULL);
	assert_int_equal(s.n_sessions, 1);
	assert_int_equal(s.sessions[0].method, CO_LOAD_SRPE_SETS);
	NEAR(s.days[0].load, 280);
	co_load_series_release(&s);
	co_history_release(&h);
}

static size_t count(const co_signals *s, const char *id)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += !strcmp(s->items[i].id, id);
	return n;
}

static const co_signal *first(const co_signals *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->items[i].id, id))
			return &s->items[i];
	return NULL;
}

static void signals_of(co_signals *out, const co_history *h, co_date to, double threshold)
{
	co_load_series s;
	co_load_options o = {.acwr_threshold = threshold};

	co_load_compute(&s, h, to, &o);
	co_signals_compute(out, h, &s, &o);
	co_load_series_release(&s);
}

static void rpe_drift(void **state)
{
	co_history h;
	co_signals g;
	char rdl[] = "rdl", sq[] = "goblet_squat";
	co_readiness r;
	size_t idx[16];

	(void)state;
	co_history_init(&h);
	/* rdl at 60: RPE 7, 7 then 8, 8 a week later (+1: fires) */
	for (int i = 0; i < 2; i++) {
		co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = rdl, .reps = 8, .load = 60, .rpe = 7});
		co_history_add_set(&h, &(co_logged_set){.date = D + 7, .exercise = rdl, .reps = 8, .load = 60, .rpe = 8});
	}
	/* goblet squat: +0.5 at the same load, +2 at another load: neither fires */
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = sq, .reps = 8, .load = 20, .rpe = 7});
	co_history_add_set(&h, &(co_logged_set){.date = D + 7, .exercise = sq, .reps = 8, .load = 20, .rpe = 7.5});
	co_history_add_set(&h, &(co_logged_set){.date = D + 7, .exercise = sq, .reps = 8, .load = 24, .rpe = 9});
	signals_of(&g, &h, D + 8, 1.5);
	assert_int_equal(count(&g, "rpe_drift"), 1);
	const co_signal *s = first(&g, "rpe_drift");

	assert_int_equal(s->date, D + 7);
	assert_string_equal(s->rule, "D4");
	NEAR(s->value, 1);
	NEAR(s->threshold, 1);
	assert_non_null(strstr(s->detail, "rdl at 60 kg: RPE 8 on 2027-01-06, 7 on 2026-12-30"));
	assert_int_equal(co_signals_today(idx, &r, &g, D + 8), 1);
	assert_int_equal(r, CO_READY_CAUTION);
	/* a week after the acute window it no longer counts */
	assert_int_equal(co_signals_today(idx, &r, &g, D + 14), 0);
	assert_int_equal(r, CO_READY_GOOD);
	co_signals_release(&g);
	co_history_release(&h);
}

/* RPE drift compares the same dose only, and never the RPEs that `log done`
 * wrote from the prescription (a target that rises through a block). */
static void rpe_drift_same_dose_reported(void **state)
{
	co_history h;
	co_signals g;
	char rdl[] = "rdl", plank[] = "plank", carry[] = "suitcase_carry";

	(void)state;
	co_history_init(&h);
	/* rdl at 60: 3x8 at RPE 6, then 3x10 at RPE 7.5: another dose */
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = rdl, .reps = 8, .load = 60, .rpe = 6});
	co_history_add_set(&h, &(co_logged_set){.date = D + 7, .exercise = rdl, .reps = 10, .load = 60, .rpe = 7.5});
	/* a plank of 30 s at RPE 5, then 45 s at RPE 7 */
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = plank, .seconds = 30, .load = -1, .rpe = 5});
	co_history_add_set(&h, &(co_logged_set){.date = D + 7, .exercise = plank, .seconds = 45, .load = -1, .rpe = 7});
	/* a carry done as planned on both days: the deload's RPE 6, then the block's 7.5 */
	co_history_add_session(&h, &(co_logged_session){.date = D + 1, .as_planned = true});
	co_history_add_session(&h, &(co_logged_session){.date = D + 8, .as_planned = true});
	co_history_add_set(&h, &(co_logged_set){.date = D + 1, .exercise = carry, .seconds = 40, .load = 18, .rpe = 6});
	co_history_add_set(&h, &(co_logged_set){.date = D + 8, .exercise = carry, .seconds = 40, .load = 18, .rpe = 7.5});
	signals_of(&g, &h, D + 9, 1.5);
	assert_int_equal(count(&g, "rpe_drift"), 0);
	co_signals_release(&g);
	/* the same plank, 45 s, reported harder a week later: it fires */
	co_history_add_set(&h, &(co_logged_set){.date = D + 14, .exercise = plank, .seconds = 45, .load = -1, .rpe = 8});
	signals_of(&g, &h, D + 15, 1.5);
	assert_int_equal(count(&g, "rpe_drift"), 1);
	assert_non_null(strstr(first(&g, "rpe_drift")->detail, "plank at bodyweight: RPE 8"));
	co_signals_release(&g);
	co_history_release(&h);
}

static void niggles(void **state)
{
	co_history h;
	co_signals g;
	char knee[] = "knee_right";
	co_readiness r;
	size_t idx[16];

	(void)state;
	co_history_init(&h);
	co_history_add_niggle(&h, &(co_niggle_log){.site = knee, .severity = 4, .active_from = D,
						   .cleared_on = D + 10});
	/* logged again while open: not new */
	co_history_add_niggle(&h, &(co_niggle_log){.site = knee, .severity = 5, .active_from = D + 3,
						   .cleared_on = D + 10});
	/* back after it cleared: new again */
	co_history_add_niggle(&h, &(co_niggle_log){.site = knee, .severity = 2, .active_from = D + 20});
	signals_of(&g, &h, D + 21, 1.5);
	assert_int_equal(count(&g, "new_niggle"), 2);
	assert_int_equal(g.items[0].date, D);
	NEAR(g.items[0].value, 4);
	assert_int_equal(g.items[1].date, D + 20);
	assert_non_null(strstr(g.items[1].detail, "knee_right"));
	assert_int_equal(co_signals_today(idx, &r, &g, D + 21), 1);
	assert_int_equal(r, CO_READY_CAUTION);
	co_signals_release(&g);
	co_history_release(&h);
}

static void tests_getting_worse(void **state)
{
	co_history h;
	co_signals g;

	(void)state;
	co_history_init(&h);
	/* calf raises left 25 -> 20 (worse) -> 30 (better); right 20 -> 22 (better) */
	co_history_add_test(&h, &(co_test_result){.date = D, .kind = CO_TEST_CALF_RAISE, .value = 25, .side = 1});
	co_history_add_test(&h, &(co_test_result){.date = D + 28, .kind = CO_TEST_CALF_RAISE, .value = 20, .side = 1});
	co_history_add_test(&h, &(co_test_result){.date = D + 56, .kind = CO_TEST_CALF_RAISE, .value = 30, .side = 1});
	co_history_add_test(&h, &(co_test_result){.date = D, .kind = CO_TEST_CALF_RAISE, .value = 20, .side = 2});
	co_history_add_test(&h, &(co_test_result){.date = D + 28, .kind = CO_TEST_CALF_RAISE, .value = 22, .side = 2});
	/* threshold pace 300 -> 310 s/km: slower, worse */
	co_history_add_test(&h, &(co_test_result){.date = D, .kind = CO_TEST_THRESHOLD_RUN, .value = 300});
	co_history_add_test(&h, &(co_test_result){.date = D + 30, .kind = CO_TEST_THRESHOLD_RUN, .value = 310});
	/* squat box 40 -> 40 cm with control good -> fair: worse */
	co_history_add_test(&h, &(co_test_result){.date = D, .kind = CO_TEST_SINGLE_LEG_SQUAT, .value = 40, .side = 2, .grade = 3});
	co_history_add_test(&h, &(co_test_result){.date = D + 30, .kind = CO_TEST_SINGLE_LEG_SQUAT, .value = 40, .side = 2, .grade = 2});
	signals_of(&g, &h, D + 60, 1.5);
	assert_int_equal(count(&g, "worse_test"), 3);
	assert_int_equal(g.items[0].date, D + 28);
	NEAR(g.items[0].value, 20);
	NEAR(g.items[0].threshold, 25);
	assert_non_null(strstr(g.items[0].detail, "calf raises left: 20 reps"));
	assert_non_null(strstr(g.items[1].detail, "control worse"));
	assert_non_null(strstr(g.items[2].detail, "5:10/km"));
	co_signals_release(&g);
	co_history_release(&h);
}

static void run_effort(void **state)
{
	co_history h;
	co_signals g;

	(void)state;
	co_history_init(&h);
	/* tempo 50 min 10 km (5:00/km) at RPE 6, 6, then 7 once: one harder day is noise */
	co_history_add_run(&h, &(co_logged_run){.date = D, .type = CO_RUN_TEMPO, .minutes = 50, .distance_km = 10, .rpe = 6});
	co_history_add_run(&h, &(co_logged_run){.date = D + 7, .type = CO_RUN_TEMPO, .minutes = 50, .distance_km = 10, .rpe = 6});
	co_history_add_run(&h, &(co_logged_run){.date = D + 14, .type = CO_RUN_TEMPO, .minutes = 50, .distance_km = 10.1, .rpe = 7});
	/* 10% faster and harder: not equal pace, no signal */
	co_history_add_run(&h, &(co_logged_run){.date = D + 15, .type = CO_RUN_TEMPO, .minutes = 45, .distance_km = 10, .rpe = 9});
	/* easy runs by heart rate: 140, 141, then 147 once: noise */
	co_history_add_run(&h, &(co_logged_run){.date = D + 1, .type = CO_RUN_EASY, .minutes = 40, .distance_km = 7, .avg_hr = 140});
	co_history_add_run(&h, &(co_logged_run){.date = D + 3, .type = CO_RUN_EASY, .minutes = 40, .distance_km = 7, .avg_hr = 141});
	co_history_add_run(&h, &(co_logged_run){.date = D + 5, .type = CO_RUN_EASY, .minutes = 40, .distance_km = 7, .avg_hr = 147});
	signals_of(&g, &h, D + 16, 1.5);
	assert_int_equal(count(&g, "run_effort"), 0);
	co_signals_release(&g);
	/* a second harder run in a row at the same pace: a rise, against the usual */
	co_history_add_run(&h, &(co_logged_run){.date = D + 9, .type = CO_RUN_EASY, .minutes = 40, .distance_km = 7, .avg_hr = 146});
	co_history_add_run(&h, &(co_logged_run){.date = D + 21, .type = CO_RUN_TEMPO, .minutes = 50, .distance_km = 10, .rpe = 7});
	signals_of(&g, &h, D + 22, 1.5);
	assert_int_equal(count(&g, "run_effort"), 2);
	assert_int_equal(g.items[0].date, D + 9);
	NEAR(g.items[0].value, 5.5); /* min(146, 147) - median(140, 141) */
	NEAR(g.items[0].threshold, 5);
	assert_non_null(strstr(g.items[0].detail, "heart rate 146 on 2027-01-08 and 147 on 2027-01-04, usually 140.5"));
	assert_int_equal(g.items[1].date, D + 21);
	NEAR(g.items[1].value, 1);
	assert_non_null(strstr(g.items[1].detail, "tempo run at 5:00/km: RPE 7 on 2027-01-20 and 7 on 2027-01-13, usually 6 (median of 2 runs)"));
	co_signals_release(&g);
	co_history_release(&h);
}

static void acwr_spike(void **state)
{
	co_history h;
	co_signals g;
	co_readiness r;
	size_t idx[64];

	(void)state;
	co_history_init(&h);
	/* a spike in the first 28 days: the ratio means nothing yet, no signal */
	co_history_add_run(&h, &(co_logged_run){.date = D, .minutes = 60, .rpe = 5});
	signals_of(&g, &h, D + 20, 1.5);
	assert_int_equal(count(&g, "acwr"), 0);
	co_signals_release(&g);
	/* 8 weeks of 40 min RPE 5 every other day, then 3 days of 90 min RPE 8 */
	for (int i = 2; i < 56; i += 2)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 40, .rpe = 5});
	signals_of(&g, &h, D + 55, 1.5);
	assert_int_equal(count(&g, "acwr"), 0);
	co_signals_release(&g);
	for (int i = 56; i < 59; i++)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 90, .rpe = 8});
	signals_of(&g, &h, D + 58, 1.5);
	assert_true(count(&g, "acwr") >= 1);
	const co_signal *s = &g.items[g.n - 1];

	assert_string_equal(s->id, "acwr");
	assert_int_equal(s->date, D + 58);
	assert_true(s->value > 1.5);
	NEAR(s->threshold, 1.5);
	assert_true(co_signals_today(idx, &r, &g, D + 58) >= 1);
	assert_int_equal(r, CO_READY_CAUTION);
	co_signals_release(&g);
	/* the first day of the spike: 1.77 (acute 244, chronic 138) fires at 1.5,
	 * not at the athlete's own threshold of 2.0 */
	signals_of(&g, &h, D + 56, 1.5);
	assert_int_equal(count(&g, "acwr"), 1);
	NEAR(g.items[g.n - 1].value, 1.771238);
	co_signals_release(&g);
	signals_of(&g, &h, D + 56, 2.0);
	assert_int_equal(count(&g, "acwr"), 0);
	co_signals_release(&g);
	co_history_release(&h);
}

/* A break of 28 days or more starts the lead-in again: a runner back after
 * a long lay-off is not flagged by a ratio over a chronic load that decayed
 * to nothing; 42 days after the return the ratio counts again. */
static void acwr_after_break(void **state)
{
	co_history h;
	co_signals g;

	(void)state;
	co_history_init(&h);
	/* 8 weeks of training, then 200 days off, then two sessions back */
	for (int i = 0; i < 56; i += 2)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 40, .rpe = 5});
	co_history_add_run(&h, &(co_logged_run){.date = D + 256, .minutes = 50, .rpe = 7});
	co_history_add_set(&h, &(co_logged_set){.date = D + 257, .exercise = (char[]){"rdl"}, .reps = 8, .load = 60, .rpe = 7});
	co_history_add_session(&h, &(co_logged_session){.date = D + 257, .minutes = 45, .rpe = 6});
	signals_of(&g, &h, D + 258, 1.5);
	assert_int_equal(count(&g, "acwr"), 0);
	co_signals_release(&g);
	/* 6 weeks back at the old rhythm, then a 3-day spike: it counts again */
	for (int i = 258; i < 300; i += 2)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 40, .rpe = 5});
	for (int i = 300; i < 303; i++)
		co_history_add_run(&h, &(co_logged_run){.date = D + i, .minutes = 90, .rpe = 8});
	signals_of(&g, &h, D + 302, 1.5);
	assert_true(count(&g, "acwr") >= 1);
	co_signals_release(&g);
	co_history_release(&h);
}

static void readiness_poor_on_two_kinds(void **state)
{
	co_history h;
	co_signals g;
	char knee[] = "knee_right", rdl[] = "rdl";
	co_readiness r;
	size_t idx[16];

	(void)state;
	co_history_init(&h);
	co_history_add_set(&h, &(co_logged_set){.date = D, .exercise = rdl, .reps = 8, .load = 60, .rpe = 7});
	co_history_add_set(&h, &(co_logged_set){.date = D + 3, .exercise = rdl, .reps = 8, .load = 60, .rpe = 8.5});
	co_history_add_niggle(&h, &(co_niggle_log){.site = knee, .severity = 3, .active_from = D + 4});
	signals_of(&g, &h, D + 5, 1.5);
	assert_int_equal(co_signals_today(idx, &r, &g, D + 5), 2);
	assert_int_equal(r, CO_READY_POOR);
	assert_string_equal(co_readiness_name(r), "poor");
	co_signals_release(&g);
	/* nothing logged: nothing computed */
	co_history_release(&h);
	co_history_init(&h);
	co_load_series s;

	co_load_compute(&s, &h, D, NULL);
	assert_int_equal(s.n, 0);
	co_signals_compute(&g, &h, &s, NULL);
	assert_int_equal(g.n, 0);
	assert_int_equal(co_signals_today(idx, &r, &g, D), 0);
	assert_int_equal(r, CO_READY_GOOD);
	co_load_series_release(&s);
	co_signals_release(&g);
}

/* Bounded: a history dated 40 years back costs at most 3,650 days. */
static void days_are_bounded(void **state)
{
	co_history h;
	co_load_series s;

	(void)state;
	co_history_init(&h);
	co_history_add_run(&h, &(co_logged_run){.date = D - 40 * 365, .minutes = 30, .rpe = 5});
	co_history_add_run(&h, &(co_logged_run){.date = D, .minutes = 30, .rpe = 5});
	co_load_compute(&s, &h, D, NULL);
	assert_int_equal(s.n, 3650);
	NEAR(s.days[s.n - 1].load, 150);
	co_load_series_release(&s);
	co_history_release(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ewma_by_hand),
		cmocka_unit_test(monotony_of_a_week),
		cmocka_unit_test(trimp_stated),
		cmocka_unit_test(lifting_from_sets),
		cmocka_unit_test(rpe_drift),
		cmocka_unit_test(niggles),
		cmocka_unit_test(tests_getting_worse),
		cmocka_unit_test(run_effort),
		cmocka_unit_test(rpe_drift_same_dose_reported),
		cmocka_unit_test(acwr_spike),
		cmocka_unit_test(acwr_after_break),
		cmocka_unit_test(readiness_poor_on_two_kinds),
		cmocka_unit_test(days_are_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
