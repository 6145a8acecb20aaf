/*
 * aggframe: `aggregate --frame`, the field phase against the sample frame —
 * the response rates (AAPOR RR1, RR2) and the rows to look at on the
 * receipt, the Kommunen still to remind (--reminders FILE.csv), and the
 * rates by Land and Gemeindegrößenklasse (--rates FILE.csv).
 *
 * The DESI form's variables are read: the AGS from A5, the Land from A3,
 * the type of Kommune from A2, the signing key from the column "sender_key"
 * that aggregate adds (export/rates.h says what each check means).
 *
 * Ownership: aggframe_run() fills a struct freed with aggframe_free().
 * Errors: -1 after a German message on stderr. A frame that cannot be read
 * stops aggregate before anything is done; a missing column or a file that
 * cannot be written is reported after the data set is written, and the
 * exit status says 1.
 */
#ifndef FB_AGGFRAME_H
#define FB_AGGFRAME_H

#include <stdbool.h>
#include <stdio.h>

#include "export/dataset.h"
#include "export/frame.h"
#include "export/rates.h"

struct aggframe {
	struct frame f;
	struct rates r;
	bool ok;
};

/* Read the frame, before the files are aggregated: a broken frame stops
 * the run before its long part. aggframe_free() also after -1. */
int aggframe_load(struct aggframe *a, const char *frame);
/* Match the data set to the frame; write the reminders and the rates
 * table where paths are given (NULL: none). */
int aggframe_run(struct aggframe *a, const struct dataset *d, const char *reminders,
                 const char *rates);
/* The rates and the flagged rows, after the receipt. */
void aggframe_print(const struct aggframe *a, const struct dataset *d, FILE *out);
void aggframe_free(struct aggframe *a);

#endif
