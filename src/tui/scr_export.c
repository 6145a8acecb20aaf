/*
 * scr_export: sending to the study team without the command line. The
 * screen shows what will be sent (the Kommune, each completed response
 * with its revision, what stays out), asks for the sender's name once
 * (the store remembers it), writes the sealed file and its signature into
 * the user's documents folder and then shows both paths, the fingerprint
 * of the signing key for the phone check, and whom to contact. When the
 * form names no key of the study team, it says so and whom to ask.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crypto/sign.h"
#include "store/prefs.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "util/docdir.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define SENDER_MAX 200

/* The rows, the folder and the remembered sender, each time the screen
 * is entered (the rows are freed on leaving: they are plaintext). */
static void export_init(struct app *a)
{
	struct export_state *x = &a->exp;
	char err[400];
	if (x->done)
		return;
	sendout_init(&x->out, a->f);
	x->have_out = true;
	x->problem[0] = '\0';
	if (sendout_take_all(&x->out, &a->st, a->f, 0, NULL, NULL, err, sizeof err) < 0)
		snprintf(x->problem, sizeof x->problem, "%s", err);
	free(x->folder);
	x->folder = docdir_find();
	char *sender = NULL;
	if (prefs_get(&a->st, "sender", &sender, err, sizeof err) < 0)
		app_status(a, ST_WARNING, "%s", err);
	lineedit_free(&x->sender);
	lineedit_init(&x->sender, SENDER_MAX, false);
	const char *name = sender ? sender : x->out.label ? x->out.label : "";
	if (lineedit_set(&x->sender, name) < 0)
		(void)lineedit_set(&x->sender, "");
	free(sender);
}

/* The study team's contact from the form, a line each; rows used. */
static int draw_contact(struct app *a, int y)
{
	const struct form_contact *c = &a->f->contact;
	int y0 = y, w = a->cols - 6;
	if (!c->name && !c->address && !c->email && !c->phone)
		return 0;
	/* TRANSLATORS: heading over the study team's name, address, e-mail and phone. */
	draw_text(y++, 2, _("Kontakt zum Studienteam:"), a->cols - 4, ST_HEADING);
	if (c->name)
		y += draw_wrap(y, 4, c->name, w, 2, ST_NORMAL);
	if (c->address)
		for (const char *p = c->address; *p && y < a->rows - 3;) {
			size_t n = strcspn(p, "\n");
			char line[320];
			snprintf(line, sizeof line, "%.*s", (int)n, p);
			draw_text(y++, 4, line, w, ST_NORMAL);
			p += n + (p[n] == '\n');
		}
	char buf[200];
	if (c->email) {
		snprintf(buf, sizeof buf, _("E-Mail: %s"), c->email);
		draw_text(y++, 4, buf, w, ST_NORMAL);
	}
	if (c->phone) {
		snprintf(buf, sizeof buf, _("Telefon: %s"), c->phone);
		draw_text(y++, 4, buf, w, ST_NORMAL);
	}
	return y - y0;
}

/* What will be sent: each completed response with its revision. */
static int draw_rows(struct app *a, int y, int room)
{
	const struct sendout *o = &a->exp.out;
	const struct table *t = &o->d.t;
	int lc = t->label_column ? table_find(t, t->label_column) : -1;
	char buf[400];
	snprintf(buf, sizeof buf, P_("%d abgeschlossene Antwort wird gesendet:",
	                             "%d abgeschlossene Antworten werden gesendet:",
	                             (unsigned long)o->d.nrows), o->d.nrows);
	int y0 = y;
	draw_text(y++, 2, buf, a->cols - 4, ST_NORMAL);
	for (int r = 0; r < o->d.nrows && y - y0 < room; r++) {
		const char *name = lc >= 0 ? dataset_str(&o->d, r, lc) : NULL;
		if (r + 1 == room - 1 && o->d.nrows > r + 1) {
			snprintf(buf, sizeof buf, _("… und %d weitere"), o->d.nrows - r);
			draw_text(y++, 4, buf, a->cols - 6, ST_DIM);
			break;
		}
		/* TRANSLATORS: one response to be sent: its Kommune and its revision. */
		snprintf(buf, sizeof buf, _("%s, Revision %d"), name && *name ? name : _("(ohne Namen)"),
		         (int)dataset_num(&o->d, r, TCOL_REVISION));
		draw_text(y++, 4, buf, a->cols - 6, ST_NORMAL);
	}
	if (o->drafts) {
		snprintf(buf, sizeof buf, P_("Nicht dabei: %d Entwurf (noch nicht abgeschlossen).",
		                             "Nicht dabei: %d Entwürfe (noch nicht abgeschlossen).",
		                             (unsigned long)o->drafts), o->drafts);
		draw_text(y++, 4, buf, a->cols - 6, ST_DIM);
	}
	return y - y0;
}

/* Why nothing can be sent, or an empty string. */
static const char *blocked(struct app *a)
{
	if (a->exp.problem[0])
		return a->exp.problem;
	if (!a->f->recipient)
		return _("Der Schlüssel des Studienteams fehlt: Dieser Fragebogen nennt keinen "
		         "Empfänger, an den verschlüsselt werden kann. Bitte fragen Sie beim "
		         "Studienteam nach dem Fragebogen mit seinem Schlüssel. Ihre Antworten "
		         "bleiben gespeichert.");
	if (a->exp.out.d.nrows == 0)
		return _("Es gibt noch keine abgeschlossenen Antworten. Schließen Sie einen "
		         "Fragebogen mit F2 und „a“ ab; dann lässt er sich senden.");
	return "";
}

/* Before the export: what goes, the sender's field, where it goes. */
static void draw_ask(struct app *a)
{
	struct export_state *x = &a->exp;
	int y = 2, w = a->cols - 4;
	char buf[1200];
	const char *why = blocked(a);
	if (*why) {
		y += draw_wrap(y, 2, why, w, 6, ST_WARNING) + 1;
		draw_contact(a, y);
		app_draw_footer(a, _("Esc Zurück|F10 Ende"));
		return;
	}
	y += draw_rows(a, y, a->rows - 14 > 3 ? a->rows - 14 : 3) + 1;
	/* TRANSLATORS: the field for the sender's name (the Kommune) on the export screen. */
	const char *label = _("Absender (Ihre Kommune): ");
	int lw = draw_text(y, 2, label, w, ST_NORMAL);
	draw_line(y, 2 + lw, lineedit_text(&x->sender), w - lw, ST_FIELD);
	app_cursor(a, y, 2 + lw + draw_width(lineedit_text(&x->sender)));
	y += 2;
	/* TRANSLATORS: %s is the folder the export goes to. */
	snprintf(buf, sizeof buf, _("Die Datei und ihre Signatur kommen in den Ordner %s."),
	         x->folder);
	y += draw_wrap(y, 2, buf, w, 3, ST_NORMAL);
	draw_wrap(y, 2, _("Sie ist für das Studienteam verschlüsselt und mit dem Schlüssel dieses "
	                  "Speichers signiert."), w, 2, ST_DIM);
	app_draw_footer(a, _("Enter Exportieren|Esc Zurück|F10 Ende"));
}

/* After the export: the paths, the fingerprint, whom to contact. */
static void draw_done(struct app *a)
{
	struct export_state *x = &a->exp;
	int y = 2, w = a->cols - 4;
	char buf[1200];
	snprintf(buf, sizeof buf, P_("%d Antwort ist für das Studienteam verschlüsselt und signiert.",
	                             "%d Antworten sind für das Studienteam verschlüsselt und "
	                             "signiert.", (unsigned long)x->sent), x->sent);
	y += draw_wrap(y, 2, buf, w, 2, ST_OK) + 1;
	snprintf(buf, sizeof buf, _("Datei:    %s"), x->path);
	y += draw_wrap(y, 2, buf, w, 3, ST_NORMAL);
	snprintf(buf, sizeof buf, _("Signatur: %s.minisig"), x->path);
	y += draw_wrap(y, 2, buf, w, 3, ST_NORMAL) + 1;
	y += draw_wrap(y, 2, _("Schicken Sie beide Dateien an das Studienteam."), w, 2, ST_NORMAL);
	char fp[SIGN_FINGERPRINT_SIZE];
	sign_fingerprint(a->k ? a->k->sign_pk : x->pk, fp);
	snprintf(buf, sizeof buf, _("Fingerabdruck Ihres Schlüssels: %s – das Studienteam fragt "
	                            "ihn am Telefon ab, um zu prüfen, dass die Datei von Ihnen "
	                            "kommt."), fp);
	y += draw_wrap(y, 2, buf, w, 3, ST_NORMAL) + 1;
	draw_contact(a, y);
	app_draw_footer(a, _("Enter Zur Übersicht|F10 Ende"));
}

static void export_draw(struct app *a)
{
	/* TRANSLATORS: the title of the export screen. */
	app_draw_title(a, _("Senden an das Studienteam"));
	if (a->exp.done)
		draw_done(a);
	else
		draw_ask(a);
}

/* Seal, write and remember the sender; the screen then shows the result. */
static void do_export(struct app *a)
{
	struct export_state *x = &a->exp;
	char err[400];
	const char *sender = lineedit_text(&x->sender);
	if (!*sender) {
		app_status(a, ST_WARNING, "%s", _("Bitte geben Sie den Absender an, z. B. den Namen "
		                                  "Ihrer Kommune."));
		return;
	}
	char *name = sendout_file_name(sender, "age", time(NULL));
	char *path = sendout_free_path(x->folder, name);
	free(name);
	if (sendout_write(&x->out, a->f->recipient, a->k, sender, false, path, err,
	                  sizeof err) < 0) {
		app_status(a, ST_ERROR, "%s", err);
		free(path);
		return;
	}
	free(x->path);
	x->path = path;
	x->sent = x->out.d.nrows;
	memcpy(x->pk, a->k->sign_pk, sizeof x->pk);
	x->done = true;
	a->status[0] = '\0';
	if (prefs_set(&a->st, "sender", sender, err, sizeof err) < 0)
		app_status(a, ST_WARNING, _("Gesendet; der Absender ließ sich nicht merken: %s"), err);
}

/* Back to the overview; the next visit starts afresh. */
static void to_list(struct app *a)
{
	a->exp.done = false;
	app_go(a, &scr_list);
}

static void export_key(struct app *a, bool code, wint_t ch, bool alt)
{
	struct export_state *x = &a->exp;
	bool enter = (!code && (ch == '\r' || ch == '\n')) || (code && ch == KEY_ENTER);
	(void)alt;
	if (code && ch == KEY_F(10)) {
		a->quit = true;
	} else if (x->done || (!code && ch == 27)) {
		if (enter || (!code && ch == 27))
			to_list(a);
	} else if (*blocked(a)) {
		return;
	} else if (enter) {
		do_export(a);
	} else if ((code && ch == KEY_BACKSPACE) || (!code && (ch == 127 || ch == 8))) {
		lineedit_backspace(&x->sender);
	} else if (!code && ch >= 32) {
		(void)lineedit_insert_cp(&x->sender, (uint32_t)ch);
	}
}

/* The answers in memory go whenever the screen is left (the idle lock too). */
static void export_leave(struct app *a)
{
	if (a->exp.have_out)
		sendout_free(&a->exp.out);
	a->exp.have_out = false;
}

const struct screen scr_export = {
	.init = export_init,
	.draw = export_draw,
	.key = export_key,
	.leave = export_leave,
};
