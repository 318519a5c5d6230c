/*
 * The FIT decoder on small files built byte by byte here: header variants,
 * CRCs, byte order, compressed timestamps, invalid values, chained files,
 * truncation and salvage, non-activity files, odd field sizes, developer
 * fields, multisport sessions and the bounded sample stream.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/error.h"
#include "carryover/fit.h"

/* --- a tiny FIT writer ------------------------------------------------------ */

typedef struct fb {
	unsigned char b[1 << 16];
	size_t n;
	size_t start;   /* of the current file's header */
	unsigned hs;
} fb;

static void put(fb *f, const void *p, size_t n)
{
	assert_true(f->n + n <= sizeof(f->b));
	memcpy(f->b + f->n, p, n);
	f->n += n;
}

static void u8(fb *f, unsigned v)
{
	unsigned char c = (unsigned char)v;
	put(f, &c, 1);
}

static void u16(fb *f, unsigned v, int big)
{
	u8(f, big ? v >> 8 : v & 0xFF);
	u8(f, big ? v & 0xFF : v >> 8);
}

static void u32(fb *f, uint32_t v, int big)
{
	u16(f, big ? v >> 16 : v & 0xFFFF, big);
	u16(f, big ? v & 0xFFFF : v >> 16, big);
}

static void begin(fb *f, unsigned hs, unsigned proto)
{
	f->start = f->n;
	f->hs = hs;
	u8(f, hs);
	u8(f, proto);
	u16(f, 2132, 0);
	u32(f, 0, 0);
	put(f, ".FIT", 4);
	while (f->n - f->start < hs)
		u8(f, 0); /* header CRC and any extra header bytes */
}

static void end(fb *f, int header_crc)
{
	unsigned char *h = f->b + f->start;
	uint32_t ds = (uint32_t)(f->n - f->start - f->hs);
	uint16_t crc;

	h[4] = ds & 0xFF;
	h[5] = (ds >> 8) & 0xFF;
	h[6] = (ds >> 16) & 0xFF;
	h[7] = ds >> 24;
	if (f->hs >= 14 && header_crc) {
		crc = co_fit_crc16(0, h, 12);
		h[12] = crc & 0xFF;
		h[13] = crc >> 8;
	}
	crc = co_fit_crc16(0, h, f->n - f->start);
	u16(f, crc, 0);
}

/* A definition: fields as triples {num, size, base type}. */
static void def(fb *f, unsigned local, int big, unsigned global, unsigned n,
		const unsigned char (*fields)[3])
{
	u8(f, 0x40 | local);
	u8(f, 0);
	u8(f, big);
	u16(f, global, big);
	u8(f, n);
	for (unsigned i = 0; i < n; i++)
		put(f, fields[i], 3);
}

static const unsigned char file_id_fields[][3] = {
	{0, 1, 0x00}, {1, 2, 0x84}, {2, 2, 0x84}, {4, 4, 0x86}};

static void file_id(fb *f, unsigned type)
{
	def(f, 0, 0, CO_FIT_FILE_ID, 4, file_id_fields);
	u8(f, 0);
	u8(f, type);
	u16(f, 1, 0);    /* garmin */
	u16(f, 3113, 0); /* fr945 */
	u32(f, 1000000000, 0);
}

/* record: timestamp, lat, lon, distance, heart_rate, speed, cadence */
static const unsigned char record_fields[][3] = {
	{253, 4, 0x86}, {0, 4, 0x85}, {1, 4, 0x85}, {5, 4, 0x86},
	{3, 1, 0x02}, {6, 2, 0x84}, {4, 1, 0x02}};

static void record_def(fb *f, unsigned local, int big)
{
	def(f, local, big, CO_FIT_RECORD, 7, record_fields);
}

static void record(fb *f, unsigned local, int big, uint32_t ts, int32_t lat,
		   uint32_t dist_cm, unsigned hr, unsigned speed_mms)
{
	u8(f, local);
	u32(f, ts, big);
	u32(f, (uint32_t)lat, big);
	u32(f, (uint32_t)lat, big);
	u32(f, dist_cm, big);
	u8(f, hr);
	u16(f, speed_mms, big);
	u8(f, 85);
}

/* session: start_time, elapsed, timer, distance, sport, avg/max HR, feel, rpe */
static const unsigned char session_fields[][3] = {
	{2, 4, 0x86}, {7, 4, 0x86}, {8, 4, 0x86}, {9, 4, 0x86},
	{5, 1, 0x00}, {16, 1, 0x02}, {17, 1, 0x02}, {192, 1, 0x02},
	{193, 1, 0x02}};

static void session(fb *f, uint32_t start, uint32_t elapsed_ms,
		    uint32_t dist_cm, unsigned sport)
{
	def(f, 2, 0, CO_FIT_SESSION, 9, session_fields);
	u8(f, 2);
	u32(f, start, 0);
	u32(f, elapsed_ms, 0);
	u32(f, elapsed_ms - 1000, 0);
	u32(f, dist_cm, 0);
	u8(f, sport);
	u8(f, 150);
	u8(f, 180);
	u8(f, 75);
	u8(f, 70);
}

/* A complete activity file: file_id, n records at 1 Hz, a session. */
static void activity(fb *f, unsigned n, uint32_t t0)
{
	begin(f, 14, 0x20);
	file_id(f, CO_FIT_FILE_ACTIVITY);
	record_def(f, 1, 0);
	for (unsigned i = 0; i < n; i++)
		record(f, 1, 0, t0 + i, 500000000 + (int32_t)i, i * 300, 140 + i % 10, 3000);
	session(f, t0, n * 1000, n * 300, CO_SPORT_RUNNING);
	end(f, 1);
}

/* --- collecting results ------------------------------------------------------ */

typedef struct got {
	unsigned n;
	co_activity *acts[8];
} got;

static int keep(void *ctx, const co_activity *a)
{
	got *g = ctx;

	assert_true(g->n < 8);
	assert_int_equal(co_activity_copy(&g->acts[g->n], a), 0);
	g->n++;
	return 0;
}

static void got_free(got *g)
{
	for (unsigned i = 0; i < g->n; i++)
		co_activity_free(g->acts[i]);
	g->n = 0;
}

typedef struct recs {
	unsigned n;
	uint32_t ts[64];
	int64_t hr[64];
	int has_hr[64];
} recs;

static int collect(void *ctx, const co_fit_mesg *m)
{
	recs *r = ctx;

	if (m->global != CO_FIT_RECORD || r->n == 64)
		return 0;
	r->ts[r->n] = m->timestamp;
	r->has_hr[r->n] = co_fit_mesg_int(m, 3, &r->hr[r->n]);
	r->n++;
	return 0;
}

static fb F;

/* --- tests ------------------------------------------------------------------- */

static void crc_check_value(void **state)
{
	assert_int_equal(co_fit_crc16(0, "123456789", 9), 0xBB3D);
	/* incremental = one go */
	assert_int_equal(co_fit_crc16(co_fit_crc16(0, "1234", 4), "56789", 5), 0xBB3D);
	F.n = 0;
	activity(&F, 5, 1000000000);
	assert_int_equal(co_fit_crc16(0, F.b, F.n), 0); /* a file with its CRC */
}

static void decodes_activity(void **state)
{
	got g = {0};
	const co_activity *a;

	F.n = 0;
	activity(&F, 10, 1000000000);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.n, 1);
	a = g.acts[0];
	assert_string_equal(a->format, "fit");
	assert_int_equal(a->sport, CO_SPORT_RUNNING);
	assert_string_equal(co_sport_name(a->sport), "running");
	assert_int_equal(a->start, 1000000000LL + CO_FIT_EPOCH);
	assert_true(a->elapsed == 10.0 && a->moving == 9.0);
	assert_true(a->distance == 30.0);
	assert_int_equal(a->avg_hr, 150);
	assert_int_equal(a->max_hr, 180);
	assert_int_equal(a->feel, 75);
	assert_true(a->rpe == 7.0); /* Garmin stores RPE x 10 */
	assert_string_equal(a->device, "garmin fr945");
	assert_int_equal(a->nsamples, 10);
	assert_int_equal(a->samples[9].t, 9);
	assert_true(a->samples[9].distance == 27.0f);
	assert_int_equal(a->samples[9].hr, 149);
	assert_true(co_sample_speed(&a->samples[0]) == 3.0);
	assert_true(co_sample_cadence(&a->samples[0]) == 170.0); /* 2 x 85 */
	/* 500000000 semicircles = 41.90951586 degrees */
	assert_true(a->samples[0].lat == 419095159);
	assert_false(a->truncated);
	got_free(&g);
}

static void header_variants(void **state)
{
	static const struct { unsigned hs, proto; int hcrc, ok; } cases[] = {
		{12, 0x10, 0, 1}, {14, 0x20, 1, 1}, {14, 0x20, 0, 1} /* CRC 0 */,
		{16, 0x10, 1, 1} /* longer header */, {14, 0x02, 1, 1} /* JS SDK */,
		{14, 0x00, 1, 1} /* 2009 devices */, {14, 0x30, 1, 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		got g = {0};
		int rc;

		F.n = 0;
		begin(&F, cases[i].hs, cases[i].proto);
		file_id(&F, CO_FIT_FILE_ACTIVITY);
		record_def(&F, 1, 0);
		record(&F, 1, 0, 1000000000, 0, 0, 120, 2000);
		end(&F, cases[i].hcrc);
		rc = co_fit_decode(F.b, F.n, NULL, keep, &g);
		if (cases[i].ok) {
			assert_int_equal(rc, 0);
			assert_int_equal(g.n, 1);
		} else {
			assert_int_equal(rc, CO_EINPUT);
			assert_non_null(strstr(co_error_last(), "protocol version 3"));
		}
		got_free(&g);
	}
	/* a wrong header CRC is corruption */
	F.n = 0;
	activity(&F, 3, 1000000000);
	F.b[12] ^= 1;
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, NULL), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "header CRC"));
	/* not FIT at all */
	assert_int_equal(co_fit_decode((const unsigned char *)"<?xml version", 13, NULL, keep, NULL), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "not a FIT file"));
	assert_int_equal(co_fit_decode(F.b, 0, NULL, keep, NULL), CO_EINPUT);
}

static void file_crc_mismatch(void **state)
{
	got g = {0};

	F.n = 0;
	activity(&F, 5, 1000000000);
	F.b[40] ^= 0x10; /* flip a bit in a record */
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "CRC mismatch"));
	assert_int_equal(g.n, 0); /* nothing from a corrupt file */
}

static void big_endian(void **state)
{
	got g = {0};
	recs r = {0};

	F.n = 0;
	begin(&F, 14, 0x10);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 3, 1); /* global number 20 written as 00 14 */
	record(&F, 3, 1, 1000000000, -500000000, 123456, 170, 4321);
	end(&F, 1);
	assert_int_equal(co_fit_walk(F.b, F.n, NULL, collect, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.ts[0], 1000000000);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_true(g.acts[0]->samples[0].distance == 1234.56f);
	assert_true(co_sample_speed(&g.acts[0]->samples[0]) == 4.321);
	assert_true(g.acts[0]->samples[0].lat == -419095159);
	got_free(&g);
}

static void compressed_timestamps(void **state)
{
	static const unsigned char hr_only[][3] = {{3, 1, 0x02}};
	recs r = {0};
	const uint32_t t0 = 1000000000 + 0x1E - (1000000000 & 0x1F); /* low bits 0x1E */

	F.n = 0;
	begin(&F, 12, 0x10);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 1, 0);
	record(&F, 1, 0, t0, 0, 0, 100, 0);
	def(&F, 2, 0, CO_FIT_RECORD, 1, hr_only);
	u8(&F, 0x80 | 2 << 5 | 0x1F); /* +1 s */
	u8(&F, 101);
	u8(&F, 0x80 | 2 << 5 | 0x01); /* rolls over: +3 s */
	u8(&F, 102);
	u8(&F, 0x80 | 2 << 5 | 0x01); /* same second again */
	u8(&F, 103);
	end(&F, 0);
	assert_int_equal(co_fit_walk(F.b, F.n, NULL, collect, &r), 0);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.ts[1], t0 + 1);
	assert_int_equal(r.ts[2], t0 + 3);
	assert_int_equal(r.ts[3], t0 + 3);
	assert_int_equal(r.hr[3], 103);
}

static void invalid_values(void **state)
{
	static const unsigned char z[][3] = {{253, 4, 0x86}, {3, 1, 0x0A}, {7, 2, 0x8B}};
	got g = {0};
	recs r = {0};
	const co_sample *s;

	F.n = 0;
	begin(&F, 14, 0x20);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 1, 0);
	record(&F, 1, 0, 1000000000, 0x7FFFFFFF, 0xFFFFFFFF, 0xFF, 0xFFFF);
	def(&F, 2, 0, CO_FIT_RECORD, 3, z); /* uint8z / uint16z: 0 is invalid */
	u8(&F, 2);
	u32(&F, 1000000001, 0);
	u8(&F, 0);
	u16(&F, 0, 0);
	end(&F, 1);
	assert_int_equal(co_fit_walk(F.b, F.n, NULL, collect, &r), 0);
	assert_int_equal(r.n, 2);
	assert_false(r.has_hr[0]);
	assert_false(r.has_hr[1]);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	s = &g.acts[0]->samples[0];
	assert_int_equal(s->lat, CO_NO_POS);
	assert_true(s->distance < 0);
	assert_int_equal(s->hr, 0);
	assert_int_equal(s->speed, CO_NO_U16);
	assert_int_equal(g.acts[0]->avg_hr, 0);
	got_free(&g);
}

static void chained_files(void **state)
{
	got g = {0};

	F.n = 0;
	activity(&F, 4, 1000000000);
	activity(&F, 6, 1000003600);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.acts[0]->nsamples, 4);
	assert_int_equal(g.acts[1]->nsamples, 6);
	assert_int_equal(g.acts[1]->index, 1);
	got_free(&g);

	/* definitions do not carry over into the next file */
	F.n = 0;
	activity(&F, 2, 1000000000);
	begin(&F, 14, 0x20);
	record(&F, 1, 0, 1000000100, 0, 0, 100, 1000);
	end(&F, 1);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "no definition"));
	assert_int_equal(g.n, 1); /* the first file was already reported */
	got_free(&g);

	/* an activity chained with a settings file: the activity counts */
	F.n = 0;
	activity(&F, 2, 1000000000);
	begin(&F, 12, 0x10);
	file_id(&F, 2);
	end(&F, 0);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.n, 1);
	got_free(&g);

	/* garbage after the last file */
	F.n = 0;
	activity(&F, 2, 1000000000);
	put(&F, "junk", 4);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), CO_EINPUT);
	got_free(&g);
}

static void truncated_and_salvaged(void **state)
{
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	got g = {0};
	size_t cut;

	F.n = 0;
	activity(&F, 20, 1000000000);
	cut = F.n - 40; /* inside the session */
	assert_int_equal(co_fit_decode(F.b, cut, NULL, keep, &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "truncated"));
	assert_int_equal(g.n, 0);

	opt.salvage = 1;
	assert_int_equal(co_fit_decode(F.b, cut, &opt, keep, &g), 0);
	assert_int_equal(g.n, 1);
	assert_true(g.acts[0]->truncated);
	assert_int_equal(g.acts[0]->nsamples, 20);
	assert_true(g.acts[0]->distance == 57.0); /* from the last sample */
	got_free(&g);

	/* the walker delivers the records but still says truncated */
	{
		recs r = {0};

		assert_int_equal(co_fit_walk(F.b, cut, &opt, collect, &r), CO_EINPUT);
		assert_int_equal(r.n, 20);
	}
	/* every cut point fails cleanly without salvage */
	for (cut = 1; cut < F.n; cut++)
		assert_int_equal(co_fit_decode(F.b, cut, NULL, keep, &g), CO_EINPUT);
	assert_int_equal(g.n, 0);
}

static void non_activity_skipped(void **state)
{
	static const struct { unsigned type; const char *reason; } cases[] = {
		{2, "settings file, not an activity"},
		{5, "workout file, not an activity"},
		{32, "monitoring_b file, not an activity"},
		{200, "FIT file of type 200, not an activity"},
	};
	got g = {0};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		F.n = 0;
		begin(&F, 14, 0x20);
		file_id(&F, cases[i].type);
		record_def(&F, 1, 0); /* ignored: not an activity */
		record(&F, 1, 0, 1000000000, 0, 0, 100, 1000);
		end(&F, 1);
		assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), CO_EUNSUPPORTED);
		assert_string_equal(co_error_last(), cases[i].reason);
		assert_int_equal(g.n, 0);
	}
}

typedef struct odd {
	int n;
	bool int_ok;
	int64_t v;
	size_t len;
	char s[16];
	bool raw_ok, raw_int_ok, dev_next_ok;
	co_fit_field raw;
} odd;

static int read_odd(void *ctx, const co_fit_mesg *m)
{
	odd *o = ctx;
	int64_t v;

	if (m->global == CO_FIT_FILE_ID) {
		o->int_ok = co_fit_mesg_int(m, 3, &v);       /* uint16 in 3 bytes */
		o->len = co_fit_mesg_string(m, 8, o->s, sizeof(o->s));
		o->raw_ok = co_fit_mesg_field(m, 9, &o->raw);
		o->raw_int_ok = co_fit_mesg_int(m, 9, &v);   /* unknown type */
		assert_true(co_fit_mesg_int(m, 10, &o->v));
		assert_int_equal(co_fit_mesg_count(m), 5);
	} else if (m->global == CO_FIT_RECORD) {
		o->dev_next_ok = co_fit_mesg_int(m, 3, &v) && v == 99;
	}
	o->n++;
	return 0;
}

static void odd_fields(void **state)
{
	/* uint16 of 3 bytes, an unterminated string, an unknown base type */
	static const unsigned char fields[][3] = {
		{253, 4, 0x86}, {3, 3, 0x84}, {8, 4, 0x07}, {9, 2, 0x1E}, {10, 2, 0x84}};
	static const unsigned char hr[][3] = {{253, 4, 0x86}, {3, 1, 0x02}};
	odd o = {0};

	F.n = 0;
	begin(&F, 14, 0x20);
	def(&F, 0, 0, CO_FIT_FILE_ID, 5, fields);
	u8(&F, 0);
	u32(&F, 1000000000, 0);
	put(&F, "\x01\x02\x03", 3);
	put(&F, "fr94", 4);
	put(&F, "\x05\x06", 2);
	u16(&F, 0x1234, 0);
	/* a record definition with two developer fields (3 + 5 bytes) */
	u8(&F, 0x40 | 0x20 | 1);
	u8(&F, 0);
	u8(&F, 0);
	u16(&F, CO_FIT_RECORD, 0);
	u8(&F, 2);
	put(&F, hr[0], 3);
	put(&F, hr[1], 3);
	u8(&F, 2);
	put(&F, "\x00\x03\x00", 3);
	put(&F, "\x01\x05\x00", 3);
	u8(&F, 1);
	u32(&F, 1000000000, 0);
	u8(&F, 99);
	put(&F, "devdevdev", 8);
	/* the next record must still line up */
	u8(&F, 1);
	u32(&F, 1000000001, 0);
	u8(&F, 99);
	put(&F, "DEVDEVDE", 8);
	end(&F, 1);
	assert_int_equal(co_fit_walk(F.b, F.n, NULL, read_odd, &o), 0);
	assert_int_equal(o.n, 3);
	assert_false(o.int_ok);
	assert_int_equal(o.len, 4);
	assert_string_equal(o.s, "fr94");
	assert_true(o.raw_ok);
	assert_int_equal(o.raw.size, 2);
	assert_int_equal(o.raw.data[0], 5);
	assert_false(o.raw_int_ok);
	assert_int_equal(o.v, 0x1234);
	assert_true(o.dev_next_ok);
}

/* Definitions with the maximum of 255 fields are fine. */
static void many_fields(void **state)
{
	static unsigned char fields[255][3];
	recs r = {0};

	for (unsigned i = 0; i < 255; i++) {
		fields[i][0] = (unsigned char)(i == 0 ? 253 : i == 1 ? 3 : 100 + i % 100);
		fields[i][1] = i == 0 ? 4 : 1;
		fields[i][2] = i == 0 ? 0x86 : 0x02;
	}
	F.n = 0;
	begin(&F, 14, 0x20);
	def(&F, 5, 0, CO_FIT_RECORD, 255, fields);
	u8(&F, 5);
	u32(&F, 1000000000, 0);
	for (unsigned i = 1; i < 255; i++)
		u8(&F, i == 1 ? 150 : i);
	end(&F, 1);
	assert_int_equal(co_fit_walk(F.b, F.n, NULL, collect, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.hr[0], 150);
}

/* Two sessions in one file: one activity each (a brick: bike then run). */
static void multisport_sessions(void **state)
{
	got g = {0};

	F.n = 0;
	begin(&F, 14, 0x20);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 1, 0);
	for (unsigned i = 0; i < 30; i++)
		record(&F, 1, 0, 1000000000 + i, 0, i * 500, 130, 5000);
	session(&F, 1000000000, 15000, 7000, CO_SPORT_CYCLING);
	session(&F, 1000000015, 15000, 2500, CO_SPORT_RUNNING);
	end(&F, 1);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_CYCLING);
	assert_int_equal(g.acts[1]->sport, CO_SPORT_RUNNING);
	assert_int_equal(g.acts[1]->start, 1000000015LL + CO_FIT_EPOCH);
	assert_true(g.acts[1]->distance == 25.0);
	assert_true(g.acts[1]->nsamples >= 14 && g.acts[1]->nsamples <= 16);
	assert_int_equal(g.acts[1]->samples[0].t, 0);
	got_free(&g);
}

/* However long the file, the samples stay under the cap, at most 1 Hz. */
static void samples_bounded(void **state)
{
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	got g = {0};
	const co_activity *a;

	F.n = 0;
	begin(&F, 14, 0x20);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 1, 0);
	for (unsigned i = 0; i < 1000; i++) /* two records per second */
		record(&F, 1, 0, 1000000000 + i / 2, 0, i * 100, 120, 2000);
	end(&F, 1);
	opt.sample_cap = 64;
	assert_int_equal(co_fit_decode(F.b, F.n, &opt, keep, &g), 0);
	a = g.acts[0];
	assert_true(a->nsamples <= 64 && a->nsamples >= 16);
	assert_true(a->sample_stride >= 8);
	for (size_t i = 1; i < a->nsamples; i++)
		assert_true(a->samples[i].t - a->samples[i - 1].t >= a->sample_stride);
	assert_true(a->elapsed >= 400); /* from samples: no session */
	got_free(&g);

	opt.sample_cap = 0; /* default: 1 Hz, duplicates merged */
	assert_int_equal(co_fit_decode(F.b, F.n, &opt, keep, &g), 0);
	assert_int_equal(g.acts[0]->nsamples, 500);
	assert_int_equal(g.acts[0]->sample_stride, 1);
	got_free(&g);
}

/* CRC-16/ARC bit by bit, as the FIT protocol defines it. */
static uint16_t crc_bitwise(uint16_t crc, const unsigned char *p, size_t n)
{
	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (uint16_t)(crc & 1 ? (crc >> 1) ^ 0xA001 : crc >> 1);
	}
	return crc;
}

/*
 * Long inputs take a faster path (carry-less multiplication where the CPU
 * has it): every length, alignment and start value must still give the
 * definition's CRC, and any single flipped bit of a file must be caught.
 */
static void crc_matches_definition(void **state)
{
	static unsigned char b[1200];
	uint32_t x = 12345;
	got g = {0};

	for (size_t i = 0; i < sizeof(b); i++) {
		x = x * 1103515245u + 12345u;
		b[i] = (unsigned char)(x >> 16);
	}
	for (size_t n = 0; n <= 1100; n += n < 300 ? 1 : 37)
		for (size_t off = 0; off < 16; off += 5) {
			uint16_t start = (uint16_t)(n * 2654435761u);

			assert_int_equal(co_fit_crc16(0, b + off, n),
					 crc_bitwise(0, b + off, n));
			assert_int_equal(co_fit_crc16(start, b + off, n),
					 crc_bitwise(start, b + off, n));
		}
	F.n = 0;
	activity(&F, 30, 1000000000);
	for (size_t i = 14; i < F.n; i++) {
		F.b[i] ^= (unsigned char)(1u << (i % 8));
		assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), CO_EINPUT);
		assert_int_equal(g.n, 0);
		F.b[i] ^= (unsigned char)(1u << (i % 8));
	}
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	got_free(&g);
}

/*
 * Every record field the activity builder reads, with the profile's types
 * (the usual case) or with other integer types and floats (legal, rare),
 * in both byte orders: the samples must be the same.
 */
typedef struct rec_types {
	unsigned char lat, alt, ealt, hr, cad, fcad, dist, speed, espeed;
} rec_types;

static void typed(fb *f, unsigned char type, uint64_t v, int big)
{
	switch (type & 0x1F) {
	case 0: case 2: case 0x0A: case 0x0D: u8(f, (unsigned)v); break;
	case 4: case 0x0B: u16(f, (unsigned)v, big); break;
	case 5: case 6: case 0x0C: case 8: u32(f, (uint32_t)v, big); break;
	default: fail();
	}
}

static unsigned type_size(unsigned char type)
{
	switch (type & 0x1F) {
	case 4: case 0x0B: return 2;
	case 5: case 6: case 0x0C: case 8: return 4;
	default: return 1;
	}
}

/* two records: every field valid, then the "else" fields' turn */
static void typed_records(fb *f, const rec_types *t, int big)
{
	const unsigned char fields[][3] = {
		{253, 4, 0x86}, {0, 4, t->lat}, {1, 4, t->lat},
		{78, (unsigned char)type_size(t->ealt), t->ealt},
		{2, (unsigned char)type_size(t->alt), t->alt},
		{3, (unsigned char)type_size(t->hr), t->hr},
		{4, (unsigned char)type_size(t->cad), t->cad},
		{53, (unsigned char)type_size(t->fcad), t->fcad},
		{5, (unsigned char)type_size(t->dist), t->dist},
		{73, (unsigned char)type_size(t->espeed), t->espeed},
		{6, (unsigned char)type_size(t->speed), t->speed}};
	const uint64_t invalid4 = (t->ealt & 0x1F) == 6 ? 0xFFFFFFFFu : 0;

	begin(f, 14, 0x20);
	file_id(f, CO_FIT_FILE_ACTIVITY);
	def(f, 4, big, CO_FIT_RECORD, 11, fields);
	u8(f, 4);
	u32(f, 1000000000, big);
	u32(f, 500000000, big);
	u32(f, (uint32_t)-500000000, big);
	typed(f, t->ealt, 2600, big);   /* (20 m + 500) x 5 */
	typed(f, t->alt, 3000, big);
	typed(f, t->hr, 150, big);
	typed(f, t->cad, 85, big);
	typed(f, t->fcad, 128, big);    /* + 0.5 */
	typed(f, t->dist, 123456, big);
	typed(f, t->espeed, 3500, big);
	typed(f, t->speed, 4000, big);
	u8(f, 4);
	u32(f, 1000000001, big);
	u32(f, 0x7FFFFFFF, big);        /* no position */
	u32(f, 0x7FFFFFFF, big);
	typed(f, t->ealt, invalid4, big);
	typed(f, t->alt, 3005, big);
	typed(f, t->hr, (t->hr & 0x1F) == 4 ? 0xFFFF : 0xFF, big);
	typed(f, t->cad, 90, big);
	typed(f, t->fcad, (t->fcad & 0x1F) == 0x0A ? 0 : 0xFF, big);
	typed(f, t->dist, 123800, big);
	typed(f, t->espeed, (t->espeed & 0x1F) == 6 ? 0xFFFFFFFFu : 0, big);
	typed(f, t->speed, 4100, big);
	end(f, 1);
}

static void record_field_types(void **state)
{
	static const rec_types cases[] = {
		/* the profile's types */
		{0x85, 0x84, 0x86, 0x02, 0x02, 0x02, 0x86, 0x84, 0x86},
		/* enum and byte for uint8 */
		{0x85, 0x84, 0x86, 0x00, 0x0D, 0x02, 0x86, 0x84, 0x86},
		/* wider, z types */
		{0x85, 0x8B, 0x86, 0x84, 0x84, 0x0A, 0x8C, 0x86, 0x8C},
	};
	got g = {0};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		for (int big = 0; big < 2; big++) {
			const co_sample *s;

			F.n = 0;
			typed_records(&F, &cases[i], big);
			assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
			assert_int_equal(g.acts[0]->nsamples, 2);
			s = &g.acts[0]->samples[0];
			assert_int_equal(s->lat, 419095159);
			assert_int_equal(s->lon, -419095159);
			assert_true(co_sample_altitude(s) == 20.0);
			assert_int_equal(s->hr, 150);
			assert_true(co_sample_cadence(s) == 172.0); /* 2 x 86 */
			assert_int_equal(s->cadence, 85 * 32 + 128 / 4);
			assert_true(s->distance == 1234.56f);
			assert_int_equal(s->speed, 3500);
			s = &g.acts[0]->samples[1];
			assert_int_equal(s->lat, CO_NO_POS);
			assert_int_equal(s->altitude, 3005);  /* field 2 */
			assert_int_equal(s->hr, 0);
			assert_int_equal(s->cadence, 90 * 32);
			assert_true(s->distance == 1238.0f);
			assert_int_equal(s->speed, 4100);     /* field 6 */
			got_free(&g);
		}
	/* a 64-bit cadence (fuzzer find: 32 x cadence overflowed) saturates */
	{
		static const unsigned char wide[][3] = {
			{253, 4, 0x86}, {4, 8, 0x8F}, {53, 8, 0x8E}};

		F.n = 0;
		begin(&F, 14, 0x20);
		file_id(&F, CO_FIT_FILE_ACTIVITY);
		def(&F, 4, 0, CO_FIT_RECORD, 3, wide);
		u8(&F, 4);
		u32(&F, 1000000000, 0);
		u32(&F, 0x00000001, 0);
		u32(&F, 0x05030000, 0); /* 361137394529109505 */
		u32(&F, 0, 0);
		u32(&F, 0x80000000u, 0); /* INT64_MIN */
		end(&F, 1);
		assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
		assert_int_equal(g.acts[0]->samples[0].cadence, 65534);
		got_free(&g);
	}
	/* a float altitude is not an integer: absent, field 2 is used */
	{
		rec_types t = cases[0];

		t.ealt = 0x88;
		F.n = 0;
		typed_records(&F, &t, 0);
		assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
		assert_int_equal(g.acts[0]->samples[0].altitude, 3000);
		assert_int_equal(g.acts[0]->samples[0].speed, 3500);
		got_free(&g);
	}
}

/*
 * Messages the activity builder skips still set the time that compressed
 * headers count from.
 */
static void skipped_message_sets_time(void **state)
{
	static const unsigned char event[][3] = {{253, 4, 0x86}, {0, 1, 0x00}};
	static const unsigned char hr_only[][3] = {{3, 1, 0x02}};
	got g = {0};

	F.n = 0;
	begin(&F, 14, 0x20);
	file_id(&F, CO_FIT_FILE_ACTIVITY);
	record_def(&F, 1, 0);
	record(&F, 1, 0, 1000000000, 0, 0, 100, 0);
	def(&F, 3, 0, CO_FIT_EVENT, 2, event);
	u8(&F, 3);
	u32(&F, 1000000064, 0); /* 64 s later, low 5 bits 0 */
	u8(&F, 0);
	def(&F, 2, 0, CO_FIT_RECORD, 1, hr_only);
	u8(&F, 0x80 | 2 << 5 | 0x02); /* event time + 2 s */
	u8(&F, 120);
	end(&F, 1);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.acts[0]->nsamples, 2);
	assert_int_equal(g.acts[0]->samples[1].t,
			 1000000066 - 1000000000);
	assert_int_equal(g.acts[0]->samples[1].hr, 120);
	got_free(&g);
}

/*
 * Chained files reuse the decoder's sample buffer: a long file after a
 * short one, and a small cap, must still give each its own samples.
 */
static void chained_samples(void **state)
{
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	got g = {0};

	F.n = 0;
	activity(&F, 3, 1000000000);
	activity(&F, 400, 1000010000);
	activity(&F, 5, 1000020000);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, keep, &g), 0);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.acts[0]->nsamples, 3);
	assert_int_equal(g.acts[1]->nsamples, 400);
	assert_int_equal(g.acts[1]->samples[399].t, 399);
	assert_int_equal(g.acts[2]->nsamples, 5);
	assert_int_equal(g.acts[2]->samples[0].hr, 140);
	got_free(&g);

	opt.sample_cap = 50;
	assert_int_equal(co_fit_decode(F.b, F.n, &opt, keep, &g), 0);
	assert_true(g.acts[1]->nsamples <= 50 && g.acts[1]->nsamples >= 25);
	assert_true(g.acts[1]->sample_stride >= 8);
	assert_int_equal(g.acts[2]->nsamples, 5);
	assert_int_equal(g.acts[2]->sample_stride, 1);
	got_free(&g);
}

/* The callback's non-zero value stops the decoder and comes back. */
static int stop(void *ctx, const co_activity *a)
{
	(void)ctx;
	(void)a;
	return 42;
}

static void callback_stops(void **state)
{
	F.n = 0;
	activity(&F, 3, 1000000000);
	activity(&F, 3, 1000001000);
	assert_int_equal(co_fit_decode(F.b, F.n, NULL, stop, NULL), 42);
}

static void names(void **state)
{
	assert_string_equal(co_fit_manufacturer_name(1), "garmin");
	assert_null(co_fit_manufacturer_name(1052));
	assert_string_equal(co_fit_file_type_name(4), "activity");
	assert_int_equal(co_sport_parse("Running"), CO_SPORT_RUNNING);
	assert_int_equal(co_sport_parse("Biking"), CO_SPORT_CYCLING);
	assert_int_equal(co_sport_parse("trail running"), CO_SPORT_RUNNING);
	assert_int_equal(co_sport_parse("Other"), CO_SPORT_GENERIC);
	assert_string_equal(co_sport_name(200), "unknown");
}

/* --- strength sets (issue 10.8) ------------------------------------------------ */

/* set: timestamp (254), duration, reps, weight, set_type, start_time,
 * category[2], category_subtype[2], weight_display_unit, message_index,
 * wkt_step_index */
static const unsigned char set_fields[][3] = {
	{254, 4, 0x86}, {0, 4, 0x86}, {3, 2, 0x84}, {4, 2, 0x84}, {5, 1, 0x02},
	{6, 4, 0x86}, {7, 4, 0x84}, {8, 4, 0x84}, {9, 2, 0x84}, {10, 2, 0x84},
	{11, 2, 0x84}};

static void set_mesg(fb *f, int big, uint32_t start, uint32_t dur_ms, unsigned reps,
		     unsigned weight16, unsigned type, unsigned cat, unsigned sub, unsigned step,
		     unsigned index)
{
	u8(f, 3);
	u32(f, start + dur_ms / 1000, big);
	u32(f, dur_ms, big);
	u16(f, reps, big);
	u16(f, weight16, big);
	u8(f, type);
	u32(f, start, big);
	u16(f, cat, big);
	u16(f, 0xFFFF, big); /* the second candidate: none */
	u16(f, sub, big);
	u16(f, 0xFFFF, big);
	u16(f, 1, big);      /* kg */
	u16(f, index, big);
	u16(f, step, big);
}

static void reads_active_sets(void **state)
{
	static fb f;
	co_fit_set *v = NULL;
	size_t n = 99, dropped = 99;
	uint32_t t0 = 1100000000;

	for (int big = 0; big < 2; big++) {
		f.n = 0;
		begin(&f, 14, 0x20);
		file_id(&f, CO_FIT_FILE_ACTIVITY);
		def(&f, 3, big, CO_FIT_SET, 11, set_fields);
		set_mesg(&f, big, t0, 35000, 5, 1600, 1, 28, 6, 0xFFFF, 0);      /* 100 kg squat */
		set_mesg(&f, big, t0 + 35, 90000, 0xFFFF, 0xFFFF, 0, 0xFFFF, 0xFFFF, 0xFFFF, 1);
		set_mesg(&f, big, t0 + 125, 45000, 0xFFFF, 0xFFFF, 1, 0xFFFF, 0xFFFF, 4, 2);
		session(&f, t0, 170000, 0, CO_SPORT_TRAINING);
		end(&f, 1);
		assert_int_equal(co_fit_sets(f.b, f.n, &v, &n, &dropped), 0);
		/* the rest between them is not a set */
		assert_int_equal(n, 2);
		assert_int_equal(dropped, 0);
		assert_int_equal(v[0].start, (int64_t)t0 + CO_FIT_EPOCH);
		assert_true(v[0].seconds == 35 && v[0].reps == 5 && v[0].weight_kg == 100);
		assert_int_equal(v[0].category, 28);
		assert_int_equal(v[0].subtype, 6);
		assert_int_equal(v[0].wkt_step, -1);
		assert_int_equal(v[0].message_index, 0);
		/* unknown exercise, no reps, no weight: a timed set of step 4 */
		assert_true(v[1].seconds == 45 && v[1].reps == -1 && v[1].weight_kg < 0);
		assert_int_equal(v[1].category, -1);
		assert_int_equal(v[1].wkt_step, 4);
		free(v);
	}
}

/* A hostile file of many sets keeps CO_FIT_MAX_SETS and counts the rest. */
static void sets_bounded(void **state)
{
	static fb f;
	static const unsigned char only_type[][3] = {{5, 1, 0x02}};
	co_fit_set *v = NULL;
	size_t n = 0, dropped = 0;

	f.n = 0;
	begin(&f, 14, 0x20);
	file_id(&f, CO_FIT_FILE_ACTIVITY);
	def(&f, 3, 0, CO_FIT_SET, 1, only_type);
	for (int i = 0; i < CO_FIT_MAX_SETS + 7; i++) {
		u8(&f, 3);
		u8(&f, 1);
	}
	end(&f, 1);
	assert_int_equal(co_fit_sets(f.b, f.n, &v, &n, &dropped), 0);
	assert_int_equal(n, CO_FIT_MAX_SETS);
	assert_int_equal(dropped, 7);
	assert_true(v[0].reps == -1 && v[0].start == 0 && v[0].category == -1);
	free(v);

	/* a corrupt file gives no sets */
	f.b[f.n - 1] ^= 0xFF;
	assert_int_equal(co_fit_sets(f.b, f.n, &v, &n, NULL), CO_EINPUT);
	assert_null(v);
	assert_int_equal(n, 0);
}

/*
 * A start time or timestamp declared as a 64-bit field (a hostile file: FIT
 * dates are 32-bit) is no date: the set's start is unknown (0), where the
 * conversion to Unix time used to overflow a signed 64-bit sum.
 */
static void sets_64bit_times(void **state)
{
	static fb f;
	static const unsigned char fields[][3] = {{5, 1, 0x02}, {6, 8, 0x8E}, {254, 8, 0x8F}};
	co_fit_set *v = NULL;
	size_t n = 0;

	(void)state;
	f.n = 0;
	begin(&f, 14, 0x20);
	file_id(&f, CO_FIT_FILE_ACTIVITY);
	def(&f, 3, 0, CO_FIT_SET, 3, fields);
	u8(&f, 3);
	u8(&f, 1);                    /* active */
	u32(&f, 0xFFFFFFFEu, 0);      /* start_time: INT64_MAX - 1 */
	u32(&f, 0x7FFFFFFFu, 0);
	u32(&f, 0xFFFFFFF0u, 0);      /* timestamp: INT64_MAX - 15 */
	u32(&f, 0x7FFFFFFFu, 0);
	end(&f, 1);
	assert_int_equal(co_fit_sets(f.b, f.n, &v, &n, NULL), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].start, 0);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc_check_value),
		cmocka_unit_test(crc_matches_definition),
		cmocka_unit_test(decodes_activity),
		cmocka_unit_test(header_variants),
		cmocka_unit_test(file_crc_mismatch),
		cmocka_unit_test(big_endian),
		cmocka_unit_test(compressed_timestamps),
		cmocka_unit_test(invalid_values),
		cmocka_unit_test(chained_files),
		cmocka_unit_test(truncated_and_salvaged),
		cmocka_unit_test(non_activity_skipped),
		cmocka_unit_test(odd_fields),
		cmocka_unit_test(many_fields),
		cmocka_unit_test(multisport_sessions),
		cmocka_unit_test(samples_bounded),
		cmocka_unit_test(record_field_types),
		cmocka_unit_test(skipped_message_sets_time),
		cmocka_unit_test(chained_samples),
		cmocka_unit_test(callback_stops),
		cmocka_unit_test(names),
		cmocka_unit_test(reads_active_sets),
		cmocka_unit_test(sets_bounded),
		cmocka_unit_test(sets_64bit_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
