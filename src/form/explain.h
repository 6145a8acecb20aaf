/*
 * explain: an expression in readable words, for codebooks and printouts.
 *
 * "selected(G1, 1) or selected(G1, 2)" reads „G1 = 1 („ja, beschlossen“)
 * oder G1 = 2 („in Erarbeitung“)“; "not answered(A5)" reads „A5 ist nicht
 * beantwortet“; "A4 >= 100000" reads „A4 ≥ 100 000“. Codes compared with a
 * choice variable get their labels from the form, missing-code tests name
 * the missing code, if() chains read „wenn …, dann …; sonst …“, and
 * parentheses are set wherever „und“ and „oder“ or the arithmetic would be
 * ambiguous. A part that has no reading (too deeply nested, or not resolved
 * by the loader) is shown as expression code instead: nothing here fails.
 * The examples are German, the source language; with --lang en the same
 * reading comes in English („A5 is not answered“).
 *
 * The reading never changes the meaning, including null: "not selected(G1,
 * 1)" becomes „G1 ≠ 1“, which is null exactly when the original is.
 *
 * Markup (util/markup.h): the same reading as plain text, as Markdown or
 * as HTML, every text from the form escaped; code in backticks or <code>.
 *
 * Ownership: functions append to a caller's sbuf; explain_str() returns a
 * new string the caller frees with free(). The form may be NULL (no labels).
 */
#ifndef FB_EXPLAIN_H
#define FB_EXPLAIN_H

#include "form/form.h"
#include "util/markup.h"
#include "util/sbuf.h"

/* Subtrees nested deeper than this are shown as code. */
#define EXPLAIN_MAX_DEPTH 32

/* Append the reading of e. */
void explain_append(struct sbuf *b, const struct form *f, const struct expr *e,
                    enum markup m);
/* The reading of a computed value's formula: result codes get its labels. */
void explain_computed(struct sbuf *b, const struct form *f, const struct computed *c,
                      enum markup m);
/*
 * All of n conditions (NULL entries skipped) joined by „und“, each in
 * parentheses where needed. Appends nothing when all are NULL.
 */
void explain_all(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                 enum markup m);
/*
 * The same, worded to follow „wenn“: statements put their verb last
 * („H1 beantwortet ist und bei H1 „keine davon“ (8) nicht gewählt ist“).
 */
void explain_when(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                  enum markup m);
/* The plain-text reading as a new string. */
char *explain_str(const struct form *f, const struct expr *e);

#endif
