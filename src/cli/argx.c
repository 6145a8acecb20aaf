/*
 * argx: taking a command's own options out of argv.
 */
#include "cli/argx.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

/* Drop k entries at i from argv. */
static void drop(int *argc, char **argv, int i, int k)
{
	memmove(argv + i, argv + i + k, (size_t)(*argc - i - k + 1) * sizeof *argv);
	*argc -= k;
}

const char *argx_take(int *argc, char **argv, const char *name, const char *shortname,
                      bool has_value, int *bad)
{
	const char *val = NULL;
	size_t nl = strlen(name);
	for (int i = 1; i < *argc;) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			break;
		bool exact = strcmp(a, name) == 0 || (shortname && strcmp(a, shortname) == 0);
		bool joined = has_value && strncmp(a, name, nl) == 0 && a[nl] == '=';
		if (!exact && !joined) {
			i++;
			continue;
		}
		if (!has_value) {
			val = "";
			drop(argc, argv, i, 1);
		} else if (joined) {
			val = a + nl + 1;
			drop(argc, argv, i, 1);
		} else if (i + 1 < *argc) {
			val = argv[i + 1];
			drop(argc, argv, i, 2);
		} else {
			fprintf(stderr, _("fragebogen: %s erwartet einen Wert\n"), name);
			*bad = -1;
			drop(argc, argv, i, 1);
		}
		break;
	}
	return val;
}
