/*
 * The athlete profile file: INI text (DESIGN.md, docs/profile.md) to a
 * co_profile. The way back, a co_profile as a commented template, is
 * profile_template.c.
 *
 * The shared INI reader (util/ini.h) numbers the lines and splits
 * "key = value" the way inih did when the format was defined (Debian's
 * libinih 55: a 200-byte line buffer that silently cut a longer line and
 * read its tail as the next line, multi-line continuation of indented
 * lines, inline comments after " ;"). Before a line is split, this file:
 *   - rejects text that is not UTF-8 text before anything else;
 *   - blanks comment lines (any length is fine) and strips indentation and
 *     inline comments, so an indented key is a key, never a continuation;
 *   - stops with "line is too long" on a line longer than MAX_LINE (inih's
 *     limit, kept as the format's, so a profile written here reads anywhere);
 *   - reads section headers itself: it knows each section's line, sees
 *     empty sections, and is not bound by inih's 50-byte section names.
 *
 * Values are applied as they come, in file order, so the first error in the
 * file is the one reported. Checks that depend on the units (body mass,
 * plate and dumbbell steps) wait for the end of the file, because `units`
 * may come after them; so do the checks that relate races to `start`
 * (co_profile_finish).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "carryover/error.h"
#include "formats/profile_lifts.h"
#include "formats/profile_niggles.h"
#include "util/ini.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"

#define MAX_NAME 80           /* athlete and race names, characters (UTF-8) */
#define MAX_NAME_BYTES 180    /* ... and bytes: "[race NAME]" must fit MAX_LINE */
#define MAX_RACES 100
#define MAX_LINE 197          /* inih's 200-byte buffer less '\r', '\n' and NUL: the format's limit */
#define MAX_FILE (16u << 20)  /* co_profile_load: a profile is a few KB */
#define RACE_HORIZON 1096     /* days after start a race may be: 3 years */
#define DATE_UNSET INT32_MIN

enum sec_kind { SEC_ATHLETE = 1, SEC_WEEK, SEC_RACE, SEC_LIFTS };

enum athlete_key {
	K_NAME, K_LEVEL, K_UNITS, K_BODY_MASS, K_EQUIPMENT, K_SESSION_MINUTES,
	K_SESSIONS_PER_WEEK, K_DOUBLE_DAYS, K_START, K_DELOAD_EVERY, K_ACWR,
	K_PLATE_STEP, K_DUMBBELL_STEP, K_PLYOMETRICS, K_STRIDES, K_NIGGLES, K_RUNS,
	K_DISTANCE_UNITS, K_COUNT
};

static const char *const athlete_keys[K_COUNT + 1] = {
	"name", "level", "units", "body_mass", "equipment", "session_minutes",
	"sessions_per_week", "double_days", "start", "deload_every",
	"acwr_threshold", "plate_step", "dumbbell_step", "plyometrics", "strides",
	"niggles", "runs", "distance_units", NULL
};

enum race_key { R_DATE, R_DISTANCE, R_PRIORITY, R_COUNT };
static const char *const race_keys[R_COUNT + 1] = {"date", "distance", "priority", NULL};

static const char *const day_keys[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static const char *const section_words[] = {"athlete", "week", "race", "lifts", NULL};

/* ---- unit-dependent bounds ---------------------------------------------- */

typedef struct bounds {
	double lo, hi;
} bounds;

static bounds body_mass_bounds(co_units u)
{
	return u == CO_UNITS_LB ? (bounds){55, 550} : (bounds){25, 250};
}

static bounds step_bounds(co_units u)
{
	return u == CO_UNITS_LB ? (bounds){0.5, 25} : (bounds){0.25, 10};
}

static double default_plate_step(co_units u)
{
	return u == CO_UNITS_LB ? 5.0 : 2.5;
}

static double default_dumbbell_step(co_units u)
{
	return u == CO_UNITS_LB ? 5.0 : 2.0;
}

#define LIFT_MAX 1100.0 /* in either unit: above any human's e1RM in lb */

/* ---- value parsers (messages without location) -------------------------- */

static int parse_int(int *out, const char *field, const char *v, int lo, int hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end || errno == ERANGE) {
		if (end != v && !*end)
			goto range;
		return co_error_set(CO_EINPUT, "%s must be a whole number, got '%.40s'", field, v);
	}
	if (n < lo || n > hi)
		goto range;
	*out = (int)n;
	return CO_OK;
range:
	return co_error_set(CO_EINPUT, "%s must be between %d and %d, got '%.40s'", field, lo, hi, v);
}

static int parse_num(double *out, const char *field, const char *v, double lo, double hi,
		     const char *unit)
{
	char *end;
	double x;

	if (!*v || isspace((unsigned char)*v))
		goto nan;
	x = strtod(v, &end);
	if (end == v || *end || !isfinite(x))
		goto nan;
	if (x < lo || x > hi)
		return co_error_set(CO_EINPUT, "%s must be between %g and %g%s%s, got '%.40s'",
				    field, lo, hi, unit ? " " : "", unit ? unit : "", v);
	*out = x;
	return CO_OK;
nan:
	return co_error_set(CO_EINPUT, "%s must be a number, got '%.40s'", field, v);
}

static int parse_bool(bool *out, const char *field, const char *v)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcasecmp(v, "on") || !strcmp(v, "1"))
		*out = true;
	else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcasecmp(v, "off") || !strcmp(v, "0"))
		*out = false;
	else
		return co_error_set(CO_EINPUT, "%s must be yes or no, got '%.40s'", field, v);
	return CO_OK;
}

/* A date, with a clearer word than "invalid" when the shape is right but the day is not. */
static int parse_date(co_date *out, const char *field, const char *v)
{
	int y, m, d, n = 0;

	if (co_date_parse(out, v) == CO_OK)
		return CO_OK;
	if (strlen(v) == 10 && sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
		if (m == 2 && d == 29)
			return co_error_set(CO_EINPUT, "%s: %s is not a real date (%d is not a leap year)",
					    field, v, y);
		if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y < 1900 || y > 2200))
			return co_error_set(CO_EINPUT, "%s: %s is out of range (years 1900-2200)",
					    field, v);
		return co_error_set(CO_EINPUT, "%s: %s is not a real date", field, v);
	}
	return co_error_set(CO_EINPUT, "%s: invalid date '%.40s' (expected YYYY-MM-DD)", field, v);
}

/*
 * A number as the file wrote it, near enough: the shortest form that reads
 * back as the same double. "%g" would show 250.0000001 as '250', which is
 * in range, next to "must be between 30 and 250".
 */
static const char *num_text(char buf[32], double x)
{
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, 32, "%.*g", prec, x);
		if (strtod(buf, NULL) == x && (!strchr(buf, 'e') || fabs(x) >= 1e15))
			break;
	}
	return buf;
}

/*
 * A name as written: UTF-8 (a flag's value is not checked as a file's
 * text is), printable, no ';' (it would start a comment when written
 * back), at most MAX_NAME characters (not bytes: 30 letters of Japanese
 * are 90 bytes) and MAX_NAME_BYTES bytes (a line of the file has a limit).
 */
static int check_name(const char *field, const char *v)
{
	size_t len = strlen(v), chars = 0;

	if (!len)
		return co_error_set(CO_EINPUT, "%s is empty", field);
	if (co_utf8_first_bad((const unsigned char *)v, len) < len)
		return co_error_set(CO_EINPUT, "%s is not UTF-8 text", field);
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)v[i] & 0xc0) != 0x80;
	if (chars > MAX_NAME)
		return co_error_set(CO_EINPUT, "%s is too long (%zu characters, at most %d)", field,
				    chars, MAX_NAME);
	if (len > MAX_NAME_BYTES)
		return co_error_set(CO_EINPUT, "%s is too long (%zu bytes in UTF-8, at most %d)",
				    field, len, MAX_NAME_BYTES);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c < 0x20 || c == 0x7f)
			return co_error_set(CO_EINPUT, "%s contains a control character", field);
		if (c == ';' || c == '[' || c == ']')
			return co_error_set(CO_EINPUT, "%s must not contain '%c'", field, c);
	}
	if (isspace((unsigned char)v[0]) || isspace((unsigned char)v[len - 1]))
		return co_error_set(CO_EINPUT, "%s must not start or end with a space", field);
	return CO_OK;
}

static int parse_runs(co_profile *p, const char *v)
{
	size_t len = strlen(v);

	if (!len)
		return co_error_set(CO_EINPUT, "runs is empty (leave it out when there is no file)");
	if (len > 1024)
		return co_error_set(CO_EINPUT, "runs: path is too long");
	if (len < 5 || (strcasecmp(v + len - 4, ".ics") && strcasecmp(v + len - 4, ".csv")))
		return co_error_set(CO_EINPUT, "runs: expected a .ics or .csv file, got '%.60s'", v);
	free(p->runs_file);
	p->runs_file = co_xstrdup(v);
	return CO_OK;
}

/*
 * "TYPE [MINUTES]" for one day of [week]; also "TYPE MINUTES min",
 * "TYPE MINUTESmin", and "TYPE run ..." ("long run 95", as people say it).
 */
static int parse_day(co_run *out, const char *day, const char *v)
{
	char type[32], mins[32], extra[32], said[128];
	int n, t, minutes, after = 0;
	size_t ml;

	if (sscanf(v, "%31s %31s%n", type, mins, &after) == 2 && !strcasecmp(mins, "run") &&
	    strlen(v) < sizeof(said)) {
		snprintf(said, sizeof(said), "%s%s", type, v + after);
		v = said;
	}
	n = sscanf(v, "%31s %31s %31s", type, mins, extra);
	if (n <= 0)
		return co_error_set(CO_EINPUT, "%s: missing run type (write 'rest' for a day off)", day);
	if (n == 3 && (!strcasecmp(extra, "min") || !strcasecmp(extra, "mins") ||
		       !strcasecmp(extra, "minutes"))) {
		char more[2];
		if (sscanf(v, "%*s %*s %*s %1s", more) == 1)
			goto shape;
		n = 2;
	} else if (n == 3) {
		goto shape;
	}
	if (strlen(type) >= sizeof(type) - 1 || (n >= 2 && strlen(mins) >= sizeof(mins) - 1))
		goto shape;
	t = co_run_type_from_name(type);
	if (t < 0) {
		const char *names[CO_RUN_TYPE_COUNT + 1];
		const char *near;

		for (int i = 0; i < CO_RUN_TYPE_COUNT; i++)
			names[i] = co_run_type_name((co_run_type)i);
		names[CO_RUN_TYPE_COUNT] = NULL;
		near = co_suggest_from(type, names);
		if (near)
			return co_error_set(CO_EINPUT, "unknown run type '%s' (did you mean '%s'?)",
					    type, near);
		return co_error_set(CO_EINPUT,
				    "unknown run type '%s' (expected rest, easy, recovery, long, tempo, "
				    "threshold, intervals, hills, fartlek, race or cross)", type);
	}
	if (n == 1) {
		minutes = co_run_type_default_minutes((co_run_type)t);
	} else {
		char field[16];

		if (t == CO_RUN_REST)
			return co_error_set(CO_EINPUT, "%s: rest takes no minutes, got '%.40s'", day, v);
		ml = strlen(mins);
		if (ml > 3 && !strcasecmp(mins + ml - 3, "min"))
			mins[ml - 3] = '\0';
		snprintf(field, sizeof(field), "%s: minutes", day);
		if (parse_int(&minutes, field, mins, 1, 600))
			return CO_EINPUT;
	}
	memset(out, 0, sizeof(*out));
	out->type = (co_run_type)t;
	out->minutes = minutes;
	return CO_OK;
shape:
	return co_error_set(CO_EINPUT, "%s: expected 'TYPE [MINUTES]', got '%.40s'", day, v);
}

/* ---- keys ---------------------------------------------------------------- */

static int key_index(const char *const *keys, const char *key)
{
	for (int i = 0; keys[i]; i++)
		if (!strcasecmp(keys[i], key))
			return i;
	return -1;
}

static const char *section_label(co_profile *p, int kind, size_t race, char *buf, size_t size)
{
	switch (kind) {
	case SEC_ATHLETE: return "[athlete]";
	case SEC_WEEK: return "[week]";
	case SEC_LIFTS: return "[lifts]";
	default:
		snprintf(buf, size, "[race %s]", p->races[race].name);
		return buf;
	}
}

/* Where a key that is unknown in its section does belong, if anywhere. */
static const char *home_of(const char *key)
{
	if (key_index(athlete_keys, key) >= 0)
		return "[athlete]";
	if (co_weekday_parse(key) >= 0)
		return "[week]";
	if (key_index(race_keys, key) >= 0)
		return "a [race NAME] section";
	if (co_catalog_default() && co_catalog_find(co_catalog_default(), key))
		return "[lifts]";
	return NULL;
}

static int unknown_key(co_profile *p, int kind, size_t race, const char *key,
		       const char *const *keys)
{
	char buf[MAX_NAME_BYTES + 16];
	const char *label = section_label(p, kind, race, buf, sizeof(buf));
	const char *home = home_of(key);
	const char *near;

	if (home)
		return co_error_set(CO_EINPUT, "key '%.40s' belongs in %s, not %s", key, home, label);
	near = co_suggest_from(key, keys);
	if (near)
		return co_error_set(CO_EINPUT, "unknown key '%.40s' in %s (did you mean '%s'?)",
				    key, label, near);
	return co_error_set(CO_EINPUT, "unknown key '%.40s' in %s", key, label);
}

/*
 * Which key `key` is in a section: an athlete_key, a weekday, a race_key,
 * or (for [lifts]) the catalogue entry. Returns 0 or CO_EINPUT.
 */
static int resolve_key(co_profile *p, int kind, size_t race, const char *key, int *id,
		       const co_exercise **ex)
{
	const co_catalog *cat;

	if (!*key)
		return co_error_set(CO_EINPUT, "missing key before '='");
	switch (kind) {
	case SEC_ATHLETE:
		*id = key_index(athlete_keys, key);
		return *id >= 0 ? CO_OK : unknown_key(p, kind, race, key, athlete_keys);
	case SEC_WEEK:
		*id = co_weekday_parse(key);
		return *id >= 0 ? CO_OK : unknown_key(p, kind, race, key, day_keys);
	case SEC_RACE:
		*id = key_index(race_keys, key);
		return *id >= 0 ? CO_OK : unknown_key(p, kind, race, key, race_keys);
	case SEC_LIFTS:
		cat = co_catalog_default();
		if (!cat) {
			char why[512];
			snprintf(why, sizeof(why), "%s", co_error_last());
			return co_error_set(CO_EINPUT, "exercise catalogue unavailable: %s", why);
		}
		*ex = co_catalog_find(cat, key);
		if (*ex) {
			*id = 0;
			return CO_OK;
		}
		{
			const char *near = co_catalog_suggest(cat, key);
			if (near)
				return co_error_set(CO_EINPUT,
						    "unknown exercise '%.40s' in [lifts] (did you mean '%s'?)",
						    key, near);
			return co_error_set(CO_EINPUT,
					    "unknown exercise '%.40s' in [lifts] (see 'carryover exercises')",
					    key);
		}
	}
	return co_error_set(CO_EINPUT, "key '%.40s' outside a section", key);
}

/* Switching units moves the steps that still hold the old unit's default. */
static void set_units(co_profile *p, co_units u, bool move_steps)
{
	if (move_steps && u != p->units) {
		if (p->plate_step == default_plate_step(p->units))
			p->plate_step = default_plate_step(u);
		if (p->dumbbell_step == default_dumbbell_step(p->units))
			p->dumbbell_step = default_dumbbell_step(u);
	}
	p->units = u;
}

/*
 * Apply one resolved key. `in_file`: the parser's call, which checks the
 * unit-dependent values once the whole file is read (units may come later).
 */
static int apply(co_profile *p, int kind, size_t race, int id, const co_exercise *ex,
		 const char *v, bool in_file)
{
	const char *unit = co_units_name(p->units);
	bounds b;
	int n;

	if (kind == SEC_WEEK)
		return parse_day(&p->week[id], co_weekday_short((co_weekday)id), v);
	if (kind == SEC_LIFTS) {
		co_lift l = {0};

		if (co_profile_parse_lift(&l, ex->id, v, LIFT_MAX))
			return CO_EINPUT;
		for (size_t i = 0; i < p->n_lifts; i++) {
			if (!strcmp(p->lifts[i].exercise, ex->id)) {
				l.exercise = p->lifts[i].exercise;
				p->lifts[i] = l;
				return CO_OK;
			}
		}
		p->lifts = co_xrealloc(p->lifts, (p->n_lifts + 1) * sizeof(*p->lifts));
		l.exercise = co_xstrdup(ex->id);
		p->lifts[p->n_lifts] = l;
		p->n_lifts++;
		return CO_OK;
	}
	if (kind == SEC_RACE) {
		co_race *r = &p->races[race];
		char field[MAX_NAME_BYTES + 32];
		int rc;

		snprintf(field, sizeof(field), "race '%s'", r->name);
		switch (id) {
		case R_DATE:
			snprintf(field, sizeof(field), "race '%s': date", r->name);
			return parse_date(&r->date, field, v);
		case R_DISTANCE:
			rc = co_race_distance_parse(&r->distance_km, v);
			if (rc) {
				char msg[256];
				snprintf(msg, sizeof(msg), "%s", co_error_last());
				return co_error_set(rc, "%s: %s", field, msg);
			}
			return CO_OK;
		case R_PRIORITY:
			n = co_race_priority_from_name(v);
			if (n < 0)
				return co_error_set(CO_EINPUT, "%s: priority must be A, B or C, got '%.40s'",
						    field, v);
			r->priority = (co_race_priority)n;
			return CO_OK;
		}
		return CO_EINPUT;
	}

	switch (id) {
	case K_NAME:
		if (check_name("name", v))
			return CO_EINPUT;
		free(p->name);
		p->name = co_xstrdup(v);
		return CO_OK;
	case K_LEVEL:
		/* "beginner" is what a new lifter calls it */
		n = !strcasecmp(v, "beginner") ? CO_LEVEL_NOVICE : co_level_from_name(v);
		if (n < 0) {
			const char *names[CO_LEVEL_COUNT + 1];
			const char *near;
			for (int i = 0; i < CO_LEVEL_COUNT; i++)
				names[i] = co_level_name((co_level)i);
			names[CO_LEVEL_COUNT] = NULL;
			near = co_suggest_from(v, names);
			if (near)
				return co_error_set(CO_EINPUT, "unknown level '%.40s' (did you mean '%s'?)",
						    v, near);
			return co_error_set(CO_EINPUT,
					    "unknown level '%.40s' (expected novice, intermediate or advanced)", v);
		}
		p->level = (co_level)n;
		return CO_OK;
	case K_UNITS:
		n = co_units_from_name(v);
		if (n < 0) {
			if (!strcasecmp(v, "kgs") || !strcasecmp(v, "kilograms"))
				n = CO_UNITS_KG;
			else if (!strcasecmp(v, "pounds"))
				n = CO_UNITS_LB;
			else
				return co_error_set(CO_EINPUT, "unknown units '%.40s' (expected kg or lb)", v);
		}
		set_units(p, (co_units)n, !in_file);
		return CO_OK;
	case K_DISTANCE_UNITS:
		n = co_distance_units_from_name(v);
		if (n < 0)
			return co_error_set(CO_EINPUT,
					    "unknown distance_units '%.40s' (expected km or mi)", v);
		p->distance_units = (co_distance_units)n;
		return CO_OK;
	case K_BODY_MASS:
		b = in_file ? (bounds){-INFINITY, INFINITY} : body_mass_bounds(p->units);
		return parse_num(&p->body_mass, "body_mass", v, b.lo, b.hi, in_file ? NULL : unit);
	case K_EQUIPMENT:
		return co_equipment_parse(&p->equipment, v);
	case K_SESSION_MINUTES:
		return parse_int(&p->session_minutes, "session_minutes", v, 15, 120);
	case K_SESSIONS_PER_WEEK:
		return parse_int(&p->sessions_per_week, "sessions_per_week", v, 1, 3);
	case K_DOUBLE_DAYS:
		return parse_bool(&p->double_days, "double_days", v);
	case K_START:
		return parse_date(&p->start, "start", v);
	case K_DELOAD_EVERY:
		return parse_int(&p->deload_every, "deload_every", v, 3, 6);
	case K_ACWR:
		return parse_num(&p->acwr_threshold, "acwr_threshold", v, 1.2, 2.0, NULL);
	case K_PLATE_STEP:
		b = in_file ? (bounds){-INFINITY, INFINITY} : step_bounds(p->units);
		return parse_num(&p->plate_step, "plate_step", v, b.lo, b.hi, in_file ? NULL : unit);
	case K_DUMBBELL_STEP:
		b = in_file ? (bounds){-INFINITY, INFINITY} : step_bounds(p->units);
		return parse_num(&p->dumbbell_step, "dumbbell_step", v, b.lo, b.hi, in_file ? NULL : unit);
	case K_PLYOMETRICS:
		return parse_bool(&p->plyometrics, "plyometrics", v);
	case K_STRIDES:
		return parse_bool(&p->strides, "strides", v);
	case K_NIGGLES:
		return co_profile_parse_niggles(p, v);
	case K_RUNS:
		return parse_runs(p, v);
	}
	return CO_EINPUT;
}

static size_t add_race(co_profile *p, const char *name, int line)
{
	co_race *r;

	p->races = co_xrealloc(p->races, (p->n_races + 1) * sizeof(*p->races));
	r = &p->races[p->n_races];
	memset(r, 0, sizeof(*r));
	r->name = co_xstrdup(name);
	r->date = DATE_UNSET;
	r->distance_km = 0;
	r->priority = CO_RACE_A;
	r->line = line;
	return p->n_races++;
}

static void trim_copy(char *dst, size_t size, const char *src)
{
	size_t len;

	while (isspace((unsigned char)*src))
		src++;
	len = strlen(src);
	while (len && isspace((unsigned char)src[len - 1]))
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

int co_profile_set(co_profile *p, const char *section, const char *key, const char *value)
{
	char sec[MAX_NAME_BYTES + 16], k[64], v[1100];
	const co_exercise *ex = NULL;
	size_t race = 0;
	int kind, id = 0;

	if (!p || !section || !key || !value)
		return co_error_set(CO_EINPUT, "co_profile_set: missing argument");
	if (strlen(section) >= sizeof(sec) || strlen(key) >= sizeof(k) || strlen(value) >= sizeof(v))
		return co_error_set(CO_EINPUT, "%.40s: value is too long", key);
	trim_copy(sec, sizeof(sec), section);
	trim_copy(k, sizeof(k), key);
	trim_copy(v, sizeof(v), value);
	if (!strcasecmp(sec, "athlete")) {
		kind = SEC_ATHLETE;
	} else if (!strcasecmp(sec, "week")) {
		kind = SEC_WEEK;
	} else if (!strcasecmp(sec, "lifts")) {
		kind = SEC_LIFTS;
	} else if (!strncasecmp(sec, "race", 4) && isspace((unsigned char)sec[4])) {
		char name[MAX_NAME_BYTES + 16];

		trim_copy(name, sizeof(name), sec + 5);
		if (check_name("race name", name))
			return CO_EINPUT;
		kind = SEC_RACE;
		for (race = 0; race < p->n_races; race++)
			if (!strcasecmp(p->races[race].name, name))
				break;
		if (race == p->n_races) {
			if (p->n_races >= MAX_RACES)
				return co_error_set(CO_EINPUT, "too many races (at most %d)", MAX_RACES);
			add_race(p, name, 0);
		}
	} else {
		return co_error_set(CO_EINPUT, "unknown section [%.40s]", sec);
	}
	if (resolve_key(p, kind, race, k, &id, &ex))
		return CO_EINPUT;
	return apply(p, kind, race, id, ex, v, false);
}

static int race_cmp(const void *a, const void *b)
{
	const co_race *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* "FILE:LINE: " for a race's messages, or "" when it was not read from a file. */
static void race_where(char *buf, size_t size, const co_profile *p, const co_race *r)
{
	if (r->line > 0)
		snprintf(buf, size, "%s:%d: ", p->source ? p->source : "profile", r->line);
	else
		buf[0] = '\0';
}

int co_profile_finish(co_profile *p)
{
	char where[1100], d1[11], d2[11];

	for (size_t i = 0; i < p->n_races; i++) {
		co_race *r = &p->races[i];

		race_where(where, sizeof(where), p, r);
		if (r->date == DATE_UNSET)
			return co_error_set(CO_EINPUT, "%srace '%s': missing 'date' (YYYY-MM-DD)",
					    where, r->name);
		if (r->distance_km <= 0)
			return co_error_set(CO_EINPUT,
					    "%srace '%s': missing 'distance' (5k, 10k, half, marathon, ultra or NUMBER km)",
					    where, r->name);
		if (r->date < p->start)
			return co_error_set(CO_EINPUT, "%srace '%s': date %s is before start %s", where,
					    r->name, co_date_format(r->date, d1), co_date_format(p->start, d2));
		if (r->date > p->start + RACE_HORIZON)
			return co_error_set(CO_EINPUT,
					    "%srace '%s': date %s is more than 3 years after start %s",
					    where, r->name, co_date_format(r->date, d1),
					    co_date_format(p->start, d2));
	}
	if (p->n_races > 1)
		qsort(p->races, p->n_races, sizeof(*p->races), race_cmp);
	return CO_OK;
}

/* ---- the reader ---------------------------------------------------------- */

typedef struct section {
	int kind;
	int line;
	size_t race;
} section;

typedef struct parser {
	const char *src;      /* file name for messages */
	const char *text;
	size_t len;
	int lineno;
	bool failed;          /* the last error is set and located */
	bool content;         /* saw a section or a key */
	co_profile *p;

	section *sections;
	size_t n_sections;
	int athlete_line[K_COUNT]; /* where each [athlete] key was set; 0 = not */
	int day_line[7];
	int (*race_line)[R_COUNT];  /* per race */
	int *lift_line;             /* per lift, parallel to p->lifts */
} parser;

static int fail(parser *ps, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(parser *ps, int line, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ps->failed = true;
	if (line > 0)
		return co_error_set(CO_EINPUT, "%s:%d: %s", ps->src, line, msg);
	return co_error_set(CO_EINPUT, "%s: %s", ps->src, msg);
}

/* Re-locate the message an unlocated helper just set. */
static int fail_last(parser *ps, int line)
{
	char msg[900];

	snprintf(msg, sizeof(msg), "%s", co_error_last());
	return fail(ps, line, "%s", msg);
}

static int find_section(parser *ps, int kind)
{
	for (size_t i = 0; i < ps->n_sections; i++)
		if (ps->sections[i].kind == kind)
			return (int)i;
	return -1;
}

/* A "[...]" line, already without indentation and inline comment. */
static int section_line(parser *ps, const char *line, size_t len)
{
	const char *close = memchr(line, ']', len);
	const char *name, *rest;
	size_t nl, wl;
	char word[32];
	section s = {0, ps->lineno, 0};
	int prev;

	if (!close)
		return fail(ps, ps->lineno, "section header has no closing ']'");
	for (rest = close + 1; rest < line + len; rest++)
		if (!isspace((unsigned char)*rest))
			return fail(ps, ps->lineno, "unexpected text after ']'");
	name = line + 1;
	nl = (size_t)(close - name);
	while (nl && isspace((unsigned char)*name)) {
		name++;
		nl--;
	}
	while (nl && isspace((unsigned char)name[nl - 1]))
		nl--;
	if (!nl)
		return fail(ps, ps->lineno, "empty section name '[]'");
	for (wl = 0; wl < nl && !isspace((unsigned char)name[wl]); wl++)
		;
	if (wl >= sizeof(word))
		return fail(ps, ps->lineno, "unknown section [%.*s...]", 20, name);
	memcpy(word, name, wl);
	word[wl] = '\0';

	if (!strcasecmp(word, "race")) {
		char rname[MAX_NAME_BYTES + 1];
		const char *rn = name + wl;
		size_t rl = nl - wl;

		while (rl && isspace((unsigned char)*rn)) {
			rn++;
			rl--;
		}
		if (!rl)
			return fail(ps, ps->lineno, "[race] needs a name, e.g. [race Spring Marathon]");
		if (rl > MAX_NAME_BYTES)
			return fail(ps, ps->lineno, "race name is too long (%zu bytes, at most %d)",
				    rl, MAX_NAME_BYTES);
		memcpy(rname, rn, rl);
		rname[rl] = '\0';
		if (check_name("race name", rname))
			return fail_last(ps, ps->lineno);
		for (size_t i = 0; i < ps->p->n_races; i++)
			if (!strcasecmp(ps->p->races[i].name, rname))
				return fail(ps, ps->lineno, "duplicate race '%s' (first on line %d)", rname,
					    ps->p->races[i].line);
		if (ps->p->n_races >= MAX_RACES)
			return fail(ps, ps->lineno, "too many races (at most %d)", MAX_RACES);
		s.kind = SEC_RACE;
		s.race = add_race(ps->p, rname, ps->lineno);
		ps->race_line = co_xrealloc(ps->race_line, ps->p->n_races * sizeof(*ps->race_line));
		memset(ps->race_line[s.race], 0, sizeof(ps->race_line[s.race]));
	} else {
		if (wl == nl && !strcasecmp(word, "athlete"))
			s.kind = SEC_ATHLETE;
		else if (wl == nl && !strcasecmp(word, "week"))
			s.kind = SEC_WEEK;
		else if (wl == nl && !strcasecmp(word, "lifts"))
			s.kind = SEC_LIFTS;
		if (!s.kind) {
			const char *near = co_suggest_from(word, section_words);
			if (near && !strcmp(near, "race"))
				return fail(ps, ps->lineno, "unknown section [%.*s] (did you mean [race%.*s]?)",
					    (int)(nl > 60 ? 60 : nl), name, (int)(nl - wl > 60 ? 60 : nl - wl),
					    name + wl);
			if (near && wl == nl)
				return fail(ps, ps->lineno, "unknown section [%s] (did you mean [%s]?)",
					    word, near);
			return fail(ps, ps->lineno,
				    "unknown section [%.*s] (expected [athlete], [week], [race NAME] or [lifts])",
				    (int)(nl > 60 ? 60 : nl), name);
		}
		prev = find_section(ps, s.kind);
		if (prev >= 0)
			return fail(ps, ps->lineno, "duplicate section [%s] (first on line %d)",
				    section_words[s.kind - 1], ps->sections[prev].line);
	}
	ps->sections = co_xrealloc(ps->sections, (ps->n_sections + 1) * sizeof(*ps->sections));
	ps->sections[ps->n_sections++] = s;
	return CO_OK;
}

static int on_key(parser *ps, const char *key, const char *value)
{
	co_profile *p = ps->p;
	const co_exercise *ex = NULL;
	const section *s;
	int id = 0, *seen = NULL;
	size_t lift_at = 0;

	if (ps->failed)
		return 0;
	if (!ps->n_sections) {
		const char *home = home_of(key);
		fail(ps, ps->lineno, "key '%.40s' is outside a section (put it under %s)", key,
		     home ? home : "[athlete]");
		return 0;
	}
	s = &ps->sections[ps->n_sections - 1];
	if (resolve_key(p, s->kind, s->race, key, &id, &ex)) {
		fail_last(ps, ps->lineno);
		return 0;
	}
	switch (s->kind) {
	case SEC_ATHLETE: seen = &ps->athlete_line[id]; break;
	case SEC_WEEK: seen = &ps->day_line[id]; break;
	case SEC_RACE: seen = &ps->race_line[s->race][id]; break;
	case SEC_LIFTS:
		for (lift_at = 0; lift_at < p->n_lifts; lift_at++)
			if (!strcmp(p->lifts[lift_at].exercise, ex->id))
				break;
		if (lift_at < p->n_lifts) {
			fail(ps, ps->lineno, "duplicate lift '%s' (first on line %d)", ex->id,
			     ps->lift_line[lift_at]);
			return 0;
		}
		break;
	}
	if (seen && *seen) {
		char buf[MAX_NAME_BYTES + 16];
		fail(ps, ps->lineno, "duplicate key '%.40s' in %s (first on line %d)", key,
		     section_label(p, s->kind, s->race, buf, sizeof(buf)), *seen);
		return 0;
	}
	if (apply(p, s->kind, s->race, id, ex, value, true)) {
		fail_last(ps, ps->lineno);
		return 0;
	}
	if (seen)
		*seen = ps->lineno;
	if (s->kind == SEC_ATHLETE && id == K_RUNS)
		p->runs_line = ps->lineno; /* so a runs file that cannot be read names this line */
	if (s->kind == SEC_LIFTS) {
		ps->lift_line = co_xrealloc(ps->lift_line, p->n_lifts * sizeof(*ps->lift_line));
		ps->lift_line[p->n_lifts - 1] = ps->lineno;
	}
	return 1;
}

/*
 * One line, cleaned as the file comment says, then split by the shared
 * reader and applied. Returns 0 to go on, CO_EINPUT when the line stops the
 * parse (ps->failed and the error are set), or 1 when it could not be split
 * as INI (reported by the caller once the whole text is read, as inih did).
 */
static int read_line(parser *ps, co_ini_reader *rd, co_ini_line *ln)
{
	const char *line = ln->raw;
	size_t len = ln->raw_len;

	ps->lineno = ln->lineno;
	while (len && isspace((unsigned char)*line)) {
		line++;
		len--;
	}
	if (!len || *line == ';' || *line == '#')
		return 0;
	/* An inline comment starts at a ';' after whitespace (inih's rule). */
	for (size_t i = 1; i < len; i++) {
		if (line[i] == ';' && isspace((unsigned char)line[i - 1])) {
			len = i;
			break;
		}
	}
	while (len && isspace((unsigned char)line[len - 1]))
		len--;
	ps->content = true;
	if (len > MAX_LINE)
		return fail(ps, ps->lineno, "line is too long (%zu characters, at most %d)", len, MAX_LINE);
	if (*line == '[')
		return section_line(ps, line, len);
	if (!memchr(line, '=', len) && !memchr(line, ':', len))
		return fail(ps, ps->lineno, "expected 'key = value' or '[section]', got '%.*s'",
			    (int)(len > 40 ? 40 : len), line);
	co_ini_split(rd, ln, line, len);
	if (ln->kind != CO_INI_KEY)
		return 1;
	on_key(ps, ln->key, ln->value);
	return ps->failed ? CO_EINPUT : 0;
}

/* NUL or control bytes: not a text file. Returns the offending offset or len. */
static size_t first_binary(const char *t, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
		    c == 0x7f)
			return i;
	}
	return len;
}

static int line_of(const char *t, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++)
		if (t[i] == '\n' && line < INT_MAX)
			line++;
	return line;
}

int co_profile_parse(co_profile **out, const char *text, size_t len, const char *source,
		     co_date today)
{
	parser ps;
	co_profile *p = NULL;
	co_ini_reader rd;
	co_ini_line ln;
	size_t bad;
	char *crlf_copy = NULL;
	int rc = CO_EINPUT, r = 0;

	memset(&ps, 0, sizeof(ps));
	ps.src = source ? source : "profile";
	ps.text = text ? text : "";
	ps.len = text ? len : 0;
	if (out)
		*out = NULL;
	if (!out) {
		rc = co_error_set(CO_EINPUT, "co_profile_parse: no output");
		goto done;
	}

	bad = first_binary(ps.text, ps.len);
	if (bad < ps.len) {
		fail(&ps, 0, "not a text file (byte 0x%02x on line %d)", (unsigned char)ps.text[bad],
		     line_of(ps.text, bad));
		goto done;
	}
	bad = co_utf8_first_bad((const unsigned char *)ps.text, ps.len);
	if (bad < ps.len) {
		fail(&ps, line_of(ps.text, bad), "not UTF-8 text (save the profile as UTF-8)");
		goto done;
	}

	/*
	 * Old Mac line ends (CR alone) would read as one long line of
	 * comment, then "empty profile": turn a lone CR into LF (CRLF stays,
	 * the reader drops its CR), so lines count as the editor shows them.
	 */
	for (size_t i = 0; i < ps.len; i++) {
		if (ps.text[i] != '\r' || (i + 1 < ps.len && ps.text[i + 1] == '\n'))
			continue;
		if (!crlf_copy) {
			crlf_copy = co_xstrndup(ps.text, ps.len);
			ps.text = crlf_copy;
		}
		crlf_copy[i] = '\n';
	}

	p = co_profile_new(today);
	p->source = source ? co_xstrdup(source) : NULL;
	ps.p = p;
	co_ini_reader_init(&rd, ps.text, ps.len);
	while (!ps.failed && co_ini_next_line(&rd, &ln)) {
		int lr = read_line(&ps, &rd, &ln);

		if (lr > 0 && !r)
			r = ps.lineno;
	}
	co_ini_reader_release(&rd);
	if (ps.failed)
		goto done;
	if (r != 0) {
		/* Only a line the splitter rejects on its own would get here. */
		fail(&ps, r > 0 ? r : 0, "cannot read this line as 'key = value'");
		goto done;
	}
	if (!ps.content) {
		fail(&ps, 0, "empty profile (expected at least a [week] section)");
		goto done;
	}
	if (find_section(&ps, SEC_WEEK) < 0) {
		fail(&ps, 0, "missing [week] section (the usual running week, e.g. 'tue = intervals 60')");
		goto done;
	}

	/* The unit-dependent checks, now that `units` is known. */
	{
		bounds b = body_mass_bounds(p->units), s = step_bounds(p->units);
		const char *u = co_units_name(p->units);
		char got[32];

		if (ps.athlete_line[K_BODY_MASS] && (p->body_mass < b.lo || p->body_mass > b.hi)) {
			fail(&ps, ps.athlete_line[K_BODY_MASS],
			     "body_mass must be between %g and %g %s, got '%s'", b.lo, b.hi, u,
			     num_text(got, p->body_mass));
			goto done;
		}
		if (!ps.athlete_line[K_PLATE_STEP])
			p->plate_step = default_plate_step(p->units);
		else if (p->plate_step < s.lo || p->plate_step > s.hi) {
			fail(&ps, ps.athlete_line[K_PLATE_STEP],
			     "plate_step must be between %g and %g %s, got '%s'", s.lo, s.hi, u,
			     num_text(got, p->plate_step));
			goto done;
		}
		if (!ps.athlete_line[K_DUMBBELL_STEP])
			p->dumbbell_step = default_dumbbell_step(p->units);
		else if (p->dumbbell_step < s.lo || p->dumbbell_step > s.hi) {
			fail(&ps, ps.athlete_line[K_DUMBBELL_STEP],
			     "dumbbell_step must be between %g and %g %s, got '%s'", s.lo, s.hi, u,
			     num_text(got, p->dumbbell_step));
			goto done;
		}
	}
	if (co_profile_finish(p))
		goto done;
	*out = p;
	p = NULL;
	rc = CO_OK;
done:
	free(crlf_copy);
	co_profile_free(p);
	free(ps.sections);
	free(ps.race_line);
	free(ps.lift_line);
	return rc;
}

void co_profile_resolve_paths(co_profile *p, const char *profile_path)
{
	const char *slash = profile_path ? strrchr(profile_path, '/') : NULL;
	co_strbuf full = CO_STRBUF_INIT;

	if (!p->runs_file || p->runs_file[0] == '/' || !slash)
		return;
	co_strbuf_init(&full);
	co_strbuf_add(&full, profile_path, (size_t)(slash - profile_path) + 1);
	co_strbuf_adds(&full, p->runs_file);
	free(p->runs_file);
	p->runs_file = co_strbuf_detach(&full);
}

int co_profile_load(co_profile **out, const char *path, co_date today)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_profile *p = NULL;
	int rc;

	if (out)
		*out = NULL;
	co_strbuf_init(&sb);
	rc = co_strbuf_read_file(&sb, path, MAX_FILE);
	if (rc)
		goto done;
	rc = co_profile_parse(&p, sb.buf, sb.len, path, today);
	if (rc)
		goto done;
	co_profile_resolve_paths(p, path);
	*out = p;
	p = NULL;
done:
	co_profile_free(p);
	co_strbuf_release(&sb);
	return rc;
}
