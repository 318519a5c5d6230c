/*
 * The driver behind the GPX and TCX readers: expat in push mode, an element
 * stack of small ids, the text of the current leaf, and the activity
 * builder that turns trackpoints into co_activity totals and samples.
 *
 * Invariants:
 *   - memory is bounded: the stack is XT_MAX_DEPTH ids, leaf text is at
 *     most XT_TEXT_MAX bytes, and the sample stream obeys activity.h's cap;
 *     nothing of the document is kept once its element has ended;
 *   - element names are matched on their local part, prefix stripped
 *     (gpxtpx:hr, ns3:hr and hr are one element): files in the wild bind
 *     the Garmin namespaces to any prefix, or to none at all;
 *   - the first error is sticky: once rc != 0 the parser is stopped and
 *     every later call returns rc;
 *   - distance and moving time never bridge two segments (GPX <trkseg>,
 *     TCX <Track>): a new segment means the recording paused or lost fix.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/xmltrack.h"
#include "formats/xmltrack_int.h"

#define CHUNK (64 * 1024)
/* An interval longer than this with no way to tell movement is a pause. */
#define UNKNOWN_MOVE_MAX_S 60.0
#define EARTH_RADIUS_M 6371000.0
/* A slow step shorter than this (m) is position noise (see xt_add_point). */
#define JITTER_M 5.0

void xt_point_init(xt_point *p)
{
	p->t_ms = 0;
	p->has_t = false;
	p->has_offset = false;
	p->offset_s = 0;
	p->lat = p->lon = NAN;
	p->ele = NAN;
	p->dist = NAN;
	p->speed = NAN;
	p->cad = NAN;
	p->hr = 0;
}

double xt_haversine(double lat1, double lon1, double lat2, double lon2)
{
	const double rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	if (a > 1)
		a = 1;
	return 2 * EARTH_RADIUS_M * asin(sqrt(a));
}

/* ---- small text helpers ---------------------------------------------- */

static const char *local_name(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

const char *xt_attr(const char **attrs, const char *name)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (!strcmp(local_name(attrs[0]), name))
			return attrs[1];
	return NULL;
}

double xt_number(const char *text)
{
	char *end;
	double v;

	if (!text)
		return NAN;
	while (isspace((unsigned char)*text))
		text++;
	if (!*text)
		return NAN;
	errno = 0;
	v = strtod(text, &end);
	if (end == text || errno == ERANGE)
		return NAN;
	while (isspace((unsigned char)*end))
		end++;
	if (*end || !isfinite(v))
		return NAN;
	return v;
}

static int digits(const char **s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (**s - '0');
	}
	return v;
}

static int parse_iso(long long *out_ms, const char *text, bool *has_offset, int *offset_s)
{
	const char *s = text;
	int y, mo, d, h, mi, sec, ms = 0, off = 0;
	bool have_off = false;

	if (!s)
		goto bad;
	while (isspace((unsigned char)*s))
		s++;
	if ((y = digits(&s, 4)) < 0 || *s++ != '-' ||
	    (mo = digits(&s, 2)) < 0 || *s++ != '-' ||
	    (d = digits(&s, 2)) < 0 || (*s != 'T' && *s != 't' && *s != ' '))
		goto bad;
	s++;
	if ((h = digits(&s, 2)) < 0 || *s++ != ':' ||
	    (mi = digits(&s, 2)) < 0 || *s++ != ':' || (sec = digits(&s, 2)) < 0)
		goto bad;
	if (!co_date_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
		goto bad;
	if (sec == 60) /* a leap second: the same instant as :59 for us */
		sec = 59;
	if (*s == '.' || *s == ',') {
		int scale = 100;

		s++;
		if (!isdigit((unsigned char)*s))
			goto bad;
		for (; isdigit((unsigned char)*s); s++) {
			ms += (*s - '0') * scale;
			scale /= 10;
		}
	}
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		int sign = *s++ == '-' ? -1 : 1, oh, om = 0;

		if ((oh = digits(&s, 2)) < 0)
			goto bad;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && (om = digits(&s, 2)) < 0)
			goto bad;
		if (oh > 14 || om > 59)
			goto bad;
		off = sign * (oh * 3600 + om * 60);
		have_off = true;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s)
		goto bad;
	*out_ms = ((long long)co_date_from_ymd(y, mo, d) * 86400LL +
		   h * 3600LL + mi * 60LL + sec - off) * 1000LL + ms;
	if (has_offset)
		*has_offset = have_off;
	if (offset_s)
		*offset_s = off;
	return 0;
bad:
	return -1;
}

/*
 * A time before GPS existed (1980) or after 2099 is a device's filler for
 * "no time" (one corpus file writes INT32_MIN seconds, 1901-12-13, on every
 * point), not a moment anyone ran.
 */
int xt_parse_time(long long *out_ms, const char *text, bool *has_offset, int *offset_s)
{
	long long ms;

	if (parse_iso(&ms, text, has_offset, offset_s) ||
	    ms < 315532800000LL || ms >= 4102444800000LL)
		return -1;
	*out_ms = ms;
	return 0;
}

int co_xmltrack_parse_time(long long *out_ms, const char *text,
			   int *has_offset, int *offset_s)
{
	bool off = false;
	int secs = 0;

	if (parse_iso(out_ms, text, &off, &secs))
		return co_error_set(CO_EINPUT, "invalid time '%.40s' (expected ISO 8601, "
				    "e.g. 2027-01-04T07:30:00Z)", text ? text : "");
	if (has_offset)
		*has_offset = off;
	if (offset_s)
		*offset_s = secs;
	return 0;
}

co_xmltrack_kind co_xmltrack_kind_of_root(const char *local)
{
	if (!local)
		return CO_XMLTRACK_AUTO;
	if (!strcmp(local, "gpx"))
		return CO_XMLTRACK_GPX;
	if (!strcmp(local, "TrainingCenterDatabase"))
		return CO_XMLTRACK_TCX;
	return CO_XMLTRACK_AUTO;
}

/* ---- errors ----------------------------------------------------------- */

void xt_fail(co_xmltrack *r, int rc)
{
	if (r->rc)
		return;
	r->rc = rc;
	XML_StopParser(r->xp, XML_FALSE);
}

void xt_skip(co_xmltrack *r, const char *reason)
{
	if (!r->skip[0])
		snprintf(r->skip, sizeof(r->skip), "%s", reason);
}

int xt_parent(const co_xmltrack *r, int up)
{
	int i = r->depth - 1 - up;

	if (i < 0)
		return -1;
	return i < XT_MAX_DEPTH ? r->stack[i] : XT_OTHER;
}

/* ---- the builder ------------------------------------------------------ */

void xt_begin(co_xmltrack *r)
{
	xt_builder *b = &r->b;

	co_activity_release(&b->act);
	memset(&b->info, 0, sizeof(b->info));
	b->act.format = r->fmt->format;
	b->act.index = r->index;
	b->open = true;
	b->has_start = b->has_time = false;
	b->start_ms = b->first_ms = b->last_ms = 0;
	b->hr_sum = b->cad_sum = 0;
	b->prev_ok = false;
	b->path = 0;
	b->file_dist = NAN;
	b->moving = 0;
	b->moving_known = false;
	b->lap_time = b->lap_dist = 0;
	b->laps = 0;
	b->lap_end_ms = 0;
}

void xt_segment(co_xmltrack *r)
{
	if (r->b.prev_ok)
		r->b.path += r->b.pending; /* untimed tail of the last segment */
	r->b.pending = 0;
	r->b.prev_ok = false;
}

void xt_set_start(co_xmltrack *r, long long ms, bool has_offset, int offset_s)
{
	xt_builder *b = &r->b;

	if (b->has_start)
		return;
	b->has_start = true;
	b->start_ms = ms;
	/* floor division: times before 1970 are nonsense but must not crash */
	b->act.start = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
	if (has_offset) {
		b->act.utc_offset = offset_s;
		b->act.has_utc_offset = 1;
	}
}

static bool valid_pos(double lat, double lon)
{
	if (isnan(lat) || isnan(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
		return false;
	return !(lat == 0 && lon == 0); /* "null island": a device with no fix */
}

void xt_add_point(co_xmltrack *r, const xt_point *p)
{
	xt_builder *b = &r->b;
	bool pos = valid_pos(p->lat, p->lon);
	bool fdist = !isnan(p->dist) && p->dist >= 0;
	bool has_t = p->has_t;
	long long t = p->t_ms;
	co_sample s;
	int rc;

	if (!b->open)
		xt_begin(r);
	b->info.points++;
	if (pos)
		b->info.positioned++;
	if (p->hr > 0 && p->hr < 256) {
		b->info.hr_points++;
		b->hr_sum += p->hr;
		if (p->hr > b->act.max_hr)
			b->act.max_hr = (uint8_t)p->hr;
	}
	if (!isnan(p->cad) && p->cad >= 0 && p->cad < 256) {
		b->info.cad_points++;
		b->cad_sum += p->cad;
	}
	if (fdist && (isnan(b->file_dist) || p->dist > b->file_dist))
		b->file_dist = p->dist;

	/*
	 * Distance along the segment. A step between two timed points that is
	 * both short (< JITTER_M) and slow (< CO_XMLTRACK_MOVING_SPEED) is GPS
	 * jitter while standing at a crossing, not distance; a long slow step
	 * (a sparse log) is kept.
	 */
	if (!b->prev_ok) {
		b->prev_ok = true;
		b->prev_has_t = false;
		b->prev_lat = b->prev_lon = NAN;
		b->prev_dist = NAN;
		b->pending = 0;
	}
	if (pos) {
		if (!isnan(b->prev_lat))
			b->pending += xt_haversine(b->prev_lat, b->prev_lon, p->lat, p->lon);
		b->prev_lat = p->lat;
		b->prev_lon = p->lon;
	}
	if (has_t && (!b->prev_has_t || t > b->prev_ms)) {
		if (b->prev_has_t) {
			double dt = (double)(t - b->prev_ms) / 1000.0, d = 0;
			bool known = true;

			if (fdist && !isnan(b->prev_dist) && p->dist >= b->prev_dist)
				d = p->dist - b->prev_dist;
			else if (pos && b->prev_pos_at_t)
				d = b->pending;
			else if (!isnan(p->speed))
				d = p->speed * dt;
			else
				known = false;
			if (known ? d / dt >= CO_XMLTRACK_MOVING_SPEED :
			    dt <= UNKNOWN_MOVE_MAX_S)
				b->moving += dt;
			b->moving_known = true;
			if (b->pending >= JITTER_M ||
			    b->pending / dt >= CO_XMLTRACK_MOVING_SPEED)
				b->path += b->pending;
		} else {
			b->path += b->pending;
		}
		b->pending = 0;
		b->prev_has_t = true;
		b->prev_ms = t;
		b->prev_dist = fdist ? p->dist : NAN;
		b->prev_pos_at_t = pos;
	}
	if (has_t) {
		b->info.timed++;
		if (!b->has_time || t < b->first_ms)
			b->first_ms = t;
		if (!b->has_time || t > b->last_ms)
			b->last_ms = t;
		b->has_time = true;
		xt_set_start(r, t, p->has_offset, p->offset_s);
	}

	if (!has_t || t < b->start_ms)
		return; /* a sample needs a place on the time line */
	co_sample_init(&s);
	s.t = (uint32_t)(t / 1000 - b->act.start);
	if (pos)
		co_sample_set_pos(&s, p->lat, p->lon);
	if (fdist)
		s.distance = (float)p->dist;
	else if (b->info.positioned)
		s.distance = (float)b->path;
	co_sample_set_altitude(&s, p->ele);
	co_sample_set_speed(&s, p->speed);
	if (!isnan(p->cad) && p->cad >= 0 && p->cad < 256)
		co_sample_set_cadence(&s, 2 * p->cad); /* strides -> steps */
	if (p->hr > 0 && p->hr < 256)
		s.hr = (uint8_t)p->hr;
	rc = co_activity_add_sample(&b->act, &s);
	if (rc)
		xt_fail(r, rc);
}

void xt_add_lap(co_xmltrack *r, const co_lap *lap, bool has_time, bool has_dist,
		long long start_ms, bool has_start)
{
	xt_builder *b = &r->b;
	int rc;

	if (!b->open)
		xt_begin(r);
	b->laps++;
	if (has_time && !isnan(b->lap_time))
		b->lap_time += lap->moving;
	else
		b->lap_time = NAN;
	if (has_dist && !isnan(b->lap_dist))
		b->lap_dist += lap->distance;
	else
		b->lap_dist = NAN;
	if (has_start && has_time) {
		long long end = start_ms + (long long)llround(lap->moving * 1000.0);

		if (end > b->lap_end_ms)
			b->lap_end_ms = end;
	}
	/* the totals above count every lap; only the first XT_MAX_LAPS are kept */
	if (b->act.nlaps >= XT_MAX_LAPS)
		return;
	rc = co_activity_add_lap(&b->act, lap);
	if (rc)
		xt_fail(r, rc);
}

void xt_deliver(co_xmltrack *r)
{
	xt_builder *b = &r->b;
	co_activity *a = &b->act;
	long long end;
	int rc;

	if (!b->open || r->rc)
		return;
	xt_segment(r);
	b->open = false;
	if (!b->info.points && !b->laps) {
		xt_skip(r, "no trackpoints");
		return;
	}
	if (!b->has_start) {
		xt_skip(r, "no times (a planned route, not a recording)");
		return;
	}
	end = b->has_time ? b->last_ms : b->start_ms;
	if (b->lap_end_ms > end)
		end = b->lap_end_ms;
	if (end <= b->start_ms) {
		xt_skip(r, "a single instant, not a recording");
		return;
	}
	a->elapsed = (double)(end - b->start_ms) / 1000.0;
	/* a lap's wall-clock time runs to the next lap's start, or the end */
	for (size_t i = 0; i < a->nlaps; i++) {
		co_lap *l = &a->laps[i];
		long long to = i + 1 < a->nlaps ? a->laps[i + 1].start * 1000LL : end;

		if (l->elapsed < 0 && l->start && to >= l->start * 1000LL)
			l->elapsed = (double)(to - l->start * 1000LL) / 1000.0;
	}

	if (b->laps && !isnan(b->lap_time) && b->lap_time > 0)
		a->moving = b->lap_time;
	else if (b->moving_known)
		a->moving = b->moving;
	if (a->moving > a->elapsed)
		a->moving = a->elapsed; /* laps that overlap (Fitbit repeats them) */

	if (b->laps && !isnan(b->lap_dist) && b->lap_dist > 0)
		a->distance = b->lap_dist;
	else if (!isnan(b->file_dist))
		a->distance = b->file_dist;
	else if (b->info.positioned)
		a->distance = b->path;

	b->info.hr_mean = b->info.hr_points ? b->hr_sum / (double)b->info.hr_points : -1;
	b->info.cad_mean = b->info.cad_points ? b->cad_sum / (double)b->info.cad_points : -1;
	if (b->info.hr_points)
		a->avg_hr = (uint8_t)lround(b->info.hr_mean);
	co_activity_finish(a);

	r->index++;
	r->delivered++;
	rc = r->cb ? r->cb(r->ctx, a) : 0;
	if (rc)
		xt_fail(r, rc);
}

/* ---- expat glue ------------------------------------------------------- */

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	co_xmltrack *r = ud;
	size_t room = sizeof(r->text) - 1 - r->text_len;

	if ((size_t)len > room)
		len = (int)room;
	memcpy(r->text + r->text_len, s, (size_t)len);
	r->text_len += (size_t)len;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	co_xmltrack *r = ud;
	const char *local = local_name(name);
	int id = XT_OTHER;

	if (r->rc)
		return;
	if (!r->started) {
		co_xmltrack_kind k = co_xmltrack_kind_of_root(local);

		r->started = true;
		if (k == CO_XMLTRACK_AUTO || (r->kind != CO_XMLTRACK_AUTO && k != r->kind)) {
			const char *want = r->kind == CO_XMLTRACK_TCX ? "TCX" :
				r->kind == CO_XMLTRACK_GPX ? "GPX" : "GPX or TCX";

			co_error_set(CO_EINPUT, "%s: not a %s file (root element '%.40s')",
				     r->name, want, local);
			xt_fail(r, CO_EINPUT);
			return;
		}
		r->fmt = k == CO_XMLTRACK_GPX ? &xt_gpx_format : &xt_tcx_format;
	}
	if (r->depth < XT_MAX_DEPTH) {
		id = r->fmt->id_of(local);
		r->stack[r->depth] = (unsigned char)id;
	}
	r->depth++;
	r->text_len = 0;
	/*
	 * Only leaves whose text we read get a character handler: expat then
	 * skips the call for all the indentation between elements.
	 */
	XML_SetCharacterDataHandler(r->xp, (r->fmt->text_ids >> id) & 1 ? on_text : NULL);
	r->fmt->start(r, id, attrs);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	co_xmltrack *r = ud;
	char *t = r->text;
	size_t n = r->text_len;
	int id;

	(void)name;
	if (r->rc || r->depth <= 0)
		return; /* expat may still end the element a handler failed in */
	id = r->depth <= XT_MAX_DEPTH ? r->stack[r->depth - 1] : XT_OTHER;
	while (n && isspace((unsigned char)t[n - 1]))
		n--;
	t[n] = '\0';
	while (isspace((unsigned char)*t))
		t++;
	r->fmt->end(r, id, t);
	r->depth--;
	r->text_len = 0;
	XML_SetCharacterDataHandler(r->xp, NULL);
}

co_xmltrack *co_xmltrack_new(co_xmltrack_kind kind, const char *name,
			     co_activity_fn cb, void *ctx)
{
	co_xmltrack *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->name = strdup(name ? name : "<memory>");
	r->xp = XML_ParserCreate(NULL);
	if (!r->name || !r->xp) {
		co_xmltrack_free(r);
		return NULL;
	}
	XML_SetUserData(r->xp, r);
	XML_SetElementHandler(r->xp, on_start, on_end);
	r->kind = kind;
	r->cb = cb;
	r->ctx = ctx;
	r->leading = true;
	r->fmt = kind == CO_XMLTRACK_TCX ? &xt_tcx_format : &xt_gpx_format;
	co_activity_init(&r->b.act);
	return r;
}

void co_xmltrack_free(co_xmltrack *r)
{
	if (!r)
		return;
	if (r->xp)
		XML_ParserFree(r->xp);
	co_activity_release(&r->b.act);
	free(r->name);
	free(r);
}

const co_xmltrack_info *co_xmltrack_info_get(const co_xmltrack *r)
{
	return &r->b.info;
}

/* Report expat's error at its position, undoing the skipped lead-in. */
static int xml_error(co_xmltrack *r)
{
	unsigned long line = XML_GetCurrentLineNumber(r->xp);
	unsigned long col = XML_GetCurrentColumnNumber(r->xp) + 1;

	if (line == 1)
		col += r->lead_cols;
	line += r->lead_lines;
	co_error_set(CO_EINPUT, "%s:%lu:%lu: %s", r->name, line, col,
		     XML_ErrorString(XML_GetErrorCode(r->xp)));
	r->rc = CO_EINPUT;
	return r->rc;
}

/*
 * After a feed, what expat holds unparsed is the token it is in the middle
 * of. Past XT_TOKEN_MAX it is refused, at the token's start: see the cap.
 */
static bool token_too_long(co_xmltrack *r)
{
	XML_Index at = XML_GetCurrentByteIndex(r->xp);

	if (at < 0 || r->fed - (unsigned long long)at <= XT_TOKEN_MAX)
		return false;
	co_error_set(CO_EINPUT, "%s:%lu:%lu: markup longer than %d KiB (a tag, attribute or "
		     "comment; expected a GPX or TCX element)", r->name,
		     (unsigned long)XML_GetCurrentLineNumber(r->xp) + r->lead_lines,
		     (unsigned long)XML_GetCurrentColumnNumber(r->xp) + 1 +
		     (XML_GetCurrentLineNumber(r->xp) == 1 ? r->lead_cols : 0),
		     XT_TOKEN_MAX / 1024);
	r->rc = CO_EINPUT;
	XML_StopParser(r->xp, XML_FALSE);
	return true;
}

static int parse(co_xmltrack *r, const char *data, size_t len, int final)
{
	while (len > 0 || final) {
		int n = len > CHUNK ? CHUNK : (int)len;
		int last = final && (size_t)n == len;

		if (XML_Parse(r->xp, data, n, last) == XML_STATUS_ERROR) {
			if (r->rc)
				return r->rc; /* stopped by a handler */
			return xml_error(r);
		}
		if (r->rc)
			return r->rc;
		r->fed += (unsigned long long)n;
		if (!last && token_too_long(r))
			return r->rc;
		data += n;
		len -= (size_t)n;
		if (last)
			break;
	}
	return 0;
}

int co_xmltrack_feed(co_xmltrack *r, const void *data, size_t len)
{
	const unsigned char *d = data;

	if (r->rc)
		return r->rc;
	/*
	 * Before the first '<': drop a UTF-8 BOM and whitespace (Strava puts
	 * spaces before <?xml, which XML forbids), counting what was dropped
	 * so that error positions still point into the real file.
	 */
	while (r->leading && len) {
		static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
		unsigned char c = *d;

		if (r->bom_pos < 3 && c == bom[r->bom_pos] && !r->lead_lines &&
		    !r->lead_cols) {
			r->bom_pos++; /* a BOM may be split across two feeds */
		} else if (r->bom_pos == 1 || r->bom_pos == 2) {
			/* not a BOM after all: let expat judge those bytes */
			int rc;

			r->leading = false;
			rc = parse(r, (const char *)bom, r->bom_pos, 0);
			if (rc)
				return rc;
			break;
		} else if (c == '\n') {
			r->lead_lines++;
			r->lead_cols = 0;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			r->lead_cols++;
		} else {
			r->leading = false;
			break;
		}
		d++;
		len--;
	}
	if (!len)
		return 0;
	return parse(r, (const char *)d, len, 0);
}

int co_xmltrack_finish(co_xmltrack *r)
{
	int rc;

	if (r->rc)
		return r->rc;
	rc = parse(r, "", 0, 1);
	if (rc)
		return rc;
	if (r->b.open)
		xt_deliver(r);
	if (r->rc)
		return r->rc;
	if (r->delivered)
		return 0;
	return co_error_set(CO_EUNSUPPORTED, "%s: %s", r->name,
			    r->skip[0] ? r->skip : "no recorded activity");
}

int co_xmltrack_read_mem(co_xmltrack_kind kind, const void *data, size_t len,
			 const char *name, co_activity_fn cb, void *ctx)
{
	co_xmltrack *r = co_xmltrack_new(kind, name, cb, ctx);
	int rc;

	if (!r)
		return co_error_set(CO_ENOMEM, "out of memory");
	rc = co_xmltrack_feed(r, data, len);
	if (!rc)
		rc = co_xmltrack_finish(r);
	co_xmltrack_free(r);
	return rc;
}

int co_xmltrack_read_file(co_xmltrack_kind kind, const char *path,
			  co_activity_fn cb, void *ctx)
{
	co_xmltrack *r = NULL;
	FILE *f = NULL;
	char *buf = NULL;
	size_t n;
	int rc = 0;

	f = fopen(path, "rb");
	if (!f) {
		rc = co_error_set(CO_EIO, "'%s': %s", path, strerror(errno));
		goto done;
	}
	r = co_xmltrack_new(kind, path, cb, ctx);
	buf = malloc(CHUNK);
	if (!r || !buf) {
		rc = co_error_set(CO_ENOMEM, "out of memory");
		goto done;
	}
	while ((n = fread(buf, 1, CHUNK, f)) > 0) {
		rc = co_xmltrack_feed(r, buf, n);
		if (rc)
			goto done;
	}
	if (ferror(f)) {
		rc = co_error_set(CO_EIO, "'%s': %s", path, strerror(errno));
		goto done;
	}
	rc = co_xmltrack_finish(r);
done:
	if (f)
		fclose(f);
	free(buf);
	co_xmltrack_free(r);
	return rc;
}
