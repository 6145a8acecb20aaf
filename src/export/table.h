/*
 * table: the data dictionary of a flat data set — the columns a statistician
 * sees in SPSS, Stata or a CSV file — and how a form's answers map onto it.
 *
 * Columns, in order: the meta columns (id, form_version, status, revision,
 * created, modified, completed, simulated), then per question its variables in form
 * order, then the computed values.
 *   single, scale:  one numeric column with value labels
 *   multi:          one 0/1 column per option, "<id>_<code>"; "<id>_txt"
 *   matrix:         one column per row (and per column suffix)
 *   integer/decimal one numeric column
 *   text/textarea:  one string column
 *   date:           one date column (days since 1970-01-01)
 *   computed:       one numeric or string column
 *
 * Cells: an answered value is its code or number; a missing code ("weiß
 * nicht" = -1 …) is that code, declared user-missing; a question routed
 * past or left blank is system-missing (NaN, or NULL for strings). A
 * multi-choice option is 1 when chosen, 0 when the question was answered
 * without it, the missing code when the question got one. String columns
 * hold a missing code as its decimal text ("-1").
 *
 * A table travels inside export bundles as JSON (tabjson), so that
 * aggregation needs no form file and merges form versions by name and code.
 *
 * Ownership: a table owns all its strings; table_free() releases them.
 * Errors: functions that can fail return 0 or -1 and write a German message.
 */
#ifndef FB_TABLE_H
#define FB_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "form/form.h"

enum col_type { COL_NUMERIC, COL_STRING, COL_DATE };

enum col_role {
	ROLE_META,       /* id, form_version, status, … */
	ROLE_SINGLE,     /* single choice */
	ROLE_SCALE,      /* rating scale */
	ROLE_OPTION,     /* one option of a multiple choice (0/1) */
	ROLE_ITEM,       /* one row of an item battery (matrix) */
	ROLE_NUMBER,     /* integer or decimal */
	ROLE_TEXT,       /* text, textarea, or the text of "Sonstiges" */
	ROLE_DATE,
	ROLE_COMPUTED,
};

struct vlabel {
	double code;
	char *label;
};

struct column {
	char *name;          /* variable name, e.g. "D1_3" */
	char *label;         /* variable label, e.g. "D1: Sprachkurse" */
	enum col_type type;
	enum col_role role;
	char *question;      /* id of the question ("D1"), or NULL */
	char *qtext;         /* question text, or NULL */
	char *item;          /* option label (ROLE_OPTION) or row text (ROLE_ITEM) */
	struct vlabel *values;  /* value labels, ascending by code */
	int nvalues;
	struct vlabel *missing; /* user-missing codes with labels, ascending */
	int nmissing;
	int decimals;        /* numbers: decimals to show */
	bool open;           /* an open answer for the report: a long text, or the
	                        text of „Sonstiges“ (not a name, key or address) */
	/* Mapping from the form (table_from_form only; -1 otherwise). */
	int var;             /* form variable, or -1 for meta columns */
	int32_t code;        /* ROLE_OPTION: the option's code */
};

struct table {
	char *form_id, *form_version, *form_title;
	char *breakdown;     /* column to break the report down by, or NULL */
	char *label_column;  /* column that names a response (the Kommune), or NULL */
	struct column *cols;
	int ncols;
};

/* Number of meta columns at the start of every table. */
#define TABLE_META 8
enum { TCOL_ID, TCOL_VERSION, TCOL_STATUS, TCOL_REVISION, TCOL_CREATED, TCOL_MODIFIED,
       TCOL_COMPLETED, TCOL_SIMULATED };

/* Limits on a dictionary read from JSON (a file from outside): columns,
 * labels in one list, and labels in all columns together. */
#define TABLE_MAX_COLUMNS 20000
#define TABLE_MAX_LABELS 5000
#define TABLE_MAX_ALL_LABELS 400000L

/* Whether the first columns are the meta columns, by name, type and place. */
bool table_has_meta(const struct table *t);

/* The dictionary of a form. Never fails. */
void table_from_form(const struct form *f, struct table *t);
void table_free(struct table *t);
/* Deep copy. */
void table_copy(struct table *dst, const struct table *src);
/* Index of a column by name (exact), or -1. */
int table_find(const struct table *t, const char *name);
/* Label of a code in a column (value or missing label), or NULL. */
const char *table_value_label(const struct column *c, double code);
/* Whether a code is declared user-missing in the column. */
bool table_is_missing(const struct column *c, double code);

/* Whether two tables have the same columns: names, types and labels. */
bool table_same_columns(const struct table *a, const struct table *b);

/* Append a column with name and label; the rest is zero, var is -1. The
 * pointer is valid until the next column is added. */
struct column *table_add_column(struct table *t, const char *name, const char *label,
                                enum col_type type, enum col_role role);

/* Whether two label lists are the same codes with the same labels. */
bool table_same_labels(const struct vlabel *a, int na, const struct vlabel *b, int nb);

/*
 * Merge 'src' into 'dst' by column name: new columns are appended, value
 * and missing labels are added by code (dst's labels win). A column whose
 * type differs is an error (0 or -1 with a message).
 */
__attribute__((warn_unused_result))
int table_merge(struct table *dst, const struct table *src, char *err, size_t errlen);

#endif
