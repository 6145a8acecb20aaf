/*
 * pipe: fills earlier answers into texts ("Wie gut hat {A1|Ihre Kommune} …").
 *
 * {ID} inserts the value of variable ID as a person reads it: the label of a
 * choice, labels joined by ", " for a multi answer, numbers with the German
 * decimal comma and thousands dots, dates as TT.MM.JJJJ. {ID|Text} shows
 * "Text" while ID has no value; without a fallback "…" stands in. "{{" is a
 * literal "{". The loader has checked every reference.
 *
 * Ownership: both functions return a new string the caller frees.
 */
#ifndef FB_PIPE_H
#define FB_PIPE_H

#include "form/engine.h"

char *pipe_render(struct engine *e, const char *text);
/* The readable text of a value of variable 'var' (NULL for null). */
char *pipe_value_text(const struct form *f, int var, const struct value *v);

#endif
