/*
 * Instants as ISO 8601 text: "2024-05-01T06:30:00Z" in UTC, or
 * "2024-05-01T08:30:00+02:00" in the local time of a known UTC offset.
 * Pure arithmetic on Unix seconds (through co_date): no time zone database,
 * no mktime(), so the text never depends on the machine's TZ.
 *
 * The UTC form is public as co_iso_utc() (carryover/date.h; the CLI prints
 * it, and carryover/import.h keeps its older name co_import_iso_utc()).
 * Both are defined in src/util/isotime.c.
 */
#ifndef CO_UTIL_ISOTIME_H
#define CO_UTIL_ISOTIME_H

#include <stdint.h>

/**
 * Format Unix seconds `t` as the local time of `offset_s` (local time minus
 * UTC) with that offset: "2019-06-15T05:42:23-04:00". Returns out.
 */
char *co_iso_local(char out[32], int64_t t, int32_t offset_s);

#endif
