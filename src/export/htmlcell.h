/*
 * htmlcell: the pieces the HTML report's tables are made of — escaped text,
 * th/td cells (class "n" for numbers, which the style sheet right-aligns),
 * rows, and a table with its caption and head row.
 *
 * Everything is escaped on the way out (repfmt_html), so a label from a
 * form or an answer from a Kommune never becomes markup. Nothing is
 * allocated; write errors are the caller's to check with ferror().
 */
#ifndef FB_HTMLCELL_H
#define FB_HTMLCELL_H

#include <stdbool.h>
#include <stdio.h>

void htmlcell_esc(FILE *out, const char *s);
/* A cell: tag "th" or "td" with the text s; num: a number. */
void htmlcell_cell(FILE *out, const char *tag, const char *s, bool num);
void htmlcell_td_int(FILE *out, long n);
void htmlcell_td_pct(FILE *out, long count, long base);
void htmlcell_td_empty(FILE *out);
void htmlcell_tr(FILE *out, const char *cls);
/* Open a table with a caption (or NULL) and the head row: an empty corner,
 * then n headings (numbers). */
void htmlcell_table_open(FILE *out, const char *caption, const char *const *heads, int n);
void htmlcell_table_close(FILE *out);

#endif
