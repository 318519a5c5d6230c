/*
 * libFuzzer target for the TCX reader. Any input must give activities or a
 * one-line CO_EINPUT / CO_EUNSUPPORTED message that names the file, never a
 * crash, leak or hang; every activity keeps the activity.h invariants; and
 * where the input is cut into two feeds must not change the outcome.
 */
#include "fuzz_xmltrack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_xmltrack(CO_XMLTRACK_TCX, "fuzz.tcx", data, size);
}
