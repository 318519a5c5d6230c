/*
 * Importing recorded activities (include/carryover/import.h): the entry
 * point of the pipeline, a service of the application layer.
 *
 * co_import_run() checks the paths and options, loads what is already
 * stored (import_index.c), starts the walker (import_walk.c) and the
 * decoding workers (import_workers.c), and then, on the calling thread,
 * commits the decoded files in the order they were issued
 * (import_commit.c), ticking progress while it waits. On a store error it
 * stops every thread, frees every task still in flight, and returns the
 * error: files committed before stay, as their transactions say.
 * The thread model and the ring that bounds memory are described in
 * app/import_int.h.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/import_int.h"
#include "carryover/error.h"
#include "util/hash.h"
#include "util/strbuf.h"

void co_import_hash(char out[65], const void *data, size_t len)
{
	co_sha256_hex(out, data, len);
}

/* The next task in issue order, or NULL when all are done; ticks progress. */
static task *next_done(pipeline *pl)
{
	double every = pl->opt->progress_every > 0 ? pl->opt->progress_every : 0.2;

	for (;;) {
		task *t;
		struct timespec ts;

		pthread_mutex_lock(&pl->mu);
		t = pl->ring[pl->committed % pl->window];
		if (t) {
			pl->ring[pl->committed % pl->window] = NULL;
			pthread_mutex_unlock(&pl->mu);
			return t;
		}
		if (pl->walk_done && pl->committed == pl->issued) {
			pthread_mutex_unlock(&pl->mu);
			return NULL;
		}
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += (long)(every * 1e9);
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&pl->done_cv, &pl->mu, &ts);
		pthread_mutex_unlock(&pl->mu);
		if (import_since(&pl->t0) - pl->last_progress >= every)
			import_emit(pl, CO_IMPORT_PROGRESS, NULL, NULL, 0, NULL);
	}
}

static int add_known(void *ctx, const co_store_activity_row *row)
{
	pipeline *pl = ctx;
	char h[65];
	size_t len = strcspn(row->hash, "#");

	if (len != 64)
		return 0;
	memcpy(h, row->hash, 64);
	h[64] = '\0';
	import_known_add(&pl->known, h, row->id, row->source);
	return 0;
}

/* What is stored, a row at a time: memory is the hash set, not the rows. */
static void load_known(pipeline *pl)
{
	/* on failure the store's unique hash still catches repeats */
	(void)co_store_activity_each(pl->store, NULL, add_known, pl);
}

int co_import_run(co_import_stats *out, co_store *store, const char *const *paths,
		  size_t npaths, const co_import_options *opt)
{
	pipeline pl;
	input_list inputs = {0};
	pthread_t walker, workers[64];
	pthread_condattr_t ca;
	unsigned nworkers = 0, want;
	bool walker_started = false;
	int rc = 0;
	task *t;

	memset(&pl, 0, sizeof(pl));
	if (out)
		memset(out, 0, sizeof(*out));
	if (!store || !opt || opt->athlete_id <= 0 || (npaths && !paths))
		return co_error_set(CO_EINPUT, "import: no store, athlete or paths given");
	if ((rc = import_collect_inputs(&inputs, &pl.stats.bytes_total, paths, npaths)) < 0)
		goto free_inputs;

	want = opt->threads;
	if (!want) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		want = n > 0 ? (unsigned)n : 1;
	}
	if (want > 64)
		want = 64;
	pl.opt = opt;
	pl.store = store;
	pl.inputs = inputs.v;
	pl.ninputs = inputs.n;
	pl.max_file = opt->max_file_bytes ? opt->max_file_bytes : CO_IMPORT_MAX_FILE;
	if (pl.max_file < IMPORT_HEAD_BYTES * 16)
		pl.max_file = IMPORT_HEAD_BYTES * 16;
	pl.window = 4 * (size_t)want + 4;
	pl.ring = co_xcalloc(pl.window, sizeof(*pl.ring));
	clock_gettime(CLOCK_MONOTONIC, &pl.t0);
	load_known(&pl);

	pthread_mutex_init(&pl.mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&pl.done_cv, &ca);
	pthread_condattr_destroy(&ca);
	pthread_cond_init(&pl.task_cv, NULL);
	pthread_cond_init(&pl.space_cv, NULL);

	for (; nworkers < want; nworkers++)
		if (pthread_create(&workers[nworkers], NULL, import_worker_main, &pl))
			break;
	if (!nworkers || pthread_create(&walker, NULL, import_walker_main, &pl)) {
		rc = co_error_set(CO_ERROR, "import: cannot start threads");
		goto stop;
	}
	walker_started = true;

	while ((t = next_done(&pl))) {
		if (t->disk_pos > pl.stats.bytes_done)
			pl.stats.bytes_done = t->disk_pos;
		rc = import_commit_task(&pl, t);
		import_task_free(t);
		pthread_mutex_lock(&pl.mu);
		pl.committed++;
		pthread_cond_signal(&pl.space_cv);
		pthread_mutex_unlock(&pl.mu);
		if (rc < 0)
			break;
	}
stop:
	pthread_mutex_lock(&pl.mu);
	if (rc < 0)
		__atomic_store_n(&pl.stop, true, __ATOMIC_RELAXED);
	pl.walk_done = pl.walk_done || !walker_started;
	pthread_cond_broadcast(&pl.task_cv);
	pthread_cond_broadcast(&pl.space_cv);
	pthread_cond_broadcast(&pl.done_cv);
	pthread_mutex_unlock(&pl.mu);
	if (walker_started)
		pthread_join(walker, NULL);
	pthread_mutex_lock(&pl.mu);
	pl.walk_done = true;
	pthread_cond_broadcast(&pl.task_cv);
	pthread_mutex_unlock(&pl.mu);
	for (unsigned i = 0; i < nworkers; i++)
		pthread_join(workers[i], NULL);
	for (size_t i = 0; i < pl.window; i++)
		import_task_free(pl.ring[i]);
	while ((t = pl.qhead)) {
		pl.qhead = t->next;
		import_task_free(t);
	}
	pthread_cond_destroy(&pl.task_cv);
	pthread_cond_destroy(&pl.done_cv);
	pthread_cond_destroy(&pl.space_cv);
	pthread_mutex_destroy(&pl.mu);
	free(pl.ring);
	import_known_release(&pl.known);
	import_rich_release(&pl.rich);
	if (rc == 0)
		pl.stats.bytes_done = pl.stats.bytes_total;
	pl.stats.seconds = import_since(&pl.t0);
	if (out)
		*out = pl.stats;
free_inputs:
	import_inputs_free(inputs.v, inputs.n);
	return rc;
}
