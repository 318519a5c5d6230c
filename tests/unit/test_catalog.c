/*
 * The exercise catalogue: the shipped data obeys METHOD (integrity tests
 * over data/exercises.ini as embedded), lookups behave as a user typing
 * names expects, and bad catalogue text fails with the right line.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/catalog.h"
#include "carryover/error.h"

static const co_catalog *cat(void)
{
	const co_catalog *c = co_catalog_default();

	if (!c)
		fail_msg("embedded catalogue does not parse: %s", co_error_last());
	return c;
}

static bool is_a1(co_pattern p)
{
	return p == CO_PATTERN_HINGE || p == CO_PATTERN_SQUAT || p == CO_PATTERN_SINGLE_LEG ||
	       p == CO_PATTERN_HIP_EXTENSION || p == CO_PATTERN_CARRY;
}

static bool is_core(co_pattern p)
{
	return p == CO_PATTERN_ANTI_ROTATION || p == CO_PATTERN_ANTI_EXTENSION ||
	       p == CO_PATTERN_ANTI_LATERAL_FLEXION;
}

/* ---- the shipped catalogue ------------------------------------------------ */

static void default_loads_and_is_shared(void **state)
{
	const co_catalog *c = cat();

	assert_true(co_catalog_count(c) >= 70);
	assert_ptr_equal(c, co_catalog_default());
	assert_null(co_catalog_at(c, co_catalog_count(c)));
	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		assert_non_null(e->id);
		assert_non_null(e->name);
		assert_non_null(e->cue);
		assert_non_null(e->aliases);
		assert_true(e->regions != 0);
		assert_true(e->dose_min >= 1 && e->dose_min <= e->dose_max);
		assert_ptr_equal(co_catalog_find(c, e->id), e);
	}
}

static void *default_from_thread(void *arg)
{
	return (void *)(uintptr_t)co_catalog_default();
}

static void default_is_thread_safe(void **state)
{
	pthread_t t[6];
	void *got[6];

	for (int i = 0; i < 6; i++)
		assert_int_equal(pthread_create(&t[i], NULL, default_from_thread, NULL), 0);
	for (int i = 0; i < 6; i++)
		assert_int_equal(pthread_join(t[i], &got[i]), 0);
	for (int i = 0; i < 6; i++)
		assert_ptr_equal(got[i], (void *)(uintptr_t)cat());
}

static void find_by_id_alias_and_spelling(void **state)
{
	const co_catalog *c = cat();
	const co_exercise *rdl = co_catalog_find(c, "romanian_deadlift");

	assert_non_null(rdl);
	assert_ptr_equal(co_catalog_find(c, "rdl"), rdl);
	assert_ptr_equal(co_catalog_find(c, "RDL"), rdl);
	assert_ptr_equal(co_catalog_find(c, "Romanian-Deadlift"), rdl);
	assert_ptr_equal(co_catalog_find(c, "romanian deadlift"), rdl);
	assert_string_equal(co_catalog_find(c, "bss")->id, "bulgarian_split_squat");
	assert_string_equal(co_catalog_find(c, "farmers walk")->id, "farmers_walk");
	assert_string_equal(co_catalog_find(c, "Pallof")->id, "pallof_press");
	assert_null(co_catalog_find(c, "rld"));
	assert_null(co_catalog_find(c, ""));
	assert_null(co_catalog_find(c, NULL));
	assert_null(co_catalog_find(NULL, "rdl"));
}

static void suggest_close_names(void **state)
{
	const co_catalog *c = cat();

	assert_string_equal(co_catalog_suggest(c, "rld"), "rdl");
	assert_string_equal(co_catalog_suggest(c, "bulgarain split squat"), "bulgarian_split_squat");
	assert_string_equal(co_catalog_suggest(c, "hip thurst"), "hip_thrust");
	assert_null(co_catalog_suggest(c, "xylophone"));
}

static void links_name_existing_ids(void **state)
{
	const co_catalog *c = cat();
	int links = 0;

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		const char *l[2] = {e->progression, e->regression};
		for (int k = 0; k < 2; k++) {
			if (!l[k])
				continue;
			const co_exercise *to = co_catalog_find(c, l[k]);
			if (!to || strcmp(to->id, l[k]))
				fail_msg("%s: link '%s' is not an id", e->id, l[k]);
			assert_ptr_not_equal(to, e);
			links++;
		}
	}
	assert_true(links >= 60);
}

/* Independently of the parser: no exercise is reachable from itself by
 * going "harder" (progression forward, regression backward). */
static void no_progression_cycles(void **state)
{
	const co_catalog *c = cat();
	size_t n = co_catalog_count(c);
	unsigned char *seen = calloc(n, 1);
	size_t *queue = calloc(n, sizeof(*queue));

	assert_non_null(seen);
	assert_non_null(queue);
	for (size_t s = 0; s < n; s++) {
		size_t head = 0, tail = 0;
		memset(seen, 0, n);
		queue[tail++] = s;
		while (head < tail) {
			const co_exercise *u = co_catalog_at(c, queue[head++]);
			for (size_t v = 0; v < n; v++) {
				const co_exercise *w = co_catalog_at(c, v);
				bool harder = (u->progression && !strcmp(u->progression, w->id)) ||
					      (w->regression && !strcmp(w->regression, u->id));
				if (!harder)
					continue;
				if (v == s)
					fail_msg("'%s' is harder than itself", w->id);
				if (!seen[v]) {
					seen[v] = 1;
					queue[tail++] = v;
				}
			}
		}
	}
	free(seen);
	free(queue);
}

static void a1_patterns_have_main_lifts_at_every_level(void **state)
{
	const co_catalog *c = cat();

	for (int p = 0; p < CO_PATTERN_COUNT; p++) {
		if (!is_a1((co_pattern)p))
			continue;
		for (int l = 0; l < CO_LEVEL_COUNT; l++) {
			int found = 0;
			for (size_t i = 0; i < co_catalog_count(c); i++) {
				const co_exercise *e = co_catalog_at(c, i);
				found += e->pattern == (co_pattern)p && e->level == (co_level)l &&
					 e->compound;
			}
			if (!found)
				fail_msg("no %s main lift for %s", co_pattern_name((co_pattern)p),
					 co_level_name((co_level)l));
		}
	}
}

static void every_pattern_has_entries(void **state)
{
	const co_catalog *c = cat();
	int count[CO_PATTERN_COUNT] = {0};

	for (size_t i = 0; i < co_catalog_count(c); i++)
		count[co_catalog_at(c, i)->pattern]++;
	for (int p = 0; p < CO_PATTERN_COUNT; p++) {
		/* A4 lower-leg and A5 core patterns need room to rotate and regress. */
		int want = p == CO_PATTERN_BREATHING ? 2 : 3;
		if (count[p] < want)
			fail_msg("pattern %s has %d exercises", co_pattern_name((co_pattern)p), count[p]);
	}
}

static bool coverable(const co_catalog *c, unsigned region, unsigned have)
{
	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		if ((e->regions & region) && !(e->equipment & ~have))
			return true;
	}
	return false;
}

/* A2 regions plus shins, ankles, thoracic and upper back, at home and in a gym. */
static void regions_coverable_with_none_and_gym(void **state)
{
	const co_catalog *c = cat();

	for (unsigned i = 0; i < CO_REGION_COUNT; i++) {
		unsigned r = 1u << i;
		if (!coverable(c, r, CO_EQUIP_NONE_SET))
			fail_msg("region %s needs more than a band", co_region_name((co_region)r));
		if (!coverable(c, r, CO_EQUIP_ALL))
			fail_msg("region %s has no exercise", co_region_name((co_region)r));
	}
}

/* An athlete with only a band still gets main lifts for the A1 patterns it
 * can load (carries need something to carry). */
static void home_athlete_has_main_lifts(void **state)
{
	const co_catalog *c = cat();

	for (int p = 0; p < CO_PATTERN_COUNT; p++) {
		int found = 0;
		if (!is_a1((co_pattern)p) || p == CO_PATTERN_CARRY)
			continue;
		for (size_t i = 0; i < co_catalog_count(c); i++) {
			const co_exercise *e = co_catalog_at(c, i);
			found += e->pattern == (co_pattern)p && e->compound &&
				 e->level == CO_LEVEL_NOVICE && !(e->equipment & ~CO_EQUIP_NONE_SET);
		}
		if (!found)
			fail_msg("no band-only %s main lift", co_pattern_name((co_pattern)p));
	}
}

/*
 * Garmin FIT exercise_name tables, as dumped from the official SDK profile
 * in ../shared/corpus/fit-profile-facts.txt (@garmin/fitsdk 21.217): the
 * highest name number and the numbers missing below it. Categories the dump
 * does not list in full (plyo, leg_curl) allow only the numbers FORMATS.md
 * section 2.2 names.
 */
static const struct fit_table {
	uint16_t category;
	const char *name;
	int max;            /* -1: only `listed` are allowed */
	int holes[4];       /* terminated by -1 */
	int listed[8];      /* terminated by -1 */
} fit_tables[] = {
	{1, "calf_raise", 20, {-1}, {-1}},
	{3, "carry", 8, {-1}, {-1}},
	{5, "core", 96, {74, 76, 78, -1}, {-1}},
	{8, "deadlift", 25, {19, 22, -1}, {-1}},
	{10, "hip_raise", 49, {-1}, {-1}},
	{11, "hip_stability", 34, {-1}, {-1}},
	{15, "leg_curl", -1, {-1}, {2, 5, 6, -1}},
	{17, "lunge", 90, {-1}, {-1}},
	{19, "plank", 135, {-1}, {-1}},
	{20, "plyo", -1, {-1}, {0, 7, 17, 33, 37, -1}},
	{28, "squat", 102, {96, 99, -1}, {-1}},
	{31, "warm_up", 90, {-1}, {-1}},
};

static const struct fit_table *fit_table(uint16_t category)
{
	for (size_t i = 0; i < sizeof(fit_tables) / sizeof(fit_tables[0]); i++)
		if (fit_tables[i].category == category)
			return &fit_tables[i];
	return NULL;
}

static bool fit_name_known(const struct fit_table *t, int name)
{
	if (t->max < 0) {
		for (int i = 0; t->listed[i] >= 0; i++)
			if (t->listed[i] == name)
				return true;
		return false;
	}
	if (name < 0 || name > t->max)
		return false;
	for (int i = 0; t->holes[i] >= 0; i++)
		if (t->holes[i] == name)
			return false;
	return true;
}

static void fit_numbers_exist_in_profile(void **state)
{
	const co_catalog *c = cat();

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		const struct fit_table *t = fit_table(e->fit_category);

		assert_true(e->fit_category <= 53 && e->fit_category != 48 && e->fit_category != 51);
		if (!t)
			fail_msg("%s: FIT category %u is not one we checked", e->id, e->fit_category);
		if (!fit_name_known(t, e->fit_name))
			fail_msg("%s: FIT %s_exercise_name has no %u", e->id, t->name, e->fit_name);
	}
}

/* The table above agrees with the dump, when the corpus is at hand. */
static void fit_tables_match_profile_dump(void **state)
{
	const char *dir = getenv("CO_CORPUS");
	char path[1024], *text;
	FILE *f;
	long len;

	if (!dir)
		skip();
	snprintf(path, sizeof(path), "%s/fit-profile-facts.txt", dir);
	f = fopen(path, "rb");
	if (!f)
		skip();
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = calloc(1, (size_t)len + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
	fclose(f);

	for (size_t i = 0; i < sizeof(fit_tables) / sizeof(fit_tables[0]); i++) {
		const struct fit_table *t = &fit_tables[i];
		char head[80], item[16], *line, *end;
		int max = -1;

		snprintf(head, sizeof(head), "## %s_exercise_name\n", t->name);
		line = strstr(text, head);
		if (!line) {
			assert_true(t->max < 0); /* not dumped: FORMATS.md's list is used */
			continue;
		}
		line += strlen(head);
		end = strchr(line, '\n');
		assert_non_null(end);
		for (int n = 0; n <= 200; n++) {
			char *hit;
			snprintf(item, sizeof(item), "%d=", n);
			hit = strstr(line, item);
			bool present = hit && hit < end && (hit == line || hit[-1] == ' ');
			if (present)
				max = n;
			if (n <= t->max && present != fit_name_known(t, n))
				fail_msg("%s name %d: dump says %s", t->name, n, present ? "present" : "absent");
		}
		assert_int_equal(max, t->max);
	}
	free(text);
}

static void aliases_unique(void **state)
{
	const co_catalog *c = cat();

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		for (size_t a = 0; e->aliases[a]; a++) {
			const co_exercise *owner = co_catalog_find(c, e->aliases[a]);
			if (owner != e)
				fail_msg("alias '%s' of %s finds %s", e->aliases[a], e->id,
					 owner ? owner->id : "nothing");
		}
	}
}

static void a5_core_doses(void **state)
{
	const co_catalog *c = cat();
	int core = 0;

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		if (!is_core(e->pattern))
			continue;
		core++;
		if (e->dose == CO_DOSE_SECONDS)
			assert_true(e->dose_max <= 45);
		else
			assert_true(e->dose_max <= 12);
		assert_false(e->compound);
	}
	assert_true(core >= 9);
}

static void ballistic_only_plyometric(void **state)
{
	const co_catalog *c = cat();

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		if (e->ballistic != (e->pattern == CO_PATTERN_PLYOMETRIC))
			fail_msg("%s: ballistic %d but pattern %s", e->id, e->ballistic,
				 co_pattern_name(e->pattern));
	}
}

static void machines_and_non_a1_are_not_main_lifts(void **state)
{
	const co_catalog *c = cat();
	int machines = 0;

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		if (e->equipment & CO_EQUIP_MACHINE) {
			machines++;
			assert_false(e->compound);
		}
		if (e->compound) {
			assert_true(is_a1(e->pattern));
			/* B3: main lifts other than carries carry a tempo. */
			if (e->pattern != CO_PATTERN_CARRY && !e->tempo)
				fail_msg("%s: main lift without a tempo", e->id);
		}
	}
	assert_true(machines >= 1);
}

/* Novice athletes must be able to find a way back down from anything. */
static void regressions_end_at_or_below_their_level(void **state)
{
	const co_catalog *c = cat();

	for (size_t i = 0; i < co_catalog_count(c); i++) {
		const co_exercise *e = co_catalog_at(c, i);
		if (e->regression)
			assert_true(co_catalog_find(c, e->regression)->level <= e->level);
		if (e->progression)
			assert_true(co_catalog_find(c, e->progression)->level >= e->level);
	}
}

static void names_round_trip(void **state)
{
	for (int p = 0; p < CO_PATTERN_COUNT; p++) {
		assert_int_equal(co_pattern_from_name(co_pattern_name((co_pattern)p)), p);
		const char *why = co_pattern_why((co_pattern)p);
		assert_non_null(why);
		assert_non_null(strstr(why, "(A") ? strstr(why, "(A") : strstr(why, "(B"));
	}
	for (unsigned i = 0; i < CO_REGION_COUNT; i++)
		assert_int_equal(co_region_from_name(co_region_name((co_region)(1u << i))), 1u << i);
	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++)
		assert_int_equal(co_equipment_from_name(co_equipment_name((co_equipment)(1u << i))),
				 1u << i);
	for (int l = 0; l < CO_LEVEL_COUNT; l++)
		assert_int_equal(co_level_from_name(co_level_name((co_level)l)), l);
	for (unsigned i = 0; i < CO_CARRY_COUNT; i++)
		assert_int_equal(co_carryover_from_name(co_carryover_name((co_carryover)(1u << i))),
				 1u << i);
	assert_int_equal(co_pattern_from_name("Single-Leg"), CO_PATTERN_SINGLE_LEG);
	assert_int_equal(co_region_from_name("upper back"), CO_REGION_UPPER_BACK);
	assert_int_equal(co_pattern_from_name("hindge"), -1);
	assert_int_equal(co_region_from_name(""), -1);
	assert_int_equal(co_equipment_from_name(NULL), -1);
	assert_null(co_pattern_name(CO_PATTERN_COUNT));
	assert_null(co_region_name((co_region)3));
	assert_null(co_equipment_name((co_equipment)0));
	assert_null(co_level_name(CO_LEVEL_COUNT));
	assert_null(co_pattern_why(CO_PATTERN_COUNT));
}

/* ---- parsing ------------------------------------------------------------------ */

/* A minimal valid entry: 10 lines, the header first. */
#define ENTRY(id, extra) \
	"[" id "]\nname = X\npattern = hinge\nregions = hips\nequipment = bodyweight\n" \
	"level = novice\nreps = 6-10\nfit_category = 8\nfit_name = 23\ncue = c\n" extra

static void parses_every_field(void **state)
{
	const char *text =
		"# a comment\n"
		"; another\n"
		"\n"
		"[trap_bar_deadlift]\n"
		"name = Trap-bar deadlift\n"
		"aliases = hex bar deadlift, tbdl\n"
		"pattern = hinge\n"
		"regions = hips, glutes, quads\n"
		"unilateral = no\n"
		"equipment = trap_bar, plate\n"
		"level = intermediate\n"
		"carryover = vertical_force, posterior_chain\n"
		"compound = yes\n"
		"ballistic = no\n"
		"tempo = 3-1-X\n"
		"reps = 5-8\n"
		"regression = glute_bridge\n"
		"fit_category = 8\n"
		"fit_name = 17\n"
		"cue = Push the floor away ; an inline comment\n"
		"\n"
		"[glute_bridge]\n"
		"name = Glute bridge\n"
		"pattern = hip_extension\n"
		"regions = glutes\n"
		"unilateral = yes\n"
		"equipment = bodyweight\n"
		"level = novice\n"
		"seconds = 30\n"
		"progression = trap_bar_deadlift\n"
		"fit_category = 10\n"
		"fit_name = 11\n"
		"cue = a;b #c\n";
	co_catalog *c = NULL;
	const co_exercise *e;

	assert_int_equal(co_catalog_parse(&c, text, strlen(text), "t.ini"), 0);
	assert_int_equal(co_catalog_count(c), 2);
	e = co_catalog_find(c, "tbdl");
	assert_non_null(e);
	assert_string_equal(e->id, "trap_bar_deadlift");
	assert_string_equal(e->name, "Trap-bar deadlift");
	assert_string_equal(e->aliases[0], "hex bar deadlift");
	assert_string_equal(e->aliases[1], "tbdl");
	assert_null(e->aliases[2]);
	assert_int_equal(e->pattern, CO_PATTERN_HINGE);
	assert_int_equal(e->regions, CO_REGION_HIPS | CO_REGION_GLUTES | CO_REGION_QUADS);
	assert_false(e->unilateral);
	assert_int_equal(e->equipment, CO_EQUIP_TRAP_BAR | CO_EQUIP_PLATE);
	assert_int_equal(e->level, CO_LEVEL_INTERMEDIATE);
	assert_int_equal(e->carryover, CO_CARRY_VERTICAL_FORCE | CO_CARRY_POSTERIOR_CHAIN);
	assert_true(e->compound);
	assert_false(e->ballistic);
	assert_string_equal(e->tempo, "3-1-X");
	assert_int_equal(e->dose, CO_DOSE_REPS);
	assert_int_equal(e->dose_min, 5);
	assert_int_equal(e->dose_max, 8);
	assert_null(e->progression);
	assert_string_equal(e->regression, "glute_bridge");
	assert_int_equal(e->fit_category, 8);
	assert_int_equal(e->fit_name, 17);
	/* inih (Debian 55): " ;" starts an inline comment, ";" alone and "#" do not. */
	assert_string_equal(e->cue, "Push the floor away");
	e = co_catalog_at(c, 1);
	assert_string_equal(e->cue, "a;b #c");
	assert_int_equal(e->dose, CO_DOSE_SECONDS);
	assert_int_equal(e->dose_min, 30);
	assert_int_equal(e->dose_max, 30);
	assert_true(e->unilateral);
	assert_int_equal(e->equipment, 0);
	assert_null(e->tempo);
	assert_null(e->aliases[0]);
	co_catalog_free(c);
	co_catalog_free(NULL);
}

static void parses_crlf_and_bom(void **state)
{
	const char *text = "\xEF\xBB\xBF[a]\r\nname = A\r\npattern = squat\r\nregions = quads\r\n"
			   "equipment = band\r\nlevel = novice\r\nreps = 8\r\nfit_category = 28\r\n"
			   "fit_name = 63\r\ncue = c\r\n";
	co_catalog *c = NULL;

	assert_int_equal(co_catalog_parse(&c, text, strlen(text), "t.ini"), 0);
	assert_string_equal(co_catalog_at(c, 0)->id, "a");
	assert_string_equal(co_catalog_at(c, 0)->cue, "c");
	co_catalog_free(c);
}

/* The text need not be NUL-terminated: only `len` bytes are read. */
static void parses_only_len_bytes(void **state)
{
	const char *text = ENTRY("a", "[b]\n");
	co_catalog *c = NULL;

	assert_int_equal(co_catalog_parse(&c, text, strlen(text) - 4, "t.ini"), 0);
	assert_int_equal(co_catalog_count(c), 1);
	co_catalog_free(c);
}

static void expect_error(const char *text, const char *message)
{
	co_catalog *c = (co_catalog *)1;
	int rc = co_catalog_parse(&c, text, strlen(text), "t.ini");

	if (rc != CO_EINPUT)
		fail_msg("expected '%s', parse returned %d", message, rc);
	assert_null(c);
	if (!strstr(co_error_last(), message))
		fail_msg("expected '%s', got '%s'", message, co_error_last());
}

static void rejects_unknown_key(void **state)
{
	expect_error(ENTRY("a", "nmae = A\n"), "t.ini:11: unknown key 'nmae' (did you mean 'name'?)");
	expect_error(ENTRY("a", "colour = red\n"), "t.ini:11: unknown key 'colour'");
	expect_error(ENTRY("a", "Name = A\n"), "t.ini:11: unknown key 'Name'");
}

static void rejects_bad_values(void **state)
{
	expect_error("[a]\nname = A\npattern = hindge\n",
		     "t.ini:3: unknown pattern 'hindge' (did you mean 'hinge'?)");
	expect_error("[a]\nregions = hips, hamstring\n",
		     "t.ini:2: unknown region 'hamstring' (did you mean 'hamstrings'?)");
	expect_error("[a]\nregions = hips,,glutes\n", "t.ini:2: empty item in 'regions'");
	expect_error("[a]\nequipment = dumbells\n",
		     "t.ini:2: unknown equipment 'dumbells' (did you mean 'dumbbells'?)");
	expect_error("[a]\nequipment = none\n", "t.ini:2: unknown equipment 'none'");
	expect_error("[a]\nlevel = expert\n", "t.ini:2: unknown level 'expert'");
	expect_error("[a]\ncarryover = speed\n", "t.ini:2: unknown carryover 'speed'");
	expect_error("[a]\nunilateral = maybe\n", "t.ini:2: 'unilateral' must be yes or no");
	expect_error("[a]\ntempo = 3-1\n", "t.ini:2: invalid tempo '3-1'");
	expect_error("[a]\ntempo = 3-1-x\n", "t.ini:2: invalid tempo");
	expect_error("[a]\nreps = 10-6\n", "t.ini:2: 'reps' must be a range like 6-10");
	expect_error("[a]\nreps = 0-6\n", "t.ini:2: 'reps' must be a range");
	expect_error("[a]\nreps = six\n", "t.ini:2: 'reps' must be a range");
	expect_error("[a]\nseconds = 20-9999\n", "t.ini:2: 'seconds' must be a range");
	expect_error("[a]\nreps = 6\nseconds = 20\n", "t.ini:3: an exercise has 'reps' or 'seconds'");
	expect_error("[a]\nname =\n", "t.ini:2: 'name' is empty");
	expect_error("[a]\nname = A\nname = B\n", "t.ini:3: 'name' is set twice (first on line 2)");
	expect_error("[a]\nfit_category = 48\n", "t.ini:2: invalid FIT exercise_category '48'");
	expect_error("[a]\nfit_category = 51\n", "t.ini:2: invalid FIT exercise_category");
	expect_error("[a]\nfit_category = 54\n", "t.ini:2: invalid FIT exercise_category");
	expect_error("[a]\nfit_category = -1\n", "t.ini:2: invalid FIT exercise_category");
	expect_error("[a]\nfit_name = 65535\n", "t.ini:2: invalid FIT exercise_name");
	expect_error("[a]\naliases = ok, not/ok\n", "t.ini:2: invalid alias 'not/ok'");
	expect_error("[a]\nprogression = Not An Id\n", "t.ini:2: 'progression' must be an exercise id");
}

static void rejects_missing_keys(void **state)
{
	expect_error("[a]\nname = A\n", "t.ini:1: exercise 'a' has no 'pattern'");
	expect_error("# c\n\n[a]\nname = A\npattern = squat\nregions = quads\nequipment = box\n"
		     "level = novice\nfit_category = 28\nfit_name = 61\ncue = c\n",
		     "t.ini:3: exercise 'a' has no dose ('reps' or 'seconds')");
	/* Detected when the next exercise starts, reported at the header. */
	expect_error("[a]\nname = A\n[b]\nname = B\n", "t.ini:1: exercise 'a' has no 'pattern'");
}

static void rejects_duplicates(void **state)
{
	expect_error(ENTRY("a", "") ENTRY("b", "") ENTRY("a", ""),
		     "t.ini:21: duplicate exercise 'a' (first defined on line 1)");
	/* The same section twice in a row is still two exercises. */
	expect_error(ENTRY("a", "") ENTRY("a", ""),
		     "t.ini:11: duplicate exercise 'a' (first defined on line 1)");
	expect_error(ENTRY("a", "aliases = x\n") ENTRY("b", "aliases = X\n"),
		     "t.ini:22: 'X' is already an alias of 'a' (line 11)");
	expect_error(ENTRY("a", "") ENTRY("b", "aliases = A\n"),
		     "t.ini:21: 'A' is already the id of an exercise (line 1)");
	expect_error(ENTRY("a", "aliases = b c\n") ENTRY("b_c", ""),
		     "t.ini:12: 'b_c' is already an alias of 'a' (line 11)");
	expect_error(ENTRY("a", "aliases = a\n"), "t.ini:11: 'a' is already the id");
}

static void rejects_dangling_links(void **state)
{
	expect_error(ENTRY("a", "progression = nope\n"),
		     "t.ini:11: progression 'nope' is not an exercise id");
	expect_error(ENTRY("alpha", "") ENTRY("b", "regression = alpah\n"),
		     "t.ini:21: regression 'alpah' is not an exercise id (did you mean 'alpha'?)");
	expect_error(ENTRY("alpha", "aliases = first\n") ENTRY("b", "regression = first\n"),
		     "t.ini:22: regression 'first' is not an exercise id (did you mean 'alpha'?)");
}

static void rejects_cycles(void **state)
{
	expect_error(ENTRY("a", "progression = b\n") ENTRY("b", "progression = a\n"),
		     "t.ini:22: progression cycle: a -> b -> a");
	expect_error(ENTRY("a", "progression = a\n"), "t.ini:11: progression cycle: a -> a");
	/* b is both harder and easier than a. */
	expect_error(ENTRY("a", "progression = b\nregression = b\n") ENTRY("b", ""),
		     "t.ini:12: progression cycle: a -> b -> a");
	/* A longer loop through a regression: a < b < c < x (x regresses to c) < a. */
	expect_error(ENTRY("a", "progression = b\n") ENTRY("b", "progression = c\n")
		     ENTRY("c", "") ENTRY("x", "regression = c\nprogression = a\n"),
		     "t.ini:44: progression cycle: a -> b -> c -> x -> a");
}

static void rejects_method_violations(void **state)
{
	expect_error("[p]\nname = P\npattern = anti_extension\nregions = core\nequipment = bodyweight\n"
		     "level = novice\nseconds = 30-60\nfit_category = 19\nfit_name = 43\ncue = c\n",
		     "t.ini:7: core holds are at most 45 s (METHOD A5), not 60");
	expect_error("[p]\nname = P\npattern = anti_rotation\nregions = core\nequipment = band\n"
		     "level = novice\nreps = 10-20\nfit_category = 5\nfit_name = 6\ncue = c\n",
		     "t.ini:7: core sets are at most 12 reps (METHOD A5), not 20");
	expect_error(ENTRY("a", "ballistic = yes\n"),
		     "t.ini:11: 'a' is ballistic, so its pattern must be plyometric (METHOD A6)");
	expect_error("[m]\nname = M\npattern = squat\nregions = quads\nequipment = machine\n"
		     "level = novice\nreps = 8\nfit_category = 28\nfit_name = 0\ncue = c\ncompound = yes\n",
		     "t.ini:11: 'm' cannot be compound: machine lifts are never main lifts (METHOD A1)");
	expect_error("[m]\nname = M\npattern = plank\n", "unknown pattern 'plank'");
	expect_error("[m]\ncompound = yes\nname = M\npattern = calf_straight\nregions = calves\n"
		     "equipment = bodyweight\nlevel = novice\nreps = 8\nfit_category = 1\n"
		     "fit_name = 18\ncue = c\n",
		     "t.ini:2: 'm' cannot be compound: main lifts are hinge, squat");
}

static void rejects_bad_structure(void **state)
{
	char line[400];

	expect_error("", "t.ini: no exercises");
	expect_error("# only a comment\n", "t.ini: no exercises");
	expect_error("name = A\n", "t.ini:1: 'name' is outside any [exercise] section");
	expect_error(ENTRY("a", "this is not a key\n"), "t.ini:11: expected '[id]' or 'key = value'");
	expect_error(ENTRY("a", "[b\nname = B\n"), "t.ini:11: expected '[id]' or 'key = value'");
	expect_error("[Bad Id]\nname = A\n", "t.ini:1: invalid id 'Bad Id'");
	expect_error("[1a]\nname = A\n", "t.ini:1: invalid id '1a'");
	expect_error("[a]\n[b]\n" "name = B\n", "t.ini:1: section has no keys");
	expect_error(ENTRY("a", "[b]\n"), "t.ini:11: section has no keys");
	/* inih would pass an indented line as a second value for the key above. */
	expect_error(ENTRY("a", "  more of the cue\n"), "t.ini:11: line starts with a space");
	/* inih's isspace() skips a form feed too: found by fuzz_catalog. */
	expect_error("\f[a]\nname = A\n", "t.ini:1: line starts with a space");
	expect_error("\v\v[a]\nname = A\n", "t.ini:1: line starts with a space");
	{
		static const char nul[] = "[a]\nname = A\xff\0x\n";
		co_catalog *c = NULL;
		assert_int_equal(co_catalog_parse(&c, nul, sizeof(nul) - 1, "t.ini"), CO_EINPUT);
		assert_string_equal(co_error_last(), "t.ini:2: NUL byte in line");
	}
	/* Longest line inih 55 (INI_MAX_LINE 200) reads whole: 196 characters. */
	memset(line, 'x', sizeof(line));
	memcpy(line, "[a]\ncue = ", 10);
	strcpy(line + 4 + 196, "\n");
	{
		char text[800];
		co_catalog *c = NULL;
		snprintf(text, sizeof(text), "%s", line);
		/* 196-character line: read whole, so the error is about the entry. */
		assert_int_equal(co_catalog_parse(&c, text, strlen(text), "t.ini"), CO_EINPUT);
		assert_non_null(strstr(co_error_last(), "t.ini:1: exercise 'a' has no 'name'"));
		line[4 + 196] = 'x';
		strcpy(line + 4 + 197, "\n");
		snprintf(text, sizeof(text), "%s", line);
		assert_int_equal(co_catalog_parse(&c, text, strlen(text), "t.ini"), CO_EINPUT);
		assert_string_equal(co_error_last(), "t.ini:2: line is longer than 196 characters");
	}
	{
		char text[200];
		snprintf(text, sizeof(text), "[%s]\nname = A\n",
			 "a_very_long_exercise_identifier_that_goes_on_and_on");
		expect_error(text, "t.ini:1: id 'a_very_long_exercise...' is longer than 48");
	}
}

/* Line numbers stay right after comments, blank lines and CRLF. */
static void error_lines_count_physical_lines(void **state)
{
	expect_error("# one\n; two\n\n\r\n[a]\r\nname = A\r\n  # indented comment\r\n"
		     "pattern = hindge\r\n",
		     "t.ini:8: unknown pattern 'hindge'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_is_thread_safe),
		cmocka_unit_test(default_loads_and_is_shared),
		cmocka_unit_test(find_by_id_alias_and_spelling),
		cmocka_unit_test(suggest_close_names),
		cmocka_unit_test(links_name_existing_ids),
		cmocka_unit_test(no_progression_cycles),
		cmocka_unit_test(a1_patterns_have_main_lifts_at_every_level),
		cmocka_unit_test(every_pattern_has_entries),
		cmocka_unit_test(regions_coverable_with_none_and_gym),
		cmocka_unit_test(home_athlete_has_main_lifts),
		cmocka_unit_test(fit_numbers_exist_in_profile),
		cmocka_unit_test(fit_tables_match_profile_dump),
		cmocka_unit_test(aliases_unique),
		cmocka_unit_test(a5_core_doses),
		cmocka_unit_test(ballistic_only_plyometric),
		cmocka_unit_test(machines_and_non_a1_are_not_main_lifts),
		cmocka_unit_test(regressions_end_at_or_below_their_level),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(parses_every_field),
		cmocka_unit_test(parses_crlf_and_bom),
		cmocka_unit_test(parses_only_len_bytes),
		cmocka_unit_test(rejects_unknown_key),
		cmocka_unit_test(rejects_bad_values),
		cmocka_unit_test(rejects_missing_keys),
		cmocka_unit_test(rejects_duplicates),
		cmocka_unit_test(rejects_dangling_links),
		cmocka_unit_test(rejects_cycles),
		cmocka_unit_test(rejects_method_violations),
		cmocka_unit_test(rejects_bad_structure),
		cmocka_unit_test(error_lines_count_physical_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
