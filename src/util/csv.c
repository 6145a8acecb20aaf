/*
 * csv: a small RFC 4180 reader with separator detection.
 */
#include "util/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

/* ';' if the first line has more semicolons than commas outside quotes. */
static char detect(const char *s, size_t len)
{
	int semi = 0, comma = 0, q = 0;
	for (size_t i = 0; i < len && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ';')
			semi++;
		else if (!q && s[i] == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

/* Limits that keep a hostile file from taking all memory. */
#define CSV_MAX_FIELDS 5000
#define CSV_MAX_ROWS 1000000

static void add_field(struct csv_row *r, struct sbuf *b)
{
	r->f = xreallocarray(r->f, (size_t)r->n + 1, sizeof *r->f);
	r->f[r->n++] = sbuf_take(b);
}

static void add_row(struct csv *c, struct csv_row *r)
{
	c->rows = xreallocarray(c->rows, (size_t)c->n + 1, sizeof *c->rows);
	c->rows[c->n++] = *r;
	memset(r, 0, sizeof *r);
}

/* The fields of a row that is not kept (after an error). */
static void row_discard(struct csv_row *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->f[i]);
	free(r->f);
	memset(r, 0, sizeof *r);
}

/* Empty lines carry no record: a lone empty field is dropped with its row. */
static void drop_empty(struct csv *c)
{
	int k = 0;
	for (int i = 0; i < c->n; i++) {
		if (c->rows[i].n == 1 && c->rows[i].f[0][0] == '\0') {
			row_discard(&c->rows[i]);
			continue;
		}
		c->rows[k++] = c->rows[i];
	}
	c->n = k;
}

int csv_parse(const char *s, size_t len, struct csv *c, char *err, size_t errlen)
{
	memset(c, 0, sizeof *c);
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, len -= 3;
	c->sep = detect(s, len);
	struct csv_row r = {.line = 1};
	struct sbuf b = {0};
	int line = 1, quoted = 0, qline = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (quoted) {
			if (ch == '"' && i + 1 < len && s[i + 1] == '"') {
				sbuf_addc(&b, '"');
				i++;
			} else if (ch == '"') {
				quoted = 0;
			} else {
				line += ch == '\n';
				sbuf_addc(&b, ch);
			}
		} else if (ch == '"' && b.len == 0) {
			quoted = 1;
			qline = line;
		} else if (ch == c->sep) {
			if (r.n >= CSV_MAX_FIELDS) {
				snprintf(err, errlen, _("Zeile %d hat mehr als %d Felder"), line,
				         CSV_MAX_FIELDS);
				goto fail;
			}
			add_field(&r, &b);
		} else if (ch == '\n' || ch == '\r') {
			if (ch == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			add_field(&r, &b);
			add_row(c, &r);
			r.line = ++line;
			if (c->n >= CSV_MAX_ROWS) {
				snprintf(err, errlen, _("mehr als %d Zeilen"), CSV_MAX_ROWS);
				goto fail;
			}
		} else {
			sbuf_addc(&b, ch);
		}
	}
	if (quoted) {
		snprintf(err, errlen, _("Zeile %d: ein Anführungszeichen wird nicht geschlossen"),
		         qline);
fail:
		sbuf_free(&b);
		row_discard(&r);
		csv_free(c);
		return -1;
	}
	if (b.len || r.n)
		add_field(&r, &b), add_row(c, &r);
	sbuf_free(&b);
	drop_empty(c);
	return 0;
}

void csv_free(struct csv *c)
{
	for (int i = 0; i < c->n; i++) {
		for (int k = 0; k < c->rows[i].n; k++)
			free(c->rows[i].f[k]);
		free(c->rows[i].f);
	}
	free(c->rows);
	memset(c, 0, sizeof *c);
}
