/*
 * The plan on a terminal: the header, the season overview (one line a
 * week), a week with its runs and tests, the session card, and one day.
 *
 * Plain style: ASCII, two spaces of indent per level, fitted to a width
 * (co_report_text_setup(): the terminal's, else $COLUMNS, else 80): prose
 * (why lines, notes, warnings, the runs of a week) is word-wrapped under
 * its label; an exercise whose dose does not fit beside it gets the dose on
 * the next line; the overview drops its minutes column below 72 columns
 * and moves a week's tests under the row when they do not fit. A card
 * lists its exercises first and the reasons after them: what to do is what
 * a runner looks for first. With colour on (a terminal without NO_COLOR)
 * the phase, the key runs and warnings are set off with ANSI SGR codes;
 * widths are counted without them.
 *
 * `plan`, `week` and `session` print these; their outputs are fixed byte
 * for byte by tests/golden/ (taken at 80 columns without colour), so a
 * change here is a change of the documented output (docs/cli/). The words
 * come from words.c and the doses from dose.c; this file only lays them out.
 *
 * Two lines still name a value by its contract id, as they always have:
 * the week's "tests:" line (co_test_kind_name: "single_leg_squat") and a
 * rest day's runs (co_run_type_name: "long"). Rewording them changes the
 * golden outputs, so it waits for a change that means to.
 */
#include <string.h>

#include "carryover/actual.h"
#include "carryover/report.h"
#include "util/strbuf.h"

/*
 * The layout, set once by the front end before it renders (one process,
 * one terminal); the defaults are those of the golden outputs.
 */
static struct {
	size_t width;
	bool colour;
	bool verbose;
} term = {80, false, false};

void co_report_text_setup(int width, bool colour)
{
	term.width = width < 40 ? 40 : width > 1000 ? 1000 : (size_t)width;
	term.colour = colour;
}

void co_report_text_verbose(bool on)
{
	term.verbose = on;
}

/*
 * Issue 8: why lines a runner reads. A card already shows what these rules
 * decided (the leading lift, the lower-leg items, the sets, reps and RPE of
 * the phase), so a line that opens with one of them held as stated ("B2:
 * session A, posterior chain first: ...", "C3: base phase: 2-3 sets ...")
 * restates the rule and is left out unless --verbose; the week's notes say
 * the phase once. A line with the rule bent ("C3 bent: ...") and every
 * other rule (where the day falls and why, trims, deloads, tapers, tests,
 * recovery, strides) always shows.
 */
bool co_report_why_shown(const char *why)
{
	static const char *const restating[] = {"B2: ", "A4: ", "C3: ", "C4: ", "C6: "};

	if (term.verbose || !why)
		return true;
	for (size_t i = 0; i < sizeof(restating) / sizeof(restating[0]); i++)
		if (!strncmp(why, restating[i], strlen(restating[i])))
			return false;
	return true;
}

/*
 * Issue 8: a fact of the season is said once. A week note that recurs word
 * for word in most of the plan's weeks (a calendar that leaves no day clear
 * of E1 and C1 every week, say) goes to the plan's header once, with how
 * many weeks it concerns, instead of on every week card; --verbose and the
 * JSON keep it on every week. SEASON_SHARE is "most": 60% of the weeks, and
 * at least SEASON_MIN weeks. Bounded by the plan: weeks x notes.
 */
#define SEASON_SHARE 0.6
#define SEASON_MIN 3

static size_t weeks_with_note(const co_plan *plan, const char *note)
{
	size_t n = 0;

	for (size_t i = 0; i < plan->n_weeks; i++)
		for (size_t k = 0; k < plan->weeks[i].n_notes; k++)
			if (!strcmp(plan->weeks[i].notes[k], note)) {
				n++;
				break;
			}
	return n;
}

static bool season_note(const co_plan *plan, const char *note)
{
	size_t n = weeks_with_note(plan, note);

	return n >= SEASON_MIN && (double)n >= SEASON_SHARE * (double)plan->n_weeks;
}

/* Whether `note` of week `i` is the first week's copy of it. */
static bool first_copy(const co_plan *plan, size_t i, const char *note)
{
	for (size_t j = 0; j < i; j++)
		for (size_t k = 0; k < plan->weeks[j].n_notes; k++)
			if (!strcmp(plan->weeks[j].notes[k], note))
				return false;
	return true;
}

/* Restrained colour: bold cyan phases, bold key runs, bold yellow warnings. */
#define SGR_PHASE "\033[1;36m"
#define SGR_KEY "\033[1m"
#define SGR_WARN "\033[1;33m"
#define SGR_OFF "\033[0m"

static void paint(co_strbuf *out, const char *sgr, const char *text)
{
	if (term.colour)
		co_strbuf_addf(out, "%s%s%s", sgr, text, SGR_OFF);
	else
		co_strbuf_adds(out, text);
}

/* Columns `s[0..n)` takes on screen: no escape sequences, no UTF-8 continuation bytes. */
static size_t visible(const char *s, size_t n)
{
	size_t cols = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\033') {
			while (i < n && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	}
	return cols;
}

/* The column the next character of `out` lands in. */
static size_t column(const co_strbuf *out)
{
	size_t start = out->len;

	while (start > 0 && out->buf[start - 1] != '\n')
		start--;

	return visible(out->buf + start, out->len - start);
}

static void spaces(co_strbuf *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		co_strbuf_addch(out, ' ');
}

/* In text given to add_wrapped(): a space that does not break ("long run 70'"). */
#define NBSP '\037'

/*
 * Append `text`, word-wrapped at the width: the first word continues the
 * current line (after its label), later lines start with `hang` spaces.
 * Words are split at single spaces (NBSP joins, printed as a space); a
 * word longer than a line stays whole. A line break is added at the end.
 */
static void add_wrapped(co_strbuf *out, const char *text, size_t hang)
{
	bool first = true;

	for (const char *p = text; *p;) {
		const char *q;
		size_t wl;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		for (q = p; *q && *q != ' '; q++)
			;
		wl = visible(p, (size_t)(q - p));
		if (!first && column(out) + 1 + wl > term.width) {
			co_strbuf_addch(out, '\n');
			spaces(out, hang);
		} else if (!first) {
			co_strbuf_addch(out, ' ');
		}
		for (const char *c = p; c < q; c++)
			co_strbuf_addch(out, *c == NBSP ? ' ' : *c);
		first = false;
		p = q;
	}
	co_strbuf_addch(out, '\n');
}

static co_date plan_end(const co_plan *plan)
{
	return plan->start + (co_date)(plan->n_weeks * 7) - 1;
}

void co_report_text_header(co_strbuf *out, const co_plan *plan)
{
	char d[11], e[11];

	co_strbuf line = CO_STRBUF_INIT;

	co_strbuf_addf(&line, "carryover plan for %s: %zu weeks, %s to %s", plan->athlete,
		       plan->n_weeks, co_date_format(plan->start, d),
		       co_date_format(plan_end(plan), e));
	add_wrapped(out, line.buf, 2);
	for (size_t i = 0; i < plan->n_races; i++) {
		const co_race *r = &plan->races[i];

		co_strbuf_reset(&line);
		co_strbuf_addf(&line, "%s (%s, ", r->name, co_report_priority_word(r->priority));
		if (r->distance_km > 0)
			co_report_add_distance(&line, r->distance_km, plan->distance_units);
		else
			co_strbuf_adds(&line, "distance unknown");
		co_strbuf_addf(&line, ") on %s %s", co_report_day_short(r->date),
			       co_date_format(r->date, d));
		co_strbuf_adds(out, "race: ");
		add_wrapped(out, line.buf, 6);
	}
	for (size_t i = 0; i < plan->n_warnings; i++) {
		paint(out, SGR_WARN, "warning:");
		co_strbuf_addch(out, ' ');
		add_wrapped(out, plan->warnings[i], 9);
	}
	for (size_t i = 0; i < plan->n_notes; i++) {
		co_strbuf_adds(out, "note: ");
		add_wrapped(out, plan->notes[i], 6);
	}
	for (size_t i = 0; i < plan->n_weeks; i++)
		for (size_t k = 0; k < plan->weeks[i].n_notes; k++) {
			const char *n = plan->weeks[i].notes[k];

			if (!season_note(plan, n) || !first_copy(plan, i, n))
				continue;
			co_strbuf_reset(&line);
			co_strbuf_addf(&line, "in %zu of %zu weeks: %s", weeks_with_note(plan, n),
				       plan->n_weeks, n);
			co_strbuf_adds(out, "note: ");
			add_wrapped(out, line.buf, 6);
		}
	co_strbuf_addch(out, '\n');
	co_strbuf_release(&line);
}

/* "Tue A, Thu B": the lifting days of a week and their letters. */
static void add_week_sessions(co_strbuf *out, const co_week *w)
{
	for (size_t s = 0; s < w->n_sessions; s++)
		co_strbuf_addf(out, "%s%s %c", s ? ", " : "", co_report_day_short(w->sessions[s].date),
			       co_report_focus_letter(w->sessions[s].focus));
}

/* Remove the spaces at the end of `out`'s last line. */
static void trim(co_strbuf *out)
{
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
}

void co_report_text_overview(co_strbuf *out, const co_plan *plan, size_t first, size_t count)
{
	co_strbuf cell = CO_STRBUF_INIT, tests = CO_STRBUF_INIT;
	bool minutes = term.width >= 72; /* the run/key column, when there is room */
	size_t sw = 8;                   /* the sessions column: its widest cell */
	char d[11];

	for (size_t i = first; i < plan->n_weeks && i < first + count; i++) {
		co_strbuf_reset(&cell);
		add_week_sessions(&cell, &plan->weeks[i]);
		if (cell.len > sw)
			sw = cell.len;
	}
	co_strbuf_adds(out, minutes ? " wk  week of     phase            run/key min  "
				    : " wk  week of     phase            ");
	co_strbuf_addf(out, "%-*s tests\n", (int)sw, "sessions");
	for (size_t i = first; i < plan->n_weeks && i < first + count; i++) {
		const co_week *w = &plan->weeks[i];
		const char *phase = co_report_phase_word(w->phase);
		size_t tcol;

		co_strbuf_addf(out, "%3d  %s  ", w->index, co_date_format(w->start, d));
		paint(out, SGR_PHASE, phase);
		spaces(out, strlen(phase) < 8 ? 9 - strlen(phase) : 1);
		co_strbuf_addf(out, "%-7s ", w->deload ? "deload" : "");
		if (minutes)
			co_strbuf_addf(out, "%5d/%-5d  ", w->run_minutes, w->key_minutes);
		co_strbuf_reset(&cell);
		add_week_sessions(&cell, w);
		co_strbuf_addf(out, "%-*s ", (int)sw, w->n_sessions ? cell.buf : "-");
		co_strbuf_reset(&tests);
		for (size_t t = 0; t < w->n_tests; t++)
			co_strbuf_addf(&tests, "%s%s %s", t ? ", " : "",
				       co_report_test_short(w->tests[t].kind),
				       co_report_day_short(w->tests[t].date));
		tcol = column(out);
		if (!tests.len || tcol + tests.len <= term.width) {
			co_strbuf_adds(out, tests.len ? tests.buf : "");
			trim(out);
			co_strbuf_addch(out, '\n');
		} else {
			/* under the row, as a labelled line, when they do not fit beside it */
			trim(out);
			co_strbuf_adds(out, "\n     tests: ");
			add_wrapped(out, tests.buf, 12);
		}
	}
	co_strbuf_adds(out, "sessions:");
	for (int f = 0; f < CO_FOCUS_COUNT; f++) {
		co_strbuf_reset(&cell);
		co_strbuf_addf(&cell, "%c %s%s", co_report_focus_letter((co_focus)f),
			       co_report_focus_word((co_focus)f), f + 1 < CO_FOCUS_COUNT ? "," : "");
		/* keep "A posterior chain," together: wrap between entries only */
		if (f && column(out) + 1 + cell.len > term.width)
			co_strbuf_adds(out, "\n         ");
		co_strbuf_addf(out, " %s", cell.buf);
	}
	co_strbuf_addch(out, '\n');
	co_strbuf_release(&cell);
	co_strbuf_release(&tests);
}

/*
 * One item: the name and the volume in columns, then effort, tempo, load
 * and rest separated by two spaces (on the next line, under the volume,
 * when they do not fit); its ramp-up sets and its note wrapped below.
 */
static void add_item(co_strbuf *out, const co_item *it, co_units units, int nw, int vw)
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
	co_strbuf_reset(&load);
	if (co_report_add_rest(&load, it))
		co_strbuf_addf(&extra, "  %s", load.buf);
	if (!extra.len) {
		co_strbuf_addf(out, "      %-*s %s\n", nw, name, volume.buf);
	} else if (6 + (size_t)nw + 1 + (size_t)vw + extra.len <= term.width) {
		co_strbuf_addf(out, "      %-*s %-*s%s\n", nw, name, vw, volume.buf, extra.buf);
	} else {
		size_t at = 6 + (size_t)nw + 1 + extra.len - 2 <= term.width ? 6 + (size_t)nw + 1 : 8;

		co_strbuf_addf(out, "      %-*s %s\n", nw, name, volume.buf);
		spaces(out, at);
		co_strbuf_addf(out, "%s\n", extra.buf + 2);
	}
	co_strbuf_reset(&load);
	if (co_report_add_ramp(&load, it, units, CO_REPORT_PLAIN)) {
		co_strbuf_adds(out, "        ");
		add_wrapped(out, load.buf, 8);
	}
	if (it->note && *it->note) {
		co_strbuf_adds(out, "        ");
		add_wrapped(out, it->note, 8);
	}
	co_strbuf_release(&volume);
	co_strbuf_release(&extra);
	co_strbuf_release(&load);
}

/*
 * Issue 10.2: what the log says of a session (actual.h), as a line under
 * its title; nothing for a session still to come or one the log cannot
 * speak of (before the log began). False when there is nothing to say.
 */
static bool add_status(co_strbuf *out, const co_session *s)
{
	switch ((co_session_status)s->status) {
	case CO_SESSION_DONE:
		co_strbuf_adds(out, "done");
		return true;
	case CO_SESSION_PARTLY_DONE:
		co_strbuf_addf(out, "partly done: %d of %d exercises logged in full", s->items_done,
			       s->items_planned);
		return true;
	case CO_SESSION_SKIPPED:
		co_strbuf_addf(out, "skipped%s%s", s->status_note[0] ? ": " : "", s->status_note);
		return true;
	case CO_SESSION_MISSED:
		co_strbuf_adds(out, "missed: nothing logged");
		return true;
	default:
		return false;
	}
}

/* " (imported; planned intervals 50')": what a run that happened stood for. */
static void add_run_actual(co_strbuf *out, const co_plan_run *r)
{
	const char *word;

	if (!co_plan_run_is_actual(r))
		return;
	/* breaks only between its parts: "(logged, RPE 7;" "planned easy 45')" */
	co_strbuf_addf(out, " (%s", r->source == CO_RUN_FROM_IMPORT ? "imported" : "logged");
	if (r->rpe > 0)
		co_strbuf_addf(out, ", RPE%c%d", NBSP, r->rpe);
	if (!r->has_planned) {
		co_strbuf_addf(out, "; not%cplanned)", NBSP);
		return;
	}
	co_strbuf_addf(out, "; planned%c", NBSP);
	word = co_report_run_word(r->planned_type);
	for (const char *c = word; *c; c++)
		co_strbuf_addch(out, *c == ' ' ? NBSP : *c);
	co_strbuf_addf(out, "%c%d')", NBSP, r->planned_minutes);
}

void co_report_text_session(co_strbuf *out, const co_plan *plan, const co_session *s)
{
	char d[11];

	co_strbuf title = CO_STRBUF_INIT;

	co_strbuf_addf(&title, "%s, about %d min", co_report_focus_title(s->focus, CO_REPORT_PLAIN),
		       s->minutes);
	co_strbuf_addf(out, "  %s %s  ", co_report_day_short(s->date), co_date_format(s->date, d));
	add_wrapped(out, title.buf, 18);
	co_strbuf_reset(&title);
	if (add_status(&title, s)) {
		co_strbuf_adds(out, "    ");
		add_wrapped(out, title.buf, 6);
	}
	co_strbuf_release(&title);
	co_strbuf vol = CO_STRBUF_INIT;
	int nw = 20, vw = 8; /* the name and volume columns: the card's widest */

	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		for (size_t i = 0; i < s->blocks[k].n_items; i++) {
			const co_exercise *ex = s->blocks[k].items[i].exercise;
			int n = ex && ex->name ? (int)strlen(ex->name) : 1;

			if (n > nw)
				nw = n;
			co_strbuf_reset(&vol);
			co_report_add_volume(&vol, &s->blocks[k].items[i], CO_REPORT_PLAIN);
			if ((int)vol.len > vw)
				vw = (int)vol.len;
		}
	co_strbuf_release(&vol);
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		const co_block *b = &s->blocks[k];

		if (!b->n_items)
			continue;
		co_strbuf_addf(out, "    %s\n", co_report_block_word((co_block_kind)k));
		for (size_t i = 0; i < b->n_items; i++)
			add_item(out, &b->items[i], plan->units, nw, vw);
	}
	if (s->strides) {
		co_strbuf line = CO_STRBUF_INIT;

		co_report_add_strides(&line, s, CO_REPORT_PLAIN);
		co_strbuf_adds(out, "    strides: ");
		add_wrapped(out, line.buf, 13);
		co_strbuf_release(&line);
	}
	/* the reasons after the exercises: what to do first, why below it */
	for (size_t i = 0, shown = 0; i < s->n_why; i++) {
		if (!co_report_why_shown(s->why[i]))
			continue;
		co_strbuf_adds(out, shown++ ? "         " : "    why: ");
		add_wrapped(out, s->why[i], 11);
	}
}

void co_report_text_week(co_strbuf *out, const co_plan *plan, const co_week *w)
{
	co_strbuf runs = CO_STRBUF_INIT;
	char d[11], e[11];
	bool actual = false;

	co_strbuf_addf(out, "\n== week %d of %zu: %s to %s, ", w->index, plan->n_weeks,
		       co_date_format(w->start, d), co_date_format(w->start + 6, e));
	paint(out, SGR_PHASE, co_report_phase_word(w->phase));
	co_strbuf_addf(out, "%s ==\n", w->deload ? " (deload)" : "");
	for (size_t i = 0; i < w->n_notes; i++) {
		if (!term.verbose && season_note(plan, w->notes[i]))
			continue; /* said once in the header */
		co_strbuf_adds(out, "  - ");
		add_wrapped(out, w->notes[i], 4);
	}
	/* the runs as one wrapped list; a key run's words set off in colour */
	co_strbuf_reset(&runs);
	if (!w->n_runs)
		co_strbuf_adds(&runs, "none");
	for (size_t i = 0; i < w->n_runs; i++) {
		const char *word = co_report_run_word(w->runs[i].type);
		bool key = co_run_type_is_key(w->runs[i].type) && term.colour;

		co_strbuf_addf(&runs, "%s%s%c%s", i ? ", " : "", co_report_day_short(w->runs[i].date),
			       NBSP, key ? SGR_KEY : "");
		for (const char *c = word; *c; c++) /* "long run" stays on one line */
			co_strbuf_addch(&runs, *c == ' ' ? NBSP : *c);
		co_strbuf_addf(&runs, "%c%d'", NBSP, w->runs[i].minutes);
		if (w->runs[i].distance_km > 0) { /* from a runs file that gives it, or a run done */
			size_t at = runs.len;
			double km = w->runs[i].distance_km;

			if (co_plan_run_is_actual(&w->runs[i])) /* a watch's metres: to 0.1 km */
				km = (double)(long)(km * 10 + 0.5) / 10;
			co_strbuf_addch(&runs, ' ');
			co_report_add_distance(&runs, km, plan->distance_units);
			for (; at < runs.len; at++)
				if (runs.buf[at] == ' ')
					runs.buf[at] = NBSP;
		}
		co_strbuf_adds(&runs, key ? SGR_OFF : "");
		add_run_actual(&runs, &w->runs[i]);
		actual = actual || co_plan_run_is_actual(&w->runs[i]);
	}
	/* the week's figures are the planned ones (actual.h): say so once runs were done */
	if (actual)
		co_strbuf_addf(&runs, " (planned%c%d%cmin, %d key)", NBSP, w->run_minutes, NBSP,
			       w->key_minutes);
	else
		co_strbuf_addf(&runs, " (%d min, %d key)", w->run_minutes, w->key_minutes);
	co_strbuf_adds(out, "  runs: ");
	add_wrapped(out, runs.buf, 8);
	if (w->n_tests) {
		co_strbuf_reset(&runs);
		for (size_t i = 0; i < w->n_tests; i++)
			co_strbuf_addf(&runs, "%s%s %s", i ? ", " : "",
				       co_test_kind_name(w->tests[i].kind),
				       co_report_day_short(w->tests[i].date));
		co_strbuf_adds(out, "  tests: ");
		add_wrapped(out, runs.buf, 9);
	}
	if (!w->n_sessions)
		co_strbuf_adds(out, "  no strength session this week\n");
	for (size_t i = 0; i < w->n_sessions; i++) {
		co_strbuf_addch(out, '\n');
		co_report_text_session(out, plan, &w->sessions[i]);
	}
	co_strbuf_release(&runs);
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

bool co_report_text_outside(co_strbuf *out, const co_plan *plan, co_date day)
{
	char d[11];

	if (!plan->n_weeks)
		return false;
	if (day < plan->start) {
		co_date in = plan->start - day;

		co_strbuf_addf(out, "the plan starts on %s %s, in %d day%s\n",
			       co_report_day_word(plan->start), co_date_format(plan->start, d), (int)in,
			       in == 1 ? "" : "s");
		return true;
	}
	if (day > plan_end(plan)) {
		co_strbuf_addf(out, "the plan ended on %s %s (week %zu of %zu)\n",
			       co_report_day_word(plan_end(plan)), co_date_format(plan_end(plan), d),
			       plan->n_weeks, plan->n_weeks);
		return true;
	}
	return false;
}

void co_report_text_day(co_strbuf *out, const co_plan *plan, co_date day)
{
	const co_week *w = co_plan_week_at(plan, day);
	const co_session *ses, *next;
	size_t n = 0, shown = 0;
	char d[11];

	if (!w) {
		/* before the plan: when it starts and its first session; after: that it ended */
		if (!co_report_text_outside(out, plan, day))
			return;
		if (day < plan->start && (next = next_session(plan, plan->weeks, day)))
			co_strbuf_addf(out, "first session: %s %s\n", co_report_day_word(next->date),
				       co_date_format(next->date, d));
		else if (day > plan->start)
			co_strbuf_adds(out, "no sessions after it: plan the next season "
				       "with a new profile ('carryover init')\n");
		return;
	}
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
		{
			co_strbuf_addf(out, "%s %s %d min", shown++ ? "," : ";",
				       co_run_type_name(w->runs[i].type), w->runs[i].minutes);
			if (co_plan_run_is_actual(&w->runs[i])) /* issue 10.2: done, not planned */
				co_strbuf_adds(out, w->runs[i].source == CO_RUN_FROM_IMPORT
							    ? " (imported)" : " (logged)");
		}
	co_strbuf_addch(out, '\n');
	if ((next = next_session(plan, w, day)))
		co_strbuf_addf(out, "next session: %s %s\n", co_report_day_word(next->date),
			       co_date_format(next->date, d));
}
