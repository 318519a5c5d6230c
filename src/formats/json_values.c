/*
 * The value helpers and the dumping of the JSON format (json_int.h): one
 * way to write a string, a number or a date, and one way to turn a tree
 * into text, for every JSON document carryover writes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "formats/json_int.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* ---- writing: values ------------------------------------------------------ */

/*
 * A string; NULL gives null. jansson rejects invalid UTF-8, so when it does,
 * keep every valid sequence and replace each invalid byte with U+FFFD.
 */
json_t *co_json_str(const char *s)
{
	json_t *j;
	co_strbuf sb = CO_STRBUF_INIT;
	const unsigned char *p;
	size_t n, k;

	if (!s)
		return json_null();
	if ((j = json_string(s)))
		return j;
	p = (const unsigned char *)s;
	for (n = strlen(s); n; p += k, n -= k) {
		if ((k = co_utf8_len(p, n)) != 0) {
			co_strbuf_add(&sb, p, k);
		} else {
			co_strbuf_adds(&sb, "\xEF\xBF\xBD");
			k = 1;
		}
	}
	j = json_string(sb.buf);
	co_strbuf_release(&sb);
	return j;
}

/* A plan number: an integer when whole, else rounded to three decimals. */
json_t *co_json_num(double v)
{
	if (isfinite(v) && v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	if (!isfinite(v))
		return json_null();
	return json_real(round(v * 1000) / 1000);
}

/*
 * A measurement: an integer when whole, else rounded to `digits` significant
 * digits (and an integer if that makes it whole); null when not finite.
 */
json_t *co_json_sig(double v, int digits)
{
	char buf[40];

	if (!isfinite(v))
		return json_null();
	if (v != floor(v) || fabs(v) >= 1e15) {
		snprintf(buf, sizeof(buf), "%.*g", digits, v);
		v = strtod(buf, NULL);
	}
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* A measurement that cannot be negative: negative (CO_UNKNOWN) is null. */
json_t *co_json_amount(double v, int digits)
{
	return v < 0 ? json_null() : co_json_sig(v, digits);
}

/* A count or an integer field: negative (unknown) is null. */
json_t *co_json_count(long long v)
{
	return v < 0 ? json_null() : json_integer(v);
}

json_t *co_json_date(co_date d)
{
	char buf[11];

	return json_string(co_date_format(d, buf));
}

void co_json_set(json_t *obj, const char *key, json_t *value)
{
	json_object_set_new(obj, key, value ? value : json_null());
}

/* ---- writing: dumping ----------------------------------------------------- */

/*
 * jansson's dump callback: append to a co_strbuf, writing U+FFFD as \ufffd.
 * jansson only cuts its output between code points, so the three bytes of
 * U+FFFD are never split across calls.
 */
static int put_chunk(const char *buf, size_t size, void *data)
{
	co_strbuf *sb = data;
	const char *p = buf, *end = buf + size, *q;

	for (q = p; (q = memchr(q, '\xEF', (size_t)(end - q))) != NULL; ) {
		if (end - q >= 3 && q[1] == '\xBF' && q[2] == '\xBD') {
			co_strbuf_add(sb, p, (size_t)(q - p));
			co_strbuf_adds(sb, "\\ufffd");
			p = q += 3;
		} else {
			q++;
		}
	}
	co_strbuf_add(sb, p, (size_t)(end - p));
	return 0;
}

int co_json_dump_into(co_strbuf *sb, const json_t *j, size_t flags)
{
	return j ? json_dump_callback(j, put_chunk, sb, flags) : -1;
}

/* Dump `root` (a new reference, released here) and `tail` into *out (caller frees). */
int co_json_finish(char **out, json_t *root, size_t flags, const char *tail, const char *what)
{
	co_strbuf sb = CO_STRBUF_INIT;
	int rc = co_json_dump_into(&sb, root, flags);

	json_decref(root);
	*out = NULL;
	if (rc < 0) {
		co_strbuf_release(&sb);
		return co_error_set(CO_ENOMEM, "out of memory writing %s as JSON", what);
	}
	co_strbuf_adds(&sb, tail);
	*out = co_strbuf_detach(&sb);
	return 0;
}

/*
 * A list with one element per line, "[\n<indent>A,\n<indent>B\n]\n" ("[]\n"
 * when empty): people and line tools (grep, head, wc -l) read the exercise
 * and activity lists as well as parsers do. `items` is released here.
 */
int co_json_finish_lines(char **out, json_t *items, size_t flags, const char *indent,
			const char *what)
{
	co_strbuf sb = CO_STRBUF_INIT;
	size_t i, n = json_array_size(items);
	int rc = items ? 0 : -1;

	*out = NULL;
	co_strbuf_addch(&sb, '[');
	for (i = 0; i < n && rc == 0; i++) {
		co_strbuf_adds(&sb, i ? ",\n" : "\n");
		co_strbuf_adds(&sb, indent);
		rc = co_json_dump_into(&sb, json_array_get(items, i), flags);
	}
	json_decref(items);
	if (rc < 0) {
		co_strbuf_release(&sb);
		return co_error_set(CO_ENOMEM, "out of memory writing %s as JSON", what);
	}
	co_strbuf_adds(&sb, n ? "\n]\n" : "]\n");
	*out = co_strbuf_detach(&sb);
	return 0;
}
