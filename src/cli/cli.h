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
#include <stdint.h>
#include <stdio.h>

#include "carryover/date.h"

enum {
	CO_EXIT_OK = 0,
	CO_EXIT_PROBLEM = 1, /* ran, found a problem */
	CO_EXIT_USAGE = 2,   /* bad usage or bad input */
	CO_EXIT_STORE = 3    /* the store failed */
};

struct co_store;
struct co_profile;

typedef struct co_cli {
	const char *db;      /* --db PATH|URL, NULL: the default location */
	const char *athlete; /* --athlete NAME, NULL: the current athlete */
	struct co_store *store; /* opened on first use by co_cli_store(); closed by main */
	int64_t athlete_id;  /* the athlete whose profile was read or kept, 0 before */
	char *pending_text;  /* a profile file read but not yet stored (co_cli_profile_keep) */
	char *pending_path;  /* its absolute path */
} co_cli;

/* Close the store and free what the commands left in `cli` (main calls it). */
void co_cli_release(co_cli *cli);

/* Today, or CARRYOVER_TODAY=YYYY-MM-DD when set (scripts and tests pin it). */
co_date co_cli_today(void);

/*
 * The store, opened once per run at cli->db (or the default location).
 * Returns 0, or prints the error and returns the exit code (3).
 */
int co_cli_store(struct co_store **out, co_cli *cli);

/*
 * The athlete's profile (DESIGN.md "The current athlete"). With a path, the
 * file is read, checked, and stored as the profile of the athlete it names,
 * who becomes the current athlete. Without one, the stored profile of
 * --athlete NAME, or of the current athlete, is used. *out_athlete_id (may
 * be NULL) gets the athlete's id. Returns 0 (the caller frees *out with
 * co_profile_free), or prints the error and returns the exit code.
 */
int co_cli_profile(struct co_profile **out, int64_t *out_athlete_id, co_cli *cli,
		   const char *path);

/*
 * The two halves of co_cli_profile, for commands that validate more than the
 * profile before anything is written (a plan also needs its runs file): read
 * it (a file is then pending in cli), and, once the command has succeeded,
 * keep it (store a pending file as its athlete's profile; no-op otherwise).
 */
int co_cli_profile_read(struct co_profile **out, co_cli *cli, const char *path);
int co_cli_profile_keep(int64_t *out_athlete_id, co_cli *cli, const struct co_profile *p);

/** Print "carryover: MESSAGE" for the library's last error; returns the exit code for `code`. */
int co_cli_fail(int code);

/** Print "carryover: FMT..." and return CO_EXIT_USAGE. */
int co_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** True when argv has -h or --help. */
bool co_cli_wants_help(int argc, char **argv);

int cmd_exercises(co_cli *cli, int argc, char **argv);
int cmd_profile(co_cli *cli, int argc, char **argv);
int cmd_init(co_cli *cli, int argc, char **argv);
int cmd_plan(co_cli *cli, int argc, char **argv);
int cmd_week(co_cli *cli, int argc, char **argv);
int cmd_session(co_cli *cli, int argc, char **argv);

/*
 * Shared by plan, week and session (defined in cmd_plan.c). The loader
 * reads the profile and its runs file and builds the whole season; on
 * failure it has printed the error and returns the exit code (0 on success,
 * *out then owns the plan: co_plan_free()).
 */
struct co_plan;
struct co_week;
int co_cli_plan_load(struct co_plan **out, const char *profile_path);
/*
 * The same through the store: with a path, the profile is read and stored
 * (co_cli_profile); without one, the stored profile of the current athlete
 * (or --athlete) is used. *out_profile (may be NULL) gets the profile.
 */
int co_cli_plan(struct co_plan **out, struct co_profile **out_profile, co_cli *cli,
		const char *profile_path);
void co_cli_print_header(FILE *f, const struct co_plan *plan);
void co_cli_print_overview(FILE *f, const struct co_plan *plan, size_t first, size_t count);
void co_cli_print_week(FILE *f, const struct co_plan *plan, const struct co_week *w);
int cmd_export(co_cli *cli, int argc, char **argv);
int cmd_check(co_cli *cli, int argc, char **argv);
int cmd_debug(co_cli *cli, int argc, char **argv);
int cmd_import(co_cli *cli, int argc, char **argv);
int cmd_activities(co_cli *cli, int argc, char **argv);
/* `debug xml-summary FILE...` (argv[0] = "xml-summary"), wired under `debug`. */
int cmd_debug_xml_summary(co_cli *cli, int argc, char **argv);

#endif
