/*
 * The first thing the reading use cases gather (app_impl.h
 * co_app_gather_load): status, analyze and the report each need the
 * stored profile, its plan, the history the plan was built from and the
 * load series up to today, computed the same way, so they show the same
 * figures for the same day. Read only: no transaction.
 */
#include "app/app_impl.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/load.h"

int co_app_gather_load(co_app *app, co_date *today, co_plan **plan, co_profile **profile,
		       co_history *history, co_load_series *series, co_load_options *opt)
{
	co_app_plan_options po = CO_APP_PLAN_OPTIONS_INIT;
	int rc;

	co_history_init(history);
	*today = co_app_today(app);
	po.history_out = history; /* the plan's own history: the log is read once */
	if ((rc = co_app_plan(plan, profile, app, &po)) < 0)
		return rc;
	opt->acwr_threshold = (*profile)->acwr_threshold;
	opt->units = (*profile)->units;
	co_load_compute(series, history, *today, opt);
	return CO_OK;
}
