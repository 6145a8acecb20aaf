/*
 * table: the data dictionary. Built from a form, merged across form
 * versions by name and code; tabjson carries it inside export bundles. It
 * knows no file format; the writers (csvout, statfile) and the report read it.
 */
#include "export/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/pipe.h"
#include "form/response.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct column *table_add_column(struct table *t, const char *name, const char *label,
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
	table_add_column(t, "id", _("Antwort-ID (UUID)"), COL_STRING, ROLE_META);
	table_add_column(t, "form_version", _("Version des Fragebogens"), COL_STRING, ROLE_META);
	struct column *c = table_add_column(t, "status", _("Status der Antwort"), COL_NUMERIC, ROLE_META);
	/* TRANSLATORS: value labels of the status of a response. */
	add_label(&c->values, &c->nvalues, 1, _("Entwurf"));
	add_label(&c->values, &c->nvalues, 2, _("abgeschlossen"));
	table_add_column(t, "revision", _("Revision (Zahl der Korrekturen + 1)"), COL_NUMERIC, ROLE_META);
	table_add_column(t, "created", _("Angelegt (UTC)"), COL_STRING, ROLE_META);
	table_add_column(t, "modified", _("Zuletzt geändert (UTC)"), COL_STRING, ROLE_META);
	table_add_column(t, "completed", _("Abgeschlossen (UTC)"), COL_STRING, ROLE_META);
	c = table_add_column(t, "simulated", _("Simulierte Testantwort"), COL_NUMERIC, ROLE_META);
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
			struct column *c = table_add_column(t, name, label, COL_NUMERIC, ROLE_OPTION);
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
		struct column *c = table_add_column(t, q->id, lab, COL_NUMERIC,
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
			struct column *c = table_add_column(t, name, label, COL_STRING, ROLE_TEXT);
			c->open = true;
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
			struct column *c = table_add_column(t, f->vars[row->var[k]].name, label, COL_NUMERIC,
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
		c = table_add_column(t, q->id, short_label(q), COL_NUMERIC, ROLE_NUMBER);
		c->decimals = q->type == Q_DECIMAL ? q->decimals : 0;
		break;
	case Q_TEXT:
	case Q_TEXTAREA:
		c = table_add_column(t, q->id, short_label(q), COL_STRING, ROLE_TEXT);
		c->open = q->type == Q_TEXTAREA;
		break;
	case Q_DATE:
		c = table_add_column(t, q->id, short_label(q), COL_DATE, ROLE_DATE);
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
		struct column *c = table_add_column(t, cv->id, cv->label ? cv->label : cv->id,
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
bool table_same_labels(const struct vlabel *a, int na, const struct vlabel *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].code != b[i].code ||
		    strcmp(a[i].label ? a[i].label : "", b[i].label ? b[i].label : "") != 0)
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
		    !table_same_labels(x->values, x->nvalues, y->values, y->nvalues) ||
		    !table_same_labels(x->missing, x->nmissing, y->missing, y->nmissing))
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
	if (nb == 0 || table_same_labels(*a, *na, b, nb))
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
