/*
 * carryover export ics PROFILE [-o FILE] [--time HH:MM [--tz ZONE]] [--no-tests]
 *
 * Builds the season plan from a profile (and the runs file it names) and
 * writes it as an iCalendar feed: one event per strength session, with a
 * stable UID, so a calendar subscribed to the file updates in place when the
 * plan is recomputed. Standard output by default (or -o -); with -o FILE
 * the file is written whole or not at all (util/outfile.h).
 *
 * For reproducible output, SOURCE_DATE_EPOCH (Unix seconds) fixes DTSTAMP,
 * and CARRYOVER_TODAY=YYYY-MM-DD fixes "today". PROFILE may be "-"
 * (standard input).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/calendar_io.h"
#include "carryover/carryover.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/outfile.h"

/* export fit: cmd_export_fit.c */
int co_cli_export_fit(co_cli *cli, int argc, char **argv);

static const char *out_path, *time_text, *tz_text;
static bool no_tests;

static const co_opt ics_opts[] = {
	{CO_OPT_VALUE, "output", 'o', &out_path, "FILE",
	 "write FILE (whole or not at all) instead of standard output;\n"
	 "a symlink is followed, an existing file keeps its mode, a\n"
	 "device, FIFO or directory is refused; '-' is standard output"},
	{CO_OPT_VALUE, "time", 0, &time_text, "HH:MM",
	 "timed events starting at HH:MM local time in the --tz zone;\nwithout it, events are all-day"},
	{CO_OPT_VALUE, "tz", 0, &tz_text, "ZONE",
	 "the zone of --time, e.g. Europe/London (default: $TZ, else\nthe system's zone)"},
	{CO_OPT_FLAG, "no-tests", 0, &no_tests, NULL, "leave the baseline test events out"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover export ics [PROFILE] [-o FILE] [--time HH:MM [--tz ZONE]] [--no-tests]\n"
	      "\n"
	      "Write the strength plan for PROFILE (and the runs file it names with\n"
	      "'runs =') as an iCalendar feed: one event per session, with the session\n"
	      "card as its description, and one per baseline test. Each session keeps its\n"
	      "UID when the plan is recomputed, so a subscribed calendar updates in place.\n"
	      "Without PROFILE, the stored profile of the current athlete is used.\n"
	      "PROFILE may be '-' for standard input.\n"
	      "\n", f);
	co_opt_help(f, ics_opts);
	fputs("\n"
	      "SOURCE_DATE_EPOCH fixes the DTSTAMP of every event; CARRYOVER_TODAY=YYYY-MM-DD\n"
	      "fixes today's date. Warnings about the runs file go to standard error.\n", f);
}

static int64_t dtstamp(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long v;

	if (!env || !*env)
		return 0;
	errno = 0;
	v = strtoll(env, &end, 10);
	if (errno || *end || v <= 0)
		return 0;
	return (int64_t)v;
}

/* The zone of --time when --tz is not given: $TZ, else the system's zone. */
static const char *default_zone(void)
{
	const char *tz = getenv("TZ");

	if (tz && *tz == ':')
		tz++;
	if (tz && *tz)
		return tz;
	if (access("/etc/localtime", R_OK) == 0)
		return "/etc/localtime";
	return "UTC";
}

/*
 * -o FILE: written whole or not at all, through a symlink to its target,
 * keeping an existing file's mode; a device, FIFO or directory is refused
 * (util/outfile.h). Any failure is the user's path: exit 2.
 */
static int write_file(const char *path, const char *text)
{
	if (co_outfile_write(path, text, strlen(text), 0) < 0)
		return co_cli_usage_error("%s", co_error_last());
	return CO_EXIT_OK;
}

static int export_ics(co_cli *cli, int argc, char **argv)
{
	co_ics_options opts = CO_ICS_OPTIONS_INIT;
	const char *profile_path = NULL;
	co_opt_list operands = {0};
	const co_opt_parser ps = {"export ics", ics_opts, NULL, usage, false};
	co_plan *plan = NULL;
	char *text = NULL;
	int rc = CO_EXIT_OK, err;

	out_path = time_text = tz_text = NULL;
	no_tests = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n > 1) {
		rc = co_cli_usage_error("export ics: one PROFILE only, got '%s' too", operands.items[1]);
		goto done;
	}
	profile_path = operands.n ? operands.items[0] : NULL;
	opts.time = time_text;
	opts.tzid = tz_text;
	opts.tests = !no_tests;
	if (opts.tzid && !opts.time) {
		rc = co_cli_usage_error("export ics: '--tz' needs '--time HH:MM'");
		goto done;
	}
	if (opts.time && !opts.tzid)
		opts.tzid = default_zone();
	opts.dtstamp = dtstamp();
	opts.session_text = co_report_event_session;
	opts.test_text = co_report_event_test;

	/* a missing profile or runs file is bad input (exit 2), as for 'plan' */
	if ((rc = co_cli_plan(&plan, NULL, cli, profile_path)) != CO_EXIT_OK)
		goto done;
	if ((err = co_plan_to_ics(&text, plan, &opts)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	for (size_t i = 0; i < plan->n_warnings; i++)
		fprintf(stderr, "carryover: warning: %s\n", plan->warnings[i]);
	/* '-o -' and '-o /dev/stdout' are standard output, checked by main() */
	if (out_path && strcmp(out_path, "-") && strcmp(out_path, "/dev/stdout"))
		rc = write_file(out_path, text);
	else
		fputs(text, stdout);
done:
	free(text);
	co_plan_free(plan);
	co_opt_list_release(&operands);
	return rc;
}

/* `export --help`, or no format: what the formats are. */
static void export_usage(FILE *f)
{
	fputs("usage: carryover export ics [PROFILE] [-o FILE] [--time HH:MM [--tz ZONE]] [--no-tests]\n"
	      "       carryover export fit [PROFILE] [--week DATE | --session DATE] -o DIR\n"
	      "       carryover export csv|json [-o FILE]\n"
	      "\n"
	      "Write the strength plan for other programs: 'ics', a calendar feed; 'fit',\n"
	      "workout files for a Garmin watch; or the whole training log: 'csv', 'json'.\n"
	      "'carryover export FORMAT --help' says more.\n", f);
}

int cmd_export(co_cli *cli, int argc, char **argv)
{
	int next = argc, rc;

	/* global options may come before the format too: export --db x.db ics;
	 * each format answers its own --help */
	if ((rc = co_cli_parse_head(cli, "export", export_usage, argc, argv, &next)) != 0)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	if (next >= argc) {
		export_usage(stderr);
		return CO_EXIT_USAGE;
	}
	if (!strcmp(argv[next], "ics"))
		return export_ics(cli, argc - next, argv + next);
	if (!strcmp(argv[next], "fit"))
		return co_cli_export_fit(cli, argc - next, argv + next);
	if (!strcmp(argv[next], "csv") || !strcmp(argv[next], "json")) /* the log: cmd_export_log.c */
		return cmd_export_log(cli, argc - next, argv + next);
	return co_cli_usage_error("unknown export format '%s' (expected ics, fit, csv or json)",
				  argv[next]);
}
