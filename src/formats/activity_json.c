/*
 * Imported activities as JSON, written by hand.
 *
 * Only src/formats/json.c may use the JSON library, so this file writes
 * its JSON itself: a small emitter over co_strbuf that escapes every string
 * (quotes, backslashes, control characters; bytes >= 0x80 pass through, as
 * JSON allows UTF-8, except that invalid UTF-8 is replaced by U+FFFD so the
 * output always parses) and writes numbers that are unknown (negative, NaN
 * or infinite) as null.
 *
 * Three documents come out of here:
 *   - laps_json (co_activity_laps_to_json), stored with each activity;
 *   - summary_json (co_activity_summary_to_json): the markers found at
 *     import, a flat object;
 *   - the `activities --json` array (co_activities_to_json), built from
 *     stored rows. Its laps are the stored laps_json, copied as they are
 *     (the store checked them with json_valid), and its markers are the
 *     values of summary_json's top-level keys, found by a scanner that
 *     understands JSON tokens (strings with escapes, nesting) rather than
 *     by searching text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/analysis.h"
#include "carryover/athlete.h"
#include "carryover/date.h"
#include "carryover/error.h"
#include "carryover/import.h"
#include "util/strbuf.h"

char *co_import_iso_utc(int64_t t, char buf[32])
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	int y, m, d;

	co_date_to_ymd((co_date)days, &y, &m, &d);
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}

/* Local time "2024-05-01T08:30:00+02:00" from UTC seconds and an offset. */
static void iso_local(char buf[48], int64_t t, int32_t offset)
{
	char utc[32];
	int32_t a = offset < 0 ? -offset : offset;

	co_import_iso_utc(t + offset, utc);
	utc[19] = '\0';
	snprintf(buf, 48, "%.19s%c%02d:%02d", utc, offset < 0 ? '-' : '+', (int)(a / 3600),
		 (int)(a / 60 % 60));
}

/* Length of a valid UTF-8 sequence at s (at most n bytes), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

static void put_str(co_strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (!s) {
		co_strbuf_adds(sb, "null");
		return;
	}
	n = strlen(s);
	co_strbuf_addch(sb, '"');
	while (n) {
		unsigned char c = *p;
		size_t k;

		switch (c) {
		case '"': co_strbuf_adds(sb, "\\\""); break;
		case '\\': co_strbuf_adds(sb, "\\\\"); break;
		case '\n': co_strbuf_adds(sb, "\\n"); break;
		case '\r': co_strbuf_adds(sb, "\\r"); break;
		case '\t': co_strbuf_adds(sb, "\\t"); break;
		case '\b': co_strbuf_adds(sb, "\\b"); break;
		case '\f': co_strbuf_adds(sb, "\\f"); break;
		default:
			if (c < 0x20 || c == 0x7F) {
				co_strbuf_addf(sb, "\\u%04x", c);
			} else if (c < 0x80) {
				co_strbuf_addch(sb, (char)c);
			} else if ((k = utf8_len(p, n)) != 0) {
				co_strbuf_add(sb, p, k);
				p += k - 1;
				n -= k - 1;
			} else {
				co_strbuf_adds(sb, "\\ufffd");
			}
		}
		p++;
		n--;
	}
	co_strbuf_addch(sb, '"');
}

static void put_key(co_strbuf *sb, const char *key, bool *first)
{
	if (!*first)
		co_strbuf_addch(sb, ',');
	*first = false;
	put_str(sb, key);
	co_strbuf_addch(sb, ':');
}

/* A number with up to `prec` significant digits; null when unknown. */
static void put_num(co_strbuf *sb, double v, int prec)
{
	if (!isfinite(v) || v < 0) {
		co_strbuf_adds(sb, "null");
		return;
	}
	if (v == floor(v) && v < 1e15)
		co_strbuf_addf(sb, "%.0f", v);
	else
		co_strbuf_addf(sb, "%.*g", prec, v);
}

/* As put_num, but a signed value (decoupling may be negative). */
static void put_signed(co_strbuf *sb, double v, int prec)
{
	if (!isfinite(v))
		co_strbuf_adds(sb, "null");
	else
		co_strbuf_addf(sb, "%.*g", prec, v);
}

static void put_int(co_strbuf *sb, long long v)
{
	if (v < 0)
		co_strbuf_adds(sb, "null");
	else
		co_strbuf_addf(sb, "%lld", v);
}

/* Seconds per km; unknown (-1) without a distance. */
static double pace(double seconds, double metres)
{
	if (seconds <= 0 || metres < 50)
		return -1;
	return seconds / (metres / 1000.0);
}

int co_activity_laps_to_json(char **out, const co_activity *act)
{
	co_strbuf sb = CO_STRBUF_INIT;
	char iso[32];

	co_strbuf_addch(&sb, '[');
	for (size_t i = 0; i < act->nlaps; i++) {
		const co_lap *l = &act->laps[i];
		double secs = l->moving > 0 ? l->moving : l->elapsed;
		bool first = true;

		if (i)
			co_strbuf_addch(&sb, ',');
		co_strbuf_addch(&sb, '{');
		put_key(&sb, "start", &first);
		put_str(&sb, l->start > 0 ? co_import_iso_utc(l->start, iso) : NULL);
		put_key(&sb, "elapsed_s", &first);
		put_num(&sb, l->elapsed, 10);
		put_key(&sb, "moving_s", &first);
		put_num(&sb, l->moving, 10);
		put_key(&sb, "distance_m", &first);
		put_num(&sb, l->distance, 10);
		put_key(&sb, "avg_hr", &first);
		put_int(&sb, l->avg_hr ? l->avg_hr : -1);
		put_key(&sb, "max_hr", &first);
		put_int(&sb, l->max_hr ? l->max_hr : -1);
		put_key(&sb, "pace_s_per_km", &first);
		put_num(&sb, pace(secs, l->distance), 6);
		co_strbuf_addch(&sb, '}');
	}
	co_strbuf_addch(&sb, ']');
	*out = co_strbuf_detach(&sb);
	return 0;
}

int co_activity_summary_to_json(char **out, const co_activity *act,
				const co_run_markers *m)
{
	co_strbuf sb = CO_STRBUF_INIT;
	size_t hr = 0, pos = 0;
	bool first = true;

	for (size_t i = 0; i < act->nsamples; i++) {
		hr += act->samples[i].hr != 0;
		pos += act->samples[i].lat != CO_NO_POS;
	}
	co_strbuf_addch(&sb, '{');
	put_key(&sb, "format", &first);
	put_str(&sb, act->format);
	put_key(&sb, "type", &first);
	put_str(&sb, co_run_type_name(m->type));
	put_key(&sb, "type_reason", &first);
	put_str(&sb, m->reason);
	put_key(&sb, "threshold_pace_s_per_km", &first);
	put_num(&sb, m->threshold_pace > 0 ? m->threshold_pace : -1, 6);
	put_key(&sb, "threshold_vdot", &first);
	put_num(&sb, m->threshold_vdot > 0 ? m->threshold_vdot : -1, 4);
	put_key(&sb, "ef", &first);
	put_num(&sb, m->ef > 0 ? m->ef : -1, 4);
	put_key(&sb, "decoupling", &first);
	if (m->has_decoupling)
		put_signed(&sb, m->decoupling, 4);
	else
		co_strbuf_adds(&sb, "null");
	put_key(&sb, "samples", &first);
	put_int(&sb, (long long)act->nsamples);
	put_key(&sb, "sample_stride_s", &first);
	put_int(&sb, act->sample_stride);
	put_key(&sb, "hr_samples", &first);
	put_int(&sb, (long long)hr);
	put_key(&sb, "pos_samples", &first);
	put_int(&sb, (long long)pos);
	put_key(&sb, "sub_sport_id", &first);
	put_int(&sb, act->sub_sport);
	put_key(&sb, "utc_offset_known", &first);
	co_strbuf_adds(&sb, act->has_utc_offset ? "true" : "false");
	put_key(&sb, "truncated", &first);
	co_strbuf_adds(&sb, act->truncated ? "true" : "false");
	co_strbuf_addch(&sb, '}');
	*out = co_strbuf_detach(&sb);
	return 0;
}

/* --- reading back our own summary_json ----------------------------------- */

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* The end of the JSON string starting at p (on its '"'), or NULL. */
static const char *skip_string(const char *p)
{
	for (p++; *p; p++) {
		if (*p == '\\') {
			if (!p[1])
				return NULL;
			p++;
		} else if (*p == '"') {
			return p + 1;
		}
	}
	return NULL;
}

/* The end of the JSON value starting at p, or NULL when malformed. */
static const char *skip_value(const char *p)
{
	int depth = 0;

	p = skip_ws(p);
	do {
		if (*p == '"') {
			if (!(p = skip_string(p)))
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			if (--depth < 0)
				return NULL;
		} else if (!*p) {
			return NULL;
		} else if (depth == 0 && (*p == ',' )) {
			return NULL;
		} else if (depth == 0) {
			/* a scalar: up to the next delimiter */
			while (*p && *p != ',' && *p != '}' && *p != ']' && *p != ' ' &&
			       *p != '\n' && *p != '\t' && *p != '\r')
				p++;
			return p;
		}
		p++;
	} while (depth > 0);
	return p;
}

/*
 * The raw text of top-level key `key` of the object `json`, in *val and *len.
 * False when absent or when json is not an object we can scan.
 */
static bool json_get(const char *json, const char *key, const char **val, size_t *len)
{
	const char *p, *k, *e;
	size_t klen = strlen(key);

	if (!json)
		return false;
	p = skip_ws(json);
	if (*p++ != '{')
		return false;
	for (;;) {
		p = skip_ws(p);
		if (*p == '}' || *p != '"')
			return false;
		k = p + 1;
		if (!(p = skip_string(p)))
			return false;
		e = p - 1;
		p = skip_ws(p);
		if (*p++ != ':')
			return false;
		p = skip_ws(p);
		const char *v = p;
		if (!(p = skip_value(p)))
			return false;
		if ((size_t)(e - k) == klen && !memcmp(k, key, klen)) {
			*val = v;
			*len = (size_t)(p - v);
			return *len > 0;
		}
		p = skip_ws(p);
		if (*p == ',')
			p++;
		else
			return false;
	}
}

static void put_from_summary(co_strbuf *sb, const char *summary, const char *key)
{
	const char *v;
	size_t n;

	if (json_get(summary, key, &v, &n))
		co_strbuf_add(sb, v, n);
	else
		co_strbuf_adds(sb, "null");
}

int co_activities_to_json(char **out, const co_store_activity_row *rows, size_t n)
{
	co_strbuf sb = CO_STRBUF_INIT;
	char iso[32], local[48], day[11];

	co_strbuf_adds(&sb, "[");
	for (size_t i = 0; i < n; i++) {
		const co_store_activity_row *r = &rows[i];
		double secs = r->moving_s > 0 ? r->moving_s : r->elapsed_s;
		bool first = true;

		co_strbuf_adds(&sb, i ? ",\n " : "\n ");
		co_strbuf_addch(&sb, '{');
		put_key(&sb, "id", &first);
		co_strbuf_addf(&sb, "%lld", (long long)r->id);
		put_key(&sb, "start", &first);
		put_str(&sb, co_import_iso_utc(r->start_utc, iso));
		put_key(&sb, "local_start", &first);
		iso_local(local, r->start_utc, r->utc_offset_s);
		put_str(&sb, local);
		put_key(&sb, "date", &first);
		put_str(&sb, co_date_format(r->local_date, day));
		put_key(&sb, "sport", &first);
		put_str(&sb, r->sport);
		put_key(&sb, "sub_sport", &first);
		put_str(&sb, r->sub_sport);
		put_key(&sb, "type", &first);
		put_from_summary(&sb, r->summary_json, "type");
		put_key(&sb, "duration_s", &first);
		put_num(&sb, r->elapsed_s, 10);
		put_key(&sb, "moving_s", &first);
		put_num(&sb, r->moving_s, 10);
		put_key(&sb, "distance_m", &first);
		put_num(&sb, r->distance_m, 10);
		put_key(&sb, "pace_s_per_km", &first);
		put_num(&sb, pace(secs, r->distance_m), 6);
		put_key(&sb, "avg_hr", &first);
		put_int(&sb, r->avg_hr);
		put_key(&sb, "max_hr", &first);
		put_int(&sb, r->max_hr);
		put_key(&sb, "ascent_m", &first);
		put_num(&sb, r->ascent_m, 6);
		put_key(&sb, "threshold_pace_s_per_km", &first);
		put_from_summary(&sb, r->summary_json, "threshold_pace_s_per_km");
		put_key(&sb, "ef", &first);
		put_from_summary(&sb, r->summary_json, "ef");
		put_key(&sb, "decoupling", &first);
		put_from_summary(&sb, r->summary_json, "decoupling");
		put_key(&sb, "device", &first);
		put_str(&sb, r->device);
		put_key(&sb, "rpe", &first);
		put_num(&sb, r->rpe, 3);
		put_key(&sb, "feel", &first);
		put_int(&sb, r->feel);
		put_key(&sb, "laps", &first);
		co_strbuf_adds(&sb, r->laps_json ? r->laps_json : "[]");
		put_key(&sb, "source", &first);
		put_str(&sb, r->source);
		put_key(&sb, "hash", &first);
		put_str(&sb, r->hash);
		co_strbuf_addch(&sb, '}');
	}
	co_strbuf_adds(&sb, n ? "\n]\n" : "]\n");
	*out = co_strbuf_detach(&sb);
	return 0;
}
