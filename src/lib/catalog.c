/*
 * The exercise catalogue: data/exercises.ini parsed into immutable entries.
 *
 * The text is one [id] section per exercise of key = value lines, checked
 * as it is read, so a mistake in the catalogue is an
 * error with a line number, never a silently odd plan. Invariants of a
 * parsed catalogue:
 *   - ids are snake_case and unique; ids and aliases are unique after
 *     normalisation (case folded, '-' and ' ' read as '_'), so
 *     co_catalog_find() is unambiguous;
 *   - every entry has the required keys, a dose in range, and FIT numbers
 *     that are a valid exercise_category and exercise_name value;
 *   - progression/regression name existing ids and never loop (in the
 *     "easier -> harder" graph both keys span);
 *   - the method's hard rules hold for every entry: only A1 patterns may be
 *     compound and never on a machine, only plyometrics are ballistic (A6),
 *     core work is at most 12 reps or 45 s a set (A5).
 *
 * The text is read with the shared INI reader (util/ini.h), which splits
 * lines the way inih did when the catalogue format was defined (Debian's
 * libinih 55, checked by tests/unit/test_catalog.c). The catalogue keeps
 * inih's limits as its own rules, so a catalogue that loads here loads
 * anywhere inih reads it: a line is at most MAX_LINE (196) bytes (inih's
 * 200-byte buffer, less the line break and NUL; a longer line would be cut
 * in two), an indented line is refused (inih would append it to the key
 * above as a second value), and so is a NUL byte. Every section header is
 * noticed, so an empty or repeated [id] is still seen.
 *
 * Strings and arrays belong to the catalogue (the `owned` list) and live
 * until co_catalog_free(); the co_exercise structs point into them.
 */
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "carryover/error.h"
#include "lib/method.h"
#include "util/embedded.h"
#include "util/ini.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/vec.h"

/* inih's 200-byte buffer held the line plus '\r', '\n' and NUL: the format's limit. */
#define MAX_LINE 196
/* inih copied section names into a 50-byte buffer and cut longer ones. */
#define MAX_ID 48
#define MAX_ALIAS 60
#define MAX_REPS 50
#define MAX_SECONDS 600

/* ---- names ---------------------------------------------------------------- */

static const char *const pattern_names[CO_PATTERN_COUNT + 1] = {
	"hinge", "squat", "single_leg", "hip_extension", "carry",
	"calf_straight", "calf_bent", "tibialis", "anti_rotation",
	"anti_extension", "anti_lateral_flexion", "hip_stability",
	"mobility_hips", "mobility_ankles", "mobility_thoracic", "activation",
	"breathing", "plyometric", NULL
};

static const char *const region_names[CO_REGION_COUNT + 1] = {
	"hips", "glutes", "hamstrings", "quads", "core", "calves", "shins",
	"upper_back", "ankles", "thoracic", NULL
};

static const char *const equipment_names[CO_EQUIP_COUNT + 1] = {
	"band", "dumbbells", "kettlebell", "barbell", "trap_bar", "bench", "box",
	"cable", "machine", "sliders", "plate", NULL
};

static const char *const level_names[CO_LEVEL_COUNT + 1] = {
	"novice", "intermediate", "advanced", NULL
};

static const char *const carryover_names[CO_CARRY_COUNT + 1] = {
	"vertical_force", "braking_control", "stability", "posterior_chain", NULL
};

/*
 * Why each pattern is in a runner's programme, with the METHOD rules that
 * put it there. Shown by `carryover exercises show` and usable in plans'
 * explanations.
 */
static const char *const pattern_why[CO_PATTERN_COUNT] = {
	[CO_PATTERN_HINGE] =
		"A hip hinge trains the glutes and hamstrings that extend the hip at push-off "
		"and keep the stride long when fatigue sets in: a transferable main-lift "
		"pattern (A1) for posterior-chain force (A3), done with a slow eccentric (B3).",
	[CO_PATTERN_SQUAT] =
		"Squats build the quads and glutes that push the body up from every footstrike "
		"and absorb it on landing: vertical force production and braking control (A1, A3).",
	[CO_PATTERN_SINGLE_LEG] =
		"Running is a series of single-leg landings: single-leg strength with a slow "
		"lowering trains the knee and hip to brake and stay aligned over one foot (A1, A3).",
	[CO_PATTERN_HIP_EXTENSION] =
		"Hip extension work loads the glutes directly, the muscles that drive the leg "
		"back under the body and steady the pelvis at midstance (A1, A3).",
	[CO_PATTERN_CARRY] =
		"Loaded carries teach the trunk and hips to stay stiff while the legs move, "
		"the way the torso must hold still over each stride (A1, A5).",
	[CO_PATTERN_CALF_STRAIGHT] =
		"Straight-knee calf raises load the gastrocnemius and Achilles tendon, which "
		"return energy at toe-off and meet several times body weight per step (A3, A4).",
	[CO_PATTERN_CALF_BENT] =
		"Bent-knee calf raises target the soleus, the calf muscle that takes the largest "
		"share of load in running and controls the shin over the foot (A3, A4).",
	[CO_PATTERN_TIBIALIS] =
		"Tibialis work strengthens the front of the shin that lowers the foot after "
		"heel contact: braking control and fewer shin complaints (A3, A4).",
	[CO_PATTERN_ANTI_ROTATION] =
		"Anti-rotation work resists the twist that each leg drive puts through the trunk, "
		"so less energy leaks sideways: resist, don't crunch (A5).",
	[CO_PATTERN_ANTI_EXTENSION] =
		"Anti-extension work keeps the ribs and pelvis stacked so the low back does not "
		"arch as the hip extends at push-off (A5).",
	[CO_PATTERN_ANTI_LATERAL_FLEXION] =
		"Anti-lateral-flexion work keeps the pelvis level and the trunk upright while one "
		"foot is on the ground, as at every step of a run (A5).",
	[CO_PATTERN_HIP_STABILITY] =
		"Hip stability work trains the abductors and rotators that stop the knee caving "
		"and the hip dropping over a single stance leg (A3, A7).",
	[CO_PATTERN_MOBILITY_HIPS] =
		"Hip mobility keeps the range a long stride needs without the low back making up "
		"for a stiff hip flexor (A7).",
	[CO_PATTERN_MOBILITY_ANKLES] =
		"Ankle mobility lets the shin travel over the foot so the calf and knee share the "
		"landing instead of the foot collapsing (A7).",
	[CO_PATTERN_MOBILITY_THORACIC] =
		"Thoracic mobility frees the upper back to rotate against the hips, for a relaxed "
		"arm swing and easier breathing (A7).",
	[CO_PATTERN_ACTIVATION] =
		"Activation drills wake up the glutes, hips and ankles before loading them, so the "
		"main lifts are done with the right muscles (A7, B1).",
	[CO_PATTERN_BREATHING] =
		"Breathing drills restore a calm rib and pelvis position and a long exhale after "
		"training, which also helps bracing and breathing on the run (B1).",
	[CO_PATTERN_PLYOMETRIC] =
		"Plyometrics train a stiff, springy ground contact, but they are ballistic: a "
		"separate low-volume block, never inside a heavy strength block (A6).",
};

/* Fold a name as users may type it: lowercase, '-' and ' ' read as '_'. */
static void fold(char *dst, size_t cap, const char *src)
{
	size_t n = 0;

	for (; *src && n + 1 < cap; src++) {
		unsigned char c = (unsigned char)*src;
		dst[n++] = (c == '-' || c == ' ') ? '_' : (char)tolower(c);
	}
	dst[n] = '\0';
}

static int index_of(const char *const *names, const char *name)
{
	char buf[64];

	if (!name || strlen(name) >= sizeof(buf))
		return -1;
	fold(buf, sizeof(buf), name);
	for (int i = 0; names[i]; i++)
		if (!strcmp(buf, names[i]))
			return i;
	return -1;
}

/* The index of the single set bit of `bit` below `count`, or -1. */
static int bit_index(unsigned bit, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		if (bit == 1u << i)
			return (int)i;
	return -1;
}

const char *co_pattern_name(co_pattern p)
{
	return (unsigned)p < CO_PATTERN_COUNT ? pattern_names[p] : NULL;
}

int co_pattern_from_name(const char *name)
{
	return index_of(pattern_names, name);
}

const char *co_pattern_why(co_pattern p)
{
	return (unsigned)p < CO_PATTERN_COUNT ? pattern_why[p] : NULL;
}

const char *co_region_name(co_region r)
{
	int i = bit_index((unsigned)r, CO_REGION_COUNT);
	return i < 0 ? NULL : region_names[i];
}

int co_region_from_name(const char *name)
{
	int i = index_of(region_names, name);
	return i < 0 ? -1 : (int)(1u << i);
}

const char *co_equipment_name(co_equipment e)
{
	int i = bit_index((unsigned)e, CO_EQUIP_COUNT);
	return i < 0 ? NULL : equipment_names[i];
}

int co_equipment_from_name(const char *name)
{
	int i = index_of(equipment_names, name);
	return i < 0 ? -1 : (int)(1u << i);
}

const char *co_level_name(co_level l)
{
	return (unsigned)l < CO_LEVEL_COUNT ? level_names[l] : NULL;
}

int co_level_from_name(const char *name)
{
	return index_of(level_names, name);
}

const char *co_carryover_name(co_carryover c)
{
	int i = bit_index((unsigned)c, CO_CARRY_COUNT);
	return i < 0 ? NULL : carryover_names[i];
}

int co_carryover_from_name(const char *name)
{
	int i = index_of(carryover_names, name);
	return i < 0 ? -1 : (int)(1u << i);
}

/* A8: a niggle site (no side) as a bit of co_exercise.gentle_for. */
static int site_bit(const char *name)
{
	int i = co_niggle_site_index(name);

	/* the bare site: "achilles", not "achilles_left" */
	return i < 0 || strcmp(co_niggle_sites()[i], name) ? -1 : (int)(1u << i);
}

/* ---- the catalogue ---------------------------------------------------------- */

enum key {
	K_NAME, K_ALIASES, K_PATTERN, K_REGIONS, K_UNILATERAL, K_EQUIPMENT,
	K_LEVEL, K_CARRYOVER, K_BALLISTIC, K_COMPOUND, K_TEMPO, K_REPS,
	K_SECONDS, K_PROGRESSION, K_REGRESSION, K_FIT_CATEGORY, K_FIT_NAME,
	K_CUE, K_GENTLE_FOR, K_COUNT
};

static const char *const key_names[K_COUNT + 1] = {
	"name", "aliases", "pattern", "regions", "unilateral", "equipment",
	"level", "carryover", "ballistic", "compound", "tempo", "reps",
	"seconds", "progression", "regression", "fit_category", "fit_name",
	"cue", "gentle_for", NULL
};

/* Parse-time facts about one entry, kept for messages after the parse. */
typedef struct entry_meta {
	int line;               /* the [id] line */
	int key_line[K_COUNT];  /* where each key was set; 0 when absent */
	const char **folded;    /* folded id then aliases, NULL-terminated */
} entry_meta;

/* One slot of the id/alias index: an open-addressing hash table. */
typedef struct slot {
	const char *key;        /* folded; NULL for an empty slot */
	const char *display;    /* the id or alias as written */
	size_t ex;              /* index into ex[] */
	int line;
	int is_id;
} slot;

struct co_catalog {
	co_exercise *ex;
	entry_meta *meta;
	size_t n, cap, cap_meta;
	slot *slots;
	size_t n_slots, cap_slots; /* cap_slots: a power of two, or 0 */
	void **owned;
	size_t n_owned, cap_owned;
};

static void *own(co_catalog *cat, void *p)
{
	*CO_VEC_PUSH(cat->owned, cat->n_owned, cat->cap_owned) = p;
	return p;
}

static char *own_str(co_catalog *cat, const char *s, size_t len)
{
	return own(cat, co_xstrndup(s, len));
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static slot *lookup(const co_catalog *cat, const char *folded)
{
	if (!cat->cap_slots)
		return NULL;
	for (size_t i = hash(folded) & (cat->cap_slots - 1);; i = (i + 1) & (cat->cap_slots - 1)) {
		slot *s = &cat->slots[i];
		if (!s->key)
			return NULL;
		if (!strcmp(s->key, folded))
			return s;
	}
}

static void insert(co_catalog *cat, const slot *in)
{
	if (2 * (cat->n_slots + 1) > cat->cap_slots) {
		size_t cap = cat->cap_slots ? 2 * cat->cap_slots : 256;
		slot *old = cat->slots;
		size_t old_cap = cat->cap_slots;

		cat->slots = co_xcalloc(cap, sizeof(*cat->slots));
		cat->cap_slots = cap;
		cat->n_slots = 0;
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key)
				insert(cat, &old[i]);
		free(old);
	}
	size_t i = hash(in->key) & (cat->cap_slots - 1);
	while (cat->slots[i].key)
		i = (i + 1) & (cat->cap_slots - 1);
	cat->slots[i] = *in;
	cat->n_slots++;
}

void co_catalog_free(co_catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->n_owned; i++)
		free(cat->owned[i]);
	free(cat->owned);
	free(cat->slots);
	free(cat->ex);
	free(cat->meta);
	free(cat);
}

size_t co_catalog_count(const co_catalog *cat)
{
	return cat ? cat->n : 0;
}

const co_exercise *co_catalog_at(const co_catalog *cat, size_t i)
{
	return cat && i < cat->n ? &cat->ex[i] : NULL;
}

const co_exercise *co_catalog_find(const co_catalog *cat, const char *id_or_alias)
{
	char buf[MAX_ALIAS + 2];
	const slot *s;

	if (!cat || !id_or_alias || strlen(id_or_alias) > MAX_ALIAS)
		return NULL;
	fold(buf, sizeof(buf), id_or_alias);
	s = lookup(cat, buf);
	return s ? &cat->ex[s->ex] : NULL;
}

const char *co_catalog_suggest(const co_catalog *cat, const char *typed)
{
	char buf[128];
	co_suggest sg;
	const char *display = NULL;

	if (!cat || !typed || strlen(typed) >= sizeof(buf))
		return NULL;
	fold(buf, sizeof(buf), typed);
	co_suggest_init(&sg, buf);
	/* File order, so that ties go to the earlier (more common) entry. */
	for (size_t i = 0; i < cat->n; i++) {
		const char **f = cat->meta[i].folded;
		for (size_t j = 0; f[j]; j++) {
			const char *before = sg.best;
			co_suggest_offer(&sg, f[j]);
			if (sg.best != before)
				display = j == 0 ? cat->ex[i].id : cat->ex[i].aliases[j - 1];
		}
	}
	return sg.best ? display : NULL;
}

/* ---- parsing ---------------------------------------------------------------- */

typedef struct parser {
	co_catalog *cat;
	const char *src;
	const char *text;
	size_t len;
	int line;            /* the line being read */
	int header_serial;   /* section headers seen so far */
	int header_line;     /* line of the latest header */
	int entry_serial;    /* header_serial of the entry being filled */
	int failed;
	int err_line;        /* the line the message names */
	int err_seen;        /* the line being read when it was found */
	char msg[600];
} parser;

static int fail(parser *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Record the first error; returns 0 so a handler can `return fail(...)`. */
static int fail(parser *p, int line, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return 0;
	p->failed = 1;
	p->err_line = line;
	p->err_seen = p->line;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
	va_end(ap);
	return 0;
}

static int fail_unknown(parser *p, const char *what, const char *value,
			const char *const *names)
{
	char buf[64];
	const char *near = NULL;

	if (strlen(value) < sizeof(buf)) {
		fold(buf, sizeof(buf), value);
		near = co_suggest_from(buf, names);
	}
	if (near)
		return fail(p, p->line, "unknown %s '%.60s' (did you mean '%s'?)", what, value, near);
	return fail(p, p->line, "unknown %s '%.60s'", what, value);
}

/* ini.h strips with isspace(), as inih did: '\f' and '\v' count as indentation too. */
static int is_blank(int c)
{
	return isspace(c);
}

/*
 * The line-level rules, before a line is split (the file comment says why).
 * Sets p->line, so every message names the line being read. Returns 0 when
 * the line stops the parse (the error is recorded).
 */
static int check_line(parser *p, const co_ini_line *ln)
{
	const char *s = ln->raw;
	size_t n = ln->raw_len + (ln->bom ? 3 : 0), m = ln->raw_len;

	p->line = ln->lineno;
	if (memchr(s, '\0', m)) {
		fail(p, p->line, "NUL byte in line");
		return 0;
	}
	if (n > MAX_LINE) {
		fail(p, p->line, "line is longer than %d characters", MAX_LINE);
		return 0;
	}
	if (ln->indented) {
		size_t k = 0;
		while (k < m && is_blank((unsigned char)s[k]))
			k++;
		if (k < m && s[k] != '#' && s[k] != ';') {
			fail(p, p->line, "line starts with a space (continuation lines are not "
			     "supported: keep each value on one line)");
			return 0;
		}
	} else if (m && s[0] == '[') {
		const char *close = memchr(s, ']', m);

		if (p->header_serial && p->entry_serial != p->header_serial) {
			fail(p, p->header_line, "section has no keys");
			return 0;
		}
		if (close && (size_t)(close - s - 1) > MAX_ID) {
			fail(p, p->line, "id '%.*s...' is longer than %d characters", 20, s + 1, MAX_ID);
			return 0;
		}
		p->header_serial++;
		p->header_line = p->line;
	}
	return 1;
}

static int valid_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > MAX_ID || !islower((unsigned char)s[0]))
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* Register an id or alias in the index; fails on a clash after folding. */
static int add_name(parser *p, const char *display, int is_id, int line,
		    const char **folded_out)
{
	co_catalog *cat = p->cat;
	char buf[MAX_ALIAS + 2];
	const slot *old;
	slot s;

	fold(buf, sizeof(buf), display);
	old = lookup(cat, buf);
	if (old) {
		const char *owner = cat->ex[old->ex].id;
		if (old->is_id && is_id)
			return fail(p, line, "duplicate exercise '%s' (first defined on line %d)",
				    display, old->line);
		if (old->is_id)
			return fail(p, line, "'%s' is already the id of an exercise (line %d)",
				    display, old->line);
		return fail(p, line, "'%s' is already an alias of '%s' (line %d)",
			    display, owner, old->line);
	}
	s.key = own_str(cat, buf, strlen(buf));
	s.display = display;
	s.ex = cat->n - 1;
	s.line = line;
	s.is_id = is_id;
	insert(cat, &s);
	*folded_out = s.key;
	return 1;
}

/* The checks that need the whole entry: required keys and METHOD rules. */
static int finish_entry(parser *p)
{
	static const enum key required[] = {
		K_NAME, K_PATTERN, K_REGIONS, K_EQUIPMENT, K_LEVEL, K_FIT_CATEGORY,
		K_FIT_NAME, K_CUE
	};
	co_exercise *e;
	entry_meta *m;

	if (!p->cat->n)
		return 1;
	e = &p->cat->ex[p->cat->n - 1];
	m = &p->cat->meta[p->cat->n - 1];
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!m->key_line[required[i]])
			return fail(p, m->line, "exercise '%s' has no '%s'", e->id,
				    key_names[required[i]]);
	if (!m->key_line[K_REPS] && !m->key_line[K_SECONDS])
		return fail(p, m->line, "exercise '%s' has no dose ('reps' or 'seconds')", e->id);
	if (e->compound && !co_method_is_a1(e->pattern))
		return fail(p, m->key_line[K_COMPOUND],
			    "'%s' cannot be compound: main lifts are hinge, squat, single_leg, "
			    "hip_extension or carry (METHOD A1)", e->id);
	if (e->compound && (e->equipment & CO_EQUIP_MACHINE))
		return fail(p, m->key_line[K_COMPOUND],
			    "'%s' cannot be compound: machine lifts are never main lifts (METHOD A1)",
			    e->id);
	if (e->ballistic && e->pattern != CO_PATTERN_PLYOMETRIC)
		return fail(p, m->key_line[K_BALLISTIC],
			    "'%s' is ballistic, so its pattern must be plyometric (METHOD A6)", e->id);
	if (co_method_is_core(e->pattern) && e->dose == CO_DOSE_SECONDS && e->dose_max > CO_A5_MAX_SECONDS)
		return fail(p, m->key_line[K_SECONDS],
			    "core holds are at most %d s (METHOD A5), not %d", CO_A5_MAX_SECONDS,
			    e->dose_max);
	if (co_method_is_core(e->pattern) && e->dose == CO_DOSE_REPS && e->dose_max > CO_A5_MAX_REPS)
		return fail(p, m->key_line[K_REPS],
			    "core sets are at most %d reps (METHOD A5), not %d", CO_A5_MAX_REPS,
			    e->dose_max);
	return 1;
}

static int start_entry(parser *p, const char *id)
{
	co_catalog *cat = p->cat;
	co_exercise *e;
	entry_meta *m;
	const char *folded;

	if (!finish_entry(p))
		return 0;
	p->entry_serial = p->header_serial;
	if (!valid_id(id))
		return fail(p, p->header_line,
			    "invalid id '%.60s' (use lowercase letters, digits and '_', starting "
			    "with a letter)", id);
	CO_VEC_GROW(cat->ex, cat->n + 1, cat->cap);
	CO_VEC_GROW(cat->meta, cat->n + 1, cat->cap_meta);
	e = &cat->ex[cat->n];
	m = &cat->meta[cat->n];
	memset(e, 0, sizeof(*e));
	memset(m, 0, sizeof(*m));
	cat->n++;
	e->id = own_str(cat, id, strlen(id));
	m->line = p->header_line;
	if (!add_name(p, e->id, 1, p->header_line, &folded))
		return 0;
	m->folded = own(cat, co_xcalloc(2, sizeof(*m->folded)));
	m->folded[0] = folded;
	e->aliases = (const char *const *)own(cat, co_xcalloc(1, sizeof(char *)));
	return 1;
}

/* Split a comma list; calls `each` with every trimmed item (NUL-terminated). */
static int each_item(parser *p, const char *key, const char *value,
		     int (*each)(parser *p, const char *item, void *ctx), void *ctx)
{
	const char *s = value;
	char item[MAX_LINE + 1];

	for (;;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		while (len && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (!len)
			return fail(p, p->line, "empty item in '%s'", key);
		memcpy(item, s, len);
		item[len] = '\0';
		if (!each(p, item, ctx))
			return 0;
		if (!end)
			return 1;
		s = end + 1;
	}
}

typedef struct bits_ctx {
	const char *what;
	const char *const *names;
	int (*from_name)(const char *name);
	unsigned bits;
} bits_ctx;

static int add_bit(parser *p, const char *item, void *ctx)
{
	bits_ctx *b = ctx;
	int bit = b->from_name(item);

	if (bit < 0)
		return fail_unknown(p, b->what, item, b->names);
	b->bits |= (unsigned)bit;
	return 1;
}

static int parse_bits(parser *p, const char *key, const char *value, const char *what,
		      const char *const *names, int (*from_name)(const char *), unsigned *out)
{
	bits_ctx b = {what, names, from_name, 0};

	if (!each_item(p, key, value, add_bit, &b))
		return 0;
	*out = b.bits;
	return 1;
}

static int valid_alias(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > MAX_ALIAS)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != ' ' && *s != '-' && *s != '_')
			return 0;
	return 1;
}

typedef struct alias_ctx {
	const char **list;  /* display strings */
	const char **folded;
	size_t n, cap_list, cap_folded;
} alias_ctx;

static int add_alias(parser *p, const char *item, void *ctx)
{
	alias_ctx *a = ctx;
	const char *display, *folded;

	if (!valid_alias(item))
		return fail(p, p->line, "invalid alias '%.60s' (letters, digits, spaces, '-' and '_', "
			    "at most %d characters)", item, MAX_ALIAS);
	display = own_str(p->cat, item, strlen(item));
	if (!add_name(p, display, 0, p->line, &folded))
		return 0;
	/* room for a NULL after the last one */
	CO_VEC_GROW(a->list, a->n + 2, a->cap_list);
	CO_VEC_GROW(a->folded, a->n + 2, a->cap_folded);
	a->list[a->n] = display;
	a->folded[a->n] = folded;
	a->n++;
	return 1;
}

static int parse_aliases(parser *p, const char *value, co_exercise *e, entry_meta *m)
{
	alias_ctx a = {NULL, NULL, 0, 0, 0};
	const char **list, **folded;
	int ok = each_item(p, "aliases", value, add_alias, &a);

	if (ok) {
		list = own(p->cat, co_xcalloc(a.n + 1, sizeof(*list)));
		folded = own(p->cat, co_xcalloc(a.n + 2, sizeof(*folded)));
		folded[0] = m->folded[0];
		for (size_t i = 0; i < a.n; i++) {
			list[i] = a.list[i];
			folded[i + 1] = a.folded[i];
		}
		e->aliases = list;
		m->folded = folded;
	}
	free(a.list);
	free(a.folded);
	return ok;
}

static int parse_bool(parser *p, const char *key, const char *value, bool *out)
{
	if (!strcmp(value, "yes")) {
		*out = true;
		return 1;
	}
	if (!strcmp(value, "no")) {
		*out = false;
		return 1;
	}
	return fail(p, p->line, "'%s' must be yes or no, not '%.40s'", key, value);
}

/* A whole number in [lo, hi] made of digits only; -1 when it is not one. */
static long parse_uint(const char *s, size_t len, long lo, long hi)
{
	long v = 0;

	if (len == 0 || len > 6)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v < lo || v > hi ? -1 : v;
}

/* "6-10" or "8", each within [1, max], low <= high. */
static int parse_dose(parser *p, const char *key, const char *value, int max, co_exercise *e)
{
	const char *dash = strchr(value, '-');
	const char *a = value, *b = dash ? dash + 1 : value;
	size_t la = dash ? (size_t)(dash - value) : strlen(value);
	long lo, hi;

	while (la && isspace((unsigned char)a[la - 1]))
		la--;
	while (isspace((unsigned char)*b))
		b++;
	lo = parse_uint(a, la, 1, max);
	hi = parse_uint(b, strlen(b), 1, max);
	if (lo < 0 || hi < 0 || lo > hi)
		return fail(p, p->line, "'%s' must be a range like 6-10 within 1-%d, not '%.40s'",
			    key, max, value);
	e->dose_min = (int)lo;
	e->dose_max = (int)hi;
	return 1;
}

/* METHOD B3 tempo: eccentric-pause-concentric, each a digit or X. */
static int valid_tempo(const char *s)
{
	if (strlen(s) != 5 || s[1] != '-' || s[3] != '-')
		return 0;
	for (int i = 0; i < 5; i += 2)
		if (!isdigit((unsigned char)s[i]) && s[i] != 'X')
			return 0;
	return 1;
}

/* FORMATS.md 2.1: exercise_category is 0-53 except 48 and 51, or 65534 (unknown). */
static int valid_fit_category(long v)
{
	return (v >= 0 && v <= 53 && v != 48 && v != 51) || v == 65534;
}

static int set_key(parser *p, enum key k, const char *value)
{
	co_catalog *cat = p->cat;
	co_exercise *e = &cat->ex[cat->n - 1];
	entry_meta *m = &cat->meta[cat->n - 1];
	int i;
	long v;

	if (!*value)
		return fail(p, p->line, "'%s' is empty", key_names[k]);
	switch (k) {
	case K_NAME:
		e->name = own_str(cat, value, strlen(value));
		return 1;
	case K_CUE:
		e->cue = own_str(cat, value, strlen(value));
		return 1;
	case K_ALIASES:
		return parse_aliases(p, value, e, m);
	case K_PATTERN:
		if ((i = co_pattern_from_name(value)) < 0)
			return fail_unknown(p, "pattern", value, pattern_names);
		e->pattern = (co_pattern)i;
		return 1;
	case K_LEVEL:
		if ((i = co_level_from_name(value)) < 0)
			return fail_unknown(p, "level", value, level_names);
		e->level = (co_level)i;
		return 1;
	case K_REGIONS:
		return parse_bits(p, "regions", value, "region", region_names,
				  co_region_from_name, &e->regions);
	case K_CARRYOVER:
		return parse_bits(p, "carryover", value, "carryover", carryover_names,
				  co_carryover_from_name, &e->carryover);
	case K_GENTLE_FOR:
		return parse_bits(p, "gentle_for", value, "niggle site", co_niggle_sites(),
				  site_bit, &e->gentle_for);
	case K_EQUIPMENT:
		if (!strcmp(value, "bodyweight")) {
			e->equipment = 0;
			return 1;
		}
		return parse_bits(p, "equipment", value, "equipment", equipment_names,
				  co_equipment_from_name, &e->equipment);
	case K_UNILATERAL:
		return parse_bool(p, "unilateral", value, &e->unilateral);
	case K_BALLISTIC:
		return parse_bool(p, "ballistic", value, &e->ballistic);
	case K_COMPOUND:
		return parse_bool(p, "compound", value, &e->compound);
	case K_TEMPO:
		if (!valid_tempo(value))
			return fail(p, p->line, "invalid tempo '%.40s' (eccentric-pause-concentric, "
				    "like 3-1-X)", value);
		e->tempo = own_str(cat, value, strlen(value));
		return 1;
	case K_REPS:
	case K_SECONDS:
		if (m->key_line[k == K_REPS ? K_SECONDS : K_REPS])
			return fail(p, p->line, "an exercise has 'reps' or 'seconds', not both");
		e->dose = k == K_REPS ? CO_DOSE_REPS : CO_DOSE_SECONDS;
		return parse_dose(p, key_names[k], value, k == K_REPS ? MAX_REPS : MAX_SECONDS, e);
	case K_PROGRESSION:
	case K_REGRESSION:
		if (!valid_id(value))
			return fail(p, p->line, "'%s' must be an exercise id, not '%.60s'",
				    key_names[k], value);
		/* Resolved once every id is known (resolve_links). */
		if (k == K_PROGRESSION)
			e->progression = own_str(cat, value, strlen(value));
		else
			e->regression = own_str(cat, value, strlen(value));
		return 1;
	case K_FIT_CATEGORY:
		v = parse_uint(value, strlen(value), 0, 65535);
		if (v < 0 || !valid_fit_category(v))
			return fail(p, p->line, "invalid FIT exercise_category '%.40s' (0-53, or "
				    "65534 for unknown)", value);
		e->fit_category = (uint16_t)v;
		return 1;
	case K_FIT_NAME:
		v = parse_uint(value, strlen(value), 0, 65534);
		if (v < 0)
			return fail(p, p->line, "invalid FIT exercise_name '%.40s' (0-65534)", value);
		e->fit_name = (uint16_t)v;
		return 1;
	case K_COUNT:
		break;
	}
	return 0;
}

static int on_key(parser *p, const char *section, const char *name, const char *value)
{
	entry_meta *m;
	int k;

	if (p->failed)
		return 1;
	if (!*section)
		return fail(p, p->line, "'%.40s' is outside any [exercise] section", name);
	if (p->entry_serial != p->header_serial && !start_entry(p, section))
		return 0;
	if (!p->cat->n) /* only if the splitter saw a header check_line() did not */
		return fail(p, p->line, "expected '[id]' or 'key = value'");
	for (k = 0; key_names[k] && strcmp(key_names[k], name); k++)
		;
	if (!key_names[k])
		return fail_unknown(p, "key", name, key_names);
	m = &p->cat->meta[p->cat->n - 1];
	if (m->key_line[k])
		return fail(p, p->line, "'%s' is set twice (first on line %d)", key_names[k],
			    m->key_line[k]);
	m->key_line[k] = p->line;
	return set_key(p, (enum key)k, value);
}

/* Point progression/regression at the target's id; every target must exist. */
static int resolve_links(parser *p)
{
	co_catalog *cat = p->cat;

	for (size_t i = 0; i < cat->n; i++) {
		for (int which = 0; which < 2; which++) {
			enum key k = which ? K_REGRESSION : K_PROGRESSION;
			const char **link = which ? &cat->ex[i].regression : &cat->ex[i].progression;
			const co_exercise *to;

			if (!*link)
				continue;
			to = co_catalog_find(cat, *link);
			if (!to || strcmp(to->id, *link)) {
				const char *near = to ? to->id : co_catalog_suggest(cat, *link);
				if (near)
					return fail(p, cat->meta[i].key_line[k],
						    "%s '%s' is not an exercise id (did you mean '%s'?)",
						    key_names[k], *link, near);
				return fail(p, cat->meta[i].key_line[k], "%s '%s' is not an exercise id",
					    key_names[k], *link);
			}
			*link = to->id;
		}
	}
	return 1;
}

/*
 * No loops: in the graph with an edge easier -> harder for every
 * `progression` (from the entry) and every `regression` (to the entry),
 * a cycle would make an exercise harder than itself. Iterative DFS in file
 * order; the error names the line of the key that closes the loop.
 */
static int check_cycles(parser *p)
{
	co_catalog *cat = p->cat;
	size_t n = cat->n;
	size_t *start = co_xcalloc(n + 1, sizeof(*start));
	size_t *to = NULL, *stack = NULL, *next = NULL;
	int *line = NULL;
	unsigned char *color = NULL;
	size_t n_edges = 0, *fill = NULL;
	int ok = 1;

#define IDX(ptr) ((size_t)(co_catalog_find(cat, (ptr)) - cat->ex))
	for (size_t i = 0; i < n; i++) {
		if (cat->ex[i].progression)
			start[i]++;
		if (cat->ex[i].regression)
			start[IDX(cat->ex[i].regression)]++;
	}
	for (size_t i = 0; i < n; i++)
		n_edges += start[i];
	/* start[i] becomes the first edge of node i (CSR layout). */
	for (size_t i = 0, sum = 0; i <= n; i++) {
		size_t c = i < n ? start[i] : 0;
		start[i] = sum;
		sum += c;
	}
	to = co_xcalloc(n_edges + 1, sizeof(*to));
	line = co_xcalloc(n_edges + 1, sizeof(*line));
	fill = co_xcalloc(n + 1, sizeof(*fill));
	for (size_t i = 0; i < n; i++) {
		if (cat->ex[i].progression) {
			size_t e = start[i] + fill[i]++;
			to[e] = IDX(cat->ex[i].progression);
			line[e] = cat->meta[i].key_line[K_PROGRESSION];
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (cat->ex[i].regression) {
			size_t from = IDX(cat->ex[i].regression);
			size_t e = start[from] + fill[from]++;
			to[e] = i;
			line[e] = cat->meta[i].key_line[K_REGRESSION];
		}
	}
#undef IDX

	color = co_xcalloc(n + 1, 1);
	stack = co_xcalloc(n + 1, sizeof(*stack));
	next = co_xcalloc(n + 1, sizeof(*next));
	for (size_t root = 0; root < n && ok; root++) {
		size_t depth = 0;

		if (color[root])
			continue;
		stack[depth++] = root;
		color[root] = 1;
		next[root] = start[root];
		while (depth && ok) {
			size_t u = stack[depth - 1];

			if (next[u] == start[u + 1]) {
				color[u] = 2;
				depth--;
				continue;
			}
			size_t e = next[u]++;
			size_t v = to[e];
			if (color[v] == 0) {
				color[v] = 1;
				next[v] = start[v];
				stack[depth++] = v;
			} else if (color[v] == 1) {
				co_strbuf path;
				size_t k = depth;

				co_strbuf_init(&path);

				while (k && stack[k - 1] != v)
					k--;
				for (size_t j = k - 1; j < depth; j++) {
					if (path.len > 200) {
						co_strbuf_adds(&path, "... -> ");
						break;
					}
					co_strbuf_addf(&path, "%s -> ", cat->ex[stack[j]].id);
				}
				co_strbuf_adds(&path, cat->ex[v].id);
				fail(p, line[e], "progression cycle: %s (an exercise cannot be harder "
				     "than itself)", path.buf);
				co_strbuf_release(&path);
				ok = 0;
			}
		}
	}
	free(start);
	free(to);
	free(line);
	free(fill);
	free(color);
	free(stack);
	free(next);
	return ok;
}

/*
 * Every line through check_line(), co_ini_split() and on_key(), until the
 * end or the first error. Returns the first line that could not be split
 * as INI or that on_key() refused (0: none), as inih's parser did: a
 * syntax error does not stop the reading, so a later line-level error is
 * still found, and co_catalog_parse() reports whichever comes first.
 */
static int read_all(parser *p)
{
	co_ini_reader rd;
	co_ini_line ln;
	char section[50] = ""; /* inih's section buffer: names are at most MAX_ID anyway */
	int error = 0;

	co_ini_reader_init(&rd, p->text, p->len);
	while (!p->failed && co_ini_next_line(&rd, &ln)) {
		if (!check_line(p, &ln))
			break;
		co_ini_split(&rd, &ln, ln.raw, ln.raw_len);
		switch (ln.kind) {
		case CO_INI_SECTION:
			snprintf(section, sizeof(section), "%s", ln.section);
			break;
		case CO_INI_KEY:
			if (!on_key(p, section, ln.key, ln.value) && !error)
				error = ln.lineno;
			break;
		case CO_INI_BAD:
			if (!error)
				error = ln.lineno;
			break;
		default:
			break;
		}
	}
	co_ini_reader_release(&rd);
	return error;
}

int co_catalog_parse(co_catalog **out, const char *text, size_t len, const char *source)
{
	parser p;
	int rc, ret = CO_OK;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.cat = co_xcalloc(1, sizeof(*p.cat));
	p.src = source ? source : "catalogue";
	p.text = text ? text : "";
	p.len = text ? len : 0;

	rc = read_all(&p);
	p.line = INT_MAX; /* what is found from here on comes after every line */
	if (!p.failed && p.header_serial && p.entry_serial != p.header_serial)
		fail(&p, p.header_line, "section has no keys");
	if (!p.failed)
		finish_entry(&p);
	/*
	 * rc is the first line that could not be split or that on_key refused;
	 * a syntax error met before our first error is the one to report.
	 */
	if (rc > 0 && (!p.failed || rc < p.err_seen)) {
		ret = co_error_set(CO_EINPUT, "%s:%d: expected '[id]' or 'key = value'", p.src, rc);
		goto done;
	}
	if (!p.failed && !p.cat->n) {
		ret = co_error_set(CO_EINPUT, "%s: no exercises", p.src);
		goto done;
	}
	if (!p.failed && resolve_links(&p))
		check_cycles(&p);
	if (p.failed) {
		ret = co_error_set(CO_EINPUT, "%s:%d: %s", p.src, p.err_line, p.msg);
		goto done;
	}
	*out = p.cat;
	p.cat = NULL;
done:
	co_catalog_free(p.cat);
	return ret;
}

/* ---- the embedded default ---------------------------------------------------- */

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static co_catalog *default_cat;
static char default_err[1024];

static void load_default(void)
{
	if (co_catalog_parse(&default_cat, co_embedded_catalog, co_embedded_catalog_len,
			     "data/exercises.ini") < 0)
		snprintf(default_err, sizeof(default_err), "%s", co_error_last());
}

const co_catalog *co_catalog_default(void)
{
	pthread_once(&default_once, load_default);
	if (!default_cat)
		co_error_set(CO_EINPUT, "%s", default_err);
	return default_cat;
}
