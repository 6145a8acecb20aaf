/*
 * codebook: what the codebook of a form says. It walks the form for
 * questions, routing and checks, and the data dictionary (table) for the
 * variables, so that names, labels and codes are those of the exports;
 * cbdoc writes it as Markdown or HTML and escapes every text from the form.
 * It never writes a link to anything outside the page.
 */
#include "export/codebook.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export/cbdoc.h"
#include "export/table.h"
#include "form/explain.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/markup.h"
#include "util/xmalloc.h"

struct cb {
	struct cbdoc d;  /* where and in which markup the page is written */
	const struct form *f;
	struct table t;
};

/* A day as the interface language writes it: 01.12.2016, 2016-12-01. */
static void day_text(int32_t days, char buf[DATE_BUF])
{
	if (strcmp(i18n_lang(), "en") == 0)
		date_format_iso(days, buf);
	else
		date_format_de(days, buf);
}

/* What a column holds, in a word or two. */
static void col_type(struct cb *c, const struct column *col)
{
	/* TRANSLATORS: kinds of variables in the codebook's "Typ" column. */
	const char *code = _("Code");
	/* TRANSLATORS: kind of variable: text. */
	const char *txt = _("Text");
	/* TRANSLATORS: kind of variable: a date. */
	const char *date = _("Datum");
	switch (col->role) {
	case ROLE_SINGLE: cbdoc_text(&c->d, code); return;
	case ROLE_SCALE: cbdoc_text(&c->d, _("Code (Skala)")); return;
	case ROLE_OPTION: cbdoc_raw(&c->d, "0/1"); return;
	case ROLE_ITEM: cbdoc_text(&c->d, code); return;
	case ROLE_NUMBER:
		if (col->decimals > 0) {
			char *s = xasprintf(P_("Zahl, %d Nachkommastelle", "Zahl, %d Nachkommastellen",
			                       (unsigned long)col->decimals),
			                    col->decimals);
			cbdoc_text(&c->d, s);
			free(s);
		} else {
			cbdoc_text(&c->d, _("ganze Zahl"));
		}
		return;
	case ROLE_TEXT: cbdoc_text(&c->d, txt); return;
	case ROLE_DATE: cbdoc_text(&c->d, date); return;
	case ROLE_META:
	case ROLE_COMPUTED:
		break;
	}
	cbdoc_text(&c->d, col->type == COL_STRING ? txt : col->type == COL_DATE ? date
	        : col->nvalues ? code : _("Zahl"));
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
		else if (!table_same_labels(ref->values, ref->nvalues, cols[i]->values,
		                            cols[i]->nvalues) ||
		         !table_same_labels(ref->missing, ref->nmissing, cols[i]->missing,
		                            cols[i]->nmissing))
			shared = false;
	}
	shared = shared && with >= 2;
	/* TRANSLATORS: column headings of the codebook's tables of variables:
	 * name, label, kind, value labels, missing codes. */
	const char *const head[] = {_("Variable"), _("Label"), _("Typ"), _("Werte"),
	                            _("Fehlwerte")};
	cbdoc_table_begin(&c->d, head, shared ? 3 : 5);
	for (int i = 0; i < n; i++) {
		cbdoc_cell(&c->d, true);
		markup_code(c->d.o, cols[i]->name, c->d.m);
		cbdoc_cell(&c->d, false);
		cbdoc_text(&c->d, cols[i]->label);
		cbdoc_cell(&c->d, false);
		col_type(c, cols[i]);
		if (!shared) {
			cbdoc_cell(&c->d, false);
			cbdoc_labels(&c->d, cols[i]->values, cols[i]->nvalues, true);
			cbdoc_cell(&c->d, false);
			cbdoc_labels(&c->d, cols[i]->missing, cols[i]->nmissing, true);
		}
		cbdoc_row_end(&c->d);
	}
	cbdoc_table_end(&c->d);
	if (!shared)
		return;
	cbdoc_list_begin(&c->d);
	cbdoc_item(&c->d, _("Werte (für jede dieser Variablen)"));
	cbdoc_labels(&c->d, ref->values, ref->nvalues, false);
	cbdoc_item_end(&c->d);
	cbdoc_item(&c->d, _("Fehlwerte"));
	cbdoc_labels(&c->d, ref->missing, ref->nmissing, false);
	cbdoc_item_end(&c->d);
	cbdoc_list_end(&c->d);
}

/* Conditions v[0..n) read aloud, as a new string of markup. */
static char *explained(struct cb *c, const struct expr *const *v, int n)
{
	struct sbuf t;
	struct sbuf *o = cbdoc_divert(&c->d, &t);
	explain_when(c->d.o, c->f, v, n, c->d.m);
	c->d.o = o;
	return sbuf_take(&t);
}

/*
 * "wenn <condition> (Ausdruck: `…`)": a condition read aloud and its
 * source. A question in a section with a condition of its own has two
 * sources, the section's and the question's.
 */
static void when(struct cb *c, const struct expr *sec, const struct expr *own)
{
	const struct expr *v[2] = {sec, own};
	char *cond = explained(c, v, 2);
	if (sec && own) {
		char *a = cbdoc_code_str(&c->d, sec->src), *b = cbdoc_code_str(&c->d, own->src);
		/* TRANSLATORS: a condition read aloud, then the source code of the
		 * section's condition and of the question's. */
		cbdoc_compose(&c->d, _("wenn %s (Abschnitt: %s; Frage: %s)"),
		              (const char *const[]){cond, a, b}, 3);
		free(a);
		free(b);
	} else {
		char *a = cbdoc_code_str(&c->d, (sec ? sec : own)->src);
		/* TRANSLATORS: a condition read aloud, then its source code. */
		cbdoc_compose(&c->d, _("wenn %s (Ausdruck: %s)"), (const char *const[]){cond, a}, 2);
		free(a);
	}
	free(cond);
}

/* „Gefragt: wenn …“ for a question in its section. */
static void routing(struct cb *c, const struct section *s, const struct question *q)
{
	/* TRANSLATORS: list item label: when the question is asked. */
	cbdoc_item(&c->d, _("Gefragt"));
	if (!s->visible_if && !q->visible_if)
		cbdoc_text(&c->d, _("immer"));
	else
		when(c, s->visible_if, q->visible_if);
	cbdoc_item_end(&c->d);
}

/* Every check of a question: its condition read aloud, message, severity. */
static void checks(struct cb *c, const struct question *q)
{
	for (int i = 0; i < q->nchecks; i++) {
		const struct check *k = &q->checks[i];
		/* TRANSLATORS: list item label: a check with its id and severity. */
		char *name = xasprintf(k->sev == SEV_ERROR ? _("Prüfung %s (Fehler)")
		                                           : _("Prüfung %s (Warnung)"),
		                       k->id);
		cbdoc_item(&c->d, name);
		free(name);
		char *cond = explained(c, (const struct expr *const[]){k->valid_if}, 1);
		char *src = cbdoc_code_str(&c->d, k->valid_if->src), *msg = cbdoc_text_str(&c->d, k->message);
		/* TRANSLATORS: a check: its condition read aloud, the condition's
		 * source code, and the message shown when it fails. */
		cbdoc_compose(&c->d, _("gültig, wenn %s (Ausdruck: %s). Meldung: „%s“"),
		              (const char *const[]){cond, src, msg}, 3);
		free(cond);
		free(src);
		free(msg);
		cbdoc_item_end(&c->d);
	}
}

/* A bound of a number or date answer, as a new string of markup. */
static char *bound_str(const struct cb *c, double v, bool today, bool date)
{
	struct sbuf b = {0};
	char buf[DATE_BUF];
	if (!date) {
		markup_number(&b, v);
		return sbuf_take(&b);
	}
	if (today)
		/* TRANSLATORS: a date bound: the day the answer is given. */
		return cbdoc_text_str(&c->d, _("heute"));
	day_text((int32_t)v, buf);
	return cbdoc_text_str(&c->d, buf);
}

/* Range of a number or date answer: „mindestens …, höchstens …“. */
static void bounds(struct cb *c, const struct question *q)
{
	bool date = q->type == Q_DATE;
	char *lo = q->has_min ? bound_str(c, q->min, q->min_today, date) : NULL;
	char *hi = q->has_max ? bound_str(c, q->max, q->max_today, date) : NULL;
	struct sbuf t;
	struct sbuf *o = cbdoc_divert(&c->d, &t);
	if (lo && hi)
		cbdoc_compose(&c->d,
		              date ? _("frühestens %s, spätestens %s")
		                   : _("mindestens %s, höchstens %s"),
		              (const char *const[]){lo, hi}, 2);
	else if (lo)
		cbdoc_compose(&c->d, date ? _("frühestens %s") : _("mindestens %s"),
		              (const char *const[]){lo}, 1);
	else if (hi)
		cbdoc_compose(&c->d, date ? _("spätestens %s") : _("höchstens %s"),
		              (const char *const[]){hi}, 1);
	else
		/* TRANSLATORS: the range of an answer without bounds. */
		cbdoc_text(&c->d, _("beliebig"));
	c->d.o = o;
	char *range = sbuf_take(&t);
	if (q->unit) {
		char *unit = cbdoc_text_str(&c->d, q->unit);
		/* TRANSLATORS: the range of an answer, then its unit. */
		cbdoc_compose(&c->d, _("%s (Einheit: %s)"), (const char *const[]){range, unit}, 2);
		free(unit);
	} else {
		cbdoc_raw(&c->d, range);
	}
	free(range);
	free(lo);
	free(hi);
}

/* How many answers a multiple choice takes: „mindestens 1, höchstens 3“. */
static void picks(struct cb *c, const struct question *q)
{
	char *s;
	if (q->min_picks > 0 && q->max_picks > 0)
		s = xasprintf(_("mindestens %d, höchstens %d"), q->min_picks, q->max_picks);
	else if (q->min_picks > 0)
		s = xasprintf(_("mindestens %d"), q->min_picks);
	else
		s = xasprintf(_("höchstens %d"), q->max_picks);
	cbdoc_text(&c->d, s);
	free(s);
}

/* What the answer may be: ranges, lengths, patterns, picks. */
static void answer_rules(struct cb *c, const struct question *q)
{
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL || q->type == Q_DATE) {
		/* TRANSLATORS: list item label: the allowed values of an answer. */
		cbdoc_item(&c->d, _("Wertebereich"));
		bounds(c, q);
		cbdoc_item_end(&c->d);
	}
	if (q->type == Q_TEXT || q->type == Q_TEXTAREA) {
		/* TRANSLATORS: list item label: the length of a text answer. */
		cbdoc_item(&c->d, _("Länge"));
		char *len = xasprintf(P_("höchstens %d Zeichen", "höchstens %d Zeichen",
		                         (unsigned long)q->maxlength),
		                      q->maxlength);
		cbdoc_text(&c->d, len);
		free(len);
		cbdoc_item_end(&c->d);
	}
	if (q->pattern) {
		/* TRANSLATORS: list item label: the pattern a text answer must match. */
		cbdoc_item(&c->d, _("Muster"));
		char *pat = cbdoc_code_str(&c->d, q->pattern);
		if (q->pattern_message) {
			char *msg = cbdoc_text_str(&c->d, q->pattern_message);
			/* TRANSLATORS: a pattern (as code), then the message shown when an
			 * answer does not match it. */
			cbdoc_compose(&c->d, _("%s, Meldung: „%s“"), (const char *const[]){pat, msg}, 2);
			free(msg);
		} else {
			cbdoc_raw(&c->d, pat);
		}
		free(pat);
		cbdoc_item_end(&c->d);
	}
	if (q->type == Q_MULTI && (q->min_picks > 0 || q->max_picks > 0)) {
		/* TRANSLATORS: list item label: how many answers a multiple choice
		 * takes. */
		cbdoc_item(&c->d, _("Anzahl der Antworten"));
		picks(c, q);
		cbdoc_item_end(&c->d);
	}
	for (int i = 0; q->choices && i < q->choices->n; i++) {
		const struct choice *ch = &q->choices->v[i];
		if (!ch->exclusive)
			continue;
		/* TRANSLATORS: list item label: an answer that excludes all others. */
		cbdoc_item(&c->d, _("Ausschließlich"));
		char *lab = cbdoc_text_str(&c->d, ch->label);
		cbdoc_compose(&c->d, _("„%s“ hebt alle anderen Antworten auf"),
		              (const char *const[]){lab}, 1);
		free(lab);
		cbdoc_item_end(&c->d);
	}
}

/* Pflicht, weiche Pflicht, freiwillig. */
static const char *required_name(enum required r)
{
	switch (r) {
	/* TRANSLATORS: whether a question must be answered: required, required
	 * with a warning only, optional. */
	case REQ_HARD: return _("Pflicht");
	case REQ_SOFT: return _("weiche Pflicht");
	case REQ_NO: break;
	}
	return _("freiwillig");
}

/* One question: text, type, routing, rules, checks, and its variables. */
static void question(struct cb *c, const struct section *s, const struct question *q)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "q-%s", q->id);
	cbdoc_raw(&c->d, cbdoc_is_html(&c->d) ? "<div class=\"q\">\n" : "");
	cbdoc_heading(&c->d, 3, anchor.data, q->id, q->label);
	sbuf_free(&anchor);
	cbdoc_para(&c->d, q->text, "frage");
	cbdoc_list_begin(&c->d);
	/* TRANSLATORS: list item label: the kind of question. */
	cbdoc_item(&c->d, _("Typ"));
	cbdoc_text(&c->d, form_qtype_name(q->type));
	cbdoc_item_end(&c->d);
	/* TRANSLATORS: list item label: whether the question must be answered. */
	cbdoc_item(&c->d, _("Antwort"));
	cbdoc_text(&c->d, required_name(q->req));
	cbdoc_item_end(&c->d);
	routing(c, s, q);
	if (q->help) {
		cbdoc_item(&c->d, _("Hilfetext"));
		cbdoc_text(&c->d, q->help);
		cbdoc_item_end(&c->d);
	}
	answer_rules(c, q);
	checks(c, q);
	cbdoc_list_end(&c->d);
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
	cbdoc_raw(&c->d, cbdoc_is_html(&c->d) ? "</div>\n" : "");
}

/* A section: its title, its routing, and its questions (notes left out). */
static void section(struct cb *c, const struct section *s)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "s-%s", s->id);
	cbdoc_heading(&c->d, 2, anchor.data, s->id, s->title);
	sbuf_free(&anchor);
	if (s->visible_if) {
		cbdoc_list_begin(&c->d);
		/* TRANSLATORS: list item label, followed by the section's condition. */
		cbdoc_item(&c->d, _("Der ganze Abschnitt wird gefragt"));
		when(c, NULL, s->visible_if);
		cbdoc_item_end(&c->d);
		cbdoc_list_end(&c->d);
	}
	int asked = 0;
	for (int i = s->first; i < s->first + s->count; i++)
		if (form_q_answerable(&c->f->questions[i])) {
			question(c, s, &c->f->questions[i]);
			asked++;
		}
	if (asked == 0)
		cbdoc_para(&c->d, _("Nur Hinweistexte, keine Variablen."), "hinweis");
}

/* A computed value: its formula read aloud, and its variable. */
static void computed(struct cb *c, const struct computed *cv)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "c-%s", cv->id);
	cbdoc_heading(&c->d, 3, anchor.data, cv->id, cv->label);
	sbuf_free(&anchor);
	cbdoc_list_begin(&c->d);
	/* TRANSLATORS: list item label: how a computed variable is computed. */
	cbdoc_item(&c->d, _("Berechnung"));
	struct sbuf t;
	struct sbuf *o = cbdoc_divert(&c->d, &t);
	explain_computed(c->d.o, c->f, cv, c->d.m);
	c->d.o = o;
	char *formula = sbuf_take(&t), *src = cbdoc_code_str(&c->d, cv->expr->src);
	/* TRANSLATORS: a formula read aloud, then its source code. */
	cbdoc_compose(&c->d, _("%s (Ausdruck: %s)"), (const char *const[]){formula, src}, 2);
	free(formula);
	free(src);
	cbdoc_item_end(&c->d);
	/* TRANSLATORS: list item label: when the variable is system-missing. */
	cbdoc_item(&c->d, _("Systemfehlend"));
	cbdoc_text(&c->d, _("wenn die Berechnung keinen Wert ergibt, etwa weil eine Angabe darin fehlt"));
	cbdoc_item_end(&c->d);
	cbdoc_list_end(&c->d);
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
	day_text(date, day);
	cbdoc_heading(&c->d, 1, NULL, _("Codebuch"), c->f->title);
	cbdoc_list_begin(&c->d);
	/* TRANSLATORS: list item label: the questionnaire's id, version and
	 * language. */
	cbdoc_item(&c->d, _("Fragebogen"));
	char *id = cbdoc_code_str(&c->d, c->f->id), *ver = cbdoc_text_str(&c->d, c->f->version);
	char *lang = cbdoc_text_str(&c->d, c->f->language);
	cbdoc_compose(&c->d, _("%s, Version %s, Sprache %s"), (const char *const[]){id, ver, lang}, 3);
	free(id);
	free(ver);
	free(lang);
	cbdoc_item_end(&c->d);
	/* TRANSLATORS: list item label: the date the codebook describes. */
	cbdoc_item(&c->d, _("Stand"));
	cbdoc_text(&c->d, day);
	cbdoc_item_end(&c->d);
	int vars = 0, asked = 0;
	for (int i = 0; i < c->t.ncols; i++)
		vars += c->t.cols[i].role != ROLE_META;
	for (int i = 0; i < c->f->nquestions; i++)
		asked += form_q_answerable(&c->f->questions[i]);
	/* TRANSLATORS: list item label: how big the questionnaire is. */
	cbdoc_item(&c->d, _("Umfang"));
	char *ns = xasprintf(P_("%d Abschnitt", "%d Abschnitte", (unsigned long)c->f->nsections),
	                     c->f->nsections);
	char *nq = xasprintf(P_("%d Frage", "%d Fragen", (unsigned long)asked), asked);
	char *nv = xasprintf(P_("%d Variable", "%d Variablen", (unsigned long)vars), vars);
	/* TRANSLATORS: sections, questions and variables counted, then how many
	 * of the variables are computed. */
	char *size = xasprintf(_("%s, %s, %s, davon %d berechnet"), ns, nq, nv, c->f->ncomputed);
	cbdoc_text(&c->d, size);
	free(size);
	free(ns);
	free(nq);
	free(nv);
	cbdoc_item_end(&c->d);
	cbdoc_list_end(&c->d);
}

/* A link of the contents to an anchor of the page. */
static void content_link(struct cb *c, const char *anchor, const char *title)
{
	sbuf_printf(c->d.o, "<li><a href=\"#%s\">", anchor);
	cbdoc_text(&c->d, title);
	cbdoc_raw(&c->d, "</a></li>\n");
}

/* Contents with links inside the page (HTML only). */
static void contents(struct cb *c)
{
	if (!cbdoc_is_html(&c->d))
		return;
	cbdoc_raw(&c->d, "<nav>\n<h2>");
	/* TRANSLATORS: heading of the table of contents. */
	cbdoc_text(&c->d, _("Inhalt"));
	cbdoc_raw(&c->d, "</h2>\n<ul>\n");
	content_link(c, "lesehinweise", _("Fehlwerte und Lesehinweise"));
	content_link(c, "verwaltung", _("Verwaltungsvariablen"));
	for (int s = 0; s < c->f->nsections; s++) {
		sbuf_printf(c->d.o, "<li><a href=\"#s-%s\">", c->f->sections[s].id);
		cbdoc_text(&c->d, c->f->sections[s].id);
		cbdoc_raw(&c->d, " – ");
		cbdoc_text(&c->d, c->f->sections[s].title);
		cbdoc_raw(&c->d, "</a></li>\n");
	}
	if (c->f->ncomputed > 0)
		content_link(c, "berechnet", _("Berechnete Variablen"));
	cbdoc_raw(&c->d, "</ul>\n</nav>\n");
}

/* How to read the data, for the start of the codebook. */
static const char *const notes[] = {
	N_("Fehlwerte sind Antworten: Eine Frage mit Fehlwert gilt als beantwortet. In Filtern, "
	   "Prüfungen und Berechnungen hat sie keinen Wert."),
	N_("Systemfehlend (leer) ist eine Variable, wenn ihre Frage durch einen Filter "
	   "übersprungen oder leer gelassen wurde."),
	N_("Mehrfachauswahl: je Antwortmöglichkeit eine Variable, 1 = genannt, 0 = nicht genannt; "
	   "erhielt die Frage einen Fehlwert, steht er in jeder dieser Variablen."),
	N_("Ein Filter, dessen Bedingung keinen Wert hat (etwa weil eine Frage darin leer ist), "
	   "blendet die Frage aus. Eine Prüfung ohne Wert gilt als erfüllt."),
	N_("Pflicht: muss beantwortet werden, ein Fehlwert genügt. Weiche Pflicht: bleibt sie "
	   "leer, erscheint ein Hinweis, den die befragte Person bestätigen kann. Freiwillig: darf "
	   "leer bleiben."),
	N_("Prüfungen: Ein Fehler verhindert das Weitergehen; eine Warnung kann bestätigt werden, "
	   "die Bestätigung wird in der Antwort vermerkt."),
};

/* The missing codes of the form and how to read the rest. */
static void reading_notes(struct cb *c)
{
	cbdoc_heading(&c->d, 2, "lesehinweise", _("Fehlwerte und Lesehinweise"), NULL);
	if (c->f->nmissing == 0) {
		cbdoc_para(&c->d, _("Der Fragebogen kennt keine Fehlwerte."), "hinweis");
	} else {
		/* TRANSLATORS: column headings of the table of missing codes: the
		 * code, its meaning, the key that enters it. */
		const char *const head[] = {_("Code"), _("Bedeutung"), _("Taste")};
		cbdoc_table_begin(&c->d, head, 3);
		for (int i = 0; i < c->f->nmissing; i++) {
			const struct missing *m = &c->f->missing[i];
			cbdoc_cell(&c->d, true);
			markup_number(c->d.o, m->code);
			cbdoc_cell(&c->d, false);
			cbdoc_text(&c->d, m->label);
			cbdoc_cell(&c->d, false);
			markup_code(c->d.o, (char[]){m->key, 0}, c->d.m);
			cbdoc_row_end(&c->d);
		}
		cbdoc_table_end(&c->d);
	}
	cbdoc_list_begin(&c->d);
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		cbdoc_item(&c->d, NULL);
		markup_escape_start(c->d.o, _(notes[i]), c->d.m);
		cbdoc_item_end(&c->d);
	}
	cbdoc_list_end(&c->d);
}

/* The meta columns every export starts with. */
static void meta(struct cb *c)
{
	/* TRANSLATORS: heading: the variables that describe a response (id,
	 * version, status, times). */
	cbdoc_heading(&c->d, 2, "verwaltung", _("Verwaltungsvariablen"), NULL);
	const struct column **cols = xcalloc((size_t)c->t.ncols + 1, sizeof *cols);
	int n = 0;
	for (int i = 0; i < c->t.ncols; i++)
		if (c->t.cols[i].role == ROLE_META)
			cols[n++] = &c->t.cols[i];
	variables(c, cols, n);
	free(cols);
}

void codebook_build(struct sbuf *out, const struct form *f, enum codebook_format fmt,
                    int32_t date)
{
	struct cb c = {{out, fmt == CODEBOOK_HTML ? MARKUP_HTML : MARKUP_MARKDOWN}, f, {0}};
	table_from_form(f, &c.t);
	if (cbdoc_is_html(&c.d))
		cbdoc_html_head(&c.d, _("Codebuch"), f->title);
	front(&c, date);
	contents(&c);
	reading_notes(&c);
	meta(&c);
	for (int s = 0; s < f->nsections; s++)
		section(&c, &f->sections[s]);
	if (f->ncomputed > 0) {
		cbdoc_heading(&c.d, 2, "berechnet", _("Berechnete Variablen"), NULL);
		cbdoc_para(&c.d, _("Sie werden aus den Antworten berechnet und nie gefragt."), "hinweis");
		for (int i = 0; i < f->ncomputed; i++)
			computed(&c, &f->computed[i]);
	}
	if (cbdoc_is_html(&c.d))
		cbdoc_raw(&c.d, "</body>\n</html>\n");
	table_free(&c.t);
}
