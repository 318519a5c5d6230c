/*
 * carryover week [DATE] [--profile FILE] [--json]
 *
 * One week of the plan: its phase and the reasons for it, its runs, tests
 * and session cards. DATE (default today) picks the week that contains it.
 * The plan is computed for the whole season, exactly as `plan` computes it.
 *
 * Without --profile, the stored profile of the current athlete (or of
 * --athlete NAME) is used (DESIGN.md, "The current athlete").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/json.h"
#include "carryover/plan.h"
#include "cli/cli.h"

static int usage(FILE *f, int code)
{
	fputs("usage: carryover week [DATE] [--profile FILE] [--json]\n\n"
	      "The week of the plan that contains DATE (YYYY-MM-DD, default today):\n"
	      "its phase and why, its runs, baseline tests and session cards.\n\n"
	      "  --profile FILE  the athlete profile (default: the stored one)\n"
	      "  --json          the week as JSON (the plan contract, one week)\n",
	      f);
	return code;
}

int cmd_week(co_cli *cli, int argc, char **argv)
{
	const char *profile = NULL;
	co_plan *plan = NULL;
	const co_week *w;
	co_date day = 0;
	bool have_day = false, json = false;
	int rc;

	if (co_cli_wants_help(argc, argv))
		return usage(stdout, CO_EXIT_OK);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--profile") && i + 1 < argc) {
			profile = argv[++i];
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage(stderr, 0);
			return co_cli_usage_error("week: unknown option '%s'", argv[i]);
		} else if (!have_day) {
			if (co_date_parse(&day, argv[i]) < 0)
				return co_cli_fail(CO_EINPUT);
			have_day = true;
		} else {
			return co_cli_usage_error("week: one date at a time ('%s' is extra)", argv[i]);
		}
	}
	if (!have_day)
		day = co_cli_today();
	rc = co_cli_plan(&plan, NULL, cli, profile);
	if (rc)
		return rc;
	w = co_plan_week_at(plan, day);
	if (!w) {
		char d[11], a[11], b[11];

		rc = co_cli_usage_error("week: %s is outside the plan (%s to %s)",
					co_date_format(day, d), co_date_format(plan->start, a),
					co_date_format(plan->start + (co_date)(plan->n_weeks * 7) - 1, b));
		co_plan_free(plan);
		return rc;
	}
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
