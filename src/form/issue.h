/*
 * issue: what is wrong with a response — per question, and all that blocks
 * finishing. Hard errors block; warnings block until confirmed.
 *
 * Messages are in the interface language, with piping applied. A list owns its messages and
 * ids; issue_free_list() releases them. The 'id' of a warning names its
 * confirmation in the response ("<question>.required" for soft-required).
 */
#ifndef FB_ISSUE_H
#define FB_ISSUE_H

#include <stdbool.h>

#include "form/engine.h"

enum issue_kind {
	ISSUE_REQUIRED,      /* hard-required and blank */
	ISSUE_SOFT,          /* soft-required and blank: a warning */
	ISSUE_RANGE,         /* number or date outside min/max, or not whole */
	ISSUE_LENGTH,        /* text longer than maxlength */
	ISSUE_PATTERN,       /* text does not match the pattern */
	ISSUE_PICKS,         /* too few or too many options chosen */
	ISSUE_EXCLUSIVE,     /* an exclusive option together with others */
	ISSUE_CODE,          /* a code the question does not have */
	ISSUE_MISSING_CODE,  /* a missing code the question does not offer */
	ISSUE_OTHER_TEXT,    /* "other" chosen without its text */
	ISSUE_CHECK,         /* a check of the form fired */
};

struct issue {
	int question;
	int slot;                /* the answer concerned, or -1 */
	enum issue_kind kind;
	enum severity sev;
	char *id;                /* confirmation id of a warning, else NULL */
	bool confirmed;
	char *msg;
};

struct issues {
	struct issue *v;
	int n;
};

/* Append the issues of question q (nothing if it is hidden). */
void issue_collect(struct engine *e, int q, struct issues *out);
/* Append what blocks finishing: errors and unconfirmed warnings. */
void issue_blockers(struct engine *e, struct issues *out);
void issue_free_list(struct issues *l);
/* Whether the list holds an error; with 'warnings', also an unconfirmed warning. */
bool issue_blocking(const struct issues *l, bool warnings);

#endif
