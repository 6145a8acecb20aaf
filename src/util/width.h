/*
 * width: display columns and characters of UTF-8 text, without a locale.
 *
 * The interface lays text out in columns and curses draws it in cells; the
 * two must agree, or lines overflow and the cursor stands beside its
 * character. curses counts cells with the C library's wcwidth(), which
 * answers only in a UTF-8 locale. This module carries that answer in its own
 * tables instead, so the report export, the tests and the headless
 * interface measure the same in every locale, "C" included, and never touch
 * the process locale.
 *
 * Agreement. The tables are those of wcwidth() in GNU libc 2.36 (Unicode
 * 14.0) in a UTF-8 locale: for every code point to which wcwidth() gives a
 * width, width_cp() gives the same (checked code point by code point in
 * tests/unit/test_width.c against the C library the tests run with). Where
 * wcwidth() gives none (-1), width_cp() still answers, because a caller
 * needs a number:
 *   - control characters (U+0001-001F, U+007F-009F) count 1 column; text
 *     models never store them, and curses would draw them as "^X";
 *   - unassigned code points count 2 inside the blocks kept for wide
 *     characters (CJK, Hangul, Yi, the planes U+20000-3FFFD), 0 inside the
 *     combining blocks, and 1 elsewhere, as Unicode's EastAsianWidth
 *     defaults say;
 *   - U+0000 counts 1 (wcwidth: 0); it never occurs inside a C string.
 * A C library with a newer Unicode gives widths to code points assigned
 * since; the test then names each difference, and the tables are brought
 * up to date from it.
 *
 * Characters. A character, for the cursor and for clipping, is a code point
 * together with the zero-width code points (combining marks, variation
 * selectors, joiners) that follow it: "e" + U+0301 is one character of
 * width 1. A zero-width code point at the start of the text or right after
 * a '\n' has no base and is a character of its own (width 0). An emoji
 * sequence joined with U+200D (ZWJ) is several characters: the joiner
 * belongs to the emoji before it, the next emoji starts a new character.
 * Its width is the sum of its emoji, 2 each: that is where curses puts the
 * following cells, whatever glyph a terminal chooses to show.
 *
 * All functions are total (bad UTF-8 counts as U+FFFD, one byte each),
 * allocate nothing and have no error state.
 */
#ifndef FB_WIDTH_H
#define FB_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Display columns of one code point: 0, 1 or 2 (see above). */
int width_cp(uint32_t cp);
/* Display columns of the UTF-8 text s[0, n). */
size_t width_str(const char *s, size_t n);

/* The length of the code point at s[pos] if it joins the character before
 * it (it is zero-width, pos > 0 and s[pos - 1] is not '\n'), else 0
 * (also when pos >= n). */
size_t width_joiner(const char *s, size_t n, size_t pos);
/* The end of the character that starts at pos (< n), and in *cols its
 * display columns. */
size_t width_next(const char *s, size_t n, size_t pos, size_t *cols);
/* The start of the character that ends at pos (0 < pos <= n). */
size_t width_prev(const char *s, size_t n, size_t pos);

#endif
