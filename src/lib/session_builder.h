/*
 * Private to the session builder (session.c, session_budget.c): the
 * builder's state while one session is put together, and the time-budget
 * pass (B4) that lives in its own file.
 */
#ifndef CO_LIB_SESSION_BUILDER_H
#define CO_LIB_SESSION_BUILDER_H

#include <stddef.h>

#include "lib/prescribe.h"
#include "lib/session.h"

#define MAX_SLOTS 32

typedef struct slot {
	co_item item;
	co_block_kind kind;
	unsigned flags; /* CO_DOSE_* */
	int prio;       /* accessories: the lowest is trimmed first (B4) */
	bool keep;      /* A4 lower-leg work: sets may shrink, never dropped */
	bool trimmed;   /* B4 took sets off it */
	bool extra;     /* this week only (a test, a second calf raise): C10's lifts ignore it */
} slot;

typedef struct builder {
	const co_session_ctx *ctx;
	const co_profile *p;
	co_session *s;
	co_focus focus;
	co_dose_ctx dose; /* what prescribe.c reads of ctx */
	co_dose_mode mode;
	int block;     /* variant block (week_index over 3-4 weeks) */
	int budget;    /* minutes (B4) */
	slot slots[MAX_SLOTS];
	size_t n;
} builder;

/* Helpers of session.c the budget pass uses. */
const char *co_sb_ex_name(const co_exercise *ex);
unsigned co_sb_trained(const builder *b, size_t skip);
void co_sb_remove_slot(builder *b, size_t i);

/** C10: whether `ex` is one of the lifts the session keeps (ctx->keep_mains; session_select.c). */
bool co_sb_kept(const builder *b, const co_exercise *ex);

/** C10: the A8 note a kept lift had where it was chosen (malloc'd), or NULL. */
char *co_sb_kept_note(const builder *b, const co_exercise *ex);

/** The why lines from `from` on in the order a reader wants (session_select.c). */
void co_sb_sort_why(co_session *s, size_t from);

/** The session's estimated seconds: warm-up, cool-down and every set with its rest. */
int co_sb_total_seconds(const builder *b);

/** Fewer accessory sets until the main lifts carry the session (C3, C4, C6), said in a why line. */
void co_sb_fit_ratio(builder *b);

/** Trim to the time budget (B4, D5), saying what went in why lines. */
void co_sb_fit_budget(builder *b);

#endif
