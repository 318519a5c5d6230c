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

static void usage(FILE *f)
{
	fputs("usage: carryover activities [--since DATE] [--until DATE] [--json]\n\n"
	      "List the imported activities of the athlete, oldest first: local date and\n"
	      "start time, sport, guessed run type, distance, duration, pace, average\n"
	      "heart rate and the file it came from. DATE is YYYY-MM-DD.\n", f);
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

static void fmt_pace(char *buf, size_t n, double secs, double metres)
{
	long p;

	if (secs <= 0 || metres < 100) {
		snprintf(buf, n, "-");
		return;
	}
	p = (long)(secs / (metres / 1000.0) + 0.5);
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

static void print_table(const co_store_activity_row *rows, size_t n)
{
	printf("%-10s  %-5s  %-10s  %-9s  %7s  %8s  %6s  %3s  %s\n", "date", "start", "sport",
	       "type", "km", "time", "pace", "HR", "source");
	for (size_t i = 0; i < n; i++) {
		const co_store_activity_row *r = &rows[i];
		char day[11], iso[32], dur[48], pace[48], type[24], km[48], hr[16];
		double secs = r->moving_s > 0 ? r->moving_s : r->elapsed_s;

		co_import_iso_utc(r->start_utc + r->utc_offset_s, iso);
		fmt_duration(dur, sizeof(dur), r->elapsed_s);
		fmt_pace(pace, sizeof(pace), secs, r->distance_m);
		summary_type(type, sizeof(type), r->summary_json);
		if (r->distance_m >= 0)
			snprintf(km, sizeof(km), "%.2f", r->distance_m / 1000);
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

int cmd_activities(co_cli *cli, int argc, char **argv)
{
	co_store_activity_query q = CO_STORE_ACTIVITY_QUERY_INIT;
	co_store_activity_row *rows = NULL;
	co_store_athlete athlete = {0};
	co_store *store = NULL;
	size_t n = 0;
	bool json = false, check = false;
	char *text = NULL;
	int rc = CO_EXIT_OK, err;

	if (co_cli_wants_help(argc, argv)) {
		usage(stdout);
		return CO_EXIT_OK;
	}
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "--check")) {
			check = true;
		} else if ((!strcmp(argv[i], "--since") || !strcmp(argv[i], "--until")) &&
			   i + 1 < argc) {
			co_date *d = argv[i][2] == 's' ? &q.since : &q.until;

			if (co_date_parse(d, argv[i + 1]) < 0) {
				rc = co_cli_usage_error("%s: %s", argv[i], co_error_last());
				goto done;
			}
			i++;
		} else {
			usage(stderr);
			rc = co_cli_usage_error("activities: unexpected argument '%s'", argv[i]);
			goto done;
		}
	}
	if ((rc = co_cli_store(&store, cli)) != CO_EXIT_OK)
		goto done;
	err = co_store_athlete_get(&athlete, store, cli->athlete);
	if (err < 0 && (err != CO_ENOTFOUND || cli->athlete)) {
		rc = co_cli_fail(err);
		goto done;
	}
	q.athlete_id = err < 0 ? 0 : athlete.id;
	q.with_stream = check;
	if ((err = co_store_activity_list(&rows, &n, store, &q)) < 0) {
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
		print_table(rows, n);
	}
done:
	free(text);
	co_store_activity_list_free(rows, n);
	co_store_athlete_release(&athlete);
	return rc;
}
