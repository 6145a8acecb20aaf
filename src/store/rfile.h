/*
 * rfile: the encrypted response file, as bytes. Pure functions on buffers,
 * no I/O, so that they can be tested and fuzzed directly.
 *
 * A file holds two sealed parts under the store's master key with
 * XChaCha20-Poly1305: a small summary (for listing without decrypting
 * everything) and the full response JSON. The header — magic and version,
 * store id, response id and generation — is the associated data of both,
 * so a file cannot be moved to another response or store, truncated or
 * extended without failing to open. docs/file-formats.md has the layout.
 *
 * Ownership: rfile_seal() returns a new buffer; rfile_open() returns new
 * NUL-terminated plaintext strings. All are released with free().
 */
#ifndef FB_RFILE_H
#define FB_RFILE_H

#include <stddef.h>
#include <stdint.h>

#include "util/uuid.h"

#define RFILE_HEADER 76
#define RFILE_MAX (64u << 20)

enum rfile_status {
	RF_OK,
	RF_NOT_OURS,      /* no magic: not a response file */
	RF_VERSION,       /* a newer format version */
	RF_WRONG_STORE,   /* from another store */
	RF_WRONG_ID,      /* belongs to another response */
	RF_DAMAGED,       /* truncated, extended or altered: authentication failed */
};

void rfile_seal(const uint8_t key[32], const uint8_t store_id[16], const uint8_t uuid[UUID_BYTES],
                uint64_t generation, const char *summary, size_t slen, const char *full,
                size_t flen, uint8_t **out, size_t *outlen);

/*
 * Open a file image. 'uuid' is the id the file must carry (NULL: any; the
 * id found goes to found_uuid if not NULL). With full == NULL only the
 * summary is decrypted.
 */
__attribute__((warn_unused_result))
enum rfile_status rfile_open(const uint8_t key[32], const uint8_t store_id[16],
                             const uint8_t *uuid, const uint8_t *buf, size_t len,
                             char **summary, char **full, uint64_t *generation,
                             uint8_t found_uuid[UUID_BYTES]);

/* Text UUID (canonical: lower-case hex, 8-4-4-4-12) <-> 16 bytes; -1 if malformed. */
int rfile_uuid_parse(const char *text, uint8_t out[UUID_BYTES]);
void rfile_uuid_format(const uint8_t in[UUID_BYTES], char out[UUID_TEXT]);

#endif
