/*
 * UTF-8 well-formedness (src/util/utf8.c), the one check the profile
 * reader and the JSON writer share: each sequence's length, and the first
 * bad byte of a text, at the edges RFC 3629 draws.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/utf8.h"

static size_t len_of(const char *s, size_t n)
{
	return co_utf8_len((const unsigned char *)s, n);
}

static void test_sequences(void **state)
{
	(void)state;
	assert_int_equal(len_of("a", 1), 1);
	assert_int_equal(len_of("", 0), 0);
	assert_int_equal(len_of("\xc3\xa9", 2), 2);          /* é */
	assert_int_equal(len_of("\xe2\x82\xac", 3), 3);      /* € */
	assert_int_equal(len_of("\xf4\x8f\xbf\xbf", 4), 4);  /* U+10FFFF */
	assert_int_equal(len_of("\xe2\x82\xac", 2), 0);      /* cut short */
	assert_int_equal(len_of("\xc0\xaf", 2), 0);          /* overlong '/' */
	assert_int_equal(len_of("\xed\xa0\x80", 3), 0);      /* a surrogate */
	assert_int_equal(len_of("\xf4\x90\x80\x80", 4), 0);  /* above U+10FFFF */
	assert_int_equal(len_of("\xff", 1), 0);
	assert_int_equal(len_of("\xe2\x82x", 3), 0);         /* not a continuation */
}

static void test_first_bad(void **state)
{
	const unsigned char ok[] = "caf\xc3\xa9 \xe2\x82\xac";
	const unsigned char cut[] = "ab\xe2\x82";

	(void)state;
	assert_int_equal(co_utf8_first_bad(ok, sizeof(ok) - 1), sizeof(ok) - 1);
	assert_int_equal(co_utf8_first_bad(cut, sizeof(cut) - 1), 2);
	assert_int_equal(co_utf8_first_bad((const unsigned char *)"x\xc0\xafy", 4), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_first_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
