/*
 * carryover plan PROFILE [--from DATE] [--weeks N] [--json]
 * carryover plan --versions [--json]
 *
 * The season plan of a profile: an overview (one line a week) and the
 * session cards of the weeks shown. The plan is always computed for the
 * whole season; --from and --weeks only choose what is printed, so the
 * phases and placements never depend on the window.
 *
 * PROFILE may be "-" (standard input). What `week` and `session` share
 * with it: their argument handling and loading the plan (plan_args.c,
 * context.c), and printing weeks and cards (here, declared in cli.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/json.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "carryover/store.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"

/*
 * The printing that plan and week share (cli.h): the report renders
 * into a buffer (include/carryover/report.h), the CLI prints it.
 */
static void print_buf(FILE *f, co_strbuf *sb)
{
	if (sb->len)
		fwrite(sb->buf, 1, sb->len, f);
	co_strbuf_release(sb);
}

void co_cli_print_overview(FILE *f, const co_plan *plan, size_t first, size_t count)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_report_text_overview(&sb, plan, first, count);
	print_buf(f, &sb);
}

void co_cli_print_week(FILE *f, const co_plan *plan, const co_week *w)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_report_text_week(&sb, plan, w);
	print_buf(f, &sb);
}

void co_cli_print_header(FILE *f, const co_plan *plan)
{
	co_strbuf sb = CO_STRBUF_INIT;

	co_report_text_header(&sb, plan);
	print_buf(f, &sb);
}

static const co_cli_plan_cmd plan_cmd;

static void print_usage(FILE *f)
{
	fputs("usage: carryover plan [PROFILE] [--from DATE] [--weeks N] [--json] [--verbose]\n"
	      "       carryover plan --versions [--json]\n\n"
	      "The season plan of PROFILE: a line per week (phase, deload, running minutes,\n"
	      "lifting days and tests), then the session cards of the weeks shown.\n"
	      "PROFILE is stored as its athlete's profile; without it, the stored profile\n"
	      "of the current athlete (or of --athlete NAME) is used. PROFILE may be '-'\n"
	      "for standard input (or '--profile FILE').\n"
	      "The whole season is always planned; --from and --weeks only choose what is\n"
	      "shown. Without --weeks, every week is listed and the first two get cards.\n"
	      "Each time the plan is built from a changed profile, running calendar or\n"
	      "history, it is kept as a new version that governs from today (METHOD E4).\n"
	      "The log steers the weeks after it: loads from the logged sets (D1-D3),\n"
	      "regressions while a logged niggle lasts (A8), accessory cuts and reactive\n"
	      "deloads on fatigue signals (D4, D5, C9); each change says why.\n\n",
	      f);
	co_cli_plan_args_help(f, &plan_cmd);
	fputs("  --versions   list the plan versions kept for the athlete (with --json:\n"
	      "               as JSON); takes no PROFILE\n", f);
}

/* `plan --versions [--json]`: build the current plan (keeping a version if
 * its inputs changed), then list every version kept. */
static int plan_versions(co_cli *cli, int argc, char **argv)
{
	bool versions = false, json = false;
	co_opt opts[] = {
		{CO_OPT_FLAG, "versions", 0, &versions, NULL, NULL},
		{CO_OPT_FLAG, "json", 0, &json, NULL, NULL},
		{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
	};
	co_opt_parser ps = {"plan", opts, NULL, print_usage, false};
	co_opt_list operands = {0};
	co_store_plan_version *v = NULL;
	co_plan *plan = NULL;
	co_app *app;
	size_t n = 0;
	int rc;

	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n) {
		rc = co_cli_usage_error("plan: --versions takes no profile ('%s')", operands.items[0]);
		goto done;
	}
	if ((rc = co_cli_plan(&plan, NULL, cli, NULL)) != CO_EXIT_OK ||
	    (rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	if ((rc = co_app_plan_versions(&v, &n, app)) < 0) {
		rc = co_cli_fail(rc);
		goto done;
	}
	if (json) {
		fputs("[", stdout);
		for (size_t i = 0; i < n; i++) {
			char d[11];

			printf("%s\n  {\"version\": %d, \"from\": \"%s\", \"days\": %zu, \"hash\": \"%s\", "
			       "\"created_at\": \"%s\"}", i ? "," : "", v[i].version,
			       co_date_format(v[i].from, d), v[i].n_days, v[i].hash ? v[i].hash : "",
			       v[i].created_at ? v[i].created_at : "");
		}
		fputs(n ? "\n]\n" : "]\n", stdout);
	} else {
		printf("plan versions of %s (each governs from its date on, METHOD E4):\n", plan->athlete);
		printf("  version  from        days  inputs\n");
		for (size_t i = 0; i < n; i++) {
			char d[11];

			printf("  %7d  %s  %4zu  %.12s\n", v[i].version, co_date_format(v[i].from, d),
			       v[i].n_days, v[i].hash ? v[i].hash : "");
		}
	}
	rc = CO_EXIT_OK;
done:
	co_store_plan_list_free(v, n);
	co_plan_free(plan);
	co_opt_list_release(&operands);
	return rc;
}

static const co_cli_plan_cmd plan_cmd = {
	"plan", CO_PLAN_ARG_PROFILE | CO_PLAN_ARG_WINDOW | CO_PLAN_ARG_JSON,
	"the plan as JSON (docs/plan-json.md)", print_usage,
};

int cmd_plan(co_cli *cli, int argc, char **argv)
{
	co_cli_plan_args a;
	co_plan *plan = NULL;
	size_t first = 0, count, cards;
	int rc;

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--versions"))
			return plan_versions(cli, argc, argv);
	if ((rc = co_cli_plan_args_parse(&a, cli, &plan_cmd, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	rc = co_cli_plan(&plan, NULL, cli, a.profile);
	if (rc)
		return rc;
	if (a.json) {
		char *out = NULL;

		rc = co_plan_to_json(&out, plan, a.have_from ? a.from : CO_JSON_FROM_START, (int)a.weeks);
		if (rc < 0) {
			rc = co_cli_fail(rc);
		} else {
			fputs(out, stdout);
			if (!*out || out[strlen(out) - 1] != '\n')
				fputc('\n', stdout);
			rc = CO_EXIT_OK;
		}
		free(out);
		co_plan_free(plan);
		return rc;
	}
	if (a.have_from) {
		while (first < plan->n_weeks && plan->weeks[first].start + 6 < a.from)
			first++;
		if (first >= plan->n_weeks) {
			char d[11];

			co_plan_free(plan);
			return co_cli_usage_error("plan: --from %s is after the plan's last week",
						  co_date_format(a.from, d));
		}
	}
	count = a.weeks ? (size_t)a.weeks : plan->n_weeks - first;
	if (count > plan->n_weeks - first)
		count = plan->n_weeks - first;
	cards = a.weeks ? count : (count < 2 ? count : 2);

	co_cli_print_header(stdout, plan);
	co_cli_print_overview(stdout, plan, first, count);
	for (size_t i = first; i < first + cards; i++)
		co_cli_print_week(stdout, plan, &plan->weeks[i]);
	if (cards < count)
		printf("\n(cards for %zu of %zu weeks; --from DATE --weeks N shows others)\n", cards,
		       count);
	co_plan_free(plan);
	return CO_EXIT_OK;
}
