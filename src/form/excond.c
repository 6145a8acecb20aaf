/*
 * excond: conditions read as statements. A negation is only ever turned
 * into a reading with the same truth and the same null.
 */
#include "form/excond.h"

#include "util/i18n.h"

/* The sign of a comparison, as printed. */
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

/* Whether op is one of the six comparisons. */
static bool is_cmp(enum expr_op op)
{
	return op == E_EQ || op == E_NE || op == E_LT || op == E_LE || op == E_GT || op == E_GE;
}

/* „G1 = 1 („ja“)“: a comparison, read with operator 'op'. */
int excond_compare(const struct exword *c, struct sbuf *b, const struct expr *e,
                   enum expr_op op, int depth)
{
	const struct expr *l = e->l, *r = e->r;
	int32_t code;
	if (expr_int_literal(l, &code) == 0 && r->op == E_REF) {
		l = e->r;
		r = e->l;
		op = cmp_swap(op);
	}
	exword_sub(c, b, l, P_PHRASE, NULL, depth);
	exword_put(c, b, " ");
	exword_put(c, b, cmp_sym(op));
	exword_put(c, b, " ");
	const struct var *v = exword_var(c, l);
	const struct choicelist *cl = v ? form_var_choices(c->f, l->var) : NULL;
	if (cl && expr_int_literal(r, &code) == 0)
		exword_code_label(c, b, cl, code);
	else
		exword_sub(c, b, r, P_PHRASE, NULL, depth);
	return P_CMP;
}

/* „A5 ist (nicht) beantwortet“; a matrix: all of its rows. */
static int answered(const struct exword *c, struct sbuf *b, const struct expr *q, bool neg)
{
	const struct var *v = exword_var(c, q);
	struct sbuf s = {0};
	exword_put(c, &s, q->str);
	const char *n = sbuf_str(&s);
	if (v && v->kind == VAR_MATRIX) {
		if (neg)
			exword_say(c, b, _("nicht alle Zeilen von %s sind beantwortet"),
			           /* TRANSLATORS: the same after "if"; German puts the verb last. */
			           _("nicht alle Zeilen von %s beantwortet sind"), 1, n);
		else
			exword_say(c, b, _("alle Zeilen von %s sind beantwortet"),
			           _("alle Zeilen von %s beantwortet sind"), 1, n);
	} else if (neg) {
		exword_say(c, b, _("%s ist nicht beantwortet"), _("%s nicht beantwortet ist"), 1,
		           n);
	} else {
		exword_say(c, b, _("%s ist beantwortet"), _("%s beantwortet ist"), 1, n);
	}
	sbuf_free(&s);
	return P_CMP;
}

/* „„a“ oder „b““, or with 'neg' „weder „a“ noch „b““: one to three labels. */
static void label_list(const struct exword *c, struct sbuf *b, const char *const *lab, int n,
                       bool neg)
{
	struct sbuf q[3] = {{0}};
	for (int i = 0; i < n && i < 3; i++)
		exword_quote(c, &q[i], lab[i]);
	const char *a = sbuf_str(&q[0]), *m = sbuf_str(&q[1]), *z = sbuf_str(&q[2]);
	if (n == 1)
		exword_fill(c, b, neg ? _("nicht %s") : "%s", 1, a);
	else if (n == 2)
		exword_fill(c, b, neg ? _("weder %s noch %s") : _("%s oder %s"), 2, a, m);
	else
		exword_fill(c, b, neg ? _("weder %s, %s noch %s") : _("%s, %s oder %s"), 3, a, m,
		            z);
	for (int i = 0; i < 3; i++)
		sbuf_free(&q[i]);
}

/* missing(q): „A2 ist „weiß nicht“ oder „keine Angabe““, naming the offered codes. */
static int missing_any(const struct exword *c, struct sbuf *b, const struct expr *q, bool neg)
{
	const struct question *qu = exword_question(c, q);
	struct sbuf s = {0}, p = {0};
	exword_put(c, &s, q->str);
	int n = qu ? qu->nmissing : 0;
	for (int i = 0; i < n; i++)
		if (!form_missing(c->f, qu->missing[i]))
			n = 0;
	if (n == 0 || n > 3) {
		if (neg)
			exword_say(c, b, _("%s hat keinen Fehlwert"), _("%s keinen Fehlwert hat"), 1,
			           sbuf_str(&s));
		else
			exword_say(c, b, _("%s hat einen Fehlwert"), _("%s einen Fehlwert hat"), 1,
			           sbuf_str(&s));
		sbuf_free(&s);
		return P_CMP;
	}
	const char *lab[3];
	for (int i = 0; i < n; i++)
		lab[i] = form_missing(c->f, qu->missing[i])->label;
	label_list(c, &p, lab, n, neg);
	/* TRANSLATORS: a question and what its answer is („A4 ist „weiß nicht““). */
	exword_say(c, b, _("%s ist %s"), _("%s %s ist"), 2, sbuf_str(&s), sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
}

/* missing(q, code): „A3 ist „weiß nicht““. */
static int missing_code(const struct exword *c, struct sbuf *b, const struct expr *e, bool neg)
{
	int32_t code;
	if (expr_int_literal(e->args[1], &code) < 0)
		return exword_code(c, b, e);
	const struct missing *m = c->f ? form_missing(c->f, code) : NULL;
	struct sbuf s = {0}, p = {0};
	exword_put(c, &s, e->args[0]->str);
	if (m) {
		const char *label = m->label;
		label_list(c, &p, &label, 1, neg);
		exword_say(c, b, _("%s ist %s"), _("%s %s ist"), 2, sbuf_str(&s), sbuf_str(&p));
	} else {
		markup_number(&p, code);
		if (neg)
			exword_say(c, b, _("%s hat nicht den Fehlwert %s"),
			           _("%s nicht den Fehlwert %s hat"), 2, sbuf_str(&s), sbuf_str(&p));
		else
			exword_say(c, b, _("%s hat den Fehlwert %s"), _("%s den Fehlwert %s hat"), 2,
			           sbuf_str(&s), sbuf_str(&p));
	}
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
}

/*
 * selected(q, code): „G1 = 1 („ja“)“, or for a multiple choice „bei D1 ist
 * „…“ (3) gewählt“.
 */
static int selected(const struct exword *c, struct sbuf *b, const struct expr *e, bool neg)
{
	const struct expr *q = e->args[0];
	const struct var *v = exword_var(c, q);
	int32_t code;
	if (expr_int_literal(e->args[1], &code) < 0)
		return exword_code(c, b, e);
	const struct choicelist *cl = v ? form_var_choices(c->f, q->var) : NULL;
	if (v && v->type != VT_SET) {
		exword_put(c, b, q->str);
		exword_put(c, b, neg ? " ≠ " : " = ");
		exword_code_label(c, b, cl, code);
		return P_CMP;
	}
	struct sbuf s = {0}, p = {0};
	exword_put(c, &s, q->str);
	const struct choice *ch = cl ? form_choice(cl, code) : NULL;
	if (ch) {
		exword_quote(c, &p, ch->label);
		sbuf_adds(&p, " (");
		markup_number(&p, code);
		sbuf_addc(&p, ')');
	} else {
		markup_number(&p, code);
	}
	if (neg)
		/* TRANSLATORS: a multiple-choice question, then an answer of it. */
		exword_say(c, b, _("bei %s ist %s nicht gewählt"), _("bei %s %s nicht gewählt ist"),
		           2, sbuf_str(&s), sbuf_str(&p));
	else
		exword_say(c, b, _("bei %s ist %s gewählt"), _("bei %s %s gewählt ist"), 2,
		           sbuf_str(&s), sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
}

/* matches(s, "p"): „A1 passt (nicht) auf das Muster `p`“. */
static int matches(const struct exword *c, struct sbuf *b, const struct expr *e, bool neg,
                   int depth)
{
	if (e->args[1]->op != E_STR)
		return exword_code(c, b, e);
	struct sbuf s = {0}, p = {0};
	exword_sub(c, &s, e->args[0], P_PHRASE, NULL, depth);
	markup_code(&p, e->args[1]->str, c->m);
	if (neg)
		exword_say(c, b, _("%s passt nicht auf das Muster %s"),
		           _("%s nicht auf das Muster %s passt"), 2, sbuf_str(&s), sbuf_str(&p));
	else
		exword_say(c, b, _("%s passt auf das Muster %s"), _("%s auf das Muster %s passt"), 2,
		           sbuf_str(&s), sbuf_str(&p));
	sbuf_free(&s);
	sbuf_free(&p);
	return P_CMP;
}

/* The functions that say something about a question; -1 for the others. */
int excond_condition(const struct exword *c, struct sbuf *b, const struct expr *e, bool neg,
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
int excond_negation(const struct exword *c, struct sbuf *b, const struct expr *e, int depth)
{
	const struct expr *x = e->l;
	int p = excond_condition(c, b, x, true, depth);
	if (p >= 0)
		return p;
	if (is_cmp(x->op))
		return excond_compare(c, b, x, cmp_negate(x->op), depth + 1);
	if (x->op == E_NOT) /* not not a is a, null included */
		return c->ex(c, b, x->l, NULL, depth + 2);
	if (x->op == E_BOOL) {
		exword_put(c, b, exword_truth(!x->b));
		return P_ATOM;
	}
	struct sbuf t = {0};
	exword_sub(c, &t, x, P_PHRASE, NULL, depth);
	exword_fill(c, b, _("nicht %s"), 1, sbuf_str(&t));
	sbuf_free(&t);
	return P_NOT;
}
