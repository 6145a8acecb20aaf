/*
 * wslot: the current question, its answer slot and its answer, for the
 * answer widgets. It only reads; it must never change the response.
 */
#include "tui/wslot.h"

#include <stdio.h>

#include "tui/draw.h"
#include "util/i18n.h"

/* The question on the screen: every widget starts from it. */
const struct question *wslot_question(struct app *a)
{
	return &a->f->questions[a->qs.q];
}

/* Fields keep the answer as text in the editor, so they parse it on commit. */
bool wslot_is_field(const struct question *q)
{
	return q->type == Q_INTEGER || q->type == Q_DECIMAL || q->type == Q_TEXT ||
	       q->type == Q_TEXTAREA || q->type == Q_DATE;
}

/* Choice lists pick codes; their editor only holds a "Sonstiges" text. */
bool wslot_is_choice(const struct question *q)
{
	return q->type == Q_SINGLE || q->type == Q_SCALE || q->type == Q_MULTI;
}

/* The answer slot the widget works on (the focused cell of a matrix). */
int wslot_index(struct app *a)
{
	const struct question *q = wslot_question(a);
	if (q->type == Q_MATRIX)
		return a->f->vars[q->rows[a->qs.row_sel].var[a->qs.col]].slot;
	return q->var >= 0 ? a->f->vars[q->var].slot : -1;
}

/* The stored answer of that slot: what the widget shows and compares with. */
const struct answer *wslot_answer(struct app *a)
{
	int s = wslot_index(a);
	return s >= 0 ? &a->ss.r->ans[s] : NULL;
}

/* "Antwort: weiß nicht" under a widget whose answer is a missing code. */
int wslot_draw_missing(struct app *a, int y, const struct answer *an)
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
