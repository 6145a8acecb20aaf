/*
 * response: one filled-in (or half filled-in) questionnaire.
 *
 * Per answer slot of the form a response holds nothing, a value, or a
 * missing code ("weiß nicht" is an answer, not a blank), plus the text of an
 * "other" choice and the time of the last change. It also holds the
 * confirmed warnings, the status, a revision number, a UUID and timestamps.
 *
 * Changing a completed response makes it a draft again and raises its
 * revision (once, until it is finished again), so that the study team can
 * tell the newest version apart; the audit trail records it as "reopened".
 *
 * A response belongs to the form it was made for and must not outlive it.
 * It owns all its strings; response_free() releases everything. Setters
 * take copies of what they are given.
 *
 * JSON: response_to_json() and response_from_json() round-trip every field
 * without loss; answers are keyed by variable name, and answers to names the
 * form does not know are kept aside and written back unchanged.
 */
#ifndef FB_RESPONSE_H
#define FB_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "form/form.h"
#include "form/value.h"
#include "util/uuid.h"

enum answer_state { ANS_EMPTY, ANS_VALUE, ANS_MISSING };
enum response_status { RESP_DRAFT, RESP_COMPLETE };

struct answer {
	enum answer_state state;
	int32_t missing;       /* ANS_MISSING: the code */
	struct value v;        /* ANS_VALUE: the value */
	char *other;           /* text of an "other" choice, or NULL */
	int64_t at;            /* time of the last change (Unix seconds), 0 if never */
};

struct response {
	const struct form *form;
	char uuid[UUID_TEXT];
	enum response_status status;
	int revision;
	bool simulated;        /* made by `fragebogen simulate`, not by a person */
	int64_t created, modified, completed;
	char *position;        /* id of the question where work stopped, or NULL */
	struct answer *ans;    /* form->nslots entries */
	char **confirmed;      /* ids of confirmed warnings, sorted */
	int nconfirmed;
	void *extra;           /* cJSON object of answers the form does not know */
	void *audit;           /* cJSON array: the audit trail (paradata) */
	char *draft_var;       /* a field left half-typed (terminal closed) … */
	char *draft_text;      /* … and what had been typed; both NULL if none */
};

/* A new, empty draft with a fresh UUID (v4), revision 1, created 'now'. */
struct response *response_new(const struct form *f, int64_t now);
void response_free(struct response **r);

/* Set a value (copied); the type must match the slot's variable. Setting
 * the answer a slot already holds changes nothing: no audit entry, and a
 * completed response stays completed (the same for a missing code). */
void response_set_value(struct response *r, int slot, const struct value *v, int64_t now);
void response_set_missing(struct response *r, int slot, int32_t code, int64_t now);
void response_clear(struct response *r, int slot, int64_t now);
/* Text of the "other" choice; NULL or "" clears it. */
void response_set_other(struct response *r, int slot, const char *text, int64_t now);

/*
 * Audit trail. Every setter records its change ("answer", with the variable,
 * the old and the new answer) itself; the caller records the rest: "opened",
 * "finished" (response_finish does), "exported", "imported".
 */
void response_audit(struct response *r, int64_t now, const char *event, const char *detail);
/* Number of audit events. */
int response_audit_count(const struct response *r);
/* Mark complete: status, completion time, audit event. */
void response_finish(struct response *r, int64_t now);

void response_confirm(struct response *r, const char *check_id);
void response_unconfirm(struct response *r, const char *check_id);
bool response_is_confirmed(const struct response *r, const char *check_id);
void response_set_position(struct response *r, const char *qid);
/* Keep (or with var == NULL, drop) half-typed text of a field. */
void response_set_draft(struct response *r, const char *var, const char *text);

/* Serialise; the caller frees the string with free(). */
char *response_to_json(const struct response *r);
/*
 * Parse; on failure returns -1 and writes a message into err
 * (errlen bytes). Values are checked against the slot types.
 */
__attribute__((warn_unused_result))
int response_from_json(const struct form *f, const char *text, size_t len,
                       struct response **out, char *err, size_t errlen);

/* ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ" in buf (at least 21 bytes). */
void response_format_time(int64_t t, char *buf, size_t n);
/* Parse that format; -1 if malformed. */
int response_parse_time(const char *s, int64_t *out);

#endif
