/*
 * scr_review: the last screen — what is still open, invalid or warned,
 * each a jump away; "Abschließen" once nothing blocks.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "form/issue.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/scr_question.h"
#include "util/i18n.h"

/* TRANSLATORS: footer hints, the key, a blank and the label. The key is the
   letter that finishes the questionnaire on the review screen: one
   character, not u (or what "u Übersicht" becomes). */
static const char *const hint_finish = N_("a Abschließen");
/* TRANSLATORS: footer hint; the key is the letter that goes back to the
   overview of all responses: one character, not the key of "a Abschließen". */
static const char *const hint_list = N_("u Übersicht");

static void review_init(struct app *a)
{
	issue_free_list(&a->review.blockers);
	issue_blockers(&a->ss.e, &a->review.blockers);
	if (a->review.sel >= a->review.blockers.n)
		a->review.sel = 0;
}

static void review_draw(struct app *a)
{
	int answered, visible;
	engine_progress(&a->ss.e, &answered, &visible);
	/* TRANSLATORS: the title of the screen that lists what is still open before finishing. */
	app_draw_title(a, _("Durchsicht"));
	char buf[300], key[8];
	int y = 2;
	/* TRANSLATORS: the last %s is the status, abgeschlossen or Entwurf. */
	snprintf(buf, sizeof buf, P_("%d von %d Frage beantwortet. Status: %s, Revision %d.",
	                             "%d von %d Fragen beantwortet. Status: %s, Revision %d.",
	                             (unsigned long)visible),
	         answered, visible, a->ss.r->status == RESP_COMPLETE ? _("abgeschlossen") : _("Entwurf"),
	         a->ss.r->revision);
	y += draw_wrap(y, 2, buf, a->cols - 4, 2, ST_NORMAL) + 1;
	if (a->review.blockers.n == 0) {
		app_hint_key(_(hint_finish), key);
		/* TRANSLATORS: %s is the key of the hint "a Abschließen". */
		snprintf(buf, sizeof buf, _("Nichts ist mehr offen. Mit „%s“ schließen Sie den "
		                            "Fragebogen ab."), key);
		draw_wrap(y, 2, a->ss.r->status == RESP_COMPLETE ? _("Der Fragebogen ist abgeschlossen.")
		          : buf, a->cols - 4, 3, ST_OK);
		/* TRANSLATORS: footer hints "KEY Label|KEY Label"; Bild↑ is the Page Up key. */
		snprintf(buf, sizeof buf, "%s|%s|%s|%s", _(hint_finish), _("Bild↑ Zurück"), _(hint_list),
		         _("F10 Ende"));
		app_draw_footer(a, buf);
		return;
	}
	draw_text(y++, 2, _("Noch zu klären (Enter springt zur Frage):"), a->cols - 4, ST_HEADING);
	int room = a->rows - y - 3, first = a->review.sel >= room ? a->review.sel - room + 1 : 0;
	for (int i = first; i < a->review.blockers.n && i - first < room; i++) {
		const struct issue *is = &a->review.blockers.v[i];
		/* TRANSLATORS: the question, then an error or a warning that blocks finishing. */
		snprintf(buf, sizeof buf, is->sev == SEV_ERROR ? _("%-6s Fehler: %s") : _("%-6s Hinweis: %s"),
		         a->f->questions[is->question].id, is->msg);
		draw_line(y + i - first, 1, buf, a->cols - 2,
		          i == a->review.sel ? ST_SELECTED : is->sev == SEV_ERROR ? ST_ERROR : ST_WARNING);
	}
	snprintf(buf, sizeof buf, "%s|%s|%s|%s", _("↑↓ Auswahl|Enter Zur Frage"), _("Bild↑ Zurück"),
	         _(hint_list), _("F10 Ende"));
	app_draw_footer(a, buf);
}

/* Finish the response; if the loop's save fails, its message replaces this one. */
static void finish(struct app *a)
{
	response_finish(a->ss.r, (int64_t)time(NULL));
	a->dirty = true;
	app_status(a, ST_OK, "%s", _("Der Fragebogen ist abgeschlossen und gespeichert."));
}

/* Back to the overview, closing the response once it is saved (if the save
 * fails, the status line says why, the answers stay open, and so does this
 * screen). */
static void to_list(struct app *a)
{
	app_close_session(a, APP_CLOSE_IF_SAVED);
	app_go(a, &scr_list);
}

static void review_key(struct app *a, bool code, wint_t ch, bool alt)
{
	char key[8];
	(void)alt;
	bool enter = (!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER);
	if (code && ch == KEY_UP && a->review.sel > 0) {
		a->review.sel--;
	} else if (code && ch == KEY_DOWN && a->review.sel + 1 < a->review.blockers.n) {
		a->review.sel++;
	} else if (enter && a->review.blockers.n) {
		response_set_position(a->ss.r, a->f->questions[a->review.blockers.v[a->review.sel].question].id);
		scr_question_open(a);
	} else if (code && (ch == KEY_PPAGE || ch == KEY_BTAB)) {
		response_set_position(a->ss.r, NULL);
		int last = -1;
		for (int q = engine_first(&a->ss.e); q >= 0; q = engine_next(&a->ss.e, q))
			last = q;
		if (last >= 0)
			response_set_position(a->ss.r, a->f->questions[last].id);
		scr_question_open(a);
	} else if (!code && ch == app_hint_key(_(hint_finish), key) && a->review.blockers.n == 0) {
		if (a->ss.r->status != RESP_COMPLETE)
			finish(a);
		to_list(a);
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
}

const struct screen scr_review = {
	.init = review_init,
	.draw = review_draw,
	.key = review_key,
	.leave = review_leave,
};
