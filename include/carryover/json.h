/*
 * The plan, the exercise catalogue and the commands' small documents as
 * JSON (src/formats/json*.c, the only files that use the JSON library; the
 * activity documents they also write are declared in carryover/import.h).
 *
 * The plan: the contract of DESIGN.md ("The plan contract"), documented
 * field by field in docs/plan-json.md. `carryover plan --json` and the
 * HTTP API write it; `carryover check PLAN.json` reads it back.
 *
 * The contract fields never change meaning; fields may be added (this
 * writer adds `start`, `races`, `warnings`, week `notes`, `run_minutes`,
 * `key_minutes`, run `distance_km` and `source`, session `uid`, item `name`
 * and `note`). The reader requires the contract fields and accepts the
 * added ones when present, so a plan survives a round trip unchanged.
 */
#ifndef CARRYOVER_JSON_H
#define CARRYOVER_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "carryover/catalog.h"
#include "carryover/date.h"
#include "carryover/load.h"
#include "carryover/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of the plan JSON contract (docs/plan-json.md), written as
 * the top-level "version". It goes up only when a field changes meaning
 * or goes away; added fields keep it. Readers refuse a newer one.
 */
#define CO_PLAN_JSON_VERSION 1

/* `from` for co_plan_to_json(): no window start, every week from week 1. */
#define CO_JSON_FROM_START INT32_MIN

/**
 * Write `plan` as JSON (two-space indented, keys in contract order). Only
 * the weeks that end after `from` are written (CO_JSON_FROM_START: from the
 * start; 0 is a date, 1970-01-01), at most `weeks` of them (0: all). On
 * success *out is a malloc'd NUL-terminated string the caller frees.
 * Returns 0 or CO_ENOMEM.
 */
int co_plan_to_json(char **out, const co_plan *plan, co_date from, int weeks);

/*
 * `carryover session DATE --json`: one day of the plan, {"version", "date",
 * "week" (its index, null outside the plan), "phase", "runs" (that day's),
 * "sessions" (as in the plan JSON)}. docs/cli/session.md.
 */
int co_day_to_json(char **out, const co_plan *plan, co_date day);

/*
 * `carryover check --json`: {"version", "checked" (rule ids), "skipped"
 * [{rule, partial, reason}], "violations" [{rule, date, reason, explained,
 * explanation}], "weeks", "sessions", "unexplained", "explained"}.
 * docs/cli/check.md.
 */
struct co_check_result;
int co_check_result_to_json(char **out, const struct co_check_result *r);

/*
 * `carryover profile check --json`: {"version", "ok", "file", "error",
 * "profile"}: with `p` what was read (error null), else `error` (profile
 * null). docs/cli/profile.md.
 */
int co_profile_check_to_json(char **out, const co_profile *p, const char *error);

/**
 * {"date", "readiness", "signals": [{"id", "rule", "value", "threshold",
 * "detail"}], "load": {"acute", "chronic", "acwr", "ctl", "atl", "tsb",
 * "monotony", "strain"}, "next_session": {"date", "focus", "items":
 * [{"exercise", "sets", "reps", "seconds", "load", "rpe"}]}}: figures to 2
 * decimals, null when unknown; two-space indented, one member a line.
 * *out is a new string ending in a newline (the caller frees it).
 */
int co_status_to_json(char **out, const co_status_view *v);

/* carryover analyze --json (src/formats/json_analyze.c, docs/cli/analyze.md). */
struct co_analysis;
struct co_run_marker;

/**
 * The findings of an analysis whose words are filled
 * (co_report_analysis_words()): {"findings": [{"id", "text", "estimate",
 * "ci_low", "ci_high", "n", "n_ref", "unit"}]}; estimate and interval null
 * when there is none. *out ends in a newline; the caller frees it.
 */
int co_analysis_to_json(char **out, const struct co_analysis *a);

/**
 * The markers an import stored in an activity's summary (ef, decoupling,
 * threshold_pace_s_per_km) into *out; false (all zero) when the text is
 * not a JSON object.
 */
bool co_run_marker_from_summary(struct co_run_marker *out, const char *summary_json);

/*
 * `carryover rules --json`: with `one`, the object {"id", "title", "text"}
 * of rules[0]; else the array of `n` such objects. docs/cli/rules.md.
 * *out is new; the caller frees it.
 */
struct co_method_rule;
int co_rules_to_json(char **out, const struct co_method_rule *rules, size_t n, bool one);

/** One athlete of `carryover athletes --json` (strings not owned). */
typedef struct co_json_athlete {
	const char *name;
	bool current;            /* the current athlete */
	int profile_version;     /* 0: no profile stored (null) */
	const char *profile_source; /* the file the profile came from, or NULL */
} co_json_athlete;

/*
 * `carryover athletes --json`: an array, one athlete a line:
 * [{"name", "current", "profile_version", "profile_source"}].
 * docs/cli/athletes.md. *out is new; the caller frees it.
 */
int co_athletes_to_json(char **out, const co_json_athlete *list, size_t n);

/**
 * Parse a plan written by co_plan_to_json() (or by hand, to the contract).
 * Exercises are looked up in `cat`, which must outlive the plan. `source`
 * names the text in messages: syntax errors give "plan.json:LINE:COLUMN:
 * ...", content errors the JSON path ("plan.json: weeks[2].sessions[0]
 * .blocks[1].items[0].exercise: unknown exercise 'rdll' (did you mean
 * 'rdl'?)"). On success *out owns a new plan: free it with co_plan_free().
 * Returns 0 or CO_EINPUT.
 */
int co_json_parse_plan(co_plan **out, const char *text, size_t len, const char *source,
		       const co_catalog *cat);

/**
 * One exercise as a one-line JSON object and a newline, the entry of
 * `carryover exercises show ID --json`: id, name, aliases, pattern, regions,
 * unilateral, equipment ([] for bodyweight), level, carryover, ballistic,
 * compound, tempo, reps or seconds ({"min", "max"}; the other null),
 * progression, regression, fit {category, name}, cue, and with `with_why`
 * why. *out is a malloc'd string the caller frees. Returns 0 or CO_ENOMEM.
 */
int co_exercise_to_json(char **out, const co_exercise *e, bool with_why);

/**
 * Exercises as a JSON array, one co_exercise_to_json() object (without why)
 * per line: list[0..n), or, when list is NULL, every exercise of `cat` in
 * catalogue order. `carryover exercises --json` writes it. *out is a
 * malloc'd string ending in a newline; the caller frees it. Returns 0 or
 * CO_ENOMEM.
 */
int co_catalog_to_json(char **out, const co_catalog *cat, const co_exercise *const *list,
		       size_t n);

/**
 * Copy the string member `key` of the JSON object in `json` (e.g. an
 * activity's stored summary) into out[0..n), truncated and NUL-terminated.
 * Returns true when found; false (out = "") for no such member, a member
 * that is not a string, or text that is not a JSON object.
 */
bool co_json_string_member(char *out, size_t n, const char *json, const char *key);

#ifdef __cplusplus
}
#endif

#endif
