/*
 * opentext: the open answers of a data set, for the report — per open
 * column (long texts and the text of „Sonstiges“, column.open) every answer given,
 * each with the name of its Kommune (the table's label column), in the
 * order of the rows.
 *
 * A column without any answer is left out. Answers are written as given:
 * in text with their line breaks indented under the answer, in HTML
 * escaped (so a Kommune cannot put markup into the team's report), with
 * control characters as spaces in both.
 *
 * Ownership: nothing is kept; the data set is only read.
 * Errors: 0, or -1 when writing to 'out' failed.
 */
#ifndef FB_OPENTEXT_H
#define FB_OPENTEXT_H

#include <stdio.h>

#include "export/dataset.h"

/* The open answers as plain text, after the frequency report. */
int opentext_text(const struct dataset *d, FILE *out);
/* The open answers as one HTML section (id "offen"), inside <main>. */
int opentext_html(const struct dataset *d, FILE *out);

#endif
