/*
 * scr_list: the overview — every response with its Kommune, status,
 * progress, revision and last change; new, open, quit.
 */
#define _GNU_SOURCE 1 /* strcasestr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"

static void list_init(struct app *a)
{
	char msg[300];
	store_entries_free(a->entries, a->nentries);
	a->entries = NULL;
	a->nentries = 0;
	if (store_list(&a->st, &a->entries, &a->nentries, msg, sizeof msg) < 0)
		app_status(a, ST_ERROR, "%s", msg);
	if (a->list_sel >= a->nentries)
		a->list_sel = a->nentries ? a->nentries - 1 : 0;
}

/* One row of the overview. */
static void draw_entry(struct app *a, int y, const struct store_entry *e, bool sel)
{
	struct summary sm;
	char line[400];
	enum style st = sel ? ST_SELECTED : ST_NORMAL;
	if (session_summary_read(e->summary, &sm) < 0) {
		snprintf(line, sizeof line, " %.8s  %s", e->uuid, e->problem ? e->problem : "unlesbar");
		draw_line(y, 0, line, a->cols, sel ? ST_SELECTED : ST_ERROR);
		return;
	}
	draw_line(y, 0, "", a->cols, st);
	draw_text(y, 1, sm.label[0] ? sm.label : "(ohne Namen)", a->cols / 3, st);
	int x = a->cols / 3 + 2;
	snprintf(line, sizeof line, "%-13s %3d %%  Rev. %d  %s",
	         sm.complete ? "abgeschlossen" : "Entwurf", sm.percent, sm.revision, sm.when);
	draw_text(y, x, line, a->cols - x, st);
}

static void list_draw(struct app *a)
{
	app_draw_title(a, "Übersicht");
	if (a->nentries == 0) {
		draw_wrap(2, 2, "Noch keine Antworten gespeichert. Mit „n“ beginnen Sie einen neuen "
		          "Fragebogen.", a->cols - 4, 4, ST_NORMAL);
	} else {
		draw_text(2, 1, "Kommune", a->cols / 3, ST_HEADING);
		draw_text(2, a->cols / 3 + 2, "Status        Fortschritt  Letzte Änderung",
		          a->cols - a->cols / 3 - 2, ST_HEADING);
		int top = 3, room = a->rows - 6, first = 0;
		if (a->list_sel >= room)
			first = a->list_sel - room + 1;
		for (int i = first; i < a->nentries && i - first < room; i++)
			draw_entry(a, top + i - first, &a->entries[i], i == a->list_sel);
	}
	if (a->searching) {
		char buf[300];
		snprintf(buf, sizeof buf, "Suche: %s", lineedit_text(&a->search));
		draw_line(a->rows - 2, 0, buf, a->cols, ST_FIELD);
		move(a->rows - 2, draw_width(buf));
		curs_set(1);
		app_draw_footer(a, "Enter Fertig|Esc Abbrechen");
		return;
	}
	app_draw_footer(a, "n Neu|Enter Öffnen|/ Suchen|F10 Beenden");
}

/* Select the first response whose Kommune contains the search text. */
static void search_jump(struct app *a)
{
	const char *q = lineedit_text(&a->search);
	for (int i = 0; *q && i < a->nentries; i++) {
		struct summary sm;
		if (session_summary_read(a->entries[i].summary, &sm) == 0 && strcasestr(sm.label, q)) {
			a->list_sel = i;
			return;
		}
	}
}

/* Keys while searching: text goes into the search field. */
static void search_key(struct app *a, bool code, wint_t ch)
{
	if ((!code && (ch == '\r' || ch == '\n' || ch == 27)) || (code && ch == KEY_ENTER)) {
		a->searching = false;
		return;
	}
	if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8)))
		lineedit_backspace(&a->search);
	else if (!code && ch >= 32)
		lineedit_insert_cp(&a->search, (uint32_t)ch);
	search_jump(a);
}

/* Open the selected response (after the question for a completed one). */
static void open_selected(struct app *a)
{
	char msg[400];
	const char *note = NULL;
	if (session_open(&a->ss, &a->st, a->f, a->entries[a->list_sel].uuid, &note, msg,
	                 sizeof msg) < 0) {
		app_status(a, ST_ERROR, "%s", msg);
		return;
	}
	a->have_session = true;
	if (note)
		app_status(a, ST_WARNING, "%s", note);
	app_save(a); /* records the opening in the audit trail */
	app_open_question(a);
}

static void list_key(struct app *a, bool code, wint_t ch, bool alt)
{
	(void)alt;
	if (a->searching) {
		search_key(a, code, ch);
		return;
	}
	if (!code && ch == '/') {
		a->searching = true;
		lineedit_free(&a->search);
		lineedit_init(&a->search, 100, false);
	} else if (code && ch == KEY_UP && a->list_sel > 0) {
		a->list_sel--;
	} else if (code && ch == KEY_DOWN && a->list_sel + 1 < a->nentries) {
		a->list_sel++;
	} else if ((code && ch == KEY_F(10)) || (!code && ch == 'q')) {
		a->quit = true;
	} else if (!code && ch == 'n') {
		char msg[400];
		if (session_create(&a->ss, &a->st, a->f, msg, sizeof msg) < 0) {
			app_status(a, ST_ERROR, "%s", msg);
			return;
		}
		a->have_session = true;
		a->saved = true;
		app_open_question(a);
	} else if (((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) &&
	           a->nentries > 0) {
		struct summary sm;
		if (session_summary_read(a->entries[a->list_sel].summary, &sm) == 0 && sm.complete) {
			app_ask(a, "Abgeschlossen – Änderungen ergeben eine neue Revision. Öffnen? (j/n)",
			        open_selected, NULL);
			return;
		}
		open_selected(a);
	}
}

const struct screen scr_list = {list_init, list_draw, list_key};
