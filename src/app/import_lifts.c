/*
 * Importing other apps' lifting logs (Strong, Hevy: IMPORTS.md sections 1
 * and 2) into the training log: each workout becomes a logged session with
 * its sets, each set's exercise mapped to a catalogue id.
 *
 * Mapping: the app's name "Romanian Deadlift (Barbell)" is tried as
 * "barbell romanian deadlift", then as "romanian deadlift", through the
 * catalogue's ids and aliases (data/exercises.ini holds the common Strong
 * and Hevy names). A bare name that lands on a bodyweight_ exercise while
 * the app said the lift had equipment is not taken ("Squat (Dumbbell)" is
 * not an air squat). Names the catalogue does not know are kept as they
 * were written, flagged unmapped, and listed with a suggestion: history is
 * never dropped.
 *
 * Idempotent and crash-safe: a workout's identity is the content hash of
 * its rows (lifting_csv.c), stored with the session; a workout already
 * stored is skipped. Workouts are committed in batches, each batch one
 * transaction, so a kill -9 leaves whole workouts only, and a re-run
 * stores the rest without duplicates. Values out of sane bounds (a 900 kg
 * squat, RPE 11) are dropped from the set, counted and reported; the set
 * itself is kept.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "app/app_impl.h"
#include "carryover/catalog.h"
#include "carryover/error.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define BATCH 200                /* workouts per transaction */
#define MAX_LOAD_KG 500.0
#define MAX_REPS 1000
#define MAX_SECONDS 86400.0
#define MAX_BYTES ((size_t)256 << 20)

bool co_app_is_lift_log(const char *path)
{
	char head[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return false;
	n = read(fd, head, sizeof(head));
	close(fd);
	return n > 0 && co_lift_csv_detect(head, (size_t)n);
}

/* "Sumo Deadlift (Barbell)" without its bracket: "Sumo Deadlift" (open is the '('). */
static void base_name(char *out, size_t size, const char *name, const char *open)
{
	size_t n = (size_t)(open - name);

	while (n && name[n - 1] == ' ')
		n--;
	snprintf(out, size, "%.*s", (int)n, name);
}

/* A name as the app wrote it -> its catalogue id (NULL: unmapped), and its
 * line in the stats' unmapped list. One per distinct name, found through a
 * co_strmap keyed by the name: a file of many sets and many names costs
 * about one probe per set. */
typedef struct mapping {
	const char *id;
	size_t unmapped; /* index in st->unmapped when id is NULL */
} mapping;

typedef struct name_map {
	co_strmap index; /* name -> index in v */
	mapping *v;
	size_t n, cap;
} name_map;

static bool is_loaded(const char *equip)
{
	static const char *const loaded[] = {"barbell", "dumbbell", "kettlebell", "cable",
					     "machine", "smith machine", "ez bar", "trap bar", NULL};

	for (size_t i = 0; loaded[i]; i++)
		if (!strcasecmp(equip, loaded[i]))
			return true;
	return false;
}

static const char *lookup(const char *name)
{
	const co_catalog *cat = co_catalog_default();
	const co_exercise *ex;
	char base[256], equip[64], both[320];
	const char *open = strrchr(name, '(');

	if (!open || !strchr(open, ')')) {
		ex = co_catalog_find(cat, name);
		return ex ? ex->id : NULL;
	}
	base_name(base, sizeof(base), name, open);
	snprintf(equip, sizeof(equip), "%.*s", (int)strcspn(open + 1, ")"), open + 1);
	snprintf(both, sizeof(both), "%s %s", equip, base);
	if ((ex = co_catalog_find(cat, both)) || (ex = co_catalog_find(cat, name)))
		return ex->id;
	ex = co_catalog_find(cat, base);
	if (!ex)
		return NULL;
	/* "Good Morning (Barbell)" is not the band good morning, nor "Lunge
	 * (Dumbbell)" the bodyweight lunge: a loaded lift the app names needs
	 * a catalogue exercise that takes a load. */
	if (is_loaded(equip) && !co_exercise_loadable(ex))
		return NULL;
	if (!strncmp(ex->id, "bodyweight_", 11) && strcasecmp(equip, "bodyweight") != 0)
		return NULL;
	return ex->id;
}

void co_lift_import_stats_release(co_lift_import_stats *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->n_unmapped; i++)
		free(st->unmapped[i].name);
	free(st->unmapped);
	memset(st, 0, sizeof(*st));
}

/* A name the catalogue does not know: a new line of the unmapped list. */
static size_t note_unmapped(co_lift_import_stats *st, const char *name)
{
	const char *best;
	co_lift_unmapped *u = CO_VEC_PUSH(st->unmapped, st->n_unmapped, st->cap_unmapped);

	u->name = co_xstrdup(name);
	u->sets = 0;
	best = co_catalog_suggest(co_catalog_default(), name);
	if (!best && strchr(name, '(')) {
		/* "Sumo Deadlift (Barbell)": the closest to "Sumo Deadlift" */
		char base[256];

		base_name(base, sizeof(base), name, strrchr(name, '('));
		best = co_catalog_suggest(co_catalog_default(), base);
	}
	u->suggestion = best;
	return st->n_unmapped - 1;
}

/* The mapping of a set's exercise name, looked up in the catalogue once. */
static const mapping *map_name(name_map *map, const char *name, co_lift_import_stats *st)
{
	size_t at;
	mapping *m;

	if (co_strmap_get(&map->index, name, &at))
		return &map->v[at];
	m = CO_VEC_PUSH(map->v, map->n, map->cap);
	m->id = lookup(name);
	m->unmapped = m->id ? 0 : note_unmapped(st, name);
	co_strmap_put(&map->index, name, map->n - 1);
	return m;
}

/* One workout: its session and sets (inside the caller's transaction). */
static int store_workout(co_store *store, int64_t athlete, const co_lift_workout *w,
			 name_map *map, co_set_numbers *numbers, co_lift_import_stats *st)
{
	co_log_entry ses = CO_LOG_ENTRY_INIT, set = CO_LOG_ENTRY_INIT;
	int64_t sid = 0;
	int rc;

	if ((rc = co_store_log_session_find(&sid, store, athlete, 0, w->hash)) < 0)
		return rc;
	if (sid) {
		st->duplicates++;
		return CO_OK;
	}
	co_set_numbers_reset(numbers);
	ses.kind = CO_LOG_SESSION;
	ses.athlete_id = athlete;
	ses.date = w->date;
	ses.minutes = w->minutes;
	ses.title = co_log_str(w->title);
	ses.notes = co_log_str(w->notes);
	ses.source_hash = co_log_str(w->hash);
	if ((rc = co_store_log_insert(&sid, store, &ses)) < 0)
		return rc;
	set.kind = CO_LOG_SET;
	set.session_id = sid;
	for (size_t i = 0; i < w->n_sets; i++) {
		const co_lift_set *s = &w->sets[i];
		const mapping *m = map_name(map, s->name, st);

		set.exercise = co_log_str(m->id ? m->id : s->name);
		set.unmapped = !m->id;
		if (!m->id)
			st->unmapped[m->unmapped].sets++;
		set.set_no = co_set_numbers_next(numbers, set.exercise);
		set.load = s->load;
		memcpy(set.load_unit, s->unit, sizeof(set.load_unit));
		if (set.load > 0 && co_load_kg(set.load, set.load_unit) > MAX_LOAD_KG) {
			set.load = -1;
			st->dropped_values++;
		}
		set.reps = s->reps;
		if (set.reps > MAX_REPS) {
			set.reps = -1;
			st->dropped_values++;
		}
		set.seconds = s->seconds > MAX_SECONDS ? -1 : s->seconds;
		set.rpe = s->rpe;
		if (set.rpe >= 0 && (set.rpe < 1 || set.rpe > 10)) {
			set.rpe = -1;
			st->dropped_values++;
		}
		if (set.reps < 0 && set.seconds < 0)
			set.reps = 0; /* a set with neither (a distance-only cardio row) */
		set.set_type = co_log_str(s->set_type);
		set.notes = co_log_str(s->notes);
		if (s->set_type && !strcmp(s->set_type, "warmup"))
			st->warmups++;
		if ((rc = co_store_log_insert(NULL, store, &set)) < 0)
			return rc;
		st->sets++;
	}
	st->imported++;
	return CO_OK;
}

int co_app_import_lifts(co_lift_import_stats *out, co_app *app,
			const co_app_profile_src *profile, const char *path, const char *units)
{
	co_store_athlete athlete = {0};
	co_profile *p = NULL;
	co_lift_log log = {0};
	co_strbuf text = CO_STRBUF_INIT;
	name_map map = {CO_STRMAP_INIT, NULL, 0, 0};
	co_set_numbers *numbers = co_set_numbers_new();
	co_store *store;
	int64_t athlete_id = 0;
	struct timespec t0, t1;
	int rc;

	memset(out, 0, sizeof(*out));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (units && strcmp(units, "kg") != 0 && strcmp(units, "lb") != 0)
		return co_error_set(CO_EINPUT, "--units: expected kg or lb, got '%s'", units);
	if ((rc = co_strbuf_read_file(&text, path, MAX_BYTES)) < 0)
		goto done;
	if ((rc = co_lift_csv_parse(&log, text.buf ? text.buf : "", text.len, path, units)) < 0)
		goto done;
	out->dialect = log.dialect;
	out->workouts = log.n_workouts;
	out->rest_rows = log.rest_rows;
	out->note_rows = log.note_rows;
	if (profile) {
		if ((rc = co_app_profile_read(&p, app, profile)) < 0 ||
		    (rc = co_app_profile_keep(&athlete_id, app, p)) < 0)
			goto done;
	} else {
		if ((rc = co_app_athlete(&athlete, app)) < 0)
			goto done;
		athlete_id = athlete.id;
	}
	if ((rc = co_app_store(&store, app)) < 0)
		goto done;
	for (size_t i = 0; i < log.n_workouts && rc == CO_OK; i += BATCH) {
		if ((rc = co_app_begin(app)) < 0)
			break;
		for (size_t j = i; j < i + BATCH && j < log.n_workouts && rc == CO_OK; j++)
			rc = store_workout(store, athlete_id, &log.workouts[j], &map, numbers, out);
		if (rc == CO_OK) {
			rc = co_app_commit(app);
		} else {
			co_app_rollback(app);
		}
	}
	for (size_t i = 0; i < out->n_unmapped; i++)
		out->unmapped_sets += out->unmapped[i].sets;
done:
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	out->name_probes = map.index.probes;
	co_strmap_release(&map.index);
	co_set_numbers_free(numbers);
	free(map.v);
	co_lift_log_free(&log);
	co_strbuf_release(&text);
	co_profile_free(p);
	co_store_athlete_release(&athlete);
	return rc;
}
