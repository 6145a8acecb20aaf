/*
 * widget: answer widgets of the question screen.
 */
#include "tui/widget.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "form/pipe.h"
#include "tui/draw.h"
#include "util/date.h"
#include "util/i18n.h"

static const struct question *cur(struct app *a)
{
	return &a->f->questions[a->qs.q];
}

static bool is_field(const struct question *q)
{
	return q->type == Q_INTEGER || q->type == Q_DECIMAL || q->type == Q_TEXT ||
	       q->type == Q_TEXTAREA || q->type == Q_DATE;
}

static bool is_choice(const struct question *q)
{
	return q->type == Q_SINGLE || q->type == Q_SCALE || q->type == Q_MULTI;
}

/* The answer slot the widget works on (the focused cell of a matrix). */
static int slot(struct app *a)
{
	const struct question *q = cur(a);
	if (q->type == Q_MATRIX)
		return a->f->vars[q->rows[a->qs.row_sel].var[a->qs.col]].slot;
	return q->var >= 0 ? a->f->vars[q->var].slot : -1;
}

static const struct answer *answer(struct app *a)
{
	int s = slot(a);
	return s >= 0 ? &a->ss.r->ans[s] : NULL;
}

/* Name under which a draft of this widget's editor is kept. */
static void draft_name(struct app *a, char *buf, size_t n)
{
	const struct question *q = cur(a);
	snprintf(buf, n, is_field(q) ? "%s" : "%s_txt", q->id);
}

/* The text a field shows for the stored answer. */
static void answer_text(struct app *a, char *buf, size_t n)
{
	const struct answer *an = answer(a);
	const struct question *q = cur(a);
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

void widget_load(struct app *a)
{
	const struct question *q = cur(a);
	const struct answer *an = answer(a);
	char buf[40000], name[48];
	lineedit_free(&a->qs.ed);
	lineedit_init(&a->qs.ed, q->maxlength > 0 ? (size_t)q->maxlength : 2000, q->type == Q_TEXTAREA);
	a->qs.ed_on = is_field(q);
	if (is_field(q))
		answer_text(a, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", an && an->other ? an->other : "");
	draft_name(a, name, sizeof name);
	if (a->ss.r->draft_var && strcmp(a->ss.r->draft_var, name) == 0) {
		snprintf(buf, sizeof buf, "%s", a->ss.r->draft_text);
		a->qs.ed_on = true;
	}
	lineedit_set(&a->qs.ed, buf);
	lineedit_view_free(&a->qs.view);
	if (is_choice(q) && an && an->state == ANS_VALUE && q->type != Q_MULTI)
		for (int i = 0; i < q->choices->n; i++)
			if (q->choices->v[i].code == (int32_t)an->v.u.num)
				a->qs.sel = i;
}

/* Whether the answer has an "other" option selected. */
static bool other_selected(struct app *a)
{
	const struct question *q = cur(a);
	const struct answer *an = answer(a);
	if (!is_choice(q) || !an || an->state != ANS_VALUE)
		return false;
	uint32_t n = an->v.type == VT_SET ? an->v.u.set.n : 1;
	for (uint32_t i = 0; i < n; i++) {
		const struct choice *c = form_choice(q->choices, an->v.type == VT_SET
		                                     ? an->v.u.set.codes[i] : (int32_t)an->v.u.num);
		if (c && c->other)
			return true;
	}
	return false;
}

/* Parse the editor into a value for the field's type; -1 with a->qs.msg set. */
static int parse_field(struct app *a, struct value *out)
{
	const struct question *q = cur(a);
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
		*out = value_str(t);
	}
	return 0;
}

/* A draft is settled (the answer was given, or the field shows the stored
 * answer again): it must not come back at the next start. */
static void drop_draft(struct app *a)
{
	if (!a->ss.r->draft_var)
		return;
	response_set_draft(a->ss.r, NULL, NULL);
	a->dirty = true;
}

int widget_commit(struct app *a)
{
	const struct question *q = cur(a);
	const struct answer *an = answer(a);
	struct engine *e = &a->ss.e;
	if (is_field(q)) {
		struct value v;
		if (parse_field(a, &v) < 0)
			return -1;
		if (v.type == VT_NULL && an->state == ANS_VALUE) {
			engine_clear(e, slot(a));
			a->dirty = true;
		} else if (v.type != VT_NULL && (an->state != ANS_VALUE || !value_equal(&v, &an->v))) {
			engine_set_value(e, slot(a), &v);
			a->dirty = true;
		}
		value_free(&v);
	} else if (is_choice(q)) {
		const char *t = other_selected(a) ? lineedit_text(&a->qs.ed) : "";
		if (strcmp(t, an->other ? an->other : "") != 0) {
			engine_set_other(e, slot(a), t);
			a->dirty = true;
		}
		if (!other_selected(a)) {
			lineedit_set(&a->qs.ed, "");
			a->qs.ed_on = false;
		}
	}
	drop_draft(a);
	a->qs.msg[0] = '\0';
	return 0;
}

void widget_keep_draft(struct app *a)
{
	char name[48], buf[40000];
	const struct question *q = cur(a);
	if (!a->have_session || !(is_field(q) || is_choice(q)))
		return;
	if (is_field(q))
		answer_text(a, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", answer(a)->other ? answer(a)->other : "");
	if (strcmp(buf, lineedit_text(&a->qs.ed)) == 0) {
		drop_draft(a); /* a recovered draft undone by hand is no draft any more */
		return;
	}
	draft_name(a, name, sizeof name);
	if (a->ss.r->draft_var && strcmp(a->ss.r->draft_var, name) == 0 &&
	    strcmp(a->ss.r->draft_text, lineedit_text(&a->qs.ed)) == 0)
		return;
	response_set_draft(a->ss.r, name, lineedit_text(&a->qs.ed));
	a->dirty = true;
}

bool widget_wants_enter(struct app *a)
{
	return cur(a)->type == Q_TEXTAREA;
}

bool widget_takes_text(struct app *a)
{
	const struct question *q = cur(a);
	/* letters typed on a selected "Sonstiges" are its text, not missing codes */
	return a->qs.ed_on || (is_choice(q) && q->choices->v[a->qs.sel].other && other_selected(a));
}

void widget_set_missing(struct app *a, int32_t code)
{
	const struct question *q = cur(a);
	engine_set_missing(&a->ss.e, slot(a), code);
	if (is_choice(q) && answer(a)->other)
		engine_set_other(&a->ss.e, slot(a), NULL);
	if (is_field(q) || is_choice(q)) {
		lineedit_set(&a->qs.ed, "");
		a->qs.ed_on = is_field(q);
	}
	if (q->type == Q_MATRIX && a->qs.row_sel + 1 < q->nrows && a->qs.col + 1 >= q->ncols)
		a->qs.row_sel++, a->qs.col = 0;
	else if (q->type == Q_MATRIX && a->qs.col + 1 < q->ncols)
		a->qs.col++;
	drop_draft(a);
	a->dirty = true;
}

/* Select choice i of a single or scale question, or toggle it in a multi. */
static void choose(struct app *a, int i)
{
	const struct question *q = cur(a);
	const struct choice *c = &q->choices->v[i];
	a->qs.sel = i;
	if (q->type == Q_MULTI) {
		engine_toggle(&a->ss.e, a->qs.q, c->code);
	} else {
		struct value v = value_num(c->code);
		const struct answer *an = answer(a);
		if (an->state != ANS_VALUE || an->v.u.num != c->code)
			engine_set_value(&a->ss.e, slot(a), &v);
	}
	a->dirty = true;
}

/* A mouse click on an option chooses it (or toggles it in a multi). */
static void choice_click(struct app *a)
{
	MEVENT ev;
	const struct question *q = cur(a);
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

/* Keys of the choice widgets. */
static void choice_key(struct app *a, bool code, wint_t ch)
{
	if (code && ch == KEY_MOUSE) {
		choice_click(a);
		return;
	}
	const struct question *q = cur(a);
	int n = q->choices->n;
	const struct choice *c = &q->choices->v[a->qs.sel];
	bool selected = q->type == Q_MULTI ? value_set_has(&answer(a)->v, c->code)
	                : answer(a)->state == ANS_VALUE && answer(a)->v.u.num == c->code;
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
	if (arrow && q->type != Q_MULTI && answer(a)->state != ANS_VALUE) {
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

/* Keys of a matrix: rows up and down, choices left and right, digits set. */
static void matrix_key(struct app *a, bool code, wint_t ch)
{
	const struct question *q = cur(a);
	const struct choicelist *cl = q->cols[a->qs.col].choices;
	const struct answer *an = answer(a);
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
	engine_set_value(&a->ss.e, slot(a), &v);
	a->dirty = true;
	if (code)
		return; /* arrows stay on the cell; a digit moves on */
	if (a->qs.col + 1 < q->ncols)
		a->qs.col++;
	else if (a->qs.row_sel + 1 < q->nrows)
		a->qs.row_sel++, a->qs.col = 0;
}

/* Keys of the text-like fields. */
static void field_key(struct app *a, bool code, wint_t ch)
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

void widget_key(struct app *a, bool code, wint_t ch)
{
	const struct question *q = cur(a);
	if (is_field(q))
		field_key(a, code, ch);
	else if (is_choice(q))
		choice_key(a, code, ch);
	else if (q->type == Q_MATRIX)
		matrix_key(a, code, ch);
}

const char *widget_keys(struct app *a)
{
	static char buf[600];
	const struct question *q = cur(a);
	bool alt = widget_takes_text(a);
	/* TRANSLATORS: footer hints "KEY Label|KEY Label": translate the labels and
	   the names of keys (Leer is the space bar, Bild↑ the Page Up key). */
	/* the range of the digits: as many as there are options */
	int k = q->type == Q_MATRIX ? q->cols[a->qs.col].choices->n
	        : q->choices ? q->choices->n : 0;
	char how[200];
	if (is_field(q) || a->qs.ed_on)
		snprintf(how, sizeof how, "%s", _("Tab Weiter"));
	else if (q->type == Q_MATRIX)
		snprintf(how, sizeof how, _("↑↓ Zeile|←→/1-%d Wert|Tab Weiter"), k < 9 ? k : 9);
	else if (q->type == Q_MULTI)
		snprintf(how, sizeof how, _("↑↓ Wählen|Leer/1-%d An/Aus|Enter Weiter"), k);
	else if (q->type == Q_NOTE)
		snprintf(how, sizeof how, "%s", _("Enter Weiter"));
	else
		snprintf(how, sizeof how, _("↑↓/1-%d Wählen|Enter Weiter"), k);
	size_t n = (size_t)snprintf(buf, sizeof buf, "%s|%s", how, _("Bild↑ Zurück"));
	for (int i = 0; i < a->f->nmissing && n < sizeof buf; i++)
		if (form_q_offers(q, a->f->missing[i].code))
			n += (size_t)snprintf(buf + n, sizeof buf - n, "|%s%c %s", alt ? "Alt-" : "",
			                      a->f->missing[i].key, a->f->missing[i].label);
	if (n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "%s%s",
		         /* TRANSLATORS: footer hint: F1 shows the help text of the question. */
		         q->help ? "|" : "", q->help ? _("F1 Hilfe") : "");
	n = strlen(buf);
	if (n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "|%s", _("F2 Durchsicht|F3 Gehe zu|F10 Ende"));
	return buf;
}

/* "Antwort: weiß nicht" under a widget whose answer is a missing code. */
static int draw_missing(struct app *a, int y, const struct answer *an)
{
	if (!an || an->state != ANS_MISSING)
		return 0;
	const struct missing *m = form_missing(a->f, an->missing);
	char buf[200];
	/* TRANSLATORS: %s is the label of a missing-value code, such as "weiß nicht". */
	snprintf(buf, sizeof buf, _("Antwort: %s"), m ? m->label : _("Fehlwert"));
	draw_text(y, 3, buf, a->cols - 4, ST_WARNING);
	return 1;
}

/* Under a number written with a dot and no comma ("1.500", "1.5"): how it
 * was read, "= 1500" or "= 1,5", so that no one is misread unseen. */
static void draw_understood(struct app *a, int y, int w)
{
	const char *t = lineedit_text(&a->qs.ed);
	double d;
	if (!input_is_ambiguous(t) ||
	    input_parse_number(t, cur(a)->type == Q_INTEGER ? INPUT_INTEGER : 0, &d) < 0)
		return;
	int dec = 0;
	while (dec < 6 && fabs(d * pow(10, dec) - round(d * pow(10, dec))) > 1e-9)
		dec++;
	char num[64], buf[80];
	input_format_number(d, dec, 1, num, sizeof num);
	snprintf(buf, sizeof buf, "= %s", num);
	draw_text(y, 3, buf, w, ST_DIM);
}

static void draw_field(struct app *a, int top, int bottom)
{
	const struct question *q = cur(a);
	int w = a->cols - 6;
	if (q->unit)
		w -= draw_width(q->unit) + 1;
	if (w < 4)
		w = 4;
	int rows = q->type == Q_TEXTAREA ? bottom - top - 1 : 1;
	if (rows < 1)
		rows = 1;
	if (lineedit_layout(&a->qs.ed, w, &a->qs.view) < 0)
		return;
	size_t first = a->qs.view.cur_row >= (size_t)rows ? a->qs.view.cur_row - (size_t)rows + 1 : 0;
	const char *t = lineedit_text(&a->qs.ed);
	for (int r = 0; r < rows; r++) {
		draw_line(top + r, 3, "", w, ST_FIELD);
		if (first + (size_t)r < a->qs.view.nrows) {
			const struct lineedit_row *row = &a->qs.view.rows[first + (size_t)r];
			char *piece = strndup(t + row->off, row->len);
			draw_text(top + r, 3, piece, w, ST_FIELD);
			free(piece);
		}
	}
	if (q->unit)
		draw_text(top, 4 + w, q->unit, a->cols - w - 5, ST_NORMAL);
	if (q->type == Q_DATE)
		/* TRANSLATORS: under a date field: day, month and year as the field expects them. */
		draw_text(top + 1, 3, _("(TT.MM.JJJJ)"), w, ST_DIM);
	if (q->type == Q_INTEGER || q->type == Q_DECIMAL)
		draw_understood(a, top + 1, w);
	draw_missing(a, top + rows + (q->type == Q_DATE), answer(a));
	app_cursor(a, top + (int)(a->qs.view.cur_row - first), 3 + a->qs.view.cur_col);
}

static void draw_choices(struct app *a, int top, int bottom)
{
	const struct question *q = cur(a);
	const struct answer *an = answer(a);
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
	draw_missing(a, bottom - 1, an);
}

/* A narrow screen: one matrix row at a time, its scales spelled out. */
static void draw_matrix_row(struct app *a, int top, int bottom)
{
	const struct question *q = cur(a);
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
static void draw_matrix(struct app *a, int top, int bottom)
{
	const struct question *q = cur(a);
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

void widget_draw(struct app *a, int top, int bottom)
{
	const struct question *q = cur(a);
	if (is_field(q))
		draw_field(a, top, bottom);
	else if (is_choice(q))
		draw_choices(a, top, bottom);
	else if (q->type == Q_MATRIX)
		draw_matrix(a, top, bottom);
}
