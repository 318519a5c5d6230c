/*
 * A profile as a commented INI template: the `carryover init` output
 * (co_profile_template, declared in athlete.h). Every key appears with its value
 * (or its default) and the values it allows, so the template documents the
 * format; it parses back to the same profile (profile.c reads it, and
 * tests/unit/test_profile.c checks the round trip). Lines stay within the
 * format's 197-character limit (profile.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/athlete.h"
#include "carryover/catalog.h"
#include "util/strbuf.h"

static void add_equipment(co_strbuf *sb, unsigned bits)
{
	bool first = true;

	if (bits == CO_EQUIP_NONE_SET) {
		co_strbuf_adds(sb, "none");
		return;
	}
	if (bits == 0) {
		co_strbuf_adds(sb, "bodyweight");
		return;
	}
	if (bits == CO_EQUIP_ALL) {
		co_strbuf_adds(sb, "gym");
		return;
	}
	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		co_strbuf_addf(sb, "%s%s", first ? "" : ", ", co_equipment_name((co_equipment)(1u << i)));
		first = false;
	}
}

static const char *distance_word(double km, char *buf, size_t size)
{
	if (km == 5.0)
		return "5k";
	if (km == 10.0)
		return "10k";
	if (km == 21.0975)
		return "half";
	if (km == 42.195)
		return "marathon";
	if (km == 50.0)
		return "ultra";
	snprintf(buf, size, "%.10g km", km);
	return buf;
}

static const co_run example_week[7] = {
	{0, CO_RUN_REST, 0, 0, 0},
	{0, CO_RUN_INTERVALS, 60, 0, 0},
	{0, CO_RUN_EASY, 45, 0, 0},
	{0, CO_RUN_TEMPO, 50, 0, 0},
	{0, CO_RUN_REST, 0, 0, 0},
	{0, CO_RUN_EASY, 40, 0, 0},
	{0, CO_RUN_LONG, 120, 0, 0},
};

char *co_profile_template(const co_profile *p)
{
	co_strbuf sb = CO_STRBUF_INIT;
	co_profile *defaults = co_profile_new(co_date_from_ymd(2027, 1, 1));
	const co_profile *q = p ? p : defaults;
	const co_run *week = p ? p->week : example_week;
	const char *u = co_units_name(q->units);
	char d[11], buf[64];

	co_strbuf_init(&sb);
	co_strbuf_adds(&sb,
		"; carryover athlete profile. The format: docs/profile.md.\n"
		"; ';' starts a comment. Every key but the [week] days has a default;\n"
		"; the defaults are written out so you can see and change them.\n"
		"\n[athlete]\n"
		"; who you are: carryover keeps one profile per name\n");
	co_strbuf_addf(&sb, "name = %s\n", q->name);
	co_strbuf_adds(&sb, "; novice | intermediate | advanced (default intermediate)\n");
	co_strbuf_addf(&sb, "level = %s\n", co_level_name(q->level));
	co_strbuf_adds(&sb, "; kg | lb (default kg): body mass, lifts and steps are in these units\n");
	co_strbuf_addf(&sb, "units = %s\n", u);
	co_strbuf_adds(&sb, "; km | mi (default km): how distances and paces are shown\n");
	co_strbuf_addf(&sb, "distance_units = %s\n", co_distance_units_name(q->distance_units));
	co_strbuf_addf(&sb, "; your body mass in %s (optional)\n", u);
	if (q->body_mass > 0)
		co_strbuf_addf(&sb, "body_mass = %.10g\n", q->body_mass);
	else
		co_strbuf_addf(&sb, "; body_mass = %s\n", q->units == CO_UNITS_LB ? "150" : "68");
	co_strbuf_adds(&sb,
		"; what you can lift with (default none): none (bodyweight and a band),\n"
		"; bodyweight (nothing), gym (everything), or a list of:\n;  ");
	for (unsigned i = 0; i < CO_EQUIP_COUNT; i++)
		co_strbuf_addf(&sb, "%s%s", i ? ", " : "", co_equipment_name((co_equipment)(1u << i)));
	co_strbuf_adds(&sb, "\nequipment = ");
	add_equipment(&sb, q->equipment);
	co_strbuf_adds(&sb, "\n; minutes per strength session, 15-120 (default 45)\n");
	co_strbuf_addf(&sb, "session_minutes = %d\n", q->session_minutes);
	co_strbuf_adds(&sb, "; strength sessions a week, 1-3 (default 2)\n");
	co_strbuf_addf(&sb, "sessions_per_week = %d\n", q->sessions_per_week);
	co_strbuf_adds(&sb, "; yes: you may lift after a key run on the same day (default no)\n");
	co_strbuf_addf(&sb, "double_days = %s\n", q->double_days ? "yes" : "no");
	co_strbuf_adds(&sb, "; first day of the plan, YYYY-MM-DD (default: the next Monday)\n");
	if (p)
		co_strbuf_addf(&sb, "start = %s\n", co_date_format(q->start, d));
	else
		co_strbuf_adds(&sb, "; start = 2027-01-04\n");
	co_strbuf_adds(&sb, "; a deload week every N weeks, 3-6 (default 4)\n");
	co_strbuf_addf(&sb, "deload_every = %d\n", q->deload_every);
	co_strbuf_adds(&sb, "; acute:chronic load ratio that counts as fatigue, 1.2-2.0 (default 1.5)\n");
	co_strbuf_addf(&sb, "acwr_threshold = %.10g\n", q->acwr_threshold);
	co_strbuf_adds(&sb, q->units == CO_UNITS_LB ?
		"; smallest barbell step, 0.5-25 lb (default 5)\n" :
		"; smallest barbell step, 0.25-10 kg (default 2.5)\n");
	co_strbuf_addf(&sb, "plate_step = %.10g\n", q->plate_step);
	co_strbuf_adds(&sb, q->units == CO_UNITS_LB ?
		"; smallest dumbbell step per hand, 0.5-25 lb (default 5)\n" :
		"; smallest dumbbell step per hand, 0.25-10 kg (default 2)\n");
	co_strbuf_addf(&sb, "dumbbell_step = %.10g\n", q->dumbbell_step);
	co_strbuf_adds(&sb, "; yes: a separate low-volume plyometric block (default no)\n");
	co_strbuf_addf(&sb, "plyometrics = %s\n", q->plyometrics ? "yes" : "no");
	co_strbuf_adds(&sb, "; yes: strides after some sessions in build and peak (default yes)\n");
	co_strbuf_addf(&sb, "strides = %s\n", q->strides ? "yes" : "no");
	co_strbuf_adds(&sb,
		"; sites that hurt, comma-separated (default none): achilles, calf, shin,\n"
		"; knee, hamstring, quad, hip, glute, groin, it_band, lower_back, foot,\n"
		"; plantar_fascia, ankle; each may end in _left or _right\n");
	if (q->n_niggles) {
		co_strbuf_adds(&sb, "niggles = ");
		for (size_t i = 0; i < q->n_niggles; i++)
			co_strbuf_addf(&sb, "%s%s", i ? ", " : "", q->niggles[i].site);
		co_strbuf_addch(&sb, '\n');
	} else {
		co_strbuf_adds(&sb, "; niggles = achilles_left\n");
	}
	co_strbuf_adds(&sb, "; dated runs over the usual week: a .ics or .csv file (optional)\n");
	if (q->runs_file)
		co_strbuf_addf(&sb, "runs = %s\n", q->runs_file);
	else
		co_strbuf_adds(&sb, "; runs = plan.ics\n");

	co_strbuf_adds(&sb,
		"\n[week]\n"
		"; the usual running week, one line a day: TYPE [MINUTES]. Types: rest, easy,\n"
		"; recovery, long, tempo, threshold, intervals, hills, fartlek, race, cross.\n"
		"; Key runs (no lifting the day before): long, tempo, threshold, intervals,\n"
		"; hills, race. A day left out is rest.\n");
	for (int i = 0; i < 7; i++) {
		co_strbuf_addf(&sb, "%s = %s", co_weekday_short((co_weekday)i),
			       co_run_type_name(week[i].type));
		if (week[i].type != CO_RUN_REST)
			co_strbuf_addf(&sb, " %d", week[i].minutes);
		co_strbuf_addch(&sb, '\n');
	}

	co_strbuf_adds(&sb,
		"\n; One section per race: [race NAME] with date (YYYY-MM-DD, on or after\n"
		"; start), distance (5k | 10k | half | marathon | ultra | NUMBER km) and\n"
		"; priority (A | B | C, default A). The plan works back from A-races.\n");
	if (!q->n_races)
		co_strbuf_adds(&sb, "; [race Spring Marathon]\n; date = 2027-04-25\n"
				    "; distance = marathon\n; priority = A\n");
	for (size_t i = 0; i < q->n_races; i++) {
		const co_race *r = &q->races[i];
		co_strbuf_addf(&sb, "%s[race %s]\ndate = %s\ndistance = %s\npriority = %s\n",
			       i ? "\n" : "", r->name, co_date_format(r->date, d),
			       distance_word(r->distance_km, buf, sizeof(buf)),
			       co_race_priority_name(r->priority));
	}

	co_strbuf_addf(&sb,
		"\n[lifts]\n"
		"; what you know of a lift, in %s, by exercise ('carryover exercises' lists\n"
		"; them): a recent set 'LOAD x REPS' (RPE 8 unless '@ 7.5' follows) or\n"
		"; 'e1rm LOAD'; carryover starts conservatively for the others\n", u);
	if (!q->n_lifts)
		co_strbuf_addf(&sb, "; romanian_deadlift = %s x 8\n", q->units == CO_UNITS_LB ? "175" : "80");
	for (size_t i = 0; i < q->n_lifts; i++) {
		const co_lift *l = &q->lifts[i];

		if (l->form == CO_LIFT_SET && l->rpe != CO_LIFT_DEFAULT_RPE)
			co_strbuf_addf(&sb, "%s = %.10g x %d @ %g\n", l->exercise, l->load, l->reps, l->rpe);
		else if (l->form == CO_LIFT_SET)
			co_strbuf_addf(&sb, "%s = %.10g x %d\n", l->exercise, l->load, l->reps);
		else if (l->form == CO_LIFT_E1RM)
			co_strbuf_addf(&sb, "%s = e1rm %.10g\n", l->exercise, l->load);
		else
			co_strbuf_addf(&sb, "%s = %.10g\n", l->exercise, l->load);
	}

	co_profile_free(defaults);
	return co_strbuf_detach(&sb);
}
