/*
 * Running calendars in, calendar feeds out (docs/formats/calendar.md).
 *
 * Reading: a runner's dated runs come as a CSV file
 * (`date,type,minutes[,distance_km][,rpe]`) or as an iCalendar feed whose
 * events are classified by summary and duration ("Tempo 40'", "Long run 2h",
 * "Half marathon (B)"). Both readers append to a co_calendar (plan.h) only
 * when the whole input is good: a bad row or event leaves the calendar as it
 * was and fails with CO_EINPUT and a "file:line: ..." message. What the
 * readers will not guess (an event called "Yoga", a recurrence they cannot
 * expand) becomes a named warning in the calendar, never a silent choice.
 *
 * Writing: co_plan_to_ics() turns a plan into an RFC 5545 feed a calendar
 * app can subscribe to, one event per strength session (and per baseline
 * test), each with the session's stable UID so recomputing the plan updates
 * events in place instead of duplicating them. The words of the events come
 * from the caller (co_ics_options.session_text and test_text; the report's
 * co_report_event_session() and co_report_event_test() in report.h).
 */
#ifndef CARRYOVER_CALENDAR_IO_H
#define CARRYOVER_CALENDAR_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

struct co_strbuf;

/**
 * Read a runs file into `cal` (already initialised with co_calendar_init()),
 * choosing the reader by extension: ".csv" or ".ics" (case-insensitive).
 * Messages name the file by its base name. Returns 0, CO_EIO when the file
 * cannot be read, or CO_EINPUT for an unknown extension or bad content; on
 * failure `cal` is unchanged.
 */
int co_calendar_read_file(co_calendar *cal, const char *path);

/**
 * Read CSV text: a header line naming the columns (`date`, `type`,
 * `minutes` required; `distance_km`, `rpe` optional; any order), then one
 * run a line. RFC 4180 quoting, CRLF or LF, blank lines and lines starting
 * with '#' are skipped, a UTF-8 byte-order mark is ignored. Rows of type
 * `race` become races (co_race, priority A). `source` names the text in
 * messages ("runs.csv:7: field 'minutes': ..."). Returns 0 or CO_EINPUT; on
 * failure `cal` is unchanged.
 */
int co_calendar_read_csv(co_calendar *cal, const char *text, size_t len, const char *source);

/*
 * Bounds of the iCalendar reader (docs/formats/calendar.md, "Bounds"):
 * numbers no coach's calendar reaches (a year of daily runs is 365 events),
 * so that a hostile feed costs bounded time and memory. What a bound cuts
 * is said in a warning, never dropped silently.
 */
#define CO_ICS_MAX_EVENTS 20000   /* VEVENTs read from one file */
#define CO_ICS_MAX_PER_EVENT 1000 /* occurrences of one recurring event */
#define CO_ICS_MAX_EXPANDED 20000 /* occurrences expanded in one file, all events */
#define CO_ICS_MAX_ZONES 64       /* VTIMEZONEs in one file */

/* What the reader may expand, and what it did (the counters are for tests). */
typedef struct co_ics_read {
	/*
	 * The plan's dates: recurrences are expanded only up to `to`, and an
	 * open-ended rule stops there instead of after 52 weeks. 0: no window.
	 */
	co_date from, to;
	size_t events;   /* out: VEVENTs read */
	size_t expanded; /* out: occurrences the recurrence iterator produced */
	size_t probes;   /* out: index entries compared to find overrides and EXDATEs */
} co_ics_read;

/**
 * Read an iCalendar (RFC 5545) feed through libical: each VEVENT becomes a
 * run, a race or a warning (classification table in
 * docs/formats/calendar.md). RRULEs are expanded by libical's recurrence
 * iterator (DAILY to YEARLY, COUNT, UNTIL, INTERVAL, ordinal BYDAY,
 * BYSETPOS, ...) under the bounds above, with RDATE, EXDATE and
 * RECURRENCE-ID overrides applied; VTIMEZONEs in the feed (else the
 * system's zones) place TZID times. Returns 0 or CO_EINPUT (an event
 * without DTSTART, a malformed property, an unterminated component), with
 * the line of the offending property; on failure `cal` is unchanged.
 */
int co_calendar_read_ics(co_calendar *cal, const char *text, size_t len, const char *source);

/** The same, with a window and counters (`r` may be NULL). */
int co_calendar_read_ics_with(co_calendar *cal, const char *text, size_t len, const char *source,
			      co_ics_read *r);

/**
 * co_calendar_read_file() with the plan's dates: an .ics file expands its
 * recurrences only between `from` and `to` (0: no bound).
 */
int co_calendar_read_file_within(co_calendar *cal, const char *path, co_date from, co_date to);

/** How co_plan_to_ics() writes the feed. */
typedef struct co_ics_options {
	/*
	 * NULL (default): all-day events (DTSTART;VALUE=DATE). "HH:MM": timed
	 * events starting at that local time in `tzid`, written with
	 * TZID=<zone> and the zone's VTIMEZONE (only the rules the plan's dates
	 * need), or in UTC ("...Z") when the zone is UTC; DTEND = start + the
	 * session's minutes.
	 */
	const char *time;
	/*
	 * The zone of `time`: an IANA name ("Europe/London", read from the
	 * system's zoneinfo through libical), an absolute path to a zoneinfo
	 * file under the system's zoneinfo folder or a link to one
	 * ("/etc/localtime"), or NULL/"UTC". Ignored without `time`.
	 */
	const char *tzid;
	int64_t dtstamp;     /* DTSTAMP as Unix seconds (UTC); 0: now */
	const char *calname; /* X-WR-CALNAME; NULL: "carryover: <athlete>" */
	bool tests;          /* also one event per baseline test (D6); default true */
	/*
	 * The words of a session's event: append its SUMMARY and DESCRIPTION,
	 * as plain text (the writer escapes and folds), to the two buffers
	 * (src/util/strbuf.h; owned by the writer). An empty buffer leaves the
	 * property out. NULL (default): the SUMMARY is the focus's contract id
	 * ("posterior_chain") and there is no DESCRIPTION. The report's
	 * co_report_event_session() fits (report.h).
	 */
	void (*session_text)(struct co_strbuf *summary, struct co_strbuf *description,
			     const co_plan *plan, const co_session *session);
	/* The same for a baseline test's event; NULL: the test's id, no
	 * DESCRIPTION. The report's co_report_event_test() fits. */
	void (*test_text)(struct co_strbuf *summary, struct co_strbuf *description,
			  const co_plan *plan, const co_plan_test *test);
} co_ics_options;

#define CO_ICS_OPTIONS_INIT {NULL, NULL, 0, NULL, true, NULL, NULL}

/**
 * Write `plan` as an iCalendar feed through libical (CRLF lines folded at
 * 75 octets, never inside a UTF-8 character; TEXT escaped). `opts` may be NULL for the defaults. On success
 * *out is a malloc'd NUL-terminated string the caller frees. Returns 0, or
 * CO_EINPUT for a bad `time` or an unknown `tzid`.
 */
int co_plan_to_ics(char **out, const co_plan *plan, const co_ics_options *opts);

#ifdef __cplusplus
}
#endif

#endif
