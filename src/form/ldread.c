/*
 * ldread: pass one, the structure of a form and its names.
 */
#include "form/ldread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/qparse.h"
#include "util/bech32.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* The place of the form's own keys in messages. */
static const char *meta(void)
{
	/* TRANSLATORS: a place in the form (its top-level keys), used in
	 * messages such as "„title“ is missing in %s". */
	return _("den Formularangaben");
}

/* Form-wide missing codes. */
static void read_missing(struct ld *l, const cJSON *root)
{
	const cJSON *arr = ld_array(l, root, "missing", false, 0, FORM_MAX_MISSING, meta());
	static const char *const keys[] = {"code", "label", "key", NULL};
	/* TRANSLATORS: a place in the form, used in messages such as
	 * "„label“ in %s must be a string". */
	const char *what = _("einem Fehlwert-Code");
	const cJSON *m;
	cJSON_ArrayForEach(m, arr) {
		if (!cJSON_IsObject(m)) {
			ld_err(l, m, _("ein Fehlwert-Code muss ein Objekt mit code, label und key sein"));
			continue;
		}
		ld_keys(l, m, keys, what);
		struct missing *ms = &l->f->missing[l->f->nmissing];
		double code;
		int rc = ld_int(l, m, "code", -99999, 99999, &code, what);
		if (rc == 0)
			ld_err(l, m, _("in einem Fehlwert-Code fehlt „code“"));
		ms->label = ld_text(l, m, "label", true, 200, what);
		char *key = ld_str(l, m, "key", true, 1, what);
		if (key && (key[0] < 'a' || key[0] > 'z'))
			ld_err(l, ld_get(m, "key"), _("„key“ muss ein Kleinbuchstabe a–z sein"));
		if (rc <= 0 || !ms->label || !key || key[0] < 'a' || key[0] > 'z') {
			free(ms->label);
			free(key);
			continue;
		}
		ms->code = (int32_t)code;
		ms->key = key[0];
		free(key);
		for (int i = 0; i < l->f->nmissing; i++) {
			if (l->f->missing[i].code == ms->code)
				ld_err(l, ld_get(m, "code"), _("der Fehlwert-Code %d kommt doppelt vor"),
				       ms->code);
			if (l->f->missing[i].key == ms->key)
				ld_err(l, ld_get(m, "key"), _("die Taste „%c“ ist schon vergeben"), ms->key);
		}
		l->f->nmissing++;
	}
}

/* Named choice sets. */
static void read_sets(struct ld *l, const cJSON *root)
{
	const cJSON *sets = ld_get(root, "choice_sets");
	if (!sets)
		return;
	if (!cJSON_IsObject(sets) || cJSON_GetArraySize(sets) > LOADER_MAX_SETS) {
		ld_err(l, sets, _("„choice_sets“ muss ein Objekt mit höchstens %d Antwortlisten sein"),
		       LOADER_MAX_SETS);
		return;
	}
	const cJSON *s;
	cJSON_ArrayForEach(s, sets) {
		char what[120];
		/* TRANSLATORS: a place in the form, used in messages such as
		 * "the code 1 occurs twice in %s". */
		snprintf(what, sizeof what, _("der Antwortliste „%.32s“"), s->string);
		ld_varname(l, s, s->string, true);
		for (const cJSON *p = sets->child; p != s; p = p->next)
			if (strcmp(p->string, s->string) == 0)
				ld_err_key(l, s, _("die Antwortliste „%s“ ist doppelt definiert"), s->string);
		qparse_choicelist(l, s, s->string, what);
	}
	l->nsets = l->f->nlists;
}

/* Metadata of the form. */
static void read_meta(struct ld *l, const cJSON *root)
{
	struct form *f = l->f;
	double fmt;
	if (ld_int(l, root, "format", 1, 1, &fmt, meta()) < 0)
		return;
	/* The language first: texts in several languages fall back to it. */
	f->language = ld_str(l, root, "language", true, 6, meta());
	if (f->language && !ld_lang_code(f->language))
		ld_err(l, ld_get(root, "language"), _("„language“ muss ein Sprachkürzel wie \"de\" sein"));
	f->id = ld_str(l, root, "id", true, 64, meta());
	f->title = ld_text(l, root, "title", true, 500, meta());
	f->version = ld_str(l, root, "version", true, 32, meta());
	f->recipient = ld_str(l, root, "recipient", false, 200, meta());
	if (f->id && (strspn(f->id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != strlen(f->id) ||
	              f->id[0] == '.' || f->id[0] == '-' || f->id[0] == '_'))
		ld_err(l, ld_get(root, "id"), _("die Formular-ID darf nur a–z, 0–9, Punkt, - und _ "
		                                "enthalten und muss mit a–z oder 0–9 beginnen"));
	if (f->recipient) {
		char hrp[8];
		uint8_t key[64];
		size_t n;
		if (bech32_decode(f->recipient, hrp, sizeof hrp, key, sizeof key, &n) < 0 ||
		    strcmp(hrp, "age") != 0 || n != 32 || strncmp(f->recipient, "age1", 4) != 0)
			ld_err(l, ld_get(root, "recipient"), _("„recipient“ ist kein gültiger age-Empfänger "
			                                       "(age1…, wie ihn „fragebogen keygen“ ausgibt)"));
	}
}

/*
 * One member of "contact": a plain string, not empty, with no control
 * character, except line breaks in the address. The export screen prints
 * it as it stands, so an escape sequence must not reach the terminal.
 */
static char *contact_str(struct ld *l, const cJSON *c, const char *key, size_t maxlen,
                         bool lines, const char *what)
{
	char *s = ld_str(l, c, key, false, maxlen, what);
	if (!s)
		return NULL;
	if (!*s) {
		ld_err(l, ld_get(c, key), _("„%s“ in %s darf nicht leer sein"), key, what);
		free(s);
		return NULL;
	}
	size_t n = strlen(s);
	for (size_t i = 0, k; i < n; i += k) {
		uint32_t cp;
		k = utf8_decode(s + i, n - i, &cp);
		if ((cp >= 0x20 && cp < 0x7f) || cp > 0x9f || (lines && cp == '\n'))
			continue;
		if (lines)
			ld_err(l, ld_get(c, key), _("„%s“ in %s darf außer Zeilenumbrüchen (\\n) keine "
			                            "Steuerzeichen enthalten"), key, what);
		else
			ld_err(l, ld_get(c, key), _("„%s“ in %s darf keine Steuerzeichen enthalten "
			                            "(Zeilenumbrüche nur in „address“)"), key, what);
		free(s);
		return NULL;
	}
	return s;
}

/* The study team's contact, for the export screen: whom a Kommune asks. */
static void read_contact(struct ld *l, const cJSON *root)
{
	const cJSON *c = ld_get(root, "contact");
	if (!c)
		return;
	if (!cJSON_IsObject(c) || !c->child) {
		ld_err(l, c, _("„contact“ muss ein Objekt mit name, address, email oder phone sein"));
		return;
	}
	static const char *const keys[] = {"name", "address", "email", "phone", NULL};
	/* TRANSLATORS: a place in the form (the key "contact"), used in
	 * messages such as "„email“ in %s must be a string". */
	const char *what = _("„contact“");
	ld_keys(l, c, keys, what);
	struct form_contact *ct = &l->f->contact;
	ct->name = contact_str(l, c, "name", 300, false, what);
	ct->address = contact_str(l, c, "address", 300, true, what);
	ct->email = contact_str(l, c, "email", 100, false, what);
	ct->phone = contact_str(l, c, "phone", 100, false, what);
}

/* Sections and their questions (structure only). */
static void read_sections(struct ld *l, const cJSON *root)
{
	struct form *f = l->f;
	const cJSON *secs = ld_array(l, root, "sections", true, 1, LOADER_MAX_SECTIONS, meta());
	if (!secs)
		return;
	int total = 0;
	const cJSON *s;
	cJSON_ArrayForEach(s, secs) {
		const cJSON *qs = cJSON_IsObject(s) ? ld_get(s, "questions") : NULL;
		total += cJSON_IsArray(qs) ? cJSON_GetArraySize(qs) : 0;
	}
	if (total > LOADER_MAX_QUESTIONS) {
		ld_err(l, secs, _("das Formular hat %d Fragen, höchstens %d sind erlaubt"), total,
		       LOADER_MAX_QUESTIONS);
		return;
	}
	f->sections = xcalloc((size_t)cJSON_GetArraySize(secs), sizeof *f->sections);
	f->questions = xcalloc((size_t)total + 1, sizeof *f->questions);
	l->qnode = xcalloc((size_t)total + 1, sizeof *l->qnode);
	l->snode = xcalloc((size_t)cJSON_GetArraySize(secs), sizeof *l->snode);
	static const char *const keys[] = {"id", "title", "intro", "visible_if", "questions", NULL};
	/* TRANSLATORS: a place in the form, used in messages such as
	 * "„title“ is missing in %s". */
	const char *what = _("einem Abschnitt");
	cJSON_ArrayForEach(s, secs) {
		struct section *sec = &f->sections[f->nsections];
		l->snode[f->nsections] = s;
		sec->first = f->nquestions;
		if (!cJSON_IsObject(s)) {
			ld_err(l, s, _("ein Abschnitt muss ein Objekt sein"));
			f->nsections++;
			continue;
		}
		ld_keys(l, s, keys, what);
		sec->id = ld_str(l, s, "id", true, 64, what);
		sec->title = ld_text(l, s, "title", true, LOADER_MAX_TEXT, what);
		sec->intro = ld_text(l, s, "intro", false, LOADER_MAX_TEXT, what);
		if (sec->id)
			ld_name(l, ld_get(s, "id"), sec->id, VAR_SECTION);
		const cJSON *qs = ld_array(l, s, "questions", true, 1, LOADER_MAX_QUESTIONS, what);
		const cJSON *q;
		cJSON_ArrayForEach(q, qs)
			qparse_question(l, q, f->nquestions++, f->nsections);
		sec->count = f->nquestions - sec->first;
		f->nsections++;
	}
}

/* Names of computed values (pass one). */
static void read_computed(struct ld *l, const cJSON *root)
{
	struct form *f = l->f;
	const cJSON *arr = ld_array(l, root, "computed", false, 0, LOADER_MAX_COMPUTED, meta());
	if (!arr)
		return;
	f->computed = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *f->computed);
	static const char *const keys[] = {"id", "expr", "label", "choices", NULL};
	/* TRANSLATORS: a place in the form, used in messages such as
	 * "„expr“ is missing in %s". */
	const char *what = _("einem berechneten Wert");
	const cJSON *c;
	cJSON_ArrayForEach(c, arr) {
		if (!cJSON_IsObject(c)) {
			ld_err(l, c, _("ein berechneter Wert muss ein Objekt sein"));
			continue;
		}
		ld_keys(l, c, keys, what);
		struct computed *cv = &f->computed[f->ncomputed];
		cv->id = ld_str(l, c, "id", true, 64, what);
		cv->label = ld_text(l, c, "label", false, 120, what);
		char *ex = ld_str(l, c, "expr", true, EXPR_MAX_LEN, what);
		free(ex);
		if (ld_get(c, "choices")) {
			const cJSON *ch = ld_get(c, "choices");
			if (cJSON_IsString(ch)) {
				cv->choices = ld_set(l, ch->valuestring);
				if (!cv->choices)
					ld_err(l, ch, _("unbekannte Antwortliste „%s“"), ch->valuestring);
			} else {
				cv->choices = qparse_choicelist(l, ch, NULL, what);
			}
		}
		cv->var = cv->id ? ld_name(l, ld_get(c, "id"), cv->id, VAR_COMPUTED) : -1;
		cv->maxq = -1;
		if (cv->var >= 0) {
			f->vars[cv->var].computed = f->ncomputed;
			f->vars[cv->var].choices = cv->choices;
		}
		f->ncomputed++;
	}
}

/*
 * The parts in the order later ones need them: the language before any
 * text, missing codes and choice sets before the questions that use them.
 */
void ldread_form(struct ld *l, const cJSON *root)
{
	static const char *const keys[] = {"$schema", "format", "id", "title", "version",
	                                   "language", "recipient", "contact", "label_variable",
	                                   "breakdown", "missing", "choice_sets", "computed",
	                                   "sections", NULL};
	ld_keys(l, root, keys, meta());
	read_meta(l, root);
	read_contact(l, root);
	read_missing(l, root);
	read_sets(l, root);
	read_sections(l, root);
	read_computed(l, root);
}
