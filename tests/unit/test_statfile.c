/*
 * Tests of the SPSS and Stata writers. The files are read back by programs
 * that share no code with ReadStat: GNU PSPP for .sav, pandas for .dta.
 * Where one of them is not installed, its checks are skipped with a note.
 * Also: names the formats refuse, a folder that does not exist, and a
 * failure at every single file operation (no partial file, old file kept).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/dataset.h"
#include "export/statfile.h"
#include "export/statname.h"
#include "util/fio.h"
#include "util/date.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

/* ---- building data sets by hand ---- */

static struct column *add_col(struct table *t, const char *name, const char *label,
                              enum col_type type, enum col_role role)
{
	t->cols = xrealloc(t->cols, ((size_t)t->ncols + 1) * sizeof *t->cols);
	struct column *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->label = xstrdup(label);
	c->type = type;
	c->role = role;
	c->var = -1;
	return c;
}

/* Labels from "code=label" pairs, ascending as the table keeps them. */
static void set_labels(struct vlabel **v, int *n, int count, const double *codes,
                       const char *const *labels)
{
	*v = xcalloc((size_t)count, sizeof **v);
	for (int i = 0; i < count; i++)
		(*v)[i] = (struct vlabel){codes[i], xstrdup(labels[i])};
	*n = count;
}

static const double miss_codes[] = {-2, -1};
static const char *const miss_labels[] = {"keine Angabe", "weiß nicht"};

static double day(int y, int m, int d)
{
	int32_t days;
	cr_assert_eq(date_from_ymd(y, m, d, &days), 0);
	return days;
}

/*
 * Seven rows: art (single 1–4, missing -1/-2), hilfe_1 (0/1 option),
 * anteil (2 decimals), datum (date, missing -1), name (text with umlauts,
 * missing codes as text, system-missing cells).
 */
static void make(struct dataset *d)
{
	struct table t = {0};
	t.form_title = xstrdup("Befragung der Kommunen – Geflüchtete");
	struct column *c = add_col(&t, "art", "Art der Gebietskörperschaft", COL_NUMERIC,
	                           ROLE_SINGLE);
	static const double ac[] = {1, 2, 3, 4};
	static const char *const al[] = {"Stadt", "Kreis", "Gemeinde", "Sonstige – Übrige"};
	set_labels(&c->values, &c->nvalues, 4, ac, al);
	set_labels(&c->missing, &c->nmissing, 2, miss_codes, miss_labels);
	c = add_col(&t, "hilfe_1", "Hilfen: Sprachkurse", COL_NUMERIC, ROLE_OPTION);
	static const double hc[] = {0, 1};
	static const char *const hl[] = {"nicht genannt", "genannt"};
	set_labels(&c->values, &c->nvalues, 2, hc, hl);
	set_labels(&c->missing, &c->nmissing, 2, miss_codes, miss_labels);
	add_col(&t, "anteil", "Anteil in %", COL_NUMERIC, ROLE_NUMBER)->decimals = 2;
	c = add_col(&t, "datum", "Stichtag", COL_DATE, ROLE_DATE);
	set_labels(&c->missing, &c->nmissing, 1, miss_codes + 1, miss_labels + 1);
	c = add_col(&t, "name", "Name der Kommune", COL_STRING, ROLE_TEXT);
	set_labels(&c->missing, &c->nmissing, 2, miss_codes, miss_labels);
	dataset_init(d, &t);
	table_free(&t);
	double art[] = {1, 2, -1, -2, 4, NAN, 3};
	double hilfe[] = {1, 0, -1, -2, 1, NAN, 0};
	double anteil[] = {12.5, 0.25, NAN, -3.75, 100, 0.001, 7};
	double datum[] = {day(2016, 11, 24), day(2016, 1, 1), -1, NAN, day(1960, 1, 1),
	                  day(1970, 1, 1), day(2000, 2, 29)};
	const char *name[] = {"Münster", "Köln; \"Süd\"", NULL, "-1", "Straße\nzwei", "Ärger", NULL};
	for (int r = 0; r < 7; r++) {
		cr_assert_eq(dataset_add_row(d), r);
		dataset_set_num(d, r, 0, art[r]);
		dataset_set_num(d, r, 1, hilfe[r]);
		dataset_set_num(d, r, 2, anteil[r]);
		dataset_set_num(d, r, 3, datum[r]);
		dataset_set_str(d, r, 4, name[r]);
	}
}

/* ---- files and programs ---- */

static char dir[64];

/* A fresh folder for each test. */
static void make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/fb_statfile_XXXXXX");
	cr_assert(mkdtemp(dir));
}

/* Names in the test folder, one per line (at most one file is expected). */
static char *listing(void)
{
	struct sbuf b = {0};
	DIR *dp = opendir(dir);
	cr_assert(dp);
	struct dirent *e;
	while ((e = readdir(dp)))
		if (e->d_name[0] != '.')
			sbuf_printf(&b, "%s\n", e->d_name);
	closedir(dp);
	return sbuf_take(&b);
}

/* Remove the test folder and all in it. */
static void remove_dir(void)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		char *p = xasprintf("%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.' || strlen(e->d_name) > 2)
			unlink(p);
		free(p);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

TestSuite(statfile, .init = make_dir, .fini = remove_dir);

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

/* Run a shell command; its standard output. */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	cr_assert(p, "%s", cmd);
	struct sbuf b = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		sbuf_add(&b, buf, n);
	pclose(p);
	return sbuf_take(&b);
}

static bool have_pspp(void)
{
	return system("command -v pspp >/dev/null 2>&1") == 0;
}

static bool have_pandas(void)
{
	return system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") == 0;
}

/* PSPP's CSV output for a syntax file run over 'sav'. */
static char *pspp(const char *sav, const char *commands)
{
	char *sps = path_of("t.sps");
	char *syntax = xasprintf("GET FILE='%s'.\n%s", sav, commands);
	write_text(sps, syntax);
	char *cmd = xasprintf("pspp -O format=csv '%s' 2>&1", sps);
	char *out = run(cmd);
	unlink(sps);
	free(cmd);
	free(syntax);
	free(sps);
	return out;
}

static void expect_line(const char *out, const char *line)
{
	char *l = xasprintf("\n%s\n", line);
	cr_expect(strstr(out, l) != NULL, "missing line: %s\nin PSPP's output:\n%s", line, out);
	free(l);
}

/* ---- SPSS, read by PSPP ---- */

Test(statfile, sav_read_back_by_pspp)
{
	struct dataset d;
	make(&d);
	char *sav = path_of("daten.sav"), err[300] = "";
	cr_assert_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), 0, "%s", err);
	char *files = listing();
	cr_expect_str_eq(files, "daten.sav\n", "only the file, no temporary one");
	free(files);
	if (!have_pspp()) {
		dataset_free(&d);
		free(sav);
		cr_skip_test("pspp ist nicht installiert: die SPSS-Datei wird nicht gegengelesen");
	}
	char *out = pspp(sav, "DISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=art hilfe_1 datum.\n"
	                      "LIST.\n");
	cr_expect(!strstr(out, "warning") && !strstr(out, "error"), "PSPP complains:\n%s", out);
	/* Dictionary: labels, formats, user-missing values. */
	expect_line(out, "art,1,Art der Gebietskörperschaft,Nominal,Input,17,Right,F8.0,F8.0,-2; -1");
	expect_line(out, "hilfe_1,2,Hilfen: Sprachkurse,Nominal,Input,13,Right,F8.0,F8.0,-2; -1");
	expect_line(out, "anteil,3,Anteil in %,Scale,Input,8,Right,F8.2,F8.2,");
	expect_line(out, "datum,4,Stichtag,Scale,Input,11,Right,DATE11,DATE11,-1");
	expect_line(out, "name,5,Name der Kommune,Nominal,Input,12,Left,A16,A16,");
	expect_line(out, "Art der Gebietskörperschaft,-2[a],keine Angabe");
	expect_line(out, ",4,Sonstige – Übrige");
	expect_line(out, "Name der Kommune,-1,weiß nicht");
	/* Counts: the codes -1 and -2 are missing, one cell is system-missing. */
	expect_line(out, "N,Valid,4,4,5");
	expect_line(out, ",Missing,3,3,2");
	expect_line(out, "Valid,Stadt,1,14.3%,25.0%,25.0%");
	expect_line(out, ",Sonstige – Übrige,1,14.3%,25.0%,100.0%");
	expect_line(out, "Valid,nicht genannt,2,28.6%,50.0%,50.0%");
	expect_line(out, "Missing,.,1,14.3%,,");
	expect_line(out, ",keine Angabe,1,14.3%,,");
	expect_line(out, ",weiß nicht,1,14.3%,,");
	/* Dates (the epoch shifted right), decimals, texts. */
	expect_line(out, "Valid,01-JAN-1960,1,14.3%,20.0%,20.0%");
	expect_line(out, ",24-NOV-2016,1,14.3%,20.0%,100.0%");
	expect_line(out, "1,1,12.50,24-NOV-2016,Münster");
	expect_line(out, "2,0,.25,01-JAN-2016,\"Köln; \"\"Süd\"\"\"");
	expect_line(out, "-2,-2,-3.75,.,-1");
	expect_line(out, "4,1,100.00,01-JAN-1960,\"Straße\nzwei\"");
	expect_line(out, "3,0,7.00,29-FEB-2000,");
	free(out);
	free(sav);
	dataset_free(&d);
}

/* Four codes are more than SPSS's three: a range, leaving out valid values. */
Test(statfile, sav_many_missing_codes)
{
	struct dataset d;
	struct table t = {0};
	struct column *c = add_col(&t, "q", "Frage", COL_NUMERIC, ROLE_SINGLE);
	static const double codes[] = {-9, -3, -2, -1};
	static const char *const labels[] = {"Filter", "verweigert", "keine Angabe", "weiß nicht"};
	set_labels(&c->missing, &c->nmissing, 4, codes, labels);
	dataset_init(&d, &t);
	table_free(&t);
	double v[] = {-9, -5, -3, 1};
	for (int r = 0; r < 4; r++)
		dataset_set_num(&d, dataset_add_row(&d), 0, v[r]);
	char *sav = path_of("m.sav"), err[300] = "";
	cr_assert_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), 0, "%s", err);
	if (have_pspp()) {
		char *out = pspp(sav, "DISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=q.\n");
		/* -5 is a valid value, so the range stops at -3 and -9 stands alone. */
		expect_line(out, "q,1,Frage,Nominal,Input,12,Right,F8.0,F8.0,-3 THRU -1; -9");
		expect_line(out, "Valid,-5,1,25.0%,50.0%,50.0%");
		expect_line(out, "Missing,Filter,1,25.0%,,");
		free(out);
	}
	/* With valid values on both sides no declaration fits: a clear error. */
	dataset_set_num(&d, 1, 0, -2.5);
	dataset_set_num(&d, 3, 0, -10);
	cr_expect_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), -1);
	cr_expect(strstr(err, "„q“ hat 4 Codes für fehlende Werte") != NULL, "%s", err);
	free(sav);
	dataset_free(&d);
}

/* ---- Stata, read by pandas ---- */

/*
 * Prints every column (extended missing values as .a …, dates as ISO
 * dates), the formats, labels and value labels (tagged codes as .a …).
 */
static const char *dump_py =
	"import sys, datetime, pandas as pd\n"
	"p = sys.argv[1]\n"
	"raw = pd.read_stata(p, convert_categoricals=False, convert_dates=False,\n"
	"                    convert_missing=True)\n"
	"def cell(c, v):\n"
	"    if isinstance(v, pd.io.stata.StataMissingValue): return str(v)\n"
	"    if c == 'datum':\n"
	"        return (datetime.date(1960, 1, 1) + datetime.timedelta(days=int(v))).isoformat()\n"
	"    return repr(v)\n"
	"for c in raw.columns:\n"
	"    print(c + ': ' + ' | '.join(cell(c, v) for v in raw[c]))\n"
	"with pd.io.stata.StataReader(p) as r:\n"
	"    print('file: ' + r.data_label)\n"
	"    print('formats: ' + ' '.join(r.fmtlist))\n"
	"    print('types: ' + ' '.join(str(t) for t in r.typlist))\n"
	"    for c, l in r.variable_labels().items(): print('label ' + c + ': ' + l)\n"
	"    vl = r.value_labels()\n"
	"    for n in sorted(vl):\n"
	"        tag = lambda k: '.' + chr(97 + k - 2147483622) if k >= 2147483622 else str(k)\n"
	"        print('values ' + n + ': ' + '; '.join(tag(k) + '=' + v\n"
	"                                             for k, v in sorted(vl[n].items())))\n"
	"cat = pd.read_stata(p)\n"
	"print('categories art: ' + ' | '.join(str(v) for v in cat['art']))\n"
	"print('categories hilfe_1: ' + ' | '.join(str(v) for v in cat['hilfe_1']))\n";

/* The dump of a .dta file by pandas. */
static char *pandas_dump(const char *dta)
{
	char *py = path_of("dump.py");
	write_text(py, dump_py);
	char *cmd = xasprintf("/usr/bin/python3 '%s' '%s' 2>&1", py, dta);
	char *out = run(cmd);
	unlink(py);
	free(cmd);
	free(py);
	return out;
}

Test(statfile, dta_read_back_by_pandas)
{
	struct dataset d;
	make(&d);
	char *dta = path_of("daten.dta"), err[300] = "";
	cr_assert_eq(statfile_write(&d, dta, STATFILE_DTA, err, sizeof err), 0, "%s", err);
	char *files = listing();
	cr_expect_str_eq(files, "daten.dta\n", "only the file, no temporary one");
	free(files);
	if (!have_pandas()) {
		dataset_free(&d);
		free(dta);
		cr_skip_test("/usr/bin/python3 mit pandas fehlt: die Stata-Datei wird nicht gegengelesen");
	}
	char *out = pandas_dump(dta);
	const char *want =
		"art: 1 | 2 | .a | .b | 4 | . | 3\n"
		"hilfe_1: 1 | 0 | .a | .b | 1 | . | 0\n"
		"anteil: 12.5 | 0.25 | . | -3.75 | 100.0 | 0.001 | 7.0\n"
		"datum: 2016-11-24 | 2016-01-01 | .a | . | 1960-01-01 | 1970-01-01 | 2000-02-29\n"
		"name: 'Münster' | 'Köln; \"Süd\"' | '' | '-1' | 'Straße\\nzwei' | 'Ärger' | ''\n"
		"file: Befragung der Kommunen – Geflüchtete\n"
		"formats: %8.0g %8.0g %9.2f %td %-11s\n"
		"types: b b d h 13\n"
		"label art: Art der Gebietskörperschaft\n"
		"label hilfe_1: Hilfen: Sprachkurse\n"
		"label anteil: Anteil in %\n"
		"label datum: Stichtag\n"
		"label name: Name der Kommune\n"
		"values art: 1=Stadt; 2=Kreis; 3=Gemeinde; 4=Sonstige – Übrige; .a=weiß nicht; "
		".b=keine Angabe\n"
		"values datum: .a=weiß nicht\n"
		"values hilfe_1: 0=nicht genannt; 1=genannt; .a=weiß nicht; .b=keine Angabe\n"
		"categories art: Stadt | Kreis | nan | nan | Sonstige – Übrige | nan | Gemeinde\n"
		"categories hilfe_1: genannt | nicht genannt | nan | nan | genannt | nan | nicht "
		"genannt\n";
	cr_expect_str_eq(out, want);
	free(out);
	free(dta);
	dataset_free(&d);
}

/* Texts over 2045 bytes become strL; long labels are cut at a character. */
Test(statfile, dta_long_text_and_labels)
{
	struct dataset d;
	make(&d);
	struct sbuf b = {0};
	for (int i = 0; i < 1500; i++)
		sbuf_adds(&b, "ä");
	dataset_set_str(&d, 6, 4, sbuf_str(&b));
	free(d.t.cols[2].label);
	d.t.cols[2].label = xasprintf("Anteil %s", sbuf_str(&b));
	sbuf_free(&b);
	char *dta = path_of("lang.dta"), err[300] = "";
	cr_assert_eq(statfile_write(&d, dta, STATFILE_DTA, err, sizeof err), 0, "%s", err);
	if (have_pandas()) {
		char *cmd = xasprintf("/usr/bin/python3 -c \"import pandas as pd\n"
		                      "r = pd.io.stata.StataReader('%s')\n"
		                      "l = r.variable_labels()['anteil']\n"
		                      "n = r.read()['name']\n"
		                      "print(len(l), l[:9], len(n[6]), set(n[6]), n[0], r.typlist[4])\" 2>&1",
		                      dta);
		char *out = run(cmd);
		cr_expect_str_eq(out, "80 Anteil ää 1500 {'ä'} Münster Q\n");
		free(out);
		free(cmd);
	}
	free(dta);
	dataset_free(&d);
}

/* One mapping for the whole file: -2 is .b even where -1 is not offered. */
Test(statfile, dta_tags_are_the_same_in_every_column)
{
	struct dataset d;
	struct table t = {0};
	struct column *c = add_col(&t, "x", "X", COL_NUMERIC, ROLE_SINGLE);
	set_labels(&c->missing, &c->nmissing, 1, miss_codes, miss_labels);
	c = add_col(&t, "y", "Y", COL_NUMERIC, ROLE_SINGLE);
	static const double codes[] = {-2, -1, 99};
	static const char *const labels[] = {"keine Angabe", "weiß nicht", "trifft nicht zu"};
	set_labels(&c->missing, &c->nmissing, 3, codes, labels);
	dataset_init(&d, &t);
	table_free(&t);
	double x[] = {-2, 5, NAN}, y[] = {-1, -2, 99};
	for (int r = 0; r < 3; r++) {
		dataset_set_num(&d, dataset_add_row(&d), 0, x[r]);
		dataset_set_num(&d, r, 1, y[r]);
	}
	char *dta = path_of("tags.dta"), err[300] = "";
	cr_assert_eq(statfile_write(&d, dta, STATFILE_DTA, err, sizeof err), 0, "%s", err);
	if (have_pandas()) {
		char *cmd = xasprintf("/usr/bin/python3 -c \"import pandas as pd\n"
		                      "d = pd.read_stata('%s', convert_missing=True,\n"
		                      "                 convert_categoricals=False)\n"
		                      "print(*(str(v) for v in list(d['x']) + list(d['y'])))\" 2>&1",
		                      dta);
		char *out = run(cmd);
		cr_expect_str_eq(out, ".b 5 . .a .b .c\n");
		free(out);
		free(cmd);
	}
	free(dta);
	dataset_free(&d);
}

/* No rows: both formats still describe every variable. */
Test(statfile, empty_dataset)
{
	struct dataset d;
	make(&d);
	bool keep[7] = {false};
	dataset_keep(&d, keep);
	char *sav = path_of("leer.sav"), *dta = path_of("leer.dta"), err[300] = "";
	cr_assert_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), 0, "%s", err);
	cr_assert_eq(statfile_write(&d, dta, STATFILE_DTA, err, sizeof err), 0, "%s", err);
	if (have_pspp()) {
		char *out = pspp(sav, "DISPLAY DICTIONARY.\n");
		cr_expect(!strstr(out, "warning") && !strstr(out, "error"), "%s", out);
		expect_line(out, "art,1,Art der Gebietskörperschaft,Nominal,Input,17,Right,F8.0,F8.0,-2; -1");
		expect_line(out, "name,5,Name der Kommune,Nominal,Input,12,Left,A8,A8,");
		free(out);
	}
	if (have_pandas()) {
		char *cmd = xasprintf("/usr/bin/python3 -c \"import pandas as pd\n"
		                      "d = pd.read_stata('%s')\n"
		                      "print(len(d), *d.columns)\" 2>&1",
		                      dta);
		char *out = run(cmd);
		cr_expect_str_eq(out, "0 art hilfe_1 anteil datum name\n");
		free(out);
		free(cmd);
	}
	free(sav);
	free(dta);
	dataset_free(&d);
}

/* ---- errors ---- */

/* A table with one column called 'name' (and 'other' if not NULL). */
static void named(struct dataset *d, const char *name, const char *other)
{
	struct table t = {0};
	add_col(&t, name, "x", COL_NUMERIC, ROLE_NUMBER);
	if (other)
		add_col(&t, other, "y", COL_NUMERIC, ROLE_NUMBER);
	dataset_init(d, &t);
	table_free(&t);
	dataset_set_num(d, dataset_add_row(d), 0, 1);
}

/* Whether writing fails for the format with a message containing 'msg'. */
static void refused(const char *name, const char *other, enum statfile_kind k, const char *msg)
{
	struct dataset d;
	named(&d, name, other);
	char *p = path_of(k == STATFILE_SAV ? "n.sav" : "n.dta"), err[400] = "";
	cr_expect_eq(statfile_write(&d, p, k, err, sizeof err), -1, "%s accepted", name);
	cr_expect(strstr(err, msg) != NULL, "%s: %s", name, err);
	cr_expect(access(p, F_OK) != 0, "a file was left behind for %s", name);
	free(p);
	dataset_free(&d);
}

/* Whether writing works for the format. */
static void accepted(const char *name, const char *other, enum statfile_kind k)
{
	struct dataset d;
	named(&d, name, other);
	char *p = path_of(k == STATFILE_SAV ? "n.sav" : "n.dta"), err[400] = "";
	cr_expect_eq(statfile_write(&d, p, k, err, sizeof err), 0, "%s: %s", name, err);
	unlink(p);
	free(p);
	dataset_free(&d);
}

Test(statfile, invalid_names)
{
	refused("Größe", NULL, STATFILE_DTA,
	        "Der Variablenname „Größe“ ist für Stata nicht zulässig: er darf nur A–Z, a–z, "
	        "Ziffern und _ enthalten (keine Umlaute).");
	accepted("Größe", NULL, STATFILE_SAV);
	refused("1a", NULL, STATFILE_DTA, "„1a“ ist für Stata nicht zulässig: er muss mit");
	refused("1a", NULL, STATFILE_SAV, "„1a“ ist für SPSS nicht zulässig: er muss mit");
	refused("a_very_long_variable_name_of_33_c", NULL, STATFILE_DTA, "länger als 32 Zeichen");
	accepted("a_very_long_variable_name_of_32_", NULL, STATFILE_DTA);
	accepted("a_very_long_variable_name_of_33_c", NULL, STATFILE_SAV);
	refused("_n", NULL, STATFILE_DTA, "reserviertes Wort");
	refused("str80", NULL, STATFILE_DTA, "reserviertes Wort");
	accepted("strasse", NULL, STATFILE_DTA);
	refused("by", NULL, STATFILE_SAV, "„by“ ist für SPSS nicht zulässig: er ist in SPSS ein "
	                                  "reserviertes Wort");
	refused("D1.", NULL, STATFILE_SAV, "Punkt");
	refused("Art", "art", STATFILE_SAV, "„Art“ und „art“ sind für SPSS gleich");
	accepted("Art", "art", STATFILE_DTA);
	refused("art", "art", STATFILE_DTA, "„art“ kommt zweimal vor");
}

Test(statfile, missing_folder)
{
	struct dataset d;
	make(&d);
	char *p = path_of("fehlt/daten.sav"), err[400] = "";
	cr_expect_eq(statfile_write(&d, p, STATFILE_SAV, err, sizeof err), -1);
	char *want = xasprintf("Die Datei „%s“ lässt sich nicht anlegen: Den Ordner gibt es nicht.",
	                       p);
	cr_expect_str_eq(err, want);
	char *files = listing();
	cr_expect_str_eq(files, "", "nothing left behind");
	free(files);
	free(want);
	free(p);
	dataset_free(&d);
}

/* A full disk at each file operation in turn: the old file stays whole. */
Test(statfile, failure_at_every_step_keeps_old_file)
{
	struct dataset d;
	make(&d);
	/* Enough rows that the data leave in several writes, not just one. */
	while (d.nrows < 8000) {
		int r = dataset_add_row(&d);
		dataset_set_num(&d, r, 2, r / 7.0);
		dataset_set_str(&d, r, 4, "Eine Kommune mit einem längeren Namen");
	}
	char *p = path_of("daten.dta"), err[400];
	for (int kind = 0; kind < 2; kind++) {
		enum statfile_kind k = kind ? STATFILE_DTA : STATFILE_SAV;
		fio_fault_set(0, 0);
		cr_assert_eq(statfile_write(&d, p, k, err, sizeof err), 0, "%s", err);
		long calls = fio_calls();
		cr_assert(calls >= 10, "only %ld file operations", calls);
		for (long n = 1; n <= calls; n++) {
			write_text(p, "alt");
			fio_fault_set(n, ENOSPC);
			err[0] = '\0';
			int rc = statfile_write(&d, p, k, err, sizeof err);
			fio_fault_set(0, 0);
			struct stat st;
			cr_assert_eq(stat(p, &st), 0);
			if (rc < 0) {
				cr_expect_eq(st.st_size, 3, "step %ld changed the old file", n);
				cr_expect(strstr(err, "Der Datenträger ist voll") != NULL, "step %ld: %s", n,
				          err);
			} else {
				/* Only syncing the folder (open, fsync) after the rename may fail unnoticed. */
				cr_expect_geq(n, calls - 1, "step %ld failed without a message", n);
				cr_expect_gt(st.st_size, 100);
			}
			char *files = listing();
			cr_expect_str_eq(files, "daten.dta\n", "step %ld left %s", n, files);
			free(files);
		}
	}
	free(p);
	dataset_free(&d);
}

/* ---- levels of measurement and time stamps ---- */

/*
 * 2016-11-24T10:00:00Z: 1970 to 2015 are 46 years with 11 leap days, so
 * 2016-01-01 is day 46 * 365 + 11 = 16801; 24 November is 328 days later,
 * day 17129; Unix time 17129 * 86400 + 10 * 3600 = 1479981600 s.
 * SPSS counts from 14.10.1582, 141428 days = 12219379200 s before 1970:
 * 13699360800. Stata %tc counts milliseconds from 01.01.1960, 3653 days =
 * 315619200 s before 1970: 1795600800000.
 */
Test(statfile, datetime_values)
{
	cr_expect_eq(statname_spss_datetime("2016-11-24T10:00:00Z"), 13699360800.0);
	cr_expect_eq(statname_stata_datetime("2016-11-24T10:00:00Z"), 1795600800000.0);
	cr_expect_eq(statname_spss_datetime("1970-01-01T00:00:00Z"), 12219379200.0);
	cr_expect_eq(statname_stata_datetime("1970-01-01T00:00:01Z"), 315619201000.0);
	const char *bad[] = {NULL, "", "2016-11-24", "2016-11-24T10:00:00+01:00", "gestern"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cr_expect(isnan(statname_spss_datetime(bad[i])), "%s", bad[i] ? bad[i] : "NULL");
		cr_expect(isnan(statname_stata_datetime(bad[i])), "%s", bad[i] ? bad[i] : "NULL");
	}
}

Test(statfile, measure_follows_the_form)
{
	static const double gc[] = {1, 2};
	static const char *const gl[] = {"Großstadt", "Mittelstadt"};
	struct table t = {0};
	add_col(&t, "id", "ID", COL_STRING, ROLE_META);
	struct column *c = add_col(&t, "status", "S", COL_NUMERIC, ROLE_META);
	set_labels(&c->values, &c->nvalues, 2, gc, gl);
	add_col(&t, "revision", "R", COL_NUMERIC, ROLE_META);
	add_col(&t, "created", "C", COL_STRING, ROLE_META);
	add_col(&t, "A2", "A2", COL_NUMERIC, ROLE_SINGLE);
	add_col(&t, "D1_1", "D1", COL_NUMERIC, ROLE_OPTION);
	add_col(&t, "B1", "B1", COL_NUMERIC, ROLE_SCALE);
	add_col(&t, "C1_1", "C1", COL_NUMERIC, ROLE_ITEM);
	add_col(&t, "A4", "A4", COL_NUMERIC, ROLE_NUMBER);
	add_col(&t, "A1", "A1", COL_STRING, ROLE_TEXT);
	add_col(&t, "T", "T", COL_DATE, ROLE_DATE);
	c = add_col(&t, "GKL", "G", COL_NUMERIC, ROLE_COMPUTED);
	set_labels(&c->values, &c->nvalues, 2, gc, gl);
	add_col(&t, "FLQ", "F", COL_NUMERIC, ROLE_COMPUTED);
	add_col(&t, "TXT", "X", COL_STRING, ROLE_COMPUTED);
	const enum statfile_measure want[] = {
		STATFILE_NOMINAL, STATFILE_NOMINAL, STATFILE_SCALE,   STATFILE_SCALE, STATFILE_NOMINAL,
		STATFILE_NOMINAL, STATFILE_ORDINAL, STATFILE_ORDINAL, STATFILE_SCALE, STATFILE_NOMINAL,
		STATFILE_SCALE,   STATFILE_ORDINAL, STATFILE_SCALE,   STATFILE_NOMINAL};
	cr_assert_eq(t.ncols, 14);
	for (int i = 0; i < t.ncols; i++)
		cr_expect_eq(statfile_measure(&t.cols[i]), want[i], "%s", t.cols[i].name);
	table_free(&t);
}

/* created/modified as datetimes, a class ordinal, a rounded value bare. */
static void make_meta(struct dataset *d)
{
	static const double gc[] = {1, 2};
	static const char *const gl[] = {"Großstadt (100 000 und mehr)", "Mittelstadt"};
	struct table t = {0};
	add_col(&t, "created", "Angelegt (UTC)", COL_STRING, ROLE_META);
	add_col(&t, "modified", "Zuletzt geändert (UTC)", COL_STRING, ROLE_META);
	add_col(&t, "received", "Datei erstellt am (UTC)", COL_STRING, ROLE_META);
	struct column *c = add_col(&t, "GKL", "Größenklasse", COL_NUMERIC, ROLE_COMPUTED);
	set_labels(&c->values, &c->nvalues, 2, gc, gl);
	add_col(&t, "FLQ", "Quote", COL_NUMERIC, ROLE_COMPUTED)->decimals = 2;
	dataset_init(d, &t);
	table_free(&t);
	const char *cr[] = {"2016-11-24T10:00:00Z", "1970-01-01T00:00:00Z", ""};
	const char *mo[] = {"2016-11-24T10:00:59Z", NULL, "2017-03-01T23:59:59Z"};
	double gkl[] = {1, 2, NAN}, flq[] = {12, 7, NAN};
	for (int r = 0; r < 3; r++) {
		cr_assert_eq(dataset_add_row(d), r);
		dataset_set_str(d, r, 0, cr[r]);
		dataset_set_str(d, r, 1, mo[r]);
		dataset_set_str(d, r, 2, cr[r]);
		dataset_set_num(d, r, 3, gkl[r]);
		dataset_set_num(d, r, 4, flq[r]);
	}
}

Test(statfile, sav_timestamps_and_levels)
{
	struct dataset d;
	make_meta(&d);
	char *sav = path_of("meta.sav"), err[300] = "";
	cr_assert_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), 0, "%s", err);
	if (have_pspp()) {
		char *out = pspp(sav, "DISPLAY DICTIONARY.\nLIST.\n");
		cr_expect(!strstr(out, "warning") && !strstr(out, "error"), "PSPP complains:\n%s", out);
		expect_line(out, "created,1,Angelegt (UTC),Scale,Input,20,Right,DATETIME20.0,"
		                 "DATETIME20.0");
		expect_line(out, "received,3,Datei erstellt am (UTC),Nominal,Input,20,Left,A20,A20");
		expect_line(out, "GKL,4,Größenklasse,Ordinal,Input,28,Right,F8.0,F8.0");
		expect_line(out, "FLQ,5,Quote,Scale,Input,8,Right,F8.0,F8.0");
		expect_line(out, "24-NOV-2016 10:00:00,24-NOV-2016 10:00:59,2016-11-24T10:00:00Z,1,12");
		expect_line(out, "01-JAN-1970 00:00:00,.,1970-01-01T00:00:00Z,2,7");
		expect_line(out, ".,01-MAR-2017 23:59:59,,.,.");
		free(out);
	}
	/* A cell that is not a time stamp keeps the column a text. */
	dataset_set_str(&d, 2, 1, "gestern");
	cr_assert_eq(statfile_write(&d, sav, STATFILE_SAV, err, sizeof err), 0, "%s", err);
	if (have_pspp()) {
		char *out = pspp(sav, "DISPLAY DICTIONARY.\n");
		expect_line(out, "modified,2,Zuletzt geändert (UTC),Nominal,Input,20,Left,A20,A20");
		free(out);
	}
	free(sav);
	dataset_free(&d);
}

Test(statfile, dta_timestamps)
{
	struct dataset d;
	make_meta(&d);
	char *dta = path_of("meta.dta"), err[300] = "";
	cr_assert_eq(statfile_write(&d, dta, STATFILE_DTA, err, sizeof err), 0, "%s", err);
	if (!have_pandas()) {
		dataset_free(&d);
		free(dta);
		cr_skip_test("/usr/bin/python3 mit pandas fehlt: die Stata-Datei wird nicht gegengelesen");
	}
	char *cmd = xasprintf("/usr/bin/python3 -c \"import pandas as pd\n"
	                      "d = pd.read_stata('%s')\n"
	                      "r = pd.io.stata.StataReader('%s')\n"
	                      "r.read()\n"
	                      "print(' '.join(r.fmtlist))\n"
	                      "print(d.dtypes['created'], d.dtypes['modified'])\n"
	                      "print(*d['created'], sep=' | ')\n"
	                      "print(*d['modified'], sep=' | ')\" 2>&1",
	                      dta, dta);
	char *out = run(cmd);
	cr_expect_str_eq(out, "%tc %tc %-20s %8.0g %8.0g\n"
	                      "datetime64[ns] datetime64[ns]\n"
	                      "2016-11-24 10:00:00 | 1970-01-01 00:00:00 | NaT\n"
	                      "2016-11-24 10:00:59 | NaT | 2017-03-01 23:59:59\n");
	free(out);
	free(cmd);
	free(dta);
	dataset_free(&d);
}
