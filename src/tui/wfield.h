/*
 * wfield: the widget of number, text, date and long-text questions — an
 * editor (a->qs.ed) with the unit, the expected date format, and how a
 * number with a dot was read. Keys only edit the text; the answer changes
 * when widget_commit() stores what wfield_parse() read. It owns nothing:
 * the editor and its layout live in a->qs.
 *
 * Errors: wfield_parse() returns -1 and sets a->qs.msg (and msg_style)
 * when the text is no number or date; the caller keeps the old answer.
 */
#ifndef FB_WFIELD_H
#define FB_WFIELD_H

#include <stddef.h>

#include "tui/app.h"

/* The stored answer as the field shows it ("" if none), into buf[n]. */
void wfield_answer_text(struct app *a, char *buf, size_t n);
/* The editor's text as a value of the field's type (null if empty) in
 * *out, which the caller frees with value_free(); 0, or -1 with a->qs.msg. */
int wfield_parse(struct app *a, struct value *out);
/* A key for the field's editor. */
void wfield_key(struct app *a, bool code, wint_t ch);
/* Draw the field between rows top and bottom and place the cursor; the
 * row below the last one drawn. A text's trailing blanks and blank lines
 * are no part of the value wfield_parse() reads. */
int wfield_draw(struct app *a, int top, int bottom);

#endif
