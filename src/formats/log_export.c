/*
 * The training log (carryover/log.h) as CSV: `carryover export csv`, the
 * whole log plus the imported activities' summaries, so nothing a user
 * entered is trapped in the store (the JSON forms are json_log.c's).
 *
 * Numbers are printed with %.15g so they read back as written; an unknown
 * number is an empty cell. CSV follows RFC 4180: a cell with a comma, quote
 * or line break is quoted and its quotes doubled. Each row has `id`
 * KIND-NUMBER, `kind`, `date` and the fields of its kind;
 * docs/cli/export.md lists them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/log.h"
#include "util/strbuf.h"

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

	co_log_id_format(e->kind, e->id, buf, sizeof(buf));
	set_cell(&r, C_ID, buf);
	set_cell(&r, C_KIND, co_log_kind_name(e->kind));
	set_cell(&r, C_DATE, co_date_format(e->date, day));
	set_cell(&r, C_NOTE, e->notes);
	set_num(&r, C_RPE, e->rpe);
	set_num(&r, C_MINUTES, e->minutes);
	switch (e->kind) {
	case CO_LOG_SET:
		co_log_id_format(CO_LOG_SESSION, e->session_id, buf, sizeof(buf));
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
