/*
 * The report: the words a runner reads, on the terminal and in a calendar.
 *
 * What a runner would notice: a band exercise says "band" (never
 * "bodyweight"), a bodyweight one shows no load, a weight without a known
 * load says "load by RPE", a dose in seconds reads as seconds, one-sided
 * work says per side, loads are in the athlete's units (lb stays lb), every
 * enum has a word. And the guard against the drift this module ends: over
 * a whole built season, the terminal card and the calendar card of every
 * item say the same thing about what it is done with, and the .ics feed
 * carries the calendar card.
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
#include "carryover/report.h"
#include "util/strbuf.h"
#include "testutil.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

static co_item item(const char *id, int sets, int reps, int seconds, double rpe, const char *tempo,
		    double load)
{
	co_item it;

	memset(&it, 0, sizeof(it));
	it.exercise = co_test_ex(id);
	it.sets = sets;
	it.reps = reps;
	it.seconds = seconds;
	it.rpe = rpe;
	it.tempo = tempo;
	it.load = load;
	return it;
}

/* The dose phrase of an item, as a string (free() it). */
static char *dose(const co_item *it, co_units u, co_report_style st)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_report_add_dose(&sb, it, u, st);
	return co_strbuf_detach(&sb);
}

/* What the item is done with ("" when nothing is said). */
static char *load_of(const co_item *it, co_units u, co_report_style st)
{
	co_strbuf sb = CO_STRBUF_INIT;
	bool said = co_report_add_load(&sb, it, u, st);

	assert_int_equal(said, sb.len > 0);
	return co_strbuf_detach(&sb);
}

#define ASSERT_DOSE(it, u, st, expected)                  \
	do {                                              \
		char *s_ = dose(&(it), (u), (st));        \
		assert_string_equal(s_, (expected));      \
		free(s_);                                 \
	} while (0)

static void band_reads_band(void **state)
{
	co_item good_morning = item("band_good_morning", 3, 12, 0, 7, NULL, -1);
	char *plain, *rich;

	(void)state;
	plain = load_of(&good_morning, CO_UNITS_KG, CO_REPORT_PLAIN);
	rich = load_of(&good_morning, CO_UNITS_KG, CO_REPORT_RICH);
	assert_string_equal(plain, "band");
	assert_string_equal(rich, "band");
	free(plain);
	free(rich);
	ASSERT_DOSE(good_morning, CO_UNITS_KG, CO_REPORT_RICH, "3 \xC3\x97 12 @ RPE 7, band");
	ASSERT_DOSE(good_morning, CO_UNITS_KG, CO_REPORT_PLAIN, "3 x 12 @ RPE 7, band");
}

static void bodyweight_has_no_load(void **state)
{
	co_item plank = item("side_plank", 3, 0, 30, 7, NULL, -1);
	char *plain, *rich, *phrase;

	(void)state;
	plain = load_of(&plank, CO_UNITS_KG, CO_REPORT_PLAIN);
	rich = load_of(&plank, CO_UNITS_KG, CO_REPORT_RICH);
	/* the terminal's column names it; the calendar's phrase simply has nothing to hold */
	assert_string_equal(plain, "bodyweight");
	assert_string_equal(rich, "");
	phrase = dose(&plank, CO_UNITS_KG, CO_REPORT_RICH);
	assert_string_equal(phrase, "3 \xC3\x97 30 s each side @ RPE 7");
	assert_null(strstr(phrase, "kg"));
	assert_null(strstr(phrase, "load"));
	free(plain);
	free(rich);
	free(phrase);
}

static void weights_without_a_load(void **state)
{
	co_item kickstand = item("kickstand_rdl", 3, 8, 0, 6.5, "3-1-X", -1);
	co_item warmup = item("monster_walk", 1, 12, 0, 0, NULL, -1);
	char *w;

	(void)state;
	ASSERT_DOSE(kickstand, CO_UNITS_KG, CO_REPORT_RICH,
		    "3 \xC3\x97 8 each side @ RPE 6.5, tempo 3-1-X, load by RPE");
	/* a warm-up item has no RPE: nothing to choose, nothing said */
	w = load_of(&warmup, CO_UNITS_KG, CO_REPORT_PLAIN);
	assert_string_equal(w, "");
	free(w);
	ASSERT_DOSE(warmup, CO_UNITS_KG, CO_REPORT_RICH, "1 \xC3\x97 12");
}

static void seconds_read_as_seconds(void **state)
{
	co_item plank = item("side_plank", 3, 0, 30, 7, NULL, -1);
	co_item walk = item("monster_walk", 2, 0, 40, 0, NULL, -1);
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_report_add_volume(&sb, &plank, CO_REPORT_PLAIN);
	assert_string_equal(sb.buf, "3 x 30 s/side");
	co_strbuf_reset(&sb);
	co_report_add_volume(&sb, &plank, CO_REPORT_RICH);
	assert_string_equal(sb.buf, "3 \xC3\x97 30 s each side");
	co_strbuf_reset(&sb);
	co_report_add_volume(&sb, &walk, CO_REPORT_PLAIN);
	assert_string_equal(sb.buf, "2 x 40 s");
	co_strbuf_release(&sb);
}

static void loads_in_the_athletes_units(void **state)
{
	co_item rdl = item("romanian_deadlift", 3, 8, 0, 7, "3-1-X", 135);
	co_item zero = item("romanian_deadlift", 1, 5, 0, 5, NULL, 0);
	char *s;

	(void)state;
	ASSERT_DOSE(rdl, CO_UNITS_LB, CO_REPORT_RICH, "3 \xC3\x97 8 @ RPE 7, tempo 3-1-X, 135 lb");
	ASSERT_DOSE(rdl, CO_UNITS_LB, CO_REPORT_PLAIN, "3 x 8 @ RPE 7, tempo 3-1-X, 135 lb");
	s = dose(&rdl, CO_UNITS_LB, CO_REPORT_RICH);
	assert_null(strstr(s, "kg"));
	free(s);
	ASSERT_DOSE(rdl, CO_UNITS_KG, CO_REPORT_RICH, "3 \xC3\x97 8 @ RPE 7, tempo 3-1-X, 135 kg");
	/* a known load of 0 is a load (only < 0 means none, plan.h): said in both */
	ASSERT_DOSE(zero, CO_UNITS_KG, CO_REPORT_RICH, "1 \xC3\x97 5 @ RPE 5, 0 kg");
}

static void bare_sets(void **state)
{
	co_item one_side = item("side_plank", 2, 0, 0, 0, NULL, -1);
	co_item both = item("monster_walk", 1, 0, 0, 0, NULL, -1);
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_report_add_volume(&sb, &both, CO_REPORT_RICH);
	assert_string_equal(sb.buf, "1 set");
	co_strbuf_reset(&sb);
	co_report_add_volume(&sb, &one_side, CO_REPORT_RICH);
	assert_string_equal(sb.buf, "2 sets each side");
	co_strbuf_release(&sb);
}

static void every_enum_has_a_word(void **state)
{
	(void)state;
	for (int i = 0; i < CO_PHASE_COUNT; i++)
		assert_string_not_equal(co_report_phase_word((co_phase)i), "?");
	for (int i = 0; i < CO_FOCUS_COUNT; i++) {
		assert_true(co_report_focus_letter((co_focus)i) != '?');
		assert_string_not_equal(co_report_focus_word((co_focus)i), "?");
		assert_non_null(strstr(co_report_focus_title((co_focus)i, CO_REPORT_RICH), "\xE2\x80\x94"));
		/* plain is ASCII */
		for (const char *c = co_report_focus_title((co_focus)i, CO_REPORT_PLAIN); *c; c++)
			assert_true((unsigned char)*c < 0x80);
	}
	for (int i = 0; i < CO_BLOCK_COUNT; i++)
		assert_string_not_equal(co_report_block_word((co_block_kind)i), "block");
	for (int i = 0; i < CO_TEST_KIND_COUNT; i++) {
		assert_string_not_equal(co_report_test_word((co_test_kind)i), "?");
		assert_string_not_equal(co_report_test_short((co_test_kind)i), "?");
		assert_true(!strncmp(co_report_test_how((co_test_kind)i), "D6", 2));
	}
	for (int i = 0; i < CO_RUN_TYPE_COUNT; i++)
		assert_string_not_equal(co_report_run_word((co_run_type)i), "?");
	assert_string_equal(co_report_run_word(CO_RUN_LONG), "long run");
	assert_string_equal(co_report_units_word(CO_UNITS_LB), "lb");
	assert_string_equal(co_report_units_word(CO_UNITS_KG), "kg");
	assert_string_equal(co_report_focus_title(CO_FOCUS_POSTERIOR_CHAIN, CO_REPORT_PLAIN),
			    "Strength A: posterior chain");
	assert_string_equal(co_report_block_word(CO_BLOCK_WARMUP), "warm-up");
	assert_string_equal(co_report_day_short(D(2027, 1, 4)), "Mon");
	assert_string_equal(co_report_day_word(D(2027, 1, 10)), "Sunday");
	assert_string_equal(co_report_priority_word(CO_RACE_B), "B");
	/* an unknown value (a plan read from elsewhere) reads "?", never crashes */
	assert_string_equal(co_report_phase_word((co_phase)99), "?");
	assert_string_equal(co_report_test_word((co_test_kind)-1), "?");
}

/* A one-week plan with one session: a band, a bodyweight, a weight without and with a load. */
static co_plan *hand_plan(co_units units)
{
	co_plan *p = calloc(1, sizeof(*p));
	co_week *w;
	co_session *s;

	p->athlete = strdup("Sam");
	p->units = units;
	p->start = D(2027, 1, 4);
	p->n_weeks = 1;
	p->weeks = calloc(1, sizeof(*p->weeks));
	w = &p->weeks[0];
	w->index = 1;
	w->start = p->start;
	w->phase = CO_PHASE_BASE;
	w->sessions = calloc(1, sizeof(*w->sessions));
	w->n_sessions = 1;
	s = &w->sessions[0];
	s->date = D(2027, 1, 5);
	s->focus = CO_FOCUS_POSTERIOR_CHAIN;
	s->minutes = 40;
	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		s->blocks[k].kind = (co_block_kind)k;
	co_test_add_item(&s->blocks[CO_BLOCK_WARMUP], "monster_walk", 1, 12, 0, 0, NULL, -1, NULL);
	co_test_add_item(&s->blocks[CO_BLOCK_MAIN], "romanian_deadlift", 3, 8, 0, 7, "3-1-X", 135,
			 NULL);
	co_test_add_item(&s->blocks[CO_BLOCK_MAIN], "kickstand_rdl", 3, 8, 0, 7, "3-1-X", -1,
			 "choose a load you could lift 3 more times (RPE 7)");
	co_test_add_item(&s->blocks[CO_BLOCK_ACCESSORY], "band_good_morning", 3, 12, 0, 7, NULL, -1,
			 NULL);
	co_test_add_item(&s->blocks[CO_BLOCK_ACCESSORY], "side_plank", 3, 0, 30, 7, NULL, -1, NULL);
	s->strides = true;
	s->strides_reps = 6;
	s->strides_seconds = 20;
	snprintf(s->uid, sizeof(s->uid), "hand@carryover");
	return p;
}

static void terminal_card(void **state)
{
	co_plan *p = hand_plan(CO_UNITS_LB);
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_report_text_session(&sb, p, &p->weeks[0].sessions[0]);
	assert_non_null(strstr(sb.buf, "  Tue 2027-01-05  Strength A: posterior chain, about 40 min\n"));
	/* the name column is the card's longest name ("Kickstand Romanian deadlift") */
	assert_non_null(strstr(sb.buf, "    warm-up\n      Monster walk                1 x 12\n"));
	assert_non_null(strstr(sb.buf, "      Romanian deadlift           3 x 8          "
				       "RPE 7  tempo 3-1-X  135 lb\n"));
	assert_non_null(strstr(sb.buf, "      Kickstand Romanian deadlift 3 x 8/side     "
				       "RPE 7  tempo 3-1-X  load by RPE\n"
				       "        choose a load you could lift 3 more times (RPE 7)\n"));
	assert_non_null(strstr(sb.buf, "      Band good morning           3 x 12         RPE 7  band\n"));
	assert_non_null(strstr(sb.buf, "      Side plank                  3 x 30 s/side  "
				       "RPE 7  bodyweight\n"));
	assert_non_null(strstr(sb.buf, "    strides: 6 x 20 s after the strength block, relaxed and fast\n"));
	/* exercises first, the reasons after them */
	if (strstr(sb.buf, "why:"))
		assert_true(strstr(sb.buf, "why:") > strstr(sb.buf, "Side plank"));
	co_strbuf_reset(&sb);
	/* at 50 columns the dose goes under the volume column, notes wrap under themselves */
	co_report_text_setup(50, false);
	co_report_text_session(&sb, p, &p->weeks[0].sessions[0]);
	co_report_text_setup(80, false);
	assert_non_null(strstr(sb.buf, "      Kickstand Romanian deadlift 3 x 8/side\n"
				       "        RPE 7  tempo 3-1-X  load by RPE\n"
				       "        choose a load you could lift 3 more times\n"
				       "        (RPE 7)\n"));
	for (const char *l = sb.buf; *l;) {
		const char *nl = strchr(l, '\n');

		if (nl - l > 50)
			fail_msg("too long: %.*s", (int)(nl - l), l);
		l = nl + 1;
	}
	assert_null(strstr(sb.buf, "kg"));
	co_strbuf_release(&sb);
	co_plan_free(p);
}

static void calendar_card(void **state)
{
	co_plan *p = hand_plan(CO_UNITS_LB);
	co_strbuf summary = CO_STRBUF_INIT, card = CO_STRBUF_INIT;
	co_plan_test t = {D(2027, 1, 6), CO_TEST_SINGLE_LEG_SQUAT};
	const char *head = "Strength A \xE2\x80\x94 posterior chain, about 40 min\n"
			   "Week 1 of 1, base phase\n\nWarm-up\n- Monster walk: 1 \xC3\x97 12\n";

	(void)state;
	co_report_event_session(&summary, &card, p, &p->weeks[0].sessions[0]);
	assert_string_equal(summary.buf, "Strength A \xE2\x80\x94 posterior chain");
	assert_true(!strncmp(card.buf, head, strlen(head)));
	assert_non_null(strstr(card.buf, "\nMain\n- Romanian deadlift: 3 \xC3\x97 8 @ RPE 7, tempo 3-1-X, 135 lb\n"));
	assert_non_null(strstr(card.buf, "- Kickstand Romanian deadlift: 3 \xC3\x97 8 each side @ RPE 7, "
					 "tempo 3-1-X, load by RPE\n  (choose a load"));
	assert_non_null(strstr(card.buf, "\nAccessory\n- Band good morning: 3 \xC3\x97 12 @ RPE 7, band\n"));
	assert_non_null(strstr(card.buf, "- Side plank: 3 \xC3\x97 30 s each side @ RPE 7\n"));
	assert_non_null(strstr(card.buf, "\nStrides: 6 \xC3\x97 20 s after the strength block, relaxed "
					 "and fast, full recovery\n"));
	assert_null(strstr(card.buf, "bodyweight"));
	assert_null(strstr(card.buf, "kg"));

	co_strbuf_reset(&summary);
	co_strbuf_reset(&card);
	co_report_event_test(&summary, &card, p, &t);
	assert_string_equal(summary.buf, "Baseline test \xE2\x80\x94 single-leg squat");
	assert_true(!strncmp(card.buf, "D6: single-leg squat to a box", 29));
	co_strbuf_release(&summary);
	co_strbuf_release(&card);
	co_plan_free(p);
}

static void rest_day(void **state)
{
	co_plan *p = hand_plan(CO_UNITS_KG);
	co_strbuf sb = CO_STRBUF_INIT;

	(void)state;
	co_report_text_day(&sb, p, D(2027, 1, 4));
	assert_string_equal(sb.buf, "week 1 of 1, base\nno strength session on Monday 2027-01-04\n"
				    "next session: Tuesday 2027-01-05\n");
	co_strbuf_reset(&sb);
	co_report_text_day(&sb, p, D(2027, 1, 5));
	assert_non_null(strstr(sb.buf, "week 1 of 1, base\n\n  Tue 2027-01-05  Strength A:"));
	assert_true(sb.buf == strstr(sb.buf, "week 1 of 1, base\n"));
	co_strbuf_reset(&sb);
	co_report_text_day(&sb, p, D(2027, 2, 1)); /* after the plan: that it ended */
	assert_non_null(strstr(sb.buf, "the plan ended on Sunday 2027-01-10"));
	co_strbuf_reset(&sb);
	co_report_text_day(&sb, p, D(2027, 1, 1)); /* before it: when it starts, the first session */
	assert_string_equal(sb.buf, "the plan starts on Monday 2027-01-04, in 3 days\n"
				    "first session: Tuesday 2027-01-05\n");
	co_strbuf_release(&sb);
	co_plan_free(p);
}

static const char profile_text[] =
	"[athlete]\n"
	"name = Alex Runner\n"
	"start = 2027-01-04\n"
	"units = lb\n"
	"equipment = dumbbells, kettlebell, bench, band, box\n"
	"[week]\n"
	"mon = rest\ntue = intervals 60\nwed = easy 45\nthu = tempo 50\n"
	"fri = rest\nsat = easy 40\nsun = long 120\n"
	"[race Spring Marathon]\n"
	"date = 2027-04-25\n"
	"distance = marathon\n";

/*
 * The drift guard: for every item of a whole season, the terminal and the
 * calendar say the same about what it is done with (the calendar leaves
 * bodyweight unsaid), and each card carries the item's line.
 */
static void terminal_and_calendar_agree(void **state)
{
	co_profile *prof = NULL;
	co_plan *p = NULL;
	size_t items = 0, bands = 0;

	(void)state;
	assert_int_equal(co_profile_parse(&prof, profile_text, strlen(profile_text), "p.ini",
					  D(2026, 12, 30)), 0);
	assert_int_equal(co_plan_build(&p, &(co_plan_input){.profile = prof, .catalog = co_catalog_default()}, NULL), 0);
	for (size_t w = 0; w < p->n_weeks; w++)
		for (size_t i = 0; i < p->weeks[w].n_sessions; i++) {
			const co_session *s = &p->weeks[w].sessions[i];
			co_strbuf text = CO_STRBUF_INIT, card = CO_STRBUF_INIT;

			co_report_text_session(&text, p, s);
			co_report_event_card(&card, p, s);
			for (int k = 0; k < CO_BLOCK_COUNT; k++)
				for (size_t j = 0; j < s->blocks[k].n_items; j++) {
					const co_item *it = &s->blocks[k].items[j];
					char *plain = load_of(it, p->units, CO_REPORT_PLAIN);
					char *rich = load_of(it, p->units, CO_REPORT_RICH);
					char *phrase = dose(it, p->units, CO_REPORT_RICH);
					co_strbuf line = CO_STRBUF_INIT;

					if (strcmp(plain, "bodyweight"))
						assert_string_equal(plain, rich);
					else
						assert_string_equal(rich, "");
					bands += !strcmp(plain, "band");
					assert_null(strstr(phrase, " kg"));
					if (*plain)
						assert_non_null(strstr(text.buf, plain));
					co_strbuf_addf(&line, "- %s: %s\n", it->exercise->name, phrase);
					if (!strstr(card.buf, line.buf))
						fail_msg("calendar card lacks '%s'", line.buf);
					co_strbuf_release(&line);
					free(plain);
					free(rich);
					free(phrase);
					items++;
				}
			co_strbuf_release(&text);
			co_strbuf_release(&card);
		}
	assert_true(items > 100);
	assert_true(bands > 0);
	co_plan_free(p);
	co_profile_free(prof);
}

/* The export's feed carries the report's card, "band" included. */
static void feed_carries_the_card(void **state)
{
	co_plan *p = hand_plan(CO_UNITS_KG);
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char *with = NULL, *without = NULL, *unfolded, *d;

	(void)state;
	o.dtstamp = 1798761600;
	o.session_text = co_report_event_session;
	o.test_text = co_report_event_test;
	assert_int_equal(co_plan_to_ics(&with, p, &o), 0);
	unfolded = strdup(with);
	d = unfolded;
	for (const char *c = with; *c; c++) {
		if (c[0] == '\r' && c[1] == '\n' && c[2] == ' ')
			c += 2;
		else
			*d++ = *c;
	}
	*d = '\0';
	assert_non_null(strstr(unfolded, "SUMMARY:Strength A \xE2\x80\x94 posterior chain\r\n"));
	assert_non_null(strstr(unfolded, "- Band good morning: 3 \xC3\x97 12 @ RPE 7\\, band\\n"));

	/* without a renderer the writer has no words: ids, no description */
	o.session_text = NULL;
	o.test_text = NULL;
	assert_int_equal(co_plan_to_ics(&without, p, &o), 0);
	assert_non_null(strstr(without, "SUMMARY:posterior_chain\r\n"));
	assert_null(strstr(without, "DESCRIPTION"));
	free(with);
	free(without);
	free(unfolded);
	co_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(band_reads_band),
		cmocka_unit_test(bodyweight_has_no_load),
		cmocka_unit_test(weights_without_a_load),
		cmocka_unit_test(seconds_read_as_seconds),
		cmocka_unit_test(loads_in_the_athletes_units),
		cmocka_unit_test(bare_sets),
		cmocka_unit_test(every_enum_has_a_word),
		cmocka_unit_test(terminal_card),
		cmocka_unit_test(calendar_card),
		cmocka_unit_test(rest_day),
		cmocka_unit_test(terminal_and_calendar_agree),
		cmocka_unit_test(feed_carries_the_card),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
