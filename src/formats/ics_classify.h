/*
 * The classifier of calendar events (src/formats/ics_classify.c): what a
 * coach's summary says about a run ("Tempo 40'", "Long run 2h", "Half
 * marathon (B)"). Internal to the iCalendar reader (ics.c); the table is
 * in docs/formats/calendar.md.
 */
#ifndef CO_FORMATS_ICS_CLASSIFY_H
#define CO_FORMATS_ICS_CLASSIFY_H

#include <stdbool.h>

#include "carryover/plan.h"

typedef enum ev_kind { EV_UNKNOWN = 0, EV_RUN, EV_RACE, EV_GENERIC_RUN } ev_kind;

typedef struct verdict {
	ev_kind kind;
	co_run_type type;
	int minutes;          /* from the summary; 0 when it does not say */
	double distance_km;   /* 0 when it does not say */
	co_race_priority priority;
	bool priority_given;
} verdict;

/*
 * Classify a summary. The first run-type word wins; "race" (not "race
 * pace", "pre-race") or, with no run-type word, a race distance as races
 * are named (5K, 10K, half marathon, marathon, ultra) makes a race; "6x800"
 * alone makes intervals.
 */
verdict co_ics_classify(const char *summary);

#endif
