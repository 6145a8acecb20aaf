/*
 * ldread: pass one of the loader, the structure of a form.
 *
 * It reads the form's own keys, its missing codes, choice sets, sections
 * with their questions and the names of its computed values into l->f, and
 * registers every name, so that pass two (ldcheck) can resolve them. It
 * parses no expression and checks no piping. Used only by loader.c.
 *
 * Ownership: everything read belongs to l->f (freed with form_free());
 * l->qnode and l->snode are new arrays the caller frees.
 * Errors go to l->d; the function reads on past them.
 */
#ifndef FB_LDREAD_H
#define FB_LDREAD_H

#include <cjson/cJSON.h>

#include "form/ld.h"

/* Read the structure of the form object 'root' into l->f. */
void ldread_form(struct ld *l, const cJSON *root);

#endif
