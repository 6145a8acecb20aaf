/*
 * export: `fragebogen export` — completed responses out of the store: as a
 * sealed file for the study team (age, signed), or as plain CSV, JSON,
 * SPSS or Stata files for the Kommune's own use.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli/argx.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "export/bundle.h"
#include "export/csvout.h"
#include "export/dataset.h"
#include "export/sendout.h"
#include "export/statfile.h"
#include "form/engine.h"
#include "form/response.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const usage =
	N_("Aufruf: fragebogen export [--store ORDNER] [--form FORMULAR] [--recipient age1…]\n"
	   "                          [--format age|csv|json|sav|dta] [--csv-profile excel-de|rfc4180]\n"
	   "                          [--audit] [--all] [--sender NAME] [-o DATEI] [ID …]\n"
	   "Ohne --format entsteht eine verschlüsselte, signierte Datei für das Studienteam.\n");

struct xargs {
	const char *recipient, *format, *profile, *out, *sender;
	bool audit, all;
};

/* Take the export options out of argv; -1 on a malformed call. */
static int take_args(int *argc, char **argv, struct xargs *x)
{
	int bad = 0;
	memset(x, 0, sizeof *x);
	x->recipient = argx_take(argc, argv, "--recipient", NULL, true, &bad);
	x->format = argx_take(argc, argv, "--format", NULL, true, &bad);
	x->profile = argx_take(argc, argv, "--csv-profile", NULL, true, &bad);
	x->out = argx_take(argc, argv, "--output", "-o", true, &bad);
	x->sender = argx_take(argc, argv, "--sender", NULL, true, &bad);
	x->audit = argx_take(argc, argv, "--audit", NULL, false, &bad) != NULL;
	x->all = argx_take(argc, argv, "--all", NULL, false, &bad) != NULL;
	if (!x->format)
		x->format = "age";
	static const char *const fmts[] = {"age", "csv", "json", "sav", "dta", NULL};
	bool known = false;
	for (int i = 0; fmts[i]; i++)
		known |= strcmp(x->format, fmts[i]) == 0;
	if (!known) {
		fprintf(stderr, _("fragebogen: --format kennt age, csv, json, sav und dta, nicht „%s“\n"),
		        x->format);
		return -1;
	}
	if (x->profile && strcmp(x->profile, "excel-de") != 0 && strcmp(x->profile, "rfc4180") != 0) {
		fprintf(stderr, _("fragebogen: --csv-profile kennt excel-de und rfc4180, nicht „%s“\n"),
		        x->profile);
		return -1;
	}
	if (x->all && strcmp(x->format, "age") == 0) {
		fputs(_("fragebogen: An das Studienteam gehen nur abgeschlossene Antworten; "
		        "--all gilt nur für --format csv, json, sav oder dta.\n"), stderr);
		return -1;
	}
	return bad;
}

/* Print a note about one response (an older generation was used). */
static void print_note(const char *uuid, const char *note, void *ctx)
{
	(void)ctx;
	fprintf(stderr, _("Hinweis: Antwort %s: %s\n"), uuid, note);
}

/* The responses to export: those named, or all (completed) ones. */
static int collect(struct store *s, const struct form *f, const struct opts *o,
                   const struct xargs *x, struct sendout *rw)
{
	unsigned flags = (x->all ? SENDOUT_ALL : 0) | (x->audit ? SENDOUT_AUDIT : 0);
	char msg[400];
	if (o->argc == 0) {
		if (sendout_take_all(rw, s, f, flags, print_note, NULL, msg, sizeof msg) < 0) {
			fprintf(stderr, "fragebogen: %s\n", msg);
			return -1;
		}
		return 0;
	}
	for (int i = 0; i < o->argc; i++) {
		char uuid[UUID_TEXT];
		const char *note;
		if (opts_resolve_id(s, o->argv[i], uuid) < 0)
			return -1;
		int took = sendout_take(rw, s, f, uuid, true, flags, &note, msg, sizeof msg);
		if (took < 0) {
			fprintf(stderr, _("fragebogen: Antwort %s: %s\n"), uuid, msg);
			return -1;
		}
		if (note)
			print_note(uuid, note, NULL);
		if (took == SENDOUT_DRAFT) {
			fprintf(stderr, _("fragebogen: Antwort %s ist noch nicht abgeschlossen.\n"), uuid);
			return -1;
		}
	}
	return 0;
}

/* The sealed file for the study team, and its detached signature. */
static int export_sealed(const struct form *f, const struct keyring *k, const struct xargs *x,
                         struct sendout *rw)
{
	const char *to = x->recipient ? x->recipient : f->recipient;
	if (!to) {
		fputs(_("fragebogen: Kein Empfänger bekannt: Der Fragebogen nennt keinen "
		        "Schlüssel des Studienteams („recipient“). Geben Sie ihn mit "
		        "--recipient age1… an (das Studienteam nennt ihn).\n"), stderr);
		return -1;
	}
	const char *sender = x->sender ? x->sender : rw->label ? rw->label : "";
	char *path = x->out ? xstrdup(x->out) : sendout_file_name(sender, "age", time(NULL));
	char *sigpath = xasprintf("%s.minisig", path), err[400];
	int rc = sendout_write(rw, to, k, sender, x->audit, path, err, sizeof err);
	if (rc < 0)
		fprintf(stderr, "fragebogen: %s\n", err);
	else
		printf(P_("%d Antwort verschlüsselt für das Studienteam: %s\n"
		          "Signatur: %s\nSchicken Sie beide Dateien an das Studienteam.\n",
		          "%d Antworten verschlüsselt für das Studienteam: %s\n"
		          "Signatur: %s\nSchicken Sie beide Dateien an das Studienteam.\n",
		          (unsigned long)rw->d.nrows),
		       rw->d.nrows, path, sigpath);
	free(path);
	free(sigpath);
	return rc;
}

/* CSV or JSON into memory. */
static char *plain_text(const struct xargs *x, struct sendout *rw, size_t *n)
{
	if (strcmp(x->format, "json") == 0) {
		char *doc = bundle_document(&rw->d, x->audit ? rw->audit : NULL, NULL, NULL,
		                            (int64_t)time(NULL));
		*n = strlen(doc);
		return doc;
	}
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, n);
	enum csvout_profile p = x->profile && strcmp(x->profile, "rfc4180") == 0
	                                ? CSVOUT_RFC4180 : CSVOUT_EXCEL_DE;
	char err[200];
	int rc = csvout_write(&rw->d, mem, p, err, sizeof err);
	fclose(mem);
	if (rc < 0) {
		fprintf(stderr, "fragebogen: %s\n", err);
		free(buf);
		return NULL;
	}
	return buf;
}

/* A plain file for the Kommune's own use. */
static int export_plain(const struct xargs *x, struct sendout *rw)
{
	char *path = x->out ? xstrdup(x->out) : sendout_file_name(rw->label, x->format, time(NULL));
	int rc, serr;
	struct stat st;
	if ((strcmp(x->format, "sav") == 0 || strcmp(x->format, "dta") == 0) &&
	    fio_stat(path, &st, &serr) == 0) {
		fprintf(stderr, _("fragebogen: „%s“ gibt es schon; wählen Sie mit -o einen anderen "
		                  "Namen.\n"), path);
		free(path);
		return -1;
	}
	if (strcmp(x->format, "sav") == 0 || strcmp(x->format, "dta") == 0) {
		char err[300];
		rc = statfile_write(&rw->d, path, x->format[0] == 's' ? STATFILE_SAV : STATFILE_DTA,
		                    err, sizeof err);
		if (rc < 0)
			fprintf(stderr, "fragebogen: %s\n", err);
	} else {
		size_t n = 0;
		char *text = plain_text(x, rw, &n);
		char err[400];
		rc = text ? sendout_write_new(path, text, n, 0600, err, sizeof err) : -1;
		if (text && rc < 0)
			fprintf(stderr, "fragebogen: %s\n", err);
		free(text);
	}
	if (rc == 0)
		fprintf(stderr, P_("%d Antwort geschrieben: %s\nAchtung: Diese Datei ist NICHT "
		                   "verschlüsselt. Bewahren Sie sie geschützt auf und schicken Sie sie "
		                   "nicht per E-Mail; für das Studienteam gibt es „fragebogen export“ "
		                   "ohne --format.\n",
		                   "%d Antworten geschrieben: %s\nAchtung: Diese Datei ist NICHT "
		                   "verschlüsselt. Bewahren Sie sie geschützt auf und schicken Sie sie "
		                   "nicht per E-Mail; für das Studienteam gibt es „fragebogen export“ "
		                   "ohne --format.\n", (unsigned long)rw->d.nrows),
		        rw->d.nrows, path);
	free(path);
	return rc;
}

int export_main(int argc, char **argv)
{
	struct xargs x;
	if (take_args(&argc, argv, &x) < 0)
		return 2;
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _(usage));
	if (rc)
		return rc > 0 ? 0 : 2;
	struct form *f = opts_form(&o);
	struct keyring *k = NULL;
	struct store s;
	rc = 1;
	if (f && opts_open_store(&o, &s, &k) == 0) {
		struct sendout rw;
		sendout_init(&rw, f);
		if (collect(&s, f, &o, &x, &rw) == 0) {
			if (rw.drafts)
				fprintf(stderr, P_("Hinweis: %d nicht abgeschlossene Antwort ist nicht dabei.\n",
				                   "Hinweis: %d nicht abgeschlossene Antworten sind nicht "
				                   "dabei.\n", (unsigned long)rw.drafts),
				        rw.drafts);
			if (rw.d.nrows == 0)
				fputs(_("fragebogen: Es gibt keine abgeschlossenen Antworten zum "
				        "Exportieren.\n"), stderr);
			else if ((strcmp(x.format, "age") == 0 ? export_sealed(f, k, &x, &rw)
			                                       : export_plain(&x, &rw)) == 0)
				rc = 0;
		}
		sendout_free(&rw);
		opts_close_store(&s, &k);
	}
	form_free(&f);
	opts_free(&o);
	return rc;
}
