/*
 * carryover: the command table and global options.
 *
 *   carryover [--db PATH|URL] [--athlete NAME] COMMAND [ARGS...]
 *
 * Each command lives in cmd_<name>.c; this file only dispatches. The
 * global options are parsed here up to the command name, and every command
 * accepts them too (co_cli_parse()), so they may also follow it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/suggest.h"

typedef struct command {
	const char *name;
	int (*fn)(co_cli *cli, int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"exercises", cmd_exercises, "list the exercise catalogue, or show one exercise"},
	{"profile", cmd_profile, "check an athlete profile (profile check FILE)"},
	{"init", cmd_init, "write a commented athlete profile template"},
	{"plan", cmd_plan, "the season plan (plan [PROFILE]; the stored profile by default)"},
	{"week", cmd_week, "one week of the plan: phase, runs, session cards"},
	{"session", cmd_session, "the strength session of a day (session DATE)"},
	{"check", cmd_check, "check a plan against the method's rules (check PROFILE|PLAN.json)"},
	{"rules", cmd_rules, "the method's rules: every id and title, or one rule (rules C7)"},
	{"export", cmd_export, "write the plan as a calendar feed (export ics [PROFILE])"},
	{"import", cmd_import, "import activities: FIT/GPX/TCX files, folders, export zips"},
	{"activities", cmd_activities, "list imported activities (--since DATE, --json)"},
	{"debug", cmd_debug, NULL}, /* developer tools, not listed: debug --help */
};

static void usage(FILE *f)
{
	fputs("usage: carryover [--db PATH|URL] [--athlete NAME] COMMAND [ARGS...]\n\n"
	      "Strength training that carries over to running.\n\ncommands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (commands[i].summary)
			fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nglobal options (before or after COMMAND):\n", f);
	co_cli_global_help(f);
	fputs("\n'carryover COMMAND --help' explains a command. An option's value follows it\n"
	      "('--weeks 2') or an '=' ('--weeks=2'); '--' ends the options; '-' where a\n"
	      "file is read means standard input. Exit codes: 0 ok, 1 problem found,\n"
	      "2 bad usage or input, 3 store failure. Data: $CARRYOVER_DB, else\n"
	      "$XDG_DATA_HOME/carryover/carryover.db, else ~/.local/share/carryover/carryover.db.\n", f);
}

int co_cli_fail(int code)
{
	const char *msg = co_error_last();

	fprintf(stderr, "carryover: %s\n", *msg ? msg : co_error_name(code));
	return co_error_exit_status(code);
}

int co_cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("carryover: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CO_EXIT_USAGE;
}

bool co_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	co_cli cli = {0};
	char *help_argv[3] = {NULL, "--help", NULL};
	bool version = false;
	const co_opt opts[] = {
		/* listed by co_cli_global_help(), as every command takes them */
		{CO_OPT_VALUE, "db", 0, &cli.db, "PATH|URL", "the store"},
		{CO_OPT_VALUE, "athlete", 0, &cli.athlete, "NAME", "the athlete"},
		{CO_OPT_FLAG, "version", 0, &version, NULL, "print the version"},
		{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
	};
	const co_opt_parser ps = {NULL, opts, NULL, usage, true};
	int i, rc;

	rc = co_opt_parse(&ps, NULL, 1, argc, argv, &i);
	if (rc == CO_OPT_HELP) {
		usage(stdout);
		return CO_EXIT_OK;
	}
	if (rc)
		return rc;
	if (version) {
		printf("carryover %s\n", co_version());
		return CO_EXIT_OK;
	}
	if (i >= argc) {
		usage(stderr);
		return CO_EXIT_USAGE;
	}
	if (!strcmp(argv[i], "help")) {
		if (i + 1 >= argc) {
			usage(stdout);
			return CO_EXIT_OK;
		}
		help_argv[0] = argv[i + 1];
		argv = help_argv;
		argc = 2;
		i = 0;
	}
	for (size_t c = 0; c < sizeof(commands) / sizeof(commands[0]); c++)
		if (!strcmp(argv[i], commands[c].name)) {
			rc = commands[c].fn(&cli, argc - i, argv + i);
			co_cli_release(&cli);
			return rc;
		}

	const char *names[sizeof(commands) / sizeof(commands[0]) + 1];
	for (size_t c = 0; c < sizeof(commands) / sizeof(commands[0]); c++)
		names[c] = commands[c].name;
	names[sizeof(commands) / sizeof(commands[0])] = NULL;
	const char *near = co_suggest_from(argv[i], names);
	if (near)
		return co_cli_usage_error("unknown command '%s' (did you mean '%s'?)", argv[i], near);
	return co_cli_usage_error("unknown command '%s' (see 'carryover --help')", argv[i]);
}
