/*
 * sbuf: a growable NUL-terminated byte string.
 *
 * A zero-initialised struct sbuf is an empty buffer. The buffer owns 'data';
 * sbuf_free() releases it, sbuf_take() hands it to the caller (who frees it
 * with free()) and leaves the buffer empty.
 */
#ifndef FB_SBUF_H
#define FB_SBUF_H

#include <stddef.h>

struct sbuf {
	char *data;
	size_t len;
	size_t cap;
};

void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Current contents; never NULL (an empty buffer reads as ""). */
const char *sbuf_str(const struct sbuf *b);
char *sbuf_take(struct sbuf *b);
void sbuf_free(struct sbuf *b);

#endif
