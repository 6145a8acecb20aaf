/*
 * scr_goto: "Gehe zu" — every section and visible question with its state
 * (answered, open, error, warning), each a jump away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/issue.h"
#include "form/pipe.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/scr_question.h"
#include "util/i18n.h"

/* Rows of the list: section headings (q = -1 - s) and questions. */
static int rows[LOADER_ROWS_MAX];
static int nrows;

static void goto_init(struct app *a)
{
	nrows = 0;
	for (int s = 0; s < a->f->nsections; s++) {
		if (!engine_section_visible(&a->ss.e, s))
			continue;
		rows[nrows++] = -1 - s;
		const struct section *sec = &a->f->sections[s];
		for (int q = sec->first; q < sec->first + sec->count && nrows < LOADER_ROWS_MAX; q++)
			if (engine_visible(&a->ss.e, q))
				rows[nrows++] = q;
	}
	a->goto_sel = 0;
	for (int i = 0; i < nrows; i++)
		if (rows[i] == a->q)
			a->goto_sel = i;
}

/* "✓", "·", "!" or "?" for a question's state. */
static const char *mark(struct app *a, int q, enum style *st)
{
	struct issues l = {0};
	issue_collect(&a->ss.e, q, &l);
	bool err = false, warn = false;
	for (int i = 0; i < l.n; i++) {
		err |= l.v[i].sev == SEV_ERROR && l.v[i].kind != ISSUE_REQUIRED;
		warn |= l.v[i].sev == SEV_WARNING && !l.v[i].confirmed && l.v[i].kind != ISSUE_SOFT;
	}
	issue_free_list(&l);
	bool done = engine_answered(&a->ss.e, q) || a->f->questions[q].type == Q_NOTE;
	*st = err ? ST_ERROR : warn ? ST_WARNING : done ? ST_OK : ST_NORMAL;
	if (err)
		return "!";
	if (warn)
		return "?";
	return done ? (term_utf8() ? "✓" : "+") : (term_utf8() ? "·" : ".");
}

static void goto_draw(struct app *a)
{
	/* TRANSLATORS: the title of the screen that lists all questions to jump to one. */
	app_draw_title(a, _("Gehe zu"));
	int top = 2, room = a->rows - 5;
	int first = a->goto_sel >= room ? a->goto_sel - room + 1 : 0;
	for (int i = first; i < nrows && i - first < room; i++) {
		int y = top + i - first;
		bool sel = i == a->goto_sel;
		if (rows[i] < 0) {
			char *t = pipe_render(&a->ss.e, a->f->sections[-1 - rows[i]].title);
			draw_line(y, 0, t, a->cols, sel ? ST_SELECTED : ST_HEADING);
			free(t);
			continue;
		}
		const struct question *q = &a->f->questions[rows[i]];
		enum style st;
		const char *m = mark(a, rows[i], &st);
		char *t = pipe_render(&a->ss.e, q->text);
		char line[600];
		snprintf(line, sizeof line, "%-7s %s", q->id, t);
		free(t);
		draw_text(y, 1, m, 2, sel ? ST_SELECTED : st);
		draw_line(y, 3, line, a->cols - 3, sel ? ST_SELECTED : ST_NORMAL);
	}
	/* TRANSLATORS: footer hints "KEY Label|KEY Label"; the last four explain the marks
	   in front of the questions (answered, open, error, warning). */
	app_draw_footer(a, _("↑↓ Auswahl|Enter Springen|Esc Zurück|✓ beantwortet|· offen|! Fehler|"
	                     "? Hinweis"));
}

static void goto_key(struct app *a, bool code, wint_t ch, bool alt)
{
	(void)alt;
	if (code && ch == KEY_UP && a->goto_sel > 0)
		a->goto_sel--;
	else if (code && ch == KEY_DOWN && a->goto_sel + 1 < nrows)
		a->goto_sel++;
	else if (code && ch == KEY_HOME)
		a->goto_sel = 0;
	else if (code && ch == KEY_END)
		a->goto_sel = nrows - 1;
	else if (code && ch == KEY_PPAGE)
		a->goto_sel = a->goto_sel > 10 ? a->goto_sel - 10 : 0;
	else if (code && ch == KEY_NPAGE)
		a->goto_sel = a->goto_sel + 10 < nrows ? a->goto_sel + 10 : nrows - 1;
	else if ((!code && ch == 27) || (code && ch == KEY_F(3)))
		scr_question_open(a);
	else if ((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) {
		int r = rows[a->goto_sel];
		int q = r >= 0 ? r : engine_next(&a->ss.e, a->f->sections[-1 - r].first - 1);
		if (q >= 0)
			response_set_position(a->ss.r, a->f->questions[q].id);
		scr_question_open(a);
	} else if (code && ch == KEY_F(10)) {
		a->quit = true;
	}
}

const struct screen scr_goto = {.init = goto_init, .draw = goto_draw, .key = goto_key};
