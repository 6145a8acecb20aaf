/*
 * sendout: the completed responses of a store, sealed and signed for the
 * study team (see sendout.h).
 */
#include "export/sendout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "export/bundle.h"
#include "form/engine.h"
#include "form/response.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void sendout_init(struct sendout *o, const struct form *f)
{
	struct table t;
	memset(o, 0, sizeof *o);
	table_from_form(f, &t);
	dataset_init(&o->d, &t);
	table_free(&t);
}

void sendout_free(struct sendout *o)
{
	for (int i = 0; i < o->d.nrows; i++)
		cJSON_Delete(o->audit[i]);
	free(o->audit);
	free(o->label);
	dataset_free(&o->d);
	memset(o, 0, sizeof *o);
}

/* Whether a stored response belongs to another questionnaire than 'f'. */
static bool other_form(const struct form *f, const char *json)
{
	cJSON *doc = cJSON_Parse(json);
	const cJSON *fid = cJSON_GetObjectItemCaseSensitive(doc, "form_id");
	bool other = cJSON_IsString(fid) && strcmp(fid->valuestring, f->id) != 0;
	cJSON_Delete(doc);
	return other;
}

/* One response as a row, its audit trail and, if it is the first to name
 * one, its Kommune. */
static void add_row(struct sendout *o, const struct form *f, const struct response *r,
                    unsigned flags)
{
	struct engine e;
	engine_init(&e, f, (struct response *)r);
	int row = dataset_add_response(&o->d, &e);
	engine_free(&e);
	o->audit = xrealloc(o->audit, ((size_t)row + 1) * sizeof *o->audit);
	o->audit[row] = (flags & SENDOUT_AUDIT) && r->audit ? cJSON_Duplicate(r->audit, 1) : NULL;
	const struct table *t = &o->d.t;
	int lc = t->label_column ? table_find(t, t->label_column) : -1;
	if (!o->label && lc >= 0 && t->cols[lc].type == COL_STRING && dataset_str(&o->d, row, lc))
		o->label = xstrdup(dataset_str(&o->d, row, lc));
}

int sendout_take(struct sendout *o, struct store *s, const struct form *f, const char *uuid,
                 bool named, unsigned flags, const char **note, char *err, size_t errlen)
{
	char *json = NULL;
	uint64_t gen;
	struct response *r;
	*note = NULL;
	if (store_load(s, uuid, &json, &gen, note, err, errlen) < 0 ||
	    response_from_json(f, json, strlen(json), &r, err, errlen) < 0) {
		bool skip = json && !named && other_form(f, json);
		free(json);
		return skip ? SENDOUT_OTHER_FORM : -1;
	}
	free(json);
	int took = SENDOUT_ADDED;
	if (r->status != RESP_COMPLETE && !(flags & SENDOUT_ALL)) {
		o->drafts++;
		took = SENDOUT_DRAFT;
	} else {
		add_row(o, f, r, flags);
	}
	response_free(&r);
	return took;
}

int sendout_take_all(struct sendout *o, struct store *s, const struct form *f, unsigned flags,
                     void (*on_note)(const char *uuid, const char *note, void *ctx), void *ctx,
                     char *err, size_t errlen)
{
	struct store_entry *v;
	int n;
	if (store_list(s, &v, &n, err, errlen) < 0)
		return -1;
	int rc = 0;
	for (int i = 0; i < n && rc >= 0; i++) {
		const char *note;
		char msg[300];
		rc = sendout_take(o, s, f, v[i].uuid, false, flags, &note, msg, sizeof msg);
		if (rc < 0)
			snprintf(err, errlen, _("Antwort %s: %s"), v[i].uuid, msg);
		else if (note && on_note)
			on_note(v[i].uuid, note, ctx);
	}
	store_entries_free(v, n);
	return rc < 0 ? -1 : 0;
}

char *sendout_file_name(const char *name, const char *ext, time_t now)
{
	char day[16];
	struct tm tm;
	strftime(day, sizeof day, "%Y-%m-%d", localtime_r(&now, &tm));
	char *base = xstrdup(name && *name ? name : "export");
	for (char *p = base; *p; p++)
		if ((unsigned char)*p < 0x20 || strchr("/\\:*?\"<>| ", *p))
			*p = '-';
	if (base[0] == '.')
		base[0] = '-'; /* never a hidden file */
	char *out = xasprintf("%s-%s.%s", base, day, ext);
	free(base);
	return out;
}

/* Whether 'path' is there (or cannot be looked at, which counts as taken). */
static bool taken(const char *path)
{
	struct stat st;
	int e;
	return fio_stat(path, &st, &e) == 0 || e != ENOENT;
}

char *sendout_free_path(const char *dir, const char *name)
{
	const char *dot = strrchr(name, '.');
	int stem = dot && dot != name ? (int)(dot - name) : (int)strlen(name);
	for (int i = 1;; i++) {
		char *path = i == 1 ? xasprintf("%s/%s", dir, name)
		                    : xasprintf("%s/%.*s-%d%s", dir, stem, name, i, name + stem);
		char *sig = xasprintf("%s.minisig", path);
		bool free_now = !taken(path) && !taken(sig);
		free(sig);
		if (free_now || i >= 999)
			return path;
		free(path);
	}
}

int sendout_write_new(const char *path, const void *buf, size_t n, mode_t mode, char *err,
                      size_t errlen)
{
	int e = 0;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	int rc = fio_replace(slash ? dir : ".", path, buf, n, mode, false, &e);
	free(dir);
	if (rc < 0)
		snprintf(err, errlen, _("„%s“ lässt sich nicht schreiben: %s"), path,
		         e == EEXIST ? _("die Datei gibt es schon") : strerror(e));
	return rc < 0 ? -1 : 0;
}

int sendout_write(const struct sendout *o, const char *recipient, const struct keyring *k,
                  const char *sender, bool audit, const char *path, char *err, size_t errlen)
{
	struct bundle_sender snd = {sender ? sender : "", k->sign_pk, k->sign_sk};
	char *comment = xasprintf("fragebogen-Export von %s, %d Antworten",
	                          snd.name[0] ? snd.name : "unbekannt", o->d.nrows);
	for (char *p = comment; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	uint8_t *age = NULL;
	size_t agelen = 0;
	char *sig = NULL;
	int rc = bundle_seal(&o->d, audit ? o->audit : NULL, recipient, &snd, (int64_t)time(NULL),
	                     comment, &age, &agelen, &sig, err, errlen);
	free(comment);
	if (rc == 0) {
		char *sigpath = xasprintf("%s.minisig", path);
		int e;
		rc = sendout_write_new(path, age, agelen, 0644, err, errlen);
		if (rc == 0 && (rc = sendout_write_new(sigpath, sig, strlen(sig), 0644, err, errlen)) < 0)
			(void)fio_unlink(path, &e); /* no file without its signature */
		free(sigpath);
	}
	free(age);
	free(sig);
	return rc;
}
