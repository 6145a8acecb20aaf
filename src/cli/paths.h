/*
 * paths: where the program finds the files it ships with, above all the
 * bundled questionnaires.
 *
 * An installed binary looks next to itself: from the folder of the running
 * executable (/proc/self/exe) it goes the relative way from the binary
 * folder to the data folder that was fixed when the program was configured
 * (for /usr/bin/fragebogen: /usr/share/fragebogen/forms). So a package or a
 * staged install moved anywhere else still finds its forms. A binary run
 * from the build tree has no such folder next to it and falls back to the
 * forms of the source tree.
 *
 * This module only computes paths; it opens no file and prints nothing.
 */
#ifndef FB_PATHS_H
#define FB_PATHS_H

/*
 * The folder of the bundled forms. The string belongs to this module, is
 * computed on the first call and stays valid until the program exits.
 */
const char *paths_forms_dir(void);

/* The folder of the compiled message catalogues (<lang>/LC_MESSAGES/
 * fragebogen.mo): beside the binary when installed, else the build's. */
const char *paths_locale_dir(void);

/* The bundled default questionnaire (the DESI form); owned as above. */
const char *paths_default_form(void);

/*
 * The form file a command-line argument means. NULL means the default
 * form. An argument that names an existing file, or contains a '/', is
 * taken as it is; otherwise it is looked up among the bundled forms, as
 * given and with ".json" appended ("beispiel" finds beispiel.json). If
 * nothing is found the argument is returned unchanged, so that the
 * error message names what the user typed. The result is a new string,
 * released with free().
 */
char *paths_resolve_form(const char *arg);

#endif
