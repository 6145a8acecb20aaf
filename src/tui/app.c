/*
 * app: main loop, shared chrome (title, footer, status line, questions),
 * the one save point, and the exits. Screens are reached only through
 * their struct screen; nothing here knows what a screen does.
 */
#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "util/i18n.h"
#include "util/utf8.h"

void app_go(struct app *a, const struct screen *s)
{
	a->next = s;
}

void app_cursor(struct app *a, int y, int x)
{
	a->cursor_y = y;
	a->cursor_x = x;
	a->cursor_on = true;
}

void app_status(struct app *a, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_style = st;
	a->status_audit = a->have_session ? response_audit_count(a->ss.r) : -1;
}

/* A message of success about the open response ("abgeschlossen") is out
 * of date once an answer changes: one source of truth for its status. */
static void drop_stale_status(struct app *a)
{
	if (a->status[0] && a->status_style == ST_OK && a->have_session &&
	    a->status_audit >= 0 && response_audit_count(a->ss.r) != a->status_audit)
		a->status[0] = '\0';
}

void app_ask(struct app *a, const char *text, void (*yes)(struct app *), void (*no)(struct app *))
{
	a->ask.on = true;
	snprintf(a->ask.text, sizeof a->ask.text, "%s", text);
	a->ask.yes = yes;
	a->ask.no = no;
}

void app_close_session(struct app *a, enum app_close how)
{
	a->close = how;
}

/* Save the open response; on failure the status line says why. */
static void save(struct app *a)
{
	char msg[400];
	a->dirty = false;
	if (!a->have_session)
		return;
	if (session_save(&a->ss, msg, sizeof msg) < 0) {
		a->saved = false;
		app_status(a, ST_ERROR, "%s", msg);
	} else {
		a->saved = true;
		if (a->status_style == ST_ERROR)
			a->status[0] = '\0';
	}
}

void app_draw_title(struct app *a, const char *right)
{
	int w = right ? draw_width(right) : 0;
	if (w + 12 > a->cols)
		w = 0;
	draw_line(0, 0, "", a->cols, ST_TITLE);
	draw_text(0, 0, a->f->title, a->cols - (w ? w + 2 : 0), ST_TITLE);
	if (w)
		draw_text(0, a->cols - w - 1, right, w, ST_TITLE);
}

/* Width of a footer item "KEY Label" with its two blanks after it. */
static int item_width(const char *tok)
{
	return draw_width(tok) + 2;
}

/*
 * Footer: "KEY Label" pairs separated by two blanks, keys highlighted.
 * When they do not fit, items go from the end but the last (F10 Ende,
 * the way out) stays. Where F-keys are named and there is room, the way
 * to give them without F-keys follows (Esc, then the digit).
 */
void app_draw_footer(struct app *a, const char *keys)
{
	int y = a->rows - 1, x = 0;
	draw_line(y, 0, "", a->cols, ST_FOOTER);
	char buf[700];
	char *tok[40];
	int n = 0, total = 0;
	/* TRANSLATORS: footer hint: Esc, then a digit, stands for an F-key
	 * (Esc 0 = F10), for terminals without them. Key, blank, label. */
	const char *alt = _("Esc+1…0 F1…F10");
	snprintf(buf, sizeof buf, "%s", keys);
	for (char *t = strtok(buf, "|"); t && n < 40; t = strtok(NULL, "|"))
		total += item_width(tok[n++] = t);
	bool fkeys = strstr(keys, "F1") != NULL;
	if (n < 40 && fkeys && total + item_width(alt) - 2 <= a->cols)
		tok[n++] = (char *)alt;
	int last = n - 1;
	for (int i = last - 1; i >= 0 && total - 2 > a->cols; i--) {
		total -= item_width(tok[i]);
		tok[i] = NULL;
	}
	for (int i = 0; i < n && x < a->cols; i++) {
		if (!tok[i])
			continue;
		const char *sp = strchr(tok[i], ' ');
		int klen = sp ? (int)(sp - tok[i]) : (int)strlen(tok[i]);
		char key[64];
		snprintf(key, sizeof key, "%.*s", klen, tok[i]);
		x += draw_text(y, x, key, a->cols - x, ST_KEY);
		if (sp) {
			x += draw_text(y, x, " ", a->cols - x, ST_FOOTER);
			x += draw_text(y, x, sp + 1, a->cols - x, ST_FOOTER);
		}
		x += draw_text(y, x, "  ", a->cols - x, ST_FOOTER);
	}
}

wint_t app_hint_key(const char *hint, char name[8])
{
	uint32_t cp;
	size_t n = strcspn(hint, " |");
	name[0] = '\0';
	if (n == 0 || n > 4 || utf8_decode(hint, n, &cp) != n)
		return WEOF;
	memcpy(name, hint, n);
	name[n] = '\0';
	return (wint_t)cp;
}

/* The status line above the footer, and a pending yes/no question. */
static void draw_status(struct app *a)
{
	int y = a->rows - 2;
	if (a->ask.on) {
		draw_line(y, 0, a->ask.text, a->cols, ST_WARNING);
		return;
	}
	/* A message too long for the line takes the row above it too, so that
	 * the advice at its end ("schaffen Sie Platz …") is not cut off. */
	if (a->status[0] && draw_width(a->status) > a->cols) {
		move(y - 1, 0);
		clrtoeol();
		move(y, 0);
		clrtoeol();
		draw_wrap(y - 1, 0, a->status, a->cols, 2, a->status_style);
	} else if (a->status[0]) {
		draw_line(y, 0, a->status, a->cols, a->status_style);
	}
	if (a->have_session && a->saved && a->scr->shows_saved && !a->status[0] &&
	    response_audit_count(a->ss.r) > a->audit_at_open) {
		/* TRANSLATORS: shown at the right of the status line once the answers are on disk. */
		const char *g = _("gespeichert");
		draw_text(y, a->cols - draw_width(g) - 1, g, draw_width(g), ST_DIM);
	}
}

/* Below the minimum size: say so instead of drawing a broken screen. */
static void draw_too_small(struct app *a)
{
	char buf[120];
	/* TRANSLATORS: the window's columns × rows, then the smallest size that works. */
	snprintf(buf, sizeof buf, _("Fenster zu klein (%d×%d). Bitte mindestens %d×%d."), a->cols,
	         a->rows, APP_MIN_W, APP_MIN_H);
	draw_wrap(0, 0, buf, a->cols, a->rows, ST_ERROR);
}

static void quit_yes(struct app *a)
{
	a->quit = true;
}

/* Answer a pending yes/no question; true if the key was taken. */
static bool ask_key(struct app *a, bool code, wint_t ch)
{
	if (!a->ask.on)
		return false;
	struct ask q = a->ask;
	if (!code && (ch == 'j' || ch == 'J' || ch == 'y' || ch == 'Y')) {
		a->ask.on = false;
		if (q.yes)
			q.yes(a);
	} else if (code && ch == KEY_F(10) && q.yes == quit_yes) {
		a->ask.on = false;
		a->quit = true;
	} else if ((!code && (ch == 'n' || ch == 'N' || ch == 27)) || (code && ch == KEY_F(10))) {
		a->ask.on = false;
		if (q.no)
			q.no(a);
	}
	return true;
}

/* Keys every screen shares: Ctrl-C asks, F10 quits. True if taken. */
static bool global_key(struct app *a, bool code, wint_t ch)
{
	if (!code && ch == 12) {
		a->repaint = true;
		return true;
	}
	if (!code && ch == 3) {
		/* TRANSLATORS: j, J, y and Y answer yes, n and N no, in every language. */
		app_ask(a, _("Programm beenden? Ihre Antworten sind gespeichert. (j/n)"), quit_yes,
		        NULL);
		return true;
	}
	return false;
}

/* The screen being left hands over what it holds (a half-typed field). */
static void leave(struct app *a)
{
	if (a->scr && a->scr->leave)
		a->scr->leave(a);
}

/* A requested close, after the save: a failed save may keep the response. */
static void close_session(struct app *a)
{
	enum app_close how = a->close;
	a->close = APP_CLOSE_NONE;
	if (!a->have_session)
		return;
	if (how == APP_CLOSE_IF_SAVED && !a->saved) {
		a->next = a->scr; /* the status line says why; the answers stay open */
		return;
	}
	session_close(&a->ss);
	a->have_session = false;
}

/*
 * The save point, after each key: leave the screen if another one comes,
 * save once if the response changed (or is to be closed), close it if
 * asked, enter the next screen. Nothing else saves while the loop runs.
 */
static void settle(struct app *a)
{
	if (a->next)
		leave(a);
	if (a->dirty || a->close != APP_CLOSE_NONE)
		save(a);
	drop_stale_status(a);
	if (a->close != APP_CLOSE_NONE)
		close_session(a);
	if (a->next) {
		a->scr = a->next;
		a->next = NULL;
		a->scr->init(a);
	}
}

/* No key for too long: save, wipe the key, ask for the passphrase again. */
static void lock_screen(struct app *a)
{
	if (a->locked || !a->have_store)
		return;
	a->ask.on = false; /* nothing may act on the store while the key is gone */
	a->before_lock = a->scr;
	app_go(a, &scr_unlock);
	leave(a);
	save(a);
	a->scr = NULL; /* left already: settle() only enters the lock screen */
	a->locked = true;
	keyring_free(&a->k);
	a->st.k = NULL;
}

void app_later(struct app *a, void (*fn)(struct app *))
{
	/* TRANSLATORS: on the status line while the key is derived from the passphrase. */
	app_status(a, ST_NORMAL, "%s", _("Bitte warten …"));
	a->later = fn;
}

/* Wait for a key (term reads Esc sequences and Alt+key); false if none came. */
static bool read_key(struct app *a, bool *code, wint_t *ch, bool *alt)
{
	int rc = term_key(1000, ch, alt);
	if (rc == TERM_SCRIPT_END) { /* headless: the script is played */
		a->quit = true;
		return false;
	}
	if (rc == ERR && a->idle_lock > 0 && ++a->idle >= a->idle_lock)
		lock_screen(a);
	if (rc == ERR || term_signal())
		return false;
	a->idle = 0;
	*code = rc == KEY_CODE_YES;
	return !(*code && *ch == KEY_RESIZE);
}

/* One turn of the loop: draw, wait, dispatch; settle() follows. */
static void turn(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	erase();
	a->cursor_on = false;
	if (a->rows < APP_MIN_H || a->cols < APP_MIN_W)
		draw_too_small(a);
	else {
		a->scr->draw(a);
		draw_status(a);
	}
	/* last, so that no later drawing moves it: the cursor on the edit point,
	   or after a question that waits for j or n */
	if (a->ask.on)
		app_cursor(a, a->rows - 2, draw_width(a->ask.text) < a->cols - 1
		                               ? draw_width(a->ask.text) + 1 : a->cols - 1);
	if (a->cursor_on)
		move(a->cursor_y, a->cursor_x);
	curs_set(a->cursor_on ? 1 : 0);
	if (a->repaint)
		clearok(curscr, TRUE);
	a->repaint = false;
	refresh();
	if (a->later) {
		void (*fn)(struct app *) = a->later;
		a->later = NULL;
		fn(a);
		return;
	}
	bool code, alt;
	wint_t ch;
	if (!read_key(a, &code, &ch, &alt))
		return;
	if (ask_key(a, code, ch) || global_key(a, code, ch))
		return;
	if (a->rows < APP_MIN_H || a->cols < APP_MIN_W) {
		if (code && ch == KEY_F(10)) /* nothing else acts on a screen one cannot see */
			a->scr->key(a, code, ch, alt);
		return;
	}
	a->scr->key(a, code, ch, alt);
}

/* The loop and the teardown, once the terminal is set up. */
static int run(struct app *a)
{
	settle(a); /* enter the first screen */
	while (!a->quit && !term_signal()) {
		turn(a);
		settle(a);
	}
	int sig = term_signal();
	leave(a); /* every way out: what the screen holds is kept, then saved */
	if (a->have_session) {
		if (!a->locked) /* when locked, everything was saved before the key went */
			save(a);
		session_close(&a->ss);
	}
	term_stop();
	if (sig)
		fprintf(stderr, _("fragebogen: beendet (Signal %d); Ihre Antworten sind als Entwurf "
		                  "gespeichert.\n"), sig);
	if (a->have_store)
		store_close(&a->st);
	store_entries_free(a->list.entries, a->list.n);
	keyring_free(&a->k);
	lineedit_free(&a->qs.ed);
	lineedit_free(&a->list.search);
	lineedit_free(&a->exp.sender);
	free(a->exp.folder);
	free(a->exp.path);
	lineedit_view_free(&a->qs.view);
	for (int i = 0; i < 2; i++)
		lineedit_free(&a->unlock.pw[i]);
	return 0;
}

/* A fresh state for one run. */
static struct app *fresh(const struct form *f, const char *store_dir, struct kdf_cost cost,
                         int idle_lock)
{
	static struct app app;
	struct app *a = &app;
	memset(a, 0, sizeof *a);
	a->f = f;
	a->store_dir = store_dir;
	a->cost = cost;
	a->idle_lock = idle_lock;
	a->next = &scr_unlock;
	return a;
}

int app_run(const struct form *f, const char *store_dir, struct kdf_cost cost, int idle_lock)
{
	struct app *a = fresh(f, store_dir, cost, idle_lock);
	if (term_start() < 0)
		return 1;
	return run(a);
}

int app_run_script(const struct form *f, const char *store_dir, struct kdf_cost cost,
                   const uint8_t *keys, size_t n, int rows, int cols)
{
	struct app *a = fresh(f, store_dir, cost, 600);
	if (term_start_script(keys, n, rows, cols) < 0)
		return 1;
	return run(a);
}
