/*
 * dataset: a flat data set stored by column, and how a response becomes a
 * row of it. Knows no file format.
 */
#include "export/dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

void dataset_init(struct dataset *d, const struct table *t)
{
	memset(d, 0, sizeof *d);
	table_copy(&d->t, t);
	d->num = xcalloc((size_t)t->ncols + 1, sizeof *d->num);
	d->str = xcalloc((size_t)t->ncols + 1, sizeof *d->str);
}

void dataset_free(struct dataset *d)
{
	for (int c = 0; c < d->t.ncols; c++) {
		free(d->num[c]);
		if (d->str[c])
			for (int r = 0; r < d->nrows; r++)
				free(d->str[c][r]);
		free(d->str[c]);
	}
	free(d->num);
	free(d->str);
	table_free(&d->t);
	memset(d, 0, sizeof *d);
}

/* Give column c room for 'cap' rows, new cells system-missing. */
static void grow_column(struct dataset *d, int c, int from, int cap)
{
	if (d->t.cols[c].type == COL_STRING) {
		d->str[c] = xrealloc(d->str[c], (size_t)cap * sizeof **d->str);
		memset(d->str[c] + from, 0, (size_t)(cap - from) * sizeof **d->str);
	} else {
		d->num[c] = xrealloc(d->num[c], (size_t)cap * sizeof **d->num);
		for (int r = from; r < cap; r++)
			d->num[c][r] = NAN;
	}
}

int dataset_add_row(struct dataset *d)
{
	if (d->nrows == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		for (int c = 0; c < d->t.ncols; c++)
			grow_column(d, c, d->cap, cap);
		d->cap = cap;
	}
	return d->nrows++;
}

int dataset_add_column(struct dataset *d, const struct column *c)
{
	int before = d->t.ncols;
	struct table one = {.cols = (struct column *)c, .ncols = 1};
	char err[16];
	if (table_merge(&d->t, &one, err, sizeof err) < 0 || d->t.ncols == before)
		return table_find(&d->t, c->name); /* there already */
	int k = before;
	d->num = xrealloc(d->num, ((size_t)k + 2) * sizeof *d->num);
	d->str = xrealloc(d->str, ((size_t)k + 2) * sizeof *d->str);
	d->num[k] = NULL;
	d->str[k] = NULL;
	if (d->cap)
		grow_column(d, k, 0, d->cap);
	return k;
}

void dataset_clear_row(struct dataset *d, int row)
{
	for (int c = 0; c < d->t.ncols; c++)
		if (d->str[c])
			dataset_set_str(d, row, c, NULL);
		else
			d->num[c][row] = NAN;
}

void dataset_keep(struct dataset *d, const bool *keep)
{
	int n = 0;
	for (int r = 0; r < d->nrows; r++) {
		for (int c = 0; c < d->t.ncols; c++) {
			if (d->str[c] && !keep[r])
				free(d->str[c][r]);
			else if (d->str[c])
				d->str[c][n] = d->str[c][r];
			else if (keep[r])
				d->num[c][n] = d->num[c][r];
		}
		if (keep[r])
			n++;
	}
	for (int c = 0; c < d->t.ncols; c++)
		if (d->str[c])
			memset(d->str[c] + n, 0, (size_t)(d->nrows - n) * sizeof **d->str);
	d->nrows = n;
}

void dataset_set_num(struct dataset *d, int row, int col, double v)
{
	d->num[col][row] = v;
}

void dataset_set_str(struct dataset *d, int row, int col, const char *s)
{
	free(d->str[col][row]);
	d->str[col][row] = s ? xstrdup(s) : NULL;
}

/* A missing code into a cell of either kind. */
static void set_code(struct dataset *d, int row, int col, int32_t code)
{
	if (d->t.cols[col].type == COL_STRING) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", (int)code);
		dataset_set_str(d, row, col, buf);
	} else {
		dataset_set_num(d, row, col, code);
	}
}

/* A value into a cell: numbers, dates and texts as they are. */
static void set_value(struct dataset *d, int row, int col, const struct value *v)
{
	switch (v->type) {
	case VT_NUM:
		dataset_set_num(d, row, col, v->u.num);
		break;
	case VT_BOOL:
		dataset_set_num(d, row, col, v->u.b ? 1 : 0);
		break;
	case VT_DATE:
		dataset_set_num(d, row, col, v->u.date);
		break;
	case VT_STR:
		if (d->t.cols[col].type == COL_STRING)
			dataset_set_str(d, row, col, v->u.str);
		break;
	case VT_NULL:
	case VT_SET:
		break;
	}
}

/* The cell of an answer column; routed-past questions stay system-missing. */
static void answer_cell(struct dataset *d, int row, int col, struct engine *e)
{
	const struct column *c = &d->t.cols[col];
	const struct form *f = e->f;
	const struct var *v = &f->vars[c->var];
	if (v->question < 0 || !engine_visible(e, v->question) || v->slot < 0)
		return;
	const struct answer *a = &e->r->ans[v->slot];
	bool other_text = c->role == ROLE_TEXT && c->item;
	if (a->state == ANS_MISSING && !other_text) {
		set_code(d, row, col, a->missing);
		return;
	}
	if (a->state != ANS_VALUE)
		return;
	if (c->role == ROLE_OPTION)
		dataset_set_num(d, row, col, value_set_has(&a->v, c->code) ? 1 : 0);
	else if (other_text)
		dataset_set_str(d, row, col,
		                (a->v.type == VT_SET ? value_set_has(&a->v, c->code)
		                                     : a->v.type == VT_NUM && a->v.u.num == c->code)
		                        ? a->other
		                        : NULL);
	else
		set_value(d, row, col, &a->v);
}

/* The meta columns of a row. */
static void meta_cells(struct dataset *d, int row, const struct response *r)
{
	char t[32];
	dataset_set_str(d, row, TCOL_ID, r->uuid);
	dataset_set_str(d, row, TCOL_VERSION, r->form->version);
	dataset_set_num(d, row, TCOL_STATUS, r->status == RESP_COMPLETE ? 2 : 1);
	dataset_set_num(d, row, TCOL_REVISION, r->revision);
	response_format_time(r->created, t, sizeof t);
	dataset_set_str(d, row, TCOL_CREATED, t);
	response_format_time(r->modified, t, sizeof t);
	dataset_set_str(d, row, TCOL_MODIFIED, t);
	dataset_set_num(d, row, TCOL_SIMULATED, r->simulated ? 1 : 0);
	if (r->status == RESP_COMPLETE) {
		response_format_time(r->completed, t, sizeof t);
		dataset_set_str(d, row, TCOL_COMPLETED, t);
	}
}

int dataset_add_response(struct dataset *d, struct engine *e)
{
	int row = dataset_add_row(d);
	meta_cells(d, row, e->r);
	for (int col = TABLE_META; col < d->t.ncols; col++) {
		const struct column *c = &d->t.cols[col];
		if (c->var < 0)
			continue;
		if (c->role == ROLE_COMPUTED) {
			struct value v = engine_value(e, c->var);
			set_value(d, row, col, &v);
			value_free(&v);
		} else {
			answer_cell(d, row, col, e);
		}
	}
	return row;
}
