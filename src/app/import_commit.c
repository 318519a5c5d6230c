/*
 * The import's writer (app/import_int.h): what is stored, and how.
 *
 * Runs on the thread that called co_import_run(), the only one that talks
 * to the store, on tasks in the order the walker issued them. The policy:
 *   - one transaction per input file: a file is stored whole or not at
 *     all, so a corrupt file (or a kill -9) never leaves half of it behind;
 *   - same content: a file whose SHA-256 is already stored (or was stored
 *     earlier in this run) is a duplicate, whatever its name;
 *   - same run: an activity whose time span overlaps a stored one of the
 *     same athlete by at least half of the shorter is the same run
 *     recorded twice (a watch and a phone, a FIT and its GPX export),
 *     unless both come from one file (the sessions of a triathlon);
 *   - the richer recording is kept: the one with more samples carrying
 *     heart rate or position. A richer newcomer replaces the stored row
 *     inside its file's transaction; otherwise it is reported as a
 *     duplicate, saying which was kept and why.
 * Every outcome goes to the caller's callback, with the totals so far.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "app/import_int.h"
#include "carryover/error.h"
#include "util/strbuf.h"

void import_emit(pipeline *pl, co_import_outcome outcome, const char *name, const char *msg,
		 int64_t id, const co_store_activity_row *row)
{
	co_import_event ev = {outcome, name, msg, id, row, &pl->stats};

	pl->stats.seconds = import_since(&pl->t0);
	if (outcome == CO_IMPORT_PROGRESS)
		pl->last_progress = pl->stats.seconds;
	if (pl->opt->on_event)
		pl->opt->on_event(pl->opt->ctx, &ev);
}

static void count(pipeline *pl, co_import_outcome o)
{
	switch (o) {
	case CO_IMPORT_IMPORTED: pl->stats.imported++; break;
	case CO_IMPORT_DUPLICATE: pl->stats.duplicates++; break;
	case CO_IMPORT_SKIPPED: pl->stats.skipped++; break;
	case CO_IMPORT_FAILED: pl->stats.failed++; break;
	case CO_IMPORT_IGNORED: pl->stats.ignored++; break;
	default: break;
	}
}

/* Samples with heart rate plus samples with position in a stored row. */
static size_t stream_richness(const pipeline *pl, const co_store_activity_row *row)
{
	co_sample *s = NULL;
	size_t n = 0, rich = 0;

	if (import_rich_find(&pl->rich, row->id, &rich))
		return rich; /* stored by this import */
	if (!row->stream || co_stream_decode(&s, &n, row->stream, row->stream_len) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		rich += (s[i].hr != 0) + (s[i].lat != CO_NO_POS);
	free(s);
	return rich;
}

/*
 * Is p the same run as a stored activity? 0 and p->outcome set to DUPLICATE
 * when it is; 0 and nothing set when not; CO_ESTORE.
 */
static int check_overlap(pipeline *pl, task *t, prepared *p)
{
	co_store_activity_row other = CO_STORE_ACTIVITY_ROW_INIT;
	int64_t oid = 0;
	int rc;

	rc = co_store_activity_find_overlap(&oid, pl->store, pl->opt->athlete_id,
					    p->row.start_utc, (int64_t)ceil(p->duration));
	if (rc < 0 || !oid)
		return rc;
	if ((rc = co_store_activity_get(&other, pl->store, oid)) < 0)
		return rc;
	double odur = other.elapsed_s > 0 ? other.elapsed_s : other.moving_s > 0 ?
		      other.moving_s : 1;
	double s1 = (double)p->row.start_utc, e1 = s1 + p->duration;
	double s2 = (double)other.start_utc, e2 = s2 + odur;
	double ov = fmin(e1, e2) - fmax(s1, s2);
	double shorter = fmin(p->duration, odur);

	/* sessions of one file (a triathlon) are parts, never repeats */
	bool same_file = !strncmp(other.hash, t->hash, 64);

	if (!same_file && ov * 2 >= shorter) {
		size_t orich = stream_richness(pl, &other);
		co_strbuf sb = CO_STRBUF_INIT;

		if (p->rich > orich) {
			/* The richer recording wins: the stored one goes, inside this
			 * file's transaction, and this one is inserted in its place. */
			if ((rc = co_store_activity_delete(pl->store, oid)) < 0) {
				co_store_activity_row_release(&other);
				return rc;
			}
			pl->stats.replaced++;
			co_strbuf_addf(&sb, "%s: same run as '%s' (#%lld), replaced: this file has "
				       "%zu samples with heart rate or position, that one %zu",
				       t->name, other.source, (long long)oid, p->rich, orich);
			p->message = co_strbuf_detach(&sb);
			co_store_activity_row_release(&other);
			return 0;
		}
		co_strbuf_addf(&sb, "%s: same run as '%s' (#%lld)", t->name, other.source,
			       (long long)oid);
		if (p->rich == orich)
			co_strbuf_addf(&sb, ", kept '%s', stored first (both have %zu samples "
				       "with heart rate or position)", other.source, orich);
		else
			co_strbuf_addf(&sb, ", kept '%s': it has %zu samples with heart rate "
				       "or position, this file %zu", other.source, orich, p->rich);
		p->outcome = CO_IMPORT_DUPLICATE;
		p->id = oid;
		p->message = co_strbuf_detach(&sb);
	}
	co_store_activity_row_release(&other);
	return 0;
}

/* Store one decoded file in one transaction. CO_ESTORE stops the import. */
int import_commit_task(pipeline *pl, task *t)
{
	int rc;

	if (!t->decoded || t->known_id || !t->nacts) {
		pl->stats.files += t->outcome != CO_IMPORT_IGNORED;
		count(pl, t->outcome);
		import_emit(pl, t->outcome, t->name, t->message, t->known_id, NULL);
		return 0;
	}
	pl->stats.files++;
	if ((rc = co_store_begin(pl->store)) < 0)
		return rc;
	for (size_t i = 0; i < t->nacts; i++) {
		prepared *p = &t->acts[i];
		const known_entry *k;

		/* t->acts may have moved while it grew: point the row at p now */
		p->row.hash = p->hash;
		p->row.device = p->device[0] ? p->device : NULL;
		p->outcome = CO_IMPORT_IMPORTED;
		pthread_mutex_lock(&pl->mu);
		k = import_known_find(&pl->known, t->hash);
		if (k) {
			co_strbuf sb = CO_STRBUF_INIT;

			co_strbuf_addf(&sb, "%s: already imported (from '%s')", t->name, k->source);
			p->outcome = CO_IMPORT_DUPLICATE;
			p->id = k->id;
			p->message = co_strbuf_detach(&sb);
		}
		pthread_mutex_unlock(&pl->mu);
		if (p->outcome == CO_IMPORT_DUPLICATE)
			continue;
		if ((rc = check_overlap(pl, t, p)) < 0)
			goto fail;
		if (p->outcome == CO_IMPORT_DUPLICATE)
			continue;
		rc = co_store_activity_insert(&p->id, pl->store, &p->row);
		if (rc == CO_EEXISTS) {
			p->outcome = CO_IMPORT_DUPLICATE;
			p->message = import_located(t->name, co_error_last());
		} else if (rc < 0) {
			goto fail;
		} else if (t->note && !p->message) {
			p->message = import_located(t->name, t->note);
		}
	}
	if ((rc = co_store_commit(pl->store)) < 0)
		return rc;
	for (size_t i = 0; i < t->nacts; i++) {
		prepared *p = &t->acts[i];

		if (p->outcome == CO_IMPORT_IMPORTED) {
			pthread_mutex_lock(&pl->mu);
			import_known_add(&pl->known, t->hash, p->id, t->source);
			pthread_mutex_unlock(&pl->mu);
			import_rich_put(&pl->rich, p->id, p->rich);
		}
		count(pl, p->outcome);
		import_emit(pl, p->outcome, t->name, p->message, p->id,
		     p->outcome == CO_IMPORT_IMPORTED ? &p->row : NULL);
	}
	return 0;
fail:
	co_store_rollback(pl->store);
	return rc;
}
