/*
 * wmatrix: the matrix widget of the question screen — items in rows, one
 * scale per column, the focused cell in a->qs.row_sel and a->qs.col. A
 * key changes an answer only through the engine and sets a->dirty; it
 * never saves and never draws.
 */
#include "tui/wmatrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/wslot.h"
#include "util/xmalloc.h"
#include "util/i18n.h"

/* Keys of a matrix: rows up and down, choices left and right, digits set. */
void wmatrix_key(struct app *a, bool code, wint_t ch)
{
	const struct question *q = wslot_question(a);
	const struct choicelist *cl = q->cols[a->qs.col].choices;
	const struct answer *an = wslot_answer(a);
	int at = -1;
	for (int i = 0; an->state == ANS_VALUE && i < cl->n; i++)
		if (cl->v[i].code == (int32_t)an->v.u.num)
			at = i;
	int pick = -1;
	if (code && ch == KEY_UP && a->qs.row_sel > 0)
		a->qs.row_sel--;
	else if (code && ch == KEY_DOWN && a->qs.row_sel + 1 < q->nrows)
		a->qs.row_sel++;
	else if (code && ch == KEY_LEFT)
		pick = at > 0 ? at - 1 : 0;
	else if (code && ch == KEY_RIGHT)
		pick = at + 1 < cl->n ? at + 1 : cl->n - 1;
	else if (!code && ch >= '1' && ch <= '9' && (int)(ch - '1') < cl->n)
		pick = (int)(ch - '1');
	else if (!code && ch == ' ' && q->ncols > 1)
		a->qs.col = (a->qs.col + 1) % q->ncols;
	if (pick < 0)
		return;
	struct value v = value_num(cl->v[pick].code);
	engine_set_value(&a->ss.e, wslot_index(a), &v);
	a->dirty = true;
	if (code)
		return; /* arrows stay on the cell; a digit moves on */
	if (a->qs.col + 1 < q->ncols)
		a->qs.col++;
	else if (a->qs.row_sel + 1 < q->nrows)
		a->qs.row_sel++, a->qs.col = 0;
}

/* Rows that s takes wrapped into 'width' columns from (y, x), drawn as far
 * as row 'bottom'; with 'whole' nothing is drawn unless all of it fits. */
static int wrap_upto(int y, int x, const char *s, int width, int bottom, bool whole, enum style st)
{
	int need = draw_wrap(y, x, s, width, 0, st), room = bottom - y;
	if (room <= 0 || (whole && need > room))
		return 0;
	draw_wrap(y, x, s, width, room, st);
	return need < room ? need : room;
}

/* A narrow screen: one matrix row at a time, its scales spelled out. */
static int draw_matrix_row(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	char buf[300];
	/* TRANSLATORS: a narrow screen shows one row of a matrix question at a time. */
	snprintf(buf, sizeof buf, _("Zeile %d von %d:"), a->qs.row_sel + 1, q->nrows);
	draw_text(top, 1, buf, a->cols - 2, ST_DIM);
	int y = top + 1;
	/* the item first: on a tiny screen it matters more than its scale */
	y += wrap_upto(y, 1, q->rows[a->qs.row_sel].text, a->cols - 2, bottom, false, ST_HEADING);
	for (int c = 0; c < q->ncols && y < bottom; c++) {
		const struct answer *an = &a->ss.r->ans[a->f->vars[q->rows[a->qs.row_sel].var[c]].slot];
		if (q->ncols > 1)
			y += wrap_upto(y, 1, q->cols[c].title, a->cols - 2, bottom, false, ST_HEADING);
		const struct choicelist *cl = q->cols[c].choices;
		for (int i = 0; i < cl->n && y < bottom; i++) {
			bool on = an->state == ANS_VALUE && an->v.u.num == cl->v[i].code;
			snprintf(buf, sizeof buf, "%d (%s)", i + 1, on ? (term_utf8() ? "•" : "*") : " ");
			int used = draw_width(buf), n = wrap_upto(y, 3 + used, cl->v[i].label,
			                                           a->cols - 4 - used, bottom, true, ST_NORMAL);
			if (n == 0)
				break; /* no value is drawn half */
			draw_text(y, 2, buf, 8, c == a->qs.col && on ? ST_SELECTED : ST_NORMAL);
			y += n;
		}
	}
	return y;
}

/* What cell (r, c) shows: the chosen label, "(missing code)" or "–". */
static void cell_text(struct app *a, int r, int c, char *cell, size_t n)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = &a->ss.r->ans[a->f->vars[q->rows[r].var[c]].slot];
	snprintf(cell, n, "–");
	if (an->state == ANS_VALUE) {
		const struct choice *ch = form_choice(q->cols[c].choices, (int32_t)an->v.u.num);
		snprintf(cell, n, "%s", ch ? ch->label : "?");
	} else if (an->state == ANS_MISSING) {
		const struct missing *m = form_missing(a->f, an->missing);
		snprintf(cell, n, "(%s)", m ? m->label : "?");
	}
}

/* Rows matrix row r takes (label lw wide, cells cw), or draws from row y
 * with 'rows' > 0: its label and cells wrapped, at most 'rows' rows. */
static int matrix_row(struct app *a, int r, int lw, int cw, int y, int rows)
{
	const struct question *q = wslot_question(a);
	enum style st = r == a->qs.row_sel ? ST_HEADING : ST_NORMAL;
	int need = draw_wrap(y, 1, q->rows[r].text, lw, rows, st);
	for (int c = 0; c < q->ncols; c++) {
		char cell[600];
		cell_text(a, r, c, cell, sizeof cell);
		int n = draw_wrap(0, 0, cell, cw - 1, 0, ST_FIELD), x = 2 + lw + c * cw;
		enum style cs = r == a->qs.row_sel && c == a->qs.col ? ST_SELECTED : ST_FIELD;
		for (int k = 0; k < n && k < rows; k++) /* the field's ground, then its text */
			draw_line(y + k, x, "", cw - 1, cs);
		if (rows > 0)
			draw_wrap(y, x, cell, cw - 1, rows, cs);
		need = n > need ? n : need;
	}
	return need;
}

/*
 * The scale of the focused column, "1 völlig ausreichend  2 eher …", from
 * row y: a value that does not fit on a row starts the next one. Draws at
 * most 'maxrows' rows (0: only counts); returns the rows it needs.
 */
static int legend(struct app *a, int y, int maxrows)
{
	const struct question *q = wslot_question(a);
	const struct choicelist *cl = q->cols[a->qs.col].choices;
	int width = a->cols - 2, row = 0, x = 0;
	for (int i = 0; i < cl->n; i++) {
		char *one = xasprintf("%d %s", i + 1, cl->v[i].label);
		int w = draw_width(one);
		if (x > 0 && x + 2 + w > width)
			row++, x = 0;
		else if (x > 0)
			x += 2;
		int n = w > width ? draw_wrap(0, 0, one, width, 0, ST_DIM) : 1;
		if (row < maxrows)
			draw_wrap(y + row, 1 + x, one, width - x, maxrows - row, ST_DIM);
		free(one);
		row += n - 1;
		x = n > 1 ? width : x + w;
	}
	return row + 1;
}

/* The first matrix row shown: as near the top as lets the focused row end
 * on screen within 'room' rows. */
static int first_row(struct app *a, int lw, int cw, int room)
{
	int first = a->qs.row_sel, need = matrix_row(a, first, lw, cw, 0, 0);
	while (first > 0 && need + matrix_row(a, first - 1, lw, cw, 0, 0) <= room)
		need += matrix_row(a, --first, lw, cw, 0, 0);
	return first;
}

/* A matrix: one row per item, the chosen label per column, the scale below;
 * labels wrap within their column. */
int wmatrix_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	int cw = q->ncols > 1 ? 16 : 20, lw = a->cols - 3 - cw * q->ncols;
	if (lw < 24) /* the items would be squeezed: one row per screen */
		return draw_matrix_row(a, top, bottom);
	/* the rows leave room for a blank row and the whole scale under them */
	int y0 = top + (q->ncols > 1), room = bottom - y0 - 1 - legend(a, 0, 0);
	if (room < 1)
		room = 1;
	for (int c = 0; c < q->ncols && q->ncols > 1; c++)
		draw_text(top, 2 + lw + c * cw, q->cols[c].title, cw - 1, ST_HEADING);
	int y = y0;
	for (int r = first_row(a, lw, cw, room); r < q->nrows; r++) {
		int rows = y0 + room - y, need = matrix_row(a, r, lw, cw, 0, 0);
		if (rows <= 0 || (rows < need && r != a->qs.row_sel))
			break; /* no row is drawn half, but one too tall for the screen */
		rows = rows < need ? rows : need;
		matrix_row(a, r, lw, cw, y, rows);
		y += rows;
	}
	if (y + 1 < bottom) { /* a blank row, then the scale */
		int max = bottom - y - 1, n = legend(a, y + 1, max);
		y += 1 + (n < max ? n : max);
	}
	return y;
}
