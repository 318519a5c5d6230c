/*
 * The text of calendar events: what a runner sees when opening a session
 * or a baseline test in a phone's calendar.
 *
 * Rich style: UTF-8 typography, and no columns, because calendar apps use
 * proportional fonts and wrap long lines; every item is one "- NAME: DOSE"
 * line and headings are capitalised words on their own line. The writer of
 * the feed (src/formats/ics_write.c) escapes and folds this text; it has
 * no words of its own and calls these through co_ics_options (the formats
 * layer does not depend on this one: the export command connects them).
 * The card's shape is documented in docs/formats/calendar.md and checked
 * by tests/oracle/ics.test.mjs.
 */
#include <ctype.h>

#include "carryover/report.h"
#include "util/strbuf.h"

static const co_week *week_of(const co_plan *plan, co_date d)
{
	for (size_t i = 0; i < plan->n_weeks; i++)
		if (d >= plan->weeks[i].start && d < plan->weeks[i].start + 7)
			return &plan->weeks[i];
	return NULL;
}

/* A heading: the word with its first letter capitalised ("Warm-up"). */
static void add_heading(co_strbuf *out, const char *word)
{
	co_strbuf_addch(out, (char)toupper((unsigned char)word[0]));
	co_strbuf_adds(out, word + 1);
	co_strbuf_addch(out, '\n');
}

void co_report_event_card(co_strbuf *out, const co_plan *plan, const co_session *s)
{
	const co_week *w = plan ? week_of(plan, s->date) : NULL;
	co_units units = plan ? plan->units : CO_UNITS_KG;

	co_strbuf_addf(out, "%s, about %d min\n", co_report_focus_title(s->focus, CO_REPORT_RICH),
		       s->minutes);
	if (w)
		co_strbuf_addf(out, "Week %d of %zu, %s phase%s\n", w->index, plan->n_weeks,
			       co_report_phase_word(w->phase), w->deload ? ", deload week" : "");
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		const co_block *b = &s->blocks[k];

		if (!b->n_items)
			continue;
		co_strbuf_addch(out, '\n');
		add_heading(out, co_report_block_word(b->kind));
		for (size_t i = 0; i < b->n_items; i++) {
			const co_item *it = &b->items[i];

			co_strbuf_addf(out, "- %s: ", it->exercise ? it->exercise->name : "?");
			co_report_add_dose(out, it, units, CO_REPORT_RICH);
			co_strbuf_addch(out, '\n');
			if (it->note && *it->note)
				co_strbuf_addf(out, "  (%s)\n", it->note);
		}
	}
	if (s->strides) {
		co_strbuf_adds(out, "\nStrides: ");
		co_report_add_strides(out, s, CO_REPORT_RICH);
		co_strbuf_addch(out, '\n');
	}
	if (s->n_why) {
		co_strbuf_adds(out, "\nWhy\n");
		for (size_t i = 0; i < s->n_why; i++)
			co_strbuf_addf(out, "- %s\n", s->why[i]);
	}
}

void co_report_event_session(co_strbuf *summary, co_strbuf *description, const co_plan *plan,
			     const co_session *s)
{
	co_strbuf_adds(summary, co_report_focus_title(s->focus, CO_REPORT_RICH));
	co_report_event_card(description, plan, s);
}

void co_report_event_test(co_strbuf *summary, co_strbuf *description, const co_plan *plan,
			  const co_plan_test *t)
{
	(void)plan;
	co_strbuf_adds(summary, "Baseline test");
	if ((unsigned)t->kind < CO_TEST_KIND_COUNT)
		co_strbuf_addf(summary, " \xE2\x80\x94 %s", co_report_test_word(t->kind));
	co_strbuf_adds(description, co_report_test_how(t->kind));
}
