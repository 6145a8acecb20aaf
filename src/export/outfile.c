/*
 * outfile: writing an export through a temporary file, fsync and rename.
 * Knows nothing of file formats.
 */
#include "export/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fio.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct outfile {
	char *path, *tmp;
	int fd;
	int err;              /* first write error, sticky */
	size_t len;
	unsigned char buf[1 << 16];
};

const char *outfile_why(int e)
{
	switch (e) {
	case ENOENT: return _("Den Ordner gibt es nicht");
	case ENOTDIR: return _("Ein Teil des Pfads ist kein Ordner");
	case EACCES:
	case EPERM: return _("Dort darf nicht geschrieben werden (fehlende Berechtigung)");
	case EROFS: return _("Der Datenträger ist schreibgeschützt");
	case ENOSPC: return _("Der Datenträger ist voll");
	case EDQUOT: return _("Das Speicherkontingent ist erschöpft");
	case EISDIR: return _("Unter diesem Namen gibt es einen Ordner");
	case ENAMETOOLONG: return _("Der Name ist zu lang");
	case EIO: return _("Der Datenträger meldet einen Ein-/Ausgabefehler");
	default: return strerror(e);
	}
}

int outfile_open(struct outfile **of, const char *path, char *err, size_t errlen)
{
	struct outfile *o = xcalloc(1, sizeof *o);
	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	int e = 0;
	o->fd = fio_open(o->tmp, O_WRONLY | O_CREAT | O_EXCL, 0600, &e);
	if (o->fd < 0 && e == EEXIST && fio_unlink(o->tmp, &e) == 0)
		o->fd = fio_open(o->tmp, O_WRONLY | O_CREAT | O_EXCL, 0600, &e);
	if (o->fd < 0) {
		snprintf(err, errlen, _("Die Datei „%s“ lässt sich nicht anlegen: %s."), path,
		         outfile_why(e));
		free(o->path);
		free(o->tmp);
		free(o);
		*of = NULL;
		return -1;
	}
	*of = o;
	return 0;
}

/* Write out the buffer; false once anything failed. */
static bool flush(struct outfile *o)
{
	if (!o->err && o->len && fio_write_all(o->fd, o->buf, o->len, &o->err) < 0 && !o->err)
		o->err = EIO;
	o->len = 0;
	return !o->err;
}

bool outfile_write(struct outfile *o, const void *data, size_t n)
{
	if (o->err)
		return false;
	if (o->len + n > sizeof o->buf && !flush(o))
		return false;
	if (n > sizeof o->buf) {
		if (fio_write_all(o->fd, data, n, &o->err) < 0 && !o->err)
			o->err = EIO;
		return !o->err;
	}
	memcpy(o->buf + o->len, data, n);
	o->len += n;
	return true;
}

int outfile_error(const struct outfile *o)
{
	return o->err;
}

/* Release the handle. */
static void done(struct outfile **of)
{
	free((*of)->path);
	free((*of)->tmp);
	free(*of);
	*of = NULL;
}

void outfile_abort(struct outfile **of)
{
	if (!*of)
		return;
	fio_discard((*of)->fd);
	/* Not counted: a cleanup that an injected fault could stop would leave
	 * the temporary file behind (fio_replace() cleans up the same way). */
	unlink((*of)->tmp);
	done(of);
}

/* The folder that must be synced after a rename in it. */
char *outfile_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

int outfile_commit(struct outfile **of, char *err, size_t errlen)
{
	struct outfile *o = *of;
	int e = 0;
	if (!flush(o)) {
		e = o->err;
	} else if (fio_fsync(o->fd, &e) < 0) {
		/* A failed fsync is not retried on the same descriptor. */
	} else {
		int fd = o->fd;
		o->fd = -1;
		if (fio_close(fd, &e) == 0 && fio_rename(o->tmp, o->path, &e) == 0) {
			char *dir = outfile_folder(o->path);
			int ignored;
			/* The data are on disk; only the new name's durability is unsure. */
			(void)!fio_fsync_dir(dir, &ignored);
			free(dir);
			done(of);
			return 0;
		}
	}
	snprintf(err, errlen, _("Die Datei „%s“ ließ sich nicht fertig schreiben: %s."), o->path,
	         outfile_why(e));
	fio_discard(o->fd);
	unlink(o->tmp); /* not counted, as in outfile_abort() */
	done(of);
	return -1;
}
