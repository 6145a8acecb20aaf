/*
 * test_progress: the total does not jump as routing changes, a value the
 * checks reject is not answered, a completed response is all done; and on
 * the DESI form, answering forward never makes the total grow.
 */
#include <stdio.h>

#include "form/issue.h"
#include "form/progress.h"
#include "helpers.h"

#define HEAD "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\"," \
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"}],"
#define CH3 "\"choices\":[{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"},{\"code\":3,\"label\":\"vielleicht\"}]"

/* A filter A, two questions behind it, a section behind B, and D with a range. */
#define FILTERS HEAD "\"sections\":[" \
	"{\"id\":\"S1\",\"title\":\"Eins\",\"questions\":[" \
	"{\"id\":\"A\",\"type\":\"single\",\"text\":\"a\"," CH3 "}," \
	"{\"id\":\"B\",\"type\":\"single\",\"text\":\"b\",\"visible_if\":\"A == 1\"," CH3 "}," \
	"{\"id\":\"C\",\"type\":\"text\",\"text\":\"c\",\"visible_if\":\"A == 1 or A == 3\"}]}," \
	"{\"id\":\"S2\",\"title\":\"Zwei\",\"visible_if\":\"B == 1\",\"questions\":[" \
	"{\"id\":\"D\",\"type\":\"integer\",\"text\":\"d\",\"min\":0,\"max\":100}," \
	"{\"id\":\"E\",\"type\":\"text\",\"text\":\"e\"}]}," \
	"{\"id\":\"S3\",\"title\":\"Drei\",\"questions\":[" \
	"{\"id\":\"N\",\"type\":\"note\",\"text\":\"n\"}," \
	"{\"id\":\"F\",\"type\":\"text\",\"text\":\"f\"}]}]}"

struct fixture {
	struct form *f;
	struct response *r;
	struct engine e;
};

static void start(struct fixture *x, struct form *f)
{
	x->f = f;
	x->r = response_new(x->f, 1480000000);
	engine_init(&x->e, x->f, x->r);
}

static void stop(struct fixture *x)
{
	engine_free(&x->e);
	response_free(&x->r);
	form_free(&x->f);
}

static int total_of(struct fixture *x, int *answered)
{
	int a, t;
	progress_count(&x->e, &a, &t);
	if (answered)
		*answered = a;
	return t;
}

Test(progress, open_filters_count_their_questions_in)
{
	struct fixture x;
	start(&x, load_ok(FILTERS));
	cr_assert_eq(total_of(&x, NULL), 6, "A to F without the note: nothing decided yet");
	set_num(&x.e, "A", 1);
	cr_assert_eq(total_of(&x, NULL), 6, "B and C on the route, S2 waits for B");
	set_num(&x.e, "B", 2);
	cr_assert_eq(total_of(&x, NULL), 4, "B decided S2 away: D and E leave");
	set_num(&x.e, "B", 1);
	cr_assert_eq(total_of(&x, NULL), 6, "a changed answer may bring them back");
	stop(&x);
}

Test(progress, one_decisive_operand_decides_an_or)
{
	struct fixture x;
	start(&x, load_ok(FILTERS));
	set_num(&x.e, "A", 3);
	/* B off (A != 1); C on (A == 3); S2 reads B, which is off: decided away */
	cr_assert_eq(total_of(&x, NULL), 3, "A, C, F");
	engine_clear(&x.e, slot_of(x.f, "A"));
	cr_assert_eq(total_of(&x, NULL), 6, "cleared: open again");
	stop(&x);
}

Test(progress, a_left_blank_question_is_final)
{
	struct fixture x;
	start(&x, load_ok(FILTERS));
	set_num(&x.e, "A", 1);
	engine_confirm(&x.e, "B.required");
	/* B left blank on purpose: B == 1 is null, so S2 is decided away */
	cr_assert_eq(total_of(&x, NULL), 4);
	int done, total;
	progress_done(&x.e, &done, &total);
	cr_assert_eq(done, 2, "A answered, B left blank");
	stop(&x);
}

Test(progress, a_rejected_value_is_not_answered)
{
	struct fixture x;
	start(&x, load_ok(FILTERS));
	set_num(&x.e, "A", 1);
	set_num(&x.e, "B", 1);
	int answered;
	set_num(&x.e, "D", 250);
	cr_assert(engine_answered(&x.e, q_of(x.f, "D")), "the value is kept");
	total_of(&x, &answered);
	cr_assert_eq(answered, 2, "250 is outside 0 to 100: D does not count");
	set_num(&x.e, "D", 50);
	total_of(&x, &answered);
	cr_assert_eq(answered, 3);
	stop(&x);
}

Test(progress, a_completed_response_is_all_done)
{
	struct fixture x;
	start(&x, load_ok(FILTERS));
	set_num(&x.e, "A", 2);
	response_finish(x.r, 100);
	int done, total;
	progress_done(&x.e, &done, &total);
	cr_assert_eq(total, 2, "A and F");
	cr_assert_eq(done, total);
	stop(&x);
}

/* A random answer to question q, as a person might give it. */
static void answer(struct engine *e, int q, unsigned *seed)
{
	const struct question *qq = &e->f->questions[q];
	const struct var *v = qq->var >= 0 ? &e->f->vars[qq->var] : NULL;
	unsigned pick = (unsigned)rand_r(seed);
	if (qq->type != Q_MATRIX && qq->nmissing && pick % 9 == 0) {
		engine_set_missing(e, v->slot, qq->missing[0]);
		return;
	}
	struct value val = value_null();
	switch (qq->type) {
	case Q_SINGLE:
	case Q_SCALE:
		val = value_num(qq->choices->v[pick % (unsigned)qq->choices->n].code);
		break;
	case Q_MULTI:
		engine_toggle(e, q, qq->choices->v[pick % (unsigned)qq->choices->n].code);
		return;
	case Q_MATRIX:
		for (int r = 0; r < qq->nrows; r++)
			for (int c = 0; c < qq->ncols; c++) {
				const struct choicelist *cl = qq->cols[c].choices;
				struct value cv = value_num(cl->v[(unsigned)rand_r(seed) % (unsigned)cl->n].code);
				engine_set_value(e, e->f->vars[qq->rows[r].var[c]].slot, &cv);
			}
		return;
	case Q_INTEGER:
	case Q_DECIMAL:
		val = value_num(qq->has_min ? qq->min + pick % 50 : pick % 50);
		break;
	case Q_TEXT:
	case Q_TEXTAREA:
		val = value_str("Antwort");
		break;
	case Q_DATE:
		val = value_date(17000);
		break;
	case Q_NOTE:
		return;
	}
	engine_set_value(e, v->slot, &val);
	value_free(&val);
}

Test(progress, desi_answering_forward_never_grows_the_total)
{
	char path[512];
	snprintf(path, sizeof path, "%s/desi-kommunen-2016.json", FORMS_DIR);
	int walks_shrunk = 0;
	for (unsigned walk = 0; walk < 40; walk++) {
		struct form *f;
		struct diag dg;
		cr_assert_eq(loader_load_file(path, &f, &dg), 0);
		diag_free(&dg);
		struct fixture x;
		start(&x, f);
		unsigned seed = walk * 7919u + 1;
		int before = total_of(&x, NULL), steps = 0, shrunk = 0;
		for (int q = engine_first(&x.e); q >= 0; q = engine_next(&x.e, q)) {
			answer(&x.e, q, &seed);
			int now = total_of(&x, NULL);
			cr_assert_leq(now, before, "walk %u: %s made the total grow from %d to %d",
			              walk, f->questions[q].id, before, now);
			shrunk += now < before;
			before = now;
			steps++;
		}
		cr_assert_gt(steps, 20, "walk %u reached the end", walk);
		int shown = 0;
		for (int q = 0; q < f->nquestions; q++)
			shown += engine_visible(&x.e, q) && f->questions[q].type != Q_NOTE;
		cr_assert_eq(before, shown, "walk %u: at the end the total is the questions on the route", walk);
		walks_shrunk += shrunk > 0;
		stop(&x);
	}
	cr_assert_gt(walks_shrunk, 10, "routing took questions out on most walks");
}
