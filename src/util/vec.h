/*
 * Growable arrays, the way git's ALLOC_GROW does them: a pointer, a count
 * and a capacity that live in the caller's struct, grown by doubling. One
 * helper instead of a hand-written "alloc ? alloc * 2 : 16" at every site,
 * so the overflow check is written once.
 *
 *	co_run *runs = NULL; size_t n = 0, cap = 0;
 *	CO_VEC_GROW(runs, n + 1, cap);
 *	runs[n++] = r;
 *
 * or, for the common append, `*CO_VEC_PUSH(runs, n, cap) = r;`.
 * Allocation failure and size overflow abort, as co_xmalloc does: a planner
 * without memory has nothing useful left to do.
 */
#ifndef CO_UTIL_VEC_H
#define CO_UTIL_VEC_H

#include <stddef.h>
#include <string.h>

#include "util/strbuf.h" /* co_xrealloc */

/*
 * The capacity to grow to so that at least `need` elements of `elem_size`
 * bytes fit: double `cap` (from `first` when 0) until it does. Aborts when
 * need * elem_size would overflow size_t.
 */
size_t co_vec_next_cap(size_t cap, size_t need, size_t elem_size, size_t first);

/* Make room for `need` elements in `items` (capacity `cap`, updated). An expression. */
#define CO_VEC_GROW(items, need, cap)                                                  \
	((void)((size_t)(need) > (cap)                                                 \
			? ((cap) = co_vec_next_cap((cap), (need), sizeof(*(items)), 16), \
			   (items) = co_xrealloc((items), (cap) * sizeof(*(items))), 0)  \
			: 0))

/* Append one zeroed element and evaluate to its address; n grows by one. */
#define CO_VEC_PUSH(items, n, cap)                                                     \
	(CO_VEC_GROW(items, (n) + 1, cap),                                             \
	 memset(&(items)[(n)], 0, sizeof(*(items))), &(items)[(n)++])

#endif
