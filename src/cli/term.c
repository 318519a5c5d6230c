/*
 * The terminal the CLI writes to: how wide it is and whether to colour.
 *
 * Width: the terminal's own (ioctl TIOCGWINSZ) when standard output is
 * one, else $COLUMNS when it is a number, else 80, as ls and git do; so a
 * pipe or a file gets 80 columns unless COLUMNS says otherwise (the golden
 * outputs are taken with COLUMNS=80). Colour: only on a terminal, never
 * with NO_COLOR set and not empty (no-color.org) or TERM=dumb. The report
 * layer lays text out to what co_cli_term_setup() tells it. Block
 * characters (sparklines of status and analyze): when the locale names
 * UTF-8 and the terminal is not dumb; NO_COLOR does not change them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "carryover/report.h"
#include "cli/cli.h"

int co_cli_term_width(int fd)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	char *end;
	long n;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && *env) {
		n = strtol(env, &end, 10);
		if (!*end && n > 0 && n <= 10000)
			return (int)n;
	}
	return 80;
}

bool co_cli_term_colour(int fd)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (no && *no)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fd) != 0;
}

void co_cli_term_setup(void)
{
	co_report_text_setup(co_cli_term_width(STDOUT_FILENO), co_cli_term_colour(STDOUT_FILENO));
}

bool co_cli_term_utf8(void)
{
	const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"}, *v = NULL, *term = getenv("TERM");
	char low[64];
	size_t i;

	if (term && !strcmp(term, "dumb"))
		return false;
	for (i = 0; i < 3 && !(v && *v); i++)
		v = getenv(names[i]);
	if (!v || !*v)
		return false;
	for (i = 0; v[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)tolower((unsigned char)v[i]);
	low[i] = '\0';
	return strstr(low, "utf-8") || strstr(low, "utf8");
}
