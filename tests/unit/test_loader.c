/*
 * test_loader: the form loader — valid forms load, and every kind of
 * mistake is reported in German at the exact line and column.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "helpers.h"
#include "util/bech32.h"
#include "util/fio.h"

/* Line and column (1-based, characters) of the first 'needle' in 'hay'. */
static void where(const char *hay, const char *needle, int *line, int *col)
{
	const char *p = strstr(hay, needle);
	cr_assert(p, "test bug: '%s' not in input", needle);
	diag_linecol(hay, strlen(hay), (size_t)(p - hay), line, col);
}

/* The form must fail, with a message at 'needle' (+offset) containing 'text'. */
static void expect_at(const char *json, const char *needle, int offset, const char *text)
{
	char *msgs;
	struct form *f = load_str(json, &msgs);
	cr_assert_null(f, "form should not load:\n%s", json);
	int line, col;
	where(json, needle, &line, &col);
	char want[64];
	snprintf(want, sizeof want, "%d:%d: ", line, col + offset);
	int found = 0;
	for (char *l = msgs; l && *l; l = strchr(l, '\n') + 1) {
		if (strncmp(l, want, strlen(want)) == 0 && strstr(l, text) &&
		    strstr(l, text) < strchr(l, '\n'))
			found = 1;
		if (!strchr(l, '\n'))
			break;
	}
	cr_assert(found, "expected '%s%s' among:\n%s", want, text, msgs);
	free(msgs);
}

#define HEAD "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\",\n" \
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}],\n"
#define SEC(qs) "\"sections\":[{\"id\":\"S\",\"title\":\"Teil\",\"questions\":[\n" qs "]}]}"
#define CH2 "\"choices\":[{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"}]"

Test(loader, bundled_forms_load)
{
	const char *names[] = {"beispiel.json", "desi-kommunen-2016.json"};
	for (int i = 0; i < 2; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", FORMS_DIR, names[i]);
		struct form *f;
		struct diag d;
		int rc = loader_load_file(path, &f, &d);
		cr_assert_eq(rc, 0, "%s: %s", names[i], d.n ? d.v[0].text : "");
		cr_assert_gt(f->nquestions, 10);
		diag_free(&d);
		form_free(&f);
		cr_assert_null(f);
	}
}

Test(loader, model_of_a_small_form)
{
	struct form *f = load_ok(HEAD SEC(
		"{\"id\":\"A1\",\"type\":\"single\",\"text\":\"t\"," CH2 "},\n"
		"{\"id\":\"A2\",\"type\":\"multi\",\"text\":\"t\",\"choices\":[{\"code\":1,\"label\":\"a\"},"
		"{\"code\":9,\"label\":\"keine\",\"exclusive\":true},{\"code\":5,\"label\":\"Sonstiges\",\"other\":true}]},\n"
		"{\"id\":\"M\",\"type\":\"matrix\",\"text\":\"t\",\"rows\":[{\"id\":\"M_1\",\"text\":\"r\"},{\"id\":\"M_2\",\"text\":\"r\"}],"
		"\"columns\":[{\"suffix\":\"b\",\"title\":\"B\"," CH2 "},{\"suffix\":\"u\",\"title\":\"U\"," CH2 "}]},\n"
		"{\"id\":\"N\",\"type\":\"note\",\"text\":\"n\"}\n"));
	cr_assert_eq(f->nquestions, 4);
	cr_assert_eq(f->nslots, 6, "A1, A2 and four matrix cells");
	cr_assert_geq(form_var(f, "M_1b"), 0);
	cr_assert_geq(form_var(f, "M_2u"), 0);
	cr_assert_eq(f->vars[form_var(f, "A2_9")].kind, VAR_EXPORT);
	cr_assert_eq(f->vars[form_var(f, "A2_txt")].kind, VAR_EXPORT);
	cr_assert_eq(f->questions[0].nmissing, 1, "form-wide codes are offered by default");
	cr_assert_eq(form_var(f, "a1"), -1, "exact lookup is case-sensitive");
	cr_assert_eq(form_var_ci(f, "a1"), form_var(f, "A1"));
	form_free(&f);
}

Test(loader, json_syntax)
{
	expect_at("{\"id\":\"x\",\n \"title\":\"t\",}", ",}", 0, "überzähliges Komma vor „}“");
	expect_at("{\"id\":\"x\"\n \"title\":\"t\"}", "\"title", 0, "hier fehlt ein Komma");
	expect_at("{'id':1}", "'", 0, "doppelten Anführungszeichen");
	expect_at("{\"id\":\"x\",\n\"a\":[1,2", "[1,2", 4, "unerwartetes Dateiende");
	expect_at("{\"id\":tru}", "tru", 0, "ungültiger Wert");
	expect_at("{\"id\":\"x\"} x", " x", 1, "Text nach dem Ende");
	expect_at("{\"a\":\"x\\q\"}", "\\q", 0, "Escape-Folge");
	expect_at("[1,2]", "[", 0, "JSON-Objekt");
	expect_at("", "", 0, "Dateiende");
}

Test(loader, encoding_and_limits)
{
	expect_at("{\"id\":\"\xC3\x28\"}", "\xC3", 0, "kein gültiges UTF-8");
	char nul[] = "{\"id\":\"a\0b\"}";
	struct form *f;
	struct diag d;
	cr_assert_eq(loader_load_buffer("n.json", nul, sizeof nul - 1, &f, &d), -1);
	cr_assert(strstr(d.v[0].text, "NUL-Byte"));
	diag_free(&d);
	char deep[200] = "{\"a\":";
	for (int i = 0; i < 40; i++)
		strcat(deep, "[");
	expect_at(deep, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 31, "zu tief verschachtelt");
	size_t big = LOADER_MAX_BYTES + 10;
	char *huge = malloc(big + 1);
	memset(huge, ' ', big);
	huge[0] = '{', huge[big - 1] = '}', huge[big] = '\0';
	cr_assert_eq(loader_load_buffer("h.json", huge, big, &f, &d), -1);
	cr_assert(strstr(d.v[0].text, "zu groß"), "%s", d.v[0].text);
	diag_free(&d);
	free(huge);
}

Test(loader, byte_order_mark_is_accepted)
{
	struct form *f = load_ok("\xEF\xBB\xBF" HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"));
	form_free(&f);
}

Test(loader, unknown_and_duplicate_keys)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"visibel_if\":\"true\"}"),
	          "\"visibel_if", 0, "unbekannter Schlüssel „visibel_if“ in Frage „A“ – meinten Sie „visible_if“?");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"text\":\"u\"}"),
	          "\"text\":\"u", 0, "„text“ kommt in Frage „A“ doppelt vor");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"note\",\"text\":\"t\",\"required\":true}"),
	          "\"required", 0, "unbekannter Schlüssel „required“");
	expect_at("{\"id\":\"t\",\"titel\":\"T\"}", "\"titel", 0, "meinten Sie „title“?");
}

Test(loader, required_fields_and_types)
{
	expect_at("{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\"}", "{", 0,
	          "fehlt „sections“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\"}"), "{\"id\":\"A\"", 0,
	          "in Frage „A“ fehlt „text“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"slider\",\"text\":\"t\"}"), "\"slider", 0,
	          "unbekannter Fragetyp");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":5}"), "5}", 0,
	          "muss eine Zeichenkette sein");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"maxlength\":2.5}"), "2.5", 0,
	          "muss eine ganze Zahl sein");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"required\":\"ja\"}"),
	          "\"ja", 0, "true, false oder \"soft\"");
	expect_at(HEAD "\"sections\":[]}", "[]", 0, "mindestens 1");
}

Test(loader, variable_names)
{
	static const struct { const char *id, *why; } bad[] = {
		{"1A", "mit einem Buchstaben"},     {"Größe", "keine Umlaute"},
		{"A_", "nicht auf _ enden"},        {"AND", "reserviertes Wort"},
		{"with", "reserviertes Wort"},      {"str12", "reserviertes Wort"},
		{"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg", "länger als 32"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char json[600], needle[80];
		snprintf(json, sizeof json, HEAD SEC("{\"id\":\"%s\",\"type\":\"text\",\"text\":\"t\"}"),
		         bad[i].id);
		snprintf(needle, sizeof needle, "\"%s\",\"type", bad[i].id);
		expect_at(json, needle, 0, bad[i].why);
	}
}

Test(loader, names_are_unique_including_derived_ones)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"},\n{\"id\":\"A\",\"type\":\"text\",\"text\":\"u\"}"),
	          "\"A\",\"type\":\"text\",\"text\":\"u", 0, "„A“ ist schon vergeben (Zeile 4)");
	expect_at(HEAD SEC("{\"id\":\"Ab\",\"type\":\"text\",\"text\":\"t\"},\n{\"id\":\"AB\",\"type\":\"text\",\"text\":\"u\"}"),
	          "\"AB\"", 0, "nur in Groß- und Kleinschreibung");
	expect_at(HEAD SEC("{\"id\":\"D\",\"type\":\"multi\",\"text\":\"t\"," CH2 "},\n{\"id\":\"D_1\",\"type\":\"text\",\"text\":\"u\"}"),
	          "\"D_1\"", 0, "„D_1“ ist schon vergeben");
	expect_at(HEAD SEC("{\"id\":\"S\",\"type\":\"text\",\"text\":\"t\"}"), "\"S\",\"type", 0,
	          "schon vergeben");
}

Test(loader, choices)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":[{\"code\":1,\"label\":\"a\"},{\"code\":1,\"label\":\"b\"}]}"),
	          "1,\"label\":\"b", 0, "der Code 1 kommt in Frage „A“ doppelt vor");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":\"skala\"}"),
	          "\"skala", 0, "unbekannte Antwortliste „skala“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":[{\"code\":1,\"label\":\"a\",\"exclusive\":true}]}"),
	          "[{\"code\":1", 0, "nur bei Mehrfachauswahl");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"multi\",\"text\":\"t\",\"choices\":[{\"code\":-3,\"label\":\"a\"}]}"),
	          "[{\"code\":-3", 0, "nicht negativ");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":[{\"code\":-1,\"label\":\"a\"}]}"),
	          "\"choices\":[{\"code\":-1", 10, "zugleich ein Fehlwert-Code");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":[{\"code\":1,\"label\":\"a\",\"other\":true},{\"code\":2,\"label\":\"b\",\"other\":true}]}"),
	          "[{\"code\":1", 0, "nur eine Antwort darf „other“ sein");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":[{\"code\":1}]}"),
	          "{\"code\":1}", 0, "in einer Antwort fehlt „label“");
}

Test(loader, numbers_and_missing_codes)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":-5}"), "-5", 0,
	          "der Fehlwert-Code -1 liegt im erlaubten Bereich");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":9,\"max\":3}"), "9,", 0,
	          "„min“ (9) ist größer als „max“ (3)");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0,\"missing\":[-7]}"),
	          "-7", 0, "keinen Code aus der formularweiten Liste");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0,\"max\":1e16}"),
	          "1e16", 0, "zwischen");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"date\",\"text\":\"t\",\"min\":\"2016-02-30\"}"),
	          "\"2016-02-30", 0, "\"JJJJ-MM-TT\" oder \"today\"");
	struct form *f = load_ok(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"missing\":[]}"));
	cr_assert_eq(f->questions[0].nmissing, 0);
	form_free(&f);
}

Test(loader, expression_errors_name_question_and_column)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A > 3 and (1\"}"),
	          "A > 3 and (1\"", 12, "Frage „B“, visible_if, Spalte 13: „)“ erwartet");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A = 3\"}"),
	          "= 3", 0, "verwenden Sie „==“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"Q == 2\"}"),
	          "Q == 2", 0, "unbekannte Variable „Q“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"},\n{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"a == \\\"x\\\"\"}"),
	          "a == ", 0, "meinten Sie „A“? (Groß- und Kleinschreibung zählt)");
	/* escapes before the error shift the column in the file, not in the expression */
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"},\n{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A == \\\"\\\" +\"}"),
	          "+\"", 1, "Spalte 10: Wert erwartet");
}

Test(loader, expression_order_and_types)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"B > 1\"},\n"
	                   "{\"id\":\"B\",\"type\":\"integer\",\"text\":\"t\",\"min\":0}"),
	          "B > 1", 0, "„B“ wird erst später gefragt");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0,\"visible_if\":\"A > 1\"}"),
	          "A > 1", 0, "erst später");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A + \\\"x\\\" > 1\"}"),
	          "+ \\\"x", 0, "„+“ geht nicht mit Zahl und Text");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\"," CH2 "},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A == 7\"}"),
	          "7\"", 0, "„A“ hat keine Antwort mit dem Code 7");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\"," CH2 "},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"selected(A, 3)\"}"),
	          "3)", 0, "keine Antwort mit dem Code 3");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\"," CH2 "},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"missing(A, -2)\"}"),
	          "-2)", 0, "bietet den Fehlwert-Code -2 nicht an");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"multi\",\"text\":\"t\"," CH2 "},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A == 1\"}"),
	          "A == 1", 0, "ist eine Mehrfachauswahl");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"A + 1\"}"),
	          "A + 1", 0, "ergibt Zahl, erwartet wird Wahrheitswert");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"checks\":[{\"valid_if\":\"matches(A, \\\"[\\\")\",\"message\":\"m\"}]}"),
	          "\\\"[", 0, "ungültiges Muster");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"checks\":[{\"valid_if\":\"S == 1\",\"message\":\"m\"}]}"),
	          "S == 1", 0, "ist ein Abschnitt");
}

Test(loader, computed_values)
{
	expect_at(HEAD "\"computed\":[{\"id\":\"C1\",\"expr\":\"C2 + 1\"},{\"id\":\"C2\",\"expr\":\"C1 * 2\"}],\n"
	          SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"),
	          "\"C2 + 1", 0, "hängt über einen Zyklus von sich selbst ab");
	/* a computed value that needs a later question cannot steer an earlier one */
	expect_at(HEAD "\"computed\":[{\"id\":\"K\",\"expr\":\"coalesce(B, 0) * 2\"}],\n"
	          SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"K > 1\"},\n"
	              "{\"id\":\"B\",\"type\":\"integer\",\"text\":\"t\",\"min\":0}"),
	          "K > 1", 0, "„K“ hängt von Frage „B“ ab");
	expect_at(HEAD "\"computed\":[{\"id\":\"K\",\"expr\":\"\\\"x\\\"\",\"choices\":[{\"code\":1,\"label\":\"a\"}]}],\n"
	          SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"),
	          "\"\\\"x", 0, "muss eine Zahl ergeben");
	struct form *f = load_ok(HEAD "\"computed\":[{\"id\":\"K\",\"expr\":\"coalesce(A, 0) * 2\"}],\n"
	                         SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\",\"min\":0},\n"
	                             "{\"id\":\"B\",\"type\":\"text\",\"text\":\"t\",\"visible_if\":\"K > 1\"}"));
	cr_assert_eq(f->vars[form_var(f, "K")].type, VT_NUM);
	cr_assert_eq(f->computed[0].maxq, 0);
	form_free(&f);
}

Test(loader, piping)
{
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"Hallo {Z}\"}"), "Z}", 0,
	          "unbekannte Variable „Z“");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"Hallo {A}\"}"), "A}", 0,
	          "erst später");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"},\n{\"id\":\"B\",\"type\":\"text\",\"text\":\"x {A\"}"),
	          "{A\"", 0, "„{“ ohne „}“");
	struct form *f = load_ok(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t {{wörtlich}\"},\n"
	                                  "{\"id\":\"B\",\"type\":\"text\",\"text\":\"x {A|Ihre Kommune}\"}"));
	form_free(&f);
}

Test(loader, recipient)
{
	uint8_t key[32];
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)(i * 7);
	char rcp[100], json[1000];
	cr_assert_eq(bech32_encode(rcp, sizeof rcp, "age", key, 32, 0), 0);
	snprintf(json, sizeof json, "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	         "\"recipient\":\"%s\"," SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"), rcp);
	struct form *f = load_ok(json);
	cr_assert_str_eq(f->recipient, rcp);
	form_free(&f);
	rcp[10] = rcp[10] == 'q' ? 'p' : 'q';
	snprintf(json, sizeof json, "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	         "\"recipient\":\"%s\"," SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"), rcp);
	expect_at(json, "\"age1", 0, "kein gültiger age-Empfänger");
}

/* HEAD with a "contact" member 'c' (JSON) and one text question. */
#define CONTACT(c) HEAD "\"contact\":" c ",\n" SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}")

Test(loader, contact)
{
	struct form *f = load_ok(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"));
	cr_assert_null(f->contact.name, "no contact: all NULL");
	cr_assert_null(f->contact.address);
	cr_assert_null(f->contact.email);
	cr_assert_null(f->contact.phone);
	form_free(&f);
	f = load_ok(CONTACT("{\"name\":\"Team Studie\",\"address\":\"Musterweg 1\\n12345 Berlin\","
	                    "\"email\":\"studie@example.org\",\"phone\":\"030 123\"}"));
	cr_assert_str_eq(f->contact.name, "Team Studie");
	cr_assert_str_eq(f->contact.address, "Musterweg 1\n12345 Berlin");
	cr_assert_str_eq(f->contact.email, "studie@example.org");
	cr_assert_str_eq(f->contact.phone, "030 123");
	form_free(&f);
	f = load_ok(CONTACT("{\"phone\":\"030 123\"}"));
	cr_assert_null(f->contact.name, "a member not given is NULL");
	cr_assert_str_eq(f->contact.phone, "030 123");
	form_free(&f);
}

Test(loader, contact_errors)
{
	expect_at(CONTACT("{\"name\":\"n\",\"fax\":\"1\"}"), "\"fax", 0,
	          "unbekannter Schlüssel „fax“ in „contact“");
	expect_at(CONTACT("{\"name\":\"n\",\"phon\":\"1\"}"), "\"phon", 0, "meinten Sie „phone“?");
	expect_at(CONTACT("{\"email\":42}"), "42", 0, "„email“ in „contact“ muss eine Zeichenkette sein");
	expect_at(CONTACT("\"Team Studie\""), "\"Team", 0,
	          "„contact“ muss ein Objekt mit name, address, email oder phone sein");
	expect_at(CONTACT("{}"), "{}", 0, "„contact“ muss ein Objekt mit name, address, email oder phone sein");
	expect_at(CONTACT("{\"name\":\"\"}"), "\"\"}", 0, "„name“ in „contact“ darf nicht leer sein");
	char longname[400], json[1000];
	memset(longname, 'x', 301);
	longname[301] = '\0';
	snprintf(json, sizeof json, CONTACT("{\"name\":\"%s\"}"), longname);
	expect_at(json, "\"xxx", 0, "„name“ in „contact“ ist zu lang (301 Bytes, höchstens 300)");
	expect_at(CONTACT("{\"name\":\"a\\nb\"}"), "\"a\\n", 0,
	          "„name“ in „contact“ darf keine Steuerzeichen enthalten");
	expect_at(CONTACT("{\"address\":\"a\\tb\"}"), "\"a\\t", 0,
	          "„address“ in „contact“ darf außer Zeilenumbrüchen");
	expect_at(CONTACT("{\"phone\":\"1\\u001b[2J\"}"), "\"1\\u", 0, "keine Steuerzeichen");
	expect_at(CONTACT("{\"email\":\"a\\u009bb\"}"), "\"a\\u", 0, "keine Steuerzeichen");
}

Test(loader, file_errors)
{
	struct form *f;
	struct diag d;
	cr_assert_eq(loader_load_file("/nonexistent/form.json", &f, &d), -1);
	cr_assert_null(f);
	cr_assert(strstr(d.v[0].text, "lässt sich nicht öffnen"));
	diag_free(&d);
}

/* Form files are read through fio: a failed open or read is reported, never half a form. */
Test(loader, failing_reads_are_reported)
{
	const char *path = FORMS_DIR "/beispiel.json";
	struct form *f;
	struct diag d;
	int n, rc = -1;
	for (n = 1; n < 100 && rc < 0; n++) {
		fio_fault_set(n, EIO);
		rc = loader_load_file(path, &f, &d);
		fio_fault_set(0, 0);
		if (rc < 0) {
			cr_assert_null(f);
			cr_assert(d.n >= 1 && strstr(d.v[0].text, "lässt sich nicht lesen"), "call %d", n);
			diag_free(&d);
		}
	}
	cr_assert_eq(rc, 0, "the form loads once the fault is past its last read");
	cr_assert_gt(n, 2, "the open and the reads are counted");
	form_free(&f);
	diag_free(&d);

	fio_fault_set(1, EACCES);
	cr_assert_eq(loader_load_file(path, &f, &d), -1);
	fio_fault_set(0, 0);
	cr_assert(strstr(d.v[0].text, "lässt sich nicht öffnen"), "%s", d.v[0].text);
	diag_free(&d);
}

/* A file over the limit is refused with its size, as a buffer over the limit is. */
Test(loader, file_too_large)
{
	char path[] = "/tmp/test_loader_XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(ftruncate(fd, (off_t)LOADER_MAX_BYTES + 10), 0);
	close(fd);
	struct form *f;
	struct diag d;
	int rc = loader_load_file(path, &f, &d);
	unlink(path);
	cr_assert_eq(rc, -1);
	cr_assert_null(f);
	char want[80];
	snprintf(want, sizeof want, "zu groß (%zu Bytes", (size_t)LOADER_MAX_BYTES + 10);
	cr_assert(strstr(d.v[0].text, want), "%s", d.v[0].text);
	diag_free(&d);
}

Test(loader, many_errors_are_capped)
{
	struct sbuf b = {0};
	sbuf_adds(&b, HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"T\",\"questions\":[");
	for (int i = 0; i < 150; i++)
		sbuf_printf(&b, "%s{\"id\":\"9x%d\",\"type\":\"text\",\"text\":\"t\"}", i ? "," : "", i);
	sbuf_adds(&b, "]}]}");
	struct form *f;
	struct diag d;
	cr_assert_eq(loader_load_buffer("m.json", b.data, b.len, &f, &d), -1);
	cr_assert_eq(d.n, DIAG_MAX);
	cr_assert_eq(diag_count(&d), 150);
	diag_free(&d);
	sbuf_free(&b);
}
