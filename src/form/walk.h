/*
 * walk: random walks through a form, as `fragebogen validate --walks N`
 * runs them. Each walk starts an empty response, answers every question on
 * its route with random valid answers (now and then a missing code or a
 * blank), follows the routing, confirms warnings, and tries to finish.
 *
 * The report says which questions were never reached, which checks never
 * or always fired (over every random answer tried, retries included), which expressions failed at run time (division by zero
 * and the like), and which walks could not be finished. Walks are
 * repeatable from their seed.
 *
 * Ownership: walk_run() fills a report the caller releases with walk_free().
 */
#ifndef FB_WALK_H
#define FB_WALK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "form/form.h"
#include "form/response.h"

struct walk_check {
	int evaluated, fired, passed;
};

struct walk_fault {
	int question;      /* question index; -1 - c for computed value c */
	int check;         /* check index; -1 visible_if; -2 section visible_if */
	unsigned bits;     /* enum eval_fault */
	int count;
};

struct walk_report {
	int walks;
	uint64_t seed;
	int completed;
	int *reached;                 /* per question: walks that reached it */
	struct walk_check **checks;   /* per question, per check */
	struct walk_fault *faults;
	int nfaults;
	char *first_stuck;            /* why the first unfinished walk got stuck */
	int *no_pattern;              /* per question: walks with no text matching the pattern */
};

void walk_run(const struct form *f, int walks, uint64_t seed, struct walk_report *rep);
/*
 * Answer r (an empty response of f) along one random route from 'seed' and
 * finish it at 'now' when nothing blocks; returns whether it was finished.
 * This is how `fragebogen simulate` makes test data.
 */
bool walk_fill(const struct form *f, struct response *r, uint64_t seed, int64_t now);
/* Whether the report shows no problem. */
bool walk_ok(const struct form *f, const struct walk_report *rep);
/*
 * Print the report in the interface language. 'src' (the form file's text, may be NULL)
 * lets findings carry "file:line:column".
 */
void walk_print(const struct form *f, const struct walk_report *rep, const char *src,
                size_t srclen, FILE *out);
void walk_free(const struct form *f, struct walk_report *rep);

#endif
