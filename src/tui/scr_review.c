/*
 * scr_review: the last screen, as in Blaise — what is still open, invalid
 * or warned, each with its question and the answer so far, a jump away;
 * open questions left blank on purpose in one go; every answer for a
 * read-through; "Abschließen" once nothing blocks, or why not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form/issue.h"
#include "form/pipe.h"
#include "form/progress.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/scr_question.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* TRANSLATORS: footer hints, the key, a blank and the label. The key is the
   letter that finishes the questionnaire on the review screen: one
   character, not u, l or g (or what their hints become). */
static const char *const hint_finish = N_("a Abschließen");
/* TRANSLATORS: footer hint; the key is the letter that goes back to the
   overview of all responses: one character, not the key of "a Abschließen". */
static const char *const hint_list = N_("u Übersicht");
/* TRANSLATORS: footer hint; the key leaves every open, not required
   question blank on purpose: one character, not a, u or g. */
static const char *const hint_blank = N_("l Offene leer lassen");
/* TRANSLATORS: footer hint; the key switches between what is still open
   and every answer: one character, not a, u or l. */
static const char *const hint_all = N_("g Alle Antworten");

static void review_init(struct app *a)
{
	struct review_state *r = &a->review;
	issue_free_list(&r->blockers);
	issue_blockers(&a->ss.e, &r->blockers);
	r->nq = 0;
	for (int q = engine_first(&a->ss.e); q >= 0 && r->nq < LOADER_MAX_QUESTIONS;
	     q = engine_next(&a->ss.e, q))
		if (a->f->questions[q].type != Q_NOTE)
			r->qs[r->nq++] = q;
	int n = r->all ? r->nq : r->blockers.n;
	if (r->sel >= n)
		r->sel = 0;
}

/* The answer a question holds, as a new string, or NULL if none. */
static char *answer_text(struct app *a, int qi)
{
	const struct question *q = &a->f->questions[qi];
	if (q->type == Q_MATRIX) {
		int done = 0;
		for (int i = 0; i < q->nrows; i++)
			done += a->ss.r->ans[a->f->vars[q->rows[i].var[0]].slot].state != ANS_EMPTY;
		/* TRANSLATORS: how much of an item battery is answered. */
		return done ? xasprintf(P_("%d von %d Zeile beantwortet", "%d von %d Zeilen beantwortet",
		                           (unsigned long)q->nrows), done, q->nrows)
		            : NULL;
	}
	if (q->var < 0 || a->f->vars[q->var].slot < 0)
		return NULL;
	const struct answer *an = &a->ss.r->ans[a->f->vars[q->var].slot];
	if (an->state == ANS_MISSING) {
		const struct missing *m = form_missing(a->f, an->missing);
		return xstrdup(m ? m->label : _("Fehlwert"));
	}
	if (an->state != ANS_VALUE)
		return NULL;
	char *t = pipe_value_text(a->f, q->var, &an->v);
	if (t && an->other && *an->other) {
		char *both = xasprintf("%s: %s", t, an->other);
		free(t);
		t = both;
	}
	return t;
}

/* "A4     Wie viele Einwohner_innen hat Musterstadt?" on row y, in 'width'. */
static void draw_question(struct app *a, int y, int qi, int width, bool selected)
{
	const struct question *q = &a->f->questions[qi];
	char *text = pipe_render(&a->ss.e, q->text ? q->text : "");
	char *line = xasprintf("%-6s %s", q->id, text);
	draw_line(y, 1, line, width, selected ? ST_SELECTED : ST_NORMAL);
	free(line);
	free(text);
}

/* The second row of a blocker: why it blocks, and the answer so far. */
static void draw_reason(struct app *a, int y, const struct issue *is)
{
	char *ans = answer_text(a, is->question);
	const char *why = is->kind == ISSUE_SOFT ? _("noch offen – darf bewusst leer bleiben")
	                  : is->kind == ISSUE_REQUIRED ? _("noch offen – muss beantwortet werden")
	                  : is->msg;
	/* TRANSLATORS: an error or a warning that blocks finishing, then the
	   answer given so far. */
	char *line = ans ? xasprintf(is->sev == SEV_ERROR ? _("Fehler: %s (Antwort: %s)")
	                                                 : _("Hinweis: %s (Antwort: %s)"), why, ans)
	                 : xasprintf(is->sev == SEV_ERROR ? _("Fehler: %s") : _("Hinweis: %s"), why);
	draw_line(y, 8, line, a->cols - 9, is->sev == SEV_ERROR ? ST_ERROR : ST_WARNING);
	free(line);
	free(ans);
}

/* The list: blockers two rows each, or every answer one row each. */
static void draw_list(struct app *a, int y)
{
	struct review_state *r = &a->review;
	int per = r->all ? 1 : 2, n = r->all ? r->nq : r->blockers.n;
	int room = (a->rows - y - 3) / per;
	int first = r->sel >= room ? r->sel - room + 1 : 0;
	for (int i = first; i < n && i - first < room; i++, y += per) {
		if (!r->all) {
			draw_question(a, y, r->blockers.v[i].question, a->cols - 2, i == r->sel);
			draw_reason(a, y + 1, &r->blockers.v[i]);
			continue;
		}
		/* the question in three fifths of the row, the answer in the rest */
		char *ans = answer_text(a, r->qs[i]);
		int qw = a->cols * 3 / 5;
		draw_question(a, y, r->qs[i], qw, i == r->sel);
		draw_line(y, qw + 2, ans ? ans : "—", a->cols - qw - 3,
		          i == r->sel ? ST_SELECTED : ans ? ST_OK : ST_DIM);
		free(ans);
	}
}

/* Append a footer hint "KEY Label" to buf. */
static void add_hint(char *buf, size_t n, const char *hint)
{
	size_t len = strlen(buf);
	snprintf(buf + len, n - len, "%s%s", len ? "|" : "", hint);
}

static void review_draw(struct app *a)
{
	struct review_state *r = &a->review;
	int answered, visible;
	progress_count(&a->ss.e, &answered, &visible);
	/* TRANSLATORS: the title of the screen that lists what is still open before finishing. */
	app_draw_title(a, _("Durchsicht"));
	char buf[600], key[8];
	int y = 2;
	/* TRANSLATORS: the last %s is the status, abgeschlossen or Entwurf. */
	snprintf(buf, sizeof buf, P_("%d von %d Frage beantwortet. Status: %s, Revision %d.",
	                             "%d von %d Fragen beantwortet. Status: %s, Revision %d.",
	                             (unsigned long)visible),
	         answered, visible, a->ss.r->status == RESP_COMPLETE ? _("abgeschlossen") : _("Entwurf"),
	         a->ss.r->revision);
	y += draw_wrap(y, 2, buf, a->cols - 4, 2, ST_NORMAL) + 1;
	if (r->all) {
		draw_text(y++, 2, _("Alle Antworten (Enter springt zur Frage):"), a->cols - 4, ST_HEADING);
	} else if (r->blockers.n == 0) {
		app_hint_key(_(hint_finish), key);
		/* TRANSLATORS: %s is the key of the hint "a Abschließen". */
		snprintf(buf, sizeof buf, _("Nichts ist mehr offen. Mit „%s“ schließen Sie den "
		                            "Fragebogen ab."), key);
		draw_wrap(y, 2, a->ss.r->status == RESP_COMPLETE ? _("Der Fragebogen ist abgeschlossen.")
		          : buf, a->cols - 4, 3, ST_OK);
	} else {
		draw_text(y++, 2, _("Noch zu klären (Enter springt zur Frage):"), a->cols - 4, ST_HEADING);
	}
	if (r->all || r->blockers.n)
		draw_list(a, y);
	bool soft = false;
	for (int i = 0; i < r->blockers.n && !soft; i++)
		soft = r->blockers.v[i].kind == ISSUE_SOFT;
	buf[0] = '\0';
	if (r->all || r->blockers.n)
		add_hint(buf, sizeof buf, _("↑↓ Auswahl|Enter Zur Frage"));
	add_hint(buf, sizeof buf, _(hint_finish));
	if (soft && !r->all)
		add_hint(buf, sizeof buf, _(hint_blank));
	/* TRANSLATORS: footer hint, back from every answer to what is open; the
	   key is that of "g Alle Antworten". */
	add_hint(buf, sizeof buf, r->all ? _("g Noch zu klären") : _(hint_all));
	/* TRANSLATORS: footer hint; Bild↑ is the Page Up key. */
	add_hint(buf, sizeof buf, _("Bild↑ Zurück"));
	add_hint(buf, sizeof buf, _(hint_list));
	add_hint(buf, sizeof buf, _("F10 Ende"));
	app_draw_footer(a, buf);
}

/* Finish the response; if the loop's save fails, its message replaces this one. */
static void finish(struct app *a)
{
	response_finish(a->ss.r, (int64_t)time(NULL));
	a->dirty = true;
	app_status(a, ST_OK, "%s", _("Der Fragebogen ist abgeschlossen und gespeichert."));
}

/* "j" to the offer after finishing: the export, once the response is
 * closed (if its save failed it is still open, and the status says why). */
static void offer_export(struct app *a)
{
	if (!a->have_session)
		app_go(a, &scr_export);
}

/* Back to the overview, closing the response once it is saved (if the save
 * fails, the status line says why, the answers stay open, and so does this
 * screen). */
static void to_list(struct app *a)
{
	app_close_session(a, APP_CLOSE_IF_SAVED);
	app_go(a, &scr_list);
}

/* Append ", part" (or the first part after the heading) to buf. */
static void add_part(char *buf, size_t n, const char *part)
{
	size_t len = strlen(buf);
	snprintf(buf + len, n - len, "%s%s", len ? ", " : _("Noch nicht abschließbar: "), part);
}

/* "a" while something blocks: say what, rather than doing nothing. */
static void why_not(struct app *a)
{
	int errors = 0, open = 0, warned = 0;
	for (int i = 0; i < a->review.blockers.n; i++) {
		const struct issue *is = &a->review.blockers.v[i];
		if (is->sev == SEV_ERROR)
			errors++;
		else if (is->kind == ISSUE_SOFT)
			open++;
		else
			warned++;
	}
	char parts[300] = "", one[100];
	/* TRANSLATORS: the parts of "Noch nicht abschließbar: …", joined by ", ". */
	if (errors) {
		snprintf(one, sizeof one, P_("%d Fehler", "%d Fehler", (unsigned long)errors), errors);
		add_part(parts, sizeof parts, one);
	}
	if (open) {
		snprintf(one, sizeof one, P_("%d offene Frage", "%d offene Fragen", (unsigned long)open),
		         open);
		add_part(parts, sizeof parts, one);
	}
	if (warned) {
		snprintf(one, sizeof one, P_("%d Hinweis", "%d Hinweise", (unsigned long)warned), warned);
		add_part(parts, sizeof parts, one);
	}
	char key[8], tail[200] = ".";
	app_hint_key(_(hint_blank), key);
	/* TRANSLATORS: after "Noch nicht abschließbar: …"; %s is the key of
	   the hint "l Offene leer lassen". */
	if (open)
		snprintf(tail, sizeof tail, _(" — offene Fragen können Sie mit „%s“ bewusst leer lassen."),
		         key);
	app_status(a, ST_ERROR, "%s%s", parts, tail);
}

/* Every open question that may stay blank is confirmed as left blank on
 * purpose, one confirmation each in the audit trail. */
static void leave_blank(struct app *a)
{
	int n = 0;
	for (int i = 0; i < a->review.blockers.n; i++) {
		const struct issue *is = &a->review.blockers.v[i];
		if (is->kind == ISSUE_SOFT && is->id && !is->confirmed) {
			engine_confirm(&a->ss.e, is->id);
			n++;
		}
	}
	a->dirty = true;
	review_init(a);
	app_status(a, ST_OK, P_("%d offene Frage bleibt bewusst leer.",
	                        "%d offene Fragen bleiben bewusst leer.", (unsigned long)n), n);
}

/* "l": ask first, naming how many. */
static void ask_leave_blank(struct app *a)
{
	int n = 0;
	for (int i = 0; i < a->review.blockers.n; i++)
		n += a->review.blockers.v[i].kind == ISSUE_SOFT && !a->review.blockers.v[i].confirmed;
	if (n == 0)
		return;
	char buf[200];
	/* TRANSLATORS: j, J, y and Y answer yes, n and N no. */
	snprintf(buf, sizeof buf, P_("%d offene Frage bewusst leer lassen? (j/n)",
	                             "Alle %d offenen Fragen bewusst leer lassen? (j/n)",
	                             (unsigned long)n), n);
	app_ask(a, buf, leave_blank, NULL);
}

/* Enter: to the question of the selected row. */
static void jump(struct app *a)
{
	struct review_state *r = &a->review;
	int q = r->all ? r->qs[r->sel] : r->blockers.v[r->sel].question;
	response_set_position(a->ss.r, a->f->questions[q].id);
	scr_question_open(a);
}

/* Bild↑: back to the last question asked. */
static void back(struct app *a)
{
	response_set_position(a->ss.r, NULL);
	int last = -1;
	for (int q = engine_first(&a->ss.e); q >= 0; q = engine_next(&a->ss.e, q))
		last = q;
	if (last >= 0)
		response_set_position(a->ss.r, a->f->questions[last].id);
	scr_question_open(a);
}

static void review_key(struct app *a, bool code, wint_t ch, bool alt)
{
	struct review_state *r = &a->review;
	char key[8];
	(void)alt;
	bool enter = (!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER);
	int n = r->all ? r->nq : r->blockers.n;
	if (code && ch == KEY_UP && r->sel > 0) {
		r->sel--;
	} else if (code && ch == KEY_DOWN && r->sel + 1 < n) {
		r->sel++;
	} else if (enter && n) {
		jump(a);
	} else if (code && (ch == KEY_PPAGE || ch == KEY_BTAB)) {
		back(a);
	} else if (!code && ch == app_hint_key(_(hint_finish), key)) {
		if (r->blockers.n) {
			why_not(a);
			return;
		}
		bool finishing = a->ss.r->status != RESP_COMPLETE;
		if (finishing)
			finish(a);
		to_list(a);
		if (finishing)
			app_ask(a, _("Abgeschlossen und gespeichert. Jetzt an das Studienteam senden? "
			             "(j/n)"), offer_export, NULL);
	} else if (!code && ch == app_hint_key(_(hint_blank), key) && !r->all) {
		ask_leave_blank(a);
	} else if (!code && ch == app_hint_key(_(hint_all), key)) {
		r->all = !r->all;
		r->sel = 0;
	} else if (!code && ch == app_hint_key(_(hint_list), key)) {
		to_list(a);
	} else if (code && ch == KEY_F(10)) {
		a->quit = true;
	}
}

/* The blockers are worked out again on every entry; nothing is kept. */
static void review_leave(struct app *a)
{
	issue_free_list(&a->review.blockers);
	a->review.all = false;
}

const struct screen scr_review = {
	.init = review_init,
	.draw = review_draw,
	.key = review_key,
	.leave = review_leave,
};
