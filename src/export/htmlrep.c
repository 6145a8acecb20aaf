/*
 * htmlrep: writes a built report as an HTML5 document with tables and
 * SVG charts (svgbar). Counting is report's job, notation repfmt's; this
 * module only arranges. It must never emit unescaped text, a script, or a
 * reference to anything outside the file.
 */
#include "export/htmlrep.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export/htmlcell.h"
#include "export/htmlcss.h"
#include "export/opentext.h"
#include "export/repfmt.h"
#include "export/report.h"
#include "export/svgbar.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"


/* ------------------------------------------------------------ cells */

/* A row head: the label of a code (or the code itself). */
static void th_cat(FILE *out, const struct report_cat *c, bool num)
{
	char buf[REPFMT_LEN];
	htmlcell_cell(out, "th", report_cat_label(c, buf), num);
}

/* The head row of a cross table: the groups and "Gesamt". */
static void cross_open(FILE *out, const struct report *r, const char *what)
{
	/* TRANSLATORS: caption of a cross table: the title of the breakdown
	 * variable, then what the cells show. */
	char *cap = xasprintf(_("nach %s – %s"), r->btitle, what);
	const char **heads = xcalloc((size_t)r->ngroups + 1, sizeof *heads);
	char (*bufs)[REPFMT_LEN] = xcalloc((size_t)r->ngroups + 1, sizeof *bufs);
	for (int i = 0; i < r->ngroups; i++)
		heads[i] = report_cat_label(&r->groups[i], bufs[i]);
	heads[r->ngroups] = report_total();
	htmlcell_table_open(out, cap, heads, r->ngroups + 1);
	free(bufs);
	free(heads);
	free(cap);
}

/* ------------------------------------------------------------ sections */

/* Cross table of a distribution: column percent per group, top, n. */
static void freq_cross(FILE *out, const struct report *r, const struct report_freq *f)
{
	char *top = report_top_label(f);
	cross_open(out, r, _("Prozent der gültigen Antworten"));
	for (int k = 0; k < f->ncats; k++) {
		htmlcell_tr(out, NULL);
		th_cat(out, &f->cats[k], false);
		for (int g = 0; g < r->ngroups; g++)
			htmlcell_td_pct(out, f->cross[g * f->ncats + k], f->cross_n[g]);
		htmlcell_td_pct(out, f->cats[k].count, f->n);
		fputs("</tr>\n", out);
	}
	if (top) {
		htmlcell_tr(out, "top");
		/* TRANSLATORS: the first codes of a scale taken together, e.g.
		 * "Top-2: sehr gut + gut". */
		char *lab = xasprintf(_("Top-%d: %s"), f->top, top);
		htmlcell_cell(out, "th", lab, false);
		free(lab);
		for (int g = 0; g < r->ngroups; g++)
			htmlcell_td_pct(out, report_top_cross(f, g), f->cross_n[g]);
		htmlcell_td_pct(out, report_top_count(f), f->n);
		fputs("</tr>\n", out);
	}
	htmlcell_tr(out, "sum");
	fputs("<th>n</th>", out);
	for (int g = 0; g < r->ngroups; g++)
		htmlcell_td_int(out, f->cross_n[g]);
	htmlcell_td_int(out, f->n);
	fputs("</tr>\n", out);
	htmlcell_table_close(out);
	free(top);
}

/* A row of the frequency table: count, percent of all, valid percent. */
static void freq_row(FILE *out, const char *cls, const char *label, int count,
                     const struct report_freq *f, bool valid)
{
	htmlcell_tr(out, cls);
	htmlcell_cell(out, "th", label, false);
	htmlcell_td_int(out, count);
	htmlcell_td_pct(out, count, f->total);
	if (valid)
		htmlcell_td_pct(out, count, f->n);
	else
		htmlcell_td_empty(out);
	fputs("</tr>\n", out);
}

/* The bars of a distribution: valid percent per code. */
static void freq_chart(FILE *out, const struct report_section *s, const struct report_freq *f)
{
	struct svgbar_bar *bars = xcalloc((size_t)f->ncats + 1, sizeof *bars);
	char (*labs)[REPFMT_LEN] = xcalloc((size_t)f->ncats + 1, sizeof *labs);
	for (int k = 0; k < f->ncats; k++)
		bars[k] = (struct svgbar_bar){ report_cat_label(&f->cats[k], labs[k]),
			                       f->cats[k].count, f->n };
	/* TRANSLATORS: title of a bar chart: the question's id, then n. */
	char *title = xasprintf(_("%s: Prozent der gültigen Antworten (n = %d)"), s->question,
	                        f->n);
	svgbar_bars(out, title, bars, f->ncats);
	free(title);
	free(labs);
	free(bars);
}

static void html_freq(FILE *out, const struct report *r, const struct report_section *s)
{
	/* TRANSLATORS: column headings of a frequency table: count, percent of
	 * all responses, percent of the valid responses. */
	const char *const heads[] = { _("Anzahl"), _("Prozent"),
		                      /* xgettext:no-c-format */
		                      _("gültige %") };
	const struct report_freq *f = &s->u.freq;
	char buf[REPFMT_LEN];
	char *top = report_top_label(f);
	htmlcell_table_open(out, NULL, heads, 3);
	for (int k = 0; k < f->ncats; k++)
		freq_row(out, NULL, report_cat_label(&f->cats[k], buf), f->cats[k].count, f, true);
	if (top) {
		char *lab = xasprintf(_("Top-%d: %s"), f->top, top);
		freq_row(out, "top", lab, report_top_count(f), f, true);
		free(lab);
	}
	freq_row(out, "sum", _("gültige Antworten"), f->n, f, true);
	for (int k = 0; k < f->nmiss; k++)
		freq_row(out, "miss", report_cat_label(&f->miss[k], buf), f->miss[k].count, f, false);
	freq_row(out, "miss", report_sysmis(), f->sysmis, f, false);
	freq_row(out, "sum", report_total(), f->total, f, false);
	htmlcell_table_close(out);
	free(top);
	char *line = report_scale_line(f);
	if (line) {
		fputs("<p class=\"note\">", out);
		htmlcell_esc(out, line);
		fputs("</p>\n", out);
	}
	free(line);
	if (f->ncats > 0)
		freq_chart(out, s, f);
	if (f->cross)
		freq_cross(out, r, f);
}

static void multi_cross(FILE *out, const struct report *r, const struct report_multi *m)
{
	cross_open(out, r, _("Prozent der Kommunen mit Antwort"));
	for (int k = 0; k < m->nopts; k++) {
		htmlcell_tr(out, NULL);
		htmlcell_cell(out, "th", m->opts[k].label, false);
		for (int g = 0; g < r->ngroups; g++)
			htmlcell_td_pct(out, m->cross[g * m->nopts + k], m->cross_n[g]);
		htmlcell_td_pct(out, m->opts[k].count, m->answered);
		fputs("</tr>\n", out);
	}
	htmlcell_tr(out, "sum");
	fputs("<th>n</th>", out);
	for (int g = 0; g < r->ngroups; g++)
		htmlcell_td_int(out, m->cross_n[g]);
	htmlcell_td_int(out, m->answered);
	fputs("</tr>\n", out);
	htmlcell_table_close(out);
}

/* A row of the multiple-choice table; base 0 leaves the percent empty. */
static void multi_row(FILE *out, const char *cls, const char *label, int count, int base)
{
	htmlcell_tr(out, cls);
	htmlcell_cell(out, "th", label, false);
	htmlcell_td_int(out, count);
	if (base > 0)
		htmlcell_td_pct(out, count, base);
	else
		htmlcell_td_empty(out);
	fputs("</tr>\n", out);
}

static void html_multi(FILE *out, const struct report *r, const struct report_section *s)
{
	const char *const heads[] = { _("Anzahl"),
		                      /* xgettext:no-c-format */
		                      _("% der Kommunen mit Antwort") };
	const struct report_multi *m = &s->u.multi;
	char buf[REPFMT_LEN];
	fputs("<p class=\"note\">", out);
	htmlcell_esc(out, _("Mehrfachauswahl: Prozent der Kommunen, die die Frage beantwortet haben."));
	fputs("</p>\n", out);
	htmlcell_table_open(out, NULL, heads, 2);
	for (int k = 0; k < m->nopts; k++)
		multi_row(out, NULL, m->opts[k].label, m->opts[k].count, m->answered);
	multi_row(out, "sum", _("Kommunen mit Antwort (n)"), m->answered, 0);
	for (int k = 0; k < m->nmiss; k++)
		multi_row(out, "miss", report_cat_label(&m->miss[k], buf), m->miss[k].count, 0);
	multi_row(out, "miss", report_sysmis(), m->sysmis, 0);
	multi_row(out, "sum", report_total(), m->total, 0);
	htmlcell_table_close(out);
	struct svgbar_bar *bars = xcalloc((size_t)m->nopts + 1, sizeof *bars);
	for (int k = 0; k < m->nopts; k++)
		bars[k] = (struct svgbar_bar){ m->opts[k].label, m->opts[k].count, m->answered };
	/* TRANSLATORS: title of a bar chart: the question's id, then n. */
	char *title = xasprintf(_("%s: Prozent der Kommunen mit Antwort (n = %d)"), s->question,
	                        m->answered);
	svgbar_bars(out, title, bars, m->nopts);
	free(title);
	free(bars);
	if (m->cross)
		multi_cross(out, r, m);
}

/* The battery's codes as headings (labels, or the codes themselves). */
static const char **battery_heads(const struct report_freq *f0, char (*bufs)[REPFMT_LEN],
                                  int extra)
{
	const char **heads = xcalloc((size_t)(f0->ncats + f0->nmiss + extra + 1), sizeof *heads);
	for (int k = 0; k < f0->ncats; k++)
		heads[k] = report_cat_label(&f0->cats[k], bufs[k]);
	return heads;
}

/* Per item: valid percent per code, n and top. */
static void battery_pct(FILE *out, const struct report *r, const struct report_battery *b)
{
	const struct report_freq *f0 = &b->items[0];
	char (*bufs)[REPFMT_LEN] = xcalloc((size_t)f0->ncats + 1, sizeof *bufs);
	const char **heads = battery_heads(f0, bufs, 2);
	char *top = report_top_label(f0);
	/* TRANSLATORS: column heading: the first codes of a scale together. */
	char *toph = top ? xasprintf(_("Top-%d"), f0->top) : NULL;
	heads[f0->ncats] = "n";
	heads[f0->ncats + 1] = toph;
	htmlcell_table_open(out, _("Prozent der gültigen Antworten"), heads, f0->ncats + (top ? 2 : 1));
	for (int i = 0; i < b->nitems; i++) {
		const struct report_freq *f = &b->items[i];
		htmlcell_tr(out, NULL);
		htmlcell_cell(out, "th", report_item_label(r, f), false);
		for (int k = 0; k < f->ncats; k++)
			htmlcell_td_pct(out, f->cats[k].count, f->n);
		htmlcell_td_int(out, f->n);
		if (top)
			htmlcell_td_pct(out, report_top_count(f), f->n);
		fputs("</tr>\n", out);
	}
	htmlcell_table_close(out);
	if (top) {
		char *note = xasprintf(_("Top-%d: %s"), f0->top, top);
		fputs("<p class=\"note\">", out);
		htmlcell_esc(out, note);
		fputs("</p>\n", out);
		free(note);
	}
	free(toph);
	free(top);
	free(heads);
	free(bufs);
}

/* Per item: counts of every code, missing code and system-missing. */
static void battery_counts(FILE *out, const struct report *r, const struct report_battery *b)
{
	const struct report_freq *f0 = &b->items[0];
	char (*bufs)[REPFMT_LEN] = xcalloc((size_t)(f0->ncats + f0->nmiss) + 1, sizeof *bufs);
	const char **heads = battery_heads(f0, bufs, 1);
	for (int k = 0; k < f0->nmiss; k++)
		heads[f0->ncats + k] = report_cat_label(&f0->miss[k], bufs[f0->ncats + k]);
	heads[f0->ncats + f0->nmiss] = report_sysmis();
	htmlcell_table_open(out, _("Anzahl"), heads, f0->ncats + f0->nmiss + 1);
	for (int i = 0; i < b->nitems; i++) {
		const struct report_freq *f = &b->items[i];
		htmlcell_tr(out, NULL);
		htmlcell_cell(out, "th", report_item_label(r, f), false);
		for (int k = 0; k < f->ncats; k++)
			htmlcell_td_int(out, f->cats[k].count);
		for (int k = 0; k < f0->nmiss; k++)
			htmlcell_td_int(out, report_miss_count(f, f0->miss[k].code));
		htmlcell_td_int(out, f->sysmis);
		fputs("</tr>\n", out);
	}
	htmlcell_table_close(out);
	free(heads);
	free(bufs);
}

/* Per item and group: the share of the top codes (or the first code). */
static void battery_cross(FILE *out, const struct report *r, const struct report_battery *b)
{
	const struct report_freq *f0 = &b->items[0];
	if (f0->ncats == 0)
		return;
	int lead = f0->top > 0 ? f0->top : 1;
	char buf[REPFMT_LEN], nb[REPFMT_LEN];
	char *top = report_top_label(f0);
	char *what = top ? xasprintf(_("Top-%d (%s), Prozent der gültigen Antworten (n)"), f0->top,
	                             top)
	                 /* TRANSLATORS: what a cross table shows: the share of one code. */
	                 : xasprintf(_("„%s“, Prozent der gültigen Antworten (n)"),
	                             report_cat_label(&f0->cats[0], buf));
	cross_open(out, r, what);
	for (int i = 0; i < b->nitems; i++) {
		const struct report_freq *f = &b->items[i];
		htmlcell_tr(out, NULL);
		htmlcell_cell(out, "th", report_item_label(r, f), false);
		for (int g = 0; g <= r->ngroups; g++) {
			int cnt = 0, n = g < r->ngroups ? f->cross_n[g] : f->n;
			for (int k = 0; k < lead && k < f->ncats; k++)
				cnt += g < r->ngroups ? f->cross[g * f->ncats + k] : f->cats[k].count;
			fprintf(out, "<td class=\"n\">%s (%s)</td>", repfmt_pct(buf, cnt, n),
			        repfmt_int(nb, n));
		}
		fputs("</tr>\n", out);
	}
	htmlcell_table_close(out);
	free(what);
	free(top);
}

static void html_battery(FILE *out, const struct report *r, const struct report_section *s)
{
	const struct report_battery *b = &s->u.battery;
	if (b->nitems == 0)
		return;
	const struct report_freq *f0 = &b->items[0];
	struct svgbar_stack *st = xcalloc((size_t)b->nitems, sizeof *st);
	int *counts = xcalloc((size_t)(b->nitems * f0->ncats) + 1, sizeof *counts);
	char (*bufs)[REPFMT_LEN] = xcalloc((size_t)f0->ncats + 1, sizeof *bufs);
	const char **codes = battery_heads(f0, bufs, 0);
	for (int i = 0; i < b->nitems; i++) {
		for (int k = 0; k < f0->ncats; k++)
			counts[i * f0->ncats + k] = b->items[i].cats[k].count;
		st[i] = (struct svgbar_stack){ report_item_label(r, &b->items[i]),
			                       counts + i * f0->ncats, b->items[i].n };
	}
	/* TRANSLATORS: title of the stacked bars of an item battery; %s is the
	 * question's id. */
	char *title = xasprintf(_("%s: Verteilung der gültigen Antworten je Aussage"),
	                        s->question);
	svgbar_stacked(out, title, st, b->nitems, codes, f0->ncats);
	free(title);
	free(codes);
	free(bufs);
	free(counts);
	free(st);
	battery_pct(out, r, b);
	battery_counts(out, r, b);
	if (f0->cross)
		battery_cross(out, r, b);
}

/* A number cell made of a new string, which it frees. */
static void esc_free_cell(FILE *out, char *s)
{
	htmlcell_cell(out, "td", s, true);
	free(s);
}

/* A row of number statistics. */
static void stat_row(FILE *out, const char *label, const struct report_stat *st, int dec)
{
	char buf[REPFMT_LEN];
	htmlcell_tr(out, NULL);
	htmlcell_cell(out, "th", label, false);
	htmlcell_td_int(out, st->n);
	/* one number of decimals in the whole table: those of the mean */
	htmlcell_cell(out, "td", repfmt_num(buf, st->min, dec + 1), true);
	htmlcell_cell(out, "td", repfmt_num(buf, st->median, dec + 1), true);
	htmlcell_cell(out, "td", repfmt_num(buf, st->mean, dec + 1), true);
	htmlcell_cell(out, "td", repfmt_num(buf, st->max, dec + 1), true);
	char lo[REPFMT_LEN], hi[REPFMT_LEN];
	if (isnan(st->lo))
		htmlcell_cell(out, "td", "–", true);
	else
		esc_free_cell(out, xasprintf("%s–%s", repfmt_num(lo, st->lo, dec + 1),
		                             repfmt_num(hi, st->hi, dec + 1)));
	fputs("</tr>\n", out);
}

static void html_number(FILE *out, const struct report *r, const struct report_section *s)
{
	/* TRANSLATORS: column headings of the statistics of a number; the last
	 * is the 95 % confidence interval of the mean. */
	const char *const heads[] = { "n",           _("Minimum"), _("Median"), _("Mittelwert"),
		                      _("Maximum"),
		                      /* xgettext:no-c-format */
		                      _("95-%-KI") };
	const struct report_number *nu = &s->u.number;
	int dec = r->d->t.cols[nu->col].decimals;
	char buf[REPFMT_LEN];
	htmlcell_table_open(out, NULL, heads, 6);
	/* TRANSLATORS: row of number statistics over all responses (the other
	 * rows are the breakdown groups). */
	stat_row(out, _("alle"), &nu->all, dec);
	for (int g = 0; nu->cross && g < r->ngroups; g++)
		stat_row(out, report_cat_label(&r->groups[g], buf), &nu->cross[g], dec);
	htmlcell_table_close(out);
	fputs("<p class=\"note\">", out);
	/* TRANSLATORS: before the list of missing codes and their counts under
	 * the statistics of a number. */
	htmlcell_esc(out, _("Fehlend:"));
	fputc(' ', out);
	for (int k = 0; k < nu->nmiss; k++) {
		htmlcell_esc(out, report_cat_label(&nu->miss[k], buf));
		fprintf(out, " %d, ", nu->miss[k].count);
	}
	htmlcell_esc(out, report_sysmis());
	fprintf(out, " %d</p>\n", nu->sysmis);
}

/* ------------------------------------------------------------ document */

/* Write s escaped, and free it. */
static void esc_free(FILE *out, char *s)
{
	htmlcell_esc(out, s);
	free(s);
}

static void intro(FILE *out, const struct report *r, const struct htmlrep_meta *m,
                  const char *title)
{
	char buf[REPFMT_LEN];
	fputs("<header><h1>", out);
	htmlcell_esc(out, title);
	fputs("</h1>\n<p class=\"meta\">", out);
	struct tm tm;
	if (m->generated != 0 && localtime_r(&m->generated, &tm)) {
		char when[64];
		/* TRANSLATORS: strftime format of the time a report was made. */
		strftime(when, sizeof when, _("%d.%m.%Y um %H:%M Uhr"), &tm);
		esc_free(out, xasprintf(_("Häufigkeitsbericht, erstellt am %s"), when));
	} else {
		htmlcell_esc(out, _("Häufigkeitsbericht"));
	}
	fputs(" · ", out);
	esc_free(out, xasprintf(P_("%s Antwort", "%s Antworten", (unsigned long)r->nrows),
	                        repfmt_int(buf, r->nrows)));
	if (r->bcol >= 0 && r->ngroups > 0) {
		fputs(" · ", out);
		/* TRANSLATORS: %s is the title of the breakdown variable. */
		esc_free(out, xasprintf(_("aufgeschlüsselt nach %s"), r->btitle));
	}
	fputs("</p>\n<p class=\"note\">", out);
	htmlcell_esc(out, _("Prozent: Anteil an allen Antworten. Gültige %: Anteil an den Antworten ohne "
	           "fehlende Angaben (wie „weiß nicht“ oder „keine Angabe“) und ohne Kommunen, "
	           "denen die Frage nicht gestellt wurde."));
	fputs("</p></header>\n", out);
}

/* The receipt's table: every file with its sender, key, responses read
 * and taken, and what happened to them; a skipped file stands out. */
static void intake_files(FILE *out, const struct htmlrep_meta *m)
{
	if (m->nrows <= 0)
		return;
	fputs("<table class=\"receipt\"><thead><tr>", out);
	/* the receipt's own headings (receipt.c), in the same words */
	const char *h[] = {_("Datei"), _("Absender"), _("Fingerabdruck"), _("Schlüssel"),
	                   _("Antworten"), _("übernommen"), _("Hinweise")};
	for (int i = 0; i < 7; i++)
		htmlcell_cell(out, "th", h[i], i == 4 || i == 5);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < m->nrows; i++) {
		const struct htmlrep_file *f = &m->files[i];
		fputs(f->skipped ? "<tr class=\"skip\">" : "<tr>", out);
		htmlcell_cell(out, "td", f->file, false);
		htmlcell_cell(out, "td", f->sender ? f->sender : "–", false);
		htmlcell_cell(out, "td", f->fingerprint ? f->fingerprint : "–", false);
		htmlcell_cell(out, "td", f->key, false);
		htmlcell_td_int(out, f->responses);
		htmlcell_td_int(out, f->taken);
		htmlcell_cell(out, "td", f->notes, false);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* The section "Eingang": files, responses, and what went wrong. */
static void intake(FILE *out, const struct htmlrep_meta *m)
{
	fputs("<section id=\"eingang\"><h2>", out);
	/* TRANSLATORS: heading of the report's section on the files that came
	 * in and what was taken from them. */
	htmlcell_esc(out, _("Eingang"));
	fputs("</h2>\n<p>", out);
	char a[REPFMT_LEN], b[REPFMT_LEN];
	esc_free(out, xasprintf(P_("%s Datei gelesen", "%s Dateien gelesen",
	                           (unsigned long)m->nfiles),
	                        repfmt_int(a, m->nfiles)));
	fputs(", ", out);
	esc_free(out, xasprintf(P_("%s Antwort übernommen", "%s Antworten übernommen",
	                           (unsigned long)m->nresponses),
	                        repfmt_int(b, m->nresponses)));
	fputs(".</p>\n", out);
	intake_files(out, m);
	if (m->nproblems <= 0 && m->nrows <= 0) {
		fputs("<p>", out);
		htmlcell_esc(out, _("Keine Auffälligkeiten."));
		fputs("</p>\n", out);
	} else {
		fputs("<ul class=\"problems\">\n", out);
		for (int i = 0; i < m->nproblems; i++) {
			fputs("<li>", out);
			htmlcell_esc(out, m->problems[i]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	fputs("</section>\n", out);
}

static void contents(FILE *out, const struct report *r)
{
	fputs("<nav><h2>", out);
	/* TRANSLATORS: heading of the table of contents. */
	htmlcell_esc(out, _("Inhalt"));
	fputs("</h2><ol>\n", out);
	for (int i = 0; i < r->nsecs; i++) {
		const struct report_section *s = &r->secs[i];
		const struct report_battery *b = &s->u.battery;
		/* a matrix's scales (batteries of one question): the part of "Zeile – Teil" */
		bool twin = (i > 0 && strcmp(r->secs[i - 1].question, s->question) == 0) ||
		            (i + 1 < r->nsecs && strcmp(r->secs[i + 1].question, s->question) == 0);
		const char *it = twin && s->kind == REPORT_BATTERY && b->nitems > 0
		                         ? report_item_label(r, &b->items[0]) : NULL;
		const char *z = it ? report_item_label(r, &b->items[b->nitems - 1]) : "";
		const char *part = it ? strstr(it, " – ") : NULL, *e = part ? strstr(z, part) : NULL;
		part = e && strcmp(e, part) == 0 ? part + strlen(" – ") : NULL;
		fprintf(out, "<li><a href=\"#s%d\">", i + 1);
		htmlcell_esc(out, s->question);
		fputs("</a> ", out);
		htmlcell_esc(out, s->title);
		esc_free(out, it ? xasprintf(" – %s", part ? part : it) : NULL);
		fputs("</li>\n", out);
	}
	fputs("</ol></nav>\n", out);
}

static void section(FILE *out, const struct report *r, int i)
{
	const struct report_section *s = &r->secs[i];
	fprintf(out, "<section class=\"q\" id=\"s%d\"><h2><span class=\"qid\">", i + 1);
	htmlcell_esc(out, s->question);
	fputs("</span>", out);
	if (strcmp(s->question, s->title) != 0)
		htmlcell_esc(out, s->title);
	fputs("</h2>\n", out);
	switch (s->kind) {
	case REPORT_FREQ:
		html_freq(out, r, s);
		break;
	case REPORT_MULTI:
		html_multi(out, r, s);
		break;
	case REPORT_BATTERY:
		html_battery(out, r, s);
		break;
	case REPORT_NUMBER:
		html_number(out, r, s);
		break;
	}
	fputs("</section>\n", out);
}

/* Test responses in the data: said at the top, and at the foot of every
 * printed page, so that no page of it passes for real results. */
static void simulated_notice(FILE *out, const struct htmlrep_meta *m)
{
	if (m->nsimulated <= 0)
		return;
	/* TRANSLATORS: on every page of a report that includes simulated test responses. */
	char *t = xasprintf(P_("Enthält %d simulierte Testantwort – keine echten Ergebnisse.",
	                       "Enthält %d simulierte Testantworten – keine echten Ergebnisse.",
	                       (unsigned long)m->nsimulated),
	                    m->nsimulated);
	fputs("<p class=\"sim\">", out);
	htmlcell_esc(out, t);
	fputs("</p>\n<p class=\"sim simfoot\">", out);
	htmlcell_esc(out, t);
	fputs("</p>\n", out);
	free(t);
}

int htmlrep_write(const struct dataset *d, const struct htmlrep_meta *meta, FILE *out)
{
	struct report r;
	report_build(&r, d);
	const char *title = meta->title      ? meta->title
	                    : d->t.form_title ? d->t.form_title
	                                      : _("Häufigkeitsbericht");
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<title>",
	        i18n_lang());
	htmlcell_esc(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", htmlcss_report());
	simulated_notice(out, meta);
	intro(out, &r, meta, title);
	intake(out, meta);
	contents(out, &r);
	fputs("<main>\n", out);
	for (int i = 0; i < r.nsecs; i++)
		section(out, &r, i);
	if (meta->open_text)
		opentext_html(d, out);
	fputs("</main>\n</body>\n</html>\n", out);
	report_free(&r);
	return ferror(out) ? -1 : 0;
}
