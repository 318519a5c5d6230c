/*
 * The words of every enum of the plan, as a runner reads them.
 *
 * These are wording, not ids: the JSON contract keeps the engine's names
 * (co_phase_name(), co_focus_name(), ...), which may not change without a
 * contract version, while these may be reworded freely. Every output for
 * people (terminal, calendar, HTML) takes its words from here, so a fix
 * lands everywhere at once. Tables are indexed by the enum; an unknown
 * value reads "?" rather than crashing, because a plan read from JSON
 * could carry one.
 */
#include "carryover/report.h"
#include "util/strbuf.h"

#define WORD(table, i) ((unsigned)(i) < sizeof(table) / sizeof((table)[0]) && (table)[i] ? \
			(table)[i] : "?")

static const char *const phases[CO_PHASE_COUNT] = {
	[CO_PHASE_BASE] = "base",
	[CO_PHASE_BUILD] = "build",
	[CO_PHASE_PEAK] = "peak",
	[CO_PHASE_TAPER] = "taper",
	[CO_PHASE_RACE] = "race",
	[CO_PHASE_RECOVERY] = "recovery",
};

const char *co_report_phase_word(co_phase p)
{
	return WORD(phases, p);
}

/* The letters of the overview: A and B are the two sessions of B2. */
static const char letters[CO_FOCUS_COUNT] = {
	[CO_FOCUS_POSTERIOR_CHAIN] = 'A',
	[CO_FOCUS_STABILITY] = 'B',
	[CO_FOCUS_MAINTENANCE] = 'M',
	[CO_FOCUS_RECOVERY] = 'R',
	[CO_FOCUS_TEST] = 'T',
};

char co_report_focus_letter(co_focus f)
{
	return (unsigned)f < CO_FOCUS_COUNT ? letters[f] : '?';
}

static const char *const focus_words[CO_FOCUS_COUNT] = {
	[CO_FOCUS_POSTERIOR_CHAIN] = "posterior chain",
	[CO_FOCUS_STABILITY] = "stability",
	[CO_FOCUS_MAINTENANCE] = "maintenance",
	[CO_FOCUS_RECOVERY] = "mobility (recovery)",
	[CO_FOCUS_TEST] = "baseline tests",
};

const char *co_report_focus_word(co_focus f)
{
	return WORD(focus_words, f);
}

/*
 * Titles. The calendar's carry "Strength" on the test session too, because
 * a calendar shows the title alone, out of the plan's context; the terminal
 * prints the card under its week, where "Baseline tests" is enough.
 */
static const char *const titles_plain[CO_FOCUS_COUNT] = {
	[CO_FOCUS_POSTERIOR_CHAIN] = "Strength A: posterior chain",
	[CO_FOCUS_STABILITY] = "Strength B: stability",
	[CO_FOCUS_MAINTENANCE] = "Strength: maintenance",
	[CO_FOCUS_RECOVERY] = "Mobility: recovery",
	[CO_FOCUS_TEST] = "Baseline tests",
};

static const char *const titles_rich[CO_FOCUS_COUNT] = {
	[CO_FOCUS_POSTERIOR_CHAIN] = "Strength A \xE2\x80\x94 posterior chain",
	[CO_FOCUS_STABILITY] = "Strength B \xE2\x80\x94 stability",
	[CO_FOCUS_MAINTENANCE] = "Strength \xE2\x80\x94 maintenance",
	[CO_FOCUS_RECOVERY] = "Mobility \xE2\x80\x94 recovery",
	[CO_FOCUS_TEST] = "Strength \xE2\x80\x94 baseline tests",
};

const char *co_report_focus_title(co_focus f, co_report_style st)
{
	if ((unsigned)f >= CO_FOCUS_COUNT)
		return "Strength";
	return st == CO_REPORT_RICH ? titles_rich[f] : titles_plain[f];
}

static const char *const blocks[CO_BLOCK_COUNT] = {
	[CO_BLOCK_WARMUP] = "warm-up",
	[CO_BLOCK_TEST] = "test",
	[CO_BLOCK_MAIN] = "main",
	[CO_BLOCK_ACCESSORY] = "accessory",
	[CO_BLOCK_COOLDOWN] = "cool-down",
};

const char *co_report_block_word(co_block_kind k)
{
	return (unsigned)k < CO_BLOCK_COUNT ? blocks[k] : "block";
}

static const char *const tests[CO_TEST_KIND_COUNT] = {
	[CO_TEST_SINGLE_LEG_SQUAT] = "single-leg squat",
	[CO_TEST_THRESHOLD_RUN] = "threshold run",
	[CO_TEST_CALF_RAISE] = "calf raises",
	[CO_TEST_REP_MAX] = "rep max",
};

const char *co_report_test_word(co_test_kind k)
{
	return WORD(tests, k);
}

static const char *const tests_short[CO_TEST_KIND_COUNT] = {
	[CO_TEST_SINGLE_LEG_SQUAT] = "squat",
	[CO_TEST_THRESHOLD_RUN] = "threshold",
	[CO_TEST_CALF_RAISE] = "calf",
	[CO_TEST_REP_MAX] = "rep-max",
};

const char *co_report_test_short(co_test_kind k)
{
	return WORD(tests_short, k);
}

/* METHOD D6: what to do and what to note, so the next test can be compared. */
static const char *const tests_how[CO_TEST_KIND_COUNT] = {
	[CO_TEST_SINGLE_LEG_SQUAT] =
		"D6: single-leg squat to a box, 5 slow reps each leg. Note the depth, "
		"whether the knee stays over the foot, and the balance. Log it with "
		"'carryover log test'.",
	[CO_TEST_THRESHOLD_RUN] =
		"D6: in today's tempo or threshold run, hold 20 minutes at the hardest "
		"pace you could keep for about an hour. Note the pace and heart rate.",
	[CO_TEST_CALF_RAISE] =
		"D6 (optional): single-leg calf raises to failure, full range, each leg. "
		"Note the count per leg.",
	[CO_TEST_REP_MAX] =
		"D6 (optional): work up to a hard set of 5 on a main lift (RPE 9). "
		"Note the load: it recalibrates your loads.",
};

const char *co_report_test_how(co_test_kind k)
{
	return (unsigned)k < CO_TEST_KIND_COUNT ? tests_how[k] : "D6: baseline test.";
}

/* Only "long" needs a noun to read as a run; "easy 45'" and "tempo 50'" already do. */
static const char *const runs[CO_RUN_TYPE_COUNT] = {
	[CO_RUN_REST] = "rest",
	[CO_RUN_EASY] = "easy",
	[CO_RUN_RECOVERY] = "recovery",
	[CO_RUN_LONG] = "long run",
	[CO_RUN_TEMPO] = "tempo",
	[CO_RUN_THRESHOLD] = "threshold",
	[CO_RUN_INTERVALS] = "intervals",
	[CO_RUN_HILLS] = "hills",
	[CO_RUN_FARTLEK] = "fartlek",
	[CO_RUN_RACE] = "race",
	[CO_RUN_CROSS] = "cross",
};

const char *co_report_run_word(co_run_type t)
{
	return WORD(runs, t);
}

const char *co_report_runs_word(co_run_type t)
{
	static const char *const plural[CO_RUN_TYPE_COUNT] = {
		[CO_RUN_EASY] = "easy runs",           [CO_RUN_RECOVERY] = "recovery runs",
		[CO_RUN_LONG] = "long runs",           [CO_RUN_TEMPO] = "tempo runs",
		[CO_RUN_THRESHOLD] = "threshold runs", [CO_RUN_INTERVALS] = "interval runs",
		[CO_RUN_HILLS] = "hill runs",          [CO_RUN_FARTLEK] = "fartlek runs",
	};

	return (unsigned)t < CO_RUN_TYPE_COUNT && plural[t] ? plural[t] : "runs";
}

const char *co_report_units_word(co_units u)
{
	return u == CO_UNITS_LB ? "lb" : u == CO_UNITS_KG ? "kg" : "?";
}

const char *co_report_priority_word(co_race_priority p)
{
	static const char *const names[] = {[CO_RACE_A] = "A", [CO_RACE_B] = "B", [CO_RACE_C] = "C"};

	return WORD(names, p);
}

const char *co_report_day_short(co_date d)
{
	static const char *const names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

	return WORD(names, co_date_weekday(d));
}

const char *co_report_day_word(co_date d)
{
	static const char *const names[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
					     "Friday", "Saturday", "Sunday"};

	return WORD(names, co_date_weekday(d));
}

/*
 * Distances and paces in the runner's units. The engine and the JSON keep
 * kilometres; only what a person reads is converted (1 mi = 1.609344 km).
 */
void co_report_add_distance(co_strbuf *out, double km, co_distance_units u)
{
	if (u == CO_DIST_MI)
		co_strbuf_addf(out, "%.4g mi", km / CO_KM_PER_MILE);
	else
		co_strbuf_addf(out, "%.4g km", km);
}

void co_report_add_pace(co_strbuf *out, double s_per_km, co_distance_units u)
{
	double s = u == CO_DIST_MI ? s_per_km * CO_KM_PER_MILE : s_per_km;
	long t = (long)(s + 0.5);

	if (!(s_per_km > 0) || t >= 3600) {
		co_strbuf_adds(out, "-");
		return;
	}
	co_strbuf_addf(out, "%ld:%02ld/%s", t / 60, t % 60, co_distance_units_name(u));
}
