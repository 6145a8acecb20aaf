/*
 * test_multilang: texts of a form in several languages — the loader keeps
 * those of the interface language where the form has them and those of the
 * form's own "language" otherwise; every variant is checked, and a text
 * without the form's language is an error at its line and column.
 */
#include <stdio.h>

#include "helpers.h"
#include "util/i18n.h"

/* A form in German with English beside it for every kind of text. */
static const char bilingual[] =
	"{\"id\":\"t\",\"title\":{\"de\":\"Befragung\",\"en\":\"Survey\"},\"version\":\"1\",\n"
	"\"language\":\"de\",\n"
	"\"missing\":[{\"code\":-1,\"label\":{\"de\":\"weiß nicht\",\"en\":\"don't know\"},\"key\":\"w\"}],\n"
	"\"sections\":[{\"id\":\"S\",\"title\":{\"de\":\"Teil\",\"en\":\"Part\"},\n"
	"\"intro\":{\"en\":\"Intro\",\"de\":\"Einleitung\"},\"questions\":[\n"
	"{\"id\":\"A1\",\"type\":\"integer\",\"text\":{\"de\":\"Wie viele?\",\"en\":\"How many?\"},\n"
	" \"help\":{\"de\":\"Hilfe\",\"en\":\"Help\"},\"label\":{\"de\":\"Anzahl\",\"en\":\"Number\"},\n"
	" \"unit\":{\"de\":\"Personen\",\"en\":\"people\"},\"min\":0,\n"
	" \"checks\":[{\"valid_if\":\"A1 < 100\",\"message\":{\"de\":\"Zu viele ({A1}).\",\"en\":\"Too many ({A1}).\"}}]},\n"
	"{\"id\":\"A2\",\"type\":\"single\",\"text\":\"Nur deutsch {A1|Kommune}\",\"choices\":[\n"
	" {\"code\":1,\"label\":{\"de\":\"ja\",\"en\":\"yes\"}},{\"code\":2,\"label\":{\"de\":\"nein\"}}]},\n"
	"{\"id\":\"A3\",\"type\":\"text\",\"text\":{\"de\":\"PLZ\",\"en-GB\":\"Postcode\"},\"pattern\":\"[0-9]{5}\",\n"
	" \"pattern_message\":{\"de\":\"Fünf Ziffern\",\"en\":\"Five digits\"}},\n"
	"{\"id\":\"M\",\"type\":\"matrix\",\"text\":\"m\",\"rows\":[\n"
	" {\"id\":\"M1\",\"text\":{\"de\":\"Zeile {A1}\",\"en\":\"Row {A1}\"},\"label\":{\"de\":\"Z\",\"en\":\"R\"}}],\n"
	" \"columns\":[{\"suffix\":\"a\",\"title\":{\"de\":\"Spalte\",\"en\":\"Column\"},\"choices\":[{\"code\":1,\"label\":\"x\"}]}]}\n"
	"]}],\n"
	"\"computed\":[{\"id\":\"C\",\"expr\":\"A1 * 2\",\"label\":{\"de\":\"Doppelt\",\"en\":\"Twice\"}}]}\n";

static struct form *load_in(const char *lang, const char *json)
{
	cr_assert_eq(i18n_init(lang, "/nonexistent"), 0);
	cr_assert_str_eq(i18n_lang(), lang);
	return load_ok(json);
}

Test(multilang, german_interface_takes_german_texts)
{
	struct form *f = load_in("de", bilingual);
	cr_expect_str_eq(f->title, "Befragung");
	cr_expect_str_eq(f->missing[0].label, "weiß nicht");
	cr_expect_str_eq(f->sections[0].title, "Teil");
	cr_expect_str_eq(f->sections[0].intro, "Einleitung");
	const struct question *q = &f->questions[0];
	cr_expect_str_eq(q->text, "Wie viele?");
	cr_expect_str_eq(q->help, "Hilfe");
	cr_expect_str_eq(q->label, "Anzahl");
	cr_expect_str_eq(q->unit, "Personen");
	cr_expect_str_eq(q->checks[0].message, "Zu viele ({A1}).");
	cr_expect_str_eq(f->questions[1].choices->v[0].label, "ja");
	cr_expect_str_eq(f->questions[2].text, "PLZ");
	cr_expect_str_eq(f->questions[2].pattern_message, "Fünf Ziffern");
	cr_expect_str_eq(f->questions[3].rows[0].text, "Zeile {A1}");
	cr_expect_str_eq(f->questions[3].rows[0].label, "Z");
	cr_expect_str_eq(f->questions[3].cols[0].title, "Spalte");
	cr_expect_str_eq(f->computed[0].label, "Doppelt");
	cr_expect_str_eq(f->language, "de");
	form_free(&f);
}

Test(multilang, english_interface_takes_english_texts)
{
	struct form *f = load_in("en", bilingual);
	cr_expect_str_eq(f->title, "Survey");
	cr_expect_str_eq(f->missing[0].label, "don't know");
	cr_expect_str_eq(f->sections[0].title, "Part");
	cr_expect_str_eq(f->sections[0].intro, "Intro");
	const struct question *q = &f->questions[0];
	cr_expect_str_eq(q->text, "How many?");
	cr_expect_str_eq(q->help, "Help");
	cr_expect_str_eq(q->label, "Number");
	cr_expect_str_eq(q->unit, "people");
	cr_expect_str_eq(q->checks[0].message, "Too many ({A1}).");
	cr_expect_str_eq(f->questions[1].choices->v[0].label, "yes");
	cr_expect_str_eq(f->questions[3].rows[0].text, "Row {A1}");
	cr_expect_str_eq(f->questions[3].rows[0].label, "R");
	cr_expect_str_eq(f->questions[3].cols[0].title, "Column");
	cr_expect_str_eq(f->computed[0].label, "Twice");
	cr_expect_str_eq(f->questions[2].pattern_message, "Five digits");
	/* a regional variant stands for its language */
	cr_expect_str_eq(f->questions[2].text, "Postcode");
	/* what has no English stays in the form's language */
	cr_expect_str_eq(f->questions[1].text, "Nur deutsch {A1|Kommune}");
	cr_expect_str_eq(f->questions[1].choices->v[1].label, "nein");
	form_free(&f);
}

/* An English form with German beside it: a German interface takes the German. */
Test(multilang, the_interface_language_comes_first)
{
	static const char json[] =
		"{\"id\":\"t\",\"title\":{\"en\":\"Survey\",\"DE\":\"Befragung\"},\"version\":\"1\","
		"\"language\":\"en\",\"sections\":[{\"id\":\"S\",\"title\":\"Part\",\"questions\":["
		"{\"id\":\"A\",\"type\":\"text\",\"text\":{\"en\":\"Name?\",\"fr\":\"Nom ?\"}}]}]}";
	struct form *f = load_in("de", json);
	cr_expect_str_eq(f->title, "Befragung", "language keys ignore case");
	cr_expect_str_eq(f->questions[0].text, "Name?", "no German: the form's language");
	form_free(&f);
}

/* The form must fail, with a message at 'needle' (+offset) containing 'text'. */
static void expect_at(const char *json, const char *needle, int offset, const char *text)
{
	char *msgs;
	struct form *f = load_str(json, &msgs);
	cr_assert_null(f, "form should not load:\n%s", json);
	const char *p = strstr(json, needle);
	cr_assert(p, "test bug: '%s' not in input", needle);
	int line, col;
	diag_linecol(json, strlen(json), (size_t)(p - json), &line, &col);
	char want[64];
	snprintf(want, sizeof want, "%d:%d: ", line, col + offset);
	int found = 0;
	for (char *l = msgs; *l;) {
		char *end = strchr(l, '\n');
		*end = '\0';
		if (strncmp(l, want, strlen(want)) == 0 && strstr(l, text))
			found = 1;
		l = end + 1;
	}
	cr_assert(found, "expected '%s…%s' among the messages of:\n%s", want, text, json);
	free(msgs);
}

#define HEAD "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\",\n"
#define SEC(qs) "\"sections\":[{\"id\":\"S\",\"title\":\"Teil\",\"questions\":[\n" qs "]}]}"

Test(multilang, a_text_needs_the_form_language)
{
	i18n_init("de", "/nonexistent");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\n \"text\":{\"en\":\"Name?\"}}"),
	          "{\"en\"", 0,
	          "„text“ in Frage „A“ hat keinen Text in der Sprache des Formulars („de“)");
	/* an English interface does not make a German form's German optional */
	i18n_init("en", "/nonexistent");
	expect_at(HEAD "\"missing\":[{\"code\":-1,\"label\":{\"en\":\"n/a\"},\"key\":\"k\"}],\n"
	          SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"}"),
	          "{\"en\":\"n/a", 0, "keinen Text in der Sprache des Formulars („de“)");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"single\",\"text\":\"t\",\"choices\":["
	                   "{\"code\":1,\"label\":{}}]}"),
	          "{}", 0, "„label“ in einer Antwort hat keinen Text in der Sprache");
}

Test(multilang, every_variant_is_checked)
{
	i18n_init("de", "/nonexistent");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":{\"de\":\"a\",\"english\":\"b\"}}"),
	          "\"english", 0, "„english“ in „text“ ist kein Sprachkürzel");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":{\"de\":\"a\",\"en\":5}}"),
	          "5}", 0, "der Text „en“ in „text“ muss eine Zeichenkette sein");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":{\"de\":\"a\",\"en\":\"\"}}"),
	          "\"\"}", 0, "„text“ in Frage „A“ darf nicht leer sein");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":{\"de\":\"a\",\"DE\":\"b\"}}"),
	          "\"DE", 0, "die Sprache „DE“ kommt in „text“ doppelt vor");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":[\"a\"]}"), "[\"a", 0,
	          "muss eine Zeichenkette sein oder ein Objekt mit einem Text je Sprache");
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"integer\",\"text\":\"t\","
	                   "\"unit\":{\"de\":\"x\",\"en\":\"0123456789012345678901234567890123456789x\"}}"),
	          "\"0123", 0, "„unit“ in Frage „A“ ist zu lang");
	/* piping is checked in a language nobody uses at the moment, too */
	expect_at(HEAD SEC("{\"id\":\"A\",\"type\":\"text\",\"text\":\"t\"},\n"
	                   "{\"id\":\"B\",\"type\":\"text\",\"text\":{\"de\":\"{A}\",\"en\":\"x {A9}\"}}"),
	          "{A9}", 1, "Frage „B“, text (en), Spalte 4: unbekannte Variable „A9“");
}
