/*
 * explain: reads an expression tree aloud, in the interface language. It
 * walks the tree the loader has resolved (names, types) and writes phrases;
 * it never evaluates and never changes what an expression means. Whatever
 * it cannot read is shown as code, so it has no error path. Every phrase is
 * one translatable template whose %s are filled with readings already in
 * the markup; German is the source, English comes from the catalogue.
 * This file dispatches and reads values; conditions are read in excond.c,
 * and the words both are made of come from exword.c.
 */
#include "form/explain.h"

#include <stdio.h>
#include <stdlib.h>

#include "form/excond.h"
#include "form/exword.h"
#include "util/date.h"
#include "util/i18n.h"

static int ex(const struct exword *c, struct sbuf *b, const struct expr *e,
              const struct choicelist *res, int depth);

/* „a und b“, „a oder b“: two readings already in the markup. */
static void join2(const struct exword *c, struct sbuf *b, bool and, const char *l, const char *r)
{
	if (and)
		exword_fill(c, b, _("%s und %s"), 2, l, r);
	else
		exword_fill(c, b, _("%s oder %s"), 2, l, r);
}

/* a and b, a or b. Inside „oder“ an „und“ gets parentheses too. */
static int logic(const struct exword *c, struct sbuf *b, const struct expr *e, int depth)
{
	int own = e->op == E_AND ? P_AND : P_OR;
	const struct expr *side[2] = {e->l, e->r};
	struct sbuf part[2] = {{0}};
	for (int i = 0; i < 2; i++) {
		struct sbuf t = {0};
		int p = ex(c, &t, side[i], NULL, depth + 1);
		bool wrap = p < own || (own == P_OR && p == P_AND);
		if (wrap)
			sbuf_addc(&part[i], '(');
		sbuf_adds(&part[i], sbuf_str(&t));
		if (wrap)
			sbuf_addc(&part[i], ')');
		sbuf_free(&t);
	}
	join2(c, b, own == P_AND, sbuf_str(&part[0]), sbuf_str(&part[1]));
	sbuf_free(&part[0]);
	sbuf_free(&part[1]);
	return own;
}

/* + − · /, and date − date as a number of days. */
static int arith(const struct exword *c, struct sbuf *b, const struct expr *e, int depth)
{
	if (e->op == E_SUB && e->l->type == VT_DATE && e->r->type == VT_DATE) {
		struct sbuf from = {0}, to = {0};
		exword_sub(c, &from, e->r, P_ADD, NULL, depth);
		exword_sub(c, &to, e->l, P_ADD, NULL, depth);
		exword_fill(c, b, _("Tage von %s bis %s"), 2, sbuf_str(&from), sbuf_str(&to));
		sbuf_free(&from);
		sbuf_free(&to);
		return P_PHRASE;
	}
	bool add = e->op == E_ADD || e->op == E_SUB;
	int own = add ? P_ADD : P_MUL;
	int right = e->op == E_SUB || e->op == E_DIV ? own + 1 : own;
	if (e->r->op == E_NEG)
		right = P_ATOM;
	exword_sub(c, b, e->l, own, NULL, depth);
	const char *sign = e->op == E_ADD ? " + " : e->op == E_SUB ? " − "
	                 : e->op == E_MUL ? " · " : " / ";
	exword_put(c, b, sign);
	exword_sub(c, b, e->r, right, NULL, depth);
	return own;
}

/* if(c1, a, if(c2, b, d)): „wenn c1, dann a; wenn c2, dann b; sonst d“. */
static int if_chain(const struct exword *c, struct sbuf *b, const struct expr *e,
                    const struct choicelist *res, int depth)
{
	struct exword cond = *c;
	cond.verb_last = true;
	struct sbuf all = {0};
	int n = 0;
	for (; e->op == E_CALL && e->fn == F_IF && e->nargs == 3; e = e->args[2], n++) {
		struct sbuf when = {0}, then = {0};
		exword_sub(&cond, &when, e->args[0], P_OR, NULL, depth);
		exword_sub(c, &then, e->args[1], P_OR, res, depth);
		if (n > 0)
			exword_put(c, &all, "; ");
		exword_fill(c, &all, _("wenn %s, dann %s"), 2, sbuf_str(&when), sbuf_str(&then));
		sbuf_free(&when);
		sbuf_free(&then);
	}
	struct sbuf rest = {0};
	exword_sub(c, &rest, e, P_OR, res, depth);
	if (n > 1)
		/* TRANSLATORS: after several "if …, then …" separated by ";". */
		exword_fill(c, b, _("%s; sonst %s"), 2, sbuf_str(&all), sbuf_str(&rest));
	else
		exword_fill(c, b, _("%s, sonst %s"), 2, sbuf_str(&all), sbuf_str(&rest));
	sbuf_free(&all);
	sbuf_free(&rest);
	return P_IF;
}

/* Part of a text: „Zeichen 1–2 von A5“. */
static int substr_of(const struct exword *c, struct sbuf *b, const struct expr *e, int depth)
{
	int32_t from, n;
	struct sbuf s = {0};
	exword_sub(c, &s, e->args[0], P_ADD, NULL, depth);
	if (expr_int_literal(e->args[1], &from) == 0 && expr_int_literal(e->args[2], &n) == 0 &&
	    from >= 1 && n >= 1) {
		char a[16], z[16];
		snprintf(a, sizeof a, "%d", (int)from);
		snprintf(z, sizeof z, "%d", (int)(from + n - 1));
		if (n == 1)
			/* TRANSLATORS: a character position, then a text. */
			exword_fill(c, b, _("Zeichen %s von %s"), 2, a, sbuf_str(&s));
		else
			/* TRANSLATORS: first and last character position, then a text. */
			exword_fill(c, b, _("Zeichen %s–%s von %s"), 3, a, z, sbuf_str(&s));
	} else {
		struct sbuf at = {0}, len = {0};
		exword_sub(c, &at, e->args[1], P_ADD, NULL, depth);
		exword_sub(c, &len, e->args[2], P_ADD, NULL, depth);
		/* TRANSLATORS: a text, the first character position, the number of
		 * characters. */
		exword_fill(c, b, _("Teil von %s ab Zeichen %s mit %s Zeichen"), 3, sbuf_str(&s),
		     sbuf_str(&at), sbuf_str(&len));
		sbuf_free(&at);
		sbuf_free(&len);
	}
	sbuf_free(&s);
	return P_PHRASE;
}

/* „Name(a, b, …)“ for min, max and round. */
static int call_style(const struct exword *c, struct sbuf *b, const char *name,
                      const struct expr *e, int depth)
{
	exword_put(c, b, name);
	sbuf_addc(b, '(');
	for (int i = 0; i < e->nargs; i++) {
		if (i > 0)
			sbuf_adds(b, ", ");
		exword_sub(c, b, e->args[i], P_OR, NULL, depth);
	}
	sbuf_addc(b, ')');
	return P_ATOM;
}

/* A phrase around one argument read at 'min' („Jahr von DT“). */
static int phrase(const struct exword *c, struct sbuf *b, const char *tpl, const struct expr *arg,
                  int min, const struct choicelist *res, int depth)
{
	struct sbuf t = {0};
	exword_sub(c, &t, arg, min, res, depth);
	exword_fill(c, b, tpl, 1, sbuf_str(&t));
	sbuf_free(&t);
	return P_PHRASE;
}

/* date("2016-12-31") as the date it names; any other argument as code. */
static int date_lit(const struct exword *c, struct sbuf *b, const struct expr *e)
{
	int32_t d;
	if (e->nargs != 1 || e->args[0]->op != E_STR || date_parse_iso(e->args[0]->str, &d) < 0)
		return exword_code(c, b, e);
	char buf[DATE_BUF];
	date_format_de(d, buf);
	exword_put(c, b, buf);
	return P_ATOM;
}

/* coalesce(v, alt): „v (ersatzweise alt)“; both may be result codes. */
static int coalesce(const struct exword *c, struct sbuf *b, const struct expr *e,
                    const struct choicelist *res, int depth)
{
	struct sbuf v = {0}, alt = {0};
	exword_sub(c, &v, e->args[0], P_NEG, res, depth);
	exword_sub(c, &alt, e->args[1], P_OR, res, depth);
	/* TRANSLATORS: coalesce(): a value, and what counts when it is empty. */
	exword_fill(c, b, _("%s (ersatzweise %s)"), 2, sbuf_str(&v), sbuf_str(&alt));
	sbuf_free(&v);
	sbuf_free(&alt);
	return P_MUL;
}

/* The value functions; conditions are handled by excond_condition(). */
static int call(const struct exword *c, struct sbuf *b, const struct expr *e,
                const struct choicelist *res, int depth)
{
	int p = excond_condition(c, b, e, false, depth);
	if (p >= 0)
		return p;
	switch (e->fn) {
	case F_COUNT:
		if (e->nargs != 1 || e->args[0]->op != E_REF)
			break;
		/* TRANSLATORS: count() of a multiple-choice question. */
		return phrase(c, b, _("Zahl der gewählten Antworten bei %s"), e->args[0], P_ATOM,
		              NULL, depth);
	case F_LEN:
		return phrase(c, b, _("Zahl der Zeichen von %s"), e->args[0], P_ADD, NULL, depth);
	case F_SUBSTR:
		return e->nargs == 3 ? substr_of(c, b, e, depth) : exword_code(c, b, e);
	case F_NUM:
		return phrase(c, b, _("%s als Zahl"), e->args[0], P_PHRASE, NULL, depth);
	case F_TODAY:
		exword_put(c, b, _("heute"));
		return P_ATOM;
	case F_DATE:
		return date_lit(c, b, e);
	case F_YEAR:
		if (e->args[0]->op == E_CALL && e->args[0]->fn == F_TODAY) {
			exword_put(c, b, _("laufendes Jahr"));
			return P_ATOM;
		}
		return phrase(c, b, _("Jahr von %s"), e->args[0], P_ADD, NULL, depth);
	case F_IF:
		return e->nargs == 3 ? if_chain(c, b, e, res, depth) : exword_code(c, b, e);
	case F_COALESCE:
		return e->nargs == 2 ? coalesce(c, b, e, res, depth) : exword_code(c, b, e);
	case F_MIN:
		return call_style(c, b, _("Minimum"), e, depth);
	case F_MAX:
		return call_style(c, b, _("Maximum"), e, depth);
	case F_ROUND:
		/* TRANSLATORS: round(x), read as a function name before "(x)". */
		return call_style(c, b, _("gerundet"), e, depth);
	case F_ABS:
		exword_put(c, b, "|");
		exword_sub(c, b, e->args[0], P_OR, NULL, depth);
		exword_put(c, b, "|");
		return P_ATOM;
	case F_ANSWERED: case F_MISSING: case F_SELECTED: case F_MATCHES:
		break;
	}
	return exword_code(c, b, e);
}

/* A literal; a result code of a computed value gets its label. */
static int literal(const struct exword *c, struct sbuf *b, const struct expr *e,
                   const struct choicelist *res)
{
	int32_t code;
	switch (e->op) {
	case E_NUM:
		if (res && expr_int_literal(e, &code) == 0)
			exword_code_label(c, b, res, code);
		else
			markup_number(b, e->num);
		return P_ATOM;
	case E_STR:
		exword_quote(c, b, e->str);
		return P_ATOM;
	case E_BOOL:
		exword_put(c, b, exword_truth(e->b));
		return P_ATOM;
	case E_REF: case E_CALL: case E_NEG: case E_NOT: case E_AND: case E_OR: case E_EQ:
	case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: case E_ADD: case E_SUB: case E_MUL:
	case E_DIV:
		break;
	}
	return exword_code(c, b, e);
}

/* Write the reading of e; return how tightly it binds. */
static int ex(const struct exword *c, struct sbuf *b, const struct expr *e,
              const struct choicelist *res, int depth)
{
	int32_t code;
	if (depth > EXPLAIN_MAX_DEPTH)
		return exword_code(c, b, e);
	switch (e->op) {
	case E_NUM:
	case E_STR:
	case E_BOOL:
		return literal(c, b, e, res);
	case E_REF:
		exword_put(c, b, e->str);
		return P_ATOM;
	case E_CALL:
		return call(c, b, e, res, depth);
	case E_NEG:
		/* A negative literal reads as a number, parenthesised after an operator. */
		if (expr_int_literal(e, &code) == 0) {
			exword_code_label(c, b, res, code);
			return code < 0 ? P_NEG : P_ATOM;
		}
		if (e->l->op == E_NUM) {
			markup_number(b, -e->l->num);
			return P_NEG;
		}
		sbuf_adds(b, "−");
		exword_sub(c, b, e->l, P_ATOM, NULL, depth);
		return P_NEG;
	case E_NOT:
		return excond_negation(c, b, e, depth);
	case E_AND:
	case E_OR:
		return logic(c, b, e, depth);
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
		return excond_compare(c, b, e, e->op, depth);
	case E_ADD: case E_SUB: case E_MUL: case E_DIV:
		return arith(c, b, e, depth);
	}
	return exword_code(c, b, e);
}

void explain_append(struct sbuf *b, const struct form *f, const struct expr *e,
                    enum markup m)
{
	struct exword c = {f, m, false, ex};
	ex(&c, b, e, NULL, 0);
}

void explain_computed(struct sbuf *b, const struct form *f, const struct computed *cv,
                      enum markup m)
{
	struct exword c = {f, m, false, ex};
	ex(&c, b, cv->expr, cv->choices, 0);
}

/* Conditions joined by „und“; 'verb_last' for the wording after „wenn“. */
static void join(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                 enum markup m, bool verb_last)
{
	struct exword c = {f, m, verb_last, ex};
	int count = 0;
	for (int i = 0; i < n; i++)
		count += v[i] != NULL;
	struct sbuf acc = {0};
	for (int i = 0, done = 0; i < n; i++) {
		if (!v[i])
			continue;
		struct sbuf t = {0};
		if (count == 1)
			ex(&c, &t, v[i], NULL, 0);
		else
			exword_sub(&c, &t, v[i], P_AND, NULL, 0);
		if (done++ > 0) {
			char *left = sbuf_take(&acc);
			join2(&c, &acc, true, left, sbuf_str(&t));
			free(left);
		} else {
			sbuf_adds(&acc, sbuf_str(&t));
		}
		sbuf_free(&t);
	}
	sbuf_adds(b, sbuf_str(&acc));
	sbuf_free(&acc);
}

void explain_all(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                 enum markup m)
{
	join(b, f, v, n, m, false);
}

void explain_when(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                  enum markup m)
{
	join(b, f, v, n, m, true);
}

char *explain_str(const struct form *f, const struct expr *e)
{
	struct sbuf b = {0};
	explain_append(&b, f, e, MARKUP_TEXT);
	return sbuf_take(&b);
}
