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
#include "util/i18n.h"
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

/* A text from the form, escaped, as a new string. */
static char *text_str(const struct cb *c, const char *s)
{
	struct sbuf b = {0};
	markup_escape(&b, s, c->m);
	return sbuf_take(&b);
}

/* Inline code, as a new string. */
static char *code_str(const struct cb *c, const char *s)
{
	struct sbuf b = {0};
	markup_code(&b, s, c->m);
	return sbuf_take(&b);
}

/* Send what is written to c from now on into 'tmp'; returns the buffer to
 * put back into c->o afterwards. */
static struct sbuf *divert(struct cb *c, struct sbuf *tmp)
{
	struct sbuf *old = c->o;
	*tmp = (struct sbuf){0};
	c->o = tmp;
	return old;
}

/*
 * Write a sentence of the interface: each "%s" (or "%1$s" …) in 'fmt' is
 * replaced by one of parts[0..n), which are markup already; the text around
 * them is escaped. So a sentence stays one message even where its parts
 * are inline code or a condition read aloud.
 */
static void compose(struct cb *c, const char *fmt, const char *const *parts, int n)
{
	struct sbuf lit = {0};
	int next = 0;
	for (const char *p = fmt; *p; p++) {
		if (p[0] != '%') {
			sbuf_addc(&lit, p[0]);
			continue;
		}
		if (p[1] == '%') {
			sbuf_addc(&lit, '%');
			p++;
			continue;
		}
		int k = next++;
		const char *q = p + 1;
		if (*q >= '1' && *q <= '9') {
			int pos = 0;
			while (*q >= '0' && *q <= '9')
				pos = pos * 10 + (*q++ - '0');
			if (*q == '$') {
				k = pos - 1;
				q++;
			} else {
				q = p + 1;
			}
		}
		if (*q != 's') {
			sbuf_addc(&lit, p[0]);
			continue;
		}
		text(c, sbuf_str(&lit));
		lit.len = 0;
		if (lit.data)
			lit.data[0] = '\0';
		raw(c, k >= 0 && k < n ? parts[k] : "");
		p = q;
	}
	text(c, sbuf_str(&lit));
	sbuf_free(&lit);
}

/* A day as the interface language writes it: 01.12.2016, 2016-12-01. */
static void day_text(int32_t days, char buf[DATE_BUF])
{
	if (strcmp(i18n_lang(), "en") == 0)
		date_format_iso(days, buf);
	else
		date_format_de(days, buf);
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
	case ROLE_SINGLE: text(c, code); return;
	case ROLE_SCALE: text(c, _("Code (Skala)")); return;
	case ROLE_OPTION: raw(c, "0/1"); return;
	case ROLE_ITEM: text(c, code); return;
	case ROLE_NUMBER:
		if (col->decimals > 0) {
			char *s = xasprintf(P_("Zahl, %d Nachkommastelle", "Zahl, %d Nachkommastellen",
			                       (unsigned long)col->decimals),
			                    col->decimals);
			text(c, s);
			free(s);
		} else {
			text(c, _("ganze Zahl"));
		}
		return;
	case ROLE_TEXT: text(c, txt); return;
	case ROLE_DATE: text(c, date); return;
	case ROLE_META:
	case ROLE_COMPUTED:
		break;
	}
	text(c, col->type == COL_STRING ? txt : col->type == COL_DATE ? date
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
	item(c, _("Werte (für jede dieser Variablen)"));
	labels(c, ref->values, ref->nvalues, false);
	item_end(c);
	item(c, _("Fehlwerte"));
	labels(c, ref->missing, ref->nmissing, false);
	item_end(c);
	list_end(c);
}

/* Conditions v[0..n) read aloud, as a new string of markup. */
static char *explained(struct cb *c, const struct expr *const *v, int n)
{
	struct sbuf t;
	struct sbuf *o = divert(c, &t);
	explain_when(c->o, c->f, v, n, c->m);
	c->o = o;
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
		char *a = code_str(c, sec->src), *b = code_str(c, own->src);
		/* TRANSLATORS: a condition read aloud, then the source code of the
		 * section's condition and of the question's. */
		compose(c, _("wenn %s (Abschnitt: %s; Frage: %s)"),
		        (const char *const[]){cond, a, b}, 3);
		free(a);
		free(b);
	} else {
		char *a = code_str(c, (sec ? sec : own)->src);
		/* TRANSLATORS: a condition read aloud, then its source code. */
		compose(c, _("wenn %s (Ausdruck: %s)"), (const char *const[]){cond, a}, 2);
		free(a);
	}
	free(cond);
}

/* „Gefragt: wenn …“ for a question in its section. */
static void routing(struct cb *c, const struct section *s, const struct question *q)
{
	/* TRANSLATORS: list item label: when the question is asked. */
	item(c, _("Gefragt"));
	if (!s->visible_if && !q->visible_if)
		text(c, _("immer"));
	else
		when(c, s->visible_if, q->visible_if);
	item_end(c);
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
		item(c, name);
		free(name);
		char *cond = explained(c, (const struct expr *const[]){k->valid_if}, 1);
		char *src = code_str(c, k->valid_if->src), *msg = text_str(c, k->message);
		/* TRANSLATORS: a check: its condition read aloud, the condition's
		 * source code, and the message shown when it fails. */
		compose(c, _("gültig, wenn %s (Ausdruck: %s). Meldung: „%s“"),
		        (const char *const[]){cond, src, msg}, 3);
		free(cond);
		free(src);
		free(msg);
		item_end(c);
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
		return text_str(c, _("heute"));
	day_text((int32_t)v, buf);
	return text_str(c, buf);
}

/* Range of a number or date answer: „mindestens …, höchstens …“. */
static void bounds(struct cb *c, const struct question *q)
{
	bool date = q->type == Q_DATE;
	char *lo = q->has_min ? bound_str(c, q->min, q->min_today, date) : NULL;
	char *hi = q->has_max ? bound_str(c, q->max, q->max_today, date) : NULL;
	struct sbuf t;
	struct sbuf *o = divert(c, &t);
	if (lo && hi)
		compose(c, date ? _("frühestens %s, spätestens %s") : _("mindestens %s, höchstens %s"),
		        (const char *const[]){lo, hi}, 2);
	else if (lo)
		compose(c, date ? _("frühestens %s") : _("mindestens %s"), (const char *const[]){lo},
		        1);
	else if (hi)
		compose(c, date ? _("spätestens %s") : _("höchstens %s"), (const char *const[]){hi},
		        1);
	else
		/* TRANSLATORS: the range of an answer without bounds. */
		text(c, _("beliebig"));
	c->o = o;
	char *range = sbuf_take(&t);
	if (q->unit) {
		char *unit = text_str(c, q->unit);
		/* TRANSLATORS: the range of an answer, then its unit. */
		compose(c, _("%s (Einheit: %s)"), (const char *const[]){range, unit}, 2);
		free(unit);
	} else {
		raw(c, range);
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
	text(c, s);
	free(s);
}

/* What the answer may be: ranges, lengths, patterns, picks. */
static void answer_rules(struct cb *c, const struct question *q)
{
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL || q->type == Q_DATE) {
		/* TRANSLATORS: list item label: the allowed values of an answer. */
		item(c, _("Wertebereich"));
		bounds(c, q);
		item_end(c);
	}
	if (q->type == Q_TEXT || q->type == Q_TEXTAREA) {
		/* TRANSLATORS: list item label: the length of a text answer. */
		item(c, _("Länge"));
		char *len = xasprintf(P_("höchstens %d Zeichen", "höchstens %d Zeichen",
		                         (unsigned long)q->maxlength),
		                      q->maxlength);
		text(c, len);
		free(len);
		item_end(c);
	}
	if (q->pattern) {
		/* TRANSLATORS: list item label: the pattern a text answer must match. */
		item(c, _("Muster"));
		char *pat = code_str(c, q->pattern);
		if (q->pattern_message) {
			char *msg = text_str(c, q->pattern_message);
			/* TRANSLATORS: a pattern (as code), then the message shown when an
			 * answer does not match it. */
			compose(c, _("%s, Meldung: „%s“"), (const char *const[]){pat, msg}, 2);
			free(msg);
		} else {
			raw(c, pat);
		}
		free(pat);
		item_end(c);
	}
	if (q->type == Q_MULTI && (q->min_picks > 0 || q->max_picks > 0)) {
		/* TRANSLATORS: list item label: how many answers a multiple choice
		 * takes. */
		item(c, _("Anzahl der Antworten"));
		picks(c, q);
		item_end(c);
	}
	for (int i = 0; q->choices && i < q->choices->n; i++) {
		const struct choice *ch = &q->choices->v[i];
		if (!ch->exclusive)
			continue;
		/* TRANSLATORS: list item label: an answer that excludes all others. */
		item(c, _("Ausschließlich"));
		char *lab = text_str(c, ch->label);
		compose(c, _("„%s“ hebt alle anderen Antworten auf"), (const char *const[]){lab}, 1);
		free(lab);
		item_end(c);
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
	raw(c, is_html(c) ? "<div class=\"q\">\n" : "");
	heading(c, 3, anchor.data, q->id, q->label);
	sbuf_free(&anchor);
	para(c, q->text, "frage");
	list_begin(c);
	/* TRANSLATORS: list item label: the kind of question. */
	item(c, _("Typ"));
	text(c, form_qtype_name(q->type));
	item_end(c);
	/* TRANSLATORS: list item label: whether the question must be answered. */
	item(c, _("Antwort"));
	text(c, required_name(q->req));
	item_end(c);
	routing(c, s, q);
	if (q->help) {
		item(c, _("Hilfetext"));
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
		/* TRANSLATORS: list item label, followed by the section's condition. */
		item(c, _("Der ganze Abschnitt wird gefragt"));
		when(c, NULL, s->visible_if);
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
		para(c, _("Nur Hinweistexte, keine Variablen."), "hinweis");
}

/* A computed value: its formula read aloud, and its variable. */
static void computed(struct cb *c, const struct computed *cv)
{
	struct sbuf anchor = {0};
	sbuf_printf(&anchor, "c-%s", cv->id);
	heading(c, 3, anchor.data, cv->id, cv->label);
	sbuf_free(&anchor);
	list_begin(c);
	/* TRANSLATORS: list item label: how a computed variable is computed. */
	item(c, _("Berechnung"));
	struct sbuf t;
	struct sbuf *o = divert(c, &t);
	explain_computed(c->o, c->f, cv, c->m);
	c->o = o;
	char *formula = sbuf_take(&t), *src = code_str(c, cv->expr->src);
	/* TRANSLATORS: a formula read aloud, then its source code. */
	compose(c, _("%s (Ausdruck: %s)"), (const char *const[]){formula, src}, 2);
	free(formula);
	free(src);
	item_end(c);
	/* TRANSLATORS: list item label: when the variable is system-missing. */
	item(c, _("Systemfehlend"));
	text(c, _("wenn die Berechnung keinen Wert ergibt, etwa weil eine Angabe darin fehlt"));
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
	day_text(date, day);
	heading(c, 1, NULL, _("Codebuch"), c->f->title);
	list_begin(c);
	/* TRANSLATORS: list item label: the questionnaire's id, version and
	 * language. */
	item(c, _("Fragebogen"));
	char *id = code_str(c, c->f->id), *ver = text_str(c, c->f->version);
	char *lang = text_str(c, c->f->language);
	compose(c, _("%s, Version %s, Sprache %s"), (const char *const[]){id, ver, lang}, 3);
	free(id);
	free(ver);
	free(lang);
	item_end(c);
	/* TRANSLATORS: list item label: the date the codebook describes. */
	item(c, _("Stand"));
	text(c, day);
	item_end(c);
	int vars = 0, asked = 0;
	for (int i = 0; i < c->t.ncols; i++)
		vars += c->t.cols[i].role != ROLE_META;
	for (int i = 0; i < c->f->nquestions; i++)
		asked += form_q_answerable(&c->f->questions[i]);
	/* TRANSLATORS: list item label: how big the questionnaire is. */
	item(c, _("Umfang"));
	char *ns = xasprintf(P_("%d Abschnitt", "%d Abschnitte", (unsigned long)c->f->nsections),
	                     c->f->nsections);
	char *nq = xasprintf(P_("%d Frage", "%d Fragen", (unsigned long)asked), asked);
	char *nv = xasprintf(P_("%d Variable", "%d Variablen", (unsigned long)vars), vars);
	/* TRANSLATORS: sections, questions and variables counted, then how many
	 * of the variables are computed. */
	char *size = xasprintf(_("%s, %s, %s, davon %d berechnet"), ns, nq, nv, c->f->ncomputed);
	text(c, size);
	free(size);
	free(ns);
	free(nq);
	free(nv);
	item_end(c);
	list_end(c);
}

/* A link of the contents to an anchor of the page. */
static void content_link(struct cb *c, const char *anchor, const char *title)
{
	sbuf_printf(c->o, "<li><a href=\"#%s\">", anchor);
	text(c, title);
	raw(c, "</a></li>\n");
}

/* Contents with links inside the page (HTML only). */
static void contents(struct cb *c)
{
	if (!is_html(c))
		return;
	raw(c, "<nav>\n<h2>");
	/* TRANSLATORS: heading of the table of contents. */
	text(c, _("Inhalt"));
	raw(c, "</h2>\n<ul>\n");
	content_link(c, "lesehinweise", _("Fehlwerte und Lesehinweise"));
	content_link(c, "verwaltung", _("Verwaltungsvariablen"));
	for (int s = 0; s < c->f->nsections; s++) {
		sbuf_printf(c->o, "<li><a href=\"#s-%s\">", c->f->sections[s].id);
		text(c, c->f->sections[s].id);
		raw(c, " – ");
		text(c, c->f->sections[s].title);
		raw(c, "</a></li>\n");
	}
	if (c->f->ncomputed > 0)
		content_link(c, "berechnet", _("Berechnete Variablen"));
	raw(c, "</ul>\n</nav>\n");
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
	heading(c, 2, "lesehinweise", _("Fehlwerte und Lesehinweise"), NULL);
	if (c->f->nmissing == 0) {
		para(c, _("Der Fragebogen kennt keine Fehlwerte."), "hinweis");
	} else {
		/* TRANSLATORS: column headings of the table of missing codes: the
		 * code, its meaning, the key that enters it. */
		const char *const head[] = {_("Code"), _("Bedeutung"), _("Taste")};
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
		markup_escape_start(c->o, _(notes[i]), c->m);
		item_end(c);
	}
	list_end(c);
}

/* The meta columns every export starts with. */
static void meta(struct cb *c)
{
	/* TRANSLATORS: heading: the variables that describe a response (id,
	 * version, status, times). */
	heading(c, 2, "verwaltung", _("Verwaltungsvariablen"), NULL);
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
	sbuf_printf(c->o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, "
	                  "initial-scale=1\">\n<title>",
	            i18n_lang());
	text(c, _("Codebuch"));
	raw(c, " – ");
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
		heading(&c, 2, "berechnet", _("Berechnete Variablen"), NULL);
		para(&c, _("Sie werden aus den Antworten berechnet und nie gefragt."), "hinweis");
		for (int i = 0; i < f->ncomputed; i++)
			computed(&c, &f->computed[i]);
	}
	if (is_html(&c))
		raw(&c, "</body>\n</html>\n");
	table_free(&c.t);
}
