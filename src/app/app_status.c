/*
 * `carryover status` as a use case (carryover/app.h co_app_status_get): the
 * stored profile and its plan, the history, the load series up to today
 * and the D4 signals, with today's readiness. Read only: no transaction.
 * The rule for readiness lives with the signals (src/lib/signals.c,
 * co_signals_today); this file only gathers.
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/load.h"
#include "util/strbuf.h"

int co_app_status_get(co_app_status *out, co_app *app)
{
	co_load_options opt = CO_LOAD_OPTIONS_INIT;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = co_app_gather_load(app, &out->today, &out->plan, &out->profile, &out->history,
				     &out->series, &opt)) < 0)
		return rc;
	out->acwr_threshold = opt.acwr_threshold;
	co_signals_compute(&out->signals, &out->history, &out->series, &opt);
	out->day = co_load_day_at(&out->series, out->today);
	out->today_idx = co_xcalloc(out->signals.n ? out->signals.n : 1, sizeof(*out->today_idx));
	out->n_today = co_signals_today(out->today_idx, &out->readiness, &out->signals, out->today);
	for (size_t i = 0; i < out->series.n_sessions; i++)
		if (out->series.sessions[i].date <= out->today)
			out->by_method[out->series.sessions[i].method & 3]++;
	for (size_t w = 0; w < out->plan->n_weeks && !out->next; w++)
		for (size_t i = 0; i < out->plan->weeks[w].n_sessions && !out->next; i++)
			if (out->plan->weeks[w].sessions[i].date >= out->today)
				out->next = &out->plan->weeks[w].sessions[i];
	return CO_OK;
}

void co_app_status_release(co_app_status *s)
{
	if (!s)
		return;
	co_history_release(&s->history);
	co_load_series_release(&s->series);
	co_signals_release(&s->signals);
	free(s->today_idx);
	co_plan_free(s->plan);
	co_profile_free(s->profile);
	memset(s, 0, sizeof(*s));
}
