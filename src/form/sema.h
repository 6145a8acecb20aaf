/*
 * sema: names, types and ordering of expressions and piped texts, checked
 * against a form while it is being loaded.
 *
 * Every problem goes to the diag list with its exact place in the form file:
 * the JSON string's position plus the offset inside the expression, with
 * escapes taken into account. Functions return 0 if the text is sound and
 * -1 if they reported something.
 */
#ifndef FB_SEMA_H
#define FB_SEMA_H

#include <limits.h>
#include <stddef.h>

#include "form/diag.h"
#include "form/form.h"

struct sema {
	struct form *f;
	struct diag *d;
	const char *src;     /* the form file's text */
	size_t srclen;
};

struct sema_site {
	size_t str_pos;      /* offset of the JSON string's opening quote */
	const char *what;    /* for messages: "Frage „A7“, visible_if" */
	int limit;           /* latest question index a reference may name */
	int self;            /* question owning the text, -1 if none */
};

/* Offset in the source of byte 'off' of the JSON string starting at str_pos. */
size_t sema_srcpos(const struct sema *s, size_t str_pos, size_t off);

/* Parse and resolve names only (no types, no ordering): for computed values. */
__attribute__((warn_unused_result))
int sema_parse(struct sema *s, const struct sema_site *site, const char *text,
               struct expr **out);
/* Check types (and ordering against site->limit) of a resolved tree. */
__attribute__((warn_unused_result))
int sema_types(struct sema *s, const struct sema_site *site, const char *text,
               struct expr *e, enum vtype want);
/* Parse, resolve and check an expression that must yield 'want'. */
int sema_expr(struct sema *s, const struct sema_site *site, const char *text,
              enum vtype want, struct expr **out);
/* Check the {ID} / {ID|fallback} references in a text. */
int sema_pipe(struct sema *s, const struct sema_site *site, const char *text);
/* Highest question index an expression refers to, through computed values. */
int sema_maxq(const struct form *f, const struct expr *e);

#endif
