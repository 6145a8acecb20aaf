/*
 * eval: a tree-walking evaluator over struct value.
 */
#include "form/eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

const char *eval_fault_name(unsigned bit)
{
	switch (bit) {
	case EVAL_DIV_ZERO: return _("Division durch null");
	case EVAL_OVERFLOW: return _("Zahl außerhalb des darstellbaren Bereichs");
	case EVAL_BAD_NUM: return _("num() eines Textes, der keine Zahl ist");
	case EVAL_BAD_DATE: return _("Datum außerhalb der Jahre 1 bis 9999");
	default: return _("unbekannter Fehler");
	}
}

/* A number result, with a fault when it is not finite. */
static struct value num_result(double d, struct eval_env *env)
{
	if (!isfinite(d)) {
		env->faults |= EVAL_OVERFLOW;
		return value_null();
	}
	return value_num(d);
}

/* A date result, with a fault when it leaves the calendar. */
static struct value date_result(double days, struct eval_env *env)
{
	int32_t lo, hi;
	(void)date_from_ymd(1, 1, 1, &lo);
	(void)date_from_ymd(9999, 12, 31, &hi);
	if (!(days >= lo && days <= hi) || days != floor(days)) {
		env->faults |= EVAL_BAD_DATE;
		return value_null();
	}
	return value_date((int32_t)days);
}

static struct value arith(const struct expr *e, struct eval_env *env)
{
	struct value l = eval(e->l, env), r = eval(e->r, env), out = value_null();
	if (l.type == VT_NULL || r.type == VT_NULL)
		goto done;
	double a = l.type == VT_DATE ? l.u.date : l.u.num;
	double b = r.type == VT_DATE ? r.u.date : r.u.num;
	if (e->op == E_ADD || e->op == E_SUB) {
		double x = e->op == E_ADD ? a + b : a - b;
		out = e->type == VT_DATE ? date_result(x, env) : num_result(x, env);
	} else if (e->op == E_MUL) {
		out = num_result(a * b, env);
	} else if (b == 0) {
		env->faults |= EVAL_DIV_ZERO;
	} else {
		out = num_result(a / b, env);
	}
done:
	value_free(&l);
	value_free(&r);
	return out;
}

/* -1, 0, 1 ordering of two non-null values of one type. */
static int order(const struct value *a, const struct value *b)
{
	switch (a->type) {
	case VT_NUM: return (a->u.num > b->u.num) - (a->u.num < b->u.num);
	case VT_DATE: return (a->u.date > b->u.date) - (a->u.date < b->u.date);
	case VT_STR: {
		int c = strcmp(a->u.str, b->u.str);
		return (c > 0) - (c < 0);
	}
	case VT_BOOL: return (int)a->u.b - (int)b->u.b;
	case VT_NULL: case VT_SET: break;
	}
	return value_equal(a, b) ? 0 : 1;
}

static struct value compare(const struct expr *e, struct eval_env *env)
{
	struct value l = eval(e->l, env), r = eval(e->r, env), out = value_null();
	if (l.type != VT_NULL && r.type != VT_NULL && l.type == r.type) {
		int c = order(&l, &r);
		bool res = e->op == E_EQ ? c == 0 : e->op == E_NE ? c != 0 : e->op == E_LT ? c < 0
		         : e->op == E_LE ? c <= 0 : e->op == E_GT ? c > 0 : c >= 0;
		out = value_bool(res);
	}
	value_free(&l);
	value_free(&r);
	return out;
}

/* Kleene logic: a false operand decides "and", a true one decides "or". */
static struct value logic(const struct expr *e, struct eval_env *env)
{
	int a = eval_bool(e->l, env);
	if (e->op == E_NOT)
		return a < 0 ? value_null() : value_bool(!a);
	int decisive = e->op == E_OR;
	if (a == decisive)
		return value_bool(decisive);
	int b = eval_bool(e->r, env);
	if (b == decisive)
		return value_bool(decisive);
	if (a < 0 || b < 0)
		return value_null();
	return value_bool(!decisive);
}

/* The integer literal of a code argument. */
static int32_t code_arg(const struct expr *a)
{
	return (int32_t)(a->op == E_NEG ? -a->l->num : a->num);
}

/* substr(s, start, length) by characters, 1-based and clipped. */
static struct value substr(const struct value *s, double start, double len)
{
	size_t n = strlen(s->u.str), chars = utf8_count(s->u.str, n);
	double st = floor(start) - 1, ln = floor(len);
	if (st < 0) {
		ln += st;
		st = 0;
	}
	if (ln <= 0 || st >= (double)chars)
		return value_str("");
	if (st + ln > (double)chars)
		ln = (double)chars - st;
	size_t from = utf8_offset(s->u.str, n, (size_t)st);
	size_t to = utf8_offset(s->u.str, n, (size_t)(st + ln));
	return value_str_n(s->u.str + from, to - from);
}

/* Functions over values (arguments evaluated). */
static struct value call_values(const struct expr *e, struct eval_env *env)
{
	struct value a[16], out = value_null();
	int n = e->nargs;
	for (int i = 0; i < n; i++)
		a[i] = eval(e->args[i], env);
	for (int i = 0; i < n; i++)
		if (a[i].type == VT_NULL && e->fn != F_COALESCE)
			goto done;
	switch (e->fn) {
	case F_LEN: out = value_num((double)utf8_count(a[0].u.str, strlen(a[0].u.str))); break;
	case F_MATCHES: out = value_bool(e->re && regexec(e->re, a[0].u.str, 0, NULL, 0) == 0); break;
	case F_SUBSTR: out = substr(&a[0], a[1].u.num, a[2].u.num); break;
	case F_NUM: {
		double d;
		if (input_parse_number(a[0].u.str, 0, &d) == 0)
			out = value_num(d);
		else
			env->faults |= EVAL_BAD_NUM;
		break;
	}
	case F_YEAR: {
		int y, m, d;
		date_to_ymd(a[0].u.date, &y, &m, &d);
		out = value_num(y);
		break;
	}
	case F_COALESCE: out = value_copy(a[0].type != VT_NULL ? &a[0] : &a[1]); break;
	case F_MIN:
	case F_MAX: {
		double best = a[0].u.num;
		for (int i = 1; i < n; i++)
			if (e->fn == F_MIN ? a[i].u.num < best : a[i].u.num > best)
				best = a[i].u.num;
		out = value_num(best);
		break;
	}
	case F_ROUND: out = num_result(round(a[0].u.num), env); break;
	case F_ABS: out = value_num(fabs(a[0].u.num)); break;
	case F_ANSWERED: case F_MISSING: case F_SELECTED: case F_COUNT:
	case F_TODAY: case F_DATE: case F_IF:
		break; /* handled by call() */
	}
done:
	for (int i = 0; i < n; i++)
		value_free(&a[i]);
	return out;
}

static struct value call(const struct expr *e, struct eval_env *env)
{
	const struct expr *q = e->nargs ? e->args[0] : NULL;
	switch (e->fn) {
	case F_ANSWERED:
		return value_bool(env->answered(env->ctx, q->var) != 0);
	case F_MISSING:
		return value_bool(env->missing(env->ctx, q->var,
		                               e->nargs == 2 ? code_arg(e->args[1]) : 0,
		                               e->nargs == 1) != 0);
	case F_SELECTED:
	case F_COUNT: {
		struct value v = env->value(env->ctx, q->var), out = value_null();
		if (v.type == VT_SET)
			out = e->fn == F_COUNT ? value_num(v.u.set.n)
			                       : value_bool(value_set_has(&v, code_arg(e->args[1])));
		else if (v.type == VT_NUM && e->fn == F_SELECTED)
			out = value_bool(v.u.num == code_arg(e->args[1]));
		value_free(&v);
		return out;
	}
	case F_TODAY:
		return value_date(env->today);
	case F_DATE:
		return value_date(e->date);
	case F_IF: {
		int c = eval_bool(e->args[0], env);
		return c < 0 ? value_null() : eval(e->args[c ? 1 : 2], env);
	}
	case F_LEN: case F_MATCHES: case F_SUBSTR: case F_NUM: case F_YEAR:
	case F_COALESCE: case F_MIN: case F_MAX: case F_ROUND: case F_ABS:
		break;
	}
	return call_values(e, env);
}

struct value eval(const struct expr *e, struct eval_env *env)
{
	switch (e->op) {
	case E_NUM: return value_num(e->num);
	case E_STR: return value_str(e->str);
	case E_BOOL: return value_bool(e->b != 0);
	case E_REF: return env->value(env->ctx, e->var);
	case E_CALL: return call(e, env);
	case E_NEG: {
		struct value v = eval(e->l, env);
		return v.type == VT_NUM ? value_num(-v.u.num) : v;
	}
	case E_NOT: case E_AND: case E_OR: return logic(e, env);
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: return compare(e, env);
	case E_ADD: case E_SUB: case E_MUL: case E_DIV: return arith(e, env);
	}
	return value_null();
}

int eval_bool(const struct expr *e, struct eval_env *env)
{
	struct value v = eval(e, env);
	int r = v.type == VT_BOOL ? (v.u.b ? 1 : 0) : -1;
	value_free(&v);
	return r;
}
