/*
 * exword: templates, quoting, parentheses and the lookups every reading
 * needs. It never evaluates an expression.
 */
#include "form/exword.h"

#include "form/unparse.h"
#include "util/i18n.h"

/* Every word of a reading goes through here, so that none escapes the markup. */
void exword_put(const struct exword *c, struct sbuf *b, const char *s)
{
	markup_escape(b, s, c->m);
}

/* exword_fill() and exword_say() with the pieces in 'ap'. */
static void vfill(const struct exword *c, struct sbuf *b, const char *tpl, int n, va_list ap)
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
		exword_put(c, b, sbuf_str(&words));
		sbuf_free(&words);
		if (used++ < n)
			sbuf_adds(b, va_arg(ap, const char *));
	}
	exword_put(c, b, sbuf_str(&words));
	sbuf_free(&words);
}

/* A translated template is filled here, not with printf, so that its own words get escaped. */
void exword_fill(const struct exword *c, struct sbuf *b, const char *tpl, int n, ...)
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
int exword_say(const struct exword *c, struct sbuf *b, const char *plain, const char *last,
               int n, ...)
{
	va_list ap;
	va_start(ap, n);
	vfill(c, b, c->verb_last ? last : plain, n, ap);
	va_end(ap);
	return P_CMP;
}

/* „label“, escaped. */
void exword_quote(const struct exword *c, struct sbuf *b, const char *s)
{
	struct sbuf t = {0};
	exword_put(c, &t, s);
	/* TRANSLATORS: a text of the form in quotation marks. */
	exword_fill(c, b, _("„%s“"), 1, sbuf_str(&t));
	sbuf_free(&t);
}

/* Render e into b; parenthesised when it binds looser than 'min'. */
void exword_sub(const struct exword *c, struct sbuf *b, const struct expr *e, int min,
                const struct choicelist *res, int depth)
{
	struct sbuf t = {0};
	int p = c->ex(c, &t, e, res, depth + 1);
	if (p < min)
		sbuf_addc(b, '(');
	sbuf_adds(b, sbuf_str(&t));
	if (p < min)
		sbuf_addc(b, ')');
	sbuf_free(&t);
}

/* The subtree as code: the reading of last resort. */
int exword_code(const struct exword *c, struct sbuf *b, const struct expr *e)
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
const struct var *exword_var(const struct exword *c, const struct expr *e)
{
	if (!c->f || e->op != E_REF || e->var < 0 || e->var >= c->f->nvars)
		return NULL;
	return &c->f->vars[e->var];
}

/* The question a reference belongs to, or NULL. */
const struct question *exword_question(const struct exword *c, const struct expr *e)
{
	const struct var *v = exword_var(c, e);
	if (!v || v->question < 0 || v->question >= c->f->nquestions)
		return NULL;
	return &c->f->questions[v->question];
}

/* „1 („ja“)“: a code with its label from 'cl', if it has one. */
void exword_code_label(const struct exword *c, struct sbuf *b, const struct choicelist *cl,
                       int32_t code)
{
	markup_number(b, code);
	const struct choice *ch = cl ? form_choice(cl, code) : NULL;
	if (ch) {
		sbuf_adds(b, " (");
		exword_quote(c, b, ch->label);
		sbuf_addc(b, ')');
	}
}

/* The words for true and false. */
const char *exword_truth(bool v)
{
	return v ? _("wahr") : _("falsch");
}
