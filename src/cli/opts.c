/*
 * opts: common options, unlocking and form loading for the store commands.
 */
#include "cli/opts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/pass.h"
#include "cli/paths.h"
#include "util/i18n.h"

int opts_parse(struct opts *o, int argc, char **argv, const char *usage)
{
	static const struct option lo[] = {
		{"store", required_argument, NULL, 's'},
		{"form", required_argument, NULL, 'f'},
		{"passphrase-file", required_argument, NULL, 'p'},
		{"kdf-cost", required_argument, NULL, 'k'},
		{"json", no_argument, NULL, 'j'},
		{"recovery", no_argument, NULL, 'r'},
		{"idle-lock", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	const char *dir = NULL;
	o->pass_file = getenv("FRAGEBOGEN_PASSPHRASE_FILE");
	o->kdf = "moderate";
	o->idle_lock = 600;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "+s:f:p:k:jrhi:", lo, NULL)) != -1) {
		switch (c) {
		case 's': dir = optarg; break;
		case 'f': o->form_path = optarg; break;
		case 'p': o->pass_file = optarg; break;
		case 'k': o->kdf = optarg; break;
		case 'j': o->json = true; break;
		case 'r': o->recovery = true; break;
		case 'i':
			o->idle_lock = atoi(optarg);
			if (o->idle_lock < 0 || o->idle_lock > 86400) {
				fprintf(stderr, _("fragebogen: --idle-lock erwartet Sekunden von 0 (aus) "
				                  "bis 86400\n"));
				return -1;
			}
			break;
		case 'h': fputs(usage, stdout); return 1;
		default: fputs(usage, stderr); return -1;
		}
	}
	struct kdf_cost cost;
	if (keyring_cost(o->kdf, &cost) < 0) {
		fprintf(stderr, _("fragebogen: --kdf-cost kennt moderate, interactive, sensitive und "
		                  "test, nicht „%s“\n"), o->kdf);
		return -1;
	}
	if (!o->form_path)
		o->form_path = getenv("FRAGEBOGEN_FORM");
	if (!o->form_path)
		o->form_path = paths_default_form();
	o->store_dir = store_default_dir(dir);
	o->argc = argc - optind;
	o->argv = argv + optind;
	return 0;
}

void opts_free(struct opts *o)
{
	free(o->store_dir);
	o->store_dir = NULL;
}

int opts_unlock(const struct opts *o, struct keyring **k)
{
	struct secret pw;
	int err = 0;
	enum keyring_status st;
	if (o->recovery) {
		if (pass_read(_("Wiederherstellungscode: "), o->pass_file, 1, &pw) < 0)
			return -1;
		st = keyring_unlock_recovery(o->store_dir, pw.s, k, &err);
	} else {
		if (pass_read(_("Passwort: "), o->pass_file, 1, &pw) < 0)
			return -1;
		st = keyring_unlock(o->store_dir, pw.s, pw.len, k, &err);
	}
	pass_free(&pw);
	if (st == KR_WRONG_SECRET && o->recovery)
		fprintf(stderr, _("fragebogen: Der Wiederherstellungscode passt nicht. Es wurde nichts "
		                  "verändert.\n"));
	else if (st != KR_OK)
		fprintf(stderr, "fragebogen: %s\n", keyring_message(st, err));
	return st == KR_OK ? 0 : -1;
}

/* The opening every store command does, and its undoing. */
int opts_open_store(const struct opts *o, struct store *s, struct keyring **k)
{
	if (opts_unlock(o, k) < 0)
		return -1;
	store_open(s, o->store_dir, *k);
	return 0;
}

void opts_close_store(struct store *s, struct keyring **k)
{
	store_close(s);
	keyring_free(k);
}

struct form *opts_form(const struct opts *o)
{
	return cli_load_form(o->form_path, NULL, NULL);
}

int opts_resolve_id(struct store *s, const char *prefix, char uuid[UUID_TEXT])
{
	struct store_entry *v;
	int n, found = 0;
	char msg[300];
	if (store_list(s, &v, &n, msg, sizeof msg) < 0) {
		fprintf(stderr, "fragebogen: %s\n", msg);
		return -1;
	}
	size_t pl = strlen(prefix);
	for (int i = 0; i < n; i++)
		if (pl >= 4 && strncmp(v[i].uuid, prefix, pl) == 0 && found++ == 0)
			memcpy(uuid, v[i].uuid, UUID_TEXT);
	store_entries_free(v, n);
	if (found == 1)
		return 0;
	if (found == 0)
		fprintf(stderr, _("fragebogen: Keine Antwort hat die ID „%s“ (siehe fragebogen list).\n"),
		        prefix);
	else
		fprintf(stderr, _("fragebogen: „%s“ passt auf mehrere Antworten; geben Sie mehr Zeichen "
		                  "der ID an.\n"), prefix);
	return -1;
}
