/*
 * carryover session DATE [--profile FILE]
 *
 * The session card(s) of one day: blocks, exercises with their doses and
 * loads, and why the session is there. A day without a session says so,
 * with the day's runs and the next lifting day, and exits 0: a rest day
 * from lifting is part of the plan, not an error.
 *
 * Without --profile, the stored profile of the current athlete (or of
 * --athlete NAME) is used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "util/strbuf.h"

static int usage(FILE *f, int code)
{
	fputs("usage: carryover session DATE [--profile FILE]\n\n"
	      "The strength session(s) planned on DATE (YYYY-MM-DD, or 'today'): what to\n"
	      "lift, how much, and why the session is on that day.\n\n"
	      "  --profile FILE  the athlete profile (default: the stored one)\n",
	      f);
	return code;
}

int cmd_session(co_cli *cli, int argc, char **argv)
{
	const char *profile = NULL, *date_text = NULL;
	co_plan *plan = NULL;
	co_strbuf out = CO_STRBUF_INIT;
	const co_week *w;
	co_date day;
	char d[11];
	int rc;

	if (co_cli_wants_help(argc, argv))
		return usage(stdout, CO_EXIT_OK);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--profile") && i + 1 < argc) {
			profile = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage(stderr, 0);
			return co_cli_usage_error("session: unknown option '%s'", argv[i]);
		} else if (!date_text) {
			date_text = argv[i];
		} else {
			return co_cli_usage_error("session: one date at a time ('%s' is extra)", argv[i]);
		}
	}
	if (!date_text) {
		usage(stderr, 0);
		return co_cli_usage_error("session: no date given");
	}
	if (!strcmp(date_text, "today"))
		day = co_cli_today();
	else if (co_date_parse(&day, date_text) < 0)
		return co_cli_fail(CO_EINPUT);
	rc = co_cli_plan(&plan, NULL, cli, profile);
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
	co_report_text_day(&out, plan, day);
	fwrite(out.buf, 1, out.len, stdout);
	co_strbuf_release(&out);
	co_plan_free(plan);
	return CO_EXIT_OK;
}
