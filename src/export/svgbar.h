/*
 * svgbar: horizontal bar charts as inline SVG for the HTML report — plain
 * bars (one per category) and stacked 100 % bars (one per battery item,
 * one segment per code) with a legend.
 *
 * The output is meant to sit inside an HTML5 document: no xmlns (the HTML
 * parser puts <svg> into its namespace), no script, no external reference.
 * Every chart and every bar or segment carries a <title>, so that screen
 * readers and mouse-over show the exact numbers. Segment colours run from
 * dark to light, so they stay apart in grey print. Coordinates are written
 * from integers: the user's LC_NUMERIC cannot turn a point into a comma.
 *
 * Row labels stay inside the chart: wrapped onto up to three lines (the row
 * grows), and when even that is too short, cut in the middle so that the
 * end, which often tells neighbours apart, stays visible. A percentage on a
 * segment is white or near-black, whichever contrasts more with the
 * segment (WCAG luminance), and says so in its fill attribute: a style
 * sheet must not set the fill of every text (htmlcss sets it only for
 * texts without one). Plain bars have their value right of the bar.
 */
#ifndef FB_SVGBAR_H
#define FB_SVGBAR_H

#include <stdio.h>

/* A bar: 'count' of 'base' (the percent is computed from both). */
struct svgbar_bar {
	const char *label;
	int count;
	int base;
};

/* A stacked bar: counts[0, ncodes) out of n valid answers. */
struct svgbar_stack {
	const char *label;
	const int *counts;
	int n;
};

/* Plain bars under the chart title 'title'. */
void svgbar_bars(FILE *out, const char *title, const struct svgbar_bar *bars, int nbars);
/* Stacked bars with a legend naming codes[0, ncodes). */
void svgbar_stacked(FILE *out, const char *title, const struct svgbar_stack *items,
                    int nitems, const char *const *codes, int ncodes);
/* Fill colour of code k of n as "#rrggbb" (8 bytes with NUL), dark to light. */
void svgbar_colour(char *out, int k, int n);

#endif
