/*
 * libFuzzer target for the athlete profile reader. Any input must give a
 * profile or a one-line CO_EINPUT message with a location, never a crash,
 * leak or hang; and a profile that was read must write a template that
 * reads back (what `carryover init` relies on).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/athlete.h"
#include "carryover/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	co_profile *p = NULL, *q = NULL;
	const co_date today = 20817; /* 2026-12-30 */
	char *text;

	if (co_profile_parse(&p, (const char *)data, size, "fuzz.ini", today) != CO_OK) {
		const char *msg = co_error_last();
		if (co_error_last_code() != CO_EINPUT || strncmp(msg, "fuzz.ini:", 9) ||
		    strchr(msg, '\n'))
			abort();
		return 0;
	}
	text = co_profile_template(p);
	if (co_profile_parse(&q, text, strlen(text), "template.ini", today) != CO_OK)
		abort();
	free(text);
	co_profile_free(q);
	co_profile_free(p);
	return 0;
}
