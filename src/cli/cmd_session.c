/*
 * carryover session [DATE] [--profile FILE]
 *
 * The session card(s) of one day: blocks, exercises with their doses and
 * loads, and why the session is there. A day without a session says so,
 * with the day's runs and the next lifting day, and exits 0: a rest day
 * from lifting is part of the plan, not an error. DATE defaults to today;
 * a day before the plan says when it starts and its first session, a day
 * after it that it has ended (exit 0 both).
 *
 * Without --profile, the stored profile of the current athlete (or of
 * --athlete NAME) is used; --profile - reads it from standard input. The
 * arguments are handled as plan's and week's are (plan_args.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/json.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"

static const co_cli_plan_cmd session_cmd;

static void print_usage(FILE *f)
{
	fputs("usage: carryover session [DATE] [--profile FILE] [--json] [--verbose]\n\n"
	      "The strength session(s) planned on DATE (default today): what to lift,\n"
	      "how much, and why the session is on that day; once logged or gone by,\n"
	      "what the log says of it (done, partly done, skipped, missed). A day\n"
	      "without one says so and names the next; before the plan, when it starts.\n"
	      "DATE is YYYY-MM-DD, today, tomorrow, yesterday, +N or -N days, or a\n"
	      "weekday name (the next such day, today included).\n\n",
	      f);
	co_cli_plan_args_help(f, &session_cmd);
}

static const co_cli_plan_cmd session_cmd = {
	"session", CO_PLAN_ARG_JSON,
	"the day as JSON: its runs and sessions (docs/cli/session.md)", print_usage,
};

int cmd_session(co_cli *cli, int argc, char **argv)
{
	co_cli_plan_args args;
	co_plan *plan = NULL;
	co_strbuf out = CO_STRBUF_INIT;
	co_date day;
	int rc;

	if ((rc = co_cli_plan_args_parse(&args, cli, &session_cmd, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	day = args.day;
	rc = co_cli_plan(&plan, NULL, cli, args.profile);
	if (rc)
		return rc;
	if (args.json) {
		char *json = NULL;

		/* A day outside the plan is an answer too: week and phase null. */
		if ((rc = co_day_to_json(&json, plan, day)) < 0) {
			rc = co_cli_fail(rc);
			co_plan_free(plan);
			return rc;
		}
		fputs(json, stdout);
		free(json);
	} else {
		co_report_text_day(&out, plan, day);
		fwrite(out.buf, 1, out.len, stdout);
	}
	co_strbuf_release(&out);
	co_plan_free(plan);
	return CO_EXIT_OK;
}
