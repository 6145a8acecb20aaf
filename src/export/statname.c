/*
 * statname: the naming rules of SPSS and Stata, checked before a file is
 * written so that the message can name the variable; and the time stamp
 * columns with their conversion to SPSS and Stata datetimes. Pure string
 * checks and arithmetic; no I/O.
 */
#include "export/statname.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form/response.h"
#include "util/i18n.h"
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

enum statname_problem statname_sav_problem(const char *n)
{
	static const char *const reserved[] = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
	                                       "LT",  "NE",  "NOT", "OR", "TO", "WITH"};
	size_t len = strlen(n);
	if (len == 0 || len > 64)
		return len ? STATNAME_TOO_LONG : STATNAME_EMPTY;
	if (!utf8_valid(n, len))
		return STATNAME_NOT_UTF8;
	/* Bytes from 0x80 on belong to letters of other scripts, which SPSS allows. */
	if (!ascii_alpha(n[0]) && n[0] != '@' && (unsigned char)n[0] < 0x80)
		return STATNAME_START;
	for (size_t i = 0; i < len; i++)
		if (!ascii_alpha(n[i]) && !ascii_digit(n[i]) && !strchr("._$#@", n[i]) &&
		    (unsigned char)n[i] < 0x80)
			return STATNAME_CHARS;
	if (n[len - 1] == '.')
		return STATNAME_DOT_END;
	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
		if (strcasecmp(n, reserved[i]) == 0)
			return STATNAME_RESERVED;
	return STATNAME_OK;
}

enum statname_problem statname_dta_problem(const char *n)
{
	static const char *const reserved[] = {
		"_all", "_b",  "byte", "_coef", "_cons", "double", "float", "if",    "in",  "int",
		"long", "_n",  "_N",   "_pi",   "_pred", "_rc",    "_skip", "strL", "using", "with"};
	size_t len = strlen(n);
	if (len == 0 || len > 32)
		return len ? STATNAME_TOO_LONG : STATNAME_EMPTY;
	if (!ascii_alpha(n[0]) && n[0] != '_')
		return STATNAME_START;
	for (size_t i = 0; i < len; i++)
		if (!ascii_alpha(n[i]) && !ascii_digit(n[i]) && n[i] != '_')
			return STATNAME_CHARS;
	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
		if (strcmp(n, reserved[i]) == 0)
			return STATNAME_RESERVED;
	if (strncmp(n, "str", 3) == 0 && len > 3 && strspn(n + 3, "0123456789") == len - 3)
		return STATNAME_RESERVED;
	return STATNAME_OK;
}

/* Why SPSS refuses name n, as a new string. */
static char *sav_reason(const char *n, enum statname_problem p)
{
	switch (p) {
	case STATNAME_OK:
	case STATNAME_EMPTY:
		break;
	case STATNAME_TOO_LONG:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er ist länger "
		                   "als 64 Bytes."), n);
	case STATNAME_NOT_UTF8:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er ist kein "
		                   "gültiges UTF-8."), n);
	case STATNAME_START:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er muss mit "
		                   "einem Buchstaben beginnen."), n);
	case STATNAME_CHARS:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er darf nur "
		                   "Buchstaben, Ziffern und . _ $ # @ enthalten."), n);
	case STATNAME_DOT_END:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er darf nicht "
		                   "auf einen Punkt enden."), n);
	case STATNAME_RESERVED:
		return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er ist in SPSS "
		                   "ein reserviertes Wort."), n);
	}
	return xasprintf(_("Der Variablenname „%s“ ist für SPSS nicht zulässig: er ist leer."), n);
}

/* Why Stata refuses name n, as a new string. */
static char *dta_reason(const char *n, enum statname_problem p)
{
	switch (p) {
	case STATNAME_OK:
	case STATNAME_EMPTY:
	case STATNAME_NOT_UTF8:
	case STATNAME_DOT_END:
		break;
	case STATNAME_TOO_LONG:
		return xasprintf(_("Der Variablenname „%s“ ist für Stata nicht zulässig: er ist länger "
		                   "als 32 Zeichen."), n);
	case STATNAME_START:
		return xasprintf(_("Der Variablenname „%s“ ist für Stata nicht zulässig: er muss mit "
		                   "einem Buchstaben (A–Z, a–z) oder _ beginnen."), n);
	case STATNAME_CHARS:
		return xasprintf(_("Der Variablenname „%s“ ist für Stata nicht zulässig: er darf nur "
		                   "A–Z, a–z, Ziffern und _ enthalten (keine Umlaute)."), n);
	case STATNAME_RESERVED:
		return xasprintf(_("Der Variablenname „%s“ ist für Stata nicht zulässig: er ist in "
		                   "Stata ein reserviertes Wort."), n);
	}
	return xasprintf(_("Der Variablenname „%s“ ist für Stata nicht zulässig: er ist leer."), n);
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
			snprintf(err, errlen, _("Der Variablenname „%s“ kommt zweimal vor."), v[c]);
		else
			snprintf(err, errlen,
			         _("Die Variablennamen „%s“ und „%s“ sind für %s gleich, weil %s "
			           "Groß- und Kleinschreibung nicht unterscheidet. Bitte eine der "
			           "Frage-IDs im Fragebogen ändern."),
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
		enum statname_problem p = sav ? statname_sav_problem(n) : statname_dta_problem(n);
		if (p != STATNAME_OK) {
			char *why = sav ? sav_reason(n, p) : dta_reason(n, p);
			snprintf(err, errlen, "%s %s", why,
			         _("Bitte die Frage-ID im Fragebogen ändern oder die Daten als CSV "
			           "exportieren."));
			free(why);
			return -1;
		}
	}
	return check_unique(t, sav, err, errlen);
}

bool statname_is_timestamp(const struct column *c)
{
	static const char *const names[] = {"created", "modified", "completed"};
	if (c->role != ROLE_META || c->type != COL_STRING || !c->name)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(c->name, names[i]) == 0)
			return true;
	return false;
}

/* Days from 14.10.1582 (SPSS) and from 01.01.1960 (Stata) to 01.01.1970. */
#define SAV_EPOCH_SECS (141428.0 * 86400)
#define DTA_EPOCH_SECS (3653.0 * 86400)

double statname_spss_datetime(const char *iso)
{
	int64_t t;
	if (!iso || response_parse_time(iso, &t) < 0)
		return NAN;
	return (double)t + SAV_EPOCH_SECS;
}

double statname_stata_datetime(const char *iso)
{
	int64_t t;
	if (!iso || response_parse_time(iso, &t) < 0)
		return NAN;
	return ((double)t + DTA_EPOCH_SECS) * 1000;
}
