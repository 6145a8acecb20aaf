/*
 * test_explain: expressions read aloud in German — every operator and
 * function, choice and missing-code labels from the form, negations said
 * positively, parentheses where „und“/„oder“ or arithmetic would be
 * ambiguous, verb-last clauses after „wenn“, result labels of computed
 * values, the fallback to code, and the three markups (text, Markdown,
 * HTML) including escaping; also the syntax written back by unparse and
 * German number formatting.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "form/explain.h"
#include "form/unparse.h"
#include "helpers.h"
#include "util/markup.h"

/*
 * G1 single (1 ja, 2 nein, 3 in Arbeit), A3 single with a label holding
 * markup characters, A4 integer, A5 text, D1 multi (1, 2, 8 „keine davon“),
 * J4 single offering only -2, N1 decimal offering none, DT date, F1 matrix
 * with rows F1_1, F1_2. X is the expression under test.
 */
static const char head[] =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\",\"missing\":["
	"{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"},"
	"{\"code\":-2,\"label\":\"keine Angabe\",\"key\":\"k\"}],"
	"\"sections\":[{\"id\":\"S\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"G1\",\"type\":\"single\",\"text\":\"g\",\"choices\":[{\"code\":1,\"label\":\"ja\"},"
	"{\"code\":2,\"label\":\"nein\"},{\"code\":3,\"label\":\"in Arbeit\"}]},"
	"{\"id\":\"A3\",\"type\":\"single\",\"text\":\"a\",\"choices\":["
	"{\"code\":1,\"label\":\"<b>&\\\"x*_y\"},{\"code\":2,\"label\":\"Hamburg\"}]},"
	"{\"id\":\"A4\",\"type\":\"integer\",\"text\":\"a\",\"min\":0},"
	"{\"id\":\"A5\",\"type\":\"text\",\"text\":\"a\"},"
	"{\"id\":\"D1\",\"type\":\"multi\",\"text\":\"d\",\"choices\":["
	"{\"code\":1,\"label\":\"Sprachkurse\"},{\"code\":2,\"label\":\"Wohnungen\"},"
	"{\"code\":8,\"label\":\"keine davon\",\"exclusive\":true}]},"
	"{\"id\":\"J4\",\"type\":\"single\",\"text\":\"j\",\"missing\":[-2],\"choices\":["
	"{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"}]},"
	"{\"id\":\"N1\",\"type\":\"decimal\",\"text\":\"n\",\"missing\":[]},"
	"{\"id\":\"DT\",\"type\":\"date\",\"text\":\"d\"},"
	"{\"id\":\"F1\",\"type\":\"matrix\",\"text\":\"f\",\"rows\":[{\"id\":\"F1_1\",\"text\":\"r\"},"
	"{\"id\":\"F1_2\",\"text\":\"s\"}],\"choices\":[{\"code\":1,\"label\":\"gut\"},"
	"{\"code\":2,\"label\":\"schlecht\"}]}"
	"]}],\"computed\":[{\"id\":\"X\",\"expr\":\"";
static const char tail[] = "\"}]}";

/* Load the form with X := expr (JSON-escaped here). */
static struct form *load_expr(const char *expr)
{
	struct sbuf json = {0};
	sbuf_adds(&json, head);
	for (const char *p = expr; *p; p++) {
		if (*p == '"' || *p == '\\')
			sbuf_addc(&json, '\\');
		sbuf_addc(&json, *p);
	}
	sbuf_adds(&json, tail);
	struct form *f = load_ok(json.data);
	sbuf_free(&json);
	return f;
}

/* The reading of X := expr in a markup. */
static char *read_as(const char *expr, enum markup m)
{
	struct form *f = load_expr(expr);
	struct sbuf b = {0};
	explain_append(&b, f, f->computed[0].expr, m);
	form_free(&f);
	return sbuf_take(&b);
}

static void check(const char *expr, const char *want)
{
	char *got = read_as(expr, MARKUP_TEXT);
	cr_expect_str_eq(got, want, "%s\n  got:  %s\n  want: %s", expr, got, want);
	free(got);
}

Test(explain, choice_codes_get_their_labels)
{
	check("selected(G1, 1)", "G1 = 1 („ja“)");
	check("selected(G1, 1) or selected(G1, 2)", "G1 = 1 („ja“) oder G1 = 2 („nein“)");
	check("G1 != 3", "G1 ≠ 3 („in Arbeit“)");
	check("G1 == 2", "G1 = 2 („nein“)");
	check("2 == G1", "G1 = 2 („nein“)");
	check("F1_2 == 1", "F1_2 = 1 („gut“)");
	check("selected(F1_1, 2)", "F1_1 = 2 („schlecht“)");
	check("G1 <= 2", "G1 ≤ 2 („nein“)");
}

Test(explain, multiple_choice)
{
	check("selected(D1, 8)", "bei D1 ist „keine davon“ (8) gewählt");
	check("not selected(D1, 1)", "bei D1 ist „Sprachkurse“ (1) nicht gewählt");
	check("answered(D1) and not selected(D1, 8)",
	      "D1 ist beantwortet und bei D1 ist „keine davon“ (8) nicht gewählt");
	check("count(D1) >= 2", "Zahl der gewählten Antworten bei D1 ≥ 2");
}

Test(explain, numbers_the_german_way)
{
	check("A4 >= 100000", "A4 ≥ 100\u00a0000");
	check("A4 >= 5000", "A4 ≥ 5000");
	check("A4 < 20000", "A4 < 20\u00a0000");
	check("N1 > 2.5", "N1 > 2,5");
	check("N1 > -1", "N1 > -1");
	check("5 < A4", "A4 > 5");
	check("A4 == 1234567", "A4 = 1\u00a0234\u00a0567");
}

Test(explain, answered_and_missing_codes)
{
	check("not answered(A5)", "A5 ist nicht beantwortet");
	check("answered(A5)", "A5 ist beantwortet");
	check("answered(F1)", "alle Zeilen von F1 sind beantwortet");
	check("not answered(F1)", "nicht alle Zeilen von F1 sind beantwortet");
	check("missing(A4, -1)", "A4 ist „weiß nicht“");
	check("not missing(A4, -2)", "A4 ist nicht „keine Angabe“");
	check("missing(A4)", "A4 ist „weiß nicht“ oder „keine Angabe“");
	check("not missing(A4)", "A4 ist weder „weiß nicht“ noch „keine Angabe“");
	check("missing(J4)", "J4 ist „keine Angabe“");
	check("not missing(J4)", "J4 ist nicht „keine Angabe“");
	check("missing(N1)", "N1 hat einen Fehlwert");
	check("G1 != 1 or missing(G1)", "G1 ≠ 1 („ja“) oder G1 ist „weiß nicht“ oder „keine Angabe“");
}

Test(explain, negation_said_positively)
{
	check("not selected(G1, 1)", "G1 ≠ 1 („ja“)");
	check("not (A4 > 5)", "A4 ≤ 5");
	check("not (A4 <= 5)", "A4 > 5");
	check("not (A4 == 5)", "A4 ≠ 5");
	check("not not answered(A5)", "A5 ist beantwortet");
	check("not true", "falsch");
	check("not matches(A5, \"[0-9]+\")", "A5 passt nicht auf das Muster `[0-9]+`");
	check("not (selected(D1, 1) and G1 == 2)",
	      "nicht (bei D1 ist „Sprachkurse“ (1) gewählt und G1 = 2 („nein“))");
}

Test(explain, parentheses_where_and_or_mix)
{
	check("(A4 > 5 or A4 < 2) and answered(A5)", "(A4 > 5 oder A4 < 2) und A5 ist beantwortet");
	check("A4 > 5 or A4 < 2 and answered(A5)", "A4 > 5 oder (A4 < 2 und A5 ist beantwortet)");
	check("A4 > 5 and A4 < 9 and G1 == 1", "A4 > 5 und A4 < 9 und G1 = 1 („ja“)");
	check("A4 > 5 or A4 < 2 or G1 == 1", "A4 > 5 oder A4 < 2 oder G1 = 1 („ja“)");
	check("(selected(G1, 1) == true) == false", "((G1 = 1 („ja“)) = wahr) = falsch");
}

Test(explain, arithmetic)
{
	check("A4 / 10", "A4 / 10");
	check("coalesce(A4, 0) + N1 <= A4 / 10", "A4 (ersatzweise 0) + N1 ≤ A4 / 10");
	check("round((A4 + N1) * 1000 / A4)", "gerundet((A4 + N1) · 1000 / A4)");
	check("A4 - (N1 - 1)", "A4 − (N1 − 1)");
	check("A4 - N1 - 1", "A4 − N1 − 1");
	check("A4 / (N1 * 2)", "A4 / (N1 · 2)");
	check("A4 - -3", "A4 − (-3)");
	check("-A4 * 2", "−A4 · 2");
	check("-(A4 + 1)", "−(A4 + 1)");
	check("max(A4, N1, 3) - min(A4, 1)", "Maximum(A4, N1, 3) − Minimum(A4, 1)");
	check("abs(A4 - N1)", "|A4 − N1|");
	check("len(A5) * 2", "(Zahl der Zeichen von A5) · 2");
}

Test(explain, text_and_dates)
{
	check("len(A5) >= 2", "Zahl der Zeichen von A5 ≥ 2");
	check("matches(A5, \"[0-9]{8}\")", "A5 passt auf das Muster `[0-9]{8}`");
	check("num(substr(A5, 1, 2)) == A4", "Zeichen 1–2 von A5 als Zahl = A4");
	check("substr(A5, 6, 3) == \"000\"", "Zeichen 6–8 von A5 = „000“");
	check("substr(A5, 3, 1)", "Zeichen 3 von A5");
	check("substr(A5, A4, 2)", "Teil von A5 ab Zeichen A4 mit 2 Zeichen");
	check("DT < date(\"2024-07-01\") or DT > date(\"2024-08-31\")",
	      "DT < 01.07.2024 oder DT > 31.08.2024");
	check("year(DT) >= year(today()) - 3", "Jahr von DT ≥ laufendes Jahr − 3");
	check("today() - DT", "Tage von DT bis heute");
	check("DT + 30 > today()", "DT + 30 > heute");
}

Test(explain, if_chains)
{
	check("if(answered(A5), 1, 2)", "wenn A5 beantwortet ist, dann 1, sonst 2");
	check("if(selected(G1, 3), 5, if(A4 >= 100000, 1, if(A4 >= 20000, 2, 3)))",
	      "wenn G1 = 3 („in Arbeit“), dann 5; wenn A4 ≥ 100\u00a0000, dann 1; "
	      "wenn A4 ≥ 20\u00a0000, dann 2; sonst 3");
	check("if(missing(A4, -1) or selected(D1, 8), 1, 0)",
	      "wenn A4 „weiß nicht“ ist oder bei D1 „keine davon“ (8) gewählt ist, dann 1, sonst 0");
	check("if(not matches(A5, \"x\"), 1, 0)",
	      "wenn A5 nicht auf das Muster `x` passt, dann 1, sonst 0");
	check("if(G1 == 1, if(A4 > 3, 1, 2), 3)",
	      "wenn G1 = 1 („ja“), dann (wenn A4 > 3, dann 1, sonst 2), sonst 3");
	check("1 + if(G1 == 1, 1, 2)", "1 + (wenn G1 = 1 („ja“), dann 1, sonst 2)");
}

/* A computed value's result codes read with the value's own labels. */
Test(explain, computed_result_labels)
{
	struct form *f = load_ok(
		"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
		"\"sections\":[{\"id\":\"S\",\"title\":\"S\",\"questions\":["
		"{\"id\":\"A2\",\"type\":\"single\",\"text\":\"a\",\"choices\":["
		"{\"code\":1,\"label\":\"Stadt\"},{\"code\":3,\"label\":\"Kreis\"}]},"
		"{\"id\":\"A4\",\"type\":\"integer\",\"text\":\"a\",\"min\":0}]}],"
		"\"computed\":[{\"id\":\"GKL\",\"expr\":\"if(selected(A2, 3), 5, "
		"if(A4 >= 100000, 1, coalesce(A9, 4)))\",\"choices\":["
		"{\"code\":1,\"label\":\"Großstadt\"},{\"code\":4,\"label\":\"klein\"},"
		"{\"code\":5,\"label\":\"Landkreis\"}]},"
		"{\"id\":\"A9\",\"expr\":\"A4 * 2\"}]}");
	struct sbuf b = {0};
	explain_computed(&b, f, &f->computed[0], MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b),
	                 "wenn A2 = 3 („Kreis“), dann 5 („Landkreis“); wenn A4 ≥ 100\u00a0000, "
	                 "dann 1 („Großstadt“); sonst A9 (ersatzweise 4 („klein“))");
	sbuf_free(&b);
	/* the plain reading has no result labels */
	char *s = explain_str(f, f->computed[0].expr);
	cr_expect(strstr(s, "„Landkreis“") == NULL, "%s", s);
	cr_expect(strstr(s, "dann 5;") != NULL, "%s", s);
	free(s);
	form_free(&f);
}

Test(explain, all_conditions_joined)
{
	struct form *f = load_expr("A4 > 1");
	struct expr *a, *o, *q;
	struct expr_error err;
	cr_assert(expr_parse("A4 > 1", 6, &a, &err) == 0);
	cr_assert(expr_parse("A4 < 2 or A4 > 9", 16, &o, &err) == 0);
	cr_assert(expr_parse("answered(A5)", 12, &q, &err) == 0);
	const struct expr *v[] = {NULL, o, a, NULL, q};
	struct sbuf b = {0};
	explain_all(&b, f, v, 4, MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b), "(A4 < 2 oder A4 > 9) und A4 > 1");
	sbuf_free(&b);
	explain_all(&b, f, v, 2, MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b), "A4 < 2 oder A4 > 9", "one condition needs no parentheses");
	sbuf_free(&b);
	explain_all(&b, f, v, 1, MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b), "");
	sbuf_free(&b);
	explain_when(&b, f, v + 2, 3, MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b), "A4 > 1 und A5 beantwortet ist", "the verb goes last");
	sbuf_free(&b);
	explain_all(&b, f, v + 2, 3, MARKUP_TEXT);
	cr_expect_str_eq(sbuf_str(&b), "A4 > 1 und A5 ist beantwortet");
	sbuf_free(&b);
	expr_free(&a);
	expr_free(&o);
	expr_free(&q);
	form_free(&f);
}

/* Without a form the names are read as they are; nothing fails. */
Test(explain, without_a_form)
{
	struct expr *e;
	struct expr_error err;
	const char *src = "selected(Q, 2) and missing(Q, -1)";
	cr_assert(expr_parse(src, strlen(src), &e, &err) == 0);
	char *s = explain_str(NULL, e);
	cr_expect_str_eq(s, "bei Q ist 2 gewählt und Q hat den Fehlwert -1");
	free(s);
	expr_free(&e);
}

/* Too deep a nesting shows the inner part as code, exactly as written back. */
Test(explain, deep_nesting_falls_back_to_code)
{
	struct sbuf src = {0};
	int n = EXPLAIN_MAX_DEPTH + 6;
	for (int i = 0; i < n; i++)
		sbuf_adds(&src, "abs(");
	sbuf_adds(&src, "A4 - 1");
	for (int i = 0; i < n; i++)
		sbuf_addc(&src, ')');
	char *got = read_as(src.data, MARKUP_TEXT);
	cr_expect(strncmp(got, "|||", 3) == 0, "%s", got);
	cr_expect(strstr(got, "`abs(abs(") != NULL, "%s", got);
	cr_expect(strstr(got, "(A4 - 1))") != NULL, "%s", got);
	cr_expect(strstr(got, "−") == NULL, "the innermost part is code: %s", got);
	free(got);
	sbuf_free(&src);
}

Test(explain, markdown_escapes_labels)
{
	char *md = read_as("selected(A3, 1) and matches(A5, \"a|b*\")", MARKUP_MARKDOWN);
	cr_expect_str_eq(md, "A3 = 1 („\\<b>&\"x\\*\\_y“) und A5 passt auf das Muster `a|b*`");
	free(md);
}

Test(explain, html_escapes_everything)
{
	char *h = read_as("selected(A3, 1) and A4 < 3 and matches(A5, \"<i>\")", MARKUP_HTML);
	cr_expect_str_eq(h, "A3 = 1 („&lt;b&gt;&amp;&quot;x*_y“) und A4 &lt; 3 und "
	                    "A5 passt auf das Muster <code>&lt;i&gt;</code>");
	free(h);
}

Test(explain, markup_escape_and_code)
{
	struct sbuf b = {0};
	markup_escape_start(&b, "1. Punkt_ a_b #3 [x](y) ~z~ & &amp; <br>", MARKUP_MARKDOWN);
	cr_expect_str_eq(sbuf_str(&b),
	                 "1\\. Punkt\\_ a_b \\#3 \\[x\\](y) \\~z\\~ & \\&amp; \\<br>");
	sbuf_free(&b);
	markup_escape(&b, "1. Punkt", MARKUP_MARKDOWN);
	cr_expect_str_eq(sbuf_str(&b), "1. Punkt", "inside a line a number is no list");
	sbuf_free(&b);
	markup_escape_start(&b, "- zwei\nZeilen", MARKUP_MARKDOWN);
	cr_expect_str_eq(sbuf_str(&b), "\\- zwei Zeilen");
	sbuf_free(&b);
	markup_escape_start(&b, "> <b>", MARKUP_HTML);
	cr_expect_str_eq(sbuf_str(&b), "&gt; &lt;b&gt;");
	sbuf_free(&b);
	markup_escape(&b, "a'b\nc", MARKUP_HTML);
	cr_expect_str_eq(sbuf_str(&b), "a&#39;b<br>\nc");
	sbuf_free(&b);
	markup_code(&b, "x `y` z", MARKUP_MARKDOWN);
	cr_expect_str_eq(sbuf_str(&b), "``x `y` z``");
	sbuf_free(&b);
	markup_code(&b, "`y`", MARKUP_MARKDOWN);
	cr_expect_str_eq(sbuf_str(&b), "`` `y` ``");
	sbuf_free(&b);
}

Test(explain, numbers)
{
	static const struct {
		double d;
		const char *want;
	} cases[] = {
		{0, "0"},           {-0.0, "0"},          {1980, "1980"},
		{12500, "12\u00a0500"}, {-100000, "-100\u00a0000"}, {2.5, "2,5"},
		{12345.25, "12\u00a0345,25"}, {0.001, "0,001"}, {1e20, "1e+20"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sbuf b = {0};
		markup_number(&b, cases[i].d);
		cr_expect_str_eq(sbuf_str(&b), cases[i].want, "case %zu", i);
		sbuf_free(&b);
	}
}

/* Written back and parsed again, an expression gives the same syntax. */
Test(explain, unparse_round_trip)
{
	static const char *const cases[] = {
		"a or b and c",         "(a or b) and c",     "not (a and b)",
		"a - (b - c)",          "a - b - c",          "a / (b * c)",
		"-(a + 1) * 2",         "f == (g < h)",       "x == \"q\\\"uo\\\\te\"",
		"if(a, 1.5, 0.1)",      "not not a",          "min(a, b, -3)",
		"x > 1e+20",            "x == 0.30000000000000004",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct expr *e, *again;
		struct expr_error err;
		cr_assert(expr_parse(cases[i], strlen(cases[i]), &e, &err) == 0, "%s", cases[i]);
		struct sbuf b = {0}, b2 = {0};
		unparse_expr(&b, e);
		cr_expect_str_eq(sbuf_str(&b), cases[i]);
		cr_assert(expr_parse(b.data, b.len, &again, &err) == 0, "%s", b.data);
		unparse_expr(&b2, again);
		cr_expect_str_eq(sbuf_str(&b2), sbuf_str(&b));
		sbuf_free(&b);
		sbuf_free(&b2);
		expr_free(&e);
		expr_free(&again);
	}
}
