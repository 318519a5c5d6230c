/*
 * Imported activities as JSON (docs/cli/import.md): the laps_json and
 * summary_json stored with each row, the `activities --json` list built from
 * stored rows (which repeats markers read back from each row's summary_json
 * and embeds its laps_json), and the import summary. Compact, with a fixed
 * number of significant digits per field; in activities a null means
 * unknown (the file did not say).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/activity.h"
#include "carryover/analysis.h"
#include "carryover/error.h"
#include "carryover/import.h"
#include "carryover/json.h"
#include "formats/json_int.h"
#include "util/isotime.h"
#include "util/strbuf.h"

/* ---- writing: imported activities --------------------------------------------- */

/* Seconds per km; unknown (-1) without a distance. */
static double pace(double seconds, double metres)
{
	if (seconds <= 0 || metres < 50)
		return -1;
	return seconds / (metres / 1000.0);
}

int co_activity_laps_to_json(char **out, const co_activity *act)
{
	json_t *laps = json_array();
	char iso[32];

	for (size_t i = 0; i < act->nlaps; i++) {
		const co_lap *l = &act->laps[i];
		double secs = l->moving > 0 ? l->moving : l->elapsed;
		json_t *o = json_object();

		co_json_set(o, "start", l->start > 0 ? co_json_str(co_import_iso_utc(l->start, iso)) : json_null());
		co_json_set(o, "elapsed_s", co_json_amount(l->elapsed, 10));
		co_json_set(o, "moving_s", co_json_amount(l->moving, 10));
		co_json_set(o, "distance_m", co_json_amount(l->distance, 10));
		co_json_set(o, "avg_hr", l->avg_hr ? json_integer(l->avg_hr) : json_null());
		co_json_set(o, "max_hr", l->max_hr ? json_integer(l->max_hr) : json_null());
		co_json_set(o, "pace_s_per_km", co_json_amount(pace(secs, l->distance), 6));
		json_array_append_new(laps, o);
	}
	return co_json_finish(out, laps, ACTIVITY_FLAGS, "", "the laps");
}

int co_activity_summary_to_json(char **out, const co_activity *act,
				const co_run_markers *m)
{
	json_t *o = json_object();
	size_t hr = 0, pos = 0;

	for (size_t i = 0; i < act->nsamples; i++) {
		hr += act->samples[i].hr != 0;
		pos += act->samples[i].lat != CO_NO_POS;
	}
	co_json_set(o, "format", co_json_str(act->format));
	co_json_set(o, "type", co_json_str(co_run_type_name(m->type)));
	co_json_set(o, "type_reason", co_json_str(m->reason));
	co_json_set(o, "threshold_pace_s_per_km", m->threshold_pace > 0 ? co_json_sig(m->threshold_pace, 6) :
							      json_null());
	co_json_set(o, "threshold_vdot", m->threshold_vdot > 0 ? co_json_sig(m->threshold_vdot, 4) : json_null());
	co_json_set(o, "ef", m->ef > 0 ? co_json_sig(m->ef, 4) : json_null());
	co_json_set(o, "decoupling", m->has_decoupling ? co_json_sig(m->decoupling, 4) : json_null());
	co_json_set(o, "samples", co_json_count((long long)act->nsamples));
	co_json_set(o, "sample_stride_s", co_json_count(act->sample_stride));
	co_json_set(o, "hr_samples", co_json_count((long long)hr));
	co_json_set(o, "pos_samples", co_json_count((long long)pos));
	co_json_set(o, "sub_sport_id", co_json_count(act->sub_sport));
	co_json_set(o, "utc_offset_known", json_boolean(act->has_utc_offset));
	co_json_set(o, "truncated", json_boolean(act->truncated));
	return co_json_finish(out, o, ACTIVITY_FLAGS, "", "the activity summary");
}

/* Stored JSON text as a value: NULL gives `absent`, text that does not parse null. */
static json_t *stored(const char *text, json_t *absent)
{
	json_t *j;

	if (!text)
		return absent;
	json_decref(absent);
	j = json_loads(text, 0, NULL);
	return j ? j : json_null();
}

/* Top-level `key` of a stored summary (an object or anything else); null when absent. */
static json_t *summary_value(const json_t *summary, const char *key)
{
	json_t *v = json_object_get(summary, key);

	return v ? json_incref(v) : json_null();
}

static json_t *activity_json(const co_store_activity_row *r)
{
	json_t *o = json_object(), *summary = stored(r->summary_json, json_null());
	double secs = r->moving_s > 0 ? r->moving_s : r->elapsed_s;
	char iso[32], day[11];

	co_json_set(o, "id", json_integer(r->id));
	co_json_set(o, "start", co_json_str(co_import_iso_utc(r->start_utc, iso)));
	co_json_set(o, "local_start", co_json_str(co_iso_local(iso, r->start_utc, r->utc_offset_s)));
	co_json_set(o, "date", co_json_str(co_date_format(r->local_date, day)));
	co_json_set(o, "sport", co_json_str(r->sport));
	co_json_set(o, "sub_sport", co_json_str(r->sub_sport));
	co_json_set(o, "type", summary_value(summary, "type"));
	co_json_set(o, "duration_s", co_json_amount(r->elapsed_s, 10));
	co_json_set(o, "moving_s", co_json_amount(r->moving_s, 10));
	co_json_set(o, "distance_m", co_json_amount(r->distance_m, 10));
	co_json_set(o, "pace_s_per_km", co_json_amount(pace(secs, r->distance_m), 6));
	co_json_set(o, "avg_hr", co_json_count(r->avg_hr));
	co_json_set(o, "max_hr", co_json_count(r->max_hr));
	co_json_set(o, "ascent_m", co_json_amount(r->ascent_m, 6));
	co_json_set(o, "threshold_pace_s_per_km", summary_value(summary, "threshold_pace_s_per_km"));
	co_json_set(o, "ef", summary_value(summary, "ef"));
	co_json_set(o, "decoupling", summary_value(summary, "decoupling"));
	co_json_set(o, "device", co_json_str(r->device));
	co_json_set(o, "rpe", co_json_amount(r->rpe, 3));
	co_json_set(o, "feel", co_json_count(r->feel));
	co_json_set(o, "laps", stored(r->laps_json, json_array()));
	co_json_set(o, "source", co_json_str(r->source));
	co_json_set(o, "hash", co_json_str(r->hash));
	json_decref(summary);
	return o;
}

int co_activities_to_json(char **out, const co_store_activity_row *rows, size_t n)
{
	json_t *items = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, activity_json(&rows[i]));
	return co_json_finish_lines(out, items, ACTIVITY_FLAGS, " ", "the activities");
}

int co_import_summary_to_json(char **out, const co_import_stats *st, bool complete,
			      const co_import_reason *reasons, size_t n)
{
	json_t *o = json_object(), *list = json_array();
	char day[11];

	co_json_set(o, "complete", json_boolean(complete));
	co_json_set(o, "imported", json_integer((json_int_t)st->imported));
	co_json_set(o, "runs", json_integer((json_int_t)st->runs));
	co_json_set(o, "first_date", st->imported ? co_json_str(co_date_format(st->first_day, day)) : json_null());
	co_json_set(o, "last_date", st->imported ? co_json_str(co_date_format(st->last_day, day)) : json_null());
	co_json_set(o, "replaced", json_integer((json_int_t)st->replaced));
	co_json_set(o, "duplicates", json_integer((json_int_t)st->duplicates));
	co_json_set(o, "skipped", json_integer((json_int_t)st->skipped));
	co_json_set(o, "failed", json_integer((json_int_t)st->failed));
	co_json_set(o, "ignored", json_integer((json_int_t)st->ignored));
	co_json_set(o, "files", json_integer((json_int_t)st->files));
	co_json_set(o, "strength_sessions", json_integer((json_int_t)st->lift_sessions));
	co_json_set(o, "strength_sets", json_integer((json_int_t)st->lift_sets));
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_object();

		co_json_set(r, "outcome", co_json_str(reasons[i].outcome == CO_IMPORT_SKIPPED ? "skipped"
									       : "duplicate"));
		co_json_set(r, "reason", co_json_str(reasons[i].reason));
		co_json_set(r, "count", json_integer((json_int_t)reasons[i].count));
		json_array_append_new(list, r);
	}
	co_json_set(o, "reasons", list);
	return co_json_finish(out, o, ACTIVITY_FLAGS, "\n", "the import summary");
}

int co_activity_row_to_json(char **out, const co_store_activity_row *row)
{
	co_strbuf sb = CO_STRBUF_INIT;
	json_t *o = activity_json(row);
	int rc = o ? co_json_dump_into(&sb, o, ACTIVITY_FLAGS) : -1;

	*out = NULL;
	json_decref(o);
	if (rc < 0) {
		co_strbuf_release(&sb);
		return co_error_set(CO_ENOMEM, "out of memory writing an activity as JSON");
	}
	*out = co_strbuf_detach(&sb);
	return 0;
}
