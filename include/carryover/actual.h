/*
 * The actual side of the plan (issue 10.2): what the athlete did, laid over
 * what the plan prescribed, so that one plan shows both.
 *
 * Runs: a run that happened (imported from a device file, or logged with
 * `carryover log run`) replaces the planned run of its day in the week's
 * `runs`, with its own type, minutes and distance, and keeps the run it
 * stands for (co_plan_run.has_planned, planned_*). Several runs on one day
 * pair with that day's planned runs in order; a planned run left without
 * one stays as planned; a run on a day the plan had none is added, with no
 * planned run. `key` stays the planned run's: the schedule was built around
 * it. The week's run_minutes and key_minutes stay the planned figures (the
 * running demand the schedule and the phases were made from).
 *
 * Sessions: each gets a status from the log of its day, given a today:
 *   done         `log done` on the day; or sets cover every main and
 *                accessory item (an item is covered when the day has at
 *                least as many logged working sets of its exercise as it
 *                prescribes); or a session logged as a whole (`log
 *                session`) with no sets;
 *   partly done  sets are logged on the day and some main or accessory
 *                item is not covered (items_done of items_planned are);
 *   skipped      `log skip` on the day and nothing done (status_note: the
 *                reason);
 *   missed       a day before today with nothing logged;
 *   planned      today or later with nothing logged.
 * A session before the first lifting entry of the log (a set or a session)
 * keeps CO_SESSION_UNKNOWN: the log had not started, so nothing can be
 * said. Without a today (0) every session stays CO_SESSION_UNKNOWN.
 *
 * This runs after everything is scheduled: the past plan stays as it was
 * (METHOD E4); lifting days, doses and why lines are the same with and
 * without the actual side. It is pure and reads no clock: the same plan,
 * history and today give the same result. Cost: one sort of the history's
 * runs, sets and sessions, then a binary search per day: O(n log n) in the
 * size of the history, whatever the plan.
 */
#ifndef CARRYOVER_ACTUAL_H
#define CARRYOVER_ACTUAL_H

#include <stdbool.h>

#include "carryover/date.h"
#include "carryover/history.h"
#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co_session_status {
	CO_SESSION_UNKNOWN = 0, /* no today given, or before the log began (JSON null) */
	CO_SESSION_PLANNED,
	CO_SESSION_DONE,
	CO_SESSION_PARTLY_DONE,
	CO_SESSION_SKIPPED,
	CO_SESSION_MISSED,
	CO_SESSION_STATUS_COUNT
} co_session_status;

/** The contract name of a status: "planned", "done", "partly_done", "skipped", "missed"; NULL for unknown. */
const char *co_session_status_name(co_session_status s);

/** The status of `name` (as co_session_status_name gives it), or -1. */
int co_session_status_from_name(const char *name);

/**
 * Lay `h` over `plan` as described above: the runs that happened replace
 * the planned ones, and with `today` (0: none) each session gets its
 * status. `h` NULL or empty leaves the runs as they are. Never fails
 * (allocation failure aborts, as everywhere in the engine).
 */
void co_plan_actual(co_plan *plan, const co_history *h, co_date today);

/**
 * The run as the plan had it: `r` itself for a planned run, its planned_*
 * fields for a run that happened in its place. False for a run done on a
 * day the plan had none (*out untouched). Readers of the plan's decisions
 * (the checker) look at runs through this.
 */
bool co_plan_run_as_planned(const co_plan_run *r, co_plan_run *out);

/** True when `r` is a run that happened (imported or logged). */
bool co_plan_run_is_actual(const co_plan_run *r);

#ifdef __cplusplus
}
#endif

#endif
