/*
 * The growth policy behind CO_VEC_GROW (util/vec.h): doubling, with the
 * overflow check every hand-written copy used to need.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/vec.h"

size_t co_vec_next_cap(size_t cap, size_t need, size_t elem_size, size_t first)
{
	size_t n = cap ? cap : (first ? first : 1);

	while (n < need) {
		if (n > SIZE_MAX / 2)
			goto overflow;
		n *= 2;
	}
	if (elem_size && n > SIZE_MAX / elem_size)
		goto overflow;
	return n;
overflow:
	fprintf(stderr, "carryover: array of %zu elements of %zu bytes is too large\n", need,
		elem_size);
	abort();
}
