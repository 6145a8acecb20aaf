/*
 * scr_unlock: the passphrase prompt, and on first start the creation of
 * the store (passphrase twice, a strength hint, the recovery code once).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Wipe and empty both passphrase fields. */
static void wipe(struct app *a)
{
	for (int i = 0; i < 2; i++) {
		if (a->unlock.pw[i].buf)
			sodium_memzero(a->unlock.pw[i].buf, a->unlock.pw[i].cap);
		lineedit_free(&a->unlock.pw[i]);
		lineedit_init(&a->unlock.pw[i], 1024, false);
	}
	a->unlock.field = 0;
}

static void unlock_init(struct app *a)
{
	char *key = xasprintf("%s/%s", a->store_dir, KEYRING_FILE);
	struct stat st;
	a->unlock.creating = stat(key, &st) != 0;
	free(key);
	wipe(a);
}

/* TRANSLATORS: the labels in front of the passphrase fields. */
static const char *const label_pw = N_("Passwort:");
static const char *const label_again = N_("Wiederholen:");

/* Where the fields start: right of the longer label, at least column 18. */
static int field_x(void)
{
	int w = draw_width(_(label_pw)), w2 = draw_width(_(label_again));
	w = (w > w2 ? w : w2) + 4;
	return w > 18 ? w : 18;
}

/* A masked field: one bullet per character. */
static void draw_secret(struct app *a, int y, const char *label, int i)
{
	int x = field_x();
	draw_text(y, 2, label, x - 2, ST_NORMAL);
	char mask[200] = "";
	size_t n = lineedit_length(&a->unlock.pw[i]);
	for (size_t k = 0; k < n && k < 60; k++)
		strcat(mask, term_utf8() ? "•" : "*");
	draw_line(y, x, mask, a->cols - x - 2 > 10 ? a->cols - x - 2 : 10, ST_FIELD);
	if (a->unlock.field == i && !a->unlock.recovery[0])
		app_cursor(a, y, x + (int)(n < 60 ? n : 60));
}

static void unlock_draw(struct app *a)
{
	/* TRANSLATORS: titles of the passphrase screen: after the idle lock, and at the start. */
	app_draw_title(a, a->locked ? _("Gesperrt") : _("Anmelden"));
	int w = a->cols - 4, y = 2;
	if (a->unlock.recovery[0]) {
		y += draw_wrap(y, 2, _("Der verschlüsselte Speicher ist eingerichtet. Ihr "
		                       "Wiederherstellungscode:"), w, 4, ST_NORMAL) + 1;
		draw_text(y++, 4, a->unlock.recovery, w, ST_HEADING);
		y++;
		draw_wrap(y, 2, _("Bitte schreiben Sie ihn jetzt auf und bewahren Sie ihn sicher auf. "
		                  "Mit ihm kommen Sie an Ihre Antworten, falls Sie das Passwort "
		                  "vergessen. Er wird nur dieses eine Mal angezeigt."), w, 6, ST_NORMAL);
		/* TRANSLATORS: footer hint "KEY Label"; translate the label only. */
		app_draw_footer(a, _("Enter Weiter"));
		return;
	}
	if (a->unlock.creating) {
		char buf[600];
		/* TRANSLATORS: %s is the folder of the store. */
		snprintf(buf, sizeof buf, _("Willkommen. Ihre Antworten werden verschlüsselt in %s "
		                            "gespeichert. Wählen Sie dafür ein Passwort – am besten "
		                            "einen Satz aus mehreren Wörtern."), a->store_dir);
		y += draw_wrap(y, 2, buf, w, 5, ST_NORMAL) + 1;
		draw_secret(a, y, _(label_pw), 0);
		draw_secret(a, y + 1, _(label_again), 1);
	} else if (a->locked) {
		y += draw_wrap(y, 2, _("Gesperrt: Nach längerer Zeit ohne Eingabe wurde der Schlüssel "
		                       "aus dem Speicher gelöscht. Ihre Antworten sind gespeichert. "
		                       "Mit dem Passwort geht es weiter."), w, 4, ST_NORMAL) + 1;
		draw_secret(a, y, _(label_pw), 0);
	} else {
		y += draw_wrap(y, 2, _("Bitte geben Sie Ihr Passwort ein."), w, 2, ST_NORMAL) + 1;
		draw_secret(a, y, _(label_pw), 0);
	}
	/* TRANSLATORS: footer hints "KEY Label|KEY Label"; translate the labels only. */
	app_draw_footer(a, _("Enter Weiter|F10 Beenden"));
}

/* Unlocked: open the store and go to the overview (or back after a lock). */
static void opened(struct app *a)
{
	if (a->locked) {
		a->st.k = a->k;
		a->locked = false;
		app_go(a, a->before_lock);
		return;
	}
	store_open(&a->st, a->store_dir, a->k);
	a->have_store = true;
	app_go(a, &scr_list);
}

static void create(struct app *a)
{
	const struct lineedit *p = &a->unlock.pw[0], *q = &a->unlock.pw[1];
	char msg[300];
	if (p->len != q->len || sodium_memcmp(p->buf, q->buf, p->len) != 0) {
		wipe(a);
		app_status(a, ST_ERROR, "%s",
		           _("Die beiden Eingaben stimmen nicht überein. Bitte noch einmal."));
		return;
	}
	int err = 0;
	if (store_make_dir(a->store_dir, msg, sizeof msg) < 0) {
		app_status(a, ST_ERROR, "%s", msg);
		return;
	}
	enum keyring_status st = keyring_create(a->store_dir, p->buf, p->len, a->cost,
	                                        a->unlock.recovery, &a->k, &err);
	bool shortish = p->len < 12;
	wipe(a);
	if (st != KR_OK) {
		app_status(a, ST_ERROR, "%s", keyring_message(st, err));
		return;
	}
	if (shortish)
		app_status(a, ST_WARNING, "%s",
		           _("Hinweis: Ein längeres Passwort (ein Satz) wäre sicherer."));
	else
		a->status[0] = '\0';
}

static void unlock(struct app *a)
{
	int err = 0;
	const struct lineedit *p = &a->unlock.pw[0];
	enum keyring_status st = keyring_unlock(a->store_dir, p->buf, p->len, &a->k, &err);
	wipe(a);
	if (st == KR_WRONG_SECRET) {
		/* TRANSLATORS: after a wrong passphrase; the command stays as it is. */
		app_status(a, ST_ERROR, "%s", _("Das Passwort ist falsch. Passwort vergessen? Mit dem "
		                                "Wiederherstellungscode setzen Sie ein neues: "
		                                "fragebogen passwd --recovery"));
		return;
	}
	if (st != KR_OK) {
		app_status(a, ST_ERROR, "%s", keyring_message(st, err));
		return;
	}
	a->status[0] = '\0';
	opened(a);
}

/* Enter in the first field on first start: a passphrase too short is
 * refused now, before it is typed a second time. */
static void first_entry(struct app *a)
{
	if (lineedit_length(&a->unlock.pw[0]) < 8) {
		wipe(a);
		app_status(a, ST_WARNING, "%s", _("Das Passwort ist zu kurz: bitte mindestens 8 Zeichen."));
		return;
	}
	a->status[0] = '\0';
	a->unlock.field = 1;
}

static void unlock_key(struct app *a, bool code, wint_t ch, bool alt)
{
	struct lineedit *e = &a->unlock.pw[a->unlock.field];
	(void)alt;
	if (a->unlock.recovery[0]) {
		if ((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) {
			sodium_memzero(a->unlock.recovery, sizeof a->unlock.recovery);
			opened(a);
		}
		return;
	}
	if (code && ch == KEY_F(10)) {
		a->quit = true;
	} else if ((!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER)) {
		if (a->unlock.creating && a->unlock.field == 0)
			first_entry(a);
		else
			app_later(a, a->unlock.creating ? create : unlock);
	} else if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8))) {
		lineedit_backspace(e);
	} else if (!code && ch >= 32) {
		lineedit_insert_cp(e, (uint32_t)ch);
	}
}

const struct screen scr_unlock = {.init = unlock_init, .draw = unlock_draw, .key = unlock_key};
