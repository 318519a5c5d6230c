/*
 * carryover exercises [--pattern P] [--region R] [--equipment LIST] [--level L] [--json]
 * carryover exercises show ID|ALIAS [--json]
 *
 * Browse the embedded exercise catalogue: a filtered, aligned table (or a
 * JSON array), or one exercise explained in full: dose, cue, why it carries
 * over to running, its easier and harder neighbours and its FIT numbers.
 * Names the user types (exercise, pattern, region, level, equipment) get a
 * did-you-mean suggestion and exit 2 when unknown.
 *
 * The JSON comes from co_catalog_to_json() / co_exercise_to_json()
 * (carryover/json.h); this file only picks the exercises.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"
#include "util/suggest.h"

#define WRAP 79
#define LABEL 14

static const char *pattern_text, *region_text, *equipment_opt, *level_text;
static bool as_json;

static const co_opt exercises_opts[] = {
	{CO_OPT_VALUE, "pattern", 0, &pattern_text, "P",
	 "only this movement pattern (hinge, squat, single_leg, ...)"},
	{CO_OPT_VALUE, "region", 0, &region_text, "R",
	 "only exercises that train this region (hips, calves, ...)"},
	{CO_OPT_VALUE, "equipment", 0, &equipment_opt, "LIST",
	 "only exercises needing nothing beyond LIST: 'none' is\n"
	 "bodyweight and a band, 'gym' is everything, or a comma\n"
	 "list such as 'dumbbells,bench'"},
	{CO_OPT_VALUE, "level", 0, &level_text, "L",
	 "only exercises suitable for L (novice, intermediate,\n"
	 "advanced): those whose lowest level is at most L"},
	{CO_OPT_FLAG, "json", 0, &as_json, NULL, "print JSON instead of a table"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover exercises [--pattern P] [--region R] [--equipment LIST]\n"
	      "                           [--level L] [--json]\n"
	      "       carryover exercises show ID|ALIAS [--json]\n"
	      "\n"
	      "List the exercise catalogue, or explain one exercise.\n"
	      "\n", f);
	co_opt_help(f, exercises_opts);
	fputs("\n"
	      "'show' accepts an id or anything people type for it: rdl, bss, farmers walk.\n"
	      "The catalogue format and how to add an exercise: docs/catalog.md.\n", f);
}

/* ---- names the user typed ---------------------------------------------------- */

typedef const char *(*name_fn)(unsigned i);

static const char *pattern_at(unsigned i)
{
	return co_pattern_name((co_pattern)i);
}

static const char *region_at(unsigned i)
{
	return co_region_name((co_region)(1u << i));
}

static const char *level_at(unsigned i)
{
	return co_level_name((co_level)i);
}

/* "unknown region 'calfs' (did you mean 'calves'?)", or the list of names. */
static int unknown_name(const char *what, const char *typed, name_fn at, unsigned count)
{
	co_suggest s;
	char known[512] = "";
	size_t used = 0;

	co_suggest_init(&s, typed);
	for (unsigned i = 0; i < count; i++) {
		const char *name = at(i);
		co_suggest_offer(&s, name);
		if (used < sizeof(known))
			used += (size_t)snprintf(known + used, sizeof(known) - used, "%s%s",
						 i ? ", " : "", name);
	}
	if (s.best)
		return co_cli_usage_error("unknown %s '%s' (did you mean '%s'?)", what, typed, s.best);
	return co_cli_usage_error("unknown %s '%s' (one of: %s)", what, typed, known);
}

/* ---- output helpers ------------------------------------------------------------ */

typedef const char *(*bit_name_fn)(unsigned bit);

static const char *region_bit(unsigned bit)
{
	return co_region_name((co_region)bit);
}

static const char *equipment_bit(unsigned bit)
{
	return co_equipment_name((co_equipment)bit);
}

static const char *carryover_bit(unsigned bit)
{
	return co_carryover_name((co_carryover)bit);
}

/* Comma-joined names of the set bits into buf; "" when none. */
static const char *join_bits(char *buf, size_t size, unsigned bits, unsigned count,
			     bit_name_fn name, const char *sep)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < count && used < size; i++) {
		if (!(bits & (1u << i)))
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? sep : "",
					 name(1u << i));
	}
	return buf;
}

static const char *equipment_text(char *buf, size_t size, unsigned bits)
{
	if (!bits)
		return "bodyweight";
	return join_bits(buf, size, bits, CO_EQUIP_COUNT, equipment_bit, ", ");
}

/* "label        text that wraps at WRAP columns under itself". */
static void field(const char *label, const char *text)
{
	size_t col = LABEL + 2;
	const char *p = text;

	printf("  %-*s", LABEL, label);
	while (*p) {
		const char *end = p;
		size_t len;

		while (*end && *end != ' ')
			end++;
		len = (size_t)(end - p);
		if (col > LABEL + 2 && col + 1 + len > WRAP) {
			printf("\n%*s", LABEL + 2, "");
			col = LABEL + 2;
		} else if (col > LABEL + 2) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, len, stdout);
		col += len;
		p = end;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

static void neighbour(const co_catalog *cat, const char *label, const char *id)
{
	char buf[256];
	const co_exercise *n;

	if (!id)
		return;
	n = co_catalog_find(cat, id);
	snprintf(buf, sizeof(buf), "%s (%s)", n ? n->name : id, id);
	field(label, buf);
}

static void show_text(const co_catalog *cat, const co_exercise *e)
{
	char buf[512], list[256];
	size_t used = 0;

	printf("%s (%s)\n", e->name, e->id);
	if (e->aliases[0]) {
		for (size_t i = 0; e->aliases[i] && used < sizeof(buf); i++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", i ? ", " : "",
						 e->aliases[i]);
		field("also", buf);
	}
	snprintf(buf, sizeof(buf), "%s%s%s", co_pattern_name(e->pattern),
		 e->compound ? ", may be a main lift (A1)" : "",
		 e->ballistic ? ", ballistic: plyometric block only (A6)" : "");
	field("pattern", buf);
	field("regions", join_bits(list, sizeof(list), e->regions, CO_REGION_COUNT, region_bit, ", "));
	field("equipment", equipment_text(list, sizeof(list), e->equipment));
	snprintf(buf, sizeof(buf), "%s%s", co_level_name(e->level),
		 e->level == CO_LEVEL_ADVANCED ? "" : " and up");
	field("level", buf);
	used = (size_t)snprintf(buf, sizeof(buf), "%d", e->dose_min);
	if (e->dose_max != e->dose_min)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "-%d", e->dose_max);
	used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s a set%s",
				 e->dose == CO_DOSE_REPS ? " reps" : " s",
				 e->unilateral ? ", each side" : "");
	if (e->tempo)
		snprintf(buf + used, sizeof(buf) - used, ", tempo %s (lower-pause-lift)", e->tempo);
	field("dose", buf);
	if (e->carryover) {
		join_bits(list, sizeof(list), e->carryover, CO_CARRY_COUNT, carryover_bit, ", ");
		for (char *c = list; *c; c++)
			if (*c == '_')
				*c = ' ';
		field("carries over", list);
	}
	field("cue", e->cue);
	field("why", co_pattern_why(e->pattern));
	neighbour(cat, "harder", e->progression);
	neighbour(cat, "easier", e->regression);
	snprintf(buf, sizeof(buf), "exercise_category %u, exercise_name %u",
		 (unsigned)e->fit_category, (unsigned)e->fit_name);
	field("FIT", buf);
}

/* Print and free *text, a document from co_*_to_json() that returned rc. */
static int print_json(int rc, char **text)
{
	if (rc < 0)
		return co_cli_fail(rc);
	fputs(*text, stdout);
	free(*text);
	return CO_EXIT_OK;
}

static int show(const co_catalog *cat, const char *typed, bool json)
{
	const co_exercise *e = co_catalog_find(cat, typed);
	char *text = NULL;

	if (!e) {
		const char *near = co_catalog_suggest(cat, typed);
		if (near)
			return co_cli_usage_error("unknown exercise '%s' (did you mean '%s'?)", typed, near);
		return co_cli_usage_error("unknown exercise '%s' (see 'carryover exercises')", typed);
	}
	if (json)
		return print_json(co_exercise_to_json(&text, e, true), &text);
	show_text(cat, e);
	return CO_EXIT_OK;
}

/* ---- the list ------------------------------------------------------------------- */

typedef struct filter {
	int pattern;        /* -1: any */
	int region;         /* a bit, or -1 */
	int level;          /* -1: any */
	unsigned have;      /* equipment the athlete has */
	bool any_equipment; /* no --equipment given */
} filter;

static bool matches(const co_exercise *e, const filter *f)
{
	if (f->pattern >= 0 && e->pattern != (co_pattern)f->pattern)
		return false;
	if (f->region >= 0 && !(e->regions & (unsigned)f->region))
		return false;
	if (f->level >= 0 && (int)e->level > f->level)
		return false;
	if (!f->any_equipment && (e->equipment & ~f->have))
		return false;
	return true;
}

static int list(const co_catalog *cat, const filter *f, bool json)
{
	size_t n = co_catalog_count(cat), shown = 0;
	int w_id = 2, w_name = 4, w_pattern = 7, w_regions = 7;
	char regions[256], equipment[256];

	for (size_t i = 0; i < n; i++) {
		const co_exercise *e = co_catalog_at(cat, i);
		int len;
		if (!matches(e, f))
			continue;
		if ((len = (int)strlen(e->id)) > w_id)
			w_id = len;
		if ((len = (int)strlen(e->name)) > w_name)
			w_name = len;
		if ((len = (int)strlen(co_pattern_name(e->pattern))) > w_pattern)
			w_pattern = len;
		join_bits(regions, sizeof(regions), e->regions, CO_REGION_COUNT, region_bit, ",");
		if ((len = (int)strlen(regions)) > w_regions)
			w_regions = len;
		shown++;
	}
	if (json) {
		const co_exercise **picked = co_xcalloc(n ? n : 1, sizeof(*picked));
		char *text = NULL;
		size_t k = 0;
		int rc;

		for (size_t i = 0; i < n; i++)
			if (matches(co_catalog_at(cat, i), f))
				picked[k++] = co_catalog_at(cat, i);
		rc = co_catalog_to_json(&text, cat, picked, k);
		free(picked);
		return print_json(rc, &text);
	}
	if (!shown) {
		fputs("carryover: no exercise matches these filters\n", stderr);
		return CO_EXIT_OK;
	}
	printf("%-*s  %-*s  %-*s  %-*s  %s\n", w_id, "ID", w_name, "NAME", w_pattern, "PATTERN",
	       w_regions, "REGIONS", "EQUIPMENT");
	for (size_t i = 0; i < n; i++) {
		const co_exercise *e = co_catalog_at(cat, i);
		if (!matches(e, f))
			continue;
		join_bits(regions, sizeof(regions), e->regions, CO_REGION_COUNT, region_bit, ",");
		if (e->equipment)
			join_bits(equipment, sizeof(equipment), e->equipment, CO_EQUIP_COUNT,
				  equipment_bit, ",");
		printf("%-*s  %-*s  %-*s  %-*s  %s\n", w_id, e->id, w_name, e->name, w_pattern,
		       co_pattern_name(e->pattern), w_regions, regions,
		       e->equipment ? equipment : "bodyweight");
	}
	return CO_EXIT_OK;
}

int cmd_exercises(co_cli *cli, int argc, char **argv)
{
	filter f = {-1, -1, -1, 0, true};
	const char *show_id = NULL;
	co_opt_list operands = {0};
	const co_opt_parser ps = {"exercises", exercises_opts, NULL, usage, false};
	bool is_show = false;
	const co_catalog *cat;
	int rc;

	pattern_text = region_text = equipment_opt = level_text = NULL;
	as_json = false;
	if ((rc = co_cli_parse(cli, &ps, &operands, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (pattern_text && (f.pattern = co_pattern_from_name(pattern_text)) < 0) {
		rc = unknown_name("pattern", pattern_text, pattern_at, CO_PATTERN_COUNT);
		goto done;
	}
	if (region_text && (f.region = co_region_from_name(region_text)) < 0) {
		rc = unknown_name("region", region_text, region_at, CO_REGION_COUNT);
		goto done;
	}
	if (level_text && (f.level = co_level_from_name(level_text)) < 0) {
		rc = unknown_name("level", level_text, level_at, CO_LEVEL_COUNT);
		goto done;
	}
	if (equipment_opt) {
		if ((rc = co_equipment_parse(&f.have, equipment_opt)) < 0) {
			rc = co_cli_fail(rc);
			goto done;
		}
		f.any_equipment = false;
	}
	if (operands.n && !strcmp(operands.items[0], "show")) {
		is_show = true;
		if (operands.n > 2) {
			rc = co_cli_usage_error("'exercises show' takes one exercise, not '%s' too",
						operands.items[2]);
			goto done;
		}
		show_id = operands.n > 1 ? operands.items[1] : NULL;
	} else if (operands.n) {
		rc = co_cli_usage_error("unexpected argument '%s' (to explain one exercise: "
					"carryover exercises show %s)", operands.items[0],
					operands.items[0]);
		goto done;
	}
	if (is_show && !show_id) {
		usage(stderr);
		rc = co_cli_usage_error("'exercises show' needs an exercise id or alias");
		goto done;
	}
	if (is_show && (f.pattern >= 0 || f.region >= 0 || f.level >= 0 || !f.any_equipment)) {
		rc = co_cli_usage_error("'exercises show' takes no filters");
		goto done;
	}

	cat = co_catalog_default();
	if (!cat)
		rc = co_cli_fail(co_error_last_code());
	else if (is_show)
		rc = show(cat, show_id, as_json);
	else
		rc = list(cat, &f, as_json);
done:
	co_opt_list_release(&operands);
	return rc;
}
