/*
 * What the files of the JSON format share: json.c (the plan, the
 * catalogue, reading plans), json_activity.c (imported activities and the
 * import summary), json_report.c (check, profile check, athletes) and
 * json_values.c (these helpers). They are the only files that include
 * jansson (tests/layering/check.sh).
 *
 * Writing builds a jansson tree in a fixed key order and dumps it, so the
 * same input always gives the same bytes. Strings that are not valid UTF-8
 * have each invalid byte replaced by U+FFFD (written as \ufffd) rather
 * than failing; whole numbers are written as integers; other numbers are
 * rounded before they reach jansson.
 */
#ifndef CO_FORMATS_JSON_INT_H
#define CO_FORMATS_JSON_INT_H

#include <jansson.h>
#include <stddef.h>

#include "carryover/date.h"
#include "util/strbuf.h"

/* Documents for people and parsers: two-space indented, one member a line. */
#define CO_JSON_DOC_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12))
/* One element a line (co_json_finish_lines): ", " and ": " between members. */
#define CO_JSON_LINE_FLAGS (JSON_PRESERVE_ORDER)
/* Plans: indented for people, reals to 12 significant digits (after jnum's rounding). */
#define PLAN_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12))
/* Catalogue entries: one line each, ", " and ": " between members. */
#define EXERCISE_FLAGS (JSON_PRESERVE_ORDER)
/*
 * Activity documents: compact. 15 digits (DBL_DIG) print a real parsed from
 * a decimal of up to 15 digits as that decimal again, so values rounded by
 * jsig and values read back from stored JSON come out as they went in.
 */
#define ACTIVITY_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* A string; NULL gives null; invalid UTF-8 bytes become U+FFFD. */
json_t *co_json_str(const char *s);
/* A plan number: an integer when whole, else rounded to three decimals; null when not finite. */
json_t *co_json_num(double v);
/* `v` rounded to `digits` significant digits (activities). */
json_t *co_json_sig(double v, int digits);
/* co_json_sig, or null when v < 0 (unknown). */
json_t *co_json_amount(double v, int digits);
/* An integer, or null when v < 0 (unknown). */
json_t *co_json_count(long long v);
/* "YYYY-MM-DD". */
json_t *co_json_date(co_date d);
/* obj[key] = value (NULL: null), taking the reference. */
void co_json_set(json_t *obj, const char *key, json_t *value);

/* A race {name, date, distance_km, priority}, as the plan and profile check write it (json.c). */
struct co_race;
json_t *co_json_race(const struct co_race *r);

/* Dump `j` into `sb` with `flags`; -1 when out of memory. */
int co_json_dump_into(co_strbuf *sb, const json_t *j, size_t flags);
/* Dump `root` (released here) and `tail` into *out (caller frees); `what` names it in errors. */
int co_json_finish(char **out, json_t *root, size_t flags, const char *tail, const char *what);
/*
 * A list with one element per line, "[\n<indent>A,\n<indent>B\n]\n" ("[]\n"
 * when empty): people and line tools read it as well as parsers do.
 * `items` is released here.
 */
int co_json_finish_lines(char **out, json_t *items, size_t flags, const char *indent,
			 const char *what);

#endif
