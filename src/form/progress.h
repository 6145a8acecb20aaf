/*
 * progress: how far along a response is, as the footer, the review and
 * `show` report it.
 *
 * The total is the questions the engine counts (engine_counts): those that
 * routing has not yet decided away. It does not jump as routing changes;
 * answering forward only takes questions out of it.
 *
 * Answered means on the route, answered, and without an error on the
 * answer: a value the checks reject does not count. A completed response
 * is all done. Nothing here allocates for the caller; faults of the form's
 * expressions are not reported again (engine_refresh reported them).
 */
#ifndef FB_PROGRESS_H
#define FB_PROGRESS_H

#include "form/engine.h"

/* The counted questions, and how many of them are answered well. */
void progress_count(struct engine *e, int *answered, int *total);
/* Progress as a person reads it: of the counted questions, those answered
 * well or left blank on purpose; all of them once the response is complete. */
void progress_done(struct engine *e, int *done, int *total);
/* The number of question q among the counted ones, from 1 ("Frage 12 von
 * 58"); for a question not counted, the number of the last one before it. */
int progress_number(const struct engine *e, int q);

#endif
