/*
 * The [lifts] values of a profile (METHOD A9, docs/profile.md): what a
 * runner knows of a lift, written as a recent set, an e1RM or a bare
 * number. Split from profile.c, which reads the rest of the file.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/error.h"
#include "formats/profile_lifts.h"

/* A load: a number between 0.25 and max, nothing after it. */
static int lift_num(double *out, const char *field, const char *v, double max)
{
	char *end;
	double x;

	if (!*v || isspace((unsigned char)*v))
		goto nan;
	x = strtod(v, &end);
	if (end == v || *end || !isfinite(x))
		goto nan;
	if (x < 0.25 || x > max)
		return co_error_set(CO_EINPUT, "%s must be between 0.25 and %g, got '%.40s'",
				    field, max, v);
	*out = x;
	return CO_OK;
nan:
	return co_error_set(CO_EINPUT, "%s must be a number, got '%.40s'", field, v);
}

/*
 * A [lifts] value (METHOD A9, docs/profile.md): "80 x 8" or "80 x 8 @ 7.5"
 * (a recent set; RPE 8 when not given), "e1rm 100", or a bare number (read
 * as an e1RM; `profile check` warns it is ambiguous).
 */
int co_profile_parse_lift(co_lift *l, const char *field, const char *v, double max)
{
	const char *expect = "expected LOAD x REPS [@ RPE], e1rm LOAD or LOAD";
	char *end;
	double x;

	memset(l, 0, sizeof(*l));
	if (!strncasecmp(v, "e1rm", 4)) {
		const char *n = v + 4;

		while (*n == ' ' || *n == '\t')
			n++;
		if (lift_num(&x, field, n, max))
			return CO_EINPUT;
		l->load = x;
		l->form = CO_LIFT_E1RM;
		return CO_OK;
	}
	x = strtod(v, &end);
	if (end == v || !isfinite(x) || isspace((unsigned char)*v))
		return co_error_set(CO_EINPUT, "%s: '%.40s' (%s)", field, v, expect);
	while (*end == ' ' || *end == '\t')
		end++;
	if (!*end)
		return lift_num(&l->load, field, v, max);
	if ((*end != 'x' && *end != 'X') || x < 0.25 || x > max)
		return co_error_set(CO_EINPUT, "%s: '%.40s' (%s; the load between 0.25 and %g)",
				    field, v, expect, (double)max);
	l->load = x;
	l->form = CO_LIFT_SET;
	l->rpe = CO_LIFT_DEFAULT_RPE;
	{
		const char *r = end + 1;
		long reps;
		char *e2;

		reps = strtol(r, &e2, 10);
		if (e2 == r || reps < 1 || reps > 20)
			return co_error_set(CO_EINPUT, "%s: '%.40s' (%s; reps 1-20)", field, v, expect);
		l->reps = (int)reps;
		while (*e2 == ' ' || *e2 == '\t')
			e2++;
		if (*e2 == '@') {
			double rpe = strtod(e2 + 1, &end);

			if (end == e2 + 1 || rpe < 5 || rpe > 10)
				return co_error_set(CO_EINPUT, "%s: '%.40s' (%s; RPE 5-10)", field, v,
						    expect);
			l->rpe = rpe;
			e2 = end;
			while (*e2 == ' ' || *e2 == '\t')
				e2++;
		}
		if (*e2)
			return co_error_set(CO_EINPUT, "%s: '%.40s' (%s)", field, v, expect);
	}
	return CO_OK;
}

