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
#include "cli/cli.h"

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
	const co_session *ses;
	const co_week *w;
	co_date day;
	size_t n = 0;
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
