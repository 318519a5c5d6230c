/*
 * Dated runs from an iCalendar feed (RFC 5545): a coach's calendar, a
 * training app's export, a hand-made plan (docs/formats/calendar.md).
 *
 * Lines are unfolded (CRLF or LF, then a space or tab continues the line),
 * split into NAME;PARAMS:VALUE, and grouped by BEGIN/END. Each VEVENT is
 * classified from its SUMMARY and its length:
 *
 *   "Intervals 6x800"  intervals, minutes from the event's length
 *   "Tempo 40'"        tempo, 40 minutes (40', 40 min, 2h, 1h30, 1.5h)
 *   "Half marathon B"  a race (co_race), priority B, 21.0975 km
 *   "Yoga"             nothing: a warning "plan.ics:40: unknown event 'Yoga' skipped"
 *
 * A run's date is the local date its event starts on: as written for dates,
 * floating times and TZID times; converted from UTC to the machine's local
 * zone for "...Z" times. Weekly RRULEs are expanded; other recurrences keep
 * their first occurrence and say so in a warning.
 *
 * Invariants: nothing is guessed silently (an unknown summary, a missing
 * duration, a generic "Run" each leave a named warning), and the calendar
 * is only appended to once the whole feed has been read without error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "carryover/calendar_io.h"
#include "carryover/error.h"
#include "util/strbuf.h"

#define MAX_MINUTES 600
#define MAX_PARAMS 16
#define MAX_OCCURRENCES 1000
#define OPEN_ENDED_WEEKS 52
#define MAX_DEPTH 16

/* ---- content lines ------------------------------------------------------- */

typedef struct ics_line {
	char *text;   /* unfolded, NUL-terminated; owned by the lines array */
	int line;     /* physical line it starts on */
} ics_line;

typedef struct ics_lines {
	ics_line *v;
	size_t n, alloc;
} ics_lines;

static void lines_free(ics_lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
}

/* RFC 5545 3.1: a line starting with a space or tab continues the previous one. */
static int unfold(ics_lines *out, const char *text, size_t len, const char *source)
{
	const char *p = text, *end = text + len;
	co_strbuf cur = CO_STRBUF_INIT;
	int lineno = 0, cur_line = 0;
	bool have = false;

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
			co_strbuf_release(&cur);
			return co_error_set(CO_EINPUT, "%s:%d: NUL byte in the text", source, lineno);
		}
		if (n && (p[0] == ' ' || p[0] == '\t') && have) {
			co_strbuf_add(&cur, p + 1, n - 1);
		} else {
			if (have) {
				if (out->n == out->alloc) {
					out->alloc = out->alloc ? out->alloc * 2 : 64;
					out->v = co_xrealloc(out->v, out->alloc * sizeof(*out->v));
				}
				out->v[out->n].text = co_strbuf_detach(&cur);
				out->v[out->n++].line = cur_line;
			}
			co_strbuf_reset(&cur);
			co_strbuf_add(&cur, p, n);
			cur_line = lineno;
			have = n > 0;
		}
		p = e ? e + 1 : end;
	}
	if (have) {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? out->alloc * 2 : 64;
			out->v = co_xrealloc(out->v, out->alloc * sizeof(*out->v));
		}
		out->v[out->n].text = co_strbuf_detach(&cur);
		out->v[out->n++].line = cur_line;
	}
	co_strbuf_release(&cur);
	return 0;
}

typedef struct prop {
	char *name;                 /* uppercased */
	char *pname[MAX_PARAMS];    /* uppercased */
	char *pval[MAX_PARAMS];     /* unquoted */
	size_t n_params;
	char *value;
} prop;

/* Split "NAME;P=V;P=\"V\":VALUE" in place. Returns false when there is no ':'. */
static bool split_prop(char *s, prop *p)
{
	char *q = s;
	char sep;

	memset(p, 0, sizeof(*p));
	p->name = s;
	while (*q && *q != ';' && *q != ':')
		q++;
	sep = *q;
	while (sep == ';') {
		char *pn, *pv, *w;
		bool quoted = false;

		*q++ = '\0';
		pn = q;
		while (*q && *q != '=' && *q != ';' && *q != ':')
			q++;
		if (*q != '=')
			return false;
		*q++ = '\0';
		pv = w = q;
		while (*q && (quoted || (*q != ';' && *q != ':'))) {
			if (*q == '"')
				quoted = !quoted;
			else
				*w++ = *q;
			q++;
		}
		if (quoted)
			return false;
		sep = *q;
		*w = '\0'; /* may overwrite the separator: it is saved in sep */
		if (p->n_params < MAX_PARAMS) {
			p->pname[p->n_params] = pn;
			p->pval[p->n_params++] = pv;
		}
	}
	if (sep != ':')
		return false;
	*q++ = '\0';
	p->value = q;
	for (char *u = p->name; *u; u++)
		*u = (char)toupper((unsigned char)*u);
	for (size_t i = 0; i < p->n_params; i++)
		for (char *u = p->pname[i]; *u; u++)
			*u = (char)toupper((unsigned char)*u);
	return true;
}

static const char *prop_param(const prop *p, const char *name)
{
	for (size_t i = 0; i < p->n_params; i++)
		if (!strcmp(p->pname[i], name))
			return p->pval[i];
	return NULL;
}

/* RFC 5545 3.3.11 TEXT: \\ \; \, \n \N. */
static char *unescape_text(const char *s)
{
	co_strbuf sb = CO_STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			co_strbuf_addch(&sb, (*s == 'n' || *s == 'N') ? '\n' : *s);
		} else {
			co_strbuf_addch(&sb, *s);
		}
	}
	return co_strbuf_detach(&sb);
}

/* ---- dates, times, durations -------------------------------------------- */

typedef struct ics_time {
	co_date date;   /* local date */
	int secs;       /* local seconds into the day; -1 for a DATE value */
} ics_time;

static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* "YYYYMMDD" or "YYYYMMDDTHHMMSS[Z]"; UTC times become local. */
static bool parse_time(const char *s, bool date_only, ics_time *out)
{
	int y, m, d, hh, mm, ss;
	size_t n = strlen(s);

	if (n < 8 || !digits(s, 4, &y) || !digits(s + 4, 2, &m) || !digits(s + 6, 2, &d) ||
	    !co_date_valid(y, m, d))
		return false;
	out->date = co_date_from_ymd(y, m, d);
	out->secs = -1;
	if (n == 8)
		return true;
	if (date_only || (n != 15 && n != 16) || (s[8] != 'T' && s[8] != 't') ||
	    !digits(s + 9, 2, &hh) || !digits(s + 11, 2, &mm) || !digits(s + 13, 2, &ss) ||
	    hh > 23 || mm > 59 || ss > 60)
		return false;
	out->secs = hh * 3600 + mm * 60 + (ss > 59 ? 59 : ss);
	if (n == 16) {
		time_t t;
		struct tm tm;

		if (s[15] != 'Z' && s[15] != 'z')
			return false;
		t = (time_t)out->date * 86400 + out->secs;
		if (!localtime_r(&t, &tm))
			return false;
		out->date = co_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		out->secs = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	}
	return true;
}

static long long time_seconds(const ics_time *t)
{
	return (long long)t->date * 86400 + (t->secs < 0 ? 0 : t->secs);
}

/* RFC 5545 3.3.6: [+]P(nW | nD | [nD]T[nH][nM][nS]). Returns seconds or -1. */
static long long parse_duration(const char *s)
{
	long long total = 0, v;
	bool in_time = false, any = false;

	if (*s == '+')
		s++;
	if (*s++ != 'P')
		return -1;
	while (*s) {
		if (*s == 'T') {
			if (in_time)
				return -1;
			in_time = true;
			s++;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		v = 0;
		while (isdigit((unsigned char)*s)) {
			v = v * 10 + (*s++ - '0');
			if (v > 100000000)
				return -1;
		}
		switch (*s++) {
		case 'W': if (in_time) return -1; total += v * 604800; break;
		case 'D': if (in_time) return -1; total += v * 86400; break;
		case 'H': if (!in_time) return -1; total += v * 3600; break;
		case 'M': if (!in_time) return -1; total += v * 60; break;
		case 'S': if (!in_time) return -1; total += v; break;
		default: return -1;
		}
		any = true;
	}
	return any ? total : -1;
}

/* ---- classification ------------------------------------------------------ */

typedef enum ev_kind { EV_UNKNOWN = 0, EV_RUN, EV_RACE, EV_GENERIC_RUN } ev_kind;

typedef struct verdict {
	ev_kind kind;
	co_run_type type;
	int minutes;          /* from the summary; 0 when it does not say */
	double distance_km;   /* 0 when it does not say */
	co_race_priority priority;
	bool priority_given;
} verdict;

typedef struct word_type {
	const char *word;
	co_run_type type;
} word_type;

/* Words that name a run type, in no particular order: the first one in the summary wins. */
static const word_type type_words[] = {
	{"rest", CO_RUN_REST}, {"off", CO_RUN_REST},
	{"easy", CO_RUN_EASY}, {"aerobic", CO_RUN_EASY}, {"steady", CO_RUN_EASY},
	{"jog", CO_RUN_EASY},
	{"recovery", CO_RUN_RECOVERY}, {"shakeout", CO_RUN_RECOVERY}, {"regen", CO_RUN_RECOVERY},
	{"long", CO_RUN_LONG}, {"lsd", CO_RUN_LONG},
	{"tempo", CO_RUN_TEMPO}, {"progression", CO_RUN_TEMPO},
	{"threshold", CO_RUN_THRESHOLD}, {"lt", CO_RUN_THRESHOLD}, {"cruise", CO_RUN_THRESHOLD},
	{"intervals", CO_RUN_INTERVALS}, {"interval", CO_RUN_INTERVALS},
	{"repeats", CO_RUN_INTERVALS}, {"reps", CO_RUN_INTERVALS}, {"track", CO_RUN_INTERVALS},
	{"vo2", CO_RUN_INTERVALS}, {"vo2max", CO_RUN_INTERVALS}, {"speed", CO_RUN_INTERVALS},
	{"hills", CO_RUN_HILLS}, {"hill", CO_RUN_HILLS},
	{"fartlek", CO_RUN_FARTLEK},
	{"cross", CO_RUN_CROSS}, {"bike", CO_RUN_CROSS}, {"cycling", CO_RUN_CROSS},
	{"cycle", CO_RUN_CROSS}, {"swim", CO_RUN_CROSS}, {"swimming", CO_RUN_CROSS},
	{"elliptical", CO_RUN_CROSS}, {"rowing", CO_RUN_CROSS},
	{NULL, CO_RUN_REST}
};

static bool word_is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(w, lit, n);
}

/* Skip spaces; return the alphabetic word at p (lowercase input) and its length. */
static size_t word_at(const char *p, const char **w)
{
	size_t n = 0;

	while (*p == ' ')
		p++;
	*w = p;
	while (isalpha((unsigned char)p[n]))
		n++;
	return n;
}

static bool is_apostrophe(const char *p, size_t *len)
{
	if (*p == '\'') {
		*len = 1;
		return true;
	}
	/* U+2019 right single quotation mark, U+2032 prime */
	if (p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x99' || p[2] == '\xB2')) {
		*len = 3;
		return true;
	}
	return false;
}

/*
 * After a number at *pp: a duration unit turns it into minutes (returns
 * true), a distance unit into km. Advances *pp over the unit.
 */
typedef struct number_unit {
	bool is_minutes, is_seconds, is_km, is_race_k;
	double minutes, km;
} number_unit;

static void read_unit(const char **pp, double v, bool integer, number_unit *nu)
{
	const char *p = *pp, *w;
	size_t n, alen;

	memset(nu, 0, sizeof(*nu));
	if (is_apostrophe(p, &alen)) {
		size_t a2;
		p += alen;
		if (is_apostrophe(p, &a2)) {
			nu->is_seconds = true;
			p += a2;
		} else {
			nu->is_minutes = true;
			nu->minutes = v;
		}
		*pp = p;
		return;
	}
	if (*p == '"') {
		nu->is_seconds = true;
		*pp = p + 1;
		return;
	}
	n = word_at(p, &w);
	if (!n)
		return;
	if (word_is(w, n, "min") || word_is(w, n, "mins") || word_is(w, n, "minute") ||
	    word_is(w, n, "minutes")) {
		nu->is_minutes = true;
		nu->minutes = v;
		*pp = w + n;
	} else if (word_is(w, n, "s") || word_is(w, n, "sec") || word_is(w, n, "secs") ||
		   word_is(w, n, "seconds")) {
		nu->is_seconds = true;
		*pp = w + n;
	} else if (word_is(w, n, "h") || word_is(w, n, "hr") || word_is(w, n, "hrs") ||
		   word_is(w, n, "hour") || word_is(w, n, "hours")) {
		int extra = 0;
		const char *q = w + n;

		nu->is_minutes = true;
		if (w == p && word_is(w, n, "h") && isdigit((unsigned char)q[0])) {
			/* 1h30, 1h30m, 1h30', 1h30min */
			while (isdigit((unsigned char)*q) && extra < 1000)
				extra = extra * 10 + (*q++ - '0');
			const char *w2;
			size_t n2;
			if (is_apostrophe(q, &alen))
				q += alen;
			else if ((n2 = word_at(q, &w2)) && w2 == q &&
				 (word_is(w2, n2, "m") || word_is(w2, n2, "min") ||
				  word_is(w2, n2, "mins")))
				q += n2;
		}
		nu->minutes = v * 60 + extra;
		*pp = q;
	} else if (word_is(w, n, "k") && w == p && integer) {
		nu->is_km = nu->is_race_k = true;
		nu->km = v;
		*pp = w + n;
	} else if (word_is(w, n, "k") || word_is(w, n, "km") || word_is(w, n, "kms") ||
		   word_is(w, n, "kilometres") || word_is(w, n, "kilometers")) {
		nu->is_km = true;
		nu->km = v;
		*pp = w + n;
	} else if (word_is(w, n, "mi") || word_is(w, n, "mile") || word_is(w, n, "miles")) {
		nu->is_km = true;
		nu->km = v * 1.609344;
		*pp = w + n;
	}
}

static void set_distance(verdict *v, double km)
{
	if (v->distance_km <= 0 && km > 0 && km <= 500)
		v->distance_km = km;
}

/*
 * Classify a summary (docs/formats/calendar.md has the table). The first
 * run-type word wins; "race" (not "race pace", "pre-race") or, with no
 * run-type word, a race distance as races are named (5K, 10K, half
 * marathon, marathon, ultra) makes a race; "6x800" alone makes intervals.
 */
static verdict classify(const char *summary)
{
	verdict v = {EV_UNKNOWN, CO_RUN_REST, 0, 0, CO_RACE_A, false};
	char *s = co_xstrdup(summary);
	bool type_set = false, race_word = false, race_distance = false, reps = false;
	bool generic_run = false, marathon_pace = false;
	const char *prev = "";
	size_t prev_n = 0;
	const char *p;

	for (char *q = s; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	p = s;
	while (*p) {
		if (isalpha((unsigned char)*p)) {
			const char *w = p, *nw;
			size_t n = 0, nn;

			while (isalpha((unsigned char)p[n]))
				n++;
			p += n;
			nn = word_at(p, &nw);
			/* a "-" between words is as good as a space: "pre-race", "b-race" */
			if (!nn && *p == '-')
				nn = word_at(p + 1, &nw);
			if (word_is(w, n, "race") || word_is(w, n, "racing") ||
			    word_is(w, n, "parkrun")) {
				bool pace = nn && word_is(nw, nn, "pace");
				bool around = word_is(prev, prev_n, "pre") || word_is(prev, prev_n, "post") ||
					      word_is(prev, prev_n, "before") || word_is(prev, prev_n, "after");
				if (!pace && !around)
					race_word = true;
				if (word_is(w, n, "parkrun"))
					set_distance(&v, 5);
			} else if (word_is(w, n, "marathon")) {
				if (nn && word_is(nw, nn, "pace")) {
					marathon_pace = true;
				} else {
					race_distance = true;
					set_distance(&v, word_is(prev, prev_n, "half") ? 21.0975 : 42.195);
				}
			} else if (word_is(w, n, "ultra")) {
				race_distance = true;
				set_distance(&v, 50);
			} else if (word_is(w, n, "run") || word_is(w, n, "running")) {
				generic_run = true;
			} else if (n == 1 && (*w == 'a' || *w == 'b' || *w == 'c')) {
				v.priority = (co_race_priority)(*w - 'a');
				v.priority_given = true;
			} else if (!type_set) {
				for (const word_type *t = type_words; t->word; t++) {
					if (word_is(w, n, t->word)) {
						v.type = t->type;
						type_set = true;
						break;
					}
				}
			}
			prev = w;
			prev_n = n;
		} else if (isdigit((unsigned char)*p)) {
			double num = 0, frac = 0.1;
			bool integer = true;
			number_unit nu;

			while (isdigit((unsigned char)*p) && num < 1e6)
				num = num * 10 + (*p++ - '0');
			while (isdigit((unsigned char)*p))
				p++;
			if (*p == '.' && isdigit((unsigned char)p[1])) {
				integer = false;
				p++;
				while (isdigit((unsigned char)*p)) {
					num += (*p++ - '0') * frac;
					frac /= 10;
				}
			}
			{
				const char *q = p;
				size_t xl = 0;

				while (*q == ' ')
					q++;
				/* 6x800, 6 x 3', 6×400 (U+00D7): repetitions, never the total */
				if (*q == 'x')
					xl = 1;
				else if (q[0] == '\xC3' && q[1] == '\x97')
					xl = 2;
				q += xl;
				while (xl && *q == ' ')
					q++;
				if (xl && isdigit((unsigned char)*q)) {
					double rep = 0;

					while (isdigit((unsigned char)*q) && rep < 1e6)
						rep = rep * 10 + (*q++ - '0');
					while (isdigit((unsigned char)*q) || *q == '.')
						q++;
					read_unit(&q, rep, true, &nu);
					p = q;
					reps = true;
					prev = "";
					prev_n = 0;
					continue;
				}
			}
			read_unit(&p, num, integer, &nu);
			{
				/* "@ 5k pace" describes effort, not the distance of this run */
				const char *pw;
				size_t pn = word_at(p, &pw);
				if (pn && word_is(pw, pn, "pace"))
					nu.is_km = false;
			}
			if (nu.is_minutes && !v.minutes && nu.minutes >= 0.5)
				v.minutes = nu.minutes > 100000 ? 100000 : (int)(nu.minutes + 0.5);
			if (nu.is_km) {
				set_distance(&v, nu.km);
				if (nu.is_race_k)
					race_distance = true;
			}
			prev = "";
			prev_n = 0;
		} else {
			p++;
		}
	}
	free(s);

	if (!type_set && marathon_pace) {
		v.type = CO_RUN_TEMPO;
		type_set = true;
	}
	if (race_word || (!type_set && race_distance)) {
		v.kind = EV_RACE;
		v.type = CO_RUN_RACE;
	} else if (type_set) {
		v.kind = EV_RUN;
	} else if (reps) {
		v.kind = EV_RUN;
		v.type = CO_RUN_INTERVALS;
	} else if (generic_run) {
		v.kind = EV_GENERIC_RUN;
		v.type = CO_RUN_EASY;
	}
	if (v.kind != EV_RACE) {
		v.priority = CO_RACE_A;
		v.priority_given = false;
	}
	return v;
}

/* ---- events -------------------------------------------------------------- */

typedef struct ics_event {
	int line;                 /* BEGIN:VEVENT */
	char *summary;            /* unescaped; NULL when absent */
	int summary_line;
	char *uid;
	bool has_start, has_end, has_duration;
	ics_time start, end;
	int start_line;
	long long duration;
	char *rrule;
	int rrule_line;
	co_date *exdates;
	size_t n_exdates;
	bool has_recurrence_id;
	co_date recurrence_id;
	bool cancelled;
} ics_event;

static void event_release(ics_event *e)
{
	free(e->summary);
	free(e->uid);
	free(e->rrule);
	free(e->exdates);
	memset(e, 0, sizeof(*e));
}

typedef struct ics_events {
	ics_event *v;
	size_t n, alloc;
} ics_events;

static void events_free(ics_events *es)
{
	for (size_t i = 0; i < es->n; i++)
		event_release(&es->v[i]);
	free(es->v);
}

static void add_exdate(ics_event *e, co_date d)
{
	e->exdates = co_xrealloc(e->exdates, (e->n_exdates + 1) * sizeof(*e->exdates));
	e->exdates[e->n_exdates++] = d;
}

static int read_time_prop(const prop *p, ics_time *t, const char *source, int line)
{
	const char *vt = prop_param(p, "VALUE");
	bool date_only = vt && !strcasecmp(vt, "DATE");

	if (!parse_time(p->value, date_only, t))
		return co_error_set(CO_EINPUT, "%s:%d: %s: invalid date or time '%.40s' "
				    "(expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])",
				    source, line, p->name, p->value);
	return 0;
}

static int event_prop(ics_event *e, prop *p, const char *source, int line)
{
	int rc = 0;

	if (!strcmp(p->name, "SUMMARY")) {
		free(e->summary);
		e->summary = unescape_text(p->value);
		e->summary_line = line;
	} else if (!strcmp(p->name, "UID")) {
		free(e->uid);
		e->uid = co_xstrdup(p->value);
	} else if (!strcmp(p->name, "DTSTART")) {
		if ((rc = read_time_prop(p, &e->start, source, line)) < 0)
			return rc;
		e->has_start = true;
		e->start_line = line;
	} else if (!strcmp(p->name, "DTEND")) {
		if ((rc = read_time_prop(p, &e->end, source, line)) < 0)
			return rc;
		e->has_end = true;
	} else if (!strcmp(p->name, "DURATION")) {
		e->duration = parse_duration(p->value);
		if (e->duration < 0)
			return co_error_set(CO_EINPUT, "%s:%d: DURATION: invalid duration '%.40s' "
					    "(expected e.g. PT45M)", source, line, p->value);
		e->has_duration = true;
	} else if (!strcmp(p->name, "RRULE")) {
		free(e->rrule);
		e->rrule = co_xstrdup(p->value);
		e->rrule_line = line;
	} else if (!strcmp(p->name, "EXDATE")) {
		const char *vt = prop_param(p, "VALUE");
		char *save = NULL;

		for (char *tok = strtok_r(p->value, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			ics_time t;
			if (!parse_time(tok, vt && !strcasecmp(vt, "DATE"), &t))
				return co_error_set(CO_EINPUT, "%s:%d: EXDATE: invalid date '%.40s'",
						    source, line, tok);
			add_exdate(e, t.date);
		}
	} else if (!strcmp(p->name, "RECURRENCE-ID")) {
		ics_time t;
		if ((rc = read_time_prop(p, &t, source, line)) < 0)
			return rc;
		e->has_recurrence_id = true;
		e->recurrence_id = t.date;
	} else if (!strcmp(p->name, "STATUS")) {
		e->cancelled = !strcasecmp(p->value, "CANCELLED");
	}
	return 0;
}

static int parse_events(ics_events *out, const ics_lines *ls, const char *source)
{
	char *stack[MAX_DEPTH];
	int stack_line[MAX_DEPTH];
	int depth = 0, event_depth = -1;
	bool saw_calendar = false;
	ics_event cur;
	int rc = 0;

	memset(&cur, 0, sizeof(cur));
	for (size_t i = 0; i < ls->n; i++) {
		prop p;
		int line = ls->v[i].line;

		if (!split_prop(ls->v[i].text, &p)) {
			rc = co_error_set(CO_EINPUT, "%s:%d: malformed line '%.40s' (expected NAME:VALUE)",
					  source, line, ls->v[i].text);
			goto done;
		}
		if (!strcmp(p.name, "BEGIN")) {
			if (depth == MAX_DEPTH) {
				rc = co_error_set(CO_EINPUT, "%s:%d: components nested too deeply",
						  source, line);
				goto done;
			}
			for (char *u = p.value; *u; u++)
				*u = (char)toupper((unsigned char)*u);
			if (!depth && strcmp(p.value, "VCALENDAR")) {
				rc = co_error_set(CO_EINPUT, "%s:%d: expected BEGIN:VCALENDAR, got "
						  "BEGIN:%.40s", source, line, p.value);
				goto done;
			}
			if (!strcmp(p.value, "VCALENDAR"))
				saw_calendar = true;
			if (!strcmp(p.value, "VEVENT") && event_depth < 0) {
				event_depth = depth;
				memset(&cur, 0, sizeof(cur));
				cur.line = line;
			}
			stack[depth] = p.value;
			stack_line[depth++] = line;
			continue;
		}
		if (!strcmp(p.name, "END")) {
			for (char *u = p.value; *u; u++)
				*u = (char)toupper((unsigned char)*u);
			if (!depth || strcmp(stack[depth - 1], p.value)) {
				if (depth)
					rc = co_error_set(CO_EINPUT, "%s:%d: END:%.40s does not match "
							  "BEGIN:%.40s on line %d", source, line, p.value,
							  stack[depth - 1], stack_line[depth - 1]);
				else
					rc = co_error_set(CO_EINPUT, "%s:%d: END:%.40s without BEGIN",
							  source, line, p.value);
				goto done;
			}
			depth--;
			if (depth == event_depth) {
				event_depth = -1;
				if (out->n == out->alloc) {
					out->alloc = out->alloc ? out->alloc * 2 : 32;
					out->v = co_xrealloc(out->v, out->alloc * sizeof(*out->v));
				}
				out->v[out->n++] = cur;
				memset(&cur, 0, sizeof(cur));
			}
			continue;
		}
		if (!depth) {
			rc = co_error_set(CO_EINPUT, "%s:%d: '%.40s' outside BEGIN:VCALENDAR",
					  source, line, p.name);
			goto done;
		}
		/* properties of the event itself, not of a VALARM inside it */
		if (event_depth >= 0 && depth == event_depth + 1)
			if ((rc = event_prop(&cur, &p, source, line)) < 0)
				goto done;
	}
	if (depth) {
		rc = co_error_set(CO_EINPUT, "%s:%d: BEGIN:%.40s is never ended", source,
				  stack_line[depth - 1], stack[depth - 1]);
		goto done;
	}
	if (!saw_calendar)
		rc = co_error_set(CO_EINPUT, "%s: not an iCalendar file (no BEGIN:VCALENDAR)", source);
done:
	event_release(&cur);
	return rc;
}

/* ---- recurrence ---------------------------------------------------------- */

typedef struct dates {
	co_date *v;
	size_t n;
} dates;

static void dates_add(dates *ds, co_date d)
{
	ds->v = co_xrealloc(ds->v, (ds->n + 1) * sizeof(*ds->v));
	ds->v[ds->n++] = d;
}

static int weekday_code(const char *s)
{
	static const char *const codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

	for (int i = 0; i < 7; i++)
		if (!strcasecmp(s, codes[i]))
			return i;
	return -1;
}

/*
 * The dates of a weekly RRULE (RFC 5545 3.3.10), DTSTART first. Weeks start
 * on Monday. Returns 1 when expanded, 0 when the rule is not one we expand
 * (the caller keeps DTSTART alone and warns; *why says why), <0 on error.
 */
static int expand_rrule(dates *out, const ics_event *e, const char *source, co_calendar *warn,
			const char **why)
{
	char *rule = co_xstrdup(e->rrule);
	char *save = NULL;
	bool weekly = false, byday[7] = {false}, any_byday = false;
	long count = -1, interval = 1;
	co_date until = 0;
	bool has_until = false;
	int rc = 1;

	*why = NULL;
	for (char *part = strtok_r(rule, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(part, '=');
		if (!eq) {
			rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: malformed part '%.40s'", source,
					  e->rrule_line, part);
			goto done;
		}
		*eq++ = '\0';
		if (!strcasecmp(part, "FREQ")) {
			weekly = !strcasecmp(eq, "WEEKLY");
			if (!weekly) {
				*why = "only FREQ=WEEKLY is expanded";
				rc = 0;
			}
		} else if (!strcasecmp(part, "COUNT")) {
			count = strtol(eq, NULL, 10);
			if (count < 1) {
				rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid COUNT '%.20s'",
						  source, e->rrule_line, eq);
				goto done;
			}
		} else if (!strcasecmp(part, "INTERVAL")) {
			interval = strtol(eq, NULL, 10);
			if (interval < 1 || interval > 52) {
				rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid INTERVAL '%.20s'",
						  source, e->rrule_line, eq);
				goto done;
			}
		} else if (!strcasecmp(part, "UNTIL")) {
			ics_time t;
			if (!parse_time(eq, false, &t)) {
				rc = co_error_set(CO_EINPUT, "%s:%d: RRULE: invalid UNTIL '%.40s'",
						  source, e->rrule_line, eq);
				goto done;
			}
			until = t.date;
			has_until = true;
		} else if (!strcasecmp(part, "BYDAY")) {
			char *s2 = NULL;
			for (char *d = strtok_r(eq, ",", &s2); d; d = strtok_r(NULL, ",", &s2)) {
				int wd = weekday_code(d);
				if (wd < 0) {
					*why = "BYDAY with ordinals is not expanded";
					rc = 0;
					break;
				}
				byday[wd] = any_byday = true;
			}
		} else if (!strcasecmp(part, "WKST")) {
			continue;
		} else if (rc == 1) {
			*why = "only COUNT, UNTIL, INTERVAL and BYDAY are expanded";
			rc = 0;
		}
	}
	if (rc == 0)
		goto done;
	if (!weekly) {
		*why = "the rule has no FREQ=WEEKLY";
		rc = 0;
		goto done;
	}
	if (!any_byday)
		byday[co_date_weekday(e->start.date)] = true;
	if (count < 0 && !has_until) {
		until = e->start.date + OPEN_ENDED_WEEKS * 7 - 1;
		co_calendar_add_warning(warn, "%s:%d: recurring event '%.40s' has no end; "
					"expanded for %d weeks", source, e->rrule_line,
					e->summary ? e->summary : "", OPEN_ENDED_WEEKS);
		has_until = true;
	}
	{
		co_date week = co_date_monday(e->start.date);
		long made = 0;

		/* DTSTART is always the first instance, even off the BYDAY days */
		dates_add(out, e->start.date);
		made = 1;
		for (;;) {
			bool stop = false;
			for (int wd = 0; wd < 7 && !stop; wd++) {
				co_date d = week + wd;
				if (!byday[wd] || d <= e->start.date)
					continue;
				if ((has_until && d > until) || (count >= 0 && made >= count)) {
					stop = true;
					break;
				}
				if (made >= MAX_OCCURRENCES) {
					co_calendar_add_warning(warn, "%s:%d: recurring event '%.40s' "
								"stopped after %d occurrences", source,
								e->rrule_line, e->summary ? e->summary : "",
								MAX_OCCURRENCES);
					stop = true;
					break;
				}
				dates_add(out, d);
				made++;
			}
			if (stop)
				break;
			week += (co_date)(7 * interval);
			if (has_until && week > until)
				break;
		}
	}
done:
	free(rule);
	return rc;
}

/* ---- from events to the calendar ----------------------------------------- */

/* The events that replace one occurrence of a recurring event (RECURRENCE-ID). */
typedef struct overrides {
	const ics_event **v;
	size_t n;
} overrides;

static bool overridden(const overrides *ov, const ics_event *master, co_date d)
{
	if (!master->uid)
		return false;
	for (size_t i = 0; i < ov->n; i++) {
		const ics_event *o = ov->v[i];
		if (o != master && o->recurrence_id == d && !strcmp(o->uid, master->uid))
			return true;
	}
	return false;
}

static bool excluded(const ics_event *e, co_date d)
{
	for (size_t i = 0; i < e->n_exdates; i++)
		if (e->exdates[i] == d)
			return true;
	return false;
}

static int add_event(co_calendar *tmp, const overrides *ov, const ics_event *e, const char *source)
{
	const char *summary = e->summary ? e->summary : "";
	verdict v;
	dates ds = {NULL, 0};
	char date[11];
	int minutes = 0;
	int line = e->summary ? e->summary_line : e->line;
	int rc = 0;

	if (!e->has_start)
		return co_error_set(CO_EINPUT, "%s:%d: event '%.40s' has no DTSTART", source,
				    e->line, summary);
	if (e->cancelled)
		return 0;
	co_date_format(e->start.date, date);
	if (!e->summary || !*e->summary) {
		co_calendar_add_warning(tmp, "%s:%d: event on %s without a SUMMARY skipped",
					source, e->line, date);
		return 0;
	}
	v = classify(summary);
	if (v.kind == EV_UNKNOWN) {
		co_calendar_add_warning(tmp, "%s:%d: unknown event '%.60s' skipped", source, line,
					summary);
		return 0;
	}

	/* minutes: the summary, else the event's length, else a named default */
	if (v.minutes) {
		minutes = v.minutes;
	} else if (e->start.secs >= 0 && e->has_end && e->end.secs >= 0) {
		long long d = time_seconds(&e->end) - time_seconds(&e->start);
		minutes = d > 0 ? (int)((d + 30) / 60 > 100000 ? 100000 : (d + 30) / 60) : 0;
	} else if (e->start.secs >= 0 && e->has_duration) {
		minutes = (int)((e->duration + 30) / 60 > 100000 ? 100000 : (e->duration + 30) / 60);
	}
	if (v.type == CO_RUN_REST)
		minutes = 0;
	if (minutes > MAX_MINUTES)
		return co_error_set(CO_EINPUT, "%s:%d: event '%.40s' on %s lasts %d minutes "
				    "(expected 1-%d)", source, line, summary, date, minutes,
				    MAX_MINUTES);
	if (!minutes && v.type != CO_RUN_REST && v.kind != EV_RACE) {
		minutes = co_run_type_default_minutes(v.type);
		co_calendar_add_warning(tmp, "%s:%d: '%.40s' has no duration; counted as %d minutes",
					source, line, summary, minutes);
	}
	if (v.kind == EV_GENERIC_RUN)
		co_calendar_add_warning(tmp, "%s:%d: '%.40s' names no run type; counted as easy",
					source, line, summary);
	if (v.kind == EV_RACE && v.distance_km <= 0)
		co_calendar_add_warning(tmp, "%s:%d: race '%.40s' names no distance "
					"(say 5K, 10K, half marathon, marathon or N km)",
					source, line, summary);

	if (e->rrule && !e->has_recurrence_id) {
		const char *why = NULL;
		rc = expand_rrule(&ds, e, source, tmp, &why);
		if (rc < 0)
			goto done;
		if (rc == 0) {
			ds.n = 0;
			dates_add(&ds, e->start.date);
			co_calendar_add_warning(tmp, "%s:%d: recurrence of '%.40s' skipped (%s); "
						"only its first date is used", source, e->rrule_line,
						summary, why ? why : "unsupported rule");
		}
		rc = 0;
	} else {
		dates_add(&ds, e->start.date);
	}

	for (size_t i = 0; i < ds.n; i++) {
		co_date d = ds.v[i];

		if (excluded(e, d) || (!e->has_recurrence_id && overridden(ov, e, d)))
			continue;
		if (v.kind == EV_RACE) {
			co_race race = {0};
			race.name = e->summary;
			race.date = d;
			race.distance_km = v.distance_km;
			race.priority = v.priority;
			race.line = line;
			co_calendar_add_race(tmp, &race);
		} else {
			co_run run = {0};
			run.date = d;
			run.type = v.type;
			run.minutes = minutes;
			run.distance_km = v.distance_km;
			co_calendar_add_run(tmp, &run);
		}
	}
done:
	free(ds.v);
	return rc;
}

int co_calendar_read_ics(co_calendar *cal, const char *text, size_t len, const char *source)
{
	ics_lines ls = {NULL, 0, 0};
	ics_events es = {NULL, 0, 0};
	overrides ov = {NULL, 0};
	co_calendar tmp;
	int rc;

	if (!source)
		source = "<ics>";
	co_calendar_init(&tmp);
	if ((rc = unfold(&ls, text, len, source)) < 0)
		goto done;
	if ((rc = parse_events(&es, &ls, source)) < 0)
		goto done;
	ov.v = co_xcalloc(es.n + 1, sizeof(*ov.v));
	for (size_t i = 0; i < es.n; i++)
		if (es.v[i].has_recurrence_id && es.v[i].uid)
			ov.v[ov.n++] = &es.v[i];
	for (size_t i = 0; i < es.n; i++)
		if ((rc = add_event(&tmp, &ov, &es.v[i], source)) < 0)
			goto done;
	for (size_t i = 0; i < tmp.n_runs; i++)
		co_calendar_add_run(cal, &tmp.runs[i]);
	for (size_t i = 0; i < tmp.n_races; i++)
		co_calendar_add_race(cal, &tmp.races[i]);
	for (size_t i = 0; i < tmp.n_warnings; i++)
		co_calendar_add_warning(cal, "%s", tmp.warnings[i]);
done:
	free(ov.v);
	events_free(&es);
	lines_free(&ls);
	co_calendar_release(&tmp);
	return rc;
}

/* ---- dispatch on the file name ------------------------------------------- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcasecmp(s + n - m, suffix);
}

int co_calendar_read_file(co_calendar *cal, const char *path)
{
	co_strbuf sb = CO_STRBUF_INIT;
	const char *base = strrchr(path, '/');
	int rc;

	base = base ? base + 1 : path;
	if (!ends_with(path, ".csv") && !ends_with(path, ".ics"))
		return co_error_set(CO_EINPUT, "'%s': unknown runs file type (expected .csv or .ics)",
				    base);
	if ((rc = co_strbuf_read_file(&sb, path, 64u << 20)) < 0)
		goto done;
	if (ends_with(path, ".csv"))
		rc = co_calendar_read_csv(cal, sb.buf, sb.len, base);
	else
		rc = co_calendar_read_ics(cal, sb.buf, sb.len, base);
done:
	co_strbuf_release(&sb);
	return rc;
}
