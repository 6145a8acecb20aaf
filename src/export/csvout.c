/*
 * csvout: writing a data set as CSV in the Excel-de or RFC 4180 profile.
 * Formats cells and quotes fields; never opens, closes or renames files
 * (the caller owns the stream).
 */
#include "export/csvout.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export/statname.h"
#include "form/response.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/sbuf.h"

struct prof {
	char sep, point;
	bool bom, de_dates, guard;
};

static struct prof profile(enum csvout_profile p)
{
	switch (p) {
	case CSVOUT_RFC4180:
		return (struct prof){',', '.', false, false, false};
	case CSVOUT_EXCEL_DE:
		break;
	}
	return (struct prof){';', ',', true, true, true};
}

/* Append s as one field, quoted if it holds the separator, '"', CR or LF. */
static void put_field(struct sbuf *b, const char *s, char sep)
{
	if (!strpbrk(s, "\"\r\n") && !strchr(s, sep)) {
		sbuf_adds(b, s);
		return;
	}
	sbuf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *p);
	}
	sbuf_addc(b, '"');
}

/*
 * printf's "%f" output with the locale's decimal point (whatever
 * setlocale() made it) replaced by 'point'.
 */
static void put_fixed(struct sbuf *b, const char *s, char point)
{
	size_t i = s[0] == '-' ? 1 : 0;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	sbuf_add(b, s, i);
	if (!s[i])
		return;
	sbuf_addc(b, point);
	while (s[i] && (s[i] < '0' || s[i] > '9'))
		i++;
	sbuf_adds(b, s + i);
}

/*
 * A number: whole numbers bare, others with at least 'dec' decimals and
 * as many more as it takes to read back exactly. No exponent.
 */
static void put_number(struct sbuf *b, double v, int dec, char point)
{
	char buf[400];
	if (!isfinite(v))
		return;
	if (v == 0)
		v = 0; /* no "-0" */
	if (v == floor(v) && fabs(v) < 9007199254740992.0) {
		/* The common case (codes, counts), without printf. */
		long long n = (long long)v;
		unsigned long long u = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
		char *p = buf + sizeof buf;
		*--p = '\0';
		do
			*--p = (char)('0' + u % 10);
		while ((u /= 10) > 0);
		if (n < 0)
			*--p = '-';
		sbuf_adds(b, p);
		return;
	}
	if (v == floor(v)) {
		snprintf(buf, sizeof buf, "%.0f", v);
		put_fixed(b, buf, point);
		return;
	}
	/* Not whole, so |v| < 2^53: at most 16 digits before the point. */
	for (int p = dec > 0 ? dec : 1; p <= 350; p++) {
		snprintf(buf, sizeof buf, "%.*f", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	put_fixed(b, buf, point);
}

/* Whether a text is just a number ("-1", "2,5"): no formula risk. */
static bool plain_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.' || *s == ',') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Whether Excel would take this text for a formula. */
static bool looks_like_formula(const char *s)
{
	return s[0] && strchr("=+-@\t\r", s[0]) && !plain_number(s);
}

/*
 * A time stamp "2016-11-24T10:00:00Z" as German Excel reads a date and
 * time, "24.11.2016 10:00" (UTC, as in the data set); false if s is not
 * a time stamp.
 */
static bool put_stamp_de(struct sbuf *b, const char *s)
{
	int64_t t;
	struct tm tm;
	time_t tt;
	if (response_parse_time(s, &t) < 0 || (tt = (time_t)t, !gmtime_r(&tt, &tm)))
		return false;
	sbuf_printf(b, "%02d.%02d.%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
	            tm.tm_hour, tm.tm_min);
	return true;
}

/* One cell of column c in row r. */
static void put_cell(struct sbuf *b, const struct dataset *d, int r, int c, const struct prof *pr)
{
	const struct column *col = &d->t.cols[c];
	if (col->type == COL_STRING) {
		const char *s = dataset_str(d, r, c);
		if (!s || (pr->de_dates && statname_is_timestamp(col) && put_stamp_de(b, s)))
			return;
		if (pr->guard && looks_like_formula(s)) {
			struct sbuf t = {0};
			sbuf_addc(&t, '\'');
			sbuf_adds(&t, s);
			put_field(b, sbuf_str(&t), pr->sep);
			sbuf_free(&t);
		} else {
			put_field(b, s, pr->sep);
		}
		return;
	}
	double v = dataset_num(d, r, c);
	/* Dates from 0001-01-01 to 9999-12-31; anything else is a number. */
	if (col->type == COL_DATE && v == floor(v) && v >= -719162 && v <= 2932896 &&
	    !table_is_missing(col, v)) {
		char buf[DATE_BUF];
		if (pr->de_dates)
			date_format_de((int32_t)v, buf);
		else
			date_format_iso((int32_t)v, buf);
		sbuf_adds(b, buf);
		return;
	}
	put_number(b, v, col->decimals, pr->point);
}

/* Write the buffer out; false (errno set) if the stream fails. */
static bool flush_buf(struct sbuf *b, FILE *out)
{
	size_t n = b->len;
	bool ok = n == 0 || fwrite(b->data, 1, n, out) == n;
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	return ok;
}

/* The message for a failed write. */
static void write_error(char *err, size_t errlen, int e)
{
	const char *why = e == ENOSPC || e == EDQUOT ? _("Der Datenträger ist voll")
	                  : e == EIO ? _("Der Datenträger meldet einen Ein-/Ausgabefehler")
	                  : e        ? strerror(e)
	                             : _("unbekannter Fehler");
	snprintf(err, errlen,
	         _("Die CSV-Datei ließ sich nicht vollständig schreiben (%s). Sie ist unvollständig "
	           "und sollte gelöscht werden; bitte Platz schaffen oder ein anderes Ziel "
	           "wählen."),
	         why);
}

int csvout_write(const struct dataset *d, FILE *out, enum csvout_profile p, char *err,
                 size_t errlen)
{
	struct prof pr = profile(p);
	struct sbuf b = {0};
	bool ok = true;
	errno = 0;
	if (pr.bom)
		sbuf_adds(&b, "\xEF\xBB\xBF");
	for (int c = 0; c < d->t.ncols; c++) {
		if (c)
			sbuf_addc(&b, pr.sep);
		put_field(&b, d->t.cols[c].name, pr.sep);
	}
	sbuf_adds(&b, "\r\n");
	for (int r = 0; ok && r < d->nrows; r++) {
		for (int c = 0; c < d->t.ncols; c++) {
			if (c)
				sbuf_addc(&b, pr.sep);
			put_cell(&b, d, r, c, &pr);
		}
		sbuf_adds(&b, "\r\n");
		if (b.len >= 65536)
			ok = flush_buf(&b, out);
	}
	if (ok)
		ok = flush_buf(&b, out);
	int e = errno;
	if (fflush(out) != 0 || ferror(out)) {
		ok = false;
		e = errno ? errno : e;
	}
	sbuf_free(&b);
	if (ok)
		return 0;
	write_error(err, errlen, e);
	return -1;
}
