/*
 * What every writer of the training log shares (carryover/log.h): reading
 * an entry id ("set-12"; the kind names and the writing are inline in the
 * header), the pound, and set numbering per exercise within a session. The importers of
 * lifting logs and of watch strength sessions and `carryover log` used to
 * carry a copy each.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/log.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/vec.h"

int co_log_id_parse(co_log_kind *kind, int64_t *id, const char *text)
{
	const char *dash = strrchr(text, '-');

	if (dash && dash > text) {
		for (int k = 0; k < CO_LOG_KIND_COUNT; k++) {
			const char *name = co_log_kind_name((co_log_kind)k);
			size_t len = strlen(name);
			char *end = NULL;
			long long v;

			if ((size_t)(dash - text) != len || strncmp(text, name, len) != 0)
				continue;
			errno = 0;
			v = strtoll(dash + 1, &end, 10);
			if (dash[1] >= '0' && dash[1] <= '9' && end && !*end && !errno && v > 0) {
				*kind = (co_log_kind)k;
				*id = v;
				return 0;
			}
		}
	}
	return co_error_set(CO_EINPUT,
			    "'%s' is not a log entry id (expected KIND-NUMBER, e.g. 'set-12', "
			    "'session-3', 'run-4', 'niggle-2', 'test-1': see 'carryover history')",
			    text);
}

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
