/*
 * The lifting-log part of `carryover import`: a path whose first line is a
 * Strong or Hevy CSV header (co_app_is_lift_log) is imported into the
 * training log here and taken out of the list the activity importer gets.
 * Prints what it stored, what it skipped, and every exercise name the
 * catalogue did not know, with a suggestion: nothing is dropped silently.
 */
#include <stdio.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

static void report(FILE *to, const char *path, const co_lift_import_stats *st)
{
	fprintf(to, "%s: %s export: imported %zu of %zu workouts (%zu sets, %zu warm-up) in %.2f s\n",
	       path, st->dialect, st->imported, st->workouts, st->sets, st->warmups, st->seconds);
	fprintf(to, "  %zu already stored, %zu rest-timer and %zu note rows (not sets)\n",
	       st->duplicates, st->rest_rows, st->note_rows);
	if (st->dropped_values)
		fprintf(to, "  %zu values out of range left out of their sets\n", st->dropped_values);
	if (st->n_unmapped)
		fprintf(to, "  %zu exercise names not in the catalogue, kept as unmapped lifts "
		       "(%zu sets):\n", st->n_unmapped, st->unmapped_sets);
	for (size_t i = 0; i < st->n_unmapped; i++) {
		if (st->unmapped[i].suggestion)
			fprintf(to, "    '%s' (%zu %s; closest: %s)\n", st->unmapped[i].name,
			       st->unmapped[i].sets, st->unmapped[i].sets == 1 ? "set" : "sets",
			       st->unmapped[i].suggestion);
		else
			fprintf(to, "    '%s' (%zu %s)\n", st->unmapped[i].name, st->unmapped[i].sets,
			       st->unmapped[i].sets == 1 ? "set" : "sets");
	}
}

int co_cli_import_lifts(co_app *app, const co_app_profile_src *profile, co_opt_list *paths,
			const char *units, FILE *to)
{
	size_t kept = 0;

	for (size_t i = 0; i < paths->n; i++) {
		co_lift_import_stats st;
		int err;

		if (!co_app_is_lift_log(paths->items[i])) {
			paths->items[kept++] = paths->items[i];
			continue;
		}
		err = co_app_import_lifts(&st, app, profile, paths->items[i], units);
		if (err < 0) {
			co_lift_import_stats_release(&st);
			return co_cli_fail(err);
		}
		report(to, paths->items[i], &st);
		co_lift_import_stats_release(&st);
	}
	paths->n = kept;
	return CO_EXIT_OK;
}
