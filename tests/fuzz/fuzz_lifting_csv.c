/*
 * libFuzzer target for the Strong and Hevy CSV reader: any bytes must give
 * 0 or CO_EINPUT, never a crash, a leak or undefined behaviour; a failed
 * read leaves an empty log; every set read belongs to a workout with a
 * 64-digit hash. Seeds: tests/fuzz/corpus/lifting_csv/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/log.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_lift_log log;
	int rc;

	(void)co_lift_csv_detect((const char *)data, size);
	rc = co_lift_csv_parse(&log, (const char *)data, size, "fuzz.csv", size % 2 ? "kg" : NULL);
	if (rc != 0 && rc != CO_EINPUT)
		abort();
	if (rc != 0 && log.n_workouts)
		abort();
	for (size_t i = 0; i < log.n_workouts; i++)
		if (strlen(log.workouts[i].hash) != 64 || (log.workouts[i].n_sets && !log.workouts[i].sets))
			abort();
	co_lift_log_free(&log);
	return 0;
}
