/*
 * pattern: whole-text POSIX extended regular expressions, as "pattern" of
 * text questions and matches() use them.
 *
 * The pattern is first compiled on its own, so that "x)|(y" is refused as
 * it stands instead of turning into "^(x)|(y)$" (which would match any text
 * starting with x); then it is anchored at both ends.
 *
 * Ownership: pattern_compile() returns a regex_t released with pattern_free().
 */
#ifndef FB_PATTERN_H
#define FB_PATTERN_H

#include <regex.h>
#include <stddef.h>

/* 0 on success; -1 with the reason (in regerror's words) in err. */
int pattern_compile(const char *pat, regex_t **out, char *err, size_t errlen);
void pattern_free(regex_t **re);

#endif
