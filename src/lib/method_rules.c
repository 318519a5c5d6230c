/*
 * The rules of the method in the project's own words: docs/method.md,
 * embedded into the binary at build time (scripts/embed.cmake), read once
 * into a table of id, title and text. docs/method.md is the one source:
 * `carryover rules` prints what the page says, so the two cannot drift.
 *
 * A rule is a heading "### ID Title" (ID a section letter A-E and a
 * number) and the lines after it up to the next heading; blank lines at
 * either end are dropped, the rest is kept as written.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/check.h"
#include "util/embedded.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

static co_method_rule *rules;
static size_t n_rules;
static const char **ids; /* NULL-terminated, for suggestions */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The length of a rule id at `s` ("C10 ..."), or 0. */
static size_t id_len(const char *s, const char *end)
{
	size_t n = 1;

	if (s >= end || !strchr("ABCDE", *s) || !*s)
		return 0;
	while (s + n < end && isdigit((unsigned char)s[n]))
		n++;
	return n > 1 && n <= 3 && s + n < end && s[n] == ' ' ? n : 0;
}

static void finish(co_strbuf *text)
{
	char *t;
	size_t a = 0, b = text->len;

	if (!n_rules)
		return;
	while (a < b && (text->buf[a] == '\n' || text->buf[a] == ' '))
		a++;
	while (b > a && isspace((unsigned char)text->buf[b - 1]))
		b--;
	t = co_xstrndup(text->buf + a, b - a);
	rules[n_rules - 1].text = t;
	co_strbuf_release(text);
	co_strbuf_init(text);
}

static void load(void)
{
	const char *s = co_embedded_method, *end = s + co_embedded_method_len;
	size_t alloc = 0;
	bool in_rule = false;
	co_strbuf text;

	co_strbuf_init(&text);
	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		size_t n;

		if (!eol)
			eol = end;
		if (*s == '#') {
			if (in_rule)
				finish(&text);
			in_rule = false;
			if (eol - s > 4 && !strncmp(s, "### ", 4) && (n = id_len(s + 4, eol))) {
				co_method_rule *r = CO_VEC_PUSH(rules, n_rules, alloc);

				r->id = co_xstrndup(s + 4, n);
				r->title = co_xstrndup(s + 4 + n + 1, (size_t)(eol - (s + 4 + n + 1)));
				in_rule = true;
			}
		} else if (in_rule) {
			co_strbuf_add(&text, s, (size_t)(eol - s));
			co_strbuf_add(&text, "\n", 1);
		}
		s = eol + 1;
	}
	if (in_rule)
		finish(&text);
	co_strbuf_release(&text);
	ids = co_xcalloc(n_rules + 1, sizeof(*ids));
	for (size_t i = 0; i < n_rules; i++)
		ids[i] = rules[i].id;
}

const co_method_rule *co_method_rules(size_t *out_n)
{
	pthread_once(&once, load);
	if (out_n)
		*out_n = n_rules;
	return rules;
}

const co_method_rule *co_method_rule_find(const char *id)
{
	size_t n;
	const co_method_rule *r = co_method_rules(&n);

	for (size_t i = 0; id && i < n; i++)
		if (!strcasecmp(r[i].id, id))
			return &r[i];
	return NULL;
}

const char *co_method_rule_suggest(const char *typed)
{
	co_method_rules(NULL);
	return typed ? co_suggest_from(typed, ids) : NULL;
}
