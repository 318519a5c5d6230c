/*
 * carryover plan PROFILE [--from DATE] [--weeks N] [--json]
 *
 * The season plan of a profile: an overview (one line a week) and the
 * session cards of the weeks shown. The plan is always computed for the
 * whole season; --from and --weeks only choose what is printed, so the
 * phases and placements never depend on the window.
 *
 * This file also holds what `week` and `session` share with it: loading a
 * profile (and its runs file) into a plan, and printing weeks and cards
 * (declared in cli.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/calendar_io.h"
#include "carryover/json.h"
#include "carryover/plan.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "util/strbuf.h"

int co_cli_plan(co_plan **out, co_profile **out_profile, co_cli *cli, const char *profile_path)
{
	co_profile *p = NULL;
	co_calendar cal;
	int rc;

	*out = NULL;
	if (out_profile)
		*out_profile = NULL;
	co_calendar_init(&cal);
	if ((rc = co_cli_profile_read(&p, cli, profile_path)) != CO_EXIT_OK)
		goto done;
	if (p->runs_file) {
		rc = co_calendar_read_file(&cal, p->runs_file);
		if (rc < 0) {
			/* the runs file is input the athlete named: exit 2 */
			co_cli_fail(rc);
			rc = CO_EXIT_USAGE;
			goto done;
		}
	}
	rc = co_plan_build(out, p, &cal, NULL, NULL);
	if (rc < 0) {
		rc = co_cli_fail(rc);
		goto done;
	}
	/* Only a profile that could be planned becomes the stored one. */
	if ((rc = co_cli_profile_keep(NULL, cli, p)) != CO_EXIT_OK) {
		co_plan_free(*out);
		*out = NULL;
		goto done;
	}
	if (out_profile) {
		*out_profile = p;
		p = NULL;
	}
done:
	co_calendar_release(&cal);
	co_profile_free(p);
	return rc;
}

int co_cli_plan_load(co_plan **out, const char *profile_path)
{
	co_cli cli = {0};
	int rc = co_cli_plan(out, NULL, &cli, profile_path);

	co_cli_release(&cli);
	return rc;
}

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

static int usage(FILE *f, int code)
{
	fputs("usage: carryover plan [PROFILE] [--from DATE] [--weeks N] [--json]\n\n"
	      "The season plan of PROFILE: a line per week (phase, deload, running minutes,\n"
	      "lifting days and tests), then the session cards of the weeks shown.\n"
	      "PROFILE is stored as its athlete's profile; without it, the stored profile\n"
	      "of the current athlete (or of --athlete NAME) is used.\n"
	      "The whole season is always planned; --from and --weeks only choose what is\n"
	      "shown. Without --weeks, every week is listed and the first two get cards.\n\n"
	      "  --from DATE   start at the week containing DATE (YYYY-MM-DD)\n"
	      "  --weeks N     show N weeks (overview and cards)\n"
	      "  --json        the plan as JSON (docs/plan-json.md)\n",
	      f);
	return code;
}

int cmd_plan(co_cli *cli, int argc, char **argv)
{
	const char *path = NULL;
	co_plan *plan = NULL;
	co_date from = 0;
	bool have_from = false, json = false;
	long weeks = 0;
	size_t first = 0, count, cards;
	int rc;

	if (co_cli_wants_help(argc, argv))
		return usage(stdout, CO_EXIT_OK);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--from") && i + 1 < argc) {
			if (co_date_parse(&from, argv[++i]) < 0)
				return co_cli_fail(CO_EINPUT);
			have_from = true;
		} else if (!strcmp(argv[i], "--weeks") && i + 1 < argc) {
			char *end;

			weeks = strtol(argv[++i], &end, 10);
			if (*end || weeks < 1 || weeks > 1000)
				return co_cli_usage_error("--weeks: '%s' is not a number of weeks (1-1000)",
							  argv[i]);
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage(stderr, 0);
			return co_cli_usage_error("plan: unknown option '%s'", argv[i]);
		} else if (!path) {
			path = argv[i];
		} else {
			return co_cli_usage_error("plan: one profile at a time ('%s' is extra)", argv[i]);
		}
	}
	rc = co_cli_plan(&plan, NULL, cli, path);
	if (rc)
		return rc;
	if (json) {
		char *out = NULL;

		rc = co_plan_to_json(&out, plan, have_from ? from : 0, (int)weeks);
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
	if (have_from) {
		while (first < plan->n_weeks && plan->weeks[first].start + 6 < from)
			first++;
		if (first >= plan->n_weeks) {
			char d[11];

			co_plan_free(plan);
			return co_cli_usage_error("plan: --from %s is after the plan's last week",
						  co_date_format(from, d));
		}
	}
	count = weeks ? (size_t)weeks : plan->n_weeks - first;
	if (count > plan->n_weeks - first)
		count = plan->n_weeks - first;
	cards = weeks ? count : (count < 2 ? count : 2);

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
