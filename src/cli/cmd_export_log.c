/*
 * carryover export csv|json [-o FILE]: the whole training log and the
 * imported activities' summaries, so nothing a user entered is trapped in
 * the store (issue 10.10). The text is co_app_export_log()'s; this file
 * parses the options and writes it: to standard output, or with -o to
 * FILE whole or not at all (a temporary file beside it, renamed into place).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/outfile.h"

static const char *out_path;

static const co_opt log_export_opts[] = {
	{CO_OPT_VALUE, "output", 'o', &out_path, "FILE",
	 "write FILE (whole or not at all) instead of standard output"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover export csv|json [-o FILE]\n\n"
	      "Write the athlete's whole training log (sets, sessions, runs, niggles,\n"
	      "tests) and the summaries of their imported activities: csv as one table\n"
	      "with a 'kind' column, json as {\"log\": [...], \"activities\": [...]}\n"
	      "(docs/cli/export.md).\n\n", f);
	co_opt_help(f, log_export_opts);
}

/*
 * -o FILE through util/outfile.c, as every -o: whole or not at all, a
 * symlink written through, a device or FIFO refused, the mode kept; '-' and
 * /dev/stdout are standard output. A path that cannot be written is bad
 * input (exit 2).
 */
static int write_out(const char *path, const char *text)
{
	int err;

	if (!strcmp(path, "-") || !strcmp(path, "/dev/stdout")) {
		fputs(text, stdout);
		return CO_EXIT_OK;
	}
	if ((err = co_outfile_write(path, text, strlen(text), 0)) < 0) {
		co_cli_fail(err);
		return CO_EXIT_USAGE;
	}
	return CO_EXIT_OK;
}

int cmd_export_log(co_cli *cli, int argc, char **argv)
{
	char command[32];
	co_opt_parser ps = {command, log_export_opts, NULL, usage, false};
	co_app *app = NULL;
	char *text = NULL;
	int rc, err;

	snprintf(command, sizeof(command), "export %s", argv[0]);
	out_path = NULL;
	if ((rc = co_cli_start(&app, cli, &ps, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	if ((err = co_app_export_log(&text, app, argv[0])) < 0)
		return co_cli_fail(err);
	if (out_path)
		rc = write_out(out_path, text);
	else
		fputs(text, stdout);
	free(text);
	return rc;
}
