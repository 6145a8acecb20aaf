/*
 * statname: the naming rules of SPSS and Stata, checked before a file is
 * written so that the message can name the variable. Pure string checks;
 * no I/O.
 */
#include "export/statname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

static bool ascii_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

const char *statname_sav_problem(const char *n)
{
	static const char *const reserved[] = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
	                                       "LT",  "NE",  "NOT", "OR", "TO", "WITH"};
	size_t len = strlen(n);
	if (len == 0 || len > 64)
		return len ? "ist länger als 64 Bytes" : "ist leer";
	if (!utf8_valid(n, len))
		return "ist kein gültiges UTF-8";
	/* Bytes from 0x80 on belong to letters of other scripts, which SPSS allows. */
	if (!ascii_alpha(n[0]) && n[0] != '@' && (unsigned char)n[0] < 0x80)
		return "muss mit einem Buchstaben beginnen";
	for (size_t i = 0; i < len; i++)
		if (!ascii_alpha(n[i]) && !ascii_digit(n[i]) && !strchr("._$#@", n[i]) &&
		    (unsigned char)n[i] < 0x80)
			return "darf nur Buchstaben, Ziffern und . _ $ # @ enthalten";
	if (n[len - 1] == '.')
		return "darf nicht auf einen Punkt enden";
	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
		if (strcasecmp(n, reserved[i]) == 0)
			return "ist in SPSS ein reserviertes Wort";
	return NULL;
}

const char *statname_dta_problem(const char *n)
{
	static const char *const reserved[] = {
		"_all", "_b",  "byte", "_coef", "_cons", "double", "float", "if",    "in",  "int",
		"long", "_n",  "_N",   "_pi",   "_pred", "_rc",    "_skip", "strL", "using", "with"};
	size_t len = strlen(n);
	if (len == 0 || len > 32)
		return len ? "ist länger als 32 Zeichen" : "ist leer";
	if (!ascii_alpha(n[0]) && n[0] != '_')
		return "muss mit einem Buchstaben (A–Z, a–z) oder _ beginnen";
	for (size_t i = 0; i < len; i++)
		if (!ascii_alpha(n[i]) && !ascii_digit(n[i]) && n[i] != '_')
			return "darf nur A–Z, a–z, Ziffern und _ enthalten (keine Umlaute)";
	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
		if (strcmp(n, reserved[i]) == 0)
			return "ist in Stata ein reserviertes Wort";
	if (strncmp(n, "str", 3) == 0 && len > 3 && strspn(n + 3, "0123456789") == len - 3)
		return "ist in Stata ein reserviertes Wort";
	return NULL;
}

static int cmp_case(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_exact(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Two names the format cannot tell apart, found by sorting; -1 if any. */
static int check_unique(const struct table *t, bool sav, char *err, size_t errlen)
{
	const char *prog = sav ? "SPSS" : "Stata";
	const char **v = xcalloc((size_t)t->ncols + 1, sizeof *v);
	for (int c = 0; c < t->ncols; c++)
		v[c] = t->cols[c].name;
	int (*cmp)(const void *, const void *) = sav ? cmp_case : cmp_exact;
	qsort(v, (size_t)t->ncols, sizeof *v, cmp);
	int rc = 0;
	for (int c = 1; c < t->ncols && rc == 0; c++) {
		if (cmp(&v[c - 1], &v[c]) != 0)
			continue;
		if (strcmp(v[c - 1], v[c]) == 0)
			snprintf(err, errlen, "Der Variablenname „%s“ kommt zweimal vor.", v[c]);
		else
			snprintf(err, errlen,
			         "Die Variablennamen „%s“ und „%s“ sind für %s gleich, weil %s Groß- und "
			         "Kleinschreibung nicht unterscheidet. Bitte eine der Frage-IDs im "
			         "Fragebogen ändern.",
			         v[c - 1], v[c], prog, prog);
		rc = -1;
	}
	free(v);
	return rc;
}

int statname_check(const struct table *t, bool sav, char *err, size_t errlen)
{
	for (int c = 0; c < t->ncols; c++) {
		const char *n = t->cols[c].name ? t->cols[c].name : "";
		const char *bad = sav ? statname_sav_problem(n) : statname_dta_problem(n);
		if (bad) {
			snprintf(err, errlen,
			         "Der Variablenname „%s“ ist für %s nicht zulässig: er %s. Bitte die "
			         "Frage-ID im Fragebogen ändern oder die Daten als CSV exportieren.",
			         n, sav ? "SPSS" : "Stata", bad);
			return -1;
		}
	}
	return check_unique(t, sav, err, errlen);
}
