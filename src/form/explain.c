/*
 * explain: reads an expression tree aloud, in the interface language. It
 * walks the tree the loader has resolved (names, types) and writes phrases;
 * it never evaluates and never changes what an expression means. Whatever
 * it cannot read is shown as code, so it has no error path. Every phrase is
 * one translatable template whose %s are filled with readings already in
 * the markup; German is the source, English comes from the catalogue.
 */
#include "form/explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/unparse.h"
#include "util/date.h"
#include "util/i18n.h"

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

/*
 * Fill a translated template: each %s takes the next of the n pieces,
 * which are already in the markup; the template's own words are escaped.
 * A %s beyond the n pieces stays empty.
 */
static void vfill(const struct ctx *c, struct sbuf *b, const char *tpl, int n, va_list ap)
{
	struct sbuf words = {0};
	int used = 0;
	for (const char *p = tpl; *p; p++) {
		if (p[0] != '%' || (p[1] != 's' && p[1] != '%')) {
			sbuf_addc(&words, *p);
			continue;
		}
		p++;
		if (*p == '%') {
			sbuf_addc(&words, '%');
			continue;
		}
		put(c, b, sbuf_str(&words));
		sbuf_free(&words);
		if (used++ < n)
			sbuf_adds(b, va_arg(ap, const char *));
	}
	put(c, b, sbuf_str(&words));
	sbuf_free(&words);
}

static void fill(const struct ctx *c, struct sbuf *b, const char *tpl, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	vfill(c, b, tpl, n, ap);
	va_end(ap);
}

/*
 * A statement in the word order of its place: 'plain' on its own, 'last'
 * after „wenn“, where German puts the verb last („A5 beantwortet ist“).
 * Both templates take the same n pieces.
 */
static int say(const struct ctx *c, struct sbuf *b, const char *plain, const char *last, int n,
               ...)
{
	va_list ap;
	va_start(ap, n);
	vfill(c, b, c->verb_last ? last : plain, n, ap);
	va_end(ap);
	return P_CMP;
}

/* „label“, escaped. */
static void quote(const struct ctx *c, struct sbuf *b, const char *s)
{
	struct sbuf t = {0};
	put(c, &t, s);
	/* TRANSLATORS: a text of the form in quotation marks. */
	fill(c, b, _("„%s“"), 1, sbuf_str(&t));
	sbuf_free(&t);
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

/* „A5 ist (nicht) beantwortet“; a matrix: all of its rows. */
static int answered(const struct ctx *c, struct sbuf *b, const struct expr *q, bool neg)
{
	const struct var *v = var_of(c, q);
	struct sbuf s = {0};
	put(c, &s, q->str);
	const char *n = sbuf_str(&s);
	if (v && v->kind == VAR_MATRIX) {
		if (neg)
			say(c, b, _("nicht alle Zeilen von %s sind beantwortet"),
			    /* TRANSLATORS: the same after "if"; German puts the verb last. */
			    _("nicht alle Zeilen von %s beantwortet sind"), 1, n);
		else
			say(c, b, _("alle Zeilen von %s sind beantwortet"),
			    _("alle Zeilen von %s beantwortet sind"), 1, n);
	} else if (neg) {
		say(c, b, _("%s ist nicht beantwortet"), _("%s nicht beantwortet ist"), 1, n);
	} else {
		say(c, b, _("%s ist beantwortet"), _("%s beantwortet ist"), 1, n);
	}
	sbuf_free(&s);
	return P_CMP;
}

/* „„a“ oder „b““, or with 'neg' „weder „a“ noch „b““: one to three labels. */
static void label_list(const struct ctx *c, struct sbuf *b, const char *const *lab, int n,
                       bool neg)
{
	struct sbuf q[3] = {{0}};
	for (int i = 0; i < n && i < 3; i++)
		quote(c, &q[i], lab[i]);
	const char *a = sbuf_str(&q[0]), *m = sbuf_str(&q[1]), *z = sbuf_str(&q[2]);
	if (n == 1)
		fill(c, b, neg ? _("nicht %s") : "%s", 1, a);
	else if (n == 2)
		fill(c, b, neg ? _("weder %s noch %s") : _("%s oder %s"), 2, a, m);
	else
		fill(c, b, neg ? _("weder %s, %s noch %s") : _("%s, %s oder %s"), 3, a, m, z);
	for (int i = 0; i < 3; i++)
		sbuf_free(&q[i]);
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
		if (neg)
			say(c, b, _("%s hat keinen Fehlwert"), _("%s keinen Fehlwert hat"), 1,
			    sbuf_str(&s));
		else
			say(c, b, _("%s hat einen Fehlwert"), _("%s einen Fehlwert hat"), 1,
			    sbuf_str(&s));
		sbuf_free(&s);
		return P_CMP;
	}
	const char *lab[3];
	for (int i = 0; i < n; i++)
		lab[i] = form_missing(c->f, qu->missing[i])->label;
	label_list(c, &p, lab, n, neg);
	/* TRANSLATORS: a question and what its answer is („A4 ist „weiß nicht““). */
	say(c, b, _("%s ist %s"), _("%s %s ist"), 2, sbuf_str(&s), sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
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
		const char *label = m->label;
		label_list(c, &p, &label, 1, neg);
		say(c, b, _("%s ist %s"), _("%s %s ist"), 2, sbuf_str(&s), sbuf_str(&p));
	} else {
		markup_number(&p, code);
		if (neg)
			say(c, b, _("%s hat nicht den Fehlwert %s"), _("%s nicht den Fehlwert %s hat"), 2,
			    sbuf_str(&s), sbuf_str(&p));
		else
			say(c, b, _("%s hat den Fehlwert %s"), _("%s den Fehlwert %s hat"), 2,
			    sbuf_str(&s), sbuf_str(&p));
	}
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
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
	if (neg)
		/* TRANSLATORS: a multiple-choice question, then an answer of it. */
		say(c, b, _("bei %s ist %s nicht gewählt"), _("bei %s %s nicht gewählt ist"), 2,
		    sbuf_str(&s), sbuf_str(&p));
	else
		say(c, b, _("bei %s ist %s gewählt"), _("bei %s %s gewählt ist"), 2, sbuf_str(&s),
		    sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
}

/* matches(s, "p"): „A1 passt (nicht) auf das Muster `p`“. */
static int matches(const struct ctx *c, struct sbuf *b, const struct expr *e, bool neg,
                   int depth)
{
	if (e->args[1]->op != E_STR)
		return as_code(c, b, e);
	struct sbuf s = {0}, p = {0};
	sub(c, &s, e->args[0], P_PHRASE, NULL, depth);
	markup_code(&p, e->args[1]->str, c->m);
	if (neg)
		say(c, b, _("%s passt nicht auf das Muster %s"), _("%s nicht auf das Muster %s passt"),
		    2, sbuf_str(&s), sbuf_str(&p));
	else
		say(c, b, _("%s passt auf das Muster %s"), _("%s auf das Muster %s passt"), 2,
		    sbuf_str(&s), sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
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

/* The words for true and false. */
static const char *truth(bool v)
{
	return v ? _("wahr") : _("falsch");
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
		put(c, b, truth(!x->b));
		return P_ATOM;
	}
	struct sbuf t = {0};
	sub(c, &t, x, P_PHRASE, NULL, depth);
	fill(c, b, _("nicht %s"), 1, sbuf_str(&t));
	sbuf_free(&t);
	return P_NOT;
}

/* „a und b“, „a oder b“: two readings already in the markup. */
static void join2(const struct ctx *c, struct sbuf *b, bool and, const char *l, const char *r)
{
	if (and)
		fill(c, b, _("%s und %s"), 2, l, r);
	else
		fill(c, b, _("%s oder %s"), 2, l, r);
}

/* a and b, a or b. Inside „oder“ an „und“ gets parentheses too. */
static int logic(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
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
static int arith(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	if (e->op == E_SUB && e->l->type == VT_DATE && e->r->type == VT_DATE) {
		struct sbuf from = {0}, to = {0};
		sub(c, &from, e->r, P_ADD, NULL, depth);
		sub(c, &to, e->l, P_ADD, NULL, depth);
		fill(c, b, _("Tage von %s bis %s"), 2, sbuf_str(&from), sbuf_str(&to));
		sbuf_free(&from);
		sbuf_free(&to);
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
	struct sbuf all = {0};
	int n = 0;
	for (; e->op == E_CALL && e->fn == F_IF && e->nargs == 3; e = e->args[2], n++) {
		struct sbuf when = {0}, then = {0};
		sub(&cond, &when, e->args[0], P_OR, NULL, depth);
		sub(c, &then, e->args[1], P_OR, res, depth);
		if (n > 0)
			put(c, &all, "; ");
		fill(c, &all, _("wenn %s, dann %s"), 2, sbuf_str(&when), sbuf_str(&then));
		sbuf_free(&when);
		sbuf_free(&then);
	}
	struct sbuf rest = {0};
	sub(c, &rest, e, P_OR, res, depth);
	if (n > 1)
		/* TRANSLATORS: after several "if …, then …" separated by ";". */
		fill(c, b, _("%s; sonst %s"), 2, sbuf_str(&all), sbuf_str(&rest));
	else
		fill(c, b, _("%s, sonst %s"), 2, sbuf_str(&all), sbuf_str(&rest));
	sbuf_free(&all);
	sbuf_free(&rest);
	return P_IF;
}

/* Part of a text: „Zeichen 1–2 von A5“. */
static int substr_of(const struct ctx *c, struct sbuf *b, const struct expr *e, int depth)
{
	int32_t from, n;
	struct sbuf s = {0};
	sub(c, &s, e->args[0], P_ADD, NULL, depth);
	if (lit_code(e->args[1], &from) == 0 && lit_code(e->args[2], &n) == 0 && from >= 1 &&
	    n >= 1) {
		char a[16], z[16];
		snprintf(a, sizeof a, "%d", (int)from);
		snprintf(z, sizeof z, "%d", (int)(from + n - 1));
		if (n == 1)
			/* TRANSLATORS: a character position, then a text. */
			fill(c, b, _("Zeichen %s von %s"), 2, a, sbuf_str(&s));
		else
			/* TRANSLATORS: first and last character position, then a text. */
			fill(c, b, _("Zeichen %s–%s von %s"), 3, a, z, sbuf_str(&s));
	} else {
		struct sbuf at = {0}, len = {0};
		sub(c, &at, e->args[1], P_ADD, NULL, depth);
		sub(c, &len, e->args[2], P_ADD, NULL, depth);
		/* TRANSLATORS: a text, the first character position, the number of
		 * characters. */
		fill(c, b, _("Teil von %s ab Zeichen %s mit %s Zeichen"), 3, sbuf_str(&s),
		     sbuf_str(&at), sbuf_str(&len));
		sbuf_free(&at);
		sbuf_free(&len);
	}
	sbuf_free(&s);
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

/* A phrase around one argument read at 'min' („Jahr von DT“). */
static int phrase(const struct ctx *c, struct sbuf *b, const char *tpl, const struct expr *arg,
                  int min, const struct choicelist *res, int depth)
{
	struct sbuf t = {0};
	sub(c, &t, arg, min, res, depth);
	fill(c, b, tpl, 1, sbuf_str(&t));
	sbuf_free(&t);
	return P_PHRASE;
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
		/* TRANSLATORS: count() of a multiple-choice question. */
		return phrase(c, b, _("Zahl der gewählten Antworten bei %s"), e->args[0], P_ATOM,
		              NULL, depth);
	case F_LEN:
		return phrase(c, b, _("Zahl der Zeichen von %s"), e->args[0], P_ADD, NULL, depth);
	case F_SUBSTR:
		return e->nargs == 3 ? substr_of(c, b, e, depth) : as_code(c, b, e);
	case F_NUM:
		return phrase(c, b, _("%s als Zahl"), e->args[0], P_PHRASE, NULL, depth);
	case F_TODAY:
		put(c, b, _("heute"));
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
			put(c, b, _("laufendes Jahr"));
			return P_ATOM;
		}
		return phrase(c, b, _("Jahr von %s"), e->args[0], P_ADD, NULL, depth);
	case F_IF:
		return e->nargs == 3 ? if_chain(c, b, e, res, depth) : as_code(c, b, e);
	case F_COALESCE: {
		if (e->nargs != 2)
			break;
		struct sbuf v = {0}, alt = {0};
		sub(c, &v, e->args[0], P_NEG, res, depth);
		sub(c, &alt, e->args[1], P_OR, res, depth);
		/* TRANSLATORS: coalesce(): a value, and what counts when it is empty. */
		fill(c, b, _("%s (ersatzweise %s)"), 2, sbuf_str(&v), sbuf_str(&alt));
		sbuf_free(&v);
		sbuf_free(&alt);
		return P_MUL;
	}
	case F_MIN:
		return call_style(c, b, _("Minimum"), e, depth);
	case F_MAX:
		return call_style(c, b, _("Maximum"), e, depth);
	case F_ROUND:
		/* TRANSLATORS: round(x), read as a function name before "(x)". */
		return call_style(c, b, _("gerundet"), e, depth);
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
		put(c, b, truth(e->b));
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
	struct sbuf acc = {0};
	for (int i = 0, done = 0; i < n; i++) {
		if (!v[i])
			continue;
		struct sbuf t = {0};
		if (count == 1)
			ex(&c, &t, v[i], NULL, 0);
		else
			sub(&c, &t, v[i], P_AND, NULL, 0);
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
