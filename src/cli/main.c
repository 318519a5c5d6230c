/*
 * carryover: the command table and global options.
 *
 *   carryover [--db PATH|URL] [--athlete NAME] COMMAND [ARGS...]
 *
 * Each command lives in cmd_<name>.c; this file only dispatches. The
 * global options are parsed here up to the command name, and every command
 * accepts them too (co_cli_parse()), so they may also follow it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
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
	{"profile", cmd_profile, "check a profile file, or show the stored one (profile show)"},
	{"athletes", cmd_athletes, "list the athletes of the store; 'athletes use NAME' switches"},
	{"init", cmd_init, "write a commented athlete profile template"},
	{"plan", cmd_plan, "the season plan (plan [PROFILE]; the stored profile by default)"},
	{"week", cmd_week, "one week of the plan: phase, runs, session cards"},
	{"session", cmd_session, "the strength session of a day (session [DATE], default today)"},
	{"check", cmd_check, "check a plan against the method's rules (check PROFILE|PLAN.json)"},
	{"rules", cmd_rules, "the method's rules: every id and title, or one rule (rules C7)"},
	{"export", cmd_export, "write the plan as a calendar feed or watch workouts (export ics|fit), or the log (export csv|json)"},
	{"import", cmd_import, "import activities: FIT/GPX/TCX files, folders, export zips"},
	{"activities", cmd_activities, "list imported activities (--since DATE, --json)"},
	{"log", cmd_log, "log what you did: sets, sessions, runs, niggles, tests"},
	{"history", cmd_history, "the training log (--since DATE, --json)"},
	{"status", cmd_status, "readiness, fatigue signals, load and the next session"},
	{"analyze", cmd_analyze, "is it working: lifting and the runs after it, trends, e1RM, load"},
	{"report", cmd_report, "the season and training so far as one HTML page (report -o FILE)"},
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
	fputs("  -V, --version   print the version and exit (before COMMAND)\n", f);
	fputs("\n'carryover COMMAND --help' explains a command. An option's value follows it\n"
	      "('--weeks 2') or an '=' ('--weeks=2'); '--' ends the options; '-' where a\n"
	      "file is read means standard input. Exit codes: 0 ok, 1 problem found,\n"
	      "2 bad usage or input (or output that cannot be written), 3 store failure.\n"
	      "Data: $CARRYOVER_DB, else $XDG_DATA_HOME/carryover/carryover.db,\n"
	      "else ~/.local/share/carryover/carryover.db.\n", f);
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

/*
 * Every command's output is checked here, once: a full disk, a closed pipe
 * reader or a closed descriptor must not pass for success with a truncated
 * file. stdout is flushed and closed; any error is one line and exit 2 (the
 * output named by the user could not be written), unless the command
 * already failed with 2 or 3. errno is only trusted from the final flush or
 * close: an earlier failed write may have been followed by other calls.
 */
static int check_output(int rc)
{
	int err = 0;
	bool failed = ferror(stdout) != 0;

	errno = 0;
	if (fflush(stdout) != 0) {
		failed = true;
		err = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	if (!failed)
		return rc;
	fprintf(stderr, "carryover: standard output: %s\n", err ? strerror(err) : "write error");
	return rc == CO_EXIT_STORE || rc == CO_EXIT_USAGE ? rc : CO_EXIT_USAGE;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	return check_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
	co_cli cli = {0};
	char *help_argv[3] = {NULL, "--help", NULL};
	bool version = false;
	const co_opt opts[] = {
		/* listed by co_cli_global_help(), as every command takes them */
		{CO_OPT_VALUE, "db", 0, &cli.db, "PATH|URL", "the store"},
		{CO_OPT_VALUE, "athlete", 0, &cli.athlete, "NAME", "the athlete"},
		{CO_OPT_FLAG, "version", 'V', &version, NULL, "print the version"},
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
	co_cli_term_setup(); /* the width and colour of what commands print */
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
