/*
 * Private to the profile reader: the `niggles =` value (profile_niggles.c).
 */
#ifndef CO_FORMATS_PROFILE_NIGGLES_H
#define CO_FORMATS_PROFILE_NIGGLES_H

#include "carryover/athlete.h"

/**
 * Read `v` (comma-separated body sites) into p->niggles, replacing what was
 * there. Returns 0 or CO_EINPUT with the reason as the last error.
 */
int co_profile_parse_niggles(co_profile *p, const char *v);

#endif
