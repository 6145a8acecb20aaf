/*
 * ldcheck: pass two, expressions, computed values and piping.
 */
#include "form/ldcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

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

/* Depth-first visit for the dependency order; reports the first cycle. */
static int visit_computed(struct ld *l, const cJSON *arr, int c, char *state, int *order,
                          int *n);

/* Visit the computed values expression 'e' refers to, before the one it belongs to. */
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

/* Mark computed value 'c' as being visited, then done, and add it to the order. */
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

/* qsort() order of check ids. */
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
void ldcheck_form(struct ld *l, const cJSON *root)
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
