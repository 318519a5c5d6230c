/*
 * The memory of training-log entries (carryover/log.h): what every backend
 * and every caller shares, holding no store handle. An entry returned by a
 * backend owns each of its strings; releasing it frees them one by one.
 * The names of the kinds and the KIND-NUMBER ids are carryover/log.h's
 * (inline) and src/lib/log.c's.
 */
#include <stdlib.h>

#include "carryover/log.h"

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
