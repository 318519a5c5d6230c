/*
 * TCX (Garmin Training Center Database v2) activities (the state machine;
 * the expat driver and the builder are in xmltrack.c).
 *
 * Each <Activity Sport=...> under <Activities> (a MultiSportSession's
 * too) is one activity. Read from it: <Id>, <Creator><Name> as the device,
 * every <Lap StartTime> with TotalTimeSeconds (timer time), DistanceMeters,
 * Average/MaximumHeartRateBpm and the ActivityExtension LX AvgSpeed; every
 * <Track> (a segment) and <Trackpoint> with Time, Position, AltitudeMeters,
 * DistanceMeters (cumulative), HeartRateBpm, Cadence and the TPX
 * extension's Speed and RunCadence (which wins over Cadence).
 *
 * The start is the first lap's StartTime, else the first trackpoint's time,
 * else <Id> (Garmin Connect rounds Id down to the minute). <Courses> are
 * planned routes and are skipped.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "carryover/activity.h"
#include "formats/xmltrack_int.h"

enum {
	T_TCD = 1, T_ACTIVITIES, T_ACTIVITY, T_ID, T_LAP, T_TOTALTIME,
	T_DISTANCE, T_AVGHR, T_MAXHR, T_VALUE, T_TRACK, T_TRACKPOINT, T_TIME,
	T_POSITION, T_LAT, T_LON, T_ALT, T_HR, T_CADENCE, T_RUNCADENCE,
	T_SPEED, T_AVGSPEED, T_CREATOR, T_NAME, T_COURSES
};

static const struct {
	const char *name;
	int id;
} tcx_names[] = {
	/* the trackpoint's children first: they are by far the most common */
	{"Trackpoint", T_TRACKPOINT}, {"Time", T_TIME}, {"Position", T_POSITION},
	{"LatitudeDegrees", T_LAT}, {"LongitudeDegrees", T_LON},
	{"AltitudeMeters", T_ALT}, {"DistanceMeters", T_DISTANCE},
	{"HeartRateBpm", T_HR}, {"Value", T_VALUE}, {"Cadence", T_CADENCE},
	{"RunCadence", T_RUNCADENCE}, {"Speed", T_SPEED},
	{"Track", T_TRACK}, {"Lap", T_LAP}, {"TotalTimeSeconds", T_TOTALTIME},
	{"AverageHeartRateBpm", T_AVGHR}, {"MaximumHeartRateBpm", T_MAXHR},
	{"AvgSpeed", T_AVGSPEED}, {"Activity", T_ACTIVITY}, {"Id", T_ID},
	{"Creator", T_CREATOR}, {"Name", T_NAME}, {"Activities", T_ACTIVITIES},
	{"Courses", T_COURSES}, {"TrainingCenterDatabase", T_TCD},
};

static int tcx_id(const char *n)
{
	for (size_t i = 0; i < sizeof(tcx_names) / sizeof(*tcx_names); i++)
		if (n[0] == tcx_names[i].name[0] && !strcmp(n, tcx_names[i].name))
			return tcx_names[i].id;
	return XT_OTHER;
}

static void tcx_start(co_xmltrack *r, int id, const char **attrs)
{
	xt_tcx_state *t = &r->tcx;
	const char *v;

	if (id == T_COURSES) {
		t->courses++;
		t->saw_course = true;
		return;
	}
	if (t->courses)
		return;
	switch (id) {
	case T_ACTIVITY:
		t->saw_activity = true;
		t->in_activity = true;
		t->has_id = false;
		xt_begin(r);
		v = xt_attr(attrs, "Sport");
		r->b.act.sport = co_sport_parse(v);
		break;
	case T_LAP:
		if (!t->in_activity || xt_parent(r, 1) != T_ACTIVITY)
			break;
		t->in_lap = true;
		memset(&t->lap, 0, sizeof(t->lap));
		t->lap.elapsed = t->lap.moving = CO_UNKNOWN;
		t->lap.distance = t->lap.avg_speed = CO_UNKNOWN;
		t->lap_has_time = t->lap_has_dist = false;
		t->lap_has_start = false;
		v = xt_attr(attrs, "StartTime");
		if (v && !xt_parse_time(&t->lap_ms, v, &t->lap_has_offset,
					&t->lap_offset)) {
			t->lap_has_start = true;
			t->lap.start = t->lap_ms >= 0 ? t->lap_ms / 1000 : 0;
			xt_set_start(r, t->lap_ms, t->lap_has_offset, t->lap_offset);
		}
		break;
	case T_TRACK:
		if (t->in_activity)
			xt_segment(r);
		break;
	case T_TRACKPOINT:
		if (t->in_activity) {
			t->in_pt = true;
			xt_point_init(&t->pt);
			t->run_cad = NAN;
		}
		break;
	}
}

static int hr_value(const char *text)
{
	double v = xt_number(text);

	return v >= 1 && v < 256 ? (int)lround(v) : 0;
}

static void tcx_end(co_xmltrack *r, int id, const char *text)
{
	xt_tcx_state *t = &r->tcx;
	int parent = xt_parent(r, 1), grand = xt_parent(r, 2);
	double v;

	if (id == T_COURSES) {
		if (t->courses)
			t->courses--;
		return;
	}
	if (id == T_TCD && parent == -1) {
		if (!r->delivered && !t->saw_activity)
			xt_skip(r, t->saw_course ? "a TCX course, not a recorded activity" :
				"no <Activity>, nothing recorded");
		return;
	}
	if (t->courses || !t->in_activity)
		return;

	if (t->in_pt) {
		xt_point *p = &t->pt;

		switch (id) {
		case T_TRACKPOINT:
			if (!isnan(t->run_cad))
				p->cad = t->run_cad;
			t->in_pt = false;
			xt_add_point(r, p);
			break;
		case T_TIME:
			if (parent == T_TRACKPOINT)
				p->has_t = !xt_parse_time(&p->t_ms, text, &p->has_offset,
							  &p->offset_s);
			break;
		case T_LAT:
			if (parent == T_POSITION)
				p->lat = xt_number(text);
			break;
		case T_LON:
			if (parent == T_POSITION)
				p->lon = xt_number(text);
			break;
		case T_ALT:
			if (parent == T_TRACKPOINT)
				p->ele = xt_number(text);
			break;
		case T_DISTANCE:
			if (parent == T_TRACKPOINT)
				p->dist = xt_number(text);
			break;
		case T_VALUE:
			if (parent == T_HR && grand == T_TRACKPOINT)
				p->hr = hr_value(text);
			break;
		case T_CADENCE:
			v = xt_number(text);
			if (parent == T_TRACKPOINT && v >= 0 && v < 256)
				p->cad = v;
			break;
		case T_RUNCADENCE:
			v = xt_number(text);
			if (v >= 0 && v < 256)
				t->run_cad = v;
			break;
		case T_SPEED:
			v = xt_number(text);
			if (v >= 0)
				p->speed = v;
			break;
		}
		return;
	}

	switch (id) {
	case T_ACTIVITY:
		if (!r->b.has_start && t->has_id)
			xt_set_start(r, t->id_ms, t->id_has_offset, t->id_offset);
		t->in_activity = false;
		t->in_lap = false;
		xt_deliver(r);
		break;
	case T_ID:
		if (parent == T_ACTIVITY)
			t->has_id = !xt_parse_time(&t->id_ms, text, &t->id_has_offset,
						   &t->id_offset);
		break;
	case T_NAME:
		if (parent == T_CREATOR && grand == T_ACTIVITY)
			snprintf(r->b.act.device, sizeof(r->b.act.device), "%s", text);
		break;
	case T_LAP:
		if (!t->in_lap)
			break;
		t->in_lap = false;
		if (t->lap.avg_speed < 0 && t->lap_has_time && t->lap_has_dist &&
		    t->lap.moving > 0)
			t->lap.avg_speed = t->lap.distance / t->lap.moving;
		xt_add_lap(r, &t->lap, t->lap_has_time, t->lap_has_dist, t->lap_ms,
			   t->lap_has_start);
		break;
	case T_TOTALTIME:
		v = xt_number(text);
		if (t->in_lap && parent == T_LAP && v >= 0) {
			t->lap.moving = v;
			t->lap_has_time = true;
		}
		break;
	case T_DISTANCE:
		v = xt_number(text);
		if (t->in_lap && parent == T_LAP && v >= 0) {
			t->lap.distance = v;
			t->lap_has_dist = true;
		}
		break;
	case T_VALUE:
		if (t->in_lap && grand == T_LAP && parent == T_AVGHR)
			t->lap.avg_hr = (uint8_t)hr_value(text);
		else if (t->in_lap && grand == T_LAP && parent == T_MAXHR)
			t->lap.max_hr = (uint8_t)hr_value(text);
		break;
	case T_AVGSPEED:
		v = xt_number(text);
		if (t->in_lap && v >= 0)
			t->lap.avg_speed = v;
		break;
	}
}

#define BIT(id) (1ULL << (id))
const xt_format xt_tcx_format = {
	"tcx",
	BIT(T_ID) | BIT(T_TOTALTIME) | BIT(T_DISTANCE) | BIT(T_VALUE) | BIT(T_TIME) |
		BIT(T_LAT) | BIT(T_LON) | BIT(T_ALT) | BIT(T_CADENCE) | BIT(T_RUNCADENCE) |
		BIT(T_SPEED) | BIT(T_AVGSPEED) | BIT(T_NAME),
	tcx_id, tcx_start, tcx_end
};
