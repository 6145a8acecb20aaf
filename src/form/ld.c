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

#include "util/i18n.h"
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
				/* TRANSLATORS: the second %s is a place in the form, such as
				 * "in question „A1“" or "in a section". */
				ld_err_key(l, c, _("unbekannter Schlüssel „%s“ in %s – meinten Sie „%s“?"),
				           c->string, what, best);
			else
				ld_err_key(l, c, _("unbekannter Schlüssel „%s“ in %s"), c->string, what);
			continue;
		}
		for (const cJSON *p = obj->child; p != c; p = p->next)
			if (strcmp(p->string, c->string) == 0) {
				ld_err_key(l, c, _("Schlüssel „%s“ kommt in %s doppelt vor"), c->string,
				           what);
				break;
			}
	}
}

/* Length and emptiness of one string value; 0 if it is fine. */
static int check_len(struct ld *l, const cJSON *n, const char *key, bool required,
                     size_t maxlen, const char *what)
{
	size_t len = strlen(n->valuestring);
	if (len > maxlen) {
		ld_err(l, n, _("„%s“ in %s ist zu lang (%zu Bytes, höchstens %zu)"), key, what, len,
		       maxlen);
		return -1;
	}
	if (required && len == 0) {
		ld_err(l, n, _("„%s“ in %s darf nicht leer sein"), key, what);
		return -1;
	}
	return 0;
}

char *ld_str(struct ld *l, const cJSON *obj, const char *key, bool required, size_t maxlen,
             const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (!n) {
		if (required)
			ld_err(l, obj, _("in %s fehlt „%s“"), what, key);
		return NULL;
	}
	if (!cJSON_IsString(n)) {
		ld_err(l, n, _("„%s“ in %s muss eine Zeichenkette sein"), key, what);
		return NULL;
	}
	if (check_len(l, n, key, required, maxlen, what) < 0)
		return NULL;
	return xstrdup(n->valuestring);
}

bool ld_lang_code(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 6 && isalpha((unsigned char)s[0]) &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == n;
}

/* The member of a text object for 'lang': the key itself ("en", any case),
 * else a regional variant of it ("en-GB"); NULL if there is none. */
static const cJSON *member_for(const cJSON *obj, const char *lang)
{
	if (!lang)
		return NULL;
	size_t n = strlen(lang);
	const cJSON *variant = NULL;
	for (const cJSON *c = obj->child; c; c = c->next) {
		if (!cJSON_IsString(c))
			continue;
		if (strcasecmp(c->string, lang) == 0)
			return c;
		if (!variant && strncasecmp(c->string, lang, n) == 0 && c->string[n] == '-')
			variant = c;
	}
	return variant;
}

/*
 * The one place where a text is chosen: a string is itself; of an object,
 * the member for the interface language if there is one, else the member
 * for the form's "language". NULL if there is none.
 */
static const cJSON *pick(const struct ld *l, const cJSON *n)
{
	if (cJSON_IsString(n))
		return n;
	if (!cJSON_IsObject(n))
		return NULL;
	const cJSON *c = member_for(n, i18n_lang());
	return c ? c : member_for(n, l->f->language);
}

/* Every variant of a text object: language keys, strings, limits, and the
 * form's own language present. Returns 0 if all is well. */
static int check_variants(struct ld *l, const cJSON *n, const char *key, bool required,
                          size_t maxlen, const char *what)
{
	int bad = 0;
	if (cJSON_GetArraySize(n) > LOADER_MAX_LANGUAGES) {
		ld_err(l, n, _("„%s“ in %s hat Texte in mehr als %d Sprachen"), key, what,
		       LOADER_MAX_LANGUAGES);
		return -1;
	}
	for (const cJSON *c = n->child; c; c = c->next) {
		if (!ld_lang_code(c->string)) {
			ld_err_key(l, c, _("„%s“ in „%s“ ist kein Sprachkürzel wie \"de\" oder \"en\""),
			           c->string, key);
			bad = 1;
			continue;
		}
		for (const cJSON *p = n->child; p != c; p = p->next)
			if (strcasecmp(p->string, c->string) == 0) {
				ld_err_key(l, c, _("die Sprache „%s“ kommt in „%s“ doppelt vor"), c->string,
				           key);
				bad = 1;
				break;
			}
		if (!cJSON_IsString(c)) {
			ld_err(l, c, _("der Text „%s“ in „%s“ muss eine Zeichenkette sein"), c->string, key);
			bad = 1;
		} else if (check_len(l, c, key, required, maxlen, what) < 0) {
			bad = 1;
		}
	}
	if (!bad && l->f->language && ld_lang_code(l->f->language) &&
	    !member_for(n, l->f->language)) {
		ld_err(l, n, _("„%s“ in %s hat keinen Text in der Sprache des Formulars („%s“)"), key,
		       what, l->f->language);
		bad = 1;
	}
	return bad ? -1 : 0;
}

char *ld_text(struct ld *l, const cJSON *obj, const char *key, bool required, size_t maxlen,
              const char *what)
{
	const cJSON *n = ld_get(obj, key);
	if (n && !cJSON_IsString(n) && !cJSON_IsObject(n)) {
		ld_err(l, n, _("„%s“ in %s muss eine Zeichenkette sein oder ein Objekt mit einem Text "
		               "je Sprache ({\"de\": \"…\", \"en\": \"…\"})"), key, what);
		return NULL;
	}
	if (!cJSON_IsObject(n))
		return ld_str(l, obj, key, required, maxlen, what);
	if (check_variants(l, n, key, required, maxlen, what) < 0)
		return NULL;
	const cJSON *chosen = pick(l, n);
	return chosen ? xstrdup(chosen->valuestring) : NULL;
}

/* Shared body of ld_int and ld_num. */
static int number(struct ld *l, const cJSON *obj, const char *key, double lo, double hi,
                  double *out, const char *what, bool integral)
{
	const cJSON *n = ld_get(obj, key);
	if (!n)
		return 0;
	if (!cJSON_IsNumber(n) || (integral && n->valuedouble != floor(n->valuedouble))) {
		if (integral)
			ld_err(l, n, _("„%s“ in %s muss eine ganze Zahl sein"), key, what);
		else
			ld_err(l, n, _("„%s“ in %s muss eine Zahl sein"), key, what);
		return -1;
	}
	if (n->valuedouble < lo || n->valuedouble > hi) {
		ld_err(l, n, _("„%s“ in %s muss zwischen %g und %g liegen"), key, what, lo, hi);
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
		ld_err(l, n, _("„%s“ in %s muss true oder false sein"), key, what);
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
			ld_err(l, obj, _("in %s fehlt „%s“"), what, key);
		return NULL;
	}
	if (!cJSON_IsArray(n)) {
		ld_err(l, n, _("„%s“ in %s muss eine Liste sein"), key, what);
		return NULL;
	}
	int count = cJSON_GetArraySize(n);
	if (count < min || count > max) {
		if (count < min)
			ld_err(l, n, P_("„%s“ in %s braucht mindestens %d Eintrag",
			                "„%s“ in %s braucht mindestens %d Einträge", (unsigned long)min),
			       key, what, min);
		else
			ld_err(l, n, P_("„%s“ in %s hat %d Eintrag, höchstens %d sind erlaubt",
			                "„%s“ in %s hat %d Einträge, höchstens %d sind erlaubt",
			                (unsigned long)count),
			       key, what, count, max);
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

enum name_problem { NAME_OK, NAME_EMPTY, NAME_LONG, NAME_START, NAME_CHARS, NAME_END,
                   NAME_RESERVED };

/* What is wrong with a variable name, if anything. */
static enum name_problem name_problem(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return NAME_EMPTY;
	if (n > 32)
		return NAME_LONG;
	if (!isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80)
		return NAME_START;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || !(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return NAME_CHARS;
	if (s[n - 1] == '_')
		return NAME_END;
	if (reserved(s))
		return NAME_RESERVED;
	return NAME_OK;
}

/* One message per problem, naming a variable (at the value) or a choice set (at the key). */
#define NAME_ERR(var_msg, set_msg) \
	(set ? ld_err_key(l, node, set_msg, s) : ld_err(l, node, var_msg, s))

int ld_varname(struct ld *l, const cJSON *node, const char *s, bool set)
{
	switch (name_problem(s)) {
	case NAME_OK:
		return 0;
	case NAME_EMPTY:
		NAME_ERR(_("der Name „%s“ ist leer"), _("der Name der Antwortliste „%s“ ist leer"));
		break;
	case NAME_LONG:
		NAME_ERR(_("der Name „%s“ ist länger als 32 Zeichen (Grenze von Stata)"),
		         _("der Name der Antwortliste „%s“ ist länger als 32 Zeichen (Grenze von "
		           "Stata)"));
		break;
	case NAME_START:
		NAME_ERR(_("der Name „%s“ muss mit einem Buchstaben A–Z oder a–z beginnen"),
		         _("der Name der Antwortliste „%s“ muss mit einem Buchstaben A–Z oder a–z "
		           "beginnen"));
		break;
	case NAME_CHARS:
		NAME_ERR(_("der Name „%s“ darf nur A–Z, a–z, 0–9 und _ enthalten (keine Umlaute)"),
		         _("der Name der Antwortliste „%s“ darf nur A–Z, a–z, 0–9 und _ enthalten "
		           "(keine Umlaute)"));
		break;
	case NAME_END:
		NAME_ERR(_("der Name „%s“ darf nicht auf _ enden (SPSS)"),
		         _("der Name der Antwortliste „%s“ darf nicht auf _ enden (SPSS)"));
		break;
	case NAME_RESERVED:
		NAME_ERR(_("der Name „%s“ ist ein reserviertes Wort von SPSS, Stata oder den "
		           "Ausdrücken"),
		         _("der Name der Antwortliste „%s“ ist ein reserviertes Wort von SPSS, Stata "
		           "oder den Ausdrücken"));
		break;
	}
	return -1;
}

int ld_name(struct ld *l, const cJSON *node, const char *name, enum varkind kind)
{
	if (ld_varname(l, node, name, false) < 0)
		return -1;
	int old = form_var_ci(l->f, name);
	if (old >= 0) {
		int line, col;
		diag_linecol(l->d->src, l->d->srclen, l->f->vars[old].pos, &line, &col);
		if (strcmp(l->f->vars[old].name, name) == 0)
			ld_err(l, node, _("der Name „%s“ ist schon vergeben (Zeile %d)"), name, line);
		else
			ld_err(l, node, _("der Name „%s“ unterscheidet sich von „%s“ (Zeile %d) nur in "
			                  "Groß- und Kleinschreibung; SPSS hält beide für gleich"), name,
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
