/*
 * The athlete profile: who the runner is, what they have, how they run.
 *
 * A profile is read from the INI format of DESIGN.md (docs/profile.md) by
 * co_profile_load()/co_profile_parse(); every error names the file, line and
 * field. The struct is plain data the engine reads; it is owned by whoever
 * got it from _load/_parse/_new and freed with co_profile_free().
 */
#ifndef CARRYOVER_ATHLETE_H
#define CARRYOVER_ATHLETE_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/catalog.h"
#include "carryover/date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Run types (DESIGN.md). Names: co_run_type_name(). */
typedef enum co_run_type {
	CO_RUN_REST = 0,
	CO_RUN_EASY,
	CO_RUN_RECOVERY,
	CO_RUN_LONG,
	CO_RUN_TEMPO,
	CO_RUN_THRESHOLD,
	CO_RUN_INTERVALS,
	CO_RUN_HILLS,
	CO_RUN_FARTLEK,
	CO_RUN_RACE,
	CO_RUN_CROSS,
	CO_RUN_TYPE_COUNT
} co_run_type;

/** Key runs: long, tempo, threshold, intervals, hills, race (METHOD E1). */
bool co_run_type_is_key(co_run_type t);
const char *co_run_type_name(co_run_type t);
/** -1 when unknown. */
int co_run_type_from_name(const char *name);
/** The minutes a day of [week] gets when only its TYPE is written (0 for rest). */
int co_run_type_default_minutes(co_run_type t);

/** One day of the usual running week, or one dated run. */
typedef struct co_run {
	co_date date;       /* for dated runs; unused in the weekly template */
	co_run_type type;
	int minutes;        /* 0 for rest */
	double distance_km; /* 0 when unknown */
	int rpe;            /* 0 when unknown, else 1-10 */
} co_run;

typedef enum co_race_priority {
	CO_RACE_A = 0,
	CO_RACE_B,
	CO_RACE_C
} co_race_priority;

/** "A", "B", "C"; _from_name is case-insensitive and returns -1 when unknown. */
const char *co_race_priority_name(co_race_priority p);
int co_race_priority_from_name(const char *name);

typedef struct co_race {
	char *name;
	co_date date;
	double distance_km; /* 5, 10, 21.0975, 42.195, or a number; ultra = 50 */
	co_race_priority priority;
	int line;           /* where it was declared, for messages */
} co_race;

/** The RPE of a [lifts] set written without one ("80 x 8"). */
#define CO_LIFT_DEFAULT_RPE 8.0

/** How a [lifts] value was written. */
typedef enum co_lift_form {
	CO_LIFT_BARE = 0,   /* "80": ambiguous, read as an e1RM (profile check says so) */
	CO_LIFT_SET,        /* "80 x 8" or "80 x 8 @ 7.5": a recent set (RPE 8 when not given) */
	CO_LIFT_E1RM        /* "e1rm 100" */
} co_lift_form;

/** What the runner knows of one exercise, in the profile's units. */
typedef struct co_lift {
	char *exercise;     /* catalogue id (aliases are resolved when parsing) */
	double load;        /* the number written: the set's load, or the e1RM */
	co_lift_form form;
	int reps;           /* CO_LIFT_SET: the set's reps */
	double rpe;         /* CO_LIFT_SET: its RPE (8 when not given) */
} co_lift;

/**
 * A niggle: a body site that hurts, e.g. "achilles_left". The site decides
 * which regions are spared (METHOD A8): co_niggle_regions().
 */
typedef struct co_niggle {
	char *site;         /* as written, lowercase: "achilles_left" */
	unsigned regions;   /* co_region bits the site spares */
} co_niggle;

typedef enum co_units {
	CO_UNITS_KG = 0,
	CO_UNITS_LB
} co_units;

/** "kg", "lb"; _from_name returns -1 when unknown. */
const char *co_units_name(co_units u);
int co_units_from_name(const char *name);

/** How distances and paces are shown (stored and computed in km). */
typedef enum co_distance_units {
	CO_DIST_KM = 0,
	CO_DIST_MI
} co_distance_units;

#define CO_KM_PER_MILE 1.609344

/** "km", "mi"; _from_name takes km, mi (and "miles", "kilometres") and returns -1 when unknown. */
const char *co_distance_units_name(co_distance_units u);
int co_distance_units_from_name(const char *name);

typedef struct co_profile {
	char *source;          /* file the profile came from, for messages; may be NULL */

	/* [athlete] */
	char *name;
	co_level level;        /* default intermediate */
	co_units units;        /* default kg */
	co_distance_units distance_units; /* default km: how distances and paces are shown */
	double body_mass;      /* in units; 0 when not given */
	unsigned equipment;    /* co_equipment bits; default CO_EQUIP_NONE_SET */
	int session_minutes;   /* default 45 (METHOD B4); 15-120 */
	int sessions_per_week; /* default 2 (METHOD C1); 1-3 */
	bool double_days;      /* default no (METHOD E2) */
	co_date start;         /* default: today when it is a Monday, else the next Monday */
	int deload_every;      /* default 4 (METHOD C9); 3-6 */
	double acwr_threshold; /* default 1.5 (METHOD D4); 1.2-2.0 */
	double plate_step;     /* smallest barbell step; default 2.5 kg / 5 lb (METHOD D2) */
	double dumbbell_step;  /* smallest dumbbell step; default 2 kg / 5 lb (METHOD D2) */
	bool plyometrics;      /* default no (METHOD A6): a separate low-volume block when yes */
	bool strides;          /* default yes (METHOD B5) */
	co_niggle *niggles;    /* no two with the same site */
	size_t n_niggles;
	char *runs_file;       /* dated runs (.ics or .csv), resolved against the profile's folder; may be NULL */
	int runs_line;         /* the line of `runs =` in the profile's file; 0 when not read from one */

	/* [week]: index CO_MON..CO_SUN; minutes 0 and type rest when a day is missing */
	co_run week[7];

	/* [race NAME] sections, sorted by date */
	co_race *races;
	size_t n_races;

	/* [lifts] */
	co_lift *lifts;
	size_t n_lifts;
} co_profile;

/**
 * Parse a profile from INI text. `source` is the file name used in error
 * messages ("marathon.ini:12: unknown run type 'tempoo' (did you mean
 * 'tempo'?)"); `today` fills the default start (co_profile_default_start).
 * On success *out owns a new profile; on failure *out is NULL. Returns 0 or
 * CO_EINPUT. `runs` is kept as written (co_profile_load resolves it).
 */
int co_profile_parse(co_profile **out, const char *text, size_t len,
		     const char *source, co_date today);

/**
 * Read and parse a file; errors as co_profile_parse, or CO_EIO. Messages
 * name the file as `path` is written. A relative `runs` is resolved against
 * the folder of `path`.
 */
int co_profile_load(co_profile **out, const char *path, co_date today);

/**
 * A profile holding every default and a week of rest, for building one in
 * code: set fields with co_profile_set(), then call co_profile_finish().
 * Free it with co_profile_free(). Never NULL (allocation failure aborts).
 */
co_profile *co_profile_new(co_date today);

/**
 * Set one key as the INI file would: `section` is "athlete", "week",
 * "lifts" or "race NAME" (the race is added when new). Validates the value
 * as the parser does; messages carry no location ("wed: minutes must be
 * between 1 and 600, got '-5'"). Set "units" first: body mass and the
 * steps are checked in the current units, and switching units moves the
 * plate and dumbbell steps that still hold the old unit's default.
 * Returns 0 or CO_EINPUT.
 */
int co_profile_set(co_profile *p, const char *section, const char *key, const char *value);

/**
 * The checks that need the whole profile: every race has a date and a
 * distance, on or after `start` and within 3 years of it; races are then
 * sorted by date. Returns 0 or CO_EINPUT.
 */
int co_profile_finish(co_profile *p);

/** The default `start` for `today`: today when it is a Monday, else the next Monday. */
co_date co_profile_default_start(co_date today);

void co_profile_free(co_profile *p);

/**
 * Resolve the profile's relative file names (`runs`) against the folder of
 * `profile_path`, as co_profile_load() does; for a profile parsed from text
 * that came from that file (e.g. a copy kept in the store).
 */
void co_profile_resolve_paths(co_profile *p, const char *profile_path);

/**
 * The e1RM of a lift from [lifts] (a set through the RPE chart of
 * SCIENCE.md; a bare number is read as an e1RM), or 0 when not given.
 */
double co_profile_lift(const co_profile *p, const char *exercise_id);

/**
 * The regions a niggle site spares, or 0 for an unknown site. Sites may end
 * in _left/_right: "achilles_left" spares calves and ankles. The mapping and
 * its reasons are in docs/profile.md.
 */
unsigned co_niggle_regions(const char *site);

/**
 * The index of a niggle site (with or without a _left/_right side) in
 * co_niggle_sites(), or -1 for an unknown site.
 */
int co_niggle_site_index(const char *site);

/** True for a site of the lower limb (every site but lower_back): no strides, no plyometrics (A8). */
bool co_niggle_site_lower_limb(int index);

/** The known niggle sites without a side, NULL-terminated (static storage). */
const char *const *co_niggle_sites(void);

/**
 * Parse a comma-separated equipment list ("barbell, dumbbells, box") into
 * co_equipment bits. Besides each co_equipment name: "none" (bodyweight and
 * a band, CO_EQUIP_NONE_SET), "bodyweight" (nothing) and "gym" (all).
 * Returns 0 or CO_EINPUT ("unknown equipment 'dumbels' (did you mean ...)").
 */
int co_equipment_parse(unsigned *out, const char *list);

/**
 * Parse "5k", "10k", "half", "marathon", "ultra" or "NUMBER km" (also
 * "NUMBERkm" and "NUMBER mi"), case-insensitive, 0.1-500 km. Returns 0 or
 * CO_EINPUT.
 */
int co_race_distance_parse(double *out_km, const char *text);

/**
 * A commented profile template (the `carryover init` output), filled from
 * `p` where it has values (every default when `p` is NULL, with an example
 * week). Every key appears with its default and allowed values; the text
 * parses back to the same profile. Returns a malloc'd string the caller frees.
 */
char *co_profile_template(const co_profile *p);

#ifdef __cplusplus
}
#endif

#endif
