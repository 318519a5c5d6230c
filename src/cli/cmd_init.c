/*
 * carryover init [FILE] [--name N] [--level L] [--units kg|lb]
 *                [--equipment LIST] [--start DATE] [--week SPEC]
 *                [--race "NAME,DATE,DISTANCE[,PRIORITY]"]... [--force]
 *
 * Writes a commented athlete profile (co_profile_template) to FILE
 * (default profile.ini; "-" for standard output). Values come from the
 * flags; with no flags and a terminal on standard input it asks a few
 * questions instead. Every value goes through co_profile_set(), so a bad
 * flag gets the same message the file would, and the text is parsed back
 * before it is written: what init writes always passes `profile check`.
 *
 * An existing file is never overwritten without --force, and the file
 * appears whole or not at all (written beside it, then linked or renamed).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/outfile.h"
#include "util/strbuf.h"

/* The values of --name, --level, --units, --equipment, --start, in this order. */
static const char *athlete_values[5];
static const char *week_spec;
static co_opt_list race_specs;
static bool force_write, ask_always;
/* End of input (Ctrl-D) at a question: the interview stops, nothing is written. */
static bool interview_aborted;

static const co_opt init_opts[] = {
	{CO_OPT_VALUE, "name", 0, &athlete_values[0], "NAME", "your name (default Runner)"},
	{CO_OPT_VALUE, "level", 0, &athlete_values[1], "LEVEL",
	 "novice | intermediate | advanced (default intermediate)"},
	{CO_OPT_VALUE, "units", 0, &athlete_values[2], "UNITS", "kg | lb (default kg)"},
	{CO_OPT_VALUE, "equipment", 0, &athlete_values[3], "LIST",
	 "none | bodyweight | gym | a list: barbell, dumbbells, ...;\n"
	 "none (the default) means no gym: bodyweight and a resistance\n"
	 "band; bodyweight means not even a band; gym means everything"},
	{CO_OPT_VALUE, "start", 0, &athlete_values[4], "DATE",
	 "first day of the plan (default: the next Monday)"},
	{CO_OPT_VALUE, "week", 0, &week_spec, "SPEC",
	 "the usual week, DAY=TYPE [MINUTES] separated by commas;\n"
	 "days left out are rest (default: an example week)"},
	{CO_OPT_LIST, "race", 0, &race_specs, "SPEC",
	 "NAME,DATE,DISTANCE[,PRIORITY]; repeat for more races"},
	{CO_OPT_FLAG, "force", 'f', &force_write, NULL, "overwrite FILE if it exists"},
	{CO_OPT_FLAG, "ask", 0, &ask_always, NULL,
	 "ask the questions even when standard input is not a terminal"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover init [FILE] [--name NAME] [--level LEVEL] [--units kg|lb]\n"
	      "                      [--equipment LIST] [--start YYYY-MM-DD]\n"
	      "                      [--week \"mon=rest,tue=intervals 60,...\"]\n"
	      "                      [--race \"NAME,DATE,DISTANCE[,PRIORITY]\"]... [--force]\n"
	      "\n"
	      "Write a commented athlete profile to FILE (default profile.ini; '-' for\n"
	      "standard output). With no flags and a terminal it asks a few questions;\n"
	      "otherwise the flags fill it in and the rest keeps its defaults.\n"
	      "\n", f);
	co_opt_help(f, init_opts);
	fputs("\n"
	      "In the questions, Enter keeps the [default]; end of input (Ctrl-D) stops\n"
	      "them, writes nothing and exits 1. Then see your plan with\n"
	      "'carryover plan FILE'. Format: docs/profile.md.\n", f);
}

/* The example week of DESIGN.md, used when --week is not given. */
static const char *const example_week[7] = {
	"rest", "intervals 60", "easy 45", "tempo 50", "rest", "easy 40", "long 120"
};

/* Report a co_profile_set failure for a flag: "carryover: --level: unknown level ...". */
static int flag_fail(const char *flag)
{
	char msg[1024];

	snprintf(msg, sizeof(msg), "%s", co_error_last());
	return co_cli_usage_error("%s: %s", flag, msg);
}

static void trim(char *s)
{
	size_t len = strlen(s), i = 0;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
		       s[len - 1] == '\r'))
		s[--len] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	memmove(s, s + i, len - i + 1);
}

static int set_week(co_profile *p, const char *spec)
{
	char *copy = co_xstrdup(spec), *item, *save = NULL;
	int rc = CO_EXIT_OK;

	for (int d = 0; d < 7; d++)
		co_profile_set(p, "week", co_weekday_short((co_weekday)d), "rest");
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');

		if (!eq) {
			trim(item);
			rc = co_cli_usage_error("--week: expected DAY=TYPE [MINUTES], got '%.40s'", item);
			goto done;
		}
		*eq = '\0';
		trim(item);
		if (co_profile_set(p, "week", item, eq + 1)) {
			rc = flag_fail("--week");
			goto done;
		}
	}
done:
	free(copy);
	return rc;
}

static int add_race(co_profile *p, const char *spec)
{
	char *copy = co_xstrdup(spec), *field[5] = {0}, *s = copy;
	char section[200];
	int n = 0, rc = CO_EXIT_OK;

	while (n < 5) {
		char *comma = strchr(s, ',');
		field[n++] = s;
		if (!comma)
			break;
		*comma = '\0';
		s = comma + 1;
	}
	for (int i = 0; i < n; i++)
		trim(field[i]);
	if (n < 3 || n > 4 || !*field[0]) {
		rc = co_cli_usage_error("--race: expected NAME,DATE,DISTANCE[,PRIORITY], got '%.60s'", spec);
		goto done;
	}
	snprintf(section, sizeof(section), "race %s", field[0]);
	if (co_profile_set(p, section, "date", field[1]) ||
	    co_profile_set(p, section, "distance", field[2]) ||
	    (n == 4 && co_profile_set(p, section, "priority", field[3])))
		rc = flag_fail("--race");
done:
	free(copy);
	return rc;
}

/*
 * One question on the terminal: the answer, or the default on an empty
 * line. End of input is the runner leaving (Ctrl-D): it sets
 * interview_aborted and every later question returns at once, so nothing
 * is written (it used to take every default and write the file, exit 0).
 */
static bool ask(char *out, size_t size, const char *question, const char *def)
{
	if (interview_aborted) {
		snprintf(out, size, "%s", def);
		return false;
	}
	fprintf(stderr, "%s [%s]: ", question, def);
	fflush(stderr);
	if (!fgets(out, (int)size, stdin)) {
		fputc('\n', stderr);
		interview_aborted = true;
		snprintf(out, size, "%s", def);
		return false;
	}
	trim(out);
	if (!*out)
		snprintf(out, size, "%s", def);
	return true;
}

/* Ask until co_profile_set takes the answer; EOF keeps the default. */
static void ask_key(co_profile *p, const char *section, const char *key, const char *question,
		    const char *def)
{
	char line[512];

	for (int tries = 0; tries < 10; tries++) {
		bool more = ask(line, sizeof(line), question, def);

		if (co_profile_set(p, section, key, line) == CO_OK)
			return;
		fprintf(stderr, "  %s\n", co_error_last());
		if (!more)
			break;
	}
	co_profile_set(p, section, key, def);
}

/* The A-race: name, date, distance, each asked until it is valid; EOF or "none" skips it. */
static void race_interview(co_profile *p)
{
	char name[128], date[64], dist[64], section[200], s1[11];
	co_profile *scratch = co_profile_new(p->start);
	co_date d = 0;
	double km;
	int tries;

	for (tries = 0; tries < 10; tries++) {
		if (!ask(name, sizeof(name), "Your next A-race (a name, or Enter for none)", "none") ||
		    !strcmp(name, "none"))
			goto done;
		snprintf(section, sizeof(section), "race %s", name);
		if (co_profile_set(scratch, section, "priority", "A") == CO_OK)
			break;
		fprintf(stderr, "  %s\n", co_error_last());
	}
	for (tries = 0; tries < 10; tries++) {
		if (!ask(date, sizeof(date), "Race date (YYYY-MM-DD)", "none") || !strcmp(date, "none"))
			goto done;
		if (co_date_parse(&d, date) != CO_OK)
			fprintf(stderr, "  %s\n", co_error_last());
		else if (d < p->start)
			fprintf(stderr, "  %s is before the plan starts (%s)\n", date,
				co_date_format(p->start, s1));
		else
			break;
	}
	if (tries == 10)
		goto done;
	for (tries = 0; tries < 10; tries++) {
		bool more = ask(dist, sizeof(dist),
				"Race distance (5k, 10k, half, marathon, ultra or NUMBER km)", "marathon");
		if (co_race_distance_parse(&km, dist) == CO_OK)
			break;
		fprintf(stderr, "  %s\n", co_error_last());
		if (!more)
			goto done;
	}
	if (tries == 10)
		goto done;
	co_profile_set(p, section, "date", date);
	co_profile_set(p, section, "distance", dist);
	co_profile_set(p, section, "priority", "A");
done:
	co_profile_free(scratch);
}

static void interview(co_profile *p)
{
	fputs("A few questions for your profile; Enter keeps the [default].\n", stderr);
	ask_key(p, "athlete", "name", "Your name", "Runner");
	ask_key(p, "athlete", "level",
		"Lifting experience (novice or beginner, intermediate, advanced)", "intermediate");
	ask_key(p, "athlete", "units", "Units (kg, lb)", "kg");
	ask_key(p, "athlete", "distance_units", "Distances in (km, mi)", "km");
	ask_key(p, "athlete", "equipment",
		"Equipment: none (no gym: bodyweight and a band), bodyweight (not even a\n"
		"band), gym (everything), or a list: barbell, dumbbells, box, ...", "none");
	if (interview_aborted)
		return;
	fputs("Your usual running week, one day at a time: TYPE [MINUTES], e.g. 'tempo 50'\n"
	      "or 'long run 95'. Types: rest, easy, recovery, long, tempo, threshold,\n"
	      "intervals, hills, fartlek, race, cross.\n", stderr);
	for (int d = 0; d < 7; d++)
		ask_key(p, "week", co_weekday_short((co_weekday)d),
			co_weekday_name((co_weekday)d), example_week[d]);
	ask_key(p, "athlete", "double_days",
		"Lift on the same day as a hard run, a few hours after it, when no other\n"
		"day is free (yes, no)", "no");
	race_interview(p);
}

/*
 * Write `text` to `path` whole or not at all (util/outfile.h): without
 * --force an existing file is never replaced (the final link() fails), and
 * with it a symlink is followed and the file keeps its mode; a device,
 * FIFO or directory is refused.
 */
static int write_file(const char *path, const char *text, bool force)
{
	int rc = co_outfile_write(path, text, strlen(text), force ? 0 : CO_OUTFILE_NO_CLOBBER);

	if (rc == CO_EEXISTS)
		return co_cli_usage_error("'%s' already exists (use --force to overwrite)", path);
	if (rc < 0)
		return co_cli_usage_error("%s", co_error_last());
	return CO_EXIT_OK;
}

/* '-' and /dev/stdout are standard output, as for 'export ics -o'. */
static bool to_stdout(const char *path)
{
	return !strcmp(path, "-") || !strcmp(path, "/dev/stdout");
}

int cmd_init(co_cli *cli, int argc, char **argv)
{
	static const char *const athlete_keys[5][2] = {
		{"--name", "name"}, {"--level", "level"}, {"--units", "units"},
		{"--equipment", "equipment"}, {"--start", "start"},
	};
	const char *path = NULL;
	co_opt_list operands = {0};
	const co_opt_parser ps = {"init", init_opts, NULL, usage, false};
	bool any_flag = false;
	co_profile *p = NULL, *check = NULL;
	char *text = NULL;
	int rc = CO_EXIT_OK;

	memset(athlete_values, 0, sizeof(athlete_values));
	week_spec = NULL;
	force_write = ask_always = false;
	co_opt_list_release(&race_specs);
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (operands.n > 1) {
		rc = co_cli_usage_error("init: one FILE at a time ('%s' and '%s')", operands.items[0],
					operands.items[1]);
		goto done;
	}
	path = operands.n ? operands.items[0] : "profile.ini";
	for (size_t f = 0; f < 5; f++)
		any_flag |= athlete_values[f] != NULL;
	any_flag |= week_spec != NULL || race_specs.n > 0;
	if (!to_stdout(path) && !force_write && access(path, F_OK) == 0) {
		rc = co_cli_usage_error("'%s' already exists (use --force to overwrite)", path);
		goto done;
	}

	p = co_profile_new(co_app_today(NULL));
	/* units first: the steps follow it */
	if (athlete_values[2] && co_profile_set(p, "athlete", "units", athlete_values[2])) {
		rc = flag_fail("--units");
		goto done;
	}
	for (size_t f = 0; f < 5; f++) {
		if (f != 2 && athlete_values[f] &&
		    co_profile_set(p, "athlete", athlete_keys[f][1], athlete_values[f])) {
			rc = flag_fail(athlete_keys[f][0]);
			goto done;
		}
	}
	if (week_spec) {
		if ((rc = set_week(p, week_spec)) != CO_EXIT_OK)
			goto done;
	} else {
		for (int d = 0; d < 7; d++)
			co_profile_set(p, "week", co_weekday_short((co_weekday)d), example_week[d]);
	}
	for (size_t r = 0; r < race_specs.n; r++)
		if ((rc = add_race(p, race_specs.items[r])) != CO_EXIT_OK)
			goto done;
	interview_aborted = false;
	if (ask_always || (!any_flag && isatty(STDIN_FILENO))) {
		interview(p);
		if (interview_aborted) {
			fputs("carryover: init: stopped at end of input; nothing written\n", stderr);
			rc = CO_EXIT_PROBLEM;
			goto done;
		}
	}
	if (co_profile_finish(p)) {
		rc = flag_fail(race_specs.n ? "--race" : "init");
		goto done;
	}

	text = co_profile_template(p);
	/* What init writes must pass `profile check`; a failure here is a bug. */
	if (co_profile_parse(&check, text, strlen(text), path, co_app_today(NULL))) {
		rc = co_cli_fail(CO_ERROR);
		goto done;
	}
	if (to_stdout(path)) {
		fputs(text, stdout); /* main() checks that it was written */
		goto done;
	}
	rc = write_file(path, text, force_write);
	if (rc == CO_EXIT_OK)
		printf("wrote %s; see your plan with: carryover plan %s\n"
		       "(and check it any time with: carryover profile check %s)\n", path, path, path);
done:
	co_opt_list_release(&race_specs);
	co_opt_list_release(&operands);
	free(text);
	co_profile_free(check);
	co_profile_free(p);
	return rc;
}
