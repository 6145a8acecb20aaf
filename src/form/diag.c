/*
 * diag: positioned error messages.
 */
#include "form/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

void diag_init(struct diag *d, const char *file, const char *src, size_t srclen)
{
	d->file = file;
	d->src = src;
	d->srclen = srclen;
	d->v = NULL;
	d->n = d->dropped = 0;
}

void diag_linecol(const char *src, size_t len, size_t offset, int *line, int *col)
{
	int l = 1;
	size_t start = 0;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++)
		if (src[i] == '\n')
			l++, start = i + 1;
	*line = l;
	*col = (int)utf8_count(src + start, offset - start) + 1;
}

void diag_at(struct diag *d, size_t offset, const char *fmt, ...)
{
	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	struct diag_msg m;
	diag_linecol(d->src, d->srclen, offset, &m.line, &m.col);
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	m.text = xmalloc((size_t)(len > 0 ? len : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(m.text, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
	va_end(ap);
	d->v = xreallocarray(d->v, (size_t)d->n + 1, sizeof *d->v);
	d->v[d->n++] = m;
}

int diag_count(const struct diag *d)
{
	return d->n + d->dropped;
}

void diag_print(const struct diag *d, FILE *out)
{
	for (int i = 0; i < d->n; i++)
		fprintf(out, "%s:%d:%d: %s\n", d->file, d->v[i].line, d->v[i].col, d->v[i].text);
	if (d->dropped)
		fprintf(out, P_("%s: … und %d weiterer Fehler\n", "%s: … und %d weitere Fehler\n",
		                (unsigned long)d->dropped),
		        d->file, d->dropped);
}

void diag_free(struct diag *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = d->dropped = 0;
}
