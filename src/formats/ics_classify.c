/*
 * The classifier of calendar event summaries, ours and not libical's: a
 * coach writes "Tempo 40'", "Long run 1h30", "6x800", "Half marathon (B)",
 * and this turns each into a run type, minutes, a distance and, for races,
 * a priority (docs/formats/calendar.md has the table). It only reads the
 * words: dates, lengths and recurrences are the reader's (ics.c).
 *
 * Invariant: no guess without a trace. A summary that names nothing we
 * know is EV_UNKNOWN and a generic "Run" is EV_GENERIC_RUN, so that the
 * reader can say so in a warning.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "formats/ics_classify.h"
#include "util/strbuf.h"

typedef struct word_type {
	const char *word;
	co_run_type type;
} word_type;

/* Words that name a run type, in no particular order: the first one in the summary wins. */
static const word_type type_words[] = {
	{"rest", CO_RUN_REST}, {"off", CO_RUN_REST},
	{"easy", CO_RUN_EASY}, {"aerobic", CO_RUN_EASY}, {"steady", CO_RUN_EASY},
	{"jog", CO_RUN_EASY},
	{"recovery", CO_RUN_RECOVERY}, {"shakeout", CO_RUN_RECOVERY}, {"regen", CO_RUN_RECOVERY},
	{"long", CO_RUN_LONG}, {"lsd", CO_RUN_LONG},
	{"tempo", CO_RUN_TEMPO}, {"progression", CO_RUN_TEMPO},
	{"threshold", CO_RUN_THRESHOLD}, {"lt", CO_RUN_THRESHOLD}, {"cruise", CO_RUN_THRESHOLD},
	{"intervals", CO_RUN_INTERVALS}, {"interval", CO_RUN_INTERVALS},
	{"repeats", CO_RUN_INTERVALS}, {"reps", CO_RUN_INTERVALS}, {"track", CO_RUN_INTERVALS},
	{"vo2", CO_RUN_INTERVALS}, {"vo2max", CO_RUN_INTERVALS}, {"speed", CO_RUN_INTERVALS},
	{"hills", CO_RUN_HILLS}, {"hill", CO_RUN_HILLS},
	{"fartlek", CO_RUN_FARTLEK},
	{"cross", CO_RUN_CROSS}, {"bike", CO_RUN_CROSS}, {"cycling", CO_RUN_CROSS},
	{"cycle", CO_RUN_CROSS}, {"swim", CO_RUN_CROSS}, {"swimming", CO_RUN_CROSS},
	{"elliptical", CO_RUN_CROSS}, {"rowing", CO_RUN_CROSS},
	{NULL, CO_RUN_REST}
};

static bool word_is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && !memcmp(w, lit, n);
}

/* Skip spaces; return the alphabetic word at p (lowercase input) and its length. */
static size_t word_at(const char *p, const char **w)
{
	size_t n = 0;

	while (*p == ' ')
		p++;
	*w = p;
	while (isalpha((unsigned char)p[n]))
		n++;
	return n;
}

static bool is_apostrophe(const char *p, size_t *len)
{
	if (*p == '\'') {
		*len = 1;
		return true;
	}
	/* U+2019 right single quotation mark, U+2032 prime */
	if (p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x99' || p[2] == '\xB2')) {
		*len = 3;
		return true;
	}
	return false;
}

/*
 * After a number at *pp: a duration unit turns it into minutes (returns
 * true), a distance unit into km. Advances *pp over the unit.
 */
typedef struct number_unit {
	bool is_minutes, is_seconds, is_km, is_race_k;
	double minutes, km;
} number_unit;

static void read_unit(const char **pp, double v, bool integer, number_unit *nu)
{
	const char *p = *pp, *w;
	size_t n, alen;

	memset(nu, 0, sizeof(*nu));
	if (is_apostrophe(p, &alen)) {
		size_t a2;
		p += alen;
		if (is_apostrophe(p, &a2)) {
			nu->is_seconds = true;
			p += a2;
		} else {
			nu->is_minutes = true;
			nu->minutes = v;
		}
		*pp = p;
		return;
	}
	if (*p == '"') {
		nu->is_seconds = true;
		*pp = p + 1;
		return;
	}
	n = word_at(p, &w);
	if (!n)
		return;
	if (word_is(w, n, "min") || word_is(w, n, "mins") || word_is(w, n, "minute") ||
	    word_is(w, n, "minutes")) {
		nu->is_minutes = true;
		nu->minutes = v;
		*pp = w + n;
	} else if (word_is(w, n, "s") || word_is(w, n, "sec") || word_is(w, n, "secs") ||
		   word_is(w, n, "seconds")) {
		nu->is_seconds = true;
		*pp = w + n;
	} else if (word_is(w, n, "h") || word_is(w, n, "hr") || word_is(w, n, "hrs") ||
		   word_is(w, n, "hour") || word_is(w, n, "hours")) {
		int extra = 0;
		const char *q = w + n;

		nu->is_minutes = true;
		if (w == p && word_is(w, n, "h") && isdigit((unsigned char)q[0])) {
			/* 1h30, 1h30m, 1h30', 1h30min */
			while (isdigit((unsigned char)*q) && extra < 1000)
				extra = extra * 10 + (*q++ - '0');
			const char *w2;
			size_t n2;
			if (is_apostrophe(q, &alen))
				q += alen;
			else if ((n2 = word_at(q, &w2)) && w2 == q &&
				 (word_is(w2, n2, "m") || word_is(w2, n2, "min") ||
				  word_is(w2, n2, "mins")))
				q += n2;
		}
		nu->minutes = v * 60 + extra;
		*pp = q;
	} else if (word_is(w, n, "k") && w == p && integer) {
		nu->is_km = nu->is_race_k = true;
		nu->km = v;
		*pp = w + n;
	} else if (word_is(w, n, "k") || word_is(w, n, "km") || word_is(w, n, "kms") ||
		   word_is(w, n, "kilometres") || word_is(w, n, "kilometers")) {
		nu->is_km = true;
		nu->km = v;
		*pp = w + n;
	} else if (word_is(w, n, "mi") || word_is(w, n, "mile") || word_is(w, n, "miles")) {
		nu->is_km = true;
		nu->km = v * 1.609344;
		*pp = w + n;
	}
}

static void set_distance(verdict *v, double km)
{
	if (v->distance_km <= 0 && km > 0 && km <= 500)
		v->distance_km = km;
}

/*
 * Classify a summary (docs/formats/calendar.md has the table). The first
 * run-type word wins; "race" (not "race pace", "pre-race") or, with no
 * run-type word, a race distance as races are named (5K, 10K, half
 * marathon, marathon, ultra) makes a race; "6x800" alone makes intervals.
 */
verdict co_ics_classify(const char *summary)
{
	verdict v = {EV_UNKNOWN, CO_RUN_REST, 0, 0, CO_RACE_A, false};
	char *s = co_xstrdup(summary);
	bool type_set = false, race_word = false, race_distance = false, reps = false;
	bool generic_run = false, marathon_pace = false;
	const char *prev = "";
	size_t prev_n = 0;
	const char *p;

	for (char *q = s; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	p = s;
	while (*p) {
		if (isalpha((unsigned char)*p)) {
			const char *w = p, *nw;
			size_t n = 0, nn;

			while (isalpha((unsigned char)p[n]))
				n++;
			p += n;
			nn = word_at(p, &nw);
			/* a "-" between words is as good as a space: "pre-race", "b-race" */
			if (!nn && *p == '-')
				nn = word_at(p + 1, &nw);
			if (word_is(w, n, "race") || word_is(w, n, "racing") ||
			    word_is(w, n, "parkrun")) {
				bool pace = nn && word_is(nw, nn, "pace");
				bool around = word_is(prev, prev_n, "pre") || word_is(prev, prev_n, "post") ||
					      word_is(prev, prev_n, "before") || word_is(prev, prev_n, "after");
				if (!pace && !around)
					race_word = true;
				if (word_is(w, n, "parkrun"))
					set_distance(&v, 5);
			} else if (word_is(w, n, "marathon")) {
				if (nn && word_is(nw, nn, "pace")) {
					marathon_pace = true;
				} else {
					race_distance = true;
					set_distance(&v, word_is(prev, prev_n, "half") ? 21.0975 : 42.195);
				}
			} else if (word_is(w, n, "ultra")) {
				race_distance = true;
				set_distance(&v, 50);
			} else if (word_is(w, n, "run") || word_is(w, n, "running")) {
				generic_run = true;
			} else if (n == 1 && (*w == 'a' || *w == 'b' || *w == 'c')) {
				v.priority = (co_race_priority)(*w - 'a');
				v.priority_given = true;
			} else if (!type_set) {
				for (const word_type *t = type_words; t->word; t++) {
					if (word_is(w, n, t->word)) {
						v.type = t->type;
						type_set = true;
						break;
					}
				}
			}
			prev = w;
			prev_n = n;
		} else if (isdigit((unsigned char)*p)) {
			double num = 0, frac = 0.1;
			bool integer = true;
			number_unit nu;

			while (isdigit((unsigned char)*p) && num < 1e6)
				num = num * 10 + (*p++ - '0');
			while (isdigit((unsigned char)*p))
				p++;
			if (*p == '.' && isdigit((unsigned char)p[1])) {
				integer = false;
				p++;
				while (isdigit((unsigned char)*p)) {
					num += (*p++ - '0') * frac;
					frac /= 10;
				}
			}
			{
				const char *q = p;
				size_t xl = 0;

				while (*q == ' ')
					q++;
				/* 6x800, 6 x 3', 6×400 (U+00D7): repetitions, never the total */
				if (*q == 'x')
					xl = 1;
				else if (q[0] == '\xC3' && q[1] == '\x97')
					xl = 2;
				q += xl;
				while (xl && *q == ' ')
					q++;
				if (xl && isdigit((unsigned char)*q)) {
					double rep = 0;

					while (isdigit((unsigned char)*q) && rep < 1e6)
						rep = rep * 10 + (*q++ - '0');
					while (isdigit((unsigned char)*q) || *q == '.')
						q++;
					read_unit(&q, rep, true, &nu);
					p = q;
					reps = true;
					prev = "";
					prev_n = 0;
					continue;
				}
			}
			read_unit(&p, num, integer, &nu);
			{
				/* "@ 5k pace" describes effort, not the distance of this run */
				const char *pw;
				size_t pn = word_at(p, &pw);
				if (pn && word_is(pw, pn, "pace"))
					nu.is_km = false;
			}
			if (nu.is_minutes && !v.minutes && nu.minutes >= 0.5)
				v.minutes = nu.minutes > 100000 ? 100000 : (int)(nu.minutes + 0.5);
			if (nu.is_km) {
				set_distance(&v, nu.km);
				if (nu.is_race_k)
					race_distance = true;
			}
			prev = "";
			prev_n = 0;
		} else {
			p++;
		}
	}
	free(s);

	if (!type_set && marathon_pace) {
		v.type = CO_RUN_TEMPO;
		type_set = true;
	}
	if (race_word || (!type_set && race_distance)) {
		v.kind = EV_RACE;
		v.type = CO_RUN_RACE;
	} else if (type_set) {
		v.kind = EV_RUN;
	} else if (reps) {
		v.kind = EV_RUN;
		v.type = CO_RUN_INTERVALS;
	} else if (generic_run) {
		v.kind = EV_GENERIC_RUN;
		v.type = CO_RUN_EASY;
	}
	if (v.kind != EV_RACE) {
		v.priority = CO_RACE_A;
		v.priority_given = false;
	}
	return v;
}

