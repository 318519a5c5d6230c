/*
 * Runs from CSV: a good file read field by field (quotes, CRLF, blank and
 * comment lines, a byte-order mark, columns in any order), race rows, and
 * every kind of bad input with the exact message a user sees. Bad fixtures
 * live in tests/data/calendar/. A failed read must leave the calendar as it
 * was.
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

static int read_csv(co_calendar *cal, const char *text)
{
	return co_calendar_read_csv(cal, text, strlen(text), "runs.csv");
}

static void good_file(void **state)
{
	static const char text[] =
		"\xEF\xBB\xBF"
		"date,type,minutes,distance_km,rpe\r\n"
		"# the first week\r\n"
		"2027-01-05,intervals,60,12.5,8\r\n"
		"\r\n"
		"  2027-01-06 , Easy , 45 ,,\r\n"
		"\"2027-01-07\",\"tempo\",\"50\",\"10\",\"7\"\r\n"
		"2027-01-08,rest,,,\r\n"
		"2027-01-10,long,120,25,\n";
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_csv(&cal, text), 0);
	assert_int_equal(cal.n_runs, 5);
	assert_int_equal(cal.n_races, 0);
	assert_int_equal(cal.n_warnings, 0);

	assert_int_equal(cal.runs[0].date, D(2027, 1, 5));
	assert_int_equal(cal.runs[0].type, CO_RUN_INTERVALS);
	assert_int_equal(cal.runs[0].minutes, 60);
	assert_true(cal.runs[0].distance_km == 12.5);
	assert_int_equal(cal.runs[0].rpe, 8);

	assert_int_equal(cal.runs[1].type, CO_RUN_EASY);
	assert_int_equal(cal.runs[1].minutes, 45);
	assert_true(cal.runs[1].distance_km == 0);
	assert_int_equal(cal.runs[1].rpe, 0);

	assert_int_equal(cal.runs[2].type, CO_RUN_TEMPO);
	assert_int_equal(cal.runs[2].rpe, 7);
	assert_int_equal(cal.runs[3].type, CO_RUN_REST);
	assert_int_equal(cal.runs[3].minutes, 0);
	assert_int_equal(cal.runs[4].date, D(2027, 1, 10));
	assert_int_equal(cal.runs[4].minutes, 120);
	co_calendar_release(&cal);
}

static void columns_in_any_order(void **state)
{
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_csv(&cal, "Type,Minutes,Date\nhills,40,2027-02-02\n"), 0);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.runs[0].type, CO_RUN_HILLS);
	assert_int_equal(cal.runs[0].minutes, 40);
	assert_int_equal(cal.runs[0].date, D(2027, 2, 2));
	co_calendar_release(&cal);
}

static void quoted_fields(void **state)
{
	/* a quoted field may hold a comma, a doubled quote and a newline */
	static const char text[] =
		"date,type,minutes,rpe\n"
		"2027-01-05,easy,\"45\",\"7\"\n"
		"\"2027-01-06\",\"ea\"\"sy\",30,\n";
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_csv(&cal, text), CO_EINPUT);
	/* the doubled quote is read as a quote, so the type is ea"sy */
	assert_string_equal(co_error_last(),
			    "runs.csv:3: field 'type': unknown run type 'ea\"sy' (did you mean 'easy'?)");
	assert_int_equal(cal.n_runs, 0);

	assert_int_equal(read_csv(&cal, "date,type,minutes\n\"2027-01-05\",\"easy\",\"4,5\"\n"),
			 CO_EINPUT);
	assert_string_equal(co_error_last(), "runs.csv:2: field 'minutes': expected a whole "
			    "number of minutes 1-600, got '4,5'");

	/* a newline inside quotes stays one field, and the message stays one line */
	assert_int_equal(read_csv(&cal, "date,type,minutes\n2027-01-05,\"ea\nsy\",40\n"
				  "2027-01-06,easy,x\n"), CO_EINPUT);
	assert_string_equal(co_error_last(), "runs.csv:2: field 'type': unknown run type "
			    "'ea\\nsy' (did you mean 'easy'?)");
	assert_null(strchr(co_error_last(), '\n'));
	co_calendar_release(&cal);
}

static void race_rows(void **state)
{
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_csv(&cal, "date,type,minutes,distance_km\n"
				  "2027-04-25,race,200,42.195\n"
				  "2027-03-14,race,95,\n"), 0);
	assert_int_equal(cal.n_runs, 0);
	assert_int_equal(cal.n_races, 2);
	assert_int_equal(cal.races[0].date, D(2027, 4, 25));
	assert_true(cal.races[0].distance_km == 42.195);
	assert_int_equal(cal.races[0].priority, CO_RACE_A);
	assert_int_equal(cal.races[0].line, 2);
	/* no distance is said, not guessed */
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "runs.csv:3: race on 2027-03-14 has no distance_km");
	co_calendar_release(&cal);
}

typedef struct bad_case {
	const char *text;
	const char *message;
} bad_case;

static void bad_rows(void **state)
{
	static const bad_case cases[] = {
		{"date,type,minutes\n2027-01-05,easy,0\n",
		 "runs.csv:2: field 'minutes': expected a whole number of minutes 1-600, got '0'"},
		{"date,type,minutes\n2027-01-05,easy,601\n",
		 "runs.csv:2: field 'minutes': expected a whole number of minutes 1-600, got '601'"},
		{"date,type,minutes\n2027-01-05,easy,-5\n",
		 "runs.csv:2: field 'minutes': expected a whole number of minutes 1-600, got '-5'"},
		{"date,type,minutes\n2027-01-05,easy,45.5\n",
		 "runs.csv:2: field 'minutes': expected a whole number of minutes 1-600, got '45.5'"},
		{"date,type,minutes\n2027-01-05,easy,\n",
		 "runs.csv:2: field 'minutes': expected a whole number of minutes 1-600, got ''"},
		{"date,type,minutes\n2027-01-05,rest,30\n",
		 "runs.csv:2: field 'minutes': expected 0 or nothing on a rest day, got '30'"},
		{"date,type,minutes\n05/01/2027,easy,30\n",
		 "runs.csv:2: field 'date': expected a date YYYY-MM-DD, got '05/01/2027'"},
		{"date,type,minutes\n2027-13-01,easy,30\n",
		 "runs.csv:2: field 'date': expected a date YYYY-MM-DD, got '2027-13-01'"},
		{"date,type,minutes\n2027-01-05,yoga,30\n",
		 "runs.csv:2: field 'type': unknown run type 'yoga' (expected one of rest, easy, "
		 "recovery, long, tempo, threshold, intervals, hills, fartlek, race, cross)"},
		{"date,type,minutes\n2027-01-05,Intervalls,30\n",
		 "runs.csv:2: field 'type': unknown run type 'intervalls' (did you mean 'intervals'?)"},
		{"date,type,minutes,rpe\n2027-01-05,easy,30,11\n",
		 "runs.csv:2: field 'rpe': expected a whole number 1-10, got '11'"},
		{"date,type,minutes,distance_km\n2027-01-05,easy,30,ten\n",
		 "runs.csv:2: field 'distance_km': expected a distance in km (0-500), got 'ten'"},
		{"date,type,minutes,distance_km\n2027-01-05,easy,30,1e3\n",
		 "runs.csv:2: field 'distance_km': expected a distance in km (0-500), got '1e3'"},
		{"date,type,minutes\n2027-01-05,easy\n",
		 "runs.csv:2: 2 fields, but the header has 3"},
		{"date,type\n2027-01-05,easy\n",
		 "runs.csv:1: the header has no 'minutes' column (expected "
		 "date,type,minutes[,distance_km][,rpe])"},
		{"date,type,minutes,date\n",
		 "runs.csv:1: column 'date' appears twice"},
		{"date,typ,minutes\n",
		 "runs.csv:1: unknown column 'typ' (did you mean 'type'?)"},
		{"date,type,minutes\n2027-01-05,\"easy\" x,30\n",
		 "runs.csv:2: text after the closing quote of field 2"},
		{"", "runs.csv: empty file (expected a header line 'date,type,minutes[,distance_km][,rpe]')"},
		{"\n# only a comment\n\n", "runs.csv: empty file (expected a header line "
		 "'date,type,minutes[,distance_km][,rpe]')"},
	};
	co_calendar cal;
	co_run kept = {D(2027, 1, 1), CO_RUN_EASY, 30, 0, 0};

	(void)state;
	co_calendar_init(&cal);
	co_calendar_add_run(&cal, &kept);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = read_csv(&cal, cases[i].text);

		if (rc != CO_EINPUT || strcmp(co_error_last(), cases[i].message))
			fail_msg("case %zu: rc %d, message\n  got      %s\n  expected %s", i, rc,
				 co_error_last(), cases[i].message);
		/* nothing half-read: the calendar is as it was */
		assert_int_equal(cal.n_runs, 1);
		assert_int_equal(cal.n_races, 0);
	}
	co_calendar_release(&cal);
}

/* A row after several good ones: only the bad file's line is named, nothing is added. */
static void bad_fixtures(void **state)
{
	static const bad_case cases[] = {
		{"bad-type.csv",
		 "bad-type.csv:4: field 'type': unknown run type 'tempoo' (did you mean 'tempo'?)"},
		{"bad-date.csv",
		 "bad-date.csv:3: field 'date': expected a date YYYY-MM-DD, got '2027-02-30'"},
		{"bad-minutes.csv",
		 "bad-minutes.csv:7: field 'minutes': expected a whole number of minutes 1-600, got 'abc'"},
		{"missing-header.csv",
		 "missing-header.csv:1: missing header line 'date,type,minutes[,distance_km][,rpe]' "
		 "(the first line starts with '2027-01-05')"},
		{"extra-column.csv",
		 "extra-column.csv:1: unknown column 'notes' (expected "
		 "date,type,minutes[,distance_km][,rpe])"},
		{"extra-field.csv", "extra-field.csv:2: 4 fields, but the header has 3"},
		{"unterminated-quote.csv", "unterminated-quote.csv:2: unterminated quoted field"},
	};
	const char *src = getenv("CO_SOURCE_DIR");
	co_calendar cal;

	(void)state;
	assert_non_null(src);
	co_calendar_init(&cal);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[4096];
		int rc;

		snprintf(path, sizeof(path), "%s/tests/data/calendar/%s", src, cases[i].text);
		rc = co_calendar_read_file(&cal, path);
		if (rc != CO_EINPUT || strcmp(co_error_last(), cases[i].message))
			fail_msg("%s: rc %d, message\n  got      %s\n  expected %s", cases[i].text,
				 rc, co_error_last(), cases[i].message);
		assert_int_equal(cal.n_runs, 0);
	}
	co_calendar_release(&cal);
}

static void read_file_dispatch(void **state)
{
	const char *src = getenv("CO_SOURCE_DIR");
	char path[4096];
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_file(&cal, "/nonexistent/runs.csv"), CO_EIO);
	assert_int_equal(co_calendar_read_file(&cal, "runs.txt"), CO_EINPUT);
	assert_string_equal(co_error_last(),
			    "'runs.txt': unknown runs file type (expected .csv or .ics)");

	/* the example runs file reads cleanly */
	snprintf(path, sizeof(path), "%s/examples/marathon-runs.csv", src);
	assert_int_equal(co_calendar_read_file(&cal, path), 0);
	assert_true(cal.n_runs >= 14);
	assert_int_equal(cal.n_warnings, 0);
	for (size_t i = 0; i < cal.n_runs; i++) {
		assert_true(cal.runs[i].type == CO_RUN_REST || cal.runs[i].minutes > 0);
		assert_true(cal.runs[i].minutes <= 600);
	}
	co_calendar_release(&cal);
}

static void appends_to_a_calendar(void **state)
{
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_csv(&cal, "date,type,minutes\n2027-01-05,easy,30\n"), 0);
	assert_int_equal(read_csv(&cal, "date,type,minutes\n2027-01-06,tempo,40\n"), 0);
	assert_int_equal(cal.n_runs, 2);
	assert_int_equal(cal.runs[1].type, CO_RUN_TEMPO);
	co_calendar_release(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_file),
		cmocka_unit_test(columns_in_any_order),
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(race_rows),
		cmocka_unit_test(bad_rows),
		cmocka_unit_test(bad_fixtures),
		cmocka_unit_test(read_file_dispatch),
		cmocka_unit_test(appends_to_a_calendar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
