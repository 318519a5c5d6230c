/*
 * carryover check [PROFILE|PLAN.json] [--unexplained]
 *
 * Check a plan against every METHOD rule a plan can break
 * (include/carryover/check.h): the plan of a profile (built as `plan`
 * builds it, with its runs file), or a plan written as JSON (by `plan
 * --json`, the HTTP API, or by hand). Without an argument, the stored
 * profile of the current athlete. A file is JSON when its name ends in
 * .json or its text starts with '{'; "-" reads it from standard input.
 *
 * Prints one line per violation, "RULE DATE reason (explained: the plan's
 * words)", then what was checked and skipped. Exit 1 when a rule is broken
 * without an explanation, 0 otherwise, 2 for bad input. `check` reads; it
 * never stores the profile it is given.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/carryover.h"
#include "carryover/check.h"
#include "carryover/json.h"
#include "carryover/plan.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"

/* Plans are large but not this large (104 weeks of sessions is ~10 MB). */
#define CHECK_MAX_BYTES (256u << 20)

static bool unexplained_only, as_json;

static const co_opt check_opts[] = {
	{CO_OPT_FLAG, "unexplained", 0, &unexplained_only, NULL,
	 "print only the violations the plan does not explain"},
	{CO_OPT_FLAG, "json", 0, &as_json, NULL,
	 "the result as JSON (docs/cli/check.md); exit codes as without"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void print_usage(FILE *f)
{
	fputs("usage: carryover check [PROFILE|PLAN.json] [--unexplained] [--json]\n\n"
	      "Check a plan against every rule of the method (A1-E3) that a plan can\n"
	      "break: the plan of a profile, or a plan written as JSON ('plan --json').\n"
	      "Without a file, the stored profile of the current athlete; '-' reads the\n"
	      "file from standard input.\n\n"
	      "Each violation is printed as RULE DATE REASON; when the plan itself says\n"
	      "why it bent the rule, '(explained: ...)' quotes it. Exit 1 when a rule is\n"
	      "broken without an explanation, 0 otherwise, 2 for bad input.\n"
	      "'carryover rules RULE' prints a rule; docs/method.md has them all.\n\n",
	      f);
	co_opt_help(f, check_opts);
}

static bool looks_like_json(const char *path, const char *text)
{
	size_t n = strlen(path);
	const char *p = text;

	if (n >= 5 && !strcasecmp(path + n - 5, ".json"))
		return true;
	if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbb && (unsigned char)p[2] == 0xbf)
		p += 3; /* a UTF-8 byte-order mark */
	while (*p && isspace((unsigned char)*p))
		p++;
	return *p == '{';
}

/*
 * The plan of a profile (its text already read, or the stored one when
 * path is NULL), built as `plan` builds it; `check` reads and never stores.
 */
static int plan_of_profile(co_plan **out, co_profile **out_profile, co_cli *cli,
			   const char *path, const co_strbuf *text)
{
	co_app_plan_options opts = CO_APP_PLAN_OPTIONS_INIT;
	co_app_profile_src src = {0};
	co_app *app;
	int rc;

	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		return rc;
	if (path) {
		src.path = strcmp(path, "-") ? path : NULL;
		src.name = strcmp(path, "-") ? path : CO_CLI_STDIN_NAME;
		src.text = text->buf ? text->buf : "";
		src.len = text->len;
		opts.profile = &src;
	}
	opts.keep = false;
	if ((rc = co_app_plan(out, out_profile, app, &opts)) < 0)
		return co_cli_fail(rc);
	return CO_EXIT_OK;
}

static void print_result(FILE *f, const co_check_result *r, bool only_unexplained)
{
	char d[11];
	size_t explained = r->n_violations - r->n_unexplained;

	for (size_t i = 0; i < r->n_violations; i++) {
		const co_violation *v = &r->violations[i];

		if (only_unexplained && v->explained)
			continue;
		fprintf(f, "%s %s %s", v->rule, co_date_format(v->date, d), v->reason);
		if (v->explained)
			fprintf(f, " (explained: %s)", v->explanation);
		fputc('\n', f);
	}
	fprintf(f, "checked %zu rule%s over %zu week%s and %zu session%s:", r->n_checked,
		r->n_checked == 1 ? "" : "s", r->n_weeks, r->n_weeks == 1 ? "" : "s",
		r->n_sessions, r->n_sessions == 1 ? "" : "s");
	for (size_t i = 0; i < r->n_checked; i++)
		fprintf(f, " %s", r->checked[i]);
	fputc('\n', f);
	for (size_t i = 0; i < r->n_skipped; i++)
		fprintf(f, "%s %s: %s\n", r->skipped[i].partial ? "partly checked" : "skipped",
			r->skipped[i].rule, r->skipped[i].reason);
	if (r->n_unexplained)
		fprintf(f, "%zu violation%s not explained by the plan, %zu explained\n",
			r->n_unexplained, r->n_unexplained == 1 ? "" : "s", explained);
	else
		fprintf(f, "no rule broken without an explanation (%zu explained)\n", explained);
}

int cmd_check(co_cli *cli, int argc, char **argv)
{
	const char *path = NULL;
	co_strbuf text = CO_STRBUF_INIT;
	co_plan *plan = NULL;
	co_profile *profile = NULL;
	co_check_result result = {0};
	co_opt_list operands = {0};
	const co_opt_parser ps = {"check", check_opts, NULL, print_usage, false};
	int err, rc = CO_EXIT_OK;

	unexplained_only = as_json = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n > 1) {
		rc = co_cli_usage_error("check: one file at a time ('%s' is extra)", operands.items[1]);
		goto done;
	}
	path = operands.n ? operands.items[0] : NULL;
	if (path && (err = co_cli_read(&text, path, CHECK_MAX_BYTES)) < 0) {
		co_cli_fail(err);
		rc = CO_EXIT_USAGE;
		goto done;
	}
	if (path && looks_like_json(path, text.buf ? text.buf : "")) {
		err = co_json_parse_plan(&plan, text.buf, text.len,
					 strcmp(path, "-") ? path : CO_CLI_STDIN_NAME,
					 co_catalog_default());
		if (err < 0) {
			co_cli_fail(err);
			rc = CO_EXIT_USAGE;
			goto done;
		}
	} else if ((rc = plan_of_profile(&plan, &profile, cli, path, &text)) != CO_EXIT_OK) {
		goto done;
	}
	if ((err = co_check_plan(&result, plan, profile)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	if (as_json) {
		char *json = NULL;

		if ((err = co_check_result_to_json(&json, &result)) < 0) {
			rc = co_cli_fail(err);
			goto done;
		}
		fputs(json, stdout);
		free(json);
	} else {
		print_result(stdout, &result, unexplained_only);
	}
	rc = result.n_unexplained ? CO_EXIT_PROBLEM : CO_EXIT_OK;
done:
	co_check_result_release(&result);
	co_plan_free(plan);
	co_profile_free(profile);
	co_strbuf_release(&text);
	co_opt_list_release(&operands);
	return rc;
}
