/*
 * The small JSON documents of the commands (include/carryover/json.h):
 * `check --json`, `profile check --json` (shapes in docs/cli/check.md and
 * docs/cli/profile.md), `athletes --json` (docs/cli/athletes.md) and
 * `rules --json` (docs/cli/rules.md). They
 * are written like the plan: a jansson tree in a fixed key order, dumped
 * two-space indented with one member per line (the athletes list: one
 * athlete per line), through the helpers of json_int.h.
 */
#include <stdbool.h>
#include <stddef.h>

#include "carryover/check.h"
#include "carryover/error.h"
#include "carryover/json.h"
#include "formats/json_int.h"

static json_t *string_list(const char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, co_json_str(v[i]));
	return a;
}

int co_check_result_to_json(char **out, const co_check_result *r)
{
	json_t *root = json_object(), *skipped = json_array(), *violations = json_array();

	co_json_set(root, "version", json_integer(CO_PLAN_JSON_VERSION));
	co_json_set(root, "checked", string_list(r->checked, r->n_checked));
	for (size_t i = 0; i < r->n_skipped; i++) {
		json_t *o = json_object();

		co_json_set(o, "rule", co_json_str(r->skipped[i].rule));
		co_json_set(o, "partial", json_boolean(r->skipped[i].partial));
		co_json_set(o, "reason", co_json_str(r->skipped[i].reason));
		json_array_append_new(skipped, o);
	}
	co_json_set(root, "skipped", skipped);
	for (size_t i = 0; i < r->n_violations; i++) {
		const co_violation *v = &r->violations[i];
		json_t *o = json_object();

		co_json_set(o, "rule", co_json_str(v->rule));
		co_json_set(o, "date", co_json_date(v->date));
		co_json_set(o, "reason", co_json_str(v->reason));
		co_json_set(o, "explained", json_boolean(v->explained));
		co_json_set(o, "explanation", co_json_str(v->explanation));
		json_array_append_new(violations, o);
	}
	co_json_set(root, "violations", violations);
	co_json_set(root, "weeks", json_integer((json_int_t)r->n_weeks));
	co_json_set(root, "sessions", json_integer((json_int_t)r->n_sessions));
	co_json_set(root, "unexplained", json_integer((json_int_t)r->n_unexplained));
	co_json_set(root, "explained", json_integer((json_int_t)(r->n_violations - r->n_unexplained)));
	return co_json_finish(out, root, CO_JSON_DOC_FLAGS, "\n", "the check");
}

/* The names of the bits set in `set` (regions or equipment), lowest first. */
static json_t *bit_words(unsigned set, unsigned count, bool regions)
{
	json_t *a = json_array();

	for (unsigned i = 0; i < count; i++)
		if (set & (1u << i))
			json_array_append_new(a, co_json_str(regions ?
				co_region_name((co_region)(1u << i)) :
				co_equipment_name((co_equipment)(1u << i))));
	return a;
}

static const char *lift_form_name(co_lift_form f)
{
	switch (f) {
	case CO_LIFT_SET: return "set";
	case CO_LIFT_E1RM: return "e1rm";
	default: return "bare";
	}
}

static json_t *profile_json(const co_profile *p)
{
	json_t *o = json_object(), *week = json_array(), *races = json_array();
	json_t *lifts = json_array(), *niggles = json_array();

	co_json_set(o, "name", co_json_str(p->name));
	co_json_set(o, "level", co_json_str(co_level_name(p->level)));
	co_json_set(o, "units", co_json_str(co_units_name(p->units)));
	co_json_set(o, "body_mass", p->body_mass > 0 ? co_json_num(p->body_mass) : json_null());
	co_json_set(o, "equipment", bit_words(p->equipment, CO_EQUIP_COUNT, false));
	co_json_set(o, "sessions_per_week", json_integer(p->sessions_per_week));
	co_json_set(o, "session_minutes", json_integer(p->session_minutes));
	co_json_set(o, "double_days", json_boolean(p->double_days));
	co_json_set(o, "start", co_json_date(p->start));
	co_json_set(o, "deload_every", json_integer(p->deload_every));
	co_json_set(o, "acwr_threshold", co_json_num(p->acwr_threshold));
	co_json_set(o, "plate_step", co_json_num(p->plate_step));
	co_json_set(o, "dumbbell_step", co_json_num(p->dumbbell_step));
	co_json_set(o, "plyometrics", json_boolean(p->plyometrics));
	co_json_set(o, "strides", json_boolean(p->strides));
	co_json_set(o, "runs", co_json_str(p->runs_file));
	for (int d = 0; d < 7; d++) {
		json_t *day = json_object();

		co_json_set(day, "day", co_json_str(co_weekday_short((co_weekday)d)));
		co_json_set(day, "type", co_json_str(co_run_type_name(p->week[d].type)));
		co_json_set(day, "minutes", json_integer(p->week[d].minutes));
		co_json_set(day, "key", json_boolean(co_run_type_is_key(p->week[d].type)));
		json_array_append_new(week, day);
	}
	co_json_set(o, "week", week);
	for (size_t i = 0; i < p->n_races; i++)
		json_array_append_new(races, co_json_race(&p->races[i]));
	co_json_set(o, "races", races);
	for (size_t i = 0; i < p->n_lifts; i++) {
		const co_lift *l = &p->lifts[i];
		json_t *lo = json_object();

		co_json_set(lo, "exercise", co_json_str(l->exercise));
		co_json_set(lo, "load", co_json_num(l->load));
		co_json_set(lo, "form", co_json_str(lift_form_name(l->form)));
		co_json_set(lo, "reps", l->form == CO_LIFT_SET ? json_integer(l->reps) : json_null());
		co_json_set(lo, "rpe", l->form == CO_LIFT_SET ? co_json_num(l->rpe) : json_null());
		json_array_append_new(lifts, lo);
	}
	co_json_set(o, "lifts", lifts);
	for (size_t i = 0; i < p->n_niggles; i++) {
		json_t *no = json_object();

		co_json_set(no, "site", co_json_str(p->niggles[i].site));
		co_json_set(no, "spares", bit_words(p->niggles[i].regions, CO_REGION_COUNT, true));
		json_array_append_new(niggles, no);
	}
	co_json_set(o, "niggles", niggles);
	return o;
}

int co_profile_check_to_json(char **out, const co_profile *p, const char *error)
{
	json_t *root = json_object();

	co_json_set(root, "version", json_integer(CO_PLAN_JSON_VERSION));
	co_json_set(root, "ok", json_boolean(p != NULL));
	co_json_set(root, "file", p ? co_json_str(p->source) : json_null());
	co_json_set(root, "error", p ? json_null() : co_json_str(error ? error : "invalid profile"));
	co_json_set(root, "profile", p ? profile_json(p) : json_null());
	return co_json_finish(out, root, CO_JSON_DOC_FLAGS, "\n", "the profile check");
}

int co_athletes_to_json(char **out, const co_json_athlete *list, size_t n)
{
	json_t *items = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		co_json_set(o, "name", co_json_str(list[i].name));
		co_json_set(o, "current", json_boolean(list[i].current));
		co_json_set(o, "profile_version", list[i].profile_version > 0 ?
			    json_integer(list[i].profile_version) : json_null());
		co_json_set(o, "profile_source", co_json_str(list[i].profile_source));
		json_array_append_new(items, o);
	}
	return co_json_finish_lines(out, items, CO_JSON_LINE_FLAGS, "  ", "the athletes");
}

static json_t *rule_json(const co_method_rule *r)
{
	json_t *o = json_object();

	co_json_set(o, "id", co_json_str(r->id));
	co_json_set(o, "title", co_json_str(r->title));
	co_json_set(o, "text", co_json_str(r->text));
	return o;
}

int co_rules_to_json(char **out, const co_method_rule *rules, size_t n, bool one)
{
	json_t *root;

	if (one)
		return co_json_finish(out, rule_json(rules), CO_JSON_DOC_FLAGS, "\n", "the rule");
	root = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(root, rule_json(&rules[i]));
	return co_json_finish(out, root, CO_JSON_DOC_FLAGS, "\n", "the rules");
}
