/*
 * excond: the readings of conditions, for explain.c: comparisons with the
 * labels of the codes compared, answered(), missing(), selected(),
 * matches() and their negations, said positively where the language has a
 * word for it („G1 ≠ 1“ for "not selected(G1, 1)", null exactly when the
 * original is). Each returns the enum prec of what it wrote.
 */
#ifndef FB_EXCOND_H
#define FB_EXCOND_H

#include <stdbool.h>

#include "form/exword.h"

/*
 * answered(), missing(), selected() or matches() in e, negated with 'neg';
 * -1 (and nothing written) for anything else.
 */
int excond_condition(const struct exword *c, struct sbuf *b, const struct expr *e, bool neg,
                     int depth);
/* „G1 = 1 („ja“)“: the comparison e, read with operator 'op'. */
int excond_compare(const struct exword *c, struct sbuf *b, const struct expr *e,
                   enum expr_op op, int depth);
/* not x (e is E_NOT). */
int excond_negation(const struct exword *c, struct sbuf *b, const struct expr *e, int depth);

#endif
