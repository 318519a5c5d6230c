/*
 * FIT workout files: a strength session as a watch follows it.
 *
 * co_fit_workout_encode() writes one FIT workout file (file_id type 5,
 * FORMATS.md section 2, IMPORTS.md section 3) from a list of steps the
 * caller has laid out: exercise steps with their Garmin exercise_category
 * and exercise_name, rest steps without any category (category 0 would be
 * bench press), repeat steps that send the watch back to an earlier step
 * for the next set, and warm-up and cool-down steps marked by their
 * intensity. exercise_title messages give (category, name) pairs our own
 * display names.
 *
 * The encoder knows the FIT format, not the plan: turning a session into
 * steps is the application's (co_app_export_fit(), app.h). Its output is a
 * pure function of its input, so the same workout gives the same bytes.
 */
#ifndef CARRYOVER_FIT_WORKOUT_H
#define CARRYOVER_FIT_WORKOUT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** "No value" for the uint16 fields of a step (the FIT invalid value). */
#define CO_FIT_NONE16 0xFFFFu

/** workout_step.duration_type (wkt_step_duration). */
enum {
	CO_FIT_DURATION_TIME = 0,    /* duration_value in ms */
	CO_FIT_DURATION_OPEN = 5,    /* until the lap button */
	CO_FIT_DURATION_REPEAT = 6,  /* repeat_until_steps_cmplt: value = first step, count = rounds */
	CO_FIT_DURATION_REPS = 29    /* duration_value in repetitions */
};

/** workout_step.intensity. */
enum {
	CO_FIT_INTENSITY_ACTIVE = 0,
	CO_FIT_INTENSITY_REST = 1,
	CO_FIT_INTENSITY_WARMUP = 2,
	CO_FIT_INTENSITY_COOLDOWN = 3
};

/** fit_base_unit, for weight_display_unit. */
enum { CO_FIT_UNIT_KG = 1, CO_FIT_UNIT_LB = 2 };

/** sport and sub_sport of a strength workout. */
enum { CO_FIT_SPORT_TRAINING = 10, CO_FIT_SUB_SPORT_STRENGTH = 20 };

/**
 * One workout_step. Its message_index is its position in the array.
 * Strings may be NULL (not written); longer than CO_FIT_STRING_MAX - 1
 * bytes they are cut at a UTF-8 character boundary.
 */
typedef struct co_fit_step {
	const char *name;        /* wkt_step_name */
	const char *notes;       /* notes */
	uint8_t duration_type;   /* CO_FIT_DURATION_* */
	uint8_t intensity;       /* CO_FIT_INTENSITY_* */
	uint32_t duration_value; /* reps, ms, or for a repeat the index of the block's first step */
	uint32_t count;          /* a repeat's number of rounds (target_value); else unused */
	/* An exercise step has a category; rest and repeat steps CO_FIT_NONE16,
	 * and then carry no exercise field at all. */
	uint16_t category;       /* exercise_category */
	uint16_t exercise;       /* exercise_name within the category, or CO_FIT_NONE16 */
	uint16_t weight;         /* exercise_weight, kg x 100; CO_FIT_NONE16: bodyweight */
	uint16_t weight_unit;    /* CO_FIT_UNIT_KG or _LB: how the watch shows it */
} co_fit_step;

/** An exercise_title: our display name for a (category, exercise) pair. */
typedef struct co_fit_title {
	uint16_t category;
	uint16_t exercise;
	const char *name;
} co_fit_title;

/** What one workout file holds. The strings and arrays are borrowed. */
typedef struct co_fit_workout {
	const char *name;        /* wkt_name */
	uint32_t serial;         /* file_id.serial_number, not 0: unique per file */
	uint32_t time_created;   /* file_id.time_created, FIT date_time; 0: not written */
	const co_fit_step *steps;
	size_t n_steps;
	const co_fit_title *titles;
	size_t n_titles;
} co_fit_workout;

/** The longest string written, NUL included. */
#define CO_FIT_STRING_MAX 128

/** At most this many steps or titles in one workout (message_index is uint16). */
#define CO_FIT_STEPS_MAX 65534

/**
 * Encode `w` as a FIT workout file: a new buffer in *out (freed with
 * free()) of *out_len bytes. Returns 0, or CO_EINPUT when the workout
 * cannot be a FIT file (serial 0, no steps or too many, a repeat step
 * pointing at itself or after itself, a repeat count of 0).
 */
int co_fit_workout_encode(unsigned char **out, size_t *out_len, const co_fit_workout *w);

#ifdef __cplusplus
}
#endif

#endif
