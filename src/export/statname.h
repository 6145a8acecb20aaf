/*
 * statname: which variable names SPSS and Stata accept, and which columns
 * they get as time stamps, counted their way.
 *
 * SPSS: at most 64 bytes of UTF-8; starts with a letter or @; then
 * letters, digits and . _ $ # @; does not end with '.'; not one of the
 * reserved words ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH (any case);
 * two names must differ in more than upper and lower case.
 * Stata: 1 to 32 characters of A–Z, a–z, 0–9 and _, not starting with a
 * digit; not reserved (_all _b byte _coef _cons double float if in int
 * long _n _N _pi _pred _rc _skip strL using with, str1, str2 …); two
 * names must differ.
 *
 * Time stamps: the meta columns "created", "modified" and "completed" hold
 * ISO 8601 UTC texts ("2016-11-24T10:00:00Z") in the data set; the writers
 * turn them into datetimes (statfile) or German dates (csvout). They are
 * known by name, role (ROLE_META) and type (COL_STRING), so the same rule
 * holds for a table built from a form and one read from an export bundle.
 * Other texts that look like times ("received", added by an aggregation)
 * stay texts.
 *
 * Errors: statname_check() returns 0, or -1 with a message that names the
 * variable and says what to do.
 */
#ifndef FB_STATNAME_H
#define FB_STATNAME_H

#include <stdbool.h>
#include <stddef.h>

#include "export/table.h"

/* What can be wrong with a name. */
enum statname_problem {
	STATNAME_OK,
	STATNAME_EMPTY,
	STATNAME_TOO_LONG,  /* SPSS: more than 64 bytes; Stata: more than 32 */
	STATNAME_NOT_UTF8,  /* SPSS only */
	STATNAME_START,     /* a character a name must not start with */
	STATNAME_CHARS,     /* a character a name must not contain */
	STATNAME_DOT_END,   /* SPSS only */
	STATNAME_RESERVED,
};

/* What is wrong with a name for SPSS and for Stata, or STATNAME_OK. */
enum statname_problem statname_sav_problem(const char *name);
enum statname_problem statname_dta_problem(const char *name);

/* Whether c is one of the time stamp meta columns (see above). */
bool statname_is_timestamp(const struct column *c);

/*
 * A time stamp "2016-11-24T10:00:00Z" (exactly the layout the program
 * writes, UTC, from 1970 on) as SPSS stores a DATETIME — seconds since
 * 14.10.1582 00:00 — and as Stata stores a %tc value — milliseconds since
 * 01.01.1960 00:00, leap seconds not counted. NaN for NULL, "" or a text
 * of any other layout.
 */
double statname_spss_datetime(const char *iso);
double statname_stata_datetime(const char *iso);

/* Every column name of t valid for SPSS (sav true) or Stata, none twice. */
__attribute__((warn_unused_result))
int statname_check(const struct table *t, bool sav, char *err, size_t errlen);

#endif
