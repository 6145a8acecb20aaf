/*
 * test_age: the age v1 module — key formatting, round trips around the
 * 64 KiB chunk size, wrong identities and damaged files, the C2SP CCTV
 * vectors (X25519, header, HMAC, STREAM), and, where the `age` tool is
 * installed, that it opens what we write.
 */
#define _GNU_SOURCE /* memmem, mkdtemp */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_ZLIB
#include <zlib.h>
#endif

#include "crypto/age.h"

static void setup(void)
{
	cr_assert(sodium_init() >= 0);
}

TestSuite(age, .init = setup);

/* The identity of the CCTV vectors. */
static char cctv_identity[] =
	"AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

/* ------------------------------------------------------------- helpers */

/* Deterministic test message of n bytes. */
static uint8_t *message(size_t n)
{
	uint8_t *m = malloc(n ? n : 1);
	cr_assert_not_null(m);
	for (size_t i = 0; i < n; i++)
		m[i] = (uint8_t)(i * 7 + (i >> 8));
	return m;
}

/* Encrypt n bytes to a fresh key and decrypt them again. */
static void round_trip(size_t n)
{
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	uint8_t *m = message(n), *c, *p;
	size_t clen, plen;
	age_keygen(id, rcpt);
	cr_assert_eq(age_encrypt(rcpt, m, n, &c, &clen), 0);
	size_t chunks = n == 0 ? 1 : (n + 65535) / 65536;
	cr_assert_gt(clen, n + 16 * chunks + 16);
	cr_assert_eq(age_decrypt(id, c, clen, &p, &plen), AGE_OK, "n=%zu", n);
	cr_assert_eq(plen, n);
	cr_assert(n == 0 || memcmp(p, m, n) == 0);
	free(m);
	free(c);
	free(p);
}

/* ---------------------------------------------------------- round trips */

Test(age, round_trips)
{
	static const size_t sizes[] = {0, 1, 65535, 65536, 65537, 131072, 200 * 1024};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		round_trip(sizes[i]);
}

Test(age, key_format)
{
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE], again[AGE_RECIPIENT_SIZE];
	age_keygen(id, rcpt);
	cr_assert_eq(strlen(id), AGE_IDENTITY_SIZE - 1);
	cr_assert_eq(strlen(rcpt), AGE_RECIPIENT_SIZE - 1);
	cr_assert_eq(strncmp(id, "AGE-SECRET-KEY-1", 16), 0);
	cr_assert_eq(strncmp(rcpt, "age1", 4), 0);
	cr_assert_eq(age_recipient_of(id, again), 0);
	cr_assert_str_eq(again, rcpt);
	/* The identity of the CCTV vectors. */
	cr_assert_eq(age_recipient_of(cctv_identity, again), 0);
	cr_assert_eq(strncmp(again, "age1", 4), 0);
	/* Malformed: lower-case identity, flipped checksum, recipient as identity. */
	char low[AGE_IDENTITY_SIZE];
	for (size_t i = 0; i < sizeof low; i++)
		low[i] = (char)(id[i] >= 'A' && id[i] <= 'Z' ? id[i] + 32 : id[i]);
	cr_assert_eq(age_recipient_of(low, again), -1);
	id[70] = id[70] == 'Q' ? 'P' : 'Q';
	cr_assert_eq(age_recipient_of(id, again), -1);
	cr_assert_eq(age_recipient_of(rcpt, again), -1);
	uint8_t *c;
	size_t clen;
	cr_assert_eq(age_encrypt("age1notarecipient", (const uint8_t *)"x", 1, &c, &clen), -1);
	cr_assert_eq(age_encrypt(id, (const uint8_t *)"x", 1, &c, &clen), -1);
}

Test(age, wrong_identity)
{
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE], other[AGE_IDENTITY_SIZE],
	    orcpt[AGE_RECIPIENT_SIZE];
	uint8_t *c, *p;
	size_t clen, plen;
	age_keygen(id, rcpt);
	age_keygen(other, orcpt);
	cr_assert_eq(age_encrypt(rcpt, (const uint8_t *)"secret", 6, &c, &clen), 0);
	cr_assert_eq(age_decrypt(other, c, clen, &p, &plen), AGE_NO_MATCH);
	cr_assert_eq(plen, 0);
	free(p);
	const char *both[] = {other, id};
	cr_assert_eq(age_decrypt_any(both, 2, c, clen, &p, &plen), AGE_OK);
	cr_assert_eq(plen, 6);
	free(p);
	cr_assert_eq(age_decrypt("AGE-SECRET-KEY-1", c, clen, &p, &plen), AGE_BAD_IDENTITY);
	free(p);
	free(c);
}

/*
 * Decrypt c with byte 'at' changed (bit 0 flipped, or, in base64 text, set to
 * another base64 digit so that only the value changes); the result must be 'want'.
 */
static void flip(const char *id, const uint8_t *c, size_t clen, size_t at, enum age_status want,
                 size_t want_plen)
{
	uint8_t *d = malloc(clen), *p;
	size_t plen;
	memcpy(d, c, clen);
	d[at] ^= 0x01;
	if (want == AGE_HMAC || want == AGE_NO_MATCH)
		d[at] = c[at] == 'A' ? 'B' : 'A';
	cr_assert_eq(age_decrypt(id, d, clen, &p, &plen), want, "byte %zu", at);
	cr_assert_eq(plen, want_plen, "byte %zu", at);
	free(p);
	free(d);
}

Test(age, flipped_bits)
{
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	size_t n = 70000, clen;
	uint8_t *m = message(n), *c;
	age_keygen(id, rcpt);
	cr_assert_eq(age_encrypt(rcpt, m, n, &c, &clen), 0);
	const uint8_t *mac = memmem(c, clen, "\n--- ", 5);
	cr_assert_not_null(mac);
	size_t hend = (size_t)((const uint8_t *)memchr(mac + 1, '\n', clen) - c) + 1;
	flip(id, c, clen, 3, AGE_HEADER, 0);            /* the intro line */
	flip(id, c, clen, 23, AGE_HEADER, 0);           /* "->" becomes "-?" */
	flip(id, c, clen, (size_t)(mac - c) + 1, AGE_HEADER, 0); /* "---" */
	flip(id, c, clen, (size_t)(mac - c) + 6, AGE_HMAC, 0);   /* the MAC */
	const uint8_t *body = memchr(c + 23, '\n', clen - 23);
	flip(id, c, clen, (size_t)(body - c) + 2, AGE_NO_MATCH, 0); /* wrapped file key */
	flip(id, c, clen, 40, AGE_NO_MATCH, 0);         /* the share: another key */
	flip(id, c, clen, hend, AGE_PAYLOAD, 0);        /* the payload nonce */
	flip(id, c, clen, hend + 16 + 10, AGE_PAYLOAD, 0);      /* first chunk */
	flip(id, c, clen, clen - 1, AGE_PAYLOAD, 65536); /* last chunk's tag */
	uint8_t *p;
	size_t plen;
	cr_assert_eq(age_decrypt(id, c, hend + 10, &p, &plen), AGE_HEADER); /* short nonce */
	free(p);
	cr_assert_eq(age_decrypt(id, c, clen - 1, &p, &plen), AGE_PAYLOAD); /* truncated */
	cr_assert_eq(plen, 65536);
	cr_assert_eq(memcmp(p, m, plen), 0);
	free(p);
	free(m);
	free(c);
}

/* ------------------------------------------------------------- vectors */

#define MAX_VID 8

struct vector {
	char expect[32], payload[65], *ids[MAX_VID];
	size_t nids;
	int zlib;
	uint8_t *body; /* the age file, decompressed */
	size_t blen;
};

/* Read a whole file; NULL if it cannot be read. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	uint8_t *b = malloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0)
		if ((n += got) == cap)
			b = realloc(b, cap *= 2);
	fclose(f);
	*len = n;
	return b;
}

/* Inflate a zlib stream; 0, -1 if corrupt, 1 if zlib is not available. */
static int inflate_all(const uint8_t *in, size_t n, uint8_t **out, size_t *outlen)
{
#ifdef HAVE_ZLIB
	for (uLongf cap = 1 << 20;; cap *= 2) {
		uLongf len = cap;
		uint8_t *b = malloc(cap);
		int r = uncompress(b, &len, in, (uLong)n);
		if (r == Z_OK) {
			*out = b;
			*outlen = len;
			return 0;
		}
		free(b);
		if (r != Z_BUF_ERROR || cap > (1u << 30))
			return -1;
	}
#else
	(void)in, (void)n, (void)out, (void)outlen;
	return 1;
#endif
}

/* Split a vector file into its keys and the age file; 0, -1, or 1 (skip). */
static int vector_parse(struct vector *v, uint8_t *raw, size_t n)
{
	size_t pos = 0;
	memset(v, 0, sizeof *v);
	while (pos < n && raw[pos] != '\n') {
		uint8_t *nl = memchr(raw + pos, '\n', n - pos);
		if (!nl)
			return -1;
		*nl = '\0';
		char *l = (char *)raw + pos, *val = strstr(l, ": ");
		pos = (size_t)(nl - raw) + 1;
		if (!val)
			return -1;
		*val = '\0';
		val += 2;
		if (strcmp(l, "expect") == 0)
			snprintf(v->expect, sizeof v->expect, "%s", val);
		else if (strcmp(l, "payload") == 0)
			snprintf(v->payload, sizeof v->payload, "%s", val);
		else if (strcmp(l, "identity") == 0 && v->nids < MAX_VID)
			v->ids[v->nids++] = val;
		else if (strcmp(l, "compressed") == 0)
			v->zlib = strcmp(val, "zlib") == 0 ? 1 : -1;
	}
	if (pos >= n || v->zlib < 0)
		return -1;
	pos++;
	if (!v->zlib) {
		v->blen = n - pos;
		v->body = malloc(v->blen ? v->blen : 1);
		memcpy(v->body, raw + pos, v->blen);
		return 0;
	}
	return inflate_all(raw + pos, n - pos, &v->body, &v->blen);
}

static const char *status_name(enum age_status s)
{
	switch (s) {
	case AGE_OK: return "success";
	case AGE_NO_MATCH: return "no match";
	case AGE_HEADER: return "header failure";
	case AGE_HMAC: return "HMAC failure";
	case AGE_PAYLOAD: return "payload failure";
	case AGE_BAD_IDENTITY: return "bad identity";
	}
	return "?";
}

/*
 * Run one vector: 0 pass, 1 fail, 2 skipped. Every failure kind of the
 * vectors has its own enum value, so none are aliased; a missing or short
 * payload nonce is a header failure, as the vectors expect.
 */
static int vector_run(const char *dir, const char *name)
{
	char path[1024], hex[65];
	size_t n, plen;
	uint8_t *raw, *p, hash[32];
	struct vector v;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(raw = slurp(path, &n)))
		return 1;
	int r = vector_parse(&v, raw, n);
	if (r != 0) {
		if (r > 0)
			printf("age vector %s: skipped, built without zlib\n", name);
		free(raw);
		return r > 0 ? 2 : 1;
	}
	if (v.nids == 0) /* "empty" names no identity: any will do */
		v.ids[v.nids++] = cctv_identity;
	enum age_status s = age_decrypt_any((const char *const *)v.ids, v.nids, v.body, v.blen,
	                                    &p, &plen);
	crypto_hash_sha256(hash, p, plen);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	int fail = strcmp(status_name(s), v.expect) != 0 || (v.payload[0] && strcmp(hex, v.payload) != 0) ||
	           (!v.payload[0] && plen != 0);
	if (fail)
		printf("age vector %s: FAIL: got %s, %zu bytes, sha256 %s; expected %s, %s\n", name,
		       status_name(s), plen, hex, v.expect, v.payload);
	free(p);
	free(v.body);
	free(raw);
	return fail;
}

Test(age, vectors)
{
#ifndef AGE_VECTORS
	cr_skip_test("AGE_VECTORS not defined");
#else
	DIR *d = opendir(AGE_VECTORS);
	if (!d)
		cr_skip_test("age test vectors not found at %s", AGE_VECTORS);
	int count[3] = {0};
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			count[vector_run(AGE_VECTORS, e->d_name)]++;
	closedir(d);
	printf("age vectors: %d passed, %d failed, %d skipped\n", count[0], count[1], count[2]);
	cr_assert_eq(count[1], 0, "%d age vectors failed", count[1]);
	cr_assert_gt(count[0], 0);
#endif
}

/* ------------------------------------------------------- interoperation */

Test(age, interop_age_tool)
{
	if (system("command -v age >/dev/null 2>&1") != 0)
		cr_skip_test("the age tool is not installed; interoperation not checked");
	char dir[] = "/tmp/fbage-XXXXXX", path[256], cmd[1024];
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	size_t n = 100000, clen, plen;
	uint8_t *m = message(n), *c, *p;
	cr_assert_not_null(mkdtemp(dir));
	age_keygen(id, rcpt);
	cr_assert_eq(age_encrypt(rcpt, m, n, &c, &clen), 0);
	snprintf(path, sizeof path, "%s/key", dir);
	FILE *f = fopen(path, "w");
	fprintf(f, "%s\n", id);
	fclose(f);
	snprintf(path, sizeof path, "%s/msg.age", dir);
	f = fopen(path, "wb");
	fwrite(c, 1, clen, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "age -d -i %s/key -o %s/msg %s/msg.age", dir, dir, dir);
	cr_assert_eq(system(cmd), 0);
	snprintf(path, sizeof path, "%s/msg", dir);
	p = slurp(path, &plen);
	cr_assert_eq(plen, n);
	cr_assert_eq(memcmp(p, m, n), 0);
	/* The other way: the age tool encrypts to our recipient, we decrypt. */
	snprintf(cmd, sizeof cmd, "age -r %s -o %s/back.age %s/msg", rcpt, dir, dir);
	cr_assert_eq(system(cmd), 0);
	snprintf(path, sizeof path, "%s/back.age", dir);
	size_t blen, dlen;
	uint8_t *back = slurp(path, &blen), *dec;
	cr_assert_eq(age_decrypt(id, back, blen, &dec, &dlen), AGE_OK);
	cr_assert_eq(dlen, n);
	cr_assert_eq(memcmp(dec, m, n), 0);
	free(back);
	free(dec);
	snprintf(cmd, sizeof cmd, "rm -r %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(m);
	free(c);
	free(p);
}
