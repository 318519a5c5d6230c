/*
 * The exercise catalogue: every exercise carryover can prescribe, tagged by
 * what it carries over to running (METHOD A1-A7).
 *
 * The catalogue's source is data/exercises.ini, reviewed like code and
 * embedded into the binary at build time; co_catalog_default() parses that
 * copy once. Entries are immutable after loading and owned by the catalogue.
 */
#ifndef CARRYOVER_CATALOG_H
#define CARRYOVER_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Movement patterns (METHOD A1-A7). Names: co_pattern_name(). */
typedef enum co_pattern {
	CO_PATTERN_HINGE = 0,
	CO_PATTERN_SQUAT,
	CO_PATTERN_SINGLE_LEG,
	CO_PATTERN_HIP_EXTENSION,
	CO_PATTERN_CARRY,
	CO_PATTERN_CALF_STRAIGHT,   /* straight-knee calf raise (gastrocnemius) */
	CO_PATTERN_CALF_BENT,       /* bent-knee calf raise (soleus) */
	CO_PATTERN_TIBIALIS,
	CO_PATTERN_ANTI_ROTATION,
	CO_PATTERN_ANTI_EXTENSION,
	CO_PATTERN_ANTI_LATERAL_FLEXION,
	CO_PATTERN_HIP_STABILITY,
	CO_PATTERN_MOBILITY_HIPS,
	CO_PATTERN_MOBILITY_ANKLES,
	CO_PATTERN_MOBILITY_THORACIC,
	CO_PATTERN_ACTIVATION,
	CO_PATTERN_BREATHING,
	CO_PATTERN_PLYOMETRIC,
	CO_PATTERN_COUNT
} co_pattern;

/** Body regions (DESIGN.md's list), as bits so an exercise can train several. */
typedef enum co_region {
	CO_REGION_HIPS = 1u << 0,
	CO_REGION_GLUTES = 1u << 1,
	CO_REGION_HAMSTRINGS = 1u << 2,
	CO_REGION_QUADS = 1u << 3,
	CO_REGION_CORE = 1u << 4,
	CO_REGION_CALVES = 1u << 5,
	CO_REGION_SHINS = 1u << 6,
	CO_REGION_UPPER_BACK = 1u << 7,
	CO_REGION_ANKLES = 1u << 8,
	CO_REGION_THORACIC = 1u << 9,
	CO_REGION_COUNT = 10
} co_region;

/** The six regions every session must train (METHOD A2). */
#define CO_REGIONS_A2 (CO_REGION_HIPS | CO_REGION_GLUTES | CO_REGION_HAMSTRINGS | \
		       CO_REGION_QUADS | CO_REGION_CORE | CO_REGION_CALVES)

/**
 * Equipment, as bits. An exercise lists what it needs (all of it); an
 * athlete lists what they have. Bodyweight needs nothing (0). The profile
 * word "none" means bodyweight plus a band (CO_EQUIP_NONE_SET); "gym" means
 * everything (CO_EQUIP_ALL).
 */
typedef enum co_equipment {
	CO_EQUIP_BAND = 1u << 0,
	CO_EQUIP_DUMBBELLS = 1u << 1,
	CO_EQUIP_KETTLEBELL = 1u << 2,
	CO_EQUIP_BARBELL = 1u << 3,
	CO_EQUIP_TRAP_BAR = 1u << 4,
	CO_EQUIP_BENCH = 1u << 5,
	CO_EQUIP_BOX = 1u << 6,
	CO_EQUIP_CABLE = 1u << 7,
	CO_EQUIP_MACHINE = 1u << 8,
	CO_EQUIP_SLIDERS = 1u << 9,
	CO_EQUIP_PLATE = 1u << 10,
	CO_EQUIP_COUNT = 11
} co_equipment;

#define CO_EQUIP_NONE_SET ((unsigned)CO_EQUIP_BAND)
#define CO_EQUIP_ALL ((1u << CO_EQUIP_COUNT) - 1)

typedef enum co_level {
	CO_LEVEL_NOVICE = 0,
	CO_LEVEL_INTERMEDIATE,
	CO_LEVEL_ADVANCED,
	CO_LEVEL_COUNT
} co_level;

/** What an exercise carries over to running (METHOD A3), as bits. */
typedef enum co_carryover {
	CO_CARRY_VERTICAL_FORCE = 1u << 0,
	CO_CARRY_BRAKING_CONTROL = 1u << 1,
	CO_CARRY_STABILITY = 1u << 2,
	CO_CARRY_POSTERIOR_CHAIN = 1u << 3,
	CO_CARRY_COUNT = 4
} co_carryover;

/** How a set is counted: repetitions, or seconds held / walked. */
typedef enum co_dose_kind {
	CO_DOSE_REPS = 0,
	CO_DOSE_SECONDS
} co_dose_kind;

typedef struct co_exercise {
	const char *id;         /* stable, snake_case: "romanian_deadlift" */
	const char *name;       /* "Romanian deadlift" */
	const char *const *aliases; /* NULL-terminated: "rdl", ... */
	co_pattern pattern;
	unsigned regions;       /* co_region bits */
	bool unilateral;        /* one side at a time (doses are per side) */
	unsigned equipment;     /* co_equipment bits, all required; 0 = bodyweight */
	co_level level;         /* the lowest level it suits */
	unsigned carryover;     /* co_carryover bits */
	bool ballistic;         /* jumps, throws, swings: never in a heavy block (A6) */
	bool compound;          /* may be a main lift (A1: a transferable pattern, not machine isolation) */
	const char *tempo;      /* eccentric-pause-concentric, "3-1-X"; NULL when not applicable */
	co_dose_kind dose;
	int dose_min, dose_max; /* reps, or seconds, per set (per side when unilateral) */
	const char *progression; /* id of the harder neighbour, or NULL */
	const char *regression;  /* id of the easier neighbour, or NULL */
	uint16_t fit_category;  /* Garmin FIT exercise_category */
	uint16_t fit_name;      /* Garmin FIT exercise_name within that category */
	const char *cue;        /* one-line coaching cue */
	unsigned gentle_for;    /* A8: bits (1 << co_niggle_site_index()) of the niggle
				 * sites this is a graded regression for: it may load
				 * their regions, at a pain of at most 3/10 */
} co_exercise;

typedef struct co_catalog co_catalog;

/**
 * The catalogue embedded in the binary, parsed on first use and shared
 * (thread-safe; never free it). NULL only if the embedded data is broken,
 * which the test suite rules out; the last error then says why.
 */
const co_catalog *co_catalog_default(void);

/**
 * Parse a catalogue from INI text (the format of data/exercises.ini).
 * `source` names the text in error messages ("exercises.ini:12: ...").
 * On success *out owns a new catalogue: free it with co_catalog_free().
 * Returns 0 or CO_EINPUT (unknown key, bad value, duplicate id or alias,
 * progression/regression naming an unknown id, a cycle of progressions).
 */
int co_catalog_parse(co_catalog **out, const char *text, size_t len, const char *source);

void co_catalog_free(co_catalog *cat);

size_t co_catalog_count(const co_catalog *cat);

/** The i-th exercise in file order; NULL when i is out of range. */
const co_exercise *co_catalog_at(const co_catalog *cat, size_t i);

/** Find by id or alias (case-insensitive, '-' and ' ' match '_'); NULL when unknown. */
const co_exercise *co_catalog_find(const co_catalog *cat, const char *id_or_alias);

/** The id or alias closest to a mistyped name, or NULL when nothing is close. */
const char *co_catalog_suggest(const co_catalog *cat, const char *typed);

/** Why an exercise carries over to running: a sentence built from its pattern and tags. */
const char *co_pattern_why(co_pattern p);

/* Names as they appear in the catalogue, profiles and JSON, and back. The
 * _name functions return static strings, or NULL for a value out of range
 * (for the bit sets: anything but a single known bit). The _from_name
 * functions ignore case, read '-' and ' ' as '_', and return -1 for an
 * unknown name. */
const char *co_pattern_name(co_pattern p);
int co_pattern_from_name(const char *name);
const char *co_region_name(co_region r); /* r: a single bit */
int co_region_from_name(const char *name); /* returns the bit, or -1 */
const char *co_equipment_name(co_equipment e);
int co_equipment_from_name(const char *name);
const char *co_level_name(co_level l);
int co_level_from_name(const char *name);
const char *co_carryover_name(co_carryover c);
int co_carryover_from_name(const char *name);

/** True when an exercise takes an external load (not bodyweight, band, box, bench or sliders). */
bool co_exercise_loadable(const co_exercise *ex);

#ifdef __cplusplus
}
#endif

#endif
