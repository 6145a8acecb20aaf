/*
 * fuzz_rfile: libFuzzer harness for the encrypted response file (.fbr).
 * Half the inputs are taken as a file image as they are (header parsing,
 * lengths); the other half are sealed first with a fixed key and then
 * altered at the offset the input names, so the authenticated parts are
 * reached too. Nothing may crash, and only an unaltered file may open.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/rfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t key[32] = {1, 2, 3};
static const uint8_t store[16] = {9, 9, 9};
static const uint8_t uuid[16] = {4, 4, 4};

static void try_open(const uint8_t *buf, size_t len, int must)
{
	char *summary = NULL, *full = NULL;
	uint64_t gen;
	uint8_t found[16];
	enum rfile_status st = rfile_open(key, store, NULL, buf, len, &summary, &full, &gen, found);
	if (must >= 0 && (st == RF_OK) != must)
		abort();
	free(summary);
	free(full);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3 || size > 1 << 16)
		return 0;
	if (data[0] & 1) {
		try_open(data + 1, size - 1, -1);
		return 0;
	}
	size_t split = (size - 3) / 2;
	uint8_t *sealed;
	size_t len;
	rfile_seal(key, store, uuid, 7, (const char *)data + 3, split,
	           (const char *)data + 3 + split, size - 3 - split, &sealed, &len);
	try_open(sealed, len, 1);
	size_t at = ((size_t)data[1] << 8 | data[2]) % len;
	sealed[at] ^= (uint8_t)(data[0] | 2);
	try_open(sealed, len, 0);
	try_open(sealed, at, 0); /* cut short */
	free(sealed);
	return 0;
}
