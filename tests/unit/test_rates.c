/*
 * Tests of the rates against the frame: rows of a DESI data set matched by
 * AGS, each flag, RR1 and RR2 overall, by Land and by Gemeindegrößenklasse
 * checked against a hand computation, the reminder list and rates table as
 * CSV, and the Land codes of a form that orders the Länder otherwise.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export/rates.h"
#include "form/loader.h"
#include "helpers.h"

#define FP0 "7K3M-QX2P-9D4R-HT6W"  /* Musterstadt's key in the frame */

static struct form *form;
static struct frame frame;
static struct dataset data;
static int c_ags, c_land, c_type, c_key;

static void setup(void)
{
	char path[512], err[300];
	struct diag dg;
	snprintf(path, sizeof path, "%s/desi-kommunen-2016.json", FORMS_DIR);
	cr_assert_eq(loader_load_file(path, &form, &dg), 0, "%s", dg.n ? dg.v[0].text : "");
	diag_free(&dg);
	struct table t;
	table_from_form(form, &t);
	dataset_init(&data, &t);
	table_free(&t);
	struct column k = {.name = "sender_key", .label = "Fingerabdruck", .type = COL_STRING,
	                   .role = ROLE_META, .var = -1};
	c_key = dataset_add_column(&data, &k);
	c_ags = table_find(&data.t, "A5");
	c_land = table_find(&data.t, "A3");
	c_type = table_find(&data.t, "A2");
	cr_assert(c_ags >= 0 && c_land >= 0 && c_type >= 0);
	cr_assert_eq(frame_load(TESTDATA_DIR "/frame-fiktiv.csv", &frame, err, sizeof err), 0,
	             "%s", err);
}

static void teardown(void)
{
	frame_free(&frame);
	dataset_free(&data);
	form_free(&form);
}

TestSuite(rates, .init = setup, .fini = teardown);

/* A row: AGS (NULL: empty), status, A3 and A2 (NAN: not answered), key. */
static void row(const char *ags, int status, double land, double type, const char *key)
{
	int r = dataset_add_row(&data);
	dataset_set_str(&data, r, c_ags, ags);
	dataset_set_num(&data, r, TCOL_STATUS, status);
	dataset_set_num(&data, r, c_land, land);
	dataset_set_num(&data, r, c_type, type);
	dataset_set_str(&data, r, c_key, key);
}

/*
 * The frame (tests/data/frame-fiktiv.csv), unit: Land, GKL:
 *   0 Musterstadt SH 2      1 Beispielkreis SH 5    2 Neudorf am See SH 4
 *   3 Großmusterhausen NI 1 4 LK Fiktivland NI 5    5 Probsthagen NI 3
 *   6 Testheim BY 1         7 LK Musterau BY 5      8 Oberbeispielbach BY 4
 *   9 Neustadt SN 2
 * The rows:
 *   r0 unit 0 complete, all agrees                        → no flag
 *   r1 unit 1 complete, A2 = 2 but a Landkreis            → TYPE
 *   r2 unit 5 partial, A3 = 9 (Bayern) for an AGS 03…     → LAND
 *   r3 unit 8 partial  } the same AGS twice               → DUPLICATE, both;
 *   r4 unit 8 complete }                                     unit 8 complete
 *   r5 05999000, well-formed, not in the frame            → NOT_IN_FRAME
 *   r6 "1234"                                             → BAD_AGS
 *   r7 no AGS                                             → BAD_AGS
 *   r8 unit 6 (" 09991000 "), complete, A3 not answered,
 *      another key than the frame's                       → KEY
 * Hand computation, N = 10 units:
 *   complete I = units 0, 1, 6, 8 = 4; partial P = unit 5 = 1
 *   RR1 = 4/10 = 40 %, RR2 = 5/10 = 50 %
 *   SH: N 3, I 2 (0, 1)  → RR1 = RR2 = 2/3     NI: N 3, I 0, P 1 → 0, 1/3
 *   BY: N 3, I 2 (6, 8)  → RR1 = RR2 = 2/3     SN: N 1, I 0      → 0, 0
 *   GKL 1: units 3, 6 → I 1 of 2 (50 %)        GKL 2: units 0, 9 → I 1 of 2
 *   GKL 3: unit 5 → P 1 of 1 (RR1 0, RR2 100 %) GKL 4: units 2, 8 → I 1 of 2
 *   GKL 5: units 1, 4, 7 → I 1 of 3 (33,3 %)
 *   to remind: units 2, 3, 4, 7, 9 (no row); with partials also 5.
 */
static void fill(void)
{
	row("01091000", 2, 1, 1, FP0);
	row("01092000", 2, 1, 2, NULL);
	row("03992009", 1, 9, 2, NULL);
	row("09992117", 1, 9, 2, NULL);
	row("09992117", 2, 9, 2, NULL);
	row("05999000", 2, 5, 1, NULL);
	row("1234", 2, 1, 1, NULL);
	row(NULL, 1, NAN, NAN, NULL);
	row(" 09991000 ", 2, NAN, 1, "AAAA-BBBB-CCCC-DDDD");
}

static const struct rates_cols desi = {"A5", "A3", "A2", "sender_key"};

static void compute(struct rates *r)
{
	char err[300];
	cr_assert_eq(rates_compute(r, &data, &frame, &desi, err, sizeof err), 0, "%s", err);
}

static void cell_is(const struct rates_cell *c, int n, int i, int p)
{
	cr_expect_eq(c->units, n);
	cr_expect_eq(c->complete, i);
	cr_expect_eq(c->partial, p);
}

Test(rates, flags)
{
	fill();
	struct rates r;
	compute(&r);
	static const unsigned want[9] = {0, RATES_TYPE, RATES_LAND, RATES_DUPLICATE, RATES_DUPLICATE,
	                                 RATES_NOT_IN_FRAME, RATES_BAD_AGS, RATES_BAD_AGS, RATES_KEY};
	static const int unit[9] = {0, 1, 5, 8, 8, -1, -1, -1, 6};
	cr_assert_eq(r.nrows, 9);
	for (int i = 0; i < 9; i++) {
		cr_expect_eq(r.flags[i], want[i], "row %d: %u", i, r.flags[i]);
		cr_expect_eq(r.unit[i], unit[i], "row %d", i);
	}
	static const int nflag[RATES_NFLAGS] = {2, 1, 2, 1, 1, 1};
	for (int k = 0; k < RATES_NFLAGS; k++)
		cr_expect_eq(r.nflag[k], nflag[k], "flag %d", k);
	cr_expect_eq(r.nresp[8], 2);
	cr_expect_eq(r.status[8], RATES_COMPLETE);
	cr_expect_eq(r.status[5], RATES_PARTIAL);
	cr_expect_eq(r.status[2], RATES_NONE);
	for (int k = 0; k < RATES_NFLAGS; k++)
		cr_expect(strlen(rates_flag_text(1u << k)) > 10);
	rates_free(&r);
}

Test(rates, response_rates)
{
	fill();
	struct rates r;
	compute(&r);
	cell_is(&r.all, 10, 4, 1);
	cr_expect_float_eq(rates_rr1(&r.all), 0.4, 1e-12);
	cr_expect_float_eq(rates_rr2(&r.all), 0.5, 1e-12);
	cell_is(&r.land[1], 3, 2, 0);
	cell_is(&r.land[3], 3, 0, 1);
	cell_is(&r.land[9], 3, 2, 0);
	cell_is(&r.land[14], 1, 0, 0);
	cell_is(&r.land[5], 0, 0, 0);
	cr_expect_float_eq(rates_rr1(&r.land[1]), 2.0 / 3, 1e-12);
	cr_expect_float_eq(rates_rr2(&r.land[3]), 1.0 / 3, 1e-12);
	cr_expect(isnan(rates_rr1(&r.land[5])));
	cell_is(&r.gkl[1], 2, 1, 0);
	cell_is(&r.gkl[2], 2, 1, 0);
	cell_is(&r.gkl[3], 1, 0, 1);
	cell_is(&r.gkl[4], 2, 1, 0);
	cell_is(&r.gkl[5], 3, 1, 0);
	cr_expect_float_eq(rates_rr2(&r.gkl[3]), 1.0, 1e-12);
	rates_free(&r);
}

Test(rates, reminder_list)
{
	fill();
	struct rates r;
	compute(&r);
	struct sbuf b = {0};
	rates_reminders_csv(&r, &frame, false, &b);
	cr_expect_str_eq(sbuf_str(&b),
	                 "\xEF\xBB\xBF" "AGS;Name;Land;Kreis;Typ;Einwohner\r\n"
	                 "01092011;Neudorf am See;Schleswig-Holstein;Beispielkreis;"
	                 "kreisangehörige Gemeinde;2300\r\n"
	                 "03991000;Großmusterhausen;Niedersachsen;;kreisfreie Stadt;251000\r\n"
	                 "03992000;Landkreis Fiktivland;Niedersachsen;Landkreis Fiktivland;Landkreis;"
	                 "175000\r\n"
	                 "09992000;Landkreis Musterau;Bayern;Landkreis Musterau;Landkreis;98000\r\n"
	                 "14991045;\"Neustadt; am Fluss\";Sachsen;Landkreis Sachsenmuster;"
	                 "kreisangehörige Gemeinde;23800\r\n");
	/* The list is a frame again: the second wave's. */
	struct frame again;
	char err[300];
	cr_assert_eq(frame_parse("erinnern.csv", b.data, b.len, &again, err, sizeof err), 0, "%s",
	             err);
	cr_expect_eq(again.n, 5);
	cr_expect_str_eq(again.v[4].name, "Neustadt; am Fluss");
	frame_free(&again);
	sbuf_free(&b);
	rates_reminders_csv(&r, &frame, true, &b);
	cr_expect(strstr(sbuf_str(&b), "\r\n03992009;Probsthagen;") != NULL, "%s", sbuf_str(&b));
	sbuf_free(&b);
	/* Onto a stream. */
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	cr_assert(fp != NULL);
	cr_expect_eq(rates_reminders_write(&r, &frame, true, fp, err, sizeof err), 0, "%s", err);
	fclose(fp);
	cr_expect_eq(len, strlen(mem));
	cr_expect(strstr(mem, "03992009;Probsthagen;") != NULL);
	free(mem);
	rates_free(&r);
}

Test(rates, table_csv)
{
	fill();
	struct rates r;
	compute(&r);
	struct sbuf b = {0};
	rates_table_csv(&r, &b);
	cr_expect_str_eq(sbuf_str(&b),
	                 "\xEF\xBB\xBF" "Gruppe;Kommunen;vollständig;teilweise;RR1;RR2\r\n"
	                 "Gesamt;10;4;1;40,0;50,0\r\n"
	                 "Schleswig-Holstein;3;2;0;66,7;66,7\r\n"
	                 "Niedersachsen;3;0;1;0,0;33,3\r\n"
	                 "Bayern;3;2;0;66,7;66,7\r\n"
	                 "Sachsen;1;0;0;0,0;0,0\r\n"
	                 "Großstadt (100 000 und mehr Einwohner_innen);2;1;0;50,0;50,0\r\n"
	                 "Mittelstadt (20 000 bis 99 999 Einwohner_innen);2;1;0;50,0;50,0\r\n"
	                 "Kleinstadt (5 000 bis 19 999 Einwohner_innen);1;0;1;0,0;100,0\r\n"
	                 "Gemeinde unter 5 000 Einwohner_innen;2;1;0;50,0;50,0\r\n"
	                 "Landkreis;3;1;0;33,3;33,3\r\n");
	sbuf_free(&b);
	rates_free(&r);
}

Test(rates, empty_data_set)
{
	struct rates r;
	compute(&r);
	cell_is(&r.all, 10, 0, 0);
	cr_expect_float_eq(rates_rr1(&r.all), 0.0, 1e-12);
	struct sbuf b = {0};
	rates_reminders_csv(&r, &frame, false, &b);
	int lines = 0;
	for (const char *p = sbuf_str(&b); *p; p++)
		lines += *p == '\n';
	cr_expect_eq(lines, 11);
	sbuf_free(&b);
	rates_free(&r);
}

Test(rates, checks_left_out)
{
	fill();
	struct rates r;
	char err[300];
	struct rates_cols only_ags = {"A5", NULL, NULL, NULL};
	cr_assert_eq(rates_compute(&r, &data, &frame, &only_ags, err, sizeof err), 0, "%s", err);
	cr_expect_eq(r.flags[1], 0);  /* no type check */
	cr_expect_eq(r.flags[2], 0);
	cr_expect_eq(r.flags[8], 0);
	cr_expect_eq(r.flags[3], RATES_DUPLICATE);
	cell_is(&r.all, 10, 4, 1);
	rates_free(&r);
}

Test(rates, bad_columns)
{
	struct rates r;
	char err[300];
	struct rates_cols c = {"AGS", NULL, NULL, NULL};
	cr_expect_eq(rates_compute(&r, &data, &frame, &c, err, sizeof err), -1);
	cr_expect_str_eq(err, "Der Datensatz hat keine Spalte „AGS“");
	rates_free(&r);
	c = (struct rates_cols){"A5", "A1", NULL, NULL};
	cr_expect_eq(rates_compute(&r, &data, &frame, &c, err, sizeof err), -1);
	cr_expect_str_eq(err, "Spalte „A1“ muss Codes enthalten (eine Zahl je Antwort)");
	rates_free(&r);
	c = (struct rates_cols){"A5", NULL, NULL, "A4"};
	cr_expect_eq(rates_compute(&r, &data, &frame, &c, err, sizeof err), -1);
	cr_expect_str_eq(err, "Spalte „A4“ muss Text enthalten");
	rates_free(&r);
}

/* A form whose Land question has its own codes: the labels decide. */
Test(rates, land_codes_by_label)
{
	const char *json =
		"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
		"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
		"{\"id\":\"ags\",\"type\":\"text\",\"text\":\"AGS?\"},"
		"{\"id\":\"land\",\"type\":\"single\",\"text\":\"Land?\",\"choices\":["
		" {\"code\":1,\"label\":\"Bayern\"},{\"code\":2,\"label\":\"Niedersachsen\"}]}]}]}";
	struct form *f2 = load_ok(json);
	struct table t;
	table_from_form(f2, &t);
	struct dataset d;
	dataset_init(&d, &t);
	int ca = table_find(&t, "ags"), cl = table_find(&t, "land");
	const char *ags[3] = {"09991000", "03991000", "01091000"};
	const double land[3] = {1, 1, 2};  /* right, wrong, not checked */
	for (int i = 0; i < 3; i++) {
		int r = dataset_add_row(&d);
		dataset_set_str(&d, r, ca, ags[i]);
		dataset_set_num(&d, r, cl, land[i]);
		dataset_set_num(&d, r, TCOL_STATUS, 2);
	}
	struct rates r;
	char err[300];
	struct rates_cols c = {"ags", "land", NULL, NULL};
	cr_assert_eq(rates_compute(&r, &d, &frame, &c, err, sizeof err), 0, "%s", err);
	cr_expect_eq(r.flags[0], 0);
	cr_expect_eq(r.flags[1], RATES_LAND);
	cr_expect_eq(r.flags[2], 0);  /* Schleswig-Holstein has no label */
	rates_free(&r);
	dataset_free(&d);
	table_free(&t);
	form_free(&f2);
}
