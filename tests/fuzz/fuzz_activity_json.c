/*
 * libFuzzer target for the activity documents of src/formats/json.c
 * (`carryover activities --json`). The input is four NUL-separated fields
 * of a stored row: source file name, device, summary_json and laps_json,
 * any bytes (invalid UTF-8, control characters, damaged JSON). Whatever
 * they hold, the list must be written and must parse as one activity whose
 * source is a string. Parsed here with jansson as an independent reader.
 * Seeds: tests/fuzz/corpus/activity_json/.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/carryover.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_store_activity_row row = CO_STORE_ACTIVITY_ROW_INIT;
	char *copy = malloc(size + 1), *field[4] = {NULL, NULL, NULL, NULL}, *p, *out = NULL;
	json_t *root;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	p = copy;
	for (int i = 0; i < 4 && p <= copy + size; i++) {
		field[i] = p;
		p += strlen(p) + 1;
	}
	row.id = 1;
	row.hash = "h";
	row.sport = "running";
	row.source = field[0];
	row.device = field[1];
	row.summary_json = field[2];
	row.laps_json = field[3];
	if (co_activities_to_json(&out, &row, 1) != 0)
		abort();
	root = json_loads(out, 0, NULL);
	if (!root || json_array_size(root) != 1 ||
	    !json_is_string(json_object_get(json_array_get(root, 0), "source")))
		abort();
	json_decref(root);
	free(out);
	free(copy);
	return 0;
}
