/*
 * libFuzzer target for the iCalendar runs reader (libical underneath): any
 * bytes must give 0 or CO_EINPUT, never a crash, a leak or undefined
 * behaviour; a failed read must leave the calendar empty; and the work
 * stays inside the reader's bounds (events, occurrences expanded, runs
 * kept). Half of the inputs are read with a plan's window, so that
 * icalrecur_iterator_set_start is driven too. Seeds: tests/fuzz/corpus/ics/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "carryover/carryover.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_calendar cal;
	co_ics_read io = {0};
	int rc;

	if (size && (data[size - 1] & 1)) {
		io.from = co_date_from_ymd(2027, 1, 4);
		io.to = io.from + 105 * 7;
	}
	co_calendar_init(&cal);
	rc = co_calendar_read_ics_with(&cal, (const char *)data, size, "fuzz.ics", &io);
	if (rc != 0 && rc != CO_EINPUT)
		abort();
	if (rc != 0 && (cal.n_runs || cal.n_races || cal.n_warnings))
		abort();
	if (io.events > CO_ICS_MAX_EVENTS || io.expanded > CO_ICS_MAX_EXPANDED)
		abort();
	/* each event gives its own date, or the dates its rule and RDATEs expand to */
	if (cal.n_runs + cal.n_races > io.events + io.expanded)
		abort();
	for (size_t i = 0; i < cal.n_runs; i++)
		if (cal.runs[i].minutes < 0 || cal.runs[i].minutes > 600)
			abort();
	co_calendar_release(&cal);
	return 0;
}
