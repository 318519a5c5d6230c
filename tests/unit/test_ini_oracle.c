/*
 * util/ini.c against inih itself (libinih, the library the profile and
 * catalogue formats were defined with): seeded random lines over the
 * characters that matter to INI (separators, comment marks, brackets,
 * whitespace) must split the same way in both. inih is only the oracle
 * here: carryover reads its files with util/ini.c, which numbers every line
 * and never cuts one at 200 bytes as Debian's inih build does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/ini.h"

typedef struct call {
	char section[256], name[256], value[256];
} call;

typedef struct calls {
	call c[4];
	int n;
} calls;

static int record(void *user, const char *section, const char *name, const char *value)
{
	calls *cs = user;

	if (cs->n < 4) {
		snprintf(cs->c[cs->n].section, sizeof(cs->c[0].section), "%s", section);
		snprintf(cs->c[cs->n].name, sizeof(cs->c[0].name), "%s", name);
		snprintf(cs->c[cs->n].value, sizeof(cs->c[0].value), "%s", value);
	}
	cs->n++;
	return 1;
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

static void random_line(char *out, size_t cap)
{
	static const char alphabet[] = " \t=:;#[]abk\r\f\v";
	size_t n = next() % 40;

	if (n >= cap)
		n = cap - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = alphabet[next() % (sizeof(alphabet) - 1)];
	out[n] = '\0';
}

static void same_as_inih(void **state)
{
	co_ini_reader r;
	char line[64], text[128];
	int checked = 0;

	(void)state;
	co_ini_reader_init(&r, "", 0);
	for (int i = 0; i < 200000; i++) {
		calls cs = {0};
		co_ini_line ln = {0};
		int err;

		random_line(line, sizeof(line));
		/* A known key after the line shows inih's section and errors. */
		snprintf(text, sizeof(text), "%s\nzz=1\n", line);
		err = ini_parse_string(text, record, &cs);
		co_ini_split(&r, &ln, line, strlen(line));
		switch (ln.kind) {
		case CO_INI_BAD:
			if (err != 1)
				fail_msg("'%s': we say bad, inih says error %d", line, err);
			break;
		case CO_INI_BLANK:
			if (err != 0 || cs.n != 1 || cs.c[0].section[0])
				fail_msg("'%s': we say blank, inih: error %d, %d calls", line, err, cs.n);
			break;
		case CO_INI_SECTION:
			if (err != 0 || cs.n != 1 || strcmp(cs.c[0].section, ln.section))
				fail_msg("'%s': we say section '%s', inih '%s' (error %d)", line, ln.section,
					 cs.n ? cs.c[0].section : "", err);
			break;
		case CO_INI_KEY:
			if (err != 0 || cs.n != 2 || strcmp(cs.c[0].name, ln.key) ||
			    strcmp(cs.c[0].value, ln.value))
				fail_msg("'%s': we say '%s' = '%s', inih '%s' = '%s' (error %d)", line,
					 ln.key, ln.value, cs.n ? cs.c[0].name : "",
					 cs.n ? cs.c[0].value : "", err);
			break;
		}
		checked++;
	}
	co_ini_reader_release(&r);
	assert_int_equal(checked, 200000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_inih),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
