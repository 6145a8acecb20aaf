/*
 * rfile: sealing and opening response files.
 */
#include "store/rfile.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/uuid.h"
#include "util/xmalloc.h"

enum { O_ID = 8, O_UUID = 24, O_GEN = 40, O_NONCE = 48, O_SLEN = 72 };
#define TAG crypto_aead_xchacha20poly1305_ietf_ABYTES

static const uint8_t magic[8] = {'F', 'B', 'R', 'E', 'S', 'P', 0, 1};

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The nonce of part 'i' (0 summary, 1 full): the stored nonce, last byte ^ i. */
static void part_nonce(uint8_t nonce[24], const uint8_t *hdr, int i)
{
	memcpy(nonce, hdr + O_NONCE, 24);
	nonce[23] ^= (uint8_t)i;
}

void rfile_seal(const uint8_t key[32], const uint8_t store_id[16], const uint8_t uuid[UUID_BYTES],
                uint64_t generation, const char *summary, size_t slen, const char *full,
                size_t flen, uint8_t **out, size_t *outlen)
{
	size_t n = RFILE_HEADER + slen + TAG + flen + TAG;
	uint8_t *b = xmalloc(n), nonce[24];
	memcpy(b, magic, 8);
	memcpy(b + O_ID, store_id, 16);
	memcpy(b + O_UUID, uuid, UUID_BYTES);
	for (int i = 0; i < 8; i++)
		b[O_GEN + i] = (uint8_t)(generation >> (8 * i));
	randombytes_buf(b + O_NONCE, 24);
	put32(b + O_SLEN, (uint32_t)(slen + TAG));
	part_nonce(nonce, b, 0);
	crypto_aead_xchacha20poly1305_ietf_encrypt(b + RFILE_HEADER, NULL, (const uint8_t *)summary,
	                                           slen, b, RFILE_HEADER, NULL, nonce, key);
	part_nonce(nonce, b, 1);
	crypto_aead_xchacha20poly1305_ietf_encrypt(b + RFILE_HEADER + slen + TAG, NULL,
	                                           (const uint8_t *)full, flen, b, RFILE_HEADER,
	                                           NULL, nonce, key);
	*out = b;
	*outlen = n;
}

/* Decrypt one part into a new NUL-terminated string. */
static int open_part(const uint8_t key[32], const uint8_t *hdr, int i, const uint8_t *ct,
                     size_t n, char **out)
{
	uint8_t nonce[24];
	part_nonce(nonce, hdr, i);
	char *p = xmalloc(n - TAG + 1);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt((uint8_t *)p, NULL, NULL, ct, n, hdr,
	                                               RFILE_HEADER, nonce, key) != 0) {
		free(p);
		return -1;
	}
	p[n - TAG] = '\0';
	*out = p;
	return 0;
}

enum rfile_status rfile_open(const uint8_t key[32], const uint8_t store_id[16],
                             const uint8_t *uuid, const uint8_t *buf, size_t len,
                             char **summary, char **full, uint64_t *generation,
                             uint8_t found_uuid[UUID_BYTES])
{
	*summary = NULL;
	if (full)
		*full = NULL;
	if (len < 7 || memcmp(buf, magic, 7) != 0)
		return RF_NOT_OURS;
	if (len < 8 || buf[7] != magic[7])
		return len >= 8 && buf[7] > magic[7] ? RF_VERSION : RF_DAMAGED;
	if (len < RFILE_HEADER + 2 * TAG)
		return RF_DAMAGED;
	if (memcmp(buf + O_ID, store_id, 16) != 0)
		return RF_WRONG_STORE;
	if (uuid && memcmp(buf + O_UUID, uuid, UUID_BYTES) != 0)
		return RF_WRONG_ID;
	size_t slen = get32(buf + O_SLEN);
	if (slen < TAG || slen > len - RFILE_HEADER - TAG)
		return RF_DAMAGED;
	if (open_part(key, buf, 0, buf + RFILE_HEADER, slen, summary) < 0)
		return RF_DAMAGED;
	if (full && open_part(key, buf, 1, buf + RFILE_HEADER + slen, len - RFILE_HEADER - slen,
	                      full) < 0) {
		free(*summary);
		*summary = NULL;
		return RF_DAMAGED;
	}
	uint64_t g = 0;
	for (int i = 7; i >= 0; i--)
		g = (g << 8) | buf[O_GEN + i];
	*generation = g;
	if (found_uuid)
		memcpy(found_uuid, buf + O_UUID, UUID_BYTES);
	return RF_OK;
}

int rfile_uuid_parse(const char *t, uint8_t out[UUID_BYTES])
{
	return uuid_parse(t, out);
}

void rfile_uuid_format(const uint8_t b[UUID_BYTES], char out[UUID_TEXT])
{
	uuid_format(b, out);
}
