/*
 * The actual side of the plan (carryover/actual.h): the runs that happened
 * laid over the planned ones, and the status of each lifting session from
 * the log of its day. It runs once the plan is complete and changes only
 * the runs of a week and the status fields of its sessions, so that the
 * planned side (lifting days, doses, why lines) is the same with or without
 * it (METHOD E4: the past plan stays as it was).
 *
 * The history is in the order it was gathered (history.h), so each kind of
 * entry is first indexed by date (one sort), and each day of the plan then
 * finds its entries by binary search: a history of years costs
 * O(n log n) once, never a scan per day.
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/actual.h"
#include "util/strbuf.h"

static const char *const status_names[CO_SESSION_STATUS_COUNT] = {
	NULL, "planned", "done", "partly_done", "skipped", "missed",
};

const char *co_session_status_name(co_session_status s)
{
	return (unsigned)s < CO_SESSION_STATUS_COUNT ? status_names[s] : NULL;
}

int co_session_status_from_name(const char *name)
{
	for (int i = 1; name && i < CO_SESSION_STATUS_COUNT; i++)
		if (!strcmp(name, status_names[i]))
			return i;
	return -1;
}

bool co_plan_run_is_actual(const co_plan_run *r)
{
	return r->source == CO_RUN_FROM_IMPORT || r->source == CO_RUN_FROM_LOG;
}

bool co_plan_run_as_planned(const co_plan_run *r, co_plan_run *out)
{
	if (!co_plan_run_is_actual(r)) {
		*out = *r;
		return true;
	}
	if (!r->has_planned)
		return false;
	*out = *r;
	out->type = r->planned_type;
	out->minutes = r->planned_minutes;
	out->distance_km = r->planned_distance_km;
	out->source = r->planned_source;
	out->has_planned = false;
	out->rpe = 0;
	return true;
}

/* ---- the history by date ------------------------------------------------- */

typedef struct dated {
	co_date date;
	size_t i; /* index in the history's array: keeps the log's order within a day */
} dated;

static int cmp_dated(const void *a, const void *b)
{
	const dated *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* The first entry of `v[0..n)` (sorted) dated `d` or later. */
static size_t lower(const dated *v, size_t n, co_date d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define INDEX(out, arr, n)                                   \
	do {                                                 \
		(out) = co_xcalloc((n) ? (n) : 1, sizeof(dated)); \
		for (size_t k_ = 0; k_ < (n); k_++)          \
			(out)[k_] = (dated){(arr)[k_].date, k_}; \
		qsort((out), (n), sizeof(dated), cmp_dated); \
	} while (0)

/* ---- runs ------------------------------------------------------------------ */

/*
 * `source` of a history run: "run-N" is an entry of the log (`log run`),
 * NULL a run given by hand without one; anything else names an imported
 * activity (its hash, or "activity-N" for one given an RPE with `log
 * run-rpe`). See co_app_history_load().
 */
static co_run_source source_of(const co_logged_run *r)
{
	if (!r->source || !strncmp(r->source, "run-", 4))
		return CO_RUN_FROM_LOG;
	return CO_RUN_FROM_IMPORT;
}

static co_plan_run from_history(const co_logged_run *lr)
{
	co_plan_run r = {.date = lr->date, .type = lr->type, .minutes = lr->minutes};

	r.distance_km = lr->distance_km > 0 ? lr->distance_km : 0;
	r.source = source_of(lr);
	r.rpe = lr->rpe > 0 && lr->rpe <= 10 ? lr->rpe : 0;
	return r;
}

/* Replace week `w`'s runs by the day: the actual ones `v[0..n)` (all within the week) first. */
static void overlay_week(co_week *w, const co_history *h, const dated *v, size_t n)
{
	size_t cap = w->n_runs + n, out_n = 0, at = 0;
	co_plan_run *out = co_xcalloc(cap ? cap : 1, sizeof(*out));
	bool *used = co_xcalloc(w->n_runs ? w->n_runs : 1, sizeof(*used));

	for (co_date d = w->start; d < w->start + 7; d++) {
		size_t p = 0; /* the next planned run of the day to pair */

		for (; at < n && v[at].date == d; at++) {
			co_plan_run r = from_history(&h->runs[v[at].i]);

			while (p < w->n_runs && (w->runs[p].date != d || used[p]))
				p++;
			if (p < w->n_runs) {
				const co_plan_run *pl = &w->runs[p];

				used[p] = true;
				r.key = pl->key;
				r.has_planned = true;
				r.planned_type = pl->type;
				r.planned_minutes = pl->minutes;
				r.planned_distance_km = pl->distance_km;
				r.planned_source = pl->source;
			}
			out[out_n++] = r;
		}
		for (size_t k = 0; k < w->n_runs; k++)
			if (w->runs[k].date == d && !used[k]) {
				used[k] = true;
				out[out_n++] = w->runs[k];
			}
	}
	/* a planned run outside the week's days (none are) is kept, not lost */
	for (size_t k = 0; k < w->n_runs; k++)
		if (!used[k])
			out[out_n++] = w->runs[k];
	free(w->runs);
	free(used);
	w->runs = out;
	w->n_runs = out_n;
}

/* ---- sessions ------------------------------------------------------------- */

/* Copy `s` into `dst` (size `n`), cut at a character boundary. */
static void copy_note(char *dst, size_t n, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--; /* never half a UTF-8 character */
	}
	if (len)
		memcpy(dst, s, len);
	dst[len] = '\0';
}

typedef struct day_log {
	const co_history *h;
	const dated *sets, *sessions; /* the day's entries, by date index */
	size_t n_sets, n_sessions;
} day_log;

/* The day's logged working sets of `id`. */
static int sets_of(const day_log *dl, const char *id)
{
	int n = 0;

	for (size_t k = 0; k < dl->n_sets; k++) {
		const char *e = dl->h->sets[dl->sets[k].i].exercise;

		if (e && id && !strcmp(e, id))
			n++;
	}
	return n;
}

/* `log_start`: the first day of the log's lifting entries; NULL when it has none. */
static void session_status(co_session *s, const day_log *dl, co_date today, const co_date *log_start)
{
	bool as_planned = false, whole = false;
	const char *skip = NULL;
	bool skipped = false;

	s->items_planned = s->items_done = 0;
	s->status_note[0] = '\0';
	for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
		for (size_t i = 0; i < s->blocks[b].n_items; i++) {
			const co_item *it = &s->blocks[b].items[i];

			s->items_planned++;
			if (dl->n_sets && it->exercise &&
			    sets_of(dl, it->exercise->id) >= (it->sets > 0 ? it->sets : 1))
				s->items_done++;
		}
	for (size_t k = 0; k < dl->n_sessions; k++) {
		const co_logged_session *ls = &dl->h->sessions[dl->sessions[k].i];

		if (ls->as_planned)
			as_planned = true;
		else if (ls->skipped) {
			if (!skipped)
				skip = ls->note;
			skipped = true;
		} else {
			whole = true;
		}
	}
	if (as_planned) {
		s->status = CO_SESSION_DONE;
		s->items_done = s->items_planned;
	} else if (dl->n_sets) {
		s->status = s->items_done >= s->items_planned ? CO_SESSION_DONE : CO_SESSION_PARTLY_DONE;
	} else if (whole) {
		s->status = CO_SESSION_DONE;
	} else if (skipped) {
		s->status = CO_SESSION_SKIPPED;
		copy_note(s->status_note, sizeof(s->status_note), skip);
	} else if (s->date >= today) {
		s->status = CO_SESSION_PLANNED;
	} else if (log_start && s->date >= *log_start) {
		s->status = CO_SESSION_MISSED;
	} else {
		s->status = CO_SESSION_UNKNOWN; /* before the log began: nothing to say */
	}
}

void co_plan_actual(co_plan *plan, const co_history *h, co_date today)
{
	static const co_history none;
	dated *runs = NULL, *sets = NULL, *sessions = NULL;
	co_date start = 0;
	bool have_start = false;

	if (!plan)
		return;
	if (!h)
		h = &none;
	INDEX(runs, h->runs, h->n_runs);
	INDEX(sets, h->sets, h->n_sets);
	INDEX(sessions, h->sessions, h->n_sessions);
	if (h->n_sets) {
		start = sets[0].date;
		have_start = true;
	}
	if (h->n_sessions && (!have_start || sessions[0].date < start)) {
		start = sessions[0].date;
		have_start = true;
	}
	for (size_t wi = 0; wi < plan->n_weeks; wi++) {
		co_week *w = &plan->weeks[wi];
		size_t a = lower(runs, h->n_runs, w->start), b = lower(runs, h->n_runs, w->start + 7);

		if (b > a)
			overlay_week(w, h, runs + a, b - a);
		for (size_t k = 0; today && k < w->n_sessions; k++) {
			co_session *s = &w->sessions[k];
			size_t s0 = lower(sets, h->n_sets, s->date), s1 = lower(sets, h->n_sets, s->date + 1);
			size_t l0 = lower(sessions, h->n_sessions, s->date),
			       l1 = lower(sessions, h->n_sessions, s->date + 1);
			day_log dl = {h, sets + s0, sessions + l0, s1 - s0, l1 - l0};

			session_status(s, &dl, today, have_start ? &start : NULL);
		}
	}
	free(runs);
	free(sets);
	free(sessions);
}
