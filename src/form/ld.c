/*
 * ld: reading helpers of the loader.
 */
#include "form/ld.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/suggest.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static void report(struct ld *l, size_t pos, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static void report(struct ld *l, size_t pos, const char *fmt, va_list ap)
{
	char msg[600];
	vsnprintf(msg, sizeof msg, fmt, ap);
	diag_at(l->d, pos, "%s", msg);
}

void ld_err(struct ld *l, const cJSON *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(l, jpos_val(&l->jp, node), fmt, ap);
	va_end(ap);
}

void ld_err_key(struct ld *l, const cJSON *node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(l, jpos_key(&l->jp, node), fmt, ap);
	va_end(ap);
}

const cJSON *ld_get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

void ld_keys(struct ld *l, const cJSON *obj, const char *const *allowed, const char *what)
{
	for (const cJSON *c = obj->child; c; c = c->next) {
		int known = 0;
		for (const char *const *a = allowed; *a; a++)
			known |= strcmp(*a, c->string) == 0;
		if (!known) {
			struct suggest sg;
			suggest_init(&sg, c->string);
			for (const char *const *a = allowed; *a; a++)
				suggest_offer(&sg, *a);
			const char *best = suggest_best(&sg);
			if (best)
				ld_err_key(l, c, "unbekannter Schlüssel „%s“ in %s – meinten Sie „%s“?",
				           c->string, what, best);
			else
				ld_err_key(l, c, "unbekannter Schlüssel „%s“ in %s", c->string, what);
			continue;
		}
		for (const cJSON *p = obj->child; p != c; p = p->next)
			if (strcmp(p->string, c->string) == 0) {
				ld_err_key(l, c, "Schlüssel „%s“ kommt in %s doppelt vor", c->string, what);
				break;
			}
	}
}

char *ld_str(struct ld *l, const cJSON *obj, const char *key, bool required, size_t maxlen,
             const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (!n) {
		if (required)
			ld_err(l, obj, "in %s fehlt „%s“", what, key);
		return NULL;
	}
	if (!cJSON_IsString(n)) {
		ld_err(l, n, "„%s“ in %s muss eine Zeichenkette sein", key, what);
		return NULL;
	}
	size_t len = strlen(n->valuestring);
	if (len > maxlen) {
		ld_err(l, n, "„%s“ in %s ist zu lang (%zu Bytes, höchstens %zu)", key, what, len, maxlen);
		return NULL;
	}
	if (required && len == 0) {
		ld_err(l, n, "„%s“ in %s darf nicht leer sein", key, what);
		return NULL;
	}
	return xstrdup(n->valuestring);
}

/* Shared body of ld_int and ld_num. */
static int number(struct ld *l, const cJSON *obj, const char *key, double lo, double hi,
                  double *out, const char *what, bool integral)
{
	const cJSON *n = ld_get(obj, key);
	if (!n)
		return 0;
	if (!cJSON_IsNumber(n) || (integral && n->valuedouble != floor(n->valuedouble))) {
		ld_err(l, n, "„%s“ in %s muss eine %s sein", key, what,
		       integral ? "ganze Zahl" : "Zahl");
		return -1;
	}
	if (n->valuedouble < lo || n->valuedouble > hi) {
		ld_err(l, n, "„%s“ in %s muss zwischen %g und %g liegen", key, what, lo, hi);
		return -1;
	}
	*out = n->valuedouble;
	return 1;
}

int ld_int(struct ld *l, const cJSON *obj, const char *key, double lo, double hi, double *out,
           const char *what)
{
	return number(l, obj, key, lo, hi, out, what, true);
}

int ld_num(struct ld *l, const cJSON *obj, const char *key, double lo, double hi, double *out,
           const char *what)
{
	return number(l, obj, key, lo, hi, out, what, false);
}

bool ld_bool(struct ld *l, const cJSON *obj, const char *key, bool def, const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (!n)
		return def;
	if (!cJSON_IsBool(n)) {
		ld_err(l, n, "„%s“ in %s muss true oder false sein", key, what);
		return def;
	}
	return cJSON_IsTrue(n);
}

const cJSON *ld_array(struct ld *l, const cJSON *obj, const char *key, bool required,
                      int min, int max, const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (!n) {
		if (required)
			ld_err(l, obj, "in %s fehlt „%s“", what, key);
		return NULL;
	}
	if (!cJSON_IsArray(n)) {
		ld_err(l, n, "„%s“ in %s muss eine Liste sein", key, what);
		return NULL;
	}
	int count = cJSON_GetArraySize(n);
	if (count < min || count > max) {
		if (count < min)
			ld_err(l, n, "„%s“ in %s braucht mindestens %d Einträge", key, what, min);
		else
			ld_err(l, n, "„%s“ in %s hat %d Einträge, höchstens %d sind erlaubt", key, what,
			       count, max);
		return NULL;
	}
	return n;
}

/* Reserved words of SPSS and Stata, which no variable may be called. */
static bool reserved(const char *s)
{
	static const char *const spss[] = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT",
	                                   "NE", "NOT", "OR", "TO", "WITH", NULL};
	static const char *const stata[] = {"_all", "_b", "byte", "_coef", "_cons", "double",
	                                    "float", "if", "in", "int", "long", "_n", "_N",
	                                    "_pi", "_pred", "_rc", "_skip", "str", "strL",
	                                    "using", "with", NULL};
	for (const char *const *w = spss; *w; w++)
		if (strcasecmp(*w, s) == 0)
			return true;
	for (const char *const *w = stata; *w; w++)
		if (strcmp(*w, s) == 0)
			return true;
	if (strncmp(s, "str", 3) == 0 && s[3]) {
		const char *p = s + 3;
		while (isdigit((unsigned char)*p))
			p++;
		if (!*p)
			return true;
	}
	/* Words of the expression language would make references ambiguous. */
	return strcmp(s, "true") == 0 || strcmp(s, "false") == 0 || strcmp(s, "and") == 0 ||
	       strcmp(s, "or") == 0 || strcmp(s, "not") == 0;
}

const char *ld_varname_problem(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return "ist leer";
	if (n > 32)
		return "ist länger als 32 Zeichen (Grenze von Stata)";
	if (!isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80)
		return "muss mit einem Buchstaben A–Z oder a–z beginnen";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || !(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return "darf nur A–Z, a–z, 0–9 und _ enthalten (keine Umlaute)";
	if (s[n - 1] == '_')
		return "darf nicht auf _ enden (SPSS)";
	if (reserved(s))
		return "ist ein reserviertes Wort von SPSS, Stata oder den Ausdrücken";
	return NULL;
}

int ld_name(struct ld *l, const cJSON *node, const char *name, enum varkind kind)
{
	const char *why = ld_varname_problem(name);
	if (why) {
		ld_err(l, node, "der Name „%s“ %s", name, why);
		return -1;
	}
	int old = form_var_ci(l->f, name);
	if (old >= 0) {
		int line, col;
		diag_linecol(l->d->src, l->d->srclen, l->f->vars[old].pos, &line, &col);
		if (strcmp(l->f->vars[old].name, name) == 0)
			ld_err(l, node, "der Name „%s“ ist schon vergeben (Zeile %d)", name, line);
		else
			ld_err(l, node, "der Name „%s“ unterscheidet sich von „%s“ (Zeile %d) nur in "
			       "Groß- und Kleinschreibung; SPSS hält beide für gleich", name,
			       l->f->vars[old].name, line);
		return -1;
	}
	int v = form_add_var(l->f, xstrdup(name), kind);
	l->f->vars[v].pos = jpos_val(&l->jp, node);
	return v;
}

struct sema_site ld_site(struct ld *l, const cJSON *node, const char *what, int limit, int self)
{
	struct sema_site s = {jpos_val(&l->jp, node), what, limit, self};
	return s;
}

const struct choicelist *ld_set(const struct ld *l, const char *name)
{
	for (int i = 0; i < l->nsets; i++)
		if (strcmp(l->f->lists[i]->name, name) == 0)
			return l->f->lists[i];
	return NULL;
}
