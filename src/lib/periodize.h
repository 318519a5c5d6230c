/*
 * Private to the engine: the phases of a season (METHOD C2-C9).
 *
 * periodize labels each Monday-based week of the plan base, build, peak,
 * taper, race or recovery by working back from the A-races, overlays the
 * B-races (a lighter race week, their own recovery) and C-races (trained
 * through), and marks deloads every `deload_every`-th loading week. It reads
 * each week's running demand (key-run minutes, C5) and writes week phases,
 * deload marks and notes that cite the rules. docs/planner.md explains the
 * choices with examples.
 */
#ifndef CO_LIB_PERIODIZE_H
#define CO_LIB_PERIODIZE_H

#include "carryover/plan.h"

/* Defaults of METHOD C7/C8, from SCIENCE.md (Bosquet 2007; Pritchard 2015). */
#define CO_TAPER_WEEKS_LONG 2     /* marathon and ultra */
#define CO_TAPER_WEEKS_SHORT 1    /* half marathon and shorter */
#define CO_TAPER_NO_LIFT_DAYS 4   /* C7: no session in the 4 days before an A-race */
#define CO_SHORT_RACE_KM 15.0     /* C8: up to a 10k (and a 15k) the recovery is days, not a week */
#define CO_SHORT_RECOVERY_DAYS 3  /* C8: 2-3 days after a 5k or 10k */
#define CO_ULTRA_KM 45.0          /* C8: from here on, 3 weeks of recovery */
#define CO_MAX_WEEKS 104          /* the longest season planned (two years) */

/** What periodize knows about a week beyond its phase, for the scheduler. */
typedef struct co_period {
	bool demand_peak;  /* C5: the running demand is at its highest: strength volume must not rise */
	bool mini_taper;   /* the lighter week before or of a B-race */
	bool rolling;      /* no A-race ahead: a rolling base/build cycle */
	int race;          /* a race of this week (index into the races), -1 */
	int target;        /* the A-race this week works towards or recovers from, -1 */
} co_period;

/** Weeks of taper before an A-race of `km` (C7). */
int co_taper_weeks(double km);

/** Weeks of recovery after a race of `km` (C8): none after a 5k or 10k, 1, 2 after a marathon, 3 after an ultra. */
int co_recovery_weeks(double km);

/** Days after a race of `km` with no loading session (C8): 3 after a 5k or 10k, else its recovery weeks. */
int co_recovery_days(double km);

/**
 * How many weeks the plan covers from `start` (a Monday): through the week
 * of the last race and its recovery; `min_weeks` when there is no race; at
 * most CO_MAX_WEEKS (a warning says what was cut).
 */
size_t co_periodize_horizon(co_date start, const co_race *races, size_t n_races,
			    const co_plan_options *opts, char ***warnings, size_t *n_warnings);

/**
 * What co_periodize() works on. The weeks and info arrays have n_weeks
 * entries each and belong to the caller; warnings are appended to the
 * caller's list (co_strlist_add).
 */
typedef struct co_periodize_args {
	/* in/out: .start and .key_minutes filled; .phase, .deload, .notes set */
	co_week *weeks;
	/* out: what periodize knows about each week beyond its phase */
	co_period *info;
	size_t n_weeks;
	/* in: the races, sorted by date */
	const co_race *races;
	size_t n_races;
	int deload_every;      /* 3-6 (other values mean 4) */
	int recovery_override; /* > 0 replaces the A-races' recovery length */
	co_date first_day;     /* the profile's start (notes count days from it) */
	/* out: warnings for races that crowd each other (one in another's taper or recovery) */
	char ***warnings;
	size_t *n_warnings;
} co_periodize_args;

/** Label the weeks of `a` (see co_periodize_args). */
void co_periodize(const co_periodize_args *a);

#endif
