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

/* The rows as the response shows them now, the current question selected. */
static void goto_init(struct app *a)
{
	struct goto_state *g = &a->go_to;
	g->n = 0;
	for (int s = 0; s < a->f->nsections; s++) {
		if (!engine_section_visible(&a->ss.e, s))
			continue;
		g->rows[g->n++] = -1 - s;
		const struct section *sec = &a->f->sections[s];
		for (int q = sec->first; q < sec->first + sec->count && g->n < LOADER_ROWS_MAX; q++)
			if (engine_visible(&a->ss.e, q))
				g->rows[g->n++] = q;
	}
	g->sel = 0;
	for (int i = 0; i < g->n; i++)
		if (g->rows[i] == a->qs.q)
			g->sel = i;
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
	const struct goto_state *g = &a->go_to;
	/* TRANSLATORS: the title of the screen that lists all questions to jump to one. */
	app_draw_title(a, _("Gehe zu"));
	int top = 2, room = a->rows - 5;
	int first = g->sel >= room ? g->sel - room + 1 : 0;
	for (int i = first; i < g->n && i - first < room; i++) {
		int y = top + i - first;
		bool sel = i == g->sel;
		if (g->rows[i] < 0) {
			char *t = pipe_render(&a->ss.e, a->f->sections[-1 - g->rows[i]].title);
			draw_line(y, 0, t, a->cols, sel ? ST_SELECTED : ST_HEADING);
			free(t);
			continue;
		}
		const struct question *q = &a->f->questions[g->rows[i]];
		enum style st;
		const char *m = mark(a, g->rows[i], &st);
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
	struct goto_state *g = &a->go_to;
	(void)alt;
	if (code && ch == KEY_UP && g->sel > 0)
		g->sel--;
	else if (code && ch == KEY_DOWN && g->sel + 1 < g->n)
		g->sel++;
	else if (code && ch == KEY_HOME)
		g->sel = 0;
	else if (code && ch == KEY_END)
		g->sel = g->n - 1;
	else if (code && ch == KEY_PPAGE)
		g->sel = g->sel > 10 ? g->sel - 10 : 0;
	else if (code && ch == KEY_NPAGE)
		g->sel = g->sel + 10 < g->n ? g->sel + 10 : g->n - 1;
	else if ((!code && ch == 27) || (code && ch == KEY_F(3)))
		scr_question_open(a);
	else if ((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) {
		int r = g->rows[g->sel];
		int q = r >= 0 ? r : engine_next(&a->ss.e, a->f->sections[-1 - r].first - 1);
		if (q >= 0)
			response_set_position(a->ss.r, a->f->questions[q].id);
		scr_question_open(a);
	} else if (code && ch == KEY_F(10)) {
		a->quit = true;
	}
}

const struct screen scr_goto = {.init = goto_init, .draw = goto_draw, .key = goto_key};
