/*
 * test_util: the small utilities — UTF-8 decoding and counting (invalid
 * input included), bech32 as age uses it (checked against the BIP-173
 * vectors and a checksum computed here), "meinten Sie" suggestions, the
 * seeded generator, the string buffer, and text generated from patterns.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/regen.h"
#include "util/bech32.h"
#include "util/rng.h"
#include "util/sbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ utf8 */

Test(utf8, decode)
{
	static const struct { const char *s; size_t n, used; uint32_t cp; } t[] = {
		{"A", 1, 1, 'A'}, {"\xC3\xA4", 2, 2, 0xE4}, {"\xE2\x82\xAC", 3, 3, 0x20AC},
		{"\xE4\xB8\xAD", 3, 3, 0x4E2D}, {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
		{"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF}, {"\xED\x9F\xBF", 3, 3, 0xD7FF},
		/* overlong forms */
		{"\xC0\xAF", 2, 1, UTF8_REPLACEMENT}, {"\xC1\xBF", 2, 1, UTF8_REPLACEMENT},
		{"\xE0\x80\xAF", 3, 1, UTF8_REPLACEMENT}, {"\xE0\x9F\xBF", 3, 1, UTF8_REPLACEMENT},
		{"\xF0\x80\x80\xAF", 4, 1, UTF8_REPLACEMENT},
		/* surrogates, beyond U+10FFFF, bytes that never start a character */
		{"\xED\xA0\x80", 3, 1, UTF8_REPLACEMENT}, {"\xED\xBF\xBF", 3, 1, UTF8_REPLACEMENT},
		{"\xF4\x90\x80\x80", 4, 1, UTF8_REPLACEMENT},
		{"\xF5\x80\x80\x80", 4, 1, UTF8_REPLACEMENT},
		{"\xF8\x88\x80\x80\x80", 5, 1, UTF8_REPLACEMENT}, {"\xFF", 1, 1, UTF8_REPLACEMENT},
		{"\x80", 1, 1, UTF8_REPLACEMENT},
		/* truncated, cut short by n, bad continuation */
		{"\xC3", 1, 1, UTF8_REPLACEMENT}, {"\xE2\x82", 2, 1, UTF8_REPLACEMENT},
		{"\xF0\x9F\x98", 3, 1, UTF8_REPLACEMENT}, {"\xC3\xA4", 1, 1, UTF8_REPLACEMENT},
		{"\xC3\x41", 2, 1, UTF8_REPLACEMENT},
	};
	for (size_t i = 0; i < N(t); i++) {
		uint32_t cp = 1;
		size_t used = utf8_decode(t[i].s, t[i].n, &cp);
		cr_expect_eq(used, t[i].used, "case %zu: used %zu, want %zu", i, used, t[i].used);
		cr_expect_eq(cp, t[i].cp, "case %zu: U+%04X, want U+%04X", i, cp, t[i].cp);
	}
	uint32_t cp = 1;
	cr_expect_eq(utf8_decode("", 0, &cp), 0);
	cr_expect_eq(cp, 0);
}

Test(utf8, encode_round_trips_every_code_point)
{
	char b[4];
	long bad = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		uint32_t back = 0;
		size_t n = utf8_encode(c, b);
		size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (n != want || utf8_decode(b, n, &back) != n || back != c)
			bad++;
	}
	cr_expect_eq(bad, 0);
	cr_expect_eq(utf8_encode(0xD800, b), 3, "a surrogate becomes U+FFFD");
	cr_expect_eq(memcmp(b, "\xEF\xBF\xBD", 3), 0);
	cr_expect_eq(utf8_encode(0x110000, b), 3);
	cr_expect_eq(memcmp(b, "\xEF\xBF\xBD", 3), 0);
}

Test(utf8, count_offset_valid)
{
	static const struct { const char *s; size_t chars; bool valid; } t[] = {
		{"Göttingen", 9, true},         {"日本語", 3, true},
		{"😀a", 2, true},               {"", 0, true},
		{"\xEF\xBF\xBD", 1, true},      /* a real U+FFFD is fine */
		{"\xE2\x82", 2, false},         {"a\xC0\xAF" "b", 4, false},
		{"\xED\xA0\x80", 3, false},     {"\xF4\x90\x80\x80", 4, false},
		{"\x80", 1, false},             {"\xFF\xFE", 2, false},
		{"x\xF0\x9F\x98", 4, false},
	};
	for (size_t i = 0; i < N(t); i++) {
		size_t n = strlen(t[i].s);
		cr_expect_eq(utf8_count(t[i].s, n), t[i].chars, "case %zu", i);
		cr_expect_eq(utf8_valid(t[i].s, n), t[i].valid, "case %zu", i);
	}
	cr_expect_eq(utf8_count("a\0b", 3), 3);
	cr_expect_not(utf8_valid("a\0b", 3), "NUL is not allowed");
	cr_expect_not(utf8_valid("\xC3\xA4", 1));

	static const size_t want[] = {0, 1, 3, 4, 5, 5, 5};
	for (size_t i = 0; i < N(want); i++)
		cr_expect_eq(utf8_offset("Köln", 5, i), want[i], "Köln index %zu", i);
	cr_expect_eq(utf8_offset("😀ab", 6, 1), 4);
	cr_expect_eq(utf8_offset("😀ab", 6, 2), 5);
	cr_expect_eq(utf8_offset("\xE2\x82" "a", 3, 2), 2, "invalid bytes count one each");
}

/* ---------------------------------------------------------------- bech32 */

static const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/* BIP-173 checksum computed independently of the code under test. */
static uint32_t ref_polymod(const char *hrp, const uint8_t *v, size_t n)
{
	static const uint32_t g[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
	uint8_t buf[200];
	size_t k = 0, hl = strlen(hrp);
	for (size_t i = 0; i < hl; i++)
		buf[k++] = (uint8_t)((unsigned char)hrp[i] >> 5);
	buf[k++] = 0;
	for (size_t i = 0; i < hl; i++)
		buf[k++] = (uint8_t)(hrp[i] & 31);
	memcpy(buf + k, v, n);
	k += n;
	uint32_t chk = 1;
	for (size_t i = 0; i < k; i++) {
		uint32_t b = chk >> 25;
		chk = ((chk & 0x1ffffff) << 5) ^ buf[i];
		for (int j = 0; j < 5; j++)
			chk ^= ((b >> j) & 1) ? g[j] : 0;
	}
	return chk;
}

/* hrp + "1" + the 5-bit values + a correct checksum. */
static void ref_encode(char *out, const char *hrp, const uint8_t *v, size_t n)
{
	uint8_t all[100];
	memcpy(all, v, n);
	memset(all + n, 0, 6);
	uint32_t chk = ref_polymod(hrp, all, n + 6) ^ 1;
	for (int i = 0; i < 6; i++)
		all[n + (size_t)i] = (uint8_t)((chk >> (5 * (5 - i))) & 31);
	size_t o = (size_t)sprintf(out, "%s1", hrp);
	for (size_t i = 0; i < n + 6; i++)
		out[o++] = charset[all[i]];
	out[o] = '\0';
}

static int dec(const char *s, char *hrp, uint8_t *data, size_t *len)
{
	return bech32_decode(s, hrp, 100, data, 100, len);
}

Test(bech32, bip173_vectors)
{
	char hrp[100];
	uint8_t data[100];
	size_t len = 99;
	static const char *const empty[][2] = {
		{"A12UEL5L", "a"}, {"a12uel5l", "a"}, {"?1ezyfcl", "?"},
	};
	for (size_t i = 0; i < N(empty); i++) {
		cr_expect_eq(dec(empty[i][0], hrp, data, &len), 0, "%s", empty[i][0]);
		cr_expect_str_eq(hrp, empty[i][1]);
		cr_expect_eq(len, 0);
	}
	/* the 32 data characters in alphabet order are the bits 00000 00001 … 11111 */
	cr_expect_eq(dec("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", hrp, data, &len), 0);
	cr_expect_str_eq(hrp, "abcdef");
	cr_expect_eq(len, 20);
	uint8_t want[20] = {0};
	for (unsigned bit = 0; bit < 160; bit++)
		if (((bit / 5) >> (4 - bit % 5)) & 1)
			want[bit / 8] = (uint8_t)(want[bit / 8] | (0x80u >> (bit % 8)));
	cr_expect_eq(memcmp(data, want, 20), 0);
	cr_expect_eq(want[1], 0x44, "sanity of the reference");

	static const char *const bad[] = {
		"pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "A1G7SGD8", "10a06t8",
		"1qzzfhee", "de1lg7wt\xff", " 1nwldj5", "\1771axkwrx", "a1lqfn3a" /* bech32m */,
		"a12UEL5L", "A12uel5l", "", "1", "a1", "a1qqqqq",
	};
	for (size_t i = 0; i < N(bad); i++)
		cr_expect_eq(dec(bad[i], hrp, data, &len), -1, "„%s“ should be refused", bad[i]);
}

static const char age_example[] = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

Test(bech32, age_recipient)
{
	char hrp[100], out[100];
	uint8_t data[100];
	size_t len = 0;
	cr_assert_eq(dec(age_example, hrp, data, &len), 0);
	cr_expect_str_eq(hrp, "age");
	cr_expect_eq(len, 32);
	cr_assert_eq(bech32_encode(out, sizeof out, "age", data, len, 0), 0);
	cr_expect_str_eq(out, age_example);

	/* a key of our own: encode, compare with the reference, decode */
	uint8_t key[32];
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)(i * 37 + 11);
	cr_assert_eq(bech32_encode(out, sizeof out, "age", key, 32, 0), 0);
	cr_expect_eq(strlen(out), 62);
	cr_expect_eq(strncmp(out, "age1", 4), 0);
	uint8_t v[60];
	for (size_t bit = 0; bit < 260; bit++) {
		if (bit % 5 == 0)
			v[bit / 5] = 0;
		int b = bit < 256 ? (key[bit / 8] >> (7 - bit % 8)) & 1 : 0;
		v[bit / 5] = (uint8_t)(v[bit / 5] | (b << (4 - bit % 5)));
	}
	char ref[100];
	ref_encode(ref, "age", v, 52);
	cr_expect_str_eq(out, ref);
	memset(data, 0, sizeof data);
	cr_assert_eq(dec(out, hrp, data, &len), 0);
	cr_expect_eq(len, 32);
	cr_expect_eq(memcmp(data, key, 32), 0);

	/* every single substituted character is caught */
	char s[100];
	long accepted = 0;
	for (size_t pos = 4; pos < 62; pos++) {
		for (int c = 0; c < 32; c++) {
			strcpy(s, out);
			if (s[pos] == charset[c])
				continue;
			s[pos] = charset[c];
			accepted += dec(s, hrp, data, &len) == 0;
		}
	}
	cr_expect_eq(accepted, 0);
	strcpy(s, out);
	size_t at = 4;
	while (!isalpha((unsigned char)s[at]))
		at++;
	s[at] = (char)toupper((unsigned char)s[at]);
	cr_expect_eq(dec(s, hrp, data, &len), -1, "mixed case");
	strcpy(s, out);
	s[61] = s[61] == 'q' ? 'p' : 'q';
	cr_expect_eq(dec(s, hrp, data, &len), -1, "wrong checksum");
	strcpy(s, out);
	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	cr_expect_eq(dec(s, hrp, data, &len), 0, "all upper case is fine");
	cr_expect_str_eq(hrp, "age");
	cr_expect_eq(memcmp(data, key, 32), 0);
}

Test(bech32, identity_upper_case_and_limits)
{
	char out[100], hrp[100];
	uint8_t key[32], data[100];
	size_t len = 0;
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)(255 - i);
	cr_assert_eq(bech32_encode(out, sizeof out, "AGE-SECRET-KEY-", key, 32, 1), 0);
	cr_expect_eq(strncmp(out, "AGE-SECRET-KEY-1", 16), 0, "got %s", out);
	for (const char *p = out; *p; p++)
		cr_expect(!islower((unsigned char)*p), "%s is not all upper case", out);
	char again[100];
	cr_assert_eq(bech32_encode(again, sizeof again, "age-secret-key-", key, 32, 1), 0);
	cr_expect_str_eq(again, out, "the hrp's case does not matter");
	cr_assert_eq(dec(out, hrp, data, &len), 0);
	cr_expect_str_eq(hrp, "age-secret-key-");
	cr_expect(len == 32 && memcmp(data, key, 32) == 0);

	/* capacities */
	cr_expect_eq(bech32_decode(age_example, hrp, 3, data, 100, &len), -1, "hrp needs 4");
	cr_expect_eq(bech32_decode(age_example, hrp, 4, data, 100, &len), 0);
	cr_expect_eq(bech32_decode(age_example, hrp, 4, data, 31, &len), -1, "data needs 32");
	cr_expect_eq(bech32_encode(out, 62, "age", key, 32, 0), -1, "62 chars need 63 bytes");
	cr_expect_eq(bech32_encode(out, 63, "age", key, 32, 0), 0);
	cr_expect_eq(bech32_encode(out, sizeof out, "", key, 32, 0), -1, "empty hrp");

	/* a '1' in the hrp: the last '1' separates */
	cr_assert_eq(bech32_encode(out, sizeof out, "a1b", key, 3, 0), 0);
	cr_assert_eq(dec(out, hrp, data, &len), 0);
	cr_expect_str_eq(hrp, "a1b");
	cr_expect(len == 3 && memcmp(data, key, 3) == 0);

	/* padding bits must be zero: one byte is two groups with 2 spare bits */
	uint8_t v[2] = {0, 0};
	char s[40];
	ref_encode(s, "a", v, 2);
	cr_expect_eq(dec(s, hrp, data, &len), 0);
	cr_expect(len == 1 && data[0] == 0);
	v[1] = 1;
	ref_encode(s, "a", v, 2);
	cr_expect_eq(dec(s, hrp, data, &len), -1, "non-zero padding");
	uint8_t v3[3] = {0, 0, 0}; /* 15 bits: a whole spare group */
	ref_encode(s, "a", v3, 3);
	cr_expect_eq(dec(s, hrp, data, &len), -1, "more than 4 padding bits");
}

/* --------------------------------------------------------------- suggest */

Test(suggest, distance)
{
	static const struct { const char *a, *b; int d; } t[] = {
		{"title", "title", 0}, {"titel", "title", 1}, {"Title", "TITLE", 0},
		{"visibel_if", "visible_if", 1}, {"kitten", "sitting", 3}, {"", "abc", 3},
		{"abc", "", 3}, {"required", "requird", 1}, {"choices", "choice", 1},
		{"abcdef", "badcfe", 3}, {"x", "y", 1},
	};
	for (size_t i = 0; i < N(t); i++) {
		cr_expect_eq(suggest_distance(t[i].a, t[i].b), t[i].d, "%s / %s", t[i].a, t[i].b);
		cr_expect_eq(suggest_distance(t[i].b, t[i].a), t[i].d, "%s / %s", t[i].b, t[i].a);
	}
	char a[66], b[66];
	memset(a, 'a', 65), a[65] = '\0';
	memset(b, 'b', 65), b[65] = '\0';
	cr_expect_eq(suggest_distance(a, "a"), 255, "too long: capped");
	a[64] = b[64] = '\0';
	cr_expect_eq(suggest_distance(a, b), 64);
}

static const char *best_of(const char *word, const char *const *cands, size_t n)
{
	struct suggest s;
	suggest_init(&s, word);
	for (size_t i = 0; i < n; i++)
		suggest_offer(&s, cands[i]);
	return suggest_best(&s);
}

Test(suggest, best)
{
	static const char *const keys[] = {"id", "type", "text", "visible_if", "valid_if",
	                                   "required", "title"};
	cr_expect_str_eq(best_of("visibel_if", keys, N(keys)), "visible_if");
	cr_expect_str_eq(best_of("Titel", keys, N(keys)), "title");
	cr_expect_str_eq(best_of("tpye", keys, N(keys)), "type");
	cr_expect_str_eq(best_of("text", keys, N(keys)), "text");
	cr_expect_null(best_of("colour", keys, N(keys)));
	cr_expect_null(best_of("x", keys, 0));
	/* short words allow one edit, long ones at most three */
	static const char *const ab[] = {"ade", "abc"};
	cr_expect_str_eq(best_of("ab", ab, 2), "abc");
	cr_expect_null(best_of("ab", ab, 1));
	static const char *const far[] = {"abcdefghijklmnopqr"};
	cr_expect_str_eq(best_of("abcdefghijklmnoXYZ", far, 1), "abcdefghijklmnopqr");
	cr_expect_null(best_of("abcdefghijklmnWXYZ", far, 1), "four edits are too many");
	/* ties keep the first candidate */
	static const char *const tie[] = {"bat", "hat"};
	cr_expect_str_eq(best_of("cat", tie, 2), "bat");
}

/* ------------------------------------------------------------------- rng */

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

Test(rng, known_answers_and_repeatability)
{
	struct rng r, q;
	rng_seed(&r, 0);
	/* splitmix64 from 0 */
	cr_expect_eq(r.s[0], 0xe220a8397b1dcdafull);
	cr_expect_eq(r.s[1], 0x6e789e6aa1b965f4ull);
	cr_expect_eq(r.s[2], 0x06c45d188009454full);
	cr_expect_eq(r.s[3], 0xf88bb8a8724c81ecull);
	/* xoshiro256** by hand */
	uint64_t s[4] = {r.s[0], r.s[1], r.s[2], r.s[3]};
	for (int i = 0; i < 100; i++) {
		uint64_t want = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
		s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t;
		s[3] = rotl(s[3], 45);
		cr_expect_eq(rng_next(&r), want, "output %d", i);
	}
	rng_seed(&r, 20161231);
	rng_seed(&q, 20161231);
	int same = 1;
	for (int i = 0; i < 1000; i++)
		same &= rng_next(&r) == rng_next(&q);
	cr_expect(same, "same seed, same sequence");
	rng_seed(&q, 20161232);
	int differ = 0;
	for (int i = 0; i < 100; i++)
		differ += rng_next(&r) != rng_next(&q);
	cr_expect_gt(differ, 95, "another seed, another sequence");
}

Test(rng, ranges)
{
	struct rng r;
	rng_seed(&r, 7);
	static const uint64_t ns[] = {1, 2, 3, 7, 10, 1000, (1ull << 63) + 1, UINT64_MAX};
	for (size_t i = 0; i < N(ns); i++)
		for (int k = 0; k < 2000; k++) {
			uint64_t x = rng_below(&r, ns[i]);
			if (x >= ns[i])
				cr_assert_fail("rng_below(%llu) gave %llu",
				               (unsigned long long)ns[i], (unsigned long long)x);
		}
	int count[7] = {0};
	for (int k = 0; k < 7000; k++)
		count[rng_below(&r, 7)]++;
	for (int v = 0; v < 7; v++)
		cr_expect(count[v] > 800 && count[v] < 1200, "%d drawn %d times", v, count[v]);

	int seen_lo = 0, seen_hi = 0;
	for (int k = 0; k < 1000; k++) {
		int64_t x = rng_range(&r, -3, 3);
		cr_expect(x >= -3 && x <= 3);
		seen_lo |= x == -3, seen_hi |= x == 3;
	}
	cr_expect(seen_lo && seen_hi, "both ends of [lo, hi] occur");
	cr_expect_eq(rng_range(&r, 5, 5), 5);
	(void)rng_range(&r, INT64_MIN, INT64_MAX);

	double sum = 0;
	for (int k = 0; k < 10000; k++) {
		double u = rng_unit(&r);
		cr_expect(u >= 0 && u < 1);
		sum += u;
	}
	cr_expect(sum / 10000 > 0.48 && sum / 10000 < 0.52, "mean %f", sum / 10000);
	int heads = 0;
	for (int k = 0; k < 1000; k++) {
		cr_expect_not(rng_chance(&r, 0));
		cr_expect(rng_chance(&r, 100));
		heads += rng_chance(&r, 50);
	}
	cr_expect(heads > 420 && heads < 580, "%d of 1000", heads);
}

/* ------------------------------------------------------------------ sbuf */

Test(sbuf, build_take_free)
{
	struct sbuf b = {0};
	cr_expect_str_eq(sbuf_str(&b), "");
	sbuf_adds(&b, "Köln");
	sbuf_addc(&b, ',');
	sbuf_printf(&b, " %d-%s", 50667, "Innenstadt");
	sbuf_printf(&b, "%s", "");
	cr_expect_str_eq(sbuf_str(&b), "Köln, 50667-Innenstadt");
	cr_expect_eq(b.len, strlen("Köln, 50667-Innenstadt"));
	sbuf_add(&b, "x\0y", 3);
	cr_expect_eq(b.len, 26);
	cr_expect_eq(memcmp(b.data + 23, "x\0y", 4), 0, "embedded NUL kept, NUL after");
	char *s = sbuf_take(&b);
	cr_expect_eq(memcmp(s, "Köln", 5), 0);
	cr_expect(b.data == NULL && b.len == 0 && b.cap == 0);
	cr_expect_str_eq(sbuf_str(&b), "");
	free(s);
	s = sbuf_take(&b);
	cr_expect_str_eq(s, "", "an empty buffer gives an empty string");
	free(s);

	for (int i = 0; i < 1000; i++)
		sbuf_printf(&b, "%03d", i);
	cr_expect_eq(b.len, 3000);
	cr_expect_geq(b.cap, 3001);
	cr_expect_eq(strncmp(b.data + 2997, "999", 3), 0);
	cr_expect_eq(strncmp(b.data + 1500, "500", 3), 0);
	sbuf_printf(&b, "%5000s", "!");
	cr_expect_eq(b.len, 8000);
	cr_expect_eq(b.data[7999], '!');
	cr_expect_eq(b.data[8000], '\0');
	sbuf_free(&b);
	cr_expect(b.data == NULL && b.len == 0);
	sbuf_adds(&b, "again");
	cr_expect_str_eq(sbuf_str(&b), "again");
	sbuf_free(&b);
}

/* ----------------------------------------------------------------- regen */

Test(regen, samples_match_their_pattern)
{
	static const char *const pats[] = {
		"[0-9]{8}", "[A-Z]{2}-[0-9]{3,5}", "(ja|nein)", "[^@ ]+@[^@ ]+\\.[a-z]{2,}",
		"[[:digit:]]{5}", "^[a-f0-9]+$", "a?b*c+", "(ab|cd){2,3}x", "[]a]+", "[a-]z",
		"\\(x\\)", "[0-9]{5}|[A-Z]{3}", "[[:upper:]][[:lower:]]{1,10}", "x{0}y", ".{3}",
		"[^a-y]{4}", "((a|b)c){1,}",
	};
	for (size_t i = 0; i < N(pats); i++) {
		char *anchored = malloc(strlen(pats[i]) + 5);
		sprintf(anchored, "^(%s)$", pats[i]);
		regex_t re;
		cr_assert_eq(regcomp(&re, anchored, REG_EXTENDED | REG_NOSUB), 0, "%s", anchored);
		struct rng r;
		rng_seed(&r, i);
		for (int k = 0; k < 300; k++) {
			char *s = regen_sample(pats[i], &r, 100);
			cr_assert_not_null(s, "„%s“ is supported", pats[i]);
			if (regexec(&re, s, 0, NULL, 0) != 0)
				cr_expect_fail("„%s“ gave „%s“", pats[i], s);
			free(s);
		}
		regfree(&re);
		free(anchored);
	}
}

Test(regen, variety_and_repeatability)
{
	struct rng r, q;
	rng_seed(&r, 1);
	int ja = 0, nein = 0, len[10] = {0};
	for (int k = 0; k < 200; k++) {
		char *s = regen_sample("(ja|nein)", &r, 50);
		ja += strcmp(s, "ja") == 0;
		nein += strcmp(s, "nein") == 0;
		free(s);
		s = regen_sample("[A-Z]{2}-[0-9]{3,5}", &r, 50);
		len[strlen(s) < 10 ? strlen(s) : 9]++;
		free(s);
		s = regen_sample("[0-9]{8}", &r, 50);
		cr_expect_eq(strlen(s), 8);
		free(s);
	}
	cr_expect(ja > 50 && nein > 50, "ja %d, nein %d", ja, nein);
	cr_expect(len[6] && len[7] && len[8], "lengths 6..8: %d %d %d", len[6], len[7], len[8]);
	cr_expect_eq(len[6] + len[7] + len[8], 200);
	rng_seed(&r, 99);
	rng_seed(&q, 99);
	char *a = regen_sample("[a-z]{5,20}", &r, 50), *b = regen_sample("[a-z]{5,20}", &q, 50);
	cr_expect_str_eq(a, b, "same seed, same sample");
	free(a);
	free(b);
}

Test(regen, unsupported_patterns)
{
	static const char *const bad[] = {
		"(", "a)", "(a|b", "[a-z", "[[:digit:]", "a{3,2}", "a{1001}", "a{2,1001}", "a{3",
		"((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))",
	};
	struct rng r;
	rng_seed(&r, 3);
	for (size_t i = 0; i < N(bad); i++) {
		char *s = regen_sample(bad[i], &r, 50);
		cr_expect_null(s, "„%s“ should be refused, gave „%s“", bad[i], s ? s : "");
		free(s);
	}
	char *s = regen_sample("((((((((((a))))))))))", &r, 50);
	cr_expect_str_eq(s, "a", "ten levels are fine");
	free(s);
}
