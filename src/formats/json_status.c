/*
 * `carryover status --json` (docs/cli/status.md): today's readiness, the
 * D4 signals that count today, the load figures and the next planned
 * session, as one JSON object (carryover/load.h co_status_to_json).
 *
 * Output only, written by hand into a strbuf as log_export.c does (jansson
 * stays json.c's alone): strings escaped per RFC 8259, figures rounded to 2
 * decimals (more would be noise in an arbitrary-unit load) and printed with
 * %.15g, an unknown figure null. The key order is the documented one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/load.h"
#include "util/strbuf.h"

static void str(co_strbuf *sb, const char *s)
{
	if (!s) {
		co_strbuf_adds(sb, "null");
		return;
	}
	co_strbuf_addch(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			co_strbuf_addf(sb, "\\%c", *p);
		else if (*p == '\n')
			co_strbuf_adds(sb, "\\n");
		else if (*p < 0x20)
			co_strbuf_addf(sb, "\\u%04x", *p);
		else
			co_strbuf_addch(sb, (char)*p);
	}
	co_strbuf_addch(sb, '"');
}

/* A figure to 2 decimals; null when `known` is false. */
static void num(co_strbuf *sb, double v, bool known)
{
	double r;

	if (!known || !isfinite(v)) {
		co_strbuf_adds(sb, "null");
		return;
	}
	r = round(v * 100) / 100;
	co_strbuf_addf(sb, "%.15g", r == 0 ? 0.0 : r); /* never "-0" */
}

static void items(co_strbuf *sb, const co_session *s)
{
	bool first = true;

	co_strbuf_adds(sb, "[");
	for (int b = 0; b < CO_BLOCK_COUNT; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];

			co_strbuf_adds(sb, first ? "\n      {\"exercise\": " : ",\n      {\"exercise\": ");
			first = false;
			str(sb, it->exercise ? it->exercise->id : NULL);
			co_strbuf_addf(sb, ", \"sets\": %d, \"reps\": ", it->sets);
			num(sb, it->reps, it->reps > 0);
			co_strbuf_adds(sb, ", \"seconds\": ");
			num(sb, it->seconds, it->seconds > 0);
			co_strbuf_adds(sb, ", \"load\": ");
			num(sb, it->load, it->load >= 0);
			co_strbuf_adds(sb, ", \"rpe\": ");
			num(sb, it->rpe, it->rpe > 0);
			co_strbuf_adds(sb, "}");
		}
	co_strbuf_adds(sb, first ? "]" : "\n    ]");
}

int co_status_to_json(char **out, const co_status_view *v)
{
	co_strbuf sb = CO_STRBUF_INIT;
	const co_load_day *d = v->load;
	char day[11];

	co_strbuf_addf(&sb, "{\n  \"date\": \"%s\",\n  \"readiness\": \"%s\",\n  \"signals\": [",
		       co_date_format(v->date, day), co_readiness_name(v->readiness));
	for (size_t i = 0; i < v->n_signals; i++) {
		const co_signal *g = v->signals[i];

		co_strbuf_adds(&sb, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		str(&sb, g->id);
		co_strbuf_adds(&sb, ", \"rule\": ");
		str(&sb, g->rule);
		co_strbuf_adds(&sb, ", \"value\": ");
		num(&sb, g->value, true);
		co_strbuf_adds(&sb, ", \"threshold\": ");
		num(&sb, g->threshold, true);
		co_strbuf_adds(&sb, ", \"detail\": ");
		str(&sb, g->detail);
		co_strbuf_adds(&sb, "}");
	}
	co_strbuf_adds(&sb, v->n_signals ? "\n  ],\n  \"load\": {" : "],\n  \"load\": {");
	co_strbuf_adds(&sb, "\"acute\": ");
	num(&sb, d ? d->acute : 0, d);
	co_strbuf_adds(&sb, ", \"chronic\": ");
	num(&sb, d ? d->chronic : 0, d);
	co_strbuf_adds(&sb, ", \"acwr\": ");
	num(&sb, d ? d->acwr : 0, d && d->acwr >= 0);
	co_strbuf_adds(&sb, ", \"ctl\": ");
	num(&sb, d ? d->ctl : 0, d);
	co_strbuf_adds(&sb, ", \"atl\": ");
	num(&sb, d ? d->atl : 0, d);
	co_strbuf_adds(&sb, ", \"tsb\": ");
	num(&sb, d ? d->tsb : 0, d);
	co_strbuf_adds(&sb, ", \"monotony\": ");
	num(&sb, d ? d->monotony : 0, d && d->monotony >= 0);
	co_strbuf_adds(&sb, ", \"strain\": ");
	num(&sb, d ? d->strain : 0, d && d->strain >= 0);
	co_strbuf_adds(&sb, "},\n  \"next_session\": ");
	if (v->next) {
		co_strbuf_addf(&sb, "{\"date\": \"%s\", \"focus\": ", co_date_format(v->next->date, day));
		str(&sb, co_focus_name(v->next->focus));
		co_strbuf_adds(&sb, ", \"items\": ");
		items(&sb, v->next);
		co_strbuf_adds(&sb, "}");
	} else {
		co_strbuf_adds(&sb, "null");
	}
	co_strbuf_adds(&sb, "\n}\n");
	*out = co_strbuf_detach(&sb);
	return CO_OK;
}
