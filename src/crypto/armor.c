/*
 * armor: reading the ASCII armor of age files, line by line. The base64 is
 * libsodium's (sodium_base642bin, original alphabet with padding, nothing
 * ignored), which already rejects stray characters, wrong padding and
 * non-zero unused bits; this file checks the PEM frame and the lengths of
 * the lines. It never repairs a file: what it accepts has exactly one
 * armored form, up to the whitespace around the block and the line ends.
 * It never writes armor — the program sends binary age files.
 */
#include "crypto/armor.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

#define BEGIN "-----BEGIN AGE ENCRYPTED FILE-----"
#define END "-----END AGE ENCRYPTED FILE-----"
#define COLUMNS 64u    /* base64 characters in every line but the last */
#define LINE_BYTES 48u /* the bytes they hold */

/* The whitespace allowed before and after the block. */
static bool is_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The offset of the first byte from i on that is not whitespace (or n). */
static size_t skip_space(const uint8_t *in, size_t n, size_t i)
{
	while (i < n && is_space(in[i]))
		i++;
	return i;
}

/* Whether in[i..n) starts with the text s. */
static bool starts(const uint8_t *in, size_t n, size_t i, const char *s)
{
	size_t len = strlen(s);
	return i <= n && n - i >= len && memcmp(in + i, s, len) == 0;
}

/* The line at in[*pos..n), without its LF or CRLF, and *pos past it; -1 if
 * the input ends before a line end. */
static int next_line(const uint8_t *in, size_t n, size_t *pos, const char **line, size_t *len)
{
	const uint8_t *nl = *pos < n ? memchr(in + *pos, '\n', n - *pos) : NULL;
	if (!nl)
		return -1;
	size_t end = (size_t)(nl - in);
	*line = (const char *)in + *pos;
	*len = end - *pos;
	if (*len > 0 && (*line)[*len - 1] == '\r')
		(*len)--;
	*pos = end + 1;
	return 0;
}

bool armor_is_armored(const uint8_t *in, size_t n)
{
	return starts(in, n, skip_space(in, n, 0), BEGIN);
}

/* The begin line at in[*pos..n) with its line end, and *pos past it; -1 if
 * it is not there. */
static int begin_line(const uint8_t *in, size_t n, size_t *pos)
{
	const char *line;
	size_t len;
	if (next_line(in, n, pos, &line, &len) < 0 || len != strlen(BEGIN) ||
	    memcmp(line, BEGIN, len) != 0)
		return -1;
	return 0;
}

int armor_decode(const uint8_t *in, size_t n, uint8_t **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	size_t pos = skip_space(in, n, 0);
	if (begin_line(in, n, &pos) < 0)
		return -1;
	size_t cap = n / 4 * 3 + 3, o = 0;
	uint8_t *buf = xmalloc(cap);
	bool last = false; /* the line before was short or padded */
	while (!starts(in, n, pos, END)) {
		const char *line;
		size_t len, got;
		if (last || next_line(in, n, &pos, &line, &len) < 0 || len == 0 || len > COLUMNS ||
		    sodium_base642bin(buf + o, cap - o, line, len, NULL, &got, NULL,
		                      sodium_base64_VARIANT_ORIGINAL) != 0) {
			free(buf);
			return -1;
		}
		last = len < COLUMNS || got < LINE_BYTES;
		o += got;
	}
	if (skip_space(in, n, pos + strlen(END)) != n) {
		free(buf);
		return -1;
	}
	*out = buf;
	*outlen = o;
	return 0;
}
