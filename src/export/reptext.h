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

#include "export/dataset.h"

/*
 * The frequency report of 'd' (built with report_build(), as htmlrep_write
 * does) as text. Returns 0, or -1 when writing failed.
 */
int reptext_write(const struct dataset *d, FILE *out);

#endif
