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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/carryover.h"
#include "carryover/import.h"
#include "cli/cli.h"
#include "cli/opt.h"

typedef struct view {
	bool verbose, quiet, tty;
	double last_plain;   /* when the last plain progress line was printed */
	bool bar_shown;
} view;

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
		fprintf(stderr, "\r\033[K[%s] %zu files  %.1f/%.1f MB  %.1f MB/s  %zu imported%s",
			bar, s->files, mb, total, rate, s->imported, eta);
		v->bar_shown = true;
	} else {
		fprintf(stderr, "import: %zu files, %.1f/%.1f MB, %.1f MB/s, %zu imported%s\n",
			s->files, mb, total, rate, s->imported, eta);
	}
	fflush(stderr);
}

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
		clear_bar(v);
		printf("skipped %s\n", ev->message);
		break;
	case CO_IMPORT_DUPLICATE:
		if (v->verbose || (ev->message && strstr(ev->message, "same run as"))) {
			clear_bar(v);
			printf("duplicate %s\n", ev->message);
		}
		break;
	case CO_IMPORT_IMPORTED:
		if (ev->message) {
			clear_bar(v);
			printf("imported %s\n", ev->message);
		} else if (v->verbose) {
			clear_bar(v);
			printf("imported %s: #%lld %s %s", ev->name, (long long)ev->id,
			       ev->row->sport, co_import_iso_utc(ev->row->start_utc, day));
			if (ev->row->distance_m >= 0)
				printf(" %.2f km", ev->row->distance_m / 1000);
			putchar('\n');
		}
		break;
	case CO_IMPORT_IGNORED:
		if (v->verbose) {
			clear_bar(v);
			printf("ignored %s\n", ev->message);
		}
		break;
	default:
		break;
	}
	fflush(stdout);
}

static const char *profile_path, *threads_text, *units;
static bool verbose, quiet;

static const co_opt import_opts[] = {
	{CO_OPT_VALUE, "profile", 0, &profile_path, "PROFILE",
	 "import for the athlete of this profile (stored first;\n'-' reads it from standard input)"},
	{CO_OPT_VALUE, "threads", 0, &threads_text, "N", "decoding threads (default: one per CPU)"},
	{CO_OPT_FLAG, "verbose", 'v', &verbose, NULL, "list every file, imported or not"},
	{CO_OPT_FLAG, "quiet", 'q', &quiet, NULL, "no progress display"},
	{CO_OPT_VALUE, "units", 0, &units, "kg|lb", "the weight unit of a Strong export that names none"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover import [--profile PROFILE] [--threads N] [--units kg|lb] [-v] [-q] PATH...\n\n"
	      "Import recorded activities: FIT, GPX and TCX files, folders (recursively)\n"
	      "and archives such as Garmin's and Strava's bulk exports (zip, nested zips,\n"
	      ".fit.gz/.gpx.gz members). Files already imported, and runs already stored\n"
	      "from another device or format, are not stored twice. A PATH that starts\n"
	      "with '-' follows '--'. A Strong or Hevy CSV export goes to the training\n"
	      "log instead (docs/cli/import.md; --units for a Strong file that names no unit).\n\n", f);
	co_opt_help(f, import_opts);
	fputs("\nExit: 0 all imported or skipped for a reason, 1 some files failed,\n"
	      "2 bad usage or a missing path, 3 the store failed.\n", f);
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
	int rc = CO_EXIT_OK, err;

	profile_path = threads_text = units = NULL;
	verbose = quiet = false;
	rc = co_cli_parse(cli, &ps, &paths, argc, argv);
	if (rc == CO_OPT_HELP) {
		usage(stdout);
		rc = CO_EXIT_OK;
		goto done;
	}
	if (rc)
		goto done;
	v.verbose = verbose;
	v.quiet = quiet;
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
	if ((rc = co_cli_import_lifts(app, profile_path ? &src : NULL, &paths, units)) != CO_EXIT_OK ||
	    !paths.n)
		goto done;
	v.tty = isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
	opt.on_event = on_event;
	opt.ctx = &v;
	opt.progress_every = v.tty ? 0.2 : 1.0;
	err = co_app_import(&st, app, profile_path ? &src : NULL, paths.items, paths.n, &opt);
	clear_bar(&v);
	if (err < 0) {
		if (err == CO_ENOTFOUND && !profile_path && !cli->athlete)
			co_error_set(CO_ENOTFOUND, "no athlete yet: say whose activities these are "
				     "with 'carryover import --profile PROFILE PATH...' "
				     "(see 'carryover init')");
		rc = co_cli_fail(err);
		goto done;
	}
	printf("imported %zu %s from %zu %s in %.1f s (%.0f files/s, %.1f MB/s)\n",
	       st.imported, st.imported == 1 ? "activity" : "activities",
	       st.files, st.files == 1 ? "file" : "files", st.seconds,
	       st.seconds > 0 ? (double)st.files / st.seconds : 0,
	       st.seconds > 0 ? (double)st.bytes_done / 1e6 / st.seconds : 0);
	printf("  %zu duplicate%s, %zu skipped (not activities), %zu failed, "
	       "%zu other file%s ignored\n",
	       st.duplicates, st.duplicates == 1 ? "" : "s", st.skipped, st.failed,
	       st.ignored, st.ignored == 1 ? "" : "s");
	if (st.replaced)
		printf("  %zu stored %s replaced by a richer recording of the same run\n",
		       st.replaced, st.replaced == 1 ? "activity" : "activities");
	rc = st.failed ? CO_EXIT_PROBLEM : CO_EXIT_OK;
done:
	co_strbuf_release(&buf);
	co_opt_list_release(&paths);
	return rc;
}
