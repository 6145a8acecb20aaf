/*
 * test_expr: the expression language end to end — parse errors with their
 * byte positions, precedence and tree shape, type errors from the loader,
 * every operator and function, null semantics (Kleene logic, null through
 * arithmetic, comparisons and functions), run-time faults, and how
 * unanswered, missing-code and hidden questions read in expressions.
 *
 * Most expressions are evaluated as the computed value X of a small form
 * (so the loader resolves names, sets types and compiles patterns).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/engine.h"
#include "form/eval.h"
#include "form/expr.h"
#include "form/loader.h"
#include "form/response.h"
#include "util/date.h"
#include "util/sbuf.h"

/*
 * N, K: decimals without missing codes (may be negative); M: integer >= 0
 * offering -1/-2; T: text; D: date; B: single 1/2; C: multi 1..3;
 * H: integer shown only when B == 1. X is the expression under test.
 */
static const char form_head[] =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\",\"missing\":["
	"{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"},"
	"{\"code\":-2,\"label\":\"keine Angabe\",\"key\":\"k\"}],"
	"\"sections\":[{\"id\":\"S\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"N\",\"type\":\"decimal\",\"text\":\"n\",\"missing\":[]},"
	"{\"id\":\"K\",\"type\":\"decimal\",\"text\":\"k\",\"missing\":[]},"
	"{\"id\":\"M\",\"type\":\"integer\",\"text\":\"m\",\"min\":0},"
	"{\"id\":\"T\",\"type\":\"text\",\"text\":\"t\"},{\"id\":\"D\",\"type\":\"date\",\"text\":\"d\"},"
	"{\"id\":\"B\",\"type\":\"single\",\"text\":\"b\",\"choices\":["
	"{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"}]},"
	"{\"id\":\"C\",\"type\":\"multi\",\"text\":\"c\",\"choices\":[{\"code\":1,\"label\":\"a\"},"
	"{\"code\":2,\"label\":\"b\"},{\"code\":3,\"label\":\"c\"}]},"
	"{\"id\":\"H\",\"type\":\"integer\",\"text\":\"h\",\"min\":0,\"visible_if\":\"B == 1\"}"
	"]}],\"computed\":[{\"id\":\"X\",\"expr\":\"";
static const char form_tail[] = "\"}]}";

/* Load the test form with X := expr; NULL on failure, all messages in *msgs. */
static struct form *load_expr(const char *expr, char **msgs)
{
	struct sbuf json = {0}, m = {0};
	sbuf_adds(&json, form_head);
	for (const char *p = expr; *p; p++) {
		if (*p == '"' || *p == '\\')
			sbuf_addc(&json, '\\');
		sbuf_addc(&json, *p);
	}
	sbuf_adds(&json, form_tail);
	struct form *f = NULL;
	struct diag d;
	int rc = loader_load_buffer("t.json", json.data, json.len, &f, &d);
	for (int i = 0; i < d.n; i++)
		sbuf_printf(&m, "%d:%d: %s\n", d.v[i].line, d.v[i].col, d.v[i].text);
	diag_free(&d);
	sbuf_free(&json);
	*msgs = sbuf_take(&m);
	cr_assert_eq(rc == 0, f != NULL);
	return f;
}

struct fx {
	struct form *f;
	struct response *r;
	struct engine e;
};

static void fx_open(struct fx *x, const char *expr)
{
	char *msgs;
	x->f = load_expr(expr, &msgs);
	cr_assert_not_null(x->f, "„%s“ should load, got:\n%s", expr, msgs);
	free(msgs);
	x->r = response_new(x->f, 0);
	engine_init(&x->e, x->f, x->r);
}

static void fx_close(struct fx *x)
{
	engine_free(&x->e);
	response_free(&x->r);
	form_free(&x->f);
}

static int slot(const struct fx *x, const char *name)
{
	int v = form_var(x->f, name);
	cr_assert(v >= 0 && x->f->vars[v].slot >= 0, "no answer slot %s", name);
	return x->f->vars[v].slot;
}

static void put(struct fx *x, const char *name, struct value v)
{
	engine_set_value(&x->e, slot(x, name), &v);
	value_free(&v);
}

static int32_t ymd(int y, int m, int d)
{
	int32_t days;
	cr_assert_eq(date_from_ymd(y, m, d, &days), 0);
	return days;
}

/* A value as text: null, true, false, 3.5, 'text', 2016-02-29. */
static void show(const struct value *v, char *buf, size_t n)
{
	char d[DATE_BUF];
	switch (v->type) {
	case VT_NULL: snprintf(buf, n, "null"); break;
	case VT_BOOL: snprintf(buf, n, "%s", v->u.b ? "true" : "false"); break;
	case VT_NUM:
		snprintf(buf, n, "%.15g", v->u.num);
		if (strtod(buf, NULL) != v->u.num)
			snprintf(buf, n, "%.17g", v->u.num);
		break;
	case VT_STR: snprintf(buf, n, "'%s'", v->u.str); break;
	case VT_DATE: date_format_iso(v->u.date, d), snprintf(buf, n, "%s", d); break;
	case VT_SET: snprintf(buf, n, "set"); break;
	}
}

/* X of an open fixture, shown, must be 'want'. */
static void expect_x(struct fx *x, const char *want, const char *when)
{
	struct value v = engine_value(&x->e, form_var(x->f, "X"));
	char got[200];
	show(&v, got, sizeof got);
	cr_expect_str_eq(got, want, "„%s“ %s: %s, want %s", x->f->computed[0].expr->src, when,
	                 got, want);
	value_free(&v);
}

struct ecase {
	const char *src, *want;
};

/* Evaluate each expression on an empty response. */
static void check_all(const struct ecase *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct fx x;
		fx_open(&x, t[i].src);
		expect_x(&x, t[i].want, "on an empty response");
		fx_close(&x);
	}
}

#define CHECK_ALL(t) check_all(t, sizeof(t) / sizeof((t)[0]))

/* ---------------------------------------------------------------- parser */

static void parse_err(const char *src, size_t pos, const char *needle)
{
	struct expr *e = NULL;
	struct expr_error err = {0};
	int rc = expr_parse(src, strlen(src), &e, &err);
	cr_expect_eq(rc, -1, "„%s“ should not parse", src);
	cr_expect_null(e, "„%s“: no tree on error", src);
	cr_expect_eq(err.pos, pos, "„%s“: error at %zu, want %zu (%s)", src, err.pos, pos, err.msg);
	cr_expect_not_null(strstr(err.msg, needle), "„%s“: message „%s“ lacks „%s“", src, err.msg,
	                   needle);
	expr_free(&e);
}

static struct expr *parse_ok(const char *src)
{
	struct expr *e = NULL;
	struct expr_error err = {0};
	cr_assert_eq(expr_parse(src, strlen(src), &e, &err), 0, "„%s“: %s", src, err.msg);
	return e;
}

Test(parse, error_messages_and_positions)
{
	static const struct { const char *src; size_t pos; const char *msg; } t[] = {
		{"(1 + 2", 6, "„)“ erwartet"}, {"len('a'", 7, "„)“ oder „,“ erwartet"},
		{"A = 1", 2, "„==“"}, {"A && B", 2, "„and“"}, {"A || B", 2, "„or“"}, {"!A", 0, "„not“"},
		{"foo(1)", 0, "unbekannte Funktion „foo“"},
		{"1 + bar()", 4, "unbekannte Funktion „bar“"},
		{"len('a', 'b')", 0, "len() erwartet 1 Argument, nicht 2"},
		{"min(1)", 0, "min() erwartet 2 bis 16 Argumente, nicht 1"},
		{"if(true, 1)", 0, "if() erwartet 3 Argumente, nicht 2"},
		{"today(1)", 0, "today() erwartet 0 Argumente, nicht 1"},
		{"'abc", 0, "ohne schließendes Anführungszeichen"},
		{"len(\"abc)", 4, "ohne schließendes Anführungszeichen"}, {"'a\\nb'", 2, "Escape"},
		{"3,5", 1, "mit Punkt (3.5)"}, {"", 0, "leerer Ausdruck"},
		{"   ", 0, "leerer Ausdruck"}, {"1 +", 3, "Wert erwartet, gefunden: das Ende"},
		{"1 +* 2", 3, "Wert erwartet, gefunden: „*“"}, {")", 0, "Wert erwartet, gefunden: „)“"},
		{"and", 0, "Wert erwartet, gefunden: „and“"},
		{"1 2", 2, "Operator oder Ende erwartet, gefunden: eine Zahl"},
		{"1 < 2 < 3", 6, "nicht verketten"}, {"A == B != C", 7, "nicht verketten"},
		{"1e999", 0, "ist zu groß"}, {"2 * 1e999", 4, "ist zu groß"},
		{"Größe > 1", 2, "ASCII"}, {"1 # 2", 2, "unerwartetes Zeichen „#“"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		parse_err(t[i].src, t[i].pos, t[i].msg);
}

Test(parse, nesting_depth_is_bounded)
{
	/* Moderate nesting parses; far too deep gives a clear message, not a crash. */
	static const struct { const char *open, *mid, *close; int ok, bad; } t[] = {
		{"(", "1", ")", 10, 1900}, {"-", "1", "", 20, 3000}, {"not ", "true", "", 20, 900},
		{"abs(", "1", ")", 10, 700},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		for (int k = 0; k < 2; k++) {
			int n = k ? t[i].bad : t[i].ok;
			struct sbuf b = {0};
			for (int j = 0; j < n; j++)
				sbuf_adds(&b, t[i].open);
			sbuf_adds(&b, t[i].mid);
			for (int j = 0; j < n; j++)
				sbuf_adds(&b, t[i].close);
			cr_assert_leq(b.len, (size_t)EXPR_MAX_LEN);
			struct expr *e = NULL;
			struct expr_error err = {0};
			int rc = expr_parse(b.data, b.len, &e, &err);
			cr_expect_eq(rc, k ? -1 : 0, "%s… %d times: %s", t[i].open, n, err.msg);
			if (k)
				cr_expect(e == NULL && strstr(err.msg, "zu tief verschachtelt"), "got: %s",
				          err.msg);
			expr_free(&e);
			sbuf_free(&b);
		}
	}
}

Test(parse, documented_depth_counts_levels_of_nesting)
{
	/* The limit is "nesting depth 64" and the message says "höchstens 64
	 * Ebenen", so 60 nested parentheses or calls are within it. */
	static const char *const open[] = {"(", "abs("};
	for (size_t i = 0; i < 2; i++) {
		struct sbuf b = {0};
		for (int j = 0; j < EXPR_MAX_DEPTH - 4; j++)
			sbuf_adds(&b, open[i]);
		sbuf_adds(&b, "1");
		for (int j = 0; j < EXPR_MAX_DEPTH - 4; j++)
			sbuf_adds(&b, ")");
		struct expr *e = NULL;
		struct expr_error err = {0};
		cr_expect_eq(expr_parse(b.data, b.len, &e, &err), 0, "%d × „%s“: %s",
		             EXPR_MAX_DEPTH - 4, open[i], err.msg);
		expr_free(&e);
		sbuf_free(&b);
	}
}

Test(parse, limits_and_function_table)
{
	struct expr *e = parse_ok("min(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16)");
	cr_expect_eq(e->nargs, 16, "16 arguments are the most min()/max() take");
	expr_free(&e);
	parse_err("min(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17)", 43, "zu viele Argumente");

	char *s = malloc(EXPR_MAX_LEN + 2); /* "1" and blanks */
	memset(s, ' ', EXPR_MAX_LEN + 1);
	s[0] = '1';
	s[EXPR_MAX_LEN + 1] = '\0';
	struct expr_error err = {0};
	cr_expect_eq(expr_parse(s, EXPR_MAX_LEN, &e, &err), 0, "exactly the limit: %s", err.msg);
	expr_free(&e);
	cr_expect_eq(expr_parse(s, EXPR_MAX_LEN + 1, &e, &err), -1);
	cr_expect(err.pos == 0 && e == NULL);
	cr_expect_not_null(strstr(err.msg, "zu lang"), "got: %s", err.msg);
	free(s);

	enum expr_fn fn;
	int lo, hi;
	cr_expect(expr_fn_lookup("max", &fn, &lo, &hi) == 0 && fn == F_MAX && lo == 2 && hi == 16);
	cr_expect(expr_fn_lookup("missing", &fn, &lo, &hi) == 0 && fn == F_MISSING && lo == 1 &&
	          hi == 2);
	cr_expect_eq(expr_fn_lookup("MAX", &fn, &lo, &hi), -1);
	cr_expect_eq(expr_fn_lookup("concat", &fn, &lo, &hi), -1);
	cr_expect_str_eq(expr_fn_name(F_COALESCE), "coalesce");
	cr_expect_str_eq(expr_op_name(E_LE), "<=");
	cr_expect_str_eq(expr_op_name(E_NOT), "not");
}

Test(parse, tree_shape_and_precedence)
{
	struct expr *e = parse_ok("1 + 2 * 3");
	cr_expect(e->op == E_ADD && e->pos == 2 && e->r->op == E_MUL && e->r->pos == 6);
	cr_expect_str_eq(e->src, "1 + 2 * 3");
	expr_free(&e);
	e = parse_ok("10 - 4 - 3");
	cr_expect(e->op == E_SUB && e->l->op == E_SUB && e->r->num == 3.0, "left-associative");
	expr_free(&e);
	e = parse_ok("not true or true");
	cr_expect(e->op == E_OR && e->l->op == E_NOT);
	expr_free(&e);
	e = parse_ok("true or false and false");
	cr_expect(e->op == E_OR && e->r->op == E_AND);
	expr_free(&e);
	e = parse_ok("-2 * -3");
	cr_expect(e->op == E_MUL && e->l->op == E_NEG && e->r->op == E_NEG);
	expr_free(&e);
	e = parse_ok("substr(A1, 2, .5e1)");
	cr_expect(e->op == E_CALL && e->fn == F_SUBSTR && e->nargs == 3);
	cr_expect(e->args[0]->op == E_REF && e->args[0]->pos == 7 && e->args[2]->num == 5.0);
	cr_expect_str_eq(e->args[0]->str, "A1");
	expr_free(&e);
	e = parse_ok("'it\\'s' == \"a\\\\b\"");
	cr_expect_str_eq(e->l->str, "it's");
	cr_expect_str_eq(e->r->str, "a\\b");
	expr_free(&e);
	cr_expect_null(e);
}

/* ------------------------------------------------------- loader checks */

static void refused(const char *expr, const char *needle)
{
	char *msgs;
	struct form *f = load_expr(expr, &msgs);
	cr_expect_null(f, "„%s“ should be refused", expr);
	cr_expect_not_null(strstr(msgs, needle), "„%s“: messages lack „%s“:\n%s", expr, needle,
	                   msgs);
	form_free(&f);
	free(msgs);
}

Test(types, loader_refuses_ill_typed_expressions)
{
	static const char *const t[][2] = {
		{"N = 1", "Spalte 3: „=“ ist kein Vergleich; verwenden Sie „==“"},
		{"1 + 'x'", "„+“ geht nicht mit Zahl und Text"},
		{"N < 'a'", "vergleicht Zahl mit Text"},
		{"true < false", "nur mit == und !="}, {"not 1", "verknüpft nur Wahrheitswerte"},
		{"C + 1", "Mehrfachauswahl"}, {"B == 6", "keine Antwort mit dem Code 6"},
		{"selected(B, 7)", "keine Antwort mit dem Code 7"},
		{"missing(N, -1)", "bietet den Fehlwert-Code -1 nicht an"},
		{"count(B)", "count() erwartet eine Mehrfachauswahl"},
		{"if(true, 1, 'a')", "selben Typ"},
		{"if(1, 1, 2)", "if() erwartet hier Wahrheitswert, nicht Zahl"},
		{"len(5)", "len() erwartet hier Text, nicht Zahl"},
		{"matches(T, '(')", "ungültiges Muster"},
		{"matches(T, T)", "Zeichenkette in Anführungszeichen"},
		{"date('2016-02-30')", "kein Datum"},
		{"date('2016-01-01') * 2", "„*“ geht nicht mit Datum und Zahl"},
		{"n + 1", "Groß- und Kleinschreibung"}, {"Nx + 1", "unbekannte Variable „Nx“"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		refused(t[i][0], t[i][1]);
}

Test(types, pattern_must_be_valid_on_its_own)
{
	/* matches() wraps the pattern as ^(…)$; an unbalanced pattern must not
	 * slip through that wrapping ('x)|(y' would match any text starting with x). */
	refused("matches(T, 'x)|(y')", "ungültiges Muster");
	refused("matches(T, 'a)(b')", "ungültiges Muster");
}

/* ------------------------------------------------------------ evaluation */

Test(eval, operators_and_precedence)
{
	static const struct ecase t[] = {
		{"1 + 2 * 3 == 7", "true"}, {"1 + 2 * 3", "7"}, {"(1 + 2) * 3", "9"},
		{"not true or true", "true"}, {"not false and false", "false"},
		{"true or false and false", "true"}, {"-2 * -3", "6"}, {"10 - 4 - 3", "3"},
		{"100 / 10 / 5", "2"}, {"2 * 3 + 4 * 5", "26"}, {"-(2 + 3)", "-5"}, {"- -3", "3"},
		{"7 - -2", "9"}, {"7 / 2", "3.5"}, {"1e3", "1000"}, {".5", "0.5"}, {"1.5e2", "150"},
		{"1e15 + 1", "1000000000000001"}, {"1e15 + 1 != 1e15", "true"},
		{"999999999999999 + 1 == 1e15", "true"},
		{"1 < 2", "true"}, {"2 < 2", "false"}, {"2 <= 2", "true"}, {"3 <= 2", "false"},
		{"3 > 2", "true"}, {"2 > 2", "false"}, {"2 >= 2", "true"}, {"1 >= 2", "false"},
		{"1 != 2", "true"}, {"1 == 2", "false"}, {"not (1 == 2)", "true"},
		/* texts compare by bytes */
		{"'abc' < 'abd'", "true"}, {"'b' < 'a'", "false"}, {"'Z' < 'a'", "true"},
		{"'äpfel' > 'zebra'", "true"}, {"'' < 'a'", "true"}, {"'ab' < 'abc'", "true"},
		{"'abc' == 'abc'", "true"}, {"'abc' != 'abc'", "false"}, {"'a' != 'A'", "true"},
		{"'10' < '9'", "true"}, {"'it\\'s'", "'it's'"}, {"\"a\\\\b\"", "'a\\b'"},
		{"true == (1 < 2)", "true"}, {"(1 > 2) != true", "true"},
		{"true == false", "false"},
		/* dates */
		{"date('2016-12-31') > date('2016-01-01')", "true"},
		{"date('2016-02-29') == date('2016-03-01') - 1", "true"},
		{"date('2016-02-28') + 1", "2016-02-29"}, {"1 + date('2016-02-28')", "2016-02-29"},
		{"date('2016-03-01') - 1", "2016-02-29"}, {"date('2017-03-01') - 1", "2017-02-28"},
		{"date('2016-12-31') + 1", "2017-01-01"}, {"date('2016-01-31') + 30", "2016-03-01"},
		{"date('2017-01-01') - date('2016-01-01')", "366"},
		{"date('2016-01-01') - date('2017-01-01')", "-366"},
	};
	CHECK_ALL(t);
}

Test(eval, functions)
{
	static const struct ecase t[] = {
		{"min(3, 1, 2)", "1"}, {"max(3, 1, 2)", "3"}, {"max(-1, -5)", "-1"},
		{"min(9,8,7,6,5,4,3,2,1,10,11,12,13,14,15,0)", "0"},
		{"round(2.5)", "3"}, {"round(-2.5)", "-3"}, {"round(2.4)", "2"},
		{"round(-0.4)", "0"}, {"abs(-3.5)", "3.5"}, {"abs(2)", "2"},
		{"len('Göttingen')", "9"}, {"len('')", "0"}, {"len('日本語')", "3"},
		{"len('😀!')", "2"},
		{"num('3,5')", "3.5"}, {"num('12.500')", "12500"}, {"num('1.5')", "1.5"},
		{"num('1.234,5')", "1234.5"},
		{"num(' -7 ')", "-7"}, {"num('12 500')", "12500"}, {"num('0,25')", "0.25"},
		{"substr('Köln', 2, 2)", "'öl'"}, {"substr('Köln', 1, 1)", "'K'"},
		{"substr('Köln', 0, 2)", "'K'"}, {"substr('Köln', -5, 10)", "'Köln'"},
		{"substr('Köln', 3, 100)", "'ln'"}, {"substr('Köln', 5, 1)", "''"},
		{"substr('Köln', 2, 0)", "''"}, {"substr('Köln', 2, -1)", "''"},
		{"substr('Köln', 1.9, 2.9)", "'Kö'"}, {"substr('😀ab', 2, 1)", "'a'"},
		/* matches() is about the whole text */
		{"matches('12345', '[0-9]{5}')", "true"},
		{"matches('123456', '[0-9]{5}')", "false"},
		{"matches('a12345', '[0-9]+')", "false"}, {"matches('ja', 'ja|nein')", "true"},
		{"matches('nein', 'ja|nein')", "true"}, {"matches('janein', 'ja|nein')", "false"},
		{"matches('a.b', 'a\\\\.b')", "true"}, {"matches('axb', 'a\\\\.b')", "false"},
		{"matches('', '[0-9]*')", "true"}, {"matches('', '[0-9]+')", "false"},
		{"year(date('2016-12-31'))", "2016"}, {"year(date('2016-01-01') - 1)", "2015"},
		{"if(true, 1, 2)", "1"}, {"if(false, 1, 2)", "2"}, {"if(false, N, 2)", "2"},
		{"if(1 < 2, 'ja', 'nein')", "'ja'"}, {"coalesce(N, 5)", "5"},
		{"coalesce(3, N)", "3"},
		{"coalesce(T, 'leer')", "'leer'"}, {"coalesce(N > 0, true)", "true"},
		{"coalesce(D, date('2016-01-01'))", "2016-01-01"},
	};
	CHECK_ALL(t);
}

Test(eval, null_propagates)
{
	/* N, K, T, D, B, C, M are unanswered on an empty response. */
	static const struct ecase t[] = {
		{"N + 1", "null"}, {"1 - N", "null"}, {"N * 0", "null"}, {"N / 2", "null"},
		{"-N", "null"}, {"N == N", "null"}, {"N != 1", "null"}, {"N < 1", "null"},
		{"N >= N", "null"}, {"T == 'x'", "null"}, {"T < 'x'", "null"},
		{"D > date('2016-01-01')", "null"}, {"D + 1", "null"}, {"D - D", "null"},
		{"if(N > 0, 1, 2)", "null"}, {"if(true, N, 2)", "null"}, {"coalesce(N, K)", "null"},
		{"min(1, N)", "null"}, {"max(N, 1)", "null"}, {"min(1, 2, N, 3)", "null"},
		{"round(N)", "null"}, {"abs(N)", "null"}, {"len(T)", "null"},
		{"substr(T, 1, 2)", "null"}, {"substr('abc', N, 1)", "null"},
		{"substr('abc', 1, N)", "null"}, {"num(T)", "null"}, {"matches(T, 'x')", "null"},
		{"year(D)", "null"}, {"selected(B, 1)", "null"}, {"count(C)", "null"},
		{"selected(C, 1)", "null"}, {"M", "null"}, {"1 / 0", "null"},
		{"1e308 * 10", "null"},
		{"num('abc')", "null"},
		/* Kleene logic; (N > 0) is null */
		{"true and true", "true"}, {"true and false", "false"}, {"false and false", "false"},
		{"true and (N > 0)", "null"}, {"(N > 0) and true", "null"},
		{"false and (N > 0)", "false"}, {"(N > 0) and false", "false"},
		{"(N > 0) and (N > 0)", "null"}, {"true or false", "true"},
		{"false or false", "false"}, {"true or (N > 0)", "true"}, {"(N > 0) or true", "true"},
		{"false or (N > 0)", "null"}, {"(N > 0) or false", "null"},
		{"(N > 0) or (N > 0)", "null"}, {"not (N > 0)", "null"}, {"not true", "false"},
		{"not false", "true"},
	};
	CHECK_ALL(t);
}

Test(eval, negated_zero_is_plain_zero)
{
	/* value_num() turns -0 into 0, and so does "0 * -1"; negation should too. */
	static const struct ecase t[] = {{"0 * -1", "0"}, {"-0", "0"}, {"-(1 - 1)", "0"}};
	CHECK_ALL(t);
}

Test(eval, faults)
{
	static const struct { const char *src; unsigned bit; } t[] = {
		{"1 / 0", EVAL_DIV_ZERO}, {"0 / 0", EVAL_DIV_ZERO}, {"5 / (2 - 2)", EVAL_DIV_ZERO},
		{"1e308 * 10", EVAL_OVERFLOW}, {"-1e308 - 1e308", EVAL_OVERFLOW},
		{"num('abc')", EVAL_BAD_NUM}, {"num('')", EVAL_BAD_NUM},
		{"num('3,5,1')", EVAL_BAD_NUM}, {"date('9999-12-31') + 1", EVAL_BAD_DATE},
		{"date('0001-01-01') - 1", EVAL_BAD_DATE},
		{"date('2016-01-01') + 0.5", EVAL_BAD_DATE},
		/* no fault: a null operand or an ordinary result */
		{"N / 0", 0}, {"num(T)", 0}, {"1 / 2", 0}, {"1e308 * 1", 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct fx x;
		fx_open(&x, t[i].src);
		struct eval_env env = engine_env(&x.e);
		struct value v = eval(x.f->computed[0].expr, &env);
		unsigned f = env.faults;
		cr_expect_eq(f, t[i].bit, "„%s“: faults %#x, want %#x", t[i].src, f, t[i].bit);
		if (t[i].bit)
			cr_expect_eq(v.type, VT_NULL, "„%s“ should be null", t[i].src);
		value_free(&v);
		fx_close(&x);
	}
	cr_expect_not_null(strstr(eval_fault_name(EVAL_DIV_ZERO), "Division"));
	cr_expect_str_neq(eval_fault_name(EVAL_OVERFLOW), eval_fault_name(EVAL_BAD_NUM));
}

/* --------------------------------------------- answers as expressions see them */

Test(answers, values_and_selections)
{
	struct fx x;
	fx_open(&x, "N + K");
	put(&x, "N", value_num(1.5));
	expect_x(&x, "null", "with K unanswered");
	put(&x, "K", value_num(-4));
	expect_x(&x, "-2.5", "with both answered");
	fx_close(&x);

	static const struct ecase t[] = {
		{"selected(B, 1)", "true"}, {"selected(B, 2)", "false"}, {"B == 1", "true"},
		{"selected(C, 1)", "true"}, {"selected(C, 2)", "false"}, {"count(C)", "2"},
		{"len(T)", "6"}, {"substr(T, 2, 1)", "'ü'"}, {"T == 'Müller'", "true"},
		{"D + 1", "2016-03-01"}, {"year(D)", "2016"}, {"today() - D", "306"},
		{"year(today())", "2016"}, {"today() > D", "true"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		fx_open(&x, t[i].src);
		x.e.today = ymd(2016, 12, 31);
		put(&x, "B", value_num(1));
		put(&x, "C", value_set((const int32_t[]){3, 1, 3}, 3));
		put(&x, "T", value_str("Müller"));
		put(&x, "D", value_date(ymd(2016, 2, 29)));
		expect_x(&x, t[i].want, "answered");
		fx_close(&x);
	}
}

/* Value of 'src' for M unanswered, M = 3 and M = weiß nicht (-1). */
static void on_m(const char *src, const char *empty, const char *three, const char *dontknow)
{
	struct fx x;
	fx_open(&x, src);
	expect_x(&x, empty, "with M unanswered");
	put(&x, "M", value_num(3));
	expect_x(&x, three, "with M = 3");
	engine_set_missing(&x.e, slot(&x, "M"), -1);
	expect_x(&x, dontknow, "with M = weiß nicht");
	engine_clear(&x.e, slot(&x, "M"));
	expect_x(&x, empty, "with M cleared");
	fx_close(&x);
}

Test(answers, unanswered_and_missing_read_as_null)
{
	on_m("M", "null", "3", "null");
	on_m("M > 0", "null", "true", "null");
	on_m("M + 1", "null", "4", "null");
	on_m("answered(M)", "false", "true", "true");
	on_m("missing(M)", "false", "false", "true");
	on_m("missing(M, -1)", "false", "false", "true");
	on_m("missing(M, -2)", "false", "false", "false");
	on_m("coalesce(M, 7)", "7", "3", "7");
	on_m("M != 5 or missing(M)", "null", "true", "true"); /* the idiom from the spec */
	on_m("not answered(M) or M == 3", "true", "true", "null");
}

Test(answers, hidden_question_reads_as_null)
{
	/* H is shown only when B == 1; its answer is kept but reads as null while hidden. */
	static const struct { const char *src, *hidden, *shown; } t[] = {
		{"H", "null", "5"}, {"H == 5", "null", "true"}, {"answered(H)", "false", "true"},
		{"coalesce(H, 0)", "0", "5"}, {"missing(H)", "false", "false"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct fx x;
		fx_open(&x, t[i].src);
		put(&x, "H", value_num(5));
		expect_x(&x, t[i].hidden, "with B unanswered");
		put(&x, "B", value_num(2));
		expect_x(&x, t[i].hidden, "with B = 2");
		put(&x, "B", value_num(1));
		expect_x(&x, t[i].shown, "with B = 1");
		fx_close(&x);
	}
	struct fx x;
	fx_open(&x, "answered(H) or missing(H)");
	engine_set_missing(&x.e, slot(&x, "H"), -2);
	expect_x(&x, "false", "a missing code while hidden");
	put(&x, "B", value_num(1));
	expect_x(&x, "true", "a missing code while shown");
	fx_close(&x);
}
