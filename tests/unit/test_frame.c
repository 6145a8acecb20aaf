/*
 * Tests of the sample frame: the made-up frame in tests/data read whole,
 * ',' and ';', a byte order mark, header names in any case and order, and
 * each kind of bad line refused with its file, line and a German reason.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "export/frame.h"
#include "util/fio.h"

#define HEAD "AGS;Name;Land;Kreis;Typ;Einwohner;Fingerabdruck\n"
#define GOOD "01091000;Musterstadt;Schleswig-Holstein;;kreisfreie Stadt;89500;\n"

static void parse_ok(const char *text, struct frame *f)
{
	char err[300];
	cr_assert_eq(frame_parse("frame.csv", text, strlen(text), f, err, sizeof err), 0, "%s", err);
}

/* 'text' is refused with a message containing 'want'; nothing is kept. */
static void refused(const char *text, const char *want)
{
	struct frame f;
	char err[300] = "";
	cr_expect_eq(frame_parse("frame.csv", text, strlen(text), &f, err, sizeof err), -1,
	             "accepted: %s", text);
	cr_expect(strstr(err, want) != NULL, "want „%s“, got „%s“", want, err);
	cr_expect_eq(f.n, 0);
	frame_free(&f);
}

Test(frame, file_in_tests_data)
{
	struct frame f;
	char err[300];
	cr_assert_eq(frame_load(TESTDATA_DIR "/frame-fiktiv.csv", &f, err, sizeof err), 0, "%s", err);
	cr_assert_eq(f.n, 10);
	cr_expect_str_eq(f.v[0].name, "Musterstadt");
	cr_expect_str_eq(f.v[0].fingerprint, "7K3M-QX2P-9D4R-HT6W");
	const struct frame_unit *u = frame_find(&f, "03991000");
	cr_assert(u != NULL);
	cr_expect_str_eq(u->name, "Großmusterhausen");
	cr_expect_eq(u->einwohner, 251000);  /* written "251.000" */
	cr_expect_eq(u->land, 3);
	cr_expect_eq(u->type, FRAME_KREISFREI);
	cr_expect_eq(u->line, 5);
	u = frame_find(&f, "09991000");
	cr_expect_str_eq(u->fingerprint, "A1B2-C3D4-E5F6-G7H8");  /* lower case given */
	u = frame_find(&f, "14991045");
	cr_expect_str_eq(u->name, "Neustadt; am Fluss");
	cr_expect_eq(u->land, 14);  /* given as "14" */
	cr_expect_eq(u->type, FRAME_GEMEINDE);  /* "kreisangehörige Stadt" */
	cr_expect_str_eq(u->kreis, "Landkreis Sachsenmuster");
	cr_expect_null(frame_find(&f, "05315000"));
	cr_expect_null(frame_find(&f, "0109100"));
	/* GKL as DESI computes it: Landkreis 5, else by size. */
	static const int gkl[10] = {2, 5, 4, 1, 5, 3, 1, 5, 4, 2};
	for (int i = 0; i < 10; i++)
		cr_expect_eq(frame_gkl(&f.v[i]), gkl[i], "%s", f.v[i].name);
	frame_free(&f);
	cr_expect_null(f.v);
}

Test(frame, comma_bom_case_and_extra_columns)
{
	struct frame f;
	parse_ok("\xEF\xBB\xBF" "Einwohner,ags, NAME ,Land,kreis,TYP,Bemerkung\r\n"
	         "\"1.234.567\",09991000,Testheim,9,,1,x\r\n"
	         "\r\n"
	         "0,09992117,Oberbeispielbach,bayern,Landkreis Musterau,Kreisangehörige Gemeinde,\r\n",
	         &f);
	cr_assert_eq(f.n, 2);
	cr_expect_str_eq(f.v[0].ags, "09991000");
	cr_expect_eq(f.v[0].einwohner, 1234567);
	cr_expect_str_eq(f.v[0].fingerprint, "");
	cr_expect_eq(f.v[1].einwohner, 0);
	cr_expect_eq(f.v[1].land, 9);
	cr_expect_eq(f.v[1].line, 4);
	cr_expect_eq(frame_gkl(&f.v[1]), 4);
	frame_free(&f);
}

Test(frame, type_names_and_codes)
{
	struct frame f;
	parse_ok(HEAD "01091000;A;;;Stadtkreis;1;\n"
	              "01092000;B;;;Kreis;1;\n"
	              "01092001;C;;;2;1;\n"
	              "01093000;D;;;3;1;\n"
	              "01092002;E;;;kreisangehörige Stadt oder Gemeinde;1;\n",
	         &f);
	cr_assert_eq(f.n, 5);
	enum frame_type want[5] = {FRAME_KREISFREI, FRAME_LANDKREIS, FRAME_GEMEINDE,
	                           FRAME_LANDKREIS, FRAME_GEMEINDE};
	for (int i = 0; i < 5; i++)
		cr_expect_eq(f.v[i].type, want[i], "%s", f.v[i].name);
	cr_expect_eq(f.v[0].land, 1);  /* empty: from the AGS */
	frame_free(&f);
}

Test(frame, bad_ags)
{
	refused(HEAD GOOD "1091000;X;;;kreisfreie Stadt;1;\n",
	        "frame.csv:3: AGS „1091000“ hat nicht acht Ziffern (die führende Null fehlt?");
	refused(HEAD "0916200;X;;;kreisfreie Stadt;1;\n",
	        "frame.csv:2: AGS „0916200“ hat nicht acht Ziffern");
	refused(HEAD "0109100x;X;;;kreisfreie Stadt;1;\n", "frame.csv:2: AGS „0109100x“ hat nicht");
	refused(HEAD "010910001;X;;;kreisfreie Stadt;1;\n", "hat nicht acht Ziffern");
	refused(HEAD ";X;;;kreisfreie Stadt;1;\n", "AGS „“ hat nicht acht Ziffern");
	refused(HEAD "17091000;X;;;kreisfreie Stadt;1;\n",
	        "frame.csv:2: AGS „17091000“: die ersten beiden Ziffern sind kein Land");
	refused(HEAD "00091000;X;;;kreisfreie Stadt;1;\n", "kein Land (01 bis 16)");
}

Test(frame, duplicate_ags)
{
	refused(HEAD GOOD "01092000;B;;;Landkreis;1;\n" "01091000;Zweitstadt;;;kreisfreie Stadt;2;\n",
	        "frame.csv:4: AGS „01091000“ steht schon in Zeile 2");
	/* The first repeat in file order is named, not the first in AGS order. */
	refused(HEAD "09991000;A;;;1;1;\n" "01091000;B;;;1;1;\n" "09991000;C;;;1;1;\n"
	             "01091000;D;;;1;1;\n",
	        "frame.csv:4: AGS „09991000“ steht schon in Zeile 2");
}

Test(frame, header)
{
	refused("AGS;Name;Land;Kreis;Einwohner\n" GOOD, "frame.csv:1: Spalte „Typ“ fehlt");
	refused("Name;Land;Kreis;Typ;Einwohner\n", "Spalte „AGS“ fehlt");
	refused("AGS;Name;Land;Kreis;Typ;Einwohner;ags\n" GOOD,
	        "frame.csv:1: Spalte „AGS“ steht zweimal in der Kopfzeile");
	refused(HEAD, "frame.csv: keine Kommunen, nur die Kopfzeile");
	refused("", "frame.csv: die Datei ist leer");
	refused(HEAD GOOD "01092000;B;;;Landkreis;1;;zu viel\n", "frame.csv:3: 8 Felder");
}

Test(frame, bad_type)
{
	refused(HEAD "01091000;X;;;Großstadt;1;\n",
	        "frame.csv:2: Typ „Großstadt“ ist unbekannt; erlaubt sind „kreisfreie Stadt“");
	refused(HEAD "01091000;X;;;;1;\n", "Typ „“ ist unbekannt");
	refused(HEAD "01091000;X;;;kreisangehörige Gemeinde;1;\n",
	        "frame.csv:2: AGS „01091000“ endet auf „000“");
	refused(HEAD "01091001;X;;;Landkreis;1;\n",
	        "frame.csv:2: AGS „01091001“ endet nicht auf „000“, wie es beim Typ „Landkreis“");
}

Test(frame, bad_land)
{
	refused(HEAD "01091000;X;Bayern;;1;1;\n",
	        "frame.csv:2: Land „Bayern“ passt nicht zum AGS „01091000“, der zu Schleswig-Holstein "
	        "gehört");
	refused(HEAD "01091000;X;9;;1;1;\n", "Land „9“ passt nicht");
	refused(HEAD "01091000;X;Atlantis;;1;1;\n", "frame.csv:2: Land „Atlantis“ ist unbekannt");
	refused(HEAD "01091000;X;17;;1;1;\n", "Land „17“ ist unbekannt");
}

Test(frame, bad_einwohner)
{
	static const char *const bad[] = {"", "viele", "12,5", "1.23", "1234.567", "12.3456",
	                                  "12.345 678", "-5", "10000001", "99999999999999999999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[300];
		snprintf(text, sizeof text, HEAD "01091000;X;;;1;\"%s\";\n", bad[i]);
		refused(text, "Einwohner");
	}
	struct frame f;
	parse_ok(HEAD "01091000;X;;;1;10 000 000;\n", &f);
	cr_expect_eq(f.v[0].einwohner, FRAME_MAX_EINWOHNER);
	frame_free(&f);
}

Test(frame, bad_fingerprint)
{
	refused(HEAD "01091000;X;;;1;1;ABCD\n",
	        "frame.csv:2: Fingerabdruck „ABCD“ hat nicht die Form XXXX-XXXX-XXXX-XXXX");
	refused(HEAD "01091000;X;;;1;1;7K3M-QX2P-9D4R-HT6I\n", "Fingerabdruck");  /* no I */
	refused(HEAD "01091000;X;;;1;1;7K3M_QX2P-9D4R-HT6W\n", "Fingerabdruck");
}

Test(frame, bad_text)
{
	refused(HEAD "01091000;;;;1;1;\n", "frame.csv:2: der Name fehlt");
	refused(HEAD "01091000;M\xfcnster;;;1;1;\n",
	        "frame.csv:2: Spalte „Name“ ist kein gültiges UTF-8");
	refused(HEAD "01091000;\"Zeile\nZwei\";;;1;1;\n", "Spalte „Name“ enthält ein Steuerzeichen");
	refused(HEAD "01091000;=HYPERLINK(\"x\");;;1;1;\n",
	        "Spalte „Name“ beginnt mit einem Zeichen, das Tabellenprogramme als Formel lesen");
	refused(HEAD "01092001;X;;@Kreis;2;1;\n", "Spalte „Kreis“ beginnt mit");
	char text[700];
	snprintf(text, sizeof text, HEAD "01091000;%0*d;;;1;1;\n", FRAME_MAX_FIELD + 1, 0);
	refused(text, "Spalte „Name“ ist zu lang");
	refused(HEAD "01091000;\"offen;;;1;1;\n", "frame.csv: Zeile 2: ein Anführungszeichen");
}

Test(frame, read_errors)
{
	struct frame f;
	char err[300];
	cr_expect_eq(frame_load("/nonexistent/frame.csv", &f, err, sizeof err), -1);
	cr_expect(strstr(err, "/nonexistent/frame.csv: Datei lässt sich nicht lesen") != NULL, "%s",
	          err);
	frame_free(&f);
	fio_fault_set(1, EIO);
	cr_expect_eq(frame_load(TESTDATA_DIR "/frame-fiktiv.csv", &f, err, sizeof err), -1);
	fio_fault_set(0, 0);
	cr_expect(strstr(err, "lässt sich nicht lesen") != NULL, "%s", err);
	frame_free(&f);
}

Test(frame, names_and_labels)
{
	cr_expect_str_eq(frame_land_name(1), "Schleswig-Holstein");
	cr_expect_str_eq(frame_land_name(9), "Bayern");
	cr_expect_str_eq(frame_land_name(16), "Thüringen");
	cr_expect_null(frame_land_name(0));
	cr_expect_null(frame_land_name(17));
	cr_expect_str_eq(frame_gkl_label(5), "Landkreis");
	cr_expect_null(frame_gkl_label(6));
	cr_expect_str_eq(frame_type_label(FRAME_GEMEINDE), "kreisangehörige Gemeinde");
	cr_expect(frame_ags_ok("16000000"));
	cr_expect(!frame_ags_ok("1600000"));
	cr_expect(!frame_ags_ok("160000000"));
}
