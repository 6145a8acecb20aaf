/*
 * statfile: SPSS and Stata files through ReadStat. Plans every column
 * (type, width, labels, missing values) before a byte is written, streams
 * the rows into a temporary file and renames it into place only when all
 * of it is on disk. Never leaves a partial file under the final name.
 */
#include "export/statfile.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readstat.h>

#include "export/outfile.h"
#include "export/statname.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define SAV_MAX_STRING 32767
#define DTA_MAX_STR 2045
#define SAV_LABELLED_STRING 248 /* widest string that gets value labels */
#define NTAGS 26
/* Days from 14.10.1582 (SPSS) and from 01.01.1960 (Stata) to 01.01.1970. */
#define SAV_EPOCH_DAYS 141428.0
#define DTA_EPOCH_DAYS 3653.0
#define SHOW_MIN 8    /* SPSS column width, in characters */
#define SHOW_MAX 40
#define DTA_SHOW_MIN 9 /* Stata's own narrowest string format, %9s */

/* How one column is written. */
struct plan {
	readstat_type_t type;
	size_t width;                 /* strings: bytes */
	int dec, fmtw;                /* numbers: decimals and width shown */
	int show;                     /* width of the column, in characters */
	bool stamp;                   /* a time stamp written as a datetime */
	readstat_variable_t *var;
	readstat_label_set_t *set;
	unsigned long hash;           /* of the labels, to find identical sets */
	readstat_string_ref_t **refs; /* Stata strL: one per row, or NULL */
};

struct job {
	const struct dataset *d;
	enum statfile_kind k;
	struct plan *p;
	double tags[NTAGS];           /* Stata: the code of .a, .b, … */
	int ntags;
	readstat_writer_t *w;
	struct outfile *out;
	char *err;
	size_t errlen;
	int row, col;                 /* where the writing is, for messages */
};

static const char *kind_name(enum statfile_kind k)
{
	return k == STATFILE_SAV ? "SPSS" : "Stata";
}

/* s shortened to at most maxb bytes and maxc characters (a new string). */
static char *clip(const char *s, size_t maxb, size_t maxc)
{
	size_t n = strlen(s ? s : ""), i = 0, chars = 0;
	while (i < n && chars < maxc) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (i + k > maxb)
			break;
		i += k;
		chars++;
	}
	return xstrndup(s ? s : "", i);
}

/* ---- planning --------------------------------------------------------- */

/* Stata: order of the missing codes — nearer to zero first, - before +. */
static int cmp_tag(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	if (fabs(x) != fabs(y))
		return fabs(x) < fabs(y) ? -1 : 1;
	return (x > y) - (x < y);
}

/* Stata: the missing codes of all numeric columns, each with its tag. */
static int collect_tags(struct job *j)
{
	const struct table *t = &j->d->t;
	for (int c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		for (int m = 0; col->type != COL_STRING && m < col->nmissing; m++) {
			double code = col->missing[m].code;
			bool have = false;
			for (int i = 0; i < j->ntags && !have; i++)
				have = j->tags[i] == code;
			if (have)
				continue;
			if (j->ntags == NTAGS) {
				snprintf(j->err, j->errlen, "%s",
				         _("Die Daten verwenden mehr als 26 verschiedene Codes "
				           "für fehlende Werte; Stata kennt nur .a bis .z. Bitte als "
				           "SPSS oder CSV exportieren."));
				return -1;
			}
			j->tags[j->ntags++] = code;
		}
	}
	qsort(j->tags, (size_t)j->ntags, sizeof *j->tags, cmp_tag);
	return 0;
}

/* Stata: the tag of a missing code ('a' …), or 0. */
static char tag_of(const struct job *j, double code)
{
	for (int i = 0; i < j->ntags; i++)
		if (j->tags[i] == code)
			return (char)('a' + i);
	return 0;
}

/* Whether a column is written as a string. */
static bool is_text(const struct plan *p)
{
	return p->type == READSTAT_TYPE_STRING || p->type == READSTAT_TYPE_STRING_REF;
}

/* Digits before the point of |v| (at least 1). */
static int int_digits(double v)
{
	int n = 1;
	for (v = fabs(v); v >= 10 && n < 40; v /= 10)
		n++;
	return n;
}

/* SPSS column width: the widest of 'w' and the labels, in characters. */
static int show_width(const struct column *col, size_t w)
{
	for (int i = 0; i < col->nvalues + col->nmissing; i++) {
		const struct vlabel *v = i < col->nvalues ? &col->values[i] : &col->missing[i - col->nvalues];
		size_t n = v->label ? utf8_count(v->label, strlen(v->label)) : 0;
		w = n > w ? n : w;
	}
	return w < SHOW_MIN ? SHOW_MIN : w > SHOW_MAX ? SHOW_MAX : (int)w;
}

/* Type, width and display of a numeric or date column. */
static void plan_number(struct job *j, int c)
{
	const struct column *col = &j->d->t.cols[c];
	struct plan *p = &j->p[c];
	double lo = 0, hi = 0;
	bool whole = true;
	for (int r = 0; r < j->d->nrows; r++) {
		double v = dataset_num(j->d, r, c);
		if (isnan(v) || (j->k == STATFILE_DTA && table_is_missing(col, v)))
			continue;
		if (col->type == COL_DATE)
			v += DTA_EPOCH_DAYS;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		whole = whole && v == floor(v);
	}
	for (int m = 0; j->k == STATFILE_SAV && m < col->nmissing; m++) {
		lo = col->missing[m].code < lo ? col->missing[m].code : lo;
		hi = col->missing[m].code > hi ? col->missing[m].code : hi;
	}
	p->type = READSTAT_TYPE_DOUBLE;
	if (j->k == STATFILE_DTA && whole && lo >= -127 && hi <= 100)
		p->type = READSTAT_TYPE_INT8;
	else if (j->k == STATFILE_DTA && whole && lo >= -32767 && hi <= 32740)
		p->type = READSTAT_TYPE_INT16;
	else if (j->k == STATFILE_DTA && whole && lo >= -2147483647.0 && hi <= 2147483620.0)
		p->type = READSTAT_TYPE_INT32;
	p->dec = col->decimals > 0 && !(col->role == ROLE_COMPUTED && whole) ? col->decimals
	                                                                     : (whole ? 0 : 2);
	p->dec = p->dec > 16 ? 16 : p->dec;
	int w = int_digits(fabs(lo) > hi ? lo : hi) + (lo < 0) + (p->dec ? p->dec + 1 : 0);
	p->fmtw = w < 8 ? 8 : w > 40 ? 40 : w;
	if (col->type == COL_DATE)
		p->fmtw = 11; /* DD-MMM-YYYY */
	p->show = show_width(col, (size_t)p->fmtw);
}

/* Width of a string column; -1 if a text is too long for SPSS. */
static int plan_string(struct job *j, int c)
{
	const struct column *col = &j->d->t.cols[c];
	struct plan *p = &j->p[c];
	size_t w = 1, wide = 0;
	for (int r = 0; r < j->d->nrows; r++) {
		const char *s = dataset_str(j->d, r, c);
		size_t n = s ? strlen(s) : 0, k = utf8_count(s ? s : "", n);
		wide = k > wide ? k : wide;
		if (j->k == STATFILE_SAV && n > SAV_MAX_STRING) {
			snprintf(j->err, j->errlen,
			         _("Der Text in „%s“, Zeile %d, ist %zu Bytes lang; SPSS erlaubt "
			           "höchstens %d. Bitte als Stata oder CSV exportieren."),
			         col->name, r + 1, n, SAV_MAX_STRING);
			return -1;
		}
		w = n > w ? n : w;
	}
	/*
	 * SPSS reads the value labels of a long string only when the width is
	 * a multiple of 8, and ReadStat writes them right only up to 255 bytes.
	 */
	if (j->k == STATFILE_SAV && (col->nvalues || col->nmissing) && w <= SAV_LABELLED_STRING)
		w = (w + 7) / 8 * 8;
	p->type = READSTAT_TYPE_STRING;
	if (j->k == STATFILE_DTA && w > DTA_MAX_STR)
		p->type = READSTAT_TYPE_STRING_REF;
	p->width = w;
	p->show = show_width(col, wide);
	p->fmtw = wide < DTA_SHOW_MIN ? DTA_SHOW_MIN : wide > SHOW_MAX ? SHOW_MAX : (int)wide;
	return 0;
}

/* A time stamp column whose every cell is empty or a time stamp. */
static bool plan_stamp(struct job *j, int c)
{
	if (!statname_is_timestamp(&j->d->t.cols[c]))
		return false;
	for (int r = 0; r < j->d->nrows; r++) {
		const char *s = dataset_str(j->d, r, c);
		if (s && *s && isnan(statname_spss_datetime(s)))
			return false;
	}
	j->p[c] = (struct plan){.type = READSTAT_TYPE_DOUBLE, .fmtw = 20, .show = 20, .stamp = true};
	return true;
}

/* Whether a non-missing value of column c lies in [lo, hi]. */
static bool value_in(const struct job *j, int c, double lo, double hi)
{
	const struct column *col = &j->d->t.cols[c];
	for (int i = 0; i < col->nvalues; i++)
		if (col->values[i].code >= lo && col->values[i].code <= hi)
			return true;
	for (int r = 0; r < j->d->nrows; r++) {
		double v = dataset_num(j->d, r, c);
		if (col->type == COL_DATE && !table_is_missing(col, v))
			v = (v + SAV_EPOCH_DAYS) * 86400;
		if (v >= lo && v <= hi && !table_is_missing(col, v))
			return true;
	}
	return false;
}

/* SPSS: declare the missing codes — three values, or a range and one. */
static int sav_missing(struct job *j, int c)
{
	const struct column *col = &j->d->t.cols[c];
	readstat_variable_t *var = j->p[c].var;
	int n = col->nmissing;
	if (n <= 3) {
		for (int m = 0; m < n; m++)
			readstat_variable_add_missing_double_value(var, col->missing[m].code);
		return 0;
	}
	/* Codes ascend: leave out none, the lowest or the highest. */
	for (int skip = -1; skip < n; skip = skip < 0 ? 0 : skip == 0 ? n - 1 : n) {
		double lo = col->missing[skip == 0 ? 1 : 0].code;
		double hi = col->missing[skip == n - 1 ? n - 2 : n - 1].code;
		if (value_in(j, c, lo, hi))
			continue;
		readstat_variable_add_missing_double_range(var, lo, hi);
		if (skip >= 0)
			readstat_variable_add_missing_double_value(var, col->missing[skip].code);
		return 0;
	}
	snprintf(j->err, j->errlen,
	         _("„%s“ hat %d Codes für fehlende Werte, zwischen denen gültige Werte liegen; "
	           "SPSS kann höchstens drei einzelne Codes oder einen Bereich und einen Code als "
	           "fehlend erklären. Bitte als Stata oder CSV exportieren."),
	         col->name, n);
	return -1;
}

/* ---- labels ----------------------------------------------------------- */

/* A hash of labels, to compare label sets quickly. */
static unsigned long hash_labels(const struct vlabel *v, int n, unsigned long h)
{
	for (int i = 0; i < n; i++) {
		h = h * 31 + (unsigned long)(long)v[i].code;
		for (const char *s = v[i].label ? v[i].label : ""; *s; s++)
			h = h * 31 + (unsigned char)*s;
	}
	return h;
}

/* A code as the text a string column holds ("-1"). */
static void code_text(double code, char buf[32])
{
	snprintf(buf, 32, "%.*f", code == floor(code) ? 0 : 6, code);
}

/* Add one label to a set in the way the format and column type need. */
static void add_label(struct job *j, readstat_label_set_t *s, const struct column *col,
                      const struct vlabel *v, bool missing)
{
	char *lab = j->k == STATFILE_SAV ? clip(v->label, 120, SIZE_MAX)
	                                 : clip(v->label, 32000, SIZE_MAX);
	if (col->type == COL_STRING) {
		char key[32];
		code_text(v->code, key);
		readstat_label_string_value(s, key, lab);
	} else if (j->k == STATFILE_SAV) {
		readstat_label_double_value(s, v->code, lab);
	} else if (missing) {
		readstat_label_tagged_value(s, tag_of(j, v->code), lab);
	} else if (v->code == floor(v->code) && fabs(v->code) < 2147483620.0) {
		readstat_label_int32_value(s, (int32_t)v->code, lab);
	}
	free(lab);
}

/* The label set of column c: an identical earlier one, a new one, or NULL. */
static readstat_label_set_t *label_set(struct job *j, int c)
{
	const struct column *col = &j->d->t.cols[c];
	if ((col->nvalues == 0 && col->nmissing == 0) ||
	    (col->type == COL_STRING && (j->k == STATFILE_DTA || j->p[c].width > SAV_LABELLED_STRING)))
		return NULL;
	unsigned long h = hash_labels(col->values, col->nvalues, (unsigned long)col->type);
	h = hash_labels(col->missing, col->nmissing, h * 7);
	j->p[c].hash = h;
	for (int o = 0; o < c; o++) {
		const struct column *oc = &j->d->t.cols[o];
		if (j->p[o].set && j->p[o].hash == h &&
		    (oc->type == COL_STRING) == (col->type == COL_STRING) &&
		    table_same_labels(oc->values, oc->nvalues, col->values, col->nvalues) &&
		    table_same_labels(oc->missing, oc->nmissing, col->missing, col->nmissing))
			return j->p[o].set;
	}
	readstat_type_t t = col->type == COL_STRING ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE;
	readstat_label_set_t *s = readstat_add_label_set(j->w, t, col->name);
	for (int i = 0; i < col->nvalues; i++)
		add_label(j, s, col, &col->values[i], false);
	for (int i = 0; i < col->nmissing; i++)
		add_label(j, s, col, &col->missing[i], true);
	return s;
}

/* ---- variables -------------------------------------------------------- */

enum statfile_measure statfile_measure(const struct column *c)
{
	if (c->type == COL_STRING && !statname_is_timestamp(c))
		return STATFILE_NOMINAL;
	switch (c->role) {
	case ROLE_SINGLE:
	case ROLE_OPTION:
	case ROLE_TEXT: return STATFILE_NOMINAL;
	case ROLE_SCALE:
	case ROLE_ITEM: return STATFILE_ORDINAL;
	case ROLE_NUMBER:
	case ROLE_DATE: return STATFILE_SCALE;
	case ROLE_COMPUTED: return c->nvalues ? STATFILE_ORDINAL : STATFILE_SCALE;
	case ROLE_META: break;
	}
	return c->nvalues ? STATFILE_NOMINAL : STATFILE_SCALE;
}

/* ReadStat's level of measurement for a column as planned (same numbers). */
_Static_assert(STATFILE_SCALE == (int)READSTAT_MEASURE_SCALE, "measures as ReadStat's");
static readstat_measure_t measure_of(const struct plan *p, const struct column *c)
{
	return is_text(p) ? READSTAT_MEASURE_NOMINAL : (readstat_measure_t)statfile_measure(c);
}

/* Display format of a column (SPSS strings too, or ReadStat takes the column width). */
static void set_format(struct job *j, int c)
{
	const struct column *col = &j->d->t.cols[c];
	const struct plan *p = &j->p[c];
	char fmt[32];
	if (p->type == READSTAT_TYPE_STRING && j->k == STATFILE_SAV)
		snprintf(fmt, sizeof fmt, "A%zu", p->width);
	else if (p->type == READSTAT_TYPE_STRING)
		snprintf(fmt, sizeof fmt, "%%-%ds", p->fmtw);
	else if (is_text(p))
		return;
	else if (p->stamp)
		snprintf(fmt, sizeof fmt, "%s", j->k == STATFILE_SAV ? "DATETIME20" : "%tc");
	else if (col->type == COL_DATE)
		snprintf(fmt, sizeof fmt, "%s", j->k == STATFILE_SAV ? "DATE11" : "%td");
	else if (j->k == STATFILE_SAV)
		snprintf(fmt, sizeof fmt, "F%d.%d", p->fmtw, p->dec);
	else if (p->dec)
		snprintf(fmt, sizeof fmt, "%%%d.%df", p->fmtw > 9 ? p->fmtw : 9, p->dec);
	else
		return;
	readstat_variable_set_format(p->var, fmt);
}

/* Plan and declare every column. */
static int add_variables(struct job *j)
{
	const struct table *t = &j->d->t;
	for (int c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		struct plan *p = &j->p[c];
		if (!plan_stamp(j, c) &&
		    (col->type == COL_STRING ? plan_string(j, c) < 0 : (plan_number(j, c), 0)))
			return -1;
		p->var = readstat_add_variable(j->w, col->name, p->type, p->width);
		char *lab = j->k == STATFILE_SAV ? clip(col->label, 256, SIZE_MAX)
		                                 : clip(col->label, 320, 80);
		readstat_variable_set_label(p->var, lab);
		free(lab);
		set_format(j, c);
		readstat_variable_set_measure(p->var, measure_of(p, col));
		if (j->k == STATFILE_SAV)
			readstat_variable_set_display_width(p->var, p->show);
		p->set = p->stamp ? NULL : label_set(j, c);
		if (p->set)
			readstat_variable_set_label_set(p->var, p->set);
		if (j->k == STATFILE_SAV && !is_text(p) && !p->stamp && sav_missing(j, c) < 0)
			return -1;
	}
	return 0;
}

/* Stata strL columns: every text becomes a reference before the header. */
static void add_strls(struct job *j)
{
	for (int c = 0; c < j->d->t.ncols; c++) {
		if (j->p[c].type != READSTAT_TYPE_STRING_REF)
			continue;
		j->p[c].refs = xcalloc((size_t)j->d->nrows + 1, sizeof *j->p[c].refs);
		readstat_string_ref_t *empty = NULL;
		for (int r = 0; r < j->d->nrows; r++) {
			const char *s = dataset_str(j->d, r, c);
			if (s && *s)
				j->p[c].refs[r] = readstat_add_string_ref(j->w, s);
			else /* ReadStat needs a reference for an empty strL too */
				j->p[c].refs[r] = empty ? empty : (empty = readstat_add_string_ref(j->w, ""));
		}
	}
}

/* ---- rows --------------------------------------------------------------- */

/* One numeric cell. */
static readstat_error_t put_number(struct job *j, int r, int c)
{
	const struct column *col = &j->d->t.cols[c];
	const readstat_variable_t *var = j->p[c].var;
	double v = dataset_num(j->d, r, c);
	if (isnan(v))
		return readstat_insert_missing_value(j->w, var);
	bool missing = table_is_missing(col, v);
	if (j->k == STATFILE_SAV) {
		if (col->type == COL_DATE && !missing)
			v = (v + SAV_EPOCH_DAYS) * 86400;
		return readstat_insert_double_value(j->w, var, v);
	}
	if (missing)
		return readstat_insert_tagged_missing_value(j->w, var, tag_of(j, v));
	if (col->type == COL_DATE)
		v += DTA_EPOCH_DAYS;
	switch (j->p[c].type) {
	case READSTAT_TYPE_INT8: return readstat_insert_int8_value(j->w, var, (int8_t)v);
	case READSTAT_TYPE_INT16: return readstat_insert_int16_value(j->w, var, (int16_t)v);
	case READSTAT_TYPE_INT32: return readstat_insert_int32_value(j->w, var, (int32_t)v);
	case READSTAT_TYPE_STRING:
	case READSTAT_TYPE_STRING_REF:
	case READSTAT_TYPE_FLOAT:
	case READSTAT_TYPE_DOUBLE: break;
	}
	return readstat_insert_double_value(j->w, var, v);
}

/* One cell of a string column; a time stamp as a datetime (empty: missing). */
static readstat_error_t put_string(struct job *j, int r, int c)
{
	const char *s = dataset_str(j->d, r, c);
	if (j->p[c].stamp) {
		double v = j->k == STATFILE_SAV ? statname_spss_datetime(s) : statname_stata_datetime(s);
		return isnan(v) ? readstat_insert_missing_value(j->w, j->p[c].var)
		                : readstat_insert_double_value(j->w, j->p[c].var, v);
	}
	if (j->p[c].refs)
		return readstat_insert_string_ref(j->w, j->p[c].var, j->p[c].refs[r]);
	return s ? readstat_insert_string_value(j->w, j->p[c].var, s)
	         : readstat_insert_missing_value(j->w, j->p[c].var);
}

static readstat_error_t write_rows(struct job *j)
{
	readstat_error_t e = READSTAT_OK;
	for (j->row = 0; j->row < j->d->nrows; j->row++) {
		if ((e = readstat_begin_row(j->w)) != READSTAT_OK)
			return e;
		for (j->col = 0; j->col < j->d->t.ncols; j->col++) {
			e = j->d->t.cols[j->col].type == COL_STRING ? put_string(j, j->row, j->col)
			                                            : put_number(j, j->row, j->col);
			if (e != READSTAT_OK)
				return e;
		}
		j->col = -1;
		if ((e = readstat_end_row(j->w)) != READSTAT_OK)
			return e;
	}
	j->row = -1;
	return readstat_end_writing(j->w);
}

/* ---- output ------------------------------------------------------------- */

/* ReadStat's data writer: all of n, or 0 (which makes ReadStat fail). */
static ssize_t sink(const void *data, size_t n, void *ctx)
{
	return outfile_write(ctx, data, n) ? (ssize_t)n : 0;
}

/* What ReadStat's error means, for the user. */
static void readstat_failed(struct job *j, readstat_error_t e)
{
	const char *name = j->col >= 0 && j->col < j->d->t.ncols ? j->d->t.cols[j->col].name : NULL;
	if (e == READSTAT_ERROR_WRITE && outfile_error(j->out))
		/* TRANSLATORS: %s is SPSS or Stata, then the reason. */
		snprintf(j->err, j->errlen, _("Die %s-Datei ließ sich nicht schreiben: %s."),
		         kind_name(j->k), outfile_why(outfile_error(j->out)));
	else if (e == READSTAT_ERROR_NUMERIC_VALUE_IS_OUT_OF_RANGE && name)
		snprintf(j->err, j->errlen, _("Der Wert in „%s“, Zeile %d, ist für %s zu groß."), name,
		         j->row + 1, kind_name(j->k));
	else if (name && j->row >= 0)
		snprintf(j->err, j->errlen,
		         _("%s-Datei: „%s“, Zeile %d, lässt sich nicht schreiben (%s)."),
		         kind_name(j->k), name, j->row + 1, readstat_error_message(e));
	else
		snprintf(j->err, j->errlen, _("Die %s-Datei lässt sich nicht schreiben (%s)."),
		         kind_name(j->k), readstat_error_message(e));
}

/* Header, variables and rows into the open sink. */
static int write_all(struct job *j)
{
	readstat_error_t e;
	readstat_set_data_writer(j->w, sink);
	char *label = clip(j->d->t.form_title, j->k == STATFILE_SAV ? 64 : 320,
	                   j->k == STATFILE_SAV ? SIZE_MAX : 80);
	readstat_writer_set_file_label(j->w, label);
	free(label);
	if (j->k == STATFILE_DTA && collect_tags(j) < 0)
		return -1;
	if (add_variables(j) < 0)
		return -1;
	if (j->k == STATFILE_SAV) {
		readstat_writer_set_compression(j->w, READSTAT_COMPRESS_ROWS);
		e = readstat_begin_writing_sav(j->w, j->out, j->d->nrows);
	} else {
		readstat_writer_set_file_format_version(j->w, 118);
		add_strls(j);
		e = readstat_begin_writing_dta(j->w, j->out, j->d->nrows);
	}
	for (int c = 0; e == READSTAT_OK && c < j->d->t.ncols; c++) {
		j->col = c;
		e = readstat_validate_variable(j->w, j->p[c].var);
	}
	if (e == READSTAT_OK)
		e = write_rows(j);
	if (e != READSTAT_OK) {
		readstat_failed(j, e);
		return -1;
	}
	return 0;
}

int statfile_write(const struct dataset *d, const char *path, enum statfile_kind k, char *err,
                   size_t errlen)
{
	struct job j = {.d = d, .k = k, .err = err, .errlen = errlen, .row = -1, .col = -1};
	if (statname_check(&d->t, k == STATFILE_SAV, err, errlen) < 0 ||
	    outfile_open(&j.out, path, err, errlen) < 0)
		return -1;
	j.p = xcalloc((size_t)d->t.ncols + 1, sizeof *j.p);
	j.w = readstat_writer_init();
	int rc = write_all(&j);
	if (rc == 0)
		rc = outfile_commit(&j.out, err, errlen);
	else
		outfile_abort(&j.out);
	readstat_writer_free(j.w);
	for (int c = 0; c < d->t.ncols; c++)
		free(j.p[c].refs);
	free(j.p);
	return rc;
}
