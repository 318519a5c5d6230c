/*
 * The use cases of carryover/app.h that concern an athlete: the session
 * itself, "today", the athlete it acts for, reading and keeping a profile,
 * and the plan built from it.
 *
 * A profile given to a command is checked before anything is written, and
 * becomes the athlete's stored profile only when the command succeeded with
 * it (a plan also needs its runs file, and a profile whose plan cannot be
 * built must not replace a good one). So reading leaves it pending in the
 * session, and co_app_profile_keep() stores it. The stored profile keeps
 * the absolute path it came from, so its relative runs file resolves from
 * any working directory later.
 *
 * Every input the user named (the profile, its runs file) that fails is
 * CO_EINPUT, unreadable or wrong: for the user both are bad input (exit 2),
 * while the message still says which.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_impl.h"
#include "carryover/calendar_io.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "util/strbuf.h"

static char *dup_or_null(const char *s)
{
	return s ? co_xstrdup(s) : NULL;
}

int co_app_new(co_app **out, const co_app_options *opts)
{
	static const co_app_options defaults = CO_APP_OPTIONS_INIT;
	co_app *app;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != CO_APP_OPTIONS_VERSION)
		return co_error_set(CO_EINPUT, "co_app_options: unknown version %u", opts->version);
	app = co_xcalloc(1, sizeof(*app));
	app->db = dup_or_null(opts->db);
	app->athlete = dup_or_null(opts->athlete);
	app->today = opts->today;
	*out = app;
	return CO_OK;
}

void co_app_free(co_app *app)
{
	if (!app)
		return;
	co_store_free(app->store); /* rolls back what a failed command left open */
	free(app->db);
	free(app->athlete);
	free(app->pending_text);
	free(app->pending_path);
	free(app->notice);
	free(app);
}

co_date co_app_today(const co_app *app)
{
	const char *env = getenv("CARRYOVER_TODAY");
	co_date d;

	if (app && app->today)
		return app->today;
	if (env && *env && co_date_parse(&d, env) == CO_OK)
		return d;
	return co_date_today();
}

int co_app_athlete(co_store_athlete *out, co_app *app)
{
	co_store *store;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = co_app_store(&store, app)) < 0)
		return rc;
	return co_store_athlete_get(out, store, app->athlete);
}

/* The last error again as CO_EINPUT (same message): input the user named. */
static int as_input(int rc)
{
	char msg[1024];

	if (rc == CO_ENOMEM || rc == CO_EINPUT)
		return rc;
	snprintf(msg, sizeof(msg), "%s", co_error_last());
	return co_error_set(CO_EINPUT, "%s", msg);
}

/*
 * Where a given profile "lives": the absolute path of its file, or for text
 * that is not a file, a name in the working directory, so that a relative
 * runs file resolves there now and later. Caller frees.
 */
static char *profile_home(const co_app_profile_src *src)
{
	char abs[PATH_MAX];
	co_strbuf sb = CO_STRBUF_INIT;

	if (src->path && realpath(src->path, abs))
		return co_xstrdup(abs);
	if (src->path)
		return co_xstrdup(src->path);
	if (!getcwd(abs, sizeof(abs)))
		return NULL;
	co_strbuf_addf(&sb, "%s/%s", strcmp(abs, "/") ? abs : "", "-");
	return co_strbuf_detach(&sb);
}

/* Read and check a given profile; with `pending`, the session keeps its text to store. */
static int read_given(co_profile **out, co_app *app, const co_app_profile_src *src, bool pending)
{
	co_strbuf text = CO_STRBUF_INIT;
	const char *name = src->name ? src->name : src->path ? src->path : "-";
	co_profile *p = NULL;
	char *home = NULL;
	int rc;

	if (src->text) {
		co_strbuf_add(&text, src->text, src->len);
	} else if (!src->path) {
		rc = co_error_set(CO_EINPUT, "no profile given");
		goto done;
	} else if ((rc = co_strbuf_read_file(&text, src->path, CO_APP_PROFILE_MAX_BYTES)) < 0) {
		rc = as_input(rc);
		goto done;
	}
	if ((rc = co_profile_parse(&p, text.buf, text.len, name, co_app_today(app))) < 0) {
		rc = as_input(rc);
		goto done;
	}
	home = profile_home(src);
	co_profile_resolve_paths(p, home);
	if (pending) {
		free(app->pending_text);
		free(app->pending_path);
		app->pending_text = co_strbuf_detach(&text);
		app->pending_path = home;
		home = NULL;
	}
	*out = p;
	p = NULL;
	rc = CO_OK;
done:
	free(home);
	co_profile_free(p);
	co_strbuf_release(&text);
	return rc;
}

/* The stored profile of the session's athlete. */
static int read_stored(co_profile **out, co_app *app)
{
	co_store_athlete stored = {0};
	co_profile *p = NULL;
	int rc;

	/* re-read from its file when that has changed (app_athletes.c) */
	if ((rc = co_app_profile_stored(&stored, app)) < 0)
		goto done;
	if (!stored.profile_text) {
		rc = co_error_set(CO_ENOTFOUND, "athlete '%s' has no profile: give a profile file",
				  stored.name);
		goto done;
	}
	rc = co_profile_parse(&p, stored.profile_text, strlen(stored.profile_text),
			      stored.source_path ? stored.source_path : stored.name,
			      co_app_today(app));
	if (rc < 0)
		goto done;
	co_profile_resolve_paths(p, stored.source_path);
	app->athlete_id = stored.id;
	*out = p;
	p = NULL;
done:
	co_profile_free(p);
	co_store_athlete_release(&stored);
	return rc;
}

/*
 * The one validation of a profile: it is valid when it can be planned, its
 * runs file included (a profile that parses but names a runs file with a
 * bad row would pass 'profile check', be stored by 'import --profile', and
 * then fail every 'plan'). Shared by co_app_profile_check(),
 * co_app_profile_read() (import --profile) and co_app_plan().
 */
static int plan_profile(co_plan **out, const co_profile *p, co_app *history_of,
			co_history *history_out, co_strbuf *inputs)
{
	co_calendar cal;
	co_history hist;
	int rc;

	*out = NULL;
	co_calendar_init(&cal);
	co_history_init(&hist);
	/*
	 * The running calendar: the runs file the profile names, over its
	 * template. Recurrences are expanded only over the plan's dates (the
	 * longest season is 104 weeks from the start, src/lib/periodize.h).
	 */
	if (p->runs_file && access(p->runs_file, R_OK) != 0) {
		char line[16] = "";

		if (p->runs_line > 0)
			snprintf(line, sizeof(line), ":%d", p->runs_line);
		rc = co_error_set(CO_EINPUT, "%s%s: runs: cannot read '%s': %s",
				  p->source ? p->source : "profile", line, p->runs_file,
				  strerror(errno));
		goto done;
	}
	if (p->runs_file &&
	    (rc = co_calendar_read_file_within(&cal, p->runs_file, p->start,
					       p->start + 105 * 7)) < 0) {
		rc = as_input(rc);
		goto done;
	}
	/*
	 * History (logged sets, sessions, niggles, tests, runs) is the planner's
	 * third input, from the store of `history_of`. Checking that a profile
	 * can be planned (history_of NULL) needs none: history never makes a
	 * profile invalid.
	 */
	if (history_of && (rc = co_app_history_load(&hist, history_of, p)) < 0)
		goto done;
	if (inputs) /* E4: what a plan version is kept for (app_plans.c) */
		co_app_plan_inputs(inputs, &cal, &hist);
	co_plan_input in = {.profile = p, .calendar = &cal, .history = &hist};
	co_plan_options po = CO_PLAN_OPTIONS_INIT;

	/* today, for the status of each session (actual.h); the planner reads no clock */
	po.today = history_of ? co_app_today(history_of) : 0;
	rc = co_plan_build(out, &in, &po);
	if (rc >= 0 && history_out) { /* handed over: `status` reads it too */
		*history_out = hist;
		co_history_init(&hist);
	}
done:
	co_history_release(&hist);
	co_calendar_release(&cal);
	return rc;
}

/* Forget a pending profile that turned out not to be valid. */
static void drop_pending(co_app *app)
{
	free(app->pending_text);
	free(app->pending_path);
	app->pending_text = app->pending_path = NULL;
}

int co_app_profile_read(co_profile **out, co_app *app, const co_app_profile_src *src)
{
	co_plan *plan = NULL;
	int rc;

	*out = NULL;
	if (!src)
		return read_stored(out, app);
	if ((rc = read_given(out, app, src, true)) < 0)
		return rc;
	if ((rc = plan_profile(&plan, *out, NULL, NULL, NULL)) < 0) {
		drop_pending(app);
		co_profile_free(*out);
		*out = NULL;
		return rc;
	}
	co_plan_free(plan);
	return CO_OK;
}

int co_app_profile_check(co_profile **out, co_plan **out_plan, co_app *app,
			 const co_app_profile_src *src)
{
	co_profile *p = NULL;
	co_plan *plan = NULL;
	int rc;

	*out = NULL;
	if (out_plan)
		*out_plan = NULL;
	if ((rc = read_given(&p, app, src, false)) < 0)
		return rc;
	if ((rc = plan_profile(&plan, p, NULL, NULL, NULL)) < 0) {
		co_profile_free(p);
		return rc;
	}
	if (out_plan)
		*out_plan = plan;
	else
		co_plan_free(plan);
	*out = p;
	return CO_OK;
}

int co_app_profile_keep(int64_t *out_athlete_id, co_app *app, const co_profile *p)
{
	co_store *store;
	int rc;

	if (out_athlete_id)
		*out_athlete_id = 0;
	if ((rc = co_app_store(&store, app)) < 0)
		return rc;
	if (app->pending_text) {
		if ((rc = co_app_begin(app)) < 0)
			return rc;
		rc = co_store_athlete_put(&app->athlete_id, store, p->name, app->pending_text,
					  app->pending_path);
		if (rc < 0) {
			co_app_rollback(app);
			return rc;
		}
		if ((rc = co_app_commit(app)) < 0)
			return rc;
		free(app->pending_text);
		free(app->pending_path);
		app->pending_text = app->pending_path = NULL;
	}
	if (out_athlete_id)
		*out_athlete_id = app->athlete_id;
	return CO_OK;
}

int co_app_plan(co_plan **out, co_profile **out_profile, co_app *app,
		const co_app_plan_options *opts)
{
	static const co_app_plan_options defaults = CO_APP_PLAN_OPTIONS_INIT;
	co_profile *p = NULL;
	co_strbuf inputs = CO_STRBUF_INIT;
	int rc;

	*out = NULL;
	if (out_profile)
		*out_profile = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != CO_APP_PLAN_OPTIONS_VERSION)
		return co_error_set(CO_EINPUT, "co_app_plan_options: unknown version %u",
				    opts->version);
	if (opts->profile)
		rc = read_given(&p, app, opts->profile, opts->keep);
	else
		rc = read_stored(&p, app);
	if (rc < 0)
		goto done;
	if ((rc = plan_profile(out, p, app, opts->history_out, &inputs)) < 0) {
		if (opts->profile && opts->keep)
			drop_pending(app);
		goto done;
	}
	/* Only a profile that could be planned becomes the stored one. */
	if (opts->profile && opts->keep && (rc = co_app_profile_keep(NULL, app, p)) < 0) {
		co_plan_free(*out);
		*out = NULL;
		goto done;
	}
	/* E4: the current athlete's plan is kept as a version when its inputs changed */
	if ((!opts->profile || opts->keep) &&
	    (rc = co_app_plan_version_keep(app, *out, inputs.buf, inputs.len, NULL)) < 0) {
		co_plan_free(*out);
		*out = NULL;
		goto done;
	}
	if (out_profile) {
		*out_profile = p;
		p = NULL;
	}
done:
	co_strbuf_release(&inputs);
	co_profile_free(p);
	return rc;
}
