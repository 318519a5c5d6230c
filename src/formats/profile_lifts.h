/*
 * Private to the profile reader: one [lifts] value (profile_lifts.c).
 */
#ifndef CO_FORMATS_PROFILE_LIFTS_H
#define CO_FORMATS_PROFILE_LIFTS_H

#include "carryover/athlete.h"

/**
 * Read `v` into `l` (its exercise left unset): "80 x 8", "80 x 8 @ 7.5",
 * "e1rm 100" or a bare number, loads 0.25 to `max`. Returns 0 or CO_EINPUT
 * with the reason (naming `field`) as the last error.
 */
int co_profile_parse_lift(co_lift *l, const char *field, const char *v, double max);

#endif
