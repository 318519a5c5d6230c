/*
 * carryover status: how the athlete stands today.
 *
 *   carryover status [--json]
 *
 * Today's readiness (good, caution, poor) and why, the fatigue signals of
 * METHOD D4 that count today with their figures, the load figures (acute,
 * chronic and their ratio, CTL/ATL/TSB, monotony, strain), sparklines of
 * the last 8 weeks' daily load and TSB, and the next planned session's
 * card. --json is the object of docs/cli/status.md.
 *
 * Sparklines use block characters when the locale is UTF-8 (LC_ALL, else
 * LC_CTYPE, else LANG names UTF-8) and the terminal is not dumb, else an
 * ASCII ramp; NO_COLOR is about colour and does not change them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "cli/opt.h"

#define SPARK_DAYS 56 /* 8 weeks */

static bool json;

static const co_opt status_opts[] = {
	{CO_OPT_FLAG, "json", 0, &json, NULL, "the JSON object of docs/cli/status.md"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover status [--json]\n\n"
	      "How you stand today: readiness (good, caution or poor) and why, the\n"
	      "fatigue signals that fired in the last 7 days (METHOD D4: RPE up at the\n"
	      "same load, a new niggle, a worse baseline test, harder runs at the same\n"
	      "pace, acute:chronic load above your acwr_threshold), the load figures,\n"
	      "the last 8 weeks of load and TSB as sparklines, and the next session.\n"
	      "Readiness: good with no signal, caution with signals of one kind, poor\n"
	      "with two kinds or more. Load is session RPE x minutes; a run imported\n"
	      "without an RPE counts by heart rate (TRIMP) and the output says so.\n\n", f);
	co_opt_help(f, status_opts);
}

static void why(co_strbuf *sb, const co_app_status *st)
{
	const char *kinds[8];
	size_t nk = 0;

	for (size_t i = 0; i < st->n_today; i++) {
		const char *id = st->signals.items[st->today_idx[i]].id;
		bool seen = false;

		for (size_t k = 0; k < nk; k++)
			seen = seen || !strcmp(kinds[k], id);
		if (!seen && nk < 8)
			kinds[nk++] = id;
	}
	if (!nk) {
		co_strbuf_adds(sb, "no fatigue signal (METHOD D4) in the last 7 days");
		return;
	}
	co_strbuf_addf(sb, "fatigue signals (METHOD D4) of %s kind%s in the last 7 days: ",
		       nk == 1 ? "one" : "two or more", nk == 1 ? "" : "s");
	for (size_t k = 0; k < nk; k++)
		co_strbuf_addf(sb, "%s%s", k ? ", " : "", kinds[k]);
}

static void text(co_strbuf *sb, const co_app_status *st)
{
	const co_load_day *d = st->day;
	char day[11], from[11];

	co_strbuf_addf(sb, "Status on %s: readiness %s\n  ", co_date_format(st->today, day),
		       co_readiness_name(st->readiness));
	why(sb, st);
	co_strbuf_adds(sb, "\n");
	if (!d) {
		co_strbuf_adds(sb, "\nNothing logged yet: no load and no signals to go on.\n"
				   "'carryover log session 45min rpe 6', 'carryover log run easy 40min "
				   "rpe 4'\nor 'carryover import' start the record.\n");
	} else {
		if (st->n_today) {
			co_strbuf_adds(sb, "\nSignals:\n");
			for (size_t i = 0; i < st->n_today; i++) {
				const co_signal *g = &st->signals.items[st->today_idx[i]];

				co_strbuf_addf(sb, "  %s %-10s %s: %s", co_date_format(g->date, day),
					       g->id, g->rule, g->detail);
				/* a niggle's detail says all (any new one counts), acwr's
				 * names its ratio and threshold already */
				if (strcmp(g->id, "new_niggle") != 0 && strcmp(g->id, "acwr") != 0)
					co_strbuf_addf(sb, " (value %.3g, threshold %.3g)", g->value,
						       g->threshold);
				co_strbuf_adds(sb, "\n");
			}
		}
		co_strbuf_adds(sb, "\nLoad (session RPE x minutes");
		if (st->by_method[CO_LOAD_TRIMP])
			co_strbuf_addf(sb, "; %zu run%s without RPE by heart rate, TRIMP",
				       st->by_method[CO_LOAD_TRIMP],
				       st->by_method[CO_LOAD_TRIMP] == 1 ? "" : "s");
		if (st->by_method[CO_LOAD_NONE])
			co_strbuf_addf(sb, "; %zu session%s without minutes or effort not counted",
				       st->by_method[CO_LOAD_NONE],
				       st->by_method[CO_LOAD_NONE] == 1 ? "" : "s");
		co_strbuf_adds(sb, "):\n");
		co_strbuf_addf(sb, "  today %.0f   acute %.1f   chronic %.1f   acute:chronic ",
			       d->load, d->acute, d->chronic);
		if (d->acwr >= 0)
			co_strbuf_addf(sb, "%.2f", d->acwr);
		else
			co_strbuf_adds(sb, "-");
		co_strbuf_addf(sb, " (flag above %.2f)\n", st->acwr_threshold);
		co_strbuf_addf(sb, "  fitness (CTL) %.1f   fatigue (ATL) %.1f   form (TSB) %.1f\n",
			       d->ctl, d->atl, d->tsb);
		co_strbuf_adds(sb, "  last 7 days: monotony ");
		if (d->monotony >= 0)
			co_strbuf_addf(sb, "%.2f   strain %.0f\n", d->monotony, d->strain);
		else
			co_strbuf_adds(sb, "- (no variation)   strain -\n");

		/* the last 8 weeks, or as much of them as the history covers */
		size_t n = st->series.n < SPARK_DAYS ? st->series.n : SPARK_DAYS;
		const co_load_day *first = &st->series.days[st->series.n - n];
		double load[SPARK_DAYS], tsb[SPARK_DAYS], lo = 0, hi = 0, tlo = 0, thi = 0;
		bool u = co_cli_term_utf8();

		for (size_t i = 0; i < n; i++) {
			load[i] = first[i].load;
			tsb[i] = first[i].tsb;
			lo = i == 0 || load[i] < lo ? load[i] : lo;
			hi = i == 0 || load[i] > hi ? load[i] : hi;
			tlo = i == 0 || tsb[i] < tlo ? tsb[i] : tlo;
			thi = i == 0 || tsb[i] > thi ? tsb[i] : thi;
		}
		co_strbuf_addf(sb, "\nLast %zu days (%s to %s), one character a day:\n  load  ", n,
			       co_date_format(first->date, from), co_date_format(st->today, day));
		co_report_spark(sb, load, n, u);
		co_strbuf_addf(sb, "  %.0f to %.0f\n  TSB   ", lo, hi);
		co_report_spark(sb, tsb, n, u);
		co_strbuf_addf(sb, "  %.0f to %.0f\n", tlo, thi);
	}
	if (st->next) {
		co_strbuf_adds(sb, "\nNext session:\n");
		co_report_text_session(sb, st->plan, st->next);
	} else {
		co_strbuf_adds(sb, "\nNo session left in the plan.\n");
	}
}

int cmd_status(co_cli *cli, int argc, char **argv)
{
	const co_opt_parser ps = {"status", status_opts, NULL, usage, false};
	co_app_status st;
	co_strbuf sb = CO_STRBUF_INIT;
	co_app *app = NULL;
	char *out = NULL;
	int rc, err;

	memset(&st, 0, sizeof(st));
	json = false;
	if ((rc = co_cli_start(&app, cli, &ps, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	if ((err = co_app_status_get(&st, app)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	if (json) {
		const co_signal **sig = calloc(st.n_today ? st.n_today : 1, sizeof(*sig));
		co_status_view v = {.date = st.today, .readiness = st.readiness, .load = st.day,
				    .next = st.next, .n_signals = st.n_today};

		if (!sig) {
			rc = co_cli_fail(co_error_set(CO_ENOMEM, "out of memory"));
			goto done;
		}
		for (size_t i = 0; i < st.n_today; i++)
			sig[i] = &st.signals.items[st.today_idx[i]];
		v.signals = sig;
		co_status_to_json(&out, &v);
		fputs(out, stdout);
		free(sig);
	} else {
		co_cli_term_setup();
		text(&sb, &st);
		fputs(sb.buf, stdout);
	}
done:
	free(out);
	co_strbuf_release(&sb);
	co_app_status_release(&st);
	return rc;
}
