/*
 * input: turning what a person types into answer values, and values back
 * into German text. Shared by the terminal interface, import and eval.
 *
 * Numbers, as a German writes them: optional sign, digits, blanks or dots
 * as thousands separators (groups of three: "120.000", "1.500"), and a
 * comma for decimals ("3,5"). Where there is no comma and the dots are not
 * groups of three, one dot is the decimal point ("1.5", "1234.567").
 * Text a program wrote (a CSV file) takes INPUT_DOT_DECIMAL: a dot is then
 * always the decimal point, as in "1.500" = 1,5. Dates: TT.MM.JJJJ.
 */
#ifndef FB_INPUT_H
#define FB_INPUT_H

#include <stddef.h>

#include <stdbool.h>

#define INPUT_INTEGER 1u      /* refuse a decimal part */
#define INPUT_DOT_DECIMAL 2u  /* without a comma, a dot is the decimal point */

/* 0 on success, -1 if 's' is not a number (in the given mode). */
__attribute__((warn_unused_result))
int input_parse_number(const char *s, unsigned flags, double *out);
/* Whether a number so written could be read two ways by its writer (a dot
 * and no comma: "1.500"), so that the interface shows how it was read. */
bool input_is_ambiguous(const char *s);
/*
 * Format with 'decimals' places, decimal comma, and thousands dots when
 * 'group' is set and the number has five or more digits before the comma
 * ("12.500", "1980", "3,50"). Writes at most n bytes.
 */
void input_format_number(double d, int decimals, int group, char *buf, size_t n);

#endif
