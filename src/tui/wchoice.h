/*
 * wchoice: the widget of single choice, scale and multiple choice
 * questions, and the text of a selected "Sonstiges". A key changes the
 * answer through the engine (validated, routed, audited) and sets
 * a->dirty; it never saves and never draws. It owns nothing: the editor
 * and the list's position live in a->qs. Nothing here fails.
 */
#ifndef FB_WCHOICE_H
#define FB_WCHOICE_H

#include "tui/app.h"

/* A key for the choice list of the current question. */
void wchoice_key(struct app *a, bool code, wint_t ch);
/*
 * Draw the options between rows top and bottom (exclusive), each label
 * wrapped under itself; the highlighted option stays whole on screen.
 * Returns the row just below the last one drawn (at most bottom), where
 * a message about the answer can stand.
 */
int wchoice_draw(struct app *a, int top, int bottom);

#endif
