/*
 * The FIT workout encoder (include/carryover/fit_workout.h): a strength
 * workout as the bytes a Garmin watch loads from GARMIN/NewFiles.
 *
 * Layout, in the order FORMATS.md 2.4 gives: file_id, workout, the
 * workout_step messages (message_index 0..n-1, execution order), then the
 * exercise_title messages. Every message type is defined once, little-
 * endian, with a fixed field set, so the file is a pure function of the
 * workout (the golden tests hash the bytes):
 *   local 0  file_id
 *   local 1  workout
 *   local 2  exercise step: the step fields plus category, name, weight
 *   local 3  plain step (rest, repeat): no exercise field at all, so no
 *            reader can find a category on a rest (category 0 is bench
 *            press, IMPORTS.md 3)
 *   local 4  exercise_title
 * String fields are sized by the longest string of their message type in
 * this file; shorter ones are padded with NULs. Absent numbers are written
 * as their base type's invalid value, which every reader treats as absent.
 *
 * The header is 14 bytes with its CRC, protocol 1.0 (fit_int.h), and the
 * file ends with the CRC of header and records (co_fit_crc16(), crc.c).
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/fit_workout.h"
#include "formats/fit/fit_int.h"
#include "util/strbuf.h"

enum { L_FILE_ID, L_WORKOUT, L_EXERCISE, L_PLAIN, L_TITLE };

#define T_ENUM BT_ENUM
#define T_U16 (BT_UINT16 | FIT_BASE_ENDIAN)
#define T_U32 (BT_UINT32 | FIT_BASE_ENDIAN)
#define T_U32Z (BT_UINT32Z | FIT_BASE_ENDIAN)
#define T_STRING BT_STRING

static void put8(co_strbuf *b, unsigned v)
{
	co_strbuf_addch(b, (char)(v & 0xFF));
}

static void put16(co_strbuf *b, unsigned v)
{
	put8(b, v);
	put8(b, v >> 8);
}

static void put32(co_strbuf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

/* Bytes of s written (without NUL): at most CO_FIT_STRING_MAX - 1, cut
 * before a UTF-8 continuation byte so no character is split. */
static size_t str_len(const char *s)
{
	size_t n;

	if (!s)
		return 0;
	n = strlen(s);
	if (n < CO_FIT_STRING_MAX)
		return n;
	n = CO_FIT_STRING_MAX - 1;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* A string field of `size` bytes: the string, then NULs (at least one). */
static void put_str(co_strbuf *b, const char *s, size_t size)
{
	size_t n = str_len(s);

	co_strbuf_add(b, s ? s : "", n);
	for (; n < size; n++)
		put8(b, 0);
}

/* The field size for strings of at most `longest` bytes: room for a NUL. */
static unsigned str_size(size_t longest)
{
	return (unsigned)longest + 1;
}

typedef struct field_def {
	uint8_t num, size, type;
} field_def;

static void put_def(co_strbuf *b, unsigned local, unsigned global, const field_def *f,
		    size_t n)
{
	put8(b, FIT_HDR_DEFINITION | local);
	put8(b, 0); /* reserved */
	put8(b, 0); /* little-endian */
	put16(b, global);
	put8(b, (unsigned)n);
	for (size_t i = 0; i < n; i++) {
		put8(b, f[i].num);
		put8(b, f[i].size);
		put8(b, f[i].type);
	}
}

static int check(const co_fit_workout *w)
{
	if (!w->serial)
		return co_error_set(CO_EINPUT, "fit workout: serial number 0 (expected a non-zero serial)");
	if (!w->n_steps || w->n_steps > CO_FIT_STEPS_MAX)
		return co_error_set(CO_EINPUT, "fit workout: %zu steps (expected 1 to %d)", w->n_steps,
				    CO_FIT_STEPS_MAX);
	if (w->n_titles > CO_FIT_STEPS_MAX)
		return co_error_set(CO_EINPUT, "fit workout: %zu exercise titles (expected at most %d)",
				    w->n_titles, CO_FIT_STEPS_MAX);
	for (size_t i = 0; i < w->n_steps; i++) {
		const co_fit_step *s = &w->steps[i];

		if (s->duration_type == CO_FIT_DURATION_REPEAT &&
		    (s->duration_value >= i || !s->count))
			return co_error_set(CO_EINPUT, "fit workout: step %zu repeats from step %u %u "
					    "times (expected an earlier step, at least once)", i,
					    (unsigned)s->duration_value, (unsigned)s->count);
	}
	return 0;
}

int co_fit_workout_encode(unsigned char **out, size_t *out_len, const co_fit_workout *w)
{
	co_strbuf b = CO_STRBUF_INIT;
	size_t ex_name = 0, ex_notes = 0, plain_name = 0, title_name = 0, i;
	bool have_ex = false, have_plain = false;
	uint16_t crc;
	int rc;

	*out = NULL;
	*out_len = 0;
	if ((rc = check(w)) < 0)
		return rc;
	for (i = 0; i < w->n_steps; i++) {
		const co_fit_step *s = &w->steps[i];
		size_t n = str_len(s->name);

		if (s->category != CO_FIT_NONE16) {
			have_ex = true;
			ex_name = n > ex_name ? n : ex_name;
			n = str_len(s->notes);
			ex_notes = n > ex_notes ? n : ex_notes;
		} else {
			have_plain = true;
			plain_name = n > plain_name ? n : plain_name;
		}
	}
	for (i = 0; i < w->n_titles; i++) {
		size_t n = str_len(w->titles[i].name);

		title_name = n > title_name ? n : title_name;
	}

	/* header; data_size and the CRC are filled in at the end */
	put8(&b, FIT_HEADER_SIZE);
	put8(&b, FIT_PROTOCOL_1_0);
	put16(&b, FIT_PROFILE_VERSION);
	put32(&b, 0);
	co_strbuf_add(&b, FIT_MAGIC, 4);
	put16(&b, 0);

	{
		const field_def f[] = {
			{FIT_FILE_ID_TYPE, 1, T_ENUM},
			{FIT_FILE_ID_MANUFACTURER, 2, T_U16},
			{FIT_FILE_ID_PRODUCT, 2, T_U16},
			{FIT_FILE_ID_SERIAL_NUMBER, 4, T_U32Z},
			{FIT_FILE_ID_TIME_CREATED, 4, T_U32},
		};

		put_def(&b, L_FILE_ID, CO_FIT_FILE_ID, f, w->time_created ? 5 : 4);
		put8(&b, L_FILE_ID);
		put8(&b, FIT_FILE_WORKOUT);
		put16(&b, FIT_MANUFACTURER_DEVELOPMENT);
		put16(&b, 0);
		put32(&b, w->serial);
		if (w->time_created)
			put32(&b, w->time_created);
	}
	{
		unsigned name_size = str_size(str_len(w->name));
		const field_def f[] = {
			{FIT_WORKOUT_WKT_NAME, (uint8_t)name_size, T_STRING},
			{FIT_WORKOUT_SPORT, 1, T_ENUM},
			{FIT_WORKOUT_SUB_SPORT, 1, T_ENUM},
			{FIT_WORKOUT_NUM_VALID_STEPS, 2, T_U16},
		};

		put_def(&b, L_WORKOUT, FIT_MESG_WORKOUT, f, 4);
		put8(&b, L_WORKOUT);
		put_str(&b, w->name, name_size);
		put8(&b, CO_FIT_SPORT_TRAINING);
		put8(&b, CO_FIT_SUB_SPORT_STRENGTH);
		put16(&b, (unsigned)w->n_steps);
	}
	if (have_ex) {
		const field_def f[] = {
			{FIT_FIELD_MESSAGE_INDEX, 2, T_U16},
			{FIT_STEP_WKT_STEP_NAME, (uint8_t)str_size(ex_name), T_STRING},
			{FIT_STEP_DURATION_TYPE, 1, T_ENUM},
			{FIT_STEP_DURATION_VALUE, 4, T_U32},
			{FIT_STEP_TARGET_TYPE, 1, T_ENUM},
			{FIT_STEP_TARGET_VALUE, 4, T_U32},
			{FIT_STEP_INTENSITY, 1, T_ENUM},
			{FIT_STEP_NOTES, (uint8_t)str_size(ex_notes), T_STRING},
			{FIT_STEP_EXERCISE_CATEGORY, 2, T_U16},
			{FIT_STEP_EXERCISE_NAME, 2, T_U16},
			{FIT_STEP_EXERCISE_WEIGHT, 2, T_U16},
			{FIT_STEP_WEIGHT_DISPLAY_UNIT, 2, T_U16},
		};

		put_def(&b, L_EXERCISE, FIT_MESG_WORKOUT_STEP, f, sizeof(f) / sizeof(f[0]));
	}
	if (have_plain) {
		const field_def f[] = {
			{FIT_FIELD_MESSAGE_INDEX, 2, T_U16},
			{FIT_STEP_WKT_STEP_NAME, (uint8_t)str_size(plain_name), T_STRING},
			{FIT_STEP_DURATION_TYPE, 1, T_ENUM},
			{FIT_STEP_DURATION_VALUE, 4, T_U32},
			{FIT_STEP_TARGET_TYPE, 1, T_ENUM},
			{FIT_STEP_TARGET_VALUE, 4, T_U32},
			{FIT_STEP_INTENSITY, 1, T_ENUM},
		};

		put_def(&b, L_PLAIN, FIT_MESG_WORKOUT_STEP, f, sizeof(f) / sizeof(f[0]));
	}
	for (i = 0; i < w->n_steps; i++) {
		const co_fit_step *s = &w->steps[i];
		bool repeat = s->duration_type == CO_FIT_DURATION_REPEAT;
		bool ex = s->category != CO_FIT_NONE16;

		put8(&b, ex ? L_EXERCISE : L_PLAIN);
		put16(&b, (unsigned)i);
		put_str(&b, s->name, str_size(ex ? ex_name : plain_name));
		put8(&b, s->duration_type);
		put32(&b, s->duration_value);
		/* a repeat has no target: its target_value is the number of rounds */
		put8(&b, repeat ? 0xFF : 2 /* open */);
		put32(&b, repeat ? s->count : 0);
		put8(&b, repeat ? 0xFF : s->intensity);
		if (ex) {
			put_str(&b, s->notes, str_size(ex_notes));
			put16(&b, s->category);
			put16(&b, s->exercise);
			put16(&b, s->weight);
			put16(&b, s->weight_unit);
		}
	}
	if (w->n_titles) {
		const field_def f[] = {
			{FIT_FIELD_MESSAGE_INDEX, 2, T_U16},
			{FIT_TITLE_EXERCISE_CATEGORY, 2, T_U16},
			{FIT_TITLE_EXERCISE_NAME, 2, T_U16},
			{FIT_TITLE_WKT_STEP_NAME, (uint8_t)str_size(title_name), T_STRING},
		};

		put_def(&b, L_TITLE, FIT_MESG_EXERCISE_TITLE, f, sizeof(f) / sizeof(f[0]));
		for (i = 0; i < w->n_titles; i++) {
			put8(&b, L_TITLE);
			put16(&b, (unsigned)i);
			put16(&b, w->titles[i].category);
			put16(&b, w->titles[i].exercise);
			put_str(&b, w->titles[i].name, str_size(title_name));
		}
	}

	{
		unsigned char *p = (unsigned char *)b.buf;
		uint32_t data = (uint32_t)(b.len - FIT_HEADER_SIZE);

		p[FIT_HEADER_DATA_SIZE] = data & 0xFF;
		p[FIT_HEADER_DATA_SIZE + 1] = data >> 8 & 0xFF;
		p[FIT_HEADER_DATA_SIZE + 2] = data >> 16 & 0xFF;
		p[FIT_HEADER_DATA_SIZE + 3] = data >> 24 & 0xFF;
		crc = co_fit_crc16(0, p, FIT_HEADER_CRC);
		p[FIT_HEADER_CRC] = crc & 0xFF;
		p[FIT_HEADER_CRC + 1] = crc >> 8;
		crc = co_fit_crc16(0, b.buf, b.len);
		put16(&b, crc);
	}
	*out_len = b.len;
	*out = (unsigned char *)co_strbuf_detach(&b);
	return 0;
}
