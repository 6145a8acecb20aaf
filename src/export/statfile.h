/*
 * statfile: a data set as an SPSS system file (.sav) or a Stata data file
 * (.dta, format 118, UTF-8), written through ReadStat.
 *
 * What a statistician gets:
 *   - variable names as in the table, variable labels, value labels (one
 *     label set per column; columns with identical labels share one set,
 *     named after the first of them);
 *   - numeric columns as numbers (0/1 option columns too), dates as dates,
 *     string columns as long as their longest value (at least 1 byte);
 *   - missing codes ("weiß nicht" = -1 …) as missing values the program
 *     knows about, with their labels:
 *
 * SPSS: every missing code of a numeric or date column is declared
 *   user-missing (MISSING VALUES) and labelled. SPSS allows three single
 *   values, or a range plus one value; a column with more codes gets the
 *   range over them (plus one code left out of the range), provided no valid
 *   code or value falls inside it — else writing fails with a message.
 *   Dates are SPSS dates (seconds since 14.10.1582) in format DATE11. All
 *   text is UTF-8 (the file says so). Rows are compressed the standard way.
 *
 * Stata: Stata has no user-missing values, so each missing code becomes an
 *   extended missing value with the code's label attached:
 *     the codes of the whole table, ordered by distance from zero (a
 *     negative code before the positive one of the same size), become .a,
 *     .b, .c, … — with the usual codes -1 → .a, -2 → .b, -3 → .c.
 *   The mapping is the same in every column, so ".b" means one thing in the
 *   whole file. More than 26 different codes cannot be written. Dates are
 *   Stata dates (days since 01.01.1960) in format %td. Numeric columns get
 *   the smallest storage type (byte, int, long, double) that holds their
 *   values exactly; texts over 2045 bytes become strL.
 *
 * Time stamps: the meta columns created, modified and completed (ISO 8601
 *   UTC texts in the data set; statname.h counts them) become datetimes — SPSS:
 *   seconds since 14.10.1582 00:00 in format DATETIME20; Stata: milliseconds
 *   since 01.01.1960 00:00 (%tc, a double). An empty cell is system-missing.
 *   Should a cell hold anything but a time stamp as the program writes it
 *   (a hand-edited bundle), the column stays text, so nothing is lost.
 *
 * Levels of measurement (SPSS; Stata has none), from the form:
 *   nominal   single choices, the 0/1 columns of a multiple choice, texts
 *             and every string column;
 *   ordinal   rating scales and the rows of an item battery, and computed
 *             values with value labels — a computed value is labelled only
 *             when it is a classification such as the size class GKL, whose
 *             codes the form orders (1 Großstadt … 4 Gemeinde);
 *   scale     numbers, dates, time stamps, computed values without labels;
 *   meta      numeric meta columns with labels (status, simulated) nominal,
 *             the others (revision) scale.
 *
 * Display: numbers show the column's decimals; a computed number whose
 *   values are all whole (a rounded value such as FLQ = round(…)) shows
 *   none. SPSS column widths fit the longest value or value label in
 *   characters (at least 8, at most 40; dates 11, time stamps 20); Stata
 *   string formats are left-aligned %-Ns with N the longest value in
 *   characters (at least 9, at most 40).
 *
 * A date column may hold a missing code instead of a date: it is written
 * as that code (SPSS: the plain number, declared missing; Stata: its
 * extended missing value), never as a date. String columns keep a missing
 * code as its text ("-1"): SPSS gets a value label for it, Stata (which
 * has no string labels) just the text.
 *
 * Names must follow the format's rules (see statname.h); a name that does
 * not is an error naming the variable. Labels longer than the format
 * allows are shortened at a character boundary (SPSS: variable labels 256
 * bytes, value labels 120 bytes, file label 64 bytes; Stata: variable and
 * file labels 80 characters). SPSS value labels of string columns are
 * written for strings up to 248 bytes wide.
 *
 * Files: written through outfile (a temporary file beside 'path', fsync,
 * rename), so 'path' is either the complete new file or left as it was.
 *
 * Errors: statfile_write() returns 0, or -1 with a German message in err
 * that names the variable (and row) concerned or says what the system
 * reported (full disk, no such folder, no permission …).
 */
#ifndef FB_STATFILE_H
#define FB_STATFILE_H

#include <stddef.h>

#include "export/dataset.h"

enum statfile_kind { STATFILE_SAV, STATFILE_DTA };

/* Levels of measurement, as ReadStat numbers them. */
enum statfile_measure { STATFILE_NOMINAL = 1, STATFILE_ORDINAL, STATFILE_SCALE };

/* The level of measurement of a column, by the rule above. */
enum statfile_measure statfile_measure(const struct column *c);

/* Write all rows of d to 'path' in the given format. */
__attribute__((warn_unused_result))
int statfile_write(const struct dataset *d, const char *path, enum statfile_kind k, char *err,
                   size_t errlen);

#endif
