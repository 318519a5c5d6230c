/*
 * The use cases of carryover/app.h that concern recorded activities:
 * importing them for an athlete, listing what is stored (as an array, or
 * row by row so that a store of 200,000 activities lists in the memory of
 * one), and deleting one wrongly imported activity.
 *
 * Whose activities: the athlete of a profile given with the import (stored
 * first, and made the current athlete, as every use case given a profile
 * does), else the session's athlete. Every path is checked before anything
 * is written, so a typo in the last path does not store the profile or
 * half the import. The import pipeline itself (carryover/import.h) commits
 * each file on its own: that is the documented exception to "one
 * transaction per command".
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_impl.h"
#include "carryover/error.h"

/* The plan strength activities are matched against, built on first use. */
typedef struct lazy_plan {
	co_app *app;
	co_plan *plan;
} lazy_plan;

static const co_plan *plan_of(void *ctx)
{
	lazy_plan *l = ctx;

	if (!l->plan && co_app_plan(&l->plan, NULL, l->app, NULL) < 0)
		l->plan = NULL; /* no plan (no profile yet): sets are mapped without one */
	return l->plan;
}

int co_app_import(co_import_stats *out, co_app *app, const co_app_profile_src *profile,
		  const char *const *paths, size_t npaths, const co_import_options *opt)
{
	co_import_options o = CO_IMPORT_OPTIONS_INIT;
	lazy_plan lazy = {app, NULL};
	co_store_athlete athlete = {0};
	co_profile *p = NULL;
	co_store *store;
	int rc;

	if (out)
		memset(out, 0, sizeof(*out));
	if (opt)
		o = *opt;
	for (size_t i = 0; i < npaths; i++)
		if (access(paths[i], F_OK) != 0) {
			rc = co_error_set(CO_EINPUT, "'%s': no such file or directory", paths[i]);
			goto done;
		}
	if (profile) {
		if ((rc = co_app_profile_read(&p, app, profile)) < 0 ||
		    (rc = co_app_profile_keep(&o.athlete_id, app, p)) < 0)
			goto done;
	} else {
		if ((rc = co_app_athlete(&athlete, app)) < 0)
			goto done;
		o.athlete_id = athlete.id;
	}
	if ((rc = co_app_store(&store, app)) < 0)
		goto done;
	o.plan = plan_of;
	o.plan_ctx = &lazy;
	rc = co_import_run(out, store, paths, npaths, &o);
done:
	co_plan_free(lazy.plan);
	co_profile_free(p);
	co_store_athlete_release(&athlete);
	return rc;
}

int co_app_activities(co_store_activity_row **out, size_t *out_count, co_app *app,
		      co_date since, co_date until, bool with_streams)
{
	co_store_activity_query q = CO_STORE_ACTIVITY_QUERY_INIT;
	co_store_athlete athlete = {0};
	co_store *store;
	int rc;

	*out = NULL;
	*out_count = 0;
	if ((rc = co_app_store(&store, app)) < 0)
		return rc;
	rc = co_app_athlete(&athlete, app);
	/* No current athlete (and none asked for): everyone's activities. */
	if (rc < 0 && (rc != CO_ENOTFOUND || app->athlete))
		return rc;
	q.athlete_id = rc < 0 ? 0 : athlete.id;
	q.since = since;
	q.until = until;
	q.with_stream = with_streams;
	co_store_athlete_release(&athlete);
	co_error_clear();
	return co_store_activity_list(out, out_count, store, &q);
}

/* The query of the session's athlete (everyone's when there is none and none was asked for). */
static int athlete_query(co_store_activity_query *q, co_store **store, co_app *app)
{
	co_store_athlete athlete = {0};
	int rc;

	*q = (co_store_activity_query)CO_STORE_ACTIVITY_QUERY_INIT;
	if ((rc = co_app_store(store, app)) < 0)
		return rc;
	rc = co_app_athlete(&athlete, app);
	if (rc < 0 && (rc != CO_ENOTFOUND || app->athlete))
		return rc;
	q->athlete_id = rc < 0 ? 0 : athlete.id;
	co_store_athlete_release(&athlete);
	co_error_clear();
	return 0;
}

int co_app_activities_each(co_app *app, co_date since, co_date until, bool with_streams,
			   co_store_activity_fn fn, void *ctx, size_t *out_stored)
{
	co_store_activity_query q;
	co_store *store;
	int rc;

	if (out_stored)
		*out_stored = 0;
	if ((rc = athlete_query(&q, &store, app)) < 0)
		return rc;
	q.since = since;
	q.until = until;
	q.with_stream = with_streams;
	if (out_stored && (rc = co_store_activity_count(out_stored, store, q.athlete_id)) < 0)
		return rc;
	return co_store_activity_each(store, &q, fn, ctx);
}

int co_app_activity_delete(co_store_activity_row *out, co_app *app, int64_t id)
{
	co_store_activity_row row = CO_STORE_ACTIVITY_ROW_INIT;
	co_store_activity_query q;
	co_store *store;
	int rc;

	if (out)
		*out = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
	if ((rc = athlete_query(&q, &store, app)) < 0)
		return rc;
	if ((rc = co_app_begin(app)) < 0)
		return rc;
	rc = co_store_activity_get(&row, store, id);
	if (rc == 0 && q.athlete_id && row.athlete_id != q.athlete_id)
		rc = CO_ENOTFOUND;
	if (rc == CO_ENOTFOUND)
		rc = co_error_set(CO_ENOTFOUND, "no activity #%lld%s (see 'carryover activities')",
				  (long long)id, q.athlete_id ? " of this athlete" : "");
	if (rc == 0)
		rc = co_store_activity_delete(store, id);
	if (rc == 0)
		rc = co_app_commit(app);
	else
		co_app_rollback(app);
	if (rc == 0 && out) {
		/* hand back the row without its stream: the caller prints it */
		row.stream = NULL;
		row.stream_len = 0;
		*out = row;
		return 0;
	}
	co_store_activity_row_release(&row);
	return rc;
}

void co_app_activities_free(co_store_activity_row *rows, size_t n)
{
	co_store_activity_list_free(rows, n);
}
