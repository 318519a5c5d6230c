/*
 * The season passes (season.h): what can only be decided with the weeks
 * before in view.
 *
 * Loads (C8-C10), one ledger entry per exercise with a load: the load and
 * reps of its last full loading week.
 *   - loading week, k-th non-deload week of its phase: for a known lift the
 *     RPE opens a point below the phase's target and climbs half a point a
 *     week to the top of the phase's range, so the load rises about a plate
 *     step a week (C10) while label and load agree by the chart; never more
 *     than one step above the last week at the same reps (D2);
 *   - first loading week after a recovery week, or after CO_GAP_WEEKS
 *     without the lift: at most 90% of its last load (C8 re-entry);
 *   - deload week: at most 90% of the last loading week's load, across
 *     phases (C9);
 *   - taper or race week: the last loads continue (C7: intensity kept), and
 *     a lift not trained for CO_GAP_WEEKS never comes back at a new top
 *     load; a taper with no loading week before it opens gently.
 * Where a load was lowered from the chart's, the RPE label is the one the
 * chart gives for the printed load, so the two never contradict.
 *
 * The training log (D1-D3, D5, D6; progress.h) steers each loading week's
 * items from what was logged before the week's Monday: the e1RM from the
 * log replaces [lifts], and a lift logged in the last weeks starts from the
 * load lifted (one step a week at most, held after a miss or a niggle);
 * the ledger then carries the steered load into the deload, taper and
 * re-entry rules above.
 *
 * Taper (C7): the taper and race weeks are built at the full dose of the
 * phase before them; this pass cuts each week to CO_TAPER_WEEK_SHARE of the
 * last full loading week's volume (sets x reps) and says the real figure.
 *
 * Work is linear in the items of the plan times the distinct exercises
 * (bounded by the catalogue).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/prescribe.h"
#include "lib/progress.h"
#include "lib/season.h"
#include "lib/session.h"
#include "util/vec.h"

typedef struct entry {
	const co_exercise *ex;
	double load;
	int reps;
	long week;      /* index of its last loading week */
	long done;      /* index of the last week it was done at all */
	long reentry;   /* the week it restarted after a break (C8), else -1 */
	double before;  /* its load before that break */
	double e1;      /* the e1RM the log gave at its last loading week, 0 none (D6) */
	bool from_log;  /* its load came from the log, the profile had none */
	long note_week; /* the week `note` was written for (D1-D3), else -1 */
	double rpe;     /* the label the log's load got that week (note_week) */
	char note[320]; /* what the log did to it that week: both sessions say it */
	int plan_reps;  /* the dose its week's first session had before the log steered it */
	int plan_secs;
	int seconds;    /* and the dose it got (reps above, seconds here): the week's
			 * other sessions take it too */
	bool logged;    /* the log has steered its load: A9's body-mass start is gone */
} entry;

typedef struct ledger {
	entry *v;
	size_t n, cap;
} ledger;

static entry *find(ledger *l, const co_exercise *ex)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].ex == ex)
			return &l->v[i];
	return NULL;
}

/* A new ledger line for `ex`: no re-entry, no note, no planned dose yet. */
static entry *ledger_add(ledger *l, const co_exercise *ex)
{
	entry *e = CO_VEC_PUSH(l->v, l->n, l->cap);

	e->ex = ex;
	e->reentry = -1;
	e->note_week = -1;
	e->plan_reps = -1;
	e->plan_secs = -1;
	return e;
}

int co_item_volume(const co_item *it)
{
	int per = it->reps > 0 ? it->reps : (it->seconds + 2) / 3;

	if (per < 1)
		per = 1;
	return it->sets * per;
}

int co_week_volume(const co_week *w)
{
	int v = 0;

	for (size_t s = 0; s < w->n_sessions; s++)
		for (int k = CO_BLOCK_MAIN; k <= CO_BLOCK_ACCESSORY; k++)
			for (size_t i = 0; i < w->sessions[s].blocks[k].n_items; i++)
				v += co_item_volume(&w->sessions[s].blocks[k].items[i]);
	return v;
}

static double floor_step(double load, double step)
{
	double r = step > 0 ? floor(load / step + 1e-9) * step : load;

	r = round(r * 1000.0) / 1000.0;
	return r < step ? step : r;
}

/* The k-th non-deload week of week i's phase run (0 for its first). */
static int weeks_into_phase(const co_plan *plan, size_t i)
{
	int k = 0;

	for (size_t j = i; j-- > 0;) {
		if (plan->weeks[j].phase != plan->weeks[i].phase)
			break;
		if (!plan->weeks[j].deload)
			k++;
	}
	return k;
}

/* The RPE label the chart gives the printed load for e1RM `e` (known lifts only). */
static void relabel_at(co_item *it, double e)
{
	if (e > 0 && it->reps > 0 && it->load > 0 && it->rpe > 0)
		it->rpe = co_rpe_implied(e, it->reps, it->load);
}


/* The bottom of a phase's RPE range and its rule (C3, C4, C6). */
static double phase_low(co_phase p)
{
	return p == CO_PHASE_BUILD || p == CO_PHASE_PEAK ? 7.0 : 6.0;
}

static const char *phase_rule(co_phase p)
{
	return p == CO_PHASE_BUILD ? "C4" : p == CO_PHASE_PEAK ? "C6" : "C3";
}

/* The top of a phase's RPE range (C3, C4, C6). */
static double phase_top(co_phase p)
{
	return p == CO_PHASE_BUILD ? 8.5 : p == CO_PHASE_PEAK ? 8.0 : 7.0;
}

/* The lightest load of `ex` in the loading weeks of week i's phase run before it, or 0 (C9). */
static double phase_low_load(const co_plan *plan, size_t i, const co_exercise *ex)
{
	double low = 0;

	for (size_t j = i; j-- > 0 && plan->weeks[j].phase == plan->weeks[i].phase;) {
		const co_week *w = &plan->weeks[j];

		if (w->deload)
			continue;
		for (size_t s = 0; s < w->n_sessions; s++)
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t k = 0; k < w->sessions[s].blocks[b].n_items; k++) {
					const co_item *it = &w->sessions[s].blocks[b].items[k];

					if (it->exercise == ex && it->load > 0 && (!low || it->load < low))
						low = it->load;
				}
	}
	return low;
}

/*
 * C8 then C6: after the re-entry week a lift climbs back to the load it
 * lifted before the break; a load already lifted is not a new top, so the
 * climb may take two plate steps a week as long as they stay within 5% of
 * the e1RM (D2's bound), one otherwise.
 */
static bool climbing(const entry *e, size_t i, double step)
{
	return e->reentry >= 0 && e->reentry < (long)i && e->before > e->load + step / 2;
}

static double climb_to(const entry *e, double e1, double step)
{
	int steps = e1 > 0 && 2 * step <= 0.05 * e1 + 1e-9 ? 2 : 1;
	double to = e->load + steps * step;

	return to > e->before ? e->before : to;
}

static void loads_pass(co_plan *plan, const co_profile *p, const co_progress *pr)
{
	const char *u = co_units_name(p->units); /* the athlete's units, in every note */
	ledger l = {0};
	long last_recovery = -1;

	for (size_t i = 0; i < plan->n_weeks; i++) {
		co_week *w = &plan->weeks[i];
		bool load_week = co_phase_loading(w->phase) && !w->deload;
		int k = load_week ? weeks_into_phase(plan, i) : 0;

		if (w->phase == CO_PHASE_RECOVERY)
			last_recovery = (long)i;
		for (size_t s = 0; s < w->n_sessions; s++) {
			co_session *ses = &w->sessions[s];
			bool reentry = false, gentle = false, kept_before = false;
			const char *kept_ex = NULL;
			double kept_from = 0, kept_to = 0;

			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++) {
				for (size_t j = 0; j < ses->blocks[b].n_items; j++) {
					co_item *it = &ses->blocks[b].items[j];
					entry *e;
					double step, ld;
					bool gap, re = false, steered = false, from_log = false, climb = false;
					int plan_reps = 0, plan_secs = 0;
					co_progress_fact f = {0};
					co_progress_logged lg = {0};
					const char *niggle = NULL;
					char note[320] = "";

					if (load_week && pr) {
						co_progress_query(pr, it->exercise->id, w->start, &f);
						co_progress_gather(&lg, plan, pr, &f, it->exercise, w);
						if (lg.any)
							niggle = co_progress_niggle(pr, it->exercise->regions,
										    w->start);
						/*
						 * Logged on target, the chart gives the same e1RM
						 * week after week by construction: that is the plan
						 * working, not a stall. A stall is a flat e1RM while
						 * the RPE runs over the target.
						 */
						if (f.stalled && !(lg.target > 0 && lg.rpe >= lg.target + 0.5))
							f.stalled = false;
					}
					e = find(&l, it->exercise);
					if (!(it->load > 0) && co_exercise_loadable(it->exercise) &&
					    ((load_week && lg.any && lg.load > 0) || (e && e->from_log))) {
						/*
						 * No load known from the profile, but the log has
						 * one: start from it (then the passes as for any
						 * loaded lift) instead of "choose a load".
						 */
						it->load = load_week && lg.any && lg.load > 0 ? lg.load : e->load;
						co_progress_drop_choose(it);
						from_log = true;
					}
					if (!(it->load > 0)) {
						/* D3, D5: unloaded accessories progress by reps or holds */
						if (lg.any && b == CO_BLOCK_ACCESSORY && it->rpe > 0) {
							co_progress_steer_accessory(it, &lg, niggle, 1, p, note, sizeof(note));
							if (*note)
								co_item_note_add(it, "%s", note);
						}
						continue;
					}
					step = co_prescribe_load_step(it->exercise, p);
					gap = e && ((long)i - e->done >= CO_GAP_WEEKS ||
						    last_recovery > e->done);
					ld = it->load;
					if (load_week) {
						/* D6: a logged e1RM (sets at RPE 7+, a rep-max) replaces [lifts] */
						double e1 = f.e1rm > 0 ? f.e1rm : co_profile_lift(p, it->exercise->id);

						bool again = e && e->week == (long)i &&
							     e->plan_reps == it->reps && e->plan_secs == it->seconds;
						bool tested = false;

						plan_reps = it->reps;
						plan_secs = it->seconds;
						if (again) {
							/* the same lift twice in a week: the same dose,
							 * as the log steered it in its first session */
							ld = e->load;
							it->reps = e->reps;
							it->seconds = e->seconds;
						} else if (e1 > 0 && it->reps > 0 && it->rpe > 0) {
							/*
							 * C10: the phase opens a point below its
							 * target RPE and climbs half a point a week
							 * to the top of the phase's range: loads
							 * rise about a plate step a week and the
							 * RPE label stays the chart's.
							 */
							double top = phase_top(w->phase);
							double r = it->rpe - 1.0 + 0.5 * k;

							if (r > top)
								r = top;
							it->rpe = r;
							ld = co_round_load(e1 * co_rpe_percent(it->reps, r), step);
						}
						if (!again && gap) {
							/* C8: this is the re-entry week, even when its first
							 * session's load is already below the ceiling: the
							 * week's other sessions stay below it too */
							e->before = e->load;
							e->reentry = (long)i;
						}
						if (again) {
							/* as set by its first session */
						} else if (gap && ld > floor_step(e->load * CO_LOAD_CEILING, step)) {
							e->before = e->load;
							e->reentry = (long)i;
							ld = floor_step(e->load * CO_LOAD_CEILING, step);
							reentry = re = true;
						} else if (e && e->reentry == (long)i &&
							   ld > floor_step(e->before * CO_LOAD_CEILING, step)) {
							/* the re-entry week again, at another dose:
							 * still about 90% of the load before the break */
							ld = floor_step(e->before * CO_LOAD_CEILING, step);
							reentry = re = true;
						} else if (!again && f.e1rm_test && f.e1rm > 0 && !lg.any &&
							   it->reps > 0 && it->rpe > 0) {
							/* D6: a rep-max newer than any set of the lift
							 * logged: the chart's load at the week's reps
							 * and target from the tested e1RM (D2's step
							 * counts from the test), never above the
							 * tested load */
							if (f.test_load > 0 && ld > f.test_load)
								ld = floor_step(f.test_load, step);
							tested = true;
						} else if (e && !gap && e->reps == it->reps &&
							   climbing(e, i, step)) {
							/* C8 then C6: back up to the load lifted
							 * before the break (capped below by the
							 * phase's RPE top) */
							double to = climb_to(e, e1, step);

							ld = to;
							climb = true;
						} else if (e && !gap && e->reps == it->reps &&
							   ld > e->load + step) {
							ld = e->load + step;
						} else if (e && !gap && e->reps == it->reps && ld <= e->load &&
							   e1 > 0 && co_rpe_implied(e1, it->reps, e->load + step) <=
							   phase_top(w->phase)) {
							/* C10: one plate step a week while the RPE holds */
							ld = e->load + step;
						}
						if (!again && !re && lg.any && lg.load > 0) {
							/* D1-D3, D5: the log steers the load (progress.h) */
							if (b == CO_BLOCK_MAIN) {
								it->load = ld;
								ld = co_progress_steer_main(it, ld, e1, &f, &lg, niggle, step,
										p, note, sizeof(note));
							} else {
								it->load = ld;
								co_progress_steer_accessory(it, &lg, niggle, step, p, note,
										sizeof(note));
								ld = it->load;
							}
							steered = true;
						}
						it->load = ld;
						/* a load the log set keeps the target as its label
						 * unless the log also gave the e1RM to read it by */
						bool by_chart = !steered || f.e1rm > 0;

						if (again && e->note_week == (long)i) {
							/* as its first session of the week, label included */
							it->rpe = e->rpe;
							steered = true;
							by_chart = false;
						}
						if (by_chart)
							relabel_at(it, e1);
						/* rounding to the step must not lift the label out of the phase's range */
						while (by_chart && it->rpe > phase_top(w->phase) &&
						       it->load > step) {
							it->load = floor_step(it->load - step, step);
							relabel_at(it, e1);
						}
						ld = it->load;
						if (climb && !steered && ld > e->load + 1e-9)
							co_item_note_add(it, "C8: climbing back to the %g %s "
									 "lifted before the break: %g %s to %g %s "
									 "this week%s", e->before, u, e->load, u, ld, u,
									 ld > e->load + step + 1e-9 ?
									 ", two steps: a load already lifted, "
									 "within 5% of the e1RM (D2)" :
									 ", one step (D2)");
						bool back = e && e->reentry >= 0 && e->reentry < (long)i &&
							    e->before > ld + 1e-9;
						if (it->rpe < phase_low(w->phase) - 1e-9) {
							/* C3/C4/C6 bent: say what really set the load */
							char why[160];
							bool restart = re || (e && e->reentry == (long)i);

							if (restart)
								snprintf(why, sizeof(why), "the load restarts at "
									 "about 90%% of the last one (C8)");
							else if (back)
								snprintf(why, sizeof(why), "the load climbs back "
									 "to the one lifted before the break (C8)");
							else if (steered && !again && lg.load > 0)
								snprintf(why, sizeof(why), "the load follows your "
									 "log: %s %g %s%s",
									 ld < lg.load - 1e-9 ? "down from your last" :
									 ld > lg.load + 1e-9 ? "up from your last" :
									 "held at your last", lg.load, u,
									 ld < lg.load - 1e-9 ? " (D3)" :
									 ld > lg.load + step + 1e-9 ?
									 ", by the chart from your e1RM (D3)" :
									 ld > lg.load + 1e-9 ? ", one step (D2)" :
									 " (D1, D3)");
							else if (again && e->note_week == (long)i)
								snprintf(why, sizeof(why), "the load follows your "
									 "log, as in the week's first session");
							else if (tested || (again && f.e1rm_test && !lg.any))
								snprintf(why, sizeof(why), "the load follows your "
									 "rep-max test (D6)");
							else if (f.e1rm > 0 && b == CO_BLOCK_MAIN)
								snprintf(why, sizeof(why), "the load follows your "
									 "log's e1RM, one step a week at most (D2)");
							else
								snprintf(why, sizeof(why), "the phase opens a point "
									 "lighter (C10)");
							co_item_note_add(it, "%s bent: RPE %g, below the phase's "
									 "range: %s", phase_rule(w->phase), it->rpe,
									 why);
						}
						/* said in the week after the test, once a week */
						if (!again && f.e1rm_test && f.e1rm_date >= w->start - 7)
							co_progress_test_note(it, &f, p);
						if (tested)
							co_item_note_add(it, "D6: %g %s for %d reps, the chart's "
									 "load at this week's target from your "
									 "tested e1RM %.0f (no heavier than the "
									 "test's %g %s; no set of it logged since)",
									 ld, u, it->reps, f.e1rm, f.test_load, u);
						if (*note)
							co_item_note_add(it, "%s", note);
						/* A9: once the log steers the load, the body-mass
						 * start (and its RPE) no longer applies */
						if (steered || (e && e->logged))
							co_progress_drop_note(it, "A9: a start from body mass",
									      "adjust to the RPE");
						if (!e)
							e = ledger_add(&l, it->exercise);
						e->from_log = e->from_log || from_log;
						if (!again) {
							e->logged = e->logged || steered;
							e->plan_reps = plan_reps;
							e->plan_secs = plan_secs;
							e->seconds = it->seconds;
						}
						if (again && e->note_week == (long)i && *e->note)
							co_item_note_add(it, "%s", e->note);
						if (*note) {
							snprintf(e->note, sizeof(e->note), "%s", note);
							e->note_week = (long)i;
							e->rpe = it->rpe;
						}
						e->load = ld;
						e->reps = it->reps;
						e->week = (long)i;
						e->done = (long)i;
						if (!again)
							e->e1 = f.e1rm > 0 ? f.e1rm : e->e1;
						continue;
					}
					if (w->phase == CO_PHASE_RECOVERY)
						continue;
					if (w->deload) {
						double low = phase_low_load(plan, i, it->exercise);

						if (e && ld > floor_step(e->load * CO_LOAD_CEILING, step))
							ld = floor_step(e->load * CO_LOAD_CEILING, step);
						/* and never above the lightest week of its block */
						if (low > 0 && ld > low)
							ld = low;
					} else if (e && gap && e->done < (long)i) {
						/* C8: a taper right after a recovery (or a gap)
						 * restarts at about 90% of the last load */
						e->before = e->load;
						e->reentry = (long)i;
						ld = floor_step(e->load * CO_LOAD_CEILING, step);
						/* the restart load is the working load now: the
						 * taper's later weeks continue it (C7), and a later
						 * break restarts below it (C8) */
						e->load = ld;
						reentry = true;
					} else if (e && e->reentry == (long)i) {
						ld = floor_step(e->before * CO_LOAD_CEILING, step);
						reentry = true;
					} else if (e && e->reentry >= 0 && e->reentry > last_recovery - 1 &&
						   e->before > e->load) {
						/* C7: the peak was only its re-entry week, or too
						 * short to climb all the way back: the taper keeps
						 * the loads of the last full loading week before
						 * the break (a load already lifted), not the
						 * re-entry's or the climb's */
						ld = e->before;
						kept_before = true;
						if (!kept_ex) {
							kept_ex = it->exercise->name;
							kept_from = e->load;
							kept_to = ld;
						}
					} else if (e) {
						/* C7: the last loads continue (the peak's top
						 * working load), never a new top load */
						ld = e->load;
					} else {
						/* nothing before it: open gently (C7, C10) */
						ld = floor_step(ld * CO_LOAD_CEILING, step);
						gentle = true;
					}
					it->load = ld;
					if (e && e->logged)
						co_progress_drop_note(it, "A9: a start from body mass",
								      "adjust to the RPE");
					relabel_at(it, e && e->e1 > 0 ? e->e1
							   : co_profile_lift(p, it->exercise->id));
					if (gentle && it->rpe > 7.0)
						it->rpe = 7.0;
					if (!e) {
						/* a lift a taper or deload opened: its load is the
						 * last one a later re-entry restarts below (C8) and
						 * the top a comeback stays under (C7) */
						e = ledger_add(&l, it->exercise);
						e->load = ld;
						e->reps = it->reps;
						e->week = (long)i;
					}
					if (e)
						e->done = (long)i;
				}
			}
			if (reentry)
				co_session_add_why(ses, "C8: re-entry after a break: loads restart at "
						   "about 90%% of the last ones");
			if (kept_before)
				co_session_add_why(ses, "C7: intensity kept: the peak was only a "
						   "re-entry week (C8) or too short to climb all the way "
						   "back, so the taper keeps the loads of the last full "
						   "loading week before the break (%s %g %s, not the "
						   "peak's %g %s)", kept_ex, kept_to, u, kept_from, u);
			if (gentle)
				co_session_add_why(ses, "C7: no recent loading week before this taper "
						   "session: loads below the last ones, RPE 7 at most");
		}
	}
	free(l.v);
}

/* A week that is one maintenance session (already cut: C1, C9). */
static bool single_maintenance(const co_week *w)
{
	return w->n_sessions == 1 && w->sessions[0].focus == CO_FOCUS_MAINTENANCE;
}

/*
 * The last full loading week before week i with any volume, or -1: not a
 * deload, nor a single maintenance session (a peak week where the running
 * demand peaks), as C7 measures the taper against.
 */
static long reference_week(const co_plan *plan, size_t i)
{
	for (size_t j = i; j-- > 0;) {
		const co_week *w = &plan->weeks[j];

		if (w->phase == CO_PHASE_RECOVERY)
			return -1;
		if (co_phase_loading(w->phase) && !w->deload && w->volume > 0 && !single_maintenance(w))
			return (long)j;
	}
	return -1;
}

static int session_volume(const co_session *s)
{
	int v = 0;

	for (int k = CO_BLOCK_MAIN; k <= CO_BLOCK_ACCESSORY; k++)
		for (size_t i = 0; i < s->blocks[k].n_items; i++)
			v += co_item_volume(&s->blocks[k].items[i]);
	return v;
}

/*
 * C7: cut a taper week towards `target` sets x reps. Each session keeps
 * 40-60% of its full dose (so a week with fewer sessions than the peak is
 * not cut twice); main lifts lose sets, never reps, so their load and RPE
 * stay those of the last weeks (intensity kept); the accessories take the
 * rest of the cut.
 */
static void cut_week(co_week *w, double target)
{
	double f = target / co_week_volume(w);

	if (f < CO_TAPER_WEEK_MIN)
		f = CO_TAPER_WEEK_MIN;
	if (f > CO_TAPER_WEEK_MAX)
		f = CO_TAPER_WEEK_MAX;
	for (size_t s = 0; s < w->n_sessions; s++) {
		co_session *ses = &w->sessions[s];
		int before = session_volume(ses);
		double goal = f * before;
		int vm = 0, va = 0;

		for (size_t j = 0; j < ses->blocks[CO_BLOCK_MAIN].n_items; j++) {
			co_item *it = &ses->blocks[CO_BLOCK_MAIN].items[j];
			int sets = (int)lround(it->sets * f);

			it->sets = sets < 1 ? 1 : sets > it->sets ? it->sets : sets;
			vm += co_item_volume(it);
		}
		for (size_t j = 0; j < ses->blocks[CO_BLOCK_ACCESSORY].n_items; j++)
			va += co_item_volume(&ses->blocks[CO_BLOCK_ACCESSORY].items[j]);
		if (va > 0 && vm + va > goal) {
			double fa = (goal - vm) / va;

			/* accessories keep 40% at least: the rest of the cut is the reps' */
			if (fa < CO_TAPER_WEEK_MIN)
				fa = CO_TAPER_WEEK_MIN;
			for (size_t j = 0; j < ses->blocks[CO_BLOCK_ACCESSORY].n_items; j++)
				co_prescribe_scale(&ses->blocks[CO_BLOCK_ACCESSORY].items[j], fa);
		}
		/* single sets cannot lose a set: then the reps go too */
		if (session_volume(ses) > CO_TAPER_WEEK_MAX * before) {
			double fr = goal / session_volume(ses);

			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t j = 0; j < ses->blocks[b].n_items; j++)
					co_prescribe_scale(&ses->blocks[b].items[j], fr);
		}
	}
	w->volume = co_week_volume(w);
}

/* The item of `ex` in the weeks [from, to), the latest first, or NULL. */
static const co_item *last_item(const co_plan *plan, long from, long to, const co_exercise *ex)
{
	for (long k = to; k-- > from;) {
		const co_week *w = &plan->weeks[k];

		if (!co_phase_loading(w->phase) || w->deload)
			continue;
		for (size_t s = 0; s < w->n_sessions; s++)
			for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
				for (size_t i = 0; i < w->sessions[s].blocks[b].n_items; i++)
					if (w->sessions[s].blocks[b].items[i].exercise == ex)
						return &w->sessions[s].blocks[b].items[i];
	}
	return NULL;
}

/*
 * C7: a race week's one session keeps about half of what each of its lifts
 * had in the last loading weeks (its own dose may differ from theirs).
 */
static void cut_race_items(co_plan *plan, size_t i, long r)
{
	co_week *w = &plan->weeks[i];
	long from = r - 3 > 0 ? r - 3 : 0;

	for (size_t s = 0; s < w->n_sessions; s++)
		for (int b = CO_BLOCK_MAIN; b <= CO_BLOCK_ACCESSORY; b++)
			for (size_t j = 0; j < w->sessions[s].blocks[b].n_items; j++) {
				co_item *it = &w->sessions[s].blocks[b].items[j];
				const co_item *ref = last_item(plan, from, r + 1, it->exercise);
				int rv = ref ? co_item_volume(ref) : 0;

				if (rv > 0 && co_item_volume(it) > CO_TAPER_WEEK_MAX * rv)
					co_prescribe_scale(it, CO_TAPER_WEEK_SHARE * rv / co_item_volume(it));
			}
	w->volume = co_week_volume(w);
}

static void taper_pass(co_plan *plan)
{
	for (size_t i = 0; i < plan->n_weeks; i++)
		plan->weeks[i].volume = co_week_volume(&plan->weeks[i]);
	for (size_t i = 0; i < plan->n_weeks; i++) {
		co_week *w = &plan->weeks[i];
		long r;
		int ref, v;

		if ((w->phase != CO_PHASE_TAPER && w->phase != CO_PHASE_RACE) || !w->volume)
			continue;
		r = reference_week(plan, i);
		if (r < 0) {
			cut_week(w, w->volume * CO_TAPER_WEEK_SHARE);
			for (size_t s = 0; s < w->n_sessions; s++)
				co_session_add_why(&w->sessions[s],
						   "C7: %s: no loading week before it in the plan, so "
						   "each session keeps about half of its dose",
						   w->phase == CO_PHASE_RACE ? "race week" : "taper");
			continue;
		}
		ref = plan->weeks[r].volume;
		v = w->volume;
		if (w->phase == CO_PHASE_RACE || v > ref * CO_TAPER_WEEK_MAX)
			cut_week(w, ref * CO_TAPER_WEEK_SHARE);
		if (w->phase == CO_PHASE_RACE)
			cut_race_items(plan, i, r);
		for (size_t s = 0; s < w->n_sessions; s++) {
			int pct = (int)lround(100.0 * w->volume / ref);

			if (w->phase == CO_PHASE_TAPER && v > ref * CO_TAPER_WEEK_MAX &&
			    (w->volume > ref * CO_TAPER_WEEK_MAX || w->volume < ref * CO_TAPER_WEEK_MIN))
				/* whole sets and reps, and a floor of one set a lift */
				co_session_add_why(&w->sessions[s],
						   "C7 bent: the week's strength volume is %d, %d%% of week %d's "
						   "%d: cut in whole sets and reps, it cannot land in 40-60%%",
						   w->volume, pct, plan->weeks[r].index, ref);
			else if (w->phase == CO_PHASE_RACE)
				co_session_add_why(&w->sessions[s],
						   "C7: race week: one short session, the week's strength "
						   "volume %d, %d%% of week %d's %d, with the loads of the "
						   "last weeks", w->volume, pct, plan->weeks[r].index, ref);
			else if (v > ref * CO_TAPER_WEEK_MAX)
				co_session_add_why(&w->sessions[s],
						   "C7: taper: the week's strength volume is %d, %d%% of "
						   "week %d's %d (40-60%%), with the loads of the last weeks",
						   w->volume, pct, plan->weeks[r].index, ref);
			else
				co_session_add_why(&w->sessions[s],
						   "C7: taper: fewer sessions than the loading weeks, so the "
						   "week's strength volume is already %d, %d%% of week %d's "
						   "%d; C7 bent: this session keeps its full dose, the week "
						   "is cut", w->volume, pct, plan->weeks[r].index, ref);
		}
	}
}

/*
 * B6: heavy barbell sets (RPE 7.5 and up) open with lighter ramp sets: 5 at
 * about half the load (never under the empty bar), then 3 at about three
 * quarters when that lies between. Every loaded item says whether its load
 * is the total or per hand. The rest of a main lift follows its final RPE
 * (the passes above relabel it): 2 minutes after heavy sets, 60-90 s
 * after moderate ones.
 */
static void finish_items(co_plan *plan, const co_profile *p)
{
	double bar = p->units == CO_UNITS_LB ? 45 : 20;

	for (size_t i = 0; i < plan->n_weeks; i++)
		for (size_t s = 0; s < plan->weeks[i].n_sessions; s++)
			for (int b = 0; b < CO_BLOCK_COUNT; b++)
				for (size_t j = 0; j < plan->weeks[i].sessions[s].blocks[b].n_items; j++) {
					co_item *it = &plan->weeks[i].sessions[s].blocks[b].items[j];
					double step, r1, r2;

					it->load_basis = co_prescribe_load_basis(it);
					if (b == CO_BLOCK_MAIN)
						it->rest_s = co_prescribe_main_rest(it);
					it->n_ramp = 0;
					if (b != CO_BLOCK_MAIN || !(it->load > 0) || it->rpe < 7.5 ||
					    !(it->exercise->equipment & (CO_EQUIP_BARBELL | CO_EQUIP_TRAP_BAR)))
						continue;
					step = co_prescribe_load_step(it->exercise, p);
					r1 = co_round_load(it->load * 0.5, step);
					if (r1 < bar)
						r1 = bar;
					if (r1 >= it->load)
						continue;
					it->ramp[it->n_ramp++] = (co_ramp_set){5, r1};
					r2 = co_round_load(it->load * 0.75, step);
					if (r2 > r1 && r2 < it->load)
						it->ramp[it->n_ramp++] = (co_ramp_set){3, r2};
				}
}

/* ---- C10: what the time budget does to a phase's lifts -------------------- */

static bool lifting(const co_session *s)
{
	return s->blocks[CO_BLOCK_MAIN].n_items > 0 && s->focus != CO_FOCUS_RECOVERY;
}

static bool has_main(const co_session *s, const co_exercise *ex)
{
	for (size_t i = 0; i < s->blocks[CO_BLOCK_MAIN].n_items; i++)
		if (s->blocks[CO_BLOCK_MAIN].items[i].exercise == ex)
			return true;
	return false;
}

/*
 * Whether the time budget left `ex` out of session `s`: its B4 line says so
 * by name (session_budget.c), the only evidence a note may rest on.
 */
static bool budget_left_out(const co_session *s, const co_exercise *ex)
{
	const char *name = ex->name && *ex->name ? ex->name : ex->id;

	for (size_t i = 0; i < s->n_why; i++)
		if (!strncmp(s->why[i], "B4:", 3) && strstr(s->why[i], "left out") &&
		    strstr(s->why[i], name))
			return true;
	return false;
}

/* Whether week k is in the 2 weeks before a taper (and not in it). */
static bool before_taper(const co_plan *plan, size_t k)
{
	if (plan->weeks[k].phase == CO_PHASE_TAPER)
		return false;
	for (size_t q = k + 1; q <= k + 2 && q < plan->n_weeks; q++)
		if (plan->weeks[q].phase == CO_PHASE_TAPER)
			return true;
	return false;
}

/* The lifting session of `s`'s focus before it, looking back 6 weeks, or NULL. */
static const co_session *previous_of_focus(const co_plan *plan, size_t k, const co_session *s)
{
	for (size_t p = k + 1; p-- > 0 && p + 6 > k;)
		for (size_t i = plan->weeks[p].n_sessions; i-- > 0;) {
			const co_session *t = &plan->weeks[p].sessions[i];

			if (t->date < s->date && t->focus == s->focus && lifting(t))
				return t;
		}
	return NULL;
}

/*
 * C10 keeps a focus's main lifts for a whole phase. The lifts are chosen
 * once per phase and focus, but each session is then fitted to its time
 * budget (B4), and a session with extras (a test block, a second calf
 * raise, plyometrics) can lose its last main lift that week. When that
 * session is the phase's first of its focus, the lift it lost comes back
 * in the next one and reads as a rotation: say so on the item, once.
 */
static void explain_budget_rotations(co_plan *plan)
{
	for (size_t k = 0; k < plan->n_weeks; k++) {
		co_phase ph = plan->weeks[k].phase;
		const co_session *first[CO_FOCUS_COUNT + 1] = {0};
		size_t to = k;
		bool one = true;

		if (!co_phase_loading(ph))
			continue;
		while (to < plan->n_weeks && plan->weeks[to].phase == ph)
			to++;
		/* one session a week is one fixed session: its focus does not matter */
		for (size_t q = k; q < to; q++) {
			size_t n = 0;

			for (size_t j = 0; j < plan->weeks[q].n_sessions; j++)
				n += lifting(&plan->weeks[q].sessions[j]);
			one = one && n <= 1;
		}
		for (; k < to; k++)
			for (size_t j = 0; j < plan->weeks[k].n_sessions; j++) {
				co_session *ses = &plan->weeks[k].sessions[j];
				co_block *b = &ses->blocks[CO_BLOCK_MAIN];
				size_t key = one ? CO_FOCUS_COUNT : (size_t)ses->focus;

				if (!lifting(ses))
					continue;
				if (!first[key]) {
					first[key] = ses;
					continue;
				}
				for (size_t i = 0; i < b->n_items; i++) {
					char d[11];
					/* only where the first session's budget did leave it out */
					if (has_main(first[key], b->items[i].exercise) ||
					    !budget_left_out(first[key], b->items[i].exercise))
						continue;
					co_item_note_add(&b->items[i], "C10 bent: not in the phase's first "
							 "session%s (%s), whose time budget left it out; "
							 "the phase's lift from here on",
							 one ? "" : " of this focus",
							 co_date_format(first[key]->date, d));
				}
			}
		k--;
	}
}

/* Whether `ex` was a main lift of a session of `s`'s focus in the 12 weeks before it. */
static bool done_before(const co_plan *plan, size_t k, const co_session *s, const co_exercise *ex)
{
	for (size_t p = k + 1; p-- > 0 && p + 12 > k;)
		for (size_t i = 0; i < plan->weeks[p].n_sessions; i++) {
			const co_session *t = &plan->weeks[p].sessions[i];

			if (t->date < s->date && t->focus == s->focus && lifting(t) && has_main(t, ex))
				return true;
		}
	return false;
}

/*
 * The 2 weeks before a taper rotate nothing (C10). A lift the previous
 * session of its focus lost to its time budget, and that the focus had
 * before, comes back there: say so on the item. A lift the focus never had
 * is a real rotation, and stays for the checker to find.
 */
static void explain_budget_returns(co_plan *plan)
{
	for (size_t k = 0; k < plan->n_weeks; k++) {
		if (!before_taper(plan, k))
			continue;
		for (size_t j = 0; j < plan->weeks[k].n_sessions; j++) {
			co_session *ses = &plan->weeks[k].sessions[j];
			co_block *b = &ses->blocks[CO_BLOCK_MAIN];
			const co_session *prev = lifting(ses) ? previous_of_focus(plan, k, ses) : NULL;

			for (size_t i = 0; prev && i < b->n_items; i++) {
				char d[11];

				if (has_main(prev, b->items[i].exercise) ||
				    !budget_left_out(prev, b->items[i].exercise) ||
				    !done_before(plan, k, prev, b->items[i].exercise))
					continue;
				co_item_note_add(&b->items[i], "C10 bent: back after the previous "
						 "session of this focus (%s) left it out for its time "
						 "budget", co_date_format(prev->date, d));
			}
		}
	}
}

void co_season_adjust(co_plan *plan, const co_profile *profile, const co_history *history)
{
	co_progress *pr;

	if (!plan || !profile)
		return;
	/* indexed once per build: every lookup after is a binary search */
	pr = co_progress_index(history);
	loads_pass(plan, profile, pr);
	co_progress_free(pr);
	taper_pass(plan);
	finish_items(plan, profile);
	explain_budget_rotations(plan);
	explain_budget_returns(plan);
	for (size_t i = 0; i < plan->n_weeks; i++)
		plan->weeks[i].volume = co_week_volume(&plan->weeks[i]);
}
