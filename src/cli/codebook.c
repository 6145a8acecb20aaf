/*
 * codebook: `fragebogen codebook FORM [-o FILE.md|FILE.html]` — the
 * codebook of a questionnaire for the study team's statisticians, as
 * Markdown (on standard output without -o) or as one HTML page. The format
 * follows the file's extension. A file is written whole or not at all
 * (temporary file, then rename).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/paths.h"
#include "export/codebook.h"
#include "form/loader.h"
#include "util/fio.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const usage =
	N_("Aufruf: fragebogen codebook FORMULAR [-o DATEI.md|DATEI.html]\n"
	   "  Schreibt das Codebuch des Fragebogens: jede Variable mit Label, Codes und\n"
	   "  Fehlwerten, Filter und Prüfungen in Worten, berechnete Werte mit Formel.\n"
	   "  Ohne -o als Markdown auf die Standardausgabe; mit -o nach der Endung der\n"
	   "  Datei als Markdown (.md) oder als eigenständige HTML-Seite (.html, .htm).\n"
	   "  Das Datum im Codebuch ist heute, oder der Tag von SOURCE_DATE_EPOCH.\n");

/* The format a file name asks for; -1 for an extension we do not write. */
static int format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash) || dot == path || dot[-1] == '/')
		return -1;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0)
		return CODEBOOK_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return CODEBOOK_HTML;
	return -1;
}

/* The day to print: SOURCE_DATE_EPOCH when set (reproducible output), else today. */
static int32_t codebook_day(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (s && *s) {
		errno = 0;
		long long t = strtoll(s, &end, 10);
		if (!*end && errno == 0 && t >= 0 && t < 253402300800LL)
			return (int32_t)(t / 86400);
	}
	return date_today();
}

/* Why a file could not be written, in the interface language. */
static const char *why(int err)
{
	switch (err) {
	case ENOENT: return _("den Ordner gibt es nicht");
	case ENOTDIR: return _("ein Teil des Pfads ist kein Ordner");
	case EACCES: case EPERM: return _("dort darf nicht geschrieben werden");
	case EROFS: return _("der Datenträger ist schreibgeschützt");
	case ENOSPC: return _("der Datenträger ist voll");
	case EISDIR: return _("das ist ein Ordner");
	case ENAMETOOLONG: return _("der Name ist zu lang");
	case EIO: return _("der Datenträger meldet einen Ein-/Ausgabefehler");
	default: return strerror(err);
	}
}

/* Write the whole buffer to 'path' in one rename; 0 or 1 (message printed). */
static int write_file(const char *path, const struct sbuf *b)
{
	int err = 0;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	int rc = fio_replace(slash ? dir : ".", path, b->data, b->len, 0644, true, &err);
	free(dir);
	if (rc < 0) {
		fprintf(stderr, _("fragebogen codebook: „%s“ lässt sich nicht schreiben: %s\n"), path,
		        why(err));
		return 1;
	}
	return 0;
}

/* Parse the arguments; 0, or the exit status of a wrong call or of --help. */
static int parse(int argc, char **argv, const char **form, const char **out)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(_(usage), stdout);
			return -1;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (i + 1 >= argc || !argv[i + 1][0]) {
				fprintf(stderr, _("fragebogen codebook: %s erwartet einen Dateinamen\n"), a);
				return 2;
			}
			*out = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("fragebogen codebook: unbekannte Option „%s“\n"), a);
			fputs(_(usage), stderr);
			return 2;
		} else if (*form) {
			fprintf(stderr,
			        _("fragebogen codebook: nur ein Formular, bitte („%s“ ist zu viel)\n"), a);
			return 2;
		} else {
			*form = a;
		}
	}
	if (!*form) {
		fputs(_("fragebogen codebook: welches Formular?\n"), stderr);
		fputs(_(usage), stderr);
		return 2;
	}
	if (*out && format_of(*out) < 0) {
		fprintf(stderr, _("fragebogen codebook: „%s“: das Format ergibt sich aus der Endung, "
		                  "möglich sind .md und .html\n"), *out);
		return 2;
	}
	return 0;
}

int codebook_main(int argc, char **argv)
{
	const char *form = NULL, *out = NULL;
	int rc = parse(argc, argv, &form, &out);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	char *path = paths_resolve_form(form);
	struct form *f = cli_load_form(path, NULL, NULL);
	free(path);
	if (!f)
		return 1;
	struct sbuf b = {0};
	codebook_build(&b, f, out ? (enum codebook_format)format_of(out) : CODEBOOK_MARKDOWN,
	               codebook_day());
	form_free(&f);
	if (out) {
		rc = write_file(out, &b);
	} else if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fputs(_("fragebogen codebook: die Ausgabe lässt sich nicht schreiben\n"), stderr);
		rc = 1;
	}
	sbuf_free(&b);
	return rc;
}
