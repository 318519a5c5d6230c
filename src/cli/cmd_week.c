/*
 * carryover week [DATE] [--profile FILE] [--json]
 *
 * One week of the plan: its phase and the reasons for it, its runs, tests
 * and session cards. DATE (default today) picks the week that contains it;
 * a date before the plan shows week 1 (after it, the last week) with a line
 * saying when the plan starts (ended), and exits 0.
 * The plan is computed for the whole season, exactly as `plan` computes it.
 *
 * Without --profile, the stored profile of the current athlete (or of
 * --athlete NAME) is used (DESIGN.md, "The current athlete"); --profile -
 * reads it from standard input. The arguments are handled as plan's and
 * session's are (plan_args.c).
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

static const co_cli_plan_cmd week_cmd;

static void print_usage(FILE *f)
{
	fputs("usage: carryover week [DATE] [--profile FILE] [--json] [--verbose]\n\n"
	      "The week of the plan that contains DATE (default today): its phase and\n"
	      "why, its runs, baseline tests and session cards, planned against done: a\n"
	      "run imported or logged on a day stands in for the planned one (which it\n"
	      "names), and each card says whether the session was done, partly done,\n"
	      "skipped or missed. Before the plan starts it shows week 1 and says when\n"
	      "the plan starts; after it ends, the last week. DATE is YYYY-MM-DD, today,\n"
	      "tomorrow, yesterday, +N or -N days, or a weekday name (the next such day,\n"
	      "today included).\n\n",
	      f);
	co_cli_plan_args_help(f, &week_cmd);
}

static const co_cli_plan_cmd week_cmd = {
	"week", CO_PLAN_ARG_JSON, "the week as JSON (the plan contract, one week)", print_usage,
};

int cmd_week(co_cli *cli, int argc, char **argv)
{
	co_cli_plan_args args;
	co_plan *plan = NULL;
	const co_week *w;
	co_strbuf note = CO_STRBUF_INIT;
	co_date day;
	bool json;
	int rc;

	if ((rc = co_cli_plan_args_parse(&args, cli, &week_cmd, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	day = args.day;
	json = args.json;
	rc = co_cli_plan(&plan, NULL, cli, args.profile);
	if (rc)
		return rc;
	if (!plan->n_weeks) {
		co_plan_free(plan);
		return co_cli_usage_error("week: the plan has no weeks");
	}
	/* Before the plan: its first week; after it: its last; a line says which. */
	w = co_plan_week_at(plan, day);
	if (!w)
		w = day < plan->start ? &plan->weeks[0] : &plan->weeks[plan->n_weeks - 1];
	co_report_text_outside(&note, plan, day);
	if (note.len)
		fputs(note.buf, json ? stderr : stdout);
	co_strbuf_release(&note);
	if (json) {
		char *out = NULL;

		rc = co_plan_to_json(&out, plan, w->start, 1);
		if (rc < 0) {
			rc = co_cli_fail(rc);
		} else {
			fputs(out, stdout);
			if (!*out || out[strlen(out) - 1] != '\n')
				fputc('\n', stdout);
			rc = CO_EXIT_OK;
		}
		free(out);
	} else {
		co_cli_print_header(stdout, plan);
		co_cli_print_overview(stdout, plan, (size_t)(w - plan->weeks), 1);
		co_cli_print_week(stdout, plan, w);
		rc = CO_EXIT_OK;
	}
	co_plan_free(plan);
	return rc;
}
