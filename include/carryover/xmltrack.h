/*
 * GPX 1.0/1.1 and TCX (Training Center Database v2) activity readers.
 *
 * One reader for both XML track formats: it streams the document through
 * expat (no tree is built; memory is the expat buffer, one activity being
 * built and its bounded sample stream) and reports each recorded activity
 * it finds to a co_activity_fn, as the FIT reader does.
 *
 * What counts as one activity:
 *   - GPX: the whole file. Several <trk> (and every <trkseg>) are pieces of
 *     the same activity, unless a track starts more than
 *     CO_XMLTRACK_SPLIT_GAP seconds after the previous one ended: then a new
 *     activity begins (a watch's two recordings merged into one file).
 *   - TCX: each <Activity>, including those inside a MultiSportSession.
 * What is skipped (CO_EUNSUPPORTED, with the reason as the last error):
 *   routes and waypoints without a track, metadata-only files, empty
 *   tracks, tracks without a single time (a planned route, not a
 *   recording), TCX Courses.
 *
 * Details, thresholds and the list of what is read: docs/formats/gpx-tcx.md.
 */
#ifndef CARRYOVER_XMLTRACK_H
#define CARRYOVER_XMLTRACK_H

#include <stddef.h>

#include "carryover/activity.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which format a reader expects. AUTO decides from the root element. */
typedef enum co_xmltrack_kind {
	CO_XMLTRACK_AUTO = 0,
	CO_XMLTRACK_GPX = 1,
	CO_XMLTRACK_TCX = 2
} co_xmltrack_kind;

/** A gap between two GPX tracks longer than this starts a new activity (s). */
#define CO_XMLTRACK_SPLIT_GAP 3600

/**
 * Below this speed (m/s) an interval between two points counts as
 * stopped when moving time is computed from positions (GPX, and TCX
 * without lap times).
 */
#define CO_XMLTRACK_MOVING_SPEED 0.5

/** Counts for the activity being delivered, for diagnostics and tests. */
typedef struct co_xmltrack_info {
	size_t points;      /* <trkpt> / <Trackpoint> elements read */
	size_t timed;       /* ... of which had a valid time */
	size_t positioned;  /* ... of which had a valid lat/lon */
	size_t hr_points;   /* ... of which had a heart rate */
	size_t cad_points;  /* ... of which had a cadence */
	double cad_mean;    /* mean cadence as written (strides or rpm); -1 none */
	double hr_mean;     /* mean heart rate of the points; -1 none */
} co_xmltrack_info;

/** A push parser: feed it chunks as they arrive (a file, a zip entry). */
typedef struct co_xmltrack co_xmltrack;

/**
 * Make a reader. `name` (copied) is the file name used in messages; cb is
 * called once per activity with ctx. Returns NULL only when out of memory.
 * Free with co_xmltrack_free().
 */
co_xmltrack *co_xmltrack_new(co_xmltrack_kind kind, const char *name,
			     co_activity_fn cb, void *ctx);

/** Free a reader. NULL is a no-op. */
void co_xmltrack_free(co_xmltrack *p);

/**
 * Parse the next `len` bytes. Leading whitespace and a UTF-8 BOM before
 * the XML declaration are tolerated (Strava writes spaces there).
 * Returns 0; CO_EINPUT for malformed XML ("NAME:LINE:COL: expat message")
 * or a document of the wrong format; CO_ENOMEM; or the nonzero value the
 * callback returned, which stops the reader. After an error every later
 * call returns the same code.
 */
int co_xmltrack_feed(co_xmltrack *p, const void *data, size_t len);

/**
 * End of input: check the document is complete and deliver the last
 * activity. Returns 0 when at least one activity was delivered;
 * CO_EUNSUPPORTED when the document is well-formed but holds no recorded
 * activity (the last error says why: "NAME: a route, not a recorded
 * activity"); otherwise as co_xmltrack_feed().
 */
int co_xmltrack_finish(co_xmltrack *p);

/**
 * Point counts of the activity being delivered: valid only inside the
 * callback, owned by the reader.
 */
const co_xmltrack_info *co_xmltrack_info_get(const co_xmltrack *p);

/**
 * Read a whole file (in 64 KiB chunks) or a memory buffer: new, feed,
 * finish, free. `name` labels messages (NULL: "<memory>"). Same returns
 * as co_xmltrack_finish(), plus CO_EIO when the file cannot be read.
 */
int co_xmltrack_read_file(co_xmltrack_kind kind, const char *path,
			  co_activity_fn cb, void *ctx);
int co_xmltrack_read_mem(co_xmltrack_kind kind, const void *data, size_t len,
			 const char *name, co_activity_fn cb, void *ctx);

/** The format of a root element name: "gpx" -> GPX, "TrainingCenterDatabase" -> TCX, else AUTO. */
co_xmltrack_kind co_xmltrack_kind_of_root(const char *local_name);

/**
 * Parse an xsd:dateTime ("2019-06-15T09:42:23.000Z", "...+01:00",
 * "...-0500"; no zone means UTC) into milliseconds since 1970 UTC.
 * *has_offset / *offset_s (either may be NULL) say whether the text named a
 * numeric zone and what it was (local - UTC). Returns 0 or CO_EINPUT.
 */
int co_xmltrack_parse_time(long long *out_ms, const char *text,
			   int *has_offset, int *offset_s);

#ifdef __cplusplus
}
#endif

#endif
