/*
 * Private to the engine: which days of a week get a lifting session
 * (METHOD C1, C7, C8, E1-E3).
 *
 * The scheduler scores every combination of days for the wanted number of
 * sessions (at most 35 of them: 3 of 7) with a table of penalties, one per
 * rule a placement would bend, and keeps the cheapest. When the cheapest
 * still lifts the day before a key run (E1) or on consecutive days (C1), it
 * tries one session fewer, and says so. Each placed session gets its reason
 * (E3), naming the days and runs involved and any rule it had to bend.
 * The penalty table is in schedule.c and docs/planner.md.
 */
#ifndef CO_LIB_SCHEDULE_H
#define CO_LIB_SCHEDULE_H

#include "carryover/plan.h"

#define CO_SCHED_MAX 3

/* Penalties (docs/planner.md, "How days are scored"). */
enum {
	CO_PEN_C1_CONSECUTIVE = 150, /* two sessions on consecutive days */
	CO_PEN_E1_BEFORE_KEY = 100,  /* the day before a key run or race */
	CO_PEN_E2_KEY_NO_DOUBLE = 60,/* on a key-run day when the athlete does not double */
	CO_PEN_C8_AFTER_RACE = 40,   /* a loading session 1-3 days after a race */
	CO_PEN_E2_AFTER_HARD = 30,   /* the day after intervals, tempo, threshold or hills */
	CO_PEN_E2_NOT_KEY_DAY = 15,  /* doubling athlete, but an easy day was used */
	CO_PEN_E2_LONG_DAY = 10,     /* doubling after a long run rather than a quality run */
	CO_PEN_RECOVERY_SOON = 20    /* a mobility session 1-2 days after a race */
};

/** One day as the scheduler sees it. */
enum {
	CO_BLOCKED_START = 1,       /* before the plan's first day */
	CO_BLOCKED_RACE = 2,        /* a race day */
	CO_BLOCKED_TAPER = 4,       /* C7: the 4 days before an A-race */
	CO_BLOCKED_AFTER_RACE = 8   /* C8: mobility only after an A- or B-race */
};

typedef struct co_sched_day {
	co_date date;
	bool key;            /* a key run that day (E1) */
	co_run_type main;    /* the day's hardest run, CO_RUN_REST when none */
	int minutes;         /* running minutes */
	bool race;           /* a race that day */
	bool blocked;        /* never lift: before the plan, a race day, C7's 4 days, C8 */
	unsigned why_blocked; /* CO_BLOCKED_* bits: which of those */
	int after_race;      /* 1-3: days since a race, else 0 */
} co_sched_day;

typedef struct co_sched_week {
	co_sched_day day[7];     /* Monday..Sunday */
	co_sched_day before;     /* the Sunday before */
	co_sched_day after;      /* the Monday after */
	bool has_prev;           /* a session was placed before this week */
	co_date prev_session;    /* its date */
	int sessions;            /* wanted, 0-3 */
	bool double_days;        /* E2: may lift after a key run the same day */
	bool recovery;           /* mobility sessions (C8): E1/E2 weigh less */
	bool may_drop;           /* drop a session rather than bend E1 or C1 */
	bool may_drop_all;       /* ... even the last one (taper and race weeks) */
} co_sched_week;

typedef struct co_sched_result {
	int n;                        /* sessions placed */
	int day[CO_SCHED_MAX];        /* weekday 0-6, ascending */
	int penalty;                  /* total score of the placement */
	unsigned bent[CO_SCHED_MAX];  /* CO_BENT_* bits per session */
	char why[CO_SCHED_MAX][400];  /* E3: the reason of each placement */
	char note[400];               /* a week note when sessions were dropped, else "" */
} co_sched_result;

enum {
	CO_BENT_E1 = 1u << 0,
	CO_BENT_C1 = 1u << 1,
	CO_BENT_E2 = 1u << 2,
	CO_BENT_C8 = 1u << 3
};

/** Place in->sessions sessions (or fewer) in the week; fills *out. */
void co_schedule_week(co_sched_result *out, const co_sched_week *in);

#endif
