/*
 * The training log read back: `carryover history` (the entries between two
 * dates) and `carryover export csv|json` (the whole log and the imported
 * activities' summaries, so nothing entered is trapped in the store). Read
 * only: no transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "carryover/error.h"
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
