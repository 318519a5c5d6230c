/*
 * libFuzzer target for the iCalendar runs reader: any bytes must give 0 or
 * CO_EINPUT, never a crash, a leak or undefined behaviour, and a failed
 * read must leave the calendar empty. Seeds: tests/fuzz/corpus/ics/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "carryover/carryover.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_calendar cal;
	int rc;

	co_calendar_init(&cal);
	rc = co_calendar_read_ics(&cal, (const char *)data, size, "fuzz.ics");
	if (rc != 0 && rc != CO_EINPUT)
		abort();
	if (rc != 0 && (cal.n_runs || cal.n_races || cal.n_warnings))
		abort();
	for (size_t i = 0; i < cal.n_runs; i++)
		if (cal.runs[i].minutes < 0 || cal.runs[i].minutes > 600)
			abort();
	co_calendar_release(&cal);
	return 0;
}
