/*
 * htmlrep: the frequency report as one self-contained HTML5 file, to open
 * in any browser and to print.
 *
 * The file has inline CSS and inline SVG only: no script, no web font, no
 * link to anything outside itself, so it can be mailed and archived as it
 * is. Every text from the data set and from 'meta' is HTML-escaped. Per
 * question it shows the table of the report (see report.h) and a bar chart;
 * item batteries as stacked bars with a legend; with a breakdown column,
 * the cross tables. Print styles keep tables and charts on one page.
 */
#ifndef FB_HTMLREP_H
#define FB_HTMLREP_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "export/dataset.h"

/* What the report says about how the data came in. All borrowed. */
/* One file of the receipt, as its line reads (strings borrowed). */
struct htmlrep_file {
	const char *file, *sender, *fingerprint, *key, *notes;
	int responses, taken;
	bool skipped;
};

struct htmlrep_meta {
	const char *title;             /* NULL: the form's title */
	time_t generated;              /* when the report was made; 0: not shown */
	int nfiles;                    /* files read */
	int nresponses;                /* responses taken in */
	const struct htmlrep_file *files; /* the receipt's files for "Eingang", or NULL */
	int nrows;
	const char *const *problems;   /* the receipt's lines after the files */
	int nproblems;
	bool open_text;                /* the open answers, each with its Kommune */
	int nsimulated;                /* simulated test responses among them: when
	                                  > 0, every page says so */
};

/* Write the report. Returns 0, or -1 when writing failed. */
int htmlrep_write(const struct dataset *d, const struct htmlrep_meta *meta, FILE *out);

#endif
