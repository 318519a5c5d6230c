/*
 * The import pipeline: paths in, stored activities out (import.h).
 *
 * Three kinds of thread, one job each:
 *   - the walker reads the inputs in order (files, folders, archive members
 *     through libarchive, nested archives and .gz members as streams inside
 *     the stream that holds them) and turns each candidate file into a task
 *     holding its bytes;
 *   - workers hash a task's bytes (SHA-256), skip content already stored,
 *     decode it (FIT, GPX or TCX) and prepare the rows: totals, laps JSON,
 *     the analysis markers, the encoded sample stream;
 *   - the calling thread alone talks to the store: it commits the tasks in
 *     the order the walker issued them, one transaction per file, deciding
 *     duplicates against what is stored (same content, or the same run
 *     recorded twice).
 * Tasks travel through a ring of `window` slots: the walker may run at most
 * `window` tasks ahead of the last commit, which bounds memory (window x the
 * largest file) whatever the size of the import, and makes the outcome
 * independent of thread timing.
 *
 * Inside each folder, files are taken FIT first, then TCX, then GPX
 * (judged by name; the format itself is always told by content), so that
 * when a run exists as a device's FIT and as exported GPX/TCX, the richer
 * FIT is the one stored. A stored activity is never replaced: a later,
 * richer recording of a stored run is reported as a duplicate and says so.
 *
 * The per-second stream encoding is specified in docs/formats/stream.md;
 * the encoder and decoder are at the top of this file. The encoder writes
 * version 2 (bit-packed differences, no zlib: it used to take half the
 * import's time); the decoder reads versions 1 and 2.
 */
#include <archive.h>
#include <archive_entry.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "carryover/analysis.h"
#include "carryover/error.h"
#include "carryover/fit.h"
#include "carryover/import.h"
#include "carryover/xmltrack.h"
#include "util/strbuf.h"

/* --- the stream codec ------------------------------------------------------ */

/*
 * Version 2 ("COS2", written): each channel a column of first or second
 * differences, zigzagged and bit-packed in blocks of 16 values, no
 * general-purpose compression. Version 1 ("COS1": first differences as
 * varints, then zlib) is still read. Both are in docs/formats/stream.md.
 */
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

/* --- format detection and hashing ----------------------------------------------- */

/* The local name of the first element of an XML document in h, or "". */
static void xml_root(char *out, size_t size, const unsigned char *h, size_t n)
{
	size_t i = 0, k = 0, start;

	out[0] = '\0';
	while (i < n) {
		while (i < n && h[i] != '<')
			i++;
		if (i + 1 >= n)
			return;
		if (h[i + 1] == '?' || h[i + 1] == '!') {
			i += 2;
			continue;
		}
		start = ++i;
		while (i < n && (isalnum(h[i]) || h[i] == ':' || h[i] == '_' || h[i] == '-' ||
				 h[i] == '.'))
			i++;
		for (size_t j = start; j < i; j++)
			if (h[j] == ':')
				start = j + 1;
		for (k = 0; start < i && k + 1 < size; k++)
			out[k] = (char)h[start++];
		out[k] = '\0';
		return;
	}
}

co_import_kind co_import_detect(const unsigned char *h, size_t n)
{
	size_t i = 0;
	char root[40];

	if (n >= 4 && h[0] == 'P' && h[1] == 'K' &&
	    ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6) || (h[2] == 7 && h[3] == 8)))
		return CO_KIND_ZIP;
	if (n >= 2 && h[0] == 0x1F && h[1] == 0x8B)
		return CO_KIND_GZIP;
	if (n >= 12 && (h[0] == 12 || h[0] == 14) && !memcmp(h + 8, ".FIT", 4))
		return CO_KIND_FIT;
	if ((n >= 6 && !memcmp(h, "7z\xBC\xAF\x27\x1C", 6)) || (n >= 3 && !memcmp(h, "BZh", 3)) ||
	    (n >= 6 && !memcmp(h, "\xFD" "7zXZ\0", 6)) ||
	    (n >= 262 && !memcmp(h + 257, "ustar", 5)))
		return CO_KIND_ARCHIVE;
	if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
		i = 3;
	while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
		i++;
	if (i >= n || h[i] != '<')
		return CO_KIND_UNKNOWN;
	xml_root(root, sizeof(root), h + i, n - i);
	if (!strcmp(root, "gpx"))
		return CO_KIND_GPX;
	if (!strcmp(root, "TrainingCenterDatabase"))
		return CO_KIND_TCX;
	return root[0] ? CO_KIND_UNKNOWN : CO_KIND_XML;
}

void co_import_hash(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
		/* only when libcrypto is broken; a hash of zeros would collide */
		abort();
	}
	for (unsigned i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

/* --- FIT sub_sport names (FIT profile `sub_sport`) ------------------------- */

static const char *const sub_sports[] = {
	NULL, "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road",
	"mountain", "downhill", "recumbent", "cyclocross", "hand_cycling", "track_cycling",
	"indoor_rowing", "elliptical", "stair_climbing", "lap_swimming", "open_water",
	"flexibility_training", "strength_training", "warm_up", "match", "exercise",
	"challenge", "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness",
	"bmx", "casual_walking", "speed_walking", "bike_to_run_transition",
	"run_to_bike_transition", "swim_to_bike_transition", "atv", "motocross",
	"backcountry", "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga",
	"pilates", "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting",
	"mixed_surface", "navigate", "track_me", "map",
};

static const char *sub_sport_name(int sub)
{
	if (sub > 0 && (size_t)sub < sizeof(sub_sports) / sizeof(sub_sports[0]))
		return sub_sports[sub];
	return NULL;
}

/* --- content already stored: file hash -> (row id, source) ---------------- */

typedef struct known_entry {
	char hash[65];
	int64_t id;
	char *source;
} known_entry;

typedef struct known_set {
	known_entry *v;
	size_t cap, n;
} known_set;

static size_t known_slot(const known_set *k, const char *hash)
{
	uint64_t h = 1469598103934665603ull;

	for (int i = 0; i < 16; i++)
		h = (h ^ (unsigned char)hash[i]) * 1099511628211ull;
	return (size_t)h & (k->cap - 1);
}

static const known_entry *known_find(const known_set *k, const char *hash)
{
	if (!k->cap)
		return NULL;
	for (size_t i = known_slot(k, hash);; i = (i + 1) & (k->cap - 1)) {
		if (!k->v[i].hash[0])
			return NULL;
		if (!strcmp(k->v[i].hash, hash))
			return &k->v[i];
	}
}

static void known_add(known_set *k, const char *hash, int64_t id, const char *source)
{
	if ((k->n + 1) * 2 > k->cap) {
		known_set bigger = {co_xcalloc(k->cap ? k->cap * 2 : 256, sizeof(known_entry)),
				    k->cap ? k->cap * 2 : 256, 0};

		for (size_t i = 0; i < k->cap; i++) {
			if (!k->v[i].hash[0])
				continue;
			size_t j = known_slot(&bigger, k->v[i].hash);
			while (bigger.v[j].hash[0])
				j = (j + 1) & (bigger.cap - 1);
			bigger.v[j] = k->v[i];
			bigger.n++;
		}
		free(k->v);
		*k = bigger;
	}
	size_t i = known_slot(k, hash);
	while (k->v[i].hash[0]) {
		if (!strcmp(k->v[i].hash, hash))
			return;
		i = (i + 1) & (k->cap - 1);
	}
	memcpy(k->v[i].hash, hash, 65);
	k->v[i].hash[64] = '\0';
	k->v[i].id = id;
	k->v[i].source = co_xstrdup(source ? source : "?");
	k->n++;
}

static void known_release(known_set *k)
{
	for (size_t i = 0; i < k->cap; i++)
		free(k->v[i].source);
	free(k->v);
	k->v = NULL;
	k->cap = k->n = 0;
}

/* --- richness of the rows this import stored: row id -> samples -------------- */

/*
 * The writer remembers how rich each row it stored is (samples with heart
 * rate plus samples with position), so that a later file of the same run
 * is weighed against it without decoding its stream again.
 */
typedef struct rich_map {
	int64_t *id;    /* 0: empty slot */
	size_t *rich;
	size_t cap, n;
} rich_map;

static size_t rich_slot(const rich_map *m, int64_t id)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
}

static bool rich_find(const rich_map *m, int64_t id, size_t *out)
{
	if (!m->cap)
		return false;
	for (size_t i = rich_slot(m, id); m->id[i]; i = (i + 1) & (m->cap - 1))
		if (m->id[i] == id) {
			*out = m->rich[i];
			return true;
		}
	return false;
}

static void rich_put(rich_map *m, int64_t id, size_t rich)
{
	size_t i;

	if (id <= 0)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		rich_map bigger = {NULL, NULL, m->cap ? m->cap * 2 : 256, 0};

		bigger.id = co_xcalloc(bigger.cap, sizeof(*bigger.id));
		bigger.rich = co_xcalloc(bigger.cap, sizeof(*bigger.rich));
		for (size_t j = 0; j < m->cap; j++)
			if (m->id[j])
				rich_put(&bigger, m->id[j], m->rich[j]);
		free(m->id);
		free(m->rich);
		*m = bigger;
	}
	for (i = rich_slot(m, id); m->id[i] && m->id[i] != id; i = (i + 1) & (m->cap - 1))
		;
	if (!m->id[i])
		m->n++;
	m->id[i] = id;
	m->rich[i] = rich;
}

static void rich_release(rich_map *m)
{
	free(m->id);
	free(m->rich);
	memset(m, 0, sizeof(*m));
}

/* --- tasks ---------------------------------------------------------------- */

/* One activity of a file, ready to insert; the writer fills the outcome. */
typedef struct prepared {
	co_store_activity_row row;
	char hash[80];
	char device[64];
	char *laps_json;
	char *summary_json;
	unsigned char *stream;
	double duration;       /* s, for the overlap test */
	size_t rich;           /* samples with heart rate + samples with position */
	co_import_outcome outcome;
	int64_t id;
	char *message;
} prepared;

/* One candidate file (or a walker's report), from walker to writer. */
typedef struct task {
	size_t seq;
	struct task *next;
	char *name;            /* for messages */
	char *source;          /* for the row */
	unsigned char *data;   /* the content; freed once decoded */
	size_t len;
	co_import_kind kind;
	uint64_t disk_pos;     /* input bytes read when the task was issued */
	bool decoded;          /* false: a report from the walker (ignored, failed) */
	co_import_outcome outcome; /* of the whole file when it gave no rows */
	char *message;
	char hash[65];
	int64_t known_id;      /* > 0: content already stored */
	prepared *acts;
	size_t nacts, aacts;
	size_t no_start;       /* activities dropped: no start time */
	char *note;            /* salvaged: why */
} task;

static void task_clear_acts(task *t)
{
	for (size_t i = 0; i < t->nacts; i++) {
		free(t->acts[i].laps_json);
		free(t->acts[i].summary_json);
		free(t->acts[i].stream);
		free(t->acts[i].message);
	}
	free(t->acts);
	t->acts = NULL;
	t->nacts = t->aacts = 0;
}

static void task_free(task *t)
{
	if (!t)
		return;
	task_clear_acts(t);
	free(t->name);
	free(t->source);
	free(t->data);
	free(t->message);
	free(t->note);
	free(t);
}

/* "NAME: MESSAGE", unless the message already starts with the name. */
static char *located(const char *name, const char *msg)
{
	co_strbuf sb = CO_STRBUF_INIT;
	size_t n = strlen(name);

	if (!msg || !*msg)
		msg = "unknown error";
	if (strncmp(msg, name, n) || msg[n] != ':')
		co_strbuf_addf(&sb, "%s: ", name);
	co_strbuf_adds(&sb, msg);
	return co_strbuf_detach(&sb);
}

/* --- the pipeline ----------------------------------------------------------- */

typedef struct input {
	char *path;
	char *source;       /* base name */
	uint64_t size;
	int rank;
	char *error;        /* set when the walk could not read it */
} input;

typedef struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t task_cv, done_cv, space_cv;
	task *qhead, *qtail;
	task **ring;
	size_t window, issued, committed;
	bool walk_done, stop;
	known_set known;          /* guarded by mu */
	rich_map rich;            /* writer only */

	const co_import_options *opt;
	size_t max_file;
	co_store *store;
	input *inputs;
	size_t ninputs;
	uint64_t disk_pos;        /* walker only */
	co_import_stats stats;    /* writer only */
	struct timespec t0;
	double last_progress;
} pipeline;

/* Whether the writer has stopped the import (read without the lock). */
static bool stopped(pipeline *pl)
{
	return __atomic_load_n(&pl->stop, __ATOMIC_RELAXED);
}

static double since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Hand a task to the workers (decode) or straight to the writer. */
static int push(pipeline *pl, task *t, bool decode)
{
	pthread_mutex_lock(&pl->mu);
	while (!pl->stop && pl->issued - pl->committed >= pl->window)
		pthread_cond_wait(&pl->space_cv, &pl->mu);
	if (pl->stop) {
		pthread_mutex_unlock(&pl->mu);
		task_free(t);
		return -1;
	}
	t->seq = pl->issued++;
	t->disk_pos = pl->disk_pos;
	if (decode) {
		t->next = NULL;
		if (pl->qtail)
			pl->qtail->next = t;
		else
			pl->qhead = t;
		pl->qtail = t;
		pthread_cond_signal(&pl->task_cv);
	} else {
		pl->ring[t->seq % pl->window] = t;
		pthread_cond_broadcast(&pl->done_cv);
	}
	pthread_mutex_unlock(&pl->mu);
	return 0;
}

static task *task_new(const char *name, const char *source)
{
	task *t = co_xcalloc(1, sizeof(*t));

	t->name = co_xstrdup(name);
	t->source = co_xstrdup(source);
	return t;
}

/* A walker's report: a file that is failed or ignored without decoding. */
static int report(pipeline *pl, const char *name, co_import_outcome outcome, const char *msg)
{
	task *t = task_new(name, name);

	t->outcome = outcome;
	t->message = located(name, msg);
	return push(pl, t, false);
}

/* --- workers: hash, decode, prepare ---------------------------------------------- */

typedef struct decode_ctx {
	pipeline *pl;
	task *t;
} decode_ctx;

static int32_t local_offset_guess(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

static double known_or_unknown(double v)
{
	return isfinite(v) && v >= 0 ? v : -1;
}

static int on_activity(void *ctx, const co_activity *act)
{
	decode_ctx *d = ctx;
	task *t = d->t;
	co_run_markers markers;
	prepared *p;
	int32_t off;

	if (act->sport == CO_SPORT_TRANSITION)
		return 0;
	if (act->start <= 0) {
		t->no_start++;
		return 0;
	}
	if (t->nacts == t->aacts) {
		t->aacts = t->aacts ? t->aacts * 2 : 2;
		t->acts = co_xrealloc(t->acts, t->aacts * sizeof(*t->acts));
	}
	p = &t->acts[t->nacts++];
	memset(p, 0, sizeof(*p));
	p->row = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
	if (act->index == 0)
		snprintf(p->hash, sizeof(p->hash), "%s", t->hash);
	else
		snprintf(p->hash, sizeof(p->hash), "%s#%u", t->hash, act->index);
	snprintf(p->device, sizeof(p->device), "%s", act->device);

	co_run_analyse(&markers, act, d->pl->opt->threshold_pace);
	if (co_stream_encode(&p->stream, &p->row.stream_len, act) < 0 ||
	    co_activity_laps_to_json(&p->laps_json, act) < 0 ||
	    co_activity_summary_to_json(&p->summary_json, act, &markers) < 0)
		return CO_ENOMEM;
	for (size_t i = 0; i < act->nsamples; i++)
		p->rich += (act->samples[i].hr != 0) + (act->samples[i].lat != CO_NO_POS);

	off = act->has_utc_offset ? act->utc_offset : local_offset_guess(act->start);
	p->row.athlete_id = d->pl->opt->athlete_id;
	p->row.source = t->source;
	p->row.sport = co_sport_name(act->sport);
	p->row.sub_sport = sub_sport_name(act->sub_sport);
	p->row.start_utc = act->start;
	p->row.utc_offset_s = off >= -64800 && off <= 64800 ? off : 0;
	p->row.elapsed_s = known_or_unknown(act->elapsed);
	p->row.moving_s = known_or_unknown(act->moving);
	p->row.distance_m = known_or_unknown(act->distance);
	p->row.ascent_m = known_or_unknown(act->ascent);
	p->row.avg_hr = act->avg_hr >= 20 && act->avg_hr <= 250 ? act->avg_hr : -1;
	p->row.max_hr = act->max_hr >= 20 && act->max_hr <= 250 ? act->max_hr : -1;
	p->row.rpe = isfinite(act->rpe) && act->rpe >= 0 && act->rpe <= 10 ? act->rpe : -1;
	p->row.feel = act->feel >= 0 && act->feel <= 100 ? act->feel : -1;
	p->row.summary_json = p->summary_json;
	p->row.laps_json = p->laps_json;
	p->row.stream = p->stream;

	p->duration = p->row.elapsed_s > 0 ? p->row.elapsed_s :
		      p->row.moving_s > 0 ? p->row.moving_s :
		      act->nsamples ? act->samples[act->nsamples - 1].t : 0;
	if (p->duration < 1)
		p->duration = 1;
	return 0;
}

/* The time the activities of a task span, in seconds (for salvage). */
static double task_span(const task *t)
{
	double s = 0;

	for (size_t i = 0; i < t->nacts; i++)
		s += t->acts[i].duration;
	return s;
}

static int decode_fit(decode_ctx *d)
{
	task *t = d->t;
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	char *cut = NULL;
	int rc;

	rc = co_fit_decode(t->data, t->len, &opt, on_activity, d);
	if (rc != CO_EINPUT || !strstr(co_error_last(), "truncated"))
		return rc;
	/* A cut file: decode what is there, keep it when it is worth keeping. */
	cut = co_xstrdup(co_error_last());
	task_clear_acts(t);
	t->no_start = 0;
	opt.salvage = 1;
	rc = co_fit_decode(t->data, t->len, &opt, on_activity, d);
	if (rc == 0 && t->nacts && task_span(t) >= CO_IMPORT_SALVAGE_MIN_S) {
		co_strbuf sb = CO_STRBUF_INIT;

		co_strbuf_addf(&sb, "salvaged what was recorded before the cut (%s)", cut);
		t->note = co_strbuf_detach(&sb);
	} else if (rc == 0 || rc == CO_EINPUT) {
		task_clear_acts(t);
		rc = co_error_set(CO_EINPUT, "%s", cut);
	}
	free(cut);
	return rc;
}

static void decode_task(pipeline *pl, task *t)
{
	decode_ctx d = {pl, t};
	const known_entry *k;
	int rc;

	co_import_hash(t->hash, t->data, t->len);
	pthread_mutex_lock(&pl->mu);
	k = known_find(&pl->known, t->hash);
	if (k) {
		t->known_id = k->id;
		co_strbuf sb = CO_STRBUF_INIT;
		co_strbuf_addf(&sb, "%s: already imported (from '%s')", t->name, k->source);
		t->message = co_strbuf_detach(&sb);
	}
	pthread_mutex_unlock(&pl->mu);
	if (t->known_id) {
		t->outcome = CO_IMPORT_DUPLICATE;
		goto done;
	}
	co_error_clear();
	if (t->kind == CO_KIND_FIT)
		rc = decode_fit(&d);
	else
		rc = co_xmltrack_read_mem(t->kind == CO_KIND_GPX ? CO_XMLTRACK_GPX :
					  t->kind == CO_KIND_TCX ? CO_XMLTRACK_TCX :
					  CO_XMLTRACK_AUTO,
					  t->data, t->len, t->name, on_activity, &d);
	if (rc == CO_EUNSUPPORTED) {
		task_clear_acts(t);
		t->outcome = CO_IMPORT_SKIPPED;
		t->message = located(t->name, co_error_last());
	} else if (rc < 0) {
		task_clear_acts(t);
		t->outcome = CO_IMPORT_FAILED;
		t->message = located(t->name, rc == CO_ENOMEM ? "out of memory" : co_error_last());
	} else if (!t->nacts) {
		t->outcome = CO_IMPORT_SKIPPED;
		t->message = located(t->name, t->no_start ? "no start time, cannot be placed"
						: "only transitions, no activity");
	}
done:
	free(t->data);
	t->data = NULL;
	t->decoded = true;
}

static void *worker_main(void *arg)
{
	pipeline *pl = arg;

	for (;;) {
		task *t;

		pthread_mutex_lock(&pl->mu);
		while (!pl->qhead && !pl->walk_done && !pl->stop)
			pthread_cond_wait(&pl->task_cv, &pl->mu);
		t = pl->qhead;
		if (!t) {
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		pl->qhead = t->next;
		if (!pl->qhead)
			pl->qtail = NULL;
		bool stop = pl->stop;
		pthread_mutex_unlock(&pl->mu);

		if (!stop)
			decode_task(pl, t);
		pthread_mutex_lock(&pl->mu);
		if (pl->stop) {
			task_free(t);
		} else {
			pl->ring[t->seq % pl->window] = t;
			pthread_cond_broadcast(&pl->done_cv);
		}
		pthread_mutex_unlock(&pl->mu);
	}
	return NULL;
}

/* --- the walker ---------------------------------------------------------- */

/* Something bytes can be read from: a file, an archive member. */
typedef struct reader reader;
struct reader {
	/* Up to n bytes into buf: the count, 0 at the end, -1 on error (msg set). */
	ssize_t (*read)(reader *r, void *buf, size_t n);
	char msg[160];
	uint64_t size; /* the bytes to come when known (a file's size), else 0 */
};

typedef struct fd_reader {
	reader base;
	int fd;
	pipeline *pl;
	uint64_t start;
} fd_reader;

static ssize_t fd_read(reader *r, void *buf, size_t n)
{
	fd_reader *f = (fd_reader *)r;
	ssize_t got;

	do
		got = read(f->fd, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		snprintf(r->msg, sizeof(r->msg), "%s", strerror(errno));
		return -1;
	}
	f->pl->disk_pos += (uint64_t)got;
	return got;
}

typedef struct arch_reader {
	reader base;
	struct archive *a;
} arch_reader;

static ssize_t arch_read(reader *r, void *buf, size_t n)
{
	arch_reader *ar = (arch_reader *)r;
	la_ssize_t got = archive_read_data(ar->a, buf, n);

	if (got < 0) {
		snprintf(r->msg, sizeof(r->msg), "%s",
			 archive_error_string(ar->a) ? archive_error_string(ar->a) : "archive error");
		return -1;
	}
	return got;
}

/* libarchive reading an archive that is itself a stream: head first, then the rest. */
typedef struct chain {
	reader *parent;
	const unsigned char *head;
	size_t head_len;
	bool head_done;
	unsigned char buf[65536];
} chain;

static la_ssize_t chain_read(struct archive *a, void *ctx, const void **buf)
{
	chain *c = ctx;
	ssize_t n;

	if (!c->head_done) {
		c->head_done = true;
		if (c->head_len) {
			*buf = c->head;
			return (la_ssize_t)c->head_len;
		}
	}
	n = c->parent->read(c->parent, c->buf, sizeof(c->buf));
	if (n < 0) {
		archive_set_error(a, EIO, "%s", c->parent->msg);
		return -1;
	}
	*buf = c->buf;
	return n;
}

static ssize_t read_full(reader *r, unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k = r->read(r, buf + got, n - got);

		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

/* The name without a trailing ".gz", lowercased extension compared. */
static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	if (n > 3 && !strcasecmp(name + n - 3, ".gz"))
		n -= 3;
	return n > e && !strncasecmp(name + n - e, ext, e);
}

static int rank_of(const char *name)
{
	if (has_ext(name, ".fit"))
		return 0;
	if (has_ext(name, ".tcx"))
		return 1;
	if (has_ext(name, ".gpx"))
		return 2;
	return 3;
}

#define HEAD_BYTES 4096
#define MAX_DEPTH 8

static void walk_stream(pipeline *pl, reader *r, const char *name, const char *source,
			int depth);

static void walk_archive(pipeline *pl, reader *parent, const unsigned char *head,
			 size_t head_len, bool gzip, const char *name, const char *source,
			 int depth)
{
	chain *c = co_xcalloc(1, sizeof(*c));
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	arch_reader ar = {{arch_read, "", 0}, a};
	co_strbuf cname = CO_STRBUF_INIT, csource = CO_STRBUF_INIT;
	int r;

	c->parent = parent;
	c->head = head;
	c->head_len = head_len;
	if (gzip) {
		archive_read_support_filter_gzip(a);
		archive_read_support_format_raw(a);
	} else {
		archive_read_support_filter_all(a);
		archive_read_support_format_all(a);
	}
	if (archive_read_open(a, c, NULL, chain_read, NULL) != ARCHIVE_OK) {
		report(pl, name, CO_IMPORT_FAILED, archive_error_string(a));
		goto done;
	}
	while (!stopped(pl)) {
		r = archive_read_next_header(a, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN) {
			report(pl, name, CO_IMPORT_FAILED, archive_error_string(a));
			break;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		const char *path = archive_entry_pathname(e);
		const char *base = path ? strrchr(path, '/') : NULL;
		base = base ? base + 1 : path;
		if (path && (!strncmp(path, "__MACOSX/", 9) || !strncmp(base, "._", 2)))
			continue; /* macOS resource forks, not files */
		ar.base.size = !gzip && archive_entry_size_is_set(e) && archive_entry_size(e) > 0 ?
			       (uint64_t)archive_entry_size(e) : 0;
		if (gzip) {
			walk_stream(pl, &ar.base, name, source, depth + 1);
			continue;
		}
		co_strbuf_reset(&cname);
		co_strbuf_reset(&csource);
		co_strbuf_addf(&cname, "%s:%s", name, path ? path : "?");
		co_strbuf_addf(&csource, "%s:%s", source, path ? path : "?");
		walk_stream(pl, &ar.base, cname.buf, csource.buf, depth + 1);
	}
done:
	archive_read_free(a);
	free(c);
	co_strbuf_release(&cname);
	co_strbuf_release(&csource);
}

/*
 * One file or member: tell what it is from its first bytes, then recurse
 * into an archive, queue an activity file, or report it.
 */
static void walk_stream(pipeline *pl, reader *r, const char *name, const char *source,
			int depth)
{
	unsigned char *head = co_xmalloc(HEAD_BYTES);
	ssize_t n = read_full(r, head, HEAD_BYTES);
	co_import_kind kind;

	if (n < 0) {
		report(pl, name, CO_IMPORT_FAILED, r->msg);
		goto done;
	}
	kind = co_import_detect(head, (size_t)n);
	if (kind == CO_KIND_UNKNOWN || kind == CO_KIND_XML) {
		/* a file named as an activity is decoded, to say what is wrong with it */
		if (has_ext(name, ".fit"))
			kind = CO_KIND_FIT;
		else if (has_ext(name, ".gpx"))
			kind = CO_KIND_GPX;
		else if (has_ext(name, ".tcx"))
			kind = CO_KIND_TCX;
	}
	switch (kind) {
	case CO_KIND_ZIP: case CO_KIND_GZIP: case CO_KIND_ARCHIVE:
		if (depth >= MAX_DEPTH) {
			report(pl, name, CO_IMPORT_FAILED, "archives nested too deep");
			break;
		}
		walk_archive(pl, r, head, (size_t)n, kind == CO_KIND_GZIP, name, source, depth);
		break;
	case CO_KIND_FIT: case CO_KIND_GPX: case CO_KIND_TCX: case CO_KIND_XML: {
		size_t len = (size_t)n, cap = HEAD_BYTES * 16;

		/* sized once when the size is known (one more byte to see the end) */
		if (r->size >= cap && r->size < pl->max_file)
			cap = (size_t)r->size + 1;
		unsigned char *data = co_xmalloc(cap);
		bool too_big = false;

		memcpy(data, head, len);
		if ((size_t)n == HEAD_BYTES) {
			for (;;) {
				ssize_t k;

				if (len == cap) {
					if (cap >= pl->max_file) {
						too_big = true;
						break;
					}
					cap = cap * 2 > pl->max_file ? pl->max_file : cap * 2;
					data = co_xrealloc(data, cap);
				}
				k = r->read(r, data + len, cap - len);
				if (k < 0) {
					free(data);
					report(pl, name, CO_IMPORT_FAILED, r->msg);
					goto done;
				}
				if (k == 0)
					break;
				len += (size_t)k;
			}
		}
		if (too_big) {
			char msg[96];

			free(data);
			snprintf(msg, sizeof(msg), "larger than %zu MiB, not read",
				 pl->max_file >> 20);
			report(pl, name, CO_IMPORT_FAILED, msg);
			break;
		}
		task *t = task_new(name, source);
		t->data = data;
		t->len = len;
		t->kind = kind;
		push(pl, t, true);
		break;
	}
	default:
		report(pl, name, CO_IMPORT_IGNORED, "not a FIT, GPX or TCX file");
	}
done:
	free(head);
}

static void *walker_main(void *arg)
{
	pipeline *pl = arg;

	for (size_t i = 0; i < pl->ninputs && !stopped(pl); i++) {
		input *in = &pl->inputs[i];
		uint64_t start = pl->disk_pos;
		fd_reader f = {{fd_read, "", in->size}, -1, pl, start};

		if (in->error) {
			report(pl, in->path, CO_IMPORT_FAILED, in->error);
			continue;
		}
		f.fd = open(in->path, O_RDONLY | O_CLOEXEC);
		if (f.fd < 0) {
			report(pl, in->path, CO_IMPORT_FAILED, strerror(errno));
			pl->disk_pos = start + in->size;
			continue;
		}
		walk_stream(pl, &f.base, in->path, in->source, 0);
		close(f.fd);
		pl->disk_pos = start + in->size;
	}
	pthread_mutex_lock(&pl->mu);
	pl->walk_done = true;
	pthread_cond_broadcast(&pl->task_cv);
	pthread_cond_broadcast(&pl->done_cv);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* --- inputs: paths to a flat list of files ------------------------------------ */

typedef struct input_list {
	input *v;
	size_t n, alloc;
} input_list;

static input *input_add(input_list *l, const char *path, uint64_t size)
{
	const char *base = strrchr(path, '/');
	input *in;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 64;
		l->v = co_xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	in = &l->v[l->n++];
	memset(in, 0, sizeof(*in));
	in->path = co_xstrdup(path);
	in->source = co_xstrdup(base && base[1] ? base + 1 : path);
	in->size = size;
	in->rank = rank_of(path);
	return in;
}

static int input_cmp(const void *a, const void *b)
{
	const input *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->path, y->path);
}

static void collect_dir(input_list *l, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	co_strbuf path = CO_STRBUF_INIT;
	struct stat st;

	if (!d) {
		input_add(l, dir, 0)->error = co_xstrdup(strerror(errno));
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue; /* ".", "..", and hidden files (.DS_Store, ._x.fit) */
		co_strbuf_reset(&path);
		co_strbuf_addf(&path, "%s%s%s", dir,
			       dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		if (lstat(path.buf, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < 64)
				collect_dir(l, path.buf, depth + 1);
		} else if (S_ISREG(st.st_mode) ||
			   (S_ISLNK(st.st_mode) && !stat(path.buf, &st) && S_ISREG(st.st_mode))) {
			input_add(l, path.buf, (uint64_t)st.st_size);
		}
	}
	closedir(d);
	co_strbuf_release(&path);
}

static void inputs_free(input *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].source);
		free(v[i].error);
	}
	free(v);
}

/* Every path exists: expand folders (FIT first in each), sum the sizes. */
static int collect_inputs(input_list *l, uint64_t *total, const char *const *paths,
			  size_t npaths)
{
	struct stat st;

	for (size_t i = 0; i < npaths; i++)
		if (stat(paths[i], &st) < 0)
			return co_error_set(errno == ENOENT ? CO_ENOTFOUND : CO_EIO, "'%s': %s",
					    paths[i], errno == ENOENT ?
					    "no such file or directory" : strerror(errno));
	for (size_t i = 0; i < npaths; i++) {
		size_t first = l->n;

		stat(paths[i], &st);
		if (S_ISDIR(st.st_mode)) {
			collect_dir(l, paths[i], 0);
			qsort(l->v + first, l->n - first, sizeof(*l->v), input_cmp);
		} else {
			input_add(l, paths[i], (uint64_t)st.st_size);
		}
	}
	*total = 0;
	for (size_t i = 0; i < l->n; i++)
		*total += l->v[i].size;
	return 0;
}

/* --- the writer ------------------------------------------------------------------ */

static void emit(pipeline *pl, co_import_outcome outcome, const char *name, const char *msg,
		 int64_t id, const co_store_activity_row *row)
{
	co_import_event ev = {outcome, name, msg, id, row, &pl->stats};

	pl->stats.seconds = since(&pl->t0);
	if (outcome == CO_IMPORT_PROGRESS)
		pl->last_progress = pl->stats.seconds;
	if (pl->opt->on_event)
		pl->opt->on_event(pl->opt->ctx, &ev);
}

static void count(pipeline *pl, co_import_outcome o)
{
	switch (o) {
	case CO_IMPORT_IMPORTED: pl->stats.imported++; break;
	case CO_IMPORT_DUPLICATE: pl->stats.duplicates++; break;
	case CO_IMPORT_SKIPPED: pl->stats.skipped++; break;
	case CO_IMPORT_FAILED: pl->stats.failed++; break;
	case CO_IMPORT_IGNORED: pl->stats.ignored++; break;
	default: break;
	}
}

/* Samples with heart rate plus samples with position in a stored row. */
static size_t stream_richness(const pipeline *pl, const co_store_activity_row *row)
{
	co_sample *s = NULL;
	size_t n = 0, rich = 0;

	if (rich_find(&pl->rich, row->id, &rich))
		return rich; /* stored by this import */
	if (!row->stream || co_stream_decode(&s, &n, row->stream, row->stream_len) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		rich += (s[i].hr != 0) + (s[i].lat != CO_NO_POS);
	free(s);
	return rich;
}

/*
 * Is p the same run as a stored activity? 0 and p->outcome set to DUPLICATE
 * when it is; 0 and nothing set when not; CO_ESTORE.
 */
static int check_overlap(pipeline *pl, task *t, prepared *p)
{
	co_store_activity_row other = CO_STORE_ACTIVITY_ROW_INIT;
	int64_t oid = 0;
	int rc;

	rc = co_store_activity_find_overlap(&oid, pl->store, pl->opt->athlete_id,
					    p->row.start_utc, (int64_t)ceil(p->duration));
	if (rc < 0 || !oid)
		return rc;
	if ((rc = co_store_activity_get(&other, pl->store, oid)) < 0)
		return rc;
	double odur = other.elapsed_s > 0 ? other.elapsed_s : other.moving_s > 0 ?
		      other.moving_s : 1;
	double s1 = (double)p->row.start_utc, e1 = s1 + p->duration;
	double s2 = (double)other.start_utc, e2 = s2 + odur;
	double ov = fmin(e1, e2) - fmax(s1, s2);
	double shorter = fmin(p->duration, odur);

	/* sessions of one file (a triathlon) are parts, never repeats */
	bool same_file = !strncmp(other.hash, t->hash, 64);

	if (!same_file && ov * 2 >= shorter) {
		size_t orich = stream_richness(pl, &other);
		co_strbuf sb = CO_STRBUF_INIT;

		if (p->rich > orich) {
			/* The richer recording wins: the stored one goes, inside this
			 * file's transaction, and this one is inserted in its place. */
			if ((rc = co_store_activity_delete(pl->store, oid)) < 0) {
				co_store_activity_row_release(&other);
				return rc;
			}
			pl->stats.replaced++;
			co_strbuf_addf(&sb, "%s: same run as '%s' (#%lld), replaced: this file has "
				       "%zu samples with heart rate or position, that one %zu",
				       t->name, other.source, (long long)oid, p->rich, orich);
			p->message = co_strbuf_detach(&sb);
			co_store_activity_row_release(&other);
			return 0;
		}
		co_strbuf_addf(&sb, "%s: same run as '%s' (#%lld)", t->name, other.source,
			       (long long)oid);
		if (p->rich == orich)
			co_strbuf_addf(&sb, ", kept '%s', stored first (both have %zu samples "
				       "with heart rate or position)", other.source, orich);
		else
			co_strbuf_addf(&sb, ", kept '%s': it has %zu samples with heart rate "
				       "or position, this file %zu", other.source, orich, p->rich);
		p->outcome = CO_IMPORT_DUPLICATE;
		p->id = oid;
		p->message = co_strbuf_detach(&sb);
	}
	co_store_activity_row_release(&other);
	return 0;
}

/* Store one decoded file in one transaction. CO_ESTORE stops the import. */
static int commit_task(pipeline *pl, task *t)
{
	int rc;

	if (!t->decoded || t->known_id || !t->nacts) {
		pl->stats.files += t->outcome != CO_IMPORT_IGNORED;
		count(pl, t->outcome);
		emit(pl, t->outcome, t->name, t->message, t->known_id, NULL);
		return 0;
	}
	pl->stats.files++;
	if ((rc = co_store_begin(pl->store)) < 0)
		return rc;
	for (size_t i = 0; i < t->nacts; i++) {
		prepared *p = &t->acts[i];
		const known_entry *k;

		/* t->acts may have moved while it grew: point the row at p now */
		p->row.hash = p->hash;
		p->row.device = p->device[0] ? p->device : NULL;
		p->outcome = CO_IMPORT_IMPORTED;
		pthread_mutex_lock(&pl->mu);
		k = known_find(&pl->known, t->hash);
		if (k) {
			co_strbuf sb = CO_STRBUF_INIT;

			co_strbuf_addf(&sb, "%s: already imported (from '%s')", t->name, k->source);
			p->outcome = CO_IMPORT_DUPLICATE;
			p->id = k->id;
			p->message = co_strbuf_detach(&sb);
		}
		pthread_mutex_unlock(&pl->mu);
		if (p->outcome == CO_IMPORT_DUPLICATE)
			continue;
		if ((rc = check_overlap(pl, t, p)) < 0)
			goto fail;
		if (p->outcome == CO_IMPORT_DUPLICATE)
			continue;
		rc = co_store_activity_insert(&p->id, pl->store, &p->row);
		if (rc == CO_EEXISTS) {
			p->outcome = CO_IMPORT_DUPLICATE;
			p->message = located(t->name, co_error_last());
		} else if (rc < 0) {
			goto fail;
		} else if (t->note && !p->message) {
			p->message = located(t->name, t->note);
		}
	}
	if ((rc = co_store_commit(pl->store)) < 0)
		return rc;
	for (size_t i = 0; i < t->nacts; i++) {
		prepared *p = &t->acts[i];

		if (p->outcome == CO_IMPORT_IMPORTED) {
			pthread_mutex_lock(&pl->mu);
			known_add(&pl->known, t->hash, p->id, t->source);
			pthread_mutex_unlock(&pl->mu);
			rich_put(&pl->rich, p->id, p->rich);
		}
		count(pl, p->outcome);
		emit(pl, p->outcome, t->name, p->message, p->id,
		     p->outcome == CO_IMPORT_IMPORTED ? &p->row : NULL);
	}
	return 0;
fail:
	co_store_rollback(pl->store);
	return rc;
}

/* The next task in issue order, or NULL when all are done; ticks progress. */
static task *next_done(pipeline *pl)
{
	double every = pl->opt->progress_every > 0 ? pl->opt->progress_every : 0.2;

	for (;;) {
		task *t;
		struct timespec ts;

		pthread_mutex_lock(&pl->mu);
		t = pl->ring[pl->committed % pl->window];
		if (t) {
			pl->ring[pl->committed % pl->window] = NULL;
			pthread_mutex_unlock(&pl->mu);
			return t;
		}
		if (pl->walk_done && pl->committed == pl->issued) {
			pthread_mutex_unlock(&pl->mu);
			return NULL;
		}
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += (long)(every * 1e9);
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&pl->done_cv, &pl->mu, &ts);
		pthread_mutex_unlock(&pl->mu);
		if (since(&pl->t0) - pl->last_progress >= every)
			emit(pl, CO_IMPORT_PROGRESS, NULL, NULL, 0, NULL);
	}
}

static void load_known(pipeline *pl)
{
	co_store_activity_row *rows = NULL;
	size_t n = 0;

	if (co_store_activity_list(&rows, &n, pl->store, NULL) < 0)
		return; /* then the store's unique hash still catches repeats */
	for (size_t i = 0; i < n; i++) {
		char h[65];
		size_t len = strcspn(rows[i].hash, "#");

		if (len != 64)
			continue;
		memcpy(h, rows[i].hash, 64);
		h[64] = '\0';
		known_add(&pl->known, h, rows[i].id, rows[i].source);
	}
	co_store_activity_list_free(rows, n);
}

int co_import_run(co_import_stats *out, co_store *store, const char *const *paths,
		  size_t npaths, const co_import_options *opt)
{
	pipeline pl;
	input_list inputs = {0};
	pthread_t walker, workers[64];
	pthread_condattr_t ca;
	unsigned nworkers = 0, want;
	bool walker_started = false;
	int rc = 0;
	task *t;

	memset(&pl, 0, sizeof(pl));
	if (out)
		memset(out, 0, sizeof(*out));
	if (!store || !opt || opt->athlete_id <= 0 || (npaths && !paths))
		return co_error_set(CO_EINPUT, "import: no store, athlete or paths given");
	if ((rc = collect_inputs(&inputs, &pl.stats.bytes_total, paths, npaths)) < 0)
		goto free_inputs;

	want = opt->threads;
	if (!want) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		want = n > 0 ? (unsigned)n : 1;
	}
	if (want > 64)
		want = 64;
	pl.opt = opt;
	pl.store = store;
	pl.inputs = inputs.v;
	pl.ninputs = inputs.n;
	pl.max_file = opt->max_file_bytes ? opt->max_file_bytes : CO_IMPORT_MAX_FILE;
	if (pl.max_file < HEAD_BYTES * 16)
		pl.max_file = HEAD_BYTES * 16;
	pl.window = 4 * (size_t)want + 4;
	pl.ring = co_xcalloc(pl.window, sizeof(*pl.ring));
	clock_gettime(CLOCK_MONOTONIC, &pl.t0);
	load_known(&pl);

	pthread_mutex_init(&pl.mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&pl.done_cv, &ca);
	pthread_condattr_destroy(&ca);
	pthread_cond_init(&pl.task_cv, NULL);
	pthread_cond_init(&pl.space_cv, NULL);

	for (; nworkers < want; nworkers++)
		if (pthread_create(&workers[nworkers], NULL, worker_main, &pl))
			break;
	if (!nworkers || pthread_create(&walker, NULL, walker_main, &pl)) {
		rc = co_error_set(CO_ERROR, "import: cannot start threads");
		goto stop;
	}
	walker_started = true;

	while ((t = next_done(&pl))) {
		if (t->disk_pos > pl.stats.bytes_done)
			pl.stats.bytes_done = t->disk_pos;
		rc = commit_task(&pl, t);
		task_free(t);
		pthread_mutex_lock(&pl.mu);
		pl.committed++;
		pthread_cond_signal(&pl.space_cv);
		pthread_mutex_unlock(&pl.mu);
		if (rc < 0)
			break;
	}
stop:
	pthread_mutex_lock(&pl.mu);
	if (rc < 0)
		__atomic_store_n(&pl.stop, true, __ATOMIC_RELAXED);
	pl.walk_done = pl.walk_done || !walker_started;
	pthread_cond_broadcast(&pl.task_cv);
	pthread_cond_broadcast(&pl.space_cv);
	pthread_cond_broadcast(&pl.done_cv);
	pthread_mutex_unlock(&pl.mu);
	if (walker_started)
		pthread_join(walker, NULL);
	pthread_mutex_lock(&pl.mu);
	pl.walk_done = true;
	pthread_cond_broadcast(&pl.task_cv);
	pthread_mutex_unlock(&pl.mu);
	for (unsigned i = 0; i < nworkers; i++)
		pthread_join(workers[i], NULL);
	for (size_t i = 0; i < pl.window; i++)
		task_free(pl.ring[i]);
	while ((t = pl.qhead)) {
		pl.qhead = t->next;
		task_free(t);
	}
	pthread_cond_destroy(&pl.task_cv);
	pthread_cond_destroy(&pl.done_cv);
	pthread_cond_destroy(&pl.space_cv);
	pthread_mutex_destroy(&pl.mu);
	free(pl.ring);
	known_release(&pl.known);
	rich_release(&pl.rich);
	if (rc == 0)
		pl.stats.bytes_done = pl.stats.bytes_total;
	pl.stats.seconds = since(&pl.t0);
	if (out)
		*out = pl.stats;
free_inputs:
	inputs_free(inputs.v, inputs.n);
	return rc;
}
