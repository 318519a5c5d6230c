/*
 * FIT activities: co_fit_decode() (include/carryover/fit.h), the activity
 * builder on top of the message walk.
 *
 * It collects file_id, record, lap, session, activity and sport messages
 * into a co_activity: one per chained activity file, or one per session
 * when a file holds several (a triathlon). Non-activity files are skipped
 * with a reason. Samples are resampled by the co_activity_add_sample()
 * rules; sessions and laps are capped (MAX_SESSIONS, MAX_LAPS) so memory
 * stays bounded on hostile input.
 *
 * Speed (the decoder must stay >= 100x Garmin's JS SDK; bench/README.md,
 * docs/formats/fit.md "Speed"): each definition says what the builder does
 * with its messages (def->use): others are skipped by size, only their
 * timestamp kept for compressed headers. A record definition is resolved
 * into a plan (the offset and type of each field a sample needs); when the
 * types are the profile's, records are read by a loop specialised for the
 * byte order, a load and a compare per field. The record loop
 * (fit_walk_records, decode_int.h) is instanced here with the builder's
 * functions as constants, so its calls are direct and inlined.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "formats/fit/decode_int.h"
#include "util/vec.h"

#define MAX_SESSIONS 64
#define MAX_LAPS 4096

typedef struct session {
	uint32_t start;       /* FIT time; 0 unknown */
	double elapsed, moving, distance, avg_speed, ascent, rpe;
	int sport, sub_sport, feel;
	uint8_t avg_hr, max_hr;
} session;

typedef struct lapx {
	uint32_t start;       /* FIT time, for assigning laps to sessions */
	co_lap lap;
} lapx;

typedef struct decoder decoder;

struct decoder {
	const co_fit_options *opt;
	co_activity_fn cb;
	void *ctx;
	int rc;               /* the callback's non-zero value, if any */
	unsigned reported;

	/* the current chained file */
	int have_file_id;
	int file_type;        /* -1 when not known */
	int manufacturer, product;
	char product_name[48];
	int sport, sub_sport; /* from a sport message; -1 none */
	int have_offset;
	int32_t utc_offset;
	uint32_t t0;          /* FIT time of the first record; 0 none */
	uint32_t last_t;      /* latest record time */
	int have_records;
	int have_csd;         /* compressed_speed_distance accumulator */
	unsigned csd_last;
	uint64_t csd_acc;
	co_activity act;      /* samples collect here */
	session sess[MAX_SESSIONS];
	unsigned nsess;
	lapx *laps;
	size_t nlaps, laps_alloc;

	/* what was skipped, for the final message */
	int skipped_type;     /* -2 none */
};

/*
 * A new chained file. The sample and lap arrays of the previous one are
 * kept (its activity has been reported), and the sample array is sized
 * up front from the data size (a record takes 20 bytes or more in
 * practice; never beyond the cap), so it is rarely grown by copying.
 */
static void file_begin(void *vctx, unsigned file, size_t data_size)
{
	decoder *d = vctx;
	co_activity *a = &d->act;
	co_sample *samples = a->samples;
	co_lap *laps = a->laps;
	size_t samples_alloc = a->samples_alloc, laps_alloc = a->laps_alloc;
	size_t cap = d->opt->sample_cap ? d->opt->sample_cap :
		CO_SAMPLE_CAP_DEFAULT, want;

	co_activity_init(a);
	a->sample_cap = cap;
	a->laps = laps;
	a->laps_alloc = laps_alloc;
	want = data_size / 20 + 64;
	if (want > cap)
		want = cap < 2 ? 2 : cap;
	if (samples_alloc < want) {
		free(samples);
		samples = malloc(want * sizeof(*samples));
		samples_alloc = samples ? want : 0;
	}
	a->samples = samples;
	a->samples_alloc = samples_alloc;
	d->have_file_id = 0;
	d->file_type = -1;
	d->manufacturer = d->product = -1;
	d->product_name[0] = '\0';
	d->sport = d->sub_sport = -1;
	d->have_offset = 0;
	d->utc_offset = 0;
	d->t0 = d->last_t = 0;
	d->have_records = 0;
	d->have_csd = 0;
	d->csd_acc = 0;
	d->nsess = 0;
	d->nlaps = 0;
	(void)file;
}

static double num_or(const co_fit_mesg *m, unsigned f, double scale,
		     double off)
{
	double v;

	/* a total is never negative, nor beyond any plausible activity */
	return fit_mesg_num(m, f, scale, off, &v) && v >= 0 && v < 1e10 ?
		v : CO_UNKNOWN;
}

static int int_or(const co_fit_mesg *m, unsigned f, int dflt)
{
	int64_t v;

	return fit_mesg_int(m, f, &v) ? (int)v : dflt;
}

static inline uint16_t clamp_u16(int64_t v)
{
	return v < 0 ? 0 : v > 65534 ? 65534 : (uint16_t)v;
}

/* semicircles to degrees x 1e7, rounded to nearest */
static inline int32_t semi_to_e7(int64_t sc)
{
	double x = (double)sc * (1.8e9 / 2147483648.0);

	return (int32_t)(x < 0 ? x - 0.5 : x + 0.5);
}

/*
 * Record field k of a record definition, by its plan: with `fast`
 * (FAST_LE or FAST_BE, a constant in each instance) the definition has
 * the profile's type for every present field, so the read is a load and
 * a compare against a constant invalid value; otherwise read_int() on the
 * resolved type. Same results as fit_mesg_int().
 */
HOT_INLINE bool rec_get(const co_fit_def *df, const unsigned char *data,
			unsigned k, int fast, int64_t *out)
{
	int32_t off = df->rec_off[k];
	const unsigned char *p;
	uint32_t u;

	if (off < 0)
		return false;
	p = data + off;
	if (!fast)
		return read_int(p, df->rec_type[k], df->big, out);
	switch (rec_want[k]) {
	case BT_SINT32:
		u = rd32(p, fast == FAST_BE);
		*out = (int32_t)u;
		return u != 0x7FFFFFFFu;
	case BT_UINT32:
		u = rd32(p, fast == FAST_BE);
		*out = u;
		return u != 0xFFFFFFFFu;
	case BT_UINT16:
		u = rd16(p, fast == FAST_BE);
		*out = u;
		return u != 0xFFFFu;
	default: /* BT_UINT8 */
		*out = p[0];
		return p[0] != 0xFF;
	}
}

/*
 * The append case of co_activity_add_sample(), inlined: a sample at least
 * a stride after the last one, with room in the array (samples_alloc
 * never exceeds the cap), is stored as it is; anything else (the first
 * sample, a merge, growth, decimation) goes through the builder.
 */
HOT_INLINE int push_sample(co_activity *a, const co_sample *s)
{
	if (a->nsamples && a->nsamples < a->samples_alloc) {
		const co_sample *last = &a->samples[a->nsamples - 1];

		if (s->t > last->t && s->t - last->t >= a->sample_stride) {
			a->samples[a->nsamples++] = *s;
			return 0;
		}
	}
	return co_activity_add_sample(a, s);
}

/*
 * A record becomes a sample. The sample's fixed-point units are chosen so
 * that FIT raw values go in without floating point: altitude has FIT's
 * own encoding, speed is FIT's mm/s, cadence x 16 = 32 x cadence +
 * fractional_cadence / 4.
 */
HOT_INLINE int on_record(decoder *d, const co_fit_def *df,
			 const unsigned char *data, uint32_t ts, int fast)
{
	co_sample s;
	int64_t v, w, t;

	if (!ts && !d->have_records)
		return 0; /* no time to place it at */
	if (ts) {
		if (!d->t0)
			d->t0 = ts;
		d->last_t = ts;
	}
	d->have_records = 1;
	t = (int64_t)d->last_t - d->t0;
	if (t < 0)
		t = 0;
	/* co_sample_init(), spelled out so that it stays in registers */
	s.t = (uint32_t)t;
	s.lat = s.lon = CO_NO_POS;
	s.distance = -1.0f;
	s.altitude = s.speed = s.cadence = CO_NO_U16;
	s.hr = 0;
	s.flags = 0;
	if (rec_get(df, data, R_LAT, fast, &v) &&
	    rec_get(df, data, R_LON, fast, &w) &&
	    v >= -1073741824 && v <= 1073741824 &&
	    w >= -2147483647 && w <= 2147483647) {
		s.lat = semi_to_e7(v);
		s.lon = semi_to_e7(w);
	}
	if (rec_get(df, data, R_EALT, fast, &v) ||
	    rec_get(df, data, R_ALT, fast, &v))
		s.altitude = clamp_u16(v);
	if (rec_get(df, data, R_HR, fast, &v) && v > 0)
		s.hr = (uint8_t)v;
	if (rec_get(df, data, R_CAD, fast, &v)) {
		/*
		 * A definition may give these fields 64-bit types: saturate
		 * first so that the sum cannot overflow (the result is
		 * clamped to 16 bits anyway).
		 */
		v = v > 65536 ? 65536 : v < -65536 ? -65536 : v;
		v *= 32;
		if (rec_get(df, data, R_FCAD, fast, &w))
			v += (w > 65536 ? 65536 : w < -65536 ? -65536 : w) / 4;
		s.cadence = clamp_u16(v);
	}
	if (rec_get(df, data, R_DIST, fast, &v))
		s.distance = (float)((double)v / 100.0);
	if (rec_get(df, data, R_ESPEED, fast, &v) ||
	    rec_get(df, data, R_SPEED, fast, &v))
		s.speed = clamp_u16(v);
	if (df->csd_off >= 0) {
		const unsigned char *f = data + df->csd_off;

		if (!(f[0] == 0xFF && f[1] == 0xFF && f[2] == 0xFF)) {
			/* 12 bits speed (1/100 m/s), 12 bits accumulated
			 * distance (1/16 m) */
			unsigned sp = f[0] | (unsigned)(f[1] & 0x0F) << 8;
			unsigned di = (unsigned)f[1] >> 4 | (unsigned)f[2] << 4;

			if (s.speed == CO_NO_U16)
				s.speed = clamp_u16((int64_t)sp * 10);
			if (d->have_csd)
				d->csd_acc += (di - d->csd_last) & 0xFFF;
			else
				d->csd_acc = di;
			d->have_csd = 1;
			d->csd_last = di;
			if (s.distance < 0)
				s.distance = (float)((double)d->csd_acc / 16.0);
		}
	}
	return push_sample(&d->act, &s);
}

static int on_record_any(decoder *d, const co_fit_def *df,
			 const unsigned char *data, uint32_t ts)
{
	return on_record(d, df, data, ts, 0);
}

/* A record by its definition's plan: the byte order's specialised reader
 * (inlined twice), or the general one. */
HOT_INLINE int on_record_plan(void *vctx, const co_fit_def *df,
			      const unsigned char *data, uint32_t ts)
{
	decoder *d = vctx;

	return df->rec_fast == FAST_LE ? on_record(d, df, data, ts, FAST_LE) :
	       df->rec_fast == FAST_BE ? on_record(d, df, data, ts, FAST_BE) :
	       on_record_any(d, df, data, ts);
}

static void on_session(decoder *d, const co_fit_mesg *m)
{
	session *s;
	int64_t v;
	double x;

	if (d->nsess == MAX_SESSIONS)
		return;
	s = &d->sess[d->nsess++];
	s->start = fit_mesg_int(m, FIT_SESSION_START_TIME, &v) ? (uint32_t)v : 0;
	s->elapsed = num_or(m, FIT_SESSION_TOTAL_ELAPSED_TIME, 1000, 0);
	s->moving = num_or(m, FIT_SESSION_TOTAL_TIMER_TIME, 1000, 0);
	s->distance = num_or(m, FIT_SESSION_TOTAL_DISTANCE, 100, 0);
	s->avg_speed = num_or(m, FIT_SESSION_ENHANCED_AVG_SPEED, 1000, 0);
	if (s->avg_speed < 0)
		s->avg_speed = num_or(m, FIT_SESSION_AVG_SPEED, 1000, 0);
	s->ascent = num_or(m, FIT_SESSION_TOTAL_ASCENT, 1, 0);
	s->sport = int_or(m, FIT_SESSION_SPORT, -1);
	s->sub_sport = int_or(m, FIT_SESSION_SUB_SPORT, -1);
	s->avg_hr = (uint8_t)int_or(m, FIT_SESSION_AVG_HEART_RATE, 0);
	s->max_hr = (uint8_t)int_or(m, FIT_SESSION_MAX_HEART_RATE, 0);
	s->feel = fit_mesg_int(m, FIT_SESSION_WORKOUT_FEEL, &v) && v <= 100 ? (int)v : -1;
	/* Garmin writes RPE x 10 (10..100); the profile gives no scale */
	s->rpe = fit_mesg_num(m, FIT_SESSION_WORKOUT_RPE, 10, 0, &x) && x <= 10 ? x : CO_UNKNOWN;
}

static int on_lap(decoder *d, const co_fit_mesg *m)
{
	lapx *l;
	int64_t v;

	if (d->nlaps == MAX_LAPS)
		return 0;
	l = CO_VEC_PUSH(d->laps, d->nlaps, d->laps_alloc);
	l->start = fit_mesg_int(m, FIT_LAP_START_TIME, &v) ? (uint32_t)v : 0;
	l->lap.start = fit_unix_time(l->start);
	l->lap.elapsed = num_or(m, FIT_LAP_TOTAL_ELAPSED_TIME, 1000, 0);
	l->lap.moving = num_or(m, FIT_LAP_TOTAL_TIMER_TIME, 1000, 0);
	l->lap.distance = num_or(m, FIT_LAP_TOTAL_DISTANCE, 100, 0);
	l->lap.avg_speed = num_or(m, FIT_LAP_ENHANCED_AVG_SPEED, 1000, 0);
	if (l->lap.avg_speed < 0)
		l->lap.avg_speed = num_or(m, FIT_LAP_AVG_SPEED, 1000, 0);
	l->lap.avg_hr = (uint8_t)int_or(m, FIT_LAP_AVG_HEART_RATE, 0);
	l->lap.max_hr = (uint8_t)int_or(m, FIT_LAP_MAX_HEART_RATE, 0);
	return 0;
}

static int on_mesg(void *vctx, const co_fit_mesg *m)
{
	decoder *d = vctx;
	int64_t a, b;

	switch (m->global) {
	case CO_FIT_FILE_ID:
		if (d->have_file_id)
			return 0; /* only the first file_id counts */
		d->have_file_id = 1;
		d->file_type = int_or(m, FIT_FILE_ID_TYPE, -1);
		d->manufacturer = int_or(m, FIT_FILE_ID_MANUFACTURER, -1);
		d->product = int_or(m, FIT_FILE_ID_PRODUCT, -1);
		co_fit_mesg_string(m, FIT_FILE_ID_PRODUCT_NAME, d->product_name,
				   sizeof(d->product_name));
		if (d->file_type >= 0 && d->file_type != CO_FIT_FILE_ACTIVITY) {
			if (d->skipped_type == -2)
				d->skipped_type = d->file_type;
			return WALK_SKIP_FILE;
		}
		return 0;
	case CO_FIT_LAP:
		return on_lap(d, m);
	case CO_FIT_SESSION:
		on_session(d, m);
		return 0;
	case CO_FIT_ACTIVITY:
		if (fit_mesg_int(m, FIT_ACTIVITY_LOCAL_TIMESTAMP, &a) &&
		    fit_mesg_int(m, FIT_FIELD_TIMESTAMP, &b) &&
		    b >= CO_FIT_DATE_MIN && a - b >= -15 * 3600 &&
		    a - b <= 15 * 3600) {
			d->have_offset = 1;
			d->utc_offset = (int32_t)(a - b);
		}
		return 0;
	case CO_FIT_SPORT:
		if (d->sport < 0) {
			d->sport = int_or(m, FIT_SPORT_SPORT, -1);
			d->sub_sport = int_or(m, FIT_SPORT_SUB_SPORT, -1);
		}
		return 0;
	default:
		return 0;
	}
}

/* co_fit_decode's instance of the record loop, the builder's calls direct. */
static int decode_records(const fit_hooks *h, co_fit_def *defs, const unsigned char *buf,
			  const unsigned char *p, const unsigned char *end, unsigned file,
			  int truncated)
{
	return fit_walk_records(defs, buf, p, end, file, truncated, on_mesg, on_record_plan,
				h->ctx);
}

static void device_string(const decoder *d, char *out, size_t n)
{
	const char *mf = d->manufacturer >= 0 ?
		co_fit_manufacturer_name(d->manufacturer) : NULL;
	const char *prod = NULL;
	char mbuf[24], pbuf[24];

	out[0] = '\0';
	if (d->manufacturer < 0 && !d->product_name[0])
		return;
	if (!mf) {
		snprintf(mbuf, sizeof(mbuf), "manufacturer_%d", d->manufacturer);
		mf = mbuf;
	}
	if (d->manufacturer == 1 || d->manufacturer == 13 ||
	    d->manufacturer == 15 || d->manufacturer == 89)
		prod = fit_garmin_product_name(d->product);
	if (!prod && d->product_name[0])
		prod = d->product_name;
	if (!prod && d->product >= 0) {
		snprintf(pbuf, sizeof(pbuf), "%d", d->product);
		prod = pbuf;
	}
	if (d->manufacturer < 0)
		snprintf(out, n, "%s", prod);
	else
		snprintf(out, n, prod ? "%s %s" : "%s", mf, prod);
}

static void apply_session(co_activity *a, const session *s)
{
	a->elapsed = s->elapsed;
	a->moving = s->moving;
	a->distance = s->distance;
	a->avg_speed = s->avg_speed;
	a->ascent = s->ascent;
	a->avg_hr = s->avg_hr;
	a->max_hr = s->max_hr;
	a->feel = s->feel;
	a->rpe = s->rpe;
	if (s->sport >= 0)
		a->sport = s->sport;
	if (s->sub_sport >= 0)
		a->sub_sport = s->sub_sport;
}

/* Report act (filled but for index/format) through the callback. */
static int report(decoder *d, co_activity *a, int truncated)
{
	int rc;

	a->format = "fit";
	a->index = d->reported++;
	a->truncated = truncated;
	co_activity_finish(a);
	rc = d->cb(d->ctx, a);
	if (rc)
		d->rc = rc;
	return rc;
}

/*
 * A file with several sessions (multisport): one activity per session,
 * holding the samples and laps inside the session's time span.
 */
static int report_sessions(decoder *d, const char *device, int truncated)
{
	unsigned i, k;
	int rc = 0;

	for (i = 0; i < d->nsess && !rc; i++) {
		const session *s = &d->sess[i];
		uint32_t from = s->start, to;
		double span;
		co_activity a;

		co_activity_init(&a);
		a.sample_cap = d->act.sample_cap;
		a.sample_stride = d->act.sample_stride;
		apply_session(&a, s);
		a.start = fit_unix_time(from);
		a.has_utc_offset = d->have_offset;
		a.utc_offset = d->utc_offset;
		snprintf(a.device, sizeof(a.device), "%s", device);
		span = s->elapsed > 0 ? ceil(s->elapsed) : 0;
		to = span >= (double)(UINT32_MAX - from) ? UINT32_MAX :
			from + (uint32_t)span;
		for (k = 0; k < d->act.nsamples && !rc; k++) {
			co_sample smp = d->act.samples[k];
			uint32_t t = d->t0 + smp.t;

			if (t < from || t > to)
				continue;
			smp.t = t - from;
			rc = co_activity_add_sample(&a, &smp);
		}
		for (k = 0; k < d->nlaps && !rc; k++)
			if (d->laps[k].start >= from && d->laps[k].start < to)
				rc = co_activity_add_lap(&a, &d->laps[k].lap);
		if (!rc)
			rc = report(d, &a, truncated);
		co_activity_release(&a);
	}
	return rc;
}

static int file_end(void *vctx, unsigned file, int truncated)
{
	decoder *d = vctx;
	co_activity *a = &d->act;
	char device[sizeof(a->device)];
	unsigned k;
	int rc = 0;

	(void)file;
	if (d->file_type >= 0 && d->file_type != CO_FIT_FILE_ACTIVITY)
		return 0;
	if (!d->have_records && !d->nsess && !d->nlaps) {
		if (d->skipped_type == -2)
			d->skipped_type = d->file_type < 0 ? -1 : CO_FIT_FILE_ACTIVITY;
		return 0;
	}
	device_string(d, device, sizeof(device));
	if (d->nsess > 1)
		return report_sessions(d, device, truncated);

	snprintf(a->device, sizeof(a->device), "%s", device);
	a->has_utc_offset = d->have_offset;
	a->utc_offset = d->utc_offset;
	if (d->sport >= 0)
		a->sport = d->sport;
	if (d->sub_sport >= 0)
		a->sub_sport = d->sub_sport;
	if (d->nsess)
		apply_session(a, &d->sess[0]);
	/* samples are relative to t0; move them to the session's start */
	if (d->nsess && d->sess[0].start >= CO_FIT_DATE_MIN && d->t0 &&
	    d->sess[0].start < d->t0) {
		uint32_t shift = d->t0 - d->sess[0].start;

		for (k = 0; k < a->nsamples; k++)
			a->samples[k].t += shift;
		a->start = fit_unix_time(d->sess[0].start);
	} else {
		a->start = fit_unix_time(d->t0 ? d->t0 :
				     d->nsess ? d->sess[0].start :
				     d->nlaps ? d->laps[0].start : 0);
	}
	for (k = 0; k < d->nlaps && !rc; k++)
		rc = co_activity_add_lap(a, &d->laps[k].lap);
	if (!rc)
		rc = report(d, a, truncated);
	return rc;
}

int co_fit_decode(const unsigned char *buf, size_t len,
		  const co_fit_options *opt, co_activity_fn cb, void *ctx)
{
	co_fit_options defaults = CO_FIT_OPTIONS_INIT;
	decoder *d = calloc(1, sizeof(*d));
	fit_hooks h = {decode_records, NULL, file_begin, file_end, NULL};
	int rc;

	if (!d)
		return co_error_set(CO_ENOMEM, "out of memory");
	d->opt = opt ? opt : &defaults;
	d->cb = cb;
	d->ctx = ctx;
	d->skipped_type = -2;
	co_activity_init(&d->act);
	h.ctx = d;
	rc = fit_walk(buf, len, d->opt, &h);
	if (d->rc) {
		rc = d->rc;
	} else if (rc == CO_EINPUT && d->opt->salvage && d->reported &&
		   strstr(co_error_last(), "truncated")) {
		rc = 0; /* salvaged: the activity says truncated = 1 */
	} else if (!rc && !d->reported) {
		if (d->skipped_type == CO_FIT_FILE_ACTIVITY)
			rc = co_error_set(CO_EUNSUPPORTED, "activity file with "
				"no records, laps or sessions");
		else if (d->skipped_type >= 0 &&
			 strcmp(co_fit_file_type_name(d->skipped_type), "unknown"))
			rc = co_error_set(CO_EUNSUPPORTED, "%s file, not an "
				"activity", co_fit_file_type_name(d->skipped_type));
		else if (d->skipped_type >= 0)
			rc = co_error_set(CO_EUNSUPPORTED, "FIT file of type %d, "
				"not an activity", d->skipped_type);
		else
			rc = co_error_set(CO_EUNSUPPORTED, "FIT file without a "
				"file_id or activity data, not an activity");
	}
	co_activity_release(&d->act);
	free(d->laps);
	free(d);
	return rc;
}
