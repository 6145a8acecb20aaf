/*
 * widget: the answer part of the question screen, per question type —
 * choice lists, multiple choice, scales, matrices, number, text, date and
 * long-text fields. It reads and writes the answer through the engine, so
 * every change is validated, routed and audited like any other. It never
 * saves: whatever changes the response sets a->dirty, and the main loop
 * saves after the key.
 *
 * widget_load() prepares the current question (editor text, a draft left
 * by a closed terminal); widget_commit() stores what was typed and drops
 * the draft, or sets a->msg and returns -1 if it cannot be read as an
 * answer.
 */
#ifndef FB_WIDGET_H
#define FB_WIDGET_H

#include "tui/app.h"

void widget_load(struct app *a);
int widget_commit(struct app *a);
/* Keep half-typed text as a draft (no checks), or drop a draft the field
 * no longer differs from; the question screen's leave hook. */
void widget_keep_draft(struct app *a);
/* Draw between rows top and bottom; the row below the widget. */
int widget_draw(struct app *a, int top, int bottom);
/* The footer's keys for the widget in its current state. */
const char *widget_keys(struct app *a);
/* Enter belongs to the widget (a new line in a long-text field). */
bool widget_wants_enter(struct app *a);
/* Typed letters go into a text field (so missing codes need Alt). */
bool widget_takes_text(struct app *a);
void widget_set_missing(struct app *a, int32_t code);
void widget_key(struct app *a, bool code, wint_t ch);

#endif
