/*
 * test_engine: routing, computed values, validation, confirmations,
 * progress and piping on small forms made for each case.
 */
#include "form/issue.h"
#include "form/pipe.h"
#include "form/progress.h"
#include "helpers.h"

#define HEAD "{\"id\":\"t\",\"title\":\"T\",\"version\":\"1\",\"language\":\"de\"," \
	"\"missing\":[{\"code\":-1,\"label\":\"weiß nicht\",\"key\":\"w\"},{\"code\":-2,\"label\":\"keine Angabe\",\"key\":\"k\"}],"
#define CH3 "\"choices\":[{\"code\":1,\"label\":\"ja\"},{\"code\":2,\"label\":\"nein\"},{\"code\":3,\"label\":\"vielleicht\"}]"

static int64_t fixed_clock(void)
{
	return 1480000000;
}

struct fixture {
	struct form *f;
	struct response *r;
	struct engine e;
};

static void start(struct fixture *x, const char *json)
{
	x->f = load_ok(json);
	x->r = response_new(x->f, fixed_clock());
	engine_init(&x->e, x->f, x->r);
	x->e.now = fixed_clock;
}

static void stop(struct fixture *x)
{
	engine_free(&x->e);
	response_free(&x->r);
	form_free(&x->f);
}

/* Issues of question 'id' as one string "kind:sev:confirmed:msg|…". */
static char *issues_of(struct fixture *x, const char *id)
{
	struct issues l = {0};
	issue_collect(&x->e, q_of(x->f, id), &l);
	struct sbuf b = {0};
	for (int i = 0; i < l.n; i++)
		sbuf_printf(&b, "%d:%c:%d:%s|", (int)l.v[i].kind, l.v[i].sev == SEV_ERROR ? 'E' : 'W',
		            l.v[i].confirmed, l.v[i].msg);
	issue_free_list(&l);
	return sbuf_take(&b);
}

#define ROUTING HEAD "\"sections\":[" \
	"{\"id\":\"S1\",\"title\":\"Eins\",\"questions\":[" \
	"{\"id\":\"A\",\"type\":\"single\",\"text\":\"a\"," CH3 "}," \
	"{\"id\":\"B\",\"type\":\"text\",\"text\":\"b\",\"visible_if\":\"A == 1\"}," \
	"{\"id\":\"C\",\"type\":\"text\",\"text\":\"c\",\"visible_if\":\"not (A == 1)\"}]}," \
	"{\"id\":\"S2\",\"title\":\"Zwei\",\"visible_if\":\"A != 2\",\"questions\":[" \
	"{\"id\":\"D\",\"type\":\"integer\",\"text\":\"d\",\"min\":0}," \
	"{\"id\":\"E\",\"type\":\"text\",\"text\":\"e\",\"visible_if\":\"answered(B)\"}]}]}"

Test(engine, routing_follows_answers_and_hides_on_null)
{
	struct fixture x;
	start(&x, ROUTING);
	/* A unanswered: comparisons are null, so B, C and section S2 are hidden */
	cr_assert(engine_visible(&x.e, q_of(x.f, "A")));
	cr_assert_not(engine_visible(&x.e, q_of(x.f, "B")));
	cr_assert_not(engine_visible(&x.e, q_of(x.f, "C")));
	cr_assert_not(engine_section_visible(&x.e, 1));
	cr_assert_eq(engine_next(&x.e, q_of(x.f, "A")), -1);
	set_num(&x.e, "A", 1);
	cr_assert(engine_visible(&x.e, q_of(x.f, "B")));
	cr_assert_not(engine_visible(&x.e, q_of(x.f, "C")));
	cr_assert_eq(engine_next(&x.e, q_of(x.f, "B")), q_of(x.f, "D"));
	set_str(&x.e, "B", "Text");
	cr_assert(engine_visible(&x.e, q_of(x.f, "E")));
	set_num(&x.e, "A", 2);
	cr_assert_not(engine_section_visible(&x.e, 1), "A != 2 is false");
	cr_assert_not(engine_visible(&x.e, q_of(x.f, "D")), "a hidden section hides its questions");
	cr_assert(engine_visible(&x.e, q_of(x.f, "C")));
	cr_assert_eq(engine_prev(&x.e, q_of(x.f, "C")), q_of(x.f, "A"));
	/* B's answer is kept while hidden, but reads as null */
	cr_assert_eq(x.r->ans[slot_of(x.f, "B")].state, ANS_VALUE);
	struct value v = engine_value(&x.e, form_var(x.f, "B"));
	cr_assert_eq(v.type, VT_NULL);
	stop(&x);
}

Test(engine, missing_codes_are_answers_but_read_as_null)
{
	struct fixture x;
	start(&x, ROUTING);
	engine_set_missing(&x.e, slot_of(x.f, "A"), -1);
	cr_assert(engine_answered(&x.e, q_of(x.f, "A")));
	struct value v = engine_value(&x.e, form_var(x.f, "A"));
	cr_assert_eq(v.type, VT_NULL);
	cr_assert_not(engine_visible(&x.e, q_of(x.f, "C")), "not (null) is null: hidden");
	int answered, visible;
	progress_count(&x.e, &answered, &visible);
	cr_assert_eq(answered, 1);
	cr_assert_eq(visible, 1);
	stop(&x);
}

Test(engine, progress_counts_visible_questions)
{
	struct fixture x;
	start(&x, ROUTING);
	set_num(&x.e, "A", 3);
	int answered, visible;
	progress_count(&x.e, &answered, &visible);
	cr_assert_eq(visible, 3, "A, C, D");
	cr_assert_eq(answered, 1);
	set_num(&x.e, "D", 4);
	progress_count(&x.e, &answered, &visible);
	cr_assert_eq(answered, 2);
	stop(&x);
}

#define VALID HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":[" \
	"{\"id\":\"N\",\"type\":\"integer\",\"text\":\"n\",\"required\":true,\"min\":0,\"max\":500}," \
	"{\"id\":\"P\",\"type\":\"integer\",\"text\":\"p\",\"required\":\"soft\",\"min\":0," \
	" \"checks\":[{\"valid_if\":\"P <= N\",\"message\":\"Mehr als {N} Personen?\",\"severity\":\"warning\"}," \
	"             {\"valid_if\":\"P != 13\",\"message\":\"13 geht nicht\"}]}," \
	"{\"id\":\"X\",\"type\":\"decimal\",\"text\":\"x\",\"decimals\":1,\"missing\":[]}," \
	"{\"id\":\"T\",\"type\":\"text\",\"text\":\"t\",\"maxlength\":5,\"pattern\":\"[0-9]+\",\"pattern_message\":\"Nur Ziffern\"}," \
	"{\"id\":\"M\",\"type\":\"multi\",\"text\":\"m\",\"min\":2,\"max\":3,\"choices\":[" \
	" {\"code\":1,\"label\":\"a\"},{\"code\":2,\"label\":\"b\"},{\"code\":3,\"label\":\"c\"},{\"code\":4,\"label\":\"d\"}," \
	" {\"code\":8,\"label\":\"Sonstiges\",\"other\":true},{\"code\":9,\"label\":\"keine\",\"exclusive\":true}]}," \
	"{\"id\":\"D\",\"type\":\"date\",\"text\":\"d\",\"min\":\"2016-01-01\",\"max\":\"2016-12-31\"}]}]}"

Test(engine, required_and_ranges)
{
	struct fixture x;
	start(&x, VALID);
	char *s = issues_of(&x, "N");
	cr_assert_str_eq(s, "0:E:0:Bitte beantworten Sie diese Frage.|");
	free(s);
	set_num(&x.e, "N", 501);
	s = issues_of(&x, "N");
	cr_assert_str_eq(s, "2:E:0:Bitte geben Sie eine Zahl von 0 bis 500 ein.|");
	free(s);
	set_num(&x.e, "N", 2.5);
	s = issues_of(&x, "N");
	cr_assert(strstr(s, "ganze Zahl"), "%s", s);
	free(s);
	engine_set_missing(&x.e, slot_of(x.f, "N"), -1);
	s = issues_of(&x, "N");
	cr_assert_str_eq(s, "", "a missing code satisfies required");
	free(s);
	engine_set_missing(&x.e, slot_of(x.f, "X"), -2);
	s = issues_of(&x, "X");
	cr_assert(strstr(s, "nicht vorgesehen"), "X offers no missing codes: %s", s);
	free(s);
	set_num(&x.e, "X", 1.25);
	s = issues_of(&x, "X");
	cr_assert(strstr(s, "höchstens 1 Nachkommastelle an"), "%s", s);
	free(s);
	stop(&x);
}

Test(engine, soft_required_and_warnings_need_confirmation)
{
	struct fixture x;
	start(&x, VALID);
	char *s = issues_of(&x, "P");
	cr_assert(strstr(s, "1:W:0:Diese Frage ist noch offen"), "%s", s);
	free(s);
	engine_confirm(&x.e, "P.required");
	s = issues_of(&x, "P");
	cr_assert(strstr(s, "1:W:1:"), "confirmed now: %s", s);
	free(s);
	set_num(&x.e, "N", 10);
	set_num(&x.e, "P", 12);
	s = issues_of(&x, "P");
	cr_assert_str_eq(s, "10:W:0:Mehr als 10 Personen?|", "piped message");
	free(s);
	engine_confirm(&x.e, "P.1");
	cr_assert(response_is_confirmed(x.r, "P.1"));
	struct issues l = {0};
	issue_blockers(&x.e, &l);
	for (int i = 0; i < l.n; i++)
		cr_assert_neq(l.v[i].question, q_of(x.f, "P"), "confirmed warning does not block");
	issue_free_list(&l);
	set_num(&x.e, "P", 13);
	cr_assert_not(response_is_confirmed(x.r, "P.1"), "a changed answer drops the confirmation");
	s = issues_of(&x, "P");
	cr_assert(strstr(s, "10:E:0:13 geht nicht"), "%s", s);
	free(s);
	stop(&x);
}

Test(engine, text_length_and_pattern)
{
	struct fixture x;
	start(&x, VALID);
	set_str(&x.e, "T", "12a");
	char *s = issues_of(&x, "T");
	cr_assert_str_eq(s, "4:E:0:Nur Ziffern|");
	free(s);
	set_str(&x.e, "T", "123456");
	s = issues_of(&x, "T");
	cr_assert(strstr(s, "6 Zeichen lang; erlaubt sind höchstens 5"), "%s", s);
	free(s);
	set_str(&x.e, "T", "12345");
	s = issues_of(&x, "T");
	cr_assert_str_eq(s, "");
	free(s);
	stop(&x);
}

Test(engine, multi_exclusive_picks_and_other)
{
	struct fixture x;
	start(&x, VALID);
	int q = q_of(x.f, "M"), slot = slot_of(x.f, "M");
	engine_toggle(&x.e, q, 1);
	char *s = issues_of(&x, "M");
	cr_assert(strstr(s, "mindestens 2 Antworten"), "%s", s);
	free(s);
	engine_toggle(&x.e, q, 2);
	engine_toggle(&x.e, q, 8);
	s = issues_of(&x, "M");
	cr_assert(strstr(s, "Sie haben „Sonstiges“ gewählt"), "%s", s);
	free(s);
	engine_set_other(&x.e, slot, "Bücherbus");
	engine_toggle(&x.e, q, 3);
	s = issues_of(&x, "M");
	cr_assert(strstr(s, "höchstens 3"), "%s", s);
	free(s);
	engine_toggle(&x.e, q, 9);
	const struct answer *a = &x.r->ans[slot];
	cr_assert_eq(a->v.u.set.n, 1, "the exclusive option clears the others");
	cr_assert_eq(a->v.u.set.codes[0], 9);
	engine_toggle(&x.e, q, 2);
	cr_assert_eq(a->v.u.set.n, 1, "and another option clears the exclusive one");
	cr_assert_eq(a->v.u.set.codes[0], 2);
	engine_toggle(&x.e, q, 2);
	cr_assert_eq(a->state, ANS_EMPTY, "toggling the last option off leaves a blank");
	/* an import may still bring both: that is an error */
	int32_t both[] = {1, 9};
	struct value v = value_set(both, 2);
	engine_set_value(&x.e, slot, &v);
	value_free(&v);
	s = issues_of(&x, "M");
	cr_assert(strstr(s, "„keine“ lässt sich nicht mit anderen Antworten kombinieren"), "%s", s);
	free(s);
	stop(&x);
}

Test(engine, dates_and_bad_codes)
{
	struct fixture x;
	start(&x, VALID);
	struct value v = value_date(0);
	engine_set_value(&x.e, slot_of(x.f, "D"), &v);
	char *s = issues_of(&x, "D");
	cr_assert(strstr(s, "nicht vor dem 01.01.2016"), "%s", s);
	free(s);
	stop(&x);
	start(&x, HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	              "{\"id\":\"A\",\"type\":\"single\",\"text\":\"a\"," CH3 "}]}]}");
	set_num(&x.e, "A", 7);
	s = issues_of(&x, "A");
	cr_assert(strstr(s, "Der Code 7 gehört zu keiner Antwort"), "%s", s);
	free(s);
	stop(&x);
}

Test(engine, blockers_list_everything_that_stops_finishing)
{
	struct fixture x;
	start(&x, VALID);
	struct issues l = {0};
	issue_blockers(&x.e, &l);
	cr_assert_eq(l.n, 2, "N is required (error), P soft-required (warning)");
	cr_assert(issue_blocking(&l, false));
	issue_free_list(&l);
	set_num(&x.e, "N", 1);
	issue_blockers(&x.e, &l);
	cr_assert_eq(l.n, 1);
	cr_assert_not(issue_blocking(&l, false));
	cr_assert(issue_blocking(&l, true));
	issue_free_list(&l);
	engine_confirm(&x.e, "P.required");
	issue_blockers(&x.e, &l);
	cr_assert_eq(l.n, 0);
	issue_free_list(&l);
	stop(&x);
}

Test(engine, computed_values_and_piping)
{
	struct fixture x;
	start(&x, HEAD "\"computed\":[{\"id\":\"GK\",\"expr\":\"if(E >= 100000, 1, if(E >= 20000, 2, 3))\","
	              "\"choices\":[{\"code\":1,\"label\":\"Großstadt\"},{\"code\":2,\"label\":\"Mittelstadt\"},{\"code\":3,\"label\":\"Kleinstadt\"}]}],"
	              "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	              "{\"id\":\"K\",\"type\":\"text\",\"text\":\"k\"},"
	              "{\"id\":\"E\",\"type\":\"integer\",\"text\":\"e\",\"min\":0},"
	              "{\"id\":\"V\",\"type\":\"decimal\",\"text\":\"v\",\"decimals\":2,\"min\":0},"
	              "{\"id\":\"M\",\"type\":\"multi\",\"text\":\"m\"," CH3 "},"
	              "{\"id\":\"Z\",\"type\":\"note\",\"text\":\"{K|Ihre Kommune} ({GK}, {E} Einw., {V}, {M}) {{x}\"}]}]}");
	char *s = pipe_render(&x.e, x.f->questions[4].text);
	cr_assert_str_eq(s, "Ihre Kommune (…, … Einw., …, …) {x}");
	free(s);
	set_str(&x.e, "K", "Göttingen");
	set_num(&x.e, "E", 118914);
	set_num(&x.e, "V", 3.5);
	engine_toggle(&x.e, 3, 3);
	engine_toggle(&x.e, 3, 1);
	s = pipe_render(&x.e, x.f->questions[4].text);
	cr_assert_str_eq(s, "Göttingen (Großstadt, 118.914 Einw., 3,50, ja, vielleicht) {x}");
	free(s);
	set_num(&x.e, "E", 20000);
	struct value v = engine_value(&x.e, form_var(x.f, "GK"));
	cr_assert_eq(v.type, VT_NUM);
	cr_assert_eq(v.u.num, 2);
	engine_set_missing(&x.e, slot_of(x.f, "E"), -1);
	v = engine_value(&x.e, form_var(x.f, "GK"));
	cr_assert_eq(v.type, VT_NULL, "a missing code makes the computed value null");
	stop(&x);
}

Test(engine, matrix_cells)
{
	struct fixture x;
	start(&x, HEAD "\"sections\":[{\"id\":\"S\",\"title\":\"s\",\"questions\":["
	              "{\"id\":\"F\",\"type\":\"matrix\",\"text\":\"f\",\"required\":true,"
	              "\"rows\":[{\"id\":\"F_1\",\"text\":\"eins\"},{\"id\":\"F_2\",\"text\":\"zwei\"}],"
	              "\"columns\":[{\"suffix\":\"b\",\"title\":\"Bedeutung\"," CH3 "},{\"suffix\":\"u\",\"title\":\"umgesetzt\"," CH3 "}]},"
	              "{\"id\":\"G\",\"type\":\"text\",\"text\":\"g\",\"visible_if\":\"answered(F) and selected(F_1b, 1)\"}]}]}");
	char *s = issues_of(&x, "F");
	cr_assert_str_eq(s, "0:E:0:Bitte beantworten Sie diese Frage.|");
	free(s);
	set_num(&x.e, "F_1b", 1);
	set_num(&x.e, "F_1u", 2);
	set_num(&x.e, "F_2b", 3);
	s = issues_of(&x, "F");
	cr_assert_str_eq(s, "0:E:0:1 von 2 Zeilen beantwortet: Bitte beantworten Sie alle Zeilen.|",
	                 "a row counts once all its columns are answered");
	free(s);
	cr_assert_not(engine_visible(&x.e, 1));
	engine_set_missing(&x.e, slot_of(x.f, "F_2u"), -2);
	cr_assert(engine_answered(&x.e, 0));
	cr_assert(engine_visible(&x.e, 1));
	s = issues_of(&x, "F");
	cr_assert_str_eq(s, "");
	free(s);
	stop(&x);
}

Test(engine, progress_as_a_person_reads_it)
{
	struct fixture x;
	start(&x, VALID);
	int done, visible, answered;
	progress_done(&x.e, &done, &visible);
	cr_assert_eq(visible, 6);
	cr_assert_eq(done, 0);
	set_num(&x.e, "N", 10);
	engine_confirm(&x.e, "P.required"); /* left blank on purpose: done */
	progress_done(&x.e, &done, &visible);
	progress_count(&x.e, &answered, &visible);
	cr_expect_eq(done, 2);
	cr_expect_eq(answered, 1, "left blank is not answered");
	response_finish(x.r, 100); /* completed: all of it */
	progress_done(&x.e, &done, &visible);
	cr_expect_eq(done, visible);
	stop(&x);
}
