/*
 * carryover analyze: is it working.
 *
 *   carryover analyze [--json]
 *
 * The findings of the athlete's history (docs/cli/analyze.md): the effect
 * of lifting on the runs of the 2 days after it (METHOD D8) by session
 * focus and run type, threshold pace, efficiency and decoupling trends with
 * the strength phases alongside, the e1RM of each main lift, left/right
 * asymmetry of the baseline tests, and the load. Every figure has its 95%
 * interval and sample size, or says there were too few runs to say.
 * --json is {"findings": [...]}.
 *
 * Sparklines use block characters when the locale is UTF-8, as `status`
 * does (co_cli_term_utf8(), term.c), else an ASCII ramp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"

static bool json;

static const co_opt analyze_opts[] = {
	{CO_OPT_FLAG, "json", 0, &json, NULL, "{\"findings\": [...]}, as docs/cli/analyze.md says"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover analyze [--json]\n\n"
	      "Is it working: what your log says, each figure with its 95% interval and\n"
	      "how many runs or weeks it rests on, or \"too few runs to say\".\n"
	      "  - lifting and the runs after it (METHOD D8): RPE, and heart rate at equal\n"
	      "    pace, of runs in the 2 days after a session (by focus, A or B, and by\n"
	      "    run type) against runs of the same type with no session in the 2 days\n"
	      "    before; Welch's t interval, pooled over run types; 5 runs a side at least;\n"
	      "  - threshold pace, efficiency factor and decoupling of easy runs: trends\n"
	      "    over the last 52 weeks (Theil-Sen slope per 4 weeks, Sen's interval),\n"
	      "    with the plan's phases alongside;\n"
	      "  - the e1RM of each main lift (sets at RPE 7 or more) and its trend;\n"
	      "  - baseline tests left against right, over 10% apart flagged;\n"
	      "  - weekly running and lifting load, CTL/ATL/TSB, monotony.\n"
	      "Trends show as sparklines, one character a week.\n\n", f);
	co_opt_help(f, analyze_opts);
}

int cmd_analyze(co_cli *cli, int argc, char **argv)
{
	const co_opt_parser ps = {"analyze", analyze_opts, NULL, usage, false};
	co_app_analysis an;
	co_strbuf sb = CO_STRBUF_INIT;
	co_app *app = NULL;
	char *out = NULL;
	int rc, err;

	memset(&an, 0, sizeof(an));
	json = false;
	if ((rc = co_cli_start(&app, cli, &ps, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	if ((err = co_app_analyze(&an, app)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	co_report_analysis_words(&an.analysis, an.profile->distance_units);
	if (json) {
		if ((err = co_analysis_to_json(&out, &an.analysis)) < 0) {
			rc = co_cli_fail(err);
			goto done;
		}
		fputs(out, stdout);
	} else {
		co_report_analysis_text(&sb, &an.analysis, an.profile->distance_units,
					co_cli_term_utf8());
		fputs(sb.buf, stdout);
	}
done:
	free(out);
	co_strbuf_release(&sb);
	co_app_analysis_release(&an);
	return rc;
}
