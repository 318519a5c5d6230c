/*
 * A small SVG chart kit (report.h "SVG charts"): the HTML report draws its
 * charts with it, and so will the web dashboard.
 *
 * A chart is a viewBox of w x h units with a plot area inside margins; data
 * values (x a co_date or a number, y a number) are mapped linearly onto the
 * plot area. The <svg> has no width or height of its own, only the viewBox,
 * so it takes its container's width and keeps its proportions: the same
 * markup reads on a phone and on A4. Marks carry classes (the page's CSS
 * colours them) and hover titles (<title> children, which browsers show as
 * tooltips and screen readers read).
 *
 * Numbers are written with at most one decimal (coordinates) or %g (tick
 * labels), so the same data always gives the same bytes. Every text goes
 * through co_report_escape(). Work is linear in the marks drawn.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/report.h"
#include "util/strbuf.h"

#define MARGIN_LEFT 58.0
#define MARGIN_RIGHT 16.0
#define MARGIN_TOP 40.0
#define MARGIN_BOTTOM 44.0

void co_report_escape(co_strbuf *out, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		switch (ch) {
		case '&':
			co_strbuf_adds(out, "&amp;");
			break;
		case '<':
			co_strbuf_adds(out, "&lt;");
			break;
		case '>':
			co_strbuf_adds(out, "&gt;");
			break;
		case '"':
			co_strbuf_adds(out, "&quot;");
			break;
		case '\'':
			co_strbuf_adds(out, "&#39;");
			break;
		default:
			/* XML 1.0 has no place for C0 controls but tab and newline */
			if (ch >= 0x20 || ch == '\t' || ch == '\n')
				co_strbuf_addch(out, (char)ch);
			else if (ch == '\r')
				co_strbuf_addch(out, ' ');
		}
	}
}

/* ---- ticks ------------------------------------------------------------------ */

void co_svg_ticks_nice(co_svg_ticks *out, double lo, double hi, int max_ticks)
{
	static const double mult[] = {1, 2, 2.5, 5, 10};
	double span, mag, step = 1;

	if (!isfinite(lo) || !isfinite(hi))
		lo = 0, hi = 1;
	if (lo > hi) {
		double t = lo;

		lo = hi;
		hi = t;
	}
	if (max_ticks < 2)
		max_ticks = 2;
	if (max_ticks > 20)
		max_ticks = 20;
	if (hi - lo < 1e-12 * (fabs(lo) + fabs(hi)) || hi == lo) {
		double pad = lo == 0 ? 1 : fabs(lo) * 0.1;

		if (lo == 0)
			hi = 1;
		else
			lo -= pad, hi += pad;
	}
	span = hi - lo;
	/* The smallest step of the 1-2-2.5-5 series whose ticks fit. */
	mag = pow(10, floor(log10(span / (max_ticks - 1))));
	for (size_t i = 0; i < sizeof(mult) / sizeof(mult[0]); i++) {
		step = mult[i] * mag;
		if (ceil(hi / step - 1e-9) - floor(lo / step + 1e-9) + 1 <= max_ticks)
			break;
	}
	out->step = step;
	out->lo = floor(lo / step + 1e-9) * step;
	out->hi = ceil(hi / step - 1e-9) * step;
	if (out->hi <= out->lo)
		out->hi = out->lo + step;
	out->n = (int)floor((out->hi - out->lo) / step + 0.5) + 1;
	/* -0 reads badly in a label */
	if (out->lo == 0)
		out->lo = 0;
}

size_t co_svg_date_ticks(co_date *out, size_t max, bool *out_monthly, co_date lo, co_date hi)
{
	static const int months[] = {1, 2, 3, 6, 12, 24, 60};
	static const int weeks[] = {1, 2, 4};
	size_t n = 0;

	if (hi < lo) {
		co_date t = lo;

		lo = hi;
		hi = t;
	}
	if (max < 2)
		max = 2;
	*out_monthly = hi - lo > 90;
	if (!*out_monthly) {
		for (size_t k = 0; k < sizeof(weeks) / sizeof(weeks[0]); k++) {
			co_date first = co_date_monday(lo);

			if (first < lo)
				first += 7;
			n = 0;
			for (co_date d = first; d <= hi; d += 7 * weeks[k])
				n++;
			if (n <= max || k + 1 == sizeof(weeks) / sizeof(weeks[0])) {
				n = 0;
				for (co_date d = first; d <= hi && n < max; d += 7 * weeks[k])
					out[n++] = d;
				return n;
			}
		}
	}
	int y0, m0, y1, m1;

	co_date_to_ymd(lo, &y0, &m0, NULL);
	co_date_to_ymd(hi, &y1, &m1, NULL);
	long first = (long)y0 * 12 + (m0 - 1), last = (long)y1 * 12 + (m1 - 1);

	if (co_date_from_ymd(y0, m0, 1) < lo)
		first++;
	for (size_t k = 0; k < sizeof(months) / sizeof(months[0]); k++) {
		int step = months[k];
		long start = (first + step - 1) / step * step; /* aligned: Jan, Apr, Jul, Oct */

		if (start > last || (last - start) / step + 1 <= (long)max ||
		    k + 1 == sizeof(months) / sizeof(months[0])) {
			n = 0;
			for (long m = start; m <= last && n < max; m += step)
				out[n++] = co_date_from_ymd((int)(m / 12), (int)(m % 12) + 1, 1);
			return n;
		}
	}
	return n;
}

/* ---- the chart ---------------------------------------------------------------- */

static void num(co_strbuf *out, double v)
{
	double r = floor(v * 10 + 0.5) / 10;

	if (r == 0)
		r = 0; /* no "-0" */
	if (r == floor(r))
		co_strbuf_addf(out, "%.0f", r);
	else
		co_strbuf_addf(out, "%.1f", r);
}

static void title_el(co_strbuf *out, const char *title)
{
	if (!title || !*title)
		return;
	co_strbuf_adds(out, "<title>");
	co_report_escape(out, title);
	co_strbuf_adds(out, "</title>");
}

void co_svg_begin(co_svg_chart *c, co_strbuf *out, double w, double h, const char *title)
{
	memset(c, 0, sizeof(*c));
	c->out = out;
	c->w = w > 100 ? w : 100;
	c->h = h > 80 ? h : 80;
	c->px0 = MARGIN_LEFT;
	c->px1 = c->w - MARGIN_RIGHT;
	c->py0 = MARGIN_TOP;
	c->py1 = c->h - MARGIN_BOTTOM;
	c->x_hi = c->y_hi = 1;
	co_svg_ticks_nice(&c->y_ticks, 0, 1, 5);
	/* No xmlns: inline SVG in HTML needs none, and the page holds no URL. */
	co_strbuf_adds(out, "<svg viewBox=\"0 0 ");
	num(out, c->w);
	co_strbuf_addch(out, ' ');
	num(out, c->h);
	co_strbuf_adds(out, "\" role=\"img\" preserveAspectRatio=\"xMidYMid meet\">");
	title_el(out, title);
	c->title_len = title ? strlen(title) : 0;
	co_strbuf_addf(out, "<text class=\"ct\" x=\"%d\" y=\"22\">", 8);
	co_report_escape(out, title);
	co_strbuf_adds(out, "</text>\n");
}

void co_svg_range_x(co_svg_chart *c, double lo, double hi, bool dates)
{
	if (!isfinite(lo) || !isfinite(hi))
		lo = 0, hi = 1;
	if (hi < lo) {
		double t = lo;

		lo = hi;
		hi = t;
	}
	if (hi - lo < 1e-9)
		lo -= 0.5, hi += 0.5;
	c->x_lo = lo;
	c->x_hi = hi;
	c->x_dates = dates;
}

/* Ticks of seconds read as m:ss: steps a clock has (15 s, 30 s, 1 min, ...). */
static void clock_ticks(co_svg_ticks *t, double lo, double hi, int max_ticks)
{
	static const double steps[] = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600};

	co_svg_ticks_nice(t, lo, hi, max_ticks); /* the checks and the empty range */
	lo = t->lo;
	hi = t->hi;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		double a = floor(lo / steps[i] + 1e-9) * steps[i], b = ceil(hi / steps[i] - 1e-9) * steps[i];

		if ((b - a) / steps[i] + 1 <= max_ticks || i + 1 == sizeof(steps) / sizeof(steps[0])) {
			t->lo = a;
			t->hi = b > a ? b : a + steps[i];
			t->step = steps[i];
			t->n = (int)floor((t->hi - t->lo) / steps[i] + 0.5) + 1;
			return;
		}
	}
}

void co_svg_range_y(co_svg_chart *c, double lo, double hi, int max_ticks)
{
	if (c->y_format == CO_SVG_CLOCK)
		clock_ticks(&c->y_ticks, lo, hi, max_ticks < 2 ? 2 : max_ticks > 20 ? 20 : max_ticks);
	else
		co_svg_ticks_nice(&c->y_ticks, lo, hi, max_ticks);
	c->y_lo = c->y_ticks.lo;
	c->y_hi = c->y_ticks.hi;
}

static double clamp_px(double v, double a, double b)
{
	double pad = (b - a) * 0.1;

	return v < a - pad ? a - pad : v > b + pad ? b + pad : v;
}

double co_svg_x(const co_svg_chart *c, double x)
{
	double f = (x - c->x_lo) / (c->x_hi - c->x_lo);

	return clamp_px(c->px0 + f * (c->px1 - c->px0), c->px0, c->px1);
}

double co_svg_y(const co_svg_chart *c, double y)
{
	double f = (y - c->y_lo) / (c->y_hi - c->y_lo);

	if (c->y_flip)
		f = 1 - f;
	return clamp_px(c->py1 - f * (c->py1 - c->py0), c->py0, c->py1);
}

static void tick_label(co_strbuf *out, double v, co_svg_format f, double step)
{
	if (f == CO_SVG_CLOCK) {
		long s = lround(v);

		co_strbuf_addf(out, "%s%ld:%02ld", s < 0 ? "-" : "", labs(s) / 60, labs(s) % 60);
		return;
	}
	if (fabs(v) < step * 1e-6)
		v = 0;
	co_strbuf_addf(out, "%g", v);
}

static const char *const month_short[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void co_svg_axis_x(co_svg_chart *c, const char *label)
{
	co_strbuf *out = c->out;

	co_strbuf_adds(out, "<g class=\"ax\">");
	if (c->x_dates) {
		co_date ticks[16];
		bool monthly;
		size_t n = co_svg_date_ticks(ticks, 8, &monthly, (co_date)ceil(c->x_lo),
					     (co_date)floor(c->x_hi));

		for (size_t i = 0; i < n; i++) {
			double x = co_svg_x(c, ticks[i]);
			int y, m, d;
			char buf[24];

			co_date_to_ymd(ticks[i], &y, &m, &d);
			if (monthly && (m == 1 || i == 0))
				snprintf(buf, sizeof(buf), "%s %d", month_short[m - 1], y);
			else if (monthly)
				snprintf(buf, sizeof(buf), "%s", month_short[m - 1]);
			else
				snprintf(buf, sizeof(buf), "%d %s", d, month_short[m - 1]);
			co_strbuf_adds(out, "<line class=\"gr\" x1=\"");
			num(out, x);
			co_strbuf_adds(out, "\" x2=\"");
			num(out, x);
			co_strbuf_addf(out, "\" y1=\"%.0f\" y2=\"%.0f\"/>", c->py0, c->py1);
			co_svg_text(c, x, c->py1 + 16, "middle", "tl", buf);
		}
	} else {
		co_svg_ticks t;

		co_svg_ticks_nice(&t, c->x_lo, c->x_hi, 7);
		for (int i = 0; i < t.n; i++) {
			double v = t.lo + i * t.step, x;
			co_strbuf lb = CO_STRBUF_INIT;

			if (v < c->x_lo - 1e-9 || v > c->x_hi + 1e-9)
				continue;
			x = co_svg_x(c, v);
			co_strbuf_adds(out, "<line class=\"gr\" x1=\"");
			num(out, x);
			co_strbuf_adds(out, "\" x2=\"");
			num(out, x);
			co_strbuf_addf(out, "\" y1=\"%.0f\" y2=\"%.0f\"/>", c->py0, c->py1);
			tick_label(&lb, v, CO_SVG_NUMBER, t.step);
			co_svg_text(c, x, c->py1 + 16, "middle", "tl", lb.buf);
			co_strbuf_release(&lb);
		}
	}
	co_strbuf_adds(out, "<line class=\"al\" x1=\"");
	num(out, c->px0);
	co_strbuf_adds(out, "\" x2=\"");
	num(out, c->px1);
	co_strbuf_adds(out, "\" y1=\"");
	num(out, c->py1);
	co_strbuf_adds(out, "\" y2=\"");
	num(out, c->py1);
	co_strbuf_adds(out, "\"/>");
	if (label && *label)
		co_svg_text(c, (c->px0 + c->px1) / 2, c->py1 + 34, "middle", "al", label);
	co_strbuf_adds(out, "</g>\n");
}

void co_svg_axis_y(co_svg_chart *c, const char *label)
{
	co_strbuf *out = c->out;
	const co_svg_ticks *t = &c->y_ticks;

	co_strbuf_adds(out, "<g class=\"ax\">");
	for (int i = 0; i < t->n; i++) {
		double v = t->lo + i * t->step, y = co_svg_y(c, v);
		co_strbuf lb = CO_STRBUF_INIT;

		co_strbuf_addf(out, "<line class=\"%s\" x1=\"", fabs(v) < t->step * 1e-6 ? "zl" : "gr");
		num(out, c->px0);
		co_strbuf_adds(out, "\" x2=\"");
		num(out, c->px1);
		co_strbuf_adds(out, "\" y1=\"");
		num(out, y);
		co_strbuf_adds(out, "\" y2=\"");
		num(out, y);
		co_strbuf_adds(out, "\"/>");
		tick_label(&lb, v, c->y_format, t->step);
		co_svg_text(c, c->px0 - 6, y + 4, "end", "tl", lb.buf);
		co_strbuf_release(&lb);
	}
	co_strbuf_adds(out, "<line class=\"al\" x1=\"");
	num(out, c->px0);
	co_strbuf_adds(out, "\" x2=\"");
	num(out, c->px0);
	co_strbuf_adds(out, "\" y1=\"");
	num(out, c->py0);
	co_strbuf_adds(out, "\" y2=\"");
	num(out, c->py1);
	co_strbuf_adds(out, "\"/>");
	if (label && *label) {
		double cy = (c->py0 + c->py1) / 2;

		co_strbuf_adds(out, "<text class=\"al\" text-anchor=\"middle\" transform=\"translate(14 ");
		num(out, cy);
		co_strbuf_adds(out, ") rotate(-90)\">");
		co_report_escape(out, label);
		co_strbuf_adds(out, "</text>");
	}
	co_strbuf_adds(out, "</g>\n");
}

void co_svg_line(co_svg_chart *c, const double *x, const double *y, size_t n, const char *cls)
{
	co_strbuf *out = c->out;
	bool open = false;
	size_t run = 0;

	/* One polyline per stretch without a gap; a lone point draws nothing. */
	for (size_t i = 0; i <= n; i++) {
		bool ok = i < n && isfinite(x[i]) && isfinite(y[i]);

		if (ok) {
			size_t len = 0;

			if (!open) {
				for (size_t k = i; k < n && isfinite(x[k]) && isfinite(y[k]); k++)
					len++;
				if (len < 2) {
					continue;
				}
				co_strbuf_adds(out, "<polyline class=\"");
				co_report_escape(out, cls);
				co_strbuf_adds(out, "\" points=\"");
				open = true;
				run = 0;
			}
			if (run++)
				co_strbuf_addch(out, ' ');
			num(out, co_svg_x(c, x[i]));
			co_strbuf_addch(out, ',');
			num(out, co_svg_y(c, y[i]));
		} else if (open) {
			co_strbuf_adds(out, "\"/>\n");
			open = false;
		}
	}
}

void co_svg_point(co_svg_chart *c, double x, double y, const char *cls, const char *title)
{
	co_strbuf *out = c->out;

	if (!isfinite(x) || !isfinite(y))
		return;
	co_strbuf_adds(out, "<circle class=\"");
	co_report_escape(out, cls);
	co_strbuf_adds(out, "\" cx=\"");
	num(out, co_svg_x(c, x));
	co_strbuf_adds(out, "\" cy=\"");
	num(out, co_svg_y(c, y));
	co_strbuf_adds(out, "\" r=\"3\">");
	title_el(out, title);
	co_strbuf_adds(out, "</circle>\n");
}

void co_svg_rect(co_svg_chart *c, double x0, double x1, double y0, double y1, const char *cls,
		 const char *title)
{
	co_strbuf *out = c->out;
	double ax = co_svg_x(c, x0), bx = co_svg_x(c, x1), ay = co_svg_y(c, y0), by = co_svg_y(c, y1);
	double l = ax < bx ? ax : bx, t = ay < by ? ay : by;

	if (!isfinite(l) || !isfinite(t))
		return;
	co_strbuf_adds(out, "<rect class=\"");
	co_report_escape(out, cls);
	co_strbuf_adds(out, "\" x=\"");
	num(out, l);
	co_strbuf_adds(out, "\" y=\"");
	num(out, t);
	co_strbuf_adds(out, "\" width=\"");
	num(out, fabs(bx - ax));
	co_strbuf_adds(out, "\" height=\"");
	num(out, fabs(by - ay));
	co_strbuf_adds(out, "\">");
	title_el(out, title);
	co_strbuf_adds(out, "</rect>\n");
}

void co_svg_segment(co_svg_chart *c, double x0, double y0, double x1, double y1, const char *cls)
{
	co_strbuf *out = c->out;

	co_strbuf_adds(out, "<line class=\"");
	co_report_escape(out, cls);
	co_strbuf_adds(out, "\" x1=\"");
	num(out, co_svg_x(c, x0));
	co_strbuf_adds(out, "\" y1=\"");
	num(out, co_svg_y(c, y0));
	co_strbuf_adds(out, "\" x2=\"");
	num(out, co_svg_x(c, x1));
	co_strbuf_adds(out, "\" y2=\"");
	num(out, co_svg_y(c, y1));
	co_strbuf_adds(out, "\"/>\n");
}

void co_svg_interval(co_svg_chart *c, double lo, double est, double hi, double y,
		     const char *cls, const char *title)
{
	co_strbuf *out = c->out;
	double py = co_svg_y(c, y), a = co_svg_x(c, lo), b = co_svg_x(c, hi);

	co_strbuf_adds(out, "<g class=\"");
	co_report_escape(out, cls);
	co_strbuf_adds(out, "\">");
	title_el(out, title);
	co_strbuf_adds(out, "<path d=\"M");
	num(out, a);
	co_strbuf_addch(out, ' ');
	num(out, py);
	co_strbuf_adds(out, "H");
	num(out, b);
	co_strbuf_adds(out, "M");
	num(out, a);
	co_strbuf_addch(out, ' ');
	num(out, py - 5);
	co_strbuf_adds(out, "v10M");
	num(out, b);
	co_strbuf_addch(out, ' ');
	num(out, py - 5);
	co_strbuf_adds(out, "v10\"/><circle cx=\"");
	num(out, co_svg_x(c, est));
	co_strbuf_adds(out, "\" cy=\"");
	num(out, py);
	co_strbuf_adds(out, "\" r=\"4\"/></g>\n");
}

void co_svg_text(co_svg_chart *c, double px, double py, const char *anchor, const char *cls,
		 const char *text)
{
	co_strbuf *out = c->out;

	co_strbuf_adds(out, "<text");
	if (cls && *cls) {
		co_strbuf_adds(out, " class=\"");
		co_report_escape(out, cls);
		co_strbuf_adds(out, "\"");
	}
	co_strbuf_adds(out, " x=\"");
	num(out, px);
	co_strbuf_adds(out, "\" y=\"");
	num(out, py);
	co_strbuf_adds(out, "\"");
	if (anchor && strcmp(anchor, "start") != 0) {
		co_strbuf_adds(out, " text-anchor=\"");
		co_report_escape(out, anchor);
		co_strbuf_adds(out, "\"");
	}
	co_strbuf_adds(out, ">");
	co_report_escape(out, text);
	co_strbuf_adds(out, "</text>");
}

/* Widths of text in viewBox units, estimated (no font metrics without a
 * browser): the title's bold 14 px and the legend's 11 px average glyphs. */
#define TITLE_CHAR_W 8.0
#define LEGEND_CHAR_W 6.3

void co_svg_legend(co_svg_chart *c, const char *const *names, const char *const *cls, size_t n)
{
	double total = 0, x, y = 22;

	for (size_t i = 0; i < n; i++)
		total += 26 + LEGEND_CHAR_W * (double)strlen(names[i]);
	/* beside the title when there is room, else on rows of their own
	 * under it, moving the plot area down */
	x = c->px1 - total;
	if (x < 8 + TITLE_CHAR_W * c->title_len + 16) {
		x = c->px0;
		y = 40;
		c->py0 += 18;
	}
	co_strbuf_adds(c->out, "<g class=\"lg\">");
	for (size_t i = 0; i < n; i++) {
		double tw = LEGEND_CHAR_W * (double)strlen(names[i]);

		if (x + 14 + tw > c->px1 && x > c->px0) {
			x = c->px0;
			y += 16;
			c->py0 += 16;
		}
		co_strbuf_adds(c->out, "<rect class=\"");
		co_report_escape(c->out, cls[i]);
		co_strbuf_adds(c->out, "\" x=\"");
		num(c->out, x);
		co_strbuf_adds(c->out, "\" y=\"");
		num(c->out, y - 9);
		co_strbuf_adds(c->out, "\" width=\"10\" height=\"10\"/>");
		co_svg_text(c, x + 14, y, "start", NULL, names[i]);
		x += 26 + tw;
	}
	co_strbuf_adds(c->out, "</g>\n");
}

void co_svg_empty(co_svg_chart *c, const char *message)
{
	co_strbuf_adds(c->out, "<rect class=\"eb\" x=\"");
	num(c->out, c->px0);
	co_strbuf_adds(c->out, "\" y=\"");
	num(c->out, c->py0);
	co_strbuf_adds(c->out, "\" width=\"");
	num(c->out, c->px1 - c->px0);
	co_strbuf_adds(c->out, "\" height=\"");
	num(c->out, c->py1 - c->py0);
	co_strbuf_adds(c->out, "\"/>");
	co_svg_text(c, (c->px0 + c->px1) / 2, (c->py0 + c->py1) / 2, "middle", "em", message);
	co_strbuf_adds(c->out, "\n");
}

void co_svg_end(co_svg_chart *c)
{
	co_strbuf_adds(c->out, "</svg>\n");
}
