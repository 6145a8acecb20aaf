/*
 * bundle: writing and opening the signed, encrypted export file. The data
 * model is table/dataset; signatures are sign, encryption is age. This
 * module only decides what goes where and checks that it all fits.
 */
#include "export/bundle.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "crypto/age.h"
#include "crypto/armor.h"
#include "export/tabjson.h"
#include "form/response.h"
#include "util/i18n.h"
#include "util/uuid.h"
#include "util/xmalloc.h"

#define DOC_FORMAT "fragebogen-export"
#define WRAP_FORMAT "fragebogen-export-signed"

/* One cell as JSON: number, string or null. */
static cJSON *cell_json(const struct dataset *d, int row, int col)
{
	if (d->t.cols[col].type == COL_STRING) {
		const char *s = dataset_str(d, row, col);
		return s ? cJSON_CreateString(s) : cJSON_CreateNull();
	}
	double v = dataset_num(d, row, col);
	return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(v);
}

static void add_str_cell(cJSON *o, const char *key, const struct dataset *d, int row, int col)
{
	const char *s = dataset_str(d, row, col);
	if (s)
		cJSON_AddStringToObject(o, key, s);
}

/* One response: header fields from the meta columns, then all values. */
static cJSON *response_json(const struct dataset *d, int row, const cJSON *audit)
{
	cJSON *o = cJSON_CreateObject();
	add_str_cell(o, "uuid", d, row, TCOL_ID);
	add_str_cell(o, "form_version", d, row, TCOL_VERSION);
	cJSON_AddStringToObject(o, "status",
	                        dataset_num(d, row, TCOL_STATUS) == 2 ? "complete" : "draft");
	cJSON_AddNumberToObject(o, "revision", dataset_num(d, row, TCOL_REVISION));
	add_str_cell(o, "created", d, row, TCOL_CREATED);
	add_str_cell(o, "modified", d, row, TCOL_MODIFIED);
	add_str_cell(o, "completed", d, row, TCOL_COMPLETED);
	if (dataset_num(d, row, TCOL_SIMULATED) == 1)
		cJSON_AddBoolToObject(o, "simulated", 1);
	cJSON *vals = cJSON_AddArrayToObject(o, "values");
	for (int c = 0; c < d->t.ncols; c++)
		cJSON_AddItemToArray(vals, cell_json(d, row, c));
	if (audit)
		cJSON_AddItemToObject(o, "audit", cJSON_Duplicate(audit, 1));
	return o;
}

/* The document as a tree, for bundle_document() to print and bundle_seal()
 * to take apart without printing and parsing it again. */
static cJSON *document_tree(const struct dataset *d, void *const *audit, const char *recipient,
                            const struct bundle_sender *sender, int64_t now)
{
	char when[32];
	response_format_time(now, when, sizeof when);
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "format", DOC_FORMAT);
	cJSON_AddNumberToObject(o, "format_version", 1);
	cJSON_AddStringToObject(o, "created", when);
	if (recipient)
		cJSON_AddStringToObject(o, "recipient", recipient);
	if (sender) {
		cJSON *s = cJSON_AddObjectToObject(o, "sender");
		cJSON_AddStringToObject(s, "name", sender->name ? sender->name : "");
		char *pk = sign_pubkey_base64(sender->pk);
		cJSON_AddStringToObject(s, "public_key", pk);
		free(pk);
	}
	cJSON *form = cJSON_AddObjectToObject(o, "form");
	cJSON_AddStringToObject(form, "id", d->t.form_id ? d->t.form_id : "");
	if (d->t.form_version)
		cJSON_AddStringToObject(form, "version", d->t.form_version);
	cJSON_AddItemToObject(o, "variables", tabjson_write(&d->t));
	cJSON *rs = cJSON_AddArrayToObject(o, "responses");
	for (int r = 0; r < d->nrows; r++)
		cJSON_AddItemToArray(rs, response_json(d, r, audit ? audit[r] : NULL));
	return o;
}

char *bundle_document(const struct dataset *d, void *const *audit, const char *recipient,
                      const struct bundle_sender *sender, int64_t now)
{
	cJSON *o = document_tree(d, audit, recipient, sender, now);
	char *text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return text;
}

/* BLAKE2b-256 of a text as 64 hex digits. */
static void hash_hex(const char *text, char hex[65])
{
	uint8_t h[32];
	crypto_generichash(h, sizeof h, (const uint8_t *)text, strlen(text), NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof h);
}

/* The wrapper: dictionary apart, document with its hash, signature. The
 * text signed is the one bundle_document() prints, less the dictionary. */
static char *wrap(cJSON *doc, const struct bundle_sender *s)
{
	cJSON *vars = cJSON_DetachItemFromObjectCaseSensitive(doc, "variables");
	char *vtext = cJSON_PrintUnformatted(vars);
	char hex[65];
	hash_hex(vtext, hex);
	cJSON_AddStringToObject(doc, "variables_blake2b", hex);
	char *dtext = cJSON_PrintUnformatted(doc);
	char *sig = sign_detached(s->sk, (const uint8_t *)dtext, strlen(dtext),
	                          "fragebogen-export");
	cJSON *w = cJSON_CreateObject();
	cJSON_AddStringToObject(w, "format", WRAP_FORMAT);
	cJSON_AddNumberToObject(w, "format_version", 1);
	cJSON_AddStringToObject(w, "variables", vtext);
	cJSON_AddStringToObject(w, "document", dtext);
	cJSON_AddStringToObject(w, "signature", sig ? sig : "");
	char *plain = cJSON_PrintUnformatted(w);
	cJSON_Delete(w);
	cJSON_Delete(vars);
	free(vtext);
	sodium_memzero(dtext, strlen(dtext));
	free(dtext);
	free(sig);
	return plain;
}

int bundle_seal(const struct dataset *d, void *const *audit, const char *recipient,
                const struct bundle_sender *s, int64_t now, const char *comment, uint8_t **age,
                size_t *agelen, char **minisig, char *err, size_t errlen)
{
	cJSON *doc = document_tree(d, audit, recipient, s, now);
	char *plain = wrap(doc, s);
	cJSON_Delete(doc);
	int rc = age_encrypt(recipient, (const uint8_t *)plain, strlen(plain), age, agelen);
	sodium_memzero(plain, strlen(plain));
	free(plain);
	if (rc < 0) {
		snprintf(err, errlen, _("„%s“ ist kein gültiger age-Empfänger"), recipient);
		return -1;
	}
	*minisig = sign_detached(s->sk, *age, *agelen, comment);
	if (!*minisig) {
		free(*age);
		snprintf(err, errlen, "%s", _("der Kommentar der Signatur ist ungültig"));
		return -1;
	}
	return 0;
}

void bundle_free(struct bundle *b)
{
	free(b->sender_name);
	free(b->pubkey);
	free(b->created);
	free(b->resp);
	table_free(&b->own);
	cJSON_Delete(b->doc);
	memset(b, 0, sizeof *b);
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Hash of the values array, to tell equal contents from different ones:
 * each value as a type tag and its bytes. */
static void hash_values(const cJSON *vals, uint8_t out[BUNDLE_HASH_BYTES])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, BUNDLE_HASH_BYTES);
	const cJSON *v;
	cJSON_ArrayForEach(v, vals) {
		uint8_t tag = cJSON_IsNumber(v) ? 'n' : cJSON_IsString(v) ? 's' : '0';
		crypto_generichash_update(&st, &tag, 1);
		if (tag == 'n')
			crypto_generichash_update(&st, (const uint8_t *)&v->valuedouble,
			                          sizeof v->valuedouble);
		else if (tag == 's')
			crypto_generichash_update(&st, (const uint8_t *)v->valuestring,
			                          strlen(v->valuestring) + 1);
	}
	crypto_generichash_final(&st, out, BUNDLE_HASH_BYTES);
}

/* Whether a value fits a column: a finite number (numbers, dates), a text
 * (texts), or null. */
static bool fits(const cJSON *v, const struct column *c)
{
	if (cJSON_IsNull(v))
		return true;
	if (c->type == COL_STRING)
		return cJSON_IsString(v);
	return cJSON_IsNumber(v) && isfinite(v->valuedouble);
}

/* One response entry; -1 with a message if it is malformed, or if its
 * header and its values disagree (the values are what gets merged). */
static int read_response(const cJSON *o, const struct table *t, int i,
                         struct bundle_response *r, char *err, size_t errlen)
{
	const char *uuid = str_of(o, "uuid"), *st = str_of(o, "status");
	const cJSON *rev = cJSON_GetObjectItemCaseSensitive(o, "revision");
	const cJSON *vals = cJSON_GetObjectItemCaseSensitive(o, "values");
	uint8_t raw[UUID_BYTES];
	if (!uuid || uuid_parse(uuid, raw) < 0 || !st || !cJSON_IsNumber(rev) ||
	    rev->valuedouble < 1 || rev->valuedouble > 1e9 || !cJSON_IsArray(vals) ||
	    cJSON_GetArraySize(vals) != t->ncols) {
		snprintf(err, errlen, _("Antwort %d der Datei ist unvollständig"), i + 1);
		return -1;
	}
	int k = 0;
	const cJSON *v;
	cJSON_ArrayForEach(v, vals) {
		if (!fits(v, &t->cols[k])) {
			snprintf(err, errlen, t->cols[k].type == COL_STRING
			                              ? _("Antwort %d, Spalte „%s“: Text erwartet")
			                              : _("Antwort %d, Spalte „%s“: Zahl erwartet"),
			         i + 1, t->cols[k].name);
			return -1;
		}
		k++;
	}
	memcpy(r->uuid, uuid, UUID_TEXT);
	r->revision = (int)rev->valuedouble;
	r->status = strcmp(st, "complete") == 0 ? 2 : 1;
	const cJSON *id = cJSON_GetArrayItem(vals, TCOL_ID);
	const cJSON *vst = cJSON_GetArrayItem(vals, TCOL_STATUS);
	const cJSON *vrev = cJSON_GetArrayItem(vals, TCOL_REVISION);
	if (!cJSON_IsString(id) || strcmp(id->valuestring, uuid) != 0 || !cJSON_IsNumber(vst) ||
	    vst->valuedouble != r->status || !cJSON_IsNumber(vrev) ||
	    vrev->valuedouble != r->revision) {
		snprintf(err, errlen, _("Antwort %d: Kopf und Werte passen nicht zusammen"), i + 1);
		return -1;
	}
	r->values = vals;
	r->audit = cJSON_GetObjectItemCaseSensitive(o, "audit");
	hash_values(vals, r->hash);
	return 0;
}

/* The document's fields into b (which takes the cJSON tree); its
 * dictionary must be in place (b->t). */
static int read_doc(cJSON *doc, struct bundle *b, char *err, size_t errlen)
{
	b->doc = doc;
	const char *fmt = str_of(doc, "format");
	const cJSON *rs = cJSON_GetObjectItemCaseSensitive(doc, "responses");
	if (!fmt || strcmp(fmt, DOC_FORMAT) != 0 || !cJSON_IsArray(rs)) {
		snprintf(err, errlen, "%s", _("keine Exportdatei von fragebogen"));
		return -1;
	}
	if (!b->t) {
		if (tabjson_read(cJSON_GetObjectItemCaseSensitive(doc, "variables"), &b->own, err,
		                    errlen) < 0)
			return -1;
		b->t = &b->own;
	}
	if (!table_has_meta(b->t)) {
		snprintf(err, errlen, "%s", _("dem Datenverzeichnis fehlen die Kennspalten"));
		return -1;
	}
	const char *created = str_of(doc, "created");
	b->created = created ? xstrdup(created) : NULL;
	b->nresp = cJSON_GetArraySize(rs);
	b->resp = xcalloc((size_t)b->nresp + 1, sizeof *b->resp);
	int i = 0;
	const cJSON *r;
	cJSON_ArrayForEach(r, rs) {
		if (read_response(r, b->t, i, &b->resp[i], err, errlen) < 0)
			return -1;
		i++;
	}
	return 0;
}

int bundle_read_document(const char *text, size_t n, struct bundle *b, char *err,
                         size_t errlen)
{
	memset(b, 0, sizeof *b);
	cJSON *doc = cJSON_ParseWithLength(text, n);
	if (!doc) {
		snprintf(err, errlen, "%s", _("kein gültiges JSON"));
		return -1;
	}
	return read_doc(doc, b, err, errlen);
}

/* Decrypt, binary or armored; the plaintext goes to *plain. */
static enum bundle_status decrypt(const char *identity, const uint8_t *file, size_t n,
                                  uint8_t **plain, size_t *plen, char *err, size_t errlen)
{
	uint8_t *bin = NULL;
	size_t binlen = 0;
	enum age_status st = AGE_HEADER; /* a malformed armor is no age file */
	*plain = NULL;
	*plen = 0;
	if (!armor_is_armored(file, n))
		st = age_decrypt(identity, file, n, plain, plen);
	else if (armor_decode(file, n, &bin, &binlen) == 0)
		st = age_decrypt(identity, bin, binlen, plain, plen);
	free(bin);
	switch (st) {
	case AGE_OK:
		return BUNDLE_OK;
	case AGE_NO_MATCH:
		snprintf(err, errlen, "%s",
		         _("die Datei ist für einen anderen Schlüssel verschlüsselt"));
		free(*plain);
		return BUNDLE_NOT_FOR_US;
	case AGE_BAD_IDENTITY:
	case AGE_HEADER:
	case AGE_HMAC:
	case AGE_PAYLOAD:
		break;
	}
	snprintf(err, errlen, "%s",
	         st == AGE_HEADER         ? _("keine age-Datei oder ihr Kopf ist beschädigt")
	         : st == AGE_BAD_IDENTITY ? _("der Schlüssel des Studienteams ist ungültig")
	                                  : _("die Datei wurde verändert oder ist unvollständig"));
	sodium_memzero(*plain, *plen);
	free(*plain);
	return BUNDLE_DAMAGED;
}

/* Check the signature of the wrapped document by the key it names. */
static enum bundle_status verify(const cJSON *w, struct bundle *b, cJSON **docout,
                                 char *err, size_t errlen)
{
	const char *fmt = str_of(w, "format"), *doc = str_of(w, "document");
	const char *sig = str_of(w, "signature");
	if (!fmt || strcmp(fmt, WRAP_FORMAT) != 0 || !doc || !sig) {
		snprintf(err, errlen, "%s", _("keine Exportdatei von fragebogen"));
		return BUNDLE_NOT_A_BUNDLE;
	}
	cJSON *d = cJSON_Parse(doc);
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(d, "sender");
	const char *pk = str_of(s, "public_key"), *name = str_of(s, "name");
	if (!pk || sign_pubkey_parse(pk, strlen(pk), &b->pub) != SIGN_OK) {
		cJSON_Delete(d);
		snprintf(err, errlen, "%s", _("der Absenderschlüssel fehlt oder ist ungültig"));
		return BUNDLE_NOT_A_BUNDLE;
	}
	b->pubkey = sign_pubkey_base64(b->pub.pk); /* canonical, whatever the text held */
	b->sender_name = xstrdup(name ? name : "");
	enum sign_status ss = sign_verify(&b->pub, (const uint8_t *)doc, strlen(doc), sig,
	                                  strlen(sig), NULL);
	if (ss != SIGN_OK) {
		cJSON_Delete(d);
		snprintf(err, errlen, _("die Signatur passt nicht: %s"), sign_message(ss));
		return BUNDLE_BAD_SIGNATURE;
	}
	*docout = d;
	return BUNDLE_OK;
}

struct bundle_dict {
	char hex[65];
	struct table t;
};

void bundle_dicts_init(struct bundle_dicts *c)
{
	memset(c, 0, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
}

void bundle_dicts_free(struct bundle_dicts *c)
{
	for (int i = 0; i < c->n; i++) {
		table_free(&c->v[i]->t);
		free(c->v[i]);
	}
	free(c->v);
	pthread_mutex_destroy(&c->mu);
	memset(c, 0, sizeof *c);
}

/* The cached dictionary of a hash, or NULL. Caller holds the lock. */
static const struct table *cached(struct bundle_dicts *c, const char *hex)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->v[i]->hex, hex) == 0)
			return &c->v[i]->t;
	return NULL;
}

/* Give b its dictionary: from the cache, or read from the wrapper (and
 * cached). The wrapper's text must match the hash the signed document
 * names. Documents with the dictionary inline are left to read_doc(). */
static enum bundle_status dictionary(const cJSON *w, const cJSON *doc, struct bundle_dicts *c,
                                     struct bundle *b, char *err, size_t errlen)
{
	const char *claimed = str_of(doc, "variables_blake2b"), *vt = str_of(w, "variables");
	if (!claimed)
		return BUNDLE_OK;
	char hex[65];
	if (!vt || (hash_hex(vt, hex), strcmp(hex, claimed) != 0)) {
		snprintf(err, errlen, "%s", _("das Datenverzeichnis passt nicht zur Signatur"));
		return BUNDLE_BAD_SIGNATURE;
	}
	if (c) {
		pthread_mutex_lock(&c->mu);
		b->t = cached(c, hex);
		pthread_mutex_unlock(&c->mu);
		if (b->t)
			return BUNDLE_OK;
	}
	cJSON *vj = cJSON_Parse(vt);
	int rc = vj ? tabjson_read(vj, &b->own, err, errlen) : -1;
	cJSON_Delete(vj);
	if (rc < 0) {
		if (!vj)
			snprintf(err, errlen, "%s", _("das Datenverzeichnis ist kein gültiges JSON"));
		return BUNDLE_NOT_A_BUNDLE;
	}
	b->t = &b->own;
	if (c) {
		pthread_mutex_lock(&c->mu);
		if (!cached(c, hex)) {
			struct bundle_dict *e = xcalloc(1, sizeof *e);
			memcpy(e->hex, hex, sizeof hex);
			e->t = b->own;
			memset(&b->own, 0, sizeof b->own);
			c->v = xrealloc(c->v, ((size_t)c->n + 1) * sizeof *c->v);
			c->v[c->n++] = e;
			b->t = &e->t;
		}
		pthread_mutex_unlock(&c->mu);
	}
	return BUNDLE_OK;
}

enum bundle_status bundle_open(const char *identity, const uint8_t *file, size_t n,
                               struct bundle_dicts *dicts, struct bundle *b, char *err,
                               size_t errlen)
{
	memset(b, 0, sizeof *b);
	uint8_t *plain = NULL;
	size_t plen = 0;
	enum bundle_status st = decrypt(identity, file, n, &plain, &plen, err, errlen);
	if (st != BUNDLE_OK)
		return st;
	cJSON *w = cJSON_ParseWithLength((const char *)plain, plen);
	sodium_memzero(plain, plen);
	free(plain);
	cJSON *dj = NULL;
	st = w ? verify(w, b, &dj, err, errlen) : BUNDLE_NOT_A_BUNDLE;
	if (!w)
		snprintf(err, errlen, "%s", _("keine Exportdatei von fragebogen (kein JSON)"));
	if (st == BUNDLE_OK)
		st = dictionary(w, dj, dicts, b, err, errlen);
	cJSON_Delete(w);
	if (st != BUNDLE_OK) {
		cJSON_Delete(dj);
		return st;
	}
	if (!dj || read_doc(dj, b, err, errlen) < 0) {
		if (!dj)
			snprintf(err, errlen, "%s", _("das Dokument ist kein gültiges JSON"));
		return BUNDLE_NOT_A_BUNDLE;
	}
	char mine[AGE_RECIPIENT_SIZE];
	const char *to = str_of(dj, "recipient");
	if (age_recipient_of(identity, mine) < 0 || !to || strcmp(to, mine) != 0) {
		if (to)
			snprintf(err, errlen,
			         _("signiert für einen anderen Empfänger (%s) und "
			           "umverschlüsselt"),
			         to);
		else
			snprintf(err, errlen, "%s",
			         _("signiert für einen anderen Empfänger (keiner) und "
			           "umverschlüsselt"));
		return BUNDLE_FORWARDED;
	}
	return BUNDLE_OK;
}

/* One JSON value into a cell of d. */
static void set_cell(struct dataset *d, int row, int col, const cJSON *v)
{
	if (d->t.cols[col].type == COL_STRING) {
		if (cJSON_IsString(v))
			dataset_set_str(d, row, col, v->valuestring);
		else if (cJSON_IsNumber(v)) {
			char buf[32];
			snprintf(buf, sizeof buf, "%.15g", v->valuedouble);
			dataset_set_str(d, row, col, buf);
		} else
			dataset_set_str(d, row, col, NULL);
	} else {
		dataset_set_num(d, row, col, cJSON_IsNumber(v) ? v->valuedouble : NAN);
	}
}

void bundle_set_row(const struct bundle *b, int i, struct dataset *d, int row,
                    const int *colmap)
{
	const cJSON *v;
	int k = 0;
	cJSON_ArrayForEach(v, (const cJSON *)b->resp[i].values) {
		if (k < b->t->ncols && colmap[k] >= 0)
			set_cell(d, row, colmap[k], v);
		k++;
	}
}

int bundle_add_row(const struct bundle *b, int i, struct dataset *d, const int *colmap)
{
	int row = dataset_add_row(d);
	bundle_set_row(b, i, d, row, colmap);
	return row;
}
