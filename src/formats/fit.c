/*
 * FIT decoding: the record walker and the activity builder on top of it.
 *
 * A FIT input is one or more "files" back to back (chained FIT), each a
 * header (12, 14 or more bytes), data_size bytes of records, and a 2-byte
 * CRC-16 over header and data. Records are definition messages (which say,
 * for one of 16 local message types, the global message number, the byte
 * order and each field's number, size and base type) and data messages
 * (field bytes laid out as the current definition of their local type
 * says). A compressed-timestamp header is a data message for local types
 * 0-3 whose time is a 5-bit offset from the last full timestamp.
 *
 * Invariants of the walker:
 *   - a chained file's CRC is verified before any of its records is
 *     decoded; a truncated file (data_size runs past the input) is an
 *     error, or, with opt->salvage, is decoded up to its last whole record;
 *   - definitions are reset at each chained file;
 *   - a definition is parsed once into a flat table (field offset, size,
 *     base type, and a 256-entry field-number index), so reading a field of
 *     a data message is one index lookup and one switch on the base type,
 *     with no allocation and no function pointers per field;
 *   - nothing outside [buf, buf+len) is ever read: every length is checked
 *     against the end of the current chained file first.
 *
 * The activity builder (co_fit_decode) collects file_id, record, lap,
 * session, activity and sport messages into a co_activity. Samples are
 * resampled by the co_activity_add_sample() rules; sessions and laps are
 * capped (MAX_SESSIONS, MAX_LAPS) so memory stays bounded on hostile input.
 *
 * Speed (the decoder must stay >= 100x Garmin's JS SDK; bench/README.md):
 * each definition also says what the builder does with its messages
 * (def->use): others are skipped by size, only their timestamp kept for
 * compressed headers. A record definition is resolved into a plan (the
 * offset and type of each field a sample needs); when the types are the
 * profile's, records are read by a loop specialised for the byte order,
 * a load and a compare per field. The walker is one function instanced
 * twice, for co_fit_walk() and for co_fit_decode(), so the builder's calls
 * are direct. The CRC pass uses carry-less multiplication where the CPU
 * has it.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "carryover/fit.h"
#include "formats/fit_names.h"

/* Base types by their low 5 bits (the type number). */
enum {
	BT_ENUM, BT_SINT8, BT_UINT8, BT_SINT16, BT_UINT16, BT_SINT32,
	BT_UINT32, BT_STRING, BT_FLOAT32, BT_FLOAT64, BT_UINT8Z, BT_UINT16Z,
	BT_UINT32Z, BT_BYTE, BT_SINT64, BT_UINT64, BT_UINT64Z, BT_COUNT,
	BT_RAW = 0x1F /* unknown type, or a size not a multiple of the type's */
};

static const uint8_t bt_size[BT_COUNT] = {
	1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8
};

typedef struct fdef {
	uint16_t off;   /* within the message's field bytes */
	uint8_t num;
	uint8_t size;
	uint8_t type;   /* BT_* or BT_RAW */
	uint8_t base;   /* the base type byte as written */
} fdef;

/*
 * The record fields the activity builder reads (record message 20), in
 * the order of rec_nums[], and the base type the profile gives each: a
 * definition that uses exactly these types in little-endian order takes
 * the fast reader (no switch on the type per field).
 */
enum {
	R_LAT, R_LON, R_ALT, R_EALT, R_HR, R_CAD, R_FCAD, R_DIST, R_SPEED,
	R_ESPEED, NSLOT
};
static const uint8_t rec_nums[NSLOT] = {0, 1, 2, 78, 3, 4, 53, 5, 6, 73};
static const uint8_t rec_want[NSLOT] = {
	BT_SINT32, BT_SINT32, BT_UINT16, BT_UINT32, BT_UINT8, BT_UINT8,
	BT_UINT8, BT_UINT32, BT_UINT16, BT_UINT32
};

enum { FAST_LE = 1, FAST_BE = 2 };

/* What the activity builder does with the data messages of a definition. */
enum { USE_NONE, USE_RECORD, USE_OTHER };

struct co_fit_def {
	uint16_t global;
	uint8_t big;
	uint8_t nfields;
	uint8_t defined;
	uint8_t use;       /* USE_*: skipped by size, a sample, or on_mesg() */
	uint8_t rec_fast;  /* record definition with the profile's types:
	                    * FAST_LE or FAST_BE, else 0 */
	uint32_t size;     /* field bytes, developer fields included */
	int32_t ts_off;    /* offset of a 4-byte field 253, or -1 */
	/*
	 * Record plan, resolved once per definition: offset of each R_* field
	 * (-1 when absent or not a readable integer) and its base type
	 * (enum and byte read as uint8: same size and invalid value); the
	 * offset of field 8 (compressed_speed_distance, >= 3 bytes) or -1.
	 */
	int32_t rec_off[NSLOT];
	uint8_t rec_type[NSLOT];
	int32_t csd_off;
	uint8_t idx[256];  /* field number -> index + 1; 0 when absent */
	fdef f[255];
};

/*
 * Internal walker returns: skip the rest of the current chained file; a
 * truncated file's records ended mid-message.
 */
#define WALK_SKIP_FILE 0x5c1f
#define WALK_CUT 0x5c20

typedef struct walk_hooks {
	co_fit_mesg_fn mesg;
	/* called at the start and the end of each chained file (may be NULL) */
	void (*file_begin)(void *ctx, unsigned file, size_t data_size);
	int (*file_end)(void *ctx, unsigned file, int truncated);
	void *ctx;
	struct decoder *dec;  /* co_fit_decode's: mesg is unused */
} walk_hooks;

/* --- CRC ------------------------------------------------------------------ */

/*
 * CRC-16/ARC. Two ways, same result:
 *   - a slicing-by-8 table (any CPU; short inputs and tails);
 *   - on x86-64 CPUs with PCLMULQDQ, carry-less multiplication folding
 *     (Intel's "Fast CRC computation for generic polynomials"), 64 bytes a
 *     step in four lanes. It never reduces to 16 bits itself: the folded
 *     128-bit remainder is congruent to the data so far modulo the
 *     polynomial, so the table CRC of its 16 bytes, then of the tail, is
 *     the CRC of the whole input. About 10x the table's speed, which
 *     matters because every chained file is checked in a pass of its own
 *     before its records are decoded.
 * Tables and constants are built once (pthread_once: decoders run in
 * threads).
 */
static uint16_t crc_table[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_CLMUL 1
static int have_clmul;
static uint64_t clmul_k[4]; /* fold by 512 bits (lo, hi), by 128 (lo, hi) */

/* x^n mod P, P = x^16 + x^15 + x^2 + 1, as 16 coefficient bits (bit k: x^k) */
static uint32_t xpow_mod(unsigned n)
{
	uint32_t r = 1;

	while (n--) {
		r <<= 1;
		if (r & 0x10000)
			r ^= 0x18005;
	}
	return r;
}

/* a polynomial of degree < 16 in the bit-reflected 64-bit lane order */
static uint64_t refl64(uint32_t poly)
{
	uint64_t r = 0;
	unsigned k;

	for (k = 0; k < 16; k++)
		if (poly >> k & 1)
			r |= 1ull << (63 - k);
	return r;
}
#endif

static void crc_init(void)
{
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		uint16_t c = (uint16_t)i;

		for (k = 0; k < 8; k++)
			c = (uint16_t)(c & 1 ? (c >> 1) ^ 0xA001 : c >> 1);
		crc_table[0][i] = c;
	}
	/* slicing-by-8: table k is the CRC of byte i followed by k zeros */
	for (k = 1; k < 8; k++)
		for (i = 0; i < 256; i++)
			crc_table[k][i] = (uint16_t)((crc_table[k - 1][i] >> 8) ^
				crc_table[0][crc_table[k - 1][i] & 0xFF]);
#ifdef HAVE_CLMUL
	/*
	 * In a 128-bit lane, bit i is the coefficient of x^(127 - i); the low
	 * 64 bits, A, stand for A * x^64. Moving the lane D bits on is
	 * A * x^(64 + D) + B * x^D; a carry-less product of reflected values
	 * comes out multiplied by x, hence the "- 1".
	 */
	clmul_k[0] = refl64(xpow_mod(512 + 64 - 1));
	clmul_k[1] = refl64(xpow_mod(512 - 1));
	clmul_k[2] = refl64(xpow_mod(128 + 64 - 1));
	clmul_k[3] = refl64(xpow_mod(128 - 1));
	__builtin_cpu_init();
	have_clmul = __builtin_cpu_supports("pclmul") &&
		__builtin_cpu_supports("sse4.1");
#endif
}

static uint16_t crc_bytes(uint16_t crc, const unsigned char *p, size_t len)
{
	while (len >= 8) {
		crc = (uint16_t)(crc_table[7][(p[0] ^ crc) & 0xFF] ^
			crc_table[6][(p[1] ^ (crc >> 8)) & 0xFF] ^
			crc_table[5][p[2]] ^ crc_table[4][p[3]] ^
			crc_table[3][p[4]] ^ crc_table[2][p[5]] ^
			crc_table[1][p[6]] ^ crc_table[0][p[7]]);
		p += 8;
		len -= 8;
	}
	while (len--)
		crc = (uint16_t)((crc >> 8) ^ crc_table[0][(crc ^ *p++) & 0xFF]);
	return crc;
}

#ifdef HAVE_CLMUL
__attribute__((target("pclmul,sse4.1")))
static inline __m128i fold(__m128i x, __m128i k, __m128i next)
{
	return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00),
					   _mm_clmulepi64_si128(x, k, 0x11)), next);
}

/* len >= 64 */
__attribute__((target("pclmul,sse4.1")))
static uint16_t crc_clmul(uint16_t crc, const unsigned char *p, size_t len)
{
	const __m128i k512 = _mm_set_epi64x((long long)clmul_k[1],
					    (long long)clmul_k[0]);
	const __m128i k128 = _mm_set_epi64x((long long)clmul_k[3],
					    (long long)clmul_k[2]);
	__m128i x0, x1, x2, x3;
	unsigned char tmp[16];

	/* a start value is the same as xor-ing it into the first two bytes */
	x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p),
			   _mm_cvtsi32_si128(crc));
	x1 = _mm_loadu_si128((const __m128i *)(p + 16));
	x2 = _mm_loadu_si128((const __m128i *)(p + 32));
	x3 = _mm_loadu_si128((const __m128i *)(p + 48));
	p += 64;
	len -= 64;
	while (len >= 64) {
		x0 = fold(x0, k512, _mm_loadu_si128((const __m128i *)p));
		x1 = fold(x1, k512, _mm_loadu_si128((const __m128i *)(p + 16)));
		x2 = fold(x2, k512, _mm_loadu_si128((const __m128i *)(p + 32)));
		x3 = fold(x3, k512, _mm_loadu_si128((const __m128i *)(p + 48)));
		p += 64;
		len -= 64;
	}
	x0 = fold(x0, k128, x1);
	x0 = fold(x0, k128, x2);
	x0 = fold(x0, k128, x3);
	while (len >= 16) {
		x0 = fold(x0, k128, _mm_loadu_si128((const __m128i *)p));
		p += 16;
		len -= 16;
	}
	_mm_storeu_si128((__m128i *)tmp, x0);
	return crc_bytes(crc_bytes(0, tmp, 16), p, len);
}
#endif

uint16_t co_fit_crc16(uint16_t crc, const void *data, size_t len)
{
	pthread_once(&crc_once, crc_init);
#ifdef HAVE_CLMUL
	if (len >= 64 && have_clmul)
		return crc_clmul(crc, data, len);
#endif
	return crc_bytes(crc, data, len);
}

#if defined(__GNUC__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

/* --- raw reads ------------------------------------------------------------- */

static inline uint16_t rd16(const unsigned char *p, int big)
{
	return big ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static inline uint32_t rd32(const unsigned char *p, int big)
{
	return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			     (uint32_t)p[2] << 8 | p[3]
		   : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
			     (uint32_t)p[1] << 8 | p[0];
}

static inline uint64_t rd64(const unsigned char *p, int big)
{
	uint64_t a = rd32(p, big), b = rd32(p + 4, big);

	return big ? a << 32 | b : b << 32 | a;
}

/* The first element of an integer field; false when invalid or not an int. */
HOT_INLINE bool read_int(const unsigned char *p, unsigned type, int big,
			    int64_t *out)
{
	uint32_t u;
	uint64_t q;

	switch (type) {
	case BT_ENUM:
	case BT_UINT8:
	case BT_BYTE:
		if (p[0] == 0xFF)
			return false;
		*out = p[0];
		return true;
	case BT_UINT8Z:
		if (!p[0])
			return false;
		*out = p[0];
		return true;
	case BT_SINT8:
		if (p[0] == 0x7F)
			return false;
		*out = (int8_t)p[0];
		return true;
	case BT_SINT16:
		u = rd16(p, big);
		if (u == 0x7FFF)
			return false;
		*out = (int16_t)u;
		return true;
	case BT_UINT16:
		u = rd16(p, big);
		if (u == 0xFFFF)
			return false;
		*out = u;
		return true;
	case BT_UINT16Z:
		u = rd16(p, big);
		if (!u)
			return false;
		*out = u;
		return true;
	case BT_SINT32:
		u = rd32(p, big);
		if (u == 0x7FFFFFFFu)
			return false;
		*out = (int32_t)u;
		return true;
	case BT_UINT32:
		u = rd32(p, big);
		if (u == 0xFFFFFFFFu)
			return false;
		*out = u;
		return true;
	case BT_UINT32Z:
		u = rd32(p, big);
		if (!u)
			return false;
		*out = u;
		return true;
	case BT_SINT64:
		q = rd64(p, big);
		if (q == 0x7FFFFFFFFFFFFFFFull)
			return false;
		*out = (int64_t)q;
		return true;
	case BT_UINT64:
	case BT_UINT64Z:
		q = rd64(p, big);
		if (q == (type == BT_UINT64 ? UINT64_MAX : 0) || q > INT64_MAX)
			return false;
		*out = (int64_t)q;
		return true;
	default:
		return false;
	}
}

static inline const fdef *find_field(const co_fit_mesg *m, unsigned num)
{
	unsigned i;

	if (num > 255)
		return NULL;
	i = m->def->idx[num];
	return i ? &m->def->f[i - 1] : NULL;
}

/* co_fit_mesg_int, inlined into the activity builder's hot paths */
HOT_INLINE bool mesg_int(const co_fit_mesg *m, unsigned num, int64_t *out)
{
	const fdef *f = find_field(m, num);

	return f && f->size && read_int(m->data + f->off, f->type, m->def->big, out);
}

bool co_fit_mesg_int(const co_fit_mesg *m, unsigned num, int64_t *out)
{
	return mesg_int(m, num, out);
}

bool co_fit_mesg_num(const co_fit_mesg *m, unsigned num, double scale,
		     double offset, double *out)
{
	const fdef *f = find_field(m, num);
	int64_t v;
	double d;

	if (!f || !f->size)
		return false;
	if (f->type == BT_FLOAT32) {
		uint32_t u = rd32(m->data + f->off, m->def->big);
		float x;

		if (u == 0xFFFFFFFFu)
			return false;
		memcpy(&x, &u, 4);
		d = x;
	} else if (f->type == BT_FLOAT64) {
		uint64_t u = rd64(m->data + f->off, m->def->big);

		if (u == UINT64_MAX)
			return false;
		memcpy(&d, &u, 8);
	} else if (read_int(m->data + f->off, f->type, m->def->big, &v)) {
		d = (double)v;
	} else {
		return false;
	}
	if (isnan(d))
		return false;
	*out = d / scale - offset;
	return true;
}

size_t co_fit_mesg_string(const co_fit_mesg *m, unsigned num, char *buf,
			  size_t n)
{
	const fdef *f = find_field(m, num);
	size_t k = 0;

	if (!n)
		return 0;
	buf[0] = '\0';
	if (!f || f->type != BT_STRING)
		return 0;
	while (k < f->size && k + 1 < n && m->data[f->off + k])
		k++;
	memcpy(buf, m->data + f->off, k);
	buf[k] = '\0';
	return k;
}

static void field_out(const co_fit_mesg *m, const fdef *f, co_fit_field *out)
{
	out->num = f->num;
	out->size = f->size;
	out->base_type = f->base;
	out->big_endian = m->def->big;
	out->data = m->data + f->off;
}

bool co_fit_mesg_field(const co_fit_mesg *m, unsigned num, co_fit_field *out)
{
	const fdef *f = find_field(m, num);

	if (!f)
		return false;
	field_out(m, f, out);
	return true;
}

unsigned co_fit_mesg_count(const co_fit_mesg *m)
{
	return m->def->nfields;
}

bool co_fit_mesg_field_at(const co_fit_mesg *m, unsigned i, co_fit_field *out)
{
	if (i >= m->def->nfields)
		return false;
	field_out(m, &m->def->f[i], out);
	return true;
}

/* --- the walker ------------------------------------------------------------ */

static int truncated_error(size_t at, size_t want, size_t have)
{
	return co_error_set(CO_EINPUT,
		"byte %zu: truncated FIT file: the header promises %zu bytes "
		"of records and CRC, only %zu follow", at, want, have);
}

/*
 * Resolve a record definition's R_* fields once, with exactly the rules of
 * mesg_int() (the first field of a number counts; a zero-size field, a
 * float, a string or an odd-sized field reads as absent).
 */
static void plan_record(co_fit_def *d)
{
	unsigned k;

	d->rec_fast = d->big ? FAST_BE : FAST_LE;
	for (k = 0; k < NSLOT; k++) {
		unsigned i = d->idx[rec_nums[k]], t;
		const fdef *f = i ? &d->f[i - 1] : NULL;

		d->rec_off[k] = -1;
		d->rec_type[k] = BT_RAW;
		if (!f || !f->size)
			continue;
		t = f->type;
		if (t == BT_STRING || t == BT_FLOAT32 || t == BT_FLOAT64 ||
		    t == BT_RAW)
			continue;
		if (t == BT_ENUM || t == BT_BYTE)
			t = BT_UINT8;
		d->rec_off[k] = f->off;
		d->rec_type[k] = (uint8_t)t;
		if (t != rec_want[k])
			d->rec_fast = 0;
	}
	d->csd_off = d->idx[8] && d->f[d->idx[8] - 1].size >= 3 ?
		d->f[d->idx[8] - 1].off : -1;
}

/*
 * Parse the definition at p (header byte included) into d. Returns the
 * record length, 0 when it does not fit in [p, end), or -1 when invalid.
 */
static long parse_def(co_fit_def *d, const unsigned char *p,
		      const unsigned char *end, const unsigned char *base)
{
	size_t avail = (size_t)(end - p), need, i;
	unsigned n, ndev = 0;
	uint32_t off = 0;
	int dev = p[0] & 0x20;

	if (avail < 6)
		return 0;
	if (p[2] > 1) {
		co_error_set(CO_EINPUT, "byte %zu: definition with bad "
			     "architecture %u", (size_t)(p - base), p[2]);
		return -1;
	}
	n = p[5];
	need = 6 + 3 * (size_t)n + (dev ? 1 : 0);
	if (avail < need)
		return 0;
	if (dev) {
		ndev = p[6 + 3 * n];
		need += 3 * (size_t)ndev;
		if (avail < need)
			return 0;
	}
	d->big = p[2];
	d->global = rd16(p + 3, d->big);
	d->nfields = (uint8_t)n;
	d->ts_off = -1;
	memset(d->idx, 0, sizeof(d->idx));
	for (i = 0; i < n; i++) {
		const unsigned char *fp = p + 6 + 3 * i;
		fdef *f = &d->f[i];
		unsigned t = fp[2] & 0x1F;

		f->num = fp[0];
		f->size = fp[1];
		f->base = fp[2];
		f->off = (uint16_t)off;
		if (t >= BT_COUNT || f->size % bt_size[t])
			t = BT_RAW;
		f->type = (uint8_t)t;
		if (!d->idx[f->num])
			d->idx[f->num] = (uint8_t)(i + 1);
		if (f->num == 253 && f->size == 4 && d->ts_off < 0 &&
		    (t == BT_UINT32 || t == BT_UINT32Z || t == BT_SINT32))
			d->ts_off = (int32_t)off;
		off += f->size;
	}
	for (i = 0; i < ndev; i++)
		off += p[6 + 3 * n + 1 + 3 * i + 1];
	d->size = off;
	d->defined = 1;
	switch (d->global) {
	case CO_FIT_RECORD:
		d->use = USE_RECORD;
		plan_record(d);
		break;
	case CO_FIT_FILE_ID:
	case CO_FIT_SPORT:
	case CO_FIT_SESSION:
	case CO_FIT_LAP:
	case CO_FIT_ACTIVITY:
		d->use = USE_OTHER;
		break;
	default:
		d->use = USE_NONE;
	}
	return (long)need;
}

typedef struct decoder decoder;
static int on_mesg(void *vctx, const co_fit_mesg *m);
HOT_INLINE int on_record_le(decoder *d, const co_fit_def *df,
			    const unsigned char *data, uint32_t ts);
HOT_INLINE int on_record_be(decoder *d, const co_fit_def *df,
			    const unsigned char *data, uint32_t ts);
static int on_record_any(decoder *d, const co_fit_def *df,
			 const unsigned char *data, uint32_t ts);

/*
 * Decode the records of one chained file in [p, end). A truncated file
 * (salvage mode) has no CRC to vouch for its bytes, so its first broken
 * record ends it: WALK_CUT, and the caller keeps what came before.
 *
 * Two instances: with dec == NULL every data message goes to h->mesg (the
 * record level); with a decoder, messages the activity builder does not
 * use are skipped by size (their timestamp still counts for compressed
 * headers) and records go straight to the record plan, with no
 * co_fit_mesg built and no indirect call.
 */
HOT_INLINE int walk_records_impl(co_fit_def *defs, const unsigned char *buf,
				 const unsigned char *p, const unsigned char *end,
				 unsigned file, int truncated,
				 const walk_hooks *h, decoder *dec)
{
	uint32_t last_ts = 0;
	co_fit_mesg m;
	int rc;

	m.file = file;
	while (p < end) {
		unsigned hdr = p[0], local, compressed;
		const co_fit_def *d;
		const unsigned char *data;
		uint32_t ts;

		if (!(hdr & 0x80) && (hdr & 0x40)) {
			long n = parse_def(&defs[hdr & 0x0F], p, end, buf);

			if (n < 0)
				return truncated ? WALK_CUT : CO_EINPUT;
			if (n == 0)
				goto cut;
			p += n;
			continue;
		}
		if (hdr & 0x80) {
			unsigned off = hdr & 0x1F;

			local = (hdr >> 5) & 3;
			compressed = 1;
			ts = (last_ts & ~0x1Fu) + off;
			if (off < (last_ts & 0x1F))
				ts += 0x20;
			last_ts = ts;
		} else {
			local = hdr & 0x0F;
			compressed = 0;
			ts = 0;
		}
		d = &defs[local];
		if (!d->defined && truncated)
			return WALK_CUT;
		if (!d->defined)
			return co_error_set(CO_EINPUT, "byte %zu: data message "
				"for local type %u, which has no definition",
				(size_t)(p - buf), local);
		if ((size_t)(end - p) - 1 < d->size)
			goto cut;
		data = p + 1;
		if (d->ts_off >= 0 && !compressed) {
			uint32_t t = rd32(data + d->ts_off, d->big);

			if (t != 0xFFFFFFFFu)
				ts = last_ts = t;
		}
		if (dec && d->use != USE_OTHER) {
			p += 1 + d->size;
			if (d->use == USE_NONE)
				continue;
			rc = d->rec_fast == FAST_LE ?
				on_record_le(dec, d, data, ts) :
			     d->rec_fast == FAST_BE ?
				on_record_be(dec, d, data, ts) :
				on_record_any(dec, d, data, ts);
			if (rc)
				return rc;
			continue;
		}
		m.local = (uint8_t)local;
		m.compressed = (uint8_t)compressed;
		m.timestamp = ts;
		m.global = d->global;
		m.offset = (size_t)(p - buf);
		m.data = data;
		m.def = d;
		p += 1 + d->size;
		rc = dec ? on_mesg(dec, &m) : h->mesg(h->ctx, &m);
		if (rc == WALK_SKIP_FILE)
			return 0;
		if (rc)
			return rc;
	}
	return 0;
cut:
	if (truncated)
		return WALK_CUT; /* the caller reports the truncation */
	return co_error_set(CO_EINPUT, "byte %zu: message runs past the end "
			    "of the FIT data", (size_t)(p - buf));
}

static int walk_records(co_fit_def *defs, const unsigned char *buf,
			const unsigned char *p, const unsigned char *end,
			unsigned file, int truncated, const walk_hooks *h)
{
	if (h->dec)
		return walk_records_impl(defs, buf, p, end, file, truncated,
					 NULL, h->dec);
	return walk_records_impl(defs, buf, p, end, file, truncated, h, NULL);
}

static int walk(const unsigned char *buf, size_t len,
		const co_fit_options *opt, const walk_hooks *h)
{
	co_fit_def *defs = NULL;
	size_t pos = 0;
	unsigned file = 0, k;
	int rc = 0;

	if (len == 0)
		return co_error_set(CO_EINPUT, "empty file (0 bytes), not a FIT file");
	defs = malloc(16 * sizeof(*defs));
	if (!defs)
		return co_error_set(CO_ENOMEM, "out of memory");
	while (pos < len) {
		size_t rem = len - pos, hs, ds, avail;
		int truncated = 0;
		const unsigned char *p = buf + pos;

		hs = p[0];
		if (rem < 12 || hs < 12 || memcmp(p + 8, ".FIT", 4) != 0) {
			rc = co_error_set(CO_EINPUT, file ?
				"byte %zu: %zu bytes after the FIT data are not "
				"a FIT file header" :
				"byte %zu: not a FIT file (%zu bytes, no '.FIT' header)",
				pos, rem);
			goto done;
		}
		if (rem < hs) {
			rc = co_error_set(CO_EINPUT, "byte %zu: truncated FIT "
					  "header", pos);
			goto done;
		}
		if ((p[1] >> 4) > 2) {
			rc = co_error_set(CO_EINPUT, "byte %zu: unsupported FIT "
				"protocol version %u.%u", pos, p[1] >> 4, p[1] & 15);
			goto done;
		}
		if (hs >= 14 && rd16(p + 12, 0) != 0 &&
		    rd16(p + 12, 0) != co_fit_crc16(0, p, 12)) {
			rc = co_error_set(CO_EINPUT, "byte %zu: FIT header CRC "
				"mismatch (corrupt file)", pos);
			goto done;
		}
		ds = rd32(p + 4, 0);
		avail = rem - hs;
		if (avail < ds + 2) {
			if (!opt->salvage) {
				rc = truncated_error(pos, ds + 2, avail);
				goto done;
			}
			truncated = 1;
		} else {
			uint16_t want = rd16(p + hs + ds, 0);
			uint16_t got = co_fit_crc16(0, p, hs + ds);

			if (want != got) {
				rc = co_error_set(CO_EINPUT, "byte %zu: FIT file "
					"CRC mismatch (stored 0x%04X, computed "
					"0x%04X): the file is corrupt", pos + hs + ds,
					want, got);
				goto done;
			}
		}
		for (k = 0; k < 16; k++)
			defs[k].defined = 0; /* parse_def() sets all the rest */
		if (h->file_begin)
			h->file_begin(h->ctx, file, truncated ?
				      (avail < ds ? avail : ds) : ds);
		rc = walk_records(defs, buf, p + hs,
				  p + hs + (truncated ? (avail < ds ? avail : ds) : ds),
				  file, truncated, h);
		if (rc && rc != WALK_CUT)
			goto done;
		if (h->file_end) {
			rc = h->file_end(h->ctx, file, truncated);
			if (rc)
				goto done;
		}
		if (truncated) {
			rc = truncated_error(pos, ds + 2, avail);
			goto done;
		}
		pos += hs + ds + 2;
		file++;
	}
	rc = 0;
done:
	free(defs);
	return rc;
}

int co_fit_walk(const unsigned char *buf, size_t len,
		const co_fit_options *opt, co_fit_mesg_fn cb, void *ctx)
{
	co_fit_options defaults = CO_FIT_OPTIONS_INIT;
	walk_hooks h = {cb, NULL, NULL, ctx, NULL};

	return walk(buf, len, opt ? opt : &defaults, &h);
}

/* --- names ----------------------------------------------------------------- */

static const char *find_name(const co_fit_name *t, size_t n, int id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t[mid].id == id)
			return t[mid].name;
		if (t[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *co_fit_manufacturer_name(int manufacturer)
{
	return find_name(co_fit_manufacturers, co_fit_manufacturers_count,
			 manufacturer);
}

const char *co_fit_file_type_name(int type)
{
	switch (type) {
	case 1: return "device";
	case 2: return "settings";
	case 3: return "sport";
	case 4: return "activity";
	case 5: return "workout";
	case 6: return "course";
	case 7: return "schedules";
	case 9: return "weight";
	case 10: return "totals";
	case 11: return "goals";
	case 14: return "blood_pressure";
	case 15: return "monitoring_a";
	case 20: return "activity_summary";
	case 28: return "monitoring_daily";
	case 32: return "monitoring_b";
	case 34: return "segment";
	case 35: return "segment_list";
	case 40: return "exd_configuration";
	default: return "unknown";
	}
}

/* --- the activity builder -------------------------------------------------- */

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
	unsigned nlaps, laps_alloc;

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
	return co_fit_mesg_num(m, f, scale, off, &v) && v >= 0 && v < 1e10 ?
		v : CO_UNKNOWN;
}

static int int_or(const co_fit_mesg *m, unsigned f, int dflt)
{
	int64_t v;

	return co_fit_mesg_int(m, f, &v) ? (int)v : dflt;
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
 * resolved type. Same results as mesg_int().
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

HOT_INLINE int on_record_le(decoder *d, const co_fit_def *df,
			    const unsigned char *data, uint32_t ts)
{
	return on_record(d, df, data, ts, FAST_LE);
}

HOT_INLINE int on_record_be(decoder *d, const co_fit_def *df,
			    const unsigned char *data, uint32_t ts)
{
	return on_record(d, df, data, ts, FAST_BE);
}

static int on_record_any(decoder *d, const co_fit_def *df,
			 const unsigned char *data, uint32_t ts)
{
	return on_record(d, df, data, ts, 0);
}

static void on_session(decoder *d, const co_fit_mesg *m)
{
	session *s;
	int64_t v;
	double x;

	if (d->nsess == MAX_SESSIONS)
		return;
	s = &d->sess[d->nsess++];
	s->start = co_fit_mesg_int(m, 2, &v) ? (uint32_t)v : 0;
	s->elapsed = num_or(m, 7, 1000, 0);
	s->moving = num_or(m, 8, 1000, 0);
	s->distance = num_or(m, 9, 100, 0);
	s->avg_speed = num_or(m, 124, 1000, 0);
	if (s->avg_speed < 0)
		s->avg_speed = num_or(m, 14, 1000, 0);
	s->ascent = num_or(m, 22, 1, 0);
	s->sport = int_or(m, 5, -1);
	s->sub_sport = int_or(m, 6, -1);
	s->avg_hr = (uint8_t)int_or(m, 16, 0);
	s->max_hr = (uint8_t)int_or(m, 17, 0);
	s->feel = co_fit_mesg_int(m, 192, &v) && v <= 100 ? (int)v : -1;
	/* Garmin writes RPE x 10 (10..100); the profile gives no scale */
	s->rpe = co_fit_mesg_num(m, 193, 10, 0, &x) && x <= 10 ? x : CO_UNKNOWN;
}

static int on_lap(decoder *d, const co_fit_mesg *m)
{
	lapx *l;
	int64_t v;

	if (d->nlaps == MAX_LAPS)
		return 0;
	if (d->nlaps == d->laps_alloc) {
		unsigned n = d->laps_alloc ? d->laps_alloc * 2 : 32;
		lapx *p = realloc(d->laps, n * sizeof(*p));

		if (!p)
			return co_error_set(CO_ENOMEM, "out of memory for laps");
		d->laps = p;
		d->laps_alloc = n;
	}
	l = &d->laps[d->nlaps++];
	l->start = co_fit_mesg_int(m, 2, &v) ? (uint32_t)v : 0;
	l->lap.start = l->start >= CO_FIT_DATE_MIN ?
		(int64_t)l->start + CO_FIT_EPOCH : 0;
	l->lap.elapsed = num_or(m, 7, 1000, 0);
	l->lap.moving = num_or(m, 8, 1000, 0);
	l->lap.distance = num_or(m, 9, 100, 0);
	l->lap.avg_speed = num_or(m, 110, 1000, 0);
	if (l->lap.avg_speed < 0)
		l->lap.avg_speed = num_or(m, 13, 1000, 0);
	l->lap.avg_hr = (uint8_t)int_or(m, 15, 0);
	l->lap.max_hr = (uint8_t)int_or(m, 16, 0);
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
		d->file_type = int_or(m, 0, -1);
		d->manufacturer = int_or(m, 1, -1);
		d->product = int_or(m, 2, -1);
		co_fit_mesg_string(m, 8, d->product_name, sizeof(d->product_name));
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
		if (co_fit_mesg_int(m, 5, &a) && co_fit_mesg_int(m, 253, &b) &&
		    b >= CO_FIT_DATE_MIN && a - b >= -15 * 3600 &&
		    a - b <= 15 * 3600) {
			d->have_offset = 1;
			d->utc_offset = (int32_t)(a - b);
		}
		return 0;
	case CO_FIT_SPORT:
		if (d->sport < 0) {
			d->sport = int_or(m, 0, -1);
			d->sub_sport = int_or(m, 1, -1);
		}
		return 0;
	default:
		return 0;
	}
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
		prod = find_name(co_fit_garmin_products,
				 co_fit_garmin_products_count, d->product);
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

static int64_t unix_time(uint32_t fit)
{
	return fit >= CO_FIT_DATE_MIN ? (int64_t)fit + CO_FIT_EPOCH : 0;
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
		a.start = unix_time(from);
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
		a->start = unix_time(d->sess[0].start);
	} else {
		a->start = unix_time(d->t0 ? d->t0 :
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
	walk_hooks h = {on_mesg, file_begin, file_end, NULL, NULL};
	int rc;

	if (!d)
		return co_error_set(CO_ENOMEM, "out of memory");
	d->opt = opt ? opt : &defaults;
	d->cb = cb;
	d->ctx = ctx;
	d->skipped_type = -2;
	co_activity_init(&d->act);
	h.ctx = d;
	h.dec = d;
	rc = walk(buf, len, d->opt, &h);
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
