/*
 * carryover debug: hidden developer commands, for tests and bug reports.
 *
 *   carryover debug fit-dump [--salvage] FILE
 *   carryover debug xml-summary FILE...   (cmd_debug_xml.c: GPX/TCX)
 *
 * fit-dump prints one JSON object per line: every record message (global
 * 20) and every session message (18) as the record-level decoder reads them
 * (after the profile's scale and offset, positions in degrees, times in
 * Unix seconds, null when absent), then one "activity" line per activity
 * the activity decoder reports, or one "skipped" line with the reason for
 * a non-activity file. The oracle test (tests/oracle/fit.test.mjs) compares
 * this output with Garmin's SDK. Errors go to stderr, exit status 2.
 */
#include <stdio.h>
#include <string.h>

#include "carryover/carryover.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "util/strbuf.h"

static void put_num(FILE *f, const char *key, bool ok, double v)
{
	if (ok)
		fprintf(f, ",\"%s\":%.17g", key, v);
	else
		fprintf(f, ",\"%s\":null", key);
}

/* One field after scale and offset, or null. */
static void put_field(FILE *f, const char *key, const co_fit_mesg *m,
		      unsigned num, double scale, double offset)
{
	double v = 0;
	bool ok = co_fit_mesg_num(m, num, scale, offset, &v);

	put_num(f, key, ok, v);
}

/* Of two fields (enhanced_* first), the first present, or null. */
static void put_either(FILE *f, const char *key, const co_fit_mesg *m,
		       unsigned a, unsigned b, double scale, double offset)
{
	double v = 0;
	bool ok = co_fit_mesg_num(m, a, scale, offset, &v) ||
		  co_fit_mesg_num(m, b, scale, offset, &v);

	put_num(f, key, ok, v);
}

static void put_time(FILE *f, const char *key, const co_fit_mesg *m,
		     unsigned field)
{
	int64_t v;

	if (co_fit_mesg_int(m, field, &v))
		fprintf(f, ",\"%s\":%lld", key, (long long)(v + CO_FIT_EPOCH));
	else
		fprintf(f, ",\"%s\":null", key);
}

static int dump_mesg(void *ctx, const co_fit_mesg *m)
{
	FILE *f = ctx;
	int64_t lat, lon;

	if (m->global == CO_FIT_RECORD) {
		fprintf(f, "{\"type\":\"record\",\"file\":%u", m->file);
		if (m->timestamp)
			fprintf(f, ",\"timestamp\":%lld",
				(long long)m->timestamp + CO_FIT_EPOCH);
		else
			fputs(",\"timestamp\":null", f);
		put_field(f, "distance", m, 5, 100, 0);
		put_either(f, "speed", m, 73, 6, 1000, 0);
		put_either(f, "altitude", m, 78, 2, 5, 500);
		put_field(f, "heart_rate", m, 3, 1, 0);
		put_field(f, "cadence", m, 4, 1, 0);
		put_field(f, "fractional_cadence", m, 53, 128, 0);
		if (co_fit_mesg_int(m, 0, &lat) && co_fit_mesg_int(m, 1, &lon)) {
			put_num(f, "lat", true, (double)lat * (180.0 / 2147483648.0));
			put_num(f, "lon", true, (double)lon * (180.0 / 2147483648.0));
		} else {
			fputs(",\"lat\":null,\"lon\":null", f);
		}
		fputs("}\n", f);
	} else if (m->global == CO_FIT_SESSION) {
		fprintf(f, "{\"type\":\"session\",\"file\":%u", m->file);
		put_time(f, "start_time", m, 2);
		put_field(f, "total_elapsed_time", m, 7, 1000, 0);
		put_field(f, "total_timer_time", m, 8, 1000, 0);
		put_field(f, "total_distance", m, 9, 100, 0);
		put_field(f, "avg_heart_rate", m, 16, 1, 0);
		put_field(f, "max_heart_rate", m, 17, 1, 0);
		put_field(f, "workout_feel", m, 192, 1, 0);
		put_field(f, "workout_rpe", m, 193, 1, 0);
		fputs("}\n", f);
	}
	return 0;
}

static void put_total(FILE *f, const char *key, double v)
{
	put_num(f, key, v >= 0, v);
}

static int dump_activity(void *ctx, const co_activity *a)
{
	FILE *f = ctx;
	co_strbuf dev = CO_STRBUF_INIT;
	const char *p;

	for (p = a->device; *p; p++) {
		if (*p == '"' || *p == '\\')
			co_strbuf_addch(&dev, '\\');
		if ((unsigned char)*p >= 0x20)
			co_strbuf_addch(&dev, *p);
	}
	fprintf(f, "{\"type\":\"activity\",\"index\":%u,\"format\":\"%s\","
		"\"sport\":\"%s\",\"sport_id\":%d,\"sub_sport\":%d,"
		"\"start\":%lld", a->index, a->format, co_sport_name(a->sport),
		a->sport, a->sub_sport, (long long)a->start);
	if (a->has_utc_offset)
		fprintf(f, ",\"utc_offset\":%d", (int)a->utc_offset);
	else
		fputs(",\"utc_offset\":null", f);
	put_total(f, "elapsed", a->elapsed);
	put_total(f, "moving", a->moving);
	put_total(f, "distance", a->distance);
	put_total(f, "avg_speed", a->avg_speed);
	put_total(f, "ascent", a->ascent);
	put_num(f, "avg_hr", a->avg_hr > 0, a->avg_hr);
	put_num(f, "max_hr", a->max_hr > 0, a->max_hr);
	put_num(f, "feel", a->feel >= 0, a->feel);
	put_total(f, "rpe", a->rpe);
	fprintf(f, ",\"device\":\"%s\",\"laps\":%zu,\"samples\":%zu,"
		"\"stride\":%u,\"truncated\":%s}\n", dev.buf ? dev.buf : "",
		a->nlaps, a->nsamples, (unsigned)a->sample_stride,
		a->truncated ? "true" : "false");
	co_strbuf_release(&dev);
	return 0;
}

static int fit_dump(int argc, char **argv)
{
	co_fit_options opt = CO_FIT_OPTIONS_INIT;
	co_strbuf data = CO_STRBUF_INIT;
	const char *path = NULL;
	char msg[512];
	bool salvage = false;
	const co_opt opts[] = {
		{CO_OPT_FLAG, "salvage", 0, &salvage, NULL, "decode what precedes damage"},
		{CO_OPT_END, NULL, 0, NULL, NULL, NULL},
	};
	const co_opt_parser ps = {"debug fit-dump", opts, NULL, NULL, false};
	co_opt_list operands = {0};
	int rc, walk_rc;

	rc = co_opt_parse(&ps, &operands, 1, argc, argv, NULL);
	if (rc == CO_OPT_HELP)
		rc = co_cli_usage_error("usage: carryover debug fit-dump [--salvage] FILE");
	else if (!rc && operands.n > 1)
		rc = co_cli_usage_error("debug fit-dump: one FILE only");
	else if (!rc && !operands.n)
		rc = co_cli_usage_error("usage: carryover debug fit-dump [--salvage] FILE");
	path = operands.n ? operands.items[0] : NULL;
	co_opt_list_release(&operands);
	if (rc)
		return rc;
	opt.salvage = salvage;
	rc = co_strbuf_read_file(&data, path, 0);
	if (rc)
		goto done;
	walk_rc = co_fit_walk((const unsigned char *)data.buf, data.len, &opt,
			      dump_mesg, stdout);
	if (walk_rc && !opt.salvage) {
		rc = walk_rc;
		goto done;
	}
	if (walk_rc)
		snprintf(msg, sizeof(msg), "%s", co_error_last());
	rc = co_fit_decode((const unsigned char *)data.buf, data.len, &opt,
			   dump_activity, stdout);
	if (rc == CO_EUNSUPPORTED && !walk_rc) {
		co_strbuf reason = CO_STRBUF_INIT;

		co_strbuf_adds(&reason, co_error_last());
		printf("{\"type\":\"skipped\",\"reason\":\"%s\"}\n", reason.buf);
		co_strbuf_release(&reason);
		rc = 0;
	} else if (!rc && walk_rc) {
		fflush(stdout);
		fprintf(stderr, "carryover: %s: salvaged: %s\n", path, msg);
	}
done:
	co_strbuf_release(&data);
	fflush(stdout);
	if (rc) {
		snprintf(msg, sizeof(msg), "%s", co_error_last());
		co_error_set(rc, "%s: %s", path, msg);
		return co_cli_fail(rc);
	}
	return CO_EXIT_OK;
}

int cmd_debug(co_cli *cli, int argc, char **argv)
{
	if (argc < 2 || co_cli_wants_help(argc, argv)) {
		printf("usage: carryover debug fit-dump [--salvage] FILE\n"
		       "       carryover debug xml-summary FILE...\n\n"
		       "Developer commands. fit-dump prints a FIT file's records and sessions\n"
		       "as JSON lines, then the activities decoded from it. xml-summary\n"
		       "summarises GPX/TCX files.\n");
		return argc < 2 ? CO_EXIT_USAGE : CO_EXIT_OK;
	}
	if (!strcmp(argv[1], "fit-dump"))
		return fit_dump(argc - 1, argv + 1);
	if (!strcmp(argv[1], "xml-summary"))
		return cmd_debug_xml_summary(cli, argc - 1, argv + 1);
	return co_cli_usage_error("debug: unknown subcommand '%s'", argv[1]);
}
