/*
 * svgbar: bar charts as SVG text. Lengths are computed in tenths of a
 * pixel from integer counts, so that the segments of a stacked bar abut
 * exactly and always add up to the full width. It writes to the stream it
 * is given and nothing else; it never emits markup from its input.
 *
 * A label is right-aligned before its bar, so it grows to the left: it is
 * wrapped onto at most LABEL_LINES lines of an estimated width that stays
 * inside LABEL_PX (glyph widths of a wide sans serif, so that the real
 * font is narrower), and the row grows with its lines. What still does not
 * fit is cut in the middle: the end of a label is often what tells it
 * apart from its neighbours („Leitung oder Mitarbeiter_in … – Sozialamt“).
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
#define ROW_H 22       /* a row with a one-line label */
#define BAR_H 14
#define PAD 4
#define FONT_PX 11     /* svg text{font-size:11px} in htmlcss */
#define LINE_H 12      /* from one label line to the next */
#define LABEL_LINES 3  /* lines of a label at most */
#define LABEL_PX (LABEL_W - 6 - 4) /* room of a label line, right of x = 4 */
#define SWATCH 12
#define ELLIPSIS "…"

/* Write a coordinate given in tenths: "123.4" (never with a comma). */
static void co(FILE *out, long tenths)
{
	if (tenths < 0) {
		fputc('-', out);
		tenths = -tenths;
	}
	fprintf(out, "%ld.%ld", tenths / 10, tenths % 10);
}

/* ------------------------------------------------------------ text width */

/* Advance widths of ' ' to '~' in thousandths of an em, those of DejaVu
 * Sans rounded up: one of the widest fonts system-ui may turn out to be. */
static const unsigned short ascii_em[95] = {
	320, 400, 460, 840, 640, 950, 780, 280, 390, 390, 500, 840, 320, 370, 320, 340,
	640, 640, 640, 640, 640, 640, 640, 640, 640, 640, 340, 340, 840, 840, 840, 540,
	1000, 690, 690, 700, 770, 640, 580, 780, 760, 300, 300, 660, 560, 870, 750, 790,
	610, 790, 700, 640, 620, 740, 690, 990, 690, 620, 690, 390, 340, 390, 840, 500,
	500, 620, 640, 560, 640, 620, 360, 640, 640, 280, 280, 580, 280, 980, 640, 620,
	640, 640, 420, 530, 400, 640, 600, 820, 600, 600, 530, 640, 340, 640, 840,
};

/* Estimated width of one code point in thousandths of an em. */
static long glyph_em(uint32_t cp, const char *s, size_t k)
{
	if (cp >= 0x20 && cp < 0x7f)
		return ascii_em[cp - 0x20];
	if (cp == 0x2026) /* … */
		return 1000;
	if (cp >= 0xc0 && cp <= 0xde) /* Ä Ö Ü É …: capitals */
		return 790;
	if (cp >= 0xdf && cp <= 0xff) /* ä ö ü ß é … */
		return 640;
	size_t cols = repfmt_widthn(s, k);
	return cols == 0 ? 0 : cols >= 2 ? 1000 : 720;
}

/* Estimated width of s[0, n) in thousandths of an em. */
static long text_em(const char *s, size_t n)
{
	long w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		w += glyph_em(cp, s + i, k);
		i += k;
	}
	return w;
}

/* Whether 'em' thousandths of an em fit 'px' pixels at FONT_PX. */
static bool fits(long em, long px)
{
	return em * FONT_PX <= px * 1000;
}

/* The longest start of s[0, n) that fits a label line: up to the last
 * space (or after the last hyphen or slash) that fits, else as many
 * characters as fit, at least one. Returns its length in bytes without
 * trailing spaces; *next gets where the rest starts, spaces skipped. */
static size_t fit_line(const char *s, size_t n, long px, size_t *next)
{
	size_t i = 0, brk = 0, resume = 0;
	long w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		w += glyph_em(cp, s + i, k);
		if (cp != ' ' && !fits(w, px) && i > 0)
			break;
		if (cp == ' ') {
			brk = i;
			resume = i + 1;
		} else if ((cp == '-' || cp == '/') && i + k < n) {
			brk = resume = i + k;
		}
		i += k;
	}
	if (i < n && brk > 0)
		i = brk;
	else
		resume = i;
	while (resume < n && s[resume] == ' ')
		resume++;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	*next = resume;
	return i;
}

/* ------------------------------------------------------------ labels */

/* One line of a label: s[off, off + len) after 'pre' ("" or an ellipsis). */
struct line {
	size_t off, len;
	const char *pre;
};

/* A row: its label's lines and the top of its bar. */
struct row {
	struct line line[LABEL_LINES];
	int nlines;
	int y;
};

/* The end of s[from, n) that fits a line after "… ": from a word's start
 * when the end has a space, else from inside the last word. */
static struct line tail_line(const char *s, size_t from, size_t n)
{
	long pre = text_em(ELLIPSIS " ", strlen(ELLIPSIS " ")), w = text_em(s + from, n - from);
	size_t t = from;
	while (t < n && !fits(pre + w, LABEL_PX)) {
		uint32_t cp;
		size_t k = utf8_decode(s + t, n - t, &cp);
		w -= glyph_em(cp, s + t, k);
		t += k;
	}
	const char *sp = memchr(s + t, ' ', n - t);
	if (t > from && s[t - 1] != ' ' && sp && sp + 1 < s + n)
		t = (size_t)(sp - s) + 1;
	bool word = t == from || s[t - 1] == ' ';
	while (t < n && s[t] == ' ')
		t++;
	return (struct line){ t, n - t, word ? ELLIPSIS " " : ELLIPSIS };
}

/* Break a label into lines; a label too long for LABEL_LINES keeps its
 * first lines and its end. */
static void label_lines(struct row *rw, const char *s)
{
	size_t n = strlen(s), pos = 0;
	rw->nlines = 0;
	while (pos < n && rw->nlines < LABEL_LINES) {
		size_t next, len = fit_line(s + pos, n - pos, LABEL_PX, &next);
		rw->line[rw->nlines++] = (struct line){ pos, len, "" };
		pos += next;
	}
	if (pos < n)
		rw->line[LABEL_LINES - 1] = tail_line(s, rw->line[LABEL_LINES - 1].off, n);
	if (rw->nlines == 0)
		rw->line[rw->nlines++] = (struct line){ 0, 0, "" };
}

/* Lay out the row with 'label' from 'top' on; returns the next row's top. */
static int row_layout(struct row *rw, const char *label, int top)
{
	label_lines(rw, label);
	int extra = (rw->nlines - 1) * LINE_H;
	rw->y = top + extra / 2;
	return top + ROW_H + extra;
}

/* The label of a row, right-aligned before the bar and centred on it,
 * with its full text as its title. */
static void row_label(FILE *out, const struct row *rw, const char *label)
{
	int x = LABEL_W - 6;
	fprintf(out, "<text class=\"lab\" x=\"%d\" y=\"%d\" text-anchor=\"end\"><title>", x,
	        rw->y + BAR_H - 3 - (rw->nlines - 1) * LINE_H / 2);
	repfmt_html(out, label);
	fputs("</title>", out);
	for (int j = 0; j < rw->nlines; j++) {
		const struct line *ln = &rw->line[j];
		char *part = xstrndup(label + ln->off, ln->len);
		if (rw->nlines > 1)
			fprintf(out, "<tspan x=\"%d\" dy=\"%d\">", x, j > 0 ? LINE_H : 0);
		fputs(ln->pre, out);
		repfmt_html(out, part);
		if (rw->nlines > 1)
			fputs("</tspan>", out);
		free(part);
	}
	fputs("</text>\n", out);
}

/* ------------------------------------------------------------ charts */

static void chart_open(FILE *out, const char *title, int height)
{
	fprintf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	             "height=\"%d\">\n<title>", WIDTH, height, WIDTH, height);
	repfmt_html(out, title);
	fputs("</title>\n", out);
}

void svgbar_bars(FILE *out, const char *title, const struct svgbar_bar *bars, int nbars)
{
	char pct[REPFMT_LEN], a[REPFMT_LEN], b[REPFMT_LEN];
	struct row *rows = xcalloc((size_t)nbars + 1, sizeof *rows);
	int bottom = PAD;
	for (int i = 0; i < nbars; i++)
		bottom = row_layout(&rows[i], bars[i].label, bottom);
	chart_open(out, title, bottom + PAD);
	for (int i = 0; i < nbars; i++) {
		const struct svgbar_bar *r = &bars[i];
		long len = r->base > 0 ? (long)BAR_W * 10 * r->count / r->base : 0;
		int y = rows[i].y;
		repfmt_pct(pct, r->count, r->base);
		row_label(out, &rows[i], r->label);
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
		/* the value stands right of the bar, never on it */
		fputs("<text class=\"val\" x=\"", out);
		co(out, LABEL_W * 10 + len + 40);
		fprintf(out, "\" y=\"%d\">%s</text></g>\n", y + BAR_H - 3, pct);
	}
	fputs("</svg>\n", out);
	free(rows);
}

/* Lightness of code k of n: from 22 % to 86 %, distinct even in grey. */
static double lightness(int k, int n)
{
	return n > 1 ? 0.22 + 0.64 * k / (n - 1) : 0.40;
}

/* Relative luminance (WCAG 2) of a colour "#rrggbb". */
static double luminance(const char *hex)
{
	double sum = 0;
	const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	for (int i = 0; i < 3; i++) {
		char two[3] = { hex[1 + 2 * i], hex[2 + 2 * i], '\0' };
		double c = (double)strtol(two, NULL, 16) / 255;
		sum += weight[i] * (c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
	}
	return sum;
}

/* The text colour for a fill: white or near-black, whichever contrasts
 * more (WCAG: (L1 + 0.05) / (L2 + 0.05)). */
static const char *text_on(const char *fill)
{
	double l = luminance(fill);
	double white = 1.05 / (l + 0.05), dark = (l + 0.05) / (luminance("#1a1a1a") + 0.05);
	return white > dark ? "#ffffff" : "#1a1a1a";
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
		/* the fill attribute wins: the style sheet colours only texts without one */
		fputs("<text class=\"seg\" x=\"", out);
		co(out, (x0 + x1) / 2);
		fprintf(out, "\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
		        y + BAR_H - 3, text_on(fill), pct);
	}
	fputs("</g>\n", out);
}

/* Lay the legend out in lines; returns its height. Writes when 'out'. */
static int legend(FILE *out, const char *const *codes, int ncodes, int top)
{
	int x = 0, y = top;
	for (int k = 0; k < ncodes; k++) {
		long em = text_em(codes[k], strlen(codes[k]));
		int w = SWATCH + 6 + (int)(em * FONT_PX / 1000) + 18;
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
	struct row *rows = xcalloc((size_t)nitems + 1, sizeof *rows);
	int bottom = PAD;
	for (int i = 0; i < nitems; i++)
		bottom = row_layout(&rows[i], items[i].label, bottom);
	int legend_top = bottom + PAD + 6;
	int height = legend_top + legend(NULL, codes, ncodes, legend_top);
	chart_open(out, title, height);
	for (int i = 0; i < nitems; i++) {
		const struct svgbar_stack *it = &items[i];
		int y = rows[i].y, cum = 0;
		row_label(out, &rows[i], it->label);
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
	free(rows);
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
