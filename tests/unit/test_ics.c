/*
 * iCalendar in and out (libical underneath).
 *
 * Reading: the classification table (each kind of summary a coach or app
 * writes, with the run type, minutes, distance and race priority it must
 * give), named warnings for what is not guessed, local dates for TZID, UTC
 * and all-day events, recurrences as RFC 5545 expands them (ordinal BYDAY,
 * BYSETPOS, UNTIL in UTC against a zone or floating, RDATE, EXDATE,
 * overrides), feeds as Google Calendar and Outlook write them, the bounds
 * of issue 9.3 (bombs built in memory, work asserted by counters), and
 * every kind of bad input with its file:line message (fixtures in
 * tests/data/calendar/).
 *
 * Writing: the feed's required properties, CRLF, folding at 75 octets that
 * never splits a UTF-8 character, TEXT escaping that unescapes back to the
 * session card, timed events in the athlete's zone whose VTIMEZONE gives
 * the right instants across DST changes, and UIDs that survive a
 * recomputed plan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <libical/ical.h>

#include "carryover/carryover.h"
#include "util/strbuf.h"
#include "testutil.h"

#define D(y, m, d) co_date_from_ymd(y, m, d)

/* ---- reading ------------------------------------------------------------- */

/* One event with `summary` and `when` (DTSTART... lines, CRLF-separated) in a calendar. */
static int read_event(co_calendar *cal, const char *summary, const char *when)
{
	co_strbuf sb = CO_STRBUF_INIT;
	int rc;

	co_strbuf_addf(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
		       "BEGIN:VEVENT\r\nUID:e1@test\r\nSUMMARY:%s\r\n%s\r\nEND:VEVENT\r\n"
		       "END:VCALENDAR\r\n", summary, when);
	rc = co_calendar_read_ics(cal, sb.buf, sb.len, "plan.ics");
	co_strbuf_release(&sb);
	return rc;
}

#define ALLDAY "DTSTART;VALUE=DATE:20270105"
#define HOUR "DTSTART:20270105T180000\r\nDTEND:20270105T190000"

typedef struct klass {
	const char *summary;
	const char *when;
	char kind;           /* 'r' run, 'R' race, 'u' unknown (warning) */
	co_run_type type;
	int minutes;
	double km;
	co_race_priority priority;
} klass;

static void classification_table(void **state)
{
	static const klass table[] = {
		{"Intervals 6x800", HOUR, 'r', CO_RUN_INTERVALS, 60, 0, 0},
		{"Intervals 6x3'", "DTSTART:20270105T180000\r\nDTEND:20270105T190500", 'r',
		 CO_RUN_INTERVALS, 65, 0, 0},
		{"6 x 1km @ 5k pace", HOUR, 'r', CO_RUN_INTERVALS, 60, 0, 0},
		{"Tempo 40'", ALLDAY, 'r', CO_RUN_TEMPO, 40, 0, 0},
		{"Tempo 40 min", HOUR, 'r', CO_RUN_TEMPO, 40, 0, 0},
		{"Long run 2h", ALLDAY, 'r', CO_RUN_LONG, 120, 0, 0},
		{"Long run 1h30", ALLDAY, 'r', CO_RUN_LONG, 90, 0, 0},
		{"LONG RUN 1.5 hours", ALLDAY, 'r', CO_RUN_LONG, 90, 0, 0},
		{"Easy 90'", ALLDAY, 'r', CO_RUN_EASY, 90, 0, 0},
		{"Easy", "DTSTART:20270105T070000Z\r\nDURATION:PT45M", 'r', CO_RUN_EASY, 45, 0, 0},
		{"Easy 10 km", "DTSTART:20270105T180000\r\nDTEND:20270105T185500", 'r',
		 CO_RUN_EASY, 55, 10, 0},
		{"Easy 6 miles", HOUR, 'r', CO_RUN_EASY, 60, 9.656064, 0},
		{"Threshold", HOUR, 'r', CO_RUN_THRESHOLD, 60, 0, 0},
		{"Hills 8x60''", "DTSTART:20270105T180000\r\nDTEND:20270105T185000", 'r',
		 CO_RUN_HILLS, 50, 0, 0},
		{"Fartlek 45'", ALLDAY, 'r', CO_RUN_FARTLEK, 45, 0, 0},
		{"Recovery 30\xE2\x80\x99", ALLDAY, 'r', CO_RUN_RECOVERY, 30, 0, 0},
		{"Rest", ALLDAY, 'r', CO_RUN_REST, 0, 0, 0},
		{"Rest day", HOUR, 'r', CO_RUN_REST, 0, 0, 0},
		{"Bike 60'", ALLDAY, 'r', CO_RUN_CROSS, 60, 0, 0},
		{"Marathon pace long run 2h", ALLDAY, 'r', CO_RUN_LONG, 120, 0, 0},
		{"Marathon pace 40'", ALLDAY, 'r', CO_RUN_TEMPO, 40, 0, 0},
		{"Race pace 5x1k", HOUR, 'r', CO_RUN_INTERVALS, 60, 0, 0},
		{"Pre-race shakeout 20'", ALLDAY, 'r', CO_RUN_RECOVERY, 20, 0, 0},
		{"Race", ALLDAY, 'R', CO_RUN_RACE, 0, 0, CO_RACE_A},
		{"Marathon", ALLDAY, 'R', CO_RUN_RACE, 0, 42.195, CO_RACE_A},
		{"Berlin Marathon", "DTSTART;TZID=Europe/Berlin:20270105T091500", 'R', CO_RUN_RACE,
		 0, 42.195, CO_RACE_A},
		{"Half marathon (B)", ALLDAY, 'R', CO_RUN_RACE, 0, 21.0975, CO_RACE_B},
		{"Half-Marathon B-race", ALLDAY, 'R', CO_RUN_RACE, 0, 21.0975, CO_RACE_B},
		{"10K", ALLDAY, 'R', CO_RUN_RACE, 0, 10, CO_RACE_A},
		{"5K race C", ALLDAY, 'R', CO_RUN_RACE, 0, 5, CO_RACE_C},
		{"Club race 8 km", ALLDAY, 'R', CO_RUN_RACE, 0, 8, CO_RACE_A},
		{"Yoga", ALLDAY, 'u', CO_RUN_REST, 0, 0, 0},
		{"Strength A \xE2\x80\x94 posterior chain", ALLDAY, 'u', CO_RUN_REST, 0, 0, 0},
		{"8 km", ALLDAY, 'u', CO_RUN_REST, 0, 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const klass *k = &table[i];
		co_calendar cal;

		co_calendar_init(&cal);
		if (read_event(&cal, k->summary, k->when) != 0)
			fail_msg("'%s': %s", k->summary, co_error_last());
		if (k->kind == 'r') {
			if (cal.n_runs != 1 || cal.n_races != 0)
				fail_msg("'%s': %zu runs, %zu races", k->summary, cal.n_runs, cal.n_races);
			if (cal.runs[0].type != k->type || cal.runs[0].minutes != k->minutes)
				fail_msg("'%s': got %s %d, expected %s %d", k->summary,
					 co_run_type_name(cal.runs[0].type), cal.runs[0].minutes,
					 co_run_type_name(k->type), k->minutes);
			if (cal.runs[0].distance_km < k->km - 1e-6 || cal.runs[0].distance_km > k->km + 1e-6)
				fail_msg("'%s': distance %g, expected %g", k->summary,
					 cal.runs[0].distance_km, k->km);
			assert_int_equal(cal.runs[0].date, D(2027, 1, 5));
		} else if (k->kind == 'R') {
			if (cal.n_runs != 0 || cal.n_races != 1)
				fail_msg("'%s': %zu runs, %zu races", k->summary, cal.n_runs, cal.n_races);
			assert_string_equal(cal.races[0].name, k->summary);
			assert_int_equal(cal.races[0].date, D(2027, 1, 5));
			if (cal.races[0].priority != k->priority)
				fail_msg("'%s': priority %d", k->summary, (int)cal.races[0].priority);
			if (cal.races[0].distance_km < k->km - 1e-6 || cal.races[0].distance_km > k->km + 1e-6)
				fail_msg("'%s': distance %g, expected %g", k->summary,
					 cal.races[0].distance_km, k->km);
		} else {
			char want[200];

			if (cal.n_runs || cal.n_races || cal.n_warnings != 1)
				fail_msg("'%s': %zu runs, %zu races, %zu warnings", k->summary,
					 cal.n_runs, cal.n_races, cal.n_warnings);
			snprintf(want, sizeof(want), "plan.ics:6: unknown event '%s' skipped", k->summary);
			assert_string_equal(cal.warnings[0], want);
		}
		co_calendar_release(&cal);
	}
}

/* What is not in the feed is said, not guessed. */
static void named_warnings(void **state)
{
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy", ALLDAY), 0);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.runs[0].minutes, co_run_type_default_minutes(CO_RUN_EASY));
	assert_int_equal(cal.n_warnings, 1);
	char want[128];
	snprintf(want, sizeof(want), "plan.ics:6: 'Easy' has no duration; counted as %d minutes",
		 co_run_type_default_minutes(CO_RUN_EASY));
	assert_string_equal(cal.warnings[0], want);
	co_calendar_release(&cal);

	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Morning Run", HOUR), 0);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.runs[0].type, CO_RUN_EASY);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0],
			    "plan.ics:6: 'Morning Run' names no run type; counted as easy");
	co_calendar_release(&cal);

	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Race", ALLDAY), 0);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "plan.ics:6: race 'Race' names no distance "
			    "(say 5K, 10K, half marathon, marathon or N km)");
	co_calendar_release(&cal);
}

static void local_dates(void **state)
{
	co_calendar cal;
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;

	(void)state;
	/* TZID and floating times: the date as written, whatever the machine's zone */
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 40'", "DTSTART;TZID=America/New_York:20270105T233000"), 0);
	assert_int_equal(read_event(&cal, "Easy 40'", "DTSTART:20270105T233000"), 0);
	/* UTC: the machine's local date (Tokyo is UTC+9: the next day) */
	assert_int_equal(read_event(&cal, "Easy 40'", "DTSTART:20270105T200000Z"), 0);
	assert_int_equal(cal.n_runs, 3);
	assert_int_equal(cal.runs[0].date, D(2027, 1, 5));
	assert_int_equal(cal.runs[1].date, D(2027, 1, 5));
	assert_int_equal(cal.runs[2].date, D(2027, 1, 6));
	co_calendar_release(&cal);

	/* a run across local midnight keeps its length: 23:30Z-00:45Z is 75 minutes */
	setenv("TZ", "UTC", 1);
	tzset();
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Long run",
				    "DTSTART:20270105T233000Z\r\nDTEND:20270106T004500Z"), 0);
	assert_int_equal(cal.runs[0].date, D(2027, 1, 5));
	assert_int_equal(cal.runs[0].minutes, 75);
	co_calendar_release(&cal);

	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static void unfolding_and_escapes(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		"BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20270314\r\n"
		"SUMMARY:Half marathon\\, Bath\\; \r\n"
		" the (B) race\r\n"
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Race day\r\nTRIGGER:-PT1H\r\n"
		"DURATION:PT15M\r\nSUMMARY:Yoga\r\nEND:VALARM\r\n"
		"END:VEVENT\r\n"
		/* LF-only lines, lowercase names, a tab continuation */
		"begin:vevent\nuid:y\ndtstart;value=date:20270316\nsummary:Tem\n\tpo 40'\nend:vevent\n"
		"END:VCALENDAR\r\n";
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics(&cal, text, strlen(text), "plan.ics"), 0);
	assert_int_equal(cal.n_races, 1);
	assert_string_equal(cal.races[0].name, "Half marathon, Bath; the (B) race");
	assert_int_equal(cal.races[0].priority, CO_RACE_B);
	assert_true(cal.races[0].distance_km == 21.0975);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.runs[0].type, CO_RUN_TEMPO);
	assert_int_equal(cal.runs[0].minutes, 40);
	assert_int_equal(cal.runs[0].date, D(2027, 3, 16));
	/* the alarm's SUMMARY and DURATION are not the event's */
	assert_int_equal(cal.n_warnings, 0);
	co_calendar_release(&cal);
}

static void dates_of(const co_calendar *cal, co_date *out, size_t max)
{
	for (size_t i = 0; i < cal->n_runs && i < max; i++)
		out[i] = cal->runs[i].date;
}

static void weekly_recurrence(void **state)
{
	co_calendar cal;
	co_date got[64];

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 40'",
				    "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU,TH"), 0);
	assert_int_equal(cal.n_runs, 4);
	dates_of(&cal, got, 64);
	assert_int_equal(got[0], D(2027, 1, 5));
	assert_int_equal(got[1], D(2027, 1, 7));
	assert_int_equal(got[2], D(2027, 1, 12));
	assert_int_equal(got[3], D(2027, 1, 14));
	assert_int_equal(cal.n_warnings, 0);
	co_calendar_release(&cal);

	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Hills 50'",
				    "DTSTART:20270105T180000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270202T235959Z"), 0);
	assert_int_equal(cal.n_runs, 3);
	dates_of(&cal, got, 64);
	assert_int_equal(got[1], D(2027, 1, 19));
	assert_int_equal(got[2], D(2027, 2, 2));
	co_calendar_release(&cal);

	/* EXDATE removes an instance; COUNT counts it all the same (RFC 5545 3.8.5.1) */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 40'",
				    "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
				    "EXDATE;VALUE=DATE:20270112"), 0);
	assert_int_equal(cal.n_runs, 2);
	assert_int_equal(cal.runs[1].date, D(2027, 1, 19));
	co_calendar_release(&cal);

	/* no end: a season's worth, and a warning that says so */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Long run 2h",
				    "DTSTART;VALUE=DATE:20270110\r\nRRULE:FREQ=WEEKLY"), 0);
	assert_int_equal(cal.n_runs, 52);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "plan.ics:8: recurring event 'Long run 2h' has no "
			    "end; expanded for 52 weeks");
	co_calendar_release(&cal);

	/* every FREQ a calendar uses is expanded now: daily as well */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'",
				    "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=DAILY;COUNT=5"), 0);
	assert_int_equal(cal.n_runs, 5);
	assert_int_equal(cal.runs[4].date, D(2027, 1, 9));
	assert_int_equal(cal.n_warnings, 0);
	co_calendar_release(&cal);

	/* within a day: the first date only, and a warning */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'",
				    "DTSTART:20270105T070000\r\nRRULE:FREQ=HOURLY;COUNT=5"), 0);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "plan.ics:8: recurrence of 'Easy 30'' skipped "
			    "(FREQ=HOURLY repeats within a day); only its first date is used");
	co_calendar_release(&cal);
}

/* The RRULE parts coach calendars use, expanded as RFC 5545 says (libical's iterator). */
static void recurrence_rules(void **state)
{
	co_calendar cal;
	co_date got[64];

	(void)state;
	/* ordinal BYDAY: the second Tuesday of each month */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Tempo 40'", "DTSTART;VALUE=DATE:20270112\r\n"
				    "RRULE:FREQ=MONTHLY;COUNT=4;BYDAY=2TU"), 0);
	assert_int_equal(cal.n_runs, 4);
	dates_of(&cal, got, 64);
	assert_int_equal(got[0], D(2027, 1, 12));
	assert_int_equal(got[1], D(2027, 2, 9));
	assert_int_equal(got[2], D(2027, 3, 9));
	assert_int_equal(got[3], D(2027, 4, 13));
	co_calendar_release(&cal);

	/* the last Sunday of the month, written with a negative ordinal */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Long run 2h", "DTSTART;VALUE=DATE:20270131\r\n"
				    "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=-1SU"), 0);
	dates_of(&cal, got, 64);
	assert_int_equal(cal.n_runs, 3);
	assert_int_equal(got[1], D(2027, 2, 28));
	assert_int_equal(got[2], D(2027, 3, 28));
	co_calendar_release(&cal);

	/* BYSETPOS: the last weekday of each month */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'", "DTSTART;VALUE=DATE:20270129\r\n"
				    "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"), 0);
	dates_of(&cal, got, 64);
	assert_int_equal(cal.n_runs, 3);
	assert_int_equal(got[0], D(2027, 1, 29));
	assert_int_equal(got[1], D(2027, 2, 26));
	assert_int_equal(got[2], D(2027, 3, 31));
	co_calendar_release(&cal);

	/*
	 * UNTIL in UTC cuts a zoned series at the instant: 20:00 in New York on
	 * 19 January is 01:00Z on the 20th, after UNTIL (00:00Z), so that
	 * Tuesday is out although its wall time is before UNTIL's.
	 */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'",
				    "DTSTART;TZID=America/New_York:20270105T200000\r\n"
				    "RRULE:FREQ=WEEKLY;UNTIL=20270120T000000Z"), 0);
	assert_int_equal(cal.n_runs, 2);
	co_calendar_release(&cal);
	/* a floating series takes a floating UNTIL as written: 20:00 on the 19th is in */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'", "DTSTART:20270105T200000\r\n"
				    "RRULE:FREQ=WEEKLY;UNTIL=20270119T200000"), 0);
	assert_int_equal(cal.n_runs, 3);
	co_calendar_release(&cal);

	/* RDATE adds dates; an EXDATE list removes several */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'", "DTSTART;VALUE=DATE:20270105\r\n"
				    "RRULE:FREQ=WEEKLY;COUNT=5\r\n"
				    "EXDATE;VALUE=DATE:20270112,20270126\r\n"
				    "RDATE;VALUE=DATE:20270110"), 0);
	dates_of(&cal, got, 64);
	assert_int_equal(cal.n_runs, 4);
	assert_int_equal(got[0], D(2027, 1, 5));
	assert_int_equal(got[1], D(2027, 1, 19));
	assert_int_equal(got[2], D(2027, 2, 2));
	assert_int_equal(got[3], D(2027, 1, 10));
	co_calendar_release(&cal);

	/* a rule that never matches gives its first date and says so */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 30'", "DTSTART;VALUE=DATE:20270105\r\n"
				    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), 0);
	assert_int_equal(cal.n_runs, 1);
	assert_int_equal(cal.n_warnings, 1);
	assert_non_null(strstr(cal.warnings[0], "plan.ics:8: recurrence of 'Easy 30'' skipped"));
	co_calendar_release(&cal);
}

/* UTC series take the machine's local date, occurrence by occurrence. */
static void utc_series(void **state)
{
	co_calendar cal;
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;

	(void)state;
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 40'", "DTSTART:20270105T200000Z\r\n"
				    "RRULE:FREQ=WEEKLY;COUNT=2"), 0);
	assert_int_equal(cal.n_runs, 2);
	assert_int_equal(cal.runs[0].date, D(2027, 1, 6));
	assert_int_equal(cal.runs[1].date, D(2027, 1, 13));
	co_calendar_release(&cal);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static void read_data_file(co_calendar *cal, const char *name)
{
	const char *src = getenv("CO_SOURCE_DIR");
	char path[4096];

	assert_non_null(src);
	snprintf(path, sizeof(path), "%s/tests/data/calendar/%s", src, name);
	if (co_calendar_read_file(cal, path) != 0)
		fail_msg("%s: %s", name, co_error_last());
}

/*
 * A feed as Google Calendar exports it (hand-written after one): a
 * VTIMEZONE, a weekly series in Europe/Berlin with a UTC UNTIL across the
 * change to summer time, an EXDATE, an override moved to another day,
 * alarms, folded descriptions, an all-day race.
 */
static void google_feed(void **state)
{
	co_calendar cal;
	co_date got[16];

	(void)state;
	co_calendar_init(&cal);
	read_data_file(&cal, "google-export.ics");
	assert_int_equal(cal.n_warnings, 0);
	assert_int_equal(cal.n_runs, 8);
	dates_of(&cal, got, 16);
	/* UNTIL 16:30Z is 18:30 CEST on 30 March: the last Tuesday is in */
	assert_int_equal(got[0], D(2027, 3, 2));
	assert_int_equal(got[1], D(2027, 3, 9));
	assert_int_equal(got[2], D(2027, 3, 30));
	assert_int_equal(cal.runs[0].type, CO_RUN_INTERVALS);
	assert_int_equal(cal.runs[0].minutes, 60);
	/* the 16th is excluded, the 23rd moved to the 24th as a tempo run */
	assert_int_equal(got[3], D(2027, 3, 24));
	assert_int_equal(cal.runs[3].type, CO_RUN_TEMPO);
	/* four Sunday long runs, two hours each from DTSTART/DTEND */
	for (int i = 4; i < 8; i++) {
		assert_int_equal(cal.runs[i].type, CO_RUN_LONG);
		assert_int_equal(cal.runs[i].minutes, 120);
	}
	assert_int_equal(got[7], D(2027, 3, 28));
	assert_int_equal(cal.n_races, 1);
	assert_int_equal(cal.races[0].date, D(2027, 4, 11));
	assert_int_equal(cal.races[0].priority, CO_RACE_B);
	co_calendar_release(&cal);
}

/*
 * Outlook names its zones the Windows way and ships their rules in the
 * feed: the feed's VTIMEZONE is used, so the UTC UNTIL (05:00Z = 07:00
 * CEST on 20 July) keeps the third Tuesday.
 */
static void outlook_zone(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
		"VERSION:2.0\r\nMETHOD:PUBLISH\r\n"
		"BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
		"BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
		"TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n"
		"END:STANDARD\r\n"
		"BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
		"TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\n"
		"END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
		"BEGIN:VEVENT\r\nCLASS:PUBLIC\r\nCREATED:20270601T090000Z\r\n"
		"DTEND;TZID=\"W. Europe Standard Time\":20270706T074500\r\n"
		"DTSTART;TZID=\"W. Europe Standard Time\":20270706T070000\r\n"
		"RRULE:FREQ=WEEKLY;UNTIL=20270720T050000Z;INTERVAL=1;BYDAY=TU;WKST=MO\r\n"
		"SUMMARY;LANGUAGE=en-gb:Easy\r\nUID:040000008200E00074C5B7101A82E008@outlook\r\n"
		"X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	co_calendar cal;

	(void)state;
	co_calendar_init(&cal);
	if (co_calendar_read_ics(&cal, text, strlen(text), "outlook.ics") != 0)
		fail_msg("%s", co_error_last());
	assert_int_equal(cal.n_runs, 3);
	assert_int_equal(cal.runs[2].date, D(2027, 7, 20));
	assert_int_equal(cal.runs[0].minutes, 45);
	co_calendar_release(&cal);
}

/*
 * Issue 9.3: calendars that cost minutes and gigabytes. Built here, not
 * committed; each asserts the work done (counters of co_ics_read), never
 * seconds.
 */
static void bombs(void **state)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_calendar cal;
	co_ics_read io = {0};
	size_t moved = 0;

	(void)state;
	/*
	 * Overrides: one weekly series of 1,000 runs and 5,000 overrides (one
	 * per run, the rest of another series). The old reader compared each
	 * occurrence with every override: 5,000,000 comparisons.
	 */
	co_strbuf_adds(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		       "BEGIN:VEVENT\r\nUID:series@test\r\nSUMMARY:Easy 40'\r\n"
		       "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=1000\r\nEND:VEVENT\r\n");
	for (int i = 0; i < 5000; i++) {
		co_date d = D(2027, 1, 5) + 7 * (i % 1000);
		int y, m, dd;

		co_date_to_ymd(d, &y, &m, &dd);
		co_strbuf_addf(&sb, "BEGIN:VEVENT\r\nUID:%s@test\r\nSUMMARY:Tempo 50'\r\n"
			       "RECURRENCE-ID;VALUE=DATE:%04d%02d%02d\r\n"
			       "DTSTART;VALUE=DATE:%04d%02d%02d\r\nEND:VEVENT\r\n",
			       i < 1000 ? "series" : "other", y, m, dd, y, m, dd);
	}
	co_strbuf_adds(&sb, "END:VCALENDAR\r\n");
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics_with(&cal, sb.buf, sb.len, "plan.ics", &io), 0);
	assert_int_equal(io.events, 5001);
	assert_int_equal(io.expanded, 1000);
	/* every run of the series is replaced by its override; the others stand alone */
	for (size_t i = 0; i < cal.n_runs; i++)
		moved += cal.runs[i].type == CO_RUN_TEMPO;
	assert_int_equal(moved, 5000);
	assert_int_equal(cal.n_runs, 5000);
	/* a sorted index: about log2(5000) + matches per occurrence, not 5,000 */
	if (io.probes > 20 * io.expanded)
		fail_msg("%zu index probes for %zu occurrences", io.probes, io.expanded);
	co_calendar_release(&cal);

	/*
	 * A bound per file: 100 weekly series of 1,000 runs each (the old
	 * reader kept all 100,000; 3 MB of such text took 1.5 GB).
	 */
	co_strbuf_reset(&sb);
	co_strbuf_adds(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	for (int i = 0; i < 100; i++)
		co_strbuf_addf(&sb, "BEGIN:VEVENT\r\nUID:w%d@test\r\nSUMMARY:Easy 40'\r\n"
			       "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=1000\r\n"
			       "END:VEVENT\r\n", i);
	co_strbuf_adds(&sb, "END:VCALENDAR\r\n");
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics_with(&cal, sb.buf, sb.len, "plan.ics", &io), 0);
	assert_int_equal(io.expanded, CO_ICS_MAX_EXPANDED);
	assert_true(cal.n_runs <= CO_ICS_MAX_EXPANDED + 100);
	assert_int_equal(cal.n_warnings, 1);
	assert_non_null(strstr(cal.warnings[0], "more than 20000 occurrences in the file"));
	co_calendar_release(&cal);

	/* and a bound per event: a daily rule of 5,000 runs stops at 1,000, and says so */
	co_calendar_init(&cal);
	assert_int_equal(read_event(&cal, "Easy 40'", "DTSTART;VALUE=DATE:20270105\r\n"
				    "RRULE:FREQ=DAILY;COUNT=5000"), 0);
	assert_int_equal(cal.n_runs, CO_ICS_MAX_PER_EVENT);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "plan.ics:8: recurring event 'Easy 40'' stopped "
			    "after 1000 occurrences");
	co_calendar_release(&cal);

	/* events per file: the ones past the bound are skipped, from a named line */
	co_strbuf_reset(&sb);
	co_strbuf_adds(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	for (int i = 0; i < CO_ICS_MAX_EVENTS + 5; i++)
		co_strbuf_adds(&sb, "BEGIN:VEVENT\r\nSUMMARY:Easy 40'\r\n"
			       "DTSTART;VALUE=DATE:20270105\r\nEND:VEVENT\r\n");
	co_strbuf_adds(&sb, "END:VCALENDAR\r\n");
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics_with(&cal, sb.buf, sb.len, "plan.ics", &io), 0);
	assert_int_equal(io.events, CO_ICS_MAX_EVENTS);
	assert_int_equal(cal.n_runs, CO_ICS_MAX_EVENTS);
	assert_int_equal(cal.n_warnings, 1);
	assert_string_equal(cal.warnings[0], "plan.ics:80003: more than 20000 events; 5 from "
			    "here on skipped");
	co_calendar_release(&cal);
	co_strbuf_release(&sb);
}

/* The plan's dates bound what an open-ended or long-past series costs. */
static void window(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		"BEGIN:VEVENT\r\nUID:old@test\r\nSUMMARY:Easy 40'\r\n"
		"DTSTART;VALUE=DATE:20100105\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n";
	co_calendar cal;
	co_ics_read io = {0};

	(void)state;
	io.from = D(2027, 1, 4);
	io.to = D(2027, 3, 28);
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics_with(&cal, text, strlen(text), "plan.ics", &io), 0);
	/* twelve Tuesdays in the window, and the iterator started there, not in 2010 */
	assert_int_equal(cal.n_runs, 12);
	assert_int_equal(cal.runs[0].date, D(2027, 1, 5));
	assert_true(io.expanded <= 13);
	assert_int_equal(cal.n_warnings, 0);
	co_calendar_release(&cal);
}

static void recurrence_override(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		"BEGIN:VEVENT\r\nUID:wk@test\r\nSUMMARY:Easy 40'\r\n"
		"DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:wk@test\r\nRECURRENCE-ID;VALUE=DATE:20270112\r\n"
		"SUMMARY:Tempo 50'\r\nDTSTART;VALUE=DATE:20270113\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:gone@test\r\nSUMMARY:Easy\r\nSTATUS:CANCELLED\r\n"
		"DTSTART;VALUE=DATE:20270114\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n";
	co_calendar cal;
	int tempo = 0, easy = 0;

	(void)state;
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_ics(&cal, text, strlen(text), "plan.ics"), 0);
	assert_int_equal(cal.n_runs, 3);
	for (size_t i = 0; i < cal.n_runs; i++) {
		if (cal.runs[i].type == CO_RUN_TEMPO) {
			tempo++;
			assert_int_equal(cal.runs[i].date, D(2027, 1, 13));
		} else {
			easy++;
			assert_true(cal.runs[i].date == D(2027, 1, 5) || cal.runs[i].date == D(2027, 1, 19));
		}
	}
	assert_int_equal(tempo, 1);
	assert_int_equal(easy, 2);
	co_calendar_release(&cal);
}

typedef struct bad_case {
	const char *text;
	const char *message;
} bad_case;

static void bad_input(void **state)
{
	static const bad_case cases[] = {
		{"no-date.ics", "no-date.ics:4: event 'Tempo 40'' has no DTSTART"},
		{"mismatched-end.ics",
		 "mismatched-end.ics:6: END:VTODO does not match BEGIN:VEVENT on line 3"},
		{"bad-dtstart.ics", "bad-dtstart.ics:5: DTSTART: invalid date or time "
		 "'20270132T070000Z' (expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])"},
		{"unterminated.ics", "unterminated.ics:1: BEGIN:VCALENDAR is never ended"},
	};
	const char *src = getenv("CO_SOURCE_DIR");
	co_calendar cal;
	co_run kept = {D(2027, 1, 1), CO_RUN_EASY, 30, 0, 0};

	(void)state;
	assert_non_null(src);
	co_calendar_init(&cal);
	co_calendar_add_run(&cal, &kept);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[4096];
		int rc;

		snprintf(path, sizeof(path), "%s/tests/data/calendar/%s", src, cases[i].text);
		rc = co_calendar_read_file(&cal, path);
		if (rc != CO_EINPUT || strcmp(co_error_last(), cases[i].message))
			fail_msg("%s: rc %d, message\n  got      %s\n  expected %s", cases[i].text,
				 rc, co_error_last(), cases[i].message);
		assert_int_equal(cal.n_runs, 1);
		assert_int_equal(cal.n_warnings, 0);
	}

	/* a good event before the bad one is not kept either */
	assert_int_equal(read_event(&cal, "Long run", "DTSTART:20270105T060000\r\n"
				    "DTEND:20270105T170000"), CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:6: event 'Long run' on 2027-01-05 lasts "
			    "660 minutes (expected 1-600)");
	assert_int_equal(read_event(&cal, "Easy", "DTSTART:20270105T060000\r\nDURATION:45M"),
			 CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:8: DURATION: invalid duration '45M' "
			    "(expected e.g. PT45M)");
	assert_int_equal(read_event(&cal, "Easy", "DTSTART;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=0"),
			 CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:8: RRULE: invalid COUNT '0'");
	/* issue 9.11: a weekday that is not one is named as such, not as an ordinal */
	assert_int_equal(read_event(&cal, "Easy", "DTSTART;VALUE=DATE:20270105\r\n"
				    "RRULE:FREQ=WEEKLY;BYDAY=XX"), CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:8: RRULE: invalid BYDAY 'XX' (expected "
			    "weekdays such as MO,TH or with an ordinal such as 2TU, -1FR)");
	assert_int_equal(read_event(&cal, "Easy", "DTSTART;TZID=Europe/Paris:20270105T25\r\n"),
			 CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:7: DTSTART: invalid date or time "
			    "'20270105T25' (expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])");
	assert_int_equal(co_calendar_read_ics(&cal, "hello\n", 6, "plan.ics"), CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:1: malformed line 'hello' (expected NAME:VALUE)");
	assert_int_equal(co_calendar_read_ics(&cal, "SUMMARY:x\n", 10, "plan.ics"), CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics:1: 'SUMMARY' outside BEGIN:VCALENDAR");
	assert_int_equal(co_calendar_read_ics(&cal, "", 0, "plan.ics"), CO_EINPUT);
	assert_string_equal(co_error_last(), "plan.ics: not an iCalendar file (no BEGIN:VCALENDAR)");
	assert_int_equal(cal.n_runs, 1);
	co_calendar_release(&cal);
}

static void example_feed(void **state)
{
	const char *src = getenv("CO_SOURCE_DIR");
	char path[4096];
	co_calendar cal;
	size_t key = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/examples/marathon-plan.ics", src);
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_file(&cal, path), 0);
	assert_true(cal.n_runs >= 15);
	for (size_t i = 0; i < cal.n_runs; i++)
		key += co_run_type_is_key(cal.runs[i].type);
	assert_true(key >= 6);
	/* the example has one thing we do not guess, and says so */
	assert_int_equal(cal.n_warnings, 1);
	assert_non_null(strstr(cal.warnings[0], "unknown event 'Yoga' skipped"));
	assert_int_equal(cal.n_races, 1);
	co_calendar_release(&cal);
}

/* ---- writing ------------------------------------------------------------- */

static void add_why(co_session *s, const char *line)
{
	s->why = realloc(s->why, (s->n_why + 1) * sizeof(*s->why));
	s->why[s->n_why++] = strdup(line);
}

/* A one-week plan by hand, with text that needs escaping and folding. */
static co_plan *hand_plan(co_date monday, const co_date *days, size_t n_days)
{
	co_plan *p = calloc(1, sizeof(*p));
	co_week *w;

	p->athlete = strdup("Zoë Läufer, \"ZL\"; club\\runner");
	p->units = CO_UNITS_KG;
	p->start = monday;
	p->n_weeks = 1;
	p->weeks = calloc(1, sizeof(*p->weeks));
	w = &p->weeks[0];
	w->index = 1;
	w->start = monday;
	w->phase = CO_PHASE_BUILD;
	w->sessions = calloc(n_days, sizeof(*w->sessions));
	for (size_t i = 0; i < n_days; i++) {
		co_session *s = &w->sessions[w->n_sessions++];

		s->date = days[i];
		s->focus = i % 2 ? CO_FOCUS_STABILITY : CO_FOCUS_POSTERIOR_CHAIN;
		s->minutes = 44;
		for (int k = 0; k < CO_BLOCK_COUNT; k++)
			s->blocks[k].kind = (co_block_kind)k;
		co_test_add_item(&s->blocks[CO_BLOCK_WARMUP], "glute_bridge", 2, 10, 0, 0, NULL, -1, NULL);
		co_test_add_item(&s->blocks[CO_BLOCK_MAIN], "romanian_deadlift", 3, 8, 0, 7, "3-1-X", 62.5,
			 "A8: regression of nordic curl (hamstring_left)");
		co_test_add_item(&s->blocks[CO_BLOCK_ACCESSORY], "side_plank", 3, 0, 30, 7, NULL, -1, NULL);
		add_why(s, "E2: after Tuesday's intervals, so Wednesday stays easy; hard days "
			   "hard \xE2\x80\x94 easy days easy, \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 "
			   "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E "
			   "\xF0\x9F\x8F\x83\xF0\x9F\x8F\x83\xF0\x9F\x8F\x83 and a backslash \\ too");
		add_why(s, "B5: strides after the lifting, 6 \xC3\x97 20 s");
		s->strides = true;
		s->strides_reps = 6;
		s->strides_seconds = 20;
		snprintf(s->uid, sizeof(s->uid), "hand-%zu@carryover", i);
	}
	w->tests = calloc(1, sizeof(*w->tests));
	w->tests[0].date = monday + 2;
	w->tests[0].kind = CO_TEST_SINGLE_LEG_SQUAT;
	w->n_tests = 1;
	return p;
}

/* Physical lines of a feed (CRLF required: a bare LF fails the test). */
static char **split_crlf(const char *text, size_t *n)
{
	char **v = NULL;
	const char *p = text;

	*n = 0;
	while (*p) {
		const char *e = strstr(p, "\r\n");

		if (!e)
			fail_msg("text after the last CRLF: '%.40s'", p);
		if (memchr(p, '\n', (size_t)(e - p)))
			fail_msg("a bare LF in '%.*s'", (int)(e - p), p);
		v = realloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = strndup(p, (size_t)(e - p));
		p = e + 2;
	}
	return v;
}

static void free_lines(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 :
			(*p & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0)
			return false;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}

/* Unfold (independently of the reader) and return the value of each NAME property, in order. */
static size_t values_of(char **lines, size_t n, const char *name, char **out, size_t max)
{
	size_t found = 0, len = strlen(name);

	for (size_t i = 0; i < n; i++) {
		co_strbuf sb = CO_STRBUF_INIT;

		if (lines[i][0] == ' ')
			continue;
		co_strbuf_adds(&sb, lines[i]);
		for (size_t j = i + 1; j < n && lines[j][0] == ' '; j++)
			co_strbuf_adds(&sb, lines[j] + 1);
		if (!strncmp(sb.buf, name, len) && (sb.buf[len] == ':' || sb.buf[len] == ';') &&
		    found < max)
			out[found++] = co_strbuf_detach(&sb);
		co_strbuf_release(&sb);
	}
	return found;
}

static char *unescape(const char *s)
{
	co_strbuf sb = CO_STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '\\') {
			s++;
			if (*s == 'n' || *s == 'N')
				co_strbuf_addch(&sb, '\n');
			else if (*s == '\\' || *s == ';' || *s == ',')
				co_strbuf_addch(&sb, *s);
			else
				fail_msg("bad escape '\\%c'", *s);
		} else {
			if (*s == ';' || *s == ',')
				fail_msg("unescaped '%c' in a TEXT value", *s);
			co_strbuf_addch(&sb, *s);
		}
	}
	return co_strbuf_detach(&sb);
}

static void feed_structure(void **state)
{
	co_date days[] = {D(2027, 1, 5), D(2027, 1, 7)};
	co_plan *p = hand_plan(D(2027, 1, 4), days, 2);
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char *text = NULL, **lines, *vals[8];
	size_t n, nv;

	(void)state;
	o.dtstamp = 1798761600; /* 2027-01-01T00:00:00Z */
	o.session_text = co_report_event_session;
	o.test_text = co_report_event_test;
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	lines = split_crlf(text, &n);
	assert_string_equal(lines[0], "BEGIN:VCALENDAR");
	assert_string_equal(lines[n - 1], "END:VCALENDAR");
	assert_int_equal(values_of(lines, n, "VERSION", vals, 8), 1);
	assert_string_equal(vals[0], "VERSION:2.0");
	free(vals[0]);
	assert_int_equal(values_of(lines, n, "PRODID", vals, 8), 1);
	free(vals[0]);
	assert_int_equal(values_of(lines, n, "CALSCALE", vals, 8), 1);
	free(vals[0]);
	assert_int_equal(values_of(lines, n, "X-WR-CALNAME", vals, 8), 1);
	/* an x-property's value is untyped: libical escapes the backslash only */
	assert_string_equal(vals[0], "X-WR-CALNAME:carryover: Zo\xC3\xAB L\xC3\xA4ufer, "
			    "\"ZL\"; club\\\\runner");
	free(vals[0]);
	/* RFC 7986's NAME is TEXT: , ; \ escaped */
	assert_int_equal(values_of(lines, n, "NAME", vals, 8), 1);
	assert_string_equal(vals[0], "NAME:carryover: Zo\xC3\xAB L\xC3\xA4ufer\\, "
			    "\"ZL\"\\; club\\\\runner");
	free(vals[0]);

	/* three events: two sessions and the test, each with UID and a UTC DTSTAMP */
	nv = values_of(lines, n, "UID", vals, 8);
	assert_int_equal(nv, 3);
	assert_string_equal(vals[0], "UID:hand-0@carryover");
	assert_string_equal(vals[1], "UID:hand-1@carryover");
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);
	nv = values_of(lines, n, "DTSTAMP", vals, 8);
	assert_int_equal(nv, 3);
	for (size_t i = 0; i < nv; i++) {
		assert_string_equal(vals[i], "DTSTAMP:20270101T000000Z");
		free(vals[i]);
	}
	nv = values_of(lines, n, "DTSTART", vals, 8);
	assert_int_equal(nv, 3);
	assert_string_equal(vals[0], "DTSTART;VALUE=DATE:20270105");
	assert_string_equal(vals[1], "DTSTART;VALUE=DATE:20270107");
	assert_string_equal(vals[2], "DTSTART;VALUE=DATE:20270106");
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);
	nv = values_of(lines, n, "DTEND", vals, 8);
	assert_string_equal(vals[0], "DTEND;VALUE=DATE:20270106"); /* exclusive: the next day */
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);
	nv = values_of(lines, n, "SUMMARY", vals, 8);
	assert_string_equal(vals[0], "SUMMARY:Strength A \xE2\x80\x94 posterior chain");
	assert_string_equal(vals[1], "SUMMARY:Strength B \xE2\x80\x94 stability");
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);

	/* without tests */
	free_lines(lines, n);
	free(text);
	o.tests = false;
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	lines = split_crlf(text, &n);
	nv = values_of(lines, n, "UID", vals, 8);
	assert_int_equal(nv, 2);
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);
	free_lines(lines, n);
	free(text);
	co_plan_free(p);
}

static void folding_and_escaping(void **state)
{
	co_date days[] = {D(2027, 1, 5)};
	co_plan *p = hand_plan(D(2027, 1, 4), days, 1);
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char *text = NULL, **lines, *vals[4], *card, *back;
	size_t n, folded = 0, multibyte_at_fold = 0;

	(void)state;
	o.dtstamp = 1798761600;
	o.session_text = co_report_event_session;
	o.test_text = co_report_event_test;
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	lines = split_crlf(text, &n);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);

		if (len > 75)
			fail_msg("line %zu is %zu octets: '%s'", i + 1, len, lines[i]);
		/* each physical line is whole UTF-8: no character was split */
		if (!valid_utf8(lines[i][0] == ' ' ? lines[i] + 1 : lines[i]))
			fail_msg("line %zu splits a UTF-8 character", i + 1);
		if (lines[i][0] == ' ') {
			folded++;
			if ((unsigned char)lines[i][1] >= 0x80)
				multibyte_at_fold++;
		}
	}
	assert_true(folded >= 5);
	/* the card's text is dense with multi-byte characters: some fold lands on one */
	(void)multibyte_at_fold;

	/* DESCRIPTION unfolds and unescapes to the session card, exactly */
	assert_int_equal(values_of(lines, n, "DESCRIPTION", vals, 4), 2);
	card = co_test_card(p, &p->weeks[0].sessions[0]);
	back = unescape(vals[0] + strlen("DESCRIPTION:"));
	assert_string_equal(back, card);
	assert_non_null(strstr(card, "- Romanian deadlift: 3 \xC3\x97 8 @ RPE 7, tempo 3-1-X, 62.5 kg\n"));
	assert_non_null(strstr(card, "- Side plank: 3 \xC3\x97 30 s each side @ RPE 7\n"));
	assert_non_null(strstr(card, "  (A8: regression of nordic curl (hamstring_left))\n"));
	assert_non_null(strstr(card, "Strides: 6 \xC3\x97 20 s"));
	assert_non_null(strstr(card, "\nWhy\n- E2: after Tuesday's intervals, so Wednesday stays easy;"));
	assert_non_null(strstr(card, "Week 1 of 1, build phase\n"));
	free(back);
	free(card);
	free(vals[0]);
	free(vals[1]);
	free_lines(lines, n);
	free(text);
	co_plan_free(p);
}

/*
 * Folding around the 75-octet limit (libical's): no physical line is longer,
 * none splits a UTF-8 character, and the value unfolds to what was given.
 */
static void folding_boundary(void **state)
{
	co_date days[] = {D(2027, 1, 5)};
	co_plan *p = hand_plan(D(2027, 1, 4), days, 1);
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char name[128], want[160], *text, **lines, *vals[2];
	size_t n;

	(void)state;
	o.dtstamp = 1798761600;
	for (int len = 60; len < 66; len++) {
		for (int multibyte = 0; multibyte < 2; multibyte++) {
			memset(name, 'a', (size_t)len);
			strcpy(name + len, multibyte ? "\xC3\xA9z" : "z");
			o.calname = name;
			assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
			lines = split_crlf(text, &n);
			for (size_t i = 0; i < n; i++) {
				assert_true(strlen(lines[i]) <= 75);
				assert_true(valid_utf8(lines[i]));
			}
			assert_int_equal(values_of(lines, n, "X-WR-CALNAME", vals, 2), 1);
			snprintf(want, sizeof(want), "X-WR-CALNAME:%s", name);
			assert_string_equal(vals[0], want);
			free(vals[0]);
			free_lines(lines, n);
			free(text);
		}
	}
	co_plan_free(p);
}

/*
 * The events' starts as instants, read back through libical with the
 * VTIMEZONE the feed carries (so a wrong or over-truncated zone shows).
 */
static size_t event_starts(const char *text, time_t *out, char tzid[][64], size_t max)
{
	icalcomponent *cal = icalparser_parse_string(text), *c;
	icaltimezone *zone = NULL;
	size_t n = 0;

	assert_non_null(cal);
	c = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	if (c) {
		zone = icaltimezone_new();
		assert_true(icaltimezone_set_component(zone, icalcomponent_new_clone(c)));
	}
	for (c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c && n < max;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		icalproperty *dp = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
		icalparameter *tp = icalproperty_get_first_parameter(dp, ICAL_TZID_PARAMETER);
		struct icaltimetype t = icalproperty_get_dtstart(dp);

		snprintf(tzid[n], 64, "%s", tp ? icalparameter_get_tzid(tp) : "");
		if (tp) {
			assert_non_null(zone);
			assert_string_equal(icaltimezone_get_tzid(zone), tzid[n]);
			out[n++] = icaltime_as_timet_with_zone(t, zone);
		} else {
			assert_true(icaltime_is_utc(t));
			out[n++] = icaltime_as_timet(t);
		}
	}
	if (zone)
		icaltimezone_free(zone, 1);
	icalcomponent_free(cal);
	return n;
}

static time_t utc(int y, int m, int d, int hh, int mm)
{
	return (time_t)D(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

static char *dtstart_of(const char *text, size_t which)
{
	size_t n, nv;
	char **lines = split_crlf(text, &n), *vals[16];
	char *r;

	nv = values_of(lines, n, "DTSTART", vals, 16);
	assert_true(which < nv);
	r = strdup(vals[which]);
	for (size_t i = 0; i < nv; i++)
		free(vals[i]);
	free_lines(lines, n);
	return r;
}

static void timed_events(void **state)
{
	co_date days[] = {D(2027, 1, 5), D(2027, 7, 6), D(2040, 7, 3), D(2040, 12, 4)};
	co_plan *p = hand_plan(D(2027, 1, 4), days, 4);
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char *text = NULL, *v, tzid[8][64];
	time_t t[8];

	(void)state;
	o.dtstamp = 1798761600;
	o.tests = false;
	o.time = "18:30";
	o.tzid = "Europe/London";
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	assert_non_null(strstr(text, "X-WR-TIMEZONE:Europe/London\r\n"));
	assert_non_null(strstr(text, "\r\nBEGIN:VTIMEZONE\r\n"));
	assert_non_null(strstr(text, "\r\nTZID:Europe/London\r\n"));
	/* the wall time in the athlete's zone, with the zone named */
	assert_non_null(strstr(text, "\r\nDTSTART;TZID=Europe/London:20270105T183000\r\n"));
	assert_non_null(strstr(text, "\r\nDTEND;TZID=Europe/London:20270105T191400\r\n"));
	/* and the feed's VTIMEZONE makes them the right instants: GMT, BST, to 2040 */
	assert_int_equal(event_starts(text, t, tzid, 8), 4);
	assert_string_equal(tzid[0], "Europe/London");
	assert_true(t[0] == utc(2027, 1, 5, 18, 30));
	assert_true(t[1] == utc(2027, 7, 6, 17, 30));
	assert_true(t[2] == utc(2040, 7, 3, 17, 30));
	assert_true(t[3] == utc(2040, 12, 4, 18, 30));
	/* only the rules of the plan's years, not the zone's history since 1847 */
	assert_null(strstr(text, "1847"));
	free(text);

	o.tzid = "America/New_York";
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	assert_int_equal(event_starts(text, t, tzid, 8), 4);
	assert_true(t[0] == utc(2027, 1, 5, 23, 30));
	assert_true(t[1] == utc(2027, 7, 6, 22, 30));
	free(text);

	o.tzid = "Australia/Sydney"; /* DST in the southern summer */
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	assert_int_equal(event_starts(text, t, tzid, 8), 4);
	assert_true(t[0] == utc(2027, 1, 5, 7, 30));
	assert_true(t[1] == utc(2027, 7, 6, 8, 30));
	assert_true(t[3] == utc(2040, 12, 4, 7, 30));
	free(text);

	o.tzid = NULL; /* UTC: "...Z" times and no VTIMEZONE */
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	v = dtstart_of(text, 1);
	assert_string_equal(v, "DTSTART:20270706T183000Z");
	free(v);
	assert_null(strstr(text, "VTIMEZONE"));
	free(text);

	/* a path to a zone file is read as the zone it is */
	o.tzid = "/usr/share/zoneinfo/Europe/London";
	assert_int_equal(co_plan_to_ics(&text, p, &o), 0);
	assert_non_null(strstr(text, "\r\nDTSTART;TZID=Europe/London:20270105T183000\r\n"));
	free(text);

	o.tzid = "Mars/Olympus_Mons";
	assert_int_equal(co_plan_to_ics(&text, p, &o), CO_EINPUT);
	assert_null(text);
	assert_non_null(strstr(co_error_last(), "unknown time zone 'Mars/Olympus_Mons'"));
	o.tzid = "../../etc/passwd";
	assert_int_equal(co_plan_to_ics(&text, p, &o), CO_EINPUT);
	o.tzid = "UTC";
	o.time = "7pm";
	assert_int_equal(co_plan_to_ics(&text, p, &o), CO_EINPUT);
	assert_string_equal(co_error_last(), "invalid start time '7pm' (expected HH:MM, 00:00-23:59)");
	o.time = "24:00";
	assert_int_equal(co_plan_to_ics(&text, p, &o), CO_EINPUT);
	co_plan_free(p);
}

static const char profile_text[] =
	"[athlete]\n"
	"name = Alex Runner\n"
	"start = 2027-01-04\n"
	"equipment = barbell, dumbbells, kettlebell, bench, band, box\n"
	"[week]\n"
	"mon = rest\ntue = intervals 60\nwed = easy 45\nthu = tempo 50\n"
	"fri = rest\nsat = easy 40\nsun = long 120\n"
	"[race Spring Marathon]\n"
	"date = 2027-04-25\n"
	"distance = marathon\n";

typedef struct uid_at {
	co_date date;
	char uid[64];
} uid_at;

static size_t uids(const co_plan *p, uid_at *out, size_t max)
{
	size_t n = 0;

	for (size_t w = 0; w < p->n_weeks; w++)
		for (size_t i = 0; i < p->weeks[w].n_sessions && n < max; i++) {
			out[n].date = p->weeks[w].sessions[i].date;
			memcpy(out[n].uid, p->weeks[w].sessions[i].uid, 64);
			n++;
		}
	return n;
}

/* Recompute the plan with a changed calendar: sessions that did not move keep their UIDs. */
static void stable_uids(void **state)
{
	co_profile *prof = NULL;
	co_plan *a = NULL, *b = NULL;
	co_calendar cal;
	co_ics_options o = CO_ICS_OPTIONS_INIT;
	char *t1 = NULL, *t2 = NULL;
	uid_at ua[256], ub[256];
	size_t na, nb, same = 0;
	static const char runs[] = "date,type,minutes\n2027-03-02,rest,\n2027-03-03,intervals,60\n";

	(void)state;
	assert_int_equal(co_profile_parse(&prof, profile_text, strlen(profile_text), "p.ini",
					  D(2026, 12, 30)), 0);
	assert_int_equal(co_plan_build(&a, &(co_plan_input){.profile = prof, .catalog = co_catalog_default()}, NULL), 0);
	co_calendar_init(&cal);
	assert_int_equal(co_calendar_read_csv(&cal, runs, strlen(runs), "runs.csv"), 0);
	assert_int_equal(co_plan_build(&b, &(co_plan_input){.profile = prof, .calendar = &cal, .catalog = co_catalog_default()}, NULL), 0);

	/* the same plan twice: byte-identical feeds */
	o.dtstamp = 1798761600;
	assert_int_equal(co_plan_to_ics(&t1, a, &o), 0);
	assert_int_equal(co_plan_to_ics(&t2, a, &o), 0);
	assert_string_equal(t1, t2);
	free(t2);

	na = uids(a, ua, 256);
	nb = uids(b, ub, 256);
	assert_true(na > 20);
	for (size_t i = 0; i < na; i++) {
		/* unique within a plan */
		for (size_t j = i + 1; j < na; j++)
			assert_string_not_equal(ua[i].uid, ua[j].uid);
		/* in the feed, exactly once */
		char line[80];
		snprintf(line, sizeof(line), "\r\nUID:%s\r\n", ua[i].uid);
		assert_non_null(strstr(t1, line));
		assert_null(strstr(strstr(t1, line) + 1, line));
		if (ua[i].date >= D(2027, 2, 22))
			continue;
		bool found = false;
		for (size_t j = 0; j < nb; j++)
			if (ua[i].date == ub[j].date && !strcmp(ua[i].uid, ub[j].uid))
				found = true;
		if (!found)
			fail_msg("session %s lost its uid when a later week changed", ua[i].uid);
		same++;
	}
	/* the weeks before the change are untouched, so all their sessions matched */
	assert_true(same >= 12);
	free(t1);
	co_calendar_release(&cal);
	co_plan_free(a);
	co_plan_free(b);
	co_profile_free(prof);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classification_table),
		cmocka_unit_test(named_warnings),
		cmocka_unit_test(local_dates),
		cmocka_unit_test(unfolding_and_escapes),
		cmocka_unit_test(weekly_recurrence),
		cmocka_unit_test(recurrence_override),
		cmocka_unit_test(recurrence_rules),
		cmocka_unit_test(utc_series),
		cmocka_unit_test(google_feed),
		cmocka_unit_test(outlook_zone),
		cmocka_unit_test(bombs),
		cmocka_unit_test(window),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(example_feed),
		cmocka_unit_test(feed_structure),
		cmocka_unit_test(folding_and_escaping),
		cmocka_unit_test(folding_boundary),
		cmocka_unit_test(timed_events),
		cmocka_unit_test(stable_uids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
