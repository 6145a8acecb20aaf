/*
 * csvout: a data set as delimited text, one header row of variable names
 * and one row per response, in one of two profiles.
 *
 *   CSVOUT_EXCEL_DE  for German Excel and LibreOffice: UTF-8 with a byte
 *                    order mark (so Excel does not guess Windows-1252), ';'
 *                    between fields, decimal comma, CRLF, dates TT.MM.JJJJ,
 *                    the time stamps created, modified and completed
 *                    TT.MM.JJJJ hh:mm (UTC, seconds left off), which Excel
 *                    takes for a date and time.
 *   CSVOUT_RFC4180   for R, Python, Stata and other programs: plain UTF-8,
 *                    ',' between fields, decimal point, CRLF, dates
 *                    JJJJ-MM-TT, time stamps as in the data set, ISO 8601
 *                    ("2016-11-24T10:00:00Z").
 *
 * Cells: system-missing (NaN, NULL) is an empty field. Whole numbers are
 * written without a decimal part; other numbers with at least the column's
 * decimals and, where that would round, with as many more digits as it
 * takes to give back the exact value — never with an exponent. A cell of a
 * date column that holds a declared missing code is written as that code
 * ("-1"), not as a date. A field is quoted when it contains the separator,
 * a '"', CR or LF; quotes inside are doubled.
 *
 * Formulas: Excel treats a cell that starts with '=', '+', '-' or '@' as
 * a formula, so a text answer such as "=HYPERLINK(…)" could run when the
 * file is opened. In CSVOUT_EXCEL_DE a text cell that starts with one of
 * those characters, a tab or a CR, and is not simply a number (the code
 * "-1" stays "-1"), gets a leading apostrophe, which Excel shows as text.
 * This changes the cell, so the profile is for looking at the data, not
 * for reading it back into a program; CSVOUT_RFC4180 writes every text
 * exactly as it is.
 *
 * Errors: csvout_write() returns 0, or -1 with a German message in err
 * when the stream reports an error (full disk …). Nothing is closed.
 */
#ifndef FB_CSVOUT_H
#define FB_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

#include "export/dataset.h"

enum csvout_profile { CSVOUT_EXCEL_DE, CSVOUT_RFC4180 };

/* Write all rows of d to 'out' (which stays open) and flush it. */
__attribute__((warn_unused_result))
int csvout_write(const struct dataset *d, FILE *out, enum csvout_profile p, char *err,
                 size_t errlen);

#endif
