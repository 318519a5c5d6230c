/*
 * libFuzzer target for the plan JSON reader (`carryover check PLAN.json`):
 * any bytes give 0 or CO_EINPUT; a plan that parses writes back to JSON
 * that parses again to the same text. Seeds: tests/fuzz/corpus/json/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const co_catalog *cat = co_catalog_default();
	co_plan *plan = NULL, *again = NULL;
	char *a = NULL, *b = NULL;
	int rc;

	rc = co_json_parse_plan(&plan, (const char *)data, size, "fuzz.json", cat);
	if (rc != 0 && rc != CO_EINPUT)
		abort();
	if (rc == 0) {
		if (co_plan_to_json(&a, plan, 0, 0) != 0 ||
		    co_json_parse_plan(&again, a, strlen(a), "again.json", cat) != 0 ||
		    co_plan_to_json(&b, again, 0, 0) != 0 || strcmp(a, b))
			abort();
	}
	free(a);
	free(b);
	co_plan_free(again);
	co_plan_free(plan);
	return 0;
}
