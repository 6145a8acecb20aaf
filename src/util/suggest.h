/*
 * suggest: "meinten Sie …?" — the closest of a set of words to a typo.
 */
#ifndef FB_SUGGEST_H
#define FB_SUGGEST_H

#include <stddef.h>

/* Edit distance (ASCII case-insensitive, bytes), capped at 255. */
int suggest_distance(const char *a, const char *b);

/*
 * Keep the best candidate seen so far: call suggest_offer() for each
 * candidate, then suggest_best() gives it, or NULL if none is close enough
 * (distance at most a third of the word, at least 1, at most 3).
 */
struct suggest {
	const char *word;
	const char *best;
	int dist;
};

void suggest_init(struct suggest *s, const char *word);
void suggest_offer(struct suggest *s, const char *candidate);
const char *suggest_best(const struct suggest *s);

#endif
