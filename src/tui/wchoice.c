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
#include "util/xmalloc.h"

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
	for (int k = 0; k < a->qs.list_n; k++) /* an option's continuation lines too */
		if (ev.y >= a->qs.list_row[k] && ev.y < a->qs.list_row[k + 1] &&
		    a->qs.list_first + k < q->choices->n) {
			choose(a, a->qs.list_first + k);
			return;
		}
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

/* How option i lies on the screen, before it is drawn: the same for the
 * scrolling, the drawing and (through a->qs.list_row) the mouse. */
struct option_box {
	char head[24];    /* its number and mark, "14 [x]" */
	bool on;          /* chosen */
	int lx, lw;       /* the label's column and width: it wraps under itself */
	int rows;         /* rows of the label and of a text field under it */
	bool field;       /* a chosen "Sonstiges": its text shows after the label */
	bool field_below; /* ... on a row of its own, the label's last is too full */
};

/* Measure option i: its head, its label wrapped, and where its field goes. */
static void option_box(struct app *a, int i, struct option_box *b)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = wslot_answer(a);
	const struct choice *c = &q->choices->v[i];
	b->on = q->type == Q_MULTI ? an->state == ANS_VALUE && value_set_has(&an->v, c->code)
	        : an->state == ANS_VALUE && an->v.u.num == c->code;
	char mark[8];
	snprintf(mark, sizeof mark, q->type == Q_MULTI ? "[%s]" : "(%s)",
	         b->on ? (q->type == Q_MULTI ? "x" : term_utf8() ? "•" : "*") : " ");
	snprintf(b->head, sizeof b->head, "%2d %s", i + 1, mark);
	int hw = draw_width(b->head);
	b->lx = 2 + (hw < 8 ? hw : 8) + 1;
	b->lw = a->cols - 2 - b->lx;
	b->rows = draw_wrap(0, 0, c->label, b->lw, 0, ST_NORMAL);
	if (b->rows < 1)
		b->rows = 1;
	b->field = c->other && b->on;
	b->field_below = false;
	if (!b->field)
		return;
	/* The field wants a blank and 7 columns: a word that wide stays on the
	 * label's last row exactly when the field fits there. */
	char *probe = xasprintf("%s XXXXXXX", c->label);
	b->field_below = draw_wrap(0, 0, probe, b->lw, 0, ST_NORMAL) > b->rows;
	free(probe);
	if (b->field_below && b->lw > 6)
		b->rows++;
	else if (b->field_below)
		b->field = false;
}

/* The text field of a chosen "Sonstiges" at (y, x), w columns wide with
 * its brackets, so that it is seen while still empty. */
static void draw_other(struct app *a, int y, int x, int w)
{
	if (w <= 6 || lineedit_layout(&a->qs.ed, w - 2, &a->qs.view) != 0)
		return;
	draw_text(y, x, "[", 1, ST_DIM);
	draw_line(y, x + 1, "", w - 2, ST_FIELD);
	char *piece = strndup(lineedit_text(&a->qs.ed) + a->qs.view.rows[0].off,
	                      a->qs.view.rows[0].len);
	draw_text(y, x + 1, piece, w - 2, ST_FIELD);
	free(piece);
	draw_text(y, x + w - 1, "]", 1, ST_DIM);
	if (a->qs.ed_on)
		app_cursor(a, y, x + 1 + a->qs.view.cur_col);
}

/* Draw option i from row y, its first 'rows' rows (all but for a highlighted
 * option taller than the list); the field only with the whole option. */
static void draw_option(struct app *a, int i, const struct option_box *b, int y, int rows)
{
	const char *label = wslot_question(a)->choices->v[i].label;
	/* Only the number and the mark show the highlight: moving the cursor
	 * then rewrites a few cells, not two whole lines. */
	enum style st = i == a->qs.sel ? ST_SELECTED : ST_NORMAL;
	if (i == a->qs.sel && !a->qs.ed_on) /* the cursor on the highlighted option */
		app_cursor(a, y, 2);
	int used = draw_text(y, 2, b->head, 8, st);
	draw_text(y, 2 + used, " ", 1, ST_NORMAL);
	int lr = b->rows - b->field_below;
	draw_wrap(y, b->lx, label, b->lw, lr < rows ? lr : rows, ST_NORMAL);
	if (!b->field || rows < b->rows)
		return;
	/* draw_wrap() leaves the curses cursor after the label's last row */
	int fy = y + lr - 1, fx = getcurx(stdscr) + 1;
	if (b->field_below)
		fy++, fx = b->lx;
	draw_other(a, fy, fx, b->lx + b->lw - fx);
}

/* Rows option i takes. */
static int option_rows(struct app *a, int i)
{
	struct option_box b;
	option_box(a, i, &b);
	return b.rows;
}

/* The options, each label wrapped under itself, the highlighted one whole
 * on screen and with the cursor, and the text field of a chosen
 * "Sonstiges"; keeps where they are for mouse clicks. */
int wchoice_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	int sel = a->qs.sel, room = bottom - top - 1; /* a row for "Antwort: …" */
	/* the first option shown: as near the top as lets the highlighted end on screen */
	int first = sel, need = option_rows(a, sel);
	while (first > 0 && need + option_rows(a, first - 1) <= room)
		need += option_rows(a, --first);
	a->qs.list_top = top;
	a->qs.list_first = first;
	a->qs.list_n = 0;
	int y = top;
	for (int i = first; i < q->choices->n; i++) {
		struct option_box b;
		option_box(a, i, &b);
		int rows = top + room - y; /* none is drawn half, but one too tall */
		if (rows <= 0 || (rows < b.rows && i != sel))
			break;
		if (rows > b.rows)
			rows = b.rows;
		a->qs.list_row[a->qs.list_n++] = y;
		draw_option(a, i, &b, y, rows);
		y += rows;
	}
	a->qs.list_row[a->qs.list_n] = y;
	return y + wslot_draw_missing(a, y, wslot_answer(a));
}
