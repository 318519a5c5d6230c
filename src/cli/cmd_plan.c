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
#include "cli/cli.h"

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
	rc = co_plan_build(out, &(co_plan_input){.profile = p, .calendar = &cal}, NULL);
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

static const char *short_day(co_date d)
{
	static const char *const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

	return names[co_date_weekday(d)];
}

static char focus_letter(co_focus f)
{
	switch (f) {
	case CO_FOCUS_POSTERIOR_CHAIN: return 'A';
	case CO_FOCUS_STABILITY: return 'B';
	case CO_FOCUS_MAINTENANCE: return 'M';
	case CO_FOCUS_RECOVERY: return 'R';
	case CO_FOCUS_TEST: return 'T';
	default: return '?';
	}
}

static const char *focus_title(co_focus f)
{
	switch (f) {
	case CO_FOCUS_POSTERIOR_CHAIN: return "Strength A: posterior chain";
	case CO_FOCUS_STABILITY: return "Strength B: stability";
	case CO_FOCUS_MAINTENANCE: return "Strength: maintenance";
	case CO_FOCUS_RECOVERY: return "Mobility: recovery";
	case CO_FOCUS_TEST: return "Baseline tests";
	default: return "Strength";
	}
}

static const char *block_title(co_block_kind k)
{
	switch (k) {
	case CO_BLOCK_WARMUP: return "warm-up";
	case CO_BLOCK_MAIN: return "main";
	case CO_BLOCK_ACCESSORY: return "accessory";
	case CO_BLOCK_COOLDOWN: return "cool-down";
	default: return "block";
	}
}

static const char *test_short(co_test_kind k)
{
	switch (k) {
	case CO_TEST_SINGLE_LEG_SQUAT: return "squat";
	case CO_TEST_THRESHOLD_RUN: return "threshold";
	case CO_TEST_CALF_RAISE: return "calf";
	case CO_TEST_REP_MAX: return "rep-max";
	default: return "?";
	}
}

static const char *run_word(co_run_type t)
{
	return t == CO_RUN_LONG ? "long run" : co_run_type_name(t);
}

void co_cli_print_overview(FILE *f, const co_plan *plan, size_t first, size_t count)
{
	char d[11], buf[160];

	fprintf(f, " wk  week of     phase            run/key min  sessions               tests\n");
	for (size_t i = first; i < plan->n_weeks && i < first + count; i++) {
		const co_week *w = &plan->weeks[i];
		size_t len = 0;

		fprintf(f, "%3d  %s  %-8s %-7s %5d/%-5d  ", w->index, co_date_format(w->start, d),
			co_phase_name(w->phase), w->deload ? "deload" : "",
			w->run_minutes, w->key_minutes);
		buf[0] = '\0';
		for (size_t s = 0; s < w->n_sessions && len < sizeof(buf) - 16; s++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s %c",
						s ? ", " : "", short_day(w->sessions[s].date),
						focus_letter(w->sessions[s].focus));
		fprintf(f, "%-22s", w->n_sessions ? buf : "-");
		buf[0] = '\0';
		len = 0;
		for (size_t t = 0; t < w->n_tests && len < sizeof(buf) - 24; t++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s %s",
						t ? ", " : "", test_short(w->tests[t].kind),
						short_day(w->tests[t].date));
		fprintf(f, " %s\n", buf);
	}
	fputs("sessions: A posterior chain, B stability, M maintenance, R mobility (recovery), T baseline tests\n",
	      f);
}

/* Equipment that carries a load: without a known load, the RPE sets it. */
#define WEIGHTS (CO_EQUIP_DUMBBELLS | CO_EQUIP_KETTLEBELL | CO_EQUIP_BARBELL | \
		 CO_EQUIP_TRAP_BAR | CO_EQUIP_PLATE | CO_EQUIP_CABLE | CO_EQUIP_MACHINE)

static void print_item(FILE *f, const co_item *it, co_units units)
{
	const co_exercise *ex = it->exercise;
	char dose[48], extra[96];
	size_t len = 0;

	if (it->reps > 0)
		snprintf(dose, sizeof(dose), "%d x %d%s", it->sets, it->reps,
			 ex && ex->unilateral ? "/side" : "");
	else if (it->seconds > 0)
		snprintf(dose, sizeof(dose), "%d x %d s%s", it->sets, it->seconds,
			 ex && ex->unilateral ? "/side" : "");
	else
		snprintf(dose, sizeof(dose), "%d set%s", it->sets, it->sets == 1 ? "" : "s");
	extra[0] = '\0';
	if (it->rpe > 0)
		len += (size_t)snprintf(extra + len, sizeof(extra) - len, "  RPE %g", it->rpe);
	if (it->tempo && len < sizeof(extra))
		len += (size_t)snprintf(extra + len, sizeof(extra) - len, "  tempo %s", it->tempo);
	if (len < sizeof(extra)) {
		if (it->load >= 0)
			snprintf(extra + len, sizeof(extra) - len, "  %g %s", it->load,
				 co_units_name(units));
		else if (it->rpe > 0 && ex && (ex->equipment & WEIGHTS))
			snprintf(extra + len, sizeof(extra) - len, "  load by RPE");
		else if (it->rpe > 0 && ex && (ex->equipment & CO_EQUIP_BAND))
			snprintf(extra + len, sizeof(extra) - len, "  band");
		else if (it->rpe > 0)
			snprintf(extra + len, sizeof(extra) - len, "  bodyweight");
	}
	if (extra[0])
		fprintf(f, "      %-34s %-14s%s\n", ex && ex->name ? ex->name : "?", dose, extra);
	else
		fprintf(f, "      %-34s %s\n", ex && ex->name ? ex->name : "?", dose);
	if (it->note && *it->note)
		fprintf(f, "        %s\n", it->note);
}

void co_cli_print_session(FILE *f, const co_plan *plan, const co_session *s)
{
	char d[11];

	fprintf(f, "  %s %s  %s, about %d min\n", short_day(s->date), co_date_format(s->date, d),
		focus_title(s->focus), s->minutes);
	for (size_t i = 0; i < s->n_why; i++)
		fprintf(f, "    %s %s\n", i ? "    " : "why:", s->why[i]);
	for (int k = 0; k < CO_BLOCK_COUNT; k++) {
		const co_block *b = &s->blocks[k];

		if (!b->n_items)
			continue;
		fprintf(f, "    %s\n", block_title((co_block_kind)k));
		for (size_t i = 0; i < b->n_items; i++)
			print_item(f, &b->items[i], plan->units);
	}
	if (s->strides)
		fprintf(f, "    strides: %d x %d s after the strength block, relaxed and fast\n",
			s->strides_reps, s->strides_seconds);
}

void co_cli_print_week(FILE *f, const co_plan *plan, const co_week *w)
{
	char d[11], e[11];

	fprintf(f, "\n== week %d of %zu: %s to %s, %s%s ==\n", w->index, plan->n_weeks,
		co_date_format(w->start, d), co_date_format(w->start + 6, e),
		co_phase_name(w->phase), w->deload ? " (deload)" : "");
	for (size_t i = 0; i < w->n_notes; i++)
		fprintf(f, "  - %s\n", w->notes[i]);
	fprintf(f, "  runs:");
	if (!w->n_runs)
		fprintf(f, " none");
	for (size_t i = 0; i < w->n_runs; i++)
		fprintf(f, "%s %s %s %d'", i ? "," : "", short_day(w->runs[i].date),
			run_word(w->runs[i].type), w->runs[i].minutes);
	fprintf(f, " (%d min, %d key)\n", w->run_minutes, w->key_minutes);
	if (w->n_tests) {
		fprintf(f, "  tests:");
		for (size_t i = 0; i < w->n_tests; i++)
			fprintf(f, "%s %s %s", i ? "," : "", co_test_kind_name(w->tests[i].kind),
				short_day(w->tests[i].date));
		fputc('\n', f);
	}
	if (!w->n_sessions)
		fprintf(f, "  no strength session this week\n");
	for (size_t i = 0; i < w->n_sessions; i++) {
		fputc('\n', f);
		co_cli_print_session(f, plan, &w->sessions[i]);
	}
}

void co_cli_print_header(FILE *f, const co_plan *plan)
{
	char d[11], e[11], km[16];

	fprintf(f, "carryover plan for %s: %zu weeks, %s to %s\n", plan->athlete, plan->n_weeks,
		co_date_format(plan->start, d),
		co_date_format(plan->start + (co_date)(plan->n_weeks * 7) - 1, e));
	for (size_t i = 0; i < plan->n_races; i++) {
		const co_race *r = &plan->races[i];

		snprintf(km, sizeof(km), "%.4g km", r->distance_km);
		fprintf(f, "race: %s (%s, %s) on %s %s\n", r->name, co_race_priority_name(r->priority),
			r->distance_km > 0 ? km : "distance unknown", short_day(r->date),
			co_date_format(r->date, d));
	}
	for (size_t i = 0; i < plan->n_warnings; i++)
		fprintf(f, "warning: %s\n", plan->warnings[i]);
	fputc('\n', f);
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
