/*
 * cli: what the subcommands share beyond their options: loading a form
 * with its diagnostics on stderr. Reads only through fio, so that fault
 * injection reaches the form file too.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "form/diag.h"
#include "form/loader.h"
#include "util/fio.h"
#include "util/i18n.h"

/* Why the form file could not be read, in the loader's own words. */
static void read_failed(struct diag *d, const char *path, int err)
{
	diag_init(d, path, "", 0);
	if (err == EFBIG) {
		struct stat st;
		int e2;
		size_t size = fio_stat(path, &st, &e2) == 0 ? (size_t)st.st_size
		                                             : (size_t)LOADER_MAX_BYTES + 1;
		diag_at(d, 0, _("die Datei ist zu groß (%zu Bytes, höchstens %u)"), size,
		        LOADER_MAX_BYTES);
	} else if (err == EISDIR) {
		diag_at(d, 0, _("die Datei lässt sich nicht lesen"));
	} else {
		diag_at(d, 0, _("die Datei lässt sich nicht öffnen: %s"), strerror(err));
	}
}

/* One way for every command to load a form, so that they all report alike. */
struct form *cli_load_form(const char *path, char **src, size_t *srclen)
{
	uint8_t *buf = NULL;
	size_t len = 0;
	int err, rc;
	struct form *f = NULL;
	struct diag d;
	if (fio_read_file(path, LOADER_MAX_BYTES, &buf, &len, &err) < 0) {
		read_failed(&d, path, err);
		rc = -1;
	} else {
		rc = loader_load_buffer(path, (const char *)buf, len, &f, &d);
	}
	if (rc < 0)
		diag_print(&d, stderr);
	diag_free(&d);
	if (rc < 0 || !src) {
		free(buf);
		buf = NULL;
		len = 0;
	}
	if (src) {
		*src = (char *)buf;
		*srclen = len;
	}
	return f;
}
