/*
 * walk: random walks and their report.
 */
#include "form/walk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form/diag.h"
#include "form/engine.h"
#include "form/eval.h"
#include "form/issue.h"
#include "form/regen.h"
#include "util/date.h"
#include "util/i18n.h"
#include "util/rng.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct walker {
	const struct form *f;
	struct walk_report *rep;
	struct rng rng;
	struct engine e;
};

static const char *const words[] = {
	"Integration", "Begegnung", "Ehrenamt", "Sprachkurs", "Wohnraum", "Jobcenter",
	"Willkommensinitiative", "Müller", "Größe", "Übergang", "Straße", "Köln", "Zusammenhalt",
};

/* Record a fault once per site, counting repeats. */
static void on_fault(void *ctx, int q, int check, unsigned bits)
{
	struct walk_report *rep = ctx;
	for (int i = 0; i < rep->nfaults; i++)
		if (rep->faults[i].question == q && rep->faults[i].check == check) {
			rep->faults[i].bits |= bits;
			rep->faults[i].count++;
			return;
		}
	rep->faults = xreallocarray(rep->faults, (size_t)rep->nfaults + 1, sizeof *rep->faults);
	rep->faults[rep->nfaults++] = (struct walk_fault){q, check, bits, 1};
}

/* A random number: uniform within both bounds, else spread over magnitudes. */
static double random_number(struct walker *w, const struct question *q)
{
	double lo = q->has_min ? q->min : 0, hi = q->has_max ? q->max : lo + 1e6;
	if (!q->has_min && hi < lo) /* only an upper bound, below zero */
		lo = hi - 1e6;
	double x;
	if (q->has_min && q->has_max && hi - lo < 1e6)
		x = lo + rng_unit(&w->rng) * (hi - lo);
	else
		x = lo + pow(10, rng_unit(&w->rng) * log10(hi - lo + 1)) - 1;
	if (x > hi)
		x = hi;
	double scale = pow(10, q->type == Q_DECIMAL ? q->decimals : 0);
	x = floor(x * scale) / scale;
	return x < lo ? lo : x;
}

/* The literal dates (date("…")) an expression compares with: up to 'max'. */
static int literal_dates(const struct expr *x, int32_t *out, int n, int max)
{
	if (!x || n >= max)
		return n;
	if (x->op == E_CALL && x->fn == F_DATE)
		out[n++] = x->date;
	for (int i = 0; i < x->nargs; i++)
		n = literal_dates(x->args[i], out, n, max);
	n = literal_dates(x->l, out, n, max);
	return literal_dates(x->r, out, n, max);
}

/*
 * A random date within the question's bounds. One in four lands within a
 * month of a date its checks name, so that a check about a short period
 * (closed for two months) fires in a walk whatever day today is.
 */
static int32_t random_date(struct walker *w, const struct question *q)
{
	const struct engine *e = &w->e;
	int32_t lo = q->min_today ? e->today : q->has_min ? (int32_t)q->min : e->today - 7300;
	int32_t hi = q->max_today ? e->today : q->has_max ? (int32_t)q->max : e->today + 365;
	if (hi < lo)
		hi = lo;
	int32_t near[8];
	int n = 0;
	for (int i = 0; i < q->nchecks; i++)
		n = literal_dates(q->checks[i].valid_if, near, n, 8);
	if (n && rng_chance(&w->rng, 25)) {
		int32_t d = near[rng_below(&w->rng, (uint64_t)n)] - 31 + (int32_t)rng_below(&w->rng, 63);
		if (d >= lo && d <= hi)
			return d;
	}
	return (int32_t)rng_range(&w->rng, lo, hi);
}

/* Random text: mostly plausible words, sometimes junk, always within maxlength. */
static char *free_text(struct walker *w, const struct question *q)
{
	static const char *const junk = "0123456789 abcdefghijklmnopqrstuvwxyzÄÖÜäöüß";
	size_t n;
	if (rng_chance(&w->rng, 75)) {
		const char *wd = words[rng_below(&w->rng, sizeof words / sizeof words[0])];
		n = strlen(wd);
		return xstrndup(wd, utf8_offset(wd, n, (size_t)q->maxlength));
	}
	int len = (int)rng_range(&w->rng, 1, q->maxlength < 12 ? q->maxlength : 12);
	size_t jn = strlen(junk);
	char *s = xmalloc((size_t)len * 4 + 1);
	size_t o = 0;
	for (int i = 0; i < len; i++) {
		size_t at = utf8_offset(junk, jn, rng_below(&w->rng, utf8_count(junk, jn)));
		size_t k = utf8_offset(junk + at, jn - at, 1);
		memcpy(s + o, junk + at, k);
		o += k;
	}
	s[o] = '\0';
	return s;
}

/* Random text matching the question's pattern, or NULL if none was found. */
static char *random_text(struct walker *w, const struct question *q, int qi)
{
	if (!q->re)
		return free_text(w, q);
	for (int tries = 0; tries < 50; tries++) {
		char *s = regen_sample(q->pattern, &w->rng, q->maxlength);
		if (!s)
			break;
		if (utf8_count(s, strlen(s)) <= (size_t)q->maxlength &&
		    regexec(q->re, s, 0, NULL, 0) == 0)
			return s;
		free(s);
	}
	w->rep->no_pattern[qi]++;
	return NULL;
}

/* A random value for one slot with the given choices (or the question's type). */
static void random_slot(struct walker *w, const struct question *q, int qi, int slot,
                        const struct choicelist *cl)
{
	struct engine *e = &w->e;
	if (q->nmissing && rng_chance(&w->rng, 8)) {
		engine_set_missing(e, slot, q->missing[rng_below(&w->rng, (uint64_t)q->nmissing)]);
		return;
	}
	if (q->req != REQ_HARD && rng_chance(&w->rng, 8)) {
		engine_clear(e, slot);
		return;
	}
	struct value v = value_null();
	if (cl) {
		const struct choice *c = &cl->v[rng_below(&w->rng, (uint64_t)cl->n)];
		v = value_num(c->code);
		engine_set_other(e, slot, c->other ? "Eigene Angabe" : NULL);
	} else if (q->type == Q_INTEGER || q->type == Q_DECIMAL) {
		v = value_num(random_number(w, q));
	} else if (q->type == Q_TEXT || q->type == Q_TEXTAREA) {
		char *s = random_text(w, q, qi);
		if (s)
			v = value_str_take(s);
	} else if (q->type == Q_DATE) {
		v = value_date(random_date(w, q));
	}
	engine_set_value(e, slot, &v);
	value_free(&v);
}

/* A random set of options for a multi question. */
static void random_multi(struct walker *w, const struct question *q, int qi)
{
	struct engine *e = &w->e;
	int slot = w->f->vars[q->var].slot;
	if (q->nmissing && rng_chance(&w->rng, 8)) {
		engine_set_missing(e, slot, q->missing[rng_below(&w->rng, (uint64_t)q->nmissing)]);
		return;
	}
	engine_clear(e, slot);
	int n = q->choices->n;
	int lo = q->min_picks > 0 ? q->min_picks : 1, hi = q->max_picks > 0 ? q->max_picks : n;
	int picks = (int)rng_range(&w->rng, lo, hi < lo ? lo : hi);
	for (int i = 0; i < picks; i++)
		engine_toggle(e, qi, q->choices->v[rng_below(&w->rng, (uint64_t)n)].code);
	const struct answer *a = &e->r->ans[slot];
	bool other = false;
	for (uint32_t i = 0; a->state == ANS_VALUE && i < a->v.u.set.n; i++) {
		const struct choice *c = form_choice(q->choices, a->v.u.set.codes[i]);
		other |= c && c->other;
	}
	engine_set_other(e, slot, other ? "Eigene Angabe" : NULL);
}

/* Give question qi a random answer. */
static void answer(struct walker *w, int qi)
{
	const struct question *q = &w->f->questions[qi];
	switch (q->type) {
	case Q_NOTE:
		return;
	case Q_MULTI:
		random_multi(w, q, qi);
		return;
	case Q_MATRIX:
		for (int r = 0; r < q->nrows; r++)
			for (int c = 0; c < q->ncols; c++)
				random_slot(w, q, qi, w->f->vars[q->rows[r].var[c]].slot, q->cols[c].choices);
		return;
	case Q_SINGLE: case Q_SCALE: case Q_INTEGER: case Q_DECIMAL:
	case Q_TEXT: case Q_TEXTAREA: case Q_DATE:
		random_slot(w, q, qi, w->f->vars[q->var].slot, q->choices);
		return;
	}
}

/* Count how each check of qi judges the answer just given. */
static void tally_checks(struct walker *w, int qi)
{
	const struct question *q = &w->f->questions[qi];
	for (int i = 0; i < q->nchecks; i++) {
		struct eval_env env = engine_env(&w->e);
		int ok = eval_bool(q->checks[i].valid_if, &env);
		struct walk_check *c = &w->rep->checks[qi][i];
		c->evaluated++;
		c->fired += ok == 0;
		c->passed += ok == 1;
	}
}

/* Answer qi until it has no error, falling back to a missing code or a blank. */
static void settle(struct walker *w, int qi)
{
	const struct question *q = &w->f->questions[qi];
	for (int attempt = 0; attempt < 30; attempt++) {
		struct issues is = {0};
		issue_collect(&w->e, qi, &is);
		bool bad = issue_blocking(&is, false);
		for (int i = 0; i < is.n; i++)
			if (is.v[i].sev == SEV_WARNING && !is.v[i].confirmed)
				engine_confirm(&w->e, is.v[i].id);
		issue_free_list(&is);
		if (!bad)
			return;
		if (attempt < 25) {
			answer(w, qi);
			tally_checks(w, qi);
		}
		else if (q->nmissing && q->type != Q_MATRIX)
			engine_set_missing(&w->e, w->f->vars[q->var].slot, q->missing[0]);
		else if (q->req != REQ_HARD && q->type != Q_MATRIX)
			engine_clear(&w->e, w->f->vars[q->var].slot);
	}
}

/* One walk from the first question to the end, answering into r; whether
 * nothing blocks finishing at the end. */
static bool walk_route(struct walker *w, struct response *r, char *seen)
{
	const struct form *f = w->f;
	engine_init(&w->e, f, r);
	w->e.on_fault = on_fault;
	w->e.fault_ctx = w->rep;
	memset(seen, 0, (size_t)f->nquestions);
	for (int q = engine_first(&w->e); q >= 0; q = engine_next(&w->e, q)) {
		if (!seen[q]++)
			w->rep->reached[q]++;
		answer(w, q);
		tally_checks(w, q);
		settle(w, q);
	}
	struct issues is = {0};
	issue_blockers(&w->e, &is);
	for (int i = 0; i < is.n; i++)
		if (is.v[i].sev == SEV_WARNING)
			engine_confirm(&w->e, is.v[i].id);
	issue_free_list(&is);
	issue_blockers(&w->e, &is);
	bool done = is.n == 0;
	if (done)
		w->rep->completed++;
	else if (!w->rep->first_stuck)
		w->rep->first_stuck = xasprintf(_("Frage „%s“: %s"), f->questions[is.v[0].question].id,
		                                is.v[0].msg);
	issue_free_list(&is);
	engine_free(&w->e);
	return done;
}

/* Empty counters for 'walks' walks. */
static void start_report(const struct form *f, int walks, uint64_t seed, struct walk_report *rep)
{
	memset(rep, 0, sizeof *rep);
	rep->walks = walks;
	rep->seed = seed;
	rep->reached = xcalloc((size_t)f->nquestions + 1, sizeof *rep->reached);
	rep->no_pattern = xcalloc((size_t)f->nquestions + 1, sizeof *rep->no_pattern);
	rep->checks = xcalloc((size_t)f->nquestions + 1, sizeof *rep->checks);
	for (int q = 0; q < f->nquestions; q++)
		rep->checks[q] = xcalloc((size_t)f->questions[q].nchecks + 1, sizeof **rep->checks);
}

void walk_run(const struct form *f, int walks, uint64_t seed, struct walk_report *rep)
{
	start_report(f, walks, seed, rep);
	struct walker w = {.f = f, .rep = rep};
	rng_seed(&w.rng, seed);
	char *seen = xmalloc((size_t)f->nquestions + 1);
	for (int i = 0; i < walks; i++) {
		struct response *r = response_new(f, 0);
		walk_route(&w, r, seen);
		response_free(&r);
	}
	free(seen);
}

bool walk_fill(const struct form *f, struct response *r, uint64_t seed, int64_t now)
{
	struct walk_report rep;
	start_report(f, 1, seed, &rep);
	struct walker w = {.f = f, .rep = &rep};
	rng_seed(&w.rng, seed);
	char *seen = xmalloc((size_t)f->nquestions + 1);
	bool done = walk_route(&w, r, seen);
	free(seen);
	walk_free(f, &rep);
	if (done)
		response_finish(r, now);
	return done;
}
bool walk_ok(const struct form *f, const struct walk_report *rep)
{
	if (rep->completed != rep->walks || rep->nfaults)
		return false;
	for (int q = 0; q < f->nquestions; q++) {
		if (!rep->reached[q])
			return false;
		for (int i = 0; i < f->questions[q].nchecks; i++)
			if (!rep->checks[q][i].fired || !rep->checks[q][i].passed)
				return false;
	}
	return true;
}

/* "file:line:column: " for a position, if the source is at hand. */
static void where(FILE *out, const struct form *f, const char *src, size_t len, size_t pos)
{
	int line, col;
	if (!src)
		return;
	diag_linecol(src, len, pos, &line, &col);
	fprintf(out, "%s:%d:%d: ", f->file, line, col);
}

/* One line about a run-time fault: where it happened, how often, and what. */
static void fault_line(FILE *out, const struct form *f, const struct walk_fault *x)
{
	char site[200];
	if (x->question < 0)
		/* TRANSLATORS: this and the next three complete "run-time error in %s". */
		snprintf(site, sizeof site, _("berechneter Wert „%s“"),
		         f->computed[-1 - x->question].id);
	else if (x->check >= 0)
		snprintf(site, sizeof site, _("Prüfung „%s“"),
		         f->questions[x->question].checks[x->check].id);
	else if (x->check == -2)
		snprintf(site, sizeof site, _("visible_if des Abschnitts vor Frage „%s“"),
		         f->questions[x->question].id);
	else
		snprintf(site, sizeof site, _("visible_if von Frage „%s“"),
		         f->questions[x->question].id);
	/* TRANSLATORS: followed by the kinds of error, each ending in ";". */
	fprintf(out, P_("Laufzeitfehler in %s (%d-mal):", "Laufzeitfehler in %s (%d-mal):",
	                (unsigned long)x->count),
	        site, x->count);
	for (unsigned bit = 1; bit <= EVAL_BAD_DATE; bit <<= 1)
		if (x->bits & bit)
			fprintf(out, " %s;", eval_fault_name(bit));
	fprintf(out, "\n");
}

void walk_print(const struct form *f, const struct walk_report *rep, const char *src,
                size_t srclen, FILE *out)
{
	fprintf(out, P_("%s: %d Zufallsdurchlauf (Startwert %llu), %d abgeschlossen\n",
	                "%s: %d Zufallsdurchläufe (Startwert %llu), %d abgeschlossen\n",
	                (unsigned long)rep->walks),
	        f->file, rep->walks, (unsigned long long)rep->seed, rep->completed);
	for (int q = 0; q < f->nquestions; q++) {
		const struct question *qq = &f->questions[q];
		if (!rep->reached[q]) {
			where(out, f, src, srclen, qq->pos);
			fprintf(out, _("Frage „%s“ wurde in keinem Durchlauf erreicht\n"), qq->id);
		}
		if (rep->no_pattern[q]) {
			where(out, f, src, srclen, qq->pos);
			fprintf(out, P_("Hinweis: zu Frage „%s“ ließ sich in %d Durchlauf kein Text "
			                "erzeugen, der auf das Muster passt\n",
			                "Hinweis: zu Frage „%s“ ließ sich in %d Durchläufen kein Text "
			                "erzeugen, der auf das Muster passt\n",
			                (unsigned long)rep->no_pattern[q]),
			        qq->id, rep->no_pattern[q]);
		}
		for (int i = 0; i < qq->nchecks; i++) {
			const struct walk_check *c = &rep->checks[q][i];
			if (!rep->reached[q] || (c->fired && c->passed))
				continue;
			where(out, f, src, srclen, qq->checks[i].pos);
			if (!c->fired)
				fprintf(out, P_("Prüfung „%s“ hat nie ausgelöst (%d-mal geprüft)\n",
				                "Prüfung „%s“ hat nie ausgelöst (%d-mal geprüft)\n",
				                (unsigned long)c->evaluated),
				        qq->checks[i].id, c->evaluated);
			else
				fprintf(out, _("Prüfung „%s“ hat immer ausgelöst (%d von %d)\n"),
				        qq->checks[i].id, c->fired, c->evaluated);
		}
	}
	for (int i = 0; i < rep->nfaults; i++) {
		const struct walk_fault *x = &rep->faults[i];
		if (x->question >= 0)
			where(out, f, src, srclen, x->check >= 0 ? f->questions[x->question].checks[x->check].pos
			                                         : f->questions[x->question].pos);
		fault_line(out, f, x);
	}
	if (rep->completed != rep->walks)
		fprintf(out, P_("%s: %d Durchlauf ließ sich nicht abschließen; zuerst: %s\n",
		                "%s: %d Durchläufe ließen sich nicht abschließen; zuerst: %s\n",
		                (unsigned long)(rep->walks - rep->completed)),
		        f->file, rep->walks - rep->completed, rep->first_stuck ? rep->first_stuck : "?");
}

void walk_free(const struct form *f, struct walk_report *rep)
{
	for (int q = 0; rep->checks && q < f->nquestions; q++)
		free(rep->checks[q]);
	free(rep->checks);
	free(rep->reached);
	free(rep->no_pattern);
	free(rep->faults);
	free(rep->first_stuck);
	memset(rep, 0, sizeof *rep);
}
