/*
 * opts: what the store commands share — their options, unlocking the store
 * and loading the form. Messages go to stderr in the interface language.
 */
#ifndef FB_OPTS_H
#define FB_OPTS_H

#include <stdbool.h>

#include "form/form.h"
#include "store/keyring.h"
#include "store/store.h"

struct opts {
	char *store_dir;         /* resolved folder (owned) */
	const char *form_path;   /* --form, else the bundled questionnaire */
	const char *pass_file;   /* --passphrase-file or FRAGEBOGEN_PASSPHRASE_FILE */
	const char *kdf;         /* --kdf-cost */
	bool json, recovery;
	int idle_lock;           /* --idle-lock SECONDS (interface), default 600 */
	int argc;                /* the remaining (positional) arguments */
	char **argv;
};

/* Parse the common options; 'usage' is printed on --help. 0, 1 (help shown) or -1. */
int opts_parse(struct opts *o, int argc, char **argv, const char *usage);
void opts_free(struct opts *o);
/* Ask for the passphrase and open the key file. */
int opts_unlock(const struct opts *o, struct keyring **k);
/*
 * Unlock the store of the options and open it: 's' borrows the keyring in
 * *k until opts_close_store() closes both. 0, or -1 with a message printed.
 */
int opts_open_store(const struct opts *o, struct store *s, struct keyring **k);
void opts_close_store(struct store *s, struct keyring **k);
/* The full id of the one response whose id starts with 'prefix'. */
int opts_resolve_id(struct store *s, const char *prefix, char uuid[UUID_TEXT]);
/* Load the form (messages printed); NULL on failure. */
struct form *opts_form(const struct opts *o);

#endif
