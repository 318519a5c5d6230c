/*
 * carryover activities: what `carryover import` stored.
 *
 *   carryover activities [--since DATE] [--until DATE] [--json]
 *
 * Lists the activities of --athlete NAME or of the current athlete (every
 * activity when the store has no current athlete), oldest first, as a table
 * or as the JSON array of docs/cli/import.md. Dates are local dates of the
 * start. The hidden --check decodes every stored stream and exits 1 when
 * one is damaged (used by tests/import_fault.sh).
 */
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
	fputs("usage: carryover activities [--since DATE] [--until DATE] [--json]\n\n"
	      "List the imported activities of the athlete, oldest first: local date and\n"
	      "start time, sport, guessed run type, distance, duration, pace, average\n"
	      "heart rate and the file it came from. DATE is YYYY-MM-DD.\n\n", f);
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

/* Distances and paces in the athlete's distance_units (issue 9.17). */
static void print_table(const co_store_activity_row *rows, size_t n, co_distance_units units)
{
	double unit_m = units == CO_DIST_MI ? CO_KM_PER_MILE * 1000 : 1000;

	printf("%-10s  %-5s  %-10s  %-9s  %7s  %8s  %6s  %3s  %s\n", "date", "start", "sport",
	       "type", co_distance_units_name(units), "time", "pace", "HR", "source");
	for (size_t i = 0; i < n; i++) {
		const co_store_activity_row *r = &rows[i];
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
		printf("%-10s  %.5s  %-10s  %-9s  %7s  %8s  %6s  %3s  %s\n",
		       co_date_format(r->local_date, day), iso + 11, r->sport, type, km, dur,
		       pace, hr, r->source);
	}
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
	co_store_activity_row *rows = NULL;
	co_date since = CO_STORE_NO_DATE, until = CO_STORE_NO_DATE;
	const co_opt_parser ps = {"activities", activities_opts, NULL, usage, false};
	co_app *app = NULL;
	size_t n = 0;
	char *text = NULL;
	int rc = CO_EXIT_OK, err;

	since_text = until_text = NULL;
	json = check = false;
	rc = co_cli_parse(cli, &ps, NULL, argc, argv);
	if (rc == CO_OPT_HELP) {
		usage(stdout);
		return CO_EXIT_OK;
	}
	if (rc)
		return rc;
	if (since_text && co_date_parse(&since, since_text) < 0)
		return co_cli_usage_error("--since: %s", co_error_last());
	if (until_text && co_date_parse(&until, until_text) < 0)
		return co_cli_usage_error("--until: %s", co_error_last());
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	if ((err = co_app_activities(&rows, &n, app, since, until, check)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	if (check) {
		size_t bad = 0, samples = 0;

		for (size_t i = 0; i < n; i++) {
			co_sample *s = NULL;
			size_t k = 0;

			if (rows[i].stream &&
			    co_stream_decode(&s, &k, rows[i].stream, rows[i].stream_len) < 0) {
				fprintf(stderr, "carryover: activity #%lld ('%s'): %s\n",
					(long long)rows[i].id, rows[i].source, co_error_last());
				bad++;
			}
			samples += k;
			free(s);
		}
		printf("%zu activities, %zu samples, %zu damaged streams\n", n, samples, bad);
		rc = bad ? CO_EXIT_PROBLEM : CO_EXIT_OK;
		goto done;
	}
	if (json) {
		if ((err = co_activities_to_json(&text, rows, n)) < 0) {
			rc = co_cli_fail(err);
			goto done;
		}
		fputs(text, stdout);
	} else if (!n) {
		puts("no activities yet: 'carryover import PATH...' brings them in");
	} else {
		print_table(rows, n, distance_units(app));
	}
done:
	free(text);
	co_app_activities_free(rows, n);
	return rc;
}
