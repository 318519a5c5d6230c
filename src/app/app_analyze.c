/*
 * `carryover analyze` as a use case (carryover/app.h co_app_analyze): the
 * stored profile and its plan, the history, the load series up to today,
 * and the markers each imported run's recording gave at import (EF,
 * decoupling, a detected threshold effort, kept in the activity's stored
 * summary), handed to the engine's analysis (carryover/analyze.h). Read
 * only: no transaction. Like co_app_status_get(), this file only gathers.
 *
 * The markers are matched to the history's runs by the activity's hash
 * (co_app_history_load() gives an imported run its hash as `source`),
 * sorted once and searched, so the cost stays O(n log n) in the runs.
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "carryover/analyze.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/json.h"
#include "carryover/load.h"
#include "util/strbuf.h"
#include "util/vec.h"

typedef struct hashed_marker {
	char hash[96];
	co_run_marker m;
} hashed_marker;

typedef struct markers {
	hashed_marker *items;
	size_t n, cap;
} markers;

static int take(void *ctx, const co_store_activity_row *row)
{
	markers *ms = ctx;
	hashed_marker *h;

	if (!row->hash || strcmp(row->sport, "running") != 0 || !row->summary_json ||
	    strlen(row->hash) >= sizeof(h->hash))
		return 0;
	h = CO_VEC_PUSH(ms->items, ms->n, ms->cap);
	memcpy(h->hash, row->hash, strlen(row->hash) + 1);
	co_run_marker_from_summary(&h->m, row->summary_json);
	return 0;
}

static int cmp_hash(const void *a, const void *b)
{
	return strcmp(((const hashed_marker *)a)->hash, ((const hashed_marker *)b)->hash);
}

int co_app_analyze(co_app_analysis *out, co_app *app)
{
	co_load_options opt = CO_LOAD_OPTIONS_INIT;
	markers ms = {0};
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = co_app_gather_load(app, &out->today, &out->plan, &out->profile, &out->history,
				     &out->series, &opt)) < 0)
		return rc;
	if ((rc = co_app_activities_each(app, CO_STORE_NO_DATE, out->today, false, take, &ms,
					 NULL)) < 0)
		goto done;
	if (ms.n)
		qsort(ms.items, ms.n, sizeof(*ms.items), cmp_hash);
	out->markers = co_xcalloc(out->history.n_runs + 1, sizeof(*out->markers));
	for (size_t i = 0; i < out->history.n_runs && ms.n; i++) {
		const char *src = out->history.runs[i].source;
		hashed_marker key, *hit;

		if (!src || strlen(src) >= sizeof(key.hash))
			continue;
		memcpy(key.hash, src, strlen(src) + 1);
		if ((hit = bsearch(&key, ms.items, ms.n, sizeof(key), cmp_hash)))
			out->markers[i] = hit->m;
	}
	co_analysis_input in = {.history = &out->history, .markers = out->markers,
				.plan = out->plan, .series = &out->series, .today = out->today,
				.units = out->profile->units};

	co_analysis_compute(&out->analysis, &in);
done:
	free(ms.items);
	return rc;
}

void co_app_analysis_release(co_app_analysis *a)
{
	if (!a)
		return;
	co_analysis_release(&a->analysis);
	co_history_release(&a->history);
	co_load_series_release(&a->series);
	free(a->markers);
	co_plan_free(a->plan);
	co_profile_free(a->profile);
	memset(a, 0, sizeof(*a));
}
