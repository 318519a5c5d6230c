/*
 * The FIT message walk: chained files, their headers and CRCs, definition
 * messages, and co_fit_walk() (include/carryover/fit.h), the record level.
 *
 * A FIT input is one or more "files" back to back (chained FIT), each a
 * header, data_size bytes of records and a CRC-16 over both (fit_int.h).
 * A compressed-timestamp header is a data message for local types 0-3
 * whose time is a 5-bit offset from the last full timestamp.
 *
 * Invariants of the walker:
 *   - a chained file's CRC is verified before any of its records is
 *     decoded; a truncated file (data_size runs past the input) is an
 *     error, or, with opt->salvage, is decoded up to its last whole record;
 *   - definitions are reset at each chained file;
 *   - a definition is parsed once into a flat table (decode_int.h), and
 *     also says what the activity builder does with its messages (def->use)
 *     and, for records, where each field a sample needs is (the plan);
 *   - nothing outside [buf, buf+len) is ever read: every length is checked
 *     against the end of the current chained file first.
 * The record loop itself is the template fit_walk_records (decode_int.h);
 * this file instances it for co_fit_walk(), decode.c for co_fit_decode().
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "formats/fit/decode_int.h"

static int truncated_error(size_t at, size_t want, size_t have)
{
	return co_error_set(CO_EINPUT,
		"byte %zu: truncated FIT file: the header promises %zu bytes "
		"of records and CRC, only %zu follow", at, want, have);
}

/*
 * Resolve a record definition's R_* fields once, with exactly the rules of
 * fit_mesg_int() (the first field of a number counts; a zero-size field, a
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
	k = d->idx[FIT_RECORD_COMPRESSED_SPEED_DISTANCE];
	d->csd_off = k && d->f[k - 1].size >= 3 ? d->f[k - 1].off : -1;
}

/*
 * Parse the definition at p (header byte included) into d. Returns the
 * record length, 0 when it does not fit in [p, end), or -1 when invalid.
 */
long fit_parse_def(co_fit_def *d, const unsigned char *p, const unsigned char *end,
		   const unsigned char *base)
{
	size_t avail = (size_t)(end - p), need, i;
	unsigned n, ndev = 0;
	uint32_t off = 0;
	int dev = p[0] & FIT_HDR_DEV_DATA;

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
		if (f->num == FIT_FIELD_TIMESTAMP && f->size == 4 && d->ts_off < 0 &&
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

int fit_walk(const unsigned char *buf, size_t len, const co_fit_options *opt,
	     const fit_hooks *h)
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
		if (rem < FIT_HEADER_MIN || hs < FIT_HEADER_MIN ||
		    memcmp(p + FIT_HEADER_MAGIC, FIT_MAGIC, 4) != 0) {
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
		if ((p[1] >> 4) > FIT_PROTOCOL_MAX) {
			rc = co_error_set(CO_EINPUT, "byte %zu: unsupported FIT "
				"protocol version %u.%u", pos, p[1] >> 4, p[1] & 15);
			goto done;
		}
		if (hs >= FIT_HEADER_SIZE && rd16(p + FIT_HEADER_CRC, 0) != 0 &&
		    rd16(p + FIT_HEADER_CRC, 0) != co_fit_crc16(0, p, FIT_HEADER_CRC)) {
			rc = co_error_set(CO_EINPUT, "byte %zu: FIT header CRC "
				"mismatch (corrupt file)", pos);
			goto done;
		}
		ds = rd32(p + FIT_HEADER_DATA_SIZE, 0);
		avail = rem - hs;
		if (avail < ds + FIT_CRC_SIZE) {
			if (!opt->salvage) {
				rc = truncated_error(pos, ds + FIT_CRC_SIZE, avail);
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
			defs[k].defined = 0; /* fit_parse_def() sets all the rest */
		if (h->file_begin)
			h->file_begin(h->ctx, file, truncated ?
				      (avail < ds ? avail : ds) : ds);
		rc = h->records(h, defs, buf, p + hs,
				p + hs + (truncated ? (avail < ds ? avail : ds) : ds),
				file, truncated);
		if (rc && rc != WALK_CUT)
			goto done;
		if (h->file_end) {
			rc = h->file_end(h->ctx, file, truncated);
			if (rc)
				goto done;
		}
		if (truncated) {
			rc = truncated_error(pos, ds + FIT_CRC_SIZE, avail);
			goto done;
		}
		pos += hs + ds + FIT_CRC_SIZE;
		file++;
	}
	rc = 0;
done:
	free(defs);
	return rc;
}

/* co_fit_walk's instance of the record loop: every data message to h->mesg. */
static int walk_records(const fit_hooks *h, co_fit_def *defs, const unsigned char *buf,
			const unsigned char *p, const unsigned char *end, unsigned file,
			int truncated)
{
	return fit_walk_records(defs, buf, p, end, file, truncated, h->mesg, NULL, h->ctx);
}

int co_fit_walk(const unsigned char *buf, size_t len,
		const co_fit_options *opt, co_fit_mesg_fn cb, void *ctx)
{
	co_fit_options defaults = CO_FIT_OPTIONS_INIT;
	fit_hooks h = {walk_records, cb, NULL, NULL, ctx};

	return fit_walk(buf, len, opt ? opt : &defaults, &h);
}
