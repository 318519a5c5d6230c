/*
 * strong_import: how fast a 5-year Strong export imports (issue 10.7).
 *
 *   strong_import [-o FILE] [-w WORKOUTS] [-s SEED] [--write-only] DB PROFILE
 *
 * Generates a Strong S1 export (IMPORTS.md section 1) of WORKOUTS workouts
 * (default 1,000: five years at four a week) of 6 exercises x 5 sets = 30
 * sets each, with warm-ups, Rest Timer rows, notes with commas and quotes,
 * and a few names the catalogue does not know; writes it to FILE (default
 * strong5y.csv), then imports it into the store DB for the athlete of
 * PROFILE with co_app_import_lifts() in this process and prints one line
 * of key=value pairs: workouts, sets, bytes, seconds. --write-only stops
 * after writing the file (tests/import_lifts_fault.sh uses it). The bar:
 * under a second. Deterministic for a seed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carryover/app.h"
#include "carryover/date.h"
#include "carryover/error.h"

static const char *const names[] = {
	"Romanian Deadlift (Barbell)", "Squat (Barbell)", "Goblet Squat (Kettlebell)",
	"Bulgarian Split Squat", "Hip Thrust (Barbell)", "Calf Raise (Standing)",
	"Bench Press (Barbell)", "Lat Pulldown (Cable)", "Side Plank", "Step Up (Dumbbell)",
};

static uint64_t rng = 1;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

static long write_export(const char *path, int workouts)
{
	FILE *f = fopen(path, "w");
	co_date d = co_date_from_ymd(2021, 1, 4);
	long bytes;

	if (!f)
		return -1;
	fputs("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
	      "Notes,Workout Notes,RPE\n", f);
	for (int w = 0; w < workouts; w++) {
		char day[11];

		d += w % 4 == 3 ? 4 : 1; /* four a week */
		co_date_format(d, day);
		for (int e = 0; e < 6; e++) {
			const char *name = names[(w + e * 3) % 10];
			bool timed = !strcmp(name, "Side Plank");

			for (int s = 0; s < 5; s++) {
				const char *order = s == 0 ? "W" : (char[2]){(char)('0' + s), 0};

				fprintf(f, "%s 18:%02d:00,\"Workout %c\",1h %dm,\"%s\",%s,%.1f,%d.0,0,%.1f,"
					   "\"%s\",\"%s\",%s\n",
					day, w % 60, 'A' + w % 3, 10 + w % 50, name, order,
					timed ? 0.0 : 20 + rnd(100) + (s ? 10.0 : 0.0), timed ? 0 : 5 + (int)rnd(6),
					timed ? 30.0 + rnd(30) : 0.0,
					s == 0 && e == 0 ? "felt \"\"good\"\", then tired" : "",
					s == 0 && e == 0 ? "gym, busy" : "", s ? "8" : "");
				if (s)
					fprintf(f, "%s 18:%02d:00,\"Workout %c\",1h %dm,\"%s\",Rest Timer,0,0.0,0,"
						   "120.0,,,\n",
						day, w % 60, 'A' + w % 3, 10 + w % 50, name);
			}
		}
	}
	bytes = ftell(f);
	fclose(f);
	return bytes;
}

int main(int argc, char **argv)
{
	const char *out = "strong5y.csv", *db = NULL, *profile = NULL;
	int workouts = 1000;
	bool write_only = false;
	co_app_options o = CO_APP_OPTIONS_INIT;
	co_app_profile_src src = {0};
	co_lift_import_stats st;
	co_app *app = NULL;
	long bytes;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "-w") && i + 1 < argc)
			workouts = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			rng = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--write-only"))
			write_only = true;
		else if (!db)
			db = argv[i];
		else
			profile = argv[i];
	}
	if ((bytes = write_export(out, workouts)) < 0) {
		perror(out);
		return 1;
	}
	if (write_only)
		return 0;
	if (!db || !profile) {
		fputs("usage: strong_import [-o FILE] [-w N] [-s SEED] [--write-only] DB PROFILE\n", stderr);
		return 2;
	}
	o.db = db;
	src.path = profile;
	if ((rc = co_app_new(&app, &o)) < 0 ||
	    (rc = co_app_import_lifts(&st, app, &src, out, "kg")) < 0) {
		fprintf(stderr, "strong_import: %s\n", co_error_last());
		co_app_free(app);
		return 1;
	}
	printf("mode=strong_import workouts=%zu imported=%zu sets=%zu bytes=%ld seconds=%.3f\n",
	       st.workouts, st.imported, st.sets, bytes, st.seconds);
	co_lift_import_stats_release(&st);
	co_app_free(app);
	return 0;
}
