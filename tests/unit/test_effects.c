/*
 * The analysis (carryover/analyze.h, src/lib/effects.c, src/lib/stats.c)
 * on synthetic histories with known effects, seeded and deterministic
 * (issue 11, Tests): runs after session B made 1.0 RPE harder are found
 * harder, with 1.0 inside the interval and 0 outside; with no effect the
 * interval holds 0; with too few runs there is no estimate. Also the
 * statistics themselves against published values, the trends, e1RM,
 * asymmetry and the load figures.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/carryover.h"
#include "lib/rpe.h"
#include "lib/stats.h"
#include "util/strbuf.h"

static const co_date START = 20458; /* Monday 2026-01-05 */

/* --- a seeded generator: 64-bit LCG and Box-Muller ------------------------------ */

static uint64_t seed;

static double uniform(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((double)(seed >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(double sd)
{
	return sd * sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform());
}

/* --- a synthetic athlete ------------------------------------------------------------ */

typedef struct world {
	co_history h;
	co_plan plan;
	co_week *weeks;
	co_session *sessions;
} world;

/*
 * `weeks` weeks from START: session A on Monday, B on Thursday (in the
 * plan; the logged session names its uid on even weeks, so the focus comes
 * by uid and by date), a run every day but Monday: easy, with a long run on
 * Sunday and a tempo on Wednesday. Runs on Friday and Saturday follow B,
 * on Tuesday and Wednesday follow A; Sunday and Thursday follow nothing.
 * RPE and heart rate get `rpe_b` and `hr_b` more after B.
 */
static void world_build(world *w, int weeks, double rpe_b, double hr_b, uint64_t s)
{
	memset(w, 0, sizeof(*w));
	seed = s;
	co_history_init(&w->h);
	w->weeks = calloc((size_t)weeks, sizeof(*w->weeks));
	w->sessions = calloc((size_t)weeks * 2, sizeof(*w->sessions));
	w->plan.start = START;
	w->plan.weeks = w->weeks;
	w->plan.n_weeks = (size_t)weeks;
	for (int k = 0; k < weeks; k++) {
		co_date mon = START + 7 * k;
		co_week *wk = &w->weeks[k];

		wk->index = k + 1;
		wk->start = mon;
		wk->phase = k < weeks / 2 ? CO_PHASE_BASE : CO_PHASE_BUILD;
		wk->sessions = &w->sessions[2 * k];
		wk->n_sessions = 2;
		for (int j = 0; j < 2; j++) {
			co_session *ss = &wk->sessions[j];
			co_logged_session ls = {0};

			ss->date = mon + (j ? 3 : 0);
			ss->focus = j ? CO_FOCUS_STABILITY : CO_FOCUS_POSTERIOR_CHAIN;
			snprintf(ss->uid, sizeof(ss->uid), "uid-%d-%d", k, j);
			ls.date = ss->date;
			ls.uid = k % 2 ? NULL : ss->uid;
			ls.minutes = 45;
			ls.rpe = 6;
			co_history_add_session(&w->h, &ls);
		}
		for (int d = 1; d < 7; d++) {
			co_logged_run r = {.date = mon + d, .type = CO_RUN_EASY, .minutes = 45};
			bool after_b = d == 4 || d == 5;
			double base = 4, speed;

			if (d == 6) {
				r.type = CO_RUN_LONG;
				r.minutes = 100;
				base = 5;
			} else if (d == 2) {
				r.type = CO_RUN_TEMPO;
				base = 7;
			}
			speed = (r.type == CO_RUN_TEMPO ? 3.6 : 2.9) + normal(0.15);
			r.distance_km = speed * r.minutes * 60 / 1000;
			r.rpe = (int)lround(base + normal(0.7) + (after_b ? rpe_b : 0));
			r.rpe = r.rpe < 1 ? 1 : r.rpe > 10 ? 10 : r.rpe;
			/* heart rate follows the pace as it rounds: the measured speed */
			speed = r.distance_km * 1000 / (r.minutes * 60.0);
			r.avg_hr = (int)lround(90 + 15 * speed + normal(3) + (after_b ? hr_b : 0));
			co_history_add_run(&w->h, &r);
		}
	}
}

static void world_release(world *w)
{
	co_history_release(&w->h);
	free(w->weeks);
	free(w->sessions);
}

static void analyse(co_analysis *a, world *w, bool with_plan)
{
	co_load_series s;
	co_date today = START + 7 * (co_date)w->plan.n_weeks - 1;
	co_analysis_input in = {.history = &w->h, .plan = with_plan ? &w->plan : NULL,
				.series = &s, .today = today};

	co_load_compute(&s, &w->h, today, NULL);
	co_analysis_compute(a, &in);
	co_load_series_release(&s);
}

static const co_finding *find(const co_analysis *a, const char *id)
{
	const co_finding *f = co_analysis_find(a, id);

	if (!f)
		fail_msg("no finding '%s'", id);
	return f;
}

/* --- the statistics ----------------------------------------------------------------- */

static void t_quantiles(void **state)
{
	(void)state;
	/* Student's t, 0.975: the tables' values */
	assert_true(fabs(co_stats_t_quantile(0.975, 1) - 12.7062047) < 1e-6);
	assert_true(fabs(co_stats_t_quantile(0.975, 2) - 4.30265273) < 1e-6);
	assert_true(fabs(co_stats_t_quantile(0.975, 10) - 2.22813885) < 1e-6);
	assert_true(fabs(co_stats_t_quantile(0.975, 30) - 2.04227246) < 1e-6);
	assert_true(fabs(co_stats_t_quantile(0.975, 7.5) - 2.33) < 0.01);
	assert_true(fabs(co_stats_t_quantile(0.975, 1e9) - 1.95996398) < 1e-6);
	assert_true(fabs(co_stats_t_quantile(0.025, 10) + 2.22813885) < 1e-6);
	assert_true(fabs(co_stats_t_cdf(2.22813885, 10) - 0.975) < 1e-8);
}

static void welch_by_hand(void **state)
{
	/* a: 5 values mean 6 var 2.5; b: 8 values mean 4 var 1 */
	co_stats_group a = {5, 6, 2.5}, b = {8, 4, 1};
	co_stats_diff d;
	double va = 2.5 / 5, vb = 1.0 / 8, df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 7);

	(void)state;
	assert_true(co_stats_welch(&d, &a, &b));
	assert_true(fabs(d.estimate - 2) < 1e-12);
	assert_true(fabs(d.se - sqrt(va + vb)) < 1e-12);
	assert_true(fabs(d.df - df) < 1e-9);
	assert_true(fabs(d.hi - (2 + co_stats_t_quantile(0.975, df) * sqrt(va + vb))) < 1e-9);
	b.n = 1;
	assert_false(co_stats_welch(&d, &a, &b));
	/* pooling one stratum is that stratum */
	b.n = 8;
	co_stats_welch(&d, &a, &b);
	co_stats_diff p;

	assert_true(co_stats_pool(&p, &d, 1));
	assert_true(fabs(p.estimate - d.estimate) < 1e-12 && fabs(p.lo - d.lo) < 1e-9);
}

static void theil_sen_robust(void **state)
{
	double x[20], y[20], s, lo, hi;

	(void)state;
	for (int i = 0; i < 20; i++) {
		x[i] = i;
		y[i] = 2 * i + 1;
	}
	assert_true(co_stats_theil_sen(&s, &lo, &hi, x, y, 20));
	assert_true(s == 2 && lo == 2 && hi == 2);
	y[7] = 500; /* one bad day does not make a trend */
	assert_true(co_stats_theil_sen(&s, &lo, &hi, x, y, 20));
	assert_true(fabs(s - 2) < 1e-9 && lo <= 2 && hi >= 2 && hi < 3);
	assert_false(co_stats_theil_sen(&s, &lo, &hi, x, y, 2));
}

/* --- the lift effect ------------------------------------------------------------------ */

static void effect_after_b_found(void **state)
{
	world w;
	co_analysis a;

	(void)state;
	world_build(&w, 104, 1.0, 4.0, 42);
	analyse(&a, &w, true);
	const co_finding *b = find(&a, "lift_effect.B.rpe"), *hb = find(&a, "lift_effect.B.hr");
	const co_finding *fa = find(&a, "lift_effect.A.rpe");

	print_message("B rpe %+.3f [%+.3f, %+.3f] n %zu/%zu\n", b->estimate, b->ci_low,
		      b->ci_high, b->n, b->n_ref);
	assert_true(b->has_estimate && b->has_ci);
	assert_true(b->ci_low < 1.0 && b->ci_high > 1.0);
	assert_true(b->ci_low > 0);
	assert_int_equal(b->n, 208);   /* Friday and Saturday of 104 weeks */
	/* Thursday's easy runs: Sunday's long runs follow nothing either, but no
	 * long run follows B, so that stratum has no comparison to pool */
	assert_int_equal(b->n_ref, 104);
	assert_string_equal(b->unit, "rpe");
	print_message("B hr %+.3f [%+.3f, %+.3f]\n", hb->estimate, hb->ci_low, hb->ci_high);
	assert_true(hb->has_estimate && hb->ci_low < 4 && hb->ci_high > 4 && hb->ci_low > 0);
	/* session A did nothing: its interval holds 0 */
	print_message("A rpe %+.3f [%+.3f, %+.3f]\n", fa->estimate, fa->ci_low, fa->ci_high);
	assert_true(fa->has_estimate && fa->ci_low < 0 && fa->ci_high > 0);
	/* by run type: easy runs after B, against easy runs after nothing */
	const co_finding *be = find(&a, "lift_effect.B.rpe.easy");

	assert_true(be->has_estimate && be->ci_low < 1 && be->ci_high > 1);
	assert_int_equal(be->n, 208);
	assert_int_equal(be->n_ref, 104);
	const co_finding *bl = find(&a, "lift_effect.B.rpe.long");

	assert_false(bl->has_estimate);
	assert_int_equal(bl->n, 0);
	assert_int_equal(bl->n_ref, 104);
	/* tempo runs never follow B (Wednesday) and have no reference: none */
	assert_null(co_analysis_find(&a, "lift_effect.B.rpe.intervals"));
	co_analysis_release(&a);
	world_release(&w);
}

static void no_effect_holds_zero(void **state)
{
	world w;
	co_analysis a;

	(void)state;
	world_build(&w, 104, 0, 0, 7);
	analyse(&a, &w, true);
	const char *ids[] = {"lift_effect.any.rpe", "lift_effect.A.rpe", "lift_effect.B.rpe",
			     "lift_effect.any.hr", "lift_effect.A.hr", "lift_effect.B.hr"};

	for (size_t i = 0; i < 6; i++) {
		const co_finding *f = find(&a, ids[i]);

		print_message("%s %+.3f [%+.3f, %+.3f]\n", ids[i], f->estimate, f->ci_low, f->ci_high);
		assert_true(f->has_estimate && f->ci_low < 0 && f->ci_high > 0);
	}
	co_analysis_release(&a);
	world_release(&w);
}

static void too_few_says_so(void **state)
{
	world w;
	co_analysis a;

	(void)state;
	world_build(&w, 2, 1.0, 0, 3); /* 4 runs after B */
	analyse(&a, &w, true);
	const co_finding *b = find(&a, "lift_effect.B.rpe");

	assert_false(b->has_estimate);
	assert_false(b->has_ci);
	assert_int_equal(b->n, 4);
	assert_int_equal(b->n_ref, 4);
	assert_true(find(&a, "lift_effect.any.rpe")->has_estimate == false);
	co_analysis_release(&a);
	world_release(&w);

	/* an empty history: every pooled effect without estimate, load figures none */
	co_history h;
	co_analysis_input in = {.history = &h, .today = START};

	co_history_init(&h);
	co_analysis_compute(&a, &in);
	assert_false(find(&a, "lift_effect.any.rpe")->has_estimate);
	assert_false(find(&a, "threshold_pace.trend")->has_estimate);
	assert_false(find(&a, "load.ctl")->has_estimate);
	assert_int_equal(a.n_weeks, 0);
	co_analysis_release(&a);
}

static void deterministic_and_planless(void **state)
{
	world w;
	co_analysis a, b;

	(void)state;
	world_build(&w, 30, 1.0, 0, 11);
	analyse(&a, &w, true);
	analyse(&b, &w, true);
	assert_int_equal(a.n_findings, b.n_findings);
	for (size_t i = 0; i < a.n_findings; i++) {
		assert_string_equal(a.findings[i].id, b.findings[i].id);
		assert_memory_equal(&a.findings[i].estimate, &b.findings[i].estimate, sizeof(double));
	}
	co_analysis_release(&b);
	/* without a plan the focus is unknown: "any" still sees every session */
	analyse(&b, &w, false);
	assert_int_equal(find(&b, "lift_effect.B.rpe")->n, 0);
	assert_int_equal(find(&b, "lift_effect.any.rpe")->n, find(&a, "lift_effect.any.rpe")->n);
	co_analysis_release(&a);
	co_analysis_release(&b);
	world_release(&w);
}

/* --- trends, e1RM, asymmetry, load ------------------------------------------------------ */

static void trends_and_lifts(void **state)
{
	world w;
	co_analysis a;

	(void)state;
	world_build(&w, 30, 0, 0, 5);
	seed = 2027;
	for (int k = 0; k < 30; k++) {
		co_test_result t = {.date = START + 7 * k + 2, .kind = CO_TEST_THRESHOLD_RUN,
				    .value = 270 - k + normal(0.5)};
		co_logged_set s = {.date = START + 7 * k, .exercise = "rdl", .reps = 5,
				   .load = 80 + k, .rpe = 8};
		co_logged_set low = {.date = START + 7 * k, .exercise = "romanian_deadlift", .reps = 5,
				     .load = 150, .rpe = 6}; /* below RPE 7: no e1RM */
		co_logged_set plank = {.date = START + 7 * k, .exercise = "side_plank", .seconds = 30,
				       .load = 10, .rpe = 8};

		co_history_add_test(&w.h, &t);
		co_history_add_set(&w.h, &s);
		co_history_add_set(&w.h, &low);
		co_history_add_set(&w.h, &plank);
	}
	co_test_result l = {.date = START + 100, .kind = CO_TEST_CALF_RAISE, .value = 20, .side = 1};
	co_test_result r = {.date = START + 100, .kind = CO_TEST_CALF_RAISE, .value = 25, .side = 2};
	co_test_result sl = {.date = START + 90, .kind = CO_TEST_SINGLE_LEG_SQUAT, .value = 40, .side = 1};
	co_test_result sr = {.date = START + 92, .kind = CO_TEST_SINGLE_LEG_SQUAT, .value = 42, .side = 2};

	co_history_add_test(&w.h, &l);
	co_history_add_test(&w.h, &r);
	co_history_add_test(&w.h, &sl);
	co_history_add_test(&w.h, &sr);
	analyse(&a, &w, true);

	const co_finding *tp = find(&a, "threshold_pace.trend"), *lt = find(&a, "threshold_pace");

	/* 1 s/km faster a week: -4 s/km per 4 weeks */
	print_message("threshold %d %+.3f [%+.3f, %+.3f] n %zu\n", tp->has_estimate, tp->estimate,
		      tp->ci_low, tp->ci_high, tp->n);
	assert_true(tp->has_estimate && tp->ci_low < -4 && tp->ci_high > -4 && tp->ci_high < 0);
	assert_int_equal(tp->n, 30);
	assert_int_equal(lt->n, 30);
	assert_int_equal(lt->date, START + 7 * 29 + 2);
	assert_int_equal(a.n_weeks, 30);
	assert_int_equal(a.weeks[0].phase, CO_PHASE_BASE);
	assert_int_equal(a.weeks[29].phase, CO_PHASE_BUILD);
	/* EF from pace and heart rate of the easy runs: a trend with no slope to speak of */
	assert_true(find(&a, "ef.trend")->has_estimate);
	assert_false(find(&a, "decoupling.trend")->has_estimate); /* no recordings */

	assert_int_equal(a.n_lifts, 1); /* side plank is no main lift */
	assert_string_equal(a.lifts[0].exercise, "romanian_deadlift");
	const co_finding *e = find(&a, "e1rm.romanian_deadlift"),
			 *et = find(&a, "e1rm.romanian_deadlift.trend");

	assert_true(fabs(e->estimate - co_e1rm(109, 5, 8)) < 1e-9);
	assert_int_equal(e->n, 30);
	/* +1 kg a week on the bar: about +4 kg per 4 weeks of e1RM, slope / pct(5 @ 8) */
	assert_true(et->ci_low <= 4 / co_rpe_percent(5, 8) + 1e-9 &&
		    et->ci_high >= 4 / co_rpe_percent(5, 8) - 1e-9);

	const co_finding *ca = find(&a, "asymmetry.calf_raise"), *sq = find(&a, "asymmetry.single_leg_squat");

	assert_true(fabs(ca->estimate - 20) < 1e-9 && ca->flagged && ca->weaker == 1);
	assert_true(fabs(sq->estimate - 200.0 / 42) < 1e-9 && !sq->flagged && sq->weaker == 2);

	const co_finding *rw = find(&a, "load.run_week");

	assert_true(rw->has_estimate && rw->n == 6);
	assert_int_equal(find(&a, "load.lift_week")->n, 2);
	co_analysis_release(&a);
	world_release(&w);
}

/* --- bounds: a hostile log costs a sweep, not runs x sessions --------------------------- */

static void bounded_sweep(void **state)
{
	co_history h;
	co_analysis a;
	const size_t n = 20000;
	co_analysis_input in = {.history = &h, .today = START + 200};

	(void)state;
	co_history_init(&h);
	for (size_t i = 0; i < n; i++) { /* 20,000 sessions on 200 days, 20,000 runs among them */
		co_logged_session ls = {.date = START + (co_date)(i % 200), .minutes = 30, .rpe = 6};
		co_logged_run r = {.date = START + (co_date)(i % 200), .type = CO_RUN_EASY,
				   .minutes = 40, .distance_km = 8, .rpe = 4, .avg_hr = 140};

		co_history_add_session(&h, &ls);
		co_history_add_run(&h, &r);
	}
	co_analysis_compute(&a, &in);
	/* each run looks at most at the 2 (merged) lifting days before it; the
	 * three trends fit at most 52 weekly points each */
	print_message("work %zu for %zu runs and %zu sessions\n", a.work, n, n);
	assert_true(a.work <= 3 * n + 3 * (52 * 51 / 2));
	assert_int_equal(a.n_lifting_days, 200);
	co_analysis_release(&a);
	co_history_release(&h);
}

/* --- the words (src/report/analyze.c) ----------------------------------------------------- */

static void words_say_it(void **state)
{
	world w;
	co_analysis a;

	(void)state;
	world_build(&w, 104, 1.0, 4.0, 42);
	analyse(&a, &w, true);
	co_report_analysis_words(&a, CO_DIST_KM);
	assert_string_equal(find(&a, "lift_effect.B.rpe")->text,
			    "Runs in the 2 days after session B (stability) felt harder: +1.0 RPE "
			    "(95% CI +0.8 to +1.2, 208 runs against 104).");
	assert_string_equal(find(&a, "lift_effect.A.rpe")->text,
			    "Runs in the 2 days after session A (posterior chain) felt no different, "
			    "as far as the data can tell: +0.0 RPE (95% CI -0.2 to +0.2, 104 runs "
			    "against 104).");
	co_analysis_release(&a);
	world_release(&w);

	world_build(&w, 2, 1.0, 0, 3);
	analyse(&a, &w, true);
	co_report_analysis_words(&a, CO_DIST_KM);
	assert_string_equal(find(&a, "lift_effect.B.rpe")->text,
			    "Runs in the 2 days after session B (stability): too few runs to say "
			    "(4 runs against 4; 5 on each side needed).");
	co_analysis_release(&a);
	world_release(&w);
}

/* Lifting Tuesday and Thursday, easy runs on Wednesday and Friday (always
 * after a session), long runs on Sunday (never): enough runs on each side
 * in all, none of one type on both, and the words say that is why. */
static void one_type_per_side_says_why(void **state)
{
	co_history h;
	co_analysis a;
	co_analysis_input in = {.history = &h, .today = START + 7 * 10};

	(void)state;
	co_history_init(&h);
	for (co_date wk = START; wk < START + 70; wk += 7) {
		co_history_add_session(&h, &(co_logged_session){.date = wk + 1, .minutes = 40, .rpe = 6});
		co_history_add_session(&h, &(co_logged_session){.date = wk + 3, .minutes = 40, .rpe = 6});
		co_history_add_run(&h, &(co_logged_run){.date = wk + 2, .type = CO_RUN_EASY, .minutes = 40, .rpe = 4});
		co_history_add_run(&h, &(co_logged_run){.date = wk + 4, .type = CO_RUN_EASY, .minutes = 40, .rpe = 4});
		co_history_add_run(&h, &(co_logged_run){.date = wk + 6, .type = CO_RUN_LONG, .minutes = 100, .rpe = 5});
	}
	co_analysis_compute(&a, &in);
	co_report_analysis_words(&a, CO_DIST_KM);
	const co_finding *f = find(&a, "lift_effect.any.rpe");

	assert_false(f->has_estimate);
	assert_int_equal(f->n, 20);
	assert_int_equal(f->n_ref, 10);
	assert_int_equal(f->n_paired, 0);
	assert_string_equal(f->text,
			    "Runs in the 2 days after a lifting session: too few runs to say: a run is "
			    "compared only with runs of its own type, and the types found on both sides "
			    "hold 0 runs against 0 (of 20 against 10 in all; 5 on each side needed).");
	co_analysis_release(&a);
	co_history_release(&h);
}

/* A week without a value is a gap in the sparkline, and does not stretch the scale. */
static void spark_gaps(void **state)
{
	double v[] = {1, NAN, 2, 3, NAN, 8};
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_report_spark(&sb, v, 6, false);
	assert_string_equal(sb.buf, "_ .: #"); /* 1..8 over 8 levels; gaps left out */
	co_strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_quantiles),
		cmocka_unit_test(welch_by_hand),
		cmocka_unit_test(theil_sen_robust),
		cmocka_unit_test(effect_after_b_found),
		cmocka_unit_test(no_effect_holds_zero),
		cmocka_unit_test(too_few_says_so),
		cmocka_unit_test(deterministic_and_planless),
		cmocka_unit_test(trends_and_lifts),
		cmocka_unit_test(bounded_sweep),
		cmocka_unit_test(words_say_it),
		cmocka_unit_test(one_type_per_side_says_why),
		cmocka_unit_test(spark_gaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
