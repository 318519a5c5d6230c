/*
 * Dates as the engine sorts and searches them (include/carryover/date.h):
 * co_date_cmp() orders for qsort(), co_date_lower() finds the first date
 * on or after a day in a sorted array, which the adaptation's and the
 * progression's lookups by week rely on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "carryover/date.h"

static void sorts_and_finds(void **state)
{
	co_date v[] = {20820, 20810, 20815, 20810, 20830};
	size_t n = sizeof(v) / sizeof(v[0]);

	(void)state;
	qsort(v, n, sizeof(v[0]), co_date_cmp);
	for (size_t i = 1; i < n; i++)
		assert_true(v[i - 1] <= v[i]);
	assert_int_equal(co_date_lower(v, n, 20800), 0);  /* before all */
	assert_int_equal(co_date_lower(v, n, 20810), 0);  /* the first of equals */
	assert_int_equal(co_date_lower(v, n, 20811), 2);  /* between */
	assert_int_equal(co_date_lower(v, n, 20830), 4);
	assert_int_equal(co_date_lower(v, n, 20831), n);  /* after all */
	assert_int_equal(co_date_lower(NULL, 0, 20831), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sorts_and_finds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
