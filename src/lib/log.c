/*
 * What every writer of the training log shares (carryover/log.h): the
 * pound, and set numbering per exercise within a session. The importers of
 * lifting logs and of watch strength sessions and `carryover log` used to
 * carry a copy each.
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/log.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

double co_load_kg(double load, const char *unit)
{
	return unit && !strcmp(unit, "lb") ? load * CO_KG_PER_LB : load;
}

struct co_set_numbers {
	co_strmap index; /* exercise -> index in count (keys are names[]) */
	char **names;
	int *count;
	size_t n, cap, cap_count;
};

co_set_numbers *co_set_numbers_new(void)
{
	return co_xcalloc(1, sizeof(co_set_numbers));
}

int co_set_numbers_next(co_set_numbers *sn, const char *exercise)
{
	size_t at;

	if (co_strmap_get(&sn->index, exercise, &at))
		return ++sn->count[at];
	at = sn->n;
	CO_VEC_GROW(sn->count, at + 1, sn->cap_count);
	sn->count[at] = 1;
	*CO_VEC_PUSH(sn->names, sn->n, sn->cap) = co_xstrdup(exercise);
	co_strmap_put(&sn->index, sn->names[at], at);
	return 1;
}

void co_set_numbers_reset(co_set_numbers *sn)
{
	for (size_t i = 0; i < sn->n; i++)
		free(sn->names[i]);
	sn->n = 0;
	co_strmap_release(&sn->index);
}

void co_set_numbers_free(co_set_numbers *sn)
{
	if (!sn)
		return;
	co_set_numbers_reset(sn);
	free(sn->names);
	free(sn->count);
	free(sn);
}
