/*
 * The training log (carryover/log.h) as JSON: the array of `carryover
 * history --json` (docs/cli/history.md), one entry a line, and the whole
 * log of `carryover export json` (docs/cli/export.md): the log and the
 * imported activities' summaries under one object, so nothing a user
 * entered is trapped in the store.
 *
 * Each entry has `id` KIND-NUMBER, `kind`, `date`, the fields of its kind
 * and `note`; an unknown number is null. Numbers keep 15 significant digits
 * (what was typed reads back as typed) and whole numbers are integers.
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/log.h"
#include "formats/json_int.h"
#include "util/strbuf.h"

#define LOG_FLAGS (CO_JSON_LINE_FLAGS | JSON_REAL_PRECISION(15))

/* A number as typed (15 significant digits), or null when unknown (< 0). */
static json_t *amount(double v)
{
	return co_json_amount(v, 15);
}

static json_t *entry_json(const co_log_entry *e)
{
	json_t *o = json_object();
	char buf[64];

	co_log_id_format(e->kind, e->id, buf, sizeof(buf));
	co_json_set(o, "id", co_json_str(buf));
	co_json_set(o, "kind", co_json_str(co_log_kind_name(e->kind)));
	co_json_set(o, "date", co_json_date(e->date));
	switch (e->kind) {
	case CO_LOG_SET:
		co_log_id_format(CO_LOG_SESSION, e->session_id, buf, sizeof(buf));
		co_json_set(o, "session", co_json_str(buf));
		co_json_set(o, "exercise", co_json_str(e->exercise));
		co_json_set(o, "mapped", json_boolean(!e->unmapped));
		co_json_set(o, "set", json_integer(e->set_no));
		co_json_set(o, "type", co_json_str(e->set_type ? e->set_type : "working"));
		co_json_set(o, "load", amount(e->load));
		co_json_set(o, "unit", co_json_str(e->load >= 0 ? e->load_unit : NULL));
		co_json_set(o, "reps", amount(e->reps));
		co_json_set(o, "seconds", amount(e->seconds));
		co_json_set(o, "rpe", amount(e->rpe));
		break;
	case CO_LOG_SESSION:
		co_json_set(o, "minutes", amount(e->minutes));
		co_json_set(o, "rpe", amount(e->rpe));
		co_json_set(o, "status", co_json_str(e->status ? e->status : "logged"));
		co_json_set(o, "planned", co_json_str(e->planned_uid));
		co_json_set(o, "title", co_json_str(e->title));
		co_json_set(o, "imported", json_boolean(e->source_hash != NULL));
		break;
	case CO_LOG_RUN:
		co_json_set(o, "type", co_json_str(e->run_type));
		co_json_set(o, "minutes", amount(e->minutes));
		co_json_set(o, "distance_km", amount(e->distance_km));
		co_json_set(o, "pace_s_per_km",
			    amount(e->minutes > 0 && e->distance_km > 0
					   ? (double)(long)(e->minutes * 60 / e->distance_km + 0.5) : -1));
		co_json_set(o, "rpe", amount(e->rpe));
		co_json_set(o, "avg_hr", amount(e->avg_hr));
		co_json_set(o, "activity", e->activity_id > 0 ? json_integer(e->activity_id) : json_null());
		break;
	case CO_LOG_NIGGLE:
		co_json_set(o, "site", co_json_str(e->site));
		co_json_set(o, "severity", json_integer(e->severity));
		co_json_set(o, "cleared", e->resolved ? co_json_date(e->resolved) : json_null());
		break;
	case CO_LOG_TEST:
		co_json_set(o, "test", co_json_str(e->test_kind));
		co_json_set(o, "side", co_json_str(e->side));
		co_json_set(o, "value", co_json_sig(e->value, 15));
		co_json_set(o, "unit", co_json_str(e->unit));
		co_json_set(o, "control", co_json_str(e->grade));
		co_json_set(o, "exercise", co_json_str(e->test_exercise));
		co_json_set(o, "reps", amount(e->test_reps));
		break;
	default:
		break;
	}
	co_json_set(o, "note", co_json_str(e->notes));
	return o;
}

int co_log_to_json(char **out, const co_log_entry *entries, size_t n)
{
	json_t *items = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, entry_json(&entries[i]));
	return co_json_finish_lines(out, items, LOG_FLAGS, "  ", "the log");
}

int co_log_export_json(char **out, const co_log_entry *entries, size_t n,
		       const char *activities_json)
{
	co_strbuf sb = CO_STRBUF_INIT;
	char *log = NULL;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = co_log_to_json(&log, entries, n)) < 0)
		return rc;
	/*
	 * The two lists keep their one-entry-a-line form inside the object, so
	 * the export reads like `history --json` and `activities --json`; both
	 * are JSON already, written by this module.
	 */
	co_strbuf_adds(&sb, "{\"format\": \"carryover-log\", \"version\": 1,\n\"log\": ");
	len = strlen(log);
	while (len && log[len - 1] == '\n')
		len--;
	co_strbuf_add(&sb, log, len);
	co_strbuf_adds(&sb, ",\n\"activities\": ");
	if (activities_json && *activities_json) {
		len = strlen(activities_json);
		while (len && (activities_json[len - 1] == '\n' || activities_json[len - 1] == ' '))
			len--;
		co_strbuf_add(&sb, activities_json, len);
	} else {
		co_strbuf_adds(&sb, "[]");
	}
	co_strbuf_adds(&sb, "\n}\n");
	free(log);
	*out = co_strbuf_detach(&sb);
	return CO_OK;
}
