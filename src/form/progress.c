/* progress: answered and total questions of a response (see progress.h). */
#include "form/progress.h"

#include <stdbool.h>

#include "form/issue.h"

/* Whether q is on the route, answered, and its answer free of errors. */
static bool answered_well(struct engine *e, int q)
{
	if (!engine_visible(e, q) || !engine_answered(e, q))
		return false;
	engine_fault_fn hook = e->on_fault;
	e->on_fault = NULL; /* refresh has reported these faults already */
	struct issues l = {0};
	issue_collect(e, q, &l);
	e->on_fault = hook;
	bool bad = issue_blocking(&l, false);
	issue_free_list(&l);
	return !bad;
}

void progress_count(struct engine *e, int *answered, int *total)
{
	*answered = *total = 0;
	for (int q = 0; q < e->f->nquestions; q++) {
		if (!engine_counts(e, q))
			continue;
		(*total)++;
		*answered += answered_well(e, q);
	}
}

void progress_done(struct engine *e, int *done, int *total)
{
	*done = *total = 0;
	bool complete = e->r->status == RESP_COMPLETE;
	for (int q = 0; q < e->f->nquestions; q++) {
		if (!engine_counts(e, q))
			continue;
		(*total)++;
		*done += complete || answered_well(e, q) ||
		         (engine_visible(e, q) && engine_left_blank(e, q));
	}
}

int progress_number(const struct engine *e, int q)
{
	int k = 0;
	for (int i = 0; i <= q && i < e->f->nquestions; i++)
		k += engine_counts(e, i);
	return k;
}
