/*
 * engine: routing, computed values, validation and progress.
 */
#include "form/engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form/input.h"
#include "form/loader.h"
#include "util/date.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static int64_t wall_clock(void)
{
	return (int64_t)time(NULL);
}

void engine_init(struct engine *e, const struct form *f, struct response *r)
{
	memset(e, 0, sizeof *e);
	e->f = f;
	e->r = r;
	e->svis = xcalloc((size_t)f->nsections + 1, 1);
	e->qvis = xcalloc((size_t)f->nquestions + 1, 1);
	e->cval = xcalloc((size_t)f->ncomputed + 1, sizeof *e->cval);
	e->cdone = xcalloc((size_t)f->ncomputed + 1, 1);
	e->route = xcalloc((size_t)f->nquestions + 1, 1);
	e->cfixed = xcalloc((size_t)f->ncomputed + 1, 1);
	e->today = date_today();
	e->now = wall_clock;
	engine_refresh(e);
}

void engine_free(struct engine *e)
{
	for (int i = 0; e->cval && i < e->f->ncomputed; i++)
		value_free(&e->cval[i]);
	free(e->cval);
	free(e->cdone);
	free(e->svis);
	free(e->qvis);
	free(e->route);
	free(e->cfixed);
	memset(e, 0, sizeof *e);
}

/* Evaluate a boolean at a site, reporting faults to the hook. */
static int eval_at(struct engine *e, const struct expr *x, int q, int check)
{
	struct eval_env env = engine_env(e);
	int r = eval_bool(x, &env);
	if (env.faults && e->on_fault)
		e->on_fault(e->fault_ctx, q, check, env.faults);
	return r;
}

/* A computed value, evaluated once per refresh. */
static struct value computed_value(struct engine *e, int c)
{
	if (!e->cdone[c]) {
		e->cdone[c] = 1;
		struct eval_env env = engine_env(e);
		e->cval[c] = eval(e->f->computed[c].expr, &env);
		if (env.faults && e->on_fault)
			e->on_fault(e->fault_ctx, -1 - c, -1, env.faults);
	}
	return value_copy(&e->cval[c]);
}

/* What routing has decided about a question on the answers given so far. */
enum { ROUTE_OPEN, ROUTE_ON, ROUTE_OFF };

/* A boolean evaluated again without reporting faults (they were reported once). */
static int quiet_bool(struct engine *e, const struct expr *x)
{
	struct eval_env env = engine_env(e);
	return eval_bool(x, &env);
}

bool engine_left_blank(const struct engine *e, int q)
{
	char id[48];
	snprintf(id, sizeof id, "%s.required", e->f->questions[q].id);
	return response_is_confirmed(e->r, id);
}

static bool expr_fixed(struct engine *e, const struct expr *x);

/* Whether a variable's value is final: its question is routed away, or on
 * the route and answered (or left blank on purpose). */
static bool var_fixed(struct engine *e, int var)
{
	const struct var *v = &e->f->vars[var];
	switch (v->kind) {
	case VAR_COMPUTED:
		return e->cfixed[v->computed] != 0;
	case VAR_ANSWER:
	case VAR_CELL:
	case VAR_MATRIX:
		break;
	case VAR_EXPORT:
	case VAR_SECTION:
	case VAR_NOTE:
		return true;
	}
	uint8_t rt = e->route[v->question];
	if (rt != ROUTE_ON)
		return rt == ROUTE_OFF;
	if (engine_left_blank(e, v->question))
		return true;
	if (v->kind == VAR_MATRIX)
		return engine_answered(e, v->question);
	return e->r->ans[v->slot].state != ANS_EMPTY;
}

/* Whether the value of x can no longer change by answering open questions.
 * "and"/"or" are decided by one final operand that is false/true. */
static bool expr_fixed(struct engine *e, const struct expr *x)
{
	if (!x)
		return true;
	if (x->op == E_REF)
		return var_fixed(e, x->var);
	if (x->op == E_AND || x->op == E_OR) {
		bool l = expr_fixed(e, x->l), r = expr_fixed(e, x->r);
		int decisive = x->op == E_OR;
		return (l && r) || (l && quiet_bool(e, x->l) == decisive) ||
		       (r && quiet_bool(e, x->r) == decisive);
	}
	for (int i = 0; i < x->nargs; i++)
		if (!expr_fixed(e, x->args[i]))
			return false;
	return expr_fixed(e, x->l) && expr_fixed(e, x->r);
}

/* Routing's verdict on question q with what is final so far. */
static uint8_t route_of(struct engine *e, int q)
{
	const struct question *qq = &e->f->questions[q];
	const struct section *sec = &e->f->sections[qq->section];
	bool sfix = expr_fixed(e, sec->visible_if);
	bool qfix = expr_fixed(e, qq->visible_if);
	if (sfix && !e->svis[qq->section])
		return ROUTE_OFF;
	if (qfix && qq->visible_if && quiet_bool(e, qq->visible_if) != 1)
		return ROUTE_OFF;
	return sfix && qfix ? ROUTE_ON : ROUTE_OPEN;
}

/* Decide what can be decided, until nothing more follows. A verdict, once
 * made, only rests on final values, so it never changes in this loop. */
static void settle_route(struct engine *e)
{
	const struct form *f = e->f;
	memset(e->route, ROUTE_OPEN, (size_t)f->nquestions);
	memset(e->cfixed, 0, (size_t)f->ncomputed);
	for (bool moved = true; moved;) {
		moved = false;
		for (int i = 0; i < f->ncomputed; i++) {
			int c = f->comp_order ? f->comp_order[i] : i;
			e->cfixed[c] = expr_fixed(e, f->computed[c].expr);
		}
		for (int q = 0; q < f->nquestions; q++)
			if (e->route[q] == ROUTE_OPEN && (e->route[q] = route_of(e, q)) != ROUTE_OPEN)
				moved = true;
	}
}

void engine_refresh(struct engine *e)
{
	const struct form *f = e->f;
	for (int c = 0; c < f->ncomputed; c++) {
		value_free(&e->cval[c]);
		e->cdone[c] = 0;
	}
	memset(e->qvis, 0, (size_t)f->nquestions);
	for (int s = 0; s < f->nsections; s++) {
		const struct section *sec = &f->sections[s];
		e->svis[s] = !sec->visible_if || eval_at(e, sec->visible_if, sec->first, -2) == 1;
		for (int q = sec->first; q < sec->first + sec->count; q++) {
			const struct question *qq = &f->questions[q];
			e->qvis[q] = e->svis[s] && (!qq->visible_if || eval_at(e, qq->visible_if, q, -1) == 1);
		}
	}
	for (int c = 0; c < f->ncomputed; c++) {
		struct value v = computed_value(e, c);
		value_free(&v);
	}
	settle_route(e);
}

bool engine_section_visible(const struct engine *e, int s)
{
	return e->svis[s] != 0;
}

bool engine_visible(const struct engine *e, int q)
{
	return q >= 0 && q < e->f->nquestions && e->qvis[q];
}

int engine_first(const struct engine *e)
{
	return engine_next(e, -1);
}

int engine_next(const struct engine *e, int q)
{
	for (int i = q + 1; i < e->f->nquestions; i++)
		if (e->qvis[i])
			return i;
	return -1;
}

int engine_prev(const struct engine *e, int q)
{
	for (int i = q - 1; i >= 0; i--)
		if (e->qvis[i])
			return i;
	return -1;
}

struct value engine_value(struct engine *e, int var)
{
	const struct var *v = &e->f->vars[var];
	switch (v->kind) {
	case VAR_ANSWER:
	case VAR_CELL: {
		const struct answer *a = &e->r->ans[v->slot];
		if (!e->qvis[v->question] || a->state != ANS_VALUE)
			return value_null();
		return value_copy(&a->v);
	}
	case VAR_COMPUTED:
		return computed_value(e, v->computed);
	case VAR_MATRIX:
	case VAR_EXPORT:
	case VAR_SECTION:
	case VAR_NOTE:
		break;
	}
	return value_null();
}

/* Slot state of a variable, for answered() and missing(). */
static const struct answer *answer_of(const struct engine *e, int var)
{
	const struct var *v = &e->f->vars[var];
	if (v->slot < 0 || !e->qvis[v->question])
		return NULL;
	return &e->r->ans[v->slot];
}


static struct value env_value(void *ctx, int var)
{
	return engine_value(ctx, var);
}

static int env_answered(void *ctx, int var)
{
	struct engine *e = ctx;
	const struct var *v = &e->f->vars[var];
	if (v->kind == VAR_MATRIX)
		return e->qvis[v->question] && engine_answered(e, v->question);
	const struct answer *a = answer_of(e, var);
	return a && a->state != ANS_EMPTY;
}

static int env_missing(void *ctx, int var, int32_t code, int any)
{
	struct engine *e = ctx;
	const struct var *v = &e->f->vars[var];
	if (v->kind == VAR_MATRIX) {
		const struct question *q = &e->f->questions[v->question];
		for (int r = 0; e->qvis[v->question] && r < q->nrows; r++)
			for (int c = 0; c < q->ncols; c++)
				if (env_missing(ctx, q->rows[r].var[c], code, any))
					return 1;
		return 0;
	}
	const struct answer *a = answer_of(e, var);
	return a && a->state == ANS_MISSING && (any || a->missing == code);
}

struct eval_env engine_env(struct engine *e)
{
	struct eval_env env = {e, env_value, env_answered, env_missing, e->today, 0};
	return env;
}

bool engine_answered(const struct engine *e, int qi)
{
	const struct question *q = &e->f->questions[qi];
	if (q->type == Q_NOTE)
		return false;
	if (q->type != Q_MATRIX)
		return e->r->ans[e->f->vars[q->var].slot].state != ANS_EMPTY;
	for (int r = 0; r < q->nrows; r++)
		for (int c = 0; c < q->ncols; c++)
			if (e->r->ans[e->f->vars[q->rows[r].var[c]].slot].state == ANS_EMPTY)
				return false;
	return true;
}

bool engine_counts(const struct engine *e, int q)
{
	return q >= 0 && q < e->f->nquestions && e->f->questions[q].type != Q_NOTE &&
	       e->route[q] != ROUTE_OFF;
}

/* Confirmations that a changed answer of question q no longer earns. */
static void drop_confirmations(struct engine *e, int q)
{
	const struct question *qq = &e->f->questions[q];
	for (int i = 0; i < qq->nchecks; i++)
		response_unconfirm(e->r, qq->checks[i].id);
	char id[48];
	snprintf(id, sizeof id, "%s.required", qq->id);
	response_unconfirm(e->r, id);
}

/* Bookkeeping after any change of slot 'slot'. */
static void changed(struct engine *e, int slot)
{
	drop_confirmations(e, e->f->vars[e->f->slot_var[slot]].question);
	engine_refresh(e);
}

void engine_set_value(struct engine *e, int slot, const struct value *v)
{
	response_set_value(e->r, slot, v, e->now());
	changed(e, slot);
}

void engine_set_missing(struct engine *e, int slot, int32_t code)
{
	response_set_missing(e->r, slot, code, e->now());
	changed(e, slot);
}

void engine_clear(struct engine *e, int slot)
{
	response_clear(e->r, slot, e->now());
	changed(e, slot);
}

void engine_set_other(struct engine *e, int slot, const char *text)
{
	response_set_other(e->r, slot, text, e->now());
	changed(e, slot);
}

void engine_toggle(struct engine *e, int qi, int32_t code)
{
	const struct question *q = &e->f->questions[qi];
	const struct choice *ch = form_choice(q->choices, code);
	int slot = e->f->vars[q->var].slot;
	const struct answer *a = &e->r->ans[slot];
	if (q->type != Q_MULTI || !ch)
		return;
	int32_t codes[LOADER_CODES_MAX];
	size_t n = 0;
	bool had = a->state == ANS_VALUE && value_set_has(&a->v, code);
	if (!had && !ch->exclusive && a->state == ANS_VALUE)
		for (uint32_t i = 0; i < a->v.u.set.n && n < LOADER_CODES_MAX; i++) {
			const struct choice *o = form_choice(q->choices, a->v.u.set.codes[i]);
			if (!o || !o->exclusive)
				codes[n++] = a->v.u.set.codes[i];
		}
	if (had && a->state == ANS_VALUE)
		for (uint32_t i = 0; i < a->v.u.set.n; i++)
			if (a->v.u.set.codes[i] != code)
				codes[n++] = a->v.u.set.codes[i];
	if (!had)
		codes[n++] = code;
	struct value v = value_set(codes, n);
	if (n == 0)
		engine_clear(e, slot);
	else
		engine_set_value(e, slot, &v);
	value_free(&v);
}

void engine_confirm(struct engine *e, const char *id)
{
	response_confirm(e->r, id);
	settle_route(e);
}
