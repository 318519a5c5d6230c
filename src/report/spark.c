/*
 * Sparklines: a series as one line of characters whose height follows the
 * value, for `carryover status` (the last 8 weeks' load and TSB).
 *
 * Eight levels either way: the Unicode lower blocks U+2581..U+2588 on a
 * UTF-8 terminal, else an ASCII ramp of increasing ink ("_.:-=+*#", the
 * lowest level still visible so a flat stretch reads as a line), so a
 * pipe, a log file or a C locale still reads as a chart. Which one is the
 * caller's choice (the CLI decides from the locale, docs/cli/status.md).
 * Values are scaled from the series' minimum to its maximum, so a series
 * that goes negative (TSB) uses the whole height too. A NaN is a gap (a
 * week without a threshold run, for `carryover analyze`): a space, left
 * out of the scale.
 */
#include <math.h>

#include "carryover/report.h"
#include "util/strbuf.h"

void co_report_spark(co_strbuf *out, const double *v, size_t n, bool utf8)
{
	static const char *const blocks[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
					      "\u2585", "\u2586", "\u2587", "\u2588"};
	static const char ascii[] = "_.:-=+*#";
	double lo = 0, hi = 0;
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (!any || v[i] < lo)
			lo = v[i];
		if (!any || v[i] > hi)
			hi = v[i];
		any = true;
	}
	for (size_t i = 0; i < n; i++) {
		if (isnan(v[i])) {
			co_strbuf_addch(out, ' ');
			continue;
		}
		int k = hi - lo > 1e-9 ? (int)floor((v[i] - lo) / (hi - lo) * 7 + 0.5) : 0;

		k = k < 0 ? 0 : k > 7 ? 7 : k;
		if (utf8)
			co_strbuf_adds(out, blocks[k]);
		else
			co_strbuf_addch(out, ascii[k]);
	}
}
