/*
 * The sets of a strength activity: co_fit_sets() (include/carryover/fit.h).
 *
 * A watch recording a strength session writes one `set` message (225) per
 * set and per rest (IMPORTS.md section 4). They are read here with the
 * record-level walk (co_fit_walk), apart from the activity builder: the
 * builder's hot loop (decode.c) stays as fast as it was, and only a file the
 * importer already knows to be a strength activity is walked a second time.
 * Memory is bounded: at most CO_FIT_MAX_SETS sets are kept.
 */
#include <stdlib.h>

#include "carryover/error.h"
#include "formats/fit/fit_int.h"
#include "util/vec.h"

typedef struct sets_ctx {
	co_fit_set *v;
	size_t n, cap, dropped;
} sets_ctx;

static int on_set(void *vctx, const co_fit_mesg *m)
{
	sets_ctx *c = vctx;
	co_fit_set *s;
	int64_t v;
	double x;

	if (m->global != CO_FIT_SET)
		return 0;
	if (!co_fit_mesg_int(m, FIT_SET_SET_TYPE, &v) || v != 1)
		return 0; /* a rest, or a set of unknown kind: not a set */
	if (c->n == CO_FIT_MAX_SETS) {
		c->dropped++;
		return 0;
	}
	s = CO_VEC_PUSH(c->v, c->n, c->cap);
	s->start = co_fit_mesg_int(m, FIT_SET_START_TIME, &v) ? fit_unix_time(v) : 0;
	if (!s->start && co_fit_mesg_int(m, FIT_SET_TIMESTAMP, &v))
		s->start = fit_unix_time(v);
	s->seconds = co_fit_mesg_num(m, FIT_SET_DURATION, 1000, 0, &x) && x >= 0 ? x : -1;
	s->reps = co_fit_mesg_int(m, FIT_SET_REPETITIONS, &v) ? (int)v : -1;
	s->weight_kg = co_fit_mesg_num(m, FIT_SET_WEIGHT, 16, 0, &x) && x > 0 ? x : -1;
	s->category = co_fit_mesg_int(m, FIT_SET_CATEGORY, &v) ? (int)v : -1;
	s->subtype = co_fit_mesg_int(m, FIT_SET_CATEGORY_SUBTYPE, &v) ? (int)v : -1;
	s->wkt_step = co_fit_mesg_int(m, FIT_SET_WKT_STEP_INDEX, &v) ? (int)v : -1;
	s->message_index = co_fit_mesg_int(m, FIT_SET_MESSAGE_INDEX, &v) ? (int)v : -1;
	s->lb = co_fit_mesg_int(m, FIT_SET_WEIGHT_DISPLAY_UNIT, &v) && v == 2;
	return 0;
}

int co_fit_sets(const unsigned char *buf, size_t len, co_fit_set **out, size_t *n,
		size_t *dropped)
{
	sets_ctx c = {0};
	int rc = co_fit_walk(buf, len, NULL, on_set, &c);

	if (rc < 0) {
		free(c.v);
		c.v = NULL;
		c.n = c.dropped = 0;
	}
	*out = c.v;
	*n = c.n;
	if (dropped)
		*dropped = c.dropped;
	return rc;
}
