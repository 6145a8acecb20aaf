/*
 * xmalloc: allocation that never returns NULL.
 *
 * Out of memory is not a condition the program can recover from in a useful
 * way, so these wrappers print a short message and abort. Every pointer they
 * return is owned by the caller and released with free().
 */
#ifndef FB_XMALLOC_H
#define FB_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of 'size'-byte elements to at least 'need', doubling. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
