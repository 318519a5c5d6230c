/*
 * `carryover analyze --json` (docs/cli/analyze.md): the findings of a
 * co_analysis as {"findings": [{"id", "text", "estimate", "ci_low",
 * "ci_high", "n", "n_ref", "unit"}]}, keys in that order, and the reader of
 * the markers the import stored in an activity's summary (ef, decoupling,
 * a detected threshold effort) that the analysis's trends use.
 *
 * Figures are rounded to 4 significant digits: an RPE difference of
 * +0.9313 says no more than +0.9313 would to 12. A figure without an
 * estimate (too few runs) is null, as is n_ref of a finding that compares
 * nothing.
 */
#include <math.h>
#include <string.h>

#include "carryover/analyze.h"
#include "carryover/json.h"
#include "formats/json_int.h"

static json_t *figure(double v, bool known)
{
	return known && isfinite(v) ? co_json_sig(v, 4) : json_null();
}

int co_analysis_to_json(char **out, const co_analysis *a)
{
	json_t *root = json_object(), *list = json_array();

	for (size_t i = 0; i < a->n_findings; i++) {
		const co_finding *f = &a->findings[i];
		json_t *o = json_object();

		co_json_set(o, "id", co_json_str(f->id));
		co_json_set(o, "text", co_json_str(f->text));
		co_json_set(o, "estimate", figure(f->estimate, f->has_estimate));
		co_json_set(o, "ci_low", figure(f->ci_low, f->has_ci));
		co_json_set(o, "ci_high", figure(f->ci_high, f->has_ci));
		co_json_set(o, "n", json_integer((json_int_t)f->n));
		co_json_set(o, "n_ref", f->has_n_ref ? json_integer((json_int_t)f->n_ref) : json_null());
		co_json_set(o, "unit", co_json_str(f->unit));
		json_array_append_new(list, o);
	}
	co_json_set(root, "findings", list);
	return co_json_finish(out, root, CO_JSON_DOC_FLAGS, "\n", "the analysis");
}

static double positive(const json_t *v)
{
	double x = json_is_number(v) ? json_number_value(v) : 0;

	return isfinite(x) && x > 0 ? x : 0;
}

bool co_run_marker_from_summary(co_run_marker *out, const char *summary_json)
{
	json_t *root = summary_json ? json_loads(summary_json, 0, NULL) : NULL;
	const json_t *dec;

	memset(out, 0, sizeof(*out));
	if (!json_is_object(root)) {
		json_decref(root);
		return false;
	}
	out->ef = positive(json_object_get(root, "ef"));
	out->threshold_pace = positive(json_object_get(root, "threshold_pace_s_per_km"));
	dec = json_object_get(root, "decoupling");
	if (json_is_number(dec) && isfinite(json_number_value(dec))) {
		out->decoupling = json_number_value(dec);
		out->has_decoupling = true;
	}
	json_decref(root);
	return true;
}
