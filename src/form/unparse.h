/*
 * unparse: expression syntax from a tree — for showing part of an
 * expression whose source text is not at hand (only a root keeps its
 * source). Numbers are written so that they read back exactly, texts with
 * their quotes escaped.
 *
 * Ownership: appends to the caller's sbuf. Never fails.
 */
#ifndef FB_UNPARSE_H
#define FB_UNPARSE_H

#include "form/expr.h"
#include "util/sbuf.h"

void unparse_expr(struct sbuf *b, const struct expr *e);

#endif
