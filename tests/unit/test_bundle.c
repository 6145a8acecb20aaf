/*
 * Tests of the sealed export file: a round trip, and each way a file can
 * be wrong — another recipient, re-encrypted for us after being signed for
 * someone else, a changed document, a dictionary that does not match the
 * signed hash, and something that is not an export at all.
 */
#include <math.h>
#include <sodium.h>

#include <cjson/cJSON.h>

#include "crypto/age.h"
#include "export/bundle.h"
#include "helpers.h"
#include "util/xmalloc.h"

static const char *form_json =
	"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
	"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
	"{\"id\":\"art\",\"type\":\"single\",\"text\":\"Art?\","
	" \"choices\":[{\"code\":1,\"label\":\"Stadt\"},{\"code\":2,\"label\":\"Kreis\"}]},"
	"{\"id\":\"name\",\"type\":\"text\",\"text\":\"Name?\"}]}]}";

struct fixture {
	struct form *f;
	struct dataset d;
	uint8_t pk[32], sk[64];
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
};

/* Two responses, a sender key and a team key. */
static void setup(struct fixture *x)
{
	cr_assert(sodium_init() >= 0);
	x->f = load_ok(form_json);
	struct table t;
	table_from_form(x->f, &t);
	dataset_init(&x->d, &t);
	table_free(&t);
	for (int i = 0; i < 2; i++) {
		struct response *r = response_new(x->f, 1000 + i);
		struct engine e;
		engine_init(&e, x->f, r);
		struct value v = value_num(i + 1);
		engine_set_value(&e, slot_of(x->f, "art"), &v);
		v = value_str(i ? "Kreis Süd" : "Köln");
		engine_set_value(&e, slot_of(x->f, "name"), &v);
		value_free(&v);
		dataset_add_response(&x->d, &e);
		engine_free(&e);
		response_free(&r);
	}
	crypto_sign_keypair(x->pk, x->sk);
	age_keygen(x->id, x->rcpt);
}

static void teardown(struct fixture *x)
{
	dataset_free(&x->d);
	form_free(&x->f);
}

static enum bundle_status open_buf(const struct fixture *x, const uint8_t *buf, size_t n,
                                   struct bundle *b, char *err)
{
	return bundle_open(x->id, buf, n, NULL, b, err, 300);
}

Test(bundle, round_trip)
{
	struct fixture x;
	setup(&x);
	struct bundle_sender s = {"Stadt Köln", x.pk, x.sk};
	uint8_t *age;
	size_t n;
	char *sig, err[300];
	cr_assert_eq(bundle_seal(&x.d, NULL, x.rcpt, &s, 2000, "Test", &age, &n, &sig, err,
	                         sizeof err), 0);
	struct sign_pub pub;
	char *b64 = sign_pubkey_base64(x.pk);
	cr_assert_eq(sign_pubkey_parse(b64, strlen(b64), &pub), SIGN_OK);
	free(b64);
	cr_expect_eq(sign_verify(&pub, age, n, sig, strlen(sig), NULL), SIGN_OK);
	struct bundle b;
	struct bundle_dicts dicts;
	bundle_dicts_init(&dicts);
	for (int round = 0; round < 2; round++) { /* the second one from the cache */
		cr_assert_eq(bundle_open(x.id, age, n, &dicts, &b, err, sizeof err), BUNDLE_OK, "%s",
		             err);
		cr_expect_str_eq(b.sender_name, "Stadt Köln");
		cr_expect_eq(memcmp(b.pub.pk, x.pk, 32), 0);
		cr_assert_eq(b.nresp, 2);
		cr_expect_eq(b.resp[1].revision, 1);
		cr_expect_neq(memcmp(b.resp[0].hash, b.resp[1].hash, 16), 0);
		struct dataset d;
		dataset_init(&d, b.t);
		int *map = malloc((size_t)b.t->ncols * sizeof *map);
		for (int k = 0; k < b.t->ncols; k++)
			map[k] = k;
		int row = bundle_add_row(&b, 1, &d, map);
		cr_expect_eq(dataset_num(&d, row, table_find(&d.t, "art")), 2);
		cr_expect_str_eq(dataset_str(&d, row, table_find(&d.t, "name")), "Kreis Süd");
		free(map);
		dataset_free(&d);
		bundle_free(&b);
	}
	cr_expect_eq(dicts.n, 1, "one dictionary kept");
	bundle_dicts_free(&dicts);
	/* For another team key: not for us. */
	char id2[AGE_IDENTITY_SIZE], r2[AGE_RECIPIENT_SIZE];
	age_keygen(id2, r2);
	cr_expect_eq(bundle_open(id2, age, n, NULL, &b, err, sizeof err), BUNDLE_NOT_FOR_US);
	bundle_free(&b);
	/* A flipped byte: damaged. */
	age[n / 2] ^= 1;
	cr_expect_eq(open_buf(&x, age, n, &b, err), BUNDLE_DAMAGED);
	bundle_free(&b);
	free(age);
	free(sig);
	teardown(&x);
}

/* Seal for 'sealed_to', decrypt with 'id', let 'edit' change the wrapper,
 * encrypt to 'to'. */
static uint8_t *reseal(const struct fixture *x, const char *sealed_to,
                       const char *id, const char *to, void (*edit)(cJSON *), size_t *n)
{
	struct bundle_sender s = {"Stadt Köln", x->pk, x->sk};
	uint8_t *age, *plain, *out;
	size_t len, plen;
	char *sig, err[300];
	cr_assert_eq(bundle_seal(&x->d, NULL, sealed_to, &s, 2000, "T", &age, &len, &sig, err,
	                         sizeof err), 0);
	cr_assert_eq(age_decrypt(id, age, len, &plain, &plen), AGE_OK);
	cJSON *w = cJSON_ParseWithLength((const char *)plain, plen);
	if (edit)
		edit(w);
	char *text = cJSON_PrintUnformatted(w);
	cr_assert_eq(age_encrypt(to, (const uint8_t *)text, strlen(text), &out, n), 0);
	cJSON_Delete(w);
	free(text);
	free(plain);
	free(age);
	free(sig);
	return out;
}

static void change_document(cJSON *w)
{
	cJSON *d = cJSON_GetObjectItem(w, "document");
	char *p = strstr(d->valuestring, "Kreis Süd");
	cr_assert(p);
	p[0] = 'X';
}

static void change_dictionary(cJSON *w)
{
	cJSON *v = cJSON_GetObjectItem(w, "variables");
	char *p = strstr(v->valuestring, "Stadt");
	cr_assert(p);
	p[0] = 'X';
}

/* Re-sign an edited document with the fixture's own key (a sender may
 * sign anything): edit the document text, sign it, put both back. */
static struct fixture *signer;
static void (*doc_edit)(cJSON *doc);

static void edit_and_resign(cJSON *w)
{
	cJSON *d = cJSON_Parse(cJSON_GetObjectItem(w, "document")->valuestring);
	doc_edit(d);
	char *text = cJSON_PrintUnformatted(d);
	char *sig = sign_detached(signer->sk, (const uint8_t *)text, strlen(text), "t");
	cJSON_ReplaceItemInObject(w, "document", cJSON_CreateString(text));
	cJSON_ReplaceItemInObject(w, "signature", cJSON_CreateString(sig));
	free(text);
	free(sig);
	cJSON_Delete(d);
}

static cJSON *first_values(cJSON *d)
{
	return cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "responses"), 0),
	                           "values");
}

static void other_id_in_values(cJSON *d)
{
	cJSON_ReplaceItemInArray(first_values(d), TCOL_ID,
	                         cJSON_CreateString("00000000-0000-4000-8000-000000000000"));
}

static void text_where_a_number_belongs(cJSON *d)
{
	cJSON_ReplaceItemInArray(first_values(d), TABLE_META, cJSON_CreateString("5"));
}

static void key_with_newline(cJSON *d)
{
	cJSON *s = cJSON_GetObjectItem(d, "sender");
	char *k = xasprintf("%s\n", cJSON_GetObjectItem(s, "public_key")->valuestring);
	cJSON_ReplaceItemInObject(s, "public_key", cJSON_CreateString(k));
	free(k);
}

Test(bundle, a_sender_cannot_slip_values_past_the_checks)
{
	struct fixture x;
	setup(&x);
	signer = &x;
	struct bundle b;
	char err[300];
	size_t n;
	doc_edit = other_id_in_values;
	uint8_t *f = reseal(&x, x.rcpt, x.id, x.rcpt, edit_and_resign, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_NOT_A_BUNDLE);
	cr_expect(strstr(err, "Kopf und Werte") != NULL, "%s", err);
	bundle_free(&b);
	free(f);
	doc_edit = text_where_a_number_belongs;
	f = reseal(&x, x.rcpt, x.id, x.rcpt, edit_and_resign, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_NOT_A_BUNDLE);
	cr_expect(strstr(err, "Zahl erwartet") != NULL, "%s", err);
	bundle_free(&b);
	free(f);
	doc_edit = key_with_newline; /* still verifies, but is recorded canonically */
	f = reseal(&x, x.rcpt, x.id, x.rcpt, edit_and_resign, &n);
	cr_assert_eq(open_buf(&x, f, n, &b, err), BUNDLE_OK, "%s", err);
	cr_expect_null(strchr(b.pubkey, '\n'));
	char *canon = sign_pubkey_base64(x.pk);
	cr_expect_str_eq(b.pubkey, canon);
	free(canon);
	bundle_free(&b);
	free(f);
	teardown(&x);
}

static void drop_signature(cJSON *w)
{
	cJSON_ReplaceItemInObject(w, "signature", cJSON_CreateString("kaputt"));
}

Test(bundle, every_way_to_be_wrong)
{
	struct fixture x;
	setup(&x);
	struct bundle b;
	char err[300];
	size_t n;
	uint8_t *f = reseal(&x, x.rcpt, x.id, x.rcpt, change_document, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_BAD_SIGNATURE);
	cr_expect(strstr(err, "Signatur") != NULL, "%s", err);
	bundle_free(&b);
	free(f);
	f = reseal(&x, x.rcpt, x.id, x.rcpt, change_dictionary, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_BAD_SIGNATURE);
	cr_expect(strstr(err, "Datenverzeichnis") != NULL, "%s", err);
	bundle_free(&b);
	free(f);
	f = reseal(&x, x.rcpt, x.id, x.rcpt, drop_signature, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_BAD_SIGNATURE);
	bundle_free(&b);
	free(f);
	/* Signed for another team, decrypted there and re-encrypted to us. */
	char id2[AGE_IDENTITY_SIZE], r2[AGE_RECIPIENT_SIZE];
	age_keygen(id2, r2);
	f = reseal(&x, r2, id2, x.rcpt, NULL, &n);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_FORWARDED);
	cr_expect(strstr(err, "anderen Empfänger") != NULL, "%s", err);
	bundle_free(&b);
	free(f);
	/* Some other age file. */
	const char *junk = "{\"hallo\":1}";
	cr_assert_eq(age_encrypt(x.rcpt, (const uint8_t *)junk, strlen(junk), &f, &n), 0);
	cr_expect_eq(open_buf(&x, f, n, &b, err), BUNDLE_NOT_A_BUNDLE);
	bundle_free(&b);
	free(f);
	teardown(&x);
}

Test(bundle, plain_document_reads_back)
{
	struct fixture x;
	setup(&x);
	char *plain = bundle_document(&x.d, NULL, NULL, NULL, 2000);
	struct bundle b;
	char err[300];
	cr_assert_eq(bundle_read_document(plain, strlen(plain), &b, err, sizeof err), 0, "%s", err);
	cr_expect_eq(b.nresp, 2);
	cr_expect_eq(b.t->ncols, x.d.t.ncols);
	bundle_free(&b);
	cr_expect_eq(bundle_read_document("{]", 2, &b, err, sizeof err), -1);
	bundle_free(&b);
	free(plain);
	teardown(&x);
}
