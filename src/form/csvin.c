/*
 * csvin: table rows to responses.
 */
#include "form/csvin.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "form/loader.h"
#include "form/issue.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

enum { K_VALUE, K_OPTION, K_OTHER, K_UUID, K_STATUS };

/* The multi question and code of an "<id>_<code>" name, or -1. */
static int option_column(const struct form *f, const char *name, int *code)
{
	const char *us = strrchr(name, '_');
	if (!us || !us[1])
		return -1;
	char *end;
	long c = strtol(us + 1, &end, 10);
	if (*end)
		return -1;
	char base[40];
	if ((size_t)(us - name) >= sizeof base)
		return -1;
	memcpy(base, name, (size_t)(us - name));
	base[us - name] = '\0';
	int v = form_var(f, base);
	if (v < 0 || f->vars[v].type != VT_SET || !form_choice(f->vars[v].choices, (int32_t)c))
		return -1;
	*code = (int)c;
	return v;
}

int csvin_columns(const struct form *f, char **names, int n, struct csvin_col **out,
                  char *err, size_t errlen)
{
	struct csvin_col *c = xcalloc((size_t)n + 1, sizeof *c);
	for (int i = 0; i < n; i++) {
		const char *nm = names[i];
		int v = form_var(f, nm), code;
		size_t len = strlen(nm);
		if (strcmp(nm, "uuid") == 0) {
			c[i].kind = K_UUID;
		} else if (strcmp(nm, "status") == 0) {
			c[i].kind = K_STATUS;
		} else if (v >= 0 && f->vars[v].slot >= 0 && f->vars[v].type != VT_SET) {
			c[i] = (struct csvin_col){v, 0, K_VALUE};
		} else if ((v = option_column(f, nm, &code)) >= 0) {
			c[i] = (struct csvin_col){v, code, K_OPTION};
		} else if (len > 4 && strcmp(nm + len - 4, "_txt") == 0) {
			char base[40];
			snprintf(base, sizeof base, "%.*s", (int)(len - 4), nm);
			v = form_var(f, base);
			if (v < 0 || f->vars[v].slot < 0)
				goto unknown;
			c[i] = (struct csvin_col){v, 0, K_OTHER};
		} else {
			goto unknown;
		}
		continue;
unknown:
		snprintf(err, errlen, _("Spalte „%s“: keine Variable dieses Fragebogens"), nm);
		free(c);
		return -1;
	}
	*out = c;
	return 0;
}

/* One cell of a single-valued variable. */
static int value_cell(const struct form *f, struct response *r, int var, const char *cell,
                      int64_t now, char *err, size_t errlen)
{
	const struct var *v = &f->vars[var];
	const struct question *q = &f->questions[v->question];
	double d;
	int32_t days;
	if (!*cell)
		return 0;
	if (v->type != VT_STR && input_parse_number(cell, INPUT_INTEGER, &d) == 0 &&
	    fabs(d) <= 99999 && form_q_offers(q, (int32_t)d) && !form_choice(v->choices, (int32_t)d)) {
		response_set_missing(r, v->slot, (int32_t)d, now);
		return 0;
	}
	struct value val = value_null();
	if (v->type == VT_STR)
		val = value_str(cell);
	else if (v->type == VT_DATE && (date_parse_iso(cell, &days) == 0 || date_parse_de(cell, &days) == 0))
		val = value_date(days);
	else if (v->type == VT_NUM && input_parse_number(cell, v->choices ? INPUT_INTEGER : INPUT_DOT_DECIMAL, &d) == 0)
		val = value_num(d);
	if (val.type == VT_NULL) {
		if (v->type == VT_DATE)
			snprintf(err, errlen, _("Spalte „%s“: „%s“ ist kein gültiger Wert (Datum erwartet)"),
			         v->name, cell);
		else if (v->choices)
			snprintf(err, errlen, _("Spalte „%s“: „%s“ ist kein gültiger Wert (Antwortcode "
			                        "erwartet)"), v->name, cell);
		else
			snprintf(err, errlen, _("Spalte „%s“: „%s“ ist kein gültiger Wert (Zahl erwartet)"),
			         v->name, cell);
		return -1;
	}
	response_set_value(r, v->slot, &val, now);
	value_free(&val);
	return 0;
}

/* Multi options: collect the 1s; a missing code in every option column counts once. */
static int option_cell(const struct form *f, struct response *r, const struct csvin_col *c,
                       const char *cell, int64_t now, char *err, size_t errlen)
{
	const struct var *v = &f->vars[c->var];
	struct answer *a = &r->ans[v->slot];
	double d;
	if (!*cell || strcmp(cell, "0") == 0)
		return 0;
	if (strcmp(cell, "1") == 0) {
		int32_t codes[LOADER_CODES_MAX + 1];
		uint32_t n = 0;
		for (uint32_t i = 0; a->state == ANS_VALUE && i < a->v.u.set.n; i++)
			codes[n++] = a->v.u.set.codes[i];
		codes[n++] = c->code;
		struct value val = value_set(codes, n);
		response_set_value(r, v->slot, &val, now);
		value_free(&val);
		return 0;
	}
	if (input_parse_number(cell, INPUT_INTEGER, &d) == 0 && fabs(d) <= 99999 &&
	    form_q_offers(&f->questions[v->question], (int32_t)d)) {
		if (a->state == ANS_EMPTY)
			response_set_missing(r, v->slot, (int32_t)d, now);
		return 0;
	}
	snprintf(err, errlen, _("Spalte „%s_%d“: erwartet 0, 1 oder einen Fehlwert-Code, nicht „%s“"),
	         v->name, c->code, cell);
	return -1;
}

int csvin_row(const struct form *f, const struct csvin_col *cols, char **cells, int n,
              int64_t now, struct response **out, char *err, size_t errlen)
{
	struct response *r = response_new(f, now);
	int complete = 0;
	for (int i = 0; i < n; i++) {
		const struct csvin_col *c = &cols[i];
		int rc = 0;
		uint8_t raw[UUID_BYTES];
		if (c->kind == K_UUID && *cells[i]) {
			if (uuid_parse(cells[i], raw) < 0) {
				snprintf(err, errlen, _("Spalte „uuid“: „%.40s“ ist keine UUID in der Form "
				                        "8-4-4-4-12 (Kleinbuchstaben)"), cells[i]);
				rc = -1;
			} else {
				memcpy(r->uuid, cells[i], UUID_TEXT);
			}
		} else if (c->kind == K_STATUS) {
			complete = strcmp(cells[i], "complete") == 0 || strcmp(cells[i], "abgeschlossen") == 0;
		} else if (c->kind == K_VALUE) {
			rc = value_cell(f, r, c->var, cells[i], now, err, errlen);
		} else if (c->kind == K_OPTION) {
			rc = option_cell(f, r, c, cells[i], now, err, errlen);
		} else if (c->kind == K_OTHER && *cells[i]) {
			response_set_other(r, f->vars[c->var].slot, cells[i], now);
		}
		if (rc < 0) {
			response_free(&r);
			return -1;
		}
	}
	if (complete)
		r->status = RESP_COMPLETE, r->completed = now;
	response_audit(r, now, "imported", NULL);
	*out = r;
	return 0;
}

int csvin_validate(struct engine *e, char *err, size_t errlen)
{
	const struct form *f = e->f;
	bool complete = e->r->status == RESP_COMPLETE;
	for (int q = 0; q < f->nquestions; q++) {
		struct issues l = {0};
		issue_collect(e, q, &l);
		for (int i = 0; i < l.n; i++) {
			const struct issue *is = &l.v[i];
			if (is->sev == SEV_WARNING) {
				response_confirm(e->r, is->id);
				continue;
			}
			if (is->kind == ISSUE_REQUIRED && !complete)
				continue;
			/* TRANSLATORS: a question id and a message about its answer. */
			snprintf(err, errlen, _("Frage „%s“: %s"), f->questions[q].id, is->msg);
			issue_free_list(&l);
			return -1;
		}
		issue_free_list(&l);
	}
	return 0;
}
