/*
 * table: the data dictionary. Built from a form, carried as JSON inside
 * export bundles, merged across form versions by name and code. It knows
 * no file format; the writers (csvout, statfile) and the report read it.
 */
#include "export/table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "form/pipe.h"
#include "form/response.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const role_names[] = {
	[ROLE_META] = "meta",     [ROLE_SINGLE] = "single", [ROLE_SCALE] = "scale",
	[ROLE_OPTION] = "option", [ROLE_ITEM] = "item",     [ROLE_NUMBER] = "number",
	[ROLE_TEXT] = "text",     [ROLE_DATE] = "date",     [ROLE_COMPUTED] = "computed",
};
static const char *const type_names[] = {
	[COL_NUMERIC] = "numeric", [COL_STRING] = "string", [COL_DATE] = "date",
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Append a column with name and label; the rest is zero / -1. */
static struct column *add(struct table *t, const char *name, const char *label,
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

/* Add a value label, keeping the list ascending and free of duplicates. */
static void add_label(struct vlabel **v, int *n, double code, const char *label)
{
	int i = 0;
	while (i < *n && (*v)[i].code < code)
		i++;
	if (i < *n && (*v)[i].code == code)
		return;
	*v = xrealloc(*v, ((size_t)*n + 1) * sizeof **v);
	memmove(*v + i + 1, *v + i, (size_t)(*n - i) * sizeof **v);
	(*v)[i].code = code;
	(*v)[i].label = xstrdup(label);
	(*n)++;
}

static void add_choices(struct column *c, const struct choicelist *l)
{
	for (int i = 0; l && i < l->n; i++)
		add_label(&c->values, &c->nvalues, l->v[i].code, l->v[i].label);
}

/* The missing codes a question offers, with the form's labels. */
static void add_missing(const struct form *f, struct column *c, const struct question *q)
{
	for (int i = 0; i < q->nmissing; i++) {
		const struct missing *m = form_missing(f, q->missing[i]);
		if (m)
			add_label(&c->missing, &c->nmissing, m->code, m->label);
	}
}

static const char *short_label(const struct question *q)
{
	return q->label ? q->label : q->text;
}

/* Fill the question fields of a column. */
static void owned_by(struct column *c, const struct question *q, int var)
{
	c->question = xstrdup(q->id);
	c->qtext = dup_or_null(q->text);
	c->var = var;
}

static void meta_columns(struct table *t)
{
	/* TRANSLATORS: labels of the variables that describe a response, as
	 * exported to CSV, SPSS and Stata and listed in the codebook. */
	add(t, "id", _("Antwort-ID (UUID)"), COL_STRING, ROLE_META);
	add(t, "form_version", _("Version des Fragebogens"), COL_STRING, ROLE_META);
	struct column *c = add(t, "status", _("Status der Antwort"), COL_NUMERIC, ROLE_META);
	/* TRANSLATORS: value labels of the status of a response. */
	add_label(&c->values, &c->nvalues, 1, _("Entwurf"));
	add_label(&c->values, &c->nvalues, 2, _("abgeschlossen"));
	add(t, "revision", _("Revision (Zahl der Korrekturen + 1)"), COL_NUMERIC, ROLE_META);
	add(t, "created", _("Angelegt (UTC)"), COL_STRING, ROLE_META);
	add(t, "modified", _("Zuletzt geändert (UTC)"), COL_STRING, ROLE_META);
	add(t, "completed", _("Abgeschlossen (UTC)"), COL_STRING, ROLE_META);
	c = add(t, "simulated", _("Simulierte Testantwort"), COL_NUMERIC, ROLE_META);
	/* TRANSLATORS: value labels of the variable that marks test data. */
	add_label(&c->values, &c->nvalues, 0, _("nein"));
	add_label(&c->values, &c->nvalues, 1, _("ja (Testdaten)"));
}

/* Columns of a choice question: one, or one 0/1 per option, plus _txt. */
static void choice_columns(struct table *t, const struct form *f, const struct question *q)
{
	const char *lab = short_label(q);
	if (q->type == Q_MULTI) {
		for (int i = 0; i < q->choices->n; i++) {
			const struct choice *ch = &q->choices->v[i];
			if (ch->code < 0)
				continue;
			char *name = xasprintf("%s_%d", q->id, (int)ch->code);
			char *label = xasprintf("%s: %s", lab, ch->label);
			struct column *c = add(t, name, label, COL_NUMERIC, ROLE_OPTION);
			free(name);
			free(label);
			owned_by(c, q, q->var);
			c->item = xstrdup(ch->label);
			c->code = ch->code;
			/* TRANSLATORS: value labels of the 0/1 variable of one option of
			 * a multiple choice: not chosen, chosen. */
			add_label(&c->values, &c->nvalues, 0, _("nicht genannt"));
			add_label(&c->values, &c->nvalues, 1, _("genannt"));
			add_missing(f, c, q);
		}
	} else {
		struct column *c = add(t, q->id, lab, COL_NUMERIC,
		                       q->type == Q_SCALE ? ROLE_SCALE : ROLE_SINGLE);
		owned_by(c, q, q->var);
		add_choices(c, q->choices);
		add_missing(f, c, q);
	}
	for (int i = 0; i < q->choices->n; i++)
		if (q->choices->v[i].other) {
			char *name = xasprintf("%s_txt", q->id);
			/* TRANSLATORS: label of the text variable of an answer such as
			 * "Sonstiges, und zwar:": the question's label, the choice's. */
			char *label = xasprintf(_("%s: %s (Text)"), lab, q->choices->v[i].label);
			struct column *c = add(t, name, label, COL_STRING, ROLE_TEXT);
			free(name);
			free(label);
			owned_by(c, q, q->var);
			c->code = q->choices->v[i].code;
			c->item = xstrdup(q->choices->v[i].label);
		}
}

/* One column per matrix row and column suffix. */
static void matrix_columns(struct table *t, const struct form *f, const struct question *q)
{
	for (int r = 0; r < q->nrows; r++)
		for (int k = 0; k < q->ncols; k++) {
			const struct mrow *row = &q->rows[r];
			const struct mcol *col = &q->cols[k];
			const char *rl = row->label ? row->label : row->text;
			char *label = q->ncols > 1 && col->title
			                      ? xasprintf("%s: %s – %s", short_label(q), rl, col->title)
			                      : xasprintf("%s: %s", short_label(q), rl);
			struct column *c = add(t, f->vars[row->var[k]].name, label, COL_NUMERIC,
			                       ROLE_ITEM);
			free(label);
			owned_by(c, q, row->var[k]);
			c->item = q->ncols > 1 && col->title ? xasprintf("%s – %s", rl, col->title)
			                                     : xstrdup(rl);
			add_choices(c, col->choices);
			add_missing(f, c, q);
		}
}

/* The columns of one question. */
static void question_columns(struct table *t, const struct form *f, const struct question *q)
{
	struct column *c;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
	case Q_SCALE:
		choice_columns(t, f, q);
		return;
	case Q_MATRIX:
		matrix_columns(t, f, q);
		return;
	case Q_INTEGER:
	case Q_DECIMAL:
		c = add(t, q->id, short_label(q), COL_NUMERIC, ROLE_NUMBER);
		c->decimals = q->type == Q_DECIMAL ? q->decimals : 0;
		break;
	case Q_TEXT:
	case Q_TEXTAREA:
		c = add(t, q->id, short_label(q), COL_STRING, ROLE_TEXT);
		break;
	case Q_DATE:
		c = add(t, q->id, short_label(q), COL_DATE, ROLE_DATE);
		break;
	case Q_NOTE:
	default:
		return;
	}
	owned_by(c, q, q->var);
	add_missing(f, c, q);
}

/* Replace a text by its rendering if it holds a piped answer. */
static void unpipe_text(struct engine *e, char **s)
{
	if (*s && strchr(*s, '{')) {
		char *r = pipe_render(e, *s);
		free(*s);
		*s = r;
	}
}

/* Texts say "{A1|Ihre Kommune}" where an answer is piped in; a dictionary
 * speaks of no one response, so they get the fallback ("Ihre Kommune"),
 * which is what the engine of an empty response renders. */
static void unpipe(struct table *t, const struct form *f)
{
	struct response *r = response_new(f, 0);
	struct engine e;
	engine_init(&e, f, r);
	for (int i = 0; i < t->ncols; i++) {
		unpipe_text(&e, &t->cols[i].label);
		unpipe_text(&e, &t->cols[i].qtext);
		unpipe_text(&e, &t->cols[i].item);
	}
	engine_free(&e);
	response_free(&r);
}

void table_from_form(const struct form *f, struct table *t)
{
	memset(t, 0, sizeof *t);
	t->form_id = xstrdup(f->id);
	t->form_version = dup_or_null(f->version);
	t->form_title = dup_or_null(f->title);
	t->breakdown = dup_or_null(f->breakdown);
	t->label_column = f->label_var >= 0 ? xstrdup(f->vars[f->label_var].name) : NULL;
	meta_columns(t);
	for (int q = 0; q < f->nquestions; q++)
		question_columns(t, f, &f->questions[q]);
	for (int i = 0; i < f->ncomputed; i++) {
		const struct computed *cv = &f->computed[i];
		if (cv->var < 0)
			continue;
		enum vtype vt = f->vars[cv->var].type;
		struct column *c = add(t, cv->id, cv->label ? cv->label : cv->id,
		                       vt == VT_STR ? COL_STRING : vt == VT_DATE ? COL_DATE : COL_NUMERIC,
		                       ROLE_COMPUTED);
		c->var = cv->var;
		c->decimals = cv->choices ? 0 : 2;
		add_choices(c, cv->choices);
	}
	unpipe(t, f);
}

static void free_labels(struct vlabel *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].label);
	free(v);
}

static void column_free(struct column *c)
{
	free(c->name);
	free(c->label);
	free(c->question);
	free(c->qtext);
	free(c->item);
	free_labels(c->values, c->nvalues);
	free_labels(c->missing, c->nmissing);
}

void table_free(struct table *t)
{
	for (int i = 0; i < t->ncols; i++)
		column_free(&t->cols[i]);
	free(t->cols);
	free(t->form_id);
	free(t->form_version);
	free(t->form_title);
	free(t->breakdown);
	free(t->label_column);
	memset(t, 0, sizeof *t);
}

static struct vlabel *copy_labels(const struct vlabel *v, int n)
{
	struct vlabel *out = n ? xcalloc((size_t)n, sizeof *out) : NULL;
	for (int i = 0; i < n; i++) {
		out[i].code = v[i].code;
		out[i].label = xstrdup(v[i].label);
	}
	return out;
}

/* Deep copy of one column into uninitialised memory. */
static void column_copy(struct column *d, const struct column *s)
{
	*d = *s;
	d->name = xstrdup(s->name);
	d->label = xstrdup(s->label);
	d->question = dup_or_null(s->question);
	d->qtext = dup_or_null(s->qtext);
	d->item = dup_or_null(s->item);
	d->values = copy_labels(s->values, s->nvalues);
	d->missing = copy_labels(s->missing, s->nmissing);
}

void table_copy(struct table *dst, const struct table *src)
{
	memset(dst, 0, sizeof *dst);
	dst->form_id = dup_or_null(src->form_id);
	dst->form_version = dup_or_null(src->form_version);
	dst->form_title = dup_or_null(src->form_title);
	dst->breakdown = dup_or_null(src->breakdown);
	dst->label_column = dup_or_null(src->label_column);
	dst->ncols = src->ncols;
	dst->cols = xcalloc((size_t)src->ncols + 1, sizeof *dst->cols);
	for (int i = 0; i < src->ncols; i++)
		column_copy(&dst->cols[i], &src->cols[i]);
}

int table_find(const struct table *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return i;
	return -1;
}

const char *table_value_label(const struct column *c, double code)
{
	for (int i = 0; i < c->nvalues; i++)
		if (c->values[i].code == code)
			return c->values[i].label;
	for (int i = 0; i < c->nmissing; i++)
		if (c->missing[i].code == code)
			return c->missing[i].label;
	return NULL;
}

/* Whether two label lists are the same. */
static bool same_labels(const struct vlabel *a, int na, const struct vlabel *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].code != b[i].code || strcmp(a[i].label, b[i].label) != 0)
			return false;
	return true;
}

bool table_same_columns(const struct table *a, const struct table *b)
{
	if (a->ncols != b->ncols)
		return false;
	for (int i = 0; i < a->ncols; i++) {
		const struct column *x = &a->cols[i], *y = &b->cols[i];
		if (x->type != y->type || strcmp(x->name, y->name) != 0 ||
		    !same_labels(x->values, x->nvalues, y->values, y->nvalues) ||
		    !same_labels(x->missing, x->nmissing, y->missing, y->nmissing))
			return false;
	}
	return true;
}

bool table_has_meta(const struct table *t)
{
	static const struct {
		const char *name;
		enum col_type type;
	} meta[TABLE_META] = {
		{"id", COL_STRING},      {"form_version", COL_STRING}, {"status", COL_NUMERIC},
		{"revision", COL_NUMERIC}, {"created", COL_STRING},    {"modified", COL_STRING},
		{"completed", COL_STRING}, {"simulated", COL_NUMERIC},
	};
	if (t->ncols < TABLE_META)
		return false;
	for (int i = 0; i < TABLE_META; i++)
		if (strcmp(t->cols[i].name, meta[i].name) != 0 || t->cols[i].type != meta[i].type)
			return false;
	return true;
}

bool table_is_missing(const struct column *c, double code)
{
	for (int i = 0; i < c->nmissing; i++)
		if (c->missing[i].code == code)
			return true;
	return false;
}

/* ---- JSON ---- */

static cJSON *labels_json(const struct vlabel *v, int n)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; i < n; i++) {
		cJSON *p = cJSON_CreateArray();
		cJSON_AddItemToArray(p, cJSON_CreateNumber(v[i].code));
		cJSON_AddItemToArray(p, cJSON_CreateString(v[i].label));
		cJSON_AddItemToArray(a, p);
	}
	return a;
}

static void add_opt_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
}

/* Label lists shared by many columns are written once ("label_sets") and
 * referred to by index; a question's text is written once ("questions"). */
struct sets {
	cJSON *arr;      /* the distinct label lists */
	char **key;      /* their printed form, to find duplicates */
	int n;
};

/* Index of a label list in the shared sets, adding it if new. */
static int set_index(struct sets *s, const struct vlabel *v, int n)
{
	cJSON *a = labels_json(v, n);
	char *k = cJSON_PrintUnformatted(a);
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->key[i], k) == 0) {
			free(k);
			cJSON_Delete(a);
			return i;
		}
	s->key = xrealloc(s->key, ((size_t)s->n + 1) * sizeof *s->key);
	s->key[s->n] = k;
	cJSON_AddItemToArray(s->arr, a);
	return s->n++;
}

static cJSON *column_json(const struct column *c, struct sets *s, cJSON *questions)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "name", c->name);
	cJSON_AddStringToObject(o, "label", c->label);
	cJSON_AddStringToObject(o, "type", type_names[c->type]);
	cJSON_AddStringToObject(o, "role", role_names[c->role]);
	add_opt_str(o, "question", c->question);
	if (c->question && c->qtext && !cJSON_GetObjectItemCaseSensitive(questions, c->question))
		cJSON_AddStringToObject(questions, c->question, c->qtext);
	else if (!c->question)
		add_opt_str(o, "text", c->qtext);
	add_opt_str(o, "item", c->item);
	if (c->decimals)
		cJSON_AddNumberToObject(o, "decimals", c->decimals);
	if (c->nvalues)
		cJSON_AddNumberToObject(o, "values", set_index(s, c->values, c->nvalues));
	if (c->nmissing)
		cJSON_AddNumberToObject(o, "missing", set_index(s, c->missing, c->nmissing));
	return o;
}

void *table_to_json(const struct table *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "form_id", t->form_id ? t->form_id : "");
	add_opt_str(o, "form_version", t->form_version);
	add_opt_str(o, "form_title", t->form_title);
	add_opt_str(o, "breakdown", t->breakdown);
	add_opt_str(o, "label_column", t->label_column);
	struct sets s = {cJSON_CreateArray(), NULL, 0};
	cJSON *questions = cJSON_CreateObject();
	cJSON *cols = cJSON_CreateArray();
	for (int i = 0; i < t->ncols; i++)
		cJSON_AddItemToArray(cols, column_json(&t->cols[i], &s, questions));
	cJSON_AddItemToObject(o, "label_sets", s.arr);
	cJSON_AddItemToObject(o, "questions", questions);
	cJSON_AddItemToObject(o, "columns", cols);
	for (int i = 0; i < s.n; i++)
		free(s.key[i]);
	free(s.key);
	return o;
}

static int role_of(const char *s)
{
	for (size_t i = 0; i < sizeof role_names / sizeof *role_names; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (int)i;
	return -1;
}

static int type_of(const char *s)
{
	for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (strcmp(s, type_names[i]) == 0)
			return (int)i;
	return -1;
}

static const char *get_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Read [[code, label], …], or an index into 'sets'; -1 if malformed. */
static int cmp_vlabel(const void *a, const void *b)
{
	const struct vlabel *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

static int labels_from_json(const cJSON *a, const cJSON *sets, struct vlabel **v, int *n,
                            long *budget)
{
	if (!a)
		return 0;
	if (cJSON_IsNumber(a)) {
		int i = (int)a->valuedouble;
		if (a->valuedouble != i || i < 0 || i >= cJSON_GetArraySize(sets))
			return -1;
		a = cJSON_GetArrayItem(sets, i);
	}
	int count = cJSON_IsArray(a) ? cJSON_GetArraySize(a) : -1;
	if (count < 0 || count > TABLE_MAX_LABELS || (*budget -= count) < 0)
		return -1;
	struct vlabel *l = xcalloc((size_t)count + 1, sizeof *l);
	int k = 0;
	const cJSON *p;
	cJSON_ArrayForEach(p, a) {
		const cJSON *code = cJSON_GetArrayItem(p, 0), *lab = cJSON_GetArrayItem(p, 1);
		if (!cJSON_IsArray(p) || !cJSON_IsNumber(code) || !cJSON_IsString(lab) ||
		    !isfinite(code->valuedouble)) {
			free(l);
			return -1;
		}
		l[k].code = code->valuedouble;
		l[k++].label = lab->valuestring; /* borrowed until copied below */
	}
	/* Sorted once, duplicates refused: no quadratic insertion. */
	qsort(l, (size_t)k, sizeof *l, cmp_vlabel);
	for (int i = 1; i < k; i++)
		if (l[i].code == l[i - 1].code) {
			free(l);
			return -1;
		}
	for (int i = 0; i < k; i++)
		l[i].label = xstrdup(l[i].label);
	*v = l;
	*n = k;
	return 0;
}

/* One column from JSON; -1 if a field is missing or of the wrong kind. */
static int column_from_json(struct table *t, const cJSON *o, const cJSON *sets,
                            const cJSON *questions, long *budget)
{
	const char *name = get_str(o, "name"), *label = get_str(o, "label");
	const char *type = get_str(o, "type"), *role = get_str(o, "role");
	if (!name || !*name || !label || !type || !role || type_of(type) < 0 ||
	    role_of(role) < 0)
		return -1;
	struct column *c = add(t, name, label, (enum col_type)type_of(type),
	                       (enum col_role)role_of(role));
	c->question = dup_or_null(get_str(o, "question"));
	const char *qt = get_str(o, "text");
	if (!qt && c->question)
		qt = get_str(questions, c->question);
	c->qtext = dup_or_null(qt);
	c->item = dup_or_null(get_str(o, "item"));
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(o, "decimals");
	if (cJSON_IsNumber(d) && d->valuedouble >= 0 && d->valuedouble <= 15)
		c->decimals = (int)d->valuedouble;
	if (labels_from_json(cJSON_GetObjectItemCaseSensitive(o, "values"), sets, &c->values,
	                     &c->nvalues, budget) < 0 ||
	    labels_from_json(cJSON_GetObjectItemCaseSensitive(o, "missing"), sets, &c->missing,
	                     &c->nmissing, budget) < 0)
		return -1;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether two columns share a name (sorting a copy of the names). */
static bool has_duplicate(const struct table *t)
{
	char **names = xcalloc((size_t)t->ncols + 1, sizeof *names);
	for (int i = 0; i < t->ncols; i++)
		names[i] = t->cols[i].name;
	qsort(names, (size_t)t->ncols, sizeof *names, cmp_name);
	bool dup = false;
	for (int i = 1; i < t->ncols && !dup; i++)
		dup = strcmp(names[i - 1], names[i]) == 0;
	free(names);
	return dup;
}

int table_from_json(const void *json, struct table *t, char *err, size_t errlen)
{
	const cJSON *o = json;
	memset(t, 0, sizeof *t);
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(o, "columns");
	const char *id = get_str(o, "form_id");
	if (!cJSON_IsObject(o) || !id || !cJSON_IsArray(cols)) {
		snprintf(err, errlen, "%s", _("das Datenverzeichnis fehlt oder ist unvollständig"));
		return -1;
	}
	t->form_id = xstrdup(id);
	t->form_version = dup_or_null(get_str(o, "form_version"));
	t->form_title = dup_or_null(get_str(o, "form_title"));
	t->breakdown = dup_or_null(get_str(o, "breakdown"));
	t->label_column = dup_or_null(get_str(o, "label_column"));
	const cJSON *sets = cJSON_GetObjectItemCaseSensitive(o, "label_sets");
	const cJSON *questions = cJSON_GetObjectItemCaseSensitive(o, "questions");
	const cJSON *c;
	int i = 0;
	long budget = TABLE_MAX_ALL_LABELS;
	if (cJSON_GetArraySize(cols) > TABLE_MAX_COLUMNS) {
		snprintf(err, errlen, _("das Datenverzeichnis hat mehr als %d Spalten"),
		         TABLE_MAX_COLUMNS);
		table_free(t);
		return -1;
	}
	cJSON_ArrayForEach(c, cols) {
		if (column_from_json(t, c, sets, questions, &budget) < 0) {
			snprintf(err, errlen, _("Spalte %d des Datenverzeichnisses ist ungültig"),
			         i + 1);
			table_free(t);
			return -1;
		}
		i++;
	}
	if (has_duplicate(t)) {
		snprintf(err, errlen, "%s", _("das Datenverzeichnis nennt eine Variable zweimal"));
		table_free(t);
		return -1;
	}
	return 0;
}

/* Why column s of a version cannot merge with column d of the others. */
static void type_clash(char *err, size_t errlen, const struct column *s,
                       const struct column *d, const char *version)
{
	if (s->type == COL_STRING)
		snprintf(err, errlen, _("Variable „%s“ ist in Version „%s“ Text, sonst eine Zahl"),
		         s->name, version);
	else if (d->type == COL_STRING)
		snprintf(err, errlen, _("Variable „%s“ ist in Version „%s“ eine Zahl, sonst Text"),
		         s->name, version);
	else
		snprintf(err, errlen,
		         _("Variable „%s“ hat in Version „%s“ einen anderen Typ als sonst"),
		         s->name, version);
}

/* Add the codes of the sorted list b to the sorted list *a (a's labels
 * win), in one pass. */
static void merge_labels(struct vlabel **a, int *na, const struct vlabel *b, int nb)
{
	if (nb == 0 || same_labels(*a, *na, b, nb))
		return;
	struct vlabel *m = xcalloc((size_t)*na + (size_t)nb + 1, sizeof *m);
	int i = 0, j = 0, k = 0;
	while (i < *na || j < nb) {
		if (j == nb || (i < *na && (*a)[i].code <= b[j].code)) {
			if (j < nb && (*a)[i].code == b[j].code)
				j++;
			m[k++] = (*a)[i++];
		} else {
			m[k].code = b[j].code;
			m[k++].label = xstrdup(b[j++].label);
		}
	}
	free(*a);
	*a = m;
	*na = k;
}

int table_merge(struct table *dst, const struct table *src, char *err, size_t errlen)
{
	for (int i = 0; i < src->ncols; i++) {
		const struct column *s = &src->cols[i];
		int k = table_find(dst, s->name);
		if (k < 0) {
			dst->cols = xrealloc(dst->cols, ((size_t)dst->ncols + 1) * sizeof *dst->cols);
			column_copy(&dst->cols[dst->ncols++], s);
			continue;
		}
		struct column *d = &dst->cols[k];
		if (d->type != s->type) {
			type_clash(err, errlen, s, d, src->form_version ? src->form_version : "?");
			return -1;
		}
		merge_labels(&d->values, &d->nvalues, s->values, s->nvalues);
		merge_labels(&d->missing, &d->nmissing, s->missing, s->nmissing);
	}
	if (!dst->breakdown && src->breakdown)
		dst->breakdown = xstrdup(src->breakdown);
	if (!dst->label_column && src->label_column)
		dst->label_column = xstrdup(src->label_column);
	return 0;
}
