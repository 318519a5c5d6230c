/*
 * Dated runs from a CSV file: a header naming the columns, then one run a
 * row (docs/formats/calendar.md).
 *
 *   date,type,minutes,distance_km,rpe
 *   2027-01-05,intervals,60,12,8
 *   2027-01-10,long,120,,
 *
 * `date`, `type` and `minutes` are required, `distance_km` and `rpe`
 * optional, in any order. Fields follow RFC 4180 (double quotes, "" for a
 * quote inside, commas and newlines allowed inside quotes); unquoted fields
 * are trimmed. Blank lines and lines starting with '#' are skipped; a UTF-8
 * byte-order mark (spreadsheets write one) is ignored. The record reader
 * (co_csv_next, formats/csv_int.h) is also the lifting logs' (lifting_csv.c).
 *
 * Invariant: the calendar is touched only after every row has been read and
 * checked, so a bad row leaves it exactly as it was. Every error names the
 * file, the line and the field, and quotes what was there.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/calendar_io.h"
#include "carryover/error.h"
#include "formats/csv_int.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

#define MAX_FIELDS 32
#define MAX_MINUTES 600
#define MAX_DISTANCE_KM 500.0
#define HEADER_HINT "date,type,minutes[,distance_km][,rpe]"

enum column { COL_DATE, COL_TYPE, COL_MINUTES, COL_DISTANCE, COL_RPE, COL_COUNT };

static const char *const column_names[] = {
	"date", "type", "minutes", "distance_km", "rpe", NULL
};

typedef co_csv_reader reader;
typedef co_csv_record record;

static void record_clear(record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	r->n = 0;
}

void co_csv_record_release(co_csv_record *r)
{
	record_clear(r);
	free(r->fields);
	r->fields = NULL;
	r->cap = 0;
}

void co_csv_reader_init(co_csv_reader *rd, const char *text, size_t len, const char *source,
			char delim, size_t max_fields)
{
	rd->p = text;
	rd->end = text + len;
	rd->source = source;
	rd->line = 1;
	rd->delim = delim;
	rd->max_fields = max_fields;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		rd->p += 3;
}

static bool at_line_end(const reader *rd)
{
	return rd->p >= rd->end || *rd->p == '\n' || *rd->p == '\r';
}

static void skip_line_end(reader *rd)
{
	if (rd->p < rd->end && *rd->p == '\r')
		rd->p++;
	if (rd->p < rd->end && *rd->p == '\n')
		rd->p++;
	rd->line++;
}

/* Skip blank lines and '#' comments; false at the end of the text. */
static bool skip_to_record(reader *rd)
{
	while (rd->p < rd->end) {
		const char *q = rd->p;

		while (q < rd->end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < rd->end && *q == '#') {
			while (q < rd->end && *q != '\n' && *q != '\r')
				q++;
		}
		if (q < rd->end && *q != '\n' && *q != '\r')
			return true;
		rd->p = q;
		if (rd->p >= rd->end)
			break;
		skip_line_end(rd);
	}
	return false;
}

static char *trimmed_copy(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return co_xstrndup(s, n);
}

static void add_field(record *r, char *f)
{
	*CO_VEC_PUSH(r->fields, r->n, r->cap) = f;
}

/* Read one record (after skip_to_record said there is one). */
static int read_record(reader *rd, record *r)
{
	co_strbuf sb = CO_STRBUF_INIT;
	const char *start = rd->p;
	int rc = 0;

	r->line = rd->line;
	for (;;) {
		const char *q = rd->p;

		while (q < rd->end && (*q == ' ' || *q == '\t'))
			q++;
		if (r->n == rd->max_fields) {
			rc = co_error_set(CO_EINPUT, "%s:%d: more than %zu fields",
					  rd->source, r->line, rd->max_fields);
			goto done;
		}
		if (q < rd->end && *q == '"') {
			int start_line = rd->line;

			co_strbuf_reset(&sb);
			q++;
			for (;;) {
				if (q >= rd->end) {
					rc = co_error_set(CO_EINPUT, "%s:%d: unterminated quoted field",
							  rd->source, start_line);
					goto done;
				}
				if (*q == '"') {
					if (q + 1 < rd->end && q[1] == '"') {
						co_strbuf_addch(&sb, '"');
						q += 2;
						continue;
					}
					q++;
					break;
				}
				if (*q == '\n')
					rd->line++;
				if (*q == '\0') {
					rc = co_error_set(CO_EINPUT, "%s:%d: NUL byte in a field",
							  rd->source, rd->line);
					goto done;
				}
				co_strbuf_addch(&sb, *q++);
			}
			while (q < rd->end && (*q == ' ' || *q == '\t'))
				q++;
			rd->p = q;
			if (!at_line_end(rd) && *q != rd->delim) {
				rc = co_error_set(CO_EINPUT, "%s:%d: text after the closing quote of field %zu",
						  rd->source, rd->line, r->n + 1);
				goto done;
			}
			add_field(r, co_strbuf_detach(&sb));
		} else {
			const char *s = q;

			while (q < rd->end && *q != rd->delim && *q != '\n' && *q != '\r') {
				if (*q == '\0') {
					rc = co_error_set(CO_EINPUT, "%s:%d: NUL byte in a field",
							  rd->source, rd->line);
					goto done;
				}
				q++;
			}
			rd->p = q;
			add_field(r, trimmed_copy(s, (size_t)(q - s)));
		}
		if (at_line_end(rd)) {
			if (rd->p < rd->end)
				skip_line_end(rd);
			break;
		}
		rd->p++; /* the delimiter */
	}
	r->raw = start;
	r->raw_len = (size_t)(rd->p - start);
done:
	co_strbuf_release(&sb);
	return rc;
}

int co_csv_next(co_csv_reader *rd, co_csv_record *r)
{
	int rc;

	record_clear(r);
	if (!skip_to_record(rd))
		return 0;
	if ((rc = read_record(rd, r)) < 0) {
		record_clear(r);
		return rc;
	}
	return 1;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* A field as quoted in a message: at most 40 bytes, control characters made visible. */
static const char *shown(const char *s, char buf[96])
{
	size_t n = 0;

	for (; *s && n < 40; s++) {
		if (*s == '\n' || *s == '\r') {
			buf[n++] = '\\';
			buf[n++] = *s == '\n' ? 'n' : 'r';
		} else {
			buf[n++] = (unsigned char)*s < 0x20 ? '?' : *s;
		}
	}
	buf[n] = '\0';
	return buf;
}

static bool looks_like_date(const char *s)
{
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]);
}

static int read_header(const reader *rd, const record *r, int cols[COL_COUNT])
{
	char buf[96];

	for (int c = 0; c < COL_COUNT; c++)
		cols[c] = -1;
	if (r->n && looks_like_date(r->fields[0]))
		return co_error_set(CO_EINPUT, "%s:%d: missing header line '" HEADER_HINT "' "
				    "(the first line starts with '%s')",
				    rd->source, r->line, shown(r->fields[0], buf));
	for (size_t i = 0; i < r->n; i++) {
		char *name = r->fields[i];
		int c;

		lower(name);
		for (c = 0; c < COL_COUNT; c++)
			if (!strcmp(name, column_names[c]))
				break;
		if (c == COL_COUNT) {
			const char *near = *name ? co_suggest_from(name, column_names) : NULL;

			if (near)
				return co_error_set(CO_EINPUT, "%s:%d: unknown column '%s' "
						    "(did you mean '%s'?)", rd->source, r->line,
						    shown(name, buf), near);
			return co_error_set(CO_EINPUT, "%s:%d: unknown column '%s' (expected "
					    HEADER_HINT ")", rd->source, r->line, shown(name, buf));
		}
		if (cols[c] >= 0)
			return co_error_set(CO_EINPUT, "%s:%d: column '%s' appears twice",
					    rd->source, r->line, shown(name, buf));
		cols[c] = (int)i;
	}
	for (int c = 0; c <= COL_MINUTES; c++)
		if (cols[c] < 0)
			return co_error_set(CO_EINPUT, "%s:%d: the header has no '%s' column "
					    "(expected " HEADER_HINT ")",
					    rd->source, r->line, column_names[c]);
	return 0;
}

/* A whole number in [lo, hi], digits only. */
static bool parse_whole(const char *s, long lo, long hi, long *out)
{
	long v = 0;

	if (!*s)
		return false;
	for (const char *q = s; *q; q++) {
		if (!isdigit((unsigned char)*q))
			return false;
		v = v * 10 + (*q - '0');
		if (v > hi)
			return false;
	}
	if (v < lo)
		return false;
	*out = v;
	return true;
}

/* A plain decimal number: digits, at most one '.', no sign or exponent. */
static bool parse_decimal(const char *s, double *out)
{
	int digits = 0, dots = 0;

	for (const char *q = s; *q; q++) {
		if (isdigit((unsigned char)*q))
			digits++;
		else if (*q == '.' && !dots++)
			continue;
		else
			return false;
	}
	if (!digits)
		return false;
	*out = strtod(s, NULL);
	return true;
}

static int field_error(const reader *rd, const record *r, const char *field,
		       const char *expected, const char *got)
{
	char buf[96];

	return co_error_set(CO_EINPUT, "%s:%d: field '%s': expected %s, got '%s'",
			    rd->source, r->line, field, expected, shown(got, buf));
}

static int bad_type(const reader *rd, const record *r, const char *typed)
{
	const char *names[CO_RUN_TYPE_COUNT + 1];
	co_strbuf all = CO_STRBUF_INIT;
	const char *near;
	char buf[96];
	int rc;

	for (int t = 0; t < CO_RUN_TYPE_COUNT; t++) {
		names[t] = co_run_type_name((co_run_type)t);
		co_strbuf_addf(&all, "%s%s", t ? ", " : "", names[t]);
	}
	names[CO_RUN_TYPE_COUNT] = NULL;
	near = *typed ? co_suggest_from(typed, names) : NULL;
	if (near)
		rc = co_error_set(CO_EINPUT, "%s:%d: field 'type': unknown run type '%s' "
				  "(did you mean '%s'?)", rd->source, r->line, shown(typed, buf), near);
	else
		rc = co_error_set(CO_EINPUT, "%s:%d: field 'type': unknown run type '%s' "
				  "(expected one of %s)", rd->source, r->line, shown(typed, buf),
				  all.buf);
	co_strbuf_release(&all);
	return rc;
}

static int read_row(const reader *rd, const record *r, const int cols[COL_COUNT],
		    size_t n_cols, co_calendar *into)
{
	co_run run = {0};
	const char *f;
	long v;
	int t;

	if (r->n != n_cols)
		return co_error_set(CO_EINPUT, "%s:%d: %zu field%s, but the header has %zu",
				    rd->source, r->line, r->n, r->n == 1 ? "" : "s", n_cols);

	f = r->fields[cols[COL_DATE]];
	if (co_date_parse(&run.date, f) < 0)
		return field_error(rd, r, "date", "a date YYYY-MM-DD", f);

	lower(r->fields[cols[COL_TYPE]]);
	f = r->fields[cols[COL_TYPE]];
	t = co_run_type_from_name(f);
	if (t < 0)
		return bad_type(rd, r, f);
	run.type = (co_run_type)t;

	f = r->fields[cols[COL_MINUTES]];
	if (run.type == CO_RUN_REST) {
		if (*f && (!parse_whole(f, 0, 0, &v)))
			return field_error(rd, r, "minutes", "0 or nothing on a rest day", f);
		run.minutes = 0;
	} else {
		if (!parse_whole(f, 1, MAX_MINUTES, &v))
			return field_error(rd, r, "minutes", "a whole number of minutes 1-600", f);
		run.minutes = (int)v;
	}

	if (cols[COL_DISTANCE] >= 0 && *(f = r->fields[cols[COL_DISTANCE]])) {
		if (!parse_decimal(f, &run.distance_km) || run.distance_km > MAX_DISTANCE_KM)
			return field_error(rd, r, "distance_km", "a distance in km (0-500)", f);
	}
	if (cols[COL_RPE] >= 0 && *(f = r->fields[cols[COL_RPE]])) {
		if (!parse_whole(f, 1, 10, &v))
			return field_error(rd, r, "rpe", "a whole number 1-10", f);
		run.rpe = (int)v;
	}

	if (run.type == CO_RUN_RACE) {
		char date[11];
		char name[64];
		co_race race = {0};

		co_date_format(run.date, date);
		snprintf(name, sizeof(name), "race on %s", date);
		race.name = name;
		race.date = run.date;
		race.distance_km = run.distance_km;
		race.priority = CO_RACE_A;
		race.line = r->line;
		co_calendar_add_race(into, &race);
		if (run.distance_km <= 0)
			co_calendar_add_warning(into, "%s:%d: race on %s has no distance_km",
						rd->source, r->line, date);
		return 0;
	}
	co_calendar_add_run(into, &run);
	return 0;
}

/* Move everything `from` holds to the end of `to` (both initialised). */
static void calendar_append(co_calendar *to, const co_calendar *from)
{
	for (size_t i = 0; i < from->n_runs; i++)
		co_calendar_add_run(to, &from->runs[i]);
	for (size_t i = 0; i < from->n_races; i++)
		co_calendar_add_race(to, &from->races[i]);
	for (size_t i = 0; i < from->n_warnings; i++)
		co_calendar_add_warning(to, "%s", from->warnings[i]);
}

int co_calendar_read_csv(co_calendar *cal, const char *text, size_t len, const char *source)
{
	reader rd;
	record r = {0};
	co_calendar tmp;
	int cols[COL_COUNT];
	size_t n_cols = 0;
	int rc = 0;

	co_calendar_init(&tmp);
	co_csv_reader_init(&rd, text, len, source ? source : "<csv>", ',', MAX_FIELDS);
	if ((rc = co_csv_next(&rd, &r)) <= 0) {
		if (rc == 0)
			rc = co_error_set(CO_EINPUT, "%s: empty file (expected a header line '"
					  HEADER_HINT "')", rd.source);
		goto done;
	}
	if ((rc = read_header(&rd, &r, cols)) < 0)
		goto done;
	n_cols = r.n;

	while ((rc = co_csv_next(&rd, &r)) > 0)
		if ((rc = read_row(&rd, &r, cols, n_cols, &tmp)) < 0)
			goto done;
	if (rc < 0)
		goto done;
	calendar_append(cal, &tmp);
done:
	co_csv_record_release(&r);
	co_calendar_release(&tmp);
	return rc;
}
