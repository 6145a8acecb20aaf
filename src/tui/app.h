/*
 * app: the terminal interface's state and main loop.
 *
 * Screens have init, draw, key and leave. 'key' changes state and says
 * what must happen next; it never draws and never saves. A key that
 * changes the open response sets 'dirty' (or asks for the response to be
 * closed with app_close_session()); a key that moves on calls app_go().
 * After each key the loop settles it in one place, in this order: the
 * screen being left gets its 'leave' hook (the question screen keeps a
 * half-typed field as a draft there), the response is saved once if it is
 * dirty, a requested close happens, and the next screen's 'init' runs.
 * So every answer is on disk after the key that gave it, and nothing but
 * the loop writes the store.
 *
 * Every way out — F10 or "q", Ctrl-C answered with yes, SIGHUP or SIGTERM,
 * the end of a script — runs the current screen's 'leave' hook and saves,
 * then leaves with status 0; the idle lock does the same before it wipes
 * the key.
 *
 * The app owns the keyring, the store, the open session and the screens'
 * state (one struct per screen below); app_run() releases all of it
 * before it returns.
 */
#ifndef FB_APP_H
#define FB_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "export/sendout.h"
#include "form/form.h"
#include "form/issue.h"
#include "form/loader.h"
#include "store/keyring.h"
#include "store/session.h"
#include "store/store.h"
#include "tui/lineedit.h"
#include "tui/term.h"

#define APP_MIN_W 40
#define APP_MIN_H 10

struct app;

struct screen {
	/* Entering the screen (again): set up its state from the app's. */
	void (*init)(struct app *a);
	void (*draw)(struct app *a);
	/* 'code': true for a curses key code (KEY_…), false for a character. */
	void (*key)(struct app *a, bool code, wint_t ch, bool alt);
	/*
	 * Leaving the screen (to another one, the idle lock, or out of the
	 * program), before the save: hand over what only the screen holds and
	 * release what 'init' took. May set 'dirty'; NULL if nothing to do.
	 */
	void (*leave)(struct app *a);
	/* The status line says "gespeichert" once the answers are on disk. */
	bool shows_saved;
};

extern const struct screen scr_unlock, scr_list, scr_question, scr_review, scr_goto, scr_export;

/* A yes/no question over the current screen. */
struct ask {
	bool on;
	char text[400];
	void (*yes)(struct app *a);
	void (*no)(struct app *a);
};

/* The passphrase screen (scr_unlock). The fields are wiped after use. */
struct unlock_state {
	struct lineedit pw[2];
	int field;               /* the field being typed, 0 or 1 */
	bool creating;           /* first start: the store is created */
	char recovery[RECOVERY_LEN + 1]; /* shown once, then wiped; "" if none */
};

/* The overview (scr_list); 'entries' is freed with store_entries_free(). */
struct list_state {
	struct store_entry *entries;
	int n, sel;
	bool searching;
	struct lineedit search;
};

/* The question screen and its widget (scr_question, widget). */
struct question_state {
	int q, sel, col, row_sel;   /* question, option, matrix cell */
	int typed;                  /* option number typed so far (1 of 14), or 0 */
	struct lineedit ed;
	bool ed_on;                 /* keys go into the editor */
	char msg[500];              /* a failed check, under the widget */
	enum style msg_style;
	bool hide_help;             /* F1 turned help off (remembered in the store) */
	bool force_help;            /* F1 turned it on for this question, fit or not */
	bool help_on;               /* help was on screen at the last draw (for F1) */
	int list_top, list_first;   /* where the options were drawn, for clicks */
	int list_n;                 /* how many options were drawn, from list_first */
	/* the first screen row of each option drawn, and the row below the
	   last: an option's continuation lines choose it too */
	int list_row[LOADER_MAX_CHOICES + 1];
	struct lineedit_view view;
};

/* The review (scr_review); 'blockers' lives from its init to its leave. */
struct review_state {
	struct issues blockers;
	int sel;
	bool all;                   /* every answer, not only what blocks */
	int qs[LOADER_MAX_QUESTIONS]; /* 'all': the questions asked, in order */
	int nq;
};

/* "Gehe zu" (scr_goto): rows are section headings (-1 - s) and questions. */
struct goto_state {
	int rows[LOADER_ROWS_MAX];
	int n, sel;
};

/* Sending to the study team (scr_export): 'out' lives from init to leave;
 * after the export 'done' keeps the result on screen (past an idle lock). */
struct export_state {
	struct sendout out;
	bool have_out;
	char problem[400];          /* the store could not be read: why */
	char *folder;               /* where the files go */
	struct lineedit sender;     /* the sender's name, remembered in the store */
	bool done;
	char *path;                 /* the .age written (its .minisig beside it) */
	int sent;
	uint8_t pk[32];             /* the signing key's public half, for the fingerprint */
};

/* What the loop does with the open response after the save. */
enum app_close {
	APP_CLOSE_NONE,
	APP_CLOSE_IF_SAVED,      /* close once it is on disk; else stay on the screen */
	APP_CLOSE_ALWAYS,        /* close even if the save failed */
};

struct app {
	const struct form *f;
	const char *store_dir;
	struct kdf_cost cost;
	struct keyring *k;
	struct store st;
	bool have_store;
	struct session ss;
	bool have_session;
	const struct screen *scr, *next;
	bool quit;
	bool repaint;            /* Ctrl-L: send the whole screen again */
	int rows, cols;
	/* idle lock: after idle_lock seconds without a key the key is wiped */
	int idle_lock;
	long idle;
	bool locked;
	const struct screen *before_lock;
	/* status line: a message and whether the last change is on disk */
	char status[400];
	enum style status_style;
	bool reopened;      /* the open response was completed when it was opened */
	/* where the hardware cursor stands after this draw: the edit point of a
	   field (screen readers and braille displays follow it), or hidden */
	int cursor_y, cursor_x;
	bool cursor_on;
	int status_audit;   /* the response's audit count when an ST_OK message
	                       was set (-1: none open): it is about the response
	                       as it was then, and goes once the response changes */
	bool saved;
	int audit_at_open;  /* the response's audit count once opened: "gespeichert"
	                       shows only after a change of this session is saved */
	/* the save point: set by keys, settled by the loop after each key */
	bool dirty;              /* the response changed: save it after this key */
	enum app_close close;    /* close the response after the save */
	struct ask ask;
	/* work that takes seconds (deriving the key): run by the loop once the
	   screen is drawn with "Bitte warten …", instead of waiting for a key */
	void (*later)(struct app *a);
	/* each screen's own state; the app owns what they hold */
	struct unlock_state unlock;
	struct list_state list;
	struct question_state qs;
	struct review_state review;
	struct goto_state go_to;
	struct export_state exp;
};

/* Run the interface; returns the exit status. The form is borrowed. */
int app_run(const struct form *f, const char *store_dir, struct kdf_cost cost, int idle_lock);

/*
 * The same without a terminal (tests, fuzzing): the keys come from 'keys'
 * as term_start_script() reads them, the screen is 'rows' x 'cols', and
 * the run ends when the keys are used up, saving like a closed terminal.
 */
int app_run_script(const struct form *f, const char *store_dir, struct kdf_cost cost,
                   const uint8_t *keys, size_t n, int rows, int cols);
/* Go to another screen after this key. */
void app_go(struct app *a, const struct screen *s);
/* Put the hardware cursor at (y, x) once the screen is drawn: where the
 * person types, or what is selected. */
void app_cursor(struct app *a, int y, int x);
/* Set the status line. */
void app_status(struct app *a, enum style st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Run 'fn' after the next draw, with "Bitte warten …" on the status line:
 * key handling never draws, and a person must see that something happens. */
void app_later(struct app *a, void (*fn)(struct app *));
/* Ask a yes/no question; 'no' may be NULL. */
void app_ask(struct app *a, const char *text, void (*yes)(struct app *), void (*no)(struct app *));
/*
 * Close the open response after this key, once the loop has saved it.
 * With APP_CLOSE_IF_SAVED a failed save keeps it open: the status line
 * says why and the current screen is entered again instead of the next.
 */
void app_close_session(struct app *a, enum app_close how);
/* Title bar and footer, shared by the screens. */
void app_draw_title(struct app *a, const char *right);
void app_draw_footer(struct app *a, const char *keys);
/*
 * The key of a footer hint "KEY Label" whose key is one character, so that
 * a translated hint also changes the letter to type: the character, and
 * the same as text in 'name'. WEOF (and "") if the key is longer.
 */
wint_t app_hint_key(const char *hint, char name[8]);

#endif
