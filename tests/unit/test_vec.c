/* util/vec.h: growth keeps contents, pushes zero, capacity doubles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "util/vec.h"

typedef struct pair { int a; double b; } pair;

static void test_push_keeps_and_zeroes(void **state)
{
	pair *v = NULL;
	size_t n = 0, cap = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		pair *p = CO_VEC_PUSH(v, n, cap);
		assert_int_equal(p->a, 0);
		assert_true(p->b == 0.0);
		p->a = i;
	}
	assert_int_equal(n, 1000);
	assert_true(cap >= 1000 && cap < 2048);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i].a, i);
	free(v);
}

static void test_grow_to_need(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	CO_VEC_GROW(v, 5, cap);
	assert_int_equal(cap, 16);
	CO_VEC_GROW(v, 16, cap);
	assert_int_equal(cap, 16);
	CO_VEC_GROW(v, 17, cap);
	assert_int_equal(cap, 32);
	CO_VEC_GROW(v, 1000, cap);
	assert_int_equal(cap, 1024);
	free(v);
	assert_int_equal(co_vec_next_cap(0, 3, 8, 0), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_push_keeps_and_zeroes),
		cmocka_unit_test(test_grow_to_need),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
