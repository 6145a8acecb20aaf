/*
 * pipe: piping of answers into texts.
 */
#include "form/pipe.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form/input.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/sbuf.h"
#include "util/xmalloc.h"

/* The label of 'code' in a list, or the code itself as text. */
static void add_code(struct sbuf *b, const struct choicelist *cl, double code)
{
	const struct choice *c = code == floor(code) ? form_choice(cl, (int32_t)code) : NULL;
	if (c) {
		sbuf_adds(b, c->label);
	} else {
		char buf[40];
		input_format_number(code, code == floor(code) ? 0 : 2, 0, buf, sizeof buf);
		sbuf_adds(b, buf);
	}
}

char *pipe_value_text(const struct form *f, int var, const struct value *v)
{
	const struct var *vr = &f->vars[var];
	const struct question *q = vr->question >= 0 ? &f->questions[vr->question] : NULL;
	struct sbuf b = {0};
	char buf[64];
	switch (v->type) {
	case VT_NULL:
		return NULL;
	case VT_BOOL:
		/* TRANSLATORS: a true/false value put into a question text. */
		sbuf_adds(&b, v->u.b ? _("ja") : _("nein"));
		break;
	case VT_STR:
		sbuf_adds(&b, v->u.str);
		break;
	case VT_DATE:
		date_format_de(v->u.date, buf);
		sbuf_adds(&b, buf);
		break;
	case VT_SET:
		for (uint32_t i = 0; i < v->u.set.n; i++) {
			if (i)
				sbuf_adds(&b, ", ");
			add_code(&b, vr->choices, v->u.set.codes[i]);
		}
		break;
	case VT_NUM:
		if (vr->choices) {
			add_code(&b, vr->choices, v->u.num);
		} else {
			int dec = q && q->type == Q_DECIMAL ? q->decimals
			          : v->u.num == floor(v->u.num) ? 0 : 2;
			input_format_number(v->u.num, dec, 1, buf, sizeof buf);
			sbuf_adds(&b, buf);
		}
		break;
	}
	return sbuf_take(&b);
}

char *pipe_render(struct engine *e, const char *text)
{
	struct sbuf b = {0};
	const char *p = text;
	while (*p) {
		if (p[0] == '{' && p[1] == '{') {
			sbuf_addc(&b, '{');
			p += 2;
			continue;
		}
		const char *close = p[0] == '{' ? strchr(p, '}') : NULL;
		if (!close) {
			sbuf_addc(&b, *p++);
			continue;
		}
		size_t n = strcspn(p + 1, "|}");
		char name[40];
		int var = -1;
		if (n < sizeof name) {
			memcpy(name, p + 1, n);
			name[n] = '\0';
			var = form_var(e->f, name);
		}
		struct value v = var >= 0 ? engine_value(e, var) : value_null();
		char *s = var >= 0 ? pipe_value_text(e->f, var, &v) : NULL;
		if (s)
			sbuf_adds(&b, s);
		else if (p[1 + n] == '|')
			sbuf_add(&b, p + 2 + n, (size_t)(close - (p + 2 + n)));
		else
			sbuf_adds(&b, "…");
		free(s);
		value_free(&v);
		p = close + 1;
	}
	return sbuf_take(&b);
}
