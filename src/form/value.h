/*
 * value: the dynamic value of an answer or an expression.
 *
 * A value owns its text (VT_STR) and its code array (VT_SET); value_free()
 * releases them and leaves VT_NULL behind. Copies are deep. Sets are kept
 * sorted and free of duplicates by value_set().
 */
#ifndef FB_VALUE_H
#define FB_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum vtype { VT_NULL, VT_BOOL, VT_NUM, VT_STR, VT_DATE, VT_SET };

struct value {
	enum vtype type;
	union {
		bool b;
		double num;
		char *str;
		int32_t date;
		struct {
			int32_t *codes;
			uint32_t n;
		} set;
	} u;
};

struct value value_null(void);
struct value value_bool(bool b);
/* Non-finite numbers become null. */
struct value value_num(double d);
struct value value_str(const char *s);
struct value value_str_n(const char *s, size_t n);
/* Take ownership of a malloc'ed string. */
struct value value_str_take(char *s);
struct value value_date(int32_t days);
/* Copy, sort and de-duplicate codes. */
struct value value_set(const int32_t *codes, size_t n);
struct value value_copy(const struct value *v);
void value_free(struct value *v);
bool value_equal(const struct value *a, const struct value *b);
bool value_set_has(const struct value *v, int32_t code);
/* Name of a type in the interface language, for messages ("Zahl", "Text", …). */
const char *value_type_name(enum vtype t);

#endif
