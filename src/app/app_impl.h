/*
 * Inside the application layer: what a co_app session holds. Only src/app/
 * includes this; front ends see the opaque handle of carryover/app.h.
 *
 * Invariants: `store` is NULL until a use case first needs it and is then
 * owned by the session; `pending_text` / `pending_path` hold a profile that
 * was read from a file or text but not yet stored (co_app_profile_keep()
 * stores it), both NULL otherwise; `athlete_id` is the athlete of the last
 * profile read from the store or kept, 0 before.
 */
#ifndef CO_APP_IMPL_H
#define CO_APP_IMPL_H

#include <stdint.h>

#include "carryover/app.h"

struct co_app {
	char *db;            /* store location, NULL: the default */
	char *athlete;       /* athlete asked for, NULL: the current one */
	co_date today;       /* 0: CARRYOVER_TODAY, else the clock */
	co_store *store;     /* opened by co_app_store() */
	int64_t athlete_id;
	char *pending_text;
	char *pending_path;  /* absolute path the pending profile came from, or NULL */
	char *notice;        /* co_app_notice(), or NULL */
};

/* Plan versions (app_plans.c, METHOD E4): the calendar and history as
 * hashed lines; keep `plan` as a new version from today when the inputs
 * (the stored profile's hash and `inputs`) changed; *out_version 0 when not. */
struct co_strbuf;
struct co_history;
void co_app_plan_inputs(struct co_strbuf *sb, const co_calendar *cal, const struct co_history *h);
int co_app_plan_version_keep(co_app *app, const co_plan *plan, const void *inputs, size_t len,
			     int *out_version);

/*
 * What the reading use cases (status, analyze, report) gather first
 * (app_gather.c): today, the stored profile and its plan (co_app_plan()),
 * the history the plan was built from (the log is read once, into
 * `history`, which this initialises) and the load series up to today
 * computed with `opt`, which gets the profile's acwr_threshold and units.
 * Errors as co_app_plan(); the caller releases what it got either way.
 */
struct co_load_series;
struct co_load_options;
int co_app_gather_load(co_app *app, co_date *today, co_plan **plan, co_profile **profile,
		       struct co_history *history, struct co_load_series *series,
		       struct co_load_options *opt);

#endif
