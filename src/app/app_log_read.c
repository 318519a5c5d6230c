/*
 * The training log read back: `carryover history` (the entries between two
 * dates) and `carryover export csv|json` (the whole log and the imported
 * activities' summaries, so nothing entered is trapped in the store), and
 * the planner's history input gathered from the store (co_app_history_load).
 * Read only: no transaction.
 */
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/json.h"
#include "util/strbuf.h"

int co_app_history(co_log_entry **out, size_t *out_count, co_app *app, co_date since,
		   co_date until)
{
	co_store_athlete athlete = {0};
	co_store *store;
	int rc;

	*out = NULL;
	*out_count = 0;
	if ((rc = co_app_store(&store, app)) < 0 || (rc = co_app_athlete(&athlete, app)) < 0)
		goto done;
	co_log_query q = {athlete.id, since, until};

	rc = co_store_log_list(out, out_count, store, &q);
done:
	co_store_athlete_release(&athlete);
	return rc;
}

int co_app_export_log(char **out, co_app *app, const char *format)
{
	co_log_entry *log = NULL;
	co_store_activity_row *rows = NULL;
	co_log_activity *acts = NULL;
	size_t n = 0, nrows = 0;
	char *acts_json = NULL;
	int rc;

	*out = NULL;
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return co_error_set(CO_EINPUT, "unknown export format '%s' (expected csv or json)",
				    format);
	if ((rc = co_app_history(&log, &n, app, CO_STORE_NO_DATE, CO_STORE_NO_DATE)) < 0 ||
	    (rc = co_app_activities(&rows, &nrows, app, CO_STORE_NO_DATE, CO_STORE_NO_DATE,
				    false)) < 0)
		goto done;
	if (!strcmp(format, "json")) {
		if ((rc = co_activities_to_json(&acts_json, rows, nrows)) < 0)
			goto done;
		rc = co_log_export_json(out, log, n, acts_json);
		goto done;
	}
	acts = co_xcalloc(nrows ? nrows : 1, sizeof(*acts));
	char (*types)[24] = co_xcalloc(nrows ? nrows : 1, sizeof(*types));

	for (size_t i = 0; i < nrows; i++) {
		const co_store_activity_row *r = &rows[i];
		double secs = r->moving_s > 0 ? r->moving_s : r->elapsed_s;

		acts[i].id = r->id;
		acts[i].date = r->local_date;
		acts[i].sport = r->sport;
		acts[i].type = co_json_string_member(types[i], sizeof(types[i]), r->summary_json,
						     "type") && *types[i] ? types[i] : NULL;
		acts[i].source = r->source;
		acts[i].minutes = secs >= 0 ? secs / 60 : -1;
		acts[i].distance_km = r->distance_m >= 0 ? r->distance_m / 1000 : -1;
		acts[i].avg_hr = r->avg_hr;
		acts[i].rpe = r->rpe;
	}
	rc = co_log_export_csv(out, log, n, acts, nrows);
	free(types);
done:
	free(acts);
	free(acts_json);
	co_log_list_free(log, n);
	co_app_activities_free(rows, nrows);
	return rc;
}

/* --- the planner's history (carryover/history.h) ----------------------------- */

static double in_units(double load, const char *unit, co_units units)
{
	if (units == CO_UNITS_LB && !strcmp(unit, "kg"))
		return load / CO_KG_PER_LB;
	if (units == CO_UNITS_KG && !strcmp(unit, "lb"))
		return load * CO_KG_PER_LB;
	return load;
}

static int test_kind(const char *name)
{
	if (!strcmp(name, "single_leg_squat"))
		return CO_TEST_SINGLE_LEG_SQUAT;
	if (!strcmp(name, "threshold_pace"))
		return CO_TEST_THRESHOLD_RUN;
	if (!strcmp(name, "calf_raise"))
		return CO_TEST_CALF_RAISE;
	if (!strcmp(name, "rep_max"))
		return CO_TEST_REP_MAX;
	return -1;
}

/*
 * Append entry `e` of the log to the planner's history. Loads are given in
 * the profile's units; warm-up sets and unmapped lifts are left out (they
 * are not what progression reads); a skipped session is kept, flagged.
 */
static void add_entry(co_history *h, const co_log_entry *e, co_units units)
{
	switch (e->kind) {
	case CO_LOG_SET: {
		co_logged_set s = {.date = e->date, .exercise = e->exercise};

		if (e->unmapped || (e->set_type && !strcmp(e->set_type, "warmup")))
			return;
		s.reps = e->reps > 0 ? e->reps : 0;
		s.seconds = e->seconds > 0 ? (int)(e->seconds + 0.5) : 0;
		s.load = e->load >= 0 ? in_units(e->load, e->load_unit, units) : -1;
		s.rpe = e->rpe > 0 ? e->rpe : 0;
		co_history_add_set(h, &s);
		break;
	}
	case CO_LOG_SESSION: {
		co_logged_session s = {.date = e->date, .uid = e->planned_uid, .note = e->notes};

		s.minutes = e->minutes > 0 ? (int)(e->minutes + 0.5) : 0;
		s.rpe = e->rpe > 0 ? e->rpe : 0;
		s.skipped = e->status && !strcmp(e->status, "skipped");
		s.as_planned = e->status && !strcmp(e->status, "done");
		co_history_add_session(h, &s);
		break;
	}
	case CO_LOG_RUN: {
		co_logged_run r = {.date = e->date};
		int t = co_run_type_from_name(e->run_type);
		char src[40];

		r.type = t > 0 ? (co_run_type)t : CO_RUN_EASY;
		r.minutes = e->minutes > 0 ? (int)(e->minutes + 0.5) : 0;
		r.distance_km = e->distance_km > 0 ? e->distance_km : 0;
		r.rpe = e->rpe > 0 ? (int)(e->rpe + 0.5) : 0;
		r.avg_hr = e->avg_hr > 0 ? e->avg_hr : 0;
		/* "run-N": logged by hand; "activity-N": an imported run given an
		 * RPE with `log run-rpe` (actual.c tells them apart) */
		if (e->activity_id > 0)
			snprintf(src, sizeof(src), "activity-%lld", (long long)e->activity_id);
		else
			snprintf(src, sizeof(src), "run-%lld", (long long)e->id);
		r.source = src;
		co_history_add_run(h, &r);
		break;
	}
	case CO_LOG_NIGGLE: {
		co_niggle_log n = {.site = e->site, .severity = e->severity,
				   .active_from = e->date, .cleared_on = e->resolved};

		n.regions = co_niggle_regions(e->site);
		co_history_add_niggle(h, &n);
		break;
	}
	case CO_LOG_TEST: {
		co_test_result t = {.date = e->date, .exercise = e->test_exercise, .value = e->value};
		int k = test_kind(e->test_kind);

		if (k < 0)
			return;
		t.kind = (co_test_kind)k;
		if (k == CO_TEST_REP_MAX)
			t.value = in_units(e->value, e->unit, units);
		t.side = !e->side ? 0 : !strcmp(e->side, "left") ? 1 : 2;
		t.grade = !e->grade ? 0 : !strcmp(e->grade, "good") ? 3 : !strcmp(e->grade, "fair") ? 2 : 1;
		t.reps = e->test_reps > 0 ? e->test_reps : 0;
		co_history_add_test(h, &t);
		break;
	}
	default:
		break;
	}
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int co_app_history_load(co_history *h, co_app *app, const co_profile *profile)
{
	co_store_athlete athlete = {0};
	int64_t *linked_ids = NULL;
	size_t n_linked = 0;
	co_log_entry *log = NULL;
	co_store_activity_row *rows = NULL;
	size_t n = 0, nrows = 0;
	co_store *store;
	int rc;

	if ((rc = co_app_store(&store, app)) < 0)
		return rc;
	rc = co_app_athlete(&athlete, app);
	if (rc == CO_ENOTFOUND || (rc == CO_OK && profile && profile->name &&
				   strcasecmp(profile->name, athlete.name) != 0)) {
		/* not stored yet, or a profile of someone else: no history */
		co_error_clear();
		rc = CO_OK;
		goto done;
	}
	if (rc < 0)
		goto done;
	co_log_query q = {athlete.id, CO_STORE_NO_DATE, CO_STORE_NO_DATE};
	co_store_activity_query aq = CO_STORE_ACTIVITY_QUERY_INIT;

	if ((rc = co_store_log_list(&log, &n, store, &q)) < 0)
		goto done;
	linked_ids = co_xcalloc(n ? n : 1, sizeof(*linked_ids));
	for (size_t i = 0; i < n; i++) {
		add_entry(h, &log[i], profile ? profile->units : CO_UNITS_KG);
		if (log[i].kind == CO_LOG_RUN && log[i].activity_id > 0)
			linked_ids[n_linked++] = log[i].activity_id;
	}
	/* Sorted for bsearch: the log and the activities are both thousands of
	 * rows over years, so a pairwise scan would be quadratic. */
	qsort(linked_ids, n_linked, sizeof(*linked_ids), cmp_id);
	/* Imported runs not already in the log through `log run-rpe`. */
	aq.athlete_id = athlete.id;
	if ((rc = co_store_activity_list(&rows, &nrows, store, &aq)) < 0)
		goto done;
	for (size_t i = 0; i < nrows; i++) {
		const co_store_activity_row *a = &rows[i];
		co_logged_run r = {.date = a->local_date, .type = CO_RUN_EASY,
				   .source = (char *)(uintptr_t)a->hash};
		char type[24];
		double secs = a->moving_s > 0 ? a->moving_s : a->elapsed_s;
		int t;

		if (strcmp(a->sport, "running") != 0)
			continue;
		if (n_linked && bsearch(&a->id, linked_ids, n_linked, sizeof(*linked_ids), cmp_id))
			continue;
		if (co_json_string_member(type, sizeof(type), a->summary_json, "type") &&
		    (t = co_run_type_from_name(type)) > 0)
			r.type = (co_run_type)t;
		r.minutes = secs > 0 ? (int)(secs / 60 + 0.5) : 0;
		r.distance_km = a->distance_m > 0 ? a->distance_m / 1000 : 0;
		r.rpe = a->rpe > 0 ? (int)(a->rpe + 0.5) : 0;
		r.avg_hr = a->avg_hr > 0 ? a->avg_hr : 0;
		r.max_hr = a->max_hr > 0 ? a->max_hr : 0;
		co_history_add_run(h, &r);
	}
done:
	free(linked_ids);
	co_store_activity_list_free(rows, nrows);
	co_log_list_free(log, n);
	co_store_athlete_release(&athlete);
	return rc;
}
