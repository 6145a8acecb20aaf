/*
 * form: the in-memory model of a questionnaire, as the loader builds it.
 *
 * A form is immutable once loaded. Everything in it is owned by the form and
 * released by form_free(). Questions are numbered across sections in form
 * order; variables ("vars") are the names expressions and exports use, and
 * answer slots are the places a response stores answers in. Texts (titles,
 * questions, labels, messages) are those of the interface language where
 * the form file has them, else those of the form's own "language".
 */
#ifndef FB_FORM_H
#define FB_FORM_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>

#include "form/expr.h"

#define FORM_MAX_MISSING 9
#define FORM_MAX_COLUMNS 4

/*
 * What a form may hold, and the size of its file: the loader enforces these
 * (hence the names), and the modules that size a table by them may rely on
 * them. They live here, below the loader's own modules, so that those need
 * not include loader.h.
 */
#define LOADER_MAX_BYTES (8u << 20)
#define LOADER_MAX_DEPTH 32
#define LOADER_MAX_SECTIONS 500
#define LOADER_MAX_QUESTIONS 10000
#define LOADER_MAX_CHOICES 500
#define LOADER_CODES_MAX LOADER_MAX_CHOICES
#define LOADER_MAX_ROWS 200
#define LOADER_MAX_TEXT 8000
#define LOADER_MAX_CHECKS 20
#define LOADER_MAX_COMPUTED 500
#define LOADER_MAX_SETS 200
#define LOADER_MAX_LANGUAGES 20   /* languages of one text */
/* Rows a "Gehe zu" list may need: every section and question. */
#define LOADER_ROWS_MAX (LOADER_MAX_SECTIONS + LOADER_MAX_QUESTIONS)

enum qtype {
	Q_SINGLE, Q_MULTI, Q_SCALE, Q_MATRIX, Q_INTEGER, Q_DECIMAL,
	Q_TEXT, Q_TEXTAREA, Q_DATE, Q_NOTE,
};

enum required { REQ_NO, REQ_HARD, REQ_SOFT };
enum severity { SEV_ERROR, SEV_WARNING };

struct choice {
	int32_t code;
	char *label;
	bool exclusive;
	bool other;
};

struct choicelist {
	char *name;          /* set name, or NULL for an inline list */
	struct choice *v;
	int n;
};

struct missing {
	int32_t code;
	char *label;
	char key;
};

struct check {
	char *id;
	struct expr *valid_if;
	char *message;
	enum severity sev;
	size_t pos;          /* where it is defined in the form file */
};

struct mcol {
	char *suffix;        /* "" for a single-scale matrix */
	char *title;
	const struct choicelist *choices;
};

struct mrow {
	char *id;
	char *text;
	char *label;
	int var[FORM_MAX_COLUMNS];   /* variable index per column */
};

struct question {
	char *id;
	enum qtype type;
	char *text, *help, *label;
	enum required req;
	struct expr *visible_if;
	struct check *checks;
	int nchecks;
	int32_t missing[FORM_MAX_MISSING];  /* offered missing codes */
	int nmissing;
	const struct choicelist *choices;   /* single, multi, scale */
	int min_picks, max_picks;           /* multi; max 0 = no limit */
	bool has_min, has_max;              /* integer, decimal, date */
	double min, max;
	bool min_today, max_today;          /* date bounds "today" */
	int decimals;
	char *unit;
	int maxlength;
	char *pattern, *pattern_message;
	regex_t *re;
	struct mrow *rows;
	int nrows;
	struct mcol cols[FORM_MAX_COLUMNS];
	int ncols;
	int section;
	int var;            /* variable of a non-matrix question, -1 for notes */
	size_t pos;         /* where it is defined in the form file */
};

struct section {
	char *id, *title, *intro;
	struct expr *visible_if;
	int first, count;   /* its questions: first .. first+count-1 */
};

enum varkind {
	VAR_ANSWER,     /* a question's answer (non-matrix) */
	VAR_CELL,       /* one matrix row (in one column) */
	VAR_MATRIX,     /* a matrix question as a whole: answered() only */
	VAR_COMPUTED,   /* a computed value */
	VAR_EXPORT,     /* a derived export-only name (<id>_<code>, <id>_txt) */
	VAR_SECTION,    /* a section id (names share one namespace) */
	VAR_NOTE,       /* a note id */
};

struct var {
	char *name;
	enum varkind kind;
	enum vtype type;
	int question;   /* owning question, -1 for computed/section */
	int row, col;   /* VAR_CELL */
	int computed;   /* VAR_COMPUTED */
	int slot;       /* answer slot, -1 if none */
	const struct choicelist *choices;
	size_t pos;     /* where it is defined in the form file */
};

struct computed {
	char *id;
	struct expr *expr;
	char *label;
	const struct choicelist *choices;
	int var;
	int maxq;   /* latest question it depends on, transitively; -1 if none */
};

/*
 * The study team's contact, shown on the export screen so that the staff
 * of a Kommune know whom to ask. Plain strings (one language, no piping);
 * each member is NULL when the form does not give it, all are NULL when
 * the form has no "contact". The address may hold '\n' between its lines;
 * no member holds any other control character. Owned by the form.
 */
struct form_contact {
	char *name;      /* person or office, at most 300 bytes */
	char *address;   /* postal address, at most 300 bytes */
	char *email;     /* at most 100 bytes */
	char *phone;     /* at most 100 bytes */
};

struct form {
	char *file;
	char *id, *title, *version, *language, *recipient;
	struct form_contact contact;
	int label_var;          /* variable that names a response in lists, or -1 */
	char *breakdown;        /* variable the report breaks tables down by, or NULL */
	struct missing missing[FORM_MAX_MISSING];
	int nmissing;
	struct choicelist **lists;
	int nlists;
	struct section *sections;
	int nsections;
	struct question *questions;
	int nquestions;
	struct computed *computed;
	int ncomputed;
	int *comp_order;        /* computed indices in dependency order */
	struct var *vars;
	int nvars;
	int nslots;
	int *slot_var;          /* slot -> variable */
	int *name_index;        /* open-addressing table over vars, case-folded */
	int name_cap;
};

void form_free(struct form **f);

/* Variable index by exact name, or -1. */
int form_var(const struct form *f, const char *name);
/* Variable index ignoring ASCII case, or -1. */
int form_var_ci(const struct form *f, const char *name);
/* Add a variable; returns its index. The form takes 'name'. */
int form_add_var(struct form *f, char *name, enum varkind kind);
/* The choice with 'code', or NULL. */
const struct choice *form_choice(const struct choicelist *l, int32_t code);
/* The form-wide missing code entry, or NULL. */
const struct missing *form_missing(const struct form *f, int32_t code);
/* Whether question q offers missing code 'code'. */
bool form_q_offers(const struct question *q, int32_t code);
/* The choices of a variable (choice question, matrix cell, computed), or NULL. */
const struct choicelist *form_var_choices(const struct form *f, int var);
/* The name of a question type in the interface language ("Einfachauswahl", …). */
const char *form_qtype_name(enum qtype t);
/* Whether a question type holds an answer. */
bool form_q_answerable(const struct question *q);

#endif
