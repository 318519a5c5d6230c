/*
 * The clock and the sort every timing benchmark uses: milliseconds on
 * CLOCK_MONOTONIC (wall time, not moved by clock changes), and a qsort
 * comparison of doubles to take the best and median of the repeats.
 */
#ifndef CO_BENCH_TIMING_H
#define CO_BENCH_TIMING_H

/* Now, in ms on CLOCK_MONOTONIC: only differences mean anything. */
double co_bench_now_ms(void);

/* qsort() comparison of two doubles, ascending. */
int co_bench_cmp_double(const void *a, const void *b);

/* What a benchmark reports of its repeats, in ms. */
typedef struct co_bench_times {
	double best, median, first; /* first: the cold run */
} co_bench_times;

/* The figures of the n (>= 1) times t[] in the order they were taken;
 * sorts t. */
co_bench_times co_bench_times_of(double *t, int n);

#endif
