/*
 * wmatrix: the matrix widget of the question screen — items in rows, one
 * scale per column, the focused cell in a->qs.row_sel and a->qs.col. A
 * key changes an answer only through the engine and sets a->dirty; it
 * never saves and never draws.
 */
#include "tui/wmatrix.h"

#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/wslot.h"
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

/* A narrow screen: one matrix row at a time, its scales spelled out. */
static void draw_matrix_row(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	char buf[300];
	/* TRANSLATORS: a narrow screen shows one row of a matrix question at a time. */
	snprintf(buf, sizeof buf, _("Zeile %d von %d:"), a->qs.row_sel + 1, q->nrows);
	draw_text(top, 1, buf, a->cols - 2, ST_DIM);
	int y = top + 1;
	y += draw_wrap(y, 1, q->rows[a->qs.row_sel].text, a->cols - 2, 2, ST_HEADING);
	for (int c = 0; c < q->ncols && y < bottom; c++) {
		const struct answer *an = &a->ss.r->ans[a->f->vars[q->rows[a->qs.row_sel].var[c]].slot];
		if (q->ncols > 1)
			draw_text(y++, 1, q->cols[c].title, a->cols - 2, ST_HEADING);
		const struct choicelist *cl = q->cols[c].choices;
		for (int i = 0; i < cl->n && y < bottom; i++) {
			bool on = an->state == ANS_VALUE && an->v.u.num == cl->v[i].code;
			snprintf(buf, sizeof buf, "%d (%s)", i + 1, on ? (term_utf8() ? "•" : "*") : " ");
			int used = draw_text(y, 2, buf, 8, c == a->qs.col && on ? ST_SELECTED : ST_NORMAL);
			draw_text(y++, 3 + used, cl->v[i].label, a->cols - 4 - used, ST_NORMAL);
		}
	}
}

/* A matrix: one row per item, the chosen label per column, the scale below. */
void wmatrix_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	int cw = q->ncols > 1 ? 16 : 20, lw = a->cols - 3 - cw * q->ncols;
	if (lw < 24) { /* the items would be cut short: one row per screen */
		draw_matrix_row(a, top, bottom);
		return;
	}
	int legend = q->cols[a->qs.col].choices->n > 5 ? 2 : 1;
	int room = bottom - top - 2 - legend;
	if (room < 1)
		room = 1;
	int first = a->qs.row_sel >= room ? a->qs.row_sel - room + 1 : 0;
	for (int c = 0; c < q->ncols && q->ncols > 1; c++)
		draw_text(top, 2 + lw + c * cw, q->cols[c].title, cw - 1, ST_HEADING);
	int y0 = top + (q->ncols > 1);
	for (int r = first; r < q->nrows && r - first < room; r++) {
		int y = y0 + r - first;
		draw_text(y, 1, q->rows[r].text, lw, r == a->qs.row_sel ? ST_HEADING : ST_NORMAL);
		for (int c = 0; c < q->ncols; c++) {
			const struct answer *an = &a->ss.r->ans[a->f->vars[q->rows[r].var[c]].slot];
			char cell[200] = "–";
			if (an->state == ANS_VALUE) {
				const struct choice *ch = form_choice(q->cols[c].choices, (int32_t)an->v.u.num);
				snprintf(cell, sizeof cell, "%s", ch ? ch->label : "?");
			} else if (an->state == ANS_MISSING) {
				const struct missing *m = form_missing(a->f, an->missing);
				snprintf(cell, sizeof cell, "(%s)", m ? m->label : "?");
			}
			bool focus = r == a->qs.row_sel && c == a->qs.col;
			draw_line(y, 2 + lw + c * cw, cell, cw - 1, focus ? ST_SELECTED : ST_FIELD);
		}
	}
	char leg[800] = "";
	const struct choicelist *cl = q->cols[a->qs.col].choices;
	for (int i = 0; i < cl->n; i++) {
		char one[200];
		snprintf(one, sizeof one, "%s%d %s", i ? "  " : "", i + 1, cl->v[i].label);
		strncat(leg, one, sizeof leg - strlen(leg) - 1);
	}
	draw_wrap(bottom - legend, 1, leg, a->cols - 2, legend, ST_DIM);
}
