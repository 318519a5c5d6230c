/*
 * The RPE chart, e1RM and plate rounding (SCIENCE.md, "Effort and load
 * estimation"): the published cells of Tuchscherer's chart, clamping,
 * the e1RM round trip, the rep formulas and rounding to the plate step.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/session.h"

#define NEAR(a, b, eps) assert_true(fabs((a) - (b)) < (eps))

/* SCIENCE.md's row, %1RM for n = 1, 1.5, 2, ..., 16 (n = reps + 10 - RPE). */
static const double published[] = {
	100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7,
	82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4,
	68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6, 57.2,
};

static void chart_matches_published_row(void **state)
{
	/* Each n reached as a whole set at RPE 10, or one rep fewer at RPE 9.5, ... */
	for (size_t i = 0; i < sizeof(published) / sizeof(published[0]); i++) {
		double n = 1.0 + 0.5 * (double)i;
		int reps = (int)floor(n);
		double rpe = 10.0 - (n - (double)reps); /* whole n: RPE 10; half: 9.5 */

		if (reps > 12) { /* also reach high n from the bottom of the RPE scale */
			reps -= 4;
			rpe -= 4;
		}
		NEAR(co_rpe_percent(reps, rpe) * 100.0, published[i], 1e-9);
	}
}

static void chart_well_known_cells(void **state)
{
	NEAR(co_rpe_percent(1, 10), 1.000, 1e-9);  /* a true single */
	NEAR(co_rpe_percent(1, 8), 0.922, 1e-9);   /* n = 3 */
	NEAR(co_rpe_percent(3, 8), 0.863, 1e-9);   /* n = 5 */
	NEAR(co_rpe_percent(5, 8), 0.811, 1e-9);   /* n = 7: 5 @ 8 is 81.1% */
	NEAR(co_rpe_percent(4, 8.5), 0.850, 1e-9); /* n = 5.5 */
	NEAR(co_rpe_percent(8, 7), 0.707, 1e-9);   /* n = 11 */
	NEAR(co_rpe_percent(10, 6), 0.626, 1e-9);  /* n = 14 */
}

static void chart_depends_only_on_n(void **state)
{
	/* 3 @ 9 = 4 @ 10 = 2 @ 8 (n = 4). */
	NEAR(co_rpe_percent(3, 9), co_rpe_percent(4, 10), 1e-12);
	NEAR(co_rpe_percent(2, 8), co_rpe_percent(4, 10), 1e-12);
	NEAR(co_rpe_percent(6, 7.5), co_rpe_percent(7, 8.5), 1e-12);
}

static void chart_clamps_n(void **state)
{
	/* n below 1 (RPE above 10) is a max; above 16 stays at the last cell. */
	NEAR(co_rpe_percent(1, 10.5), 1.0, 1e-12);
	NEAR(co_rpe_percent(0, 10), 1.0, 1e-12);
	NEAR(co_rpe_percent(-3, 7), co_rpe_percent(1, 7), 1e-12);
	NEAR(co_rpe_percent(20, 6), 0.572, 1e-12);
	NEAR(co_rpe_percent(100, 1), 0.572, 1e-12);
}

static void chart_interpolates_and_is_monotone(void **state)
{
	double prev = 2.0;

	/* RPE 7.25 on 5 reps lies between 7 and 7.5. */
	NEAR(co_rpe_percent(5, 7.25), (co_rpe_percent(5, 7) + co_rpe_percent(5, 7.5)) / 2, 1e-9);
	/* More reps at the same RPE, or a lower RPE at the same reps: lighter. */
	for (double rpe = 10; rpe >= 5; rpe -= 0.25) {
		double last = 2.0;

		for (int reps = 1; reps <= 16; reps++) {
			double p = co_rpe_percent(reps, rpe);

			assert_true(p >= 0.572 - 1e-12 && p <= 1.0);
			assert_true(p <= last + 1e-12);
			last = p;
		}
	}
	for (double rpe = 10; rpe >= 1; rpe -= 0.1) {
		double p = co_rpe_percent(1, rpe);

		assert_true(p <= prev + 1e-12);
		prev = p;
	}
}

static void e1rm_round_trip(void **state)
{
	const int reps[] = {1, 3, 5, 8, 10};
	const double rpes[] = {6, 7, 7.5, 8, 8.5, 9, 10};

	for (size_t i = 0; i < sizeof(reps) / sizeof(reps[0]); i++) {
		for (size_t j = 0; j < sizeof(rpes) / sizeof(rpes[0]); j++) {
			double e = 120.0;
			double load = e * co_rpe_percent(reps[i], rpes[j]);

			NEAR(co_e1rm(load, reps[i], rpes[j]), e, 1e-9);
		}
	}
	/* 100 kg for 5 @ 8 (81.1%) is an e1RM of about 123.3 kg. */
	NEAR(co_e1rm(100, 5, 8), 100 / 0.811, 1e-9);
}

static void e1rm_rep_formulas_without_rpe(void **state)
{
	NEAR(co_e1rm(100, 1, 0), 100, 1e-9);                  /* a single is its own 1RM */
	NEAR(co_e1rm(100, 5, 0), 100 * (1 + 5 / 30.0), 1e-9);  /* Epley */
	NEAR(co_e1rm(100, 10, 0), 100 * (1 + 10 / 30.0), 1e-9); /* Epley up to 10 */
	NEAR(co_e1rm(100, 12, 0), 36 * 100 / 25.0, 1e-9);     /* Brzycki above */
	assert_true(isfinite(co_e1rm(100, 60, 0)));            /* no division by ~0 */
	assert_true(co_e1rm(0, 5, 8) == 0);
	assert_true(co_e1rm(-10, 5, 8) == 0);
}

/* The label a load earns: the chart read backwards, to the half point. */
static void implied_rpe_reads_the_chart_back(void **state)
{
	(void)state;
	for (double r = 5.0; r <= 10.0; r += 0.5)
		assert_true(fabs(co_rpe_implied(120, 5, 120 * co_rpe_percent(5, r)) - r) < 1e-9);
	/* 82.5 kg x 4 for an e1RM of 108: RPE 5; 87.5 kg: RPE 7 (the marathon's taper) */
	assert_true(fabs(co_rpe_implied(108, 4, 82.5) - 5.0) < 1e-9);
	assert_true(co_rpe_implied(108, 4, 87.5) >= 6.5 && co_rpe_implied(108, 4, 87.5) <= 7.5);
	/* heavier than the chart's top: 10 */
	assert_true(fabs(co_rpe_implied(100, 5, 120) - 10.0) < 1e-9);
}

static void rounding_to_the_step(void **state)
{
	NEAR(co_round_load(82.4, 2.5), 82.5, 1e-9);
	NEAR(co_round_load(81.2, 2.5), 80.0, 1e-9);
	NEAR(co_round_load(81.25, 2.5), 82.5, 1e-9); /* halves go up */
	NEAR(co_round_load(13.1, 2), 14.0, 1e-9);
	NEAR(co_round_load(187, 5), 185.0, 1e-9);    /* lb plates */
	NEAR(co_round_load(1.0, 2.5), 2.5, 1e-9);    /* never below one step */
	NEAR(co_round_load(0, 2.5), 2.5, 1e-9);
	NEAR(co_round_load(61.3, 0), 61.3, 1e-9);    /* no step: unchanged */
	/* Every result is a whole number of steps. */
	for (double l = 3; l < 300; l += 0.7) {
		double r = co_round_load(l, 2.5);

		NEAR(fmod(r, 2.5), 0, 1e-9);
		assert_true(fabs(r - l) <= 1.25 + 1e-9);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chart_matches_published_row),
		cmocka_unit_test(implied_rpe_reads_the_chart_back),
		cmocka_unit_test(chart_well_known_cells),
		cmocka_unit_test(chart_depends_only_on_n),
		cmocka_unit_test(chart_clamps_n),
		cmocka_unit_test(chart_interpolates_and_is_monotone),
		cmocka_unit_test(e1rm_round_trip),
		cmocka_unit_test(e1rm_rep_formulas_without_rpe),
		cmocka_unit_test(rounding_to_the_step),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
