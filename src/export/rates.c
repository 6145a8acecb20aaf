/*
 * rates: rows matched to the sample frame, flags, response rates and the
 * reminder list. Reads the data set and the frame; never changes either,
 * and never opens a file.
 */
#include "export/rates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

#define CSV_BOM "\xEF\xBB\xBF"

/* The columns of the data set, resolved (-1: not checked). */
struct cols {
	int ags, land, type, key;
	int land_code[FRAME_LANDS + 1];  /* the Land column's code per AGS prefix */
};

/* Index of a column of the wanted type, or -1 with a message. */
static int column(const struct dataset *d, const char *name, bool string_ok, bool number_ok,
                  char *err, size_t errlen)
{
	int c = table_find(&d->t, name);
	if (c < 0) {
		/* TRANSLATORS: a column named for matching with the sample frame is not in the data. */
		snprintf(err, errlen, _("Der Datensatz hat keine Spalte „%s“"), name);
		return -1;
	}
	enum col_type t = d->t.cols[c].type;
	if ((t == COL_STRING && string_ok) || (t == COL_NUMERIC && number_ok))
		return c;
	if (!string_ok)
		snprintf(err, errlen, _("Spalte „%s“ muss Codes enthalten (eine Zahl je Antwort)"), name);
	else if (!number_ok)
		snprintf(err, errlen, _("Spalte „%s“ muss Text enthalten"), name);
	else
		snprintf(err, errlen, _("Spalte „%s“ muss Text oder Zahlen enthalten"), name);
	return -1;
	return c;
}

/* Code of each Land in the Land column: the value label that is its name.
 * A column without any such label has the AGS prefixes as codes; in one
 * with some, a Land without a label has none (0: not checked). */
static void land_codes(const struct column *c, int code[FRAME_LANDS + 1])
{
	bool labelled = false;
	for (int land = 1; land <= FRAME_LANDS; land++) {
		code[land] = 0;
		for (int i = 0; c && i < c->nvalues; i++)
			if (strcmp(c->values[i].label, frame_land_name(land)) == 0) {
				code[land] = (int)c->values[i].code;
				labelled = true;
			}
	}
	for (int land = 1; land <= FRAME_LANDS && !labelled; land++)
		code[land] = land;
}

/* The caller's column names as indices, checked. */
static int resolve(const struct dataset *d, const struct rates_cols *in, struct cols *c,
                   char *err, size_t errlen)
{
	c->land = c->type = c->key = -1;
	if (!table_has_meta(&d->t)) {
		snprintf(err, errlen, _("Der Datensatz hat nicht die Spalten eines Fragebogens (status …)"));
		return -1;
	}
	if ((c->ags = column(d, in->ags ? in->ags : "", true, true, err, errlen)) < 0)
		return -1;
	if (in->land && (c->land = column(d, in->land, false, true, err, errlen)) < 0)
		return -1;
	if (in->type && (c->type = column(d, in->type, false, true, err, errlen)) < 0)
		return -1;
	if (in->key && (c->key = column(d, in->key, true, false, err, errlen)) < 0)
		return -1;
	land_codes(c->land >= 0 ? &d->t.cols[c->land] : NULL, c->land_code);
	return 0;
}

/* The AGS of a row as eight digits into out; false if it has none. */
static bool row_ags(const struct dataset *d, int col, int row, char out[9])
{
	if (d->t.cols[col].type != COL_STRING) {
		double v = dataset_num(d, row, col);
		if (!(v >= 1 && v < 1e8) || v != floor(v))
			return false;
		snprintf(out, 9, "%08ld", (long)v);
		return frame_ags_ok(out);
	}
	const char *s = dataset_str(d, row, col);
	if (!s)
		return false;
	s += strspn(s, " \t");
	size_t n = strspn(s, "0123456789");
	if (n != 8 || s[n + strspn(s + n, " \t")] != '\0')
		return false;
	memcpy(out, s, 8);
	out[8] = '\0';
	return frame_ags_ok(out);
}

/* Whether a numeric cell holds an answer that is not 'want' (0: any). */
static bool differs(const struct dataset *d, int col, int row, int want)
{
	if (col < 0 || want == 0)
		return false;
	double v = dataset_num(d, row, col);
	if (isnan(v) || table_is_missing(&d->t.cols[col], v) || v < 0)
		return false;
	return v != want;
}

/* Whether the row's key is known and not the unit's. */
static bool key_differs(const struct dataset *d, int col, int row, const struct frame_unit *u)
{
	if (col < 0 || !u->fingerprint[0])
		return false;
	const char *k = dataset_str(d, row, col);
	return k && *k && strcasecmp(k, u->fingerprint) != 0;
}

struct keyed {
	char ags[9];
	int row;
};

static int by_ags(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->ags, y->ags);
	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* Match each row, and flag rows whose AGS repeats. */
static void match_rows(struct rates *r, const struct dataset *d, const struct frame *f,
                       const struct cols *c)
{
	struct keyed *k = xreallocarray(NULL, (size_t)d->nrows + 1, sizeof *k);
	int nk = 0;
	for (int row = 0; row < d->nrows; row++) {
		r->unit[row] = -1;
		if (!row_ags(d, c->ags, row, k[nk].ags)) {
			r->flags[row] |= RATES_BAD_AGS;
			continue;
		}
		k[nk++].row = row;
		const struct frame_unit *u = frame_find(f, k[nk - 1].ags);
		if (!u) {
			r->flags[row] |= RATES_NOT_IN_FRAME;
			continue;
		}
		r->unit[row] = (int)(u - f->v);
		if (differs(d, c->land, row, c->land_code[u->land]))
			r->flags[row] |= RATES_LAND;
		if (differs(d, c->type, row, (int)u->type))
			r->flags[row] |= RATES_TYPE;
		if (key_differs(d, c->key, row, u))
			r->flags[row] |= RATES_KEY;
	}
	qsort(k, (size_t)nk, sizeof *k, by_ags);
	for (int i = 0; i < nk; i++) {
		bool same = (i > 0 && strcmp(k[i - 1].ags, k[i].ags) == 0) ||
		            (i + 1 < nk && strcmp(k[i + 1].ags, k[i].ags) == 0);
		if (same)
			r->flags[k[i].row] |= RATES_DUPLICATE;
	}
	free(k);
}

static void count(struct rates_cell *c, enum rates_status s)
{
	c->units++;
	c->complete += s == RATES_COMPLETE;
	c->partial += s == RATES_PARTIAL;
}

/* Each unit's best row, and the counts by group. */
static void tally(struct rates *r, const struct dataset *d, const struct frame *f)
{
	for (int row = 0; row < d->nrows; row++) {
		int u = r->unit[row];
		for (int k = 0; k < RATES_NFLAGS; k++)
			r->nflag[k] += (r->flags[row] & (1u << k)) != 0;
		if (u < 0)
			continue;
		double st = dataset_num(d, row, TCOL_STATUS);
		enum rates_status s = st == 2 ? RATES_COMPLETE : st == 1 ? RATES_PARTIAL : RATES_NONE;
		r->nresp[u]++;
		if (s > r->status[u])
			r->status[u] = s;
	}
	for (int u = 0; u < f->n; u++) {
		count(&r->all, r->status[u]);
		count(&r->land[f->v[u].land], r->status[u]);
		count(&r->gkl[frame_gkl(&f->v[u])], r->status[u]);
	}
}

int rates_compute(struct rates *r, const struct dataset *d, const struct frame *f,
                  const struct rates_cols *cols, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	struct cols c;
	if (resolve(d, cols, &c, err, errlen) < 0)
		return -1;
	r->nrows = d->nrows;
	r->nunits = f->n;
	r->flags = xcalloc((size_t)d->nrows + 1, sizeof *r->flags);
	r->unit = xcalloc((size_t)d->nrows + 1, sizeof *r->unit);
	r->nresp = xcalloc((size_t)f->n + 1, sizeof *r->nresp);
	r->status = xcalloc((size_t)f->n + 1, sizeof *r->status);
	match_rows(r, d, f, &c);
	tally(r, d, f);
	return 0;
}

void rates_free(struct rates *r)
{
	free(r->flags);
	free(r->unit);
	free(r->nresp);
	free(r->status);
	memset(r, 0, sizeof *r);
}

double rates_rr1(const struct rates_cell *c)
{
	return c->units > 0 ? (double)c->complete / c->units : NAN;
}

double rates_rr2(const struct rates_cell *c)
{
	return c->units > 0 ? (double)(c->complete + c->partial) / c->units : NAN;
}

const char *rates_flag_text(enum rates_flag flag)
{
	switch (flag) {
	case RATES_BAD_AGS:
		return _("Der Gemeindeschlüssel fehlt oder hat nicht acht Ziffern.");
	case RATES_NOT_IN_FRAME:
		return _("Der Gemeindeschlüssel steht nicht in der Stichprobe.");
	case RATES_DUPLICATE:
		return _("Eine weitere Antwort nennt denselben Gemeindeschlüssel.");
	case RATES_LAND:
		return _("Das angegebene Land passt nicht zum Gemeindeschlüssel.");
	case RATES_TYPE:
		return _("Die angegebene Art der Kommune passt nicht zur Stichprobe.");
	case RATES_KEY:
		return _("Der Signaturschlüssel ist nicht der, den die Stichprobe für diese Kommune "
		         "nennt.");
	}
	return "";
}

/* One CSV field: quoted when it holds ';' or '"' (controls are refused by
 * frame_load, and no field starts like a formula). */
static void field(struct sbuf *out, const char *s, char after)
{
	if (strpbrk(s, ";\"")) {
		sbuf_addc(out, '"');
		for (; *s; s++) {
			if (*s == '"')
				sbuf_addc(out, '"');
			sbuf_addc(out, *s);
		}
		sbuf_addc(out, '"');
	} else {
		sbuf_adds(out, s);
	}
	if (after)
		sbuf_addc(out, after);
	else
		sbuf_adds(out, "\r\n");
}

void rates_reminders_csv(const struct rates *r, const struct frame *f, bool with_partial,
                         struct sbuf *out)
{
	sbuf_adds(out, CSV_BOM "AGS;Name;Land;Kreis;Typ;Einwohner\r\n");
	for (int i = 0; i < f->n && i < r->nunits; i++) {
		const struct frame_unit *u = &f->v[i];
		if (r->status[i] == RATES_COMPLETE || (r->status[i] == RATES_PARTIAL && !with_partial))
			continue;
		field(out, u->ags, ';');
		field(out, u->name, ';');
		field(out, frame_land_name(u->land), ';');
		field(out, u->kreis, ';');
		field(out, frame_type_label(u->type), ';');
		sbuf_printf(out, "%ld\r\n", u->einwohner);
	}
}

int rates_reminders_write(const struct rates *r, const struct frame *f, bool with_partial,
                          FILE *out, char *err, size_t errlen)
{
	struct sbuf b = {0};
	rates_reminders_csv(r, f, with_partial, &b);
	size_t n = fwrite(b.data, 1, b.len, out);
	bool ok = n == b.len && fflush(out) == 0 && !ferror(out);
	sbuf_free(&b);
	if (!ok) {
		/* TRANSLATORS: writing the list of Kommunen to remind failed (full disk …). */
		snprintf(err, errlen, _("Die Liste für Erinnerungen lässt sich nicht schreiben"));
		return -1;
	}
	return 0;
}

/* A fraction as percent with one decimal and a decimal comma; "" for NaN. */
static void percent(struct sbuf *out, double v)
{
	if (isnan(v))
		return;
	long tenths = lround(v * 1000);
	sbuf_printf(out, "%ld,%ld", tenths / 10, tenths % 10);
}

static void table_row(struct sbuf *out, const char *group, const struct rates_cell *c)
{
	field(out, group, ';');
	sbuf_printf(out, "%d;%d;%d;", c->units, c->complete, c->partial);
	percent(out, rates_rr1(c));
	sbuf_addc(out, ';');
	percent(out, rates_rr2(c));
	sbuf_adds(out, "\r\n");
}

void rates_table_csv(const struct rates *r, struct sbuf *out)
{
	sbuf_adds(out, CSV_BOM "Gruppe;Kommunen;vollständig;teilweise;RR1;RR2\r\n");
	table_row(out, "Gesamt", &r->all);
	for (int l = 1; l <= FRAME_LANDS; l++)
		if (r->land[l].units > 0)
			table_row(out, frame_land_name(l), &r->land[l]);
	for (int g = 1; g <= FRAME_GKL_N; g++)
		if (r->gkl[g].units > 0)
			table_row(out, frame_gkl_label(g), &r->gkl[g]);
}
