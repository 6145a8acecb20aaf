/*
 * cli: the subcommands of the fragebogen program. Each takes the arguments
 * after its name (argv[0] is the subcommand) and returns the exit status:
 * 0 success, 1 the input has problems, 2 the call was wrong. Messages go
 * to stderr in the interface language.
 */
#ifndef FB_CLI_H
#define FB_CLI_H

#include <stddef.h>

struct form;

int validate_main(int argc, char **argv);
int print_main(int argc, char **argv);
int init_main(int argc, char **argv);
int list_main(int argc, char **argv);
int show_main(int argc, char **argv);
int passwd_main(int argc, char **argv);
int import_main(int argc, char **argv);
int tui_main(int argc, char **argv);
int codebook_main(int argc, char **argv);
int keygen_main(int argc, char **argv);
int id_main(int argc, char **argv);
int export_main(int argc, char **argv);
int simulate_main(int argc, char **argv);
int aggregate_main(int argc, char **argv);

/*
 * Load the form in 'path' (read through fio). On failure its diagnostics
 * ("file:line:column: message") are printed to stderr and NULL returned.
 * With 'src' not NULL, *src and *srclen receive the file's text for
 * reports that quote its lines (a new buffer for free(), not terminated;
 * NULL when the form did not load). The form is freed with form_free().
 */
struct form *cli_load_form(const char *path, char **src, size_t *srclen);

#endif
