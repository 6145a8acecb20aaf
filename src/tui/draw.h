/*
 * draw: text on the screen, measured in display columns — clipped, padded
 * and word-wrapped. Widths come from width_cp() (util/width), the same table the
 * text fields use, so what is measured is what is drawn.
 *
 * Only screens call these, from their draw functions; key handling never
 * draws.
 */
#ifndef FB_DRAW_H
#define FB_DRAW_H

#include "tui/term.h"

/* Put at most 'width' columns of s (up to its first line break) at (y, x);
 * returns columns used. */
int draw_text(int y, int x, const char *s, int width, enum style st);
/* Like draw_text, then fill the rest of 'width' with blanks in the style. */
void draw_line(int y, int x, const char *s, int width, enum style st);
/*
 * Word-wrap s into 'width' columns from row y (at most maxrows rows, 0 for
 * no drawing: just count). Returns the rows the whole text needs.
 */
int draw_wrap(int y, int x, const char *s, int width, int maxrows, enum style st);
/* Display columns of a NUL-terminated string. */
int draw_width(const char *s);
/* A horizontal rule (─, or - without UTF-8). */
void draw_rule(int y, int x, int width, enum style st);

#endif
