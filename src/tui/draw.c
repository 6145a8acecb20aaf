/*
 * draw: clipped and wrapped text in display columns.
 */
#include "tui/draw.h"

#include <string.h>

#include "tui/lineedit.h"
#include "util/utf8.h"

int draw_width(const char *s)
{
	return (int)lineedit_strwidth(s, strlen(s));
}

/* Bytes of s (n bytes) that fit in 'width' columns, and their width. */
static size_t fit(const char *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int cw = lineedit_cpwidth(cp);
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
	mvaddnstr(y, x, s, (int)n);
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
			mvaddnstr(y + rows, x, s, (int)n);
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
		mvaddstr(y, x + i, term_utf8() ? "─" : "-");
	attrset(A_NORMAL);
}
