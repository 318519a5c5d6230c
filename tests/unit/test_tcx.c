/*
 * The TCX reader (src/formats/tcx.c over xmltrack.c): small documents for
 * each rule, then the real corpus, then agreement with the FIT recordings
 * of the same runs.
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
} got;

static int collect(void *ctx, const co_activity *a)
{
	got *g = ctx;

	if (g->n < MAXACT) {
		assert_int_equal(co_activity_copy(&g->acts[g->n], a), 0);
		g->info[g->n] = *co_xmltrack_info_get(g->reader);
		g->n++;
	}
	return 0;
}

static void got_free(got *g)
{
	for (int i = 0; i < g->n; i++)
		co_activity_free(g->acts[i]);
	memset(g, 0, sizeof(*g));
}

static int parse_chunked(const char *doc, size_t chunk, got *g)
{
	co_xmltrack *r = co_xmltrack_new(CO_XMLTRACK_TCX, "doc.tcx", collect, g);
	size_t len = strlen(doc), off = 0;
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
	return parse_chunked(doc, 1 << 20, g);
}

#define TCX_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"" \
	" xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n"
#define TCX_TAIL "</TrainingCenterDatabase>\n"

/* A trackpoint at second S of 07:30 with device distance D and HR H. */
#define TP(S, D, H) \
	"<Trackpoint><Time>2027-01-04T07:30:" S "Z</Time><DistanceMeters>" D "</DistanceMeters>" \
	"<HeartRateBpm><Value>" H "</Value></HeartRateBpm>" \
	"<Extensions><ns3:TPX><ns3:Speed>3.0</ns3:Speed><ns3:RunCadence>80</ns3:RunCadence></ns3:TPX></Extensions>" \
	"</Trackpoint>\n"

static const char run2laps[] = TCX_HEAD
	"<Activities><Activity Sport=\"Running\"><Id>2027-01-04T07:29:00Z</Id>\n"
	"<Lap StartTime=\"2027-01-04T07:30:00Z\"><TotalTimeSeconds>10</TotalTimeSeconds>"
	"<DistanceMeters>30</DistanceMeters><Calories>5</Calories>"
	"<AverageHeartRateBpm><Value>130</Value></AverageHeartRateBpm>"
	"<MaximumHeartRateBpm><Value>140</Value></MaximumHeartRateBpm>"
	"<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>\n"
	TP("00", "0", "120") TP("05", "15", "130") TP("10", "30", "140")
	"</Track></Lap>\n"
	"<Lap StartTime=\"2027-01-04T07:30:20Z\"><TotalTimeSeconds>10</TotalTimeSeconds>"
	"<DistanceMeters>40</DistanceMeters><Track>\n"
	TP("20", "30", "150") TP("25", "50", "150") TP("30", "70", "150")
	"</Track></Lap>\n"
	"<Creator xsi:type=\"Device_t\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	"<Name>Forerunner 945</Name><UnitId>1</UnitId></Creator>\n"
	"</Activity></Activities>\n"
	"<Author><Name>Connect Api</Name></Author>\n"
	TCX_TAIL;

static void test_basic_activity(void **state)
{
	got g = {0};
	const co_activity *a;

	(void)state;
	assert_int_equal(parse(run2laps, &g), 0);
	assert_int_equal(g.n, 1);
	a = g.acts[0];
	assert_string_equal(a->format, "tcx");
	assert_int_equal(a->sport, CO_SPORT_RUNNING);
	assert_string_equal(a->device, "Forerunner 945"); /* not the Author */
	/* the first lap's StartTime, not the Id (rounded to the minute) */
	assert_int_equal(a->start, 1799047800);
	assert_true(fabs(a->elapsed - 30) < 1e-9);
	assert_true(fabs(a->moving - 20) < 1e-9);   /* the laps' timer time */
	assert_true(fabs(a->distance - 70) < 1e-9); /* the laps' distance */
	assert_int_equal(a->avg_hr, 140);
	assert_int_equal(a->max_hr, 150);
	assert_int_equal(a->nlaps, 2);
	assert_int_equal(a->laps[0].start, 1799047800);
	assert_true(fabs(a->laps[0].elapsed - 20) < 1e-9); /* to the next lap */
	assert_true(fabs(a->laps[0].moving - 10) < 1e-9);
	assert_true(fabs(a->laps[0].distance - 30) < 1e-9);
	assert_true(fabs(a->laps[0].avg_speed - 3) < 1e-9);
	assert_int_equal(a->laps[0].avg_hr, 130);
	assert_int_equal(a->laps[0].max_hr, 140);
	assert_true(fabs(a->laps[1].elapsed - 10) < 1e-9);
	assert_int_equal(a->laps[1].avg_hr, 0);
	assert_int_equal(a->nsamples, 6);
	assert_int_equal(a->samples[4].t, 25);
	assert_true(fabs(a->samples[4].distance - 50) < 1e-6);
	assert_true(fabs(co_sample_speed(&a->samples[4]) - 3) < 1e-9);
	assert_true(fabs(co_sample_cadence(&a->samples[4]) - 160) < 1e-9);
	assert_int_equal(a->samples[4].lat, CO_NO_POS);
	assert_int_equal(g.info[0].points, 6);
	assert_int_equal(g.info[0].positioned, 0);
	got_free(&g);
}

static void test_chunking(void **state)
{
	got whole = {0};

	(void)state;
	assert_int_equal(parse(run2laps, &whole), 0);
	for (size_t chunk = 1; chunk < 40; chunk += 6) {
		got g = {0};

		assert_int_equal(parse_chunked(run2laps, chunk, &g), 0);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.acts[0]->nsamples, whole.acts[0]->nsamples);
		assert_memory_equal(g.acts[0]->samples, whole.acts[0]->samples,
				    whole.acts[0]->nsamples * sizeof(co_sample));
		assert_true(g.acts[0]->moving == whole.acts[0]->moving);
		got_free(&g);
	}
	got_free(&whole);
}

/* RunCadence in TPX with any prefix or none; bike Cadence otherwise. */
static void test_cadence_sources(void **state)
{
	static const struct {
		const char *ext;
		double steps; /* per minute, in the samples */
	} cases[] = {
		{"<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
		 "<RunCadence>85</RunCadence></TPX></Extensions>", 170},
		{"<Extensions><ax:TPX xmlns:ax=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
		 "<ax:RunCadence>85</ax:RunCadence></ax:TPX></Extensions>", 170},
		{"<Cadence>90</Cadence>", 180},
		{"<Cadence>90</Cadence><Extensions><ns3:TPX><ns3:RunCadence>85</ns3:RunCadence>"
		 "</ns3:TPX></Extensions>", 170},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char doc[2048];
		got g = {0};

		snprintf(doc, sizeof(doc), TCX_HEAD "<Activities><Activity Sport=\"Running\">"
			 "<Lap StartTime=\"2027-01-04T07:30:00Z\"><Track>"
			 "<Trackpoint><Time>2027-01-04T07:30:00Z</Time>%s</Trackpoint>"
			 "<Trackpoint><Time>2027-01-04T07:30:01Z</Time>%s</Trackpoint>"
			 "</Track></Lap></Activity></Activities>" TCX_TAIL, cases[i].ext, cases[i].ext);
		assert_int_equal(parse(doc, &g), 0);
		assert_int_equal(g.info[0].cad_points, 2);
		assert_true(fabs(co_sample_cadence(&g.acts[0]->samples[1]) - cases[i].steps) < 1e-9);
		got_free(&g);
	}
}

static void test_multi_activity(void **state)
{
	static const char doc[] = TCX_HEAD "<Activities>"
		"<Activity Sport=\"Biking\"><Id>2027-01-04T07:00:00Z</Id>"
		"<Lap StartTime=\"2027-01-04T07:00:00Z\"><TotalTimeSeconds>3600</TotalTimeSeconds>"
		"<DistanceMeters>30000</DistanceMeters></Lap></Activity>"
		"<MultiSportSession><FirstSport>"
		"<Activity Sport=\"Running\"><Id>2027-01-05T07:00:00+02:00</Id>"
		"<Lap StartTime=\"2027-01-05T07:00:00+02:00\"><TotalTimeSeconds>1800</TotalTimeSeconds>"
		"<DistanceMeters>5000</DistanceMeters></Lap></Activity>"
		"</FirstSport></MultiSportSession>"
		"</Activities>" TCX_TAIL;
	got g = {0};

	(void)state;
	assert_int_equal(parse(doc, &g), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.acts[0]->index, 0);
	assert_int_equal(g.acts[1]->index, 1);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_CYCLING);
	assert_int_equal(g.acts[1]->sport, CO_SPORT_RUNNING);
	/* laps without trackpoints still make an activity (a manual entry) */
	assert_true(fabs(g.acts[0]->elapsed - 3600) < 1e-9);
	assert_true(fabs(g.acts[0]->distance - 30000) < 1e-9);
	assert_int_equal(g.acts[0]->nsamples, 0);
	assert_int_equal(g.acts[1]->start, 1799047800 + 86400 - 30 * 60 - 2 * 3600);
	assert_int_equal(g.acts[1]->has_utc_offset, 1);
	assert_int_equal(g.acts[1]->utc_offset, 7200);
	got_free(&g);
}

static void test_positions_without_distance(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(TCX_HEAD "<Activities><Activity Sport=\"Other\"><Lap StartTime=\"2027-01-04T07:30:00Z\"><Track>"
			       "<Trackpoint><Time>2027-01-04T07:30:00Z</Time><Position><LatitudeDegrees>45.0</LatitudeDegrees>"
			       "<LongitudeDegrees>7</LongitudeDegrees></Position><AltitudeMeters>200</AltitudeMeters></Trackpoint>"
			       "<Trackpoint><Time>2027-01-04T07:30:10Z</Time><Position><LatitudeDegrees>45.0003</LatitudeDegrees>"
			       "<LongitudeDegrees>7</LongitudeDegrees></Position><AltitudeMeters>205</AltitudeMeters></Trackpoint>"
			       "<Trackpoint><Time>2027-01-04T07:30:20Z</Time><Position><LatitudeDegrees>no</LatitudeDegrees>"
			       "<LongitudeDegrees>undefined</LongitudeDegrees></Position></Trackpoint>"
			       "</Track></Lap></Activity></Activities>" TCX_TAIL, &g), 0);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_GENERIC);
	assert_true(fabs(g.acts[0]->distance - 33.36) < 0.05);
	assert_true(fabs(g.acts[0]->ascent - 5) < 0.5);
	assert_int_equal(g.info[0].positioned, 2);
	assert_true(fabs(co_sample_lat(&g.acts[0]->samples[1]) - 45.0003) < 1e-7);
	got_free(&g);
}

static void test_courses_skipped(void **state)
{
	got g = {0};

	(void)state;
	assert_int_equal(parse(TCX_HEAD "<Courses><Course><Name>Loop</Name>"
			       "<Lap><TotalTimeSeconds>600</TotalTimeSeconds></Lap><Track>"
			       "<Trackpoint><Time>2027-01-04T07:30:00Z</Time></Trackpoint>"
			       "<Trackpoint><Time>2027-01-04T07:40:00Z</Time></Trackpoint>"
			       "</Track></Course></Courses>" TCX_TAIL, &g), CO_EUNSUPPORTED);
	assert_string_equal(co_error_last(), "doc.tcx: a TCX course, not a recorded activity");
	assert_int_equal(parse(TCX_HEAD "<Activities/>" TCX_TAIL, &g), CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "no <Activity>"));
	assert_int_equal(parse(TCX_HEAD "<Activities><Activity Sport=\"Running\"><Id>2027-01-04T07:30:00Z</Id>"
			       "</Activity></Activities>" TCX_TAIL, &g), CO_EUNSUPPORTED);
	assert_non_null(strstr(co_error_last(), "no trackpoints"));
	assert_int_equal(g.n, 0);
}

static void test_strava_leading_spaces(void **state)
{
	char doc[sizeof(run2laps) + 16];
	got g = {0};

	(void)state;
	snprintf(doc, sizeof(doc), "          %s", run2laps);
	assert_int_equal(parse_chunked(doc, 4, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.acts[0]->nsamples, 6);
	got_free(&g);
}

static void test_malformed(void **state)
{
	got g = {0};

	(void)state;
	/* after 10 skipped spaces the column still counts them */
	assert_int_equal(parse("          <TrainingCenterDatabase><Activities></Activity>", &g), CO_EINPUT);
	assert_string_equal(co_error_last(), "doc.tcx:1:49: mismatched tag");
	assert_int_equal(parse(TCX_HEAD "<Activities><Activity Sport=\"Running\">\n<Lap StartTime=\"x\"<Track/>",
			       &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "doc.tcx:4:"));
	assert_int_equal(parse(TCX_HEAD "<Activities>", &g), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "no element found"));
	assert_int_equal(parse("<gpx version=\"1.1\"/>", &g), CO_EINPUT);
	assert_string_equal(co_error_last(), "doc.tcx: not a TCX file (root element 'gpx')");
	assert_int_equal(g.n, 0);
}

/* Nesting deeper than the reader tracks is parsed, not trusted. */
static void test_deep_nesting(void **state)
{
	char doc[8192];
	size_t n = 0;
	got g = {0};

	(void)state;
	n += (size_t)snprintf(doc + n, sizeof(doc) - n, "%s<Activities>", TCX_HEAD);
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(doc + n, sizeof(doc) - n, "<Activity>");
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(doc + n, sizeof(doc) - n, "</Activity>");
	snprintf(doc + n, sizeof(doc) - n, "</Activities>%s", TCX_TAIL);
	assert_int_equal(parse(doc, &g), CO_EUNSUPPORTED);
	assert_int_equal(g.n, 0);
}

/*
 * Issue 9.5: laps had no cap (a 117 MB TCX stored a 124 MB laps_json). The
 * first 4096 are kept, as FIT's; the totals still count every lap.
 */
static void test_laps_capped(void **state)
{
	const int nlaps = 6000;
	size_t cap = 64 + (size_t)nlaps * 160, n = 0;
	char *doc = malloc(cap + 512);
	got g = {0};

	(void)state;
	assert_non_null(doc);
	n += (size_t)sprintf(doc + n, "%s<Activities><Activity Sport=\"Running\">", TCX_HEAD);
	for (int i = 0; i < nlaps; i++)
		n += (size_t)sprintf(doc + n, "<Lap StartTime=\"2027-01-04T%02d:%02d:%02dZ\">"
				     "<TotalTimeSeconds>1</TotalTimeSeconds>"
				     "<DistanceMeters>3</DistanceMeters></Lap>",
				     i / 3600, i / 60 % 60, i % 60);
	sprintf(doc + n, "</Activity></Activities>%s", TCX_TAIL);
	assert_int_equal(parse(doc, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.acts[0]->nlaps, 4096);
	assert_true(fabs(g.acts[0]->moving - nlaps) < 1e-6);
	assert_true(fabs(g.acts[0]->distance - 3.0 * nlaps) < 1e-6);
	got_free(&g);
	free(doc);
}

/* ---- the corpus ------------------------------------------------------- */

static int read_corpus(const char *rel, got *g)
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
	r = co_xmltrack_new(CO_XMLTRACK_TCX, rel, collect, g);
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

static void test_corpus_all(void **state)
{
	char dir[1100];
	DIR *d;
	struct dirent *e;
	int files = 0, acts = 0;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/tcx", co_test_corpus());
	d = opendir(dir);
	if (!d)
		skip();
	while ((e = readdir(d))) {
		char rel[600];
		got g = {0};
		int rc;

		if (!strstr(e->d_name, ".tcx"))
			continue;
		snprintf(rel, sizeof(rel), "tcx/%s", e->d_name);
		rc = read_corpus(rel, &g);
		if (rc != 0 && rc != CO_EUNSUPPORTED)
			fail_msg("%s: %d %s", e->d_name, rc, co_error_last());
		for (int i = 0; i < g.n; i++) {
			const co_activity *a = g.acts[i];

			assert_true(a->start > 0);
			assert_true(a->elapsed > 0);
			assert_true(a->moving <= a->elapsed);
			assert_true(a->nlaps > 0);
			for (size_t k = 1; k < a->nsamples; k++)
				assert_true(a->samples[k].t > a->samples[k - 1].t);
		}
		acts += g.n;
		files++;
		got_free(&g);
	}
	closedir(d);
	assert_true(files >= 17);
	assert_true(acts >= 19);
}

static void test_corpus_known_files(void **state)
{
	got g = {0};

	(void)state;
	if (read_corpus("tcx/togeojson__tcx-courses.tcx", &g) == CO_EIO)
		skip();
	assert_non_null(strstr(co_error_last(), "course"));

	/* the Strava export with 10 spaces before <?xml */
	assert_int_equal(read_corpus("tcx/sportslib__runs-6281425038.tcx", &g), 0);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_RUNNING);
	assert_true(g.info[0].points > 1000);
	got_free(&g);

	/* Forerunner 305: Running, Biking, Running, Biking in one file */
	assert_int_equal(read_corpus("tcx/goldencheetah__rides-activity_165850259_multi-session.tcx", &g), 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_RUNNING);
	assert_int_equal(g.acts[1]->sport, CO_SPORT_CYCLING);
	assert_int_equal(g.info[0].points + g.info[1].points + g.info[2].points +
			 g.info[3].points, 1893);
	assert_true(g.acts[1]->start > g.acts[0]->start);
	got_free(&g);

	/* Fitbit: a +01:00 offset, extensions without a prefix, 0/0 positions */
	assert_int_equal(read_corpus("tcx/togeojson__tour_hr.tcx", &g), 0);
	assert_int_equal(g.acts[0]->has_utc_offset, 1);
	assert_int_equal(g.acts[0]->utc_offset, 3600);
	assert_int_equal(g.acts[0]->sport, CO_SPORT_CYCLING);
	assert_string_equal(g.acts[0]->device, "Fitbit Versa");
	got_free(&g);

	/* Movescount: no Creator */
	assert_int_equal(read_corpus("tcx/sportslib__samples-movescount.tcx", &g), 0);
	assert_string_equal(g.acts[0]->device, "");
	got_free(&g);
}

/* ---- the same run in TCX and FIT -------------------------------------- */

static void check_pair(const char *name, bool hr)
{
	char rel[300];
	got g = {0};
	co_activity *fit;
	const co_activity *t;

	snprintf(rel, sizeof(rel), "tcx/%s.tcx", name);
	if (read_corpus(rel, &g) == CO_EIO)
		skip();
	snprintf(rel, sizeof(rel), "fit/%s.fit", name);
	fit = co_test_read_fit(rel);
	if (!fit)
		skip();
	assert_int_equal(g.n, 1);
	t = g.acts[0];
	assert_int_equal(t->start, fit->start);
	assert_true(fabs(t->elapsed - fit->elapsed) <= 1.0);
	assert_true(fabs(t->distance / fit->distance - 1) < 0.001);
	/* the laps' TotalTimeSeconds are the watch's timer time */
	assert_true(fabs(t->moving - fit->moving) <= 1.0);
	assert_int_equal(t->sport, fit->sport);
	if (hr) {
		assert_true(abs(t->avg_hr - fit->avg_hr) <= 1);
		assert_int_equal(t->max_hr, fit->max_hr);
	}
	co_activity_free(fit);
	got_free(&g);
}

static void test_cross_10k_unlp(void **state)
{
	(void)state;
	check_pair("goldencheetah__runs-10kUNLP2014-Garmin15", false);
}

static void test_cross_6860622783(void **state)
{
	(void)state;
	check_pair("sportslib__runs-6860622783", true);
}

static void test_cross_6782987395(void **state)
{
	(void)state;
	check_pair("sportslib__runs-6782987395", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_activity),
		cmocka_unit_test(test_chunking),
		cmocka_unit_test(test_cadence_sources),
		cmocka_unit_test(test_multi_activity),
		cmocka_unit_test(test_positions_without_distance),
		cmocka_unit_test(test_courses_skipped),
		cmocka_unit_test(test_strava_leading_spaces),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_laps_capped),
		cmocka_unit_test(test_corpus_all),
		cmocka_unit_test(test_corpus_known_files),
		cmocka_unit_test(test_cross_10k_unlp),
		cmocka_unit_test(test_cross_6860622783),
		cmocka_unit_test(test_cross_6782987395),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
