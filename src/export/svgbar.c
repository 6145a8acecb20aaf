/*
 * svgbar: bar charts as SVG text. Lengths are computed in tenths of a
 * pixel from integer counts, so that the segments of a stacked bar abut
 * exactly and always add up to the full width. It writes to the stream it
 * is given and nothing else; it never emits markup from its input.
 */
#include "export/svgbar.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/repfmt.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define WIDTH 640      /* whole chart */
#define LABEL_W 220    /* label area left of the bars */
#define BAR_W 340      /* 100 % */
#define ROW_H 22
#define BAR_H 14
#define PAD 4
#define LABEL_COLS 34  /* label characters that fit LABEL_W */
#define CHAR_PX 6.5    /* average glyph width at 11px, for the legend */
#define SWATCH 12

/* Write a coordinate given in tenths: "123.4" (never with a comma). */
static void co(FILE *out, long tenths)
{
	if (tenths < 0) {
		fputc('-', out);
		tenths = -tenths;
	}
	fprintf(out, "%ld.%ld", tenths / 10, tenths % 10);
}

/* Write s escaped, clipped to 'cols' display columns with "…". */
static void clipped(FILE *out, const char *s, size_t cols)
{
	size_t len = strlen(s);
	if (repfmt_width(s) <= cols) {
		repfmt_html(out, s);
		return;
	}
	size_t i = 0, w = 0;
	char buf[4 * LABEL_COLS + 8];
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		size_t cw = repfmt_widthn(s + i, k);
		if (w + cw > cols - 1 || i + k >= sizeof buf - 4)
			break;
		w += cw;
		i += k;
	}
	memcpy(buf, s, i);
	buf[i] = '\0';
	repfmt_html(out, buf);
	fputs("…", out);
}

static void chart_open(FILE *out, const char *title, int height)
{
	fprintf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	             "height=\"%d\">\n<title>", WIDTH, height, WIDTH, height);
	repfmt_html(out, title);
	fputs("</title>\n", out);
}

/* The label of row i, right-aligned before the bars, with its full text. */
static void row_label(FILE *out, int i, const char *label)
{
	fprintf(out, "<text class=\"lab\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 6,
	        PAD + i * ROW_H + BAR_H - 3);
	clipped(out, label, LABEL_COLS);
	fputs("<title>", out);
	repfmt_html(out, label);
	fputs("</title></text>\n", out);
}

void svgbar_bars(FILE *out, const char *title, const struct svgbar_bar *bars, int nbars)
{
	char pct[REPFMT_LEN], a[REPFMT_LEN], b[REPFMT_LEN];
	chart_open(out, title, 2 * PAD + nbars * ROW_H);
	for (int i = 0; i < nbars; i++) {
		const struct svgbar_bar *r = &bars[i];
		long len = r->base > 0 ? (long)BAR_W * 10 * r->count / r->base : 0;
		int y = PAD + i * ROW_H;
		repfmt_pct(pct, r->count, r->base);
		row_label(out, i, r->label);
		/* TRANSLATORS: tooltip of a bar: label, count, base, percentage. */
		char *tip = xasprintf(_("%s: %s von %s (%s)"), r->label, repfmt_int(a, r->count),
		                      repfmt_int(b, r->base), pct);
		fputs("<g><title>", out);
		repfmt_html(out, tip);
		fputs("</title>", out);
		free(tip);
		fprintf(out, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"", LABEL_W, y);
		co(out, len);
		fprintf(out, "\" height=\"%d\"/>", BAR_H);
		fputs("<text class=\"val\" x=\"", out);
		co(out, LABEL_W * 10 + len + 40);
		fprintf(out, "\" y=\"%d\">%s</text></g>\n", y + BAR_H - 3, pct);
	}
	fputs("</svg>\n", out);
}

/* Lightness of code k of n: from 22 % to 86 %, distinct even in grey. */
static double lightness(int k, int n)
{
	return n > 1 ? 0.22 + 0.64 * k / (n - 1) : 0.40;
}

/* One segment of a stacked bar: counts[k] of n, starting at count 'cum'. */
static void segment(FILE *out, const struct svgbar_stack *it, const char *code, int k, int ncodes,
                    int cum, int y)
{
	char fill[8], pct[REPFMT_LEN];
	long x0 = LABEL_W * 10 + (long)BAR_W * 10 * cum / it->n;
	long x1 = LABEL_W * 10 + (long)BAR_W * 10 * (cum + it->counts[k]) / it->n;
	svgbar_colour(fill, k, ncodes);
	repfmt_pct(pct, it->counts[k], it->n);
	/* TRANSLATORS: tooltip of a segment of a stacked bar: the item, the
	 * code's label, percentage, count, base. */
	char *tip = xasprintf(_("%s – %s: %s (%d von %d)"), it->label, code, pct, it->counts[k],
	                      it->n);
	fputs("<g><title>", out);
	repfmt_html(out, tip);
	free(tip);
	fputs("</title><rect x=\"", out);
	co(out, x0);
	fprintf(out, "\" y=\"%d\" width=\"", y);
	co(out, x1 - x0);
	fprintf(out, "\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"/>",
	        BAR_H, fill);
	if (x1 - x0 >= 460) {
		/* dark text on light segments, white on dark ones */
		bool light = lightness(k, ncodes) >= 0.55;
		fputs("<text class=\"seg\" x=\"", out);
		co(out, (x0 + x1) / 2);
		fprintf(out, "\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
		        y + BAR_H - 3, light ? "#1a1a1a" : "#ffffff", pct);
	}
	fputs("</g>\n", out);
}

/* Lay the legend out in lines; returns its height. Writes when 'out'. */
static int legend(FILE *out, const char *const *codes, int ncodes, int top)
{
	int x = 0, y = top;
	for (int k = 0; k < ncodes; k++) {
		int w = SWATCH + 6 + (int)((double)repfmt_width(codes[k]) * CHAR_PX) + 18;
		if (x > 0 && x + w > WIDTH) {
			x = 0;
			y += ROW_H;
		}
		if (out) {
			char fill[8];
			svgbar_colour(fill, k, ncodes);
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			             "stroke=\"#555\" stroke-width=\"0.5\"/>",
			        x, y, SWATCH, SWATCH, fill);
			fprintf(out, "<text class=\"leg\" x=\"%d\" y=\"%d\">", x + SWATCH + 6,
			        y + SWATCH - 2);
			repfmt_html(out, codes[k]);
			fputs("</text>\n", out);
		}
		x += w;
	}
	return y + ROW_H - top;
}

void svgbar_stacked(FILE *out, const char *title, const struct svgbar_stack *items,
                    int nitems, const char *const *codes, int ncodes)
{
	int legend_top = 2 * PAD + nitems * ROW_H + 6;
	int height = legend_top + legend(NULL, codes, ncodes, legend_top);
	chart_open(out, title, height);
	for (int i = 0; i < nitems; i++) {
		const struct svgbar_stack *it = &items[i];
		int y = PAD + i * ROW_H, cum = 0;
		row_label(out, i, it->label);
		for (int k = 0; k < ncodes && it->n > 0; k++) {
			if (it->counts[k] > 0)
				segment(out, it, codes[k], k, ncodes, cum, y);
			cum += it->counts[k];
		}
		fprintf(out, "<text class=\"val\" x=\"%d\" y=\"%d\">n = %d</text>\n",
		        LABEL_W + BAR_W + 6, y + BAR_H - 3, it->n);
	}
	legend(out, codes, ncodes, legend_top);
	fputs("</svg>\n", out);
}

/* HSL to "#rrggbb" for a hue between 180° and 240° (blue). */
static void hsl_blue(char *out, double h, double s, double l)
{
	double c = (1 - fabs(2 * l - 1)) * s;
	double x = c * (1 - fabs(fmod(h / 60, 2) - 1));
	double m = l - c / 2;
	int r = (int)lround(255 * m);
	int g = (int)lround(255 * (x + m));
	int b = (int)lround(255 * (c + m));
	snprintf(out, 8, "#%02x%02x%02x", r & 0xff, g & 0xff, b & 0xff);
}

void svgbar_colour(char *out, int k, int n)
{
	hsl_blue(out, 212, 0.55, lightness(k, n));
}
