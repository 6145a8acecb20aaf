/*
 * repfmt: number notation of the interface language and column-true text
 * measuring for the report. Widths come from the locale-independent tables
 * of util/width, the same the interface draws with, so the report lines up
 * the same in every environment and in tests. The notation follows
 * i18n_lang(), never LC_NUMERIC.
 */
#include "export/repfmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/width.h"

/* The decimal separator and the one between thousands: German "12.345,5",
 * English "12,345.5". */
static bool english(void)
{
	return strcmp(i18n_lang(), "en") == 0;
}

static char decimal_sep(void)
{
	return english() ? '.' : ',';
}

static char group_sep(void)
{
	return english() ? ',' : '.';
}

long repfmt_pct10(long count, long base)
{
	if (base <= 0)
		return -1;
	/* floor(1000 * count / base + 1/2), in integers */
	return (2000 * count + base) / (2 * base);
}

char *repfmt_pctnum(char *buf, long count, long base)
{
	long t = repfmt_pct10(count, base);
	if (t < 0)
		snprintf(buf, REPFMT_LEN, "–");
	else
		snprintf(buf, REPFMT_LEN, "%ld%c%ld", t / 10, decimal_sep(), t % 10);
	return buf;
}

char *repfmt_pct(char *buf, long count, long base)
{
	repfmt_pctnum(buf, count, base);
	if (base > 0)
		strcat(buf, " %");
	return buf;
}

/* Copy the digits 'd' (n of them) to 'out' with a separator between
 * thousands from 'from' digits on; return the bytes written. */
static size_t group_digits(char *out, const char *d, size_t n, size_t from)
{
	size_t o = 0;
	char sep = group_sep();
	for (size_t i = 0; i < n; i++) {
		if (n >= from && i > 0 && (n - i) % 3 == 0)
			out[o++] = sep;
		out[o++] = d[i];
	}
	return o;
}

/*
 * Digits are made with integer arithmetic (or "%.0f", which has no decimal
 * point), never with "%f": the program runs under the user's LC_NUMERIC,
 * and the report must look the same everywhere.
 */
char *repfmt_num(char *buf, double v, int decimals)
{
	char digits[REPFMT_LEN];
	if (isnan(v) || isinf(v)) {
		snprintf(buf, REPFMT_LEN, "–");
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	double scale = pow(10, decimals);
	bool neg = v < 0;
	size_t nd;
	if (fabs(v) * scale < 9e15) {
		long long x = llround(fabs(v) * scale);
		neg = neg && x != 0;
		nd = (size_t)snprintf(digits, sizeof digits, "%0*lld", decimals + 1, x);
	} else {
		/* too big for a long long: whole units only */
		nd = (size_t)snprintf(digits, sizeof digits, "%.0f", fabs(v));
		if (nd >= sizeof digits / 2)
			nd = (size_t)snprintf(digits, sizeof digits, "%s", "∞");
		decimals = 0;
	}
	size_t ilen = nd - (size_t)decimals, o = 0;
	if (neg)
		buf[o++] = '-';
	/* a whole number of four digits stays whole (a year: 2015); with
	   decimals it is grouped, so that 8.000,0 and 10.330,0 stand alike */
	o += group_digits(buf + o, digits, ilen, decimals > 0 ? 4 : 5);
	if (decimals > 0) {
		buf[o++] = decimal_sep();
		memcpy(buf + o, digits + ilen, (size_t)decimals);
		o += (size_t)decimals;
	}
	buf[o] = '\0';
	return buf;
}

char *repfmt_int(char *buf, long n)
{
	return repfmt_num(buf, (double)n, 0);
}

size_t repfmt_width(const char *s)
{
	return width_str(s, strlen(s));
}

size_t repfmt_widthn(const char *s, size_t n)
{
	return width_str(s, n);
}

size_t repfmt_wrap(const char *s, size_t width, size_t *next)
{
	size_t len = strlen(s), i = 0, w = 0, brk = 0;
	if (width < 1)
		width = 1;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		size_t cw = (size_t)width_cp(cp);
		if (cp == ' ')
			brk = i;
		if (w + cw > width && cp != ' ' && i > 0) {
			size_t end = brk > 0 ? brk : i;
			size_t n = end;
			while (n < len && s[n] == ' ')
				n++;
			*next = n;
			while (end > 0 && s[end - 1] == ' ')
				end--;
			return end;
		}
		w += cw;
		i += k;
	}
	*next = len;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

void repfmt_html(FILE *out, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		switch (cp) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\t':
		case '\n': fputc((int)cp, out); break;
		default:
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xfffe || cp == 0xffff) {
				fputc(' ', out);
			} else {
				char enc[4];
				fwrite(enc, 1, utf8_encode(cp, enc), out);
			}
		}
		i += k;
	}
}
