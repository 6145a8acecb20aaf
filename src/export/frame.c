/*
 * frame: the sample frame read from a Gemeindeverzeichnis extract. Every
 * field is checked once here, so rates and the reminder list can trust it.
 */
#include "export/frame.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "util/fio.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* The Länder by AGS prefix (01 … 16): the official order, as in DESI's A3. */
static const char *const lands[FRAME_LANDS] = {
	"Schleswig-Holstein", "Hamburg", "Niedersachsen", "Bremen",
	"Nordrhein-Westfalen", "Hessen", "Rheinland-Pfalz", "Baden-Württemberg",
	"Bayern", "Saarland", "Berlin", "Brandenburg",
	"Mecklenburg-Vorpommern", "Sachsen", "Sachsen-Anhalt", "Thüringen",
};

/* DESI's choices of the computed value GKL. */
static const char *const gkl_labels[FRAME_GKL_N] = {
	"Großstadt (100 000 und mehr Einwohner_innen)",
	"Mittelstadt (20 000 bis 99 999 Einwohner_innen)",
	"Kleinstadt (5 000 bis 19 999 Einwohner_innen)",
	"Gemeinde unter 5 000 Einwohner_innen",
	"Landkreis",
};

/* What the Typ column may say: the three names, their codes and the names
 * some Länder use (Stadtkreis in Baden-Württemberg, Kreis in NRW). */
static const struct {
	const char *text;
	enum frame_type type;
} type_names[] = {
	{"kreisfreie Stadt", FRAME_KREISFREI},
	{"Stadtkreis", FRAME_KREISFREI},
	{"1", FRAME_KREISFREI},
	{"kreisangehörige Gemeinde", FRAME_GEMEINDE},
	{"kreisangehörige Stadt", FRAME_GEMEINDE},
	{"kreisangehörige Stadt oder Gemeinde", FRAME_GEMEINDE},
	{"Gemeinde", FRAME_GEMEINDE},
	{"2", FRAME_GEMEINDE},
	{"Landkreis", FRAME_LANDKREIS},
	{"Kreis", FRAME_LANDKREIS},
	{"3", FRAME_LANDKREIS},
};

/* The columns, by their header names. */
enum { C_AGS, C_NAME, C_LAND, C_KREIS, C_TYP, C_EINW, C_FP, C_N };
static const char *const col_names[C_N] = {
	"AGS", "Name", "Land", "Kreis", "Typ", "Einwohner", "Fingerabdruck",
};
#define C_REQUIRED C_FP  /* the columns before this one are required */

const char *frame_land_name(int land)
{
	return land >= 1 && land <= FRAME_LANDS ? lands[land - 1] : NULL;
}

const char *frame_gkl_label(int gkl)
{
	return gkl >= 1 && gkl <= FRAME_GKL_N ? gkl_labels[gkl - 1] : NULL;
}

const char *frame_type_label(enum frame_type t)
{
	switch (t) {
	case FRAME_KREISFREI:
		return "kreisfreie Stadt";
	case FRAME_GEMEINDE:
		return "kreisangehörige Gemeinde";
	case FRAME_LANDKREIS:
		return "Landkreis";
	}
	return "";
}

/* The bounds of DESI's GKL: if(selected(A2, 3), 5, A4 >= 100000 → 1 …). */
int frame_gkl(const struct frame_unit *u)
{
	if (u->type == FRAME_LANDKREIS)
		return 5;
	if (u->einwohner >= 100000)
		return 1;
	if (u->einwohner >= 20000)
		return 2;
	if (u->einwohner >= 5000)
		return 3;
	return 4;
}

bool frame_ags_ok(const char *s)
{
	for (int i = 0; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	int land = (s[0] - '0') * 10 + (s[1] - '0');
	return s[8] == '\0' && land >= 1 && land <= FRAME_LANDS;
}

/* "path:line: message" into err; returns -1. */
__attribute__((format(printf, 5, 6)))
static int fail(char *err, size_t errlen, const char *path, int line, const char *fmt, ...)
{
	int n = line > 0 ? snprintf(err, errlen, "%s:%d: ", path, line)
	                 : snprintf(err, errlen, "%s: ", path);
	if (n < 0 || (size_t)n >= errlen)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Drop ASCII blanks at both ends, in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* The index of each column in the header row (-1: absent), or -1. */
static int find_columns(const struct csv_row *h, int idx[C_N], const char *path, char *err,
                        size_t errlen)
{
	for (int c = 0; c < C_N; c++)
		idx[c] = -1;
	for (int i = 0; i < h->n; i++) {
		const char *name = trim(h->f[i]);
		for (int c = 0; c < C_N; c++) {
			if (strcasecmp(name, col_names[c]) != 0)
				continue;
			if (idx[c] >= 0)
				/* TRANSLATORS: the header of the sample frame names a column twice. */
				return fail(err, errlen, path, h->line, _("Spalte „%s“ steht zweimal in der Kopfzeile"),
				            col_names[c]);
			idx[c] = i;
		}
	}
	for (int c = 0; c < C_REQUIRED; c++)
		if (idx[c] < 0)
			/* TRANSLATORS: a required column of the sample frame is missing;
			 * the column names are not translated. */
			return fail(err, errlen, path, h->line,
			            _("Spalte „%s“ fehlt (nötig sind AGS, Name, Land, Kreis, Typ, Einwohner)"),
			            col_names[c]);
	return 0;
}

/* Why a text field cannot be kept, or NULL. */
static const char *text_problem(const char *s)
{
	size_t n = strlen(s);
	if (n > FRAME_MAX_FIELD)
		return _("ist zu lang");
	if (!utf8_valid(s, n))
		/* TRANSLATORS: "CSV UTF-8" is the name of the file type in Excel's save dialogue. */
		return _("ist kein gültiges UTF-8; bitte die Datei als „CSV UTF-8“ speichern");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return _("enthält ein Steuerzeichen (etwa einen Zeilenumbruch)");
	if (s[0] && strchr("=+-@", s[0]))
		return _("beginnt mit einem Zeichen, das Tabellenprogramme als Formel lesen");
	return NULL;
}

/* The AGS field into u->ags, or -1. */
static int parse_ags(const char *s, struct frame_unit *u, const char *path, int line, char *err,
                     size_t errlen)
{
	size_t n = strlen(s), digits = strspn(s, "0123456789");
	if (n == 7 && digits == 7)
		/* TRANSLATORS: an AGS with seven digits has lost its leading zero in a spreadsheet. */
		return fail(err, errlen, path, line,
		            _("AGS „%s“ hat nicht acht Ziffern (die führende Null fehlt? In Excel die "
		              "Spalte als Text formatieren)"), s);
	if (n != 8 || digits != 8)
		return fail(err, errlen, path, line, _("AGS „%.20s“ hat nicht acht Ziffern"), s);
	if (!frame_ags_ok(s))
		return fail(err, errlen, path, line,
		            _("AGS „%s“: die ersten beiden Ziffern sind kein Land (01 bis 16)"), s);
	memcpy(u->ags, s, 9);
	return 0;
}

/* The Land field: empty, a number or a name, agreeing with the AGS. */
static int parse_land(const char *s, struct frame_unit *u, const char *path, int line,
                      char *err, size_t errlen)
{
	u->land = (u->ags[0] - '0') * 10 + (u->ags[1] - '0');
	if (!*s)
		return 0;
	int land = 0;
	if (strspn(s, "0123456789") == strlen(s) && strlen(s) <= 2)
		land = atoi(s);
	for (int i = 0; i < FRAME_LANDS && !land; i++)
		if (strcasecmp(s, lands[i]) == 0)
			land = i + 1;
	if (land < 1 || land > FRAME_LANDS)
		return fail(err, errlen, path, line,
		            _("Land „%s“ ist unbekannt (erwartet der Name oder die Nummer 1 bis 16)"), s);
	if (land != u->land)
		return fail(err, errlen, path, line,
		            _("Land „%s“ passt nicht zum AGS „%s“, der zu %s gehört"), s, u->ags,
		            lands[u->land - 1]);
	return 0;
}

/* The Typ field, and whether the AGS fits it. */
static int parse_type(const char *s, struct frame_unit *u, const char *path, int line,
                      char *err, size_t errlen)
{
	size_t i = 0, n = sizeof type_names / sizeof type_names[0];
	while (i < n && strcasecmp(s, type_names[i].text) != 0)
		i++;
	if (i == n)
		return fail(err, errlen, path, line,
		            _("Typ „%s“ ist unbekannt; erlaubt sind „kreisfreie Stadt“, „kreisangehörige "
		              "Gemeinde“, „Landkreis“ oder 1, 2, 3"), s);
	u->type = type_names[i].type;
	bool kreis_key = strcmp(u->ags + 5, "000") == 0;
	if (u->type == FRAME_GEMEINDE && kreis_key)
		return fail(err, errlen, path, line,
		            _("AGS „%s“ endet auf „000“ wie der Schlüssel eines Kreises oder einer "
		              "kreisfreien Stadt, der Typ ist aber „%s“"), u->ags, s);
	if (u->type != FRAME_GEMEINDE && !kreis_key)
		return fail(err, errlen, path, line,
		            _("AGS „%s“ endet nicht auf „000“, wie es beim Typ „%s“ sein muss"), u->ags, s);
	return 0;
}

/* A whole number; digits may be grouped in threes by '.' or ' ' ("12.345"). */
static int parse_einwohner(const char *s, struct frame_unit *u, const char *path, int line,
                           char *err, size_t errlen)
{
	char sep = s[strspn(s, "0123456789")];
	size_t lead = strspn(s, "0123456789");
	bool ok = lead > 0 && (sep == '\0' || ((sep == '.' || sep == ' ') && lead <= 3));
	long v = 0;
	for (const char *p = s; ok && *p; p++) {
		if (*p == sep && sep) {
			ok = strspn(p + 1, "0123456789") == 3;
			continue;
		}
		ok = *p >= '0' && *p <= '9' && v <= FRAME_MAX_EINWOHNER;
		v = v * 10 + (*p - '0');
	}
	if (!ok || v > FRAME_MAX_EINWOHNER)
		return fail(err, errlen, path, line,
		            _("Einwohner „%.20s“ ist keine ganze Zahl von 0 bis 10 000 000"), s);
	u->einwohner = v;
	return 0;
}

/* The optional fingerprint: XXXX-XXXX-XXXX-XXXX in Crockford's base32. */
static int parse_fingerprint(const char *s, struct frame_unit *u, const char *path, int line,
                             char *err, size_t errlen)
{
	static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	size_t n = strlen(s);
	bool ok = n == 0 || n == SIGN_FINGERPRINT_SIZE - 1;
	for (size_t i = 0; ok && i < n; i++) {
		char c = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
		ok = i % 5 == 4 ? c == '-' : (c != '\0' && strchr(b32, c) != NULL);
		u->fingerprint[i] = c;
	}
	if (!ok)
		/* TRANSLATORS: the fingerprint of a signing key as `fragebogen` prints it. */
		return fail(err, errlen, path, line,
		            _("Fingerabdruck „%.30s“ hat nicht die Form XXXX-XXXX-XXXX-XXXX"), s);
	u->fingerprint[n] = '\0';
	return 0;
}

/* One data row into *u (strings not yet copied), or -1. */
static int parse_row(const struct csv_row *r, const int idx[C_N], struct frame_unit *u,
                     const char *path, char *err, size_t errlen)
{
	const char *v[C_N];
	for (int c = 0; c < C_N; c++) {
		v[c] = idx[c] >= 0 && idx[c] < r->n ? trim(r->f[idx[c]]) : "";
		const char *why = text_problem(v[c]);
		if (why)
			/* TRANSLATORS: %s is a column name, then the reason. */
			return fail(err, errlen, path, r->line, _("Spalte „%s“ %s"), col_names[c], why);
	}
	memset(u, 0, sizeof *u);
	u->line = r->line;
	if (parse_ags(v[C_AGS], u, path, r->line, err, errlen) < 0 ||
	    parse_land(v[C_LAND], u, path, r->line, err, errlen) < 0 ||
	    parse_type(v[C_TYP], u, path, r->line, err, errlen) < 0 ||
	    parse_einwohner(v[C_EINW], u, path, r->line, err, errlen) < 0 ||
	    parse_fingerprint(v[C_FP], u, path, r->line, err, errlen) < 0)
		return -1;
	if (!*v[C_NAME])
		return fail(err, errlen, path, r->line, _("der Name fehlt"));
	u->name = (char *)v[C_NAME];
	u->kreis = (char *)v[C_KREIS];
	return 0;
}

/* Order of units by AGS, then by line. */
static int by_ags(const void *a, const void *b)
{
	const struct frame_unit *x = *(const struct frame_unit *const *)a;
	const struct frame_unit *y = *(const struct frame_unit *const *)b;
	int c = strcmp(x->ags, y->ags);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Sort the index by AGS; -1 for the first (in file order) repeated AGS. */
static int index_units(struct frame *f, char *err, size_t errlen)
{
	const struct frame_unit **p = xreallocarray(NULL, (size_t)f->n, sizeof *p);
	for (int i = 0; i < f->n; i++)
		p[i] = &f->v[i];
	qsort(p, (size_t)f->n, sizeof *p, by_ags);
	f->by_ags = xreallocarray(NULL, (size_t)f->n, sizeof *f->by_ags);
	const struct frame_unit *dup = NULL, *first = NULL;
	for (int i = 0; i < f->n; i++) {
		f->by_ags[i] = (int)(p[i] - f->v);
		if (i > 0 && strcmp(p[i - 1]->ags, p[i]->ags) == 0 && (!dup || p[i]->line < dup->line))
			dup = p[i];
	}
	free(p);
	if (!dup)
		return 0;
	first = frame_find(f, dup->ags);
	return fail(err, errlen, f->path, dup->line, _("AGS „%s“ steht schon in Zeile %d"),
	            dup->ags, first->line);
}

/* The rows of a parsed file into f, or -1. */
static int parse_rows(struct frame *f, const struct csv *c, char *err, size_t errlen)
{
	int idx[C_N];
	if (c->n == 0)
		return fail(err, errlen, f->path, 0, _("die Datei ist leer"));
	if (find_columns(&c->rows[0], idx, f->path, err, errlen) < 0)
		return -1;
	if (c->n == 1)
		return fail(err, errlen, f->path, 0, _("keine Kommunen, nur die Kopfzeile"));
	if (c->n - 1 > FRAME_MAX_UNITS)
		return fail(err, errlen, f->path, 0, _("mehr als %d Kommunen"), FRAME_MAX_UNITS);
	f->v = xcalloc((size_t)c->n - 1, sizeof *f->v);
	for (int i = 1; i < c->n; i++) {
		const struct csv_row *r = &c->rows[i];
		if (r->n > c->rows[0].n)
			return fail(err, errlen, f->path, r->line,
			            _("%d Felder, die Kopfzeile hat nur %d (ein Trennzeichen im Namen, ohne "
			              "Anführungszeichen?)"), r->n, c->rows[0].n);
		struct frame_unit u;
		if (parse_row(r, idx, &u, f->path, err, errlen) < 0)
			return -1;
		u.name = xstrdup(u.name);
		u.kreis = xstrdup(u.kreis);
		f->v[f->n++] = u;
	}
	return index_units(f, err, errlen);
}

int frame_parse(const char *name, const char *text, size_t len, struct frame *f, char *err,
                size_t errlen)
{
	memset(f, 0, sizeof *f);
	f->path = xstrdup(name);
	struct csv c;
	char why[200];
	int rc;
	if (len > FRAME_MAX_BYTES) {
		rc = fail(err, errlen, name, 0, _("Datei lässt sich nicht lesen: %s"), _("zu groß"));
	} else if (csv_parse(text, len, &c, why, sizeof why) < 0) {
		rc = fail(err, errlen, name, 0, "%s", why);
	} else {
		rc = parse_rows(f, &c, err, errlen);
		csv_free(&c);
	}
	if (rc < 0)
		frame_free(f);
	return rc;
}

int frame_load(const char *path, struct frame *f, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	uint8_t *buf;
	size_t n;
	int e = 0;
	if (fio_read_file(path, FRAME_MAX_BYTES, &buf, &n, &e) < 0)
		return fail(err, errlen, path, 0, _("Datei lässt sich nicht lesen: %s"),
		            e == EFBIG ? _("zu groß") : strerror(e));
	int rc = frame_parse(path, (const char *)buf, n, f, err, errlen);
	free(buf);
	return rc;
}

void frame_free(struct frame *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].kreis);
	}
	free(f->v);
	free(f->by_ags);
	free(f->path);
	memset(f, 0, sizeof *f);
}

const struct frame_unit *frame_find(const struct frame *f, const char *ags)
{
	if (!f->by_ags || !ags)
		return NULL;
	/* The first of equal keys (lower bound), though load refuses repeats. */
	int lo = 0, hi = f->n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(ags, f->v[f->by_ags[mid]].ags);
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->n && strcmp(ags, f->v[f->by_ags[lo]].ags) == 0)
		return &f->v[f->by_ags[lo]];
	return NULL;
}
