/*
 * loader: reads a questionnaire (JSON) into a form, checking everything.
 *
 * Nothing in the file is trusted: size, depth, counts and string lengths are
 * limited, every key is known, every name resolves, every expression is
 * typed. Problems go to the caller's diag list as "file:line:column: message"
 * in the interface language; the loader keeps going to report as many as it
 * sensibly can.
 *
 * Texts a respondent reads may be written in several languages ({"de": "…",
 * "en": "…"}); the form then holds those of the interface language where
 * the form has them, else those of its own "language" (see ld_text()).
 *
 * Ownership: on success *out is a new form, freed with form_free(). On
 * failure *out is NULL and the diag list holds at least one message.
 */
#ifndef FB_LOADER_H
#define FB_LOADER_H

#include <stddef.h>

#include "form/diag.h"
#include "form/form.h"

/* The limits the loader enforces (LOADER_MAX_BYTES …) are in form/form.h. */

/* Load from a file. 'd' is initialised by the loader; free it with diag_free(). */
__attribute__((warn_unused_result))
int loader_load_file(const char *path, struct form **out, struct diag *d);

/*
 * Load from memory; 'name' is used in messages. 'd' is initialised by the
 * loader and must not outlive 'name'.
 */
__attribute__((warn_unused_result))
int loader_load_buffer(const char *name, const char *text, size_t len, struct form **out,
                       struct diag *d);

#endif
