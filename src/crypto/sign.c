/*
 * sign: minisign keys and signatures on libsodium's Ed25519 and BLAKE2b.
 *
 * Parsing is strict: exactly the lines the format has (a trailing "\r" on a
 * line and one final newline are tolerated), the exact base64 lengths,
 * canonical base64, nothing after the last line. Every read is bounded by
 * the length passed in; the text need not be NUL-terminated. It never
 * signs or verifies anything but Ed25519, and never returns a trusted
 * comment whose global signature did not verify.
 */
#include "crypto/sign.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

static const char untrusted_prefix[] = "untrusted comment: ";
static const char trusted_prefix[] = "trusted comment: ";

enum {
	ALG_BYTES = 2,
	RAW_PUB = ALG_BYTES + SIGN_KEYID_BYTES + SIGN_PK_BYTES,       /* 42 */
	RAW_SIG = ALG_BYTES + SIGN_KEYID_BYTES + crypto_sign_BYTES,   /* 74 */
	B64_PUB = 56,
	B64_SIG = 100,
	B64_GLOBAL = 88,
	MAX_COMMENT = 8192, /* longest comment line accepted */
	MAX_PUB_TEXT = MAX_COMMENT + 128,
	MAX_SIG_TEXT = 2 * MAX_COMMENT + 512,
};

/* One line of a text: start and length, without "\n" or a final "\r". */
struct line {
	const char *p;
	size_t n;
};

/* The next line from *pos; -1 when the text is used up. */
static int next_line(const char *t, size_t n, size_t *pos, struct line *l)
{
	if (*pos >= n)
		return -1;
	const char *s = t + *pos;
	const char *nl = memchr(s, '\n', n - *pos);
	size_t len = nl ? (size_t)(nl - s) : n - *pos;
	*pos += len + (nl ? 1 : 0);
	if (len > 0 && s[len - 1] == '\r')
		len--;
	l->p = s;
	l->n = len;
	return 0;
}

static int has_prefix(const struct line *l, const char *prefix)
{
	size_t k = strlen(prefix);
	return l->n >= k && memcmp(l->p, prefix, k) == 0;
}

/* Decode a base64 line of exactly b64len characters into exactly rawlen bytes. */
static int decode_line(const struct line *l, size_t b64len, uint8_t *raw, size_t rawlen)
{
	size_t got = 0;
	const char *end = NULL;
	if (l->n != b64len)
		return -1;
	if (sodium_base642bin(raw, rawlen, l->p, l->n, NULL, &got, &end,
	                      sodium_base64_VARIANT_ORIGINAL) != 0)
		return -1;
	return got == rawlen && end == l->p + l->n ? 0 : -1;
}

/* base64 of n bytes, malloc'ed. */
static char *encode(const uint8_t *raw, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *s = xmalloc(len);
	sodium_bin2base64(s, len, raw, n, sodium_base64_VARIANT_ORIGINAL);
	return s;
}

void sign_keyid(const uint8_t pk[SIGN_PK_BYTES], uint8_t keyid[SIGN_KEYID_BYTES])
{
	uint8_t h[32];
	crypto_generichash(h, sizeof h, pk, SIGN_PK_BYTES, NULL, 0);
	memcpy(keyid, h, SIGN_KEYID_BYTES);
}

void sign_keyid_hex(const uint8_t keyid[SIGN_KEYID_BYTES], char out[17])
{
	/* minisign shows the id as a little-endian 64-bit number. */
	static const char hex[] = "0123456789ABCDEF";
	for (int i = 0; i < SIGN_KEYID_BYTES; i++) {
		uint8_t b = keyid[SIGN_KEYID_BYTES - 1 - i];
		out[2 * i] = hex[b >> 4];
		out[2 * i + 1] = hex[b & 15];
	}
	out[16] = '\0';
}

char *sign_pubkey_base64(const uint8_t pk[SIGN_PK_BYTES])
{
	uint8_t raw[RAW_PUB];
	raw[0] = 'E';
	raw[1] = 'd';
	sign_keyid(pk, raw + ALG_BYTES);
	memcpy(raw + ALG_BYTES + SIGN_KEYID_BYTES, pk, SIGN_PK_BYTES);
	return encode(raw, sizeof raw);
}

char *sign_pubkey_file(const uint8_t pk[SIGN_PK_BYTES])
{
	uint8_t keyid[SIGN_KEYID_BYTES];
	char hex[17];
	sign_keyid(pk, keyid);
	sign_keyid_hex(keyid, hex);
	char *b64 = sign_pubkey_base64(pk);
	char *s = xasprintf("%sfragebogen public key %s\n%s\n", untrusted_prefix, hex, b64);
	free(b64);
	return s;
}

enum sign_status sign_pubkey_parse(const char *text, size_t n, struct sign_pub *out)
{
	struct line l;
	size_t pos = 0;
	uint8_t raw[RAW_PUB];
	if (n > MAX_PUB_TEXT || next_line(text, n, &pos, &l) < 0)
		return SIGN_MALFORMED;
	if (has_prefix(&l, untrusted_prefix) && next_line(text, n, &pos, &l) < 0)
		return SIGN_MALFORMED;
	if (pos != n || decode_line(&l, B64_PUB, raw, sizeof raw) < 0)
		return SIGN_MALFORMED;
	if (raw[0] != 'E' || raw[1] != 'd')
		return SIGN_UNSUPPORTED;
	memcpy(out->keyid, raw + ALG_BYTES, SIGN_KEYID_BYTES);
	memcpy(out->pk, raw + ALG_BYTES + SIGN_KEYID_BYTES, SIGN_PK_BYTES);
	return SIGN_OK;
}

void sign_fingerprint(const uint8_t pk[SIGN_PK_BYTES], char out[SIGN_FINGERPRINT_SIZE])
{
	/* 80 bits of a hash separated from the key id's, in Crockford base32
	 * (no I, L, O, U): easy to read out and to compare by ear. */
	static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	static const char context[] = "fragebogen fingerprint v1";
	crypto_generichash_state st;
	uint8_t h[10];
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	crypto_generichash_update(&st, (const uint8_t *)context, sizeof context);
	crypto_generichash_update(&st, pk, SIGN_PK_BYTES);
	crypto_generichash_final(&st, h, sizeof h);
	int o = 0;
	for (int i = 0; i < 16; i++) {
		int v = 0;
		for (int k = 0; k < 5; k++) {
			int bit = i * 5 + k;
			v = (v << 1) | ((h[bit / 8] >> (7 - bit % 8)) & 1);
		}
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		out[o++] = b32[v];
	}
	out[o] = '\0';
}

/* Ed25519 over (signature ‖ trusted comment), or its check (verify != 0). */
static int global_sig(uint8_t global[crypto_sign_BYTES], const uint8_t sig[crypto_sign_BYTES],
                      const char *comment, size_t clen, const uint8_t *key, int verify)
{
	uint8_t *buf = xmalloc(crypto_sign_BYTES + clen);
	memcpy(buf, sig, crypto_sign_BYTES);
	memcpy(buf + crypto_sign_BYTES, comment, clen);
	int rc;
	if (verify)
		rc = crypto_sign_verify_detached(global, buf, crypto_sign_BYTES + clen, key);
	else
		rc = crypto_sign_detached(global, NULL, buf, crypto_sign_BYTES + clen, key);
	free(buf);
	return rc;
}

char *sign_detached(const uint8_t sk[SIGN_SK_BYTES], const uint8_t *msg, size_t n,
                    const char *comment)
{
	size_t clen = strlen(comment);
	if (clen > SIGN_COMMENT_MAX || strpbrk(comment, "\r\n"))
		return NULL;
	const uint8_t *pk = sk + (SIGN_SK_BYTES - SIGN_PK_BYTES);
	uint8_t raw[RAW_SIG], hash[crypto_generichash_BYTES_MAX], global[crypto_sign_BYTES];
	uint8_t *sig = raw + ALG_BYTES + SIGN_KEYID_BYTES;
	raw[0] = 'E';
	raw[1] = 'D';
	sign_keyid(pk, raw + ALG_BYTES);
	crypto_generichash(hash, sizeof hash, msg, n, NULL, 0);
	crypto_sign_detached(sig, NULL, hash, sizeof hash, sk);
	global_sig(global, sig, comment, clen, sk, 0);
	char hex[17];
	sign_keyid_hex(raw + ALG_BYTES, hex);
	char *b64 = encode(raw, sizeof raw), *g64 = encode(global, sizeof global);
	char *s = xasprintf("%sSignatur von fragebogen, Schlüssel %s\n%s\n%s%s\n%s\n",
	                    untrusted_prefix, hex, b64, trusted_prefix, comment, g64);
	free(b64);
	free(g64);
	return s;
}

/* The parts of a .minisig text. */
struct parsed_sig {
	uint8_t raw[RAW_SIG];          /* algorithm, key id, signature */
	uint8_t global[crypto_sign_BYTES];
	const char *comment;           /* trusted comment, inside the text */
	size_t clen;
};

/* Split and decode the four lines; SIGN_MALFORMED on any deviation. */
static enum sign_status parse_sig(const char *t, size_t n, struct parsed_sig *ps)
{
	struct line l[4];
	size_t pos = 0;
	if (n > MAX_SIG_TEXT)
		return SIGN_MALFORMED;
	for (int i = 0; i < 4; i++)
		if (next_line(t, n, &pos, &l[i]) < 0 || l[i].n > MAX_COMMENT)
			return SIGN_MALFORMED;
	if (pos != n || !has_prefix(&l[0], untrusted_prefix) || !has_prefix(&l[2], trusted_prefix))
		return SIGN_MALFORMED;
	if (decode_line(&l[1], B64_SIG, ps->raw, sizeof ps->raw) < 0 ||
	    decode_line(&l[3], B64_GLOBAL, ps->global, sizeof ps->global) < 0)
		return SIGN_MALFORMED;
	ps->comment = l[2].p + strlen(trusted_prefix);
	ps->clen = l[2].n - strlen(trusted_prefix);
	/* The comment is handed out as a C string on one line. */
	if (memchr(ps->comment, '\0', ps->clen) || memchr(ps->comment, '\r', ps->clen))
		return SIGN_MALFORMED;
	return SIGN_OK;
}

enum sign_status sign_verify(const struct sign_pub *pub, const uint8_t *msg, size_t n,
                             const char *sig, size_t siglen, char **comment)
{
	struct parsed_sig ps;
	if (comment)
		*comment = NULL;
	enum sign_status st = parse_sig(sig, siglen, &ps);
	if (st != SIGN_OK)
		return st;
	int prehashed = ps.raw[0] == 'E' && ps.raw[1] == 'D';
	int legacy = ps.raw[0] == 'E' && ps.raw[1] == 'd';
	if (!prehashed && !legacy)
		return SIGN_UNSUPPORTED;
	if (memcmp(ps.raw + ALG_BYTES, pub->keyid, SIGN_KEYID_BYTES) != 0)
		return SIGN_WRONG_KEY;
	const uint8_t *s = ps.raw + ALG_BYTES + SIGN_KEYID_BYTES;
	int bad;
	if (prehashed) {
		uint8_t hash[crypto_generichash_BYTES_MAX];
		crypto_generichash(hash, sizeof hash, msg, n, NULL, 0);
		bad = crypto_sign_verify_detached(s, hash, sizeof hash, pub->pk);
	} else {
		bad = crypto_sign_verify_detached(s, msg, n, pub->pk);
	}
	if (bad || global_sig(ps.global, s, ps.comment, ps.clen, pub->pk, 1) != 0)
		return SIGN_BAD;
	if (comment)
		*comment = xstrndup(ps.comment, ps.clen);
	return SIGN_OK;
}

const char *sign_message(enum sign_status st)
{
	switch (st) {
	case SIGN_OK: return _("Die Signatur ist gültig.");
	case SIGN_MALFORMED:
		return _("Das ist kein gültiger minisign-Schlüssel bzw. keine gültige "
		         "minisign-Signatur (Aufbau, Länge oder base64 stimmen nicht).");
	case SIGN_UNSUPPORTED:
		return _("Die Signatur oder der Schlüssel verwendet ein Verfahren, das nicht "
		         "unterstützt wird (nur Ed25519 nach minisign).");
	case SIGN_WRONG_KEY:
		return _("Die Signatur stammt von einem anderen Schlüssel (die Schlüssel-ID passt "
		         "nicht).");
	case SIGN_BAD:
		return _("Die Signatur ist ungültig: Die Datei oder der signierte Kommentar wurde "
		         "verändert.");
	}
	return "?";
}
