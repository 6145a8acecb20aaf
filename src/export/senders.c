/*
 * senders: trust on first sight for the keys of Kommunen.
 */
#include "export/senders.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/outfile.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* A study has some hundred Kommunen, not millions. */
#define MAX_SENDERS (16u << 20)
#define SENDERS_HEAD "# fragebogen: bekannte Absender und ihre Signaturschlüssel\n"

static void add(struct senders *s, const char *pk, const char *seen, const char *name)
{
	s->v = xrealloc(s->v, ((size_t)s->n + 1) * sizeof *s->v);
	s->v[s->n].pubkey = xstrdup(pk);
	s->v[s->n].first_seen = xstrdup(seen);
	s->v[s->n].name = xstrdup(name);
	s->n++;
}

/* One line "key\tdate\tname"; -1 if malformed. */
static int parse_line(struct senders *s, char *line)
{
	line[strcspn(line, "\r\n")] = '\0';
	if (!*line || *line == '#')
		return 0;
	char *t1 = strchr(line, '\t');
	char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
	if (!t2)
		return -1;
	*t1 = *t2 = '\0';
	add(s, line, t1 + 1, t2 + 1);
	return 0;
}

int senders_load(struct senders *s, const char *path, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->path = xstrdup(path);
	uint8_t *buf;
	size_t n;
	int e = 0;
	if (fio_read_file(path, MAX_SENDERS, &buf, &n, &e) < 0) {
		if (e == ENOENT)
			return 0;
		char why[200];
		snprintf(why, sizeof why, _("Datei lässt sich nicht lesen: %s"),
		         e == EFBIG ? _("zu groß") : strerror(e));
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	char *text = xmalloc(n + 1);
	memcpy(text, buf, n);
	text[n] = '\0';
	free(buf);
	int no = 0, rc = 0;
	for (char *line = text; line < text + n;) {
		char *nl = memchr(line, '\n', (size_t)(text + n - line));
		char *next = nl ? nl + 1 : text + n;
		if (nl)
			*nl = '\0';
		no++;
		if (parse_line(s, line) < 0) {
			/* TRANSLATORS: the list of known senders has a malformed line;
			 * "<Tab>" stands for a tab character. */
			snprintf(err, errlen,
			         _("%s, Zeile %d: erwartet „Schlüssel<Tab>Datum<Tab>Name“"), path, no);
			rc = -1;
			break;
		}
		line = next;
	}
	free(text);
	return rc;
}

enum senders_verdict senders_check(struct senders *s, const char *name, const char *pubkey,
                                   bool accept, const char *today)
{
	for (int i = 0; i < s->n; i++) {
		if (strcmp(s->v[i].name, name) != 0)
			continue;
		if (strcmp(s->v[i].pubkey, pubkey) == 0)
			return SENDER_KNOWN;
		if (!accept)
			return SENDER_CHANGED;
		free(s->v[i].pubkey);
		free(s->v[i].first_seen);
		s->v[i].pubkey = xstrdup(pubkey);
		s->v[i].first_seen = xstrdup(today);
		s->dirty = true;
		return SENDER_ACCEPTED;
	}
	/* A key on record under another name: one Kommune posing as another. */
	for (int i = 0; i < s->n && !accept; i++)
		if (strcmp(s->v[i].pubkey, pubkey) == 0)
			return SENDER_OTHER_NAME;
	add(s, pubkey, today, name);
	s->dirty = true;
	return SENDER_NEW;
}

/* Characters that change how a name looks, not what it says: controls,
 * bidirectional marks, zero-width spaces and joiners, the byte order mark. */
static bool invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

/* One spelling per Kommune, whatever invisible characters or spacing the
 * name came with (see senders.h). */
char *senders_clean_name(const char *s)
{
	struct sbuf b = {0};
	size_t n = strlen(s);
	bool space = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		bool blank = cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0x3000;
		if (blank)
			space = b.len > 0;
		else if (!invisible(cp)) {
			if (space)
				sbuf_addc(&b, ' ');
			space = false;
			char enc[4];
			sbuf_add(&b, enc, utf8_encode(cp, enc));
		}
		i += k ? k : 1;
	}
	char *c = sbuf_take(&b);
	if (!*c) {
		free(c);
		/* TRANSLATORS: a sender who gave no name. */
		c = xstrdup(_("(ohne Namen)"));
	}
	return c;
}

const char *senders_name_of(const struct senders *s, const char *pubkey)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->v[i].pubkey, pubkey) == 0)
			return s->v[i].name;
	return NULL;
}

int senders_save(struct senders *s, char *err, size_t errlen)
{
	if (!s->dirty)
		return 0;
	struct sbuf b = {0};
	sbuf_adds(&b, SENDERS_HEAD);
	for (int i = 0; i < s->n; i++)
		sbuf_printf(&b, "%s\t%s\t%s\n", s->v[i].pubkey, s->v[i].first_seen, s->v[i].name);
	char *dir = outfile_folder(s->path);
	int e = 0;
	/* 1: written and renamed, only the folder's sync failed; the record stands. */
	int rc = fio_replace(dir, s->path, sbuf_str(&b), b.len, 0600, true, &e);
	free(dir);
	sbuf_free(&b);
	if (rc < 0) {
		snprintf(err, errlen, _("Die Datei „%s“ lässt sich nicht anlegen: %s."), s->path,
		         outfile_why(e));
		return -1;
	}
	s->dirty = false;
	return 0;
}

void senders_free(struct senders *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->v[i].pubkey);
		free(s->v[i].first_seen);
		free(s->v[i].name);
	}
	free(s->v);
	free(s->path);
	memset(s, 0, sizeof *s);
}
