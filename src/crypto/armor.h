/*
 * armor: the ASCII armor of age files (C2SP age.md, "ASCII armor"), what
 * `age -a` writes: the strict PEM of RFC 7468, section 3, with the label
 * "AGE ENCRYPTED FILE". Pure functions on buffers, no I/O; the bytes
 * decoded are an age file for age_decrypt() (see age.h), nothing more.
 *
 *   -----BEGIN AGE ENCRYPTED FILE-----
 *   <padded standard base64, lines of exactly 64 columns, the last 1..64>
 *   -----END AGE ENCRYPTED FILE-----
 *
 * Armor is malleable unless read strictly, so the decoder accepts exactly
 * one encoding of each file: whitespace only before the begin line and
 * after the end line, LF or CRLF line ends, canonical base64 (padding
 * only where due, unused bits zero). Everything else is rejected, never
 * repaired. An empty body (begin line, then end line) is zero bytes.
 *
 * Ownership: armor_decode() returns a new buffer in *out (never NULL on
 * success, possibly of length 0), released with free().
 * Errors: 0 / -1; no message, the caller says what a malformed armor is.
 */
#ifndef FB_ARMOR_H
#define FB_ARMOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether in[0..n) starts, after optional whitespace, with the begin line
 * (it may still be malformed further on; a binary age file never is this). */
bool armor_is_armored(const uint8_t *in, size_t n);

/*
 * Decode the armored age file in[0..n). 0 with the binary age file in *out
 * and *outlen; -1 if the armor is malformed (a line longer than 64 columns,
 * a short line before the last, an empty line, non-canonical base64 or bad
 * padding, anything but whitespace around the block, a missing end line),
 * and then *out is NULL and *outlen 0.
 */
__attribute__((warn_unused_result))
int armor_decode(const uint8_t *in, size_t n, uint8_t **out, size_t *outlen);

#endif
