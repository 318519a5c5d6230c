/*
 * Small pieces of the session builder kept out of session.c (which is at
 * the size limit): which main lifts a session keeps (METHOD C10: a block's
 * lifts stay put, a maintenance session is a subset of them, nothing
 * rotates in the 2 weeks before a taper; the planner, plan.c, says which),
 * the order of a session's why lines, and the small helpers that fill and
 * free a session (session.h).
 */
#include <stdarg.h>
#include <stdlib.h>
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

void co_session_release(co_session *s)
{
	if (!s)
		return;
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		for (size_t i = 0; i < s->blocks[k].n_items; i++)
			free(s->blocks[k].items[i].note);
		free(s->blocks[k].items);
		s->blocks[k].items = NULL;
		s->blocks[k].n_items = 0;
		s->blocks[k].kind = (co_block_kind)k;
	}
	for (size_t i = 0; i < s->n_why; i++)
		free(s->why[i]);
	free(s->why);
	s->why = NULL;
	s->n_why = 0;
}

void co_session_add_why(co_session *s, const char *fmt, ...)
{
	co_strbuf sb;
	va_list ap;

	co_strbuf_init(&sb);
	va_start(ap, fmt);
	co_strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	s->why = co_xrealloc(s->why, (s->n_why + 1) * sizeof(*s->why));
	s->why[s->n_why++] = co_strbuf_detach(&sb);
}

co_item *co_block_add(co_block *b, const co_exercise *ex)
{
	co_item *it;

	b->items = co_xrealloc(b->items, (b->n_items + 1) * sizeof(*b->items));
	it = &b->items[b->n_items++];
	memset(it, 0, sizeof(*it));
	it->exercise = ex;
	it->load = -1;
	return it;
}
