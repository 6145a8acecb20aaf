/*
 * wmatrix: the widget of matrix questions — one row per item, one column
 * per scale, and on a narrow screen one item at a time. A key changes the
 * focused cell's answer through the engine and sets a->dirty; it never
 * saves and never draws. It owns nothing: the focused cell lives in a->qs.
 * Nothing here fails.
 */
#ifndef FB_WMATRIX_H
#define FB_WMATRIX_H

#include "tui/app.h"

/* A key for the matrix of the current question. */
void wmatrix_key(struct app *a, bool code, wint_t ch);
/*
 * Draw the matrix (or its focused row) between rows top and bottom
 * (exclusive): row labels and cells wrap within their columns, the scale
 * under the rows wraps between its values, and the focused row stays on
 * screen. Returns the row just below the last one drawn (at most bottom),
 * where a message about the answer can stand.
 */
int wmatrix_draw(struct app *a, int top, int bottom);

#endif
