/*
 * carryover profile check FILE
 * carryover profile show
 *
 * Reads an athlete profile exactly as every other command will and prints
 * what carryover understood: who, with what, the running week (key runs
 * marked), races in date order, known lifts and the regions each niggle
 * spares. Bad input is one line on stderr and exit 2, so the same command
 * is a validator for editors and scripts; valid means plannable, runs file
 * included (co_app_profile_check()). Nothing is stored. FILE may be "-"
 * (standard input). --json: the same as one JSON object.
 *
 * `profile show` prints the stored profile of the current athlete (or of
 * --athlete NAME) as it was stored, after comment lines saying whose it
 * is, its version and the file it came from, so its output is itself a
 * profile. It re-reads that file first when it has changed (as every
 * command that uses the stored profile does, carryover/app.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

static void usage(FILE *f)
{
	fputs("usage: carryover profile check FILE [--json]\n"
	      "       carryover profile show\n"
	      "\n"
	      "Check an athlete profile (INI, see docs/profile.md) and print what carryover\n"
	      "read from it: name, level, units, equipment, the running week with key runs\n"
	      "marked, races, known lifts and niggles. Valid means 'carryover plan FILE'\n"
	      "works: the runs file it names is read and the season is planned. Exit 0\n"
	      "when it is valid; otherwise one line names the file, line and field, and\n"
	      "the exit code is 2. --json prints the result as one JSON object\n"
	      "(docs/cli/profile.md), on errors too.\n"
	      "FILE may be '-' to read the profile from standard input.\n"
	      "Write a new profile with 'carryover init'.\n"
	      "\n"
	      "'profile show' prints the stored profile of the current athlete (or of\n"
	      "--athlete NAME), after '#' lines naming the athlete, its version and the\n"
	      "file it was stored from.\n", f);
}

static void print_regions(unsigned bits)
{
	bool first = true;

	for (unsigned i = 0; i < CO_REGION_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		printf("%s%s", first ? "" : ", ", co_region_name((co_region)(1u << i)));
		first = false;
	}
}

static void print_equipment(unsigned bits)
{
	bool first = true;

	if (bits == 0) {
		fputs("bodyweight only", stdout);
		return;
	}
	if (bits == CO_EQUIP_ALL) {
		fputs("gym (everything)", stdout);
		return;
	}
	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		printf("%s%s", first ? "" : ", ", co_equipment_name((co_equipment)(1u << i)));
		first = false;
	}
	if (bits == CO_EQUIP_NONE_SET)
		fputs(" (and bodyweight)", stdout);
}

static const char *distance_label(double km, char *buf, size_t size)
{
	if (km == 21.0975)
		return "half marathon";
	if (km == 42.195)
		return "marathon";
	snprintf(buf, size, "%g km", km);
	return buf;
}

static void print_summary(const co_profile *p)
{
	const char *u = co_units_name(p->units);
	char d[11], buf[32];
	int keys = 0, runs = 0, minutes = 0;

	printf("%s: ok\n", p->source ? p->source : "profile");
	printf("athlete:   %s (%s, %s", p->name, co_level_name(p->level), u);
	if (p->body_mass > 0)
		printf(", %g %s", p->body_mass, u);
	printf(")\n");
	printf("equipment: ");
	print_equipment(p->equipment);
	printf("\nsessions:  %d a week, %d min each, lifting after a key run the same day: %s\n",
	       p->sessions_per_week, p->session_minutes, p->double_days ? "yes" : "no");
	printf("start:     %s (%s)\n", co_date_format(p->start, d),
	       co_weekday_name(co_date_weekday(p->start)));
	printf("options:   deload every %d weeks, acwr threshold %g, plate step %g %s, "
	       "dumbbell step %g %s, plyometrics %s, strides %s\n",
	       p->deload_every, p->acwr_threshold, p->plate_step, u, p->dumbbell_step, u,
	       p->plyometrics ? "yes" : "no", p->strides ? "yes" : "no");
	if (p->runs_file)
		printf("runs:      %s\n", p->runs_file);

	printf("\nweek:\n");
	for (int i = 0; i < 7; i++) {
		const co_run *r = &p->week[i];
		bool key = co_run_type_is_key(r->type);

		if (r->type == CO_RUN_REST) {
			printf("  %s  rest\n", co_weekday_short((co_weekday)i));
			continue;
		}
		runs++;
		keys += key;
		minutes += r->minutes;
		printf("  %s  %-10s %4d min%s\n", co_weekday_short((co_weekday)i),
		       co_run_type_name(r->type), r->minutes, key ? "  key" : "");
	}
	printf("  %d runs, %d key, %d min a week\n", runs, keys, minutes);

	if (p->n_races) {
		printf("\nraces:\n");
		for (size_t i = 0; i < p->n_races; i++) {
			const co_race *r = &p->races[i];
			printf("  %s  %s-race  %s (%s)\n", co_date_format(r->date, d),
			       co_race_priority_name(r->priority), r->name,
			       distance_label(r->distance_km, buf, sizeof(buf)));
		}
	} else {
		printf("\nraces: none (the plan follows the running week without a peak)\n");
	}

	if (p->n_lifts) {
		printf("\nlifts:\n");
		for (size_t i = 0; i < p->n_lifts; i++) {
			const co_lift *l = &p->lifts[i];

			if (l->form == CO_LIFT_SET)
				printf("  %-24s %g %s x %d @ %g: e1RM %.1f %s\n", l->exercise, l->load, u,
				       l->reps, l->rpe, co_profile_lift(p, l->exercise), u);
			else
				printf("  %-24s e1RM %g %s\n", l->exercise, l->load, u);
		}
		for (size_t i = 0; i < p->n_lifts; i++)
			if (p->lifts[i].form == CO_LIFT_BARE)
				fprintf(stderr, "%s: warning: [lifts] %s = %g is ambiguous: read as an "
					"e1RM; write '%g x REPS' for a recent set or 'e1rm %g'\n",
					p->source ? p->source : "profile", p->lifts[i].exercise,
					p->lifts[i].load, p->lifts[i].load, p->lifts[i].load);
	}
	if (p->n_niggles) {
		printf("\nniggles:\n");
		for (size_t i = 0; i < p->n_niggles; i++) {
			printf("  %-20s spares ", p->niggles[i].site);
			print_regions(p->niggles[i].regions);
			printf("\n");
		}
	}
}

/*
 * The same validation as plan's and import --profile's
 * (co_app_profile_check(): the profile parses, its runs file reads, its
 * season can be planned), so 'ok' here means 'plan' will work.
 */
static int check(co_cli *cli, const char *path, bool json)
{
	co_app_profile_src src;
	co_strbuf buf = CO_STRBUF_INIT;
	co_profile *p = NULL;
	co_app *app;
	char *text = NULL;
	int rc;

	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	/* A file that cannot be read is bad input too (DESIGN.md: exit 2). */
	if ((rc = co_cli_profile_src(&src, &buf, path)) != CO_EXIT_OK)
		goto fail_json;
	if ((rc = co_app_profile_check(&p, NULL, app, &src)) < 0) {
		co_cli_fail(rc);
		rc = CO_EXIT_USAGE;
		goto fail_json;
	}
	if (!json) {
		print_summary(p);
	} else if ((rc = co_profile_check_to_json(&text, p, NULL)) < 0) {
		rc = co_cli_fail(rc);
		goto done;
	} else {
		fputs(text, stdout);
	}
	rc = CO_EXIT_OK;
	goto done;
fail_json:
	/* the message went to stderr; --json also says it on stdout, as an object */
	if (json && co_profile_check_to_json(&text, NULL, co_error_last()) == CO_OK)
		fputs(text, stdout);
done:
	free(text);
	co_profile_free(p);
	co_strbuf_release(&buf);
	return rc;
}

/* `profile show`: the stored text, after comment lines saying what it is. */
static int show(co_cli *cli)
{
	co_store_athlete a = {0};
	co_app *app;
	size_t len;
	int rc;

	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		return rc;
	rc = co_app_profile_stored(&a, app);
	if (co_app_notice(app))
		fprintf(stderr, "carryover: %s\n", co_app_notice(app));
	if (rc < 0) {
		if (rc == CO_ENOTFOUND && !cli->athlete)
			co_error_set(CO_ENOTFOUND, "no profile yet: give a profile file "
				     "(e.g. 'carryover plan profile.ini'); see 'carryover init'");
		return co_cli_fail(rc);
	}
	if (!a.profile_text) {
		co_error_set(CO_ENOTFOUND, "athlete '%s' has no profile", a.name);
		co_store_athlete_release(&a);
		return co_cli_fail(CO_ENOTFOUND);
	}
	printf("# the stored profile of %s%s, version %d\n", a.name,
	       a.current ? " (the current athlete)" : "", a.profile_version);
	if (a.source_path && strcmp(strrchr(a.source_path, '/') ? strrchr(a.source_path, '/') + 1
								  : a.source_path, "-"))
		printf("# from %s\n", a.source_path);
	else
		printf("# from standard input\n");
	fputs(a.profile_text, stdout);
	len = strlen(a.profile_text);
	if (len && a.profile_text[len - 1] != '\n')
		putchar('\n');
	co_store_athlete_release(&a);
	return CO_EXIT_OK;
}

int cmd_profile(co_cli *cli, int argc, char **argv)
{
	co_opt_list operands = {0};
	bool json = false;
	const co_opt opts[] = {
		{CO_OPT_FLAG, "json", 0, &json, NULL, "profile check: the result as JSON"},
		{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
	};
	const co_opt_parser ps = {"profile", opts, NULL, usage, false};
	int rc;

	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n < 1) {
		usage(stderr);
		rc = co_cli_usage_error("profile: missing subcommand (try 'carryover profile check FILE')");
	} else if (!strcmp(operands.items[0], "show")) {
		rc = operands.n == 1 ? show(cli)
				     : co_cli_usage_error("profile show: unexpected argument '%s' "
							  "(use --athlete NAME)", operands.items[1]);
	} else if (strcmp(operands.items[0], "check")) {
		usage(stderr);
		rc = co_cli_usage_error("profile: unknown subcommand '%s' (expected 'check' or 'show')",
					operands.items[0]);
	} else if (operands.n != 2) {
		usage(stderr);
		rc = co_cli_usage_error(operands.n < 2 ? "profile check: missing FILE"
						       : "profile check: one FILE at a time");
	} else {
		rc = check(cli, operands.items[1], json);
	}
done:
	co_opt_list_release(&operands);
	return rc;
}
