/*
 * docdir: the documents folder of xdg-user-dirs, or the home folder. It
 * only reads: it never creates a folder the user did not make.
 */
#include "util/docdir.h"

#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fio.h"
#include "util/xmalloc.h"

/* The home folder: $HOME, else the passwd entry's, else ".". */
static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (home && *home)
		return home;
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_dir && *pw->pw_dir)
		return pw->pw_dir;
	return ".";
}

/* The path of user-dirs.dirs, a new string. */
static char *config_file(const char *home)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg == '/') /* the XDG rule: a relative value is ignored */
		return xasprintf("%s/user-dirs.dirs", xdg);
	return xasprintf("%s/.config/user-dirs.dirs", home);
}

/* 'p' with blanks and tabs at its start skipped. */
static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * The folder of one line if it is XDG_DOCUMENTS_DIR="$HOME/…" or "/…",
 * a new string; NULL for any other line.
 */
static char *parse_line(const char *line, const char *home)
{
	static const char key[] = "XDG_DOCUMENTS_DIR";
	const char *p = skip_blanks(line);
	if (strncmp(p, key, sizeof key - 1) != 0)
		return NULL;
	p = skip_blanks(p + sizeof key - 1);
	if (*p++ != '=' || *(p = skip_blanks(p)) != '"')
		return NULL;
	p++;
	const char *base = "";
	if (strncmp(p, "$HOME/", 6) == 0) {
		base = home;
		p += 5; /* keep the slash */
	} else if (*p != '/') {
		return NULL;
	}
	size_t blen = strlen(base), n = 0;
	char *out = xmalloc(blen + strlen(p) + 1);
	memcpy(out, base, blen);
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1])
			p++;
		out[blen + n++] = *p;
	}
	out[blen + n] = '\0';
	if (*p != '"' || *skip_blanks(p + 1) != '\0') {
		free(out);
		return NULL; /* no closing quote, or something after it */
	}
	return out;
}

/* The documents folder named in user-dirs.dirs, a new string, or NULL. */
static char *configured(const char *home)
{
	char *path = config_file(home);
	uint8_t *buf;
	size_t len;
	int ioerr;
	int rc = fio_read_file(path, DOCDIR_MAX, &buf, &len, &ioerr);
	free(path);
	if (rc < 0)
		return NULL;
	char *text = xstrndup((const char *)buf, len), *found = NULL;
	free(buf);
	for (char *line = text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		char *d = parse_line(line, home);
		if (d) {
			free(found);
			found = d;
		}
	}
	free(text);
	return found;
}

/* Drop the trailing slashes of 'p' (but keep "/"). */
static void trim_slashes(char *p)
{
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
}

char *docdir_find(void)
{
	const char *home = home_dir();
	char *docs = configured(home);
	struct stat ds, hs;
	int ioerr;
	if (docs && fio_stat(docs, &ds, &ioerr) == 0 && S_ISDIR(ds.st_mode)) {
		/* The same folder as home, however spelt, means "no documents folder". */
		int same = fio_stat(home, &hs, &ioerr) == 0 && hs.st_dev == ds.st_dev &&
		           hs.st_ino == ds.st_ino;
		if (!same) {
			trim_slashes(docs);
			return docs;
		}
	}
	free(docs);
	char *h = xstrdup(home);
	trim_slashes(h);
	return h;
}
