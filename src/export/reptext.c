/*
 * reptext: prints a built report as text tables. It counts nothing itself;
 * every number comes from the report, every percentage from repfmt.
 *
 * A table is a grid of cells: the first column holds labels, left-aligned
 * and wrapped at LABEL_MAX columns; the others are right-aligned. Widths
 * are display columns, measured with repfmt.
 */
#include "export/reptext.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/repfmt.h"
#include "export/report.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define LABEL_MAX 40
#define TEXT_WIDTH 78
#define GAP 3
#define INDENT "  "

struct grid {
	int ncols;
	int n;        /* cells so far; row r is cells[r * ncols ...] */
	char **cells; /* owned */
};

/* A copy of s with control characters as spaces and bad bytes as U+FFFD. */
static char *clean(const char *s)
{
	struct sbuf b = { 0 };
	size_t len = strlen(s);
	sbuf_adds(&b, "");
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			sbuf_addc(&b, ' ');
		} else {
			char enc[4];
			sbuf_add(&b, enc, utf8_encode(cp, enc));
		}
		i += k;
	}
	return sbuf_take(&b);
}

static void pad(FILE *out, size_t want, size_t have)
{
	for (size_t i = have; i < want; i++)
		fputc(' ', out);
}

static void grid_init(struct grid *g, int ncols)
{
	g->ncols = ncols;
	g->n = 0;
	g->cells = NULL;
}

static void grid_put(struct grid *g, const char *s)
{
	g->cells = xreallocarray(g->cells, (size_t)g->n + 1, sizeof *g->cells);
	g->cells[g->n++] = clean(s ? s : "");
}

__attribute__((format(printf, 2, 3)))
static void grid_putf(struct grid *g, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	grid_put(g, buf);
}

static void grid_free(struct grid *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->cells[i]);
	free(g->cells);
	g->cells = NULL;
	g->n = 0;
}

/* Print row r: the label's first line with the cells, then its other
 * lines. Empty cells at the end leave no trailing blanks. */
static void grid_row(const struct grid *g, int r, const size_t *w, FILE *out)
{
	char *const *row = g->cells + r * g->ncols;
	const char *label = row[0];
	int last = g->ncols - 1;
	while (last > 0 && !row[last][0])
		last--;
	size_t next, len = repfmt_wrap(label, w[0], &next);
	fputs(INDENT, out);
	fwrite(label, 1, len, out);
	if (last > 0)
		pad(out, w[0], repfmt_widthn(label, len));
	for (int k = 1; k <= last; k++) {
		pad(out, GAP + w[k], repfmt_width(row[k]));
		fputs(row[k], out);
	}
	fputc('\n', out);
	while (label[next]) {
		label += next;
		len = repfmt_wrap(label, w[0], &next);
		fputs(INDENT, out);
		fwrite(label, 1, len, out);
		fputc('\n', out);
	}
}

/* Print the grid; row 0 is the header, underlined. */
static void grid_print(const struct grid *g, FILE *out)
{
	int rows = g->n / g->ncols;
	size_t *w = xcalloc((size_t)g->ncols, sizeof *w);
	for (int r = 0; r < rows; r++)
		for (int k = 0; k < g->ncols; k++) {
			size_t x = repfmt_width(g->cells[r * g->ncols + k]);
			if (x > w[k])
				w[k] = x;
		}
	if (w[0] > LABEL_MAX)
		w[0] = LABEL_MAX;
	size_t total = w[0];
	for (int k = 1; k < g->ncols; k++)
		total += GAP + w[k];
	for (int r = 0; r < rows; r++) {
		grid_row(g, r, w, out);
		if (r == 0) {
			fputs(INDENT, out);
			for (size_t i = 0; i < total; i++)
				fputc('-', out);
			fputc('\n', out);
		}
	}
	free(w);
}

/* Print text wrapped at TEXT_WIDTH, the first line after 'lead', the
 * others indented as far. */
static void wrapped(FILE *out, const char *lead, const char *text)
{
	char *cl = clean(lead), *ct = clean(text);
	size_t ind = repfmt_width(cl);
	size_t width = TEXT_WIDTH > ind + 20 ? TEXT_WIDTH - ind : 20;
	const char *s = ct;
	fputs(cl, out);
	do {
		size_t next, len = repfmt_wrap(s, width, &next);
		if (s != ct)
			pad(out, ind, 0);
		fwrite(s, 1, len, out);
		fputc('\n', out);
		s += next;
	} while (*s);
	free(cl);
	free(ct);
}

/* As wrapped(), the lead made of an indent and a label. */
static void wrapped_after(FILE *out, const char *indent, const char *label, const char *text)
{
	char *lead = xasprintf("%s%s", indent, label);
	wrapped(out, lead, text);
	free(lead);
}

/* The line over a cross table: "nach" and the breakdown's title. */
static void breakdown_line(FILE *out, const struct report *r)
{
	fprintf(out, "\n");
	/* TRANSLATORS: before the title of the breakdown variable, over a cross
	 * table ("by type of municipality"); keep the trailing space. */
	wrapped_after(out, INDENT, _("nach "), r->btitle);
}

static void put_pct(struct grid *g, long count, long base)
{
	char buf[REPFMT_LEN];
	grid_put(g, repfmt_pct(buf, count, base));
}

static void put_int(struct grid *g, long n)
{
	char buf[REPFMT_LEN];
	grid_put(g, repfmt_int(buf, n));
}

static void put_label(struct grid *g, const struct report_cat *c)
{
	char buf[REPFMT_LEN];
	grid_put(g, report_cat_label(c, buf));
}

/* A code as a column heading: "3", or "2,50" for a fractional code. */
static const char *code_text(double code, char *buf)
{
	return repfmt_num(buf, code, code == floor(code) ? 0 : 2);
}

/* Counts of the first k codes overall (g < 0) or in group g. */
static int lead_count(const struct report_freq *f, int k, int g)
{
	int sum = 0;
	for (int i = 0; i < k && i < f->ncats; i++)
		sum += g < 0 ? f->cats[i].count : f->cross[g * f->ncats + i];
	return sum;
}

/* The breakdown of a distribution: column percent per group. */
static void freq_cross(const struct report *r, const struct report_freq *f, FILE *out)
{
	struct grid g;
	char *top = report_top_label(f);
	grid_init(&g, r->ngroups + 2);
	breakdown_line(out, r);
	grid_put(&g, _("Prozent der gültigen Antworten"));
	for (int i = 0; i < r->ngroups; i++)
		put_label(&g, &r->groups[i]);
	grid_put(&g, report_total());
	for (int k = 0; k < f->ncats; k++) {
		put_label(&g, &f->cats[k]);
		for (int i = 0; i < r->ngroups; i++)
			put_pct(&g, f->cross[i * f->ncats + k], f->cross_n[i]);
		put_pct(&g, f->cats[k].count, f->n);
	}
	if (top) {
		/* TRANSLATORS: the first codes of a scale taken together, e.g.
		 * "Top-2: sehr gut + gut". */
		grid_putf(&g, _("Top-%d: %s"), f->top, top);
		for (int i = 0; i < r->ngroups; i++)
			put_pct(&g, report_top_cross(f, i), f->cross_n[i]);
		put_pct(&g, report_top_count(f), f->n);
	}
	grid_put(&g, "n");
	for (int i = 0; i < r->ngroups; i++)
		put_int(&g, f->cross_n[i]);
	put_int(&g, f->n);
	grid_print(&g, out);
	grid_free(&g);
	free(top);
}

/* One closed column: every code, every missing code, the top codes. */
static void text_freq(const struct report *r, const struct report_freq *f, FILE *out)
{
	struct grid g;
	char *top = report_top_label(f);
	grid_init(&g, 4);
	grid_put(&g, "");
	/* TRANSLATORS: column headings of a frequency table: count, percent of
	 * all responses, percent of the valid responses. */
	grid_put(&g, _("Anzahl"));
	grid_put(&g, _("Prozent"));
	/* xgettext:no-c-format */
	grid_put(&g, _("gültige %"));
	for (int k = 0; k < f->ncats; k++) {
		put_label(&g, &f->cats[k]);
		put_int(&g, f->cats[k].count);
		put_pct(&g, f->cats[k].count, f->total);
		put_pct(&g, f->cats[k].count, f->n);
	}
	if (top) {
		grid_putf(&g, _("Top-%d: %s"), f->top, top);
		put_int(&g, report_top_count(f));
		put_pct(&g, report_top_count(f), f->total);
		put_pct(&g, report_top_count(f), f->n);
	}
	grid_put(&g, _("gültige Antworten"));
	put_int(&g, f->n);
	put_pct(&g, f->n, f->total);
	put_pct(&g, f->n, f->n);
	for (int k = 0; k < f->nmiss; k++) {
		put_label(&g, &f->miss[k]);
		put_int(&g, f->miss[k].count);
		put_pct(&g, f->miss[k].count, f->total);
		grid_put(&g, "");
	}
	grid_put(&g, report_sysmis());
	put_int(&g, f->sysmis);
	put_pct(&g, f->sysmis, f->total);
	grid_put(&g, "");
	grid_put(&g, report_total());
	put_int(&g, f->total);
	put_pct(&g, f->total, f->total);
	grid_put(&g, "");
	grid_print(&g, out);
	grid_free(&g);
	char *line = report_scale_line(f);
	if (line)
		fprintf(out, "%s%s\n", INDENT, line);
	free(line);
	free(top);
	if (f->cross)
		freq_cross(r, f, out);
}

/* A multiple choice: options as a percent of the Kommunen that answered. */
static void text_multi(const struct report *r, const struct report_multi *m, FILE *out)
{
	struct grid g;
	grid_init(&g, 3);
	/* TRANSLATORS: heading of the table of a multiple-choice question. */
	grid_put(&g, _("Mehrfachauswahl"));
	grid_put(&g, _("Anzahl"));
	/* xgettext:no-c-format */
	grid_put(&g, _("% der Antwortenden"));
	for (int i = 0; i < m->nopts; i++) {
		grid_put(&g, m->opts[i].label);
		put_int(&g, m->opts[i].count);
		put_pct(&g, m->opts[i].count, m->answered);
	}
	grid_put(&g, _("Kommunen mit Antwort (n)"));
	put_int(&g, m->answered);
	grid_put(&g, "");
	for (int k = 0; k < m->nmiss; k++) {
		put_label(&g, &m->miss[k]);
		put_int(&g, m->miss[k].count);
		grid_put(&g, "");
	}
	grid_put(&g, report_sysmis());
	put_int(&g, m->sysmis);
	grid_put(&g, "");
	grid_put(&g, report_total());
	put_int(&g, m->total);
	grid_put(&g, "");
	grid_print(&g, out);
	grid_free(&g);
	if (!m->cross)
		return;
	breakdown_line(out, r);
	grid_init(&g, r->ngroups + 2);
	/* xgettext:no-c-format */
	grid_put(&g, _("% der Antwortenden"));
	for (int i = 0; i < r->ngroups; i++)
		put_label(&g, &r->groups[i]);
	grid_put(&g, report_total());
	for (int k = 0; k < m->nopts; k++) {
		grid_put(&g, m->opts[k].label);
		for (int i = 0; i < r->ngroups; i++)
			put_pct(&g, m->cross[i * m->nopts + k], m->cross_n[i]);
		put_pct(&g, m->opts[k].count, m->answered);
	}
	grid_put(&g, "n");
	for (int i = 0; i < r->ngroups; i++)
		put_int(&g, m->cross_n[i]);
	put_int(&g, m->answered);
	grid_print(&g, out);
	grid_free(&g);
}

/* The codes of a battery as a legend: "1 = sehr gut, 2 = gut". */
static void battery_legend(const struct report_freq *f, FILE *out)
{
	struct sbuf b = { 0 };
	char num[REPFMT_LEN];
	for (int k = 0; k < f->ncats; k++) {
		sbuf_printf(&b, "%s%s = ", k ? ", " : "", code_text(f->cats[k].code, num));
		sbuf_adds(&b, f->cats[k].label ? f->cats[k].label : num);
	}
	/* TRANSLATORS: before the list of the codes of an item battery,
	 * "1 = sehr gut, 2 = gut"; keep the trailing space. */
	wrapped_after(out, INDENT, _("Codes: "), sbuf_str(&b));
	sbuf_free(&b);
}

/* Battery counts: every code, every missing code, system-missing. */
static void battery_counts(const struct report *r, const struct report_battery *bat,
                           FILE *out)
{
	const struct report_freq *f0 = &bat->items[0];
	char num[REPFMT_LEN];
	struct grid g;
	grid_init(&g, f0->ncats + f0->nmiss + 2);
	grid_put(&g, _("Anzahl"));
	for (int k = 0; k < f0->ncats; k++)
		grid_put(&g, code_text(f0->cats[k].code, num));
	for (int k = 0; k < f0->nmiss; k++)
		put_label(&g, &f0->miss[k]);
	/* TRANSLATORS: column of a battery's count table: no answer (not asked
	 * or left empty). */
	grid_put(&g, _("leer"));
	for (int i = 0; i < bat->nitems; i++) {
		const struct report_freq *f = &bat->items[i];
		grid_put(&g, report_item_label(r, f));
		for (int k = 0; k < f->ncats; k++)
			put_int(&g, f->cats[k].count);
		for (int k = 0; k < f0->nmiss; k++)
			put_int(&g, report_miss_count(f, f0->miss[k].code));
		put_int(&g, f->sysmis);
	}
	grid_print(&g, out);
	grid_free(&g);
}

/* Battery by breakdown group: the share of the top (or first) code. */
static void battery_cross(const struct report *r, const struct report_battery *bat,
                          FILE *out)
{
	const struct report_freq *f0 = &bat->items[0];
	int lead = f0->top > 0 ? f0->top : 1;
	if (f0->ncats == 0)
		return;
	char *top = report_top_label(f0);
	char a[REPFMT_LEN], b[REPFMT_LEN], buf[REPFMT_LEN];
	struct grid g;
	breakdown_line(out, r);
	grid_init(&g, r->ngroups + 2);
	if (top)
		grid_putf(&g, _("Top-%d (%s), %% (n)"), f0->top, top);
	else
		/* TRANSLATORS: heading of a cross table: the share of one code. */
		grid_putf(&g, _("„%s“, %% (n)"), report_cat_label(&f0->cats[0], buf));
	for (int i = 0; i < r->ngroups; i++)
		put_label(&g, &r->groups[i]);
	grid_put(&g, report_total());
	for (int k = 0; k < bat->nitems; k++) {
		const struct report_freq *f = &bat->items[k];
		grid_put(&g, report_item_label(r, f));
		for (int i = 0; i < r->ngroups; i++)
			grid_putf(&g, "%s (%s)", repfmt_pct(a, lead_count(f, lead, i), f->cross_n[i]),
			          repfmt_int(b, f->cross_n[i]));
		grid_putf(&g, "%s (%s)", repfmt_pct(a, lead_count(f, lead, -1), f->n),
		          repfmt_int(b, f->n));
	}
	grid_print(&g, out);
	grid_free(&g);
	free(top);
}

/* An item battery: valid percent per code and item, then the counts. */
static void text_battery(const struct report *r, const struct report_battery *bat,
                         FILE *out)
{
	if (bat->nitems == 0)
		return;
	const struct report_freq *f0 = &bat->items[0];
	char num[REPFMT_LEN];
	char *top = report_top_label(f0);
	struct grid g;
	battery_legend(f0, out);
	if (top) {
		fputs(INDENT, out);
		fprintf(out, _("Top-%d: %s"), f0->top, top);
		fputc('\n', out);
	}
	fprintf(out, "\n");
	grid_init(&g, f0->ncats + (top ? 3 : 2));
	grid_put(&g, _("Prozent der gültigen Antworten"));
	for (int k = 0; k < f0->ncats; k++)
		grid_put(&g, code_text(f0->cats[k].code, num));
	grid_put(&g, "n");
	if (top)
		/* TRANSLATORS: column heading: the first codes of a scale together. */
		grid_putf(&g, _("Top-%d"), f0->top);
	for (int i = 0; i < bat->nitems; i++) {
		const struct report_freq *f = &bat->items[i];
		grid_put(&g, report_item_label(r, f));
		for (int k = 0; k < f->ncats; k++)
			put_pct(&g, f->cats[k].count, f->n);
		put_int(&g, f->n);
		if (top)
			put_pct(&g, report_top_count(f), f->n);
	}
	grid_print(&g, out);
	grid_free(&g);
	free(top);
	fprintf(out, "\n");
	battery_counts(r, bat, out);
	if (f0->cross)
		battery_cross(r, bat, out);
}

/* "12,3–45,6", the 95 % confidence interval of the mean, or "–". */
static const char *interval(char *buf, const struct report_stat *s, int dec)
{
	char lo[REPFMT_LEN], hi[REPFMT_LEN];
	if (isnan(s->lo)) {
		snprintf(buf, REPFMT_LEN, "–");
		return buf;
	}
	snprintf(buf, REPFMT_LEN, "%s–%s", repfmt_num(lo, s->lo, dec), repfmt_num(hi, s->hi, dec));
	return buf;
}

/* One row of number statistics. */
static void put_stat(struct grid *g, const char *label, const struct report_stat *s, int dec)
{
	char buf[REPFMT_LEN];
	grid_put(g, label);
	put_int(g, s->n);
	/* one number of decimals in the whole table: those of the mean */
	grid_put(g, repfmt_num(buf, s->min, dec + 1));
	grid_put(g, repfmt_num(buf, s->median, dec + 1));
	grid_put(g, repfmt_num(buf, s->mean, dec + 1));
	grid_put(g, repfmt_num(buf, s->max, dec + 1));
	grid_put(g, interval(buf, s, dec + 1));
}

/* An open number: n, minimum, median, mean, maximum; per group too. */
static void text_number(const struct report *r, const struct report_number *nu, FILE *out)
{
	int dec = r->d->t.cols[nu->col].decimals;
	char buf[REPFMT_LEN];
	struct grid g;
	grid_init(&g, 7);
	grid_put(&g, "");
	grid_put(&g, "n");
	/* TRANSLATORS: column headings of the statistics of a number; the last
	 * is the 95 % confidence interval of the mean. */
	grid_put(&g, _("Minimum"));
	grid_put(&g, _("Median"));
	grid_put(&g, _("Mittelwert"));
	grid_put(&g, _("Maximum"));
	/* xgettext:no-c-format */
	grid_put(&g, _("95-%-KI"));
	/* TRANSLATORS: row of number statistics over all responses (the other
	 * rows are the breakdown groups). */
	put_stat(&g, _("alle"), &nu->all, dec);
	for (int i = 0; nu->cross && i < r->ngroups; i++)
		put_stat(&g, report_cat_label(&r->groups[i], buf), &nu->cross[i], dec);
	grid_print(&g, out);
	grid_free(&g);
	struct sbuf b = { 0 };
	for (int k = 0; k < nu->nmiss; k++)
		sbuf_printf(&b, "%s: %d, ", report_cat_label(&nu->miss[k], buf), nu->miss[k].count);
	sbuf_printf(&b, "%s: %d", report_sysmis(), nu->sysmis);
	/* TRANSLATORS: before the list of missing codes and their counts
	 * under the statistics of a number; keep the trailing space. */
	wrapped_after(out, INDENT, _("fehlend – "), sbuf_str(&b));
	sbuf_free(&b);
}

/* The lines above the first table. */
static void text_header(const struct report *r, FILE *out)
{
	const char *title = r->d->t.form_title ? r->d->t.form_title : _("Fragebogen");
	char buf[REPFMT_LEN];
	/* TRANSLATORS: before the title of the questionnaire at the top of the
	 * text report; keep the trailing space. */
	wrapped(out, _("Häufigkeiten: "), title);
	fprintf(out, P_("%s Antwort", "%s Antworten", (unsigned long)r->nrows),
	        repfmt_int(buf, r->nrows));
	fputc('\n', out);
	if (r->bcol >= 0 && r->ngroups > 0) {
		int none = r->nrows;
		for (int i = 0; i < r->ngroups; i++)
			none -= r->groups[i].count;
		/* TRANSLATORS: before the title of the breakdown variable at the top
		 * of the text report; keep the trailing space. */
		wrapped(out, _("aufgeschlüsselt nach "), r->btitle);
		if (none > 0) {
			fprintf(out,
			        P_("(%d ohne Angabe dazu zählt nur unter „%s“)",
			           "(%d ohne Angabe dazu zählen nur unter „%s“)",
			           (unsigned long)none),
			        none, report_total());
			fputc('\n', out);
		}
	}
	fputs(_("Prozent: Anteil an allen Antworten; gültige %: Anteil an den Antworten ohne "
	        "fehlende Angaben."),
	      out);
	fputc('\n', out);
}

/* Print a built report; 0, or -1 when writing failed. */
static int render(const struct report *r, FILE *out)
{
	text_header(r, out);
	for (int i = 0; i < r->nsecs; i++) {
		const struct report_section *s = &r->secs[i];
		fprintf(out, "\n");
		if (strcmp(s->question, s->title) == 0) {
			wrapped(out, "", s->title);
		} else {
			char *lead = xasprintf("%s  ", s->question);
			wrapped(out, lead, s->title);
			free(lead);
		}
		fprintf(out, "\n");
		switch (s->kind) {
		case REPORT_FREQ:
			text_freq(r, &s->u.freq, out);
			break;
		case REPORT_MULTI:
			text_multi(r, &s->u.multi, out);
			break;
		case REPORT_BATTERY:
			text_battery(r, &s->u.battery, out);
			break;
		case REPORT_NUMBER:
			text_number(r, &s->u.number, out);
			break;
		}
	}
	return ferror(out) ? -1 : 0;
}

int reptext_write(const struct dataset *d, FILE *out)
{
	struct report r;
	report_build(&r, d);
	int rc = render(&r, out);
	report_free(&r);
	return rc;
}
