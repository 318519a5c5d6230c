/*
 * carryover report: the athlete's season and training as one HTML page.
 *
 *   carryover report [-o FILE]
 *
 * The page (docs/cli/report.md) is self-contained: inline CSS and SVG
 * charts, no script, nothing fetched, so it opens offline and can be sent
 * to a coach as it is. The data is co_app_report_get()'s, the page
 * co_report_html()'s; this file parses the options and writes it: to
 * standard output, or with -o to FILE whole or not at all (util/outfile.c,
 * as every -o).
 *
 * The analysis is `carryover analyze`'s, computed once by
 * co_app_report_get(): its findings get their words here
 * (co_report_analysis_words(), in the profile's distance unit) and its
 * lift-effect findings become the effect chart's rows (co_report_effects()),
 * so the page and `analyze` show the same numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analyze.h"
#include "carryover/carryover.h"
#include "carryover/report.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/outfile.h"

static const char *out_path;

static const co_opt report_opts[] = {
	{CO_OPT_VALUE, "output", 'o', &out_path, "FILE",
	 "write FILE (whole or not at all) instead of standard output ('-': standard output)"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover report [-o FILE]\n\n"
	      "The season and the training so far as one HTML page you can open in any\n"
	      "browser, print on A4 or send to a coach: the season timeline (phases,\n"
	      "deloads, tests, races), weekly load running against lifting, fitness,\n"
	      "fatigue and form (CTL, ATL, TSB), e1RM of the main lifts, threshold pace,\n"
	      "efficiency of easy runs, the effect of lifting on the runs after it, the\n"
	      "findings of 'carryover analyze' in words (the same numbers), and the\n"
	      "sessions of the next two weeks. Self-contained: inline CSS and SVG,\n"
	      "no script, nothing fetched from the network. A chart without data says\n"
	      "what is missing. Without -o the page goes to standard output.\n\n", f);
	co_opt_help(f, report_opts);
}

int cmd_report(co_cli *cli, int argc, char **argv)
{
	const co_opt_parser ps = {"report", report_opts, NULL, usage, false};
	co_app_report r;
	co_strbuf sb = CO_STRBUF_INIT;
	co_app *app = NULL;
	char generator[64];
	co_report_effect effects[CO_REPORT_EFFECTS_MAX];
	size_t n_effects;
	int rc, err;

	memset(&r, 0, sizeof(r));
	out_path = NULL;
	if ((rc = co_cli_start(&app, cli, &ps, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	err = co_app_report_get(&r, app);
	if (co_app_notice(app))
		fprintf(stderr, "carryover: %s\n", co_app_notice(app));
	if (err < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	snprintf(generator, sizeof(generator), "carryover %s", co_version());
	co_report_analysis_words(&r.analysis, r.profile->distance_units);
	n_effects = co_report_effects(effects, CO_REPORT_EFFECTS_MAX, &r.analysis);
	co_report_data d = {.plan = r.plan, .history = &r.history, .series = &r.series,
			    .analysis = &r.analysis, .effects = effects, .n_effects = n_effects,
			    .today = r.today, .generator = generator};

	co_report_html(&sb, &d);
	if (out_path && strcmp(out_path, "-") != 0 && strcmp(out_path, "/dev/stdout") != 0) {
		if ((err = co_outfile_write(out_path, sb.buf, sb.len, 0)) < 0) {
			co_cli_fail(err);
			rc = CO_EXIT_USAGE;
		}
	} else {
		fwrite(sb.buf, 1, sb.len, stdout);
	}
done:
	co_strbuf_release(&sb);
	co_app_report_release(&r);
	return rc;
}
