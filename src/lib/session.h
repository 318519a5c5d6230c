/*
 * Private to the engine: how the planner (plan.c, schedule.c) asks for a
 * session to be built, and the helpers both sides use to fill one.
 *
 * The scheduler decides the date, focus and context of a session; session.c
 * chooses the exercises (A1-A8, B1-B5) and prescribe.c doses them (C3-C9, B3,
 * D2 loads through the RPE chart of SCIENCE.md).
 */
#ifndef CO_LIB_SESSION_H
#define CO_LIB_SESSION_H

#include "carryover/plan.h"
#include "lib/rpe.h" /* co_rpe_percent & co: the unit tests reach them through here */

typedef struct co_session_ctx {
	const co_profile *profile;
	const co_catalog *cat;
	co_phase phase;
	bool deload;            /* C9: volume down 40-50%, loads down ~10% */
	bool taper;             /* C7: volume down 40-60%, intensity kept, no new exercises */
	bool strides_allowed;   /* B5: build/peak, not deload, readiness good, athlete allows */
	int week_index;         /* 1-based week of the plan: rotates exercise variants */
	int slot;               /* 0-based session number within the week */
	int week_sessions;      /* lifting sessions in the week (A4: one carries both calf raises) */
	int minutes_budget;     /* B4: the athlete's session_minutes */
	unsigned niggle_regions;/* A8: co_region bits to spare (the OR of niggles[].regions) */
	const co_niggle *niggles; /* A8: the niggles active on the session's date; NULL: the profile's */
	size_t n_niggles;
	bool test_squat;        /* D6: fold the single-leg squat test into this session */
	bool test_calf;         /* D6: and the calf raises to failure (no calf work after them) */
	bool check_familiar;    /* C10: tell new lifts from familiar ones (below) */
	const co_exercise *const *familiar; /* main lifts done in 2+ earlier weeks */
	size_t n_familiar;
	int block;              /* C10: the variant block, 1-based (phase runs); 0: by week_index */
	/*
	 * C10: the main lifts this session keeps (NULL: none): a maintenance
	 * session takes a subset of its block's lifts, a session in the 2
	 * weeks before a taper those of the session of its focus before it.
	 * keep_only: no other main lift (a slot none of them fills stays empty).
	 */
	const co_exercise *const *keep_mains;
	const char *const *keep_notes; /* each one's A8 note where it was chosen, or NULL */
	size_t n_keep_mains;
	bool keep_only;
	bool both_calves;       /* A4: straight- and bent-knee calf raises in this session */
	bool week_level_taper;  /* C7: the planner cuts the taper week as a whole (season.c) */
	bool lower_limb_niggle; /* A8: no strides (B5), no plyometrics (A6) */
	unsigned *rested;       /* A8 out, may be NULL: regions no regression could keep trained */
	/*
	 * C7 "no new exercises in the taper": when non-NULL, only exercises whose
	 * id is in this NULL-terminated list may be chosen (the ids used in the
	 * weeks before the taper); the builder falls back to a regression of one
	 * of them if a pattern has no allowed candidate.
	 */
	const char *const *allowed_ids;
} co_session_ctx;

/**
 * Fill `s` (date and focus already set by the caller; everything else zero)
 * with blocks, items, minutes, strides and `why` lines. Returns 0 or
 * CO_EINPUT when no exercise fits (e.g. an empty catalogue). On failure `s`
 * may hold partial content: release it with co_session_release().
 */
int co_session_build(co_session *s, const co_session_ctx *ctx);

/** Free everything a session owns (items' notes, why lines); s itself is not freed. */
void co_session_release(co_session *s);

/** Append a printf-formatted `why` line to a session. */
void co_session_add_why(co_session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/** Append an item to a block; returns it (zeroed but for the exercise) for the caller to dose. */
co_item *co_block_add(co_block *b, const co_exercise *ex);

#endif
