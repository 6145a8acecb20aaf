/*
 * i18n: picking the interface language and binding the catalogues.
 */
#include "util/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const char *current = "de";

/* The language the environment asks for: the first of LANGUAGE (a list),
 * LC_ALL, LC_MESSAGES, LANG that is set and not C/POSIX. */
static const char *from_environment(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL};
	for (int i = 0; vars[i]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 ||
		    strncmp(v, "C.", 2) == 0)
			continue;
		return strncmp(v, "en", 2) == 0 ? "en" : "de";
	}
	return "de";
}

/* gettext ignores LANGUAGE under the C locale; C.UTF-8 (built into the C
 * library) lets the catalogue apply on machines without other locales. */
static void messages_locale(void)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
}

int i18n_init(const char *lang, const char *localedir)
{
	if (lang && strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		return -1;
	current = lang ? lang : from_environment();
	/* German is the source language: it needs no catalogue, and no other
	 * language listed in LANGUAGE may creep in. */
	setenv("LANGUAGE", current, 1);
	if (strcmp(current, "en") == 0)
		messages_locale();
	bindtextdomain(I18N_DOMAIN, localedir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	return 0;
}

const char *i18n_lang(void)
{
	return current;
}
