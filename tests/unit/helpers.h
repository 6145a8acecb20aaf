/*
 * helpers: small tools shared by the unit tests — load a form from a
 * string, collect its messages as "line:col: text" lines, and answer
 * questions through an engine by variable name.
 */
#ifndef FB_TEST_HELPERS_H
#define FB_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "form/engine.h"
#include "form/loader.h"
#include "util/sbuf.h"

/* Load 'json'; returns the form or NULL, and the messages in *msgs (free()). */
static inline struct form *load_str(const char *json, char **msgs)
{
	struct form *f = NULL;
	struct diag d;
	int rc = loader_load_buffer("t.json", json, strlen(json), &f, &d);
	struct sbuf b = {0};
	for (int i = 0; i < d.n; i++)
		sbuf_printf(&b, "%d:%d: %s\n", d.v[i].line, d.v[i].col, d.v[i].text);
	diag_free(&d);
	if (msgs)
		*msgs = sbuf_take(&b);
	else
		sbuf_free(&b);
	cr_assert((rc == 0) == (f != NULL));
	return f;
}

/* Load a form that must be valid. */
static inline struct form *load_ok(const char *json)
{
	char *msgs;
	struct form *f = load_str(json, &msgs);
	cr_assert(f != NULL, "form should load, got:\n%s", msgs);
	free(msgs);
	return f;
}

/* The slot of a variable, which must exist. */
static inline int slot_of(const struct form *f, const char *name)
{
	int v = form_var(f, name);
	cr_assert(v >= 0, "no variable %s", name);
	cr_assert(f->vars[v].slot >= 0, "%s has no slot", name);
	return f->vars[v].slot;
}

/* The question index of an id, which must exist. */
static inline int q_of(const struct form *f, const char *id)
{
	for (int i = 0; i < f->nquestions; i++)
		if (strcmp(f->questions[i].id, id) == 0)
			return i;
	cr_assert_fail("no question %s", id);
	return -1;
}

static inline void set_num(struct engine *e, const char *name, double d)
{
	struct value v = value_num(d);
	engine_set_value(e, slot_of(e->f, name), &v);
}

static inline void set_str(struct engine *e, const char *name, const char *s)
{
	struct value v = value_str(s);
	engine_set_value(e, slot_of(e->f, name), &v);
	value_free(&v);
}

#endif
