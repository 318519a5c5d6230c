/*
 * The small statistics of the analysis (stats.h): means and variances,
 * Student's t, Welch's interval and its inverse-variance pooling over
 * strata, the Theil-Sen slope with Sen's interval.
 *
 * Student's t comes from the regularised incomplete beta function by its
 * continued fraction (modified Lentz), as in every numerical library;
 * the quantile is found by bisection on the distribution function, 200
 * halvings at most, which is exact to the last bits for the few dozen
 * intervals an analysis asks for. Nothing here is random: a bootstrap
 * would need a seed and 2,000 resamples per interval, and Welch's interval
 * answers the same question in closed form (SCIENCE.md allows either).
 */
#include <math.h>
#include <stdlib.h>

#include "lib/stats.h"
#include "util/strbuf.h"

#define Z975 1.959963984540054 /* the normal's 0.975 quantile */

void co_stats_mean_var(const double *x, size_t n, double *mean, double *var)
{
	double m = 0, s = 0;

	for (size_t i = 0; i < n; i++)
		m += x[i];
	m = n ? m / (double)n : 0;
	for (size_t i = 0; i < n; i++)
		s += (x[i] - m) * (x[i] - m);
	*mean = m;
	*var = n > 1 ? s / (double)(n - 1) : 0;
}

/* The continued fraction of the incomplete beta (Lentz's method). */
static double betacf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap, h;

	d = fabs(d) < tiny ? tiny : d;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= 300; m++) {
		double m2 = 2.0 * m, aa = m * (b - m) * x / ((qam + m2) * (a + m2)), del;

		d = 1 + aa * d;
		d = fabs(d) < tiny ? tiny : d;
		c = 1 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		d = fabs(d) < tiny ? tiny : d;
		c = 1 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-15)
			break;
	}
	return h;
}

/* The regularised incomplete beta I_x(a, b). */
static double betai(double a, double b, double x)
{
	double bt;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	bt = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return bt * betacf(a, b, x) / a;
	return 1 - bt * betacf(b, a, 1 - x) / b;
}

double co_stats_t_cdf(double t, double df)
{
	double tail = 0.5 * betai(df / 2, 0.5, df / (df + t * t));

	return t >= 0 ? 1 - tail : tail;
}

double co_stats_t_quantile(double p, double df)
{
	double lo = 0, hi = 1, q = p > 0.5 ? p : 1 - p;

	if (!(p > 0 && p < 1) || !(df > 0))
		return NAN;
	if (p == 0.5)
		return 0;
	if (df > 1e6) { /* the normal: the same bisection on erfc */
		while (0.5 * erfc(-hi / M_SQRT2) < q)
			hi *= 2;
		for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
			double mid = (lo + hi) / 2;

			*(0.5 * erfc(-mid / M_SQRT2) < q ? &lo : &hi) = mid;
		}
	} else {
		while (co_stats_t_cdf(hi, df) < q && hi < 1e12)
			hi *= 2;
		for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
			double mid = (lo + hi) / 2;

			*(co_stats_t_cdf(mid, df) < q ? &lo : &hi) = mid;
		}
	}
	return p > 0.5 ? (lo + hi) / 2 : -(lo + hi) / 2;
}

static void interval(co_stats_diff *d)
{
	double t = co_stats_t_quantile(0.975, d->df);

	d->lo = d->estimate - t * d->se;
	d->hi = d->estimate + t * d->se;
}

bool co_stats_welch(co_stats_diff *out, const co_stats_group *a, const co_stats_group *b)
{
	double va, vb;

	if (a->n < 2 || b->n < 2)
		return false;
	va = a->var / (double)a->n;
	vb = b->var / (double)b->n;
	out->estimate = a->mean - b->mean;
	out->se = sqrt(va + vb);
	if (!(out->se > 0))
		return false;
	out->df = (va + vb) * (va + vb) /
		  (va * va / (double)(a->n - 1) + vb * vb / (double)(b->n - 1));
	interval(out);
	return true;
}

bool co_stats_pool(co_stats_diff *out, const co_stats_diff *d, size_t k)
{
	double w = 0, sum = 0, var, denom = 0;

	if (!k)
		return false;
	for (size_t i = 0; i < k; i++) {
		if (!(d[i].se > 0))
			return false;
		w += 1 / (d[i].se * d[i].se);
		sum += d[i].estimate / (d[i].se * d[i].se);
	}
	var = 1 / w;
	out->estimate = sum / w;
	out->se = sqrt(var);
	/* Satterthwaite: the pooled variance is sum (w_i/W)^2 se_i^2, each
	 * term carrying its own stratum's df */
	for (size_t i = 0; i < k; i++) {
		double term = var * var / (d[i].se * d[i].se); /* (w_i/W)^2 se_i^2 */

		denom += term * term / d[i].df;
	}
	out->df = denom > 0 ? var * var / denom : 1e9;
	interval(out);
	return true;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double co_stats_median(double *x, size_t n)
{
	if (!n)
		return NAN;
	qsort(x, n, sizeof(*x), cmp_double);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* The order statistic of 1-based rank r of sorted s[0..n), interpolated. */
static double rank_at(const double *s, size_t n, double r)
{
	double f = floor(r);
	size_t i = (size_t)f;

	if (i < 1)
		return s[0];
	if (i >= n)
		return s[n - 1];
	return s[i - 1] + (r - f) * (s[i] - s[i - 1]);
}

bool co_stats_theil_sen(double *slope, double *lo, double *hi, const double *x, const double *y,
			size_t n)
{
	size_t np = 0;
	double *s, c, m1, m2;

	*slope = *lo = *hi = NAN;
	if (n < 3)
		return false;
	s = co_xcalloc(n * (n - 1) / 2, sizeof(*s));
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (x[j] != x[i])
				s[np++] = (y[j] - y[i]) / (x[j] - x[i]);
	if (!np) {
		free(s);
		return false;
	}
	qsort(s, np, sizeof(*s), cmp_double);
	*slope = np % 2 ? s[np / 2] : (s[np / 2 - 1] + s[np / 2]) / 2;
	/* Sen 1968 (Gilbert 1987, 16.5): C = z * sqrt(var S), var S =
	 * n(n-1)(2n+5)/18; the bounds are the slopes of rank (N - C)/2 and
	 * (N + C)/2 + 1 */
	c = Z975 * sqrt((double)n * (double)(n - 1) * (2.0 * (double)n + 5) / 18);
	m1 = ((double)np - c) / 2;
	m2 = ((double)np + c) / 2 + 1;
	if (m1 >= 1 && m2 <= (double)np) {
		*lo = rank_at(s, np, m1);
		*hi = rank_at(s, np, m2);
	}
	free(s);
	return true;
}
