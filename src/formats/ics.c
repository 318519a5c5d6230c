/*
 * Dated runs from an iCalendar feed (RFC 5545): a coach's calendar, a
 * training app's export, a hand-made plan (docs/formats/calendar.md).
 *
 * libical reads the properties and expands the recurrences; what is ours
 * is the line map, the bounds and the classifier. The text is cut into
 * content lines (unfolded, each with the physical line it starts on) only
 * to keep the BEGIN/END structure and to hand libical one property at a
 * time, so that a bad value is reported at its own line. Only the
 * properties we use are handed over (SUMMARY, UID, DTSTART, DTEND,
 * DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID, STATUS, and the whole of
 * each VTIMEZONE). Each VEVENT is then classified from its SUMMARY and its
 * length:
 *
 *   "Intervals 6x800"  intervals, minutes from the event's length
 *   "Tempo 40'"        tempo, 40 minutes (40', 40 min, 2h, 1h30, 1.5h)
 *   "Half marathon B"  a race (co_race), priority B, 21.0975 km
 *   "Yoga"             nothing: a warning "plan.ics:40: unknown event 'Yoga' skipped"
 *
 * A run's date is the local date its event starts on: as written for dates,
 * floating times and TZID times; converted from UTC to the machine's local
 * zone for "...Z" times. Recurrences go through icalrecur_iterator, with
 * the TZID's zone (the feed's VTIMEZONE, else the system's) so that a UTC
 * UNTIL cuts where RFC 5545 says.
 *
 * Invariants: work is bounded per file (CO_ICS_MAX_* in calendar_io.h;
 * each cut is a warning), overrides and EXDATEs are found through sorted
 * indexes (no occurrences x overrides scan), nothing is guessed silently,
 * and the calendar is only appended to once the whole feed has been read
 * without error.
 */
#include <ctype.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "carryover/calendar_io.h"
#include "carryover/error.h"
#include "formats/ics_classify.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define MAX_MINUTES 600
#define OPEN_ENDED_WEEKS 52
#define MAX_DEPTH 16
#define MAX_OBSERVANCES 400 /* STANDARD/DAYLIGHT parts of one VTIMEZONE */


/* ---- content lines and the structure ------------------------------------ */

typedef struct ics_event {
	icalcomponent *comp; /* a VEVENT holding only the properties we read */
	int line;            /* BEGIN:VEVENT */
	int summary_line, rrule_line;
} ics_event;

typedef struct ics_zone {
	char *tzid;
	icaltimezone *zone;
} ics_zone;

typedef struct reader {
	const char *source;
	char stack[MAX_DEPTH][32];      /* component names, uppercased (cut at 31) */
	int stack_line[MAX_DEPTH];
	icalcomponent *build[MAX_DEPTH]; /* what is being built at each depth; NULL: ignored */
	int depth;
	bool saw_calendar;
	ics_event cur;
	ics_event *events;
	size_t n_events, cap_events;
	size_t skipped_events;
	int first_skipped;              /* line of the first VEVENT past the bound */
	ics_zone *zones;
	size_t n_zones, cap_zones;
	size_t skipped_zones, observances;
} reader;

/* The value of a content line: after the first ':' outside a quoted parameter. */
static const char *value_of(const char *s)
{
	bool quoted = false;

	for (; *s; s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (*s == ':' && !quoted)
			return s + 1;
	}
	return "";
}

/* The name of a content line, uppercased into `name`; false when the line is not NAME[;...]:VALUE. */
static bool name_of(const char *s, char *name, size_t size)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '-') {
		if (n + 1 < size)
			name[n] = (char)toupper((unsigned char)s[n]);
		n++;
	}
	name[n < size ? n : size - 1] = '\0';
	if (!n || (s[n] != ';' && s[n] != ':'))
		return false;
	return s[n] == ':' || *value_of(s + n) || strchr(s + n, ':');
}

static bool is_time_prop(const char *name)
{
	return !strcmp(name, "DTSTART") || !strcmp(name, "DTEND") || !strcmp(name, "EXDATE") ||
	       !strcmp(name, "RDATE") || !strcmp(name, "RECURRENCE-ID");
}

/* A real day and time. Years: the planner's 1900-2200 in events; a VTIMEZONE may start in 1601. */
static bool valid_time(struct icaltimetype t, bool in_zone)
{
	if (icaltime_is_null_time(t) ||
	    !co_date_valid(in_zone && t.year >= 1 && t.year < 1900 ? 2000 + t.year % 400 : t.year,
			   t.month, t.day))
		return false;
	return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 &&
			     t.second >= 0 && t.second <= 60);
}

/* An RRULE libical refused: name the part it chokes on, when one alone does. */
static int bad_rrule(const char *value, const char *source, int line)
{
	char *copy = co_xstrdup(value), *save = NULL;
	int rc = 0;

	for (char *part = strtok_r(copy, ";", &save); part && !rc; part = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(part, '=');
		co_strbuf probe = CO_STRBUF_INIT;
		struct icalrecurrencetype r;

		if (!eq) {
			rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: malformed part '%.40s' "
					  "(expected NAME=VALUE)", source, line, part);
			break;
		}
		if (strncasecmp(part, "FREQ=", 5))
			co_strbuf_adds(&probe, "FREQ=YEARLY;");
		co_strbuf_adds(&probe, part);
		icalerror_clear_errno();
		r = icalrecurrencetype_from_string(probe.buf);
		co_strbuf_release(&probe);
		if (r.freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR)
			continue;
		*eq = '\0';
		for (char *u = part; *u; u++)
			*u = (char)toupper((unsigned char)*u);
		if (!strcmp(part, "BYDAY"))
			rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid BYDAY '%.40s' (expected "
					  "weekdays such as MO,TH or with an ordinal such as 2TU, -1FR)",
					  source, line, eq + 1);
		else
			rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid %.20s '%.40s'", source,
					  line, part, eq + 1);
	}
	free(copy);
	if (!rc)
		rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid rule '%.60s'", source, line, value);
	return rc;
}

static int bad_prop(const char *name, const char *text, const char *source, int line)
{
	const char *v = value_of(text);

	if (is_time_prop(name))
		return co_error_set(CO_EINPUT, "%s:%d: %s: invalid date or time '%.40s' "
				    "(expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])", source, line, name, v);
	if (!strcmp(name, "DURATION"))
		return co_error_set(CO_EINPUT, "%s:%d: DURATION: invalid duration '%.40s' "
				    "(expected e.g. PT45M)", source, line, v);
	if (!strcmp(name, "RRULE"))
		return bad_rrule(v, source, line);
	return co_error_set(CO_EINPUT, "%s:%d: %s: invalid value '%.40s'", source, line, name, v);
}

/*
 * Hand one content line to libical and move the properties it makes (an
 * EXDATE with a list makes several) into `into`. A line libical cannot
 * read, or a date it reads but that does not exist (20270132), is an error
 * at this line.
 */
static int add_prop(icalcomponent *into, const char *name, const char *text, const char *source,
		    int line)
{
	co_strbuf wrap = CO_STRBUF_INIT;
	icalcomponent *tmp;
	icalproperty *p;
	int rc = 0;

	co_strbuf_addf(&wrap, "BEGIN:VEVENT\r\n%s\r\nEND:VEVENT\r\n", text);
	tmp = icalparser_parse_string(wrap.buf);
	co_strbuf_release(&wrap);
	if (!tmp || icalcomponent_isa(tmp) != ICAL_VEVENT_COMPONENT ||
	    icalcomponent_count_properties(tmp, ICAL_XLICERROR_PROPERTY) ||
	    !icalcomponent_count_properties(tmp, ICAL_ANY_PROPERTY)) {
		rc = bad_prop(name, text, source, line);
		goto done;
	}
	for (p = icalcomponent_get_first_property(tmp, ICAL_ANY_PROPERTY); p;
	     p = icalcomponent_get_next_property(tmp, ICAL_ANY_PROPERTY)) {
		icalvalue *v = icalproperty_get_value(p);
		icalvalue_kind k = v ? icalvalue_isa(v) : ICAL_NO_VALUE;

		if (!v) {
			rc = bad_prop(name, text, source, line);
			goto done;
		}
		if ((k == ICAL_DATE_VALUE || k == ICAL_DATETIME_VALUE) &&
		    !valid_time(icalvalue_get_datetime(v),
				icalcomponent_isa(into) != ICAL_VEVENT_COMPONENT)) {
			rc = bad_prop(name, text, source, line);
			goto done;
		}
		if (k == ICAL_RECUR_VALUE && icalvalue_get_recur(v).count < 0) {
			rc = bad_prop(name, text, source, line);
			goto done;
		}
	}
	while ((p = icalcomponent_get_first_property(tmp, ICAL_ANY_PROPERTY))) {
		icalcomponent_remove_property(tmp, p);
		icalcomponent_add_property(into, p);
	}
done:
	if (tmp)
		icalcomponent_free(tmp);
	return rc;
}

/* The properties of a VEVENT we read; the rest (DESCRIPTION, X-..., ATTENDEE) never reach libical. */
static bool event_wants(const char *name)
{
	static const char *const wanted[] = {"SUMMARY", "UID", "DTSTART", "DTEND", "DURATION",
					     "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
					     "STATUS", NULL};

	for (const char *const *w = wanted; *w; w++)
		if (!strcmp(name, *w))
			return true;
	return false;
}

static void zone_done(reader *r, icalcomponent *vtz)
{
	icalproperty *p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	const char *tzid = p ? icalproperty_get_tzid(p) : NULL;
	icaltimezone *z;

	if (!tzid || !*tzid || r->n_zones >= CO_ICS_MAX_ZONES) {
		r->skipped_zones += tzid && *tzid;
		icalcomponent_free(vtz);
		return;
	}
	z = icaltimezone_new();
	if (!icaltimezone_set_component(z, vtz)) {
		icaltimezone_free(z, 1);
		icalcomponent_free(vtz);
		return;
	}
	ics_zone *slot = CO_VEC_PUSH(r->zones, r->n_zones, r->cap_zones);
	slot->tzid = co_xstrdup(tzid);
	slot->zone = z;
}

static int on_begin(reader *r, const char *value, int line)
{
	char name[32];
	icalcomponent *parent = r->depth ? r->build[r->depth - 1] : NULL;
	icalcomponent *c = NULL;
	size_t i;

	if (r->depth == MAX_DEPTH)
		return co_error_set(CO_EINPUT, "%s:%d: components nested too deeply", r->source, line);
	for (i = 0; value[i] && i + 1 < sizeof(name); i++)
		name[i] = (char)toupper((unsigned char)value[i]);
	name[i] = '\0';
	if (!r->depth && strcmp(name, "VCALENDAR"))
		return co_error_set(CO_EINPUT, "%s:%d: expected BEGIN:VCALENDAR, got BEGIN:%.40s",
				    r->source, line, value);
	if (!strcmp(name, "VCALENDAR"))
		r->saw_calendar = true;
	if (r->depth == 1 && !strcmp(name, "VEVENT")) {
		if (r->n_events < CO_ICS_MAX_EVENTS) {
			c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
			memset(&r->cur, 0, sizeof(r->cur));
			r->cur.comp = c;
			r->cur.line = line;
		} else if (!r->skipped_events++) {
			r->first_skipped = line;
		}
	} else if (r->depth == 1 && !strcmp(name, "VTIMEZONE")) {
		c = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	} else if (parent && icalcomponent_isa(parent) == ICAL_VTIMEZONE_COMPONENT &&
		   (!strcmp(name, "STANDARD") || !strcmp(name, "DAYLIGHT")) &&
		   r->observances++ < MAX_OBSERVANCES) {
		c = icalcomponent_new(!strcmp(name, "STANDARD") ? ICAL_XSTANDARD_COMPONENT
								 : ICAL_XDAYLIGHT_COMPONENT);
	}
	snprintf(r->stack[r->depth], sizeof(r->stack[0]), "%s", name);
	r->stack_line[r->depth] = line;
	r->build[r->depth++] = c;
	return 0;
}

static int on_end(reader *r, const char *value, int line)
{
	char name[32];
	icalcomponent *c;
	size_t i;

	for (i = 0; value[i] && i + 1 < sizeof(name); i++)
		name[i] = (char)toupper((unsigned char)value[i]);
	name[i] = '\0';
	if (!r->depth)
		return co_error_set(CO_EINPUT, "%s:%d: END:%.40s without BEGIN", r->source, line, value);
	if (strcmp(r->stack[r->depth - 1], name))
		return co_error_set(CO_EINPUT, "%s:%d: END:%.40s does not match BEGIN:%.40s on line %d",
				    r->source, line, value, r->stack[r->depth - 1],
				    r->stack_line[r->depth - 1]);
	c = r->build[--r->depth];
	r->build[r->depth] = NULL;
	if (!c)
		return 0;
	switch (icalcomponent_isa(c)) {
	case ICAL_VEVENT_COMPONENT:
		*CO_VEC_PUSH(r->events, r->n_events, r->cap_events) = r->cur;
		memset(&r->cur, 0, sizeof(r->cur));
		break;
	case ICAL_VTIMEZONE_COMPONENT:
		zone_done(r, c);
		break;
	default:
		icalcomponent_add_component(r->build[r->depth - 1], c);
		break;
	}
	return 0;
}

static int on_line(reader *r, const char *text, int line)
{
	char name[64];
	icalcomponent *c;

	if (!name_of(text, name, sizeof(name)))
		return co_error_set(CO_EINPUT, "%s:%d: malformed line '%.40s' (expected NAME:VALUE)",
				    r->source, line, text);
	if (!strcmp(name, "BEGIN"))
		return on_begin(r, value_of(text), line);
	if (!strcmp(name, "END"))
		return on_end(r, value_of(text), line);
	if (!r->depth)
		return co_error_set(CO_EINPUT, "%s:%d: '%.40s' outside BEGIN:VCALENDAR", r->source,
				    line, name);
	c = r->build[r->depth - 1];
	if (!c)
		return 0;
	if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) {
		if (!event_wants(name))
			return 0;
		if (!strcmp(name, "SUMMARY"))
			r->cur.summary_line = line;
		else if (!strcmp(name, "RRULE"))
			r->cur.rrule_line = line;
	} else if (!strncmp(name, "X-", 2)) {
		return 0;
	}
	return add_prop(c, name, text, r->source, line);
}

/* RFC 5545 3.1: a line starting with a space or tab continues the previous one. */
static int scan(reader *r, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	co_strbuf cur = CO_STRBUF_INIT;
	int lineno = 0, cur_line = 0, rc = 0;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		const char *stop = e ? e : end;
		size_t n = (size_t)(stop - p);

		lineno++;
		if (n && p[n - 1] == '\r')
			n--;
		if (memchr(p, '\0', n)) {
			rc = co_error_set(CO_EINPUT, "%s:%d: NUL byte in the text", r->source, lineno);
			goto done;
		}
		if (n && (p[0] == ' ' || p[0] == '\t') && cur.len) {
			co_strbuf_add(&cur, p + 1, n - 1);
		} else {
			if (cur.len && (rc = on_line(r, cur.buf, cur_line)) < 0)
				goto done;
			co_strbuf_reset(&cur);
			co_strbuf_add(&cur, p, n);
			cur_line = lineno;
		}
		p = e ? e + 1 : end;
	}
	if (cur.len && (rc = on_line(r, cur.buf, cur_line)) < 0)
		goto done;
	if (r->depth) {
		rc = co_error_set(CO_EINPUT, "%s:%d: BEGIN:%.40s is never ended", r->source,
				  r->stack_line[r->depth - 1], r->stack[r->depth - 1]);
		goto done;
	}
	if (!r->saw_calendar)
		rc = co_error_set(CO_EINPUT, "%s: not an iCalendar file (no BEGIN:VCALENDAR)", r->source);
done:
	co_strbuf_release(&cur);
	return rc;
}

static void reader_release(reader *r)
{
	/* an unfinished component is not yet in its parent (END adds it) */
	for (int d = 0; d < r->depth; d++)
		if (r->build[d] && r->build[d] != r->cur.comp)
			icalcomponent_free(r->build[d]);
	if (r->cur.comp)
		icalcomponent_free(r->cur.comp);
	for (size_t i = 0; i < r->n_events; i++)
		icalcomponent_free(r->events[i].comp);
	free(r->events);
	for (size_t i = 0; i < r->n_zones; i++) {
		free(r->zones[i].tzid);
		icaltimezone_free(r->zones[i].zone, 1);
	}
	free(r->zones);
}

/* ---- times --------------------------------------------------------------- */

/* A TZID's zone: the feed's VTIMEZONE, else the system's zone of that name, else none (floating). */
static icaltimezone *zone_of(const reader *r, const char *tzid)
{
	if (!tzid || !*tzid)
		return NULL;
	for (size_t i = 0; i < r->n_zones; i++)
		if (!strcmp(r->zones[i].tzid, tzid))
			return r->zones[i].zone;
	for (const char *c = tzid; *c; c++)
		if (!(isalnum((unsigned char)*c) || strchr("/_+-", *c)) || (c[0] == '.' && c[1] == '.'))
			return NULL;
	return icaltimezone_get_builtin_timezone(tzid);
}

/* A date-time property's value with its zone: UTC for "...Z", the TZID's, or none. */
static bool prop_time(const reader *r, icalproperty *p, struct icaltimetype *out)
{
	icalparameter *tz;

	if (!p)
		return false;
	*out = icalvalue_get_datetime(icalproperty_get_value(p));
	if (!out->is_date && !icaltime_is_utc(*out) &&
	    (tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)))
		out->zone = zone_of(r, icalparameter_get_tzid(tz));
	return true;
}

/* The local date of a time: as written, except UTC times, which take the machine's zone. */
static co_date local_date(struct icaltimetype t)
{
	if (!t.is_date && icaltime_is_utc(t)) {
		time_t s = icaltime_as_timet(t);
		struct tm tm;

		if (localtime_r(&s, &tm))
			return co_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	}
	return co_date_from_ymd(t.year, t.month, t.day);
}

/* Seconds on one time line for lengths: real instants for UTC and zoned times, wall time otherwise. */
static long long seconds_of(struct icaltimetype t)
{
	if (t.zone)
		return (long long)icaltime_as_timet_with_zone(t, t.zone);
	return (long long)icaltime_as_timet_with_zone(t, NULL);
}

/* ---- the indexes: overrides by (UID, date), EXDATEs by date --------------- */

typedef struct key {
	uint64_t hash;
	co_date date;
	const char *uid;
} key;

static uint64_t fnv1a64(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int key_cmp(const void *a, const void *b)
{
	const key *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->date > y->date) - (x->date < y->date);
}

/* Is (uid, date) in the sorted index? Counts the entries it compares. */
static bool key_find(const key *v, size_t n, const char *uid, co_date date, size_t *probes)
{
	key k = {uid ? fnv1a64(uid) : 0, date, uid};
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		++*probes;
		if (key_cmp(&v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && !key_cmp(&v[lo], &k); lo++) {
		++*probes;
		if (!uid || !strcmp(v[lo].uid, uid))
			return true;
	}
	return false;
}

/* ---- from events to the calendar ----------------------------------------- */

typedef struct run_of {
	verdict v;
	int minutes;
	int line;
	const char *summary;
} run_of;

static void emit(co_calendar *tmp, const run_of *ro, co_date d)
{
	if (ro->v.kind == EV_RACE) {
		co_race race = {0};
		char *name = co_xstrdup(ro->summary); /* co_race's name is not const; it is copied */

		race.name = name;
		race.date = d;
		race.distance_km = ro->v.distance_km;
		race.priority = ro->v.priority;
		race.line = ro->line;
		co_calendar_add_race(tmp, &race);
		free(name);
	} else {
		co_run run = {0};
		run.date = d;
		run.type = ro->v.type;
		run.minutes = ro->minutes;
		run.distance_km = ro->v.distance_km;
		co_calendar_add_run(tmp, &run);
	}
}

typedef struct expand_ctx {
	reader *r;
	co_calendar *tmp;
	co_ics_read *io;
	const key *overrides;
	size_t n_overrides;
	bool file_cut; /* CO_ICS_MAX_EXPANDED reached: said once */
} expand_ctx;

/* Is occurrence `d` of `e` removed (EXDATE) or replaced (a RECURRENCE-ID override)? */
static bool skipped(expand_ctx *x, const key *ex, size_t n_ex, const char *uid, co_date d)
{
	if (n_ex && key_find(ex, n_ex, NULL, d, &x->io->probes))
		return true;
	return uid && x->n_overrides && key_find(x->overrides, x->n_overrides, uid, d, &x->io->probes);
}

static int expand(expand_ctx *x, const ics_event *e, const run_of *ro, struct icaltimetype start)
{
	icalcomponent *c = e->comp;
	icalproperty *rp = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
	const char *uid = icalcomponent_get_uid(c);
	const char *src = x->r->source;
	key *ex = NULL;
	size_t n_ex = 0, cap_ex = 0, made = 0;
	co_date first = local_date(start);
	int rc = 0;

	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype t;
		if (prop_time(x->r, p, &t))
			CO_VEC_PUSH(ex, n_ex, cap_ex)->date = local_date(t);
	}
	if (n_ex > 1)
		qsort(ex, n_ex, sizeof(*ex), key_cmp);

	if (!rp) {
		if (!skipped(x, ex, n_ex, NULL, first))
			emit(x->tmp, ro, first);
		goto rdates;
	}
	struct icalrecurrencetype rule = icalproperty_get_rrule(rp);
	if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
	    rule.freq == ICAL_HOURLY_RECURRENCE) {
		co_calendar_add_warning(x->tmp, "%s:%d: recurrence of '%.40s' skipped (FREQ=%s "
					"repeats within a day); only its first date is used", src,
					e->rrule_line, ro->summary,
					icalrecur_freq_to_string(rule.freq));
		if (!skipped(x, ex, n_ex, NULL, first))
			emit(x->tmp, ro, first);
		goto rdates;
	}
	icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
	if (!it) {
		/* a rule that can never match (BYMONTHDAY=30 in February): RFC 5545 gives no dates */
		co_calendar_add_warning(x->tmp, "%s:%d: recurrence of '%.40s' skipped (the rule "
					"gives no dates from this DTSTART); only its first date is "
					"used", src, e->rrule_line, ro->summary);
		if (!skipped(x, ex, n_ex, NULL, first))
			emit(x->tmp, ro, first);
		goto rdates;
	}
	bool open = !rule.count && icaltime_is_null_time(rule.until);
	co_date last = x->io->to ? x->io->to : 0;
	if (open && !last) {
		last = first + OPEN_ENDED_WEEKS * 7 - 1;
		co_calendar_add_warning(x->tmp, "%s:%d: recurring event '%.40s' has no end; "
					"expanded for %d weeks", src, e->rrule_line, ro->summary,
					OPEN_ENDED_WEEKS);
	}
	/* skip to the plan's window when the rule allows it (no COUNT to keep) */
	if (x->io->from && !rule.count && first < x->io->from) {
		int y, m, d;
		struct icaltimetype from = start;

		co_date_to_ymd(x->io->from, &y, &m, &d);
		from.year = y;
		from.month = m;
		from.day = d;
		icalrecur_iterator_set_start(it, from);
	}
	for (struct icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
	     t = icalrecur_iterator_next(it)) {
		co_date d = local_date(t);

		if (last && d > last)
			break;
		if (x->io->expanded >= CO_ICS_MAX_EXPANDED) {
			if (!x->file_cut)
				co_calendar_add_warning(x->tmp, "%s:%d: more than %d occurrences in "
							"the file; '%.40s' and later recurrences "
							"are not expanded further", src,
							e->rrule_line, CO_ICS_MAX_EXPANDED,
							ro->summary);
			x->file_cut = true;
			break;
		}
		if (made >= CO_ICS_MAX_PER_EVENT) {
			co_calendar_add_warning(x->tmp, "%s:%d: recurring event '%.40s' stopped "
						"after %d occurrences", src, e->rrule_line,
						ro->summary, CO_ICS_MAX_PER_EVENT);
			break;
		}
		made++;
		x->io->expanded++;
		if (x->io->from && d < x->io->from)
			continue;
		if (!skipped(x, ex, n_ex, uid, d))
			emit(x->tmp, ro, d);
	}
	icalrecur_iterator_free(it);
rdates:
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
		struct icaltimetype t = icaltime_is_null_time(dp.time) ? dp.period.start : dp.time;
		co_date d;

		if (!valid_time(t, false))
			continue;
		if (x->io->expanded >= CO_ICS_MAX_EXPANDED || made >= CO_ICS_MAX_PER_EVENT) {
			if (!x->file_cut)
				co_calendar_add_warning(x->tmp, "%s:%d: RDATEs of '%.40s' past the "
							"bound of occurrences are not read", src,
							e->line, ro->summary);
			x->file_cut = true;
			break;
		}
		made++;
		x->io->expanded++;
		d = local_date(t);
		if (!skipped(x, ex, n_ex, uid, d))
			emit(x->tmp, ro, d);
	}
	free(ex);
	return rc;
}

static int add_event(expand_ctx *x, const ics_event *e)
{
	icalcomponent *c = e->comp;
	const char *src = x->r->source;
	icalproperty *sp = icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY);
	icalproperty *st = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY);
	const char *summary = sp ? icalproperty_get_summary(sp) : NULL;
	struct icaltimetype start, end;
	icalproperty *dur;
	run_of ro;
	char date[11];
	int minutes = 0;

	if (!prop_time(x->r, icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY), &start))
		return co_error_set(CO_EINPUT, "%s:%d: event '%.40s' has no DTSTART", src, e->line,
				    summary ? summary : "");
	if (st && icalproperty_get_status(st) == ICAL_STATUS_CANCELLED)
		return 0;
	co_date_format(local_date(start), date);
	if (!summary || !*summary) {
		co_calendar_add_warning(x->tmp, "%s:%d: event on %s without a SUMMARY skipped", src,
					e->line, date);
		return 0;
	}
	memset(&ro, 0, sizeof(ro));
	ro.summary = summary;
	ro.line = e->summary_line ? e->summary_line : e->line;
	ro.v = co_ics_classify(summary);
	if (ro.v.kind == EV_UNKNOWN) {
		co_calendar_add_warning(x->tmp, "%s:%d: unknown event '%.60s' skipped", src, ro.line,
					summary);
		return 0;
	}

	/* minutes: the summary, else the event's length, else a named default */
	if (ro.v.minutes) {
		minutes = ro.v.minutes;
	} else if (!start.is_date &&
		   prop_time(x->r, icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY), &end) &&
		   !end.is_date) {
		long long d = seconds_of(end) - seconds_of(start);
		minutes = d > 0 ? (int)((d + 30) / 60 > 100000 ? 100000 : (d + 30) / 60) : 0;
	} else if (!start.is_date &&
		   (dur = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY))) {
		long long d = icaldurationtype_as_int(icalproperty_get_duration(dur));
		minutes = d > 0 ? (int)((d + 30) / 60 > 100000 ? 100000 : (d + 30) / 60) : 0;
	}
	if (ro.v.type == CO_RUN_REST)
		minutes = 0;
	if (minutes > MAX_MINUTES)
		return co_error_set(CO_EINPUT, "%s:%d: event '%.40s' on %s lasts %d minutes "
				    "(expected 1-%d)", src, ro.line, summary, date, minutes,
				    MAX_MINUTES);
	if (!minutes && ro.v.type != CO_RUN_REST && ro.v.kind != EV_RACE) {
		minutes = co_run_type_default_minutes(ro.v.type);
		co_calendar_add_warning(x->tmp, "%s:%d: '%.40s' has no duration; counted as %d minutes",
					src, ro.line, summary, minutes);
	}
	if (ro.v.kind == EV_GENERIC_RUN)
		co_calendar_add_warning(x->tmp, "%s:%d: '%.40s' names no run type; counted as easy",
					src, ro.line, summary);
	if (ro.v.kind == EV_RACE && ro.v.distance_km <= 0)
		co_calendar_add_warning(x->tmp, "%s:%d: race '%.40s' names no distance "
					"(say 5K, 10K, half marathon, marathon or N km)",
					src, ro.line, summary);
	ro.minutes = minutes;

	/* an override stands for one occurrence: its own date, never expanded */
	if (icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) {
		emit(x->tmp, &ro, local_date(start));
		return 0;
	}
	return expand(x, e, &ro, start);
}

int co_calendar_read_ics_with(co_calendar *cal, const char *text, size_t len, const char *source,
			      co_ics_read *io)
{
	co_ics_read none = {0};
	reader r;
	expand_ctx x;
	key *ov = NULL;
	size_t n_ov = 0, cap_ov = 0;
	co_calendar tmp;
	int rc;

	if (!source)
		source = "<ics>";
	if (!io)
		io = &none;
	io->events = io->expanded = io->probes = 0;
	memset(&r, 0, sizeof(r));
	r.source = source;
	co_calendar_init(&tmp);
	icalerror_set_errors_are_fatal(0);
	if ((rc = scan(&r, text, len)) < 0)
		goto done;
	io->events = r.n_events;
	if (r.skipped_events)
		co_calendar_add_warning(&tmp, "%s:%d: more than %d events; %zu from here on skipped",
					source, r.first_skipped, CO_ICS_MAX_EVENTS, r.skipped_events);
	if (r.skipped_zones)
		co_calendar_add_warning(&tmp, "%s: more than %d time zones; %zu skipped (their "
					"times are read as written)", source, CO_ICS_MAX_ZONES,
					r.skipped_zones);

	/* the overrides, indexed by (UID, date of the occurrence they replace) */
	for (size_t i = 0; i < r.n_events; i++) {
		icalcomponent *c = r.events[i].comp;
		icalproperty *rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
		const char *uid = icalcomponent_get_uid(c);
		struct icaltimetype t;

		if (!rid || !uid || !prop_time(&r, rid, &t))
			continue;
		key *k = CO_VEC_PUSH(ov, n_ov, cap_ov);
		k->hash = fnv1a64(uid);
		k->date = local_date(t);
		k->uid = uid;
	}
	if (n_ov > 1)
		qsort(ov, n_ov, sizeof(*ov), key_cmp);

	memset(&x, 0, sizeof(x));
	x.r = &r;
	x.tmp = &tmp;
	x.io = io;
	x.overrides = ov;
	x.n_overrides = n_ov;
	for (size_t i = 0; i < r.n_events; i++)
		if ((rc = add_event(&x, &r.events[i])) < 0)
			goto done;
	for (size_t i = 0; i < tmp.n_runs; i++)
		co_calendar_add_run(cal, &tmp.runs[i]);
	for (size_t i = 0; i < tmp.n_races; i++)
		co_calendar_add_race(cal, &tmp.races[i]);
	for (size_t i = 0; i < tmp.n_warnings; i++)
		co_calendar_add_warning(cal, "%s", tmp.warnings[i]);
done:
	free(ov);
	reader_release(&r);
	co_calendar_release(&tmp);
	return rc;
}

int co_calendar_read_ics(co_calendar *cal, const char *text, size_t len, const char *source)
{
	return co_calendar_read_ics_with(cal, text, len, source, NULL);
}

/* ---- dispatch on the file name ------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

int co_calendar_read_file_within(co_calendar *cal, const char *path, co_date from, co_date to)
{
	co_strbuf sb = CO_STRBUF_INIT;
	const char *base = strrchr(path, '/');
	co_ics_read io = {0};
	int rc;

	base = base ? base + 1 : path;
	if (!ends_with(path, ".csv") && !ends_with(path, ".ics"))
		return co_error_set(CO_EINPUT, "'%s': unknown runs file type (expected .csv or .ics)",
				    base);
	if ((rc = co_strbuf_read_file(&sb, path, 64u << 20)) < 0)
		goto done;
	io.from = from;
	io.to = to;
	if (ends_with(path, ".csv"))
		rc = co_calendar_read_csv(cal, sb.buf, sb.len, base);
	else
		rc = co_calendar_read_ics_with(cal, sb.buf, sb.len, base, &io);
done:
	co_strbuf_release(&sb);
	return rc;
}

int co_calendar_read_file(co_calendar *cal, const char *path)
{
	return co_calendar_read_file_within(cal, path, 0, 0);
}
