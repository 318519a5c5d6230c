/*
 * carryover import: bring recorded activities into the store.
 *
 *   carryover import [--profile PROFILE] [--threads N] [-v] [-q] PATH...
 *
 * PATH is a FIT/GPX/TCX file, a folder (walked recursively) or an archive
 * (a Garmin or Strava bulk export zip, nested zips and .gz members
 * included). The work is co_app_import()'s (app.h: it picks the athlete
 * and runs co_import_run()); this file parses the options, draws progress
 * and prints the outcome.
 *
 * Whose activities: the athlete of --profile PROFILE (stored, and made the
 * current athlete, as every command given a profile does), else --athlete
 * NAME, else the current athlete. With no athlete in the store at all the
 * import fails (exit 2) and says to give a profile: activities without an
 * athlete would have no one to plan for.
 *
 * Output: failures on stderr ("carryover: NAME: reason"); files skipped for
 * a reason and runs found twice on stdout; then a summary. A progress bar
 * is drawn on stderr when it is a terminal; otherwise a plain progress line
 * every 10 seconds of a long import. Exit: 0 when every file was imported
 * or skipped for a reason, 1 when some failed, 2 bad usage or a missing
 * path, 3 the store failed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/carryover.h"
#include "carryover/import.h"
#include "cli/cli.h"
#include "cli/opt.h"

/* Files that share an outcome and a reason, counted for the summary. */
#define MAX_REASONS 32

typedef struct view {
	bool verbose, quiet, tty, json;
	double last_plain;   /* when the last plain progress line was printed */
	bool bar_shown;
	co_import_reason reasons[MAX_REASONS];
	char *reason_text[MAX_REASONS]; /* owned: what reasons[i].reason points at */
	size_t nreasons;
	size_t other_reasons; /* files whose reason did not fit the table */
	size_t noted;         /* activities imported with a note (salvaged, laps cut) */
} view;

/* The reason of an event's message: what follows "NAME: ". */
static const char *reason_of(const co_import_event *ev)
{
	const char *m = ev->message ? ev->message : "";
	size_t n = ev->name ? strlen(ev->name) : 0;

	if (n && !strncmp(m, ev->name, n) && m[n] == ':' && m[n + 1] == ' ')
		return m + n + 2;
	return m;
}

/* Duplicates are grouped by kind, not by the stored row they repeat. */
static const char *duplicate_kind(const char *reason)
{
	if (strstr(reason, "already imported") || strstr(reason, "already in the store"))
		return "already imported";
	if (strstr(reason, "a copy of an activity earlier in the same file"))
		return "a copy of an activity earlier in the same file";
	return "the same run as a stored activity";
}

static void tally(view *v, co_import_outcome outcome, const char *reason)
{
	for (size_t i = 0; i < v->nreasons; i++)
		if (v->reasons[i].outcome == outcome && !strcmp(v->reasons[i].reason, reason)) {
			v->reasons[i].count++;
			return;
		}
	if (v->nreasons == MAX_REASONS) {
		v->other_reasons++;
		return;
	}
	v->reason_text[v->nreasons] = co_xstrdup(reason);
	v->reasons[v->nreasons] = (co_import_reason){outcome, v->reason_text[v->nreasons], 1};
	v->nreasons++;
}

static void clear_bar(view *v)
{
	if (v->bar_shown) {
		fputs("\r\033[K", stderr);
		v->bar_shown = false;
	}
}

static void print_progress(view *v, const co_import_stats *s)
{
	double mb = (double)s->bytes_done / 1e6, total = (double)s->bytes_total / 1e6;
	double rate = s->seconds > 0 ? mb / s->seconds : 0;
	double frac = total > 0 ? mb / total : 0;
	char eta[32] = "";

	if (frac > 1)
		frac = 1;
	if (rate > 0 && total > mb)
		snprintf(eta, sizeof(eta), "  ETA %.0f s", (total - mb) / rate);
	if (v->tty) {
		char bar[21];
		int fill = (int)(frac * 20 + 0.5);

		for (int i = 0; i < 20; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[20] = '\0';
		char line[160];
		int cols = co_cli_term_width(STDERR_FILENO);

		/* one screen line at most: a wrapped bar is not erased by \r (issue 9.14) */
		snprintf(line, sizeof(line), "[%s] %zu files  %.1f/%.1f MB  %.1f MB/s  %zu imported%s",
			 bar, s->files, mb, total, rate, s->imported, eta);
		if (cols > 1 && (size_t)cols - 1 < strlen(line))
			line[cols - 1] = '\0';
		fprintf(stderr, "\r\033[K%s", line);
		v->bar_shown = true;
	} else {
		fprintf(stderr, "import: %zu files, %.1f/%.1f MB, %.1f MB/s, %zu imported%s\n",
			s->files, mb, total, rate, s->imported, eta);
	}
	fflush(stderr);
}

/*
 * Failures go to stderr as they come. Everything else is counted, and with
 * -v listed as it comes; the summary (print_summary) gives one line per
 * reason, so a Garmin export's 300 monitoring files make one line.
 */
static void on_event(void *ctx, const co_import_event *ev)
{
	view *v = ctx;
	char day[32];

	if (ev->outcome == CO_IMPORT_PROGRESS) {
		if (v->quiet)
			return;
		if (!v->tty) {
			if (ev->stats->seconds - v->last_plain < 10)
				return;
			v->last_plain = ev->stats->seconds;
		}
		print_progress(v, ev->stats);
		return;
	}
	switch (ev->outcome) {
	case CO_IMPORT_FAILED:
		clear_bar(v);
		fprintf(stderr, "carryover: %s\n", ev->message);
		break;
	case CO_IMPORT_SKIPPED:
		tally(v, CO_IMPORT_SKIPPED, reason_of(ev));
		if (v->verbose && !v->json) {
			clear_bar(v);
			printf("skipped %s\n", ev->message);
		}
		break;
	case CO_IMPORT_DUPLICATE:
		tally(v, CO_IMPORT_DUPLICATE, duplicate_kind(reason_of(ev)));
		if (v->verbose && !v->json) {
			clear_bar(v);
			printf("duplicate %s\n", ev->message);
		}
		break;
	case CO_IMPORT_IMPORTED:
		/* a note: salvaged, laps cut (a replacement is counted apart) */
		v->noted += ev->row && ev->message && !strstr(ev->message, ": same run as ");
		if (!v->verbose || v->json)
			break;
		clear_bar(v);
		if (ev->message) {
			printf("imported %s\n", ev->message);
		} else {
			printf("imported %s: #%lld %s %s", ev->name, (long long)ev->id,
			       ev->row->sport, co_import_iso_utc(ev->row->start_utc, day));
			if (ev->row->distance_m >= 0)
				printf(" %.2f km", ev->row->distance_m / 1000);
			putchar('\n');
		}
		break;
	case CO_IMPORT_IGNORED:
		if (v->verbose && !v->json) {
			clear_bar(v);
			printf("ignored %s\n", ev->message);
		}
		break;
	default:
		break;
	}
	fflush(stdout);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * "imported 212 runs, 2019-03-02 to 2026-11-30", then the files and what
 * became of them, then (unless -q) one line per reason. With --json the
 * object of docs/cli/import.md instead. `complete` is false when the store
 * failed: what is counted was committed before the failure.
 */
static int print_summary(view *v, const co_import_stats *st, bool complete)
{
	char a[11], b[11];
	char *text = NULL;
	size_t other = st->imported - st->runs;
	int rc;

	if (v->json) {
		if ((rc = co_import_summary_to_json(&text, st, complete, v->reasons,
						    v->nreasons)) < 0)
			return rc;
		fputs(text, stdout);
		free(text);
		return 0;
	}
	if (!st->imported)
		printf("imported 0 activities");
	else if (!other)
		printf("imported %zu %s", st->runs, plural(st->runs, "run", "runs"));
	else
		printf("imported %zu %s (%zu %s)", st->imported,
		       plural(st->imported, "activity", "activities"), st->runs,
		       plural(st->runs, "run", "runs"));
	if (st->imported && st->first_day == st->last_day)
		printf(", %s", co_date_format(st->first_day, a));
	else if (st->imported)
		printf(", %s to %s", co_date_format(st->first_day, a),
		       co_date_format(st->last_day, b));
	if (!complete)
		printf(" before the store failed");
	putchar('\n');
	printf("  %zu %s: %zu %s, %zu skipped (not activities), %zu failed, "
	       "%zu other %s ignored\n",
	       st->files, plural(st->files, "file", "files"), st->duplicates,
	       plural(st->duplicates, "duplicate", "duplicates"), st->skipped, st->failed,
	       st->ignored, plural(st->ignored, "file", "files"));
	if (st->lift_sessions)
		printf("  %zu strength %s from the watch logged (%zu %s; 'carryover history')\n",
		       st->lift_sessions, plural(st->lift_sessions, "session", "sessions"),
		       st->lift_sets, plural(st->lift_sets, "set", "sets"));
	if (st->replaced)
		printf("  %zu stored %s replaced by a richer recording of the same run\n",
		       st->replaced, plural(st->replaced, "activity", "activities"));
	if (v->quiet)
		return 0;
	/* skipped before duplicates, the most frequent reason first, ties as they came */
	for (int pass = 0; pass < 2; pass++) {
		co_import_outcome want = pass ? CO_IMPORT_DUPLICATE : CO_IMPORT_SKIPPED;
		bool shown[MAX_REASONS] = {false};

		for (;;) {
			size_t best = SIZE_MAX;

			for (size_t i = 0; i < v->nreasons; i++)
				if (!shown[i] && v->reasons[i].outcome == want &&
				    (best == SIZE_MAX || v->reasons[i].count > v->reasons[best].count))
					best = i;
			if (best == SIZE_MAX)
				break;
			shown[best] = true;
			printf("  %zu %s: %s\n", v->reasons[best].count,
			       pass ? plural(v->reasons[best].count, "duplicate", "duplicates")
				    : "skipped", v->reasons[best].reason);
		}
	}
	if (v->other_reasons)
		printf("  %zu more for other reasons\n", v->other_reasons);
	if (v->noted)
		printf("  %zu imported with a note (salvaged, or laps cut)\n", v->noted);
	if (!v->verbose && (v->nreasons || v->noted))
		printf("  ('carryover import -v' lists every file)\n");
	return 0;
}

static const char *profile_path, *threads_text, *units;
static bool verbose, quiet, json;

static const co_opt import_opts[] = {
	{CO_OPT_VALUE, "profile", 0, &profile_path, "PROFILE",
	 "import for the athlete of this profile (stored first;\n'-' reads it from standard input)"},
	{CO_OPT_VALUE, "threads", 0, &threads_text, "N", "decoding threads (default: one per CPU)"},
	{CO_OPT_FLAG, "verbose", 'v', &verbose, NULL, "list every file, imported or not"},
	{CO_OPT_FLAG, "quiet", 'q', &quiet, NULL, "no progress display and only the totals"},
	{CO_OPT_FLAG, "json", 0, &json, NULL, "the summary as JSON (docs/cli/import.md)"},
	{CO_OPT_VALUE, "units", 0, &units, "kg|lb", "the weight unit of a Strong export that names none"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover import [--profile PROFILE] [--threads N] [--units kg|lb] [-v] [-q] [--json] PATH...\n\n"
	      "Import recorded activities: FIT, GPX and TCX files, folders (recursively)\n"
	      "and archives such as Garmin's and Strava's bulk exports (zip, nested zips,\n"
	      ".fit.gz/.gpx.gz members). Files already imported, and runs already stored\n"
	      "from another device or format, are not stored twice. The summary says\n"
	      "what was stored (runs and dates) and, one line per reason, what was not;\n"
	      "-v lists every file. A PATH that starts with '-' follows '--'. A Strong or\n"
	      "Hevy CSV export goes to the training log instead (docs/cli/import.md;\n"
	      "--units for a Strong file that names no unit), and so does a strength\n"
	      "activity recorded by a watch: its sets become a logged session.\n\n", f);
	co_opt_help(f, import_opts);
	fputs("\nExit: 0 all imported or skipped for a reason, 1 some files failed,\n"
	      "2 bad usage or a missing path, 3 the store failed (the summary still\n"
	      "says what was stored before it did).\n", f);
}

int cmd_import(co_cli *cli, int argc, char **argv)
{
	co_import_options opt = CO_IMPORT_OPTIONS_INIT;
	co_import_stats st;
	co_app_profile_src src;
	co_strbuf buf = CO_STRBUF_INIT;
	co_opt_list paths = {0};
	const co_opt_parser ps = {"import", import_opts, NULL, usage, false};
	co_app *app = NULL;
	view v = {0};
	char *whose = NULL;
	int rc = CO_EXIT_OK, err;

	profile_path = threads_text = units = NULL;
	verbose = quiet = json = false;
	if ((rc = co_cli_parse(cli, &ps, &paths, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	v.verbose = verbose;
	v.quiet = quiet;
	v.json = json;
	if (threads_text) {
		char *end;
		long n = strtol(threads_text, &end, 10);

		if (!*threads_text || *end || n < 1 || n > 64) {
			rc = co_cli_usage_error("--threads: expected 1 to 64, got '%s'", threads_text);
			goto done;
		}
		opt.threads = (unsigned)n;
	}
	if (!paths.n) {
		usage(stderr);
		rc = co_cli_usage_error("import: give at least one file, folder or archive");
		goto done;
	}
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK ||
	    (rc = co_cli_profile_src(&src, &buf, profile_path)) != CO_EXIT_OK)
		goto done;

	/* Strong and Hevy CSVs go to the training log (cmd_import_lifts.c). */
	if ((rc = co_cli_import_lifts(app, profile_path ? &src : NULL, &paths, units,
				       json ? stderr : stdout)) != CO_EXIT_OK ||
	    !paths.n)
		goto done;
	/* Whose activities these are; with --json the summary names nothing
	 * else on standard output, so the line goes to standard error. */
	if (co_app_whose(&whose, app, profile_path ? &src : NULL) == CO_OK)
		fprintf(v.json ? stderr : stdout, "storing activities for %s\n", whose);
	v.tty = isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
	opt.on_event = on_event;
	opt.ctx = &v;
	opt.progress_every = v.tty ? 0.2 : 1.0;
	err = co_app_import(&st, app, profile_path ? &src : NULL, paths.items, paths.n, &opt);
	clear_bar(&v);
	if (err == CO_ESTORE) {
		/* what was committed before the store failed is stored: say what */
		char *why = co_xstrdup(co_error_last());

		if (print_summary(&v, &st, false) < 0)
			fprintf(stderr, "carryover: %s\n", co_error_last());
		fflush(stdout);
		co_error_set(CO_ESTORE, "%s (import stopped: the activities counted above are "
			     "stored; run the same import again for the rest)", why);
		free(why);
		rc = co_cli_fail(err);
		goto done;
	}
	if (err < 0) {
		if (err == CO_ENOTFOUND && !profile_path && !cli->athlete)
			co_error_set(CO_ENOTFOUND, "no athlete yet: say whose activities these are "
				     "with 'carryover import --profile PROFILE PATH...' "
				     "(see 'carryover init')");
		rc = co_cli_fail(err);
		goto done;
	}
	if ((err = print_summary(&v, &st, true)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	rc = st.failed ? CO_EXIT_PROBLEM : CO_EXIT_OK;
done:
	for (size_t i = 0; i < v.nreasons; i++)
		free(v.reason_text[i]);
	free(whose);
	co_strbuf_release(&buf);
	co_opt_list_release(&paths);
	return rc;
}
