/*
 * test_armor: the ASCII armor of age files — round trips around the
 * 64-column line boundary, CRLF and the whitespace allowed around the
 * block, every malformation the strict reading must reject, and, where
 * the `age` tool is installed, that what `age -a` writes opens with
 * armor_decode() and age_decrypt().
 */
#define _GNU_SOURCE /* mkdtemp */
#include <criterion/criterion.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/age.h"
#include "crypto/armor.h"

#define BEGIN "-----BEGIN AGE ENCRYPTED FILE-----"
#define END "-----END AGE ENCRYPTED FILE-----"

static void setup(void)
{
	cr_assert(sodium_init() >= 0);
}

TestSuite(armor, .init = setup);

/* ------------------------------------------------------------- helpers */

/* Deterministic test bytes. */
static uint8_t *message(size_t n)
{
	uint8_t *m = malloc(n ? n : 1);
	cr_assert_not_null(m);
	for (size_t i = 0; i < n; i++)
		m[i] = (uint8_t)(i * 37 + 11);
	return m;
}

/* The armor of m[0..n) as `age -a` writes it, lines ended by eol, with pre
 * before and post after the block (malloc'ed, NUL-terminated). */
static char *armor(const uint8_t *m, size_t n, const char *eol, const char *pre,
                   const char *post)
{
	size_t b64len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = malloc(b64len);
	cr_assert_not_null(b64);
	sodium_bin2base64(b64, b64len, m, n, sodium_base64_VARIANT_ORIGINAL);
	size_t len = strlen(b64), cap = strlen(pre) + strlen(post) + len + 100 +
	                                (len / 64 + 3) * strlen(eol);
	char *s = malloc(cap), *p = s;
	cr_assert_not_null(s);
	p += sprintf(p, "%s%s%s", pre, BEGIN, eol);
	for (size_t i = 0; i < len; i += 64)
		p += sprintf(p, "%.*s%s", (int)(len - i < 64 ? len - i : 64), b64 + i, eol);
	sprintf(p, "%s%s%s", END, eol, post);
	free(b64);
	return s;
}

static int decode_text(const char *s, uint8_t **out, size_t *outlen)
{
	return armor_decode((const uint8_t *)s, strlen(s), out, outlen);
}

/* Armor n bytes in the given form and decode them again. */
static void round_trip(size_t n, const char *eol, const char *pre, const char *post)
{
	uint8_t *m = message(n), *out;
	size_t outlen;
	char *s = armor(m, n, eol, pre, post);
	cr_assert(armor_is_armored((const uint8_t *)s, strlen(s)), "n=%zu", n);
	cr_assert_eq(decode_text(s, &out, &outlen), 0, "n=%zu:\n%s", n, s);
	cr_assert_not_null(out);
	cr_assert_eq(outlen, n);
	cr_assert(n == 0 || memcmp(out, m, n) == 0, "n=%zu", n);
	free(out);
	free(s);
	free(m);
}

/* The text must be rejected, leaving *out NULL. */
static void rejected(const char *s, const char *why)
{
	static uint8_t untouched[1];
	uint8_t *out = untouched;
	size_t outlen = 1;
	cr_assert_eq(decode_text(s, &out, &outlen), -1, "%s accepted:\n%s", why, s);
	cr_assert_null(out, "%s", why);
	cr_assert_eq(outlen, 0, "%s", why);
}

static const size_t sizes[] = {0, 1, 47, 48, 49, 95, 96};

/* --------------------------------------------------------- round trips */

Test(armor, round_trips_lf)
{
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		round_trip(sizes[i], "\n", "", "");
}

Test(armor, round_trips_crlf)
{
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		round_trip(sizes[i], "\r\n", "", "");
}

Test(armor, whitespace_around_the_block)
{
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		round_trip(sizes[i], "\n", " \t\r\n\n  ", "\n \t\r\n\n");
		round_trip(sizes[i], "\r\n", "\r\n", "   ");
	}
	/* No line end after the end line at all. */
	uint8_t *out;
	size_t outlen;
	cr_assert_eq(decode_text(BEGIN "\nQQ==\n" END, &out, &outlen), 0);
	cr_assert_eq(outlen, 1);
	cr_assert_eq(out[0], 'A');
	free(out);
}

Test(armor, is_armored)
{
	cr_assert(armor_is_armored((const uint8_t *)"\n  " BEGIN "\n", 4 + strlen(BEGIN)));
	cr_assert_not(armor_is_armored((const uint8_t *)"age-encryption.org/v1\n", 22));
	cr_assert_not(armor_is_armored((const uint8_t *)"x" BEGIN "\n", 2 + strlen(BEGIN)));
	cr_assert_not(armor_is_armored((const uint8_t *)"-----BEGIN AGE", 14));
	cr_assert_not(armor_is_armored(NULL, 0));
}

/* ----------------------------------------------------------- rejections */

/* A full first line of 64 columns, as a prefix of bodies below. */
#define FULL "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

Test(armor, rejects_line_lengths)
{
	rejected(BEGIN "\n" FULL "AAAA\n" END "\n", "a line of 68 columns");
	rejected(BEGIN "\n" FULL "A\n" END "\n", "a line of 65 columns");
	rejected(BEGIN "\nAAAA\n" FULL "\n" END "\n", "a short line in the middle");
	rejected(BEGIN "\n" FULL "\nAAAA\nAAAA\n" END "\n", "two short lines");
	rejected(BEGIN "\n" FULL "\n\n" END "\n", "an empty line");
	rejected(BEGIN "\n\n" END "\n", "an empty line as the only line");
	/* A full line that is padded ends the data too. */
	rejected(BEGIN "\n" FULL "\n" "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n"
	         "AAAA\n" END "\n",
	         "a line after a padded full line");
}

Test(armor, rejects_frame)
{
	rejected(BEGIN "\nAAAA\n", "a missing end line");
	rejected(BEGIN "\nAAAA", "a missing end line, no line end");
	rejected(BEGIN "\nAAAA\n-----END AGE ENCRYPTED FILE----\n", "a wrong end line");
	rejected(BEGIN "\nAAAA\n" END "\ngarbage\n", "garbage after the end line");
	rejected(BEGIN "\nAAAA\n" END "x", "a character right after the end line");
	rejected(BEGIN "\nAAAA\n" END "\n\n" BEGIN "\nAAAA\n" END "\n", "a second block");
	rejected("x\n" BEGIN "\nAAAA\n" END "\n", "garbage before the begin line");
	rejected(BEGIN " \nAAAA\n" END "\n", "a blank after the begin line");
	rejected(BEGIN, "the begin line alone");
	rejected("-----BEGIN AGE ENCRYPTED FILE-----\rAAAA\n" END "\n", "a lone CR");
	rejected("", "nothing");
}

Test(armor, rejects_base64)
{
	rejected(BEGIN "\nAA*A\n" END "\n", "a bad character");
	rejected(BEGIN "\nAA A\n" END "\n", "a blank inside a line");
	rejected(BEGIN "\nAAAA \n" END "\n", "a blank at the end of a line");
	rejected(BEGIN "\nAAAA\r\r\n" END "\n", "two CRs");
	rejected(BEGIN "\nQR==\n" END "\n", "non-canonical padding (unused bits set)");
	rejected(BEGIN "\nQUF=\n" END "\n", "non-canonical padding (two bytes)");
	rejected(BEGIN "\nQQ\n" END "\n", "missing padding");
	rejected(BEGIN "\nQQ=\n" END "\n", "short padding");
	rejected(BEGIN "\nQQ===\n" END "\n", "too much padding");
	rejected(BEGIN "\nQUFB====\n" END "\n", "padding after a full group");
	rejected(BEGIN "\nQQ==QUFB\n" END "\n", "data after padding");
	rejected(BEGIN "\nA\n" END "\n", "a single character");
}

/* ------------------------------------------------------- interoperation */

/* The whole file at path (malloc'ed). */
static uint8_t *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	uint8_t *buf = NULL;
	size_t cap = 0;
	*n = 0;
	for (;;) {
		buf = realloc(buf, cap += 4096);
		cr_assert_not_null(buf);
		size_t got = fread(buf + *n, 1, cap - *n, f);
		*n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	return buf;
}

Test(armor, interop_age_tool)
{
	if (access("/usr/bin/age", X_OK) != 0)
		cr_skip_test("/usr/bin/age is not installed; `age -a` files not checked");
	char dir[] = "/tmp/fbarmor-XXXXXX", path[256], cmd[1024];
	char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];
	const char msg[] = "Antworten der Kommune, armored by age -a\n";
	cr_assert_not_null(mkdtemp(dir));
	age_keygen(id, rcpt);
	snprintf(path, sizeof path, "%s/msg", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(msg, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "/usr/bin/age -a -r %s -o %s/msg.age %s/msg", rcpt, dir, dir);
	cr_assert_eq(system(cmd), 0);
	snprintf(path, sizeof path, "%s/msg.age", dir);
	size_t n, binlen, plen;
	uint8_t *file = slurp(path, &n), *bin, *plain;
	cr_assert(armor_is_armored(file, n));
	cr_assert_eq(armor_decode(file, n, &bin, &binlen), 0);
	cr_assert_eq(age_decrypt(id, bin, binlen, &plain, &plen), AGE_OK);
	cr_assert_eq(plen, strlen(msg));
	cr_assert_eq(memcmp(plain, msg, plen), 0);
	free(plain);
	free(bin);
	free(file);
	snprintf(cmd, sizeof cmd, "rm -r %s", dir);
	cr_assert_eq(system(cmd), 0);
}
