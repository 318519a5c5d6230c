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
#include "carryover/plan.h"
#include "cli/cli.h"
#include "cli/opt.h"

static const co_cli_plan_cmd session_cmd;

static void print_usage(FILE *f)
{
	fputs("usage: carryover session DATE [--profile FILE]\n\n"
	      "The strength session(s) planned on DATE (YYYY-MM-DD, or 'today'): what to\n"
	      "lift, how much, and why the session is on that day.\n\n",
	      f);
	co_cli_plan_args_help(f, &session_cmd);
}

static const co_cli_plan_cmd session_cmd = {
	"session", CO_PLAN_ARG_NEED_OPERAND, NULL, print_usage,
};

int cmd_session(co_cli *cli, int argc, char **argv)
{
	co_cli_plan_args args;
	co_plan *plan = NULL;
	const co_session *ses;
	const co_week *w;
	co_date day;
	size_t n = 0;
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
	printf("week %d of %zu, %s%s\n", w->index, plan->n_weeks, co_phase_name(w->phase),
	       w->deload ? " (deload)" : "");
	ses = co_plan_sessions_on(plan, day, &n);
	for (size_t i = 0; i < n; i++) {
		putchar('\n');
		co_cli_print_session(stdout, plan, &ses[i]);
	}
	if (!n) {
		const co_session *next = NULL;

		printf("no strength session on %s %s", co_weekday_name(co_date_weekday(day)),
		       co_date_format(day, d));
		for (size_t i = 0, shown = 0; i < w->n_runs; i++)
			if (w->runs[i].date == day)
				printf("%s %s %d min", shown++ ? "," : ";",
				       co_run_type_name(w->runs[i].type), w->runs[i].minutes);
		putchar('\n');
		for (size_t k = (size_t)(w - plan->weeks); k < plan->n_weeks && !next; k++)
			for (size_t i = 0; i < plan->weeks[k].n_sessions && !next; i++)
				if (plan->weeks[k].sessions[i].date > day)
					next = &plan->weeks[k].sessions[i];
		if (next)
			printf("next session: %s %s\n", co_weekday_name(co_date_weekday(next->date)),
			       co_date_format(next->date, d));
	}
	co_plan_free(plan);
	return CO_EXIT_OK;
}
