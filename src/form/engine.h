/*
 * engine: what a response means under its form right now — which questions
 * are on the route, what the computed values are, how far along it is, and
 * where to go next. What is wrong with it is the issue module's business.
 *
 * The engine borrows the form and the response; it must not outlive them.
 * It caches visibility and computed values; every change made through the
 * engine_set_* functions refreshes that cache. Whoever changes the response
 * directly calls engine_refresh() afterwards.
 *
 * Rules worth knowing:
 *  - A hidden question (its own or its section's visible_if is not true)
 *    reads as null in expressions, its answer is kept, and it never blocks.
 *  - A confirmation of a warning holds until the question's own answer
 *    changes.
 *  - A question (not a note) counts towards progress's total unless
 *    routing has decided it away on the answers already given. A filter is
 *    decided once every question it reads is final: routed away, or on the
 *    route and answered or left blank on purpose ("and"/"or" are decided by
 *    one final false/true operand). A filter that still waits for an open
 *    question counts its questions in, hidden or not. So answering forward
 *    only ever takes questions out of the total; it grows only when an
 *    answer given earlier is changed or cleared.
 */
#ifndef FB_ENGINE_H
#define FB_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "form/eval.h"
#include "form/form.h"
#include "form/response.h"

/* Called when evaluating an expression produced faults (for walks). */
typedef void (*engine_fault_fn)(void *ctx, int question, int check, unsigned faults);

struct engine {
	const struct form *f;
	struct response *r;
	uint8_t *svis, *qvis;
	struct value *cval;
	uint8_t *cdone;
	uint8_t *route, *cfixed;   /* routing's verdict per question; final computed values */
	int32_t today;
	int64_t (*now)(void);
	engine_fault_fn on_fault;
	void *fault_ctx;
};

void engine_init(struct engine *e, const struct form *f, struct response *r);
void engine_free(struct engine *e);
void engine_refresh(struct engine *e);

bool engine_section_visible(const struct engine *e, int s);
bool engine_visible(const struct engine *e, int q);
/* First / next / previous visible question; -1 if none. */
int engine_first(const struct engine *e);
int engine_next(const struct engine *e, int q);
int engine_prev(const struct engine *e, int q);

/* The value of a variable as expressions see it; caller frees. */
struct value engine_value(struct engine *e, int var);
/* An evaluation environment bound to this engine. */
struct eval_env engine_env(struct engine *e);

/* Whether a question counts as answered (every row for a matrix). */
bool engine_answered(const struct engine *e, int q);
/* Whether question q was left blank on purpose (its "required" confirmed). */
bool engine_left_blank(const struct engine *e, int q);
/* Whether question q counts towards progress's total (see the rules above). */
bool engine_counts(const struct engine *e, int q);

/* Changes; each refreshes the cache and drops the question's confirmations. */
void engine_set_value(struct engine *e, int slot, const struct value *v);
void engine_set_missing(struct engine *e, int slot, int32_t code);
void engine_clear(struct engine *e, int slot);
void engine_set_other(struct engine *e, int slot, const char *text);
/* Toggle a multi option; an exclusive option clears the others and vice versa. */
void engine_toggle(struct engine *e, int q, int32_t code);
/* Confirm the warning with this id. */
void engine_confirm(struct engine *e, const char *id);

#endif
