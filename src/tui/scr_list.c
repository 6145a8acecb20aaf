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
#include "tui/scr_question.h"
#include "util/i18n.h"

/* TRANSLATORS: a footer hint, the key, a blank and the label. The key is the
   letter that starts a new questionnaire on the overview: one character. */
static const char *const hint_new = N_("n Neu");
/* TRANSLATORS: a footer hint: the key (one character) that opens the
   export for the study team. */
static const char *const hint_export = N_("e Exportieren");

/* Columns of the overview right of the Kommune: where each one starts. */
struct cols {
	int status, progress, rev, when;
};

static int max3(int x, int y, int z)
{
	int m = x > y ? x : y;
	return m > z ? m : z;
}

/* As wide as the longest heading or value of each column. */
static struct cols columns(struct app *a)
{
	struct cols c;
	c.status = a->cols / 3 + 2;
	/* TRANSLATORS: a column heading of the overview, then the two states of a
	   response: completed, and a draft still being filled in. */
	c.progress = c.status + 1 + max3(draw_width(_("Status")), draw_width(_("abgeschlossen")),
	                                 draw_width(_("Entwurf")));
	/* TRANSLATORS: a column heading: the share of questions answered. */
	c.rev = c.progress + 2 + max3(draw_width(_("Fortschritt")), 5, 0);
	/* TRANSLATORS: a column heading: the revision of each response. */
	c.when = c.rev + 2 + max3(draw_width(_("Rev. %d")), draw_width(_("Revision")), 0);
	return c;
}

static void list_init(struct app *a)
{
	char msg[300];
	store_entries_free(a->list.entries, a->list.n);
	a->list.entries = NULL;
	a->list.n = 0;
	if (store_list(&a->st, &a->list.entries, &a->list.n, msg, sizeof msg) < 0)
		app_status(a, ST_ERROR, "%s", msg);
	if (a->list.sel >= a->list.n)
		a->list.sel = a->list.n ? a->list.n - 1 : 0;
}

/* One row of the overview. */
static void draw_entry(struct app *a, int y, const struct store_entry *e, bool sel)
{
	struct summary sm;
	char line[400];
	enum style st = sel ? ST_SELECTED : ST_NORMAL;
	if (session_summary_read(e->summary, &sm) < 0) {
		/* TRANSLATORS: a stored response whose summary cannot be read. */
		snprintf(line, sizeof line, " %.8s  %s", e->uuid, e->problem ? e->problem : _("unlesbar"));
		draw_line(y, 0, line, a->cols, sel ? ST_SELECTED : ST_ERROR);
		return;
	}
	struct cols c = columns(a);
	draw_line(y, 0, "", a->cols, st);
	/* TRANSLATORS: a response that names no Kommune yet. */
	draw_text(y, 1, sm.label[0] ? sm.label : _("(ohne Namen)"), a->cols / 3, st);
	draw_text(y, c.status, sm.complete ? _("abgeschlossen") : _("Entwurf"), a->cols - c.status, st);
	snprintf(line, sizeof line, "%3d %%", sm.percent);
	draw_text(y, c.progress, line, a->cols - c.progress, st);
	/* TRANSLATORS: the revision of a response in the overview ("Rev." is short for it). */
	snprintf(line, sizeof line, _("Rev. %d"), sm.revision);
	draw_text(y, c.rev, line, a->cols - c.rev, st);
	draw_text(y, c.when, sm.when, a->cols - c.when, st);
}

/* Whether entry i is shown: it names the Kommune searched for, or there is
 * no search (letters compared without case, ASCII only). */
static bool shown(struct app *a, int i)
{
	const char *q = lineedit_text(&a->list.search);
	struct summary sm;
	if (!*q)
		return true;
	return session_summary_read(a->list.entries[i].summary, &sm) == 0 && strcasestr(sm.label, q);
}

/* The rows that match the search, scrolled to the selection; with a
 * search, how many of all match, on the line under them. */
static void draw_rows(struct app *a)
{
	int top = 3, room = a->rows - 7, k = 0, at = 0, n = 0;
	for (int i = 0; i < a->list.n; i++)
		if (shown(a, i)) {
			if (i == a->list.sel)
				at = n;
			n++;
		}
	int first = at >= room ? at - room + 1 : 0;
	for (int i = 0; i < a->list.n; i++)
		if (shown(a, i) && k++ >= first && k - first <= room)
			draw_entry(a, top + k - 1 - first, &a->list.entries[i], i == a->list.sel);
	if (*lineedit_text(&a->list.search)) {
		char buf[300];
		/* TRANSLATORS: under the overview while it is filtered: shown, all, the search text. */
		snprintf(buf, sizeof buf, P_("%d von %d Antwort mit „%s“", "%d von %d Antworten mit „%s“",
		                             (unsigned long)a->list.n),
		         n, a->list.n, lineedit_text(&a->list.search));
		draw_text(top + (n < room ? n : room) + 1, 1, buf, a->cols - 2, ST_DIM);
	}
}

static void list_draw(struct app *a)
{
	/* TRANSLATORS: the title of the list of responses. */
	app_draw_title(a, _("Übersicht"));
	char buf[300], key[8];
	app_hint_key(_(hint_new), key);
	if (a->list.n == 0) {
		/* TRANSLATORS: %s is the key of the hint "n Neu". */
		snprintf(buf, sizeof buf, _("Noch keine Antworten gespeichert. Mit „%s“ beginnen Sie "
		                            "einen neuen Fragebogen."), key);
		draw_wrap(2, 2, buf, a->cols - 4, 4, ST_NORMAL);
	} else {
		struct cols c = columns(a);
		/* TRANSLATORS: column headings of the overview. */
		draw_text(2, 1, _("Kommune"), a->cols / 3, ST_HEADING);
		draw_text(2, c.status, _("Status"), a->cols - c.status, ST_HEADING);
		draw_text(2, c.progress, _("Fortschritt"), a->cols - c.progress, ST_HEADING);
		draw_text(2, c.rev, _("Revision"), a->cols - c.rev, ST_HEADING);
		draw_text(2, c.when, _("Letzte Änderung"), a->cols - c.when, ST_HEADING);
		draw_rows(a);
	}
	if (a->list.searching) {
		/* TRANSLATORS: the search field for a Kommune in the overview. */
		snprintf(buf, sizeof buf, _("Suche: %s"), lineedit_text(&a->list.search));
		draw_line(a->rows - 2, 0, buf, a->cols, ST_FIELD);
		app_cursor(a, a->rows - 2, draw_width(buf));
		/* TRANSLATORS: footer hints "KEY Label|KEY Label"; translate the labels and the
		   names of keys (Enter, Esc), nothing else. */
		app_draw_footer(a, _("Enter Fertig|Esc Abbrechen"));
		return;
	}
	snprintf(buf, sizeof buf, "%s|%s|%s%s", _(hint_new), _(hint_export),
	         _("Enter Öffnen|/ Suchen|F10 Beenden"),
	         /* TRANSLATORS: footer hint while the overview is filtered by a search. */
	         *lineedit_text(&a->list.search) ? _("|Esc Alle zeigen") : "");
	app_draw_footer(a, buf);
}

/* Keep the selection on a shown response: the first one if it was hidden. */
static void search_jump(struct app *a)
{
	struct list_state *l = &a->list;
	if (l->sel < l->n && shown(a, l->sel))
		return;
	for (int i = 0; i < l->n; i++)
		if (shown(a, i)) {
			l->sel = i;
			return;
		}
}

/* No search: every response is shown again. */
static void clear_search(struct app *a)
{
	a->list.searching = false;
	lineedit_free(&a->list.search);
	lineedit_init(&a->list.search, 100, false);
}

/* The next shown entry from 'from' in direction 'dir', or 'from' if none. */
static int step_shown(struct app *a, int from, int dir)
{
	for (int i = from + dir; i >= 0 && i < a->list.n; i += dir)
		if (shown(a, i))
			return i;
	return from;
}

/* Keys while searching: text goes into the search field. */
static void search_key(struct app *a, bool code, wint_t ch)
{
	if ((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) {
		a->list.searching = false; /* the filter stays until Esc */
		return;
	}
	if (!code && ch == 27) {
		clear_search(a);
		return;
	}
	if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8)))
		lineedit_backspace(&a->list.search);
	else if (!code && ch >= 32)
		lineedit_insert_cp(&a->list.search, (uint32_t)ch);
	search_jump(a);
}

/* Open the selected response (after the question for a completed one). */
static void open_selected(struct app *a)
{
	char msg[400];
	const char *note = NULL;
	if (session_open(&a->ss, &a->st, a->f, a->list.entries[a->list.sel].uuid, &note, msg,
	                 sizeof msg) < 0) {
		app_status(a, ST_ERROR, "%s", msg);
		return;
	}
	a->have_session = true;
	a->reopened = a->ss.r->status == RESP_COMPLETE;
	a->audit_at_open = response_audit_count(a->ss.r);
	if (note)
		app_status(a, ST_WARNING, "%s", note);
	a->dirty = true; /* the loop saves the opening into the audit trail */
	scr_question_open(a);
}

static void list_key(struct app *a, bool code, wint_t ch, bool alt)
{
	(void)alt;
	if (a->list.searching) {
		search_key(a, code, ch);
		return;
	}
	if (!code && ch == '/') {
		clear_search(a);
		a->list.searching = true;
	} else if (!code && ch == 27) {
		clear_search(a);
	} else if (code && ch == KEY_UP) {
		a->list.sel = step_shown(a, a->list.sel, -1);
	} else if (code && ch == KEY_DOWN) {
		a->list.sel = step_shown(a, a->list.sel, 1);
	} else if ((code && ch == KEY_F(10)) || (!code && ch == 'q')) {
		a->quit = true;
	} else if (!code && ch == app_hint_key(_(hint_export), (char[8]){0})) {
		app_go(a, &scr_export);
	} else if (!code && ch == app_hint_key(_(hint_new), (char[8]){0})) {
		char msg[400];
		if (session_create(&a->ss, &a->st, a->f, msg, sizeof msg) < 0) {
			app_status(a, ST_ERROR, "%s", msg);
			return;
		}
		a->have_session = true;
		a->reopened = false;
		a->saved = true;
		a->audit_at_open = response_audit_count(a->ss.r);
		scr_question_open(a);
	} else if (((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) &&
	           a->list.n > 0 && shown(a, a->list.sel)) {
		struct summary sm;
		const char *sum = a->list.entries[a->list.sel].summary;
		if (session_summary_read(sum, &sm) == 0 && sm.complete) {
			/* TRANSLATORS: j, J, y and Y answer yes, n and N no, in every language. */
			app_ask(a, _("Abgeschlossen – Änderungen ergeben eine neue Revision. Öffnen? (j/n)"),
			        open_selected, NULL);
			return;
		}
		open_selected(a);
	}
}

const struct screen scr_list = {.init = list_init, .draw = list_draw, .key = list_key};
