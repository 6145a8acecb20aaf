/*
 * argx: options of one subcommand taken out of argv before the common
 * store options (opts.h) are parsed, so that each command can add its own
 * without a shared table. Supports "--name VALUE", "--name=VALUE" and a
 * short alias ("-o VALUE"). Arguments after "--" are left alone.
 */
#ifndef FB_ARGX_H
#define FB_ARGX_H

#include <stdbool.h>

/*
 * Remove the first occurrence of the option from argv (updating *argc)
 * and return its value ("" for a flag that is present), or NULL if it is
 * absent; call again for repeated options. 'shortname' may be NULL. Returns -1 in *bad if a value is missing.
 */
const char *argx_take(int *argc, char **argv, const char *name, const char *shortname,
                      bool has_value, int *bad);

#endif
