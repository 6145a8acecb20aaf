/*
 * uuid: generation, parsing and formatting.
 */
#include "util/uuid.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int uuid_parse(const char *t, uint8_t out[UUID_BYTES])
{
	if (strlen(t) != 36)
		return -1;
	int k = 0;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (t[i] != '-')
				return -1;
			continue;
		}
		int hi = hexval(t[i]), lo = hexval(t[i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[k++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return k == UUID_BYTES ? 0 : -1;
}

void uuid_format(const uint8_t b[UUID_BYTES], char out[UUID_TEXT])
{
	snprintf(out, UUID_TEXT,
	         "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
	         b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
	         b[15]);
}

void uuid_new(char out[UUID_TEXT])
{
	uint8_t b[UUID_BYTES];
	randombytes_buf(b, sizeof b);
	b[6] = (uint8_t)((b[6] & 0x0F) | 0x40);
	b[8] = (uint8_t)((b[8] & 0x3F) | 0x80);
	uuid_format(b, out);
}
