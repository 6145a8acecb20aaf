/*
 * sema: semantic checks of expressions and piping.
 */
#include "form/sema.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/i18n.h"
#include "util/pattern.h"
#include "util/suggest.h"
#include "util/xmalloc.h"

size_t sema_srcpos(const struct sema *s, size_t str_pos, size_t off)
{
	size_t i = str_pos + 1, done = 0;
	while (i < s->srclen && done < off && s->src[i] != '"') {
		if (s->src[i] == '\\' && i + 1 < s->srclen) {
			if (s->src[i + 1] == 'u' && i + 6 <= s->srclen) {
				unsigned cp = (unsigned)strtoul(
					(char[5]){s->src[i + 2], s->src[i + 3], s->src[i + 4], s->src[i + 5], 0},
					NULL, 16);
				i += 6;
				if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s->srclen &&
				    s->src[i] == '\\') {
					i += 6;
					done += 4;
				} else {
					done += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
				}
			} else {
				i += 2;
				done++;
			}
		} else {
			i++;
			done++;
		}
	}
	return i;
}

/* Report at byte 'off' of the text, naming the site and the column. */
static void err(struct sema *s, const struct sema_site *site, const char *text, size_t off,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void err(struct sema *s, const struct sema_site *site, const char *text, size_t off,
                const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line, col;
	diag_linecol(text, strlen(text), off, &line, &col);
	/* TRANSLATORS: place in the form ("question „A1“, visible_if"), the
	 * column inside the expression or text, and the message. */
	diag_at(s->d, sema_srcpos(s, site->str_pos, off), _("%s, Spalte %d: %s"), site->what, col,
	        msg);
}

/* The text a tree was parsed from, for column numbers; kept per call. */
struct cur {
	struct sema *s;
	const struct sema_site *site;
	const char *text;
	int failed;
};

#define ERR(c, pos, ...) (err((c)->s, (c)->site, (c)->text, (pos), __VA_ARGS__), (c)->failed = 1)

/* Resolve one name, with hints for the common mistakes. */
static void resolve(struct cur *c, struct expr *e)
{
	struct form *f = c->s->f;
	int v = form_var_ci(f, e->str);
	if (v < 0) {
		struct suggest sg;
		suggest_init(&sg, e->str);
		for (int i = 0; i < f->nvars; i++)
			if (f->vars[i].kind != VAR_EXPORT && f->vars[i].kind != VAR_SECTION &&
			    f->vars[i].kind != VAR_NOTE)
				suggest_offer(&sg, f->vars[i].name);
		const char *best = suggest_best(&sg);
		if (best)
			ERR(c, e->pos, _("unbekannte Variable „%s“ – meinten Sie „%s“?"), e->str, best);
		else
			ERR(c, e->pos, _("unbekannte Variable „%s“"), e->str);
		return;
	}
	if (strcmp(f->vars[v].name, e->str) != 0) {
		ERR(c, e->pos, _("unbekannte Variable „%s“ – meinten Sie „%s“? "
		                 "(Groß- und Kleinschreibung zählt)"), e->str, f->vars[v].name);
		return;
	}
	e->var = v;
}

static void resolve_all(struct cur *c, struct expr *e)
{
	if (!e)
		return;
	if (e->op == E_REF)
		resolve(c, e);
	resolve_all(c, e->l);
	resolve_all(c, e->r);
	for (int i = 0; i < e->nargs; i++)
		resolve_all(c, e->args[i]);
}

int sema_parse(struct sema *s, const struct sema_site *site, const char *text,
               struct expr **out)
{
	struct expr_error pe;
	if (expr_parse(text, strlen(text), out, &pe) < 0) {
		err(s, site, text, pe.pos, "%s", pe.msg);
		return -1;
	}
	struct cur c = {s, site, text, 0};
	resolve_all(&c, *out);
	if (c.failed)
		expr_free(out);
	return c.failed ? -1 : 0;
}

/* The question a reference depends on, -1 for none. */
static int ref_question(const struct form *f, int v)
{
	const struct var *vr = &f->vars[v];
	if (vr->kind == VAR_COMPUTED)
		return f->computed[vr->computed].maxq;
	return vr->question;
}

int sema_maxq(const struct form *f, const struct expr *e)
{
	if (!e)
		return -1;
	int m = e->op == E_REF && e->var >= 0 ? ref_question(f, e->var) : -1;
	int l = sema_maxq(f, e->l), r = sema_maxq(f, e->r);
	if (l > m)
		m = l;
	if (r > m)
		m = r;
	for (int i = 0; i < e->nargs; i++) {
		int a = sema_maxq(f, e->args[i]);
		if (a > m)
			m = a;
	}
	return m;
}

/* Refuse references to questions that are not yet asked at this site. */
static void check_order(struct cur *c, const struct expr *e)
{
	const struct form *f = c->s->f;
	int q = ref_question(f, e->var);
	if (q <= c->site->limit)
		return;
	const struct var *v = &f->vars[e->var];
	if (v->kind == VAR_COMPUTED)
		ERR(c, e->pos, _("„%s“ hängt von Frage „%s“ ab, die erst später kommt"), e->str,
		    f->questions[q].id);
	else
		ERR(c, e->pos, _("„%s“ wird erst später gefragt; hier sind nur frühere Fragen erlaubt"),
		    e->str);
}

static enum vtype types(struct cur *c, struct expr *e);

/* A direct reference to a question, as answered() and friends need. */
static const struct var *question_arg(struct cur *c, struct expr *a, const char *fn)
{
	if (a->op != E_REF) {
		ERR(c, a->pos, _("%s() erwartet den Namen einer Frage"), fn);
		return NULL;
	}
	const struct var *v = &c->s->f->vars[a->var];
	if (v->kind != VAR_ANSWER && v->kind != VAR_CELL && v->kind != VAR_MATRIX) {
		ERR(c, a->pos, _("%s() erwartet eine Frage; „%s“ ist keine"), fn, a->str);
		return NULL;
	}
	check_order(c, a);
	a->type = v->type;
	return v;
}

/* Check a choice-code literal against a variable's choices. */
static void check_code(struct cur *c, const struct var *v, const struct expr *lit)
{
	int32_t code;
	if (expr_int_literal(lit, &code) < 0) {
		ERR(c, lit->pos, _("hier wird ein ganzzahliger Code erwartet"));
		return;
	}
	if (v->choices && !form_choice(v->choices, code))
		ERR(c, lit->pos, _("„%s“ hat keine Antwort mit dem Code %d"), v->name, (int)code);
}

/* answered, missing, selected, count: functions over questions. */
static enum vtype question_fn(struct cur *c, struct expr *e)
{
	const char *name = expr_fn_name(e->fn);
	const struct var *v = question_arg(c, e->args[0], name);
	if (!v)
		return VT_NULL;
	const struct form *f = c->s->f;
	switch (e->fn) {
	case F_ANSWERED:
		return VT_BOOL;
	case F_MISSING:
		if (e->nargs == 2) {
			int32_t code;
			const struct question *q = &f->questions[v->question];
			if (expr_int_literal(e->args[1], &code) < 0)
				ERR(c, e->args[1]->pos, _("hier wird ein Fehlwert-Code erwartet"));
			else if (!form_q_offers(q, code))
				ERR(c, e->args[1]->pos, _("„%s“ bietet den Fehlwert-Code %d nicht an"),
				    v->name, (int)code);
		}
		return VT_BOOL;
	case F_SELECTED:
		if (!v->choices || v->kind == VAR_MATRIX) {
			ERR(c, e->args[0]->pos, _("selected() erwartet eine Auswahlfrage; „%s“ ist keine"),
			    v->name);
			return VT_NULL;
		}
		check_code(c, v, e->args[1]);
		return VT_BOOL;
	case F_COUNT:
		if (v->type != VT_SET) {
			ERR(c, e->args[0]->pos, _("count() erwartet eine Mehrfachauswahl; „%s“ ist keine"),
			    v->name);
			return VT_NULL;
		}
		return VT_NUM;
	case F_LEN: case F_MATCHES: case F_SUBSTR: case F_NUM: case F_TODAY: case F_DATE:
	case F_YEAR: case F_IF: case F_COALESCE: case F_MIN: case F_MAX: case F_ROUND: case F_ABS:
		break;
	}
	return VT_NULL;
}

/* Check argument i against an expected type. */
static int want_arg(struct cur *c, struct expr *e, int i, enum vtype want)
{
	enum vtype t = types(c, e->args[i]);
	if (t == VT_NULL)
		return -1;
	if (t != want) {
		/* TRANSLATORS: a function name, then two types ("a number", "a text"). */
		ERR(c, e->args[i]->pos, _("%s() erwartet hier %s, nicht %s"), expr_fn_name(e->fn),
		    value_type_name(want), value_type_name(t));
		return -1;
	}
	return 0;
}

/* A string literal argument, as matches() and date() need. */
static const char *literal_arg(struct cur *c, struct expr *e, int i)
{
	if (e->args[i]->op != E_STR) {
		ERR(c, e->args[i]->pos, _("%s() erwartet hier eine Zeichenkette in Anführungszeichen"),
		    expr_fn_name(e->fn));
		return NULL;
	}
	e->args[i]->type = VT_STR;
	return e->args[i]->str;
}

/* Compile a whole-text POSIX ERE for matches(). */
static void compile_pattern(struct cur *c, struct expr *e, const char *pat)
{
	char buf[120];
	if (pattern_compile(pat, &e->re, buf, sizeof buf) < 0)
		ERR(c, e->args[1]->pos, _("ungültiges Muster: %s"), buf);
}

/*
 * The two values of if() (arguments 1 and 2, k = 1) or coalesce() (0 and
 * 1, k = 0): the result is one of them, so both must be of one type.
 */
static enum vtype alike(struct cur *c, struct expr *e, int k)
{
	enum vtype t = types(c, e->args[k]);
	enum vtype u = types(c, e->args[k + 1]);
	if (t == VT_NULL || u == VT_NULL)
		return VT_NULL;
	if (t != u) {
		ERR(c, e->args[k + 1]->pos, _("%s(): beide Werte müssen vom selben Typ sein "
		                              "(%s und %s)"),
		    expr_fn_name(e->fn), value_type_name(t), value_type_name(u));
		return VT_NULL;
	}
	return t;
}

/* Functions on values. */
static enum vtype value_fn(struct cur *c, struct expr *e)
{
	const char *lit;
	switch (e->fn) {
	case F_LEN:
		return want_arg(c, e, 0, VT_STR) ? VT_NULL : VT_NUM;
	case F_MATCHES:
		if (want_arg(c, e, 0, VT_STR) || !(lit = literal_arg(c, e, 1)))
			return VT_NULL;
		compile_pattern(c, e, lit);
		return VT_BOOL;
	case F_SUBSTR:
		if (want_arg(c, e, 0, VT_STR) | want_arg(c, e, 1, VT_NUM) | want_arg(c, e, 2, VT_NUM))
			return VT_NULL;
		return VT_STR;
	case F_NUM:
		return want_arg(c, e, 0, VT_STR) ? VT_NULL : VT_NUM;
	case F_TODAY:
		return VT_DATE;
	case F_DATE:
		if (!(lit = literal_arg(c, e, 0)))
			return VT_NULL;
		if (date_parse_iso(lit, &e->date) < 0) {
			ERR(c, e->args[0]->pos, _("„%s“ ist kein Datum der Form JJJJ-MM-TT"), lit);
			return VT_NULL;
		}
		return VT_DATE;
	case F_YEAR:
		return want_arg(c, e, 0, VT_DATE) ? VT_NULL : VT_NUM;
	case F_IF:
		if (want_arg(c, e, 0, VT_BOOL))
			return VT_NULL;
		return alike(c, e, 1);
	case F_COALESCE:
		return alike(c, e, 0);
	case F_MIN:
	case F_MAX:
	case F_ROUND:
	case F_ABS: {
		int bad = 0;
		for (int i = 0; i < e->nargs; i++)
			bad |= want_arg(c, e, i, VT_NUM);
		return bad ? VT_NULL : VT_NUM;
	}
	case F_ANSWERED:
	case F_MISSING:
	case F_SELECTED:
	case F_COUNT:
		break;
	}
	return question_fn(c, e);
}

/* Type of a reference used as a value. */
static enum vtype ref_type(struct cur *c, struct expr *e)
{
	const struct form *f = c->s->f;
	const struct var *v = &f->vars[e->var];
	switch (v->kind) {
	case VAR_ANSWER:
	case VAR_CELL:
	case VAR_COMPUTED:
		check_order(c, e);
		if (v->type == VT_SET) {
			ERR(c, e->pos, _("„%s“ ist eine Mehrfachauswahl; verwenden Sie selected(%s, Code) "
			                 "oder count(%s)"), e->str, e->str, e->str);
			return VT_NULL;
		}
		return v->type;
	case VAR_MATRIX:
		ERR(c, e->pos, _("die Matrix „%s“ hat keinen einzelnen Wert; verweisen Sie auf eine "
		                 "Zeile oder verwenden Sie answered(%s)"), e->str, e->str);
		return VT_NULL;
	case VAR_EXPORT:
		ERR(c, e->pos, _("„%s“ ist nur ein Name im Export; in Ausdrücken verwenden Sie "
		                 "die Frage selbst"), e->str);
		return VT_NULL;
	case VAR_SECTION:
		ERR(c, e->pos, _("„%s“ ist ein Abschnitt und hat keinen Wert"), e->str);
		return VT_NULL;
	case VAR_NOTE:
		ERR(c, e->pos, _("„%s“ ist ein Hinweis und hat keinen Wert"), e->str);
		return VT_NULL;
	}
	return VT_NULL;
}

/* Comparisons: same types; a choice against a literal must name a code. */
static enum vtype compare(struct cur *c, struct expr *e, enum vtype l, enum vtype r)
{
	if (l != r) {
		/* TRANSLATORS: an operator, then two types ("a number", "a text"). */
		ERR(c, e->pos, _("„%s“ vergleicht %s mit %s"), expr_op_name(e->op),
		    value_type_name(l), value_type_name(r));
		return VT_NULL;
	}
	if (l == VT_BOOL && e->op != E_EQ && e->op != E_NE) {
		ERR(c, e->pos, _("Wahrheitswerte lassen sich nur mit == und != vergleichen"));
		return VT_NULL;
	}
	const struct form *f = c->s->f;
	struct expr *ref = e->l->op == E_REF ? e->l : e->r->op == E_REF ? e->r : NULL;
	struct expr *lit = ref == e->l ? e->r : e->l;
	if (ref && (e->op == E_EQ || e->op == E_NE) && f->vars[ref->var].choices &&
	    (lit->op == E_NUM || lit->op == E_NEG))
		check_code(c, &f->vars[ref->var], lit);
	return VT_BOOL;
}

/* Arithmetic: numbers, and days on dates. */
static enum vtype arith(struct cur *c, struct expr *e, enum vtype l, enum vtype r)
{
	if (l == VT_NUM && r == VT_NUM)
		return VT_NUM;
	if (e->op == E_ADD && ((l == VT_DATE && r == VT_NUM) || (l == VT_NUM && r == VT_DATE)))
		return VT_DATE;
	if (e->op == E_SUB && l == VT_DATE && r == VT_DATE)
		return VT_NUM;
	if (e->op == E_SUB && l == VT_DATE && r == VT_NUM)
		return VT_DATE;
	/* TRANSLATORS: an operator, then two types ("a number", "a text"). */
	ERR(c, e->pos, _("„%s“ geht nicht mit %s und %s"), expr_op_name(e->op), value_type_name(l),
	    value_type_name(r));
	return VT_NULL;
}

static enum vtype types(struct cur *c, struct expr *e)
{
	enum vtype l, r, t = VT_NULL;
	switch (e->op) {
	case E_NUM: t = VT_NUM; break;
	case E_STR: t = VT_STR; break;
	case E_BOOL: t = VT_BOOL; break;
	case E_REF: t = e->var >= 0 ? ref_type(c, e) : VT_NULL; break;
	case E_CALL: t = value_fn(c, e); break;
	case E_NEG:
		if ((l = types(c, e->l)) == VT_NUM)
			t = VT_NUM;
		else if (l != VT_NULL)
			ERR(c, e->pos, _("„-“ erwartet eine Zahl, nicht %s"), value_type_name(l));
		break;
	case E_NOT:
	case E_AND:
	case E_OR:
		l = types(c, e->l);
		r = e->r ? types(c, e->r) : VT_BOOL;
		if (l == VT_NULL || r == VT_NULL)
			break;
		if (l != VT_BOOL || r != VT_BOOL)
			ERR(c, e->pos, _("„%s“ verknüpft nur Wahrheitswerte, nicht %s"), expr_op_name(e->op),
			    value_type_name(l != VT_BOOL ? l : r));
		else
			t = VT_BOOL;
		break;
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE:
		l = types(c, e->l);
		r = types(c, e->r);
		if (l != VT_NULL && r != VT_NULL)
			t = compare(c, e, l, r);
		break;
	case E_ADD: case E_SUB: case E_MUL: case E_DIV:
		l = types(c, e->l);
		r = types(c, e->r);
		if (l != VT_NULL && r != VT_NULL)
			t = arith(c, e, l, r);
		break;
	}
	e->type = t;
	return t;
}

int sema_types(struct sema *s, const struct sema_site *site, const char *text,
               struct expr *e, enum vtype want)
{
	struct cur c = {s, site, text, 0};
	enum vtype t = types(&c, e);
	if (!c.failed && t != VT_NULL && want != VT_NULL && t != want)
		ERR(&c, 0, _("der Ausdruck ergibt %s, erwartet wird %s"), value_type_name(t),
		    value_type_name(want));
	return c.failed || t == VT_NULL ? -1 : 0;
}

int sema_expr(struct sema *s, const struct sema_site *site, const char *text, enum vtype want,
              struct expr **out)
{
	if (sema_parse(s, site, text, out) < 0)
		return -1;
	if (sema_types(s, site, text, *out, want) < 0) {
		expr_free(out);
		return -1;
	}
	return 0;
}

/* One {ID} or {ID|fallback} reference starting after the brace at 'open'. */
static size_t pipe_ref(struct cur *c, const char *text, size_t open)
{
	const char *close = strchr(text + open, '}');
	if (!close) {
		ERR(c, open, _("„{“ ohne „}“ (ein wörtliches „{“ schreiben Sie als „{{“)"));
		return strlen(text);
	}
	size_t n = strcspn(text + open + 1, "|}");
	if (n == 0 || n > 32) {
		ERR(c, open + 1, _("nach „{“ wird der Name einer Frage erwartet"));
		return (size_t)(close - text) + 1;
	}
	struct expr ref = {.op = E_REF, .pos = open + 1, .var = -1};
	ref.str = xstrndup(text + open + 1, n);
	resolve(c, &ref);
	if (ref.var >= 0) {
		enum varkind k = c->s->f->vars[ref.var].kind;
		if (k == VAR_ANSWER || k == VAR_CELL || k == VAR_COMPUTED)
			check_order(c, &ref);
		else
			ERR(c, open + 1, _("„%s“ hat keinen Wert, der sich einfügen lässt"), ref.str);
	}
	free(ref.str);
	return (size_t)(close - text) + 1;
}

int sema_pipe(struct sema *s, const struct sema_site *site, const char *text)
{
	struct cur c = {s, site, text, 0};
	size_t i = 0;
	while (text[i]) {
		if (text[i] == '{' && text[i + 1] == '{')
			i += 2;
		else if (text[i] == '{')
			i = pipe_ref(&c, text, i);
		else
			i++;
	}
	return c.failed ? -1 : 0;
}
