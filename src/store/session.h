/*
 * session: one response being worked on — the response, its engine, its
 * lock and its place in the store. Every change is saved at once with
 * session_save(); if the disk refuses, the answers stay in memory, the
 * message says why, and the next save tries again.
 *
 * Ownership: a session owns its response and lock and borrows the store
 * and the form; session_close() releases what it owns (it does not save).
 */
#ifndef FB_SESSION_H
#define FB_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "form/engine.h"
#include "form/response.h"
#include "store/store.h"

struct session {
	struct store *st;
	const struct form *f;
	struct response *r;
	struct engine e;
	uint64_t gen;
	int lock;
	bool unsaved;        /* changes not yet on disk (a save failed) */
};

/* A new draft, locked and saved once. */
FIO_MUST int session_create(struct session *ss, struct store *st, const struct form *f, char *err,
                   size_t errlen);
/* Open a stored response; *note (if note is not NULL) tells of a recovery (static text) or is NULL. */
FIO_MUST int session_open(struct session *ss, struct store *st, const struct form *f, const char *uuid,
                 const char **note, char *err, size_t errlen);
/* Adopt a response made elsewhere (import): locked and saved as a new file. */
FIO_MUST int session_adopt(struct session *ss, struct store *st, const struct form *f,
                  struct response *r, char *err, size_t errlen);
FIO_MUST int session_save(struct session *ss, char *err, size_t errlen);
void session_close(struct session *ss);

/* The listing summary of a response, as JSON (free()). */
char *session_summary(struct engine *e);

/* A summary read back, for the overview and `fragebogen list`. */
struct summary {
	char label[256];        /* "" when the response names no Kommune yet */
	bool complete;
	int answered, visible, revision;
	int percent;            /* answered of visible, 0..100; 100 once complete */
	char when[32];          /* last change, local time "TT.MM.JJJJ HH:MM" */
};

/* Read a summary; -1 if 'json' is NULL or not a summary. */
FIO_MUST int session_summary_read(const char *json, struct summary *out);

#endif
