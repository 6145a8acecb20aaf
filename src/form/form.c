/*
 * form: the form model's lookups and destruction.
 */
#include "form/form.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/pattern.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* FNV-1a over the case-folded name. */
static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (uint32_t)tolower((unsigned char)*s)) * 16777619u;
	return h;
}

static void index_insert(struct form *f, int v)
{
	uint32_t mask = (uint32_t)f->name_cap - 1;
	uint32_t i = name_hash(f->vars[v].name) & mask;
	while (f->name_index[i] >= 0)
		i = (i + 1) & mask;
	f->name_index[i] = v;
}

/* Keep the table at most half full; returns 1 when it was rebuilt. */
static int index_grow(struct form *f)
{
	if (f->nvars * 2 < f->name_cap)
		return 0;
	int cap = f->name_cap ? f->name_cap * 2 : 64;
	free(f->name_index);
	f->name_index = xmalloc((size_t)cap * sizeof *f->name_index);
	for (int i = 0; i < cap; i++)
		f->name_index[i] = -1;
	f->name_cap = cap;
	for (int v = 0; v < f->nvars; v++)
		index_insert(f, v);
	return 1;
}

int form_add_var(struct form *f, char *name, enum varkind kind)
{
	f->vars = xreallocarray(f->vars, (size_t)f->nvars + 1, sizeof *f->vars);
	struct var *v = &f->vars[f->nvars];
	memset(v, 0, sizeof *v);
	v->name = name;
	v->kind = kind;
	v->question = v->computed = -1;
	v->row = v->col = -1;
	v->slot = -1;
	v->type = VT_NULL;
	int idx = f->nvars++;
	if (!index_grow(f))
		index_insert(f, idx);
	return idx;
}

int form_var_ci(const struct form *f, const char *name)
{
	if (!f->name_cap)
		return -1;
	uint32_t mask = (uint32_t)f->name_cap - 1;
	for (uint32_t i = name_hash(name) & mask; f->name_index[i] >= 0; i = (i + 1) & mask)
		if (strcasecmp(f->vars[f->name_index[i]].name, name) == 0)
			return f->name_index[i];
	return -1;
}

int form_var(const struct form *f, const char *name)
{
	int v = form_var_ci(f, name);
	return v >= 0 && strcmp(f->vars[v].name, name) == 0 ? v : -1;
}

const struct choice *form_choice(const struct choicelist *l, int32_t code)
{
	if (!l)
		return NULL;
	for (int i = 0; i < l->n; i++)
		if (l->v[i].code == code)
			return &l->v[i];
	return NULL;
}

const struct missing *form_missing(const struct form *f, int32_t code)
{
	for (int i = 0; i < f->nmissing; i++)
		if (f->missing[i].code == code)
			return &f->missing[i];
	return NULL;
}

bool form_q_offers(const struct question *q, int32_t code)
{
	for (int i = 0; i < q->nmissing; i++)
		if (q->missing[i] == code)
			return true;
	return false;
}

const struct choicelist *form_var_choices(const struct form *f, int var)
{
	if (var < 0 || var >= f->nvars)
		return NULL;
	return f->vars[var].choices;
}

const char *form_qtype_name(enum qtype t)
{
	switch (t) {
	/* TRANSLATORS: kinds of questions, shown in codebooks and printouts. */
	case Q_SINGLE: return _("Einfachauswahl");
	case Q_MULTI: return _("Mehrfachauswahl");
	case Q_SCALE: return _("Skala");
	case Q_MATRIX: return _("Matrix");
	case Q_INTEGER: return _("ganze Zahl");
	case Q_DECIMAL: return _("Dezimalzahl");
	case Q_TEXT: return _("Text");
	case Q_TEXTAREA: return _("langer Text");
	case Q_DATE: return _("Datum");
	case Q_NOTE: return _("Hinweis");
	}
	return "?";
}

bool form_q_answerable(const struct question *q)
{
	return q->type != Q_NOTE;
}

static void free_question(struct question *q)
{
	free(q->id);
	free(q->text);
	free(q->help);
	free(q->label);
	expr_free(&q->visible_if);
	for (int i = 0; i < q->nchecks; i++) {
		free(q->checks[i].id);
		free(q->checks[i].message);
		expr_free(&q->checks[i].valid_if);
	}
	free(q->checks);
	free(q->unit);
	free(q->pattern);
	free(q->pattern_message);
	pattern_free(&q->re);
	for (int i = 0; i < q->nrows; i++) {
		free(q->rows[i].id);
		free(q->rows[i].text);
		free(q->rows[i].label);
	}
	free(q->rows);
	for (int i = 0; i < q->ncols; i++) {
		free(q->cols[i].suffix);
		free(q->cols[i].title);
	}
}

void form_free(struct form **fp)
{
	struct form *f = *fp;
	if (!f)
		return;
	free(f->file);
	free(f->id);
	free(f->title);
	free(f->version);
	free(f->language);
	free(f->recipient);
	free(f->contact.name);
	free(f->contact.address);
	free(f->contact.email);
	free(f->contact.phone);
	free(f->breakdown);
	for (int i = 0; i < f->nmissing; i++)
		free(f->missing[i].label);
	for (int i = 0; i < f->nlists; i++) {
		for (int k = 0; k < f->lists[i]->n; k++)
			free(f->lists[i]->v[k].label);
		free(f->lists[i]->v);
		free(f->lists[i]->name);
		free(f->lists[i]);
	}
	free(f->lists);
	for (int i = 0; i < f->nsections; i++) {
		free(f->sections[i].id);
		free(f->sections[i].title);
		free(f->sections[i].intro);
		expr_free(&f->sections[i].visible_if);
	}
	free(f->sections);
	for (int i = 0; i < f->nquestions; i++)
		free_question(&f->questions[i]);
	free(f->questions);
	for (int i = 0; i < f->ncomputed; i++) {
		free(f->computed[i].id);
		free(f->computed[i].label);
		expr_free(&f->computed[i].expr);
	}
	free(f->computed);
	free(f->comp_order);
	for (int i = 0; i < f->nvars; i++)
		free(f->vars[i].name);
	free(f->vars);
	free(f->slot_var);
	free(f->name_index);
	free(f);
	*fp = NULL;
}
