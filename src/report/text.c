/*
 * The plan on a terminal: the header, the season overview (one line a
 * week), a week with its runs and tests, the session card, and one day.
 *
 * Plain style: ASCII, fixed columns for an 80-column terminal, two spaces
 * of indent per level. `plan`, `week` and `session` print these; their
 * outputs are fixed byte for byte by tests/golden/, so a change here is a
 * change of the documented output (docs/cli/). The words come from
 * words.c and the doses from dose.c; this file only lays them out.
 *
 * Two lines still name a value by its contract id, as they always have:
 * the week's "tests:" line (co_test_kind_name: "single_leg_squat") and a
 * rest day's runs (co_run_type_name: "long"). Rewording them changes the
 * golden outputs, so it waits for a change that means to.
 */
#include "carryover/report.h"
#include "util/strbuf.h"

static co_date plan_end(const co_plan *plan)
{
	return plan->start + (co_date)(plan->n_weeks * 7) - 1;
}

void co_report_text_header(co_strbuf *out, const co_plan *plan)
{
	char d[11], e[11];

	co_strbuf_addf(out, "carryover plan for %s: %zu weeks, %s to %s\n", plan->athlete,
		       plan->n_weeks, co_date_format(plan->start, d),
		       co_date_format(plan_end(plan), e));
	for (size_t i = 0; i < plan->n_races; i++) {
		const co_race *r = &plan->races[i];

		co_strbuf_addf(out, "race: %s (%s, ", r->name, co_report_priority_word(r->priority));
		if (r->distance_km > 0)
			co_strbuf_addf(out, "%.4g km", r->distance_km);
		else
			co_strbuf_adds(out, "distance unknown");
		co_strbuf_addf(out, ") on %s %s\n", co_report_day_short(r->date),
			       co_date_format(r->date, d));
	}
	for (size_t i = 0; i < plan->n_warnings; i++)
		co_strbuf_addf(out, "warning: %s\n", plan->warnings[i]);
	for (size_t i = 0; i < plan->n_notes; i++)
		co_strbuf_addf(out, "note: %s\n", plan->notes[i]);
	co_strbuf_addch(out, '\n');
}

/* "Tue A, Thu B": the lifting days of a week and their letters. */
static void add_week_sessions(co_strbuf *out, const co_week *w)
{
	for (size_t s = 0; s < w->n_sessions; s++)
		co_strbuf_addf(out, "%s%s %c", s ? ", " : "", co_report_day_short(w->sessions[s].date),
			       co_report_focus_letter(w->sessions[s].focus));
}

void co_report_text_overview(co_strbuf *out, const co_plan *plan, size_t first, size_t count)
{
	co_strbuf cell = CO_STRBUF_INIT;
	char d[11];

	co_strbuf_adds(out, " wk  week of     phase            run/key min  sessions"
		       "               tests\n");
	for (size_t i = first; i < plan->n_weeks && i < first + count; i++) {
		const co_week *w = &plan->weeks[i];

		co_strbuf_addf(out, "%3d  %s  %-8s %-7s %5d/%-5d  ", w->index,
			       co_date_format(w->start, d), co_report_phase_word(w->phase),
			       w->deload ? "deload" : "", w->run_minutes, w->key_minutes);
		co_strbuf_reset(&cell);
		add_week_sessions(&cell, w);
		co_strbuf_addf(out, "%-22s ", w->n_sessions ? cell.buf : "-");
		for (size_t t = 0; t < w->n_tests; t++)
			co_strbuf_addf(out, "%s%s %s", t ? ", " : "",
				       co_report_test_short(w->tests[t].kind),
				       co_report_day_short(w->tests[t].date));
		co_strbuf_addch(out, '\n');
	}
	co_strbuf_adds(out, "sessions:");
	for (int f = 0; f < CO_FOCUS_COUNT; f++)
		co_strbuf_addf(out, "%s %c %s", f ? "," : "", co_report_focus_letter((co_focus)f),
			       co_report_focus_word((co_focus)f));
	co_strbuf_addch(out, '\n');
	co_strbuf_release(&cell);
}

/*
 * One item: the name and the volume in columns, then effort, tempo and
 * load separated by two spaces; the item's note on its own line below.
 */
static void add_item(co_strbuf *out, const co_item *it, co_units units)
{
	const co_exercise *ex = it->exercise;
	const char *name = ex && ex->name ? ex->name : "?";
	co_strbuf volume = CO_STRBUF_INIT, extra = CO_STRBUF_INIT, load = CO_STRBUF_INIT;

	co_report_add_volume(&volume, it, CO_REPORT_PLAIN);
	if (it->rpe > 0)
		co_strbuf_addf(&extra, "  RPE %g", it->rpe);
	if (it->tempo)
		co_strbuf_addf(&extra, "  tempo %s", it->tempo);
	if (co_report_add_load(&load, it, units, CO_REPORT_PLAIN))
		co_strbuf_addf(&extra, "  %s", load.buf);
	if (extra.len)
		co_strbuf_addf(out, "      %-34s %-14s%s\n", name, volume.buf, extra.buf);
	else
		co_strbuf_addf(out, "      %-34s %s\n", name, volume.buf);
	if (it->note && *it->note)
		co_strbuf_addf(out, "        %s\n", it->note);
	co_strbuf_release(&volume);
	co_strbuf_release(&extra);
	co_strbuf_release(&load);
}

void co_report_text_session(co_strbuf *out, const co_plan *plan, const co_session *s)
{
	char d[11];

	co_strbuf_addf(out, "  %s %s  %s, about %d min\n", co_report_day_short(s->date),
		       co_date_format(s->date, d), co_report_focus_title(s->focus, CO_REPORT_PLAIN),
		       s->minutes);
	for (size_t i = 0; i < s->n_why; i++)
		co_strbuf_addf(out, "    %s %s\n", i ? "    " : "why:", s->why[i]);
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		const co_block *b = &s->blocks[k];

		if (!b->n_items)
			continue;
		co_strbuf_addf(out, "    %s\n", co_report_block_word((co_block_kind)k));
		for (size_t i = 0; i < b->n_items; i++)
			add_item(out, &b->items[i], plan->units);
	}
	if (s->strides) {
		co_strbuf_adds(out, "    strides: ");
		co_report_add_strides(out, s, CO_REPORT_PLAIN);
		co_strbuf_addch(out, '\n');
	}
}

void co_report_text_week(co_strbuf *out, const co_plan *plan, const co_week *w)
{
	char d[11], e[11];

	co_strbuf_addf(out, "\n== week %d of %zu: %s to %s, %s%s ==\n", w->index, plan->n_weeks,
		       co_date_format(w->start, d), co_date_format(w->start + 6, e),
		       co_report_phase_word(w->phase), w->deload ? " (deload)" : "");
	for (size_t i = 0; i < w->n_notes; i++)
		co_strbuf_addf(out, "  - %s\n", w->notes[i]);
	co_strbuf_adds(out, "  runs:");
	if (!w->n_runs)
		co_strbuf_adds(out, " none");
	for (size_t i = 0; i < w->n_runs; i++)
		co_strbuf_addf(out, "%s %s %s %d'", i ? "," : "", co_report_day_short(w->runs[i].date),
			       co_report_run_word(w->runs[i].type), w->runs[i].minutes);
	co_strbuf_addf(out, " (%d min, %d key)\n", w->run_minutes, w->key_minutes);
	if (w->n_tests) {
		co_strbuf_adds(out, "  tests:");
		for (size_t i = 0; i < w->n_tests; i++)
			co_strbuf_addf(out, "%s %s %s", i ? "," : "",
				       co_test_kind_name(w->tests[i].kind),
				       co_report_day_short(w->tests[i].date));
		co_strbuf_addch(out, '\n');
	}
	if (!w->n_sessions)
		co_strbuf_adds(out, "  no strength session this week\n");
	for (size_t i = 0; i < w->n_sessions; i++) {
		co_strbuf_addch(out, '\n');
		co_report_text_session(out, plan, &w->sessions[i]);
	}
}

/* The first session after `day`, from `day`'s week on; NULL when none is left. */
static const co_session *next_session(const co_plan *plan, const co_week *w, co_date day)
{
	for (size_t k = (size_t)(w - plan->weeks); k < plan->n_weeks; k++)
		for (size_t i = 0; i < plan->weeks[k].n_sessions; i++)
			if (plan->weeks[k].sessions[i].date > day)
				return &plan->weeks[k].sessions[i];
	return NULL;
}

void co_report_text_day(co_strbuf *out, const co_plan *plan, co_date day)
{
	const co_week *w = co_plan_week_at(plan, day);
	const co_session *ses, *next;
	size_t n = 0, shown = 0;
	char d[11];

	if (!w)
		return;
	co_strbuf_addf(out, "week %d of %zu, %s%s\n", w->index, plan->n_weeks,
		       co_report_phase_word(w->phase), w->deload ? " (deload)" : "");
	ses = co_plan_sessions_on(plan, day, &n);
	for (size_t i = 0; i < n; i++) {
		co_strbuf_addch(out, '\n');
		co_report_text_session(out, plan, &ses[i]);
	}
	if (n)
		return;
	/* a rest day from lifting is part of the plan: say what the day holds instead */
	co_strbuf_addf(out, "no strength session on %s %s", co_report_day_word(day),
		       co_date_format(day, d));
	for (size_t i = 0; i < w->n_runs; i++)
		if (w->runs[i].date == day)
			co_strbuf_addf(out, "%s %s %d min", shown++ ? "," : ";",
				       co_run_type_name(w->runs[i].type), w->runs[i].minutes);
	co_strbuf_addch(out, '\n');
	if ((next = next_session(plan, w, day)))
		co_strbuf_addf(out, "next session: %s %s\n", co_report_day_word(next->date),
			       co_date_format(next->date, d));
}
