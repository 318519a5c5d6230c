/*
 * The benchmarks' clock and sort (timing.h), once for all of them, so the
 * figures of bench/status, analyze, report and plan_history are taken the
 * same way.
 */
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
