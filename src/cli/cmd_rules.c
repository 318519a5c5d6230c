/*
 * carryover rules [ID] [--json]
 *
 * The rules of the method, as docs/method.md words them for runners (the
 * page is embedded in the binary: co_method_rules()). Without an id, every
 * rule's id and title; with one, its text. A plan's `why` lines and
 * `carryover check` name rules by these ids. An unknown id gets a
 * did-you-mean and exit 2. The JSON is written here: three strings per
 * rule, escaped by json_string() below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/check.h"
#include "carryover/json.h"
#include "cli/cli.h"
#include "cli/opt.h"

static bool as_json;

static const co_opt rules_opts[] = {
	{CO_OPT_FLAG, "json", 0, &as_json, NULL,
	 "print JSON: [{\"id\", \"title\", \"text\"}, ...], or one such\n"
	 "object for ID"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover rules [ID] [--json]\n"
	      "\n"
	      "The rules of the method carryover plans by: every rule's id and title, or\n"
	      "the text of one (carryover rules C7). Plans and 'carryover check' name\n"
	      "rules by these ids. The same text, with its sources: docs/method.md.\n"
	      "\n", f);
	co_opt_help(f, rules_opts);
}

int cmd_rules(co_cli *cli, int argc, char **argv)
{
	co_opt_list operands = {0};
	const co_opt_parser ps = {"rules", rules_opts, NULL, usage, false};
	const co_method_rule *all, *one = NULL;
	size_t n;
	int rc;

	as_json = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n > 1) {
		rc = co_cli_usage_error("'rules' takes one rule id, not '%s' too", operands.items[1]);
		goto done;
	}
	all = co_method_rules(&n);
	if (operands.n) {
		one = co_method_rule_find(operands.items[0]);
		if (!one) {
			const char *near = co_method_rule_suggest(operands.items[0]);

			rc = near ? co_cli_usage_error("unknown rule '%s' (did you mean '%s'?)",
						       operands.items[0], near) :
				    co_cli_usage_error("unknown rule '%s' (carryover rules lists them)",
						       operands.items[0]);
			goto done;
		}
	}
	if (as_json) {
		char *text = NULL;
		int err = one ? co_rules_to_json(&text, one, 1, true) :
				co_rules_to_json(&text, all, n, false);

		if (err < 0) {
			rc = co_cli_fail(err);
			goto done;
		}
		fputs(text, stdout);
		free(text);
	} else if (one) {
		printf("%s %s\n\n%s\n", one->id, one->title, one->text);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%-4s %s\n", all[i].id, all[i].title);
	}
	rc = CO_EXIT_OK;
done:
	co_opt_list_release(&operands);
	return rc;
}
