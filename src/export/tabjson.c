/*
 * tabjson: the data dictionary as JSON, as it travels inside an export
 * bundle ("variables"), so that aggregation needs no form file.
 *
 *   {"form_id", "form_version", "form_title", "breakdown", "label_column",
 *    "label_sets": [[[code, label], …], …],   shared value-label lists
 *    "questions": {"D1": "question text", …},  each question's text once
 *    "columns": [{"name", "label", "type", "role", "question", "item",
 *                 "decimals", "values": set index, "missing": set index}]}
 *
 * Reading is for a file from outside: every field is checked, sizes are
 * bounded (TABLE_MAX_*), duplicate codes and names are refused.
 */
#include "export/tabjson.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const role_names[] = {
	[ROLE_META] = "meta",     [ROLE_SINGLE] = "single", [ROLE_SCALE] = "scale",
	[ROLE_OPTION] = "option", [ROLE_ITEM] = "item",     [ROLE_NUMBER] = "number",
	[ROLE_TEXT] = "text",     [ROLE_DATE] = "date",     [ROLE_COMPUTED] = "computed",
};
static const char *const type_names[] = {
	[COL_NUMERIC] = "numeric", [COL_STRING] = "string", [COL_DATE] = "date",
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static cJSON *labels_json(const struct vlabel *v, int n)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; i < n; i++) {
		cJSON *p = cJSON_CreateArray();
		cJSON_AddItemToArray(p, cJSON_CreateNumber(v[i].code));
		cJSON_AddItemToArray(p, cJSON_CreateString(v[i].label));
		cJSON_AddItemToArray(a, p);
	}
	return a;
}

static void add_opt_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
}

/* Label lists shared by many columns are written once ("label_sets") and
 * referred to by index; a question's text is written once ("questions"). */
struct sets {
	cJSON *arr;      /* the distinct label lists */
	char **key;      /* their printed form, to find duplicates */
	int n;
};

/* Index of a label list in the shared sets, adding it if new. */
static int set_index(struct sets *s, const struct vlabel *v, int n)
{
	cJSON *a = labels_json(v, n);
	char *k = cJSON_PrintUnformatted(a);
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->key[i], k) == 0) {
			free(k);
			cJSON_Delete(a);
			return i;
		}
	s->key = xrealloc(s->key, ((size_t)s->n + 1) * sizeof *s->key);
	s->key[s->n] = k;
	cJSON_AddItemToArray(s->arr, a);
	return s->n++;
}

static cJSON *column_json(const struct column *c, struct sets *s, cJSON *questions)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "name", c->name);
	cJSON_AddStringToObject(o, "label", c->label);
	cJSON_AddStringToObject(o, "type", type_names[c->type]);
	cJSON_AddStringToObject(o, "role", role_names[c->role]);
	add_opt_str(o, "question", c->question);
	if (c->question && c->qtext && !cJSON_GetObjectItemCaseSensitive(questions, c->question))
		cJSON_AddStringToObject(questions, c->question, c->qtext);
	else if (!c->question)
		add_opt_str(o, "text", c->qtext);
	add_opt_str(o, "item", c->item);
	if (c->decimals)
		cJSON_AddNumberToObject(o, "decimals", c->decimals);
	if (c->open)
		cJSON_AddBoolToObject(o, "open", 1);
	if (c->nvalues)
		cJSON_AddNumberToObject(o, "values", set_index(s, c->values, c->nvalues));
	if (c->nmissing)
		cJSON_AddNumberToObject(o, "missing", set_index(s, c->missing, c->nmissing));
	return o;
}

void *tabjson_write(const struct table *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "form_id", t->form_id ? t->form_id : "");
	add_opt_str(o, "form_version", t->form_version);
	add_opt_str(o, "form_title", t->form_title);
	add_opt_str(o, "breakdown", t->breakdown);
	add_opt_str(o, "label_column", t->label_column);
	struct sets s = {cJSON_CreateArray(), NULL, 0};
	cJSON *questions = cJSON_CreateObject();
	cJSON *cols = cJSON_CreateArray();
	for (int i = 0; i < t->ncols; i++)
		cJSON_AddItemToArray(cols, column_json(&t->cols[i], &s, questions));
	cJSON_AddItemToObject(o, "label_sets", s.arr);
	cJSON_AddItemToObject(o, "questions", questions);
	cJSON_AddItemToObject(o, "columns", cols);
	for (int i = 0; i < s.n; i++)
		free(s.key[i]);
	free(s.key);
	return o;
}

static int role_of(const char *s)
{
	for (size_t i = 0; i < sizeof role_names / sizeof *role_names; i++)
		if (strcmp(s, role_names[i]) == 0)
			return (int)i;
	return -1;
}

static int type_of(const char *s)
{
	for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (strcmp(s, type_names[i]) == 0)
			return (int)i;
	return -1;
}

static const char *get_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Read [[code, label], …], or an index into 'sets'; -1 if malformed. */
static int cmp_vlabel(const void *a, const void *b)
{
	const struct vlabel *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

static int labels_from_json(const cJSON *a, const cJSON *sets, struct vlabel **v, int *n,
                            long *budget)
{
	if (!a)
		return 0;
	if (cJSON_IsNumber(a)) {
		int i = (int)a->valuedouble;
		if (a->valuedouble != i || i < 0 || i >= cJSON_GetArraySize(sets))
			return -1;
		a = cJSON_GetArrayItem(sets, i);
	}
	int count = cJSON_IsArray(a) ? cJSON_GetArraySize(a) : -1;
	if (count < 0 || count > TABLE_MAX_LABELS || (*budget -= count) < 0)
		return -1;
	struct vlabel *l = xcalloc((size_t)count + 1, sizeof *l);
	int k = 0;
	const cJSON *p;
	cJSON_ArrayForEach(p, a) {
		const cJSON *code = cJSON_GetArrayItem(p, 0), *lab = cJSON_GetArrayItem(p, 1);
		if (!cJSON_IsArray(p) || !cJSON_IsNumber(code) || !cJSON_IsString(lab) ||
		    !isfinite(code->valuedouble)) {
			free(l);
			return -1;
		}
		l[k].code = code->valuedouble;
		l[k++].label = lab->valuestring; /* borrowed until copied below */
	}
	/* Sorted once, duplicates refused: no quadratic insertion. */
	qsort(l, (size_t)k, sizeof *l, cmp_vlabel);
	for (int i = 1; i < k; i++)
		if (l[i].code == l[i - 1].code) {
			free(l);
			return -1;
		}
	for (int i = 0; i < k; i++)
		l[i].label = xstrdup(l[i].label);
	*v = l;
	*n = k;
	return 0;
}

/* One column from JSON; -1 if a field is missing or of the wrong kind. */
static int column_from_json(struct table *t, const cJSON *o, const cJSON *sets,
                            const cJSON *questions, long *budget)
{
	const char *name = get_str(o, "name"), *label = get_str(o, "label");
	const char *type = get_str(o, "type"), *role = get_str(o, "role");
	if (!name || !*name || !label || !type || !role || type_of(type) < 0 ||
	    role_of(role) < 0)
		return -1;
	struct column *c = table_add_column(t, name, label, (enum col_type)type_of(type),
	                       (enum col_role)role_of(role));
	c->question = dup_or_null(get_str(o, "question"));
	const char *qt = get_str(o, "text");
	if (!qt && c->question)
		qt = get_str(questions, c->question);
	c->qtext = dup_or_null(qt);
	c->item = dup_or_null(get_str(o, "item"));
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(o, "decimals");
	if (cJSON_IsNumber(d) && d->valuedouble >= 0 && d->valuedouble <= 15)
		c->decimals = (int)d->valuedouble;
	c->open = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "open"));
	if (labels_from_json(cJSON_GetObjectItemCaseSensitive(o, "values"), sets, &c->values,
	                     &c->nvalues, budget) < 0 ||
	    labels_from_json(cJSON_GetObjectItemCaseSensitive(o, "missing"), sets, &c->missing,
	                     &c->nmissing, budget) < 0)
		return -1;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether two columns share a name (sorting a copy of the names). */
static bool has_duplicate(const struct table *t)
{
	char **names = xcalloc((size_t)t->ncols + 1, sizeof *names);
	for (int i = 0; i < t->ncols; i++)
		names[i] = t->cols[i].name;
	qsort(names, (size_t)t->ncols, sizeof *names, cmp_name);
	bool dup = false;
	for (int i = 1; i < t->ncols && !dup; i++)
		dup = strcmp(names[i - 1], names[i]) == 0;
	free(names);
	return dup;
}

int tabjson_read(const void *json, struct table *t, char *err, size_t errlen)
{
	const cJSON *o = json;
	memset(t, 0, sizeof *t);
	const cJSON *cols = cJSON_GetObjectItemCaseSensitive(o, "columns");
	const char *id = get_str(o, "form_id");
	if (!cJSON_IsObject(o) || !id || !cJSON_IsArray(cols)) {
		snprintf(err, errlen, "%s", _("das Datenverzeichnis fehlt oder ist unvollständig"));
		return -1;
	}
	t->form_id = xstrdup(id);
	t->form_version = dup_or_null(get_str(o, "form_version"));
	t->form_title = dup_or_null(get_str(o, "form_title"));
	t->breakdown = dup_or_null(get_str(o, "breakdown"));
	t->label_column = dup_or_null(get_str(o, "label_column"));
	const cJSON *sets = cJSON_GetObjectItemCaseSensitive(o, "label_sets");
	const cJSON *questions = cJSON_GetObjectItemCaseSensitive(o, "questions");
	const cJSON *c;
	int i = 0;
	long budget = TABLE_MAX_ALL_LABELS;
	if (cJSON_GetArraySize(cols) > TABLE_MAX_COLUMNS) {
		snprintf(err, errlen, _("das Datenverzeichnis hat mehr als %d Spalten"),
		         TABLE_MAX_COLUMNS);
		table_free(t);
		return -1;
	}
	cJSON_ArrayForEach(c, cols) {
		if (column_from_json(t, c, sets, questions, &budget) < 0) {
			snprintf(err, errlen, _("Spalte %d des Datenverzeichnisses ist ungültig"),
			         i + 1);
			table_free(t);
			return -1;
		}
		i++;
	}
	if (has_duplicate(t)) {
		snprintf(err, errlen, "%s", _("das Datenverzeichnis nennt eine Variable zweimal"));
		table_free(t);
		return -1;
	}
	return 0;
}
