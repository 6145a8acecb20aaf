/*
 * store: a folder of encrypted responses and the key file that opens them.
 *
 * Layout: DIR/store.key, and per response DIR/<uuid>.fbr (the newest
 * generation), DIR/<uuid>.fbr.prev (the one before) and, between the two
 * renames of a save, DIR/<uuid>.fbr.tmp. Loading takes the current file;
 * if it is missing (a save stopped between its renames) the complete .tmp;
 * if neither authenticates, the previous generation — and says so when it
 * is not the current file. A .tmp beside a current file is an unfinished
 * save and is ignored. DIR/<uuid>.lock is held with flock() while a
 * process works on a response; it names the holder.
 *
 * The folder is created with mode 0700, files with 0600. All I/O goes
 * through fio. Functions return 0 or -1 with a German message in 'err'
 * (errlen bytes); the store keeps no error state.
 *
 * Ownership: store_open() borrows the keyring until store_close(). Loaded
 * texts are new strings for free().
 */
#ifndef FB_STORE_H
#define FB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/keyring.h"
#include "util/fio.h"
#include "util/uuid.h"

struct store {
	char *dir;
	const struct keyring *k;
};

struct store_entry {
	char uuid[UUID_TEXT];
	char *summary;       /* JSON summary, NULL if the file could not be opened */
	char *problem;       /* German note: damaged, recovered from .prev, … */
};

/* The folder to use: --store, else FRAGEBOGEN_STORE, else $XDG_DATA_HOME/fragebogen. */
char *store_default_dir(const char *option);
/* Create the folder (0700) if needed. */
FIO_MUST int store_make_dir(const char *dir, char *err, size_t errlen);

void store_open(struct store *s, const char *dir, const struct keyring *k);
void store_close(struct store *s);

/* Write a new generation of a response; 'gen' is raised on success only. */
FIO_MUST int store_save(struct store *s, const char *uuid, uint64_t *gen, const char *summary,
               const char *json, char *err, size_t errlen);
/*
 * Load the newest readable generation. *note is set (German, static) when
 * an older generation had to be used, else NULL.
 */
FIO_MUST int store_load(struct store *s, const char *uuid, char **json, uint64_t *gen,
               const char **note, char *err, size_t errlen);
/* Every response in the folder, sorted by id; free with store_entries_free(). */
FIO_MUST int store_list(struct store *s, struct store_entry **out, int *n, char *err, size_t errlen);
void store_entries_free(struct store_entry *v, int n);

/* Take the lock of a response; on refusal 'err' names the holder. Returns an fd. */
FIO_MUST int store_lock(struct store *s, const char *uuid, char *err, size_t errlen);
void store_unlock(int fd);

#endif
