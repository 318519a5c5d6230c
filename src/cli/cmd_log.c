/*
 * carryover log: what the athlete did, one command per entry.
 *
 *   carryover log EXERCISE SETS [rpe N[,N...]] [note TEXT]   3x8@60, 8,8,7@60kg, 3x40s
 *   carryover log session 45min [rpe 6] [note TEXT]
 *   carryover log done [DATE] | skip [DATE] [REASON]
 *   carryover log run TYPE 50min 10.2km [rpe 7] [hr 150]
 *   carryover log run-rpe ACTIVITY_ID|DATE RPE
 *   carryover log niggle SITE 0-10|clear
 *   carryover log test squat|calf|threshold|rm ...
 *   carryover log edit ID FIELD VALUE... | delete ID
 *
 * The words go to co_app_log(), which reads them (docs/cli/log.md is the
 * grammar), checks every value and writes in one transaction; this file
 * prints what was written, one line per entry, as `history` does.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/log.h"
#include "cli/cli.h"
#include "cli/opt.h"

static const char *date_text;

static const co_opt log_opts[] = {
	{CO_OPT_VALUE, "date", 0, &date_text, "DATE", "the day it happened (default: today)"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover log EXERCISE SETS [rpe N[,N...]] [note TEXT] [--date DATE]\n"
	      "       carryover log session DURATION [rpe N] [note TEXT]\n"
	      "       carryover log done [DATE]\n"
	      "       carryover log skip [DATE] [REASON]\n"
	      "       carryover log run TYPE [DURATION] [DISTANCE] [rpe N] [hr N] [note TEXT]\n"
	      "       carryover log run-rpe ACTIVITY_ID|DATE RPE\n"
	      "       carryover log niggle SITE SEVERITY|clear [note TEXT]\n"
	      "       carryover log test squat left|right BOX_CM good|fair|poor\n"
	      "       carryover log test calf left|right REPS\n"
	      "       carryover log test threshold PACE | DURATION DISTANCE\n"
	      "       carryover log test rm EXERCISE REPS@LOAD\n"
	      "       carryover log edit ID FIELD VALUE [FIELD VALUE...]\n"
	      "       carryover log delete ID\n"
	      "\n"
	      "Record what you did. SETS: 3x8@60 (3 sets of 8 at 60 in your profile's\n"
	      "units), 8,8,7@60kg, 5@130lb, 3x40s (holds), 3x10 (bodyweight). Names are\n"
	      "catalogue ids or aliases (rdl, bss, ...). DURATION: 45min, 1h20, 1:05:00;\n"
	      "DISTANCE: 10.2km or 6.3mi; PACE: 4:15/km. Values out of sane bounds are\n"
	      "refused and nothing is written. Sets of a day form that day's session,\n"
	      "linked to the planned one. Ids (set-12, session-3, ...) are shown by\n"
	      "'carryover history'. DATE is YYYY-MM-DD, today, yesterday, -N days or a\n"
	      "weekday (the last such day). What you log steers the next weeks: loads\n"
	      "follow your logged sets and RPEs (D1-D3), niggles swap in regressions\n"
	      "(A8), fatigue signals cut accessories or bring a deload (D4, D5, C9).\n"
	      "docs/cli/log.md has every form.\n\n", f);
	co_opt_help(f, log_opts);
}

int cmd_log(co_cli *cli, int argc, char **argv)
{
	const co_opt_parser ps = {"log", log_opts, NULL, usage, false};
	co_app_log_result res = {0};
	co_opt_list words = {0};
	co_strbuf sb = CO_STRBUF_INIT;
	co_app *app = NULL;
	co_date date = CO_STORE_NO_DATE; /* today, unless --date says */
	co_date day;
	char day_text[11];
	int rc, err;

	date_text = NULL;
	if ((rc = co_cli_parse(cli, &ps, &words, argc, argv)) != CO_EXIT_OK) {
		rc = rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
		goto done;
	}
	if (!words.n) {
		usage(stderr);
		rc = CO_EXIT_USAGE;
		goto done;
	}
	if (date_text && co_cli_date_parse_past(&date, date_text, co_app_today(NULL)) < 0) {
		rc = co_cli_usage_error("--date: %s", co_error_last());
		goto done;
	}
	/* done/skip [DATE]: the command line's date forms, as YYYY-MM-DD for the log */
	if (words.n >= 2 && (!strcmp(words.items[0], "done") || !strcmp(words.items[0], "skip")) &&
	    !isdigit((unsigned char)words.items[1][0]) &&
	    co_cli_date_parse_past(&day, words.items[1], co_app_today(NULL)) == CO_OK) {
		co_date_format(day, day_text);
		words.items[1] = day_text;
	} else {
		co_error_clear();
	}
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	if ((err = co_app_log(&res, app, words.items, words.n, date)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	for (size_t i = 0; i < res.n; i++) {
		co_strbuf_reset(&sb);
		co_cli_log_line(&sb, &res.entries[i]);
		printf("%s %s\n", res.action, sb.buf);
	}
done:
	co_strbuf_release(&sb);
	co_app_log_result_release(&res);
	co_opt_list_release(&words);
	return rc;
}
