/*
 * csvin: responses from rows of a table whose header holds variable names
 * and whose cells hold codes — the layout the export writes. Multi-choice
 * answers come as one 0/1 column per option (<id>_<code>), the text of an
 * "other" option as <id>_txt; a cell holding one of the question's missing
 * codes is that missing code. Optional columns: "uuid", "status"
 * ("draft"/"complete").
 *
 * Ownership: csvin_columns() returns a mapping freed with free();
 * csvin_row() returns a new response. Messages are in the interface
 * language and name the column.
 */
#ifndef FB_CSVIN_H
#define FB_CSVIN_H

#include <stddef.h>

#include "form/engine.h"
#include "form/response.h"

struct csvin_col {
	int var;        /* variable (answer, cell, or the multi question's) */
	int code;       /* multi: the option of an <id>_<code> column */
	int kind;       /* 0 value, 1 multi option, 2 other text, 3 uuid, 4 status */
};

/* Map header names to variables; -1 with the unknown name in err. */
int csvin_columns(const struct form *f, char **names, int n, struct csvin_col **out,
                  char *err, size_t errlen);
/* Build a response from one row of exactly as many cells as the header
 * had (the caller reports rows of another length); -1 with "Spalte X: …"
 * in err. */
int csvin_row(const struct form *f, const struct csvin_col *cols, char **cells, int n,
              int64_t now, struct response **out, char *err, size_t errlen);
/*
 * Check an imported response against the form: any answer error (codes,
 * ranges, patterns, picks) fails; a complete response must also have
 * every required question answered. Warnings are confirmed and noted in
 * the audit trail. -1 with the first problem in err.
 */
int csvin_validate(struct engine *e, char *err, size_t errlen);

#endif
