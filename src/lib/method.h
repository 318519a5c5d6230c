/*
 * Private to the engine: the definitions of METHOD.md that more than one
 * stage needs, written once. The catalogue validates entries against them,
 * the builder and prescribe choose and dose with them, and the plan checker
 * judges a plan by them; a second copy would let them drift (it did: the
 * copies once disagreed on whether carries are core work).
 *
 *   A1  the patterns a main lift may come from;
 *   A5  what core work is, and its limits (sets, hold, reps);
 *   A9  which carries may be main lifts, what loads a lift;
 *   E3  the stable uid of a session, so a calendar keeps its events.
 */
#ifndef CO_LIB_METHOD_H
#define CO_LIB_METHOD_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/plan.h"

/* METHOD A5: at most 3 sets per exercise, holds of at most 45 s or at most 12 reps. */
#define CO_A5_MAX_SETS 3
#define CO_A5_MAX_SECONDS 45
#define CO_A5_MAX_REPS 12

/**
 * METHOD A1: main lifts come from the hinge, squat, single-leg, hip
 * extension and loaded-carry patterns.
 */
bool co_method_is_a1(co_pattern p);

/**
 * METHOD A5: core work, which the A5 limits bound. The anti-rotation,
 * anti-extension and anti-lateral-flexion patterns, and the loaded carries:
 * A5 names the suitcase carry among core work, and a carry is a brace held
 * under load, so carries are bounded like holds (at most 3 sets of 45 s)
 * even when they are main lifts (A1, C4).
 */
bool co_method_is_core(co_pattern p);

/**
 * METHOD A9: the carries that may be main lifts, the farmer's and suitcase
 * families (a load at the sides, in both hands or one: ids containing
 * "farmers" or "suitcase", and the trap-bar carry). A goblet or waiter
 * carry is limited by the grip or the shoulder, not by the legs and trunk,
 * so it stays an accessory.
 */
bool co_method_main_carry(const co_exercise *ex);

/**
 * METHOD A9: the equipment that loads a main lift progressively: dumbbells,
 * a kettlebell, a barbell or a trap bar. An athlete who owns one gets
 * loaded main lifts.
 */
#define CO_A9_LOADING (CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL | CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR)

/** The size of co_session.uid. */
#define CO_SESSION_UID_SIZE 64

/**
 * The uid of a session: "YYYYMMDD-SLOT-HASH@carryover", SLOT the session's
 * 0-based number in its week's schedule, or "test" for a baseline test
 * session, HASH the FNV-1a hash of the athlete's name. It depends on
 * nothing else, so a recomputed plan keeps the uids of the sessions that
 * did not move. `out` holds CO_SESSION_UID_SIZE bytes.
 */
void co_method_session_uid(char *out, const char *athlete, co_date date, int slot, bool test);

#endif
