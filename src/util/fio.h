/*
 * fio: the one layer all file I/O of the program goes through.
 *
 * Every call that can fail on a real disk (open, write, fsync, close,
 * rename, unlink, mkdir, read) is counted, and a test can make the Nth such
 * call fail with a chosen errno: fio_fault_set() in unit tests, or the
 * environment variable FRAGEBOGEN_FAULT="N:ENOSPC" (also EIO, EACCES,
 * EROFS) for end-to-end tests of the real binary. Nothing else in the
 * program opens, reads, writes or removes files itself (output to the
 * terminal and to stdout/stderr aside).
 *
 * Return codes: 0 (or a count, or a descriptor) on success, -1 with the
 * reason in the 'err' out-parameter (an errno value). errno itself is not
 * part of the contract.
 */
#ifndef FB_FIO_H
#define FB_FIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#define FIO_MUST __attribute__((warn_unused_result))

/* Make the nth counted call from now on (1-based) fail with 'err'; 0 disables. */
void fio_fault_set(long nth, int err);
/* Read FRAGEBOGEN_FAULT from the environment, if set. */
void fio_fault_from_env(void);
/* Calls counted since the last fio_fault_set() (to enumerate every N). */
long fio_calls(void);

FIO_MUST int fio_open(const char *path, int flags, mode_t mode, int *err);
FIO_MUST int fio_write_all(int fd, const void *buf, size_t n, int *err);
FIO_MUST int fio_fsync(int fd, int *err);
FIO_MUST int fio_close(int fd, int *err);
FIO_MUST int fio_rename(const char *from, const char *to, int *err);
int fio_unlink(const char *path, int *err);
FIO_MUST int fio_mkdir(const char *path, mode_t mode, int *err);
/* fsync a directory, so that a rename in it is durable. */
FIO_MUST int fio_fsync_dir(const char *dir, int *err);
/*
 * Read a whole file of at most 'max' bytes into a new buffer (free() it).
 * A larger file fails with EFBIG.
 */
FIO_MUST int fio_read_file(const char *path, size_t max, uint8_t **out, size_t *len, int *err);
/*
 * Write 'buf' to 'path' atomically: a temporary file of this process in the
 * same folder, written, fsynced and closed, renamed over 'path' (or, with
 * replace false, linked to it, which fails with EEXIST if 'path' exists),
 * and the folder fsynced. Returns 0; 1 if the file is in place but the
 * folder could not be synced (err says why); -1 if 'path' is untouched.
 * A failed fsync is never retried on the same descriptor.
 */
FIO_MUST int fio_replace(const char *dir, const char *path, const void *buf, size_t n, mode_t mode,
                bool replace, int *err);
/* link(2), counted like the others. */
FIO_MUST int fio_link(const char *from, const char *to, int *err);

FIO_MUST int fio_stat(const char *path, struct stat *st, int *err);
/* Write all of 'buf' at offset 'off' (pwrite(2) until done). */
FIO_MUST int fio_pwrite_all(int fd, const void *buf, size_t n, off_t off, int *err);
/*
 * The names in folder 'dir' (without "." and ".."), sorted bytewise, as a
 * new array of new strings: free with fio_names_free().
 */
FIO_MUST int fio_list_dir(const char *dir, char ***names, size_t *n, int *err);
void fio_names_free(char **names, size_t n);
/*
 * Close a descriptor whose outcome no longer matters (after a failed write,
 * or a lock file): not counted, never fails.
 */
void fio_discard(int fd);

#endif
