/*
 * qparse: question types, choices, missing codes and matrix layout.
 */
#include "form/qparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/i18n.h"
#include "util/pattern.h"
#include "util/xmalloc.h"

static const struct {
	const char *name;
	enum qtype type;
} qtypes[] = {
	{"single", Q_SINGLE},   {"multi", Q_MULTI},       {"scale", Q_SCALE},
	{"matrix", Q_MATRIX},   {"integer", Q_INTEGER},   {"decimal", Q_DECIMAL},
	{"text", Q_TEXT},       {"textarea", Q_TEXTAREA}, {"date", Q_DATE},
	{"note", Q_NOTE},
};

#define COMMON "id", "type", "text", "help", "label", "required", "visible_if", "checks", "missing"

/* The keys a question of each type may have. */
static const char *const *allowed_keys(enum qtype t)
{
	static const char *const choice[] = {COMMON, "choices", NULL};
	static const char *const multi[] = {COMMON, "choices", "min", "max", NULL};
	static const char *const matrix[] = {COMMON, "rows", "choices", "columns", NULL};
	static const char *const integer[] = {COMMON, "min", "max", "unit", NULL};
	static const char *const decimal[] = {COMMON, "min", "max", "decimals", "unit", NULL};
	static const char *const text[] = {COMMON, "maxlength", "pattern", "pattern_message", NULL};
	static const char *const textarea[] = {COMMON, "maxlength", NULL};
	static const char *const date[] = {COMMON, "min", "max", NULL};
	static const char *const note[] = {"id", "type", "text", "help", "visible_if", NULL};
	switch (t) {
	case Q_SINGLE: case Q_SCALE: return choice;
	case Q_MULTI: return multi;
	case Q_MATRIX: return matrix;
	case Q_INTEGER: return integer;
	case Q_DECIMAL: return decimal;
	case Q_TEXT: return text;
	case Q_TEXTAREA: return textarea;
	case Q_DATE: return date;
	case Q_NOTE: return note;
	}
	return note;
}

const struct choicelist *qparse_choicelist(struct ld *l, const cJSON *arr, const char *name,
                                           const char *what)
{
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) < 1 ||
	    cJSON_GetArraySize(arr) > LOADER_MAX_CHOICES) {
		ld_err(l, arr, _("die Antworten in %s müssen eine Liste mit 1 bis %d Einträgen sein"),
		       what, LOADER_MAX_CHOICES);
		return NULL;
	}
	struct choicelist *cl = xcalloc(1, sizeof *cl);
	cl->name = name ? xstrdup(name) : NULL;
	cl->v = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof *cl->v);
	struct form *f = l->f;
	f->lists = xreallocarray(f->lists, (size_t)f->nlists + 1, sizeof *f->lists);
	f->lists[f->nlists++] = cl;
	static const char *const keys[] = {"code", "label", "exclusive", "other", NULL};
	/* TRANSLATORS: a place in the form (one entry of "choices"), used in
	 * messages such as "„label“ is missing in %s". */
	const char *one = _("einer Antwort");
	const cJSON *c;
	cJSON_ArrayForEach(c, arr) {
		if (!cJSON_IsObject(c)) {
			ld_err(l, c, _("eine Antwort in %s muss ein Objekt mit „code“ und „label“ sein"),
			       what);
			continue;
		}
		ld_keys(l, c, keys, one);
		struct choice *ch = &cl->v[cl->n];
		double code;
		int rc = ld_int(l, c, "code", -99999, 99999, &code, one);
		if (rc == 0)
			ld_err(l, c, _("in einer Antwort fehlt „code“"));
		ch->label = ld_text(l, c, "label", true, LOADER_MAX_TEXT, one);
		ch->exclusive = ld_bool(l, c, "exclusive", false, one);
		ch->other = ld_bool(l, c, "other", false, one);
		if (rc <= 0 || !ch->label) {
			free(ch->label);
			continue;
		}
		ch->code = (int32_t)code;
		if (form_choice(cl, ch->code))
			ld_err(l, ld_get(c, "code"), _("der Code %d kommt in %s doppelt vor"),
			       (int)ch->code, what);
		cl->n++;
	}
	return cl;
}

/* Resolve "choices": an inline list or the name of a choice set. */
static const struct choicelist *choices_of(struct ld *l, const cJSON *obj, const char *key,
                                           const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (!n) {
		ld_err(l, obj, _("in %s fehlt „%s“"), what, key);
		return NULL;
	}
	if (!cJSON_IsString(n))
		return qparse_choicelist(l, n, NULL, what);
	const struct choicelist *set = ld_set(l, n->valuestring);
	if (set)
		return set;
	ld_err(l, n, _("unbekannte Antwortliste „%s“ (siehe „choice_sets“)"), n->valuestring);
	return NULL;
}

/* Flags that only some question types may use. */
static void check_choice_use(struct ld *l, const cJSON *at, const struct question *q,
                             const struct choicelist *cl)
{
	int others = 0;
	for (int i = 0; cl && i < cl->n; i++) {
		const struct choice *c = &cl->v[i];
		if (c->exclusive && q->type != Q_MULTI)
			ld_err(l, at, _("„exclusive“ (Code %d) gibt es nur bei Mehrfachauswahl"), c->code);
		if (c->other && q->type == Q_MATRIX)
			ld_err(l, at, _("„other“ (Code %d) gibt es nicht in einer Matrix"), c->code);
		else if (c->other && ++others > 1)
			ld_err(l, at, _("nur eine Antwort darf „other“ sein (Code %d)"), c->code);
		if (q->type == Q_MULTI && c->code < 0)
			ld_err(l, at, _("Codes einer Mehrfachauswahl dürfen nicht negativ sein (%d)"),
			       c->code);
		if (form_q_offers(q, c->code))
			ld_err(l, at, _("der Code %d ist zugleich ein Fehlwert-Code dieser Frage"), c->code);
	}
}

/* "required": true, false or "soft". */
static enum required required_of(struct ld *l, const cJSON *obj, const char *what)
{
	const cJSON *n = ld_get(obj, "required");
	if (!n || cJSON_IsFalse(n))
		return REQ_NO;
	if (cJSON_IsTrue(n))
		return REQ_HARD;
	if (cJSON_IsString(n) && strcmp(n->valuestring, "soft") == 0)
		return REQ_SOFT;
	ld_err(l, n, _("„required“ in %s muss true, false oder \"soft\" sein"), what);
	return REQ_NO;
}

/* "missing": which form-wide codes this question offers (default all). */
static void missing_of(struct ld *l, const cJSON *obj, struct question *q, const char *what)
{
	const cJSON *n = ld_get(obj, "missing");
	q->nmissing = 0;
	if (!n) {
		for (int i = 0; i < l->f->nmissing; i++)
			q->missing[q->nmissing++] = l->f->missing[i].code;
		return;
	}
	if (!cJSON_IsArray(n) || cJSON_GetArraySize(n) > FORM_MAX_MISSING) {
		ld_err(l, n, _("„missing“ in %s muss eine Liste von Fehlwert-Codes sein"), what);
		return;
	}
	const cJSON *c;
	cJSON_ArrayForEach(c, n) {
		if (!cJSON_IsNumber(c) || !form_missing(l->f, (int32_t)c->valuedouble) ||
		    c->valuedouble != floor(c->valuedouble))
			ld_err(l, c, _("„missing“ in %s nennt keinen Code aus der formularweiten Liste "
			               "„missing“"), what);
		else if (form_q_offers(q, (int32_t)c->valuedouble))
			ld_err(l, c, _("Fehlwert-Code %d steht doppelt in „missing“"), (int)c->valuedouble);
		else
			q->missing[q->nmissing++] = (int32_t)c->valuedouble;
	}
}

/* Register a question's answer variable with its slot. */
static int answer_var(struct ld *l, const cJSON *at, const char *name, enum varkind kind,
                      enum vtype type, int qi, const struct choicelist *cl)
{
	int v = ld_name(l, at, name, kind);
	if (v < 0)
		return -1;
	struct var *vr = &l->f->vars[v];
	vr->type = type;
	vr->question = qi;
	vr->choices = cl;
	vr->slot = l->f->nslots++;
	return v;
}

/* Export-only names derived from a choice question: <id>_<code>, <id>_txt. */
static void derived_names(struct ld *l, const cJSON *at, const struct question *q)
{
	for (int i = 0; q->choices && i < q->choices->n; i++) {
		const struct choice *c = &q->choices->v[i];
		char name[64];
		if (q->type == Q_MULTI && c->code >= 0) {
			snprintf(name, sizeof name, "%s_%d", q->id, (int)c->code);
			if (ld_name(l, at, name, VAR_EXPORT) >= 0)
				l->f->vars[l->f->nvars - 1].question = (int)(q - l->f->questions);
		}
		if (c->other) {
			snprintf(name, sizeof name, "%s_txt", q->id);
			if (ld_name(l, at, name, VAR_EXPORT) >= 0)
				l->f->vars[l->f->nvars - 1].question = (int)(q - l->f->questions);
		}
	}
}

/* The columns of a matrix with "columns", each with its suffix, title and choices. */
static void parse_columns(struct ld *l, const cJSON *obj, struct question *q, const char *what)
{
	const cJSON *cols = ld_array(l, obj, "columns", true, 1, FORM_MAX_COLUMNS, what);
	static const char *const keys[] = {"suffix", "title", "choices", NULL};
	/* TRANSLATORS: a place in the form (a matrix column), used in
	 * messages such as "„title“ is missing in %s". */
	const char *col = _("einer Spalte");
	const cJSON *c;
	cJSON_ArrayForEach(c, cols) {
		if (!cJSON_IsObject(c)) {
			ld_err(l, c, _("eine Spalte muss ein Objekt sein"));
			continue;
		}
		ld_keys(l, c, keys, col);
		struct mcol *mc = &q->cols[q->ncols];
		mc->suffix = ld_str(l, c, "suffix", true, 8, col);
		mc->title = ld_text(l, c, "title", true, LOADER_MAX_TEXT, col);
		mc->choices = choices_of(l, c, "choices", col);
		check_choice_use(l, c, q, mc->choices);
		if (mc->suffix && strspn(mc->suffix, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                                     "abcdefghijklmnopqrstuvwxyz0123456789_") !=
		                      strlen(mc->suffix))
			ld_err(l, ld_get(c, "suffix"), _("„suffix“ darf nur A–Z, a–z, 0–9 und _ enthalten"));
		if (!mc->suffix || !mc->title || !mc->choices) {
			free(mc->suffix);
			free(mc->title);
			continue;
		}
		for (int k = 0; k < q->ncols; k++)
			if (strcmp(q->cols[k].suffix, mc->suffix) == 0)
				ld_err(l, ld_get(c, "suffix"), _("das Suffix „%s“ kommt doppelt vor"),
				       mc->suffix);
		q->ncols++;
	}
}

/* The one column, without a suffix, of a matrix with "choices". */
static void choices_column(struct ld *l, const cJSON *obj, struct question *q, const char *what)
{
	q->cols[0].suffix = xstrdup("");
	q->cols[0].title = xstrdup("");
	q->cols[0].choices = choices_of(l, obj, "choices", what);
	check_choice_use(l, obj, q, q->cols[0].choices);
	q->ncols = q->cols[0].choices ? 1 : 0;
	if (!q->ncols) {
		free(q->cols[0].suffix);
		free(q->cols[0].title);
	}
}

/* The rows of a matrix, and one variable per row and column. */
static void parse_rows(struct ld *l, const cJSON *rows, struct question *q, int qi)
{
	q->rows = xcalloc((size_t)cJSON_GetArraySize(rows), sizeof *q->rows);
	static const char *const rkeys[] = {"id", "text", "label", NULL};
	/* TRANSLATORS: a place in the form (a matrix row), used in messages
	 * such as "„text“ is missing in %s". */
	const char *row = _("einer Zeile");
	const cJSON *r;
	cJSON_ArrayForEach(r, rows) {
		if (!cJSON_IsObject(r)) {
			ld_err(l, r, _("eine Zeile muss ein Objekt mit „id“ und „text“ sein"));
			continue;
		}
		ld_keys(l, r, rkeys, row);
		struct mrow *mr = &q->rows[q->nrows];
		mr->id = ld_str(l, r, "id", true, 64, row);
		mr->text = ld_text(l, r, "text", true, LOADER_MAX_TEXT, row);
		mr->label = ld_text(l, r, "label", false, 120, row);
		if (!mr->id || !mr->text) {
			free(mr->id);
			free(mr->text);
			free(mr->label);
			continue;
		}
		for (int c = 0; c < q->ncols; c++) {
			char *name = xasprintf("%s%s", mr->id, q->cols[c].suffix);
			mr->var[c] = answer_var(l, ld_get(r, "id"), name, VAR_CELL, VT_NUM, qi,
			                        q->cols[c].choices);
			if (mr->var[c] >= 0) {
				l->f->vars[mr->var[c]].row = q->nrows;
				l->f->vars[mr->var[c]].col = c;
			}
			free(name);
		}
		q->nrows++;
	}
}

/* Matrix rows and columns, and one variable per row and column. */
static void parse_matrix(struct ld *l, const cJSON *obj, struct question *q, int qi,
                         const char *what)
{
	const cJSON *rows = ld_array(l, obj, "rows", true, 1, LOADER_MAX_ROWS, what);
	const cJSON *cols = ld_get(obj, "columns");
	if (cols && ld_get(obj, "choices"))
		ld_err_key(l, cols, _("eine Matrix hat entweder „choices“ oder „columns“, nicht beides"));
	if (cols)
		parse_columns(l, obj, q, what);
	else
		choices_column(l, obj, q, what);
	if (!rows || !q->ncols)
		return;
	parse_rows(l, rows, q, qi);
}

/* min/max of a number question; integers must stay exactly representable. */
static void parse_number(struct ld *l, const cJSON *obj, struct question *q, const char *what)
{
	int integral = q->type == Q_INTEGER;
	double lim = 1e15;
	int (*get)(struct ld *, const cJSON *, const char *, double, double, double *,
	           const char *) = integral ? ld_int : ld_num;
	q->has_min = get(l, obj, "min", -lim, lim, &q->min, what) > 0;
	q->has_max = get(l, obj, "max", -lim, lim, &q->max, what) > 0;
	if (q->has_min && q->has_max && q->min > q->max)
		ld_err(l, ld_get(obj, "min"), _("„min“ (%g) ist größer als „max“ (%g)"), q->min, q->max);
	double dec = 2;
	if (!integral && ld_int(l, obj, "decimals", 0, 6, &dec, what) < 0)
		dec = 2;
	q->decimals = integral ? 0 : (int)dec;
	q->unit = ld_text(l, obj, "unit", false, 40, what);
	for (int i = 0; i < q->nmissing; i++) {
		double m = q->missing[i];
		if ((!q->has_min || m >= q->min) && (!q->has_max || m <= q->max))
			ld_err(l, ld_get(obj, q->has_min ? "min" : "type"),
			       _("der Fehlwert-Code %d liegt im erlaubten Bereich der Antwort; setzen Sie "
			         "„min“ oder „missing“ so, dass beides auseinanderfällt"), (int)m);
	}
}

/* Date bounds: "YYYY-MM-DD" or "today". */
static void parse_date_bound(struct ld *l, const cJSON *obj, const char *key, bool *has,
                             double *val, bool *today)
{
	const cJSON *n = ld_get(obj, key);
	int32_t days;
	if (!n)
		return;
	if (cJSON_IsString(n) && strcmp(n->valuestring, "today") == 0) {
		*has = *today = true;
	} else if (cJSON_IsString(n) && date_parse_iso(n->valuestring, &days) == 0) {
		*has = true;
		*val = days;
	} else {
		ld_err(l, n, _("„%s“ muss ein Datum \"JJJJ-MM-TT\" oder \"today\" sein"), key);
	}
}

/* Text length and pattern. */
static void parse_text(struct ld *l, const cJSON *obj, struct question *q, const char *what)
{
	int area = q->type == Q_TEXTAREA;
	double ml = area ? 4000 : 200;
	ld_int(l, obj, "maxlength", 1, area ? 32000 : 2000, &ml, what);
	q->maxlength = (int)ml;
	if (area)
		return;
	q->pattern = ld_str(l, obj, "pattern", false, 1000, what);
	q->pattern_message = ld_text(l, obj, "pattern_message", false, LOADER_MAX_TEXT, what);
	if (!q->pattern)
		return;
	char buf[120];
	if (pattern_compile(q->pattern, &q->re, buf, sizeof buf) < 0)
		ld_err(l, ld_get(obj, "pattern"), _("ungültiges Muster: %s"), buf);
}

/* Type-specific keys and the question's variables. */
static void parse_kind(struct ld *l, const cJSON *obj, struct question *q, int qi,
                       const char *what)
{
	const cJSON *idn = ld_get(obj, "id");
	switch (q->type) {
	case Q_SINGLE:
	case Q_SCALE:
	case Q_MULTI:
		q->choices = choices_of(l, obj, "choices", what);
		check_choice_use(l, ld_get(obj, "choices"), q, q->choices);
		if (q->type == Q_MULTI && q->choices) {
			double mn = 0, mx = 0;
			ld_int(l, obj, "min", 0, q->choices->n, &mn, what);
			ld_int(l, obj, "max", 1, q->choices->n, &mx, what);
			if (mx > 0 && mn > mx)
				ld_err(l, ld_get(obj, "min"), _("„min“ ist größer als „max“"));
			q->min_picks = (int)mn;
			q->max_picks = (int)mx;
		}
		q->var = answer_var(l, idn, q->id, VAR_ANSWER, q->type == Q_MULTI ? VT_SET : VT_NUM,
		                    qi, q->choices);
		if (q->var >= 0)
			derived_names(l, idn, q);
		return;
	case Q_MATRIX:
		q->var = ld_name(l, idn, q->id, VAR_MATRIX);
		if (q->var >= 0)
			l->f->vars[q->var].question = qi;
		parse_matrix(l, obj, q, qi, what);
		return;
	case Q_INTEGER:
	case Q_DECIMAL:
		parse_number(l, obj, q, what);
		q->var = answer_var(l, idn, q->id, VAR_ANSWER, VT_NUM, qi, NULL);
		return;
	case Q_TEXT:
	case Q_TEXTAREA:
		parse_text(l, obj, q, what);
		q->var = answer_var(l, idn, q->id, VAR_ANSWER, VT_STR, qi, NULL);
		return;
	case Q_DATE:
		parse_date_bound(l, obj, "min", &q->has_min, &q->min, &q->min_today);
		parse_date_bound(l, obj, "max", &q->has_max, &q->max, &q->max_today);
		if (q->has_min && q->has_max && !q->min_today && !q->max_today && q->min > q->max)
			ld_err(l, ld_get(obj, "min"), _("„min“ liegt nach „max“"));
		q->var = answer_var(l, idn, q->id, VAR_ANSWER, VT_DATE, qi, NULL);
		return;
	case Q_NOTE:
		q->var = ld_name(l, idn, q->id, VAR_NOTE);
		if (q->var >= 0)
			l->f->vars[q->var].question = qi;
		q->var = -1;
		return;
	}
}

void qparse_question(struct ld *l, const cJSON *obj, int qi, int si)
{
	struct question *q = &l->f->questions[qi];
	q->section = si;
	q->var = -1;
	q->pos = jpos_val(&l->jp, obj);
	l->qnode[qi] = obj;
	if (!cJSON_IsObject(obj)) {
		ld_err(l, obj, _("eine Frage muss ein Objekt sein"));
		return;
	}
	/* TRANSLATORS: a place in the form, used in messages such as
	 * "„id“ is missing in %s". */
	q->id = ld_str(l, obj, "id", true, 64, _("einer Frage"));
	char what[120];
	/* TRANSLATORS: a place in the form, used in messages such as
	 * "„text“ is missing in %s" and "the code 1 occurs twice in %s". */
	snprintf(what, sizeof what, _("Frage „%s“"), q->id ? q->id : "?");
	const cJSON *tn = ld_get(obj, "type");
	int known = 0;
	for (size_t i = 0; tn && cJSON_IsString(tn) && i < sizeof qtypes / sizeof qtypes[0]; i++)
		if (strcmp(qtypes[i].name, tn->valuestring) == 0)
			q->type = qtypes[i].type, known = 1;
	if (!known) {
		if (tn)
			ld_err(l, tn, _("unbekannter Fragetyp in %s (erlaubt: single, multi, scale, matrix, "
			                "integer, decimal, text, textarea, date, note)"), what);
		else
			ld_err(l, obj, _("in %s fehlt „type“"), what);
		q->type = Q_NOTE;
		free(q->id);
		q->id = NULL;
		return;
	}
	ld_keys(l, obj, allowed_keys(q->type), what);
	q->text = ld_text(l, obj, "text", true, LOADER_MAX_TEXT, what);
	q->help = ld_text(l, obj, "help", false, LOADER_MAX_TEXT, what);
	q->label = ld_text(l, obj, "label", false, 120, what);
	q->req = required_of(l, obj, what);
	if (q->type != Q_NOTE)
		missing_of(l, obj, q, what);
	if (!q->id)
		return;
	parse_kind(l, obj, q, qi, what);
}
