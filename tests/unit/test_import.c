/*
 * The importer (include/carryover/import.h): the stream codec (version 2
 * written, version 1 still read), format
 * detection, and whole imports of the shared corpus into a fresh store:
 * counts, idempotence, one row per run across formats, export archives
 * (built here with libarchive's writer: a zip holding a nested zip and a
 * .gpx.gz member), corrupt and non-activity files.
 *
 * Each test works in its own temporary directory with its own store.
 */
#define _XOPEN_SOURCE 700 /* nftw() */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <math.h>
#include <zlib.h>

#include "carryover/carryover.h"
#include "carryover/import.h"
#include "util/strbuf.h"

typedef struct fixture {
	char dir[256];
	char corpus[512];
	co_store *store;
	int64_t athlete;
} fixture;

/* Every event of an import, as "OUTCOME|NAME|MESSAGE" lines. */
typedef struct events {
	co_strbuf log;
	size_t progress;
} events;

static const char *outcome_name(co_import_outcome o)
{
	static const char *const names[] = {"imported", "duplicate", "skipped", "failed",
					    "ignored", "progress"};
	return names[o];
}

static void on_event(void *ctx, const co_import_event *ev)
{
	events *e = ctx;

	if (ev->outcome == CO_IMPORT_PROGRESS) {
		e->progress++;
		return;
	}
	assert_non_null(ev->name);
	assert_non_null(ev->stats);
	co_strbuf_addf(&e->log, "%s|%s|%s\n", outcome_name(ev->outcome), ev->name,
		       ev->message ? ev->message : "");
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

static co_store *open_store(fixture *f, const char *name)
{
	char db[400];

	co_store_free(f->store);
	snprintf(db, sizeof(db), "%s/%s", f->dir, name);
	if (co_store_open(&f->store, db))
		fail_msg("open: %s", co_error_last());
	if (co_store_athlete_put(&f->athlete, f->store, "Test Runner", "[week]\n", NULL))
		fail_msg("athlete: %s", co_error_last());
	return f->store;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	const char *corpus = getenv("CO_CORPUS");

	snprintf(f->dir, sizeof(f->dir), "%s/co-import-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->corpus, sizeof(f->corpus), "%s", corpus ? corpus : "../../shared/corpus");
	open_store(f, "a.db");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	co_store_free(f->store);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static int import(co_import_stats *st, events *ev, fixture *f, const char *const *paths,
		  size_t n)
{
	co_import_options opt = CO_IMPORT_OPTIONS_INIT;

	opt.athlete_id = f->athlete;
	opt.on_event = on_event;
	opt.ctx = ev;
	opt.threads = 2;
	return co_import_run(st, f->store, paths, n, &opt);
}

static size_t count_rows(co_store *s)
{
	co_store_activity_row *rows = NULL;
	size_t n = 0;

	assert_int_equal(co_store_activity_list(&rows, &n, s, NULL), 0);
	co_store_activity_list_free(rows, n);
	return n;
}

static size_t count_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

/* --- the stream codec ------------------------------------------------------- */

static void make_activity(co_activity *a, size_t n)
{
	co_activity_init(a);
	a->start = 1700000000;
	for (size_t i = 0; i < n; i++) {
		co_sample s;

		co_sample_init(&s);
		s.t = (uint32_t)i;
		if (i % 7)
			s.hr = (uint8_t)(120 + i % 40);
		if (i % 11)
			co_sample_set_pos(&s, 47.1 + i * 1e-5, 8.5 - i * 2e-5);
		if (i % 5)
			s.distance = (float)(i * 3.27);
		co_sample_set_altitude(&s, 400 + (double)(i % 50));
		if (i % 3)
			co_sample_set_speed(&s, 3.2 + (i % 9) * 0.1);
		co_sample_set_cadence(&s, 170 + (double)(i % 4));
		assert_int_equal(co_activity_add_sample(a, &s), 0);
	}
}

static void test_stream_roundtrip(void **state)
{
	co_activity a;
	unsigned char *buf = NULL;
	size_t len = 0, n = 0;
	co_sample *back = NULL;

	make_activity(&a, 5000);
	assert_int_equal(co_stream_encode(&buf, &len, &a), 0);
	assert_non_null(buf);
	/* compact: well under the 24 bytes a sample takes in memory */
	assert_true(len < a.nsamples * 8);
	assert_int_equal(co_stream_decode(&back, &n, buf, len), 0);
	assert_int_equal(n, a.nsamples);
	for (size_t i = 0; i < n; i++) {
		const co_sample *x = &a.samples[i], *y = &back[i];

		assert_int_equal(x->t, y->t);
		assert_int_equal(x->hr, y->hr);
		assert_int_equal(x->lat, y->lat);
		assert_int_equal(x->lon, y->lon);
		assert_int_equal(x->altitude, y->altitude);
		assert_int_equal(x->speed, y->speed);
		assert_int_equal(x->cadence, y->cadence);
		if (x->distance < 0)
			assert_true(y->distance < 0);
		else
			assert_true(y->distance > x->distance - 0.006 &&
				    y->distance < x->distance + 0.006);
	}
	free(back);

	/* every truncation and a flipped byte in each position is refused or
	 * decodes to something, never crashes */
	for (size_t cut = 0; cut < len; cut += len / 50 + 1) {
		assert_int_equal(co_stream_decode(&back, &n, buf, cut), CO_EINPUT);
		assert_null(back);
	}
	for (size_t i = 0; i < len; i += len / 200 + 1) {
		buf[i] ^= 0x5A;
		if (co_stream_decode(&back, &n, buf, len) == 0)
			free(back);
		else
			assert_null(back);
		buf[i] ^= 0x5A;
	}
	assert_int_equal(co_stream_decode(&back, &n, (const unsigned char *)"COS9xxxx", 8),
			 CO_EINPUT);
	free(buf);
	co_activity_release(&a);

	/* no samples: no stream */
	co_activity_init(&a);
	assert_int_equal(co_stream_encode(&buf, &len, &a), 0);
	assert_null(buf);
	assert_int_equal(len, 0);
}

/* Whether two sample arrays are equal, distances to the centimetre. */
static void assert_same_samples(const co_sample *x, const co_sample *y, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(x[i].t, y[i].t);
		assert_int_equal(x[i].hr, y[i].hr);
		assert_int_equal(x[i].lat, y[i].lat);
		assert_int_equal(x[i].lon, y[i].lon);
		assert_int_equal(x[i].altitude, y[i].altitude);
		assert_int_equal(x[i].speed, y[i].speed);
		assert_int_equal(x[i].cadence, y[i].cadence);
		if (x[i].distance < 0)
			assert_true(y[i].distance < 0);
		else
			assert_true(y[i].distance > x[i].distance - 0.006 &&
				    y[i].distance < x[i].distance + 0.006);
	}
}

/*
 * A run as a watch records it: one sample a second, smooth position,
 * distance and altitude with a little noise, heart rate drifting, and the
 * GPS lost for a minute in a tunnel (no position, no distance).
 */
static void make_real_run(co_activity *a, size_t n)
{
	uint32_t seed = 12345;
	double dist = 0;

	co_activity_init(a);
	a->start = 1700000000;
	for (size_t i = 0; i < n; i++) {
		co_sample s;
		double noise;

		seed = seed * 1103515245u + 12345u;
		noise = (double)((seed >> 16) % 200) / 100.0 - 1.0; /* -1 .. 1 */
		co_sample_init(&s);
		s.t = (uint32_t)i;
		s.hr = (uint8_t)(140 + (i / 60) % 20 + (noise > 0.8));
		dist += 3.1 + noise * 0.2;
		if (i < 1000 || i >= 1060) {
			co_sample_set_pos(&s, 46.5 + (double)i * 2.5e-5 + noise * 2e-6,
					  6.6 + (double)i * 1.5e-5 - noise * 2e-6);
			s.distance = (float)dist;
		}
		co_sample_set_altitude(&s, 420 + 15 * sin((double)i / 300) + noise * 0.3);
		co_sample_set_speed(&s, 3.1 + noise * 0.2);
		co_sample_set_cadence(&s, 172 + (noise > 0 ? 1 : 0));
		assert_int_equal(co_activity_add_sample(a, &s), 0);
	}
}

static void test_stream_v2(void **state)
{
	co_activity a;
	unsigned char *buf = NULL, *again = NULL;
	size_t len = 0, len2 = 0, n = 0;
	co_sample *back = NULL;

	/* a real-looking hour is small without general-purpose compression,
	 * round-trips, and encodes to the same bytes every time */
	make_real_run(&a, 3600);
	assert_int_equal(co_stream_encode(&buf, &len, &a), 0);
	assert_memory_equal(buf, "COS2", 4);
	assert_true(len < a.nsamples * 6);
	assert_int_equal(co_stream_decode(&back, &n, buf, len), 0);
	assert_int_equal(n, a.nsamples);
	assert_same_samples(a.samples, back, n);
	assert_int_equal(back[1030].lat, CO_NO_POS);
	assert_true(back[1030].distance < 0);
	free(back);
	assert_int_equal(co_stream_encode(&again, &len2, &a), 0);
	assert_int_equal(len2, len);
	assert_memory_equal(again, buf, len);
	free(again);

	/* a future version, or a flag this version does not define, is refused */
	buf[3] = '3';
	assert_int_equal(co_stream_decode(&back, &n, buf, len), CO_EINPUT);
	assert_null(back);
	buf[3] = '2';
	buf[4] = 1; /* "deflated" belongs to version 1 only */
	assert_int_equal(co_stream_decode(&back, &n, buf, len), CO_EINPUT);
	assert_null(back);
	free(buf);
	co_activity_release(&a);

	/* extremes: every channel at the ends of its range, jumping between
	 * them, and absent now and then (wide blocks, exceptions, runs) */
	co_activity_init(&a);
	for (size_t i = 0; i < 300; i++) {
		co_sample s;

		co_sample_init(&s);
		s.t = i < 299 ? (uint32_t)(i * 7 + (i % 37 == 0 ? 100000 : 0)) : UINT32_MAX;
		if (i % 37 != 5)
			s.hr = (uint8_t)(i % 19 == 0 ? 255 : i % 23 == 0 ? 1 : 150);
		if (i % 13) {
			s.lat = i % 29 == 0 ? INT32_MAX : i % 31 == 0 ? INT32_MIN + 1 :
				(int32_t)(465000000 + i);
			s.lon = i % 41 == 0 ? -1800000000 : (int32_t)(66000000 - i * 3);
		}
		if (i % 17)
			s.distance = i % 43 == 0 ? 9.9e9f : (float)i * 2.5f;
		s.altitude = i % 11 == 0 ? 0xFFFE : (uint16_t)(2500 + i % 3);
		if (i % 2)
			s.speed = (uint16_t)(i % 47 == 0 ? 0 : 3000 + i % 5);
		s.cadence = i % 53 == 0 ? 0 : 2752;
		/* add directly: the times above are not for a recorder */
		if (a.nsamples == a.samples_alloc) {
			a.samples_alloc = a.samples_alloc ? 2 * a.samples_alloc : 64;
			a.samples = realloc(a.samples, a.samples_alloc * sizeof(*a.samples));
			assert_non_null(a.samples);
		}
		a.samples[a.nsamples++] = s;
	}
	a.sample_stride = 1;
	assert_int_equal(co_stream_encode(&buf, &len, &a), 0);
	assert_int_equal(co_stream_decode(&back, &n, buf, len), 0);
	assert_int_equal(n, a.nsamples);
	assert_same_samples(a.samples, back, n);
	free(back);
	/* every truncation is refused; a flipped byte never crashes */
	for (size_t cut = 0; cut < len; cut++) {
		assert_int_equal(co_stream_decode(&back, &n, buf, cut), CO_EINPUT);
		assert_null(back);
	}
	for (size_t i = 0; i < len; i++) {
		buf[i] ^= 0xA5;
		if (co_stream_decode(&back, &n, buf, len) == 0)
			free(back);
		else
			assert_null(back);
		buf[i] ^= 0xA5;
	}
	free(buf);
	co_activity_release(&a);
}

/* Streams stored by earlier versions (version 1: varints, maybe deflated) still read. */
static void test_stream_v1(void **state)
{
	/* 3 samples: time 0, 1, 2; heart rate 120, 121, 121; nothing else */
	static const unsigned char body[] = {0, 2, 2, 0xF0, 0x01, 2, 0};
	unsigned char blob[64], z[64];
	uLongf zlen = sizeof(z);
	co_sample *back = NULL;
	size_t n = 0, len;

	memcpy(blob, "COS1\0\x03\x01\x03\x07", 9);
	memcpy(blob + 9, body, sizeof(body));
	len = 9 + sizeof(body);
	assert_int_equal(co_stream_decode(&back, &n, blob, len), 0);
	assert_int_equal(n, 3);
	assert_int_equal(back[2].t, 2);
	assert_int_equal(back[0].hr, 120);
	assert_int_equal(back[2].hr, 121);
	assert_int_equal(back[1].lat, CO_NO_POS);
	assert_true(back[1].distance < 0);
	free(back);

	/* the same body deflated, as version 1 wrote it */
	assert_int_equal(compress2(z, &zlen, body, sizeof(body), 1), Z_OK);
	blob[4] = 1;
	memcpy(blob + 9, z, zlen);
	assert_int_equal(co_stream_decode(&back, &n, blob, 9 + zlen), 0);
	assert_int_equal(n, 3);
	assert_int_equal(back[1].t, 1);
	assert_int_equal(back[1].hr, 121);
	free(back);

	/* a varint running past the body is refused */
	blob[4] = 0;
	memcpy(blob + 9, body, sizeof(body));
	blob[9 + sizeof(body) - 1] = 0x80;
	assert_int_equal(co_stream_decode(&back, &n, blob, len), CO_EINPUT);
	assert_null(back);
}

static void test_detect(void **state)
{
	static const unsigned char fit[] = {14, 0x10, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
	static const char gpx[] = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->"
				  "<gpx version=\"1.1\">";
	static const char tcx[] = "          <?xml version=\"1.0\"?><ns:TrainingCenterDatabase>";
	static const char html[] = "<html><body>";

	assert_int_equal(co_import_detect(fit, sizeof(fit)), CO_KIND_FIT);
	assert_int_equal(co_import_detect(fit, 11), CO_KIND_UNKNOWN);
	assert_int_equal(co_import_detect((const unsigned char *)"PK\3\4rest", 8), CO_KIND_ZIP);
	assert_int_equal(co_import_detect((const unsigned char *)"\x1f\x8b\x08", 3),
			 CO_KIND_GZIP);
	assert_int_equal(co_import_detect((const unsigned char *)gpx, strlen(gpx)), CO_KIND_GPX);
	assert_int_equal(co_import_detect((const unsigned char *)tcx, strlen(tcx)), CO_KIND_TCX);
	assert_int_equal(co_import_detect((const unsigned char *)html, strlen(html)),
			 CO_KIND_UNKNOWN);
	assert_int_equal(co_import_detect((const unsigned char *)"{\"a\":1}", 7),
			 CO_KIND_UNKNOWN);
	assert_int_equal(co_import_detect((const unsigned char *)"", 0), CO_KIND_UNKNOWN);
}

static void test_hash(void **state)
{
	char h[65];

	co_import_hash(h, "abc", 3);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* --- whole imports ------------------------------------------------------------ */

static void test_corpus_folder(void **state)
{
	fixture *f = *state;
	co_import_stats st, again;
	events ev = {CO_STRBUF_INIT, 0}, ev2 = {CO_STRBUF_INIT, 0};
	const char *paths[] = {f->corpus};
	char invalid[600];
	co_store_activity_row *rows = NULL;
	size_t n = 0, same_run = 0;

	snprintf(invalid, sizeof(invalid), "%s/fit/invalid", f->corpus);
	assert_int_equal(import(&st, &ev, f, paths, 1), 0);
	assert_true(st.imported > 100);
	assert_int_equal(st.imported - st.replaced, count_rows(f->store));
	/* every file of fit/invalid fails, nothing else does */
	assert_int_equal(st.failed, count_dir(invalid));
	assert_true(st.skipped > 0);
	assert_true(st.bytes_done == st.bytes_total && st.bytes_total > 1000000);
	assert_non_null(strstr(ev.log.buf, "skipped|"));
	assert_non_null(strstr(ev.log.buf, "fitparse__Settings.fit: settings file, not an activity"));
	assert_non_null(strstr(ev.log.buf, "fitparse__activity-filecrc.fit: byte 769: FIT file CRC mismatch"));
	/* a truncated Strava export is salvaged, and says so */
	assert_non_null(strstr(ev.log.buf, "imported|"));
	assert_non_null(strstr(ev.log.buf, "strava-android-app-201.10-b1218918.fit: salvaged"));

	/* the FIT, GPX and TCX of run 6782987395: one row, the FIT */
	assert_int_equal(co_store_activity_list(&rows, &n, f->store, NULL), 0);
	for (size_t i = 0; i < n; i++) {
		assert_null(strstr(rows[i].source, "invalid"));
		assert_null(strstr(rows[i].source, "Settings"));
		if (strstr(rows[i].source, "6782987395")) {
			same_run++;
			assert_string_equal(rows[i].source, "sportslib__runs-6782987395.fit");
			assert_string_equal(rows[i].sport, "running");
			assert_true(rows[i].avg_hr > 100);
			assert_non_null(rows[i].laps_json);
			assert_non_null(strstr(rows[i].summary_json, "\"type\":"));
		}
	}
	assert_int_equal(same_run, 1);
	co_store_activity_list_free(rows, n);
	assert_non_null(strstr(ev.log.buf, "sportslib__runs-6782987395.gpx: same run as "
				"'sportslib__runs-6782987395.fit'"));
	assert_non_null(strstr(ev.log.buf, "sportslib__runs-6782987395.tcx: same run as "
				"'sportslib__runs-6782987395.fit'"));

	/* again: nothing new, the same failures */
	assert_int_equal(import(&again, &ev2, f, paths, 1), 0);
	assert_int_equal(again.imported, 0);
	assert_int_equal(again.failed, st.failed);
	assert_int_equal(again.skipped, st.skipped);
	assert_int_equal(count_rows(f->store), st.imported - st.replaced);
	assert_null(strstr(ev2.log.buf, "imported|"));
	assert_non_null(strstr(ev2.log.buf, "already imported (from 'sportslib__runs-6782987395.fit')"));
	co_strbuf_release(&ev.log);
	co_strbuf_release(&ev2.log);
}

/* Add a member `name` with `data` to an archive being written. */
static void add_member(struct archive *a, const char *name, const void *data, size_t len)
{
	struct archive_entry *e = archive_entry_new();

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
	assert_int_equal(archive_write_data(a, data, len), (la_ssize_t)len);
	archive_entry_free(e);
}

/* Build an archive in memory: zip, or gzip (raw format) of one member. */
static void *build(size_t *out_len, bool gzip, const char *const *names,
		   const co_strbuf *const *datas, size_t n)
{
	struct archive *a = archive_write_new();
	size_t cap = 64u << 20, used = 0;
	void *buf = malloc(cap);

	assert_non_null(buf);
	if (gzip) {
		assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
		assert_int_equal(archive_write_set_format_raw(a), ARCHIVE_OK);
	} else {
		assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	}
	assert_int_equal(archive_write_open_memory(a, buf, cap, &used), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++)
		add_member(a, names[i], datas[i]->buf, datas[i]->len);
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	*out_len = used;
	return buf;
}

static void read_corpus(co_strbuf *sb, fixture *f, const char *rel)
{
	char path[700];

	snprintf(path, sizeof(path), "%s/%s", f->corpus, rel);
	co_strbuf_init(sb);
	assert_int_equal(co_strbuf_read_file(sb, path, 0), 0);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted hashes of the stored rows, joined by newlines. */
static char *hashes(co_store *s)
{
	co_store_activity_row *rows = NULL;
	size_t n = 0;
	char **v;
	co_strbuf sb = CO_STRBUF_INIT;

	assert_int_equal(co_store_activity_list(&rows, &n, s, NULL), 0);
	v = calloc(n + 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = strdup(rows[i].hash);
	qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++) {
		co_strbuf_addf(&sb, "%s\n", v[i]);
		free(v[i]);
	}
	free(v);
	co_store_activity_list_free(rows, n);
	return co_strbuf_detach(&sb);
}

static void test_zip_export(void **state)
{
	fixture *f = *state;
	co_strbuf fit, gpx, tcx, json, inner, gz;
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};
	char zip_path[400], loose[3][700], *want, *got;
	const char *loose_paths[3] = {loose[0], loose[1], loose[2]};
	const char *zip_paths[1] = {zip_path};
	size_t len;
	void *mem;
	FILE *out;

	read_corpus(&fit, f, "fit/sportslib__runs-2067489619.fit");
	read_corpus(&gpx, f, "gpx/sportslib__runs-6909258631.gpx");
	read_corpus(&tcx, f, "tcx/sportslib__runs-1604524853.tcx");
	co_strbuf_init(&json);
	co_strbuf_adds(&json, "{\"not\": \"an activity\"}");

	/* inner.zip { activities/2067489619.fit } */
	{
		const char *names[] = {"activities/2067489619.fit"};
		const co_strbuf *datas[] = {&fit};
		mem = build(&len, false, names, datas, 1);
		co_strbuf_init(&inner);
		co_strbuf_add(&inner, mem, len);
		free(mem);
	}
	/* 6909258631.gpx.gz */
	{
		const char *names[] = {"6909258631.gpx"};
		const co_strbuf *datas[] = {&gpx};
		mem = build(&len, true, names, datas, 1);
		co_strbuf_init(&gz);
		co_strbuf_add(&gz, mem, len);
		free(mem);
	}
	/* export.zip { inner.zip, activities/6909258631.gpx.gz, .tcx, profile.json } */
	{
		const char *names[] = {"export/UploadedFiles_Part1.zip",
				       "activities/6909258631.gpx.gz",
				       "activities/1604524853.tcx", "profile.json"};
		const co_strbuf *datas[] = {&inner, &gz, &tcx, &json};
		mem = build(&len, false, names, datas, 4);
	}
	snprintf(zip_path, sizeof(zip_path), "%s/export.zip", f->dir);
	out = fopen(zip_path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(mem, 1, len, out), len);
	fclose(out);
	free(mem);

	/* the loose files into one store ... */
	snprintf(loose[0], sizeof(loose[0]), "%s/fit/sportslib__runs-2067489619.fit", f->corpus);
	snprintf(loose[1], sizeof(loose[1]), "%s/gpx/sportslib__runs-6909258631.gpx", f->corpus);
	snprintf(loose[2], sizeof(loose[2]), "%s/tcx/sportslib__runs-1604524853.tcx", f->corpus);
	assert_int_equal(import(&st, &ev, f, loose_paths, 3), 0);
	assert_int_equal(st.imported, 3);
	want = hashes(f->store);

	/* ... the archive into another: the same activities */
	open_store(f, "b.db");
	co_strbuf_reset(&ev.log);
	assert_int_equal(import(&st, &ev, f, zip_paths, 1), 0);
	assert_int_equal(st.imported, 3);
	assert_int_equal(st.failed, 0);
	assert_int_equal(st.ignored, 1);
	got = hashes(f->store);
	assert_string_equal(got, want);
	assert_non_null(strstr(ev.log.buf, "export.zip:export/UploadedFiles_Part1.zip:"
				"activities/2067489619.fit"));
	assert_non_null(strstr(ev.log.buf, "ignored|"));
	assert_non_null(strstr(ev.log.buf, "profile.json: not a FIT, GPX or TCX file"));

	/* and the loose files after it: already imported, nothing new */
	assert_int_equal(import(&st, &ev, f, loose_paths, 3), 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(st.duplicates, 3);

	free(want);
	free(got);
	co_strbuf_release(&fit);
	co_strbuf_release(&gpx);
	co_strbuf_release(&tcx);
	co_strbuf_release(&json);
	co_strbuf_release(&inner);
	co_strbuf_release(&gz);
	co_strbuf_release(&ev.log);
}

static void test_corrupt_and_settings(void **state)
{
	fixture *f = *state;
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};
	char bad[600], settings[600], cut[600];
	const char *paths[] = {bad, settings, cut};

	snprintf(bad, sizeof(bad), "%s/fit/invalid/fitparse__activity-activity-filecrc.fit",
		 f->corpus);
	snprintf(settings, sizeof(settings), "%s/fit/fitparse__Settings.fit", f->corpus);
	snprintf(cut, sizeof(cut), "%s/fit/invalid/fitparse__activity-unexpected-eof.fit",
		 f->corpus);
	assert_int_equal(import(&st, &ev, f, paths, 3), 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(st.failed, 2);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(count_rows(f->store), 0);
	/* a chained file whose second part is corrupt: not even the first part */
	assert_non_null(strstr(ev.log.buf, "failed|"));
	assert_non_null(strstr(ev.log.buf, "activity-activity-filecrc.fit: byte 1540: FIT file "
				"CRC mismatch"));
	/* a fragment under a minute is not worth salvaging */
	assert_non_null(strstr(ev.log.buf, "activity-unexpected-eof.fit: byte 0: truncated"));
	assert_non_null(strstr(ev.log.buf, "Settings.fit: settings file, not an activity"));
	co_strbuf_release(&ev.log);
}

static void test_missing_path(void **state)
{
	fixture *f = *state;
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};
	char good[600];
	const char *paths[] = {good, "/nonexistent/run.fit"};

	snprintf(good, sizeof(good), "%s/fit/sportslib__runs-2067489619.fit", f->corpus);
	assert_int_equal(import(&st, &ev, f, paths, 2), CO_ENOTFOUND);
	assert_non_null(strstr(co_error_last(), "'/nonexistent/run.fit': no such file"));
	/* nothing read, nothing stored */
	assert_int_equal(count_rows(f->store), 0);
	assert_int_equal(ev.log.len, 0);
	co_strbuf_release(&ev.log);
}

/* Regression: a richer recording imported after a poorer one of the same run
 * replaces it (it used to be dropped as a duplicate). */
static void test_richer_replaces(void **state)
{
	fixture *f = *state;
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0}, ev2 = {CO_STRBUF_INIT, 0};
	char gpx[600], fit[600];
	const char *first[] = {gpx}, *second[] = {fit};
	co_store_activity_row *rows = NULL;
	size_t n = 0;

	snprintf(gpx, sizeof(gpx), "%s/gpx/sportslib__runs-6782987395.gpx", f->corpus);
	snprintf(fit, sizeof(fit), "%s/fit/sportslib__runs-6782987395.fit", f->corpus);
	assert_int_equal(import(&st, &ev, f, first, 1), 0);
	assert_int_equal(st.imported, 1);
	assert_int_equal(import(&st, &ev2, f, second, 1), 0);
	assert_int_equal(st.imported, 1);
	assert_int_equal(st.replaced, 1);
	assert_non_null(strstr(ev2.log.buf, "sportslib__runs-6782987395.fit: same run as "
				"'sportslib__runs-6782987395.gpx'"));
	assert_non_null(strstr(ev2.log.buf, "replaced"));
	assert_int_equal(co_store_activity_list(&rows, &n, f->store, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].source, "sportslib__runs-6782987395.fit");
	co_store_activity_list_free(rows, n);
	/* and the poorer file again is a duplicate of the one that stayed */
	assert_int_equal(import(&st, &ev, f, first, 1), 0);
	assert_int_equal(st.imported, 0);
	assert_int_equal(count_rows(f->store), 1);
	co_strbuf_release(&ev.log);
	co_strbuf_release(&ev2.log);
}

/*
 * A GPX track written for a test: `type` sport, `n` points one second and
 * `mps` metres apart from `start`, then (when `late` > 0) one more point
 * `late` seconds after the start at the last position: a clock that jumped.
 */
static void write_gpx(const char *path, const char *type, int64_t start, int n, double mps,
		      int64_t late)
{
	FILE *fp = fopen(path, "w");
	char iso[32];

	assert_non_null(fp);
	fprintf(fp, "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" "
		"xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>%s</type><trkseg>\n", type);
	for (int i = 0; i < n; i++)
		fprintf(fp, "<trkpt lat=\"%.7f\" lon=\"7\"><time>%s</time></trkpt>\n",
			45 + i * mps / 111195.0, co_iso_utc(iso, start + i));
	if (late > 0)
		fprintf(fp, "<trkpt lat=\"%.7f\" lon=\"7\"><time>%s</time></trkpt>\n",
			45 + (n - 1) * mps / 111195.0, co_iso_utc(iso, start + late));
	fputs("</trkseg></trk></gpx>\n", fp);
	fclose(fp);
}

/*
 * Issue 9.1: a ride whose clock jumped (25 minutes moving, 31 days
 * elapsed) swallowed the runs of the following weeks when it came first,
 * and deleted a stored run ("replaced") when it came second. Neither now:
 * a run and a ride are never one recording, and spans must overlap by
 * half of the longer one. The same rows whatever the order.
 */
static void test_glitched_clock_swallows_nothing(void **state)
{
	fixture *f = *state;
	const int64_t t0 = 1523380521; /* 2018-04-10T17:15:21Z */
	char ride[600], run[600], run2[600];
	const char *order1[] = {ride, run, run2}, *order2[] = {run2, run, ride};
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};

	snprintf(ride, sizeof(ride), "%s/ride.gpx", f->dir);
	snprintf(run, sizeof(run), "%s/run.gpx", f->dir);
	snprintf(run2, sizeof(run2), "%s/run-again.gpx", f->dir);
	write_gpx(ride, "cycling", t0, 1800, 6.0, 2656055);
	write_gpx(run, "running", t0 + 3 * 86400, 1500, 3.0, 0);
	/* a running "recording" of the same 31 days as the ride: no run either */
	write_gpx(run2, "running", t0 + 600, 1500, 3.0, 2600000);

	assert_int_equal(import(&st, &ev, f, order1, 3), 0);
	assert_int_equal(st.imported, 3);
	assert_int_equal(st.duplicates, 0);
	assert_int_equal(count_rows(f->store), 3);

	open_store(f, "b.db");
	assert_int_equal(import(&st, &ev, f, order2, 3), 0);
	assert_int_equal(st.imported, 3);
	assert_int_equal(st.replaced, 0);
	assert_int_equal(count_rows(f->store), 3);
	assert_null(strstr(ev.log.buf, "same run"));
	co_strbuf_release(&ev.log);
}

/* The same run from two devices is still one row, in either order. */
static void test_same_run_two_devices(void **state)
{
	fixture *f = *state;
	const int64_t t0 = 1700000000;
	char watch[600], phone[600];
	const char *order1[] = {watch, phone}, *order2[] = {phone, watch};
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};

	snprintf(watch, sizeof(watch), "%s/watch.gpx", f->dir);
	snprintf(phone, sizeof(phone), "%s/phone.gpx", f->dir);
	write_gpx(watch, "running", t0, 2400, 3.0, 0);
	write_gpx(phone, "running", t0 + 60, 2280, 3.1, 0); /* started late, stopped early */
	assert_int_equal(import(&st, &ev, f, order1, 2), 0);
	assert_int_equal(count_rows(f->store), 1);
	open_store(f, "b.db");
	assert_int_equal(import(&st, &ev, f, order2, 2), 0);
	assert_int_equal(count_rows(f->store), 1);
	assert_int_equal(st.replaced, 1); /* the watch has more points */
	co_strbuf_release(&ev.log);
}

static void list_files(char ***v, size_t *n, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	assert_non_null(d);
	while ((de = readdir(d))) {
		char path[1200];
		struct stat sb;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &sb) || !S_ISREG(sb.st_mode))
			continue;
		*v = realloc(*v, (*n + 1) * sizeof(**v));
		(*v)[(*n)++] = strdup(path);
	}
	closedir(d);
}

/* The sorted sports of the stored rows, joined by newlines. */
static char *sports(co_store *s)
{
	co_store_activity_row *rows = NULL;
	size_t n = 0;
	char **v;
	co_strbuf sb = CO_STRBUF_INIT;

	assert_int_equal(co_store_activity_list(&rows, &n, s, NULL), 0);
	v = calloc(n + 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = strdup(rows[i].sport);
	qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++) {
		co_strbuf_addf(&sb, "%s\n", v[i]);
		free(v[i]);
	}
	free(v);
	co_store_activity_list_free(rows, n);
	return co_strbuf_detach(&sb);
}

/* Issue 9.1: the corpus in two orders stores the same rows. */
static void test_corpus_order(void **state)
{
	fixture *f = *state;
	static const char *const dirs[] = {"fit", "gpx", "tcx"};
	char **files = NULL, dir[700], *a, *b;
	size_t n = 0, rows1;
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};

	for (size_t i = 0; i < 3; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", f->corpus, dirs[i]);
		list_files(&files, &n, dir);
	}
	qsort(files, n, sizeof(*files), cmp_str);
	assert_int_equal(import(&st, &ev, f, (const char *const *)files, n), 0);
	rows1 = count_rows(f->store);
	a = sports(f->store);
	for (size_t i = 0; i < n / 2; i++) {
		char *t = files[i];

		files[i] = files[n - 1 - i];
		files[n - 1 - i] = t;
	}
	open_store(f, "b.db");
	assert_int_equal(import(&st, &ev, f, (const char *const *)files, n), 0);
	b = sports(f->store);
	assert_int_equal(count_rows(f->store), rows1);
	assert_string_equal(a, b);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(a);
	free(b);
	co_strbuf_release(&ev.log);
}

/*
 * Issue 9.2: a FIT file of N chained copies of one activity was stored N
 * times, each copy compared with every row before it (O(N^2), 121 s for
 * 20,000 copies). Stored once; the same-run rule looks at a bounded number
 * of rows per activity.
 */
static void test_chained_copies(void **state)
{
	fixture *f = *state;
	const size_t copies = 2000;
	co_strbuf one, many = CO_STRBUF_INIT;
	char path[600];
	const char *paths[] = {path};
	co_import_stats st;
	events ev = {CO_STRBUF_INIT, 0};
	FILE *fp;

	read_corpus(&one, f, "fit/fitparse__Activity.fit");
	for (size_t i = 0; i < copies; i++)
		co_strbuf_add(&many, one.buf, one.len);
	snprintf(path, sizeof(path), "%s/chained.fit", f->dir);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(many.buf, 1, many.len, fp), many.len);
	fclose(fp);
	assert_int_equal(import(&st, &ev, f, paths, 1), 0);
	assert_int_equal(st.imported, 1);
	assert_int_equal(st.duplicates, copies - 1);
	assert_int_equal(count_rows(f->store), 1);
	/* one stored row to look at per copy, not all the copies before it */
	assert_true(st.compared <= copies);
	assert_non_null(strstr(ev.log.buf, "a copy of an activity earlier in the same file"));
	co_strbuf_release(&one);
	co_strbuf_release(&many);
	co_strbuf_release(&ev.log);
}

static void test_json(void **state)
{
	co_store_activity_row row = CO_STORE_ACTIVITY_ROW_INIT;
	char *out = NULL;

	row.id = 7;
	row.hash = "abc";
	row.source = "we\"ird\\na\nme\x01\xff.fit";
	row.sport = "running";
	row.start_utc = 1560591743;
	row.utc_offset_s = -14400;
	row.local_date = co_date_from_ymd(2019, 6, 15);
	row.elapsed_s = 3600;
	row.distance_m = 12000;
	row.avg_hr = 140;
	row.summary_json = "{\"format\":\"fit\",\"type\":\"easy\",\"type_reason\":\"a \\\"}\","
			   "\"threshold_pace_s_per_km\":null,\"ef\":1.5,\"decoupling\":-0.02}";
	row.laps_json = "[{\"start\":\"2019-06-15T09:42:23Z\"}]";
	assert_int_equal(co_activities_to_json(&out, &row, 1), 0);
	assert_non_null(strstr(out, "\"source\":\"we\\\"ird\\\\na\\nme\\u0001\\ufffd.fit\""));
	assert_non_null(strstr(out, "\"start\":\"2019-06-15T09:42:23Z\""));
	assert_non_null(strstr(out, "\"local_start\":\"2019-06-15T05:42:23-04:00\""));
	assert_non_null(strstr(out, "\"type\":\"easy\""));
	assert_non_null(strstr(out, "\"ef\":1.5"));
	assert_non_null(strstr(out, "\"decoupling\":-0.02"));
	assert_non_null(strstr(out, "\"threshold_pace_s_per_km\":null"));
	assert_non_null(strstr(out, "\"pace_s_per_km\":300"));
	assert_non_null(strstr(out, "\"moving_s\":null"));
	assert_non_null(strstr(out, "\"max_hr\":null"));
	assert_non_null(strstr(out, "\"laps\":[{\"start\":\"2019-06-15T09:42:23Z\"}]"));
	free(out);

	assert_int_equal(co_activities_to_json(&out, NULL, 0), 0);
	assert_string_equal(out, "[]\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_roundtrip),
		cmocka_unit_test(test_stream_v2),
		cmocka_unit_test(test_stream_v1),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_json),
		cmocka_unit_test_setup_teardown(test_corpus_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zip_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_and_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_richer_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glitched_clock_swallows_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_run_two_devices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corpus_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chained_copies, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
