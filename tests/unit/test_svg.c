/*
 * The SVG chart kit (src/report/svg.c) and the HTML report drawn with it
 * (src/report/charts.c, html.c).
 *
 * What a reader would notice: axis ticks at round values that cover the
 * data (never a tick label like 0.30000000000000004, never a range that
 * cuts a point off), paces labelled as clock times at whole steps, values
 * landing where they belong (the lowest at the bottom, a pace's fastest at
 * the top), user text that cannot break the markup (a name with <script>
 * or quotes stays text), a page for a new athlete that is whole and says
 * what is missing in each chart, and effects drawn with their intervals or
 * "too few runs". The charts of what happened draw the analysis' numbers
 * (carryover/analyze.h): an effect found in a synthetic history shows with
 * the figures `carryover analyze` words, too little data as "too few runs
 * to say". And the page holds no URL, so it opens offline.
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

#include "carryover/analyze.h"
#include "carryover/carryover.h"
#include "carryover/history.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "util/strbuf.h"
#include "testutil.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* ---- ticks -------------------------------------------------------------- */

static void ticks_are_round_and_cover(void **state)
{
	static const double cases[][3] = {
		{0, 1873, 6}, {3.2, 9.7, 5}, {-143.5, 61.2, 7}, {0.0012, 0.0047, 5},
		{1e6, 1.0004e6, 5}, {-5, -1, 4}, {42, 42, 5}, {0, 0, 5}, {99.5, 100.5, 3},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		co_svg_ticks t;
		double lo = cases[i][0], hi = cases[i][1], mant;
		int max = (int)cases[i][2];

		co_svg_ticks_nice(&t, lo, hi, max);
		assert_true(t.lo <= lo + 1e-12);
		assert_true(t.hi >= hi - 1e-12);
		assert_true(t.n >= 2 && t.n <= max);
		assert_true(fabs(t.lo + (t.n - 1) * t.step - t.hi) < t.step * 1e-6);
		/* the step is 1, 2, 2.5 or 5 times a power of ten */
		mant = t.step / pow(10, floor(log10(t.step)));
		assert_true(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 ||
			    fabs(mant - 2.5) < 1e-9 || fabs(mant - 5) < 1e-9);
		/* ticks are multiples of the step */
		assert_true(fabs(t.lo / t.step - floor(t.lo / t.step + 0.5)) < 1e-6);
	}
	co_svg_ticks t;

	co_svg_ticks_nice(&t, 0, 1873, 6);
	assert_true(t.lo == 0 && t.hi == 2000 && t.step == 500 && t.n == 5);
	co_svg_ticks_nice(&t, 9.7, 3.2, 5); /* swapped */
	assert_true(t.lo <= 3.2 && t.hi >= 9.7);
	co_svg_ticks_nice(&t, NAN, 5, 5);
	assert_true(t.lo == 0 && t.hi == 1);
	co_svg_ticks_nice(&t, 0, INFINITY, 5);
	assert_true(t.lo == 0 && t.hi == 1);
}

static void date_ticks(void **state)
{
	co_date out[16];
	bool monthly;
	size_t n;
	int y, m, d;

	(void)state;
	/* three years: at most 8 ticks, all firsts of months, yearly or half-yearly */
	n = co_svg_date_ticks(out, 8, &monthly, D(2024, 1, 10), D(2027, 1, 10));
	assert_true(monthly && n >= 3 && n <= 8);
	for (size_t i = 0; i < n; i++) {
		co_date_to_ymd(out[i], &y, &m, &d);
		assert_int_equal(d, 1);
		assert_true(out[i] >= D(2024, 1, 10) && out[i] <= D(2027, 1, 10));
		if (i)
			assert_true(out[i] > out[i - 1]);
	}
	/* five weeks: Mondays */
	n = co_svg_date_ticks(out, 8, &monthly, D(2027, 1, 6), D(2027, 2, 10));
	assert_false(monthly);
	assert_true(n >= 2 && n <= 8);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(co_date_weekday(out[i]), CO_MON);
	/* a day: nothing to tick is fine */
	n = co_svg_date_ticks(out, 8, &monthly, D(2027, 1, 6), D(2027, 1, 6));
	assert_true(n <= 1);
}

/* ---- scaling ----------------------------------------------------------------- */

static void values_land_where_they_belong(void **state)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_svg_chart c;

	(void)state;
	co_svg_begin(&c, &sb, 600, 300, "t");
	co_svg_range_x(&c, D(2027, 1, 1), D(2027, 1, 31), true);
	co_svg_range_y(&c, 0, 100, 6);
	/* the x range maps onto the plot area's edges, y upward */
	assert_true(fabs(co_svg_x(&c, D(2027, 1, 1)) - c.px0) < 1e-9);
	assert_true(fabs(co_svg_x(&c, D(2027, 1, 31)) - c.px1) < 1e-9);
	assert_true(fabs(co_svg_y(&c, 0) - c.py1) < 1e-9);
	assert_true(fabs(co_svg_y(&c, 100) - c.py0) < 1e-9);
	assert_true(co_svg_y(&c, 75) < co_svg_y(&c, 25));
	/* out of range values stay near the plot */
	assert_true(co_svg_y(&c, 1e9) >= c.py0 - (c.py1 - c.py0) * 0.1 - 1e-9);
	/* a pace: faster (fewer seconds) higher, ticks at whole clock steps */
	c.y_flip = true;
	c.y_format = CO_SVG_CLOCK;
	co_svg_range_y(&c, 262, 301, 6);
	assert_true(co_svg_y(&c, 262) < co_svg_y(&c, 301));
	assert_true(c.y_ticks.step == 10 || c.y_ticks.step == 15 || c.y_ticks.step == 30);
	co_svg_axis_y(&c, "pace (min/km)");
	assert_non_null(strstr(sb.buf, ">4:30<"));
	assert_null(strstr(sb.buf, ">4:25<"));
	co_svg_end(&c);
	assert_int_equal(count(sb.buf, "<svg"), 1);
	assert_int_equal(count(sb.buf, "</svg>"), 1);
	co_strbuf_release(&sb);
}

static void marks_have_titles(void **state)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_svg_chart c;
	double x[4] = {0, 1, NAN, 3}, y[4] = {1, 2, 3, 4};

	(void)state;
	co_svg_begin(&c, &sb, 400, 200, "Load");
	co_svg_range_x(&c, 0, 3, false);
	co_svg_range_y(&c, 0, 4, 5);
	co_svg_line(&c, x, y, 4, "run"); /* the gap splits it: one polyline of 2 points */
	assert_int_equal(count(sb.buf, "<polyline"), 1);
	co_svg_point(&c, 1, 2, "run", "week of 2027-01-04: 1200");
	assert_non_null(strstr(sb.buf, "<circle class=\"run\""));
	assert_non_null(strstr(sb.buf, "<title>week of 2027-01-04: 1200</title></circle>"));
	co_svg_rect(&c, 0, 1, 0, 2, "lift", "lifting 300");
	assert_non_null(strstr(sb.buf, "<title>lifting 300</title></rect>"));
	co_svg_interval(&c, -0.5, 0.4, 1.2, 1, "iv", "effect");
	assert_non_null(strstr(sb.buf, "<g class=\"iv\"><title>effect</title>"));
	co_svg_empty(&c, "nothing");
	assert_non_null(strstr(sb.buf, ">nothing</text>"));
	co_svg_end(&c);
	assert_non_null(strstr(sb.buf, "<title>Load</title>"));
	assert_null(strstr(sb.buf, "nan"));
	assert_null(strstr(sb.buf, "inf"));
	co_strbuf_release(&sb);
}

/* ---- escaping ---------------------------------------------------------------- */

static void user_text_is_escaped(void **state)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_svg_chart c;

	(void)state;
	co_report_escape(&sb, "<b>\"Al\" & 'Bo'</b>\x01\x1b\r\n\tok");
	assert_string_equal(sb.buf, "&lt;b&gt;&quot;Al&quot; &amp; &#39;Bo&#39;&lt;/b&gt; \n\tok");
	co_strbuf_reset(&sb);
	co_report_escape(&sb, NULL);
	assert_string_equal(sb.buf, "");
	co_report_escape(&sb, "Zoë — 5 km");
	assert_string_equal(sb.buf, "Zoë — 5 km");
	co_strbuf_reset(&sb);
	/* titles, texts and classes go through it */
	co_svg_begin(&c, &sb, 400, 200, "</title><script>x</script>");
	co_svg_point(&c, 0.5, 0.5, "a\"b", "<i>");
	co_svg_text(&c, 1, 1, "start", NULL, "a&b");
	co_svg_end(&c);
	assert_null(strstr(sb.buf, "<script>"));
	assert_null(strstr(sb.buf, "<i>"));
	assert_null(strstr(sb.buf, "a\"b"));
	assert_non_null(strstr(sb.buf, "a&amp;b"));
	co_strbuf_release(&sb);
}

/* ---- the page ---------------------------------------------------------------------- */

static const char profile_text[] =
	"[athlete]\nname = Ann <script>alert(1)</script> & \"Co\"\nlevel = intermediate\n"
	"units = kg\nbody_mass = 60\n"
	"equipment = barbell, dumbbells, kettlebell, bench, band, box\nstart = 2027-01-04\n"
	"[week]\nmon = rest\ntue = intervals 60\nwed = easy 45\nthu = tempo 50\n"
	"fri = rest\nsat = easy 40\nsun = long 120\n"
	"[race Spring <Marathon>]\ndate = 2027-04-25\ndistance = marathon\n";

static co_plan *plan(co_profile **prof)
{
	co_plan *p = NULL;

	assert_int_equal(co_profile_parse(prof, profile_text, strlen(profile_text), "p.ini",
					  D(2026, 12, 30)), 0);
	assert_int_equal(co_plan_build(&p, &(co_plan_input){.profile = *prof,
							     .catalog = co_catalog_default()}, NULL), 0);
	return p;
}

/* The checks every page passes: whole, no URL, user text escaped, one svg per chart. */
static void check_page(const char *html)
{
	assert_true(!strncmp(html, "<!DOCTYPE html>", 15));
	assert_non_null(strstr(html, "</html>\n"));
	assert_non_null(strstr(html, "<meta name=\"viewport\""));
	assert_non_null(strstr(html, "@media print"));
	assert_null(strstr(html, "http:"));
	assert_null(strstr(html, "https:"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_non_null(strstr(html, "Ann &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"));
	assert_non_null(strstr(html, "Spring &lt;Marathon&gt;"));
	assert_int_equal(count(html, "<svg"), 7);
	assert_int_equal(count(html, "</svg>"), 7);
	assert_int_equal(count(html, "<figure class=\"chart\""), 7);
	assert_null(strstr(html, "nan"));
	assert_null(strstr(html, "inf\""));
}

static void a_new_athlete_gets_a_whole_page(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = plan(&prof);
	co_history h;
	co_load_series s;
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_history_init(&h);
	co_load_compute(&s, &h, D(2027, 1, 6), NULL);
	co_report_data d = {.plan = p, .history = &h, .series = &s, .today = D(2027, 1, 6)};

	co_report_html(&sb, &d);
	check_page(sb.buf);
	/* every chart of what happened says what is missing */
	assert_non_null(strstr(sb.buf, "Nothing logged yet"));
	assert_non_null(strstr(sb.buf, "No loaded working sets"));
	assert_non_null(strstr(sb.buf, "No threshold test or threshold run"));
	assert_non_null(strstr(sb.buf, "No easy run with distance and heart rate"));
	assert_non_null(strstr(sb.buf, "No analysis yet"));
	/* the plan is there: phases, the race, the sessions of the next two weeks */
	assert_non_null(strstr(sb.buf, "ph-base"));
	assert_non_null(strstr(sb.buf, "class=\"rc\""));
	assert_non_null(strstr(sb.buf, "<table>"));
	assert_non_null(strstr(sb.buf, "Romanian deadlift"));
	/* the same data, the same bytes */
	co_strbuf again = CO_STRBUF_INIT;

	co_report_html(&again, &d);
	assert_string_equal(sb.buf, again.buf);
	/* without history or series at all */
	co_report_data bare = {.plan = p, .today = D(2027, 1, 6)};

	co_strbuf_reset(&again);
	co_report_html(&again, &bare);
	check_page(again.buf);
	co_strbuf_release(&again);
	co_strbuf_release(&sb);
	co_load_series_release(&s);
	co_plan_free(p);
	co_profile_free(prof);
}

static void a_logged_athlete_gets_every_chart(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = plan(&prof);
	co_history h;
	co_load_series s;
	co_strbuf sb = CO_STRBUF_INIT;
	co_date today = D(2027, 3, 1), first = today - 120;

	(void)state;
	co_history_init(&h);
	for (co_date d = first; d < today; d++) {
		int k = d - first;

		if (k % 7 == 1)
			co_history_add_run(&h, &(co_logged_run){.date = d, .type = CO_RUN_EASY,
								.minutes = 45, .distance_km = 8.5,
								.avg_hr = 140 - k / 20});
		if (k % 7 == 3)
			co_history_add_run(&h, &(co_logged_run){.date = d, .type = CO_RUN_THRESHOLD,
								.minutes = 40, .distance_km = 9 + k / 60.0,
								.rpe = 8});
		if (k % 7 == 2) {
			co_history_add_session(&h, &(co_logged_session){.date = d, .minutes = 45,
									.rpe = 7});
			co_history_add_set(&h, &(co_logged_set){.date = d,
								.exercise = "romanian_deadlift",
								.reps = 8, .load = 60 + k / 7,
								.rpe = 8});
			co_history_add_set(&h, &(co_logged_set){.date = d, .exercise = "goblet_squat",
								.reps = 10, .load = 20, .rpe = 6});
		}
		if (k % 30 == 5)
			co_history_add_test(&h, &(co_test_result){.date = d,
								   .kind = CO_TEST_THRESHOLD_RUN,
								   .value = 280 - k / 10.0});
	}
	/* something after today is not drawn */
	co_history_add_set(&h, &(co_logged_set){.date = today + 3, .exercise = "hip_thrust",
						.reps = 5, .load = 100, .rpe = 9});
	co_load_compute(&s, &h, today, NULL);
	co_analysis an;

	co_analysis_compute(&an, &(co_analysis_input){.history = &h, .plan = p, .series = &s,
						      .today = today, .units = CO_UNITS_KG});
	co_report_analysis_words(&an, CO_DIST_KM);
	const co_report_effect fx[] = {
		{"Runs the day after session B: RPE", true, 0.9, 0.4, 1.4, 14, 31, "RPE"},
		{"Easy runs after session A: heart rate at equal pace", true, -1.5, -4.0, 1.0, 9,
		 20, "bpm"},
		{"Tempo runs after <session> A", false, 0, 0, 0, 3, 12, "RPE"},
	};
	co_report_data d = {.plan = p, .history = &h, .series = &s, .analysis = &an,
			    .today = today, .effects = fx, .n_effects = 3,
			    .generator = "carryover test"};

	co_report_html(&sb, &d);
	check_page(sb.buf);
	assert_null(strstr(sb.buf, "Nothing logged yet"));
	assert_null(strstr(sb.buf, "No analysis yet"));
	/* load: stacked bars of both kinds, with titles */
	assert_true(count(sb.buf, "<rect class=\"run\"") >= 15);
	assert_true(count(sb.buf, "<rect class=\"lift\"") >= 15);
	/* e1RM: the RPE 8 sets of RDL, not the RPE 6 goblet squats, nor the future hip thrust */
	assert_non_null(strstr(sb.buf, "Romanian deadlift, 2027-"));
	assert_null(strstr(sb.buf, "Goblet squat, 2027-"));
	assert_null(strstr(sb.buf, "Hip thrust, 2027-"));
	/* the analysis' own points: its latest e1RM is the last point drawn */
	const co_finding *rdl = co_analysis_find(&an, "e1rm.romanian_deadlift");
	char want[160], a[11];

	assert_non_null(rdl);
	snprintf(want, sizeof(want), "Romanian deadlift, %s: e1RM %.1f kg</title>",
		 co_date_format(rdl->date, a), rdl->estimate);
	assert_non_null(strstr(sb.buf, want));
	/* threshold: tests and runs as points (a clock time), the weekly medians as the line */
	const char *thr = strstr(sb.buf, "<figure class=\"chart\" id=\"threshold\">");
	char *fig = strndup(thr, (size_t)(strstr(thr, "</figure>") - thr));

	assert_int_equal(count(fig, "<circle class=\"ts\""), an.n_threshold);
	assert_true(an.n_threshold >= 20); /* 17 threshold runs and 4 tests */
	free(fig);
	assert_non_null(strstr(sb.buf, "threshold pace 4:"));
	assert_non_null(strstr(sb.buf, "the line joins the weekly medians"));
	assert_non_null(strstr(sb.buf, "Threshold pace over the last"));
	/* efficiency of easy runs: one point per analysed run */
	assert_int_equal(count(sb.buf, "<circle class=\"ef\""), an.n_ef);
	assert_true(an.n_ef >= 15);
	/* the findings in words, escaped, after the effect chart */
	assert_non_null(strstr(sb.buf, "<section id=\"findings\">"));
	assert_true(strstr(sb.buf, "id=\"effect\"") < strstr(sb.buf, "id=\"findings\""));
	assert_non_null(strstr(sb.buf, "<li>Romanian deadlift: e1RM "));
	/* effects: two intervals on two axes, one row too few */
	assert_int_equal(count(sb.buf, "<g class=\"iv\">"), 2);
	assert_non_null(strstr(sb.buf, "+0.9 RPE (95% CI +0.4 to +1.4), 14 runs against 31"));
	assert_non_null(strstr(sb.buf, "too few runs to say (3 against 12)"));
	assert_non_null(strstr(sb.buf, "difference (bpm)"));
	assert_non_null(strstr(sb.buf, "&lt;session&gt;"));
	assert_non_null(strstr(sb.buf, "Made by carryover test"));
	co_strbuf_release(&sb);
	co_analysis_release(&an);
	co_load_series_release(&s);
	co_history_release(&h);
	co_plan_free(p);
	co_profile_free(prof);
}

/*
 * A synthetic history with a known effect: a lifting session every Monday,
 * easy runs on Tuesday (the day after, RPE 5 or 6) and on Friday and
 * Saturday (no session in the 2 days before, RPE 4 or 5): runs after
 * lifting are 1 RPE harder. The effect chart draws the interval of
 * analyze's finding, with its figures as `carryover analyze` words them;
 * with two weeks of it, the row says "too few runs to say" and draws none.
 */
static void effect_chart(co_strbuf *sb, co_analysis *an, const co_plan *p, int weeks)
{
	co_history h;
	co_date mon = D(2027, 1, 4), today = mon + 7 * weeks;
	co_report_effect fx[CO_REPORT_EFFECTS_MAX];

	co_history_init(&h);
	for (int w = 0; w < weeks; w++) {
		co_date m = mon + 7 * w;

		co_history_add_session(&h, &(co_logged_session){.date = m, .minutes = 45, .rpe = 7});
		co_history_add_run(&h, &(co_logged_run){.date = m + 1, .type = CO_RUN_EASY,
							.minutes = 40, .rpe = 5 + w % 2});
		co_history_add_run(&h, &(co_logged_run){.date = m + 4, .type = CO_RUN_EASY,
							.minutes = 40, .rpe = 4 + w % 2});
		co_history_add_run(&h, &(co_logged_run){.date = m + 5, .type = CO_RUN_EASY,
							.minutes = 40, .rpe = 4 + (w + 1) % 2});
	}
	co_analysis_compute(an, &(co_analysis_input){.history = &h, .plan = p, .today = today,
						     .units = CO_UNITS_KG});
	co_report_analysis_words(an, CO_DIST_KM);
	size_t n = co_report_effects(fx, CO_REPORT_EFFECTS_MAX, an);
	co_report_data d = {.plan = p, .analysis = an, .effects = fx, .n_effects = n, .today = today};

	/* no heart rate anywhere: no heart-rate rows; one run type: no row by type */
	assert_int_equal(n, 3);
	assert_string_equal(fx[0].label, "after any session, RPE");
	co_report_chart_effect(sb, &d);
	co_history_release(&h);
}

static void effects_come_from_the_analysis(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = plan(&prof);
	co_strbuf sb = CO_STRBUF_INIT;
	co_analysis an;
	char want[160];

	(void)state;
	effect_chart(&sb, &an, p, 12);
	const co_finding *f = co_analysis_find(&an, "lift_effect.any.rpe");

	assert_non_null(f);
	assert_true(f->has_estimate && f->has_ci);
	assert_true(f->ci_low < 1.0 && 1.0 < f->ci_high); /* the known effect, inside its interval */
	assert_true(f->ci_low > 0);
	snprintf(want, sizeof(want), "after any session, RPE: %+.1f RPE (95%% CI %+.1f to %+.1f), "
		 "%zu runs against %zu", f->estimate, f->ci_low, f->ci_high, f->n, f->n_ref);
	assert_non_null(strstr(sb.buf, want));
	/* the same figures as analyze's sentence */
	snprintf(want, sizeof(want), "%+.1f RPE (95%% CI %+.1f to %+.1f, %zu runs against %zu)",
		 f->estimate, f->ci_low, f->ci_high, f->n, f->n_ref);
	assert_non_null(strstr(f->text, want));
	assert_true(count(sb.buf, "<g class=\"iv\">") >= 1);
	snprintf(want, sizeof(want), "<g class=\"iv\"><title>after any session, RPE: %+.1f",
		 f->estimate);
	assert_non_null(strstr(sb.buf, want));
	co_analysis_release(&an);

	/* two weeks: 2 runs against 4, too few to say, no interval */
	co_strbuf_reset(&sb);
	effect_chart(&sb, &an, p, 2);
	f = co_analysis_find(&an, "lift_effect.any.rpe");
	assert_false(f->has_estimate);
	assert_non_null(strstr(sb.buf, "after any session, RPE: too few runs to say (2 against 4)"));
	assert_int_equal(count(sb.buf, "<g class=\"iv\">"), 0);
	co_analysis_release(&an);
	co_strbuf_release(&sb);
	co_plan_free(p);
	co_profile_free(prof);
}

/* Over the whole season every session row lists something to do: a
 * recovery session of mobility alone shows its warm-up and cool-down. */
static void no_session_row_is_empty(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = plan(&prof);
	size_t rows = 0;

	(void)state;
	for (size_t w = 0; w < p->n_weeks; w++) {
		co_strbuf sb = CO_STRBUF_INIT;
		co_report_data d = {.plan = p, .today = p->weeks[w].start};

		co_report_html_sessions(&sb, &d);
		assert_null(strstr(sb.buf, "<ul></ul>"));
		rows += count(sb.buf, "<tr><td>");
		co_strbuf_release(&sb);
	}
	assert_true(rows > p->n_weeks);
	co_plan_free(p);
	co_profile_free(prof);
}

/* Work is bounded: a thousand effects of a thousand units draw the first 64 rows. */
static void effects_are_bounded(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = plan(&prof);
	co_report_effect *fx = calloc(1000, sizeof(*fx));
	char (*units)[16] = calloc(1000, sizeof(*units));
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		snprintf(units[i], sizeof(units[i]), "u%d", i);
		fx[i] = (co_report_effect){"e", true, 1, 0.5, 1.5, 10, 10, units[i]};
	}
	co_report_data d = {.plan = p, .today = D(2027, 1, 6), .effects = fx, .n_effects = 1000};

	co_report_chart_effect(&sb, &d);
	assert_int_equal(count(sb.buf, "<g class=\"iv\">"), 64);
	assert_int_equal(count(sb.buf, "<svg"), 1);
	co_strbuf_release(&sb);
	free(units);
	free(fx);
	co_plan_free(p);
	co_profile_free(prof);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ticks_are_round_and_cover),
		cmocka_unit_test(date_ticks),
		cmocka_unit_test(values_land_where_they_belong),
		cmocka_unit_test(marks_have_titles),
		cmocka_unit_test(user_text_is_escaped),
		cmocka_unit_test(a_new_athlete_gets_a_whole_page),
		cmocka_unit_test(a_logged_athlete_gets_every_chart),
		cmocka_unit_test(effects_come_from_the_analysis),
		cmocka_unit_test(no_session_row_is_empty),
		cmocka_unit_test(effects_are_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
