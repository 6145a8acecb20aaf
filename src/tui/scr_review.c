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
#include "tui/widget.h"

static struct issues blockers;

static void review_init(struct app *a)
{
	issue_free_list(&blockers);
	issue_blockers(&a->ss.e, &blockers);
	if (a->review_sel >= blockers.n)
		a->review_sel = 0;
}

static void review_draw(struct app *a)
{
	int answered, visible;
	engine_progress(&a->ss.e, &answered, &visible);
	app_draw_title(a, "Durchsicht");
	char buf[300];
	int y = 2;
	snprintf(buf, sizeof buf, "%d von %d Fragen beantwortet. Status: %s, Revision %d.", answered,
	         visible, a->ss.r->status == RESP_COMPLETE ? "abgeschlossen" : "Entwurf",
	         a->ss.r->revision);
	y += draw_wrap(y, 2, buf, a->cols - 4, 2, ST_NORMAL) + 1;
	if (blockers.n == 0) {
		draw_wrap(y, 2, a->ss.r->status == RESP_COMPLETE
		          ? "Der Fragebogen ist abgeschlossen."
		          : "Nichts ist mehr offen. Mit „a“ schließen Sie den Fragebogen ab.",
		          a->cols - 4, 3, ST_OK);
		app_draw_footer(a, "a Abschließen|Bild↑ Zurück|u Übersicht|F10 Ende");
		return;
	}
	draw_text(y++, 2, "Noch zu klären (Enter springt zur Frage):", a->cols - 4, ST_HEADING);
	int room = a->rows - y - 3, first = a->review_sel >= room ? a->review_sel - room + 1 : 0;
	for (int i = first; i < blockers.n && i - first < room; i++) {
		const struct issue *is = &blockers.v[i];
		snprintf(buf, sizeof buf, "%-6s %s %s", a->f->questions[is->question].id,
		         is->sev == SEV_ERROR ? "Fehler:" : "Hinweis:", is->msg);
		draw_line(y + i - first, 1, buf, a->cols - 2,
		          i == a->review_sel ? ST_SELECTED : is->sev == SEV_ERROR ? ST_ERROR : ST_WARNING);
	}
	app_draw_footer(a, "↑↓ Auswahl|Enter Zur Frage|Bild↑ Zurück|u Übersicht|F10 Ende");
}

static void finish(struct app *a)
{
	response_finish(a->ss.r, (int64_t)time(NULL));
	app_save(a);
	if (a->saved)
		app_status(a, ST_OK, "Der Fragebogen ist abgeschlossen und gespeichert.");
}

/* Back to the overview, closing the response. */
static void to_list(struct app *a)
{
	app_save(a);
	if (!a->saved)
		return; /* the status line says why; the answers stay open */
	session_close(&a->ss);
	a->have_session = false;
	app_go(a, &scr_list);
}

static void review_key(struct app *a, bool code, wint_t ch, bool alt)
{
	(void)alt;
	bool enter = (!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER);
	if (code && ch == KEY_UP && a->review_sel > 0) {
		a->review_sel--;
	} else if (code && ch == KEY_DOWN && a->review_sel + 1 < blockers.n) {
		a->review_sel++;
	} else if (enter && blockers.n) {
		response_set_position(a->ss.r, a->f->questions[blockers.v[a->review_sel].question].id);
		app_open_question(a);
	} else if (code && (ch == KEY_PPAGE || ch == KEY_BTAB)) {
		response_set_position(a->ss.r, NULL);
		int last = -1;
		for (int q = engine_first(&a->ss.e); q >= 0; q = engine_next(&a->ss.e, q))
			last = q;
		if (last >= 0)
			response_set_position(a->ss.r, a->f->questions[last].id);
		app_open_question(a);
	} else if (!code && ch == 'a' && blockers.n == 0) {
		if (a->ss.r->status != RESP_COMPLETE)
			finish(a);
		to_list(a);
	} else if (!code && ch == 'u') {
		to_list(a);
	} else if (code && ch == KEY_F(10)) {
		a->quit = true;
	}
}

const struct screen scr_review = {review_init, review_draw, review_key};
