/*
 * scr_question: one question at a time — its text with piped answers, the
 * widget of its type, the message of a failed check, and the keys that
 * work right now. Leaving a question checks it: an error keeps it open, a
 * warning asks "Trotzdem weiter?" and records the confirmation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "form/issue.h"
#include "form/pipe.h"
#include "form/progress.h"
#include "store/prefs.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/scr_question.h"
#include "tui/widget.h"
#include "util/date.h"
#include "util/i18n.h"

static struct engine *eng(struct app *a)
{
	return &a->ss.e;
}

static const struct question *cur(struct app *a)
{
	return &a->f->questions[a->qs.q];
}

/* Load question q into the screen state (editor text, highlight); the
 * position it records is saved after the key. */
static void load(struct app *a, int q)
{
	a->qs.q = q;
	a->qs.sel = a->qs.col = a->qs.row_sel = a->qs.typed = 0;
	a->qs.msg[0] = '\0';
	a->qs.force_help = false;
	a->qs.ed_on = false;
	widget_load(a);
	response_set_position(a->ss.r, cur(a)->id);
	a->dirty = true;
}

/* Whether the person turned help off in an earlier session. */
static void load_help_choice(struct app *a)
{
	char *v = NULL, err[300];
	if (prefs_get(&a->st, "help", &v, err, sizeof err) < 0)
		v = NULL; /* unreadable settings: help as by default */
	a->qs.hide_help = v && strcmp(v, "off") == 0;
	free(v);
}

void scr_question_open(struct app *a)
{
	int q = -1;
	load_help_choice(a);
	const char *pos = a->ss.r->position;
	for (int i = 0; pos && i < a->f->nquestions; i++)
		if (strcmp(a->f->questions[i].id, pos) == 0 && engine_visible(eng(a), i))
			q = i;
	if (q < 0)
		q = engine_first(eng(a));
	if (q < 0) {
		app_status(a, ST_ERROR, "%s", _("Dieser Fragebogen zeigt keine einzige Frage."));
		app_close_session(a, APP_CLOSE_ALWAYS);
		app_go(a, &scr_list);
		return;
	}
	load(a, q);
	app_go(a, &scr_question);
}

/* Leaving the screen (or the program): a half-typed field becomes a draft. */
static void question_leave(struct app *a)
{
	widget_keep_draft(a);
}

/* Confirm every open warning of the question, then go on. */
static void confirm_and_next(struct app *a);

/* Check the current question; true if it may be left forwards. */
static bool may_leave(struct app *a)
{
	struct issues l = {0};
	issue_collect(eng(a), a->qs.q, &l);
	const struct issue *warn = NULL;
	for (int i = 0; i < l.n; i++) {
		if (l.v[i].sev == SEV_ERROR) {
			snprintf(a->qs.msg, sizeof a->qs.msg, "%s", l.v[i].msg);
			a->qs.msg_style = ST_ERROR;
			issue_free_list(&l);
			return false;
		}
		if (!l.v[i].confirmed && !warn)
			warn = &l.v[i];
	}
	if (warn) {
		snprintf(a->qs.msg, sizeof a->qs.msg, "%s", warn->msg);
		a->qs.msg_style = ST_WARNING;
		/* TRANSLATORS: after a warning about the answer. j, J, y and Y answer yes,
		   n and N no, in every language. */
		app_ask(a, _("Hinweis: Trotzdem weiter? (j/n)"), confirm_and_next, NULL);
	}
	issue_free_list(&l);
	return !warn;
}

/* To the next visible question, or to the review at the end. */
static void advance(struct app *a)
{
	int n = engine_next(eng(a), a->qs.q);
	if (n < 0) {
		a->dirty = true;
		app_go(a, &scr_review);
		return;
	}
	load(a, n);
}

static void confirm_and_next(struct app *a)
{
	struct issues l = {0};
	issue_collect(eng(a), a->qs.q, &l);
	for (int i = 0; i < l.n; i++)
		if (l.v[i].sev == SEV_WARNING && !l.v[i].confirmed)
			engine_confirm(eng(a), l.v[i].id);
	issue_free_list(&l);
	a->dirty = true;
	advance(a);
}

static void go_next(struct app *a)
{
	if (widget_commit(a) < 0 || !may_leave(a))
		return;
	advance(a);
}

static void go_prev(struct app *a)
{
	if (widget_commit(a) < 0)
		return;
	int p = engine_prev(eng(a), a->qs.q);
	if (p >= 0)
		load(a, p);
}

/* "Frage 12 von 58 · 34 %": the number and total both count what routing
 * has not yet decided away, so neither jumps as answers are given. */
static void progress_text(struct app *a, int answered, int total, char *buf, size_t n)
{
	int k = progress_number(eng(a), a->qs.q);
	/* TRANSLATORS: at the right of the title bar: the question's number, how many
	   there are, and the share answered. */
	snprintf(buf, n, _("Frage %d von %d · %d %%"), k ? k : 1, total,
	         total ? 100 * answered / total : 0);
}

/* A progress bar at the right of the section line: answered of total. */
static void draw_bar(struct app *a, int answered, int total)
{
	enum { w = 20 };
	if (a->cols < 70)
		return;
	int fill = total ? w * answered / total : 0;
	char bar[w * 3 + 3];
	size_t o = 0;
	bar[o++] = '[';
	for (int i = 0; i < w; i++) {
		const char *c = i < fill ? (term_utf8() ? "█" : "#") : (term_utf8() ? "░" : "-");
		memcpy(bar + o, c, strlen(c));
		o += strlen(c);
	}
	bar[o++] = ']';
	bar[o] = '\0';
	draw_text(1, a->cols - w - 3, bar, w + 2, ST_DIM);
}

/* Rows the widget of q would like: its options, rows or lines. */
static int widget_wish(const struct question *q)
{
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
	case Q_SCALE:
		return q->choices->n + 2;
	case Q_MATRIX:
		return q->nrows + 3;
	case Q_TEXTAREA:
		return 8;
	case Q_INTEGER:
	case Q_DECIMAL:
	case Q_TEXT:
	case Q_DATE:
		return 3;
	case Q_NOTE:
		return 0;
	}
	return 3;
}

/* Whether q is the first question of its section on the route. */
static bool starts_section(struct app *a, int q)
{
	int p = engine_prev(eng(a), q);
	return p < 0 || a->f->questions[p].section != a->f->questions[q].section;
}

/* Text of the form (a section's intro, a question's help), piped and dimmed,
 * if it fits in 'room' rows above what the widget needs; rows used. */
static int draw_aside(struct app *a, int y, int x, const char *text, int room, bool force)
{
	if (!text)
		return 0;
	char *t = pipe_render(eng(a), text);
	int w = a->cols - 1 - x, need = draw_wrap(0, 0, t, w, 0, ST_DIM);
	int used = 0;
	if (force || need + 1 <= room)
		used = draw_wrap(y, x, t, w, need < room ? need : room, ST_DIM) + 1;
	free(t);
	return used;
}

static void question_draw(struct app *a)
{
	char right[80];
	int answered, total; /* once per draw: it checks every answer */
	progress_done(eng(a), &answered, &total);
	progress_text(a, answered, total, right, sizeof right);
	app_draw_title(a, right);
	const struct question *q = cur(a);
	const struct section *s = &a->f->sections[q->section];
	char *title = pipe_render(eng(a), s->title);
	draw_line(1, 0, title, a->cols, ST_HEADING);
	free(title);
	draw_bar(a, answered, total);
	int y = 2, w = a->cols - 2, bottom = a->rows - 3;
	if (a->qs.msg[0])
		bottom -= draw_wrap(0, 0, a->qs.msg, w, 0, a->qs.msg_style);
	int spare = bottom - y - widget_wish(q) - 2;
	if (starts_section(a, a->qs.q)) {
		int used = draw_aside(a, y, 1, s->intro, spare, false);
		y += used;
		spare -= used;
	}
	char *text = pipe_render(eng(a), q->text);
	char head[40];
	snprintf(head, sizeof head, "%s ", q->id);
	int hw = draw_text(y, 1, head, w, ST_DIM);
	int room = q->type == Q_NOTE ? a->rows - 5 : (a->rows - 6) / 2;
	int tl = draw_wrap(y, 1 + hw, text, w - hw, room < 2 ? 2 : room, ST_NORMAL) + 1;
	y += tl;
	spare -= tl - 2;
	free(text);
	int hl = 0;
	if (!a->qs.hide_help || a->qs.force_help)
		hl = draw_aside(a, y, 3, q->help, a->qs.force_help ? 4 : spare, a->qs.force_help);
	a->qs.help_on = hl > 0;
	y += hl;
	/* a message about the answer stands right under the widget */
	int end = widget_draw(a, y, bottom), at = end <= bottom + 1 ? end : bottom + 1;
	if (a->qs.msg[0])
		draw_wrap(at, 1, a->qs.msg, w, a->rows - 2 - at, a->qs.msg_style);
	app_draw_footer(a, widget_keys(a));
}

/* F1: help off if it is on screen (and from now on), else on; the choice is
 * kept in the store's settings for the next session. */
static void toggle_help(struct app *a)
{
	bool shown = a->qs.help_on;
	a->qs.hide_help = shown;
	a->qs.force_help = !shown;
	char err[300];
	if (prefs_set(&a->st, "help", shown ? "off" : NULL, err, sizeof err) < 0)
		app_status(a, ST_WARNING, "%s", err);
}

/* The missing code whose key is 'ch', if the question offers it. */
static bool missing_key(struct app *a, wint_t ch, int32_t *code)
{
	const struct question *q = cur(a);
	for (int i = 0; i < a->f->nmissing; i++)
		if ((wint_t)a->f->missing[i].key == ch && form_q_offers(q, a->f->missing[i].code)) {
			*code = a->f->missing[i].code;
			return true;
		}
	return false;
}

static void quit_now(struct app *a)
{
	a->quit = true; /* the loop runs question_leave() and saves */
}

static void review_again(struct app *a)
{
	if (widget_commit(a) == 0)
		app_go(a, &scr_review);
}

/* F10: leave. A completed response that changes became a draft, which the
 * study team does not receive: say so, and offer the review to complete it. */
static void quit_or_offer(struct app *a)
{
	if (!a->reopened || a->ss.r->status != RESP_DRAFT) {
		quit_now(a);
		return;
	}
	char buf[300];
	/* TRANSLATORS: when leaving a response that was completed and has become
	   a draft by a change. j, J, y and Y answer yes, n and N no. */
	snprintf(buf, sizeof buf, _("Jetzt Entwurf (Revision %d), nicht mehr abgeschlossen. "
	                            "Wieder abschließen? (j/n)"), a->ss.r->revision);
	app_ask(a, buf, review_again, quit_now);
}

static void question_key(struct app *a, bool code, wint_t ch, bool alt)
{
	int32_t mcode;
	bool enter = (!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER);
	if (code && ch == KEY_F(10)) {
		quit_or_offer(a);
	} else if (code && (ch == KEY_F(1))) {
		toggle_help(a);
	} else if (code && ch == KEY_F(2)) {
		if (widget_commit(a) == 0)
			app_go(a, &scr_review);
	} else if (code && ch == KEY_F(3)) {
		if (widget_commit(a) == 0)
			app_go(a, &scr_goto);
	} else if ((!code && ch == '\t') || (enter && !widget_wants_enter(a))) {
		go_next(a);
	} else if ((code && (ch == KEY_BTAB || ch == KEY_PPAGE))) {
		go_prev(a);
	} else if ((code && ch == KEY_NPAGE)) {
		go_next(a);
	} else if (!code && (alt || !widget_takes_text(a)) && missing_key(a, ch, &mcode)) {
		widget_set_missing(a, mcode);
		a->qs.msg[0] = '\0';
	} else if (!code && ch == '?' && (alt || !widget_takes_text(a))) {
		toggle_help(a);
	} else {
		widget_key(a, code, ch);
	}
}

/* Nothing to set up: scr_question_open() loaded the question, and after the
 * idle lock the screen goes on where it was. */
static void question_init(struct app *a)
{
	(void)a;
}

const struct screen scr_question = {
	.init = question_init,
	.draw = question_draw,
	.key = question_key,
	.leave = question_leave,
	.shows_saved = true,
};
