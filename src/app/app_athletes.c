/*
 * The use cases of carryover/app.h about whose data it is: the athletes of
 * the store, switching the current one, and the stored profile, re-read
 * from its file when that file has changed since it was stored.
 *
 * Why re-read: a runner edits profile.ini and runs `carryover week`; with
 * the stored copy alone the edit would be ignored until `plan profile.ini`
 * ran again. The stored profile keeps the absolute path it came from, so
 * every use case that reads the stored profile compares that file's text
 * with the stored text; when they differ (and the file still names the same
 * athlete and is a valid profile) the new text is stored as a new profile
 * version (METHOD E4: a change ripples forward, earlier versions are kept),
 * and a notice (co_app_notice()) tells the front end to say so. A file that
 * is gone or unreadable leaves the stored profile as it is: the store, not
 * the file, is the record. The cost is one read of a file of a few KB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "util/strbuf.h"

/* A profile from standard input is stored with the name "DIR/-": no file to re-read. */
static bool is_file(const char *path)
{
	const char *base = path ? strrchr(path, '/') : NULL;

	return path && *path && strcmp(base ? base + 1 : path, "-") != 0;
}

static void set_notice(co_app *app, co_strbuf *msg)
{
	free(app->notice);
	app->notice = co_strbuf_detach(msg);
}

const char *co_app_notice(const co_app *app)
{
	return app->notice;
}

/*
 * Store `text` (the changed file) as the next version of `a`'s profile,
 * keeping the current athlete as it was (re-reading someone else's profile
 * for --athlete must not switch the store to them).
 */
static int store_new_version(co_app *app, co_store *store, const co_store_athlete *a,
			     const char *text)
{
	co_store_athlete cur = {0};
	bool had_current;
	int rc;

	if ((rc = co_app_begin(app)) < 0)
		return rc;
	rc = co_store_athlete_get(&cur, store, NULL);
	had_current = rc == CO_OK;
	if (rc == CO_ENOTFOUND)
		rc = CO_OK;
	if (rc == CO_OK)
		rc = co_store_athlete_put(NULL, store, a->name, text, a->source_path);
	if (rc == CO_OK && had_current && cur.id != a->id)
		rc = co_store_athlete_use(NULL, store, cur.name);
	co_store_athlete_release(&cur);
	if (rc < 0) {
		co_app_rollback(app);
		return rc;
	}
	return co_app_commit(app);
}

int co_app_profile_stored(co_store_athlete *out, co_app *app)
{
	co_strbuf text = CO_STRBUF_INIT, msg = CO_STRBUF_INIT;
	co_profile *p = NULL;
	co_store *store;
	int rc, old_version;

	if ((rc = co_app_athlete(out, app)) < 0)
		return rc;
	if (!out->profile_text || !is_file(out->source_path))
		return CO_OK;
	/* gone or unreadable: the stored copy stands */
	if (co_strbuf_read_file(&text, out->source_path, CO_APP_PROFILE_MAX_BYTES) < 0) {
		co_error_clear();
		rc = CO_OK;
		goto done;
	}
	if (!strcmp(text.buf ? text.buf : "", out->profile_text)) {
		rc = CO_OK;
		goto done;
	}
	/* A changed file that is not a valid profile is the runner's to fix: say where. */
	if ((rc = co_profile_parse(&p, text.buf ? text.buf : "", text.len, out->source_path,
				   co_app_today(app))) < 0) {
		char m[1024];

		snprintf(m, sizeof(m), "%s", co_error_last());
		rc = co_error_set(rc == CO_ENOMEM ? rc : CO_EINPUT,
				  "%s (the stored profile of '%s' came from this file, "
				  "which has changed)", m, out->name);
		goto done;
	}
	if (strcasecmp(p->name, out->name)) {
		co_strbuf_addf(&msg, "'%s' has changed and now names '%s': still using the stored "
			       "profile of '%s' (give the file to 'carryover plan' to store it)",
			       out->source_path, p->name, out->name);
		set_notice(app, &msg);
		rc = CO_OK;
		goto done;
	}
	if ((rc = co_app_store(&store, app)) < 0 ||
	    (rc = store_new_version(app, store, out, text.buf ? text.buf : "")) < 0)
		goto done;
	old_version = out->profile_version;
	{
		char *name = co_xstrdup(out->name);

		co_store_athlete_release(out);
		rc = co_store_athlete_get(out, store, name);
		free(name);
		if (rc < 0)
			goto done;
	}
	co_strbuf_addf(&msg, "'%s' has changed: stored it as version %d of %s's profile "
		       "(was %d)", out->source_path, out->profile_version, out->name, old_version);
	set_notice(app, &msg);
done:
	if (rc < 0)
		co_store_athlete_release(out);
	co_profile_free(p);
	co_strbuf_release(&text);
	co_strbuf_release(&msg);
	return rc;
}

int co_app_athletes(co_store_athlete **out, size_t *out_count, co_app *app)
{
	co_store *store;
	int rc;

	*out = NULL;
	*out_count = 0;
	if ((rc = co_app_store(&store, app)) < 0)
		return rc;
	return co_store_athlete_list(out, out_count, store);
}

int co_app_athlete_use(co_store_athlete *out, co_app *app, const char *name)
{
	co_store *store;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = co_app_store(&store, app)) < 0 || (rc = co_app_begin(app)) < 0)
		return rc;
	if ((rc = co_store_athlete_use(NULL, store, name)) < 0) {
		co_app_rollback(app);
		return rc;
	}
	if ((rc = co_app_commit(app)) < 0)
		return rc;
	return co_store_athlete_get(out, store, name);
}

int co_app_whose(char **out, co_app *app, const co_app_profile_src *profile)
{
	co_store_athlete a = {0};
	co_profile *p = NULL;
	co_strbuf text = CO_STRBUF_INIT;
	int rc;

	*out = NULL;
	if (profile) {
		/* the name only: the use case that stores it reads and checks it in full */
		if (profile->text)
			co_strbuf_add(&text, profile->text, profile->len);
		else if (!profile->path ||
			 co_strbuf_read_file(&text, profile->path, CO_APP_PROFILE_MAX_BYTES) < 0)
			goto quiet;
		if (co_profile_parse(&p, text.buf ? text.buf : "", text.len, "-",
				     co_app_today(app)) < 0)
			goto quiet;
		*out = co_xstrdup(p->name);
		rc = CO_OK;
		goto done;
	}
	if ((rc = co_app_athlete(&a, app)) < 0)
		goto done;
	*out = co_xstrdup(a.name);
	goto done;
quiet:
	/* the import itself reports the bad profile, with its file and line */
	co_error_clear();
	rc = CO_ENOTFOUND;
done:
	co_profile_free(p);
	co_strbuf_release(&text);
	co_store_athlete_release(&a);
	return rc;
}
