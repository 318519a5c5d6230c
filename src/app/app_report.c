/*
 * `carryover report` as a use case (carryover/app.h co_app_report_get): the
 * page draws what `carryover analyze` finds, so the report gathers as
 * analyze does (co_app_analyze(): the profile, the plan and the history it
 * was built from, read once, the load series, the markers of the imported
 * runs) and the analysis is computed once, here. Read only: no
 * transaction. Everything the page shows is drawn from these by the
 * renderer (src/report/charts.c, html.c); this file only gathers, so the
 * web dashboard gathers the same way.
 */
#include "app/app_impl.h"

int co_app_report_get(co_app_report *out, co_app *app)
{
	return co_app_analyze(out, app);
}

void co_app_report_release(co_app_report *r)
{
	co_app_analysis_release(r);
}
