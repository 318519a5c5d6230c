/*
 * `carryover status --json` (docs/cli/status.md): today's readiness, the
 * D4 signals that count today, the load figures and the next planned
 * session, as one JSON object in the documented key order, written through
 * jansson like every JSON document (json_int.h). Load figures are in
 * arbitrary units: two decimals say all they can, so they are rounded to
 * two; an unknown figure is null.
 */
#include <math.h>
#include <stdbool.h>

#include "carryover/error.h"
#include "carryover/json.h"
#include "carryover/load.h"
#include "formats/json_int.h"

/* A figure to two decimals (an integer when whole); null when unknown. */
static json_t *figure(double v, bool known)
{
	double r;

	if (!known || !isfinite(v))
		return json_null();
	r = round(v * 100) / 100;
	if (r == floor(r) && fabs(r) < 1e15)
		return json_integer((json_int_t)r); /* never "-0" */
	return json_real(r);
}

static json_t *session_items(const co_session *s)
{
	json_t *items = json_array();

	for (int b = 0; b < CO_BLOCK_COUNT; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];
			json_t *o = json_object();

			co_json_set(o, "exercise", co_json_str(it->exercise ? it->exercise->id : NULL));
			co_json_set(o, "sets", json_integer(it->sets));
			co_json_set(o, "reps", figure(it->reps, it->reps > 0));
			co_json_set(o, "seconds", figure(it->seconds, it->seconds > 0));
			co_json_set(o, "load", figure(it->load, it->load >= 0));
			co_json_set(o, "rpe", figure(it->rpe, it->rpe > 0));
			json_array_append_new(items, o);
		}
	return items;
}

int co_status_to_json(char **out, const co_status_view *v)
{
	json_t *root = json_object(), *signals = json_array(), *load = json_object();
	const co_load_day *d = v->load;

	co_json_set(root, "date", co_json_date(v->date));
	co_json_set(root, "readiness", co_json_str(co_readiness_name(v->readiness)));
	for (size_t i = 0; i < v->n_signals; i++) {
		const co_signal *g = v->signals[i];
		json_t *o = json_object();

		co_json_set(o, "id", co_json_str(g->id));
		co_json_set(o, "rule", co_json_str(g->rule));
		co_json_set(o, "value", figure(g->value, true));
		co_json_set(o, "threshold", figure(g->threshold, true));
		co_json_set(o, "detail", co_json_str(g->detail));
		json_array_append_new(signals, o);
	}
	co_json_set(root, "signals", signals);
	co_json_set(load, "acute", figure(d ? d->acute : 0, d));
	co_json_set(load, "chronic", figure(d ? d->chronic : 0, d));
	co_json_set(load, "acwr", figure(d ? d->acwr : 0, d && d->acwr >= 0));
	co_json_set(load, "ctl", figure(d ? d->ctl : 0, d));
	co_json_set(load, "atl", figure(d ? d->atl : 0, d));
	co_json_set(load, "tsb", figure(d ? d->tsb : 0, d));
	co_json_set(load, "monotony", figure(d ? d->monotony : 0, d && d->monotony >= 0));
	co_json_set(load, "strain", figure(d ? d->strain : 0, d && d->strain >= 0));
	co_json_set(root, "load", load);
	if (v->next) {
		json_t *next = json_object();

		co_json_set(next, "date", co_json_date(v->next->date));
		co_json_set(next, "focus", co_json_str(co_focus_name(v->next->focus)));
		co_json_set(next, "items", session_items(v->next));
		co_json_set(root, "next_session", next);
	} else {
		co_json_set(root, "next_session", json_null());
	}
	return co_json_finish(out, root, CO_JSON_DOC_FLAGS, "\n", "the status");
}
