/*
 * bech32: the BIP-173 encoding that age uses for recipients ("age1…") and
 * identities ("AGE-SECRET-KEY-1…"). Only the original bech32 checksum (not
 * bech32m), no 90-character limit (age lifts it), all-lower or all-upper case.
 *
 * Return codes: 0 on success, -1 on any malformed input. Buffers are the
 * caller's.
 */
#ifndef FB_BECH32_H
#define FB_BECH32_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode 'str' into the human-readable part (lower-cased, NUL-terminated,
 * at most hrp_cap bytes including NUL) and the 8-bit payload
 * (at most data_cap bytes; its length goes to *data_len).
 */
__attribute__((warn_unused_result))
int bech32_decode(const char *str, char *hrp, size_t hrp_cap,
                  uint8_t *data, size_t data_cap, size_t *data_len);

/*
 * Encode hrp + data into out (out_cap bytes including NUL). 'upper' selects
 * upper case output, as age identities use.
 */
__attribute__((warn_unused_result))
int bech32_encode(char *out, size_t out_cap, const char *hrp,
                  const uint8_t *data, size_t data_len, int upper);

#endif
