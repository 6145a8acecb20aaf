/*
 * store: generations, recovery, listing and locking of response files.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fio.h"
#include "store/rfile.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

char *store_default_dir(const char *option)
{
	const char *env = getenv("FRAGEBOGEN_STORE");
	if (option && *option)
		return xstrdup(option);
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/fragebogen", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/fragebogen", home && *home ? home : ".");
}

int store_make_dir(const char *dir, char *err, size_t errlen)
{
	struct stat st;
	int ioerr;
	if (fio_stat(dir, &st, &ioerr) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, _("„%s“ ist kein Ordner."), dir);
			return -1;
		}
		return 0;
	}
	/* Create missing parents too (with 0700 for the last one). */
	char *p = xstrdup(dir);
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		(void)!fio_mkdir(p, 0700, &ioerr); /* most exist already; the last one tells */
		*q = '/';
	}
	free(p);
	if (fio_mkdir(dir, 0700, &ioerr) < 0 && ioerr != EEXIST) {
		snprintf(err, errlen, _("Der Ordner „%s“ lässt sich nicht anlegen: %s"), dir,
		         strerror(ioerr));
		return -1;
	}
	return 0;
}

void store_open(struct store *s, const char *dir, const struct keyring *k)
{
	s->dir = xstrdup(dir);
	s->k = k;
}

void store_close(struct store *s)
{
	free(s->dir);
	s->dir = NULL;
	s->k = NULL;
}

static char *rpath(const struct store *s, const char *uuid, const char *ext)
{
	return xasprintf("%s/%s.fbr%s", s->dir, uuid, ext);
}

/* Why a save failed, for the user. */
static void save_error(char *err, size_t n, int ioerr)
{
	if (ioerr == ENOSPC || ioerr == EDQUOT)
		snprintf(err, n, "%s",
		         _("Speichern fehlgeschlagen: Der Datenträger ist voll. Ihre Antworten "
		           "bleiben im Programm erhalten; schaffen Sie Platz, dann wird beim "
		           "nächsten Speichern erneut versucht."));
	else
		snprintf(err, n, _("Speichern fehlgeschlagen (%s). Ihre Antworten bleiben im Programm "
		                   "erhalten; beim nächsten Speichern wird erneut versucht."),
		         strerror(ioerr));
}

/* Write, fsync and close the sealed bytes to the .tmp file. */
static int write_tmp(const char *tmp, const uint8_t *buf, size_t len, int *ioerr)
{
	int fd = fio_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600, ioerr);
	if (fd < 0)
		return -1;
	if (fio_write_all(fd, buf, len, ioerr) < 0 || fio_fsync(fd, ioerr) < 0) {
		fio_discard(fd); /* never fsync this descriptor again */
		return -1;
	}
	return fio_close(fd, ioerr);
}

/*
 * A save that stopped between its two renames left no current file and a
 * complete .tmp holding the newest generation: finish that rename before
 * .tmp is written again, or the newest generation would be overwritten.
 */
static int promote_tmp(struct store *s, const uint8_t id[UUID_BYTES], const char *cur,
                       const char *tmp, int *ioerr)
{
	struct stat st;
	if (fio_stat(cur, &st, ioerr) == 0)
		return 0;
	if (*ioerr != ENOENT)
		return -1;
	uint8_t *buf;
	size_t len;
	if (fio_read_file(tmp, RFILE_MAX, &buf, &len, ioerr) < 0)
		return *ioerr == ENOENT ? 0 : -1; /* a .tmp that cannot be read is not deleted */
	char *sum = NULL;
	uint64_t g;
	enum rfile_status rs = rfile_open(s->k->master, s->k->store_id, id, buf, len, &sum, NULL, &g,
	                                  NULL);
	free(buf);
	free(sum);
	if (rs != RF_OK) {
		int e2;
		(void)fio_unlink(tmp, &e2); /* an unfinished write: never the newest generation */
		return 0;
	}
	if (fio_rename(tmp, cur, ioerr) < 0 || fio_fsync_dir(s->dir, ioerr) < 0)
		return -1;
	return 0;
}

int store_save(struct store *s, const char *uuid, uint64_t *gen, const char *summary,
               const char *json, char *err, size_t errlen)
{
	uint8_t id[UUID_BYTES], *buf;
	size_t len;
	int ioerr = 0;
	if (rfile_uuid_parse(uuid, id) < 0) {
		snprintf(err, errlen, _("ungültige Antwort-ID „%s“"), uuid);
		return -1;
	}
	if (strlen(summary) + strlen(json) + RFILE_HEADER + 32 > RFILE_MAX) {
		snprintf(err, errlen, _("Die Antwort ist mit %zu KB zu groß zum Speichern (höchstens "
		                        "%u KB)."),
		         (strlen(summary) + strlen(json)) / 1024, RFILE_MAX / 1024);
		return -1;
	}
	rfile_seal(s->k->master, s->k->store_id, id, *gen + 1, summary, strlen(summary), json,
	           strlen(json), &buf, &len);
	char *cur = rpath(s, uuid, ""), *prev = rpath(s, uuid, ".prev"), *tmp = rpath(s, uuid, ".tmp");
	int rc = promote_tmp(s, id, cur, tmp, &ioerr), complete = 0;
	if (rc == 0)
		rc = write_tmp(tmp, buf, len, &ioerr);
	if (rc == 0)
		complete = 1; /* from here on .tmp is whole and on disk */
	if (rc == 0 && fio_rename(cur, prev, &ioerr) < 0 && ioerr != ENOENT)
		rc = -1;
	if (rc == 0 && fio_rename(tmp, cur, &ioerr) < 0)
		rc = -1;
	if (rc == 0 && fio_fsync_dir(s->dir, &ioerr) < 0)
		rc = -1;
	if (rc < 0) {
		save_error(err, errlen, ioerr);
		struct stat st;
		int e2;
		if (!complete || fio_stat(cur, &st, &e2) == 0)
			(void)fio_unlink(tmp, &e2); /* keep .tmp only when whole and the newest copy */
	} else {
		(*gen)++;
	}
	free(buf);
	free(cur);
	free(prev);
	free(tmp);
	return rc;
}

/* The newest authentic generation among .fbr, .fbr.tmp and .fbr.prev. */
struct best {
	char *json, *summary;
	uint64_t gen;
	int which;              /* 0 current, 1 tmp, 2 prev, -1 none */
	enum rfile_status cur;  /* what the current file said */
	int cur_err;
};

static void find_best(struct store *s, const char *uuid, const uint8_t id[UUID_BYTES],
                      bool full, struct best *b)
{
	static const char *const ext[3] = {"", ".tmp", ".prev"};
	memset(b, 0, sizeof *b);
	b->which = -1;
	b->cur = RF_DAMAGED;
	for (int i = 0; i < 3; i++) {
		if (i > 0 && b->which == 0 && !full)
			break; /* listing: the current file is enough when it opens */
		char *path = rpath(s, uuid, ext[i]);
		uint8_t *buf;
		size_t len;
		int ioerr;
		/* A .tmp beside a current file is an unfinished save: never newer
		 * than what was confirmed, so it is only read when no current file
		 * exists (a save stopped between its two renames). */
		if (i == 1 && b->cur_err != ENOENT) {
			free(path);
			continue;
		}
		int rc = fio_read_file(path, RFILE_MAX, &buf, &len, &ioerr);
		free(path);
		if (rc < 0) {
			if (i == 0)
				b->cur_err = ioerr;
			if (i == 0 && ioerr != ENOENT)
				break; /* a read error is no reason to go back a generation */
			continue;
		}
		char *sum, *js = NULL;
		uint64_t g;
		enum rfile_status st = rfile_open(s->k->master, s->k->store_id, id, buf, len, &sum,
		                                  full ? &js : NULL, &g, NULL);
		free(buf);
		if (i == 0)
			b->cur = st;
		if (i == 0 && st != RF_OK && st != RF_DAMAGED)
			break; /* not ours to repair: another version, store or response */
		if (st != RF_OK)
			continue;
		if (b->which < 0 || g > b->gen) {
			free(b->json);
			free(b->summary);
			b->json = js;
			b->summary = sum;
			b->gen = g;
			b->which = i;
		} else {
			free(js);
			free(sum);
		}
	}
}

/* Why the response file of 'uuid' cannot be opened, into err. */
static void load_problem(char *err, size_t n, enum rfile_status st, const char *uuid)
{
	switch (st) {
	case RF_OK:
		break;
	case RF_NOT_OURS:
		snprintf(err, n, _("Die Antwortdatei %s ist keine Antwortdatei von fragebogen; sie "
		                   "wird nicht geöffnet."), uuid);
		return;
	case RF_VERSION:
		snprintf(err, n, _("Die Antwortdatei %s wurde mit einer neueren Version von "
		                   "fragebogen geschrieben; sie wird nicht geöffnet."), uuid);
		return;
	case RF_WRONG_STORE:
		snprintf(err, n, _("Die Antwortdatei %s gehört zu einem anderen Speicher; sie wird "
		                   "nicht geöffnet."), uuid);
		return;
	case RF_WRONG_ID:
		snprintf(err, n, _("Die Antwortdatei %s gehört zu einer anderen Antwort (vertauschte "
		                   "Datei?); sie wird nicht geöffnet."), uuid);
		return;
	case RF_DAMAGED:
		snprintf(err, n, _("Die Antwortdatei %s ist beschädigt oder verändert (Prüfsumme "
		                   "stimmt nicht), und es gibt keine lesbare frühere Fassung."), uuid);
		return;
	}
	snprintf(err, n, _("Die Antwortdatei %s lässt sich nicht öffnen."), uuid);
}

/* The problem of a response file, for the list of responses. */
static const char *list_problem(enum rfile_status st)
{
	switch (st) {
	case RF_OK:
		break;
	case RF_NOT_OURS: return _("Datei ist keine Antwortdatei von fragebogen");
	case RF_VERSION: return _("Datei stammt von einer neueren Version von fragebogen");
	case RF_WRONG_STORE: return _("Datei gehört zu einem anderen Speicher");
	case RF_WRONG_ID: return _("Datei gehört zu einer anderen Antwort (vertauschte Datei?)");
	case RF_DAMAGED: return _("Datei beschädigt oder verändert (Prüfsumme stimmt nicht)");
	}
	return _("Datei in Ordnung");
}

int store_load(struct store *s, const char *uuid, char **json, uint64_t *gen,
               const char **note, char *err, size_t errlen)
{
	uint8_t id[UUID_BYTES];
	*json = NULL;
	*note = NULL;
	if (rfile_uuid_parse(uuid, id) < 0) {
		snprintf(err, errlen, _("ungültige Antwort-ID „%s“"), uuid);
		return -1;
	}
	struct best b;
	find_best(s, uuid, id, true, &b);
	free(b.summary);
	if (b.which < 0) {
		if (b.cur_err == ENOENT)
			snprintf(err, errlen,
			         _("Eine Antwort mit der ID %s gibt es in diesem Speicher nicht."),
			         uuid);
		else if (b.cur_err)
			snprintf(err, errlen, _("Die Antwort %s lässt sich nicht lesen: %s"), uuid,
			         strerror(b.cur_err));
		else
			load_problem(err, errlen, b.cur, uuid);
		return -1;
	}
	if (b.which == 1)
		*note = _("Die letzte Speicherung wurde unterbrochen; sie ist vollständig und wurde "
		          "übernommen.");
	else if (b.which == 2)
		*note = _("Die neueste Fassung dieser Antwort ist beschädigt oder fehlt; die vorige "
		          "Fassung wurde geladen. Die letzten Änderungen fehlen möglicherweise.");
	*json = b.json;
	*gen = b.gen;
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct store_entry *)a)->uuid, ((const struct store_entry *)b)->uuid);
}

/* The uuid of a response file name (any of the three endings), or NULL. */
static int uuid_of_name(const char *name, char out[UUID_TEXT])
{
	const size_t u = UUID_TEXT - 1; /* the id's characters */
	uint8_t id[UUID_BYTES];
	if (strlen(name) < u + 4 || strncmp(name + u, ".fbr", 4) != 0)
		return -1;
	const char *rest = name + u + 4;
	if (*rest && strcmp(rest, ".tmp") != 0 && strcmp(rest, ".prev") != 0)
		return -1;
	memcpy(out, name, u);
	out[u] = '\0';
	return rfile_uuid_parse(out, id);
}

int store_list(struct store *s, struct store_entry **out, int *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	char **names;
	size_t nnames;
	int ioerr;
	if (fio_list_dir(s->dir, &names, &nnames, &ioerr) < 0) {
		snprintf(err, errlen, _("Der Ordner „%s“ lässt sich nicht lesen: %s"), s->dir,
		         strerror(ioerr));
		return -1;
	}
	struct store_entry *v = NULL;
	int count = 0, cap = 0;
	for (size_t j = 0; j < nnames; j++) {
		char uuid[UUID_TEXT];
		if (uuid_of_name(names[j], uuid) < 0)
			continue;
		if (count == cap)
			v = xreallocarray(v, (size_t)(cap = cap ? cap * 2 : 64), sizeof *v);
		memset(&v[count], 0, sizeof v[count]);
		memcpy(v[count++].uuid, uuid, UUID_TEXT);
	}
	fio_names_free(names, nnames);
	if (count > 1)
		qsort(v, (size_t)count, sizeof *v, cmp_entry);
	int k = 0;
	for (int i = 0; i < count; i++) /* one entry for .fbr, .fbr.tmp and .fbr.prev */
		if (k == 0 || strcmp(v[k - 1].uuid, v[i].uuid) != 0)
			v[k++] = v[i];
	for (int i = 0; i < k; i++) {
		uint8_t id[UUID_BYTES];
		(void)rfile_uuid_parse(v[i].uuid, id);
		struct best b;
		find_best(s, v[i].uuid, id, false, &b);
		v[i].summary = b.summary;
		if (b.which < 0 && b.cur_err && b.cur_err != ENOENT)
			v[i].problem = xasprintf(_("Datei lässt sich nicht lesen: %s"),
			                         strerror(b.cur_err));
		else if (b.which < 0)
			v[i].problem = xstrdup(list_problem(b.cur));
		else if (b.which > 0)
			v[i].problem = xstrdup(b.which == 1 ? _("unterbrochene Speicherung "
			                                        "wiederhergestellt")
			                                    : _("vorige Fassung (neueste beschädigt)"));
	}
	*out = v;
	*n = k;
	return 0;
}

void store_entries_free(struct store_entry *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].summary);
		free(v[i].problem);
	}
	free(v);
}

/* Who holds the lock of 'path' ("PID HOST" in it), into err. */
static void lock_holder(const char *path, char *err, size_t errlen)
{
	uint8_t *buf;
	size_t len;
	int ioerr;
	char who[128] = "";
	if (fio_read_file(path, sizeof who - 1, &buf, &len, &ioerr) == 0) {
		memcpy(who, buf, len);
		who[len] = '\0';
		free(buf);
	}
	who[strcspn(who, "\n")] = '\0';
	unsigned long pid = 0;
	char host[100] = "?";
	sscanf(who, "%lu %99s", &pid, host);
	snprintf(err, errlen, _("Diese Antwort ist gerade anderswo geöffnet (Prozess %lu auf "
	                        "Rechner %s). Schließen Sie sie dort, bevor Sie sie hier "
	                        "bearbeiten."),
	         pid, host);
}

int store_lock(struct store *s, const char *uuid, char *err, size_t errlen)
{
	uint8_t id[UUID_BYTES];
	if (rfile_uuid_parse(uuid, id) < 0) {
		snprintf(err, errlen, _("ungültige Antwort-ID „%s“"), uuid);
		return -1;
	}
	char *path = xasprintf("%s/%s.lock", s->dir, uuid);
	int ioerr;
	int fd = fio_open(path, O_RDWR | O_CREAT, 0600, &ioerr);
	if (fd < 0) {
		free(path);
		snprintf(err, errlen, _("Die Sperrdatei lässt sich nicht anlegen: %s"), strerror(ioerr));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		lock_holder(path, err, errlen);
		free(path);
		fio_discard(fd);
		return -1;
	}
	free(path);
	char host[64] = "?";
	gethostname(host, sizeof host - 1);
	char line[128];
	int len = snprintf(line, sizeof line, "%ld %s\n", (long)getpid(), host);
	/* The note of the holder is a courtesy: the lock holds without it. */
	if (ftruncate(fd, 0) == 0)
		(void)!fio_pwrite_all(fd, line, (size_t)len, 0, &ioerr);
	return fd;
}

void store_unlock(int fd)
{
	fio_discard(fd);
}
