/*
 * codebook: writes the codebook of a form as Markdown or HTML. It walks the
 * form for questions, routing and checks, and the data dictionary (table)
 * for the variables, so that names, labels and codes are those of the
 * exports. It never writes a link to anything outside the page, and every
 * text from the form goes through markup_escape().
 */
#include "export/codebook.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export/table.h"
#include "form/explain.h"
#include "util/date.h"
#include "util/markup.h"
#include "util/xmalloc.h"

struct cb {
	struct sbuf *o;
	enum markup m;
	const struct form *f;
	struct table t;
};

static const char css[] =
	"body{font-family:\"DejaVu Sans\",Arial,sans-serif;max-width:62em;margin:2em auto;"
	"padding:0 1em;line-height:1.45;color:#111;background:#fff}\n"
	"h1{font-size:1.7em}h2{font-size:1.35em;border-bottom:2px solid #555;margin-top:2.2em}\n"
	"h3{font-size:1.1em;margin:1.6em 0 .4em}\n"
	"table{border-collapse:collapse;margin:.6em 0;width:100%}\n"
	"th,td{border:1px solid #aaa;padding:.2em .45em;text-align:left;vertical-align:top}\n"
	"th{background:#e8e8e8}\n"
	"code{font-family:\"DejaVu Sans Mono\",monospace;background:#f2f2f2;padding:0 .2em}\n"
	"ul{padding-left:1.4em}li{margin:.15em 0}.frage{font-style:italic}.hinweis{color:#444}\n"
	".q{break-inside:avoid;page-break-inside:avoid}\n"
	"@media print{body{max-width:none;margin:0;font-size:10pt}"
	"h2{break-before:page;page-break-before:always}nav{display:none}"
	"a{color:inherit;text-decoration:none}}\n";

/*
 * Writing primitives: each writes the Markdown or the HTML form of one
 * piece of structure. raw() is for the module's own markup only; every
 * text from the form goes through text().
 */
static void raw(struct cb *c, const char *s)
{
	sbuf_adds(c->o, s);
}

static void text(struct cb *c, const char *s)
{
	markup_escape(c->o, s, c->m);
}

static bool is_html(const struct cb *c)
{
	return c->m == MARKUP_HTML;
}

/* A heading „a – b“ (b may be NULL) with an anchor for the HTML contents. */
static void heading(struct cb *c, int level, const char *anchor, const char *a, const char *b)
{
	if (is_html(c)) {
		sbuf_printf(c->o, "<h%d", level);
		if (anchor)
			sbuf_printf(c->o, " id=\"%s\"", anchor);
		raw(c, ">");
	} else {
		raw(c, c->o->len > 0 ? "\n" : "");
		for (int i = 0; i < level; i++)
			raw(c, "#");
		raw(c, " ");
	}
	text(c, a);
	if (b) {
		raw(c, " – ");
		text(c, b);
	}
	if (is_html(c))
		sbuf_printf(c->o, "</h%d>\n", level);
	else
		raw(c, "\n\n");
}

/* A paragraph of text; 'cls' is its HTML class. */
static void para(struct cb *c, const char *s, const char *cls)
{
	if (is_html(c))
		sbuf_printf(c->o, "<p class=\"%s\">", cls);
	markup_escape_start(c->o, s, c->m);
	raw(c, is_html(c) ? "</p>\n" : "\n\n");
}

static void list_begin(struct cb *c)
{
	if (is_html(c))
		raw(c, "<ul>\n");
}

static void list_end(struct cb *c)
{
	raw(c, is_html(c) ? "</ul>\n" : "\n");
}

/* A list item that starts with a bold „name:“. */
static void item(struct cb *c, const char *name)
{
	raw(c, is_html(c) ? "<li>" : "- ");
	if (name) {
		raw(c, is_html(c) ? "<strong>" : "**");
		text(c, name);
		raw(c, is_html(c) ? ":</strong> " : ":** ");
	}
}

static void item_end(struct cb *c)
{
	raw(c, is_html(c) ? "</li>\n" : "\n");
}

/* A table with its head row; cell() opens each cell, row_end() closes a row. */
static void table_begin(struct cb *c, const char *const *head, int n)
{
	raw(c, is_html(c) ? "<table>\n<thead><tr>" : "| ");
	for (int i = 0; i < n; i++) {
		raw(c, is_html(c) ? "<th>" : i ? " | " : "");
		text(c, head[i]);
		raw(c, is_html(c) ? "</th>" : "");
	}
	raw(c, is_html(c) ? "</tr></thead>\n<tbody>\n" : " |\n|");
	for (int i = 0; !is_html(c) && i < n; i++)
		raw(c, "---|");
	raw(c, is_html(c) ? "" : "\n");
}

static void cell(struct cb *c, bool first)
{
	raw(c, is_html(c) ? (first ? "<tr><td>" : "</td><td>") : (first ? "| " : " | "));
}

static void row_end(struct cb *c)
{
	raw(c, is_html(c) ? "</td></tr>\n" : " |\n");
}

static void table_end(struct cb *c)
{
	raw(c, is_html(c) ? "</tbody>\n</table>\n" : "\n");
}

/* „1 = ja; 2 = nein“ (in an HTML cell one per line); „—“ when there are none. */
static void labels(struct cb *c, const struct vlabel *v, int n, bool in_cell)
{
	if (n == 0)
		raw(c, "—");
	for (int i = 0; i < n; i++) {
		if (i > 0)
			raw(c, is_html(c) && in_cell ? "<br>" : "; ");
		markup_number(c->o, v[i].code);
		raw(c, " = ");
		text(c, v[i].label);
	}
}

/* Whether two label lists are the same codes with the same labels. */
static bool same_labels(const struct vlabel *a, int na, const struct vlabel *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].code != b[i].code || strcmp(a[i].label, b[i].label) != 0)
			return false;
	return true;
}

/* What a column holds, in a word or two. */
static void col_type(struct cb *c, const struct column *col)
{
	switch (col->role) {
	case ROLE_SINGLE: raw(c, "Code"); return;
	case ROLE_SCALE: raw(c, "Code (Skala)"); return;
	case ROLE_OPTION: raw(c, "0/1"); return;
	case ROLE_ITEM: raw(c, "Code"); return;
	case ROLE_NUMBER:
		if (col->decimals > 0)
			sbuf_printf(c->o, "Zahl, %d Nachkommastellen", col->decimals);
		else
			raw(c, "ganze Zahl");
		return;
	case ROLE_TEXT: raw(c, "Text"); return;
	case ROLE_DATE: raw(c, "Datum"); return;
	case ROLE_META:
	case ROLE_COMPUTED:
		break;
	}
	raw(c, col->type == COL_STRING ? "Text" : col->type == COL_DATE ? "Datum"
	       : col->nvalues ? "Code" : "Zahl");
}

/*
 * The variables cols[0..n) as a table. When they share one list of value
 * labels and missing codes (a matrix, the options of a multiple choice),
 * the lists follow the table once instead of in every row.
 */
static void variables(struct cb *c, const struct column *const *cols, int n)
{
	int with = 0;
	const struct column *ref = NULL;
	bool shared = true;
	for (int i = 0; i < n; i++) {
		if (cols[i]->nvalues == 0 && cols[i]->nmissing == 0)
			continue;
		with++;
		if (!ref)
			ref = cols[i];
		else if (!same_labels(ref->values, ref->nvalues, cols[i]->values, cols[i]->nvalues) ||
		         !same_labels(ref->missing, ref->nmissing, cols[i]->missing,
		                      cols[i]->nmissing))
			shared = false;
	}
	shared = shared && with >= 2;
	static const char *const head[] = {"Variable", "Label", "Typ", "Werte", "Fehlwerte"};
	table_begin(c, head, shared ? 3 : 5);
	for (int i = 0; i < n; i++) {
		cell(c, true);
		markup_code(c->o, cols[i]->name, c->m);
		cell(c, false);
		text(c, cols[i]->label);
		cell(c, false);
		col_type(c, cols[i]);
		if (!shared) {
			cell(c, false);
			labels(c, cols[i]->values, cols[i]->nvalues, true);
			cell(c, false);
			labels(c, cols[i]->missing, cols[i]->nmissing, true);
		}
		row_end(c);
	}
	table_end(c);
	if (!shared)
		return;
	list_begin(c);
	item(c, "Werte (für jede dieser Variablen)");
	labels(c, ref->values, ref->nvalues, false);
	item_end(c);
	item(c, "Fehlwerte");
	labels(c, ref->missing, ref->nmissing, false);
	item_end(c);
	list_end(c);
}

/* The source of one or two conditions as code: „(Ausdruck: `…`)“. */
static void sources(struct cb *c, const struct expr *sec, const struct expr *own)
{
	raw(c, " (");
	if (sec && own) {
		text(c, "Abschnitt: ");
		markup_code(c->o, sec->src, c->m);
		text(c, "; Frage: ");
		markup_code(c->o, own->src, c->m);
	} else {
		text(c, "Ausdruck: ");
		markup_code(c->o, (sec ? sec : own)->src, c->m);
	}
	raw(c, ")");
}

/* „Gefragt: wenn …“ for a question in its section. */
static void routing(struct cb *c, const struct section *s, const struct question *q)
{
	item(c, "Gefragt");
	const struct expr *v[2] = {s->visible_if, q->visible_if};
	if (!v[0] && !v[1]) {
		text(c, "immer");
	} else {
		text(c, "wenn ");
		explain_when(c->o, c->f, v, 2, c->m);
		sources(c, v[0], v[1]);
	}
	item_end(c);
}

/* Every check of a question: its condition read aloud, message, severity. */
static void checks(struct cb *c, const struct question *q)
{
	for (int i = 0; i < q->nchecks; i++) {
		const struct check *k = &q->checks[i];
		struct sbuf name = {0};
		sbuf_printf(&name, "Prüfung %s (%s)", k->id, k->sev == SEV_ERROR ? "Fehler" : "Warnung");
		item(c, name.data);
		sbuf_free(&name);
		text(c, "gültig, wenn ");
		explain_when(c->o, c->f, (const struct expr *const[]){k->valid_if}, 1, c->m);
		sources(c, NULL, k->valid_if);
		text(c, ". Meldung: „");
		text(c, k->message);
		text(c, "“");
		item_end(c);
	}
}

/* A date bound: „TT.MM.JJJJ“ or „heute“. */
static void date_bound(struct cb *c, double d, bool today)
{
	char buf[DATE_BUF];
	if (today) {
		text(c, "heute");
		return;
	}
	date_format_de((int32_t)d, buf);
	text(c, buf);
}

/* Range of a number or date answer: „mindestens …, höchstens …“. */
static void bounds(struct cb *c, const struct question *q)
{
	bool date = q->type == Q_DATE;
	if (q->has_min) {
		text(c, date ? "frühestens " : "mindestens ");
		if (date)
			date_bound(c, q->min, q->min_today);
		else
			markup_number(c->o, q->min);
	}
	if (q->has_max) {
		text(c, q->has_min ? ", " : "");
		text(c, date ? "spätestens " : "höchstens ");
		if (date)
			date_bound(c, q->max, q->max_today);
		else
			markup_number(c->o, q->max);
	}
	if (!q->has_min && !q->has_max)
		text(c, "beliebig");
	if (q->unit) {
		text(c, " (Einheit: ");
		text(c, q->unit);
		text(c, ")");
	}
}

/* What the answer may be: ranges, lengths, patterns, picks. */
static void answer_rules(struct cb *c, const struct question *q)
{
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL || q->type == Q_DATE) {
		item(c, "Wertebereich");
		bounds(c, q);
		item_end(c);
	}
	if (q->type == Q_TEXT || q->type == Q_TEXTAREA) {
		item(c, "Länge");
		sbuf_printf(c->o, "höchstens %d Zeichen", q->maxlength);
		item_end(c);
	}
	if (q->pattern) {
		item(c, "Muster");
		markup_code(c->o, q->pattern, c->m);
		if (q->pattern_message) {
			text(c, ", Meldung: „");
			text(c, q->pattern_message);
			text(c, "“");
		}
		item_end(c);
	}
	if (q->type == Q_MULTI && (q->min_picks > 0 || q->max_picks > 0)) {
		item(c, "Anzahl der Antworten");
		if (q->min_picks > 0)
			sbuf_printf(c->o, "mindestens %d", q->min_picks);
		if (q->max_picks > 0)
			sbuf_printf(c->o, "%shöchstens %d", q->min_picks > 0 ? ", " : "", q->max_picks);
		item_end(c);
	}
	for (int i = 0; q->choices && i < q->choices->n; i++) {
		const struct choice *ch = &q->choices->v[i];
		if (!ch->exclusive)
			continue;
		item(c, "Ausschließlich");
		raw(c, "„");
		text(c, ch->label);
		raw(c, "“ hebt alle anderen Antworten auf");
		item_end(c);
	}
}

/* Pflicht, weiche Pflicht, freiwillig. */
static const char *required_name(enum required r)
{
	switch (r) {
	case REQ_HARD: return "Pflicht";
	case REQ_SOFT: return "weiche Pflicht";
	case REQ_NO: break;
	}
	return "freiwillig";
}

/* One question: text, type, routing, rules, checks, and its variables. */
static void question(struct cb *c, const struct section *s, const struct question *q)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "q-%s", q->id);
	raw(c, is_html(c) ? "<div class=\"q\">\n" : "");
	heading(c, 3, anchor.data, q->id, q->label);
	sbuf_free(&anchor);
	para(c, q->text, "frage");
	list_begin(c);
	item(c, "Typ");
	text(c, form_qtype_name(q->type));
	item_end(c);
	item(c, "Antwort");
	text(c, required_name(q->req));
	item_end(c);
	routing(c, s, q);
	if (q->help) {
		item(c, "Hilfetext");
		text(c, q->help);
		item_end(c);
	}
	answer_rules(c, q);
	checks(c, q);
	list_end(c);
	const struct column **cols = NULL;
	int n = 0;
	for (int i = 0; i < c->t.ncols; i++) {
		const struct column *col = &c->t.cols[i];
		if (col->role != ROLE_META && col->role != ROLE_COMPUTED && col->question &&
		    strcmp(col->question, q->id) == 0) {
			cols = xreallocarray(cols, (size_t)n + 1, sizeof *cols);
			cols[n++] = col;
		}
	}
	if (n > 0)
		variables(c, cols, n);
	free(cols);
	raw(c, is_html(c) ? "</div>\n" : "");
}

/* A section: its title, its routing, and its questions (notes left out). */
static void section(struct cb *c, const struct section *s)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "s-%s", s->id);
	heading(c, 2, anchor.data, s->id, s->title);
	sbuf_free(&anchor);
	if (s->visible_if) {
		list_begin(c);
		item(c, "Der ganze Abschnitt wird gefragt");
		text(c, "wenn ");
		explain_when(c->o, c->f, (const struct expr *const[]){s->visible_if}, 1, c->m);
		sources(c, NULL, s->visible_if);
		item_end(c);
		list_end(c);
	}
	int asked = 0;
	for (int i = s->first; i < s->first + s->count; i++)
		if (form_q_answerable(&c->f->questions[i])) {
			question(c, s, &c->f->questions[i]);
			asked++;
		}
	if (asked == 0)
		para(c, "Nur Hinweistexte, keine Variablen.", "hinweis");
}

/* A computed value: its formula read aloud, and its variable. */
static void computed(struct cb *c, const struct computed *cv)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "c-%s", cv->id);
	heading(c, 3, anchor.data, cv->id, cv->label);
	sbuf_free(&anchor);
	list_begin(c);
	item(c, "Berechnung");
	explain_computed(c->o, c->f, cv, c->m);
	sources(c, NULL, cv->expr);
	item_end(c);
	item(c, "Systemfehlend");
	text(c, "wenn die Berechnung keinen Wert ergibt, etwa weil eine Angabe darin fehlt");
	item_end(c);
	list_end(c);
	int i = table_find(&c->t, cv->id);
	if (i >= 0) {
		const struct column *col = &c->t.cols[i];
		variables(c, &col, 1);
	}
}

/* Title, form id, version and date. */
static void front(struct cb *c, int32_t date)
{
	char day[DATE_BUF];
	date_format_de(date, day);
	heading(c, 1, NULL, "Codebuch", c->f->title);
	list_begin(c);
	item(c, "Fragebogen");
	markup_code(c->o, c->f->id, c->m);
	text(c, ", Version ");
	text(c, c->f->version);
	text(c, ", Sprache ");
	text(c, c->f->language);
	item_end(c);
	item(c, "Stand");
	text(c, day);
	item_end(c);
	int vars = 0, asked = 0;
	for (int i = 0; i < c->t.ncols; i++)
		vars += c->t.cols[i].role != ROLE_META;
	for (int i = 0; i < c->f->nquestions; i++)
		asked += form_q_answerable(&c->f->questions[i]);
	item(c, "Umfang");
	sbuf_printf(c->o, "%d Abschnitte, %d Fragen, %d Variablen, davon %d berechnet",
	            c->f->nsections, asked, vars, c->f->ncomputed);
	item_end(c);
	list_end(c);
}

/* Contents with links inside the page (HTML only). */
static void contents(struct cb *c)
{
	if (!is_html(c))
		return;
	raw(c, "<nav>\n<h2>Inhalt</h2>\n<ul>\n<li><a href=\"#lesehinweise\">Fehlwerte und "
	       "Lesehinweise</a></li>\n<li><a href=\"#verwaltung\">Verwaltungsvariablen</a></li>\n");
	for (int s = 0; s < c->f->nsections; s++) {
		sbuf_printf(c->o, "<li><a href=\"#s-%s\">", c->f->sections[s].id);
		text(c, c->f->sections[s].id);
		raw(c, " – ");
		text(c, c->f->sections[s].title);
		raw(c, "</a></li>\n");
	}
	if (c->f->ncomputed > 0)
		raw(c, "<li><a href=\"#berechnet\">Berechnete Variablen</a></li>\n");
	raw(c, "</ul>\n</nav>\n");
}

/* How to read the data, for the start of the codebook. */
static const char *const notes[] = {
	"Fehlwerte sind Antworten: Eine Frage mit Fehlwert gilt als beantwortet. In Filtern, "
	"Prüfungen und Berechnungen hat sie keinen Wert.",
	"Systemfehlend (leer) ist eine Variable, wenn ihre Frage durch einen Filter übersprungen "
	"oder leer gelassen wurde.",
	"Mehrfachauswahl: je Antwortmöglichkeit eine Variable, 1 = genannt, 0 = nicht genannt; "
	"erhielt die Frage einen Fehlwert, steht er in jeder dieser Variablen.",
	"Ein Filter, dessen Bedingung keinen Wert hat (etwa weil eine Frage darin leer ist), "
	"blendet die Frage aus. Eine Prüfung ohne Wert gilt als erfüllt.",
	"Pflicht: muss beantwortet werden, ein Fehlwert genügt. Weiche Pflicht: bleibt sie leer, "
	"erscheint ein Hinweis, den die befragte Person bestätigen kann. Freiwillig: darf leer "
	"bleiben.",
	"Prüfungen: Ein Fehler verhindert das Weitergehen; eine Warnung kann bestätigt werden, "
	"die Bestätigung wird in der Antwort vermerkt.",
};

/* The missing codes of the form and how to read the rest. */
static void reading_notes(struct cb *c)
{
	heading(c, 2, "lesehinweise", "Fehlwerte und Lesehinweise", NULL);
	if (c->f->nmissing == 0) {
		para(c, "Der Fragebogen kennt keine Fehlwerte.", "hinweis");
	} else {
		static const char *const head[] = {"Code", "Bedeutung", "Taste"};
		table_begin(c, head, 3);
		for (int i = 0; i < c->f->nmissing; i++) {
			const struct missing *m = &c->f->missing[i];
			cell(c, true);
			markup_number(c->o, m->code);
			cell(c, false);
			text(c, m->label);
			cell(c, false);
			markup_code(c->o, (char[]){m->key, 0}, c->m);
			row_end(c);
		}
		table_end(c);
	}
	list_begin(c);
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		item(c, NULL);
		markup_escape_start(c->o, notes[i], c->m);
		item_end(c);
	}
	list_end(c);
}

/* The meta columns every export starts with. */
static void meta(struct cb *c)
{
	heading(c, 2, "verwaltung", "Verwaltungsvariablen", NULL);
	const struct column **cols = xcalloc((size_t)c->t.ncols + 1, sizeof *cols);
	int n = 0;
	for (int i = 0; i < c->t.ncols; i++)
		if (c->t.cols[i].role == ROLE_META)
			cols[n++] = &c->t.cols[i];
	variables(c, cols, n);
	free(cols);
}

/* The start of the page up to <body>, with the style sheet. */
static void html_head(struct cb *c)
{
	raw(c, "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	text(c, "Codebuch – ");
	text(c, c->f->title);
	raw(c, "</title>\n<style>\n");
	raw(c, css);
	raw(c, "</style>\n</head>\n<body>\n");
}

void codebook_build(struct sbuf *out, const struct form *f, enum codebook_format fmt,
                    int32_t date)
{
	struct cb c = {out, fmt == CODEBOOK_HTML ? MARKUP_HTML : MARKUP_MARKDOWN, f, {0}};
	table_from_form(f, &c.t);
	if (is_html(&c))
		html_head(&c);
	front(&c, date);
	contents(&c);
	reading_notes(&c);
	meta(&c);
	for (int s = 0; s < f->nsections; s++)
		section(&c, &f->sections[s]);
	if (f->ncomputed > 0) {
		heading(&c, 2, "berechnet", "Berechnete Variablen", NULL);
		para(&c, "Sie werden aus den Antworten berechnet und nie gefragt.", "hinweis");
		for (int i = 0; i < f->ncomputed; i++)
			computed(&c, &f->computed[i]);
	}
	if (is_html(&c))
		raw(&c, "</body>\n</html>\n");
	table_free(&c.t);
}
