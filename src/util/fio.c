/*
 * fio: counted system calls with fault injection, and atomic replacement.
 */
#include "util/fio.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xmalloc.h"

static long calls, fault_at;
static int fault_err;

void fio_fault_set(long nth, int err)
{
	calls = 0;
	fault_at = nth;
	fault_err = err;
}

void fio_fault_from_env(void)
{
	const char *s = getenv("FRAGEBOGEN_FAULT");
	static const struct { const char *name; int err; } names[] = {
		{"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EACCES", EACCES}, {"EROFS", EROFS},
	};
	if (!s)
		return;
	char *end;
	long n = strtol(s, &end, 10);
	if (*end != ':' || n < 1)
		return;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(end + 1, names[i].name) == 0)
			fio_fault_set(n, names[i].err);
}

long fio_calls(void)
{
	return calls;
}

/* Count a call; true if it is the one that must fail. */
static int faulty(int *err)
{
	calls++;
	if (fault_at && calls == fault_at) {
		*err = fault_err;
		return 1;
	}
	return 0;
}

int fio_open(const char *path, int flags, mode_t mode, int *err)
{
	if (faulty(err))
		return -1;
	int fd;
	do
		fd = open(path, flags | O_CLOEXEC, mode);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		*err = errno;
	return fd;
}

int fio_write_all(int fd, const void *buf, size_t n, int *err)
{
	const uint8_t *p = buf;
	while (n > 0) {
		if (faulty(err))
			return -1;
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			*err = w < 0 ? errno : EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int fio_fsync(int fd, int *err)
{
	if (faulty(err))
		return -1;
	if (fsync(fd) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_close(int fd, int *err)
{
	if (faulty(err)) {
		close(fd);
		return -1;
	}
	if (close(fd) < 0 && errno != EINTR) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_rename(const char *from, const char *to, int *err)
{
	if (faulty(err))
		return -1;
	if (rename(from, to) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_unlink(const char *path, int *err)
{
	if (faulty(err))
		return -1;
	if (unlink(path) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_mkdir(const char *path, mode_t mode, int *err)
{
	if (faulty(err))
		return -1;
	if (mkdir(path, mode) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_fsync_dir(const char *dir, int *err)
{
	int fd = fio_open(dir, O_RDONLY | O_DIRECTORY, 0, err);
	if (fd < 0)
		return -1;
	int rc = fio_fsync(fd, err);
	close(fd);
	return rc;
}

int fio_read_file(const char *path, size_t max, uint8_t **out, size_t *len, int *err)
{
	*out = NULL;
	*len = 0;
	int fd = fio_open(path, O_RDONLY, 0, err);
	if (fd < 0)
		return -1;
	size_t cap = 4096, n = 0;
	uint8_t *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				*err = EFBIG;
				goto fail;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		if (faulty(err))
			goto fail;
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = errno;
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		free(buf);
		*err = EFBIG;
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
fail:
	close(fd);
	free(buf);
	return -1;
}

int fio_replace(const char *dir, const char *path, const void *buf, size_t n, mode_t mode,
                bool replace, int *err)
{
	/* A name of its own, so that two writers never share a temporary file. */
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	int fd = fio_open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode, err);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	if (fio_write_all(fd, buf, n, err) < 0 || fio_fsync(fd, err) < 0) {
		close(fd); /* a failed fsync is not retried: this descriptor is done */
		unlink(tmp);
		free(tmp);
		return -1;
	}
	int rc = fio_close(fd, err);
	if (rc == 0 && replace)
		rc = fio_rename(tmp, path, err);
	else if (rc == 0)
		rc = fio_link(tmp, path, err);
	if (rc < 0 || !replace)
		unlink(tmp);
	free(tmp);
	if (rc < 0)
		return -1;
	/* In place; if the folder cannot be synced, durability is unknown. */
	return fio_fsync_dir(dir, err) < 0 ? 1 : 0;
}

int fio_link(const char *from, const char *to, int *err)
{
	if (faulty(err))
		return -1;
	if (link(from, to) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_stat(const char *path, struct stat *st, int *err)
{
	if (faulty(err))
		return -1;
	if (stat(path, st) < 0) {
		*err = errno;
		return -1;
	}
	return 0;
}

int fio_pwrite_all(int fd, const void *buf, size_t n, off_t off, int *err)
{
	const uint8_t *p = buf;
	while (n > 0) {
		if (faulty(err))
			return -1;
		ssize_t w = pwrite(fd, p, n, off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			*err = errno;
			return -1;
		}
		p += w;
		n -= (size_t)w;
		off += w;
	}
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fio_list_dir(const char *dir, char ***names, size_t *n, int *err)
{
	*names = NULL;
	*n = 0;
	if (faulty(err))
		return -1;
	DIR *d = opendir(dir);
	if (!d) {
		*err = errno;
		return -1;
	}
	size_t cap = 0;
	struct dirent *de;
	for (;;) {
		errno = 0;
		if (!(de = readdir(d)))
			break;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (*n == cap)
			*names = xrealloc(*names, (cap = cap ? cap * 2 : 16) * sizeof **names);
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	int rd = errno;
	closedir(d);
	if (rd) {
		fio_names_free(*names, *n);
		*names = NULL;
		*n = 0;
		*err = rd;
		return -1;
	}
	if (*n)
		qsort(*names, *n, sizeof **names, cmp_names);
	return 0;
}

void fio_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void fio_discard(int fd)
{
	if (fd >= 0)
		close(fd);
}
