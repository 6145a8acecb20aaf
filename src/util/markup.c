/*
 * markup: text for the three outputs of printed reports — plain text,
 * Markdown and HTML. Escaping so that no character of a form author's text
 * can become markup, inline code, and numbers written the German way.
 * It never writes structure (headings, tables); that is the report's job.
 */
#include "util/markup.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xc2\xa0"

/* Markdown: whether a byte belongs to a word (so that "_" inside it is literal). */
static bool md_word(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	       ch >= 0x80;
}

/* Markdown: escape what could start a block when the text begins a line. */
static size_t md_line_start(struct sbuf *b, const char *s)
{
	if (strchr("#>-+=", s[0]) && s[0]) {
		sbuf_addc(b, '\\');
		sbuf_addc(b, s[0]);
		return 1;
	}
	size_t n = strspn(s, "0123456789");
	if (n > 0 && n < 10 && (s[n] == '.' || s[n] == ')')) {
		sbuf_add(b, s, n);
		sbuf_addc(b, '\\');
		sbuf_addc(b, s[n]);
		return n + 1;
	}
	return 0;
}

static void escape_md(struct sbuf *b, const char *s, bool line_start)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = line_start ? md_line_start(b, s) : 0; u[i]; i++) {
		int ch = u[i], next = u[i + 1], prev = i > 0 ? u[i - 1] : ' ';
		bool esc = strchr("\\`*[]|~#", ch) != NULL ||
		           (ch == '_' && (!md_word(prev) || !md_word(next))) ||
		           (ch == '<' && (md_word(next) || next == '/' || next == '!' || next == '?')) ||
		           (ch == '&' && (md_word(next) || next == '#'));
		if (ch == '\n' || ch == '\r' || ch == '\t') {
			sbuf_addc(b, ' ');
			continue;
		}
		if (esc)
			sbuf_addc(b, '\\');
		sbuf_addc(b, (char)ch);
	}
}

static void escape_html(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sbuf_adds(b, "&amp;"); break;
		case '<': sbuf_adds(b, "&lt;"); break;
		case '>': sbuf_adds(b, "&gt;"); break;
		case '"': sbuf_adds(b, "&quot;"); break;
		case '\'': sbuf_adds(b, "&#39;"); break;
		case '\n': sbuf_adds(b, "<br>\n"); break;
		case '\r': break;
		default: sbuf_addc(b, *s);
		}
	}
}

void markup_escape(struct sbuf *b, const char *s, enum markup m)
{
	switch (m) {
	case MARKUP_TEXT:
		sbuf_adds(b, s);
		break;
	case MARKUP_MARKDOWN:
		escape_md(b, s, false);
		break;
	case MARKUP_HTML:
		escape_html(b, s);
		break;
	}
}

void markup_escape_start(struct sbuf *b, const char *s, enum markup m)
{
	if (m == MARKUP_MARKDOWN)
		escape_md(b, s, true);
	else
		markup_escape(b, s, m);
}

/* Markdown code span: a fence longer than any run of backticks inside. */
static void code_md(struct sbuf *b, const char *s)
{
	size_t run = 0, longest = 0;
	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	bool pad = s[0] == '`' || (s[0] && s[strlen(s) - 1] == '`');
	for (size_t i = 0; i <= longest; i++)
		sbuf_addc(b, '`');
	if (pad)
		sbuf_addc(b, ' ');
	for (const char *p = s; *p; p++)
		sbuf_addc(b, *p == '\n' || *p == '\r' ? ' ' : *p);
	if (pad)
		sbuf_addc(b, ' ');
	for (size_t i = 0; i <= longest; i++)
		sbuf_addc(b, '`');
}

void markup_code(struct sbuf *b, const char *s, enum markup m)
{
	switch (m) {
	case MARKUP_TEXT:
		sbuf_addc(b, '`');
		sbuf_adds(b, s);
		sbuf_addc(b, '`');
		break;
	case MARKUP_MARKDOWN:
		code_md(b, s);
		break;
	case MARKUP_HTML:
		sbuf_adds(b, "<code>");
		for (; *s; s++)
			if (*s == '\n')
				sbuf_addc(b, ' ');
			else
				escape_html(b, (char[]){*s, 0});
		sbuf_adds(b, "</code>");
		break;
	}
}

void markup_number(struct sbuf *b, double d)
{
	char buf[64];
	if (d == 0)
		d = 0; /* no "-0" */
	if (d == floor(d) && fabs(d) < 1e15)
		snprintf(buf, sizeof buf, "%.0f", fabs(d));
	else
		snprintf(buf, sizeof buf, "%.15g", fabs(d));
	if (d < 0)
		sbuf_addc(b, '-');
	size_t digits = strspn(buf, "0123456789");
	bool group = digits >= 5 && buf[digits] != 'e';
	for (size_t i = 0; i < digits; i++) {
		if (group && i > 0 && (digits - i) % 3 == 0)
			sbuf_adds(b, NBSP);
		sbuf_addc(b, buf[i]);
	}
	for (const char *p = buf + digits; *p; p++)
		sbuf_addc(b, *p == '.' ? ',' : *p);
}
