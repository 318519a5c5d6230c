/*
 * The per-second stream codec (include/carryover/stream.h), specified in
 * docs/formats/stream.md.
 *
 * Version 2 ("COS2", written): each channel a column of first or second
 * differences, zigzagged and bit-packed in blocks of 16 values, with
 * presence runs for absent values; no general-purpose compression (zlib
 * used to take half the import's time). Version 1 ("COS1": first
 * differences as varints, then zlib) is still read.
 *
 * Invariants: the encoder sizes every column's region for its widest
 * blocks up front, so nothing grows while it runs; the decoder checks
 * every length against the end of the input and every value against its
 * channel's range, so a damaged stream is CO_EINPUT, never a crash or a
 * sample out of range.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "carryover/error.h"
#include "carryover/stream.h"
#include "util/strbuf.h"

#define STREAM_MAGIC_V1 "COS1"
#define STREAM_MAGIC_V2 "COS2"
#define STREAM_DEFLATED 0x01
#define STREAM_MAX_SAMPLES (1u << 24)
#define STREAM_BLOCK 16
#define STREAM_HEAD_MAX (5 + 4 * 10)
#define STREAM_DIST_MAX ((int64_t)1 << 40) /* centimetres */

enum { CH_T, CH_HR, CH_DIST, CH_LAT, CH_LON, CH_ALT, CH_SPEED, CH_CAD, CH_COUNT };

/* Version 2: 2 = the column holds second differences, 1 = first. */
static const unsigned char chan_order[CH_COUNT] = {2, 1, 2, 2, 2, 1, 1, 1};

/*
 * The widest zigzagged value of each channel in version 2, in bits: the
 * value's range plus one bit per difference plus the zigzag's sign bit.
 * A block of 16 takes at most 1 + 2 x this many bytes: exceptions are
 * only chosen when they make the block smaller.
 */
static const unsigned char chan_bits[CH_COUNT] = {35, 10, 44, 35, 35, 19, 19, 19};

static int64_t chan_absent(int ch)
{
	switch (ch) {
	case CH_HR: return 0;
	case CH_DIST: return -1;
	case CH_LAT: case CH_LON: return CO_NO_POS;
	case CH_ALT: case CH_SPEED: case CH_CAD: return CO_NO_U16;
	default: return -1; /* time is never absent */
	}
}

/*
 * A distance in whole centimetres, rounded half away from zero (as
 * llround: d x 100 is exact in a double, so adding 0.5 cannot round), at
 * most STREAM_DIST_MAX; -1 when absent.
 */
static int64_t dist_cm(float d)
{
	double x;

	if (!(d >= 0) || !isfinite(d))
		return -1;
	x = (double)d * 100.0;
	return x >= (double)STREAM_DIST_MAX ? STREAM_DIST_MAX : (int64_t)(x + 0.5);
}

/* Store v into channel ch; false when out of the channel's range. */
static bool chan_set(co_sample *s, int ch, int64_t v)
{
	switch (ch) {
	case CH_T:
		if (v < 0 || v > UINT32_MAX)
			return false;
		s->t = (uint32_t)v;
		return true;
	case CH_HR:
		if (v < 0 || v > 255)
			return false;
		s->hr = (uint8_t)v;
		return true;
	case CH_DIST:
		if (v < -1 || v > STREAM_DIST_MAX)
			return false;
		s->distance = v < 0 ? -1.0f : (float)((double)v / 100.0);
		return true;
	case CH_LAT: case CH_LON:
		if (v < INT32_MIN || v > INT32_MAX)
			return false;
		*(ch == CH_LAT ? &s->lat : &s->lon) = (int32_t)v;
		return true;
	default:
		if (v < 0 || v > 0xFFFF)
			return false;
		*(ch == CH_ALT ? &s->altitude : ch == CH_SPEED ? &s->speed : &s->cadence) =
			(uint16_t)v;
		return true;
	}
}

/* v as an unsigned LEB128 varint at p; returns the end. */
static unsigned char *put_varint(unsigned char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
}

static bool get_varint(uint64_t *out, const unsigned char **p, const unsigned char *end)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 70; shift += 7) {
		if (*p >= end)
			return false;
		unsigned char c = *(*p)++;
		v |= (uint64_t)(c & 0x7F) << shift;
		if (!(c & 0x80)) {
			*out = v;
			return true;
		}
	}
	return false;
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/*
 * Pack m values of w bits (0 < w <= 64), least significant bit first, at
 * p; returns the end (the last byte padded with zero bits). Bits of a value
 * above w are dropped.
 */
static unsigned char *pack(unsigned char *p, const uint64_t *v, size_t m, unsigned w)
{
	uint64_t acc = 0, low = w < 64 ? ((uint64_t)1 << w) - 1 : UINT64_MAX;
	unsigned bits = 0; /* in acc, always < 64 */

	for (size_t j = 0; j < m; j++) {
		uint64_t x = v[j] & low;

		acc |= x << bits;
		if (bits + w < 64) {
			bits += w;
			continue;
		}
		for (int k = 0; k < 8; k++)
			p[k] = (unsigned char)(acc >> (8 * k));
		p += 8;
		bits = bits + w - 64;
		acc = bits ? x >> (w - bits) : 0;
	}
	for (; bits > 0; bits = bits > 8 ? bits - 8 : 0) {
		*p++ = (unsigned char)acc;
		acc >>= 8;
	}
	return p;
}

/* The inverse of pack(); p holds the (m x w + 7) / 8 bytes. */
static void unpack(uint64_t *v, size_t m, unsigned w, const unsigned char *p)
{
	uint64_t acc = 0, low = w < 64 ? ((uint64_t)1 << w) - 1 : UINT64_MAX;
	unsigned bits = 0;

	for (size_t j = 0; j < m; j++) {
		if (w <= 56) {
			while (bits < w) {
				acc |= (uint64_t)*p++ << bits;
				bits += 8;
			}
			v[j] = acc & low;
			acc = w < 64 ? acc >> w : 0;
			bits -= w;
		} else {
			uint64_t x;

			while (bits < 32) {
				acc |= (uint64_t)*p++ << bits;
				bits += 8;
			}
			x = acc & 0xFFFFFFFFu;
			acc >>= 32;
			bits -= 32;
			while (bits < w - 32) {
				acc |= (uint64_t)*p++ << bits;
				bits += 8;
			}
			x |= (acc & (((uint64_t)1 << (w - 32)) - 1)) << 32;
			acc >>= w - 32;
			bits -= w - 32;
			v[j] = x;
		}
	}
}

/* One channel's column while it is encoded. */
typedef struct column {
	unsigned char *start, *cur; /* its bit-packed blocks, in a region sized for them */
	co_strbuf runs;             /* presence runs as varints, when some are absent */
	size_t nruns, run;          /* runs written; length of the current one */
	bool present;               /* whether the current run is of present values */
	size_t npresent;
	int64_t prev, prevd;        /* last present value and last difference */
	uint64_t z[STREAM_BLOCK];   /* the block being filled */
	size_t nz;
} column;

static unsigned bit_length(uint64_t x)
{
	return x ? 64 - (unsigned)__builtin_clzll(x) : 0;
}

/*
 * The cheapest width w for a block: its values' low w bits are packed, and
 * each value wider than w is an exception (index byte, varint of the high
 * bits), so that one outlier does not widen the whole block. The
 * candidates: no exception, then the largest value, the two largest, the
 * three largest as exceptions.
 */
#define BLOCK_MAX_EXC 3

/* The bits set in any of v[0..m), and the largest (its first index). */
static uint64_t block_scan(const uint64_t *v, size_t m, uint64_t *most, size_t *top)
{
	uint64_t any = 0, mv = 0;
	size_t t = 0;

	for (size_t j = 0; j < m; j++) {
		any |= v[j];
		t = v[j] > mv ? j : t;
		mv = v[j] > mv ? v[j] : mv;
	}
	*most = mv;
	*top = t;
	return any;
}

static unsigned block_width(const uint64_t *z, size_t m, size_t *nexc)
{
	uint64_t left[STREAM_BLOCK], most;
	unsigned best, out[BLOCK_MAX_EXC];
	size_t best_cost, top;

	uint64_t any = 0;
	size_t wide = 0;

	for (size_t j = 0; j < m; j++)
		any |= z[j];
	best = bit_length(any);
	*nexc = 0;
	if (best <= 2)
		return best; /* an exception costs more than it can save */
	/* exceptions pay only when they take the width down by 2 bits or more:
	 * not when more values than exceptions allowed are within 1 bit of it */
	for (size_t j = 0; j < m; j++)
		wide += (z[j] >> (best - 2)) != 0;
	if (wide > BLOCK_MAX_EXC)
		return best;
	best_cost = (m * best + 7) / 8;
	block_scan(z, m, &most, &top);
	memcpy(left, z, m * sizeof(*z));
	for (int k = 0; k < BLOCK_MAX_EXC; k++) {
		size_t cost, e = 0;
		unsigned w;

		out[k] = bit_length(most);
		left[top] = 0;
		w = bit_length(block_scan(left, m, &most, &top));
		cost = (m * w + 7) / 8 + 1;
		for (int i = 0; i <= k; i++)
			if (out[i] > w) {
				e++;
				cost += 1 + (out[i] - w + 6) / 7;
			}
		if (e && cost < best_cost) {
			best_cost = cost;
			best = w;
			*nexc = e;
		}
	}
	return best;
}

static void column_flush(column *c)
{
	size_t nexc;
	unsigned w = block_width(c->z, c->nz, &nexc);

	*c->cur++ = (unsigned char)(w | (nexc ? 0x80 : 0));
	if (w)
		c->cur = pack(c->cur, c->z, c->nz, w);
	if (nexc) {
		*c->cur++ = (unsigned char)nexc;
		for (size_t j = 0; j < c->nz; j++) {
			if (!(c->z[j] >> w))
				continue;
			*c->cur++ = (unsigned char)j;
			c->cur = put_varint(c->cur, c->z[j] >> w);
		}
	}
	c->nz = 0;
}

static void column_run(column *c)
{
	unsigned char b[10];

	co_strbuf_add(&c->runs, b, (size_t)(put_varint(b, c->run) - b));
	c->nruns++;
	c->run = 0;
}

/* Add the next sample's value v of channel ch to its column. */
static inline void column_add(column *c, int ch, int64_t v)
{
	bool present = v != chan_absent(ch);
	int64_t d;

	if (present != c->present) {
		column_run(c);
		c->present = present;
	}
	c->run++;
	if (!present)
		return;
	c->npresent++;
	d = v - c->prev;
	c->prev = v;
	if (chan_order[ch] == 2) {
		int64_t dd = d - c->prevd;

		c->prevd = d;
		d = dd;
	}
	c->z[c->nz++] = zigzag(d);
	if (c->nz == STREAM_BLOCK)
		column_flush(c);
}

int co_stream_encode(unsigned char **out, size_t *out_len, const co_activity *act)
{
	const co_sample *s = act->samples;
	size_t n = act->nsamples, nblocks = (n + STREAM_BLOCK - 1) / STREAM_BLOCK;
	size_t room = 0, body_len = 0, at;
	column col[CH_COUNT];
	unsigned char *blocks, *buf, head[STREAM_HEAD_MAX], *h;
	unsigned mask = 0;

	*out = NULL;
	*out_len = 0;
	if (!n)
		return 0;
	/* each channel a region sized for its widest blocks: nothing grows */
	for (int ch = 0; ch < CH_COUNT; ch++)
		room += nblocks * (2 + (size_t)chan_bits[ch] * STREAM_BLOCK / 8);
	blocks = malloc(room);
	if (!blocks)
		return co_error_set(CO_ENOMEM, "out of memory");
	memset(col, 0, sizeof(col));
	for (int ch = 0; ch < CH_COUNT; ch++) {
		col[ch].start = col[ch].cur = ch ? col[ch - 1].start +
			nblocks * (2 + (size_t)chan_bits[ch - 1] * STREAM_BLOCK / 8) : blocks;
		col[ch].runs = (co_strbuf)CO_STRBUF_INIT;
		col[ch].present = true;
	}
	/* one pass over the samples, every channel */
	for (size_t i = 0; i < n; i++) {
		const co_sample *x = &s[i];

		column_add(&col[CH_T], CH_T, x->t);
		column_add(&col[CH_HR], CH_HR, x->hr);
		column_add(&col[CH_DIST], CH_DIST, dist_cm(x->distance));
		column_add(&col[CH_LAT], CH_LAT, x->lat);
		column_add(&col[CH_LON], CH_LON, x->lon);
		column_add(&col[CH_ALT], CH_ALT, x->altitude);
		column_add(&col[CH_SPEED], CH_SPEED, x->speed);
		column_add(&col[CH_CAD], CH_CAD, x->cadence);
	}
	for (int ch = 0; ch < CH_COUNT; ch++) {
		column *c = &col[ch];
		unsigned char b[10];

		if (!c->npresent)
			continue;
		mask |= 1u << ch;
		if (c->nz)
			column_flush(c);
		if (c->nruns)
			column_run(c); /* the last run, when there are several */
		body_len += (size_t)(put_varint(b, c->nruns) - b) + c->runs.len +
			    (size_t)(c->cur - c->start);
	}
	h = head;
	memcpy(h, STREAM_MAGIC_V2, 4);
	h[4] = 0;
	h = put_varint(h + 5, n);
	h = put_varint(h, act->sample_stride ? act->sample_stride : 1);
	h = put_varint(h, mask);
	h = put_varint(h, body_len);
	at = (size_t)(h - head);
	buf = malloc(at + body_len);
	if (buf) {
		memcpy(buf, head, at);
		for (int ch = 0; ch < CH_COUNT; ch++) {
			column *c = &col[ch];

			if (!(mask & (1u << ch)))
				continue;
			at = (size_t)(put_varint(buf + at, c->nruns) - buf);
			if (c->runs.len)
				memcpy(buf + at, c->runs.buf, c->runs.len);
			at += c->runs.len;
			memcpy(buf + at, c->start, (size_t)(c->cur - c->start));
			at += (size_t)(c->cur - c->start);
		}
	}
	for (int ch = 0; ch < CH_COUNT; ch++)
		co_strbuf_release(&col[ch].runs);
	free(blocks);
	if (!buf)
		return co_error_set(CO_ENOMEM, "out of memory");
	*out = buf;
	*out_len = at;
	return 0;
}

/* Version 1 body: per channel n zigzagged first differences as varints. */
static bool decode_v1_body(co_sample *s, size_t n, unsigned mask, const unsigned char *bp,
			   const unsigned char *bend)
{
	for (int ch = 0; ch < CH_COUNT; ch++) {
		int64_t v = 0;

		if (!(mask & (1u << ch)))
			continue;
		for (size_t i = 0; i < n; i++) {
			uint64_t d;

			if (!get_varint(&d, &bp, bend) ||
			    __builtin_add_overflow(v, unzigzag(d), &v) || !chan_set(&s[i], ch, v)) {
				co_error_set(CO_EINPUT, "stream: damaged at sample %zu", i);
				return false;
			}
		}
	}
	if (bp != bend) {
		co_error_set(CO_EINPUT, "stream: %zu bytes after the last sample",
			     (size_t)(bend - bp));
		return false;
	}
	return true;
}

/*
 * Version 2 presence runs at *p, moved past them: check they cover the n
 * samples exactly. *runs the number of runs (0: every sample present),
 * *first where their lengths start, *k how many samples are present.
 */
static bool read_runs(uint64_t *runs, const unsigned char **first, size_t *k,
		      const unsigned char **p, const unsigned char *end, size_t n)
{
	uint64_t sum = 0, r;

	*k = 0;
	if (!get_varint(runs, p, end) || *runs > (uint64_t)n + 1)
		return false;
	*first = *p;
	if (!*runs) {
		*k = n;
		return true;
	}
	for (uint64_t j = 0; j < *runs; j++) {
		if (!get_varint(&r, p, end) || r > n - sum)
			return false;
		sum += r;
		if (!(j & 1))
			*k += (size_t)r;
	}
	return sum == n;
}

/*
 * A block's exceptions at *p: a count, then each an index (increasing) and
 * the high bits above the w packed ones.
 */
static bool add_exceptions(uint64_t *z, size_t m, unsigned w, const unsigned char **p,
			   const unsigned char *end)
{
	size_t e, next = 0;
	uint64_t hi;

	if (*p >= end || (e = *(*p)++) == 0 || e > m)
		return false;
	while (e--) {
		size_t j;

		if (*p >= end || (j = *(*p)++) < next || j >= m || !get_varint(&hi, p, end) ||
		    !hi || (w && hi >> (64 - w)))
			return false;
		z[j] |= hi << w;
		next = j + 1;
	}
	return true;
}

/* Version 2 body: per channel presence runs, then bit-packed differences. */
static bool decode_v2_body(co_sample *s, size_t n, unsigned mask, const unsigned char *bp,
			   const unsigned char *bend)
{
	size_t i = 0;

	for (int ch = 0; ch < CH_COUNT; ch++) {
		const unsigned char *rp;
		uint64_t nruns, left = n, r;
		int64_t v = 0, d = 0;
		size_t k, got = 0;
		bool present = true;

		if (!(mask & (1u << ch)))
			continue;
		i = 0;
		if (!read_runs(&nruns, &rp, &k, &bp, bend, n) || !k || (ch == CH_T && nruns))
			goto damaged; /* time is never absent */
		if (nruns && get_varint(&r, &rp, bend))
			left = r;
		while (got < k) {
			size_t m = k - got < STREAM_BLOCK ? k - got : STREAM_BLOCK, bytes;
			uint64_t z[STREAM_BLOCK] = {0};
			unsigned w, exc;

			if (bp >= bend)
				goto damaged;
			exc = *bp & 0x80;
			if ((w = *bp++ & 0x7F) > 64 || (exc && w == 64))
				goto damaged;
			bytes = (m * w + 7) / 8;
			if ((size_t)(bend - bp) < bytes)
				goto damaged;
			if (w)
				unpack(z, m, w, bp);
			bp += bytes;
			if (exc && !add_exceptions(z, m, w, &bp, bend))
				goto damaged;
			for (size_t j = 0; j < m; j++) {
				int64_t x = unzigzag(z[j]);

				/* the next present sample (the runs were checked) */
				while (!present || !left) {
					if (left) {
						i += (size_t)left;
						left = 0;
					} else if (get_varint(&r, &rp, bend)) {
						left = r;
						present = !present;
					}
				}
				if (chan_order[ch] == 2) {
					if (__builtin_add_overflow(d, x, &d))
						goto damaged;
					x = d;
				}
				if (__builtin_add_overflow(v, x, &v) || !chan_set(&s[i], ch, v))
					goto damaged;
				i++;
				left--;
			}
			got += m;
		}
	}
	if (bp != bend) {
		co_error_set(CO_EINPUT, "stream: %zu bytes after the last sample",
			     (size_t)(bend - bp));
		return false;
	}
	return true;
damaged:
	co_error_set(CO_EINPUT, "stream: damaged at sample %zu", i);
	return false;
}

int co_stream_decode(co_sample **out, size_t *out_count, const unsigned char *data, size_t len)
{
	const unsigned char *p = data, *end = data + len, *bp, *bend;
	uint64_t n, stride, mask, body_len, least, most;
	unsigned char *inflated = NULL;
	co_sample *s = NULL;
	int flags, version, rc = CO_EINPUT;
	bool ok;

	*out = NULL;
	*out_count = 0;
	if (len < 5 || (memcmp(data, STREAM_MAGIC_V1, 4) && memcmp(data, STREAM_MAGIC_V2, 4)))
		return co_error_set(CO_EINPUT, "stream: not a carryover stream (bad magic)");
	version = data[3] - '0';
	flags = data[4];
	p += 5;
	if ((flags & ~(version == 1 ? STREAM_DEFLATED : 0)) || !get_varint(&n, &p, end) ||
	    !get_varint(&stride, &p, end) || !get_varint(&mask, &p, end) ||
	    !get_varint(&body_len, &p, end))
		return co_error_set(CO_EINPUT, "stream: damaged header");
	/* the least and most a body can take: v1 a varint (1 to 10 bytes) a
	 * value; v2 at least the time's runs and blocks, at most runs and the
	 * widest blocks in every channel */
	least = n;
	most = n * CH_COUNT * 10;
	if (version == 2) {
		least = 1 + (n + STREAM_BLOCK - 1) / STREAM_BLOCK;
		most = CH_COUNT * (10 + (n + 1) * 10 + (n + STREAM_BLOCK - 1) / STREAM_BLOCK *
				   (1 + 8 * STREAM_BLOCK));
	}
	if (n == 0 || n > STREAM_MAX_SAMPLES || !(mask & 1) || mask >> CH_COUNT ||
	    body_len < least || body_len > most)
		return co_error_set(CO_EINPUT, "stream: implausible header (%llu samples)",
				    (unsigned long long)n);
	if (flags & STREAM_DEFLATED) {
		uLongf got = (uLongf)body_len;

		inflated = malloc(body_len ? body_len : 1);
		if (!inflated)
			return co_error_set(CO_ENOMEM, "out of memory");
		if (uncompress(inflated, &got, p, (uLong)(end - p)) != Z_OK || got != body_len) {
			co_error_set(CO_EINPUT, "stream: damaged compressed body");
			goto done;
		}
		bp = inflated;
		bend = inflated + body_len;
	} else {
		if ((uint64_t)(end - p) != body_len) {
			co_error_set(CO_EINPUT, "stream: body is %zu bytes, header says %llu",
				     (size_t)(end - p), (unsigned long long)body_len);
			goto done;
		}
		bp = p;
		bend = end;
	}
	s = malloc(n * sizeof(*s));
	if (!s) {
		rc = co_error_set(CO_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		co_sample_init(&s[i]);
	ok = version == 1 ? decode_v1_body(s, n, (unsigned)mask, bp, bend) :
			    decode_v2_body(s, n, (unsigned)mask, bp, bend);
	if (!ok)
		goto done;
	*out = s;
	*out_count = n;
	s = NULL;
	rc = 0;
done:
	free(s);
	free(inflated);
	return rc;
}
