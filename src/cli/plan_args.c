/*
 * The argument handling plan, week and session share: one option table
 * (--profile FILE, --json, --from DATE, --weeks N, --verbose), of which each command
 * takes the options its co_cli_plan_cmd flags name, and one operand: the
 * PROFILE for plan, a DATE for week and session. Values are checked here,
 * with the messages these commands have always given, so the three stay
 * alike: a date is any of co_cli_date_parse()'s forms (dates.c), --weeks is 1-1000,
 * one operand at most.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

/* The options `cmd` takes, their values going to *v. Returns the count. */
static size_t table(co_opt out[7], const co_cli_plan_cmd *cmd, const char **from,
		    const char **weeks, const char **profile, bool *json, bool *verbose)
{
	size_t n = 0;

	if (cmd->flags & CO_PLAN_ARG_WINDOW) {
		out[n++] = (co_opt){CO_OPT_VALUE, "from", 0, from, "DATE",
				    "start at the week containing DATE"};
		out[n++] = (co_opt){CO_OPT_VALUE, "weeks", 0, weeks, "N",
				    "show N weeks (overview and cards)"};
	}
	out[n++] = (co_opt){CO_OPT_VALUE, "profile", 0, profile, "FILE",
			    cmd->flags & CO_PLAN_ARG_PROFILE
				    ? NULL /* plan takes PROFILE itself; --profile is its synonym */
				    : "the athlete profile (default: the stored one;\n'-' reads it from standard input)"};
	if (cmd->flags & CO_PLAN_ARG_JSON)
		out[n++] = (co_opt){CO_OPT_FLAG, "json", 0, json, NULL, cmd->json_help};
	/* issue 8: the cards leave out why lines that restate a rule held as stated */
	out[n++] = (co_opt){CO_OPT_FLAG, "verbose", 0, verbose, NULL,
			    "every why line on the session cards, also those that\n"
			    "only restate a rule the card shows (text output)"};
	out[n] = (co_opt){CO_OPT_END, NULL, 0, NULL, NULL, NULL};
	return n;
}

void co_cli_plan_args_help(FILE *f, const co_cli_plan_cmd *cmd)
{
	const char *s = NULL;
	bool b = false, v = false;
	co_opt opts[7];

	table(opts, cmd, &s, &s, &s, &b, &v);
	co_opt_help(f, opts);
}

int co_cli_plan_args_parse(co_cli_plan_args *out, co_cli *cli, const co_cli_plan_cmd *cmd,
			   int argc, char **argv)
{
	const char *from = NULL, *weeks = NULL, *profile = NULL, *operand = NULL;
	co_opt_list operands = {0};
	co_opt opts[7];
	co_opt_parser ps = {cmd->name, opts, NULL, cmd->usage, false};
	int rc;

	memset(out, 0, sizeof(*out));
	table(opts, cmd, &from, &weeks, &profile, &out->json, &out->verbose);
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_OPT_OK)
		goto done;
	if (cmd->flags & CO_PLAN_ARG_PROFILE) {
		/* PROFILE and --profile FILE name the same thing: one of them */
		if (profile && operands.n) {
			rc = co_cli_usage_error("%s: one profile at a time ('%s' is extra)", cmd->name,
						operands.items[0]);
			goto done;
		}
		if (operands.n > 1) {
			rc = co_cli_usage_error("%s: one profile at a time ('%s' is extra)", cmd->name,
						operands.items[1]);
			goto done;
		}
		out->profile = operands.n ? operands.items[0] : profile;
	} else {
		if (operands.n > 1) {
			rc = co_cli_usage_error("%s: one date at a time ('%s' is extra)", cmd->name,
						operands.items[1]);
			goto done;
		}
		out->profile = profile;
		operand = operands.n ? operands.items[0] : NULL;
	}
	if (from) {
		if (co_cli_date_parse(&out->from, from, co_app_today(NULL)) < 0) {
			rc = co_cli_fail(CO_EINPUT);
			goto done;
		}
		out->have_from = true;
	}
	if (weeks) {
		char *end;

		out->weeks = strtol(weeks, &end, 10);
		if (!*weeks || *end || out->weeks < 1 || out->weeks > 1000) {
			rc = co_cli_usage_error("--weeks: '%s' is not a number of weeks (1-1000)", weeks);
			goto done;
		}
	}
	if (!operand && (cmd->flags & CO_PLAN_ARG_NEED_OPERAND)) {
		cmd->usage(stderr);
		rc = co_cli_usage_error("%s: no date given", cmd->name);
		goto done;
	}
	out->day = co_app_today(NULL);
	if (operand) {
		if (co_cli_date_parse(&out->day, operand, out->day) < 0) {
			rc = co_cli_fail(CO_EINPUT);
			goto done;
		}
	}
	out->have_day = operand != NULL;
	co_report_text_verbose(out->verbose);
done:
	co_opt_list_release(&operands);
	return rc;
}
