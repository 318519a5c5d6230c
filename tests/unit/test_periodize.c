/*
 * Periodisation (METHOD C2-C9): the phase of each week as a coach would
 * check it. Weeks and races are built by hand, so these tests need neither
 * the profile parser nor the catalogue.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/calendar.h"
#include "lib/periodize.h"

#define MAXW 40

typedef struct season {
	co_week weeks[MAXW];
	co_period info[MAXW];
	size_t n;
	co_race races[4];
	size_t n_races;
	char **warnings;
	size_t n_warnings;
} season;

static co_date monday(void)
{
	return co_date_from_ymd(2027, 1, 4);
}

static void add_race(season *s, const char *name, co_date d, double km, co_race_priority p)
{
	co_race *r = &s->races[s->n_races++];

	memset(r, 0, sizeof(*r));
	r->name = (char *)(uintptr_t)name;
	r->date = d;
	r->distance_km = km;
	r->priority = p;
}

/* Weeks of the horizon the races ask for, each with `key` key-run minutes. */
static void run(season *s, int key, int deload_every)
{
	co_plan_options o = CO_PLAN_OPTIONS_INIT;

	s->n = co_periodize_horizon(monday(), s->races, s->n_races, &o, &s->warnings, &s->n_warnings);
	assert_true(s->n <= MAXW);
	for (size_t i = 0; i < s->n; i++) {
		int km = s->weeks[i].key_minutes;

		memset(&s->weeks[i], 0, sizeof(s->weeks[i]));
		s->weeks[i].index = (int)i + 1;
		s->weeks[i].start = monday() + (co_date)(7 * i);
		s->weeks[i].key_minutes = km ? km : key;
	}
	co_periodize(&(co_periodize_args){
		.weeks = s->weeks, .info = s->info, .n_weeks = s->n,
		.races = s->races, .n_races = s->n_races, .deload_every = deload_every,
		.recovery_override = 0, .first_day = monday(),
		.warnings = &s->warnings, .n_warnings = &s->n_warnings});
}

static void release(season *s)
{
	for (size_t i = 0; i < s->n; i++)
		co_strlist_free(s->weeks[i].notes, s->weeks[i].n_notes);
	co_strlist_free(s->warnings, s->n_warnings);
}

static bool loading(co_phase p)
{
	return p == CO_PHASE_BASE || p == CO_PHASE_BUILD || p == CO_PHASE_PEAK;
}

static bool any_note(const co_week *w, const char *needle)
{
	for (size_t i = 0; i < w->n_notes; i++)
		if (strstr(w->notes[i], needle))
			return true;
	return false;
}

/* Every week says why it has its phase, citing a rule id. */
static void assert_notes_cite_rules(const season *s)
{
	for (size_t i = 0; i < s->n; i++) {
		bool cited = false;

		assert_true(s->weeks[i].n_notes > 0);
		for (size_t k = 0; k < s->weeks[i].n_notes; k++)
			if (strstr(s->weeks[i].notes[k], "C2") || strstr(s->weeks[i].notes[k], "C3") ||
			    strstr(s->weeks[i].notes[k], "C4") || strstr(s->weeks[i].notes[k], "C6") ||
			    strstr(s->weeks[i].notes[k], "C7") || strstr(s->weeks[i].notes[k], "C8"))
				cited = true;
		assert_true(cited);
	}
}

/* Deloads come every Nth loading week, counted afresh after taper/race/recovery. */
static void assert_deload_cadence(const season *s, int every)
{
	int count = 0;

	for (size_t i = 0; i < s->n; i++) {
		const co_week *w = &s->weeks[i];

		if (!loading(w->phase)) {
			assert_false(w->deload); /* C9: never in taper, race, recovery */
			count = 0;
			continue;
		}
		count++;
		if (w->deload) {
			/* C9: every Nth week, give or take the week that moves it to
			 * the end of a block; never in the peak, never a phase's
			 * first week after a loading week */
			assert_true(count >= every - 1 && count <= every + 1);
			assert_int_not_equal(w->phase, CO_PHASE_PEAK);
			if (i > 0 && loading(s->weeks[i - 1].phase))
				assert_int_equal(s->weeks[i - 1].phase, w->phase);
			count = 0;
		} else if (count > every) {
			/* only a deload folded into the next week's taper or race, or the peak */
			assert_true(i + 1 < s->n);
			assert_true(s->weeks[i + 1].phase == CO_PHASE_TAPER ||
				    s->weeks[i + 1].phase == CO_PHASE_RACE ||
				    w->phase == CO_PHASE_PEAK);
		}
	}
}

/* Within the weeks before an A-race: base <= build <= peak <= taper <= race. */
static void assert_phases_in_order(const season *s, size_t from, size_t to)
{
	int last = CO_PHASE_BASE;

	for (size_t i = from; i < to; i++) {
		co_phase p = s->weeks[i].phase;

		if (p == CO_PHASE_RECOVERY || (p == CO_PHASE_RACE && i + 1 < to))
			continue; /* a B-race and its recovery interrupt the build-up */
		assert_true((int)p >= last);
		last = (int)p;
	}
}

static void marathon_with_b_half(void **state)
{
	season s = {0};
	co_date marathon = co_date_from_ymd(2027, 4, 25); /* Sunday of week 16 */
	co_date half = co_date_from_ymd(2027, 3, 14);     /* Sunday of week 10 */

	add_race(&s, "Spring Marathon", marathon, 42.195, CO_RACE_A);
	add_race(&s, "City Half", half, 21.0975, CO_RACE_B);
	run(&s, 230, 4);

	/* through the marathon and its 2 recovery weeks (C8) */
	assert_int_equal(s.n, 18);
	assert_int_equal(s.weeks[15].phase, CO_PHASE_RACE);
	assert_int_equal(s.weeks[14].phase, CO_PHASE_TAPER); /* C7: 2 weeks for a marathon */
	assert_int_equal(s.weeks[13].phase, CO_PHASE_TAPER);
	assert_int_not_equal(s.weeks[12].phase, CO_PHASE_TAPER);
	assert_int_equal(s.weeks[16].phase, CO_PHASE_RECOVERY);
	assert_int_equal(s.weeks[17].phase, CO_PHASE_RECOVERY);
	/* the B half: its week is the lighter race week, then one recovery week */
	assert_int_equal(s.weeks[9].phase, CO_PHASE_RACE);
	assert_true(s.info[9].mini_taper);
	assert_true(any_note(&s.weeks[9], "City Half"));
	assert_int_equal(s.weeks[10].phase, CO_PHASE_RECOVERY);
	assert_int_not_equal(s.weeks[8].phase, CO_PHASE_TAPER); /* no full taper for a B-race */
	/* base first, peak just before the taper */
	assert_int_equal(s.weeks[0].phase, CO_PHASE_BASE);
	assert_int_equal(s.weeks[12].phase, CO_PHASE_PEAK);
	assert_phases_in_order(&s, 0, 16);
	assert_deload_cadence(&s, 4);
	assert_true(s.weeks[3].deload);
	assert_notes_cite_rules(&s);
	assert_true(any_note(&s.weeks[13], "C7"));
	assert_true(any_note(&s.weeks[16], "C8"));
	release(&s);
}

static void c5_heavy_block_ends_before_running_peak(void **state)
{
	season s = {0};
	co_date race = co_date_from_ymd(2027, 4, 25);
	size_t last_build = 0, first_peak_demand = 0;

	add_race(&s, "Spring Marathon", race, 42.195, CO_RACE_A);
	/* running demand from a coach's calendar: rising, highest in weeks 10-12 */
	for (size_t i = 0; i < MAXW; i++)
		s.weeks[i].key_minutes = 150 + 10 * (int)i;
	for (size_t i = 9; i < 12; i++)
		s.weeks[i].key_minutes = 320;
	run(&s, 0, 4);
	for (size_t i = 0; i < 13; i++) {
		if (s.weeks[i].phase == CO_PHASE_BUILD)
			last_build = i;
		if (!first_peak_demand && s.weeks[i].key_minutes == 320)
			first_peak_demand = i;
	}
	assert_true(last_build > 0);
	assert_true(last_build < first_peak_demand); /* C5 */
	for (size_t i = 9; i < 12; i++) {
		assert_int_equal(s.weeks[i].phase, CO_PHASE_PEAK);
		assert_true(s.info[i].demand_peak);
	}
	assert_true(any_note(&s.weeks[last_build], "C5"));
	assert_phases_in_order(&s, 0, 16);
	release(&s);
}

static void c5_flat_demand_uses_calendar_position(void **state)
{
	season s = {0};

	add_race(&s, "Spring Marathon", co_date_from_ymd(2027, 4, 25), 42.195, CO_RACE_A);
	run(&s, 230, 4);
	for (size_t i = 0; i < s.n; i++)
		assert_false(s.info[i].demand_peak);
	/* the last three weeks before the taper hold strength (peak) */
	assert_int_equal(s.weeks[10].phase, CO_PHASE_PEAK);
	assert_int_equal(s.weeks[11].phase, CO_PHASE_PEAK);
	assert_int_equal(s.weeks[12].phase, CO_PHASE_PEAK);
	assert_int_equal(s.weeks[9].phase, CO_PHASE_BUILD);
	release(&s);
}

static void starting_ten_days_before_a_race(void **state)
{
	season s = {0};
	co_date race = monday() + 10; /* Thursday of week 2 */

	add_race(&s, "Club 10k", race, 10, CO_RACE_A);
	run(&s, 100, 4);
	/* taper and race: a 10k takes a few mobility days, not a recovery week (C8) */
	assert_int_equal(s.n, 2);
	assert_int_equal(s.weeks[0].phase, CO_PHASE_TAPER);
	assert_int_equal(s.weeks[1].phase, CO_PHASE_RACE);
	assert_true(any_note(&s.weeks[0], "short taper"));
	assert_true(any_note(&s.weeks[0], "10 days"));
	release(&s);
}

/* C8: recovery scaled to the race, as the checker reads METHOD */
static void recovery_scales_with_the_race(void **state)
{
	(void)state;
	assert_int_equal(co_recovery_weeks(5), 0);
	assert_int_equal(co_recovery_weeks(10), 0);
	assert_int_equal(co_recovery_days(10), CO_SHORT_RECOVERY_DAYS);
	assert_int_equal(co_recovery_weeks(21.1), 1);
	assert_int_equal(co_recovery_weeks(42.195), 2);
	assert_int_equal(co_recovery_weeks(44), 2);
	assert_int_equal(co_recovery_weeks(50), 3);
	assert_int_equal(co_recovery_weeks(0), 1); /* unknown distance: a week */
}

/* C8: an ultra and a 10k in one week: the ultra's recovery says why it is longer than the 10k's */
static void same_week_races_say_whose_recovery(void **state)
{
	season s = {0};

	add_race(&s, "Mountain Ultra", monday() + 7 * 10 + 1, 92, CO_RACE_A);
	add_race(&s, "Club 10k", monday() + 7 * 10 + 5, 10, CO_RACE_A);
	run(&s, 230, 4);
	assert_int_equal(s.weeks[10].phase, CO_PHASE_RACE);
	for (int k = 11; k <= 13; k++) {
		assert_int_equal(s.weeks[k].phase, CO_PHASE_RECOVERY);
		assert_true(any_note(&s.weeks[k], "C8 bent"));
		assert_true(any_note(&s.weeks[k], "Club 10k"));
	}
	release(&s);
}

static void marathon_ten_days_out_keeps_a_short_taper(void **state)
{
	season s = {0};

	add_race(&s, "Late Marathon", monday() + 13, 42.195, CO_RACE_A);
	run(&s, 200, 4);
	/* two taper weeks do not fit: one taper week, then the race week */
	assert_int_equal(s.weeks[0].phase, CO_PHASE_TAPER);
	assert_int_equal(s.weeks[1].phase, CO_PHASE_RACE);
	assert_int_equal(s.weeks[2].phase, CO_PHASE_RECOVERY);
	assert_int_equal(s.weeks[3].phase, CO_PHASE_RECOVERY);
	assert_true(any_note(&s.weeks[0], "only 1 of 2 taper weeks"));
	release(&s);
}

static void no_race_rolls_base_and_build(void **state)
{
	season s = {0};

	run(&s, 120, 4);
	assert_int_equal(s.n, 16); /* min_weeks */
	for (size_t i = 0; i < s.n; i++) {
		assert_true(s.weeks[i].phase == CO_PHASE_BASE || s.weeks[i].phase == CO_PHASE_BUILD);
		assert_true(s.info[i].rolling);
		assert_int_equal(s.weeks[i].deload, (i + 1) % 4 == 0);
	}
	assert_int_equal(s.weeks[0].phase, CO_PHASE_BASE);
	assert_int_equal(s.weeks[4].phase, CO_PHASE_BUILD);
	assert_int_equal(s.weeks[8].phase, CO_PHASE_BASE);
	assert_notes_cite_rules(&s);
	release(&s);
}

static void deload_every_third_week(void **state)
{
	season s = {0};

	add_race(&s, "Spring Marathon", co_date_from_ymd(2027, 4, 25), 42.195, CO_RACE_A);
	run(&s, 230, 3);
	assert_true(s.weeks[2].deload);
	assert_false(s.weeks[3].deload);
	assert_deload_cadence(&s, 3);
	release(&s);
}

static void ultra_gets_three_recovery_weeks(void **state)
{
	season s = {0};
	co_date race = co_date_from_ymd(2027, 3, 27); /* Saturday of week 12 */

	add_race(&s, "Hill 50", race, 50, CO_RACE_A);
	run(&s, 300, 4);
	assert_int_equal(s.n, 15);
	assert_int_equal(s.weeks[11].phase, CO_PHASE_RACE);
	assert_int_equal(s.weeks[10].phase, CO_PHASE_TAPER);
	assert_int_equal(s.weeks[9].phase, CO_PHASE_TAPER);
	for (size_t i = 12; i < 15; i++)
		assert_int_equal(s.weeks[i].phase, CO_PHASE_RECOVERY);
	release(&s);
}

static void c_race_is_trained_through(void **state)
{
	season s = {0};

	add_race(&s, "Spring Marathon", co_date_from_ymd(2027, 4, 25), 42.195, CO_RACE_A);
	add_race(&s, "Parkrun", co_date_from_ymd(2027, 2, 6), 5, CO_RACE_C); /* week 5 */
	run(&s, 230, 4);
	assert_true(loading(s.weeks[4].phase));
	assert_true(loading(s.weeks[5].phase)); /* no recovery either */
	assert_true(any_note(&s.weeks[4], "trained through"));
	release(&s);
}

static void b_race_on_tuesday_tapers_the_week_before(void **state)
{
	season s = {0};

	add_race(&s, "Spring Marathon", co_date_from_ymd(2027, 4, 25), 42.195, CO_RACE_A);
	add_race(&s, "Holiday 10k", co_date_from_ymd(2027, 2, 9), 10, CO_RACE_B); /* Tue, week 6 */
	run(&s, 230, 4);
	assert_int_equal(s.weeks[5].phase, CO_PHASE_RACE);
	assert_int_equal(s.weeks[4].phase, CO_PHASE_TAPER);
	assert_true(s.info[4].mini_taper);
	assert_true(any_note(&s.weeks[4], "mini-taper"));
	release(&s);
}

static void crowded_races_warn(void **state)
{
	season s = {0};

	add_race(&s, "Half in the taper", co_date_from_ymd(2027, 4, 18), 21.1, CO_RACE_B);
	add_race(&s, "Spring Marathon", co_date_from_ymd(2027, 4, 25), 42.195, CO_RACE_A);
	run(&s, 230, 4);
	assert_true(s.n_warnings > 0);
	assert_non_null(strstr(s.warnings[0], "Half in the taper"));
	assert_non_null(strstr(s.warnings[0], "taper"));
	release(&s);
}

static void horizon_is_capped(void **state)
{
	co_race r = {0};
	char **w = NULL;
	size_t n_w = 0;
	co_plan_options o = CO_PLAN_OPTIONS_INIT;

	r.name = (char *)(uintptr_t)"Far Away";
	r.date = monday() + 7 * 300;
	r.distance_km = 42.195;
	assert_int_equal(co_periodize_horizon(monday(), &r, 1, &o, &w, &n_w), CO_MAX_WEEKS);
	assert_int_equal(n_w, 1);
	assert_non_null(strstr(w[0], "Far Away"));
	co_strlist_free(w, n_w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marathon_with_b_half),
		cmocka_unit_test(c5_heavy_block_ends_before_running_peak),
		cmocka_unit_test(c5_flat_demand_uses_calendar_position),
		cmocka_unit_test(starting_ten_days_before_a_race),
		cmocka_unit_test(marathon_ten_days_out_keeps_a_short_taper),
		cmocka_unit_test(no_race_rolls_base_and_build),
		cmocka_unit_test(deload_every_third_week),
		cmocka_unit_test(ultra_gets_three_recovery_weeks),
		cmocka_unit_test(recovery_scales_with_the_race),
		cmocka_unit_test(same_week_races_say_whose_recovery),
		cmocka_unit_test(c_race_is_trained_through),
		cmocka_unit_test(b_race_on_tuesday_tapers_the_week_before),
		cmocka_unit_test(crowded_races_warn),
		cmocka_unit_test(horizon_is_capped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
