/*
 * storecmd: `fragebogen init`, `list` and `passwd`.
 */
#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "cli/pass.h"
#include "form/engine.h"
#include "form/pipe.h"
#include "form/response.h"
#include "store/session.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Read a new passphrase: twice on a terminal, line 'line' of a file. */
static int new_passphrase(const struct opts *o, int line, struct secret *pw)
{
	if (pass_read(_("Neues Passwort: "), o->pass_file, line, pw) < 0)
		return -1;
	if (!o->pass_file) {
		struct secret again;
		if (pass_read(_("Neues Passwort wiederholen: "), NULL, 1, &again) < 0) {
			pass_free(pw);
			return -1;
		}
		int same = again.len == pw->len && sodium_memcmp(again.s, pw->s, pw->len) == 0;
		pass_free(&again);
		if (!same) {
			fputs(_("fragebogen: Die beiden Eingaben stimmen nicht überein. Es wurde "
			        "nichts verändert.\n"), stderr);
			pass_free(pw);
			return -1;
		}
	}
	const char *hint = pass_hint(pw);
	if (hint)
		fprintf(stderr, _("Hinweis: %s\n"), hint);
	return 0;
}

int init_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _("Aufruf: fragebogen init [--store ORDNER] "
	                                      "[--passphrase-file DATEI] [--kdf-cost STUFE]\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	char msg[300], *key = xasprintf("%s/%s", o.store_dir, KEYRING_FILE);
	struct stat st;
	int serr;
	rc = 1;
	if (fio_stat(key, &st, &serr) == 0) {
		fprintf(stderr, _("fragebogen: In „%s“ ist bereits ein Speicher eingerichtet.\n"),
		        o.store_dir);
		goto out;
	}
	if (store_make_dir(o.store_dir, msg, sizeof msg) < 0) {
		fprintf(stderr, "fragebogen: %s\n", msg);
		goto out;
	}
	struct secret pw;
	if (new_passphrase(&o, 1, &pw) < 0)
		goto out;
	struct kdf_cost cost;
	(void)keyring_cost(o.kdf, &cost);
	char code[RECOVERY_LEN + 1];
	struct keyring *k;
	int err = 0;
	enum keyring_status ks = keyring_create(o.store_dir, pw.s, pw.len, cost, code, &k, &err);
	pass_free(&pw);
	if (ks != KR_OK) {
		fprintf(stderr, "fragebogen: %s\n", keyring_message(ks, err));
		goto out;
	}
	printf(_("Der verschlüsselte Speicher ist eingerichtet: %s\n\n"
	         "Ihr Wiederherstellungscode – bitte aufschreiben und sicher aufbewahren:\n\n"
	         "    %s\n\n"
	         "Mit diesem Code kommen Sie an Ihre Antworten, falls Sie das Passwort vergessen\n"
	         "(fragebogen passwd --recovery). Er wird nur dieses eine Mal angezeigt.\n"),
	       o.store_dir, code);
	sodium_memzero(code, sizeof code);
	keyring_free(&k);
	rc = 0;
out:
	free(key);
	opts_free(&o);
	return rc;
}

int passwd_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv,
	                    _("Aufruf: fragebogen passwd [--recovery] [--store ORDNER] "
	                      "[--passphrase-file DATEI]\n"
	                      "Mit --passphrase-file: Zeile 1 das alte Passwort (oder der "
	                      "Wiederherstellungscode), Zeile 2 das neue.\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	struct keyring *k;
	struct secret pw;
	rc = 1;
	if (opts_unlock(&o, &k) < 0)
		goto out;
	if (new_passphrase(&o, 2, &pw) == 0) {
		struct kdf_cost cost;
		(void)keyring_cost(o.kdf, &cost);
		int err = 0;
		enum keyring_status ks = keyring_passwd(o.store_dir, k, pw.s, pw.len, cost, &err);
		pass_free(&pw);
		if (ks == KR_OK) {
			fputs(_("Das Passwort ist geändert.\n"), stdout);
			rc = 0;
		} else {
			fprintf(stderr, "fragebogen: %s\n", keyring_message(ks, err));
		}
	}
	keyring_free(&k);
out:
	opts_free(&o);
	return rc;
}

/* Pad 's' to 'width' characters (cutting with "…" if longer). */
static void cell(const char *s, int width)
{
	size_t n = strlen(s), chars = utf8_count(s, n);
	if (chars > (size_t)width) {
		size_t cut = utf8_offset(s, n, (size_t)width - 1);
		printf("%.*s… ", (int)cut, s);
		return;
	}
	printf("%s%*s ", s, width - (int)chars, "");
}

/* The column headings of `list`, as wide as the columns of list_row(). */
static void list_heading(void)
{
	/* TRANSLATORS: column headings of the list of responses (the columns are
	   8, 26, 13 and 11 characters wide; longer headings are cut). */
	cell(_("ID"), 8);
	cell(_("Kommune"), 26);
	cell(_("Status"), 13);
	cell(_("Fortschritt"), 11);
	/* TRANSLATORS: column headings: the revision (short, 3 characters) and the
	   time of the last change. */
	printf("%s %s\n", _("Rev."), _("Letzte Änderung"));
}

/* One row of `list` from a summary. */
static void list_row(const struct store_entry *e)
{
	struct summary sm;
	char id[9], prog[16];
	snprintf(id, sizeof id, "%.8s", e->uuid);
	cell(id, 8);
	if (session_summary_read(e->summary, &sm) < 0) {
		/* TRANSLATORS: a stored response whose summary cannot be read. */
		printf("– %s\n", e->problem ? e->problem : _("unlesbar"));
		return;
	}
	/* TRANSLATORS: a response that names no Kommune yet. */
	cell(sm.label[0] ? sm.label : _("(ohne Namen)"), 26);
	cell(sm.complete ? _("abgeschlossen") : _("Entwurf"), 13);
	snprintf(prog, sizeof prog, "%3d %%", sm.percent);
	cell(prog, 11);
	printf("%3d  %s%s%s\n", sm.revision, sm.when, e->problem ? "  ! " : "",
	       e->problem ? e->problem : "");
}

/* `list --json`: the summaries with their ids. */
static void list_json(const struct store_entry *v, int n)
{
	cJSON *arr = cJSON_CreateArray();
	for (int i = 0; i < n; i++) {
		cJSON *s = v[i].summary ? cJSON_Parse(v[i].summary) : cJSON_CreateObject();
		cJSON_AddStringToObject(s, "uuid", v[i].uuid);
		if (v[i].problem)
			cJSON_AddStringToObject(s, "problem", v[i].problem);
		cJSON_AddItemToArray(arr, s);
	}
	char *out = cJSON_Print(arr);
	puts(out);
	free(out);
	cJSON_Delete(arr);
}

int list_main(int argc, char **argv)
{
	struct opts o;
	int rc = opts_parse(&o, argc, argv, _("Aufruf: fragebogen list [--json] [--store ORDNER] "
	                                      "[--passphrase-file DATEI]\n"));
	if (rc)
		return rc > 0 ? 0 : 2;
	struct keyring *k;
	struct store s;
	rc = 1;
	if (opts_open_store(&o, &s, &k) == 0) {
		struct store_entry *v;
		int n;
		char msg[300];
		if (store_list(&s, &v, &n, msg, sizeof msg) < 0) {
			fprintf(stderr, "fragebogen: %s\n", msg);
		} else {
			if (o.json) {
				list_json(v, n);
			} else if (n == 0) {
				fputs(_("Noch keine Antworten gespeichert.\n"), stdout);
			} else {
				list_heading();
				for (int i = 0; i < n; i++)
					list_row(&v[i]);
			}
			store_entries_free(v, n);
			rc = 0;
		}
		opts_close_store(&s, &k);
	}
	opts_free(&o);
	return rc;
}

