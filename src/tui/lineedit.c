/*
 * lineedit: editing and laying out a UTF-8 text field.
 *
 * Never calls curses or setlocale(): widths and the bounds of characters
 * come from util/width, so the layout is the same everywhere.
 * Invariants kept by every function: buf is valid UTF-8 without control
 * characters (except '\n' in multi-line mode) and NUL-terminated, nchars
 * counts its code points, and cur sits at the start of a character.
 */
#include "tui/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/width.h"
#include "util/xmalloc.h"

#define CONTEXT 4   /* columns kept visible beside the cursor, at most */

/* ------------------------------------------------------------ characters */

/* Length of the code point at pos if it belongs to the character before
 * it (it is zero-width and not the first of the text or of a line), else 0. */
static size_t joiner_len(const struct lineedit *e, size_t pos)
{
	return width_joiner(e->buf, e->len, pos);
}

/* End of the character that starts at pos (< len); its columns in *w
 * ('\n' takes none: it ends the row instead). */
static size_t char_end(const struct lineedit *e, size_t pos, size_t *w)
{
	size_t end = width_next(e->buf, e->len, pos, w);
	if (e->buf[pos] == '\n')
		*w = 0;
	return end;
}

/* Start of the character that ends at pos (> 0). */
static size_t char_start(const struct lineedit *e, size_t pos)
{
	return width_prev(e->buf, e->len, pos);
}

/* After an edit, move the cursor off a mark that now joins the character
 * before it (a base was put in front of a mark that stood alone). */
static void snap(struct lineedit *e)
{
	size_t k;
	while ((k = joiner_len(e, e->cur)) > 0)
		e->cur += k;
	e->goal = -1;
}

/* ---------------------------------------------------------------- buffer */

void lineedit_init(struct lineedit *e, size_t max, bool multiline)
{
	*e = (struct lineedit){.max = max, .multiline = multiline, .goal = -1};
	e->cap = 32;
	e->buf = xmalloc(e->cap);
	e->buf[0] = '\0';
}

void lineedit_free(struct lineedit *e)
{
	free(e->buf);
	*e = (struct lineedit){.goal = -1};
}

/* Make room for 'extra' more bytes and the NUL. */
static void reserve(struct lineedit *e, size_t extra)
{
	size_t need = e->len + extra + 1;
	if (need <= e->cap)
		return;
	size_t cap = e->cap ? e->cap : 32;
	while (cap < need)
		cap *= 2;
	e->buf = xrealloc(e->buf, cap);
	e->cap = cap;
}

/* How many more code points fit. */
static size_t room(const struct lineedit *e)
{
	if (e->max == 0)
		return SIZE_MAX;
	return e->nchars < e->max ? e->max - e->nchars : 0;
}

/* Put the clean text t[0, n), 'count' code points, at the cursor. */
static void splice_in(struct lineedit *e, const char *t, size_t n, size_t count)
{
	reserve(e, n);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, t, n);
	e->len += n;
	e->cur += n;
	e->nchars += count;
	snap(e);
}

/* Remove buf[from, to) and leave the cursor there. */
static void cut(struct lineedit *e, size_t from, size_t to)
{
	e->nchars -= utf8_count(e->buf + from, to - from);
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
	snap(e);
}

/* ------------------------------------------------------------- inserting */

/* What to store for the input code point cp; 0 = nothing. */
static uint32_t clean(const struct lineedit *e, uint32_t cp)
{
	if (cp == '\t')
		return ' ';
	if (cp == '\n')
		return e->multiline ? '\n' : ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	return cp;
}

/* Append the storable form of s[0, n) to out. */
static void normalise(const struct lineedit *e, const char *s, size_t n, struct sbuf *out)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (cp == '\r') {
			if (i < n && s[i] == '\n')
				continue;
			cp = '\n';
		}
		cp = clean(e, cp);
		if (cp) {
			char b[4];
			sbuf_add(out, b, utf8_encode(cp, b));
		}
	}
}

/*
 * How many bytes of the clean text t[0, n) to insert when only 'avail' more
 * code points fit: cut before the first character that does not fit whole.
 * The number of code points kept goes to *count.
 */
static size_t fit(const struct lineedit *e, const char *t, size_t n, size_t avail, size_t *count)
{
	bool line_start = e->cur == 0 || e->buf[e->cur - 1] == '\n';
	size_t i = 0, keep = 0, kept = 0, c = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(t + i, n - i, &cp);
		if (line_start || width_cp(cp) != 0) {
			keep = i;   /* a character starts here */
			kept = c;
		}
		if (c == avail) {
			*count = kept;
			return keep;
		}
		c++;
		i += k;
		line_start = cp == '\n';
	}
	*count = c;
	return n;
}

int lineedit_insert(struct lineedit *e, const char *s, size_t n)
{
	struct sbuf t = {0};
	normalise(e, s, n, &t);
	size_t count;
	size_t keep = fit(e, sbuf_str(&t), t.len, room(e), &count);
	if (keep > 0)
		splice_in(e, sbuf_str(&t), keep, count);
	int rc = keep == t.len ? 0 : -1;
	sbuf_free(&t);
	return rc;
}

int lineedit_insert_cp(struct lineedit *e, uint32_t cp)
{
	if (cp == '\n' && !e->multiline)
		return -1;
	cp = clean(e, cp);
	if (cp == 0 || room(e) == 0)
		return -1;
	char b[4];
	splice_in(e, b, utf8_encode(cp, b), 1);
	return 0;
}

int lineedit_set(struct lineedit *e, const char *s)
{
	e->len = e->cur = e->nchars = 0;
	e->buf[0] = '\0';
	int rc = lineedit_insert(e, s ? s : "", s ? strlen(s) : 0);
	e->cur = e->len;
	e->goal = -1;
	return rc;
}

/* -------------------------------------------------------- editing, moving */

bool lineedit_backspace(struct lineedit *e)
{
	e->goal = -1;
	if (e->cur == 0)
		return false;
	cut(e, char_start(e, e->cur), e->cur);
	return true;
}

bool lineedit_delete(struct lineedit *e)
{
	e->goal = -1;
	if (e->cur >= e->len)
		return false;
	size_t w;
	cut(e, e->cur, char_end(e, e->cur, &w));
	return true;
}

/* Put the cursor at pos (a character start); whether it moved. */
static bool move_to(struct lineedit *e, size_t pos)
{
	e->goal = -1;
	if (pos == e->cur)
		return false;
	e->cur = pos;
	return true;
}

bool lineedit_left(struct lineedit *e)
{
	return e->cur > 0 && move_to(e, char_start(e, e->cur));
}

bool lineedit_right(struct lineedit *e)
{
	size_t w;
	return e->cur < e->len && move_to(e, char_end(e, e->cur, &w));
}

bool lineedit_home(struct lineedit *e)
{
	size_t p = e->multiline ? e->cur : 0;
	while (p > 0 && e->buf[p - 1] != '\n')
		p--;
	return move_to(e, p);
}

bool lineedit_end(struct lineedit *e)
{
	size_t p = e->multiline ? e->cur : e->len;
	while (p < e->len && e->buf[p] != '\n')
		p++;
	return move_to(e, p);
}

const char *lineedit_text(const struct lineedit *e)
{
	return e->buf ? e->buf : "";
}

size_t lineedit_length(const struct lineedit *e)
{
	return e->nchars;
}

size_t lineedit_cursor(const struct lineedit *e)
{
	return e->cur;
}

/* ---------------------------------------------------------------- layout */

/* Append the row buf[off, off + len), 'width' columns, to v. */
static void add_row(struct lineedit_view *v, size_t off, size_t len, size_t width)
{
	if (v->nrows == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->rows = xreallocarray(v->rows, v->cap, sizeof *v->rows);
	}
	v->rows[v->nrows++] = (struct lineedit_row){off, len, (int)width};
}

/*
 * One-line mode: the first column of a window w columns wide that shows the
 * cursor cell and up to CONTEXT columns (a quarter of the width at most) on
 * either side, and moves as little as possible from v->scroll; it moves back
 * left when the text has become too short to fill it. *lo is the least
 * column that still shows everything wanted right of the cursor.
 */
static size_t scroll_col(const struct lineedit *e, size_t w, const struct lineedit_view *v,
                         size_t *lo)
{
	size_t total = width_str(e->buf, e->len);
	size_t c = width_str(e->buf, e->cur), cw = 1, m = w / 4;
	if (e->cur < e->len)
		char_end(e, e->cur, &cw);
	if (cw == 0)
		cw = 1;
	if (m > CONTEXT)
		m = CONTEXT;
	size_t extent = total + 1;   /* the cell after the text, for the cursor */
	size_t right = c + cw + m < total ? c + cw + m : total;
	if (right < c + cw)
		right = c + cw;
	size_t hi = c > m ? c - m : 0;
	size_t s = v->scroll < hi ? v->scroll : hi;
	if (s + w > extent)   /* the text got shorter */
		s = extent > w ? extent - w : 0;
	*lo = right > w ? right - w : 0;
	return s < *lo ? *lo : s;
}

/*
 * One-line mode: the visible row. A wide character across the scroll
 * column is shown whole if that keeps the right side in view, else hidden;
 * characters that do not fit whole at the right are left out.
 */
static void window(const struct lineedit *e, size_t w, struct lineedit_view *v)
{
	size_t lo, s = scroll_col(e, w, v, &lo);
	size_t pos = 0, col = 0, cw;
	while (pos < e->len && col < s) {
		size_t next = char_end(e, pos, &cw);
		if (col + cw > s && col >= lo)
			break;
		col += cw;
		pos = next;
	}
	size_t end = pos, used = 0;
	while (end < e->len) {
		size_t next = char_end(e, end, &cw);
		if (used + cw > w)
			break;
		used += cw;
		end = next;
	}
	add_row(v, pos, end - pos, used);
	v->scroll = col;
	v->cur_col = (int)(width_str(e->buf, e->cur) - col);
	v->more_left = pos > 0;
	v->more_right = end < e->len;
}

/*
 * Multi-line mode: wrap the line buf[pos, end) into rows of w columns,
 * after the last space that fits or else before the first character that
 * does not. A line that fills its last row leaves no cell for the cursor
 * at its end, so an empty row follows it.
 */
static void wrap_line(const struct lineedit *e, size_t pos, size_t end, size_t w,
                      struct lineedit_view *v)
{
	size_t start = pos, col = 0, brk = pos, brkcol = 0, cw;
	while (pos < end) {
		size_t next = char_end(e, pos, &cw);
		if (col > 0 && col + cw > w) {
			if (brk > start) {
				add_row(v, start, brk - start, brkcol);
				col -= brkcol;
				start = brk;
			} else {
				add_row(v, start, pos - start, col);
				col = 0;
				start = pos;
			}
			brk = start;
			continue;
		}
		bool space = e->buf[pos] == ' ';
		col += cw;
		pos = next;
		if (space) {
			brk = pos;
			brkcol = col;
		}
	}
	add_row(v, start, end - start, col);
	if (col >= w)
		add_row(v, end, 0, 0);
}

/* Whether row i ends its line, so that the position after it is on it. */
static bool owns_end(const struct lineedit_view *v, size_t i)
{
	return i + 1 == v->nrows || v->rows[i + 1].off != v->rows[i].off + v->rows[i].len;
}

/* Multi-line mode: the row and column of the cursor. */
static void find_cursor(const struct lineedit *e, struct lineedit_view *v)
{
	for (size_t i = 0; i < v->nrows; i++) {
		const struct lineedit_row *r = &v->rows[i];
		size_t end = r->off + r->len;
		if (e->cur >= r->off && (e->cur < end || (e->cur == end && owns_end(v, i)))) {
			v->cur_row = i;
			v->cur_col = (int)width_str(e->buf + r->off, e->cur - r->off);
			return;
		}
	}
}

int lineedit_layout(const struct lineedit *e, int width, struct lineedit_view *v)
{
	v->nrows = v->cur_row = 0;
	v->cur_col = 0;
	v->more_left = v->more_right = false;
	if (width < 2)
		return -1;
	if (!e->multiline) {
		window(e, (size_t)width, v);
		return 0;
	}
	v->scroll = 0;
	size_t pos = 0;
	for (;;) {
		const char *nl = memchr(e->buf + pos, '\n', e->len - pos);
		size_t end = nl ? (size_t)(nl - e->buf) : e->len;
		wrap_line(e, pos, end, (size_t)width, v);
		if (!nl)
			break;
		pos = end + 1;
	}
	find_cursor(e, v);
	return 0;
}

void lineedit_view_free(struct lineedit_view *v)
{
	free(v->rows);
	*v = (struct lineedit_view){0};
}

/* The character start on row i nearest to column 'goal' from the left; the
 * row's end only if the row ends its line (else that end is on the next). */
static size_t pos_at_col(const struct lineedit *e, const struct lineedit_view *v, size_t i,
                         size_t goal)
{
	const struct lineedit_row *r = &v->rows[i];
	size_t pos = r->off, end = r->off + r->len, col = 0, last = r->off, w;
	while (pos < end) {
		size_t next = char_end(e, pos, &w);
		if (col + w > goal)
			return pos;
		col += w;
		last = pos;
		pos = next;
	}
	return owns_end(v, i) ? end : last;
}

/* Move one row up (dir -1) or down (+1) in the layout for 'width'. */
static bool vmove(struct lineedit *e, int width, int dir)
{
	struct lineedit_view v = {0};
	bool moved = false;
	if (e->multiline && lineedit_layout(e, width, &v) == 0) {
		bool edge = dir < 0 ? v.cur_row == 0 : v.cur_row + 1 >= v.nrows;
		if (!edge) {
			int goal = e->goal >= 0 ? e->goal : v.cur_col;
			size_t row = dir < 0 ? v.cur_row - 1 : v.cur_row + 1;
			e->cur = pos_at_col(e, &v, row, (size_t)goal);
			e->goal = goal;
			moved = true;
		}
	}
	lineedit_view_free(&v);
	return moved;
}

bool lineedit_up(struct lineedit *e, int width)
{
	return vmove(e, width, -1);
}

bool lineedit_down(struct lineedit *e, int width)
{
	return vmove(e, width, +1);
}
