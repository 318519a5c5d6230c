/*
 * Plan versions (METHOD E4: changes ripple forward, logged history never
 * changes): each time the current athlete's plan is built from inputs that
 * differ from the last stored version's (the profile, the running calendar,
 * the history), the plan is kept as a new version that governs from today
 * (co_app_today(), never the engine's business), with its days from today
 * on as `session DATE --json` writes them (compact: no whitespace between
 * tokens). The days before today stay with
 * the versions that governed them.
 *
 * The inputs' hash: SHA-256 of the stored profile's content hash, then the
 * raw values of each dated run and race of the calendar and of each history
 * entry, in the order the planner is given them (no text formatting: 10,000
 * sets would cost more to print than to plan). Cost: linear in the calendar and the
 * history, and one JSON day per planned day from today on.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/json.h"
#include "carryover/store.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* A number or a string (with its NUL) as raw bytes: no formatting, the hash is of the values. */
#define ADD(sb, v) co_strbuf_add((sb), &(v), sizeof(v))

static void add_str(co_strbuf *sb, const char *s)
{
	co_strbuf_add(sb, s ? s : "", s ? strlen(s) + 1 : 1);
}

void co_app_plan_inputs(co_strbuf *sb, const co_calendar *cal, const co_history *h)
{
	for (size_t i = 0; cal && i < cal->n_runs; i++) {
		const co_run *r = &cal->runs[i];

		co_strbuf_addch(sb, 'r');
		ADD(sb, r->date);
		ADD(sb, r->type);
		ADD(sb, r->minutes);
		ADD(sb, r->distance_km);
		ADD(sb, r->rpe);
	}
	for (size_t i = 0; cal && i < cal->n_races; i++) {
		const co_race *r = &cal->races[i];

		co_strbuf_addch(sb, 'R');
		ADD(sb, r->date);
		ADD(sb, r->distance_km);
		ADD(sb, r->priority);
		add_str(sb, r->name);
	}
	if (!h)
		return;
	for (size_t i = 0; i < h->n_sets; i++) {
		const co_logged_set *s = &h->sets[i];

		co_strbuf_addch(sb, 's');
		ADD(sb, s->date);
		add_str(sb, s->exercise);
		ADD(sb, s->reps);
		ADD(sb, s->seconds);
		ADD(sb, s->load);
		ADD(sb, s->rpe);
	}
	for (size_t i = 0; i < h->n_sessions; i++) {
		const co_logged_session *s = &h->sessions[i];

		co_strbuf_addch(sb, 'S');
		ADD(sb, s->date);
		add_str(sb, s->uid);
		ADD(sb, s->minutes);
		ADD(sb, s->rpe);
		ADD(sb, s->skipped);
		ADD(sb, s->as_planned);
	}
	for (size_t i = 0; i < h->n_niggles; i++) {
		const co_niggle_log *n = &h->niggles[i];

		co_strbuf_addch(sb, 'n');
		add_str(sb, n->site);
		ADD(sb, n->severity);
		ADD(sb, n->active_from);
		ADD(sb, n->cleared_on);
	}
	for (size_t i = 0; i < h->n_tests; i++) {
		const co_test_result *t = &h->tests[i];

		co_strbuf_addch(sb, 't');
		ADD(sb, t->date);
		ADD(sb, t->kind);
		add_str(sb, t->exercise);
		ADD(sb, t->value);
		ADD(sb, t->side);
		ADD(sb, t->grade);
		ADD(sb, t->reps);
	}
	for (size_t i = 0; i < h->n_runs; i++) {
		const co_logged_run *r = &h->runs[i];

		co_strbuf_addch(sb, 'u');
		ADD(sb, r->date);
		ADD(sb, r->type);
		ADD(sb, r->minutes);
		ADD(sb, r->distance_km);
		ADD(sb, r->rpe);
		ADD(sb, r->avg_hr);
		ADD(sb, r->max_hr);
	}
}

/* The JSON without the whitespace between its tokens (strings kept as they are): a day is stored compact. */
static void json_compact(char *j)
{
	char *w = j;
	bool in_str = false, esc = false;

	for (const char *r = j; *r; r++) {
		if (in_str) {
			*w++ = *r;
			if (esc)
				esc = false;
			else if (*r == '\\')
				esc = true;
			else if (*r == '"')
				in_str = false;
		} else if (*r == '"') {
			in_str = true;
			*w++ = *r;
		} else if (*r != ' ' && *r != '\n' && *r != '\t' && *r != '\r') {
			*w++ = *r;
		}
	}
	*w = 0;
}

int co_app_plan_version_keep(co_app *app, const co_plan *plan, const void *inputs, size_t len,
			     int *out_version)
{
	co_store_athlete a = {0};
	co_store_planned_day *days = NULL;
	char **json = NULL;
	size_t n = 0, cap = 0, cap_json = 0;
	co_date today = co_app_today(app);
	co_store *store;
	co_strbuf sb = CO_STRBUF_INIT;
	char hash[65];
	int rc;

	if (out_version)
		*out_version = 0;
	if ((rc = co_app_store(&store, app)) < 0 || (rc = co_app_athlete(&a, app)) < 0)
		goto done;
	add_str(&sb, a.profile_hash);
	if (inputs && len)
		co_strbuf_add(&sb, inputs, len);
	co_sha256_hex(hash, sb.buf ? sb.buf : "", sb.len);
	for (size_t w = 0; w < plan->n_weeks; w++)
		for (size_t i = 0; i < plan->weeks[w].n_sessions; i++) {
			const co_session *s = &plan->weeks[w].sessions[i];

			if (s->date < today)
				continue;
			if (n && days[n - 1].date == s->date) { /* two sessions a day: one row */
				days[n - 1].minutes += s->minutes;
				continue;
			}
			CO_VEC_GROW(json, n + 1, cap_json);
			json[n] = NULL;
			if ((rc = co_day_to_json(&json[n], plan, s->date)) < 0) {
				n++;
				goto done;
			}
			json_compact(json[n]);
			co_store_planned_day day = {.date = s->date, .focus = co_focus_name(s->focus),
						    .minutes = s->minutes, .json = json[n]};

			*CO_VEC_PUSH(days, n, cap) = day;
		}
	rc = co_store_plan_put(out_version, store, a.id, hash, today, days, n);
done:
	for (size_t i = 0; i < n; i++)
		free(json[i]);
	free(json);
	free(days);
	co_strbuf_release(&sb);
	co_store_athlete_release(&a);
	return rc;
}

int co_app_plan_versions(co_store_plan_version **out, size_t *out_count, co_app *app)
{
	co_store_athlete a = {0};
	co_store *store;
	int rc;

	*out = NULL;
	*out_count = 0;
	if ((rc = co_app_store(&store, app)) < 0 || (rc = co_app_athlete(&a, app)) < 0)
		return rc;
	rc = co_store_plan_list(out, out_count, store, a.id);
	co_store_athlete_release(&a);
	return rc;
}
