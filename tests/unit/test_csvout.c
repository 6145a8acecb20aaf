/*
 * Tests of the CSV writer: both profiles byte for byte (umlauts, quotes,
 * separators and line breaks in text, decimal comma, exact decimals,
 * missing codes, system-missing cells, dates), the formula guard of the
 * Excel profile, a round trip through the project's CSV reader, and a
 * write error.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/csvout.h"
#include "export/dataset.h"
#include "util/csv.h"
#include "util/date.h"
#include "util/xmalloc.h"

/* Append a column to a hand-made table. */
static struct column *add_col(struct table *t, const char *name, enum col_type type,
                              enum col_role role)
{
	t->cols = xrealloc(t->cols, ((size_t)t->ncols + 1) * sizeof *t->cols);
	struct column *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->label = xstrdup(name);
	c->type = type;
	c->role = role;
	c->var = -1;
	return c;
}

static void add_missing(struct column *c)
{
	c->missing = xcalloc(2, sizeof *c->missing);
	c->missing[0] = (struct vlabel){-2, xstrdup("keine Angabe")};
	c->missing[1] = (struct vlabel){-1, xstrdup("weiß nicht")};
	c->nmissing = 2;
}

static double day(int y, int m, int d)
{
	int32_t days;
	cr_assert_eq(date_from_ymd(y, m, d, &days), 0);
	return days;
}

/* Six rows over the columns id, art, anteil, wert, datum, text. */
static void make(struct dataset *d)
{
	struct table t = {0};
	add_col(&t, "id", COL_STRING, ROLE_META);
	add_missing(add_col(&t, "art", COL_NUMERIC, ROLE_SINGLE));
	add_col(&t, "anteil", COL_NUMERIC, ROLE_NUMBER)->decimals = 2;
	add_col(&t, "wert", COL_NUMERIC, ROLE_COMPUTED);
	add_missing(add_col(&t, "datum", COL_DATE, ROLE_DATE));
	add_col(&t, "text", COL_STRING, ROLE_TEXT);
	dataset_init(d, &t);
	table_free(&t);
	const char *ids[] = {"a1", "a2", "a3", "a4", "a5", "a6"};
	double art[] = {1, -1, -2, NAN, 4, 2};
	double anteil[] = {12.5, NAN, -3.75, 1234567.891, 0.001, 3};
	double wert[] = {0.1, 1.0 / 3, 1e20, -0.0, 2.5e-7, -7};
	double datum[] = {day(2016, 11, 24), -1, NAN, day(1960, 1, 1), day(1970, 1, 1),
	                  day(2000, 2, 29)};
	const char *text[] = {"Münster", "Köln; \"Süd\", Ost", "Zeile 1\nZeile 2", NULL,
	                      "=SUMME(A1:A3)", "-1"};
	for (int r = 0; r < 6; r++) {
		cr_assert_eq(dataset_add_row(d), r);
		dataset_set_str(d, r, 0, ids[r]);
		dataset_set_num(d, r, 1, art[r]);
		dataset_set_num(d, r, 2, anteil[r]);
		dataset_set_num(d, r, 3, wert[r]);
		dataset_set_num(d, r, 4, datum[r]);
		dataset_set_str(d, r, 5, text[r]);
	}
}

/* The whole output of csvout_write() for d. */
static char *write_str(const struct dataset *d, enum csvout_profile p, size_t *len)
{
	char *buf = NULL, err[300] = "";
	FILE *f = open_memstream(&buf, len);
	cr_assert(f);
	cr_assert_eq(csvout_write(d, f, p, err, sizeof err), 0, "%s", err);
	fclose(f);
	return buf;
}

Test(csvout, excel_de_byte_for_byte)
{
	struct dataset d;
	make(&d);
	size_t len;
	char *out = write_str(&d, CSVOUT_EXCEL_DE, &len);
	const char *want = "\xEF\xBB\xBF"
	                   "id;art;anteil;wert;datum;text\r\n"
	                   "a1;1;12,50;0,1;24.11.2016;Münster\r\n"
	                   "a2;-1;;0,3333333333333333;-1;\"Köln; \"\"Süd\"\", Ost\"\r\n"
	                   "a3;-2;-3,75;100000000000000000000;;\"Zeile 1\nZeile 2\"\r\n"
	                   "a4;;1234567,891;0;01.01.1960;\r\n"
	                   "a5;4;0,001;0,00000025;01.01.1970;'=SUMME(A1:A3)\r\n"
	                   "a6;2;3;-7;29.02.2000;-1\r\n";
	cr_expect_eq(len, strlen(want));
	cr_expect_str_eq(out, want);
	free(out);
	dataset_free(&d);
}

Test(csvout, rfc4180_byte_for_byte)
{
	struct dataset d;
	make(&d);
	size_t len;
	char *out = write_str(&d, CSVOUT_RFC4180, &len);
	const char *want = "id,art,anteil,wert,datum,text\r\n"
	                   "a1,1,12.50,0.1,2016-11-24,Münster\r\n"
	                   "a2,-1,,0.3333333333333333,-1,\"Köln; \"\"Süd\"\", Ost\"\r\n"
	                   "a3,-2,-3.75,100000000000000000000,,\"Zeile 1\nZeile 2\"\r\n"
	                   "a4,,1234567.891,0,1960-01-01,\r\n"
	                   "a5,4,0.001,0.00000025,1970-01-01,=SUMME(A1:A3)\r\n"
	                   "a6,2,3,-7,2000-02-29,-1\r\n";
	cr_expect_eq(len, strlen(want));
	cr_expect_str_eq(out, want);
	free(out);
	dataset_free(&d);
}

/* Only Excel's profile guards formulas; plain numbers stay numbers. */
Test(csvout, formula_guard)
{
	struct dataset d;
	make(&d);
	const char *in[] = {"+49 30 1234", "-Aufzählung", "@cmd", "\tTab", "-2,5", "+", "a=b"};
	const char *want[] = {"'+49 30 1234", "'-Aufzählung", "'@cmd", "'\tTab", "-2,5", "'+", "a=b"};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		dataset_set_str(&d, 0, 5, in[i]);
		size_t len;
		char *out = write_str(&d, CSVOUT_EXCEL_DE, &len);
		char *line = strstr(out, "a1;");
		cr_assert(line);
		char expect[80];
		snprintf(expect, sizeof expect, "a1;1;12,50;0,1;24.11.2016;%s\r\n", want[i]);
		cr_expect(strncmp(line, expect, strlen(expect)) == 0, "%s: got %.60s", in[i], line);
		free(out);
		out = write_str(&d, CSVOUT_RFC4180, &len);
		cr_expect(strstr(out, in[i]) != NULL && !strstr(out, "'"), "RFC changed %s", in[i]);
		free(out);
	}
	dataset_free(&d);
}

/* Read the Excel output back with the project's reader: same cells. */
Test(csvout, round_trip_through_reader)
{
	struct dataset d;
	make(&d);
	size_t len;
	char *out = write_str(&d, CSVOUT_EXCEL_DE, &len);
	struct csv c;
	char msg[200];
	cr_assert_eq(csv_parse(out, len, &c, msg, sizeof msg), 0, "%s", msg);
	cr_assert_eq(c.sep, ';');
	cr_assert_eq(c.n, 7);
	for (int r = 0; r < c.n; r++)
		cr_assert_eq(c.rows[r].n, 6, "row %d has %d fields", r, c.rows[r].n);
	cr_expect_str_eq(c.rows[0].f[0], "id");
	for (int r = 0; r < 6; r++) {
		const char *t = dataset_str(&d, r, 5);
		const char *back = c.rows[r + 1].f[5];
		if (r == 4)
			cr_expect_str_eq(back, "'=SUMME(A1:A3)");
		else
			cr_expect_str_eq(back, t ? t : "", "row %d", r);
		/* Numbers come back exactly once the decimal comma is a point again. */
		for (int col = 2; col <= 3; col++) {
			char *num = xstrdup(c.rows[r + 1].f[col]);
			char *comma = strchr(num, ',');
			if (comma)
				*comma = '.';
			double v = dataset_num(&d, r, col);
			if (isnan(v))
				cr_expect_str_eq(num, "");
			else
				cr_expect(strtod(num, NULL) == v, "row %d col %d: %s", r, col, num);
			free(num);
		}
	}
	cr_expect_str_eq(c.rows[2].f[5], "Köln; \"Süd\", Ost");
	int32_t days;
	cr_expect_eq(date_parse_de(c.rows[1].f[4], &days), 0);
	cr_expect_eq(days, (int32_t)dataset_num(&d, 0, 4));
	csv_free(&c);
	free(out);
	dataset_free(&d);
}

Test(csvout, empty_dataset_has_header_only)
{
	struct dataset d;
	make(&d);
	bool keep[6] = {false};
	dataset_keep(&d, keep);
	size_t len;
	char *out = write_str(&d, CSVOUT_RFC4180, &len);
	cr_expect_str_eq(out, "id,art,anteil,wert,datum,text\r\n");
	free(out);
	dataset_free(&d);
}

Test(csvout, full_disk_is_reported)
{
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		cr_skip_test("/dev/full fehlt");
	struct dataset d;
	make(&d);
	char err[300] = "";
	cr_expect_eq(csvout_write(&d, f, CSVOUT_EXCEL_DE, err, sizeof err), -1);
	cr_expect(strstr(err, "Datenträger ist voll") != NULL, "%s", err);
	fclose(f);
	dataset_free(&d);
}

/* A German number locale (as the program sets it up) changes nothing. */
Test(csvout, same_output_under_german_locale)
{
	struct dataset d;
	make(&d);
	size_t len_c, len_de;
	char *in_c = write_str(&d, CSVOUT_RFC4180, &len_c);
	if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") && !setlocale(LC_NUMERIC, "de_DE.utf8")) {
		free(in_c);
		dataset_free(&d);
		cr_skip_test("keine deutsche Locale installiert");
	}
	char *in_de = write_str(&d, CSVOUT_RFC4180, &len_de);
	setlocale(LC_NUMERIC, "C");
	cr_expect_str_eq(in_de, in_c);
	free(in_c);
	free(in_de);
	dataset_free(&d);
}

/*
 * The time stamps created, modified and completed: Excel's profile gives
 * German date and time (UTC, without seconds), RFC 4180 keeps ISO 8601;
 * an empty one stays empty, and other texts (received, a hand-edited
 * value) stay as they are.
 */
Test(csvout, time_stamps)
{
	struct table t = {0};
	add_col(&t, "created", COL_STRING, ROLE_META);
	add_col(&t, "completed", COL_STRING, ROLE_META);
	add_col(&t, "received", COL_STRING, ROLE_META);
	struct dataset d;
	dataset_init(&d, &t);
	table_free(&t);
	const char *cells[2][3] = {
		{"2016-11-24T10:00:59Z", "2017-01-05T07:08:00Z", "2016-11-24T10:00:00Z"},
		{"-1", "", "gestern"}};
	for (int r = 0; r < 2; r++) {
		cr_assert_eq(dataset_add_row(&d), r);
		for (int c = 0; c < 3; c++)
			dataset_set_str(&d, r, c, cells[r][c]);
	}
	size_t len;
	char *out = write_str(&d, CSVOUT_EXCEL_DE, &len);
	cr_expect_str_eq(out, "\xEF\xBB\xBF"
	                      "created;completed;received\r\n"
	                      "24.11.2016 10:00;05.01.2017 07:08;2016-11-24T10:00:00Z\r\n"
	                      "-1;;gestern\r\n");
	free(out);
	out = write_str(&d, CSVOUT_RFC4180, &len);
	cr_expect_str_eq(out, "created,completed,received\r\n"
	                      "2016-11-24T10:00:59Z,2017-01-05T07:08:00Z,2016-11-24T10:00:00Z\r\n"
	                      "-1,,gestern\r\n");
	free(out);
	dataset_free(&d);
}
