/*
 * ld: the loader's reading helpers — typed, limited access to cJSON nodes
 * with every complaint placed at the node's line and column.
 *
 * Used only by the loader's modules (loader.c, ldread.c, ldcheck.c,
 * qparse.c). Strings returned by ld_str() and ld_text() are new copies the
 * caller owns. Messages are in the interface language.
 */
#ifndef FB_LD_H
#define FB_LD_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "form/diag.h"
#include "form/form.h"
#include "form/jpos.h"
#include "form/sema.h"

struct ld {
	struct form *f;
	struct diag *d;
	struct jpos jp;
	struct sema sema;
	const cJSON **qnode;   /* JSON object of each question */
	const cJSON **snode;   /* JSON object of each section */
	int nsets;             /* the named choice sets are f->lists[0 .. nsets) */
};

/* The named choice set 'name', or NULL. */
const struct choicelist *ld_set(const struct ld *l, const char *name);

/* Report at a node's value. */
void ld_err(struct ld *l, const cJSON *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Report at a member's key. */
void ld_err_key(struct ld *l, const cJSON *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Unknown and duplicate keys of an object; 'allowed' ends with NULL. */
void ld_keys(struct ld *l, const cJSON *obj, const char *const *allowed, const char *what);
/* The member 'key' of obj, or NULL. */
const cJSON *ld_get(const cJSON *obj, const char *key);

/* A string member: NULL if absent (reported when 'required') or invalid. */
char *ld_str(struct ld *l, const cJSON *obj, const char *key, bool required, size_t maxlen,
             const char *what);
/*
 * A text member, the words a respondent reads: a string, or an object with
 * one string per language ({"de": "…", "en": "…"}). Every variant is
 * checked (language code as key, string, length, not empty when
 * 'required'), and the form's own language must be among them. Returns a
 * copy of the string, or of the object's member for the interface language
 * (i18n_lang()) if it has one, else of the member for the form's
 * "language"; a key matches a language ignoring case, or as its regional
 * variant ("en-GB" for "en"). NULL if absent (reported when 'required') or
 * invalid. This is the only place where the language of a text is chosen;
 * f->language must be read before any text.
 */
char *ld_text(struct ld *l, const cJSON *obj, const char *key, bool required, size_t maxlen,
              const char *what);
/* Whether s is a language code: 2 to 6 letters and hyphens, first a letter. */
bool ld_lang_code(const char *s);
/* An integer member in [lo, hi]; returns 1 if present and valid, 0 if absent, -1 if bad. */
int ld_int(struct ld *l, const cJSON *obj, const char *key, double lo, double hi, double *out,
           const char *what);
/* A number member in [lo, hi]; same returns as ld_int. */
int ld_num(struct ld *l, const cJSON *obj, const char *key, double lo, double hi, double *out,
           const char *what);
/* A boolean member; 'def' if absent. */
bool ld_bool(struct ld *l, const cJSON *obj, const char *key, bool def, const char *what);
/* An array member (required: reported when absent); NULL if absent or not an array. */
const cJSON *ld_array(struct ld *l, const cJSON *obj, const char *key, bool required,
                      int min, int max, const char *what);

/*
 * Check a variable name (or, with 'set', the name of a choice set): reports
 * at 'node' (a set: at its key) why it is invalid and returns -1, else 0.
 */
int ld_varname(struct ld *l, const cJSON *node, const char *name, bool set);
/*
 * Register a name in the form's single namespace; reports an invalid or
 * taken name at 'node' and returns -1, else the new variable index.
 * The name is copied.
 */
int ld_name(struct ld *l, const cJSON *node, const char *name, enum varkind kind);
/* A site for sema at a string node. */
struct sema_site ld_site(struct ld *l, const cJSON *node, const char *what, int limit, int self);

#endif
