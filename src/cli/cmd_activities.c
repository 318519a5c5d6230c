/*
 * carryover activities: what `carryover import` stored.
 *
 *   carryover activities [--since DATE] [--until DATE] [--json]
 *   carryover activities delete ID
 *
 * Lists the activities of --athlete NAME or of the current athlete (every
 * activity when the store has no current athlete), oldest first, as a table
 * or as the JSON array of docs/cli/import.md, one row at a time from the
 * store (co_app_activities_each), so memory does not grow with the store.
 * Dates are local dates of the start; a reversed range is bad usage. The
 * hidden --check decodes every stored stream and exits 1 when one is
 * damaged (used by tests/import_fault.sh). `delete ID` removes one wrongly
 * imported activity in one transaction.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/import.h"
#include "cli/cli.h"
#include "cli/opt.h"

static const char *since_text, *until_text;
static bool json, check;

static const co_opt activities_opts[] = {
	{CO_OPT_VALUE, "since", 0, &since_text, "DATE", "only activities on or after DATE"},
	{CO_OPT_VALUE, "until", 0, &until_text, "DATE", "only activities on or before DATE"},
	{CO_OPT_FLAG, "json", 0, &json, NULL, "the JSON array of docs/cli/import.md"},
	{CO_OPT_FLAG, "check", 0, &check, NULL, NULL}, /* hidden: tests/import_fault.sh */
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover activities [--since DATE] [--until DATE] [--json]\n"
	      "       carryover activities delete ID\n\n"
	      "List the imported activities of the athlete, oldest first: local date and\n"
	      "start time, sport, guessed run type, distance, duration, pace, average\n"
	      "heart rate and the file it came from. DATE is YYYY-MM-DD, today, yesterday,\n"
	      "-N days or a weekday (the last such day); --since after --until is refused.\n\n"
	      "'delete ID' removes one wrongly imported activity (ID is the first\n"
	      "column, \"id\" in --json); importing its file again stores it again.\n\n", f);
	co_opt_help(f, activities_opts);
}

static void fmt_duration(char *buf, size_t n, double s)
{
	long t;

	if (s < 0) {
		snprintf(buf, n, "-");
		return;
	}
	t = (long)(s + 0.5);
	snprintf(buf, n, "%ld:%02d:%02d", t / 3600, (int)(t / 60 % 60), (int)(t % 60));
}

/* Pace per `unit_m` metres (1000: min/km, 1609.344: min/mile). */
static void fmt_pace(char *buf, size_t n, double secs, double metres, double unit_m)
{
	long p;

	if (secs <= 0 || metres < 100) {
		snprintf(buf, n, "-");
		return;
	}
	p = (long)(secs / (metres / unit_m) + 0.5);
	if (p >= 3600)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%d:%02d", (int)(p / 60), (int)(p % 60));
}

/* The guessed type from summary_json ("easy", ...), or "-". */
static void summary_type(char *buf, size_t n, const char *summary)
{
	if (!co_json_string_member(buf, n, summary, "type") || !*buf)
		snprintf(buf, n, "-");
}

static void print_row(const co_store_activity_row *r, double unit_m)
{
	char day[11], iso[32], dur[48], pace[48], type[24], km[48], hr[16];
	double secs = r->moving_s > 0 ? r->moving_s : r->elapsed_s;

	co_import_iso_utc(r->start_utc + r->utc_offset_s, iso);
	fmt_duration(dur, sizeof(dur), r->elapsed_s);
	fmt_pace(pace, sizeof(pace), secs, r->distance_m, unit_m);
	summary_type(type, sizeof(type), r->summary_json);
	if (r->distance_m >= 0)
		snprintf(km, sizeof(km), "%.2f", r->distance_m / unit_m);
	else
		snprintf(km, sizeof(km), "-");
	if (r->avg_hr > 0)
		snprintf(hr, sizeof(hr), "%d", r->avg_hr);
	else
		snprintf(hr, sizeof(hr), "-");
	printf("%5lld  %-10s  %.5s  %-10s  %-9s  %7s  %8s  %6s  %3s  %s\n", (long long)r->id,
	       co_date_format(r->local_date, day), iso + 11, r->sport, type, km, dur,
	       pace, hr, r->source);
}

/* What the walk over the rows prints and counts. */
typedef struct lister {
	co_distance_units units; /* the athlete's distance_units (issue 9.17) */
	size_t n;            /* rows seen */
	size_t bad, samples; /* --check */
} lister;

static int list_row(void *ctx, const co_store_activity_row *r)
{
	lister *l = ctx;
	char *text = NULL;
	int rc;

	if (check) {
		co_sample *s = NULL;
		size_t k = 0;

		if (r->stream && co_stream_decode(&s, &k, r->stream, r->stream_len) < 0) {
			fprintf(stderr, "carryover: activity #%lld ('%s'): %s\n",
				(long long)r->id, r->source, co_error_last());
			l->bad++;
		}
		l->samples += k;
		free(s);
	} else if (json) {
		/* one element at a time: the shape of co_activities_to_json() */
		if ((rc = co_activity_row_to_json(&text, r)) < 0)
			return rc;
		printf("%s %s", l->n ? ",\n" : "\n", text);
		free(text);
	} else {
		if (!l->n)
			printf("%5s  %-10s  %-5s  %-10s  %-9s  %7s  %8s  %6s  %3s  %s\n", "id", "date",
			       "start", "sport", "type", co_distance_units_name(l->units), "time",
			       "pace", "HR", "source");
		print_row(r, l->units == CO_DIST_MI ? CO_KM_PER_MILE * 1000 : 1000);
	}
	l->n++;
	return 0;
}

static int delete_one(co_cli *cli, const char *id_text)
{
	co_store_activity_row row = CO_STORE_ACTIVITY_ROW_INIT;
	co_app *app = NULL;
	char *end, day[11];
	long long id;
	int rc, err;

	errno = 0;
	id = strtoll(id_text, &end, 10);
	if (!*id_text || *end || id < 1 || errno)
		return co_cli_usage_error("activities delete: expected an activity id as "
					  "'carryover activities' shows it, got '%s'", id_text);
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		return rc;
	if ((err = co_app_activity_delete(&row, app, (int64_t)id)) < 0)
		return co_cli_fail(err);
	printf("deleted activity #%lld: %s %s", id, co_date_format(row.local_date, day),
	       row.sport);
	if (row.distance_m >= 0)
		printf(" %.2f km", row.distance_m / 1000);
	printf(" from '%s' (importing that file again stores it again)\n", row.source);
	co_store_activity_row_release(&row);
	return CO_EXIT_OK;
}

/* The athlete's distance_units, from the stored profile; km when there is none. */
static co_distance_units distance_units(co_app *app)
{
	co_profile *p = NULL;
	co_distance_units u = CO_DIST_KM;

	if (co_app_profile_read(&p, app, NULL) == CO_OK)
		u = p->distance_units;
	else
		co_error_clear();
	co_profile_free(p);
	return u;
}

int cmd_activities(co_cli *cli, int argc, char **argv)
{
	co_date since = CO_STORE_NO_DATE, until = CO_STORE_NO_DATE;
	const co_opt_parser ps = {"activities", activities_opts, NULL, usage, false};
	co_opt_list operands = {0};
	co_app *app = NULL;
	lister l = {0};
	size_t stored = 0;
	char range[64];
	int rc = CO_EXIT_OK, err;

	since_text = until_text = NULL;
	json = check = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n) {
		if (strcmp(operands.items[0], "delete")) {
			usage(stderr);
			rc = co_cli_usage_error("activities: unknown subcommand '%s' (expected "
						"'delete ID')", operands.items[0]);
		} else if (operands.n != 2) {
			usage(stderr);
			rc = co_cli_usage_error(operands.n < 2 ? "activities delete: missing ID"
							       : "activities delete: one ID at a time");
		} else if (since_text || until_text || json) {
			rc = co_cli_usage_error("activities delete: takes no --since, --until or --json");
		} else {
			rc = delete_one(cli, operands.items[1]);
		}
		goto done;
	}
	if ((rc = co_cli_date_range(&since, &until, since_text, until_text)) != CO_EXIT_OK)
		goto done;
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	l.units = distance_units(app);
	if (json && !check)
		putchar('[');
	err = co_app_activities_each(app, since, until, check, list_row, &l, &stored);
	if (err < 0) {
		if (json && !check)
			putchar('\n');
		rc = co_cli_fail(err);
		goto done;
	}
	if (check) {
		printf("%zu activities, %zu samples, %zu damaged streams\n", l.n, l.samples, l.bad);
		rc = l.bad ? CO_EXIT_PROBLEM : CO_EXIT_OK;
	} else if (json) {
		fputs(l.n ? "\n]\n" : "]\n", stdout);
	} else if (!l.n && !stored) {
		puts("no activities yet: 'carryover import PATH...' brings them in");
	} else if (!l.n) {
		co_cli_range_words(range, sizeof(range), since, until);
		printf("no activities%s (%zu stored)\n", range, stored);
	}
done:
	co_opt_list_release(&operands);
	return rc;
}
