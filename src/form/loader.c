/*
 * loader: from JSON text to a checked form.
 *
 * This file reads the file and the JSON; pass one (ldread.c) reads the
 * structure and registers every name; pass two (ldcheck.c), run only when
 * pass one found nothing, checks expressions, computed values and piping,
 * so that a typo in one id does not cascade into a page of errors.
 */
#include "form/loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/ld.h"
#include "form/ldcheck.h"
#include "form/ldread.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Explain where cJSON stopped, in words a form author can act on. */
static void syntax_error(struct diag *d, const char *s, size_t len, size_t pos)
{
	while (pos > 0 && pos < len && strchr(" \t\r\n", s[pos]))
		pos--;
	size_t p = pos;
	while (p > 0 && strchr(" \t\r\n", s[p - 1]))
		p--;
	char prev = p > 0 ? s[p - 1] : '\0';
	char c = pos < len ? s[pos] : '\0';
	if (pos + 1 >= len && c != '}' && c != ']')
		diag_at(d, len, _("ungültiges JSON: unerwartetes Dateiende (fehlt eine schließende "
		                  "Klammer oder ein Anführungszeichen?)"));
	else if ((c == '}' || c == ']') && prev == ',')
		diag_at(d, p - 1, _("ungültiges JSON: überzähliges Komma vor „%c“"), c);
	else if (c == '\'' || prev == '\'')
		diag_at(d, c == '\'' ? pos : p - 1, _("ungültiges JSON: Zeichenketten stehen in "
		        "doppelten Anführungszeichen (\"…\"), nicht in einfachen"));
	else if (c == '"' && (prev == '"' || prev == '}' || prev == ']' ||
	                      (prev >= '0' && prev <= '9') || prev == 'e' || prev == 'l'))
		diag_at(d, pos, _("ungültiges JSON: hier fehlt ein Komma"));
	else if (c == '\\')
		diag_at(d, pos, _("ungültiges JSON: ungültige Escape-Folge (erlaubt: \\\" \\\\ \\/ "
		                  "\\b \\f \\n \\r \\t \\uXXXX)"));
	else if (c == '/')
		diag_at(d, pos, _("ungültiges JSON: Kommentare sind in JSON nicht erlaubt"));
	else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		diag_at(d, pos, _("ungültiges JSON: ungültiger Wert (erwartet: \"Text\", Zahl, true, "
		                  "false, null, {…} oder […])"));
	else if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
		diag_at(d, pos, _("ungültiges JSON: unerwartetes Zeichen „%c“"), c);
	else
		diag_at(d, pos, _("ungültiges JSON: unerwartetes Zeichen (Byte 0x%02x)"),
		        (unsigned)(unsigned char)c);
}

/* Size, encoding, depth and syntax; returns the parsed tree or NULL. */
static cJSON *parse_json(struct diag *d, const char *s, size_t len)
{
	if (len > LOADER_MAX_BYTES) {
		diag_at(d, 0, _("die Datei ist zu groß (%zu Bytes, höchstens %u)"), len,
		        LOADER_MAX_BYTES);
		return NULL;
	}
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == 0 || (cp == UTF8_REPLACEMENT && k == 1 && (unsigned char)s[i] >= 0x80)) {
			if (cp == 0)
				diag_at(d, i, _("die Datei enthält ein NUL-Byte"));
			else
				diag_at(d, i, _("die Datei ist kein gültiges UTF-8 (Byte 0x%02x)"),
				        (unsigned)(unsigned char)s[i]);
			return NULL;
		}
		i += k;
	}
	size_t deep = jpos_too_deep(s, len, LOADER_MAX_DEPTH);
	if (deep != (size_t)-1) {
		diag_at(d, deep, _("zu tief verschachtelt (höchstens %d Ebenen)"), LOADER_MAX_DEPTH);
		return NULL;
	}
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(s, len, &end, 0);
	if (!root) {
		syntax_error(d, s, len, end ? (size_t)(end - s) : 0);
		return NULL;
	}
	for (const char *p = end; p < s + len; p++)
		if (!strchr(" \t\r\n", *p)) {
			diag_at(d, (size_t)(p - s), _("ungültiges JSON: Text nach dem Ende des Formulars"));
			cJSON_Delete(root);
			return NULL;
		}
	return root;
}

/* The slot -> variable table used by responses. */
static void index_slots(struct form *f)
{
	f->slot_var = xcalloc((size_t)f->nslots + 1, sizeof *f->slot_var);
	for (int v = 0; v < f->nvars; v++)
		if (f->vars[v].slot >= 0)
			f->slot_var[f->vars[v].slot] = v;
}

/* Both passes over a private copy of the text, a byte order mark blanked out (positions stay). */
int loader_load_buffer(const char *name, const char *text, size_t len, struct form **out,
                       struct diag *d)
{
	*out = NULL;
	diag_init(d, name, text, len);
	size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	char *buf = xmalloc(len + 1);
	memset(buf, ' ', skip);
	memcpy(buf + skip, text + skip, len - skip);
	buf[len] = '\0';
	cJSON *root = parse_json(d, buf, len);
	struct ld l = {.d = d};
	if (root && !cJSON_IsObject(root))
		diag_at(d, 0, _("ein Formular ist ein JSON-Objekt { … }"));
	if (root && cJSON_IsObject(root) && jpos_build(&l.jp, buf, len, root) == 0) {
		l.f = xcalloc(1, sizeof *l.f);
		l.f->file = xstrdup(name);
		l.sema = (struct sema){l.f, d, buf, len};
		ldread_form(&l, root);
		if (!diag_count(d))
			ldcheck_form(&l, root);
		index_slots(l.f);
	}
	jpos_free(&l.jp);
	free(l.qnode);
	free(l.snode);
	cJSON_Delete(root);
	free(buf);
	d->src = NULL;
	d->srclen = 0;
	if (diag_count(d) || !l.f) {
		form_free(&l.f);
		return -1;
	}
	*out = l.f;
	return 0;
}

/*
 * Why a form file could not be read. fio_read_file() does not say whether
 * the open or a read failed: the errors only a read gives (EISDIR, EIO)
 * make the file unreadable, every other one unopenable. A file over the
 * limit is reported with its size, like a buffer over the limit.
 */
static void file_error(struct diag *d, const char *path, int err)
{
	diag_init(d, path, "", 0);
	struct stat st;
	int serr;
	if (err == EFBIG && fio_stat(path, &st, &serr) == 0)
		diag_at(d, 0, _("die Datei ist zu groß (%zu Bytes, höchstens %u)"), (size_t)st.st_size,
		        LOADER_MAX_BYTES);
	else if (err == EFBIG || err == EISDIR || err == EIO)
		diag_at(d, 0, _("die Datei lässt sich nicht lesen"));
	else
		diag_at(d, 0, _("die Datei lässt sich nicht öffnen: %s"), strerror(err));
}

/* Through fio, so that a test can make the open or any read of a form fail. */
int loader_load_file(const char *path, struct form **out, struct diag *d)
{
	*out = NULL;
	uint8_t *buf;
	size_t len;
	int err;
	if (fio_read_file(path, LOADER_MAX_BYTES, &buf, &len, &err) < 0) {
		file_error(d, path, err);
		return -1;
	}
	int rc = loader_load_buffer(path, (const char *)buf, len, out, d);
	free(buf);
	return rc;
}
