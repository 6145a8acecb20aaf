/*
 * input: German number parsing and formatting.
 */
#include "form/input.h"

#include <ctype.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Skip blanks, including UTF-8 no-break spaces (U+00A0, U+202F). */
static const char *skip_blank(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s += 2;
		else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
		         (unsigned char)s[2] == 0xAF)
			s += 3;
		else
			return s;
	}
}

/*
 * Copy the integer digits into 'out', accepting group separators 'sep'
 * (and blanks) only between groups of exactly three digits.
 */
static const char *int_part(const char *s, char sep, char *out, size_t cap, size_t *n)
{
	size_t group = 0;
	int grouped = 0;
	*n = 0;
	for (;;) {
		if (isdigit((unsigned char)*s)) {
			if (*n + 1 >= cap)
				return NULL;
			out[(*n)++] = *s++;
			group++;
			continue;
		}
		const char *t = *s == sep ? s + 1 : skip_blank(s);
		if (t != s && isdigit((unsigned char)*t) && group > 0 && (grouped ? group == 3 : group <= 3)) {
			int k = 0;
			while (isdigit((unsigned char)t[k]))
				k++;
			if (k < 3)
				return NULL;
			grouped = 1;
			group = 0;
			s = t;
			continue;
		}
		if (grouped && group != 3)
			return NULL;
		return s;
	}
}

/* Parse with decimal separator 'dec' and group separator 'sep'. */
static int parse_with(const char *s, char dec, char sep, bool integer, double *out)
{
	char buf[80];
	size_t n = 0;
	s = skip_blank(s);
	if (*s == '-' || *s == '+')
		buf[n++] = *s++;
	else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
	         (unsigned char)s[2] == 0x92) { /* U+2212 minus sign */
		buf[n++] = '-';
		s += 3;
	}
	size_t digits;
	s = int_part(s, sep, buf + n, sizeof buf - n - 1, &digits);
	if (!s || digits == 0)
		return -1;
	n += digits;
	if (*s == dec && !integer) {
		s++;
		buf[n++] = '.';
		size_t frac = 0;
		while (isdigit((unsigned char)*s) && n + 1 < sizeof buf)
			buf[n++] = *s++, frac++;
		if (frac == 0)
			return -1;
	}
	s = skip_blank(s);
	if (*s)
		return -1;
	buf[n] = '\0';
	double d = strtod(buf, NULL);
	if (!isfinite(d) || fabs(d) > 1e15)
		return -1;
	*out = d == 0 ? 0.0 : d;
	return 0;
}

int input_parse_number(const char *s, unsigned flags, double *out)
{
	bool integer = (flags & INPUT_INTEGER) != 0;
	if (strchr(s, ',') || integer)
		return parse_with(s, ',', '.', integer, out);
	/* No comma: dots between groups of three are thousands ("1.500"), as a
	 * German writes; otherwise one dot is the decimal point ("1.5"), unless
	 * the text comes from a program that always means a decimal point. */
	const char *d = s + strcspn(s, "0123456789");
	bool zero_first = d[0] == '0' && d[1] == '.'; /* "0.500" groups nothing */
	if (!(flags & INPUT_DOT_DECIMAL) && !zero_first && parse_with(s, ',', '.', false, out) == 0)
		return 0;
	return parse_with(s, '.', ' ', false, out);
}

bool input_is_ambiguous(const char *s)
{
	return !strchr(s, ',') && strchr(s, '.');
}

void input_format_number(double d, int decimals, int group, char *buf, size_t n)
{
	char raw[400];
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	/* Halves round away from zero, as round() does and readers expect. */
	double scale = pow(10, decimals), scaled = round(d * scale);
	if (fabs(scaled) < 9e15)
		d = scaled / scale;
	snprintf(raw, sizeof raw, "%.*f", decimals, d);
	if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1)))
		memmove(raw, raw + 1, strlen(raw));
	char *dot = strchr(raw, '.');
	size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	size_t start = raw[0] == '-' ? 1 : 0;
	if (intlen - start <= 4)
		group = 0; /* DIN 5008: 1980 and 5000 stay whole, 12.500 is grouped */
	size_t o = 0;
	for (size_t i = 0; i < intlen && o + 2 < n; i++) {
		buf[o++] = raw[i];
		size_t left = intlen - i - 1;
		if (group && i >= start && left > 0 && left % 3 == 0 && o + 2 < n)
			buf[o++] = '.';
	}
	if (dot) {
		if (o + 1 < n)
			buf[o++] = ',';
		for (const char *p = dot + 1; *p && o + 1 < n; p++)
			buf[o++] = *p;
	}
	buf[o < n ? o : n - 1] = '\0';
}
