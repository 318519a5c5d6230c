/*
 * FIT (Garmin's Flexible and Interoperable data Transfer) activity decoding.
 *
 * Two levels:
 *   - co_fit_decode() turns a FIT file into co_activity values (activity.h),
 *     reported through a callback: one per activity file in a chain, or one
 *     per session when a file holds several (a triathlon: swim, bike, run).
 *     Non-activity files (settings, workouts, monitoring, ...) are skipped
 *     with a reason.
 *   - co_fit_walk() is the record level beneath it: one callback per data
 *     message, with typed accessors that read a field by its number.
 *
 * The whole input is a caller-owned buffer; nothing is copied and nothing
 * is allocated per record (one allocation per call for the 16 local message
 * definitions, plus the activity's bounded sample stream). Every chained
 * file's CRC is checked before any of its messages is decoded, so a corrupt
 * file never yields messages. A truncated file is an error unless the
 * caller asks to salvage it (co_fit_options.salvage).
 */
#ifndef CARRYOVER_FIT_H
#define CARRYOVER_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/activity.h"

#ifdef __cplusplus
extern "C" {
#endif

/** FIT date_time 0 (1989-12-31T00:00:00Z) as Unix seconds. */
#define CO_FIT_EPOCH 631065600

/** FIT date_time values below this are relative (seconds since power-on). */
#define CO_FIT_DATE_MIN 0x10000000u

/** FIT global message numbers the decoder knows by name. */
enum {
	CO_FIT_FILE_ID = 0,
	CO_FIT_SPORT = 12,
	CO_FIT_SESSION = 18,
	CO_FIT_LAP = 19,
	CO_FIT_RECORD = 20,
	CO_FIT_EVENT = 21,
	CO_FIT_DEVICE_INFO = 23,
	CO_FIT_ACTIVITY = 34,
	CO_FIT_SET = 225,          /* one set or rest of a strength activity */
	CO_FIT_FILE_ACTIVITY = 4 /* file_id.type of an activity file */
};

typedef struct co_fit_options {
	/*
	 * Decode a truncated file (its header promises more data than there
	 * is) up to the last whole message, and report the activity with
	 * truncated = 1 instead of failing. Off by default: a cut file is an
	 * error. CRC errors are never salvaged.
	 */
	int salvage;
	/* co_activity.sample_cap for the activities reported; 0: the default. */
	size_t sample_cap;
} co_fit_options;

#define CO_FIT_OPTIONS_INIT {0, 0}

/**
 * Decode the FIT file in buf[0..len) and call cb(ctx, act) for each activity
 * it holds, in file order. `opt` may be NULL (defaults). Returns:
 *   0                one or more activities reported (non-activity chained
 *                    files were skipped);
 *   CO_EUNSUPPORTED  a valid FIT file with no activity; the last error says
 *                    what it is: "settings file, not an activity";
 *   CO_EINPUT        not FIT, corrupt (CRC) or truncated: the message gives
 *                    the byte offset and the reason. Activities of earlier
 *                    files in a chain may already have been reported;
 *   CO_ENOMEM        out of memory;
 *   cb's value       when the callback returned non-zero (decoding stops).
 */
int co_fit_decode(const unsigned char *buf, size_t len,
		  const co_fit_options *opt, co_activity_fn cb, void *ctx);

/* --- strength sets -------------------------------------------------------- */

/**
 * One active set of a strength activity (sport 10 training, sub_sport 20
 * strength_training; IMPORTS.md section 4), from a `set` message with
 * set_type 1. Rest sets are not reported. Reps and exercise are the
 * watch's guesses; the candidate lists (category, category_subtype) are
 * arrays, of which the first valid element is kept.
 */
typedef struct co_fit_set {
	int64_t start;        /* Unix seconds of start_time (else timestamp); 0 unknown */
	double seconds;       /* duration; < 0 unknown */
	int reps;             /* repetitions; < 0 unknown (a timed set) */
	double weight_kg;     /* weight; < 0 none (bodyweight) */
	int category;         /* exercise_category; < 0 unknown */
	int subtype;          /* exercise name within the category; < 0 unknown */
	int wkt_step;         /* wkt_step_index of the workout followed; < 0 none */
	int message_index;    /* < 0 none */
	int lb;               /* weight_display_unit said pounds */
} co_fit_set;

/** The most sets co_fit_sets() keeps (more are dropped and counted). */
#define CO_FIT_MAX_SETS 2000

/**
 * The active sets of the FIT file in buf[0..len), in file order, into a
 * new array *out (free()) of *n; *dropped (may be NULL) counts the active
 * sets beyond CO_FIT_MAX_SETS. A file with no set message gives *n = 0.
 * Returns as co_fit_walk(); on failure *out is NULL.
 */
int co_fit_sets(const unsigned char *buf, size_t len, co_fit_set **out, size_t *n,
		size_t *dropped);

/* --- record level --------------------------------------------------------- */

typedef struct co_fit_def co_fit_def; /* a decoded definition (private) */

/** One data message, valid during the co_fit_mesg_fn call only. */
typedef struct co_fit_mesg {
	uint16_t global;      /* global message number (20 = record) */
	uint8_t local;        /* local message type, 0..15 */
	uint8_t compressed;   /* 1 when the header carried a compressed timestamp */
	uint32_t timestamp;   /* FIT date_time of field 253 or of the compressed
	                       * header; 0 when the message has neither */
	unsigned file;        /* 0-based index of the file in a chain */
	size_t offset;        /* byte offset of the record header in the input */
	const unsigned char *data;  /* the message's field bytes */
	const co_fit_def *def;
} co_fit_mesg;

/** Raw view of one field of a message. */
typedef struct co_fit_field {
	uint8_t num;          /* field definition number */
	uint8_t size;         /* bytes */
	uint8_t base_type;    /* FIT base type byte as defined (0x84 = uint16) */
	uint8_t big_endian;   /* the architecture of the definition */
	const unsigned char *data;
} co_fit_field;

/** Return 0 to go on, anything else to stop the walk with that value. */
typedef int (*co_fit_mesg_fn)(void *ctx, const co_fit_mesg *m);

/**
 * Walk every data message of buf[0..len), chained files included. Same
 * returns as co_fit_decode except that no file type is checked (settings
 * files are walked too, returning 0). With opt->salvage, the messages of a
 * truncated file are delivered up to the cut and the walk still returns
 * CO_EINPUT ("truncated ...").
 */
int co_fit_walk(const unsigned char *buf, size_t len,
		const co_fit_options *opt, co_fit_mesg_fn cb, void *ctx);

/**
 * The first element of integer field `num` of m in *out. Returns false when
 * the message lacks the field, the value is the base type's invalid value,
 * the field is not an integer type, or its size is not a multiple of the
 * base type's size (such fields read as bytes, co_fit_mesg_field()).
 */
bool co_fit_mesg_int(const co_fit_mesg *m, unsigned num, int64_t *out);

/**
 * Field `num` converted by the profile rule value = raw / scale - offset,
 * for integer and float fields. False as co_fit_mesg_int() (and for NaN).
 */
bool co_fit_mesg_num(const co_fit_mesg *m, unsigned num, double scale,
		     double offset, double *out);

/**
 * String field `num` copied into buf (size n >= 1, always NUL-terminated,
 * cut at the first NUL or at the field's end when unterminated). Returns
 * the length, 0 when absent or empty.
 */
size_t co_fit_mesg_string(const co_fit_mesg *m, unsigned num, char *buf,
			  size_t n);

/** The raw field `num`; false when absent. */
bool co_fit_mesg_field(const co_fit_mesg *m, unsigned num, co_fit_field *out);

/** Number of (non-developer) fields, and the i-th of them (0-based). */
unsigned co_fit_mesg_count(const co_fit_mesg *m);
bool co_fit_mesg_field_at(const co_fit_mesg *m, unsigned i, co_fit_field *out);

/**
 * CRC-16/ARC as FIT uses it (poly 0xA001 reflected, init 0): feed `crc`
 * from the previous call (0 to start). The check value of "123456789" is
 * 0xBB3D; running it over a whole FIT file including its CRC gives 0.
 */
uint16_t co_fit_crc16(uint16_t crc, const void *data, size_t len);

/** The FIT file type's name ("activity", "settings", "workout", ...); "unknown". */
const char *co_fit_file_type_name(int type);

/** Manufacturer name (snake_case, "garmin"), or NULL when unknown. */
const char *co_fit_manufacturer_name(int manufacturer);

#ifdef __cplusplus
}
#endif

#endif
