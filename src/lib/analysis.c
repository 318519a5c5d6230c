/*
 * Running markers from imported runs (METHOD D6, D8): VDOT and training
 * paces, Riegel, efficiency factor and decoupling, and the type of a run
 * guessed from its structure.
 *
 * The run-type guess works on a 30-second smoothed speed trace built from
 * the sample stream (at most 1 Hz, see activity.h). The runner's own easy
 * speed is the 25th percentile of that trace while moving; stretches well
 * above it are efforts. Several short efforts make intervals, one long
 * effort a tempo (or threshold, when it sits at the athlete's known
 * threshold pace), and a long steady run is a long run. The thresholds are
 * coaching conventions, named below, not fitted constants.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analysis.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* Daniels' oxygen cost and time-fraction curves, as GoldenCheetah and
 * Runalyze code them (SCIENCE.md "VDOT"). v in m/min, t in minutes. */
static double oxygen_cost(double v)
{
	return -4.60 + 0.182258 * v + 0.000104 * v * v;
}

static double fraction_sustained(double t)
{
	return 0.8 + 0.1894393 * exp(-0.012778 * t) + 0.2989558 * exp(-0.1932605 * t);
}

double co_vdot(double metres, double seconds)
{
	double t = seconds / 60.0;

	/* The curves were fitted to races from 1500 m to the marathon; keep to
	 * efforts a runner could race (3.5 min to 6 h, faster than 100 m/min). */
	if (metres < 1500 || t < 3.5 || t > 360)
		return 0;
	if (metres / t < 100)
		return 0;
	return oxygen_cost(metres / t) / fraction_sustained(t);
}

double co_vdot_velocity(double vdot)
{
	if (vdot <= 0)
		return 0;
	return 29.54 + 5.000663 * vdot - 0.007546 * vdot * vdot;
}

/* Seconds per km at `frac` of vVDOT. */
static double pace_at(double vdot, double frac)
{
	double v = co_vdot_velocity(vdot) * frac;
	return v > 0 ? 60000.0 / v : 0;
}

/* Fractions of vVDOT for each training pace (SCIENCE.md: easy 0.72,
 * marathon 0.85, threshold 0.90, interval 0.98, repetition 1.05). */
#define FRAC_EASY 0.72
#define FRAC_MARATHON 0.85
#define FRAC_THRESHOLD 0.90
#define FRAC_INTERVAL 0.98
#define FRAC_REPETITION 1.05

void co_training_paces(co_paces *out, double vdot)
{
	memset(out, 0, sizeof(*out));
	if (vdot <= 0)
		return;
	out->easy = pace_at(vdot, FRAC_EASY);
	out->marathon = pace_at(vdot, FRAC_MARATHON);
	out->threshold = pace_at(vdot, FRAC_THRESHOLD);
	out->interval = pace_at(vdot, FRAC_INTERVAL);
	out->repetition = pace_at(vdot, FRAC_REPETITION);
}

/* The VDOT whose threshold pace is `pace` s/km: invert the velocity curve. */
static double vdot_from_threshold_pace(double pace)
{
	double vv = 60000.0 / pace / FRAC_THRESHOLD;
	/* 0.007546 x^2 - 5.000663 x + (vv - 29.54) = 0, smaller root */
	double a = 0.007546, b = -5.000663, c = vv - 29.54;
	double disc = b * b - 4 * a * c;

	if (disc < 0)
		return 0;
	return (-b - sqrt(disc)) / (2 * a);
}

double co_riegel(double t1, double d1, double d2)
{
	if (t1 <= 0 || d1 <= 0 || d2 <= 0)
		return 0;
	return t1 * pow(d2 / d1, 1.06);
}

/* Gaps longer than this between samples are pauses, not running. */
#define MAX_SAMPLE_GAP 10.0

static double sample_dt(const co_activity *act, size_t i)
{
	double dt;

	if (i + 1 >= act->nsamples)
		return act->sample_stride ? act->sample_stride : 1;
	dt = (double)act->samples[i + 1].t - (double)act->samples[i].t;
	return dt > MAX_SAMPLE_GAP ? 0 : dt;
}

typedef struct ef_acc {
	double secs, speed_sum, hr_sum;
} ef_acc;

static void ef_add(ef_acc *a, double speed_mmin, double hr, double dt)
{
	a->secs += dt;
	a->speed_sum += speed_mmin * dt;
	a->hr_sum += hr * dt;
}

static double ef_value(const ef_acc *a)
{
	if (a->secs <= 0 || a->hr_sum <= 0)
		return 0;
	return (a->speed_sum / a->secs) / (a->hr_sum / a->secs);
}

/* Samples usable for EF: heart rate and speed both present, moving. */
static bool ef_sample(const co_sample *s, double *speed_mmin)
{
	double v = co_sample_speed(s);

	if (!s->hr || v < 0.5)
		return false;
	*speed_mmin = v * 60.0;
	return true;
}

/* EF needs at least 10 minutes of samples with both speed and HR. */
#define EF_MIN_SECONDS 600.0

double co_efficiency_factor(const co_activity *act, double warmup_s)
{
	ef_acc acc = {0};
	double v;

	for (size_t i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];
		if (s->t < warmup_s || !ef_sample(s, &v))
			continue;
		ef_add(&acc, v, s->hr, sample_dt(act, i));
	}
	return acc.secs >= EF_MIN_SECONDS ? ef_value(&acc) : 0;
}

double co_decoupling(const co_activity *act, double warmup_s, bool *ok)
{
	ef_acc all = {0}, first = {0}, second = {0};
	double v, half, seen = 0;

	*ok = false;
	for (size_t i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];
		if (s->t >= warmup_s && ef_sample(s, &v))
			ef_add(&all, v, s->hr, sample_dt(act, i));
	}
	if (all.secs < 2 * EF_MIN_SECONDS)
		return 0;
	half = all.secs / 2;
	for (size_t i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];
		double dt;
		if (s->t < warmup_s || !ef_sample(s, &v))
			continue;
		dt = sample_dt(act, i);
		ef_add(seen < half ? &first : &second, v, s->hr, dt);
		seen += dt;
	}
	if (ef_value(&first) <= 0 || ef_value(&second) <= 0)
		return 0;
	*ok = true;
	return 1.0 - ef_value(&second) / ef_value(&first);
}

/* --- run type ------------------------------------------------------------ */

/* Coaching conventions for reading a run's structure. */
#define SMOOTH_SECONDS 30      /* speed trace smoothing window */
#define MOVING_SPEED 1.5       /* m/s: slower is walking or standing */
#define EFFORT_RATIO 1.12      /* an effort is >= 12% faster than easy speed */
#define REP_MIN_SECONDS 30     /* interval reps last 30 s ... */
#define REP_MAX_SECONDS 480    /* ... to 8 min */
#define MIN_REPS 4             /* at least 4 reps make an interval session */
#define TEMPO_MIN_SECONDS 900  /* a tempo holds an effort 15 min or more */
#define LONG_RUN_SECONDS 5400  /* 90 min or more is a long run */
#define MERGE_GAP_SECONDS 20   /* dips shorter than this do not end an effort */
#define THRESHOLD_BAND_LO 0.97 /* within -3% ... */
#define THRESHOLD_BAND_HI 1.05 /* ... +5% of threshold speed is "at threshold" */
#define HR_LAG_SECONDS 60      /* heart rate peaks up to a minute after a rep */
#define HR_RESPONSE_BPM 8      /* a real effort lifts heart rate this far above easy running */
#define MAX_WORKOUT_SECONDS 7200 /* interval and tempo sessions stay under 2 h */
/*
 * Cruise intervals (Daniels): 3-6 reps of 5-10 min at threshold pace with
 * recoveries of about a fifth of the rep. The bounds leave room for the
 * 30 s smoothing blurring a rep's edges.
 */
#define CRUISE_MIN_SECONDS 270  /* a cruise rep lasts 5 min ... */
#define CRUISE_MAX_SECONDS 660  /* ... to 10 min */
#define CRUISE_MIN_REPS 3
#define CRUISE_MAX_GAP_RATIO 0.5 /* recovery at most half the rep: longer is VO2max work */
#define CRUISE_PACE_SPREAD 0.05  /* reps within 5% of their mean speed: an even pace */

/*
 * The k-th smallest of v[0..n) (Hoare's selection, expected linear time; v
 * is reordered). Sorting the whole trace for one percentile was 7% of an
 * import.
 */
static double select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;

		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

typedef struct effort {
	double start, end;  /* seconds since the activity start */
	double metres;      /* distance covered in it */
} effort;

/*
 * Smoothed speed per sample (m/s, < 0 when unknown): the distance covered
 * over the surrounding SMOOTH_SECONDS when the stream has distance, else the
 * mean of the instantaneous speeds.
 */
static double *smoothed_speed(const co_activity *act)
{
	size_t n = act->nsamples, lo = 0, hi = 0;
	double *out = co_xmalloc(n * sizeof(*out));
	double sum = 0;
	size_t cnt = 0;

	for (size_t i = 0; i < n; i++) {
		double t = act->samples[i].t;
		while (hi < n && act->samples[hi].t <= t + SMOOTH_SECONDS / 2) {
			double v = co_sample_speed(&act->samples[hi]);
			if (v >= 0) {
				sum += v;
				cnt++;
			}
			hi++;
		}
		while (lo < hi && act->samples[lo].t < t - SMOOTH_SECONDS / 2) {
			double v = co_sample_speed(&act->samples[lo]);
			if (v >= 0) {
				sum -= v;
				cnt--;
			}
			lo++;
		}
		out[i] = cnt ? sum / (double)cnt : -1;
		/* Prefer distance over the window where both ends have it. */
		const co_sample *a = &act->samples[lo], *b = &act->samples[hi - 1];
		if (hi - 1 > lo && a->distance >= 0 && b->distance >= 0 && b->t > a->t)
			out[i] = (b->distance - a->distance) / (double)(b->t - a->t);
	}
	return out;
}

/* Contiguous stretches faster than `limit`, with short dips merged. */
static size_t find_efforts(effort **out, const co_activity *act, const double *speed,
			   double limit)
{
	effort *list = NULL;
	size_t n = 0, alloc = 0;
	bool in = false;
	double start = 0, last_fast = 0, d0 = -1, d_last = -1;

	for (size_t i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];
		bool fast = speed[i] >= limit;
		if (fast) {
			if (!in) {
				in = true;
				start = s->t;
				d0 = s->distance;
			}
			last_fast = s->t;
			d_last = s->distance;
		}
		if (in && (!fast && s->t - last_fast > MERGE_GAP_SECONDS)) {
			in = false;
			*CO_VEC_PUSH(list, n, alloc) = (effort){start, last_fast,
					     d0 >= 0 && d_last >= 0 ? d_last - d0 : -1};
		}
	}
	if (in) {
		*CO_VEC_PUSH(list, n, alloc) = (effort){start, last_fast,
							d0 >= 0 && d_last >= 0 ? d_last - d0 : -1};
	}
	*out = list;
	return n;
}

/*
 * Faster stretches are only efforts if the heart answered them: on a hilly
 * easy run the downhills are fast too, at an easy heart rate. Compares the
 * mean of each effort's peak heart rate (over the effort and the minute
 * after it) with the median heart rate outside any effort. True when the
 * run has no heart rate to judge by.
 */
static bool hr_responds(const co_activity *act, const effort *e, size_t n)
{
	uint8_t *easy = co_xmalloc(act->nsamples ? act->nsamples : 1);
	size_t n_easy = 0, k = 0, counted = 0;
	double peak_sum = 0;
	bool ok = true;

	for (size_t i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];
		while (k < n && e[k].end + HR_LAG_SECONDS < s->t)
			k++;
		if (s->hr && (k >= n || s->t < e[k].start))
			easy[n_easy++] = s->hr;
	}
	for (size_t j = 0, i0 = 0; j < n; j++) {
		uint8_t peak = 0;

		/* efforts are in time order: each window starts at or after the last */
		while (i0 < act->nsamples && act->samples[i0].t < e[j].start)
			i0++;
		for (size_t i = i0; i < act->nsamples &&
				    act->samples[i].t <= e[j].end + HR_LAG_SECONDS; i++)
			if (act->samples[i].hr > peak)
				peak = act->samples[i].hr;
		if (peak) {
			peak_sum += peak;
			counted++;
		}
	}
	if (n_easy >= 60 && counted) {
		/* median of the easy heart rates by counting sort */
		size_t hist[256] = {0}, seen = 0;
		unsigned median = 0;

		for (size_t i = 0; i < n_easy; i++)
			hist[easy[i]]++;
		while (seen * 2 < n_easy)
			seen += hist[median++];
		ok = peak_sum / (double)counted >= (double)(median - 1) + HR_RESPONSE_BPM;
	}
	free(easy);
	return ok;
}

/*
 * The threshold pace held over cruise intervals, 0 when the efforts are not
 * cruise intervals: at least CRUISE_MIN_REPS consecutive efforts of 5-10
 * minutes (no other effort between them), each recovery at most half the
 * rep before it, all reps at an even speed. The pace is the reps' total
 * time over their total distance (the recoveries do not count).
 */
static double cruise_pace(const effort *e, size_t n)
{
	size_t first = n, count = 0;
	double secs = 0, metres = 0;

	for (size_t i = 0; i < n; i++) {
		double len = e[i].end - e[i].start;
		bool cruise = len >= CRUISE_MIN_SECONDS && len <= CRUISE_MAX_SECONDS &&
			      e[i].metres > 0;

		if (len < REP_MIN_SECONDS)
			continue; /* a blip inside a recovery, not an effort */
		if (!cruise || (count && e[i].start - e[i - 1].end >
						 CRUISE_MAX_GAP_RATIO * (e[i - 1].end - e[i - 1].start))) {
			if (count >= CRUISE_MIN_REPS)
				break;
			count = 0;
			secs = metres = 0;
			if (!cruise)
				continue;
		}
		if (!count)
			first = i;
		count++;
		secs += len;
		metres += e[i].metres;
	}
	if (count < CRUISE_MIN_REPS)
		return 0;
	double mean = metres / secs;
	for (size_t i = first; i < first + count; i++) {
		double v = e[i].metres / (e[i].end - e[i].start);
		if (fabs(v / mean - 1.0) > CRUISE_PACE_SPREAD)
			return 0;
	}
	return secs / (metres / 1000.0);
}

static double run_duration(const co_activity *act)
{
	if (act->moving > 0)
		return act->moving;
	if (act->elapsed > 0)
		return act->elapsed;
	return act->nsamples ? act->samples[act->nsamples - 1].t : 0;
}

void co_run_analyse(co_run_markers *out, const co_activity *act, double threshold_pace)
{
	double duration = run_duration(act);
	double *speed = NULL, *moving = NULL, easy_speed, cruise;
	effort *efforts = NULL;
	size_t n_moving = 0, n_efforts, reps = 0;
	const effort *longest = NULL;

	memset(out, 0, sizeof(*out));
	out->type = CO_RUN_EASY;
	out->reason = "steady running with no sustained harder block";

	if (act->sport != CO_SPORT_RUNNING) {
		out->type = CO_RUN_CROSS;
		out->reason = "not a run";
		return;
	}
	if (act->nsamples >= 60) {
		speed = smoothed_speed(act);
		moving = co_xmalloc(act->nsamples * sizeof(*moving));
		for (size_t i = 0; i < act->nsamples; i++)
			if (speed[i] >= MOVING_SPEED)
				moving[n_moving++] = speed[i];
	}
	if (n_moving >= 60) {
		easy_speed = select_kth(moving, n_moving, n_moving / 4);
		n_efforts = find_efforts(&efforts, act, speed, easy_speed * EFFORT_RATIO);
		for (size_t i = 0; i < n_efforts; i++) {
			double len = efforts[i].end - efforts[i].start;
			if (len >= REP_MIN_SECONDS && len <= REP_MAX_SECONDS)
				reps++;
			if (!longest || len > longest->end - longest->start)
				longest = &efforts[i];
		}
		if (duration >= MAX_WORKOUT_SECONDS) {
			/* over 2 h it is a long run, whatever its pace changes */
		} else if (!hr_responds(act, efforts, n_efforts)) {
			out->reason = "faster stretches without a heart-rate response (terrain, not efforts)";
		} else if ((cruise = cruise_pace(efforts, n_efforts)) > 0) {
			/* Reps of 5-10 min: past the 8-min interval bound, short of a tempo. */
			out->type = CO_RUN_THRESHOLD;
			out->reason = "cruise intervals: three or more even reps of 5-10 minutes with short recoveries";
			if (threshold_pace > 0 && threshold_pace / cruise > THRESHOLD_BAND_HI) {
				/* far faster than the known threshold: VO2max reps */
				out->type = CO_RUN_INTERVALS;
				out->reason = "three or more reps of 5-10 minutes well above threshold pace";
			} else {
				out->threshold_pace = cruise;
				out->threshold_vdot = vdot_from_threshold_pace(cruise);
			}
		} else if (reps >= MIN_REPS) {
			out->type = CO_RUN_INTERVALS;
			out->reason = "four or more short efforts well above easy pace";
		} else if (longest && longest->end - longest->start >= TEMPO_MIN_SECONDS &&
			   longest->metres > 0) {
			double pace = (longest->end - longest->start) / (longest->metres / 1000.0);
			out->type = CO_RUN_TEMPO;
			out->reason = "a sustained effort of 15 minutes or more above easy pace";
			if (threshold_pace > 0) {
				double ratio = threshold_pace / pace; /* speed relative to threshold speed */
				if (ratio >= THRESHOLD_BAND_LO && ratio <= THRESHOLD_BAND_HI) {
					out->type = CO_RUN_THRESHOLD;
					out->reason = "a sustained effort at threshold pace";
				}
			}
			out->threshold_pace = pace;
			out->threshold_vdot = vdot_from_threshold_pace(pace);
		}
	}
	if (out->type == CO_RUN_EASY && duration >= LONG_RUN_SECONDS) {
		out->type = CO_RUN_LONG;
		out->reason = "90 minutes or more of steady running";
	}
	if (out->type == CO_RUN_EASY || out->type == CO_RUN_LONG) {
		out->ef = co_efficiency_factor(act, 600);
		out->decoupling = co_decoupling(act, 600, &out->has_decoupling);
	}
	free(efforts);
	free(moving);
	free(speed);
}
