/*
 * Lifting logs from other apps: the CSV exports of Strong (every dialect of
 * IMPORTS.md section 1) and Hevy (section 2), read into workouts of sets.
 *
 * Columns are found by their header names, never by position; the
 * delimiter (',' or ';') is sniffed from the header line; fields follow RFC
 * 4180 through csv.c's record reader (formats/csv_int.h), and the two
 * characters "\n" in a note (only a note) become a line break. A
 * workout is the rows sharing Strong's Date, or Hevy's (title, start_time,
 * end_time), consecutive in the file; its identity on re-import is the
 * SHA-256 of its rows as read, so importing the same export twice, or an
 * export that grew by a month, stores each workout once.
 *
 * Rows that are not sets are counted, not stored: Strong's "Rest Timer"
 * (its Seconds is a rest) and "Note" rows. Warm-up, drop and failure sets
 * are kept and typed. Values are read as written; bounds are the
 * importer's. Work is linear in the file: one pass, each row once.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/error.h"
#include "carryover/log.h"
#include "formats/csv_int.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define MAX_FIELDS 64

/* Every string handed out lives until co_lift_log_free(). */
typedef struct arena {
	char **p;          /* strings */
	size_t n, cap;
	void **blocks;     /* the workouts' set arrays */
	size_t nb, capb;
} arena;

static char *keep(arena *a, const char *s)
{
	char *c = co_xstrdup(s);

	*CO_VEC_PUSH(a->p, a->n, a->cap) = c;
	return c;
}

/* A note: Strong writes a line break in one as the two characters \n.
 * Only notes: a title or an exercise name keeps what was written. */
static char *keep_note(arena *a, const char *s)
{
	char *c = keep(a, s), *d = c;

	for (const char *q = c; *q; q++) {
		if (q[0] == '\\' && q[1] == 'n') {
			*d++ = '\n';
			q++;
		} else {
			*d++ = *q;
		}
	}
	*d = '\0';
	return c;
}

/* Records come from csv.c's reader (formats/csv_int.h): the same refusals
 * of an unterminated quote, a NUL byte or too many fields as a calendar. */
typedef co_csv_reader reader;
typedef co_csv_record record;

/* --- columns ----------------------------------------------------------------- */

enum col {
	K_DATE, K_TITLE, K_DURATION, K_DURATION_S, K_EXERCISE, K_SET_ORDER, K_WEIGHT,
	K_WEIGHT_KG, K_WEIGHT_LB, K_WEIGHT_UNIT, K_REPS, K_RPE, K_SECONDS, K_NOTES,
	K_WORKOUT_NOTES, K_WORKOUT_NO,
	H_TITLE, H_START, H_END, H_DESCRIPTION, H_EXERCISE, H_EXERCISE_NOTES, H_SET_TYPE,
	H_WEIGHT_KG, H_WEIGHT_LB, H_REPS, H_DURATION, H_RPE,
	K_COUNT
};

static const struct {
	const char *name;
	int col;
} header_names[] = {
	{"Date", K_DATE}, {"Workout Name", K_TITLE}, {"Duration", K_DURATION},
	{"Workout Duration", K_DURATION}, {"Duration (sec)", K_DURATION_S},
	{"Exercise Name", K_EXERCISE}, {"Set Order", K_SET_ORDER}, {"Weight", K_WEIGHT},
	{"Weight (kg)", K_WEIGHT_KG}, {"Weight (lbs)", K_WEIGHT_LB}, {"lbs", K_WEIGHT_LB},
	{"Weight Unit", K_WEIGHT_UNIT}, {"Reps", K_REPS}, {"RPE", K_RPE},
	{"Seconds", K_SECONDS}, {"Notes", K_NOTES}, {"Workout Notes", K_WORKOUT_NOTES},
	{"Workout #", K_WORKOUT_NO},
	{"title", H_TITLE}, {"start_time", H_START}, {"end_time", H_END},
	{"description", H_DESCRIPTION}, {"exercise_title", H_EXERCISE},
	{"exercise_notes", H_EXERCISE_NOTES}, {"set_type", H_SET_TYPE},
	{"weight_kg", H_WEIGHT_KG}, {"weight_lbs", H_WEIGHT_LB}, {"reps", H_REPS},
	{"duration_seconds", H_DURATION}, {"rpe", H_RPE},
};

typedef struct columns {
	int at[K_COUNT]; /* field index, -1 absent */
	bool strong, hevy;
} columns;

static void map_columns(columns *c, const record *h)
{
	for (int k = 0; k < K_COUNT; k++)
		c->at[k] = -1;
	for (size_t i = 0; i < h->n; i++) {
		const char *name = h->fields[i];

		for (size_t k = 0; k < sizeof(header_names) / sizeof(header_names[0]); k++)
			if (!strcmp(name, header_names[k].name) && c->at[header_names[k].col] < 0)
				c->at[header_names[k].col] = (int)i;
	}
	c->strong = c->at[K_DATE] >= 0 && c->at[K_EXERCISE] >= 0 && c->at[K_SET_ORDER] >= 0;
	c->hevy = c->at[H_TITLE] >= 0 && c->at[H_START] >= 0 && c->at[H_EXERCISE] >= 0;
}

static const char *field(const record *r, const columns *c, int k)
{
	int i = c->at[k];

	if (i < 0 || (size_t)i >= r->n)
		return "";
	return r->fields[i];
}

static char sniff_delim(const char *text, size_t len)
{
	size_t semi = 0, comma = 0;
	bool quoted = false;

	for (size_t i = 0; i < len && (quoted || (text[i] != '\n' && text[i] != '\r')); i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (!quoted && text[i] == ';')
			semi++;
		else if (!quoted && text[i] == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

bool co_lift_csv_detect(const char *head, size_t len)
{
	reader rd;
	record h = {0};
	columns c;
	bool ok;

	if (!len || memchr(head, '\0', len))
		return false;
	co_csv_reader_init(&rd, head, len, "", sniff_delim(head, len), MAX_FIELDS);
	ok = co_csv_next(&rd, &h) > 0;
	if (ok) {
		map_columns(&c, &h);
		ok = c.strong || c.hevy;
	}
	co_csv_record_release(&h);
	return ok;
}

/* --- values --------------------------------------------------------------------- */

/* A number, or -1 for a blank cell; false when it is not one. */
static bool number(double *out, const char *s, char delim)
{
	char buf[64], *end;
	size_t n = strlen(s);

	*out = -1;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	if (!n)
		return true;
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (delim == ';') /* a decimal comma, only where ',' cannot be the delimiter */
		for (char *p = buf; *p; p++)
			if (*p == ',')
				*p = '.';
	*out = strtod(buf, &end);
	return end != buf && !*end && *out == *out;
}

/* Strong's duration: "38min", "1h 43m", "17m", "1h 15m", or seconds. */
static double strong_minutes(const char *s, bool seconds)
{
	double h = 0, m = 0, v;
	const char *p = s;
	char *end;

	if (seconds) {
		v = strtod(s, &end);
		return end != s && !*end ? v / 60 : -1;
	}
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		v = strtod(p, &end);
		if (end == p)
			return -1;
		p = end;
		if (*p == 'h') {
			h = v;
			p++;
		} else if (*p == 'm') {
			m = v;
			p += strncmp(p, "min", 3) == 0 ? 3 : 1;
		} else if (*p == 's') {
			p++;
		} else {
			return -1;
		}
	}
	v = h * 60 + m;
	return v > 0 && v <= 6 * 60 ? v : -1; /* "264h 1m" happens: not a duration */
}

static const char *const months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
				       "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *s)
{
	for (int i = 0; i < 12; i++)
		if (!strncasecmp(s, months[i], 3))
			return i + 1;
	return 0;
}

/* Hevy: "5 Dec 2025, 11:37" or "Sep 22, 2026, 6:00 AM" (English only). */
static bool hevy_date(co_date *out, const char *s)
{
	char mon[16];
	int d, y, hh, mm, used = 0, m;

	if (sscanf(s, "%d %15[A-Za-z] %d, %d:%d%n", &d, mon, &y, &hh, &mm, &used) == 5 &&
	    !s[used] && strlen(mon) >= 3 && (m = month_of(mon)) && co_date_valid(y, m, d)) {
		*out = co_date_from_ymd(y, m, d);
		return true;
	}
	used = 0;
	if (sscanf(s, "%15[A-Za-z] %d, %d, %d:%d%n", mon, &d, &y, &hh, &mm, &used) == 5 &&
	    strlen(mon) >= 3 && (m = month_of(mon)) && co_date_valid(y, m, d)) {
		*out = co_date_from_ymd(y, m, d);
		return true;
	}
	return false;
}

static bool strong_date(co_date *out, const char *s)
{
	char day[11];

	if (strlen(s) < 10)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	return co_date_parse(out, day) == CO_OK;
}

/* --- parsing ---------------------------------------------------------------------- */

typedef struct parse {
	co_lift_log *log;
	arena *a;
	const char *source;
	columns c;
	char delim;
	const char *units;     /* --units */
	const char *file_unit; /* from the header, or NULL */
	co_strbuf rows;        /* the current workout's rows, for its hash */
	co_lift_set *sets;
	size_t n_sets, cap_sets;
	co_lift_workout *w;
	size_t cap_w;
	const char *prev_exercise;
} parse;

static void close_workout(parse *p)
{
	co_lift_workout *w;

	if (!p->log->n_workouts)
		return;
	w = &p->log->workouts[p->log->n_workouts - 1];
	if (w->sets)
		return; /* closed already */
	co_sha256_hex(w->hash, p->rows.buf ? p->rows.buf : "", p->rows.len);
	w->sets = p->sets;
	w->n_sets = p->n_sets;
	/* an empty workout (only rest or note rows) still owns a valid pointer */
	if (!w->sets)
		w->sets = co_xcalloc(1, sizeof(*w->sets));
	*CO_VEC_PUSH(p->a->blocks, p->a->nb, p->a->capb) = w->sets;
	p->sets = NULL;
	p->n_sets = p->cap_sets = 0;
	co_strbuf_reset(&p->rows);
	p->prev_exercise = NULL;
}

static int fail(const parse *p, int line, const char *what, const char *value,
		const char *expected)
{
	return co_error_set(CO_EINPUT, "%s:%d: %s '%s' (expected %s)", p->source, line, what,
			    value, expected);
}

static int number_or_fail(const parse *p, double *out, const record *r, int col,
			  const char *what)
{
	const char *s = field(r, &p->c, col);

	if (!number(out, s, p->delim))
		return fail(p, r->line, what, s, "a number");
	return CO_OK;
}

static int read_row(parse *p, const record *r)
{
	const columns *c = &p->c;
	bool hevy = c->hevy && !c->strong;
	const char *key1 = hevy ? field(r, c, H_START) : field(r, c, K_DATE);
	const char *title = hevy ? field(r, c, H_TITLE) : field(r, c, K_TITLE);
	const char *name = hevy ? field(r, c, H_EXERCISE) : field(r, c, K_EXERCISE);
	co_lift_workout *w = p->log->n_workouts ? &p->log->workouts[p->log->n_workouts - 1] : NULL;
	co_lift_set s = {0};
	double v;
	int rc;

	/* A new workout when the key changes. */
	if (!w || strcmp(w->start, key1) != 0 ||
	    (hevy && strcmp(w->title ? w->title : "", title) != 0)) {
		co_date d;

		if (hevy ? !hevy_date(&d, key1) : !strong_date(&d, key1))
			return fail(p, r->line, hevy ? "start_time" : "date", key1,
				    hevy ? "an English Hevy time such as '5 Dec 2025, 11:37'; "
					   "only English exports are read"
					 : "YYYY-MM-DD HH:MM:SS");
		close_workout(p);
		w = CO_VEC_PUSH(p->log->workouts, p->log->n_workouts, p->cap_w);
		memset(w, 0, sizeof(*w));
		w->date = d;
		w->start = keep(p->a, key1);
		w->title = *title ? keep(p->a, title) : NULL;
		w->line = r->line;
		w->minutes = -1;
		if (hevy) {
			const char *desc = field(r, c, H_DESCRIPTION);

			w->notes = *desc ? keep_note(p->a, desc) : NULL;
		} else {
			const char *wn = field(r, c, K_WORKOUT_NOTES);

			w->notes = *wn ? keep_note(p->a, wn) : NULL;
			if (c->at[K_DURATION_S] >= 0)
				w->minutes = strong_minutes(field(r, c, K_DURATION_S), true);
			else if (c->at[K_DURATION] >= 0)
				w->minutes = strong_minutes(field(r, c, K_DURATION), false);
		}
	}
	co_strbuf_add(&p->rows, r->raw, r->raw_len);
	co_strbuf_addch(&p->rows, '\n');

	if (!hevy) {
		const char *order = field(r, c, K_SET_ORDER);

		if (!strcmp(order, "Rest Timer")) {
			p->log->rest_rows++;
			return CO_OK;
		}
		if (!strcmp(order, "Note")) {
			p->log->note_rows++;
			return CO_OK;
		}
		if (!strcmp(order, "W"))
			s.set_type = "warmup";
		else if (!strcmp(order, "D"))
			s.set_type = "drop";
		else if (!strcmp(order, "F"))
			s.set_type = "failure";
		else if (!number(&v, order, p->delim) || v < 1)
			return fail(p, r->line, "set order", order,
				    "a set number, W, D, F, Note or Rest Timer");
	} else {
		const char *t = field(r, c, H_SET_TYPE);

		if (!strcmp(t, "warmup"))
			s.set_type = "warmup";
		else if (!strcmp(t, "dropset"))
			s.set_type = "drop";
		else if (!strcmp(t, "failure"))
			s.set_type = "failure";
		else if (*t && strcmp(t, "normal") != 0)
			return fail(p, r->line, "set_type", t, "normal, warmup, failure or dropset");
	}
	if (!*name)
		return fail(p, r->line, "exercise name", name, "the name of an exercise");
	s.name = p->prev_exercise && !strcmp(p->prev_exercise, name) ? p->prev_exercise
								      : keep(p->a, name);
	/* The exercise note: Strong writes it once, Hevy on every row. */
	{
		const char *note = field(r, c, hevy ? H_EXERCISE_NOTES : K_NOTES);

		if (*note && s.name != p->prev_exercise)
			s.notes = keep_note(p->a, note);
	}
	p->prev_exercise = s.name;

	/* weight and its unit */
	int wcol = hevy ? (c->at[H_WEIGHT_KG] >= 0 ? H_WEIGHT_KG : H_WEIGHT_LB)
			: c->at[K_WEIGHT_KG] >= 0 ? K_WEIGHT_KG
			: c->at[K_WEIGHT_LB] >= 0 ? K_WEIGHT_LB : K_WEIGHT;
	const char *unit = wcol == H_WEIGHT_KG || wcol == K_WEIGHT_KG ? "kg"
			 : wcol == H_WEIGHT_LB || wcol == K_WEIGHT_LB ? "lb" : NULL;

	if ((rc = number_or_fail(p, &s.load, r, wcol, "weight")) < 0)
		return rc;
	if (!unit && c->at[K_WEIGHT_UNIT] >= 0) {
		const char *u = field(r, c, K_WEIGHT_UNIT);

		unit = !strcmp(u, "kg") ? "kg" : (!strcmp(u, "lbs") || !strcmp(u, "lb")) ? "lb"
									     : NULL;
		if (!unit && *u)
			return fail(p, r->line, "weight unit", u, "kg or lbs");
	}
	if (!unit)
		unit = p->units;
	if (s.load == 0)
		s.load = -1; /* bodyweight: 0, 0.0 or empty */
	if (s.load > 0 && !unit)
		return co_error_set(CO_EINPUT, "%s:%d: this Strong export does not say whether its "
				    "weights are kg or lb (give --units kg or --units lb)",
				    p->source, r->line);
	if (s.load > 0)
		snprintf(s.unit, sizeof(s.unit), "%s", unit);
	if ((rc = number_or_fail(p, &v, r, hevy ? H_REPS : K_REPS, "reps")) < 0)
		return rc;
	/* an absurd count (a fuzzer's 1e13) stays absurd for the importer's
	 * bounds to drop, without overflowing an int on the way */
	s.reps = v > 0 ? (v < 1e6 ? (int)(v + 0.5) : 1000000) : -1;
	if ((rc = number_or_fail(p, &v, r, hevy ? H_DURATION : K_SECONDS, "seconds")) < 0)
		return rc;
	s.seconds = v > 0 ? v : -1;
	if ((rc = number_or_fail(p, &s.rpe, r, hevy ? H_RPE : K_RPE, "rpe")) < 0)
		return rc;
	if (s.rpe == 0)
		s.rpe = -1;
	s.line = r->line;
	*CO_VEC_PUSH(p->sets, p->n_sets, p->cap_sets) = s;
	return CO_OK;
}

int co_lift_csv_parse(co_lift_log *out, const char *text, size_t len, const char *source,
		      const char *units)
{
	arena *a = co_xcalloc(1, sizeof(*a));
	parse p = {.log = out, .a = a, .source = source, .units = units};
	reader rd;
	record r = {0};
	int rc = CO_OK;

	memset(out, 0, sizeof(*out));
	out->owned = a;
	co_csv_reader_init(&rd, text, len, source, ',', MAX_FIELDS);
	rd.delim = p.delim = sniff_delim(rd.p, (size_t)(rd.end - rd.p));
	if ((rc = co_csv_next(&rd, &r)) <= 0) {
		if (rc == 0)
			rc = co_error_set(CO_EINPUT, "%s: empty file", source);
		goto done;
	}
	map_columns(&p.c, &r);
	if (!p.c.strong && !p.c.hevy) {
		rc = co_error_set(CO_EINPUT, "%s:1: not a Strong or Hevy export (only English "
				  "exports are read: the header must name 'Date', 'Exercise Name' "
				  "and 'Set Order', or 'title', 'start_time' and 'exercise_title')",
				  source);
		goto done;
	}
	if (p.c.hevy && !p.c.strong)
		out->dialect = "hevy";
	else if (p.c.at[K_WORKOUT_NO] >= 0)
		out->dialect = "strong-s3";
	else if (p.c.at[K_WEIGHT_UNIT] >= 0)
		out->dialect = p.c.at[K_RPE] >= 0 ? "strong-s2" : "strong-s4";
	else if (p.c.at[K_WEIGHT_LB] >= 0)
		out->dialect = "strong-s0";
	else
		out->dialect = "strong-s1";
	while ((rc = co_csv_next(&rd, &r)) > 0)
		if ((rc = read_row(&p, &r)) < 0)
			goto done;
	if (rc < 0)
		goto done;
	close_workout(&p);
done:
	co_csv_record_release(&r);
	co_strbuf_release(&p.rows);
	free(p.sets);
	if (rc < 0)
		co_lift_log_free(out);
	return rc;
}

void co_lift_log_free(co_lift_log *log)
{
	arena *a;

	if (!log)
		return;
	a = log->owned;
	if (a) {
		for (size_t i = 0; i < a->n; i++)
			free(a->p[i]);
		for (size_t i = 0; i < a->nb; i++)
			free(a->blocks[i]);
		free(a->p);
		free(a->blocks);
		free(a);
	}
	free(log->workouts);
	memset(log, 0, sizeof(*log));
}
