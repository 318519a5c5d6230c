/*
 * GPX 1.0 / 1.1 tracks as activities (the state machine; the expat driver
 * and the builder are in xmltrack.c).
 *
 * Read: <gpx creator> as the device; <trk><type> as the sport (names, or
 * Strava's numbers); trk/trkseg/trkpt with lat/lon attributes, <ele>,
 * <time>, GPX 1.0 <speed>; inside trkpt/<extensions>, at any depth and with
 * any prefix, hr|heartrate, cad|cadence and speed (Garmin
 * TrackPointExtension v1/v2, Cluetrust gpxdata, Sports Tracker, MyTrails).
 * Ignored: routes, waypoints, <metadata><time> (the schema makes it the
 * file's creation time, not the start: GPSBabel writes the conversion
 * date there), names, links and every other extension.
 *
 * One file is one activity: every <trkseg> and <trk> is a piece of it,
 * except that a <trk> whose first time comes more than
 * CO_XMLTRACK_SPLIT_GAP after the last time so far starts a new activity.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "carryover/activity.h"
#include "formats/xmltrack_int.h"

enum {
	G_GPX = 1, G_METADATA, G_TIME, G_TRK, G_TRKSEG, G_TRKPT, G_ELE, G_TYPE,
	G_EXTENSIONS, G_HR, G_CAD, G_SPEED, G_RTE, G_WPT
};

static int gpx_id(const char *n)
{
	switch (n[0]) {
	case 'c':
		if (!strcmp(n, "cad") || !strcmp(n, "cadence"))
			return G_CAD;
		break;
	case 'e':
		if (!strcmp(n, "ele"))
			return G_ELE;
		if (!strcmp(n, "extensions"))
			return G_EXTENSIONS;
		break;
	case 'g':
		if (!strcmp(n, "gpx"))
			return G_GPX;
		break;
	case 'h':
		if (!strcmp(n, "hr") || !strcmp(n, "heartrate"))
			return G_HR;
		break;
	case 'm':
		if (!strcmp(n, "metadata"))
			return G_METADATA;
		break;
	case 'r':
		if (!strcmp(n, "rte"))
			return G_RTE;
		break;
	case 's':
		if (!strcmp(n, "speed"))
			return G_SPEED;
		break;
	case 't':
		if (!strcmp(n, "trkpt"))
			return G_TRKPT;
		if (!strcmp(n, "time"))
			return G_TIME;
		if (!strcmp(n, "trkseg"))
			return G_TRKSEG;
		if (!strcmp(n, "trk"))
			return G_TRK;
		if (!strcmp(n, "type"))
			return G_TYPE;
		break;
	case 'w':
		if (!strcmp(n, "wpt"))
			return G_WPT;
		break;
	}
	return XT_OTHER;
}

/*
 * <trk><type>: a name ("running", "Run", "cycling") or, from Strava, a
 * number of its own list (1 ride, 4 hike, 9 run, 10 walk, 16 swim).
 * Anything else leaves the sport unknown.
 */
static int gpx_sport(const char *text)
{
	static const struct {
		const char *code;
		int sport;
	} strava[] = {
		{"1", CO_SPORT_CYCLING}, {"4", CO_SPORT_HIKING},
		{"9", CO_SPORT_RUNNING}, {"10", CO_SPORT_WALKING},
		{"16", CO_SPORT_SWIMMING},
	};

	for (size_t i = 0; i < sizeof(strava) / sizeof(*strava); i++)
		if (!strcmp(text, strava[i].code))
			return strava[i].sport;
	return co_sport_parse(text);
}

static void gpx_begin(co_xmltrack *r)
{
	xt_begin(r);
	snprintf(r->b.act.device, sizeof(r->b.act.device), "%s", r->gpx.creator);
	if (r->gpx.sport > 0)
		r->b.act.sport = r->gpx.sport;
}

static void gpx_start(co_xmltrack *r, int id, const char **attrs)
{
	xt_gpx_state *g = &r->gpx;
	int parent = xt_parent(r, 1);

	switch (id) {
	case G_GPX:
		if (parent == -1) {
			const char *c = xt_attr(attrs, "creator");

			snprintf(g->creator, sizeof(g->creator), "%s", c ? c : "");
			g->sport = -1;
			gpx_begin(r);
		}
		break;
	case G_TRK:
		if (parent == G_GPX) {
			g->saw_trk = true;
			g->new_trk = true;
			xt_segment(r);
		}
		break;
	case G_TRKSEG:
		if (parent == G_TRK)
			xt_segment(r);
		break;
	case G_TRKPT:
		if (parent == G_TRKSEG) {
			g->saw_trkpt = true;
			g->in_pt = true;
			g->ext_depth = 0;
			xt_point_init(&g->pt);
			g->pt.lat = xt_number(xt_attr(attrs, "lat"));
			g->pt.lon = xt_number(xt_attr(attrs, "lon"));
		}
		break;
	case G_EXTENSIONS:
		if (g->in_pt && parent == G_TRKPT)
			g->ext_depth = 1;
		break;
	case G_RTE:
		g->saw_rte = true;
		break;
	case G_WPT:
		g->saw_wpt = true;
		break;
	}
}

static void gpx_point_end(co_xmltrack *r)
{
	xt_gpx_state *g = &r->gpx;
	xt_builder *b = &r->b;

	g->in_pt = false;
	g->ext_depth = 0;
	if (g->new_trk && g->pt.has_t) {
		if (b->has_time &&
		    g->pt.t_ms - b->last_ms > CO_XMLTRACK_SPLIT_GAP * 1000LL) {
			xt_deliver(r);
			if (r->rc)
				return;
			gpx_begin(r);
		}
		g->new_trk = false;
	}
	xt_add_point(r, &g->pt);
}

static void gpx_root_end(co_xmltrack *r)
{
	const xt_gpx_state *g = &r->gpx;

	if (!g->saw_trkpt) {
		if (g->saw_trk)
			xt_skip(r, "an empty track, no points");
		else if (g->saw_rte)
			xt_skip(r, "a route, not a recorded activity (no <trk>)");
		else if (g->saw_wpt)
			xt_skip(r, "waypoints only, not a recorded activity (no <trk>)");
		else
			xt_skip(r, "no track, nothing recorded");
	}
	xt_deliver(r);
}

static void gpx_end(co_xmltrack *r, int id, const char *text)
{
	xt_gpx_state *g = &r->gpx;
	int parent = xt_parent(r, 1);
	double v;

	switch (id) {
	case G_GPX:
		if (parent == -1)
			gpx_root_end(r);
		return;
	case G_TRKPT:
		if (g->in_pt && parent == G_TRKSEG)
			gpx_point_end(r);
		return;
	case G_EXTENSIONS:
		if (parent == G_TRKPT)
			g->ext_depth = 0;
		return;
	case G_TYPE:
		if (parent == G_TRK) {
			int sport = gpx_sport(text);

			if (sport != CO_SPORT_GENERIC) {
				g->sport = sport;
				if (r->b.open && r->b.act.sport == CO_SPORT_GENERIC)
					r->b.act.sport = sport;
			}
		}
		return;
	}
	if (!g->in_pt)
		return;
	switch (id) {
	case G_TIME:
		if (parent == G_TRKPT)
			g->pt.has_t = !xt_parse_time(&g->pt.t_ms, text, &g->pt.has_offset,
						     &g->pt.offset_s);
		break;
	case G_ELE:
		if (parent == G_TRKPT)
			g->pt.ele = xt_number(text);
		break;
	case G_SPEED:
		if (parent == G_TRKPT || g->ext_depth) {
			v = xt_number(text);
			if (v >= 0 && isnan(g->pt.speed))
				g->pt.speed = v;
		}
		break;
	case G_HR:
		v = xt_number(text);
		if (g->ext_depth && v >= 1 && v < 256 && !g->pt.hr)
			g->pt.hr = (int)lround(v);
		break;
	case G_CAD:
		v = xt_number(text);
		if (g->ext_depth && v >= 0 && v < 256 && isnan(g->pt.cad))
			g->pt.cad = v;
		break;
	}
}

#define BIT(id) (1ULL << (id))
const xt_format xt_gpx_format = {
	"gpx",
	BIT(G_TIME) | BIT(G_ELE) | BIT(G_TYPE) | BIT(G_HR) | BIT(G_CAD) | BIT(G_SPEED),
	gpx_id, gpx_start, gpx_end
};
