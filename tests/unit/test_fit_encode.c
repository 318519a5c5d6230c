/*
 * The FIT workout encoder (co_fit_workout_encode) and the export use case
 * on top of it (co_app_export_fit): the header and both CRCs of a written
 * file, our own decoder's message walk over it (co_fit_walk) reading back
 * every field written, rest steps without any exercise field, repeat steps,
 * strings cut on a UTF-8 boundary, refused workouts, and from a hand-built
 * plan: pounds converted to kg, bodyweight without a weight, one title per
 * unambiguous pair, file names and serials. Garmin's SDK reads the same
 * files in tests/oracle/fitworkout.test.mjs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/app.h"
#include "carryover/error.h"
#include "carryover/fit.h"
#include "carryover/fit_workout.h"
#include "carryover/plan.h"
#include "testutil.h"

#define NONE CO_FIT_NONE16

/* What the walk saw. */
typedef struct seen_step {
	int64_t index, dtype, dvalue, ttype, tvalue, intensity, category, name, weight, unit;
	bool has_category, has_name, has_weight;
	char step_name[CO_FIT_STRING_MAX + 8], notes[CO_FIT_STRING_MAX + 8];
} seen_step;

typedef struct seen {
	int n_file_id, n_workout, n_steps, n_titles, n_other;
	int64_t type, manufacturer, serial, created;
	int64_t sport, sub_sport, num_steps;
	char wkt_name[CO_FIT_STRING_MAX + 8];
	seen_step step[16];
	struct {
		int64_t category, name;
		char title[CO_FIT_STRING_MAX + 8];
	} title[8];
} seen;

static int64_t get(const co_fit_mesg *m, unsigned num)
{
	int64_t v = -1;

	return co_fit_mesg_int(m, num, &v) ? v : -1;
}

static int on_mesg(void *ctx, const co_fit_mesg *m)
{
	seen *s = ctx;
	co_fit_field f;

	switch (m->global) {
	case CO_FIT_FILE_ID:
		s->n_file_id++;
		s->type = get(m, 0);
		s->manufacturer = get(m, 1);
		s->serial = get(m, 3);
		s->created = get(m, 4);
		break;
	case 26:
		s->n_workout++;
		s->sport = get(m, 4);
		s->sub_sport = get(m, 11);
		s->num_steps = get(m, 6);
		co_fit_mesg_string(m, 8, s->wkt_name, sizeof(s->wkt_name));
		break;
	case 27:
		if (s->n_steps < 16) {
			seen_step *st = &s->step[s->n_steps];

			st->index = get(m, 254);
			st->dtype = get(m, 1);
			st->dvalue = get(m, 2);
			st->ttype = get(m, 3);
			st->tvalue = get(m, 4);
			st->intensity = get(m, 7);
			st->has_category = co_fit_mesg_field(m, 10, &f);
			st->has_name = co_fit_mesg_field(m, 11, &f);
			st->has_weight = co_fit_mesg_field(m, 12, &f);
			st->category = get(m, 10);
			st->name = get(m, 11);
			st->weight = get(m, 12);
			st->unit = get(m, 13);
			co_fit_mesg_string(m, 0, st->step_name, sizeof(st->step_name));
			co_fit_mesg_string(m, 8, st->notes, sizeof(st->notes));
		}
		s->n_steps++;
		break;
	case 264:
		if (s->n_titles < 8) {
			s->title[s->n_titles].category = get(m, 0);
			s->title[s->n_titles].name = get(m, 1);
			co_fit_mesg_string(m, 2, s->title[s->n_titles].title,
					   sizeof(s->title[0].title));
		}
		s->n_titles++;
		break;
	default:
		s->n_other++;
	}
	return 0;
}

static const co_fit_step demo_steps[] = {
	{"Clamshell", NULL, CO_FIT_DURATION_REPS, CO_FIT_INTENSITY_WARMUP, 12, 0, 10, 44, NONE,
	 CO_FIT_UNIT_KG},
	{"Romanian deadlift", "3 x 8 @ RPE 7", CO_FIT_DURATION_REPS, CO_FIT_INTENSITY_ACTIVE, 8, 0,
	 8, 23, 6250, CO_FIT_UNIT_KG},
	{NULL, NULL, CO_FIT_DURATION_TIME, CO_FIT_INTENSITY_REST, 90000, 0, NONE, NONE, NONE, NONE},
	{NULL, NULL, CO_FIT_DURATION_REPEAT, 0, 1, 3, NONE, NONE, NONE, NONE},
	{"Side plank", NULL, CO_FIT_DURATION_TIME, CO_FIT_INTENSITY_COOLDOWN, 40000, 0, 19, 66, NONE,
	 CO_FIT_UNIT_KG},
};

static const co_fit_title demo_titles[] = {
	{10, 44, "Clamshell"}, {8, 23, "Romanian deadlift"}, {19, 66, "Side plank"},
};

static co_fit_workout demo(void)
{
	return (co_fit_workout){"Strength A", 123456789u, 1167609600u, demo_steps, 5, demo_titles, 3};
}

static void header_and_crc(void **state)
{
	co_fit_workout w = demo();
	unsigned char *buf = NULL;
	size_t len = 0;
	uint32_t data;

	(void)state;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), 0);
	assert_true(len > 16);
	assert_int_equal(buf[0], 14);               /* header with its CRC */
	assert_int_equal(buf[1] >> 4, 1);           /* protocol 1.x */
	assert_int_equal(buf[2] | buf[3] << 8, 21217);
	data = (uint32_t)buf[4] | (uint32_t)buf[5] << 8 | (uint32_t)buf[6] << 16 |
	       (uint32_t)buf[7] << 24;
	assert_int_equal(data, len - 16);          /* header and file CRC excluded */
	assert_memory_equal(buf + 8, ".FIT", 4);
	assert_int_equal(buf[12] | buf[13] << 8, co_fit_crc16(0, buf, 12));
	assert_int_equal(co_fit_crc16(0, buf, len), 0); /* CRC over the whole file */
	free(buf);
}

static void walks_back(void **state)
{
	co_fit_workout w = demo();
	unsigned char *buf = NULL, *again = NULL;
	size_t len = 0, len2 = 0;
	seen s;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), 0);
	assert_int_equal(co_fit_walk(buf, len, NULL, on_mesg, &s), 0);
	assert_int_equal(s.n_file_id, 1);
	assert_int_equal(s.type, 5);
	assert_int_equal(s.manufacturer, 255);
	assert_int_equal(s.serial, 123456789);
	assert_int_equal(s.created, 1167609600);
	assert_int_equal(s.n_workout, 1);
	assert_int_equal(s.sport, 10);
	assert_int_equal(s.sub_sport, 20);
	assert_int_equal(s.num_steps, 5);
	assert_string_equal(s.wkt_name, "Strength A");
	assert_int_equal(s.n_steps, 5);
	assert_int_equal(s.n_other, 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(s.step[i].index, i);
	/* warm-up exercise, bodyweight: no weight */
	assert_string_equal(s.step[0].step_name, "Clamshell");
	assert_int_equal(s.step[0].dtype, 29);
	assert_int_equal(s.step[0].dvalue, 12);
	assert_int_equal(s.step[0].ttype, 2);
	assert_int_equal(s.step[0].intensity, 2);
	assert_int_equal(s.step[0].category, 10);
	assert_int_equal(s.step[0].name, 44);
	assert_int_equal(s.step[0].weight, -1);
	assert_string_equal(s.step[0].notes, "");
	/* the main lift with its load and notes */
	assert_int_equal(s.step[1].weight, 6250);
	assert_int_equal(s.step[1].unit, 1);
	assert_int_equal(s.step[1].intensity, 0);
	assert_string_equal(s.step[1].notes, "3 x 8 @ RPE 7");
	/* rest: time, intensity rest, and no exercise field at all */
	assert_int_equal(s.step[2].dtype, 0);
	assert_int_equal(s.step[2].dvalue, 90000);
	assert_int_equal(s.step[2].intensity, 1);
	assert_false(s.step[2].has_category);
	assert_false(s.step[2].has_name);
	assert_false(s.step[2].has_weight);
	/* repeat: back to step 1, three times */
	assert_int_equal(s.step[3].dtype, 6);
	assert_int_equal(s.step[3].dvalue, 1);
	assert_int_equal(s.step[3].tvalue, 3);
	assert_false(s.step[3].has_category);
	/* a timed cool-down step */
	assert_int_equal(s.step[4].dtype, 0);
	assert_int_equal(s.step[4].dvalue, 40000);
	assert_int_equal(s.step[4].intensity, 3);
	assert_int_equal(s.n_titles, 3);
	assert_int_equal(s.title[1].category, 8);
	assert_int_equal(s.title[1].name, 23);
	assert_string_equal(s.title[1].title, "Romanian deadlift");

	/* the same workout, the same bytes */
	assert_int_equal(co_fit_workout_encode(&again, &len2, &w), 0);
	assert_int_equal(len, len2);
	assert_memory_equal(buf, again, len);
	free(buf);
	free(again);
}

static void long_strings_cut(void **state)
{
	char name[301];
	co_fit_step step = demo_steps[1];
	co_fit_workout w = demo();
	unsigned char *buf = NULL;
	size_t len = 0;
	seen s;

	(void)state;
	/* 150 two-byte characters: cut at 126 bytes, not inside a character */
	for (int i = 0; i < 150; i++)
		memcpy(name + 2 * i, "\xC3\xA9", 2);
	name[300] = 0;
	step.name = name;
	w.steps = &step;
	w.n_steps = 1;
	w.name = name;
	memset(&s, 0, sizeof(s));
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), 0);
	assert_int_equal(co_fit_walk(buf, len, NULL, on_mesg, &s), 0);
	assert_int_equal(strlen(s.step[0].step_name), CO_FIT_STRING_MAX - 2);
	assert_int_equal(strlen(s.wkt_name), CO_FIT_STRING_MAX - 2);
	assert_memory_equal(s.wkt_name, name, CO_FIT_STRING_MAX - 2);
	free(buf);
}

static void refused(void **state)
{
	co_fit_workout w = demo();
	co_fit_step steps[2] = {demo_steps[1], demo_steps[3]};
	unsigned char *buf = (unsigned char *)"x";
	size_t len = 1;

	(void)state;
	w.serial = 0;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), CO_EINPUT);
	assert_null(buf);
	assert_int_equal(len, 0);
	w = demo();
	w.n_steps = 0;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), CO_EINPUT);
	/* a repeat must point at an earlier step */
	w = demo();
	w.steps = steps;
	w.n_steps = 2;
	steps[1].duration_value = 1;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "repeats from step 1"));
	steps[1].duration_value = 0;
	steps[1].count = 0;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), CO_EINPUT);
	steps[1].count = 2;
	assert_int_equal(co_fit_workout_encode(&buf, &len, &w), 0);
	free(buf);
}

/* A one-week plan with hand-made sessions (freed by co_plan_free). */
static co_plan *hand_plan(co_units units)
{
	co_plan *p = calloc(1, sizeof(*p));
	co_week *w;
	co_session *s;

	p->units = units;
	p->start = co_date_from_ymd(2027, 1, 4);
	p->n_weeks = 1;
	p->weeks = w = calloc(1, sizeof(*w));
	w->index = 1;
	w->start = p->start;
	w->phase = CO_PHASE_BUILD;
	w->n_sessions = 3;
	w->sessions = s = calloc(3, sizeof(*s));
	/* Tuesday: warm-up with two exercises on one FIT pair, a loaded main lift */
	s[0].date = p->start + 1;
	s[0].focus = CO_FOCUS_POSTERIOR_CHAIN;
	strcpy(s[0].uid, "a-2027-01-05");
	co_test_add_item(&s[0].blocks[CO_BLOCK_WARMUP], "monster_walk", 1, 12, 0, 0, NULL, -1, NULL);
	co_test_add_item(&s[0].blocks[CO_BLOCK_WARMUP], "lateral_band_walk", 1, 12, 0, 0, NULL, -1,
			 NULL);
	co_test_add_item(&s[0].blocks[CO_BLOCK_MAIN], "romanian_deadlift", 3, 8, 0, 7, "3-1-X", 135,
			 NULL);
	co_test_add_item(&s[0].blocks[CO_BLOCK_ACCESSORY], "side_plank", 2, 0, 40, 7, NULL, -1, NULL);
	/* Thursday: two sessions of one focus (a rare double day) */
	for (int i = 1; i < 3; i++) {
		s[i].date = p->start + 3;
		s[i].focus = CO_FOCUS_STABILITY;
		snprintf(s[i].uid, sizeof(s[i].uid), "b-2027-01-07-%d", i);
		co_test_add_item(&s[i].blocks[CO_BLOCK_MAIN], "goblet_squat", 1, 10, 0, 7, NULL, 24,
				 NULL);
	}
	return p;
}

static void export_use_case(void **state)
{
	co_plan *plan = hand_plan(CO_UNITS_LB);
	co_app_fit_options o = CO_APP_FIT_OPTIONS_INIT;
	co_app_fit_file *f = NULL;
	size_t n = 0;
	seen s;

	(void)state;
	o.from = plan->start;
	o.to = plan->start + 6;
	assert_int_equal(co_app_export_fit(&f, &n, plan, &o), 0);
	assert_int_equal(n, 3);
	assert_string_equal(f[0].name, "2027-01-05-posterior_chain.fit");
	assert_string_equal(f[1].name, "2027-01-07-stability.fit");
	assert_string_equal(f[2].name, "2027-01-07-stability-2.fit");
	assert_true(f[0].serial != f[1].serial && f[1].serial != f[2].serial &&
		    f[0].serial != f[2].serial);

	memset(&s, 0, sizeof(s));
	assert_int_equal(co_fit_walk(f[0].data, f[0].len, NULL, on_mesg, &s), 0);
	assert_int_equal(s.serial, f[0].serial);
	assert_string_equal(s.wkt_name, "posterior_chain"); /* no name callback */
	/* warm-up x2, RDL + rest + repeat, plank + rest + repeat */
	assert_int_equal(s.n_steps, 8);
	assert_int_equal(f[0].n_steps, 8);
	assert_int_equal(s.step[0].intensity, 2);
	assert_int_equal(s.step[2].weight, 6123); /* 135 lb = 61.235 kg */
	assert_int_equal(s.step[2].unit, 2);
	assert_int_equal(s.step[3].dvalue, 120000); /* a build week's main-lift rest */
	assert_int_equal(s.step[4].dvalue, 2);
	assert_int_equal(s.step[4].tvalue, 3);
	assert_int_equal(s.step[5].dtype, 0);
	assert_int_equal(s.step[5].dvalue, 40000);
	assert_false(s.step[5].has_weight && s.step[5].weight >= 0);
	assert_int_equal(s.step[6].dvalue, 45000); /* after a hold */
	/* Monster walk and Lateral band walk share a pair: no title for it */
	assert_int_equal(s.n_titles, 2);
	assert_string_equal(s.title[0].title, "Romanian deadlift");
	assert_string_equal(s.title[1].title, "Side plank");
	co_app_fit_files_free(f, n);

	/* one day; a day without a session gives no file */
	o.from = o.to = plan->start + 3;
	assert_int_equal(co_app_export_fit(&f, &n, plan, &o), 0);
	assert_int_equal(n, 2);
	co_app_fit_files_free(f, n);
	o.from = o.to = plan->start;
	assert_int_equal(co_app_export_fit(&f, &n, plan, &o), 0);
	assert_int_equal(n, 0);
	assert_null(f);

	/* a load beyond what the file can hold is refused, nothing returned */
	plan->weeks[0].sessions[0].blocks[CO_BLOCK_MAIN].items[0].load = 2000;
	o.from = plan->start;
	o.to = plan->start + 6;
	assert_int_equal(co_app_export_fit(&f, &n, plan, &o), CO_EINPUT);
	assert_null(f);
	assert_int_equal(n, 0);
	assert_non_null(strstr(co_error_last(), "'romanian_deadlift'"));
	o.version = 99;
	assert_int_equal(co_app_export_fit(&f, &n, plan, &o), CO_EINPUT);
	co_plan_free(plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_and_crc),
		cmocka_unit_test(walks_back),
		cmocka_unit_test(long_strings_cut),
		cmocka_unit_test(refused),
		cmocka_unit_test(export_use_case),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
