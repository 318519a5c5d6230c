/*
 * fit_decode: throughput of our FIT decoder, the counterpart of
 * bench/fitsdk_decode.mjs (Garmin's JS SDK) in bench/run.sh.
 *
 *   fit_decode [-n PASSES] [-m decode|walk|both] PATH...
 *
 * PATHs are FIT files or folders (their *.fit files, not sub-folders, so
 * corpus/fit/invalid/ is not entered), taken in name order. Each pass reads
 * every file into memory (not timed) and times the decoder alone with
 * CLOCK_MONOTONIC:
 *   decode  co_fit_decode(): whole activities (totals, laps, samples);
 *   walk    co_fit_walk(): every data message, reading the record fields a
 *           decoder user wants (position, distance, speed, altitude, heart
 *           rate, cadence), as the SDK materialises every field.
 * The best pass is reported, one line per mode, as key=value pairs:
 *   mode=decode files=N bytes=B passes=P best_s=S mbps=M cpu_mbps=C ...
 * then "peak_rss_kb=K" (VmHWM of this process). MB are 10^6 bytes.
 * cpu_mbps is the same throughput over the CPU time of the best pass by
 * CPU time (CLOCK_PROCESS_CPUTIME_ID): on a shared, loaded machine it
 * moves less than the wall-clock figure.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "carryover/error.h"
#include "carryover/fit.h"

typedef struct list {
	char **v;
	size_t n, cap;
} list;

static void push(list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		if (!l->v)
			abort();
	}
	l->v[l->n] = strdup(s);
	if (!l->v[l->n])
		abort();
	l->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_fit_ext(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".fit") == 0;
}

static int add_path(list *l, const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	size_t first = l->n;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "fit_decode: '%s': no such file or directory\n", path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		push(l, path);
		return 0;
	}
	d = opendir(path);
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		char full[4096];

		snprintf(full, sizeof full, "%s/%s", path, e->d_name);
		if (has_fit_ext(e->d_name) && stat(full, &st) == 0 && S_ISREG(st.st_mode))
			push(l, full);
	}
	closedir(d);
	qsort(l->v + first, l->n - first, sizeof *l->v, cmp_str);
	return 0;
}

/* Read path into *buf (grown as needed); returns the length or -1. */
static long read_into(const char *path, unsigned char **buf, size_t *cap)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t len;

	if (!f)
		return -1;
	if (fstat(fileno(f), &st) != 0) {
		fclose(f);
		return -1;
	}
	len = (size_t)st.st_size;
	if (len + 1 > *cap) {
		*cap = len + 1;
		free(*buf);
		*buf = malloc(*cap);
		if (!*buf)
			abort();
	}
	if (fread(*buf, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return (long)len;
}

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct tally {
	uint64_t bytes, activities, samples, mesgs, records, failed, other;
	int64_t sum; /* of the values read, so no read is optimised away */
} tally;

static int on_activity(void *ctx, const co_activity *act)
{
	tally *t = ctx;

	t->activities++;
	t->samples += act->nsamples;
	return 0;
}

static int on_mesg(void *ctx, const co_fit_mesg *m)
{
	static const unsigned fields[] = {0, 1, 2, 3, 4, 5, 6, 253};
	tally *t = ctx;
	int64_t v;
	size_t i;

	t->mesgs++;
	if (m->global != CO_FIT_RECORD)
		return 0;
	t->records++;
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (co_fit_mesg_int(m, fields[i], &v))
			t->sum += v;
	return 0;
}

static long peak_rss_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

/* One pass of `mode` over every file; the decoding time in *secs, its CPU time in *cpu. */
static int pass(const list *files, int walk, tally *t, double *secs, double *cpu)
{
	static unsigned char *buf;
	static size_t cap;
	size_t i;

	memset(t, 0, sizeof *t);
	*secs = *cpu = 0;
	for (i = 0; i < files->n; i++) {
		long len = read_into(files->v[i], &buf, &cap);
		double t0, c0;
		int rc;

		if (len < 0) {
			fprintf(stderr, "fit_decode: cannot read '%s'\n", files->v[i]);
			return -1;
		}
		c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
		t0 = clock_s(CLOCK_MONOTONIC);
		if (walk)
			rc = co_fit_walk(buf, (size_t)len, NULL, on_mesg, t);
		else
			rc = co_fit_decode(buf, (size_t)len, NULL, on_activity, t);
		*secs += clock_s(CLOCK_MONOTONIC) - t0;
		*cpu += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
		t->bytes += (uint64_t)len;
		if (rc == CO_EUNSUPPORTED)
			t->other++;
		else if (rc != 0)
			t->failed++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	list files = {0};
	int passes = 3, opt, modes = 3, m, rc = 1;
	size_t i;

	while ((opt = getopt(argc, argv, "n:m:")) != -1) {
		switch (opt) {
		case 'n':
			passes = atoi(optarg);
			break;
		case 'm':
			modes = strcmp(optarg, "decode") == 0 ? 1 : strcmp(optarg, "walk") == 0 ? 2 : 3;
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc || passes < 1)
		goto usage;
	for (; optind < argc; optind++)
		if (add_path(&files, argv[optind]) != 0)
			goto done;
	if (!files.n) {
		fprintf(stderr, "fit_decode: no FIT files\n");
		goto done;
	}
	for (m = 0; m < 2; m++) {
		tally t, best_t = {0};
		double best = -1, best_cpu = -1, secs, cpu;
		int p;

		if (!(modes & (1 << m)))
			continue;
		for (p = 0; p < passes; p++) {
			if (pass(&files, m, &t, &secs, &cpu) != 0)
				goto done;
			if (best_cpu < 0 || cpu < best_cpu)
				best_cpu = cpu;
			if (best < 0 || secs < best) {
				best = secs;
				best_t = t;
			}
		}
		printf("mode=%s files=%zu bytes=%llu passes=%d best_s=%.6f mbps=%.1f cpu_mbps=%.1f "
		       "activities=%llu samples=%llu mesgs=%llu records=%llu "
		       "not_activity=%llu failed=%llu check=%lld\n",
		       m ? "walk" : "decode", files.n, (unsigned long long)best_t.bytes,
		       passes, best, best > 0 ? (double)best_t.bytes / best / 1e6 : 0.0,
		       best_cpu > 0 ? (double)best_t.bytes / best_cpu / 1e6 : 0.0,
		       (unsigned long long)best_t.activities,
		       (unsigned long long)best_t.samples, (unsigned long long)best_t.mesgs,
		       (unsigned long long)best_t.records, (unsigned long long)best_t.other,
		       (unsigned long long)best_t.failed, (long long)best_t.sum);
	}
	printf("peak_rss_kb=%ld\n", peak_rss_kb());
	rc = 0;
	goto done;
usage:
	fprintf(stderr, "usage: fit_decode [-n PASSES] [-m decode|walk|both] PATH...\n");
	rc = 2;
done:
	for (i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	return rc;
}
