/*
 * widget: the answer widgets of the question screen. This file holds what
 * all question types share — loading the editor and a draft, committing
 * typed text, missing codes, the footer's keys — and hands keys and
 * drawing to the widget of the question's type: wchoice (choice lists),
 * wmatrix (matrices) and wfield (number, text, date and long-text
 * fields). It never saves; the main loop does after the key.
 */
#include "tui/widget.h"

#include <stdio.h>
#include <string.h>

#include "tui/wchoice.h"
#include "tui/wfield.h"
#include "tui/wmatrix.h"
#include "tui/wslot.h"
#include "util/i18n.h"

/* Name under which a draft of this widget's editor is kept. */
static void draft_name(struct app *a, char *buf, size_t n)
{
	const struct question *q = wslot_question(a);
	snprintf(buf, n, wslot_is_field(q) ? "%s" : "%s_txt", q->id);
}

/* Fill the editor from the stored answer (or the text of "Sonstiges"), or
 * from the draft a closed terminal left; point the list at the answer. */
void widget_load(struct app *a)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = wslot_answer(a);
	char buf[40000], name[48];
	lineedit_free(&a->qs.ed);
	lineedit_init(&a->qs.ed, q->maxlength > 0 ? (size_t)q->maxlength : 2000, q->type == Q_TEXTAREA);
	a->qs.ed_on = wslot_is_field(q);
	if (wslot_is_field(q))
		wfield_answer_text(a, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", an && an->other ? an->other : "");
	draft_name(a, name, sizeof name);
	if (a->ss.r->draft_var && strcmp(a->ss.r->draft_var, name) == 0) {
		snprintf(buf, sizeof buf, "%s", a->ss.r->draft_text);
		a->qs.ed_on = true;
	}
	lineedit_set(&a->qs.ed, buf);
	lineedit_view_free(&a->qs.view);
	if (wslot_is_choice(q) && an && an->state == ANS_VALUE && q->type != Q_MULTI)
		for (int i = 0; i < q->choices->n; i++)
			if (q->choices->v[i].code == (int32_t)an->v.u.num)
				a->qs.sel = i;
}

/* Whether the answer has an "other" option selected. */
static bool other_selected(struct app *a)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = wslot_answer(a);
	if (!wslot_is_choice(q) || !an || an->state != ANS_VALUE)
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

/* A draft is settled (the answer was given, or the field shows the stored
 * answer again): it must not come back at the next start. */
static void drop_draft(struct app *a)
{
	if (!a->ss.r->draft_var)
		return;
	response_set_draft(a->ss.r, NULL, NULL);
	a->dirty = true;
}

/* Store what the editor holds: a field's value, or the text of a chosen
 * "Sonstiges"; refuse text that is no answer, with a->qs.msg. */
int widget_commit(struct app *a)
{
	const struct question *q = wslot_question(a);
	const struct answer *an = wslot_answer(a);
	struct engine *e = &a->ss.e;
	if (wslot_is_field(q)) {
		struct value v;
		if (wfield_parse(a, &v) < 0)
			return -1;
		if (v.type == VT_NULL && an->state == ANS_VALUE) {
			engine_clear(e, wslot_index(a));
			a->dirty = true;
		} else if (v.type != VT_NULL && (an->state != ANS_VALUE || !value_equal(&v, &an->v))) {
			engine_set_value(e, wslot_index(a), &v);
			a->dirty = true;
		}
		/* the field shows what is stored: trailing blank lines go */
		if (v.type == VT_STR && strcmp(v.u.str, lineedit_text(&a->qs.ed)) != 0)
			(void)lineedit_set(&a->qs.ed, v.u.str);
		else if (v.type == VT_NULL && *lineedit_text(&a->qs.ed))
			(void)lineedit_set(&a->qs.ed, "");
		value_free(&v);
	} else if (wslot_is_choice(q)) {
		const char *t = other_selected(a) ? lineedit_text(&a->qs.ed) : "";
		if (strcmp(t, an->other ? an->other : "") != 0) {
			engine_set_other(e, wslot_index(a), t);
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

/* Keep what differs from the stored answer as the draft, so that a closed
 * terminal loses no typing; the answer itself stays unchecked and unchanged. */
void widget_keep_draft(struct app *a)
{
	char name[48], buf[40000];
	const struct question *q = wslot_question(a);
	if (!a->have_session || !(wslot_is_field(q) || wslot_is_choice(q)))
		return;
	if (wslot_is_field(q))
		wfield_answer_text(a, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", wslot_answer(a)->other ? wslot_answer(a)->other : "");
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

/* Only a long-text field takes Enter: elsewhere it moves on. */
bool widget_wants_enter(struct app *a)
{
	return wslot_question(a)->type == Q_TEXTAREA;
}

/* An active editor takes letters; so does a selected "Sonstiges". */
bool widget_takes_text(struct app *a)
{
	const struct question *q = wslot_question(a);
	/* letters typed on a selected "Sonstiges" are its text, not missing codes */
	return a->qs.ed_on ||
	       (wslot_is_choice(q) && q->choices->v[a->qs.sel].other && other_selected(a));
}

/* Give the slot a missing code, clear any typed text, and in a matrix move
 * on to the next cell, as a digit does. */
void widget_set_missing(struct app *a, int32_t code)
{
	const struct question *q = wslot_question(a);
	engine_set_missing(&a->ss.e, wslot_index(a), code);
	if (wslot_is_choice(q) && wslot_answer(a)->other)
		engine_set_other(&a->ss.e, wslot_index(a), NULL);
	if (wslot_is_field(q) || wslot_is_choice(q)) {
		lineedit_set(&a->qs.ed, "");
		a->qs.ed_on = wslot_is_field(q);
	}
	if (q->type == Q_MATRIX && a->qs.row_sel + 1 < q->nrows && a->qs.col + 1 >= q->ncols)
		a->qs.row_sel++, a->qs.col = 0;
	else if (q->type == Q_MATRIX && a->qs.col + 1 < q->ncols)
		a->qs.col++;
	drop_draft(a);
	a->dirty = true;
}

/* Hand a key to the widget of the question's type. */
void widget_key(struct app *a, bool code, wint_t ch)
{
	const struct question *q = wslot_question(a);
	if (wslot_is_field(q))
		wfield_key(a, code, ch);
	else if (wslot_is_choice(q))
		wchoice_key(a, code, ch);
	else if (q->type == Q_MATRIX)
		wmatrix_key(a, code, ch);
}

/* The footer: how to answer this type, the missing codes it offers (with
 * Alt- while letters are text), help, and the ways to leave. */
const char *widget_keys(struct app *a)
{
	static char buf[600];
	const struct question *q = wslot_question(a);
	bool alt = widget_takes_text(a);
	/* TRANSLATORS: footer hints "KEY Label|KEY Label": translate the labels and
	   the names of keys (Leer is the space bar, Bild↑ the Page Up key). */
	/* the range of the digits: as many as there are options */
	int k = q->type == Q_MATRIX ? q->cols[a->qs.col].choices->n
	        : q->choices ? q->choices->n : 0;
	char how[200];
	if (q->type == Q_TEXTAREA)
		/* TRANSLATORS: footer hint of a long-text field: Enter breaks the line. */
		snprintf(how, sizeof how, "%s", _("Tab Weiter|Enter neue Zeile"));
	else if (wslot_is_field(q) || a->qs.ed_on)
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

/* Draw the widget of the question's type between rows top and bottom;
 * the row below it, where a message about the answer belongs. */
int widget_draw(struct app *a, int top, int bottom)
{
	const struct question *q = wslot_question(a);
	if (wslot_is_field(q))
		return wfield_draw(a, top, bottom);
	if (wslot_is_choice(q))
		return wchoice_draw(a, top, bottom);
	if (q->type == Q_MATRIX)
		return wmatrix_draw(a, top, bottom);
	return top;
}
