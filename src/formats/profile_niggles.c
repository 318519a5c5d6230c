/*
 * One profile value, `niggles = achilles_left, knee`: the body sites that
 * hurt, each checked against the sites carryover knows (with a did-you-mean),
 * normalised ("Achilles-Left" is achilles_left), without repeats, at most
 * MAX_NIGGLES. Each becomes a co_niggle with the regions it spares
 * (docs/profile.md). Private to the profile reader (profile.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/athlete.h"
#include "carryover/error.h"
#include "formats/profile_niggles.h"
#include "util/strbuf.h"
#include "util/suggest.h"

#define MAX_NIGGLES 8         /* keeps the template's niggles line within its line limit */

static void normalize(char *dst, size_t size, const char *src, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[n++] = (c == '-' || c == ' ') ? '_' : (char)tolower(c);
	}
	dst[n] = '\0';
}

int co_profile_parse_niggles(co_profile *p, const char *v)
{
	const char *s = v;
	co_niggle *list = NULL;
	size_t n = 0;
	int rc = CO_OK;

	if (!strcasecmp(v, "none"))
		s = "";
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		char site[64];
		bool dup = false;

		while (len && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (!len) {
			rc = co_error_set(CO_EINPUT, "niggles: empty item in '%.60s'", v);
			goto done;
		}
		if (len >= sizeof(site)) {
			rc = co_error_set(CO_EINPUT, "niggles: unknown site '%.40s...'", s);
			goto done;
		}
		normalize(site, sizeof(site), s, len);
		if (!co_niggle_regions(site)) {
			char base[64];
			const char *side = "";
			size_t bl = strlen(site);
			const char *near;

			if (bl > 5 && !strcmp(site + bl - 5, "_left")) {
				side = "_left";
				bl -= 5;
			} else if (bl > 6 && !strcmp(site + bl - 6, "_right")) {
				side = "_right";
				bl -= 6;
			}
			memcpy(base, site, bl);
			base[bl] = '\0';
			near = co_suggest_from(base, co_niggle_sites());
			if (near)
				rc = co_error_set(CO_EINPUT,
						  "niggles: unknown site '%s' (did you mean '%s%s'?)",
						  site, near, side);
			else
				rc = co_error_set(CO_EINPUT,
						  "niggles: unknown site '%s' (known: achilles, calf, shin, knee, "
						  "hamstring, quad, hip, glute, groin, it_band, lower_back, "
						  "foot, plantar_fascia, ankle; optionally _left or _right)",
						  site);
			goto done;
		}
		for (size_t i = 0; i < n; i++)
			if (!strcmp(list[i].site, site))
				dup = true;
		if (!dup && n == MAX_NIGGLES) {
			rc = co_error_set(CO_EINPUT, "niggles: at most %d sites", MAX_NIGGLES);
			goto done;
		}
		if (!dup) {
			list = co_xrealloc(list, (n + 1) * sizeof(*list));
			list[n].site = co_xstrdup(site);
			list[n].regions = co_niggle_regions(site);
			n++;
		}
		if (!end)
			break;
		s = end + 1;
	}
	for (size_t i = 0; i < p->n_niggles; i++)
		free(p->niggles[i].site);
	free(p->niggles);
	p->niggles = list;
	p->n_niggles = n;
	list = NULL;
	n = 0;
done:
	for (size_t i = 0; i < n; i++)
		free(list[i].site);
	free(list);
	return rc;
}

