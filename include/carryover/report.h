/*
 * The plan in words: what a runner reads on a terminal, in a calendar
 * event, and (next) in the HTML report and the web pages.
 *
 * One renderer for every output, so the wording cannot drift between them:
 * the words of every enum (phase, focus, block, run type, test, units), the
 * dose phrases ("3 × 8 each side @ RPE 7, tempo 3-1-X, 60 kg"), the
 * terminal's season overview, week and session card, and the text of a
 * calendar event. The engine's enum names (co_phase_name() and friends) are
 * the ids of the JSON contract, not wording: outputs for people use these.
 *
 * Two typographies of the same words (co_report_style): PLAIN, the ASCII
 * of the terminal ("3 x 8/side", "Strength A: posterior chain"), and RICH,
 * the UTF-8 of calendars and HTML ("3 × 8 each side", "Strength A —
 * posterior chain").
 *
 * Everything is appended to a co_strbuf (src/util/strbuf.h; the buffer
 * belongs to the caller, who prints, escapes or stores it): nothing here
 * writes to a FILE. Appending cannot fail (allocation failure aborts, as
 * for every co_strbuf). Strings returned by the word functions are static.
 * The plan, session and item arguments are only read.
 */
#ifndef CARRYOVER_REPORT_H
#define CARRYOVER_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

struct co_strbuf;

/** How the same words are set: ASCII for terminals, UTF-8 typography elsewhere. */
typedef enum co_report_style {
	CO_REPORT_PLAIN = 0, /* "3 x 8/side", "Strength A: posterior chain" */
	CO_REPORT_RICH       /* "3 × 8 each side", "Strength A — posterior chain" */
} co_report_style;

/* ---- words (src/report/words.c): static strings, "?" for an unknown value -- */

/** A phase as a runner reads it: "base", "build", ..., "recovery". */
const char *co_report_phase_word(co_phase p);

/** The letter of a session focus in the overview: 'A', 'B', 'M', 'R', 'T' ('?' if unknown). */
char co_report_focus_letter(co_focus f);

/** What a focus is, in the overview's legend: "posterior chain", "mobility (recovery)". */
const char *co_report_focus_word(co_focus f);

/** The title of a session: "Strength A: posterior chain" (plain), "Strength A — posterior chain" (rich). */
const char *co_report_focus_title(co_focus f, co_report_style st);

/** A block of a session, lower case: "warm-up", "main", "accessory", "cool-down". */
const char *co_report_block_word(co_block_kind k);

/** A baseline test in full: "single-leg squat", "threshold run", "calf raises", "rep max". */
const char *co_report_test_word(co_test_kind k);

/** A baseline test in the overview's narrow column: "squat", "threshold", "calf", "rep-max". */
const char *co_report_test_short(co_test_kind k);

/** How to do a baseline test (METHOD D6), a few sentences. */
const char *co_report_test_how(co_test_kind k);

/** A run type in a week's list of runs: "long run", "easy", "tempo", ... */
const char *co_report_run_word(co_run_type t);

/** Runs of a type, in a sentence: "easy runs", "interval runs"; "runs" for any other. */
const char *co_report_runs_word(co_run_type t);

/** The unit of a load: "kg" or "lb". */
const char *co_report_units_word(co_units u);

/** The priority of a race: "A", "B", "C". */
const char *co_report_priority_word(co_race_priority p);

/**
 * Append a distance given in km, in the runner's units: "21.1 km",
 * "13.11 mi" (4 significant digits).
 */
void co_report_add_distance(struct co_strbuf *out, double km, co_distance_units u);

/**
 * Append a pace given in seconds per km, per the runner's unit: "5:00/km",
 * "8:03/mi"; "-" when unknown (0 or less) or an hour or more.
 */
void co_report_add_pace(struct co_strbuf *out, double s_per_km, co_distance_units u);

/** The day of the week of a date, three letters: "Mon" ... "Sun". */
const char *co_report_day_short(co_date d);

/** The day of the week of a date in full: "Monday" ... "Sunday". */
const char *co_report_day_word(co_date d);

/* ---- dose phrases (src/report/dose.c) ------------------------------------ */

/**
 * Append the volume of an item: sets and reps or seconds, per side for a
 * one-sided exercise. Plain: "3 x 8/side", "3 x 30 s", "2 sets". Rich:
 * "3 × 8 each side", "3 × 30 s", "2 sets each side".
 */
void co_report_add_volume(struct co_strbuf *out, const co_item *it, co_report_style st);

/**
 * Append what the item is done with, when the card says it: a known load
 * ("62.5 kg", "135 lb"), "load by RPE" for weights without a known load,
 * "band" for a band, and in the plain style "bodyweight" for the rest (in
 * a table an empty cell would read as "not stated"; in a sentence nothing
 * to hold reads as bodyweight). Items without an RPE (warm-up, cool-down)
 * get no word unless a load is known. Returns whether anything was added.
 */
bool co_report_add_load(struct co_strbuf *out, const co_item *it, co_units units,
			co_report_style st);

/** "rest 2 min" / "rest 90 s" after each set (B6), when the item has several sets; false: nothing written. */
bool co_report_add_rest(struct co_strbuf *out, const co_item *it);

/** "ramp up 5 x 40, 3 x 60 kg": the lighter sets before the work sets (B6); false: none. */
bool co_report_add_ramp(struct co_strbuf *out, const co_item *it, co_units units,
			co_report_style st);

/**
 * Append the whole dose as one phrase: volume, RPE, tempo, load.
 * "3 × 8 each side @ RPE 7, tempo 3-1-X, 60 kg" (rich),
 * "3 x 8/side @ RPE 7, tempo 3-1-X, 60 kg" (plain).
 */
void co_report_add_dose(struct co_strbuf *out, const co_item *it, co_units units,
			co_report_style st);

/**
 * Append the strides of a session (METHOD B5), without a label:
 * "6 × 20 s after the strength block, relaxed and fast, full recovery"
 * (rich); the plain line is the terminal's shorter one. Nothing when the
 * session has no strides.
 */
void co_report_add_strides(struct co_strbuf *out, const co_session *s, co_report_style st);

/* ---- the terminal (src/report/text.c), plain style --------------------- */

/**
 * The layout of the terminal functions below, for the whole process (a
 * front end sets it once, before rendering): lines fitted to `width`
 * columns (40-1000; default 80) and, with `colour`, the phase, key runs and
 * warnings set off with ANSI SGR codes (default off).
 */
void co_report_text_setup(int width, bool colour);

/**
 * Which why lines a session card shows (`--verbose`; default off). Off: a
 * line that only restates a rule the card already shows held as stated
 * (B2 which lift leads, A4 the lower-leg work, C3/C4/C6 the phase's doses;
 * a line saying the rule was bent is always shown) is left out. On: every
 * line. The plan itself (and its JSON) always holds every line.
 */
void co_report_text_verbose(bool on);

/** True when a card shows why line `why` with the current setting. */
bool co_report_why_shown(const char *why);

/** The plan's first lines: athlete, weeks and dates, races, warnings, a blank line. */
void co_report_text_header(struct co_strbuf *out, const co_plan *plan);

/**
 * The overview: a heading, one line per week from week index `first` (0-based)
 * for `count` weeks (clipped to the plan), and the legend of the letters.
 */
void co_report_text_overview(struct co_strbuf *out, const co_plan *plan, size_t first,
			     size_t count);

/**
 * When `day` is outside the plan, one line saying so ("the plan starts on
 * Monday 2027-01-04, in 5 days", "the plan ended on ...") and true; else
 * nothing and false.
 */
bool co_report_text_outside(struct co_strbuf *out, const co_plan *plan, co_date day);

/** A week: heading, notes, runs, tests and the card of each session. */
void co_report_text_week(struct co_strbuf *out, const co_plan *plan, const co_week *w);

/** The card of one session: title, why, blocks with their items and doses, strides. */
void co_report_text_session(struct co_strbuf *out, const co_plan *plan, const co_session *s);

/**
 * One day, as `carryover session DATE` shows it: the week's line, then the
 * day's session cards or, on a day without one, the day's runs and the next
 * lifting day. Before the plan: when it starts and its first session;
 * after it: that it has ended.
 */
void co_report_text_day(struct co_strbuf *out, const co_plan *plan, co_date day);

/* ---- calendar events (src/report/event.c), rich style ------------------ */

/**
 * The session card, the DESCRIPTION of a session's event: title line, the
 * week and phase, blocks with "- NAME: DOSE" items, strides and the why
 * lines. Lines end in '\n'. `plan` may be NULL (no week line, kg).
 */
void co_report_event_card(struct co_strbuf *out, const co_plan *plan, const co_session *s);

/**
 * The SUMMARY and DESCRIPTION of a session's event (the title and the card).
 * Its signature is co_ics_options.session_text's (calendar_io.h).
 */
void co_report_event_session(struct co_strbuf *summary, struct co_strbuf *description,
			     const co_plan *plan, const co_session *s);

/**
 * The SUMMARY and DESCRIPTION of a baseline test's event: "Baseline test —
 * single-leg squat" and how to do it. The signature of co_ics_options.test_text.
 */
void co_report_event_test(struct co_strbuf *summary, struct co_strbuf *description,
			  const co_plan *plan, const co_plan_test *t);

/* ---- carryover analyze (src/report/analyze.c) -------------------------- */

struct co_analysis;

/**
 * Fill the `text` of every finding of `a` (carryover/analyze.h) with its
 * sentence: the figure, its 95% interval and sample size, or why there is
 * none ("too few runs to say"). Paces in the runner's distance unit.
 * Replaces texts already there; the analysis owns them.
 */
void co_report_analysis_words(struct co_analysis *a, co_distance_units du);

/**
 * The terminal's page of an analysis whose words are filled: the findings
 * grouped (lifting and the runs after it, threshold pace and efficiency,
 * e1RM, baseline tests, load) with sparklines of the last 52 weeks,
 * block characters when `utf8`, else ASCII (co_report_spark()).
 */
void co_report_analysis_text(struct co_strbuf *out, const struct co_analysis *a,
			     co_distance_units du, bool utf8);

/* --- sparklines (src/report/spark.c) ------------------------------------------- */

/**
 * A one-line chart of `n` values, one character each, scaled from their
 * minimum (lowest glyph) to their maximum (highest): the block characters
 * U+2581..U+2588 when `utf8`, else the ASCII ramp "_.:-=+*#". All values
 * equal: the lowest glyph throughout (a flat line). n 0: nothing. A NaN
 * is a gap: a space, left out of the scale.
 */
void co_report_spark(struct co_strbuf *out, const double *v, size_t n, bool utf8);

/* --- SVG charts (src/report/svg.c): a small kit the HTML report and the web
 * dashboard draw with. Coordinates are in data units (x: a co_date or a
 * number; y: a number) mapped onto the plot area of a viewBox, so a chart
 * scales to any width (a phone, a printed page). Classes (class="...") name
 * what a mark is; the page's CSS colours them. Every text written is escaped
 * (co_report_escape), so user text (a race name) cannot break the markup.
 * Nothing here reads anything but its arguments; all of it appends to a
 * co_strbuf. -------------------------------------------------------------- */

/**
 * Append `s` escaped for HTML and XML text and attribute values: & < > " '
 * become entities and control characters other than tab and newline are
 * left out (XML forbids them). NULL appends nothing.
 */
void co_report_escape(struct co_strbuf *out, const char *s);

/** Round ticks over a range: lo, lo + step, ..., hi. */
typedef struct co_svg_ticks {
	double lo, hi;  /* the range covered: lo <= the data's minimum, hi >= its maximum */
	double step;    /* 1, 2, 2.5 or 5 times a power of ten */
	int n;          /* number of ticks, (hi - lo) / step + 1 */
} co_svg_ticks;

/**
 * The roundest ticks covering [lo, hi] with at most `max_ticks` (2-20)
 * ticks. lo > hi are swapped; an empty range (lo == hi) is widened to a
 * step around it (0 to 1 for 0); NaN or infinite bounds give 0 to 1.
 */
void co_svg_ticks_nice(co_svg_ticks *out, double lo, double hi, int max_ticks);

/**
 * Date ticks over [lo, hi]: the firsts of months every 1, 2, 3, 6 or 12
 * months, or Mondays every 1, 2 or 4 weeks for a span under ~3 months,
 * whichever is the finest giving at most `max` (>= 2) ticks. Writes them to
 * out[] and returns how many; *out_monthly says which kind (labels differ).
 */
size_t co_svg_date_ticks(co_date *out, size_t max, bool *out_monthly, co_date lo, co_date hi);

/** How the y axis labels its ticks. */
typedef enum co_svg_format {
	CO_SVG_NUMBER = 0, /* "1200", "2.5" */
	CO_SVG_CLOCK       /* seconds as m:ss ("4:30"): paces */
} co_svg_format;

/** One chart being drawn; co_svg_begin() sets every field. */
typedef struct co_svg_chart {
	struct co_strbuf *out;
	double w, h;                /* the viewBox, 0 0 w h */
	double px0, px1, py0, py1;  /* the plot area: left, right, top, bottom */
	double x_lo, x_hi;          /* the data range along x */
	double y_lo, y_hi;          /* along y (the ticks' range after co_svg_range_y) */
	co_svg_ticks y_ticks;
	bool x_dates;               /* x values are co_date days */
	bool y_flip;                /* larger y lower (a pace: faster is up) */
	co_svg_format y_format;
	size_t title_len;           /* bytes of the title, to keep the legend clear of it */
} co_svg_chart;

/**
 * Open a chart of viewBox w x h: the <svg> element (responsive: it takes
 * the width of its container), its <title> (for screen readers and a
 * hover anywhere on it) and the title written at its top. The plot area
 * gets default margins for the axes; ranges are 0 to 1 until set.
 */
void co_svg_begin(co_svg_chart *c, struct co_strbuf *out, double w, double h, const char *title);

/** The x range: [lo, hi] (co_date days when `dates`); an empty range is widened by one. */
void co_svg_range_x(co_svg_chart *c, double lo, double hi, bool dates);

/** The y range: nice ticks (at most `max_ticks`) covering [lo, hi]; whole clock steps (15 s, 30 s, 1 min...) for CO_SVG_CLOCK. */
void co_svg_range_y(co_svg_chart *c, double lo, double hi, int max_ticks);

/** Where a data value lands in the viewBox (clamped to the plot area's edges ±10%). */
double co_svg_x(const co_svg_chart *c, double x);
double co_svg_y(const co_svg_chart *c, double y);

/** The x axis at the bottom of the plot area: ticks, vertical grid lines, tick labels and `label` (with its unit). */
void co_svg_axis_x(co_svg_chart *c, const char *label);

/** The y axis at the left: ticks of co_svg_range_y, horizontal grid lines, labels and `label` (rotated). */
void co_svg_axis_y(co_svg_chart *c, const char *label);

/** A line through n points in order (NaN y: a gap); nothing for fewer than 2 points. */
void co_svg_line(co_svg_chart *c, const double *x, const double *y, size_t n, const char *cls);

/** A point with its hover title (`title` may be NULL). */
void co_svg_point(co_svg_chart *c, double x, double y, const char *cls, const char *title);

/** A rectangle between data coordinates (a bar, a segment of a stack, a band) with its hover title. */
void co_svg_rect(co_svg_chart *c, double x0, double x1, double y0, double y1, const char *cls,
		 const char *title);

/** A straight segment between data coordinates (a reference line). */
void co_svg_segment(co_svg_chart *c, double x0, double y0, double x1, double y1, const char *cls);

/**
 * An interval along x at height y: a whisker from lo to hi with end caps
 * and a point at `est`, the whole carrying the hover title.
 */
void co_svg_interval(co_svg_chart *c, double lo, double est, double hi, double y,
		     const char *cls, const char *title);

/** Text at viewBox coordinates (not data): anchor "start", "middle" or "end". */
void co_svg_text(co_svg_chart *c, double px, double py, const char *anchor, const char *cls,
		 const char *text);

/**
 * A legend: a swatch of class cls[i] and names[i] for n entries, beside the
 * title when they fit, else on rows under it, which moves the top of the
 * plot area down: call it before the axes.
 */
void co_svg_legend(co_svg_chart *c, const char *const *names, const char *const *cls, size_t n);

/** What is missing, written in the middle of the plot area (a chart without data). */
void co_svg_empty(co_svg_chart *c, const char *message);

/** Close the chart. */
void co_svg_end(co_svg_chart *c);

/* --- the HTML report (src/report/charts.c, src/report/html.c) ----------------
 * `carryover report`: one self-contained page (inline CSS and SVG, no
 * script, no external resource) with the season timeline, the weekly load
 * run against lift, CTL/ATL/TSB, e1RM per main lift, threshold pace,
 * efficiency of easy runs, the lift-to-run effect with its interval, the
 * findings of the analysis in words, and the next two weeks of sessions.
 * Each chart is a function of the data it draws (the fields of
 * co_report_data it names), so the web dashboard can draw them one by
 * one. The charts of what happened draw `carryover analyze`'s numbers
 * (carryover/analyze.h): the report computes nothing analyze has. ------- */

/** At most this many effect rows are drawn (a bound on the chart's work). */
#define CO_REPORT_EFFECTS_MAX 64

/**
 * One lift-to-run effect to draw with its 95% interval (a finding of
 * `carryover analyze`): "after session B, RPE" +0.9 (+0.4 to +1.4) RPE,
 * 14 runs against 31. When !known, there were too few runs to say: the
 * row says so with n and n_ref and draws no interval.
 */
typedef struct co_report_effect {
	char label[96];       /* what was compared; user-visible, escaped */
	bool known;           /* estimate and interval are meaningful */
	double estimate, ci_low, ci_high;
	int n, n_ref;         /* runs in the group and in the reference */
	const char *unit;     /* static: "RPE", "bpm"; effects of one unit share an axis */
} co_report_effect;

struct co_load_series;
struct co_analysis;

/**
 * The effect rows of an analysis (its CO_FINDING_LIFT_EFFECT findings) into
 * out[0..max), returning how many: for each focus (any session, A, B) the
 * RPE effect and, when any run has heart rate and pace, the heart rate at
 * equal pace, pooled over run types, known or "too few"; and, when two
 * run types or more have an estimate, each of those. Labels are short: "after session B, RPE", "after any session,
 * heart rate at equal pace (easy runs)".
 */
size_t co_report_effects(co_report_effect *out, size_t max, const struct co_analysis *a);

/** What the page is drawn from; everything is borrowed and only read. */
typedef struct co_report_data {
	const co_plan *plan;                  /* required */
	const co_history *history;            /* what was logged (the header's counts); NULL: nothing */
	const struct co_load_series *series;  /* co_load_compute() of the history up to today; NULL: none */
	const struct co_analysis *analysis;   /* co_analysis_compute() up to today, words filled
					       * (co_report_analysis_words()); NULL: none */
	const co_report_effect *effects;      /* NULL or n_effects entries (the first
					       * CO_REPORT_EFFECTS_MAX are drawn); co_report_effects() */
	size_t n_effects;
	co_date today;                        /* the report's date: "now" on the timeline, the next sessions */
	const char *generator;                /* e.g. "carryover 0.1.0", in the footer; NULL: none */
} co_report_data;

/*
 * Each chart is one <figure> holding one <svg>; a chart without data says
 * what is missing. What each reads of co_report_data:
 *   timeline    plan, today;
 *   load        series, today;
 *   fitness     series;
 *   e1rm        analysis (lifts[].points; units), today;
 *   threshold   analysis (threshold points, weeks[].threshold_pace, the
 *               threshold_pace.trend finding's words), plan (distance unit), today;
 *   efficiency  analysis (ef points, weeks[].ef, the ef.trend finding's words), today;
 *   effect      effects, n_effects.
 */
void co_report_chart_timeline(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_load(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_fitness(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_e1rm(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_threshold(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_efficiency(struct co_strbuf *out, const co_report_data *d);
void co_report_chart_effect(struct co_strbuf *out, const co_report_data *d);

/**
 * The findings of d->analysis in words (its finding texts, escaped), as a
 * <section id="findings">: every finding `carryover analyze` prints, the
 * lift effects by run type only where co_report_effects() draws them.
 * Without an analysis, nothing.
 */
void co_report_html_findings(struct co_strbuf *out, const co_report_data *d);

/** The sessions dated today..today+13 (from the plan's start when later) as a table. */
void co_report_html_sessions(struct co_strbuf *out, const co_report_data *d);

/**
 * The whole page: <!DOCTYPE html>, inline CSS (a phone-wide layout, A4
 * print rules), the athlete and the season, every chart, the findings and
 * the sessions. The same data gives the same bytes.
 */
void co_report_html(struct co_strbuf *out, const co_report_data *d);

#ifdef __cplusplus
}
#endif

#endif
