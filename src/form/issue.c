/*
 * issue: validation of answers against their question and the form's checks.
 */
#include "form/issue.h"

#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "form/pipe.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Append one issue; 'id' is copied, 'msg' taken. */
static void add(struct issues *l, int q, int slot, enum issue_kind k, enum severity sev,
                const char *id, bool confirmed, char *msg)
{
	l->v = xreallocarray(l->v, (size_t)l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct issue){q, slot, k, sev, id ? xstrdup(id) : NULL, confirmed, msg};
}

#define ERROR(kind, ...) add(out, q, slot, kind, SEV_ERROR, NULL, false, xasprintf(__VA_ARGS__))

/* Bounds of a number question as text. */
static void num_text(const struct question *qq, double d, char *buf, size_t n)
{
	input_format_number(d, qq->type == Q_DECIMAL ? qq->decimals : 0, 1, buf, n);
}

static void check_number(struct issues *out, const struct question *qq, int q, int slot,
                         double d)
{
	char lo[40], hi[40];
	num_text(qq, qq->min, lo, sizeof lo);
	num_text(qq, qq->max, hi, sizeof hi);
	if (qq->type == Q_INTEGER && d != floor(d))
		ERROR(ISSUE_RANGE, _("Bitte geben Sie eine ganze Zahl ein."));
	else if (qq->type == Q_DECIMAL &&
	         fabs(d * pow(10, qq->decimals) - round(d * pow(10, qq->decimals))) > 1e-6)
		ERROR(ISSUE_RANGE, P_("Bitte geben Sie höchstens %d Nachkommastelle an.",
		                      "Bitte geben Sie höchstens %d Nachkommastellen an.",
		                      (unsigned long)qq->decimals),
		      qq->decimals);
	else if ((qq->has_min && d < qq->min) || (qq->has_max && d > qq->max)) {
		if (qq->has_min && qq->has_max)
			ERROR(ISSUE_RANGE, _("Bitte geben Sie eine Zahl von %s bis %s ein."), lo, hi);
		else if (qq->has_min)
			ERROR(ISSUE_RANGE, _("Bitte geben Sie eine Zahl ab %s ein."), lo);
		else
			ERROR(ISSUE_RANGE, _("Bitte geben Sie eine Zahl bis %s ein."), hi);
	}
}

static void check_date(struct engine *e, struct issues *out, const struct question *qq, int q,
                       int slot, int32_t d)
{
	int32_t lo = qq->min_today ? e->today : (int32_t)qq->min;
	int32_t hi = qq->max_today ? e->today : (int32_t)qq->max;
	char a[DATE_BUF], b[DATE_BUF];
	date_format_de(lo, a);
	date_format_de(hi, b);
	if (qq->has_min && d < lo)
		ERROR(ISSUE_RANGE, _("Das Datum darf nicht vor dem %s liegen."), a);
	else if (qq->has_max && d > hi)
		ERROR(ISSUE_RANGE, _("Das Datum darf nicht nach dem %s liegen."), b);
}

static void check_text(struct issues *out, const struct question *qq, int q, int slot,
                       const char *s)
{
	size_t chars = utf8_count(s, strlen(s));
	if (chars > (size_t)qq->maxlength)
		ERROR(ISSUE_LENGTH, P_("Der Text ist %zu Zeichen lang; erlaubt sind höchstens %d.",
		                       "Der Text ist %zu Zeichen lang; erlaubt sind höchstens %d.",
		                       chars),
		      chars, qq->maxlength);
	else if (qq->re && regexec(qq->re, s, 0, NULL, 0) != 0)
		ERROR(ISSUE_PATTERN, "%s", qq->pattern_message ? qq->pattern_message
		                                               : _("Die Eingabe hat nicht die erwartete Form."));
}

/* Codes, exclusivity, number of picks and the "other" text of choice answers. */
static void check_choices(struct issues *out, const struct question *qq,
                          const struct choicelist *cl, int q, int slot, const struct answer *a)
{
	const struct value *v = &a->v;
	uint32_t n = v->type == VT_SET ? v->u.set.n : 1;
	bool exclusive = false;
	const struct choice *other = NULL;
	for (uint32_t i = 0; i < n; i++) {
		/* A number beyond the codes' range is no code (and no cast). */
		bool fits = v->type == VT_SET || (v->u.num >= INT32_MIN && v->u.num <= INT32_MAX);
		int32_t code = v->type == VT_SET ? v->u.set.codes[i] : fits ? (int32_t)v->u.num : 0;
		const struct choice *c = fits ? form_choice(cl, code) : NULL;
		if (!c || (v->type == VT_NUM && v->u.num != floor(v->u.num))) {
			ERROR(ISSUE_CODE, _("Der Code %g gehört zu keiner Antwort dieser Frage."),
			      v->type == VT_SET ? (double)code : v->u.num);
			return;
		}
		if (c->other)
			other = c;
		if (c->exclusive && n > 1 && !exclusive) {
			exclusive = true;
			ERROR(ISSUE_EXCLUSIVE, _("„%s“ lässt sich nicht mit anderen Antworten kombinieren."),
			      c->label);
		}
	}
	if (qq->type == Q_MULTI && !exclusive) {
		if (qq->min_picks && n < (uint32_t)qq->min_picks)
			ERROR(ISSUE_PICKS, P_("Bitte wählen Sie mindestens %d Antwort.",
			                      "Bitte wählen Sie mindestens %d Antworten.",
			                      (unsigned long)qq->min_picks),
			      qq->min_picks);
		else if (qq->max_picks && n > (uint32_t)qq->max_picks)
			ERROR(ISSUE_PICKS, P_("Bitte wählen Sie höchstens %d Antwort.",
			                      "Bitte wählen Sie höchstens %d Antworten.",
			                      (unsigned long)qq->max_picks),
			      qq->max_picks);
	}
	if (other && !a->other) {
		/* the option's own label, without the colon that leads to the text */
		int len = (int)strlen(other->label);
		while (len > 0 && (other->label[len - 1] == ':' || other->label[len - 1] == ' '))
			len--;
		/* TRANSLATORS: %.*s is the label of an option that asks for a text,
		   such as "Sonstiges, und zwar". */
		ERROR(ISSUE_OTHER_TEXT, _("Sie haben „%.*s“ gewählt: Bitte tragen Sie ein, was Sie "
		                          "meinen."), len, other->label);
	}
}

/* Issues of one answer slot. */
static void check_answer(struct engine *e, struct issues *out, const struct question *qq,
                         int q, int slot, const struct choicelist *cl)
{
	const struct answer *a = &e->r->ans[slot];
	if (a->state == ANS_MISSING) {
		if (!form_q_offers(qq, a->missing))
			ERROR(ISSUE_MISSING_CODE, _("Der Fehlwert-Code %d ist bei dieser Frage nicht "
			                            "vorgesehen."), (int)a->missing);
		return;
	}
	if (a->state != ANS_VALUE)
		return;
	switch (a->v.type) {
	case VT_NUM:
		if (cl)
			check_choices(out, qq, cl, q, slot, a);
		else
			check_number(out, qq, q, slot, a->v.u.num);
		break;
	case VT_SET: check_choices(out, qq, cl, q, slot, a); break;
	case VT_STR: check_text(out, qq, q, slot, a->v.u.str); break;
	case VT_DATE: check_date(e, out, qq, q, slot, a->v.u.date); break;
	case VT_NULL: case VT_BOOL: break;
	}
}

/* Required and soft-required: blank slots of a visible question. */
static void check_required(struct engine *e, struct issues *out, const struct question *qq,
                           int q)
{
	if (qq->req == REQ_NO || engine_answered(e, q))
		return;
	int rows = 0, any = 0;
	for (int r = 0; qq->type == Q_MATRIX && r < qq->nrows; r++) {
		int given = 0;
		for (int c = 0; c < qq->ncols; c++)
			given += e->r->ans[e->f->vars[qq->rows[r].var[c]].slot].state != ANS_EMPTY;
		rows += given == qq->ncols;
		any += given;
	}
	char *msg;
	unsigned long n = (unsigned long)qq->nrows;
	if (any && qq->req == REQ_HARD)
		/* TRANSLATORS: a matrix partly answered: rows answered, rows in all. */
		msg = xasprintf(P_("%d von %d Zeile beantwortet: Bitte beantworten Sie alle Zeilen.",
		                   "%d von %d Zeilen beantwortet: Bitte beantworten Sie alle Zeilen.", n),
		                rows, qq->nrows);
	else if (any)
		msg = xasprintf(P_("%d von %d Zeile beantwortet. Sie können ohne die übrigen "
		                   "weitergehen, wenn Sie das bestätigen.",
		                   "%d von %d Zeilen beantwortet. Sie können ohne die übrigen "
		                   "weitergehen, wenn Sie das bestätigen.", n),
		                rows, qq->nrows);
	else if (qq->req == REQ_HARD)
		msg = xstrdup(_("Bitte beantworten Sie diese Frage."));
	else
		msg = xstrdup(_("Diese Frage ist noch offen. Sie können ohne Antwort weitergehen, "
		                "wenn Sie das bestätigen."));
	char id[48];
	snprintf(id, sizeof id, "%s.required", qq->id);
	add(out, q, -1, qq->req == REQ_HARD ? ISSUE_REQUIRED : ISSUE_SOFT,
	    qq->req == REQ_HARD ? SEV_ERROR : SEV_WARNING, qq->req == REQ_HARD ? NULL : id,
	    response_is_confirmed(e->r, id), msg);
}

void issue_collect(struct engine *e, int q, struct issues *out)
{
	const struct question *qq = &e->f->questions[q];
	if (!engine_visible(e, q) || qq->type == Q_NOTE)
		return;
	if (qq->type == Q_MATRIX) {
		for (int r = 0; r < qq->nrows; r++)
			for (int c = 0; c < qq->ncols; c++)
				check_answer(e, out, qq, q, e->f->vars[qq->rows[r].var[c]].slot,
				             qq->cols[c].choices);
	} else {
		check_answer(e, out, qq, q, e->f->vars[qq->var].slot, qq->choices);
	}
	check_required(e, out, qq, q);
	for (int i = 0; i < qq->nchecks; i++) {
		const struct check *ck = &qq->checks[i];
		struct eval_env env = engine_env(e);
		int ok = eval_bool(ck->valid_if, &env);
		if (env.faults && e->on_fault)
			e->on_fault(e->fault_ctx, q, i, env.faults);
		if (ok != 0)
			continue;
		add(out, q, -1, ISSUE_CHECK, ck->sev, ck->sev == SEV_WARNING ? ck->id : NULL,
		    ck->sev == SEV_WARNING && response_is_confirmed(e->r, ck->id),
		    pipe_render(e, ck->message));
	}
}

void issue_blockers(struct engine *e, struct issues *out)
{
	for (int q = 0; q < e->f->nquestions; q++) {
		struct issues one = {0};
		issue_collect(e, q, &one);
		for (int i = 0; i < one.n; i++) {
			if (one.v[i].sev == SEV_ERROR || !one.v[i].confirmed) {
				add(out, one.v[i].question, one.v[i].slot, one.v[i].kind, one.v[i].sev,
				    one.v[i].id, one.v[i].confirmed, one.v[i].msg);
				one.v[i].msg = NULL;
			}
		}
		issue_free_list(&one);
	}
}

void issue_free_list(struct issues *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->v[i].msg);
		free(l->v[i].id);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

bool issue_blocking(const struct issues *l, bool warnings)
{
	for (int i = 0; i < l->n; i++)
		if (l->v[i].sev == SEV_ERROR || (warnings && !l->v[i].confirmed))
			return true;
	return false;
}
