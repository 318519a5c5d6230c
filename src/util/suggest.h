/*
 * "Did you mean ...?" for names a user typed: the closest candidate by
 * Damerau-Levenshtein distance (case-insensitive), if it is close enough to
 * be a plausible typo.
 */
#ifndef CO_UTIL_SUGGEST_H
#define CO_UTIL_SUGGEST_H

#include <stddef.h>

/** Edit distance between a and b (case-insensitive, transpositions cost 1). */
size_t co_edit_distance(const char *a, const char *b);

/**
 * Incremental search: init, offer each candidate, read best. A suggestion is
 * only kept when its distance is at most max(2, strlen(typed) / 3).
 */
typedef struct co_suggest {
	const char *typed;
	const char *best; /* NULL when nothing is close enough */
	size_t best_dist;
} co_suggest;

void co_suggest_init(co_suggest *s, const char *typed);
void co_suggest_offer(co_suggest *s, const char *candidate);

/** Convenience over a NULL-terminated array of names. */
const char *co_suggest_from(const char *typed, const char *const *names);

#endif
