/*
 * The Strong and Hevy CSV readers (src/formats/lifting_csv.c): every
 * dialect of IMPORTS.md sections 1 and 2, from the sample lines there,
 * grown with the cases a real export has (Rest Timer and Note rows,
 * warm-ups, decimal commas, a missing unit, a translated header).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "carryover/error.h"
#include "carryover/log.h"
#include "util/strbuf.h"

static co_lift_log parse_ok(const char *text, const char *units)
{
	co_lift_log log;

	assert_true(co_lift_csv_detect(text, strlen(text)));
	if (co_lift_csv_parse(&log, text, strlen(text), "t.csv", units) != CO_OK)
		fail_msg("parse: %s", co_error_last());
	return log;
}

static void parse_fails(const char *text, const char *units, const char *msg)
{
	co_lift_log log;

	assert_int_equal(co_lift_csv_parse(&log, text, strlen(text), "t.csv", units), CO_EINPUT);
	if (!strstr(co_error_last(), msg))
		fail_msg("message '%s' lacks '%s'", co_error_last(), msg);
	assert_int_equal(log.n_workouts, 0);
}

#define S1_HEADER "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"

static void test_strong_s1(void **state)
{
	(void)state;
	const char *text = S1_HEADER
		"2025-06-03 20:23:00,\"Evening Workout\",264h 1m,\"Incline Bench Press (Dumbbell)\",1,35.0,10.0,0,0.0,\"\",\"\",\n"
		"2025-06-03 20:23:00,\"Evening Workout\",264h 1m,\"Incline Bench Press (Dumbbell)\",Rest Timer,0,0.0,0,120.0,,,\n"
		"2025-06-03 20:23:00,\"Evening Workout\",264h 1m,\"Side Plank\",W,0,,0,30.0,\"a, \"\"b\"\"\\nc\",\"\",\n"
		"2025-06-03 20:23:00,\"Evening Workout\",264h 1m,\"Side Plank\",Note,,,,,\"just a note\",\"\",\n"
		"2025-06-05 07:00:00,\"Morning\",38min,\"Squat (Barbell)\",1,100,5,0,0,\"\",\"\",8.5\n";
	co_lift_log log = parse_ok(text, "kg");

	assert_string_equal(log.dialect, "strong-s1");
	assert_int_equal(log.n_workouts, 2);
	assert_int_equal(log.rest_rows, 1);
	assert_int_equal(log.note_rows, 1);
	co_lift_workout *w = &log.workouts[0];
	assert_int_equal(w->n_sets, 2);
	assert_true(w->minutes < 0); /* "264h 1m" is not a duration */
	assert_string_equal(w->title, "Evening Workout");
	assert_string_equal(w->sets[0].name, "Incline Bench Press (Dumbbell)");
	assert_true(w->sets[0].load == 35 && w->sets[0].reps == 10);
	assert_string_equal(w->sets[0].unit, "kg");
	assert_null(w->sets[0].set_type);
	assert_string_equal(w->sets[1].set_type, "warmup");
	assert_true(w->sets[1].load < 0 && w->sets[1].reps < 0 && w->sets[1].seconds == 30);
	assert_string_equal(w->sets[1].notes, "a, \"b\"\nc");
	assert_true(log.workouts[1].minutes == 38);
	assert_true(log.workouts[1].sets[0].rpe == 8.5);
	assert_int_equal(strlen(w->hash), 64);
	co_lift_log_free(&log);

	/* No unit anywhere: refused, saying what to do. */
	parse_fails(text, NULL, "give --units kg or --units lb");
}

static void test_strong_s2_s3_s4_s0(void **state)
{
	(void)state;
	const char *s2 = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
		"2022-09-23 17:36:18;\"Week B Day 2\";\"Squat (Barbell)\";1;95;lbs;8;6.5;;;0;\"\";;37m\n"
		"2022-09-23 17:36:18;\"Week B Day 2\";\"Chin Up (Assisted)\";1;60;lbs;5;9.5;;;0;\"Felt pain on left tricep on second set\";;37m\n"
		"2022-09-24 10:00:00;\"Day 3\";\"Squat (Barbell)\";D;82,5;kg;8;;;;0;\"\";;1h 15m\n";
	co_lift_log log = parse_ok(s2, NULL);

	assert_string_equal(log.dialect, "strong-s2");
	assert_int_equal(log.n_workouts, 2);
	assert_string_equal(log.workouts[0].sets[0].unit, "lb");
	assert_true(log.workouts[0].sets[0].rpe == 6.5);
	assert_true(log.workouts[0].minutes == 37);
	assert_string_equal(log.workouts[0].sets[1].notes, "Felt pain on left tricep on second set");
	assert_true(log.workouts[1].sets[0].load == 82.5); /* decimal comma with ';' */
	assert_string_equal(log.workouts[1].sets[0].unit, "kg");
	assert_string_equal(log.workouts[1].sets[0].set_type, "drop");
	assert_true(log.workouts[1].minutes == 75);
	co_lift_log_free(&log);

	const char *s3 = "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"\n"
		"\"4\";\"2023-07-19 21:30:51\";\"Workout B #1409\";\"1742\";\"Squat (Barbell)\";\"W\";\"50.0\";\"5\";\"\";\"\";\"\";\"\";\"\"\n"
		"\"27\";\"2024-02-21 18:33:14\";\"WL.AI #1\";\"70\";\"Side Plank\";\"1\";\"\";\"\";\"\";\"\";\"30.0\";\"\";\"\"\n";
	log = parse_ok(s3, NULL);
	assert_string_equal(log.dialect, "strong-s3");
	assert_int_equal(log.n_workouts, 2);
	assert_string_equal(log.workouts[0].sets[0].unit, "kg");
	assert_string_equal(log.workouts[0].sets[0].set_type, "warmup");
	assert_true(log.workouts[0].minutes > 29 && log.workouts[0].minutes < 29.1);
	assert_true(log.workouts[1].sets[0].seconds == 30 && log.workouts[1].sets[0].load < 0);
	co_lift_log_free(&log);

	const char *s4 = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;Distance;Distance Unit;Seconds;Notes;Workout Notes\n"
		"2019-01-02 08:00:00;\"A\";\"Deadlift (Barbell)\";1;140;kg;5;;;0;;\n"
		"2019-01-02 08:00:00;\"A\";\"Deadlift (Barbell)\";F;120;;3;;;0;;\n";
	log = parse_ok(s4, "kg"); /* a blank unit takes --units */
	assert_string_equal(log.dialect, "strong-s4");
	assert_string_equal(log.workouts[0].sets[1].unit, "kg");
	assert_string_equal(log.workouts[0].sets[1].set_type, "failure");
	co_lift_log_free(&log);

	const char *s0 = "Date;Workout Name;Exercise Name;Set Order;lbs;Reps;mi.;Seconds;Notes;Workout Notes\n"
		"2018-05-01 07:00:00;\"Old\";\"Bench Press (Barbell)\";1;135;5;;0;;\n";
	log = parse_ok(s0, NULL);
	assert_string_equal(log.dialect, "strong-s0");
	assert_string_equal(log.workouts[0].sets[0].unit, "lb");
	co_lift_log_free(&log);
}

#define HEVY_KG "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"\r\n"

static void test_hevy(void **state)
{
	(void)state;
	const char *kg = HEVY_KG
		"\"Gut Check - Day 1 \xf0\x9f\x9a\x80\",\"28 May 2024, 07:32\",\"28 May 2024, 08:27\",\"\",\"Running\",,\"\",0,\"normal\",,,,240,\r\n"
		"\"Gut Check - Day 1 \xf0\x9f\x9a\x80\",\"28 May 2024, 07:32\",\"28 May 2024, 08:27\",\"\",\"Seated Cable Row - V Grip (Cable)\",,\"\",0,\"warmup\",70,10,,,6\r\n"
		"\"Gut Check - Day 1 \xf0\x9f\x9a\x80\",\"28 May 2024, 07:32\",\"28 May 2024, 08:27\",\"\",\"Lat Pulldown (Cable)\",0,\"\",0,\"normal\",140,10,,,7.5\r\n"
		"\"Shoulder Shredder\",\"26 May 2024, 14:42\",\"26 May 2024, 15:45\",\"\",\"Rear Delt Reverse Fly (Cable)\",,\"\",3,\"failure\",15,17,,,10\r\n";
	co_lift_log log = parse_ok(kg, NULL);

	assert_string_equal(log.dialect, "hevy");
	assert_int_equal(log.n_workouts, 2);
	assert_int_equal(log.workouts[0].n_sets, 3);
	assert_int_equal(log.workouts[0].date, co_date_from_ymd(2024, 5, 28));
	assert_true(log.workouts[0].sets[0].seconds == 240 && log.workouts[0].sets[0].load < 0);
	assert_string_equal(log.workouts[0].sets[1].set_type, "warmup");
	assert_string_equal(log.workouts[0].sets[2].unit, "kg");
	assert_string_equal(log.workouts[1].sets[0].set_type, "failure");
	assert_true(log.workouts[1].sets[0].rpe == 10);
	co_lift_log_free(&log);

	const char *lb = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_lbs\",\"reps\",\"distance_miles\",\"duration_seconds\",\"rpe\"\n"
		"\"Legs\",\"Sep 22, 2026, 6:00 AM\",\"Sep 22, 2026, 7:00 AM\",\"line one\nline two\",\"Romanian Deadlift (Barbell)\",,\"slow\",0,\"dropset\",88.18,8,,,\n";
	log = parse_ok(lb, NULL);
	assert_int_equal(log.workouts[0].date, co_date_from_ymd(2026, 9, 22));
	assert_string_equal(log.workouts[0].sets[0].unit, "lb");
	assert_true(log.workouts[0].sets[0].load == 88.18);
	assert_string_equal(log.workouts[0].sets[0].set_type, "drop");
	assert_string_equal(log.workouts[0].notes, "line one\nline two");
	co_lift_log_free(&log);

	/* Another language's dates are refused, clearly. */
	parse_fails(HEVY_KG "\"Beine\",\"22.09.2026, 17:00\",\"22.09.2026, 18:00\",\"\",\"Squat\",,\"\",0,\"normal\",60,5,,,\n",
		    NULL, "t.csv:2: start_time '22.09.2026, 17:00' (expected an English Hevy time");
}

static void test_refusals_and_hash(void **state)
{
	(void)state;
	const char *de = "Datum,Trainingsname,Dauer,Übungsname,Satzreihenfolge,Gewicht,Wiederh.\n"
			 "2025-06-03 20:23:00,A,1h,Kniebeuge,1,100,5\n";
	co_lift_log a, b;

	assert_false(co_lift_csv_detect(de, strlen(de)));
	parse_fails(de, "kg", "only English exports are read");
	parse_fails(S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,1,1OO,5,0,0,,,\n", "kg",
		    "t.csv:2: weight '1OO' (expected a number)");
	parse_fails(S1_HEADER "2025-13-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n", "kg",
		    "t.csv:2: date '2025-13-03 20:23:00'");
	parse_fails(S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,X,100,5,0,0,,,\n", "kg",
		    "set order 'X'");
	assert_false(co_lift_csv_detect("date,type,minutes\n2027-01-05,easy,40\n", 37));

	/* The same workout has the same hash in a longer file; another differs. */
	const char *one = S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n";
	const char *two = S1_HEADER "2025-06-01 20:23:00,B,1h,Squat,1,90,5,0,0,,,\n"
				    "2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n";
	a = parse_ok(one, "kg");
	b = parse_ok(two, "kg");
	assert_string_equal(a.workouts[0].hash, b.workouts[1].hash);
	assert_string_not_equal(b.workouts[0].hash, b.workouts[1].hash);
	co_lift_log_free(&a);
	co_lift_log_free(&b);
}

/*
 * A count no one lifts (the fuzz target found 1e13) is read without
 * overflowing an int, and stays above every bound so the importer drops it
 * and counts it (docs/cli/import.md).
 */
static void test_absurd_reps(void **state)
{
	(void)state;
	co_lift_log log = parse_ok(S1_HEADER
		"2025-06-05 07:00:00,\"Morning\",38min,\"Squat (Barbell)\",1,100,10000000000000,0,0,\"\",\"\",8\n",
		"kg");

	assert_int_equal(log.n_workouts, 1);
	assert_true(log.workouts[0].sets[0].reps > 1000);
	co_lift_log_free(&log);
}

/* As parse_fails, for text holding NUL bytes. */
static void parse_fails_n(const char *text, size_t len, const char *msg)
{
	co_lift_log log;

	assert_int_equal(co_lift_csv_parse(&log, text, len, "t.csv", "kg"), CO_EINPUT);
	if (!strstr(co_error_last(), msg))
		fail_msg("message '%s' lacks '%s'", co_error_last(), msg);
	assert_int_equal(log.n_workouts, 0);
}

/*
 * Hostile records are refused as a calendar CSV refuses them (the record
 * reader is csv.c's): an unterminated quote names the line it opens on
 * (it used to swallow the rest of the file into one field and blame a
 * later line, or nothing), a NUL byte is refused (it used to cut the field
 * short silently), and a record of more than 64 fields is refused (they
 * used to run together into the 64th).
 */
static void test_hostile_records(void **state)
{
	(void)state;
	const char nul[] = S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n"
				     "2025-06-04 20:23:00,B,1h,Squat\0 (Barbell),1,100,5,0,0,,,\n";
	co_strbuf wide = CO_STRBUF_INIT;

	parse_fails(S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,\n"
		    "2025-06-04 20:23:00,\"B,1h,Squat,1,100,5,0,0,,,\n"
		    "2025-06-05 20:23:00,C,1h,Squat,1,100,5,0,0,,,\n", "kg",
		    "t.csv:3: unterminated quoted field");
	parse_fails_n(nul, sizeof(nul) - 1, "t.csv:3: NUL byte in a field");
	co_strbuf_adds(&wide, S1_HEADER "2025-06-03 20:23:00,A,1h,Squat,1,100,5,0,0,,,");
	for (int i = 12; i < 65; i++)
		co_strbuf_adds(&wide, ",x");
	co_strbuf_adds(&wide, "\n");
	parse_fails(wide.buf, "kg", "t.csv:2: more than 64 fields");
	co_strbuf_release(&wide);
	/* 64 fields are still read */
	parse_fails(S1_HEADER ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n", "kg",
		    "t.csv:2: date ''");
}

/* Only a note turns the two characters \n into a line break: a title and
 * an exercise name keep what the app wrote. */
static void test_escapes_only_in_notes(void **state)
{
	(void)state;
	co_lift_log log = parse_ok(S1_HEADER
		"2025-06-05 07:00:00,\"A\\nB\",38min,\"Squat\\n(Barbell)\",1,100,5,0,0,\"x\\ny\",\"p\\nq\",8\n",
		"kg");

	assert_string_equal(log.workouts[0].title, "A\\nB");
	assert_string_equal(log.workouts[0].sets[0].name, "Squat\\n(Barbell)");
	assert_string_equal(log.workouts[0].sets[0].notes, "x\ny");
	assert_string_equal(log.workouts[0].notes, "p\nq");
	co_lift_log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strong_s1),
		cmocka_unit_test(test_strong_s2_s3_s4_s0),
		cmocka_unit_test(test_hevy),
		cmocka_unit_test(test_refusals_and_hash),
		cmocka_unit_test(test_absurd_reps),
		cmocka_unit_test(test_hostile_records),
		cmocka_unit_test(test_escapes_only_in_notes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
