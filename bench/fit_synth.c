/*
 * fit_synth: build the synthetic FIT import set of the benchmarks from the
 * real corpus.
 *
 *   fit_synth [-i LIST] OUTDIR BYTES CORPUS_FIT_DIR [CHAIN_BYTES]
 *
 * The corpus files (the *.fit files of CORPUS_FIT_DIR, sorted by name;
 * sub-folders such as invalid/ are not entered) are written again and
 * again, copy k with every date_time shifted by k * 35 days, and
 * concatenated into chained FIT files of about CHAIN_BYTES (default 1 MB)
 * each, until BYTES have been written. Invariants:
 *   - deterministic: the same corpus and arguments give the same bytes;
 *   - every output file is a valid FIT chain (each member's CRC is
 *     recomputed after the shift), so every decoder reads it cleanly;
 *   - the copies are distinct recordings to an importer: their content
 *     hashes differ and their time spans do not overlap (35 days is longer
 *     than the longest corpus activity, 31 days), so an import stores them
 *     instead of reporting duplicates. The shift is a multiple of 32 s, so
 *     compressed-timestamp headers stay consistent;
 *   - corpus files our decoder rejects (the truncated Strava export) are
 *     left out and named on stderr, and so are files not named in LIST
 *     (one file name a line) when -i is given: bench/run.sh passes the
 *     files Garmin's SDK decodes cleanly, so both decoders read it all.
 *
 * Prints "files=N bytes=B copies=C" on stdout.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carryover/error.h"
#include "carryover/fit.h"

#define SHIFT_S (35u * 86400u)

typedef struct blob {
	char *name;
	unsigned char *data;
	size_t len;
} blob;

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "fit_synth: %s '%s': %s\n", what, path, strerror(errno));
	return 1;
}

static int read_file(const char *path, unsigned char **out, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	int rc = -1;

	*out = NULL;
	if (!f)
		return -1;
	if (fstat(fileno(f), &st) == 0 && st.st_size > 0) {
		*out = malloc((size_t)st.st_size);
		if (*out && fread(*out, 1, (size_t)st.st_size, f) == (size_t)st.st_size) {
			*out_len = (size_t)st.st_size;
			rc = 0;
		}
	}
	fclose(f);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

static int has_fit_ext(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".fit") == 0;
}

/* Whether `name` is a line of the list text (NULL: every name is). */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	if (!list)
		return 1;
	while ((p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const blob *)a)->name, ((const blob *)b)->name);
}

static int count_act(void *ctx, const co_activity *act)
{
	(void)act;
	++*(size_t *)ctx;
	return 0;
}

static int noop(void *ctx, const co_fit_mesg *m)
{
	(void)ctx;
	(void)m;
	return 0;
}

/* The date_time fields besides 253 (timestamp) that place an activity. */
static int is_date_field(unsigned global, unsigned num)
{
	if (num == 253)
		return 1;
	switch (global) {
	case CO_FIT_FILE_ID: return num == 4;       /* time_created */
	case CO_FIT_SESSION: return num == 2;       /* start_time */
	case CO_FIT_LAP: return num == 2;           /* start_time */
	case CO_FIT_ACTIVITY: return num == 5;      /* local_timestamp */
	case 101: return num == 2;                  /* length.start_time */
	case 142: return num == 2;                  /* segment_lap.start_time */
	default: return 0;
	}
}

typedef struct shift_ctx {
	const unsigned char *base; /* the const view the walk reads */
	unsigned char *out;        /* the copy written */
	uint32_t delta;
} shift_ctx;

static int shift_mesg(void *vctx, const co_fit_mesg *m)
{
	shift_ctx *c = vctx;
	unsigned i, n = co_fit_mesg_count(m);
	co_fit_field f;

	for (i = 0; i < n; i++) {
		unsigned char *p;
		uint32_t v;

		if (!co_fit_mesg_field_at(m, i, &f) || f.size != 4 ||
		    (f.base_type & 0x1f) != 0x06 || !is_date_field(m->global, f.num))
			continue;
		p = c->out + (f.data - c->base);
		v = f.big_endian ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			(uint32_t)p[2] << 8 | p[3]
			: (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
			(uint32_t)p[1] << 8 | p[0];
		if (v == 0xffffffffu || v < CO_FIT_DATE_MIN)
			continue;
		v += c->delta;
		if (f.big_endian) {
			p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16);
			p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v;
		} else {
			p[3] = (unsigned char)(v >> 24); p[2] = (unsigned char)(v >> 16);
			p[1] = (unsigned char)(v >> 8); p[0] = (unsigned char)v;
		}
	}
	return 0;
}

/* Write b shifted by delta at out (b->len bytes), CRCs recomputed. */
static int shift_copy(unsigned char *out, const blob *b, uint32_t delta)
{
	shift_ctx c = {b->data, out, delta};
	size_t pos = 0;

	memcpy(out, b->data, b->len);
	if (delta && co_fit_walk(b->data, b->len, NULL, shift_mesg, &c) != 0)
		return -1;
	while (pos + 12 <= b->len) {
		size_t hs = out[pos];
		size_t ds = (size_t)out[pos + 4] | (size_t)out[pos + 5] << 8 |
			    (size_t)out[pos + 6] << 16 | (size_t)out[pos + 7] << 24;
		uint16_t crc;

		if (pos + hs + ds + 2 > b->len)
			return -1;
		crc = co_fit_crc16(0, out + pos, hs + ds);
		out[pos + hs + ds] = (unsigned char)crc;
		out[pos + hs + ds + 1] = (unsigned char)(crc >> 8);
		pos += hs + ds + 2;
	}
	return 0;
}

static int flush(const char *dir, unsigned n, const unsigned char *buf, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/synth-%05u.fit", dir, n);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
		return fail("cannot write", path);
	return 0;
}

int main(int argc, char **argv)
{
	blob *files = NULL;
	size_t nfiles = 0, cap = 0, i, chain_bytes = 1000000, used = 0, total = 0;
	unsigned long long want;
	unsigned char *chain = NULL;
	size_t chain_cap = 0;
	unsigned copy, nout = 0;
	DIR *d;
	struct dirent *e;
	char *only = NULL;
	size_t only_len;
	int rc = 1, opt;

	while ((opt = getopt(argc, argv, "i:")) != -1) {
		if (opt != 'i')
			goto usage;
		free(only);
		if (read_file(optarg, (unsigned char **)&only, &only_len) != 0)
			return fail("cannot read", optarg);
		only = realloc(only, only_len + 1);
		if (!only)
			abort();
		only[only_len] = '\0';
	}
	argc -= optind - 1;
	argv += optind - 1;
	if (argc < 4 || argc > 5)
		goto usage;
	want = strtoull(argv[2], NULL, 10);
	if (argc == 5)
		chain_bytes = (size_t)strtoull(argv[4], NULL, 10);
	if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
		fail("cannot create", argv[1]);
		goto done;
	}
	d = opendir(argv[3]);
	if (!d) {
		fail("cannot open", argv[3]);
		goto done;
	}
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;
		blob b;
		size_t acts = 0;
		int drc;

		snprintf(path, sizeof path, "%s/%s", argv[3], e->d_name);
		if (!has_fit_ext(e->d_name) || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (!listed(only, e->d_name)) {
			fprintf(stderr, "fit_synth: left out %s: not in the list\n", e->d_name);
			continue;
		}
		if (read_file(path, &b.data, &b.len) != 0)
			continue;
		drc = co_fit_decode(b.data, b.len, NULL, count_act, &acts);
		if ((drc != 0 && drc != CO_EUNSUPPORTED) ||
		    co_fit_walk(b.data, b.len, NULL, noop, NULL) != 0) {
			fprintf(stderr, "fit_synth: left out %s: %s\n", e->d_name, co_error_last());
			free(b.data);
			continue;
		}
		b.name = strdup(e->d_name);
		if (nfiles == cap) {
			cap = cap ? 2 * cap : 256;
			files = realloc(files, cap * sizeof *files);
			if (!files)
				abort();
		}
		files[nfiles++] = b;
		if (b.len > chain_cap)
			chain_cap = b.len;
	}
	closedir(d);
	if (!nfiles) {
		fprintf(stderr, "fit_synth: no FIT file in '%s'\n", argv[3]);
		goto done;
	}
	qsort(files, nfiles, sizeof *files, by_name);
	chain_cap += chain_bytes;
	chain = malloc(chain_cap);
	if (!chain)
		abort();

	for (copy = 0; total < want; copy++) {
		if ((unsigned long long)copy * SHIFT_S > 0x40000000ull) {
			fprintf(stderr, "fit_synth: too many copies for FIT dates\n");
			goto done;
		}
		for (i = 0; i < nfiles && total < want; i++) {
			if (used + files[i].len > chain_cap || (used && used >= chain_bytes)) {
				if (flush(argv[1], nout++, chain, used))
					goto done;
				used = 0;
			}
			if (shift_copy(chain + used, &files[i], copy * SHIFT_S) != 0) {
				fprintf(stderr, "fit_synth: cannot shift %s\n", files[i].name);
				goto done;
			}
			used += files[i].len;
			total += files[i].len;
		}
	}
	if (used && flush(argv[1], nout++, chain, used))
		goto done;
	printf("files=%u bytes=%zu copies=%u\n", nout, total, copy);
	rc = 0;
	goto done;
usage:
	fprintf(stderr, "usage: fit_synth [-i LIST] OUTDIR BYTES CORPUS_FIT_DIR [CHAIN_BYTES]\n");
	rc = 2;
done:
	free(only);
	for (i = 0; i < nfiles; i++) {
		free(files[i].name);
		free(files[i].data);
	}
	free(files);
	free(chain);
	return rc;
}
