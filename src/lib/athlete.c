/*
 * The athlete: run types, race distances and priorities, units, equipment
 * words, niggle sites and the profile's lifetime.
 *
 * Everything here is naming and mapping, no I/O: the INI reader lives in
 * src/formats/profile.c. A co_profile owns all of its strings and arrays;
 * co_profile_free() releases them. The niggle map (METHOD A8) is the one
 * piece of judgement in this file, and it is written down twice: in the
 * table below and in docs/profile.md, which gives the reason for each row.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/athlete.h"
#include "carryover/error.h"
#include "lib/rpe.h"
#include "util/strbuf.h"
#include "util/suggest.h"

static const char *const run_names[CO_RUN_TYPE_COUNT] = {
	[CO_RUN_REST] = "rest",
	[CO_RUN_EASY] = "easy",
	[CO_RUN_RECOVERY] = "recovery",
	[CO_RUN_LONG] = "long",
	[CO_RUN_TEMPO] = "tempo",
	[CO_RUN_THRESHOLD] = "threshold",
	[CO_RUN_INTERVALS] = "intervals",
	[CO_RUN_HILLS] = "hills",
	[CO_RUN_FARTLEK] = "fartlek",
	[CO_RUN_RACE] = "race",
	[CO_RUN_CROSS] = "cross",
};

/*
 * Minutes for a [week] day written as a bare TYPE ("easy"): typical
 * durations of each kind of session for a club runner, so that the load
 * model has a number. Anyone who knows better writes the minutes.
 */
static const int run_default_minutes[CO_RUN_TYPE_COUNT] = {
	[CO_RUN_REST] = 0,
	[CO_RUN_EASY] = 45,
	[CO_RUN_RECOVERY] = 30,
	[CO_RUN_LONG] = 90,
	[CO_RUN_TEMPO] = 50,
	[CO_RUN_THRESHOLD] = 50,
	[CO_RUN_INTERVALS] = 60,
	[CO_RUN_HILLS] = 50,
	[CO_RUN_FARTLEK] = 45,
	[CO_RUN_RACE] = 30,
	[CO_RUN_CROSS] = 45,
};

bool co_run_type_is_key(co_run_type t)
{
	switch (t) {
	case CO_RUN_LONG:
	case CO_RUN_TEMPO:
	case CO_RUN_THRESHOLD:
	case CO_RUN_INTERVALS:
	case CO_RUN_HILLS:
	case CO_RUN_RACE:
		return true;
	default:
		return false;
	}
}

const char *co_run_type_name(co_run_type t)
{
	return (unsigned)t < CO_RUN_TYPE_COUNT ? run_names[t] : "?";
}

int co_run_type_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < CO_RUN_TYPE_COUNT; i++)
		if (!strcasecmp(name, run_names[i]))
			return i;
	return -1;
}

int co_run_type_default_minutes(co_run_type t)
{
	return (unsigned)t < CO_RUN_TYPE_COUNT ? run_default_minutes[t] : 0;
}

const char *co_race_priority_name(co_race_priority p)
{
	switch (p) {
	case CO_RACE_A: return "A";
	case CO_RACE_B: return "B";
	case CO_RACE_C: return "C";
	}
	return "?";
}

int co_race_priority_from_name(const char *name)
{
	if (!name || !name[0] || name[1])
		return -1;
	switch (toupper((unsigned char)name[0])) {
	case 'A': return CO_RACE_A;
	case 'B': return CO_RACE_B;
	case 'C': return CO_RACE_C;
	}
	return -1;
}

const char *co_distance_units_name(co_distance_units u)
{
	return u == CO_DIST_MI ? "mi" : u == CO_DIST_KM ? "km" : "?";
}

int co_distance_units_from_name(const char *name)
{
	if (!name)
		return -1;
	if (!strcasecmp(name, "km") || !strcasecmp(name, "kilometres") ||
	    !strcasecmp(name, "kilometers"))
		return CO_DIST_KM;
	if (!strcasecmp(name, "mi") || !strcasecmp(name, "mile") || !strcasecmp(name, "miles"))
		return CO_DIST_MI;
	return -1;
}

const char *co_units_name(co_units u)
{
	return u == CO_UNITS_LB ? "lb" : u == CO_UNITS_KG ? "kg" : "?";
}

int co_units_from_name(const char *name)
{
	if (!name)
		return -1;
	if (!strcasecmp(name, "kg"))
		return CO_UNITS_KG;
	if (!strcasecmp(name, "lb") || !strcasecmp(name, "lbs"))
		return CO_UNITS_LB;
	return -1;
}

/*
 * Niggle sites (METHOD A8). A site spares the regions whose loaded work
 * would aggravate it; the planner swaps exercises that load a spared region
 * for their regression. Where rehabilitation of a site *is* strength work of
 * a neighbouring region (glute medius for the IT band, anti-extension core
 * for the lower back), that region is deliberately not spared. Reasons per
 * row: docs/profile.md, "Niggles".
 */
static const char *const site_names[] = {
	"achilles", "calf", "shin", "knee", "hamstring", "quad", "hip", "glute",
	"groin", "it_band", "lower_back", "foot", "plantar_fascia", "ankle", NULL
};

static const unsigned site_regions[] = {
	CO_REGION_CALVES | CO_REGION_ANKLES, /* achilles */
	CO_REGION_CALVES,                    /* calf */
	CO_REGION_SHINS,                     /* shin */
	CO_REGION_QUADS,                     /* knee */
	CO_REGION_HAMSTRINGS,                /* hamstring */
	CO_REGION_QUADS,                     /* quad */
	CO_REGION_HIPS,                      /* hip */
	CO_REGION_GLUTES,                    /* glute */
	CO_REGION_HIPS,                      /* groin: the adductors */
	CO_REGION_QUADS,                     /* it_band: knee-flexion work, not the hip */
	CO_REGION_HAMSTRINGS,                /* lower_back: loaded hinges */
	CO_REGION_CALVES | CO_REGION_ANKLES, /* foot */
	CO_REGION_CALVES | CO_REGION_ANKLES, /* plantar_fascia */
	CO_REGION_ANKLES,                    /* ankle */
};

_Static_assert(sizeof(site_regions) / sizeof(site_regions[0]) ==
	       sizeof(site_names) / sizeof(site_names[0]) - 1, "one row per niggle site");

const char *const *co_niggle_sites(void)
{
	return site_names;
}

int co_niggle_site_index(const char *site)
{
	size_t len;

	if (!site)
		return -1;
	len = strlen(site);
	if (len > 5 && !strcasecmp(site + len - 5, "_left"))
		len -= 5;
	else if (len > 6 && !strcasecmp(site + len - 6, "_right"))
		len -= 6;
	for (size_t i = 0; site_names[i]; i++)
		if (strlen(site_names[i]) == len && !strncasecmp(site, site_names[i], len))
			return (int)i;
	return -1;
}

bool co_niggle_site_lower_limb(int index)
{
	return index >= 0 && site_names[index] && strcmp(site_names[index], "lower_back") != 0;
}

unsigned co_niggle_regions(const char *site)
{
	size_t len;

	if (!site)
		return 0;
	len = strlen(site);
	if (len > 5 && !strcasecmp(site + len - 5, "_left"))
		len -= 5;
	else if (len > 6 && !strcasecmp(site + len - 6, "_right"))
		len -= 6;
	for (size_t i = 0; site_names[i]; i++)
		if (strlen(site_names[i]) == len && !strncasecmp(site, site_names[i], len))
			return site_regions[i];
	return 0;
}

/* Lowercase, '-' and ' ' as '_', for matching words a person typed. */
static void normalize_word(char *dst, size_t size, const char *src, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[n++] = (c == '-' || c == ' ') ? '_' : (char)tolower(c);
	}
	dst[n] = '\0';
}

/* The equipment bit named `word`, accepting a plural/singular slip; 0 if none. */
static unsigned equipment_bit(const char *word)
{
	size_t wl = strlen(word);

	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++) {
		const char *name = co_equipment_name((co_equipment)(1u << i));
		size_t nl;

		if (!name)
			continue;
		nl = strlen(name);
		if (!strcasecmp(word, name))
			return 1u << i;
		if (wl == nl + 1 && word[nl] == 's' && !strncasecmp(word, name, nl))
			return 1u << i;
		if (nl == wl + 1 && name[wl] == 's' && !strncasecmp(word, name, wl))
			return 1u << i;
	}
	return 0;
}

int co_equipment_parse(unsigned *out, const char *list)
{
	unsigned bits = 0;
	const char *p = list ? list : "";
	int words = 0;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char word[64];

		while (len && isspace((unsigned char)*p)) {
			p++;
			len--;
		}
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len == 0) {
			if (end || words)
				return co_error_set(CO_EINPUT, "equipment: empty item in '%.60s'", list);
		} else if (len >= sizeof(word)) {
			return co_error_set(CO_EINPUT, "equipment: unknown equipment '%.*s...'", 40, p);
		} else {
			unsigned bit;

			normalize_word(word, sizeof(word), p, len);
			words++;
			if (!strcmp(word, "none")) {
				bits |= CO_EQUIP_NONE_SET;
			} else if (!strcmp(word, "bodyweight")) {
				/* needs nothing */
			} else if (!strcmp(word, "gym")) {
				bits |= CO_EQUIP_ALL;
			} else if ((bit = equipment_bit(word)) != 0) {
				bits |= bit;
			} else {
				co_suggest s;

				co_suggest_init(&s, word);
				co_suggest_offer(&s, "none");
				co_suggest_offer(&s, "bodyweight");
				co_suggest_offer(&s, "gym");
				for (unsigned i = 0; i < CO_EQUIP_COUNT; i++) {
					const char *name = co_equipment_name((co_equipment)(1u << i));
					if (name)
						co_suggest_offer(&s, name);
				}
				if (s.best)
					return co_error_set(CO_EINPUT,
							    "equipment: unknown equipment '%s' (did you mean '%s'?)",
							    word, s.best);
				return co_error_set(CO_EINPUT,
						    "equipment: unknown equipment '%s' (see docs/profile.md)",
						    word);
			}
		}
		if (!end)
			break;
		p = end + 1;
	}
	if (!words)
		return co_error_set(CO_EINPUT, "equipment: empty list (write 'bodyweight' for none)");
	*out = bits;
	return CO_OK;
}

int co_race_distance_parse(double *out_km, const char *text)
{
	static const struct {
		const char *word;
		double km;
	} words[] = {
		{"5k", 5.0}, {"10k", 10.0}, {"half", 21.0975}, {"half_marathon", 21.0975},
		{"marathon", 42.195}, {"ultra", 50.0},
	};
	char word[64];
	const char *p;
	char *end;
	double v, scale = 0;

	if (!text)
		text = "";
	p = text;
	while (isspace((unsigned char)*p))
		p++;
	if (strlen(p) < sizeof(word)) {
		size_t len = strlen(p);
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		normalize_word(word, sizeof(word), p, len);
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			if (!strcmp(word, words[i].word)) {
				*out_km = words[i].km;
				return CO_OK;
			}
		}
	}
	if (!isdigit((unsigned char)*p) && *p != '.')
		goto bad;
	v = strtod(p, &end);
	if (end == p || !isfinite(v))
		goto bad;
	while (isspace((unsigned char)*end))
		end++;
	if (!strcasecmp(end, "km") || !strcasecmp(end, "k"))
		scale = 1.0;
	else if (!strcasecmp(end, "mi") || !strcasecmp(end, "mile") || !strcasecmp(end, "miles"))
		scale = 1.609344;
	else if (!*end)
		return co_error_set(CO_EINPUT, "distance '%.40s' needs a unit ('%.40s km')", text, p);
	else
		goto bad;
	v *= scale;
	if (v < 0.1 || v > 500)
		return co_error_set(CO_EINPUT, "distance must be between 0.1 and 500 km, got '%.40s'",
				    text);
	*out_km = v;
	return CO_OK;
bad:
	return co_error_set(CO_EINPUT,
			    "unknown distance '%.40s' (expected 5k, 10k, half, marathon, ultra or NUMBER km)",
			    text);
}

co_date co_profile_default_start(co_date today)
{
	return co_date_monday(today + 6);
}

co_profile *co_profile_new(co_date today)
{
	co_profile *p = co_xcalloc(1, sizeof(*p));

	p->name = co_xstrdup("Runner");
	p->level = CO_LEVEL_INTERMEDIATE;
	p->units = CO_UNITS_KG;
	p->distance_units = CO_DIST_KM;
	p->equipment = CO_EQUIP_NONE_SET;
	p->session_minutes = 45;
	p->sessions_per_week = 2;
	p->double_days = false;
	p->start = co_profile_default_start(today);
	p->deload_every = 4;
	p->acwr_threshold = 1.5;
	p->plate_step = 2.5;
	p->dumbbell_step = 2.0;
	p->plyometrics = false;
	p->strides = true;
	for (int d = 0; d < 7; d++)
		p->week[d].type = CO_RUN_REST;
	return p;
}

void co_profile_free(co_profile *p)
{
	if (!p)
		return;
	free(p->source);
	free(p->name);
	for (size_t i = 0; i < p->n_niggles; i++)
		free(p->niggles[i].site);
	free(p->niggles);
	free(p->runs_file);
	for (size_t i = 0; i < p->n_races; i++)
		free(p->races[i].name);
	free(p->races);
	for (size_t i = 0; i < p->n_lifts; i++)
		free(p->lifts[i].exercise);
	free(p->lifts);
	free(p);
}

double co_profile_lift(const co_profile *p, const char *exercise_id)
{
	if (!p || !exercise_id)
		return 0;
	for (size_t i = 0; i < p->n_lifts; i++)
		if (!strcmp(p->lifts[i].exercise, exercise_id)) {
			const co_lift *l = &p->lifts[i];

			if (l->form == CO_LIFT_SET && l->reps > 0)
				return co_e1rm(l->load, l->reps, l->rpe > 0 ? l->rpe : CO_LIFT_DEFAULT_RPE);
			return l->load;
		}
	return 0;
}
