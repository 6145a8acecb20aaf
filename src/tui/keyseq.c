/*
 * keyseq: the sequences of xterm, the VT220 family, rxvt, screen, tmux and
 * the Linux console, as their documentation and terminfo entries give them.
 */
#include "tui/keyseq.h"

#include <curses.h> /* the KEY_ codes only: curses itself is term's */

bool keyseq_starts(int c)
{
	return c == '[' || c == 'O';
}

/* A final byte of a control sequence (ECMA-48: 0x40 to 0x7e). */
static bool is_final(char c)
{
	return c >= 0x40 && c <= 0x7e;
}

bool keyseq_complete(const char *seq, size_t n)
{
	if (n >= KEYSEQ_MAX)
		return true;
	if (n < 2)
		return false;
	if (seq[0] == '[' && seq[1] == '[') /* Linux console F1–F5: ESC [ [ A … E */
		return n >= 3;
	return is_final(seq[n - 1]);
}

/* The key of a "~" sequence by its first parameter (VT220 numbering). */
static int tilde_key(int p)
{
	static const int keys[] = {
		[1] = KEY_HOME,   [2] = KEY_IC,     [3] = KEY_DC,     [4] = KEY_END,
		[5] = KEY_PPAGE,  [6] = KEY_NPAGE,  [7] = KEY_HOME,   [8] = KEY_END,
		[11] = KEY_F(1),  [12] = KEY_F(2),  [13] = KEY_F(3),  [14] = KEY_F(4),
		[15] = KEY_F(5),  [17] = KEY_F(6),  [18] = KEY_F(7),  [19] = KEY_F(8),
		[20] = KEY_F(9),  [21] = KEY_F(10), [23] = KEY_F(11), [24] = KEY_F(12),
	};
	return p > 0 && p < (int)(sizeof keys / sizeof *keys) ? keys[p] : 0;
}

/* The key of a sequence ending in a letter (CSI or SS3). */
static int letter_key(char c)
{
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case 'Z': return KEY_BTAB;
	case 'P': return KEY_F(1);
	case 'Q': return KEY_F(2);
	case 'R': return KEY_F(3);
	case 'S': return KEY_F(4);
	default: return 0;
	}
}

int keyseq_key(const char *seq, size_t n)
{
	if (n < 2 || n >= KEYSEQ_MAX || !keyseq_complete(seq, n))
		return 0;
	if (seq[0] == '[' && seq[1] == '[')
		return seq[2] >= 'A' && seq[2] <= 'E' ? KEY_F(1 + seq[2] - 'A') : 0;
	int p = 0;
	size_t i = 1;
	for (; i < n - 1 && seq[i] >= '0' && seq[i] <= '9' && p < 1000; i++)
		p = p * 10 + (seq[i] - '0');
	for (; i < n - 1; i++) /* modifiers: ";5", or anything else in between */
		if (!(seq[i] == ';' || (seq[i] >= '0' && seq[i] <= '9')))
			return 0;
	char fin = seq[n - 1];
	if (fin == '~')
		return seq[0] == '[' ? tilde_key(p) : 0;
	if (seq[0] == 'O' && fin == 'M')
		return KEY_ENTER; /* the keypad's Enter in application mode */
	/* CSI "1;5A" is Ctrl+Up; a number before a letter is only a modifier */
	return letter_key(fin);
}
