/*
 * explain: reads an expression tree aloud in German. It walks the tree the
 * loader has resolved (names, types) and writes phrases; it never evaluates
 * and never changes what an expression means. Whatever it cannot read is
 * shown as code, so it has no error path.
 */
#include "form/explain.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/unparse.h"
#include "util/date.h"

/*
 * How tightly a reading binds, loosest first. A reading is put in
 * parentheses when its context needs a tighter one. P_PHRASE are noun
 * phrases such as „Zahl der Zeichen von A1“: fine beside „=“, wrapped
 * inside arithmetic.
 */
enum prec { P_IF, P_OR, P_AND, P_NOT, P_CMP, P_PHRASE, P_ADD, P_MUL, P_NEG, P_ATOM };

struct ctx {
	const struct form *f;
	enum markup m;
	bool verb_last;     /* inside „wenn …“: the verb goes to the end */
};

static int ex(const struct ctx *c, struct sbuf *b, const struct expr *e,
              const struct choicelist *res, int depth);

static void put(const struct ctx *c, struct sbuf *b, const char *s)
{
	markup_escape(b, s, c->m);
}

/* „label“, escaped. */
static void quote(const struct ctx *c, struct sbuf *b, const char *s)
{
	sbuf_adds(b, "„");
	put(c, b, s);
	sbuf_adds(b, "“");
}

/* Render e into b; parenthesised when it binds looser than 'min'. */
static void sub(const struct ctx *c, struct sbuf *b, const struct expr *e, int min,
                const struct choicelist *res, int depth)
{
	struct sbuf t = {0};
	int p = ex(c, &t, e, res, depth + 1);
	if (p < min)
		sbuf_addc(b, '(');
	sbuf_adds(b, sbuf_str(&t));
	if (p < min)
		sbuf_addc(b, ')');
	sbuf_free(&t);
}

/* The subtree as code: the reading of last resort. */
static int as_code(const struct ctx *c, struct sbuf *b, const struct expr *e)
{
	struct sbuf t = {0};
	if (e->src)
		sbuf_adds(&t, e->src);
	else
		unparse_expr(&t, e);
	markup_code(b, sbuf_str(&t), c->m);
	sbuf_free(&t);
	return P_ATOM;
}

/* The variable a reference names, or NULL when unresolved. */
static const struct var *var_of(const struct ctx *c, const struct expr *e)
{
	if (!c->f || e->op != E_REF || e->var < 0 || e->var >= c->f->nvars)
		return NULL;
	return &c->f->vars[e->var];
}

/* The question a reference belongs to, or NULL. */
static const struct question *question_of(const struct ctx *c, const struct expr *e)
{
	const struct var *v = var_of(c, e);
	if (!v || v->question < 0 || v->question >= c->f->nquestions)
		return NULL;
	return &c->f->questions[v->question];
}

/* An integer literal, possibly negated; 0 if e is one. */
static int lit_code(const struct expr *e, int32_t *out)
{
	int neg = 0;
	if (e->op == E_NEG) {
		neg = 1;
		e = e->l;
	}
	if (e->op != E_NUM || e->num != floor(e->num) || fabs(e->num) > 1e9)
		return -1;
	*out = (int32_t)(neg ? -e->num : e->num);
	return 0;
}

/* „1 („ja“)“: a code with its label from 'cl', if it has one. */
static void code_label(const struct ctx *c, struct sbuf *b, const struct choicelist *cl,
                       int32_t code)
{
	markup_number(b, code);
	const struct choice *ch = cl ? form_choice(cl, code) : NULL;
	if (ch) {
		sbuf_adds(b, " (");
		quote(c, b, ch->label);
		sbuf_addc(b, ')');
	}
}

static const char *cmp_sym(enum expr_op op)
{
	static const char *const v[] = {[E_EQ] = "=", [E_NE] = "≠", [E_LT] = "<",
	                                [E_LE] = "≤", [E_GT] = ">", [E_GE] = "≥"};
	return v[op];
}

/* The comparison that is true exactly when op is false (and null when it is). */
static enum expr_op cmp_negate(enum expr_op op)
{
	static const enum expr_op v[] = {[E_EQ] = E_NE, [E_NE] = E_EQ, [E_LT] = E_GE,
	                                 [E_LE] = E_GT, [E_GT] = E_LE, [E_GE] = E_LT};
	return v[op];
}

/* The comparison with its operands swapped: a < b is b > a. */
static enum expr_op cmp_swap(enum expr_op op)
{
	static const enum expr_op v[] = {[E_EQ] = E_EQ, [E_NE] = E_NE, [E_LT] = E_GT,
	                                 [E_LE] = E_GE, [E_GT] = E_LT, [E_GE] = E_LE};
	return v[op];
}

static bool is_cmp(enum expr_op op)
{
	return op == E_EQ || op == E_NE || op == E_LT || op == E_LE || op == E_GT || op == E_GE;
}

/* „G1 = 1 („ja“)“: a comparison, read with operator 'op'. */
static int compare(const struct ctx *c, struct sbuf *b, const struct expr *e, enum expr_op op,
                   int depth)
{
	const struct expr *l = e->l, *r = e->r;
	int32_t code;
	if (lit_code(l, &code) == 0 && r->op == E_REF) {
		l = e->r;
		r = e->l;
		op = cmp_swap(op);
	}
	sub(c, b, l, P_PHRASE, NULL, depth);
	put(c, b, " ");
	put(c, b, cmp_sym(op));
	put(c, b, " ");
	const struct var *v = var_of(c, l);
	const struct choicelist *cl = v ? form_var_choices(c->f, l->var) : NULL;
	if (cl && lit_code(r, &code) == 0)
		code_label(c, b, cl, code);
	else
		sub(c, b, r, P_PHRASE, NULL, depth);
	return P_CMP;
}

/*
 * A statement: subject, verb, predicate — „A5 ist beantwortet“, or with the
 * verb last after „wenn“: „A5 beantwortet ist“. Consumes both buffers.
 */
static int clause(const struct ctx *c, struct sbuf *b, struct sbuf *subj, const char *verb,
                  struct sbuf *pred)
{
	sbuf_adds(b, sbuf_str(subj));
	if (!c->verb_last)
		sbuf_printf(b, " %s", verb);
	sbuf_addc(b, ' ');
	sbuf_adds(b, sbuf_str(pred));
	if (c->verb_last)
		sbuf_printf(b, " %s", verb);
	sbuf_free(subj);
	sbuf_free(pred);
	return P_CMP;
}

/* „A5 ist (nicht) beantwortet“; a matrix: all of its rows. */
static int answered(const struct ctx *c, struct sbuf *b, const struct expr *q, bool neg)
{
	const struct var *v = var_of(c, q);
	struct sbuf s = {0}, p = {0};
	bool matrix = v && v->kind == VAR_MATRIX;
	if (matrix)
		put(c, &s, neg ? "nicht alle Zeilen von " : "alle Zeilen von ");
	put(c, &s, q->str);
	put(c, &p, neg && !matrix ? "nicht beantwortet" : "beantwortet");
	return clause(c, b, &s, matrix ? "sind" : "ist", &p);
}

/* missing(q): „A2 ist „weiß nicht“ oder „keine Angabe““, naming the offered codes. */
static int missing_any(const struct ctx *c, struct sbuf *b, const struct expr *q, bool neg)
{
	const struct question *qu = question_of(c, q);
	struct sbuf s = {0}, p = {0};
	put(c, &s, q->str);
	int n = qu ? qu->nmissing : 0;
	for (int i = 0; i < n; i++)
		if (!form_missing(c->f, qu->missing[i]))
			n = 0;
	if (n == 0 || n > 3) {
		put(c, &p, neg ? "keinen Fehlwert" : "einen Fehlwert");
		return clause(c, b, &s, "hat", &p);
	}
	if (neg)
		put(c, &p, n == 1 ? "nicht " : "weder ");
	for (int i = 0; i < n; i++) {
		if (i > 0)
			put(c, &p, i < n - 1 ? ", " : neg ? " noch " : " oder ");
		quote(c, &p, form_missing(c->f, qu->missing[i])->label);
	}
	return clause(c, b, &s, "ist", &p);
}

/* missing(q, code): „A3 ist „weiß nicht““. */
static int missing_code(const struct ctx *c, struct sbuf *b, const struct expr *e, bool neg)
{
	int32_t code;
	if (lit_code(e->args[1], &code) < 0)
		return as_code(c, b, e);
	const struct missing *m = c->f ? form_missing(c->f, code) : NULL;
	struct sbuf s = {0}, p = {0};
	put(c, &s, e->args[0]->str);
	if (m) {
		put(c, &p, neg ? "nicht " : "");
		quote(c, &p, m->label);
		return clause(c, b, &s, "ist", &p);
	}
	put(c, &p, neg ? "nicht den Fehlwert " : "den Fehlwert ");
	markup_number(&p, code);
	return clause(c, b, &s, "hat", &p);
}

/* selected(q, code): „G1 = 1 („ja“)“, or for a multiple choice „bei D1 ist „…“ (3) gewählt“. */
static int selected(const struct ctx *c, struct sbuf *b, const struct expr *e, bool neg)
{
	const struct expr *q = e->args[0];
	const struct var *v = var_of(c, q);
	int32_t code;
	if (lit_code(e->args[1], &code) < 0)
		return as_code(c, b, e);
	const struct choicelist *cl = v ? form_var_choices(c->f, q->var) : NULL;
	if (v && v->type != VT_SET) {
		put(c, b, q->str);
		put(c, b, neg ? " ≠ " : " = ");
		code_label(c, b, cl, code);
		return P_CMP;
	}
	struct sbuf s = {0}, p = {0};
	put(c, &s, "bei ");
	put(c, &s, q->str);
	const struct choice *ch = cl ? form_choice(cl, code) : NULL;
	if (ch) {
		quote(c, &p, ch->label);
		sbuf_adds(&p, " (");
		markup_number(&p, code);
		sbuf_addc(&p, ')');
	} else {
		markup_number(&p, code);
	}
	put(c, &p, neg ? " nicht gewählt" : " gewählt");
	return clause(c, b, &s, "ist", &p);
}

/* matches(s, "p"): „A1 passt (nicht) auf das Muster `p`“. */
static int matches(const struct ctx *c, struct sbuf *b, const struct expr *e, bool neg,
                   int depth)
{
	if (e->args[1]->op != E_STR)
		return as_code(c, b, e);
	struct sbuf s = {0}, p = {0};
	sub(c, &s, e->args[0], P_PHRASE, NULL, depth);
	put(c, &p, neg ? "nicht auf das Muster " : "auf das Muster ");
	markup_code(&p, e->args[1]->str, c->m);
	return clause(c, b, &s, "passt", &p);
}

/* The functions that say something about a question; -1 for the others. */
static int condition(const struct ctx *c, struct sbuf *b, const struct expr *e, bool neg,
                     int depth)
{
	if (e->op != E_CALL || e->nargs < 1)
		return -1;
	bool ref = e->args[0]->op == E_REF;
	switch (e->fn) {
	case F_ANSWERED:
		return ref && e->nargs == 1 ? answered(c, b, e->args[0], neg) : -1;
	case F_MISSING:
		if (!ref)
			return -1;
		if (e->nargs == 1)
			return missing_any(c, b, e->args[0], neg);
		return e->nargs == 2 ? missing_code(c, b, e, neg) : -1;
	case F_SELECTED:
		return ref && e->nargs == 2 ? selected(c, b, e, neg) : -1;
	case F_MATCHES:
		return e->nargs == 2 ? matches(c, b, e, neg, depth) : -1;
	case F_COUNT: case F_LEN: case F_SUBSTR: case F_NUM: case F_TODAY: case F_DATE:
	case F_YEAR: case F_IF: case F_COALESCE: case F_MIN: case F_MAX: case F_ROUND: case F_ABS:
		break;
	}
	return -1;
}

/* not x: said positively where German has a word for it. */
static int negation(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	const struct expr *x = e->l;
	int p = condition(c, b, x, true, depth);
	if (p >= 0)
		return p;
	if (is_cmp(x->op))
		return compare(c, b, x, cmp_negate(x->op), depth + 1);
	if (x->op == E_NOT) /* not not a is a, null included */
		return ex(c, b, x->l, NULL, depth + 2);
	if (x->op == E_BOOL) {
		put(c, b, x->b ? "falsch" : "wahr");
		return P_ATOM;
	}
	put(c, b, "nicht ");
	sub(c, b, x, P_PHRASE, NULL, depth);
	return P_NOT;
}

/* a and b, a or b. Inside „oder“ an „und“ gets parentheses too. */
static int logic(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	int own = e->op == E_AND ? P_AND : P_OR;
	const struct expr *side[2] = {e->l, e->r};
	for (int i = 0; i < 2; i++) {
		struct sbuf t = {0};
		int p = ex(c, &t, side[i], NULL, depth + 1);
		bool wrap = p < own || (own == P_OR && p == P_AND);
		if (i == 1)
			put(c, b, own == P_AND ? " und " : " oder ");
		if (wrap)
			sbuf_addc(b, '(');
		sbuf_adds(b, sbuf_str(&t));
		if (wrap)
			sbuf_addc(b, ')');
		sbuf_free(&t);
	}
	return own;
}

/* + − · /, and date − date as a number of days. */
static int arith(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	if (e->op == E_SUB && e->l->type == VT_DATE && e->r->type == VT_DATE) {
		put(c, b, "Tage von ");
		sub(c, b, e->r, P_ADD, NULL, depth);
		put(c, b, " bis ");
		sub(c, b, e->l, P_ADD, NULL, depth);
		return P_PHRASE;
	}
	bool add = e->op == E_ADD || e->op == E_SUB;
	int own = add ? P_ADD : P_MUL;
	int right = e->op == E_SUB || e->op == E_DIV ? own + 1 : own;
	if (e->r->op == E_NEG)
		right = P_ATOM;
	sub(c, b, e->l, own, NULL, depth);
	put(c, b, e->op == E_ADD ? " + " : e->op == E_SUB ? " − " : e->op == E_MUL ? " · " : " / ");
	sub(c, b, e->r, right, NULL, depth);
	return own;
}

/* if(c1, a, if(c2, b, d)): „wenn c1, dann a; wenn c2, dann b; sonst d“. */
static int if_chain(const struct ctx *c, struct sbuf *b, const struct expr *e,
                    const struct choicelist *res, int depth)
{
	struct ctx cond = *c;
	cond.verb_last = true;
	int n = 0;
	for (; e->op == E_CALL && e->fn == F_IF && e->nargs == 3; e = e->args[2], n++) {
		if (n > 0)
			put(c, b, "; ");
		put(c, b, "wenn ");
		sub(&cond, b, e->args[0], P_OR, NULL, depth);
		put(c, b, ", dann ");
		sub(c, b, e->args[1], P_OR, res, depth);
	}
	put(c, b, n > 1 ? "; sonst " : ", sonst ");
	sub(c, b, e, P_OR, res, depth);
	return P_IF;
}

/* Part of a text: „Zeichen 1–2 von A5“. */
static int substr_of(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	int32_t from, n;
	if (lit_code(e->args[1], &from) == 0 && lit_code(e->args[2], &n) == 0 && from >= 1 &&
	    n >= 1) {
		if (n == 1)
			sbuf_printf(b, "Zeichen %d von ", (int)from);
		else
			sbuf_printf(b, "Zeichen %d–%d von ", (int)from, (int)(from + n - 1));
		sub(c, b, e->args[0], P_ADD, NULL, depth);
		return P_PHRASE;
	}
	put(c, b, "Teil von ");
	sub(c, b, e->args[0], P_ADD, NULL, depth);
	put(c, b, " ab Zeichen ");
	sub(c, b, e->args[1], P_ADD, NULL, depth);
	put(c, b, " mit ");
	sub(c, b, e->args[2], P_ADD, NULL, depth);
	put(c, b, " Zeichen");
	return P_PHRASE;
}

/* „Name(a, b, …)“ for min, max and round. */
static int call_style(const struct ctx *c, struct sbuf *b, const char *name, const struct expr *e,
                      int depth)
{
	put(c, b, name);
	sbuf_addc(b, '(');
	for (int i = 0; i < e->nargs; i++) {
		if (i > 0)
			sbuf_adds(b, ", ");
		sub(c, b, e->args[i], P_OR, NULL, depth);
	}
	sbuf_addc(b, ')');
	return P_ATOM;
}

/* The value functions; conditions are handled by condition(). */
static int call(const struct ctx *c, struct sbuf *b, const struct expr *e,
                const struct choicelist *res, int depth)
{
	int32_t d;
	int p = condition(c, b, e, false, depth);
	if (p >= 0)
		return p;
	switch (e->fn) {
	case F_COUNT:
		if (e->nargs != 1 || e->args[0]->op != E_REF)
			break;
		put(c, b, "Zahl der gewählten Antworten bei ");
		put(c, b, e->args[0]->str);
		return P_PHRASE;
	case F_LEN:
		put(c, b, "Zahl der Zeichen von ");
		sub(c, b, e->args[0], P_ADD, NULL, depth);
		return P_PHRASE;
	case F_SUBSTR:
		return e->nargs == 3 ? substr_of(c, b, e, depth) : as_code(c, b, e);
	case F_NUM:
		sub(c, b, e->args[0], P_PHRASE, NULL, depth);
		put(c, b, " als Zahl");
		return P_PHRASE;
	case F_TODAY:
		put(c, b, "heute");
		return P_ATOM;
	case F_DATE:
		if (e->nargs != 1 || e->args[0]->op != E_STR || date_parse_iso(e->args[0]->str, &d) < 0)
			break;
		char buf[DATE_BUF];
		date_format_de(d, buf);
		put(c, b, buf);
		return P_ATOM;
	case F_YEAR:
		if (e->args[0]->op == E_CALL && e->args[0]->fn == F_TODAY) {
			put(c, b, "laufendes Jahr");
			return P_ATOM;
		}
		put(c, b, "Jahr von ");
		sub(c, b, e->args[0], P_ADD, NULL, depth);
		return P_PHRASE;
	case F_IF:
		return e->nargs == 3 ? if_chain(c, b, e, res, depth) : as_code(c, b, e);
	case F_COALESCE:
		if (e->nargs != 2)
			break;
		sub(c, b, e->args[0], P_NEG, res, depth);
		put(c, b, " (ersatzweise ");
		sub(c, b, e->args[1], P_OR, res, depth);
		sbuf_addc(b, ')');
		return P_MUL;
	case F_MIN:
		return call_style(c, b, "Minimum", e, depth);
	case F_MAX:
		return call_style(c, b, "Maximum", e, depth);
	case F_ROUND:
		return call_style(c, b, "gerundet", e, depth);
	case F_ABS:
		put(c, b, "|");
		sub(c, b, e->args[0], P_OR, NULL, depth);
		put(c, b, "|");
		return P_ATOM;
	case F_ANSWERED: case F_MISSING: case F_SELECTED: case F_MATCHES:
		break;
	}
	return as_code(c, b, e);
}

/* A literal; a result code of a computed value gets its label. */
static int literal(const struct ctx *c, struct sbuf *b, const struct expr *e,
                   const struct choicelist *res)
{
	int32_t code;
	switch (e->op) {
	case E_NUM:
		if (res && lit_code(e, &code) == 0)
			code_label(c, b, res, code);
		else
			markup_number(b, e->num);
		return P_ATOM;
	case E_STR:
		quote(c, b, e->str);
		return P_ATOM;
	case E_BOOL:
		put(c, b, e->b ? "wahr" : "falsch");
		return P_ATOM;
	case E_REF: case E_CALL: case E_NEG: case E_NOT: case E_AND: case E_OR: case E_EQ:
	case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: case E_ADD: case E_SUB: case E_MUL:
	case E_DIV:
		break;
	}
	return as_code(c, b, e);
}

/* Write the reading of e; return how tightly it binds. */
static int ex(const struct ctx *c, struct sbuf *b, const struct expr *e,
              const struct choicelist *res, int depth)
{
	int32_t code;
	if (depth > EXPLAIN_MAX_DEPTH)
		return as_code(c, b, e);
	switch (e->op) {
	case E_NUM:
	case E_STR:
	case E_BOOL:
		return literal(c, b, e, res);
	case E_REF:
		put(c, b, e->str);
		return P_ATOM;
	case E_CALL:
		return call(c, b, e, res, depth);
	case E_NEG:
		/* A negative literal reads as a number, parenthesised after an operator. */
		if (lit_code(e, &code) == 0) {
			code_label(c, b, res, code);
			return code < 0 ? P_NEG : P_ATOM;
		}
		if (e->l->op == E_NUM) {
			markup_number(b, -e->l->num);
			return P_NEG;
		}
		sbuf_adds(b, "−");
		sub(c, b, e->l, P_ATOM, NULL, depth);
		return P_NEG;
	case E_NOT:
		return negation(c, b, e, depth);
	case E_AND:
	case E_OR:
		return logic(c, b, e, depth);
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
		return compare(c, b, e, e->op, depth);
	case E_ADD: case E_SUB: case E_MUL: case E_DIV:
		return arith(c, b, e, depth);
	}
	return as_code(c, b, e);
}

void explain_append(struct sbuf *b, const struct form *f, const struct expr *e,
                    enum markup m)
{
	struct ctx c = {f, m, false};
	ex(&c, b, e, NULL, 0);
}

void explain_computed(struct sbuf *b, const struct form *f, const struct computed *cv,
                      enum markup m)
{
	struct ctx c = {f, m, false};
	ex(&c, b, cv->expr, cv->choices, 0);
}

/* Conditions joined by „und“; 'verb_last' for the wording after „wenn“. */
static void join(struct sbuf *b, const struct form *f, const struct expr *const *v, int n,
                 enum markup m, bool verb_last)
{
	struct ctx c = {f, m, verb_last};
	int count = 0;
	for (int i = 0; i < n; i++)
		count += v[i] != NULL;
	for (int i = 0, done = 0; i < n; i++) {
		if (!v[i])
			continue;
		if (done++ > 0)
			put(&c, b, " und ");
		if (count == 1)
			ex(&c, b, v[i], NULL, 0);
		else
			sub(&c, b, v[i], P_AND, NULL, 0);
	}
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
