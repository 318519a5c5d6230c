/*
 * libFuzzer target for the CSV runs reader: any bytes must give 0 or
 * CO_EINPUT, never a crash, a leak or undefined behaviour; a failed read
 * adds nothing, and every run read is in range. Seeds: tests/fuzz/corpus/csv/.
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
	rc = co_calendar_read_csv(&cal, (const char *)data, size, "fuzz.csv");
	if (rc != 0 && rc != CO_EINPUT)
		abort();
	if (rc != 0 && (cal.n_runs || cal.n_races))
		abort();
	for (size_t i = 0; i < cal.n_runs; i++)
		if (cal.runs[i].minutes < 0 || cal.runs[i].minutes > 600 ||
		    cal.runs[i].rpe < 0 || cal.runs[i].rpe > 10)
			abort();
	co_calendar_release(&cal);
	return 0;
}
