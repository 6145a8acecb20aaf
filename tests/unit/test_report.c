/*
 * Tests of the frequency report: counts and percentages of a handmade data
 * set of eight Kommunen, the text report's alignment by display columns,
 * and the HTML report's content and safety.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export/dataset.h"
#include "export/htmlrep.h"
#include "export/repfmt.h"
#include "export/report.h"
#include "export/reptext.h"
#include "export/svgbar.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define NA NAN
#define NROWS 8

/* Append a column; strings are copied, labels given as "code=label" pairs. */
static struct column *col(struct table *t, const char *name, enum col_type type,
                          enum col_role role, const char *q, const char *qtext,
                          const char *item)
{
	t->cols = xreallocarray(t->cols, (size_t)t->ncols + 1, sizeof *t->cols);
	struct column *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->label = item ? xasprintf("%s: %s", q, item) : xstrdup(qtext ? qtext : name);
	c->type = type;
	c->role = role;
	c->question = q ? xstrdup(q) : NULL;
	c->qtext = qtext ? xstrdup(qtext) : NULL;
	c->item = item ? xstrdup(item) : NULL;
	c->var = -1;
	return c;
}

static void labels(struct vlabel **v, int *n, const char *const *pairs, int npairs)
{
	*v = xcalloc((size_t)npairs, sizeof **v);
	*n = npairs;
	for (int i = 0; i < npairs; i++) {
		(*v)[i].code = atof(pairs[i]);
		(*v)[i].label = xstrdup(strchr(pairs[i], '=') + 1);
	}
}

static const char *const kind_labels[] = { "1=Stadt", "2=Landkreis", "3=Gemeinde" };
static const char *const scale5[] = { "1=sehr gut", "2=gut", "3=teils/teils", "4=schlecht",
	                              "5=sehr schlecht" };
static const char *const scale4[] = { "1=sehr gut", "2=gut", "3=schlecht",
	                              "4=sehr schlecht" };
static const char *const yesno[] = { "0=nicht genannt", "1=genannt" };
static const char *const miss2[] = { "-2=keine Angabe", "-1=weiß nicht" };
static const char *const miss1[] = { "-1=weiß nicht" };

/* Column indices of the test table. */
enum { C_ID, C_A1, C_B1, C_C1_1, C_C1_2, C_C1_3, C_D1_A, C_D1_B, C_E1, C_F1, NCOLS };

/* The dictionary: kind of Kommune (breakdown), a scale, a multiple choice,
 * a battery of two items, a number and a text. */
static void make_table(struct table *t)
{
	memset(t, 0, sizeof *t);
	t->form_title = xstrdup("Aufnahme Geflüchteter <2024>");
	t->breakdown = xstrdup("A1");
	col(t, "id", COL_STRING, ROLE_META, NULL, NULL, NULL);
	struct column *c = col(t, "A1", COL_NUMERIC, ROLE_SINGLE, "A1", "Art der Kommune", NULL);
	labels(&c->values, &c->nvalues, kind_labels, 3);
	c = col(t, "B1", COL_NUMERIC, ROLE_SCALE, "B1",
	        "Wie bewerten Sie die Zusammenarbeit mit dem Land?", NULL);
	labels(&c->values, &c->nvalues, scale5, 5);
	labels(&c->missing, &c->nmissing, miss2, 2);
	const char *opts[] = { "Sprachkurse", "Kinderbetreuung", "Beratung <&\">" };
	const char *onames[] = { "C1_1", "C1_2", "C1_3" };
	for (int i = 0; i < 3; i++) {
		c = col(t, onames[i], COL_NUMERIC, ROLE_OPTION, "C1", "Welche Angebote gibt es?",
		        opts[i]);
		labels(&c->values, &c->nvalues, yesno, 2);
		labels(&c->missing, &c->nmissing, miss1, 1);
	}
	const char *items[] = { "Unterbringung", "Übergänge in Arbeit" };
	const char *inames[] = { "D1_a", "D1_b" };
	for (int i = 0; i < 2; i++) {
		c = col(t, inames[i], COL_NUMERIC, ROLE_ITEM, "D1", "Wie beurteilen Sie …",
		        items[i]);
		labels(&c->values, &c->nvalues, scale4, 4);
		labels(&c->missing, &c->nmissing, miss1, 1);
	}
	c = col(t, "E1", COL_NUMERIC, ROLE_NUMBER, "E1", "Wie viele Personen wurden aufgenommen?",
	        NULL);
	labels(&c->missing, &c->nmissing, miss1, 1);
	col(t, "F1", COL_STRING, ROLE_TEXT, "F1", "Anmerkungen", NULL);
}

/* Eight Kommunen; row 7 has no kind. */
static const double cells[NROWS][NCOLS] = {
	/*       A1  B1  C1_1 C1_2 C1_3 D1_a D1_b  E1 */
	{ NA, 1, 1, 1, 0, 0, 1, 4, 10 },
	{ NA, 1, 2, 1, 1, 0, 1, 4, 20 },
	{ NA, 1, 2, 0, 0, 1, 2, 3, 30 },
	{ NA, 2, 3, -1, -1, -1, 2, 2, 40 },
	{ NA, 2, -1, 1, 1, 1, 2, 1, -1 },
	{ NA, 3, -2, 0, 0, 0, 3, NA, NA },
	{ NA, 3, 1, NA, NA, NA, -1, NA, 5 },
	{ NA, NA, NA, 1, 0, 0, NA, -1, 100 },
};

static void make_data(struct dataset *d)
{
	struct table t;
	make_table(&t);
	dataset_init(d, &t);
	table_free(&t);
	for (int r = 0; r < NROWS; r++) {
		int row = dataset_add_row(d);
		char id[16];
		snprintf(id, sizeof id, "K%d", r);
		dataset_set_str(d, row, C_ID, id);
		for (int c = C_A1; c <= C_E1; c++)
			dataset_set_num(d, row, c, cells[r][c]);
	}
	dataset_set_str(d, 0, C_F1, "frei");
}

static struct dataset ds;
static struct report rep;

static void setup(void)
{
	make_data(&ds);
	report_build(&rep, &ds);
}

static void teardown(void)
{
	report_free(&rep);
	dataset_free(&ds);
}

/* The section of question q (which must exist). */
static const struct report_section *sec(const char *q)
{
	for (int i = 0; i < rep.nsecs; i++)
		if (strcmp(rep.secs[i].question, q) == 0)
			return &rep.secs[i];
	cr_assert_fail("no section %s", q);
	return NULL;
}

static char pbuf[REPFMT_LEN];
#define PCT(c, b) repfmt_pct(pbuf, (c), (b))

TestSuite(report, .init = setup, .fini = teardown);

Test(report, sections_in_table_order)
{
	cr_assert_eq(rep.nsecs, 5);
	const char *q[] = { "A1", "B1", "C1", "D1", "E1" };
	enum report_kind k[] = { REPORT_FREQ, REPORT_FREQ, REPORT_MULTI, REPORT_BATTERY,
		                 REPORT_NUMBER };
	for (int i = 0; i < 5; i++) {
		cr_assert_str_eq(rep.secs[i].question, q[i]);
		cr_assert_eq(rep.secs[i].kind, k[i]);
	}
	cr_assert_str_eq(rep.secs[1].title, "Wie bewerten Sie die Zusammenarbeit mit dem Land?");
}

Test(report, counts_missing_codes_separately)
{
	const struct report_freq *f = &sec("B1")->u.freq;
	cr_assert_eq(f->ncats, 5);
	int want[] = { 2, 2, 1, 0, 0 };
	for (int k = 0; k < 5; k++) {
		cr_assert_eq(f->cats[k].code, k + 1);
		cr_assert_eq(f->cats[k].count, want[k], "code %d", k + 1);
	}
	cr_assert_str_eq(f->cats[2].label, "teils/teils");
	cr_assert_eq(f->nmiss, 2);
	cr_assert_str_eq(f->miss[0].label, "keine Angabe");
	cr_assert_eq(f->miss[0].count, 1);
	cr_assert_str_eq(f->miss[1].label, "weiß nicht");
	cr_assert_eq(f->miss[1].count, 1);
	cr_assert_eq(report_miss_count(f, -1), 1);
	cr_assert_eq(f->sysmis, 1);
	cr_assert_eq(f->n, 5);
	cr_assert_eq(f->nmissing, 2);
	cr_assert_eq(f->total, 8);
}

Test(report, percent_of_all_and_valid_percent)
{
	const struct report_freq *f = &sec("B1")->u.freq;
	cr_assert_str_eq(PCT(f->cats[0].count, f->total), "25,0 %");
	cr_assert_str_eq(PCT(f->cats[0].count, f->n), "40,0 %");
	cr_assert_str_eq(PCT(f->cats[2].count, f->n), "20,0 %");
	cr_assert_str_eq(PCT(f->miss[1].count, f->total), "12,5 %");
	cr_assert_str_eq(PCT(f->sysmis, f->total), "12,5 %");
}

Test(report, top_two_is_percent_of_summed_counts)
{
	const struct report_freq *f = &sec("B1")->u.freq;
	cr_assert_eq(f->top, 2);
	cr_assert_eq(report_top_count(f), f->cats[0].count + f->cats[1].count);
	cr_assert_str_eq(PCT(report_top_count(f), f->n), "80,0 %");
	char *lab = report_top_label(f);
	cr_assert_str_eq(lab, "sehr gut + gut");
	free(lab);
	/* the breakdown column is a single choice: no top, no cross table */
	const struct report_freq *a = &sec("A1")->u.freq;
	cr_assert_eq(a->top, 0);
	cr_assert_null(report_top_label(a));
	cr_assert_null(a->cross);
}

Test(report, multi_choice_percent_of_those_who_answered)
{
	const struct report_multi *m = &sec("C1")->u.multi;
	cr_assert_eq(m->nopts, 3);
	cr_assert_eq(m->answered, 6); /* a row with no option chosen answered too */
	cr_assert_eq(m->opts[0].count, 4);
	cr_assert_eq(m->opts[1].count, 2);
	cr_assert_str_eq(m->opts[2].label, "Beratung <&\">");
	cr_assert_str_eq(PCT(m->opts[0].count, m->answered), "66,7 %");
	cr_assert_str_eq(PCT(m->opts[1].count, m->answered), "33,3 %");
	cr_assert_eq(m->nmiss, 1);
	cr_assert_eq(m->miss[0].count, 1);
	cr_assert_eq(m->sysmis, 1);
	cr_assert_eq(m->total, 8);
}

Test(report, battery_items_share_codes)
{
	const struct report_battery *b = &sec("D1")->u.battery;
	cr_assert_eq(b->nitems, 2);
	const struct report_freq *a = &b->items[0], *u = &b->items[1];
	cr_assert_str_eq(report_item_label(&rep, u), "Übergänge in Arbeit");
	cr_assert_eq(a->ncats, 4);
	cr_assert_eq(u->ncats, 4);
	int wa[] = { 2, 3, 1, 0 }, wu[] = { 1, 1, 1, 2 };
	for (int k = 0; k < 4; k++) {
		cr_assert_eq(a->cats[k].count, wa[k]);
		cr_assert_eq(u->cats[k].count, wu[k]);
	}
	cr_assert_eq(a->n, 6);
	cr_assert_eq(u->n, 5);
	cr_assert_eq(a->sysmis, 1);
	cr_assert_eq(u->sysmis, 2);
	cr_assert_eq(report_miss_count(u, -1), 1);
	cr_assert_str_eq(PCT(report_top_count(a), a->n), "83,3 %");
	cr_assert_str_eq(PCT(report_top_count(u), u->n), "40,0 %");
}

Test(report, breakdown_column_percentages)
{
	cr_assert_eq(rep.ngroups, 3);
	cr_assert_str_eq(rep.groups[1].label, "Landkreis");
	cr_assert_eq(rep.groups[0].count, 3);
	cr_assert_eq(rep.groups[1].count, 2);
	cr_assert_eq(rep.groups[2].count, 2);
	const struct report_freq *f = &sec("B1")->u.freq;
	/* Stadt: 1, 2, 2 */
	cr_assert_eq(f->cross_n[0], 3);
	cr_assert_str_eq(PCT(f->cross[0 * f->ncats + 0], f->cross_n[0]), "33,3 %");
	cr_assert_str_eq(PCT(f->cross[0 * f->ncats + 1], f->cross_n[0]), "66,7 %");
	cr_assert_str_eq(PCT(report_top_cross(f, 0), f->cross_n[0]), "100,0 %");
	/* Landkreis: 3 and "weiß nicht"; Gemeinde: "keine Angabe" and 1 */
	cr_assert_eq(f->cross_n[1], 1);
	cr_assert_eq(f->cross[1 * f->ncats + 2], 1);
	cr_assert_str_eq(PCT(report_top_cross(f, 1), f->cross_n[1]), "0,0 %");
	cr_assert_eq(f->cross_n[2], 1);
	const struct report_multi *m = &sec("C1")->u.multi;
	cr_assert_eq(m->cross_n[0], 3);
	cr_assert_str_eq(PCT(m->cross[0 * m->nopts + 0], m->cross_n[0]), "66,7 %");
	cr_assert_eq(m->cross_n[1], 1);
	cr_assert_eq(m->cross[1 * m->nopts + 2], 1);
	cr_assert_eq(m->cross_n[2], 1);
	cr_assert_eq(m->cross[2 * m->nopts + 0], 0);
}

Test(report, numbers_summary)
{
	const struct report_number *nu = &sec("E1")->u.number;
	char buf[REPFMT_LEN];
	cr_assert_eq(nu->all.n, 6);
	cr_assert_float_eq(nu->all.min, 5, 1e-9);
	cr_assert_float_eq(nu->all.max, 100, 1e-9);
	cr_assert_float_eq(nu->all.median, 25, 1e-9);
	cr_assert_float_eq(nu->all.mean, 205.0 / 6, 1e-9);
	cr_assert_str_eq(repfmt_num(buf, nu->all.mean, 1), "34,2");
	/* 10 20 30 40 5 100: squares about the mean 6020,83; standard error
	 * sqrt(6020,83 / 5 / 6) = 14,1667; t(0,975; 5) = 2,571: 34,17 ± 36,42 */
	cr_assert_float_eq(nu->all.lo, -2.2558, 1e-3);
	cr_assert_float_eq(nu->all.hi, 70.5892, 1e-3);
	cr_assert(isnan(nu->cross[1].lo), "one value: no interval");
	cr_assert_eq(nu->miss[0].count, 1);
	cr_assert_eq(nu->sysmis, 1);
	cr_assert_eq(nu->cross[0].n, 3);
	cr_assert_float_eq(nu->cross[0].median, 20, 1e-9);
	cr_assert_eq(nu->cross[1].n, 1);
	cr_assert_float_eq(nu->cross[1].mean, 40, 1e-9);
}

/* ------------------------------------------------------------ notation */

Test(repfmt, percent_rounds_half_up_from_counts)
{
	char b[REPFMT_LEN];
	cr_assert_str_eq(repfmt_pct(b, 1, 8), "12,5 %");
	cr_assert_str_eq(repfmt_pct(b, 1, 3), "33,3 %");
	cr_assert_str_eq(repfmt_pct(b, 2, 3), "66,7 %");
	cr_assert_str_eq(repfmt_pct(b, 1, 16), "6,3 %");  /* 6,25 */
	cr_assert_str_eq(repfmt_pct(b, 1, 80), "1,3 %");  /* 1,25 */
	cr_assert_str_eq(repfmt_pct(b, 0, 5), "0,0 %");
	cr_assert_str_eq(repfmt_pct(b, 7, 7), "100,0 %");
	cr_assert_str_eq(repfmt_pct(b, 3, 0), "–");
	cr_assert_str_eq(repfmt_pctnum(b, 3, 4), "75,0");
	cr_assert_eq(repfmt_pct10(3, 4), 750);
}

Test(repfmt, german_numbers)
{
	char b[REPFMT_LEN];
	cr_assert_str_eq(repfmt_num(b, 12345.5, 1), "12.345,5");
	cr_assert_str_eq(repfmt_num(b, 1234567, 0), "1.234.567");
	cr_assert_str_eq(repfmt_num(b, 2015, 0), "2015");
	cr_assert_str_eq(repfmt_num(b, 8000, 1), "8.000,0", "grouped like 10.330,0 beside it");
	cr_assert_str_eq(repfmt_num(b, 1836.8, 1), "1.836,8");
	cr_assert_str_eq(repfmt_num(b, -3.25, 2), "-3,25");
	cr_assert_str_eq(repfmt_num(b, -0.04, 1), "0,0");
	cr_assert_str_eq(repfmt_num(b, 0.05, 2), "0,05");
	cr_assert_str_eq(repfmt_num(b, 34.1666, 1), "34,2");
	cr_assert_str_eq(repfmt_num(b, NAN, 1), "–");
	cr_assert_str_eq(repfmt_int(b, 40000), "40.000");
}

/* English notation: decimal point, comma between thousands. The labels
 * need the catalogue, the numbers only the language. */
Test(repfmt, english_numbers)
{
	char b[REPFMT_LEN];
	cr_assert_eq(i18n_init("en", "/nonexistent"), 0);
	cr_assert_str_eq(repfmt_pct(b, 1, 8), "12.5 %");
	cr_assert_str_eq(repfmt_pct(b, 7, 7), "100.0 %");
	cr_assert_str_eq(repfmt_pct(b, 3, 0), "–");
	cr_assert_str_eq(repfmt_pctnum(b, 3, 4), "75.0");
	cr_assert_str_eq(repfmt_num(b, 12345.5, 1), "12,345.5");
	cr_assert_str_eq(repfmt_num(b, 1234567, 0), "1,234,567");
	cr_assert_str_eq(repfmt_num(b, 2015, 0), "2015");
	cr_assert_str_eq(repfmt_num(b, -3.25, 2), "-3.25");
	cr_assert_str_eq(repfmt_num(b, -0.04, 1), "0.0");
	cr_assert_str_eq(repfmt_num(b, 34.1666, 1), "34.2");
	cr_assert_str_eq(repfmt_int(b, 40000), "40,000");
	cr_assert_eq(i18n_init("de", "/nonexistent"), 0);
	cr_assert_str_eq(repfmt_pct(b, 1, 8), "12,5 %");
	cr_assert_str_eq(repfmt_int(b, 40000), "40.000");
}

Test(repfmt, width_and_wrap_count_columns_not_bytes)
{
	size_t next;
	cr_assert_eq(repfmt_width("weiß nicht"), 10);
	cr_assert_eq(repfmt_width("„gut“"), 5);
	/* "Übergänge" is 9 columns in 11 bytes */
	cr_assert_eq(repfmt_wrap("Übergänge in Arbeit", 9, &next), 11);
	cr_assert_eq(next, 12);
	cr_assert_eq(repfmt_wrap("sehr gut aber teuer", 10, &next), 8);
	cr_assert_eq(next, 9);
	/* a word longer than the width is cut */
	cr_assert_eq(repfmt_wrap("Sprachkursangebote", 6, &next), 6);
	cr_assert_eq(next, 6);
	cr_assert_eq(repfmt_wrap("kurz", 10, &next), 4);
	cr_assert_eq(next, 4);
}

/* ------------------------------------------------------------ text */

/* Output of a writer into a string the caller frees. */
static char *capture_text(const struct dataset *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(reptext_write(d, f), 0);
	fclose(f);
	return buf;
}

/* The line that starts with 'start' after position 'from' in text. */
static const char *line_at(const char *text, const char *from, const char *start)
{
	const char *p = strstr(text, from);
	cr_assert_not_null(p, "no %s", from);
	for (;;) {
		p = strchr(p, '\n');
		cr_assert_not_null(p, "no line %s after %s", start, from);
		p++;
		if (strncmp(p, start, strlen(start)) == 0)
			return p;
	}
}

/* Display columns (all test characters are one column wide) from the start
 * of line 'l' to the end of the first 'needle' in it, or -1. */
static long col_after(const char *l, const char *needle)
{
	size_t ll = strcspn(l, "\n");
	const char *p = strstr(l, needle);
	if (!p || (size_t)(p - l) >= ll)
		return -1;
	return (long)utf8_count(l, (size_t)(p - l) + strlen(needle));
}

static long line_cols(const char *l)
{
	return (long)utf8_count(l, strcspn(l, "\n"));
}

Test(report, text_aligned_by_display_columns)
{
	struct dataset d;
	make_data(&d);
	char *t = capture_text(&d);
	cr_assert_not_null(strstr(t, "Häufigkeiten: Aufnahme Geflüchteter <2024>\n8 Antworten\n"));
	const char *head = line_at(t, "B1  Wie bewerten", "      ");
	long pct_end = col_after(head, "Prozent");
	cr_assert_gt(pct_end, 0);
	const char *rows[] = { "  sehr gut ", "  weiß nicht ", "  keine Angabe ",
		               "  nicht gefragt / leer ", "  Top-2: sehr gut + gut " };
	for (int i = 0; i < 5; i++) {
		const char *l = line_at(t, "B1  Wie bewerten", rows[i]);
		cr_assert_eq(col_after(l, " %"), pct_end, "row %s", rows[i]);
	}
	long valid_end = col_after(head, "gültige %");
	cr_assert_eq(line_cols(line_at(t, "B1  Wie bewerten", "  sehr gut ")), valid_end);
	cr_assert_eq(line_cols(line_at(t, "B1  Wie bewerten", "  Top-2: ")), valid_end);
	cr_assert_not_null(strstr(line_at(t, "B1  Wie", "  weiß nicht "), "12,5 %"));
	cr_assert_not_null(strstr(line_at(t, "B1  Wie", "  Top-2: "), "80,0 %"));
	/* battery: an item with umlauts ends where the header ends */
	const char *bh = line_at(t, "D1  Wie", "  Prozent der gültigen Antworten");
	const char *b1 = line_at(t, "D1  Wie", "  Unterbringung ");
	const char *b2 = line_at(t, "D1  Wie", "  Übergänge in Arbeit ");
	cr_assert_eq(line_cols(b1), line_cols(bh));
	cr_assert_eq(line_cols(b2), line_cols(bh));
	cr_assert_neq(strcspn(b2, "\n"), strcspn(b1, "\n"));
	cr_assert_not_null(strstr(b1, "83,3 %"));
	cr_assert_not_null(strstr(b2, "40,0 %"));
	/* no trailing blanks */
	cr_assert_null(strstr(t, " \n"));
	free(t);
	dataset_free(&d);
}

Test(report, text_breakdown_and_numbers)
{
	struct dataset d;
	make_data(&d);
	char *t = capture_text(&d);
	const char *h = line_at(t, "B1  Wie", "  Prozent der gültigen Antworten ");
	const char *l = line_at(h, "Prozent der gültigen", "  gut ");
	cr_assert_not_null(strstr(h, "Stadt   Landkreis   Gemeinde   Gesamt"));
	cr_assert_eq(col_after(l, "66,7 %"), col_after(h, "Stadt"));
	const char *e = line_at(t, "E1  Wie viele", "  alle ");
	cr_assert_not_null(strstr(e, " 6 "));
	cr_assert_not_null(strstr(e, "25,0"));
	cr_assert_not_null(strstr(e, "34,2"));
	/* one number of decimals in the table: minimum and maximum as the mean */
	cr_assert_not_null(strstr(e, "100,0"), "%.80s", e);
	cr_assert_not_null(strstr(e, "-2,3–70,6"), "the 95 %% interval: %.100s", e);
	/* B1 codes 1 2 2 3 1: mean 1,8, squares 2,8, se sqrt(2,8 / 4 / 5) = 0,374,
	 * t(0,975; 4) = 2,776: 0,76 to 2,84 */
	cr_assert_not_null(strstr(t, "  Mittelwert 1,8 (95-%-KI 0,8–2,8), Median 2,0 (n = 5)\n"),
	                   "%s", t);
	cr_assert_not_null(strstr(t, "fehlend – weiß nicht: 1, nicht gefragt / leer: 1"));
	free(t);
	dataset_free(&d);
}

Test(report, text_wraps_long_labels_and_drops_control_characters)
{
	struct table tb = { 0 };
	struct column *c = col(&tb, "X1", COL_NUMERIC, ROLE_SINGLE, "X1", "Frage\033[2J", NULL);
	const char *lab[] = { "1=Unterbringung in Gemeinschaftsunterkünften des Landkreises "
		              "mit Betreuung", "2=kurz\033[31m" };
	labels(&c->values, &c->nvalues, lab, 2);
	struct dataset d;
	dataset_init(&d, &tb);
	table_free(&tb);
	for (int i = 0; i < 3; i++)
		dataset_set_num(&d, dataset_add_row(&d), 0, i == 2 ? 2 : 1);
	char *t = capture_text(&d);
	cr_assert_null(strchr(t, '\033'));
	const char *l = line_at(t, "X1  Frage", "  Unterbringung in ");
	cr_assert_not_null(strstr(l, "66,7 %"), "numbers stand on the first line");
	cr_assert_leq(col_after(l, "Unterbringung"), 42);
	l = line_at(l, "Unterbringung", "  ");
	cr_assert(strncmp(l, "  Gemeinschaftsunterkünften des\n", 32) == 0);
	l = line_at(l, "Gemeinschafts", "  ");
	cr_assert(strncmp(l, "  Landkreises mit Betreuung\n", 28) == 0);
	free(t);
	dataset_free(&d);
}

/* ------------------------------------------------------------ edge cases */

Test(report, empty_data_set_and_no_breakdown)
{
	struct table tb;
	make_table(&tb);
	free(tb.breakdown);
	tb.breakdown = NULL;
	struct dataset d;
	dataset_init(&d, &tb);
	table_free(&tb);
	struct report r;
	report_build(&r, &d);
	cr_assert_eq(r.nsecs, 5);
	cr_assert_eq(r.bcol, -1);
	cr_assert_eq(r.ngroups, 0);
	const struct report_freq *f = &r.secs[1].u.freq;
	cr_assert_eq(f->ncats, 5);
	cr_assert_eq(f->total, 0);
	cr_assert_null(f->cross);
	cr_assert_eq(r.secs[4].u.number.all.n, 0);
	cr_assert(isnan(r.secs[4].u.number.all.median));
	report_free(&r);
	char *t = capture_text(&d);
	cr_assert_not_null(strstr(t, "0 Antworten"));
	cr_assert_null(strstr(t, "nach "));
	free(t);
	dataset_free(&d);
}

Test(report, unlabelled_codes_computed_values_and_split_batteries)
{
	struct table tb = { 0 };
	struct column *c = col(&tb, "S", COL_NUMERIC, ROLE_SINGLE, "S", "Frage S", NULL);
	labels(&c->values, &c->nvalues, kind_labels, 2);
	c = col(&tb, "K1", COL_NUMERIC, ROLE_COMPUTED, NULL, "Kennzahl", NULL);
	labels(&c->values, &c->nvalues, yesno, 2);
	col(&tb, "K2", COL_NUMERIC, ROLE_COMPUTED, NULL, "Quote", NULL);
	c = col(&tb, "M_1a", COL_NUMERIC, ROLE_ITEM, "M", "Matrix", "Zeile 1 – heute");
	labels(&c->values, &c->nvalues, scale4, 4);
	c = col(&tb, "M_1b", COL_NUMERIC, ROLE_ITEM, "M", "Matrix", "Zeile 1 – geplant");
	labels(&c->values, &c->nvalues, yesno, 2);
	c = col(&tb, "M_2a", COL_NUMERIC, ROLE_ITEM, "M", "Matrix", "Zeile 2 – heute");
	labels(&c->values, &c->nvalues, scale4, 4);
	struct dataset d;
	dataset_init(&d, &tb);
	table_free(&tb);
	double v[][6] = { { 1, 0, 2.5, 1, 0, 4 }, { 7, 1, 3.5, 2, 1, 4 }, { 7, 1, NA, 2, 1, 3 } };
	for (int r = 0; r < 3; r++) {
		int row = dataset_add_row(&d);
		for (int k = 0; k < 6; k++)
			dataset_set_num(&d, row, k, v[r][k]);
	}
	struct report r;
	report_build(&r, &d);
	cr_assert_eq(r.nsecs, 5);
	const struct report_freq *s = &r.secs[0].u.freq;
	cr_assert_eq(s->ncats, 3);
	cr_assert_eq(s->cats[2].code, 7);
	cr_assert_null(s->cats[2].label);
	cr_assert_eq(s->cats[2].count, 2);
	char buf[REPFMT_LEN];
	cr_assert_str_eq(report_cat_label(&s->cats[2], buf), "7");
	cr_assert_eq(r.secs[1].kind, REPORT_FREQ);
	cr_assert_str_eq(r.secs[1].question, "K1");
	cr_assert_eq(r.secs[2].kind, REPORT_NUMBER);
	cr_assert_float_eq(r.secs[2].u.number.all.mean, 3.0, 1e-9);
	/* the two rows "heute" form one battery, "geplant" another */
	cr_assert_eq(r.secs[3].kind, REPORT_BATTERY);
	cr_assert_eq(r.secs[3].u.battery.nitems, 2);
	cr_assert_str_eq(report_item_label(&r, &r.secs[3].u.battery.items[1]), "Zeile 2 – heute");
	cr_assert_eq(r.secs[4].u.battery.nitems, 1);
	cr_assert_eq(r.secs[4].u.battery.items[0].top, 0, "two codes have no top");
	report_free(&r);
	dataset_free(&d);
}

/* ------------------------------------------------------------ HTML */

static char *capture_html(const struct dataset *d, const struct htmlrep_meta *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(htmlrep_write(d, m, f), 0);
	fclose(f);
	return buf;
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

static int occurrences(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

Test(htmlrep, english_numbers_in_text_and_html)
{
	struct dataset d;
	make_data(&d);
	cr_assert_eq(i18n_init("en", "/nonexistent"), 0);
	char *t = capture_text(&d);
	cr_assert_not_null(strstr(line_at(t, "B1  Wie", "  Top-"), "80.0 %"));
	cr_assert_null(strstr(t, "80,0 %"));
	struct htmlrep_meta m = { .nfiles = 1, .nresponses = 8 };
	char *h = capture_html(&d, &m);
	cr_assert_not_null(strstr(h, "<html lang=\"en\">"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">80.0 %</td>"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">34.2</td>"));
	cr_assert_null(strstr(h, "66,7 %"));
	cr_assert_eq(i18n_init("de", "/nonexistent"), 0);
	free(h);
	free(t);
	dataset_free(&d);
}

Test(htmlrep, self_contained_escaped_with_numbers)
{
	struct dataset d;
	make_data(&d);
	const char *problems[] = { "kaputt.fbx: Prüfsumme falsch <b>" };
	struct htmlrep_meta m = { .generated = 0, .nfiles = 3, .nresponses = 8,
		                  .problems = problems, .nproblems = 1 };
	char *h = capture_html(&d, &m);
	cr_assert(strncmp(h, "<!DOCTYPE html>", 15) == 0);
	cr_assert_not(contains_ci(h, "<script"));
	cr_assert_not(contains_ci(h, "http"));
	cr_assert_not(contains_ci(h, "url("));
	cr_assert_not(contains_ci(h, "@import"));
	cr_assert_not_null(strstr(h, "@media print"));
	cr_assert_not_null(strstr(h, "<title>Aufnahme Geflüchteter &lt;2024&gt;</title>"));
	cr_assert_not_null(strstr(h, "Beratung &lt;&amp;&quot;&gt;"));
	cr_assert_null(strstr(h, "Beratung <"));
	cr_assert_not_null(strstr(h, "Prüfsumme falsch &lt;b&gt;</li>"));
	cr_assert_not_null(strstr(h, "3 Dateien gelesen, 8 Antworten übernommen."));
	cr_assert_not_null(strstr(h, "<td class=\"n\">80,0 %</td>"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">66,7 %</td>"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">83,3 %</td>"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">34,2</td>"));
	cr_assert_not_null(strstr(h, "<th>weiß nicht</th><td class=\"n\">1</td>"));
	cr_assert_not_null(strstr(h, "<td class=\"n\">-2,3–70,6</td>"), "the mean's interval");
	cr_assert_not_null(strstr(h, "Mittelwert 1,8 (95-%-KI 0,8–2,8), Median 2,0 (n = 5)</p>"));
	cr_assert_not_null(strstr(h, "nach Art der Kommune"));
	/* a chart per closed question, none for the number */
	cr_assert_eq(occurrences(h, "<svg"), 4);
	cr_assert_eq(occurrences(h, "</svg>"), 4);
	free(h);
	dataset_free(&d);
}

Test(htmlrep, battery_as_stacked_bars_with_legend)
{
	struct dataset d;
	make_data(&d);
	struct htmlrep_meta m = { .title = "Bericht", .nfiles = 1, .nresponses = 8 };
	char *h = capture_html(&d, &m);
	const char *s = strstr(h, "<section class=\"q\" id=\"s4\">");
	cr_assert_not_null(s);
	const char *svg = strstr(s, "<svg");
	cr_assert_not_null(svg);
	cr_assert_lt(svg, strstr(s, "</section>"));
	cr_assert_not_null(strstr(svg, "<title>Unterbringung – gut: 50,0 % (3 von 6)</title>"));
	cr_assert_not_null(strstr(svg, "<title>Übergänge in Arbeit – sehr schlecht: 40,0 % "
	                               "(2 von 5)</title>"));
	/* the legend names all four codes, once each */
	const char *end = strstr(svg, "</svg>");
	int legend = 0;
	for (const char *p = svg; (p = strstr(p, "class=\"leg\"")) && p < end; p++)
		legend++;
	cr_assert_eq(legend, 4);
	cr_assert_not_null(strstr(h, "<p>Keine Auffälligkeiten.</p>"));
	cr_assert_not_null(strstr(h, "<title>Bericht</title>"));
	free(h);
	dataset_free(&d);
}

/* Grey value of "#rrggbb" (Rec. 601 weights), 0..255. */
static double grey(const char *hex)
{
	unsigned r, g, b;
	cr_assert_eq(sscanf(hex, "#%2x%2x%2x", &r, &g, &b), 3);
	return 0.299 * r + 0.587 * g + 0.114 * b;
}

Test(htmlrep, segment_colours_differ_in_grey)
{
	for (int n = 2; n <= 7; n++) {
		char prev[8], cur[8];
		svgbar_colour(prev, 0, n);
		for (int k = 1; k < n; k++) {
			svgbar_colour(cur, k, n);
			cr_assert_gt(grey(cur) - grey(prev), 20, "codes %d and %d of %d", k - 1, k, n);
			memcpy(prev, cur, sizeof cur);
		}
	}
}

Test(htmlrep, the_whole_receipt_in_eingang)
{
	struct dataset d;
	make_data(&d);
	struct htmlrep_file rows[] = {
		{"a.age", "Stadt A", "AAAA-BBBB-CCCC-DDDD", "neu gemerkt", "1 doppelt, einmal gezählt",
		 6, 5, false},
		{"b.age", NULL, NULL, "–", "ÜBERSPRUNGEN: Datei lässt sich nicht lesen <x>", 0, 0, true},
	};
	const char *lines[] = {"2 Dateien, 1 übersprungen, 5 Antworten im Datensatz."};
	struct htmlrep_meta m = {.nfiles = 2, .nresponses = 5, .files = rows, .nrows = 2,
	                         .problems = lines, .nproblems = 1};
	char *h = capture_html(&d, &m);
	cr_assert_not_null(strstr(h, "<table class=\"receipt\">"));
	cr_assert_not_null(strstr(h, "<th>Datei</th><th>Absender</th><th>Fingerabdruck</th>"));
	cr_assert_not_null(strstr(h, "<tr><td>a.age</td><td>Stadt A</td><td>AAAA-BBBB-CCCC-DDDD</td>"
	                             "<td>neu gemerkt</td><td class=\"n\">6</td><td class=\"n\">5</td>"
	                             "<td>1 doppelt, einmal gezählt</td></tr>"), "%s", h);
	cr_assert_not_null(strstr(h, "<tr class=\"skip\"><td>b.age</td><td>–</td><td>–</td>"));
	cr_assert_not_null(strstr(h, "nicht lesen &lt;x&gt;"));
	cr_assert_not_null(strstr(h, "<li>2 Dateien, 1 übersprungen, 5 Antworten im Datensatz.</li>"));
	free(h);
	dataset_free(&d);
}

/* The rule of the style sheet for 'selector' (up to its "}"), or NULL. */
static char *css_rule(const char *html, const char *selector)
{
	const char *p = strstr(html, selector);
	if (!p)
		return NULL;
	const char *end = strchr(p, '}');
	cr_assert_not_null(end);
	return xstrndup(p, (size_t)(end - p + 1));
}

Test(htmlrep, style_sheet_keeps_the_fill_of_segment_labels)
{
	struct dataset d;
	make_data(&d);
	struct htmlrep_meta m = { .nfiles = 1, .nresponses = 8 };
	char *h = capture_html(&d, &m);
	/* a style rule beats a fill attribute: one for every svg text would turn
	 * the white labels on dark segments dark */
	char *all = css_rule(h, "svg text{");
	cr_assert_not_null(all);
	cr_assert_null(strstr(all, "fill"), "%s", all);
	cr_assert_not_null(strstr(h, "svg text:not([fill]){fill:#1a1a1a}"));
	free(all);
	free(h);
	dataset_free(&d);
}

Test(htmlrep, contents_in_columns_without_overlap)
{
	struct dataset d;
	make_data(&d);
	struct htmlrep_meta m = { .nfiles = 1, .nresponses = 8 };
	char *h = capture_html(&d, &m);
	char *li = css_rule(h, "nav li{");
	cr_assert_not_null(li, "no rule for the entries of the contents");
	cr_assert_not_null(strstr(li, "break-inside:avoid"), "%s", li);
	cr_assert_not_null(strstr(li, "overflow-wrap:anywhere"), "%s", li);
	cr_assert_not_null(strstr(li, "margin-left:"), "%s", li);
	char *ol = css_rule(h, "nav ol{");
	cr_assert_not_null(ol);
	cr_assert_not_null(strstr(ol, "columns:2 "), "one column where two do not fit: %s", ol);
	cr_assert_not_null(strstr(ol, "column-gap:"), "%s", ol);
	free(ol);
	free(li);
	free(h);
	dataset_free(&d);
}

Test(htmlrep, contents_names_the_scales_of_a_matrix)
{
	static const char *const done3[] = { "1=umgesetzt", "2=geplant", "3=nicht vorgesehen" };
	struct table tb = { 0 };
	const char *names[] = { "F1_1b", "F1_1u", "F1_2b", "F1_2u" };
	const char *items[] = { "Sprachkurse – Bedeutung", "Sprachkurse – umgesetzt?",
		                "Beratung – Bedeutung", "Beratung – umgesetzt?" };
	for (int i = 0; i < 4; i++) {
		struct column *c = col(&tb, names[i], COL_NUMERIC, ROLE_ITEM, "F1",
		                       "Wie wichtig sind die Maßnahmen?", items[i]);
		if (i % 2 == 0)
			labels(&c->values, &c->nvalues, scale4, 4);
		else
			labels(&c->values, &c->nvalues, done3, 3);
	}
	struct column *c = col(&tb, "G1", COL_NUMERIC, ROLE_SCALE, "G1", "Wie gut?", NULL);
	labels(&c->values, &c->nvalues, scale4, 4);
	struct dataset d;
	dataset_init(&d, &tb);
	table_free(&tb);
	for (int r = 0; r < 3; r++) {
		int row = dataset_add_row(&d);
		for (int k = 0; k < 5; k++)
			dataset_set_num(&d, row, k, 1 + (r + k) % 3);
	}
	struct htmlrep_meta m = { .nfiles = 1, .nresponses = 3 };
	char *h = capture_html(&d, &m);
	cr_assert_not_null(strstr(h, "<li><a href=\"#s1\">F1</a> Wie wichtig sind die Maßnahmen? – "
	                             "Bedeutung</li>"), "%s", strstr(h, "<nav>"));
	cr_assert_not_null(strstr(h, "<li><a href=\"#s2\">F1</a> Wie wichtig sind die Maßnahmen? – "
	                             "umgesetzt?</li>"));
	/* a question with one section keeps its entry as it was */
	cr_assert_not_null(strstr(h, "<li><a href=\"#s3\">G1</a> Wie gut?</li>"));
	free(h);
	dataset_free(&d);
}
