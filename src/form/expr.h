/*
 * expr: the expression language of routing, checks and computed values —
 * tokenizer, parser and syntax tree. It knows nothing of forms: names are
 * resolved and types checked by the loader, values computed by eval.
 *
 * Grammar, loosest first:
 *   or  := and ("or" and)*
 *   and := not ("and" not)*
 *   not := "not" not | cmp
 *   cmp := add (("=="|"!="|"<"|"<="|">"|">=") add)?
 *   add := mul (("+"|"-") mul)*
 *   mul := una (("*"|"/") una)*
 *   una := "-" una | primary
 *   primary := NUMBER | STRING | "true" | "false" | NAME | NAME "(" args ")" | "(" or ")"
 *
 * Ownership: expr_parse() returns a tree the caller frees with expr_free().
 */
#ifndef FB_EXPR_H
#define FB_EXPR_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

#include "form/value.h"

#define EXPR_MAX_LEN 4000
#define EXPR_MAX_DEPTH 64

enum expr_op {
	E_NUM, E_STR, E_BOOL, E_REF, E_CALL,
	E_NEG, E_NOT, E_AND, E_OR,
	E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE,
	E_ADD, E_SUB, E_MUL, E_DIV,
};

enum expr_fn {
	F_ANSWERED, F_MISSING, F_SELECTED, F_COUNT, F_LEN, F_MATCHES, F_SUBSTR,
	F_NUM, F_TODAY, F_DATE, F_YEAR, F_IF, F_COALESCE, F_MIN, F_MAX,
	F_ROUND, F_ABS,
};

struct expr {
	enum expr_op op;
	enum vtype type;      /* static type, set by the loader's check */
	size_t pos;           /* byte offset in the source text */
	double num;           /* E_NUM */
	char *str;            /* E_STR; name of E_REF and E_CALL */
	int b;                /* E_BOOL */
	int var;              /* E_REF: variable index, set by the loader */
	enum expr_fn fn;      /* E_CALL */
	struct expr **args;   /* E_CALL arguments */
	int nargs;
	struct expr *l, *r;   /* operands */
	regex_t *re;          /* matches(): compiled pattern */
	int32_t date;         /* date(): the literal date */
	char *src;            /* root only: the source text, as written */
};

struct expr_error {
	size_t pos;        /* byte offset of the problem */
	char msg[200];     /* message in the interface language */
};

/* Parse src[0..len); on failure fill *err and return -1. */
__attribute__((warn_unused_result))
int expr_parse(const char *src, size_t len, struct expr **out, struct expr_error *err);
void expr_free(struct expr **e);

/* Look up a function by name; -1 if unknown. Also gives the arity range. */
int expr_fn_lookup(const char *name, enum expr_fn *fn, int *min_args, int *max_args);
const char *expr_fn_name(enum expr_fn fn);
/* Operator spelling for messages ("==", "and", …). */
const char *expr_op_name(enum expr_op op);
/*
 * Whether e is an integer literal, possibly negated ("3", "-9"), of at most
 * 1e9 in magnitude, as codes are written: 0 and its value in *out, else -1.
 */
int expr_int_literal(const struct expr *e, int32_t *out);

#endif
