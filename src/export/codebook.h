/*
 * codebook: the documentation of a form's data for the study team's
 * statisticians — every exported variable with its label, type, value
 * labels and missing codes, every question with its text, whether an
 * answer is required, the routing under which it is asked and its checks,
 * and every computed value with its formula, all read in German.
 *
 * The variables are exactly those of the data dictionary (export/table.h),
 * so that the codebook and the exported files always agree.
 *
 * Two formats: Markdown, and one self-contained HTML page (inline CSS, no
 * scripts, no external resources, printable). Every text from the form is
 * escaped, so no label can inject markup.
 *
 * Ownership: codebook_build() appends to the caller's sbuf. Never fails.
 */
#ifndef FB_CODEBOOK_H
#define FB_CODEBOOK_H

#include <stdint.h>

#include "form/form.h"
#include "util/sbuf.h"

enum codebook_format { CODEBOOK_MARKDOWN, CODEBOOK_HTML };

/* The codebook of f, dated 'date' (days since 1970-01-01). */
void codebook_build(struct sbuf *out, const struct form *f, enum codebook_format fmt,
                    int32_t date);

#endif
