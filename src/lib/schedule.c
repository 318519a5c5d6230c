/*
 * Scheduling: the lifting days of one week (METHOD C1, C7, C8, E1-E3).
 *
 * Every combination of the wanted number of days is scored; the cheapest
 * wins, ties going to the earliest days. A day costs the penalties of the
 * rules it bends (the table in schedule.h), a pair of consecutive session
 * days costs C1's penalty, and uneven spacing a little (sessions 2-3 days
 * apart are best: Murach & Bagley 2016 ask for 6-24 h between lifting and
 * hard running and at most 2 heavy leg days a week). Blocked days (race
 * day, the 4 days before an A-race, days before the plan starts) are never
 * used.
 *
 * METHOD says "never" for E1 and C1, so a placement that bends either is
 * kept only when one session fewer cannot avoid it: the week then runs with
 * fewer sessions and a note. When not even one session fits cleanly (a
 * runner with a key run every day), one session is placed where it bends
 * least and its reason says which rule it bent and why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/schedule.h"

static bool hard(co_run_type t)
{
	return t == CO_RUN_INTERVALS || t == CO_RUN_TEMPO || t == CO_RUN_THRESHOLD ||
	       t == CO_RUN_HILLS;
}

static const co_sched_day *next_day(const co_sched_week *in, int d)
{
	return d < 6 ? &in->day[d + 1] : &in->after;
}

static const co_sched_day *prev_day(const co_sched_week *in, int d)
{
	return d > 0 ? &in->day[d - 1] : &in->before;
}

static int day_cost(const co_sched_week *in, int d, unsigned *bent)
{
	const co_sched_day *x = &in->day[d], *nx = next_day(in, d), *pv = prev_day(in, d);
	int c = 0;

	*bent = 0;
	if (nx->key || nx->race) {
		if (in->recovery) {
			c += 10;
		} else {
			c += CO_PEN_E1_BEFORE_KEY;
			*bent |= CO_BENT_E1;
		}
	}
	if (x->key) {
		if (!in->double_days && !in->recovery) {
			c += CO_PEN_E2_KEY_NO_DOUBLE;
			*bent |= CO_BENT_E2;
		} else if (x->main == CO_RUN_LONG) {
			c += CO_PEN_E2_LONG_DAY;
		}
	} else if (!in->recovery) {
		if (in->double_days)
			c += CO_PEN_E2_NOT_KEY_DAY;
		if (hard(pv->main)) {
			c += CO_PEN_E2_AFTER_HARD;
			*bent |= CO_BENT_E2;
		}
	}
	if (x->after_race > 0) {
		if (in->recovery) {
			if (x->after_race <= 2)
				c += CO_PEN_RECOVERY_SOON;
		} else {
			c += CO_PEN_C8_AFTER_RACE;
			*bent |= CO_BENT_C8;
		}
	}
	return c;
}

/* Score a sorted combination; fills per-session bent bits. */
static int combo_cost(const co_sched_week *in, const int *days, int k, unsigned *bent)
{
	int c = 0;
	int prev = -100;

	if (in->has_prev) {
		long g = (long)(in->day[0].date - in->prev_session);

		if (g <= 7)
			prev = (int)-g;
	}
	for (int i = 0; i < k; i++) {
		int g = days[i] - prev;

		c += day_cost(in, days[i], &bent[i]);
		if (prev > -100) {
			if (g <= 1) {
				c += CO_PEN_C1_CONSECUTIVE;
				bent[i] |= CO_BENT_C1;
			}
			c += 3 * abs(k * g - 7) / k;
		}
		prev = days[i];
	}
	return c;
}

typedef struct best {
	int k;
	int days[CO_SCHED_MAX];
	unsigned bent[CO_SCHED_MAX];
	int cost;
} best;

static void search(best *b, const co_sched_week *in, int k)
{
	int days[CO_SCHED_MAX];
	unsigned bent[CO_SCHED_MAX];

	b->k = 0;
	b->cost = -1;
	if (k <= 0)
		return;
	/* iterate combinations of k weekdays in lexicographic order */
	for (int i = 0; i < k; i++)
		days[i] = i;
	for (;;) {
		bool ok = true;

		for (int i = 0; i < k; i++)
			if (in->day[days[i]].blocked)
				ok = false;
		if (ok) {
			int c = combo_cost(in, days, k, bent);

			if (b->cost < 0 || c < b->cost) {
				b->k = k;
				b->cost = c;
				memcpy(b->days, days, sizeof(days));
				memcpy(b->bent, bent, sizeof(bent));
			}
		}
		int i = k - 1;
		while (i >= 0 && days[i] == 7 - k + i)
			i--;
		if (i < 0)
			break;
		days[i]++;
		for (int j = i + 1; j < k; j++)
			days[j] = days[j - 1] + 1;
	}
}

static bool bends_hard(const best *b)
{
	for (int i = 0; i < b->k; i++)
		if (b->bent[i] & (CO_BENT_E1 | CO_BENT_C1))
			return true;
	return false;
}

static const char *day_name(const co_sched_week *in, const co_sched_day *x)
{
	return co_weekday_name(co_date_weekday(x->date));
}

static const char *run_name(co_run_type t)
{
	switch (t) {
	case CO_RUN_LONG: return "long run";
	case CO_RUN_EASY: return "easy run";
	case CO_RUN_RECOVERY: return "recovery run";
	case CO_RUN_CROSS: return "cross-training";
	case CO_RUN_RACE: return "race";
	default: return co_run_type_name(t);
	}
}

#define ADDF(...) do { \
	size_t len_ = strlen(buf); \
	if (len_ < size) \
		snprintf(buf + len_, size - len_, __VA_ARGS__); \
} while (0)

static void explain(char *buf, size_t size, const co_sched_week *in, const best *b, int i)
{
	int d = b->days[i];
	const co_sched_day *x = &in->day[d], *nx = next_day(in, d), *pv = prev_day(in, d);
	const char *dn = day_name(in, x);
	unsigned bent = b->bent[i];
	long gap = -1;
	const char *gap_from = NULL;
	char gap_day[16] = "";

	buf[0] = '\0';
	if (i > 0) {
		gap = d - b->days[i - 1];
		gap_from = co_weekday_name((co_weekday)b->days[i - 1]);
	} else if (in->has_prev) {
		gap = (long)(x->date - in->prev_session);
		snprintf(gap_day, sizeof(gap_day), "last %s", co_weekday_name(co_date_weekday(in->prev_session)));
		gap_from = gap_day;
	}

	if (in->recovery) {
		ADDF("C8: mobility and activation on %s", dn);
		if (x->main == CO_RUN_REST)
			ADDF(", a rest day from running");
		else
			ADDF(", alongside %s's %s", dn, run_name(x->main));
		if (x->after_race > 0)
			ADDF(", %d day%s after the race", x->after_race, x->after_race == 1 ? "" : "s");
	} else if (x->key && in->double_days) {
		ADDF("E2: after %s's %s (at least 6 h later)", dn, run_name(x->main));
		if (!nx->key && !nx->race)
			ADDF(", so %s stays easy", day_name(in, nx));
		else
			ADDF(", keeping the hard work on one day");
	} else if (x->key) {
		ADDF("E2 bent: on %s's %s day (lift at least 6 h after the run): no easy or rest day was free of a worse clash",
		     dn, run_name(x->main));
	} else if (x->main == CO_RUN_REST) {
		ADDF("E2: %s is a rest day from running", dn);
	} else {
		ADDF("E2: %s is an easy day (%s, %d min)", dn, run_name(x->main), x->minutes);
	}
	if (!in->recovery && !x->key) {
		if (hard(pv->main))
			ADDF("; E2 bent: the day after %s's %s, as no other day was free",
			     day_name(in, pv), run_name(pv->main));
		else if (in->double_days)
			ADDF("; no key-run day was free of E1, so an easy day");
	}
	if (!in->recovery) {
		if (bent & CO_BENT_E1)
			ADDF("; E1 bent: the day before %s's %s, because every other day clashed with a rule that weighs more (%s)",
			     day_name(in, nx), nx->race ? "race" : run_name(nx->main),
			     x->key ? "after the run, with a rep or two more in reserve"
				    : "early in the day, with a rep or two more in reserve");
		else
			ADDF("; E1: not the day before a key run");
	}
	if (gap_from) {
		if (gap <= 1)
			ADDF("; C1 bent: the day after %s's session, as no day further apart was free",
			     gap_from);
		else if (gap <= 7)
			ADDF("; C1: %ld days after %s's session", gap, gap_from);
	}
	if (!in->recovery && x->after_race > 0)
		ADDF("; C8 bent: only %d day%s after the race", x->after_race,
		     x->after_race == 1 ? "" : "s");
}

void co_schedule_week(co_sched_result *out, const co_sched_week *in)
{
	best b, fewer;
	int avail = 0, want;
	bool dropped = false;

	memset(out, 0, sizeof(*out));
	for (int d = 0; d < 7; d++)
		if (!in->day[d].blocked)
			avail++;
	want = in->sessions;
	if (want > CO_SCHED_MAX)
		want = CO_SCHED_MAX;
	if (want > avail)
		want = avail;
	if (want <= 0) {
		if (in->sessions > 0) {
			unsigned why = 0;
			size_t len;

			for (int d = 0; d < 7; d++)
				why |= in->day[d].why_blocked;
			len = (size_t)snprintf(out->note, sizeof(out->note),
					       "no day this week can take a session:");
			/* the reasons this week has, not a list of every possible one */
			if ((why & CO_BLOCKED_START) && len < sizeof(out->note))
				len += (size_t)snprintf(out->note + len, sizeof(out->note) - len,
							" the plan has not started yet;");
			if ((why & CO_BLOCKED_RACE) && len < sizeof(out->note))
				len += (size_t)snprintf(out->note + len, sizeof(out->note) - len,
							" a race day;");
			if ((why & CO_BLOCKED_TAPER) && len < sizeof(out->note))
				len += (size_t)snprintf(out->note + len, sizeof(out->note) - len,
							" C7's 4 days before an A-race;");
			if ((why & CO_BLOCKED_AFTER_RACE) && len < sizeof(out->note))
				len += (size_t)snprintf(out->note + len, sizeof(out->note) - len,
							" C8's mobility-only days after a race;");
			if (len > 0 && len < sizeof(out->note) && out->note[len - 1] == ';')
				out->note[len - 1] = '\0';
		}
		return;
	}
	search(&b, in, want);
	if (in->may_drop_all && bends_hard(&b)) {
		search(&fewer, in, 1);
		if (bends_hard(&fewer)) {
			snprintf(out->note, sizeof(out->note),
				 "C7: no day this week takes a session without lifting the day before a key run (E1) or on consecutive days (C1), so none this week: strength keeps for a week");
			return;
		}
	}
	if (want > 1 && in->may_drop && bends_hard(&b)) {
		int k;

		for (k = want - 1; k >= 1; k--) {
			search(&fewer, in, k);
			if (!bends_hard(&fewer))
				break;
		}
		if (k < 1)
			search(&fewer, in, 1);
		b = fewer;
		dropped = true;
	}
	out->n = b.k;
	out->penalty = b.cost;
	for (int i = 0; i < b.k; i++) {
		out->day[i] = b.days[i];
		out->bent[i] = b.bent[i];
		explain(out->why[i], sizeof(out->why[i]), in, &b, i);
	}
	if (dropped) {
		if (!bends_hard(&b))
			snprintf(out->note, sizeof(out->note),
				 "C1: only %d of %d sessions fit this week without lifting the day before a key run (E1) or on consecutive days; %d dropped",
				 b.k, want, want - b.k);
		else
			snprintf(out->note, sizeof(out->note),
				 "C1: no day this week is clear of E1 (the day before a key run) and C1; %d session kept where it bends least (see its why), %d dropped",
				 b.k, want - b.k);
	}
	if (in->sessions > avail && avail > 0 && !dropped)
		snprintf(out->note, sizeof(out->note),
			 "C7: only %d day%s of this week can take a session", avail, avail == 1 ? "" : "s");
}
