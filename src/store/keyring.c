/*
 * keyring: Argon2id, key wrapping with XChaCha20-Poly1305, recovery codes.
 */
#include "store/keyring.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Byte offsets in store.key (see docs/file-formats.md). */
enum {
	O_MAGIC = 0, O_ID = 8, O_ID_END = 24, O_OPS = 24, O_MEM = 32, O_SALT = 40, O_AD_END = 56,
	O_NONCE_P = 56, O_WRAP_P = 80, O_NONCE_R = 128, O_WRAP_R = 152,
	O_SIGN_PK = 200, O_NONCE_S = 232, O_WRAP_S = 256,
};

static const uint8_t magic[8] = {'F', 'B', 'K', 'E', 'Y', 'S', 0, 1};
static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; /* Crockford */

int keyring_cost(const char *name, struct kdf_cost *out)
{
	if (strcmp(name, "moderate") == 0)
		*out = (struct kdf_cost){crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
	else if (strcmp(name, "interactive") == 0)
		*out = (struct kdf_cost){crypto_pwhash_OPSLIMIT_INTERACTIVE,
		                         crypto_pwhash_MEMLIMIT_INTERACTIVE};
	else if (strcmp(name, "sensitive") == 0)
		*out = (struct kdf_cost){4, 1024ull << 20};
	else if (strcmp(name, "test") == 0)
		*out = (struct kdf_cost){crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
	else
		return -1;
	return 0;
}

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* Encrypt 'n' bytes of 'msg' into out (n + 16) with a fresh nonce. */
static void wrap(uint8_t *nonce, uint8_t *out, const uint8_t *msg, size_t n,
                 const uint8_t *ad, size_t adlen, const uint8_t key[32])
{
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out, NULL, msg, n, ad, adlen, NULL, nonce, key);
}

static int unwrap(uint8_t *msg, const uint8_t *nonce, const uint8_t *in, size_t n,
                  const uint8_t *ad, size_t adlen, const uint8_t key[32])
{
	return crypto_aead_xchacha20poly1305_ietf_decrypt(msg, NULL, NULL, in, n + 16, ad, adlen,
	                                                  nonce, key);
}

/* The passphrase key for the file's salt and costs. */
static enum keyring_status pass_key(uint8_t key[32], const uint8_t *file, const char *pass,
                                    size_t passlen)
{
	uint64_t ops = get64(file + O_OPS), mem = get64(file + O_MEM);
	if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > KEYRING_MAX_OPS ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || mem > KEYRING_MAX_MEM)
		return KR_HOSTILE;
	if (crypto_pwhash(key, 32, pass, passlen, file + O_SALT, ops, (size_t)mem,
	                  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return KR_NO_MEMORY;
	return KR_OK;
}

/* The recovery key: keyed BLAKE2b of the code's 20 random bytes. */
static void recovery_key(uint8_t key[32], const uint8_t code[20], const uint8_t id[16])
{
	crypto_generichash(key, 32, code, 20, id, 16);
}

/* 20 bytes as 32 Crockford base32 characters in groups of four. */
static void encode_recovery(const uint8_t code[20], char out[RECOVERY_LEN + 1])
{
	int o = 0;
	for (int i = 0; i < 32; i++) {
		int bit = i * 5, v = 0;
		for (int k = 0; k < 5; k++)
			v = (v << 1) | ((code[(bit + k) / 8] >> (7 - (bit + k) % 8)) & 1);
		if (i && i % 4 == 0)
			out[o++] = '-';
		out[o++] = b32[v];
	}
	out[o] = '\0';
}

/* Parse a typed recovery code; -1 if it is not 32 valid characters. */
static int decode_recovery(const char *s, uint8_t code[20])
{
	int n = 0;
	memset(code, 0, 20);
	for (; *s; s++) {
		char c = *s;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == 'O')
			c = '0';
		if (c == 'I' || c == 'L')
			c = '1';
		const char *p = strchr(b32, c);
		if (!p || !c || n >= 32)
			return -1;
		int v = (int)(p - b32);
		for (int k = 0; k < 5; k++, v <<= 1) {
			int bit = n * 5 + k;
			if (v & 16)
				code[bit / 8] = (uint8_t)(code[bit / 8] | (1 << (7 - bit % 8)));
		}
		n++;
	}
	return n == 32 ? 0 : -1;
}

/* Associated data of the signing key: magic, store id and public key. */
static void sign_ad(uint8_t ad[56], const uint8_t *file)
{
	memcpy(ad, file, O_ID_END);
	memcpy(ad + O_ID_END, file + O_SIGN_PK, 32);
}

static struct keyring *new_keyring(void)
{
	struct keyring *k = sodium_malloc(sizeof *k);
	if (!k)
		abort();
	memset(k, 0, sizeof *k);
	return k;
}

void keyring_free(struct keyring **k)
{
	if (*k)
		sodium_free(*k);
	*k = NULL;
}

/* Fill the passphrase part (costs, salt, wrap) of a key file image. */
static enum keyring_status seal_pass(uint8_t *file, const struct keyring *k, const char *pass,
                                     size_t passlen, struct kdf_cost cost)
{
	put64(file + O_OPS, cost.ops);
	put64(file + O_MEM, cost.mem);
	randombytes_buf(file + O_SALT, 16);
	uint8_t *key = sodium_malloc(32);
	enum keyring_status st = pass_key(key, file, pass, passlen);
	if (st == KR_OK)
		wrap(file + O_NONCE_P, file + O_WRAP_P, k->master, 32, file, O_AD_END, key);
	sodium_free(key);
	return st;
}

static char *key_path(const char *dir)
{
	return xasprintf("%s/%s", dir, KEYRING_FILE);
}

enum keyring_status keyring_create(const char *dir, const char *pass, size_t passlen,
                                   struct kdf_cost cost, char recovery[RECOVERY_LEN + 1],
                                   struct keyring **out, int *err)
{
	*out = NULL;
	char *path = key_path(dir);
	struct stat st;
	if (fio_stat(path, &st, err) == 0) {
		free(path);
		*err = EEXIST;
		return KR_IO;
	}
	uint8_t file[KEYRING_SIZE] = {0};
	struct keyring *k = new_keyring();
	memcpy(file + O_MAGIC, magic, 8);
	randombytes_buf(file + O_ID, 16);
	memcpy(k->store_id, file + O_ID, 16);
	crypto_aead_xchacha20poly1305_ietf_keygen(k->master);
	crypto_sign_keypair(k->sign_pk, k->sign_sk);
	enum keyring_status s = seal_pass(file, k, pass, passlen, cost);
	uint8_t *code = sodium_malloc(20), *rkey = sodium_malloc(32);
	randombytes_buf(code, 20);
	recovery_key(rkey, code, k->store_id);
	wrap(file + O_NONCE_R, file + O_WRAP_R, k->master, 32, file, O_ID_END, rkey);
	encode_recovery(code, recovery);
	sodium_free(code);
	sodium_free(rkey);
	memcpy(file + O_SIGN_PK, k->sign_pk, 32);
	uint8_t ad[56];
	sign_ad(ad, file);
	wrap(file + O_NONCE_S, file + O_WRAP_S, k->sign_sk, 64, ad, sizeof ad, k->master);
	if (s == KR_OK && fio_replace(dir, path, file, sizeof file, 0600, false, err) < 0)
		s = KR_IO;
	free(path);
	if (s != KR_OK) {
		keyring_free(&k);
		sodium_memzero(recovery, RECOVERY_LEN + 1);
		return s;
	}
	*out = k;
	return KR_OK;
}

/* Read and sanity-check store.key. */
static enum keyring_status read_file(const char *dir, uint8_t file[KEYRING_SIZE], int *err)
{
	char *path = key_path(dir);
	uint8_t *buf;
	size_t len;
	int rc = fio_read_file(path, 4096, &buf, &len, err);
	free(path);
	if (rc < 0)
		return *err == ENOENT ? KR_NOT_FOUND : KR_IO;
	enum keyring_status st = KR_OK;
	if (len != KEYRING_SIZE || memcmp(buf, magic, 8) != 0)
		st = KR_CORRUPT;
	else
		memcpy(file, buf, KEYRING_SIZE);
	free(buf);
	return st;
}

enum keyring_status keyring_public(const char *dir, uint8_t pk[32], int *err)
{
	uint8_t file[KEYRING_SIZE];
	enum keyring_status st = read_file(dir, file, err);
	if (st != KR_OK)
		return st;
	if (!crypto_core_ed25519_is_valid_point(file + O_SIGN_PK))
		return KR_CORRUPT;
	memcpy(pk, file + O_SIGN_PK, 32);
	return KR_OK;
}

/* With the master key in k: open the signing key, which also proves integrity. */
static enum keyring_status finish_unlock(const uint8_t *file, struct keyring *k)
{
	memcpy(k->store_id, file + O_ID, 16);
	memcpy(k->sign_pk, file + O_SIGN_PK, 32);
	uint8_t ad[56];
	sign_ad(ad, file);
	if (unwrap(k->sign_sk, file + O_NONCE_S, file + O_WRAP_S, 64, ad, sizeof ad, k->master))
		return KR_CORRUPT;
	return KR_OK;
}

enum keyring_status keyring_unlock(const char *dir, const char *pass, size_t passlen,
                                   struct keyring **out, int *err)
{
	*out = NULL;
	uint8_t file[KEYRING_SIZE];
	enum keyring_status st = read_file(dir, file, err);
	if (st != KR_OK)
		return st;
	struct keyring *k = new_keyring();
	uint8_t *key = sodium_malloc(32);
	st = pass_key(key, file, pass, passlen);
	if (st == KR_OK && unwrap(k->master, file + O_NONCE_P, file + O_WRAP_P, 32, file, O_AD_END, key))
		st = KR_WRONG_SECRET;
	sodium_free(key);
	if (st == KR_OK)
		st = finish_unlock(file, k);
	if (st != KR_OK)
		keyring_free(&k);
	*out = k;
	return st;
}

enum keyring_status keyring_unlock_recovery(const char *dir, const char *code,
                                            struct keyring **out, int *err)
{
	*out = NULL;
	uint8_t file[KEYRING_SIZE];
	enum keyring_status st = read_file(dir, file, err);
	if (st != KR_OK)
		return st;
	uint8_t *raw = sodium_malloc(20), *key = sodium_malloc(32);
	struct keyring *k = new_keyring();
	st = KR_WRONG_SECRET;
	if (decode_recovery(code, raw) == 0) {
		recovery_key(key, raw, file + O_ID);
		if (!unwrap(k->master, file + O_NONCE_R, file + O_WRAP_R, 32, file, O_ID_END, key))
			st = finish_unlock(file, k);
	}
	sodium_free(raw);
	sodium_free(key);
	if (st != KR_OK)
		keyring_free(&k);
	*out = k;
	return st;
}

enum keyring_status keyring_passwd(const char *dir, const struct keyring *k, const char *pass,
                                   size_t passlen, struct kdf_cost cost, int *err)
{
	uint8_t file[KEYRING_SIZE];
	enum keyring_status st = read_file(dir, file, err);
	if (st != KR_OK)
		return st;
	/* Only the passphrase part changes: new costs, salt and wrap. The
	 * recovery and signing wraps bind just the magic and store id. */
	st = seal_pass(file, k, pass, passlen, cost);
	char *path = key_path(dir);
	if (st == KR_OK && fio_replace(dir, path, file, sizeof file, 0600, true, err) < 0)
		st = KR_IO;
	free(path);
	return st;
}

const char *keyring_message(enum keyring_status st, int err)
{
	static char buf[300];
	switch (st) {
	/* TRANSLATORS: the status of the key file when nothing is wrong. */
	case KR_OK: return _("in Ordnung");
	case KR_NOT_FOUND: return _("Hier ist noch kein Speicher eingerichtet (fragebogen init).");
	case KR_WRONG_SECRET: return _("Das Passwort ist falsch. Es wurde nichts verändert.");
	case KR_CORRUPT:
		return _("Die Schlüsseldatei store.key ist beschädigt oder keine Schlüsseldatei von "
		         "fragebogen.");
	case KR_HOSTILE:
		return _("Die Schlüsseldatei verlangt unzulässig hohe Kosten für die "
		         "Schlüsselableitung; sie wird nicht verwendet.");
	case KR_NO_MEMORY: return _("Für die Schlüsselableitung fehlt Arbeitsspeicher.");
	case KR_IO:
		snprintf(buf, sizeof buf,
		         _("Die Schlüsseldatei lässt sich nicht lesen oder schreiben: %s"),
		         strerror(err));
		return buf;
	}
	return "?";
}
