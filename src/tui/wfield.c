/*
 * wfield: the number, text, date and long-text fields of the question
 * screen. The editor a->qs.ed holds what is typed; the answer changes only
 * when widget_commit() stores wfield_parse()'s value, so nothing here
 * touches the response.
 */
#include "tui/wfield.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "tui/draw.h"
#include "tui/wslot.h"
#include "util/date.h"
#include "util/i18n.h"

/* The text a field shows for the stored answer: the editor starts from it,
 * and a draft is only kept where the editor differs from it. */
void wfield_answer_text(struct app *a, char *buf, size_t n)
{
	const struct answer *an = wslot_answer(a);
	const struct question *q = wslot_question(a);
	buf[0] = '\0';
	if (!an || an->state != ANS_VALUE)
		return;
	if (an->v.type == VT_NUM)
		input_format_number(an->v.u.num, q->type == Q_DECIMAL ? q->decimals : 0, 0, buf, n);
	else if (an->v.type == VT_DATE)
		date_format_de(an->v.u.date, buf);
	else if (an->v.type == VT_STR)
		snprintf(buf, n, "%s", an->v.u.str);
}

/* Parse the editor into a value for the field's type; -1 with a->qs.msg set. */
int wfield_parse(struct app *a, struct value *out)
{
	const struct question *q = wslot_question(a);
	const char *t = lineedit_text(&a->qs.ed);
	double d;
	int32_t days;
	*out = value_null();
	if (!*t)
		return 0;
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL) {
		if (input_parse_number(t, q->type == Q_INTEGER ? INPUT_INTEGER : 0, &d) < 0) {
			snprintf(a->qs.msg, sizeof a->qs.msg, q->type == Q_INTEGER
			         ? _("„%s“ ist keine ganze Zahl. Bitte nur Ziffern eingeben (z. B. 12500).")
			         : _("„%s“ ist keine Zahl. Bitte z. B. 3,5 eingeben."), t);
			a->qs.msg_style = ST_ERROR;
			return -1;
		}
		*out = value_num(d);
	} else if (q->type == Q_DATE) {
		if (date_parse_de(t, &days) < 0 && date_parse_iso(t, &days) < 0) {
			/* TRANSLATORS: TT.MM.JJJJ is day, month and year as the field expects them. */
			snprintf(a->qs.msg, sizeof a->qs.msg, _("„%s“ ist kein Datum. Bitte als TT.MM.JJJJ "
			                                  "eingeben."), t);
			a->qs.msg_style = ST_ERROR;
			return -1;
		}
		*out = value_date(days);
	} else {
		/* blank lines and spaces at the end are not part of the answer */
		size_t n = strlen(t);
		while (n > 0 && strchr(" \t\r\n", t[n - 1]))
			n--;
		if (n > 0)
			*out = value_str_n(t, n);
	}
	return 0;
}

/* Keys of the text-like fields: editing, and Enter as a new line (only a
 * long-text field gets it, see widget_wants_enter()). */
void wfield_key(struct app *a, bool code, wint_t ch)
{
	struct lineedit *e = &a->qs.ed;
	int w = a->cols - 6;
	if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8)))
		lineedit_backspace(e);
	else if (code && ch == KEY_DC)
		lineedit_delete(e);
	else if (code && ch == KEY_LEFT)
		lineedit_left(e);
	else if (code && ch == KEY_RIGHT)
		lineedit_right(e);
	else if (code && ch == KEY_HOME)
		lineedit_home(e);
	else if (code && ch == KEY_END)
		lineedit_end(e);
	else if (code && ch == KEY_UP)
		lineedit_up(e, w);
	else if (code && ch == KEY_DOWN)
		lineedit_down(e, w);
	else if (!code && (ch == '\r' || ch == '\n'))
		lineedit_insert_cp(e, '\n');
	else if (!code && ch >= 32 && ch != 127)
		lineedit_insert_cp(e, (uint32_t)ch);
}

/* Under a number written with a dot and no comma ("1.500", "1.5"): how it
 * was read, "= 1500" or "= 1,5", so that no one is misread unseen; rows used. */
static int draw_understood(struct app *a, int y, int w)
{
	const char *t = lineedit_text(&a->qs.ed);
	double d;
	if (!input_is_ambiguous(t) ||
	    input_parse_number(t, wslot_question(a)->type == Q_INTEGER ? INPUT_INTEGER : 0, &d) < 0)
		return 0;
	int dec = 0;
	while (dec < 6 && fabs(d * pow(10, dec) - round(d * pow(10, dec))) > 1e-9)
		dec++;
	char num[64], buf[80];
	input_format_number(d, dec, 1, num, sizeof num);
	snprintf(buf, sizeof buf, "= %s", num);
	draw_text(y, 3, buf, w, ST_DIM);
	return 1;
}

/* Under a long-text field: how many characters it holds of how many it
 * may, "123/4000", at the right; a warning colour once over. */
static void draw_counter(struct app *a, int y, int x, int w)
{
	const struct question *q = wslot_question(a);
	size_t n = lineedit_length(&a->qs.ed);
	char buf[40];
	snprintf(buf, sizeof buf, "%zu/%d", n, q->maxlength);
	int bw = draw_width(buf);
	draw_text(y, x + w - bw, buf, bw, n > (size_t)q->maxlength ? ST_WARNING : ST_DIM);
}

/* One row of the field: brackets around it, so that an empty field is seen
 * in every terminal (colours and underline may be missing), then the text. */
static void draw_row(struct app *a, int y, int w, size_t row)
{
	draw_text(y, 2, "[", 1, ST_DIM);
	draw_line(y, 3, "", w, ST_FIELD);
	if (row < a->qs.view.nrows) {
		const struct lineedit_row *r = &a->qs.view.rows[row];
		char *piece = strndup(lineedit_text(&a->qs.ed) + r->off, r->len);
		draw_text(y, 3, piece, w, ST_FIELD);
		free(piece);
	}
	draw_text(y, 3 + w, "]", 1, ST_DIM);
}

/* The field (several rows for long text, with its counter), its unit, the
 * date's format or how a number was read, a missing code, and the cursor
 * at the edit point. Returns the row below what was drawn. */
int wfield_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	int w = a->cols - 7;
	if (q->unit)
		w -= draw_width(q->unit) + 1;
	if (w < 4)
		w = 4;
	bool area = q->type == Q_TEXTAREA;
	int rows = area ? bottom - top - 2 : 1;
	if (rows < 1)
		rows = 1;
	if (lineedit_layout(&a->qs.ed, w, &a->qs.view) < 0)
		return top;
	size_t first = a->qs.view.cur_row >= (size_t)rows ? a->qs.view.cur_row - (size_t)rows + 1 : 0;
	for (int r = 0; r < rows; r++)
		draw_row(a, top + r, w, first + (size_t)r);
	int y = top + rows;
	if (area)
		draw_counter(a, y++, 3, w);
	if (q->unit)
		draw_text(top, 5 + w, q->unit, a->cols - w - 6, ST_NORMAL);
	if (q->type == Q_DATE)
		/* TRANSLATORS: under a date field: day, month and year as the field expects them. */
		draw_text(y++, 3, _("(TT.MM.JJJJ)"), w, ST_DIM);
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL)
		y += draw_understood(a, y, w);
	y += wslot_draw_missing(a, y, wslot_answer(a));
	app_cursor(a, top + (int)(a->qs.view.cur_row - first), 3 + a->qs.view.cur_col);
	return y;
}
