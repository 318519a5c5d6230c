/*
 * Effort and load: the RPE chart, estimated one-rep maxes and plate
 * rounding (SCIENCE.md, "Effort and load estimation").
 *
 * Every load carryover prescribes goes through here:
 *   target = e1RM x pct(n),  n = reps + (10 - RPE)  (reps in reserve added),
 * rounded to the athlete's smallest plate or dumbbell step (METHOD D2).
 *
 * Invariants: co_rpe_percent() is monotone non-increasing in n and returns a
 * fraction in [0.572, 1.0]; co_e1rm() and co_rpe_percent() round-trip
 * (co_e1rm(e * pct, reps, rpe) == e); co_round_load() never returns less
 * than one step for a positive step.
 */
#include <math.h>
#include <stddef.h>

#include "lib/rpe.h"

/*
 * Tuchscherer's RPE chart (Reactive Training Systems), as SCIENCE.md lists
 * it: %1RM for n = 1, 1.5, 2, ... 16 in half steps, where n = reps + RIR and
 * RIR = 10 - RPE (Zourdos et al. 2016, JSCR). Each cell of the published
 * reps x RPE table depends only on n, so one row is the whole chart. It
 * matches OpenPowerlifting's fitted curve within 0.6 points.
 */
static const double rpe_chart[] = {
	100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, /* n = 1 .. 4.5 */
	86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4,  /* n = 5 .. 8.5 */
	76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7,  /* n = 9 .. 12.5 */
	65.3, 64.0, 62.6, 61.3, 59.9, 58.6, 57.2         /* n = 13 .. 16 */
};

#define CHART_CELLS (sizeof(rpe_chart) / sizeof(rpe_chart[0]))
#define CHART_N_MIN 1.0  /* SCIENCE.md: clamp n to [1, 16] */
#define CHART_N_MAX 16.0

/*
 * Reps above which Epley overestimates and Brzycki is used instead
 * (SCIENCE.md: Epley for r <= 10, Brzycki above), and the most reps either
 * formula is trusted with (Brzycki's denominator 37 - r vanishes at 37).
 */
#define EPLEY_MAX_REPS 10
#define FORMULA_MAX_REPS 30

double co_rpe_percent(int reps, double rpe)
{
	double n, pos;
	size_t i;

	if (reps < 1)
		reps = 1;
	if (isnan(rpe))
		rpe = 10.0;
	n = (double)reps + (10.0 - rpe);
	if (n < CHART_N_MIN)
		n = CHART_N_MIN;
	if (n > CHART_N_MAX)
		n = CHART_N_MAX;
	/* Half-step cells are exact; anything between (RPE 7.3) is linear. */
	pos = (n - CHART_N_MIN) * 2.0;
	i = (size_t)pos;
	if (i >= CHART_CELLS - 1)
		return rpe_chart[CHART_CELLS - 1] / 100.0;
	return (rpe_chart[i] + (rpe_chart[i + 1] - rpe_chart[i]) * (pos - (double)i)) / 100.0;
}

/*
 * With an RPE (> 0) the chart gives the e1RM. Without one (rpe <= 0, a set
 * logged with no effort rating) fall back to the classic rep formulas:
 * Epley w(1 + r/30) up to 10 reps, Brzycki 36w/(37 - r) above, reps capped
 * at 30. A single rep is its own 1RM either way.
 */
double co_e1rm(double load, int reps, double rpe)
{
	if (load <= 0)
		return 0;
	if (rpe > 0)
		return load / co_rpe_percent(reps, rpe);
	if (reps <= 1)
		return load;
	if (reps > FORMULA_MAX_REPS)
		reps = FORMULA_MAX_REPS;
	if (reps <= EPLEY_MAX_REPS)
		return load * (1.0 + reps / 30.0);
	return 36.0 * load / (37.0 - reps);
}

double co_round_load(double load, double step)
{
	double r;

	if (!(step > 0))
		return load;
	if (!(load > 0))
		return step;
	r = floor(load / step + 0.5) * step;
	/* Trim float noise so 82.5 prints as 82.5, not 82.49999999. */
	r = round(r * 1000.0) / 1000.0;
	return r < step ? step : r;
}

double co_rpe_implied(double e1rm, int reps, double load)
{
	double best = 10, best_d = INFINITY;

	for (double r = 5.0; r <= 10.0; r += 0.5) {
		double d = fabs(e1rm * co_rpe_percent(reps, r) - load);

		if (d < best_d) {
			best_d = d;
			best = r;
		}
	}
	return best;
}
