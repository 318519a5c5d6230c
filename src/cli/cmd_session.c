/*
 * carryover session DATE [--profile FILE]
 *
 * The session card(s) of one day: blocks, exercises with their doses and
 * loads, and why the session is there. A day without a session says so,
 * with the day's runs and the next lifting day, and exits 0: a rest day
 * from lifting is part of the plan, not an error.
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
	fputs("usage: carryover session DATE [--profile FILE] [--json]\n\n"
	      "The strength session(s) planned on DATE (YYYY-MM-DD, or 'today'): what to\n"
	      "lift, how much, and why the session is on that day.\n\n",
	      f);
	co_cli_plan_args_help(f, &session_cmd);
}

static const co_cli_plan_cmd session_cmd = {
	"session", CO_PLAN_ARG_NEED_OPERAND | CO_PLAN_ARG_JSON,
	"the day as JSON: its runs and sessions (docs/cli/session.md)", print_usage,
};

int cmd_session(co_cli *cli, int argc, char **argv)
{
	co_cli_plan_args args;
	co_plan *plan = NULL;
	co_strbuf out = CO_STRBUF_INIT;
	const co_week *w;
	co_date day;
	char d[11];
	int rc;

	rc = co_cli_plan_args_parse(&args, cli, &session_cmd, argc, argv);
	if (rc == CO_OPT_HELP) {
		print_usage(stdout);
		return CO_EXIT_OK;
	}
	if (rc)
		return rc;
	day = args.day;
	rc = co_cli_plan(&plan, NULL, cli, args.profile);
	if (rc)
		return rc;
	w = co_plan_week_at(plan, day);
	if (!w) {
		char a[11], b[11];

		rc = co_cli_usage_error("session: %s is outside the plan (%s to %s)",
					co_date_format(day, d), co_date_format(plan->start, a),
					co_date_format(plan->start + (co_date)(plan->n_weeks * 7) - 1, b));
		co_plan_free(plan);
		return rc;
	}
	if (args.json) {
		char *json = NULL;

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
