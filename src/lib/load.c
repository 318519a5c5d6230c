/*
 * Training load (carryover/load.h): each session's load, then one row per
 * day with the EWMA acute:chronic ratio, CTL/ATL/TSB, monotony and strain.
 *
 * Sessions: a run is one session; lifting is one session per logged
 * session entry, with its sets (same date) supplying an RPE when the
 * session has none. Sets on a day with no session entry give no load: the
 * log creates a session entry for every day with sets, so this only loses
 * imported sets whose workout had no duration.
 *
 * The days run from the first dated entry to `to`, at most 3,650 days back:
 * the chronic EWMA (lambda 2/29) keeps under 1e-100 of a load older than
 * that, so nothing visible is lost and the work stays bounded by the dates
 * a user can type.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/load.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* Williams et al. 2017 (BJSM): EWMA lambda = 2 / (N + 1), N = 7 and 28 days. */
#define ACUTE_N 7.0
#define CHRONIC_N 28.0
/* CTL and ATL time constants (Banister's fitness/fatigue, 42 and 7 days). The
 * coefficient is GoldenCheetah's 1 - e^(-1/N); TrainingPeaks uses 1/N and
 * Runalyze 2/(N+1) (SCIENCE.md chose GoldenCheetah's). */
#define CTL_DAYS 42.0
#define ATL_DAYS 7.0
/* The profile has no resting heart rate; 60 bpm is the low end of the usual
 * adult resting range (60-100 bpm, AHA) and runners sit at or below it, so
 * it errs towards a lower HRr, a lower TRIMP, not an alarming one. */
#define DEFAULT_HR_REST 60
#define MAX_DAYS 3650

const char *co_load_method_name(co_load_method m)
{
	static const char *const names[] = {"none", "srpe", "srpe_sets", "trimp"};

	return (unsigned)m < sizeof(names) / sizeof(names[0]) ? names[m] : "none";
}

double co_load_srpe(double rpe, double minutes)
{
	/* Foster 2001: CR-10 session RPE x duration in minutes. */
	return rpe > 0 && minutes > 0 ? rpe * minutes : 0;
}

double co_load_trimp(double minutes, int avg_hr, int hr_rest, int hr_max, bool female)
{
	double hrr;

	if (minutes <= 0 || avg_hr <= 0 || hr_max <= hr_rest)
		return 0;
	hrr = (double)(avg_hr - hr_rest) / (hr_max - hr_rest);
	if (hrr < 0)
		hrr = 0;
	if (hrr > 1)
		hrr = 1;
	/* Banister 1991: the weighting 0.64 e^(1.92 HRr) for men, 0.86 e^(1.67 HRr) for women. */
	return female ? minutes * hrr * 0.86 * exp(1.67 * hrr)
		      : minutes * hrr * 0.64 * exp(1.92 * hrr);
}

static int by_date(const void *a, const void *b)
{
	const co_session_load *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

/* The mean RPE of the sets dated d, found by binary search in `dates` (sorted). */
typedef struct set_day {
	co_date date;
	double rpe_sum;
	int n;
} set_day;

static int by_set_day(const void *a, const void *b)
{
	const set_day *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

static void session_loads(co_load_series *s, const co_history *h, const co_load_options *opt)
{
	size_t cap = 0, dcap = 0, nd = 0;
	set_day *days = NULL;
	int hr_rest = opt && opt->hr_rest > 0 ? opt->hr_rest : DEFAULT_HR_REST;
	int hr_max = opt && opt->hr_max > 0 ? opt->hr_max : 0;
	bool female = opt && opt->female;

	/* Without a stated maximum, the highest heart rate the athlete has
	 * recorded is the best estimate there is (an age formula such as
	 * Tanaka's needs an age the profile does not hold). */
	if (!hr_max)
		for (size_t i = 0; i < h->n_runs; i++) {
			int m = h->runs[i].max_hr > h->runs[i].avg_hr ? h->runs[i].max_hr
								    : h->runs[i].avg_hr;
			if (m > hr_max)
				hr_max = m;
		}
	/* Set RPEs per day, for lifting sessions logged without a session RPE. */
	if (h->n_sets) {
		set_day *all = co_xcalloc(h->n_sets, sizeof(*all));
		size_t n = 0;

		for (size_t i = 0; i < h->n_sets; i++)
			if (h->sets[i].rpe > 0)
				all[n++] = (set_day){h->sets[i].date, h->sets[i].rpe, 1};
		qsort(all, n, sizeof(*all), by_set_day);
		for (size_t i = 0; i < n; i++) {
			if (nd && days[nd - 1].date == all[i].date) {
				days[nd - 1].rpe_sum += all[i].rpe_sum;
				days[nd - 1].n++;
			} else {
				*CO_VEC_PUSH(days, nd, dcap) = all[i];
			}
		}
		free(all);
	}
	for (size_t i = 0; i < h->n_sessions; i++) {
		const co_logged_session *ls = &h->sessions[i];
		co_session_load *l;

		if (ls->skipped)
			continue;
		l = CO_VEC_PUSH(s->sessions, s->n_sessions, cap);
		*l = (co_session_load){.date = ls->date, .minutes = ls->minutes};
		if (ls->rpe > 0) {
			l->rpe = ls->rpe;
			l->method = CO_LOAD_SRPE;
		} else {
			set_day key = {.date = ls->date};
			set_day *d = nd ? bsearch(&key, days, nd, sizeof(*days), by_set_day) : NULL;

			if (d) {
				l->rpe = d->rpe_sum / d->n;
				l->method = CO_LOAD_SRPE_SETS;
			}
		}
		l->load = co_load_srpe(l->rpe, l->minutes);
		if (l->load <= 0)
			l->method = CO_LOAD_NONE;
	}
	for (size_t i = 0; i < h->n_runs; i++) {
		const co_logged_run *r = &h->runs[i];
		co_session_load *l = CO_VEC_PUSH(s->sessions, s->n_sessions, cap);

		*l = (co_session_load){.date = r->date, .run = true, .minutes = r->minutes};
		if (r->rpe > 0) {
			l->rpe = r->rpe;
			l->load = co_load_srpe(l->rpe, l->minutes);
			l->method = CO_LOAD_SRPE;
		} else if (r->avg_hr > 0 && hr_max > hr_rest) {
			l->avg_hr = r->avg_hr;
			l->load = co_load_trimp(l->minutes, r->avg_hr, hr_rest, hr_max, female);
			l->method = CO_LOAD_TRIMP;
		}
		if (l->load <= 0)
			l->method = CO_LOAD_NONE;
	}
	free(days);
	if (s->n_sessions)
		qsort(s->sessions, s->n_sessions, sizeof(*s->sessions), by_date);
}

static co_date first_date(const co_history *h, co_date to)
{
	co_date first = to;

	for (size_t i = 0; i < h->n_sets; i++)
		if (h->sets[i].date < first)
			first = h->sets[i].date;
	for (size_t i = 0; i < h->n_sessions; i++)
		if (h->sessions[i].date < first)
			first = h->sessions[i].date;
	for (size_t i = 0; i < h->n_runs; i++)
		if (h->runs[i].date < first)
			first = h->runs[i].date;
	for (size_t i = 0; i < h->n_niggles; i++)
		if (h->niggles[i].active_from < first)
			first = h->niggles[i].active_from;
	for (size_t i = 0; i < h->n_tests; i++)
		if (h->tests[i].date < first)
			first = h->tests[i].date;
	return first < to - (MAX_DAYS - 1) ? to - (MAX_DAYS - 1) : first;
}

void co_load_compute(co_load_series *out, const co_history *h, co_date to,
		     const co_load_options *opt)
{
	const double la = 2 / (ACUTE_N + 1), lc = 2 / (CHRONIC_N + 1);
	const double kc = 1 - exp(-1 / CTL_DAYS), ka = 1 - exp(-1 / ATL_DAYS);
	double acute = 0, chronic = 0, ctl = 0, atl = 0;
	co_date first;

	memset(out, 0, sizeof(*out));
	if (!h || co_history_empty(h))
		return;
	session_loads(out, h, opt);
	first = first_date(h, to);
	out->n = (size_t)(to - first + 1);
	out->days = co_xcalloc(out->n, sizeof(*out->days));
	for (size_t i = 0; i < out->n; i++)
		out->days[i].date = first + (co_date)i;
	for (size_t i = 0; i < out->n_sessions; i++) {
		const co_session_load *l = &out->sessions[i];

		if (l->date >= first && l->date <= to)
			out->days[l->date - first].load += l->load;
	}
	for (size_t i = 0; i < out->n; i++) {
		co_load_day *d = &out->days[i];
		double sum = 0, sq = 0, mean, sd;
		size_t k = i >= 6 ? i - 6 : 0;

		/* TSB is the form going into the day: yesterday's CTL - ATL (as
		 * GoldenCheetah's PMC shows it), so today's load does not make
		 * today look fresher or more tired before it happened. */
		d->tsb = ctl - atl;
		acute = d->load * la + (1 - la) * acute;
		chronic = d->load * lc + (1 - lc) * chronic;
		ctl += (d->load - ctl) * kc;
		atl += (d->load - atl) * ka;
		d->acute = acute;
		d->chronic = chronic;
		d->acwr = chronic > 1e-9 ? acute / chronic : -1;
		d->ctl = ctl;
		d->atl = atl;
		/* Foster 1998: over the 7 days ending today (days before the
		 * history count as rest, load 0), monotony = mean / SD (population
		 * SD), strain = weekly load x monotony. */
		for (size_t j = k; j <= i; j++) {
			sum += out->days[j].load;
			sq += out->days[j].load * out->days[j].load;
		}
		mean = sum / 7;
		sd = sq / 7 - mean * mean;
		sd = sd > 0 ? sqrt(sd) : 0;
		d->monotony = sd > 1e-9 ? mean / sd : -1;
		d->strain = d->monotony >= 0 ? sum * d->monotony : -1;
	}
}

void co_load_series_release(co_load_series *s)
{
	if (!s)
		return;
	free(s->days);
	free(s->sessions);
	memset(s, 0, sizeof(*s));
}

const co_load_day *co_load_day_at(const co_load_series *s, co_date d)
{
	if (!s || !s->n || d < s->days[0].date || d > s->days[s->n - 1].date)
		return NULL;
	return &s->days[d - s->days[0].date];
}
