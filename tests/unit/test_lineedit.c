/*
 * test_lineedit: the text field model without a terminal — display widths
 * (never calling setlocale), inserting with the length limit, control
 * characters, line breaks and invalid UTF-8, backspace/delete and cursor
 * motion over multi-byte, wide and combining characters, home/end, up/down
 * over wrapped rows, one-line horizontal scrolling and multi-line wrapping.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "tui/lineedit.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/width.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Separate literals, so that a following letter never extends a \x escape. */
#define ACUTE "\xCC\x81"        /* U+0301 combining acute accent */
#define DOT_BELOW "\xCC\xA3"    /* U+0323 combining dot below */
#define ZWJ "\xE2\x80\x8D"      /* U+200D zero width joiner */
#define FFFD "\xEF\xBF\xBD"     /* U+FFFD replacement character */

/* An editor holding s, cursor at the end. */
static struct lineedit make(const char *s, size_t max, bool multiline)
{
	struct lineedit e;
	lineedit_init(&e, max, multiline);
	cr_assert_eq(lineedit_set(&e, s), 0, "setting „%s“", s);
	return e;
}

/* Cursor to the start of the text, whatever the mode. */
static void to_start(struct lineedit *e)
{
	while (lineedit_left(e))
		;
}

/* The rows of a layout as "row|row|...", widths as "w,w,..." (caller frees). */
static char *rows_of(const struct lineedit *e, const struct lineedit_view *v, char **widths)
{
	struct sbuf b = {0}, w = {0};
	for (size_t i = 0; i < v->nrows; i++) {
		if (i > 0) {
			sbuf_addc(&b, '|');
			sbuf_addc(&w, ',');
		}
		sbuf_add(&b, lineedit_text(e) + v->rows[i].off, v->rows[i].len);
		sbuf_printf(&w, "%d", v->rows[i].width);
	}
	if (widths)
		*widths = sbuf_take(&w);
	else
		sbuf_free(&w);
	return sbuf_take(&b);
}

/* Lay out e and compare rows, widths and cursor with what is expected. */
static void expect_layout(const struct lineedit *e, int width, const char *rows,
                          const char *widths, size_t row, int col)
{
	struct lineedit_view v = {0};
	cr_assert_eq(lineedit_layout(e, width, &v), 0);
	char *w;
	char *r = rows_of(e, &v, &w);
	cr_expect_str_eq(r, rows, "„%s“ at width %d", lineedit_text(e), width);
	cr_expect_str_eq(w, widths, "widths of „%s“ at width %d", lineedit_text(e), width);
	cr_expect_eq(v.cur_row, row, "cursor row %zu, want %zu", v.cur_row, row);
	cr_expect_eq(v.cur_col, col, "cursor column %d, want %d", v.cur_col, col);
	free(r);
	free(w);
	lineedit_view_free(&v);
}

/* ---------------------------------------------------------------- widths */

Test(lineedit, cpwidth_without_a_locale)
{
	/* Nothing here calls setlocale(): the process is in the "C" locale,
	 * where wcwidth() could not tell a wide character from any other. */
	cr_assert_eq(MB_CUR_MAX, 1, "the test must run in the C locale");
	static const struct { uint32_t cp; int w; } t[] = {
		{'A', 1}, {' ', 1}, {0xE4, 1}, {0xDF, 1}, {0x20AC, 1}, {0xFFFD, 1},
		/* combining marks: the listed blocks and others of category Mn/Me */
		{0x0300, 0}, {0x0301, 0}, {0x036F, 0}, {0x0370, 1}, {0x1AB0, 0}, {0x1AFF, 0},
		{0x1DC0, 0}, {0x1DFF, 0}, {0x20D0, 0}, {0x20FF, 0}, {0xFE20, 0}, {0xFE2F, 0},
		{0x0591, 0}, {0x064B, 0}, {0x093C, 0}, {0x0488, 0}, {0xFE0F, 0}, {0xE0100, 0},
		/* zero-width characters */
		{0x200A, 1}, {0x200B, 0}, {0x200D, 0}, {0x200F, 0}, {0x2010, 1}, {0x2028, 0},
		{0x202E, 0}, {0x202F, 1}, {0x2060, 0}, {0x2064, 0}, {0xFEFF, 0},
		/* East Asian Wide and Fullwidth, emoji, and their edges */
		{0x10FF, 1}, {0x1100, 2}, {0x115F, 2}, {0x2E7F, 1}, {0x2E80, 2}, {0x3000, 2},
		{0x303E, 2}, {0x303F, 1}, {0x3041, 2}, {0x302A, 0}, {0x33FF, 2}, {0x3400, 2},
		{0x4E2D, 2}, {0x9FFF, 2}, {0xA000, 2}, {0xA4CF, 2}, {0xA4D0, 1}, {0xAC00, 2},
		{0xD7A3, 2}, {0xD7A4, 1}, {0xF900, 2}, {0xFAFF, 2}, {0xFE30, 2}, {0xFE4F, 2},
		{0xFF01, 2}, {0xFF60, 2}, {0xFF61, 1}, {0xFFE0, 2}, {0xFFE6, 2}, {0xFFE7, 1},
		{0x1F2FF, 1}, {0x1F300, 2}, {0x1F600, 2}, {0x1F64F, 2}, {0x1F650, 1},
		{0x1F900, 1}, {0x1F90C, 2}, {0x1F914, 2}, {0x1F9FF, 2}, {0x1FA00, 1}, {0x20000, 2},
		{0x3FFFD, 2}, {0x3FFFE, 1}, {0x10FFFF, 1},
	};
	for (size_t i = 0; i < N(t); i++)
		cr_expect_eq(width_cp(t[i].cp), t[i].w, "U+%04X: %d, want %d", t[i].cp,
		             width_cp(t[i].cp), t[i].w);
}

Test(lineedit, strwidth)
{
	static const struct { const char *s; size_t w; } t[] = {
		{"", 0}, {"abc", 3}, {"äß€", 3}, {"中文", 4}, {"e" ACUTE, 1},
		{"e" ACUTE DOT_BELOW "x", 2}, {"😀a", 3}, {"ｱ全角", 5},
		{"\xFF", 1}, {"\xE4\xB8", 2}, {"a\xC0\xAF" "b", 4},
	};
	for (size_t i = 0; i < N(t); i++)
		cr_expect_eq(width_str(t[i].s, strlen(t[i].s)), t[i].w, "case %zu", i);
	cr_expect_eq(width_str("中文", 3), 2, "only the bytes asked for");
}

/* ------------------------------------------------------------- inserting */

Test(lineedit, starts_empty)
{
	struct lineedit e;
	lineedit_init(&e, 10, false);
	cr_expect_str_eq(lineedit_text(&e), "");
	cr_expect_eq(lineedit_length(&e), 0);
	cr_expect_eq(lineedit_cursor(&e), 0);
	cr_expect_not(lineedit_left(&e));
	cr_expect_not(lineedit_backspace(&e));
	cr_expect_not(lineedit_delete(&e));
	lineedit_free(&e);
	cr_expect_str_eq(lineedit_text(&e), "", "a freed editor reads as empty");
}

Test(lineedit, insert_code_points)
{
	struct lineedit e;
	lineedit_init(&e, 0, false);
	static const uint32_t cps[] = {'a', 0xE4, 0xDF, 0x20AC, 0x4E2D, 0x1F600};
	static const size_t at[] = {1, 3, 5, 8, 11, 15};
	for (size_t i = 0; i < N(cps); i++) {
		cr_assert_eq(lineedit_insert_cp(&e, cps[i]), 0);
		cr_expect_eq(lineedit_cursor(&e), at[i], "after U+%04X", cps[i]);
	}
	cr_expect_str_eq(lineedit_text(&e), "aäß€中😀");
	cr_expect_eq(lineedit_length(&e), 6);
	lineedit_free(&e);
}

Test(lineedit, insert_in_the_middle)
{
	struct lineedit e = make("Strae", 0, false);
	cr_assert(lineedit_left(&e));
	cr_expect_eq(lineedit_insert_cp(&e, 0xDF), 0);
	cr_expect_str_eq(lineedit_text(&e), "Straße");
	cr_expect_eq(lineedit_cursor(&e), 6);
	cr_expect_eq(lineedit_insert(&e, "€中", strlen("€中")), 0);
	cr_expect_str_eq(lineedit_text(&e), "Straß€中e");
	cr_expect_eq(lineedit_cursor(&e), 12);
	cr_expect_eq(lineedit_length(&e), 8);
	lineedit_free(&e);
}

Test(lineedit, max_length_counts_characters)
{
	struct lineedit e;
	lineedit_init(&e, 3, false);
	cr_expect_eq(lineedit_insert(&e, "äöü", strlen("äöü")), 0, "6 bytes, 3 characters");
	cr_expect_eq(lineedit_insert_cp(&e, 'x'), -1);
	cr_expect_eq(lineedit_insert_cp(&e, 0x0301), -1, "a mark counts too");
	cr_expect_str_eq(lineedit_text(&e), "äöü");
	cr_expect_eq(lineedit_set(&e, "abcdef"), -1);
	cr_expect_str_eq(lineedit_text(&e), "abc");
	cr_expect_eq(lineedit_cursor(&e), 3);
	lineedit_free(&e);

	lineedit_init(&e, 5, false);
	lineedit_set(&e, "ab");
	cr_expect_eq(lineedit_insert(&e, "cdefg", 5), -1);
	cr_expect_str_eq(lineedit_text(&e), "abcde");
	cr_expect(lineedit_backspace(&e));
	cr_expect_eq(lineedit_insert_cp(&e, 0x4E2D), 0, "room again after a backspace");
	cr_expect_str_eq(lineedit_text(&e), "abcd中");
	lineedit_free(&e);

	lineedit_init(&e, 0, false);
	char big[3001];
	memset(big, 'x', 3000);
	big[3000] = '\0';
	cr_expect_eq(lineedit_set(&e, big), 0, "0 means no limit");
	cr_expect_eq(lineedit_length(&e), 3000);
	lineedit_free(&e);
}

Test(lineedit, max_length_never_cuts_a_character_in_two)
{
	struct lineedit e;
	lineedit_init(&e, 3, false);
	lineedit_set(&e, "ab");
	cr_expect_eq(lineedit_insert(&e, "e" ACUTE "x", strlen("e" ACUTE "x")), -1);
	cr_expect_str_eq(lineedit_text(&e), "ab", "e fits, its accent does not: neither goes in");
	lineedit_free(&e);

	lineedit_init(&e, 4, false);
	lineedit_set(&e, "ab");
	cr_expect_eq(lineedit_insert(&e, "e" ACUTE "x", strlen("e" ACUTE "x")), -1);
	cr_expect_str_eq(lineedit_text(&e), "abe" ACUTE);
	cr_expect_eq(lineedit_length(&e), 4);
	lineedit_free(&e);
}

Test(lineedit, invalid_utf8_becomes_replacement_characters)
{
	struct lineedit e;
	lineedit_init(&e, 0, false);
	static const char bad[] = "a\xFF" "b\xC3";
	cr_expect_eq(lineedit_insert(&e, bad, strlen(bad)), 0);
	cr_expect_str_eq(lineedit_text(&e), "a" FFFD "b" FFFD);
	cr_expect_eq(lineedit_length(&e), 4);
	lineedit_set(&e, "\xC0\xAF|\xED\xA0\x80");
	cr_expect_str_eq(lineedit_text(&e), FFFD FFFD "|" FFFD FFFD FFFD,
	                 "overlong forms and surrogates, byte by byte");
	lineedit_set(&e, "");
	cr_expect_eq(lineedit_insert_cp(&e, 0xD800), 0);
	cr_expect_eq(lineedit_insert_cp(&e, 0x110000), 0);
	cr_expect_str_eq(lineedit_text(&e), FFFD FFFD);
	cr_expect_eq(lineedit_length(&e), 2);
	lineedit_free(&e);
}

Test(lineedit, control_characters_are_never_stored)
{
	struct lineedit e;
	lineedit_init(&e, 0, true);
	static const uint32_t refused[] = {0, 0x07, 0x1B, '\r', 0x7F, 0x85, 0x9F};
	for (size_t i = 0; i < N(refused); i++)
		cr_expect_eq(lineedit_insert_cp(&e, refused[i]), -1, "U+%04X", refused[i]);
	cr_expect_str_eq(lineedit_text(&e), "");
	cr_expect_eq(lineedit_insert_cp(&e, '\t'), 0);
	cr_expect_str_eq(lineedit_text(&e), " ", "a tab becomes a space");
	static const char in[] = "a\x01" "b\tc\0d\x1B" "e\xC2\x85" "f";
	cr_expect_eq(lineedit_insert(&e, in, sizeof in - 1), 0);
	cr_expect_str_eq(lineedit_text(&e), " ab cdef");
	cr_expect_eq(lineedit_length(&e), 8);
	lineedit_free(&e);
}

Test(lineedit, newlines_in_one_line_mode)
{
	struct lineedit e = make("ab", 0, false);
	cr_expect_eq(lineedit_insert_cp(&e, '\n'), -1);
	cr_expect_str_eq(lineedit_text(&e), "ab");
	static const char in[] = "c\nd\r\ne\rf";
	cr_expect_eq(lineedit_insert(&e, in, strlen(in)), 0);
	cr_expect_str_eq(lineedit_text(&e), "abc d e f", "pasted line breaks become spaces");
	cr_expect_eq(lineedit_set(&e, "Max\nMustermann"), 0);
	cr_expect_str_eq(lineedit_text(&e), "Max Mustermann");
	lineedit_free(&e);
}

Test(lineedit, newlines_in_multi_line_mode)
{
	struct lineedit e = make("ab", 0, true);
	cr_expect_eq(lineedit_insert_cp(&e, '\n'), 0);
	static const char in[] = "c\r\nd\re";
	cr_expect_eq(lineedit_insert(&e, in, strlen(in)), 0);
	cr_expect_str_eq(lineedit_text(&e), "ab\nc\nd\ne");
	cr_expect_eq(lineedit_length(&e), 8, "a newline is a character");
	lineedit_free(&e);

	e = make("", 4, true);
	cr_expect_eq(lineedit_insert(&e, "a\n\nbc", 5), -1);
	cr_expect_str_eq(lineedit_text(&e), "a\n\nb", "newlines count towards the limit");
	lineedit_free(&e);
}

/* -------------------------------------------------------------- deleting */

Test(lineedit, backspace_and_delete_multibyte)
{
	struct lineedit e = make("aä€中😀", 0, false);
	static const char *const after_bs[] = {"aä€中", "aä€", "aä", "a", ""};
	for (size_t i = 0; i < N(after_bs); i++) {
		cr_assert(lineedit_backspace(&e));
		cr_expect_str_eq(lineedit_text(&e), after_bs[i]);
		cr_expect_eq(lineedit_cursor(&e), strlen(after_bs[i]));
		cr_expect_eq(lineedit_length(&e), N(after_bs) - 1 - i);
	}
	cr_expect_not(lineedit_backspace(&e));

	lineedit_set(&e, "aä€中😀");
	to_start(&e);
	static const char *const after_del[] = {"ä€中😀", "€中😀", "中😀", "😀", ""};
	for (size_t i = 0; i < N(after_del); i++) {
		cr_assert(lineedit_delete(&e));
		cr_expect_str_eq(lineedit_text(&e), after_del[i]);
		cr_expect_eq(lineedit_cursor(&e), 0);
	}
	cr_expect_not(lineedit_delete(&e));
	lineedit_free(&e);
}

Test(lineedit, backspace_and_delete_take_the_accents_along)
{
	struct lineedit e = make("xe" ACUTE DOT_BELOW "y", 0, false);
	cr_expect_eq(lineedit_length(&e), 5);
	cr_assert(lineedit_left(&e));
	cr_assert(lineedit_backspace(&e));
	cr_expect_str_eq(lineedit_text(&e), "xy", "e with both marks goes at once");
	cr_expect_eq(lineedit_cursor(&e), 1);
	cr_expect_eq(lineedit_length(&e), 2);

	lineedit_set(&e, "xe" ACUTE DOT_BELOW "y");
	to_start(&e);
	cr_assert(lineedit_right(&e));
	cr_assert(lineedit_delete(&e));
	cr_expect_str_eq(lineedit_text(&e), "xy");
	cr_expect_eq(lineedit_cursor(&e), 1);

	lineedit_set(&e, "👩" ZWJ "💻!");
	cr_assert(lineedit_left(&e));
	cr_assert(lineedit_backspace(&e));
	cr_expect_str_eq(lineedit_text(&e), "👩" ZWJ "!", "the joiner belongs to the woman");
	cr_assert(lineedit_backspace(&e));
	cr_expect_str_eq(lineedit_text(&e), "!");
	lineedit_free(&e);
}

Test(lineedit, a_typed_accent_joins_the_letter_before_it)
{
	struct lineedit e = make("Caf", 0, false);
	cr_assert_eq(lineedit_insert_cp(&e, 'e'), 0);
	cr_assert_eq(lineedit_insert_cp(&e, 0x0301), 0);
	cr_expect_str_eq(lineedit_text(&e), "Cafe" ACUTE);
	cr_expect_eq(lineedit_cursor(&e), 6);
	cr_assert(lineedit_left(&e));
	cr_expect_eq(lineedit_cursor(&e), 3, "one step back covers e and its accent");
	lineedit_free(&e);
}

Test(lineedit, a_mark_without_a_base)
{
	struct lineedit e = make(ACUTE "a", 0, false);
	to_start(&e);
	cr_assert(lineedit_right(&e));
	cr_expect_eq(lineedit_cursor(&e), 2, "a leading mark stands alone");
	lineedit_set(&e, ACUTE);
	to_start(&e);
	cr_assert_eq(lineedit_insert_cp(&e, 'e'), 0);
	cr_expect_str_eq(lineedit_text(&e), "e" ACUTE);
	cr_expect_eq(lineedit_cursor(&e), 3, "the cursor is never left between e and its mark");
	lineedit_free(&e);

	e = make("a\n" ACUTE, 0, true);
	cr_assert(lineedit_left(&e));
	cr_expect_eq(lineedit_cursor(&e), 2, "a mark after a newline does not join it");
	cr_assert(lineedit_backspace(&e));
	cr_expect_str_eq(lineedit_text(&e), "a" ACUTE);
	cr_expect_eq(lineedit_cursor(&e), 3);
	lineedit_free(&e);
}

/* ---------------------------------------------------------------- moving */

Test(lineedit, left_and_right_over_whole_characters)
{
	static const char text[] = "aäß€中😀e" ACUTE "z";
	static const size_t stops[] = {0, 1, 3, 5, 8, 11, 15, 18, 19};
	struct lineedit e = make(text, 0, false);
	cr_expect_eq(lineedit_cursor(&e), stops[N(stops) - 1]);
	cr_expect_not(lineedit_right(&e));
	for (size_t i = N(stops) - 1; i > 0; i--) {
		cr_assert(lineedit_left(&e));
		cr_expect_eq(lineedit_cursor(&e), stops[i - 1], "left from %zu", stops[i]);
	}
	cr_expect_not(lineedit_left(&e));
	for (size_t i = 1; i < N(stops); i++) {
		cr_assert(lineedit_right(&e));
		cr_expect_eq(lineedit_cursor(&e), stops[i], "right from %zu", stops[i - 1]);
	}
	lineedit_free(&e);
}

Test(lineedit, home_and_end)
{
	struct lineedit e = make("a€c", 0, false);
	cr_expect(lineedit_home(&e));
	cr_expect_eq(lineedit_cursor(&e), 0);
	cr_expect_not(lineedit_home(&e));
	cr_expect(lineedit_end(&e));
	cr_expect_eq(lineedit_cursor(&e), 5);
	cr_expect_not(lineedit_end(&e));
	lineedit_free(&e);

	e = make("ab\ncä\nef", 0, true);
	cr_expect(lineedit_home(&e));
	cr_expect_eq(lineedit_cursor(&e), 7, "start of the last line");
	cr_assert(lineedit_left(&e));
	cr_expect_eq(lineedit_cursor(&e), 6, "before the newline");
	cr_assert(lineedit_left(&e));
	cr_expect(lineedit_home(&e));
	cr_expect_eq(lineedit_cursor(&e), 3);
	cr_expect(lineedit_end(&e));
	cr_expect_eq(lineedit_cursor(&e), 6);
	cr_assert(lineedit_right(&e));
	cr_expect_eq(lineedit_cursor(&e), 7, "right crosses the newline");
	lineedit_free(&e);
}

Test(lineedit, up_and_down_over_lines)
{
	struct lineedit e = make("abcd\nxy\nlonger line", 0, true);
	to_start(&e);
	for (int i = 0; i < 3; i++)
		lineedit_right(&e);
	cr_expect_not(lineedit_up(&e, 20), "on the first row");
	cr_expect_eq(lineedit_cursor(&e), 3);
	cr_assert(lineedit_down(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 7, "end of the short line");
	cr_assert(lineedit_down(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 11, "back in column 3");
	cr_expect_not(lineedit_down(&e, 20), "on the last row");
	cr_assert(lineedit_up(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 7);
	cr_assert(lineedit_up(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 3);

	cr_assert(lineedit_down(&e, 20));
	cr_assert(lineedit_left(&e));
	cr_assert(lineedit_down(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 9, "a sideways move forgets the old column");
	lineedit_free(&e);

	e = make("abc", 0, false);
	cr_expect_not(lineedit_up(&e, 20), "nothing to do in one-line mode");
	cr_expect_not(lineedit_down(&e, 20));
	lineedit_free(&e);
}

Test(lineedit, up_and_down_over_wrapped_rows)
{
	struct lineedit e = make("aaaa bbbb cccc", 0, true);
	expect_layout(&e, 5, "aaaa |bbbb |cccc", "5,5,4", 2, 4);
	cr_assert(lineedit_up(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 9);
	cr_assert(lineedit_up(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 4);
	cr_expect_not(lineedit_up(&e, 5));
	cr_assert(lineedit_down(&e, 5));
	cr_assert(lineedit_down(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 14);
	lineedit_free(&e);

	/* A short wrapped row: the cursor stays on it, then finds its column. */
	e = make("abcdefgh ij", 0, true);
	expect_layout(&e, 5, "abcde|fgh |ij", "5,4,2", 2, 2);
	to_start(&e);
	for (int i = 0; i < 4; i++)
		lineedit_right(&e);
	cr_assert(lineedit_down(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 8, "the last character of the row, not past it");
	expect_layout(&e, 5, "abcde|fgh |ij", "5,4,2", 1, 3);
	cr_assert(lineedit_down(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 11);
	cr_assert(lineedit_up(&e, 5));
	cr_assert(lineedit_up(&e, 5));
	cr_expect_eq(lineedit_cursor(&e), 4, "column 4 again");
	cr_expect_not(lineedit_up(&e, 1), "no layout narrower than two columns");
	lineedit_free(&e);
}

Test(lineedit, up_and_down_by_display_column)
{
	struct lineedit e = make("ab中\n中cd\ne" ACUTE "e" ACUTE "xyz", 0, true);
	lineedit_home(&e);
	cr_assert(lineedit_up(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 6, "column 0 of the middle line");
	cr_assert(lineedit_right(&e));
	cr_assert(lineedit_up(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 2, "column 2 is where 中 starts");
	cr_assert(lineedit_down(&e, 20));
	cr_assert(lineedit_down(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 18, "column 2 after two accented letters");
	lineedit_free(&e);

	e = make("ab中\n中cd", 0, true);
	to_start(&e);
	cr_assert(lineedit_right(&e));
	cr_assert(lineedit_down(&e, 20));
	cr_expect_eq(lineedit_cursor(&e), 6, "column 1 lies in 中: the cursor goes to its start");
	lineedit_free(&e);
}

/* ------------------------------------------------------ multi-line layout */

Test(lineedit, wrap_at_spaces)
{
	struct lineedit e = make("Das ist ein Test", 0, true);
	expect_layout(&e, 10, "Das ist |ein Test", "8,8", 1, 8);
	expect_layout(&e, 16, "Das ist ein Test|", "16,0", 1, 0);
	expect_layout(&e, 17, "Das ist ein Test", "16", 0, 16);
	to_start(&e);
	expect_layout(&e, 10, "Das ist |ein Test", "8,8", 0, 0);
	lineedit_free(&e);
}

Test(lineedit, wrap_inside_long_words)
{
	struct lineedit e = make("Donaudampfschiff", 0, true);
	expect_layout(&e, 6, "Donaud|ampfsc|hiff", "6,6,4", 2, 4);
	lineedit_set(&e, "ab Donaudampfschiff");
	expect_layout(&e, 6, "ab |Donaud|ampfsc|hiff", "3,6,6,4", 3, 4);
	lineedit_set(&e, "hello world");
	expect_layout(&e, 5, "hello| |world|", "5,1,5,0", 3, 0);
	lineedit_free(&e);
}

Test(lineedit, wrap_wide_characters_whole)
{
	struct lineedit e = make("中文字符串", 0, true);
	expect_layout(&e, 5, "中文|字符|串", "4,4,2", 2, 2);
	expect_layout(&e, 4, "中文|字符|串", "4,4,2", 2, 2);
	expect_layout(&e, 2, "中|文|字|符|串|", "2,2,2,2,2,0", 5, 0);
	lineedit_set(&e, "a中中");
	expect_layout(&e, 4, "a中|中", "3,2", 1, 2);
	lineedit_set(&e, "Grüße 😀😀 ok");
	expect_layout(&e, 8, "Grüße |😀😀 ok", "6,7", 1, 7);
	expect_layout(&e, 7, "Grüße |😀😀 ok|", "6,7,0", 2, 0);
	lineedit_left(&e);
	expect_layout(&e, 7, "Grüße |😀😀 ok|", "6,7,0", 1, 6);
	lineedit_free(&e);
}

Test(lineedit, wrap_keeps_marks_with_their_letter)
{
	struct lineedit e = make("e" ACUTE "e" ACUTE DOT_BELOW "e" ACUTE, 0, true);
	expect_layout(&e, 2, "e" ACUTE "e" ACUTE DOT_BELOW "|e" ACUTE, "2,1", 1, 1);
	struct lineedit_view v = {0};
	cr_assert_eq(lineedit_layout(&e, 2, &v), 0);
	cr_expect_eq(v.rows[0].len, 8);
	cr_expect_eq(v.rows[1].off, 8);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

Test(lineedit, hard_line_breaks_and_empty_lines)
{
	struct lineedit e = make("a\n\nb", 0, true);
	struct lineedit_view v = {0};
	cr_assert_eq(lineedit_layout(&e, 5, &v), 0);
	cr_assert_eq(v.nrows, 3);
	static const size_t off[] = {0, 2, 3}, len[] = {1, 0, 1};
	for (size_t i = 0; i < 3; i++) {
		cr_expect_eq(v.rows[i].off, off[i], "row %zu", i);
		cr_expect_eq(v.rows[i].len, len[i], "row %zu", i);
	}
	lineedit_left(&e);
	lineedit_left(&e);
	cr_expect_eq(lineedit_cursor(&e), 2);
	cr_assert_eq(lineedit_layout(&e, 5, &v), 0);
	cr_expect_eq(v.cur_row, 1, "on the empty line");
	cr_expect_eq(v.cur_col, 0);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

Test(lineedit, a_full_row_leaves_the_cursor_cell_on_the_next)
{
	struct lineedit e = make("abcde", 0, true);
	expect_layout(&e, 5, "abcde|", "5,0", 1, 0);
	lineedit_left(&e);
	expect_layout(&e, 5, "abcde|", "5,0", 0, 4);
	lineedit_set(&e, "abcde\nx");
	lineedit_left(&e);
	lineedit_left(&e);
	expect_layout(&e, 5, "abcde||x", "5,0,1", 1, 0);
	lineedit_set(&e, "abcdefgh");
	to_start(&e);
	for (int i = 0; i < 5; i++)
		lineedit_right(&e);
	expect_layout(&e, 5, "abcde|fgh", "5,3", 1, 0);
	lineedit_free(&e);
}

Test(lineedit, layout_of_nothing_and_of_too_narrow_fields)
{
	struct lineedit e = make("", 0, true);
	expect_layout(&e, 5, "", "0", 0, 0);
	struct lineedit_view v = {0};
	cr_expect_eq(lineedit_layout(&e, 1, &v), -1);
	cr_expect_eq(v.nrows, 0);
	lineedit_free(&e);
	e = make("", 0, false);
	expect_layout(&e, 5, "", "0", 0, 0);
	cr_expect_eq(lineedit_layout(&e, 0, &v), -1);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

/* ---------------------------------------------------- one-line scrolling */

/* Lay out through v and compare the window with what is expected. */
static void expect_window(const struct lineedit *e, struct lineedit_view *v, int width,
                          const char *row, size_t scroll, int col, bool left, bool right)
{
	cr_assert_eq(lineedit_layout(e, width, v), 0);
	cr_assert_eq(v->nrows, 1);
	char *r = rows_of(e, v, NULL);
	cr_expect_str_eq(r, row, "cursor at byte %zu", lineedit_cursor(e));
	cr_expect_eq(v->scroll, scroll, "scroll %zu, want %zu", v->scroll, scroll);
	cr_expect_eq(v->cur_col, col, "column %d, want %d", v->cur_col, col);
	cr_expect_eq(v->more_left, left);
	cr_expect_eq(v->more_right, right);
	free(r);
}

Test(lineedit, one_line_scrolls_no_more_than_needed)
{
	struct lineedit e = make("abcdefghijklmnopqrstuvwxyz", 0, false);
	struct lineedit_view v = {0};
	expect_window(&e, &v, 10, "rstuvwxyz", 17, 9, true, false);
	for (int i = 0; i < 7; i++)
		lineedit_left(&e);
	expect_window(&e, &v, 10, "rstuvwxyz", 17, 2, true, false);
	lineedit_left(&e);
	expect_window(&e, &v, 10, "qrstuvwxyz", 16, 2, true, false);
	lineedit_home(&e);
	expect_window(&e, &v, 10, "abcdefghij", 0, 0, false, true);
	for (int i = 0; i < 7; i++)
		lineedit_right(&e);
	expect_window(&e, &v, 10, "abcdefghij", 0, 7, false, true);
	lineedit_right(&e);
	expect_window(&e, &v, 10, "bcdefghijk", 1, 7, true, true);
	lineedit_end(&e);
	for (int i = 0; i < 20; i++)
		lineedit_backspace(&e);
	expect_window(&e, &v, 10, "abcdef", 0, 6, false, false);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

Test(lineedit, one_line_wide_character_at_the_right_edge)
{
	struct lineedit e = make("abcde中f", 0, false);
	struct lineedit_view v = {0};
	lineedit_home(&e);
	expect_window(&e, &v, 6, "abcde", 0, 0, false, true);
	for (int i = 0; i < 5; i++)
		lineedit_right(&e);
	expect_window(&e, &v, 6, "cde中f", 2, 3, true, false);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

Test(lineedit, one_line_wide_character_at_the_left_edge)
{
	struct lineedit e = make("中中中中中", 0, false);
	struct lineedit_view v = {0};
	expect_window(&e, &v, 5, "中中", 6, 4, true, false);
	lineedit_left(&e);
	expect_window(&e, &v, 5, "中中", 6, 2, true, false);
	lineedit_left(&e);
	expect_window(&e, &v, 5, "中中", 4, 2, true, true);
	lineedit_home(&e);
	expect_window(&e, &v, 5, "中中", 0, 0, false, true);
	lineedit_view_free(&v);
	lineedit_free(&e);
}

/* Display width of the code point at t[i]. */
static int width_at(const char *t, size_t i)
{
	uint32_t cp;
	utf8_decode(t + i, strlen(t + i), &cp);
	return width_cp(cp);
}

/* Walk the cursor over s in both directions at every width from 2 to 12,
 * checking on each step what must always hold for the one-line window. */
static void walk_window(const char *s)
{
	for (int w = 2; w <= 12; w++) {
		struct lineedit e = make(s, 0, false);
		struct lineedit_view v = {0};
		const char *t = lineedit_text(&e);
		for (int pass = 0; pass < 2; pass++) {
			do {
				cr_assert_eq(lineedit_layout(&e, w, &v), 0);
				const struct lineedit_row *r = &v.rows[0];
				size_t cur = lineedit_cursor(&e), off = r->off, end = off + r->len;
				cr_assert(off <= cur && cur <= end, "„%s“ w %d: cursor %zu outside [%zu, %zu]",
				          s, w, cur, off, end);
				cr_assert_eq(width_str(t, off), v.scroll, "scroll is where the row starts");
				cr_assert_eq(width_str(t + off, r->len), (size_t)r->width);
				cr_assert_leq(r->width, w, "„%s“ w %d: row too wide", s, w);
				cr_assert_eq(width_str(t + off, cur - off), (size_t)v.cur_col);
				int cell = cur < e.len ? width_at(t, cur) : 1;
				cr_assert_lt(v.cur_col, w, "„%s“ w %d: cursor column %d", s, w, v.cur_col);
				cr_assert_leq(v.cur_col + cell, w, "„%s“ w %d: cursor cell cut off", s, w);
				/* The window starts and ends between characters. */
				cr_assert(off == 0 || width_at(t, off) != 0, "row starts with a mark");
				cr_assert(t[end] == '\0' || width_at(t, end) != 0, "row ends before a mark");
				cr_assert_neq((unsigned char)t[off] & 0xC0, 0x80, "row starts mid-character");
				cr_assert_neq((unsigned char)t[end] & 0xC0, 0x80, "row ends mid-character");
			} while (pass == 0 ? lineedit_left(&e) : lineedit_right(&e));
		}
		lineedit_view_free(&v);
		lineedit_free(&e);
	}
}

Test(lineedit, one_line_cursor_always_visible)
{
	walk_window("abcdefghijklmnopqrstuvwxyz0123456789");
	walk_window("中a文bc字符串😀x😀yy🤔z全角ＡＢ");
	walk_window("e" ACUTE "e" ACUTE "中e" ACUTE DOT_BELOW "xyze" ACUTE "中中e" ACUTE "q");
}
