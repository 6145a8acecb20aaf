/*
 * Tests of the codebook: the page primitives (cbdoc) in both formats —
 * sentences with parts, tables, label lists, headings — and whole
 * codebooks of a small form whose texts try to inject markup.
 */
#include "export/cbdoc.h"
#include "export/codebook.h"
#include "helpers.h"

/* A cbdoc writing into a fresh buffer. */
static struct cbdoc doc(struct sbuf *b, enum markup m)
{
	*b = (struct sbuf){0};
	return (struct cbdoc){b, m};
}

Test(cbdoc, compose_places_parts_and_escapes_the_words)
{
	struct sbuf b;
	struct cbdoc d = doc(&b, MARKUP_HTML);
	/* the order a translation needs: positions */
	cbdoc_compose(&d, "%2$s vor %1$s <100%%> &", (const char *const[]){"<code>a</code>", "B"},
	              2);
	cr_expect_str_eq(sbuf_str(&b), "B vor <code>a</code> &lt;100%&gt; &amp;");
	sbuf_free(&b);

	d = doc(&b, MARKUP_MARKDOWN);
	/* a part beyond the list is empty, a lone "%d" stays as written */
	cbdoc_compose(&d, "%s|%s|%3$s %d", (const char *const[]){"`x`", "*y*"}, 2);
	cr_expect_str_eq(sbuf_str(&b), "`x`\\|*y*\\| %d");
	sbuf_free(&b);
}

Test(cbdoc, markdown_table_keeps_its_cells)
{
	struct sbuf b;
	struct cbdoc d = doc(&b, MARKUP_MARKDOWN);
	cbdoc_table_begin(&d, (const char *const[]){"A", "B|C"}, 2);
	cbdoc_cell(&d, true);
	cbdoc_text(&d, "x");
	cbdoc_cell(&d, false);
	cbdoc_text(&d, "y|z");
	cbdoc_row_end(&d);
	cbdoc_table_end(&d);
	cr_expect_str_eq(sbuf_str(&b), "| A | B\\|C |\n|---|---|\n| x | y\\|z |\n\n");
	sbuf_free(&b);
}

Test(cbdoc, html_table_and_labels)
{
	struct sbuf b;
	struct cbdoc d = doc(&b, MARKUP_HTML);
	const struct vlabel v[] = {{1, "ja"}, {2, "<nein>"}};
	cbdoc_table_begin(&d, (const char *const[]){"Werte"}, 1);
	cbdoc_cell(&d, true);
	cbdoc_labels(&d, v, 2, true);
	cbdoc_row_end(&d);
	cbdoc_cell(&d, true);
	cbdoc_labels(&d, NULL, 0, true);
	cbdoc_row_end(&d);
	cbdoc_table_end(&d);
	cr_expect_str_eq(sbuf_str(&b), "<table>\n<thead><tr><th>Werte</th></tr></thead>\n<tbody>\n"
	                               "<tr><td>1 = ja<br>2 = &lt;nein&gt;</td></tr>\n"
	                               "<tr><td>—</td></tr>\n</tbody>\n</table>\n");
	sbuf_free(&b);

	d = doc(&b, MARKUP_MARKDOWN);
	cbdoc_labels(&d, v, 2, true);
	cr_expect_str_eq(sbuf_str(&b), "1 = ja; 2 = \\<nein>");
	sbuf_free(&b);
}

Test(cbdoc, headings_lists_and_diverting)
{
	struct sbuf b;
	struct cbdoc d = doc(&b, MARKUP_MARKDOWN);
	cbdoc_heading(&d, 1, "x", "Codebuch", "*T*");
	cbdoc_heading(&d, 2, NULL, "Teil", NULL);
	cbdoc_list_begin(&d);
	cbdoc_item(&d, "Name");
	struct sbuf tmp;
	struct sbuf *o = cbdoc_divert(&d, &tmp);
	cbdoc_text(&d, "<i>");
	d.o = o;
	cbdoc_raw(&d, sbuf_str(&tmp));
	sbuf_free(&tmp);
	cbdoc_item_end(&d);
	cbdoc_list_end(&d);
	cr_expect_str_eq(sbuf_str(&b), "# Codebuch – \\*T\\*\n\n\n## Teil\n\n- **Name:** \\<i>\n\n");
	sbuf_free(&b);

	d = doc(&b, MARKUP_HTML);
	cbdoc_heading(&d, 3, "q-A1", "A1", "<b>");
	cbdoc_para(&d, "1. Satz", "hinweis");
	cr_expect_str_eq(sbuf_str(&b), "<h3 id=\"q-A1\">A1 – &lt;b&gt;</h3>\n"
	                               "<p class=\"hinweis\">1. Satz</p>\n");
	sbuf_free(&b);
}

static const char *hostile =
	"{\"id\":\"h\",\"title\":\"T <script>alert(1)</script>\",\"version\":\"1\","
	"\"language\":\"de\","
	"\"missing\":[{\"code\":-1,\"label\":\"weiß <i>nicht</i>\",\"key\":\"w\"}],"
	"\"sections\":[{\"id\":\"S\",\"title\":\"Teil <script>\",\"questions\":["
	"{\"id\":\"art\",\"type\":\"single\",\"text\":\"Art <b>?\",\"label\":\"Art|x\","
	" \"choices\":[{\"code\":1,\"label\":\"<img src=x>\"},{\"code\":2,\"label\":\"Kreis\"}]},"
	"{\"id\":\"bat\",\"type\":\"matrix\",\"text\":\"Wie?\",\"rows\":["
	" {\"id\":\"bat_a\",\"text\":\"Schule\"},{\"id\":\"bat_b\",\"text\":\"Kita\"}],"
	" \"choices\":[{\"code\":1,\"label\":\"gut\"},{\"code\":2,\"label\":\"schlecht\"}]}"
	"]}]}";

Test(codebook, html_page_escapes_every_form_text)
{
	struct form *f = load_ok(hostile);
	struct sbuf b = {0};
	codebook_build(&b, f, CODEBOOK_HTML, 17136);
	const char *s = sbuf_str(&b);
	cr_expect(strncmp(s, "<!DOCTYPE html>\n<html lang=\"de\">", 32) == 0);
	cr_expect(b.len > 7 && strcmp(s + b.len - 8, "</html>\n") == 0);
	cr_expect_null(strstr(s, "<script"), "unescaped script");
	cr_expect_null(strstr(s, "<img"), "unescaped img");
	cr_expect_null(strstr(s, "<i>"), "unescaped i");
	cr_expect_not_null(strstr(s, "<title>Codebuch – T &lt;script&gt;alert(1)&lt;/script&gt;"));
	cr_expect_not_null(strstr(s, "1 = &lt;img src=x&gt;"));
	cr_expect_not_null(strstr(s, "weiß &lt;i&gt;nicht&lt;/i&gt;"));
	cr_expect_not_null(strstr(s, "01.12.2016"), "the date, as a German reads it");
	/* the two rows of the battery share their labels: listed once */
	cr_expect_not_null(strstr(s, "Werte (für jede dieser Variablen)"));
	sbuf_free(&b);
	form_free(&f);
}

Test(codebook, markdown_has_every_variable_once)
{
	struct form *f = load_ok(hostile);
	struct sbuf b = {0};
	codebook_build(&b, f, CODEBOOK_MARKDOWN, 17136);
	const char *s = sbuf_str(&b);
	cr_expect(strncmp(s, "# Codebuch – T \\<script>", 24) == 0, "%.40s", s);
	const char *vars[] = {"`id`", "`status`", "`art`", "`bat_a`", "`bat_b`"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *at = strstr(s, vars[i]);
		cr_expect_not_null(at, "%s missing", vars[i]);
		cr_expect(at && !strstr(at + 1, vars[i]), "%s twice", vars[i]);
	}
	cr_expect_not_null(strstr(s, "Art\\|x"));
	cr_expect_null(strstr(s, "<html"));
	sbuf_free(&b);
	form_free(&f);
}
