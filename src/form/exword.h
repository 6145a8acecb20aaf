/*
 * exword: the words explain's readings are made of, shared by explain.c
 * and excond.c.
 *
 * A reading is written into a caller's sbuf, in the markup of the context,
 * every text from the form escaped. Templates are translated strings whose
 * %s take pieces already in the markup. Nothing here fails: what has no
 * reading is written as code. Used only by explain's modules.
 */
#ifndef FB_EXWORD_H
#define FB_EXWORD_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "form/form.h"
#include "util/markup.h"
#include "util/sbuf.h"

/*
 * How tightly a reading binds, loosest first. A reading is put in
 * parentheses when its context needs a tighter one. P_PHRASE are noun
 * phrases such as „Zahl der Zeichen von A1“: fine beside „=“, wrapped
 * inside arithmetic.
 */
enum prec { P_IF, P_OR, P_AND, P_NOT, P_CMP, P_PHRASE, P_ADD, P_MUL, P_NEG, P_ATOM };

/* What a reading is written for. The form may be NULL (no labels). */
struct exword {
	const struct form *f;
	enum markup m;
	bool verb_last;     /* inside „wenn …“: the verb goes to the end */
	/* Write the reading of e (explain.c's dispatcher); returns an enum prec. */
	int (*ex)(const struct exword *c, struct sbuf *b, const struct expr *e,
	          const struct choicelist *res, int depth);
};

/* Append s, escaped for the markup. */
void exword_put(const struct exword *c, struct sbuf *b, const char *s);
/*
 * Fill a translated template: each %s takes the next of the n pieces
 * (const char *), which are already in the markup; the template's own
 * words are escaped. A %s beyond the n pieces stays empty.
 */
void exword_fill(const struct exword *c, struct sbuf *b, const char *tpl, int n, ...);
/*
 * A statement in the word order of its place: 'plain' on its own, 'last'
 * after „wenn“. Both templates take the same n pieces. Returns P_CMP.
 */
int exword_say(const struct exword *c, struct sbuf *b, const char *plain, const char *last,
               int n, ...);
/* „s“, escaped. */
void exword_quote(const struct exword *c, struct sbuf *b, const char *s);
/* The reading of e, parenthesised when it binds looser than 'min'. */
void exword_sub(const struct exword *c, struct sbuf *b, const struct expr *e, int min,
                const struct choicelist *res, int depth);
/* e as expression code, the reading of last resort; returns P_ATOM. */
int exword_code(const struct exword *c, struct sbuf *b, const struct expr *e);
/* The variable a reference names, or NULL when unresolved. */
const struct var *exword_var(const struct exword *c, const struct expr *e);
/* The question a reference belongs to, or NULL. */
const struct question *exword_question(const struct exword *c, const struct expr *e);
/* „1 („ja“)“: a code with its label from 'cl' (may be NULL), if it has one. */
void exword_code_label(const struct exword *c, struct sbuf *b, const struct choicelist *cl,
                       int32_t code);
/* The words for true and false. */
const char *exword_truth(bool v);

#endif
