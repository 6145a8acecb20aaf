/* htmlcell: the table cells of the HTML report (see htmlcell.h). */
#include "export/htmlcell.h"

#include "export/repfmt.h"

/* Text, escaped; NULL as nothing. */
void htmlcell_esc(FILE *out, const char *s)
{
	repfmt_html(out, s ? s : "");
}

/* A cell: th or td, class "n" for numbers. */
void htmlcell_cell(FILE *out, const char *tag, const char *s, bool num)
{
	fprintf(out, "<%s%s>", tag, num ? " class=\"n\"" : "");
	htmlcell_esc(out, s);
	fprintf(out, "</%s>", tag);
}

/* A number cell with a whole number. */
void htmlcell_td_int(FILE *out, long n)
{
	char buf[REPFMT_LEN];
	htmlcell_cell(out, "td", repfmt_int(buf, n), true);
}

/* A number cell with count as a percent of base. */
void htmlcell_td_pct(FILE *out, long count, long base)
{
	char buf[REPFMT_LEN];
	htmlcell_cell(out, "td", repfmt_pct(buf, count, base), true);
}

/* An empty cell. */
void htmlcell_td_empty(FILE *out)
{
	fputs("<td></td>", out);
}

/* A row, of class cls if not NULL. */
void htmlcell_tr(FILE *out, const char *cls)
{
	if (cls)
		fprintf(out, "<tr class=\"%s\">", cls);
	else
		fputs("<tr>", out);
}

/* Open a table with a caption and the head row: an empty corner, then
 * 'n' headings (numbers). */
void htmlcell_table_open(FILE *out, const char *caption, const char *const *heads, int n)
{
	fputs("<table>", out);
	if (caption) {
		fputs("<caption>", out);
		htmlcell_esc(out, caption);
		fputs("</caption>", out);
	}
	fputs("<thead><tr><th></th>", out);
	for (int i = 0; i < n; i++)
		htmlcell_cell(out, "th", heads[i], true);
	fputs("</tr></thead>\n<tbody>\n", out);
}

/* The end of a table htmlcell_table_open() began. */
void htmlcell_table_close(FILE *out)
{
	fputs("</tbody></table>\n", out);
}
