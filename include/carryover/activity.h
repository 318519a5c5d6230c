/*
 * A recorded activity (a run, a ride, a swim), independent of the file it
 * came from.
 *
 * The FIT, GPX and TCX readers all produce a co_activity: summary totals,
 * laps, and a compact sample stream. Invariants every reader keeps:
 *   - times are UTC: `start` is Unix seconds; sample and lap times are
 *     relative to `start` (samples) or absolute Unix seconds (laps);
 *   - a number that is not known is negative (CO_UNKNOWN), never 0, so
 *     "0 m" and "no distance" differ; heart rates use 0 for unknown
 *     (no one has a heart rate of 0 bpm) and keep to a byte;
 *   - samples are at most 1 Hz (sample times strictly increase by at least
 *     `sample_stride` seconds) and there are at most `sample_cap` of them:
 *     when a long activity overflows, every other sample is dropped and the
 *     stride doubles, so memory is bounded whatever the input;
 *   - sport and sub_sport use the FIT numbering for every format.
 *
 * Readers stream: they report each activity they complete to a callback
 * (co_activity_fn), so chained FIT files and multi-activity TCX files need
 * no list. The co_activity passed to the callback belongs to the reader and
 * lives until the callback returns; keep it with co_activity_copy().
 */
#ifndef CARRYOVER_ACTIVITY_H
#define CARRYOVER_ACTIVITY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The value of an unknown total (seconds, metres, m/s, RPE). */
#define CO_UNKNOWN (-1.0)

/** What co_sample_altitude() returns when a sample has no altitude. */
#define CO_NO_ALTITUDE (-1000.0)

/** A sample's lat/lon when it has no position. */
#define CO_NO_POS INT32_MIN
/** A sample's altitude, speed or cadence when it has none. */
#define CO_NO_U16 0xFFFFu

/** Default for co_activity.sample_cap: one day at 1 Hz, 2 MB of samples. */
#define CO_SAMPLE_CAP_DEFAULT 86400u

/** FIT sport numbers used by the readers (the FIT `sport` enum). */
enum {
	CO_SPORT_GENERIC = 0,
	CO_SPORT_RUNNING = 1,
	CO_SPORT_CYCLING = 2,
	CO_SPORT_TRANSITION = 3,
	CO_SPORT_FITNESS_EQUIPMENT = 4,
	CO_SPORT_SWIMMING = 5,
	CO_SPORT_TRAINING = 10,
	CO_SPORT_WALKING = 11,
	CO_SPORT_HIKING = 17,
	CO_SPORT_MULTISPORT = 18,
	CO_SPORT_ROWING = 15,
	CO_SPORT_UNKNOWN = 255
};

/**
 * One point of the sample stream: 24 bytes. Fields are stored in fixed
 * point; use the co_sample_*() helpers below to read them in SI units.
 */
typedef struct co_sample {
	uint32_t t;         /* seconds since co_activity.start */
	int32_t lat;        /* degrees x 1e7, CO_NO_POS when absent */
	int32_t lon;        /* degrees x 1e7, CO_NO_POS when absent */
	float distance;     /* metres since start; negative when absent */
	uint16_t altitude;  /* (metres + 500) x 5, as FIT; CO_NO_U16 absent */
	uint16_t speed;     /* mm/s; CO_NO_U16 absent */
	uint16_t cadence;   /* steps/min x 16 (2 x FIT cadence + fraction; for
	                     * cycling that is 2 x rpm); CO_NO_U16 absent */
	uint8_t hr;         /* bpm; 0 absent */
	uint8_t flags;      /* reserved, 0 */
} co_sample;

/** A lap as the device summarised it. */
typedef struct co_lap {
	int64_t start;      /* UTC Unix seconds; 0 when unknown */
	double elapsed;     /* s, wall clock; CO_UNKNOWN */
	double moving;      /* s, timer (pauses excluded); CO_UNKNOWN */
	double distance;    /* m; CO_UNKNOWN */
	double avg_speed;   /* m/s; CO_UNKNOWN */
	uint8_t avg_hr;     /* bpm; 0 unknown */
	uint8_t max_hr;     /* bpm; 0 unknown */
} co_lap;

typedef struct co_activity {
	const char *format;   /* "fit", "gpx" or "tcx" (static string) */
	int sport;            /* FIT sport (CO_SPORT_*); CO_SPORT_GENERIC when unknown */
	int sub_sport;        /* FIT sub_sport; 0 (generic) when unknown */
	int64_t start;        /* UTC Unix seconds; 0 when unknown */
	int32_t utc_offset;   /* local time - UTC, seconds; valid when has_utc_offset */
	int has_utc_offset;   /* 1 when the file said (FIT activity.local_timestamp) */
	double elapsed;       /* s, wall clock; CO_UNKNOWN */
	double moving;        /* s, timer time; CO_UNKNOWN */
	double distance;      /* m; CO_UNKNOWN */
	double avg_speed;     /* m/s; CO_UNKNOWN */
	double ascent;        /* m; CO_UNKNOWN */
	uint8_t avg_hr;       /* bpm; 0 unknown */
	uint8_t max_hr;       /* bpm; 0 unknown */
	/*
	 * What the athlete told the watch after the activity (Garmin's
	 * post-activity prompt; FIT session field 192 workout_feel and 193
	 * workout_rpe). feel: 0 very weak .. 25 weak .. 50 normal .. 75
	 * strong .. 100 very strong; -1 unknown. rpe: 1..10 (Borg CR10, FIT
	 * stores x10); CO_UNKNOWN when not given.
	 */
	int feel;
	double rpe;
	char device[64];      /* "garmin forerunner 945", "" when unknown */
	unsigned index;       /* 0-based: which activity of the input this is */
	int truncated;        /* 1 when salvaged from a cut file: totals may be short */

	co_lap *laps;         /* owned; nlaps entries */
	size_t nlaps;
	size_t laps_alloc;

	co_sample *samples;   /* owned; nsamples entries, t strictly increasing */
	size_t nsamples;
	size_t samples_alloc;
	size_t sample_cap;    /* at most this many samples (>= 2) */
	uint32_t sample_stride; /* seconds between kept samples: 1, 2, 4, ... */
} co_activity;

/**
 * A reader calls this for each activity it completes. `act` belongs to the
 * reader and is valid only during the call. Return 0 to go on; any other
 * value stops the reader, which then returns that value.
 */
typedef int (*co_activity_fn)(void *ctx, const co_activity *act);

/** Set every field to "unknown" and sample_cap to CO_SAMPLE_CAP_DEFAULT. */
void co_activity_init(co_activity *act);

/** Free the laps and samples and init() again. NULL is a no-op. */
void co_activity_release(co_activity *act);

/** release() then free() a heap activity (from co_activity_copy). NULL ok. */
void co_activity_free(co_activity *act);

/**
 * Deep-copy src into a new heap activity *out (free with co_activity_free).
 * Returns 0 or CO_ENOMEM.
 */
int co_activity_copy(co_activity **out, const co_activity *src);

/**
 * Builder for readers: append a sample, resampling to the stream rules.
 * A sample whose t is less than the last kept t + sample_stride is
 * merged into the last one (it only fills fields the last one lacks); when
 * the cap is reached, every other sample is dropped and the stride doubles.
 * Returns 0 or CO_ENOMEM.
 */
int co_activity_add_sample(co_activity *act, const co_sample *s);

/** Builder for readers: append a lap. Returns 0 or CO_ENOMEM. */
int co_activity_add_lap(co_activity *act, const co_lap *lap);

/**
 * Builder for readers, once all samples are in: fill the totals that are
 * still unknown from the samples (elapsed from the last sample time,
 * distance from the last sample distance, avg/max HR, avg speed, ascent).
 * Totals the file gave are left as they are.
 */
void co_activity_finish(co_activity *act);

/** A sample with every field absent (t = 0). */
void co_sample_init(co_sample *s);

/** Sample helpers in SI units; they return CO_UNKNOWN (or 0 for HR) when absent. */
double co_sample_lat(const co_sample *s);       /* degrees */
double co_sample_lon(const co_sample *s);       /* degrees */
double co_sample_altitude(const co_sample *s);  /* metres; CO_NO_ALTITUDE when absent */
double co_sample_speed(const co_sample *s);     /* m/s */
double co_sample_cadence(const co_sample *s);   /* steps/min */
/**
 * Setters that clamp to the fixed-point range. A NaN (or, for speed and
 * cadence, a negative value) leaves the field absent.
 */
void co_sample_set_pos(co_sample *s, double lat_deg, double lon_deg);
void co_sample_set_altitude(co_sample *s, double metres);
void co_sample_set_speed(co_sample *s, double mps);
void co_sample_set_cadence(co_sample *s, double steps_per_min);

/**
 * The FIT sport name ("running", "cycling", ...), or "unknown" for
 * numbers we do not name. Never NULL, static.
 */
const char *co_sport_name(int sport);

/**
 * The FIT sub_sport name ("trail", "treadmill", "indoor_running", ...), or
 * NULL for generic (0) and numbers we do not name. Static.
 */
const char *co_sub_sport_name(int sub_sport);

/**
 * The FIT sport number for a name as GPX/TCX files write it ("Running",
 * "running", "run", "Biking", "cycling", "ride", "swim", "walk", ...);
 * CO_SPORT_GENERIC when unknown. Case-insensitive; NULL gives generic.
 */
int co_sport_parse(const char *name);

#ifdef __cplusplus
}
#endif

#endif
