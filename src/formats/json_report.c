/*
 * The small JSON documents of `check --json` and `profile check --json`
 * (include/carryover/json.h; shapes in docs/cli/check.md and
 * docs/cli/profile.md).
 *
 * They are written here by hand, not with jansson: only json.c includes
 * jansson (DESIGN.md), and json.c is at its size limit. What they need is
 * little: objects, arrays, strings (escaped as RFC 8259 says, UTF-8 passed
 * through), integers, numbers, booleans and null, indented by two spaces
 * with one member per line as the plan JSON is. A writer keeps its depth
 * and whether the current container already has a member.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "carryover/check.h"
#include "carryover/error.h"
#include "carryover/json.h"
#include "util/strbuf.h"

typedef struct jw {
	co_strbuf sb;
	int depth;
	bool first; /* no member yet in the open container */
} jw;

static void newline(jw *w)
{
	co_strbuf_addch(&w->sb, '\n');
	for (int i = 0; i < w->depth; i++)
		co_strbuf_adds(&w->sb, "  ");
}

static void str(jw *w, const char *s)
{
	co_strbuf_addch(&w->sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			co_strbuf_addch(&w->sb, '\\');
			co_strbuf_addch(&w->sb, (char)*p);
		} else if (*p == '\n') {
			co_strbuf_adds(&w->sb, "\\n");
		} else if (*p == '\t') {
			co_strbuf_adds(&w->sb, "\\t");
		} else if (*p < 0x20 || *p == 0x7f) {
			co_strbuf_addf(&w->sb, "\\u%04x", *p);
		} else {
			co_strbuf_addch(&w->sb, (char)*p);
		}
	}
	co_strbuf_addch(&w->sb, '"');
}

/* Start a member (key may be NULL inside an array). */
static void member(jw *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->first)
			co_strbuf_addch(&w->sb, ',');
		newline(w);
	}
	w->first = false;
	if (key) {
		str(w, key);
		co_strbuf_adds(&w->sb, ": ");
	}
}

static void open_(jw *w, const char *key, char c)
{
	member(w, key);
	co_strbuf_addch(&w->sb, c);
	w->depth++;
	w->first = true;
}

static void close_(jw *w, char c)
{
	w->depth--;
	if (!w->first)
		newline(w);
	co_strbuf_addch(&w->sb, c);
	w->first = false;
}

static void kstr(jw *w, const char *key, const char *v)
{
	member(w, key);
	if (v)
		str(w, v);
	else
		co_strbuf_adds(&w->sb, "null");
}

static void kint(jw *w, const char *key, long long v)
{
	member(w, key);
	co_strbuf_addf(&w->sb, "%lld", v);
}

/* As the plan JSON writes numbers: whole ones as integers, others to 3 places. */
static void knum(jw *w, const char *key, double v)
{
	member(w, key);
	if (!isfinite(v))
		co_strbuf_adds(&w->sb, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		co_strbuf_addf(&w->sb, "%.0f", v);
	else
		co_strbuf_addf(&w->sb, "%.12g", round(v * 1000) / 1000);
}

static void kbool(jw *w, const char *key, bool v)
{
	member(w, key);
	co_strbuf_adds(&w->sb, v ? "true" : "false");
}

static void knull(jw *w, const char *key)
{
	member(w, key);
	co_strbuf_adds(&w->sb, "null");
}

static void kdate(jw *w, const char *key, co_date d)
{
	char buf[11];

	kstr(w, key, co_date_format(d, buf));
}

static int done(char **out, jw *w)
{
	co_strbuf_addch(&w->sb, '\n');
	*out = co_strbuf_detach(&w->sb);
	return CO_OK;
}

int co_check_result_to_json(char **out, const co_check_result *r)
{
	jw w = {CO_STRBUF_INIT, 0, true};

	open_(&w, NULL, '{');
	kint(&w, "version", CO_PLAN_JSON_VERSION);
	open_(&w, "checked", '[');
	for (size_t i = 0; i < r->n_checked; i++)
		kstr(&w, NULL, r->checked[i]);
	close_(&w, ']');
	open_(&w, "skipped", '[');
	for (size_t i = 0; i < r->n_skipped; i++) {
		open_(&w, NULL, '{');
		kstr(&w, "rule", r->skipped[i].rule);
		kbool(&w, "partial", r->skipped[i].partial);
		kstr(&w, "reason", r->skipped[i].reason);
		close_(&w, '}');
	}
	close_(&w, ']');
	open_(&w, "violations", '[');
	for (size_t i = 0; i < r->n_violations; i++) {
		const co_violation *v = &r->violations[i];

		open_(&w, NULL, '{');
		kstr(&w, "rule", v->rule);
		kdate(&w, "date", v->date);
		kstr(&w, "reason", v->reason);
		kbool(&w, "explained", v->explained);
		kstr(&w, "explanation", v->explanation);
		close_(&w, '}');
	}
	close_(&w, ']');
	kint(&w, "weeks", (long long)r->n_weeks);
	kint(&w, "sessions", (long long)r->n_sessions);
	kint(&w, "unexplained", (long long)r->n_unexplained);
	kint(&w, "explained", (long long)(r->n_violations - r->n_unexplained));
	close_(&w, '}');
	return done(out, &w);
}

static void bits(jw *w, const char *key, unsigned set, unsigned count, bool regions)
{
	open_(w, key, '[');
	for (unsigned i = 0; i < count; i++)
		if (set & (1u << i))
			kstr(w, NULL, regions ? co_region_name((co_region)(1u << i))
					      : co_equipment_name((co_equipment)(1u << i)));
	close_(w, ']');
}

static void profile(jw *w, const co_profile *p)
{
	open_(w, "profile", '{');
	kstr(w, "name", p->name);
	kstr(w, "level", co_level_name(p->level));
	kstr(w, "units", co_units_name(p->units));
	if (p->body_mass > 0)
		knum(w, "body_mass", p->body_mass);
	else
		knull(w, "body_mass");
	bits(w, "equipment", p->equipment, CO_EQUIP_COUNT, false);
	kint(w, "sessions_per_week", p->sessions_per_week);
	kint(w, "session_minutes", p->session_minutes);
	kbool(w, "double_days", p->double_days);
	kdate(w, "start", p->start);
	kint(w, "deload_every", p->deload_every);
	knum(w, "acwr_threshold", p->acwr_threshold);
	knum(w, "plate_step", p->plate_step);
	knum(w, "dumbbell_step", p->dumbbell_step);
	kbool(w, "plyometrics", p->plyometrics);
	kbool(w, "strides", p->strides);
	kstr(w, "runs", p->runs_file);
	open_(w, "week", '[');
	for (int d = 0; d < 7; d++) {
		open_(w, NULL, '{');
		kstr(w, "day", co_weekday_short((co_weekday)d));
		kstr(w, "type", co_run_type_name(p->week[d].type));
		kint(w, "minutes", p->week[d].minutes);
		kbool(w, "key", co_run_type_is_key(p->week[d].type));
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "races", '[');
	for (size_t i = 0; i < p->n_races; i++) {
		const co_race *r = &p->races[i];

		open_(w, NULL, '{');
		kstr(w, "name", r->name);
		kdate(w, "date", r->date);
		if (r->distance_km > 0)
			knum(w, "distance_km", r->distance_km);
		else
			knull(w, "distance_km");
		kstr(w, "priority", co_race_priority_name(r->priority));
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "lifts", '[');
	for (size_t i = 0; i < p->n_lifts; i++) {
		open_(w, NULL, '{');
		kstr(w, "exercise", p->lifts[i].exercise);
		knum(w, "load", p->lifts[i].load);
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "niggles", '[');
	for (size_t i = 0; i < p->n_niggles; i++) {
		open_(w, NULL, '{');
		kstr(w, "site", p->niggles[i].site);
		bits(w, "spares", p->niggles[i].regions, CO_REGION_COUNT, true);
		close_(w, '}');
	}
	close_(w, ']');
	close_(w, '}');
}

int co_profile_check_to_json(char **out, const co_profile *p, const char *error)
{
	jw w = {CO_STRBUF_INIT, 0, true};

	open_(&w, NULL, '{');
	kint(&w, "version", CO_PLAN_JSON_VERSION);
	kbool(&w, "ok", p != NULL);
	kstr(&w, "file", p ? p->source : NULL);
	kstr(&w, "error", p ? NULL : error ? error : "invalid profile");
	if (p)
		profile(&w, p);
	else
		knull(&w, "profile");
	close_(&w, '}');
	return done(out, &w);
}
