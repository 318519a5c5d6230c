/*
 * Private to the engine: the small statistics the analysis needs
 * (src/lib/stats.c), on plain arrays. Deterministic: no random numbers,
 * so the same data always gives the same interval.
 *
 *   - Welch's t interval of a difference of two means, and the inverse
 *     variance pooling of several such differences (strata) with a
 *     Welch-Satterthwaite degree of freedom;
 *   - Student's t quantile (from the regularised incomplete beta);
 *   - the Theil-Sen slope with Sen's (1968) distribution-free interval.
 */
#ifndef CO_LIB_STATS_H
#define CO_LIB_STATS_H

#include <stdbool.h>
#include <stddef.h>

/** Mean and sample variance (n - 1) of x[0..n); variance 0 when n < 2. */
void co_stats_mean_var(const double *x, size_t n, double *mean, double *var);

/** Student's t distribution function at t with df > 0 degrees of freedom. */
double co_stats_t_cdf(double t, double df);

/** The p-quantile (0 < p < 1) of Student's t with df > 0 (df > 1e6: the normal's). */
double co_stats_t_quantile(double p, double df);

/** One group of a comparison. */
typedef struct co_stats_group {
	size_t n;
	double mean, var;
} co_stats_group;

/** A difference of means with its standard error, degrees of freedom and 95% interval. */
typedef struct co_stats_diff {
	double estimate, se, df, lo, hi;
} co_stats_diff;

/**
 * Welch: a.mean - b.mean, se^2 = a.var/a.n + b.var/b.n, Satterthwaite's df,
 * the 95% t interval. Both groups need n >= 2; false otherwise.
 */
bool co_stats_welch(co_stats_diff *out, const co_stats_group *a, const co_stats_group *b);

/**
 * Inverse-variance pooling of k differences (weights 1/se^2) with the
 * Satterthwaite df of the pooled variance; the 95% t interval. False when
 * k is 0 or a standard error is not positive.
 */
bool co_stats_pool(co_stats_diff *out, const co_stats_diff *d, size_t k);

/**
 * Theil-Sen slope of y on x (x distinct, n <= 600: the caller bounds it,
 * the pairs are n(n-1)/2) with Sen's 95% interval from Kendall's S
 * variance (ties ignored), interpolating between order statistics. False
 * when n < 3 or the interval's ranks fall outside the pairs.
 */
bool co_stats_theil_sen(double *slope, double *lo, double *hi, const double *x, const double *y,
			size_t n);

/** Median of x[0..n) (sorted in place); NaN when n is 0. */
double co_stats_median(double *x, size_t n);

#endif
