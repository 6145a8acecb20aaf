/*
 * test_sign: minisign keys and signatures — round trips, every kind of
 * tampering, strict parsing of damaged texts (always from buffers without a
 * terminating NUL, so that a read past the end shows under ASan), the
 * legacy "Ed" algorithm, and, where the `minisign` tool is installed, that
 * it and this module accept each other's keys and signatures.
 */
#define _GNU_SOURCE /* mkdtemp */
#include <criterion/criterion.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/sign.h"

static void setup(void)
{
	cr_assert(sodium_init() >= 0);
}

TestSuite(sign, .init = setup);

/* ------------------------------------------------------------- helpers */

struct kp {
	uint8_t pk[SIGN_PK_BYTES], sk[SIGN_SK_BYTES];
	struct sign_pub pub;
};

static void keypair(struct kp *k)
{
	crypto_sign_keypair(k->pk, k->sk);
	memcpy(k->pub.pk, k->pk, SIGN_PK_BYTES);
	sign_keyid(k->pk, k->pub.keyid);
}

static const uint8_t msg[] = "Antworten der Kommune Musterstadt\n";
#define MSG_LEN (sizeof msg - 1)

/* Verify a text through an exact-size heap copy without NUL. */
static enum sign_status verify_text(const struct kp *k, const uint8_t *m, size_t n,
                                    const char *sig, char **comment)
{
	size_t len = strlen(sig);
	char *copy = malloc(len ? len : 1);
	cr_assert_not_null(copy);
	memcpy(copy, sig, len);
	enum sign_status st = sign_verify(&k->pub, m, n, copy, len, comment);
	free(copy);
	return st;
}

static enum sign_status parse_pub(const char *text, struct sign_pub *out)
{
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);
	cr_assert_not_null(copy);
	memcpy(copy, text, len);
	enum sign_status st = sign_pubkey_parse(copy, len, out);
	free(copy);
	return st;
}

/* Line i (0-based) of a text, malloc'ed, without its newline. */
static char *line_of(const char *text, int i)
{
	const char *p = text;
	for (; i > 0; i--) {
		p = strchr(p, '\n');
		cr_assert_not_null(p);
		p++;
	}
	return strndup(p, strcspn(p, "\n"));
}

/* The text with line i replaced by 'repl'. */
static char *with_line(const char *text, int i, const char *repl)
{
	char *out = malloc(strlen(text) + strlen(repl) + 2);
	cr_assert_not_null(out);
	const char *p = text;
	out[0] = '\0';
	for (int k = 0; *p; k++) {
		size_t n = strcspn(p, "\n");
		if (k == i)
			strcat(out, repl);
		else
			strncat(out, p, n);
		p += n;
		if (*p == '\n') {
			strcat(out, "\n");
			p++;
		}
	}
	return out;
}

/* Decode a base64 line (test side); returns the byte count. */
static size_t b64_decode(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	cr_assert_eq(sodium_base642bin(out, max, s, strlen(s), NULL, &n, NULL,
	                               sodium_base64_VARIANT_ORIGINAL), 0, "%s", s);
	return n;
}

static char *b64_encode(const uint8_t *raw, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *s = malloc(len);
	cr_assert_not_null(s);
	return sodium_bin2base64(s, len, raw, n, sodium_base64_VARIANT_ORIGINAL);
}

/* a ‖ b ‖ c, malloc'ed; b may be cut to its first 'bn' bytes. */
static char *cat(const char *a, const char *b, size_t bn, const char *c)
{
	size_t la = strlen(a), lb = strnlen(b, bn), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);
	cr_assert_not_null(s);
	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	memcpy(s + la + lb, c, lc + 1);
	return s;
}

/* Flip one bit of the decoded line i and put it back. */
static char *flip_in_line(const char *sig, int i, size_t byte, int bit)
{
	uint8_t raw[128];
	char *l = line_of(sig, i);
	size_t n = b64_decode(l, raw, sizeof raw);
	cr_assert_lt(byte, n);
	raw[byte] ^= (uint8_t)(1u << bit);
	char *enc = b64_encode(raw, n), *out = with_line(sig, i, enc);
	free(l);
	free(enc);
	return out;
}

/* ------------------------------------------------------------ round trip */

Test(sign, round_trip)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "timestamp:1480000000\tfile:export.csv");
	cr_assert_not_null(sig);
	char *c = NULL;
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, sig, &c), SIGN_OK);
	cr_assert_str_eq(c, "timestamp:1480000000\tfile:export.csv");
	free(c);
	/* Without asking for the comment, and with an empty message and comment. */
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, sig, NULL), SIGN_OK);
	free(sig);
	sig = sign_detached(k.sk, (const uint8_t *)"", 0, "");
	cr_assert_eq(verify_text(&k, (const uint8_t *)"", 0, sig, &c), SIGN_OK);
	cr_assert_str_eq(c, "");
	free(c);
	free(sig);
}

Test(sign, layout_of_signature_and_key)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "Kommentar");
	char *l0 = line_of(sig, 0), *l1 = line_of(sig, 1), *l2 = line_of(sig, 2),
	     *l3 = line_of(sig, 3);
	cr_assert_eq(strncmp(l0, "untrusted comment: ", 19), 0);
	cr_assert_eq(strlen(l1), 100);
	cr_assert_str_eq(l2, "trusted comment: Kommentar");
	cr_assert_eq(strlen(l3), 88);
	cr_assert_eq(sig[strlen(sig) - 1], '\n');
	/* The key id in the signature is the one derived from the key. */
	uint8_t raw[80];
	cr_assert_eq(b64_decode(l1, raw, sizeof raw), 74);
	cr_assert(raw[0] == 'E' && raw[1] == 'D', "prehashed ED expected: %s", l1);
	cr_assert_eq(memcmp(raw + 2, k.pub.keyid, 8), 0);
	char *pub = sign_pubkey_base64(k.pk);
	cr_assert_eq(strlen(pub), 56);
	cr_assert_eq(b64_decode(pub, raw, sizeof raw), 42);
	cr_assert(raw[0] == 'E' && raw[1] == 'd');
	char *file = sign_pubkey_file(k.pk);
	char hex[17];
	sign_keyid_hex(k.pub.keyid, hex);
	char *f0 = line_of(file, 0), *f1 = line_of(file, 1);
	cr_assert_eq(strncmp(f0, "untrusted comment: ", 19), 0);
	cr_assert_not_null(strstr(f0, hex));
	cr_assert_str_eq(f1, pub);
	free(l0), free(l1), free(l2), free(l3), free(f0), free(f1);
	free(sig), free(pub), free(file);
}

Test(sign, keyid_and_fingerprint)
{
	uint8_t pk[32], h[32], id[8];
	for (int i = 0; i < 32; i++)
		pk[i] = (uint8_t)i;
	sign_keyid(pk, id);
	crypto_generichash(h, 32, pk, 32, NULL, 0);
	cr_assert_eq(memcmp(id, h, 8), 0);
	const uint8_t fixed[8] = {0x17, 0x41, 0x36, 0x47, 0xB2, 0x91, 0xEC, 0x39};
	char hex[17];
	sign_keyid_hex(fixed, hex);
	cr_assert_str_eq(hex, "39EC91B247364117"); /* as minisign prints it */

	char a[SIGN_FINGERPRINT_SIZE], b[SIGN_FINGERPRINT_SIZE];
	sign_fingerprint(pk, a);
	sign_fingerprint(pk, b);
	cr_assert_str_eq(a, b);
	cr_assert_eq(strlen(a), 19);
	for (int i = 0; i < 19; i++) {
		if (i % 5 == 4)
			cr_assert_eq(a[i], '-', "%s", a);
		else
			cr_assert(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ", a[i]) && a[i], "%s", a);
	}
	pk[31] ^= 1;
	sign_fingerprint(pk, b);
	cr_assert_str_neq(a, b);
}

/* ------------------------------------------------------------ tampering */

Test(sign, tampering_fails)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "Kommune 09162000");
	uint8_t m2[sizeof msg];
	char *c = (char *)1;
	for (size_t i = 0; i < MSG_LEN; i += 5) {
		memcpy(m2, msg, sizeof msg);
		m2[i] ^= 0x10;
		cr_assert_eq(verify_text(&k, m2, MSG_LEN, sig, &c), SIGN_BAD, "byte %zu", i);
		cr_assert_null(c);
	}
	cr_assert_eq(verify_text(&k, msg, MSG_LEN - 1, sig, NULL), SIGN_BAD);
	/* Every bit of the Ed25519 signature, a sample of the global one. */
	for (size_t b = 10; b < 74; b++) {
		char *t = flip_in_line(sig, 1, b, (int)(b % 8));
		cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_BAD, "byte %zu", b);
		free(t);
	}
	for (size_t b = 0; b < 64; b += 7) {
		char *t = flip_in_line(sig, 3, b, 3);
		cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_BAD);
		free(t);
	}
	/* The trusted comment is signed; the untrusted one is not. */
	const char *tc[] = {"trusted comment: Kommune 09162001", "trusted comment: Kommune 09162000 ",
	                    "trusted comment: kommune 09162000", "trusted comment: "};
	for (size_t i = 0; i < sizeof tc / sizeof tc[0]; i++) {
		char *t = with_line(sig, 2, tc[i]);
		cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, &c), SIGN_BAD, "%s", tc[i]);
		cr_assert_null(c);
		free(t);
	}
	char *t = with_line(sig, 0, "untrusted comment: beliebig geändert");
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_OK);
	free(t);
	free(sig);
}

Test(sign, wrong_key)
{
	struct kp a, b;
	keypair(&a);
	keypair(&b);
	char *sig = sign_detached(a.sk, msg, MSG_LEN, "x");
	cr_assert_eq(verify_text(&b, msg, MSG_LEN, sig, NULL), SIGN_WRONG_KEY);
	/* The right key under another id, and another key under the right id. */
	struct kp c = a;
	c.pub.keyid[0] ^= 1;
	cr_assert_eq(verify_text(&c, msg, MSG_LEN, sig, NULL), SIGN_WRONG_KEY);
	memcpy(b.pub.keyid, a.pub.keyid, 8);
	cr_assert_eq(verify_text(&b, msg, MSG_LEN, sig, NULL), SIGN_BAD);
	/* A changed key id inside the signature. */
	char *t = flip_in_line(sig, 1, 4, 0);
	cr_assert_eq(verify_text(&a, msg, MSG_LEN, t, NULL), SIGN_WRONG_KEY);
	free(t);
	free(sig);
}

/* ------------------------------------------------------------ malformed */

Test(sign, malformed_signatures)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "gut");
	char *l1 = line_of(sig, 1), *l3 = line_of(sig, 3);
	char buf[1024];
	const char *bad[] = {
		"", "\n", "untrusted comment: x\n",
		"untrusted comment: x\nRUQ=\ntrusted comment: y\nAAAA\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(verify_text(&k, msg, MSG_LEN, bad[i], NULL), SIGN_MALFORMED, "%zu", i);
	/* Wrong or missing prefixes, extra lines, damaged base64. */
	struct {
		int line;
		char *text;
	} edits[] = {
		{0, cat("untrusted comment:x", "", 0, "")}, {0, cat("Untrusted comment: x", "", 0, "")},
		{0, cat("", "", 0, "")},                     {2, cat("trusted comment:gut", "", 0, "")},
		{2, cat("trusted  comment: gut", "", 0, "")}, {2, cat("gut", "", 0, "")},
		{1, cat("", l1, 100, "=")},  {1, cat("", l1, 100, " ")}, {1, cat(" ", l1, 100, "")},
		{1, cat("", l1, 99, "")},    {1, cat("", l1, 96, "")},   {1, cat("", l1, 98, "*=")},
		{3, cat("", l3, 86, "")},    {3, cat("", l3, 87, "A")},  {3, cat("", l3, 88, "\t")},
	};
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		char *t = with_line(sig, edits[i].line, edits[i].text);
		cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_MALFORMED, "%s", t);
		free(t);
		free(edits[i].text);
	}
	snprintf(buf, sizeof buf, "%s\n", sig);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, buf, NULL), SIGN_MALFORMED, "blank line");
	snprintf(buf, sizeof buf, "%sx", sig);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, buf, NULL), SIGN_MALFORMED, "5th line");
	snprintf(buf, sizeof buf, "%s%s\n", sig, l3);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, buf, NULL), SIGN_MALFORMED, "5th line");
	/* Non-canonical base64: the unused low bits of the last character set. */
	snprintf(buf, sizeof buf, "%s", l3);
	buf[85] = buf[85] == 'A' ? 'B' : (char)(buf[85] ^ 1);
	char *t = with_line(sig, 3, buf);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_MALFORMED, "%s", buf);
	free(t);
	free(l1), free(l3), free(sig);
}

Test(sign, line_endings_and_bytes_in_comments)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "Straße");
	/* No final newline, and CRLF line endings, are tolerated. */
	char buf[1024];
	snprintf(buf, sizeof buf, "%.*s", (int)strlen(sig) - 1, sig);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, buf, NULL), SIGN_OK);
	size_t o = 0;
	for (const char *p = sig; *p; p++) {
		if (*p == '\n')
			buf[o++] = '\r';
		buf[o++] = *p;
	}
	buf[o] = '\0';
	char *c;
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, buf, &c), SIGN_OK);
	cr_assert_str_eq(c, "Straße");
	free(c);
	/* A NUL or CR inside the comment is refused before any check. */
	o = strlen(sig);
	memcpy(buf, sig, o);
	char *nul = strstr(buf, "Straße");
	nul[2] = '\0';
	cr_assert_eq(sign_verify(&k.pub, msg, MSG_LEN, buf, o, NULL), SIGN_MALFORMED);
	nul[2] = '\r';
	cr_assert_eq(sign_verify(&k.pub, msg, MSG_LEN, buf, o, NULL), SIGN_MALFORMED);
	/* Comments sign_detached() refuses. */
	cr_assert_null(sign_detached(k.sk, msg, MSG_LEN, "zwei\nZeilen"));
	cr_assert_null(sign_detached(k.sk, msg, MSG_LEN, "cr\r"));
	char *big = malloc(SIGN_COMMENT_MAX + 2);
	memset(big, 'x', SIGN_COMMENT_MAX + 1);
	big[SIGN_COMMENT_MAX + 1] = '\0';
	cr_assert_null(sign_detached(k.sk, msg, MSG_LEN, big));
	big[SIGN_COMMENT_MAX] = '\0';
	char *s2 = sign_detached(k.sk, msg, MSG_LEN, big);
	cr_assert_not_null(s2);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, s2, NULL), SIGN_OK);
	free(s2), free(big), free(sig);
}

Test(sign, unsupported_algorithm)
{
	struct kp k;
	keypair(&k);
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "a");
	char *t = flip_in_line(sig, 1, 1, 1); /* "ED" -> "EF" */
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_UNSUPPORTED);
	free(t);
	free(sig);
	/* A key of another algorithm. */
	char *pub = sign_pubkey_base64(k.pk);
	uint8_t raw[64];
	size_t n = b64_decode(pub, raw, sizeof raw);
	raw[1] = 'X';
	char *other = b64_encode(raw, n);
	struct sign_pub p;
	cr_assert_eq(parse_pub(other, &p), SIGN_UNSUPPORTED);
	free(other), free(pub);
	cr_assert_neq(sign_message(SIGN_UNSUPPORTED)[0], '?');
}

Test(sign, legacy_ed_signatures)
{
	struct kp k;
	keypair(&k);
	/* Built by hand: Ed25519 over the message itself, tagged "Ed". */
	uint8_t raw[74], global[64 + 10];
	raw[0] = 'E', raw[1] = 'd';
	memcpy(raw + 2, k.pub.keyid, 8);
	crypto_sign_detached(raw + 10, NULL, msg, MSG_LEN, k.sk);
	uint8_t gm[64 + 3];
	memcpy(gm, raw + 10, 64);
	memcpy(gm + 64, "alt", 3);
	crypto_sign_detached(global, NULL, gm, sizeof gm, k.sk);
	char *b1 = b64_encode(raw, 74), *b2 = b64_encode(global, 64), text[512];
	snprintf(text, sizeof text, "untrusted comment: x\n%s\ntrusted comment: alt\n%s\n", b1, b2);
	char *c;
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, text, &c), SIGN_OK);
	cr_assert_str_eq(c, "alt");
	free(c);
	cr_assert_eq(verify_text(&k, msg, MSG_LEN - 1, text, NULL), SIGN_BAD);
	/* The same signature tagged as prehashed does not verify. */
	char *t = flip_in_line(text, 1, 1, 5); /* 'd' (0x64) -> 'D' (0x44) */
	cr_assert_eq(verify_text(&k, msg, MSG_LEN, t, NULL), SIGN_BAD);
	free(t), free(b1), free(b2);
}

Test(sign, public_key_parsing)
{
	struct kp k;
	keypair(&k);
	char *file = sign_pubkey_file(k.pk), *line = sign_pubkey_base64(k.pk), buf[512];
	struct sign_pub p;
	cr_assert_eq(parse_pub(file, &p), SIGN_OK);
	cr_assert_eq(memcmp(&p, &k.pub, sizeof p), 0);
	memset(&p, 0, sizeof p);
	cr_assert_eq(parse_pub(line, &p), SIGN_OK);
	cr_assert_eq(memcmp(&p, &k.pub, sizeof p), 0);
	snprintf(buf, sizeof buf, "%s\r\n", line);
	cr_assert_eq(parse_pub(buf, &p), SIGN_OK);
	char *bad[] = {
		cat("", line, 56, "\n\n"), cat("", line, 56, "\nx"), cat("x\n", line, 56, ""),
		cat("untrusted comment: x\n", "", 0, ""), cat("untrusted comment: x\n\n", line, 56, ""),
		cat("untrusted comment: a\nuntrusted comment: b\n", line, 56, ""),
		cat(" ", line, 56, ""), cat("", line, 55, ""), cat("", line, 56, "A"),
		cat("", line, 56, "="),
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(parse_pub(bad[i], &p), SIGN_MALFORMED, "%s", bad[i]);
		free(bad[i]);
	}
	snprintf(buf, sizeof buf, "%s", file);
	buf[strlen(buf) - 3] = '!';
	cr_assert_eq(parse_pub(buf, &p), SIGN_MALFORMED);
	cr_assert_eq(parse_pub("", &p), SIGN_MALFORMED);
	free(file), free(line);
}

/* ------------------------------------------------- minisign interoperation */

/* A fresh folder, or a skip if minisign is missing. */
static char *minisign_dir(void)
{
	if (system("command -v minisign >/dev/null 2>&1") != 0)
		cr_skip_test("minisign ist nicht installiert; das Zusammenspiel wird nicht geprüft");
	char tmpl[] = "/tmp/test_sign_XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	return strdup(tmpl);
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char *buf = malloc(65536);
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

static void spill(const char *dir, const char *name, const void *p, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(p, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

static int sh(const char *dir, const char *cmd)
{
	char full[1024];
	snprintf(full, sizeof full, "cd %s && %s >out.txt 2>&1", dir, cmd);
	return system(full);
}

static void cleanup(char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	free(dir);
}

Test(sign, verifies_what_minisign_signs)
{
	char *dir = minisign_dir();
	spill(dir, "daten.csv", msg, MSG_LEN);
	cr_assert_eq(sh(dir, "minisign -G -W -p pub -s sec"), 0);
	cr_assert_eq(sh(dir, "minisign -S -s sec -m daten.csv -t 'Kommune Köln'"), 0);
	cr_assert_eq(sh(dir, "minisign -S -l -s sec -m daten.csv -x alt.minisig -t alt"), 0);
	size_t plen, slen, llen;
	char *pub = slurp(dir, "pub", &plen), *sig = slurp(dir, "daten.csv.minisig", &slen),
	     *leg = slurp(dir, "alt.minisig", &llen);
	struct sign_pub p;
	cr_assert_eq(sign_pubkey_parse(pub, plen, &p), SIGN_OK);
	char *c;
	cr_assert_eq(sign_verify(&p, msg, MSG_LEN, sig, slen, &c), SIGN_OK);
	cr_assert_str_eq(c, "Kommune Köln");
	free(c);
	cr_assert_eq(sign_verify(&p, msg, MSG_LEN, leg, llen, &c), SIGN_OK);
	cr_assert_str_eq(c, "alt");
	free(c);
	cr_assert_eq(sign_verify(&p, msg, MSG_LEN - 1, sig, slen, NULL), SIGN_BAD);
	cr_assert_eq(sign_verify(&p, msg, MSG_LEN - 1, leg, llen, NULL), SIGN_BAD);
	p.keyid[7] ^= 0x80;
	cr_assert_eq(sign_verify(&p, msg, MSG_LEN, sig, slen, NULL), SIGN_WRONG_KEY);
	free(pub), free(sig), free(leg);
	cleanup(dir);
}

Test(sign, minisign_verifies_what_we_sign)
{
	char *dir = minisign_dir();
	struct kp k;
	keypair(&k);
	spill(dir, "daten.csv", msg, MSG_LEN);
	char *pub = sign_pubkey_file(k.pk);
	spill(dir, "pub", pub, strlen(pub));
	char *sig = sign_detached(k.sk, msg, MSG_LEN, "Export Musterstadt 2016");
	spill(dir, "daten.csv.minisig", sig, strlen(sig));
	cr_assert_eq(sh(dir, "minisign -V -p pub -m daten.csv"), 0);
	cr_assert_eq(sh(dir, "minisign -V -H -p pub -m daten.csv"), 0, "not prehashed?");
	size_t n;
	char *out = slurp(dir, "out.txt", &n);
	cr_assert_not_null(memmem(out, n, "Export Musterstadt 2016", 23));
	free(out);
	/* And it refuses a changed file. */
	spill(dir, "daten.csv", msg, MSG_LEN - 1);
	cr_assert_neq(sh(dir, "minisign -V -p pub -m daten.csv"), 0);
	free(pub), free(sig);
	cleanup(dir);
}
