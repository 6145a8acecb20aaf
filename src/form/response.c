/*
 * response: answers, confirmations and their JSON form.
 */
#include "form/response.h"

#include <ctype.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/date.h"
#include "util/i18n.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

struct response *response_new(const struct form *f, int64_t now)
{
	struct response *r = xcalloc(1, sizeof *r);
	r->form = f;
	uuid_new(r->uuid);
	r->status = RESP_DRAFT;
	r->revision = 1;
	r->created = r->modified = now;
	r->ans = xcalloc((size_t)f->nslots + 1, sizeof *r->ans);
	r->audit = cJSON_CreateArray();
	response_audit(r, now, "created", NULL);
	return r;
}

static void answer_reset(struct answer *a)
{
	value_free(&a->v);
	a->state = ANS_EMPTY;
	a->missing = 0;
}

void response_free(struct response **rp)
{
	struct response *r = *rp;
	if (!r)
		return;
	for (int i = 0; i < r->form->nslots; i++) {
		answer_reset(&r->ans[i]);
		free(r->ans[i].other);
	}
	free(r->ans);
	for (int i = 0; i < r->nconfirmed; i++)
		free(r->confirmed[i]);
	free(r->confirmed);
	free(r->position);
	free(r->draft_var);
	free(r->draft_text);
	cJSON_Delete(r->extra);
	cJSON_Delete(r->audit);
	free(r);
	*rp = NULL;
}

static cJSON *value_json(const struct value *v);

/* An answer as JSON for the audit trail: {"value":…}, {"missing":…} or null. */
static cJSON *answer_json(const struct answer *a)
{
	cJSON *o;
	if (a->state == ANS_EMPTY && !a->other)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	if (a->state == ANS_VALUE)
		cJSON_AddItemToObject(o, "value", value_json(&a->v));
	else if (a->state == ANS_MISSING)
		cJSON_AddNumberToObject(o, "missing", a->missing);
	if (a->other)
		cJSON_AddStringToObject(o, "other", a->other);
	return o;
}

static void add_time(cJSON *o, const char *key, int64_t t);

/* Append one event to the audit trail. */
static cJSON *audit_event(struct response *r, int64_t now, const char *event)
{
	cJSON *e = cJSON_CreateObject();
	add_time(e, "t", now);
	cJSON_AddStringToObject(e, "event", event);
	cJSON_AddItemToArray(r->audit, e);
	return e;
}

void response_audit(struct response *r, int64_t now, const char *event, const char *detail)
{
	cJSON *e = audit_event(r, now, event);
	if (detail)
		cJSON_AddStringToObject(e, "detail", detail);
}

int response_audit_count(const struct response *r)
{
	return cJSON_GetArraySize(r->audit);
}

void response_finish(struct response *r, int64_t now)
{
	r->status = RESP_COMPLETE;
	r->completed = r->modified = now;
	response_audit(r, now, "finished", NULL);
}

/* Before a change: a completed response becomes a draft of a new revision. */
static void touch(struct response *r, int64_t now)
{
	if (r->status == RESP_COMPLETE) {
		r->status = RESP_DRAFT;
		r->revision++;
		char buf[32];
		snprintf(buf, sizeof buf, "Revision %d", r->revision);
		response_audit(r, now, "reopened", buf);
	}
}

/* Record the change of one slot, old answer against the current one. */
static void audit_change(struct response *r, int slot, cJSON *old, int64_t now)
{
	cJSON *e = audit_event(r, now, "answer");
	cJSON_AddStringToObject(e, "var", r->form->vars[r->form->slot_var[slot]].name);
	cJSON_AddItemToObject(e, "old", old);
	cJSON_AddItemToObject(e, "new", answer_json(&r->ans[slot]));
}

void response_set_value(struct response *r, int slot, const struct value *v, int64_t now)
{
	struct answer *a = &r->ans[slot];
	if (v->type == VT_NULL) {
		response_clear(r, slot, now);
		return;
	}
	if (a->state == ANS_VALUE && value_equal(&a->v, v))
		return; /* the same answer again: no change, no new revision */
	touch(r, now);
	cJSON *old = answer_json(a);
	answer_reset(a);
	a->v = value_copy(v);
	a->state = ANS_VALUE;
	a->at = r->modified = now;
	audit_change(r, slot, old, now);
}

void response_set_missing(struct response *r, int slot, int32_t code, int64_t now)
{
	struct answer *a = &r->ans[slot];
	if (a->state == ANS_MISSING && a->missing == code)
		return;
	touch(r, now);
	cJSON *old = answer_json(a);
	answer_reset(a);
	a->state = ANS_MISSING;
	a->missing = code;
	a->at = r->modified = now;
	audit_change(r, slot, old, now);
}

void response_clear(struct response *r, int slot, int64_t now)
{
	struct answer *a = &r->ans[slot];
	if (a->state == ANS_EMPTY)
		return;
	touch(r, now);
	cJSON *old = answer_json(a);
	answer_reset(a);
	a->at = r->modified = now;
	audit_change(r, slot, old, now);
}

void response_set_other(struct response *r, int slot, const char *text, int64_t now)
{
	struct answer *a = &r->ans[slot];
	const char *nt = text && *text ? text : NULL;
	if ((!nt && !a->other) || (nt && a->other && strcmp(nt, a->other) == 0))
		return;
	touch(r, now);
	cJSON *old = answer_json(a);
	free(a->other);
	a->other = nt ? xstrdup(nt) : NULL;
	a->at = r->modified = now;
	audit_change(r, slot, old, now);
}

/* Position of check_id in the sorted list, or where it would go. */
static int find_confirmed(const struct response *r, const char *id, int *found)
{
	int lo = 0, hi = r->nconfirmed;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(r->confirmed[mid], id);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

void response_confirm(struct response *r, const char *id)
{
	int found, at = find_confirmed(r, id, &found);
	if (found)
		return;
	response_audit(r, r->modified, "confirmed", id);
	r->confirmed = xreallocarray(r->confirmed, (size_t)r->nconfirmed + 1, sizeof *r->confirmed);
	memmove(r->confirmed + at + 1, r->confirmed + at,
	        (size_t)(r->nconfirmed - at) * sizeof *r->confirmed);
	r->confirmed[at] = xstrdup(id);
	r->nconfirmed++;
}

void response_unconfirm(struct response *r, const char *id)
{
	int found, at = find_confirmed(r, id, &found);
	if (!found)
		return;
	free(r->confirmed[at]);
	memmove(r->confirmed + at, r->confirmed + at + 1,
	        (size_t)(r->nconfirmed - at - 1) * sizeof *r->confirmed);
	r->nconfirmed--;
}

bool response_is_confirmed(const struct response *r, const char *id)
{
	int found;
	find_confirmed(r, id, &found);
	return found != 0;
}

void response_set_position(struct response *r, const char *qid)
{
	free(r->position);
	r->position = qid ? xstrdup(qid) : NULL;
}

void response_set_draft(struct response *r, const char *var, const char *text)
{
	free(r->draft_var);
	free(r->draft_text);
	r->draft_var = var ? xstrdup(var) : NULL;
	r->draft_text = var ? xstrdup(text ? text : "") : NULL;
}

void response_format_time(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, n, "1970-01-01T00:00:00Z");
}

int response_parse_time(const char *s, int64_t *out)
{
	/* Exactly the layout response_format_time() writes, digits where digits
	 * belong (sscanf alone would take "+026" or " 26" as a year), from 1970
	 * on: what is read is written back unchanged. */
	static const char layout[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != sizeof layout - 1)
		return -1;
	for (size_t i = 0; layout[i]; i++)
		if (layout[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != layout[i])
			return -1;
	int y, mo, d, h, mi, se;
	int32_t days;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) != 6 || y < 1970 ||
	    h > 23 || mi > 59 || se > 59 || date_from_ymd(y, mo, d, &days) < 0)
		return -1;
	*out = (int64_t)days * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

/* The JSON form of a value. */
static cJSON *value_json(const struct value *v)
{
	char buf[DATE_BUF];
	switch (v->type) {
	case VT_NUM: return cJSON_CreateNumber(v->u.num);
	case VT_STR: return cJSON_CreateString(v->u.str);
	case VT_BOOL: return cJSON_CreateBool(v->u.b);
	case VT_DATE:
		date_format_iso(v->u.date, buf);
		return cJSON_CreateString(buf);
	case VT_SET: {
		cJSON *a = cJSON_CreateArray();
		for (uint32_t i = 0; i < v->u.set.n; i++)
			cJSON_AddItemToArray(a, cJSON_CreateNumber(v->u.set.codes[i]));
		return a;
	}
	case VT_NULL: break;
	}
	return cJSON_CreateNull();
}

static void add_time(cJSON *o, const char *key, int64_t t)
{
	char buf[32];
	if (!t) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	response_format_time(t, buf, sizeof buf);
	cJSON_AddStringToObject(o, key, buf);
}

char *response_to_json(const struct response *r)
{
	const struct form *f = r->form;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "format", "fragebogen-response");
	cJSON_AddNumberToObject(o, "format_version", 1);
	cJSON_AddStringToObject(o, "uuid", r->uuid);
	cJSON_AddStringToObject(o, "form_id", f->id);
	cJSON_AddStringToObject(o, "form_version", f->version);
	cJSON_AddStringToObject(o, "status", r->status == RESP_COMPLETE ? "complete" : "draft");
	cJSON_AddNumberToObject(o, "revision", r->revision);
	if (r->simulated)
		cJSON_AddBoolToObject(o, "simulated", 1);
	add_time(o, "created", r->created);
	add_time(o, "modified", r->modified);
	add_time(o, "completed", r->completed);
	if (r->position)
		cJSON_AddStringToObject(o, "position", r->position);
	else
		cJSON_AddNullToObject(o, "position");
	cJSON *ans = cJSON_AddObjectToObject(o, "answers");
	for (int s = 0; s < f->nslots; s++) {
		const struct answer *a = &r->ans[s];
		if (a->state == ANS_EMPTY && !a->other)
			continue;
		cJSON *e = cJSON_AddObjectToObject(ans, f->vars[f->slot_var[s]].name);
		if (a->state == ANS_VALUE)
			cJSON_AddItemToObject(e, "value", value_json(&a->v));
		else if (a->state == ANS_MISSING)
			cJSON_AddNumberToObject(e, "missing", a->missing);
		if (a->other)
			cJSON_AddStringToObject(e, "other", a->other);
		add_time(e, "at", a->at);
	}
	for (cJSON *x = r->extra ? ((cJSON *)r->extra)->child : NULL; x; x = x->next)
		cJSON_AddItemToObject(ans, x->string, cJSON_Duplicate(x, 1));
	cJSON *conf = cJSON_AddArrayToObject(o, "confirmed");
	for (int i = 0; i < r->nconfirmed; i++)
		cJSON_AddItemToArray(conf, cJSON_CreateString(r->confirmed[i]));
	if (r->draft_var) {
		cJSON *d = cJSON_AddObjectToObject(o, "draft");
		cJSON_AddStringToObject(d, "var", r->draft_var);
		cJSON_AddStringToObject(d, "text", r->draft_text);
	}
	cJSON_AddItemToObject(o, "audit", cJSON_Duplicate(r->audit, 1));
	char *out = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (!out)
		abort();
	return out;
}

struct jerr {
	char *buf;
	size_t n;
	int failed;
};

static void jfail(struct jerr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void jfail(struct jerr *e, const char *fmt, ...)
{
	if (e->failed++)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->buf, e->n, fmt, ap);
	va_end(ap);
}

/* An optional timestamp member. */
static int64_t get_time(const cJSON *o, const char *key, struct jerr *e)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
	int64_t t = 0;
	if (!n || cJSON_IsNull(n))
		return 0;
	if (!cJSON_IsString(n) || response_parse_time(n->valuestring, &t) < 0)
		jfail(e, _("„%s“ ist kein Zeitpunkt der Form JJJJ-MM-TTTHH:MM:SSZ"), key);
	return t;
}

/* A value of the slot's type from JSON. */
static int parse_value(const cJSON *n, enum vtype t, struct value *out)
{
	int32_t days;
	switch (t) {
	case VT_NUM:
		if (!cJSON_IsNumber(n) || !isfinite(n->valuedouble))
			return -1;
		*out = value_num(n->valuedouble);
		return 0;
	case VT_STR:
		if (!cJSON_IsString(n))
			return -1;
		*out = value_str(n->valuestring);
		return 0;
	case VT_DATE:
		if (!cJSON_IsString(n) || date_parse_iso(n->valuestring, &days) < 0)
			return -1;
		*out = value_date(days);
		return 0;
	case VT_SET: {
		int count = cJSON_GetArraySize(n);
		if (!cJSON_IsArray(n) || count > 10000)
			return -1;
		int32_t *codes = xcalloc((size_t)count + 1, sizeof *codes);
		int k = 0;
		const cJSON *c;
		cJSON_ArrayForEach(c, n) {
			if (!cJSON_IsNumber(c) || c->valuedouble != floor(c->valuedouble) ||
			    fabs(c->valuedouble) > 1e9) {
				free(codes);
				return -1;
			}
			codes[k++] = (int32_t)c->valuedouble;
		}
		*out = value_set(codes, (size_t)k);
		free(codes);
		return 0;
	}
	case VT_NULL:
	case VT_BOOL:
		break;
	}
	return -1;
}

/* One entry of "answers". */
static void parse_answer(struct response *r, const cJSON *n, struct jerr *e)
{
	const struct form *f = r->form;
	int v = form_var(f, n->string);
	if (v < 0 || f->vars[v].slot < 0) {
		if (!r->extra)
			r->extra = cJSON_CreateObject();
		cJSON_AddItemToObject(r->extra, n->string, cJSON_Duplicate(n, 1));
		return;
	}
	struct answer *a = &r->ans[f->vars[v].slot];
	if (a->state != ANS_EMPTY || a->other || a->at) {
		jfail(e, _("die Antwort „%s“ kommt doppelt vor"), n->string);
		return;
	}
	const cJSON *val = cJSON_GetObjectItemCaseSensitive(n, "value");
	const cJSON *mis = cJSON_GetObjectItemCaseSensitive(n, "missing");
	const cJSON *oth = cJSON_GetObjectItemCaseSensitive(n, "other");
	if (!cJSON_IsObject(n) || (val && mis)) {
		jfail(e, _("die Antwort „%s“ ist fehlerhaft"), n->string);
		return;
	}
	if (val && parse_value(val, f->vars[v].type, &a->v) == 0)
		a->state = ANS_VALUE;
	else if (val)
		jfail(e, _("die Antwort „%s“ hat einen Wert vom falschen Typ"), n->string);
	if (mis && cJSON_IsNumber(mis) && mis->valuedouble == floor(mis->valuedouble) &&
	    fabs(mis->valuedouble) <= 99999) {
		a->state = ANS_MISSING;
		a->missing = (int32_t)mis->valuedouble;
	} else if (mis) {
		jfail(e, _("der Fehlwert-Code von „%s“ ist keine ganze Zahl"), n->string);
	}
	if (oth && cJSON_IsString(oth))
		a->other = xstrdup(oth->valuestring);
	else if (oth)
		jfail(e, _("„other“ von „%s“ ist kein Text"), n->string);
	a->at = get_time(n, "at", e);
}

/* Header fields: identity, status, revision, times. */
static void parse_header(struct response *r, const cJSON *o, struct jerr *e)
{
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(o, "format_version");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "uuid");
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "status");
	const cJSON *rev = cJSON_GetObjectItemCaseSensitive(o, "revision");
	const cJSON *pos = cJSON_GetObjectItemCaseSensitive(o, "position");
	const cJSON *fid = cJSON_GetObjectItemCaseSensitive(o, "form_id");
	if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "fragebogen-response") != 0)
		{ jfail(e, _("keine Antwortdatei von fragebogen")); return; }
	if (!cJSON_IsNumber(ver) || ver->valuedouble != 1)
		{ jfail(e, _("unbekannte Version des Antwortformats")); return; }
	if (!cJSON_IsString(fid) || strcmp(fid->valuestring, r->form->id) != 0)
		{ jfail(e, _("die Antworten gehören zu einem anderen Fragebogen")); return; }
	uint8_t raw[UUID_BYTES];
	if (!cJSON_IsString(id) || uuid_parse(id->valuestring, raw) < 0)
		{ jfail(e, _("die UUID fehlt oder ist nicht in der Form 8-4-4-4-12 (Kleinbuchstaben)")); return; }
	memcpy(r->uuid, id->valuestring, UUID_TEXT);
	if (cJSON_IsString(st) && strcmp(st->valuestring, "complete") == 0)
		r->status = RESP_COMPLETE;
	else if (!cJSON_IsString(st) || strcmp(st->valuestring, "draft") != 0)
		jfail(e, _("unbekannter Status"));
	if (!cJSON_IsNumber(rev) || rev->valuedouble < 1 || rev->valuedouble > 1e9 ||
	    rev->valuedouble != floor(rev->valuedouble))
		jfail(e, _("die Revision fehlt oder ist fehlerhaft"));
	else
		r->revision = (int)rev->valuedouble;
	if (cJSON_IsString(pos))
		r->position = xstrdup(pos->valuestring);
	r->simulated = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "simulated"));
	r->created = get_time(o, "created", e);
	r->modified = get_time(o, "modified", e);
	r->completed = get_time(o, "completed", e);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "confirmed": collected, then sorted and de-duplicated once. */
static void read_confirmed(struct response *r, const cJSON *conf, struct jerr *e)
{
	int n = cJSON_GetArraySize(conf), k = 0;
	if (!cJSON_IsArray(conf) || n > 100000) {
		jfail(e, _("„confirmed“ ist keine Liste von Prüfungs-IDs"));
		return;
	}
	char **v = xcalloc((size_t)n + 1, sizeof *v);
	const cJSON *c;
	cJSON_ArrayForEach(c, conf) {
		if (!cJSON_IsString(c) || strlen(c->valuestring) > 64) {
			jfail(e, _("„confirmed“ enthält etwas anderes als Prüfungs-IDs"));
			break;
		}
		v[k++] = xstrdup(c->valuestring);
	}
	if (k > 1)
		qsort(v, (size_t)k, sizeof *v, cmp_strp);
	int m = 0;
	for (int i = 0; i < k; i++) {
		if (m && strcmp(v[m - 1], v[i]) == 0)
			free(v[i]);
		else
			v[m++] = v[i];
	}
	r->confirmed = v;
	r->nconfirmed = m;
}

int response_from_json(const struct form *f, const char *text, size_t len,
                       struct response **out, char *err, size_t errlen)
{
	struct jerr e = {err, errlen, 0};
	*out = NULL;
	cJSON *o = cJSON_ParseWithLength(text, len);
	if (!cJSON_IsObject(o)) {
		cJSON_Delete(o);
		snprintf(err, errlen, "%s", _("die Antwortdatei ist kein gültiges JSON"));
		return -1;
	}
	struct response *r = response_new(f, 0);
	parse_header(r, o, &e);
	const cJSON *ans = cJSON_GetObjectItemCaseSensitive(o, "answers");
	const cJSON *n;
	if (!e.failed && !cJSON_IsObject(ans))
		jfail(&e, _("„answers“ fehlt"));
	if (e.failed)
		ans = NULL;
	cJSON_ArrayForEach(n, ans)
		parse_answer(r, n, &e);
	const cJSON *conf = cJSON_GetObjectItemCaseSensitive(o, "confirmed");
	if (!e.failed && conf)
		read_confirmed(r, conf, &e);
	const cJSON *draft = cJSON_GetObjectItemCaseSensitive(o, "draft");
	const cJSON *dv = cJSON_GetObjectItemCaseSensitive(draft, "var");
	const cJSON *dt = cJSON_GetObjectItemCaseSensitive(draft, "text");
	if (cJSON_IsString(dv) && cJSON_IsString(dt))
		response_set_draft(r, dv->valuestring, dt->valuestring);
	const cJSON *audit = cJSON_GetObjectItemCaseSensitive(o, "audit");
	cJSON_Delete(r->audit);
	r->audit = cJSON_IsArray(audit) ? cJSON_Duplicate(audit, 1) : cJSON_CreateArray();
	if (audit && !cJSON_IsArray(audit)) {
		jfail(&e, _("„audit“ ist keine Liste"));
	}
	cJSON_Delete(o);
	if (e.failed) {
		response_free(&r);
		return -1;
	}
	*out = r;
	return 0;
}
