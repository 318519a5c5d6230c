/*
 * Internals shared by the GPX and TCX readers (gpx.c, tcx.c) and their
 * driver (xmltrack.c). Not a public header.
 *
 * The driver owns the expat parser, the element stack (local names mapped
 * to small ids by each format, prefixes stripped), the text of the current
 * leaf element, and the activity builder. A format supplies three
 * handlers and fills xt_point values; the builder turns points into the
 * co_activity totals and samples.
 */
#ifndef CO_FORMATS_XMLTRACK_INT_H
#define CO_FORMATS_XMLTRACK_INT_H

#include <expat.h>
#include <stdbool.h>

#include "carryover/activity.h"
#include "carryover/xmltrack.h"

#define XT_MAX_DEPTH 48  /* deeper elements are counted, not tracked */
#define XT_TEXT_MAX 256  /* longer leaf text is truncated (never needed) */
/*
 * Longest single markup token (a tag with its attributes, a comment, a
 * processing instruction) a document may hold. expat 2.5 parses an
 * unfinished token again from its start at every feed, so a token of L
 * bytes fed in CHUNK pieces costs L^2 / CHUNK; capping L keeps a document
 * linear in its size. Real GPX and TCX tags are well under a kilobyte.
 */
#define XT_TOKEN_MAX (1024 * 1024)
/* Laps kept per activity, as the FIT reader keeps (the totals count them all). */
#define XT_MAX_LAPS 4096

/* Element ids: 0 is "not one we know", formats number theirs from 1. */
enum { XT_OTHER = 0 };

/* One trackpoint as read. NAN (or 0 for hr) means absent. */
typedef struct xt_point {
	long long t_ms;
	bool has_t;
	bool has_offset;
	int offset_s;
	double lat, lon;
	double ele;
	double dist;   /* cumulative metres written by the device (TCX) */
	double speed;  /* m/s */
	double cad;    /* as written: strides/min (running) or rpm */
	int hr;
} xt_point;

void xt_point_init(xt_point *p);

/* The activity being built, with running totals. */
typedef struct xt_builder {
	co_activity act;
	bool open;           /* begun and not yet delivered */
	bool has_start;
	long long start_ms;  /* act.start, in ms */
	bool has_time;
	long long first_ms, last_ms; /* earliest and latest point time */
	co_xmltrack_info info;
	double hr_sum, cad_sum;
	/* continuity inside one segment (trkseg / Track) */
	bool prev_ok;
	long long prev_ms;
	bool prev_has_t;
	double prev_lat, prev_lon;   /* last position in the segment */
	double prev_dist;            /* device distance at the last timed point */
	double pending;              /* path since the last timed point */
	bool prev_pos_at_t;          /* the last timed point had a position */
	double path;         /* haversine metres, within segments */
	double file_dist;    /* greatest device distance seen; NAN none */
	double moving;       /* seconds above CO_XMLTRACK_MOVING_SPEED */
	bool moving_known;
	/* TCX laps */
	double lap_time, lap_dist; /* sums; NAN when a lap lacked them */
	size_t laps;
	long long lap_end_ms;  /* greatest lap start + lap time */
} xt_builder;

typedef struct xt_format {
	const char *format;   /* "gpx" / "tcx" for co_activity.format */
	unsigned long long text_ids; /* bit (1 << id): a leaf whose text is read */
	int (*id_of)(const char *local);
	void (*start)(struct co_xmltrack *r, int id, const char **attrs);
	void (*end)(struct co_xmltrack *r, int id, const char *text);
} xt_format;

extern const xt_format xt_gpx_format;
extern const xt_format xt_tcx_format;

/* The per-format state lives here so one allocation holds the reader. */
typedef struct xt_gpx_state {
	xt_point pt;
	bool in_pt;
	int ext_depth;     /* > 0 inside trkpt/extensions */
	bool new_trk;      /* no timed point seen yet in the current <trk> */
	int sport;         /* from <trk><type>; -1 unknown */
	bool saw_trk, saw_rte, saw_wpt, saw_trkpt;
	char creator[64];
} xt_gpx_state;

typedef struct xt_tcx_state {
	xt_point pt;
	bool in_pt;
	bool in_activity;
	int courses;       /* > 0 inside <Courses> */
	bool saw_activity, saw_course;
	bool has_id, id_has_offset;
	long long id_ms;
	int id_offset;
	co_lap lap;
	bool in_lap;
	bool lap_has_time, lap_has_dist, lap_has_start, lap_has_offset;
	long long lap_ms;
	int lap_offset;
	double run_cad;    /* RunCadence of the current point; NAN none */
} xt_tcx_state;

struct co_xmltrack {
	XML_Parser xp;
	co_xmltrack_kind kind;     /* what was asked for */
	const xt_format *fmt;      /* chosen at the root element */
	char *name;
	co_activity_fn cb;
	void *ctx;
	int rc;                    /* sticky: first error */
	unsigned delivered;        /* activities given to cb */
	unsigned index;            /* next co_activity.index */
	bool leading;              /* still before the first '<' */
	unsigned long long fed;    /* bytes given to expat so far */
	int bom_pos;               /* bytes of a UTF-8 BOM seen (0..3) */
	unsigned long lead_lines, lead_cols; /* whitespace skipped there */
	bool started;              /* root element seen */
	int depth;
	unsigned char stack[XT_MAX_DEPTH];
	bool collect;
	char text[XT_TEXT_MAX];
	size_t text_len;
	char skip[160];            /* first reason for skipping, "" none */
	xt_builder b;
	xt_gpx_state gpx;
	xt_tcx_state tcx;
};

/* The id of the element `up` levels above the current one (0 = itself). */
int xt_parent(const struct co_xmltrack *r, int up);

/* Value of attribute `name` (prefix ignored) or NULL. */
const char *xt_attr(const char **attrs, const char *name);

/* Strict number parse of the whole (trimmed) text; NAN when not a number. */
double xt_number(const char *text);

/* Record why something was skipped (the first reason wins). */
void xt_skip(struct co_xmltrack *r, const char *reason);

/* Stop with an error (the first one wins); message already set. */
void xt_fail(struct co_xmltrack *r, int rc);

/* Builder. */
void xt_begin(struct co_xmltrack *r);
void xt_segment(struct co_xmltrack *r);
void xt_set_start(struct co_xmltrack *r, long long ms, bool has_offset, int offset_s);
void xt_add_point(struct co_xmltrack *r, const xt_point *p);
void xt_add_lap(struct co_xmltrack *r, const co_lap *lap, bool has_time, bool has_dist,
		long long start_ms, bool has_start);
/* Finish and hand over the activity (or record why not); then closed. */
void xt_deliver(struct co_xmltrack *r);

/*
 * co_xmltrack_parse_time() for the readers: 0 or -1, no last error set,
 * and times outside 1980..2099 rejected as a device's "no time" filler.
 */
int xt_parse_time(long long *out_ms, const char *text, bool *has_offset, int *offset_s);

/* Great-circle distance in metres (haversine, mean Earth radius). */
double xt_haversine(double lat1, double lon1, double lat2, double lon2);

#endif
