/*
 * Workouts for the watch: the plan's sessions as FIT workout files
 * (co_app_export_fit(), app.h; the file layout is docs/formats/fit-workout.md).
 *
 * A session becomes steps in its block order (warm-up, main, accessory,
 * cool-down). Each exercise is a step with the catalogue's Garmin
 * exercise_category and exercise_name, its reps (or its time, for holds
 * and carries), its load in kg x 100 and the athlete's display unit; the
 * warm-up and cool-down steps carry those intensities. An exercise of
 * several sets is a repeat block (IMPORTS.md 3): the exercise, a rest step
 * without any category, and a step that sends the watch back to the
 * exercise until the sets are done. A lone step is one set.
 *
 * co_item has no rest of its own, so the rest follows the B4 time model
 * the planner budgets with (src/lib/prescribe.c): 90 s between main-lift
 * sets in base and recovery weeks, 120 s when heavier; 60 s after
 * accessory reps, 45 s after holds; 30 s in the warm-up and cool-down.
 *
 * Everything is a function of the plan: the serial number is a hash of the
 * session's uid (the stable id calendars use), time_created its date, so
 * re-exporting the same plan gives the same bytes. Nothing is written
 * here; the front end puts the files where it wants.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/app.h"
#include "carryover/error.h"
#include "carryover/fit.h"
#include "carryover/fit_workout.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define REST_MAIN_BASE 90
#define REST_MAIN_HEAVY 120
#define REST_ACC_REPS 60
#define REST_ACC_HOLD 45
#define REST_EASY 30

/* The strings of one session's steps live here until it is encoded. */
typedef struct build {
	co_fit_step *steps;
	size_t n_steps, cap_steps;
	co_fit_title *titles;
	size_t n_titles, cap_titles;
	co_strbuf *notes; /* one per step (empty for rest and repeat) */
	size_t n_notes, cap_notes;
} build;

static void build_release(build *b)
{
	for (size_t i = 0; i < b->n_notes; i++)
		co_strbuf_release(&b->notes[i]);
	free(b->steps);
	free(b->titles);
	free(b->notes);
	memset(b, 0, sizeof(*b));
}

static co_fit_step *add_step(build *b)
{
	co_fit_step *s;

	s = CO_VEC_PUSH(b->steps, b->n_steps, b->cap_steps);
	co_strbuf_init(CO_VEC_PUSH(b->notes, b->n_notes, b->cap_notes));
	s->category = s->exercise = s->weight = s->weight_unit = CO_FIT_NONE16;
	return s;
}

static int rest_seconds(co_block_kind kind, const co_item *it, const co_week *w)
{
	/* The plan states each item's rest (B6); the time model below is the
	 * fallback for a plan read back without it. */
	if (it->rest_s > 0)
		return it->rest_s;
	switch (kind) {
	case CO_BLOCK_MAIN:
		return !w || w->phase == CO_PHASE_BASE || w->phase == CO_PHASE_RECOVERY
			       ? REST_MAIN_BASE
			       : REST_MAIN_HEAVY;
	case CO_BLOCK_ACCESSORY:
		return it->reps > 0 ? REST_ACC_REPS : REST_ACC_HOLD;
	default:
		return REST_EASY;
	}
}

static uint8_t block_intensity(co_block_kind kind)
{
	switch (kind) {
	case CO_BLOCK_WARMUP:
		return CO_FIT_INTENSITY_WARMUP;
	case CO_BLOCK_COOLDOWN:
		return CO_FIT_INTENSITY_COOLDOWN;
	default:
		return CO_FIT_INTENSITY_ACTIVE;
	}
}

/* The load as exercise_weight (kg x 100), CO_FIT_NONE16 for bodyweight. */
static int weight_of(uint16_t *out, const co_item *it, co_units units)
{
	double kg, raw;

	*out = CO_FIT_NONE16;
	if (it->load < 0)
		return 0;
	kg = units == CO_UNITS_LB ? it->load * CO_KG_PER_LB : it->load;
	raw = round(kg * 100);
	if (!(raw >= 0 && raw < CO_FIT_NONE16))
		return co_error_set(CO_EINPUT, "'%s': a load of %g %s is more than a FIT workout "
				    "can hold (655.34 kg)", it->exercise->id, it->load,
				    co_units_name(units));
	*out = (uint16_t)raw;
	return 0;
}

/*
 * A title names a (category, exercise) pair, and the catalogue maps some of
 * its exercises onto one pair (Monster walk and Lateral band walk are both
 * lateral_walks_with_band_at_ankles). Such a pair used by two exercises of
 * one session gets no title: either name would be wrong for the other, and
 * Garmin's own name is right for both. Marked with a NULL name here and
 * dropped by drop_ambiguous(); the steps keep our names in wkt_step_name.
 */
static void add_title(build *b, const co_exercise *ex)
{
	for (size_t i = 0; i < b->n_titles; i++)
		if (b->titles[i].category == ex->fit_category &&
		    b->titles[i].exercise == ex->fit_name) {
			if (b->titles[i].name && strcmp(b->titles[i].name, ex->name))
				b->titles[i].name = NULL;
			return;
		}
	*CO_VEC_PUSH(b->titles, b->n_titles, b->cap_titles) =
		(co_fit_title){ex->fit_category, ex->fit_name, ex->name};
}

static void drop_ambiguous(build *b)
{
	size_t k = 0;

	for (size_t i = 0; i < b->n_titles; i++)
		if (b->titles[i].name)
			b->titles[k++] = b->titles[i];
	b->n_titles = k;
}

static int add_item(build *b, const co_plan *plan, const co_week *w, co_block_kind kind,
		    const co_item *it, const co_app_fit_options *opts)
{
	const co_exercise *ex = it->exercise;
	size_t first = b->n_steps;
	co_fit_step *s = add_step(b);
	int rc;

	s->name = ex->name;
	s->intensity = block_intensity(kind);
	if (it->reps > 0) {
		s->duration_type = CO_FIT_DURATION_REPS;
		s->duration_value = (uint32_t)it->reps;
	} else if (it->seconds > 0) {
		s->duration_type = CO_FIT_DURATION_TIME;
		s->duration_value = (uint32_t)it->seconds * 1000u;
	} else {
		s->duration_type = CO_FIT_DURATION_OPEN;
	}
	s->category = ex->fit_category;
	s->exercise = ex->fit_name;
	s->weight_unit = plan->units == CO_UNITS_LB ? CO_FIT_UNIT_LB : CO_FIT_UNIT_KG;
	if ((rc = weight_of(&s->weight, it, plan->units)) < 0)
		return rc;
	if (opts->notes)
		opts->notes(&b->notes[first], plan, it);
	add_title(b, ex);
	if (it->sets > 1) {
		s = add_step(b);
		s->duration_type = CO_FIT_DURATION_TIME;
		s->duration_value = (uint32_t)rest_seconds(kind, it, w) * 1000u;
		s->intensity = CO_FIT_INTENSITY_REST;
		s = add_step(b);
		s->duration_type = CO_FIT_DURATION_REPEAT;
		s->duration_value = (uint32_t)first;
		s->count = (uint32_t)it->sets;
	}
	return 0;
}

static uint32_t serial_of(const char *uid)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)uid; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1; /* serial_number is uint32z: 0 means none */
}

static int encode_session(co_app_fit_file *f, const co_plan *plan, const co_app_fit_options *opts)
{
	const co_session *s = f->session;
	const co_week *w = co_plan_week_at(plan, s->date);
	co_strbuf name = CO_STRBUF_INIT;
	build b = {0};
	co_fit_workout wk;
	int rc = 0;

	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		for (size_t i = 0; i < s->blocks[k].n_items; i++)
			if ((rc = add_item(&b, plan, w, (co_block_kind)k, &s->blocks[k].items[i],
					   opts)) < 0)
				goto done;
	drop_ambiguous(&b);
	/* notes are final now: point the steps at them */
	for (size_t i = 0; i < b.n_steps; i++)
		b.steps[i].notes = b.notes[i].len ? b.notes[i].buf : NULL;
	if (opts->name)
		opts->name(&name, plan, s);
	else
		co_strbuf_adds(&name, co_focus_name(s->focus));
	wk = (co_fit_workout){
		.name = name.buf,
		.serial = f->serial,
		.time_created = (uint32_t)((int64_t)s->date * 86400 - CO_FIT_EPOCH),
		.steps = b.steps,
		.n_steps = b.n_steps,
		.titles = b.titles,
		.n_titles = b.n_titles,
	};
	f->n_steps = b.n_steps;
	rc = co_fit_workout_encode(&f->data, &f->len, &wk);
done:
	co_strbuf_release(&name);
	build_release(&b);
	return rc;
}

/*
 * Serial numbers must differ between files (IMPORTS.md 3). A 32-bit hash of
 * distinct uids rarely collides; when it does, the later session (in date
 * order) moves to the next free number, so the outcome is still a function
 * of the plan. Sorting keeps this n log n for a whole season.
 */
static int by_serial(const void *a, const void *b)
{
	const co_app_fit_file *x = *(co_app_fit_file *const *)a, *y = *(co_app_fit_file *const *)b;

	if (x->serial != y->serial)
		return x->serial < y->serial ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void unique_serials(co_app_fit_file *files, size_t n)
{
	co_app_fit_file **order;
	bool again = true;

	if (n < 2)
		return;
	order = co_xmalloc(n * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = &files[i];
	while (again) {
		again = false;
		qsort(order, n, sizeof(*order), by_serial);
		for (size_t i = 1; i < n; i++)
			if (order[i]->serial == order[i - 1]->serial) {
				order[i]->serial = order[i]->serial + 1 ? order[i]->serial + 1 : 1;
				again = true;
			}
	}
	free(order);
}

int co_app_export_fit(co_app_fit_file **out, size_t *out_count, const co_plan *plan,
		      const co_app_fit_options *opts)
{
	co_app_fit_file *files = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	*out = NULL;
	*out_count = 0;
	if (!opts || opts->version != CO_APP_FIT_OPTIONS_VERSION)
		return co_error_set(CO_EINPUT, "export fit: unknown options version %u",
				    opts ? opts->version : 0u);
	for (size_t wi = 0; wi < plan->n_weeks; wi++) {
		const co_week *w = &plan->weeks[wi];

		if (w->start + 6 < opts->from || w->start > opts->to)
			continue;
		for (size_t si = 0; si < w->n_sessions; si++) {
			const co_session *s = &w->sessions[si];
			co_app_fit_file *f;
			size_t items = 0, same = 0;
			char d[11];

			if (s->date < opts->from || s->date > opts->to)
				continue;
			for (int k = 0; k < CO_BLOCK_COUNT; k++)
				items += s->blocks[k].n_items;
			if (!items)
				continue;
			/* two sessions of one focus on one day (rare): -2, -3, ...;
			 * the files are in date order, so only the same day's are looked at */
			for (size_t j = n; j-- > 0 && files[j].session->date == s->date;)
				same += files[j].session->focus == s->focus;
			f = CO_VEC_PUSH(files, n, cap);
			f->session = s;
			f->serial = serial_of(s->uid);
			co_date_format(s->date, d);
			if (same)
				snprintf(f->name, sizeof(f->name), "%s-%s-%zu.fit", d,
					 co_focus_name(s->focus), same + 1);
			else
				snprintf(f->name, sizeof(f->name), "%s-%s.fit", d,
					 co_focus_name(s->focus));
		}
	}
	unique_serials(files, n);
	for (i = 0; i < n; i++)
		if ((rc = encode_session(&files[i], plan, opts)) < 0) {
			co_app_fit_files_free(files, n);
			return rc;
		}
	*out = files;
	*out_count = n;
	return 0;
}

void co_app_fit_files_free(co_app_fit_file *files, size_t n)
{
	if (!files)
		return;
	for (size_t i = 0; i < n; i++)
		free(files[i].data);
	free(files);
}
