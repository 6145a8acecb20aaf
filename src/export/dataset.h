/*
 * dataset: rows of cells under a table, stored by column — what the CSV,
 * SPSS and Stata writers write and what the report counts.
 *
 * Numeric and date columns hold doubles (NaN is system-missing; dates are
 * days since 1970-01-01); string columns hold strings (NULL is system-
 * missing, i.e. empty).
 *
 * Ownership: the dataset owns its table copy and every string cell;
 * dataset_free() releases all. Setters copy what they are given.
 */
#ifndef FB_DATASET_H
#define FB_DATASET_H

#include <math.h>
#include <stdbool.h>

#include "export/table.h"
#include "form/engine.h"

struct dataset {
	struct table t;
	int nrows, cap;
	double **num;   /* per column: nrows doubles, NULL for string columns */
	char ***str;    /* per column: nrows strings, NULL for other columns */
};

/* An empty data set over a copy of 't'. */
void dataset_init(struct dataset *d, const struct table *t);
void dataset_free(struct dataset *d);
/* Append a row of system-missing cells; returns its index. */
int dataset_add_row(struct dataset *d);
/* Add a column to the table (after init); its cells are system-missing. */
int dataset_add_column(struct dataset *d, const struct column *c);
/* Make every cell of a row system-missing. */
void dataset_clear_row(struct dataset *d, int row);
/* Keep only the rows with keep[row] true, in order. */
void dataset_keep(struct dataset *d, const bool *keep);
void dataset_set_num(struct dataset *d, int row, int col, double v);
void dataset_set_str(struct dataset *d, int row, int col, const char *s);
/* Cell access; 'col' must be of the matching kind. */
static inline double dataset_num(const struct dataset *d, int row, int col)
{
	return d->num[col][row];
}
static inline const char *dataset_str(const struct dataset *d, int row, int col)
{
	return d->str[col][row];
}

/*
 * Fill a new row from a response seen through its engine (the table must
 * come from table_from_form of the engine's form). Returns the row index.
 */
int dataset_add_response(struct dataset *d, struct engine *e);

#endif
