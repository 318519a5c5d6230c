/*
 * What commands share beyond their own options: the global options table,
 * the session with the application layer (carryover/app.h), profiles named
 * on the command line (a file or "-" for standard input), and loading the
 * plan. The use cases themselves are the app layer's; this file only turns
 * their errors into the CLI's messages and exit codes, and words the hints
 * that name CLI commands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

int co_cli_app(co_app **out, co_cli *cli)
{
	co_app_options opts = CO_APP_OPTIONS_INIT;
	int rc;

	if (!cli->app) {
		opts.db = cli->db;
		opts.athlete = cli->athlete;
		if ((rc = co_app_new(&cli->app, &opts)) < 0)
			return co_cli_fail(rc);
	}
	*out = cli->app;
	return CO_EXIT_OK;
}

void co_cli_release(co_cli *cli)
{
	co_app_free(cli->app);
	memset(cli, 0, sizeof(*cli));
}

/* The global table; its destinations are the cli's, filled where it is used. */
#define GLOBAL_OPTS(cli)                                                              \
	{CO_OPT_VALUE, "db", 0, &(cli)->db, "PATH|URL",                               \
	 "the store: an SQLite file, or a postgresql:// URL"},                        \
	{CO_OPT_VALUE, "athlete", 0, &(cli)->athlete, "NAME",                         \
	 "act for this athlete (default: the current one)"},                          \
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL}

int co_cli_parse(co_cli *cli, const co_opt_parser *parser, co_opt_list *operands, int argc,
		 char **argv)
{
	const co_opt globals[] = {GLOBAL_OPTS(cli)};
	co_opt_parser ps = *parser;

	/* --help wins over any other mistake on the line, as it always has; the
	 * usage is printed here, once for every command, which then exits 0. */
	if (co_cli_wants_help(argc, argv)) {
		if (parser->usage)
			parser->usage(stdout);
		return CO_OPT_HELP;
	}
	ps.globals = globals;
	ps.stop_at_operand = false;
	return co_opt_parse(&ps, operands, 1, argc, argv, NULL);
}

int co_cli_start(co_app **out, co_cli *cli, const co_opt_parser *parser, int argc,
		 char **argv)
{
	int rc = co_cli_parse(cli, parser, NULL, argc, argv);

	if (rc)
		return rc; /* CO_OPT_HELP: co_cli_parse() printed the usage */
	return co_cli_app(out, cli);
}

int co_cli_parse_head(co_cli *cli, const char *command, void (*usage)(FILE *f), int argc,
		      char **argv, int *out_next)
{
	const co_opt globals[] = {GLOBAL_OPTS(cli)};
	/* no usage in the parser: an unknown option before the subcommand is
	 * one line on stderr, as it always was */
	const co_opt_parser ps = {command, globals, NULL, NULL, true};
	int rc = co_opt_parse(&ps, NULL, 1, argc, argv, out_next);

	if (rc == CO_OPT_HELP && usage)
		usage(stdout);
	return rc;
}

void co_cli_global_help(FILE *f)
{
	co_cli dummy = {0};
	const co_opt globals[] = {GLOBAL_OPTS(&dummy)};

	co_opt_help(f, globals);
}

int co_cli_read(co_strbuf *buf, const char *path, size_t max_bytes)
{
	char chunk[65536];
	size_t n;

	if (strcmp(path, "-"))
		return co_strbuf_read_file(buf, path, max_bytes);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (max_bytes && buf->len + n > max_bytes)
			return co_error_set(CO_EINPUT, "standard input: larger than %zu bytes",
					    max_bytes);
		co_strbuf_add(buf, chunk, n);
	}
	if (ferror(stdin))
		return co_error_set(CO_EIO, "standard input: cannot read it");
	return CO_OK;
}

int co_cli_profile_src(co_app_profile_src *out, co_strbuf *buf, const char *path)
{
	int rc;

	if (!path)
		return CO_EXIT_OK;
	memset(out, 0, sizeof(*out));
	if (strcmp(path, "-")) {
		out->path = path; /* the app layer reads it, and names it in errors */
		return CO_EXIT_OK;
	}
	if ((rc = co_cli_read(buf, path, CO_APP_PROFILE_MAX_BYTES)) < 0) {
		co_cli_fail(rc);
		return CO_EXIT_USAGE; /* bad input named on the command line */
	}
	out->name = CO_CLI_STDIN_NAME;
	out->text = buf->len ? buf->buf : "";
	out->len = buf->len;
	return CO_EXIT_OK;
}

int co_cli_plan(co_plan **out, co_profile **out_profile, co_cli *cli, const char *profile_path)
{
	co_app_plan_options opts = CO_APP_PLAN_OPTIONS_INIT;
	co_app_profile_src src;
	co_strbuf buf = CO_STRBUF_INIT;
	co_app *app;
	int rc;

	*out = NULL;
	if (out_profile)
		*out_profile = NULL;
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK ||
	    (rc = co_cli_profile_src(&src, &buf, profile_path)) != CO_EXIT_OK)
		goto done;
	opts.profile = profile_path ? &src : NULL;
	rc = co_app_plan(out, out_profile, app, &opts);
	if (co_app_notice(app))
		fprintf(stderr, "carryover: %s\n", co_app_notice(app));
	if (rc < 0) {
		if (rc == CO_ENOTFOUND && !profile_path && !cli->athlete)
			co_error_set(CO_ENOTFOUND, "no profile yet: give a profile file "
				     "(e.g. 'carryover plan profile.ini'); see 'carryover init'");
		rc = co_cli_fail(rc);
	}
done:
	co_strbuf_release(&buf);
	return rc;
}
