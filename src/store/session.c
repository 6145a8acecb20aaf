/*
 * session: glue between a response, its engine and the store.
 */
#include "store/session.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form/pipe.h"
#include "form/progress.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

char *session_summary(struct engine *e)
{
	const struct form *f = e->f;
	const struct response *r = e->r;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "form_id", f->id);
	cJSON_AddStringToObject(o, "form_version", f->version);
	char *label = NULL;
	if (f->label_var >= 0) {
		const struct answer *a = &r->ans[f->vars[f->label_var].slot];
		if (a->state == ANS_VALUE)
			label = pipe_value_text(f, f->label_var, &a->v);
	}
	cJSON_AddStringToObject(o, "label", label ? label : "");
	free(label);
	cJSON_AddStringToObject(o, "status", r->status == RESP_COMPLETE ? "complete" : "draft");
	int answered, visible;
	progress_count(e, &answered, &visible);
	cJSON_AddNumberToObject(o, "answered", answered);
	cJSON_AddNumberToObject(o, "visible", visible);
	cJSON_AddNumberToObject(o, "revision", r->revision);
	char t[32];
	response_format_time(r->modified, t, sizeof t);
	cJSON_AddStringToObject(o, "modified", t);
	char *s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return s;
}

int session_summary_read(const char *json, struct summary *out)
{
	memset(out, 0, sizeof *out);
	cJSON *s = json ? cJSON_Parse(json) : NULL;
	if (!cJSON_IsObject(s)) {
		cJSON_Delete(s);
		return -1;
	}
	const char *label = cJSON_GetStringValue(cJSON_GetObjectItem(s, "label"));
	const char *status = cJSON_GetStringValue(cJSON_GetObjectItem(s, "status"));
	const char *mod = cJSON_GetStringValue(cJSON_GetObjectItem(s, "modified"));
	snprintf(out->label, sizeof out->label, "%s", label ? label : "");
	out->complete = status && strcmp(status, "complete") == 0;
	out->answered = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(s, "answered"));
	out->visible = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(s, "visible"));
	out->revision = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(s, "revision"));
	/* a completed response is done, whatever it was fine to leave blank */
	out->percent = out->complete ? 100
	               : out->visible > 0 ? 100 * out->answered / out->visible : 0;
	int64_t t;
	if (mod && response_parse_time(mod, &t) == 0) {
		time_t tt = (time_t)t;
		struct tm tm;
		localtime_r(&tt, &tm);
		/* TRANSLATORS: strftime format of the last change of a response in
		 * lists; keep it 16 characters wide. */
		strftime(out->when, sizeof out->when, _("%d.%m.%Y %H:%M"), &tm);
	}
	cJSON_Delete(s);
	return 0;
}

int session_save(struct session *ss, char *err, size_t errlen)
{
	char *json = response_to_json(ss->r);
	char *sum = session_summary(&ss->e);
	int rc = store_save(ss->st, ss->r->uuid, &ss->gen, sum, json, err, errlen);
	sodium_memzero(json, strlen(json));
	free(json);
	free(sum);
	ss->unsaved = rc < 0;
	return rc;
}

/* Common start: lock and engine for a response in hand. */
static int begin(struct session *ss, struct store *st, const struct form *f,
                 struct response *r, int lock, char *err, size_t errlen)
{
	memset(ss, 0, sizeof *ss);
	ss->st = st;
	ss->f = f;
	ss->lock = lock >= 0 ? lock : store_lock(st, r->uuid, err, errlen);
	if (ss->lock < 0) {
		response_free(&r);
		return -1;
	}
	ss->r = r;
	engine_init(&ss->e, f, r);
	return 0;
}

int session_create(struct session *ss, struct store *st, const struct form *f, char *err,
                   size_t errlen)
{
	if (begin(ss, st, f, response_new(f, (int64_t)time(NULL)), -1, err, errlen) < 0)
		return -1;
	if (session_save(ss, err, errlen) < 0) {
		session_close(ss);
		return -1;
	}
	return 0;
}

int session_adopt(struct session *ss, struct store *st, const struct form *f,
                  struct response *r, char *err, size_t errlen)
{
	if (begin(ss, st, f, r, -1, err, errlen) < 0)
		return -1;
	if (session_save(ss, err, errlen) < 0) {
		session_close(ss);
		return -1;
	}
	return 0;
}

int session_open(struct session *ss, struct store *st, const struct form *f, const char *uuid,
                 const char **note, char *err, size_t errlen)
{
	char *json;
	uint64_t gen;
	const char *dummy;
	if (!note)
		note = &dummy;
	memset(ss, 0, sizeof *ss);
	ss->lock = -1;
	int lock = store_lock(st, uuid, err, errlen);
	if (lock < 0)
		return -1;
	if (store_load(st, uuid, &json, &gen, note, err, errlen) < 0) {
		store_unlock(lock);
		return -1;
	}
	struct response *r;
	char why[200];
	int rc = response_from_json(f, json, strlen(json), &r, why, sizeof why);
	sodium_memzero(json, strlen(json));
	free(json);
	if (rc < 0) {
		snprintf(err, errlen, _("Die Antwort %s lässt sich nicht lesen: %s"), uuid, why);
		store_unlock(lock);
		return -1;
	}
	if (begin(ss, st, f, r, lock, err, errlen) < 0)
		return -1;
	ss->gen = gen;
	response_audit(r, (int64_t)time(NULL), "opened", NULL);
	return 0;
}

void session_close(struct session *ss)
{
	if (ss->r)
		engine_free(&ss->e);
	response_free(&ss->r);
	store_unlock(ss->lock);
	ss->lock = -1;
}
