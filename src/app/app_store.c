/*
 * Where data lives, and the one store of a session (include/carryover/app.h).
 *
 * The default location is a policy of the application, not of a backend:
 * DESIGN.md "Where data lives" ($CARRYOVER_DB, else $XDG_DATA_HOME, else
 * ~/.local/share). It is resolved here, its private parent directories are
 * created here, and the store is then opened on an explicit location, so a
 * backend only ever sees a path or a URL. An explicit --db path is taken as
 * it is: its directory is not created, so a typo is an error rather than a
 * new, empty store.
 *
 * The transaction helpers are thin: they exist so that the rule "one
 * transaction per command" has one home, and co_app_free() rolls back what
 * a failed command left open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "carryover/error.h"
#include "util/outfile.h"
#include "util/strbuf.h"

static const char default_tail[] = "/carryover/carryover.db";

/* dir + tail, without doubling a trailing slash of dir. Caller frees. */
static char *join(const char *dir, const char *tail)
{
	co_strbuf sb = CO_STRBUF_INIT;
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	co_strbuf_add(&sb, dir, n);
	co_strbuf_adds(&sb, tail);
	return co_strbuf_detach(&sb);
}

int co_app_default_location(char **out)
{
	const char *env;

	*out = NULL;
	env = getenv("CARRYOVER_DB");
	if (env && *env) {
		*out = co_xstrdup(env);
		return CO_OK;
	}
	/* The XDG spec says a relative $XDG_DATA_HOME is invalid: ignore it. */
	env = getenv("XDG_DATA_HOME");
	if (env && env[0] == '/') {
		*out = join(env, default_tail);
		return CO_OK;
	}
	env = getenv("HOME");
	if (env && *env) {
		char *share = join(env, "/.local/share");

		*out = join(share, default_tail);
		free(share);
		return CO_OK;
	}
	return co_error_set(CO_ESTORE,
			    "no place for the store: set CARRYOVER_DB, XDG_DATA_HOME or HOME");
}

/* mkdir -p of the directory part of `path`, new directories private. */
static int make_parents(const char *path)
{
	char *dir = co_xstrdup(path), *slash = strrchr(dir, '/'), *failed = NULL;
	int err, rc = CO_OK;

	if (slash && slash != dir) {
		*slash = '\0';
		if ((err = co_mkdirs(dir, 0700, &failed)) != 0)
			rc = co_error_set(CO_ESTORE, "store '%s': cannot create directory '%s': %s",
					  path, failed, strerror(err));
	}
	free(failed);
	free(dir);
	return rc;
}

int co_app_store(co_store **out, co_app *app)
{
	char *def = NULL;
	const char *location = app->db;
	int rc = CO_OK;

	*out = NULL;
	if (app->store)
		goto done;
	if (!location) {
		if ((rc = co_app_default_location(&def)) < 0)
			goto done;
		location = def;
		/* a URL has no directory to create */
		if (!strstr(location, "://") && (rc = make_parents(location)) < 0)
			goto done;
	}
	rc = co_store_open(&app->store, location);
done:
	free(def);
	if (rc == CO_OK)
		*out = app->store;
	return rc;
}

int co_app_begin(co_app *app)
{
	co_store *store;
	int rc = co_app_store(&store, app);

	return rc < 0 ? rc : co_store_begin(store);
}

int co_app_commit(co_app *app)
{
	if (!app->store)
		return co_error_set(CO_ERROR, "commit without a transaction");
	return co_store_commit(app->store);
}

int co_app_rollback(co_app *app)
{
	char why[1024];
	int code = co_error_last_code(), rc;

	snprintf(why, sizeof(why), "%s", co_error_last());
	rc = app->store ? co_store_rollback(app->store) : CO_OK;
	if (code)
		co_error_set(code, "%s", why); /* the reason, not the rollback's words */
	return rc;
}
