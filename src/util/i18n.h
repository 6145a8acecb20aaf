/*
 * i18n: the language of the interface, through gettext.
 *
 * Messages are written in German in the source, so German is what a user
 * sees wherever no other catalogue applies — even on a machine with only
 * the C or C.UTF-8 locale. English comes from the "en" catalogue, chosen
 * with --lang en or through LANGUAGE, LC_ALL, LC_MESSAGES or LANG.
 *
 *   _("text")       translate now
 *   N_("text")      mark for translation, translate where it is used
 *   P_(one, many, n) plural forms
 *
 * i18n_init() is the only function with an effect on the process (locale
 * categories, LANGUAGE, the text domain); call it once from main().
 */
#ifndef FB_I18N_H
#define FB_I18N_H

#include <libintl.h>

#define I18N_DOMAIN "fragebogen"
#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext((one), (many), (n))

/*
 * Choose the interface language: 'lang' ("de", "en", or NULL for the
 * environment) and the folder of the compiled catalogues. Returns 0, or -1
 * if 'lang' is not a language of the program.
 */
int i18n_init(const char *lang, const char *localedir);
/* The interface language in use: "de" or "en". */
const char *i18n_lang(void);

#endif
