/*
 * test_width: the width tables against the C library that curses draws
 * with. Widths of CJK, emoji, combining marks, joiners and controls; the
 * characters of base + mark and of ZWJ emoji sequences; and, code point by
 * code point, width_cp() against wcwidth() in the C.UTF-8 locale.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "util/width.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define ACUTE "\xCC\x81"        /* U+0301 combining acute accent */
#define ZWJ "\xE2\x80\x8D"      /* U+200D zero width joiner */
#define SHY "\xC2\xAD"          /* U+00AD soft hyphen */

/* wcwidth() is declared only for X/Open; the prototype is the standard one. */
extern int wcwidth(wchar_t c);

/* Switch LC_CTYPE to C.UTF-8 for one test; false (and a note) without it. */
static bool utf8_locale(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8"))
		return true;
	cr_log_warn("no C.UTF-8 locale here: comparison with wcwidth() skipped");
	return false;
}

/* Columns of each character of s, in order, written to cols; their count. */
static size_t characters(const char *s, size_t *cols, size_t max)
{
	size_t n = strlen(s), pos = 0, k = 0;
	while (pos < n && k < max) {
		size_t end = width_next(s, n, pos, &cols[k++]);
		cr_assert_gt(end, pos);
		cr_assert_eq(width_prev(s, n, end), pos, "back over „%s“ at %zu", s, end);
		pos = end;
	}
	return k;
}

Test(width, widths_of_single_code_points)
{
	static const struct { uint32_t cp; int w; } t[] = {
		{'a', 1}, {0xE4, 1}, {0x20AC, 1},
		{0x4E2D, 2}, {0x3042, 2}, {0xAC00, 2}, {0xFF21, 2}, {0x20000, 2},   /* CJK */
		{0x1F600, 2}, {0x1F680, 2}, {0x231A, 2}, {0x2614, 2}, {0x1FA90, 2}, /* emoji */
		{0x2764, 1}, {0x1F321, 1},  /* emoji that a text presentation leaves narrow */
		{0x0301, 0}, {0x0323, 0}, {0x20E3, 0}, {0xFE0F, 0}, {0x1F3FB, 2},   /* marks */
		{0x200B, 0}, {0x200D, 0}, {0x2060, 0}, {0xFEFF, 0},                 /* format */
		{0x00AD, 1},            /* the soft hyphen is drawn, as wcwidth() says */
		{0x07, 1}, {0x1B, 1}, {0x7F, 1}, {0x85, 1},  /* controls: 1, see width.h */
	};
	for (size_t i = 0; i < N(t); i++)
		cr_expect_eq(width_cp(t[i].cp), t[i].w, "U+%04X: %d, want %d", t[i].cp,
		             width_cp(t[i].cp), t[i].w);
}

Test(width, a_letter_and_its_marks_are_one_character)
{
	size_t cols[8];
	cr_assert_eq(characters("e" ACUTE, cols, 8), 1);
	cr_expect_eq(cols[0], 1);
	cr_assert_eq(characters("xe" ACUTE ACUTE "y", cols, 8), 3);
	cr_expect(cols[0] == 1 && cols[1] == 1 && cols[2] == 1);
	cr_expect_eq(width_str("e" ACUTE, 3), 1);
	/* A mark with no base stands alone, at the start and after a line break. */
	cr_assert_eq(characters(ACUTE "a\n" ACUTE, cols, 8), 4);
	cr_expect(cols[0] == 0 && cols[1] == 1 && cols[3] == 0);
	/* Wide base, mark and variation selector. */
	cr_assert_eq(characters("中" ACUTE "\xE2\x9D\xA4\xEF\xB8\x8F", cols, 8), 2);
	cr_expect(cols[0] == 2 && cols[1] == 1);
}

Test(width, zwj_sequences_are_as_wide_as_curses_counts_them)
{
	/* Family: man ZWJ woman ZWJ girl. Each joiner goes with the emoji
	 * before it; curses gives each emoji two cells. */
	const char *family = "👨" ZWJ "👩" ZWJ "👧";
	size_t cols[8];
	cr_assert_eq(characters(family, cols, 8), 3);
	cr_expect(cols[0] == 2 && cols[1] == 2 && cols[2] == 2);
	cr_expect_eq(width_str(family, strlen(family)), 6);
	/* Flag: two regional indicators, one column each in the C library. */
	cr_expect_eq(width_str("🇩🇪", strlen("🇩🇪")), 2);
	/* Skin tone modifier: wide, and a character of its own. */
	cr_expect_eq(characters("👋🏽", cols, 8), 2);
}

Test(width, soft_hyphen_and_bad_bytes)
{
	cr_expect_eq(width_str("Ge" SHY "meinde", strlen("Ge" SHY "meinde")), 9);
	cr_expect_eq(width_str("\xFF\xE4\xB8", 3), 3, "each bad byte is a U+FFFD");
	cr_expect_eq(width_joiner("a", 1, 1), 0, "nothing past the end");
}

/* The agreement itself: wherever the C library gives a width, width_cp()
 * gives the same. Code points without one (-1) follow the rules in width.h. */
Test(width, agrees_with_wcwidth_of_the_c_library)
{
	if (!utf8_locale())
		cr_skip_test("C.UTF-8 is not installed");
	size_t checked = 0, differ = 0;
	for (uint32_t cp = 0x20; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		int want = wcwidth((wchar_t)cp);
		if (want < 0)
			continue;
		checked++;
		if (width_cp(cp) != want && differ++ < 20)
			cr_log_error("U+%04X: width_cp %d, wcwidth %d", cp, width_cp(cp), want);
	}
	setlocale(LC_CTYPE, "C");
	cr_expect_eq(differ, 0, "%zu of %zu code points differ from wcwidth()", differ, checked);
	cr_expect_gt(checked, 100000, "the C library knows too few code points: %zu", checked);
}

/* In the C locale itself nothing changes: the tables need no locale. */
Test(width, needs_no_locale)
{
	cr_assert_eq(MB_CUR_MAX, 1, "the test runs in the C locale");
	cr_expect_eq(width_cp(0x4E2D), 2);
	cr_expect_eq(width_cp(0x0301), 0);
}
