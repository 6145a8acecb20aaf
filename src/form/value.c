/*
 * value: constructors, copying and comparison of dynamic values.
 */
#include "form/value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xmalloc.h"

struct value value_null(void)
{
	struct value v = {.type = VT_NULL};
	return v;
}

struct value value_bool(bool b)
{
	struct value v = {.type = VT_BOOL, .u.b = b};
	return v;
}

struct value value_num(double d)
{
	if (!isfinite(d))
		return value_null();
	struct value v = {.type = VT_NUM, .u.num = d == 0 ? 0.0 : d};
	return v;
}

struct value value_str(const char *s)
{
	return value_str_take(xstrdup(s));
}

struct value value_str_n(const char *s, size_t n)
{
	return value_str_take(xstrndup(s, n));
}

struct value value_str_take(char *s)
{
	struct value v = {.type = VT_STR, .u.str = s};
	return v;
}

struct value value_date(int32_t days)
{
	struct value v = {.type = VT_DATE, .u.date = days};
	return v;
}

static int cmp_code(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

struct value value_set(const int32_t *codes, size_t n)
{
	struct value v = {.type = VT_SET};
	v.u.set.codes = xmalloc((n ? n : 1) * sizeof *codes);
	if (n)
		memcpy(v.u.set.codes, codes, n * sizeof *codes);
	qsort(v.u.set.codes, n, sizeof *codes, cmp_code);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v.u.set.codes[k - 1] != v.u.set.codes[i])
			v.u.set.codes[k++] = v.u.set.codes[i];
	v.u.set.n = (uint32_t)k;
	return v;
}

struct value value_copy(const struct value *v)
{
	switch (v->type) {
	case VT_STR:
		return value_str(v->u.str);
	case VT_SET:
		return value_set(v->u.set.codes, v->u.set.n);
	case VT_NULL:
	case VT_BOOL:
	case VT_NUM:
	case VT_DATE:
		break;
	}
	return *v;
}

void value_free(struct value *v)
{
	if (v->type == VT_STR)
		free(v->u.str);
	else if (v->type == VT_SET)
		free(v->u.set.codes);
	*v = value_null();
}

bool value_equal(const struct value *a, const struct value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case VT_NULL:
		return true;
	case VT_BOOL:
		return a->u.b == b->u.b;
	case VT_NUM:
		return a->u.num == b->u.num;
	case VT_STR:
		return strcmp(a->u.str, b->u.str) == 0;
	case VT_DATE:
		return a->u.date == b->u.date;
	case VT_SET:
		return a->u.set.n == b->u.set.n &&
		       (a->u.set.n == 0 ||
		        memcmp(a->u.set.codes, b->u.set.codes, a->u.set.n * sizeof(int32_t)) == 0);
	}
	return false;
}

bool value_set_has(const struct value *v, int32_t code)
{
	if (v->type != VT_SET)
		return false;
	for (uint32_t i = 0; i < v->u.set.n; i++)
		if (v->u.set.codes[i] == code)
			return true;
	return false;
}

const char *value_type_name(enum vtype t)
{
	switch (t) {
	case VT_NULL:
		/* TRANSLATORS: types of values, used in messages such as "len()
		 * expects %s here, not %s" and "„==“ compares %s with %s". */
		return _("leer");
	case VT_BOOL:
		return _("Wahrheitswert");
	case VT_NUM:
		return _("Zahl");
	case VT_STR:
		return _("Text");
	case VT_DATE:
		return _("Datum");
	case VT_SET:
		return _("Mehrfachauswahl");
	}
	return "?";
}
