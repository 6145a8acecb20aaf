/*
 * utf8: decoding and counting UTF-8 text without any locale.
 *
 * The engine counts characters (code points) for maxlength, len() and
 * substr(); display columns are the terminal's business. Invalid bytes are
 * decoded as U+FFFD and consume one byte, so every function is total.
 */
#ifndef FB_UTF8_H
#define FB_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n); store it in *cp; return bytes used (>=1, 0 if n == 0). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); return bytes written. */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in s[0..n). */
size_t utf8_count(const char *s, size_t n);
/* Byte offset of the code point with index 'index' (clipped to n). */
size_t utf8_offset(const char *s, size_t n, size_t index);
/* True when s[0..n) is well-formed UTF-8 without NUL bytes. */
bool utf8_valid(const char *s, size_t n);

#endif
