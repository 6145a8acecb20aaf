/*
 * input: turning what a person types into answer values, and values back
 * into German text. Shared by the terminal interface, import and eval.
 *
 * Numbers: optional sign, digits, blanks or dots as thousands separators
 * (groups of three), and for decimals a comma ("3,5") or, where no comma
 * is present, a dot as the decimal separator. Dates: TT.MM.JJJJ.
 */
#ifndef FB_INPUT_H
#define FB_INPUT_H

#include <stddef.h>

#define INPUT_INTEGER 1u   /* refuse a decimal part */

/* 0 on success, -1 if 's' is not a number (in the given mode). */
__attribute__((warn_unused_result))
int input_parse_number(const char *s, unsigned flags, double *out);
/*
 * Format with 'decimals' places, decimal comma, and thousands dots when
 * 'group' is set and the number has five or more digits before the comma
 * ("12.500", "1980", "3,50"). Writes at most n bytes.
 */
void input_format_number(double d, int decimals, int group, char *buf, size_t n);

#endif
