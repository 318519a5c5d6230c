/*
 * The training log (carryover/log.h) written out: the JSON array of
 * `carryover history --json`, and the whole-log exports of
 * `carryover export json|csv` (the log plus the imported activities'
 * summaries, so nothing a user entered is trapped in the store).
 *
 * Output only, written by hand into a strbuf (jansson is json.c's alone):
 * strings are escaped per RFC 8259, numbers printed with %.15g so they
 * read back as written, an unknown number is null (JSON) or an empty cell
 * (CSV). CSV follows RFC 4180: a cell with a comma, quote or line break is
 * quoted and its quotes doubled. Each entry has `id` KIND-NUMBER, `kind`,
 * `date` and the fields of its kind; docs/cli/history.md and export.md
 * list them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/log.h"
#include "util/strbuf.h"

static const char *const kinds[CO_LOG_KIND_COUNT] = {"set", "session", "run", "niggle", "test"};

static void json_str(co_strbuf *sb, const char *s)
{
	if (!s) {
		co_strbuf_adds(sb, "null");
		return;
	}
	co_strbuf_addch(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			co_strbuf_addf(sb, "\\%c", *p);
		else if (*p == '\n')
			co_strbuf_adds(sb, "\\n");
		else if (*p == '\t')
			co_strbuf_adds(sb, "\\t");
		else if (*p == '\r')
			co_strbuf_adds(sb, "\\r");
		else if (*p < 0x20)
			co_strbuf_addf(sb, "\\u%04x", *p);
		else
			co_strbuf_addch(sb, (char)*p);
	}
	co_strbuf_addch(sb, '"');
}

static void json_num(co_strbuf *sb, double v)
{
	if (v < 0)
		co_strbuf_adds(sb, "null");
	else
		co_strbuf_addf(sb, "%.15g", v);
}

static void key(co_strbuf *sb, const char *k)
{
	co_strbuf_addf(sb, ", \"%s\": ", k);
}

static void json_entry(co_strbuf *sb, const co_log_entry *e)
{
	char day[11];

	co_strbuf_addf(sb, "{\"id\": \"%s-%lld\", \"kind\": \"%s\", \"date\": \"%s\"",
		       kinds[e->kind], (long long)e->id, kinds[e->kind], co_date_format(e->date, day));
	switch (e->kind) {
	case CO_LOG_SET:
		co_strbuf_addf(sb, ", \"session\": \"session-%lld\"", (long long)e->session_id);
		key(sb, "exercise");
		json_str(sb, e->exercise);
		co_strbuf_addf(sb, ", \"mapped\": %s, \"set\": %d", e->unmapped ? "false" : "true",
			       e->set_no);
		key(sb, "type");
		json_str(sb, e->set_type ? e->set_type : "working");
		key(sb, "load");
		json_num(sb, e->load);
		key(sb, "unit");
		json_str(sb, e->load >= 0 ? e->load_unit : NULL);
		key(sb, "reps");
		json_num(sb, e->reps);
		key(sb, "seconds");
		json_num(sb, e->seconds);
		key(sb, "rpe");
		json_num(sb, e->rpe);
		break;
	case CO_LOG_SESSION:
		key(sb, "minutes");
		json_num(sb, e->minutes);
		key(sb, "rpe");
		json_num(sb, e->rpe);
		key(sb, "status");
		json_str(sb, e->status ? e->status : "logged");
		key(sb, "planned");
		json_str(sb, e->planned_uid);
		key(sb, "title");
		json_str(sb, e->title);
		key(sb, "imported");
		co_strbuf_adds(sb, e->source_hash ? "true" : "false");
		break;
	case CO_LOG_RUN:
		key(sb, "type");
		json_str(sb, e->run_type);
		key(sb, "minutes");
		json_num(sb, e->minutes);
		key(sb, "distance_km");
		json_num(sb, e->distance_km);
		key(sb, "pace_s_per_km");
		json_num(sb, e->minutes > 0 && e->distance_km > 0
				     ? (double)(long)(e->minutes * 60 / e->distance_km + 0.5) : -1);
		key(sb, "rpe");
		json_num(sb, e->rpe);
		key(sb, "avg_hr");
		json_num(sb, e->avg_hr);
		key(sb, "activity");
		if (e->activity_id > 0)
			co_strbuf_addf(sb, "%lld", (long long)e->activity_id);
		else
			co_strbuf_adds(sb, "null");
		break;
	case CO_LOG_NIGGLE:
		key(sb, "site");
		json_str(sb, e->site);
		co_strbuf_addf(sb, ", \"severity\": %d", e->severity);
		key(sb, "cleared");
		json_str(sb, e->resolved ? co_date_format(e->resolved, day) : NULL);
		break;
	case CO_LOG_TEST:
		key(sb, "test");
		json_str(sb, e->test_kind);
		key(sb, "side");
		json_str(sb, e->side);
		key(sb, "value");
		co_strbuf_addf(sb, "%.15g", e->value);
		key(sb, "unit");
		json_str(sb, e->unit);
		key(sb, "control");
		json_str(sb, e->grade);
		key(sb, "exercise");
		json_str(sb, e->test_exercise);
		key(sb, "reps");
		json_num(sb, e->test_reps);
		break;
	default:
		break;
	}
	key(sb, "note");
	json_str(sb, e->notes);
	co_strbuf_addch(sb, '}');
}

static void log_json_append(co_strbuf *sb, const co_log_entry *entries, size_t n)
{
	co_strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		co_strbuf_adds(sb, i ? ",\n  " : "\n  ");
		json_entry(sb, &entries[i]);
	}
	co_strbuf_adds(sb, n ? "\n]" : "]");
}

int co_log_to_json(char **out, const co_log_entry *entries, size_t n)
{
	co_strbuf sb = CO_STRBUF_INIT;

	log_json_append(&sb, entries, n);
	co_strbuf_addch(&sb, '\n');
	*out = co_strbuf_detach(&sb);
	return CO_OK;
}

/* --- CSV --------------------------------------------------------------------- */

static const char *const csv_columns[] = {
	"id", "kind", "date", "session", "exercise", "mapped", "set", "set_type", "load",
	"unit", "reps", "seconds", "rpe", "minutes", "distance_km", "avg_hr", "run_type",
	"status", "planned", "title", "site", "severity", "cleared", "test", "side", "value",
	"control", "activity", "source", "note", NULL,
};

enum { C_ID, C_KIND, C_DATE, C_SESSION, C_EXERCISE, C_MAPPED, C_SET, C_SET_TYPE, C_LOAD,
       C_UNIT, C_REPS, C_SECONDS, C_RPE, C_MINUTES, C_KM, C_HR, C_RUN_TYPE, C_STATUS,
       C_PLANNED, C_TITLE, C_SITE, C_SEVERITY, C_CLEARED, C_TEST, C_SIDE, C_VALUE,
       C_CONTROL, C_ACTIVITY, C_SOURCE, C_NOTE, C_COUNT };

typedef struct row {
	char *cell[C_COUNT];
} row;

static void set_cell(row *r, int c, const char *text)
{
	free(r->cell[c]);
	r->cell[c] = text ? co_xstrdup(text) : NULL;
}

static void set_num(row *r, int c, double v)
{
	char buf[40];

	if (v < 0)
		return;
	snprintf(buf, sizeof(buf), "%.15g", v);
	set_cell(r, c, buf);
}

static void csv_cell(co_strbuf *sb, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		co_strbuf_adds(sb, s);
		return;
	}
	co_strbuf_addch(sb, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			co_strbuf_addch(sb, '"');
		co_strbuf_addch(sb, *p);
	}
	co_strbuf_addch(sb, '"');
}

static void row_flush(co_strbuf *sb, row *r)
{
	for (int c = 0; c < C_COUNT; c++) {
		if (c)
			co_strbuf_addch(sb, ',');
		csv_cell(sb, r->cell[c]);
		free(r->cell[c]);
		r->cell[c] = NULL;
	}
	co_strbuf_adds(sb, "\r\n");
}

static void csv_entry(co_strbuf *sb, const co_log_entry *e)
{
	row r = {{0}};
	char buf[64], day[11];

	snprintf(buf, sizeof(buf), "%s-%lld", kinds[e->kind], (long long)e->id);
	set_cell(&r, C_ID, buf);
	set_cell(&r, C_KIND, kinds[e->kind]);
	set_cell(&r, C_DATE, co_date_format(e->date, day));
	set_cell(&r, C_NOTE, e->notes);
	set_num(&r, C_RPE, e->rpe);
	set_num(&r, C_MINUTES, e->minutes);
	switch (e->kind) {
	case CO_LOG_SET:
		snprintf(buf, sizeof(buf), "session-%lld", (long long)e->session_id);
		set_cell(&r, C_SESSION, buf);
		set_cell(&r, C_EXERCISE, e->exercise);
		set_cell(&r, C_MAPPED, e->unmapped ? "no" : "yes");
		set_num(&r, C_SET, e->set_no);
		set_cell(&r, C_SET_TYPE, e->set_type ? e->set_type : "working");
		set_num(&r, C_LOAD, e->load);
		if (e->load >= 0)
			set_cell(&r, C_UNIT, e->load_unit);
		set_num(&r, C_REPS, e->reps);
		set_num(&r, C_SECONDS, e->seconds);
		break;
	case CO_LOG_SESSION:
		set_cell(&r, C_STATUS, e->status ? e->status : "logged");
		set_cell(&r, C_PLANNED, e->planned_uid);
		set_cell(&r, C_TITLE, e->title);
		break;
	case CO_LOG_RUN:
		set_cell(&r, C_RUN_TYPE, e->run_type);
		set_num(&r, C_KM, e->distance_km);
		set_num(&r, C_HR, e->avg_hr);
		if (e->activity_id > 0)
			set_num(&r, C_ACTIVITY, (double)e->activity_id);
		break;
	case CO_LOG_NIGGLE:
		set_cell(&r, C_SITE, e->site);
		set_num(&r, C_SEVERITY, e->severity);
		if (e->resolved)
			set_cell(&r, C_CLEARED, co_date_format(e->resolved, day));
		break;
	case CO_LOG_TEST:
		set_cell(&r, C_TEST, e->test_kind);
		set_cell(&r, C_SIDE, e->side);
		set_num(&r, C_VALUE, e->value);
		set_cell(&r, C_UNIT, e->unit);
		set_cell(&r, C_CONTROL, e->grade);
		set_cell(&r, C_EXERCISE, e->test_exercise);
		set_num(&r, C_REPS, e->test_reps);
		break;
	default:
		break;
	}
	row_flush(sb, &r);
}

int co_log_export_csv(char **out, const co_log_entry *entries, size_t n,
		      const co_log_activity *acts, size_t nacts)
{
	co_strbuf sb = CO_STRBUF_INIT;

	for (int c = 0; csv_columns[c]; c++)
		co_strbuf_addf(&sb, "%s%s", c ? "," : "", csv_columns[c]);
	co_strbuf_adds(&sb, "\r\n");
	for (size_t i = 0; i < n; i++)
		csv_entry(&sb, &entries[i]);
	for (size_t i = 0; i < nacts; i++) {
		const co_log_activity *a = &acts[i];
		row r = {{0}};
		char buf[64], day[11];

		snprintf(buf, sizeof(buf), "activity-%lld", (long long)a->id);
		set_cell(&r, C_ID, buf);
		set_cell(&r, C_KIND, "activity");
		set_cell(&r, C_DATE, co_date_format(a->date, day));
		set_cell(&r, C_RUN_TYPE, a->type);
		set_cell(&r, C_TITLE, a->sport);
		set_num(&r, C_MINUTES, a->minutes);
		set_num(&r, C_KM, a->distance_km);
		set_num(&r, C_HR, a->avg_hr);
		set_num(&r, C_RPE, a->rpe);
		set_num(&r, C_ACTIVITY, (double)a->id);
		set_cell(&r, C_SOURCE, a->source);
		row_flush(&sb, &r);
	}
	*out = co_strbuf_detach(&sb);
	return CO_OK;
}

int co_log_export_json(char **out, const co_log_entry *entries, size_t n,
		       const char *activities_json)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_strbuf_adds(&sb, "{\"format\": \"carryover-log\", \"version\": 1,\n\"log\": ");
	log_json_append(&sb, entries, n);
	co_strbuf_adds(&sb, ",\n\"activities\": ");
	if (activities_json && *activities_json) {
		size_t len = strlen(activities_json);

		while (len && (activities_json[len - 1] == '\n' || activities_json[len - 1] == ' '))
			len--;
		co_strbuf_add(&sb, activities_json, len);
	} else {
		co_strbuf_adds(&sb, "[]");
	}
	co_strbuf_adds(&sb, "\n}\n");
	*out = co_strbuf_detach(&sb);
	return CO_OK;
}
