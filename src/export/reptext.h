/*
 * reptext: the frequency report as plain text for a terminal or a pager.
 *
 * Tables are aligned by display columns, not bytes, so „weiß nicht“ lines
 * up with "gut"; long labels wrap within their column. Control characters
 * in labels are printed as spaces, so a form cannot send escape sequences
 * to the reader's terminal.
 */
#ifndef FB_REPTEXT_H
#define FB_REPTEXT_H

#include <stdio.h>

#include "export/report.h"

/* Print a built report. Returns 0, or -1 when writing failed. */
int reptext_write(const struct report *r, FILE *out);

#endif
