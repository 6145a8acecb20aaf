/*
 * markup: writing text into plain text, Markdown or HTML.
 *
 * markup_escape() makes any text safe to place inside a paragraph, list
 * item or table cell: HTML gets entities, Markdown gets backslashes before
 * every character that could start emphasis, a link, a tag or a table cell
 * border. Markdown has no line breaks inside a cell, so newlines become
 * blanks there; HTML gets <br>. Text that begins a line in Markdown needs
 * markup_escape_start(), which also defuses a leading "1.", "-", ">", "#".
 *
 * Ownership: every function appends to the caller's sbuf. Never fails.
 */
#ifndef FB_MARKUP_H
#define FB_MARKUP_H

#include "util/sbuf.h"

enum markup { MARKUP_TEXT, MARKUP_MARKDOWN, MARKUP_HTML };

/* Append s, escaped for the markup, to go inside a line. */
void markup_escape(struct sbuf *b, const char *s, enum markup m);
/* The same for text at the start of a line (a paragraph). */
void markup_escape_start(struct sbuf *b, const char *s, enum markup m);
/* Append s as inline code: `s` in text and Markdown, <code>s</code> in HTML. */
void markup_code(struct sbuf *b, const char *s, enum markup m);
/*
 * Append a number the German way: decimal comma, and no-break blanks
 * between groups of three digits from five digits on ("100 000", "5000",
 * "2,5", "-1"). The same in every markup.
 */
void markup_number(struct sbuf *b, double d);

#endif
