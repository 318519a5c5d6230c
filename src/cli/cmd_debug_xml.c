/*
 * carryover debug xml-summary FILE...
 *
 * A hidden diagnostic (wired under `debug`): read GPX/TCX files with the
 * library's reader and print one JSON object per activity, one per line,
 * with the totals and the reader's point counts. tests/oracle/xml.test.mjs
 * compares this with an independent summary made from a DOM in JavaScript.
 * A file with no recorded activity prints {"file":...,"skipped":REASON}.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "carryover/carryover.h"
#include "cli/cli.h"

typedef struct summary_ctx {
	const char *file;
	co_xmltrack *reader;
} summary_ctx;

static void put_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void put_num(const char *key, double v)
{
	printf(",\"%s\":", key);
	if (v < 0 || isnan(v))
		fputs("null", stdout);
	else
		printf("%.3f", v);
}

static int print_activity(void *ctx, const co_activity *a)
{
	summary_ctx *sc = ctx;
	const co_xmltrack_info *in = co_xmltrack_info_get(sc->reader);
	time_t t = (time_t)a->start;
	struct tm tm;
	char when[32];

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fputs("{\"file\":", stdout);
	put_json_string(sc->file);
	printf(",\"index\":%u,\"format\":\"%s\",\"sport\":\"%s\",\"start\":\"%s\""
	       ",\"start_unix\":%lld", a->index, a->format, co_sport_name(a->sport),
	       when, (long long)a->start);
	if (a->has_utc_offset)
		printf(",\"utc_offset\":%d", (int)a->utc_offset);
	else
		fputs(",\"utc_offset\":null", stdout);
	put_num("elapsed", a->elapsed);
	put_num("moving", a->moving);
	put_num("distance", a->distance);
	put_num("ascent", a->ascent);
	printf(",\"avg_hr\":%u,\"max_hr\":%u,\"device\":", a->avg_hr, a->max_hr);
	put_json_string(a->device);
	printf(",\"laps\":%zu,\"samples\":%zu,\"points\":%zu,\"timed\":%zu"
	       ",\"positioned\":%zu,\"hr_points\":%zu,\"cad_points\":%zu",
	       a->nlaps, a->nsamples, in->points, in->timed, in->positioned,
	       in->hr_points, in->cad_points);
	put_num("hr_mean", in->hr_mean);
	put_num("cad_mean", in->cad_mean);
	fputs("}\n", stdout);
	return 0;
}

static int summarise(const char *path)
{
	summary_ctx sc = {path, NULL};
	char buf[64 * 1024];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = 0;

	if (!f)
		return co_error_set(CO_EIO, "'%s': cannot open", path);
	sc.reader = co_xmltrack_new(CO_XMLTRACK_AUTO, path, print_activity, &sc);
	if (!sc.reader) {
		fclose(f);
		return co_error_set(CO_ENOMEM, "out of memory");
	}
	while (!rc && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		rc = co_xmltrack_feed(sc.reader, buf, n);
	if (!rc)
		rc = co_xmltrack_finish(sc.reader);
	if (rc == CO_EUNSUPPORTED) {
		fputs("{\"file\":", stdout);
		put_json_string(path);
		fputs(",\"skipped\":", stdout);
		put_json_string(co_error_last());
		fputs("}\n", stdout);
		rc = 0;
	}
	co_xmltrack_free(sc.reader);
	fclose(f);
	return rc;
}

int cmd_debug_xml_summary(co_cli *cli, int argc, char **argv)
{
	(void)cli;
	if (co_cli_wants_help(argc, argv)) {
		puts("usage: carryover debug xml-summary FILE...\n\n"
		     "Read GPX/TCX files and print one JSON line per activity found\n"
		     "(totals and point counts), or {\"skipped\": REASON}.");
		return CO_EXIT_OK;
	}
	if (argc < 2)
		return co_cli_usage_error("usage: carryover debug xml-summary FILE...");
	for (int i = 1; i < argc; i++) {
		int rc = summarise(argv[i]);

		if (rc)
			return co_cli_fail(rc);
	}
	return CO_EXIT_OK;
}
