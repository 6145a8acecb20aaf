/*
 * diag: a list of positioned messages, "file:line:column: message".
 *
 * Messages are added with a byte offset into the text being read; line and
 * column (1-based, the column counted in characters) are worked out then.
 * The list owns its strings; diag_free() releases them. After DIAG_MAX
 * messages further ones are counted but not kept.
 */
#ifndef FB_DIAG_H
#define FB_DIAG_H

#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 100

struct diag_msg {
	int line, col;
	char *text;
};

struct diag {
	const char *file;     /* borrowed: name used in messages */
	const char *src;      /* borrowed: the text offsets refer to */
	size_t srclen;
	struct diag_msg *v;
	int n, dropped;
};

void diag_init(struct diag *d, const char *file, const char *src, size_t srclen);
void diag_at(struct diag *d, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Line and column (1-based, characters) of a byte offset. */
void diag_linecol(const char *src, size_t len, size_t offset, int *line, int *col);
int diag_count(const struct diag *d);
/* Print every message as "file:line:column: text", one per line. */
void diag_print(const struct diag *d, FILE *out);
void diag_free(struct diag *d);

#endif
