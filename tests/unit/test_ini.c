/*
 * util/ini.h: lines by number (no length limit, BOM on line 1 only, a last
 * line without '\n'), and each line split the way inih 55 splits it (the
 * expected values below are what inih's ini_parse_string gives for the same
 * line; the reader was checked against inih on millions of random lines
 * when it replaced it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/ini.h"

static void lines_are_numbered(void **state)
{
	char text[600];
	co_ini_reader r;
	co_ini_line ln;

	(void)state;
	memset(text, 'x', sizeof(text));
	memcpy(text, "\xEF\xBB\xBF[a]\r\n\n", 9);
	text[sizeof(text) - 6] = '\n';
	memcpy(text + sizeof(text) - 5, " k=v", 4);
	co_ini_reader_init(&r, text, sizeof(text) - 1);
	assert_int_equal(co_ini_next_line(&r, &ln), 1);
	assert_int_equal(ln.lineno, 1);
	assert_true(ln.bom);
	assert_int_equal(ln.raw_len, 4); /* "[a]\r": the '\r' is the line's */
	assert_memory_equal(ln.raw, "[a]\r", 4);
	assert_int_equal(co_ini_next_line(&r, &ln), 1);
	assert_int_equal(ln.lineno, 2);
	assert_int_equal(ln.raw_len, 0);
	assert_int_equal(co_ini_next_line(&r, &ln), 1);
	assert_int_equal(ln.lineno, 3);
	assert_int_equal(ln.raw_len, sizeof(text) - 6 - 9); /* long lines stay whole */
	assert_false(ln.bom);
	assert_int_equal(co_ini_next_line(&r, &ln), 1);
	assert_int_equal(ln.lineno, 4);
	assert_true(ln.indented);
	assert_int_equal(ln.raw_len, 4);
	assert_int_equal(co_ini_next_line(&r, &ln), 0);
	co_ini_reader_release(&r);
}

typedef struct split_case {
	const char *line;
	co_ini_kind kind;
	const char *a; /* section, or key */
	const char *b; /* value */
} split_case;

static void lines_split_as_inih_does(void **state)
{
	static const split_case cases[] = {
		{"", CO_INI_BLANK, NULL, NULL},
		{"   \t", CO_INI_BLANK, NULL, NULL},
		{"# note = x", CO_INI_BLANK, NULL, NULL},
		{"  ; note", CO_INI_BLANK, NULL, NULL},
		{"[id]", CO_INI_SECTION, "id", NULL},
		{"[ id ] trailing", CO_INI_SECTION, " id ", NULL},
		{"[a;b]", CO_INI_SECTION, "a;b", NULL},
		{"[a ;b]", CO_INI_BAD, NULL, NULL},
		{"[open", CO_INI_BAD, NULL, NULL},
		{"key = value", CO_INI_KEY, "key", "value"},
		{"key: value", CO_INI_KEY, "key", "value"},
		{"k = a = b", CO_INI_KEY, "k", "a = b"},
		{"k = a:b", CO_INI_KEY, "k", "a:b"},
		{"k:a=b", CO_INI_KEY, "k", "a=b"},
		{"k = v ; comment", CO_INI_KEY, "k", "v"},
		{"k = v;not a comment", CO_INI_KEY, "k", "v;not a comment"},
		{"k =; v", CO_INI_KEY, "k", "; v"},
		{"k = ;", CO_INI_KEY, "k", ""},
		{"= v", CO_INI_KEY, "", "v"},
		{"k ;= v", CO_INI_BAD, NULL, NULL},
		{"no separator", CO_INI_BAD, NULL, NULL},
		{"k = v \r", CO_INI_KEY, "k", "v"},
		{"\tk\f=\vv\t", CO_INI_KEY, "k", "v"},
	};
	co_ini_reader r;

	(void)state;
	co_ini_reader_init(&r, "", 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const split_case *c = &cases[i];
		co_ini_line ln = {0};

		co_ini_split(&r, &ln, c->line, strlen(c->line));
		if (ln.kind != c->kind)
			fail_msg("'%s': kind %d, expected %d", c->line, ln.kind, c->kind);
		if (c->kind == CO_INI_SECTION)
			assert_string_equal(ln.section, c->a);
		if (c->kind == CO_INI_KEY) {
			assert_string_equal(ln.key, c->a);
			assert_string_equal(ln.value, c->b);
		}
	}
	co_ini_reader_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_are_numbered),
		cmocka_unit_test(lines_split_as_inih_does),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
