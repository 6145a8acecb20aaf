/*
 * regen: random text that matches a POSIX extended regular expression, so
 * that random walks can answer text questions with a pattern.
 *
 * Supported: literals, ".", bracket expressions with ranges, negation and
 * [:classes:], escapes, groups, "|", and the quantifiers * + ? {m} {m,}
 * {m,n} (open ends are capped at 8 more repetitions). Anchors are ignored.
 * The result is not guaranteed to match (back-references, say); callers
 * confirm it with regexec().
 *
 * Ownership: regen_sample() returns a new string (free()), or NULL if the
 * pattern is outside the supported subset.
 */
#ifndef FB_REGEN_H
#define FB_REGEN_H

#include "util/rng.h"

char *regen_sample(const char *pattern, struct rng *rng, int maxlen);

#endif
