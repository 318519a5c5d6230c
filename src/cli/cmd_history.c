/*
 * carryover history: the training log, oldest first.
 *
 *   carryover history [--since DATE] [--until DATE] [--json]
 *
 * One line per entry (its id, date, kind and what it says), or the JSON
 * array of docs/cli/history.md. The line wording lives here because `log`
 * prints the entries it wrote the same way (co_cli_log_line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"
#include "carryover/log.h"
#include "cli/cli.h"
#include "cli/opt.h"

static const char *since_text, *until_text;
static bool json;

static const co_opt history_opts[] = {
	{CO_OPT_VALUE, "since", 0, &since_text, "DATE", "only entries on or after DATE"},
	{CO_OPT_VALUE, "until", 0, &until_text, "DATE", "only entries on or before DATE"},
	{CO_OPT_FLAG, "json", 0, &json, NULL, "the JSON array of docs/cli/history.md"},
	{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: carryover history [--since DATE] [--until DATE] [--json]\n\n"
	      "The training log of the athlete, oldest first: sets, sessions, runs,\n"
	      "niggles and baseline tests, each with the id that 'carryover log edit'\n"
	      "and 'carryover log delete' take (set-12, session-3, run-4, niggle-2,\n"
	      "test-1). DATE is YYYY-MM-DD, today, yesterday, -N days or a weekday (the\n"
	      "last such day); --since after --until is refused.\n\n", f);
	co_opt_help(f, history_opts);
}

static void num(co_strbuf *sb, const char *before, double v, const char *after)
{
	if (v >= 0)
		co_strbuf_addf(sb, "%s%g%s", before, v, after);
}

void co_cli_log_line(co_strbuf *sb, const co_log_entry *e)
{
	char id[40], day[11];

	co_log_id_format(e->kind, e->id, id, sizeof(id));
	co_strbuf_addf(sb, "%-12s %s  %-7s ", id, co_date_format(e->date, day),
		       co_log_kind_name(e->kind));
	switch (e->kind) {
	case CO_LOG_SET:
		co_strbuf_addf(sb, "%s%s #%d", e->exercise, e->unmapped ? " (unmapped)" : "",
			       e->set_no);
		if (e->reps >= 0)
			co_strbuf_addf(sb, " %d reps", e->reps);
		if (e->seconds >= 0)
			co_strbuf_addf(sb, " %gs", e->seconds);
		if (e->load >= 0)
			co_strbuf_addf(sb, " @ %g %s", e->load, e->load_unit);
		else
			co_strbuf_adds(sb, " bodyweight");
		num(sb, " rpe ", e->rpe, "");
		if (e->set_type)
			co_strbuf_addf(sb, " (%s)", e->set_type);
		break;
	case CO_LOG_SESSION:
		co_strbuf_adds(sb, e->status ? e->status : "logged");
		if (e->title)
			co_strbuf_addf(sb, " '%s'", e->title);
		if (e->minutes >= 0)
			co_strbuf_addf(sb, " %.0fmin", e->minutes);
		num(sb, " rpe ", e->rpe, "");
		if (e->planned_uid)
			co_strbuf_adds(sb, " (planned)");
		break;
	case CO_LOG_RUN:
		co_strbuf_adds(sb, e->run_type);
		if (e->minutes >= 0)
			co_strbuf_addf(sb, " %.0fmin", e->minutes);
		if (e->distance_km >= 0) {
			char km[32];
			size_t k = (size_t)snprintf(km, sizeof(km), "%.2f", e->distance_km);

			while (k > 1 && km[k - 1] == '0')
				km[--k] = '\0';
			if (km[k - 1] == '.')
				km[--k] = '\0';
			co_strbuf_addf(sb, " %skm", km);
		}
		if (e->minutes > 0 && e->distance_km > 0) {
			long p = (long)(e->minutes * 60 / e->distance_km + 0.5);

			co_strbuf_addf(sb, " (%ld:%02ld/km)", p / 60, p % 60);
		}
		num(sb, " rpe ", e->rpe, "");
		if (e->avg_hr > 0)
			co_strbuf_addf(sb, " hr %d", e->avg_hr);
		if (e->activity_id > 0)
			co_strbuf_addf(sb, " (activity %lld)", (long long)e->activity_id);
		break;
	case CO_LOG_NIGGLE:
		co_strbuf_addf(sb, "%s %d/10", e->site, e->severity);
		if (e->resolved)
			co_strbuf_addf(sb, ", cleared %s", co_date_format(e->resolved, day));
		break;
	case CO_LOG_TEST:
		co_strbuf_adds(sb, e->test_kind);
		if (e->test_exercise)
			co_strbuf_addf(sb, " %s %dRM", e->test_exercise, e->test_reps);
		if (e->side)
			co_strbuf_addf(sb, " %s", e->side);
		if (!strcmp(e->unit, "s/km"))
			co_strbuf_addf(sb, " %ld:%02ld/km", (long)e->value / 60, (long)e->value % 60);
		else
			co_strbuf_addf(sb, " %g %s", e->value, e->unit);
		if (e->grade)
			co_strbuf_addf(sb, " control %s", e->grade);
		break;
	default:
		break;
	}
	if (e->notes)
		co_strbuf_addf(sb, " \"%s\"", e->notes);
}

/* Entries of the whole log, for the words of an empty range. */
static size_t count_all(co_app *app)
{
	co_log_entry *all = NULL;
	size_t n = 0;

	if (co_app_history(&all, &n, app, CO_STORE_NO_DATE, CO_STORE_NO_DATE) < 0) {
		co_error_clear();
		return 0;
	}
	co_log_list_free(all, n);
	return n;
}

int cmd_history(co_cli *cli, int argc, char **argv)
{
	const co_opt_parser ps = {"history", history_opts, NULL, usage, false};
	co_date since = CO_STORE_NO_DATE, until = CO_STORE_NO_DATE;
	co_log_entry *list = NULL;
	co_strbuf sb = CO_STRBUF_INIT;
	co_app *app = NULL;
	char *text = NULL, range[64];
	size_t n = 0, stored = 0;
	int rc, err;

	since_text = until_text = NULL;
	json = false;
	if ((rc = co_cli_parse(cli, &ps, NULL, argc, argv)) != CO_EXIT_OK)
		return rc == CO_OPT_HELP ? CO_EXIT_OK : rc;
	if ((rc = co_cli_date_range(&since, &until, since_text, until_text)) != CO_EXIT_OK)
		return rc;
	if ((rc = co_cli_app(&app, cli)) != CO_EXIT_OK)
		goto done;
	if ((err = co_app_history(&list, &n, app, since, until)) < 0) {
		rc = co_cli_fail(err);
		goto done;
	}
	if (json) {
		co_log_to_json(&text, list, n);
		fputs(text, stdout);
	} else if (!n && (stored = count_all(app)) > 0) {
		co_cli_range_words(range, sizeof(range), since, until);
		printf("nothing logged%s (%zu stored)\n", range, stored);
	} else if (!n) {
		puts("nothing logged yet: 'carryover log rdl 3x8@60 rpe 7' logs sets");
	} else {
		for (size_t i = 0; i < n; i++) {
			co_strbuf_reset(&sb);
			co_cli_log_line(&sb, &list[i]);
			puts(sb.buf);
		}
	}
done:
	free(text);
	co_strbuf_release(&sb);
	co_log_list_free(list, n);
	return rc;
}
