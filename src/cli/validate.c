/*
 * validate: `fragebogen validate [--walks N] [--seed S] FORM…`.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/paths.h"
#include "form/form.h"
#include "form/walk.h"
#include "util/i18n.h"

/* A whole number argument in [lo, hi]; -1 if it is none. */
static int parse_count(const char *s, unsigned long long lo, unsigned long long hi,
                       unsigned long long *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Load one form, report, and walk it if asked. */
static int validate_one(const char *path, int walks, uint64_t seed)
{
	char *src;
	size_t len;
	struct form *f = cli_load_form(path, &src, &len);
	if (!f)
		return 1;
	int rc = 0;
	if (walks > 0) {
		struct walk_report rep;
		walk_run(f, walks, seed, &rep);
		bool ok = walk_ok(f, &rep);
		walk_print(f, &rep, src, len, ok ? stdout : stderr);
		walk_free(f, &rep);
		rc = ok ? 0 : 1;
	}
	if (rc == 0)
		printf(_("%s: in Ordnung (Abschnitte: %d, Fragen: %d, Variablen: %d)\n"), path,
		       f->nsections, f->nquestions, f->nslots);
	free(src);
	form_free(&f);
	return rc;
}

int validate_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"walks", required_argument, NULL, 'w'},
		{"seed", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	unsigned long long walks = 0, seed = (unsigned long long)time(NULL);
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "w:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 'w':
			if (parse_count(optarg, 1, 10000000, &walks) < 0) {
				fprintf(stderr, _("fragebogen validate: --walks erwartet eine Zahl von 1 "
				                  "bis 10000000, nicht „%s“\n"), optarg);
				return 2;
			}
			break;
		case 's':
			if (parse_count(optarg, 0, UINT64_MAX, &seed) < 0) {
				fprintf(stderr, _("fragebogen validate: --seed erwartet eine nicht negative "
				                  "ganze Zahl, nicht „%s“\n"), optarg);
				return 2;
			}
			break;
		case 'h':
			fputs(_("Aufruf: fragebogen validate [--walks N] [--seed ZAHL] FORMULAR…\n"), stdout);
			return 0;
		default:
			return 2;
		}
	}
	if (optind >= argc) {
		fputs(_("fragebogen validate: welche Formulardatei? "
		        "(fragebogen validate FORMULAR…)\n"), stderr);
		return 2;
	}
	int rc = 0;
	for (int i = optind; i < argc; i++) {
		char *path = paths_resolve_form(argv[i]);
		rc |= validate_one(path, (int)walks, seed);
		free(path);
	}
	return rc;
}
