/*
 * The synthetic three-year history of the store benchmarks (bench/status,
 * analyze, report): one athlete, RUNS imported runs and LIFTS logged
 * lifting sessions of 35 sets each, written in one transaction into a new
 * store. What the benchmarks share is here; what each one adds to make its
 * own figures non-trivial (run summaries, RPEs, baseline tests, niggles, a
 * creeping load) comes through co_bench_history_opts, so every bench keeps
 * the exact history it measured before.
 */
#ifndef CO_BENCH_HISTORY_GEN_H
#define CO_BENCH_HISTORY_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/app.h"
#include "carryover/date.h"

typedef struct co_bench_history_opts {
	const char *name;            /* the bench, for the messages: "status: ..." */
	const char *db;              /* the store to create: it must not exist */
	const char *profile;         /* the athlete's profile, stored as `plan PROFILE` does */
	int runs, lifts;             /* runs and lifting sessions over the 3 years */
	double load_creep;           /* kg added to every set of session i: i x load_creep */
	bool niggles;                /* a knee niggle every 25th session, cleared 10 days on */
	/*
	 * Run i of `runs` (km long, already filled with the common fields:
	 * date, distance, 300 + i % 30 s/km, heart rate): what this bench adds;
	 * `buf` (cap bytes) may hold the summary JSON. NULL: nothing.
	 */
	void (*run)(co_store_activity_row *r, int i, int runs, double km, char *buf, size_t cap);
	/* After session i on day d (its sets and niggle written): the baseline
	 * tests of that day, with co_bench_add_test(). NULL: none. */
	int (*tests)(co_store *store, int64_t athlete, co_date d, int i);
} co_bench_history_opts;

/* The defaults: 1,100 runs and 320 lifting sessions, nothing added. */
#define CO_BENCH_HISTORY_OPTS_INIT(bench) {.name = (bench), .runs = 1100, .lifts = 320}

/*
 * The arguments every store bench takes, at argv[*i]: -r RUNS, -l LIFTS,
 * -n REPEATS (moving *i past the value), else DB, then PROFILE. The bench
 * calls it for each argument that is not one of its own options.
 */
void co_bench_history_arg(co_bench_history_opts *o, int *repeats, int argc, char **argv, int *i);

/* Whether DB and PROFILE were given and the counts are in range (REPEATS
 * 1-100: the benches keep their times in a double[100]). */
bool co_bench_history_args_ok(const co_bench_history_opts *o, int repeats);

/*
 * Create o->db with the athlete of o->profile and the history, ending at
 * *today = the plan's start + 8 days (the second week) and starting 3 x 365
 * days before. Adds the number of sets written to *nsets. Returns 0, or a
 * negative CO_E* code after printing "NAME: message" to stderr.
 */
int co_bench_history_build(const co_bench_history_opts *o, co_date *today, size_t *nsets);

/* A new session on the history's store o->db, on `today` (the one
 * co_bench_history_build() set), as each timed repeat opens one. */
int co_bench_history_open(co_app **app, const co_bench_history_opts *o, co_date today);

/* One baseline test of the athlete on day d (side and unit may be NULL). */
int co_bench_add_test(co_store *store, int64_t athlete, co_date d, const char *kind,
		      const char *side, double value, const char *unit);

#endif
