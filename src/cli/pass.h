/*
 * pass: reading secrets — from the terminal without echo, or from a file
 * (--passphrase-file / FRAGEBOGEN_PASSPHRASE_FILE) for scripts and tests.
 *
 * Secrets live in sodium_malloc'ed memory; pass_free() wipes and frees.
 */
#ifndef FB_PASS_H
#define FB_PASS_H

#include <stddef.h>

struct secret {
	char *s;      /* NUL-terminated, in guarded memory */
	size_t len;
};

/*
 * Read one secret. 'file' (may be NULL) wins over the terminal; with a
 * file, 'line' picks which line (1-based: the new passphrase for passwd is
 * line 2). Returns 0, or -1 with a message on stderr.
 */
int pass_read(const char *prompt, const char *file, int line, struct secret *out);
void pass_free(struct secret *s);
/* A short hint on the strength of a new passphrase, or NULL. */
const char *pass_hint(const struct secret *s);

#endif
