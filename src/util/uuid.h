/*
 * uuid: random (version 4) UUIDs and their one canonical text form,
 * lower-case "8-4-4-4-12" hex. Only that form is accepted anywhere, so a
 * UUID names exactly one file, and "../" or upper case never get through.
 */
#ifndef FB_UUID_H
#define FB_UUID_H

#include <stdint.h>

/* Bytes of a UUID, and of its text form with the terminating NUL. */
#define UUID_BYTES 16
#define UUID_TEXT 37

/* A new random UUID (libsodium's generator). */
void uuid_new(char out[UUID_TEXT]);
/* Text -> 16 bytes; -1 unless 'text' is in canonical form. */
int uuid_parse(const char *text, uint8_t out[UUID_BYTES]);
void uuid_format(const uint8_t in[UUID_BYTES], char out[UUID_TEXT]);

#endif
