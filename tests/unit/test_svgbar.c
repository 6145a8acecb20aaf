/*
 * Tests of the SVG bar charts: readable value labels on dark and light
 * segments, row labels that stay inside the chart (wrapped, the rows grown
 * for their lines), long labels that stay told apart when they must be cut,
 * and the full text of every label in its title.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/repfmt.h"
#include "export/svgbar.h"
#include "util/i18n.h"
#include "util/utf8.h"

static void setup(void)
{
	cr_assert_eq(i18n_init("de", "/nonexistent"), 0);
}

TestSuite(svgbar, .init = setup);

/* What was written to f, as a string (free()); closes f. */
static char *slurp(FILE *f)
{
	long len = ftell(f);
	cr_assert_geq(len, 0);
	char *buf = malloc((size_t)len + 1);
	cr_assert_not_null(buf);
	rewind(f);
	cr_assert_eq(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/* Bars or stacked bars as a string (free()). */
static char *bars_svg(const struct svgbar_bar *bars, int n)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	svgbar_bars(f, "Titel", bars, n);
	return slurp(f);
}

static char *stacked_svg(const struct svgbar_stack *items, int n, const char *const *codes,
                         int ncodes)
{
	FILE *f = tmpfile();
	cr_assert_not_null(f);
	svgbar_stacked(f, "Titel", items, n, codes, ncodes);
	return slurp(f);
}

/* The number in attribute 'name' of the tag that starts at p. */
static double attr(const char *p, const char *name)
{
	char key[32];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *end = strchr(p, '>');
	const char *a = strstr(p, key);
	cr_assert(a && a < end, "no %s in %.60s", name, p);
	return atof(a + strlen(key));
}

/* ------------------------------------------------------------ colours */

/* WCAG relative luminance of "#rrggbb". */
static double lum(const char *hex)
{
	unsigned v[3];
	cr_assert_eq(sscanf(hex, "#%2x%2x%2x", &v[0], &v[1], &v[2]), 3, "%s", hex);
	double w[3] = { 0.2126, 0.7152, 0.0722 }, l = 0;
	for (int i = 0; i < 3; i++) {
		double c = v[i] / 255.0;
		l += w[i] * (c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
	}
	return l;
}

static double contrast(const char *a, const char *b)
{
	double x = lum(a), y = lum(b);
	return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

Test(svgbar, segment_labels_contrast_with_their_fill)
{
	const char *codes[] = { "a", "b", "c", "d", "e", "f", "g" };
	for (int n = 2; n <= 7; n++)
		for (int k = 0; k < n; k++) {
			/* code k wide enough for a label, the others too narrow */
			int counts[7];
			for (int j = 0; j < n; j++)
				counts[j] = j == k ? 20 : 1;
			struct svgbar_stack it = { "Aussage", counts, 20 + n - 1 };
			char *s = stacked_svg(&it, 1, codes, n);
			const char *t = strstr(s, "<text class=\"seg\"");
			cr_assert_not_null(t, "no label on code %d of %d", k, n);
			cr_assert_null(strstr(t + 1, "<text class=\"seg\""));
			const char *f = strstr(t, "fill=\"");
			cr_assert(f && f < strchr(t, '>'));
			char fg[8], bg[8];
			memcpy(fg, f + 6, 7);
			fg[7] = '\0';
			svgbar_colour(bg, k, n);
			double got = contrast(fg, bg);
			double best = fmax(contrast("#ffffff", bg), contrast("#1a1a1a", bg));
			cr_assert_geq(got, best - 1e-9, "code %d of %d: %s on %s has %.2f:1, not %.2f:1",
			              k, n, fg, bg, got, best);
			if (best >= 4.5)
				cr_assert_geq(got, 4.5);
			free(s);
		}
}

Test(svgbar, bar_values_stand_right_of_their_bars)
{
	struct svgbar_bar b[] = { { "alle", 3, 3 }, { "ein Drittel", 1, 3 } };
	char *s = bars_svg(b, 2);
	double width = attr(strstr(s, "<svg"), "width");
	for (const char *r = s; (r = strstr(r, "<rect class=\"bar\"")) != NULL; r++) {
		const char *v = strstr(r, "<text class=\"val\"");
		cr_assert_not_null(v);
		double end = attr(r, "x") + attr(r, "width");
		cr_assert_gt(attr(v, "x"), end, "value on its bar");
		cr_assert_lt(attr(v, "x") + 45, width, "value past the chart");
	}
	free(s);
}

/* ------------------------------------------------------------ labels */

/* A row label as drawn: its lines, first baseline, and its title. */
struct lab {
	char line[4][512];
	int nlines;
	double y;
	char title[512];
};

/* Copy s[0, n) to dst (512 bytes). */
static void copy(char *dst, const char *s, size_t n)
{
	cr_assert_lt(n, 512);
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The row labels of a chart, at most 'max'; returns how many. */
static int labels_of(const char *svg, struct lab *v, int max)
{
	int n = 0;
	for (const char *p = svg; (p = strstr(p, "<text class=\"lab\"")) != NULL; p++) {
		cr_assert_lt(n, max);
		struct lab *l = &v[n++];
		memset(l, 0, sizeof *l);
		l->y = attr(p, "y");
		cr_assert_eq(attr(p, "x"), 214, "right-aligned at the label area's edge");
		cr_assert_not_null(strstr(p, "text-anchor=\"end\""));
		const char *body = strchr(p, '>') + 1, *end = strstr(p, "</text>");
		const char *t = strstr(body, "<title>");
		cr_assert(t && t < end, "label without its title");
		const char *te = strstr(t, "</title>");
		copy(l->title, t + 7, (size_t)(te - t - 7));
		const char *rest = te + 8;
		if (t > body)
			rest = body; /* text before the title */
		if (!strstr(rest, "<tspan") || strstr(rest, "<tspan") > end) {
			const char *stop = t > body ? t : end;
			copy(l->line[0], rest, (size_t)(stop - rest));
			l->nlines = 1;
			continue;
		}
		for (const char *q = rest; (q = strstr(q, "<tspan")) != NULL && q < end; q++) {
			cr_assert_lt(l->nlines, 4, "more than three lines");
			const char *a = strchr(q, '>') + 1;
			copy(l->line[l->nlines++], a, (size_t)(strstr(a, "</tspan>") - a));
		}
	}
	return n;
}

/* A little more than the advance of a glyph of DejaVu Sans, one of the
 * widest faces system-ui may be, at 11px (the style sheet's size). */
static double line_px(const char *s)
{
	double px = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		bool cap = (cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde);
		px += cp == ' ' ? 3.5 : cp == 0x2026 ? 11 : cap ? 7.6 : 6.6;
	}
	return px;
}

static const char *const wide[] = {
	"kurz",
	"Demonstrationen und Kundgebungen im öffentlichen Raum der Kommune",
	"DEMONSTRATIONEN UND KUNDGEBUNGEN IM ÖFFENTLICHEN RAUM",
	("Aufnahme, Unterbringung und Versorgung von Geflüchteten in Gemeinschaftsunterkünften "
	 "und dezentralen Wohnungen des Landkreises und seiner Gemeinden"),
};

/* Every line of every label starts right of x = 0, and a row's lines sit
 * between the bars above and below (the rects with 'mark'). */
static void check_inside(const char *svg, const char *mark)
{
	struct lab v[8];
	int n = labels_of(svg, v, 8);
	cr_assert_eq(n, 4);
	cr_assert_str_eq(v[0].line[0], "kurz");
	cr_assert_eq(v[0].nlines, 1);
	double bar_y[8];
	int nb = 0;
	for (const char *p = svg; (p = strstr(p, "<rect")) != NULL && nb < 8; p++) {
		const char *m = strstr(p, mark);
		if (m && m < strchr(p, '>') && (nb == 0 || attr(p, "y") != bar_y[nb - 1]))
			bar_y[nb++] = attr(p, "y");
	}
	cr_assert_eq(nb, 4);
	double height = attr(strstr(svg, "<svg"), "height");
	for (int i = 0; i < n; i++) {
		cr_assert_str_eq(v[i].title, wide[i]);
		for (int j = 0; j < v[i].nlines; j++)
			cr_assert_leq(line_px(v[i].line[j]), 214, "label %d line %d past x = 0: %s", i,
			              j, v[i].line[j]);
		double top = v[i].y - 9, bottom = v[i].y + 12 * (v[i].nlines - 1) + 3;
		cr_assert_geq(top, i > 0 ? bar_y[i - 1] + 14 : 0, "label %d on the bar above", i);
		cr_assert_leq(bottom, i + 1 < nb ? bar_y[i + 1] : height, "label %d below", i);
		double mid = (top + bottom) / 2;
		cr_assert(mid >= bar_y[i] && mid <= bar_y[i] + 14, "label %d beside its bar", i);
	}
	cr_assert_gt(v[1].nlines, 1);
	cr_assert_gt(v[2].nlines, 1);
	cr_assert_eq(v[3].nlines, 3);
}

Test(svgbar, long_labels_wrap_inside_the_chart)
{
	struct svgbar_bar b[4];
	for (int i = 0; i < 4; i++)
		b[i] = (struct svgbar_bar){ wide[i], i + 1, 4 };
	char *s = bars_svg(b, 4);
	check_inside(s, "class=\"bar\"");
	free(s);
	int counts[4][2] = { { 1, 1 }, { 1, 2 }, { 2, 1 }, { 3, 3 } };
	struct svgbar_stack it[4];
	for (int i = 0; i < 4; i++)
		it[i] = (struct svgbar_stack){ wide[i], counts[i], counts[i][0] + counts[i][1] };
	const char *codes[] = { "ja", "nein" };
	s = stacked_svg(it, 4, codes, 2);
	check_inside(s, "stroke=\"#fff\"");
	free(s);
}

#define PREFIX "Leitung oder Mitarbeiter_in einer Verwaltungsstelle für Integration, " \
	       "Migration und Teilhabe in der Kommune: "

static const char *const kin[] = { PREFIX "Sozialamt", PREFIX "Ausländerbehörde",
	                           PREFIX "Jobcenter" };

/* The three labels differ as drawn, each with its own end, and keep their
 * full text in their titles. */
static void check_distinct(const char *svg)
{
	struct lab v[3];
	char shown[3][2048];
	cr_assert_eq(labels_of(svg, v, 3), 3);
	for (int i = 0; i < 3; i++) {
		shown[i][0] = '\0';
		for (int j = 0; j < v[i].nlines; j++) {
			strcat(shown[i], v[i].line[j]);
			strcat(shown[i], "\n");
		}
		cr_assert_str_eq(v[i].title, kin[i]);
		const char *end = strrchr(kin[i], ' ') + 1;
		cr_assert_not_null(strstr(v[i].line[v[i].nlines - 1], end), "%s", shown[i]);
		cr_assert_not_null(strstr(shown[i], "Leitung oder"), "the start stays: %s", shown[i]);
	}
	cr_assert_str_neq(shown[0], shown[1]);
	cr_assert_str_neq(shown[0], shown[2]);
	cr_assert_str_neq(shown[1], shown[2]);
}

Test(svgbar, labels_with_a_long_common_start_stay_distinct)
{
	struct svgbar_bar b[3];
	for (int i = 0; i < 3; i++)
		b[i] = (struct svgbar_bar){ kin[i], 1, 3 };
	char *s = bars_svg(b, 3);
	check_distinct(s);
	/* every bar keeps the full label in its own title */
	for (int i = 0; i < 3; i++) {
		char tip[512];
		snprintf(tip, sizeof tip, "<g><title>%s: 1 von 3 (33,3 %%)</title>", kin[i]);
		cr_assert_not_null(strstr(s, tip), "%s", tip);
	}
	free(s);
	int counts[] = { 1, 2 };
	struct svgbar_stack it[3];
	for (int i = 0; i < 3; i++)
		it[i] = (struct svgbar_stack){ kin[i], counts, 3 };
	const char *codes[] = { "ja", "nein" };
	s = stacked_svg(it, 3, codes, 2);
	check_distinct(s);
	for (int i = 0; i < 3; i++) {
		char tip[512];
		snprintf(tip, sizeof tip, "<g><title>%s – nein: 66,7 %% (2 von 3)</title>", kin[i]);
		cr_assert_not_null(strstr(s, tip), "%s", tip);
	}
	free(s);
}
