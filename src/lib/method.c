/*
 * The METHOD definitions the engine shares (method.h): which patterns are
 * main-lift patterns (A1) and core work (A5), and the stable session uid.
 * Pure functions of their arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/method.h"

bool co_method_is_a1(co_pattern p)
{
	return p == CO_PATTERN_HINGE || p == CO_PATTERN_SQUAT || p == CO_PATTERN_SINGLE_LEG ||
	       p == CO_PATTERN_HIP_EXTENSION || p == CO_PATTERN_CARRY;
}

bool co_method_is_core(co_pattern p)
{
	return p == CO_PATTERN_ANTI_ROTATION || p == CO_PATTERN_ANTI_EXTENSION ||
	       p == CO_PATTERN_ANTI_LATERAL_FLEXION || p == CO_PATTERN_CARRY;
}

bool co_method_main_carry(const co_exercise *ex)
{
	return ex && ex->pattern == CO_PATTERN_CARRY && ex->id &&
	       (strstr(ex->id, "farmers") || strstr(ex->id, "suitcase") ||
		!strcmp(ex->id, "trap_bar_carry"));
}

/* FNV-1a: a stable 32-bit hash of the athlete's name. */
static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

void co_method_session_uid(char *out, const char *athlete, co_date date, int slot, bool test)
{
	uint32_t h = fnv1a(athlete);
	int y, m, d;

	co_date_to_ymd(date, &y, &m, &d);
	if (test)
		snprintf(out, CO_SESSION_UID_SIZE, "%04d%02d%02d-test-%08x@carryover", y, m, d,
			 (unsigned)h);
	else
		snprintf(out, CO_SESSION_UID_SIZE, "%04d%02d%02d-%d-%08x@carryover", y, m, d, slot,
			 (unsigned)h);
}
