/*
 * The athlete's history (carryover/history.h) and how the planner takes it:
 * entries are copied and released; a plan built with a history is the same
 * as one built without (the planner does not read it yet, plan.h), and the
 * planner refuses options of an unknown version.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/carryover.h"

static const co_date TODAY = 20817; /* 2026-12-30 */

static const char PROFILE[] =
	"[athlete]\nname = Ana\nequipment = gym\n"
	"[week]\ntue = intervals 60\nthu = easy 40\nsat = long 100\n";

static void entries_are_copied(void **state)
{
	co_history h;
	char site[] = "achilles_left", ex[] = "goblet_squat";

	(void)state;
	co_history_init(&h);
	assert_true(co_history_empty(&h));
	assert_true(co_history_empty(NULL));
	for (int i = 0; i < 40; i++)
		co_history_add_set(&h, &(co_logged_set){.date = TODAY - i, .exercise = ex,
							  .reps = 8, .load = 20, .rpe = 7});
	co_history_add_session(&h, &(co_logged_session){.date = TODAY, .minutes = 45});
	co_history_add_niggle(&h, &(co_niggle_log){.site = site, .regions = co_niggle_regions(site),
						   .severity = 2, .active_from = TODAY - 10});
	co_history_add_test(&h, &(co_test_result){.date = TODAY, .kind = CO_TEST_CALF_RAISE,
						  .value = 25, .side = 1});
	co_history_add_run(&h, &(co_logged_run){.date = TODAY, .type = CO_RUN_EASY, .minutes = 40});
	site[0] = ex[0] = 'X';
	assert_int_equal(h.n_sets, 40);
	assert_string_equal(h.sets[39].exercise, "goblet_squat");
	assert_string_equal(h.niggles[0].site, "achilles_left");
	assert_int_equal(h.niggles[0].cleared_on, 0);
	assert_null(h.sessions[0].uid);
	assert_null(h.runs[0].source);
	assert_false(co_history_empty(&h));
	co_history_release(&h);
	assert_true(co_history_empty(&h));
	co_history_release(NULL);
}

/* The sets of one exercise share one copy of its id (the planner's sorts
 * by lift compare pointers first); other names keep their own. */
static void set_ids_are_shared(void **state)
{
	co_history h;
	char a[] = "romanian_deadlift", b[] = "romanian_deadlift", c[] = "goblet_squat";

	(void)state;
	co_history_init(&h);
	co_history_add_set(&h, &(co_logged_set){.date = 1, .exercise = a, .reps = 8, .load = 60});
	co_history_add_set(&h, &(co_logged_set){.date = 2, .exercise = c, .reps = 8, .load = 20});
	co_history_add_set(&h, &(co_logged_set){.date = 3, .exercise = b, .reps = 8, .load = 62.5});
	co_history_add_set(&h, &(co_logged_set){.date = 4, .exercise = NULL, .reps = 5});
	assert_ptr_equal(h.sets[0].exercise, h.sets[2].exercise);
	assert_ptr_not_equal(h.sets[0].exercise, a);
	assert_string_equal(h.sets[1].exercise, "goblet_squat");
	assert_ptr_not_equal(h.sets[0].exercise, h.sets[1].exercise);
	assert_null(h.sets[3].exercise);
	assert_true(co_logged_set_dose_cmp(&h.sets[0], &h.sets[2]) < 0); /* 60 before 62.5 */
	assert_true(co_logged_set_dose_cmp(&h.sets[1], &h.sets[0]) < 0); /* by name */
	co_history_release(&h);
	assert_true(co_history_empty(&h));
}

static void plan_takes_history(void **state)
{
	co_profile *p = NULL;
	co_plan *a = NULL, *b = NULL;
	co_history h;
	co_plan_options o = CO_PLAN_OPTIONS_INIT;
	char *ja = NULL, *jb = NULL;

	(void)state;
	assert_int_equal(co_profile_parse(&p, PROFILE, strlen(PROFILE), "h.ini", TODAY), 0);
	co_history_init(&h);
	co_history_add_run(&h, &(co_logged_run){.date = TODAY - 1, .type = CO_RUN_LONG, .minutes = 120});
	assert_int_equal(co_plan_build(&a, &(co_plan_input){.profile = p}, NULL), 0);
	assert_int_equal(co_plan_build(&b, &(co_plan_input){.profile = p, .history = &h}, &o), 0);
	assert_int_equal(co_plan_to_json(&ja, a, 0, 0), 0);
	assert_int_equal(co_plan_to_json(&jb, b, 0, 0), 0);
	assert_string_equal(ja, jb);

	o.version = 99;
	co_plan_free(b);
	b = NULL;
	assert_int_equal(co_plan_build(&b, &(co_plan_input){.profile = p}, &o), CO_EINPUT);
	assert_null(b);
	assert_int_equal(co_plan_build(&b, NULL, NULL), CO_EINPUT);
	free(ja);
	free(jb);
	co_plan_free(a);
	co_history_release(&h);
	co_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entries_are_copied),
		cmocka_unit_test(set_ids_are_shared),
		cmocka_unit_test(plan_takes_history),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
