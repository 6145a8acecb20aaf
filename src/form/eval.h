/*
 * eval: computing the value of a checked expression.
 *
 * Evaluation is total: every input gives a value, null included. Unanswered
 * questions, missing codes and hidden questions read as null (the
 * environment decides); arithmetic with null is null; comparisons with null
 * are null; and/or/not follow three-valued logic. Division by zero and
 * results that are not finite give null and set a fault bit, which random
 * walks report.
 *
 * Ownership: eval() returns a value the caller frees with value_free().
 */
#ifndef FB_EVAL_H
#define FB_EVAL_H

#include <stdint.h>

#include "form/expr.h"
#include "form/value.h"

enum eval_fault {
	EVAL_DIV_ZERO = 1u << 0,   /* x / 0 */
	EVAL_OVERFLOW = 1u << 1,   /* a result that is not a finite number */
	EVAL_BAD_NUM = 1u << 2,    /* num() of text that is no number */
	EVAL_BAD_DATE = 1u << 3,   /* date arithmetic outside years 1..9999 */
};

struct eval_env {
	void *ctx;
	/* The value of a variable as expressions see it; the caller of eval frees it. */
	struct value (*value)(void *ctx, int var);
	/* Whether a question (or matrix) holds a value or a missing code. */
	int (*answered)(void *ctx, int var);
	/* Whether it holds missing code 'code' (any missing code if 'any'). */
	int (*missing)(void *ctx, int var, int32_t code, int any);
	int32_t today;
	unsigned faults;           /* enum eval_fault bits, accumulated */
};

struct value eval(const struct expr *e, struct eval_env *env);
/* A boolean expression: 1 true, 0 false, -1 null. */
int eval_bool(const struct expr *e, struct eval_env *env);
/* Description of fault bits ("Division durch null", …) in the interface language. */
const char *eval_fault_name(unsigned fault_bit);

#endif
