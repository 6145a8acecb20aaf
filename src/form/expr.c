/*
 * expr: recursive-descent parser for the expression language.
 *
 * It never evaluates and never looks at a form. Depth and length are bounded
 * so that no input can exhaust the stack.
 */
#include "form/expr.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/pattern.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

enum tok { T_END, T_NUM, T_STR, T_NAME, T_LP, T_RP, T_COMMA, T_OP };

struct parser {
	const char *s;
	size_t len, i;      /* input and cursor */
	enum tok tok;       /* current token */
	size_t tpos;        /* its offset */
	char op[3];         /* operator text for T_OP */
	char *text;         /* T_STR / T_NAME text */
	double num;         /* T_NUM value */
	int depth;
	struct expr_error *err;
	int failed;
};

static const struct {
	const char *name;
	enum expr_fn fn;
	int min, max;
} fns[] = {
	{"answered", F_ANSWERED, 1, 1}, {"missing", F_MISSING, 1, 2},
	{"selected", F_SELECTED, 2, 2}, {"count", F_COUNT, 1, 1},
	{"len", F_LEN, 1, 1},           {"matches", F_MATCHES, 2, 2},
	{"substr", F_SUBSTR, 3, 3},     {"num", F_NUM, 1, 1},
	{"today", F_TODAY, 0, 0},       {"date", F_DATE, 1, 1},
	{"year", F_YEAR, 1, 1},         {"if", F_IF, 3, 3},
	{"coalesce", F_COALESCE, 2, 2}, {"min", F_MIN, 2, 16},
	{"max", F_MAX, 2, 16},          {"round", F_ROUND, 1, 1},
	{"abs", F_ABS, 1, 1},
};

int expr_fn_lookup(const char *name, enum expr_fn *fn, int *min_args, int *max_args)
{
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if (strcmp(fns[i].name, name) == 0) {
			*fn = fns[i].fn;
			*min_args = fns[i].min;
			*max_args = fns[i].max;
			return 0;
		}
	}
	return -1;
}

const char *expr_fn_name(enum expr_fn fn)
{
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (fns[i].fn == fn)
			return fns[i].name;
	return "?";
}

const char *expr_op_name(enum expr_op op)
{
	switch (op) {
	case E_NEG: return "-";
	case E_NOT: return "not";
	case E_AND: return "and";
	case E_OR: return "or";
	case E_EQ: return "==";
	case E_NE: return "!=";
	case E_LT: return "<";
	case E_LE: return "<=";
	case E_GT: return ">";
	case E_GE: return ">=";
	case E_ADD: return "+";
	case E_SUB: return "-";
	case E_MUL: return "*";
	case E_DIV: return "/";
	case E_NUM: case E_STR: case E_BOOL: case E_REF: case E_CALL:
		break;
	}
	return "?";
}

/* Codes are written as integer literals; the checks and the readings both ask for them. */
int expr_int_literal(const struct expr *e, int32_t *out)
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

/* Record the first error only; later ones are consequences. */
static void fail(struct parser *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail(struct parser *p, size_t pos, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = 1;
	p->err->pos = pos;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
	va_end(ap);
}

/* Read a quoted string starting at the quote. */
static void lex_string(struct parser *p)
{
	char q = p->s[p->i++];
	struct sbuf b = {0};
	while (p->i < p->len && p->s[p->i] != q) {
		char c = p->s[p->i++];
		if (c == '\\' && p->i < p->len) {
			char e = p->s[p->i++];
			if (e != '"' && e != '\'' && e != '\\') {
				fail(p, p->i - 2, _("unbekannte Escape-Folge „\\%c“ (erlaubt: \\\" \\' \\\\)"),
				     e);
				break;
			}
			c = e;
		}
		sbuf_addc(&b, c);
	}
	if (p->i >= p->len && !p->failed)
		fail(p, p->tpos, _("Zeichenkette ohne schließendes Anführungszeichen"));
	p->i++;
	p->tok = T_STR;
	p->text = sbuf_take(&b);
}

/* Read a number literal (digits, optional fraction and exponent). */
static void lex_number(struct parser *p)
{
	size_t st = p->i;
	while (p->i < p->len && isdigit((unsigned char)p->s[p->i]))
		p->i++;
	if (p->i < p->len && p->s[p->i] == '.') {
		p->i++;
		while (p->i < p->len && isdigit((unsigned char)p->s[p->i]))
			p->i++;
	}
	if (p->i < p->len && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		size_t k = p->i + 1;
		if (k < p->len && (p->s[k] == '+' || p->s[k] == '-'))
			k++;
		if (k < p->len && isdigit((unsigned char)p->s[k])) {
			p->i = k;
			while (p->i < p->len && isdigit((unsigned char)p->s[p->i]))
				p->i++;
		}
	}
	char buf[64];
	size_t n = p->i - st;
	if (n >= sizeof buf) {
		fail(p, st, _("Zahl zu lang"));
		n = sizeof buf - 1;
	}
	memcpy(buf, p->s + st, n);
	buf[n] = '\0';
	p->num = strtod(buf, NULL);
	if (!isfinite(p->num))
		fail(p, st, _("Zahl „%s“ ist zu groß"), buf);
	p->tok = T_NUM;
}

/* Advance to the next token. */
static void next(struct parser *p)
{
	free(p->text);
	p->text = NULL;
	while (p->i < p->len && isspace((unsigned char)p->s[p->i]))
		p->i++;
	p->tpos = p->i;
	if (p->i >= p->len) {
		p->tok = T_END;
		return;
	}
	char c = p->s[p->i];
	char c2 = p->i + 1 < p->len ? p->s[p->i + 1] : '\0';
	if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)c2))) {
		lex_number(p);
	} else if (isalpha((unsigned char)c) || c == '_') {
		size_t st = p->i;
		while (p->i < p->len && (isalnum((unsigned char)p->s[p->i]) || p->s[p->i] == '_'))
			p->i++;
		p->text = xstrndup(p->s + st, p->i - st);
		p->tok = T_NAME;
	} else if (c == '"' || c == '\'') {
		lex_string(p);
	} else if (c == '(' || c == ')' || c == ',') {
		p->i++;
		p->tok = c == '(' ? T_LP : c == ')' ? T_RP : T_COMMA;
	} else if (strchr("=!<>", c) && c2 == '=') {
		p->op[0] = c, p->op[1] = '=', p->op[2] = '\0';
		p->i += 2;
		p->tok = T_OP;
	} else if (strchr("<>+-*/", c)) {
		p->op[0] = c, p->op[1] = '\0';
		p->i++;
		p->tok = T_OP;
	} else if (c == '=') {
		fail(p, p->i, _("„=“ ist kein Vergleich; verwenden Sie „==“"));
		p->tok = T_END;
	} else if ((c == '&' && c2 == '&') || (c == '|' && c2 == '|') || c == '!') {
		fail(p, p->i, _("„%c%c“ gibt es nicht; verwenden Sie „%s“"), c, c == '!' ? ' ' : c2,
		     c == '&' ? "and" : c == '|' ? "or" : "not");
		p->tok = T_END;
	} else {
		unsigned char u = (unsigned char)c;
		if (u >= 0x80)
			fail(p, p->i, _("unerwartetes Zeichen (nur ASCII-Namen sind erlaubt)"));
		else
			fail(p, p->i, _("unerwartetes Zeichen „%c“"), c);
		p->tok = T_END;
	}
}

static int is_word(const struct parser *p, const char *w)
{
	return p->tok == T_NAME && strcmp(p->text, w) == 0;
}

static int is_op(const struct parser *p, const char *op)
{
	return p->tok == T_OP && strcmp(p->op, op) == 0;
}

static struct expr *node(enum expr_op op, size_t pos)
{
	struct expr *e = xcalloc(1, sizeof *e);
	e->op = op;
	e->pos = pos;
	e->var = -1;
	return e;
}

static struct expr *binary(enum expr_op op, size_t pos, struct expr *l, struct expr *r)
{
	struct expr *e = node(op, pos);
	e->l = l;
	e->r = r;
	return e;
}

static struct expr *parse_or(struct parser *p);

/* Describe the current token for "expected X, found Y" messages. */
static const char *tok_desc(const struct parser *p, char *buf, size_t n)
{
	const char *sym = NULL;
	switch (p->tok) {
	case T_END: return _("das Ende des Ausdrucks");
	case T_NUM: return _("eine Zahl");
	case T_STR: return _("eine Zeichenkette");
	case T_NAME: sym = p->text; break;
	case T_LP: sym = "("; break;
	case T_RP: sym = ")"; break;
	case T_COMMA: sym = ","; break;
	case T_OP: sym = p->op; break;
	}
	if (!sym)
		return "?";
	/* TRANSLATORS: a name or symbol of an expression, in quotation marks. */
	snprintf(buf, n, _("„%s“"), sym);
	return buf;
}

/* NAME "(" args ")" — the name is already consumed into 'name'. */
static struct expr *parse_call(struct parser *p, char *name, size_t pos)
{
	struct expr *e = node(E_CALL, pos);
	e->str = name;
	int min = 0, max = 0;
	if (expr_fn_lookup(name, &e->fn, &min, &max) < 0)
		fail(p, pos, _("unbekannte Funktion „%s“"), name);
	next(p); /* '(' */
	if (p->tok != T_RP) {
		for (;;) {
			if (e->nargs >= 16) {
				fail(p, p->tpos, _("zu viele Argumente"));
				break;
			}
			e->args = xreallocarray(e->args, (size_t)e->nargs + 1, sizeof *e->args);
			e->args[e->nargs++] = parse_or(p);
			if (p->failed || p->tok != T_COMMA)
				break;
			next(p);
		}
	}
	if (p->tok != T_RP) {
		char b[80];
		fail(p, p->tpos, _("„)“ oder „,“ erwartet, gefunden: %s"), tok_desc(p, b, sizeof b));
		return e;
	}
	next(p);
	if (!p->failed && (e->nargs < min || e->nargs > max)) {
		if (min == max)
			fail(p, pos, P_("%s() erwartet %d Argument, nicht %d",
			                "%s() erwartet %d Argumente, nicht %d", (unsigned long)min),
			     name, min, e->nargs);
		else
			fail(p, pos, _("%s() erwartet %d bis %d Argumente, nicht %d"), name, min, max,
			     e->nargs);
	}
	return e;
}

static struct expr *parse_primary(struct parser *p)
{
	char b[80];
	size_t pos = p->tpos;
	struct expr *e;
	switch (p->tok) {
	case T_NUM:
		e = node(E_NUM, pos);
		e->num = p->num;
		next(p);
		return e;
	case T_STR:
		e = node(E_STR, pos);
		e->str = p->text;
		p->text = NULL;
		next(p);
		return e;
	case T_NAME:
		if (is_word(p, "true") || is_word(p, "false")) {
			e = node(E_BOOL, pos);
			e->b = is_word(p, "true");
			next(p);
			return e;
		}
		if (is_word(p, "and") || is_word(p, "or") || is_word(p, "not")) {
			fail(p, pos, _("Wert erwartet, gefunden: „%s“"), p->text);
			return node(E_BOOL, pos);
		} else {
			char *name = p->text;
			p->text = NULL;
			next(p);
			if (p->tok == T_LP)
				return parse_call(p, name, pos);
			e = node(E_REF, pos);
			e->str = name;
			return e;
		}
	case T_LP:
		next(p);
		e = parse_or(p);
		if (p->tok != T_RP)
			fail(p, p->tpos, _("„)“ erwartet, gefunden: %s"), tok_desc(p, b, sizeof b));
		else
			next(p);
		return e;
	case T_END:
	case T_RP:
	case T_COMMA:
	case T_OP:
		break;
	}
	fail(p, pos, _("Wert erwartet, gefunden: %s"), tok_desc(p, b, sizeof b));
	return node(E_BOOL, pos);
}

/* Guard recursion depth around one level of nesting. */
static int enter(struct parser *p)
{
	if (++p->depth > EXPR_MAX_DEPTH) {
		fail(p, p->tpos, _("Ausdruck zu tief verschachtelt (höchstens %d Ebenen)"),
		     EXPR_MAX_DEPTH);
		return -1;
	}
	return 0;
}

static struct expr *parse_unary(struct parser *p)
{
	if (!is_op(p, "-"))
		return parse_primary(p);
	if (enter(p) < 0)
		return node(E_BOOL, p->tpos);
	size_t pos = p->tpos;
	next(p);
	struct expr *e = binary(E_NEG, pos, parse_unary(p), NULL);
	p->depth--;
	return e;
}

static struct expr *parse_mul(struct parser *p)
{
	struct expr *e = parse_unary(p);
	while (!p->failed && (is_op(p, "*") || is_op(p, "/"))) {
		enum expr_op op = p->op[0] == '*' ? E_MUL : E_DIV;
		size_t pos = p->tpos;
		next(p);
		e = binary(op, pos, e, parse_unary(p));
	}
	return e;
}

static struct expr *parse_add(struct parser *p)
{
	struct expr *e = parse_mul(p);
	while (!p->failed && (is_op(p, "+") || is_op(p, "-"))) {
		enum expr_op op = p->op[0] == '+' ? E_ADD : E_SUB;
		size_t pos = p->tpos;
		next(p);
		e = binary(op, pos, e, parse_mul(p));
	}
	return e;
}

/* The comparison operator at the cursor, or E_NUM if none. */
static enum expr_op cmp_op(const struct parser *p)
{
	static const struct { const char *s; enum expr_op op; } t[] = {
		{"==", E_EQ}, {"!=", E_NE}, {"<", E_LT}, {"<=", E_LE}, {">", E_GT}, {">=", E_GE},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (is_op(p, t[i].s))
			return t[i].op;
	return E_NUM;
}

static struct expr *parse_cmp(struct parser *p)
{
	struct expr *e = parse_add(p);
	enum expr_op op = cmp_op(p);
	if (!p->failed && op != E_NUM) {
		size_t pos = p->tpos;
		next(p);
		e = binary(op, pos, e, parse_add(p));
		if (!p->failed && cmp_op(p) != E_NUM)
			fail(p, p->tpos, _("Vergleiche lassen sich nicht verketten; "
			                   "verbinden Sie sie mit „and“"));
	}
	return e;
}

static struct expr *parse_not(struct parser *p)
{
	if (is_word(p, "not")) {
		if (enter(p) < 0)
			return node(E_BOOL, p->tpos);
		size_t pos = p->tpos;
		next(p);
		struct expr *e = binary(E_NOT, pos, parse_not(p), NULL);
		p->depth--;
		return e;
	}
	return parse_cmp(p);
}

static struct expr *parse_and(struct parser *p)
{
	struct expr *e = parse_not(p);
	while (!p->failed && is_word(p, "and")) {
		size_t pos = p->tpos;
		next(p);
		e = binary(E_AND, pos, e, parse_not(p));
	}
	return e;
}

static struct expr *parse_or(struct parser *p)
{
	if (enter(p) < 0)
		return node(E_BOOL, p->tpos);
	struct expr *e = parse_and(p);
	while (!p->failed && is_word(p, "or")) {
		size_t pos = p->tpos;
		next(p);
		e = binary(E_OR, pos, e, parse_and(p));
	}
	p->depth--;
	return e;
}

int expr_parse(const char *src, size_t len, struct expr **out, struct expr_error *err)
{
	struct parser p = {.s = src, .len = len, .err = err};
	*out = NULL;
	if (len > EXPR_MAX_LEN) {
		err->pos = 0;
		snprintf(err->msg, sizeof err->msg, _("Ausdruck zu lang (höchstens %d Bytes)"),
		         EXPR_MAX_LEN);
		return -1;
	}
	next(&p);
	if (p.tok == T_END && !p.failed) {
		fail(&p, 0, _("leerer Ausdruck"));
	}
	struct expr *e = p.failed ? NULL : parse_or(&p);
	if (!p.failed && p.tok == T_COMMA) {
		fail(&p, p.tpos, _("„,“ unerwartet; Dezimalzahlen schreiben Sie in Ausdrücken "
		                   "mit Punkt (3.5)"));
	} else if (!p.failed && p.tok != T_END) {
		char b[80];
		fail(&p, p.tpos, _("Operator oder Ende erwartet, gefunden: %s"),
		     tok_desc(&p, b, sizeof b));
	}
	free(p.text);
	if (p.failed) {
		expr_free(&e);
		return -1;
	}
	e->src = xstrndup(src, len);
	*out = e;
	return 0;
}

void expr_free(struct expr **ep)
{
	struct expr *e = *ep;
	if (!e)
		return;
	expr_free(&e->l);
	expr_free(&e->r);
	for (int i = 0; i < e->nargs; i++)
		expr_free(&e->args[i]);
	free(e->args);
	free(e->str);
	free(e->src);
	pattern_free(&e->re);
	free(e);
	*ep = NULL;
}
