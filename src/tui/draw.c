/*
 * draw: clipped and wrapped text in display columns.
 */
#include "tui/draw.h"

#include <string.h>

#include "util/width.h"
#include "util/utf8.h"

/* An ASCII stand-in for a symbol, where the locale is not UTF-8. */
static uint32_t fallback(uint32_t cp)
{
	static const struct { uint32_t from; char to; } map[] = {
		{0x201E, '"'}, {0x201C, '"'}, {0x201D, '"'}, {0x201A, '\''}, {0x2018, '\''},
		{0x2019, '\''}, {0x2013, '-'}, {0x2014, '-'}, {0x2026, '.'}, {0x2022, '*'},
		{0x00B7, '.'}, {0x2713, '+'}, {0x2500, '-'}, {0x2191, '^'}, {0x2193, 'v'},
		{0x2190, '<'}, {0x2192, '>'}, {0x00D7, 'x'}, {0x25B6, '>'},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].from == cp)
			return (uint32_t)(unsigned char)map[i].to;
	return cp;
}

/* Put n bytes of UTF-8 at (y, x) through the wide-character interface, so
 * that curses converts them to the terminal's character set. */
static void put(int y, int x, const char *s, size_t n)
{
	wchar_t w[256];
	size_t k = 0, i = 0;
	move(y, x);
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w[k++] = (wchar_t)(term_utf8() ? cp : fallback(cp));
		if (k == sizeof w / sizeof w[0] - 1 || i >= n) {
			addnwstr(w, (int)k);
			k = 0;
		}
	}
}

int draw_width(const char *s)
{
	return (int)width_str(s, strlen(s));
}

/* Bytes of s (n bytes) that fit in 'width' columns, and their width. */
static size_t fit(const char *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int cw = width_cp(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	*used = w;
	return i;
}

int draw_text(int y, int x, const char *s, int width, enum style st)
{
	int used;
	if (width <= 0)
		return 0;
	size_t n = fit(s, strcspn(s, "\n"), width, &used); /* one line: up to a line break */
	attrset((int)term_attr(st));
	put(y, x, s, n);
	attrset(A_NORMAL);
	return used;
}

void draw_line(int y, int x, const char *s, int width, enum style st)
{
	int used = draw_text(y, x, s, width, st);
	attrset((int)term_attr(st));
	for (int i = used; i < width; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/* Length of the next row of s: up to 'width' columns, broken at a space. */
static size_t next_row(const char *s, int width, size_t *skip)
{
	size_t nl = strcspn(s, "\n");
	int used;
	size_t n = fit(s, nl, width, &used);
	*skip = 0;
	if (n == nl) {
		*skip = s[nl] == '\n';
		return n;
	}
	size_t cut = n;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		return n ? n : utf8_offset(s, nl, 1); /* a word longer than the row */
	*skip = 1;
	return cut;
}

int draw_wrap(int y, int x, const char *s, int width, int maxrows, enum style st)
{
	int rows = 0;
	if (width <= 0)
		return 0;
	while (*s || rows == 0) {
		size_t skip, n = next_row(s, width, &skip);
		if (rows < maxrows) {
			attrset((int)term_attr(st));
			put(y + rows, x, s, n);
			attrset(A_NORMAL);
		}
		rows++;
		s += n + skip;
		if (!*s)
			break;
	}
	return rows;
}

void draw_rule(int y, int x, int width, enum style st)
{
	attrset((int)term_attr(st));
	for (int i = 0; i < width; i++)
		put(y, x + i, "─", strlen("─"));
	attrset(A_NORMAL);
}
