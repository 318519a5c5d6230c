/*
 * The athlete's history (include/carryover/history.h): five owned arrays
 * that grow with util/vec.h. Every add copies its entry and the strings in
 * it, so a caller may pass stack values and borrowed strings; release frees
 * the copies. A set's exercise id is interned: one copy per name, found
 * through a string map, so the planner's sorts of thousands of sets by lift
 * compare equal lifts by pointer (co_logged_set_dose_cmp).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/history.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

static char *dup_or_null(const char *s)
{
	return s ? co_xstrdup(s) : NULL;
}

struct co_history_names {
	co_strmap map;  /* name -> index in v */
	char **v;       /* owned, one per distinct name */
	size_t n, cap;
};

static char *intern(co_history *h, const char *name)
{
	struct co_history_names *t;
	size_t i;

	if (!name)
		return NULL;
	if (!h->names)
		h->names = co_xcalloc(1, sizeof(*h->names));
	t = h->names;
	if (co_strmap_get(&t->map, name, &i))
		return t->v[i];
	*CO_VEC_PUSH(t->v, t->n, t->cap) = co_xstrdup(name);
	co_strmap_put(&t->map, t->v[t->n - 1], t->n - 1);
	return t->v[t->n - 1];
}

void co_history_init(co_history *h)
{
	memset(h, 0, sizeof(*h));
}

void co_history_release(co_history *h)
{
	if (!h)
		return;
	if (h->names) {
		for (size_t i = 0; i < h->names->n; i++)
			free(h->names->v[i]);
		free(h->names->v);
		co_strmap_release(&h->names->map);
		free(h->names);
	}
	for (size_t i = 0; i < h->n_sessions; i++) {
		free(h->sessions[i].uid);
		free(h->sessions[i].note);
	}
	for (size_t i = 0; i < h->n_niggles; i++)
		free(h->niggles[i].site);
	for (size_t i = 0; i < h->n_tests; i++)
		free(h->tests[i].exercise);
	for (size_t i = 0; i < h->n_runs; i++)
		free(h->runs[i].source);
	free(h->sets);
	free(h->sessions);
	free(h->niggles);
	free(h->tests);
	free(h->runs);
	co_history_init(h);
}

bool co_history_empty(const co_history *h)
{
	return !h || !(h->n_sets || h->n_sessions || h->n_niggles || h->n_tests || h->n_runs);
}

void co_history_add_set(co_history *h, const co_logged_set *set)
{
	co_logged_set *e = CO_VEC_PUSH(h->sets, h->n_sets, h->cap_sets);

	*e = *set;
	e->exercise = intern(h, set->exercise);
}

void co_history_add_session(co_history *h, const co_logged_session *session)
{
	co_logged_session *e = CO_VEC_PUSH(h->sessions, h->n_sessions, h->cap_sessions);

	*e = *session;
	e->uid = dup_or_null(session->uid);
	e->note = dup_or_null(session->note);
}

void co_history_add_niggle(co_history *h, const co_niggle_log *niggle)
{
	co_niggle_log *e = CO_VEC_PUSH(h->niggles, h->n_niggles, h->cap_niggles);

	*e = *niggle;
	e->site = dup_or_null(niggle->site);
}

void co_history_add_test(co_history *h, const co_test_result *test)
{
	co_test_result *e = CO_VEC_PUSH(h->tests, h->n_tests, h->cap_tests);

	*e = *test;
	e->exercise = dup_or_null(test->exercise);
}

void co_history_add_run(co_history *h, const co_logged_run *run)
{
	co_logged_run *e = CO_VEC_PUSH(h->runs, h->n_runs, h->cap_runs);

	*e = *run;
	e->source = dup_or_null(run->source);
}

static long load_key(double load)
{
	return load < 0 ? -1 : lround(load * 100);
}

int co_logged_set_dose_cmp(const co_logged_set *a, const co_logged_set *b)
{
	int c = a->exercise == b->exercise ? 0 : strcmp(a->exercise, b->exercise);
	long la = load_key(a->load), lb = load_key(b->load);

	if (c)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->reps != b->reps)
		return a->reps < b->reps ? -1 : 1;
	return (a->seconds > b->seconds) - (a->seconds < b->seconds);
}
