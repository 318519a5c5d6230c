/*
 * The training log's use cases: `carryover log ...` (sets, a session as a
 * whole, done/skip of a planned session, runs, the RPE of an imported run,
 * niggles, baseline tests, delete, edit) and the history that lists them.
 *
 * The words of a log command are read here, not in the CLI, so a server's
 * quick-log box takes the same grammar (docs/cli/log.md is its contract).
 * Names are forgiving (catalogue aliases, did-you-mean), values are strict:
 * every number is checked against a sane bound BEFORE anything is written,
 * and the whole command is one transaction (co_app_begin/commit), so a
 * refused value or a store failure leaves the log exactly as it was.
 *
 * Loads are stored as typed, with their unit: `@60kg`, `@130lb`, or a bare
 * `@60` in the profile's units. Sets of a day go into that day's logged
 * session (created on the first set), which carries the uid of the planned
 * session of that day when the plan has one.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_impl.h"
#include "app/app_log_int.h"
#include "carryover/catalog.h"
#include "carryover/error.h"
#include "carryover/history.h"
#include "carryover/json.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

/* --- bounds: what a human can have done ------------------------------------- */

#define MAX_SETS 20
#define MAX_REPS 100
#define MAX_HOLD_S 3600
#define MAX_LOAD_KG 500.0
#define MAX_SESSION_MIN 300
#define MAX_RUN_MIN 1440
#define MAX_RUN_KM 400.0
#define MIN_PACE_S_KM 150 /* 2:30 per km: faster than any road record */
#define MAX_BOX_CM 100
#define MAX_CALF_REPS 200
#define MIN_THRESHOLD_S_KM 150
#define MAX_THRESHOLD_S_KM 900
#define FIRST_YEAR 1950

/* --- the context of one command ------------------------------------------------ */

typedef struct ctx {
	co_app *app;
	co_store *store;
	int64_t athlete_id;
	co_date today;
	co_date date;          /* the entry's day */
	co_units units;        /* the profile's */
	co_plan *plan;         /* built on demand; NULL when it cannot be */
	bool plan_tried;
	co_app_log_result *out;
} ctx;

/* Refuse a value: CO_EINPUT with a one-line message. */
#define bad(...) co_error_set(CO_EINPUT, __VA_ARGS__)

static int check_date(const ctx *c, co_date d, const char *text)
{
	int y;

	co_date_to_ymd(d, &y, NULL, NULL);
	if (d > c->today)
		return bad("date '%s' is in the future (expected today, %s, or earlier)", text,
			   co_date_format(c->today, (char[11]){0}));
	if (y < FIRST_YEAR)
		return bad("date '%s' is too far back (expected %s or later)", text, "1950-01-01");
	return CO_OK;
}

static int parse_date(const ctx *c, co_date *out, const char *text)
{
	if (co_date_parse(out, text) < 0)
		return bad("'%s' is not a date (expected YYYY-MM-DD)", text);
	return check_date(c, *out, text);
}

static bool looks_like_date(const char *s)
{
	return strlen(s) == 10 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-';
}

static const co_session *planned_on(ctx *c, co_date d)
{
	size_t n = 0;
	const co_session *s;

	if (!c->plan_tried) {
		c->plan_tried = true;
		if (co_app_plan(&c->plan, NULL, c->app, NULL) < 0)
			c->plan = NULL; /* no plan (no runs yet, ...): log without a link */
		co_error_clear();
	}
	if (!c->plan)
		return NULL;
	s = co_plan_sessions_on(c->plan, d, &n);
	return n ? s : NULL;
}

/* Keep a copy of what was written, for the caller to show. */
static int record(ctx *c, co_log_kind kind, int64_t id)
{
	co_log_entry e;
	int rc = co_store_log_get(&e, c->store, kind, id);

	if (rc == CO_OK)
		*CO_VEC_PUSH(c->out->entries, c->out->n, c->out->cap) = e;
	return rc;
}

static int insert(ctx *c, int64_t *out_id, const co_log_entry *e)
{
	int64_t id = 0;
	int rc = co_store_log_insert(&id, c->store, e);

	if (rc == CO_OK && out_id)
		*out_id = id;
	if (rc == CO_OK)
		rc = record(c, e->kind, id);
	return rc;
}

/* The hand-logged session of c->date, created (linked to the plan) when new. */
static int day_session(ctx *c, int64_t *out, bool *created)
{
	co_log_entry s = CO_LOG_ENTRY_INIT;
	const co_session *planned;
	int rc;

	*created = false;
	if ((rc = co_store_log_session_find(out, c->store, c->athlete_id, c->date, NULL)) < 0 ||
	    *out)
		return rc;
	planned = planned_on(c, c->date);
	s.kind = CO_LOG_SESSION;
	s.athlete_id = c->athlete_id;
	s.date = c->date;
	s.planned_uid = planned ? co_log_str(planned->uid) : NULL;
	*created = true;
	return insert(c, out, &s);
}

/* --- sets ---------------------------------------------------------------------------- */

/* The next set number of `exercise` in session `sid`. */
static int next_set_no(ctx *c, int *out, int64_t sid, const char *exercise)
{
	co_log_query q = {c->athlete_id, c->date, c->date};
	co_log_entry *list = NULL;
	size_t n = 0;
	int rc = co_store_log_list(&list, &n, c->store, &q);

	*out = 1;
	for (size_t i = 0; rc == CO_OK && i < n; i++)
		if (list[i].kind == CO_LOG_SET && list[i].session_id == sid &&
		    !strcmp(list[i].exercise, exercise) && list[i].set_no >= *out)
			*out = list[i].set_no + 1;
	co_log_list_free(list, n);
	return rc;
}

/*
 * A load on an exercise done without one (bodyweight, band) is a name that
 * resolved to the wrong lift ("squat" is the bodyweight squat), not a
 * heavier bodyweight squat: refused, with the loaded neighbour to name.
 */
static int check_loadable(const co_exercise *ex, const char *typed, double load)
{
	const co_exercise *up = ex;

	if (load <= 0 || co_exercise_loadable(ex))
		return CO_OK;
	/* the first loadable lift up its progression chain (bounded: a chain is acyclic) */
	for (int k = 0; k < 8 && up && !co_exercise_loadable(up); k++)
		up = up->progression ? co_catalog_find(co_catalog_default(), up->progression) : NULL;
	return bad("'%s' is %s, done without a load, so '@%g' cannot be its load (log it "
		   "without '@', or name the loaded lift%s%s%s)",
		   typed, ex->name, load, up ? ", e.g. '" : "", up ? up->id : "", up ? "'" : "");
}

static int find_exercise(const co_exercise **out, const char *typed)
{
	const co_catalog *cat = co_catalog_default();
	const char *best;

	*out = co_catalog_find(cat, typed);
	if (*out)
		return CO_OK;
	best = co_catalog_suggest(cat, typed);
	if (best)
		return co_error_set(CO_EINPUT,
				    "unknown exercise '%s' (did you mean '%s'? 'carryover exercises' lists them)",
				    typed, best);
	return co_error_set(CO_EINPUT, "unknown exercise '%s' ('carryover exercises' lists them)",
			    typed);
}

static int check_rpe(double v, const char *text)
{
	if (!(v >= 1 && v <= 10) || !co_app_log_is_int(v * 2))
		return bad("RPE '%s' is out of range (expected 1 to 10, in steps of 0.5)", text);
	return CO_OK;
}

/* "rpe 7" or "rpe 7,7.5,8": n values, one for all or one per set. */
static int parse_rpe_list(double *rpe, size_t nsets, const char *text)
{
	double v[MAX_SETS + 1];
	size_t n = 0;
	const char *p = text;
	int rc;

	while (*p) {
		size_t len = strcspn(p, ",");
		char one[32];

		if (n > MAX_SETS || len >= sizeof(one))
			return bad("too many RPE values in '%s'", text);
		memcpy(one, p, len);
		one[len] = '\0';
		if (!co_app_log_num(&v[n], one))
			return bad("RPE '%s' is not a number (expected 1 to 10, e.g. 'rpe 7.5')", one);
		if ((rc = check_rpe(v[n], one)) < 0)
			return rc;
		n++;
		p += len;
		if (*p == ',')
			p++;
	}
	if (n == 1) {
		for (size_t i = 0; i < nsets; i++)
			rpe[i] = v[0];
		return CO_OK;
	}
	if (n != nsets) {
		char want[64];

		snprintf(want, sizeof(want), "1 or %zu values", nsets);
		return bad("'rpe %s' does not match the sets (expected %s)", text, want);
	}
	memcpy(rpe, v, n * sizeof(double));
	return CO_OK;
}

/* One rep count or hold: "8" or "40s". */
static int parse_dose(int *reps, double *secs, const char *text)
{
	double v;

	if (co_app_log_num_suffix(&v, text, "s")) {
		if (!co_app_log_is_int(v) || v < 1 || v > MAX_HOLD_S)
			return bad("hold '%s' is out of range (expected 1s to 3600s)", text);
		*secs = v;
		*reps = -1;
		return CO_OK;
	}
	if (!co_app_log_num(&v, text))
		return bad("'%s' is not a set (expected e.g. '3x8@60', '8,8,7@60', '3x40s')", text);
	if (!co_app_log_is_int(v) || v < 1 || v > MAX_REPS)
		return bad("reps '%s' out of range (expected 1 to 100)", text);
	*reps = (int)v;
	*secs = -1;
	return CO_OK;
}

int co_app_log_check_load(double load, const char *unit, const char *text)
{
	if (load <= 0 || co_load_kg(load, unit) > MAX_LOAD_KG)
		return bad("load '%s' is out of range (expected more than 0 and at most 500 kg / 1100 lb)",
			   text);
	return CO_OK;
}

static int log_sets(ctx *c, const char *const *w, size_t n)
{
	co_log_entry set = CO_LOG_ENTRY_INIT;
	const co_exercise *ex = NULL;
	int reps[MAX_SETS];
	double secs[MAX_SETS], rpe[MAX_SETS], load = -1;
	char unit[3] = "", spec[128], name[128] = "";
	size_t nsets = 0, i = 0;
	const char *note = NULL;
	co_strbuf notes = CO_STRBUF_INIT;
	int64_t sid = 0;
	bool created;
	int first_no = 1, rc;

	/* The name: every word before the first one starting with a digit. */
	for (; i < n && !isdigit((unsigned char)w[i][0]); i++) {
		if (strlen(name) + strlen(w[i]) + 2 > sizeof(name))
			return bad("exercise name '%s' is too long", w[i]);
		if (*name)
			strcat(name, " ");
		strcat(name, w[i]);
	}
	if (!co_catalog_find(co_catalog_default(), name)) {
		/* "sesion 45min": a mistyped form of the command, not an exercise */
		static const char *const verbs[] = {"session", "done", "skip", "run", "run-rpe",
						    "niggle", "test", "edit", "delete", NULL};
		const char *verb = i == 1 ? co_suggest_from(name, verbs) : NULL;

		if (verb)
			return bad("unknown exercise '%s' (did you mean 'carryover log %s'?)", name,
				   verb);
	}
	if ((rc = find_exercise(&ex, name)) < 0)
		return rc;
	if (i >= n)
		return bad("'%s': no sets given (expected e.g. 'carryover log %s 3x8@60')", name, w[0]);
	if (strlen(w[i]) >= sizeof(spec))
		return bad("'%s' is not a set (expected e.g. '3x8@60')", w[i]);
	strcpy(spec, w[i++]);

	/* load */
	char *at = strchr(spec, '@');

	if (at) {
		*at++ = '\0';
		if (!strcmp(at, "bw")) {
			load = -1;
		} else if (!co_app_log_parse_load(&load, unit, at)) {
			return bad("load '%s' is not a number (expected e.g. '@60', '@60kg', '@130lb')",
				   at);
		} else {
			if (!*unit)
				strcpy(unit, co_units_name(c->units));
			if ((rc = co_app_log_check_load(load, unit, at)) < 0)
				return rc;
			if ((rc = check_loadable(ex, name, load)) < 0)
				return rc;
		}
	}
	/* NxM or a,b,c or M */
	char *x = strchr(spec, 'x');

	if (x) {
		double k;

		*x = '\0';
		if (!co_app_log_num(&k, spec) || !co_app_log_is_int(k) || k < 1 || k > MAX_SETS)
			return bad("sets '%s' out of range (expected 1 to 20)", spec);
		if ((rc = parse_dose(&reps[0], &secs[0], x + 1)) < 0)
			return rc;
		nsets = (size_t)k;
		for (size_t j = 1; j < nsets; j++) {
			reps[j] = reps[0];
			secs[j] = secs[0];
		}
	} else {
		for (char *p = spec; *p;) {
			size_t len = strcspn(p, ",");
			char one[32];

			if (nsets >= MAX_SETS)
				return bad("too many sets in '%s' (expected at most 20)", w[i - 1]);
			if (len >= sizeof(one))
				return bad("'%s' is not a set", p);
			memcpy(one, p, len);
			one[len] = '\0';
			if ((rc = parse_dose(&reps[nsets], &secs[nsets], one)) < 0)
				return rc;
			nsets++;
			p += len;
			if (*p == ',')
				p++;
		}
		if (!nsets)
			return bad("'%s' is not a set (expected e.g. '3x8@60')", w[i - 1]);
	}
	for (size_t j = 0; j < nsets; j++)
		rpe[j] = -1;
	/* rpe LIST, note TEXT... */
	while (i < n) {
		if (!strcmp(w[i], "rpe") && i + 1 < n) {
			if ((rc = parse_rpe_list(rpe, nsets, w[i + 1])) < 0)
				return rc;
			i += 2;
		} else if (!strcmp(w[i], "note") && i + 1 < n) {
			for (i++; i < n; i++)
				co_strbuf_addf(&notes, "%s%s", notes.len ? " " : "", w[i]);
			note = notes.buf;
		} else {
			co_strbuf_release(&notes);
			return bad("unexpected '%s' after the sets (expected 'rpe N[,N...]' or 'note TEXT')",
				   w[i]);
		}
	}
	/* Everything is checked: write. */
	if ((rc = day_session(c, &sid, &created)) < 0 ||
	    (!created && (rc = next_set_no(c, &first_no, sid, ex->id)) < 0))
		goto done;
	set.kind = CO_LOG_SET;
	set.athlete_id = c->athlete_id;
	set.date = c->date;
	set.session_id = sid;
	set.exercise = co_log_str(ex->id);
	set.load = load;
	memcpy(set.load_unit, unit, sizeof(unit));
	for (size_t j = 0; j < nsets && rc == CO_OK; j++) {
		set.set_no = first_no + (int)j;
		set.reps = reps[j];
		set.seconds = secs[j];
		set.rpe = rpe[j];
		set.notes = j == 0 ? co_log_str(note) : NULL;
		rc = insert(c, NULL, &set);
	}
done:
	co_strbuf_release(&notes);
	return rc;
}

/* --- a session as a whole, done, skip ----------------------------------------------- */

static int join_words(char **out, const char *const *w, size_t n)
{
	co_strbuf sb = CO_STRBUF_INIT;

	for (size_t i = 0; i < n; i++)
		co_strbuf_addf(&sb, "%s%s", i ? " " : "", w[i]);
	*out = n ? co_strbuf_detach(&sb) : NULL;
	co_strbuf_release(&sb);
	return CO_OK;
}

static int log_session(ctx *c, const char *const *w, size_t n)
{
	co_log_entry s;
	double minutes = -1, rpe = -1;
	char *note = NULL;
	int64_t sid = 0;
	bool created;
	int rc = CO_OK;

	for (size_t i = 0; i < n; i++) {
		if (!strcmp(w[i], "rpe") && i + 1 < n) {
			if (!co_app_log_num(&rpe, w[i + 1]))
				return bad("RPE '%s' is not a number (expected 1 to 10)", w[i + 1]);
			if ((rc = check_rpe(rpe, w[i + 1])) < 0)
				return rc;
			i++;
		} else if (!strcmp(w[i], "note") && i + 1 < n) {
			free(note);
			join_words(&note, w + i + 1, n - i - 1);
			break;
		} else if (co_app_log_parse_minutes(&minutes, w[i])) {
			if (minutes < 1 || minutes > MAX_SESSION_MIN) {
				free(note);
				return bad("duration '%s' out of range (expected 1min to 300min)", w[i]);
			}
		} else {
			free(note);
			return bad("unexpected '%s' (expected 'log session 45min rpe 6 [note TEXT]')", w[i]);
		}
	}
	if (minutes < 0 && rpe < 0 && !note)
		return bad("'log session' needs a duration, an RPE or a note (expected e.g. "
			   "'log session 45min rpe 6')");
	if ((rc = day_session(c, &sid, &created)) < 0 ||
	    (rc = co_store_log_get(&s, c->store, CO_LOG_SESSION, sid)) < 0)
		goto done;
	if (minutes > 0)
		s.minutes = minutes;
	if (rpe >= 0)
		s.rpe = rpe;
	if (note) {
		free(s.notes);
		s.notes = co_xstrdup(note);
	}
	rc = co_store_log_update(c->store, &s);
	co_log_entry_release(&s);
	if (rc == CO_OK) {
		/* show the session as it is now, once */
		if (created) {
			co_log_entry_release(&c->out->entries[--c->out->n]);
		}
		rc = record(c, CO_LOG_SESSION, sid);
	}
done:
	free(note);
	return rc;
}

static int log_done_or_skip(ctx *c, const char *const *w, size_t n, bool done_)
{
	co_log_entry s = CO_LOG_ENTRY_INIT, set = CO_LOG_ENTRY_INIT;
	const co_session *planned;
	char day[11], *reason = NULL;
	int64_t sid = 0;
	size_t i = 0;
	int rc;

	if (i < n && looks_like_date(w[i])) {
		if ((rc = parse_date(c, &c->date, w[i])) < 0)
			return rc;
		i++;
	}
	if (done_ && i < n)
		return bad("unexpected '%s' (expected 'log done [DATE]')", w[i]);
	planned = planned_on(c, c->date);
	if (!planned)
		return co_error_set(CO_EINPUT, "no planned session on %s (see 'carryover week'; "
				    "log what you did with 'carryover log EXERCISE SETS')",
				    co_date_format(c->date, day));
	if ((rc = co_store_log_session_find(&sid, c->store, c->athlete_id, c->date, NULL)) < 0)
		return rc;
	if (sid) {
		char id[32];

		return co_error_set(CO_EINPUT, "%s already has a logged session (%s): "
				    "'carryover log delete %s' first, or log sets to it",
				    co_date_format(c->date, day),
				    co_log_id_format(CO_LOG_SESSION, sid, id, sizeof(id)), id);
	}
	join_words(&reason, w + i, n - i);
	s.kind = CO_LOG_SESSION;
	s.athlete_id = c->athlete_id;
	s.date = c->date;
	s.planned_uid = co_log_str(planned->uid);
	s.status = co_log_str(done_ ? "done" : "skipped");
	s.minutes = done_ ? planned->minutes : -1;
	s.notes = reason;
	if ((rc = insert(c, &sid, &s)) < 0 || !done_)
		goto done;
	/* Done as prescribed: each item's sets at the prescribed dose. */
	set.kind = CO_LOG_SET;
	set.athlete_id = c->athlete_id;
	set.date = c->date;
	set.session_id = sid;
	for (int b = 0; b < CO_BLOCK_COUNT && rc == CO_OK; b++)
		for (size_t k = 0; k < planned->blocks[b].n_items && rc == CO_OK; k++) {
			const co_item *it = &planned->blocks[b].items[k];
			int sets = it->sets > 0 ? it->sets : 1;

			if (!it->exercise || (it->reps <= 0 && it->seconds <= 0))
				continue;
			set.exercise = co_log_str(it->exercise->id);
			set.reps = it->reps > 0 ? it->reps : -1;
			set.seconds = it->reps > 0 ? -1 : it->seconds;
			set.load = it->load > 0 ? it->load : -1;
			snprintf(set.load_unit, sizeof(set.load_unit), "%s", co_units_name(c->units));
			set.rpe = it->rpe > 0 ? it->rpe : -1;
			for (int j = 0; j < sets && rc == CO_OK; j++) {
				int no = 1;

				if ((rc = next_set_no(c, &no, sid, set.exercise)) < 0)
					break;
				set.set_no = no;
				rc = insert(c, NULL, &set);
			}
		}
done:
	free(reason);
	return rc;
}

/* --- runs ------------------------------------------------------------------------------- */

static int check_pace(double minutes, double km, const char *text)
{
	if (minutes > 0 && km > 0 && minutes * 60 / km < MIN_PACE_S_KM)
		return bad("'%s': that pace is faster than 2:30 per km (a typo in the time or the "
			   "distance?)", text);
	return CO_OK;
}

static int log_run(ctx *c, const char *const *w, size_t n)
{
	co_log_entry r = CO_LOG_ENTRY_INIT;
	const char *names[CO_RUN_TYPE_COUNT + 1];
	char *note = NULL;
	int type, rc;

	if (n < 1)
		return bad("'log run' needs a type (expected e.g. 'log run tempo 50min 10.2km rpe 7')");
	if ((type = co_run_type_from_name(w[0])) < 0 || type == CO_RUN_REST) {
		const char *best;

		for (int t = 0; t < CO_RUN_TYPE_COUNT; t++)
			names[t] = co_run_type_name((co_run_type)t);
		names[CO_RUN_TYPE_COUNT] = NULL;
		best = co_suggest_from(w[0], names);
		if (best)
			return co_error_set(CO_EINPUT, "unknown run type '%s' (did you mean '%s'?)",
					    w[0], best);
		return bad("unknown run type '%s' (expected easy, long, tempo, threshold, intervals, "
			   "hills, fartlek, recovery, race or cross)", w[0]);
	}
	r.kind = CO_LOG_RUN;
	r.athlete_id = c->athlete_id;
	r.date = c->date;
	r.run_type = co_log_str(co_run_type_name((co_run_type)type));
	for (size_t i = 1; i < n; i++) {
		double v;

		if (!strcmp(w[i], "rpe") && i + 1 < n) {
			if (!co_app_log_num(&r.rpe, w[i + 1]))
				return bad("RPE '%s' is not a number (expected 1 to 10)", w[i + 1]);
			if ((rc = check_rpe(r.rpe, w[i + 1])) < 0)
				return rc;
			i++;
		} else if (!strcmp(w[i], "hr") && i + 1 < n) {
			if (!co_app_log_num(&v, w[i + 1]) || !co_app_log_is_int(v) || v < 30 || v > 230)
				return bad("heart rate '%s' out of range (expected 30 to 230)", w[i + 1]);
			r.avg_hr = (int)v;
			i++;
		} else if (!strcmp(w[i], "note") && i + 1 < n) {
			join_words(&note, w + i + 1, n - i - 1);
			break;
		} else if (co_app_log_parse_km(&v, w[i])) {
			if (v <= 0 || v > MAX_RUN_KM)
				return bad("distance '%s' out of range (expected more than 0 and at most 400km)",
					   w[i]);
			r.distance_km = v;
		} else if (co_app_log_parse_minutes(&v, w[i])) {
			if (v < 1 || v > MAX_RUN_MIN)
				return bad("duration '%s' out of range (expected 1min to 24h)", w[i]);
			r.minutes = v;
		} else {
			return bad("unexpected '%s' (expected 'log run TYPE 50min 10.2km rpe 7 [hr N] "
				   "[note TEXT]')", w[i]);
		}
	}
	if (r.minutes < 0 && r.distance_km < 0) {
		free(note);
		return bad("'log run %s' needs a duration or a distance (expected e.g. '50min 10.2km')",
			   w[0]);
	}
	if ((rc = check_pace(r.minutes, r.distance_km, w[0])) < 0) {
		free(note);
		return rc;
	}
	r.notes = note;
	rc = insert(c, NULL, &r);
	free(note);
	return rc;
}

/* The RPE of an imported run: by activity id or by date. */
static int log_run_rpe(ctx *c, const char *const *w, size_t n)
{
	co_store_activity_row *rows = NULL;
	co_store_activity_query q = CO_STORE_ACTIVITY_QUERY_INIT;
	co_log_entry r = CO_LOG_ENTRY_INIT, old;
	co_store_activity_row *act = NULL;
	size_t nrows = 0;
	double rpe, id;
	char type[24] = "", day[11];
	int rc;

	if (n != 2)
		return bad("expected 'log run-rpe ACTIVITY_ID|DATE RPE'");
	if (!co_app_log_num(&rpe, w[1]))
		return bad("RPE '%s' is not a number (expected 1 to 10)", w[1]);
	if ((rc = check_rpe(rpe, w[1])) < 0)
		return rc;
	q.athlete_id = c->athlete_id;
	if (looks_like_date(w[0])) {
		if ((rc = parse_date(c, &q.since, w[0])) < 0)
			return rc;
		q.until = q.since;
	} else if (!co_app_log_num(&id, w[0]) || !co_app_log_is_int(id) || id < 1) {
		return bad("'%s' is neither an activity id nor a date (see 'carryover activities --json')",
			   w[0]);
	}
	if ((rc = co_store_activity_list(&rows, &nrows, c->store, &q)) < 0)
		return rc;
	for (size_t i = 0; i < nrows; i++) {
		bool running = !strcmp(rows[i].sport, "running");

		if (looks_like_date(w[0]) ? !running : rows[i].id != (int64_t)id)
			continue;
		if (act) {
			rc = bad("%s has several runs: give the activity id (see 'carryover activities "
				 "--json')", w[0]);
			goto done;
		}
		act = &rows[i];
	}
	if (!act) {
		rc = co_error_set(CO_ENOTFOUND, "no imported run %s '%s' (see 'carryover activities')",
				  looks_like_date(w[0]) ? "on" : "with id", w[0]);
		goto done;
	}
	/* The logged run derived from the activity: updated when there is one. */
	co_log_query lq = {c->athlete_id, act->local_date, act->local_date};
	co_log_entry *list = NULL;
	size_t nl = 0;

	if ((rc = co_store_log_list(&list, &nl, c->store, &lq)) < 0)
		goto done;
	for (size_t i = 0; i < nl; i++)
		if (list[i].kind == CO_LOG_RUN && list[i].activity_id == act->id) {
			old = list[i];
			old.rpe = rpe;
			c->out->action = "changed";
			rc = co_store_log_update(c->store, &old);
			if (rc == CO_OK)
				rc = record(c, CO_LOG_RUN, old.id);
			co_log_list_free(list, nl);
			goto done;
		}
	co_log_list_free(list, nl);
	if (!co_json_string_member(type, sizeof(type), act->summary_json, "type") ||
	    co_run_type_from_name(type) <= 0)
		snprintf(type, sizeof(type), "easy");
	r.kind = CO_LOG_RUN;
	r.athlete_id = c->athlete_id;
	r.date = act->local_date;
	r.run_type = type;
	r.minutes = (act->moving_s > 0 ? act->moving_s : act->elapsed_s) / 60;
	r.distance_km = act->distance_m >= 0 ? act->distance_m / 1000 : -1;
	r.avg_hr = act->avg_hr;
	r.rpe = rpe;
	r.activity_id = act->id;
	rc = insert(c, NULL, &r);
	(void)day;
done:
	co_store_activity_list_free(rows, nrows);
	return rc;
}

/* --- niggles --------------------------------------------------------------------------- */

static int log_niggle(ctx *c, const char *const *w, size_t n)
{
	co_log_entry e = CO_LOG_ENTRY_INIT;
	char *note = NULL;
	double sev;
	int rc;

	if (n < 2)
		return bad("expected 'log niggle SITE SEVERITY' (0-10) or 'log niggle SITE clear'");
	if (!co_niggle_regions(w[0])) {
		/* Suggest on the site without its side, then put the side back. */
		char base[64];
		const char *side = strstr(w[0], "_left") ? "_left" : strstr(w[0], "_right") ? "_right" : "";
		size_t len = strlen(w[0]) - strlen(side);
		const char *best;

		snprintf(base, sizeof(base), "%.*s", (int)(len < sizeof(base) ? len : sizeof(base) - 1), w[0]);
		best = co_suggest_from(base, co_niggle_sites());
		if (best)
			return co_error_set(CO_EINPUT, "unknown niggle site '%s' (did you mean '%s%s'?)",
					    w[0], best, side);
		return bad("unknown niggle site '%s' (docs/profile.md lists the sites)", w[0]);
	}
	if (!strcmp(w[1], "clear")) {
		co_log_query q = {c->athlete_id, INT32_MIN, c->date};
		co_log_entry *list = NULL;
		size_t nl = 0, cleared = 0;

		if (n > 2)
			return bad("unexpected '%s' after 'clear'", w[2]);
		if ((rc = co_store_log_list(&list, &nl, c->store, &q)) < 0)
			return rc;
		for (size_t i = 0; i < nl && rc == CO_OK; i++) {
			if (list[i].kind != CO_LOG_NIGGLE || list[i].resolved ||
			    strcmp(list[i].site, w[0]) != 0)
				continue;
			list[i].resolved = c->date;
			c->out->action = "changed";
			if ((rc = co_store_log_update(c->store, &list[i])) == CO_OK)
				rc = record(c, CO_LOG_NIGGLE, list[i].id);
			cleared++;
		}
		co_log_list_free(list, nl);
		if (rc == CO_OK && !cleared)
			rc = bad("no open niggle at '%s' on or before that day (see 'carryover history')",
				 w[0]);
		return rc;
	}
	if (!co_app_log_num(&sev, w[1]) || !co_app_log_is_int(sev) || sev > 10)
		return bad("severity '%s' out of range (expected a whole number 0 to 10, or 'clear')",
			   w[1]);
	if (n > 2 && strcmp(w[2], "note") != 0)
		return bad("unexpected '%s' (expected 'note TEXT')", w[2]);
	if (n > 3)
		join_words(&note, w + 3, n - 3);
	e.kind = CO_LOG_NIGGLE;
	e.athlete_id = c->athlete_id;
	e.date = c->date;
	e.site = co_log_str(w[0]);
	e.severity = (int)sev;
	e.notes = note;
	rc = insert(c, NULL, &e);
	free(note);
	return rc;
}

/* --- baseline tests (METHOD D6) ------------------------------------------------------------ */

static int side_of(const char *s, const char **out)
{
	if (!strcmp(s, "left") || !strcmp(s, "l"))
		*out = "left";
	else if (!strcmp(s, "right") || !strcmp(s, "r"))
		*out = "right";
	else
		return bad("side '%s' (expected left or right)", s);
	return CO_OK;
}

static int log_test(ctx *c, const char *const *w, size_t n)
{
	co_log_entry t = CO_LOG_ENTRY_INIT;
	const char *side = NULL;
	double v, minutes, km;
	int rc;

	t.kind = CO_LOG_TEST;
	t.athlete_id = c->athlete_id;
	t.date = c->date;
	if (n >= 1 && (!strcmp(w[0], "squat") || !strcmp(w[0], "single_leg_squat"))) {
		if (n != 4)
			return bad("expected 'log test squat left|right BOX_CM good|fair|poor' "
				   "(e.g. 'log test squat left 45cm good')");
		if ((rc = side_of(w[1], &side)) < 0)
			return rc;
		if (!(co_app_log_num_suffix(&v, w[2], "cm") || co_app_log_num(&v, w[2])) || v < 5 ||
		    v > MAX_BOX_CM)
			return bad("box height '%s' out of range (expected 5cm to 100cm)", w[2]);
		if (strcmp(w[3], "good") && strcmp(w[3], "fair") && strcmp(w[3], "poor"))
			return bad("control '%s' (expected good, fair or poor)", w[3]);
		t.test_kind = "single_leg_squat";
		t.value = v;
		t.unit = "cm";
		t.grade = co_log_str(w[3]);
	} else if (n >= 1 && (!strcmp(w[0], "calf") || !strcmp(w[0], "calf_raise"))) {
		if (n != 3)
			return bad("expected 'log test calf left|right REPS' (e.g. 'log test calf right 22')");
		if ((rc = side_of(w[1], &side)) < 0)
			return rc;
		if (!co_app_log_num(&v, w[2]) || !co_app_log_is_int(v) || v < 0 || v > MAX_CALF_REPS)
			return bad("calf raises '%s' out of range (expected 0 to 200 reps)", w[2]);
		t.test_kind = "calf_raise";
		t.value = v;
		t.unit = "reps";
	} else if (n >= 1 && (!strcmp(w[0], "threshold") || !strcmp(w[0], "threshold_pace"))) {
		if (n == 2 && co_app_log_parse_pace(&v, w[1])) {
			/* the pace itself */
		} else if (n == 3 && co_app_log_parse_minutes(&minutes, w[1]) &&
			   co_app_log_parse_km(&km, w[2]) && minutes > 0 && km > 0) {
			v = minutes * 60 / km;
		} else {
			return bad("expected 'log test threshold PACE' (e.g. '4:15/km') or "
				   "'log test threshold 30min 7.1km'");
		}
		if (v < MIN_THRESHOLD_S_KM || v > MAX_THRESHOLD_S_KM)
			return bad("threshold pace '%s' out of range (expected 2:30 to 15:00 per km)",
				   w[n - 1]);
		t.test_kind = "threshold_pace";
		t.value = round(v);
		t.unit = "s/km";
	} else if (n >= 1 && (!strcmp(w[0], "rm") || !strcmp(w[0], "rep_max"))) {
		const co_exercise *ex;
		char spec[64], unit[3];
		double reps, load;
		char *at;

		if (n != 3 || strlen(w[2]) >= sizeof(spec))
			return bad("expected 'log test rm EXERCISE REPS@LOAD' (e.g. 'log test rm back_squat "
				   "5@100kg')");
		if ((rc = find_exercise(&ex, w[1])) < 0)
			return rc;
		strcpy(spec, w[2]);
		if (!(at = strchr(spec, '@')))
			return bad("'%s' is not REPS@LOAD (e.g. '5@100kg')", w[2]);
		*at++ = '\0';
		if (!co_app_log_num(&reps, spec) || !co_app_log_is_int(reps) || reps < 1 || reps > 20)
			return bad("rep-max reps '%s' out of range (expected 1 to 20)", spec);
		if (!co_app_log_parse_load(&load, unit, at))
			return bad("load '%s' is not a number (expected e.g. '100kg')", at);
		if (!*unit)
			strcpy(unit, co_units_name(c->units));
		if ((rc = co_app_log_check_load(load, unit, at)) < 0)
			return rc;
		if ((rc = check_loadable(ex, w[1], load)) < 0)
			return rc;
		t.test_kind = "rep_max";
		t.test_exercise = co_log_str(ex->id);
		t.test_reps = (int)reps;
		t.value = load;
		t.unit = unit;
		return insert(c, NULL, &t);
	} else {
		return bad("unknown test '%s' (expected squat, calf, threshold or rm)",
			   n ? w[0] : "");
	}
	t.side = co_log_str(side);
	return insert(c, NULL, &t);
}

/* --- delete and edit ----------------------------------------------------------------------- */

/*
 * The entry an id names ("set-12"), read into *e, when it is this
 * athlete's: another athlete's entry is "not in the log", as an unknown id.
 */
static int own_entry(ctx *c, co_log_entry *e, co_log_kind *kind, int64_t *id, const char *text)
{
	int rc;

	if ((rc = co_log_id_parse(kind, id, text)) < 0)
		return rc;
	if ((rc = co_store_log_get(e, c->store, *kind, *id)) < 0)
		return rc;
	if (e->athlete_id != c->athlete_id) {
		co_log_entry_release(e);
		return co_error_set(CO_ENOTFOUND, "no %s in the log (see 'carryover history')", text);
	}
	return CO_OK;
}

static int log_delete(ctx *c, const char *const *w, size_t n)
{
	co_log_kind kind;
	co_log_entry e;
	int64_t id;
	int rc;

	if (n != 1)
		return bad("expected 'log delete ID' (e.g. 'log delete set-12'; see 'carryover history')");
	if ((rc = own_entry(c, &e, &kind, &id, w[0])) < 0)
		return rc;
	rc = co_store_log_delete(c->store, c->athlete_id, kind, id);
	if (rc == CO_OK)
		*CO_VEC_PUSH(c->out->entries, c->out->n, c->out->cap) = e;
	else
		co_log_entry_release(&e);
	return rc;
}

static int edit_field(ctx *c, co_log_entry *e, const char *field, const char *value)
{
	double v;
	char unit[3];
	int rc;

	if (!strcmp(field, "date")) {
		co_date d;

		if ((rc = parse_date(c, &d, value)) < 0)
			return rc;
		if (e->kind == CO_LOG_SET)
			return bad("a set takes the date of its session: edit the session");
		e->date = d;
	} else if (!strcmp(field, "rpe") && e->kind <= CO_LOG_RUN) {
		if (!co_app_log_num(&v, value))
			return bad("RPE '%s' is not a number (expected 1 to 10)", value);
		if ((rc = check_rpe(v, value)) < 0)
			return rc;
		e->rpe = v;
	} else if (!strcmp(field, "reps") && e->kind == CO_LOG_SET) {
		if ((rc = parse_dose(&e->reps, &e->seconds, value)) < 0)
			return rc;
	} else if (!strcmp(field, "load") && e->kind == CO_LOG_SET) {
		if (!strcmp(value, "bw")) {
			e->load = -1;
			return CO_OK;
		}
		if (!co_app_log_parse_load(&v, unit, value))
			return bad("load '%s' is not a number (expected e.g. '60', '60kg', '130lb', 'bw')",
				   value);
		if (!*unit)
			strcpy(unit, co_units_name(c->units));
		if ((rc = co_app_log_check_load(v, unit, value)) < 0)
			return rc;
		e->load = v;
		memcpy(e->load_unit, unit, sizeof(unit));
	} else if (!strcmp(field, "exercise") && e->kind == CO_LOG_SET) {
		const co_exercise *ex;

		if ((rc = find_exercise(&ex, value)) < 0)
			return rc;
		free(e->exercise);
		e->exercise = co_xstrdup(ex->id);
		e->unmapped = false;
	} else if ((!strcmp(field, "minutes") || !strcmp(field, "time")) &&
		   (e->kind == CO_LOG_SESSION || e->kind == CO_LOG_RUN)) {
		if (!co_app_log_parse_minutes(&v, value) && !co_app_log_num(&v, value))
			return bad("duration '%s' is not a time (expected e.g. '45min', '1h20')", value);
		if (v < 1 || v > (e->kind == CO_LOG_RUN ? MAX_RUN_MIN : MAX_SESSION_MIN))
			return bad("duration '%s' out of range", value);
		e->minutes = v;
	} else if ((!strcmp(field, "km") || !strcmp(field, "distance")) && e->kind == CO_LOG_RUN) {
		if (!co_app_log_parse_km(&v, value) && !co_app_log_num(&v, value))
			return bad("distance '%s' is not a distance (expected e.g. '10.2km')", value);
		if (v <= 0 || v > MAX_RUN_KM)
			return bad("distance '%s' out of range (expected more than 0 and at most 400km)",
				   value);
		e->distance_km = v;
	} else if (!strcmp(field, "type") && e->kind == CO_LOG_RUN) {
		int t = co_run_type_from_name(value);

		if (t <= 0)
			return bad("unknown run type '%s'", value);
		free(e->run_type);
		e->run_type = co_xstrdup(value);
	} else if (!strcmp(field, "severity") && e->kind == CO_LOG_NIGGLE) {
		if (!co_app_log_num(&v, value) || !co_app_log_is_int(v) || v > 10)
			return bad("severity '%s' out of range (expected a whole number 0 to 10)", value);
		e->severity = (int)v;
	} else if (!strcmp(field, "cleared") && e->kind == CO_LOG_NIGGLE) {
		co_date d;

		if (!strcmp(value, "no")) {
			e->resolved = 0;
			return CO_OK;
		}
		if ((rc = parse_date(c, &d, value)) < 0)
			return rc;
		if (d < e->date)
			return bad("cleared '%s' is before the niggle's date", value);
		e->resolved = d;
	} else if (!strcmp(field, "control") && e->kind == CO_LOG_TEST && e->grade) {
		if (strcmp(value, "good") && strcmp(value, "fair") && strcmp(value, "poor"))
			return bad("control '%s' (expected good, fair or poor)", value);
		free(e->grade);
		e->grade = co_xstrdup(value);
	} else if (!strcmp(field, "value") && e->kind == CO_LOG_TEST) {
		if (!co_app_log_num(&v, value) && !co_app_log_num_suffix(&v, value, "cm"))
			return bad("value '%s' is not a number", value);
		e->value = v;
	} else if (!strcmp(field, "note")) {
		free(e->notes);
		e->notes = co_xstrdup(value);
	} else {
		char what[64];

		snprintf(what, sizeof(what), "%s", co_log_kind_name(e->kind));
		return bad("a %s has no field '%s' to edit (docs/cli/log.md lists them)", what, field);
	}
	return CO_OK;
}

static int log_edit(ctx *c, const char *const *w, size_t n)
{
	co_log_kind kind;
	co_log_entry e;
	int64_t id;
	int rc;

	if (n < 3 || (n - 1) % 2)
		return bad("expected 'log edit ID FIELD VALUE [FIELD VALUE...]' (e.g. 'log edit set-12 "
			   "rpe 8')");
	if ((rc = own_entry(c, &e, &kind, &id, w[0])) < 0)
		return rc;
	for (size_t i = 1; i + 1 < n && rc == CO_OK; i += 2)
		rc = edit_field(c, &e, w[i], w[i + 1]);
	if (rc == CO_OK && e.kind == CO_LOG_RUN)
		rc = check_pace(e.minutes, e.distance_km, w[0]);
	if (rc == CO_OK)
		rc = co_store_log_update(c->store, &e);
	if (rc == CO_OK)
		rc = record(c, kind, id);
	co_log_entry_release(&e);
	return rc;
}

/* --- the entry point ------------------------------------------------------------------------ */

void co_app_log_result_release(co_app_log_result *r)
{
	if (!r)
		return;
	co_log_list_free(r->entries, r->n);
	memset(r, 0, sizeof(*r));
}

int co_app_log(co_app_log_result *out, co_app *app, const char *const *words, size_t n,
	       co_date date)
{
	co_store_athlete athlete = {0};
	co_profile *profile = NULL;
	ctx c = {.app = app, .out = out};
	const char *verb = n ? words[0] : "";
	int rc;

	memset(out, 0, sizeof(*out));
	if (!n)
		return bad("nothing to log (expected e.g. 'carryover log rdl 3x8@60 rpe 7'; "
			   "'carryover log --help' lists the forms)");
	c.today = co_app_today(app);
	c.date = date != CO_STORE_NO_DATE ? date : c.today;
	if (date != CO_STORE_NO_DATE &&
	    (rc = check_date(&c, date, co_date_format(date, (char[11]){0}))) < 0)
		return rc;
	if ((rc = co_app_store(&c.store, app)) < 0 || (rc = co_app_athlete(&athlete, app)) < 0)
		goto done;
	c.athlete_id = athlete.id;
	c.units = CO_UNITS_KG;
	if (athlete.profile_text && co_app_profile_read(&profile, app, NULL) == CO_OK)
		c.units = profile->units;
	co_error_clear();
	if ((rc = co_app_begin(app)) < 0)
		goto done;
	words++;
	n--;
	if (!strcmp(verb, "session"))
		rc = log_session(&c, words, n);
	else if (!strcmp(verb, "done"))
		rc = log_done_or_skip(&c, words, n, true);
	else if (!strcmp(verb, "skip"))
		rc = log_done_or_skip(&c, words, n, false);
	else if (!strcmp(verb, "run"))
		rc = log_run(&c, words, n);
	else if (!strcmp(verb, "run-rpe"))
		rc = log_run_rpe(&c, words, n);
	else if (!strcmp(verb, "niggle"))
		rc = log_niggle(&c, words, n);
	else if (!strcmp(verb, "test"))
		rc = log_test(&c, words, n);
	else if (!strcmp(verb, "delete"))
		rc = log_delete(&c, words, n);
	else if (!strcmp(verb, "edit"))
		rc = log_edit(&c, words, n);
	else
		rc = log_sets(&c, words - 1, n + 1);
	if (rc == CO_OK) {
		if (!out->action)
			out->action = !strcmp(verb, "delete") ? "deleted" : !strcmp(verb, "edit") ? "changed"
											: "logged";
		rc = co_app_commit(app);
	} else {
		co_app_rollback(app);
	}
done:
	if (rc < 0)
		co_app_log_result_release(out);
	co_plan_free(c.plan);
	co_profile_free(profile);
	co_store_athlete_release(&athlete);
	return rc;
}

