/*
 * unparse: an expression tree written back as expression syntax, with only
 * the parentheses the grammar needs. Parsing the result gives the same tree.
 */
#include "form/unparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Expression syntax: how tightly each operator binds in the parser. */
static int src_prec(const struct expr *e)
{
	switch (e->op) {
	case E_OR: return 1;
	case E_AND: return 2;
	case E_NOT: return 3;
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: return 4;
	case E_ADD: case E_SUB: return 5;
	case E_MUL: case E_DIV: return 6;
	case E_NEG: return 7;
	case E_NUM: case E_STR: case E_BOOL: case E_REF: case E_CALL: break;
	}
	return 8;
}

/* A number literal that reads back as the same double. */
static void unparse_num(struct sbuf *b, double d)
{
	char buf[40];
	if (d == floor(d) && fabs(d) < 1e15) {
		snprintf(buf, sizeof buf, "%.0f", d);
	} else {
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(buf, sizeof buf, "%.*g", prec, d);
			if (strtod(buf, NULL) == d)
				break;
		}
	}
	sbuf_adds(b, buf);
}

static void unparse(struct sbuf *b, const struct expr *e, int min)
{
	int p = src_prec(e);
	if (p < min)
		sbuf_addc(b, '(');
	switch (e->op) {
	case E_NUM:
		unparse_num(b, e->num);
		break;
	case E_STR:
		sbuf_addc(b, '"');
		for (const char *s = e->str; *s; s++) {
			if (*s == '"' || *s == '\\')
				sbuf_addc(b, '\\');
			sbuf_addc(b, *s);
		}
		sbuf_addc(b, '"');
		break;
	case E_BOOL:
		sbuf_adds(b, e->b ? "true" : "false");
		break;
	case E_REF:
		sbuf_adds(b, e->str);
		break;
	case E_CALL:
		sbuf_printf(b, "%s(", expr_fn_name(e->fn));
		for (int i = 0; i < e->nargs; i++) {
			sbuf_adds(b, i ? ", " : "");
			unparse(b, e->args[i], 0);
		}
		sbuf_addc(b, ')');
		break;
	case E_NEG:
	case E_NOT:
		sbuf_adds(b, e->op == E_NEG ? "-" : "not ");
		unparse(b, e->l, p);
		break;
	case E_AND: case E_OR: case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
	case E_ADD: case E_SUB: case E_MUL: case E_DIV:
		unparse(b, e->l, p == 4 ? 5 : p);
		sbuf_printf(b, " %s ", expr_op_name(e->op));
		unparse(b, e->r, p + 1);
		break;
	}
	if (p < min)
		sbuf_addc(b, ')');
}

void unparse_expr(struct sbuf *b, const struct expr *e)
{
	unparse(b, e, 0);
}
