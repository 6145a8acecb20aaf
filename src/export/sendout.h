/*
 * sendout: what a Kommune sends the study team, made from its store — the
 * completed responses as rows, sealed to the team's key and signed with
 * the Kommune's, written as NAME.age beside NAME.age.minisig. The command
 * `fragebogen export` and the interface's export screen both use it.
 *
 * Functions return 0 (or a non-negative result) or -1 with a German
 * message in 'err' (errlen bytes); there is no error state.
 *
 * Ownership: a struct sendout owns its rows, audit trails and label until
 * sendout_free(). The form and the store are borrowed.
 */
#ifndef FB_SENDOUT_H
#define FB_SENDOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "export/dataset.h"
#include "form/form.h"
#include "store/keyring.h"
#include "store/store.h"

struct sendout {
	struct dataset d;
	void **audit;          /* per row: cJSON array (owned) or NULL */
	char *label;           /* the Kommune, from the first response naming it, or NULL */
	int drafts;            /* responses left out as not completed */
};

enum {
	SENDOUT_ALL = 1,       /* drafts too (plain files for the Kommune, never the team) */
	SENDOUT_AUDIT = 2,     /* keep each response's audit trail */
};

/* What sendout_take() did with a response. */
enum sendout_took {
	SENDOUT_ADDED,
	SENDOUT_DRAFT,         /* not completed: left out */
	SENDOUT_OTHER_FORM,    /* of another questionnaire: left out */
};

void sendout_init(struct sendout *o, const struct form *f);
void sendout_free(struct sendout *o);

/*
 * Add stored response 'uuid' (flags SENDOUT_…). A response of another
 * questionnaire is an error when 'named' (the person asked for it), else
 * it is passed over. *note is set to a static German note when an older
 * generation had to be used, else NULL.
 */
int sendout_take(struct sendout *o, struct store *s, const struct form *f, const char *uuid,
                 bool named, unsigned flags, const char **note, char *err, size_t errlen);

/* Every response of the store; 'on_note' (may be NULL) hears each note. */
int sendout_take_all(struct sendout *o, struct store *s, const struct form *f, unsigned flags,
                     void (*on_note)(const char *uuid, const char *note, void *ctx), void *ctx,
                     char *err, size_t errlen);

/* "<name>-<YYYY-MM-DD>.<ext>" for the day of 'now', safe as a file name
 * (a new string); "export" stands in for an empty name. */
char *sendout_file_name(const char *name, const char *ext, time_t now);

/*
 * A path in 'dir' for 'name' ("X.age") that is not taken yet, its
 * signature's name included: X.age, else X-2.age, X-3.age, …
 */
char *sendout_free_path(const char *dir, const char *name);

/* Write buf to a new file 'path' (through fio, fsynced, appearing whole);
 * never replaces a file: "die Datei gibt es schon". */
__attribute__((warn_unused_result))
int sendout_write_new(const char *path, const void *buf, size_t n, mode_t mode, char *err,
                      size_t errlen);

/*
 * Seal the rows for 'recipient' (age1…) as 'sender', signed with k's key,
 * and write 'path' and 'path'.minisig, never replacing a file: both or
 * neither are there afterwards. With 'audit' the audit trails go along.
 */
__attribute__((warn_unused_result))
int sendout_write(const struct sendout *o, const char *recipient, const struct keyring *k,
                  const char *sender, bool audit, const char *path, char *err, size_t errlen);

#endif
