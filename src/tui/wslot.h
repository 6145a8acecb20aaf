/*
 * wslot: what the answer widgets share — the current question, the answer
 * slot the widget works on (the focused cell of a matrix), that slot's
 * answer, and the line saying that the answer is a missing code. The
 * widget modules (widget, wchoice, wfield, wmatrix) include it; it
 * includes none of them, so that they never include each other in a
 * circle.
 *
 * Everything returned is borrowed from the form or the open response and
 * lives as long as they do; nothing here changes the response or fails.
 */
#ifndef FB_WSLOT_H
#define FB_WSLOT_H

#include "tui/app.h"

/* The question on the screen. */
const struct question *wslot_question(struct app *a);
/* A number, text, date or long-text field: the editor holds the answer. */
bool wslot_is_field(const struct question *q);
/* A single, scale or multiple choice list. */
bool wslot_is_choice(const struct question *q);
/* The answer slot the widget works on (the focused cell of a matrix);
 * -1 if the question has none. */
int wslot_index(struct app *a);
/* That slot's answer, or NULL if there is no slot. */
const struct answer *wslot_answer(struct app *a);
/* "Antwort: weiß nicht" at row y if 'an' is a missing code; rows used. */
int wslot_draw_missing(struct app *a, int y, const struct answer *an);

#endif
