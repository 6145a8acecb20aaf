/*
 * pattern: validated, anchored regcomp().
 */
#include "util/pattern.h"

#include <stdlib.h>

#include "util/xmalloc.h"

int pattern_compile(const char *pat, regex_t **out, char *err, size_t errlen)
{
	regex_t alone;
	*out = NULL;
	int rc = regcomp(&alone, pat, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		regerror(rc, &alone, err, errlen);
		return -1;
	}
	regfree(&alone);
	char *anchored = xasprintf("^(%s)$", pat);
	regex_t *re = xmalloc(sizeof *re);
	rc = regcomp(re, anchored, REG_EXTENDED | REG_NOSUB);
	free(anchored);
	if (rc != 0) {
		regerror(rc, re, err, errlen);
		free(re);
		return -1;
	}
	*out = re;
	return 0;
}

void pattern_free(regex_t **re)
{
	if (*re) {
		regfree(*re);
		free(*re);
	}
	*re = NULL;
}
