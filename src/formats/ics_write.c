/*
 * The plan as an iCalendar feed (RFC 5545) a runner subscribes to from a
 * phone or desktop calendar (docs/formats/calendar.md, "What we write"),
 * built and serialised by libical: escaping, folding at 75 octets, CRLF and
 * the VTIMEZONE are libical's, not ours.
 *
 * One VEVENT per strength session, and per baseline test unless asked not
 * to. Each event's UID is the session's stable uid (plan.h: the same
 * athlete, date and slot keep it), so a recomputed plan moves and rewrites
 * events in place instead of piling up duplicates. Events are all-day by
 * default; with a start time they are timed in the athlete's zone
 * (DTSTART;TZID=Europe/London:...) and the feed carries that zone's
 * VTIMEZONE, cut by libical to the years of the plan; a UTC zone gives
 * "...Z" times and no VTIMEZONE.
 *
 * The writer has no words of its own: an event's SUMMARY and DESCRIPTION
 * come from the caller's renderer in the options (the export command
 * passes the report's, include/carryover/report.h), so the calendar and
 * the terminal cannot drift apart. Without one, an event is titled by the
 * contract id of its focus or test ("posterior_chain") and has no
 * description.
 *
 * Invariants of the output: the same plan and options give the same bytes
 * (DTSTAMP comes from the options in tests); DTSTAMP is in UTC.
 */
#include <ctype.h>
#include <libical/ical.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carryover/calendar_io.h"
#include "carryover/carryover.h"
#include "carryover/error.h"
#include "util/strbuf.h"

static uint32_t fnv1a(const char *s, uint32_t h)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool parse_hhmm(const char *s, int *secs)
{
	int h, m;

	if (strlen(s) != 5 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return false;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return false;
	*secs = h * 3600 + m * 60;
	return true;
}

static bool is_utc_name(const char *tzid)
{
	return !tzid || !*tzid || !strcmp(tzid, "UTC") || !strcmp(tzid, "Z") ||
	       !strcmp(tzid, "Etc/UTC") || !strcmp(tzid, "Etc/UCT") || !strcmp(tzid, "Etc/Zulu") ||
	       !strcmp(tzid, "Etc/Universal") || !strcmp(tzid, "UCT") || !strcmp(tzid, "Universal") ||
	       !strcmp(tzid, "Zulu");
}

/*
 * The zone of the times: NULL *zone and "UTC" for UTC; otherwise libical's
 * zone of that IANA name. An absolute path ("/etc/localtime") is read as
 * the name it links to under the system's zoneinfo folder. *name is
 * malloc'd.
 */
static int zone_load(icaltimezone **zone, char **name, const char *tzid)
{
	char *resolved = NULL;
	int rc = 0;

	*zone = NULL;
	*name = NULL;
	if (tzid && tzid[0] == '/') {
		const char *dir = icaltzutil_get_zone_directory();
		char *real = realpath(tzid, NULL), *dreal = dir ? realpath(dir, NULL) : NULL;
		size_t n = dreal ? strlen(dreal) : 0;

		if (real && dreal && !strncmp(real, dreal, n) && real[n] == '/')
			resolved = co_xstrdup(real + n + 1);
		free(real);
		free(dreal);
		if (!resolved)
			return co_error_set(CO_EINPUT, "unknown time zone '%.60s' (not a file of the "
					    "system's zoneinfo)", tzid);
		tzid = resolved;
	}
	if (is_utc_name(tzid)) {
		*name = co_xstrdup("UTC");
		goto done;
	}
	for (const char *c = tzid; *c; c++)
		if (!(isalnum((unsigned char)*c) || strchr("/_+-", *c)) || (c[0] == '.' && c[1] == '.')) {
			rc = co_error_set(CO_EINPUT, "unknown time zone '%.60s'", tzid);
			goto done;
		}
	*zone = icaltimezone_get_builtin_timezone(tzid);
	if (!*zone) {
		rc = co_error_set(CO_EINPUT, "unknown time zone '%.60s' (expected a zone name such "
				  "as Europe/London)", tzid);
		goto done;
	}
	*name = co_xstrdup(tzid);
done:
	free(resolved);
	return rc;
}

static void add_x(icalcomponent *c, const char *name, const char *value)
{
	/*
	 * An x-property's value has no type (RFC 5545 3.8.8.2): libical escapes
	 * backslashes and newlines but leaves , and ; as they are, which is valid.
	 */
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

/* A date (is_date) or the midnight that starts it. */
static struct icaltimetype day_of(co_date d, bool is_date)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, dd;

	co_date_to_ymd(d, &y, &m, &dd);
	t.year = y;
	t.month = m;
	t.day = dd;
	t.is_date = is_date;
	return t;
}

typedef struct when {
	bool timed;
	int start_secs;
	icaltimezone *zone; /* NULL: UTC */
	const char *tzid;   /* the name written in TZID */
} when;

static void add_time(icalcomponent *ev, bool start, struct icaltimetype t, const when *w)
{
	icalproperty *p;

	if (w->timed && !w->zone)
		t.zone = icaltimezone_get_utc_timezone();
	p = start ? icalproperty_new_dtstart(t) : icalproperty_new_dtend(t);
	if (w->timed && w->zone)
		icalproperty_add_parameter(p, icalparameter_new_tzid(w->tzid));
	icalcomponent_add_property(ev, p);
}

static void add_when(icalcomponent *ev, co_date d, int minutes, const when *w)
{
	struct icaltimetype t = day_of(d, !w->timed);

	if (!w->timed) {
		add_time(ev, true, t, w);
		add_time(ev, false, day_of(d + 1, true), w);
		icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
		return;
	}
	t.hour = w->start_secs / 3600;
	t.minute = w->start_secs / 60 % 60;
	add_time(ev, true, t, w);
	/* the length in wall-clock time: sessions are in the evening, never across a change */
	add_time(ev, false, icaltime_add(t, icaldurationtype_from_int((minutes > 0 ? minutes : 30) * 60)),
		 w);
}

/* An event's words, as the caller's renderer wrote them (co_ics_options). */
static void add_words(icalcomponent *ev, const co_strbuf *summary, const co_strbuf *desc)
{
	if (summary->len)
		icalcomponent_add_property(ev, icalproperty_new_summary(summary->buf));
	if (desc->len)
		icalcomponent_add_property(ev, icalproperty_new_description(desc->buf));
}

static icalcomponent *new_event(const char *uid, struct icaltimetype stamp)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);

	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	return ev;
}

/* The first and last dates of the plan's events, for the VTIMEZONE's span. */
static void plan_span(const co_plan *plan, co_date *first, co_date *last)
{
	*first = plan->start;
	*last = plan->start;
	for (size_t w = 0; w < plan->n_weeks; w++) {
		const co_week *wk = &plan->weeks[w];

		for (size_t i = 0; i < wk->n_sessions; i++) {
			if (wk->sessions[i].date < *first)
				*first = wk->sessions[i].date;
			if (wk->sessions[i].date > *last)
				*last = wk->sessions[i].date;
		}
		for (size_t i = 0; i < wk->n_tests; i++)
			if (wk->tests[i].date > *last)
				*last = wk->tests[i].date;
	}
}

/* The zone's VTIMEZONE under the plain name, with only the rules the plan's dates need. */
static icalcomponent *vtimezone(icaltimezone *zone, const char *name, const co_plan *plan)
{
	icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
	icalproperty *p;
	co_date first, last;

	plan_span(plan, &first, &last);
	while ((p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))) {
		icalcomponent_remove_property(vtz, p);
		icalproperty_free(p);
	}
	icalcomponent_add_property(vtz, icalproperty_new_tzid(name));
	icaltimezone_truncate_vtimezone(vtz, day_of(first, false), day_of(last + 1, false), 0);
	/* TZUNTIL (RFC 7808) is optional, and libical writes it in local time where UTC is required */
	while ((p = icalcomponent_get_first_property(vtz, ICAL_TZUNTIL_PROPERTY))) {
		icalcomponent_remove_property(vtz, p);
		icalproperty_free(p);
	}
	return vtz;
}

int co_plan_to_ics(char **out, const co_plan *plan, const co_ics_options *opts)
{
	co_ics_options defaults = CO_ICS_OPTIONS_INIT;
	co_strbuf name = CO_STRBUF_INIT, summary = CO_STRBUF_INIT, desc = CO_STRBUF_INIT;
	co_strbuf uid = CO_STRBUF_INIT;
	icalcomponent *cal = NULL;
	struct icaltimetype stamp;
	char *zone_name = NULL, *text;
	const char *athlete = plan->athlete ? plan->athlete : "";
	when w = {false, 0, NULL, NULL};
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	w.timed = opts->time != NULL;
	if (w.timed && !parse_hhmm(opts->time, &w.start_secs))
		return co_error_set(CO_EINPUT, "invalid start time '%.20s' (expected HH:MM, 00:00-23:59)",
				    opts->time);
	if (w.timed && (rc = zone_load(&w.zone, &zone_name, opts->tzid)) < 0)
		return rc;
	w.tzid = zone_name;
	stamp = icaltime_from_timet_with_zone(opts->dtstamp ? (time_t)opts->dtstamp : time(NULL), 0,
					      icaltimezone_get_utc_timezone());

	cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	co_strbuf_addf(&name, "-//carryover//carryover %s//EN", co_version());
	icalcomponent_add_property(cal, icalproperty_new_prodid(name.buf));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	co_strbuf_reset(&name);
	if (opts->calname)
		co_strbuf_adds(&name, opts->calname);
	else
		co_strbuf_addf(&name, "carryover: %s", plan->athlete ? plan->athlete : "strength");
	/* NAME is RFC 7986's (a TEXT, escaped); X-WR-CALNAME is what Google and Apple read */
	icalcomponent_add_property(cal, icalproperty_new_name(name.buf));
	add_x(cal, "X-WR-CALNAME", name.buf);
	add_x(cal, "X-WR-CALDESC", "Strength sessions that carry over to running");
	if (w.timed && w.zone) {
		add_x(cal, "X-WR-TIMEZONE", zone_name);
		icalcomponent_add_component(cal, vtimezone(w.zone, zone_name, plan));
	}

	for (size_t wi = 0; wi < plan->n_weeks; wi++) {
		const co_week *wk = &plan->weeks[wi];

		for (size_t i = 0; i < wk->n_sessions; i++) {
			const co_session *s = &wk->sessions[i];
			icalcomponent *ev;
			char date[11];

			co_strbuf_reset(&uid);
			if (s->uid[0]) {
				co_strbuf_adds(&uid, s->uid);
			} else {
				co_date_format(s->date, date);
				co_strbuf_addf(&uid, "carryover-%08x-%.4s%.2s%.2s-%zu@carryover",
					       fnv1a(athlete, 2166136261u), date, date + 5, date + 8, i);
			}
			ev = new_event(uid.buf, stamp);
			add_when(ev, s->date, s->minutes, &w);
			co_strbuf_reset(&summary);
			co_strbuf_reset(&desc);
			if (opts->session_text)
				opts->session_text(&summary, &desc, plan, s);
			else
				co_strbuf_adds(&summary, co_focus_name(s->focus));
			add_words(ev, &summary, &desc);
			icalcomponent_add_property(ev, icalproperty_new_categories("Strength"));
			icalcomponent_add_component(cal, ev);
		}
		for (size_t i = 0; opts->tests && i < wk->n_tests; i++) {
			const co_plan_test *t = &wk->tests[i];
			icalcomponent *ev;
			char date[11];

			co_date_format(t->date, date);
			co_strbuf_reset(&uid);
			co_strbuf_addf(&uid, "carryover-test-%08x-%.4s%.2s%.2s-%s@carryover",
				       fnv1a(athlete, 2166136261u), date, date + 5, date + 8,
				       co_test_kind_name(t->kind));
			ev = new_event(uid.buf, stamp);
			add_when(ev, t->date, 30, &w);
			co_strbuf_reset(&summary);
			co_strbuf_reset(&desc);
			if (opts->test_text)
				opts->test_text(&summary, &desc, plan, t);
			else
				co_strbuf_adds(&summary, co_test_kind_name(t->kind));
			add_words(ev, &summary, &desc);
			icalcomponent_add_property(ev, icalproperty_new_categories("Test"));
			icalcomponent_add_component(cal, ev);
		}
	}
	text = icalcomponent_as_ical_string_r(cal);
	*out = co_xstrdup(text ? text : "");
	icalmemory_free_buffer(text);
	rc = 0;
	icalcomponent_free(cal);
	free(zone_name);
	co_strbuf_release(&name);
	co_strbuf_release(&summary);
	co_strbuf_release(&desc);
	co_strbuf_release(&uid);
	return rc;
}
