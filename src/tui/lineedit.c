/*
 * lineedit: editing and laying out a UTF-8 text field.
 *
 * Never calls curses or setlocale(): the two tables below are the only
 * source of display widths, so the layout is the same everywhere.
 * Invariants kept by every function: buf is valid UTF-8 without control
 * characters (except '\n' in multi-line mode) and NUL-terminated, nchars
 * counts its code points, and cur sits at the start of a character.
 */
#include "tui/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define CONTEXT 4   /* columns kept visible beside the cursor, at most */

struct range {
	uint32_t lo, hi;
};

/*
 * Zero width: the Unicode 14.0 categories Mn and Me (neighbouring ranges
 * with only unassigned code points between them merged), the zero-width
 * format characters U+200B-200F, 2028-202E, 2060-2064 and FEFF, and the
 * Hangul vowel and final jamo U+1160-11FF, which a terminal joins to the
 * leading jamo before them.
 */
static const struct range zero[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A},
	{0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x07FD, 0x07FD}, {0x0816, 0x0819},
	{0x081B, 0x0823}, {0x0825, 0x0827}, {0x0829, 0x082D}, {0x0859, 0x085B},
	{0x0898, 0x089F}, {0x08CA, 0x08E1}, {0x08E3, 0x0902}, {0x093A, 0x093A},
	{0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
	{0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4},
	{0x09CD, 0x09CD}, {0x09E2, 0x09E3}, {0x09FE, 0x0A02}, {0x0A3C, 0x0A3C},
	{0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75}, {0x0A81, 0x0A82},
	{0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3},
	{0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44},
	{0x0B4D, 0x0B56}, {0x0B62, 0x0B63}, {0x0B82, 0x0B82}, {0x0BC0, 0x0BC0},
	{0x0BCD, 0x0BCD}, {0x0C00, 0x0C00}, {0x0C04, 0x0C04}, {0x0C3C, 0x0C3C},
	{0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63}, {0x0C81, 0x0C81},
	{0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6}, {0x0CCC, 0x0CCD},
	{0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C}, {0x0D41, 0x0D44},
	{0x0D4D, 0x0D4D}, {0x0D62, 0x0D63}, {0x0D81, 0x0D81}, {0x0DCA, 0x0DCA},
	{0x0DD2, 0x0DD6}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
	{0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD}, {0x0F18, 0x0F19},
	{0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39}, {0x0F71, 0x0F7E},
	{0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC}, {0x0FC6, 0x0FC6},
	{0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E},
	{0x1058, 0x1059}, {0x105E, 0x1060}, {0x1071, 0x1074}, {0x1082, 0x1082},
	{0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D}, {0x1160, 0x11FF},
	{0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
	{0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6},
	{0x17C9, 0x17D3}, {0x17DD, 0x17DD}, {0x180B, 0x180D}, {0x180F, 0x180F},
	{0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922}, {0x1927, 0x1928},
	{0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B},
	{0x1A56, 0x1A56}, {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C},
	{0x1A73, 0x1A7F}, {0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A},
	{0x1B3C, 0x1B3C}, {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81},
	{0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD}, {0x1BE6, 0x1BE6},
	{0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33},
	{0x1C36, 0x1C37}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8},
	{0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF},
	{0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
	{0x2CEF, 0x2CF1}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x302A, 0x302D},
	{0x3099, 0x309A}, {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F},
	{0xA6F0, 0xA6F1}, {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B},
	{0xA825, 0xA826}, {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1},
	{0xA8FF, 0xA8FF}, {0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982},
	{0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD}, {0xA9E5, 0xA9E5},
	{0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43},
	{0xAA4C, 0xAA4C}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4},
	{0xAAB7, 0xAAB8}, {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED},
	{0xAAF6, 0xAAF6}, {0xABE5, 0xABE5}, {0xABE8, 0xABE8}, {0xABED, 0xABED},
	{0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0x101FD, 0x101FD}, {0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10A01, 0x10A0F},
	{0x10A38, 0x10A3F}, {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC},
	{0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11001, 0x11001}, {0x11038, 0x11046},
	{0x11070, 0x11070}, {0x11073, 0x11074}, {0x1107F, 0x11081}, {0x110B3, 0x110B6},
	{0x110B9, 0x110BA}, {0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B},
	{0x1112D, 0x11134}, {0x11173, 0x11173}, {0x11180, 0x11181}, {0x111B6, 0x111BE},
	{0x111C9, 0x111CC}, {0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234},
	{0x11236, 0x11237}, {0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA},
	{0x11300, 0x11301}, {0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x11374},
	{0x11438, 0x1143F}, {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E},
	{0x114B3, 0x114B8}, {0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3},
	{0x115B2, 0x115B5}, {0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD},
	{0x11633, 0x1163A}, {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB},
	{0x116AD, 0x116AD}, {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F},
	{0x11722, 0x11725}, {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A},
	{0x1193B, 0x1193C}, {0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119DB},
	{0x119E0, 0x119E0}, {0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E},
	{0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96},
	{0x11A98, 0x11A99}, {0x11C30, 0x11C3D}, {0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7},
	{0x11CAA, 0x11CB0}, {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45},
	{0x11D47, 0x11D47}, {0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97},
	{0x11EF3, 0x11EF4}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
	{0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E}, {0x1CF00, 0x1CF46},
	{0x1D167, 0x1D169}, {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD},
	{0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
	{0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A}, {0x1E130, 0x1E136},
	{0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A},
	{0xE0100, 0xE01EF},
};

/* East Asian Wide and Fullwidth, and the common emoji blocks. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

/* ---------------------------------------------------------------- widths */

/* Whether cp lies in one of the n sorted, disjoint ranges of t. */
static bool in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int lineedit_cpwidth(uint32_t cp)
{
	if (cp < 0x0300)
		return 1;
	if (in_table(cp, zero, N(zero)))
		return 0;
	if (in_table(cp, wide, N(wide)))
		return 2;
	return 1;
}

size_t lineedit_strwidth(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)lineedit_cpwidth(cp);
	}
	return w;
}

/* ------------------------------------------------------------ characters */

/* Length of the code point at pos if it belongs to the character before
 * it (it is zero-width and not the first of the text or of a line), else 0. */
static size_t joiner_len(const struct lineedit *e, size_t pos)
{
	if (pos == 0 || pos >= e->len || e->buf[pos - 1] == '\n')
		return 0;
	uint32_t cp;
	size_t k = utf8_decode(e->buf + pos, e->len - pos, &cp);
	return lineedit_cpwidth(cp) == 0 ? k : 0;
}

/* End of the character that starts at pos (< len); its columns in *w
 * ('\n' takes none). */
static size_t char_end(const struct lineedit *e, size_t pos, size_t *w)
{
	uint32_t cp;
	pos += utf8_decode(e->buf + pos, e->len - pos, &cp);
	*w = cp == '\n' ? 0 : (size_t)lineedit_cpwidth(cp);
	size_t k;
	while ((k = joiner_len(e, pos)) > 0)
		pos += k;
	return pos;
}

/* Start of the character that ends at pos (> 0). */
static size_t char_start(const struct lineedit *e, size_t pos)
{
	do {
		pos--;
		while (pos > 0 && ((unsigned char)e->buf[pos] & 0xC0) == 0x80)
			pos--;
	} while (joiner_len(e, pos) > 0);
	return pos;
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
		if (line_start || lineedit_cpwidth(cp) != 0) {
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
	size_t total = lineedit_strwidth(e->buf, e->len);
	size_t c = lineedit_strwidth(e->buf, e->cur), cw = 1, m = w / 4;
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
	v->cur_col = (int)(lineedit_strwidth(e->buf, e->cur) - col);
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
			v->cur_col = (int)lineedit_strwidth(e->buf + r->off, e->cur - r->off);
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
