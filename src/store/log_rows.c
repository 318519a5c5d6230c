/*
 * The memory and the names of training-log entries (carryover/log.h): what
 * every backend and every caller shares, holding no store handle.
 *
 * An entry returned by a backend owns each of its strings; releasing it
 * frees them one by one. An id as users type it is KIND-NUMBER ("set-12"):
 * the kinds live in separate tables, so a bare number would be ambiguous.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/log.h"

static const char *const kind_names[CO_LOG_KIND_COUNT] = {
	"set", "session", "run", "niggle", "test",
};

const char *co_log_kind_name(co_log_kind k)
{
	return (unsigned)k < CO_LOG_KIND_COUNT ? kind_names[k] : "?";
}

void co_log_entry_release(co_log_entry *e)
{
	if (!e)
		return;
	free(e->notes);
	free(e->planned_uid);
	free(e->status);
	free(e->title);
	free(e->source_hash);
	free(e->exercise);
	free(e->set_type);
	free(e->run_type);
	free(e->site);
	free(e->test_kind);
	free(e->side);
	free(e->unit);
	free(e->grade);
	free(e->test_exercise);
	*e = (co_log_entry)CO_LOG_ENTRY_INIT;
}

void co_log_list_free(co_log_entry *list, size_t n)
{
	if (!list)
		return;
	for (size_t i = 0; i < n; i++)
		co_log_entry_release(&list[i]);
	free(list);
}

char *co_log_id_format(co_log_kind kind, int64_t id, char *buf, size_t n)
{
	snprintf(buf, n, "%s-%lld", co_log_kind_name(kind), (long long)id);
	return buf;
}

int co_log_id_parse(co_log_kind *kind, int64_t *id, const char *text)
{
	const char *dash = strrchr(text, '-');

	if (dash && dash > text) {
		for (int k = 0; k < CO_LOG_KIND_COUNT; k++) {
			size_t len = strlen(kind_names[k]);
			char *end = NULL;
			long long v;

			if ((size_t)(dash - text) != len || strncmp(text, kind_names[k], len) != 0)
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
