/*
 * fuzz_bundle: libFuzzer harness for what the study team opens: the age
 * file (header, stanzas, payload) and, inside it, the signed export
 * (wrapper, document, dictionary, responses). The first byte chooses:
 *   even  the input is the .age file as it arrives (header and stanza
 *         parsing; it cannot hold a stanza for this run's key);
 *   odd   the input is the plaintext, sealed to the team key first, so
 *         that the JSON, signature and dictionary checks are reached.
 * Whatever opens is merged into a data set, as aggregation would.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/age.h"
#include "export/bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char id[AGE_IDENTITY_SIZE], rcpt[AGE_RECIPIENT_SIZE];

/* A team key for this run. Inputs that reach past the header are sealed
 * to it on the fly (odd first byte), so crashes reproduce with any key. */
static void keys(void)
{
	if (id[0])
		return;
	if (sodium_init() < 0)
		abort();
	age_keygen(id, rcpt);
}

/* Merge what opened into a data set over its own dictionary. */
static void merge(const struct bundle *b)
{
	struct dataset d;
	dataset_init(&d, b->t);
	int *map = malloc(((size_t)b->t->ncols + 1) * sizeof *map);
	for (int k = 0; k < b->t->ncols; k++)
		map[k] = k;
	for (int i = 0; i < b->nresp; i++)
		bundle_add_row(b, i, &d, map);
	free(map);
	dataset_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 1 << 18)
		return 0;
	keys();
	uint8_t *file = NULL;
	size_t n = size - 1;
	if (data[0] & 1) {
		if (age_encrypt(rcpt, data + 1, size - 1, &file, &n) < 0)
			abort();
	}
	struct bundle b;
	char err[300];
	struct bundle_dicts dicts;
	bundle_dicts_init(&dicts);
	if (bundle_open(id, file ? file : data + 1, n, &dicts, &b, err, sizeof err) == BUNDLE_OK)
		merge(&b);
	bundle_free(&b);
	bundle_dicts_free(&dicts);
	free(file);
	return 0;
}
