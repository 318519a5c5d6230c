/*
 * plan: how fast the planner builds season plans (issue 3).
 *
 *   plan [-n RUNS] [-p PROFILES] [-s SEED]
 *
 * Two measures, each printed as one line of key=value pairs:
 *   mode=season  co_plan_build() of one profile (an intermediate marathoner,
 *                a race 50 weeks after the start, so a 52-week season with
 *                recovery), RUNS times (default 200): best and median in
 *                microseconds. The bar is "well under 10 ms".
 *   mode=batch   a coach's batch: PROFILES (default 10,000) profiles
 *                generated from SEED (default 1) - random running weeks,
 *                races, equipment, levels, units, niggles and lifts - each
 *                written as INI text, parsed (co_profile_parse) and planned
 *                in this one process: plans/s, and the share of the time
 *                spent parsing.
 * Then "peak_rss_kb=K" (VmHWM). Deterministic: the same seed gives the same
 * profiles and the same totals (weeks, sessions), printed as a check.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/plan.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* xorshift64*: a fixed, portable sequence for a seed. */
static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ull) >> 33) % n;
}

static void ymd(char out[11], co_date d)
{
	co_date_format(d, out);
}

typedef struct buf {
	char s[4096];
	size_t n;
} buf;

static void add(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(b->s + b->n, sizeof b->s - b->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		b->n += (size_t)k < sizeof b->s - b->n ? (size_t)k : sizeof b->s - b->n - 1;
}

static co_date START_DATE; /* 2027-01-04, a Monday: set in main() */

/* The season profile: a race 50 weeks after the start. */
static void season_ini(buf *b)
{
	char d[11];

	ymd(d, START_DATE + 50 * 7 - 1); /* the Sunday of week 50 */
	add(b, "[athlete]\nname = Season Bench\nlevel = intermediate\nunits = kg\n"
	       "body_mass = 68\nequipment = barbell, dumbbells, kettlebell, bench, band, box\n"
	       "session_minutes = 45\nsessions_per_week = 2\ndouble_days = yes\n"
	       "start = 2027-01-04\nniggles = achilles_left\n"
	       "[week]\nmon = rest\ntue = intervals 60\nwed = easy 45\nthu = tempo 50\n"
	       "fri = rest\nsat = easy 40\nsun = long 120\n"
	       "[race Autumn Marathon]\ndate = %s\ndistance = marathon\npriority = A\n"
	       "[lifts]\nromanian_deadlift = 80\ngoblet_squat = 32\n", d);
}

/* One random profile from the current rng state. */
static void random_ini(buf *b, unsigned i)
{
	static const char *const levels[] = {"novice", "intermediate", "advanced"};
	static const char *const equip[] = {"band", "dumbbells", "kettlebell", "barbell",
		"trap_bar", "bench", "box", "cable", "machine", "sliders", "plate"};
	static const char *const presets[] = {"none", "bodyweight", "gym"};
	static const char *const runs[] = {"easy", "recovery", "long", "tempo", "threshold",
		"intervals", "hills", "fartlek", "cross"};
	static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	static const char *const dists[] = {"5k", "10k", "half", "marathon", "ultra", "15 km"};
	static const char *const niggles[] = {"achilles_left", "knee_right", "hamstring_left",
		"calf_right", "lower_back", "hip_left", "shin_right", "plantar_fascia_left"};
	static const char *const lifts[] = {"romanian_deadlift", "goblet_squat", "hip_thrust"};
	int lb = rnd(4) == 0, nrun = 0, d, k, nraces;
	co_date start = START_DATE + 7 * (co_date)rnd(8);
	char date[11];

	ymd(date, start);
	add(b, "[athlete]\nname = Runner %u\nlevel = %s\nunits = %s\n", i, levels[rnd(3)],
	    lb ? "lb" : "kg");
	add(b, "body_mass = %u\n", lb ? 110 + rnd(120) : 50 + rnd(50));
	if (rnd(3) == 0) {
		add(b, "equipment = %s\n", presets[rnd(3)]);
	} else {
		unsigned bits = 1 + rnd((1u << 11) - 1), first = 1;

		add(b, "equipment = ");
		for (k = 0; k < 11; k++)
			if (bits & (1u << k)) {
				add(b, "%s%s", first ? "" : ", ", equip[k]);
				first = 0;
			}
		add(b, "\n");
	}
	add(b, "session_minutes = %u\nsessions_per_week = %u\ndouble_days = %s\n",
	    20 + 5 * rnd(15), 1 + rnd(3), rnd(2) ? "yes" : "no");
	add(b, "deload_every = %u\nplyometrics = %s\nstrides = %s\nstart = %s\n", 3 + rnd(4),
	    rnd(3) == 0 ? "yes" : "no", rnd(4) ? "yes" : "no", date);
	if (rnd(4) == 0)
		add(b, "niggles = %s\n", niggles[rnd(8)]);
	add(b, "[week]\n");
	for (d = 0; d < 7; d++) {
		/* 3-7 running days: rest with probability 2/7, never below 3 */
		if (rnd(7) < 2 && d - nrun < 4)
			continue;
		add(b, "%s = %s %u\n", days[d], runs[rnd(9)], 20 + 5 * rnd(25));
		nrun++;
	}
	nraces = (int)rnd(4);
	for (k = 0; k < nraces; k++) {
		ymd(date, start + 7 * (co_date)(3 + rnd(58)) + 5 + (co_date)rnd(2));
		add(b, "[race Race %d]\ndate = %s\ndistance = %s\npriority = %s\n", k, date,
		    dists[rnd(6)], k == 0 ? "A" : rnd(2) ? "B" : "C");
	}
	if (rnd(2)) {
		add(b, "[lifts]\n");
		for (k = 0; k < 3; k++)
			if (rnd(2))
				add(b, "%s = %u\n", lifts[k], (lb ? 40 : 20) + rnd(lb ? 160 : 80));
	}
}

static void count(const co_plan *p, unsigned long long *weeks, unsigned long long *sessions)
{
	size_t w;

	*weeks += p->n_weeks;
	for (w = 0; w < p->n_weeks; w++)
		*sessions += p->weeks[w].n_sessions;
}

int main(int argc, char **argv)
{
	const co_catalog *cat = co_catalog_default();
	co_plan_options opts = CO_PLAN_OPTIONS_INIT;
	co_date today;
	int runs = 200, nprof = 10000, opt, r, rc = 1;
	unsigned long long seed = 1, weeks = 0, sessions = 0, failed = 0;
	co_profile *prof = NULL;
	double *t = NULL, t_parse = 0, t_build = 0, t0, t1;
	buf b;

	while ((opt = getopt(argc, argv, "n:p:s:")) != -1) {
		switch (opt) {
		case 'n': runs = atoi(optarg); break;
		case 'p': nprof = atoi(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		default:
			fprintf(stderr, "usage: plan [-n RUNS] [-p PROFILES] [-s SEED]\n");
			return 2;
		}
	}
	if (runs < 1 || nprof < 1 || !cat) {
		fprintf(stderr, "plan: bad arguments or no catalogue\n");
		return 2;
	}
	START_DATE = co_date_from_ymd(2027, 1, 4);
	today = START_DATE - 3;

	/* 1. one 52-week season, many times */
	b.n = 0;
	season_ini(&b);
	if (co_profile_parse(&prof, b.s, b.n, "season.ini", today) != 0) {
		fprintf(stderr, "plan: season profile: %s\n", co_error_last());
		goto done;
	}
	t = malloc((size_t)runs * sizeof *t);
	if (!t)
		goto done;
	for (r = 0; r < runs; r++) {
		co_plan *plan = NULL;

		t0 = now();
		if (co_plan_build(&plan, &(co_plan_input){.profile = prof, .catalog = cat}, &opts) != 0) {
			fprintf(stderr, "plan: season: %s\n", co_error_last());
			goto done;
		}
		t1 = now();
		t[r] = (t1 - t0) * 1e6;
		if (r == 0)
			count(plan, &weeks, &sessions);
		co_plan_free(plan);
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("mode=season runs=%d best_us=%.1f median_us=%.1f weeks=%llu sessions=%llu\n",
	       runs, t[0], t[runs / 2], weeks, sessions);

	/* 2. a coach's batch */
	rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
	weeks = sessions = 0;
	for (r = 0; r < nprof; r++) {
		co_profile *p = NULL;
		co_plan *plan = NULL;

		b.n = 0;
		random_ini(&b, (unsigned)r);
		t0 = now();
		if (co_profile_parse(&p, b.s, b.n, "batch.ini", today) != 0) {
			fprintf(stderr, "plan: generated profile %d: %s\n%s", r, co_error_last(), b.s);
			goto done;
		}
		t1 = now();
		t_parse += t1 - t0;
		if (co_plan_build(&plan, &(co_plan_input){.profile = p, .catalog = cat}, &opts) != 0)
			failed++;
		else
			count(plan, &weeks, &sessions);
		co_plan_free(plan);
		co_profile_free(p);
		t_build += now() - t1;
	}
	printf("mode=batch profiles=%d seed=%llu plans_per_s=%.0f mean_us=%.1f "
	       "parse_share=%.3f failed=%llu weeks=%llu sessions=%llu\n",
	       nprof, seed, (double)nprof / (t_parse + t_build),
	       (t_parse + t_build) / nprof * 1e6, t_parse / (t_parse + t_build), failed,
	       weeks, sessions);
	printf("peak_rss_kb=%ld\n", peak_rss_kb());
	rc = 0;
done:
	free(t);
	co_profile_free(prof);
	return rc;
}
