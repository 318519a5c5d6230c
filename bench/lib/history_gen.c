/*
 * The three-year history of the store benchmarks (history_gen.h), written
 * once: bench/status, analyze and report each had a copy of it that
 * differed only in what their runs carry, their tests, the niggles and a
 * load creep, and those are now the options. The history is deterministic:
 * run i and session i fall at i x 3 years / RUNS (or LIFTS) from the first
 * day, every set is 8 reps of one of seven lifts at a load cycling over 12
 * steps of 2.5 kg, with RPEs 6.5 to 8 so the RPE-drift signal has pairs to
 * compare.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "history_gen.h"

static const char *const lifts[] = {"romanian_deadlift", "goblet_squat", "hip_thrust",
				    "bulgarian_split_squat", "standing_calf_raise", "side_plank",
				    "step_up"};

int co_bench_add_test(co_store *store, int64_t athlete, co_date d, const char *kind,
		      const char *side, double value, const char *unit)
{
	co_log_entry t = CO_LOG_ENTRY_INIT;

	t.kind = CO_LOG_TEST;
	t.athlete_id = athlete;
	t.date = d;
	t.test_kind = (char *)(uintptr_t)kind;
	t.side = (char *)(uintptr_t)side;
	t.value = value;
	t.unit = (char *)(uintptr_t)unit;
	return co_store_log_insert(NULL, store, &t);
}

static int add_runs(const co_bench_history_opts *o, co_store *store, int64_t athlete,
		    co_date first)
{
	int rc = 0;

	for (int i = 0; i < o->runs && rc >= 0; i++) {
		co_store_activity_row r = CO_STORE_ACTIVITY_ROW_INIT;
		char hash[40], source[40], summary[200];
		co_date d = first + (co_date)((int64_t)i * 3 * 365 / o->runs);
		double km = 6 + (i % 7) * 2;

		snprintf(hash, sizeof(hash), "bench-%08d", i);
		snprintf(source, sizeof(source), "run-%d.fit", i);
		r.athlete_id = athlete;
		r.hash = hash;
		r.source = source;
		r.sport = "running";
		r.start_utc = (int64_t)d * 86400 + 7 * 3600;
		r.distance_m = km * 1000;
		r.moving_s = r.elapsed_s = km * (300 + i % 30);
		r.avg_hr = 135 + i % 25;
		r.max_hr = 170 + i % 15;
		if (o->run)
			o->run(&r, i, o->runs, km, summary, sizeof(summary));
		rc = co_store_activity_insert(NULL, store, &r);
	}
	return rc;
}

static int add_session(const co_bench_history_opts *o, co_store *store, int64_t athlete,
		       co_date d, int i, size_t *nsets)
{
	co_log_entry s = CO_LOG_ENTRY_INIT;
	int64_t sid = 0;
	int rc;

	s.kind = CO_LOG_SESSION;
	s.athlete_id = athlete;
	s.date = d;
	s.minutes = 45;
	s.rpe = 6 + i % 3;
	if ((rc = co_store_log_insert(&sid, store, &s)) < 0)
		return rc;
	for (int k = 0; k < 35 && rc >= 0; k++) {
		co_log_entry e = CO_LOG_ENTRY_INIT;
		char ex[32];

		snprintf(ex, sizeof(ex), "%s", lifts[k % 7]);
		e.kind = CO_LOG_SET;
		e.athlete_id = athlete;
		e.date = d;
		e.session_id = sid;
		e.exercise = ex;
		e.set_no = k / 7 + 1;
		e.load = 20 + 2.5 * ((i / 8 + k) % 12);
		if (o->load_creep)
			e.load += i * o->load_creep;
		memcpy(e.load_unit, "kg", 3);
		e.reps = 8;
		e.rpe = 6.5 + (i + k) % 4 * 0.5;
		rc = co_store_log_insert(NULL, store, &e);
		(*nsets)++;
	}
	if (o->niggles && i % 25 == 0 && rc >= 0) {
		co_log_entry n = CO_LOG_ENTRY_INIT;

		n.kind = CO_LOG_NIGGLE;
		n.athlete_id = athlete;
		n.date = d;
		n.site = "knee_right";
		n.severity = 3;
		n.resolved = d + 10;
		rc = co_store_log_insert(NULL, store, &n);
	}
	if (o->tests && rc >= 0)
		rc = o->tests(store, athlete, d, i);
	return rc;
}

int co_bench_history_build(const co_bench_history_opts *o, co_date *today, size_t *nsets)
{
	co_app_options ao = CO_APP_OPTIONS_INIT;
	co_app_profile_src src = {.path = o->profile};
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	co_store_athlete athlete = {0};
	co_profile *p = NULL;
	co_plan *plan = NULL;
	co_store *store;
	co_app *app = NULL;
	co_date first;
	int rc;

	ao.db = o->db;
	po.profile = &src;
	if ((rc = co_app_new(&app, &ao)) < 0 || (rc = co_app_plan(&plan, &p, app, &po)) < 0 ||
	    (rc = co_app_store(&store, app)) < 0 || (rc = co_app_athlete(&athlete, app)) < 0)
		goto done;
	*today = plan->start + 8;
	first = *today - 3 * 365;
	if ((rc = co_store_begin(store)) < 0 || (rc = add_runs(o, store, athlete.id, first)) < 0)
		goto done;
	for (int i = 0; i < o->lifts && rc >= 0; i++)
		rc = add_session(o, store, athlete.id,
				 first + (co_date)((int64_t)i * 3 * 365 / o->lifts) + 1, i, nsets);
	if (rc >= 0)
		rc = co_store_commit(store);
done:
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", o->name, co_error_last());
	co_store_athlete_release(&athlete);
	co_plan_free(plan);
	co_profile_free(p);
	co_app_free(app);
	return rc;
}

void co_bench_history_arg(co_bench_history_opts *o, int *repeats, int argc, char **argv, int *i)
{
	const char *a = argv[*i];

	if (!strcmp(a, "-r") && *i + 1 < argc)
		o->runs = atoi(argv[++*i]);
	else if (!strcmp(a, "-l") && *i + 1 < argc)
		o->lifts = atoi(argv[++*i]);
	else if (!strcmp(a, "-n") && *i + 1 < argc)
		*repeats = atoi(argv[++*i]);
	else if (!o->db)
		o->db = a;
	else
		o->profile = a;
}

bool co_bench_history_args_ok(const co_bench_history_opts *o, int repeats)
{
	return o->db && o->profile && repeats >= 1 && repeats <= 100 && o->runs >= 1 &&
	       o->lifts >= 1;
}

int co_bench_history_open(co_app **app, const co_bench_history_opts *o, co_date today)
{
	co_app_options ao = CO_APP_OPTIONS_INIT;

	ao.db = o->db;
	ao.today = today;
	return co_app_new(app, &ao);
}
