/*
 * cbdoc: the page of a codebook, written piece by piece in Markdown or in
 * HTML. The codebook decides what to say; cbdoc decides how it looks, so
 * that the two formats always carry the same content.
 *
 * Safety: cbdoc_raw() writes markup as given and is for markup this program
 * writes; every text that comes from a form goes through cbdoc_text() (or
 * a function taking a text), which escapes it for the format.
 *
 * Ownership: a cbdoc writes into the caller's sbuf 'o'; the functions that
 * return a string return a new one the caller frees. Nothing fails.
 */
#ifndef FB_CBDOC_H
#define FB_CBDOC_H

#include <stdbool.h>

#include "export/table.h"
#include "util/markup.h"
#include "util/sbuf.h"

struct cbdoc {
	struct sbuf *o;  /* where the page is written */
	enum markup m;   /* MARKUP_MARKDOWN or MARKUP_HTML */
};

/* Markup of this program's own, unescaped. */
void cbdoc_raw(struct cbdoc *c, const char *s);
/* A text from the form, escaped. */
void cbdoc_text(struct cbdoc *c, const char *s);
bool cbdoc_is_html(const struct cbdoc *c);
/* A text escaped, or inline code, as a new string (for cbdoc_compose). */
char *cbdoc_text_str(const struct cbdoc *c, const char *s);
char *cbdoc_code_str(const struct cbdoc *c, const char *s);

/* Send what is written to c from now on into 'tmp' (set empty here);
 * returns the buffer to put back into c->o afterwards. */
struct sbuf *cbdoc_divert(struct cbdoc *c, struct sbuf *tmp);

/*
 * A sentence of the interface: each "%s" (or "%1$s" …) in 'fmt' becomes one
 * of parts[0..n), which are markup already; the words around them are
 * escaped. So a sentence stays one message for translators even where its
 * parts are inline code or a condition read aloud.
 */
void cbdoc_compose(struct cbdoc *c, const char *fmt, const char *const *parts, int n);

/* A heading „a – b“ (b may be NULL) of level 1–6, with an HTML anchor
 * unless 'anchor' is NULL. The anchor is this program's, not escaped. */
void cbdoc_heading(struct cbdoc *c, int level, const char *anchor, const char *a,
                   const char *b);
/* A paragraph; 'cls' is its HTML class (this program's). */
void cbdoc_para(struct cbdoc *c, const char *s, const char *cls);

/* A bulleted list: begin, items (each opened with a bold „name:“ unless
 * name is NULL, then closed), end. */
void cbdoc_list_begin(struct cbdoc *c);
void cbdoc_list_end(struct cbdoc *c);
void cbdoc_item(struct cbdoc *c, const char *name);
void cbdoc_item_end(struct cbdoc *c);

/* A table: its head row of n cells, then per row cbdoc_cell(c, true) for
 * the first cell, cbdoc_cell(c, false) for each further one, and
 * cbdoc_row_end(); then cbdoc_table_end(). */
void cbdoc_table_begin(struct cbdoc *c, const char *const *head, int n);
void cbdoc_cell(struct cbdoc *c, bool first);
void cbdoc_row_end(struct cbdoc *c);
void cbdoc_table_end(struct cbdoc *c);

/* Value labels „1 = ja; 2 = nein“ (in an HTML table cell one per line);
 * „—“ when there are none. */
void cbdoc_labels(struct cbdoc *c, const struct vlabel *v, int n, bool in_cell);

/* The start of an HTML page up to <body>, with its style sheet, titled
 * „a – b“ (b may be NULL). The caller closes it with "</body></html>". */
void cbdoc_html_head(struct cbdoc *c, const char *a, const char *b);

#endif
