/*
 * The store's front door: picks a backend for a location and forwards each
 * public call to its ops table (store_impl.h).
 *
 * What lives here is what does not depend on the database: masking
 * passwords in URLs before they reach a message, argument checks, "did you
 * mean" for athlete names, and the transactions: the nesting depth (so that
 * co_store_free() can roll back what a caller left open) and the level that
 * makes a several-row write atomic. The default location of DESIGN.md is
 * the app layer's (src/app/app_store.c). Calls go one way, from here to the
 * ops: a backend never calls a function of this file, so a second backend
 * inherits no cycle. The memory of returned rows is in rows.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/error.h"
#include "store/store_impl.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

/* --- locations ------------------------------------------------------------ */

static bool has_scheme(const char *location, const char *scheme)
{
	size_t n = strlen(scheme);

	return strncasecmp(location, scheme, n) == 0 && strncmp(location + n, "://", 3) == 0;
}

/*
 * The location as it may appear in messages: a URL's password (in the
 * user-info or a password= parameter) becomes "***". Caller frees.
 */
static char *mask_location(const char *location)
{
	const char *auth = strstr(location, "://");
	co_strbuf sb = CO_STRBUF_INIT;

	if (!auth)
		return co_xstrdup(location);
	auth += 3;
	size_t auth_len = strcspn(auth, "/?#");
	const char *at = NULL;

	for (const char *p = auth; p < auth + auth_len; p++)
		if (*p == '@')
			at = p;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;

	if (colon) {
		co_strbuf_add(&sb, location, (size_t)(colon + 1 - location));
		co_strbuf_adds(&sb, "***");
		co_strbuf_adds(&sb, at);
	} else {
		co_strbuf_adds(&sb, location);
	}
	/* password=... in the query string */
	char *pw = strstr(sb.buf, "password=");

	if (pw && pw > sb.buf && (pw[-1] == '?' || pw[-1] == '&')) {
		size_t off = (size_t)(pw - sb.buf) + strlen("password=");
		size_t end = off + strcspn(sb.buf + off, "&#");
		co_strbuf tail = CO_STRBUF_INIT;

		co_strbuf_adds(&tail, sb.buf + end);
		sb.len = off;
		sb.buf[off] = '\0';
		co_strbuf_adds(&sb, "***");
		co_strbuf_adds(&sb, tail.buf);
		co_strbuf_release(&tail);
	}
	return co_strbuf_detach(&sb);
}

int co_store_open(co_store **out, const char *location)
{
	char *shown = NULL;
	int rc;

	*out = NULL;
	if (!location || !*location) {
		rc = co_error_set(CO_EINPUT, "empty store location");
		goto done;
	}
	if (has_scheme(location, "postgresql") || has_scheme(location, "postgres")) {
		/* Dispatch point for src/store/postgres.c. */
		shown = mask_location(location);
		rc = co_error_set(CO_EINPUT, /* the --db argument: exit 2 */
				  "store '%s': PostgreSQL is not supported by this build yet",
				  shown);
		goto done;
	}
	if (strstr(location, "://")) {
		shown = mask_location(location);
		rc = co_error_set(CO_EINPUT, /* the --db argument: exit 2 */
				  "store '%s': unknown kind of store (expected a file path or postgresql://...)",
				  shown);
		goto done;
	}
	rc = co_store_sqlite_open(out, location);
done:
	free(shown);
	return rc;
}

void co_store_free(co_store *store)
{
	if (!store)
		return;
	while (store->depth > 0)
		co_store_rollback(store);
	free(store->location);
	store->location = NULL;
	store->ops->close(store);
}

const char *co_store_location(const co_store *store)
{
	return store->location;
}

const char *co_store_backend(const co_store *store)
{
	return store->ops->name;
}

int co_store_schema_version(int *out, int *out_latest, co_store *store)
{
	if (out_latest)
		*out_latest = co_store_latest_version(store->ops->schema);
	return store->ops->schema_version(store, out);
}

/* --- transactions --------------------------------------------------------- */

int co_store_begin(co_store *store)
{
	int rc = store->ops->begin(store, store->depth);

	if (rc == CO_OK)
		store->depth++;
	return rc;
}

/* On failure the level is rolled back by the backend and closed anyway. */
int co_store_commit(co_store *store)
{
	int rc;

	if (store->depth == 0)
		return co_error_set(CO_ESTORE, "store '%s': commit without a transaction",
				    store->location);
	rc = store->ops->commit(store, store->depth);
	store->depth--;
	return rc;
}

int co_store_rollback(co_store *store)
{
	int rc;

	if (store->depth == 0)
		return CO_OK;
	rc = store->ops->rollback(store, store->depth);
	store->depth--;
	return rc;
}

int co_store_depth(const co_store *store)
{
	return store->depth;
}

/*
 * Close the level opened around one several-row op: commit it when the op
 * succeeded, roll it back when it failed, keeping the op's message rather
 * than the cleanup's. Opening one level per op (a savepoint inside the
 * caller's transaction) is what makes athlete_put and activity_insert
 * atomic on their own while still nesting in a command's transaction.
 */
static int atomic_end(co_store *store, int rc)
{
	char msg[1024];

	if (rc == CO_OK)
		return co_store_commit(store);
	snprintf(msg, sizeof(msg), "%s", co_error_last());
	co_store_rollback(store);
	return co_error_set(rc, "%s", msg);
}

/* --- athletes --------------------------------------------------------------- */

/*
 * Content hash of a profile text: 16 hex digits of FNV-1a 64, for change
 * detection only (a backend compares it with the stored one). Writes 17
 * bytes into buf.
 */
static void text_hash(const char *text, char buf[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	static const char hex[] = "0123456789abcdef";

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	for (int i = 15; i >= 0; i--) {
		buf[i] = hex[h & 0xf];
		h >>= 4;
	}
	buf[16] = '\0';
}

int co_store_athlete_put(int64_t *out, co_store *store, const char *name,
			 const char *profile_text, const char *source_path)
{
	char hash[17];
	int64_t id = 0;
	int rc;

	if (out)
		*out = 0;
	if (!name || !*name)
		return co_error_set(CO_EINPUT, "an athlete needs a name");
	if (!profile_text)
		return co_error_set(CO_EINPUT, "athlete '%s': no profile text", name);
	text_hash(profile_text, hash);
	rc = co_store_begin(store);
	if (rc)
		return rc;
	rc = store->ops->athlete_put(store, &id, name, profile_text, hash, source_path);
	rc = atomic_end(store, rc);
	if (rc == CO_OK && out)
		*out = id;
	return rc;
}

/* Turn a backend's bare "not found" for `name` into a did-you-mean message. */
static int athlete_not_found(co_store *store, const char *name)
{
	co_store_athlete *all = NULL;
	size_t n = 0;
	co_suggest sg;

	co_suggest_init(&sg, name);
	if (store->ops->athlete_list(store, &all, &n) == CO_OK)
		for (size_t i = 0; i < n; i++)
			co_suggest_offer(&sg, all[i].name);
	if (sg.best)
		co_error_set(CO_ENOTFOUND, "no athlete '%s' in the store (did you mean '%s'?)",
			     name, sg.best);
	else
		co_error_set(CO_ENOTFOUND, "no athlete '%s' in the store", name);
	co_store_athlete_list_free(all, n);
	return CO_ENOTFOUND;
}

int co_store_athlete_get(co_store_athlete *out, co_store *store, const char *name)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = store->ops->athlete_get(store, out, name);
	if (rc == CO_ENOTFOUND) {
		co_store_athlete_release(out);
		if (name)
			return athlete_not_found(store, name);
		return co_error_set(CO_ENOTFOUND, "no current athlete: store a profile first");
	}
	if (rc)
		co_store_athlete_release(out);
	return rc;
}

int co_store_athlete_use(int64_t *out, co_store *store, const char *name)
{
	co_store_athlete a;
	int rc;

	if (out)
		*out = 0;
	if (!name || !*name)
		return co_error_set(CO_EINPUT, "an athlete needs a name");
	if ((rc = co_store_athlete_get(&a, store, name)) < 0)
		return rc;
	rc = store->ops->athlete_use(store, a.id);
	if (rc == CO_OK && out)
		*out = a.id;
	co_store_athlete_release(&a);
	return rc;
}

int co_store_athlete_list(co_store_athlete **out, size_t *out_count, co_store *store)
{
	*out = NULL;
	*out_count = 0;
	return store->ops->athlete_list(store, out, out_count);
}

/* --- activities --------------------------------------------------------- */

int co_store_activity_exists(bool *out, co_store *store, const char *hash)
{
	*out = false;
	if (!hash || !*hash)
		return co_error_set(CO_EINPUT, "empty activity hash");
	return store->ops->activity_exists(store, out, hash);
}

int co_store_activity_find_overlap(int64_t *out, co_store *store, int64_t athlete_id,
				   int64_t start_utc, int64_t duration_s)
{
	*out = 0;
	return store->ops->activity_find_overlap(store, out, athlete_id, start_utc,
						 duration_s < 0 ? 0 : duration_s);
}

int co_store_activity_near(co_store_activity_row **out, size_t *out_count, co_store *store,
			   int64_t athlete_id, int64_t from_utc, int64_t to_utc, size_t max)
{
	*out = NULL;
	*out_count = 0;
	if (!max || to_utc <= from_utc)
		return CO_OK;
	return store->ops->activity_near(store, out, out_count, athlete_id, from_utc, to_utc,
					 max);
}

int co_store_activity_delete(co_store *store, int64_t id)
{
	if (id <= 0)
		return co_error_set(CO_EINPUT, "no activity #%lld", (long long)id);
	return store->ops->activity_delete(store, id);
}

int co_store_activity_insert(int64_t *out, co_store *store, const co_store_activity_row *row)
{
	const char *what = row->source && *row->source ? row->source : "?";
	int64_t id = 0;
	int rc;

	if (out)
		*out = 0;
	if (!row->source || !*row->source)
		return co_error_set(CO_EINPUT, "activity without a source file name");
	if (!row->hash || !*row->hash)
		return co_error_set(CO_EINPUT, "activity '%s': no content hash", what);
	if (!row->sport || !*row->sport)
		return co_error_set(CO_EINPUT, "activity '%s': no sport", what);
	if (row->athlete_id <= 0)
		return co_error_set(CO_EINPUT, "activity '%s': no athlete", what);
	if (row->stream_len && !row->stream)
		return co_error_set(CO_EINPUT, "activity '%s': stream length without data", what);
	rc = co_store_begin(store);
	if (rc)
		return rc;
	rc = store->ops->activity_insert(store, &id, row);
	rc = atomic_end(store, rc);
	if (rc == CO_OK && out)
		*out = id;
	return rc;
}

int co_store_activity_get(co_store_activity_row *out, co_store *store, int64_t id)
{
	*out = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
	return store->ops->activity_get(store, out, id);
}

/* co_store_activity_list() is co_store_activity_each() into an array. */
typedef struct list_acc {
	co_store_activity_row *rows;
	size_t n, cap;
} list_acc;

static int push_row(void *ctx, const co_store_activity_row *row)
{
	list_acc *acc = ctx;
	co_store_activity_row *r = CO_VEC_PUSH(acc->rows, acc->n, acc->cap);

	*r = *row;
	co_store_row_take(r); /* the row given is the walker's: own a copy */
	return 0;
}

int co_store_activity_list(co_store_activity_row **out, size_t *out_count, co_store *store,
			   const co_store_activity_query *query)
{
	static const co_store_activity_query all = CO_STORE_ACTIVITY_QUERY_INIT;

	list_acc acc = {NULL, 0, 0};
	int rc;

	*out = NULL;
	*out_count = 0;
	rc = store->ops->activity_each(store, query ? query : &all, push_row, &acc);
	if (rc < 0) {
		co_store_activity_list_free(acc.rows, acc.n);
		return rc;
	}
	*out = acc.rows;
	*out_count = acc.n;
	return CO_OK;
}

int co_store_activity_each(co_store *store, const co_store_activity_query *query,
			   co_store_activity_fn fn, void *ctx)
{
	static const co_store_activity_query all = CO_STORE_ACTIVITY_QUERY_INIT;

	return store->ops->activity_each(store, query ? query : &all, fn, ctx);
}

int co_store_activity_count(size_t *out, co_store *store, int64_t athlete_id)
{
	*out = 0;
	return store->ops->activity_count(store, out, athlete_id);
}

/* --- the training log ------------------------------------------------------- */

int co_store_log_insert(int64_t *out, co_store *store, const co_log_entry *e)
{
	int64_t id = 0;
	int rc;

	if (out)
		*out = 0;
	if ((unsigned)e->kind >= CO_LOG_KIND_COUNT)
		return co_error_set(CO_EINPUT, "unknown kind of log entry");
	if (e->athlete_id <= 0 && e->kind != CO_LOG_SET)
		return co_error_set(CO_EINPUT, "log entry without an athlete");
	if (e->kind == CO_LOG_SET && (e->session_id <= 0 || !e->exercise || !*e->exercise))
		return co_error_set(CO_EINPUT, "a logged set needs a session and an exercise");
	/* One statement: atomic by itself, no savepoint (30,000 sets import in one go). */
	rc = store->ops->log_insert(store, &id, e);
	if (rc == CO_OK && out)
		*out = id;
	return rc;
}

int co_store_log_update(co_store *store, const co_log_entry *e)
{
	int rc;

	if ((unsigned)e->kind >= CO_LOG_KIND_COUNT || e->id <= 0)
		return co_error_set(CO_EINPUT, "no such log entry");
	rc = store->ops->log_update(store, e); /* one statement */
	return rc;
}

int co_store_log_get(co_log_entry *out, co_store *store, co_log_kind kind, int64_t id)
{
	*out = (co_log_entry)CO_LOG_ENTRY_INIT;
	if ((unsigned)kind >= CO_LOG_KIND_COUNT)
		return co_error_set(CO_EINPUT, "unknown kind of log entry");
	return store->ops->log_get(store, out, kind, id);
}

int co_store_log_delete(co_store *store, int64_t athlete_id, co_log_kind kind, int64_t id)
{
	int rc;

	if ((unsigned)kind >= CO_LOG_KIND_COUNT)
		return co_error_set(CO_EINPUT, "unknown kind of log entry");
	rc = store->ops->log_delete(store, athlete_id, kind, id); /* one statement, sets cascade */
	return rc;
}

int co_store_log_list(co_log_entry **out, size_t *out_count, co_store *store,
		      const co_log_query *q)
{
	*out = NULL;
	*out_count = 0;
	if (!q || q->athlete_id <= 0)
		return co_error_set(CO_EINPUT, "listing the log needs an athlete");
	return store->ops->log_list(store, out, out_count, q);
}

int co_store_log_session_find(int64_t *out, co_store *store, int64_t athlete_id, co_date date,
			      const char *source_hash)
{
	*out = 0;
	return store->ops->log_session_find(store, out, athlete_id, date, source_hash);
}

/* --- plan versions ------------------------------------------------------------ */

int co_store_plan_put(int *out_version, co_store *store, int64_t athlete_id, const char *hash,
		      co_date from, const co_store_planned_day *days, size_t n_days)
{
	int version = 0;
	int rc;

	if (out_version)
		*out_version = 0;
	if (athlete_id <= 0 || !hash || !*hash)
		return co_error_set(CO_EINPUT, "a plan version needs an athlete and a hash");
	for (size_t i = 0; i < n_days; i++)
		if (!days[i].focus || !days[i].json)
			return co_error_set(CO_EINPUT, "a planned day needs a focus and its JSON");
	rc = co_store_begin(store);
	if (rc)
		return rc;
	rc = store->ops->plan_put(store, &version, athlete_id, hash, from, days, n_days);
	rc = atomic_end(store, rc);
	if (rc == CO_OK && out_version)
		*out_version = version;
	return rc;
}

int co_store_plan_list(co_store_plan_version **out, size_t *out_count, co_store *store,
		       int64_t athlete_id)
{
	*out = NULL;
	*out_count = 0;
	return store->ops->plan_list(store, out, out_count, athlete_id);
}

void co_store_plan_list_free(co_store_plan_version *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++) {
		free(list[i].hash);
		free(list[i].created_at);
	}
	free(list);
}

int co_store_plan_day_get(char **out, co_store *store, int64_t athlete_id, co_date date)
{
	*out = NULL;
	return store->ops->plan_day_get(store, out, athlete_id, date);
}
