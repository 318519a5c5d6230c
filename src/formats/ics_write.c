/*
 * The plan as an iCalendar feed (RFC 5545) a runner subscribes to from a
 * phone or desktop calendar (docs/formats/calendar.md, "What we write").
 *
 * One VEVENT per strength session, and per baseline test unless asked not
 * to. Each event's UID is the session's stable uid (plan.h: the same
 * athlete, date and slot keep it), so a recomputed plan moves and rewrites
 * events in place instead of piling up duplicates. Events are all-day by
 * default; with a start time they are timed and written in UTC ("...Z"),
 * converted from the athlete's zone through the system's zoneinfo (TZif)
 * files, so the feed needs no VTIMEZONE and every client agrees on the
 * instant.
 *
 * The writer has no words of its own: an event's SUMMARY and DESCRIPTION
 * come from the caller's renderer in the options (the export command
 * passes the report's, include/carryover/report.h), so the calendar and
 * the terminal cannot drift apart. Without one, an event is titled by the
 * contract id of its focus or test ("posterior_chain") and has no
 * description.
 *
 * Invariants of the output: CRLF line ends; content lines folded at 75
 * octets and never inside a UTF-8 character; TEXT values escaped (\\ \; \,
 * \n); DTSTAMP in UTC, from the options so tests are reproducible.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carryover/calendar_io.h"
#include "carryover/carryover.h"
#include "carryover/error.h"
#include "util/strbuf.h"

#define FOLD_OCTETS 75

/* ---- content lines ------------------------------------------------------- */

/* Append `line` (without CRLF) folded at 75 octets, UTF-8 safe, then CRLF. */
static void add_folded(co_strbuf *out, const char *line)
{
	size_t len = strlen(line), pos = 0;
	size_t room = FOLD_OCTETS;

	while (len - pos > room) {
		size_t cut = pos + room;

		/* back off to the start of a character: never split a sequence */
		while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == pos)
			cut = pos + room; /* not UTF-8 at all: cut anyway */
		co_strbuf_add(out, line + pos, cut - pos);
		co_strbuf_adds(out, "\r\n ");
		pos = cut;
		room = FOLD_OCTETS - 1; /* the leading space counts */
	}
	co_strbuf_add(out, line + pos, len - pos);
	co_strbuf_adds(out, "\r\n");
}

/* RFC 5545 3.3.11 TEXT escaping. */
static void add_text(co_strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': co_strbuf_adds(sb, "\\\\"); break;
		case ';': co_strbuf_adds(sb, "\\;"); break;
		case ',': co_strbuf_adds(sb, "\\,"); break;
		case '\n': co_strbuf_adds(sb, "\\n"); break;
		case '\r': break;
		default: co_strbuf_addch(sb, *s); break;
		}
	}
}

static void prop_text(co_strbuf *out, const char *name, const char *value)
{
	co_strbuf line = CO_STRBUF_INIT;

	co_strbuf_adds(&line, name);
	co_strbuf_addch(&line, ':');
	add_text(&line, value);
	add_folded(out, line.buf);
	co_strbuf_release(&line);
}

static void prop_raw(co_strbuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void prop_raw(co_strbuf *out, const char *fmt, ...)
{
	co_strbuf line = CO_STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	co_strbuf_vaddf(&line, fmt, ap);
	va_end(ap);
	add_folded(out, line.buf);
	co_strbuf_release(&line);
}

#define STAMP_SIZE 32

static void ymd_compact(co_date d, char buf[STAMP_SIZE])
{
	int y, m, dd;

	co_date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, STAMP_SIZE, "%04d%02d%02d", y, m, dd);
}

static void utc_stamp(int64_t t, char buf[STAMP_SIZE])
{
	co_date d = (co_date)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
	int s = (int)(t - (int64_t)d * 86400);
	int y, m, dd;

	co_date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, STAMP_SIZE, "%04d%02d%02dT%02d%02d%02dZ", y, m, dd, s / 3600, s / 60 % 60,
		 s % 60);
}

/* ---- time zones (TZif, RFC 8536) ----------------------------------------- */

/* A POSIX TZ rule for times past the last transition: "GMT0BST,M3.5.0/1,M10.5.0". */
typedef struct tz_rule {
	bool valid, has_dst;
	int32_t std_off, dst_off;       /* seconds east of UTC */
	int sm, sw, sd, ss;             /* DST starts: month, week 1-5, weekday 0=Sun, secs */
	int em, ew, ed, es;             /* DST ends */
} tz_rule;

typedef struct tz {
	int64_t *times;   /* transitions, UTC seconds, ascending */
	int32_t *offs;    /* offset in force from times[i] */
	size_t n;
	int32_t first;    /* offset before the first transition */
	tz_rule rule;
} tz;

static void tz_release(tz *z)
{
	free(z->times);
	free(z->offs);
	memset(z, 0, sizeof(*z));
}

static int64_t be(const unsigned char *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = (v << 8) | p[i];
	if (n == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

static const char *posix_name(const char *p)
{
	if (*p == '<') {
		while (*p && *p != '>')
			p++;
		return *p ? p + 1 : NULL;
	}
	if (!isalpha((unsigned char)*p))
		return NULL;
	while (isalpha((unsigned char)*p))
		p++;
	return p;
}

/* [+-]hh[:mm[:ss]] as seconds; *out is as written (POSIX: west positive). */
static const char *posix_time(const char *p, int32_t *out)
{
	int sign = 1, h = 0, m = 0, s = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p))
		h = h * 10 + (*p++ - '0');
	if (*p == ':') {
		p++;
		while (isdigit((unsigned char)*p))
			m = m * 10 + (*p++ - '0');
		if (*p == ':') {
			p++;
			while (isdigit((unsigned char)*p))
				s = s * 10 + (*p++ - '0');
		}
	}
	if (h > 167)
		return NULL;
	*out = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *posix_date(const char *p, int *m, int *w, int *d, int *secs)
{
	int32_t t = 7200;
	int v[3];

	if (*p++ != 'M')
		return NULL; /* Jn and n forms: not used by any current zone with DST */
	for (int i = 0; i < 3; i++) {
		if (i && *p++ != '.')
			return NULL;
		if (!isdigit((unsigned char)*p))
			return NULL;
		v[i] = 0;
		while (isdigit((unsigned char)*p) && v[i] < 100)
			v[i] = v[i] * 10 + (*p++ - '0');
	}
	*m = v[0];
	*w = v[1];
	*d = v[2];
	if (*m < 1 || *m > 12 || *w < 1 || *w > 5 || *d < 0 || *d > 6)
		return NULL;
	if (*p == '/' && !(p = posix_time(p + 1, &t)))
		return NULL;
	*secs = t;
	return p;
}

static void parse_posix(tz_rule *r, const char *p)
{
	int32_t off;

	memset(r, 0, sizeof(*r));
	if (!(p = posix_name(p)) || !(p = posix_time(p, &off)))
		return;
	r->std_off = -off;
	r->dst_off = r->std_off + 3600;
	if (!*p) {
		r->valid = true;
		return;
	}
	if (!(p = posix_name(p)))
		return;
	if (*p && *p != ',') {
		if (!(p = posix_time(p, &off)))
			return;
		r->dst_off = -off;
	}
	if (*p++ != ',' || !(p = posix_date(p, &r->sm, &r->sw, &r->sd, &r->ss)) ||
	    *p++ != ',' || !(p = posix_date(p, &r->em, &r->ew, &r->ed, &r->es)))
		return;
	r->valid = r->has_dst = true;
}

/* Local midnight-based day of "the w-th weekday d of month m" (w = 5: the last). */
static co_date nth_weekday(int year, int m, int w, int d)
{
	co_date first = co_date_from_ymd(year, m, 1);
	int wd_first = ((int)co_date_weekday(first) + 1) % 7; /* 0 = Sunday */
	co_date day = first + (d - wd_first + 7) % 7 + 7 * (w - 1);
	int mm;

	co_date_to_ymd(day, NULL, &mm, NULL);
	while (mm != m) {
		day -= 7;
		co_date_to_ymd(day, NULL, &mm, NULL);
	}
	return day;
}

static int32_t rule_offset(const tz_rule *r, int64_t t)
{
	int year;
	int64_t start, end;

	if (!r->has_dst)
		return r->std_off;
	co_date_to_ymd((co_date)((t + r->std_off) / 86400), &year, NULL, NULL);
	start = (int64_t)nth_weekday(year, r->sm, r->sw, r->sd) * 86400 + r->ss - r->std_off;
	end = (int64_t)nth_weekday(year, r->em, r->ew, r->ed) * 86400 + r->es - r->dst_off;
	if (start < end)
		return t >= start && t < end ? r->dst_off : r->std_off;
	return t >= end && t < start ? r->std_off : r->dst_off;
}

static int32_t tz_offset(const tz *z, int64_t t)
{
	size_t lo = 0, hi = z->n;

	if (!z->n || t < z->times[0])
		return z->n || !z->rule.valid ? z->first : rule_offset(&z->rule, t);
	if (t >= z->times[z->n - 1] && z->rule.valid)
		return rule_offset(&z->rule, t);
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (z->times[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->offs[lo];
}

/* UTC seconds of a local wall-clock time (a skipped hour moves forward). */
static int64_t tz_local_to_utc(const tz *z, int64_t local)
{
	int32_t o1 = tz_offset(z, local);
	int32_t o2 = tz_offset(z, local - o1);

	return local - (o1 == o2 ? o1 : o2);
}

static int tz_parse(tz *z, const unsigned char *d, size_t len, const char *name)
{
	size_t off = 0;
	int version;
	int64_t cnt[6];
	int tsize = 4;

	for (int pass = 0; pass < 2; pass++) {
		size_t need, types_at;

		if (len - off < 44 || memcmp(d + off, "TZif", 4))
			goto bad;
		version = d[off + 4];
		for (int i = 0; i < 6; i++) {
			cnt[i] = be(d + off + 20 + 4 * i, 4);
			if (cnt[i] < 0 || cnt[i] > 100000)
				goto bad;
		}
		/* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
		need = (size_t)(cnt[3] * tsize + cnt[3] + cnt[4] * 6 + cnt[5] +
				cnt[2] * (tsize + 4) + cnt[1] + cnt[0]);
		if (len - off - 44 < need || cnt[4] < 1)
			goto bad;
		if (pass == 0 && version >= '2') {
			off += 44 + need;
			tsize = 8;
			continue;
		}
		off += 44;
		z->n = (size_t)cnt[3];
		z->times = co_xcalloc(z->n + 1, sizeof(*z->times));
		z->offs = co_xcalloc(z->n + 1, sizeof(*z->offs));
		types_at = off + (size_t)cnt[3] * (size_t)tsize + (size_t)cnt[3];
		for (size_t i = 0; i < z->n; i++) {
			unsigned idx = d[off + z->n * (size_t)tsize + i];
			if (idx >= (unsigned)cnt[4])
				goto bad;
			z->times[i] = be(d + off + i * (size_t)tsize, tsize);
			z->offs[i] = (int32_t)be(d + types_at + idx * 6, 4);
		}
		z->first = (int32_t)be(d + types_at, 4);
		off += need;
		if (tsize == 8 && off < len && d[off] == '\n') {
			const unsigned char *e = memchr(d + off + 1, '\n', len - off - 1);
			if (e) {
				char *footer = co_xstrndup((const char *)d + off + 1,
							   (size_t)(e - d) - off - 1);
				parse_posix(&z->rule, footer);
				free(footer);
			}
		}
		return 0;
	}
bad:
	tz_release(z);
	return co_error_set(CO_EINPUT, "time zone '%s': not a valid zoneinfo file", name);
}

static int tz_load(tz *z, const char *tzid)
{
	co_strbuf path = CO_STRBUF_INIT, data = CO_STRBUF_INIT;
	const char *dir = getenv("TZDIR");
	int rc;

	memset(z, 0, sizeof(*z));
	if (!tzid || !*tzid || !strcmp(tzid, "UTC") || !strcmp(tzid, "Z"))
		return 0;
	if (tzid[0] == '/') {
		co_strbuf_adds(&path, tzid);
	} else {
		for (const char *c = tzid; *c; c++)
			if (!(isalnum((unsigned char)*c) || strchr("/_+-", *c)) ||
			    (c[0] == '.' && c[1] == '.'))
				return co_error_set(CO_EINPUT, "unknown time zone '%.60s'", tzid);
		co_strbuf_addf(&path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tzid);
	}
	if (co_strbuf_read_file(&data, path.buf, 1u << 20) < 0) {
		rc = co_error_set(CO_EINPUT, "unknown time zone '%.60s' (no zoneinfo file '%s')",
				  tzid, path.buf);
		goto done;
	}
	rc = tz_parse(z, (const unsigned char *)data.buf, data.len, tzid);
done:
	co_strbuf_release(&path);
	co_strbuf_release(&data);
	return rc;
}

/* ---- the feed ------------------------------------------------------------ */

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

/* An event's words, as the caller's renderer wrote them (co_ics_options). */
static void add_words(co_strbuf *out, const co_strbuf *summary, const co_strbuf *desc)
{
	if (summary->len)
		prop_text(out, "SUMMARY", summary->buf);
	if (desc->len)
		prop_text(out, "DESCRIPTION", desc->buf);
}

static void add_when(co_strbuf *out, co_date d, int minutes, bool timed, int start_secs,
		     const tz *z)
{
	char a[STAMP_SIZE], b[STAMP_SIZE];

	if (!timed) {
		ymd_compact(d, a);
		ymd_compact(d + 1, b);
		prop_raw(out, "DTSTART;VALUE=DATE:%s", a);
		prop_raw(out, "DTEND;VALUE=DATE:%s", b);
		prop_raw(out, "TRANSP:TRANSPARENT");
		return;
	}
	int64_t start = tz_local_to_utc(z, (int64_t)d * 86400 + start_secs);
	utc_stamp(start, a);
	utc_stamp(start + (int64_t)(minutes > 0 ? minutes : 30) * 60, b);
	prop_raw(out, "DTSTART:%s", a);
	prop_raw(out, "DTEND:%s", b);
}

int co_plan_to_ics(char **out, const co_plan *plan, const co_ics_options *opts)
{
	co_ics_options defaults = CO_ICS_OPTIONS_INIT;
	co_strbuf sb = CO_STRBUF_INIT, name = CO_STRBUF_INIT;
	co_strbuf summary = CO_STRBUF_INIT, desc = CO_STRBUF_INIT;
	char stamp[STAMP_SIZE];
	int start_secs = 0;
	bool timed;
	tz z;
	int rc;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	memset(&z, 0, sizeof(z));
	timed = opts->time != NULL;
	if (timed && !parse_hhmm(opts->time, &start_secs))
		return co_error_set(CO_EINPUT, "invalid start time '%.20s' (expected HH:MM, 00:00-23:59)",
				    opts->time);
	if (timed && (rc = tz_load(&z, opts->tzid)) < 0)
		return rc;
	utc_stamp(opts->dtstamp ? opts->dtstamp : (int64_t)time(NULL), stamp);

	prop_raw(&sb, "BEGIN:VCALENDAR");
	prop_raw(&sb, "VERSION:2.0");
	prop_raw(&sb, "PRODID:-//carryover//carryover %s//EN", co_version());
	prop_raw(&sb, "CALSCALE:GREGORIAN");
	if (opts->calname)
		co_strbuf_adds(&name, opts->calname);
	else
		co_strbuf_addf(&name, "carryover: %s", plan->athlete ? plan->athlete : "strength");
	prop_text(&sb, "X-WR-CALNAME", name.buf);
	prop_text(&sb, "X-WR-CALDESC", "Strength sessions that carry over to running");
	if (timed && opts->tzid && opts->tzid[0] != '/')
		prop_text(&sb, "X-WR-TIMEZONE", opts->tzid);

	for (size_t w = 0; w < plan->n_weeks; w++) {
		const co_week *wk = &plan->weeks[w];

		for (size_t i = 0; i < wk->n_sessions; i++) {
			const co_session *s = &wk->sessions[i];
			char date[STAMP_SIZE];

			ymd_compact(s->date, date);
			prop_raw(&sb, "BEGIN:VEVENT");
			if (s->uid[0])
				prop_text(&sb, "UID", s->uid);
			else
				prop_raw(&sb, "UID:carryover-%08x-%s-%zu@carryover",
					 fnv1a(plan->athlete ? plan->athlete : "", 2166136261u),
					 date, i);
			prop_raw(&sb, "DTSTAMP:%s", stamp);
			add_when(&sb, s->date, s->minutes, timed, start_secs, &z);
			co_strbuf_reset(&summary);
			co_strbuf_reset(&desc);
			if (opts->session_text)
				opts->session_text(&summary, &desc, plan, s);
			else
				co_strbuf_adds(&summary, co_focus_name(s->focus));
			add_words(&sb, &summary, &desc);
			prop_text(&sb, "CATEGORIES", "Strength");
			prop_raw(&sb, "END:VEVENT");
		}
		for (size_t i = 0; opts->tests && i < wk->n_tests; i++) {
			const co_plan_test *t = &wk->tests[i];
			char date[STAMP_SIZE];

			ymd_compact(t->date, date);
			prop_raw(&sb, "BEGIN:VEVENT");
			prop_raw(&sb, "UID:carryover-test-%08x-%s-%s@carryover",
				 fnv1a(plan->athlete ? plan->athlete : "", 2166136261u), date,
				 co_test_kind_name(t->kind));
			prop_raw(&sb, "DTSTAMP:%s", stamp);
			add_when(&sb, t->date, 30, timed, start_secs, &z);
			co_strbuf_reset(&summary);
			co_strbuf_reset(&desc);
			if (opts->test_text)
				opts->test_text(&summary, &desc, plan, t);
			else
				co_strbuf_adds(&summary, co_test_kind_name(t->kind));
			add_words(&sb, &summary, &desc);
			prop_text(&sb, "CATEGORIES", "Test");
			prop_raw(&sb, "END:VEVENT");
		}
	}
	prop_raw(&sb, "END:VCALENDAR");
	*out = co_strbuf_detach(&sb);
	rc = 0;
	co_strbuf_release(&name);
	co_strbuf_release(&summary);
	co_strbuf_release(&desc);
	tz_release(&z);
	return rc;
}
