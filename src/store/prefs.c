/*
 * prefs: the settings file of a store, read and written whole. It never
 * writes a setting in plaintext, and never writes at all after a read that
 * failed.
 */
#include "store/prefs.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/rfile.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The response id of the settings file: no response has it. */
static const uint8_t nil_id[UUID_BYTES];

/* Why the settings file 'path' cannot be used, for the user. */
static void open_problem(char *err, size_t n, enum rfile_status st, const char *path)
{
	switch (st) {
	case RF_OK:
		break;
	case RF_NOT_OURS:
	case RF_WRONG_ID:
		snprintf(err, n, _("Die Datei „%s“ ist keine Einstellungsdatei von fragebogen (vertauschte "
		                   "Datei?); sie wird nicht gelesen."), path);
		return;
	case RF_VERSION:
		snprintf(err, n, _("Die Einstellungsdatei „%s“ wurde mit einer neueren Version von "
		                   "fragebogen geschrieben; sie wird nicht gelesen."), path);
		return;
	case RF_WRONG_STORE:
		snprintf(err, n, _("Die Einstellungsdatei „%s“ gehört zu einem anderen Speicher; sie "
		                   "wird nicht gelesen."), path);
		return;
	case RF_DAMAGED:
		snprintf(err, n, _("Die Einstellungsdatei „%s“ ist beschädigt oder verändert "
		                   "(Prüfsumme stimmt nicht); sie wird nicht gelesen."), path);
		return;
	}
	snprintf(err, n, _("Die Einstellungsdatei „%s“ lässt sich nicht öffnen."), path);
}

/* The settings text as an object of strings, or NULL if it is anything else. */
static cJSON *parse_settings(const char *text)
{
	cJSON *o = cJSON_Parse(text);
	if (!cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return NULL;
	}
	const cJSON *it;
	cJSON_ArrayForEach(it, o)
		if (!cJSON_IsString(it) || !it->string) {
			cJSON_Delete(o);
			return NULL;
		}
	return o;
}

/*
 * Read and open the settings file: the object in *out (an empty one if
 * there is no file) and its generation in *gen (0 if none).
 */
static int load(const struct store *s, const char *path, cJSON **out, uint64_t *gen, char *err,
                size_t errlen)
{
	uint8_t *buf;
	size_t len;
	int ioerr;
	*out = NULL;
	*gen = 0;
	if (fio_read_file(path, PREFS_MAX, &buf, &len, &ioerr) < 0) {
		if (ioerr == ENOENT) {
			*out = cJSON_CreateObject();
			return 0;
		}
		if (ioerr == EFBIG)
			snprintf(err, errlen, _("Die Einstellungsdatei „%s“ ist zu groß (höchstens %u KB); "
			                        "sie wird nicht gelesen."), path, PREFS_MAX / 1024);
		else
			snprintf(err, errlen, _("Die Einstellungsdatei „%s“ lässt sich nicht lesen: %s"),
			         path, strerror(ioerr));
		return -1;
	}
	char *sum = NULL, *full = NULL;
	enum rfile_status st = rfile_open(s->k->master, s->k->store_id, nil_id, buf, len, &sum, &full,
	                                  gen, NULL);
	free(buf);
	free(sum);
	if (st != RF_OK) {
		open_problem(err, errlen, st, path);
		return -1;
	}
	*out = parse_settings(full);
	free(full);
	if (!*out) {
		snprintf(err, errlen, _("Die Einstellungsdatei „%s“ enthält keine gültigen "
		                        "Einstellungen; sie wird nicht gelesen."), path);
		return -1;
	}
	return 0;
}

int prefs_get(const struct store *s, const char *key, char **value, char *err, size_t errlen)
{
	char *path = xasprintf("%s/%s", s->dir, PREFS_FILE);
	cJSON *o;
	uint64_t gen;
	*value = NULL;
	int rc = load(s, path, &o, &gen, err, errlen);
	free(path);
	if (rc < 0)
		return -1;
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsString(it))
		*value = xstrdup(it->valuestring);
	cJSON_Delete(o);
	return 0;
}

/* Change 'key' in 'o' to 'value', or remove it when value is NULL. */
static void put(cJSON *o, const char *key, const char *value)
{
	cJSON_DeleteItemFromObjectCaseSensitive(o, key);
	if (value && !cJSON_AddStringToObject(o, key, value))
		abort(); /* out of memory */
}

/* Seal the settings text as generation 'gen' and put it in place at 'path'. */
static int write_file(const struct store *s, const char *path, const char *text, uint64_t gen,
                      char *err, size_t errlen)
{
	uint8_t *buf;
	size_t len;
	rfile_seal(s->k->master, s->k->store_id, nil_id, gen, "", 0, text, strlen(text), &buf, &len);
	int ioerr = 0;
	/* 1: in place, only the folder's sync failed; the settings stand. */
	int rc = fio_replace(s->dir, path, buf, len, 0600, true, &ioerr);
	free(buf);
	if (rc < 0) {
		if (ioerr == ENOSPC || ioerr == EDQUOT)
			snprintf(err, errlen, "%s", _("Die Einstellungen lassen sich nicht speichern: "
			                              "Der Datenträger ist voll."));
		else
			snprintf(err, errlen, _("Die Einstellungen lassen sich nicht speichern: %s"),
			         strerror(ioerr));
		return -1;
	}
	return 0;
}

int prefs_set(const struct store *s, const char *key, const char *value, char *err,
              size_t errlen)
{
	if (!key || !*key) {
		snprintf(err, errlen, "%s", _("Eine Einstellung braucht einen Namen."));
		return -1;
	}
	char *path = xasprintf("%s/%s", s->dir, PREFS_FILE);
	cJSON *o;
	uint64_t gen;
	int rc = load(s, path, &o, &gen, err, errlen);
	char *text = NULL;
	if (rc == 0) {
		put(o, key, value);
		text = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		if (!text)
			abort(); /* out of memory */
	}
	if (rc == 0 && strlen(text) + RFILE_HEADER + 32 > PREFS_MAX) {
		snprintf(err, errlen, _("Die Einstellungen wären mit %zu KB zu groß (höchstens %u KB)."),
		         strlen(text) / 1024, PREFS_MAX / 1024);
		rc = -1;
	}
	if (rc == 0)
		rc = write_file(s, path, text, gen + 1, err, errlen);
	cJSON_free(text);
	free(path);
	return rc;
}
