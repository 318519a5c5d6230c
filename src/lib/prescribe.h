/*
 * Private to the engine: the dose of one item per phase
 * (METHOD C3-C9, B3), its load through the RPE chart (SCIENCE.md), the
 * time model of a session (B4) and the volume scaling used by the taper
 * (C7) and the deload (C9).
 *
 * The builder in session.c picks the exercises, asks co_prescribe_item()
 * for the phase's reference dose (the dose of a normal week), trims to the
 * time budget with co_prescribe_seconds(), then applies the taper or deload
 * with co_prescribe_scale() and sets loads with co_prescribe_load(). Trimming
 * before scaling keeps a deload or taper session the same exercises as the
 * normal week, only less of them, so the volume ratio is what C7/C9 say.
 *
 * A leaf: prescribe reads a co_dose_ctx (not the builder's context) and
 * returns doses, loads and the reasons for them; the builder decides what
 * to do with them. It calls nothing of session.c.
 */
#ifndef CO_LIB_PRESCRIBE_H
#define CO_LIB_PRESCRIBE_H

#include "carryover/plan.h"

/* Volume and load factors (METHOD C7, C9; SCIENCE.md "Taper and deload"). */
#define CO_TAPER_VOLUME 0.50  /* Bosquet 2007: cut 41-60%; C7: 40-60% -> keep half */
#define CO_DELOAD_VOLUME 0.55 /* C9: volume down 40-50% -> keep 55% (-45%) */
#define CO_DELOAD_LOAD 0.90   /* C9: loads down ~10% */
/* A9: the one RPE of an unloaded main lift, every phase (C3 6-7, C4 7-8.5, C6 7-8) */
#define CO_UNLOADED_RPE 7.0
#define CO_DELOAD_RPE_DROP 2.0 /* 10% lighter is ~2.5-3 RPE points at 3-4% a point */

/* Flags for co_prescribe_item(). */
enum {
	CO_DOSE_HEAVY = 1u << 0, /* C4: short heavy sets for hips and trunk */
	CO_DOSE_PLYO = 1u << 1,  /* A6: separate low-volume plyometric work */
	CO_DOSE_TEST = 1u << 2   /* D6: a baseline test protocol */
};

/** How a context doses: the phase whose table applies, and the modifiers. */
typedef struct co_dose_mode {
	co_phase table;   /* BASE, BUILD or PEAK; RECOVERY for mobility only */
	bool taper;       /* C7: volume x CO_TAPER_VOLUME, intensity kept */
	bool deload;      /* C9 (never together with taper) */
	bool recovery;    /* C8: mobility and activation only */
} co_dose_mode;

/** What the dose depends on, beyond the exercise and its block. */
typedef struct co_dose_ctx {
	const co_profile *profile; /* level, [lifts], plate and dumbbell steps; may be NULL */
	co_phase phase;
	bool deload;               /* C9 */
	bool taper;                /* C7 */
} co_dose_ctx;

co_dose_mode co_prescribe_mode(const co_dose_ctx *ctx, co_focus focus);

/** Fill sets, reps/seconds, rpe and tempo of `it` (exercise set) for a block. */
/*
 * B6: the rest after each set of a main lift, from its final RPE: 120 s
 * after heavy sets (RPE 7.5 and up), 90 s after moderate loaded ones, 60 s
 * after moderate unloaded ones.
 */
int co_prescribe_main_rest(const co_item *it);

void co_prescribe_item(co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
		       co_focus focus, unsigned flags);

/** Scale an item's volume (sets x reps or seconds) towards `factor`. */
void co_prescribe_scale(co_item *it, double factor);

/**
 * Set `it->load` from the profile's [lifts] through the RPE chart, or -1
 * for bodyweight and unknown loads; for an unknown load of a loadable
 * exercise, append "choose a load ..." to the item's note. `load_factor`
 * multiplies the load (deload 0.9); `rpe_for_load` is the RPE the load is
 * computed at (the phase's, before a deload lowers the label).
 */
void co_prescribe_load(co_item *it, const co_dose_ctx *ctx, double load_factor,
		       double rpe_for_load);

/** Estimated seconds an item takes (work + rest, all sets, both sides). */
int co_prescribe_seconds(const co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
			 co_focus focus);


/** The reasons of a session's dose, each a `why` line citing C1/C3/C4/C6/C7/C8/C9. */
#define CO_DOSE_MAX_REASONS 4
typedef struct co_dose_reasons {
	size_t n;
	char line[CO_DOSE_MAX_REASONS][160];
} co_dose_reasons;

/** Fill `out` with the reasons of the dose for `focus` in `ctx` (none for a test session). */
void co_prescribe_reasons(co_dose_reasons *out, const co_dose_ctx *ctx, co_focus focus);

/** Append ("; "-joined) a printf-formatted sentence to an item's note. */
void co_item_note_add(co_item *it, const char *fmt, ...) __attribute__((format(printf, 2, 3)));


/** Dose an item without its rest (co_prescribe_item sets both). */
void co_prescribe_item_dose(co_item *it, co_block_kind kind, const co_dose_ctx *ctx,
			    co_focus focus, unsigned flags);

/** An exercise's range of reps or seconds per set, inside the A5 core bounds (D3, D5). */
void co_prescribe_range(const co_exercise *ex, int *lo, int *hi);

/** B6: whether the item's load is the total or per hand (none without a load). */
co_load_basis co_prescribe_load_basis(const co_item *it);

/** D2: the athlete's load step for the exercise (plate or dumbbell step, in their units). */
double co_prescribe_load_step(const co_exercise *ex, const co_profile *p);

#endif
