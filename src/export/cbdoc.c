/*
 * cbdoc: writes the codebook's page as Markdown or HTML, one piece of
 * structure at a time — headings, paragraphs, lists, tables, label lists.
 * cbdoc_raw() is for this module's and the codebook's own markup only;
 * every text from the form goes through cbdoc_text(), which escapes it.
 */
#include "export/cbdoc.h"

#include "util/i18n.h"

static const char css[] =
	"body{font-family:\"DejaVu Sans\",Arial,sans-serif;max-width:62em;margin:2em auto;"
	"padding:0 1em;line-height:1.45;color:#111;background:#fff}\n"
	"h1{font-size:1.7em}h2{font-size:1.35em;border-bottom:2px solid #555;margin-top:2.2em}\n"
	"h3{font-size:1.1em;margin:1.6em 0 .4em}\n"
	"table{border-collapse:collapse;margin:.6em 0;width:100%}\n"
	"th,td{border:1px solid #aaa;padding:.2em .45em;text-align:left;vertical-align:top}\n"
	"th{background:#e8e8e8}\n"
	"code{font-family:\"DejaVu Sans Mono\",monospace;background:#f2f2f2;padding:0 .2em}\n"
	"ul{padding-left:1.4em}li{margin:.15em 0}.frage{font-style:italic}.hinweis{color:#444}\n"
	".q{break-inside:avoid;page-break-inside:avoid}\n"
	"@media print{body{max-width:none;margin:0;font-size:10pt}"
	"h2{break-before:page;page-break-before:always}nav{display:none}"
	"a{color:inherit;text-decoration:none}}\n";

void cbdoc_raw(struct cbdoc *c, const char *s)
{
	sbuf_adds(c->o, s);
}

void cbdoc_text(struct cbdoc *c, const char *s)
{
	markup_escape(c->o, s, c->m);
}

bool cbdoc_is_html(const struct cbdoc *c)
{
	return c->m == MARKUP_HTML;
}

/* A text from the form, escaped, as a new string. */
char *cbdoc_text_str(const struct cbdoc *c, const char *s)
{
	struct sbuf b = {0};
	markup_escape(&b, s, c->m);
	return sbuf_take(&b);
}

/* Inline code, as a new string. */
char *cbdoc_code_str(const struct cbdoc *c, const char *s)
{
	struct sbuf b = {0};
	markup_code(&b, s, c->m);
	return sbuf_take(&b);
}

/* Send what is written to c from now on into 'tmp'; returns the buffer to
 * put back into c->o afterwards. */
struct sbuf *cbdoc_divert(struct cbdoc *c, struct sbuf *tmp)
{
	struct sbuf *old = c->o;
	*tmp = (struct sbuf){0};
	c->o = tmp;
	return old;
}

/*
 * Write a sentence of the interface: each "%s" (or "%1$s" …) in 'fmt' is
 * replaced by one of parts[0..n), which are markup already; the text around
 * them is escaped. So a sentence stays one message even where its parts
 * are inline code or a condition read aloud.
 */
void cbdoc_compose(struct cbdoc *c, const char *fmt, const char *const *parts, int n)
{
	struct sbuf lit = {0};
	int next = 0;
	for (const char *p = fmt; *p; p++) {
		if (p[0] != '%') {
			sbuf_addc(&lit, p[0]);
			continue;
		}
		if (p[1] == '%') {
			sbuf_addc(&lit, '%');
			p++;
			continue;
		}
		int k = next++;
		const char *q = p + 1;
		if (*q >= '1' && *q <= '9') {
			int pos = 0;
			while (*q >= '0' && *q <= '9')
				pos = pos * 10 + (*q++ - '0');
			if (*q == '$') {
				k = pos - 1;
				q++;
			} else {
				q = p + 1;
			}
		}
		if (*q != 's') {
			sbuf_addc(&lit, p[0]);
			continue;
		}
		cbdoc_text(c, sbuf_str(&lit));
		lit.len = 0;
		if (lit.data)
			lit.data[0] = '\0';
		cbdoc_raw(c, k >= 0 && k < n ? parts[k] : "");
		p = q;
	}
	cbdoc_text(c, sbuf_str(&lit));
	sbuf_free(&lit);
}

/* A heading „a – b“ (b may be NULL) with an anchor for the HTML contents. */
void cbdoc_heading(struct cbdoc *c, int level, const char *anchor, const char *a, const char *b)
{
	if (cbdoc_is_html(c)) {
		sbuf_printf(c->o, "<h%d", level);
		if (anchor)
			sbuf_printf(c->o, " id=\"%s\"", anchor);
		cbdoc_raw(c, ">");
	} else {
		cbdoc_raw(c, c->o->len > 0 ? "\n" : "");
		for (int i = 0; i < level; i++)
			cbdoc_raw(c, "#");
		cbdoc_raw(c, " ");
	}
	cbdoc_text(c, a);
	if (b) {
		cbdoc_raw(c, " – ");
		cbdoc_text(c, b);
	}
	if (cbdoc_is_html(c))
		sbuf_printf(c->o, "</h%d>\n", level);
	else
		cbdoc_raw(c, "\n\n");
}

/* A paragraph of text; 'cls' is its HTML class. */
void cbdoc_para(struct cbdoc *c, const char *s, const char *cls)
{
	if (cbdoc_is_html(c))
		sbuf_printf(c->o, "<p class=\"%s\">", cls);
	markup_escape_start(c->o, s, c->m);
	cbdoc_raw(c, cbdoc_is_html(c) ? "</p>\n" : "\n\n");
}

void cbdoc_list_begin(struct cbdoc *c)
{
	if (cbdoc_is_html(c))
		cbdoc_raw(c, "<ul>\n");
}

void cbdoc_list_end(struct cbdoc *c)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "</ul>\n" : "\n");
}

/* A list item that starts with a bold „name:“. */
void cbdoc_item(struct cbdoc *c, const char *name)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "<li>" : "- ");
	if (name) {
		cbdoc_raw(c, cbdoc_is_html(c) ? "<strong>" : "**");
		cbdoc_text(c, name);
		cbdoc_raw(c, cbdoc_is_html(c) ? ":</strong> " : ":** ");
	}
}

void cbdoc_item_end(struct cbdoc *c)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "</li>\n" : "\n");
}

/* A table with its head row; cbdoc_cell() opens each cell, cbdoc_row_end() closes a row. */
void cbdoc_table_begin(struct cbdoc *c, const char *const *head, int n)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "<table>\n<thead><tr>" : "| ");
	for (int i = 0; i < n; i++) {
		cbdoc_raw(c, cbdoc_is_html(c) ? "<th>" : i ? " | " : "");
		cbdoc_text(c, head[i]);
		cbdoc_raw(c, cbdoc_is_html(c) ? "</th>" : "");
	}
	cbdoc_raw(c, cbdoc_is_html(c) ? "</tr></thead>\n<tbody>\n" : " |\n|");
	for (int i = 0; !cbdoc_is_html(c) && i < n; i++)
		cbdoc_raw(c, "---|");
	cbdoc_raw(c, cbdoc_is_html(c) ? "" : "\n");
}

void cbdoc_cell(struct cbdoc *c, bool first)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? (first ? "<tr><td>" : "</td><td>") : (first ? "| " : " | "));
}

void cbdoc_row_end(struct cbdoc *c)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "</td></tr>\n" : " |\n");
}

void cbdoc_table_end(struct cbdoc *c)
{
	cbdoc_raw(c, cbdoc_is_html(c) ? "</tbody>\n</table>\n" : "\n");
}

/* „1 = ja; 2 = nein“ (in an HTML cell one per line); „—“ when there are none. */
void cbdoc_labels(struct cbdoc *c, const struct vlabel *v, int n, bool in_cell)
{
	if (n == 0)
		cbdoc_raw(c, "—");
	for (int i = 0; i < n; i++) {
		if (i > 0)
			cbdoc_raw(c, cbdoc_is_html(c) && in_cell ? "<br>" : "; ");
		markup_number(c->o, v[i].code);
		cbdoc_raw(c, " = ");
		cbdoc_text(c, v[i].label);
	}
}

/* The start of the page up to <body>, with the style sheet. */
void cbdoc_html_head(struct cbdoc *c, const char *a, const char *b)
{
	sbuf_printf(c->o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, "
	                  "initial-scale=1\">\n<title>",
	            i18n_lang());
	cbdoc_text(c, a);
	if (b) {
		cbdoc_raw(c, " – ");
		cbdoc_text(c, b);
	}
	cbdoc_raw(c, "</title>\n<style>\n");
	cbdoc_raw(c, css);
	cbdoc_raw(c, "</style>\n</head>\n<body>\n");
}
