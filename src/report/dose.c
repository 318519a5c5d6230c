/*
 * Dose phrases: how much of an exercise, as a runner reads it on a card.
 *
 * A dose has four parts, always in this order: the volume ("3 × 8 each
 * side"), the effort ("@ RPE 7"), the tempo ("tempo 3-1-X") and what it is
 * done with ("60 kg", "load by RPE", "band"). The terminal sets them in
 * columns and the calendar in one phrase, but both take each part from
 * here, so a part reads the same everywhere (the "band" of a band
 * exercise, once known to the terminal only, is the reason this file
 * exists).
 *
 * Invariants: a load < 0 is no load (bodyweight or unknown; plan.h) and
 * never prints a number; a known load prints in the plan's units; the
 * plain style is ASCII only.
 */
#include "carryover/report.h"
#include "util/strbuf.h"

void co_report_add_volume(co_strbuf *out, const co_item *it, co_report_style st)
{
	const char *times = st == CO_REPORT_RICH ? "\xC3\x97" : "x";
	bool one_side = it->exercise && it->exercise->unilateral;
	bool counted = it->reps > 0 || it->seconds > 0;

	if (it->reps > 0)
		co_strbuf_addf(out, "%d %s %d", it->sets, times, it->reps);
	else if (it->seconds > 0)
		co_strbuf_addf(out, "%d %s %d s", it->sets, times, it->seconds);
	else
		co_strbuf_addf(out, "%d set%s", it->sets, it->sets == 1 ? "" : "s");
	/*
	 * The terminal's "/side" hangs on a count ("8/side"); a dose of bare
	 * sets has none, so its column says nothing there.
	 */
	if (one_side && st == CO_REPORT_RICH)
		co_strbuf_adds(out, " each side");
	else if (one_side && counted)
		co_strbuf_adds(out, "/side");
}

bool co_report_add_load(co_strbuf *out, const co_item *it, co_units units, co_report_style st)
{
	const co_exercise *ex = it->exercise;

	if (it->load >= 0) {
		co_strbuf_addf(out, "%g %s%s", it->load, co_report_units_word(units),
			       it->load_basis == CO_LOAD_BASIS_PER_HAND ? " per hand" : "");
		return true;
	}
	/* no RPE: a warm-up or cool-down item, nothing to choose */
	if (it->rpe <= 0)
		return false;
	if (ex && co_exercise_loadable(ex)) {
		co_strbuf_adds(out, "load by RPE");
		return true;
	}
	/* a band good morning has something to hold: never "bodyweight" */
	if (ex && (ex->equipment & CO_EQUIP_BAND)) {
		co_strbuf_adds(out, "band");
		return true;
	}
	if (st == CO_REPORT_PLAIN) {
		co_strbuf_adds(out, "bodyweight");
		return true;
	}
	return false;
}

bool co_report_add_rest(co_strbuf *out, const co_item *it)
{
	if (it->rest_s <= 0 || it->sets < 2)
		return false;
	if (it->rest_s % 60 == 0)
		co_strbuf_addf(out, "rest %d min", it->rest_s / 60);
	else
		co_strbuf_addf(out, "rest %d s", it->rest_s);
	return true;
}

bool co_report_add_ramp(co_strbuf *out, const co_item *it, co_units units, co_report_style st)
{
	const char *times = st == CO_REPORT_RICH ? "\xC3\x97" : "x";

	if (!it->n_ramp)
		return false;
	co_strbuf_adds(out, "ramp up ");
	for (size_t i = 0; i < it->n_ramp && i < CO_RAMP_MAX; i++)
		co_strbuf_addf(out, "%s%d %s %g", i ? ", " : "", it->ramp[i].reps, times,
			       it->ramp[i].load);
	co_strbuf_addf(out, " %s", co_report_units_word(units));
	return true;
}

void co_report_add_dose(co_strbuf *out, const co_item *it, co_units units, co_report_style st)
{
	co_strbuf load = CO_STRBUF_INIT;

	co_report_add_volume(out, it, st);
	if (it->rpe > 0)
		co_strbuf_addf(out, " @ RPE %g", it->rpe);
	if (it->tempo)
		co_strbuf_addf(out, ", tempo %s", it->tempo);
	if (co_report_add_load(&load, it, units, st))
		co_strbuf_addf(out, ", %s", load.buf);
	co_strbuf_reset(&load);
	if (co_report_add_rest(&load, it))
		co_strbuf_addf(out, ", %s", load.buf);
	co_strbuf_reset(&load);
	if (co_report_add_ramp(&load, it, units, st))
		co_strbuf_addf(out, "; %s first", load.buf);
	co_strbuf_release(&load);
}

/*
 * The terminal's line says when (after the strength block); the calendar's
 * also says how to rest between them. The terminal's words are fixed by
 * its golden outputs, so it keeps the shorter line.
 */
void co_report_add_strides(co_strbuf *out, const co_session *s, co_report_style st)
{
	if (!s->strides)
		return;
	if (st == CO_REPORT_RICH)
		co_strbuf_addf(out, "%d \xC3\x97 %d s after the strength block, relaxed and fast, "
			       "full recovery", s->strides_reps, s->strides_seconds);
	else
		co_strbuf_addf(out, "%d x %d s after the strength block, relaxed and fast",
			       s->strides_reps, s->strides_seconds);
}
