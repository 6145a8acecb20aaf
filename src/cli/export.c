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

struct rows {
	struct dataset d;
	void **audit;          /* per row: cJSON array (owned) or NULL */
	char *label;           /* the Kommune, from the first response that names it */
	int skipped_drafts;
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

/* Whether a stored response belongs to another questionnaire than 'f'. */
static bool other_form(const struct form *f, const char *json)
{
	cJSON *o = cJSON_Parse(json);
	const cJSON *fid = cJSON_GetObjectItemCaseSensitive(o, "form_id");
	bool other = cJSON_IsString(fid) && strcmp(fid->valuestring, f->id) != 0;
	cJSON_Delete(o);
	return other;
}

/* Add one stored response as a row; 'named' when the caller asked for it. */
static int add_one(struct store *s, const struct form *f, const char *uuid, bool named,
                   const struct xargs *x, struct rows *rw)
{
	char msg[300] = "", *json = NULL;
	uint64_t gen;
	const char *note = NULL;
	struct response *r;
	if (store_load(s, uuid, &json, &gen, &note, msg, sizeof msg) < 0 ||
	    response_from_json(f, json, strlen(json), &r, msg, sizeof msg) < 0) {
		bool skip = json && !named && other_form(f, json);
		free(json);
		if (skip)
			return 0;
		fprintf(stderr, _("fragebogen: Antwort %s: %s\n"), uuid, msg);
		return -1;
	}
	free(json);
	if (note) /* e.g. the newest version was damaged and an older one is used */
		fprintf(stderr, _("Hinweis: Antwort %s: %s\n"), uuid, note);
	int rc = 0;
	if (r->status != RESP_COMPLETE && !x->all) {
		if (named) {
			fprintf(stderr, _("fragebogen: Antwort %s ist noch nicht abgeschlossen.\n"), uuid);
			rc = -1;
		}
		rw->skipped_drafts++;
	} else {
		struct engine e;
		engine_init(&e, f, r);
		int row = dataset_add_response(&rw->d, &e);
		rw->audit = xrealloc(rw->audit, ((size_t)row + 1) * sizeof *rw->audit);
		rw->audit[row] = x->audit && r->audit ? cJSON_Duplicate(r->audit, 1) : NULL;
		int lc = rw->d.t.label_column ? table_find(&rw->d.t, rw->d.t.label_column) : -1;
		if (!rw->label && lc >= 0 && rw->d.t.cols[lc].type == COL_STRING &&
		    dataset_str(&rw->d, row, lc))
			rw->label = xstrdup(dataset_str(&rw->d, row, lc));
		engine_free(&e);
	}
	response_free(&r);
	return rc;
}

/* The responses to export: those named, or all (completed) ones. */
static int collect(struct store *s, const struct form *f, const struct opts *o,
                   const struct xargs *x, struct rows *rw)
{
	if (o->argc > 0) {
		for (int i = 0; i < o->argc; i++) {
			char uuid[UUID_TEXT];
			if (opts_resolve_id(s, o->argv[i], uuid) < 0 ||
			    add_one(s, f, uuid, true, x, rw) < 0)
				return -1;
		}
		return 0;
	}
	struct store_entry *v;
	int n;
	char msg[300];
	if (store_list(s, &v, &n, msg, sizeof msg) < 0) {
		fprintf(stderr, "fragebogen: %s\n", msg);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = add_one(s, f, v[i].uuid, false, x, rw);
	store_entries_free(v, n);
	return rc;
}

/* "<Kommune>-<YYYY-MM-DD>.<ext>", safe as a file name. */
static char *default_name(const char *label, const char *ext)
{
	char day[16];
	time_t now = time(NULL);
	strftime(day, sizeof day, "%Y-%m-%d", localtime(&now));
	char *base = xstrdup(label && *label ? label : "export");
	for (char *p = base; *p; p++)
		if ((unsigned char)*p < 0x20 || strchr("/\\:*?\"<>| ", *p))
			*p = '-';
	char *name = xasprintf("%s-%s.%s", base, day, ext);
	free(base);
	return name;
}

/* Write buf to path without replacing an existing file. */
static int write_new(const char *path, const void *buf, size_t n, mode_t mode)
{
	int err = 0;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	int rc = fio_replace(slash ? dir : ".", path, buf, n, mode, false, &err);
	free(dir);
	if (rc < 0)
		fprintf(stderr, _("fragebogen: „%s“ lässt sich nicht schreiben: %s\n"), path,
		        err == EEXIST ? _("die Datei gibt es schon (anderen Namen mit -o wählen)")
		                      : strerror(err));
	return rc < 0 ? -1 : 0;
}

/* The sealed file for the study team, and its detached signature. */
static int export_sealed(const struct form *f, const struct keyring *k, const struct xargs *x,
                         struct rows *rw)
{
	const char *to = x->recipient ? x->recipient : f->recipient;
	if (!to) {
		fputs(_("fragebogen: Kein Empfänger bekannt: Der Fragebogen nennt keinen "
		        "Schlüssel des Studienteams („recipient“). Geben Sie ihn mit "
		        "--recipient age1… an (das Studienteam nennt ihn).\n"), stderr);
		return -1;
	}
	struct bundle_sender snd = {x->sender ? x->sender : rw->label ? rw->label : "",
	                            k->sign_pk, k->sign_sk};
	char *comment = xasprintf("fragebogen-Export von %s, %d Antworten",
	                          snd.name[0] ? snd.name : "unbekannt", rw->d.nrows);
	for (char *p = comment; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	uint8_t *age = NULL;
	size_t agelen = 0;
	char *sig = NULL, err[300];
	int rc = bundle_seal(&rw->d, x->audit ? rw->audit : NULL, to, &snd, (int64_t)time(NULL),
	                     comment, &age, &agelen, &sig, err, sizeof err);
	free(comment);
	if (rc < 0) {
		fprintf(stderr, "fragebogen: %s\n", err);
		return -1;
	}
	char *path = x->out ? xstrdup(x->out) : default_name(snd.name, "age");
	char *sigpath = xasprintf("%s.minisig", path);
	rc = write_new(path, age, agelen, 0644);
	int e2;
	if (rc == 0 && (rc = write_new(sigpath, sig, strlen(sig), 0644)) < 0)
		(void)fio_unlink(path, &e2); /* no file without its signature */
	if (rc == 0)
		printf(P_("%d Antwort verschlüsselt für das Studienteam: %s\n"
		          "Signatur: %s\nSchicken Sie beide Dateien an das Studienteam.\n",
		          "%d Antworten verschlüsselt für das Studienteam: %s\n"
		          "Signatur: %s\nSchicken Sie beide Dateien an das Studienteam.\n",
		          (unsigned long)rw->d.nrows),
		       rw->d.nrows, path, sigpath);
	free(age);
	free(sig);
	free(path);
	free(sigpath);
	return rc;
}

/* CSV or JSON into memory. */
static char *plain_text(const struct xargs *x, struct rows *rw, size_t *n)
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
static int export_plain(const struct xargs *x, struct rows *rw)
{
	char *path = x->out ? xstrdup(x->out) : default_name(rw->label, x->format);
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
		rc = text ? write_new(path, text, n, 0600) : -1;
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

static void rows_free(struct rows *rw)
{
	for (int i = 0; i < rw->d.nrows; i++)
		cJSON_Delete(rw->audit[i]);
	free(rw->audit);
	free(rw->label);
	dataset_free(&rw->d);
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
		struct table t;
		struct rows rw = {0};
		table_from_form(f, &t);
		dataset_init(&rw.d, &t);
		table_free(&t);
		if (collect(&s, f, &o, &x, &rw) == 0) {
			if (rw.skipped_drafts)
				fprintf(stderr, P_("Hinweis: %d nicht abgeschlossene Antwort ist nicht dabei.\n",
				                   "Hinweis: %d nicht abgeschlossene Antworten sind nicht "
				                   "dabei.\n", (unsigned long)rw.skipped_drafts),
				        rw.skipped_drafts);
			if (rw.d.nrows == 0)
				fputs(_("fragebogen: Es gibt keine abgeschlossenen Antworten zum "
				        "Exportieren.\n"), stderr);
			else if ((strcmp(x.format, "age") == 0 ? export_sealed(f, k, &x, &rw)
			                                       : export_plain(&x, &rw)) == 0)
				rc = 0;
		}
		rows_free(&rw);
		opts_close_store(&s, &k);
	}
	form_free(&f);
	opts_free(&o);
	return rc;
}
