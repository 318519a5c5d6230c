/*
 * What commands share beyond argument parsing: the store, opened once per
 * run, and the athlete's profile, from a file (then stored) or from the
 * store (DESIGN.md "The current athlete").
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/store.h"
#include "cli/cli.h"
#include "util/strbuf.h"

co_date co_cli_today(void)
{
	const char *env = getenv("CARRYOVER_TODAY");
	co_date d;

	if (env && *env && co_date_parse(&d, env) == CO_OK)
		return d;
	return co_date_today();
}

int co_cli_store(co_store **out, co_cli *cli)
{
	int err;

	if (!cli->store && (err = co_store_open(&cli->store, cli->db)) < 0)
		return co_cli_fail(err);
	*out = cli->store;
	return CO_EXIT_OK;
}

/* Profiles larger than this are not profiles (the parser says so too). */
#define PROFILE_MAX_BYTES (16u << 20)

int co_cli_profile_read(co_profile **out, co_cli *cli, const char *path)
{
	co_strbuf text = CO_STRBUF_INIT;
	co_store_athlete stored = {0};
	co_profile *p = NULL;
	co_store *store = NULL;
	int err, rc = CO_EXIT_OK;

	*out = NULL;
	if (path) {
		char abs[PATH_MAX];

		/* Bad input named on the command line is exit 2, unreadable or not. */
		if ((err = co_strbuf_read_file(&text, path, PROFILE_MAX_BYTES)) < 0 ||
		    (err = co_profile_parse(&p, text.buf, text.len, path, co_cli_today())) < 0) {
			co_cli_fail(err);
			rc = CO_EXIT_USAGE;
			goto done;
		}
		co_profile_resolve_paths(p, path);
		/* Keep the absolute path, so the stored profile's runs file
		 * resolves from any working directory later. */
		if (!realpath(path, abs))
			snprintf(abs, sizeof(abs), "%s", path);
		free(cli->pending_text);
		free(cli->pending_path);
		cli->pending_text = co_strbuf_detach(&text);
		cli->pending_path = co_xstrdup(abs);
	} else {
		if ((rc = co_cli_store(&store, cli)) != CO_EXIT_OK)
			goto done;
		if ((err = co_store_athlete_get(&stored, store, cli->athlete)) < 0) {
			if (err == CO_ENOTFOUND && !cli->athlete)
				co_error_set(CO_ENOTFOUND, "no profile yet: give a profile file "
					     "(e.g. 'carryover plan profile.ini'); see 'carryover init'");
			rc = co_cli_fail(err);
			goto done;
		}
		if (!stored.profile_text) {
			co_error_set(CO_ENOTFOUND, "athlete '%s' has no profile: give a profile file",
				     stored.name);
			rc = co_cli_fail(CO_ENOTFOUND);
			goto done;
		}
		err = co_profile_parse(&p, stored.profile_text, strlen(stored.profile_text),
				       stored.source_path ? stored.source_path : stored.name,
				       co_cli_today());
		if (err < 0) {
			rc = co_cli_fail(err);
			goto done;
		}
		co_profile_resolve_paths(p, stored.source_path);
		cli->athlete_id = stored.id;
	}
	*out = p;
	p = NULL;
done:
	co_profile_free(p);
	co_store_athlete_release(&stored);
	co_strbuf_release(&text);
	return rc;
}

int co_cli_profile_keep(int64_t *out_athlete_id, co_cli *cli, const co_profile *p)
{
	co_store *store = NULL;
	int err, rc;

	if ((rc = co_cli_store(&store, cli)) != CO_EXIT_OK)
		return rc;
	if (cli->pending_text) {
		err = co_store_athlete_put(&cli->athlete_id, store, p->name, cli->pending_text,
					   cli->pending_path);
		if (err < 0)
			return co_cli_fail(err);
		free(cli->pending_text);
		free(cli->pending_path);
		cli->pending_text = cli->pending_path = NULL;
	}
	if (out_athlete_id)
		*out_athlete_id = cli->athlete_id;
	return CO_EXIT_OK;
}

int co_cli_profile(co_profile **out, int64_t *out_athlete_id, co_cli *cli, const char *path)
{
	int rc = co_cli_profile_read(out, cli, path);

	if (rc == CO_EXIT_OK && (rc = co_cli_profile_keep(out_athlete_id, cli, *out)) != CO_EXIT_OK) {
		co_profile_free(*out);
		*out = NULL;
	}
	return rc;
}

void co_cli_release(co_cli *cli)
{
	co_store_free(cli->store);
	free(cli->pending_text);
	free(cli->pending_path);
	memset(cli, 0, sizeof(*cli));
}
