/*
 * Helpers shared by the unit tests (include after <cmocka.h>): where the
 * corpus is, the first activity of a corpus FIT file, hand-built session
 * items, and the session card of a calendar event. Everything is static
 * inline, so a test uses what it needs.
 */
#ifndef CO_TESTUTIL_H
#define CO_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "util/strbuf.h"

/* The shared corpus: $CO_CORPUS (CTest sets it), else next to the source tree. */
static inline const char *co_test_corpus(void)
{
	static char path[1024];
	const char *c = getenv("CO_CORPUS"), *src = getenv("CO_SOURCE_DIR");

	if (c)
		return c;
	snprintf(path, sizeof(path), "%s/../shared/corpus", src ? src : ".");
	return path;
}

static inline int co_test_first_activity(void *ctx, const co_activity *a)
{
	co_activity **first = ctx;

	if (!*first)
		assert_int_equal(co_activity_copy(first, a), 0);
	return 0;
}

/* The first activity of corpus file `rel` (free with co_activity_free), NULL if absent. */
static inline co_activity *co_test_read_fit(const char *rel)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_activity *act = NULL;
	char path[2048];

	snprintf(path, sizeof(path), "%s/%s", co_test_corpus(), rel);
	if (co_strbuf_read_file(&sb, path, 0) < 0)
		return NULL;
	assert_int_equal(co_fit_decode((const unsigned char *)sb.buf, sb.len, NULL,
				       co_test_first_activity, &act), 0);
	co_strbuf_release(&sb);
	return act;
}

static inline const co_exercise *co_test_ex(const char *id)
{
	const co_exercise *e = co_catalog_find(co_catalog_default(), id);

	if (!e)
		fail_msg("no exercise '%s' in the catalogue", id);
	return e;
}

/* Append a dosed item to a hand-built block (freed by co_plan_free/co_session_release). */
static inline void co_test_add_item(co_block *b, const char *id, int sets, int reps,
				    int seconds, double rpe, const char *tempo, double load,
				    const char *note)
{
	co_item *it;

	b->items = realloc(b->items, (b->n_items + 1) * sizeof(*b->items));
	it = &b->items[b->n_items++];
	memset(it, 0, sizeof(*it));
	it->exercise = co_test_ex(id);
	it->sets = sets;
	it->reps = reps;
	it->seconds = seconds;
	it->rpe = rpe;
	it->tempo = tempo;
	it->load = load;
	it->note = note ? strdup(note) : NULL;
}

/* The session card of a calendar event, as `export ics` writes it (free() it). */
static inline char *co_test_card(const co_plan *plan, const co_session *s)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_report_event_card(&sb, plan, s);
	return co_strbuf_detach(&sb);
}

#endif
