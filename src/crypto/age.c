/*
 * age: header (stanzas, MAC), X25519 wrapping, and the STREAM payload.
 *
 * Parsing follows the reference implementation: the whole header is parsed
 * (strict, canonical base64, no CR) before any stanza is tried; stanzas are
 * tried identity by identity and the first that opens wins; a malformed
 * X25519 stanza met before that is a header failure, one whose tag does not
 * verify is merely not ours. Secrets on the stack are wiped before return.
 */
#include "crypto/age.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/bech32.h"
#include "util/xmalloc.h"

#define INTRO "age-encryption.org/v1\n"
#define X25519_INFO "age-encryption.org/v1/X25519"
#define CHUNK 65536u
#define TAG 16u
#define LINE_BYTES 48u /* 64 base64 columns */
#define MAX_STANZAS 64
#define MAX_IDS 16

static const char b64chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* One stanza as far as X25519 cares; body keeps its first 32 bytes. */
struct stanza {
	int x25519;        /* type is exactly "X25519" */
	int nargs;         /* arguments after the type */
	const char *share; /* first argument after the type */
	size_t share_len;
	uint8_t body[32];
	size_t body_len; /* full decoded length */
};

struct header {
	struct stanza st[MAX_STANZAS];
	size_t nst;
	size_t mac_end; /* offset just past "---": the MAC covers [0, mac_end) */
	size_t end;     /* offset of the payload nonce */
	uint8_t mac[32];
};

struct key {
	uint8_t sk[32], pk[32];
};

/* ------------------------------------------------------------ primitives */

/* Unpadded base64 of in[0..n) into out (4n/3+1 bytes); returns the length. */
static size_t b64_encode(char *out, const uint8_t *in, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;
		size_t k = n - i < 3 ? n - i : 3;
		if (k > 1)
			v |= (uint32_t)in[i + 1] << 8;
		if (k > 2)
			v |= in[i + 2];
		for (size_t j = 0; j <= k; j++)
			out[o++] = b64chars[(v >> (18 - 6 * j)) & 63];
	}
	out[o] = '\0';
	return o;
}

static int b64_value(char c)
{
	const char *p = c ? strchr(b64chars, c) : NULL;
	return p ? (int)(p - b64chars) : -1;
}

/*
 * Strict unpadded base64: only the standard alphabet, no '=', no newline,
 * unused trailing bits zero. -1 if malformed or longer than cap bytes.
 */
static int b64_decode(const char *s, size_t len, uint8_t *out, size_t cap, size_t *outlen)
{
	if (len % 4 == 1 || len / 4 * 3 + (len % 4 ? len % 4 - 1 : 0) > cap)
		return -1;
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		int v = b64_value(s[i]);
		if (v < 0)
			return -1;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
		acc &= (1u << bits) - 1;
	}
	if (acc != 0)
		return -1;
	*outlen = o;
	return 0;
}

/* HKDF-SHA-256 (RFC 5869) with a 32-byte output: extract, then one expand block. */
static void hkdf(uint8_t out[32], const uint8_t *salt, size_t saltlen, const uint8_t *ikm,
                 size_t ikmlen, const char *info)
{
	uint8_t prk[32], one = 1;
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, salt, saltlen);
	crypto_auth_hmacsha256_update(&st, ikm, ikmlen);
	crypto_auth_hmacsha256_final(&st, prk);
	crypto_auth_hmacsha256_init(&st, prk, sizeof prk);
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)info, strlen(info));
	crypto_auth_hmacsha256_update(&st, &one, 1);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(prk, sizeof prk);
	sodium_memzero(&st, sizeof st);
}

/* The header MAC: HMAC-SHA-256 under HKDF(file key, "header") over hdr[0..n). */
static void header_mac(uint8_t mac[32], const uint8_t fk[16], const uint8_t *hdr, size_t n)
{
	uint8_t k[32];
	static const uint8_t nosalt[32]; /* RFC 5869: an absent salt is HashLen zeros */
	hkdf(k, nosalt, sizeof nosalt, fk, 16, "header");
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, k, sizeof k);
	crypto_auth_hmacsha256_update(&st, hdr, n);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(k, sizeof k);
}

/* The wrap key of an X25519 stanza from the shared secret, share and recipient. */
static void wrap_key(uint8_t k[32], const uint8_t ss[32], const uint8_t share[32],
                     const uint8_t pk[32])
{
	uint8_t salt[64];
	memcpy(salt, share, 32);
	memcpy(salt + 32, pk, 32);
	hkdf(k, salt, sizeof salt, ss, 32, X25519_INFO);
}

/* ------------------------------------------------------------------ keys */

/* Parse "AGE-SECRET-KEY-1…" into a key pair; -1 if malformed. */
static int identity_parse(const char *s, struct key *k)
{
	char hrp[32];
	size_t len;
	if (strncmp(s, "AGE-SECRET-KEY-1", 16) != 0 ||
	    bech32_decode(s, hrp, sizeof hrp, k->sk, sizeof k->sk, &len) != 0 ||
	    strcmp(hrp, "age-secret-key-") != 0 || len != 32)
		return -1;
	crypto_scalarmult_base(k->pk, k->sk);
	return 0;
}

/* Parse "age1…" into a public key; -1 if malformed. */
static int recipient_parse(const char *s, uint8_t pk[32])
{
	char hrp[8];
	size_t len;
	if (strncmp(s, "age1", 4) != 0 || bech32_decode(s, hrp, sizeof hrp, pk, 32, &len) != 0 ||
	    strcmp(hrp, "age") != 0 || len != 32)
		return -1;
	return 0;
}

void age_keygen(char identity[AGE_IDENTITY_SIZE], char recipient[AGE_RECIPIENT_SIZE])
{
	uint8_t sk[32], pk[32];
	randombytes_buf(sk, sizeof sk);
	crypto_scalarmult_base(pk, sk);
	if (bech32_encode(identity, AGE_IDENTITY_SIZE, "age-secret-key-", sk, 32, 1) != 0 ||
	    bech32_encode(recipient, AGE_RECIPIENT_SIZE, "age", pk, 32, 0) != 0)
		abort(); /* sizes are fixed: cannot happen */
	sodium_memzero(sk, sizeof sk);
}

int age_recipient_of(const char *identity, char recipient[AGE_RECIPIENT_SIZE])
{
	struct key k;
	int r = identity_parse(identity, &k);
	if (r == 0)
		r = bech32_encode(recipient, AGE_RECIPIENT_SIZE, "age", k.pk, 32, 0);
	sodium_memzero(&k, sizeof k);
	return r;
}

/* --------------------------------------------------------------- STREAM */

/* The nonce of chunk 'counter': 11-byte big-endian counter, then the last flag. */
static void stream_nonce(uint8_t nonce[12], uint64_t counter, int last)
{
	memset(nonce, 0, 12);
	for (int i = 0; i < 8; i++)
		nonce[10 - i] = (uint8_t)(counter >> (8 * i));
	nonce[11] = last ? 1 : 0;
}

/* The payload key from the file key and the 16-byte payload nonce. */
static void payload_key(uint8_t k[32], const uint8_t fk[16], const uint8_t nonce[16])
{
	hkdf(k, nonce, 16, fk, 16, "payload");
}

/* Encrypt msg[0..n) as STREAM chunks into out (n + 16 per chunk bytes). */
static void stream_seal(uint8_t *out, const uint8_t k[32], const uint8_t *msg, size_t n)
{
	uint64_t counter = 0;
	size_t pos = 0;
	do {
		size_t len = n - pos < CHUNK ? n - pos : CHUNK;
		int last = pos + len == n;
		uint8_t nonce[12];
		stream_nonce(nonce, counter++, last);
		crypto_aead_chacha20poly1305_ietf_encrypt(out, NULL, msg + pos, len, NULL, 0, NULL,
		                                          nonce, k);
		out += len + TAG;
		pos += len;
	} while (pos < n);
}

/* Open one chunk c[0..len) into out with the given flag; 0 or -1. */
static int chunk_open(uint8_t *out, const uint8_t k[32], uint64_t counter, int last,
                      const uint8_t *c, size_t len)
{
	uint8_t nonce[12];
	stream_nonce(nonce, counter, last);
	return crypto_aead_chacha20poly1305_ietf_decrypt(out, NULL, NULL, c, len, NULL, 0, nonce,
	                                                 k);
}

/*
 * Decrypt the chunks in[0..n) into out, which holds n bytes; *outlen counts
 * the plaintext of the chunks that verified, even on failure. As in the
 * reference implementation, a final chunk followed by trailing data is
 * released before the failure is reported.
 */
static enum age_status stream_open(uint8_t *out, size_t *outlen, const uint8_t k[32],
                                   const uint8_t *in, size_t n)
{
	size_t pos = 0;
	*outlen = 0;
	for (uint64_t counter = 0;; counter++) {
		size_t len = n - pos < CHUNK + TAG ? n - pos : CHUNK + TAG;
		int last = len < CHUNK + TAG;
		if (len < TAG) /* no final chunk, or a truncated one */
			return AGE_PAYLOAD;
		uint8_t *o = out + *outlen;
		if (chunk_open(o, k, counter, last, in + pos, len) != 0) {
			/* A full chunk may be the last one. */
			if (last || chunk_open(o, k, counter, 1, in + pos, len) != 0)
				return AGE_PAYLOAD;
			last = 1;
		}
		pos += len;
		if (last && len == TAG && counter > 0)
			return AGE_PAYLOAD; /* an empty final chunk */
		*outlen += len - TAG;
		if (last) /* the last chunk verified, but data may follow it */
			return pos == n ? AGE_OK : AGE_PAYLOAD;
	}
}

/* --------------------------------------------------------------- header */

/* The next '\n'-terminated line at *pos (without '\n'); -1 at end of input. */
static int next_line(const uint8_t *in, size_t n, size_t *pos, const char **line, size_t *len)
{
	const uint8_t *nl = memchr(in + *pos, '\n', n - *pos);
	if (!nl)
		return -1;
	*line = (const char *)in + *pos;
	*len = (size_t)(nl - (in + *pos));
	*pos += *len + 1;
	return 0;
}

/* A stanza argument: non-empty, printable ASCII without space. */
static int arg_valid(const char *a, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] < 33 || a[i] > 126)
			return 0;
	return len > 0;
}

/* Parse the stanza line l[0..len) ("-> type args…") into st; 0 or -1. */
static int stanza_args(struct stanza *st, const char *l, size_t len)
{
	memset(st, 0, sizeof *st);
	st->nargs = -1;
	if (len < 3 || l[2] != ' ')
		return -1;
	for (size_t i = 3, j; i <= len; i = j + 1) {
		for (j = i; j < len && l[j] != ' '; j++)
			;
		if (!arg_valid(l + i, j - i))
			return -1;
		if (st->nargs == -1)
			st->x25519 = j - i == 6 && memcmp(l + i, "X25519", 6) == 0;
		else if (st->nargs == 0) {
			st->share = l + i;
			st->share_len = j - i;
		}
		st->nargs++;
	}
	return 0;
}

/* Read the body lines of a stanza: 64 columns each, ended by a shorter line. */
static int stanza_body(struct stanza *st, const uint8_t *in, size_t n, size_t *pos)
{
	for (;;) {
		const char *l;
		size_t len, got;
		uint8_t b[LINE_BYTES];
		if (next_line(in, n, pos, &l, &len) != 0 || b64_decode(l, len, b, sizeof b, &got) != 0)
			return -1;
		if (st->body_len < sizeof st->body)
			memcpy(st->body + st->body_len, b,
			       got < sizeof st->body - st->body_len ? got : sizeof st->body - st->body_len);
		st->body_len += got;
		if (got < LINE_BYTES)
			return 0;
	}
}

/* The closing line "--- <mac>"; 0 or -1. */
static int footer_parse(struct header *h, const char *l, size_t len)
{
	size_t got;
	if (len < 4 || l[3] != ' ' || memchr(l + 4, ' ', len - 4) != NULL)
		return -1;
	if (b64_decode(l + 4, len - 4, h->mac, sizeof h->mac, &got) != 0 || got != 32)
		return -1;
	return 0;
}

/* Parse the whole header of in[0..n) into h; 0 or -1 (a header failure). */
static int header_parse(struct header *h, const uint8_t *in, size_t n)
{
	size_t pos = strlen(INTRO);
	h->nst = 0;
	if (n < pos || memcmp(in, INTRO, pos) != 0)
		return -1;
	for (;;) {
		const char *l;
		size_t len, start = pos;
		if (next_line(in, n, &pos, &l, &len) != 0)
			return -1;
		if (len >= 3 && memcmp(l, "---", 3) == 0) {
			h->mac_end = start + 3;
			h->end = pos;
			return footer_parse(h, l, len);
		}
		if (len < 2 || memcmp(l, "->", 2) != 0 || h->nst == MAX_STANZAS)
			return -1;
		struct stanza *st = &h->st[h->nst++];
		if (stanza_args(st, l, len) != 0 || st->nargs < 0 || stanza_body(st, in, n, &pos) != 0)
			return -1;
	}
}

/* ---------------------------------------------------------------- wrap */

/* Open an X25519 stanza with key k into fk: AGE_OK, AGE_NO_MATCH or AGE_HEADER. */
static enum age_status stanza_unwrap(uint8_t fk[16], const struct stanza *st, const struct key *k)
{
	uint8_t share[33], ss[32], wk[32], zero[12] = {0};
	size_t len;
	if (!st->x25519)
		return AGE_NO_MATCH;
	if (st->nargs != 1 || st->share_len > 44 ||
	    b64_decode(st->share, st->share_len, share, sizeof share, &len) != 0 || len != 32)
		return AGE_HEADER;
	if (crypto_scalarmult(ss, k->sk, share) != 0) /* all-zero: low-order share */
		return AGE_HEADER;
	if (st->body_len != 16 + TAG)
		return AGE_HEADER;
	wrap_key(wk, ss, share, k->pk);
	int r = crypto_aead_chacha20poly1305_ietf_decrypt(fk, NULL, NULL, st->body, st->body_len,
	                                                  NULL, 0, zero, wk);
	sodium_memzero(ss, sizeof ss);
	sodium_memzero(wk, sizeof wk);
	return r == 0 ? AGE_OK : AGE_NO_MATCH;
}

/* Find the file key: identity by identity, stanza by stanza, first match wins. */
static enum age_status header_unwrap(uint8_t fk[16], const struct header *h,
                                     const struct key *keys, size_t nkeys)
{
	for (size_t i = 0; i < nkeys; i++)
		for (size_t j = 0; j < h->nst; j++) {
			enum age_status r = stanza_unwrap(fk, &h->st[j], &keys[i]);
			if (r != AGE_NO_MATCH)
				return r;
		}
	return AGE_NO_MATCH;
}

/* Write the header for one recipient into hdr (256 bytes); its length, 0 if
 * the recipient is a low-order point. */
static size_t header_write(char *hdr, const uint8_t fk[16], const uint8_t pk[32])
{
	uint8_t esk[32], share[32], ss[32], wk[32], body[32], mac[32], zero[12] = {0};
	char s64[48], b64[48], m64[48];
	randombytes_buf(esk, sizeof esk);
	crypto_scalarmult_base(share, esk);
	if (crypto_scalarmult(ss, esk, pk) != 0) {
		sodium_memzero(esk, sizeof esk);
		return 0;
	}
	wrap_key(wk, ss, share, pk);
	crypto_aead_chacha20poly1305_ietf_encrypt(body, NULL, fk, 16, NULL, 0, NULL, zero, wk);
	b64_encode(s64, share, 32);
	b64_encode(b64, body, 32);
	int n = snprintf(hdr, 256, INTRO "-> X25519 %s\n%s\n---", s64, b64);
	header_mac(mac, fk, (const uint8_t *)hdr, (size_t)n);
	b64_encode(m64, mac, 32);
	n += snprintf(hdr + n, (size_t)(256 - n), " %s\n", m64);
	sodium_memzero(esk, sizeof esk);
	sodium_memzero(ss, sizeof ss);
	sodium_memzero(wk, sizeof wk);
	return (size_t)n;
}

/* ------------------------------------------------------------ the API */

int age_encrypt(const char *recipient, const uint8_t *msg, size_t n, uint8_t **out,
                size_t *outlen)
{
	uint8_t pk[32], fk[16], k[32];
	char hdr[256];
	if (recipient_parse(recipient, pk) != 0)
		return -1;
	randombytes_buf(fk, sizeof fk);
	size_t hlen = header_write(hdr, fk, pk);
	if (hlen == 0)
		return -1;
	size_t chunks = n == 0 ? 1 : (n + CHUNK - 1) / CHUNK;
	uint8_t *b = xmalloc(hlen + 16 + n + chunks * TAG);
	memcpy(b, hdr, hlen);
	randombytes_buf(b + hlen, 16);
	payload_key(k, fk, b + hlen);
	stream_seal(b + hlen + 16, k, msg, n);
	sodium_memzero(fk, sizeof fk);
	sodium_memzero(k, sizeof k);
	*out = b;
	*outlen = hlen + 16 + n + chunks * TAG;
	return 0;
}

/* Everything after the identities are parsed; fk is wiped by the caller. */
static enum age_status decrypt_keys(const struct key *keys, size_t nkeys, const uint8_t *in,
                                    size_t n, uint8_t *out, size_t *outlen, uint8_t fk[16])
{
	struct header *h = xmalloc(sizeof *h);
	uint8_t mac[32], k[32];
	enum age_status r = AGE_HEADER;
	if (header_parse(h, in, n) != 0)
		goto done;
	if ((r = header_unwrap(fk, h, keys, nkeys)) != AGE_OK)
		goto done;
	header_mac(mac, fk, in, h->mac_end);
	r = AGE_HMAC;
	if (sodium_memcmp(mac, h->mac, 32) != 0)
		goto done;
	r = AGE_HEADER;
	if (n - h->end < 16) /* no payload nonce */
		goto done;
	payload_key(k, fk, in + h->end);
	r = stream_open(out, outlen, k, in + h->end + 16, n - h->end - 16);
	sodium_memzero(k, sizeof k);
done:
	free(h);
	return r;
}

enum age_status age_decrypt_any(const char *const *identities, size_t nid, const uint8_t *in,
                                size_t n, uint8_t **out, size_t *outlen)
{
	struct key keys[MAX_IDS];
	uint8_t fk[16];
	enum age_status r = AGE_BAD_IDENTITY;
	*out = xmalloc(n ? n : 1);
	*outlen = 0;
	if (nid == 0 || nid > MAX_IDS)
		return r;
	for (size_t i = 0; i < nid; i++)
		if (identity_parse(identities[i], &keys[i]) != 0)
			goto done;
	r = decrypt_keys(keys, nid, in, n, *out, outlen, fk);
done:
	sodium_memzero(keys, sizeof keys);
	sodium_memzero(fk, sizeof fk);
	return r;
}

enum age_status age_decrypt(const char *identity, const uint8_t *in, size_t n, uint8_t **out,
                            size_t *outlen)
{
	return age_decrypt_any(&identity, 1, in, n, out, outlen);
}
