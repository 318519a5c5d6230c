/*
 * Strength sessions recorded by a watch (IMPORTS.md section 4): a FIT
 * activity of sport training (10), sub-sport strength training (20) is not
 * an activity row of runs but a logged session of the training log, one
 * logged set per active `set` message (rest sets are rest).
 *
 * The exercise of a set, in order of trust:
 *   1. its wkt_step_index, when the session followed a workout that
 *      `carryover export fit` wrote for that day (app_export.c lays each
 *      planned item out as an exercise step, then a rest and a repeat step
 *      when it has several sets): the step maps back to the planned item
 *      exactly. A step whose exercise disagrees with the set's own
 *      category is not trusted (the watch followed another workout);
 *   2. its (category, category_subtype) through the catalogue's FIT
 *      numbers; when several catalogue exercises share the pair, the one
 *      planned that day, else the catalogue's first;
 *   3. otherwise the set is kept as an unmapped lift named after its FIT
 *      numbers ("fit exercise 28/5"), as the Strong import keeps names the
 *      catalogue does not know.
 *
 * The worker thread reads the sets (it still has the file's bytes); the
 * writer stores them, one transaction per file. Re-import is idempotent:
 * the session carries the file's content hash, as an activity row does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/import_int.h"
#include "carryover/catalog.h"
#include "carryover/error.h"
#include "carryover/fit.h"
#include "carryover/log.h"
#include "carryover/plan.h"
#include "util/strbuf.h"

#define MAX_LOAD_KG 500.0
#define MAX_REPS 1000
#define MAX_SET_SECONDS 86400.0
#define MAX_SESSION_MINUTES 600.0

struct import_strength {
	co_fit_set *sets;
	size_t n, dropped;
	int64_t start;        /* Unix seconds */
	int32_t utc_offset;
	double minutes;       /* < 0 unknown */
};

void import_strength_free(import_strength *s)
{
	if (!s)
		return;
	free(s->sets);
	free(s);
}

bool import_is_strength(const co_activity *act)
{
	return act->sport == CO_SPORT_TRAINING && act->sub_sport == 20;
}

int import_strength_take(task *t, const co_activity *act, int32_t utc_offset)
{
	import_strength *s;
	double secs = act->moving > 0 ? act->moving : act->elapsed;
	int rc;

	if (t->strength)
		return 0; /* one strength session per file */
	if (!(s = calloc(1, sizeof(*s))))
		return CO_ENOMEM;
	s->start = act->start;
	s->utc_offset = utc_offset;
	s->minutes = isfinite(secs) && secs > 0 && secs / 60 <= MAX_SESSION_MINUTES ? secs / 60 : -1;
	rc = co_fit_sets(t->data, t->len, &s->sets, &s->n, &s->dropped);
	if (rc < 0) {
		import_strength_free(s);
		return rc;
	}
	t->strength = s;
	return 0;
}

/* --- mapping ------------------------------------------------------------------ */

/* The planned item that workout step `step` of the session's export is. */
static const co_item *item_at_step(const co_session *ses, int step)
{
	int idx = 0;

	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		for (size_t i = 0; i < ses->blocks[k].n_items; i++) {
			const co_item *it = &ses->blocks[k].items[i];

			if (idx == step)
				return it;
			idx += it->sets > 1 ? 3 : 1; /* exercise, rest, repeat */
			if (idx > step)
				return NULL;          /* a rest or repeat step */
		}
	return NULL;
}

static bool planned_in(const co_session *ses, const co_exercise *ex)
{
	if (!ses)
		return false;
	for (int k = 0; k < CO_BLOCK_COUNT; k++)
		for (size_t i = 0; i < ses->blocks[k].n_items; i++)
			if (ses->blocks[k].items[i].exercise == ex)
				return true;
	return false;
}

static const co_exercise *map_set(const co_fit_set *s, const co_session *ses)
{
	const co_catalog *cat = co_catalog_default();
	const co_exercise *first = NULL;

	if (ses && s->wkt_step >= 0) {
		const co_item *it = item_at_step(ses, s->wkt_step);

		if (it && it->exercise &&
		    (s->category < 0 || s->category == it->exercise->fit_category))
			return it->exercise;
	}
	if (s->category < 0 || s->subtype < 0 || !cat)
		return NULL;
	for (size_t i = 0; i < co_catalog_count(cat); i++) {
		const co_exercise *ex = co_catalog_at(cat, i);

		if (ex->fit_category != s->category || ex->fit_name != s->subtype)
			continue;
		if (planned_in(ses, ex))
			return ex;
		if (!first)
			first = ex;
	}
	return first;
}

/* --- storing ------------------------------------------------------------------- */

static co_date local_day(int64_t start, int32_t off)
{
	int64_t local = start + off;

	return (co_date)(local >= 0 ? local / 86400 : -((-local + 86399) / 86400));
}

static const co_session *planned_on(pipeline *pl, co_date day)
{
	const co_plan *plan;
	size_t n = 0;
	const co_session *s;

	if (!pl->plan_tried) {
		pl->plan_tried = true;
		pl->plan = pl->opt->plan ? pl->opt->plan(pl->opt->plan_ctx) : NULL;
		co_error_clear();
	}
	if (!(plan = pl->plan))
		return NULL;
	s = co_plan_sessions_on(plan, day, &n);
	return n ? s : NULL;
}

/* Store the session and its sets (inside the caller's transaction). */
static int store_session(pipeline *pl, task *t, const co_session *planned, co_date day,
			 int64_t *sid)
{
	const import_strength *st = t->strength;
	co_log_entry ses = CO_LOG_ENTRY_INIT, set = CO_LOG_ENTRY_INIT;
	co_set_numbers *numbers = NULL;
	int rc;

	ses.kind = CO_LOG_SESSION;
	ses.athlete_id = pl->opt->athlete_id;
	ses.date = day;
	ses.minutes = st->minutes;
	ses.title = co_log_str("strength session (watch)");
	ses.source_hash = t->hash;
	ses.planned_uid = planned ? co_log_str(planned->uid) : NULL;
	if ((rc = co_store_log_insert(sid, pl->store, &ses)) < 0)
		return rc;
	set.kind = CO_LOG_SET;
	set.athlete_id = pl->opt->athlete_id;
	set.date = day;
	set.session_id = *sid;
	numbers = co_set_numbers_new();
	for (size_t i = 0; i < st->n; i++) {
		const co_fit_set *s = &st->sets[i];
		const co_exercise *ex = map_set(s, planned);
		char name[64];

		if (ex) {
			set.exercise = co_log_str(ex->id);
		} else {
			if (s->category >= 0 && s->subtype >= 0)
				snprintf(name, sizeof(name), "fit exercise %d/%d", s->category,
					 s->subtype);
			else if (s->category >= 0)
				snprintf(name, sizeof(name), "fit exercise %d", s->category);
			else
				snprintf(name, sizeof(name), "unknown exercise (watch)");
			set.exercise = name;
		}
		set.unmapped = !ex;
		set.set_no = co_set_numbers_next(numbers, set.exercise);
		set.load = s->weight_kg > 0 && s->weight_kg <= MAX_LOAD_KG ? s->weight_kg : -1;
		snprintf(set.load_unit, sizeof(set.load_unit), "kg");
		set.reps = s->reps >= 0 && s->reps <= MAX_REPS ? s->reps : -1;
		set.seconds = s->seconds >= 0 && s->seconds <= MAX_SET_SECONDS ? s->seconds : -1;
		if (set.reps < 0 && set.seconds < 0)
			set.reps = 0; /* the watch counted nothing: still a set */
		if ((rc = co_store_log_insert(NULL, pl->store, &set)) < 0)
			break;
	}
	co_set_numbers_free(numbers);
	return rc < 0 ? rc : 0;
}

int import_strength_commit(pipeline *pl, task *t)
{
	const import_strength *st = t->strength;
	co_date day = local_day(st->start, st->utc_offset);
	const co_session *planned = planned_on(pl, day);
	co_strbuf msg = CO_STRBUF_INIT;
	int64_t sid = 0;
	char id[32];
	int rc;

	pl->stats.files++;
	if ((rc = co_store_begin(pl->store)) < 0)
		return rc;
	if ((rc = co_store_log_session_find(&sid, pl->store, pl->opt->athlete_id, 0, t->hash)) < 0)
		goto fail;
	if (sid) {
		co_store_rollback(pl->store);
		co_strbuf_addf(&msg, "%s: already imported (strength session %s)", t->name,
			       co_log_id_format(CO_LOG_SESSION, sid, id, sizeof(id)));
		pl->stats.duplicates++;
		import_emit(pl, CO_IMPORT_DUPLICATE, t->name, msg.buf, 0, NULL);
		co_strbuf_release(&msg);
		return 0;
	}
	if ((rc = store_session(pl, t, planned, day, &sid)) < 0)
		goto fail;
	if ((rc = co_store_commit(pl->store)) < 0)
		return rc;
	pl->stats.lift_sessions++;
	pl->stats.lift_sets += st->n;
	co_strbuf_addf(&msg, "%s: strength session logged as %s, %zu %s", t->name,
		       co_log_id_format(CO_LOG_SESSION, sid, id, sizeof(id)), st->n,
		       st->n == 1 ? "set" : "sets");
	if (st->dropped)
		co_strbuf_addf(&msg, " (%zu more beyond %d not kept)", st->dropped,
			       CO_FIT_MAX_SETS);
	import_emit(pl, CO_IMPORT_IMPORTED, t->name, msg.buf, sid, NULL);
	co_strbuf_release(&msg);
	return 0;
fail:
	co_store_rollback(pl->store);
	return rc;
}
