#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/suggest.h"

#define MAXLEN 64

size_t co_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t d[MAXLEN + 1][MAXLEN + 1];

	if (la > MAXLEN || lb > MAXLEN)
		return la > lb ? la : lb;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

void co_suggest_init(co_suggest *s, const char *typed)
{
	s->typed = typed;
	s->best = NULL;
	s->best_dist = (size_t)-1;
}

void co_suggest_offer(co_suggest *s, const char *candidate)
{
	size_t len = strlen(s->typed);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	size_t d = co_edit_distance(s->typed, candidate);

	if (d <= limit && d < s->best_dist && d < len) {
		s->best = candidate;
		s->best_dist = d;
	}
}

const char *co_suggest_from(const char *typed, const char *const *names)
{
	co_suggest s;

	co_suggest_init(&s, typed);
	for (; *names; names++)
		co_suggest_offer(&s, *names);
	return s.best;
}
