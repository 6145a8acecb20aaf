/*
 * wchoice: the choice lists of the question screen — single choice,
 * scales and multiple choice, with the text of a "Sonstiges" option. It
 * changes answers only through the engine and sets a->dirty; it never
 * saves and never draws from a key.
 */
#include "tui/wchoice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/wslot.h"

/* Select choice i of a single or scale question, or toggle it in a multi. */
static void choose(struct app *a, int i)
{
	const struct question *q = wslot_question(a);
	const struct choice *c = &q->choices->v[i];
	a->qs.sel = i;
	if (q->type == Q_MULTI) {
		engine_toggle(&a->ss.e, a->qs.q, c->code);
	} else {
		struct value v = value_num(c->code);
		const struct answer *an = wslot_answer(a);
		if (an->state != ANS_VALUE || an->v.u.num != c->code)
			engine_set_value(&a->ss.e, wslot_index(a), &v);
	}
	a->dirty = true;
}

/* A mouse click on an option chooses it (or toggles it in a multi). */
static void choice_click(struct app *a)
{
	MEVENT ev;
	const struct question *q = wslot_question(a);
	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return;
	int i = a->qs.list_first + ev.y - a->qs.list_top;
	if (ev.y >= a->qs.list_top && i >= 0 && i < q->choices->n)
		choose(a, i);
}

/*
 * The option a digit picks, with the number typed before it: among 16
 * options "1" picks 1 at once, and "1" "4" then picks 14. A digit that
 * cannot continue the number starts a new one; "0" alone is option 10.
 * Returns the option's index, or -1; keeps the number in a->qs.typed while
 * a further digit could still continue it.
 */
static int typed_option(struct app *a, wint_t ch, int n)
{
	int d = (int)(ch - '0'), before = a->qs.typed;
	int num = before > 0 && before * 10 + d <= n ? before * 10 + d : d;
	a->qs.typed = 0;
	if (num == 0)
		return n >= 10 ? 9 : -1;
	if (num > n)
		return -1;
	if (num * 10 <= n)
		a->qs.typed = num;
	return num - 1;
}

/* Keys of the choice widgets: arrows, space and digits choose; letters on a
 * selected "Sonstiges" are its text. */
void wchoice_key(struct app *a, bool code, wint_t ch)
{
	if (code && ch == KEY_MOUSE) {
		choice_click(a);
		return;
	}
	const struct question *q = wslot_question(a);
	int n = q->choices->n;
	const struct choice *c = &q->choices->v[a->qs.sel];
	bool selected = q->type == Q_MULTI ? value_set_has(&wslot_answer(a)->v, c->code)
	                : wslot_answer(a)->state == ANS_VALUE && wslot_answer(a)->v.u.num == c->code;
	if (a->qs.ed_on) { /* typing the text of "Sonstiges" */
		if (!code && ch == 27)
			a->qs.ed_on = false;
		else if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8)))
			lineedit_backspace(&a->qs.ed);
		else if (code && ch == KEY_LEFT)
			lineedit_left(&a->qs.ed);
		else if (code && ch == KEY_RIGHT)
			lineedit_right(&a->qs.ed);
		else if (!code && ch >= 32)
			lineedit_insert_cp(&a->qs.ed, (uint32_t)ch);
		return;
	}
	int typed = a->qs.typed, pick;
	if (code || ch < '0' || ch > '9')
		a->qs.typed = 0;
	bool arrow = code && (ch == KEY_UP || ch == KEY_LEFT || ch == KEY_DOWN || ch == KEY_RIGHT);
	if (arrow && q->type != Q_MULTI && wslot_answer(a)->state != ANS_VALUE) {
		choose(a, a->qs.sel); /* the first arrow picks the highlighted option */
	} else if (code && (ch == KEY_UP || ch == KEY_LEFT) && a->qs.sel > 0) {
		a->qs.sel--;
		if (q->type != Q_MULTI)
			choose(a, a->qs.sel);
	} else if (code && (ch == KEY_DOWN || ch == KEY_RIGHT) && a->qs.sel + 1 < n) {
		a->qs.sel++;
		if (q->type != Q_MULTI)
			choose(a, a->qs.sel);
	} else if (!code && ch == ' ') {
		choose(a, a->qs.sel);
	} else if (!code && ch >= '0' && ch <= '9' && (pick = typed_option(a, ch, n)) >= 0) {
		if (q->type == Q_MULTI && typed > 0 && pick + 1 == typed * 10 + (int)(ch - '0'))
			choose(a, typed - 1); /* "1" "4" is 14 alone, not 1 and 14 */
		choose(a, pick);
	} else if (!code && ch >= 32 && c->other && selected) {
		a->qs.ed_on = true;
		lineedit_insert_cp(&a->qs.ed, (uint32_t)ch);
	}
}

/* The options, the highlighted one with the cursor, and the text field of a
 * chosen "Sonstiges"; keeps where they are for mouse clicks. */
void wchoice_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = wslot_answer(a);
	int room = bottom - top - 1, first = a->qs.sel >= room ? a->qs.sel - room + 1 : 0;
	a->qs.list_top = top;
	a->qs.list_first = first;
	for (int i = first; i < q->choices->n && i - first < room; i++) {
		const struct choice *c = &q->choices->v[i];
		bool on = q->type == Q_MULTI ? an->state == ANS_VALUE && value_set_has(&an->v, c->code)
		          : an->state == ANS_VALUE && an->v.u.num == c->code;
		char mark[8];
		snprintf(mark, sizeof mark, q->type == Q_MULTI ? "[%s]" : "(%s)",
		         on ? (q->type == Q_MULTI ? "x" : term_utf8() ? "•" : "*") : " ");
		/* Only the number and the mark show the highlight: moving the cursor
		 * then rewrites a few cells, not two whole lines. */
		char head[24];
		snprintf(head, sizeof head, "%2d %s", i + 1, mark);
		enum style st = i == a->qs.sel ? ST_SELECTED : ST_NORMAL;
		if (i == a->qs.sel && !a->qs.ed_on) /* the cursor on the highlighted option */
			app_cursor(a, top + i - first, 2);
		int used = draw_text(top + i - first, 2, head, 8, st);
		used += draw_text(top + i - first, 2 + used, " ", 1, ST_NORMAL);
		used += draw_text(top + i - first, 2 + used, c->label, a->cols - 4 - used, ST_NORMAL);
		if (c->other && on) {
			int x = 2 + used + 1, w = a->cols - x - 2;
			if (w > 6 && lineedit_layout(&a->qs.ed, w, &a->qs.view) == 0) {
				draw_line(top + i - first, x, "", w, ST_FIELD);
				char *piece = strndup(lineedit_text(&a->qs.ed) + a->qs.view.rows[0].off,
				                      a->qs.view.rows[0].len);
				draw_text(top + i - first, x, piece, w, ST_FIELD);
				free(piece);
				if (a->qs.ed_on)
					app_cursor(a, top + i - first, x + a->qs.view.cur_col);
			}
		}
	}
	wslot_draw_missing(a, bottom - 1, an);
}
