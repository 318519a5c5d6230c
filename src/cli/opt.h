/*
 * Command-line options as data. Each command declares a table of the
 * options it takes (name, short letter, whether it takes a value, where the
 * value goes, help text); co_opt_parse() fills the destinations and collects
 * the operands, and co_opt_help() prints the option lines of --help from
 * the same table, so the help cannot drift from what is parsed. The shape
 * follows libgit2's src/cli/opt.h, smaller.
 *
 * GNU habits, everywhere:
 *   --weeks=2 and --weeks 2; -o FILE, -oFILE; -vq for -v -q;
 *   options and operands in any order (after the command name);
 *   `--` ends the options: every later argument is an operand;
 *   `-` alone is an operand (standard input, where a command reads a file);
 *   `-3` (a dash and digits only) is an operand too: "3 days ago" for a DATE;
 *   a misspelt long option gets "(did you mean '--weeks'?)".
 * The global options (--db, --athlete) are a second table every command
 * accepts, so they work before or after the command name.
 *
 * Messages (one line on stderr, exit 2), "CMD: " first when there is a
 * command: "unknown option '--wekes' (did you mean '--weeks'?)",
 * "option '--weeks' needs a value", "option '--json' takes no value". On an
 * unknown option the command's usage is printed to stderr first.
 */
#ifndef CO_CLI_OPT_H
#define CO_CLI_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum co_opt_type {
	CO_OPT_END = 0, /* ends a table */
	CO_OPT_FLAG,    /* no value: dest is a bool *, set to true */
	CO_OPT_VALUE,   /* one value: dest is a const char **, the last one given wins */
	CO_OPT_LIST     /* a value, repeatable: dest is a co_opt_list *, values appended */
} co_opt_type;

typedef struct co_opt {
	co_opt_type type;
	const char *name;       /* long name without "--"; NULL: short only */
	char alias;             /* short letter (-o), 0: none */
	void *dest;             /* see co_opt_type */
	const char *value_name; /* in --help: "N", "DATE", "FILE" */
	const char *help;       /* in --help (may hold '\n'); NULL: not listed */
} co_opt;

/* Values collected in order: operands, or a repeatable option's values. */
typedef struct co_opt_list {
	const char **items; /* point into argv; the array is freed with co_opt_list_release() */
	size_t n, cap;
} co_opt_list;

void co_opt_list_release(co_opt_list *list);

typedef struct co_opt_parser {
	const char *command;           /* for messages ("plan", "export ics"); NULL: none */
	const co_opt *opts;            /* the command's table */
	const co_opt *globals;         /* a second table (--db, --athlete), may be NULL */
	void (*usage)(FILE *f);        /* printed to stderr before an unknown option, and by
					* co_cli_parse() to stdout for --help; may be NULL */
	bool stop_at_operand;          /* the first operand ends the options (main's command name) */
} co_opt_parser;

enum {
	CO_OPT_OK = 0,
	CO_OPT_HELP = -1 /* -h or --help was given (before any `--`) */
};

/**
 * Parse argv[first..argc): options into their destinations, operands into
 * *operands (may be NULL when the command takes none: an operand is then an
 * error, "unexpected argument 'X'"). With stop_at_operand, *out_next gets
 * the index of the first operand (argc when none) and the rest is left
 * alone. Returns CO_OPT_OK, CO_OPT_HELP, or an exit code (2) after printing
 * the message. The caller releases *operands.
 */
int co_opt_parse(const co_opt_parser *parser, co_opt_list *operands, int first, int argc,
		 char **argv, int *out_next);

/** The option lines of --help for `opts` ("  -o, --output FILE  help"), aligned. */
void co_opt_help(FILE *f, const co_opt *opts);

#endif
