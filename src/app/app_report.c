/*
 * `carryover report` as a use case (carryover/app.h co_app_report_get): the
 * stored profile and its plan, the history the plan was built from (the
 * log is read once), and the load series up to today. Read only: no
 * transaction. Everything the page shows is drawn from these by the
 * renderer (src/report/charts.c, html.c); this file only gathers, so the
 * web dashboard gathers the same way.
 */
#include <string.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/load.h"

int co_app_report_get(co_app_report *out, co_app *app)
{
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	co_load_options opt = CO_LOAD_OPTIONS_INIT;
	int rc;

	memset(out, 0, sizeof(*out));
	co_history_init(&out->history);
	out->today = co_app_today(app);
	po.history_out = &out->history;
	if ((rc = co_app_plan(&out->plan, &out->profile, app, &po)) < 0)
		return rc;
	opt.acwr_threshold = out->profile->acwr_threshold;
	opt.units = out->profile->units;
	co_load_compute(&out->series, &out->history, out->today, &opt);
	return CO_OK;
}

void co_app_report_release(co_app_report *r)
{
	if (!r)
		return;
	co_history_release(&r->history);
	co_load_series_release(&r->series);
	co_plan_free(r->plan);
	co_profile_free(r->profile);
	memset(r, 0, sizeof(*r));
}
