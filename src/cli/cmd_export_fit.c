/*
 * carryover export fit [PROFILE] [--week DATE | --session DATE] -o DIR
 *
 * The plan's strength sessions as FIT workout files a Garmin watch follows
 * (docs/formats/fit-workout.md): one file per session, DATE-FOCUS.fit, in
 * DIR (created if missing). Without --week or --session, the sessions of
 * the next 7 days from today (CARRYOVER_TODAY pins today). The files are
 * made by the application layer (co_app_export_fit()) with the renderer's
 * words for the workout name and the step notes; here they are written,
 * each whole or not at all (a temporary file in DIR renamed into place),
 * and only once every file of the export has been encoded, so bad input
 * writes nothing. Re-exporting the same plan gives the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/outfile.h"
#include "util/strbuf.h"

int co_cli_export_fit(co_cli *cli, int argc, char **argv);

static const char *out_dir, *week_text, *session_text;

static const co_opt fit_opts[] = {
	{CO_OPT_VALUE, "output", 'o', &out_dir, "DIR",
	 "write the files into DIR (created if missing); required"},
	{CO_OPT_VALUE, "week", 0, &week_text, "DATE",
	 "the sessions of the week (Monday to Sunday) containing DATE"},
	{CO_OPT_VALUE, "session", 0, &session_text, "DATE",
	 "the session(s) on DATE"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover export fit [PROFILE] [--week DATE | --session DATE] -o DIR\n"
	      "\n"
	      "Write the strength sessions of the plan for PROFILE as FIT workout files for\n"
	      "a Garmin watch, one per session, named DATE-FOCUS.fit: each exercise with\n"
	      "Garmin's exercise, its reps or time and load, sets as repeats with a rest\n"
	      "between them. Without --week or --session, the sessions of the next 7 days\n"
	      "from today. DATE is YYYY-MM-DD, today, tomorrow, +N days or a weekday (the\n"
	      "next such day). Without PROFILE, the stored profile of the current athlete\n"
	      "is used; PROFILE may be '-' for standard input.\n"
	      "\n", f);
	co_opt_help(f, fit_opts);
	fputs("\n"
	      "To load the workouts, connect the watch by USB and copy the files into its\n"
	      "GARMIN/NewFiles folder (Garmin Connect's web import does not take workout\n"
	      "files). CARRYOVER_TODAY=YYYY-MM-DD fixes today's date.\n", f);
}

/* The workout's name on the watch: the date and the session's title. */
static void workout_name(co_strbuf *out, const co_plan *plan, const co_session *s)
{
	char d[11];

	(void)plan;
	co_strbuf_addf(out, "%s %s", co_date_format(s->date, d),
		       co_report_focus_title(s->focus, CO_REPORT_PLAIN));
}

/* A step's notes: the card's dose line, plain (watch fonts lack "×"). */
static void step_notes(co_strbuf *out, const co_plan *plan, const co_item *it)
{
	co_report_add_dose(out, it, plan->units, CO_REPORT_PLAIN);
}

/* mkdir -p: DIR and its missing parents (bad input when it cannot be made). */
static int make_dir(const char *dir)
{
	char *failed = NULL;
	int err = co_mkdirs(dir, 0777, &failed);

	if (err)
		fprintf(stderr, "carryover: cannot create '%s': %s\n", dir, strerror(err));
	free(failed);
	return err ? CO_EXIT_USAGE : CO_EXIT_OK;
}

/*
 * DIR/NAME whole or not at all, through util/outfile.c like every file a
 * user names: a symlink stays a link, a device or FIFO is refused. A path
 * that cannot be written is bad input (exit 2), as for `export ics -o`.
 */
static int write_whole(const char *path, const unsigned char *data, size_t len)
{
	int err = co_outfile_write(path, data, len, 0);

	if (err < 0) {
		co_cli_fail(err);
		return CO_EXIT_USAGE;
	}
	return CO_EXIT_OK;
}

static int parse_day(co_date *out, const char *text)
{
	return co_cli_date_parse(out, text, co_app_today(NULL)) < 0 ? co_cli_fail(CO_EINPUT) : 0;
}

int co_cli_export_fit(co_cli *cli, int argc, char **argv)
{
	co_app_fit_options opts = CO_APP_FIT_OPTIONS_INIT;
	const co_opt_parser ps = {"export fit", fit_opts, NULL, usage, false};
	co_opt_list operands = {0};
	co_app_fit_file *files = NULL;
	size_t n = 0;
	co_plan *plan = NULL;
	co_strbuf path = CO_STRBUF_INIT;
	co_date last;
	char a[11], b[11];
	int rc, err;

	out_dir = week_text = session_text = NULL;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n > 1) {
		rc = co_cli_usage_error("export fit: one PROFILE only, got '%s' too", operands.items[1]);
		goto done;
	}
	if (!out_dir || !*out_dir) {
		usage(stderr);
		rc = co_cli_usage_error("export fit: no output folder (expected '-o DIR')");
		goto done;
	}
	if (week_text && session_text) {
		rc = co_cli_usage_error("export fit: '--week' or '--session', not both");
		goto done;
	}
	opts.from = co_app_today(NULL);
	opts.to = opts.from + 6;
	if (week_text) {
		if ((rc = parse_day(&opts.from, week_text)) != 0)
			goto done;
		opts.from = co_date_monday(opts.from);
		opts.to = opts.from + 6;
	} else if (session_text) {
		if ((rc = parse_day(&opts.from, session_text)) != 0)
			goto done;
		opts.to = opts.from;
	}
	opts.name = workout_name;
	opts.notes = step_notes;

	if ((rc = co_cli_plan(&plan, NULL, cli, operands.n ? operands.items[0] : NULL)) != 0)
		goto done;
	last = plan->start + (co_date)(plan->n_weeks * 7) - 1;
	if (opts.to < plan->start || opts.from > last) {
		char d[11];

		rc = co_cli_usage_error("export fit: %s is outside the plan (%s to %s)",
					co_date_format(opts.from, d), co_date_format(plan->start, a),
					co_date_format(last, b));
		goto done;
	}
	if ((err = co_app_export_fit(&files, &n, plan, &opts)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	for (size_t i = 0; i < plan->n_warnings; i++)
		fprintf(stderr, "carryover: warning: %s\n", plan->warnings[i]);
	if (!n) {
		if (opts.from == opts.to)
			printf("no strength session on %s: nothing written\n",
			       co_date_format(opts.from, a));
		else
			printf("no strength session from %s to %s: nothing written\n",
			       co_date_format(opts.from, a), co_date_format(opts.to, b));
		goto done;
	}
	if ((rc = make_dir(out_dir)) != 0)
		goto done;
	for (size_t i = 0; i < n; i++) {
		co_strbuf_reset(&path);
		co_strbuf_addf(&path, "%s%s%s", out_dir,
			       out_dir[strlen(out_dir) - 1] == '/' ? "" : "/", files[i].name);
		if ((rc = write_whole(path.buf, files[i].data, files[i].len)) != 0)
			goto done;
		printf("%s  %s, %zu steps\n", path.buf,
		       co_report_focus_title(files[i].session->focus, CO_REPORT_PLAIN),
		       files[i].n_steps);
	}
done:
	co_strbuf_release(&path);
	co_app_fit_files_free(files, n);
	co_plan_free(plan);
	co_opt_list_release(&operands);
	return rc;
}
