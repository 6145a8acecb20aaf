/*
 * test_walk: random walks find unreachable questions, checks that never or
 * always fire, run-time failures and unfinishable forms, and pass clean ones.
 */
#include "form/walk.h"
#include "helpers.h"

#define HEAD "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\","
#define CH2 "\"choices\":[{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"}]"

static struct form *walked(const char *json, int n, struct walk_report *rep)
{
	struct form *f = load_ok(json);
	walk_run(f, n, 42, rep);
	return f;
}

Test(walk, bundled_forms_pass)
{
	const char *names[] = {"beispiel.json", "desi-kommunen-2016.json"};
	for (int i = 0; i < 2; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", FORMS_DIR, names[i]);
		struct form *f;
		struct diag d;
		cr_assert_eq(loader_load_file(path, &f, &d), 0);
		diag_free(&d);
		struct walk_report rep;
		walk_run(f, 300, 7, &rep);
		cr_assert_eq(rep.completed, 300, "%s: %s", names[i], rep.first_stuck);
		cr_assert(walk_ok(f, &rep), "%s", names[i]);
		walk_free(f, &rep);
		form_free(&f);
	}
}

Test(walk, unreachable_question)
{
	struct walk_report rep;
	struct form *f = walked(HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	                        "{\"id\":\"A\",\"type\":\"single\",\"text\":\"a\",\"required\":true," CH2 "},"
	                        "{\"id\":\"B\",\"type\":\"text\",\"text\":\"b\",\"visible_if\":\"A == 1 and A == 2\"}]}]}",
	                        200, &rep);
	cr_assert_eq(rep.reached[0], 200);
	cr_assert_eq(rep.reached[1], 0);
	cr_assert_not(walk_ok(f, &rep));
	walk_free(f, &rep);
	form_free(&f);
}

Test(walk, checks_that_never_or_always_fire)
{
	struct walk_report rep;
	struct form *f = walked(HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	                        "{\"id\":\"N\",\"type\":\"integer\",\"text\":\"n\",\"required\":true,\"min\":0,\"max\":100,"
	                        "\"checks\":[{\"valid_if\":\"N >= 0\",\"message\":\"nie\",\"severity\":\"warning\"},"
	                        "{\"valid_if\":\"N > 1000\",\"message\":\"immer\",\"severity\":\"warning\"},"
	                        "{\"valid_if\":\"N < 50\",\"message\":\"manchmal\",\"severity\":\"warning\"}]}]}]}",
	                        300, &rep);
	cr_assert_eq(rep.checks[0][0].fired, 0);
	cr_assert_eq(rep.checks[0][1].passed, 0);
	cr_assert_gt(rep.checks[0][1].fired, 0);
	cr_assert_gt(rep.checks[0][2].fired, 0);
	cr_assert_gt(rep.checks[0][2].passed, 0);
	cr_assert_eq(rep.completed, 300, "warnings are confirmed");
	cr_assert_not(walk_ok(f, &rep));
	walk_free(f, &rep);
	form_free(&f);
}

Test(walk, run_time_failures_are_reported)
{
	struct walk_report rep;
	struct form *f = walked(HEAD "\"computed\":[{\"id\":\"Q\",\"expr\":\"100 / N\"}],"
	                        "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	                        "{\"id\":\"N\",\"type\":\"integer\",\"text\":\"n\",\"required\":true,\"min\":0,\"max\":3}]}]}",
	                        100, &rep);
	cr_assert_eq(rep.nfaults, 1);
	cr_assert_eq(rep.faults[0].question, -1, "the computed value Q");
	cr_assert(rep.faults[0].bits & EVAL_DIV_ZERO);
	cr_assert_not(walk_ok(f, &rep));
	walk_free(f, &rep);
	form_free(&f);
}

Test(walk, unfinishable_form)
{
	struct walk_report rep;
	struct form *f = walked(HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	                        "{\"id\":\"N\",\"type\":\"integer\",\"text\":\"n\",\"required\":true,\"min\":0,\"max\":3,"
	                        "\"checks\":[{\"valid_if\":\"N > 3\",\"message\":\"unmöglich\"}]}]}]}",
	                        20, &rep);
	cr_assert_eq(rep.completed, 0);
	cr_assert(strstr(rep.first_stuck, "unmöglich"), "%s", rep.first_stuck);
	walk_free(f, &rep);
	form_free(&f);
}

Test(walk, same_seed_same_result)
{
	char path[512];
	snprintf(path, sizeof path, "%s/desi-kommunen-2016.json", FORMS_DIR);
	struct form *f;
	struct diag d;
	cr_assert_eq(loader_load_file(path, &f, &d), 0);
	diag_free(&d);
	struct walk_report a, b;
	walk_run(f, 50, 99, &a);
	walk_run(f, 50, 99, &b);
	for (int q = 0; q < f->nquestions; q++) {
		cr_assert_eq(a.reached[q], b.reached[q]);
		for (int i = 0; i < f->questions[q].nchecks; i++)
			cr_assert_eq(a.checks[q][i].fired, b.checks[q][i].fired);
	}
	walk_free(f, &a);
	walk_free(f, &b);
	form_free(&f);
}

Test(walk, patterns_are_matched_by_generated_text)
{
	struct walk_report rep;
	struct form *f = walked(HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	                        "{\"id\":\"P\",\"type\":\"text\",\"text\":\"p\",\"required\":true,\"maxlength\":12,"
	                        "\"pattern\":\"[A-Z]{2}-[0-9]{3,5}|x+\"}]}]}",
	                        100, &rep);
	cr_assert_eq(rep.no_pattern[0], 0);
	cr_assert_eq(rep.completed, 100);
	walk_free(f, &rep);
	form_free(&f);
}

Test(walk, upper_bound_below_zero_gets_numbers)
{
	struct form *f = load_ok(
		"{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\",\"missing\":[],"
		"\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":["
		"{\"id\":\"n\",\"type\":\"integer\",\"text\":\"n\",\"max\":-5,\"required\":true}]}]}");
	struct response *r = response_new(f, 0);
	cr_expect(walk_fill(f, r, 3, 0), "the walk finishes");
	const struct answer *a = &r->ans[0];
	cr_assert_eq(a->state, ANS_VALUE);
	cr_expect_leq(a->v.u.num, -5);
	response_free(&r);
	form_free(&f);
}
