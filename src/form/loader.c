/*
 * loader: from JSON text to a checked form.
 *
 * Pass one reads the structure and registers every name; pass two, run only
 * when pass one found nothing, checks expressions, computed values and
 * piping, so that a typo in one id does not cascade into a page of errors.
 */
#include "form/loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/ld.h"
#include "form/qparse.h"
#include "util/bech32.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Explain where cJSON stopped, in words a form author can act on. */
static void syntax_error(struct diag *d, const char *s, size_t len, size_t pos)
{
	while (pos > 0 && pos < len && strchr(" \t\r\n", s[pos]))
		pos--;
	size_t p = pos;
	while (p > 0 && strchr(" \t\r\n", s[p - 1]))
		p--;
	char prev = p > 0 ? s[p - 1] : '\0';
	char c = pos < len ? s[pos] : '\0';
	if (pos + 1 >= len && c != '}' && c != ']')
		diag_at(d, len, _("ungültiges JSON: unerwartetes Dateiende (fehlt eine schließende "
		                  "Klammer oder ein Anführungszeichen?)"));
	else if ((c == '}' || c == ']') && prev == ',')
		diag_at(d, p - 1, _("ungültiges JSON: überzähliges Komma vor „%c“"), c);
	else if (c == '\'' || prev == '\'')
		diag_at(d, c == '\'' ? pos : p - 1, _("ungültiges JSON: Zeichenketten stehen in "
		        "doppelten Anführungszeichen (\"…\"), nicht in einfachen"));
	else if (c == '"' && (prev == '"' || prev == '}' || prev == ']' ||
	                      (prev >= '0' && prev <= '9') || prev == 'e' || prev == 'l'))
		diag_at(d, pos, _("ungültiges JSON: hier fehlt ein Komma"));
	else if (c == '\\')
		diag_at(d, pos, _("ungültiges JSON: ungültige Escape-Folge (erlaubt: \\\" \\\\ \\/ "
		                  "\\b \\f \\n \\r \\t \\uXXXX)"));
	else if (c == '/')
		diag_at(d, pos, _("ungültiges JSON: Kommentare sind in JSON nicht erlaubt"));
	else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		diag_at(d, pos, _("ungültiges JSON: ungültiger Wert (erwartet: \"Text\", Zahl, true, "
		                  "false, null, {…} oder […])"));
	else if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
		diag_at(d, pos, _("ungültiges JSON: unerwartetes Zeichen „%c“"), c);
	else
		diag_at(d, pos, _("ungültiges JSON: unerwartetes Zeichen (Byte 0x%02x)"),
		        (unsigned)(unsigned char)c);
}

/* Size, encoding, depth and syntax; returns the parsed tree or NULL. */
static cJSON *parse_json(struct diag *d, const char *s, size_t len)
{
	if (len > LOADER_MAX_BYTES) {
		diag_at(d, 0, _("die Datei ist zu groß (%zu Bytes, höchstens %u)"), len,
		        LOADER_MAX_BYTES);
		return NULL;
	}
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == 0 || (cp == UTF8_REPLACEMENT && k == 1 && (unsigned char)s[i] >= 0x80)) {
			if (cp == 0)
				diag_at(d, i, _("die Datei enthält ein NUL-Byte"));
			else
				diag_at(d, i, _("die Datei ist kein gültiges UTF-8 (Byte 0x%02x)"),
				        (unsigned)(unsigned char)s[i]);
			return NULL;
		}
		i += k;
	}
	size_t deep = jpos_too_deep(s, len, LOADER_MAX_DEPTH);
	if (deep != (size_t)-1) {
		diag_at(d, deep, _("zu tief verschachtelt (höchstens %d Ebenen)"), LOADER_MAX_DEPTH);
		return NULL;
	}
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(s, len, &end, 0);
	if (!root) {
		syntax_error(d, s, len, end ? (size_t)(end - s) : 0);
		return NULL;
	}
	for (const char *p = end; p < s + len; p++)
		if (!strchr(" \t\r\n", *p)) {
			diag_at(d, (size_t)(p - s), _("ungültiges JSON: Text nach dem Ende des Formulars"));
			cJSON_Delete(root);
			return NULL;
		}
	return root;
}

/* The place of the form's own keys in messages. */
static const char *meta(void)
{
	/* TRANSLATORS: a place in the form (its top-level keys), used in
	 * messages such as "„title“ is missing in %s". */
	return _("den Formularangaben");
}

/*
 * Piping of a text in every language it is written in (pass two): a
 * mistake in a language nobody is using today still counts. 'what'
 * names the place; the language is added for texts with several.
 */
static void pipe_text(struct ld *l, const cJSON *n, const char *what, int limit, int self)
{
	if (cJSON_IsString(n)) {
		struct sema_site site = ld_site(l, n, what, limit, self);
		sema_pipe(&l->sema, &site, n->valuestring);
		return;
	}
	if (!cJSON_IsObject(n))
		return;
	const cJSON *c;
	cJSON_ArrayForEach(c, n) {
		if (!cJSON_IsString(c))
			continue;
		char w[200];
		snprintf(w, sizeof w, "%s (%s)", what, c->string);
		struct sema_site site = ld_site(l, c, w, limit, self);
		sema_pipe(&l->sema, &site, c->valuestring);
	}
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

/* Depth-first visit for the dependency order; reports the first cycle. */
static int visit_computed(struct ld *l, const cJSON *arr, int c, char *state, int *order,
                          int *n);

static int visit_refs(struct ld *l, const cJSON *arr, const struct expr *e, char *state,
                      int *order, int *n)
{
	if (!e)
		return 0;
	if (e->op == E_REF && e->var >= 0 && l->f->vars[e->var].kind == VAR_COMPUTED &&
	    visit_computed(l, arr, l->f->vars[e->var].computed, state, order, n) < 0)
		return -1;
	if (visit_refs(l, arr, e->l, state, order, n) < 0 ||
	    visit_refs(l, arr, e->r, state, order, n) < 0)
		return -1;
	for (int i = 0; i < e->nargs; i++)
		if (visit_refs(l, arr, e->args[i], state, order, n) < 0)
			return -1;
	return 0;
}

static int visit_computed(struct ld *l, const cJSON *arr, int c, char *state, int *order,
                          int *n)
{
	if (state[c] == 2)
		return 0;
	if (state[c] == 1) {
		ld_err(l, ld_get(cJSON_GetArrayItem(arr, c), "expr"),
		       _("der berechnete Wert „%s“ hängt über einen Zyklus von sich selbst ab"),
		       l->f->computed[c].id);
		return -1;
	}
	state[c] = 1;
	if (visit_refs(l, arr, l->f->computed[c].expr, state, order, n) < 0)
		return -1;
	state[c] = 2;
	order[(*n)++] = c;
	return 0;
}

/* Parse, order and type the computed values. */
static void check_computed(struct ld *l, const cJSON *root)
{
	struct form *f = l->f;
	const cJSON *arr = ld_get(root, "computed");
	int ok = 1;
	for (int i = 0; i < f->ncomputed; i++) {
		const cJSON *ex = ld_get(cJSON_GetArrayItem(arr, i), "expr");
		char what[80];
		/* TRANSLATORS: where an expression is, before ", column %d: message". */
		snprintf(what, sizeof what, _("berechneter Wert „%s“"), f->computed[i].id);
		struct sema_site site = ld_site(l, ex, what, INT_MAX, -1);
		ok &= sema_parse(&l->sema, &site, ex->valuestring, &f->computed[i].expr) == 0;
	}
	if (!ok)
		return;
	char *state = xcalloc((size_t)f->ncomputed + 1, 1);
	f->comp_order = xcalloc((size_t)f->ncomputed + 1, sizeof *f->comp_order);
	int n = 0;
	for (int i = 0; i < f->ncomputed && ok; i++)
		ok = visit_computed(l, arr, i, state, f->comp_order, &n) == 0;
	free(state);
	for (int k = 0; k < n && ok; k++) {
		struct computed *cv = &f->computed[f->comp_order[k]];
		const cJSON *ex = ld_get(cJSON_GetArrayItem(arr, f->comp_order[k]), "expr");
		char what[120];
		snprintf(what, sizeof what, _("berechneter Wert „%s“"), cv->id);
		struct sema_site site = ld_site(l, ex, what, INT_MAX, -1);
		if (sema_types(&l->sema, &site, ex->valuestring, cv->expr, VT_NULL) < 0)
			continue;
		f->vars[cv->var].type = cv->expr->type;
		cv->maxq = sema_maxq(f, cv->expr);
		if (cv->choices && cv->expr->type != VT_NUM)
			ld_err(l, ex, _("ein berechneter Wert mit „choices“ muss eine Zahl ergeben"));
	}
}

/* visible_if, checks and piping of one question (pass two). */
static void check_question(struct ld *l, int qi)
{
	struct form *f = l->f;
	struct question *q = &f->questions[qi];
	const cJSON *obj = l->qnode[qi];
	char what[160];
	const cJSON *n;
	if ((n = ld_get(obj, "visible_if")) && cJSON_IsString(n)) {
		/* TRANSLATORS: where an expression is, before ", column %d: message";
		 * visible_if is a key of the form file. */
		snprintf(what, sizeof what, _("Frage „%s“, visible_if"), q->id);
		struct sema_site site = ld_site(l, n, what, qi - 1, qi);
		sema_expr(&l->sema, &site, n->valuestring, VT_BOOL, &q->visible_if);
	} else if (n) {
		ld_err(l, n, _("„visible_if“ muss ein Ausdruck in Anführungszeichen sein"));
	}
	static const char *const piped[] = {"text", "help", NULL};
	for (const char *const *k = piped; *k; k++)
		if ((n = ld_get(obj, *k))) {
			/* TRANSLATORS: where a text is, before ", column %d: message";
			 * the second %s is a key of the form file ("text", "help"). */
			snprintf(what, sizeof what, _("Frage „%s“, %s"), q->id, *k);
			pipe_text(l, n, what, qi - 1, qi);
		}
	const cJSON *rows = ld_get(obj, "rows"), *r;
	if (q->type != Q_MATRIX)
		rows = NULL;
	cJSON_ArrayForEach(r, rows) {
		if ((n = ld_get(r, "text"))) {
			/* TRANSLATORS: where a text is, before ", column %d: message". */
			snprintf(what, sizeof what, _("Frage „%s“, Zeilentext"), q->id);
			pipe_text(l, n, what, qi - 1, qi);
		}
	}
}

/* The checks of one question (pass two). */
static void check_checks(struct ld *l, int qi)
{
	struct question *q = &l->f->questions[qi];
	const cJSON *arr = ld_array(l, l->qnode[qi], "checks", false, 0, LOADER_MAX_CHECKS,
	                            _("einer Frage"));
	if (!arr)
		return;
	q->checks = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *q->checks);
	static const char *const keys[] = {"id", "valid_if", "message", "severity", NULL};
	const cJSON *c;
	cJSON_ArrayForEach(c, arr) {
		char what[120];
		/* TRANSLATORS: a place in the form, used in messages such as
		 * "„message“ is missing in %s" and "%s must be an object". */
		snprintf(what, sizeof what, _("Prüfung %d von Frage „%s“"), q->nchecks + 1, q->id);
		if (!cJSON_IsObject(c)) {
			ld_err(l, c, _("%s muss ein Objekt sein"), what);
			continue;
		}
		ld_keys(l, c, keys, what);
		struct check *ck = &q->checks[q->nchecks];
		ck->pos = jpos_val(&l->jp, c);
		ck->id = ld_str(l, c, "id", false, 40, what);
		if (!ck->id)
			ck->id = xasprintf("%s.%d", q->id, q->nchecks + 1);
		ck->message = ld_text(l, c, "message", true, LOADER_MAX_TEXT, what);
		const cJSON *sv = ld_get(c, "severity");
		ck->sev = SEV_ERROR;
		if (sv && cJSON_IsString(sv) && strcmp(sv->valuestring, "warning") == 0)
			ck->sev = SEV_WARNING;
		else if (sv && !(cJSON_IsString(sv) && strcmp(sv->valuestring, "error") == 0))
			ld_err(l, sv, _("„severity“ muss \"error\" oder \"warning\" sein"));
		char *vi = ld_str(l, c, "valid_if", true, EXPR_MAX_LEN, what);
		if (vi) {
			char w2[160];
			snprintf(w2, sizeof w2, "%s, valid_if", what);
			struct sema_site site = ld_site(l, ld_get(c, "valid_if"), w2, qi, qi);
			sema_expr(&l->sema, &site, vi, VT_BOOL, &ck->valid_if);
			free(vi);
		}
		if (ck->message) {
			char w2[160];
			snprintf(w2, sizeof w2, "%s, message", what);
			pipe_text(l, ld_get(c, "message"), w2, qi, qi);
		}
		q->nchecks++;
	}
}

/* Section conditions and texts (pass two). */
static void check_section(struct ld *l, int si)
{
	struct section *s = &l->f->sections[si];
	const cJSON *obj = l->snode[si], *n;
	char what[160];
	if ((n = ld_get(obj, "visible_if")) && cJSON_IsString(n)) {
		/* TRANSLATORS: where an expression is, before ", column %d: message". */
		snprintf(what, sizeof what, _("Abschnitt „%s“, visible_if"), s->id);
		struct sema_site site = ld_site(l, n, what, s->first - 1, -1);
		sema_expr(&l->sema, &site, n->valuestring, VT_BOOL, &s->visible_if);
	} else if (n) {
		ld_err(l, n, _("„visible_if“ muss ein Ausdruck in Anführungszeichen sein"));
	}
	static const char *const piped[] = {"title", "intro", NULL};
	for (const char *const *k = piped; *k; k++)
		if ((n = ld_get(obj, *k))) {
			/* TRANSLATORS: where a text is, before ", column %d: message";
			 * the second %s is a key of the form file ("title", "intro"). */
			snprintf(what, sizeof what, _("Abschnitt „%s“, %s"), s->id, *k);
			pipe_text(l, n, what, s->first - 1, -1);
		}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Check ids name confirmations in responses, so they must be unique. */
static void unique_check_ids(struct ld *l)
{
	struct form *f = l->f;
	int n = 0;
	for (int i = 0; i < f->nquestions; i++)
		n += f->questions[i].nchecks;
	char **ids = xcalloc((size_t)n + 1, sizeof *ids);
	n = 0;
	for (int i = 0; i < f->nquestions; i++)
		for (int k = 0; k < f->questions[i].nchecks; k++)
			ids[n++] = f->questions[i].checks[k].id;
	qsort(ids, (size_t)n, sizeof *ids, cmp_str);
	for (int i = 1; i < n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			diag_at(l->d, 0, _("die Prüfungs-ID „%s“ kommt mehrfach vor"), ids[i]);
	free(ids);
}

/* "label_variable": the answer that names a response in lists. */
static void check_label_var(struct ld *l, const cJSON *root)
{
	const cJSON *n = ld_get(root, "label_variable");
	l->f->label_var = -1;
	if (!n)
		return;
	int v = cJSON_IsString(n) ? form_var(l->f, n->valuestring) : -1;
	if (v < 0 || (l->f->vars[v].kind != VAR_ANSWER && l->f->vars[v].kind != VAR_CELL))
		ld_err(l, n, _("„label_variable“ muss eine Frage des Formulars nennen"));
	else
		l->f->label_var = v;
}

/* "breakdown": the single choice (or computed value with choices) that the
 * study team's report breaks every table down by, e.g. the type of Kommune. */
static void check_breakdown(struct ld *l, const cJSON *root)
{
	const cJSON *n = ld_get(root, "breakdown");
	if (!n)
		return;
	int v = cJSON_IsString(n) ? form_var(l->f, n->valuestring) : -1;
	const struct var *vr = v >= 0 ? &l->f->vars[v] : NULL;
	bool closed = vr && (vr->kind == VAR_ANSWER || vr->kind == VAR_COMPUTED) &&
	              form_var_choices(l->f, v) &&
	              (vr->kind == VAR_COMPUTED || l->f->questions[vr->question].type != Q_MULTI);
	if (!closed)
		ld_err(l, n, _("„breakdown“ muss eine Einfachauswahl oder einen berechneten Wert mit "
		               "Antwortliste nennen"));
	else
		l->f->breakdown = xstrdup(vr->name);
}

/* Everything after the structure: runs when pass one was clean. */
static void pass_two(struct ld *l, const cJSON *root)
{
	check_label_var(l, root);
	check_breakdown(l, root);
	check_computed(l, root);
	if (diag_count(l->d))
		return;
	for (int si = 0; si < l->f->nsections; si++) {
		check_section(l, si);
		for (int qi = l->f->sections[si].first;
		     qi < l->f->sections[si].first + l->f->sections[si].count; qi++) {
			check_question(l, qi);
			check_checks(l, qi);
		}
	}
	unique_check_ids(l);
}

/* The slot -> variable table used by responses. */
static void index_slots(struct form *f)
{
	f->slot_var = xcalloc((size_t)f->nslots + 1, sizeof *f->slot_var);
	for (int v = 0; v < f->nvars; v++)
		if (f->vars[v].slot >= 0)
			f->slot_var[f->vars[v].slot] = v;
}

int loader_load_buffer(const char *name, const char *text, size_t len, struct form **out,
                       struct diag *d)
{
	*out = NULL;
	diag_init(d, name, text, len);
	size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	char *buf = xmalloc(len + 1);
	memset(buf, ' ', skip);
	memcpy(buf + skip, text + skip, len - skip);
	buf[len] = '\0';
	cJSON *root = parse_json(d, buf, len);
	struct ld l = {.d = d};
	if (root && !cJSON_IsObject(root))
		diag_at(d, 0, _("ein Formular ist ein JSON-Objekt { … }"));
	if (root && cJSON_IsObject(root) && jpos_build(&l.jp, buf, len, root) == 0) {
		l.f = xcalloc(1, sizeof *l.f);
		l.f->file = xstrdup(name);
		l.sema = (struct sema){l.f, d, buf, len};
		static const char *const keys[] = {"$schema", "format", "id", "title", "version",
		                                   "language", "recipient", "label_variable", "breakdown", "missing",
		                                   "choice_sets",
		                                   "computed", "sections", NULL};
		ld_keys(&l, root, keys, meta());
		read_meta(&l, root);
		read_missing(&l, root);
		read_sets(&l, root);
		read_sections(&l, root);
		read_computed(&l, root);
		if (!diag_count(d))
			pass_two(&l, root);
		index_slots(l.f);
	}
	jpos_free(&l.jp);
	free(l.qnode);
	free(l.snode);
	cJSON_Delete(root);
	free(buf);
	d->src = NULL;
	d->srclen = 0;
	if (diag_count(d) || !l.f) {
		form_free(&l.f);
		return -1;
	}
	*out = l.f;
	return 0;
}

int loader_load_file(const char *path, struct form **out, struct diag *d)
{
	*out = NULL;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		diag_init(d, path, "", 0);
		diag_at(d, 0, _("die Datei lässt sich nicht öffnen: %s"), strerror(errno));
		return -1;
	}
	struct sbuf_file {
		char *p;
		size_t n, cap;
	} b = {NULL, 0, 0};
	for (;;) {
		if (b.n == b.cap) {
			b.cap = b.cap ? b.cap * 2 : 65536;
			b.p = xrealloc(b.p, b.cap);
		}
		size_t got = fread(b.p + b.n, 1, b.cap - b.n, fp);
		b.n += got;
		if (got == 0 || b.n > LOADER_MAX_BYTES)
			break;
	}
	int rd_err = ferror(fp);
	fclose(fp);
	if (rd_err) {
		free(b.p);
		diag_init(d, path, "", 0);
		diag_at(d, 0, _("die Datei lässt sich nicht lesen"));
		return -1;
	}
	int rc = loader_load_buffer(path, b.p ? b.p : "", b.n, out, d);
	free(b.p);
	return rc;
}
