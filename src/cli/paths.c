/*
 * paths: the folder of the bundled forms, found relative to the running
 * binary, with the source tree as the fallback for the build tree. Never
 * prints and never opens a form. Its stat(2) and realpath(3) only ask
 * where things are, and a failed answer means the next place to look, so
 * they stay outside fio: a fault injected there would test the search
 * order, not the handling of a failing disk.
 */
#include "cli/paths.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xmalloc.h"

/* The way from the binary folder to the forms, fixed at configure time. */
#ifndef FRAGEBOGEN_FORMS_REL
#define FRAGEBOGEN_FORMS_REL "../share/fragebogen/forms"
#endif
/* The forms of the source tree, for runs from the build folder. */
#ifndef FRAGEBOGEN_FORMS_DIR
#define FRAGEBOGEN_FORMS_DIR "forms"
#endif

#define DEFAULT_FORM "desi-kommunen-2016.json"

/* The way from the binary folder to the compiled catalogues when
 * installed; in the build folder they are in "locale" beside the binary. */
#ifndef FRAGEBOGEN_LOCALE_REL
#define FRAGEBOGEN_LOCALE_REL "../share/locale"
#endif

static char forms_dir[PATH_MAX];
static char locale_dir[PATH_MAX];
static char default_form[PATH_MAX + sizeof DEFAULT_FORM + 1];

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * The forms folder next to the running binary into 'out'; false if the
 * binary cannot be found or has no such folder beside it.
 */
static bool beside_binary(const char *rel, char *out, size_t outlen)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	char path[PATH_MAX * 2], real[PATH_MAX];
	int len = rel[0] == '/' ? snprintf(path, sizeof path, "%s", rel)
	                        : snprintf(path, sizeof path, "%s/%s", exe, rel);
	/* Without the "bin/.." in messages. */
	if (len <= 0 || (size_t)len >= sizeof path || !realpath(path, real) || !is_dir(real))
		return false;
	return snprintf(out, outlen, "%s", real) < (int)outlen;
}

const char *paths_forms_dir(void)
{
	if (forms_dir[0])
		return forms_dir;
	if (!beside_binary(FRAGEBOGEN_FORMS_REL, forms_dir, sizeof forms_dir))
		snprintf(forms_dir, sizeof forms_dir, "%s", FRAGEBOGEN_FORMS_DIR);
	return forms_dir;
}

const char *paths_default_form(void)
{
	if (!default_form[0])
		snprintf(default_form, sizeof default_form, "%s/%s", paths_forms_dir(),
		         DEFAULT_FORM);
	return default_form;
}

char *paths_resolve_form(const char *arg)
{
	if (!arg)
		return xstrdup(paths_default_form());
	if (!*arg || strchr(arg, '/') || is_file(arg))
		return xstrdup(arg);
	char *p = xasprintf("%s/%s", paths_forms_dir(), arg);
	if (is_file(p))
		return p;
	free(p);
	p = xasprintf("%s/%s.json", paths_forms_dir(), arg);
	if (is_file(p))
		return p;
	free(p);
	return xstrdup(arg);
}

/* The catalogues hold the program's own name; a folder beside the binary
 * counts only if it has ours. */
static bool has_catalogue(const char *dir)
{
	char *p = xasprintf("%s/en/LC_MESSAGES/fragebogen.mo", dir);
	bool ok = is_file(p);
	free(p);
	return ok;
}

const char *paths_locale_dir(void)
{
	if (locale_dir[0])
		return locale_dir;
	if (beside_binary(FRAGEBOGEN_LOCALE_REL, locale_dir, sizeof locale_dir) &&
	    has_catalogue(locale_dir))
		return locale_dir;
	if (beside_binary("locale", locale_dir, sizeof locale_dir) && has_catalogue(locale_dir))
		return locale_dir;
	/* None: German, the source language, needs no catalogue. */
	snprintf(locale_dir, sizeof locale_dir, "%s", "/nonexistent");
	return locale_dir;
}
