/*
 * keyseq: the escape sequences of function and cursor keys, read by this
 * program itself when the terminal's description (TERM) does not know
 * them — a vt100 entry in an xterm, a "linux" console over SSH. Without
 * this, F10 under TERM=vt100 would arrive as ESC [ 2 1 ~ and the "[21~"
 * would end up in an answer. A sequence is known or it is dropped whole;
 * its bytes never become text.
 *
 * The bytes are those after ESC: "[" (CSI) or "O" (SS3), parameters, a
 * final byte. Modifiers (";5" for Ctrl …) are read past and ignored.
 * Pure functions, no state; nothing fails.
 */
#ifndef FB_KEYSEQ_H
#define FB_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>

/* The longest sequence read; a longer one is dropped when it reaches this. */
#define KEYSEQ_MAX 32

/* Whether a byte after ESC starts a sequence ('[' or 'O'). */
bool keyseq_starts(int c);

/* Whether seq[0..n) (after ESC, n >= 1) is complete: its final byte has
 * come, or it has grown to KEYSEQ_MAX. */
bool keyseq_complete(const char *seq, size_t n);

/* The curses key code (KEY_F(10), KEY_END …) of a complete sequence, or 0
 * for one this program does not know (to be dropped). */
int keyseq_key(const char *seq, size_t n);

#endif
