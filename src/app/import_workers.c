/*
 * The import's bounded queue and its decoding threads (app/import_int.h).
 *
 * The walker issues tasks with import_push(): a task to decode goes to the
 * queue the workers take from, a walker's report straight into the ring.
 * Either way it takes a sequence number, and the walker waits while
 * `window` tasks are issued and not yet committed, so memory stays bounded
 * whatever the size of the import.
 *
 * A worker hashes a task's bytes (SHA-256), skips content already stored,
 * decodes the file (FIT, with salvage of a cut file; GPX; TCX) and
 * prepares each activity's row: totals, laps and markers as JSON, the
 * encoded sample stream. Then it puts the task into the ring at its
 * sequence number, where the writer (import_commit.c) takes tasks in
 * issue order. Workers never touch the store.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/import_int.h"
#include "carryover/error.h"
#include "carryover/fit.h"
#include "carryover/xmltrack.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* --- tasks ---------------------------------------------------------------- */

void import_task_clear_acts(task *t)
{
	for (size_t i = 0; i < t->nacts; i++) {
		free(t->acts[i].laps_json);
		free(t->acts[i].summary_json);
		free(t->acts[i].stream);
		free(t->acts[i].message);
	}
	free(t->acts);
	t->acts = NULL;
	t->nacts = t->aacts = 0;
	import_strength_free(t->strength);
	t->strength = NULL;
}

void import_task_free(task *t)
{
	if (!t)
		return;
	import_task_clear_acts(t);
	free(t->name);
	free(t->source);
	free(t->data);
	free(t->message);
	free(t->note);
	free(t);
}

/* "NAME: MESSAGE", unless the message already starts with the name. */
char *import_located(const char *name, const char *msg)
{
	co_strbuf sb = CO_STRBUF_INIT;
	size_t n = strlen(name);

	if (!msg || !*msg)
		msg = "unknown error";
	if (strncmp(msg, name, n) || msg[n] != ':')
		co_strbuf_addf(&sb, "%s: ", name);
	co_strbuf_adds(&sb, msg);
	return co_strbuf_detach(&sb);
}

/* --- the queue ------------------------------------------------------------ */

double import_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Hand a task to the workers (decode) or straight to the writer. */
int import_push(pipeline *pl, task *t, bool decode)
{
	pthread_mutex_lock(&pl->mu);
	while (!pl->stop && pl->issued - pl->committed >= pl->window)
		pthread_cond_wait(&pl->space_cv, &pl->mu);
	if (pl->stop) {
		pthread_mutex_unlock(&pl->mu);
		import_task_free(t);
		return -1;
	}
	t->seq = pl->issued++;
	t->disk_pos = pl->disk_pos;
	if (decode) {
		t->next = NULL;
		if (pl->qtail)
			pl->qtail->next = t;
		else
			pl->qhead = t;
		pl->qtail = t;
		pthread_cond_signal(&pl->task_cv);
	} else {
		pl->ring[t->seq % pl->window] = t;
		pthread_cond_broadcast(&pl->done_cv);
	}
	pthread_mutex_unlock(&pl->mu);
	return 0;
}

task *import_task_new(const char *name, const char *source)
{
	task *t = co_xcalloc(1, sizeof(*t));

	t->name = co_xstrdup(name);
	t->source = co_xstrdup(source);
	return t;
}

/* A walker's report: a file that is failed or ignored without decoding. */
int import_report(pipeline *pl, const char *name, co_import_outcome outcome, const char *msg)
{
	task *t = import_task_new(name, name);

	t->outcome = outcome;
	t->message = import_located(name, msg);
	return import_push(pl, t, false);
}

/* --- workers: hash, decode, prepare ---------------------------------------------- */

typedef struct decode_ctx {
	pipeline *pl;
	task *t;
} decode_ctx;

static int32_t local_offset_guess(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

static double known_or_unknown(double v)
{
	return isfinite(v) && v >= 0 ? v : -1;
}

static int on_activity(void *ctx, const co_activity *act)
{
	decode_ctx *d = ctx;
	task *t = d->t;
	co_run_markers markers;
	prepared *p;
	int32_t off;

	if (act->sport == CO_SPORT_TRANSITION)
		return 0;
	if (act->start <= 0) {
		t->no_start++;
		return 0;
	}
	if (import_is_strength(act))
		return import_strength_take(t, act, act->has_utc_offset ? act->utc_offset :
						    local_offset_guess(act->start));
	p = CO_VEC_PUSH(t->acts, t->nacts, t->aacts);
	p->row = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
	if (act->index == 0)
		snprintf(p->hash, sizeof(p->hash), "%s", t->hash);
	else
		snprintf(p->hash, sizeof(p->hash), "%s#%u", t->hash, act->index);
	snprintf(p->device, sizeof(p->device), "%s", act->device);

	co_run_analyse(&markers, act, d->pl->opt->threshold_pace);
	if (co_stream_encode(&p->stream, &p->row.stream_len, act) < 0 ||
	    co_activity_laps_to_json(&p->laps_json, act) < 0 ||
	    co_activity_summary_to_json(&p->summary_json, act, &markers) < 0)
		return CO_ENOMEM;
	/* the readers keep 4096 laps (FIT and TCX alike): say when a file had more */
	if (act->nlaps >= IMPORT_MAX_LAPS && !t->note) {
		co_strbuf sb = CO_STRBUF_INIT;

		co_strbuf_addf(&sb, "kept the first %d laps", IMPORT_MAX_LAPS);
		t->note = co_strbuf_detach(&sb);
	}
	for (size_t i = 0; i < act->nsamples; i++)
		p->rich += (act->samples[i].hr != 0) + (act->samples[i].lat != CO_NO_POS);

	off = act->has_utc_offset ? act->utc_offset : local_offset_guess(act->start);
	p->row.athlete_id = d->pl->opt->athlete_id;
	p->row.source = t->source;
	p->row.sport = co_sport_name(act->sport);
	p->row.sub_sport = co_sub_sport_name(act->sub_sport);
	p->row.start_utc = act->start;
	p->row.utc_offset_s = off >= -64800 && off <= 64800 ? off : 0;
	p->row.elapsed_s = known_or_unknown(act->elapsed);
	p->row.moving_s = known_or_unknown(act->moving);
	p->row.distance_m = known_or_unknown(act->distance);
	p->row.ascent_m = known_or_unknown(act->ascent);
	p->row.avg_hr = act->avg_hr >= 20 && act->avg_hr <= 250 ? act->avg_hr : -1;
	p->row.max_hr = act->max_hr >= 20 && act->max_hr <= 250 ? act->max_hr : -1;
	p->row.rpe = isfinite(act->rpe) && act->rpe >= 0 && act->rpe <= 10 ? act->rpe : -1;
	p->row.feel = act->feel >= 0 && act->feel <= 100 ? act->feel : -1;
	p->row.summary_json = p->summary_json;
	p->row.laps_json = p->laps_json;
	p->row.stream = p->stream;

	p->duration = p->row.elapsed_s > 0 ? p->row.elapsed_s :
		      p->row.moving_s > 0 ? p->row.moving_s :
		      act->nsamples ? act->samples[act->nsamples - 1].t : 0;
	if (p->duration < 1)
		p->duration = 1;
	return 0;
}

/* The time the activities of a task span, in seconds (for salvage). */
static double task_span(const task *t)
{
	double s = 0;

	for (size_t i = 0; i < t->nacts; i++)
		s += t->acts[i].duration;
	return s;
}

static int decode_fit(decode_ctx *d)
{
	task *t = d->t;
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	char *cut = NULL;
	int rc;

	rc = co_fit_decode(t->data, t->len, &opt, on_activity, d);
	if (rc != CO_EINPUT || !strstr(co_error_last(), "truncated"))
		return rc;
	/* A cut file: decode what is there, keep it when it is worth keeping. */
	cut = co_xstrdup(co_error_last());
	import_task_clear_acts(t);
	t->no_start = 0;
	opt.salvage = 1;
	rc = co_fit_decode(t->data, t->len, &opt, on_activity, d);
	if (rc == 0 && t->nacts && task_span(t) >= CO_IMPORT_SALVAGE_MIN_S) {
		co_strbuf sb = CO_STRBUF_INIT;

		co_strbuf_addf(&sb, "salvaged what was recorded before the cut (%s)", cut);
		free(t->note);
		t->note = co_strbuf_detach(&sb);
	} else if (rc == 0 || rc == CO_EINPUT) {
		import_task_clear_acts(t);
		rc = co_error_set(CO_EINPUT, "%s", cut);
	}
	free(cut);
	return rc;
}

static void decode_task(pipeline *pl, task *t)
{
	decode_ctx d = {pl, t};
	const known_entry *k;
	int rc;

	co_sha256_hex(t->hash, t->data, t->len);
	pthread_mutex_lock(&pl->mu);
	k = import_known_find(&pl->known, t->hash);
	if (k) {
		t->known_id = k->id;
		co_strbuf sb = CO_STRBUF_INIT;
		co_strbuf_addf(&sb, "%s: already imported (from '%s')", t->name, k->source);
		t->message = co_strbuf_detach(&sb);
	}
	pthread_mutex_unlock(&pl->mu);
	if (t->known_id) {
		t->outcome = CO_IMPORT_DUPLICATE;
		goto done;
	}
	co_error_clear();
	if (t->kind == CO_KIND_FIT)
		rc = decode_fit(&d);
	else
		rc = co_xmltrack_read_mem(t->kind == CO_KIND_GPX ? CO_XMLTRACK_GPX :
					  t->kind == CO_KIND_TCX ? CO_XMLTRACK_TCX :
					  CO_XMLTRACK_AUTO,
					  t->data, t->len, t->name, on_activity, &d);
	if (rc == CO_EUNSUPPORTED) {
		import_task_clear_acts(t);
		t->outcome = CO_IMPORT_SKIPPED;
		t->message = import_located(t->name, co_error_last());
	} else if (rc < 0) {
		import_task_clear_acts(t);
		t->outcome = CO_IMPORT_FAILED;
		t->message = import_located(t->name, rc == CO_ENOMEM ? "out of memory" : co_error_last());
	} else if (!t->nacts && !t->strength) {
		t->outcome = CO_IMPORT_SKIPPED;
		t->message = import_located(t->name, t->no_start ? "no start time, cannot be placed"
						: "only transitions, no activity");
	}
done:
	free(t->data);
	t->data = NULL;
	t->decoded = true;
}

void *import_worker_main(void *arg)
{
	pipeline *pl = arg;

	for (;;) {
		task *t;

		pthread_mutex_lock(&pl->mu);
		while (!pl->qhead && !pl->walk_done && !pl->stop)
			pthread_cond_wait(&pl->task_cv, &pl->mu);
		t = pl->qhead;
		if (!t) {
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		pl->qhead = t->next;
		if (!pl->qhead)
			pl->qtail = NULL;
		bool stop = pl->stop;
		pthread_mutex_unlock(&pl->mu);

		if (!stop)
			decode_task(pl, t);
		pthread_mutex_lock(&pl->mu);
		if (pl->stop) {
			import_task_free(t);
		} else {
			pl->ring[t->seq % pl->window] = t;
			pthread_cond_broadcast(&pl->done_cv);
		}
		pthread_mutex_unlock(&pl->mu);
	}
	return NULL;
}

