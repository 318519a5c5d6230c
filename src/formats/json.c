/*
 * The plan and the catalogue as JSON; with json_activity.c (imported
 * activities), json_report.c (check, profile check, athletes) and
 * json_values.c (the value helpers, json_int.h) the only files that include
 * jansson. Here:
 *
 *   - the plan contract of DESIGN.md, both ways (docs/plan-json.md), and
 *     one day of it (`session --json`);
 *   - the exercise catalogue (`carryover exercises --json`, `exercises
 *     show ID --json`).
 *
 * Writing builds a jansson tree in a fixed key order (insertion order,
 * JSON_PRESERVE_ORDER) and dumps it, so the same input always gives the
 * same bytes. Strings that are not valid UTF-8 (a file name from a foreign
 * file system, a device string) have each invalid byte replaced by U+FFFD
 * rather than failing, and U+FFFD is written as the escape \ufffd so a
 * replaced byte is visible in ASCII. Whole numbers are written as integers
 * ("load": 60, "pace_s_per_km": 300); other numbers are rounded before
 * they reach jansson (plans: three decimals; activities: a fixed number of
 * significant digits per field), so the dump prints them exactly as
 * rounded.
 *
 * In the plan a null means "not applicable" and is always written, never
 * left out: reps is null when the dose is in seconds, seconds when it is in
 * reps, rpe when there is no target (0), tempo when there is none, load for
 * bodyweight (< 0), strides when there are none. In activities a null means
 * unknown (the file did not say).
 *
 * Reading a plan requires every contract field with the right type,
 * resolves exercises in the catalogue, and rebuilds a co_plan that
 * co_plan_free() releases. Syntax errors carry jansson's line and column;
 * content errors the JSON path of the offending value, since jansson keeps
 * no positions for values.
 */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/activity.h"
#include "carryover/actual.h"
#include "carryover/analysis.h"
#include "carryover/error.h"
#include "carryover/import.h"
#include "carryover/json.h"
#include "formats/json_int.h"
#include "util/isotime.h"
#include "util/strbuf.h"
#include "util/suggest.h"

/* The bit sets of an exercise (catalog.h). */
typedef enum bit_set { REGIONS, EQUIPMENT, CARRYOVER } bit_set;

/* The names of the bits set in `bits`, a set of kind `set`, lowest bit first. */
static json_t *bit_names(bit_set set, unsigned bits)
{
	unsigned count = set == REGIONS ? CO_REGION_COUNT :
			 set == EQUIPMENT ? CO_EQUIP_COUNT : CO_CARRY_COUNT;
	json_t *a = json_array();

	for (unsigned i = 0; i < count; i++) {
		unsigned bit = 1u << i;

		if (!(bits & bit))
			continue;
		json_array_append_new(a, co_json_str(set == REGIONS ? co_region_name((co_region)bit) :
					      set == EQUIPMENT ?
					      co_equipment_name((co_equipment)bit) :
					      co_carryover_name((co_carryover)bit)));
	}
	return a;
}

/* A race as the plan and profile check write it: name, date, distance_km (null: unknown), priority. */
json_t *co_json_race(const co_race *r)
{
	json_t *ro = json_object();

	co_json_set(ro, "name", co_json_str(r->name));
	co_json_set(ro, "date", co_json_date(r->date));
	co_json_set(ro, "distance_km", r->distance_km > 0 ? co_json_num(r->distance_km) : json_null());
	co_json_set(ro, "priority", co_json_str(co_race_priority_name(r->priority)));
	return ro;
}

/* ---- writing: the plan ----------------------------------------------------- */

static const char *run_source_name(co_run_source s)
{
	switch (s) {
	case CO_RUN_FROM_CALENDAR: return "calendar";
	case CO_RUN_FROM_RACE: return "race";
	case CO_RUN_FROM_IMPORT: return "import";
	case CO_RUN_FROM_LOG: return "log";
	default: return "template";
	}
}

static json_t *strings(char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, co_json_str(v[i]));
	return a;
}

static json_t *item_json(const co_item *it)
{
	json_t *o = json_object();
	const co_exercise *ex = it->exercise;

	co_json_set(o, "exercise", co_json_str(ex ? ex->id : NULL));
	co_json_set(o, "name", co_json_str(ex ? ex->name : NULL));
	co_json_set(o, "pattern", co_json_str(ex ? co_pattern_name(ex->pattern) : NULL));
	co_json_set(o, "regions", bit_names(REGIONS, ex ? ex->regions : 0));
	co_json_set(o, "sets", json_integer(it->sets));
	co_json_set(o, "reps", it->reps > 0 ? json_integer(it->reps) : json_null());
	co_json_set(o, "seconds", it->seconds > 0 ? json_integer(it->seconds) : json_null());
	co_json_set(o, "rpe", it->rpe > 0 ? co_json_num(it->rpe) : json_null());
	co_json_set(o, "tempo", it->tempo ? co_json_str(it->tempo) : json_null());
	co_json_set(o, "load", it->load >= 0 ? co_json_num(it->load) : json_null());
	co_json_set(o, "note", it->note ? co_json_str(it->note) : json_null());
	co_json_set(o, "rest_s", json_integer(it->rest_s));
	{
		json_t *ramp = json_array();

		for (size_t i = 0; i < it->n_ramp && i < CO_RAMP_MAX; i++) {
			json_t *r = json_object();

			co_json_set(r, "reps", json_integer(it->ramp[i].reps));
			co_json_set(r, "load", co_json_num(it->ramp[i].load));
			json_array_append_new(ramp, r);
		}
		co_json_set(o, "ramp_sets", ramp);
	}
	co_json_set(o, "load_basis", it->load_basis == CO_LOAD_BASIS_TOTAL ? co_json_str("total") :
			     it->load_basis == CO_LOAD_BASIS_PER_HAND ? co_json_str("per_hand") : json_null());
	return o;
}

static json_t *session_json(const co_session *s)
{
	json_t *o = json_object(), *blocks = json_array();

	co_json_set(o, "date", co_json_date(s->date));
	co_json_set(o, "focus", co_json_str(co_focus_name(s->focus)));
	co_json_set(o, "minutes", json_integer(s->minutes));
	co_json_set(o, "why", strings(s->why, s->n_why));
	if (s->strides) {
		json_t *st = json_object();
		co_json_set(st, "reps", json_integer(s->strides_reps));
		co_json_set(st, "seconds", json_integer(s->strides_seconds));
		co_json_set(o, "strides", st);
	} else {
		co_json_set(o, "strides", json_null());
	}
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		const co_block *b = &s->blocks[k];
		json_t *bo, *items;

		/* the test block (D6) is written only when a session carries tests */
		if (k == CO_BLOCK_TEST && !b->n_items)
			continue;
		bo = json_object();
		items = json_array();
		co_json_set(bo, "kind", co_json_str(co_block_kind_name((co_block_kind)k)));
		for (size_t i = 0; i < b->n_items; i++)
			json_array_append_new(items, item_json(&b->items[i]));
		co_json_set(bo, "items", items);
		json_array_append_new(blocks, bo);
	}
	co_json_set(o, "blocks", blocks);
	co_json_set(o, "uid", co_json_str(s->uid));
	/* issue 10.2 (actual.h): null when no today was given or before the log began */
	{
		const char *st = co_session_status_name((co_session_status)s->status);

		co_json_set(o, "status", st ? co_json_str(st) : json_null());
		bool counted = s->status == CO_SESSION_DONE || s->status == CO_SESSION_PARTLY_DONE;

		co_json_set(o, "items_done", counted ? json_integer(s->items_done) : json_null());
		co_json_set(o, "items_planned", counted ? json_integer(s->items_planned) : json_null());
		co_json_set(o, "skip_reason", s->status == CO_SESSION_SKIPPED && s->status_note[0]
						     ? co_json_str(s->status_note) : json_null());
	}
	return o;
}

/* A run of the plan: the contract's fields, then (issue 10.2) what it stands for. */
static json_t *run_json(const co_plan_run *r)
{
	json_t *ro = json_object();

	co_json_set(ro, "date", co_json_date(r->date));
	co_json_set(ro, "type", co_json_str(co_run_type_name(r->type)));
	co_json_set(ro, "minutes", json_integer(r->minutes));
	co_json_set(ro, "key", json_boolean(r->key));
	co_json_set(ro, "distance_km", r->distance_km > 0 ? co_json_num(r->distance_km) : json_null());
	co_json_set(ro, "source", co_json_str(run_source_name(r->source)));
	co_json_set(ro, "rpe", r->rpe > 0 ? json_integer(r->rpe) : json_null());
	if (r->has_planned) {
		json_t *p = json_object();

		co_json_set(p, "type", co_json_str(co_run_type_name(r->planned_type)));
		co_json_set(p, "minutes", json_integer(r->planned_minutes));
		co_json_set(p, "distance_km", r->planned_distance_km > 0
						      ? co_json_num(r->planned_distance_km) : json_null());
		co_json_set(p, "source", co_json_str(run_source_name(r->planned_source)));
		co_json_set(ro, "planned", p);
	} else {
		co_json_set(ro, "planned", json_null());
	}
	return ro;
}

static json_t *week_json(const co_week *w)
{
	json_t *o = json_object(), *runs = json_array(), *tests = json_array(),
	       *sessions = json_array();

	co_json_set(o, "index", json_integer(w->index));
	co_json_set(o, "start", co_json_date(w->start));
	co_json_set(o, "phase", co_json_str(co_phase_name(w->phase)));
	co_json_set(o, "deload", json_boolean(w->deload));
	for (size_t i = 0; i < w->n_runs; i++)
		json_array_append_new(runs, run_json(&w->runs[i]));
	co_json_set(o, "runs", runs);
	for (size_t i = 0; i < w->n_tests; i++) {
		json_t *to = json_object();

		co_json_set(to, "date", co_json_date(w->tests[i].date));
		co_json_set(to, "kind", co_json_str(co_test_kind_name(w->tests[i].kind)));
		json_array_append_new(tests, to);
	}
	co_json_set(o, "tests", tests);
	for (size_t i = 0; i < w->n_sessions; i++)
		json_array_append_new(sessions, session_json(&w->sessions[i]));
	co_json_set(o, "sessions", sessions);
	co_json_set(o, "run_minutes", json_integer(w->run_minutes));
	co_json_set(o, "key_minutes", json_integer(w->key_minutes));
	co_json_set(o, "volume", json_integer(w->volume));
	co_json_set(o, "notes", strings(w->notes, w->n_notes));
	return o;
}

int co_plan_to_json(char **out, const co_plan *plan, co_date from, int weeks)
{
	json_t *root = json_object(), *athlete = json_object(), *races = json_array(),
	       *wa = json_array();
	int written = 0;

	co_json_set(root, "version", json_integer(CO_PLAN_JSON_VERSION));
	co_json_set(athlete, "name", co_json_str(plan->athlete ? plan->athlete : ""));
	co_json_set(athlete, "units", co_json_str(co_units_name(plan->units)));
	co_json_set(root, "athlete", athlete);
	co_json_set(root, "start", co_json_date(plan->start));
	for (size_t i = 0; i < plan->n_races; i++)
		json_array_append_new(races, co_json_race(&plan->races[i]));
	co_json_set(root, "races", races);
	co_json_set(root, "warnings", strings(plan->warnings, plan->n_warnings));
	co_json_set(root, "notes", strings(plan->notes, plan->n_notes));
	for (size_t i = 0; i < plan->n_weeks; i++) {
		const co_week *w = &plan->weeks[i];

		/* compared in 64 bits: CO_JSON_FROM_START is INT32_MIN */
		if ((int64_t)w->start + 7 <= (int64_t)from)
			continue;
		if (weeks > 0 && written >= weeks)
			break;
		json_array_append_new(wa, week_json(w));
		written++;
	}
	co_json_set(root, "weeks", wa);
	return co_json_finish(out, root, PLAN_FLAGS, "", "the plan");
}

/* ---- writing: session, check and profile check (--json) -------------------- */

int co_day_to_json(char **out, const co_plan *plan, co_date day)
{
	json_t *root = json_object(), *sessions = json_array(), *runs = json_array();
	const co_week *w = co_plan_week_at(plan, day);

	co_json_set(root, "version", json_integer(CO_PLAN_JSON_VERSION));
	co_json_set(root, "date", co_json_date(day));
	co_json_set(root, "week", w ? json_integer(w->index) : json_null());
	co_json_set(root, "phase", w ? co_json_str(co_phase_name(w->phase)) : json_null());
	for (size_t i = 0; w && i < w->n_runs; i++) {
		const co_plan_run *r = &w->runs[i];
		json_t *ro;

		if (r->date != day)
			continue;
		ro = run_json(r);
		json_array_append_new(runs, ro);
	}
	co_json_set(root, "runs", runs);
	for (size_t i = 0; w && i < w->n_sessions; i++)
		if (w->sessions[i].date == day)
			json_array_append_new(sessions, session_json(&w->sessions[i]));
	co_json_set(root, "sessions", sessions);
	return co_json_finish(out, root, PLAN_FLAGS, "\n", "the day");
}

/* ---- writing: the exercise catalogue ---------------------------------------- */

static json_t *range(int min, int max)
{
	json_t *o = json_object();

	co_json_set(o, "min", json_integer(min));
	co_json_set(o, "max", json_integer(max));
	return o;
}

static json_t *exercise_json(const co_exercise *e, bool with_why)
{
	json_t *o = json_object(), *aliases = json_array(), *fit = json_object();

	co_json_set(o, "id", co_json_str(e->id));
	co_json_set(o, "name", co_json_str(e->name));
	for (size_t i = 0; e->aliases && e->aliases[i]; i++)
		json_array_append_new(aliases, co_json_str(e->aliases[i]));
	co_json_set(o, "aliases", aliases);
	co_json_set(o, "pattern", co_json_str(co_pattern_name(e->pattern)));
	co_json_set(o, "regions", bit_names(REGIONS, e->regions));
	co_json_set(o, "unilateral", json_boolean(e->unilateral));
	co_json_set(o, "equipment", bit_names(EQUIPMENT, e->equipment));
	co_json_set(o, "level", co_json_str(co_level_name(e->level)));
	co_json_set(o, "carryover", bit_names(CARRYOVER, e->carryover));
	co_json_set(o, "ballistic", json_boolean(e->ballistic));
	co_json_set(o, "compound", json_boolean(e->compound));
	co_json_set(o, "tempo", co_json_str(e->tempo));
	co_json_set(o, "reps", e->dose == CO_DOSE_REPS ? range(e->dose_min, e->dose_max) : json_null());
	co_json_set(o, "seconds", e->dose == CO_DOSE_REPS ? json_null() : range(e->dose_min, e->dose_max));
	co_json_set(o, "progression", co_json_str(e->progression));
	co_json_set(o, "regression", co_json_str(e->regression));
	co_json_set(fit, "category", json_integer(e->fit_category));
	co_json_set(fit, "name", json_integer(e->fit_name));
	co_json_set(o, "fit", fit);
	co_json_set(o, "cue", co_json_str(e->cue));
	if (with_why)
		co_json_set(o, "why", co_json_str(co_pattern_why(e->pattern)));
	return o;
}

int co_exercise_to_json(char **out, const co_exercise *e, bool with_why)
{
	return co_json_finish(out, exercise_json(e, with_why), EXERCISE_FLAGS, "\n", "an exercise");
}

int co_catalog_to_json(char **out, const co_catalog *cat, const co_exercise *const *list,
		       size_t n)
{
	json_t *items = json_array();

	if (!list)
		n = co_catalog_count(cat);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, exercise_json(list ? list[i] : co_catalog_at(cat, i),
							   false));
	return co_json_finish_lines(out, items, EXERCISE_FLAGS, "  ", "the exercises");
}

/* ---- reading ------------------------------------------------------------- */

typedef struct reader {
	const char *source;
	const co_catalog *cat;
	char path[192];
} reader;

static int perr(const reader *rd, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int perr(const reader *rd, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!*rd->path && !key)
		return co_error_set(CO_EINPUT, "%s: %s", rd->source, msg);
	return co_error_set(CO_EINPUT, "%s: %s%s%s: %s", rd->source, rd->path,
			    *rd->path && key ? "." : "", key ? key : "", msg);
}

/* Descend into rd->path; returns the old length for path_pop(). */
static size_t path_push(reader *rd, const char *key, long index)
{
	size_t n = strlen(rd->path);

	if (index >= 0)
		snprintf(rd->path + n, sizeof(rd->path) - n, "%s%s[%ld]", n && key ? "." : "",
			 key ? key : "", index);
	else
		snprintf(rd->path + n, sizeof(rd->path) - n, "%s%s", n ? "." : "", key);
	return n;
}

static void path_pop(reader *rd, size_t n)
{
	rd->path[n] = '\0';
}

static const char *type_name(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

static int need(const reader *rd, const json_t *obj, const char *key, json_type t,
		bool nullable, json_t **out)
{
	json_t *j = json_object_get(obj, key);

	*out = j;
	if (!j)
		return perr(rd, key, "missing");
	if (json_is_null(j) && nullable)
		return 0;
	if (t == JSON_TRUE ? !json_is_boolean(j) :
	    t == JSON_REAL ? !json_is_number(j) : json_typeof(j) != t) {
		const char *want = t == JSON_OBJECT ? "an object" : t == JSON_ARRAY ? "an array" :
				   t == JSON_STRING ? "a string" : t == JSON_INTEGER ? "an integer" :
				   t == JSON_TRUE ? "a boolean" : "a number";
		return perr(rd, key, "expected %s%s, got %s", want, nullable ? " or null" : "",
			    type_name(j));
	}
	return 0;
}

static int get_int(const reader *rd, const json_t *obj, const char *key, long lo, long hi,
		   bool nullable, int *out)
{
	json_t *j;
	int rc = need(rd, obj, key, JSON_INTEGER, nullable, &j);

	if (rc < 0)
		return rc;
	if (json_is_null(j)) {
		*out = 0;
		return 0;
	}
	if (json_integer_value(j) < lo || json_integer_value(j) > hi)
		return perr(rd, key, "%lld is out of range (%ld-%ld)",
			    (long long)json_integer_value(j), lo, hi);
	*out = (int)json_integer_value(j);
	return 0;
}

static int get_date(const reader *rd, const json_t *obj, const char *key, co_date *out)
{
	json_t *j;
	int rc = need(rd, obj, key, JSON_STRING, false, &j);

	if (rc < 0)
		return rc;
	if (co_date_parse(out, json_string_value(j)) < 0)
		return perr(rd, key, "%s", co_error_last());
	return 0;
}

typedef const char *(*name_fn)(int);

static int get_enum(const reader *rd, const json_t *obj, const char *key, int count,
		    const char *(*name)(int), int *out)
{
	json_t *j;
	const char *names[32];
	const char *s, *near;
	int rc = need(rd, obj, key, JSON_STRING, false, &j);

	if (rc < 0)
		return rc;
	s = json_string_value(j);
	for (int i = 0; i < count && i < 31; i++) {
		names[i] = name(i);
		if (!strcmp(s, names[i])) {
			*out = i;
			return 0;
		}
	}
	names[count < 31 ? count : 31] = NULL;
	near = co_suggest_from(s, names);
	if (near)
		return perr(rd, key, "unknown value '%.40s' (did you mean '%s'?)", s, near);
	return perr(rd, key, "unknown value '%.40s'", s);
}

static const char *phase_n(int i) { return co_phase_name((co_phase)i); }
static const char *focus_n(int i) { return co_focus_name((co_focus)i); }
static const char *block_n(int i) { return co_block_kind_name((co_block_kind)i); }
static const char *test_n(int i) { return co_test_kind_name((co_test_kind)i); }
static const char *run_n(int i) { return co_run_type_name((co_run_type)i); }
static const char *source_n(int i) { return run_source_name((co_run_source)i); }
static const char *prio_n(int i) { return co_race_priority_name((co_race_priority)i); }
static const char *units_n(int i) { return co_units_name((co_units)i); }

static int get_strings(reader *rd, const json_t *obj, const char *key, bool optional,
		       char ***out, size_t *n_out)
{
	json_t *a = json_object_get(obj, key), *j;
	size_t i;
	int rc;

	*out = NULL;
	*n_out = 0;
	if (!a && optional)
		return 0;
	if ((rc = need(rd, obj, key, JSON_ARRAY, false, &a)) < 0)
		return rc;
	if (!json_array_size(a))
		return 0;
	*out = co_xcalloc(json_array_size(a), sizeof(**out));
	json_array_foreach(a, i, j) {
		if (!json_is_string(j)) {
			size_t n = path_push(rd, key, (long)i);
			rc = perr(rd, NULL, "expected a string, got %s", type_name(j));
			path_pop(rd, n);
			return rc;
		}
		(*out)[(*n_out)++] = co_xstrdup(json_string_value(j));
	}
	return 0;
}

/* The static tempo text for `s`: the exercise's, any catalogue exercise's, or the default. */
static const char *intern_tempo(const reader *rd, const co_exercise *ex, const char *s)
{
	/* the default (B3) and the unloaded progressions of A9 (slower, paused) */
	static const char *const planner_tempos[] = {"3-1-X", "4-1-X", "3-2-X", NULL};

	if (ex && ex->tempo && !strcmp(ex->tempo, s))
		return ex->tempo;
	for (size_t i = 0; planner_tempos[i]; i++)
		if (!strcmp(s, planner_tempos[i]))
			return planner_tempos[i];
	for (size_t i = 0; i < co_catalog_count(rd->cat); i++) {
		const co_exercise *e = co_catalog_at(rd->cat, i);
		if (e->tempo && !strcmp(e->tempo, s))
			return e->tempo;
	}
	return NULL;
}

static int read_item(reader *rd, const json_t *o, co_item *it)
{
	json_t *j;
	const char *id;
	int rc;

	it->load = -1;
	if ((rc = need(rd, o, "exercise", JSON_STRING, false, &j)) < 0)
		return rc;
	id = json_string_value(j);
	it->exercise = co_catalog_find(rd->cat, id);
	if (!it->exercise) {
		const char *near = co_catalog_suggest(rd->cat, id);
		if (near)
			return perr(rd, "exercise", "unknown exercise '%.40s' (did you mean '%s'?)",
				    id, near);
		return perr(rd, "exercise", "unknown exercise '%.40s'", id);
	}
	if ((rc = get_int(rd, o, "sets", 1, 100, false, &it->sets)) < 0 ||
	    (rc = get_int(rd, o, "reps", 1, 1000, true, &it->reps)) < 0 ||
	    (rc = get_int(rd, o, "seconds", 1, 36000, true, &it->seconds)) < 0)
		return rc;
	if ((rc = need(rd, o, "rpe", JSON_REAL, true, &j)) < 0)
		return rc;
	it->rpe = json_is_null(j) ? 0 : json_number_value(j);
	if (it->rpe < 0 || it->rpe > 10)
		return perr(rd, "rpe", "%g is out of range (1-10)", it->rpe);
	if ((rc = need(rd, o, "tempo", JSON_STRING, true, &j)) < 0)
		return rc;
	if (json_is_string(j)) {
		it->tempo = intern_tempo(rd, it->exercise, json_string_value(j));
		if (!it->tempo)
			return perr(rd, "tempo", "unknown tempo '%.20s'", json_string_value(j));
	}
	if ((rc = need(rd, o, "load", JSON_REAL, true, &j)) < 0)
		return rc;
	if (json_is_number(j)) {
		it->load = json_number_value(j);
		if (it->load < 0 || it->load > 2000)
			return perr(rd, "load", "%g is out of range (0-2000)", it->load);
	}
	j = json_object_get(o, "note");
	if (j && json_is_string(j))
		it->note = co_xstrdup(json_string_value(j));
	/* added fields (B6); absent in older plans */
	if (json_object_get(o, "rest_s") &&
	    (rc = get_int(rd, o, "rest_s", 0, 3600, false, &it->rest_s)) < 0)
		return rc;
	j = json_object_get(o, "ramp_sets");
	if (j && json_is_array(j)) {
		size_t i;
		json_t *r;

		json_array_foreach(j, i, r) {
			json_t *reps = json_object_get(r, "reps"), *load = json_object_get(r, "load");

			if (it->n_ramp >= CO_RAMP_MAX || !json_is_integer(reps) || !json_is_number(load))
				return perr(rd, "ramp_sets", "expected at most %d {\"reps\", \"load\"} objects",
					    CO_RAMP_MAX);
			it->ramp[it->n_ramp].reps = (int)json_integer_value(reps);
			it->ramp[it->n_ramp].load = json_number_value(load);
			it->n_ramp++;
		}
	}
	j = json_object_get(o, "load_basis");
	if (j && json_is_string(j))
		it->load_basis = !strcmp(json_string_value(j), "per_hand") ? CO_LOAD_BASIS_PER_HAND :
				 !strcmp(json_string_value(j), "total") ? CO_LOAD_BASIS_TOTAL : CO_LOAD_BASIS_NONE;
	return 0;
}

static int read_session(reader *rd, const json_t *o, co_session *s)
{
	json_t *j, *blocks, *b;
	size_t i;
	int v, rc;

	if ((rc = get_date(rd, o, "date", &s->date)) < 0 ||
	    (rc = get_enum(rd, o, "focus", CO_FOCUS_COUNT, focus_n, &v)) < 0)
		return rc;
	s->focus = (co_focus)v;
	if ((rc = get_int(rd, o, "minutes", 0, 600, false, &s->minutes)) < 0 ||
	    (rc = get_strings(rd, o, "why", false, &s->why, &s->n_why)) < 0)
		return rc;
	if ((rc = need(rd, o, "strides", JSON_OBJECT, true, &j)) < 0)
		return rc;
	if (json_is_object(j)) {
		size_t n = path_push(rd, "strides", -1);
		s->strides = true;
		rc = get_int(rd, j, "reps", 1, 20, false, &s->strides_reps);
		if (!rc)
			rc = get_int(rd, j, "seconds", 1, 120, false, &s->strides_seconds);
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	j = json_object_get(o, "uid");
	if (j && json_is_string(j)) {
		if (strlen(json_string_value(j)) >= sizeof(s->uid))
			return perr(rd, "uid", "longer than %zu characters", sizeof(s->uid) - 1);
		strcpy(s->uid, json_string_value(j));
	}
	j = json_object_get(o, "status"); /* issue 10.2: optional, null when unknown */
	if (j && json_is_string(j)) {
		int st = co_session_status_from_name(json_string_value(j));

		if (st < 0)
			return perr(rd, "status", "unknown value '%.40s' (expected planned, done, "
				    "partly_done, skipped or missed)", json_string_value(j));
		s->status = st;
	}
	if ((j = json_object_get(o, "items_done")) && json_is_integer(j) &&
	    json_integer_value(j) >= 0 && json_integer_value(j) <= 1000)
		s->items_done = (int)json_integer_value(j);
	if ((j = json_object_get(o, "items_planned")) && json_is_integer(j) &&
	    json_integer_value(j) >= 0 && json_integer_value(j) <= 1000)
		s->items_planned = (int)json_integer_value(j);
	if ((j = json_object_get(o, "skip_reason")) && json_is_string(j)) {
		/* as the planner keeps it: cut at a character (actual.h) */
		const char *r = json_string_value(j);
		size_t len = strlen(r);

		if (len >= sizeof(s->status_note)) {
			len = sizeof(s->status_note) - 1;
			while (len > 0 && ((unsigned char)r[len] & 0xC0) == 0x80)
				len--;
		}
		memcpy(s->status_note, r, len);
		s->status_note[len] = '\0';
	}
	if ((rc = need(rd, o, "blocks", JSON_ARRAY, false, &blocks)) < 0)
		return rc;
	json_array_foreach(blocks, i, b) {
		size_t n = path_push(rd, "blocks", (long)i), k;
		json_t *items, *it;
		co_block *blk;

		if (!json_is_object(b)) {
			rc = perr(rd, NULL, "expected an object, got %s", type_name(b));
			goto pop;
		}
		if ((rc = get_enum(rd, b, "kind", CO_BLOCK_COUNT, block_n, &v)) < 0)
			goto pop;
		blk = &s->blocks[v];
		blk->kind = (co_block_kind)v;
		if (blk->n_items) {
			rc = perr(rd, "kind", "a second '%s' block", co_block_kind_name(blk->kind));
			goto pop;
		}
		if ((rc = need(rd, b, "items", JSON_ARRAY, false, &items)) < 0)
			goto pop;
		if (json_array_size(items))
			blk->items = co_xcalloc(json_array_size(items), sizeof(*blk->items));
		json_array_foreach(items, k, it) {
			size_t n2 = path_push(rd, "items", (long)k);
			if (!json_is_object(it))
				rc = perr(rd, NULL, "expected an object, got %s", type_name(it));
			else
				rc = read_item(rd, it, &blk->items[blk->n_items++]);
			path_pop(rd, n2);
			if (rc < 0)
				goto pop;
		}
pop:
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		s->blocks[k].kind = (co_block_kind)k;
	return 0;
}

static int read_week(reader *rd, const json_t *o, co_week *w)
{
	json_t *a, *j;
	size_t i;
	int v, rc;
	bool have_minutes = json_object_get(o, "run_minutes") && json_object_get(o, "key_minutes");

	if ((rc = get_int(rd, o, "index", 1, 1000, false, &w->index)) < 0 ||
	    (rc = get_date(rd, o, "start", &w->start)) < 0 ||
	    (rc = get_enum(rd, o, "phase", CO_PHASE_COUNT, phase_n, &v)) < 0)
		return rc;
	w->phase = (co_phase)v;
	if ((rc = need(rd, o, "deload", JSON_TRUE, false, &j)) < 0)
		return rc;
	w->deload = json_is_true(j);

	if ((rc = need(rd, o, "runs", JSON_ARRAY, false, &a)) < 0)
		return rc;
	if (json_array_size(a))
		w->runs = co_xcalloc(json_array_size(a), sizeof(*w->runs));
	json_array_foreach(a, i, j) {
		size_t n = path_push(rd, "runs", (long)i);
		co_plan_run *r = &w->runs[w->n_runs++];
		json_t *k;

		if (!json_is_object(j))
			rc = perr(rd, NULL, "expected an object, got %s", type_name(j));
		if (!rc && !(rc = get_date(rd, j, "date", &r->date)) &&
		    !(rc = get_enum(rd, j, "type", CO_RUN_TYPE_COUNT, run_n, &v))) {
			r->type = (co_run_type)v;
			rc = get_int(rd, j, "minutes", 0, 4000, false, &r->minutes);
		}
		if (!rc && !(rc = need(rd, j, "key", JSON_TRUE, false, &k)))
			r->key = json_is_true(k);
		if (!rc && (k = json_object_get(j, "distance_km")) && json_is_number(k))
			r->distance_km = json_number_value(k);
		if (!rc && json_object_get(j, "source") &&
		    !(rc = get_enum(rd, j, "source", CO_RUN_FROM_LOG + 1, source_n, &v)))
			r->source = (co_run_source)v;
		if (!rc && (k = json_object_get(j, "rpe")) && json_is_integer(k) &&
		    json_integer_value(k) >= 1 && json_integer_value(k) <= 10)
			r->rpe = (int)json_integer_value(k);
		if (!rc && (k = json_object_get(j, "planned")) && json_is_object(k)) {
			/* issue 10.2: the run a run that happened stands for */
			size_t n2 = path_push(rd, "planned", -1);
			json_t *d;

			if (!(rc = get_enum(rd, k, "type", CO_RUN_TYPE_COUNT, run_n, &v))) {
				r->planned_type = (co_run_type)v;
				rc = get_int(rd, k, "minutes", 0, 4000, false, &r->planned_minutes);
			}
			if (!rc && (d = json_object_get(k, "distance_km")) && json_is_number(d))
				r->planned_distance_km = json_number_value(d);
			if (!rc && json_object_get(k, "source") &&
			    !(rc = get_enum(rd, k, "source", CO_RUN_FROM_RACE + 1, source_n, &v)))
				r->planned_source = (co_run_source)v;
			r->has_planned = !rc;
			path_pop(rd, n2);
		}
		path_pop(rd, n);
		if (rc < 0)
			return rc;
		if (!have_minutes) {
			w->run_minutes += r->minutes;
			if (r->key)
				w->key_minutes += r->minutes;
		}
	}

	a = json_object_get(o, "tests");
	if (a && !json_is_array(a))
		return perr(rd, "tests", "expected an array, got %s", type_name(a));
	if (a && json_array_size(a))
		w->tests = co_xcalloc(json_array_size(a), sizeof(*w->tests));
	json_array_foreach(a, i, j) {
		size_t n = path_push(rd, "tests", (long)i);
		co_plan_test *t = &w->tests[w->n_tests++];

		if (!json_is_object(j))
			rc = perr(rd, NULL, "expected an object, got %s", type_name(j));
		if (!rc && !(rc = get_date(rd, j, "date", &t->date)) &&
		    !(rc = get_enum(rd, j, "kind", CO_TEST_KIND_COUNT, test_n, &v)))
			t->kind = (co_test_kind)v;
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}

	if ((rc = need(rd, o, "sessions", JSON_ARRAY, false, &a)) < 0)
		return rc;
	if (json_array_size(a))
		w->sessions = co_xcalloc(json_array_size(a), sizeof(*w->sessions));
	json_array_foreach(a, i, j) {
		size_t n = path_push(rd, "sessions", (long)i);

		if (!json_is_object(j))
			rc = perr(rd, NULL, "expected an object, got %s", type_name(j));
		else
			rc = read_session(rd, j, &w->sessions[w->n_sessions++]);
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	if (have_minutes &&
	    ((rc = get_int(rd, o, "run_minutes", 0, 100000, false, &w->run_minutes)) < 0 ||
	     (rc = get_int(rd, o, "key_minutes", 0, 100000, false, &w->key_minutes)) < 0))
		return rc;
	if (json_object_get(o, "volume") &&
	    (rc = get_int(rd, o, "volume", 0, 1000000, false, &w->volume)) < 0)
		return rc;
	return get_strings(rd, o, "notes", true, &w->notes, &w->n_notes);
}

static int read_plan(reader *rd, const json_t *root, co_plan *plan)
{
	json_t *athlete, *a, *j, *name;
	size_t i;
	int v, rc;

	if (!json_is_object(root))
		return perr(rd, NULL, "expected an object at the top, got %s", type_name(root));
	/* optional (hand-written plans and those before it), but never newer than ours */
	j = json_object_get(root, "version");
	if (j && (!json_is_integer(j) || json_integer_value(j) < 1))
		return perr(rd, "version", "expected a whole number from 1, got %s",
			    json_is_integer(j) ? "a smaller one" : type_name(j));
	if (j && json_integer_value(j) > CO_PLAN_JSON_VERSION)
		return perr(rd, "version",
			    "plan JSON version %lld is newer than this carryover reads (%d); "
			    "upgrade carryover",
			    (long long)json_integer_value(j), CO_PLAN_JSON_VERSION);
	if ((rc = need(rd, root, "athlete", JSON_OBJECT, false, &athlete)) < 0)
		return rc;
	{
		size_t n = path_push(rd, "athlete", -1);
		rc = need(rd, athlete, "name", JSON_STRING, false, &name);
		if (!rc)
			rc = get_enum(rd, athlete, "units", 2, units_n, &v);
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	plan->athlete = co_xstrdup(json_string_value(name));
	plan->units = (co_units)v;

	if ((rc = need(rd, root, "weeks", JSON_ARRAY, false, &a)) < 0)
		return rc;
	if (json_array_size(a))
		plan->weeks = co_xcalloc(json_array_size(a), sizeof(*plan->weeks));
	json_array_foreach(a, i, j) {
		size_t n = path_push(rd, "weeks", (long)i);

		if (!json_is_object(j))
			rc = perr(rd, NULL, "expected an object, got %s", type_name(j));
		else
			rc = read_week(rd, j, &plan->weeks[plan->n_weeks++]);
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	if (json_object_get(root, "start")) {
		if ((rc = get_date(rd, root, "start", &plan->start)) < 0)
			return rc;
	} else if (plan->n_weeks) {
		plan->start = plan->weeks[0].start;
	}

	a = json_object_get(root, "races");
	if (a && !json_is_array(a))
		return perr(rd, "races", "expected an array, got %s", type_name(a));
	if (a && json_array_size(a))
		plan->races = co_xcalloc(json_array_size(a), sizeof(*plan->races));
	json_array_foreach(a, i, j) {
		size_t n = path_push(rd, "races", (long)i);
		co_race *r = &plan->races[plan->n_races++];
		json_t *k;

		if (!json_is_object(j))
			rc = perr(rd, NULL, "expected an object, got %s", type_name(j));
		if (!rc && !(rc = need(rd, j, "name", JSON_STRING, false, &k)))
			r->name = co_xstrdup(json_string_value(k));
		if (!rc)
			rc = get_date(rd, j, "date", &r->date);
		if (!rc && (k = json_object_get(j, "distance_km")) && json_is_number(k))
			r->distance_km = json_number_value(k);
		if (!rc && json_object_get(j, "priority") &&
		    !(rc = get_enum(rd, j, "priority", 3, prio_n, &v)))
			r->priority = (co_race_priority)v;
		path_pop(rd, n);
		if (rc < 0)
			return rc;
	}
	rc = get_strings(rd, root, "warnings", true, &plan->warnings, &plan->n_warnings);
	if (rc < 0)
		return rc;
	return get_strings(rd, root, "notes", true, &plan->notes, &plan->n_notes);
}

int co_json_parse_plan(co_plan **out, const char *text, size_t len, const char *source,
		       const co_catalog *cat)
{
	reader rd = {source ? source : "<json>", cat, ""};
	json_error_t err;
	json_t *root;
	co_plan *plan;
	int rc;

	*out = NULL;
	{
		size_t i = 0;

		while (i < len && isspace((unsigned char)text[i]))
			i++;
		if (i == len) /* jansson would say "-1:-1: wrong arguments" */
			return co_error_set(CO_EINPUT,
					    "%s: empty file (expected a plan as JSON, as "
					    "'carryover plan --json' writes it)",
					    rd.source);
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root && err.line < 1)
		return co_error_set(CO_EINPUT, "%s: %s", rd.source, err.text);
	if (!root)
		return co_error_set(CO_EINPUT, "%s:%d:%d: %s", rd.source, err.line, err.column,
				    err.text);
	plan = co_xcalloc(1, sizeof(*plan));
	rc = read_plan(&rd, root, plan);
	json_decref(root);
	if (rc < 0) {
		co_plan_free(plan);
		return rc;
	}
	*out = plan;
	return 0;
}

bool co_json_string_member(char *out, size_t n, const char *json, const char *key)
{
	json_t *root = json ? json_loads(json, 0, NULL) : NULL;
	const char *v = json_string_value(json_object_get(root, key));

	if (n)
		snprintf(out, n, "%s", v ? v : "");
	json_decref(root);
	return v != NULL;
}
