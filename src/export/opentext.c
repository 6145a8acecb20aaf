/* opentext: the open answers of a data set (see opentext.h). */
#include "export/opentext.h"

#include <stdbool.h>
#include <string.h>

#include "export/repfmt.h"
#include "util/i18n.h"

/* Whether column c holds open answers (table.h: long texts and the texts
 * of „Sonstiges“, never a name, key or e-mail address), and any is given. */
static bool has_answers(const struct dataset *d, int c)
{
	if (!d->t.cols[c].open || d->t.cols[c].type != COL_STRING)
		return false;
	for (int r = 0; r < d->nrows; r++) {
		const char *s = dataset_str(d, r, c);
		if (s && *s)
			return true;
	}
	return false;
}

/* The Kommune of row r, or a placeholder where the form names none. */
static const char *kommune(const struct dataset *d, int lc, int r)
{
	const char *s = lc >= 0 ? dataset_str(d, r, lc) : NULL;
	/* TRANSLATORS: the open answers: a response whose Kommune is not named. */
	return s && *s ? s : _("(ohne Namen)");
}

/* s with control characters as spaces, lines after the first indented. */
static void text_answer(FILE *out, const char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			fputs("\n      ", out);
		else
			fputc((unsigned char)*s < 32 || *s == 127 ? ' ' : *s, out);
}

int opentext_text(const struct dataset *d, FILE *out)
{
	int lc = d->t.label_column ? table_find(&d->t, d->t.label_column) : -1;
	bool any = false;
	for (int c = 0; c < d->t.ncols; c++) {
		if (!has_answers(d, c))
			continue;
		if (!any)
			/* TRANSLATORS: heading of the open answers in the text report. */
			fprintf(out, "\n%s\n", _("Offene Antworten"));
		any = true;
		fprintf(out, "\n%s  ", d->t.cols[c].name);
		text_answer(out, d->t.cols[c].label ? d->t.cols[c].label : "");
		fputc('\n', out);
		for (int r = 0; r < d->nrows; r++) {
			const char *s = dataset_str(d, r, c);
			if (!s || !*s)
				continue;
			fputs("  – ", out);
			text_answer(out, kommune(d, lc, r));
			fputs(": ", out);
			text_answer(out, s);
			fputc('\n', out);
		}
	}
	return ferror(out) ? -1 : 0;
}

int opentext_html(const struct dataset *d, FILE *out)
{
	int lc = d->t.label_column ? table_find(&d->t, d->t.label_column) : -1;
	bool any = false;
	for (int c = 0; c < d->t.ncols; c++) {
		if (!has_answers(d, c))
			continue;
		if (!any) {
			fputs("<section id=\"offen\"><h2>", out);
			repfmt_html(out, _("Offene Antworten"));
			fputs("</h2>\n", out);
		}
		any = true;
		fputs("<h3>", out);
		repfmt_html(out, d->t.cols[c].name);
		fputs(" ", out);
		repfmt_html(out, d->t.cols[c].label ? d->t.cols[c].label : "");
		fputs("</h3>\n<ul class=\"open\">\n", out);
		for (int r = 0; r < d->nrows; r++) {
			const char *s = dataset_str(d, r, c);
			if (!s || !*s)
				continue;
			fputs("<li><b>", out);
			repfmt_html(out, kommune(d, lc, r));
			fputs(":</b> ", out);
			repfmt_html(out, s);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	if (any)
		fputs("</section>\n", out);
	return ferror(out) ? -1 : 0;
}
