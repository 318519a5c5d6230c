/*
 * Dates as every command takes them (co_cli_date_parse, cli.h): a DATE
 * operand or option value of week, session, log, history, activities and
 * export fit is YYYY-MM-DD, today, tomorrow, yesterday, +N or -N days, or a
 * weekday name. One parser, so the forms docs/cli/week.md lists work
 * everywhere; a bare weekday looks forward where the command plans (week,
 * session, export fit: the next such day) and back where it records or
 * lists what was done (log, history, activities: the last such day), today
 * included both ways.
 *
 * And the --since/--until pair of history and activities: the same
 * refusal of a reversed range and the same words for an empty one.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/carryover.h"
#include "cli/cli.h"

static int parse(co_date *out, const char *text, co_date today, bool back)
{
	int wd;

	if (!strcasecmp(text, "today")) {
		*out = today;
		return CO_OK;
	}
	if (!strcasecmp(text, "tomorrow")) {
		*out = today + 1;
		return CO_OK;
	}
	if (!strcasecmp(text, "yesterday")) {
		*out = today - 1;
		return CO_OK;
	}
	if ((text[0] == '+' || text[0] == '-') && isdigit((unsigned char)text[1])) {
		char *end;
		long n;

		errno = 0;
		n = strtol(text + 1, &end, 10);
		/* a season is months long; ten years either way is plenty and keeps dates valid */
		if (*end || errno || n > 3660)
			return co_error_set(CO_EINPUT,
					    "invalid date '%s' (expected +N or -N days, N at most 3660)",
					    text);
		*out = today + (co_date)(text[0] == '+' ? n : -n);
		return CO_OK;
	}
	if ((wd = co_weekday_parse(text)) >= 0) {
		int now = (int)co_date_weekday(today);

		/* "monday" on a Monday is today, either way */
		*out = back ? today - (co_date)((now - wd + 7) % 7)
			    : today + (co_date)((wd - now + 7) % 7);
		return CO_OK;
	}
	if (co_date_parse(out, text) < 0) {
		/* A written date keeps the parser's own words: "out of range",
		 * "not a real date" (issue 9.11). */
		if (isdigit((unsigned char)text[0]) && strchr(text, '-'))
			return CO_EINPUT;
		return co_error_set(CO_EINPUT,
				    "invalid date '%s' (expected YYYY-MM-DD, today, tomorrow, "
				    "yesterday, a weekday or +N/-N days)", text);
	}
	return CO_OK;
}

int co_cli_date_parse(co_date *out, const char *text, co_date today)
{
	return parse(out, text, today, false);
}

int co_cli_date_parse_past(co_date *out, const char *text, co_date today)
{
	return parse(out, text, today, true);
}

int co_cli_date_range(co_date *since, co_date *until, const char *since_text,
		      const char *until_text)
{
	co_date today = co_app_today(NULL);

	*since = *until = CO_STORE_NO_DATE;
	if (since_text && co_cli_date_parse_past(since, since_text, today) < 0)
		return co_cli_usage_error("--since: %s", co_error_last());
	if (until_text && co_cli_date_parse_past(until, until_text, today) < 0)
		return co_cli_usage_error("--until: %s", co_error_last());
	if (since_text && until_text && *since > *until)
		return co_cli_usage_error("--since %s is after --until %s (expected the earlier "
					  "date first)", since_text, until_text);
	return CO_EXIT_OK;
}

void co_cli_range_words(char *buf, size_t n, co_date since, co_date until)
{
	char a[11], b[11];

	if (since != CO_STORE_NO_DATE && until != CO_STORE_NO_DATE)
		snprintf(buf, n, " between %s and %s", co_date_format(since, a),
			 co_date_format(until, b));
	else if (since != CO_STORE_NO_DATE)
		snprintf(buf, n, " on or after %s", co_date_format(since, a));
	else if (until != CO_STORE_NO_DATE)
		snprintf(buf, n, " on or before %s", co_date_format(until, b));
	else
		*buf = '\0';
}
