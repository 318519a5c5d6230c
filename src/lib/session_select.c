/*
 * Small pieces of the session builder kept out of session.c (which is at
 * the size limit): which main lifts a session keeps (METHOD C10: a block's
 * lifts stay put, a maintenance session is a subset of them, nothing
 * rotates in the 2 weeks before a taper; the planner, plan.c, says which)
 * and the order of a session's why lines.
 */
#include <string.h>

#include "lib/session_builder.h"
#include "util/strbuf.h"

bool co_sb_kept(const builder *b, const co_exercise *ex)
{
	for (size_t i = 0; i < b->ctx->n_keep_mains; i++)
		if (b->ctx->keep_mains[i] == ex)
			return true;
	return false;
}

char *co_sb_kept_note(const builder *b, const co_exercise *ex)
{
	for (size_t i = 0; b->ctx->keep_notes && i < b->ctx->n_keep_mains; i++)
		if (b->ctx->keep_mains[i] == ex && b->ctx->keep_notes[i])
			return co_xstrdup(b->ctx->keep_notes[i]);
	return NULL;
}

/* The order a reader wants: the focus, the dose, then the adjustments. */
static int why_rank(const char *w)
{
	static const char *const order[] = {"B2", "C", "D", "A8", "A2", "A4", "A6", "A7",
					    "B4", "B5", NULL};

	for (int i = 0; order[i]; i++)
		if (!strncmp(w, order[i], strlen(order[i])))
			return i;
	return 99;
}

void co_sb_sort_why(co_session *s, size_t from)
{
	for (size_t i = from + 1; i < s->n_why; i++) {
		char *w = s->why[i];
		size_t j = i;

		for (; j > from && why_rank(s->why[j - 1]) > why_rank(w); j--)
			s->why[j] = s->why[j - 1];
		s->why[j] = w;
	}
}
