/*
 * What every subcommand shares: the global options, the error reporter and
 * the exit codes of DESIGN.md. Adding a command (the checklist, as git's
 * builtin.h has one):
 *   1. write src/cli/cmd_<name>.c with `int cmd_<name>(co_cli *, int, char **)`
 *      taking argv[0] = "<name>" and printing its usage on --help;
 *   2. declare it below and add a row to the table in main.c;
 *   3. add tests/cli/<name>.t cases and docs/cli/<name>.md.
 * The CLI uses only include/carryover/ and src/util/.
 */
#ifndef CO_CLI_H
#define CO_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum {
	CO_EXIT_OK = 0,
	CO_EXIT_PROBLEM = 1, /* ran, found a problem */
	CO_EXIT_USAGE = 2,   /* bad usage or bad input */
	CO_EXIT_STORE = 3    /* the store failed */
};

typedef struct co_cli {
	const char *db;      /* --db PATH|URL, NULL: the default location */
	const char *athlete; /* --athlete NAME, NULL: the current athlete */
} co_cli;

/** Print "carryover: MESSAGE" for the library's last error; returns the exit code for `code`. */
int co_cli_fail(int code);

/** Print "carryover: FMT..." and return CO_EXIT_USAGE. */
int co_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** True when argv has -h or --help. */
bool co_cli_wants_help(int argc, char **argv);

int cmd_exercises(co_cli *cli, int argc, char **argv);
int cmd_profile(co_cli *cli, int argc, char **argv);
int cmd_init(co_cli *cli, int argc, char **argv);

#endif
