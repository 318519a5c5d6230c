/*
 * The benchmarks' clock and sort (timing.h), once for all of them, so the
 * figures of bench/status, analyze, report and plan_history are taken the
 * same way.
 */
#include <stdlib.h>
#include <time.h>

#include "timing.h"

double co_bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

int co_bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

co_bench_times co_bench_times_of(double *t, int n)
{
	co_bench_times r = {.first = t[0]};

	qsort(t, (size_t)n, sizeof(*t), co_bench_cmp_double);
	r.best = t[0];
	r.median = t[n / 2];
	return r;
}
