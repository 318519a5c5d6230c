/*
 * `carryover analyze` in words (report.h): the sentence of every finding
 * of a co_analysis (carryover/analyze.h), and the terminal's page of
 * them, grouped, with sparklines where a trend matters.
 *
 * A sentence always carries its figure, its 95% interval and its sample
 * size, or says plainly that there were too few runs or points to say
 * (SCIENCE.md: never a point estimate without its interval and n). The
 * verdict word ("felt harder", "no clear trend") follows the interval, not
 * the estimate: an interval that straddles zero is "no different, as far as
 * the data can tell". Paces follow the runner's distance unit; JSON keeps
 * seconds per km (the finding's unit).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analyze.h"
#include "carryover/catalog.h"
#include "carryover/report.h"
#include "util/strbuf.h"

#define SPARK_WEEKS 52
#define WIDTH 80

static const char *focus_phrase(int focus)
{
	switch (focus) {
	case CO_FOCUS_POSTERIOR_CHAIN: return "session A (posterior chain)";
	case CO_FOCUS_STABILITY: return "session B (stability)";
	default: return "a lifting session";
	}
}

static const char *lift_name(const char *id)
{
	const co_exercise *ex = co_catalog_find(co_catalog_default(), id);

	return ex ? ex->name : id;
}

/* A pace difference or slope in the runner's unit: seconds per km or per mile. */
static double per_dist(double s_per_km, co_distance_units du)
{
	return du == CO_DIST_MI ? s_per_km * CO_KM_PER_MILE : s_per_km;
}

/* `v` to `decimals` places, never "-0.0": a figure that rounds to zero has no sign to show. */
static double shown(double v, int decimals)
{
	double k = pow(10, decimals), r = round(v * k) / k;

	return r == 0 ? 0 : r;
}

static void ci_tail(co_strbuf *sb, const co_finding *f, int decimals, double scale)
{
	if (f->has_ci)
		co_strbuf_addf(sb, "95%% CI %+.*f to %+.*f", decimals, shown(f->ci_low * scale, decimals),
			       decimals, shown(f->ci_high * scale, decimals));
}

/* --- lift effect ---------------------------------------------------------------- */

static void words_effect(co_strbuf *sb, const co_finding *f)
{
	bool rpe = f->measure == CO_EFFECT_RPE;
	const char *unit = rpe ? "RPE" : "bpm";
	char subject[96];

	if (f->run_type == CO_RUN_REST)
		snprintf(subject, sizeof(subject), "%s", rpe ? "Runs" : "Heart rate at equal pace");
	else if (rpe)
		snprintf(subject, sizeof(subject), "%c%s", co_report_runs_word(f->run_type)[0] - 32,
			 co_report_runs_word(f->run_type) + 1);
	else
		snprintf(subject, sizeof(subject), "Heart rate at equal pace on %s",
			 co_report_runs_word(f->run_type));
	co_strbuf_addf(sb, "%s in the 2 days after %s", subject, focus_phrase(f->focus));
	if (!f->has_estimate && f->run_type == CO_RUN_REST && f->n >= CO_ANALYSIS_MIN_RUNS &&
	    f->n_ref >= CO_ANALYSIS_MIN_RUNS) {
		/* enough runs in all, but not of one type on both sides: with lifting
		 * every Tuesday and Thursday, every easy run may follow a session */
		co_strbuf_addf(sb, ": too few runs to say: a run is compared only with runs of its "
				   "own type, and the types found on both sides hold %zu run%s against %zu "
				   "(of %zu against %zu in all; %d on each side needed).",
			       f->n_paired, f->n_paired == 1 ? "" : "s", f->n_ref_paired, f->n, f->n_ref,
			       CO_ANALYSIS_MIN_RUNS);
		return;
	}
	if (!f->has_estimate) {
		co_strbuf_addf(sb, ": too few runs%s to say (%zu run%s against %zu; %d on each side "
				   "needed).",
			       rpe ? "" : " with heart rate and pace", f->n, f->n == 1 ? "" : "s",
			       f->n_ref, CO_ANALYSIS_MIN_RUNS);
		return;
	}
	if (f->ci_low > 0)
		co_strbuf_adds(sb, rpe ? " felt harder" : " was higher");
	else if (f->ci_high < 0)
		co_strbuf_adds(sb, rpe ? " felt easier" : " was lower");
	else
		co_strbuf_adds(sb, rpe ? " felt no different, as far as the data can tell"
				       : " was no different, as far as the data can tell");
	co_strbuf_addf(sb, ": %+.1f %s (", shown(f->estimate, 1), unit);
	ci_tail(sb, f, 1, 1);
	co_strbuf_addf(sb, ", %zu run%s against %zu).", f->n, f->n == 1 ? "" : "s", f->n_ref);
}

/* --- trends and latest values ------------------------------------------------------ */

static const char *series_title(const co_finding *f, char *buf, size_t n)
{
	switch (f->series) {
	case CO_SERIES_THRESHOLD: return "Threshold pace";
	case CO_SERIES_EF: return "Efficiency factor of easy runs";
	case CO_SERIES_DECOUPLING: return "Decoupling of easy and long runs";
	default: snprintf(buf, n, "%s e1RM", lift_name(f->exercise)); return buf;
	}
}

/* What "up" means for a series: +1 when a rising value is better. */
static int better_up(co_series_kind s)
{
	return s == CO_SERIES_THRESHOLD || s == CO_SERIES_DECOUPLING ? -1 : 1;
}

static void words_trend(co_strbuf *sb, const co_finding *f, co_units units, co_distance_units du)
{
	char title[96], unit[48];
	int dec = 1;
	double scale = 1;
	const char *what = f->series == CO_SERIES_THRESHOLD ? "a threshold test or run" :
			   f->series == CO_SERIES_EF ? "an easy run with heart rate and pace" :
			   f->series == CO_SERIES_DECOUPLING ? "a recorded easy or long run" :
			   "a qualifying set";

	const char *name = series_title(f, title, sizeof(title));

	switch (f->series) {
	case CO_SERIES_THRESHOLD:
		scale = per_dist(1, du);
		snprintf(unit, sizeof(unit), "s/%s", co_distance_units_name(du));
		break;
	case CO_SERIES_EF:
		snprintf(unit, sizeof(unit), "m/min per bpm");
		dec = 3;
		break;
	case CO_SERIES_DECOUPLING:
		snprintf(unit, sizeof(unit), "points");
		break;
	default:
		snprintf(unit, sizeof(unit), "%s", co_report_units_word(units));
		break;
	}
	co_strbuf_addf(sb, "%s over the last %zu weeks", name, f->weeks);
	if (!f->has_estimate) {
		co_strbuf_addf(sb, ": too few points to see a trend (%zu week%s with %s; %d needed).",
			       f->n, f->n == 1 ? "" : "s", what, CO_ANALYSIS_MIN_WEEKS);
		return;
	}
	co_strbuf_adds(sb, ": ");
	co_strbuf_addf(sb, "%+.*f", dec, shown(f->estimate * scale, dec));
	co_strbuf_addf(sb, " %s per 4 weeks (", unit);
	ci_tail(sb, f, dec, scale);
	co_strbuf_addf(sb, "%s%zu weeks with %s)", f->has_ci ? "; " : "", f->n, what);
	if (f->has_ci && (f->ci_low > 0 || f->ci_high < 0)) {
		bool up = f->ci_low > 0, good = (up ? 1 : -1) == better_up(f->series);

		if (f->series == CO_SERIES_THRESHOLD)
			co_strbuf_adds(sb, up ? ": getting slower." : ": getting faster.");
		else
			co_strbuf_addf(sb, ": %s (%s).", up ? "rising" : "falling",
				       good ? "better" : "worse");
	} else {
		co_strbuf_adds(sb, ": no clear trend.");
	}
}

static void words_latest(co_strbuf *sb, const co_finding *f, co_units units, co_distance_units du)
{
	char day[11];

	if (f->series == CO_SERIES_THRESHOLD) {
		if (!f->has_estimate) {
			co_strbuf_adds(sb, "No threshold pace yet: log a threshold test ('carryover log "
					   "test threshold 4:10') or a threshold run with its distance.");
			return;
		}
		co_strbuf_adds(sb, "Latest threshold pace: ");
		co_report_add_pace(sb, f->estimate, du);
		co_strbuf_addf(sb, " on %s (%zu point%s in all).", co_date_format(f->date, day), f->n,
			       f->n == 1 ? "" : "s");
		return;
	}
	co_strbuf_addf(sb, "%s: e1RM %.1f %s on %s (from %zu day%s of sets at RPE 7 or more).",
		       lift_name(f->exercise), f->estimate, co_report_units_word(units),
		       co_date_format(f->date, day), f->n, f->n == 1 ? "" : "s");
}

/* --- asymmetry and load ------------------------------------------------------------ */

static void side_value(co_strbuf *sb, const co_finding *f, double v)
{
	if (f->test == CO_TEST_CALF_RAISE)
		co_strbuf_addf(sb, "%.0f reps", v);
	else
		co_strbuf_addf(sb, "a %.0f cm box", v);
}

static void words_asymmetry(co_strbuf *sb, const co_finding *f)
{
	const char *test = co_report_test_word(f->test);
	char day[11];

	if (!f->has_estimate) {
		bool left = !isnan(f->left);

		co_strbuf_addf(sb, "%c%s: only the %s leg tested recently (", test[0] - 32, test + 1,
			       left ? "left" : "right");
		side_value(sb, f, left ? f->left : f->right);
		co_strbuf_addf(sb, " on %s); test both legs within 4 weeks to compare them.",
			       co_date_format(f->date, day));
		return;
	}
	co_strbuf_addf(sb, "%c%s on %s: left ", test[0] - 32, test + 1, co_date_format(f->date, day));
	side_value(sb, f, f->left);
	co_strbuf_adds(sb, ", right ");
	side_value(sb, f, f->right);
	co_strbuf_addf(sb, ": %.0f%% apart", f->estimate);
	if (f->flagged)
		co_strbuf_addf(sb, ", over the %.0f%% flag (the %s leg is weaker).",
			       CO_ANALYSIS_ASYMMETRY_PCT, f->weaker == 1 ? "left" : "right");
	else
		co_strbuf_addf(sb, ", within %.0f%%.", CO_ANALYSIS_ASYMMETRY_PCT);
}

static void words_load(co_strbuf *sb, const co_finding *f)
{
	static const char *const names[] = {"Running load", "Lifting load", "Fitness (CTL)",
					    "Fatigue (ATL)", "Form (TSB)", "Monotony of the last 7 days"};
	char day[11];

	co_strbuf_adds(sb, names[f->load]);
	if (f->load <= CO_LOADFIG_LIFT_WEEK) {
		if (!f->has_estimate) {
			co_strbuf_adds(sb, ": nothing logged yet.");
			return;
		}
		co_strbuf_addf(sb, " in the week of %s: %.0f (%zu %s%s).",
			       co_date_format(f->date, day), f->estimate, f->n,
			       f->load == CO_LOADFIG_RUN_WEEK ? "run" : "session", f->n == 1 ? "" : "s");
		return;
	}
	if (f->load == CO_LOADFIG_MONOTONY) {
		if (!f->has_estimate)
			co_strbuf_adds(sb, ": none (nothing logged, or the same load every day).");
		else
			co_strbuf_addf(sb, ": %.2f (Foster: 1.5 is a warning, 2 critical).",
				       f->estimate);
		return;
	}
	if (!f->has_estimate)
		co_strbuf_adds(sb, ": nothing logged yet.");
	else
		co_strbuf_addf(sb, " on %s: %.1f.", co_date_format(f->date, day), f->estimate);
}

void co_report_analysis_words(co_analysis *a, co_distance_units du)
{
	for (size_t i = 0; i < a->n_findings; i++) {
		co_finding *f = &a->findings[i];
		co_strbuf sb = CO_STRBUF_INIT;

		switch (f->kind) {
		case CO_FINDING_LIFT_EFFECT: words_effect(&sb, f); break;
		case CO_FINDING_TREND: words_trend(&sb, f, a->units, du); break;
		case CO_FINDING_LATEST: words_latest(&sb, f, a->units, du); break;
		case CO_FINDING_ASYMMETRY: words_asymmetry(&sb, f); break;
		case CO_FINDING_LOAD: words_load(&sb, f); break;
		}
		free(f->text);
		f->text = co_strbuf_detach(&sb);
	}
}

/* --- the terminal ------------------------------------------------------------------ */

/* `text` wrapped to WIDTH columns, the first line after `indent`, the rest after `indent` + 2. */
static void wrapped(co_strbuf *sb, const char *indent, const char *text)
{
	size_t col = strlen(indent), ind = col;
	const char *p = text;

	co_strbuf_adds(sb, indent);
	while (*p) {
		const char *e = p;

		while (*e && *e != ' ')
			e++;
		if (col > ind && col + 1 + (size_t)(e - p) > WIDTH) {
			co_strbuf_addf(sb, "\n%s  ", indent);
			col = ind + 2;
		} else if (col > ind) {
			co_strbuf_addch(sb, ' ');
			col++;
		}
		co_strbuf_add(sb, p, (size_t)(e - p));
		col += (size_t)(e - p);
		p = *e ? e + 1 : e;
	}
	co_strbuf_addch(sb, '\n');
}

/* A line "  LABEL  SPARK  RANGE" over the last weeks; nothing when no week has a value. */
static void spark_line(co_strbuf *sb, const co_analysis *a, const char *label, const double *v,
		       size_t stride, double sign, bool utf8, const char *range)
{
	size_t from = a->n_weeks > SPARK_WEEKS ? a->n_weeks - SPARK_WEEKS : 0, n = a->n_weeks - from;
	double buf[SPARK_WEEKS];
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		double x = *(const double *)((const char *)v + (from + i) * stride);

		buf[i] = isfinite(x) ? sign * x : NAN;
		any = any || isfinite(x);
	}
	if (!any)
		return;
	co_strbuf_addf(sb, "  %-11s", label);
	co_report_spark(sb, buf, n, utf8);
	co_strbuf_addf(sb, "  %s\n", range);
}

static void range_of(const co_analysis *a, const double *v, size_t stride, double *lo, double *hi)
{
	size_t from = a->n_weeks > SPARK_WEEKS ? a->n_weeks - SPARK_WEEKS : 0;
	bool any = false;

	*lo = *hi = 0;
	for (size_t w = from; w < a->n_weeks; w++) {
		double x = *(const double *)((const char *)v + w * stride);

		if (!isfinite(x))
			continue;
		*lo = !any || x < *lo ? x : *lo;
		*hi = !any || x > *hi ? x : *hi;
		any = true;
	}
}

#define WEEK_FIELD(a, field) (&(a)->weeks[0].field), sizeof(co_analysis_week)

/*
 * A weekly series as a sparkline with its range, "LO<each> to HI<each>
 * <tail>" (" <tail>" only when there is one), rising series up: the trend
 * and load lines of the text all read this way.
 */
static void spark_range(co_strbuf *sb, const co_analysis *a, const char *label, const double *v,
			size_t stride, bool utf8, int decimals, const char *each, const char *tail)
{
	char buf[96];
	double lo, hi;

	range_of(a, v, stride, &lo, &hi);
	snprintf(buf, sizeof(buf), "%.*f%s to %.*f%s%s%s", decimals, lo, each, decimals, hi, each,
		 *tail ? " " : "", tail);
	spark_line(sb, a, label, v, stride, 1, utf8, buf);
}

static void phase_strip(co_strbuf *sb, const co_analysis *a)
{
	static const char letters[CO_PHASE_COUNT] = {'b', 'B', 'P', 'T', 'R', 'r'};
	size_t from = a->n_weeks > SPARK_WEEKS ? a->n_weeks - SPARK_WEEKS : 0;
	bool any = false;

	for (size_t w = from; w < a->n_weeks; w++)
		any = any || a->weeks[w].phase >= 0;
	if (!any)
		return;
	co_strbuf_addf(sb, "  %-11s", "phase");
	for (size_t w = from; w < a->n_weeks; w++) {
		int p = a->weeks[w].phase;

		co_strbuf_addch(sb, p >= 0 && p < CO_PHASE_COUNT ? letters[p] : '.');
	}
	co_strbuf_adds(sb, "  b base, B build, P peak, T taper, R race, r recovery, . no plan\n");
}

static void pace_range(co_strbuf *sb, double lo, double hi, co_distance_units du)
{
	co_report_add_pace(sb, hi, du);
	co_strbuf_adds(sb, " to ");
	co_report_add_pace(sb, lo, du);
	co_strbuf_adds(sb, " (higher is faster)");
}

static void effects_text(co_strbuf *sb, const co_analysis *a)
{
	co_strbuf_adds(sb, "\nLifting and the runs after it (METHOD D8): runs in the 2 days after a "
			   "session,\nagainst runs of the same type with no session in the 2 days "
			   "before them\n");
	for (size_t i = 0; i < a->n_findings; i++) {
		const co_finding *f = &a->findings[i];
		co_strbuf few = CO_STRBUF_INIT;

		if (f->kind != CO_FINDING_LIFT_EFFECT || f->run_type != CO_RUN_REST)
			continue;
		wrapped(sb, "  ", f->text);
		/* by run type, when there is more than one type: else it says the same again */
		size_t types = 0;

		for (size_t j = i + 1; j < a->n_findings && a->findings[j].kind == CO_FINDING_LIFT_EFFECT &&
				       a->findings[j].run_type != CO_RUN_REST; j++)
			types++;
		for (size_t j = i + 1; j < a->n_findings && types > 1; j++) {
			const co_finding *s = &a->findings[j];

			if (s->kind != CO_FINDING_LIFT_EFFECT || s->run_type == CO_RUN_REST)
				break;
			if (s->has_estimate)
				wrapped(sb, "    ", s->text);
			else if (s->n)
				co_strbuf_addf(&few, "%s%s (%zu against %zu)", few.len ? ", " : "",
					       co_run_type_name(s->run_type), s->n, s->n_ref);
		}
		if (few.len && f->has_estimate) {
			co_strbuf sb2 = CO_STRBUF_INIT;

			co_strbuf_addf(&sb2, "too few runs to say by type for: %s", few.buf);
			wrapped(sb, "    ", sb2.buf);
			co_strbuf_release(&sb2);
		}
		co_strbuf_release(&few);
	}
}

void co_report_analysis_text(co_strbuf *sb, const co_analysis *a, co_distance_units du, bool utf8)
{
	char day[11], first[11];
	double lo, hi;
	size_t weeks = a->n_weeks > SPARK_WEEKS ? SPARK_WEEKS : a->n_weeks;

	co_strbuf_addf(sb, "Analysis on %s: ", co_date_format(a->today, day));
	if (!a->first) {
		co_strbuf_adds(sb, "nothing logged yet.\n'carryover log run easy 40min rpe 4', "
				   "'carryover log session 45min rpe 6'\nor 'carryover import' start "
				   "the record.\n");
		return;
	}
	co_strbuf_addf(sb, "%zu run%s and %zu lifting day%s since %s\n", a->n_runs,
		       a->n_runs == 1 ? "" : "s", a->n_lifting_days, a->n_lifting_days == 1 ? "" : "s",
		       co_date_format(a->first, first));
	effects_text(sb, a);

	co_strbuf_addf(sb, "\nThreshold pace and efficiency (the last %zu week%s, one character a "
			   "week)\n", weeks, weeks == 1 ? "" : "s");
	range_of(a, WEEK_FIELD(a, threshold_pace), &lo, &hi);
	co_strbuf sr = CO_STRBUF_INIT;

	pace_range(&sr, lo, hi, du);
	spark_line(sb, a, "threshold", WEEK_FIELD(a, threshold_pace), -1, utf8, sr.buf);
	co_strbuf_release(&sr);
	phase_strip(sb, a);
	spark_range(sb, a, "EF", WEEK_FIELD(a, ef), utf8, 2, "", "m/min per bpm");
	spark_range(sb, a, "decoupling", WEEK_FIELD(a, decoupling), utf8, 1, "%", "");
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].series != CO_SERIES_E1RM &&
		    (a->findings[i].kind == CO_FINDING_TREND || a->findings[i].kind == CO_FINDING_LATEST))
			wrapped(sb, "  ", a->findings[i].text);

	co_strbuf_adds(sb, "\nStrength: e1RM of the main lifts (sets at RPE 7 or more)\n");
	if (!a->n_lifts)
		co_strbuf_adds(sb, "  No qualifying set yet: log main lifts with their RPE "
				   "('carryover log rdl 3x8@60 rpe 8').\n");
	for (size_t l = 0; l < a->n_lifts; l++) {
		const co_analysis_lift *lf = &a->lifts[l];
		char id[64];

		co_strbuf_addf(sb, "  %s\n", lift_name(lf->exercise));
		spark_range(sb, a, "", lf->weekly, sizeof(double), utf8, 1, "",
			    co_report_units_word(a->units));
		snprintf(id, sizeof(id), "e1rm.%s", lf->exercise);
		const co_finding *f = co_analysis_find(a, id);

		if (f)
			wrapped(sb, "    ", f->text);
		snprintf(id, sizeof(id), "e1rm.%s.trend", lf->exercise);
		if ((f = co_analysis_find(a, id)))
			wrapped(sb, "    ", f->text);
	}

	bool tests = false;

	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].kind == CO_FINDING_ASYMMETRY) {
			if (!tests)
				co_strbuf_adds(sb, "\nBaseline tests, left against right\n");
			tests = true;
			wrapped(sb, "  ", a->findings[i].text);
		}

	co_strbuf_addf(sb, "\nLoad (session RPE x minutes; the last %zu week%s, one character a "
			   "week)\n", weeks, weeks == 1 ? "" : "s");
	spark_range(sb, a, "running", WEEK_FIELD(a, run_load), utf8, 0, "", "a week");
	spark_range(sb, a, "lifting", WEEK_FIELD(a, lift_load), utf8, 0, "", "a week");
	spark_range(sb, a, "CTL", WEEK_FIELD(a, ctl), utf8, 0, "", "");
	spark_range(sb, a, "TSB", WEEK_FIELD(a, tsb), utf8, 0, "", "");
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].kind == CO_FINDING_LOAD)
			wrapped(sb, "  ", a->findings[i].text);
}
