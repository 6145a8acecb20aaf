/*
 * report: counts the answers of a data set into the sections of the
 * frequency report, and prints them as text for a terminal.
 *
 * It only reads the dataset and keeps every count an integer; percentages
 * are made from counts at the moment they are printed (repfmt). It never
 * changes the dataset and never writes anywhere but the given stream.
 */
#include "export/report.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export/repfmt.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

const char *report_sysmis(void)
{
	/* TRANSLATORS: report row of those who were not asked a question
	 * (filtered out) or left it empty. */
	return _("nicht gefragt / leer");
}

const char *report_total(void)
{
	/* TRANSLATORS: report row and column heading: all responses. */
	return _("Gesamt");
}

/* What the counting needs besides the report: each row's breakdown group. */
struct build {
	struct report *r;
	const struct dataset *d;
	int *group; /* per row: index into r->groups, or -1 */
};

/* Index of 'code' in v[0, n), or -1. */
static int cats_find(const struct report_cat *v, int n, double code)
{
	for (int i = 0; i < n; i++)
		if (v[i].code == code)
			return i;
	return -1;
}

/* Add a code with count 0, keeping v ascending; a known code only gets the
 * label if it had none. */
static void cats_add(struct report_cat **v, int *n, double code, const char *label)
{
	int i = 0;
	while (i < *n && (*v)[i].code < code)
		i++;
	if (i < *n && (*v)[i].code == code) {
		if (!(*v)[i].label)
			(*v)[i].label = label;
		return;
	}
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	memmove(*v + i + 1, *v + i, (size_t)(*n - i) * sizeof **v);
	(*v)[i] = (struct report_cat){ .code = code, .label = label, .count = 0 };
	(*n)++;
}

/* The valid codes of some columns: their value labels and every other
 * non-missing value that occurs. */
static void valid_cats(const struct dataset *d, const int *cols, int ncols,
                       struct report_cat **v, int *n)
{
	for (int i = 0; i < ncols; i++) {
		const struct column *c = &d->t.cols[cols[i]];
		for (int k = 0; k < c->nvalues; k++)
			cats_add(v, n, c->values[k].code, c->values[k].label);
	}
	for (int i = 0; i < ncols; i++) {
		const struct column *c = &d->t.cols[cols[i]];
		for (int row = 0; row < d->nrows; row++) {
			double x = d->num[cols[i]][row];
			if (!isnan(x) && !table_is_missing(c, x))
				cats_add(v, n, x, NULL);
		}
	}
}

/* The declared missing codes of a column, added to v. */
static void missing_cats(const struct column *c, struct report_cat **v, int *n)
{
	for (int k = 0; k < c->nmissing; k++)
		cats_add(v, n, c->missing[k].code, c->missing[k].label);
}

/* A new, zeroed section for column c. The pointer lives until the next one. */
static struct report_section *new_section(struct report *r, enum report_kind kind,
                                          const struct column *c)
{
	r->secs = xreallocarray(r->secs, (size_t)r->nsecs + 1, sizeof *r->secs);
	struct report_section *s = &r->secs[r->nsecs++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->question = c->question ? c->question : c->name;
	s->title = c->qtext ? c->qtext : c->label ? c->label : c->name;
	return s;
}

static void stat_of(double *v, int n, struct report_stat *s);

/* Count column 'col' over the valid codes codes[0, ncodes). */
static void freq_count(struct build *b, struct report_freq *f, int col,
                       const struct report_cat *codes, int ncodes, int top)
{
	const struct dataset *d = b->d;
	const struct column *c = &d->t.cols[col];
	int ng = b->r->ngroups;
	f->col = col;
	f->cats = xcalloc((size_t)ncodes + 1, sizeof *f->cats);
	memcpy(f->cats, codes, (size_t)ncodes * sizeof *codes);
	f->ncats = ncodes;
	missing_cats(c, &f->miss, &f->nmiss);
	f->total = d->nrows;
	f->top = top;
	if (ng > 0 && col != b->r->bcol) {
		f->cross = xcalloc((size_t)ng * (size_t)ncodes + 1, sizeof *f->cross);
		f->cross_n = xcalloc((size_t)ng, sizeof *f->cross_n);
	}
	double *vals = top ? xcalloc((size_t)d->nrows + 1, sizeof *vals) : NULL;
	for (int row = 0; row < d->nrows; row++) {
		double x = d->num[col][row];
		int k;
		if (isnan(x)) {
			f->sysmis++;
		} else if ((k = cats_find(f->miss, f->nmiss, x)) >= 0) {
			f->miss[k].count++;
			f->nmissing++;
		} else if ((k = cats_find(f->cats, f->ncats, x)) >= 0) {
			if (vals)
				vals[f->n] = x;
			f->cats[k].count++;
			f->n++;
			int g = b->group[row];
			if (f->cross && g >= 0) {
				f->cross[g * ncodes + k]++;
				f->cross_n[g]++;
			}
		}
	}
	if (vals)
		stat_of(vals, f->n, &f->stat);
	free(vals);
}

/* A section for one single choice, scale or labelled computed column. */
static void add_freq(struct build *b, int col)
{
	const struct column *c = &b->d->t.cols[col];
	struct report_cat *codes = NULL;
	int n = 0;
	valid_cats(b->d, &col, 1, &codes, &n);
	struct report_section *s = new_section(b->r, REPORT_FREQ, c);
	if (c->role != ROLE_SINGLE && c->role != ROLE_SCALE) {
		s->question = c->name;
		s->title = c->label ? c->label : c->name;
	}
	freq_count(b, &s->u.freq, col, codes, n, c->role == ROLE_SCALE && n >= 3 ? 2 : 0);
	free(codes);
}

static bool same_question(const struct column *a, const struct column *c)
{
	return a->question && c->question && strcmp(a->question, c->question) == 0;
}

/* A battery from item column 'first' and every later item of the same
 * question with the same value labels; marks them done. */
static void add_battery(struct build *b, int first, bool *done)
{
	const struct table *t = &b->d->t;
	int *cols = xcalloc((size_t)t->ncols, sizeof *cols);
	int n = 0;
	for (int j = first; j < t->ncols && (j == first || same_question(&t->cols[first], &t->cols[j]));
	     j++)
		if (!done[j] && t->cols[j].role == ROLE_ITEM && t->cols[j].type == COL_NUMERIC &&
		    table_same_labels(t->cols[first].values, t->cols[first].nvalues,
		                      t->cols[j].values, t->cols[j].nvalues)) {
			cols[n++] = j;
			done[j] = true;
		}
	struct report_cat *codes = NULL;
	int ncodes = 0;
	valid_cats(b->d, cols, n, &codes, &ncodes);
	struct report_section *s = new_section(b->r, REPORT_BATTERY, &t->cols[first]);
	struct report_battery *bat = &s->u.battery;
	bat->items = xcalloc((size_t)n, sizeof *bat->items);
	bat->nitems = n;
	for (int i = 0; i < n; i++)
		freq_count(b, &bat->items[i], cols[i], codes, ncodes, ncodes >= 3 ? 2 : 0);
	free(codes);
	free(cols);
}

/* Count one row of a multiple choice. */
static void multi_row(struct build *b, struct report_multi *m, int row)
{
	bool answered = false;
	double mcode = NAN;
	int g = b->group[row];
	for (int i = 0; i < m->nopts; i++) {
		double x = b->d->num[m->opts[i].col][row];
		if (x == 0 || x == 1)
			answered = true;
		if (x == 1) {
			m->opts[i].count++;
			if (m->cross && g >= 0)
				m->cross[g * m->nopts + i]++;
		} else if (!isnan(x) && isnan(mcode) && cats_find(m->miss, m->nmiss, x) >= 0) {
			mcode = x;
		}
	}
	if (answered) {
		m->answered++;
		if (m->cross && g >= 0)
			m->cross_n[g]++;
	} else if (!isnan(mcode)) {
		m->miss[cats_find(m->miss, m->nmiss, mcode)].count++;
	} else {
		m->sysmis++;
	}
}

/* A multiple choice from option column 'first' on; returns the columns used. */
static int add_multi(struct build *b, int first)
{
	const struct table *t = &b->d->t;
	int end = first + 1;
	while (end < t->ncols && t->cols[end].role == ROLE_OPTION &&
	       same_question(&t->cols[first], &t->cols[end]))
		end++;
	struct report_section *s = new_section(b->r, REPORT_MULTI, &t->cols[first]);
	struct report_multi *m = &s->u.multi;
	int ng = b->r->ngroups;
	m->opts = xcalloc((size_t)(end - first), sizeof *m->opts);
	for (int j = first; j < end; j++) {
		if (t->cols[j].type != COL_NUMERIC)
			continue;
		const struct column *c = &t->cols[j];
		m->opts[m->nopts].col = j;
		m->opts[m->nopts].label = c->item ? c->item : c->label ? c->label : c->name;
		m->nopts++;
		missing_cats(c, &m->miss, &m->nmiss);
	}
	m->total = b->d->nrows;
	if (ng > 0) {
		m->cross = xcalloc((size_t)ng * (size_t)m->nopts + 1, sizeof *m->cross);
		m->cross_n = xcalloc((size_t)ng, sizeof *m->cross_n);
	}
	for (int row = 0; row < b->d->nrows; row++)
		multi_row(b, m, row);
	return end - first;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The 0.975 quantile of Student's t with df degrees of freedom: a table
 * to 30, then the Cornish-Fisher expansion around the normal's 1.95996
 * (off by less than 0.001 from df 30 on). */
static double t975(int df)
{
	static const double t[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365,
	                           2.306, 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
	                           2.120, 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069,
	                           2.064, 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
	if (df <= 30)
		return t[df];
	double z = 1.959964, n = df;
	return z + (z * z * z + z) / (4 * n) +
	       (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
}

/* The 95 % confidence interval of the mean of v[0, n) into s. */
static void interval_of(const double *v, int n, struct report_stat *s)
{
	s->lo = s->hi = NAN;
	if (n < 2)
		return;
	double ss = 0;
	for (int i = 0; i < n; i++)
		ss += (v[i] - s->mean) * (v[i] - s->mean);
	double half = t975(n - 1) * sqrt(ss / (n - 1) / n);
	s->lo = s->mean - half;
	s->hi = s->mean + half;
}

/* Summarise v[0, n) (sorted in place). */
static void stat_of(double *v, int n, struct report_stat *s)
{
	s->n = n;
	if (n == 0) {
		s->min = s->median = s->mean = s->max = s->lo = s->hi = NAN;
		return;
	}
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	double sum = 0;
	for (int i = 0; i < n; i++)
		sum += v[i];
	s->min = v[0];
	s->max = v[n - 1];
	s->mean = sum / n;
	s->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	interval_of(v, n, s);
}

/* The valid values of column 'col' in group g (any group when g < 0). */
static int values_of(const struct build *b, int col, int g, double *v)
{
	const struct column *c = &b->d->t.cols[col];
	int n = 0;
	for (int row = 0; row < b->d->nrows; row++) {
		double x = b->d->num[col][row];
		if (!isnan(x) && !table_is_missing(c, x) && (g < 0 || b->group[row] == g))
			v[n++] = x;
	}
	return n;
}

/* A section for one number column. */
static void add_number(struct build *b, int col)
{
	const struct column *c = &b->d->t.cols[col];
	struct report_section *s = new_section(b->r, REPORT_NUMBER, c);
	struct report_number *nu = &s->u.number;
	double *v = xcalloc((size_t)b->d->nrows + 1, sizeof *v);
	nu->col = col;
	nu->total = b->d->nrows;
	missing_cats(c, &nu->miss, &nu->nmiss);
	for (int row = 0; row < b->d->nrows; row++) {
		double x = b->d->num[col][row];
		int k;
		if (isnan(x))
			nu->sysmis++;
		else if ((k = cats_find(nu->miss, nu->nmiss, x)) >= 0)
			nu->miss[k].count++;
	}
	stat_of(v, values_of(b, col, -1, v), &nu->all);
	if (b->r->ngroups > 0 && col != b->r->bcol) {
		nu->cross = xcalloc((size_t)b->r->ngroups, sizeof *nu->cross);
		for (int g = 0; g < b->r->ngroups; g++)
			stat_of(v, values_of(b, col, g, v), &nu->cross[g]);
	}
	free(v);
}

/* Find the breakdown column and put every row into its group. */
static void find_groups(struct build *b)
{
	struct report *r = b->r;
	const struct dataset *d = b->d;
	r->bcol = -1;
	for (int row = 0; row < d->nrows; row++)
		b->group[row] = -1;
	int c = d->t.breakdown ? table_find(&d->t, d->t.breakdown) : -1;
	if (c < 0 || d->t.cols[c].type != COL_NUMERIC)
		return;
	r->bcol = c;
	r->btitle = d->t.cols[c].label ? d->t.cols[c].label : d->t.cols[c].name;
	valid_cats(d, &c, 1, &r->groups, &r->ngroups);
	for (int row = 0; row < d->nrows; row++) {
		int g = cats_find(r->groups, r->ngroups, d->num[c][row]);
		if (g >= 0 && !table_is_missing(&d->t.cols[c], d->num[c][row])) {
			b->group[row] = g;
			r->groups[g].count++;
		}
	}
}

/* The section(s) starting at column c; returns the columns consumed. */
static int add_column(struct build *b, int c, bool *done)
{
	const struct column *col = &b->d->t.cols[c];
	if (col->type != COL_NUMERIC)
		return 1;
	switch (col->role) {
	case ROLE_SINGLE:
	case ROLE_SCALE:
		add_freq(b, c);
		return 1;
	case ROLE_COMPUTED:
		if (col->nvalues > 0)
			add_freq(b, c);
		else
			add_number(b, c);
		return 1;
	case ROLE_NUMBER:
		add_number(b, c);
		return 1;
	case ROLE_OPTION:
		return add_multi(b, c);
	case ROLE_ITEM:
		add_battery(b, c, done);
		return 1;
	case ROLE_META:
	case ROLE_TEXT:
	case ROLE_DATE:
		return 1;
	}
	return 1;
}

void report_build(struct report *r, const struct dataset *d)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->nrows = d->nrows;
	struct build b = { .r = r, .d = d };
	b.group = xcalloc((size_t)d->nrows + 1, sizeof *b.group);
	bool *done = xcalloc((size_t)d->t.ncols + 1, sizeof *done);
	find_groups(&b);
	for (int c = 0; c < d->t.ncols;) {
		if (done[c]) {
			c++;
			continue;
		}
		c += add_column(&b, c, done);
	}
	free(done);
	free(b.group);
}

static void freq_free(struct report_freq *f)
{
	free(f->cats);
	free(f->miss);
	free(f->cross);
	free(f->cross_n);
}

void report_free(struct report *r)
{
	for (int i = 0; i < r->nsecs; i++) {
		struct report_section *s = &r->secs[i];
		switch (s->kind) {
		case REPORT_FREQ:
			freq_free(&s->u.freq);
			break;
		case REPORT_MULTI:
			free(s->u.multi.opts);
			free(s->u.multi.miss);
			free(s->u.multi.cross);
			free(s->u.multi.cross_n);
			break;
		case REPORT_BATTERY:
			for (int k = 0; k < s->u.battery.nitems; k++)
				freq_free(&s->u.battery.items[k]);
			free(s->u.battery.items);
			break;
		case REPORT_NUMBER:
			free(s->u.number.miss);
			free(s->u.number.cross);
			break;
		}
	}
	free(r->secs);
	free(r->groups);
	memset(r, 0, sizeof *r);
}

int report_top_count(const struct report_freq *f)
{
	int sum = 0;
	for (int k = 0; k < f->top && k < f->ncats; k++)
		sum += f->cats[k].count;
	return sum;
}

int report_top_cross(const struct report_freq *f, int g)
{
	int sum = 0;
	for (int k = 0; f->cross && k < f->top && k < f->ncats; k++)
		sum += f->cross[g * f->ncats + k];
	return sum;
}

const char *report_cat_label(const struct report_cat *c, char *buf)
{
	if (c->label)
		return c->label;
	return repfmt_num(buf, c->code, c->code == floor(c->code) ? 0 : 2);
}

char *report_scale_line(const struct report_freq *f)
{
	if (f->stat.n == 0)
		return NULL;
	char m[REPFMT_LEN], md[REPFMT_LEN], lo[REPFMT_LEN], hi[REPFMT_LEN];
	repfmt_num(m, f->stat.mean, 1);
	repfmt_num(md, f->stat.median, 1);
	if (isnan(f->stat.lo))
		/* TRANSLATORS: under a scale: the mean and median of its codes. */
		return xasprintf(_("Mittelwert %s, Median %s (n = %d)"), m, md, f->stat.n);
	/* TRANSLATORS: under a scale: the mean with its 95 % confidence
	 * interval, and the median of its codes. */
	return xasprintf(_("Mittelwert %s (95-%%-KI %s–%s), Median %s (n = %d)"), m,
	                 repfmt_num(lo, f->stat.lo, 1), repfmt_num(hi, f->stat.hi, 1), md,
	                 f->stat.n);
}

char *report_top_label(const struct report_freq *f)
{
	if (f->top <= 0 || f->ncats < f->top)
		return NULL;
	struct sbuf b = { 0 };
	char buf[REPFMT_LEN];
	for (int k = 0; k < f->top; k++) {
		if (k > 0)
			sbuf_adds(&b, " + ");
		sbuf_adds(&b, report_cat_label(&f->cats[k], buf));
	}
	return sbuf_take(&b);
}

const char *report_item_label(const struct report *r, const struct report_freq *f)
{
	const struct column *c = &r->d->t.cols[f->col];
	return c->item ? c->item : c->label ? c->label : c->name;
}

int report_miss_count(const struct report_freq *f, double code)
{
	int k = cats_find(f->miss, f->nmiss, code);
	return k < 0 ? 0 : f->miss[k].count;
}
