/*
 * Running markers: VDOT and paces against the published check values, and
 * run-type guesses on synthetic runs shaped like the sessions coaches set.
 */
#include <math.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "carryover/analysis.h"

/* SCIENCE.md: "5 km in 20:00 gives VDOT 49.8 and threshold pace 4:17/km". */
static void vdot_check_value(void **state)
{
	co_paces p;
	double vdot = co_vdot(5000, 20 * 60);

	assert_true(fabs(vdot - 49.8) < 0.05);
	co_training_paces(&p, vdot);
	assert_int_equal((int)lround(p.threshold), 4 * 60 + 17);
	/* Paces get faster from easy to repetition. */
	assert_true(p.easy > p.marathon && p.marathon > p.threshold &&
		    p.threshold > p.interval && p.interval > p.repetition);
}

static void vdot_out_of_range(void **state)
{
	assert_true(co_vdot(800, 120) == 0);        /* too short */
	assert_true(co_vdot(42195, 7 * 3600) == 0); /* too long */
	assert_true(co_vdot(5000, 3600) == 0);      /* a walk */
	assert_true(co_vdot(10000, 40 * 60) > co_vdot(10000, 45 * 60));
}

static void riegel_marathon_from_half(void **state)
{
	/* 1:30:00 half: 90 min x 2^1.06 = 187.6 min. */
	double t = co_riegel(5400, 21097.5, 42195);
	assert_true(fabs(t / 60 - 187.6) < 0.1);
	assert_true(co_riegel(0, 1, 1) == 0);
}

/* A synthetic run: speed(t) and hr(t) at 1 Hz for `secs` seconds. */
typedef double (*curve)(double t);

static void make_run(co_activity *a, int secs, curve speed, curve hr)
{
	double dist = 0;

	co_activity_init(a);
	a->format = "fit";
	a->sport = CO_SPORT_RUNNING;
	a->start = 1700000000;
	for (int t = 0; t < secs; t++) {
		co_sample s;
		co_sample_init(&s);
		s.t = (uint32_t)t;
		co_sample_set_speed(&s, speed(t));
		s.distance = (float)dist;
		s.hr = (uint8_t)hr(t);
		dist += speed(t);
		assert_int_equal(co_activity_add_sample(a, &s), 0);
	}
	a->elapsed = a->moving = secs;
	a->distance = dist;
}

static double easy_speed(double t) { return 3.0; }
static double easy_hr(double t) { return 140; }
static double no_hr(double t) { return 0; }
static double drifting_hr(double t) { return 140 + t / 360.0; } /* +10 bpm/hour */

/* 15 min warm-up, 6 x (3 min at 4.2 m/s, 2 min jog), cool-down. */
static double intervals_speed(double t)
{
	if (t < 900 || t >= 900 + 6 * 300)
		return 3.0;
	return fmod(t - 900, 300) < 180 ? 4.2 : 2.8;
}

/* 10 min warm-up, 25 min at 4.0 m/s, 10 min cool-down. */
static double tempo_speed(double t)
{
	return t >= 600 && t < 600 + 1500 ? 4.0 : 3.0;
}

/* Heart rate follows the reps: 140 easy, up to 170 by the end of each rep. */
static double intervals_hr(double t)
{
	if (t < 900 || t >= 900 + 6 * 300)
		return 140;
	double in = fmod(t - 900, 300);
	return in < 180 ? 140 + in / 6.0 : 170 - (in - 180) / 4.0;
}

static double tempo_hr(double t)
{
	return t >= 600 && t < 600 + 1500 ? 162 : 140;
}

/* A hilly easy run: 90 s fast downhills every 5 min, heart rate flat. */
static double hilly_speed(double t)
{
	return fmod(t, 300) < 90 ? 3.6 : 2.9;
}

static void guesses_intervals(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 3600, intervals_speed, intervals_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_INTERVALS);
	co_activity_release(&a);
}

static void guesses_tempo_and_threshold(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 2700, tempo_speed, tempo_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_TEMPO);
	/* 4.0 m/s is 250 s/km; the effort's pace is recorded as threshold pace. */
	assert_true(fabs(m.threshold_pace - 250) < 8);
	assert_true(m.threshold_vdot > 40 && m.threshold_vdot < 60);

	/* With a known threshold pace of 4:10/km the same run is a threshold run. */
	co_run_analyse(&m, &a, 250);
	assert_int_equal(m.type, CO_RUN_THRESHOLD);
	/* ... and with a much faster threshold (3:30/km) it is only a tempo. */
	co_run_analyse(&m, &a, 210);
	assert_int_equal(m.type, CO_RUN_TEMPO);
	co_activity_release(&a);
}

static void guesses_long_and_easy_with_markers(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 2400, easy_speed, easy_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_EASY);
	/* 180 m/min at 140 bpm. */
	assert_true(fabs(m.ef - 180.0 / 140.0) < 0.01);
	co_activity_release(&a);

	make_run(&a, 6000, easy_speed, drifting_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_LONG);
	assert_true(m.has_decoupling);
	/* Same speed, heart rate rising: positive decoupling of a few percent. */
	assert_true(m.decoupling > 0.02 && m.decoupling < 0.08);
	co_activity_release(&a);
}

/* Regression: a hilly 2 h 41 min easy run (sports-lib 6916728382) was
 * called intervals because its downhill kilometres were fast. */
static void terrain_is_not_intervals(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 3600, hilly_speed, easy_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_EASY);
	assert_non_null(strstr(m.reason, "heart-rate"));
	co_activity_release(&a);

	/* The same pace changes with no heart rate at all still count. */
	make_run(&a, 3600, intervals_speed, no_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_INTERVALS);
	co_activity_release(&a);

	/* Past two hours, a run is a long run whatever its structure. */
	make_run(&a, 7800, intervals_speed, intervals_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_LONG);
	co_activity_release(&a);
}

/* Cruise intervals: 15 min warm-up at 3.0 m/s, g_reps x g_rep s at 4.0 m/s
 * (250 s/km) with g_rec s jogs at 2.8 m/s, then a 10 min cool-down. */
static int g_reps, g_rep, g_rec;

static int cruise_secs(void) { return 900 + g_reps * (g_rep + g_rec) + 600; }

static bool in_cruise_rep(double t)
{
	if (t < 900 || t >= 900 + g_reps * (g_rep + g_rec))
		return false;
	return fmod(t - 900, g_rep + g_rec) < g_rep;
}

static double cruise_speed(double t)
{
	if (t < 900 || t >= 900 + g_reps * (g_rep + g_rec))
		return 3.0;
	return in_cruise_rep(t) ? 4.0 : 2.8;
}

static double cruise_hr(double t) { return in_cruise_rep(t) ? 166 : 142; }

static void check_cruise(int reps, int rep, int rec, double known, co_run_type want)
{
	co_activity a;
	co_run_markers m;

	g_reps = reps, g_rep = rep, g_rec = rec;
	make_run(&a, cruise_secs(), cruise_speed, cruise_hr);
	co_run_analyse(&m, &a, known);
	assert_int_equal(m.type, want);
	if (want == CO_RUN_THRESHOLD) {
		/* the pace held in the reps, not diluted by the jogs: 250 s/km */
		assert_true(fabs(m.threshold_pace - 250) < 5);
		assert_true(m.threshold_vdot > 40 && m.threshold_vdot < 60);
		assert_non_null(strstr(m.reason, "cruise"));
		assert_true(m.ef == 0);
	} else {
		assert_true(m.threshold_pace == 0);
	}
	co_activity_release(&a);
}

/* Regression (issue 10.9): reps over the 8-min interval bound and under the
 * 15-min tempo bound made a threshold session an easy run. */
static void cruise_intervals_are_threshold(void **state)
{
	check_cruise(4, 480, 90, 0, CO_RUN_THRESHOLD);
	check_cruise(3, 600, 120, 0, CO_RUN_THRESHOLD);
	check_cruise(6, 300, 60, 0, CO_RUN_THRESHOLD);
	check_cruise(4, 480, 90, 250, CO_RUN_THRESHOLD);
	/* 5 min reps with 3 min recoveries are VO2max work, not cruise intervals */
	check_cruise(5, 300, 180, 0, CO_RUN_INTERVALS);
	/* reps far faster than the runner's known threshold (4:40/km) are intervals */
	check_cruise(4, 480, 90, 280, CO_RUN_INTERVALS);
	/* two reps are not a session of cruise intervals */
	check_cruise(2, 480, 90, 0, CO_RUN_EASY);
}

/* A fartlek: surges of 45 s to 3 min at uneven speeds, uneven recoveries. */
static double fartlek_speed(double t)
{
	static const double on[][3] = {
		{600, 660, 4.3}, {800, 980, 3.9}, {1100, 1190, 4.4}, {1400, 1520, 4.1},
		{1700, 1745, 4.6}, {1900, 2050, 3.8}, {2200, 2290, 4.2},
	};
	for (size_t i = 0; i < sizeof(on) / sizeof(on[0]); i++)
		if (t >= on[i][0] && t < on[i][1])
			return on[i][2];
	return 3.0;
}

static double fartlek_hr(double t) { return fartlek_speed(t) > 3.0 ? 165 : 140; }

static void not_cruise_intervals(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 2700, easy_speed, easy_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_EASY);
	assert_true(m.threshold_pace == 0);
	co_activity_release(&a);

	make_run(&a, 3600, hilly_speed, easy_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_EASY);
	assert_true(m.threshold_pace == 0);
	co_activity_release(&a);

	make_run(&a, 3000, fartlek_speed, fartlek_hr);
	co_run_analyse(&m, &a, 0);
	assert_int_not_equal(m.type, CO_RUN_THRESHOLD);
	assert_true(m.threshold_pace == 0);
	co_activity_release(&a);
}

static void other_sports_are_cross(void **state)
{
	co_activity a;
	co_run_markers m;

	make_run(&a, 1800, easy_speed, easy_hr);
	a.sport = CO_SPORT_CYCLING;
	co_run_analyse(&m, &a, 0);
	assert_int_equal(m.type, CO_RUN_CROSS);
	co_activity_release(&a);
}

static void ef_needs_ten_minutes(void **state)
{
	co_activity a;

	make_run(&a, 500, easy_speed, easy_hr);
	assert_true(co_efficiency_factor(&a, 0) == 0);
	co_activity_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vdot_check_value),
		cmocka_unit_test(vdot_out_of_range),
		cmocka_unit_test(riegel_marathon_from_half),
		cmocka_unit_test(guesses_intervals),
		cmocka_unit_test(guesses_tempo_and_threshold),
		cmocka_unit_test(guesses_long_and_easy_with_markers),
		cmocka_unit_test(terrain_is_not_intervals),
		cmocka_unit_test(cruise_intervals_are_threshold),
		cmocka_unit_test(not_cruise_intervals),
		cmocka_unit_test(other_sports_are_cross),
		cmocka_unit_test(ef_needs_ten_minutes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
