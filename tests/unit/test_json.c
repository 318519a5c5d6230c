/*
 * The plan contract as JSON: every contract field present with the right
 * null-ness (reps/seconds, rpe, tempo, load, strides), the week window, a
 * round trip that reproduces the text exactly (hand-made and planned
 * plans), and bad plans named by JSON line:column or by JSON path. Then the
 * other documents of src/formats/json.c: the exercise catalogue (every
 * exercise, every field typed as the CLI always wrote it) and imported
 * activities (awkward strings, invalid UTF-8, stored JSON that is damaged).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "carryover/carryover.h"
#include "util/strbuf.h"
#include "testutil.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

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
		w->runs[0] = (co_plan_run){.date = w->start + 1, .type = CO_RUN_INTERVALS, .minutes = 60,
					   .distance_km = 11.5, .key = true, .source = CO_RUN_FROM_TEMPLATE};
		w->runs[1] = (co_plan_run){.date = w->start + 2, .type = CO_RUN_EASY, .minutes = 45,
					   .key = false, .source = CO_RUN_FROM_CALENDAR};
		w->run_minutes = 105;
		w->key_minutes = 60;
		w->volume = 120;
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
			co_test_add_item(&s->blocks[CO_BLOCK_WARMUP], "glute_bridge", 2, 10, 0, 0, NULL, -1, NULL);
			co_test_add_item(&s->blocks[CO_BLOCK_MAIN], "romanian_deadlift", 3, 8, 0, 7, "3-1-X",
				 137.5, NULL);
			{
				co_item *m = &s->blocks[CO_BLOCK_MAIN].items[0];

				m->rest_s = 120;
				m->ramp[0] = (co_ramp_set){5, 70};
				m->ramp[1] = (co_ramp_set){3, 102.5};
				m->n_ramp = 2;
				m->load_basis = CO_LOAD_BASIS_TOTAL;
			}
			co_test_add_item(&s->blocks[CO_BLOCK_ACCESSORY], "side_plank", 3, 0, 30, 7.5, NULL, -1,
				 "A8: regression of copenhagen plank (adductor)");
			co_test_add_item(&s->blocks[CO_BLOCK_COOLDOWN], "goblet_squat", 1, 5, 0, 0, NULL, 0, NULL);
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
	assert_non_null(strstr(pretty, "{\n  \"version\": 1,\n  \"athlete\": {\n    \"name\": "));
	json = squash(pretty);
	assert_non_null(strstr(json, "{\"version\":1,\"athlete\":{\"name\":\"Alex \\\"AR\\\" Runner\","
				     "\"units\":\"lb\"},"));
	assert_int_equal(count(json, "\"index\":"), 2);
	assert_non_null(strstr(json, "{\"index\":2,\"start\":\"2027-01-11\",\"phase\":\"build\","
				     "\"deload\":true,\"runs\":["));
	assert_non_null(strstr(json, "{\"date\":\"2027-01-05\",\"type\":\"intervals\","
				     "\"minutes\":60,\"key\":true,\"distance_km\":11.5,"
				     "\"source\":\"template\",\"rpe\":null,\"planned\":null}"));
	assert_non_null(strstr(json, "\"key\":false,\"distance_km\":null,\"source\":\"calendar\","));
	/* issue 10.2: a session's status is null when the plan has no today */
	assert_int_equal(count(json, "\"status\":null,\"items_done\":null,\"items_planned\":null,"
				     "\"skip_reason\":null}"), 4);
	assert_non_null(strstr(json, "\"tests\":[{\"date\":\"2027-01-06\",\"kind\":\"single_leg_squat\"}]"));
	assert_non_null(strstr(json, "\"sessions\":[{\"date\":\"2027-01-05\",\"focus\":\"posterior_chain\","
				     "\"minutes\":44,\"why\":[\"E2: after Tuesday's intervals"));
	assert_non_null(strstr(json, "\"focus\":\"stability\""));
	assert_int_equal(count(json, "\"strides\":{\"reps\":6,\"seconds\":20}"), 2);
	assert_int_equal(count(json, "\"strides\":null"), 2);
	assert_int_equal(count(json, "\"blocks\":[{\"kind\":\"warmup\",\"items\":["), 4);
	assert_int_equal(count(json, "{\"kind\":\"cooldown\",\"items\":["), 4);
	assert_int_equal(count(json, "\"uid\":\"2027"), 4);
	assert_non_null(strstr(json, "\"run_minutes\":105,\"key_minutes\":60,\"volume\":120,"
				     "\"notes\":[\"C9: deload, volume down 40%\"]"));

	/* a main lift: reps, rpe, tempo and load; seconds null */
	it = item_text(json, "romanian_deadlift");
	assert_non_null(strstr(it, "\"name\":\"Romanian deadlift\",\"pattern\":\"hinge\","
				   "\"regions\":["));
	assert_non_null(strstr(it, "\"hamstrings\""));
	assert_non_null(strstr(it, "\"sets\":3,\"reps\":8,\"seconds\":null,\"rpe\":7,"
				   "\"tempo\":\"3-1-X\",\"load\":137.5,\"note\":null"));
	/* B6, added: rest, ramp sets, what the load counts */
	assert_non_null(strstr(json, "\"note\":null,\"rest_s\":120,\"ramp_sets\":[{\"reps\":5,\"load\":70},"
				   "{\"reps\":3,\"load\":102.5}],\"load_basis\":\"total\""));
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
	assert_int_equal(back->weeks[0].volume, 120);
	assert_false(back->weeks[0].sessions[1].strides);
	assert_string_equal(back->weeks[0].sessions[0].uid, p->weeks[0].sessions[0].uid);
	it = &back->weeks[0].sessions[0].blocks[CO_BLOCK_MAIN].items[0];
	assert_ptr_equal(it->exercise, co_test_ex("romanian_deadlift"));
	assert_true(it->load == 137.5);
	assert_string_equal(it->tempo, "3-1-X");
	assert_int_equal(it->rest_s, 120);
	assert_int_equal(it->n_ramp, 2);
	assert_true(it->ramp[1].load == 102.5);
	assert_int_equal(it->load_basis, CO_LOAD_BASIS_TOTAL);
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
	assert_int_equal(co_plan_build(&p, &(co_plan_input){.profile = prof, .catalog = co_catalog_default()}, NULL), 0);
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
			char *c1 = co_test_card(p, &p->weeks[w].sessions[i]);
			char *c2 = co_test_card(back, &back->weeks[w].sessions[i]);
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
		 "plan.json: weeks[0].runs[0].date: '2027-02-30' is not a real date"},
		{"\"units\": \"lb\"", "\"units\": \"stone\"",
		 "plan.json: athlete.units: unknown value 'stone'"},
		{"\"version\": 1", "\"version\": 2",
		 "plan.json: version: plan JSON version 2 is newer than this carryover reads (1); "
		 "upgrade carryover"},
		{"\"version\": 1", "\"version\": \"1\"",
		 "plan.json: version: expected a whole number from 1, got a string"},
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

/* ---- the exercise catalogue and imported activities ------------------------------
 * These documents are read back with jansson itself, as an independent
 * reader (the way test_store.c opens the database with sqlite3): the output
 * must parse, and each field must have the type and value it always had. */

static json_t *parse(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("output does not parse: %d:%d: %s", err.line, err.column, err.text);
	return j;
}

static size_t lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* o[key], which must be there: NULL when `null` (and it is null), else the value. */
static json_t *member(const json_t *o, const char *key, bool null)
{
	json_t *j = json_object_get(o, key);

	if (!j)
		fail_msg("no '%s'", key);
	assert_int_equal(json_is_null(j), null);
	return null ? NULL : j;
}

static void expect_string_or_null(const json_t *o, const char *key, const char *want)
{
	json_t *j = member(o, key, !want);

	if (j) {
		assert_true(json_is_string(j));
		assert_string_equal(json_string_value(j), want);
	}
}

/* A name array: exactly the names of the set bits, lowest bit first. */
static void expect_bits(const json_t *o, const char *key, unsigned bits, unsigned count,
			const char *(*name)(unsigned))
{
	json_t *a = json_object_get(o, key);
	size_t k = 0;

	assert_true(json_is_array(a));
	for (unsigned i = 0; i < count; i++) {
		if (!(bits & (1u << i)))
			continue;
		assert_true(k < json_array_size(a));
		assert_string_equal(json_string_value(json_array_get(a, k)), name(1u << i));
		k++;
	}
	assert_int_equal(json_array_size(a), k);
}

static const char *region_of(unsigned b) { return co_region_name((co_region)b); }
static const char *equipment_of(unsigned b) { return co_equipment_name((co_equipment)b); }
static const char *carryover_of(unsigned b) { return co_carryover_name((co_carryover)b); }

static void expect_range(const json_t *o, const char *key, bool present, int min, int max)
{
	json_t *r = member(o, key, !present);

	if (!r)
		return;
	assert_true(json_is_object(r));
	assert_int_equal(json_object_size(r), 2);
	assert_true(json_is_integer(json_object_get(r, "min")));
	assert_int_equal(json_integer_value(json_object_get(r, "min")), min);
	assert_int_equal(json_integer_value(json_object_get(r, "max")), max);
}

/* Every field of one exercise object, against the catalogue entry. */
static void expect_exercise(const json_t *o, const co_exercise *e, bool with_why)
{
	json_t *a, *fit;
	size_t n = 0;

	assert_true(json_is_object(o));
	assert_int_equal(json_object_size(o), with_why ? 19 : 18);
	expect_string_or_null(o, "id", e->id);
	expect_string_or_null(o, "name", e->name);
	a = json_object_get(o, "aliases");
	assert_true(json_is_array(a));
	for (; e->aliases[n]; n++)
		assert_string_equal(json_string_value(json_array_get(a, n)), e->aliases[n]);
	assert_int_equal(json_array_size(a), n);
	expect_string_or_null(o, "pattern", co_pattern_name(e->pattern));
	expect_bits(o, "regions", e->regions, CO_REGION_COUNT, region_of);
	assert_true(json_is_boolean(json_object_get(o, "unilateral")));
	assert_int_equal(json_is_true(json_object_get(o, "unilateral")), e->unilateral);
	expect_bits(o, "equipment", e->equipment, CO_EQUIP_COUNT, equipment_of);
	expect_string_or_null(o, "level", co_level_name(e->level));
	expect_bits(o, "carryover", e->carryover, CO_CARRY_COUNT, carryover_of);
	assert_true(json_is_boolean(json_object_get(o, "ballistic")));
	assert_int_equal(json_is_true(json_object_get(o, "ballistic")), e->ballistic);
	assert_true(json_is_boolean(json_object_get(o, "compound")));
	assert_int_equal(json_is_true(json_object_get(o, "compound")), e->compound);
	expect_string_or_null(o, "tempo", e->tempo);
	expect_range(o, "reps", e->dose == CO_DOSE_REPS, e->dose_min, e->dose_max);
	expect_range(o, "seconds", e->dose != CO_DOSE_REPS, e->dose_min, e->dose_max);
	expect_string_or_null(o, "progression", e->progression);
	expect_string_or_null(o, "regression", e->regression);
	fit = json_object_get(o, "fit");
	assert_true(json_is_object(fit));
	assert_true(json_is_integer(json_object_get(fit, "category")));
	assert_int_equal(json_integer_value(json_object_get(fit, "category")), e->fit_category);
	assert_int_equal(json_integer_value(json_object_get(fit, "name")), e->fit_name);
	expect_string_or_null(o, "cue", e->cue);
	if (with_why)
		expect_string_or_null(o, "why", co_pattern_why(e->pattern));
	else
		assert_null(json_object_get(o, "why"));
}

static void catalog_json(void **state)
{
	const co_catalog *cat = co_catalog_default();
	size_t n = co_catalog_count(cat);
	const co_exercise *pick[2];
	char *out = NULL;
	json_t *root;

	(void)state;
	assert_true(n > 50);
	/* the whole catalogue, in catalogue order, one exercise a line */
	assert_int_equal(co_catalog_to_json(&out, cat, NULL, 0), 0);
	assert_int_equal(lines(out), n + 2);
	assert_non_null(strstr(out, "[\n  {\"id\": "));
	root = parse(out);
	assert_true(json_is_array(root));
	assert_int_equal(json_array_size(root), n);
	for (size_t i = 0; i < n; i++)
		expect_exercise(json_array_get(root, i), co_catalog_at(cat, i), false);
	json_decref(root);
	free(out);

	/* a chosen list, in the order given */
	pick[0] = co_test_ex("side_plank");
	pick[1] = co_test_ex("romanian_deadlift");
	assert_int_equal(co_catalog_to_json(&out, cat, pick, 2), 0);
	root = parse(out);
	assert_int_equal(json_array_size(root), 2);
	expect_exercise(json_array_get(root, 0), pick[0], false);
	expect_exercise(json_array_get(root, 1), pick[1], false);
	json_decref(root);
	free(out);

	/* none: an empty array */
	assert_int_equal(co_catalog_to_json(&out, cat, pick, 0), 0);
	assert_string_equal(out, "[]\n");
	free(out);

	/* one exercise, with why, on one line */
	assert_int_equal(co_exercise_to_json(&out, pick[1], true), 0);
	assert_int_equal(lines(out), 1);
	assert_int_equal(out[strlen(out) - 1], '\n');
	root = parse(out);
	expect_exercise(root, pick[1], true);
	json_decref(root);
	free(out);
}

/* Awkward bytes in every string an activity row carries. */
static void activities_json(void **state)
{
	co_store_activity_row rows[3] = {CO_STORE_ACTIVITY_ROW_INIT, CO_STORE_ACTIVITY_ROW_INIT,
					 CO_STORE_ACTIVITY_ROW_INIT};
	char *out = NULL;
	json_t *root, *a;

	(void)state;
	rows[0].id = 1;
	rows[0].hash = "h1";
	rows[0].sport = "running";
	/* quotes, backslash, controls, DEL, valid UTF-8, then invalid UTF-8:
	 * a lone byte, a cut sequence, an overlong '/', a surrogate */
	rows[0].source = "q\"b\\s\n\t\x01\x1f\x7f Z\xc3\xbcrich \xe2\x82\xac"
			 "\xff|\xe2\x82x|\xc0\xaf|\xed\xa0\x80.fit";
	rows[0].device = "Forerunner \"965\"\r";
	rows[0].start_utc = 1560591743;
	rows[0].utc_offset_s = 19800; /* +05:30 */
	rows[0].local_date = co_date_from_ymd(2019, 6, 15);
	rows[0].elapsed_s = 3723.25;
	rows[0].moving_s = 3600;
	rows[0].distance_m = 10000;
	rows[0].avg_hr = 150;
	rows[0].rpe = 6.5;
	rows[0].summary_json = "{\"type\":\"tempo\",\"ef\":1.234,\"decoupling\":-0.0312,"
			       "\"threshold_pace_s_per_km\":245.5,\"nested\":{\"ef\":9}}";
	rows[0].laps_json = "[{\"start\":\"2019-06-15T09:42:23Z\",\"distance_m\":1000.5},{}]";
	/* stored JSON that is not what it should be: read as unknown */
	rows[1].id = 2;
	rows[1].hash = "h2";
	rows[1].sport = "cycling";
	rows[1].source = "b.gpx";
	rows[1].summary_json = "{\"type\": \"easy\", \"ef\": "; /* cut */
	rows[1].laps_json = "[1, 2";
	rows[2].id = 3;
	rows[2].hash = "h3";
	rows[2].sport = "running";
	rows[2].source = "c.tcx";
	rows[2].summary_json = "[\"type\", \"ef\"]"; /* not an object */

	assert_int_equal(co_activities_to_json(&out, rows, 3), 0);
	/* one activity a line, and no raw control byte inside any of them */
	assert_int_equal(lines(out), 3 + 2);
	for (const char *p = out; *p; p++)
		assert_true(*p == '\n' || (unsigned char)*p >= 0x20);
	/* invalid bytes show as \ufffd, valid UTF-8 passes through */
	assert_non_null(strstr(out, "\\ufffd"));
	assert_non_null(strstr(out, "Z\xc3\xbcrich \xe2\x82\xac"));
	root = parse(out);
	assert_int_equal(json_array_size(root), 3);

	a = json_array_get(root, 0);
	expect_string_or_null(a, "source", "q\"b\\s\n\t\x01\x1f\x7f Z\xc3\xbcrich \xe2\x82\xac"
			      "\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbdx|\xef\xbf\xbd\xef\xbf\xbd|"
			      "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd.fit");
	expect_string_or_null(a, "device", "Forerunner \"965\"\r");
	expect_string_or_null(a, "start", "2019-06-15T09:42:23Z");
	expect_string_or_null(a, "local_start", "2019-06-15T15:12:23+05:30");
	expect_string_or_null(a, "date", "2019-06-15");
	expect_string_or_null(a, "sub_sport", NULL);
	expect_string_or_null(a, "type", "tempo");
	assert_true(json_is_real(json_object_get(a, "duration_s")));
	assert_true(json_real_value(json_object_get(a, "duration_s")) == 3723.25);
	assert_true(json_is_integer(json_object_get(a, "moving_s")));
	assert_int_equal(json_integer_value(json_object_get(a, "pace_s_per_km")), 360);
	assert_int_equal(json_integer_value(json_object_get(a, "avg_hr")), 150);
	assert_true(json_is_null(json_object_get(a, "max_hr")));
	assert_true(json_is_null(json_object_get(a, "ascent_m")));
	assert_true(json_real_value(json_object_get(a, "rpe")) == 6.5);
	assert_true(json_is_null(json_object_get(a, "feel")));
	/* markers: the top-level keys of summary_json, not a nested one */
	assert_true(json_real_value(json_object_get(a, "ef")) == 1.234);
	assert_true(json_real_value(json_object_get(a, "decoupling")) == -0.0312);
	assert_true(json_real_value(json_object_get(a, "threshold_pace_s_per_km")) == 245.5);
	assert_int_equal(json_array_size(json_object_get(a, "laps")), 2);
	assert_true(json_real_value(json_object_get(json_array_get(json_object_get(a, "laps"), 0),
						    "distance_m")) == 1000.5);

	a = json_array_get(root, 1);
	assert_true(json_is_null(json_object_get(a, "type")));
	assert_true(json_is_null(json_object_get(a, "ef")));
	assert_true(json_is_null(json_object_get(a, "laps")));
	assert_true(json_is_null(json_object_get(a, "duration_s")));
	assert_true(json_is_null(json_object_get(a, "pace_s_per_km")));
	a = json_array_get(root, 2);
	assert_true(json_is_null(json_object_get(a, "type")));
	assert_int_equal(json_array_size(json_object_get(a, "laps")), 0);
	assert_true(json_is_array(json_object_get(a, "laps")));
	json_decref(root);
	free(out);
}

/* What import stores: laps and the summary, and the summary read back. */
static void activity_documents(void **state)
{
	co_activity act;
	co_run_markers m = {CO_RUN_EASY, "steady \"easy\" pace", 245.678912, 50.123456,
			    1.23456789, -0.0312345, true};
	co_lap lap = {1560591743, 300.5, 290, 1000, CO_UNKNOWN, 150, 0};
	co_store_activity_row row = CO_STORE_ACTIVITY_ROW_INIT;
	char *laps = NULL, *summary = NULL, *list = NULL;
	json_t *j, *l;

	(void)state;
	co_activity_init(&act);
	act.format = "fit";
	act.sub_sport = 0;
	act.truncated = 1;
	for (uint32_t i = 0; i < 10; i++) {
		co_sample s;

		co_sample_init(&s);
		s.t = i;
		s.hr = i < 4 ? 140 : 0;
		if (i % 2)
			co_sample_set_pos(&s, 47.1, 8.5);
		assert_int_equal(co_activity_add_sample(&act, &s), 0);
	}
	assert_int_equal(co_activity_add_lap(&act, &lap), 0);
	lap = (co_lap){0, CO_UNKNOWN, CO_UNKNOWN, CO_UNKNOWN, CO_UNKNOWN, 0, 0};
	assert_int_equal(co_activity_add_lap(&act, &lap), 0);

	assert_int_equal(co_activity_laps_to_json(&laps, &act), 0);
	assert_null(strchr(laps, '\n'));
	assert_non_null(strstr(laps, "[{\"start\":\"2019-06-15T09:42:23Z\",\"elapsed_s\":300.5,"
				     "\"moving_s\":290,\"distance_m\":1000,\"avg_hr\":150,"
				     "\"max_hr\":null,\"pace_s_per_km\":290},"));
	j = parse(laps);
	l = json_array_get(j, 1);
	assert_int_equal(json_object_size(l), 7);
	assert_true(json_is_null(json_object_get(l, "start")));
	assert_true(json_is_null(json_object_get(l, "distance_m")));
	assert_true(json_is_null(json_object_get(l, "pace_s_per_km")));
	json_decref(j);

	assert_int_equal(co_activity_summary_to_json(&summary, &act, &m), 0);
	/* significant digits as before: pace 6, VDOT, EF and decoupling 4 */
	assert_string_equal(summary,
			    "{\"format\":\"fit\",\"type\":\"easy\","
			    "\"type_reason\":\"steady \\\"easy\\\" pace\","
			    "\"threshold_pace_s_per_km\":245.679,\"threshold_vdot\":50.12,"
			    "\"ef\":1.235,\"decoupling\":-0.03123,\"samples\":10,"
			    "\"sample_stride_s\":1,\"hr_samples\":4,\"pos_samples\":5,"
			    "\"sub_sport_id\":0,\"utc_offset_known\":false,\"truncated\":true}");

	/* the list repeats the summary's markers and embeds the laps */
	row.id = 9;
	row.hash = "h";
	row.source = "a.fit";
	row.sport = "running";
	row.summary_json = summary;
	row.laps_json = laps;
	assert_int_equal(co_activities_to_json(&list, &row, 1), 0);
	assert_non_null(strstr(list, "\"type\":\"easy\","));
	assert_non_null(strstr(list, "\"threshold_pace_s_per_km\":245.679,\"ef\":1.235,"
				     "\"decoupling\":-0.03123,"));
	assert_non_null(strstr(list, laps));
	free(list);

	/* no markers: nulls, never 0 */
	free(summary);
	m = (co_run_markers){CO_RUN_CROSS, "not a run", 0, 0, 0, 0, false};
	assert_int_equal(co_activity_summary_to_json(&summary, &act, &m), 0);
	assert_non_null(strstr(summary, "\"threshold_pace_s_per_km\":null,\"threshold_vdot\":null,"
					"\"ef\":null,\"decoupling\":null,"));
	free(summary);
	free(laps);
	co_activity_release(&act);
}

/* The activities table reads the guessed run type out of the stored summary. */
static void string_member(void **state)
{
	char buf[16];

	assert_true(co_json_string_member(buf, sizeof(buf), "{\"ef\":1.2,\"type\":\"tempo\"}", "type"));
	assert_string_equal(buf, "tempo");
	/* escapes are decoded, long values truncated */
	assert_true(co_json_string_member(buf, 6, "{\"type\":\"a\\\"bcdefgh\"}", "type"));
	assert_string_equal(buf, "a\"bcd");
	/* a member that is not a string, a missing one, and text that is not JSON */
	assert_false(co_json_string_member(buf, sizeof(buf), "{\"type\":3}", "type"));
	assert_string_equal(buf, "");
	assert_false(co_json_string_member(buf, sizeof(buf), "{\"kind\":\"x\"}", "type"));
	assert_false(co_json_string_member(buf, sizeof(buf), "{\"type\":\"tem", "type"));
	assert_false(co_json_string_member(buf, sizeof(buf), NULL, "type"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contract_fields),
		cmocka_unit_test(round_trip_hand_plan),
		cmocka_unit_test(round_trip_built_plan),
		cmocka_unit_test(week_window),
		cmocka_unit_test(bad_plans),
		cmocka_unit_test(catalog_json),
		cmocka_unit_test(activities_json),
		cmocka_unit_test(activity_documents),
		cmocka_unit_test(string_member),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
