/*
 * keyring: the store's keys and the file that keeps them (store.key).
 *
 * A random master key encrypts every response. It is kept wrapped twice:
 * under a key derived from the passphrase with Argon2id, and under a key
 * derived from a recovery code shown once at creation. The store's Ed25519
 * signing key pair is kept too, its secret half encrypted under the master
 * key. Changing the passphrase re-wraps the master key and replaces the file
 * atomically; nothing else changes. docs/file-formats.md has the layout.
 *
 * Ownership: an unlocked keyring lives in sodium_malloc'ed, mlock'ed memory;
 * keyring_free() wipes and releases it. Passphrases are borrowed.
 */
#ifndef FB_KEYRING_H
#define FB_KEYRING_H

#include <stddef.h>
#include <stdint.h>

#define KEYRING_FILE "store.key"
#define KEYRING_SIZE 336
#define RECOVERY_LEN 39   /* "XXXX-XXXX-…": 8 groups of 4, 7 dashes */

struct keyring {
	uint8_t store_id[16];
	uint8_t master[32];
	uint8_t sign_pk[32];
	uint8_t sign_sk[64];
};

enum keyring_status {
	KR_OK,
	KR_NOT_FOUND,     /* no store.key: the store is not set up */
	KR_WRONG_SECRET,  /* passphrase or recovery code does not fit */
	KR_CORRUPT,       /* not a key file, or damaged */
	KR_HOSTILE,       /* KDF parameters beyond the caps */
	KR_NO_MEMORY,     /* the KDF could not get its memory */
	KR_IO,            /* reading or writing failed; see err */
};

/* Argon2id costs; keyring_cost() maps a name to them. */
struct kdf_cost {
	uint64_t ops, mem;
};

/* "moderate" (default), "interactive", "sensitive", or "test" (fast, weak). */
int keyring_cost(const char *name, struct kdf_cost *out);
/* Upper bounds accepted from a file. */
#define KEYRING_MAX_OPS 12u
#define KEYRING_MAX_MEM (1024ull << 20)

/*
 * Create store.key in dir with a new master key and signing key; writes the
 * recovery code (NUL-terminated) to 'recovery'. Fails with KR_IO if the
 * file exists already (err = EEXIST).
 */
__attribute__((warn_unused_result))
enum keyring_status keyring_create(const char *dir, const char *pass, size_t passlen,
                                   struct kdf_cost cost, char recovery[RECOVERY_LEN + 1],
                                   struct keyring **out, int *err);
__attribute__((warn_unused_result))
enum keyring_status keyring_unlock(const char *dir, const char *pass, size_t passlen,
                                   struct keyring **out, int *err);
/* Unlock with the recovery code (dashes, blanks and case are ignored). */
__attribute__((warn_unused_result))
enum keyring_status keyring_unlock_recovery(const char *dir, const char *code,
                                            struct keyring **out, int *err);
/* Re-wrap the master key under a new passphrase (atomic replace). */
__attribute__((warn_unused_result))
enum keyring_status keyring_passwd(const char *dir, const struct keyring *k, const char *pass,
                                   size_t passlen, struct kdf_cost cost, int *err);
/*
 * The store's public signing key, read from store.key without a secret.
 * The file's size and magic are checked and the key must be a valid
 * Ed25519 point; that it belongs to the store is only proven by unlocking.
 */
__attribute__((warn_unused_result))
enum keyring_status keyring_public(const char *dir, uint8_t pk[32], int *err);
void keyring_free(struct keyring **k);
/* A German sentence for a status (err for KR_IO). */
const char *keyring_message(enum keyring_status st, int err);

#endif
