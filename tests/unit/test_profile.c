/*
 * Athlete profiles: a full profile read field by field, the defaults, every
 * kind of bad input with the exact message a user sees (file, line, field),
 * the niggle map, race distances, and the template read back unchanged.
 * Bad-input fixtures live in tests/data/profiles/.
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

#include "carryover/carryover.h"
#include "util/strbuf.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

/* A Wednesday, so the default start is the following Monday, 2027-01-04. */
static const co_date TODAY = 20817; /* 2026-12-30 */

static const char full[] =
	"\xEF\xBB\xBF; a full profile\r\n"
	"[athlete]\n"
	"name = Alex Runner\n"
	"  level = advanced        ; indented, with a comment\n"
	"body_mass = 150\n"
	"units = lb\n"
	"equipment = barbell, Dumbbells, kettlebell, bench, band, box\n"
	"session_minutes = 50\n"
	"sessions_per_week = 3\n"
	"double_days = yes\n"
	"start = 2027-01-11\n"
	"deload_every = 5\n"
	"acwr_threshold = 1.3\n"
	"dumbbell_step = 2.5\n"
	"plyometrics = yes\n"
	"strides = no\n"
	"niggles = achilles_left, lower back\n"
	"runs = plan.ics\n"
	"\n"
	"[week]\n"
	"mon = rest\n"
	"tue = intervals 60\n"
	"wed = easy\n"
	"thu = tempo 50 min\n"
	"Saturday = easy 40min\n"
	"sun = long 120\n"
	"\n"
	"[race Spring Marathon]\n"
	"date = 2027-04-25\n"
	"distance = marathon\n"
	"priority = A\n"
	"\n"
	"[race Tune-up Half]\n"
	"date = 2027-03-14\n"
	"distance = half\n"
	"priority = b\n"
	"\n"
	"[lifts]\n"
	"rdl = 175\n"
	"goblet_squat = 60\n";

static void full_profile_field_by_field(void **state)
{
	co_profile *p = NULL;

	assert_int_equal(co_profile_parse(&p, full, strlen(full), "full.ini", TODAY), 0);
	assert_string_equal(p->source, "full.ini");
	assert_string_equal(p->name, "Alex Runner");
	assert_int_equal(p->level, CO_LEVEL_ADVANCED);
	assert_int_equal(p->units, CO_UNITS_LB);
	/* 150 is a body mass in lb: checked after the file, since units came later. */
	assert_true(p->body_mass == 150);
	assert_int_equal(p->equipment, CO_EQUIP_BARBELL | CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL |
					       CO_EQUIP_BENCH | CO_EQUIP_BAND | CO_EQUIP_BOX);
	assert_int_equal(p->session_minutes, 50);
	assert_int_equal(p->sessions_per_week, 3);
	assert_true(p->double_days);
	assert_int_equal(p->start, D(2027, 1, 11));
	assert_int_equal(p->deload_every, 5);
	assert_true(p->acwr_threshold == 1.3);
	assert_true(p->plate_step == 5.0);    /* lb default */
	assert_true(p->dumbbell_step == 2.5); /* as written */
	assert_true(p->plyometrics);
	assert_false(p->strides);
	assert_int_equal(p->n_niggles, 2);
	assert_string_equal(p->niggles[0].site, "achilles_left");
	assert_int_equal(p->niggles[0].regions, CO_REGION_CALVES | CO_REGION_ANKLES);
	assert_string_equal(p->niggles[1].site, "lower_back");
	assert_string_equal(p->runs_file, "plan.ics");

	assert_int_equal(p->week[CO_MON].type, CO_RUN_REST);
	assert_int_equal(p->week[CO_MON].minutes, 0);
	assert_int_equal(p->week[CO_TUE].type, CO_RUN_INTERVALS);
	assert_int_equal(p->week[CO_TUE].minutes, 60);
	assert_int_equal(p->week[CO_WED].type, CO_RUN_EASY);
	assert_int_equal(p->week[CO_WED].minutes, co_run_type_default_minutes(CO_RUN_EASY));
	assert_int_equal(p->week[CO_THU].minutes, 50);
	assert_int_equal(p->week[CO_FRI].type, CO_RUN_REST); /* missing day */
	assert_int_equal(p->week[CO_SAT].minutes, 40);
	assert_int_equal(p->week[CO_SUN].type, CO_RUN_LONG);

	/* Sorted by date: the half comes first though written second. */
	assert_int_equal(p->n_races, 2);
	assert_string_equal(p->races[0].name, "Tune-up Half");
	assert_int_equal(p->races[0].date, D(2027, 3, 14));
	assert_true(p->races[0].distance_km == 21.0975);
	assert_int_equal(p->races[0].priority, CO_RACE_B);
	assert_int_equal(p->races[0].line, 33);
	assert_string_equal(p->races[1].name, "Spring Marathon");
	assert_true(p->races[1].distance_km == 42.195);
	assert_int_equal(p->races[1].priority, CO_RACE_A);

	/* The alias is stored as the catalogue id. */
	assert_int_equal(p->n_lifts, 2);
	assert_string_equal(p->lifts[0].exercise, "romanian_deadlift");
	assert_true(co_profile_lift(p, "romanian_deadlift") == 175);
	assert_true(co_profile_lift(p, "goblet_squat") == 60);
	assert_true(co_profile_lift(p, "hip_thrust") == 0);
	co_profile_free(p);
}

static void defaults(void **state)
{
	static const char text[] = "[week]\ntue = intervals 60\n";
	co_profile *p = NULL;

	assert_int_equal(co_profile_parse(&p, text, strlen(text), "min.ini", TODAY), 0);
	assert_string_equal(p->name, "Runner");
	assert_int_equal(p->level, CO_LEVEL_INTERMEDIATE);
	assert_int_equal(p->units, CO_UNITS_KG);
	assert_int_equal(p->distance_units, CO_DIST_KM);
	assert_true(p->body_mass == 0);
	assert_int_equal(p->equipment, CO_EQUIP_NONE_SET);
	assert_int_equal(p->session_minutes, 45);
	assert_int_equal(p->sessions_per_week, 2);
	assert_false(p->double_days);
	assert_int_equal(p->start, D(2027, 1, 4));
	assert_int_equal(co_date_weekday(p->start), CO_MON);
	assert_int_equal(p->deload_every, 4);
	assert_true(p->acwr_threshold == 1.5);
	assert_true(p->plate_step == 2.5);
	assert_true(p->dumbbell_step == 2.0);
	assert_false(p->plyometrics);
	assert_true(p->strides);
	assert_int_equal(p->n_niggles, 0);
	assert_null(p->runs_file);
	assert_int_equal(p->n_races, 0);
	assert_int_equal(p->n_lifts, 0);
	for (int d = 0; d < 7; d++)
		if (d != CO_TUE)
			assert_int_equal(p->week[d].type, CO_RUN_REST);
	co_profile_free(p);
}

static void default_start(void **state)
{
	/* A Monday starts today; any other day, the next Monday. */
	assert_int_equal(co_profile_default_start(D(2027, 1, 4)), D(2027, 1, 4));
	assert_int_equal(co_profile_default_start(D(2027, 1, 5)), D(2027, 1, 11));
	assert_int_equal(co_profile_default_start(D(2027, 1, 10)), D(2027, 1, 11));
}

static char *read_fixture(const char *name, size_t *len)
{
	const char *src = getenv("CO_SOURCE_DIR");
	co_strbuf path = CO_STRBUF_INIT, sb = CO_STRBUF_INIT;

	co_strbuf_init(&path);
	co_strbuf_init(&sb);
	co_strbuf_addf(&path, "%s/tests/data/profiles/%s", src ? src : ".", name);
	assert_int_equal(co_strbuf_read_file(&sb, path.buf, 0), 0);
	co_strbuf_release(&path);
	*len = sb.len;
	return co_strbuf_detach(&sb);
}

/* Parse a fixture under its own name; it must fail with exactly `message`. */
static void expect_fixture(const char *name, const char *message)
{
	size_t len;
	char *text = read_fixture(name, &len);
	co_profile *p = (co_profile *)&len; /* must be reset to NULL */

	assert_int_equal(co_profile_parse(&p, text, len, name, TODAY), CO_EINPUT);
	assert_null(p);
	assert_string_equal(co_error_last(), message);
	free(text);
}

static void bad_fixtures(void **state)
{
	expect_fixture("unknown_key.ini",
		       "unknown_key.ini:3: unknown key 'levle' in [athlete] (did you mean 'level'?)");
	expect_fixture("unknown_section.ini",
		       "unknown_section.ini:4: unknown section [weak] (did you mean [week]?)");
	expect_fixture("bad_date.ini",
		       "bad_date.ini:2: start: 2027-13-04 is not a real date");
	expect_fixture("feb29.ini",
		       "feb29.ini:9: race 'Spring Marathon': date: 2027-02-29 is not a real date "
		       "(2027 is not a leap year)");
	expect_fixture("race_before_start.ini",
		       "race_before_start.ini:9: race 'Spring Marathon': date 2026-12-01 is before "
		       "start 2027-01-04");
	expect_fixture("negative_minutes.ini",
		       "negative_minutes.ini:7: wed: minutes must be between 1 and 600, got '-5'");
	expect_fixture("unknown_run_type.ini",
		       "unknown_run_type.ini:8: unknown run type 'tempoo' (did you mean 'tempo'?)");
	expect_fixture("duplicate_race.ini",
		       "duplicate_race.ini:8: duplicate race 'spring marathon' (first on line 4)");
	expect_fixture("empty.ini", "empty.ini: empty profile (expected at least a [week] section)");
	expect_fixture("comments_only.ini",
		       "comments_only.ini: empty profile (expected at least a [week] section)");
	expect_fixture("binary.ini", "binary.ini: not a text file (byte 0x1a on line 2)");
	expect_fixture("unknown_lift.ini",
		       "unknown_lift.ini:6: unknown exercise 'romainan_deadlift' in [lifts] "
		       "(did you mean 'romanian_deadlift'?)");
	expect_fixture("bad_equipment.ini",
		       "bad_equipment.ini:3: equipment: unknown equipment 'dumbels' "
		       "(did you mean 'dumbbells'?)");
	expect_fixture("missing_week.ini",
		       "missing_week.ini: missing [week] section (the usual running week, "
		       "e.g. 'tue = intervals 60')");
}

/* Parse inline text; it must fail with exactly `message`. */
static void expect_error(const char *text, const char *message)
{
	co_profile *p = NULL;

	assert_int_equal(co_profile_parse(&p, text, strlen(text), "t.ini", TODAY), CO_EINPUT);
	assert_null(p);
	assert_string_equal(co_error_last(), message);
}

/* distance_units (issue 9.17): km or mi, any case; shown, never used to compute. */
static void distance_units(void **state)
{
	static const char text[] = "[athlete]\ndistance_units = MI\n[week]\ntue = intervals 60\n";
	co_profile *p = NULL;
	char *tmpl;

	(void)state;
	assert_int_equal(co_profile_parse(&p, text, strlen(text), "mi.ini", TODAY), 0);
	assert_int_equal(p->distance_units, CO_DIST_MI);
	tmpl = co_profile_template(p);
	assert_non_null(strstr(tmpl, "\ndistance_units = mi\n"));
	free(tmpl);
	co_profile_free(p);
	expect_error("[athlete]\ndistance_units = leagues\n[week]\n",
		     "t.ini:2: unknown distance_units 'leagues' (expected km or mi)");
	assert_string_equal(co_distance_units_name(CO_DIST_MI), "mi");
	assert_int_equal(co_distance_units_from_name("miles"), CO_DIST_MI);
	assert_int_equal(co_distance_units_from_name("km"), CO_DIST_KM);
	assert_int_equal(co_distance_units_from_name("yd"), -1);
}

static void bad_values(void **state)
{
	expect_error("[week]\ntue = intervals 60\ntue = easy\n",
		     "t.ini:3: duplicate key 'tue' in [week] (first on line 2)");
	expect_error("name = Alex\n[week]\n",
		     "t.ini:1: key 'name' is outside a section (put it under [athlete])");
	expect_error("[athlete]\ndate = 2027-01-01\n[week]\n",
		     "t.ini:2: key 'date' belongs in a [race NAME] section, not [athlete]");
	expect_error("[week]\ntuesday\n",
		     "t.ini:2: expected 'key = value' or '[section]', got 'tuesday'");
	expect_error("[week\n", "t.ini:1: section header has no closing ']'");
	expect_error("[athlete]\n[week]\n[athlete]\n",
		     "t.ini:3: duplicate section [athlete] (first on line 1)");
	expect_error("[week]\n[race]\n", "t.ini:2: [race] needs a name, e.g. [race Spring Marathon]");
	expect_error("[week]\n[race Spring]\ndistance = 10k\n",
		     "t.ini:2: race 'Spring': missing 'date' (YYYY-MM-DD)");
	expect_error("[week]\n[race Spring]\ndate = 2027-05-01\ndistance = 10 miles\npriority = D\n",
		     "t.ini:5: race 'Spring': priority must be A, B or C, got 'D'");
	expect_error("[week]\n[race Spring]\ndate = 2027-05-01\ndistance = marthon\n",
		     "t.ini:4: race 'Spring': unknown distance 'marthon' (expected 5k, 10k, half, "
		     "marathon, ultra or NUMBER km)");
	expect_error("[week]\n[race Far]\ndate = 2031-05-01\ndistance = 5k\n",
		     "t.ini:2: race 'Far': date 2031-05-01 is more than 3 years after start 2027-01-04");
	expect_error("[athlete]\nlevel = intermedate\n[week]\n",
		     "t.ini:2: unknown level 'intermedate' (did you mean 'intermediate'?)");
	expect_error("[athlete]\nunits = stone\n[week]\n",
		     "t.ini:2: unknown units 'stone' (expected kg or lb)");
	expect_error("[athlete]\nsession_minutes = 5\n[week]\n",
		     "t.ini:2: session_minutes must be between 15 and 120, got '5'");
	expect_error("[athlete]\nsessions_per_week = two\n[week]\n",
		     "t.ini:2: sessions_per_week must be a whole number, got 'two'");
	expect_error("[athlete]\ndeload_every = 8\n[week]\n",
		     "t.ini:2: deload_every must be between 3 and 6, got '8'");
	expect_error("[athlete]\nacwr_threshold = 3\n[week]\n",
		     "t.ini:2: acwr_threshold must be between 1.2 and 2, got '3'");
	expect_error("[athlete]\ndouble_days = maybe\n[week]\n",
		     "t.ini:2: double_days must be yes or no, got 'maybe'");
	/* kg is the default, and 300 kg is no runner's body mass: the line of body_mass. */
	expect_error("[athlete]\nbody_mass = 300\n[week]\n",
		     "t.ini:2: body_mass must be between 25 and 250 kg, got '300'");
	expect_error("[athlete]\nplate_step = 0\nunits = lb\n[week]\n",
		     "t.ini:2: plate_step must be between 0.5 and 25 lb, got '0'");
	expect_error("[athlete]\nniggles = achiles_left\n[week]\n",
		     "t.ini:2: niggles: unknown site 'achiles_left' (did you mean 'achilles_left'?)");
	expect_error("[athlete]\nruns = plan.txt\n[week]\n",
		     "t.ini:2: runs: expected a .ics or .csv file, got 'plan.txt'");
	expect_error("[athlete]\nname = Alex;Runner\n[week]\n",
		     "t.ini:2: name must not contain ';'");
	expect_error("[week]\nmon = rest 30\n", "t.ini:2: mon: rest takes no minutes, got 'rest 30'");
	expect_error("[week]\nmon = easy 30 fast\n",
		     "t.ini:2: mon: expected 'TYPE [MINUTES]', got 'easy 30 fast'");
	expect_error("[week]\nmon =\n", "t.ini:2: mon: missing run type (write 'rest' for a day off)");
	expect_error("[week]\nmon = easy 601\n",
		     "t.ini:2: mon: minutes must be between 1 and 600, got '601'");
	expect_error("[week]\nmon = easy 99999999999999999999\n",
		     "t.ini:2: mon: minutes must be between 1 and 600, got '99999999999999999999'");
	expect_error("[week]\nmonn = easy\n", "t.ini:2: unknown key 'monn' in [week] (did you mean 'mon'?)");
	expect_error("[week]\n[lifts]\nrdl = 80\nromanian_deadlift = 90\n",
		     "t.ini:4: duplicate lift 'romanian_deadlift' (first on line 3)");
	expect_error("[week]\n[lifts]\nrdl = -5\n",
		     "t.ini:3: romanian_deadlift must be between 0.25 and 1100, got '-5'");
	expect_error("[week]\n[athlete]\nname = Ana\n\xff\xfe\n", "t.ini:4: not UTF-8 text (save the profile as UTF-8)");
	expect_error("[week]\n\xc0\xaf = x\n", "t.ini:2: not UTF-8 text (save the profile as UTF-8)");
}

/* A 10 MB line: one clear message naming the line, no truncated parse. */
static void ten_megabyte_line(void **state)
{
	size_t n = 10u << 20;
	char *text = malloc(n + 64);

	assert_non_null(text);
	strcpy(text, "[athlete]\nname = ");
	memset(text + strlen(text), 'a', n);
	strcpy(text + 17 + n, "\n[week]\n");
	expect_error(text, "t.ini:2: line is too long (10485767 characters, at most 197)");

	/* The same line as a comment is harmless. */
	text[10] = ';';
	{
		co_profile *p = NULL;
		assert_int_equal(co_profile_parse(&p, text, strlen(text), "t.ini", TODAY), 0);
		co_profile_free(p);
	}
	free(text);

	/* A line just under the limit still parses, one over does not. */
	{
		char line[512];
		co_profile *p = NULL;

		snprintf(line, sizeof(line), "[athlete]\nruns = %0*d.ics\n[week]\n", 197 - 11, 0);
		assert_int_equal(co_profile_parse(&p, line, strlen(line), "t.ini", TODAY), 0);
		assert_int_equal(strlen(p->runs_file), 197 - 7);
		co_profile_free(p);
		snprintf(line, sizeof(line), "[athlete]\nruns = %0*d.ics\n[week]\n", 197 - 10, 0);
		expect_error(line, "t.ini:2: line is too long (198 characters, at most 197)");
	}
}

static void lines_stay_true_after_long_comments(void **state)
{
	/* inih would split a long line and shift every later line number. */
	char text[2048];

	snprintf(text, sizeof(text), "; %0*d\n[week]\n\ntue = tempoo\n", 900, 0);
	expect_error(text, "t.ini:4: unknown run type 'tempoo' (did you mean 'tempo'?)");
}

static void niggle_map(void **state)
{
	assert_int_equal(co_niggle_regions("achilles"), CO_REGION_CALVES | CO_REGION_ANKLES);
	assert_int_equal(co_niggle_regions("achilles_right"), CO_REGION_CALVES | CO_REGION_ANKLES);
	assert_int_equal(co_niggle_regions("knee_left"), CO_REGION_QUADS);
	assert_int_equal(co_niggle_regions("hamstring"), CO_REGION_HAMSTRINGS);
	assert_int_equal(co_niggle_regions("shin"), CO_REGION_SHINS);
	assert_int_equal(co_niggle_regions("it_band"), CO_REGION_QUADS);
	/* The IT band's rehab is hip work: it must not be spared. */
	assert_int_equal(co_niggle_regions("it_band") & CO_REGION_HIPS, 0);
	assert_int_equal(co_niggle_regions("elbow"), 0);
	assert_int_equal(co_niggle_regions("_left"), 0);
	assert_int_equal(co_niggle_regions("achilles_up"), 0);
	/* Every listed site maps to something, on both sides. */
	for (const char *const *s = co_niggle_sites(); *s; s++) {
		char buf[64];
		assert_true(co_niggle_regions(*s) != 0);
		snprintf(buf, sizeof(buf), "%s_left", *s);
		assert_int_equal(co_niggle_regions(buf), co_niggle_regions(*s));
	}
}

static void race_distances(void **state)
{
	double km = 0;

	assert_int_equal(co_race_distance_parse(&km, "5k"), 0);
	assert_true(km == 5);
	assert_int_equal(co_race_distance_parse(&km, "10K"), 0);
	assert_true(km == 10);
	assert_int_equal(co_race_distance_parse(&km, "half"), 0);
	assert_true(km == 21.0975);
	assert_int_equal(co_race_distance_parse(&km, "Marathon"), 0);
	assert_true(km == 42.195);
	assert_int_equal(co_race_distance_parse(&km, "ultra"), 0);
	assert_true(km == 50);
	assert_int_equal(co_race_distance_parse(&km, "15 km"), 0);
	assert_true(km == 15);
	assert_int_equal(co_race_distance_parse(&km, "100km"), 0);
	assert_true(km == 100);
	assert_int_equal(co_race_distance_parse(&km, "10 mi"), 0);
	assert_true(fabs(km - 16.09344) < 1e-9);
	assert_int_equal(co_race_distance_parse(&km, "15"), CO_EINPUT);
	assert_string_equal(co_error_last(), "distance '15' needs a unit ('15 km')");
	assert_int_equal(co_race_distance_parse(&km, "0 km"), CO_EINPUT);
	assert_int_equal(co_race_distance_parse(&km, "1e9 km"), CO_EINPUT);
	assert_int_equal(co_race_distance_parse(&km, "nan km"), CO_EINPUT);
	assert_int_equal(co_race_distance_parse(&km, "-5 km"), CO_EINPUT);
	assert_int_equal(co_race_distance_parse(&km, ""), CO_EINPUT);
}

static void names_round_trip(void **state)
{
	for (int t = 0; t < CO_RUN_TYPE_COUNT; t++)
		assert_int_equal(co_run_type_from_name(co_run_type_name((co_run_type)t)), t);
	assert_int_equal(co_run_type_from_name("tempoo"), -1);
	assert_true(co_run_type_is_key(CO_RUN_LONG) && co_run_type_is_key(CO_RUN_HILLS) &&
		    co_run_type_is_key(CO_RUN_RACE));
	assert_false(co_run_type_is_key(CO_RUN_EASY) || co_run_type_is_key(CO_RUN_FARTLEK) ||
		     co_run_type_is_key(CO_RUN_REST) || co_run_type_is_key(CO_RUN_CROSS));
	assert_int_equal(co_race_priority_from_name("c"), CO_RACE_C);
	assert_int_equal(co_race_priority_from_name("AB"), -1);
	assert_int_equal(co_units_from_name("lb"), CO_UNITS_LB);
}

static void equipment_words(void **state)
{
	unsigned e = 99;

	assert_int_equal(co_equipment_parse(&e, "none"), 0);
	assert_int_equal(e, CO_EQUIP_NONE_SET);
	assert_int_equal(co_equipment_parse(&e, "bodyweight"), 0);
	assert_int_equal(e, 0);
	assert_int_equal(co_equipment_parse(&e, "gym"), 0);
	assert_int_equal(e, CO_EQUIP_ALL);
	assert_int_equal(co_equipment_parse(&e, "dumbbell, trap bar"), 0);
	assert_int_equal(e, CO_EQUIP_DUMBBELLS | CO_EQUIP_TRAP_BAR);
	assert_int_equal(co_equipment_parse(&e, "barbell,,box"), CO_EINPUT);
	assert_int_equal(co_equipment_parse(&e, ""), CO_EINPUT);
	/* Every equipment name parses back to its bit. */
	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++) {
		assert_int_equal(co_equipment_parse(&e, co_equipment_name((co_equipment)(1u << i))), 0);
		assert_int_equal(e, 1u << i);
	}
}

static void assert_same_profile(const co_profile *a, const co_profile *b)
{
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->level, b->level);
	assert_int_equal(a->units, b->units);
	assert_true(a->body_mass == b->body_mass);
	assert_int_equal(a->equipment, b->equipment);
	assert_int_equal(a->session_minutes, b->session_minutes);
	assert_int_equal(a->sessions_per_week, b->sessions_per_week);
	assert_int_equal(a->double_days, b->double_days);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->deload_every, b->deload_every);
	assert_true(a->acwr_threshold == b->acwr_threshold);
	assert_true(a->plate_step == b->plate_step);
	assert_true(a->dumbbell_step == b->dumbbell_step);
	assert_int_equal(a->plyometrics, b->plyometrics);
	assert_int_equal(a->strides, b->strides);
	assert_int_equal(a->n_niggles, b->n_niggles);
	for (size_t i = 0; i < a->n_niggles; i++) {
		assert_string_equal(a->niggles[i].site, b->niggles[i].site);
		assert_int_equal(a->niggles[i].regions, b->niggles[i].regions);
	}
	if (a->runs_file || b->runs_file)
		assert_string_equal(a->runs_file, b->runs_file);
	for (int d = 0; d < 7; d++) {
		assert_int_equal(a->week[d].type, b->week[d].type);
		assert_int_equal(a->week[d].minutes, b->week[d].minutes);
	}
	assert_int_equal(a->n_races, b->n_races);
	for (size_t i = 0; i < a->n_races; i++) {
		assert_string_equal(a->races[i].name, b->races[i].name);
		assert_int_equal(a->races[i].date, b->races[i].date);
		assert_true(a->races[i].distance_km == b->races[i].distance_km);
		assert_int_equal(a->races[i].priority, b->races[i].priority);
	}
	assert_int_equal(a->n_lifts, b->n_lifts);
	for (size_t i = 0; i < a->n_lifts; i++) {
		assert_string_equal(a->lifts[i].exercise, b->lifts[i].exercise);
		assert_true(a->lifts[i].load == b->lifts[i].load);
	}
}

static void template_round_trips(void **state)
{
	co_profile *p = NULL, *q = NULL, *d = NULL;
	char *text;

	/* A full profile, and one with an odd race distance. */
	assert_int_equal(co_profile_parse(&p, full, strlen(full), "full.ini", TODAY), 0);
	assert_int_equal(co_profile_set(p, "race Long One", "date", "2027-06-05"), 0);
	assert_int_equal(co_profile_set(p, "race Long One", "distance", "80.5 km"), 0);
	assert_int_equal(co_profile_finish(p), 0);
	text = co_profile_template(p);
	assert_int_equal(co_profile_parse(&q, text, strlen(text), "tmpl.ini", TODAY), 0);
	assert_same_profile(p, q);
	/* Every key is written, with what it allows. */
	for (const char *k = "name\0level\0units\0body_mass\0equipment\0session_minutes\0"
			     "sessions_per_week\0double_days\0start\0deload_every\0acwr_threshold\0"
			     "plate_step\0dumbbell_step\0plyometrics\0strides\0niggles\0runs\0";
	     *k; k += strlen(k) + 1) {
		char line[64];
		snprintf(line, sizeof(line), "\n%s = ", k);
		assert_non_null(strstr(text, line));
	}
	assert_non_null(strstr(text, "novice | intermediate | advanced"));
	free(text);
	co_profile_free(q);
	co_profile_free(p);

	/* The bare template: defaults and the example week. */
	text = co_profile_template(NULL);
	assert_int_equal(co_profile_parse(&q, text, strlen(text), "tmpl.ini", TODAY), 0);
	d = co_profile_new(TODAY);
	assert_int_equal(co_profile_set(d, "week", "tue", "intervals 60"), 0);
	assert_int_equal(co_profile_set(d, "week", "wed", "easy 45"), 0);
	assert_int_equal(co_profile_set(d, "week", "thu", "tempo 50"), 0);
	assert_int_equal(co_profile_set(d, "week", "sat", "easy 40"), 0);
	assert_int_equal(co_profile_set(d, "week", "sun", "long 120"), 0);
	assert_same_profile(d, q);
	free(text);
	co_profile_free(q);
	co_profile_free(d);
}

static void set_and_finish(void **state)
{
	co_profile *p = co_profile_new(TODAY);

	/* Switching units moves the steps still at the default. */
	assert_int_equal(co_profile_set(p, "athlete", "units", "lb"), 0);
	assert_true(p->plate_step == 5 && p->dumbbell_step == 5);
	assert_int_equal(co_profile_set(p, "athlete", "body_mass", "150"), 0);
	assert_int_equal(co_profile_set(p, "athlete", "equipment", "gym"), 0);
	assert_int_equal(co_profile_set(p, "week", "wed", "easy -5"), CO_EINPUT);
	assert_string_equal(co_error_last(), "wed: minutes must be between 1 and 600, got '-5'");
	assert_int_equal(co_profile_set(p, "athlete", "equipment", "dumbels"), CO_EINPUT);
	assert_string_equal(co_error_last(),
			    "equipment: unknown equipment 'dumbels' (did you mean 'dumbbells'?)");
	assert_int_equal(co_profile_set(p, "athlete", "name", " padded "), 0);
	assert_string_equal(p->name, "padded");
	assert_int_equal(co_profile_set(p, "nowhere", "name", "x"), CO_EINPUT);
	assert_int_equal(co_profile_set(p, "race B", "date", "2027-03-01"), 0);
	assert_int_equal(co_profile_set(p, "race B", "distance", "10k"), 0);
	assert_int_equal(co_profile_set(p, "race A", "date", "2027-02-01"), 0);
	assert_int_equal(co_profile_finish(p), CO_EINPUT);
	assert_string_equal(co_error_last(),
			    "race 'A': missing 'distance' (5k, 10k, half, marathon, ultra or NUMBER km)");
	assert_int_equal(co_profile_set(p, "race A", "distance", "5k"), 0);
	assert_int_equal(co_profile_finish(p), 0);
	assert_string_equal(p->races[0].name, "A");
	co_profile_free(p);
	co_profile_free(NULL);
}

static void load_resolves_runs(void **state)
{
	char dir[] = "/tmp/co_profile_XXXXXX", path[256];
	co_profile *p = NULL;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/me.ini", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[athlete]\nruns = plans/plan.csv\n[week]\nsun = long\n", f);
	fclose(f);
	assert_int_equal(co_profile_load(&p, path, TODAY), 0);
	snprintf(path, sizeof(path), "%s/plans/plan.csv", dir);
	assert_string_equal(p->runs_file, path);
	co_profile_free(p);
	snprintf(path, sizeof(path), "%s/me.ini", dir);
	remove(path);
	remove(dir);

	assert_int_equal(co_profile_load(&p, "/nonexistent/me.ini", TODAY), CO_EIO);
	assert_null(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_profile_field_by_field),
		cmocka_unit_test(defaults),
		cmocka_unit_test(distance_units),
		cmocka_unit_test(default_start),
		cmocka_unit_test(bad_fixtures),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(ten_megabyte_line),
		cmocka_unit_test(lines_stay_true_after_long_comments),
		cmocka_unit_test(niggle_map),
		cmocka_unit_test(race_distances),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(equipment_words),
		cmocka_unit_test(template_round_trips),
		cmocka_unit_test(set_and_finish),
		cmocka_unit_test(load_resolves_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
