/*
 * para: a paragraph written to standard output, wrapped at PARA_WIDTH
 * characters, for the plain-text commands (`print`, `show`). A '\n' in the
 * text starts a new line at the same indent. Nothing is allocated.
 */
#ifndef FB_PARA_H
#define FB_PARA_H

#define PARA_WIDTH 78

/* Print 'text' wrapped: the first line goes on from column 'first' (the
 * caller has printed that much), later lines are indented by 'indent'; a
 * newline ends it. */
void para_print(const char *text, int indent, int first);

#endif
