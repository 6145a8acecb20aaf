/*
 * receipt: the text an aggregation prints for the study team — one line per
 * file (sender, fingerprint, what the senders record said about the key,
 * responses read and taken in, and what happened to them or why the file
 * was skipped), then the conflicts that still stand, then a summary line.
 *
 * It only reads a finished struct agg (agg.h) and writes text; it decides
 * nothing about the data. Columns are padded by display width, so German
 * and translated headings line up.
 *
 * Ownership: nothing is allocated for the caller but receipt_notes()'s string.
 * Errors: none reported; write errors on 'out' are the caller's to check
 * with ferror().
 */
#ifndef FB_RECEIPT_H
#define FB_RECEIPT_H

#include <stdio.h>

#include "export/agg.h"

/* Print the receipt of 'a' (filled by agg_run()) to 'out'. */
void receipt_print(const struct agg *a, FILE *out);

/* For other renderings of the same receipt (the HTML report): */
/* the key column of f's line ("neu gemerkt", "GEÄNDERT", "–"), borrowed; */
const char *receipt_key(const struct agg_file *f);
/* the notes of f's line, or why it was skipped, as a new string (free()); */
char *receipt_notes(const struct agg_file *f);
/* the lines after the files: conflicts that stand, senders of several
 * responses, test responses, and the summary, each ending in '\n'. */
void receipt_after(const struct agg *a, FILE *out);

#endif
