/*
 * The HTML report (report.h co_report_html): one self-contained page a
 * runner can open, keep or send to a coach.
 *
 * Self-contained means no network: the CSS is inline, the charts are inline
 * SVG (charts.c), there is no script, no font, no image and no link to
 * anything outside the file, so the page looks the same offline, in a mail
 * attachment and in ten years. It reads on a phone (a viewport meta, one
 * column up to 960 px, charts that scale with their viewBox) and prints on
 * A4 (@page, no chart cut across pages). Every text that came from a user
 * (the athlete's name, race names, notes) and every finding's sentence goes
 * through co_report_escape().
 * The same data gives the same bytes: nothing here reads the clock.
 */
#include <stdio.h>
#include <string.h>

#include "carryover/history.h"
#include "carryover/load.h"
#include "carryover/report.h"
#include "util/strbuf.h"

#define SESSION_DAYS 14

static const char css[] =
	":root{color-scheme:light;--ink:#1d2330;--mute:#5b6474;--line:#d6dae1;--run:#2f6db5;"
	"--lift:#d9822b}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
	"color:var(--ink);background:#f6f7f9}\n"
	"main{max-width:960px;margin:0 auto;padding:16px 12px 32px}\n"
	"header h1{font-size:1.5rem;margin:.2em 0}\n"
	"header p{margin:.2em 0;color:var(--mute)}\n"
	"h2{font-size:1.1rem;margin:1.6em 0 .5em}\n"
	".stats{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0;padding:0;list-style:none}\n"
	".stats li{background:#fff;border:1px solid var(--line);border-radius:6px;padding:6px 10px}\n"
	".stats b{display:block;font-size:1.15rem}\n"
	"figure.chart{margin:12px 0;background:#fff;border:1px solid var(--line);"
	"border-radius:8px;padding:6px;break-inside:avoid;page-break-inside:avoid}\n"
	"figure.chart svg{display:block;width:100%;height:auto}\n"
	"figcaption{font-size:.85rem;color:var(--mute);padding:2px 6px 4px}\n"
	"svg text{font-family:inherit;font-size:11px;fill:var(--ink)}\n"
	"svg .ct{font-size:14px;font-weight:600}\n"
	"svg .tl{fill:var(--mute)}\n"
	"svg .al{font-size:11px;fill:var(--mute);stroke:var(--mute);stroke-width:1}\n"
	"svg text.al{stroke:none}\n"
	"svg .gr{stroke:#eceef2;stroke-width:1}\n"
	"svg .zl{stroke:#8a93a3;stroke-width:1;stroke-dasharray:4 3}\n"
	"svg .eb{fill:#fafbfc;stroke:var(--line)}\n"
	"svg .em{font-size:13px;fill:var(--mute)}\n"
	"svg polyline{fill:none;stroke-width:2}\n"
	"svg circle{stroke:#fff;stroke-width:.8}\n"
	"svg .run{fill:var(--run)}svg .lift{fill:var(--lift)}\n"
	"svg polyline.ctl{stroke:#2f6db5}svg circle.ctl,svg .lg rect.ctl{fill:#2f6db5}\n"
	"svg polyline.atl{stroke:#c2412d}svg circle.atl,svg .lg rect.atl{fill:#c2412d}\n"
	"svg polyline.tsb{stroke:#3b9a57}svg circle.tsb,svg .lg rect.tsb{fill:#3b9a57}\n"
	"svg polyline.l0{stroke:#2f6db5}svg .l0{fill:#2f6db5}\n"
	"svg polyline.l1{stroke:#d9822b}svg .l1{fill:#d9822b}\n"
	"svg polyline.l2{stroke:#3b9a57}svg .l2{fill:#3b9a57}\n"
	"svg polyline.l3{stroke:#8e4fb5}svg .l3{fill:#8e4fb5}\n"
	"svg polyline.l4{stroke:#c2412d}svg .l4{fill:#c2412d}\n"
	"svg polyline.l5{stroke:#6b7280}svg .l5{fill:#6b7280}\n"
	"svg polyline.l0,svg polyline.l1,svg polyline.l2,svg polyline.l3,svg polyline.l4,"
	"svg polyline.l5{fill:none}\n"
	"svg polyline.trend{stroke:#1d2330;stroke-width:1.5;stroke-dasharray:5 3}"
	"svg .lg rect.trend{fill:#1d2330}\n"
	"svg .ts{fill:#c2412d}svg .tr{fill:#2f6db5}svg .ef{fill:#3b9a57}\n"
	"svg circle.ts{r:4.5px}svg circle.rc{r:7px;fill:#c2412d}\n"
	"svg .ph{stroke:#fff;stroke-width:1}\n"
	"svg .ph-base{fill:#cfe0f3}svg .ph-build{fill:#9cc2ea}svg .ph-peak{fill:#f2b36f}"
	"svg .ph-taper{fill:#f7d59c}svg .ph-race{fill:#e06a5a}svg .ph-recovery{fill:#bfe3c6}\n"
	"svg .pl{font-size:11px;fill:#1d2330}\n"
	"svg .dl{fill:#8a93a3}\n"
	"svg .now{stroke:#c2412d;stroke-width:1.5}svg .nl{fill:#c2412d}\n"
	"svg .iv path{stroke:#1d2330;stroke-width:2;fill:none}svg .iv circle{fill:#2f6db5}\n"
	"svg .el{font-size:12px}\n"
	"table{width:100%;border-collapse:collapse;background:#fff;font-size:.9rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}\n"
	"th{background:#eef1f5}td:first-child{white-space:nowrap}\n"
	"td ul{margin:0;padding-left:1.1em}\n"
	"ul.findings{background:#fff;border:1px solid var(--line);border-radius:8px;"
	"margin:12px 0;padding:8px 12px 8px 28px}ul.findings li{margin:.25em 0}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	".none{color:var(--mute)}\n"
	"footer{margin-top:24px;font-size:.8rem;color:var(--mute)}\n"
	/* a phone: charts keep a legible size and scroll sideways; the table
	 * becomes one card per session */
	"@media (max-width:600px){body{font-size:14px}main{padding:10px 8px 24px}"
	"figure.chart{overflow-x:auto}figure.chart svg{min-width:540px}"
	"thead{display:none}table,tbody,tr,td{display:block;width:100%}"
	"tr{border-bottom:2px solid var(--line)}td{border:none;padding:4px 8px}"
	"td:first-child{font-weight:600;white-space:normal}}\n"
	"@page{size:A4;margin:12mm}\n"
	"@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}"
	"figure.chart{border:none;padding:0}h2{break-after:avoid;page-break-after:avoid}}\n";

void co_report_html_sessions(co_strbuf *out, const co_report_data *d)
{
	const co_plan *p = d->plan;
	co_date from = d->today, to;
	size_t shown = 0;
	char a[11], b[11];

	if (p && p->start > from)
		from = p->start;
	to = from + SESSION_DAYS - 1;
	co_strbuf_addf(out, "<section id=\"sessions\">\n<h2>Sessions from %s to %s</h2>\n",
		       co_date_format(from, a), co_date_format(to, b));
	for (size_t w = 0; p && w < p->n_weeks; w++) {
		const co_week *wk = &p->weeks[w];

		if (wk->start > to || wk->start + 6 < from)
			continue;
		for (size_t i = 0; i < wk->n_sessions; i++) {
			const co_session *s = &wk->sessions[i];

			if (s->date < from || s->date > to)
				continue;
			if (!shown++)
				co_strbuf_adds(out, "<table>\n<thead><tr><th>Date</th><th>Session</th>"
						    "<th>Exercises</th></tr></thead>\n<tbody>\n");
			co_strbuf_addf(out, "<tr><td>%s<br>%s</td><td>", co_report_day_short(s->date),
				       co_date_format(s->date, a));
			co_report_escape(out, co_report_focus_title(s->focus, CO_REPORT_RICH));
			co_strbuf_addf(out, "<br><span class=\"none\">%s, week %d, about %d min</span>"
					    "</td><td><ul>",
				       co_report_phase_word(wk->phase), wk->index, s->minutes);
			/* the work: test, main and accessory items; a session with
			 * none (a recovery session of mobility) shows its warm-up and
			 * cool-down instead, so no row is empty */
			bool work = s->blocks[CO_BLOCK_TEST].n_items || s->blocks[CO_BLOCK_MAIN].n_items ||
				    s->blocks[CO_BLOCK_ACCESSORY].n_items;

			for (int k = 0; k < CO_BLOCK_COUNT; k++) {
				const co_block *bl = &s->blocks[k];

				if (work && (k == CO_BLOCK_WARMUP || k == CO_BLOCK_COOLDOWN))
					continue;
				for (size_t j = 0; j < bl->n_items; j++) {
					const co_item *it = &bl->items[j];
					co_strbuf dose = CO_STRBUF_INIT;

					co_report_add_dose(&dose, it, p->units, CO_REPORT_RICH);
					co_strbuf_adds(out, "<li><b>");
					co_report_escape(out, it->exercise ? it->exercise->name : "?");
					co_strbuf_adds(out, "</b> ");
					co_report_escape(out, dose.buf);
					if (k == CO_BLOCK_TEST)
						co_strbuf_adds(out, " (baseline test)");
					co_strbuf_adds(out, "</li>");
					co_strbuf_release(&dose);
				}
			}
			if (s->strides) {
				co_strbuf st = CO_STRBUF_INIT;

				co_report_add_strides(&st, s, CO_REPORT_RICH);
				co_strbuf_adds(out, "<li><b>Strides</b> ");
				co_report_escape(out, st.buf);
				co_strbuf_adds(out, "</li>");
				co_strbuf_release(&st);
			}
			co_strbuf_adds(out, "</ul></td></tr>\n");
		}
	}
	if (shown)
		co_strbuf_adds(out, "</tbody>\n</table>\n");
	else if (p && p->n_weeks && from > p->weeks[p->n_weeks - 1].start + 6)
		co_strbuf_adds(out, "<p class=\"none\">The plan has ended: no session left.</p>\n");
	else
		co_strbuf_adds(out, "<p class=\"none\">No lifting session planned in these two "
				    "weeks.</p>\n");
	co_strbuf_adds(out, "</section>\n");
}

static void stat(co_strbuf *out, const char *label, size_t n)
{
	co_strbuf_addf(out, "<li><b>%zu</b>%s</li>", n, label);
}

void co_report_html(co_strbuf *out, const co_report_data *d)
{
	const co_plan *p = d->plan;
	const co_history *h = d->history;
	const char *name = p && p->athlete && *p->athlete ? p->athlete : "Athlete";
	char a[11], b[11], c[11];
	size_t runs = 0, sessions = 0, sets = 0, tests = 0;

	co_strbuf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			    "<title>Training report: ");
	co_report_escape(out, name);
	co_strbuf_addf(out, ", %s</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<header>\n"
			    "<h1>", co_date_format(d->today, a), css);
	co_report_escape(out, name);
	co_strbuf_adds(out, "</h1>\n");
	if (p && p->n_weeks)
		co_strbuf_addf(out, "<p>Season plan: %zu weeks, %s to %s. Report of %s.</p>\n",
			       p->n_weeks, co_date_format(p->start, a),
			       co_date_format(p->weeks[p->n_weeks - 1].start + 6, b),
			       co_date_format(d->today, c));
	for (size_t i = 0; p && i < p->n_races; i++) {
		co_strbuf_adds(out, i ? ", " : "<p>Races: ");
		co_report_escape(out, p->races[i].name);
		co_strbuf_addf(out, " (%s, ", co_date_format(p->races[i].date, a));
		co_report_add_distance(out, p->races[i].distance_km, p->distance_units);
		co_strbuf_addf(out, ", %s)", co_report_priority_word(p->races[i].priority));
		if (i + 1 == p->n_races)
			co_strbuf_adds(out, "</p>\n");
	}
	for (size_t i = 0; h && i < h->n_runs; i++)
		runs += h->runs[i].date <= d->today;
	for (size_t i = 0; h && i < h->n_sessions; i++)
		sessions += h->sessions[i].date <= d->today && !h->sessions[i].skipped;
	for (size_t i = 0; h && i < h->n_sets; i++)
		sets += h->sets[i].date <= d->today;
	for (size_t i = 0; h && i < h->n_tests; i++)
		tests += h->tests[i].date <= d->today;
	co_strbuf_adds(out, "<ul class=\"stats\">");
	stat(out, "runs logged", runs);
	stat(out, "lifting sessions", sessions);
	stat(out, "working sets", sets);
	stat(out, "baseline tests", tests);
	co_strbuf_adds(out, "</ul>\n");
	if (!runs && !sessions && !sets && !tests)
		co_strbuf_adds(out, "<p>Nothing is logged yet, so the charts of what happened are "
				    "empty: 'carryover log' and 'carryover import' fill them.</p>\n");
	co_strbuf_adds(out, "</header>\n<h2>The season</h2>\n");
	co_report_chart_timeline(out, d);
	co_report_html_sessions(out, d);
	co_strbuf_adds(out, "<h2>Load</h2>\n");
	co_report_chart_load(out, d);
	co_report_chart_fitness(out, d);
	co_strbuf_adds(out, "<h2>Strength</h2>\n");
	co_report_chart_e1rm(out, d);
	co_strbuf_adds(out, "<h2>Running</h2>\n");
	co_report_chart_threshold(out, d);
	co_report_chart_efficiency(out, d);
	co_strbuf_adds(out, "<h2>Is the lifting hurting or helping the running?</h2>\n");
	co_report_chart_effect(out, d);
	co_report_html_findings(out, d);
	if (p && (p->n_notes || p->n_warnings)) {
		co_strbuf_adds(out, "<h2>Notes</h2>\n<ul>\n");
		for (size_t i = 0; i < p->n_notes; i++) {
			co_strbuf_adds(out, "<li>");
			co_report_escape(out, p->notes[i]);
			co_strbuf_adds(out, "</li>\n");
		}
		for (size_t i = 0; i < p->n_warnings; i++) {
			co_strbuf_adds(out, "<li>");
			co_report_escape(out, p->warnings[i]);
			co_strbuf_adds(out, "</li>\n");
		}
		co_strbuf_adds(out, "</ul>\n");
	}
	co_strbuf_adds(out, "<footer>");
	if (d->generator) {
		co_strbuf_adds(out, "Made by ");
		co_report_escape(out, d->generator);
		co_strbuf_adds(out, ". ");
	}
	co_strbuf_adds(out, "A self-contained page: no network, no script.</footer>\n"
			    "</main>\n</body>\n</html>\n");
}
