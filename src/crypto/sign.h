/*
 * sign: Ed25519 signatures in minisign's formats, on libsodium.
 *
 * A public key is "Ed" ‖ key id (8 bytes) ‖ key (32 bytes) in base64, as
 * minisign's .pub files hold it. A signature file (.minisig) has four lines:
 * an untrusted comment, base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(msg))),
 * a trusted comment, and base64 of a global signature over the signature
 * and the trusted comment. `minisign -V` verifies what sign_detached()
 * writes, and sign_verify() verifies what `minisign -S` writes.
 *
 * The key id of a store's key is derived from the public key (the first 8
 * bytes of its BLAKE2b-256 hash), so it needs no storage of its own.
 *
 * Ownership: returned strings are malloc'ed; the caller frees them.
 * Errors: parse and verify return an enum sign_status, never exit.
 */
#ifndef FB_SIGN_H
#define FB_SIGN_H

#include <stddef.h>
#include <stdint.h>

#define SIGN_KEYID_BYTES 8
#define SIGN_PK_BYTES 32
#define SIGN_SK_BYTES 64
/* Longest trusted comment sign_detached() writes, in bytes. */
#define SIGN_COMMENT_MAX 8000
/* "XXXX-XXXX-XXXX-XXXX" plus NUL. */
#define SIGN_FINGERPRINT_SIZE 20

struct sign_pub {
	uint8_t keyid[SIGN_KEYID_BYTES];
	uint8_t pk[SIGN_PK_BYTES];
};

enum sign_status {
	SIGN_OK,
	SIGN_MALFORMED,     /* not a minisign key or signature */
	SIGN_UNSUPPORTED,   /* another algorithm */
	SIGN_WRONG_KEY,     /* signed with a key of another id */
	SIGN_BAD,           /* the signature does not verify: content changed */
};

/* The key id of a public key, as this program derives it. */
void sign_keyid(const uint8_t pk[SIGN_PK_BYTES], uint8_t keyid[SIGN_KEYID_BYTES]);
/* The public key as minisign's base64 line ("RW…"). */
char *sign_pubkey_base64(const uint8_t pk[SIGN_PK_BYTES]);
/* A whole minisign public key file (two lines, with a trailing newline). */
char *sign_pubkey_file(const uint8_t pk[SIGN_PK_BYTES]);
/* Parse a base64 line or a whole .pub file. */
__attribute__((warn_unused_result))
enum sign_status sign_pubkey_parse(const char *text, size_t n, struct sign_pub *out);
/* A short fingerprint of a public key to read out on the phone. */
void sign_fingerprint(const uint8_t pk[SIGN_PK_BYTES], char out[SIGN_FINGERPRINT_SIZE]);
/* Key id as 16 upper-case hex digits (as minisign prints it) plus NUL. */
void sign_keyid_hex(const uint8_t keyid[SIGN_KEYID_BYTES], char out[17]);

/*
 * A detached signature (.minisig text) of msg with the trusted comment
 * 'comment' (one line, no newline). NULL if 'comment' holds a line break
 * ("\n" or "\r") or is longer than SIGN_COMMENT_MAX bytes.
 */
char *sign_detached(const uint8_t sk[SIGN_SK_BYTES], const uint8_t *msg, size_t n,
                    const char *comment);
/*
 * Verify a .minisig text against msg and a public key. On SIGN_OK and when
 * 'comment' is not NULL, *comment gets the trusted comment (malloc'ed).
 */
__attribute__((warn_unused_result))
enum sign_status sign_verify(const struct sign_pub *pub, const uint8_t *msg, size_t n,
                             const char *sig, size_t siglen, char **comment);
/* A German sentence for a status. */
const char *sign_message(enum sign_status st);

#endif
