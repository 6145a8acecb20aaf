/*
 * bench_statfile: writing a large data set as SPSS, Stata and CSV.
 *
 * The data set mimics a merged survey export: 8 meta columns, then per
 * ten columns six 0/1 options, two single choices (labels 1–5, missing
 * -1/-2), one number with two decimals and, alternately, a date or a
 * short text. About a tenth of the answer cells are system-missing and
 * a twentieth hold a missing code. Prints the time and size per format.
 *
 *   build/bench_statfile [DIR] [ROWS] [COLUMNS]   (default /tmp 100000 160)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "export/csvout.h"
#include "export/dataset.h"
#include "export/statfile.h"
#include "util/xmalloc.h"

static struct column *add_col(struct table *t, const char *name, enum col_type type,
                              enum col_role role)
{
	t->cols = xrealloc(t->cols, ((size_t)t->ncols + 1) * sizeof *t->cols);
	struct column *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->label = xasprintf("Frage %s: eine Beschriftung, wie sie im Fragebogen steht", name);
	c->type = type;
	c->role = role;
	c->var = -1;
	return c;
}

static void labels(struct column *c, int n, const char *what)
{
	c->values = xcalloc((size_t)n, sizeof *c->values);
	for (int i = 0; i < n; i++)
		c->values[i] = (struct vlabel){i + (n == 2 ? 0 : 1), xasprintf("%s %d", what, i + 1)};
	c->nvalues = n;
	c->missing = xcalloc(2, sizeof *c->missing);
	c->missing[0] = (struct vlabel){-2, xstrdup("keine Angabe")};
	c->missing[1] = (struct vlabel){-1, xstrdup("weiß nicht")};
	c->nmissing = 2;
}

/* The dictionary: kind of column k (0–9) repeats every ten columns. */
static void make_table(struct table *t, int ncols)
{
	static const char *const meta[] = {"id", "form_version", "status", "revision",
	                                   "created", "modified", "completed", "simulated"};
	for (int i = 0; i < 8; i++)
		add_col(t, meta[i], i == 2 || i == 3 || i == 7 ? COL_NUMERIC : COL_STRING, ROLE_META);
	for (int i = 8; i < ncols; i++) {
		char name[32];
		snprintf(name, sizeof name, "q%d", i);
		int k = i % 10;
		if (k < 6)
			labels(add_col(t, name, COL_NUMERIC, ROLE_OPTION), 2, "Option");
		else if (k < 8)
			labels(add_col(t, name, COL_NUMERIC, ROLE_SINGLE), 5, "Antwort");
		else if (k == 8)
			add_col(t, name, COL_NUMERIC, ROLE_NUMBER)->decimals = 2;
		else if (i % 20 == 9)
			add_col(t, name, COL_DATE, ROLE_DATE);
		else
			add_col(t, name, COL_STRING, ROLE_TEXT);
	}
}

/* One row of plausible cells. */
static void fill_row(struct dataset *d, int r)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012d", (unsigned)r * 2654435761u, r);
	dataset_set_str(d, r, 0, buf);
	dataset_set_str(d, r, 1, "2016.2");
	dataset_set_num(d, r, 2, 2);
	dataset_set_num(d, r, 3, 1);
	for (int c = 4; c < 7; c++)
		dataset_set_str(d, r, c, "2016-11-24T15:06:40Z");
	dataset_set_num(d, r, 7, 0);
	for (int c = 8; c < d->t.ncols; c++) {
		unsigned h = ((unsigned)r * 31u + (unsigned)c) * 2654435761u >> 8;
		if (h % 10 == 0)
			continue; /* system-missing */
		const struct column *col = &d->t.cols[c];
		if (col->type == COL_STRING)
			dataset_set_str(d, r, c, h % 20 == 1 ? "-1" : "Eine Antwort mit Umlauten: äöü");
		else if (h % 20 == 1)
			dataset_set_num(d, r, c, -1);
		else if (col->type == COL_DATE)
			dataset_set_num(d, r, c, 17000 + h % 1000);
		else if (col->role == ROLE_NUMBER)
			dataset_set_num(d, r, c, (double)(h % 100000) / 100);
		else
			dataset_set_num(d, r, c, col->nvalues == 2 ? h % 2 : 1 + h % 5);
	}
}

static long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	int rows = argc > 2 ? atoi(argv[2]) : 100000;
	int cols = argc > 3 ? atoi(argv[3]) : 160;
	struct table t = {0};
	make_table(&t, cols);
	struct dataset d;
	dataset_init(&d, &t);
	table_free(&t);
	for (int r = 0; r < rows; r++)
		fill_row(&d, dataset_add_row(&d));
	printf("%d Zeilen x %d Spalten\n", rows, cols);
	static const char *const ext[] = {"sav", "dta", "csv"};
	for (int k = 0; k < 3; k++) {
		char *path = xasprintf("%s/bench_statfile.%s", dir, ext[k]), err[400];
		double t0 = bench_now_ms();
		int rc;
		if (k < 2) {
			rc = statfile_write(&d, path, k ? STATFILE_DTA : STATFILE_SAV, err, sizeof err);
		} else {
			FILE *f = fopen(path, "w");
			rc = f ? csvout_write(&d, f, CSVOUT_EXCEL_DE, err, sizeof err) : -1;
			if (f && fclose(f) != 0)
				rc = -1;
		}
		double ms = bench_now_ms() - t0;
		if (rc < 0)
			printf("%s: Fehler: %s\n", ext[k], err);
		else
			printf("%s: %.0f ms, %.1f MB\n", ext[k], ms, (double)file_size(path) / 1e6);
		unlink(path);
		free(path);
	}
	dataset_free(&d);
	return 0;
}
