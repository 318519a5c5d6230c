/*
 * The FIT format itself, as the decoder and the workout encoder share it.
 * Private to src/formats/fit/; the public API is include/carryover/fit.h.
 *
 * A FIT file is a header (FIT_HEADER_SIZE bytes when written; readers
 * accept 12 or more), data_size bytes of records, and a CRC-16 of header
 * and data, little-endian. Records are definition messages (local type,
 * global message number, byte order, and per field its number, size and
 * base type) and data messages laid out as the definition says. Values
 * use the base types below, each with an "invalid" value meaning absent.
 *
 * Everything here is a definition or a static inline helper: the decoder's
 * hot loop (decode.c, ~8 instructions a byte, bench/fit_decode.c) reads
 * through rd16()/rd32() and must keep them inlined. The workout encoder
 * (encode.c) writes from the same:
 * base type bytes, message and field numbers, the header layout and the
 * CRC (co_fit_crc16(), crc.c).
 */
#ifndef CO_FORMATS_FIT_INT_H
#define CO_FORMATS_FIT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "carryover/fit.h"

#if defined(__GNUC__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

/* --- the file header ------------------------------------------------------- */

/*
 * Header layout (FIT protocol 2.0): byte 0 header size, 1 protocol
 * version (major in the high nibble), 2-3 profile version, 4-7 data size,
 * 8-11 ".FIT", 12-13 CRC of bytes 0-11 (0: not computed). Then data_size
 * bytes of records and the file CRC (of header and records).
 */
enum {
	FIT_HEADER_MIN = 12,     /* the smallest header a reader accepts */
	FIT_HEADER_SIZE = 14,    /* the header an encoder writes (with its CRC) */
	FIT_HEADER_DATA_SIZE = 4,/* offset of data_size (uint32) */
	FIT_HEADER_MAGIC = 8,    /* offset of ".FIT" */
	FIT_HEADER_CRC = 12,     /* offset of the header CRC (uint16) */
	FIT_PROTOCOL_MAX = 2,    /* the newest protocol major version read */
	FIT_CRC_SIZE = 2         /* the file CRC after the records */
};
#define FIT_MAGIC ".FIT"

/* Record header bits. */
enum {
	FIT_HDR_COMPRESSED = 0x80, /* compressed timestamp: local type in bits 5-6 */
	FIT_HDR_DEFINITION = 0x40, /* a definition message (normal header) */
	FIT_HDR_DEV_DATA = 0x20,   /* the definition has developer fields */
	FIT_HDR_LOCAL = 0x0F       /* local message type (normal header) */
};

/* --- base types -------------------------------------------------------------- */

/*
 * Base types by their low 5 bits (the type number). The byte a definition
 * writes is the number, plus 0x80 for the multi-byte types whose byte
 * order follows the definition's architecture (0x84 = uint16).
 */
enum {
	BT_ENUM, BT_SINT8, BT_UINT8, BT_SINT16, BT_UINT16, BT_SINT32,
	BT_UINT32, BT_STRING, BT_FLOAT32, BT_FLOAT64, BT_UINT8Z, BT_UINT16Z,
	BT_UINT32Z, BT_BYTE, BT_SINT64, BT_UINT64, BT_UINT64Z, BT_COUNT,
	BT_RAW = 0x1F /* unknown type, or a size not a multiple of the type's */
};

static const uint8_t bt_size[BT_COUNT] = {
	1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8
};

#define FIT_BASE_ENDIAN 0x80 /* in a base type byte: multi-byte, byte order applies */

/* --- message and field numbers (FIT profile, SDK 21.217) ------------------------ */

/*
 * Global message numbers beyond the public CO_FIT_* ones (fit.h): the
 * messages of a workout file, for the encoder.
 */
enum {
	FIT_MESG_WORKOUT = 26,
	FIT_MESG_WORKOUT_STEP = 27,
	FIT_MESG_EXERCISE_TITLE = 264
};

/* file_id.type of a workout file; manufacturer "development" (FORMATS.md 2.4). */
enum { FIT_FILE_WORKOUT = 5, FIT_MANUFACTURER_DEVELOPMENT = 255 };

/* The header an encoder writes: protocol 1.0 (no 64-bit types or developer
 * fields are needed, and the oldest devices read it) and profile 21.217. */
enum { FIT_PROTOCOL_1_0 = 0x10, FIT_PROFILE_VERSION = 21217 };

/* workout (FIT_MESG_WORKOUT). */
enum {
	FIT_WORKOUT_SPORT = 4,           /* enum sport: 10 training */
	FIT_WORKOUT_NUM_VALID_STEPS = 6, /* uint16: the workout_step messages */
	FIT_WORKOUT_WKT_NAME = 8,        /* string */
	FIT_WORKOUT_SUB_SPORT = 11       /* enum sub_sport: 20 strength_training */
};

/* workout_step (FIT_MESG_WORKOUT_STEP). duration_value and target_value
 * mean what duration_type says: reps, ms, or (repeat) the first step's
 * message_index and the number of rounds. */
enum {
	FIT_STEP_WKT_STEP_NAME = 0,      /* string */
	FIT_STEP_DURATION_TYPE = 1,      /* enum wkt_step_duration */
	FIT_STEP_DURATION_VALUE = 2,     /* uint32 */
	FIT_STEP_TARGET_TYPE = 3,        /* enum wkt_step_target: 2 open */
	FIT_STEP_TARGET_VALUE = 4,       /* uint32 */
	FIT_STEP_INTENSITY = 7,          /* enum intensity */
	FIT_STEP_NOTES = 8,              /* string */
	FIT_STEP_EXERCISE_CATEGORY = 10, /* uint16 exercise_category */
	FIT_STEP_EXERCISE_NAME = 11,     /* uint16, within the category */
	FIT_STEP_EXERCISE_WEIGHT = 12,   /* uint16, kg x 100 */
	FIT_STEP_WEIGHT_DISPLAY_UNIT = 13 /* uint16 fit_base_unit: 1 kg, 2 lb */
};

/* exercise_title (FIT_MESG_EXERCISE_TITLE): a display name for a pair. */
enum {
	FIT_TITLE_EXERCISE_CATEGORY = 0, /* uint16 */
	FIT_TITLE_EXERCISE_NAME = 1,     /* uint16 */
	FIT_TITLE_WKT_STEP_NAME = 2      /* string */
};

/* Fields every message may have. */
enum {
	FIT_FIELD_TIMESTAMP = 253,     /* date_time, uint32 */
	FIT_FIELD_MESSAGE_INDEX = 254
};

/* file_id (CO_FIT_FILE_ID). */
enum {
	FIT_FILE_ID_TYPE = 0,          /* CO_FIT_FILE_ACTIVITY, 5 workout, ... */
	FIT_FILE_ID_MANUFACTURER = 1,
	FIT_FILE_ID_PRODUCT = 2,
	FIT_FILE_ID_SERIAL_NUMBER = 3,
	FIT_FILE_ID_TIME_CREATED = 4,
	FIT_FILE_ID_PRODUCT_NAME = 8
};

/* set (CO_FIT_SET): its timestamp is field 254, not 253. */
enum {
	FIT_SET_DURATION = 0,          /* uint32, s x 1000 */
	FIT_SET_REPETITIONS = 3,       /* uint16 */
	FIT_SET_WEIGHT = 4,            /* uint16, kg x 16 */
	FIT_SET_SET_TYPE = 5,          /* uint8: 0 rest, 1 active */
	FIT_SET_START_TIME = 6,        /* date_time */
	FIT_SET_CATEGORY = 7,          /* uint16[]: exercise_category candidates */
	FIT_SET_CATEGORY_SUBTYPE = 8,  /* uint16[]: exercise name within each */
	FIT_SET_WEIGHT_DISPLAY_UNIT = 9, /* uint16 fit_base_unit: 1 kg, 2 lb */
	FIT_SET_MESSAGE_INDEX = 10,
	FIT_SET_WKT_STEP_INDEX = 11,   /* uint16: the workout step it followed */
	FIT_SET_TIMESTAMP = 254        /* date_time */
};

/* sport (CO_FIT_SPORT). */
enum { FIT_SPORT_SPORT = 0, FIT_SPORT_SUB_SPORT = 1 };

/* session (CO_FIT_SESSION). Times in ms, distances in cm, speeds in mm/s. */
enum {
	FIT_SESSION_START_TIME = 2,
	FIT_SESSION_SPORT = 5,
	FIT_SESSION_SUB_SPORT = 6,
	FIT_SESSION_TOTAL_ELAPSED_TIME = 7,
	FIT_SESSION_TOTAL_TIMER_TIME = 8,
	FIT_SESSION_TOTAL_DISTANCE = 9,
	FIT_SESSION_AVG_SPEED = 14,
	FIT_SESSION_AVG_HEART_RATE = 16,
	FIT_SESSION_MAX_HEART_RATE = 17,
	FIT_SESSION_TOTAL_ASCENT = 22,
	FIT_SESSION_ENHANCED_AVG_SPEED = 124,
	FIT_SESSION_WORKOUT_FEEL = 192,  /* 0..100 */
	FIT_SESSION_WORKOUT_RPE = 193    /* RPE x 10 */
};

/* lap (CO_FIT_LAP). */
enum {
	FIT_LAP_START_TIME = 2,
	FIT_LAP_TOTAL_ELAPSED_TIME = 7,
	FIT_LAP_TOTAL_TIMER_TIME = 8,
	FIT_LAP_TOTAL_DISTANCE = 9,
	FIT_LAP_AVG_SPEED = 13,
	FIT_LAP_AVG_HEART_RATE = 15,
	FIT_LAP_MAX_HEART_RATE = 16,
	FIT_LAP_ENHANCED_AVG_SPEED = 110
};

/* record (CO_FIT_RECORD). */
enum {
	FIT_RECORD_POSITION_LAT = 0,     /* semicircles */
	FIT_RECORD_POSITION_LONG = 1,
	FIT_RECORD_ALTITUDE = 2,         /* (m + 500) x 5 */
	FIT_RECORD_HEART_RATE = 3,
	FIT_RECORD_CADENCE = 4,
	FIT_RECORD_DISTANCE = 5,         /* cm */
	FIT_RECORD_SPEED = 6,            /* mm/s */
	FIT_RECORD_COMPRESSED_SPEED_DISTANCE = 8,
	FIT_RECORD_FRACTIONAL_CADENCE = 53, /* 1/128 */
	FIT_RECORD_ENHANCED_SPEED = 73,
	FIT_RECORD_ENHANCED_ALTITUDE = 78
};

/* activity (CO_FIT_ACTIVITY). */
enum { FIT_ACTIVITY_LOCAL_TIMESTAMP = 5 };

/* --- raw reads ------------------------------------------------------------- */

static inline uint16_t rd16(const unsigned char *p, int big)
{
	return big ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static inline uint32_t rd32(const unsigned char *p, int big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			     (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
			     (uint32_t)p[1] << 8 | p[0];
}

static inline uint64_t rd64(const unsigned char *p, int big)
{
	uint64_t a = rd32(p, big), b = rd32(p + 4, big);

	return big ? a << 32 | b : b << 32 | a;
}

/* The first element of an integer field; false when invalid or not an int. */
/*
 * A FIT date_time as Unix seconds, or 0 when it is no date: below
 * CO_FIT_DATE_MIN (seconds since power-on) or beyond 32 bits (a field a
 * hostile file declared 64-bit; the sum would overflow). The one
 * conversion of the activity builder and the set reader.
 */
static inline int64_t fit_unix_time(int64_t fit)
{
	return fit >= CO_FIT_DATE_MIN && fit <= UINT32_MAX ? fit + CO_FIT_EPOCH : 0;
}

HOT_INLINE bool read_int(const unsigned char *p, unsigned type, int big,
			    int64_t *out)
{
	uint32_t u;
	uint64_t q;

	switch (type) {
	case BT_ENUM:
	case BT_UINT8:
	case BT_BYTE:
		if (p[0] == 0xFF)
			return false;
		*out = p[0];
		return true;
	case BT_UINT8Z:
		if (!p[0])
			return false;
		*out = p[0];
		return true;
	case BT_SINT8:
		if (p[0] == 0x7F)
			return false;
		*out = (int8_t)p[0];
		return true;
	case BT_SINT16:
		u = rd16(p, big);
		if (u == 0x7FFF)
			return false;
		*out = (int16_t)u;
		return true;
	case BT_UINT16:
		u = rd16(p, big);
		if (u == 0xFFFF)
			return false;
		*out = u;
		return true;
	case BT_UINT16Z:
		u = rd16(p, big);
		if (!u)
			return false;
		*out = u;
		return true;
	case BT_SINT32:
		u = rd32(p, big);
		if (u == 0x7FFFFFFFu)
			return false;
		*out = (int32_t)u;
		return true;
	case BT_UINT32:
		u = rd32(p, big);
		if (u == 0xFFFFFFFFu)
			return false;
		*out = u;
		return true;
	case BT_UINT32Z:
		u = rd32(p, big);
		if (!u)
			return false;
		*out = u;
		return true;
	case BT_SINT64:
		q = rd64(p, big);
		if (q == 0x7FFFFFFFFFFFFFFFull)
			return false;
		*out = (int64_t)q;
		return true;
	case BT_UINT64:
	case BT_UINT64Z:
		q = rd64(p, big);
		if (q == (type == BT_UINT64 ? UINT64_MAX : 0) || q > INT64_MAX)
			return false;
		*out = (int64_t)q;
		return true;
	default:
		return false;
	}
}

/* The CRC: co_fit_crc16() (fit.h, crc.c). A file's CRC over header and
 * records is stored little-endian after them; over the whole file it is 0. */

#endif
