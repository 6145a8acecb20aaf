/*
 * report: the frequency report of a data set — what the study team reads
 * first when the answers of all Kommunen are in.
 *
 * report_build() turns a dataset into sections, one per closed question,
 * multiple choice, item battery or open number, in table order:
 *   REPORT_FREQ     single choice, scale, computed value with value labels:
 *                   count per code, each missing code, system-missing
 *                   ("nicht gefragt / leer"), percent of all rows and valid
 *                   percent (of rows with a valid answer).
 *   REPORT_MULTI    the 0/1 columns of one multiple choice: per option the
 *                   Kommunen that chose it, as a percent of those who
 *                   answered the question.
 *   REPORT_BATTERY  the item columns of one matrix that share their codes:
 *                   per item a REPORT_FREQ-like distribution.
 *   REPORT_NUMBER   integer, decimal, computed without labels: n, minimum,
 *                   median, mean, maximum.
 * Meta, text and date columns are not counted.
 *
 * Counts stay integers; every percent is computed from counts by the
 * caller with repfmt_pct(), so that a sum of categories a reader forms
 * (the "top" codes, e.g. „sehr gut“ + „gut“) is the percent of the summed
 * counts. A scale or battery with three or more codes has top = 2.
 *
 * With a breakdown column (table.breakdown, numeric, present) every section
 * also counts per breakdown group ("cross" arrays, groups in code order);
 * rows whose breakdown cell is missing belong to no group (they count in
 * the totals only). The breakdown column's own section has no cross table.
 *
 * Ownership: a report borrows the dataset (labels point into its table) and
 * must not outlive it; report_free() releases the report's own arrays.
 */
#ifndef FB_REPORT_H
#define FB_REPORT_H

#include <stdio.h>

#include "export/dataset.h"

/* Row labels every rendering shares, in the interface language:
 * system-missing ("nicht gefragt / leer") and the total ("Gesamt"). */
const char *report_sysmis(void);
const char *report_total(void);

/* A code with its label (borrowed; NULL when the code has none) and a count. */
struct report_cat {
	double code;
	const char *label;
	int count;
};

/* Summary of the valid values of a number column (NaN when n == 0); lo
 * and hi bound the 95 % confidence interval of the mean (Student's t with
 * n - 1 degrees of freedom, as for a simple random sample; no finite
 * population correction), NaN when n < 2. */
struct report_stat {
	int n;
	double min, median, mean, max;
	double lo, hi;
};

/* The distribution of one closed column. */
struct report_freq {
	int col;
	struct report_cat *cats;  /* valid codes, ascending */
	int ncats;
	struct report_cat *miss;  /* user-missing codes, ascending */
	int nmiss;
	int n;                    /* rows with a valid code */
	int nmissing;             /* rows with a user-missing code */
	int sysmis;               /* rows that are system-missing */
	int total;                /* all rows */
	int top;                  /* leading codes summed as "top", or 0 */
	struct report_stat stat;  /* of the valid codes where there is a top
	                             (scales, battery items); n 0 otherwise */
	int *cross;               /* [group * ncats + cat] valid counts */
	int *cross_n;             /* [group] valid answers in the group */
};

/* One option of a multiple choice. */
struct report_option {
	int col;
	const char *label;
	int count;                /* rows that chose it */
};

struct report_multi {
	struct report_option *opts;
	int nopts;
	int answered;             /* rows with a 0 or 1 in any option */
	struct report_cat *miss;  /* rows with a missing code, per code */
	int nmiss;
	int sysmis, total;
	int *cross;               /* [group * nopts + opt] choices */
	int *cross_n;             /* [group] rows that answered */
};

struct report_battery {
	struct report_freq *items;  /* all with the same codes */
	int nitems;
};


struct report_number {
	int col;
	struct report_stat all;
	struct report_cat *miss;  /* rows with a missing code, per code */
	int nmiss;
	int sysmis, total;
	struct report_stat *cross;  /* [group] */
};

enum report_kind { REPORT_FREQ, REPORT_MULTI, REPORT_BATTERY, REPORT_NUMBER };

struct report_section {
	enum report_kind kind;
	const char *question;     /* question id, or the column name */
	const char *title;        /* question text, or the column label */
	union {
		struct report_freq freq;
		struct report_multi multi;
		struct report_battery battery;
		struct report_number number;
	} u;
};

struct report {
	const struct dataset *d;
	int nrows;
	int bcol;                 /* breakdown column, or -1 */
	const char *btitle;       /* its label */
	struct report_cat *groups;  /* breakdown codes with rows per group */
	int ngroups;
	struct report_section *secs;
	int nsecs;
};

/* Count everything. Never fails. */
void report_build(struct report *r, const struct dataset *d);
void report_free(struct report *r);

/* The label of a code, or the code as a number in buf (REPFMT_LEN bytes). */
const char *report_cat_label(const struct report_cat *c, char *buf);
/* "Mittelwert 2,1 (95-%-KI 1,8–2,4), Median 2,0 (n = 6)": the statistics
 * of a scale's codes as a new string (free()), or NULL where it has none. */
char *report_scale_line(const struct report_freq *f);
/* "sehr gut + gut": the labels of the top codes joined with " + " into a
 * new string the caller frees; NULL when the distribution has no top. */
char *report_top_label(const struct report_freq *f);
/* The text of a battery item (or the column label). */
const char *report_item_label(const struct report *r, const struct report_freq *f);
/* The rows with user-missing code 'code' in a distribution (0 if none). */
int report_miss_count(const struct report_freq *f, double code);
/* The count of the top codes of a distribution (0 when it has no top). */
int report_top_count(const struct report_freq *f);
/* The same within breakdown group g. */
int report_top_cross(const struct report_freq *f, int g);

#endif
