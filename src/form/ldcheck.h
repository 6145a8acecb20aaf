/*
 * ldcheck: pass two of the loader, everything that needs every name.
 *
 * Run only when pass one (ldread) found nothing, so that a typo in one id
 * does not cascade into a page of errors: it parses, orders and types the
 * computed values, types every condition and check, checks the piping of
 * every text, and the form-wide references ("label_variable",
 * "breakdown") and check ids. Used only by loader.c.
 *
 * Ownership: parsed expressions and checks belong to l->f (freed with
 * form_free()). Errors go to l->d.
 */
#ifndef FB_LDCHECK_H
#define FB_LDCHECK_H

#include <cjson/cJSON.h>

#include "form/ld.h"

/* Check the form read from 'root' by ldread_form(). */
void ldcheck_form(struct ld *l, const cJSON *root);

#endif
