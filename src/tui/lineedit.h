/*
 * lineedit: the model behind a text field — a UTF-8 buffer with a cursor,
 * for one-line fields and multi-line text areas, and the layout that tells a
 * drawing module which bytes go on which screen row and where the cursor is.
 *
 * It never touches curses, a terminal or the process locale: widths and
 * characters are those of util/width.h (fixed tables that agree with the
 * C library's wcwidth()), so tests need no setlocale().
 *
 * Characters. The length limit counts code points. The cursor, backspace
 * and delete work on whole characters as width.h defines them: a code
 * point together with the zero-width code points (combining marks,
 * joiners) that follow it, so "e" + U+0301 is deleted and stepped over as
 * one. A zero-width code point at the start of the text or of a line has
 * no base and stands alone.
 *
 * What gets stored: valid UTF-8 only (bad input bytes become U+FFFD), never
 * a control character; a tab becomes a space; "\r\n" and "\r" become "\n"
 * in multi-line mode; in one-line mode a line break in inserted text becomes
 * one space (a single typed '\n' is refused instead).
 *
 * Ownership: the editor owns its buffer; lineedit_free() releases it. The
 * string from lineedit_text() belongs to the editor and is valid until the
 * next change. A struct lineedit_view owns its row array; start it zeroed,
 * hand it to lineedit_layout() as often as you like, and release it with
 * lineedit_view_free().
 *
 * Return values: edits and motions return true when they changed something;
 * insertions and lineedit_set() return 0, or -1 when (part of) the input
 * was refused. There is no other error state.
 */
#ifndef FB_LINEEDIT_H
#define FB_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lineedit {
	char *buf;      /* UTF-8, NUL-terminated */
	size_t len;     /* bytes in buf */
	size_t cap;     /* bytes allocated */
	size_t cur;     /* cursor: byte offset, always between two characters */
	size_t nchars;  /* code points in buf */
	size_t max;     /* most code points allowed; 0 = no limit */
	bool multiline;
	int goal;       /* display column that up/down aim for; -1 = none yet */
};

/* One screen row: bytes buf[off, off + len) take 'width' columns. */
struct lineedit_row {
	size_t off;
	size_t len;     /* never includes the '\n' that ends a line */
	int width;
};

/*
 * What to draw. In one-line mode there is exactly one row (the visible
 * window), 'scroll' is the number of columns hidden at the left and
 * more_left / more_right say whether text is hidden beyond either edge.
 * In multi-line mode there is one row per wrapped line, scroll is 0.
 * The cursor is at (cur_row, cur_col), with 0 <= cur_col < width.
 */
struct lineedit_view {
	struct lineedit_row *rows;  /* owned by the view */
	size_t nrows;
	size_t cap;
	size_t cur_row;
	int cur_col;
	size_t scroll;  /* kept between calls, so the window does not jump */
	bool more_left, more_right;
};

/* An empty editor for at most 'max' code points (0 = no limit). */
void lineedit_init(struct lineedit *e, size_t max, bool multiline);
/* Release the buffer; the editor is empty and must be initialised again. */
void lineedit_free(struct lineedit *e);

/* Replace the content with s (cut after 'max' characters); cursor at the end.
 * 0, or -1 if s was cut. */
int lineedit_set(struct lineedit *e, const char *s);
/* Insert one code point at the cursor. 0, or -1 if refused: the field is
 * full, cp is a control character, or a '\n' in one-line mode. Code points
 * that are not Unicode scalar values are stored as U+FFFD. */
int lineedit_insert_cp(struct lineedit *e, uint32_t cp);
/* Insert s[0, n) at the cursor, as many whole characters as fit.
 * 0, or -1 if something was left out because of the length limit. */
int lineedit_insert(struct lineedit *e, const char *s, size_t n);
/* Remove the character before / under the cursor. */
bool lineedit_backspace(struct lineedit *e);
bool lineedit_delete(struct lineedit *e);

/* Move over one character. */
bool lineedit_left(struct lineedit *e);
bool lineedit_right(struct lineedit *e);
/* Start / end of the text, or of the current line (between '\n's) in
 * multi-line mode. */
bool lineedit_home(struct lineedit *e);
bool lineedit_end(struct lineedit *e);
/* Multi-line mode: move one row up / down in the layout for 'width',
 * keeping the display column of the first of a run of vertical moves.
 * False (and no move) on the first / last row or in one-line mode. */
bool lineedit_up(struct lineedit *e, int width);
bool lineedit_down(struct lineedit *e, int width);

/* The content, NUL-terminated; never NULL. */
const char *lineedit_text(const struct lineedit *e);
/* Length in code points. */
size_t lineedit_length(const struct lineedit *e);
/* The cursor as a byte offset into lineedit_text(). */
size_t lineedit_cursor(const struct lineedit *e);

/*
 * Lay the text out for a field 'width' columns wide. One-line mode: scroll
 * so that the cursor and a few columns around it are visible, moving the
 * window no more than needed; the window never starts or ends inside a
 * character (a wide character that does not fit at the right edge is left
 * for the next window). Multi-line mode: wrap after the last space that
 * fits, inside a word when there is none, never inside a character; a line
 * that fills the width exactly is followed by an empty row, where the
 * cursor stands at that line's end. Returns 0, or -1 if width < 2 (the
 * view is then left empty).
 */
int lineedit_layout(const struct lineedit *e, int width, struct lineedit_view *v);
/* Release the view's rows and zero it. */
void lineedit_view_free(struct lineedit_view *v);

#endif
