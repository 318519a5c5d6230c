/*
 * The GPX reader (src/formats/gpx.c over xmltrack.c): small documents
 * written here for each rule, then the real corpus, then agreement with the
 * TCX and FIT recordings of the same runs.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "carryover/carryover.h"
#include "testutil.h"

#define MAXACT 8

typedef struct got {
	int n;
	co_activity *acts[MAXACT];
	co_xmltrack_info info[MAXACT];
	co_xmltrack *reader;
	int stop_with; /* callback's return value */
} got;

static int collect(void *ctx, const co_activity *a)
{
	got *g = ctx;

	if (g->n < MAXACT) {
		assert_int_equal(co_activity_copy(&g->acts[g->n], a), 0);
		if (g->reader)
			g->info[g->n] = *co_xmltrack_info_get(g->reader);
		g->n++;
	}
	return g->stop_with;
}

static void got_free(got *g)
{
	for (int i = 0; i < g->n; i++)
		co_activity_free(g->acts[i]);
	memset(g, 0, sizeof(*g));
}

/* Feed `doc` in pieces of `chunk` bytes, as a file or a zip entry arrives. */
static int parse_chunked(co_xmltrack_kind kind, const char *doc, size_t len,
			 size_t chunk, got *g)
{
	co_xmltrack *r = co_xmltrack_new(kind, "doc.gpx", collect, g);
	size_t off = 0;
	int rc = 0;

	assert_non_null(r);
	g->reader = r;
	while (!rc && off < len) {
		size_t n = len - off < chunk ? len - off : chunk;

		rc = co_xmltrack_feed(r, doc + off, n);
		off += n;
	}
	if (!rc)
		rc = co_xmltrack_finish(r);
	co_xmltrack_free(r);
	g->reader = NULL;
	return rc;
}

static int parse(const char *doc, got *g)
{
	return parse_chunked(CO_XMLTRACK_GPX, doc, strlen(doc), 1 << 20, g);
}

#define GPX_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<gpx version=\"1.1\" creator=\"Test Watch\" xmlns=\"http://www.topografix.com/GPX/1/1\"" \
	" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"" \
	" xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"

/* A point 1 s and ~3.3 m (3e-5 deg of latitude) after the previous one. */
#define PT(i, ext) \
	"<trkpt lat=\"" #i "\" lon=\"0\"><ele>100</ele><time>2027-01-04T07:30:0" #i "Z</time>" ext "</trkpt>\n"

static const char run3[] = GPX_HEAD
	"<metadata><time>2027-01-04T09:00:00Z</time></metadata>\n"
	"<trk><name>Morning</name><type>running</type><trkseg>\n"
	"<trkpt lat=\"45.00000\" lon=\"7.0\"><ele>100</ele><time>2027-01-04T07:30:00Z</time>"
	"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad>"
	"</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	"<trkpt lat=\"45.00003\" lon=\"7.0\"><ele>101</ele><time>2027-01-04T07:30:01Z</time>"
	"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>130</gpxtpx:hr><gpxtpx:cad>82</gpxtpx:cad>"
	"</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	"<trkpt lat=\"45.00006\" lon=\"7.0\"><ele>102</ele><time>2027-01-04T07:30:02Z</time>"
	"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad>"
	"</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	"</trkseg></trk></gpx>\n";

static void test_basic_track(void **state)
{
	got g = {0};
	const co_activity *a;

	(void)state;
	assert_int_equal(parse(run3, &g), 0);
	assert_int_equal(g.n, 1);
	a = g.acts[0];
	assert_string_equal(a->format, "gpx");
	assert_int_equal(a->sport, CO_SPORT_RUNNING);
	assert_string_equal(a->device, "Test Watch");
	/* the first point, not metadata/time (the file's creation time) */
	assert_int_equal(a->start, 1799047800); /* 2027-01-04T07:30:00Z */
	assert_int_equal(a->has_utc_offset, 0);
	assert_true(fabs(a->elapsed - 2.0) < 1e-9);
	/* 2 x 3e-5 degrees of latitude = 6.67 m */
	assert_true(fabs(a->distance - 6.672) < 0.01);
	assert_int_equal(a->avg_hr, 130); /* (120 + 130 + 141) / 3 = 130.3 */
	assert_int_equal(a->max_hr, 141);
	assert_int_equal(a->nsamples, 3);
	assert_int_equal(a->nlaps, 0);
	assert_int_equal(a->samples[2].t, 2);
	assert_int_equal(a->samples[2].hr, 141);
	/* cadence is strides per minute in the file, steps per minute here */
	assert_true(fabs(co_sample_cadence(&a->samples[1]) - 164.0) < 1e-9);
	assert_true(fabs(co_sample_altitude(&a->samples[2]) - 102.0) < 0.2);
	assert_true(fabs(co_sample_lat(&a->samples[1]) - 45.00003) < 1e-7);
	assert_int_equal(g.info[0].points, 3);
	assert_int_equal(g.info[0].hr_points, 3);
	assert_true(fabs(g.info[0].cad_mean - 82.0) < 1e-9);
	got_free(&g);
}

/* Chunk boundaries anywhere (even inside a BOM or a tag) change nothing. */
static void test_chunking(void **state)
{
	static const size_t sizes[] = {1, 2, 3, 7, 64, 4096};
	got whole = {0};

	(void)state;
	assert_int_equal(parse(run3, &whole), 0);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		got g = {0};

		assert_int_equal(parse_chunked(CO_XMLTRACK_GPX, run3, strlen(run3),
					       sizes[i], &g), 0);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.acts[0]->start, whole.acts[0]->start);
		assert_true(g.acts[0]->distance == whole.acts[0]->distance);
		assert_int_equal(g.acts[0]->nsamples, whole.acts[0]->nsamples);
		assert_memory_equal(g.acts[0]->samples, whole.acts[0]->samples,
				    whole.acts[0]->nsamples * sizeof(co_sample));
		got_free(&g);
	}
	got_free(&whole);
}

/* Garmin TrackPointExtension under any prefix, or none, gives the same HR. */
static void test_extension_prefixes(void **state)
{
	static const char *const docs[] = {
		GPX_HEAD "<trk><trkseg>"
		PT(1, "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr><gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>")
		PT(2, "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr><gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>")
		"</trkseg></trk></gpx>",
		GPX_HEAD "<trk><trkseg>"
		PT(1, "<extensions><ns3:TrackPointExtension><ns3:hr>150</ns3:hr><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions>")
		PT(2, "<extensions><ns3:TrackPointExtension><ns3:hr>150</ns3:hr><ns3:cad>90</ns3:cad></ns3:TrackPointExtension></extensions>")
		"</trkseg></trk></gpx>",
		GPX_HEAD "<trk><trkseg>"
		PT(1, "<extensions><TrackPointExtension><hr>150</hr><cad>90</cad></TrackPointExtension></extensions>")
		PT(2, "<extensions><TrackPointExtension><hr>150</hr><cad>90</cad></TrackPointExtension></extensions>")
		"</trkseg></trk></gpx>",
		/* Cluetrust gpxdata and Sports Tracker's bare <heartrate> */
		GPX_HEAD "<trk><trkseg>"
		PT(1, "<extensions><heartrate>150</heartrate><gpxdata:cadence xmlns:gpxdata=\"http://www.cluetrust.com/XML/GPXDATA/1/0\">90</gpxdata:cadence></extensions>")
		PT(2, "<extensions><heartrate>150</heartrate><gpxdata:cadence xmlns:gpxdata=\"http://www.cluetrust.com/XML/GPXDATA/1/0\">90</gpxdata:cadence></extensions>")
		"</trkseg></trk></gpx>",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		got g = {0};

		assert_int_equal(parse(docs[i], &g), 0);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.acts[0]->avg_hr, 150);
		assert_int_equal(g.acts[0]->max_hr, 150);
		assert_int_equal(g.info[0].cad_points, 2);
		assert_true(fabs(co_sample_cadence(&g.acts[0]->samples[0]) - 180.0) < 1e-9);
		got_free(&g);
	}
}

/* An <hr> outside trkpt/extensions is not a heart rate. */
static void test_hr_outside_extensions_ignored(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"1\" lon=\"1\"><time>2027-01-04T07:30:00Z</time><hr>99</hr></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1.0001\"><time>2027-01-04T07:30:05Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_int_equal(g.acts[0]->avg_hr, 0);
	assert_int_equal(g.info[0].hr_points, 0);
	got_free(&g);
}

static void test_missing_and_empty_elevation(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"1\" lon=\"1\"><time>2027-01-04T07:30:00Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1.0001\"><ele/><time>2027-01-04T07:30:05Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1.0002\"><ele>bad data</ele><time>2027-01-04T07:30:10Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_true(g.acts[0]->ascent < 0); /* unknown, not 0 */
	for (size_t i = 0; i < g.acts[0]->nsamples; i++)
		assert_true(co_sample_altitude(&g.acts[0]->samples[i]) == CO_NO_ALTITUDE);
	assert_true(g.acts[0]->distance > 20 && g.acts[0]->distance < 23);
	got_free(&g);
}

/* A climb counts once it passes the 3 m dead band; noise below it does not. */
static void test_ascent_dead_band(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>100</ele><time>2027-01-04T07:30:00Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>102</ele><time>2027-01-04T07:30:01Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>100</ele><time>2027-01-04T07:30:02Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>102</ele><time>2027-01-04T07:30:03Z</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>110</ele><time>2027-01-04T07:30:04Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_true(fabs(g.acts[0]->ascent - 10.0) < 0.5);
	got_free(&g);
}

static void test_no_times_skipped(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"1\" lon=\"1\"><ele>5</ele></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1.001\"><ele>5</ele></trkpt>"
			       "</trkseg></trk></gpx>", &g), CO_EUNSUPPORTED);
	assert_int_equal(g.n, 0);
	assert_non_null(strstr(co_error_last(), "doc.gpx: no times"));
}

/* Empty segments are harmless; distance never bridges two segments. */
static void test_segments(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg></trkseg><trkseg>"
			       "<trkpt lat=\"45.0\" lon=\"7\"><time>2027-01-04T07:30:00Z</time></trkpt>"
			       "<trkpt lat=\"45.0001\" lon=\"7\"><time>2027-01-04T07:30:05Z</time></trkpt>"
			       "</trkseg><trkseg/><trkseg>"
			       "<trkpt lat=\"46.0\" lon=\"7\"><time>2027-01-04T07:40:00Z</time></trkpt>"
			       "<trkpt lat=\"46.0001\" lon=\"7\"><time>2027-01-04T07:40:05Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_int_equal(g.n, 1);
	/* two 11.1 m pieces, not the 111 km between them */
	assert_true(fabs(g.acts[0]->distance - 22.24) < 0.05);
	assert_true(fabs(g.acts[0]->elapsed - 605) < 1e-9);
	assert_true(fabs(g.acts[0]->moving - 10) < 1e-9);
	got_free(&g);
}

/* Standing still with GPS jitter adds neither distance nor moving time. */
static void test_jitter_is_not_distance(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"45.00000\" lon=\"7\"><time>2027-01-04T07:30:00Z</time></trkpt>"
			       "<trkpt lat=\"45.00001\" lon=\"7\"><time>2027-01-04T07:30:05Z</time></trkpt>"
			       "<trkpt lat=\"45.00000\" lon=\"7\"><time>2027-01-04T07:30:10Z</time></trkpt>"
			       "<trkpt lat=\"45.00001\" lon=\"7\"><time>2027-01-04T07:30:15Z</time></trkpt>"
			       "<trkpt lat=\"45.00031\" lon=\"7\"><time>2027-01-04T07:30:25Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	/* only the last step: 33 m in 10 s */
	assert_true(fabs(g.acts[0]->distance - 33.36) < 0.05);
	assert_true(fabs(g.acts[0]->moving - 10) < 1e-9);
	assert_true(fabs(g.acts[0]->elapsed - 25) < 1e-9);
	got_free(&g);
}

static void test_bad_coordinates(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"undefined\" lon=\"undefined\"><time>2027-01-04T07:30:00Z</time></trkpt>"
			       "<trkpt lat=\"95\" lon=\"7\"><time>2027-01-04T07:30:05Z</time></trkpt>"
			       "<trkpt lon=\"7\"><time>2027-01-04T07:30:07Z</time></trkpt>"
			       "<trkpt lat=\"0\" lon=\"0\"><time>2027-01-04T07:30:10Z</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_int_equal(g.info[0].points, 4);
	assert_int_equal(g.info[0].positioned, 0);
	assert_true(g.acts[0]->distance < 0);
	assert_int_equal(g.acts[0]->samples[0].lat, CO_NO_POS);
	got_free(&g);
}

static void test_bom_and_leading_whitespace(void **state)
{
	static const char *const leads[] = {
		"\xEF\xBB\xBF", "          ", "\xEF\xBB\xBF  \r\n\t ", "\n\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(leads) / sizeof(*leads); i++) {
		char doc[sizeof(run3) + 32];
		got g = {0};

		snprintf(doc, sizeof(doc), "%s%s", leads[i], run3);
		assert_int_equal(parse_chunked(CO_XMLTRACK_GPX, doc, strlen(doc), 2, &g), 0);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.acts[0]->nsamples, 3);
		got_free(&g);
	}
}

static void test_malformed_xml_names_line(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>\n"
			       "<trkpt lat=\"1\" lon=\"1\"><time>2027-01-04T07:30:00Z</time></trkseg>\n"
			       "</trk></gpx>\n", &g), CO_EINPUT);
	/* GPX_HEAD is 2 lines, so <trk> is on line 3 and the bad tag on line 4 */
	assert_string_equal(co_error_last(), "doc.gpx:4:59: mismatched tag");

	/* skipped leading lines still count */
	assert_int_equal(parse("\n\n  <gpx><trk>\n</gpx>", &g), CO_EINPUT);
	assert_string_equal(co_error_last(), "doc.gpx:4:3: mismatched tag");

	assert_int_equal(parse("", &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "doc.gpx:1:"));
	assert_int_equal(parse("<gpx><trk></trk></gpx>trailing", &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "junk after document element"));
	assert_int_equal(g.n, 0);
}

/*
 * Issue 9.4: one huge token (an attribute, a comment) was parsed again at
 * every feed, L^2 / 64 KiB work. It is refused once it passes 1 MiB, at
 * its start; the bound is on the feeds taken before the refusal.
 */
static void test_huge_token_refused(void **state)
{
	static const char *const kinds[] = {"<trk name=\"", "<!-- ", "<?pi "};
	const size_t big = 8u << 20, chunk = 64 * 1024;
	char *doc = malloc(big + 1024);
	got g = {0};

	(void)state;
	assert_non_null(doc);
	for (size_t k = 0; k < 3; k++) {
		size_t len = (size_t)sprintf(doc, GPX_HEAD "%s", kinds[k]), off = 0, feeds = 0;
		co_xmltrack *r = co_xmltrack_new(CO_XMLTRACK_GPX, "doc.gpx", collect, &g);
		int rc = 0;

		memset(doc + len, 'x', big);
		len += big;
		len += (size_t)sprintf(doc + len, "%s</gpx>\n", k == 0 ? "\">" : k == 1 ? " -->" : "?>");
		while (!rc && off < len) {
			size_t n = len - off < chunk ? len - off : chunk;

			rc = co_xmltrack_feed(r, doc + off, n);
			off += n;
			feeds++;
		}
		co_xmltrack_free(r);
		assert_int_equal(rc, CO_EINPUT);
		assert_non_null(strstr(co_error_last(), "doc.gpx:3:1: markup longer than 1024 KiB"));
		/* refused one chunk past the cap, not at the end of 8 MiB */
		assert_true(feeds <= (1u << 20) / chunk + 3);
	}
	/* a long but legal attribute still reads */
	{
		size_t len = (size_t)sprintf(doc, GPX_HEAD "<metadata><link href=\"");

		memset(doc + len, 'x', 512 * 1024);
		len += 512 * 1024;
		strcpy(doc + len, "\"/></metadata></gpx>\n");
		len += strlen(doc + len);
		assert_int_equal(parse_chunked(CO_XMLTRACK_GPX, doc, len, chunk, &g),
				 CO_EUNSUPPORTED);
	}
	got_free(&g);
	free(doc);
}

static void test_routes_and_waypoints_skipped(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<rte><rtept lat=\"1\" lon=\"1\"><time>2027-01-04T07:30:00Z</time></rtept>"
			       "<rtept lat=\"1\" lon=\"2\"><time>2027-01-04T08:30:00Z</time></rtept></rte></gpx>",
			       &g), CO_EUNSUPPORTED);
	assert_string_equal(co_error_last(), "doc.gpx: a route, not a recorded activity (no <trk>)");
	assert_int_equal(parse(GPX_HEAD "<wpt lat=\"1\" lon=\"1\"><name>x</name></wpt></gpx>", &g),
			 CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "waypoints only"));
	assert_int_equal(parse(GPX_HEAD "<metadata><time>2027-01-04T07:30:00Z</time></metadata></gpx>", &g),
			 CO_EUNSUPPORTED);
	assert_int_equal(parse(GPX_HEAD "<trk><name>x</name></trk></gpx>", &g), CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "empty track"));
	assert_int_equal(g.n, 0);
}

static void test_wrong_root(void **state)
{
	got g = {0};
	static const char tcx[] = "<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>";

	(void)state;
	assert_int_equal(parse(tcx, &g), CO_EINPUT);
	assert_string_equal(co_error_last(),
			    "doc.gpx: not a GPX file (root element 'TrainingCenterDatabase')");
	assert_int_equal(parse("<kml><Document/></kml>", &g), CO_EINPUT);
	/* AUTO takes either */
	assert_int_equal(parse_chunked(CO_XMLTRACK_AUTO, run3, strlen(run3), 100, &g), 0);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

/* Tracks far apart in time are separate activities; close ones are one. */
static void test_multi_track(void **state)
{
	static const char doc[] = GPX_HEAD
		"<trk><type>running</type><trkseg>"
		"<trkpt lat=\"45\" lon=\"7\"><time>2027-01-04T07:00:00Z</time></trkpt>"
		"<trkpt lat=\"45.001\" lon=\"7\"><time>2027-01-04T07:01:00Z</time></trkpt>"
		"</trkseg></trk>"
		"<trk><trkseg>"  /* 10 minutes later: the same outing */
		"<trkpt lat=\"45.001\" lon=\"7\"><time>2027-01-04T07:11:00Z</time></trkpt>"
		"<trkpt lat=\"45.002\" lon=\"7\"><time>2027-01-04T07:12:00Z</time></trkpt>"
		"</trkseg></trk>"
		"<trk><type>cycling</type><trkseg>"  /* the evening: another activity */
		"<trkpt lat=\"45\" lon=\"7\"><time>2027-01-04T18:00:00Z</time></trkpt>"
		"<trkpt lat=\"45.01\" lon=\"7\"><time>2027-01-04T18:05:00Z</time></trkpt>"
		"</trkseg></trk></gpx>";
	got g = {0};

	(void)state;
	assert_int_equal(parse(doc, &g), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.acts[0]->index, 0);
	assert_int_equal(g.acts[1]->index, 1);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_RUNNING);
	assert_int_equal(g.acts[1]->sport, CO_SPORT_CYCLING);
	assert_true(fabs(g.acts[0]->elapsed - 720) < 1e-9);
	assert_int_equal(g.info[0].points, 4);
	assert_int_equal(g.info[1].points, 2);
	assert_int_equal(g.acts[1]->start - g.acts[0]->start, 11 * 3600);
	got_free(&g);
}

static void test_callback_stops(void **state)
{
	got g = {0};

	(void)state;
	g.stop_with = 42;
	assert_int_equal(parse(run3, &g), 42);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

static void test_times(void **state)
{
	long long ms;
	int has_off, off;

	(void)state;
	assert_int_equal(co_xmltrack_parse_time(&ms, "2019-06-15T09:42:23.000Z", &has_off, &off), 0);
	assert_true(ms == 1560591743000LL);
	assert_int_equal(has_off, 0);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2020-12-27T15:59:36.25+01:00", &has_off, &off), 0);
	assert_true(ms == 1609081176250LL);
	assert_int_equal(has_off, 1);
	assert_int_equal(off, 3600);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2015-12-11T09:43:13.2073437-0530", NULL, &off), 0);
	assert_true(ms == 1449846793207LL);
	assert_int_equal(off, -19800);
	assert_int_equal(co_xmltrack_parse_time(&ms, " 2027-01-04T07:30:00 ", &has_off, NULL), 0);
	assert_int_equal(has_off, 0); /* no zone: taken as UTC */
	assert_true(ms == 1799047800000LL);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2027-02-29T07:30:00Z", NULL, NULL), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "invalid time '2027-02-29T07:30:00Z'"));
	assert_int_equal(co_xmltrack_parse_time(&ms, "2027-01-04", NULL, NULL), CO_EINPUT);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2027-01-04T25:00:00Z", NULL, NULL), CO_EINPUT);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2027-01-04T07:30:00Zjunk", NULL, NULL), CO_EINPUT);
	assert_int_equal(co_xmltrack_parse_time(&ms, "2027-01-04T07:30:00.Z", NULL, NULL), CO_EINPUT);
	assert_int_equal(co_xmltrack_parse_time(&ms, "", NULL, NULL), CO_EINPUT);
}

/* A point's offset (e.g. Fitbit's +01:00) becomes the activity's. */
static void test_offset_kept(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(GPX_HEAD "<trk><trkseg>"
			       "<trkpt lat=\"1\" lon=\"1\"><time>2027-01-04T08:30:00+01:00</time></trkpt>"
			       "<trkpt lat=\"1\" lon=\"1.001\"><time>2027-01-04T08:31:00+01:00</time></trkpt>"
			       "</trkseg></trk></gpx>", &g), 0);
	assert_int_equal(g.acts[0]->start, 1799047800);
	assert_int_equal(g.acts[0]->has_utc_offset, 1);
	assert_int_equal(g.acts[0]->utc_offset, 3600);
	got_free(&g);
}

/* ---- the corpus ------------------------------------------------------- */

/* Read a corpus file through a reader of our own, so that info is kept. */
static int read_kind(co_xmltrack_kind kind, const char *rel, got *g)
{
	char path[2048], buf[65536];
	co_xmltrack *r;
	FILE *f;
	size_t n;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/%s", co_test_corpus(), rel);
	f = fopen(path, "rb");
	if (!f)
		return CO_EIO;
	r = co_xmltrack_new(kind, rel, collect, g);
	assert_non_null(r);
	g->reader = r;
	while (!rc && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		rc = co_xmltrack_feed(r, buf, n);
	if (!rc)
		rc = co_xmltrack_finish(r);
	co_xmltrack_free(r);
	g->reader = NULL;
	fclose(f);
	return rc;
}

static int read_corpus(const char *rel, got *g)
{
	return read_kind(CO_XMLTRACK_GPX, rel, g);
}

/* Every GPX in the corpus gives activities or a reason; none fails. */
static void test_corpus_all(void **state)
{
	char dir[1100];
	DIR *d;
	struct dirent *e;
	int files = 0, acts = 0, skipped = 0;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/gpx", co_test_corpus());
	d = opendir(dir);
	if (!d)
		skip();
	while ((e = readdir(d))) {
		char rel[600];
		got g = {0};
		int rc;

		if (!strstr(e->d_name, ".gpx"))
			continue;
		snprintf(rel, sizeof(rel), "gpx/%s", e->d_name);
		rc = read_corpus(rel, &g);
		if (rc != 0 && rc != CO_EUNSUPPORTED)
			fail_msg("%s: %d %s", e->d_name, rc, co_error_last());
		if (rc == CO_EUNSUPPORTED) {
			assert_int_equal(g.n, 0);
			assert_non_null(strstr(co_error_last(), e->d_name));
			skipped++;
		}
		for (int i = 0; i < g.n; i++) {
			const co_activity *a = g.acts[i];

			assert_true(a->start > 0);
			assert_true(a->elapsed > 0);
			assert_true(a->moving <= a->elapsed);
			assert_true(a->nsamples > 0);
			for (size_t k = 1; k < a->nsamples; k++)
				assert_true(a->samples[k].t > a->samples[k - 1].t);
		}
		acts += g.n;
		files++;
		got_free(&g);
	}
	closedir(d);
	assert_true(files >= 58);
	assert_true(acts >= 25);
	assert_true(skipped >= 20);
}

static void test_corpus_known_files(void **state)
{
	got g = {0};

	(void)state;
	if (read_corpus("gpx/gpxpy__route.gpx", &g) == CO_EIO)
		skip();
	assert_non_null(strstr(co_error_last(), "a route"));
	assert_int_equal(read_corpus("gpx/togeojson__wpt.gpx", &g), CO_EUNSUPPORTED);
	assert_int_equal(read_corpus("gpx/goldencheetah__rides-MetadataOnly.gpx", &g), CO_EUNSUPPORTED);
	assert_int_equal(read_corpus("gpx/gpxpy__track-with-extremes.gpx", &g), CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "no times"));
	/* every point at 1901-12-13T20:45:52Z (INT32_MIN seconds): no real time */
	assert_int_equal(read_corpus("gpx/gpxpy__Mojstrovka.gpx", &g), CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "no times"));
	assert_int_equal(g.n, 0);

	/* BOM files carry no track; they must still parse */
	assert_int_equal(read_corpus("gpx/gpxpy__unicode_with_bom.gpx", &g), CO_EUNSUPPORTED);
	assert_int_equal(read_corpus("gpx/gpxpy__unicode_with_bom_noencoding.gpx", &g), CO_EUNSUPPORTED);

	/* the file convenience reads the same, and names a missing file */
	assert_int_equal(co_xmltrack_read_file(CO_XMLTRACK_AUTO, "/nonexistent/x.gpx", collect, &g),
			 CO_EIO);
	assert_non_null(strstr(co_error_last(), "'/nonexistent/x.gpx': "));
	{
		char path[2048];
		got h = {0};

		snprintf(path, sizeof(path), "%s/gpx/sportslib__samples-garmin.gpx", co_test_corpus());
		assert_int_equal(co_xmltrack_read_file(CO_XMLTRACK_AUTO, path, collect, &h), 0);
		assert_int_equal(read_corpus("gpx/sportslib__samples-garmin.gpx", &g), 0);
		assert_int_equal(h.n, 1);
		assert_true(h.acts[0]->distance == g.acts[0]->distance);
		assert_int_equal(h.acts[0]->nsamples, g.acts[0]->nsamples);
		got_free(&h);
		got_free(&g);
	}

	/* GPX 1.0 with <speed> */
	assert_int_equal(read_corpus("gpx/gpxpy__track_with_speed.gpx", &g), 0);
	assert_int_equal(g.info[0].points, 3);
	assert_true(co_sample_speed(&g.acts[0]->samples[0]) > 0);
	got_free(&g);

	/* MapSource: three days' tracks in one file are three activities */
	assert_int_equal(read_corpus("gpx/togeojson__multitrackgpx.gpx", &g), 0);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.info[0].points + g.info[1].points + g.info[2].points, 5235);
	got_free(&g);

	/* HR missing on some points: the mean is over those that have it */
	assert_int_equal(read_corpus("gpx/togeojson__missing_hr.gpx", &g), 0);
	assert_int_equal(g.info[0].points, 16);
	assert_int_equal(g.info[0].hr_points, 9);
	got_free(&g);

	/* one run exported twice (Movescount and Sports Tracker) */
	got h = {0};
	assert_int_equal(read_corpus("gpx/sportslib__samples-movescount.gpx", &g), 0);
	assert_int_equal(read_corpus("gpx/sportslib__samples-sports-tracker.gpx", &h), 0);
	assert_true(llabs(g.acts[0]->start - h.acts[0]->start) <= 5);
	assert_true(fabs(g.acts[0]->distance / h.acts[0]->distance - 1) < 0.01);
	assert_true(abs(g.acts[0]->avg_hr - h.acts[0]->avg_hr) <= 2);
	got_free(&g);
	got_free(&h);
}

/* ---- the same run in GPX, TCX and FIT ---------------------------------- */

static double mean_cadence(const co_activity *a)
{
	double sum = 0;
	size_t n = 0;

	for (size_t i = 0; i < a->nsamples; i++)
		if (a->samples[i].cadence != CO_NO_U16) {
			sum += co_sample_cadence(&a->samples[i]);
			n++;
		}
	return n ? sum / (double)n : -1;
}

static void test_cross_6782987395(void **state)
{
	got gpx = {0}, tcx = {0};
	co_activity *fit;

	(void)state;
	if (read_corpus("gpx/sportslib__runs-6782987395.gpx", &gpx) == CO_EIO)
		skip();
	assert_int_equal(read_kind(CO_XMLTRACK_TCX, "tcx/sportslib__runs-6782987395.tcx", &tcx), 0);
	assert_int_equal(gpx.n, 1);
	assert_int_equal(tcx.n, 1);

	const co_activity *g = gpx.acts[0], *t = tcx.acts[0];
	assert_int_equal(g->start, 1560591743); /* 2019-06-15T09:42:23Z */
	assert_int_equal(t->start, g->start);
	assert_true(fabs(g->elapsed - t->elapsed) <= 1);
	/* GPX distance is computed from positions, TCX's is the watch's */
	assert_true(fabs(g->distance / t->distance - 1) < 0.01);
	assert_int_equal(g->avg_hr, t->avg_hr);
	assert_int_equal(g->max_hr, t->max_hr);
	/* 79.7 strides per minute in all three files: 159.4 steps */
	assert_true(fabs(gpx.info[0].cad_mean - 79.7) < 0.05);
	assert_true(fabs(tcx.info[0].cad_mean - 79.7) < 0.05);
	assert_true(fabs(mean_cadence(g) - 2 * 79.7) < 0.2);
	assert_true(fabs(mean_cadence(t) - 2 * 79.7) < 0.2);
	assert_int_equal(g->sport, CO_SPORT_RUNNING);
	assert_int_equal(t->sport, CO_SPORT_RUNNING);

	fit = co_test_read_fit("fit/sportslib__runs-6782987395.fit");
	if (fit) {
		assert_int_equal(fit->start, g->start);
		assert_true(fabs(fit->elapsed - g->elapsed) <= 1);
		assert_true(fabs(g->distance / fit->distance - 1) < 0.01);
		assert_true(fabs(t->distance / fit->distance - 1) < 0.001);
		assert_true(abs(fit->avg_hr - g->avg_hr) <= 1);
		assert_true(fabs(mean_cadence(fit) - mean_cadence(g)) < 0.5);
		co_activity_free(fit);
	}
	got_free(&gpx);
	got_free(&tcx);
}

/*
 * 2067489619 was recorded with Garmin "smart recording" (a point every few
 * seconds), so straight lines between points cut the corners the watch's
 * own distance follows: within 3 %, not 1 %.
 */
static void test_cross_2067489619(void **state)
{
	got gpx = {0};
	co_activity *fit;
	double hr_mean = 0;
	size_t n = 0;

	(void)state;
	if (read_corpus("gpx/sportslib__runs-2067489619.gpx", &gpx) == CO_EIO)
		skip();
	fit = co_test_read_fit("fit/sportslib__runs-2067489619.fit");
	if (!fit)
		skip();
	const co_activity *g = gpx.acts[0];
	assert_int_equal(g->start, fit->start);
	assert_true(fabs(g->elapsed - fit->elapsed) / fit->elapsed < 0.005);
	assert_true(fabs(g->distance / fit->distance - 1) < 0.03);
	/* compare like with like: the mean of the recorded HR samples */
	for (size_t i = 0; i < fit->nsamples; i++)
		if (fit->samples[i].hr) {
			hr_mean += fit->samples[i].hr;
			n++;
		}
	assert_true(n > 0);
	assert_true(fabs(gpx.info[0].hr_mean - hr_mean / (double)n) < 1.0);
	assert_true(fabs(mean_cadence(g) - mean_cadence(fit)) < 1.0);
	co_activity_free(fit);
	got_free(&gpx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_track),
		cmocka_unit_test(test_chunking),
		cmocka_unit_test(test_extension_prefixes),
		cmocka_unit_test(test_hr_outside_extensions_ignored),
		cmocka_unit_test(test_missing_and_empty_elevation),
		cmocka_unit_test(test_ascent_dead_band),
		cmocka_unit_test(test_no_times_skipped),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_jitter_is_not_distance),
		cmocka_unit_test(test_bad_coordinates),
		cmocka_unit_test(test_bom_and_leading_whitespace),
		cmocka_unit_test(test_malformed_xml_names_line),
		cmocka_unit_test(test_huge_token_refused),
		cmocka_unit_test(test_routes_and_waypoints_skipped),
		cmocka_unit_test(test_wrong_root),
		cmocka_unit_test(test_multi_track),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_offset_kept),
		cmocka_unit_test(test_corpus_all),
		cmocka_unit_test(test_corpus_known_files),
		cmocka_unit_test(test_cross_6782987395),
		cmocka_unit_test(test_cross_2067489619),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
