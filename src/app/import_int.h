/*
 * Internals of the import pipeline (include/carryover/import.h), shared by
 * its files. Not a public header.
 *
 *   import.c          the entry point: options, threads, the commit loop
 *   import_walk.c     the walker: paths to files (folders, archives, .gz)
 *                     and files to tasks holding their bytes
 *   import_workers.c  the bounded queue and the decoding threads: hash,
 *                     decode (FIT, GPX, TCX), prepare the rows
 *   import_commit.c   the writer's policy: same content, same run, the
 *                     richer recording, one transaction per file
 *   import_index.c    what is already stored: content hash -> row, and the
 *                     richness of the rows this import stored
 *
 * Three kinds of thread, one job each: the walker issues tasks in input
 * order; workers decode them; the calling thread alone talks to the store
 * and commits tasks in the order they were issued. Tasks travel through a
 * ring of `window` slots: the walker runs at most `window` tasks ahead of
 * the last commit, which bounds memory (window x the largest file) and
 * makes the outcome independent of thread timing.
 */
#ifndef CO_APP_IMPORT_INT_H
#define CO_APP_IMPORT_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "carryover/import.h"

/* Bytes read to tell what a file is (co_import_detect); files are read in
 * chunks of 16 x this at least. */
#define IMPORT_HEAD_BYTES 4096
/* Laps an activity reader keeps (FIT decode.c MAX_LAPS, xmltrack XT_MAX_LAPS). */
#define IMPORT_MAX_LAPS 4096

/* --- what is already stored (import_index.c) ------------------------------- */

/* Content already stored: file hash -> (row id, source). Open addressing. */
typedef struct known_entry {
	char hash[65];
	int64_t id;
	char *source;
} known_entry;

typedef struct known_set {
	known_entry *v;
	size_t cap, n;
} known_set;

/* The entry of `hash` (64 hex digits), or NULL. */
const known_entry *import_known_find(const known_set *k, const char *hash);
/* Remember hash -> (id, source); a hash already there is kept as it is. */
void import_known_add(known_set *k, const char *hash, int64_t id, const char *source);
void import_known_release(known_set *k);

/*
 * The writer remembers how rich each row it stored is (samples with heart
 * rate plus samples with position), so that a later file of the same run
 * is weighed against it without decoding its stream again.
 */
typedef struct rich_map {
	int64_t *id;    /* 0: empty slot */
	size_t *rich;
	size_t cap, n;
} rich_map;

bool import_rich_find(const rich_map *m, int64_t id, size_t *out);
/* Set the richness of row id (> 0; other ids are ignored). */
void import_rich_put(rich_map *m, int64_t id, size_t rich);
void import_rich_release(rich_map *m);

/* --- tasks (import_workers.c) ------------------------------------------------ */

/* One activity of a file, ready to insert; the writer fills the outcome. */
typedef struct prepared {
	co_store_activity_row row;
	char hash[80];
	char device[64];
	char *laps_json;
	char *summary_json;
	unsigned char *stream;
	double duration;       /* s, for the overlap test */
	size_t rich;           /* samples with heart rate + samples with position */
	co_import_outcome outcome;
	int64_t id;
	char *message;
} prepared;

/* The sets of a strength activity, from worker to writer (import_strength.c). */
typedef struct import_strength import_strength;

/* One candidate file (or a walker's report), from walker to writer. */
typedef struct task {
	size_t seq;
	struct task *next;
	char *name;            /* for messages */
	char *source;          /* for the row */
	unsigned char *data;   /* the content; freed once decoded */
	size_t len;
	co_import_kind kind;
	uint64_t disk_pos;     /* input bytes read when the task was issued */
	bool decoded;          /* false: a report from the walker (ignored, failed) */
	co_import_outcome outcome; /* of the whole file when it gave no rows */
	char *message;
	char hash[65];
	int64_t known_id;      /* > 0: content already stored */
	prepared *acts;
	size_t nacts, aacts;
	size_t no_start;       /* activities dropped: no start time */
	char *note;            /* salvaged: why */
	import_strength *strength; /* a strength activity: goes to the training log */
} task;

/* A task for file `name`, stored with `source`; free with import_task_free. */
task *import_task_new(const char *name, const char *source);
void import_task_clear_acts(task *t);
void import_task_free(task *t);

/* "NAME: MESSAGE", unless the message already starts with the name (caller frees). */
char *import_located(const char *name, const char *msg);

/* --- the pipeline -------------------------------------------------------------- */

/* One input file (a folder is expanded into its files first). */
typedef struct input {
	char *path;
	char *source;       /* base name */
	uint64_t size;
	int rank;
	char *error;        /* set when the walk could not read it */
} input;

typedef struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t task_cv, done_cv, space_cv;
	task *qhead, *qtail;
	task **ring;
	size_t window, issued, committed;
	bool walk_done, stop;
	known_set known;          /* guarded by mu */
	const struct co_plan *plan; /* writer only: opt->plan's, asked for once */
	bool plan_tried;
	rich_map rich;            /* writer only */

	const co_import_options *opt;
	size_t max_file;
	co_store *store;
	input *inputs;
	size_t ninputs;
	uint64_t disk_pos;        /* walker only */
	co_import_stats stats;    /* writer only */
	struct timespec t0;
	double last_progress;
} pipeline;

/* Whether the writer has stopped the import (read without the lock). */
static inline bool import_stopped(pipeline *pl)
{
	return __atomic_load_n(&pl->stop, __ATOMIC_RELAXED);
}

/* Seconds since t0 (CLOCK_MONOTONIC). */
double import_since(const struct timespec *t0);

/*
 * Issue a task: to the workers (decode) or straight to the writer. Waits
 * while the ring is full. -1 (and t freed) when the import was stopped.
 */
int import_push(pipeline *pl, task *t, bool decode);

/* A walker's report: a file that is failed or ignored without decoding. */
int import_report(pipeline *pl, const char *name, co_import_outcome outcome, const char *msg);

/* A decoding thread (pthread_create): runs until the walk is done. */
void *import_worker_main(void *arg);

/* --- the walker (import_walk.c) ---------------------------------------------- */

typedef struct input_list {
	input *v;
	size_t n, alloc;
} input_list;

/*
 * Every path exists (else CO_ENOTFOUND / CO_EIO, nothing added): expand
 * folders (FIT first in each), sum the sizes into *total.
 */
int import_collect_inputs(input_list *l, uint64_t *total, const char *const *paths,
			  size_t npaths);
void import_inputs_free(input *v, size_t n);

/* The walker thread (pthread_create): issues the tasks of pl->inputs. */
void *import_walker_main(void *arg);

/* --- the writer (import_commit.c) ---------------------------------------------- */

/* Tell the caller (opt->on_event), with the totals so far. */
void import_emit(pipeline *pl, co_import_outcome outcome, const char *name, const char *msg,
		 int64_t id, const co_store_activity_row *row);

/* Store one decoded file in one transaction. CO_ESTORE stops the import. */
int import_commit_task(pipeline *pl, task *t);

/* --- strength activities (import_strength.c) ---------------------------------- */

/* Sport training, sub-sport strength training: a session for the log. */
bool import_is_strength(const co_activity *act);
/* Worker: read the sets of t's file (t->data) into t->strength. */
int import_strength_take(task *t, const co_activity *act, int32_t utc_offset);
void import_strength_free(import_strength *s);
/* Writer: log t's strength session and its sets, one transaction. */
int import_strength_commit(pipeline *pl, task *t);

#endif
