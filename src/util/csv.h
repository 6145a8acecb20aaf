/*
 * csv: reading delimited text as spreadsheets write it — RFC 4180 quoting,
 * CRLF or LF, an optional UTF-8 byte order mark, and ';' or ',' as the
 * separator (detected from the header line, as German Excel writes ';').
 *
 * Ownership: csv_parse() fills a table the caller frees with csv_free().
 */
#ifndef FB_CSV_H
#define FB_CSV_H

#include <stddef.h>

struct csv_row {
	char **f;      /* fields, NUL-terminated */
	int n;
	int line;      /* 1-based line where the row starts */
};

struct csv {
	struct csv_row *rows;
	int n;
	char sep;
};

/* Parse; -1 with a message (line given) for an unterminated quote. */
int csv_parse(const char *text, size_t len, struct csv *out, char *err, size_t errlen);
void csv_free(struct csv *c);

#endif
