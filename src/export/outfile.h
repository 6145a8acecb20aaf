/*
 * outfile: an export file that appears complete or not at all.
 *
 * outfile_open() creates "<path>.tmp.<pid>" beside the target (a leftover
 * of the same name, from a process that died with this id, is replaced).
 * outfile_write() buffers; the first failure sticks and later writes do
 * nothing. outfile_commit() flushes, fsyncs and closes the temporary file
 * and renames it over 'path'; outfile_abort() closes and removes it. A
 * failure anywhere leaves 'path' as it was and no temporary file behind.
 * The file is readable by its owner only (0600): it holds answers. Every system
 * call goes through util/fio, so tests can make any of them fail (but the
 * removal of the temporary file after a failure, which must not fail).
 *
 * Ownership: outfile_open() allocates the handle; outfile_commit() and
 * outfile_abort() free it and set the pointer to NULL.
 * Errors: 0 or -1 with a German message that names the file and the
 * reason (full disk, no such folder, no permission …).
 */
#ifndef FB_OUTFILE_H
#define FB_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

struct outfile;

__attribute__((warn_unused_result))
int outfile_open(struct outfile **of, const char *path, char *err, size_t errlen);
/* Append n bytes; false if this or an earlier write failed. */
bool outfile_write(struct outfile *of, const void *data, size_t n);
/* The errno of the first failed write, or 0. */
int outfile_error(const struct outfile *of);
__attribute__((warn_unused_result))
int outfile_commit(struct outfile **of, char *err, size_t errlen);
void outfile_abort(struct outfile **of);
/* The folder of 'path' ("." if it names none), as a new string (free() it). */
char *outfile_folder(const char *path);
/* Why a file operation failed (an errno value), in German, no final stop. */
const char *outfile_why(int err);

#endif
