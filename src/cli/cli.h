/*
 * What every subcommand shares: the global options, the session with the
 * application layer, the error reporter and the exit codes of DESIGN.md.
 *
 * The CLI is argument parsing plus printing: the use cases (the store, the
 * athlete, profiles, plans, imports) are carryover/app.h's, which a server
 * calls too; options are tables (cli/opt.h). Adding a command (the
 * checklist, as git's builtin.h has one):
 *   1. write src/cli/cmd_<name>.c with `int cmd_<name>(co_cli *, int, char **)`
 *      taking argv[0] = "<name>": a co_opt table of its options and a
 *      usage(FILE *) that prints them with co_opt_help(), both in its
 *      co_opt_parser, parsed with co_cli_parse() (or co_cli_start(), which
 *      also opens the session, for a command with options only). The parse
 *      prints the usage to stdout for -h/--help and returns CO_OPT_HELP, so
 *      the command only stops:
 *          if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != 0)
 *                  return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
 *      (no usage(stdout) of its own);
 *   2. declare it below and add a row to the table in main.c;
 *   3. add tests/cli/<name>.t cases and docs/cli/<name>.md;
 *   4. regenerate the man page: scripts/man.sh build/carryover >
 *      docs/man/carryover.1 (tests/man.sh compares it with --help).
 * The CLI uses only include/carryover/ and src/util/ (and its own folder).
 */
#ifndef CO_CLI_H
#define CO_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "carryover/app.h"
#include "carryover/date.h"
#include "util/strbuf.h"

enum {
	CO_EXIT_OK = 0,
	CO_EXIT_PROBLEM = 1, /* ran, found a problem */
	CO_EXIT_USAGE = 2,   /* bad usage or bad input */
	CO_EXIT_STORE = 3    /* the store failed */
};

struct co_opt_list;
struct co_opt_parser;

typedef struct co_cli {
	const char *db;      /* --db PATH|URL, NULL: the default location */
	const char *athlete; /* --athlete NAME, NULL: the current athlete */
	co_app *app;         /* created on first use by co_cli_app(); freed by main */
} co_cli;

/* Free the session the command left in `cli` (main calls it). */
void co_cli_release(co_cli *cli);

/*
 * The application session for --db and --athlete, created on first use
 * (after the command's options are parsed, since the global options may
 * follow the command name). Returns 0, or prints the error and returns
 * the exit code.
 */
int co_cli_app(co_app **out, co_cli *cli);

/*
 * Parse a command's arguments (argv[0] is its name) with its table and the
 * global one (--db, --athlete), GNU style (cli/opt.h). Returns 0;
 * CO_OPT_HELP when -h/--help is among the arguments, after printing the
 * parser's usage to stdout (the command then exits 0: this is the one place
 * --help is answered); or the exit code after the message.
 */
int co_cli_parse(co_cli *cli, const struct co_opt_parser *parser,
		 struct co_opt_list *operands, int argc, char **argv);

/*
 * The start of a command that takes options only and reads the store:
 * co_cli_parse() with no operands, then co_cli_app(). Returns 0 with *out
 * set; CO_OPT_HELP after co_cli_parse() printed the usage (the command
 * exits 0); or the exit code after the message.
 */
int co_cli_start(co_app **out, co_cli *cli, const struct co_opt_parser *parser, int argc,
		 char **argv);

/*
 * For a command with subcommands (export ics): the global options that
 * come before the subcommand's name, whose index goes to *out_next (argc
 * when there is none). Returns 0; CO_OPT_HELP after printing `usage` (the
 * command's, may be NULL) to stdout, as co_cli_parse() does; or the exit
 * code. A -h/--help after the subcommand's name is the subcommand's.
 */
int co_cli_parse_head(co_cli *cli, const char *command, void (*usage)(FILE *f), int argc,
		      char **argv, int *out_next);

/* The global options, as co_opt_help() prints them, for the main usage. */
void co_cli_global_help(FILE *f);

/* How standard input ("-" on the command line) is named in messages. */
#define CO_CLI_STDIN_NAME "<stdin>"

/*
 * Read the file at `path`, or standard input for "-", appending to `buf`
 * (at most max_bytes, 0: no limit). Returns 0 or a CO_E* code with the
 * message set (nothing printed).
 */
int co_cli_read(co_strbuf *buf, const char *path, size_t max_bytes);

/*
 * A profile named on the command line as a source for the app layer: a
 * file, or "-" for standard input (read here into `buf`, which the caller
 * releases). path NULL: *out is not touched and 0 is returned. Returns 0,
 * or prints the error and returns the exit code (2).
 */
int co_cli_profile_src(co_app_profile_src *out, co_strbuf *buf, const char *path);

/*
 * The season plan for a command: of the profile at `profile_path` ("-":
 * standard input), stored as its athlete's once it could be planned, or,
 * without one, of the stored profile of the current athlete (or of
 * --athlete NAME). *out_profile (may be NULL) gets the profile. Returns 0
 * (*out then owns the plan: co_plan_free()), or prints the error and
 * returns the exit code.
 */
struct co_plan;
struct co_week;
struct co_session;
int co_cli_plan(struct co_plan **out, struct co_profile **out_profile, co_cli *cli,
		const char *profile_path);

/*
 * What plan, week and session share (plan_args.c): their options and how
 * their arguments are read. Each declares which options it takes and what
 * its one operand is; the parse checks the values and leaves them ready.
 */
enum {
	CO_PLAN_ARG_JSON = 1,     /* --json */
	CO_PLAN_ARG_WINDOW = 2,   /* --from DATE, --weeks N */
	CO_PLAN_ARG_PROFILE = 4,  /* the operand is the PROFILE (else a DATE) */
	CO_PLAN_ARG_NEED_OPERAND = 8 /* the operand is required */
};

typedef struct co_cli_plan_cmd {
	const char *name;          /* "plan", "week", "session" */
	unsigned flags;            /* CO_PLAN_ARG_* */
	const char *json_help;     /* help of --json */
	void (*usage)(FILE *f);    /* the command's usage (stdout on --help, stderr on errors) */
} co_cli_plan_cmd;

typedef struct co_cli_plan_args {
	const char *profile; /* PROFILE or --profile FILE; NULL: the stored profile */
	bool json;
	bool verbose;        /* --verbose: every why line on the cards (text output) */
	bool have_from;
	co_date from;        /* --from DATE */
	long weeks;          /* --weeks N, 0 when not given */
	bool have_day;
	co_date day;         /* the DATE operand (co_cli_date_parse()), else today */
} co_cli_plan_args;

/*
 * A date as every command takes it (src/cli/dates.c): YYYY-MM-DD, "today",
 * "tomorrow", "yesterday", +N or -N days from today (N up to 3660), or a
 * weekday name ("mon", "Monday"): the next such day, today included.
 * `today` is co_app_today()'s. Returns 0 or CO_EINPUT with the message set.
 */
int co_cli_date_parse(co_date *out, const char *text, co_date today);

/* The same forms for a command about what was done (log, history,
 * activities): a weekday name is the last such day, today included. */
int co_cli_date_parse_past(co_date *out, const char *text, co_date today);

/*
 * --since and --until as history and activities take them (either may be
 * NULL: no bound, CO_STORE_NO_DATE): dates of co_cli_date_parse_past(), the
 * earlier first. CO_EXIT_OK, or the usage error's exit code (printed).
 */
int co_cli_date_range(co_date *since, co_date *until, const char *since_text,
		      const char *until_text);

/* " between A and B", " on or after A", " on or before B", or "" (no dates). */
void co_cli_range_words(char *buf, size_t n, co_date since, co_date until);

/* Parse as co_cli_parse() does (0, CO_OPT_HELP after printing cmd->usage
 * to stdout, or an exit code). */
int co_cli_plan_args_parse(co_cli_plan_args *out, co_cli *cli, const co_cli_plan_cmd *cmd,
			   int argc, char **argv);

/* The option lines of `cmd`'s --help. */
void co_cli_plan_args_help(FILE *f, const co_cli_plan_cmd *cmd);

/*
 * The terminal (term.c): the width to fit on `fd` (the terminal's, else
 * $COLUMNS, else 80), whether to colour it (a terminal, NO_COLOR unset or
 * empty, TERM not dumb), and both handed to the report layer for stdout.
 * co_cli_term_utf8(): whether sparklines may use block characters (the
 * locale, LC_ALL else LC_CTYPE else LANG, names UTF-8 and TERM is not dumb).
 */
int co_cli_term_width(int fd);
bool co_cli_term_colour(int fd);
void co_cli_term_setup(void);
bool co_cli_term_utf8(void);

/** Print "carryover: MESSAGE" for the library's last error; returns the exit code for `code`. */
int co_cli_fail(int code);

/** Print "carryover: FMT..." and return CO_EXIT_USAGE. */
int co_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** True when argv has -h or --help before any "--". */
bool co_cli_wants_help(int argc, char **argv);

int cmd_exercises(co_cli *cli, int argc, char **argv);
int cmd_profile(co_cli *cli, int argc, char **argv);
int cmd_init(co_cli *cli, int argc, char **argv);
int cmd_plan(co_cli *cli, int argc, char **argv);
int cmd_week(co_cli *cli, int argc, char **argv);
int cmd_session(co_cli *cli, int argc, char **argv);

/* Printing the plan, shared by plan, week and session (cmd_plan.c). */
void co_cli_print_header(FILE *f, const struct co_plan *plan);
void co_cli_print_overview(FILE *f, const struct co_plan *plan, size_t first, size_t count);
void co_cli_print_week(FILE *f, const struct co_plan *plan, const struct co_week *w);
int cmd_export(co_cli *cli, int argc, char **argv);
int cmd_check(co_cli *cli, int argc, char **argv);
int cmd_rules(co_cli *cli, int argc, char **argv);
int cmd_debug(co_cli *cli, int argc, char **argv);
int cmd_import(co_cli *cli, int argc, char **argv);
int cmd_activities(co_cli *cli, int argc, char **argv);
int cmd_athletes(co_cli *cli, int argc, char **argv);
int cmd_log(co_cli *cli, int argc, char **argv);
int cmd_history(co_cli *cli, int argc, char **argv);
int cmd_status(co_cli *cli, int argc, char **argv);
int cmd_analyze(co_cli *cli, int argc, char **argv);
int cmd_report(co_cli *cli, int argc, char **argv);

/* carryover export csv|json (cmd_export_log.c); argv[0] is the format. */
int cmd_export_log(co_cli *cli, int argc, char **argv);

/*
 * carryover import's lifting logs (cmd_import_lifts.c): import every Strong
 * or Hevy CSV among `paths`, print what was stored, and take those paths
 * out of the list; the report goes to `to` (standard error under
 * import --json, so standard output stays one JSON object). Returns 0 or the exit code after the message.
 */
struct co_opt_list;
int co_cli_import_lifts(co_app *app, const co_app_profile_src *profile,
			struct co_opt_list *paths, const char *units, FILE *to);

struct co_log_entry;
/* One line describing a log entry, as history and log print it (cmd_history.c). */
void co_cli_log_line(co_strbuf *sb, const struct co_log_entry *e);
/* `debug xml-summary FILE...` (argv[0] = "xml-summary"), wired under `debug`. */
int cmd_debug_xml_summary(co_cli *cli, int argc, char **argv);

#endif
