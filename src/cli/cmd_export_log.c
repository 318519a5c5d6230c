/*
 * carryover export csv|json [-o FILE]: the whole training log and the
 * imported activities' summaries, so nothing a user entered is trapped in
 * the store (issue 10.10). The text is co_app_export_log()'s; this file
 * parses the options and writes it: to standard output, or with -o to
 * FILE whole or not at all (a temporary file beside it, renamed into place).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

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

static int write_whole(const char *path, const char *text)
{
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	FILE *f;
	int ok;

	if (!tmp)
		return co_cli_usage_error("out of memory");
	snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
	if (!(f = fopen(tmp, "wb"))) {
		fprintf(stderr, "carryover: '%s': %s\n", path, strerror(errno));
		free(tmp);
		return CO_EXIT_PROBLEM;
	}
	ok = fputs(text, f) >= 0;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		fprintf(stderr, "carryover: '%s': %s\n", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return CO_EXIT_PROBLEM;
	}
	free(tmp);
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
	rc = co_cli_parse(cli, &ps, NULL, argc, argv);
	if (rc == CO_OPT_HELP) {
		usage(stdout);
		return CO_EXIT_OK;
	}
	if (rc)
		return rc;
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		return rc;
	if ((err = co_app_export_log(&text, app, argv[0])) < 0)
		return co_cli_fail(err);
	if (out_path)
		rc = write_whole(out_path, text);
	else
		fputs(text, stdout);
	free(text);
	return rc;
}
