/*
 * age: the age v1 file format (C2SP, age-encryption.org/v1) for X25519
 * recipients, on libsodium primitives. Pure functions on buffers, no I/O.
 *
 * It never handles scrypt, plugin or post-quantum recipients (their stanzas
 * are skipped like any other unknown type), never the ASCII armor (armor.h
 * turns an armored file into the binary one first), and never
 * releases plaintext of a chunk whose tag did not verify.
 *
 * Identities are "AGE-SECRET-KEY-1…" (upper case), recipients "age1…".
 *
 * Ownership: age_encrypt() and age_decrypt() return a new buffer in *out
 * (possibly of length 0, never NULL on return), released with free().
 * Return codes: 0 / -1, or enum age_status for decryption.
 */
#ifndef FB_AGE_H
#define FB_AGE_H

#include <stddef.h>
#include <stdint.h>

/* Buffer sizes including the terminating NUL. */
#define AGE_IDENTITY_SIZE 75  /* "AGE-SECRET-KEY-1" + 58 characters */
#define AGE_RECIPIENT_SIZE 63 /* "age1" + 58 characters */

enum age_status {
	AGE_OK,
	AGE_NO_MATCH, /* well-formed, but no stanza opens with the identities */
	AGE_HEADER,   /* malformed header, stanza, identity, or missing nonce */
	AGE_HMAC,     /* the header MAC does not verify */
	AGE_PAYLOAD,  /* a payload chunk is damaged, truncated or extended */
	AGE_BAD_IDENTITY, /* an identity string given is malformed */
};

/* A fresh X25519 key pair, as text. */
void age_keygen(char identity[AGE_IDENTITY_SIZE], char recipient[AGE_RECIPIENT_SIZE]);

/* The recipient of an identity; -1 if the identity is malformed. */
__attribute__((warn_unused_result))
int age_recipient_of(const char *identity, char recipient[AGE_RECIPIENT_SIZE]);

/* Encrypt msg[0..n) to one recipient; -1 (and *out untouched) if malformed. */
__attribute__((warn_unused_result))
int age_encrypt(const char *recipient, const uint8_t *msg, size_t n, uint8_t **out,
                size_t *outlen);

/*
 * Decrypt an age file with one identity. On AGE_OK *out holds the plaintext.
 * On AGE_PAYLOAD *out holds the plaintext of the chunks that verified before
 * the failure — including a final chunk followed by trailing data — and must
 * not be trusted as the whole message; on any other result *out is an empty
 * buffer (*outlen 0). A missing or short payload nonce is AGE_HEADER.
 */
__attribute__((warn_unused_result))
enum age_status age_decrypt(const char *identity, const uint8_t *in, size_t n, uint8_t **out,
                            size_t *outlen);

/* As age_decrypt(), trying each of nid identities on each stanza. */
__attribute__((warn_unused_result))
enum age_status age_decrypt_any(const char *const *identities, size_t nid, const uint8_t *in,
                                size_t n, uint8_t **out, size_t *outlen);

#endif
