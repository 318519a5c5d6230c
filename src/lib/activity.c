/*
 * The format-neutral activity (include/carryover/activity.h), the engine's
 * model of a recorded run: lifecycle, the sample-stream builder every
 * reader shares, and the FIT sport and sub_sport names. It lives in the
 * engine (not in formats/) because the analysis reads it, and the engine
 * links without the formats layer.
 *
 * The builder is where the stream rules live, so that FIT, GPX and TCX
 * resample alike: at most one sample per `sample_stride` seconds (samples
 * closer than that are merged into the previous one), and at most
 * `sample_cap` samples (on overflow every other sample goes and the
 * stride doubles). Memory is therefore bounded by sample_cap * 24 bytes
 * however long the recording.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carryover/activity.h"
#include "carryover/error.h"
#include "util/vec.h"

void co_activity_init(co_activity *act)
{
	memset(act, 0, sizeof(*act));
	act->format = "";
	act->sport = CO_SPORT_GENERIC;
	act->elapsed = CO_UNKNOWN;
	act->moving = CO_UNKNOWN;
	act->distance = CO_UNKNOWN;
	act->avg_speed = CO_UNKNOWN;
	act->ascent = CO_UNKNOWN;
	act->feel = -1;
	act->rpe = CO_UNKNOWN;
	act->sample_cap = CO_SAMPLE_CAP_DEFAULT;
	act->sample_stride = 1;
}

void co_activity_release(co_activity *act)
{
	if (!act)
		return;
	free(act->laps);
	free(act->samples);
	co_activity_init(act);
}

void co_activity_free(co_activity *act)
{
	if (!act)
		return;
	co_activity_release(act);
	free(act);
}

int co_activity_copy(co_activity **out, const co_activity *src)
{
	co_activity *a = malloc(sizeof(*a));

	*out = NULL;
	if (!a)
		goto nomem;
	*a = *src;
	a->laps = NULL;
	a->samples = NULL;
	a->laps_alloc = src->nlaps;
	a->samples_alloc = src->nsamples;
	if (src->nlaps) {
		a->laps = malloc(src->nlaps * sizeof(*a->laps));
		if (!a->laps)
			goto nomem;
		memcpy(a->laps, src->laps, src->nlaps * sizeof(*a->laps));
	}
	if (src->nsamples) {
		a->samples = malloc(src->nsamples * sizeof(*a->samples));
		if (!a->samples)
			goto nomem;
		memcpy(a->samples, src->samples,
		       src->nsamples * sizeof(*a->samples));
	}
	*out = a;
	return 0;
nomem:
	if (a) {
		free(a->laps);
		free(a);
	}
	return co_error_set(CO_ENOMEM, "out of memory copying an activity");
}

/* Fill the fields of dst that are absent from those src has. */
static void merge_sample(co_sample *dst, const co_sample *src)
{
	if (dst->lat == CO_NO_POS && src->lat != CO_NO_POS) {
		dst->lat = src->lat;
		dst->lon = src->lon;
	}
	if (dst->distance < 0)
		dst->distance = src->distance;
	if (dst->altitude == CO_NO_U16)
		dst->altitude = src->altitude;
	if (dst->speed == CO_NO_U16)
		dst->speed = src->speed;
	if (dst->cadence == CO_NO_U16)
		dst->cadence = src->cadence;
	if (!dst->hr)
		dst->hr = src->hr;
}

/* Keep samples 0, 2, 4, ...: neighbours are now >= 2 x stride apart. */
static void decimate(co_activity *act)
{
	size_t i, n = 0;

	for (i = 0; i < act->nsamples; i += 2)
		act->samples[n++] = act->samples[i];
	act->nsamples = n;
	act->sample_stride = act->sample_stride > UINT32_MAX / 2 ?
		UINT32_MAX : act->sample_stride * 2;
}

int co_activity_add_sample(co_activity *act, const co_sample *s)
{
	co_sample *last;
	size_t cap = act->sample_cap < 2 ? 2 : act->sample_cap;

	if (act->sample_stride == 0)
		act->sample_stride = 1;
	if (act->nsamples) {
		last = &act->samples[act->nsamples - 1];
		if (s->t < last->t ||
		    s->t - last->t < act->sample_stride) {
			merge_sample(last, s);
			return 0;
		}
	}
	if (act->nsamples >= cap) {
		decimate(act);
		last = &act->samples[act->nsamples - 1];
		if (s->t - last->t < act->sample_stride) {
			merge_sample(last, s);
			return 0;
		}
	}
	if (act->nsamples == act->samples_alloc) {
		size_t n = act->samples_alloc ? act->samples_alloc * 2 : 256;
		co_sample *p;

		if (n > cap)
			n = cap;
		p = realloc(act->samples, n * sizeof(*p));
		if (!p)
			return co_error_set(CO_ENOMEM, "out of memory for samples");
		act->samples = p;
		act->samples_alloc = n;
	}
	act->samples[act->nsamples++] = *s;
	return 0;
}

int co_activity_add_lap(co_activity *act, const co_lap *lap)
{
	*CO_VEC_PUSH(act->laps, act->nlaps, act->laps_alloc) = *lap;
	return 0;
}

/*
 * Ascent from altitudes with a 3 m dead band, so GPS and barometer noise
 * does not add up to hundreds of phantom metres.
 */
static double ascent_of(const co_activity *act)
{
	double base = NAN, sum = 0;
	size_t i;

	for (i = 0; i < act->nsamples; i++) {
		double alt = co_sample_altitude(&act->samples[i]);

		if (alt == CO_NO_ALTITUDE)
			continue;
		if (isnan(base) || alt < base) {
			base = alt;
		} else if (alt - base >= 3.0) {
			sum += alt - base;
			base = alt;
		}
	}
	return isnan(base) ? CO_UNKNOWN : sum;
}

void co_activity_finish(co_activity *act)
{
	double hr_sum = 0, dist = CO_UNKNOWN;
	size_t i, hr_n = 0;
	unsigned max_hr = 0;

	if (!act->nsamples)
		return;
	for (i = 0; i < act->nsamples; i++) {
		const co_sample *s = &act->samples[i];

		if (s->hr) {
			hr_sum += s->hr;
			hr_n++;
			if (s->hr > max_hr)
				max_hr = s->hr;
		}
		if (s->distance >= 0 && s->distance > dist)
			dist = s->distance;
	}
	if (act->elapsed < 0)
		act->elapsed = act->samples[act->nsamples - 1].t;
	if (act->distance < 0)
		act->distance = dist;
	if (!act->avg_hr && hr_n)
		act->avg_hr = (uint8_t)lround(hr_sum / (double)hr_n);
	if (!act->max_hr)
		act->max_hr = (uint8_t)max_hr;
	if (act->avg_speed < 0 && act->distance >= 0) {
		double t = act->moving > 0 ? act->moving : act->elapsed;

		if (t > 0)
			act->avg_speed = act->distance / t;
	}
	if (act->ascent < 0)
		act->ascent = ascent_of(act);
}

void co_sample_init(co_sample *s)
{
	memset(s, 0, sizeof(*s));
	s->lat = CO_NO_POS;
	s->lon = CO_NO_POS;
	s->distance = -1.0f;
	s->altitude = CO_NO_U16;
	s->speed = CO_NO_U16;
	s->cadence = CO_NO_U16;
}

double co_sample_lat(const co_sample *s)
{
	return s->lat == CO_NO_POS ? CO_UNKNOWN : s->lat / 1e7;
}

double co_sample_lon(const co_sample *s)
{
	return s->lon == CO_NO_POS ? CO_UNKNOWN : s->lon / 1e7;
}

double co_sample_altitude(const co_sample *s)
{
	return s->altitude == CO_NO_U16 ? CO_NO_ALTITUDE :
		s->altitude / 5.0 - 500.0;
}

double co_sample_speed(const co_sample *s)
{
	return s->speed == CO_NO_U16 ? CO_UNKNOWN : s->speed / 1000.0;
}

double co_sample_cadence(const co_sample *s)
{
	return s->cadence == CO_NO_U16 ? CO_UNKNOWN : s->cadence / 16.0;
}

static uint16_t to_u16(double v)
{
	if (v < 0)
		return 0;
	if (v > 65534)
		return 65534;
	return (uint16_t)lround(v);
}

void co_sample_set_pos(co_sample *s, double lat, double lon)
{
	if (isnan(lat) || isnan(lon) || lat < -90 || lat > 90 ||
	    lon < -180 || lon > 180) {
		s->lat = s->lon = CO_NO_POS;
		return;
	}
	s->lat = (int32_t)lround(lat * 1e7);
	s->lon = (int32_t)lround(lon * 1e7);
}

void co_sample_set_altitude(co_sample *s, double m)
{
	s->altitude = isnan(m) ? CO_NO_U16 : to_u16((m + 500.0) * 5.0);
}

void co_sample_set_speed(co_sample *s, double mps)
{
	s->speed = isnan(mps) || mps < 0 ? CO_NO_U16 : to_u16(mps * 1000.0);
}

void co_sample_set_cadence(co_sample *s, double spm)
{
	s->cadence = isnan(spm) || spm < 0 ? CO_NO_U16 : to_u16(spm * 16.0);
}

/* The FIT profile's sport enum (SDK 21.217), snake_case. */
static const char *const sport_names[] = {
	[0] = "generic", [1] = "running", [2] = "cycling",
	[3] = "transition", [4] = "fitness_equipment", [5] = "swimming",
	[6] = "basketball", [7] = "soccer", [8] = "tennis",
	[9] = "american_football", [10] = "training", [11] = "walking",
	[12] = "cross_country_skiing", [13] = "alpine_skiing",
	[14] = "snowboarding", [15] = "rowing", [16] = "mountaineering",
	[17] = "hiking", [18] = "multisport", [19] = "paddling",
	[20] = "flying", [21] = "e_biking", [22] = "motorcycling",
	[23] = "boating", [24] = "driving", [25] = "golf",
	[26] = "hang_gliding", [27] = "horseback_riding", [28] = "hunting",
	[29] = "fishing", [30] = "inline_skating", [31] = "rock_climbing",
	[32] = "sailing", [33] = "ice_skating", [34] = "sky_diving",
	[35] = "snowshoeing", [36] = "snowmobiling",
	[37] = "stand_up_paddleboarding", [38] = "surfing",
	[39] = "wakeboarding", [40] = "water_skiing", [41] = "kayaking",
	[42] = "rafting", [43] = "windsurfing", [44] = "kitesurfing",
	[45] = "tactical", [46] = "jumpmaster", [47] = "boxing",
	[48] = "floor_climbing", [49] = "baseball", [53] = "diving",
	[56] = "shooting", [58] = "winter_sport", [59] = "grinding",
	[62] = "hiit", [63] = "video_gaming", [64] = "racket",
	[65] = "wheelchair_push_walk", [66] = "wheelchair_push_run",
	[67] = "meditation", [68] = "para_sport", [69] = "disc_golf",
	[70] = "team_sport", [71] = "cricket", [72] = "rugby",
	[73] = "hockey", [74] = "lacrosse", [75] = "volleyball",
	[76] = "water_tubing", [77] = "wakesurfing", [78] = "water_sport",
	[79] = "archery", [80] = "mixed_martial_arts",
	[81] = "motor_sports", [82] = "snorkeling", [83] = "dance",
	[84] = "jump_rope", [85] = "pool_apnea", [86] = "mobility",
	[87] = "geocaching", [88] = "canoeing",
};

const char *co_sport_name(int sport)
{
	if (sport >= 0 && (size_t)sport < sizeof(sport_names) / sizeof(*sport_names) &&
	    sport_names[sport])
		return sport_names[sport];
	return "unknown";
}

/* The FIT profile's sub_sport enum (SDK 21.217), snake_case; 0 is generic. */
static const char *const sub_sport_names[] = {
	NULL, "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road",
	"mountain", "downhill", "recumbent", "cyclocross", "hand_cycling", "track_cycling",
	"indoor_rowing", "elliptical", "stair_climbing", "lap_swimming", "open_water",
	"flexibility_training", "strength_training", "warm_up", "match", "exercise",
	"challenge", "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness",
	"bmx", "casual_walking", "speed_walking", "bike_to_run_transition",
	"run_to_bike_transition", "swim_to_bike_transition", "atv", "motocross",
	"backcountry", "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga",
	"pilates", "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting",
	"mixed_surface", "navigate", "track_me", "map",
};

const char *co_sub_sport_name(int sub_sport)
{
	if (sub_sport > 0 && (size_t)sub_sport < sizeof(sub_sport_names) / sizeof(*sub_sport_names))
		return sub_sport_names[sub_sport];
	return NULL;
}

int co_sport_parse(const char *name)
{
	static const struct {
		const char *name;
		int sport;
	} aliases[] = {
		{"run", CO_SPORT_RUNNING}, {"biking", CO_SPORT_CYCLING},
		{"bike", CO_SPORT_CYCLING}, {"ride", CO_SPORT_CYCLING},
		{"swim", CO_SPORT_SWIMMING}, {"walk", CO_SPORT_WALKING},
		{"hike", CO_SPORT_HIKING}, {"other", CO_SPORT_GENERIC},
		{"trail_running", CO_SPORT_RUNNING},
		{"street_running", CO_SPORT_RUNNING},
		{"treadmill_running", CO_SPORT_RUNNING},
		{"mountain_biking", CO_SPORT_CYCLING},
		{"road_biking", CO_SPORT_CYCLING},
		{"strength_training", CO_SPORT_TRAINING},
	};
	char norm[40];
	size_t i, n = 0;

	if (!name)
		return CO_SPORT_GENERIC;
	while (*name == ' ' || *name == '\t')
		name++;
	for (; name[n] && n < sizeof(norm) - 1; n++) {
		char c = name[n];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == ' ' || c == '-')
			c = '_';
		norm[n] = c;
	}
	while (n && norm[n - 1] == '_')
		n--;
	norm[n] = '\0';
	for (i = 0; i < sizeof(aliases) / sizeof(*aliases); i++)
		if (!strcmp(norm, aliases[i].name))
			return aliases[i].sport;
	for (i = 0; i < sizeof(sport_names) / sizeof(*sport_names); i++)
		if (sport_names[i] && !strcmp(norm, sport_names[i]))
			return (int)i;
	return CO_SPORT_GENERIC;
}
