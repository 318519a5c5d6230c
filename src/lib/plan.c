/*
 * The season plan: co_plan_build() runs the stages of plan.h in order
 * (calendar -> periodize -> schedule -> session -> tests) and owns what they
 * produce. The plan is always computed for the whole season, from the
 * Monday of the profile's start through the last race and its recovery, so
 * a window shown to the user never changes what is planned.
 *
 * Invariants of a built plan: weeks are consecutive Mondays; each week's
 * runs and sessions are sorted by date; every session's first `why` line is
 * its placement reason (E3), citing rule ids; a session's uid depends only
 * on the athlete's name, its date and its slot in the day, so recomputing a
 * plan keeps the uids of the sessions that did not move.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/error.h"
#include "carryover/actual.h"
#include "carryover/history.h"
#include "lib/adapt.h"
#include "lib/calendar.h"
#include "lib/periodize.h"
#include "lib/schedule.h"
#include "lib/season.h"
#include "lib/session.h"
#include "lib/baseline.h"
#include "util/strbuf.h"
#include "util/vec.h"

static const char *const phase_names[CO_PHASE_COUNT] = {
	"base", "build", "peak", "taper", "race", "recovery",
};
static const char *const focus_names[CO_FOCUS_COUNT] = {
	"posterior_chain", "stability", "maintenance", "recovery", "test",
};
static const char *const block_names[CO_BLOCK_COUNT] = {
	"warmup", "test", "main", "accessory", "cooldown",
};
static const char *const test_names[CO_TEST_KIND_COUNT] = {
	"single_leg_squat", "threshold_run", "calf_raise", "rep_max",
};

const char *co_phase_name(co_phase p)
{
	return (unsigned)p < CO_PHASE_COUNT ? phase_names[p] : "?";
}

bool co_phase_loading(co_phase p)
{
	return p == CO_PHASE_BASE || p == CO_PHASE_BUILD || p == CO_PHASE_PEAK;
}

const char *co_focus_name(co_focus f)
{
	return (unsigned)f < CO_FOCUS_COUNT ? focus_names[f] : "?";
}

const char *co_block_kind_name(co_block_kind k)
{
	return (unsigned)k < CO_BLOCK_COUNT ? block_names[k] : "?";
}

const char *co_test_kind_name(co_test_kind k)
{
	return (unsigned)k < CO_TEST_KIND_COUNT ? test_names[k] : "?";
}

/* --- lifetime and lookups --------------------------------------------------- */

static void week_release(co_week *w)
{
	free(w->runs);
	free(w->tests);
	for (size_t i = 0; i < w->n_sessions; i++)
		co_session_release(&w->sessions[i]);
	free(w->sessions);
	co_strlist_free(w->notes, w->n_notes);
}

void co_plan_free(co_plan *plan)
{
	if (!plan)
		return;
	for (size_t i = 0; i < plan->n_weeks; i++)
		week_release(&plan->weeks[i]);
	free(plan->weeks);
	for (size_t i = 0; i < plan->n_races; i++)
		free(plan->races[i].name);
	free(plan->races);
	co_strlist_free(plan->warnings, plan->n_warnings);
	co_strlist_free(plan->notes, plan->n_notes);
	free(plan->athlete);
	free(plan);
}

const co_week *co_plan_week_at(const co_plan *plan, co_date d)
{
	long i;

	if (!plan || !plan->n_weeks || d < plan->start)
		return NULL;
	i = (long)((d - plan->start) / 7);
	/* Weeks are consecutive Mondays from plan->start, except in a plan read
	 * from a windowed JSON (plan --json --from): there the weeks are a slice
	 * of the season, so fall back to a scan. */
	if (i < (long)plan->n_weeks && plan->weeks[i].start <= d && d < plan->weeks[i].start + 7)
		return &plan->weeks[i];
	for (size_t j = 0; j < plan->n_weeks; j++)
		if (plan->weeks[j].start <= d && d < plan->weeks[j].start + 7)
			return &plan->weeks[j];
	return NULL;
}

const co_session *co_plan_sessions_on(const co_plan *plan, co_date d, size_t *out_n)
{
	const co_week *w = co_plan_week_at(plan, d);

	if (out_n)
		*out_n = 0;
	if (!w)
		return NULL;
	for (size_t i = 0; i < w->n_sessions; i++) {
		if (w->sessions[i].date != d)
			continue;
		size_t j = i;

		while (j < w->n_sessions && w->sessions[j].date == d)
			j++;
		if (out_n)
			*out_n = j - i;
		return &w->sessions[i];
	}
	return NULL;
}

/* --- building --------------------------------------------------------------- */

/* The ids used before a taper (C7: no new exercises in the taper). */
typedef struct idset {
	const char **ids; /* NULL-terminated when n > 0; point into the catalogue */
	long *week;       /* the last week index each was used in */
	size_t n, alloc, alloc_week;
} idset;

static void idset_add(idset *s, const char *id, long week)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->ids[i], id)) {
			s->week[i] = week;
			return;
		}
	CO_VEC_GROW(s->ids, s->n + 2, s->alloc); /* and the NULL after the last */
	CO_VEC_GROW(s->week, s->n + 1, s->alloc_week);
	s->week[s->n] = week;
	s->ids[s->n++] = id;
	s->ids[s->n] = NULL;
}

static void idset_add_session(idset *s, const co_session *ses, long week)
{
	for (int b = 0; b < CO_BLOCK_COUNT; b++)
		if (b != CO_BLOCK_TEST) /* a test is a measurement, not an exercise to repeat */
		for (size_t i = 0; i < ses->blocks[b].n_items; i++)
			if (ses->blocks[b].items[i].exercise && ses->blocks[b].items[i].exercise->id)
				idset_add(s, ses->blocks[b].items[i].exercise->id, week);
}

/* The lifts of weeks [from, to), recovery weeks left out (they are mobility). */
static void idset_add_weeks(idset *s, const co_plan *plan, long from, long to)
{
	for (long k = from < 0 ? 0 : from; k < to; k++) {
		const co_week *pw = &plan->weeks[k];

		if (pw->phase == CO_PHASE_RECOVERY)
			continue;
		for (size_t j = 0; j < pw->n_sessions; j++)
			idset_add_session(s, &pw->sessions[j], k);
	}
}

/*
 * C7: the taper repeats the lifts of the last loading weeks (those used
 * since week `since`), not one last done weeks earlier. Fills `out` (NULL-
 * terminated); empty when none.
 */
static void idset_recent(const idset *s, long since, idset *out)
{
	out->n = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->week[i] >= since)
			idset_add(out, s->ids[i], s->week[i]);
}

/* Put the last `k` why lines first: the placement reason leads (E3). */
static void why_to_front(co_session *s, size_t k)
{
	char **tmp;

	if (k == 0 || k >= s->n_why)
		return;
	tmp = co_xmalloc(k * sizeof(*tmp));
	memcpy(tmp, s->why + (s->n_why - k), k * sizeof(*tmp));
	memmove(s->why + k, s->why, (s->n_why - k) * sizeof(*tmp));
	memcpy(s->why, tmp, k * sizeof(*tmp));
	free(tmp);
}

static void fill_sched_day(co_sched_day *out, const co_season *s, long idx, co_date first_day,
			   bool recovery_week)
{
	memset(out, 0, sizeof(*out));
	out->main = CO_RUN_REST;
	if (idx < 0 || idx >= (long)s->n_days) {
		out->date = s->start + (co_date)idx;
		return;
	}
	const co_day *d = &s->days[idx];

	out->date = d->date;
	out->key = d->key;
	out->main = d->main;
	out->minutes = d->minutes;
	out->race = d->race >= 0;
	out->blocked = out->race || d->date < first_day;
	out->why_blocked = (out->race ? CO_BLOCKED_RACE : 0) |
			   (d->date < first_day ? CO_BLOCKED_START : 0);
	/* C7: no session in the 4 days before an A-race */
	for (long k = 1; k <= CO_TAPER_NO_LIFT_DAYS && idx + k < (long)s->n_days; k++) {
		int r = s->days[idx + k].race;

		if (r >= 0 && s->races[r].priority == CO_RACE_A) {
			out->blocked = true;
			out->why_blocked |= CO_BLOCKED_TAPER;
		}
	}
	for (long k = 1; k <= 7 && idx - k >= 0; k++) {
		int r = s->days[idx - k].race;

		if (r < 0)
			continue;
		if (k <= 3 && !out->after_race)
			out->after_race = (int)k;
		/* C8: mobility only after an A- or B-race, for 3 days after a 5k or
		 * 10k, a week after longer races */
		if (!recovery_week && s->races[r].priority != CO_RACE_C &&
		    k <= co_recovery_days(s->races[r].distance_km)) {
			out->blocked = true;
			out->why_blocked |= CO_BLOCKED_AFTER_RACE;
		}
	}
}

/*
 * A8: the niggles active on `d`: the profile's `niggles =` from the start of
 * the plan, unless the history clears that site on or before `d`, and the
 * history's own niggles between their active_from and cleared_on dates.
 */
/*
 * C10: variants rotate at phase boundaries only: a new block starts with
 * each new loading phase, except one that starts within 2 weeks of a taper
 * (the peak keeps the build's lifts then; its demand-peak weeks, with a
 * single maintenance session, do not count); taper and race weeks keep the
 * block before them; a new cycle after a recovery starts a new block,
 * unless it too starts within 2 weeks of its taper.
 */
static void variant_blocks(const co_week *weeks, const co_period *info, size_t n, int *out)
{
	int block = 0;
	int last = -1;

	for (size_t i = 0; i < n; i++) {
		co_phase p = weeks[i].phase;
		bool loading = p == CO_PHASE_BASE || p == CO_PHASE_BUILD || p == CO_PHASE_PEAK;

		if (p == CO_PHASE_RECOVERY) {
			last = -1;
		} else if (loading && (int)p != last) {
			size_t to_taper = 0;

			/* weeks of full sessions: a demand-peak week's single maintenance
			 * session takes its lifts from the block (keep_for) */
			for (size_t q = i; q < n && weeks[q].phase != CO_PHASE_TAPER && to_taper <= 2; q++)
				to_taper += !info[q].demand_peak;
			/* after a recovery too: a peak 1-2 weeks before its taper
			 * keeps the lifts of the block before the race (C10) */
			if (!block || to_taper > 2)
				block++;
			last = (int)p;
		}
		out[i] = block > 0 ? block : 1;
	}
}

/* C10: how many weeks each exercise was a main lift, to tell a new lift from a familiar one. */
typedef struct seen_mains {
	const co_exercise **ex;
	int *weeks;
	long *last;
	size_t n, cap_ex, cap_weeks, cap_last;
	const co_exercise **familiar; /* those with 2+ weeks */
	size_t n_familiar, cap_familiar;
} seen_mains;

static void seen_week(seen_mains *sm, const co_week *w, long week)
{
	for (size_t s = 0; s < w->n_sessions; s++)
		for (size_t i = 0; i < w->sessions[s].blocks[CO_BLOCK_MAIN].n_items; i++) {
			const co_exercise *ex = w->sessions[s].blocks[CO_BLOCK_MAIN].items[i].exercise;
			size_t k;

			for (k = 0; k < sm->n && sm->ex[k] != ex; k++)
				;
			if (k == sm->n) {
				*CO_VEC_PUSH(sm->ex, sm->n, sm->cap_ex) = ex;
				CO_VEC_GROW(sm->weeks, sm->n, sm->cap_weeks);
				CO_VEC_GROW(sm->last, sm->n, sm->cap_last);
				sm->weeks[k] = 0;
				sm->last[k] = -1;
			}
			if (sm->last[k] == week)
				continue;
			sm->last[k] = week;
			if (++sm->weeks[k] == 2)
				*CO_VEC_PUSH(sm->familiar, sm->n_familiar, sm->cap_familiar) = ex;
		}
}

static void seen_free(seen_mains *sm)
{
	free(sm->ex);
	free(sm->weeks);
	free(sm->last);
	free(sm->familiar);
}

typedef struct niggle_set {
	co_niggle *v;
	size_t n, cap;
	unsigned regions;
	bool lower_limb;
} niggle_set;

static bool cleared_by(const co_history *h, const char *site, co_date d)
{
	for (size_t i = 0; h && i < h->n_niggles; i++)
		if (h->niggles[i].site && !strcasecmp(h->niggles[i].site, site) &&
		    h->niggles[i].cleared_on && h->niggles[i].cleared_on <= d)
			return true;
	return false;
}

static void niggles_on(niggle_set *ns, const co_profile *p, const co_history *h, co_date d)
{
	ns->n = 0;
	ns->regions = 0;
	ns->lower_limb = false;
	for (size_t i = 0; i < p->n_niggles; i++) {
		if (!p->niggles[i].site || cleared_by(h, p->niggles[i].site, d))
			continue;
		*CO_VEC_PUSH(ns->v, ns->n, ns->cap) = p->niggles[i];
	}
	for (size_t i = 0; h && i < h->n_niggles; i++) {
		const co_niggle_log *l = &h->niggles[i];
		bool dup = false;

		if (!l->site || l->active_from > d || (l->cleared_on && l->cleared_on <= d))
			continue;
		for (size_t k = 0; k < ns->n && !dup; k++)
			dup = !strcasecmp(ns->v[k].site, l->site);
		if (dup)
			continue;
		*CO_VEC_PUSH(ns->v, ns->n, ns->cap) = (co_niggle){
			.site = l->site,
			.regions = l->regions ? l->regions : co_niggle_regions(l->site)};
	}
	for (size_t k = 0; k < ns->n; k++) {
		ns->regions |= ns->v[k].regions;
		if (co_niggle_site_lower_limb(co_niggle_site_index(ns->v[k].site)))
			ns->lower_limb = true;
	}
}

static void fill_ctx(co_session_ctx *ctx, const co_profile *p, const co_catalog *cat,
		     const co_week *w, const niggle_set *ns, int slot, int block)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->profile = p;
	ctx->cat = cat;
	ctx->phase = w->phase;
	ctx->deload = w->deload;
	ctx->taper = w->phase == CO_PHASE_TAPER || w->phase == CO_PHASE_RACE;
	/* B5: strides in build and peak, not in a deload, when the athlete runs them */
	ctx->strides_allowed = (w->phase == CO_PHASE_BUILD || w->phase == CO_PHASE_PEAK) &&
			       !w->deload && p->strides;
	ctx->week_index = w->index;
	ctx->slot = slot;
	ctx->minutes_budget = p->session_minutes > 0 ? p->session_minutes : 45;
	/* C7: the taper and race weeks are cut as a whole (season.c) */
	ctx->week_level_taper = w->phase == CO_PHASE_TAPER || w->phase == CO_PHASE_RACE;
	ctx->block = block;
	ctx->niggle_regions = ns->regions;
	ctx->niggles = ns->v;
	ctx->n_niggles = ns->n;
	ctx->lower_limb_niggle = ns->lower_limb;
	/* A8: no strides while a lower-limb niggle is active */
	if (ns->lower_limb)
		ctx->strides_allowed = false;
}

/* C10: the main lifts a session keeps (session.h keep_mains) */
#define KEEP_MAX 12
#define KEEP_LOOKBACK 6 /* weeks to look back for the session of the same focus */
typedef struct keep_set {
	const co_exercise *ex[KEEP_MAX];
	char *note[KEEP_MAX]; /* the item's A8 note there, which the lift keeps (owned) */
	size_t n;
} keep_set;

static void keep_clear(keep_set *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->note[i]);
	k->n = 0;
}

static void keep_add(keep_set *k, const co_session *s)
{
	const co_block *b = &s->blocks[CO_BLOCK_MAIN];

	for (size_t i = 0; i < b->n_items && k->n < KEEP_MAX; i++) {
		const char *note = b->items[i].note;
		size_t j;

		for (j = 0; j < k->n && k->ex[j] != b->items[i].exercise; j++)
			;
		if (!b->items[i].exercise || j < k->n)
			continue;
		k->ex[k->n] = b->items[i].exercise;
		/* the A8 sentence only, not the dose's (it ends at the first "; ") */
		k->note[k->n++] = note && !strncmp(note, "A8:", 3) ?
				  co_xstrndup(note, strstr(note, "; ") ? (size_t)(strstr(note, "; ") - note) : strlen(note)) :
				  NULL;
	}
}

/*
 * C10: which main lifts the session of `focus` on `d` in week `i` keeps.
 * In the 2 weeks before a taper, those of the last session of its focus
 * (of its phase and not a test day's, when there is one):
 * nothing rotates in (a slot they cannot fill stays empty). A maintenance
 * session of a loading phase (a race or peak week's single session) takes
 * its lifts from those a posterior-chain session of the block takes, built
 * here as a probe: it is a shorter session of the block, not a block of
 * its own, so the sessions before and after it keep their lifts.
 */
static int keep_for(keep_set *k, const co_plan *plan, size_t i, co_date d, co_focus focus,
		    co_session_ctx *ctx)
{
	co_phase ph = plan->weeks[i].phase;
	bool frozen = false, found = false;

	keep_clear(k);
	ctx->keep_mains = NULL;
	ctx->keep_notes = NULL;
	ctx->n_keep_mains = 0;
	ctx->keep_only = false;
	if (ph == CO_PHASE_TAPER || ph == CO_PHASE_RACE) {
		/* C7: the lifts of the last 2 weeks continue (a race week's single
		 * session takes those of its taper, not others of the block; a
		 * taper right after a recovery, those of the 2 weeks before it) */
		size_t weeks = 0;

		for (size_t p = i; p-- > 0 && p + 4 >= i && weeks < 2;) {
			if (plan->weeks[p].phase == CO_PHASE_RECOVERY)
				continue;
			weeks++;
			for (size_t j = 0; j < plan->weeks[p].n_sessions; j++)
				keep_add(k, &plan->weeks[p].sessions[j]);
		}
		/* no other main lift: a slot the time budget left out before stays out */
		ctx->keep_only = k->n > 0;
		goto set;
	}
	if (ph != CO_PHASE_BASE && ph != CO_PHASE_BUILD && ph != CO_PHASE_PEAK)
		return CO_OK;
	for (size_t q = i + 1; q <= i + 2 && q < plan->n_weeks; q++)
		frozen |= plan->weeks[q].phase == CO_PHASE_TAPER;
	/* a test day's card is that week's own (D6: the test may take a lift):
	 * another of the phase first, then the phase's test day, then any */
	for (int pass = 0; frozen && pass < 3 && !found; pass++)
		for (size_t p = i + 1; p-- > 0 && p + KEEP_LOOKBACK > i && !found;)
			for (size_t j = plan->weeks[p].n_sessions; j-- > 0 && !found;) {
				const co_session *t = &plan->weeks[p].sessions[j];

				if (t->date < d && t->focus == focus && t->blocks[CO_BLOCK_MAIN].n_items &&
				    (pass == 2 || plan->weeks[p].phase == ph) &&
				    (pass > 0 || !t->blocks[CO_BLOCK_TEST].n_items)) {
					keep_add(k, t);
					found = true;
				}
			}
	ctx->keep_only = found;
	if (!found && focus == CO_FOCUS_MAINTENANCE) {
		co_session probe;
		co_session_ctx pc = *ctx;
		int rc;

		memset(&probe, 0, sizeof(probe));
		probe.date = d;
		probe.focus = CO_FOCUS_POSTERIOR_CHAIN;
		pc.test_squat = pc.test_calf = false;
		pc.rested = NULL;
		rc = co_session_build(&probe, &pc);
		if (rc == CO_OK)
			keep_add(k, &probe);
		co_session_release(&probe);
		if (rc < 0)
			return rc;
	}
set:
	ctx->keep_mains = k->n ? k->ex : NULL;
	ctx->keep_notes = k->n ? (const char *const *)k->note : NULL;
	ctx->n_keep_mains = k->n;
	return CO_OK;
}

/* Build the session at `at` again with `ctx`, keeping its placement reason (why[0]). */
static int rebuild(co_week *w, size_t at, const co_session_ctx *ctx)
{
	co_session *s = &w->sessions[at], fresh;
	int rc;

	memset(&fresh, 0, sizeof(fresh));
	fresh.date = s->date;
	fresh.focus = s->focus;
	rc = co_session_build(&fresh, ctx);
	if (rc < 0) {
		co_session_release(&fresh);
		return rc;
	}
	if (s->n_why) {
		co_session_add_why(&fresh, "%s", s->why[0]);
		why_to_front(&fresh, 1);
	}
	co_session_release(s);
	*s = fresh;
	return CO_OK;
}

/*
 * D6: fold the week's baseline tests into the session at `at`: the session
 * is built again with a test block (one warm-up, the tests, a shorter
 * session, one cool-down, within the time budget). Where a niggle rules the
 * squat test out and no regression exists, the test leaves the week and a
 * note says why. *calf is set when the calf test is in.
 */
static int fold_tests(co_week *w, size_t at, co_session_ctx *ctx, bool *calf)
{
	bool squat = false;
	co_session *s;
	int rc;

	*calf = false;
	for (size_t i = 0; i < w->n_tests; i++)
		if (w->tests[i].kind == CO_TEST_CALF_RAISE)
			*calf = true;
	ctx->test_squat = true;
	ctx->test_calf = *calf;
	rc = rebuild(w, at, ctx);
	if (rc < 0)
		return rc;
	s = &w->sessions[at];
	for (size_t i = 0; i < s->blocks[CO_BLOCK_TEST].n_items; i++)
		if (s->blocks[CO_BLOCK_TEST].items[i].exercise->pattern == CO_PATTERN_SINGLE_LEG)
			squat = true;
	if (!squat) {
		size_t k = 0;

		for (size_t i = 0; i < w->n_tests; i++)
			if (w->tests[i].kind != CO_TEST_SINGLE_LEG_SQUAT)
				w->tests[k++] = w->tests[i];
		w->n_tests = k;
		for (size_t i = 0; i < s->n_why; i++)
			if (!strncmp(s->why[i], "A8:", 3) && strstr(s->why[i], "test"))
				co_strlist_add(&w->notes, &w->n_notes, "D6 %s", s->why[i]);
	}
	return CO_OK;
}

static int sessions_wanted(const co_week *w, const co_period *info, int spw, bool *single)
{
	*single = false;
	switch (w->phase) {
	case CO_PHASE_TAPER:
		/* C7: frequency kept where the calendar allows (shorter sessions,
		 * the week's volume cut by the season pass) */
		return spw;
	case CO_PHASE_RACE:
		*single = true;
		return 1;
	case CO_PHASE_RECOVERY:
		return spw < 2 ? spw : 2;
	case CO_PHASE_PEAK:
		if (info->demand_peak) {
			*single = true;
			return 1;
		}
		return spw;
	default:
		return spw;
	}
}

int co_plan_build(co_plan **out, const co_plan_input *in, const co_plan_options *opts)
{
	const co_profile *profile = in ? in->profile : NULL;
	const co_calendar *cal = in ? in->calendar : NULL;
	const co_catalog *cat = in ? in->catalog : NULL;
	co_plan_options o = CO_PLAN_OPTIONS_INIT;
	co_season s = {0};
	co_plan *plan = NULL;
	co_period *info = NULL;
	bool *test_week = NULL;
	int *blocks = NULL;
	seen_mains sm = {0};
	keep_set kept = {0};
	idset used = {0}, recent = {0};
	long last_loading = -1, cycle_start = 0;
	long full_week = -1; /* C7: the last full loading week, whose frequency the taper keeps */
	co_date start, prev_session = 0;
	bool has_prev = false, pending_test = false;
	niggle_set ns = {0};
	co_adapt *adapt = NULL;
	unsigned rested = 0;
	int spw, focus_ab = 0, rc = CO_OK;
	size_t n_weeks;

	if (out)
		*out = NULL;
	if (!out || !profile)
		return co_error_set(CO_EINPUT, "no profile to plan from");
	if (opts) {
		if (opts->version != CO_PLAN_OPTIONS_VERSION && opts->version != 1)
			return co_error_set(CO_EINPUT, "plan options of version %u, expected %d (start from CO_PLAN_OPTIONS_INIT)",
					    opts->version, CO_PLAN_OPTIONS_VERSION);
		/* version 1 ends before `today` (plan.h) */
		memcpy(&o, opts, opts->version == 1 ? offsetof(co_plan_options, today) : sizeof(o));
	}
	if (!cat)
		cat = co_catalog_default();
	if (!cat)
		return co_error_last_code() ? co_error_last_code() : CO_ERROR;

	start = co_date_monday(profile->start);
	co_season_races(&s, profile, cal, start);
	n_weeks = co_periodize_horizon(start, s.races, s.n_races, &o, &s.warnings, &s.n_warnings);
	/* one more week so that the last Sunday can see the Monday after it (E1) */
	co_season_days(&s, profile, cal, (n_weeks + 1) * 7);
	if (s.n_runs == 0) {
		rc = co_error_set(CO_EINPUT,
				  "%s%sno running day in [week] and no dated runs: nothing to plan the strength work around",
				  profile->source ? profile->source : "",
				  profile->source ? ": " : "");
		goto done;
	}
	spw = profile->sessions_per_week;
	if (spw < 1 || spw > CO_SCHED_MAX)
		spw = 2;

	plan = co_xcalloc(1, sizeof(*plan));
	plan->athlete = co_xstrdup(profile->name ? profile->name : "");
	plan->units = profile->units;
	plan->distance_units = profile->distance_units;
	plan->start = start;
	plan->n_weeks = n_weeks;
	plan->weeks = co_xcalloc(n_weeks, sizeof(*plan->weeks));
	for (size_t i = 0; i < n_weeks; i++) {
		co_week *w = &plan->weeks[i];
		size_t first = s.days[i * 7].first, last = s.days[i * 7 + 6].first + s.days[i * 7 + 6].n;

		w->index = (int)i + 1;
		w->start = start + (co_date)(i * 7);
		w->n_runs = last - first;
		if (w->n_runs) {
			w->runs = co_xmalloc(w->n_runs * sizeof(*w->runs));
			memcpy(w->runs, s.runs + first, w->n_runs * sizeof(*w->runs));
		}
		for (size_t r = 0; r < w->n_runs; r++) {
			w->run_minutes += w->runs[r].minutes;
			if (w->runs[r].key)
				w->key_minutes += w->runs[r].minutes;
		}
	}

	info = co_xcalloc(n_weeks, sizeof(*info));
	co_periodize(&(co_periodize_args){
		.weeks = plan->weeks, .info = info, .n_weeks = n_weeks,
		.races = s.races, .n_races = s.n_races, .deload_every = profile->deload_every,
		.recovery_override = o.recovery_weeks, .first_day = profile->start,
		.warnings = &s.warnings, .n_warnings = &s.n_warnings});
	/* C9/D4: reactive deloads from the history, before the sessions are built */
	adapt = co_adapt_begin(profile, in->history);
	co_adapt_deloads(adapt, plan->weeks, info, n_weeks);
	blocks = co_xcalloc(n_weeks, sizeof(*blocks));
	variant_blocks(plan->weeks, info, n_weeks, blocks);
	test_week = co_xcalloc(n_weeks, sizeof(*test_week));
	co_baseline_weeks(test_week, plan->weeks, n_weeks);

	for (size_t i = 0; i < n_weeks; i++) {
		co_week *w = &plan->weeks[i];
		co_sched_week sw;
		co_sched_result res;
		bool single;
		bool taper = w->phase == CO_PHASE_TAPER || w->phase == CO_PHASE_RACE;
		bool rec = w->phase == CO_PHASE_RECOVERY;
		const char *const *allowed = NULL;

		memset(&sw, 0, sizeof(sw));
		for (int d = 0; d < 7; d++)
			fill_sched_day(&sw.day[d], &s, (long)(i * 7) + d, profile->start, rec);
		fill_sched_day(&sw.before, &s, (long)(i * 7) - 1, profile->start, rec);
		fill_sched_day(&sw.after, &s, (long)(i * 7) + 7, profile->start, rec);
		sw.has_prev = has_prev;
		sw.prev_session = prev_session;
		sw.sessions = sessions_wanted(w, &info[i], spw, &single);
		sw.double_days = profile->double_days;
		sw.recovery = rec;
		sw.may_drop = true;
		/* C7: strength keeps for a week (Pritchard 2015): a taper or race week
		 * drops its one session rather than lift the day before a key run */
		sw.may_drop_all = taper;
		co_schedule_week(&res, &sw);

		if (single && spw > 1 && res.n == 1)
			co_strlist_add(&w->notes, &w->n_notes,
				       w->phase == CO_PHASE_PEAK ?
				       "C1: one maintenance session while the running demand peaks (C5; Ronnestad 2010: one a week keeps strength)" :
				       "C1: one maintenance session this week (C7; Ronnestad 2010: one a week keeps strength)");
		if (res.note[0])
			co_strlist_add(&w->notes, &w->n_notes, "%s", res.note);
		if (taper && res.n) {
			/* the weeks as finally built (tests folded in), since the last recovery */
			used.n = 0;
			idset_add_weeks(&used, plan, cycle_start, (long)i);
			/* C7: the lifts of the last 2-3 loading weeks continue */
			idset_recent(&used, last_loading - 2, &recent);
			if (!used.n) {
				/* a taper right after a recovery: the lifts of the 3
				 * weeks before it (a race week's, the last taper's) */
				idset_add_weeks(&recent, plan, (long)i - 3, (long)i);
			}
			if (!used.n && !recent.n && last_loading >= 0) {
				/* nothing lifted in the 3 weeks before: the lifts of the
				 * last loading weeks come back, restarting lighter (C8) */
				idset_add_weeks(&used, plan, 0, (long)i);
				idset_recent(&used, last_loading - 2, &recent);
				if (recent.n)
					co_strlist_add(&w->notes, &w->n_notes,
						       "C7 bent: no lifting in the 3 weeks before this taper (a race's recovery), so its lifts are "
						       "those of the last loading weeks, restarting at about 90%% of their last loads (C8)");
			}
			if (recent.n)
				allowed = recent.ids;
			else if (used.n)
				allowed = used.ids;
			else
				co_strlist_add(&w->notes, &w->n_notes,
					       "C7: no sessions before the taper to repeat, so its exercises are the usual picks");
		}

		w->sessions = res.n ? co_xcalloc((size_t)res.n, sizeof(*w->sessions)) : NULL;
		for (int j = 0; j < res.n; j++) {
			co_session *ses = &w->sessions[j];
			co_session_ctx ctx;
			size_t n_before;

			ses->date = w->start + res.day[j];
			if (w->phase == CO_PHASE_RECOVERY)
				ses->focus = CO_FOCUS_RECOVERY;
			else if (single)
				ses->focus = CO_FOCUS_MAINTENANCE;
			else if (spw == 1 || res.n == 1)
				/* C10: one session a week (asked for, or all the calendar
				 * leaves) is one fixed full-body session, not A and B in turn */
				ses->focus = CO_FOCUS_POSTERIOR_CHAIN;
			else
				ses->focus = (focus_ab++ % 2) ? CO_FOCUS_STABILITY : CO_FOCUS_POSTERIOR_CHAIN;
			niggles_on(&ns, profile, in->history, ses->date);
			fill_ctx(&ctx, profile, cat, w, &ns, j, blocks[i]);
			ctx.check_familiar = true;
			ctx.familiar = sm.familiar;
			ctx.n_familiar = sm.n_familiar;
			ctx.rested = &rested;
			ctx.allowed_ids = allowed;
			ctx.week_sessions = res.n;
			w->n_sessions = (size_t)j + 1;
			if ((rc = keep_for(&kept, plan, i, ses->date, ses->focus, &ctx)) < 0)
				goto done;
			rc = co_session_build(ses, &ctx);
			if (rc < 0)
				goto done;
			n_before = ses->n_why;
			co_session_add_why(ses, "%s", res.why[j]);
			why_to_front(ses, ses->n_why - n_before);
			prev_session = ses->date;
			has_prev = true;
		}
		if ((w->phase == CO_PHASE_BASE || w->phase == CO_PHASE_BUILD ||
		     w->phase == CO_PHASE_PEAK) && !w->deload && res.n) {
			last_loading = (long)i;
			if (!single)
				full_week = (long)i;
		}
		if (w->phase == CO_PHASE_RECOVERY) {
			cycle_start = (long)i + 1; /* its taper repeats its own exercises */
			full_week = -1;
		}
		if (w->phase == CO_PHASE_TAPER && full_week >= 0 &&
		    w->n_sessions < plan->weeks[full_week].n_sessions)
			co_strlist_add(&w->notes, &w->n_notes,
				       "C7 bent: %zu session%s this taper week against %zu in week %d: the calendar "
				       "(no session in the 4 days before the race, none the day before a key run, "
				       "none on consecutive days) leaves no room for more",
				       w->n_sessions, w->n_sessions == 1 ? "" : "s",
				       plan->weeks[full_week].n_sessions, plan->weeks[full_week].index);
		if (test_week[i] || pending_test) {
			bool allowed_week = w->phase == CO_PHASE_BASE || w->phase == CO_PHASE_BUILD ||
					    w->phase == CO_PHASE_PEAK;
			int at;

			niggles_on(&ns, profile, in->history, w->start);
			at = allowed_week ? co_baseline_place(w, profile->start, ns.regions) : -1;

			pending_test = at < 0;
			if (at >= 0) {
				co_session_ctx ctx;

				niggles_on(&ns, profile, in->history, w->sessions[at].date);
				bool calf = false;
				size_t others = 0;

				/* A4: the calf test (optional, D6) only where another session of
				 * the week can carry the calf raises the test day leaves out */
				for (size_t j = 0; j < w->n_sessions; j++)
					if ((int)j != at && (w->sessions[j].focus == CO_FOCUS_POSTERIOR_CHAIN ||
							     w->sessions[j].focus == CO_FOCUS_STABILITY))
						others++;
				if (!others) {
					size_t k = 0;

					for (size_t t = 0; t < w->n_tests; t++)
						if (w->tests[t].kind != CO_TEST_CALF_RAISE)
							w->tests[k++] = w->tests[t];
					w->n_tests = k;
				}
				fill_ctx(&ctx, profile, cat, w, &ns, at, blocks[i]);
				ctx.check_familiar = true;
				ctx.familiar = sm.familiar;
				ctx.n_familiar = sm.n_familiar;
				ctx.rested = &rested;
				ctx.week_sessions = (int)w->n_sessions;
				if ((rc = keep_for(&kept, plan, i, w->sessions[at].date, w->sessions[at].focus, &ctx)) < 0)
					goto done;
				rc = fold_tests(w, (size_t)at, &ctx, &calf);
				if (rc < 0)
					goto done;
				/* A4: the week's other sessions carry both calf raises, since
				 * none follows the calf test on its day (D6) */
				for (size_t j = 0; calf && j < w->n_sessions; j++) {
					co_focus f = w->sessions[j].focus;

					if ((int)j == at || !(f == CO_FOCUS_POSTERIOR_CHAIN ||
							      f == CO_FOCUS_STABILITY))
						continue;
					niggles_on(&ns, profile, in->history, w->sessions[j].date);
					fill_ctx(&ctx, profile, cat, w, &ns, (int)j, blocks[i]);
					ctx.check_familiar = true;
					ctx.familiar = sm.familiar;
					ctx.n_familiar = sm.n_familiar;
					ctx.rested = &rested;
					ctx.week_sessions = (int)w->n_sessions;
					ctx.both_calves = true;
					if ((rc = keep_for(&kept, plan, i, w->sessions[j].date, f, &ctx)) < 0)
						goto done;
					rc = rebuild(w, j, &ctx);
					if (rc < 0)
						goto done;
				}
				co_baseline_note(w);
			}
		}
		seen_week(&sm, w, (long)i);
	}

	co_season_adjust(plan, profile, in->history);
	co_adapt_sessions(adapt, plan); /* D5, D8, E4 */
	for (size_t k = 0; k < profile->n_niggles; k++) {
		/* A8: the season-long fact once, the swaps in each item's note */
		co_strbuf sb;

		co_strbuf_init(&sb);
		co_strbuf_addf(&sb, "A8: %s: lifts that load ", profile->niggles[k].site);
		for (unsigned bit = 1, m = 0; bit && bit <= profile->niggles[k].regions; bit <<= 1)
			if (profile->niggles[k].regions & bit) {
				co_strbuf_adds(&sb, m++ ? " and " : "");
				co_strbuf_adds(&sb, co_region_name((co_region)bit));
			}
		co_strbuf_adds(&sb, " are swapped for graded regressions (each item says which): "
				    "keep the pain at or below 3/10 during the work and settled by the "
				    "next morning; no strides or plyometrics while it lasts");
		co_strlist_add(&plan->notes, &plan->n_notes, "%s", sb.buf);
		co_strbuf_release(&sb);
	}
	if (rested) {
		/* A8: said once for the season, not in every session */
		co_strbuf sb;

		co_strbuf_init(&sb);
		co_strbuf_adds(&sb, "A8: no regression within reach keeps ");
		for (unsigned bit = 1, k = 0; bit && bit <= rested; bit <<= 1) {
			if (!(rested & bit))
				continue;
			co_strbuf_adds(&sb, k++ ? ", " : "");
			co_strbuf_adds(&sb, co_region_name((co_region)bit));
		}
		co_strbuf_adds(&sb, " trained around the niggle: rested while it is active (A2 bent)");
		co_strlist_add(&plan->notes, &plan->n_notes, "%s", sb.buf);
		co_strbuf_release(&sb);
	}
	/* issue 10.2: what was done, over the finished plan (actual.h) */
	co_plan_actual(plan, in->history, o.today);
	plan->n_races = s.n_races;
	plan->races = s.races;
	s.races = NULL;
	s.n_races = 0;
	plan->warnings = s.warnings;
	plan->n_warnings = s.n_warnings;
	s.warnings = NULL;
	s.n_warnings = 0;
	*out = plan;
	plan = NULL;
done:
	co_adapt_end(adapt);
	free(blocks);
	keep_clear(&kept);
	seen_free(&sm);
	free(ns.v);
	free(used.ids);
	free(used.week);
	free(recent.ids);
	free(recent.week);
	free(info);
	free(test_week);
	co_season_release(&s);
	co_plan_free(plan);
	return rc;
}
