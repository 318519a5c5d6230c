/*
 * The plan contract as JSON: every contract field present with the right
 * null-ness (reps/seconds, rpe, tempo, load, strides), the week window, a
 * round trip that reproduces the text exactly (hand-made and planned
 * plans), and bad plans named by JSON line:column or by JSON path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/carryover.h"
#include "util/strbuf.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

static const co_exercise *ex(const char *id)
{
	const co_exercise *e = co_catalog_find(co_catalog_default(), id);

	if (!e)
		fail_msg("no exercise '%s' in the catalogue", id);
	return e;
}

static void add_item(co_block *b, const char *id, int sets, int reps, int seconds, double rpe,
		     const char *tempo, double load, const char *note)
{
	co_item *it;

	b->items = realloc(b->items, (b->n_items + 1) * sizeof(*b->items));
	it = &b->items[b->n_items++];
	memset(it, 0, sizeof(*it));
	it->exercise = ex(id);
	it->sets = sets;
	it->reps = reps;
	it->seconds = seconds;
	it->rpe = rpe;
	it->tempo = tempo;
	it->load = load;
	it->note = note ? strdup(note) : NULL;
}

static char **strs(size_t n, ...)
{
	char **v = calloc(n, sizeof(*v));
	va_list ap;

	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		v[i] = strdup(va_arg(ap, const char *));
	va_end(ap);
	return v;
}

/* Two weeks by hand: every kind of dose, strides and not, runs, a test, a race. */
static co_plan *hand_plan(void)
{
	co_plan *p = calloc(1, sizeof(*p));

	p->athlete = strdup("Alex \"AR\" Runner");
	p->units = CO_UNITS_LB;
	p->start = D(2027, 1, 4);
	p->n_weeks = 2;
	p->weeks = calloc(2, sizeof(*p->weeks));
	for (int wi = 0; wi < 2; wi++) {
		co_week *w = &p->weeks[wi];
		co_session *s;

		w->index = wi + 1;
		w->start = p->start + 7 * wi;
		w->phase = wi ? CO_PHASE_BUILD : CO_PHASE_BASE;
		w->deload = wi == 1;
		w->runs = calloc(2, sizeof(*w->runs));
		w->n_runs = 2;
		w->runs[0] = (co_plan_run){w->start + 1, CO_RUN_INTERVALS, 60, 11.5, true,
					   CO_RUN_FROM_TEMPLATE};
		w->runs[1] = (co_plan_run){w->start + 2, CO_RUN_EASY, 45, 0, false,
					   CO_RUN_FROM_CALENDAR};
		w->run_minutes = 105;
		w->key_minutes = 60;
		w->notes = strs(1, "C9: deload, volume down 40%");
		w->n_notes = 1;
		w->tests = calloc(1, sizeof(*w->tests));
		w->tests[0] = (co_plan_test){w->start + 2, CO_TEST_SINGLE_LEG_SQUAT};
		w->n_tests = 1;
		w->sessions = calloc(2, sizeof(*w->sessions));
		w->n_sessions = 2;
		for (int si = 0; si < 2; si++) {
			s = &w->sessions[si];
			s->date = w->start + 1 + 2 * si;
			s->focus = si ? CO_FOCUS_STABILITY : CO_FOCUS_POSTERIOR_CHAIN;
			s->minutes = 44;
			s->why = strs(2, "E2: after Tuesday's intervals, so Wednesday stays easy",
				      "B3: tempo 3-1-X on the main lift");
			s->n_why = 2;
			s->strides = si == 0;
			s->strides_reps = si == 0 ? 6 : 0;
			s->strides_seconds = si == 0 ? 20 : 0;
			snprintf(s->uid, sizeof(s->uid), "2027%04d-%d-abc@carryover", wi * 7 + si, si);
			for (int k = 0; k < CO_BLOCK_COUNT; k++)
				s->blocks[k].kind = (co_block_kind)k;
			add_item(&s->blocks[CO_BLOCK_WARMUP], "glute_bridge", 2, 10, 0, 0, NULL, -1, NULL);
			add_item(&s->blocks[CO_BLOCK_MAIN], "romanian_deadlift", 3, 8, 0, 7, "3-1-X",
				 137.5, NULL);
			add_item(&s->blocks[CO_BLOCK_ACCESSORY], "side_plank", 3, 0, 30, 7.5, NULL, -1,
				 "A8: regression of copenhagen plank (adductor)");
			add_item(&s->blocks[CO_BLOCK_COOLDOWN], "goblet_squat", 1, 5, 0, 0, NULL, 0, NULL);
		}
	}
	p->races = calloc(1, sizeof(*p->races));
	p->races[0] = (co_race){strdup("Spring Marathon"), D(2027, 4, 25), 42.195, CO_RACE_A, 0};
	p->n_races = 1;
	p->warnings = strs(1, "plan.ics:40: unknown event 'Yoga' skipped");
	p->n_warnings = 1;
	return p;
}

/* The text of one item object: from its "exercise" key to the end of the object. */
static char *item_text(const char *json, const char *id)
{
	char key[96];
	const char *a, *b;

	snprintf(key, sizeof(key), "\"exercise\":\"%s\"", id);
	a = strstr(json, key);
	assert_non_null(a);
	b = strchr(a, '}');
	assert_non_null(b);
	return strndup(a, (size_t)(b - a));
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* The JSON without whitespace outside strings, so assertions do not depend on indentation. */
static char *squash(const char *json)
{
	co_strbuf sb = CO_STRBUF_INIT;
	bool in_str = false;

	for (const char *p = json; *p; p++) {
		if (in_str) {
			co_strbuf_addch(&sb, *p);
			if (*p == '\\' && p[1])
				co_strbuf_addch(&sb, *++p);
			else if (*p == '"')
				in_str = false;
		} else if (*p == '"') {
			in_str = true;
			co_strbuf_addch(&sb, *p);
		} else if (*p != ' ' && *p != '\n') {
			co_strbuf_addch(&sb, *p);
		}
	}
	return co_strbuf_detach(&sb);
}

static void contract_fields(void **state)
{
	co_plan *p = hand_plan();
	char *pretty = NULL, *json, *it;

	(void)state;
	assert_int_equal(co_plan_to_json(&pretty, p, 0, 0), 0);
	/* indented for people */
	assert_non_null(strstr(pretty, "{\n  \"athlete\": {\n    \"name\": "));
	json = squash(pretty);
	assert_non_null(strstr(json, "{\"athlete\":{\"name\":\"Alex \\\"AR\\\" Runner\","
				     "\"units\":\"lb\"},"));
	assert_int_equal(count(json, "\"index\":"), 2);
	assert_non_null(strstr(json, "{\"index\":2,\"start\":\"2027-01-11\",\"phase\":\"build\","
				     "\"deload\":true,\"runs\":["));
	assert_non_null(strstr(json, "{\"date\":\"2027-01-05\",\"type\":\"intervals\","
				     "\"minutes\":60,\"key\":true,\"distance_km\":11.5,"
				     "\"source\":\"template\"}"));
	assert_non_null(strstr(json, "\"key\":false,\"distance_km\":null,\"source\":\"calendar\"}"));
	assert_non_null(strstr(json, "\"tests\":[{\"date\":\"2027-01-06\",\"kind\":\"single_leg_squat\"}]"));
	assert_non_null(strstr(json, "\"sessions\":[{\"date\":\"2027-01-05\",\"focus\":\"posterior_chain\","
				     "\"minutes\":44,\"why\":[\"E2: after Tuesday's intervals"));
	assert_non_null(strstr(json, "\"focus\":\"stability\""));
	assert_int_equal(count(json, "\"strides\":{\"reps\":6,\"seconds\":20}"), 2);
	assert_int_equal(count(json, "\"strides\":null"), 2);
	assert_int_equal(count(json, "\"blocks\":[{\"kind\":\"warmup\",\"items\":["), 4);
	assert_int_equal(count(json, "{\"kind\":\"cooldown\",\"items\":["), 4);
	assert_int_equal(count(json, "\"uid\":\"2027"), 4);
	assert_non_null(strstr(json, "\"run_minutes\":105,\"key_minutes\":60,"
				     "\"notes\":[\"C9: deload, volume down 40%\"]"));

	/* a main lift: reps, rpe, tempo and load; seconds null */
	it = item_text(json, "romanian_deadlift");
	assert_non_null(strstr(it, "\"name\":\"Romanian deadlift\",\"pattern\":\"hinge\","
				   "\"regions\":["));
	assert_non_null(strstr(it, "\"hamstrings\""));
	assert_non_null(strstr(it, "\"sets\":3,\"reps\":8,\"seconds\":null,\"rpe\":7,"
				   "\"tempo\":\"3-1-X\",\"load\":137.5,\"note\":null"));
	free(it);
	/* a hold: seconds, reps null; bodyweight: load null; a half RPE stays a number */
	it = item_text(json, "side_plank");
	assert_non_null(strstr(it, "\"sets\":3,\"reps\":null,\"seconds\":30,\"rpe\":7.5,"
				   "\"tempo\":null,\"load\":null,"
				   "\"note\":\"A8: regression of copenhagen plank (adductor)\""));
	free(it);
	/* a warm-up item: no target RPE is null, not 0 */
	it = item_text(json, "glute_bridge");
	assert_non_null(strstr(it, "\"rpe\":null,"));
	free(it);
	/* load 0 is a number (an empty bar), not bodyweight */
	it = item_text(json, "goblet_squat");
	assert_non_null(strstr(it, "\"load\":0,"));
	free(it);

	assert_non_null(strstr(json, "\"races\":[{\"name\":\"Spring Marathon\",\"date\":\"2027-04-25\","
				     "\"distance_km\":42.195,\"priority\":\"A\"}]"));
	assert_non_null(strstr(json, "\"warnings\":[\"plan.ics:40: unknown event 'Yoga' skipped\"]"));
	free(json);
	free(pretty);
	co_plan_free(p);
}

static void round_trip_hand_plan(void **state)
{
	co_plan *p = hand_plan(), *back = NULL;
	char *a = NULL, *b = NULL;
	const co_item *it;

	(void)state;
	assert_int_equal(co_plan_to_json(&a, p, 0, 0), 0);
	assert_int_equal(co_json_parse_plan(&back, a, strlen(a), "plan.json", co_catalog_default()), 0);
	assert_int_equal(co_plan_to_json(&b, back, 0, 0), 0);
	assert_string_equal(a, b);

	/* and the values, not only the text */
	assert_string_equal(back->athlete, p->athlete);
	assert_int_equal(back->units, CO_UNITS_LB);
	assert_int_equal(back->start, p->start);
	assert_int_equal(back->n_weeks, 2);
	assert_true(back->weeks[1].deload);
	assert_int_equal(back->weeks[1].run_minutes, 105);
	assert_int_equal(back->weeks[0].sessions[0].strides_reps, 6);
	assert_false(back->weeks[0].sessions[1].strides);
	assert_string_equal(back->weeks[0].sessions[0].uid, p->weeks[0].sessions[0].uid);
	it = &back->weeks[0].sessions[0].blocks[CO_BLOCK_MAIN].items[0];
	assert_ptr_equal(it->exercise, ex("romanian_deadlift"));
	assert_true(it->load == 137.5);
	assert_string_equal(it->tempo, "3-1-X");
	it = &back->weeks[0].sessions[0].blocks[CO_BLOCK_ACCESSORY].items[0];
	assert_int_equal(it->reps, 0);
	assert_int_equal(it->seconds, 30);
	assert_true(it->load < 0);
	assert_null(it->tempo);
	assert_true(it->rpe == 7.5);
	assert_int_equal(back->n_races, 1);
	assert_int_equal(back->races[0].priority, CO_RACE_A);
	free(a);
	free(b);
	co_plan_free(back);
	co_plan_free(p);
}

static const char profile_text[] =
	"[athlete]\n"
	"name = Alex Runner\n"
	"start = 2027-01-04\n"
	"equipment = barbell, dumbbells, kettlebell, bench, band, box\n"
	"niggles = achilles_left\n"
	"[week]\n"
	"mon = rest\ntue = intervals 60\nwed = easy 45\nthu = tempo 50\n"
	"fri = rest\nsat = easy 40\nsun = long 120\n"
	"[race Spring Marathon]\n"
	"date = 2027-04-25\n"
	"distance = marathon\n"
	"[race City Half]\n"
	"date = 2027-03-14\n"
	"distance = half\n"
	"priority = B\n"
	"[lifts]\n"
	"romanian_deadlift = 80\n";

static co_plan *built_plan(void)
{
	co_profile *prof = NULL;
	co_plan *p = NULL;

	assert_int_equal(co_profile_parse(&prof, profile_text, strlen(profile_text), "p.ini",
					  D(2026, 12, 30)), 0);
	assert_int_equal(co_plan_build(&p, prof, NULL, co_catalog_default(), NULL), 0);
	co_profile_free(prof);
	return p;
}

static void round_trip_built_plan(void **state)
{
	co_plan *p = built_plan(), *back = NULL;
	char *a = NULL, *b = NULL;

	(void)state;
	assert_int_equal(co_plan_to_json(&a, p, 0, 0), 0);
	assert_int_equal(co_json_parse_plan(&back, a, strlen(a), "plan.json", co_catalog_default()), 0);
	assert_int_equal(co_plan_to_json(&b, back, 0, 0), 0);
	assert_string_equal(a, b);
	assert_int_equal(back->n_weeks, p->n_weeks);
	/* the session cards (the calendar's descriptions) are the same too */
	for (size_t w = 0; w < p->n_weeks; w++)
		for (size_t i = 0; i < p->weeks[w].n_sessions; i++) {
			char *c1 = co_session_card(p, &p->weeks[w].sessions[i]);
			char *c2 = co_session_card(back, &back->weeks[w].sessions[i]);
			assert_string_equal(c1, c2);
			free(c1);
			free(c2);
		}
	free(a);
	free(b);
	co_plan_free(back);
	co_plan_free(p);
}

static void week_window(void **state)
{
	co_plan *p = built_plan();
	char *json = NULL;

	(void)state;
	assert_true(p->n_weeks > 6);
	assert_int_equal(co_plan_to_json(&json, p, 0, 0), 0);
	assert_int_equal(count(json, "\"index\": "), p->n_weeks);
	free(json);

	/* from the middle of week 3, two weeks: weeks 3 and 4 */
	assert_int_equal(co_plan_to_json(&json, p, p->weeks[2].start + 3, 2), 0);
	assert_int_equal(count(json, "\"index\": "), 2);
	assert_non_null(strstr(json, "\"index\": 3,"));
	assert_non_null(strstr(json, "\"index\": 4,"));
	free(json);

	/* a Monday starts its own week; past the end, none */
	assert_int_equal(co_plan_to_json(&json, p, p->weeks[2].start + 7, 1), 0);
	assert_non_null(strstr(json, "\"index\": 4,"));
	assert_int_equal(count(json, "\"index\": "), 1);
	free(json);
	assert_int_equal(co_plan_to_json(&json, p, p->weeks[p->n_weeks - 1].start + 7, 0), 0);
	assert_int_equal(count(json, "\"index\": "), 0);
	assert_non_null(strstr(json, "\"weeks\": []"));
	free(json);
	co_plan_free(p);
}

/* Replace the first `from` in `text` with `to` (a test helper: `from` must be there). */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	co_strbuf sb = CO_STRBUF_INIT;

	if (!at)
		fail_msg("'%s' not in the plan JSON", from);
	co_strbuf_add(&sb, text, (size_t)(at - text));
	co_strbuf_adds(&sb, to);
	co_strbuf_adds(&sb, at + strlen(from));
	return co_strbuf_detach(&sb);
}

typedef struct bad_case {
	const char *from, *to;
	const char *message;
} bad_case;

static void bad_plans(void **state)
{
	static const bad_case cases[] = {
		{"\"deload\": false,", "",
		 "plan.json: weeks[0].deload: missing"},
		{"\"minutes\": 44,", "\"minutes\": \"44\",",
		 "plan.json: weeks[0].sessions[0].minutes: expected an integer, got a string"},
		{"\"phase\": \"base\"", "\"phase\": \"bsae\"",
		 "plan.json: weeks[0].phase: unknown value 'bsae' (did you mean 'base'?)"},
		{"\"exercise\": \"romanian_deadlift\"", "\"exercise\": \"zercher_curl\"",
		 "plan.json: weeks[0].sessions[0].blocks[1].items[0].exercise: unknown exercise "
		 "'zercher_curl'"},
		{"\"seconds\": 30", "\"seconds\": -30",
		 "plan.json: weeks[0].sessions[0].blocks[2].items[0].seconds: -30 is out of range (1-36000)"},
		{"\"load\": 137.5", "\"load\": \"heavy\"",
		 "plan.json: weeks[0].sessions[0].blocks[1].items[0].load: expected a number or null, "
		 "got a string"},
		{"\"tempo\": \"3-1-X\"", "\"tempo\": \"9-9-9-9\"",
		 "plan.json: weeks[0].sessions[0].blocks[1].items[0].tempo: unknown tempo '9-9-9-9'"},
		{"\"date\": \"2027-01-05\"", "\"date\": \"2027-02-30\"",
		 "plan.json: weeks[0].runs[0].date: invalid date '2027-02-30' (expected YYYY-MM-DD)"},
		{"\"units\": \"lb\"", "\"units\": \"stone\"",
		 "plan.json: athlete.units: unknown value 'stone'"},
		{"\"kind\": \"warmup\"", "\"kind\": \"main\"",
		 "plan.json: weeks[0].sessions[0].blocks[1].kind: a second 'main' block"},
		{"\"strides\": null", "\"strides\": 6",
		 "plan.json: weeks[0].sessions[1].strides: expected an object or null, got an integer"},
	};
	co_plan *p = hand_plan(), *back = (co_plan *)1;
	char *json = NULL;

	(void)state;
	assert_int_equal(co_plan_to_json(&json, p, 0, 0), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *bad = edit(json, cases[i].from, cases[i].to);
		int rc = co_json_parse_plan(&back, bad, strlen(bad), "plan.json", co_catalog_default());

		if (rc != CO_EINPUT || strcmp(co_error_last(), cases[i].message))
			fail_msg("case %zu: rc %d\n  got      %s\n  expected %s", i, rc,
				 co_error_last(), cases[i].message);
		assert_null(back);
		free(bad);
	}

	/* a misspelt exercise gets a suggestion */
	{
		char *bad = edit(json, "\"exercise\": \"romanian_deadlift\"",
				 "\"exercise\": \"romanian_deadlfit\"");
		assert_int_equal(co_json_parse_plan(&back, bad, strlen(bad), "plan.json",
						    co_catalog_default()), CO_EINPUT);
		assert_non_null(strstr(co_error_last(), "(did you mean '"));
		free(bad);
	}

	/* syntax errors: jansson's line and column */
	{
		static const char text[] = "{\n  \"athlete\": {\"name\": \"A\", \"units\": \"kg\"},\n"
					   "  \"weeks\": [,]\n}\n";
		assert_int_equal(co_json_parse_plan(&back, text, strlen(text), "plan.json",
						    co_catalog_default()), CO_EINPUT);
		assert_non_null(strstr(co_error_last(), "plan.json:3:"));
	}
	{
		static const char text[] = "{\"athlete\": {\"name\": \"A\", \"units\": \"kg\"},\n"
					   " \"weeks\": [], \"weeks\": []}";
		assert_int_equal(co_json_parse_plan(&back, text, strlen(text), "plan.json",
						    co_catalog_default()), CO_EINPUT);
		assert_non_null(strstr(co_error_last(), "plan.json:2:"));
		assert_non_null(strstr(co_error_last(), "duplicate"));
	}
	assert_int_equal(co_json_parse_plan(&back, "[]", 2, "plan.json", co_catalog_default()),
			 CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.json: expected an object at the top, got an array");
	/* the smallest plan the contract allows */
	{
		static const char text[] = "{\"athlete\": {\"name\": \"A\", \"units\": \"kg\"}, \"weeks\": []}";
		assert_int_equal(co_json_parse_plan(&back, text, strlen(text), "plan.json",
						    co_catalog_default()), 0);
		assert_int_equal(back->n_weeks, 0);
		co_plan_free(back);
	}
	free(json);
	co_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contract_fields),
		cmocka_unit_test(round_trip_hand_plan),
		cmocka_unit_test(round_trip_built_plan),
		cmocka_unit_test(week_window),
		cmocka_unit_test(bad_plans),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
