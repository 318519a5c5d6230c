/*
 * Scheduling (METHOD C1, C7, E1-E3): the lifting days of one week, checked
 * the way a coach would: never consecutive days, never the day before a key
 * run unless the reason says which rule was bent, after the key run on a
 * double day, and a reason naming the days for every placement.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/schedule.h"

static co_date monday(void)
{
	return co_date_from_ymd(2027, 1, 4);
}

static co_sched_day day(co_date d, co_run_type t, int minutes)
{
	co_sched_day x;

	memset(&x, 0, sizeof(x));
	x.date = d;
	x.main = t;
	x.minutes = t == CO_RUN_REST ? 0 : minutes;
	x.key = co_run_type_is_key(t);
	x.race = t == CO_RUN_RACE;
	x.blocked = x.race;
	return x;
}

/* A week from seven run types, Monday first; the same week before and after. */
static co_sched_week week(const co_run_type t[7], int sessions, bool double_days)
{
	co_sched_week w;

	memset(&w, 0, sizeof(w));
	for (int d = 0; d < 7; d++)
		w.day[d] = day(monday() + d, t[d], 45);
	w.before = day(monday() - 1, t[6], 45);
	w.after = day(monday() + 7, t[0], 45);
	w.sessions = sessions;
	w.double_days = double_days;
	w.may_drop = true;
	return w;
}

/* Coach's checks on any result. */
static void assert_sound(const co_sched_week *w, const co_sched_result *r)
{
	for (int i = 0; i < r->n; i++) {
		int d = r->day[i];
		const co_sched_day *next = d < 6 ? &w->day[d + 1] : &w->after;

		assert_false(w->day[d].blocked);
		/* every placement says why, starting with a rule id */
		assert_true(strlen(r->why[i]) > 10);
		assert_true(r->why[i][0] == 'E' || r->why[i][0] == 'C');
		assert_non_null(strstr(r->why[i], co_weekday_name((co_weekday)d)));
		if (i > 0 && r->day[i] - r->day[i - 1] <= 1)
			assert_non_null(strstr(r->why[i], "C1 bent"));
		if ((next->key || next->race) && !w->recovery)
			assert_non_null(strstr(r->why[i], "E1 bent"));
		if (i > 0)
			assert_true(r->day[i] > r->day[i - 1]);
	}
}

static void marathon_week_doubling_lifts_after_key_runs(void **state)
{
	/* mon rest, tue intervals, wed easy, thu tempo, fri rest, sat easy, sun long */
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_INTERVALS, CO_RUN_EASY, CO_RUN_TEMPO,
				  CO_RUN_REST, CO_RUN_EASY, CO_RUN_LONG};
	co_sched_week w = week(t, 2, true);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_sound(&w, &r);
	/* E2: on key-run days, after the run; hard days hard, easy days easy */
	for (int i = 0; i < r.n; i++) {
		assert_true(w.day[r.day[i]].key);
		assert_non_null(strstr(r.why[i], "E2: after"));
		assert_non_null(strstr(r.why[i], "6 h"));
	}
	assert_int_equal(r.day[0], CO_TUE);
	assert_non_null(strstr(r.why[0], "after Tuesday's intervals"));
	assert_non_null(strstr(r.why[0], "Wednesday stays easy"));
	assert_string_equal(r.note, "");
}

static void marathon_week_single_days_keeps_off_key_eves(void **state)
{
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_INTERVALS, CO_RUN_EASY, CO_RUN_TEMPO,
				  CO_RUN_REST, CO_RUN_EASY, CO_RUN_LONG};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_sound(&w, &r);
	for (int i = 0; i < r.n; i++) {
		const co_sched_day *next = r.day[i] < 6 ? &w.day[r.day[i] + 1] : &w.after;

		assert_false(next->key); /* E1 held */
		assert_int_equal(r.bent[i] & (CO_BENT_E1 | CO_BENT_C1), 0);
	}
}

static void five_k_runner_three_key_sessions(void **state)
{
	/* tue intervals, thu tempo, sun long; easy days between */
	const co_run_type t[7] = {CO_RUN_EASY, CO_RUN_INTERVALS, CO_RUN_EASY, CO_RUN_TEMPO,
				  CO_RUN_EASY, CO_RUN_REST, CO_RUN_LONG};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_sound(&w, &r);
	assert_int_equal(r.bent[0] & CO_BENT_E1, 0);
	assert_int_equal(r.bent[1] & CO_BENT_E1, 0);
}

static void ultra_back_to_back_long_runs(void **state)
{
	/* sat + sun long: friday is the eve of a key run, and so is saturday */
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_EASY, CO_RUN_HILLS, CO_RUN_EASY,
				  CO_RUN_REST, CO_RUN_LONG, CO_RUN_LONG};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_sound(&w, &r);
	for (int i = 0; i < r.n; i++) {
		assert_int_not_equal(r.day[i], CO_FRI);
		assert_int_not_equal(r.day[i], CO_SAT);
		assert_int_not_equal(r.day[i], CO_TUE); /* eve of the hills */
	}
}

static void only_two_free_days_drops_or_bends(void **state)
{
	/* only Tuesday and Thursday have no key run, and each is the eve of one */
	const co_run_type t[7] = {CO_RUN_LONG, CO_RUN_REST, CO_RUN_INTERVALS, CO_RUN_REST,
				  CO_RUN_TEMPO, CO_RUN_HILLS, CO_RUN_LONG};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_sound(&w, &r);
	assert_true(r.n >= 1);
	if (r.n < 2)
		assert_non_null(strstr(r.note, "dropped"));
}

static void runs_hard_every_day(void **state)
{
	const co_run_type t[7] = {CO_RUN_TEMPO, CO_RUN_INTERVALS, CO_RUN_HILLS, CO_RUN_TEMPO,
				  CO_RUN_THRESHOLD, CO_RUN_INTERVALS, CO_RUN_LONG};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 1);
	assert_sound(&w, &r);
	/* the bend is named, and the week says a session was dropped */
	assert_non_null(strstr(r.why[0], "E1 bent"));
	assert_non_null(strstr(r.note, "dropped"));
	assert_non_null(strstr(r.note, "E1"));
}

static void no_session_after_last_weeks_sunday(void **state)
{
	/* a session last Sunday: Monday would be consecutive (C1) */
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_REST, CO_RUN_EASY, CO_RUN_REST,
				  CO_RUN_EASY, CO_RUN_REST, CO_RUN_EASY};
	co_sched_week w = week(t, 3, false);
	co_sched_result r;

	w.has_prev = true;
	w.prev_session = monday() - 1;
	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 3);
	assert_sound(&w, &r);
	assert_int_not_equal(r.day[0], CO_MON);
	/* three sessions spread out: no two consecutive */
	assert_true(r.day[1] - r.day[0] >= 2);
	assert_true(r.day[2] - r.day[1] >= 2);
	assert_non_null(strstr(r.why[0], "C1: "));
}

static void blocked_days_are_never_used(void **state)
{
	/* race on Sunday: C7 blocks Wednesday to Saturday */
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_EASY, CO_RUN_EASY, CO_RUN_REST,
				  CO_RUN_EASY, CO_RUN_REST, CO_RUN_RACE};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	for (int d = CO_WED; d <= CO_SAT; d++)
		w.day[d].blocked = true;
	co_schedule_week(&r, &w);
	assert_sound(&w, &r);
	assert_int_equal(r.n, 1); /* Monday and Tuesday are consecutive: one session */
	assert_true(r.day[0] <= CO_TUE);
	assert_non_null(strstr(r.note, "dropped"));

	for (int d = 0; d < 7; d++)
		w.day[d].blocked = true;
	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 0);
	assert_true(strlen(r.note) > 0);
}

static void even_spacing_preferred(void **state)
{
	/* all easy: two sessions should be 3-4 days apart, not 2 or 5 */
	const co_run_type t[7] = {CO_RUN_EASY, CO_RUN_EASY, CO_RUN_EASY, CO_RUN_EASY,
				  CO_RUN_EASY, CO_RUN_EASY, CO_RUN_EASY};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_true(r.day[1] - r.day[0] >= 3 && r.day[1] - r.day[0] <= 4);
}

static void recovery_week_mobility_waits_after_race(void **state)
{
	const co_run_type t[7] = {CO_RUN_REST, CO_RUN_REST, CO_RUN_EASY, CO_RUN_REST,
				  CO_RUN_EASY, CO_RUN_REST, CO_RUN_EASY};
	co_sched_week w = week(t, 2, false);
	co_sched_result r;

	w.recovery = true;
	w.day[0].after_race = 1;
	w.day[1].after_race = 2;
	w.day[2].after_race = 3;
	co_schedule_week(&r, &w);
	assert_int_equal(r.n, 2);
	assert_true(r.day[0] >= CO_WED);
	assert_non_null(strstr(r.why[0], "C8"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marathon_week_doubling_lifts_after_key_runs),
		cmocka_unit_test(marathon_week_single_days_keeps_off_key_eves),
		cmocka_unit_test(five_k_runner_three_key_sessions),
		cmocka_unit_test(ultra_back_to_back_long_runs),
		cmocka_unit_test(only_two_free_days_drops_or_bends),
		cmocka_unit_test(runs_hard_every_day),
		cmocka_unit_test(no_session_after_last_weeks_sunday),
		cmocka_unit_test(blocked_days_are_never_used),
		cmocka_unit_test(even_spacing_preferred),
		cmocka_unit_test(recovery_week_mobility_waits_after_race),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
