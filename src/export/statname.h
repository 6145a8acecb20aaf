/*
 * statname: which variable names SPSS and Stata accept.
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
 * Errors: statname_check() returns 0, or -1 with a German message that
 * names the variable and says what to do.
 */
#ifndef FB_STATNAME_H
#define FB_STATNAME_H

#include <stdbool.h>
#include <stddef.h>

#include "export/table.h"

/* What is wrong with a name ("ist länger als 64 Bytes"), or NULL. */
const char *statname_sav_problem(const char *name);
const char *statname_dta_problem(const char *name);

/* Every column name of t valid for SPSS (sav true) or Stata, none twice. */
__attribute__((warn_unused_result))
int statname_check(const struct table *t, bool sav, char *err, size_t errlen);

#endif
