/*
 * test_opentext: the open answers of the report — only the columns marked
 * open (long texts, the text of „Sonstiges“), each answer with its
 * Kommune, escaped in HTML, control characters made harmless; and the mark
 * kept through the dictionary's JSON, as it travels in a bundle.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "export/htmlcss.h"
#include "export/opentext.h"
#include "export/tabjson.h"
#include "form/loader.h"
#include "util/xmalloc.h"

/* A data set of three rows: the Kommune, an e-mail (a text, not open), and
 * an open long text (the second Kommune gave none). */
static void make(struct dataset *d)
{
	struct table t = {0};
	t.label_column = xstrdup("A1");
	dataset_init(d, &t);
	struct column a1 = {.name = "A1", .label = "Name", .type = COL_STRING, .role = ROLE_TEXT};
	struct column j5 = {.name = "J5", .label = "E-Mail", .type = COL_STRING, .role = ROLE_TEXT};
	struct column b2 = {.name = "B2", .label = "Was gut lief", .type = COL_STRING,
	                    .role = ROLE_TEXT, .open = true};
	int c1 = dataset_add_column(d, &a1), c2 = dataset_add_column(d, &j5);
	int c3 = dataset_add_column(d, &b2);
	const char *rows[3][3] = {{"Aachen", "a@x.example", "Lotsen <b>&\nKurse"},
	                          {"Bonn", "b@x.example", ""},
	                          {NULL, NULL, "Es\033[2J lief"}};
	for (int i = 0; i < 3; i++) {
		int r = dataset_add_row(d);
		dataset_set_str(d, r, c1, rows[i][0]);
		dataset_set_str(d, r, c2, rows[i][1]);
		dataset_set_str(d, r, c3, rows[i][2]);
	}
	table_free(&t);
}

static char *capture(const struct dataset *d, int (*fn)(const struct dataset *, FILE *))
{
	char *buf = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&buf, &n);
	cr_assert_eq(fn(d, mem), 0);
	fclose(mem);
	return buf;
}

Test(opentext, text_lists_each_answer_with_its_kommune)
{
	struct dataset d;
	make(&d);
	char *t = capture(&d, opentext_text);
	cr_assert_not_null(strstr(t, "Offene Antworten\n\nB2  Was gut lief\n"
	                             "  – Aachen: Lotsen <b>&\n      Kurse\n"
	                             "  – (ohne Namen): Es [2J lief\n"), "%s", t);
	cr_assert_null(strstr(t, "Bonn"), "no answer, no line");
	cr_assert_null(strstr(t, "x.example"), "an e-mail is no open answer");
	cr_assert_null(strchr(t, '\033'));
	free(t);
	dataset_free(&d);
}

Test(opentext, html_escapes_the_answers)
{
	struct dataset d;
	make(&d);
	char *h = capture(&d, opentext_html);
	cr_assert_not_null(strstr(h, "<section id=\"offen\"><h2>Offene Antworten</h2>"));
	cr_assert_not_null(strstr(h, "<h3>B2 Was gut lief</h3>"));
	cr_assert_not_null(strstr(h, "<li><b>Aachen:</b> Lotsen &lt;b&gt;&amp;\nKurse</li>"), "%s", h);
	cr_assert_null(strstr(h, "x.example"));
	cr_assert_null(strchr(h, '\033'));
	cr_assert_not_null(strstr(htmlcss_report(), "ul.open li{white-space:pre-line}"),
	                   "an answer's own line breaks stay in the report");
	free(h);
	dataset_free(&d);
}

Test(opentext, nothing_open_nothing_written)
{
	struct dataset d;
	struct table t = {0};
	dataset_init(&d, &t);
	char *h = capture(&d, opentext_html), *x = capture(&d, opentext_text);
	cr_assert_str_eq(h, "");
	cr_assert_str_eq(x, "");
	free(h);
	free(x);
	dataset_free(&d);
}

Test(opentext, the_mark_travels_in_the_dictionary)
{
	struct dataset d;
	make(&d);
	void *json = tabjson_write(&d.t);
	struct table back;
	char err[200];
	cr_assert_eq(tabjson_read(json, &back, err, sizeof err), 0, "%s", err);
	cr_assert_not(back.cols[table_find(&back, "J5")].open);
	cr_assert(back.cols[table_find(&back, "B2")].open);
	cJSON_Delete(json);
	table_free(&back);
	dataset_free(&d);
}

Test(opentext, the_desi_form_marks_long_texts_and_other_texts)
{
	char path[512];
	snprintf(path, sizeof path, "%s/desi-kommunen-2016.json", FORMS_DIR);
	struct form *f;
	struct diag dg;
	cr_assert_eq(loader_load_file(path, &f, &dg), 0);
	diag_free(&dg);
	struct table t;
	table_from_form(f, &t);
	const char *open[] = {"B2", "B3", "C4", "E8", "F2", "I3", "J3", "D1_txt"};
	const char *closed[] = {"A1", "A5", "J5", "A2"};
	for (size_t i = 0; i < sizeof open / sizeof *open; i++)
		cr_expect(t.cols[table_find(&t, open[i])].open, "%s", open[i]);
	for (size_t i = 0; i < sizeof closed / sizeof *closed; i++)
		cr_expect_not(t.cols[table_find(&t, closed[i])].open, "%s", closed[i]);
	table_free(&t);
	form_free(&f);
}
