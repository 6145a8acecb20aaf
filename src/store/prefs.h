/*
 * prefs: the small settings of a store (the sender's name, …), kept
 * encrypted like the responses, so that nothing rests on disk in plaintext.
 *
 * File: DIR/settings.fbs, one rfile image under the store's master key and
 * store id. Its response id is the nil UUID (all zero bytes), which no
 * response gets (uuid_new() makes version 4 ids), so the file cannot be
 * mistaken for or swapped with a response file: a response file renamed
 * to settings.fbs, or settings.fbs renamed to a response's name, fails to
 * open. Its summary is empty; its full text is one JSON object whose
 * values are all strings, e.g. {"sender":"Stadt Musterstadt"}. The
 * generation is that of the file read plus one (1 for the first). A file
 * larger than PREFS_MAX is refused.
 *
 * prefs_set() reads the file, changes one key and writes the whole file
 * anew with fio_replace() (a temporary file, fsynced, renamed over the old
 * one, the folder fsynced; mode 0600): after a crash the file holds either
 * the old or the new settings. There is no lock: of two processes setting
 * at the same moment the last writer wins.
 *
 * Errors: 0 or -1 with a German message in 'err' (errlen bytes). A missing
 * file means "no settings"; a file that cannot be read, is damaged, is from
 * another store or is not a settings file is an error for both functions,
 * so that prefs_set() never silently replaces settings it could not read.
 *
 * Ownership: the store is borrowed; prefs_get() returns a new string for
 * free().
 */
#ifndef FB_PREFS_H
#define FB_PREFS_H

#include <stddef.h>

#include "store/store.h"
#include "util/fio.h"

#define PREFS_FILE "settings.fbs"
#define PREFS_MAX (64u << 10)

/*
 * The value of 'key' as a new string in *value, or NULL if it is not set
 * (or there is no settings file). -1 with a German message if the file
 * exists but cannot be read, is damaged or is not from this store.
 */
FIO_MUST int prefs_get(const struct store *s, const char *key, char **value, char *err,
                       size_t errlen);
/*
 * Set 'key' (not empty) to 'value' (NULL removes it), keeping the other
 * keys. On failure the file on disk is unchanged.
 */
FIO_MUST int prefs_set(const struct store *s, const char *key, const char *value, char *err,
                       size_t errlen);

#endif
