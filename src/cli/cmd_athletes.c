/*
 * carryover athletes [--json]
 * carryover athletes use NAME
 *
 * Whose data is it: every athlete of the store, the current one marked
 * with '*', with the version of their stored profile and the file it came
 * from; and switching the current athlete, which is the one every command
 * acts for without --athlete (DESIGN.md "The current athlete"). Storing a
 * profile (plan FILE, import --profile FILE) also makes its athlete
 * current; `use` does it without touching the profile.
 *
 * The JSON is an array of {"name", "current", "profile_version",
 * "profile_source"} (null when unknown), written here: four fields do not
 * need the JSON library, which only src/formats/json.c includes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"

static bool json;

static const co_opt athletes_opts[] = {
	{CO_OPT_FLAG, "json", 0, &json, NULL, "the list as a JSON array"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover athletes [--json]\n"
	      "       carryover athletes use NAME\n\n"
	      "List the athletes of the store, the current one marked '*', with the\n"
	      "version of their stored profile and the file it came from; 'use NAME'\n"
	      "makes NAME the current athlete, the one every command acts for without\n"
	      "--athlete. Storing a profile ('carryover plan FILE') also makes its\n"
	      "athlete the current one.\n\n", f);
	co_opt_help(f, athletes_opts);
}

/* The list as JSON (formats/json_report.c writes it); 0 or the exit code. */
static int print_json(const co_store_athlete *list, size_t n)
{
	co_json_athlete *rows = co_xcalloc(n ? n : 1, sizeof(*rows));
	char *text = NULL;
	int err;

	for (size_t i = 0; i < n; i++)
		rows[i] = (co_json_athlete){list[i].name, list[i].current, list[i].profile_version,
					    list[i].source_path};
	err = co_athletes_to_json(&text, rows, n);
	free(rows);
	if (err < 0)
		return co_cli_fail(err);
	fputs(text, stdout);
	free(text);
	return CO_EXIT_OK;
}

static void print_text(const co_store_athlete *list, size_t n)
{
	int width = 4;

	if (!n) {
		puts("no athletes yet: store a profile with 'carryover plan PROFILE' "
		     "(see 'carryover init')");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(list[i].name) > width)
			width = (int)strlen(list[i].name);
	for (size_t i = 0; i < n; i++) {
		printf("%c %-*s", list[i].current ? '*' : ' ', width, list[i].name);
		if (list[i].profile_version)
			printf("  profile version %d", list[i].profile_version);
		else
			fputs("  no profile", stdout);
		if (list[i].source_path)
			printf(", from %s", list[i].source_path);
		putchar('\n');
	}
}

static int use(co_cli *cli, const char *name)
{
	co_store_athlete a;
	co_app *app;
	int rc;

	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		return rc;
	if ((rc = co_app_athlete_use(&a, app, name)) < 0)
		return co_cli_fail(rc);
	printf("current athlete: %s\n", a.name);
	co_store_athlete_release(&a);
	return CO_EXIT_OK;
}

int cmd_athletes(co_cli *cli, int argc, char **argv)
{
	co_opt_list operands = {0};
	const co_opt_parser ps = {"athletes", athletes_opts, NULL, usage, false};
	co_store_athlete *list = NULL;
	size_t n = 0;
	co_app *app;
	int rc;

	json = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n) {
		if (strcmp(operands.items[0], "use")) {
			usage(stderr);
			rc = co_cli_usage_error("athletes: unknown subcommand '%s' (expected 'use')",
						operands.items[0]);
		} else if (operands.n != 2) {
			rc = co_cli_usage_error(operands.n < 2 ? "athletes use: missing NAME"
							       : "athletes use: one NAME at a time");
		} else if (json) {
			rc = co_cli_usage_error("athletes use: --json is for the list");
		} else {
			rc = use(cli, operands.items[1]);
		}
		goto done;
	}
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	if ((rc = co_app_athletes(&list, &n, app)) < 0) {
		rc = co_cli_fail(rc);
		goto done;
	}
	if (json) {
		rc = print_json(list, n);
	} else {
		print_text(list, n);
		rc = CO_EXIT_OK;
	}
done:
	co_store_athlete_list_free(list, n);
	co_opt_list_release(&operands);
	return rc;
}
