/*
 * The actual side of the plan (carryover/actual.h): runs that happened
 * replace the planned runs of their days and keep them visible; each
 * session's status follows the log of its day and today; the planned side
 * (days, items, why lines, uids) is the same with and without a history.
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

static co_plan *build(const co_profile *p, const co_history *h, co_date today)
{
	co_plan_options o = CO_PLAN_OPTIONS_INIT;
	co_plan *plan = NULL;

	o.today = today;
	assert_int_equal(co_plan_build(&plan, &(co_plan_input){.profile = p, .history = h}, &o), 0);
	return plan;
}

/* The runs of `w` on day `d`, in order. */
static size_t runs_on(const co_week *w, co_date d, const co_plan_run **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < w->n_runs && n < max; i++)
		if (w->runs[i].date == d)
			out[n++] = &w->runs[i];
	return n;
}

static void runs_stand_in(void **state)
{
	co_profile *p = NULL;
	co_plan *plain, *plan;
	co_history h;
	const co_week *w;
	const co_plan_run *r[4];
	co_plan_run as;
	co_date tue, wed, sat;
	char hash[] = "0123abcd", log9[] = "run-9";

	(void)state;
	assert_int_equal(co_profile_parse(&p, PROFILE, strlen(PROFILE), "a.ini", TODAY), 0);
	plain = build(p, NULL, 0);
	assert_true(plain->n_weeks > 3);
	tue = plain->weeks[1].start + 1;
	wed = tue + 1;
	sat = tue + 4;
	co_history_init(&h);
	/* out of the log's order on purpose: the overlay sorts by date */
	co_history_add_run(&h, &(co_logged_run){.date = sat, .type = CO_RUN_LONG, .minutes = 95,
						.distance_km = 18.5, .source = hash});
	co_history_add_run(&h, &(co_logged_run){.date = tue, .type = CO_RUN_TEMPO, .minutes = 50,
						.distance_km = 10.2, .rpe = 7});
	co_history_add_run(&h, &(co_logged_run){.date = wed, .type = CO_RUN_EASY, .minutes = 30,
						.source = hash});
	co_history_add_run(&h, &(co_logged_run){.date = sat, .type = CO_RUN_EASY, .minutes = 20,
						.source = log9});
	plan = build(p, &h, 0);
	w = &plan->weeks[1];

	/* Tuesday: the logged tempo stands for the planned intervals, keeps the day key */
	assert_int_equal(runs_on(w, tue, r, 4), 1);
	assert_int_equal(r[0]->type, CO_RUN_TEMPO);
	assert_int_equal(r[0]->minutes, 50);
	assert_int_equal(r[0]->source, CO_RUN_FROM_LOG);
	assert_int_equal(r[0]->rpe, 7);
	assert_true(r[0]->has_planned);
	assert_int_equal(r[0]->planned_type, CO_RUN_INTERVALS);
	assert_int_equal(r[0]->planned_minutes, 60);
	assert_int_equal(r[0]->planned_source, CO_RUN_FROM_TEMPLATE);
	assert_true(r[0]->key);
	assert_true(co_plan_run_as_planned(r[0], &as));
	assert_int_equal(as.type, CO_RUN_INTERVALS);
	assert_int_equal(as.minutes, 60);
	assert_int_equal(as.source, CO_RUN_FROM_TEMPLATE);

	/* Wednesday had no run: the imported one is added, with nothing planned */
	assert_int_equal(runs_on(w, wed, r, 4), 1);
	assert_int_equal(r[0]->source, CO_RUN_FROM_IMPORT);
	assert_false(r[0]->has_planned);
	assert_false(r[0]->key);
	assert_false(co_plan_run_as_planned(r[0], &as));

	/* Saturday: two runs; the first (in the log's order) pairs with the long run */
	assert_int_equal(runs_on(w, sat, r, 4), 2);
	assert_int_equal(r[0]->minutes, 95);
	assert_int_equal(r[0]->source, CO_RUN_FROM_IMPORT);
	assert_int_equal(r[0]->planned_type, CO_RUN_LONG);
	assert_int_equal(r[1]->minutes, 20);
	assert_int_equal(r[1]->source, CO_RUN_FROM_LOG);
	assert_false(r[1]->has_planned);

	/* the week's figures stay the planned ones; other weeks are untouched */
	assert_int_equal(w->run_minutes, plain->weeks[1].run_minutes);
	assert_int_equal(w->key_minutes, plain->weeks[1].key_minutes);
	assert_int_equal(plan->weeks[0].n_runs, plain->weeks[0].n_runs);
	assert_int_equal(plan->weeks[2].n_runs, plain->weeks[2].n_runs);

	/* the planned side is the same: sessions, days, uids, why lines */
	for (size_t k = 0; k < plan->n_weeks; k++) {
		assert_int_equal(plan->weeks[k].n_sessions, plain->weeks[k].n_sessions);
		for (size_t i = 0; i < plan->weeks[k].n_sessions; i++) {
			const co_session *a = &plan->weeks[k].sessions[i], *b = &plain->weeks[k].sessions[i];

			assert_int_equal(a->date, b->date);
			assert_string_equal(a->uid, b->uid);
			assert_int_equal(a->n_why, b->n_why);
			assert_int_equal(a->status, CO_SESSION_UNKNOWN); /* no today */
		}
	}
	co_plan_free(plan);
	co_plan_free(plain);
	co_history_release(&h);
	co_profile_free(p);
}

/* The sessions of the plan, in date order (at most `max`). */
static size_t sessions(co_plan *plan, co_session **out, size_t max)
{
	size_t n = 0;

	for (size_t k = 0; k < plan->n_weeks; k++)
		for (size_t i = 0; i < plan->weeks[k].n_sessions && n < max; i++)
			out[n++] = &plan->weeks[k].sessions[i];
	return n;
}

/* Log every prescribed set of `s`'s main and accessory items, but `short_by` items. */
static void log_sets(co_history *h, const co_session *s, int short_by)
{
	int skipped = 0;

	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];
			int sets = it->sets;

			if (skipped < short_by) { /* one set fewer than prescribed */
				skipped++;
				sets--;
			}
			for (int k = 0; k < sets; k++)
				co_history_add_set(h, &(co_logged_set){.date = s->date,
					.exercise = (char *)(uintptr_t)it->exercise->id, .reps = 5});
		}
}

static void session_status(void **state)
{
	co_profile *p = NULL;
	co_plan *plain, *plan;
	co_session *s[8], *t[8];
	co_history h;
	char reason[200];
	co_date today;

	(void)state;
	assert_int_equal(co_profile_parse(&p, PROFILE, strlen(PROFILE), "a.ini", TODAY), 0);
	plain = build(p, NULL, 0);
	assert_int_equal(sessions(plain, s, 8), 8);
	today = s[6]->date;
	/* a reason of 150 bytes, "é" across the cut: cut at a character */
	memset(reason, 'x', sizeof(reason));
	memcpy(reason + 94, "\xc3\xa9", 2);
	reason[150] = '\0';

	co_history_init(&h);
	/* s[0]: before the log began; s[1] done as planned (`log done`) */
	co_history_add_session(&h, &(co_logged_session){.date = s[1]->date, .as_planned = true});
	/* s[2] skipped, with its reason */
	co_history_add_session(&h, &(co_logged_session){.date = s[2]->date, .skipped = true,
							.note = reason});
	/* s[3]: every set; s[4]: one item a set short; s[5]: nothing, in the past */
	log_sets(&h, s[3], 0);
	log_sets(&h, s[4], 1);
	/* s[6] is today and s[7] later: planned */
	plan = build(p, &h, today);
	assert_int_equal(sessions(plan, t, 8), 8);

	assert_int_equal(t[0]->status, CO_SESSION_UNKNOWN);
	assert_int_equal(t[1]->status, CO_SESSION_DONE);
	assert_int_equal(t[2]->status, CO_SESSION_SKIPPED);
	assert_int_equal(strlen(t[2]->status_note), 94); /* not half of the é */
	assert_int_equal(t[3]->status, CO_SESSION_DONE);
	assert_int_equal(t[3]->items_done, t[3]->items_planned);
	assert_true(t[3]->items_planned > 1);
	assert_int_equal(t[4]->status, CO_SESSION_PARTLY_DONE);
	assert_int_equal(t[4]->items_done, t[4]->items_planned - 1);
	assert_int_equal(t[5]->status, CO_SESSION_MISSED);
	assert_int_equal(t[6]->status, CO_SESSION_PLANNED);
	assert_int_equal(t[7]->status, CO_SESSION_PLANNED);

	/* a whole session logged (`log session 45min`) with no sets counts as done;
	 * sets outrank a skip of the same day */
	co_history_add_session(&h, &(co_logged_session){.date = s[5]->date, .minutes = 45});
	co_history_add_session(&h, &(co_logged_session){.date = s[3]->date, .skipped = true});
	co_plan_free(plan);
	plan = build(p, &h, today);
	assert_int_equal(sessions(plan, t, 8), 8);
	assert_int_equal(t[5]->status, CO_SESSION_DONE);
	assert_int_equal(t[3]->status, CO_SESSION_DONE);

	/* the plan JSON carries all of it and reads back to the same text */
	{
		co_plan *back = NULL;
		char *a = NULL, *b = NULL;

		co_history_add_run(&h, &(co_logged_run){.date = plain->weeks[1].runs[0].date, .type = CO_RUN_TEMPO,
							.minutes = 50, .distance_km = 10.2, .rpe = 7});
		co_plan_free(plan);
		plan = build(p, &h, today);
		assert_int_equal(co_plan_to_json(&a, plan, 0, 0), 0);
		assert_non_null(strstr(a, "\"status\": \"skipped\""));
		assert_non_null(strstr(a, "\"source\": \"log\",\n          \"rpe\": 7,\n          \"planned\": {"));
		assert_int_equal(co_json_parse_plan(&back, a, strlen(a), "plan.json", co_catalog_default()), 0);
		assert_int_equal(co_plan_to_json(&b, back, 0, 0), 0);
		assert_string_equal(a, b);
		free(a);
		free(b);
		co_plan_free(back);
	}

	/* names both ways */
	assert_string_equal(co_session_status_name(CO_SESSION_PARTLY_DONE), "partly_done");
	assert_null(co_session_status_name(CO_SESSION_UNKNOWN));
	assert_int_equal(co_session_status_from_name("missed"), CO_SESSION_MISSED);
	assert_int_equal(co_session_status_from_name("gone"), -1);

	co_plan_free(plan);
	co_plan_free(plain);
	co_history_release(&h);
	co_profile_free(p);
}

/* A caller of version 1 of co_plan_options (no `today`) still plans. */
static void options_version_1(void **state)
{
	co_profile *p = NULL;
	co_plan *plan = NULL;
	struct {
		unsigned version;
		int min_weeks, recovery_weeks;
	} v1 = {1, 16, 0};

	(void)state;
	assert_int_equal(co_profile_parse(&p, PROFILE, strlen(PROFILE), "a.ini", TODAY), 0);
	assert_int_equal(co_plan_build(&plan, &(co_plan_input){.profile = p},
				       (const co_plan_options *)(const void *)&v1), 0);
	assert_int_equal(plan->weeks[0].sessions[0].status, CO_SESSION_UNKNOWN);
	co_plan_free(plan);
	co_profile_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(runs_stand_in),
		cmocka_unit_test(session_status),
		cmocka_unit_test(options_version_1),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
