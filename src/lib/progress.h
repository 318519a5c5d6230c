/*
 * Private to the engine: what the training log says about each lift
 * (METHOD D1-D3, D5, D6; SCIENCE.md "Effort and load estimation"), for the
 * season's load pass (season.c).
 *
 * co_progress_index() reads a history once per plan build: the logged sets
 * are sorted by exercise and date and folded into one record per exercise
 * and day, the rep-max tests and `log done` days are sorted too. Every
 * question after that (the last logged day before a date, the e1RM, a
 * stall, a niggle) is a binary search plus a walk over a bounded window of
 * days, so a season over years of history costs O((sets + items) log n).
 *
 * co_progress_decide() is the rule itself, plain numbers in, a load (or an
 * amount) and its reason out, so the unit tests can pin each rule alone.
 *
 * Causality: every question takes a cutoff date and sees only entries dated
 * strictly before it. season.c passes the Monday of the week being planned,
 * so both sessions of a week see the same log and a re-plan leaves past
 * weeks unchanged (METHOD E4).
 */
#ifndef CO_LIB_PROGRESS_H
#define CO_LIB_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/history.h"
#include "carryover/plan.h"

/* D2: never more than 5% of e1RM a week. */
#define CO_PROGRESS_WEEK_SHARE 0.05
/* A logged day older than this many weeks no longer steers the next load
 * (the re-entry rules of C8 take over after such a gap). */
#define CO_PROGRESS_RECENT_WEEKS 3
/* A logged e1RM (or rep-max) older than this no longer replaces [lifts]. */
#define CO_PROGRESS_E1RM_WEEKS 26
/* A stall: the best e1RM of the last 2 weeks is no higher than the best of
 * the 2 weeks ending this many weeks earlier. */
#define CO_PROGRESS_STALL_WEEKS 3

/** One exercise on one day, folded from its logged sets. */
typedef struct co_progress_day {
	co_date date;
	const char *exercise;   /* borrowed from the history */
	int n_sets;
	int min_reps, max_reps; /* over the sets counted in reps; 0 when none */
	int min_seconds, max_seconds; /* over the holds; 0 when none */
	double load;            /* the heaviest load of the day; < 0 bodyweight only */
	int reps;               /* reps of the first set at that load (0 for a hold) */
	double rpe;             /* the highest RPE reported that day; 0 when none */
	double e1rm;            /* e1RM of the day's qualifying set at the highest RPE; 0 none */
	double e1rm_rpe;        /* the RPE of the set it came from */
} co_progress_day;

typedef struct co_progress co_progress;

/** What the log says about one exercise before a cutoff date. */
typedef struct co_progress_fact {
	const co_progress_day *last; /* last logged day within CO_PROGRESS_RECENT_WEEKS, or NULL */
	double e1rm;                 /* the latest e1RM (qualifying set or rep-max test), 0 none */
	co_date e1rm_date;
	bool e1rm_test;              /* it came from a rep-max test (D6) */
	double test_load;            /* the test's load and reps, when e1rm_test */
	int test_reps;
	const co_progress_day *e1rm_day; /* the day it came from, when not a test */
	bool stalled;                /* D3: no e1RM gain over CO_PROGRESS_STALL_WEEKS */
	double stall_e1rm;           /* the e1RM it did not beat */
} co_progress_fact;

/**
 * Index `h` (may be NULL or empty: then NULL is returned and every query
 * answers "nothing logged"). The index borrows the history's strings: it
 * must not outlive `h`.
 */
co_progress *co_progress_index(const co_history *h);

void co_progress_free(co_progress *p);

/** Fill `out` from the entries of `exercise` dated before `cutoff`. */
void co_progress_query(const co_progress *p, const char *exercise, co_date cutoff,
		       co_progress_fact *out);

/** How many index records the queries have looked at so far (tests of the bound). */
size_t co_progress_visits(const co_progress *p);

/** The logged day of the same exercise before `d` (a pointer from a fact), or NULL. */
const co_progress_day *co_progress_before(const co_progress *p, const co_progress_day *d);

/**
 * A logged niggle active during the week before `cutoff` (on or after
 * cutoff - 7, before cutoff) in any of `regions`: its site, else NULL (D1).
 */
const char *co_progress_niggle(const co_progress *p, unsigned regions, co_date cutoff);

/**
 * The `log done` days in [from, to), ascending: *out points into the index
 * (0 of them for a NULL index).
 */
size_t co_progress_done_days(const co_progress *p, co_date from, co_date to, const co_date **out);

/** The inputs of one decision for a loaded item (all loads in the athlete's units). */
typedef struct co_progress_in {
	double planned;     /* the load the planned progression gives (C10) */
	double e1rm;        /* the e1RM the chart works from (log, test or [lifts]); 0 unknown */
	bool e1rm_logged;   /* that e1RM comes from the log */
	int reps;           /* this item's target reps (0: a hold or a carry) */
	double rpe;         /* this item's target RPE */
	double step;        /* the athlete's plate or dumbbell step (D2) */
	/* the last logged day: */
	double ref;         /* its top load */
	int ref_reps;       /* its reps at that load */
	double ref_rpe;     /* its RPE (0: not given) */
	double ref_target;  /* the target RPE prescribed that day (0: none planned) */
	/* reasons to hold (D1, D3): */
	bool missed;
	bool niggle;
	bool stalled;
	/* D2 over weeks: how many weeks in a row the last load has been lifted
	 * (the last logged one included); a step bigger than 5% of e1RM goes on
	 * once it is co_progress_wait_weeks() old */
	int held_weeks;
	/* D6: a rep-max test newer than the last logged day set the e1RM: the
	 * load follows the chart at this week's target, up to the test's load */
	bool tested;
	double test_load;
} co_progress_in;

typedef enum {
	CO_PROGRESS_HOLD,   /* the load of the last logged day */
	CO_PROGRESS_UP,     /* one step more (or the chart's, within one step) */
	CO_PROGRESS_DOWN,   /* one step less (D3: above target by 1 or more) */
	CO_PROGRESS_CHART   /* the chart's load for the target, within the caps */
} co_progress_move;

/**
 * The next load for a loaded item (D1-D3): from the chart at the target
 * reps and RPE when an e1RM is known, moved by the logged RPE against that
 * day's target, never more than one step and CO_PROGRESS_WEEK_SHARE of
 * e1RM above the last logged load, never above it on a hold. *move says
 * what happened; *capped is set when the 5% cap took the step away.
 */
double co_progress_next_load(const co_progress_in *in, co_progress_move *move, bool *capped);

/**
 * D2 as a weekly average: the weeks a load waits before a step bigger than
 * CO_PROGRESS_WEEK_SHARE of `e1rm` (ceil(step / (5% of e1RM))); 1 when the
 * step fits in one week.
 */
int co_progress_wait_weeks(double step, double e1rm);

/**
 * Accessories (D3 within the range, then load): the next amount (reps or
 * seconds) and whether the load goes up a step. `done` is the amount every
 * set reached on the last logged day, `lo`..`hi` the exercise's range,
 * `unit` 1 for reps, 5 for seconds. A hold keeps `planned`.
 */
int co_progress_next_amount(int planned, int done, int lo, int hi, int unit, bool hold,
			    bool loadable, bool *load_up);

/* ---- the log applied to a planned item (season.c's load pass) ---------------- */

/* The last logged day of a lift, with the prescription of that day. */
typedef struct co_progress_logged {
	bool any;
	bool as_planned;     /* a `log done` day: the prescription, on target */
	co_date date;
	double load;         /* the top load (< 0 bodyweight) */
	int reps;            /* reps at the top load; 0 for holds */
	int sets;
	double rpe;          /* highest RPE reported, 0 none */
	int done;            /* reps (or seconds) every set reached */
	int most;            /* the most reps (or seconds) of a set */
	double target;       /* the RPE prescribed that day, 0 when nothing was planned */
	int planned;         /* reps or seconds prescribed that day, 0 when nothing was */
	bool same_phase;     /* that day's week has this week's phase (the same dose table) */
	bool missed;         /* D1: a set short of the prescription */
	int missed_done, missed_of;
	int held_weeks;      /* weeks in a row at `load`, its own included (D2) */
} co_progress_logged;

/**
 * What the log says about `ex` before week `w` of `plan` (whose earlier
 * weeks are final): its last logged day within CO_PROGRESS_RECENT_WEEKS (a
 * deload's skipped) with that day's prescription, or the last `log done`
 * day that had it. lg->any is false when there is none.
 */
void co_progress_gather(co_progress_logged *lg, const co_plan *plan, const co_progress *pr,
			const co_progress_fact *f, const co_exercise *ex, const co_week *w);

/**
 * D1-D3: the load of a loaded main lift (`it`, dosed, its load the plan's
 * `planned`) from its last logged day; the note with figures and rule ids
 * goes to `note`. A timed loaded item (a carry, a weighted hold) moves as
 * an accessory does: seconds within its range, then a load step (D3); its
 * seconds are set on `it`.
 */
double co_progress_steer_main(co_item *it, double planned, double e1,
			      const co_progress_fact *f, const co_progress_logged *lg,
			      const char *niggle, double step, const co_profile *p, char *note,
			      size_t len);

/** D3, D5: an accessory's reps or hold, then load, from its last logged day (sets `it`). */
void co_progress_steer_accessory(co_item *it, const co_progress_logged *lg, const char *niggle,
				 double step, const co_profile *p, char *note, size_t len);

/** D6: the note of a rep-max's e1RM on the item that uses it. */
void co_progress_test_note(co_item *it, const co_progress_fact *f, const co_profile *p);

/**
 * Cut the note segment starting with `prefix` (at the start or after "; ")
 * out of an item's note; it ends after `tail` when given, else at the next
 * "; ". A9's body-mass start once the log steers the load, for one.
 */
void co_progress_drop_note(co_item *it, const char *prefix, const char *tail);

/** Cut the "choose a load ..." sentence (prescribe.c) out of an item's note. */
void co_progress_drop_choose(co_item *it);

#endif
