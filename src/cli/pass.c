/*
 * pass: secret input with echo off and guarded memory.
 */
#include "cli/pass.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util/fio.h"
#include "util/i18n.h"

#define MAX_SECRET 1024
/* A passphrase file: a few lines; anything larger is not one. */
#define MAX_FILE (64u << 10)

static int alloc(struct secret *out)
{
	out->s = sodium_malloc(MAX_SECRET + 1);
	if (!out->s)
		return -1;
	memset(out->s, 0, MAX_SECRET + 1);
	out->len = 0;
	return 0;
}

/*
 * Line 'line' of a file, without its line ending. The file is read whole
 * through fio (a passphrase file is far smaller than its first buffer, so
 * no copy is left behind by growing it) and wiped before it is freed.
 */
static int from_file(const char *file, int line, struct secret *out)
{
	uint8_t *buf;
	size_t len;
	int err;
	if (fio_read_file(file, MAX_FILE, &buf, &len, &err) < 0) {
		fprintf(stderr, _("fragebogen: die Passwortdatei „%s“ lässt sich nicht öffnen: %s\n"),
		        file, strerror(err));
		return -1;
	}
	int cur = 1;
	for (size_t i = 0; i < len; i++) {
		char c = (char)buf[i];
		if (c == '\n') {
			if (cur++ == line)
				break;
			continue;
		}
		if (cur == line && c != '\r' && out->len < MAX_SECRET)
			out->s[out->len++] = c;
	}
	sodium_memzero(buf, len);
	free(buf);
	out->s[out->len] = '\0';
	if (out->len == 0) {
		fprintf(stderr, _("fragebogen: in der Passwortdatei „%s“ fehlt Zeile %d.\n"), file, line);
		return -1;
	}
	return 0;
}

/* Prompt on /dev/tty with echo off. */
static int from_tty(const char *prompt, struct secret *out)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fputs(_("fragebogen: kein Terminal für die Passworteingabe; verwenden Sie "
		        "--passphrase-file DATEI.\n"), stderr);
		return -1;
	}
	struct termios old, quiet;
	int have = tcgetattr(fd, &old) == 0;
	if (have) {
		quiet = old;
		quiet.c_lflag &= (tcflag_t)~(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	(void)!write(fd, prompt, strlen(prompt));
	char c;
	ssize_t r;
	while ((r = read(fd, &c, 1)) == 1 && c != '\n')
		if (out->len < MAX_SECRET)
			out->s[out->len++] = c;
	out->s[out->len] = '\0';
	if (have)
		tcsetattr(fd, TCSAFLUSH, &old);
	(void)!write(fd, "\n", 1);
	close(fd);
	return r == 1 || out->len ? 0 : -1;
}

int pass_read(const char *prompt, const char *file, int line, struct secret *out)
{
	if (alloc(out) < 0)
		return -1;
	int rc = file ? from_file(file, line, out) : from_tty(prompt, out);
	if (rc < 0)
		pass_free(out);
	return rc;
}

void pass_free(struct secret *s)
{
	if (s->s)
		sodium_free(s->s);
	s->s = NULL;
	s->len = 0;
}

const char *pass_hint(const struct secret *s)
{
	if (s->len < 8)
		return _("Das Passwort ist sehr kurz; wählen Sie mindestens 12 Zeichen oder einen "
		         "Satz aus mehreren Wörtern.");
	if (s->len < 12)
		return _("Das Passwort ist eher kurz; ein Satz aus mehreren Wörtern ist sicherer und "
		         "leichter zu merken.");
	return NULL;
}
