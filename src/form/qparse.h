/*
 * qparse: the structural part of reading one question (and choice lists).
 *
 * It fills a struct question from its JSON object and registers its
 * variables; expressions and piping are checked later by the loader, once
 * every name in the form is known. Used only by ldread.c.
 */
#ifndef FB_QPARSE_H
#define FB_QPARSE_H

#include "form/ld.h"

/* Read a choice list (inline array); the form owns the result. NULL if bad. */
const struct choicelist *qparse_choicelist(struct ld *l, const cJSON *arr, const char *name,
                                           const char *what);
/* Read question 'qi' of section 'si' from 'obj'. */
void qparse_question(struct ld *l, const cJSON *obj, int qi, int si);

#endif
