/*
 * The import's writer (app/import_int.h): what is stored, and how.
 *
 * Runs on the thread that called co_import_run(), the only one that talks
 * to the store, on tasks in the order the walker issued them. The policy:
 *   - one transaction per input file: a file is stored whole or not at
 *     all, so a corrupt file (or a kill -9) never leaves half of it behind;
 *   - same content: a file whose SHA-256 is already stored (or was stored
 *     earlier in this run) is a duplicate, whatever its name;
 *   - same run: an activity that is the same run as a stored one of the
 *     same athlete (same_run() below: sport family, overlap of half the
 *     longer span, similar moving time and distance) is one run recorded
 *     twice (a watch and a phone, a FIT and its GPX export), or a copy
 *     inside one file (a FIT of chained copies); the parts of a triathlon
 *     are different sports and stay apart;
 *   - the richer recording is kept: the one with more samples carrying
 *     heart rate or position. A richer newcomer replaces the stored row
 *     inside its file's transaction; otherwise it is reported as a
 *     duplicate, saying which was kept and why.
 * Every outcome goes to the caller's callback, with the totals so far.
 */
#include <math.h>
#include <stdint.h>
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

/* An activity stored: the runs and the local dates of the summary. */
static void count_stored(pipeline *pl, const co_store_activity_row *row)
{
	int64_t local = row->start_utc + row->utc_offset_s;
	co_date day = (co_date)(local >= 0 ? local / 86400 : -((-local + 86399) / 86400));

	if (!strcmp(row->sport, "running"))
		pl->stats.runs++;
	if (!pl->stats.imported || day < pl->stats.first_day)
		pl->stats.first_day = day;
	if (!pl->stats.imported || day > pl->stats.last_day)
		pl->stats.last_day = day;
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
 * The same-run rule (issue 9.1). Two recordings are one run when all of:
 *   - the same sport family (running, walking and hiking are on foot;
 *     cycling and e-biking ride; "generic" is no sport and matches any);
 *   - their spans overlap by at least half of the LONGER span, so one
 *     recording cannot swallow a shorter one (a glitched clock that makes
 *     a 25-minute ride span 31 days no longer covers the runs of a month);
 *   - moving times (elapsed when either is unknown) within 25% of the
 *     longer or 5 minutes, and distances, when both are known, within 20%
 *     of the longer or 500 m.
 * The rule is symmetric, and the stored rows it can match all start in
 * [start - span, end): overlap >= other/2 and other <= 2 x span. So the
 * same candidates are found whichever file comes first, and the rows
 * stored do not depend on the order of the inputs.
 */
#define SAME_TIME_REL 0.25
#define SAME_TIME_ABS 300.0
#define SAME_DIST_REL 0.20
#define SAME_DIST_ABS 500.0
/* Rows looked at per activity: the bound on work for hostile files. */
#define SAME_RUN_CANDIDATES 32

static const char *sport_family(const char *sport)
{
	static const char *const groups[][2] = {
		{"running", "foot"}, {"walking", "foot"}, {"hiking", "foot"},
		{"cycling", "ride"}, {"e_biking", "ride"},
	};

	if (!sport || !strcmp(sport, "generic") || !strcmp(sport, "unknown"))
		return NULL;
	for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
		if (!strcmp(sport, groups[i][0]))
			return groups[i][1];
	return sport;
}

static bool close_enough(double a, double b, double rel, double abs_tol)
{
	double tol = fmax(fmax(a, b) * rel, abs_tol);

	return fabs(a - b) <= tol;
}

static double span_of(const co_store_activity_row *r)
{
	return r->elapsed_s > 0 ? r->elapsed_s : r->moving_s > 0 ? r->moving_s : 1;
}

static bool same_run(const prepared *p, const co_store_activity_row *o)
{
	const char *f1 = sport_family(p->row.sport), *f2 = sport_family(o->sport);
	double s1 = (double)p->row.start_utc, e1 = s1 + p->duration;
	double s2 = (double)o->start_utc, e2 = s2 + span_of(o);
	double ov = fmin(e1, e2) - fmax(s1, s2);
	double t1 = p->row.moving_s, t2 = o->moving_s;

	if (f1 && f2 && strcmp(f1, f2))
		return false;
	if (ov <= 0 || ov * 2 < fmax(p->duration, span_of(o)))
		return false;
	if (!(t1 > 0 && t2 > 0)) {
		t1 = p->duration;
		t2 = span_of(o);
	}
	if (!close_enough(t1, t2, SAME_TIME_REL, SAME_TIME_ABS))
		return false;
	if (p->row.distance_m > 0 && o->distance_m > 0 &&
	    !close_enough(p->row.distance_m, o->distance_m, SAME_DIST_REL, SAME_DIST_ABS))
		return false;
	return true;
}

/*
 * Is p the same run as a stored activity? 0 and p->outcome set to DUPLICATE
 * when it is kept out; 0 and the stored one deleted (replaced) when p is
 * richer; 0 and nothing set when it is another run; CO_ESTORE.
 */
static int check_overlap(pipeline *pl, task *t, prepared *p)
{
	co_store_activity_row *near = NULL, other = CO_STORE_ACTIVITY_ROW_INIT;
	size_t nnear = 0, best = SIZE_MAX;
	int64_t span = (int64_t)ceil(p->duration), oid;
	double best_ov = -1;
	int rc;

	rc = co_store_activity_near(&near, &nnear, pl->store, pl->opt->athlete_id,
				    p->row.start_utc - span, p->row.start_utc + span,
				    SAME_RUN_CANDIDATES);
	if (rc < 0)
		return rc;
	pl->stats.compared += nnear;
	for (size_t i = 0; i < nnear; i++) {
		double s2 = (double)near[i].start_utc;
		double ov = fmin((double)p->row.start_utc + p->duration, s2 + span_of(&near[i])) -
			    fmax((double)p->row.start_utc, s2);

		if (same_run(p, &near[i]) && ov > best_ov) {
			best = i;
			best_ov = ov;
		}
	}
	if (best == SIZE_MAX) {
		co_store_activity_list_free(near, nnear);
		return 0;
	}
	oid = near[best].id;
	co_store_activity_list_free(near, nnear);
	if ((rc = co_store_activity_get(&other, pl->store, oid)) < 0)
		return rc;
	{
		size_t orich = stream_richness(pl, &other);
		co_strbuf sb = CO_STRBUF_INIT;
		/* copies inside one file are one recording: the first stays */
		bool same_file = !strncmp(other.hash, t->hash, 64);

		if (p->rich > orich && !same_file) {
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
		if (same_file)
			co_strbuf_addf(&sb, "%s: a copy of an activity earlier in the same file (#%lld)",
				       t->name, (long long)oid);
		else
			co_strbuf_addf(&sb, "%s: same run as '%s' (#%lld)", t->name, other.source,
				       (long long)oid);
		if (!same_file && p->rich == orich)
			co_strbuf_addf(&sb, ", kept '%s', stored first (both have %zu samples "
				       "with heart rate or position)", other.source, orich);
		else if (!same_file)
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

	/* a strength activity goes to the training log (import_strength.c) */
	if (t->decoded && !t->known_id && t->strength &&
	    ((rc = import_strength_commit(pl, t)) < 0 || !t->nacts))
		return rc;
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
			count_stored(pl, &p->row);
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
