/*
 * The FIT decoder's internals, shared by its files. Private to
 * src/formats/fit/ (the format's own definitions are in fit_int.h).
 *
 *   crc.c     co_fit_crc16(): a table, or carry-less multiplication
 *   walk.c    chained files (header, CRC), definitions, co_fit_walk()
 *   mesg.c    the typed field accessors of a data message (co_fit_mesg_*)
 *   decode.c  the activity builder: records, laps, sessions -> co_activity
 *   names.c   manufacturer, product and file type names
 *
 * A definition is parsed once into a flat table (field offset, size, base
 * type, and a 256-entry field-number index), so reading a field of a data
 * message is one index lookup and one switch on the base type, with no
 * allocation and no function pointers per field. The record loop is a
 * template here (fit_walk_records), instanced in walk.c and in decode.c,
 * so that the activity builder's calls in the hot loop are direct.
 */
#ifndef CO_FORMATS_FIT_DECODE_INT_H
#define CO_FORMATS_FIT_DECODE_INT_H

#include <math.h>
#include <string.h>

#include "carryover/error.h"
#include "formats/fit/fit_int.h"

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
static const uint8_t rec_nums[NSLOT] = {
	FIT_RECORD_POSITION_LAT, FIT_RECORD_POSITION_LONG, FIT_RECORD_ALTITUDE,
	FIT_RECORD_ENHANCED_ALTITUDE, FIT_RECORD_HEART_RATE, FIT_RECORD_CADENCE,
	FIT_RECORD_FRACTIONAL_CADENCE, FIT_RECORD_DISTANCE, FIT_RECORD_SPEED,
	FIT_RECORD_ENHANCED_SPEED
};
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

/* The activity builder's reader of one record, by its definition's plan. */
typedef int (*fit_record_fn)(void *ctx, const co_fit_def *d, const unsigned char *data,
			     uint32_t ts);

typedef struct fit_hooks fit_hooks;
struct fit_hooks {
	/* decode the records of one chained file: an instance of fit_walk_records() */
	int (*records)(const fit_hooks *h, co_fit_def *defs, const unsigned char *buf,
		       const unsigned char *p, const unsigned char *end, unsigned file,
		       int truncated);
	co_fit_mesg_fn mesg;  /* co_fit_walk's callback; unused by the decoder */
	/* called at the start and the end of each chained file (may be NULL) */
	void (*file_begin)(void *ctx, unsigned file, size_t data_size);
	int (*file_end)(void *ctx, unsigned file, int truncated);
	void *ctx;
};

/*
 * Walk the chained files of buf[0..len): check each header and CRC, reset
 * the definitions, call h->records for its records (walk.c).
 */
int fit_walk(const unsigned char *buf, size_t len, const co_fit_options *opt,
	     const fit_hooks *h);

/*
 * Parse the definition at p (header byte included) into d. Returns the
 * record length, 0 when it does not fit in [p, end), or -1 when invalid
 * (the error set, with offsets from base). walk.c.
 */
long fit_parse_def(co_fit_def *d, const unsigned char *p, const unsigned char *end,
		   const unsigned char *base);

/* A Garmin product's name ("fr945"), or NULL (names.c). */
const char *fit_garmin_product_name(int product);

/* --- reading fields ------------------------------------------------------------ */

static inline const fdef *find_field(const co_fit_mesg *m, unsigned num)
{
	unsigned i;

	if (num > 255)
		return NULL;
	i = m->def->idx[num];
	return i ? &m->def->f[i - 1] : NULL;
}

/* co_fit_mesg_int(), inlined into the activity builder */
HOT_INLINE bool fit_mesg_int(const co_fit_mesg *m, unsigned num, int64_t *out)
{
	const fdef *f = find_field(m, num);

	return f && f->size && read_int(m->data + f->off, f->type, m->def->big, out);
}

/* co_fit_mesg_num(), inlined into the activity builder */
static inline bool fit_mesg_num(const co_fit_mesg *m, unsigned num, double scale,
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

/* --- the record loop -------------------------------------------------------------- */

/*
 * Decode the records of one chained file in [p, end). A truncated file
 * (salvage mode) has no CRC to vouch for its bytes, so its first broken
 * record ends it: WALK_CUT, and the caller keeps what came before.
 *
 * A template, instanced twice with constant arguments so that each
 * instance has direct calls: with record == NULL (walk.c, co_fit_walk)
 * every data message goes to mesg (the record level); with a record
 * function (decode.c, the activity builder), messages the builder does not
 * use are skipped by size (their timestamp still counts for compressed
 * headers) and records go straight to the record plan, with no
 * co_fit_mesg built. mesg may return WALK_SKIP_FILE to end the file.
 */
HOT_INLINE int fit_walk_records(co_fit_def *defs, const unsigned char *buf,
				const unsigned char *p, const unsigned char *end,
				unsigned file, int truncated, co_fit_mesg_fn mesg,
				fit_record_fn record, void *ctx)
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

		if (!(hdr & FIT_HDR_COMPRESSED) && (hdr & FIT_HDR_DEFINITION)) {
			long n = fit_parse_def(&defs[hdr & FIT_HDR_LOCAL], p, end, buf);

			if (n < 0)
				return truncated ? WALK_CUT : CO_EINPUT;
			if (n == 0)
				goto cut;
			p += n;
			continue;
		}
		if (hdr & FIT_HDR_COMPRESSED) {
			unsigned off = hdr & 0x1F;

			local = (hdr >> 5) & 3;
			compressed = 1;
			ts = (last_ts & ~0x1Fu) + off;
			if (off < (last_ts & 0x1F))
				ts += 0x20;
			last_ts = ts;
		} else {
			local = hdr & FIT_HDR_LOCAL;
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
		if (record && d->use != USE_OTHER) {
			p += 1 + d->size;
			if (d->use == USE_NONE)
				continue;
			rc = record(ctx, d, data, ts);
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
		rc = mesg(ctx, &m);
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

#endif
